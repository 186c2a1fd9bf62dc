// Submitting for review from a profile's own screen, in the real window, on a standalone sandbox
// with the demo organization (its own data: the other specs' embedded sandbox is untouched).
// A profile with a gap: the dialog names it first and "Go to Identity" lands on the field; a
// ready profile: submitted from its screen, its status moves to Approved (or Pending review)
// without a refresh; a profile in review: the dialog says so and offers no submission; the brand's
// TCR status and identity (KYC) status are shown in words. Then review followed to the end: an
// approval at Sent moves the badge and raises a notice; a rejection found by the list's refresh
// raises one that opens the profile, which is offered a new submission.
import assert from "node:assert/strict";
import { test } from "node:test";
import { addWorkspace, byTestId, checkAccessibility, removeWorkspace, setStatus, startSandbox, withApp } from "../lib/app.mjs";

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
      const profiles = (await response.json()).data.profiles;
      const tenant = profiles.find((p) => p.name === "Tenant Co");
      assert.match(tenant.status, /approved|pending_review/i);

      // Review followed to the end: Sent approves Tenant Co later; the badge moves without a
      // refresh and a notice says so (the app's own record of the OS notification).
      await setStatus(sandbox, tenant.id, "approved");
      await browser.waitUntil(async () => /Approved/i.test((await text(browser, "summary-status")) ?? ""),
        { timeout: 30000, timeoutMsg: "the badge did not follow the approval" });
      await browser.waitUntil(async () => /Tenant Co was approved/.test((await text(browser, "review-notices")) ?? ""),
        { timeout: 10000, timeoutMsg: `no notice of the approval: ${await text(browser, "review-notices")}` });
      await checkAccessibility(browser, "a review notice");

      // Northwind (in review since before) is rejected at Sent: the list's refresh (the user's
      // Refresh: the list was fetched moments ago, so opening it does not fetch again) settles it,
      // the notice opens the profile, and the profile can be submitted again.
      const northwind = profiles.find((p) => p.name === "Northwind Clinics");
      await setStatus(sandbox, northwind.id, "rejected");
      await browser.$("a=Profiles").click();
      await byTestId(browser, "refresh-profiles").click();
      await browser.waitUntil(async () => /Northwind Clinics was rejected/.test((await text(browser, "review-notices")) ?? ""),
        { timeout: 20000, timeoutMsg: `no notice of the rejection: ${await text(browser, "review-notices")}` });
      let rejected = null;
      for (const notice of await browser.$$('[data-testid="review-notice"]')) {
        if (/Northwind/.test(await notice.getText())) rejected = notice;
      }
      assert.ok(rejected, "the rejection's notice is listed");
      await rejected.$('[data-testid="review-notice-open"]').click();
      await browser.waitUntil(async () => (await browser.$("#profile-heading").getText().catch(() => "")) === "Northwind Clinics",
        { timeout: 10000, timeoutMsg: "the notice did not open Northwind" });
      await openSubmit(browser);
      assert.match(await text(browser, "review-standing"), /Rejected/);
      await byTestId(browser, "submit-review").waitForDisplayed({ timeout: 10000, timeoutMsg: "a rejected profile is not offered a new submission" });
      await byTestId(browser, "submit-close").click();

      await removeWorkspace(browser);
    });
  } finally {
    await sandbox.stop();
  }
});

// "New client like this" on Tenant Co (the Platform/ISV pattern: everything its own, the tenant
// billed): the wizard opens with its configuration and none of its identity; the new client is
// created with the same configuration, and Tenant Co's campaign is offered as a filled-in form.
test("a new client like Tenant Co: its configuration, not its identity; its campaign offered once created", async () => {
  const sandbox = await startSandbox();
  const field = (browser, name) => browser.$(`[name="${name}"]`);
  const next = async (browser, step) => {
    await byTestId(browser, "next").click();
    await browser.waitUntil(async () => (await byTestId(browser, `step-${step}`).getAttribute("aria-current")) === "step",
      { timeout: 5000, timeoutMsg: `did not reach ${step}` });
  };
  try {
    await withApp("like", async (browser) => {
      await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length > 0, { timeout: 20000 });
      await addWorkspace(browser, "Like client", sandbox);
      await openProfile(browser, "Tenant Co");
      await byTestId(browser, "new-like").click();
      await byTestId(browser, "onboard-screen").waitForDisplayed({ timeout: 10000 });
      assert.match(await text(browser, "like-note"), /Started from “Tenant Co”/);
      // Asked anew, and no message before the user tried anything.
      assert.equal(await field(browser, "name").getValue(), "");
      assert.equal(await field(browser, "short_name").getValue(), "");
      assert.equal(await byTestId(browser, "secrets-again").isExisting(), false, "a new client's draft is not a resumed one");
      assert.equal(await byTestId(browser, "error-name").isExisting(), false, "a message before the user typed");
      await checkAccessibility(browser, "the wizard started like another client");
      await field(browser, "name").setValue("Tenant Two");
      await field(browser, "short_name").setValue("TenantTwo");
      await field(browser, "description").setValue("Second platform tenant");
      await browser.pause(300);

      await next(browser, "pattern");
      assert.match(await text(browser, "like-pattern"), /copied from “Tenant Co”/);
      await next(browser, "resources");
      for (const toggle of ["inherit_contacts", "inherit_templates", "allow_contact_sharing", "allow_template_sharing"]) {
        assert.equal(await field(browser, toggle).isSelected(), false, `${toggle} as Tenant Co has it`);
      }
      await next(browser, "whatsapp");
      // Tenant Co keeps its own account: the new client's own is asked, empty.
      assert.equal(await field(browser, "whatsapp_business_account.waba_id").getValue(), "");
      await field(browser, "whatsapp_business_account.waba_id").setValue("204400000000333");
      await field(browser, "whatsapp_business_account.access_token").setValue("EAAG-e2e-like-token-77");
      await browser.pause(300);
      await next(browser, "compliance");
      assert.equal(await browser.$('select[name="brand.compliance.vertical"]').getValue(), "TECHNOLOGY");
      assert.equal(await field(browser, "brand.business.legalName").getValue(), "", "Tenant Co's legal name was copied");
      assert.equal(await field(browser, "brand.contact.name").getValue(), "", "Tenant Co's brand contact was copied");
      await field(browser, "brand.contact.name").setValue("Tina Two");
      await field(browser, "brand.business.legalName").setValue("Tenant Two Ltd");
      await browser.pause(300);
      await next(browser, "billing");
      assert.equal(await browser.$('input[name="billing_model"][value="profile"]').isSelected(), true, "the tenant is billed, as Tenant Co");
      assert.equal(await field(browser, "billing_contact.email").getValue(), "", "Tenant Co's billing contact was copied");
      await field(browser, "billing_contact.name").setValue("Tenant Two Ltd");
      await field(browser, "billing_contact.email").setValue("ap@tenant-two.example");
      await browser.pause(300);
      await next(browser, "review");
      await byTestId(browser, "create").click();
      await byTestId(browser, "after-create").waitForDisplayed({ timeout: 10000 });
      assert.match(await text(browser, "create-outcome"), /“Tenant Two” was created/);

      // Tenant Co's campaign, offered as a form: renamed and saved, it is the new client's own.
      await byTestId(browser, "like-campaigns").waitForDisplayed({ timeout: 10000, timeoutMsg: "Tenant Co's campaign is not offered" });
      await byTestId(browser, "like-campaign").click();
      await byTestId(browser, "campaign-dialog").waitForDisplayed({ timeout: 5000 });
      assert.equal(await field(browser, "campaign.name").getValue(), "Tenant Co notifications");
      await field(browser, "campaign.name").setValue("Tenant Two notifications");
      await browser.pause(300);
      await byTestId(browser, "save-campaign").click();
      await browser.waitUntil(async () => ((await text(browser, "campaigns")) ?? "").includes("Tenant Two notifications"),
        { timeout: 10000, timeoutMsg: "the campaign was not created" });
      assert.equal(await byTestId(browser, "like-campaigns").isExisting(), false, "the used form is still offered");

      // At Sent: the same configuration, a profile of its own.
      const headers = { "x-api-key": sandbox.key };
      const all = (await (await fetch(`${sandbox.url}/v3/profiles`, { headers })).json()).data.profiles;
      const made = all.find((p) => p.name === "Tenant Two");
      const source = all.find((p) => p.name === "Tenant Co");
      assert.ok(made, "Tenant Two exists at Sent");
      for (const key of ["inherit_contacts", "inherit_templates", "allow_contact_sharing", "allow_template_sharing", "inherit_tcr_brand", "inherit_tcr_campaign", "billing_model"]) {
        assert.equal(made[key], source[key], `${key} matches`);
      }
      assert.notEqual(made.waba_id, source.waba_id);
      const campaigns = (await (await fetch(`${sandbox.url}/v3/profiles/${made.id}/campaigns`, { headers })).json()).data;
      assert.deepEqual(campaigns.map((c) => c.name), ["Tenant Two notifications"]);

      await removeWorkspace(browser);
    });
  } finally {
    await sandbox.stop();
  }
});
