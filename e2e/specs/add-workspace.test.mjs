// Adding a workspace with a key Sent does not know: the message appears under the key field, and
// the draft stays in the form. The "server" is the app's own embedded sandbox, entered as a custom
// URL, so the key check goes over real HTTP.
import assert from "node:assert/strict";
import { test } from "node:test";
import { byTestId, checkAccessibility, withApp } from "../lib/app.mjs";

test("a workspace with an unknown key is refused with a message on the key field", async () => {
  await withApp("add-workspace-bad-key", async (browser) => {
    const url = byTestId(browser, "workspace-url");
    await url.waitForDisplayed({ timeout: 15000 });
    const sandboxUrl = await url.getText();
    assert.match(sandboxUrl, /^http:\/\/127\.0\.0\.1:\d+$/);

    await browser.$("button=Add workspace").click();
    await browser.$('input[name="name"]').setValue("Client with a typo");
    await browser.$('input[name="environment"][value="custom"]').click();
    await browser.$('input[name="custom_base_url"]').setValue(sandboxUrl);
    await browser.$('input[name="api_key"]').setValue("definitely-not-a-key-0000");
    await byTestId(browser, "save-workspace").click();

    const message = byTestId(browser, "error-api_key");
    await message.waitForDisplayed({ timeout: 20000, timeoutMsg: "no message under the key field" });
    assert.match(await message.getText(), /did not recognise this API key/);
    assert.equal(await browser.$('input[name="name"]').getValue(), "Client with a typo", "the draft is kept");
    assert.equal(await browser.$('input[name="api_key"]').getAttribute("aria-invalid"), "true");
    await checkAccessibility(browser, "the Add workspace dialog with an error");

    // Nothing was added: the switcher still lists only the built-in sandbox.
    const options = await browser.$$('[data-testid="workspace-switcher"] option');
    assert.equal(options.length, 1);
  });
});
