// The shortcut helpers, and the `?` list in the shell (Tauri's invoke replaced as in App.test.tsx).
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { commandKey, isCommand, shortcutList, typingIn } from "./Shortcuts";

vi.mock("@tauri-apps/api/core", () => ({ invoke: async () => { throw { kind: "ipc", message: "not in this test" }; } }));
vi.mock("@tauri-apps/api/event", () => ({ listen: async () => () => {} }));

const { Shortcuts, shortcutsOpen } = await import("./Shortcuts");

const key = (over: Partial<KeyboardEvent>) =>
  ({ key: "s", code: "KeyS", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over }) as KeyboardEvent;

afterEach(() => {
  cleanup();
  shortcutsOpen.value = false;
});

describe("shortcut keys", () => {
  it("takes Ctrl or ⌘ with the letter, or the physical key on a non-Latin layout", () => {
    expect(isCommand(key({ ctrlKey: true }), "s")).toBe(true);
    expect(isCommand(key({ metaKey: true, key: "S" }), "s")).toBe(true);
    expect(isCommand(key({ ctrlKey: true, key: "ы" }), "s")).toBe(true);
    expect(isCommand(key({ ctrlKey: true, key: "o" }), "s")).toBe(false); // a Latin layout: the letter counts, not where the key is
    expect(isCommand(key({}), "s")).toBe(false);
    expect(isCommand(key({ ctrlKey: true, shiftKey: true }), "s")).toBe(false);
    expect(isCommand(key({ ctrlKey: true, altKey: true }), "s")).toBe(false);
    expect(isCommand(key({ ctrlKey: true, key: "Enter", code: "Enter" }), "Enter")).toBe(true);
    expect(isCommand(key({ key: "Enter", code: "Enter" }), "Enter")).toBe(false);
  });

  it("says the modifier the keyboard has", () => {
    expect(commandKey("MacIntel")).toBe("⌘");
    expect(commandKey("Linux x86_64")).toBe("Ctrl");
    expect(shortcutList("MacIntel")[0].keys).toBe("⌘+K");
    expect(shortcutList("Win32").map((s) => s.keys)).toEqual(expect.arrayContaining(["Ctrl+S", "Ctrl+Enter", "?"]));
  });

  it("knows when a key goes into a field", () => {
    expect(typingIn(document.createElement("input"))).toBe(true);
    expect(typingIn(document.createElement("textarea"))).toBe(true);
    expect(typingIn(document.createElement("select"))).toBe(true);
    expect(typingIn(document.createElement("button"))).toBe(false);
    expect(typingIn(null)).toBe(false);
  });
});

describe("the ? list", () => {
  it("opens on ? outside a field, lists every shortcut, and closes", () => {
    render(<Shortcuts />);
    expect(screen.queryByTestId("shortcuts-dialog")).toBeNull();
    fireEvent.keyDown(document.body, { key: "?" });
    const dialog = screen.getByTestId("shortcuts-dialog");
    expect(dialog.textContent).toContain("review the changes and save");
    expect(dialog.textContent).toContain("On the test-send screen: send");
    fireEvent.click(screen.getByText("Close"));
    expect(screen.queryByTestId("shortcuts-dialog")).toBeNull();
  });

  it("leaves a ? typed into a field alone", () => {
    render(<div><input data-testid="field" /><Shortcuts /></div>);
    fireEvent.keyDown(screen.getByTestId("field"), { key: "?" });
    expect(screen.queryByTestId("shortcuts-dialog")).toBeNull();
  });
});
