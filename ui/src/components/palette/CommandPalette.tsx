// The command palette: Ctrl+K (⌘K on a Mac) from anywhere, or the title bar's "Search…" button.
// One search box over the current workspace's profiles (open, send a test message), the screens,
// "Add workspace…" and the other workspaces. Matching and ranking live in model.ts; the profiles are
// ranked in Rust, which holds the list (`palette_profiles`).
import { useLocation } from "preact-iso";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { currentWorkspace, environmentLabel, leaveGuard, workspaceList } from "../../data/app";
import type { PaletteProfiles } from "../../bindings/PaletteProfiles";
import { ensureList, generationOf, profileLists } from "../../data/profiles";
import { call } from "../../ipc";
import { store, useStores } from "../../data/store";
import { useModal } from "../useModal";
import {
  command, isMoveKey, isPaletteShortcut, moveActive, search, shortcutLabel,
  type Command, type PaletteItem,
} from "./model";
import styles from "./CommandPalette.module.css";
import { grouped } from "../../lib/numbers";

/** Whether the palette is open (the title bar's button and the shortcut both set it). */
export const paletteOpen = store(false);

const LISTBOX_ID = "palette-listbox";
const optionId = (index: number) => `palette-option-${index}`;

function platform(): string {
  return typeof navigator === "undefined" ? "" : navigator.platform;
}

/** The title bar's visible way in, naming the shortcut. */
export function OpenPaletteButton() {
  const shortcut = shortcutLabel(platform());
  return (
    <button type="button" class={styles.opener} data-testid="open-palette"
      aria-keyshortcuts={shortcut === "⌘K" ? "Meta+K" : "Control+K"} onClick={() => (paletteOpen.value = true)}>
      Search… <kbd>{shortcut}</kbd>
    </button>
  );
}

type Props = {
  /** Switches the current workspace (the same function the title bar's switcher uses). */
  onSwitch: (workspaceId: string) => void;
  /** Opens the "Add workspace" dialog. */
  onAddWorkspace: () => void;
  /** False while adding a workspace cannot work (no keychain): the option is left out. */
  canAddWorkspace: boolean;
};

/** Mounted once in the shell: listens for the shortcut and shows the dialog while open. */
export function CommandPalette(props: Props) {
  useStores(paletteOpen);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      // Another modal dialog (a delete confirmation, Add workspace) keeps the keyboard.
      const other = document.querySelector("dialog[open]:not([data-testid='command-palette'])");
      if (other) return;
      event.preventDefault();
      event.stopPropagation();
      paletteOpen.value = !paletteOpen.value;
    };
    // Capture: no screen's own key handler can swallow it first.
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
  return paletteOpen.value ? <PaletteDialog {...props} /> : null;
}

function PaletteDialog(props: Props) {
  const dialog = useModal();
  const opener = useRef<Element | null>(document.activeElement);
  const input = useRef<HTMLInputElement>(null);
  const { route, path } = useLocation();
  useStores(workspaceList, profileLists);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);

  const workspace = currentWorkspace();
  const generation = workspace ? generationOf(workspace.id) : 0;

  // The list is held in Rust; opened elsewhere first, it is refreshed once in this run.
  useEffect(() => {
    if (workspace) ensureList(workspace.id);
  }, [workspace?.id]);

  // The profiles matching what was typed, ranked in Rust; a late answer never replaces a newer one.
  const [answered, setAnswered] = useState<{ text: string; profiles: PaletteProfiles } | null>(null);
  const [profilesError, setProfilesError] = useState(false);
  const asked = useRef(0);
  useEffect(() => {
    if (!workspace) return;
    const mine = ++asked.current;
    call("palette_profiles", { workspaceId: workspace.id, text: query }).then(
      (answer) => {
        if (mine === asked.current) {
          setAnswered({ text: query, profiles: answer });
          setProfilesError(false);
        }
      },
      () => {
        if (mine === asked.current) setProfilesError(true);
      },
    );
  }, [workspace?.id, query, generation]);
  // Only the answer for what is typed now: options for an older text are never shown (or run).
  const profiles = answered?.text === query ? answered.profiles : null;

  const commands = useMemo(() => {
    const all: Command[] = [];
    const screen = (label: string, target: string, current: boolean) =>
      all.push(command({ id: `screen:${target}`, group: "Screens", action: "screen", label, target,
        detail: current ? "Current screen" : null }));
    screen("Profiles", "/", path === "/");
    screen("Compliance board", "/board", path === "/board");
    screen("Journal", "/journal", path === "/journal");
    screen("New profile (onboarding)", "/onboard", path === "/onboard");
    screen("Import clients from a spreadsheet", "/import", path.startsWith("/import"));
    screen("Workspace and keys", "/workspace", path === "/workspace");
    if (props.canAddWorkspace) {
      all.push(command({ id: "add-workspace", group: "Screens", action: "add-workspace", label: "Add workspace…",
        detail: null, target: "" }));
    }
    const workspaces = workspaceList.value;
    for (const w of workspaces?.workspaces ?? []) {
      if (w.id === workspaces?.current) continue;
      // The environment is in the label itself: switching to Production is not a small-print matter.
      const name = w.built_in ? w.name : `${w.name} — ${environmentLabel(w.environment)}`;
      all.push(command({ id: `switch:${w.id}`, group: "Workspaces", action: "switch-workspace",
        label: `Switch to ${name}`, detail: null, target: w.id }, [w.name]));
    }
    return all;
  }, [path, workspaceList.value, props.canAddWorkspace]);

  const results = useMemo(
    () => search(query, { commands, profiles, workspaceId: workspace?.id ?? "" }),
    [query, commands, profiles, workspace?.id],
  );
  const count = results.items.length;
  const current = count === 0 ? -1 : Math.min(active, count - 1);

  useEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView?.({ block: "nearest" });
  }, [current, results]);

  const close = () => {
    paletteOpen.value = false;
  };

  const run = (item: PaletteItem) => {
    if (item.action === "add-workspace") {
      // Give focus back to the opener now, so the next dialog returns there when it closes.
      dialog.current?.close?.();
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
      close();
      props.onAddWorkspace();
      return;
    }
    close();
    if (item.action === "switch-workspace") props.onSwitch(item.target);
    else if (!leaveGuard.current || leaveGuard.current(item.target)) route(item.target);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (isMoveKey(event.key)) {
      event.preventDefault();
      setActive(moveActive(current, count, event.key));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (current >= 0) run(results.items[current]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  };

  let index = 0;
  return (
    <dialog ref={dialog} class={`dialog ${styles.palette}`} data-testid="command-palette" aria-label="Command palette"
      onClose={close} onCancel={(e) => { e.preventDefault(); close(); }}>
      <input ref={input} class={styles.input} type="text" role="combobox" autofocus data-testid="palette-input"
        aria-label="Search profiles, screens and actions" placeholder="Search profiles, screens and actions…"
        aria-expanded="true" aria-controls={LISTBOX_ID} aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        autocomplete="off" spellcheck={false} value={query}
        onInput={(e) => { setQuery(e.currentTarget.value); setActive(0); }} onKeyDown={onKeyDown} />
      <div id={LISTBOX_ID} role="listbox" aria-label="Results" class={styles.list}>
        {results.groups.map((group) => (
          <div role="group" aria-labelledby={`palette-group-${group.group}`} key={group.group}>
            <div role="presentation" id={`palette-group-${group.group}`} class={styles.heading}>{group.group}</div>
            {group.items.map((item) => {
              const at = index++;
              return (
                // Focus stays in the search box (aria-activedescendant); the keys are handled there.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events
                <div role="option" id={optionId(at)} key={item.id} aria-selected={at === current} tabIndex={-1}
                  class={styles.option} data-testid="palette-option" data-action={item.action}
                  onMouseDown={(e) => e.preventDefault()} onMouseMove={() => at !== current && setActive(at)}
                  onClick={() => run(item)}>
                  <span class={styles.label} dir="auto">{item.label}</span>
                  {item.detail && <span class={styles.detail} dir="auto">{item.detail}</span>}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <p class={styles.status} role="status" data-testid="palette-status">
        {count === 0
          ? query.trim() ? "Nothing matches." : "Nothing to show yet."
          : results.more > 0 ? `${grouped(results.more)} more — keep typing` : null}
        {workspace && !answered && !profilesError && <span> Loading the profiles…</span>}
        {profilesError && !profiles && <span> The profiles could not be loaded.</span>}
      </p>
      <p class={styles.keys} aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> run · <kbd>Esc</kbd> close
      </p>
    </dialog>
  );
}
