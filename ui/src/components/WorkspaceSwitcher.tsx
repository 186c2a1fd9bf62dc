import { useEffect, useRef } from "preact/hooks";
import type { WorkspaceList } from "../bindings/WorkspaceList";
import { environmentLabel } from "../data/app";

/** The title bar's workspace picker. Ctrl+K (Cmd+K on macOS) focuses it from anywhere. */
export function WorkspaceSwitcher(props: { list: WorkspaceList; onSwitch: (id: string) => void }) {
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        select.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <label class="switcher">
      <span class="visually-hidden">Workspace</span>
      <select ref={select} data-testid="workspace-switcher" value={props.list.current}
        title="Switch workspace (Ctrl+K)" onChange={(e) => props.onSwitch(e.currentTarget.value)}>
        {props.list.workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.built_in ? w.name : `${w.name} — ${environmentLabel(w.environment)}`}
          </option>
        ))}
      </select>
    </label>
  );
}
