// The profile list's view model: search, filters and sort over rows Rust already resolved and
// worded. Pure functions, so they are unit-tested and fast enough for 10,000 rows per keystroke
// (each row's search text is lower-cased once, not per keystroke).
import type { ProfileRow } from "../../bindings/ProfileRow";

export type SortKey = "name" | "status" | "created";
export type SortDirection = "asc" | "desc";

export type ListQuery = {
  search: string;
  status: string; // "" = every status
  billing: string; // "" = every billing model
  sort: SortKey;
  direction: SortDirection;
};

export const DEFAULT_QUERY: ListQuery = { search: "", status: "", billing: "", sort: "name", direction: "asc" };

/** A row with what searching and sorting need, computed once per list. */
export type IndexedRow = { row: ProfileRow; text: string; nameKey: string };

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

export function indexRows(rows: ProfileRow[]): IndexedRow[] {
  return rows.map((row) => ({
    row,
    text: `${row.name}\u0000${row.short_name ?? ""}\u0000${row.id}`.toLocaleLowerCase(),
    nameKey: row.name,
  }));
}

/** Rows matching the query, in its order. */
export function applyQuery(rows: IndexedRow[], query: ListQuery): ProfileRow[] {
  return filterRows(sortRows(rows, query), query);
}

/**
 * Rows matching the search and filters, keeping the order of `sorted`. This is what runs per
 * keystroke: one pass, no sorting (the list sorts once per sort order, see `sortRows`).
 */
export function filterRows(sorted: IndexedRow[], query: ListQuery): ProfileRow[] {
  const needle = query.search.trim().toLocaleLowerCase();
  const out: ProfileRow[] = [];
  for (const r of sorted) {
    if (
      (needle === "" || r.text.includes(needle)) &&
      (query.status === "" || r.row.status === query.status) &&
      (query.billing === "" || r.row.billing_model === query.billing)
    ) {
      out.push(r.row);
    }
  }
  return out;
}

/** Every row in the query's order (a new array; the input is not changed). */
export function sortRows(rows: IndexedRow[], query: Pick<ListQuery, "sort" | "direction">): IndexedRow[] {
  const matched = [...rows];
  const sign = query.direction === "asc" ? 1 : -1;
  const byName = (a: IndexedRow, b: IndexedRow) => collator.compare(a.nameKey, b.nameKey) || a.row.id.localeCompare(b.row.id);
  const compare: (a: IndexedRow, b: IndexedRow) => number =
    query.sort === "name"
      ? byName
      : query.sort === "status"
        ? (a, b) => collator.compare(a.row.status_label, b.row.status_label) || byName(a, b)
        : // Profiles the server gave no creation time sort last either way.
          (a, b) => compareOptional(a.row.created_at, b.row.created_at, sign) || byName(a, b) * sign;
  return matched.sort((a, b) => (query.sort === "created" ? compare(a, b) : sign * compare(a, b)));
}

function compareOptional(a: string | null, b: string | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * (Date.parse(a) - Date.parse(b) || a.localeCompare(b));
}

/** Counts per value, for the filter options ("Approved (12)"). */
export function countBy(rows: ProfileRow[], key: "status" | "billing_model"): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row[key], (counts.get(row[key]) ?? 0) + 1);
  return counts;
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
