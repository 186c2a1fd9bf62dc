// The compliance board: which clients cannot send yet, and what to do next. One row per profile of
// the workspace (or of every workspace), sorted by what needs attention, asked by window from the
// Rust list model (sent-views/src/board.rs) like the profile list. Opening it reads the campaigns
// the next actions depend on in the background; rows move as they are read and as reviews move.
// Ready profiles can be selected and submitted together, one Idempotency-Key each (shared with the
// profile's own submit dialog, so a retry from either place never submits twice).
import { useEffect, useRef, useState } from "preact/hooks";
import type { BoardRow } from "../../bindings/BoardRow";
import type { BoardWindow } from "../../bindings/BoardWindow";
import type { BulkSubmitResult } from "../../bindings/BulkSubmitResult";
import type { IpcError } from "../../bindings/IpcError";
import type { NextKind } from "../../bindings/NextKind";
import type { Workspace } from "../../bindings/Workspace";
import { ErrorNote } from "../../components/ErrorNote";
import { submissionKey, submissionSettled } from "../../components/submit/SubmitReview";
import { useFixedRows } from "../../components/useFixedRows";
import { workspaceList } from "../../data/app";
import { ensureList, profileLists, refreshList } from "../../data/profiles";
import { useStores } from "../../data/store";
import { call, on } from "../../ipc";
import { markBoard } from "../../lib/bench";
import listStyles from "../../components/ListGrid.module.css";
import styles from "./BoardScreen.module.css";
import {
  actionHref,
  boardRowAt,
  boardWindowFor,
  type BoardFilter,
  DEFAULT_FILTER,
  FIRST_WINDOW,
  MAX_SELECTED,
  resultLines,
  resultSummary,
  rowKey,
  selectable,
  submitWords,
} from "./model";
import { grouped } from "../../lib/numbers";

const ROW_HEIGHT = 58;

/** The filter survives leaving the board and coming back (per app run). */
let savedFilter: BoardFilter = DEFAULT_FILTER;
/** The selection too: a profile picked, then opened to check, is still picked on return. */
const selection = new Map<string, Picked>();
type Picked = { workspace_id: string; profile_id: string; name: string; local: boolean };
const picked = (row: BoardRow): Picked => ({ workspace_id: row.workspace_id, profile_id: row.id, name: row.name, local: row.local });

export function BoardScreen({ workspace }: { workspace: Workspace }) {
  useStores(profileLists, workspaceList);
  const [filter, setFilterState] = useState<BoardFilter>(savedFilter);
  const [view, setView] = useState<BoardWindow | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [readError, setReadError] = useState<IpcError | null>(null);
  const [selected, setSelected] = useState(() => new Map(selection));
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<IpcError | null>(null);
  const [results, setResults] = useState<BulkSubmitResult[] | null>(null);
  const [hookUrl, setHookUrl] = useState("");
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<IpcError | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const matched = view?.matched ?? 0;
  const workspaces = workspaceList.value?.workspaces ?? [workspace];
  const shownIds = filter.all ? workspaces.map((w) => w.id) : [workspace.id];

  const virtualizer = useFixedRows({ count: matched, rowHeight: ROW_HEIGHT, overscan: 6, getScrollElement: () => body.current });

  /** What the benchmark measures next: the opening, or the latest filter change. */
  const measure = useRef<{ kind: "open" | "filter"; start: number } | null>({ kind: "open", start: performance.now() });
  const asked = useRef(0);
  function ask(offset: number, limit: number) {
    const mine = ++asked.current;
    const current = savedFilter;
    call("query_board", {
      workspaceId: current.all ? null : workspace.id,
      query: { search: current.search, next: current.next, status: "", billing: "", offset, limit },
    }).then(
      (answer) => {
        if (mine !== asked.current) return;
        setView(answer);
        setError(null);
        if (measure.current && offset === 0) {
          markBoard(measure.current.kind, measure.current.start);
          measure.current = null;
        }
      },
      (e: IpcError) => {
        if (mine === asked.current) setError(e);
      },
    );
  }
  const askAgain = () => {
    const first = virtualizer.getVirtualItems()[0]?.index ?? 0;
    ask(Math.max(0, first - 30), FIRST_WINDOW + 60);
  };

  /** Reads the campaigns the next actions need, in the background, for every workspace shown. */
  const readDetails = () => {
    setReadError(null);
    for (const id of shownIds) {
      call("refresh_board", { workspaceId: id }).then(() => askAgain(), (e: IpcError) => setReadError(e));
    }
  };

  // Opened, another workspace, or "All workspaces" turned on: the lists are refreshed once per
  // run, the campaigns read, the first window asked.
  useEffect(() => {
    for (const id of shownIds) ensureList(id);
    ask(0, FIRST_WINDOW);
  }, [workspace.id, filter.all]);
  // Whenever no list shown is being refreshed (at opening, and each time a refresh ends, when the
  // lists hold what Sent has now): the campaigns the next actions need are read.
  const refreshingNow = shownIds.some((id) => profileLists.value[id]?.refreshing);
  useEffect(() => {
    if (!refreshingNow) readDetails();
  }, [refreshingNow, workspace.id, filter.all]);

  // Any list that moved (a refresh, a save, a campaign read, a followed review): the rows in view
  // again (data/profiles.ts keeps each workspace's generation from `profiles_updated`).
  const generations = shownIds.map((id) => profileLists.value[id]?.update?.generation ?? 0).join(",");
  useEffect(() => {
    if (view) askAgain();
  }, [generations]);
  useEffect(() => {
    const stops = [
      on("profile_status", () => askAgain()),
      on("review_settled", () => askAgain()),
    ];
    return () => stops.forEach((stop) => void stop.then((f) => f()));
  }, [workspace.id, filter.all]);

  const items = virtualizer.getVirtualItems();
  const firstInView = items[0]?.index ?? 0;
  const lastInView = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    const need = boardWindowFor(view, firstInView, lastInView);
    if (need) ask(need.offset, need.limit);
  }, [firstInView, lastInView, view]);

  const setFilter = (change: Partial<BoardFilter>) => {
    measure.current = { kind: "filter", start: performance.now() };
    savedFilter = { ...savedFilter, ...change };
    setFilterState(savedFilter);
    if (body.current) body.current.scrollTop = 0;
    ask(0, FIRST_WINDOW);
  };

  const select = (row: BoardRow, on: boolean) => {
    if (on) selection.set(rowKey(row), picked(row));
    else selection.delete(rowKey(row));
    setSelected(new Map(selection));
  };
  const clearSelection = () => {
    selection.clear();
    setSelected(new Map());
  };
  /** Every ready profile shown (at most one submission's worth). */
  const selectAllReady = async () => {
    const answer = await call("query_board", {
      workspaceId: savedFilter.all ? null : workspace.id,
      query: { search: savedFilter.search, next: "ready", status: "", billing: "", offset: 0, limit: MAX_SELECTED },
    }).catch((e: IpcError) => {
      setSubmitError(e);
      return null;
    });
    if (!answer) return;
    for (const row of answer.rows) selection.set(rowKey(row), picked(row));
    setSelected(new Map(selection));
  };

  const submit = async () => {
    const chosen = [...selection.values()];
    if (chosen.length === 0) return;
    setBusy(true);
    setSubmitError(null);
    setResults(null);
    const webHookUrl = needsAddress ? hookUrl.trim() || null : null;
    try {
      const answer = await call("submit_profiles", {
        items: chosen.map((p) => ({
          workspace_id: p.workspace_id,
          profile_id: p.profile_id,
          // The same fingerprint as the profile's own dialog: Rust sends no address for a
          // workspace on this computer.
          idempotency_key: submissionKey(p.workspace_id, p.profile_id, p.local ? null : webHookUrl),
        })),
        webHookUrl,
      });
      for (const r of answer) {
        submissionSettled(r.workspace_id, r.profile_id, r.error, r.ok ? r.message : null);
        // Submitted ones leave the selection; the others stay picked for a retry.
        if (r.ok) selection.delete(`${r.workspace_id} ${r.profile_id}`);
      }
      setSelected(new Map(selection));
      setResults(answer);
      askAgain();
    } catch (e) {
      setSubmitError(e as IpcError);
    } finally {
      setBusy(false);
    }
  };

  const exportReport = async () => {
    setExported(null);
    setExportError(null);
    try {
      const done = await call("export_board", {
        workspaceId: savedFilter.all ? null : workspace.id,
        query: { search: savedFilter.search, next: savedFilter.next, status: "", billing: "", offset: 0, limit: 0 },
      });
      setExported(`Saved ${grouped(done.rows)} ${done.rows === 1 ? "profile" : "profiles"} to ${done.path}`);
    } catch (e) {
      setExportError(e as IpcError);
    }
  };

  // The campaigns are read again once the lists are refreshed (the effect above).
  const refreshAll = () => Promise.all(shownIds.map((id) => refreshList(id)));

  const refreshing = shownIds.some((id) => profileLists.value[id]?.refreshing);
  // A selected profile of a workspace elsewhere (shown or not now) needs the address Sent reports to.
  const needsAddress = [...selected.values()].some((p) => !p.local);
  // A list that could not be refreshed, or campaigns that could not be read: the saved rows stay.
  const offline = readError ?? shownIds.map((id) => profileLists.value[id]?.error ?? null).find((e) => e !== null) ?? null;
  const total = view?.total ?? 0;
  const lines = results ? resultLines(results) : [];

  return (
    <section class={listStyles.screen} aria-labelledby="board-heading" data-testid="board">
      <div class={listStyles.toolbar}>
        <h2 id="board-heading">Compliance board</h2>
        <span class={listStyles.count} data-testid="board-count" aria-live="polite">
          {view ? (matched === total ? `${grouped(total)} ${total === 1 ? "profile" : "profiles"}` : `${grouped(matched)} of ${grouped(total)} profiles`) : ""}
        </span>
        <span class={listStyles.updated} data-testid="board-freshness">
          {refreshing ? "Updating from Sent…" : view?.freshness ?? ""}
          {view?.reading ? " · reading campaigns…" : ""}
        </span>
        <button type="button" onClick={() => void refreshAll()} disabled={refreshing} aria-busy={refreshing} data-testid="board-refresh">Refresh</button>
        <button type="button" onClick={() => void exportReport()} data-testid="board-export">Export CSV</button>
      </div>
      <p class="hint">
        Which clients cannot send yet and what to do next, most urgent first. Select profiles that are ready to submit them for review together.
      </p>

      <div class={listStyles.filters} role="search" aria-label="Filter the board">
        <label class={listStyles.search}>
          <span>Search</span>
          <input type="search" value={filter.search} placeholder="Name, short name or id"
            onInput={(e) => setFilter({ search: e.currentTarget.value })}
            onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); setFilter({ search: "" }); } }}
            data-testid="board-search" />
        </label>
        <label>
          <span>Next action</span>
          <select value={filter.next ?? ""} data-testid="board-filter"
            onChange={(e) => setFilter({ next: (e.currentTarget.value || null) as NextKind | null })}>
            <option value="">Every profile</option>
            {(view?.kinds ?? []).map((k) => <option key={k.value} value={k.value}>{`${k.label} (${grouped(k.count)})`}</option>)}
          </select>
        </label>
        {workspaces.length > 1 && (
          <label class={styles.inline}>
            <input type="checkbox" checked={filter.all} onChange={(e) => setFilter({ all: e.currentTarget.checked })} data-testid="board-all" />
            <span>All workspaces</span>
          </label>
        )}
      </div>

      <div class={styles.actions} role="group" aria-label="Submit the selected profiles">
        <span data-testid="board-selected" aria-live="polite">
          {selected.size === 0 ? "No profile selected: ready profiles have a checkbox." : `${selected.size} selected: ${[...selected.values()].slice(0, 3).map((s) => s.name).join(", ")}${selected.size > 3 ? "…" : ""}`}
        </span>
        <button type="button" onClick={() => void selectAllReady()} disabled={busy} data-testid="board-select-ready">Select every ready profile</button>
        <button type="button" class="link" onClick={clearSelection} disabled={busy || selected.size === 0}>Clear the selection</button>
        {needsAddress && (
          <label class={styles.address}>
            <span>Where Sent reports the result (https address your agency owns)</span>
            <input type="url" value={hookUrl} onInput={(e) => setHookUrl(e.currentTarget.value)} data-testid="board-hook-url" />
          </label>
        )}
        <button type="button" class="primary" onClick={() => void submit()} disabled={busy || selected.size === 0}
          aria-busy={busy} data-testid="board-submit">
          {submitWords(selected.size, busy)}
        </button>
      </div>
      {submitError && <p role="alert" class="app-error" data-testid="board-submit-error"><ErrorNote error={submitError} /></p>}
      {/* Mounted before the results arrive, so a screen reader announces them. */}
      <div role="status" aria-live="polite">
        {results && (
          <div class={styles.results} data-testid="board-results">
            <strong>{resultSummary(results)}</strong>
            <ul>
              {lines.map((l) => (
                <li key={l.key} class={l.ok ? styles.ok : styles.failed} data-testid="board-result">
                  <a href={l.href}>{l.name}</a>: {l.text}
                </li>
              ))}
            </ul>
            <button type="button" class="link" onClick={() => setResults(null)}>Dismiss</button>
          </div>
        )}
      </div>
      {exported && <p class="flash" role="status" data-testid="board-exported">{exported}</p>}
      {exportError && <p role="alert" class="app-error"><ErrorNote error={exportError} /></p>}
      {error && <p role="alert" class="app-error" data-testid="board-error"><ErrorNote error={error} /></p>}
      {offline && (
        <p role="alert" class={listStyles.offline} data-testid="board-offline">
          <strong>Could not update the board from Sent.</strong> {view ? `Showing what was saved. ${view.freshness}. ` : ""}
          <ErrorNote error={offline} />
          <button type="button" onClick={() => void refreshAll()} disabled={refreshing}>Try again</button>
        </p>
      )}

      {view?.read_problem && !offline && (
        <p role="status" class={listStyles.incomplete} data-testid="board-read-problem">{view.read_problem}</p>
      )}
      {!view && !error && <p class={listStyles.empty} role="status">Loading the board…</p>}
      {view && total === 0 && (
        <p class={listStyles.empty} data-testid="board-empty">
          No sender profiles yet{filter.all ? " in any workspace" : " in this workspace"}. Onboard a client and it appears here with what it needs.
        </p>
      )}
      {total > 0 && matched === 0 && (
        <p class={listStyles.empty} data-testid="board-no-match">
          No profile matches{filter.search ? ` “${filter.search}”` : ""}{filter.next ? " this next action" : ""}.{" "}
          {filter.search ? "Press Escape in the search to clear it." : "Choose “Every profile” to see the rest."}
        </p>
      )}

      <div class={`${listStyles.grid} ${styles.grid}`} role="table" aria-label="Profiles by next action" aria-rowcount={matched + 1}
        data-testid="board-grid" hidden={matched === 0}>
        <div role="rowgroup" class={listStyles.head}>
          <div role="row" aria-rowindex={1} class={`${listStyles.row} ${styles.row}`}>
            <span role="columnheader"><span class="visually-hidden">Select</span></span>
            <span role="columnheader">Profile</span>
            <span role="columnheader">Next action</span>
            <span role="columnheader">Brand</span>
            <span role="columnheader">Campaigns</span>
            <span role="columnheader">WhatsApp</span>
            <span role="columnheader">Billing</span>
          </div>
        </div>
        <div role="rowgroup" ref={body} class={listStyles.body}>
          <div style={{ height: `${virtualizer.getTotalSize()}px`, position: "relative" }}>
            {items.map((item) => {
              const row = boardRowAt(view, item.index);
              const style = { transform: `translateY(${item.start}px)`, height: `${ROW_HEIGHT}px` };
              if (!row) {
                return <div key={item.key} role="row" aria-rowindex={item.index + 2} aria-busy="true" class={`${listStyles.row} ${styles.row}`} style={style} />;
              }
              const href = actionHref(row);
              const profileHref = `/profiles/${encodeURIComponent(row.workspace_id)}/${encodeURIComponent(row.id)}`;
              const checkId = `board-check-${item.index}`;
              return (
                <div key={rowKey(row)} role="row" aria-rowindex={item.index + 2} class={`${listStyles.row} ${styles.row}`} style={style}
                  data-testid="board-row" data-profile-id={row.id} data-kind={row.next.kind}>
                  <span role="cell">
                    {selectable(row) ? (
                      <>
                        <input type="checkbox" id={checkId} checked={selected.has(rowKey(row))} disabled={busy}
                          onChange={(e) => select(row, e.currentTarget.checked)} data-testid="board-select" />
                        <label for={checkId} class="visually-hidden">{`Select ${row.name} for review`}</label>
                      </>
                    ) : null}
                  </span>
                  <span role="cell" class={styles.profile}>
                    <a href={profileHref} class={listStyles.name} dir="auto" title={row.name}>{row.name || "(no name)"}</a>
                    <span class={styles.sub}>
                      <span class={`${listStyles.badge} ${listStyles[row.status_tone]}`} data-testid="board-status">{row.status_label}</span>
                      {filter.all ? <span class={listStyles.muted}> {row.workspace_name}</span> : null}
                    </span>
                  </span>
                  <span role="cell" class={styles.next}>
                    <span class={`${styles.kind} ${listStyles[row.next.tone]}`}>{row.next.kind_label}</span>
                    {href ? (
                      <a href={href} data-testid="board-next" title={row.next.words}>{row.next.words}</a>
                    ) : (
                      <span data-testid="board-next" title={row.next.words}>{row.next.words}</span>
                    )}
                  </span>
                  <span role="cell" class={styles.cell}>
                    <span class={row.brand.source === "none" ? listStyles.muted : undefined}>{row.brand.label}</span>
                    <span class={styles.sub}>{row.brand_detail}</span>
                  </span>
                  <span role="cell" class={styles.cell}>
                    <span>{row.campaigns}</span>
                    <span class={styles.sub}>{row.freshness}</span>
                  </span>
                  <span role="cell" class={`${styles.cell} ${row.whatsapp.source === "none" ? listStyles.muted : ""}`} title={row.whatsapp.hint ?? row.whatsapp.label}>{row.whatsapp.label}</span>
                  <span role="cell" class={styles.cell}>{row.billing}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

