// The onboarding wizard's view model: which step a field lives on, which messages the screen shows
// (a step's once the user tried to leave it, all of them on Review or after a resume), what "Next"
// does with Rust's verdict, and what the buttons say. Pure functions; the screen keeps the state.
import type { IpcError } from "../../bindings/IpcError";
import type { OnboardingCheck } from "../../bindings/OnboardingCheck";
import type { OnboardingDraft } from "../../bindings/OnboardingDraft";
import { billsProfile as billsTheProfile } from "../../components/form/form";

/** The wizard's steps, in order. */
export const STEP_IDS = ["identity", "pattern", "resources", "whatsapp", "compliance", "billing", "review"] as const;

/** The step whose form holds a field (dotted path as Sent's `error.details` keys); else Review. */
export function stepOf(path: string): string {
  const head = path.split(/[.[]/)[0];
  if (["name", "short_name", "description", "icon"].includes(head)) return "identity";
  if (["allow_contact_sharing", "allow_template_sharing", "inherit_contacts", "inherit_templates"].includes(head)) return "resources";
  if (["whatsapp_business_account", "whatsapp"].includes(head)) return "whatsapp";
  if (["brand", "inherit_tcr_brand", "inherit_tcr_campaign"].includes(head)) return "compliance";
  if (["billing_model", "billing_contact", "payment_details"].includes(head)) return "billing";
  return "review";
}

/** The position of a step (0 for an unknown one, e.g. a draft's "submit"). */
export function stepIndex(step: string): number {
  return Math.max(0, STEP_IDS.indexOf(step as (typeof STEP_IDS)[number]));
}

/**
 * The steps whose messages show: those the user tried to leave, Review, and after a resume every
 * step up to and including the one it resumes on (the step list already counts them).
 */
export function shownSteps(attempted: readonly string[], resumed: boolean, step: string): Set<string> {
  const upTo = resumed && STEP_IDS.includes(step as (typeof STEP_IDS)[number]) ? STEP_IDS.slice(0, stepIndex(step) + 1) : [];
  return new Set([...attempted, ...upTo, "review"]);
}

/**
 * Rust's field messages the screen shows now: a shown step's, everything on Review, and what the
 * organization lacks (`whatsapp`, V14) at once: it is news, not a typing mistake.
 */
export function visibleChecks(fields: Record<string, string[] | undefined> | undefined, shown: Set<string>, step: string): Record<string, string[] | undefined> {
  return Object.fromEntries(Object.entries(fields ?? {}).filter(([path]) => path === "whatsapp" || step === "review" || shown.has(stepOf(path))));
}

/** The steps the user has now tried to leave, after emptying a field on `step` (a choice, not a form not started). */
export function afterEdit(attempted: readonly string[], step: string, value: unknown): readonly string[] {
  return (value === null || value === "") && !attempted.includes(step) ? [...attempted, step] : attempted;
}

/** What "Next" does with Rust's verdict on the step `here`: hold with the field to focus, or go on. */
export type NextMove = { hold: true; focus: string | null } | { hold: false; to: string };

export function nextMove(verdict: OnboardingCheck | null, fallback: OnboardingCheck | null, here: string): NextMove {
  const check = verdict ?? fallback;
  const problems = check?.steps.find((s) => s.id === here)?.errors ?? 0;
  if (problems > 0) {
    const focus = Object.keys(check?.fields ?? {}).find((p) => stepOf(p) === here) ?? null;
    return { hold: true, focus };
  }
  return { hold: false, to: STEP_IDS[Math.min(stepIndex(here) + 1, STEP_IDS.length - 1)] };
}

/** Whether the draft's billing model bills the profile (then a billing contact and a card are asked). */
export function billsProfile(draft: OnboardingDraft): boolean {
  return billsTheProfile(draft.profile);
}

/**
 * A "New client like this" draft that nobody has worked on yet: opened by its id, but nothing to
 * resume (no "draft resumed" note, no messages before the user tries a step).
 */
export function freshLikeDraft(draft: OnboardingDraft): boolean {
  return !!draft.like && !draft.profile.name.trim() && draft.step === "identity" && !draft.created_profile_id;
}

/** The wizard's line on a draft started from another client: what was copied and what is asked. */
export function likeNote(draft: OnboardingDraft): string | null {
  const like = draft.like;
  if (!like) return null;
  const copied = ["resource sharing", "billing model"];
  if (!draft.profile.inherit_tcr_brand && draft.profile.brand) copied.push("brand profile (entity type, vertical, use case, countries)");
  const campaigns = like.campaigns.length;
  const then = campaigns === 0 ? "" : ` Its ${campaigns === 1 ? "campaign is" : `${campaigns} campaigns are`} offered once this profile is created.`;
  return `Started from “${like.name}”: its ${copied.slice(0, -1).join(", ")} and ${copied[copied.length - 1]} are filled in. `
    + `Its name, brand identity, contacts, WhatsApp account and billing details are not: enter this client's own.${then}`;
}

/** Whether a resumed draft must say that its WhatsApp token or card are asked again. */
export function asksSecretsAgain(draft: OnboardingDraft, resumed: boolean): boolean {
  return resumed && !draft.created_profile_id && (!draft.whatsapp_inherit || billsProfile(draft));
}

/**
 * The Create button's words. After an outcome-unknown failure the only way on is the same request
 * again (Rust keeps the draft's key), and the button says so.
 */
export function createLabel(busy: boolean, error: IpcError | null): string {
  if (busy) return "Creating…";
  return error?.outcome === "unknown" ? "Try again (same request, never twice)" : "Create profile";
}

