import { describe, expect, it } from "vitest";
import type { ProfileDetail } from "../../bindings/ProfileDetail";
import { SaveKeys, emptyBrand, getPath, mergeFields, sameDraft, setPath, withBrandInheritance } from "./form";

const base = {
  id: "p1", name: "Bella", inherit_tcr_brand: false, brand: null, billing_contact: null,
} as unknown as ProfileDetail;

describe("draft paths", () => {
  it("sets nested values immutably and creates missing objects", () => {
    const next = setPath(base, "billing_contact.email", "ap@x.example");
    expect(getPath(next, "billing_contact.email")).toBe("ap@x.example");
    expect(base.billing_contact).toBeNull();
    expect(sameDraft(base, next)).toBe(false);
    expect(sameDraft(base, setPath(next, "billing_contact", null))).toBe(true);
  });
});

describe("brand inheritance", () => {
  it("restores the stored brand when inheriting and starts an own brand otherwise", () => {
    const inherited = { ...emptyBrand(), id: "org", is_inherited: true };
    const stored = { ...base, inherit_tcr_brand: true, brand: inherited };
    const own = withBrandInheritance(stored, stored, false);
    expect(own.inherit_tcr_brand).toBe(false);
    expect(own.brand?.is_inherited).toBe(false);
    expect(own.brand?.id).toBe("");
    const back = withBrandInheritance(own, stored, true);
    expect(back.brand).toBe(inherited);
  });
});

describe("field errors", () => {
  it("lets Sent's answer win over the check for the same field", () => {
    const merged = mergeFields({ name: ["Rust"], icon: [] }, { kind: "validation", message: "x", fields: { name: ["Sent"], "brand.business.legalName": ["Sent too"] } });
    expect(merged).toEqual({ name: ["Sent"], "brand.business.legalName": ["Sent too"] });
  });
});

describe("idempotency keys", () => {
  it("reuses the key only to retry the same save after a failure that may have reached Sent", () => {
    let n = 0;
    const keys = new SaveKeys(() => `k${++n}`);
    const first = keys.take("A", false);
    keys.settle({ kind: "network", message: "broke", outcome: "unknown" });
    expect(keys.take("A", false)).toBe(first);
    expect(keys.take("A", true)).not.toBe(first);
    keys.settle(null);
    expect(keys.take("A", false)).not.toBe(first);
    const k = keys.take("B", false);
    keys.settle({ kind: "validation", message: "bad", outcome: "refused" });
    expect(keys.take("B", false)).not.toBe(k);
    // A 2xx that could not be read is no failure: outcome unknown, the key is kept.
    const c = keys.take("C", false);
    keys.settle({ kind: "bad_response", message: "unreadable", outcome: "unknown" });
    expect(keys.take("C", false)).toBe(c);
    // A local check (no outcome): nothing reached Sent, the fixed form is a new action.
    keys.settle({ kind: "validation", message: "fix the fields" });
    expect(keys.take("C", false)).not.toBe(c);
  });
});
