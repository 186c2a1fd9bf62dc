// The home screen: the current workspace's sender profiles. The rows stay in Rust (the list model
// in sent-views/src/list.rs): this screen keeps the query and asks for the rows in view plus
// overscan, so the webview holds a few hundred rows however long the list is. Keyboard: `/`
// search, arrows/PageUp/PageDown/Home/End move, Enter opens, Escape clears the search.
import { useLocation } from "preact-iso";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { IpcError } from "../../bindings/IpcError";
import type { ListWindow } from "../../bindings/ListWindow";
import type { ProfileRow } from "../../bindings/ProfileRow";
import type { Workspace } from "../../bindings/Workspace";
import { ErrorNote } from "../../components/ErrorNote";
import { useFixedRows } from "../../components/useFixedRows";
import { useStores } from "../../data/store";
import { call } from "../../ipc";
import { firstRowsPainted } from "../../lib/firstRows";
import { markFilterInput, markFilterPainted, markPhase, markRowsShown, markWindowAnswered, markWindowApplied } from "../../lib/bench";
import { FIRST_WINDOW, generationOf, listState, openList, profileLists, refreshList, takeAnsweredFirstWindow, takeFirstWindow } from "../../data/profiles";
import {
  DEFAULT_QUERY,
  type ListQuery,
  moveActive,
  OVERSCAN_ROWS,
  rowAt,
  type SortKey,
  updatedAgo,
  windowFor,
} from "./model";
import { DraftsBar } from "./DraftsBar";
import { UnfinishedImports } from "../../components/UnfinishedImports";
import styles from "../../components/ListGrid.module.css";
import { grouped } from "../../lib/numbers";

const ROW_HEIGHT = 44;

/** Per workspace, the query and the active row survive leaving the screen and coming back. */
const saved = new Map<string, { query: ListQuery; activeId: string | null }>();
function savedFor(workspaceId: string) {
  let entry = saved.get(workspaceId);
  if (!entry) {
    entry = { query: DEFAULT_QUERY, activeId: null };
    saved.set(workspaceId, entry);
  }
  return entry;
}

export function ProfileList({ workspace }: { workspace: Workspace }) {
  const { route } = useLocation();
  useStores(profileLists);
  const memory = savedFor(workspace.id);
  const [queryValue, setQuery] = useState<ListQuery>(memory.query);
  const query = { value: queryValue };
  const now = useNow();

  useEffect(() => {
    openList(workspace.id);
  }, [workspace.id]);

  const current = listState(workspace.id);
  const generation = generationOf(workspace.id);
  /** The window Rust answered last: the rows in view plus overscan, the counts and facets. At
   * launch, the early window when it has answered already (its rows are in the first paint). */
  const [launchWindow] = useState<ListWindow | null>(() =>
    memory.activeId === null ? takeAnsweredFirstWindow(workspace.id, memory.query) : null);
  const [view, setView] = useState<ListWindow | null>(launchWindow);
  const [queryError, setQueryError] = useState<IpcError | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  /** The active row's id, when its row is held (sent as the query's focus, kept for coming back). */
  const activeId = useRef<string | null>(memory.activeId);
  const setActive = (index: number) => {
    setActiveIndex(index);
    const row = rowAt(view, index);
    activeId.current = row?.id ?? null;
    if (row) savedFor(workspace.id).activeId = row.id;
  };
  const matched = view?.matched ?? 0;
  const total = view?.total ?? 0;

  const search = useRef<HTMLInputElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const virtualizer = useFixedRows({ count: matched, rowHeight: ROW_HEIGHT, overscan: 8, getScrollElement: () => body.current });

  // Every answer is checked against the latest request: a late one never replaces a newer window.
  const asked = useRef(0);
  const restored = useRef(false);
  const filterStart = useRef<number | null>(null);
  /** Asks for a window of the saved query (the source of truth, whatever this render shows). */
  function ask(offset: number, limit: number, fresh: boolean) {
    const mine = ++asked.current;
    const workspaceId = workspace.id;
    const current = savedFor(workspaceId).query;
    const started = filterStart.current;
    filterStart.current = null;
    if (fresh) markPhase("cacheAsked");
    const calledAt = performance.now();
    // At launch the first window was asked for as soon as the workspace was known (data/profiles.ts).
    const early = fresh && offset === 0 && activeId.current === null ? takeFirstWindow(workspaceId, current) : null;
    (early ?? call("query_profiles", {
      workspaceId,
      query: { ...current, offset, limit, focus_id: activeId.current },
    })).then(
      (answer) => {
        if (mine !== asked.current || answer.workspace_id !== workspaceId) return;
        if (fresh) markPhase("cacheAnswered");
        markWindowAnswered(calledAt);
        setView(answer);
        setQueryError(null);
        // Only the first answer after opening the screen may restore where the user was.
        const restoring = !restored.current;
        restored.current = true;
        if (answer.focus_index !== null) {
          setActiveIndex(answer.focus_index);
          // Back from a profile: the grid takes the focus again on the row the user left.
          if (restoring && savedFor(workspaceId).activeId) {
            virtualizer.scrollToIndex(answer.focus_index, { align: "center" });
            grid.current?.focus();
          }
        } else if (fresh) {
          setActiveIndex(0);
        }
        if (answer.rows.length > 0) markRowsShown(listState(workspaceId).update === null);
        requestAnimationFrame(() => setTimeout(firstRowsPainted, 0));
        if (started !== null) markFilterPainted(started);
        markWindowApplied();
      },
      (error: IpcError) => {
        if (mine === asked.current) setQueryError(error);
      },
    );
  }

  // Another workspace: its own query, active row and window.
  const shownWorkspace = useRef(workspace.id);
  useEffect(() => {
    if (shownWorkspace.current === workspace.id) return;
    shownWorkspace.current = workspace.id;
    restored.current = false;
    activeId.current = savedFor(workspace.id).activeId;
    setView(null);
    setQuery(savedFor(workspace.id).query);
  }, [workspace.id]);

  // Opened (or another workspace): the first window. A new generation (a refresh, a save): the
  // rows in view again, keeping the place. A new query asks from its event handler (`set`), not
  // here: an effect would wait for a paint first.
  const askedWorkspace = useRef<string | null>(launchWindow ? workspace.id : null);
  useLayoutEffect(() => {
    if (!launchWindow) return;
    // Rendered with the launch's window: what an answer does, without asking again (the
    // generation effect below asks if the list moved on since).
    restored.current = true;
    if (launchWindow.rows.length > 0) markRowsShown(listState(workspace.id).update === null);
    requestAnimationFrame(() => setTimeout(firstRowsPainted, 0));
  }, []);
  useEffect(() => {
    if (askedWorkspace.current === workspace.id && view) {
      if (view === launchWindow && view.generation >= generation) return;
      const first = virtualizer.getVirtualItems()[0]?.index ?? 0;
      ask(Math.max(0, first - OVERSCAN_ROWS), FIRST_WINDOW + 2 * OVERSCAN_ROWS, false);
    } else {
      askedWorkspace.current = workspace.id;
      ask(0, FIRST_WINDOW, true);
    }
  }, [workspace.id, generation]);

  // Scrolled past the rows held: ask for the ones now in view.
  const items = virtualizer.getVirtualItems();
  const firstInView = items[0]?.index ?? 0;
  const lastInView = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    const need = windowFor(view, firstInView, lastInView, matched);
    if (need) ask(need.offset, need.limit, false);
  }, [firstInView, lastInView, view]);

  // The active row came into the window: remember it (for the focus and for coming back).
  const activeRow = rowAt(view, activeIndex);
  useEffect(() => {
    if (activeRow && activeId.current !== activeRow.id && view?.focus_index === null) {
      activeId.current = activeRow.id;
    }
  }, [activeRow?.id]);

  // `/` focuses the search from anywhere on this screen, unless the user is typing somewhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA" || target.isContentEditable);
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const set = (change: Partial<ListQuery>) => {
    const entry = savedFor(workspace.id);
    entry.query = { ...entry.query, ...change };
    setQuery(entry.query);
    // A new query starts at the top, asked at once (the answer usually lands before the next frame).
    if (body.current) body.current.scrollTop = 0;
    ask(0, FIRST_WINDOW, true);
  };
  const open = (row: ProfileRow) => {
    activeId.current = row.id;
    savedFor(workspace.id).activeId = row.id;
    route(`/profiles/${encodeURIComponent(workspace.id)}/${encodeURIComponent(row.id)}`);
  };

  function onGridKey(event: KeyboardEvent) {
    if (event.key === "Enter" && activeRow) {
      event.preventDefault();
      open(activeRow);
      return;
    }
    if (event.key === "Escape" && query.value.search !== "") {
      event.preventDefault();
      set({ search: "" });
      return;
    }
    const pageRows = Math.max(1, Math.floor((body.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const next = moveActive(event.key, activeIndex, matched, pageRows);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  }

  function onSearchKey(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      set({ search: "" });
    } else if (event.key === "ArrowDown" || event.key === "Enter") {
      event.preventDefault();
      grid.current?.focus();
      const only = rowAt(view, 0);
      if (event.key === "Enter" && matched === 1 && only) open(only);
    }
  }

  /** The list as the board's report: the same search and filters, every matching profile. */
  const [exported, setExported] = useState<{ ok: boolean; text: string } | null>(null);
  async function exportList() {
    setExported(null);
    const q = savedFor(workspace.id).query;
    try {
      const done = await call("export_board", {
        workspaceId: workspace.id,
        query: { search: q.search, next: null, status: q.status, billing: q.billing, offset: 0, limit: 0 },
      });
      setExported({ ok: true, text: `Saved ${grouped(done.rows)} ${plural(done.rows, "profile")} to ${done.path}` });
    } catch (e) {
      setExported({ ok: false, text: (e as IpcError).message });
    }
  }

  const statusOptions = (view?.statuses ?? []).map((f) => ({ value: f.value, label: `${f.label} (${grouped(f.count)})` }));
  const billingOptions = (view?.billing_models ?? []).map((f) => ({ value: f.value, label: `${f.label} (${grouped(f.count)})` }));
  const keyHints = new Map(workspace.profile_keys.map((k) => [k.profile_id, k.key_hint]));
  const error = current.error ?? queryError;
  const loading = !view && !error;
  const fetchedAt = view?.fetched_at ?? current.update?.fetched_at ?? null;

  return (
    <section class={styles.screen} aria-labelledby="profiles-heading">
      <div class={styles.toolbar}>
        <h2 id="profiles-heading">Sender profiles</h2>
        <span class={styles.count} data-testid="profile-count" aria-live="polite">
          {view ? (matched === total ? `${grouped(total)} ${plural(total, "profile")}` : `${grouped(matched)} of ${grouped(total)} profiles`) : ""}
        </span>
        <span class={styles.updated} data-testid="updated-ago">
          {current.refreshing ? "Updating from Sent…" : view ? updatedAgo(fetchedAt, now) : ""}
        </span>
        <button type="button" onClick={() => void refreshList(workspace.id)} disabled={current.refreshing}
          aria-busy={current.refreshing} data-testid="refresh-profiles">
          Refresh
        </button>
        <button type="button" onClick={() => void exportList()} disabled={total === 0} data-testid="export-profiles"
          title="One line per profile with its configuration and next action, as CSV in Downloads">Export CSV</button>
        <a class="button primary" href="/onboard" data-testid="new-profile">New profile</a>
      </div>
      {exported && (
        <p class={exported.ok ? "flash" : "app-error"} role={exported.ok ? "status" : "alert"} data-testid="profiles-exported">
          {exported.text}
        </p>
      )}
      <UnfinishedImports workspace={workspace} />
      <DraftsBar workspace={workspace} />

      <div class={styles.filters} role="search" aria-label="Find profiles" hidden={total === 0}>
        <label class={styles.search}>
          <span>Search</span>
          <input ref={search} type="search" value={query.value.search} placeholder="Name, short name or id — press / to search"
            onInput={(e) => { filterStart.current = markFilterInput(); set({ search: e.currentTarget.value }); }} onKeyDown={onSearchKey} data-testid="profile-search"
            aria-controls="profile-grid" />
        </label>
        <label>
          <span>Status</span>
          <select value={query.value.status} onChange={(e) => set({ status: e.currentTarget.value })} data-testid="filter-status">
            <option value="">All statuses</option>
            {statusOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
        <label>
          <span>Billing model</span>
          <select value={query.value.billing} onChange={(e) => set({ billing: e.currentTarget.value })} data-testid="filter-billing">
            <option value="">All billing models</option>
            {billingOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
        <label>
          <span>Sort by</span>
          <select value={`${query.value.sort}:${query.value.direction}`} data-testid="sort"
            onChange={(e) => {
              const [sort, direction] = e.currentTarget.value.split(":") as [SortKey, "asc" | "desc"];
              set({ sort, direction });
            }}>
            <option value="name:asc">Name, A to Z</option>
            <option value="name:desc">Name, Z to A</option>
            <option value="status:asc">Status</option>
            <option value="created:desc">Newest first</option>
            <option value="created:asc">Oldest first</option>
          </select>
        </label>
      </div>

      {error && (
        <div class={styles.offline} role="alert" data-testid="profiles-offline">
          <strong>{fetchedAt ? "Could not update the list from Sent." : "Could not load the list from Sent."}</strong>{" "}
          {fetchedAt ? `Showing the saved list (${updatedAgo(fetchedAt, now)}). ` : ""}
          <ErrorNote error={error} />
          <button type="button" onClick={() => void refreshList(workspace.id)} disabled={current.refreshing}>Try again</button>
        </div>
      )}
      {view && !view.complete && (
        <div class={styles.incomplete} role="status" data-testid="profiles-incomplete">
          Sent stopped sending pages before the end of the list, so it may be incomplete: {grouped(total)} profiles are shown.
          Refresh later to try again.
        </div>
      )}

      {loading && <p class={styles.empty} role="status">Loading profiles…</p>}
      {view && total === 0 && !current.refreshing && !error && (
        <p class={styles.empty} data-testid="profiles-empty">
          This organization has no sender profiles yet. Profiles you onboard appear here.
        </p>
      )}
      {total > 0 && matched === 0 && (
        <p class={styles.empty} data-testid="profiles-no-match">
          No profile matches{query.value.search ? ` “${query.value.search}”` : " these filters"}. Press Escape to clear the search, or change the filters.
        </p>
      )}

      <div ref={grid} id="profile-grid" class={styles.grid} role="grid" aria-label="Sender profiles"
        aria-rowcount={matched + 1} aria-colcount={7} tabIndex={0} onKeyDown={onGridKey}
        aria-activedescendant={activeRow ? rowDomId(activeRow.id) : undefined} data-testid="profile-grid"
        data-rows-held={view?.rows.length ?? 0} hidden={matched === 0}>
        <div role="rowgroup" class={styles.head}>
          <div role="row" aria-rowindex={1} class={styles.row}>
            <span role="columnheader" aria-sort={sortState(query.value, "name")}>Name</span>
            <span role="columnheader">Short name</span>
            <span role="columnheader" aria-sort={sortState(query.value, "status")}>Status</span>
            <span role="columnheader">Billing model</span>
            <span role="columnheader">Brand</span>
            <span role="columnheader">WhatsApp</span>
            <span role="columnheader">API key</span>
          </div>
        </div>
        <div role="rowgroup" ref={body} class={styles.body}>
          <div style={{ height: `${virtualizer.getTotalSize()}px`, position: "relative" }}>
            {items.map((item) => {
              const row = rowAt(view, item.index);
              if (!row) {
                // Not answered yet (a fast scroll): an empty row of the right height, read as busy.
                return <div key={item.key} role="row" aria-rowindex={item.index + 2} aria-busy="true" class={styles.row}
                  data-testid="profile-row-pending" style={{ transform: `translateY(${item.start}px)`, height: `${ROW_HEIGHT}px` }} />;
              }
              const hint = keyHints.get(row.id);
              return (
                // The grid holds the focus (aria-activedescendant names the active row) and handles the
                // keys, so rows are not focusable themselves and a row unmounting never drops focus.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
                <div key={row.id} id={rowDomId(row.id)} role="row" aria-rowindex={item.index + 2}
                  aria-selected={item.index === activeIndex} class={styles.row} data-testid="profile-row"
                  data-profile-id={row.id}
                  style={{ transform: `translateY(${item.start}px)`, height: `${ROW_HEIGHT}px` }}
                  onClick={() => open(row)}>
                  <span role="gridcell" class={styles.name} dir="auto" title={row.name}>{row.name || "(no name)"}</span>
                  <span role="gridcell" class={styles.muted} dir="auto">{row.short_name ?? "—"}</span>
                  <span role="gridcell"><span class={`${styles.badge} ${styles[row.status_tone]}`} data-testid="status-badge">{row.status_label}</span></span>
                  <span role="gridcell" class={styles.wrap}>{row.billing_label}</span>
                  <span role="gridcell" class={`${styles.wrap} ${row.brand.source === "none" ? styles.muted : ""}`} title={row.brand.label}>{row.brand.label}</span>
                  <span role="gridcell" class={`${styles.wrap} ${row.whatsapp.source === "none" ? styles.muted : ""}`} title={row.whatsapp.hint ?? row.whatsapp.label}>{row.whatsapp.label}</span>
                  <span role="gridcell" class={hint ? undefined : styles.muted}
                    title={hint ? "Calls for this profile use its own key" : "Calls for this profile use the organization's key"}>
                    {hint ? `Own key ${hint}` : "Organization's key"}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

function rowDomId(id: string): string {
  return `profile-row-${id}`;
}

function sortState(query: ListQuery, key: SortKey): "ascending" | "descending" | undefined {
  if (query.sort !== key) return undefined;
  return query.direction === "asc" ? "ascending" : "descending";
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** The current time, ticking every 30 s so "updated N minutes ago" stays true. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
