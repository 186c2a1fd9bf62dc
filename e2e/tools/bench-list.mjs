// The profile-list benchmark (./x bench): the release app against its embedded sandbox seeded with
// N generated profiles, next to the empty-window fixture, both started through tauri-driver the
// same way under Xvfb. Prints figures; asserts nothing.
//
// Times are wall-clock from asking tauri-driver for a session (which starts the process) to the
// page's own mark after paint (ui/src/lib/bench.ts; bench/empty-window/dist/main.js), so both
// include the same WebDriver start-up. Memory is the PSS of the app process and every process
// under it (WebKit's web and network processes), read from /proc after the list is shown and the
// app has been idle for a few seconds.
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { remote } from "webdriverio";

const port = Number(process.env.TAURI_DRIVER_PORT);
const appBinary = process.env.APP_BINARY;
const emptyBinary = process.env.EMPTY_BINARY;
const deb = process.env.DEB_FILE;
const profiles = Number(process.env.SENT_PROFILES_SANDBOX_PROFILES ?? 10000);
const runs = Number(process.env.BENCH_RUNS ?? 3);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const max = (xs) => Math.max(...xs);
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`;

async function launch(binary) {
  const started = Date.now();
  const browser = await remote({
    hostname: "127.0.0.1", port, logLevel: "error", connectionRetryCount: 0,
    capabilities: { "wdio:enforceWebDriverClassic": true, "tauri:options": { application: binary } },
  });
  return { browser, started };
}

async function bench(browser, timeout = 60000) {
  let record = null;
  await browser.waitUntil(async () => {
    record = await browser.execute(() => window.__sentBench ?? null);
    return record && record.firstRows !== undefined;
  }, { timeout, interval: 20, timeoutMsg: "no first rows mark" });
  return record;
}

function pss(binary) {
  const root = execFileSync("pgrep", ["-n", "-f", binary]).toString().trim();
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    try {
      pids.push(...execFileSync("ps", ["-o", "pid=", "--ppid", pids[i]]).toString().split(/\s+/).filter(Boolean));
    } catch { /* no children */ }
  }
  let total = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      if (m) total += Number(m[1]);
    } catch { /* exited */ }
  }
  return total;
}

async function emptyWindow() {
  const paints = [], memory = [];
  for (let i = 0; i < runs; i++) {
    const { browser, started } = await launch(emptyBinary);
    const record = await bench(browser);
    paints.push(record.firstRows - started);
    await sleep(4000);
    memory.push(pss(emptyBinary));
    await browser.deleteSession();
    await sleep(500);
  }
  return { paint: median(paints), memory: median(memory) };
}

async function app() {
  // First launch: no cache; the embedded sandbox seeds N profiles; measure the full refresh and
  // the filter keystrokes.
  const first = await launch(appBinary);
  const cold = await bench(first.browser, 120000);
  const refreshToPaint = cold.refreshToPaint[0];
  const coldRows = cold.firstRows - first.started;
  const search = await first.browser.$('[data-testid="profile-search"]');
  await search.click();
  for (const ch of "profile 12") {
    await first.browser.keys(ch);
    await sleep(60);
  }
  for (let i = 0; i < 6; i++) {
    await first.browser.keys("Backspace");
    await sleep(60);
  }
  await sleep(300);
  const filter = (await first.browser.execute(() => window.__sentBench.filterToPaint)).slice();
  const count = await first.browser.$('[data-testid="profile-count"]').getText();
  await first.browser.keys("Escape");
  await sleep(4000);
  const memory = pss(appBinary);
  await first.browser.deleteSession();
  await sleep(800);

  // Later launches: the cache answers first.
  const cached = [];
  for (let i = 0; i < runs; i++) {
    const { browser, started } = await launch(appBinary);
    const record = await bench(browser);
    if (!record.firstRowsFromCache) console.warn("warning: the first rows did not come from the cache");
    cached.push(record.firstRows - started);
    await sleep(1500);
    await browser.deleteSession();
    await sleep(800);
  }
  return { coldRows, refreshToPaint, filter, count, memory, cached: median(cached) };
}

const empty = await emptyWindow();
const result = await app();
const debSize = deb ? statSync(deb).size : NaN;
console.log(`\nprofile list benchmark: ${profiles} profiles, ${runs} runs (medians), Xvfb, ${new Date().toISOString()}`);
console.log(`  list shown                ${result.count}`);
console.log(`  first rows from cache     ${ms(result.cached)}   empty window first paint ${ms(empty.paint)}   ratio ${(result.cached / empty.paint).toFixed(2)}x (goal <= 1.25x)`);
console.log(`  first rows, no cache      ${ms(result.coldRows)} (launch + sandbox seed + /v3/profiles + render)`);
console.log(`  full refresh, answer->paint ${ms(result.refreshToPaint)} (goal < 1000 ms)`);
console.log(`  filter keystroke -> paint median ${ms(median(result.filter))}, worst ${ms(max(result.filter))} over ${result.filter.length} keystrokes (goal < 16 ms)`);
console.log(`  idle memory (PSS, all processes) ${mb(result.memory)}   empty window ${mb(empty.memory)}   difference ${mb(result.memory - empty.memory)} (goal <= 40 MB)`);
console.log(`  .deb size                 ${Number.isNaN(debSize) ? "not built" : `${(debSize / 1048576).toFixed(2)} MiB`} (goal <= 10 MiB)`);
