// Import clients (bulk onboarding): choose a CSV or Excel file, confirm how its columns map to
// profile fields and the batch's settings, then work in the grid: every row checked by Rust with
// the onboarding rules, bad cells marked in words and editable in place, a dry run, the run with its
// progress, pause, resume and cancel, and the results file. The rows live in Rust; the grid asks
// for a window of them. A token column never comes back to the webview.
import { useEffect, useRef, useState } from "preact/hooks";
import type { BatchFile } from "../../bindings/BatchFile";
import type { BatchFilter } from "../../bindings/BatchFilter";
import type { BatchProgress } from "../../bindings/BatchProgress";
import type { BatchRowView } from "../../bindings/BatchRowView";
import type { BatchSettings } from "../../bindings/BatchSettings";
import type { BatchSummary } from "../../bindings/BatchSummary";
import type { BatchView } from "../../bindings/BatchView";
import type { IpcError } from "../../bindings/IpcError";
import type { Workspace } from "../../bindings/Workspace";
import { ErrorNote } from "../../components/ErrorNote";
import { ago } from "../../components/form/form";
import { useVirtualizer } from "../../components/useVirtualizer";
import { call, on } from "../../ipc";
import { countsLine, FILTERS, mergeRows, problemsOf, progressLine, runLabel, stateTone } from "./model";
import styles from "./ImportScreen.module.css";
import { grouped } from "../../lib/numbers";

const PRESETS = [
  { value: "agency", label: "Agency" },
  { value: "franchise", label: "Franchise" },
  { value: "platform", label: "Platform / ISV" },
  { value: "custom", label: "Custom" },
];
const BILLING = [
  { value: "", label: "The preset's" },
  { value: "organization", label: "The organization pays" },
  { value: "profile", label: "The profile pays" },
  { value: "profile_and_organization", label: "The profile pays, then the organization" },
];
const ROW_HEIGHT = 58;
const WINDOW = 200;

export function ImportScreen({ workspace, batchId }: { workspace: Workspace; batchId?: string }) {
  const [file, setFile] = useState<BatchFile | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [settings, setSettings] = useState<BatchSettings>({ preset: "agency", billing_model: null, whatsapp_inherit: null, submit_for_review: false });
  const [batch, setBatch] = useState<BatchView | null>(null);
  const [rows, setRows] = useState<BatchRowView[]>([]);
  const [offset, setOffset] = useState(0);
  const [matched, setMatched] = useState(0);
  const [filter, setFilter] = useState<BatchFilter>("all");
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [running, setRunning] = useState<"run" | "dry" | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [unfinished, setUnfinished] = useState<BatchSummary[]>([]);
  const [reading, setReading] = useState(false);

  const openBatch = (id: string, f: BatchFilter = filter, from = 0) =>
    call("batch_window", { batchId: id, filter: f, offset: from, limit: WINDOW }).then((w) => {
      setBatch(w.batch);
      setRows(w.rows);
      setOffset(w.offset);
      setMatched(w.matched);
      setFilter(w.filter);
      setSettings(w.batch.settings);
    });

  useEffect(() => {
    setError(null);
    if (batchId) {
      openBatch(batchId, "all", 0).catch((e) => setError(e as IpcError));
    } else {
      setBatch(null);
      call("unfinished_batches", { workspaceId: workspace.id }).then(setUnfinished, () => {});
    }
  }, [workspace.id, batchId]);

  // A run's progress: counts, the rows that changed, the rate and what is left.
  useEffect(() => {
    let stop: (() => void) | null = null;
    let live = true;
    void on("batch_progress", (p) => {
      if (p.batch_id !== batch?.id) return;
      setProgress(p);
      setBatch((b) => (b ? { ...b, counts: p.counts, state: p.dry_run ? b.state : p.state } : b));
      setRows((r) => mergeRows(r, p.rows));
    }).then((unlisten) => (live ? (stop = unlisten) : unlisten()));
    return () => {
      live = false;
      stop?.();
    };
  }, [batch?.id]);

  const readFile = async (chosen: File) => {
    setError(null);
    setNote(null);
    setReading(true);
    try {
      const bytes = Array.from(new Uint8Array(await chosen.arrayBuffer()));
      const read = await call("read_batch_file", { workspaceId: workspace.id, fileName: chosen.name, bytes });
      setFile(read);
      setMapping(read.mapping);
    } catch (e) {
      setError(e as IpcError);
    } finally {
      setReading(false);
    }
  };

  const checkRows = async () => {
    if (!file) return;
    setError(null);
    try {
      const w = await call("start_batch", { workspaceId: workspace.id, importId: file.import_id, mapping, settings });
      setFile(null);
      // The batch has its own address: a restart, or the back button, comes back to it.
      history.replaceState(null, "", `/import/${encodeURIComponent(w.batch.id)}`);
      setBatch(w.batch);
      setRows(w.rows);
      setOffset(w.offset);
      setMatched(w.matched);
      setFilter("all");
    } catch (e) {
      setError(e as IpcError);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!batch) return;
    setError(null);
    setNote(null);
    setRunning(dryRun ? "dry" : "run");
    try {
      const end = await call("run_batch", { batchId: batch.id, dryRun });
      setBatch(end);
      await openBatch(end.id);
      setNote(dryRun ? "Dry run done: each ready row shows Sent's answer. Nothing was created." : endWords(end));
    } catch (e) {
      setError(e as IpcError);
    } finally {
      setRunning(null);
    }
  };

  const control = (action: "pause" | "resume" | "cancel") =>
    batch && call("control_batch", { batchId: batch.id, action }).catch((e) => setError(e as IpcError));

  const exportResults = async () => {
    if (!batch) return;
    try {
      const done = await call("export_batch", { batchId: batch.id });
      setNote(`Results saved: ${grouped(done.rows)} rows in ${done.path}`);
    } catch (e) {
      setError(e as IpcError);
    }
  };

  const saveTemplate = async () => {
    try {
      const done = await call("save_batch_template");
      setNote(`Template saved: ${done.path}. Fill one row per client, then choose it here.`);
    } catch (e) {
      setError(e as IpcError);
    }
  };

  const changeSettings = async (next: BatchSettings) => {
    setSettings(next);
    if (!batch) return;
    try {
      const w = await call("set_batch_settings", { batchId: batch.id, settings: next });
      setBatch(w.batch);
      await openBatch(w.batch.id);
    } catch (e) {
      setError(e as IpcError);
    }
  };

  const edit = async (row: BatchRowView, column: string, value: string, before: string) => {
    if (!batch || value === before) return;
    try {
      const changed = await call("edit_batch_cell", { batchId: batch.id, rowNo: row.row_no, columnId: column, value });
      setBatch((b) => (b ? { ...b, counts: changed.counts } : b));
      setRows((r) => mergeRows(r, changed.rows));
    } catch (e) {
      setError(e as IpcError);
    }
  };

  // ------------------------------------------------------------------ the grid (a window of rows)
  const body = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: matched,
    getScrollElement: () => body.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => rows[i - offset]?.row_no ?? `pending-${i}`,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (!batch || matched === 0) return;
    if (first >= offset && last < offset + rows.length) return;
    const from = Math.max(0, first - 40);
    void openBatch(batch.id, filter, from).catch((e) => setError(e as IpcError));
  }, [first, last, batch?.id, filter]);

  const inFlight = running !== null || batch?.state === "running" || batch?.state === "paused" && running !== null;
  const editable = !inFlight;
  const columns = batch?.columns ?? [];
  // Row, status, then what happened or what to fix (the column a person scans), then the cells.
  const template = `56px 140px 300px ${columns.map(() => "190px").join(" ")}`;

  return (
    <section class={styles.screen} aria-labelledby="import-heading" data-testid="import-screen">
      <div class={styles.toolbar}>
        <h2 id="import-heading">Import clients</h2>
        {batch && <span class={styles.source} data-testid="batch-source">{batch.source}</span>}
        {batch && <span class={styles.counts} aria-live="polite" data-testid="batch-counts">{countsLine(batch.counts)}</span>}
      </div>

      {error && (
        <p class={styles.error} role="alert" data-testid="import-error">
          <ErrorNote error={error} />
          {error.fields && (
            <ul>
              {Object.entries(error.fields).map(([field, messages]) => <li key={field}>{messages?.join(" ")}</li>)}
            </ul>
          )}
        </p>
      )}
      {note && <p class={styles.note} role="status" data-testid="import-note">{note}</p>}

      {!batch && !file && (
        <div class={styles.start}>
          <p class={styles.intro}>
            Onboard many clients at once from a spreadsheet: one row per client, one column per profile field (name,
            short name, billing model, billing contact, WhatsApp, brand…). Every row is checked before anything is sent,
            each profile is created once even if the app is closed halfway, and WhatsApp tokens in the file are used
            once and never stored.
          </p>
          {unfinished.length > 0 && (
            <section aria-labelledby="unfinished-title" class={styles.unfinished} data-testid="unfinished-batches">
              <h3 id="unfinished-title">Unfinished imports</h3>
              <ul>
                {unfinished.map((u) => (
                  <li key={u.id}>
                    <a href={`/import/${encodeURIComponent(u.id)}`} data-testid="resume-batch">Resume {u.source}</a>
                    <span class="hint">
                      {grouped(u.left)} of {grouped(u.counts.total)} rows left · {u.state === "cancelled" ? "cancelled" : "interrupted"} {ago(u.updated_at)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <label class={styles.fileLabel}>
            <span>Spreadsheet (CSV or Excel .xlsx)</span>
            <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="batch-file" disabled={reading}
              onChange={(e) => {
                const chosen = e.currentTarget.files?.[0];
                if (chosen) void readFile(chosen);
              }} />
          </label>
          {reading && <p role="status">Reading the file…</p>}
          <p>
            <button type="button" class="link" onClick={() => void saveTemplate()} data-testid="save-template">
              Save a template file (every column, with an example row)
            </button>
          </p>
        </div>
      )}

      {file && (
        <div class={styles.mapping} data-testid="batch-mapping">
          <p>
            <strong>{file.source}</strong>: {grouped(file.rows)} clients. Check which profile field each column fills
            (the app remembers your choice for the next file), then the settings every row starts from.
          </p>
          <table class={styles.mapTable}>
            <thead>
              <tr><th scope="col">Column in the file</th><th scope="col">First rows</th><th scope="col">Profile field</th></tr>
            </thead>
            <tbody>
              {file.headers.map((header, i) => (
                <tr key={`${i}-${header}`}>
                  <th scope="row">{header || `(column ${i + 1})`}</th>
                  <td class={styles.samples}>{file.samples.map((s) => s[i] ?? "").filter(Boolean).join(" · ")}</td>
                  <td>
                    <select aria-label={`Profile field for the column ${header || i + 1}`} value={mapping[i] ?? ""}
                      data-testid="mapping-select"
                      onChange={(e) => {
                        const next = mapping.slice();
                        next[i] = e.currentTarget.value === "" ? null : e.currentTarget.value;
                        setMapping(next);
                      }}>
                      <option value="">Leave out</option>
                      {file.columns.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Settings settings={settings} onChange={setSettings} />
          <div class={styles.actions}>
            <button type="button" class="primary" onClick={() => void checkRows()} data-testid="check-rows">Check the rows</button>
            <button type="button" onClick={() => setFile(null)}>Choose another file</button>
          </div>
        </div>
      )}

      {batch && (
        <>
          <Settings settings={settings} onChange={(s) => void changeSettings(s)} disabled={!editable} />
          <div class={styles.runbar}>
            <button type="button" onClick={() => void run(true)} disabled={inFlight || batch.counts.ready === 0} data-testid="batch-dry-run">
              {running === "dry" ? "Dry run…" : "Dry run the ready rows"}
            </button>
            <button type="button" class="primary" onClick={() => void run(false)}
              disabled={inFlight || batch.counts.ready + batch.counts.unknown + batch.counts.sending === 0} data-testid="batch-run">
              {running === "run" ? "Creating…" : runLabel(batch.counts)}
            </button>
            {running && (
              <>
                {progress?.state === "paused" ? (
                  <button type="button" onClick={() => void control("resume")} data-testid="batch-resume">Resume</button>
                ) : (
                  <button type="button" onClick={() => void control("pause")} data-testid="batch-pause">Pause</button>
                )}
                <button type="button" onClick={() => void control("cancel")} data-testid="batch-cancel">Cancel the rest</button>
              </>
            )}
            <span class={styles.spacer} />
            <button type="button" onClick={() => void exportResults()} disabled={running !== null} data-testid="batch-export">Export results</button>
            <a class="button" href="/import" onClick={() => setBatch(null)}>Close</a>
          </div>
          {running && progress && (
            <div class={styles.progress}>
              <progress max={Math.max(1, progress.total)} value={progress.done} aria-label="Rows sent" data-testid="batch-progress" />
              <span role="status" data-testid="batch-progress-line">{progressLine(progress)}</span>
            </div>
          )}
          <div class={styles.filters} role="radiogroup" aria-label="Show rows">
            {FILTERS.map((f) => (
              <label key={f.value} class={filter === f.value ? styles.current : undefined}>
                <input type="radio" name="batch-filter" value={f.value} checked={filter === f.value}
                  data-testid={`batch-filter-${f.value}`}
                  onChange={() => {
                    if (body.current) body.current.scrollTop = 0;
                    void openBatch(batch.id, f.value, 0).catch((e) => setError(e as IpcError));
                  }} />
                {f.label} ({grouped(f.count(batch.counts))})
              </label>
            ))}
          </div>
          <div ref={body} class={styles.grid} role="grid" aria-label={`Rows of ${batch.source}`} aria-rowcount={matched + 1}
            aria-colcount={columns.length + 3} data-testid="batch-grid" data-rows-held={rows.length}>
            <div role="row" class={styles.head} style={{ gridTemplateColumns: template }} aria-rowindex={1}>
              <span role="columnheader">Row</span>
              <span role="columnheader">Status</span>
              <span role="columnheader">Outcome or what to fix</span>
              {columns.map((c) => <span role="columnheader" key={c.id}>{c.label}</span>)}
            </div>
            <div style={{ height: `${virtualizer.getTotalSize()}px`, position: "relative" }}>
              {items.map((item) => {
                const row = rows[item.index - offset];
                if (!row) return null;
                const whole = problemsOf(row, null);
                const fix = columns.filter((c) => problemsOf(row, c.id).length > 0).map((c) => c.label);
                const locked = !editable || row.state === "created" || row.state === "unknown" || row.state === "sending";
                return (
                  <div key={row.row_no} role="row" class={styles.row} data-testid="batch-row" data-row={row.row_no}
                    data-state={row.state} aria-rowindex={item.index + 2} ref={virtualizer.measureElement} data-index={item.index}
                    style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}>
                    <span role="rowheader">{row.row_no}</span>
                    <span role="gridcell">
                      <span class={`badge tone-${stateTone(row.state)}`} data-testid="batch-row-state">{row.state_label}</span>
                    </span>
                    <span role="gridcell" class={styles.outcome}>
                      {row.profile_id && (
                        <a href={`/profiles/${encodeURIComponent(workspace.id)}/${encodeURIComponent(row.profile_id)}`} data-testid="batch-row-profile">
                          Open the profile
                        </a>
                      )}{" "}
                      {row.message && <span data-testid="batch-row-message">{row.message}</span>}
                      {row.dry_run && (
                        <span class={row.dry_run.accepted ? styles.accepted : styles.problem} data-testid="batch-row-dry-run">
                          {row.dry_run.message}
                        </span>
                      )}
                      {whole.length > 0 && <span class={styles.problem}>{whole.join(" ")}</span>}
                      {fix.length > 0 && <span class={styles.problem}>Fix: {fix.join(", ")} (marked on the right).</span>}
                    </span>
                    {columns.map((c, i) => {
                      const problems = problemsOf(row, c.id);
                      const id = `cell-${row.row_no}-${c.id}`;
                      // A token cell types like a password (Preact's types want one literal here).
                      const kind = (c.secret ? "password" : "text") as "text";
                      return (
                        <span role="gridcell" key={c.id} class={problems.length ? styles.bad : undefined}>
                          <input id={id} value={row.cells[i] ?? ""} readOnly={locked}
                            type={kind} autoComplete="off"
                            placeholder={c.secret ? "Type the token (kept in memory only)" : undefined}
                            aria-label={`${c.label}, row ${row.row_no}`}
                            aria-invalid={problems.length > 0} aria-describedby={problems.length ? `${id}-problem` : undefined}
                            data-testid={`cell-${c.id}`}
                            onKeyDown={(e) => {
                              if (e.key === "Enter") e.currentTarget.blur();
                              if (e.key === "Escape") {
                                e.currentTarget.value = row.cells[i] ?? "";
                                e.currentTarget.blur();
                              }
                            }}
                            onChange={(e) => void edit(row, c.id, e.currentTarget.value, c.secret ? "" : (row.cells[i] ?? ""))} />
                          {problems.length > 0 && (
                            <small id={`${id}-problem`} class={styles.problem} data-testid="cell-problem">{problems.join(" ")}</small>
                          )}
                        </span>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function endWords(end: BatchView): string {
  const c = end.counts;
  if (end.state === "finished") return `Done: ${grouped(c.created)} created. Export the results for your records.`;
  if (end.state === "cancelled") return "Cancelled: the rows not yet sent stay ready; create them later from here.";
  return "Some rows still have no outcome (Sent did not answer). Send them again: the same keys make sure nothing is created twice.";
}

function Settings({ settings, onChange, disabled = false }: { settings: BatchSettings; onChange: (s: BatchSettings) => void; disabled?: boolean }) {
  return (
    <fieldset class={styles.settings} disabled={disabled}>
      <legend>Every row starts from (a column of the same field overrides it)</legend>
      <label>
        <span>Preset</span>
        <select value={settings.preset} data-testid="batch-preset" onChange={(e) => onChange({ ...settings, preset: e.currentTarget.value })}>
          {PRESETS.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
      </label>
      <label>
        <span>Billing model</span>
        <select value={settings.billing_model ?? ""} data-testid="batch-billing"
          onChange={(e) => onChange({ ...settings, billing_model: e.currentTarget.value === "" ? null : e.currentTarget.value })}>
          {BILLING.map((b) => <option key={b.value} value={b.value}>{b.label}</option>)}
        </select>
      </label>
      <label>
        <span>WhatsApp Business Account</span>
        <select value={settings.whatsapp_inherit === null ? "" : settings.whatsapp_inherit ? "inherit" : "direct"} data-testid="batch-whatsapp"
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange({ ...settings, whatsapp_inherit: v === "" ? null : v === "inherit" });
          }}>
          <option value="">The preset's</option>
          <option value="inherit">Inherit the organization's</option>
          <option value="direct">Each client's own (columns: WABA ID, token)</option>
        </select>
      </label>
      <label class={styles.check}>
        <input type="checkbox" checked={settings.submit_for_review} data-testid="batch-submit"
          onChange={(e) => onChange({ ...settings, submit_for_review: e.currentTarget.checked })} />
        Submit each created profile for review
      </label>
    </fieldset>
  );
}
