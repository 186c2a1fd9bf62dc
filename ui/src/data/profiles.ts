// The profile lists, per workspace. The rows stay in Rust (see src-tauri/crates/sent-app/src/lists.rs); a screen
// asks for the window it shows with `query_profiles`. This store keeps only what every view of a
// workspace shares: the list's generation and freshness, whether a refresh runs, and its error.
// The backend pushes `profiles_updated` after a refresh, a save or a delete; a view whose window is
// of an older generation asks again.
import type { IpcError } from "../bindings/IpcError";
import type { ListWindow } from "../bindings/ListWindow";
import type { SortDirection } from "../bindings/SortDirection";
import type { SortKey } from "../bindings/SortKey";
import type { ProfilesUpdated } from "../bindings/ProfilesUpdated";
import { call, on } from "../ipc";
import { markPhase, markRefreshAnswered } from "../lib/bench";
import { store } from "./store";

export type ListState = {
  /** The list as last announced (generation, freshness, count); null until the first answer. */
  update: ProfilesUpdated | null;
  refreshing: boolean;
  /** The last refresh failed: the kept rows stay, this error is said once, above them. */
  error: IpcError | null;
};

const EMPTY: ListState = { update: null, refreshing: false, error: null };

export const profileLists = store<Record<string, ListState>>({});

export function listState(workspaceId: string): ListState {
  return profileLists.value[workspaceId] ?? EMPTY;
}

function update(workspaceId: string, change: Partial<ListState>): void {
  profileLists.value = { ...profileLists.value, [workspaceId]: { ...listState(workspaceId), ...change } };
}

/** The generation a view's window must be at least, for a workspace (0 before any news). */
export function generationOf(workspaceId: string): number {
  return listState(workspaceId).update?.generation ?? 0;
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  void on("profiles_updated", (change) => {
    const known = listState(change.workspace_id).update;
    if (known && change.generation < known.generation) return;
    update(change.workspace_id, { update: change });
  });
}

const opened = new Set<string>();

/**
 * A list fetched from Sent this recently is not fetched again when a screen opens: coming back to
 * the list from a profile shows the rows kept (the app's own changes are in them already) instead
 * of downloading every profile again (at 100,000 profiles, 160 MB and 20 s of the server's and the
 * app's time, which slowed every other call meanwhile). Refresh always fetches.
 */
export const LIST_FRESH_MS = 5 * 60_000;
const fetched = new Map<string, number>();

/** The list screen opened: the rows kept are shown at once, and the list is refreshed from Sent
 * unless it was fetched in this run less than {@link LIST_FRESH_MS} ago without an error since. */
export function openList(workspaceId: string): void {
  listen();
  opened.add(workspaceId);
  const at = fetched.get(workspaceId);
  if (at !== undefined && Date.now() - at < LIST_FRESH_MS && !listState(workspaceId).error) return;
  void refreshList(workspaceId);
}

/** Another view needs the list (the palette): refreshed once in this run if no screen did. */
export function ensureList(workspaceId: string): void {
  if (!opened.has(workspaceId)) openList(workspaceId);
  listen();
}

/** Fetches the list from Sent; on failure the kept rows stay and the error is kept once. */
export async function refreshList(workspaceId: string): Promise<void> {
  listen();
  if (listState(workspaceId).refreshing) return;
  update(workspaceId, { refreshing: true });
  try {
    const result = await call("refresh_profiles", { workspaceId });
    fetched.set(workspaceId, Date.now());
    markRefreshAnswered();
    const known = listState(workspaceId).update;
    update(workspaceId, {
      update: known && known.generation > result.generation ? known : result,
      error: null,
      refreshing: false,
    });
  } catch (error) {
    update(workspaceId, { error: error as IpcError, refreshing: false });
  }
}

/** Rows asked for when a list opens or its query changes: a screenful and then some. */
export const FIRST_WINDOW = 60;

/** What a list screen keeps of its query (the window's place is asked for apart). */
export type ListFilter = { search: string; status: string; billing: string; sort: SortKey; direction: SortDirection };

/** The list's query when a workspace is opened: no search or filter, by name A to Z. */
export const DEFAULT_QUERY: ListFilter = { search: "", status: "", billing: "", sort: "name", direction: "asc" };

/** The launch's early window of a workspace: asked, and once answered, its answer. */
const early = new Map<string, { answer: Promise<ListWindow>; value?: ListWindow }>();

/**
 * At launch, as soon as the current workspace is known: the first window of its list in the
 * default order, asked before any screen renders, so the list does not wait for a paint to ask.
 * The promise settles when it is answered (never rejects: a failure is the screen's to ask again).
 */
export function askFirstWindow(workspaceId: string): Promise<void> {
  markPhase("cacheAsked");
  const answer = call("query_profiles", { workspaceId, query: firstQuery() });
  const entry: { answer: Promise<ListWindow>; value?: ListWindow } = { answer };
  early.set(workspaceId, entry);
  return answer.then(
    (value) => {
      markPhase("cacheAnswered");
      entry.value = value;
    },
    () => {},
  );
}

/**
 * At launch, as the script starts: the first window of the current workspace's list, asked beside
 * `list_workspaces` instead of after its answer (the launch's first answers reach the page 25-30 ms
 * after its script starts; a call sent after them waited a second round trip). Settles with the
 * workspace it answered for, or null on a failure (the screen then asks itself).
 */
export function askCurrentFirstWindow(): Promise<string | null> {
  markPhase("cacheAsked");
  return call("current_list_window", { query: firstQuery() }).then(
    ({ workspace_id, window }) => {
      markPhase("cacheAnswered");
      const answer = Promise.resolve(window);
      early.set(workspace_id, { answer, value: window });
      return workspace_id;
    },
    () => null,
  );
}

function firstQuery() {
  return { ...DEFAULT_QUERY, offset: 0, limit: FIRST_WINDOW, focus_id: null };
}

function isDefault(query: ListFilter): boolean {
  return (Object.keys(DEFAULT_QUERY) as (keyof ListFilter)[]).every((key) => query[key] === DEFAULT_QUERY[key]);
}

/** The early window of a workspace, once, if the screen's query is the default one. */
export function takeFirstWindow(workspaceId: string, query: ListFilter): Promise<ListWindow> | null {
  const entry = early.get(workspaceId) ?? null;
  early.delete(workspaceId);
  return entry && isDefault(query) ? entry.answer : null;
}

/**
 * The early window of a workspace if it is answered already (once, for the default query): the
 * list's first render shows its rows, so they are in the window's first paint instead of a frame
 * after an empty list.
 */
export function takeAnsweredFirstWindow(workspaceId: string, query: ListFilter): ListWindow | null {
  const entry = early.get(workspaceId);
  if (!entry?.value || !isDefault(query)) return null;
  early.delete(workspaceId);
  return entry.value;
}

/** Forgets what this run did (tests). */
export function resetLists(): void {
  early.clear();
  opened.clear();
  fetched.clear();
  profileLists.value = {};
}
