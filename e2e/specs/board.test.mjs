// The compliance board in the real window, on a standalone sandbox with the demo organization (its
// own data: the other specs' embedded sandbox is untouched). Opened with Ctrl+B: each demo profile
// with its next action in words; a blocked profile's action lands on the field, fixed there, and
// it turns ready; two ready profiles selected and submitted together: both in review or approved,
// then approved at Sent: "Live" without a refresh, with the app's notices; a rejection shows on the
// board and its action opens the profile's submit dialog, which offers a new submission; the report
// exported as CSV.
import assert from "node:assert/strict";
import { test } from "node:test";
import { addWorkspace, byTestId, checkAccessibility, removeWorkspace, setStatus, startSandbox, withApp } from "../lib/app.mjs";

const text = (browser, id) => browser.execute((i) => document.querySelector(`[data-testid="${i}"]`)?.textContent ?? null, id);

/** Each board row shown: name, kind of next action, the action's words. */
const boardRows = (browser) => browser.execute(() => [...document.querySelectorAll('[data-testid="board-row"]')].map((r) => ({
  name: r.querySelector("a")?.textContent ?? "",
  kind: r.getAttribute("data-kind"),
  next: r.querySelector('[data-testid="board-next"]')?.textContent ?? "",
})));

async function waitRow(browser, name, check, what) {
  let last = null;
  await browser.waitUntil(async () => {
    last = (await boardRows(browser)).find((r) => r.name === name) ?? null;
    return last !== null && check(last);
  }, { timeout: 30000, timeoutMsg: `${name}: ${what} (last: ${JSON.stringify(last)})` });
  return last;
}

async function openBoard(browser) {
  // The shortcut from anywhere (the body has the focus after a click on a tab).
  await browser.keys(["Control", "b"]);
  await byTestId(browser, "board").waitForDisplayed({ timeout: 10000, timeoutMsg: "Ctrl+B did not open the board" });
}

async function rowElement(browser, name) {
  for (const row of await browser.$$('[data-testid="board-row"]')) {
    if ((await row.$("a").getProperty("textContent")) === name) return row;
  }
  throw new Error(`${name} is not on the board`);
}

test("the compliance board: next actions in words, fixed from the board, two profiles submitted together and followed", async () => {
  const sandbox = await startSandbox();
  try {
    await withApp("board", async (browser) => {
      await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length > 0, { timeout: 20000 });
      await addWorkspace(browser, "Board client", sandbox);
      await browser.waitUntil(async () => (await browser.$$('[data-testid="profile-row"]')).length === 5,
        { timeout: 20000, timeoutMsg: "the demo organization's profiles were not listed" });

      await openBoard(browser);
      await waitRow(browser, "Joe's Pizza Uptown", (r) => r.kind === "blocked" && r.next === "Add a short name", "not blocked on its short name");
      await waitRow(browser, "Northwind Clinics", (r) => r.kind === "in_review" && /^In review at Sent/.test(r.next), "not in review");
      await waitRow(browser, "Bella Salon", (r) => r.kind === "live" && /^Live/.test(r.next), "not live");
      // Its campaigns are read in the background; then it is ready.
      await waitRow(browser, "Tenant Co", (r) => r.kind === "ready" && r.next === "Ready: submit for review", "not ready");
      // Sorted by what needs attention: ready before blocked, live last.
      const order = (await boardRows(browser)).map((r) => r.kind);
      assert.deepEqual(order.slice(0, 2), ["ready", "blocked"], `the board's order: ${order}`);
      assert.equal(order[order.length - 1], "live");
      await checkAccessibility(browser, "the compliance board");

      // Uptown's next action lands on its short name; fixed and saved there, it turns ready.
      await (await rowElement(browser, "Joe's Pizza Uptown")).$('[data-testid="board-next"]').click();
      await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.getAttribute("name"))) === "short_name",
        { timeout: 10000, timeoutMsg: "the next action did not land on the short name" });
      await browser.$('[name="short_name"]').setValue("Joes UT");
      await browser.waitUntil(async () => /^1 change not saved/.test((await text(browser, "change-count")) ?? ""),
        { timeout: 5000, timeoutMsg: "the change was not counted" });
      await byTestId(browser, "review-save").click();
      await byTestId(browser, "save-confirm").click();
      await browser.waitUntil(async () => !(await byTestId(browser, "review-dialog").isExisting()),
        { timeout: 10000, timeoutMsg: "the save did not end" });
      await openBoard(browser);
      await waitRow(browser, "Joe's Pizza Uptown", (r) => r.kind === "ready", "not ready after its short name was saved");

      // Both ready ones selected and submitted together: a result each.
      const ready = (await boardRows(browser)).filter((r) => r.kind === "ready").map((r) => r.name).sort();
      assert.deepEqual(ready, ["Joe's Pizza Uptown", "Tenant Co"]);
      for (const name of ready) await (await rowElement(browser, name)).$('[data-testid="board-select"]').click();
      assert.match(await text(browser, "board-selected"), /^2 selected/);
      assert.equal(await byTestId(browser, "board-submit").getText(), "Submit 2 profiles for review");
      await byTestId(browser, "board-submit").click();
      await browser.waitUntil(async () => /^2 of 2 submitted/.test((await text(browser, "board-results")) ?? ""),
        { timeout: 20000, timeoutMsg: `the submission's results: ${await text(browser, "board-results")}` });
      for (const name of ready) {
        await waitRow(browser, name, (r) => r.kind === "in_review" || r.kind === "live", "did not move to review after the submission");
      }
      assert.match(await text(browser, "board-selected"), /No profile selected/, "submitted profiles stay selected");

      // Approved at Sent: both Live on the board, without a refresh, with a notice each.
      const response = await fetch(`${sandbox.url}/v3/profiles`, { headers: { "x-api-key": sandbox.key } });
      const profiles = (await response.json()).data.profiles;
      for (const name of ready) {
        const profile = profiles.find((p) => p.name === name);
        // Always "approved" (the list report below filters on it), whether Sent had it in review or done.
        await setStatus(sandbox, profile.id, "approved");
      }
      for (const name of ready) await waitRow(browser, name, (r) => r.kind === "live", "not live after its approval");
      await browser.waitUntil(async () => {
        const notices = (await text(browser, "review-notices")) ?? "";
        return ready.every((name) => notices.includes(`${name} was approved`));
      }, { timeout: 30000, timeoutMsg: `no notice of both approvals: ${await text(browser, "review-notices")}` });

      // Rejected at Sent: the board says so, and its action opens the submit dialog, which offers a
      // new submission.
      const northwind = profiles.find((p) => p.name === "Northwind Clinics");
      await setStatus(sandbox, northwind.id, "rejected");
      await byTestId(browser, "board-refresh").click();
      await waitRow(browser, "Northwind Clinics", (r) => r.kind === "rejected" && /^Rejected: .*submit again$/.test(r.next), "not rejected");
      await (await rowElement(browser, "Northwind Clinics")).$('[data-testid="board-next"]').click();
      await byTestId(browser, "submit-dialog").waitForDisplayed({ timeout: 10000, timeoutMsg: "the action did not open the submit dialog" });
      await byTestId(browser, "review-standing").waitForDisplayed({ timeout: 10000 });
      assert.match(await text(browser, "review-standing"), /Rejected/);
      await byTestId(browser, "submit-review").waitForDisplayed({ timeout: 10000, timeoutMsg: "a rejected profile is not offered a new submission" });
      await byTestId(browser, "submit-close").click();

      // The report: every profile, one line each.
      await openBoard(browser);
      await byTestId(browser, "board-export").click();
      await browser.waitUntil(async () => /^Saved 5 profiles to .*\.csv$/.test((await text(browser, "board-exported")) ?? ""),
        { timeout: 10000, timeoutMsg: `no report: ${await text(browser, "board-exported")}` });
      // The profile list exports the same report with its own filters: the approved ones.
      await browser.$("a=Profiles").click();
      await byTestId(browser, "filter-status").waitForDisplayed({ timeout: 10000 });
      await byTestId(browser, "filter-status").selectByAttribute("value", "approved");
      await byTestId(browser, "export-profiles").click();
      await browser.waitUntil(async () => /^Saved 4 profiles to .*\.csv$/.test((await text(browser, "profiles-exported")) ?? ""),
        { timeout: 10000, timeoutMsg: `no list report: ${await text(browser, "profiles-exported")}` });
      await byTestId(browser, "filter-status").selectByAttribute("value", "");

      await removeWorkspace(browser);
    });
  } finally {
    await sandbox.stop();
  }
});
