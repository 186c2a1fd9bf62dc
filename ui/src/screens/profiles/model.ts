// The profile list's view model: the query the screen keeps (Rust answers it, see
// sent-views/src/list.rs), the window it asks for, and how the keys move. Pure functions.
import type { ListWindow } from "../../bindings/ListWindow";
import type { ProfileRow } from "../../bindings/ProfileRow";
import type { SortDirection } from "../../bindings/SortDirection";
import type { SortKey } from "../../bindings/SortKey";
import { DEFAULT_QUERY, type ListFilter } from "../../data/profiles";

export type { SortDirection, SortKey };

/** The query the screen keeps: search, filters ("" = every value) and order. */
export type ListQuery = ListFilter;

export { DEFAULT_QUERY };

/** Rows asked for above and below the ones in view. */
export const OVERSCAN_ROWS = 40;

/** The row at a position among the matches, when the window holds it. */
export function rowAt(window: ListWindow | null, index: number): ProfileRow | null {
  if (!window || index < window.offset) return null;
  return window.rows[index - window.offset] ?? null;
}

/**
 * The window to ask for when rows `first`..`last` are in view, or null when `held` already covers
 * them (or there is nothing to show).
 */
export function windowFor(held: ListWindow | null, first: number, last: number, matched: number): { offset: number; limit: number } | null {
  if (matched === 0 || last < first) return null;
  const end = Math.min(last, matched - 1);
  if (held && first >= held.offset && end < held.offset + held.rows.length) return null;
  const offset = Math.max(0, first - OVERSCAN_ROWS);
  return { offset, limit: end - offset + 1 + OVERSCAN_ROWS };
}

/** The index the active row moves to for a key, or null when the key is not a move. */
export function moveActive(key: string, active: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowDown":
      return Math.min(count - 1, active + 1);
    case "ArrowUp":
      return Math.max(0, active - 1);
    case "PageDown":
      return Math.min(count - 1, active + pageRows);
    case "PageUp":
      return Math.max(0, active - pageRows);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/** "updated just now", "updated 5 minutes ago", ... */
export function updatedAgo(fetchedAt: number | null, now: number): string {
  if (fetchedAt === null) return "never updated from Sent";
  const minutes = Math.floor((now - fetchedAt) / 60000);
  if (minutes < 1) return "updated just now";
  if (minutes === 1) return "updated 1 minute ago";
  if (minutes < 60) return `updated ${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? "updated 1 hour ago" : `updated ${hours} hours ago`;
  return `updated on ${new Date(fetchedAt).toLocaleDateString()}`;
}
