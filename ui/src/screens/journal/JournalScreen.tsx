// The audit journal: every change this app made to the workspace's profiles (saved, dry run or
// failed), newest first, worded by Rust. Filters run here over every entry; the export writes the
// same filtered entries as CSV from Rust. Only the entries in view are rendered; the entry holding
// the focus stays rendered while it scrolls away, so the focus never falls to the page.
import { defaultRangeExtractor, type Range } from "@tanstack/virtual-core";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { IpcError } from "../../bindings/IpcError";
import type { JournalExport } from "../../bindings/JournalExport";
import type { JournalRow } from "../../bindings/JournalRow";
import type { Workspace } from "../../bindings/Workspace";
import { ErrorNote } from "../../components/ErrorNote";
import { useVirtualizer } from "../../components/useVirtualizer";
import { currentWorkspace, workspaceList } from "../../data/app";
import { useStores } from "../../data/store";
import { call } from "../../ipc";
import {
  ALL,
  changeLine,
  entryTime,
  exportSummary,
  filterRows,
  type JournalFilter,
  OUTCOME_OPTIONS,
  profileOptions,
} from "./model";
import styles from "./JournalScreen.module.css";
import { grouped } from "../../lib/numbers";

/** The `/journal` route: the current workspace's journal. */
export function JournalRoute() {
  useStores(workspaceList);
  const workspace = currentWorkspace();
  return workspace ? <JournalScreen workspace={workspace} /> : null;
}

type Loaded = { workspaceId: string; rows: JournalRow[] };

export function JournalScreen({ workspace }: { workspace: Workspace }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [filter, setFilter] = useState<JournalFilter>(ALL);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<JournalExport | null>(null);
  const [exportError, setExportError] = useState<IpcError | null>(null);

  useEffect(() => {
    let current = true;
    setLoaded(null);
    setError(null);
    setFilter(ALL);
    setExported(null);
    setExportError(null);
    call("journal_entries", { workspaceId: workspace.id, profileId: null, outcome: null })
      .then((rows) => current && setLoaded({ workspaceId: workspace.id, rows }))
      .catch((e) => current && setError(e as IpcError));
    return () => {
      current = false;
    };
  }, [workspace.id]);

  const all = loaded?.workspaceId === workspace.id ? loaded.rows : null;
  const rows = useMemo(() => filterRows(all ?? [], filter), [all, filter]);
  const profiles = useMemo(() => profileOptions(all ?? []), [all]);

  const list = useRef<HTMLDivElement>(null);
  const focused = useRef<number | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => list.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey: (i) => rows[i]?.id ?? i,
    rangeExtractor: (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const keep = focused.current;
      if (keep !== null && keep < range.count && !indexes.includes(keep)) {
        indexes.push(keep);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
  });

  const set = (change: Partial<JournalFilter>) => {
    setFilter({ ...filter, ...change });
    setExported(null);
    setExportError(null);
    focused.current = null;
    if (list.current) list.current.scrollTop = 0;
  };

  const exportCsv = async () => {
    setExporting(true);
    setExported(null);
    setExportError(null);
    try {
      setExported(
        await call("export_journal", {
          workspaceId: workspace.id,
          profileId: filter.profileId === "" ? null : filter.profileId,
          outcome: filter.outcome === "" ? null : filter.outcome,
        }),
      );
    } catch (e) {
      setExportError(e as IpcError);
    } finally {
      setExporting(false);
    }
  };

  const onFocusIn = (event: FocusEvent) => {
    const item = (event.target as HTMLElement | null)?.closest<HTMLElement>("[data-index]");
    focused.current = item ? Number(item.dataset.index) : null;
  };
  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !list.current?.contains(next)) focused.current = null;
  };

  const profileHref = (profileId: string) =>
    `/profiles/${encodeURIComponent(workspace.id)}/${encodeURIComponent(profileId)}`;

  return (
    <section class={styles.screen} aria-labelledby="journal-heading" data-testid="journal-screen">
      <div class={styles.toolbar}>
        <h2 id="journal-heading">Journal</h2>
        <span class={styles.count} aria-live="polite" data-testid="journal-count">
          {all ? (rows.length === all.length ? entries(all.length) : `${grouped(rows.length)} of ${entries(all.length)}`) : ""}
        </span>
      </div>
      <p class={styles.intro}>
        Every change this app made to profiles in this workspace: saved, dry-run, failed, or with its outcome unknown (the answer was lost). Card details and keys are
        never recorded.
      </p>

      <div class={styles.filters} role="search" aria-label="Filter the journal">
        <label>
          <span>Profile</span>
          <select value={filter.profileId} onChange={(e) => set({ profileId: e.currentTarget.value })}
            data-testid="journal-filter-profile" disabled={!all || all.length === 0}>
            <option value="">All profiles</option>
            {profiles.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </select>
        </label>
        <label>
          <span>Outcome</span>
          <select value={filter.outcome}
            onChange={(e) => set({ outcome: e.currentTarget.value as JournalFilter["outcome"] })}
            data-testid="journal-filter-outcome" disabled={!all || all.length === 0}>
            {OUTCOME_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
        <span class={styles.spacer} />
        <button type="button" onClick={() => void exportCsv()} disabled={exporting || rows.length === 0}
          aria-busy={exporting} data-testid="journal-export">
          {exporting ? "Exporting…" : "Export CSV"}
        </button>
      </div>
      <p class={styles.exported} role="status" data-testid="journal-export-result">
        {exported ? exportSummary(exported.rows, exported.path) : ""}
      </p>
      {exportError && (
        <p class={styles.error} role="alert" data-testid="journal-export-error">
          <strong>The export was not saved.</strong> <ErrorNote error={exportError} />
        </p>
      )}

      {error && (
        <p class={styles.error} role="alert" data-testid="journal-error">
          <strong>Could not read the journal.</strong> <ErrorNote error={error} />
        </p>
      )}
      {!all && !error && <p class={styles.empty} role="status">Loading the journal…</p>}
      {all && all.length === 0 && (
        <p class={styles.empty} data-testid="journal-empty">
          Nothing recorded yet. Each time this app saves, dry-runs or deletes a profile in this workspace, the entry
          appears here with what changed, when, how it ended and Sent’s request id.
        </p>
      )}
      {all && all.length > 0 && rows.length === 0 && (
        <p class={styles.empty} data-testid="journal-no-match">
          No entry matches these filters.{" "}
          <button type="button" class={styles.linkButton} onClick={() => set(ALL)}>Show every entry</button>
        </p>
      )}

      {/* The scrolling region takes the focus itself, so the arrow keys and PageUp/PageDown scroll it
          even when no entry holds a link. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div ref={list} class={styles.list} role="region" aria-label="Journal entries" tabIndex={0}
        hidden={rows.length === 0} onFocusIn={onFocusIn} onFocusOut={onFocusOut}>
        <ul aria-label="Journal entries, newest first" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <li key={row.id} data-index={item.index} ref={virtualizer.measureElement} class={styles.entry}
                aria-setsize={rows.length} aria-posinset={item.index + 1} data-testid="journal-row"
                data-outcome={row.outcome.kind} style={{ transform: `translateY(${item.start}px)` }}>
                <div class={styles.line}>
                  <time dateTime={new Date(row.at).toISOString()} class={styles.time}>{entryTime(row.at)}</time>
                  {row.profile_id ? (
                    <a href={profileHref(row.profile_id)} class={styles.profile} dir="auto">{row.profile_name}</a>
                  ) : (
                    <span class={styles.profile} dir="auto">{row.profile_name}</span>
                  )}
                  <span class={styles.action}>{row.action_label}</span>
                  <span class={`badge tone-${row.outcome_tone}`} data-testid="journal-outcome">{row.outcome_label}</span>
                </div>
                {row.changes.length > 0 && (
                  <ul class={styles.changes} aria-label="Changed fields">
                    {row.changes.map((change) => (
                      <li key={change.path} dir="auto">{changeLine(change)}</li>
                    ))}
                  </ul>
                )}
                {row.message && <p class={styles.message} dir="auto">{row.message}</p>}
                {row.request_id && (
                  <p class={styles.request}>
                    Request id <code>{row.request_id}</code>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

function entries(n: number): string {
  return `${grouped(n)} ${n === 1 ? "entry" : "entries"}`;
}
