// Import clients in the real window, against a standalone sandbox (it outlives the app): a 60-row
// file with six bad rows (a 12-character short name, a billed profile without a contact, an e-mail
// without a domain, a duplicate name, a country that is no ISO code, an empty name), each named in
// words on its cell; one fixed in the grid; a dry run; the run, with the app killed hard halfway;
// reopened, the list offers to resume and the run finishes: exactly 55 new profiles, one per row;
// the results file lists every row's outcome.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { addWorkspace, byTestId, checkAccessibility, killLaunchedApps, launchApp, removeWorkspace, startSandbox, withApp } from "../lib/app.mjs";

const text = (browser, id) => browser.execute((i) => document.querySelector(`[data-testid="${i}"]`)?.textContent ?? "", id);
const created = async (browser) => Number((await text(browser, "batch-counts")).match(/([\d,]+) created/)?.[1]?.replace(/,/g, "") ?? 0);

function clientsFile() {
  const header = "Client name,Short name,Description,Billing model,Billing contact name,Billing contact e-mail,Destination countries";
  const rows = [];
  for (let i = 0; i < 54; i++) rows.push(`Import Client ${String(i).padStart(2, "0")},,Location ${i},organization,,,`);
  rows.push("Short Name Too Long,ABCDEFGHIJKL,Bad short name,organization,,,");
  rows.push("Billed Without Contact,,Bad billing,profile,,,");
  rows.push("Email Without Domain,,Bad e-mail,profile,Ann Lee,billing@nodomain,");
  rows.push("Import Client 07,,Duplicate,organization,,,");
  rows.push("Country Not Iso,,Bad country,organization,,,USA");
  rows.push(",,Empty name,organization,,,");
  const dir = mkdtempSync(path.join(tmpdir(), "sent-import-"));
  const file = path.join(dir, "franchise-clients.csv");
  writeFileSync(file, `${header}\n${rows.join("\n")}\n`);
  return file;
}

async function counts(browser, pattern, timeoutMsg) {
  await browser.waitUntil(async () => pattern.test(await text(browser, "batch-counts")), { timeout: 20000, timeoutMsg });
}

async function rowOf(browser, name) {
  const rows = await browser.$$('[data-testid="batch-row"]');
  for (const row of rows) {
    const value = await row.$('[data-testid="cell-name"]').getValue();
    if (value === name) return row;
  }
  return null;
}

test("import 60 clients, fix a row, dry run, run, killed halfway, resumed: 55 profiles once", async () => {
  // Each request takes 300 ms at the sandbox, so the run lasts long enough to be cut.
  const sandbox = await startSandbox(["--seed", "demo", "--fault-latency-ms", "300"]);
  try {
    await importAndResume(sandbox);
  } finally {
    await sandbox.stop();
  }
});

async function importAndResume(sandbox) {
  const file = clientsFile();
  let browser = await launchApp();
  try {
    await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length > 0, { timeout: 20000 });
    await addWorkspace(browser, "Franchise import", sandbox);
    await byTestId(browser, "nav-import").click();
    await byTestId(browser, "import-screen").waitForDisplayed({ timeout: 10000 });
    await byTestId(browser, "batch-file").addValue(file);
    await byTestId(browser, "batch-mapping").waitForDisplayed({ timeout: 10000, timeoutMsg: "the file was not read" });
    // Headers found their fields by name.
    const mapped = await browser.$$('[data-testid="mapping-select"]').map((s) => s.getValue());
    assert.deepEqual(mapped, ["name", "short_name", "description", "billing_model", "billing_contact.name", "billing_contact.email", "brand.compliance.destination_countries"]);
    await byTestId(browser, "batch-whatsapp").selectByAttribute("value", "inherit");
    await checkAccessibility(browser, "the import's mapping step");
    await byTestId(browser, "check-rows").click();
    await byTestId(browser, "batch-grid").waitForDisplayed({ timeout: 10000 });
    await counts(browser, /^60 rows: 54 ready, 6 with problems/, "the six bad rows are not found");

    // Each bad row says what is wrong, in words, on its cell.
    await byTestId(browser, "batch-filter-problems").click();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="batch-row"]')).length === 6, { timeout: 10000, timeoutMsg: "the filter does not show six rows" });
    const problems = await browser.execute(() => [...document.querySelectorAll('[data-testid="batch-row"]')].map((r) => r.textContent));
    const all = problems.join("\n");
    assert.match(all, /3–11 letters/, "the 12-character short name");
    assert.match(all, /billing contact/i, "the billed profile without a contact");
    assert.match(all, /billing@example\.com|e-mail address like/i, "the e-mail without a domain");
    assert.match(all, /Row \d+ already has this name/, "the duplicate name");
    assert.match(all, /two-letter country code/, "the country that is no ISO code");
    await checkAccessibility(browser, "the import grid with problems");

    // Fix the short name in place.
    const bad = await rowOf(browser, "Short Name Too Long");
    assert.ok(bad, "the short-name row is listed");
    const cell = await bad.$('[data-testid="cell-short_name"]');
    await cell.click();
    await browser.keys(["Control", "a"]);
    await browser.keys("Backspace");
    await cell.addValue("SHORTNM");
    await browser.keys("Enter");
    await counts(browser, /^60 rows: 55 ready, 5 with problems/, "the fixed row is not ready");

    // Dry run: every ready row gets Sent's answer, nothing is created.
    await byTestId(browser, "batch-filter-ready").click();
    await byTestId(browser, "batch-dry-run").click();
    await browser.waitUntil(async () => /Dry run done/.test(await text(browser, "import-note")), { timeout: 60000, timeoutMsg: "the dry run did not finish" });
    assert.match(await text(browser, "batch-row-dry-run"), /Sent accepts this row/);

    // The run, cut hard once a few profiles exist.
    await byTestId(browser, "batch-run").click();
    await byTestId(browser, "batch-progress").waitForDisplayed({ timeout: 10000 });
    await browser.waitUntil(async () => (await created(browser)) >= 8, { timeout: 60000, interval: 100, timeoutMsg: "the run did not start creating" });
    await killLaunchedApps();
    await browser.deleteSession().catch(() => {});
    browser = null;
  } catch (error) {
    if (browser) await browser.saveScreenshot(path.join(tmpdir(), "import-first-half.png")).catch(() => {});
    throw error;
  } finally {
    if (browser) await browser.deleteSession().catch(() => {});
  }

  {
    await withApp("import-resume", async (browser) => {
      // Reopened: the profile list offers the unfinished import.
      await byTestId(browser, "unfinished-imports").waitForDisplayed({ timeout: 20000, timeoutMsg: "no offer to resume" });
      await byTestId(browser, "resume-import").click();
      await byTestId(browser, "batch-grid").waitForDisplayed({ timeout: 10000 });
      await byTestId(browser, "batch-run").click();
      await browser.waitUntil(async () => /^Done: 55 created/.test(await text(browser, "import-note")),
        { timeout: 90000, interval: 200, timeoutMsg: "the resumed run did not finish with 55 created" });
      await counts(browser, /55 created/, "the counts do not say 55 created");

      await byTestId(browser, "batch-export").click();
      await browser.waitUntil(async () => /Results saved/.test(await text(browser, "import-note")), { timeout: 10000 });
      const saved = (await text(browser, "import-note")).match(/ in (.+\.csv)$/)?.[1];
      assert.ok(saved, "the results file's path is shown");
      const lines = readFileSync(saved, "utf8").trim().split("\n");
      assert.equal(lines.length, 61, "a header and every row");
      assert.equal(lines.filter((l) => /,Created,/.test(l)).length, 55);
      assert.equal(lines.filter((l) => /,Has problems,/.test(l)).length, 5);
      // The next spec starts on the built-in sandbox, not on this one's stopped server.
      await removeWorkspace(browser);
    });
    // At Sent: one profile per row, none twice.
    const list = await fetch(`${sandbox.url}/v3/profiles`, { headers: { "x-api-key": sandbox.key } }).then((r) => r.json());
    const names = list.data.profiles.filter((p) => p.name.startsWith("Import Client") || p.name === "Short Name Too Long").map((p) => p.name);
    assert.equal(names.length, 55, `55 new profiles: ${names.length}`);
    assert.equal(new Set(names).size, 55, "none twice");
  }
}
