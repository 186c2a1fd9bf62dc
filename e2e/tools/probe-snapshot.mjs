// Not a test: shows that with the app painting directly (no GPU) WebKitWebDriver's snapshot of the
// Workspace screen never completes while the page itself keeps answering (README, Benchmarks).
// Run by hand inside `./x session` with tauri-driver listening on TAURI_DRIVER_PORT and APP_BINARY set.
import { remote } from "webdriverio";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const browser = await remote({ hostname: "127.0.0.1", port: Number(process.env.TAURI_DRIVER_PORT), logLevel: "error", connectionRetryCount: 0,
  capabilities: { "wdio:enforceWebDriverClassic": true, "tauri:options": { application: process.env.APP_BINARY } } });
const t = () => new Date().toISOString().slice(11, 23);
try {
  await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length > 0, { timeout: 60000 });
  console.log(t(), "rows");
  await browser.$("a=Workspace and keys").click();
  await sleep(1000);
  console.log(t(), "workspace screen; title:", await browser.execute(() => document.querySelector("h1,h2")?.textContent));
  const rafs = await browser.executeAsync((done) => { let n = 0; const f = () => (++n < 10 ? requestAnimationFrame(f) : done(n)); requestAnimationFrame(f); });
  console.log(t(), "animation frames still run:", rafs);
  await browser.$("a=Profiles").click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length > 0, { timeout: 10000 });
  console.log(t(), "back on profiles: the page responds");
  await browser.$("a=Workspace and keys").click();
  await sleep(500);
  const shot = browser.saveScreenshot("/tmp/probe-ws.png").then(() => "saved", (e) => `failed ${e.message}`);
  console.log(t(), "screenshot:", await Promise.race([shot, sleep(20000).then(() => "still waiting after 20 s")]));
  console.log(t(), "after the snapshot, page answers:", await Promise.race([browser.execute(() => document.title), sleep(10000).then(() => "no answer in 10 s")]));
} finally {
  process.exit(0);
}
