// The profile screen's view model: which draft the screen edits when the cached and the fresh
// profile arrive, whether there is anything unsaved, what "Review and save" does, the key a save
// carries and what a failed save keeps. Pure functions; the screen keeps the state.
import type { FieldChange } from "../../bindings/FieldChange";
import type { IpcError } from "../../bindings/IpcError";
import type { ProfileDetailView } from "../../bindings/ProfileDetailView";
import type { SaveOutcome } from "../../bindings/SaveOutcome";
import type { Card, Draft } from "../../components/form/form";
import { billsProfile, cardIsEmpty, isRetryable, sameDraft } from "../../components/form/form";

/**
 * The draft to edit after a read of the profile (`previous` is the profile the screen showed
 * before it). What is being typed, or a kept draft already restored, is never replaced: the
 * current draft stays when it differs from the profile it was made from. Otherwise a draft kept in
 * the local database wins (and says since when), else the profile as read: a fresh read that
 * differs from a stale cache replaces the untouched form instead of showing as unsaved changes.
 */
export function draftAfterRead(current: Draft | null, previous: Draft | null, view: ProfileDetailView): { draft: Draft; restoredAt: number | null } {
  if (current && previous && !sameDraft(current, previous)) return { draft: current, restoredAt: null };
  if (view.draft) return { draft: view.draft, restoredAt: view.draft_saved_at };
  return { draft: view.profile, restoredAt: null };
}

/** Whether the screen holds something unsaved: a changed field, or a card typed in. */
export function isDirty(draft: Draft | null, profile: Draft | null, card: Card): boolean {
  return !!draft && !!profile && (!sameDraft(draft, profile) || !cardIsEmpty(card));
}

/** What "Review and save…" (the button and Ctrl/⌘+S) does now. */
export type ReviewStep = "show-problems" | "nothing-to-save" | "review";

export function reviewStep(problems: number, dirty: boolean, changes: readonly FieldChange[]): ReviewStep {
  if (problems > 0) return "show-problems";
  if (!dirty || changes.length === 0) return "nothing-to-save";
  return "review";
}

/**
 * What identifies one logical save for its Idempotency-Key: the draft and whether a card goes with
 * it (never the card itself). The same save retried after an ambiguous failure carries the same key.
 */
export function saveFingerprint(draft: Draft, card: Card): string {
  return JSON.stringify({ draft, card: !cardIsEmpty(card) });
}

/** A failed save: the review closes when its messages belong on fields (so they can be fixed there). */
export function closesReview(error: IpcError): boolean {
  return !!error.fields && Object.keys(error.fields).length > 0;
}

/** Notes beside the fields Sent saved differently from what was typed. */
export function differenceNotes(outcome: SaveOutcome | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of outcome?.differences ?? []) out[d.path] = `Sent kept “${d.new}” (you set “${d.old}”).`;
  return out;
}

/** Whether any field under these sections has a message (for the section's invalid mark). */
export function sectionInvalid(errors: Record<string, unknown>, prefixes: readonly string[]): boolean {
  return Object.keys(errors).some((p) => prefixes.some((x) => p === x || p.startsWith(`${x}.`)));
}

/** Whether the billing model bills the profile (then the contact and the card are shown). */
export { billsProfile };

/**
 * The review's Save button: after a failure that may have reached Sent the only way on is the
 * same request again (its key is kept), and the button says so.
 */
export function saveLabel(busy: boolean, error: IpcError | null): string {
  if (busy) return "Saving…";
  if (error?.outcome === "unknown") return "Try again (same request, never twice)";
  if (error && isRetryable(error)) return "Try again";
  return "Save";
}
