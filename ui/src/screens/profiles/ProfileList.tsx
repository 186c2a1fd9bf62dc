// The home screen: the current workspace's sender profiles. Rows come resolved and worded from
// Rust; search, filters and sort run here over every row (no round trip), and only the rows in view
// are rendered. Keyboard: `/` search, arrows/PageUp/PageDown/Home/End move, Enter opens, Escape
// clears the search.
import { useLocation } from "preact-iso";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ProfileRow } from "../../bindings/ProfileRow";
import type { Workspace } from "../../bindings/Workspace";
import { ErrorNote } from "../../components/ErrorNote";
import { useVirtualizer } from "../../components/useVirtualizer";
import { labels } from "../../data/app";
import { useStores } from "../../data/store";
import { markFilterInput } from "../../lib/bench";
import { listState, openList, profileLists, refreshList } from "../../data/profiles";
import {
  countBy,
  filterRows,
  sortRows,
  DEFAULT_QUERY,
  indexRows,
  type ListQuery,
  moveActive,
  type SortKey,
  updatedAgo,
} from "./model";
import { DraftsBar } from "./DraftsBar";
import styles from "./ProfileList.module.css";

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
  useStores(profileLists, labels);
  const memory = savedFor(workspace.id);
  const [queryValue, setQuery] = useState<ListQuery>(memory.query);
  const query = { value: queryValue };

  const now = useNow();

  useEffect(() => {
    void openList(workspace.id);
  }, [workspace.id]);

  const current = listState(workspace.id);
  const allRows = current.view?.rows ?? [];
  const indexed = useMemo(() => indexRows(allRows), [allRows]);
  // Sorted once per list and sort order; each keystroke only filters (one pass over 10,000 rows).
  const sorted = useMemo(
    () => sortRows(indexed, query.value),
    [indexed, query.value.sort, query.value.direction],
  );
  const rows = useMemo(() => filterRows(sorted, query.value), [sorted, query.value]);
  const [activeId, setActiveIdState] = useState<string | null>(memory.activeId);
  const setActiveId = (id: string | null) => {
    savedFor(workspace.id).activeId = id;
    setActiveIdState(id);
  };
  // Another workspace: its own query and active row.
  useEffect(() => {
    setQuery(savedFor(workspace.id).query);
    setActiveIdState(savedFor(workspace.id).activeId);
  }, [workspace.id]);
  const activeIndex = Math.max(0, activeId === null ? 0 : rows.findIndex((r) => r.id === activeId));

  const search = useRef<HTMLInputElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => body.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => rows[i]?.id ?? i,
  });

  // Back from a profile: the grid takes the focus again on the row the user left, scrolled into view.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !memory.activeId || rows.length === 0) return;
    const index = rows.findIndex((r) => r.id === memory.activeId);
    if (index < 0) return;
    restored.current = true;
    virtualizer.scrollToIndex(index, { align: "center" });
    grid.current?.focus();
  }, [rows.length]);

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
  };
  const open = (row: ProfileRow) => {
    setActiveId(row.id);
    route(`/profiles/${encodeURIComponent(workspace.id)}/${encodeURIComponent(row.id)}`);
  };

  function onGridKey(event: KeyboardEvent) {
    if (event.key === "Enter" && rows[activeIndex]) {
      event.preventDefault();
      open(rows[activeIndex]);
      return;
    }
    if (event.key === "Escape" && query.value.search !== "") {
      event.preventDefault();
      set({ search: "" });
      return;
    }
    const pageRows = Math.max(1, Math.floor((body.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const next = moveActive(event.key, activeIndex, rows.length, pageRows);
    if (next === null) return;
    event.preventDefault();
    setActiveId(rows[next].id);
    virtualizer.scrollToIndex(next, { align: "auto" });
  }

  function onSearchKey(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      set({ search: "" });
    } else if (event.key === "ArrowDown" || event.key === "Enter") {
      event.preventDefault();
      grid.current?.focus();
      if (event.key === "Enter" && rows.length === 1) open(rows[0]);
    }
  }

  const statusCounts = useMemo(() => countBy(allRows, "status"), [allRows]);
  const billingCounts = useMemo(() => countBy(allRows, "billing_model"), [allRows]);
  const statusOptions = options(labels.value?.statuses ?? [], allRows, "status", "status_label", statusCounts);
  const billingOptions = options(labels.value?.billing_models ?? [], allRows, "billing_model", "billing_label", billingCounts);
  const keyHints = new Map(workspace.profile_keys.map((k) => [k.profile_id, k.key_hint]));
  const view = current.view;
  const loading = !view && !current.error;
  const activeRow = rows[activeIndex];

  return (
    <section class={styles.screen} aria-labelledby="profiles-heading">
      <div class={styles.toolbar}>
        <h2 id="profiles-heading">Sender profiles</h2>
        <span class={styles.count} data-testid="profile-count" aria-live="polite">
          {view ? (rows.length === allRows.length ? `${count(allRows.length)} ${plural(allRows.length, "profile")}` : `${count(rows.length)} of ${count(allRows.length)} profiles`) : ""}
        </span>
        <span class={styles.updated} data-testid="updated-ago">
          {current.refreshing ? "Updating from Sent…" : view ? updatedAgo(view.fetched_at, now) : ""}
        </span>
        <button type="button" onClick={() => void refreshList(workspace.id)} disabled={current.refreshing}
          aria-busy={current.refreshing} data-testid="refresh-profiles">
          Refresh
        </button>
        <a class="button primary" href="/onboard" data-testid="new-profile">New profile</a>
      </div>
      <DraftsBar workspace={workspace} />

      <div class={styles.filters} role="search" aria-label="Find profiles" hidden={allRows.length === 0}>
        <label class={styles.search}>
          <span>Search</span>
          <input ref={search} type="search" value={query.value.search} placeholder="Name, short name or id — press / to search"
            onInput={(e) => { markFilterInput(); set({ search: e.currentTarget.value }); }} onKeyDown={onSearchKey} data-testid="profile-search"
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

      {current.error && (
        <div class={styles.offline} role="alert" data-testid="profiles-offline">
          <strong>{view?.fetched_at ? "Could not update the list from Sent." : "Could not load the list from Sent."}</strong>{" "}
          {view?.fetched_at ? `Showing the saved list (${updatedAgo(view.fetched_at, now)}). ` : ""}
          <ErrorNote error={current.error} />
          <button type="button" onClick={() => void refreshList(workspace.id)} disabled={current.refreshing}>Try again</button>
        </div>
      )}
      {view && !view.complete && (
        <div class={styles.incomplete} role="status" data-testid="profiles-incomplete">
          Sent stopped sending pages before the end of the list, so it may be incomplete: {allRows.length} profiles are shown.
          Refresh later to try again.
        </div>
      )}

      {loading && <p class={styles.empty} role="status">Loading profiles…</p>}
      {view && allRows.length === 0 && !current.refreshing && !current.error && (
        <p class={styles.empty} data-testid="profiles-empty">
          This organization has no sender profiles yet. Profiles you onboard appear here.
        </p>
      )}
      {allRows.length > 0 && rows.length === 0 && (
        <p class={styles.empty} data-testid="profiles-no-match">
          No profile matches{query.value.search ? ` “${query.value.search}”` : " these filters"}. Press Escape to clear the search, or change the filters.
        </p>
      )}

      <div ref={grid} id="profile-grid" class={styles.grid} role="grid" aria-label="Sender profiles"
        aria-rowcount={rows.length + 1} aria-colcount={7} tabIndex={0} onKeyDown={onGridKey}
        aria-activedescendant={activeRow ? rowDomId(activeRow.id) : undefined} data-testid="profile-grid"
        hidden={rows.length === 0}>
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
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
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

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** The known values in Rust's order with their labels, then any other value the server sent. */
function options(
  known: { value: string; label: string }[],
  rows: ProfileRow[],
  key: "status" | "billing_model",
  labelKey: "status_label" | "billing_label",
  counts: Map<string, number>,
): { value: string; label: string }[] {
  const seen = new Set(known.map((k) => k.value));
  const extra = new Map<string, string>();
  for (const row of rows) if (!seen.has(row[key]) && !extra.has(row[key])) extra.set(row[key], row[labelKey]);
  return [...known, ...[...extra].map(([value, label]) => ({ value, label }))].map((o) => ({
    value: o.value,
    label: `${o.label} (${counts.get(o.value) ?? 0})`,
  }));
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
