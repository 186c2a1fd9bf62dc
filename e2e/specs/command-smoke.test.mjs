// Calls every registered command once from the real window. Capability (ACL) mistakes only show
// up in a built app, so this runs against the binary the test command built with `tauri build`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { withApp } from "../lib/app.mjs";

// The one declaration of the commands (build.rs reads the same lines: `module::name(`).
const catalog = readFileSync(new URL("../../src-tauri/src/commands/catalog.rs", import.meta.url), "utf8");
const commandNames = [...catalog.replace(/^\s*\/\/.*$/gm, "").matchAll(/^\s*[a-z_]+::([a-z_0-9]+)\(/gm)].map((m) => m[1]);

test("every registered command is allowed for the main window", async () => {
  assert.ok(commandNames.length > 10, "no command names found in catalog.rs");
  await withApp("command-smoke", async (browser) => {
    for (const name of commandNames) {
      let failure = null;
      try {
        const outcome = await browser.executeAsync((command, done) => {
          window.__TAURI_INTERNALS__
            .invoke(command, {})
            .then(() => done({ ok: true }))
            .catch((error) => done({ ok: false, error: typeof error === "string" ? error : JSON.stringify(error) }));
        }, name);
        if (!outcome.ok) failure = outcome.error;
      } catch (error) {
        // WebKitWebDriver may report the rejection as a script error instead.
        failure = String(error?.message ?? error);
      }
      // A command may refuse empty arguments with its own typed error; what must never happen is
      // the ACL refusing it or the command being unknown.
      if (failure !== null) {
        assert.doesNotMatch(failure, /not allowed|not found|ACL/i, `${name}: ${failure}`);
      }
    }
  });
});
