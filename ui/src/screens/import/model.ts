// The words of the import screen, as pure functions (tested in model.test.ts).
import type { BatchCounts } from "../../bindings/BatchCounts";
import type { BatchFilter } from "../../bindings/BatchFilter";
import type { BatchProgress } from "../../bindings/BatchProgress";
import type { BatchRowView } from "../../bindings/BatchRowView";
import { grouped } from "../../lib/numbers";

export const FILTERS: { value: BatchFilter; label: string; count: (c: BatchCounts) => number }[] = [
  { value: "all", label: "All rows", count: (c) => c.total },
  { value: "problems", label: "With problems", count: (c) => c.problems },
  { value: "ready", label: "Ready", count: (c) => c.ready },
  { value: "created", label: "Created", count: (c) => c.created },
  { value: "refused", label: "Refused", count: (c) => c.refused },
  { value: "unknown", label: "Outcome unknown", count: (c) => c.unknown + c.sending },
];

function n(value: number, one: string, many: string): string {
  return `${grouped(value)} ${value === 1 ? one : many}`;
}

/** "60 rows: 54 ready, 6 with problems" (only the parts that are not zero). */
export function countsLine(c: BatchCounts): string {
  const parts = [
    c.ready && `${grouped(c.ready)} ready`,
    c.problems && `${grouped(c.problems)} with problems`,
    c.created && `${grouped(c.created)} created`,
    c.refused && `${grouped(c.refused)} refused`,
    c.unknown + c.sending && `${grouped(c.unknown + c.sending)} outcome unknown`,
  ].filter(Boolean);
  return `${n(c.total, "row", "rows")}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

/** "23 of 55 · 12.5 a minute · about 2 min left" for a run in flight. */
export function progressLine(p: BatchProgress): string {
  const what = p.dry_run ? "checked by Sent" : "sent";
  const parts = [`${grouped(p.done)} of ${grouped(p.total)} ${what}`];
  if (p.rate_per_minute > 0) parts.push(`${grouped(p.rate_per_minute)} a minute`);
  if (p.seconds_left !== null && p.done < p.total) parts.push(`about ${duration(p.seconds_left)} left`);
  if (p.state === "paused") parts.push("paused");
  if (p.slowed > 0) parts.push(`Sent asked to slow down ${n(p.slowed, "time", "times")}`);
  return parts.join(" · ");
}

export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The tone of a row's state (the badge's colour; the words say it too). */
export function stateTone(state: BatchRowView["state"]): "success" | "danger" | "warning" | "neutral" {
  switch (state) {
    case "created":
      return "success";
    case "problems":
    case "refused":
      return "danger";
    case "unknown":
    case "sending":
      return "warning";
    default:
      return "neutral";
  }
}

/** The row's messages for one cell (`column`), or for the row as a whole (`null`). */
export function problemsOf(row: BatchRowView, column: string | null): string[] {
  return row.problems.filter((p) => p.column === column).map((p) => p.message);
}

/** Replaces the rows a progress event (or an edit) changed, by row number. */
export function mergeRows(rows: BatchRowView[], changed: BatchRowView[]): BatchRowView[] {
  if (changed.length === 0) return rows;
  const byNo = new Map(changed.map((r) => [r.row_no, r]));
  return rows.map((r) => byNo.get(r.row_no) ?? r);
}

/** The run button's words. */
export function runLabel(c: BatchCounts): string {
  const left = c.ready + c.unknown + c.sending;
  if (c.unknown + c.sending > 0 && c.ready === 0) return `Send ${n(left, "row", "rows")} again (same keys, never twice)`;
  return `Create ${n(left, "profile", "profiles")}`;
}
