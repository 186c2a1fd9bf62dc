// Keyboard shortcuts: one place that says which key does what (the `?` list reads it), and the
// helpers the screens bind them with. A shortcut never fires while another modal dialog holds the
// keyboard, and the one-key `?` never fires while typing in a field.
import { useEffect, useRef } from "preact/hooks";
import { store, useStores } from "../data/store";
import { isMac } from "./palette/model";
import { useModal } from "./useModal";

type KeyEvent = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

function platform(): string {
  return typeof navigator === "undefined" ? "" : navigator.platform;
}

/** "Ctrl" or "⌘", as the keyboard in front of the user says it. */
export function commandKey(os: string = platform()): string {
  return isMac(os) ? "⌘" : "Ctrl";
}

/**
 * Ctrl (or ⌘) with `letter`: the letter on a Latin layout, the physical key on any other (as the
 * palette's Ctrl+K). `Enter` is matched by its key name.
 */
export function isCommand(event: KeyEvent, letter: string): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  const key = event.key.toLowerCase();
  if (letter === "Enter") return event.key === "Enter";
  if (key === letter) return true;
  return !/^[a-z]$/.test(key) && event.code === `Key${letter.toUpperCase()}`;
}

/** Whether a key typed now goes into a field (so a one-key shortcut must not take it). */
export function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.tagName !== "string") return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

/** Another modal dialog is open: it keeps the keyboard. */
export function dialogOpen(): boolean {
  return document.querySelector("dialog[open]") !== null;
}

/**
 * Binds Ctrl/⌘+`letter` on window while the calling screen is shown. Registered once; the handler
 * reads the latest `action` through a ref (a listener re-registered after each render would run the
 * previous render's action until effects ran). A key held down fires once, not on each repeat.
 */
export function useCommandKey(letter: string, action: () => void, enabled = true) {
  const latest = useRef({ action, enabled });
  latest.current = { action, enabled };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isCommand(event, letter) || dialogOpen()) return;
      event.preventDefault();
      if (event.repeat || !latest.current.enabled) return;
      latest.current.action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [letter]);
}

/** Every shortcut of the app, in the words of the list the `?` key shows. */
export function shortcutList(os: string = platform()): { keys: string; what: string }[] {
  const mod = commandKey(os);
  return [
    { keys: `${mod}+K`, what: "Search profiles, screens and workspaces (the command palette)" },
    { keys: `${mod}+B`, what: "Open the compliance board (what each client needs next)" },
    { keys: `${mod}+S`, what: "On a profile: review the changes and save" },
    { keys: `${mod}+Enter`, what: "On the test-send screen: send" },
    { keys: "↑ ↓ Home End", what: "Move through the profile list or the palette's options" },
    { keys: "Enter", what: "Open the profile or option in focus" },
    { keys: "Esc", what: "Close a dialog or the palette" },
    { keys: "?", what: "Show this list" },
  ];
}

export const shortcutsOpen = store(false);

/** The `?` key (outside fields) opens the list; the status bar's button does too. */
export function Shortcuts() {
  useStores(shortcutsOpen);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingIn(event.target) || dialogOpen()) return;
      event.preventDefault();
      shortcutsOpen.value = true;
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return shortcutsOpen.value ? <ShortcutsDialog onClose={() => (shortcutsOpen.value = false)} /> : null;
}

function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useModal();
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="shortcuts-title" onClose={onClose} data-testid="shortcuts-dialog">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcuts">
        <caption class="visually-hidden">Keys and what they do</caption>
        <thead><tr><th scope="col">Keys</th><th scope="col">What they do</th></tr></thead>
        <tbody>
          {shortcutList().map((s) => (
            <tr key={s.keys}><th scope="row"><kbd>{s.keys}</kbd></th><td>{s.what}</td></tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="primary" onClick={onClose} autofocus>Close</button>
      </div>
    </dialog>
  );
}
