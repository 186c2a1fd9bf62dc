import { describe, expect, it } from "vitest";
import type { ListWindow } from "../../bindings/ListWindow";
import { row } from "../../test/fixtures";
import { moveActive, OVERSCAN_ROWS, rowAt, updatedAgo, windowFor } from "./model";

function held(offset: number, count: number): ListWindow {
  return {
    workspace_id: "ws", generation: 1, total: 1000, matched: 1000, offset,
    rows: Array.from({ length: count }, (_, i) => row({ id: `p${offset + i}`, name: `Profile ${offset + i}` })),
    statuses: [], billing_models: [], focus_index: null, fetched_at: null, complete: true,
  };
}

describe("the window the list asks for", () => {
  it("reads a row by its position among the matches, when held", () => {
    const w = held(100, 10);
    expect(rowAt(w, 100)?.id).toBe("p100");
    expect(rowAt(w, 109)?.id).toBe("p109");
    expect(rowAt(w, 99)).toBe(null);
    expect(rowAt(w, 110)).toBe(null);
    expect(rowAt(null, 0)).toBe(null);
  });

  it("asks only when the rows in view are not all held, with overscan on both sides", () => {
    expect(windowFor(held(0, 60), 0, 20, 1000)).toBe(null);
    expect(windowFor(held(0, 60), 50, 70, 1000)).toEqual({ offset: 50 - OVERSCAN_ROWS, limit: 70 - (50 - OVERSCAN_ROWS) + 1 + OVERSCAN_ROWS });
    expect(windowFor(held(0, 60), 5, 20, 1000)).toBe(null);
    expect(windowFor(null, 0, 20, 1000)).toEqual({ offset: 0, limit: 21 + OVERSCAN_ROWS });
    // Never past the last match, never for an empty list.
    expect(windowFor(held(0, 10), 0, 30, 10)).toBe(null);
    expect(windowFor(null, 0, 30, 0)).toBe(null);
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
