// The palette inside the shell, with Tauri's invoke replaced (as in App.test.tsx): the shortcut,
// the combobox wiring, the keys, and what each kind of option does.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import type { Workspace } from "../../bindings/Workspace";
import { LABELS, listUpdate, listWindow, paletteAnswer, row } from "../../test/fixtures";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({ listen: async () => () => {} }));

const { App, preloadScreens } = await import("../../app/App");
// Every screen's code is loaded before the first render: a lazy screen loading after the file's
// last test would fail in a torn-down environment.
await preloadScreens();
const { resetLists } = await import("../../data/profiles");
const appState = await import("../../data/app");
const { paletteOpen } = await import("./CommandPalette");

const sandbox: Workspace = {
  id: "00000000-0000-0000-0000-000000000000", name: "Local sandbox", environment: "local_sandbox",
  base_url: "http://127.0.0.1:4010", key_hint: "…abcd",
  identity: { account_type: "organization", account_id: "o", name: "Acme Agency", role: "admin", profile_count: 2 },
  profile_keys: [], built_in: true, on_this_computer: true,
};
const production: Workspace = { ...sandbox, id: "w-prod", name: "Acme", environment: "production", base_url: "https://api.sent.dm", built_in: false, on_this_computer: false };

function answer() {
  const rows = [row({ id: "p1", name: "Acme Dental", short_name: "ACD" }), row({ id: "p2", name: "Crème Café" })];
  invoke.mockImplementation(async (command: string, args?: { id?: string; text?: string }) => {
    switch (command) {
      case "app_info":
        return { name: "Sent Profiles", version: "1.0.0", environment: "local_sandbox", debug_build: false,
          keychain_ready: true, notices: [], theme: "system" };
      case "list_workspaces":
        return { workspaces: [sandbox, production], current: sandbox.id };
      case "switch_workspace":
        return { workspaces: [sandbox, production], current: args?.id };
      case "domain_labels":
        return LABELS;
      case "query_profiles":
        return listWindow(rows, sandbox.id);
      case "current_list_window":
        return { workspace_id: sandbox.id, window: listWindow(rows, sandbox.id) };
      case "refresh_profiles":
        return listUpdate(sandbox.id, rows.length);
      case "palette_profiles":
        return paletteAnswer(rows, args?.text ?? "", sandbox.id);
      default:
        throw { kind: "ipc", message: `unexpected ${command}` };
    }
  });
}

const ctrlK = () => fireEvent.keyDown(window, { key: "k", code: "KeyK", ctrlKey: true });
const input = () => screen.getByTestId("palette-input") as HTMLInputElement;
const options = () => screen.queryAllByTestId("palette-option");
const activeLabel = () => document.getElementById(input().getAttribute("aria-activedescendant") ?? "")?.textContent;

async function openApp() {
  answer();
  render(<App />);
  await screen.findByText("2 profiles");
}

beforeEach(() => {
  history.replaceState(null, "", "/");
  // The router scrolls to the top on a route change; jsdom has no scrolling.
  vi.spyOn(window, "scrollTo").mockImplementation(() => {});
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  invoke.mockReset();
  paletteOpen.value = false;
  resetLists();
  appState.appError.value = null;
  appState.appInfo.value = null;
  appState.workspaceList.value = null;
});

describe("CommandPalette", () => {
  it("opens with Ctrl+K as a combobox over a grouped listbox", async () => {
    await openApp();
    expect(screen.queryByTestId("command-palette")).toBeNull();
    ctrlK();
    const box = await screen.findByTestId("palette-input");
    expect(box.getAttribute("role")).toBe("combobox");
    expect(box.getAttribute("aria-label")).toBe("Search profiles, screens and actions");
    const listbox = document.getElementById(box.getAttribute("aria-controls") ?? "");
    expect(listbox?.getAttribute("role")).toBe("listbox");
    const groups = [...(listbox?.querySelectorAll('[role="group"]') ?? [])];
    expect(groups.map((g) => document.getElementById(g.getAttribute("aria-labelledby") ?? "")?.textContent))
      .toEqual(["Screens", "Workspaces", "Profiles"]);
    expect(options().map((o) => o.dataset.action)).toEqual([
      "screen", "screen", "screen", "screen", "screen", "screen", "add-workspace", "switch-workspace",
      "open-profile", "send-profile", "open-profile", "send-profile",
    ]);
    expect(options()[0].getAttribute("aria-selected")).toBe("true");
    expect(activeLabel()).toContain("Profiles");
    expect(screen.getByText("Switch to Acme — Production")).toBeTruthy();
    // Ctrl+K again closes it.
    ctrlK();
    await waitFor(() => expect(screen.queryByTestId("command-palette")).toBeNull());
  });

  it("opens from the title bar's button, which names the shortcut", async () => {
    await openApp();
    const button = screen.getByTestId("open-palette");
    expect(button.textContent).toContain("Ctrl+K");
    fireEvent.click(button);
    expect(await screen.findByTestId("command-palette")).toBeTruthy();
  });

  it("filters without accents, moves with wrapping keys, and runs the active option with Enter", async () => {
    await openApp();
    ctrlK();
    fireEvent.input(await screen.findByTestId("palette-input"), { target: { value: "CREME" } });
    // The profiles are ranked in Rust: the options follow its answer.
    await waitFor(() => expect(options().map((o) => o.textContent)).toEqual([
      expect.stringContaining("Open Crème Café"), expect.stringContaining("Send a test message as Crème Café"),
    ]));
    fireEvent.keyDown(input(), { key: "ArrowDown" });
    expect(activeLabel()).toContain("Send a test message");
    fireEvent.keyDown(input(), { key: "ArrowDown" });
    expect(activeLabel()).toContain("Open Crème");
    fireEvent.keyDown(input(), { key: "ArrowUp" });
    expect(activeLabel()).toContain("Send a test message");
    fireEvent.keyDown(input(), { key: "Home" });
    expect(activeLabel()).toContain("Open Crème");
    fireEvent.keyDown(input(), { key: "End" });
    fireEvent.keyDown(input(), { key: "Enter" });
    await waitFor(() => expect(location.pathname).toBe(`/profiles/${sandbox.id}/p2/send`));
    expect(screen.queryByTestId("command-palette")).toBeNull();
  });

  it("says nothing matches, and Escape closes", async () => {
    await openApp();
    ctrlK();
    fireEvent.input(await screen.findByTestId("palette-input"), { target: { value: "zzz" } });
    await waitFor(() => expect(options()).toHaveLength(0));
    expect(input().getAttribute("aria-activedescendant")).toBeNull();
    expect(screen.getByTestId("palette-status").textContent).toContain("Nothing matches");
    fireEvent.keyDown(input(), { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("command-palette")).toBeNull());
  });

  it("goes to a screen on click", async () => {
    await openApp();
    ctrlK();
    fireEvent.input(await screen.findByTestId("palette-input"), { target: { value: "jour" } });
    fireEvent.click(options()[0]);
    await waitFor(() => expect(location.pathname).toBe("/journal"));
  });

  it("switches workspace with the switcher's own switch", async () => {
    await openApp();
    ctrlK();
    fireEvent.input(await screen.findByTestId("palette-input"), { target: { value: "switch" } });
    await waitFor(() => expect(options().map((o) => o.dataset.action)).toEqual(["switch-workspace"]));
    fireEvent.keyDown(input(), { key: "Enter" });
    await waitFor(() => expect(invoke).toHaveBeenCalledWith("switch_workspace", { id: "w-prod" }));
  });

  it("opens the Add workspace dialog", async () => {
    await openApp();
    ctrlK();
    fireEvent.input(await screen.findByTestId("palette-input"), { target: { value: "add work" } });
    await waitFor(() => expect(options().map((o) => o.dataset.action)).toEqual(["add-workspace"]));
    fireEvent.keyDown(input(), { key: "Enter" });
    expect(await screen.findByLabelText("Organization API key")).toBeTruthy();
    expect(screen.queryByTestId("command-palette")).toBeNull();
  });
});
