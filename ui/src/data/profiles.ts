// The profile lists, cached per workspace. A list opens from the local database at once
// (`cached_profiles`), then refreshes from Sent in the background. The backend pushes
// `profiles_updated` after every refresh; a list older than the push is re-read from the local
// database (no network), so every view of a workspace shows the same list.
import type { IpcError } from "../bindings/IpcError";
import type { ProfileListView } from "../bindings/ProfileListView";
import type { ProfileRow } from "../bindings/ProfileRow";
import { call, on } from "../ipc";
import { markPhase, markRefreshAnswered, markRowsShown } from "../lib/bench";
import { store } from "./store";

export type ListState = {
  /** What is shown: the cached rows, then the fresh ones. */
  view: ProfileListView | null;
  refreshing: boolean;
  /** The last refresh failed: the cached rows stay, this error is said once, above them. */
  error: IpcError | null;
};

const EMPTY: ListState = { view: null, refreshing: false, error: null };

export const profileLists = store<Record<string, ListState>>({});

export function listState(workspaceId: string): ListState {
  return profileLists.value[workspaceId] ?? EMPTY;
}

function update(workspaceId: string, change: Partial<ListState>): void {
  profileLists.value = { ...profileLists.value, [workspaceId]: { ...listState(workspaceId), ...change } };
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  // The refresh's own answer already carries the list: re-read only when the push is newer.
  void on("profiles_updated", (change) => {
    const shown = listState(change.workspace_id).view?.fetched_at;
    if (shown !== null && shown !== undefined && change.fetched_at <= shown) return;
    call("cached_profiles", { workspaceId: change.workspace_id }).then(
      (view) => {
        const now = listState(change.workspace_id).view?.fetched_at ?? null;
        if (now === null || (view.fetched_at ?? 0) > now) update(change.workspace_id, { view, error: null });
      },
      () => {},
    );
  });
}

/** Shows the cached list of a workspace, then refreshes it. */
export async function openList(workspaceId: string): Promise<void> {
  listen();
  if (!listState(workspaceId).view) {
    try {
      markPhase("cacheAsked");
      const cached = await call("cached_profiles", { workspaceId });
      markPhase("cacheAnswered");
      // A refresh that finished first wins over the cache.
      if (!listState(workspaceId).view?.fetched_at || cached.fetched_at) {
        if (!listState(workspaceId).view) {
          update(workspaceId, { view: cached });
          if (cached.rows.length > 0) markRowsShown(true);
        }
      }
    } catch (error) {
      update(workspaceId, { error: error as IpcError });
    }
  }
  await refreshList(workspaceId);
}

/** Fetches the list from Sent; on failure the cached rows stay and the error is kept once. */
export async function refreshList(workspaceId: string): Promise<void> {
  if (listState(workspaceId).refreshing) return;
  update(workspaceId, { refreshing: true });
  try {
    const view = await call("refresh_profiles", { workspaceId });
    markRefreshAnswered();
    update(workspaceId, { view, error: null, refreshing: false });
    if (view.rows.length > 0) markRowsShown(false);
  } catch (error) {
    update(workspaceId, { error: error as IpcError, refreshing: false });
  }
}

/** After a save: the list shows the profile's new row at once (the database already has it). */
export function replaceRow(workspaceId: string, row: ProfileRow): void {
  const view = listState(workspaceId).view;
  if (!view) return;
  const found = view.rows.some((r) => r.id === row.id);
  const rows = found ? view.rows.map((r) => (r.id === row.id ? row : r)) : [...view.rows, row];
  update(workspaceId, { view: { ...view, rows } });
}

/** After a delete: the row leaves the list at once. */
export function removeRow(workspaceId: string, profileId: string): void {
  const view = listState(workspaceId).view;
  if (!view) return;
  update(workspaceId, { view: { ...view, rows: view.rows.filter((r) => r.id !== profileId) } });
}
