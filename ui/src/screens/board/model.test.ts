import { describe, expect, it } from "vitest";
import type { BoardRow } from "../../bindings/BoardRow";
import type { BoardWindow } from "../../bindings/BoardWindow";
import type { BulkSubmitResult } from "../../bindings/BulkSubmitResult";
import { actionHref, boardRowAt, boardWindowFor, resultLines, resultSummary, selectable, submitWords } from "./model";

function row(kind: BoardRow["next"]["kind"], target: BoardRow["next"]["target"], field: string | null = null): BoardRow {
  return {
    workspace_id: "w 1", workspace_name: "Acme", local: true, id: "p/1", name: "Tenant Co", short_name: null, status: "incomplete",
    status_label: "Incomplete", status_tone: "attention", brand: { source: "own", label: "Own brand", hint: null },
    brand_detail: "Not submitted to TCR", campaigns: "1 campaign, 0 active", whatsapp: { source: "none", label: "No WhatsApp account", hint: null },
    billing: "Organization pays", next: { kind, kind_label: kind, tone: "progress", words: "Ready: submit for review", target, field },
    freshness: "Campaigns read just now",
  };
}

describe("the compliance board's view model", () => {
  it("offers a selection for ready profiles only", () => {
    expect(selectable(row("ready", "submit"))).toBe(true);
    expect(selectable(row("blocked", "identity", "short_name"))).toBe(false);
    expect(selectable(row("in_review", null))).toBe(false);
  });

  it("opens the submit dialog or the field where the next action is done", () => {
    expect(actionHref(row("ready", "submit"))).toBe("/profiles/w%201/p%2F1?go=submit");
    expect(actionHref(row("blocked", "campaigns", "campaigns"))).toBe("/profiles/w%201/p%2F1?go=campaigns");
    expect(actionHref(row("live", null))).toBeNull();
  });

  it("asks only for rows it does not hold", () => {
    const held = { offset: 0, matched: 500, rows: new Array(100).fill(row("ready", "submit")) } as unknown as BoardWindow;
    expect(boardWindowFor(held, 10, 40)).toBeNull();
    expect(boardWindowFor(held, 200, 230)).toEqual({ offset: 170, limit: 91 });
    expect(boardRowAt(held, 99)?.name).toBe("Tenant Co");
    expect(boardRowAt(held, 100)).toBeNull();
  });

  it("says each profile's result, with what review still needs", () => {
    const results: BulkSubmitResult[] = [
      { workspace_id: "w", profile_id: "a", name: "Tenant Co", ok: true, message: "Submitted.", error: null, request_id: "req_1" },
      {
        workspace_id: "w", profile_id: "b", name: "Uptown", ok: false, message: "Not ready.",
        error: { kind: "validation", message: "Not ready.", fields: { short_name: ["Add a short name (Identity)."] } } as BulkSubmitResult["error"],
        request_id: null,
      },
    ];
    const lines = resultLines(results);
    expect(lines[0]).toMatchObject({ ok: true, text: "Submitted.", href: "/profiles/w/a" });
    expect(lines[1]).toMatchObject({ ok: false, text: "Not ready. Add a short name (Identity).", href: "/profiles/w/b?go=submit" });
    expect(resultSummary(results)).toMatch(/^1 of 2 submitted; 1 not submitted/);
    expect(submitWords(2, false)).toBe("Submit 2 profiles for review");
    expect(submitWords(1, true)).toBe("Submitting 1 profile…");
  });
});
