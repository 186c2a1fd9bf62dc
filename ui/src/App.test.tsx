// The UI alone, with Tauri's invoke replaced: the real command is exercised by the e2e tests in the
// real window (e2e/specs), so this only checks how the UI renders what Rust returns.
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/preact";
import type { AppInfo } from "./bindings/AppInfo";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { App } = await import("./App");

afterEach(() => {
  cleanup();
  invoke.mockReset();
});

describe("App", () => {
  it("shows the version and the sandbox banner from app_info", async () => {
    const info: AppInfo = { name: "Sent Profiles", version: "9.8.7", environment: "local_sandbox", debug_build: false };
    invoke.mockResolvedValue(info);
    render(<App />);
    expect(await screen.findByText("v9.8.7")).toBeTruthy();
    expect(screen.getByTestId("sandbox-banner")).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith("app_info", undefined);
  });

  it("shows a refused command as an alert, not a blank window", async () => {
    invoke.mockRejectedValue("Command app_info not allowed by ACL");
    render(<App />);
    expect((await screen.findByRole("alert")).textContent).toContain("not allowed");
  });

  it("has no sandbox banner on production", async () => {
    invoke.mockResolvedValue({ name: "Sent Profiles", version: "1.0.0", environment: "production", debug_build: false });
    render(<App />);
    expect(await screen.findByText("Production")).toBeTruthy();
    expect(screen.queryByTestId("sandbox-banner")).toBeNull();
  });
});
