// Opens the real Sent Profiles binary through tauri-driver (which drives WebKitWebDriver) and hands
// the test a WebdriverIO browser bound to the app's main window.
//
// The test command (./x test) starts Xvfb, a D-Bus session with an unlocked gnome-keyring and
// tauri-driver before running these specs; this module only connects to it.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { lookup } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { hostname, tmpdir } from "node:os";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import path from "node:path";
import { remote } from "webdriverio";

const binary = process.env.APP_BINARY;
const driverPort = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
export const screenshotDir = process.env.E2E_SCREENSHOTS ?? path.resolve("screenshots");

if (!binary || !path.isAbsolute(binary)) {
  throw new Error("APP_BINARY must be the absolute path of a `tauri build` binary (see ./x e2e)");
}

// The apps this harness launched, one PID a line, shared by the spec files of one run (each runs in
// its own node process). Only these are ever waited for or killed: a copy of the same build that a
// developer started by hand is none of the tests' business.
const launchedFile = process.env.E2E_LAUNCHED ?? path.join(tmpdir(), `sent-profiles-e2e-${driverPort}.pids`);

/** pid -> { ppid, exe } for every process, from `ps`. */
function processTable() {
  let out = "";
  try {
    out = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" });
  } catch {
    return new Map();
  }
  const table = new Map();
  for (const line of out.split("\n")) {
    const m = line.trim().match(/^(\d+)\s+(\d+)\s+(\S+)/);
    if (m) table.set(Number(m[1]), { ppid: Number(m[2]), exe: m[3] });
  }
  return table;
}

/** The app processes below tauri-driver (`TAURI_DRIVER_PID`): the copy the session just started. */
function appsOfThisDriver() {
  const driver = Number(process.env.TAURI_DRIVER_PID ?? 0);
  if (!driver) return [];
  const table = processTable();
  const below = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops += 1) {
      if (p === driver) return true;
      p = table.get(p)?.ppid ?? 0;
    }
    return false;
  };
  return [...table].filter(([pid, p]) => p.exe === binary && below(pid)).map(([pid]) => pid);
}

function launchedPids() {
  try {
    return readFileSync(launchedFile, "utf8").split("\n").map(Number).filter((n) => n > 0);
  } catch {
    return [];
  }
}

/** Which of `pids` still run the app binary (a PID reused by another program does not count). */
function stillRunning(pids) {
  const table = processTable();
  return pids.filter((pid) => table.get(pid)?.exe === binary);
}

/**
 * Waits until the apps this harness launched are gone (killing them after `ms`). The app is
 * single-instance: a copy still shutting down would take the next launch's place, and that session
 * would never start.
 */
async function waitForLaunchedExit(ms = 15000) {
  const pids = launchedPids();
  const deadline = Date.now() + ms;
  while (stillRunning(pids).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  for (const pid of stillRunning(pids)) {
    try { process.kill(pid, "SIGKILL"); } catch { /* already gone */ }
  }
  const gone = Date.now() + 5000;
  while (stillRunning(pids).length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
  try { writeFileSync(launchedFile, stillRunning(pids).join("\n")); } catch { /* nothing to forget */ }
}

/**
 * Kills the apps this harness launched at once (SIGKILL: a crash or a power cut, nothing saved on
 * the way out) and waits until they are gone.
 */
export async function killLaunchedApps() {
  for (const pid of stillRunning(launchedPids())) {
    try { process.kill(pid, "SIGKILL"); } catch { /* already gone */ }
  }
  await waitForLaunchedExit(5000);
}

/** Starts the app and returns a browser session on its window. */
export async function launchApp() {
  await waitForLaunchedExit();
  const browser = await remote({
    hostname: "127.0.0.1",
    port: driverPort,
    logLevel: "warn",
    connectionRetryCount: 0,
    capabilities: {
      // tauri-driver speaks classic WebDriver only; without this WebdriverIO asks for BiDi.
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application: binary },
    },
  });
  const started = appsOfThisDriver().filter((pid) => !launchedPids().includes(pid));
  if (started.length) appendFileSync(launchedFile, `${started.join("\n")}\n`);
  typesOverOldValues(browser);
  return browser;
}

/**
 * WebKitWebDriver sometimes refuses the clear of setValue ("element not interactable") while the
 * screen re-renders, and WebdriverIO then types after the old value ("Tenant Co IncTenant
 * Company Inc"). A user selects the text and types over it: setValue does that when it sees the
 * old value left in front of the new one. (Also used by the bench.)
 */
export function typesOverOldValues(browser) {
  browser.overwriteCommand("setValue", async function (setValue, value, options) {
    await setValue(value, options);
    const typed = String(value);
    const now = await this.getValue();
    if (now === typed || !now.endsWith(typed)) return;
    await this.click();
    await browser.keys(["Control", "a"]);
    await browser.keys("Backspace");
    await this.addValue(typed);
    await browser.waitUntil(async () => (await this.getValue()) === typed,
      { timeout: 5000, timeoutMsg: `setValue left "${await this.getValue()}" instead of "${typed}"` });
  }, true);
}

/**
 * Runs one scenario against a fresh app window. On failure it prints the window's text and saves a
 * screenshot named after the test into `screenshotDir` before rethrowing, so a red run shows what
 * the user would have seen.
 */
export async function withApp(name, scenario) {
  const browser = await launchApp();
  try {
    await scenario(browser);
  } catch (error) {
    // What the window said, in words: the snapshot below may not come (no compositing), and the
    // text alone usually tells why (an error shown, a screen not reached, a row missing).
    try {
      let timer;
      const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error("no answer within 5 s")), 5000); });
      const seen = await Promise.race([browser.execute(() => `${location.pathname}\n${document.body.innerText}`), late])
        .finally(() => clearTimeout(timer));
      console.error(`the window showed (${name}):\n${String(seen).slice(0, 4000).replace(/^/gm, "  | ")}`);
    } catch (textError) {
      console.error(`could not read the window's text: ${textError}`);
    }
    try {
      mkdirSync(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${name.replace(/[^a-z0-9-]+/gi, "_")}.png`);
      // WebKitWebDriver's snapshot can wait minutes while the window paints without compositing
      // (README, Benchmarks): a failure's screenshot gets 15 s, then the failure is reported.
      let timer;
      const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error("no snapshot within 15 s")), 15000); });
      await Promise.race([browser.saveScreenshot(file), late]).finally(() => clearTimeout(timer));
      console.error(`screenshot saved: ${file}`);
    } catch (shotError) {
      console.error(`could not save a screenshot: ${shotError}`);
    }
    throw error;
  } finally {
    await browser.deleteSession().catch(() => {});
    await waitForLaunchedExit();
  }
}

/** Finds an element by its `data-testid`. */
export function byTestId(browser, id) {
  return browser.$(`[data-testid="${id}"]`);
}

/** A standalone sent-sandbox (`SENT_SANDBOX_BIN`) with a known organization key; `args` adds flags
 * (e.g. `["--seed", "empty"]`). Resolves to `{ url, key, stop }`; stopping twice is harmless. */
export async function startSandbox(args = ["--seed", "demo"]) {
  const bin = process.env.SENT_SANDBOX_BIN;
  if (!bin) throw new Error("SENT_SANDBOX_BIN must point at the sent-sandbox binary (./x e2e sets it)");
  const key = `e2e-org-key-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const child = spawn(bin, [...args, "--org-key", key, "--no-rate-limit"], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = once(child, "exit").catch(() => {});
  const [first] = await once(createInterface({ input: child.stdout }), "line");
  return { url: first.replace(/^listening on /, ""), key, stop: async () => { child.kill("SIGTERM"); await exited; } };
}

/**
 * A sandbox (started with `args`) behind an https server "elsewhere": a host name that is not
 * localhost (this machine's name), with the certificate `./x e2e` made for it (`E2E_TLS_DIR`; the
 * app trusts its authority through SSL_CERT_FILE). To the app this is a server on another computer,
 * as production Sent is. Resolves to `{ url, key, direct, stop }` (`direct`: the sandbox's own
 * loopback URL, for the test's checks), or null when this run has no certificate or the machine's
 * name is localhost.
 */
export async function startRemoteSandbox(args) {
  const dir = process.env.E2E_TLS_DIR;
  const host = hostname();
  if (!dir || !host || /^localhost$/i.test(host)) return null;
  const { address } = await lookup(host);
  const sandbox = await startSandbox(args);
  const upstream = new URL(sandbox.url);
  const server = createHttpsServer({ key: readFileSync(path.join(dir, "server.key")), cert: readFileSync(path.join(dir, "server.pem")) }, (req, res) => {
    // As a reverse proxy does: the sandbox answers only requests addressed to itself.
    const headers = { ...req.headers, host: upstream.host };
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      // A body cut short upstream (a garbled answer) is cut short here too.
      answer.on("aborted", () => res.destroy());
      answer.on("error", () => res.destroy());
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  server.listen(0, address);
  await once(server, "listening");
  const { port } = server.address();
  return {
    url: `https://${host}:${port}`,
    key: sandbox.key,
    direct: sandbox.url,
    stop: async () => {
      server.closeAllConnections?.();
      await new Promise((done) => server.close(() => done()));
      await sandbox.stop();
    },
  };
}

/** Adds a custom workspace on `sandbox` through the dialog; it becomes current. */
export async function addWorkspace(browser, name, sandbox) {
  await browser.$("button=Add workspace").click();
  await browser.$('[name="name"]').setValue(name);
  await browser.$('input[name="environment"][value="custom"]').click();
  await browser.$('[name="custom_base_url"]').setValue(sandbox.url);
  await browser.$('[name="api_key"]').setValue(sandbox.key);
  await byTestId(browser, "save-workspace").click();
  await byTestId(browser, "added-identity").waitForDisplayed({ timeout: 20000 });
  await browser.$("button=Done").click();
  await browser.waitUntil(async () => (await byTestId(browser, "workspace-url").getText()) === sandbox.url,
    { timeout: 10000, timeoutMsg: "the new workspace is not current" });
}

/** A standalone sandbox's test hook: Sent moves a profile's status (as its review would). */
export async function setStatus(sandbox, id, status) {
  const response = await fetch(`${sandbox.url}/_sandbox/profiles/${id}/status`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ status }),
  });
  if (response.status !== 200) throw new Error(`the sandbox did not set ${status} (HTTP ${response.status})`);
}

/** Removes the current (custom) workspace, with its confirmation: the switcher offers one fewer.
 * (Counted rather than "only the built-in one stays", so one spec's failure before its own removal
 * does not fail the next spec's.) */
export async function removeWorkspace(browser) {
  const offered = async () => (await browser.$$('[data-testid="workspace-switcher"] option')).length;
  const before = await offered();
  await browser.$("a=Workspace and keys").click();
  await byTestId(browser, "remove-workspace").click();
  await byTestId(browser, "confirm").click();
  await browser.waitUntil(async () => (await offered()) === before - 1,
    { timeout: 10000, timeoutMsg: "the workspace was not removed" });
}

let axeSource = null;

/** axe-core's serious and critical violations (WCAG 2.0/2.1 A and AA rules) on what the window shows now. */
async function axeViolations(browser) {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  if (!(await browser.execute(() => typeof window.axe !== "undefined"))) await browser.execute(`${axeSource}\n;return true;`);
  return browser.executeAsync((done) => {
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] })
      .then((r) => done(r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ")) }))))
      .catch((e) => done([{ id: "axe-error", impact: "critical", help: String(e), nodes: [] }]));
  });
}

/**
 * Runs axe-core on the screen or dialog in view, in the light and the dark theme, and fails on any
 * serious or critical violation, each listed with its elements. `where` names what was checked.
 */
export async function checkAccessibility(browser, where) {
  const theme = await browser.execute(() => document.documentElement.dataset.theme ?? "");
  const found = [];
  try {
    for (const mode of ["light", "dark"]) {
      await browser.execute((m) => { document.documentElement.dataset.theme = m; }, mode);
      for (const v of await axeViolations(browser)) found.push(`${mode}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(", ")}`);
    }
  } finally {
    await browser.execute((t) => { if (t) document.documentElement.dataset.theme = t; else delete document.documentElement.dataset.theme; }, theme);
  }
  if (found.length) throw new Error(`accessibility of ${where}:\n  ${found.join("\n  ")}`);
}
