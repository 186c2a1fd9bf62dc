// The profile screen's dialogs: review the changes (old → new) with a dry run before saving,
// delete after typing the name, leaving with unsaved changes, and submitting for review.
import { useEffect, useRef, useState } from "preact/hooks";
import type { FieldChange } from "../../bindings/FieldChange";
import type { IpcError } from "../../bindings/IpcError";
import type { ProfileDetail } from "../../bindings/ProfileDetail";
import type { ProfileRow } from "../../bindings/ProfileRow";
import type { ReviewReadiness } from "../../bindings/ReviewReadiness";
import type { SaveOutcome } from "../../bindings/SaveOutcome";
import type { Workspace } from "../../bindings/Workspace";
import { ErrorNote } from "../../components/ErrorNote";
import { useModal } from "../../components/useModal";
import { SubmitReview } from "../../components/submit/SubmitReview";
import { gapList } from "../../components/submit/model";
import { call } from "../../ipc";
import { isRetryable } from "../../components/form/form";
import styles from "../../components/form/form.module.css";
import { saveLabel } from "./model";

export function ReviewDialog(p: {
  changes: FieldChange[]; busy: boolean; error: IpcError | null; outcome: SaveOutcome | null;
  onCancel: () => void; onDryRun: () => void; onSave: () => void;
}) {
  const ref = useModal();
  const dry = p.outcome?.dry_run ? p.outcome : null;
  const retry = p.error && isRetryable(p.error);
  return (
    <dialog ref={ref} class={`dialog ${styles.review}`} aria-labelledby="review-title" onClose={p.onCancel} data-testid="review-dialog">
      <div>
        <h2 id="review-title">Save {p.changes.length} change{p.changes.length === 1 ? "" : "s"}?</h2>
        <p class="hint" data-testid="review-hint">
          {p.changes.some((c) => c.path.startsWith("brand."))
            ? "Sent replaces the brand as a whole, so the whole brand is sent; of it, only these fields change. Card details show as redacted."
            : "Only these fields are sent to Sent. Card details show as redacted."}
        </p>
        <table class={styles.diff}>
          <caption class="visually-hidden">Changes to send</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">Now</th><th scope="col">After saving</th></tr></thead>
          <tbody>
            {p.changes.map((c) => (
              <tr key={c.path} data-testid="review-change" data-path={c.path}>
                <th scope="row">{c.label}</th>
                <td class={styles.old}>{c.old}</td>
                <td class={styles.new}>{c.new}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {dry && (
          <p role="status" class={styles.dryRun} data-testid="dry-run-result">
            {dry.message}{dry.request_id && <span class="request-id"> (request {dry.request_id})</span>}
          </p>
        )}
        {p.error && (
          <p role="alert" class="form-error" data-testid="review-error">
            <ErrorNote error={p.error} />
            {retry && " Trying again is safe: the same save is never applied twice."}
          </p>
        )}
        <div class="actions">
          <button type="button" onClick={p.onCancel} disabled={p.busy}>Cancel</button>
          <button type="button" onClick={p.onDryRun} disabled={p.busy} data-testid="dry-run"
            title="Sent checks the changes without saving anything">
            {p.busy ? "Asking Sent…" : "Dry run"}
          </button>
          <button type="button" class="primary" onClick={p.onSave} disabled={p.busy} data-testid="save-confirm" autofocus>
            {saveLabel(p.busy, p.error)}
          </button>
        </div>
      </div>
    </dialog>
  );
}

export function DeleteDialog(p: {
  workspace: Workspace; profile: ProfileDetail; onCancel: () => void; onDeleted: (message: string) => void;
}) {
  const ref = useModal();
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  // One key per delete action, reused when the user retries after a failure that may have reached Sent.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const matches = typed.trim() === p.profile.name.trim();
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await call("delete_profile", {
        workspaceId: p.workspace.id, profileId: p.profile.id, confirmName: typed, idempotencyKey: key,
      });
      p.onDeleted(outcome.message);
    } catch (e) {
      const failure = e as IpcError;
      if (!isRetryable(failure)) setKey(crypto.randomUUID());
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} class="dialog" role="alertdialog" aria-labelledby="delete-title-dialog" aria-describedby="delete-body"
      onClose={p.onCancel} data-testid="delete-dialog">
      <form onSubmit={(e) => { e.preventDefault(); if (matches) void confirm(); }} autocomplete="off">
        <h2 id="delete-title-dialog">Delete “{p.profile.name}”?</h2>
        <div id="delete-body">
          <p>The profile leaves the organization's list and stops sending. This cannot be undone from this app.</p>
          <p class="hint">Sent keeps the profile's data (messages, contacts, history) for its records; it is not erased.</p>
        </div>
        <label>
          Type the profile's name to confirm: <strong dir="auto">{p.profile.name}</strong>
          <input name="confirm_name" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} spellcheck={false}
            aria-invalid={!!error?.fields?.confirm_name} data-testid="delete-confirm-name" />
        </label>
        {error && <p role="alert" class="form-error"><ErrorNote error={error} /></p>}
        <div class="actions">
          <button type="button" onClick={p.onCancel} disabled={busy} autofocus>Cancel</button>
          <button type="submit" class="danger" disabled={busy || !matches} data-testid="delete-confirm">
            {busy ? "Deleting…" : "Delete profile"}
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function LeaveDialog(p: { name: string; onStay: () => void; onLeave: () => void; onDiscard: () => void }) {
  const ref = useModal();
  return (
    <dialog ref={ref} class="dialog" role="alertdialog" aria-labelledby="leave-title" aria-describedby="leave-body"
      onClose={p.onStay} data-testid="leave-dialog">
      <div>
        <h2 id="leave-title">Leave with unsaved changes?</h2>
        <p id="leave-body">Your changes to “{p.name}” are not saved at Sent. They stay here as a draft (without card details) and come back when you open the profile again.</p>
        <div class="actions">
          <button type="button" onClick={p.onDiscard} data-testid="leave-discard">Discard changes and leave</button>
          <button type="button" onClick={p.onLeave} data-testid="leave-keep">Keep the draft and leave</button>
          <button type="button" class="primary" onClick={p.onStay} autofocus>Stay</button>
        </div>
      </div>
    </dialog>
  );
}

/**
 * Submit for review, from the profile's own screen and for any profile: what review needs is read
 * from Sent first (`review_readiness`) and named, each gap with where it is fixed; only a profile
 * with none is offered the submission. A profile in review or approved says so instead.
 */
export function SubmitDialog(p: {
  workspace: Workspace; profile: ProfileDetail; onClose: () => void; onStatus: (row: ProfileRow) => void; onFix: (field: string) => void;
  /** The form has changes not saved at Sent: Sent would review the profile without them. */
  unsaved: boolean;
}) {
  const ref = useModal();
  const [readiness, setReadiness] = useState<ReviewReadiness | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const onStatus = useRef(p.onStatus);
  onStatus.current = p.onStatus;
  const load = () => {
    setError(null);
    setReadiness(null);
    call("review_readiness", { workspaceId: p.workspace.id, profileId: p.profile.id }).then(
      (r) => {
        setReadiness(r);
        onStatus.current(r.row);
      },
      (e) => setError(e as IpcError),
    );
  };
  useEffect(load, [p.workspace.id, p.profile.id]);
  const gaps = gapList(readiness?.missing);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="submit-title" onClose={p.onClose} data-testid="submit-dialog">
      <div>
        <h2 id="submit-title">Submit “{p.profile.name}” for review</h2>
        {!readiness && !error && <p role="status" class="hint">Checking with Sent what review needs…</p>}
        {error && (
          <div role="alert" class="app-error" data-testid="readiness-error">
            <ErrorNote error={error} />{" "}
            <button type="button" class="link" onClick={load}>Check again</button>
          </div>
        )}
        <div aria-live="polite">
        {readiness && <p data-testid="review-standing">{readiness.standing}</p>}
        {readiness?.can_submit && p.unsaved && (
          <p class="form-error" data-testid="review-unsaved">
            This profile has changes not saved at Sent, and Sent reviews the profile as saved. Close this, save (or discard) the changes, then submit.
          </p>
        )}
        {readiness?.can_submit && !p.unsaved && gaps.length > 0 && (
          <div data-testid="review-gaps">
            <h3>{gaps.length === 1 ? "One thing to fix before review" : `${gaps.length} things to fix before review`}</h3>
            <ul>
              {gaps.map((g) => (
                <li key={g.field} data-field={g.field}>
                  {g.message}{" "}
                  <button type="button" class="link" onClick={() => p.onFix(g.field)} aria-label={`Go to ${g.place}: ${g.message}`}>Go to {g.place}</button>
                </li>
              ))}
            </ul>
            <p class="hint">Save the fixes, then open this again: nothing was sent to Sent.</p>
          </div>
        )}
        </div>
        {readiness?.can_submit && !p.unsaved && gaps.length === 0 && (
          <>
            <p class="hint">Ready: Sent checks the profile (name, short name, description, brand, campaigns for a TCR application), connects its channels and sets its status.</p>
            <SubmitReview workspace={p.workspace} profileId={p.profile.id} local={readiness.local} onFix={p.onFix} />
          </>
        )}
        <div class="actions">
          <button type="button" onClick={p.onClose} autofocus data-testid="submit-close">Close</button>
        </div>
      </div>
    </dialog>
  );
}
