// Journal rows as Rust words them, for the journal screen's unit tests.
import type { JournalRow } from "../bindings/JournalRow";

export function entry(overrides: Partial<JournalRow> & { id: number }): JournalRow {
  return {
    at: 1_780_000_000_000 - overrides.id * 1000,
    profile_id: "p-bella",
    profile_name: "Bella Salon",
    action: "profile.update",
    action_label: "Profile updated",
    outcome: { kind: "ok" },
    outcome_label: "Saved",
    outcome_tone: "success",
    changes: [],
    message: null,
    request_id: null,
    ...overrides,
  };
}
