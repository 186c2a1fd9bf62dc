// Quick test sends in the real window, on the embedded sandbox's demo organization: from a profile,
// pick a template, fill its variables, send to a number and watch the timeline reach delivered
// (pushed by the backend); a magic failing number explained on its timeline; every recipient opted
// out explained before any message; the Sandbox toggle renders without creating a message; the
// command palette opens the send panel; the history sends again in one click.
import assert from "node:assert/strict";
import { test } from "node:test";
import { byTestId, checkAccessibility, withApp } from "../lib/app.mjs";

const text = (browser, id) => browser.execute((i) => document.querySelector(`[data-testid="${i}"]`)?.textContent ?? null, id);

async function openSendFor(browser, name) {
  await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length > 0, { timeout: 60000, timeoutMsg: "no rows" });
  await byTestId(browser, "profile-search").setValue(name);
  await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length === 1, { timeout: 5000 });
  await byTestId(browser, "profile-row").click();
  await byTestId(browser, "open-send").waitForDisplayed({ timeout: 10000 });
  await byTestId(browser, "open-send").click();
  await byTestId(browser, "send-screen").waitForDisplayed({ timeout: 30000 });
  await browser.$('select[name="template"]').waitForEnabled({ timeout: 10000 });
}

// Replaces a field's text as a person does (select all, delete, type): each key is an input event.
// WebDriver's own clear sets the value without one, so a re-render in between (a history row that
// follows its timeline) would put the old text back under the new.
async function retype(browser, selector, value) {
  const input = browser.$(selector);
  await input.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  await browser.waitUntil(async () => (await input.getValue()) === "", { timeout: 5000, timeoutMsg: `${selector} was not emptied` });
  await input.addValue(value);
}

async function fill(browser, number) {
  await browser.$('select[name="template"]').selectByVisibleText(await browser.execute(() =>
    [...document.querySelectorAll('select[name="template"] option')].find((o) => o.textContent.startsWith("visit_reminder")).textContent));
  await browser.$('[name="variables.first_name"]').setValue("Ann");
  await browser.$('[name="variables.time"]').setValue("10:00");
  await retype(browser, '[name="recipients.0"]', number);
}

test("send a template to a number and watch it delivered; failures explained; sandbox; palette; history", async () => {
  await withApp("quick-send", async (browser) => {
    await openSendFor(browser, "Bella Salon");
    assert.match(await text(browser, "key-note"), /x-profile-id/);
    // A template that is not approved is listed with why, and refused before sending.
    const options = await browser.execute(() => [...document.querySelectorAll('select[name="template"] option')].map((o) => o.textContent));
    assert.ok(options.some((o) => o.startsWith("spring_promo") && o.includes("cannot be sent")), options.join(" | "));

    const historyBefore = (await browser.$$('[data-testid="history-row"]')).length;
    // Send with nothing filled in: each problem said on its field (the template's variables, then
    // the number), focus on the first, nothing sent.
    await byTestId(browser, "send").click();
    await byTestId(browser, "error-recipients").waitForDisplayed({ timeout: 5000, timeoutMsg: "an empty recipient has no message" });
    assert.match(await text(browser, "error-recipients"), /Add at least one phone number/);
    assert.equal(await browser.$('[name="recipients.0"]').getAttribute("aria-invalid"), "true");
    await browser.waitUntil(async () => await browser.execute(() => document.activeElement?.getAttribute("aria-invalid") === "true"),
      { timeout: 5000, timeoutMsg: "focus did not move to the first field with a problem" });
    assert.equal(await byTestId(browser, "send-outcome").isExisting(), false, "an empty form was sent");

    // A bad number is caught while typing, in words; Send says so instead of sending.
    await fill(browser, "415 555");
    await byTestId(browser, "error-recipients.0").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "send").click();
    // Held back: focus moves to the number (the first field with a problem); nothing was sent.
    await browser.waitUntil(async () => await browser.execute(() => document.activeElement?.getAttribute("name") === "recipients.0"
      && document.activeElement?.getAttribute("aria-invalid") === "true"), { timeout: 5000, timeoutMsg: "Send with a bad number did not point at it" });
    assert.equal(await byTestId(browser, "send-outcome").isExisting(), false, "a bad number was sent");
    assert.equal(await browser.$$('[data-testid="history-row"]').length, historyBefore, "a bad number reached the history");

    // Delivered: the timeline is pushed by the backend until final.
    await retype(browser, '[name="recipients.0"]', "+1 (415) 555-0123");
    await browser.waitUntil(async () => !(await byTestId(browser, "error-recipients.0").isExisting()), { timeout: 5000, timeoutMsg: "the fixed number keeps its message" });
    // Sent from the keyboard: Ctrl+Enter.
    await browser.keys(["Control", "Enter"]);
    await byTestId(browser, "send-outcome").waitForDisplayed({ timeout: 10000, timeoutMsg: "Ctrl+Enter sent nothing" });
    assert.match(await text(browser, "message-body"), /Hi Ann, see you tomorrow at 10:00/);
    await browser.waitUntil(async () => (await text(browser, "message-status")) === "Delivered", { timeout: 30000, timeoutMsg: "never delivered" });
    await checkAccessibility(browser, "the test-send screen with a delivered timeline");
    const steps = await browser.execute(() => [...document.querySelectorAll('[data-testid="message-timeline"] ol li')].map((li) => li.textContent));
    assert.ok(steps.length >= 3 && steps[0].startsWith("Queued"), steps.join(" | "));
    assert.equal(await browser.$('[name="recipients.0"]').getValue(), "+14155550123", "the number was normalised");

    // A magic number that fails at routing: explained with its reason code.
    await retype(browser, '[name="recipients.0"]', "+15005550001");
    await byTestId(browser, "send").click();
    await browser.waitUntil(async () => (await text(browser, "message-status")) === "Failed", { timeout: 30000, timeoutMsg: "never failed" });
    assert.match(await text(browser, "message-explanation"), /ERR_ROUTE_DENIED/);

    // Every recipient opted out: refused by Sent, said in words, nothing to follow.
    await retype(browser, '[name="recipients.0"]', "+15005550002");
    await byTestId(browser, "send").click();
    await byTestId(browser, "send-error").waitForDisplayed({ timeout: 10000 });
    assert.match(await text(browser, "send-error"), /opted out.*BUSINESS_004/s);

    // The Sandbox toggle: rendered, not sent, nothing followed.
    await retype(browser, '[name="recipients.0"]', "+14155550123");
    await browser.$('input[name="sandbox"]').click();
    await browser.waitUntil(async () => /Check in the sandbox/.test(await byTestId(browser, "send").getText()), { timeout: 5000 });
    await byTestId(browser, "send").click();
    await byTestId(browser, "send-outcome").waitForDisplayed({ timeout: 10000 });
    assert.match(await text(browser, "send-outcome"), /Nothing was sent/);
    assert.match(await text(browser, "message-status"), /Not sent/);

    // The history lists each send; "Send again" repeats the delivered one in one click.
    const history = await browser.execute(() => [...document.querySelectorAll('[data-testid="history-row"]')].map((r) => r.textContent));
    assert.ok(history.length >= 4, history.join(" | "));
    assert.ok(history.some((h) => h.includes("Refused: BUSINESS_004")));
    // Each sent row follows its message's timeline, not only "Accepted".
    await browser.waitUntil(async () => {
      const rows = await browser.execute(() => [...document.querySelectorAll('[data-testid="history-row"]')].map((r) => r.textContent));
      return rows.some((h) => h.includes("Delivered (1 message)")) && rows.some((h) => h.includes("Failed (1 message)"));
    }, { timeout: 10000, timeoutMsg: "the history did not follow the timelines" });
    assert.ok(!history.some((h) => h.includes("4155550123")), "numbers are masked in the history");
    const again = await browser.$$('[data-testid="history-row"] button');
    await again[again.length - 1].click(); // the oldest: the delivered send
    await browser.waitUntil(async () => (await text(browser, "message-status")) === "Delivered", { timeout: 30000, timeoutMsg: "the repeated send was not delivered" });

    // How long the full numbers are kept is the user's choice (a week here), said in words.
    await byTestId(browser, "send-retention").selectByVisibleText("1 week");
    await browser.waitUntil(async () => /for 1 week/.test(await browser.execute(() => document.getElementById("send-retention-hint")?.textContent ?? "")),
      { timeout: 5000, timeoutMsg: "the new period was not said" });

    // The command palette finds another profile's send panel by name, from this one's (with its
    // delivered result on screen): the panel starts afresh for the other profile.
    await browser.keys(["Control", "k"]);
    await byTestId(browser, "command-palette").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "palette-input").setValue("Tenant");
    const send = browser.$('[data-testid="palette-option"][data-action="send-profile"]');
    await send.waitForDisplayed({ timeout: 5000 });
    await browser.keys("ArrowDown");
    await browser.waitUntil(async () => (await browser.$('[data-testid="palette-option"][aria-selected="true"]').getAttribute("data-action")) === "send-profile",
      { timeout: 5000, timeoutMsg: "ArrowDown did not reach the send action" });
    await browser.keys("Enter");
    await browser.waitUntil(async () => /Test send as Tenant Co/.test(await browser.execute(() => document.querySelector("#send-heading")?.textContent ?? "")),
      { timeout: 10000, timeoutMsg: "Tenant Co's send panel did not open" });
    assert.equal(await byTestId(browser, "send-outcome").isExisting(), false, "no result of Bella Salon's send under Tenant Co");
    assert.equal(await byTestId(browser, "message-timeline").isExisting(), false, "no timeline of Bella Salon's send");
    await browser.waitUntil(async () => (await byTestId(browser, "send-retention").getValue()) === "7",
      { timeout: 5000, timeoutMsg: "the period chosen on another panel was not kept" });
  });
});
