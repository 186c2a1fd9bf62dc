// The UI alone, with Tauri's invoke replaced: the real commands are exercised by the Rust command
// tests and the e2e tests in the real window (e2e/specs), so this only checks how the UI renders
// what Rust returns and what it sends.
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import type { AppInfo } from "../bindings/AppInfo";
import type { ListWindow } from "../bindings/ListWindow";
import type { ProfilesUpdated } from "../bindings/ProfilesUpdated";
import type { Workspace } from "../bindings/Workspace";
import type { WorkspaceList } from "../bindings/WorkspaceList";
import { LABELS, listUpdate, listWindow, row } from "../test/fixtures";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({ listen: async () => () => {} }));

const { App, preloadScreens } = await import("./App");
// Every screen's code is loaded before the first render: a lazy screen loading after the file's
// last test would fail in a torn-down environment.
await preloadScreens();
const { resetLists } = await import("../data/profiles");
const appState = await import("../data/app");

const sandbox: Workspace = {
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

/** The list Rust holds: empty and never fetched until a refresh answers, then `fresh`. */
function answer(info: Partial<AppInfo> = {}, workspaces?: WorkspaceList, refresh?: () => Promise<ProfilesUpdated>,
  cached: ListWindow = listWindow([], sandbox.id, null, 0)) {
  const fresh = [row({ id: "p1", name: "Acme Dental" })];
  let refreshed = false;
  invoke.mockImplementation(async (command: string) => {
    switch (command) {
      case "app_info":
        return { name: "Sent Profiles", version: "9.8.7", environment: "local_sandbox", debug_build: false,
          keychain_ready: true, notices: [], theme: "system", ...info };
      case "list_workspaces":
        return workspaces ?? { workspaces: [sandbox], current: sandbox.id };
      case "domain_labels":
        return LABELS;
      case "query_profiles":
        return refreshed ? listWindow(fresh, sandbox.id) : cached;
      case "current_list_window":
        return { workspace_id: (workspaces ?? { current: sandbox.id }).current, window: refreshed ? listWindow(fresh, sandbox.id) : cached };
      case "refresh_profiles":
        if (refresh) return refresh();
        refreshed = true;
        return listUpdate(sandbox.id, fresh.length);
      default:
        throw { kind: "ipc", message: `unexpected ${command}` };
    }
  });
}

afterEach(() => {
  cleanup();
  invoke.mockReset();
  resetLists();
  appState.appError.value = null;
  appState.appInfo.value = null;
  appState.workspaceList.value = null;
});

describe("App", () => {
  it("opens on the profile list of the current workspace", async () => {
    answer();
    render(<App />);
    expect(await screen.findByText("v9.8.7")).toBeTruthy();
    expect(screen.getByTestId("sandbox-banner")).toBeTruthy();
    expect(await screen.findByText("1 profile")).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith("refresh_profiles", { workspaceId: sandbox.id });
  });

  it("shows a refused command as an alert with the detail behind a toggle", async () => {
    invoke.mockRejectedValue("Command app_info not allowed by ACL");
    render(<App />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("could not carry out this action");
    expect(alert.querySelector("details")?.textContent).toContain("not allowed");
  });

  it("shows start-up notices and disables adding without a keychain", async () => {
    answer({ keychain_ready: false, notices: [{ kind: "keychain_unavailable", message: "No keychain is available." }] });
    render(<App />);
    expect((await screen.findByTestId("notice-keychain_unavailable")).textContent).toContain("No keychain");
    expect((screen.getByText("Add workspace") as HTMLButtonElement).disabled).toBe(true);
  });

  it("keeps the cached rows and says the error once when the refresh fails", async () => {
    answer({}, undefined, async () => {
      throw { kind: "unreachable", message: "No Sent server answered.", request_id: "req_9" };
    }, listWindow([row({ id: "p1", name: "Cached one" })], sandbox.id, Date.now() - 5 * 60000));
    render(<App />);
    const offline = await screen.findByTestId("profiles-offline");
    expect(offline.textContent).toContain("Could not update the list from Sent");
    expect(offline.textContent).toContain("updated 5 minutes ago");
    expect(offline.textContent).toContain("req_9");
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    // jsdom has no layout, so the virtualized rows themselves are checked in the real window (e2e).
    expect(screen.getByTestId("profile-count").textContent).toBe("1 profile");
  });

  it("asks for an environment before anything is sent, then puts Rust's field errors under the fields", async () => {
    answer();
    render(<App />);
    fireEvent.click(await screen.findByText("Add workspace"));
    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Acme" } });
    fireEvent.input(screen.getByLabelText("Organization API key"), { target: { value: "bad-key" } });
    fireEvent.click(screen.getByTestId("save-workspace"));
    expect((await screen.findByTestId("error-environment")).textContent).toContain("Choose the environment");
    expect(invoke).not.toHaveBeenCalledWith("add_workspace", expect.anything());

    invoke.mockImplementationOnce(async () => {
      throw { kind: "key_rejected", message: "Sent production did not recognise this API key.",
        fields: { api_key: ["Sent production did not recognise this API key."] } };
    });
    fireEvent.click(screen.getByLabelText(/^Production/));
    fireEvent.click(screen.getByTestId("save-workspace"));
    expect((await screen.findByTestId("error-api_key")).textContent).toContain("did not recognise");
    expect(invoke).toHaveBeenCalledWith("add_workspace", {
      draft: { name: "Acme", environment: "production", custom_base_url: undefined, api_key: "bad-key" },
    });
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("Acme");
  });
});
