// The window opens on the real binary and shows what the Rust `app_info` command returned.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { byTestId, withApp } from "../lib/app.mjs";

// The version the binary was built with, from the app's manifest (the same source Rust reads).
const cargoToml = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
const version = cargoToml.match(/^version\s*=\s*"([^"]+)"/m)[1];

test("the main window opens and shows the app version from app_info", async () => {
  await withApp("app-info", async (browser) => {
    assert.equal(await browser.getTitle(), "Sent Profiles");
    const versionLabel = byTestId(browser, "app-version");
    await versionLabel.waitUntil(async () => (await versionLabel.getText()).startsWith("v"), {
      timeout: 15000,
      timeoutMsg: "the version never appeared: app_info did not answer",
    });
    assert.match(await versionLabel.getText(), new RegExp(`^v${version.replace(/\./g, "\\.")}\\b`));
    // The switcher names the built-in sandbox; the practice-data note says what it means.
    assert.equal(await browser.$('[data-testid="workspace-switcher"] option:checked').getText(), "Local sandbox");
    assert.match(await byTestId(browser, "sandbox-banner").getText(), /nothing here reaches Sent/);
    assert.equal(await byTestId(browser, "app-error").isExisting(), false);
    // On Linux the page names only generic font families, which fontconfig finds on the first
    // try (a long list of uninstalled families cost the first paint ~60 ms; ui/src/styles.css).
    const fonts = await browser.execute(() => {
      const code = document.body.appendChild(document.createElement("code"));
      const families = [getComputedStyle(document.body).fontFamily, getComputedStyle(code).fontFamily];
      code.remove();
      return families;
    });
    assert.deepEqual(fonts, ["sans-serif", "monospace"]);
  });
});
