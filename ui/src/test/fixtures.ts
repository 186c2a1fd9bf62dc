// Shapes Rust sends, for the UI's unit tests (the real ones come from the commands in e2e tests).
import type { DomainLabels } from "../bindings/DomainLabels";
import type { ListWindow } from "../bindings/ListWindow";
import type { PaletteProfiles } from "../bindings/PaletteProfiles";
import type { ProfileRow } from "../bindings/ProfileRow";
import type { ProfilesUpdated } from "../bindings/ProfilesUpdated";
import { parseQuery, rank, searchKey } from "../components/palette/model";

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
  brand_statuses: [{ value: "ACTIVE", label: "Active", hint: "Registered with TCR" }],
  identity_statuses: [{ value: "VERIFIED", label: "Verified", hint: null }],
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

/**
 * What `query_profiles` answers for `rows` (the first 500, no search): a stand-in for the Rust list
 * model in jsdom tests, whose own tests are in sent-views/src/list_tests.rs and the real window.
 */
export function listWindow(rows: ProfileRow[], workspaceId: string, fetchedAt: number | null = Date.now(), generation = 1): ListWindow {
  return {
    workspace_id: workspaceId, generation, total: rows.length, matched: rows.length, offset: 0, rows: rows.slice(0, 500),
    statuses: [], billing_models: [], focus_index: null, fetched_at: fetchedAt, complete: true,
  };
}

/** What `palette_profiles` answers: the palette's own ranking over "Open"/"Send" and each row. */
export function paletteAnswer(rows: ProfileRow[], text: string, workspaceId: string): PaletteProfiles {
  const query = parseQuery(text);
  const verbs = [["open", searchKey(["Open"])], ["send", searchKey(["Send a test message as"])]] as const;
  const items: PaletteProfiles["items"] = [];
  for (const r of rows) {
    for (const [verb, key] of verbs) {
      const at = rank([key, searchKey([r.name, r.short_name, r.id])], query);
      if (at >= 0) items.push({ verb, rank: at, id: r.id, name: r.name, short_name: r.short_name });
    }
  }
  items.sort((a, b) => a.rank - b.rank);
  return { workspace_id: workspaceId, items, total: items.length };
}

/** A `profiles_updated` / `refresh_profiles` answer. */
export function listUpdate(workspaceId: string, total: number, fetchedAt: number | null = Date.now(), generation = 2): ProfilesUpdated {
  return { workspace_id: workspaceId, generation, fetched_at: fetchedAt, total, complete: true };
}
