// The profile list in the real window, against the embedded sandbox's demo organization: rows with
// their badges, search, keyboard, the read-only summary, a restart that shows the cached list, and
// the offline state of a workspace whose server stopped.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { test } from "node:test";
import { byTestId, checkAccessibility, withApp } from "../lib/app.mjs";

async function rows(browser) {
  return browser.$$('[data-testid="profile-row"]');
}

/** The names of the rendered rows (textContent: WebDriver's visible-text rules and a transformed,
 * virtualized row do not always agree). */
async function rowNames(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="profile-row"]')].map((row) => row.querySelector('[role="gridcell"]').textContent));
}

async function waitForRows(browser, timeout = 20000) {
  await browser.waitUntil(async () => (await rows(browser)).length > 0, { timeout, timeoutMsg: "no profile rows" });
}

test("the demo profiles are listed with their badges, found by search and opened from the keyboard", async () => {
  await withApp("profile-list", async (browser) => {
    await waitForRows(browser);
    const names = await rowNames(browser);
    assert.ok(names.includes("Bella Salon"), names.join(", "));
    assert.ok(names.includes("Northwind Clinics"));
    const count = await byTestId(browser, "profile-count").getText();
    assert.match(count, /^\d+ profiles?$/);

    await checkAccessibility(browser, "the profile list");

    // Statuses read as words, never raw API values.
    const badges = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="status-badge"]')].map((b) => b.textContent));
    assert.ok(badges.includes("Approved"), badges.join(", "));
    assert.ok(badges.includes("Pending review"), badges.join(", "));
    assert.ok(!badges.some((b) => b.includes("_")), badges.join(", "));
    await browser.waitUntil(async () => /updated just now/.test(await byTestId(browser, "updated-ago").getText()),
      { timeout: 10000, timeoutMsg: "no 'updated just now'" });

    // `/` focuses the search; typing narrows the list; Escape clears it.
    await browser.$("#profiles-heading").click();
    await browser.keys("/");
    const search = byTestId(browser, "profile-search");
    assert.equal(await search.isFocused(), true, "/ focuses the search");
    // addValue types into the field (WebKitWebDriver's key actions drop a repeated letter).
    await search.addValue("pizza");
    await browser.waitUntil(async () => (await rows(browser)).length === 2, { timeout: 5000, timeoutMsg: "search did not narrow" });
    assert.deepEqual((await rowNames(browser)).sort(), ["Joe's Pizza Downtown", "Joe's Pizza Uptown"]);
    assert.match(await byTestId(browser, "profile-count").getText(), /^2 of \d+ profiles$/);
    await browser.keys("Escape");
    await browser.waitUntil(async () => (await rows(browser)).length === names.length, { timeout: 5000 });
    assert.equal(await search.getValue(), "");

    // A filter with no match says so.
    await search.setValue("no such profile at all");
    await byTestId(browser, "profiles-no-match").waitForDisplayed({ timeout: 5000 });
    await browser.keys("Escape");

    // Arrows move the active row (the grid keeps focus); Enter opens the summary; Escape returns.
    const grid = byTestId(browser, "profile-grid");
    // Focus without clicking: a click in the grid lands on a row and opens it.
    await browser.execute(() => document.querySelector('[data-testid="profile-grid"]').focus());
    const first = (await rowNames(browser))[0];
    await browser.keys("ArrowDown");
    const selected = await browser.$('[data-testid="profile-row"][aria-selected="true"]');
    const second = await browser.execute(() =>
      document.querySelector('[data-testid="profile-row"][aria-selected="true"] [role="gridcell"]').textContent);
    assert.notEqual(second, first, "ArrowDown moved to the next row");
    const active = await grid.getAttribute("aria-activedescendant");
    assert.equal(active, await selected.getAttribute("id"));
    await browser.keys("Enter");
    const summary = byTestId(browser, "profile-detail");
    await summary.waitForDisplayed({ timeout: 5000 });
    assert.equal(await browser.$("#profile-heading").getText(), second);
    assert.ok((await byTestId(browser, "summary-status").getText()).length > 0);
    await browser.waitUntil(async () => /Read from Sent/.test(await summary.getText()), { timeout: 10000, timeoutMsg: "the profile was not read from Sent" });
    await checkAccessibility(browser, "a profile's screen");
    await browser.keys("Escape");
    await waitForRows(browser, 5000);

    // `?` lists every shortcut; Escape closes the list.
    await browser.$("#profiles-heading").click();
    await browser.keys("?");
    await byTestId(browser, "shortcuts-dialog").waitForDisplayed({ timeout: 5000, timeoutMsg: "? opened no list of shortcuts" });
    assert.match(await byTestId(browser, "shortcuts-dialog").getText(), /Ctrl\+K.*Ctrl\+S.*Ctrl\+Enter/s);
    await checkAccessibility(browser, "the list of shortcuts");
    await browser.keys("Escape");
    await browser.waitUntil(async () => !(await byTestId(browser, "shortcuts-dialog").isExisting()), { timeout: 5000, timeoutMsg: "Escape left the list open" });

    // Closing the list gives focus back to what opened it on the next frame: let that frame pass.
    await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    // The skip link: shown when it has focus (the first stop of Tab), Enter moves focus to the screen.
    await browser.execute(() => document.querySelector('[data-testid="skip-link"]').focus());
    await browser.waitUntil(async () => await browser.execute(() => {
      const link = document.querySelector('[data-testid="skip-link"]');
      return document.activeElement === link && link.getBoundingClientRect().top >= 0;
    }), { timeout: 5000, timeoutMsg: "the focused skip link is not on screen" });
    await browser.keys("Enter");
    await browser.waitUntil(async () => await browser.execute(() => document.activeElement?.id === "main"), { timeout: 5000, timeoutMsg: "the skip link did not move focus to the main content" });
  });
});

test("after a restart the saved list is shown at once", async () => {
  let before = 0;
  await withApp("profile-list-first-run", async (browser) => {
    await waitForRows(browser);
    before = (await rowNames(browser)).length;
  });
  await withApp("profile-list-restart", async (browser) => {
    // The cache answers before the server: rows appear quickly even though a refresh follows.
    await waitForRows(browser, 5000);
    assert.equal((await rowNames(browser)).length, before);
  });
});

/** A standalone sent-sandbox with a known organization key (and `profiles` generated profiles
 * besides the demo ones); resolves to {url, stop}. */
async function startSandbox(profiles = 0) {
  const bin = process.env.SENT_SANDBOX_BIN;
  assert.ok(bin, "SENT_SANDBOX_BIN must point at the sent-sandbox binary (./x e2e sets it)");
  const key = `e2e-org-key-${Date.now()}`;
  const many = profiles > 0 ? ["--profiles", String(profiles)] : [];
  const child = spawn(bin, ["--seed", "demo", ...many, "--org-key", key, "--no-rate-limit"], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = once(child, "exit").catch(() => {});
  const lines = createInterface({ input: child.stdout });
  const [first] = await once(lines, "line");
  const url = first.replace(/^listening on /, "");
  // Idempotent: stopping twice waits for the same exit.
  return { url, key, stop: async () => { child.kill("SIGTERM"); await exited; } };
}

/** How many rows the webview holds (the list window Rust answered) and how many it draws. */
async function held(browser) {
  return browser.execute(() => ({
    held: Number(document.querySelector('[data-testid="profile-grid"]').dataset.rowsHeld),
    drawn: document.querySelectorAll('[data-testid="profile-row"], [data-testid="profile-row-pending"]').length,
  }));
}

test("10,000 profiles: the webview holds a few hundred rows; a workspace whose server stopped keeps them and says why once", async () => {
  const sandbox = await startSandbox(10000);
  try {
    await withApp("profile-list-offline", async (browser) => {
      await waitForRows(browser);
      await browser.$("button=Add workspace").click();
      await browser.$('input[name="name"]').setValue("Client on a stopped server");
      await browser.$('input[name="environment"][value="custom"]').click();
      await browser.$('input[name="custom_base_url"]').setValue(sandbox.url);
      await browser.$('input[name="api_key"]').setValue(sandbox.key);
      await byTestId(browser, "save-workspace").click();
      await byTestId(browser, "added-identity").waitForDisplayed({ timeout: 20000 });
      await browser.$("button=Done").click();

      // The new workspace is current; its list loads from its server.
      await browser.waitUntil(async () => (await byTestId(browser, "workspace-url").getText()) === sandbox.url,
        { timeout: 10000, timeoutMsg: "the new workspace is not current" });
      await waitForRows(browser);
      await browser.waitUntil(async () => /^10,\d{3} profiles$/.test(await byTestId(browser, "profile-count").getText()),
        { timeout: 60000, timeoutMsg: "the 10,000 profiles were not listed" });
      // The rows stay in Rust: the window holds the rows in view and some more, never the list.
      let now = await held(browser);
      assert.ok(now.held > 0 && now.held <= 300, `the webview holds ${now.held} rows`);
      assert.ok(now.drawn <= 60, `${now.drawn} rows drawn`);
      // End goes to the last profile: its row is asked for and drawn, still a few hundred held.
      await browser.execute(() => document.querySelector('[data-testid="profile-grid"]').focus());
      await browser.keys("End");
      await browser.waitUntil(async () => await browser.execute(() => {
        const grid = document.querySelector('[data-testid="profile-grid"]');
        const active = document.getElementById(grid.getAttribute("aria-activedescendant") ?? "");
        return active !== null && Number(active.getAttribute("aria-rowindex")) === Number(grid.getAttribute("aria-rowcount"));
      }), { timeout: 10000, timeoutMsg: "End did not show the last profile" });
      now = await held(browser);
      assert.ok(now.held <= 300, `after End the webview holds ${now.held} rows`);
      // ...and in view, not only in the page.
      assert.ok(await browser.execute(() => {
        const grid = document.querySelector('[data-testid="profile-grid"]');
        const active = document.getElementById(grid.getAttribute("aria-activedescendant") ?? "");
        const body = active.parentElement.parentElement;
        const a = active.getBoundingClientRect(), b = body.getBoundingClientRect();
        return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
      }), "after End the last profile's row is in view");
      // Scrolled by hand to the middle of the list: the profiles there are drawn where the user
      // looks (asked for and painted as the view moves), not empty rows.
      await browser.execute(() => {
        const body = document.querySelector('[data-testid="profile-row"]').parentElement.parentElement;
        body.scrollTop = body.scrollHeight / 2;
      });
      await browser.waitUntil(async () => await browser.execute(() => {
        const body = document.querySelector('[data-testid="profile-row"]').parentElement.parentElement;
        const b = body.getBoundingClientRect();
        const row = document.elementFromPoint(b.left + 40, b.top + b.height / 2)?.closest('[role="row"]');
        const index = Number(row?.getAttribute("aria-rowindex"));
        return row?.getAttribute("data-testid") === "profile-row" && index > 4000 && index < 6000;
      }), { timeout: 10000, timeoutMsg: "the middle of the list was not drawn where it was scrolled to" });
      now = await held(browser);
      assert.ok(now.held <= 300, `scrolled, the webview holds ${now.held} rows`);
      // Search is answered by Rust over every profile.
      await byTestId(browser, "profile-search").setValue("pizza");
      await browser.waitUntil(async () => /^\d+ of 10,\d{3} profiles$/.test(await byTestId(browser, "profile-count").getText()),
        { timeout: 5000, timeoutMsg: "the search did not narrow the 10,000" });
      assert.ok((await rowNames(browser)).every((name) => /pizza/i.test(name)));
      await browser.keys("Escape");
      await browser.waitUntil(async () => /^10,\d{3} profiles$/.test(await byTestId(browser, "profile-count").getText()),
        { timeout: 5000, timeoutMsg: "Escape did not clear the search" });
      const shownCount = await byTestId(browser, "profile-count").getText();

      await sandbox.stop();
      await byTestId(browser, "refresh-profiles").click();
      const offline = byTestId(browser, "profiles-offline");
      await offline.waitForDisplayed({ timeout: 30000, timeoutMsg: "no offline state" });
      const text = await offline.getText();
      assert.match(text, /Could not update the list from Sent/);
      assert.match(text, /Showing the saved list/);
      // The sentence says what to do; the network error chain is only behind "Details".
      const message = await offline.$('[data-testid="error-message"]').getText();
      assert.match(message, /could not be reached/);
      assert.doesNotMatch(message, /client error|Connect\)|tcp connect/, "no raw network error chain in the message");
      assert.equal(await offline.$("details").getAttribute("open"), null, "the detail starts folded");
      // The saved rows stay (the banner above them leaves room for fewer on screen).
      assert.ok((await rowNames(browser)).length > 0, "the saved rows stay");
      assert.equal(await byTestId(browser, "profile-count").getText(), shownCount);
      assert.equal((await browser.$$('[role="alert"]')).length, 1, "the error is said once");

      // Clean up: remove the workspace (with its confirmation).
      await browser.$("a=Workspace and keys").click();
      await byTestId(browser, "remove-workspace").click();
      await byTestId(browser, "confirm").click();
      await browser.waitUntil(async () => (await browser.$$('[data-testid="workspace-switcher"] option')).length === 1,
        { timeout: 10000, timeoutMsg: "the workspace was not removed" });
    });
  } finally {
    await sandbox.stop();
  }
});
