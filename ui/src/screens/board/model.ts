// The compliance board's view model: which window to ask for, which rows can be selected, where a
// row's next action opens, and the bulk submission's results in words. The rows and their words
// come from Rust (sent-views/src/board.rs); nothing here words a domain value.
import type { BoardRow } from "../../bindings/BoardRow";
import type { BoardWindow } from "../../bindings/BoardWindow";
import type { BulkSubmitResult } from "../../bindings/BulkSubmitResult";
import type { NextKind } from "../../bindings/NextKind";

/** Rows asked for above and below the ones in view. */
export const OVERSCAN_ROWS = 30;
/** Rows asked for when the board opens or its filter changes. */
export const FIRST_WINDOW = 60;
/** The most profiles one bulk submission takes (as Rust's `MAX_BULK_SUBMIT`). */
export const MAX_SELECTED = 200;

export type BoardFilter = { search: string; next: NextKind | null; all: boolean };

export const DEFAULT_FILTER: BoardFilter = { search: "", next: null, all: false };

/** A row's identity across workspaces. */
export function rowKey(row: Pick<BoardRow, "workspace_id" | "id">): string {
  return `${row.workspace_id} ${row.id}`;
}

/** The row at a position among the matches, when the window holds it. */
export function boardRowAt(window: BoardWindow | null, index: number): BoardRow | null {
  if (!window || index < window.offset) return null;
  return window.rows[index - window.offset] ?? null;
}

/** The window to ask for when rows `first`..`last` are in view, or null when `held` covers them. */
export function boardWindowFor(held: BoardWindow | null, first: number, last: number): { offset: number; limit: number } | null {
  const matched = held?.matched ?? 0;
  if (matched === 0 || last < first) return null;
  const end = Math.min(last, matched - 1);
  if (held && first >= held.offset && end < held.offset + held.rows.length) return null;
  const offset = Math.max(0, first - OVERSCAN_ROWS);
  return { offset, limit: end - offset + 1 + OVERSCAN_ROWS };
}

/** Only a profile that is ready for review can be picked for a submission. */
export function selectable(row: BoardRow): boolean {
  return row.next.kind === "ready";
}

/** Where a row's next action is done: the profile screen, at the field or with the submit dialog. */
export function actionHref(row: BoardRow): string | null {
  const base = `/profiles/${encodeURIComponent(row.workspace_id)}/${encodeURIComponent(row.id)}`;
  if (row.next.target === "submit") return `${base}?go=submit`;
  if (row.next.field) return `${base}?go=${encodeURIComponent(row.next.field)}`;
  return null;
}

/** The submit button's words for a selection. */
export function submitWords(count: number, busy: boolean): string {
  if (busy) return count === 1 ? "Submitting 1 profile…" : `Submitting ${count} profiles…`;
  if (count === 0) return "Submit for review";
  return count === 1 ? "Submit 1 profile for review" : `Submit ${count} profiles for review`;
}

/** A line per profile of a bulk submission, with what review still needs for a refused one. */
export function resultLines(results: readonly BulkSubmitResult[]): { key: string; name: string; ok: boolean; text: string; href: string }[] {
  return results.map((r) => {
    const needs = Object.values(r.error?.fields ?? {}).flatMap((m) => m ?? []);
    const text = needs.length > 0 ? `${r.message} ${needs.join(" ")}` : r.message;
    return {
      key: `${r.workspace_id} ${r.profile_id}`,
      name: r.name,
      ok: r.ok,
      text: r.request_id && !r.ok ? `${text} (request ${r.request_id})` : text,
      href: `/profiles/${encodeURIComponent(r.workspace_id)}/${encodeURIComponent(r.profile_id)}${r.ok ? "" : "?go=submit"}`,
    };
  });
}

/** "3 of 5 submitted; 2 need attention". */
export function resultSummary(results: readonly BulkSubmitResult[]): string {
  const ok = results.filter((r) => r.ok).length;
  const failed = results.length - ok;
  const sent = `${ok} of ${results.length} submitted`;
  return failed === 0 ? `${sent}. Their status updates here by itself.` : `${sent}; ${failed} not submitted: see why below, fix and submit again.`;
}
