import { describe, expect, it } from "vitest";
import { row } from "../../test/fixtures";
import { applyQuery, DEFAULT_QUERY, indexRows, moveActive, updatedAgo } from "./model";

const rows = indexRows([
  row({ id: "a1", name: "Zeta Clinic", short_name: "ZETA", status: "pending_review", status_label: "Pending review", created_at: "2026-03-01T00:00:00+00:00" }),
  row({ id: "b2", name: "acme dental", short_name: "ACME", billing_model: "profile", created_at: "2026-01-01T00:00:00+00:00" }),
  row({ id: "c3", name: "مطعم البحر", status: "rejected", status_label: "Rejected", created_at: null }),
  row({ id: "d4", name: "Bakery 🥐", short_name: "BAKE", created_at: "2026-02-01T00:00:00+00:00" }),
]);
const ids = (q: Partial<typeof DEFAULT_QUERY>) => applyQuery(rows, { ...DEFAULT_QUERY, ...q }).map((r) => r.id);

describe("the profile list's query", () => {
  it("searches name, short name and id, case-insensitively", () => {
    expect(ids({ search: "ACME" })).toEqual(["b2"]);
    expect(ids({ search: "zeta" })).toEqual(["a1"]);
    expect(ids({ search: "c3" })).toEqual(["c3"]);
    expect(ids({ search: "البحر" })).toEqual(["c3"]);
    expect(ids({ search: "🥐" })).toEqual(["d4"]);
    expect(ids({ search: "  bake " })).toEqual(["d4"]);
    expect(ids({ search: "nothing like it" })).toEqual([]);
  });

  it("filters by status and billing model", () => {
    expect(ids({ status: "rejected" })).toEqual(["c3"]);
    expect(ids({ billing: "profile" })).toEqual(["b2"]);
    expect(ids({ status: "approved", billing: "organization" })).toEqual(["d4"]);
  });

  it("sorts by name, status and creation date, unknown dates last", () => {
    expect(ids({})).toEqual(["b2", "d4", "a1", "c3"]);
    expect(ids({ direction: "desc" })).toEqual(["c3", "a1", "d4", "b2"]);
    expect(ids({ sort: "created", direction: "desc" })).toEqual(["a1", "d4", "b2", "c3"]);
    expect(ids({ sort: "created", direction: "asc" })).toEqual(["b2", "d4", "a1", "c3"]);
    expect(ids({ sort: "status" })[0]).toBe("b2");
  });

  it("filters 10,000 rows", () => {
    const many = indexRows(Array.from({ length: 10000 }, (_, i) => row({ id: `id${i}`, name: `Profile ${i}` })));
    expect(applyQuery(many, { ...DEFAULT_QUERY, search: "profile 999" }).map((r) => r.id).sort()).toEqual(
      ["id999", "id9990", "id9991", "id9992", "id9993", "id9994", "id9995", "id9996", "id9997", "id9998", "id9999"].sort());
  });
});

describe("keyboard moves", () => {
  it("clamps at both ends and pages", () => {
    expect(moveActive("ArrowDown", 0, 3, 10)).toBe(1);
    expect(moveActive("ArrowDown", 2, 3, 10)).toBe(2);
    expect(moveActive("ArrowUp", 0, 3, 10)).toBe(0);
    expect(moveActive("PageDown", 0, 100, 10)).toBe(10);
    expect(moveActive("End", 0, 100, 10)).toBe(99);
    expect(moveActive("Home", 50, 100, 10)).toBe(0);
    expect(moveActive("a", 0, 3, 10)).toBe(null);
    expect(moveActive("ArrowDown", 0, 0, 10)).toBe(null);
  });

  it("says how old the list is", () => {
    const now = Date.UTC(2026, 10, 30, 12);
    expect(updatedAgo(null, now)).toBe("never updated from Sent");
    expect(updatedAgo(now - 20000, now)).toBe("updated just now");
    expect(updatedAgo(now - 5 * 60000, now)).toBe("updated 5 minutes ago");
    expect(updatedAgo(now - 2 * 3600000, now)).toBe("updated 2 hours ago");
  });
});
