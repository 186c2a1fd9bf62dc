// Profile detail and editing in the real window. On the embedded sandbox's demo organization:
// toggle an inheritance flag with its consequence, review the change, dry run (Sent unchanged),
// save and see the effective configuration follow; leave with unsaved changes and find the draft
// again; the billing contact's field error before any request; a card saved and then found nowhere
// on disk or in the page; a brand edit's diff; a TCR-submitted brand locked; the journal. On a
// standalone sandbox: a server-side validation error on its field, delete after typing the name,
// and the journal's CSV export. (Kept to two app launches: each spec shares the one release build.)
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { addWorkspace, byTestId, checkAccessibility, removeWorkspace, startSandbox, withApp } from "../lib/app.mjs";

const CARD = "4242424242424242";
// Typed as printed on the card: the app keeps the digits.
const CARD_TYPED = "4242 4242 4242 4242";

async function openProfile(browser, name) {
  await browser.$("a=Profiles").click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length > 0, { timeout: 60000, timeoutMsg: "no rows" });
  const search = byTestId(browser, "profile-search");
  await search.setValue(name);
  await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length === 1, { timeout: 5000, timeoutMsg: `${name} not found alone` });
  await byTestId(browser, "profile-row").click();
  await byTestId(browser, "profile-detail").waitForDisplayed({ timeout: 10000 });
  await browser.waitUntil(async () => (await browser.$("#profile-heading").getText()) === name, { timeout: 5000 });
  // The fresh read from Sent has answered.
  await browser.waitUntil(async () => /Read from Sent/.test(await browser.$("header").getText().catch(() => "")) ||
    /Read from Sent/.test(await byTestId(browser, "profile-detail").getText()), { timeout: 10000, timeoutMsg: "profile not read from Sent" });
}

const field = (browser, name) => browser.$(`[name="${name}"]`);
const text = (browser, id) => browser.execute((i) => document.querySelector(`[data-testid="${i}"]`)?.textContent ?? null, id);

async function waitText(browser, id, pattern, timeoutMsg) {
  await browser.waitUntil(async () => pattern.test((await text(browser, id)) ?? ""), { timeout: 10000, timeoutMsg });
}

function filesUnder(dir) {
  const out = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const file = path.join(dir, name);
    let stat;
    try { stat = statSync(file); } catch { continue; }
    if (stat.isDirectory()) out.push(...filesUnder(file));
    else if (stat.isFile() && stat.size < 50_000_000) out.push(file);
  }
  return out;
}

test("edit a profile: toggle, review, dry run, save, draft, field errors, card, brand diff, locked brand, journal", async () => {
  await withApp("profile-edit", async (browser) => {
    await openProfile(browser, "Bella Salon");
    const contactsBefore = await text(browser, "resource-Contacts");
    assert.match(contactsBefore, /Keeps its own contacts/);

    // The toggle's consequence changes with it; the save bar counts the change Rust computed.
    const toggle = field(browser, "inherit_contacts");
    assert.equal(await toggle.isSelected(), false);
    await toggle.click();
    await waitText(browser, "consequence-inherit_contacts", /as well as its own/, "the consequence did not change");
    await waitText(browser, "change-count", /^1 change not saved/, "the change was not counted");

    // Review shows exactly that field, old → new; a dry run leaves Sent unchanged.
    await byTestId(browser, "review-save").click();
    await byTestId(browser, "review-dialog").waitForDisplayed({ timeout: 5000 });
    await checkAccessibility(browser, "the review dialog");
    const rows = await browser.$$('[data-testid="review-change"]');
    assert.equal(rows.length, 1);
    assert.equal(await rows[0].getAttribute("data-path"), "inherit_contacts");
    assert.match(await rows[0].getText(), /Inherit the organization's contacts\s*No\s*Yes/);
    await byTestId(browser, "dry-run").click();
    await waitText(browser, "dry-run-result", /Nothing was saved/, "no dry-run verdict");
    await browser.$("button=Cancel").click();
    await browser.$("button=Refresh").click();
    await browser.waitUntil(async () => /Read from Sent/.test(await byTestId(browser, "profile-detail").getText()), { timeout: 10000 });
    assert.match(await text(browser, "resource-Contacts"), /Keeps its own contacts/, "the dry run changed nothing at Sent");

    // The real save, from the keyboard (Ctrl+S reviews first): the screen shows what Sent returned.
    await browser.keys(["Control", "s"]);
    await byTestId(browser, "review-dialog").waitForDisplayed({ timeout: 5000, timeoutMsg: "Ctrl+S opened no review" });
    await byTestId(browser, "save-confirm").click();
    await waitText(browser, "save-message", /^Saved/, "no save confirmation");
    assert.match(await text(browser, "resource-Contacts"), /Uses the organization's contacts/);
    assert.equal(await byTestId(browser, "save-bar").isExisting(), false, "nothing left to save");

    // Read back after leaving the screen.
    await openProfile(browser, "Bella Salon");
    assert.equal(await field(browser, "inherit_contacts").isSelected(), true, "the toggle stayed on after reopening");

    // Leaving with unsaved changes asks; the draft comes back.
    await field(browser, "description").setValue("Half-typed description");
    await waitText(browser, "change-count", /1 change/, "the description change was not counted");
    await browser.pause(700); // the draft is written 400 ms after the last keystroke
    await byTestId(browser, "nav-journal").click();
    await byTestId(browser, "leave-dialog").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "leave-keep").click();
    await byTestId(browser, "journal-screen").waitForDisplayed({ timeout: 5000 });
    await openProfile(browser, "Bella Salon");
    await byTestId(browser, "draft-restored").waitForDisplayed({ timeout: 5000 });
    assert.equal(await field(browser, "description").getValue(), "Half-typed description");
    await byTestId(browser, "discard-changes").click();

    // Billing the profile without a contact: the field error, before any request.
    await browser.$('input[name="billing_model"][value="profile"]').click();
    await byTestId(browser, "error-billing_contact").waitForDisplayed({ timeout: 5000 });
    assert.match(await byTestId(browser, "error-billing_contact").getText(), /billing contact's name and e-mail/);
    await waitText(browser, "review-save", /Fix the fields/, "saving was not held back");
    // Bad values get their own messages, in words.
    await field(browser, "billing_contact.email").setValue("ap@bella");
    await field(browser, "billing_contact.phone").setValue("415 555");
    await byTestId(browser, "error-billing_contact.email").waitForDisplayed({ timeout: 5000 });
    await byTestId(browser, "error-billing_contact.phone").waitForDisplayed({ timeout: 5000 });
    assert.doesNotMatch(await byTestId(browser, "error-billing_contact.phone").getText(), /billing_contact/, "no wire path in the message");
    // "Fix the fields to save": focus moves to the first field with a problem, and a summary at the
    // top lists each problem with a link to its field.
    await byTestId(browser, "review-save").click();
    await byTestId(browser, "error-summary").waitForDisplayed({ timeout: 5000, timeoutMsg: "no error summary" });
    await checkAccessibility(browser, "a profile's form with field errors");
    await browser.waitUntil(async () => await browser.execute(() => document.activeElement?.getAttribute("aria-invalid") === "true"),
      { timeout: 5000, timeoutMsg: "focus did not move to a field with a problem" });
    const links = await browser.execute(() => [...document.querySelectorAll('[data-testid="error-summary"] a')].map((a) => a.dataset.path));
    assert.ok(links.includes("billing_contact.email") && links.includes("billing_contact.phone"), links.join(", "));
    await browser.$('[data-testid="error-summary"] a[data-path="billing_contact.phone"]').click();
    assert.equal(await browser.execute(() => document.activeElement?.getAttribute("name")), "billing_contact.phone", "the summary's link focuses its field");

    // Fixed: a contact, a phone normalised to E.164 on leaving the field, and a card.
    await field(browser, "billing_contact.name").setValue("Bella Ltd");
    await field(browser, "billing_contact.email").setValue("ap@bella.example");
    await field(browser, "billing_contact.phone").setValue("+1 (415) 555-0199");
    await field(browser, "billing_contact.address").click();
    await browser.waitUntil(async () => (await field(browser, "billing_contact.phone").getValue()) === "+14155550199", { timeout: 5000, timeoutMsg: "phone not normalised" });
    await field(browser, "payment_details.card_number").setValue(CARD_TYPED);
    await field(browser, "payment_details.expiry").setValue("12/34");
    await field(browser, "payment_details.cvc").setValue("987");
    await field(browser, "payment_details.zip_code").setValue("94105");
    await browser.waitUntil(async () => !(await byTestId(browser, "review-save").getText()).includes("Fix"), { timeout: 5000, timeoutMsg: "fields still invalid" });
    await byTestId(browser, "review-save").click();
    await byTestId(browser, "review-dialog").waitForDisplayed({ timeout: 5000 });
    const review = await byTestId(browser, "review-dialog").getText();
    assert.match(review, /Card\s*not set\s*redacted/);
    assert.ok(!review.includes(CARD) && !review.includes(CARD_TYPED), "the card number is not in the review");
    await byTestId(browser, "save-confirm").click();
    await waitText(browser, "save-message", /^Saved/, "the billing save failed");
    assert.match(await text(browser, "resource-Billing"), /profile is billed/);
    // The card is gone from the page (inputs included) once sent.
    const inPage = await browser.execute((cards) => cards.some((card) => document.documentElement.outerHTML.includes(card) ||
      [...document.querySelectorAll("input")].some((i) => i.value.includes(card))), [CARD, CARD_TYPED]);
    assert.equal(inPage, false, "the card number is still in the page");

    // A brand edit shows its diff; the app's rule asks for one main destination country.
    await openProfile(browser, "Tenant Co");
    await field(browser, "brand.business.legalName").setValue("Tenant Company Inc");
    await byTestId(browser, "error-brand.compliance.destinationCountries").waitForDisplayed({ timeout: 5000 });
    await browser.$('input[name="main-country"]').click();
    await browser.waitUntil(async () => !(await byTestId(browser, "error-brand.compliance.destinationCountries").isExisting()), { timeout: 5000 });
    await byTestId(browser, "review-save").click();
    const paths = await browser.$$('[data-testid="review-change"]').map((r) => r.getAttribute("data-path"));
    assert.deepEqual(paths.sort(), ["brand.business.legalName", "brand.compliance.destinationCountries"]);
    assert.match(await byTestId(browser, "review-dialog").getText(), /Business · Legal name\s*Tenant Co Inc\s*Tenant Company Inc/);
    await browser.$("button=Cancel").click();
    await byTestId(browser, "discard-changes").click();

    // Every text field of the form emptied, one at a time, as a user does (select all, delete):
    // a message on the field (required, or "Sent cannot clear this field") or a counted change.
    const names = await browser.execute(() => [...document.querySelectorAll('[data-testid="profile-detail"] form input[name], [data-testid="profile-detail"] form textarea[name]')]
      .filter((e) => (e.type === "text" || e.type === "email" || e.type === "tel" || e.type === "url" || e.tagName === "TEXTAREA") && !e.readOnly && !e.disabled && e.value.trim() !== "")
      .map((e) => e.name));
    assert.ok(names.length >= 8, `fields with a value: ${names.join(", ")}`);
    for (const name of names) {
      // From a form with nothing to save, so the count below is this field's, not a stale one.
      await browser.waitUntil(async () => !(await byTestId(browser, "save-bar").isExisting()), { timeout: 5000, timeoutMsg: `before emptying ${name}: changes left over` });
      const input = field(browser, name);
      const before = await input.getValue();
      await input.click();
      await browser.keys(["Control", "a"]);
      await browser.keys("Backspace");
      await browser.waitUntil(async () => (await byTestId(browser, `error-${name}`).isExisting()) || /^\d+ changes? not saved/.test((await text(browser, "change-count")) ?? ""),
        { timeout: 5000, timeoutMsg: `${name} emptied: no message on the field and no change counted` });
      await input.setValue(before);
      await browser.waitUntil(async () => !(await byTestId(browser, `error-${name}`).isExisting()), { timeout: 5000, timeoutMsg: `${name} put back: its message stayed` });
    }
    // Every value put back: nothing left to save.
    await browser.waitUntil(async () => !(await byTestId(browser, "save-bar").isExisting()), { timeout: 5000, timeoutMsg: "the put-back form still has changes" });

    // A brand submitted to TCR is read-only, with the reason.
    await openProfile(browser, "Northwind Clinics");
    await byTestId(browser, "brand-locked").waitForDisplayed({ timeout: 5000 });
    assert.match(await byTestId(browser, "brand-locked").getText(), /submitted to TCR/);
    assert.equal(await field(browser, "brand.business.legalName").isExisting(), false, "no brand inputs");

    // The journal has the dry run and both saves, with their fields; nothing of the card.
    await byTestId(browser, "nav-journal").click();
    await byTestId(browser, "journal-screen").waitForDisplayed({ timeout: 5000 });
    await browser.waitUntil(async () => (await browser.$$('[data-testid="journal-row"]')).length >= 3, { timeout: 5000, timeoutMsg: "journal rows missing" });
    await checkAccessibility(browser, "the journal");
    const journal = await byTestId(browser, "journal-screen").getText();
    assert.match(journal, /Dry run/);
    assert.match(journal, /Saved/);
    assert.match(journal, /Inherit the organization's contacts: No → Yes/);
    assert.ok(!journal.includes(CARD));
  });

  // Nowhere on disk: settings, keychain-free data dir, the database, the sandbox's file.
  const roots = [process.env.XDG_DATA_HOME, process.env.XDG_CONFIG_HOME, process.env.XDG_CACHE_HOME, process.env.HOME].filter(Boolean);
  const files = roots.flatMap(filesUnder);
  assert.ok(files.some((f) => f.endsWith("sent-profiles.sqlite3")), "the scan reaches the app's database");
  assert.ok(files.some((f) => f.endsWith("sandbox.json")), "the scan reaches the sandbox's data file");
  for (const file of files) {
    if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      // WebKit's processes of the closed window may still be tidying their storage: a file gone
      // between the listing and the read is on disk no more.
      if (error.code === "ENOENT") continue;
      throw error;
    }
    assert.equal(bytes.includes(CARD), false, `the card number is in ${file}`);
  }
});

async function sentApi(sandbox, method, apiPath) {
  const response = await fetch(`${sandbox.url}${apiPath}`, { method, headers: { "x-api-key": sandbox.key, "content-type": "application/json", "idempotency-key": crypto.randomUUID() }, body: method === "GET" ? undefined : "{}" });
  const body = await response.text();
  return body ? JSON.parse(body) : null;
}

test("a server-side error lands on its field; delete after typing the name; the journal exports CSV", async () => {
  const sandbox = await startSandbox();
  try {
    await withApp("profile-edit-server", async (browser) => {
      await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length > 0, { timeout: 20000 });
      await addWorkspace(browser, "Client server", sandbox);

      // Uptown is deleted at Sent behind the app's back: the app's cache still lists it, so only
      // Sent can refuse to borrow its sender.
      const list = await sentApi(sandbox, "GET", "/v3/profiles");
      const uptown = list.data.profiles.find((p) => p.name === "Joe's Pizza Uptown");
      await openProfile(browser, "Bella Salon");
      await sentApi(sandbox, "DELETE", `/v3/profiles/${uptown.id}`);
      await field(browser, "sending_phone_number_profile_id").setValue(uptown.id);
      await waitText(browser, "change-count", /1 change/, "the borrow was not counted");
      await byTestId(browser, "review-save").click();
      await byTestId(browser, "save-confirm").click();
      await byTestId(browser, "error-sending_phone_number_profile_id").waitForDisplayed({ timeout: 10000, timeoutMsg: "Sent's error is not on its field" });
      assert.match(await byTestId(browser, "error-sending_phone_number_profile_id").getText(), /No other profile of this organization has this id/);
      assert.match(await byTestId(browser, "save-error").getText(), /Sent refused the save.*request req_/s);
      assert.equal(await field(browser, "sending_phone_number_profile_id").getValue(), uptown.id, "the typed value is kept");
      await byTestId(browser, "discard-changes").click();

      // Delete: the button waits for the exact name; the row leaves the list.
      await openProfile(browser, "Joe's Pizza Downtown");
      await byTestId(browser, "delete-profile").click();
      await byTestId(browser, "delete-confirm-name").setValue("Joe's Pizza");
      assert.equal(await byTestId(browser, "delete-confirm").isEnabled(), false);
      await byTestId(browser, "delete-confirm-name").setValue("Joe's Pizza Downtown");
      await byTestId(browser, "delete-confirm").click();
      await waitText(browser, "flash", /was deleted\. Sent keeps its data/, "no delete confirmation");
      await browser.waitUntil(async () => !(await browser.execute(() => [...document.querySelectorAll('[data-testid="profile-row"]')].some((r) => r.textContent.includes("Downtown")))), { timeout: 5000, timeoutMsg: "the deleted profile is still listed" });
      const after = await sentApi(sandbox, "GET", "/v3/profiles");
      assert.ok(!after.data.profiles.some((p) => p.name === "Joe's Pizza Downtown"), "Sent still has the profile");

      // The journal of this workspace: the failure and the delete; exported as CSV.
      await byTestId(browser, "nav-journal").click();
      await browser.waitUntil(async () => (await browser.$$('[data-testid="journal-row"]')).length >= 2, { timeout: 5000, timeoutMsg: "journal rows missing" });
      const journal = await byTestId(browser, "journal-screen").getText();
      assert.match(journal, /Failed: VALIDATION_001/);
      assert.match(journal, /Profile deleted/);
      await byTestId(browser, "journal-export").click();
      await byTestId(browser, "journal-export-result").waitForDisplayed({ timeout: 10000 });
      const result = await byTestId(browser, "journal-export-result").getText();
      const file = result.match(/to (\/\S+\.csv)/)?.[1];
      assert.ok(file, result);
      const csv = readFileSync(file, "utf8");
      assert.match(csv, /Profile deleted/);
      assert.match(csv, /Borrow the SMS sender of profile/);

      await removeWorkspace(browser);
    });
  } finally {
    await sandbox.stop();
  }
});

test("a profile's TCR campaigns: create with two use cases, edit, delete; inherited ones are read-only", async () => {
  await withApp("profile-campaigns", async (browser) => {
    await openProfile(browser, "Bella Salon");
    await byTestId(browser, "campaigns-inherited").waitForDisplayed({ timeout: 10000 });
    assert.equal(await byTestId(browser, "new-campaign").isExisting(), false, "no own campaign while inheriting");

    await openProfile(browser, "Tenant Co");
    await byTestId(browser, "new-campaign").waitForDisplayed({ timeout: 10000 });
    // The brand edit discarded earlier left nothing behind (a late draft write would bring it back).
    assert.equal(await byTestId(browser, "save-bar").isExisting(), false, "Tenant Co opened with unsaved changes left from an earlier edit");
    const before = (await browser.$$('[data-testid="campaign-row"]')).length;
    await byTestId(browser, "new-campaign").click();
    await byTestId(browser, "campaign-dialog").waitForDisplayed({ timeout: 5000 });
    // Empty: the rules speak before anything is sent.
    await browser.pause(300);
    await byTestId(browser, "save-campaign").click();
    await byTestId(browser, "error-campaign.name").waitForDisplayed({ timeout: 5000 });
    assert.equal(await byTestId(browser, "campaign-dialog").isDisplayed(), true, "nothing was sent");
    await checkAccessibility(browser, "the campaign form with its errors");
    await field(browser, "campaign.name").setValue("Welcome");
    await field(browser, "campaign.description").setValue("Welcome messages for new tenants");
    await browser.$('select[name="campaign.useCases.0.messagingUseCaseUs"]').selectByAttribute("value", "ACCOUNT_NOTIFICATION");
    await field(browser, "campaign.useCases.0.sampleMessages").setValue("Welcome to Tenant Co");
    await byTestId(browser, "add-use-case").click();
    await browser.$('select[name="campaign.useCases.1.messagingUseCaseUs"]').selectByAttribute("value", "CUSTOMER_CARE");
    // A sample over 1,024 characters and a privacy link that is no web address: each said on its
    // field (the sample used to make "Create campaign" do nothing, in silence), nothing sent.
    await field(browser, "campaign.useCases.1.sampleMessages").setValue("x".repeat(1025));
    await browser.waitUntil(async () => /Sample 1: must be at most 1024 characters/.test((await text(browser, "error-campaign.useCases[1].sampleMessages")) ?? ""),
      { timeout: 5000, timeoutMsg: "a 1,025-character sample has no message" });
    await byTestId(browser, "save-campaign").click();
    assert.equal(await browser.execute(() => document.activeElement?.getAttribute("name")), "campaign.useCases.1.sampleMessages", "focus is not on the long sample");
    await browser.$("summary=Opt-in, opt-out, help and policy links (optional)").click();
    await field(browser, "campaign.privacyPolicyLink").setValue("see our website");
    await byTestId(browser, "error-campaign.privacyPolicyLink").waitForDisplayed({ timeout: 5000, timeoutMsg: "a privacy link that is no web address has no message" });
    assert.match(await text(browser, "error-campaign.privacyPolicyLink"), /full web address, starting with https:\/\//);
    await field(browser, "campaign.privacyPolicyLink").setValue("https://tenant.example/privacy");
    await field(browser, "campaign.useCases.1.sampleMessages").setValue("How can we help?");
    await browser.waitUntil(async () => !(await byTestId(browser, "error-campaign.privacyPolicyLink").isExisting())
      && !(await byTestId(browser, "error-campaign.useCases[1].sampleMessages").isExisting()), { timeout: 5000, timeoutMsg: "the fixed sample or link keeps its message" });
    await browser.waitUntil(async () => !(await byTestId(browser, "error-campaign.name").isExisting()), { timeout: 5000, timeoutMsg: "the form stays invalid" });
    await browser.pause(300);
    await byTestId(browser, "save-campaign").click();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="campaign-row"]')).length === before + 1, { timeout: 10000, timeoutMsg: "not created" });
    const created = await browser.execute(() => [...document.querySelectorAll('[data-testid="campaign-row"]')].map((r) => r.textContent).find((t) => t.includes("Welcome")));
    assert.match(created, /Account notification, Customer care/);

    // Edit it.
    await browser.$('button[aria-label="Edit the campaign Welcome"]').click();
    await byTestId(browser, "campaign-dialog").waitForDisplayed({ timeout: 5000 });
    await field(browser, "campaign.description").setValue("Welcome and onboarding messages");
    await browser.pause(300);
    await byTestId(browser, "save-campaign").click();
    await browser.waitUntil(async () => /Welcome and onboarding messages/.test(await byTestId(browser, "campaigns").getText()), { timeout: 10000, timeoutMsg: "not edited" });

    // Delete it (with its confirmation).
    await browser.$('button[aria-label="Delete the campaign Welcome"]').click();
    await byTestId(browser, "confirm").click();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="campaign-row"]')).length === before, { timeout: 10000, timeoutMsg: "not deleted" });
  });
});
