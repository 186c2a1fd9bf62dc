//! The profile list: one row per profile, with every column already resolved and worded, so the
//! list filters and sorts 10,000 rows in the webview without another round trip.

use sent_model::effective::{overview, OrganizationSummary, ResourceReason, ResourceSource};
use sent_model::ProfileDetail;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::labels::{billing_label, brand_label, status_label, status_tone, whatsapp_label, Tone};

/// One resolved resource column: where it comes from, and the words for it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SourceCell {
    /// `None` when the server's answers do not tell (said in `hint`).
    pub source: Option<ResourceSource>,
    pub label: String,
    /// Why the label says what it says, when that is not obvious.
    pub hint: Option<String>,
}

/// One line of a profile's effective configuration: a resource and what the profile uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResourceLine {
    /// The resource, e.g. "Templates".
    pub resource: String,
    pub source: Option<ResourceSource>,
    /// What the profile uses, in a sentence.
    pub text: String,
}

/// One row of the profile list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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
    /// What review needs (the compliance board reads it; the list's window does not carry it).
    #[serde(skip)]
    #[ts(skip)]
    pub review: crate::board::ReviewFacts,
    /// The brand's TCR and identity status in words (the board's; not carried by the list).
    #[serde(skip)]
    #[ts(skip)]
    pub brand_detail: String,
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
                source: Some(overview.tcr_brand.source),
                label: brand_label(overview.tcr_brand.source, overview.brand_submitted_to_tcr),
                hint: None,
            },
            brand_submitted_to_tcr: overview.brand_submitted_to_tcr,
            whatsapp: whatsapp_cell(profile, organization, overview.whatsapp.source),
            created_at: profile.created_at.map(|t| t.as_datetime().to_rfc3339()),
            review: crate::board::ReviewFacts::of(profile),
            brand_detail: crate::board::brand_detail(profile),
        }
    }
}

/// How the WhatsApp cell's hint starts; the account id follows it. The list keeps the rest of the
/// sentence once, with the cell, and only the id with each row (`list::hint_parts`).
pub(crate) const WABA_HINT: &str = "WhatsApp Business Account ";

/// The WhatsApp column. Sent reports the account in effect (`waba_id`) but not whose it is; the
/// organization's own id is not in any answer either. So when the organization has an account and
/// its id is unknown, the cell names the account and says that ownership is not reported, rather
/// than guess.
fn whatsapp_cell(
    profile: &ProfileDetail,
    organization: &OrganizationSummary,
    resolved: ResourceSource,
) -> SourceCell {
    match (&profile.waba_id, &organization.waba_id) {
        (Some(id), None) if organization.has_waba => SourceCell {
            source: None,
            // The same "last four" hint the app shows for keys: `Account …9851`.
            label: format!("Account {}", sent_model::environment::key_hint(id)),
            hint: Some(format!(
                "{WABA_HINT}{id}. Sent does not report whether it is the profile's own or the organization's."
            )),
        },
        _ => SourceCell {
            source: Some(resolved),
            label: whatsapp_label(resolved),
            hint: profile.waba_id.as_ref().map(|id| format!("{WABA_HINT}{id}")),
        },
    }
}

/// A profile's effective configuration, resource by resource, in sentences.
pub fn resource_lines(
    profile: &ProfileDetail,
    organization: &OrganizationSummary,
) -> Vec<ResourceLine> {
    let o = overview(profile, organization);
    let pooled = |what: &str, reason: ResourceReason| match reason {
        ResourceReason::InheritsAndShares => {
            format!("Uses the organization's {what} and shares its own with the other profiles.")
        }
        ResourceReason::InheritsFromOrganization => format!("Uses the organization's {what}."),
        ResourceReason::SharedWithProfiles => {
            format!("Keeps its own {what} and shares them with the other profiles.")
        }
        _ => format!("Keeps its own {what}, not shared."),
    };
    let row = ProfileRow::new(profile, organization);
    vec![
        ResourceLine {
            resource: "Billing".into(),
            source: Some(o.billing.source),
            text: match o.billing.reason {
                ResourceReason::ProfilePays => match &profile.billing_contact {
                    Some(contact) if contact.name.is_some() || contact.email.is_some() => {
                        let who = contact.name.as_deref().or(contact.email.as_deref()).unwrap_or_default();
                        format!("The profile is billed; invoices go to {who}.")
                    }
                    _ => "The profile is billed, but has no billing contact yet: add one so Sent can invoice it.".into(),
                },
                ResourceReason::OrganizationPays => "The organization is billed.".into(),
                ResourceReason::ProfileThenOrganization => {
                    "The profile is billed first, the organization as a fallback.".into()
                }
                _ => format!(
                    "Billing model “{}”, which this app version does not know.",
                    row.billing_model
                ),
            },
        },
        ResourceLine {
            resource: "WhatsApp".into(),
            source: row.whatsapp.source,
            text: match (&profile.waba_id, row.whatsapp.source) {
                (None, _) => "No WhatsApp Business Account in effect: the profile cannot send WhatsApp.".to_owned(),
                (Some(id), None) => format!(
                    "Uses WhatsApp Business Account {id}. Sent does not say whether it is the profile's own or the organization's."
                ),
                (Some(id), Some(ResourceSource::Inherited)) => {
                    format!("Uses the organization's WhatsApp Business Account ({id}).")
                }
                (Some(id), Some(_)) => format!("Has its own WhatsApp Business Account ({id})."),
            },
        },
        ResourceLine {
            resource: "Contacts".into(),
            source: Some(o.contacts.source),
            text: pooled("contacts", o.contacts.reason),
        },
        ResourceLine {
            resource: "Templates".into(),
            source: Some(o.templates.source),
            text: pooled("templates", o.templates.reason),
        },
        ResourceLine {
            resource: "TCR brand".into(),
            source: Some(o.tcr_brand.source),
            text: format!("{}.", row.brand.label),
        },
        ResourceLine {
            resource: "TCR campaigns".into(),
            source: None,
            text: if profile.inherit_tcr_campaign {
                "Uses the organization's campaigns.".into()
            } else {
                "Keeps campaigns of its own.".into()
            },
        },
    ]
}

/// The list of one workspace, as the screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
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

// Worded rows of the profile list: names, statuses, labels, WABA ids, dates (no key or token).
impl sent_model::NoSecret for ProfileListView {}

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
        assert_eq!(row.brand.source, Some(ResourceSource::Inherited));
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

    #[test]
    fn whatsapp_ownership_is_not_guessed_when_sent_does_not_report_it() {
        let own =
            profile(serde_json::json!({ "id": "p3", "name": "Own", "waba_id": "204417733119851" }));
        let org_without_id = OrganizationSummary {
            has_waba: true,
            waba_id: None,
            has_brand: false,
        };
        let cell = ProfileRow::new(&own, &org_without_id).whatsapp;
        assert_eq!(cell.source, None);
        assert_eq!(cell.label, "Account …9851");
        assert!(cell.hint.unwrap().contains("does not report"));
        // An organization without an account: the account must be the profile's own.
        let cell = ProfileRow::new(&own, &OrganizationSummary::default()).whatsapp;
        assert_eq!(cell.source, Some(ResourceSource::Own));
        assert_eq!(cell.label, "Own account");
        // Known organization id: compared.
        let org_with_id = OrganizationSummary {
            waba_id: Some("204417733119851".into()),
            ..org_without_id
        };
        assert_eq!(
            ProfileRow::new(&own, &org_with_id).whatsapp.label,
            "Organization's account"
        );
    }

    #[test]
    fn the_effective_configuration_reads_as_sentences() {
        let p = profile(serde_json::json!({
            "id": "p4", "name": "Lines", "inherit_templates": true, "allow_template_sharing": true,
            "inherit_contacts": false, "allow_contact_sharing": false, "billing_model": "profile",
            "inherit_tcr_campaign": true
        }));
        let lines = resource_lines(&p, &OrganizationSummary::default());
        let text = |r: &str| lines.iter().find(|l| l.resource == r).unwrap().text.clone();
        assert_eq!(
            text("Templates"),
            "Uses the organization's templates and shares its own with the other profiles."
        );
        assert_eq!(text("Contacts"), "Keeps its own contacts, not shared.");
        assert!(text("Billing").starts_with("The profile is billed"));
        assert_eq!(text("TCR campaigns"), "Uses the organization's campaigns.");
        assert!(text("WhatsApp").starts_with("No WhatsApp Business Account in effect"));
        let own = profile(serde_json::json!({"id": "p5", "waba_id": "123"}));
        let lines = resource_lines(&own, &OrganizationSummary::default());
        assert_eq!(
            lines[1].text,
            "Has its own WhatsApp Business Account (123)."
        );
        let unknown = resource_lines(
            &own,
            &OrganizationSummary {
                has_waba: true,
                ..Default::default()
            },
        );
        assert!(unknown[1].text.contains("does not say whether"));
    }
}
