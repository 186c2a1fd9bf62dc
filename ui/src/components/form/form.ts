// The profile editor's state, kept apart from the screen so it can be tested: the draft (a copy of
// the profile as Sent returned it, edited), the field errors from Rust and from Sent merged by
// field path, and the idempotency keys of save actions (one per logical action, reused on retry).
// No rule lives here: every check is Rust's (`check_profile_edit`).
import type { BrandDetail } from "../../bindings/BrandDetail";
import type { IpcError } from "../../bindings/IpcError";
import type { ProfileDetail } from "../../bindings/ProfileDetail";

export type Draft = ProfileDetail;

/** The card, typed in the billing section only; lives in the screen's memory until it is sent. */
export type Card = { card_number: string; expiry: string; cvc: string; zip_code: string };
export const EMPTY_CARD: Card = { card_number: "", expiry: "", cvc: "", zip_code: "" };

/**
 * Whether a billing model bills the profile (then a billing contact and a card are asked): the
 * screens' copy of Rust's `BillingModel::bills_profile`, in one place for every form.
 */
export function billsProfile(profile: Pick<Draft, "billing_model">): boolean {
  return profile.billing_model === "profile" || profile.billing_model === "profile_and_organization";
}

export function cardIsEmpty(card: Card): boolean {
  return Object.values(card).every((v) => v.trim() === "");
}

/** A value at a dotted path of the draft (response casing: `brand.business.legal_name`). */
export function getPath(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((at, key) => (at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined), value);
}

/** A copy of `value` with `path` set; missing objects on the way are created. */
export function setPath<T>(value: T, path: string, next: unknown): T {
  const [head, ...rest] = path.split(".");
  const obj = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  return { ...obj, [head]: rest.length === 0 ? next : setPath(obj[head], rest.join("."), next) } as T;
}

export function sameDraft(a: Draft | null, b: Draft | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An empty brand of the profile's own. */
export function emptyBrand(): BrandDetail {
  return {
    id: "", tcr_brand_id: null, status: null, identity_status: null, universal_ein: null, csp_id: null,
    submitted_to_tcr: false, submitted_at: null, is_inherited: false, created_at: null, updated_at: null,
    contact: { name: "", business_name: null, role: null, phone: null, email: null, phone_country_code: null },
    business: {
      legal_name: null, tax_id: null, tax_id_type: null, entity_type: null, street: null, city: null, state: null,
      postal_code: null, country: null, url: null, country_of_registration: null,
    },
    compliance: {
      vertical: null, brand_relationship: null, primary_use_case: null, expected_messaging_volume: null,
      is_tcr_application: true, phone_number_prefix: null, destination_countries: [], notes: null,
    },
  };
}

/** The brand sections the form edits, filled in where the stored brand lacks one. */
export function editableBrand(brand: BrandDetail): BrandDetail {
  const empty = emptyBrand();
  return {
    ...brand,
    contact: brand.contact ?? empty.contact,
    business: brand.business ?? empty.business,
    compliance: brand.compliance ?? empty.compliance,
  };
}

/**
 * Turning "inherit the organization's TCR brand" on or off: on, the stored brand comes back as it
 * was (an inherited brand is never sent as the profile's own); off, the profile's own brand (the
 * stored one if it has one, else an empty one to fill in).
 */
export function withBrandInheritance(draft: Draft, stored: Draft, inherit: boolean): Draft {
  if (inherit) return { ...draft, inherit_tcr_brand: true, brand: stored.brand };
  const own = stored.brand && !stored.brand.is_inherited ? stored.brand : draft.brand && !draft.brand.is_inherited ? draft.brand : emptyBrand();
  return { ...draft, inherit_tcr_brand: false, brand: own };
}

/** Field errors by form path: Rust's check, then what Sent said on the last save (wins). */
export function mergeFields(
  check: Record<string, string[] | undefined> | null,
  server: IpcError | null,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const source of [check ?? {}, server?.fields ?? {}]) {
    for (const [path, messages] of Object.entries(source)) if (messages?.length) out[path] = messages;
  }
  return out;
}

/**
 * Whether the next attempt of the same action must reuse its key: Rust says so with each failure
 * (`outcome`: unknown or not applied). A definite refusal is kept by Sent under its key for a day,
 * so the corrected attempt is a new action with a new key.
 */
export function isRetryable(error: IpcError): boolean {
  return error.outcome === "unknown" || error.outcome === "not_applied";
}

/**
 * One idempotency key per logical save: the same change set retried after a failure that may have
 * reached Sent reuses its key (so it never applies twice); anything else gets a fresh one. A dry
 * run and a live save never share a key (Sent caches a dry run's answer under its key).
 */
export class SaveKeys {
  private pending: { fingerprint: string; dryRun: boolean; key: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  take(fingerprint: string, dryRun: boolean): string {
    const p = this.pending;
    if (p && p.fingerprint === fingerprint && p.dryRun === dryRun) return p.key;
    this.pending = { fingerprint, dryRun, key: this.newKey() };
    return this.pending.key;
  }

  /** After an answer: keep the key only when the failure may have reached Sent. */
  settle(error: IpcError | null): void {
    if (!error || !isRetryable(error)) this.pending = null;
  }
}

/** "3 minutes ago" style, for the restored-draft note. */
export function ago(ms: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? "" : "s"} ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} hour${h === 1 ? "" : "s"} ago`;
  return new Date(ms).toLocaleString();
}
