// The journal screen alone, with Tauri's invoke replaced: it shows what Rust worded, filters it,
// and exports with the same filters.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import type { Workspace } from "../../bindings/Workspace";
import type { JournalRow } from "../../bindings/JournalRow";
import { entry } from "../../test/journal";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({ listen: async () => () => {} }));

const { JournalScreen } = await import("./JournalScreen");

const workspace: Workspace = {
  id: "00000000-0000-0000-0000-000000000000",
  name: "Local sandbox",
  environment: "local_sandbox",
  base_url: "http://127.0.0.1:4010",
  key_hint: "…abcd",
  identity: { account_type: "organization", account_id: "o", name: "Acme Agency", role: "admin", profile_count: 5 },
  profile_keys: [],
  built_in: true,
  on_this_computer: true,
};

const rows: JournalRow[] = [
  entry({
    id: 2, profile_id: "p-acme", profile_name: "Acme Dental", outcome: { kind: "failed", code: "VALIDATION_001" },
    outcome_label: "Failed: VALIDATION_001", outcome_tone: "danger", request_id: "req_9",
    changes: [{ path: "billing_contact.email", label: "Billing contact · E-mail", old: "a@acme.test", new: "nope" }],
    message: "Enter an e-mail address.",
  }),
  entry({ id: 1, changes: [{ path: "name", label: "Name", old: "Bella", new: "Bella Salon" }] }),
];

function answer(journal: () => Promise<JournalRow[]>) {
  invoke.mockImplementation(async (command: string, args: Record<string, unknown>) => {
    if (command === "journal_entries") return journal();
    if (command === "export_journal") return { path: "/home/dana/Downloads/sent-profiles-journal-local-sandbox-20260101-120000.csv", rows: args.outcome === "error" ? 1 : 2 };
    throw { kind: "ipc", message: `unexpected ${command}` };
  });
}

// jsdom lays nothing out: give every element a size so the virtualizer renders rows.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue(
    { x: 0, y: 0, top: 0, left: 0, right: 800, bottom: 100, width: 800, height: 100, toJSON: () => ({}) } as DOMRect,
  );
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(800);
});

afterEach(() => {
  cleanup();
  invoke.mockReset();
  vi.restoreAllMocks();
});

describe("the journal screen", () => {
  it("lists the entries worded by Rust, with labelled filters and a profile link", async () => {
    answer(async () => rows);
    render(<JournalScreen workspace={workspace} />);
    expect(await screen.findByText("Failed: VALIDATION_001")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Journal" })).toBeTruthy();
    expect(screen.getByText(/Card details and keys are never recorded/)).toBeTruthy();
    expect(screen.getByText("Billing contact · E-mail: a@acme.test → nope")).toBeTruthy();
    expect(screen.getByText("req_9")).toBeTruthy();
    const link = screen.getByRole("link", { name: "Acme Dental" });
    expect(link.getAttribute("href")).toBe(`/profiles/${workspace.id}/p-acme`);
    expect(invoke).toHaveBeenCalledWith("journal_entries", { workspaceId: workspace.id, profileId: null, outcome: null });

    const profile = screen.getByLabelText("Profile") as HTMLSelectElement;
    expect([...profile.options].map((o) => o.text)).toEqual(["All profiles", "Acme Dental", "Bella Salon"]);
    const outcome = screen.getByLabelText("Outcome") as HTMLSelectElement;
    fireEvent.change(outcome, { target: { value: "ok" } });
    await waitFor(() => expect(screen.queryByText("Failed: VALIDATION_001")).toBeNull());
    expect(screen.getByTestId("journal-count").textContent).toBe("1 of 2 entries");

    fireEvent.change(outcome, { target: { value: "error" } });
    fireEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    const status = await screen.findByText(/^Saved 1 row to /);
    expect(status.getAttribute("role")).toBe("status");
    expect(invoke).toHaveBeenCalledWith("export_journal", { workspaceId: workspace.id, profileId: null, outcome: "error" });
  });

  it("says what will appear when the journal is empty", async () => {
    answer(async () => []);
    render(<JournalScreen workspace={workspace} />);
    expect((await screen.findByTestId("journal-empty")).textContent).toMatch(/saves, dry-runs or deletes a profile/);
    expect((screen.getByTestId("journal-export") as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows a failed read with its message", async () => {
    answer(async () => {
      throw { kind: "database", message: "The app's local database failed." };
    });
    render(<JournalScreen workspace={workspace} />);
    const alert = await screen.findByTestId("journal-error");
    expect(alert.textContent).toContain("The app's local database failed.");
  });
});
