// The brand form: contact, business and compliance, as the seeds group them. Not offered while the
// profile inherits the organization's brand, read-only once the brand was submitted to TCR (with
// the reason), and the compliance volume fields read-only on a server that drops them.
import type { BrandDetail } from "../../bindings/BrandDetail";
import type { DomainLabels } from "../../bindings/DomainLabels";
import type { EditLocks } from "../../bindings/EditLocks";
import { Messages, Section, SelectField, TextField, shown } from "./fields";
import type { Errors } from "./fields";
import type { Draft } from "./form";
import { editableBrand } from "./form";
import styles from "./form.module.css";

type Props = {
  draft: Draft;
  stored: Draft;
  locks: EditLocks;
  errors: Errors;
  words: DomainLabels;
  differences: Record<string, string>;
  invalid: boolean;
  edit: (path: string, value: unknown) => void;
  normalizeOnBlur: (path: string, country?: string | null) => () => void;
  onOwnBrand: () => void;
  /** What to say while the profile inherits the organization's brand (where to turn it off). */
  inheritedNote?: string;
};

export function BrandSection(p: Props) {
  const { draft, locks } = p;
  const brand = draft.brand;
  if (draft.inherit_tcr_brand) {
    return (
      <Section id="brand" title="Brand (TCR)" invalid={p.invalid}
        intro={<p data-testid="brand-inherited">{p.inheritedNote ?? "This profile uses the organization's TCR brand, so it has no brand of its own to edit. To register its own brand, turn off “Inherit the organization's TCR brand” under Resources."}</p>}>
        {brand ? <><BrandSummary brand={brand} words={p.words} /><BrandRegistration brand={brand} words={p.words} /></> : <p class="hint">Sent reports no brand on the organization.</p>}
      </Section>
    );
  }
  if (locks.brand && brand) {
    return (
      <Section id="brand" title="Brand (TCR)" invalid={p.invalid}
        intro={<p role="note" class={styles.locked} data-testid="brand-locked">{locks.brand}</p>}>
        <BrandSummary brand={brand} words={p.words} />
        <BrandRegistration brand={brand} words={p.words} />
        <Messages errors={p.errors} path="brand" />
      </Section>
    );
  }
  if (!brand || brand.is_inherited) {
    return (
      <Section id="brand" title="Brand (TCR)" invalid={p.invalid}
        intro="The profile has no brand of its own. US SMS (A2P 10DLC) needs a TCR brand: the business behind the messages.">
        <div><button type="button" onClick={p.onOwnBrand} data-testid="add-brand">Add the profile's own brand</button></div>
        <Messages errors={p.errors} path="brand" />
      </Section>
    );
  }
  const b = editableBrand(brand);
  const c = b.contact!;
  const biz = b.business!;
  const comp = b.compliance!;
  const set = (path: string) => (value: string) => p.edit(`brand.${path}`, value === "" ? null : value);
  const setSelect = (path: string) => (value: string | null) => p.edit(`brand.${path}`, value);
  // Section objects the stored brand lacked are created on first edit (setPath creates them).
  const countries = comp.destination_countries;
  const setCountries = (next: typeof countries) => p.edit("brand.compliance.destination_countries", next);
  const volumeLocked = !!locks.brand_volume;
  return (
    <Section id="brand" title="Brand (TCR)" invalid={p.invalid}
      intro="The business behind the messages, as registered with The Campaign Registry. Once submitted to TCR it can no longer be changed.">
      {p.stored.brand?.id && !p.stored.brand.is_inherited && <BrandRegistration brand={p.stored.brand} words={p.words} />}
      <Messages errors={p.errors} path="brand" />
      <fieldset class={styles.wideField} aria-labelledby="brand-contact-legend">
        <legend id="brand-contact-legend">Contact</legend>
        <Messages errors={p.errors} path="brand.contact" />
        <div class={styles.grid}>
          <TextField path="brand.contact.name" label="Contact name" value={c.name} onInput={set("contact.name")} errors={p.errors} required note={p.differences["brand.contact.name"]} />
          <TextField path="brand.contact.businessName" label="Business name" value={c.business_name} onInput={set("contact.business_name")} errors={p.errors} />
          <TextField path="brand.contact.role" label="Role" value={c.role} onInput={set("contact.role")} errors={p.errors} />
          <TextField path="brand.contact.email" label="E-mail" value={c.email} onInput={set("contact.email")} errors={p.errors} inputMode="email" />
          <TextField path="brand.contact.phone" label="Phone" value={c.phone} onInput={set("contact.phone")} errors={p.errors} inputMode="tel"
            hint="With + and the country code (or the business country's local format); written in E.164 when you leave the field."
            onBlur={p.normalizeOnBlur("brand.contact.phone", biz.country)} />
          <TextField path="brand.contact.phoneCountryCode" label="Calling code" value={c.phone_country_code} onInput={set("contact.phone_country_code")} errors={p.errors}
            inputMode="numeric" hint="Digits only, e.g. 1 for the US and Canada." />
        </div>
      </fieldset>
      <fieldset class={styles.wideField} aria-labelledby="brand-business-legend">
        <legend id="brand-business-legend">Business</legend>
        <div class={styles.grid}>
          <TextField path="brand.business.legalName" label="Legal name" value={biz.legal_name} onInput={set("business.legal_name")} errors={p.errors} note={p.differences["brand.business.legalName"]} />
          <SelectField path="brand.business.entityType" label="Entity type" value={biz.entity_type} choices={p.words.entity_types} onChange={setSelect("business.entity_type")} errors={p.errors} />
          <TextField path="brand.business.taxId" label="Tax id" value={biz.tax_id} onInput={set("business.tax_id")} errors={p.errors} />
          <SelectField path="brand.business.taxIdType" label="Tax id type" value={biz.tax_id_type} choices={p.words.tax_id_types} onChange={setSelect("business.tax_id_type")} errors={p.errors} />
          <TextField path="brand.business.street" label="Street" value={biz.street} onInput={set("business.street")} errors={p.errors} />
          <TextField path="brand.business.city" label="City" value={biz.city} onInput={set("business.city")} errors={p.errors} />
          <TextField path="brand.business.state" label="State or region" value={biz.state} onInput={set("business.state")} errors={p.errors} />
          <TextField path="brand.business.postalCode" label="Postal code" value={biz.postal_code} onInput={set("business.postal_code")} errors={p.errors} />
          <TextField path="brand.business.country" label="Country" value={biz.country} onInput={set("business.country")} errors={p.errors} hint="Two-letter code, e.g. US." />
          <TextField path="brand.business.countryOfRegistration" label="Country of registration" value={biz.country_of_registration} onInput={set("business.country_of_registration")} errors={p.errors} hint="Two-letter code." />
          <TextField path="brand.business.url" label="Website" value={biz.url} onInput={set("business.url")} errors={p.errors} inputMode="url" placeholder="https://example.com" wide />
        </div>
      </fieldset>
      <fieldset class={styles.wideField} aria-labelledby="brand-compliance-legend">
        <legend id="brand-compliance-legend">Compliance</legend>
        <Messages errors={p.errors} path="brand.compliance" />
        <div class={styles.grid}>
          <SelectField path="brand.compliance.vertical" label="Vertical (industry)" value={comp.vertical} choices={p.words.verticals} onChange={setSelect("compliance.vertical")} errors={p.errors} required />
          <SelectField path="brand.compliance.brandRelationship" label="Brand relationship" value={comp.brand_relationship} choices={p.words.brand_relationships}
            onChange={setSelect("compliance.brand_relationship")} errors={p.errors} required
            hint={p.words.brand_relationships.find((r) => r.value === comp.brand_relationship)?.hint ?? "How well your provider knows this business."} />
          <div class={styles.toggle}>
            <input type="checkbox" id="field-brand-tcr" name="brand.compliance.isTcrApplication" checked={comp.is_tcr_application}
              onChange={(e) => p.edit("brand.compliance.is_tcr_application", e.currentTarget.checked)} aria-describedby="brand-tcr-hint" />
            <div>
              <label for="field-brand-tcr">TCR application (US A2P 10DLC)</label>
              <p class="hint" id="brand-tcr-hint">{comp.is_tcr_application ? "Submitting the profile registers this brand and its campaigns with TCR." : "Not registered with TCR: submitting sends the profile to review for its main destination country."}</p>
            </div>
          </div>
          <TextField path="brand.compliance.phoneNumberPrefix" label="Number prefix" value={comp.phone_number_prefix} onInput={set("compliance.phone_number_prefix")} errors={p.errors} placeholder="+1" />
          <TextField path="brand.compliance.primaryUseCase" label="Primary use case" value={comp.primary_use_case} onInput={set("compliance.primary_use_case")} errors={p.errors}
            readOnly={volumeLocked} hint={volumeLocked ? locks.brand_volume ?? undefined : undefined} note={p.differences["brand.compliance.primaryUseCase"]} />
          <TextField path="brand.compliance.expectedMessagingVolume" label="Expected messages per month" value={comp.expected_messaging_volume} onInput={set("compliance.expected_messaging_volume")}
            errors={p.errors} inputMode="numeric" readOnly={volumeLocked} note={p.differences["brand.compliance.expectedMessagingVolume"]} />
        </div>
        <fieldset class={styles.countries} aria-labelledby="countries-legend"
          aria-describedby={p.errors["brand.compliance.destinationCountries"] ? "error-brand.compliance.destinationCountries" : undefined}>
          <legend id="countries-legend">Destination countries (mark exactly one as main)</legend>
          {countries.length === 0 && <p class="hint">None listed.</p>}
          {countries.map((country, i) => (
            <div class={styles.countryRow} key={i}>
              <label>
                <span class="visually-hidden">Country {i + 1} code</span>
                <input type="text" name={`brand.compliance.destinationCountries.${i}.id`} value={country.id ?? ""} maxLength={2} size={3}
                  aria-label={`Country ${i + 1}, two-letter code`}
                  onInput={(e) => setCountries(countries.map((c, j) => (j === i ? { ...c, id: e.currentTarget.value.toUpperCase() } : c)))} />
              </label>
              <label class={styles.radio}>
                <input type="radio" name="main-country" checked={country.isMain === true}
                  onChange={() => setCountries(countries.map((c, j) => ({ ...c, isMain: j === i })))} />
                Main country
              </label>
              <button type="button" aria-label={`Remove country ${i + 1} (${country.id || "empty"})`}
                onClick={() => setCountries(countries.filter((_, j) => j !== i))}>Remove</button>
            </div>
          ))}
          <div>
            <button type="button" data-testid="add-country"
              onClick={() => setCountries([...countries, { id: "", isMain: countries.length === 0 }])}>Add a country</button>
          </div>
          <Messages errors={p.errors} path="brand.compliance.destinationCountries" />
        </fieldset>
        <TextField path="brand.compliance.notes" label="Notes" value={comp.notes} onInput={set("compliance.notes")} errors={p.errors} multiline wide />
      </fieldset>
    </Section>
  );
}

function BrandSummary({ brand, words }: { brand: BrandDetail; words: DomainLabels }) {
  const label = (list: { value: string; label: string }[], value: string | null | undefined) => list.find((c) => c.value === value)?.label ?? shown(value);
  const comp = brand.compliance;
  return (
    <dl class={`identity ${styles.wideField}`} data-testid="brand-summary">
      <dt>Legal name</dt><dd>{shown(brand.business?.legal_name)}</dd>
      <dt>Contact</dt><dd>{shown(brand.contact?.name)}</dd>
      <dt>Entity type</dt><dd>{label(words.entity_types, brand.business?.entity_type)}</dd>
      <dt>Vertical</dt><dd>{label(words.verticals, comp?.vertical)}</dd>
      <dt>Brand relationship</dt><dd>{label(words.brand_relationships, comp?.brand_relationship)}</dd>
      <dt>Destination countries</dt>
      <dd>{comp?.destination_countries.length ? comp.destination_countries.map((c) => (c.isMain ? `${c.id} (main)` : c.id)).join(", ") : "not reported"}</dd>
    </dl>
  );
}

/** Where the brand stands at TCR: its id, status, identity (KYC) verdict, universal EIN and CSP. */
function BrandRegistration({ brand, words }: { brand: BrandDetail; words: DomainLabels }) {
  const worded = (list: { value: string; label: string; hint: string | null }[], value: string | null | undefined) => {
    if (!value) return "not reported";
    const choice = list.find((c) => c.value === value);
    return choice ? `${choice.label}${choice.hint ? ` — ${choice.hint}` : ""}` : value;
  };
  if (!brand.submitted_to_tcr && !brand.tcr_brand_id && !brand.status && !brand.identity_status) {
    return (
      <p class={`hint ${styles.wideField}`} data-testid="brand-registration">
        Not submitted to TCR yet: its TCR brand id, TCR status and identity (KYC) status show here once it is.
      </p>
    );
  }
  return (
    <dl class={`identity ${styles.wideField}`} aria-label="Brand registration at TCR" data-testid="brand-registration">
      <dt>Submitted to TCR</dt><dd>{brand.submitted_to_tcr ? (brand.submitted_at ? new Date(brand.submitted_at).toLocaleDateString() : "Yes") : "No"}</dd>
      <dt>TCR brand id</dt><dd>{shown(brand.tcr_brand_id)}</dd>
      <dt>TCR status</dt><dd data-testid="brand-tcr-status">{worded(words.brand_statuses, brand.status)}</dd>
      <dt>Identity (KYC) status</dt><dd data-testid="brand-identity-status">{worded(words.identity_statuses, brand.identity_status)}</dd>
      <dt>Universal EIN</dt><dd>{shown(brand.universal_ein)}</dd>
      <dt>CSP id</dt><dd>{shown(brand.csp_id)}</dd>
    </dl>
  );
}
