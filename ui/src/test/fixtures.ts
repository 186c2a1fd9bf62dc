// Shapes Rust sends, for the UI's unit tests (the real ones come from the commands in e2e tests).
import type { DomainLabels } from "../bindings/DomainLabels";
import type { ProfileRow } from "../bindings/ProfileRow";

export const LABELS: DomainLabels = {
  environments: [
    { value: "local_sandbox", label: "Local sandbox", hint: null },
    { value: "production", label: "Production", hint: "https://api.sent.dm: real messages" },
    { value: "staging", label: "Staging", hint: "https://api-dev.sent.dm" },
    { value: "custom", label: "Custom server", hint: "Another address" },
  ],
  statuses: [
    { value: "incomplete", label: "Incomplete", hint: null },
    { value: "pending_review", label: "Pending review", hint: null },
    { value: "approved", label: "Approved", hint: null },
    { value: "rejected", label: "Rejected", hint: null },
  ],
  billing_models: [
    { value: "organization", label: "Organization pays", hint: null },
    { value: "profile", label: "Profile pays", hint: null },
    { value: "profile_and_organization", label: "Profile, then organization", hint: null },
  ],
  toggles: [{ field: "inherit_contacts", label: "Inherit the organization's contacts", on: "Uses them.", off: "Own only." }],
  verticals: [{ value: "RETAIL", label: "Retail", hint: null }],
  brand_relationships: [{ value: "BASIC_ACCOUNT", label: "Basic account", hint: null }],
  entity_types: [{ value: "PRIVATE_PROFIT", label: "Private company", hint: null }],
  tax_id_types: [{ value: "us_ein", label: "US EIN", hint: null }],
};

export function row(overrides: Partial<ProfileRow> & { id: string; name: string }): ProfileRow {
  return {
    short_name: null,
    status: "approved",
    status_label: "Approved",
    status_tone: "success",
    billing_model: "organization",
    billing_label: "Organization pays",
    brand: { source: "inherited", label: "Organization's brand", hint: null },
    brand_submitted_to_tcr: false,
    whatsapp: { source: "none", label: "No WhatsApp account", hint: null },
    created_at: "2026-01-01T00:00:00+00:00",
    ...overrides,
  };
}
