import { describe, expect, it } from "vitest";
import type { BatchCounts } from "../../bindings/BatchCounts";
import type { BatchRowView } from "../../bindings/BatchRowView";
import { countsLine, duration, mergeRows, problemsOf, progressLine, runLabel } from "./model";

const counts = (c: Partial<BatchCounts>): BatchCounts => ({
  total: 0, ready: 0, problems: 0, created: 0, refused: 0, unknown: 0, sending: 0, skipped: 0, ...c,
});

const row = (row_no: number, more: Partial<BatchRowView> = {}): BatchRowView => ({
  row_no, state: "ready", state_label: "Ready", cells: [], problems: [], profile_id: null, message: null, dry_run: null, ...more,
});

describe("import words", () => {
  it("counts only what is there", () => {
    expect(countsLine(counts({ total: 60, ready: 54, problems: 6 }))).toBe("60 rows: 54 ready, 6 with problems");
    expect(countsLine(counts({ total: 1, created: 1 }))).toBe("1 row: 1 created");
  });

  it("says how far a run is, how fast, and what is left", () => {
    const line = progressLine({
      batch_id: "b", workspace_id: "w", dry_run: false, state: "running", done: 23, total: 55,
      rate_per_minute: 12.5, seconds_left: 150, slowed: 2, counts: counts({}), rows: [],
    });
    expect(line).toBe("23 of 55 sent · 12.5 a minute · about 3 min left · Sent asked to slow down 2 times");
    expect(duration(30)).toBe("30 s");
    expect(duration(3900)).toBe("1 h 5 min");
  });

  it("puts each problem on its cell and keeps rows in place when some change", () => {
    const r = row(2, { problems: [{ column: "name", message: "Also on row 6" }, { column: null, message: "Whole row" }] });
    expect(problemsOf(r, "name")).toEqual(["Also on row 6"]);
    expect(problemsOf(r, null)).toEqual(["Whole row"]);
    const merged = mergeRows([row(2), row(3)], [row(3, { state: "created" })]);
    expect(merged.map((m) => m.state)).toEqual(["ready", "created"]);
  });

  it("names the run by what it does", () => {
    expect(runLabel(counts({ ready: 55 }))).toBe("Create 55 profiles");
    expect(runLabel(counts({ unknown: 2 }))).toBe("Send 2 rows again (same keys, never twice)");
  });
});
