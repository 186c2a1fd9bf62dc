// Submitting a profile for review, shared by the wizard (right after Create) and the profile
// screen: the address Sent reports to (asked only for a server elsewhere: production Sent is never
// told to call this computer), one Idempotency-Key per submission (reused when the outcome is
// unknown), Sent's answer, then the status pushed by the backend as it moves (`profile_status`)
// and the completion callback when Sent reports to the app's own receiver. The screen around it
// follows the profile's badge itself.
import { useEffect, useState } from "preact/hooks";
import type { CompletionReceived } from "../../bindings/CompletionReceived";
import type { IpcError } from "../../bindings/IpcError";
import type { Workspace } from "../../bindings/Workspace";
import { call, on } from "../../ipc";
import { ErrorNote } from "../ErrorNote";
import { TextField } from "../form/fields";
import { SaveKeys } from "../form/form";
import type { SubmitLine } from "./model";
import { gapList, submitLabel, submitted as wasSubmitted } from "./model";
import styles from "./SubmitReview.module.css";

// What this app run submitted, per profile: the key of a submission whose outcome is not known yet
// and the status lines, followed by one listener for the whole app. Kept outside the component, so
// closing the dialog and opening it again (or leaving the screen) neither forgets a key to reuse,
// nor misses a status that moved meanwhile, nor offers a second submission while Sent is still
// processing the first.
type Run = { keys: SaveKeys; lines: SubmitLine[]; watchers: Set<(lines: SubmitLine[]) => void> };
const runs = new Map<string, Run>();
let listening = false;

function push(id: string, line: SubmitLine) {
  const run = runs.get(id);
  // Only a submission made in this app run has lines to follow.
  if (!run || run.lines.length === 0) return;
  run.lines = [...run.lines, line];
  run.watchers.forEach((watch) => watch(run.lines));
}

function runOf(workspace: string, profile: string): Run {
  if (!listening) {
    listening = true;
    void on("profile_status", (u) => push(`${u.workspace_id} ${u.profile_id}`, { message: u.message, tone: u.row.status_tone }));
    void on("completion_callback", (c: CompletionReceived) => {
      for (const id of runs.keys()) {
        if (id.endsWith(` ${c.callback.profileId}`)) push(id, { message: `Callback received: ${c.message}`, tone: c.callback.success ? "success" : "danger" });
      }
    });
  }
  const id = `${workspace} ${profile}`;
  let run = runs.get(id);
  if (!run) {
    run = { keys: new SaveKeys(), lines: [], watchers: new Set() };
    runs.set(id, run);
  }
  return run;
}

/**
 * The key of a submission of this profile (the board's bulk submission shares the profile's run, so a
 * retry from either place reuses the key of a submission whose outcome is not known).
 */
export function submissionKey(workspaceId: string, profileId: string, webHookUrl: string | null): string {
  return runOf(workspaceId, profileId).keys.take(`${profileId} ${webHookUrl ?? ""}`, false);
}

/** A submission's answer, wherever it was made: the key is kept only when Sent may have it. */
export function submissionSettled(workspaceId: string, profileId: string, error: IpcError | null, message: string | null): void {
  const run = runOf(workspaceId, profileId);
  run.keys.settle(error);
  if (!error && message) {
    run.lines = [{ message, tone: "progress" }];
    run.watchers.forEach((watch) => watch(run.lines));
  }
}

export function SubmitReview(p: {
  workspace: Workspace;
  profileId: string;
  /** Sent reports to this app's receiver (a server on this computer). */
  local: boolean;
  /** Sent took the submission. */
  onSubmitted?: () => void;
  /** A gap Sent's check named: where to fix it (default: a link to the profile). */
  onFix?: (field: string) => void;
}) {
  const run = runOf(p.workspace.id, p.profileId);
  const [lines, setLines] = useState<SubmitLine[]>(run.lines);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [hookUrl, setHookUrl] = useState("");
  const keys = run.keys;

  useEffect(() => {
    setLines(run.lines);
    run.watchers.add(setLines);
    return () => void run.watchers.delete(setLines);
  }, [run]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const webHookUrl = hookUrl.trim() || null;
      const idempotencyKey = keys.take(`${p.profileId} ${webHookUrl ?? ""}`, false);
      const result = await call("submit_profile", { workspaceId: p.workspace.id, profileId: p.profileId, webHookUrl, idempotencyKey });
      keys.settle(null);
      run.lines = [{ message: result.message + (result.request_id ? ` (request ${result.request_id})` : ""), tone: "progress" }];
      setLines(run.lines);
      p.onSubmitted?.();
    } catch (e) {
      keys.settle(e as IpcError);
      setError(e as IpcError);
    } finally {
      setBusy(false);
    }
  };

  // Once Sent took the submission, submitting again is offered only after a rejection.
  const done = wasSubmitted(lines, error);
  const profileHref = `/profiles/${encodeURIComponent(p.workspace.id)}/${encodeURIComponent(p.profileId)}`;
  const gaps = gapList(error?.fields).filter((g) => g.field !== "webHookUrl");
  return (
    <div class={styles.submit} data-testid="submit-review-panel">
      {p.local ? (
        <p class="hint">Sent reports the result to this app directly (a receiver on this computer).</p>
      ) : (
        <TextField path="webHookUrl" label="Where Sent reports the result (https address your agency owns)" value={hookUrl} onInput={setHookUrl}
          errors={error?.fields ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, v ?? []])) : {}} inputMode="url" />
      )}
      {error && (
        <div role="alert" class="app-error" data-testid="submit-error">
          <ErrorNote error={error} />
          {gaps.length > 0 && (
            <ul>
              {/* The address's message is on its field; the profile's own gaps say where they are fixed. */}
              {gaps.map((g) => (
                <li key={g.field}>
                  {g.message}{" "}
                  {p.onFix ? (
                    <button type="button" class="link" onClick={() => p.onFix?.(g.field)}>Go to {g.place}</button>
                  ) : (
                    <a href={profileHref}>Fix it on the profile</a>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div class="actions" style="justify-content: flex-start">
        <button type="button" class="primary" onClick={() => void submit()} disabled={busy || done} data-testid="submit-review">
          {submitLabel(busy, done, error)}
        </button>
      </div>
      {lines.length > 0 && (
        <ol class={styles.status} aria-live="polite" data-testid="submit-status">
          {lines.map((s, i) => <li key={i} class={`tone-${s.tone}`}>{s.message}</li>)}
        </ol>
      )}
    </div>
  );
}
