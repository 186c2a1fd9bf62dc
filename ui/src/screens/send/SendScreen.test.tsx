// The send panel with Tauri's invoke replaced: what Send does with a form that has problems (says
// each on its field, focuses the first, sends nothing) and that it checks the form as it is at the
// click, not as the last check while typing saw it. The real round trip is the quick-send e2e spec.
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import type { SendCheck } from "../../bindings/SendCheck";
import type { SendDraft } from "../../bindings/SendDraft";
import type { SendHistoryRow } from "../../bindings/SendHistoryRow";
import type { Workspace } from "../../bindings/Workspace";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({ listen: async () => () => {} }));

const { SendScreen } = await import("./SendScreen");

const workspace: Workspace = {
  id: "w1", name: "Local sandbox", environment: "local_sandbox", base_url: "http://127.0.0.1:4010", key_hint: "…abcd",
  identity: { account_type: "organization", account_id: "o", name: "Acme", role: "admin", profile_count: 1 },
  profile_keys: [], built_in: true, on_this_computer: true,
};

const template = {
  id: "t1", name: "visit_reminder", status_label: "Approved", status_tone: "success", sendable: true, reason: null,
  channels: ["sms"], channels_label: "SMS", category: null, language: "en", variables: [],
};

// The backend's rule for recipients, as check_send says it.
function check(draft: SendDraft): SendCheck {
  const fields: Record<string, string[]> = {};
  if (draft.recipients.every((r) => r.trim() === "")) fields.recipients = ["Add at least one phone number."];
  return { fields, recipients: draft.recipients };
}

const retention = (days: number) => ({
  days, hint: `Kept for ${days} days.`,
  choices: [1, 7, 30].map((d) => ({ value: String(d), label: `${d} days`, hint: null })),
});

function answer(sent: SendDraft[], history: () => SendHistoryRow[] = () => [], kept: number[] = [30]) {
  invoke.mockImplementation(async (command: string, args?: { draft?: SendDraft; days?: number }) => {
    switch (command) {
      case "send_options":
        return { profile_id: "p1", profile_name: "Bella Salon", key_note: "Sends as Bella Salon.", templates: [template],
          channels: [{ value: "auto", label: "Automatic", hint: null }], channel_notes: [], recent_recipients: [],
          sandbox_default: false, production: false, templates_error: null };
      case "send_history":
        return history();
      case "send_retention":
        return retention(kept[kept.length - 1]);
      case "set_send_retention":
        kept.push(args!.days!);
        return retention(args!.days!);
      case "check_send":
        return check(args!.draft!);
      case "quick_send":
        sent.push(args!.draft!);
        return { sandbox: false, messages: [], message: "Accepted by Sent.", request_id: null };
      default:
        throw { kind: "ipc", message: `unexpected ${command}` };
    }
  });
}

afterEach(() => {
  cleanup();
  invoke.mockReset();
});

describe("Send", () => {
  it("with no number says so on the field, focuses it and sends nothing", async () => {
    const sent: SendDraft[] = [];
    answer(sent);
    render(<SendScreen workspace={workspace} profileId="p1" />);
    const send = await screen.findByTestId("send");
    expect((send as HTMLButtonElement).disabled).toBe(false); // never disabled for a problem
    fireEvent.click(send);
    expect((await screen.findByTestId("error-recipients")).textContent).toContain("Add at least one phone number");
    await waitFor(() => expect(document.activeElement?.id).toBe("recipient-0"));
    expect(document.getElementById("recipient-0")?.getAttribute("aria-invalid")).toBe("true");
    expect(sent).toEqual([]);
  });

  it("checks the form as it is at the click", async () => {
    const sent: SendDraft[] = [];
    answer(sent);
    render(<SendScreen workspace={workspace} profileId="p1" />);
    const send = await screen.findByTestId("send");
    // Let the check of the empty form arrive first: it says "add a number".
    await waitFor(() => expect(invoke.mock.calls.some(([c]) => c === "check_send")).toBe(true));
    fireEvent.input(document.getElementById("recipient-0")!, { target: { value: "+14155550123" } });
    fireEvent.click(send); // before the debounced check of the typed number
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].recipients).toEqual(["+14155550123"]);
    expect(screen.queryByTestId("error-recipients")).toBeNull();
  });

  it("sends once for a double click or a held Ctrl+Enter", async () => {
    const sent: SendDraft[] = [];
    answer(sent);
    render(<SendScreen workspace={workspace} profileId="p1" />);
    const send = await screen.findByTestId("send");
    fireEvent.input(document.getElementById("recipient-0")!, { target: { value: "+14155550123" } });
    fireEvent.click(send);
    fireEvent.click(send);
    fireEvent.keyDown(window, { key: "Enter", code: "Enter", ctrlKey: true });
    fireEvent.keyDown(window, { key: "Enter", code: "Enter", ctrlKey: true, repeat: true });
    await waitFor(() => expect(sent).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toHaveLength(1);
  });
});

describe("History", () => {
  const row = (id: number, forgotten: boolean): SendHistoryRow => ({
    id, at: 1_700_000_000_000, profile_id: "p1", recipients_masked: "+1 •••• 0123",
    summary: {
      profile_name: "Bella Salon", template_id: "t1", template_name: "Welcome", variables: {}, channel: null, sandbox: false,
      recipients: forgotten ? [] : ["+14155550123"], message_ids: [], outcome: "Accepted (1 message)", tone: "success",
      request_id: null, statuses: {}, forgotten,
    },
  });

  it("offers Send again only while the numbers are kept, and re-reads the history when the period changes", async () => {
    let rows = [row(1, false), row(2, true)];
    const kept = [30];
    answer([], () => rows, kept);
    render(<SendScreen workspace={workspace} profileId="p1" />);
    await waitFor(() => expect(screen.getAllByTestId("history-row")).toHaveLength(2));
    expect(screen.getAllByRole("button", { name: /Send again/ })).toHaveLength(1);
    expect(screen.getByTestId("history-forgotten").textContent).toBe("Numbers no longer kept");
    const select = (await screen.findByLabelText("Keep full numbers and values for")) as HTMLSelectElement;
    expect(select.value).toBe("30");
    rows = [row(1, true), row(2, true)];
    fireEvent.change(select, { target: { value: "1" } });
    await waitFor(() => expect(kept).toEqual([30, 1]));
    await waitFor(() => expect(screen.queryAllByRole("button", { name: /Send again/ })).toHaveLength(0));
    expect(screen.getAllByTestId("history-forgotten")).toHaveLength(2);
  });
});
