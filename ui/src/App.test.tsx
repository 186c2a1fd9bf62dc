// The UI alone, with Tauri's invoke replaced: the real commands are exercised by the Rust command
// tests and the e2e tests in the real window (e2e/specs), so this only checks how the UI renders
// what Rust returns and what it sends.
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import type { AppInfo } from "./bindings/AppInfo";
import type { Workspace } from "./bindings/Workspace";
import type { WorkspaceList } from "./bindings/WorkspaceList";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { App } = await import("./App");

const sandbox: Workspace = {
  id: "00000000-0000-0000-0000-000000000000",
  name: "Local sandbox",
  environment: "local_sandbox",
  base_url: "http://127.0.0.1:4010",
  key_hint: "…abcd",
  identity: { account_type: "organization", account_id: "o", name: "Acme Agency", role: "admin", profile_count: 5 },
  profile_keys: [],
  built_in: true,
};

function answer(info: Partial<AppInfo> = {}, list?: WorkspaceList) {
  invoke.mockImplementation(async (command: string) => {
    switch (command) {
      case "app_info":
        return { name: "Sent Profiles", version: "9.8.7", environment: "local_sandbox", debug_build: false,
          keychain_ready: true, notices: [], ...info };
      case "list_workspaces":
        return list ?? { workspaces: [sandbox], current: sandbox.id };
      case "list_profiles":
        return [];
      default:
        throw { kind: "test", message: `unexpected ${command}` };
    }
  });
}

afterEach(() => {
  cleanup();
  invoke.mockReset();
});

describe("App", () => {
  it("shows the version, the sandbox banner and the current workspace", async () => {
    answer();
    render(<App />);
    expect(await screen.findByText("v9.8.7")).toBeTruthy();
    expect(screen.getByTestId("sandbox-banner")).toBeTruthy();
    expect(screen.getByTestId("workspace-key-hint").textContent).toBe("…abcd");
  });

  it("shows a refused command as an alert, not a blank window", async () => {
    invoke.mockRejectedValue("Command app_info not allowed by ACL");
    render(<App />);
    expect((await screen.findByRole("alert")).textContent).toContain("not allowed");
  });

  it("shows start-up notices and disables adding without a keychain", async () => {
    answer({ keychain_ready: false, notices: [{ kind: "keychain_unavailable", message: "No keychain is available." }] });
    render(<App />);
    expect((await screen.findByTestId("notice-keychain_unavailable")).textContent).toContain("No keychain");
    expect((screen.getByText("Add workspace") as HTMLButtonElement).disabled).toBe(true);
  });

  it("puts Rust's field errors under the fields and keeps the draft", async () => {
    answer();
    render(<App />);
    fireEvent.click(await screen.findByText("Add workspace"));
    invoke.mockImplementationOnce(async () => {
      throw { kind: "key_rejected", message: "Production did not recognise this API key.",
        fields: { api_key: ["Production did not recognise this API key."] } };
    });
    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Acme" } });
    fireEvent.input(screen.getByLabelText("Organization API key"), { target: { value: "bad-key" } });
    fireEvent.click(screen.getByTestId("save-workspace"));
    expect((await screen.findByTestId("error-api_key")).textContent).toContain("did not recognise");
    expect(invoke).toHaveBeenCalledWith("add_workspace", {
      draft: { name: "Acme", environment: "production", custom_base_url: undefined, api_key: "bad-key" },
    });
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("Acme");
  });
});
