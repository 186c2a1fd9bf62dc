// Submitting for review from a profile's own screen, in the real window, on a standalone sandbox
// with the demo organization (its own data: the other specs' embedded sandbox is untouched).
// A profile with a gap: the dialog names it first and "Go to Identity" lands on the field; a
// ready profile: submitted from its screen, its status moves to Approved (or Pending review)
// without a refresh; a profile in review: the dialog says so and offers no submission; the brand's
// TCR status and identity (KYC) status are shown in words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { addWorkspace, byTestId, checkAccessibility, removeWorkspace, startSandbox, withApp } from "../lib/app.mjs";

const text = (browser, id) => browser.execute((i) => document.querySelector(`[data-testid="${i}"]`)?.textContent ?? null, id);

async function openProfile(browser, name) {
  await browser.$("a=Profiles").click();
  const search = byTestId(browser, "profile-search");
  await search.waitForDisplayed({ timeout: 10000 });
  await search.setValue(name);
  await browser.waitUntil(async () => {
    const names = await browser.execute(() => [...document.querySelectorAll('[data-testid="profile-row"]')].map((r) => r.textContent ?? ""));
    return names.length === 1 && names[0].includes(name);
  }, { timeout: 10000, timeoutMsg: `${name} not found alone` });
  await byTestId(browser, "profile-row").click();
  await browser.waitUntil(async () => (await browser.$("#profile-heading").getText().catch(() => "")) === name,
    { timeout: 10000, timeoutMsg: `${name} did not open` });
}

async function openSubmit(browser) {
  await byTestId(browser, "open-submit").click();
  await byTestId(browser, "submit-dialog").waitForDisplayed({ timeout: 5000 });
  await byTestId(browser, "review-standing").waitForDisplayed({ timeout: 10000 });
}

test("submit for review from the profile: gaps named first, then the submission, the status followed", async () => {
  const sandbox = await startSandbox();
  try {
    await withApp("review", async (browser) => {
      await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length > 0, { timeout: 20000 });
      await addWorkspace(browser, "Review client", sandbox);

      // Uptown has no short name: named before anything is sent, and "Go to" lands on the field.
      await openProfile(browser, "Joe's Pizza Uptown");
      await openSubmit(browser);
      assert.match(await text(browser, "review-standing"), /Not submitted for review yet/);
      assert.match(await text(browser, "review-gaps"), /Add a short name/);
      assert.equal(await byTestId(browser, "submit-review").isExisting(), false, "a profile with a gap was offered the submission");
      await checkAccessibility(browser, "the submit dialog with a gap");
      await browser.$("button=Go to Identity").click();
      await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.getAttribute("name"))) === "short_name",
        { timeout: 5000, timeoutMsg: "Go to Identity did not land on the short name" });
      assert.equal(await byTestId(browser, "submit-dialog").isExisting(), false);

      // Northwind is in review; its own brand's TCR status and identity status are in words.
      await openProfile(browser, "Northwind Clinics");
      assert.match(await text(browser, "brand-tcr-status"), /^Active/);
      assert.match(await text(browser, "brand-identity-status"), /^Verified/);
      await openSubmit(browser);
      assert.match(await text(browser, "review-standing"), /In review/);
      assert.equal(await byTestId(browser, "submit-review").isExisting(), false, "a profile in review was offered the submission");
      await byTestId(browser, "submit-close").click();

      // Tenant Co is ready: submitted from its screen; the badge follows without a refresh.
      await openProfile(browser, "Tenant Co");
      assert.match(await text(browser, "summary-status"), /Incomplete/i);
      await openSubmit(browser);
      assert.equal(await byTestId(browser, "review-gaps").isExisting(), false, "Tenant Co has gaps");
      await checkAccessibility(browser, "the submit dialog, ready");
      await byTestId(browser, "submit-review").click();
      await browser.waitUntil(async () => /Approved|Pending review/.test((await text(browser, "submit-status")) ?? ""),
        { timeout: 20000, timeoutMsg: `the status did not settle: ${await text(browser, "submit-status")}` });
      assert.equal(await byTestId(browser, "submit-review").isEnabled(), false, "Submit stays clickable after Sent took it");
      await byTestId(browser, "submit-close").click();
      await browser.waitUntil(async () => /Approved|Pending review/i.test((await text(browser, "summary-status")) ?? ""),
        { timeout: 5000, timeoutMsg: "the profile's badge did not follow the status" });
      // Opened again: no second submission is offered.
      await openSubmit(browser);
      assert.match(await text(browser, "review-standing"), /Approved|In review/);
      assert.equal(await byTestId(browser, "submit-review").isExisting(), false, "a submitted profile was offered a second submission");
      await byTestId(browser, "submit-close").click();
      // Sent has it: the submission was made once.
      const response = await fetch(`${sandbox.url}/v3/profiles`, { headers: { "x-api-key": sandbox.key } });
      const tenant = (await response.json()).data.profiles.find((p) => p.name === "Tenant Co");
      assert.match(tenant.status, /approved|pending_review/i);

      await removeWorkspace(browser);
    });
  } finally {
    await sandbox.stop();
  }
});
