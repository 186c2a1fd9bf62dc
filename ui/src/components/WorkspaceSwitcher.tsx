import type { WorkspaceList } from "../bindings/WorkspaceList";
import { environmentLabel } from "../data/app";
import { shortcutLabel } from "./palette/model";

/**
 * The title bar's workspace picker. The command palette (Ctrl+K, ⌘K on macOS) switches workspaces
 * too, with the same switch function.
 */
export function WorkspaceSwitcher(props: { list: WorkspaceList; onSwitch: (id: string) => void }) {
  return (
    <label class="switcher">
      <span class="visually-hidden">Workspace</span>
      <select data-testid="workspace-switcher" value={props.list.current}
        title={`Switch workspace (or press ${shortcutLabel(navigator.platform)} and type its name)`} onChange={(e) => props.onSwitch(e.currentTarget.value)}>
        {props.list.workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.built_in ? w.name : `${w.name} — ${environmentLabel(w.environment)}`}
          </option>
        ))}
      </select>
    </label>
  );
}
