// Opens the real Sent Profiles binary through tauri-driver (which drives WebKitWebDriver) and hands
// the test a WebdriverIO browser bound to the app's main window.
//
// The test command (./x test) starts Xvfb, a D-Bus session with an unlocked gnome-keyring and
// tauri-driver before running these specs; this module only connects to it.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { remote } from "webdriverio";

const binary = process.env.APP_BINARY;
const driverPort = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
export const screenshotDir = process.env.E2E_SCREENSHOTS ?? path.resolve("screenshots");

if (!binary || !path.isAbsolute(binary)) {
  throw new Error("APP_BINARY must be the absolute path of a `tauri build` binary (see ./x e2e)");
}

/** Starts the app and returns a browser session on its window. */
export async function launchApp() {
  return remote({
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
}

/**
 * Runs one scenario against a fresh app window. On failure it saves a screenshot named after the
 * test into `screenshotDir` before rethrowing, so a red run shows what the user would have seen.
 */
export async function withApp(name, scenario) {
  const browser = await launchApp();
  try {
    await scenario(browser);
  } catch (error) {
    try {
      mkdirSync(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${name.replace(/[^a-z0-9-]+/gi, "_")}.png`);
      await browser.saveScreenshot(file);
      console.error(`screenshot saved: ${file}`);
    } catch (shotError) {
      console.error(`could not save a screenshot: ${shotError}`);
    }
    throw error;
  } finally {
    await browser.deleteSession().catch(() => {});
  }
}

/** Finds an element by its `data-testid`. */
export function byTestId(browser, id) {
  return browser.$(`[data-testid="${id}"]`);
}
