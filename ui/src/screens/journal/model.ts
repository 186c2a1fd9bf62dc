// The journal screen's view model: the filters over rows Rust already worded. Pure functions, so
// they are unit-tested. The screen reads every entry once (at most 10,000, newest first) and filters
// here, so the profile filter can offer every profile the journal names; the export sends the same
// filters to Rust.
import type { FieldChange } from "../../bindings/FieldChange";
import type { JournalOutcome } from "../../bindings/JournalOutcome";
import type { EntryOutcome } from "../../bindings/EntryOutcome";
import type { JournalRow } from "../../bindings/JournalRow";
import { grouped } from "../../lib/numbers";

export type JournalFilter = {
  /** "" = every profile. */
  profileId: string;
  /** "" = every outcome. */
  outcome: JournalOutcome | "";
};

export const ALL: JournalFilter = { profileId: "", outcome: "" };

/** The outcome filter's choices; the values are `JournalOutcome`, which Rust matches the same way. */
export const OUTCOME_OPTIONS: { value: JournalOutcome | ""; label: string }[] = [
  { value: "", label: "All outcomes" },
  { value: "ok", label: "Saved" },
  { value: "dry_run", label: "Dry run" },
  { value: "error", label: "Failed" },
  { value: "unknown", label: "Outcome unknown" },
];

/** The entry outcome each filter choice shows (Rust's `journal_entries` filters the same way). */
const KIND_OF: Record<JournalOutcome, EntryOutcome["kind"]> = {
  ok: "ok",
  dry_run: "dry_run",
  error: "failed",
  unknown: "unknown",
};

/** Whether an entry's outcome is the filter's. */
export function outcomeMatches(outcome: EntryOutcome, wanted: JournalOutcome | ""): boolean {
  return wanted === "" || outcome.kind === KIND_OF[wanted];
}

export function filterRows(rows: JournalRow[], filter: JournalFilter): JournalRow[] {
  if (filter.profileId === "" && filter.outcome === "") return rows;
  return rows.filter(
    (row) =>
      (filter.profileId === "" || row.profile_id === filter.profileId) && outcomeMatches(row.outcome, filter.outcome),
  );
}

// Made when first used, not when the journal's code loads (it loads with every screen once the
// list has painted): each loads a part of WebKit's ICU data into its process.
let collator: Intl.Collator | undefined;
let timeFormat: Intl.DateTimeFormat | undefined;

/**
 * One choice per profile the journal names, by its latest name (rows come newest first), in name
 * order; two profiles with the same name are told apart by the end of their id.
 */
export function profileOptions(rows: JournalRow[]): { value: string; label: string }[] {
  const names = new Map<string, string>();
  for (const row of rows) {
    if (row.profile_id !== null && !names.has(row.profile_id)) names.set(row.profile_id, row.profile_name);
  }
  const counts = new Map<string, number>();
  for (const name of names.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...names]
    .map(([value, name]) => ({
      value,
      label: (counts.get(name) ?? 0) > 1 ? `${name} (…${value.slice(-6)})` : name,
    }))
    .sort((a, b) => byName().compare(a.label, b.label) || a.value.localeCompare(b.value));
}

/** "Business · Legal name: Acme LLC → Acme Holdings LLC". */
export function changeLine(change: FieldChange): string {
  return `${change.label}: ${change.old} → ${change.new}`;
}

/** When an entry was made, in the user's locale and time zone. */
export function entryTime(at: number): string {
  timeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
  return timeFormat.format(new Date(at));
}

function byName(): Intl.Collator {
  collator ??= new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
  return collator;
}

/** "Saved 1 row to …" / "Saved 12 rows to …". */
export function exportSummary(rows: number, path: string): string {
  return `Saved ${grouped(rows)} ${rows === 1 ? "row" : "rows"} to ${path}`;
}
