//! Labels of domain values, in the domain's words (profile, organization, brand, billing model,
//! inherit, share).

use sent_model::effective::ResourceSource;
use sent_model::environment::EnvironmentKind;
use sent_model::{BillingModel, ProfileStatus};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::fields;
pub use crate::fields::Choice;

/// How a status reads at a glance; always shown with its word, never by colour alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Tone {
    /// Waiting on the user (e.g. incomplete).
    Attention,
    /// Waiting on Sent or TCR.
    Progress,
    /// Done and usable.
    Success,
    /// Refused or failed.
    Danger,
    /// A value this app version does not know.
    #[default]
    Neutral,
}

/// Every vocabulary the screens need, fetched once at start-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DomainLabels {
    pub environments: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub billing_models: Vec<Choice>,
    /// The inheritance and sharing toggles, with what each position means.
    pub toggles: Vec<ToggleWords>,
    /// The brand form's closed lists.
    pub verticals: Vec<Choice>,
    pub brand_relationships: Vec<Choice>,
    pub entity_types: Vec<Choice>,
    /// Documented tax id types (open: a stored value outside the list is kept).
    pub tax_id_types: Vec<Choice>,
    /// A brand's TCR status and TCR's identity (KYC) verdict.
    pub brand_statuses: Vec<Choice>,
    pub identity_statuses: Vec<Choice>,
}

impl DomainLabels {
    pub fn new() -> Self {
        Self {
            environments: [
                EnvironmentKind::LocalSandbox,
                EnvironmentKind::Production,
                EnvironmentKind::Staging,
                EnvironmentKind::Custom,
            ]
            .into_iter()
            .map(|e| Choice {
                value: environment_value(e).into(),
                label: e.label().into(),
                hint: Some(environment_hint(e)),
            })
            .collect(),
            statuses: ProfileStatus::KNOWN
                .iter()
                .map(|s| Choice {
                    value: s.as_str().into(),
                    label: status_label(s),
                    hint: None,
                })
                .collect(),
            billing_models: BillingModel::KNOWN
                .iter()
                .map(|b| Choice {
                    value: b.as_str().into(),
                    label: billing_label(b),
                    hint: billing_hint(b),
                })
                .collect(),
            toggles: toggles(),
            verticals: fields::verticals(),
            brand_relationships: fields::brand_relationships(),
            entity_types: fields::entity_types(),
            tax_id_types: fields::tax_id_types(),
            brand_statuses: fields::brand_statuses(),
            identity_statuses: fields::identity_statuses(),
        }
    }
}

impl Default for DomainLabels {
    fn default() -> Self {
        Self::new()
    }
}

fn environment_value(environment: EnvironmentKind) -> &'static str {
    match environment {
        EnvironmentKind::LocalSandbox => "local_sandbox",
        EnvironmentKind::Production => "production",
        EnvironmentKind::Staging => "staging",
        EnvironmentKind::Custom => "custom",
    }
}

fn environment_hint(environment: EnvironmentKind) -> String {
    let url = environment.fixed_base_url().unwrap_or_default();
    match environment {
        EnvironmentKind::LocalSandbox => {
            "Built into this app: practice data, nothing reaches Sent or a phone".into()
        }
        EnvironmentKind::Production => format!("{url}: real messages, real charges"),
        EnvironmentKind::Staging => format!("{url}: Sent's test environment"),
        EnvironmentKind::Custom => {
            "Another address, e.g. a sent-sandbox you started yourself".into()
        }
    }
}

/// One resource toggle of a profile: its field, its label and the consequence of each position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ToggleWords {
    /// The profile field, e.g. `inherit_contacts`.
    pub field: String,
    pub label: String,
    /// What it means when on.
    pub on: String,
    /// What it means when off.
    pub off: String,
}

fn toggles() -> Vec<ToggleWords> {
    let t = |field: &str, on: &str, off: &str| ToggleWords {
        field: field.into(),
        label: fields::field_label(field),
        on: on.into(),
        off: off.into(),
    };
    vec![
        t("inherit_contacts",
          "This profile can message the organization's contacts as well as its own.",
          "This profile sees only its own contacts, not the organization's."),
        t("allow_contact_sharing",
          "The organization's other profiles can use this profile's contacts.",
          "This profile's contacts stay private to it."),
        t("inherit_templates",
          "This profile can send the organization's templates as well as its own.",
          "This profile can send only its own templates."),
        t("allow_template_sharing",
          "The organization's other profiles can send this profile's templates.",
          "This profile's templates stay private to it."),
        t("inherit_tcr_brand",
          "US SMS (A2P 10DLC) uses the organization's TCR brand; the profile keeps no brand of its own.",
          "The profile registers its own TCR brand: fill it in under Brand."),
        t("inherit_tcr_campaign",
          "US SMS uses the organization's TCR campaigns.",
          "The profile needs TCR campaigns of its own, registered under its brand."),
    ]
}

/// What each billing model means for the form.
fn billing_hint(model: &BillingModel) -> Option<String> {
    Some(match model {
        BillingModel::Organization => "The organization's account pays for this profile's messages. No billing contact or card.",
        BillingModel::Profile => "This profile is invoiced on its own: a billing contact is required, a card is optional.",
        BillingModel::ProfileAndOrganization => "The profile pays first and the organization covers what it cannot: a billing contact is required, a card is optional.",
        BillingModel::Other(_) => return None,
    }.into())
}

/// A profile's setup status; an unknown value is shown as the server sent it.
pub fn status_label(status: &ProfileStatus) -> String {
    match ProfileStatus::from_wire_ignore_case(status.as_str()) {
        ProfileStatus::Incomplete => "Incomplete".into(),
        ProfileStatus::PendingReview => "Pending review".into(),
        ProfileStatus::Approved => "Approved".into(),
        ProfileStatus::Rejected => "Rejected".into(),
        ProfileStatus::Submitted => "Submitted".into(),
        ProfileStatus::Processing => "Processing".into(),
        ProfileStatus::Completed => "Completed".into(),
        ProfileStatus::Failed => "Failed".into(),
        ProfileStatus::Other(other) if other.trim().is_empty() => "Not reported".into(),
        ProfileStatus::Other(other) => other,
    }
}

/// How a status reads at a glance.
pub fn status_tone(status: &ProfileStatus) -> Tone {
    match ProfileStatus::from_wire_ignore_case(status.as_str()) {
        ProfileStatus::Incomplete => Tone::Attention,
        ProfileStatus::PendingReview | ProfileStatus::Submitted | ProfileStatus::Processing => {
            Tone::Progress
        }
        ProfileStatus::Approved | ProfileStatus::Completed => Tone::Success,
        ProfileStatus::Rejected | ProfileStatus::Failed => Tone::Danger,
        ProfileStatus::Other(_) => Tone::Neutral,
    }
}

/// Who pays, in words.
pub fn billing_label(model: &BillingModel) -> String {
    match model {
        BillingModel::Organization => "Organization pays".into(),
        BillingModel::Profile => "Profile pays".into(),
        BillingModel::ProfileAndOrganization => "Profile, then organization".into(),
        BillingModel::Other(other) if other.trim().is_empty() => "Not reported".into(),
        BillingModel::Other(other) => other.clone(),
    }
}

/// The brand column.
pub fn brand_label(source: ResourceSource, submitted_to_tcr: bool) -> String {
    let base = match source {
        ResourceSource::Own | ResourceSource::Shared => "Own brand",
        ResourceSource::Inherited => "Organization's brand",
        ResourceSource::None => "No brand",
    };
    if submitted_to_tcr && source != ResourceSource::None {
        format!("{base}, submitted to TCR")
    } else {
        base.into()
    }
}

/// The WhatsApp column.
pub fn whatsapp_label(source: ResourceSource) -> String {
    match source {
        ResourceSource::Own | ResourceSource::Shared => "Own account",
        ResourceSource::Inherited => "Organization's account",
        ResourceSource::None => "No WhatsApp account",
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_as_words_and_unknown_ones_as_sent() {
        assert_eq!(
            status_label(&ProfileStatus::PendingReview),
            "Pending review"
        );
        assert_eq!(
            status_label(&ProfileStatus::from_wire("APPROVED")),
            "Approved"
        );
        assert_eq!(
            status_label(&ProfileStatus::from_wire("on_hold")),
            "on_hold"
        );
        assert_eq!(status_label(&ProfileStatus::from_wire("")), "Not reported");
        assert_eq!(status_tone(&ProfileStatus::Rejected), Tone::Danger);
        assert_eq!(
            status_tone(&ProfileStatus::from_wire("on_hold")),
            Tone::Neutral
        );
    }

    #[test]
    fn every_known_value_has_a_label() {
        let labels = DomainLabels::new();
        assert_eq!(labels.statuses.len(), ProfileStatus::KNOWN.len());
        assert_eq!(labels.billing_models.len(), 3);
        assert!(labels.billing_models.iter().all(|c| !c.label.contains('_')));
        assert_eq!(labels.environments[0].value, "local_sandbox");
        assert_eq!(labels.environments[0].label, "Local sandbox");
    }

    #[test]
    fn brand_and_whatsapp_columns() {
        assert_eq!(
            brand_label(ResourceSource::Inherited, true),
            "Organization's brand, submitted to TCR"
        );
        assert_eq!(brand_label(ResourceSource::None, true), "No brand");
        assert_eq!(whatsapp_label(ResourceSource::Own), "Own account");
    }
}
