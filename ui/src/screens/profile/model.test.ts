import { describe, expect, it } from "vitest";
import type { FieldChange } from "../../bindings/FieldChange";
import type { IpcError } from "../../bindings/IpcError";
import type { ProfileDetailView } from "../../bindings/ProfileDetailView";
import type { SaveOutcome } from "../../bindings/SaveOutcome";
import type { Draft } from "../../components/form/form";
import { EMPTY_CARD } from "../../components/form/form";
import { billsProfile, closesReview, differenceNotes, draftAfterRead, isDirty, reviewStep, saveFingerprint, saveLabel, sectionInvalid } from "./model";

const profile = (over: Partial<Draft> = {}): Draft => ({ id: "p1", name: "Acme", billing_model: "organization", ...over }) as unknown as Draft;
const view = (p: Draft, draft: Draft | null = null, savedAt: number | null = null): ProfileDetailView =>
  ({ profile: p, draft, draft_saved_at: savedAt }) as unknown as ProfileDetailView;
const change: FieldChange = { path: "name", label: "Name", old: "Acme", new: "Acme Dental" };
const error = (over: Partial<IpcError>): IpcError => ({ kind: "network", message: "x", ...over });

describe("the draft the screen edits", () => {
  it("opens a draft kept on this computer, with since when", () => {
    const kept = profile({ name: "Acme Dental" });
    expect(draftAfterRead(null, null, view(profile(), kept, 1234))).toEqual({ draft: kept, restoredAt: 1234 });
    expect(draftAfterRead(null, null, view(profile()))).toEqual({ draft: profile(), restoredAt: null });
  });

  it("keeps what is being typed, or a restored draft, when the fresh read arrives", () => {
    const typing = profile({ name: "Acme Den" });
    expect(draftAfterRead(typing, profile(), view(profile())).draft).toBe(typing);
    const kept = profile({ name: "Acme Dental" });
    expect(draftAfterRead(kept, profile(), view(profile({ name: "Renamed" }), kept, 1234)).draft).toBe(kept);
  });

  it("takes a fresh read that differs from a stale cache when nothing was typed (no phantom changes)", () => {
    const fresh = profile({ name: "Acme (renamed at Sent)" });
    const { draft } = draftAfterRead(profile(), profile(), view(fresh));
    expect(draft).toBe(fresh);
    expect(isDirty(draft, fresh, EMPTY_CARD)).toBe(false);
  });
});

describe("unsaved and saving", () => {
  it("counts a changed field or a typed card as unsaved", () => {
    expect(isDirty(profile(), profile(), EMPTY_CARD)).toBe(false);
    expect(isDirty(profile({ name: "B" }), profile(), EMPTY_CARD)).toBe(true);
    expect(isDirty(profile(), profile(), { ...EMPTY_CARD, cvc: "123" })).toBe(true);
    expect(isDirty(null, profile(), EMPTY_CARD)).toBe(false);
  });

  it("shows the problems first, reviews only real changes", () => {
    expect(reviewStep(2, true, [change])).toBe("show-problems");
    expect(reviewStep(0, false, [change])).toBe("nothing-to-save");
    expect(reviewStep(0, true, [])).toBe("nothing-to-save");
    expect(reviewStep(0, true, [change])).toBe("review");
  });

  it("keys a save by its draft and whether a card goes, never the card's digits", () => {
    const a = saveFingerprint(profile({ name: "B" }), { ...EMPTY_CARD, card_number: "4242424242424242" });
    const b = saveFingerprint(profile({ name: "B" }), { ...EMPTY_CARD, card_number: "5555555555554444" });
    expect(a).toBe(b);
    expect(a).not.toContain("4242");
    expect(saveFingerprint(profile({ name: "B" }), EMPTY_CARD)).not.toBe(a);
  });

  it("closes the review only when the failure belongs on fields", () => {
    expect(closesReview(error({ fields: { name: ["Enter a name."] } }))).toBe(true);
    expect(closesReview(error({ fields: {} }))).toBe(false);
    expect(closesReview(error({}))).toBe(false);
  });

  it("offers the same request again after a failure that may have reached Sent", () => {
    expect(saveLabel(false, null)).toBe("Save");
    expect(saveLabel(false, error({ outcome: "refused" }))).toBe("Save");
    expect(saveLabel(false, error({ outcome: "not_applied" }))).toBe("Try again");
    expect(saveLabel(false, error({ outcome: "unknown" }))).toMatch(/same request/);
    expect(saveLabel(true, error({ outcome: "unknown" }))).toBe("Saving…");
  });
});

describe("what the form marks", () => {
  it("notes each field Sent kept differently", () => {
    const outcome = { differences: [{ path: "brand.contact.name", label: "Contact", old: "Ann", new: "ANN" }] } as unknown as SaveOutcome;
    expect(differenceNotes(outcome)).toEqual({ "brand.contact.name": "Sent kept “ANN” (you set “Ann”)." });
    expect(differenceNotes(null)).toEqual({});
  });

  it("marks a section by its own fields only", () => {
    const errors = { "brand.contact.email": ["x"], billing_contact: ["y"] };
    expect(sectionInvalid(errors, ["brand"])).toBe(true);
    expect(sectionInvalid(errors, ["billing_contact"])).toBe(true);
    expect(sectionInvalid(errors, ["bran"])).toBe(false);
    expect(sectionInvalid({}, ["brand"])).toBe(false);
  });

  it("bills the profile for the two models that name it", () => {
    expect(billsProfile(profile({ billing_model: "profile" }))).toBe(true);
    expect(billsProfile(profile({ billing_model: "profile_and_organization" }))).toBe(true);
    expect(billsProfile(profile())).toBe(false);
  });
});
