import { describe, expect, it } from "vitest";
import type { JournalRow } from "../../bindings/JournalRow";
import { entry } from "../../test/journal";
import { ALL, changeLine, exportSummary, filterRows, outcomeMatches, profileOptions } from "./model";

const rows = [
  entry({ id: 1, profile_id: "p-acme-000001", profile_name: "Acme Dental", outcome: { kind: "failed", code: "VALIDATION_001" } }),
  entry({ id: 2, outcome: { kind: "dry_run" } }),
  entry({ id: 3, profile_name: "Bella (old name)" }),
  entry({ id: 4, profile_id: "p-acme-000002", profile_name: "Acme Dental", outcome: { kind: "failed", code: "network" } }),
  entry({ id: 5, profile_id: null, profile_name: "No profile", action: "campaign.update" }),
];
const ids = (r: JournalRow[]) => r.map((x) => x.id);

describe("the journal's filters", () => {
  it("match outcomes by value, and every error code for Failed", () => {
    expect(outcomeMatches({ kind: "failed", code: "VALIDATION_001" }, "error")).toBe(true);
    expect(outcomeMatches({ kind: "unknown", code: "timeout" }, "error")).toBe(false);
    expect(outcomeMatches({ kind: "unknown", code: "timeout" }, "unknown")).toBe(true);
    expect(outcomeMatches({ kind: "ok" }, "ok")).toBe(true);
    expect(outcomeMatches({ kind: "other", stored: "okay" }, "ok")).toBe(false);
    expect(outcomeMatches({ kind: "dry_run" }, "")).toBe(true);
  });

  it("filter by profile and outcome together, keeping the order", () => {
    expect(filterRows(rows, ALL)).toBe(rows);
    expect(ids(filterRows(rows, { profileId: "", outcome: "error" }))).toEqual([1, 4]);
    expect(ids(filterRows(rows, { profileId: "p-bella", outcome: "" }))).toEqual([2, 3]);
    expect(ids(filterRows(rows, { profileId: "p-bella", outcome: "ok" }))).toEqual([3]);
    expect(ids(filterRows(rows, { profileId: "p-bella", outcome: "error" }))).toEqual([]);
    expect(ids(filterRows(rows, { profileId: "", outcome: "ok" }))).toEqual([3, 5]);
  });

  it("offer each profile once, by its latest name, telling equal names apart", () => {
    expect(profileOptions(rows)).toEqual([
      { value: "p-acme-000001", label: "Acme Dental (…000001)" },
      { value: "p-acme-000002", label: "Acme Dental (…000002)" },
      { value: "p-bella", label: "Bella Salon" },
    ]);
    expect(profileOptions([])).toEqual([]);
  });
});

describe("the journal's words", () => {
  it("show a change as label: old → new", () => {
    expect(changeLine({ path: "name", label: "Name", old: "Bella", new: "Bella Salon" })).toBe("Name: Bella → Bella Salon");
  });

  it("say how many rows an export saved and where", () => {
    expect(exportSummary(1, "/home/a/Downloads/x.csv")).toBe("Saved 1 row to /home/a/Downloads/x.csv");
    expect(exportSummary(12345, "/tmp/x.csv")).toBe("Saved 12,345 rows to /tmp/x.csv");
  });
});
