//! The profile list: one row per profile, with every column already resolved and worded, so the
//! list filters and sorts 10,000 rows in the webview without another round trip.

use sent_model::effective::{overview, OrganizationSummary, ResourceSource};
use sent_model::ProfileDetail;
use serde::Serialize;
use ts_rs::TS;

use crate::labels::{billing_label, brand_label, status_label, status_tone, whatsapp_label, Tone};

/// One resolved resource column: where it comes from, and the words for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SourceCell {
    pub source: ResourceSource,
    pub label: String,
}

/// One row of the profile list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProfileRow {
    pub id: String,
    pub name: String,
    pub short_name: Option<String>,
    /// The status as the server sent it (filters compare this).
    pub status: String,
    pub status_label: String,
    pub status_tone: Tone,
    /// The billing model as the server sent it.
    pub billing_model: String,
    pub billing_label: String,
    pub brand: SourceCell,
    pub brand_submitted_to_tcr: bool,
    pub whatsapp: SourceCell,
    /// RFC 3339, as the server sent it (sorts as text within one server).
    pub created_at: Option<String>,
}

impl ProfileRow {
    /// Resolves and words one profile against what the app knows of its organization.
    pub fn new(profile: &ProfileDetail, organization: &OrganizationSummary) -> Self {
        let overview = overview(profile, organization);
        Self {
            id: profile.id.clone(),
            name: profile.name.clone(),
            short_name: profile.short_name.clone().filter(|s| !s.is_empty()),
            status: profile.status.as_str().to_owned(),
            status_label: status_label(&profile.status),
            status_tone: status_tone(&profile.status),
            billing_model: profile.billing_model.as_str().to_owned(),
            billing_label: billing_label(&profile.billing_model),
            brand: SourceCell {
                source: overview.tcr_brand.source,
                label: brand_label(overview.tcr_brand.source, overview.brand_submitted_to_tcr),
            },
            brand_submitted_to_tcr: overview.brand_submitted_to_tcr,
            whatsapp: SourceCell {
                source: overview.whatsapp.source,
                label: whatsapp_label(overview.whatsapp.source),
            },
            created_at: profile.created_at.map(|t| t.as_datetime().to_rfc3339()),
        }
    }
}

/// The list of one workspace, as the screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProfileListView {
    /// The workspace these rows belong to (a late answer for another one is ignored).
    pub workspace_id: String,
    pub rows: Vec<ProfileRow>,
    /// When the rows were fetched from the server (Unix milliseconds); `None` when never.
    #[ts(type = "number | null")]
    pub fetched_at: Option<i64>,
    /// False when the server stopped paging before the end: the list may be incomplete.
    pub complete: bool,
    /// The `request_id` of the answer the rows came from.
    pub request_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(json: serde_json::Value) -> ProfileDetail {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_row_is_resolved_and_worded() {
        let p = profile(serde_json::json!({
            "id": "p1", "name": "Acme Dental", "short_name": "ACME", "status": "pending_review",
            "billing_model": "profile_and_organization", "inherit_tcr_brand": true,
            "waba_id": "waba_org", "created_at": "2026-03-03T10:00:00Z",
            "brand": { "id": "b1", "is_inherited": true, "submitted_to_tcr": true }
        }));
        let org = OrganizationSummary {
            has_waba: true,
            waba_id: Some("waba_org".into()),
            has_brand: true,
        };
        let row = ProfileRow::new(&p, &org);
        assert_eq!(row.status, "pending_review");
        assert_eq!(row.status_label, "Pending review");
        assert_eq!(row.billing_label, "Profile, then organization");
        assert_eq!(row.brand.source, ResourceSource::Inherited);
        assert_eq!(row.brand.label, "Organization's brand, submitted to TCR");
        assert_eq!(row.whatsapp.label, "Organization's account");
        assert_eq!(row.created_at.as_deref(), Some("2026-03-03T10:00:00+00:00"));
    }

    #[test]
    fn an_unknown_status_is_shown_as_sent_and_missing_values_say_so() {
        let p = profile(serde_json::json!({ "id": "p2", "name": "", "status": "on_hold" }));
        let row = ProfileRow::new(&p, &OrganizationSummary::default());
        assert_eq!(row.status_label, "on_hold");
        assert_eq!(row.status_tone, Tone::Neutral);
        assert_eq!(row.brand.label, "No brand");
        assert_eq!(row.whatsapp.label, "No WhatsApp account");
        assert_eq!(row.short_name, None);
    }
}
