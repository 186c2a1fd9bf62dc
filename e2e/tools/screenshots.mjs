// Screenshots of the screens for a person to look at (./x screenshots): light and dark, the demo
// organization, an empty organization, 10,000 profiles, the offline state, the summary and the
// add-workspace dialog. Writes PNGs to target/screenshots/. Not a test: it asserts nothing.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { remote } from "webdriverio";

const out = process.env.SCREENSHOTS ?? path.resolve("../target/screenshots");
mkdirSync(out, { recursive: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function launch() {
  return remote({
    hostname: "127.0.0.1", port: Number(process.env.TAURI_DRIVER_PORT), logLevel: "error", connectionRetryCount: 0,
    capabilities: { "wdio:enforceWebDriverClassic": true, "tauri:options": { application: process.env.APP_BINARY } },
  });
}

async function shot(browser, name) {
  await sleep(400);
  await browser.saveScreenshot(path.join(out, `${name}.png`));
  console.log(`saved ${name}.png`);
}

async function theme(browser, value) {
  await browser.$('[data-testid="theme-picker"]').selectByAttribute("value", value);
  await sleep(200);
}

async function rows(browser) {
  await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length > 0, { timeout: 60000 });
}

async function sandbox(seed, extra = []) {
  const key = `shots-${seed}-${Date.now()}`;
  const child = spawn(process.env.SENT_SANDBOX_BIN, ["--seed", seed, "--org-key", key, "--no-rate-limit", ...extra], { stdio: ["ignore", "pipe", "inherit"] });
  const [first] = await once(createInterface({ input: child.stdout }), "line");
  return { url: first.replace(/^listening on /, ""), key, stop: () => child.kill("SIGTERM") };
}

async function addWorkspace(browser, name, server) {
  await browser.$("button=Add workspace").click();
  await browser.$('input[name="name"]').setValue(name);
  await browser.$('input[name="environment"][value="custom"]').click();
  await browser.$('input[name="custom_base_url"]').setValue(server.url);
  await browser.$('input[name="api_key"]').setValue(server.key);
  await browser.$('[data-testid="save-workspace"]').click();
  await browser.$('[data-testid="added-identity"]').waitForDisplayed({ timeout: 20000 });
  await browser.$("button=Done").click();
}

async function openProfile(browser, name) {
  await browser.url("tauri://localhost/");
  await rows(browser);
  await browser.$('[data-testid="profile-search"]').setValue(name);
  await sleep(300);
  await browser.$('[data-testid="profile-row"]').click();
  await browser.$('[data-testid="profile-detail"]').waitForDisplayed({ timeout: 10000 });
  await sleep(800);
}

async function scrollTo(browser, selector) {
  await browser.execute((sel) => document.querySelector(sel)?.scrollIntoView({ block: "start" }), selector);
}

async function detailShots(browser) {
  await theme(browser, "light");
  await openProfile(browser, "Bella Salon");
  await shot(browser, "detail-bella-light");
  await scrollTo(browser, "#resources");
  await shot(browser, "detail-bella-resources-light");
  await theme(browser, "dark");
  await shot(browser, "detail-bella-resources-dark");
  await theme(browser, "light");
  // A bad value in the fields: billing to "profile" with no contact, a bad short name.
  await browser.$('input[name="billing_model"][value="profile"]').click();
  await browser.$('input[name="short_name"]').setValue("x!");
  await sleep(600);
  await scrollTo(browser, "#billing");
  await shot(browser, "detail-bella-billing-errors");
  await browser.$('input[name="billing_contact.name"]').setValue("Bella Ltd");
  await browser.$('input[name="billing_contact.email"]').setValue("ap@bella");
  await browser.$('input[name="billing_contact.phone"]').setValue("415 555");
  await browser.$('input[name="payment_details.card_number"]').setValue("4242");
  await sleep(600);
  await shot(browser, "detail-bella-billing-bad-values");
  await browser.$('[data-testid="discard-changes"]').click();
  await browser.$('[name="description"]').setValue("Agency client: salon reminders and offers");
  await browser.$('input[name="inherit_contacts"]').click();
  await sleep(600);
  await browser.$('[data-testid="review-save"]').click();
  await browser.$('[data-testid="review-dialog"]').waitForDisplayed({ timeout: 5000 });
  await shot(browser, "detail-review-light");
  await browser.$('[data-testid="dry-run"]').click();
  await browser.$('[data-testid="dry-run-result"]').waitForDisplayed({ timeout: 10000 });
  await shot(browser, "detail-review-dry-run-light");
  await browser.$('[data-testid="save-confirm"]').click();
  await browser.$('[data-testid="save-message"]').waitForDisplayed({ timeout: 10000 });
  await scrollTo(browser, '[data-testid="profile-detail"]');
  await shot(browser, "detail-saved-light");

  await openProfile(browser, "Tenant Co");
  await scrollTo(browser, "#brand");
  await shot(browser, "detail-tenant-brand-light");
  await browser.$('input[name="brand.contact.phone"]').setValue("12");
  await browser.$('input[name="brand.business.url"]').setValue("acme");
  await browser.$('[data-testid="add-country"]').click();
  await sleep(600);
  await shot(browser, "detail-tenant-brand-errors");
  await browser.$('[data-testid="discard-changes"]').click();

  await scrollTo(browser, '[data-testid="campaigns"]');
  await shot(browser, "detail-tenant-campaigns");
  await browser.$('[data-testid="new-campaign"]').click();
  await sleep(600);
  await shot(browser, "campaign-dialog-errors");
  await browser.keys("Escape");

  await openProfile(browser, "Northwind Clinics");
  await scrollTo(browser, "#brand");
  await shot(browser, "detail-northwind-brand-locked");

  await openProfile(browser, "Joe's Pizza Uptown");
  await shot(browser, "detail-uptown-warnings");
  await browser.$('[data-testid="open-submit"]').click();
  await browser.$('[data-testid="review-standing"]').waitForDisplayed({ timeout: 10000 });
  await shot(browser, "detail-submit-gaps-light");
  // The theme picker is behind the modal: the page's theme is set as the picker sets it.
  await browser.execute(() => { document.documentElement.dataset.theme = "dark"; });
  await shot(browser, "detail-submit-gaps-dark");
  await browser.execute(() => { document.documentElement.dataset.theme = "light"; });
  await browser.keys("Escape");
  await browser.$('[data-testid="delete-profile"]').click();
  await browser.$('[data-testid="delete-confirm-name"]').setValue("Joe's");
  await shot(browser, "detail-delete-dialog");
  await browser.keys("Escape");

  // "New client like this": the wizard opens at Identity, saying what was copied from where.
  await openProfile(browser, "Tenant Co");
  await browser.$('[data-testid="new-like"]').click();
  await browser.$('[data-testid="like-note"]').waitForDisplayed({ timeout: 10000 });
  await shot(browser, "onboard-like-light");
  await theme(browser, "dark");
  await shot(browser, "onboard-like-dark");
  await theme(browser, "light");

  // Quick test send, delivered, then a failing number.
  await openProfile(browser, "Bella Salon");
  await browser.$('[data-testid="open-send"]').click();
  await browser.$('[data-testid="send-screen"]').waitForDisplayed({ timeout: 10000 });
  await sleep(800);
  await shot(browser, "send-empty-light");
  await browser.$('select[name="template"]').selectByVisibleText(await browser.execute(() =>
    [...document.querySelectorAll('select[name="template"] option')].find((o) => o.textContent.startsWith("visit_reminder")).textContent));
  await browser.$('[name="variables.first_name"]').setValue("Ann");
  await browser.$('[name="variables.time"]').setValue("10:00");
  await browser.$('[name="recipients.0"]').setValue("415 555");
  await sleep(600);
  await shot(browser, "send-bad-number");
  await browser.$('[name="recipients.0"]').setValue("+14155550123");
  await sleep(400);
  await browser.$('[data-testid="send"]').click();
  await browser.waitUntil(async () => (await browser.execute(() => document.querySelector('[data-testid="message-status"]')?.textContent)) === "Delivered", { timeout: 30000 });
  await browser.execute(() => document.querySelector('[data-testid="send-outcome"]')?.scrollIntoView());
  await shot(browser, "send-delivered-light");
  await theme(browser, "dark");
  await shot(browser, "send-delivered-dark");
  await theme(browser, "light");
  await browser.$('[name="recipients.0"]').setValue("+15005550001");
  await browser.$('[data-testid="send"]').click();
  await browser.waitUntil(async () => (await browser.execute(() => document.querySelector('[data-testid="message-status"]')?.textContent)) === "Failed", { timeout: 30000 });
  await browser.execute(() => document.querySelector('[data-testid="send-outcome"]')?.scrollIntoView());
  await shot(browser, "send-failed-light");

  // Onboarding.
  await browser.url("tauri://localhost/onboard");
  await browser.$('[data-testid="onboard-screen"]').waitForDisplayed({ timeout: 10000 });
  await browser.$('[data-testid="next"]').click();
  await sleep(500);
  await shot(browser, "onboard-identity-errors");
  await browser.$('[name="name"]').setValue("Sunrise Dental");
  await browser.$('[name="short_name"]').setValue("x");
  await sleep(500);
  await shot(browser, "onboard-identity-bad-short-name");
  await browser.$('[name="short_name"]').setValue("Sunrise");
  await sleep(400);
  await browser.$('[data-testid="next"]').click();
  await sleep(400);
  await browser.$('input[name="preset"][value="agency"]').click();
  await sleep(400);
  await shot(browser, "onboard-pattern");
  for (const step of ["resources", "whatsapp"]) { await browser.$('[data-testid="next"]').click(); await sleep(500); }
  await shot(browser, "onboard-whatsapp");
  await browser.$('[data-testid="step-review"]').click();
  await sleep(600);
  await shot(browser, "onboard-review");
  await theme(browser, "dark");
  await shot(browser, "onboard-review-dark");
  await theme(browser, "light");
  await browser.url("tauri://localhost/");
  await rows(browser);
  await shot(browser, "list-with-draft");

  await browser.$('[data-testid="nav-journal"]').click();
  await sleep(800);
  await shot(browser, "journal-light");
  await theme(browser, "dark");
  await shot(browser, "journal-dark");
  await theme(browser, "light");

  // Import clients: the start, the mapping, the grid with problems (light and dark), a dry run.
  const dir = mkdtempSync(path.join(tmpdir(), "shots-import-"));
  const file = path.join(dir, "franchise-clients.csv");
  const lines = ["Client name,Short name,Description,Billing model,Billing contact e-mail,WhatsApp,WABA ID,Token,Destination countries"];
  for (let i = 0; i < 40; i++) lines.push(`Sunrise Dental ${i + 1},SUNRISE,Location ${i + 1},organization,,inherit,,,`);
  lines.push("Short Name Too Long,ABCDEFGHIJKL,,organization,,inherit,,,");
  lines.push("Billed Client,,,profile,billing@nodomain,inherit,,,");
  lines.push("Sunrise Dental 3,,,organization,,inherit,,,");
  lines.push("Own Account,,,organization,,direct,104996245590311,EAAG-shots-token,");
  lines.push("Bad Country,,,organization,,inherit,,,USA");
  writeFileSync(file, `${lines.join("\n")}\n`);
  await browser.$('[data-testid="nav-import"]').click();
  await sleep(500);
  await shot(browser, "import-start-light");
  await browser.$('[data-testid="batch-file"]').addValue(file);
  await browser.$('[data-testid="batch-mapping"]').waitForDisplayed({ timeout: 10000 });
  await shot(browser, "import-mapping-light");
  await browser.$('[data-testid="check-rows"]').click();
  await browser.$('[data-testid="batch-grid"]').waitForDisplayed({ timeout: 10000 });
  await shot(browser, "import-grid-light");
  await browser.$('[data-testid="batch-filter-problems"]').click();
  await sleep(400);
  await shot(browser, "import-problems-light");
  await theme(browser, "dark");
  await shot(browser, "import-problems-dark");
  await theme(browser, "light");
  await browser.$('[data-testid="batch-filter-ready"]').click();
  await browser.$('[data-testid="batch-dry-run"]').click();
  await browser.waitUntil(async () => /Dry run done/.test(await browser.$('[data-testid="import-note"]').getText().catch(() => "")), { timeout: 60000 });
  await shot(browser, "import-dry-run-light");
  await theme(browser, "system");
}

async function boardRows(browser, kind) {
  await browser.waitUntil(async () => (await browser.$$(`[data-testid="board-row"][data-kind="${kind}"]`)).length > 0, { timeout: 60000 });
}

async function boardShots(browser) {
  await browser.keys(["Control", "b"]);
  await boardRows(browser, "ready");
  await theme(browser, "light");
  await shot(browser, "board-demo-light");
  await theme(browser, "dark");
  await shot(browser, "board-demo-dark");
  await theme(browser, "light");
  await browser.$('[data-testid="board-select"]').click();
  await shot(browser, "board-selected-light");
  await browser.$('[data-testid="board-submit"]').click();
  await browser.$('[data-testid="board-results"]').waitForDisplayed({ timeout: 20000 });
  await shot(browser, "board-submitted-light");
  await browser.$('[data-testid="board-search"]').setValue("zzz");
  await shot(browser, "board-no-match");
  await browser.keys("Escape");
  await browser.$('[data-testid="board-filter"]').selectByAttribute("value", "blocked");
  await shot(browser, "board-filter-blocked");
  await browser.$('[data-testid="board-filter"]').selectByAttribute("value", "");

  const empty = await sandbox("empty");
  await addWorkspace(browser, "Empty organization", empty);
  await browser.$("a=Profiles").click();
  await browser.$('[data-testid="profiles-empty"]').waitForDisplayed({ timeout: 20000 });
  await browser.keys(["Control", "b"]);
  await browser.$('[data-testid="board-empty"]').waitForDisplayed({ timeout: 20000 });
  await shot(browser, "board-empty-org");
  await browser.$('[data-testid="board-all"]').click();
  await boardRows(browser, "live");
  await theme(browser, "dark");
  await shot(browser, "board-all-workspaces-dark");
  await browser.$('[data-testid="board-all"]').click();
  empty.stop();

  const demo = await sandbox("demo");
  await addWorkspace(browser, "Client on a server that stops", demo);
  await browser.$("a=Profiles").click();
  await rows(browser);
  demo.stop();
  await sleep(500);
  await browser.keys(["Control", "b"]);
  await browser.$('[data-testid="board-refresh"]').click();
  await browser.$('[data-testid="board-offline"]').waitForDisplayed({ timeout: 30000 });
  await shot(browser, "board-offline-dark");
  await theme(browser, "system");
}

const mode = process.argv[2] ?? "demo";
const browser = await launch();
try {
  await rows(browser);
  if (mode === "detail") {
    await detailShots(browser);
  } else if (mode === "board") {
    await boardShots(browser);
  } else if (mode === "many") {
    // A server of its own: the embedded sandbox does not see the tool's environment through
    // tauri-driver, so SENT_PROFILES_SANDBOX_PROFILES alone showed the 5 demo profiles.
    const server = await sandbox("demo", ["--profiles", "10000"]);
    await addWorkspace(browser, "10,000 profiles", server);
    await browser.waitUntil(async () => Number((await browser.$('[data-testid="profile-count"]').getText()).replace(/[^0-9]/g, "")) >= 10000,
      { timeout: 120000, interval: 100, timeoutMsg: "the 10,000 profiles were not listed" });
    await theme(browser, "light");
    await shot(browser, "list-10000-light");
    await browser.$('[data-testid="profile-search"]').setValue("مطعم");
    await shot(browser, "list-10000-search-rtl");
    await browser.keys("Escape");
    await theme(browser, "dark");
    // Focused, not clicked: a click in the middle of a full list opens the row under it.
    await browser.execute(() => document.querySelector('[data-testid="profile-grid"]').focus());
    for (let i = 0; i < 30; i++) await browser.keys("PageDown");
    await shot(browser, "list-10000-dark-scrolled");
    await browser.keys("Enter");
    await browser.$('[data-testid="profile-detail"]').waitForDisplayed({ timeout: 10000 });
    await shot(browser, "detail-10000-dark");
    await browser.keys(["Control", "b"]);
    await browser.$('[data-testid="board-row"]').waitForDisplayed({ timeout: 60000 });
    await shot(browser, "board-10000-dark");
    await theme(browser, "system");
    server.stop();
  } else {
    await theme(browser, "light");
    await shot(browser, "list-demo-light");
    await theme(browser, "dark");
    await shot(browser, "list-demo-dark");
    await theme(browser, "light");
    await browser.$('[data-testid="profile-grid"]').click();
    await browser.keys(["ArrowDown", "Enter"]);
    await browser.$('[data-testid="profile-detail"]').waitForDisplayed({ timeout: 5000 });
    await shot(browser, "detail-first-light");
    await browser.keys("Escape");
    await browser.$("a=Workspace and keys").click();
    await shot(browser, "workspace-light");
    await browser.$("a=Profiles").click();
    await browser.$("button=Add workspace").click();
    await browser.$('[data-testid="save-workspace"]').click();
    await shot(browser, "add-workspace-errors");
    await browser.$('input[name="environment"][value="custom"]').click();
    await browser.$('input[name="custom_base_url"]').setValue("http://localhost:1@example.com");
    await browser.$('input[name="api_key"]').setValue("x");
    await browser.$('input[name="name"]').setValue("Bad URL");
    await browser.$('[data-testid="save-workspace"]').click();
    await sleep(1500);
    await shot(browser, "add-workspace-bad-url");
    await browser.$('input[name="custom_base_url"]').setValue("http://127.0.0.1:9");
    await browser.$('input[name="api_key"]').setValue("some-key-0123456789");
    await browser.$('[data-testid="save-workspace"]').click();
    await sleep(4000);
    await shot(browser, "add-workspace-unreachable");
    await browser.$("button=Cancel").click();

    const empty = await sandbox("empty");
    await addWorkspace(browser, "Empty organization", empty);
    await browser.$('[data-testid="profiles-empty"]').waitForDisplayed({ timeout: 20000 });
    await shot(browser, "list-empty-org");
    empty.stop();

    const demo = await sandbox("demo");
    await addWorkspace(browser, "Client on a server that stops", demo);
    await rows(browser);
    demo.stop();
    await sleep(500);
    await browser.$('[data-testid="refresh-profiles"]').click();
    await browser.$('[data-testid="profiles-offline"]').waitForDisplayed({ timeout: 30000 });
    await theme(browser, "dark");
    await shot(browser, "list-offline-dark");
    await theme(browser, "system");
  }
} finally {
  await browser.deleteSession().catch(() => {});
}
