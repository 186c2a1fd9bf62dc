import { describe, expect, it } from "vitest";
import type { IpcError } from "../../bindings/IpcError";
import type { OnboardingCheck } from "../../bindings/OnboardingCheck";
import type { OnboardingDraft } from "../../bindings/OnboardingDraft";
import { afterEdit, asksSecretsAgain, billsProfile, createLabel, freshLikeDraft, likeNote, nextMove, shownSteps, stepIndex, stepOf, visibleChecks } from "./model";

function check(errors: Record<string, number>, fields: Record<string, string[]>): OnboardingCheck {
  return {
    fields,
    steps: ["identity", "pattern", "resources", "whatsapp", "compliance", "billing", "review"].map((id) => ({ id, label: id, errors: errors[id] ?? 0 })),
  } as unknown as OnboardingCheck;
}

function draft(over: Partial<OnboardingDraft> & { billing?: string | null } = {}): OnboardingDraft {
  const { billing = null, ...rest } = over;
  return {
    whatsapp_inherit: true, created_profile_id: null, step: "identity",
    profile: { billing_model: billing },
    ...rest,
  } as unknown as OnboardingDraft;
}

const unknownError: IpcError = { kind: "network", message: "The answer was lost.", outcome: "unknown" };
const refused: IpcError = { kind: "validation", message: "Fix the name.", outcome: "refused" };

describe("which step a field lives on", () => {
  it("places Sent's paths, nested and indexed, on their step", () => {
    expect(stepOf("short_name")).toBe("identity");
    expect(stepOf("inherit_templates")).toBe("resources");
    expect(stepOf("whatsapp_business_account.access_token")).toBe("whatsapp");
    expect(stepOf("brand.contact.email")).toBe("compliance");
    expect(stepOf("brand.compliance.destination_countries[0].id")).toBe("compliance");
    expect(stepOf("payment_details.card_number")).toBe("billing");
    expect(stepOf("something_new")).toBe("review");
  });

  it("counts an unknown step (a created draft's `submit`) as the first", () => {
    expect(stepIndex("billing")).toBe(5);
    expect(stepIndex("submit")).toBe(0);
  });
});

describe("which messages show", () => {
  const fields = { name: ["Enter a name."], "brand.contact.email": ["Enter an e-mail."], whatsapp: ["The organization has no WhatsApp account."] };

  it("shows a step's messages only once the user tried to leave it, and V14 at once", () => {
    const none = visibleChecks(fields, shownSteps([], false, "identity"), "identity");
    expect(Object.keys(none)).toEqual(["whatsapp"]);
    const tried = visibleChecks(fields, shownSteps(["identity"], false, "pattern"), "pattern");
    expect(Object.keys(tried).sort()).toEqual(["name", "whatsapp"]);
  });

  it("shows everything on Review, and up to the resumed step after a resume", () => {
    expect(Object.keys(visibleChecks(fields, shownSteps([], false, "review"), "review")).length).toBe(3);
    const resumed = shownSteps([], true, "compliance");
    expect(resumed.has("identity") && resumed.has("compliance") && !resumed.has("billing")).toBe(true);
    expect(shownSteps([], true, "submit").has("identity")).toBe(false);
  });

  it("counts emptying a field as trying the step, once", () => {
    expect(afterEdit([], "identity", "Acme")).toEqual([]);
    expect(afterEdit([], "identity", null)).toEqual(["identity"]);
    expect(afterEdit([], "billing", "")).toEqual(["billing"]);
    const once = ["identity"];
    expect(afterEdit(once, "identity", null)).toBe(once);
  });
});

describe("Next", () => {
  it("holds on a step with problems and focuses its first field", () => {
    const verdict = check({ identity: 2 }, { "brand.contact.name": ["x"], short_name: ["Enter a short name."], name: ["Enter a name."] });
    expect(nextMove(verdict, null, "identity")).toEqual({ hold: true, focus: "short_name" });
  });

  it("goes to the next step when the step is clean, and stays on Review at the end", () => {
    const clean = check({ billing: 1 }, { billing_contact: ["x"] });
    expect(nextMove(clean, null, "identity")).toEqual({ hold: false, to: "pattern" });
    expect(nextMove(clean, null, "review")).toEqual({ hold: false, to: "review" });
  });

  it("falls back on the last verdict when Rust could not answer", () => {
    const last = check({ whatsapp: 1 }, { "whatsapp_business_account.waba_id": ["Enter the account id."] });
    expect(nextMove(null, last, "whatsapp")).toEqual({ hold: true, focus: "whatsapp_business_account.waba_id" });
    expect(nextMove(null, null, "whatsapp")).toEqual({ hold: false, to: "compliance" });
  });
});

describe("billing and secrets", () => {
  it("bills the profile for the two models that name it", () => {
    expect(billsProfile(draft({ billing: "profile" }))).toBe(true);
    expect(billsProfile(draft({ billing: "profile_and_organization" }))).toBe(true);
    expect(billsProfile(draft({ billing: "organization" }))).toBe(false);
    expect(billsProfile(draft())).toBe(false);
  });

  it("says the token or card are asked again only on a resumed, uncreated draft that needs one", () => {
    expect(asksSecretsAgain(draft({ whatsapp_inherit: false }), true)).toBe(true);
    expect(asksSecretsAgain(draft({ billing: "profile" }), true)).toBe(true);
    expect(asksSecretsAgain(draft(), true)).toBe(false);
    expect(asksSecretsAgain(draft({ whatsapp_inherit: false }), false)).toBe(false);
    expect(asksSecretsAgain(draft({ whatsapp_inherit: false, created_profile_id: "p1" }), true)).toBe(false);
  });
});

describe("the buttons", () => {
  it("offers only the same request again after an outcome-unknown create", () => {
    expect(createLabel(false, null)).toBe("Create profile");
    expect(createLabel(false, refused)).toBe("Create profile");
    expect(createLabel(false, unknownError)).toMatch(/same request/);
    expect(createLabel(true, unknownError)).toBe("Creating…");
  });
});

describe("a draft started like another client", () => {
  const like = (over: Partial<OnboardingDraft> = {}, campaigns = 1) => draft({
    like: { profile_id: "p1", name: "Tenant Co", campaigns: Array.from({ length: campaigns }, (_, i) => ({ name: `C${i}` })) },
    profile: { name: "", inherit_tcr_brand: false, brand: { id: "" } },
    ...over,
  } as Partial<OnboardingDraft>);

  it("is fresh until the user names the client or moves on", () => {
    expect(freshLikeDraft(like())).toBe(true);
    expect(freshLikeDraft(like({ step: "pattern" }))).toBe(false);
    expect(freshLikeDraft(like({ profile: { name: "Tenant Two" } } as Partial<OnboardingDraft>))).toBe(false);
    expect(freshLikeDraft(draft())).toBe(false);
  });

  it("says what was copied, what is asked, and the campaigns offered", () => {
    const note = likeNote(like({}, 2))!;
    expect(note).toMatch(/^Started from “Tenant Co”: its resource sharing, billing model and brand profile \(entity type, vertical, use case, countries\) are filled in\./);
    expect(note).toMatch(/name, brand identity, contacts, WhatsApp account and billing details are not/);
    expect(note).toMatch(/Its 2 campaigns are offered once this profile is created\.$/);
    const inheriting = likeNote(like({ profile: { name: "", inherit_tcr_brand: true, brand: null } } as Partial<OnboardingDraft>, 0))!;
    expect(inheriting).toMatch(/its resource sharing and billing model are filled in/);
    expect(inheriting).not.toMatch(/campaign/);
    expect(likeNote(draft())).toBeNull();
  });
});
