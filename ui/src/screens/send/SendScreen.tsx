// Quick test send as one profile: pick an approved template, fill its variables, add your own
// number(s), choose the channel, Send. Rust checks the form as it is filled in (numbers to E.164),
// sends with one idempotency key per click of Send (reused on a retry that may have reached Sent),
// then follows each message and pushes its timeline here (`message_timeline`): the webview never
// polls. The history of test sends is below, with "Send again".
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { IpcError } from "../../bindings/IpcError";
import type { MessageTimeline } from "../../bindings/MessageTimeline";
import type { SendCheck } from "../../bindings/SendCheck";
import type { SendDraft } from "../../bindings/SendDraft";
import type { SendHistoryRow } from "../../bindings/SendHistoryRow";
import type { SendOptions } from "../../bindings/SendOptions";
import type { SendOutcome } from "../../bindings/SendOutcome";
import type { SendRetention } from "../../bindings/SendRetention";
import type { Workspace } from "../../bindings/Workspace";
import { ErrorNote } from "../../components/ErrorNote";
import { commandKey, useCommandKey } from "../../components/Shortcuts";
import { call, on } from "../../ipc";
import { Messages } from "../../components/form/fields";
import { SaveKeys, mergeFields } from "../../components/form/form";
import styles from "./SendScreen.module.css";

const EMPTY: SendDraft = { template_id: null, variables: {}, recipients: [""], channel: "auto", sandbox: false };

export function SendScreen({ workspace, profileId }: { workspace: Workspace; profileId: string }) {
  const [options, setOptions] = useState<SendOptions | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [draft, setDraft] = useState<SendDraft>(EMPTY);
  const [check, setCheck] = useState<SendCheck | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [timelines, setTimelines] = useState<Record<string, MessageTimeline>>({});
  const [history, setHistory] = useState<SendHistoryRow[]>([]);
  const [busy, setBusy] = useState(false);
  const keys = useRef(new SaveKeys());
  const heading = useRef<HTMLHeadingElement>(null);

  // Reads overlap (one per timeline push): only the latest request's answer is shown.
  const historyRead = useRef(0);
  const loadHistory = () => {
    const read = ++historyRead.current;
    return call("send_history", { workspaceId: workspace.id }).then(
      (rows) => read === historyRead.current && setHistory(rows.filter((r) => r.profile_id === profileId)),
      () => {},
    );
  };

  useEffect(() => {
    let current = true;
    call("send_options", { workspaceId: workspace.id, profileId }).then(
      (o) => {
        if (!current) return;
        setOptions(o);
        const first = o.templates.find((t) => t.sendable);
        setDraft((d) => ({ ...d, sandbox: o.sandbox_default, template_id: d.template_id ?? first?.id ?? null }));
      },
      (e) => current && setLoadError(e as IpcError),
    );
    void loadHistory();
    heading.current?.focus();
    return () => {
      current = false;
    };
  }, [workspace.id, profileId]);

  // Timelines are pushed by the backend as each message changes.
  useEffect(() => {
    const stop = on("message_timeline", (update) => {
      if (update.workspace_id !== workspace.id) return;
      setTimelines((all) => (all[update.timeline.message_id] ? { ...all, [update.timeline.message_id]: update.timeline } : all));
      // The history row of the send follows its messages (the backend rewrote it before this event).
      void loadHistory();
    });
    return () => void stop.then((unlisten) => unlisten());
  }, [workspace.id]);

  const template = options?.templates.find((t) => t.id === draft.template_id) ?? null;

  useEffect(() => {
    if (!options) return;
    const timer = setTimeout(() => {
      call("check_send", { draft, template }).then(setCheck, () => {});
    }, 150);
    return () => clearTimeout(timer);
  }, [draft, options]);

  const fields = mergeFields(check?.fields ?? null, error);
  // Until a number is typed or Send is pressed, "add a number" is a hint, not an error; Send stays
  // pressable and, with problems, says each on its field and moves focus to the first.
  const [attempted, setAttempted] = useState(false);
  const touched = attempted || draft.recipients.some((r) => r.trim() !== "");
  const shownFields = touched ? fields : Object.fromEntries(Object.entries(fields).filter(([p]) => p !== "recipients"));
  const blocking = Object.keys(fields).length > 0;
  // Checked afresh on Send (the check while typing runs 150 ms after the last key, so a quick
  // click could act on the form as it was before it).
  // One send at a time: a second click, Enter or Ctrl+Enter while the check or the send of the
  // first is under way does nothing (state updates come too late to guard it).
  const inFlight = useRef(false);
  const submit = async () => {
    if (busy || inFlight.current) return;
    inFlight.current = true;
    const fresh = await call("check_send", { draft, template }).catch(() => null);
    if (fresh) setCheck(fresh);
    if (fresh ? Object.keys(fresh.fields).length > 0 : blocking) {
      inFlight.current = false;
      setAttempted(true);
      requestAnimationFrame(() => {
        const first = document.querySelector('[data-testid="send-screen"] form [aria-invalid="true"]') as HTMLElement | null;
        (first ?? document.getElementById("recipient-0"))?.focus();
      });
      return;
    }
    await send(draft, true);
  };
  useCommandKey("Enter", () => void submit(), !!options);

  const send = async (what: SendDraft, sameAction: boolean) => {
    const fingerprint = JSON.stringify(what);
    if (!sameAction) keys.current.settle(null);
    const idempotencyKey = keys.current.take(fingerprint, what.sandbox);
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const result = await call("quick_send", { workspaceId: workspace.id, profileId, draft: what, idempotencyKey });
      keys.current.settle(null);
      setOutcome(result);
      // Each message starts as accepted; the pushes take it from there.
      const start: Record<string, MessageTimeline> = {};
      for (const m of result.messages) {
        start[m.message_id] = {
          message_id: m.message_id, to_masked: m.to_masked, channel_label: m.channel_label, status: "QUEUED",
          status_label: result.sandbox ? "Not sent (sandbox)" : "Accepted", tone: result.sandbox ? "neutral" : "progress",
          is_final: result.sandbox, steps: [], price: null, explanation: null, stopped: null,
        };
      }
      setTimelines(start);
      if (!result.sandbox) {
        // A push may have come before this answer: read what the backend knows.
        for (const m of result.messages) {
          call("message_timeline", { workspaceId: workspace.id, profileId, messageId: m.message_id }).then(
            (t) => setTimelines((all) => ({ ...all, [t.message_id]: t.steps.length || t.stopped ? t : all[t.message_id] ?? t })),
            () => {},
          );
        }
      }
      requestAnimationFrame(() => document.getElementById("send-outcome")?.focus());
    } catch (e) {
      const failure = e as IpcError;
      keys.current.settle(failure);
      setError(failure);
      if (failure.fields && Object.keys(failure.fields).length > 0) setAttempted(true);
    } finally {
      setBusy(false);
      inFlight.current = false;
      void loadHistory();
    }
  };

  const set = (change: Partial<SendDraft>) => {
    setError(null);
    setDraft((d) => ({ ...d, ...change }));
  };
  const setRecipient = (i: number, value: string) =>
    set({ recipients: draft.recipients.map((r, j) => (j === i ? value : r)) });
  // Leaving a number's field writes it in E.164 (Rust's rules), if it is still what was typed.
  const normalizeRecipient = (i: number, value: string) => {
    if (!value.trim()) return;
    call("normalize_phone", { value, country: null }).then(
      (e164) => setDraft((d) => (d.recipients[i] === value && e164 !== value ? { ...d, recipients: d.recipients.map((r, j) => (j === i ? e164 : r)) } : d)),
      () => {},
    );
  };

  const back = <a href={`/profiles/${encodeURIComponent(workspace.id)}/${encodeURIComponent(profileId)}`} data-testid="back-to-profile">← Back to the profile</a>;
  if (loadError) {
    return <section class={styles.screen} aria-label="Test send">{back}<p role="alert" class="app-error"><ErrorNote error={loadError} /></p></section>;
  }
  if (!options) return <section class={styles.screen} aria-label="Test send">{back}<p role="status" class="hint">Loading the profile's templates…</p></section>;

  const retry = error && ["network", "timeout", "unreachable", "server_error", "service_unavailable"].includes(error.kind);
  const recent = options.recent_recipients.filter((r) => !draft.recipients.includes(r));

  return (
    <section class={styles.screen} aria-labelledby="send-heading" data-testid="send-screen">
      {back}
      <h2 id="send-heading" ref={heading} tabIndex={-1}>Test send as {options.profile_name}</h2>
      <p class="hint" data-testid="key-note">{options.key_note}</p>

      <form class={styles.form} autocomplete="off" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div class={`${styles.sandbox} ${draft.sandbox ? styles.sandboxOn : ""}`}>
          <input type="checkbox" role="switch" id="send-sandbox" name="sandbox" checked={draft.sandbox}
            onChange={(e) => set({ sandbox: e.currentTarget.checked })} aria-describedby="send-sandbox-hint" />
          <div>
            <label for="send-sandbox"><strong>Sandbox (dry run)</strong></label>
            <p class="hint" id="send-sandbox-hint">
              {draft.sandbox
                ? "On: Sent checks and renders the message; nothing is sent, nothing is charged."
                : options.production
                  ? "Off: this is a production workspace: the message goes to a real phone and is charged."
                  : "Off: the message is sent (on this workspace's server) and its delivery is followed below."}
            </p>
          </div>
        </div>

        <div class={styles.field}>
          <label for="send-template">Template</label>
          <select id="send-template" name="template" value={draft.template_id ?? ""} aria-invalid={!!shownFields.template}
            aria-describedby={shownFields.template ? "error-template" : "send-template-hint"}
            onChange={(e) => set({ template_id: e.currentTarget.value || null, variables: {} })}>
            {options.templates.length === 0 && <option value="">No template available to this profile</option>}
            {/* Without it the first template would show as chosen while none is, and picking it would do nothing. */}
            {options.templates.length > 0 && !template && <option value="">Choose a template…</option>}
            {options.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} — {t.status_label}{t.sendable ? "" : " (cannot be sent)"} · {t.channels_label}
              </option>
            ))}
          </select>
          {template && (
            <p class="hint" id="send-template-hint" data-testid="template-status">
              <span class={`badge tone-${template.status_tone}`}>{template.status_label}</span>{" "}
              Channels: {template.channels_label}{template.category ? ` · ${template.category.toLowerCase()}` : ""}
              {/* The reason is said once: as the field's message when the check gives it. */}
              {template.reason && !shownFields.template?.includes(template.reason) && <span class={styles.reason}> {template.reason}</span>}
            </p>
          )}
          {options.templates_error && <p class="form-error" role="alert"><ErrorNote error={options.templates_error} /></p>}
          <Messages errors={shownFields} path="template" />
        </div>

        {template && template.variables.length > 0 && (
          <fieldset class={styles.fieldset}>
            <legend>Variables (all required)</legend>
            <div class={styles.grid}>
              {template.variables.map((v) => (
                <div class={styles.field} key={v.name}>
                  <label for={`var-${v.name}`}>{v.label} <span aria-hidden="true" class={styles.required}>*</span></label>
                  <input id={`var-${v.name}`} name={`variables.${v.name}`} value={draft.variables[v.name] ?? ""}
                    aria-required="true" aria-invalid={!!shownFields[`variables.${v.name}`] && touched}
                    onInput={(e) => set({ variables: { ...draft.variables, [v.name]: e.currentTarget.value } })} />
                  {touched && <Messages errors={shownFields} path={`variables.${v.name}`} />}
                </div>
              ))}
            </div>
          </fieldset>
        )}

        <fieldset class={styles.fieldset}>
          <legend>Recipients</legend>
          <p class="hint">Your own test phone, with + and the country code. Each number gets its own message.</p>
          {draft.recipients.map((r, i) => (
            <div class={styles.recipient} key={i}>
              <label class="visually-hidden" for={`recipient-${i}`}>Recipient {i + 1}</label>
              <input id={`recipient-${i}`} name={`recipients.${i}`} value={r} inputMode="tel" placeholder="+14155550123"
                aria-invalid={!!shownFields[`recipients.${i}`] || (i === 0 && !!shownFields.recipients)}
                aria-describedby={shownFields[`recipients.${i}`] ? `error-recipients.${i}` : i === 0 && shownFields.recipients ? "error-recipients" : undefined}
                onInput={(e) => setRecipient(i, e.currentTarget.value)} onBlur={(e) => normalizeRecipient(i, e.currentTarget.value)} />
              {draft.recipients.length > 1 && (
                <button type="button" aria-label={`Remove recipient ${i + 1}`}
                  onClick={() => set({ recipients: draft.recipients.filter((_, j) => j !== i) })}>Remove</button>
              )}
              <Messages errors={shownFields} path={`recipients.${i}`} />
            </div>
          ))}
          <Messages errors={shownFields} path="recipients" />
          <div class={styles.row}>
            <button type="button" onClick={() => set({ recipients: [...draft.recipients, ""] })} data-testid="add-recipient">Add another number</button>
            {recent.slice(0, 5).map((number) => (
              <button type="button" key={number} class={styles.chip} aria-label={`Add recent number ${number}`}
                onClick={() => set({ recipients: [...draft.recipients.filter((x) => x.trim() !== ""), number] })}>
                {number}
              </button>
            ))}
          </div>
        </fieldset>

        <div class={styles.field}>
          <label for="send-channel">Channel</label>
          <select id="send-channel" name="channel" value={draft.channel ?? "auto"} onChange={(e) => set({ channel: e.currentTarget.value })}
            aria-invalid={!!shownFields.channel} aria-describedby={shownFields.channel ? "error-channel send-channel-hint" : "send-channel-hint"}>
            {options.channels.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
          <p class="hint" id="send-channel-hint">{options.channel_notes.join(" ")}</p>
          <Messages errors={shownFields} path="channel" />
        </div>

        {error && (
          <p role="alert" class="form-error" data-testid="send-error">
            <ErrorNote error={error} />
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy} data-testid="send">
            {busy ? "Sending…" : retry ? "Send again (safe: never sent twice)" : draft.sandbox ? "Check in the sandbox" : "Send"}
            {!busy && <kbd aria-hidden="true">{commandKey()}+Enter</kbd>}
          </button>
        </div>
      </form>

      {outcome && (
        <section class={styles.results} aria-labelledby="send-outcome" data-testid="send-outcome-section">
          <p id="send-outcome" tabIndex={-1} role="status" class={outcome.sandbox ? styles.dry : styles.accepted} data-testid="send-outcome">
            {outcome.message}
            {outcome.request_id && <span class="request-id"> (request {outcome.request_id})</span>}
          </p>
          {outcome.messages.map((m) => (
            <Timeline key={m.message_id} body={m.body} timeline={timelines[m.message_id]} />
          ))}
        </section>
      )}

      <History rows={history} busy={busy} onForgotten={() => void loadHistory()} onAgain={(row) => {
        if (busy || inFlight.current) return;
        inFlight.current = true;
        const again: SendDraft = {
          template_id: row.summary.template_id, variables: row.summary.variables, recipients: row.summary.recipients,
          channel: row.summary.channel ?? "auto", sandbox: row.summary.sandbox,
        };
        setDraft(again);
        void send(again, false);
      }} />
    </section>
  );
}

function Timeline({ body, timeline }: { body: string | null; timeline: MessageTimeline | undefined }) {
  if (!timeline) return null;
  return (
    <article class={styles.message} data-testid="message-timeline" data-status={timeline.status} aria-label={`Message to ${timeline.to_masked}`}>
      <header class={styles.messageHead}>
        <strong>To {timeline.to_masked}</strong>
        <span>{timeline.channel_label}</span>
        <span class={`badge tone-${timeline.tone}`} data-testid="message-status" aria-live="polite">{timeline.status_label}</span>
        {timeline.price && <span class="hint">Price {timeline.price}</span>}
        <code class={styles.id}>{timeline.message_id}</code>
      </header>
      {body && <p class={styles.body} data-testid="message-body">{body}</p>}
      {timeline.steps.length > 0 && (
        <ol class={styles.steps} aria-label="Delivery timeline">
          {timeline.steps.map((s, i) => (
            <li key={`${s.status}-${i}`} class={`tone-${s.tone}`}>
              <span class={styles.stepLabel}>{s.label}</span>
              {s.at && <time dateTime={s.at}>{new Date(s.at).toLocaleTimeString()}</time>}
              {s.detail && <span class="hint"> — {s.detail}</span>}
            </li>
          ))}
        </ol>
      )}
      {!timeline.is_final && <p class="hint">Following the message… (updates arrive by themselves)</p>}
      {timeline.explanation && <p class={styles.explanation} data-testid="message-explanation">{timeline.explanation}</p>}
      {timeline.stopped && <p class="hint">{timeline.stopped}</p>}
    </article>
  );
}

function History({ rows, busy, onAgain, onForgotten }: {
  rows: SendHistoryRow[]; busy: boolean; onAgain: (row: SendHistoryRow) => void; onForgotten: () => void;
}) {
  const shown = useMemo(() => rows.slice(0, 50), [rows]);
  return (
    <section class={styles.history} aria-labelledby="history-title" data-testid="send-history">
      <h3 id="history-title">Test sends from this computer</h3>
      <Retention onChanged={onForgotten} />
      {shown.length === 0 ? (
        <p class="hint">None yet. Each test send is listed here, with its result and “Send again”.</p>
      ) : (
        <ul>
          {shown.map((row) => (
            <li key={row.id} data-testid="history-row">
              <time dateTime={new Date(row.at).toISOString()}>{new Date(row.at).toLocaleString()}</time>
              <span>{row.summary.template_name ?? row.summary.template_id ?? "—"}</span>
              <span>to {row.recipients_masked}</span>
              <span class={`badge tone-${row.summary.tone}`}>{row.summary.outcome}</span>
              {row.summary.request_id && <span class="request-id">request {row.summary.request_id}</span>}
              {row.summary.forgotten ? (
                <span class="hint" data-testid="history-forgotten">Numbers no longer kept</span>
              ) : (
                <button type="button" disabled={busy} onClick={() => onAgain(row)} aria-label={`Send again: ${row.summary.template_name ?? "template"} to ${row.recipients_masked}`}>
                  Send again
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** How long the full numbers and variable values of a test send are kept (then forgotten). */
function Retention({ onChanged }: { onChanged: () => void }) {
  const [retention, setRetention] = useState<SendRetention | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    call("send_retention").then(setRetention, (e) => setError(e as IpcError));
  }, []);
  if (!retention) return error ? <p role="alert" class="form-error"><ErrorNote error={error} /></p> : null;
  return (
    <div class={styles.retention}>
      <label for="send-retention">Keep full numbers and values for</label>
      <select id="send-retention" name="send_retention" value={String(retention.days)} aria-describedby="send-retention-hint" data-testid="send-retention"
        onChange={(e) => {
          setError(null);
          call("set_send_retention", { days: Number(e.currentTarget.value) }).then((r) => {
            setRetention(r);
            onChanged();
          }, (x) => setError(x as IpcError));
        }}>
        {retention.choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
      <p class="hint" id="send-retention-hint">{retention.hint}</p>
      {error && <p role="alert" class="form-error"><ErrorNote error={error} /></p>}
    </div>
  );
}
