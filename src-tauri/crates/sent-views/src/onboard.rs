//! Onboarding a client profile, worded: the wizard's steps, the presets (the seeds' patterns), which
//! step a field belongs to, and the draft the app keeps while the user works (no secret in it: the
//! WhatsApp access token and card details are asked again on resume).

use sent_model::enums::BillingModel;
use sent_model::ProfileDetail;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The wizard's steps, in order.
pub const STEPS: [(&str, &str); 7] = [
    ("identity", "Identity"),
    ("pattern", "Pattern"),
    ("resources", "Resources"),
    ("whatsapp", "WhatsApp"),
    ("compliance", "Compliance"),
    ("billing", "Billing"),
    ("review", "Review and create"),
];

/// The step where the field at `path` (wire spelling) is edited.
pub fn step_of(path: &str) -> &'static str {
    let head = path.split(['.', '[']).next().unwrap_or(path);
    match head {
        "name" | "short_name" | "description" | "icon" => "identity",
        "allow_contact_sharing"
        | "allow_template_sharing"
        | "inherit_contacts"
        | "inherit_templates" => "resources",
        "whatsapp_business_account" | "whatsapp" => "whatsapp",
        "brand" | "inherit_tcr_brand" | "inherit_tcr_campaign" => "compliance",
        "billing_model" | "billing_contact" | "payment_details" => "billing",
        _ => "review",
    }
}

/// A profile being onboarded, as the wizard keeps it (saved continuously in the local database).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OnboardingDraft {
    /// The draft's own id (also its key in the database).
    pub id: String,
    /// The step the user is on (see [`STEPS`]).
    pub step: String,
    /// The preset picked at step 2 (`agency`, `franchise`, `platform`, `custom`).
    pub preset: Option<String>,
    /// The profile being built, in the response's shape (which cannot hold a secret).
    pub profile: ProfileDetail,
    /// Use the organization's WhatsApp Business Account (else the direct credentials below).
    pub whatsapp_inherit: bool,
    pub waba_id: Option<String>,
    pub phone_number_id: Option<String>,
    /// One Idempotency-Key for "Create", kept with the draft: a retry, a double click or a resume
    /// after a crash can never create two profiles.
    pub idempotency_key: String,
    /// Set once Sent created the profile.
    pub created_profile_id: Option<String>,
    /// When a live "Create" last ended with its outcome unknown (ms since the epoch), until one
    /// is known. Sent keeps a key's answer for 24 h: past that, the app looks the profile up by
    /// name before creating again.
    #[serde(default)]
    pub ambiguous_since: Option<i64>,
}

/// A preset: the seeds' pattern, in one line, and the values it sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Preset {
    pub id: String,
    pub label: String,
    pub description: String,
}

/// The presets offered at step 2.
pub fn presets() -> Vec<Preset> {
    let p = |id: &str, label: &str, description: &str| Preset {
        id: id.into(),
        label: label.into(),
        description: description.into(),
    };
    vec![
        p("agency", "Agency", "The organization pays; the client keeps its own WhatsApp account and its own contacts, and uses and shares the organization's templates."),
        p("franchise", "Franchise", "The organization pays; each location has its own WhatsApp account and uses the organization's contacts and templates."),
        p("platform", "Platform / ISV", "The tenant pays and has everything of its own: WhatsApp account, contacts, templates, brand and campaigns."),
        p("custom", "Custom", "Start from Sent's defaults and set every choice yourself."),
    ]
}

/// Applies a preset's values to a draft (everything stays editable afterwards).
pub fn apply_preset(draft: &mut OnboardingDraft, preset: &str) {
    let p = &mut draft.profile;
    let set = |p: &mut ProfileDetail,
               contacts: (bool, bool),
               templates: (bool, bool),
               tcr: (bool, bool),
               billing: BillingModel| {
        p.inherit_contacts = contacts.0;
        p.allow_contact_sharing = contacts.1;
        p.inherit_templates = templates.0;
        p.allow_template_sharing = templates.1;
        p.inherit_tcr_brand = tcr.0;
        p.inherit_tcr_campaign = tcr.1;
        p.billing_model = billing;
    };
    match preset {
        "agency" => {
            set(
                p,
                (false, false),
                (true, true),
                (true, true),
                BillingModel::Organization,
            );
            draft.whatsapp_inherit = false;
        }
        "franchise" => {
            set(
                p,
                (true, false),
                (true, false),
                (true, true),
                BillingModel::Organization,
            );
            draft.whatsapp_inherit = false;
        }
        "platform" => {
            set(
                p,
                (false, false),
                (false, false),
                (false, false),
                BillingModel::Profile,
            );
            draft.whatsapp_inherit = false;
        }
        _ => {
            // Sent's create defaults (contract E4), billing explicit.
            set(
                p,
                (true, false),
                (true, false),
                (true, true),
                BillingModel::Organization,
            );
            draft.whatsapp_inherit = true;
        }
    }
    draft.preset = Some(preset.into());
}

/// A draft as the profile list's "Drafts" shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub step: String,
    pub step_label: String,
    #[ts(type = "number")]
    pub updated_at: i64,
    pub created_profile_id: Option<String>,
}

/// The label of a step id.
pub fn step_label(step: &str) -> String {
    STEPS
        .iter()
        .find(|(id, _)| *id == step)
        .map(|(_, label)| (*label).to_owned())
        .unwrap_or_else(|| "Submit for review".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_step() {
        assert_eq!(step_of("short_name"), "identity");
        assert_eq!(step_of("brand.business.legalName"), "compliance");
        assert_eq!(
            step_of("whatsapp_business_account.access_token"),
            "whatsapp"
        );
        assert_eq!(step_of("payment_details.expiry"), "billing");
        assert_eq!(step_of("inherit_templates"), "resources");
        assert_eq!(step_of("something_new"), "review");
    }

    #[test]
    fn presets_set_every_toggle() {
        let mut d = OnboardingDraft::default();
        apply_preset(&mut d, "agency");
        assert_eq!(d.profile.billing_model, BillingModel::Organization);
        assert!(!d.whatsapp_inherit && !d.profile.inherit_contacts);
        assert!(d.profile.inherit_templates && d.profile.allow_template_sharing);
        apply_preset(&mut d, "franchise");
        assert!(
            d.profile.inherit_contacts
                && d.profile.inherit_templates
                && !d.profile.allow_template_sharing
        );
        apply_preset(&mut d, "platform");
        assert_eq!(d.profile.billing_model, BillingModel::Profile);
        assert!(
            !d.profile.inherit_tcr_brand
                && !d.profile.inherit_tcr_campaign
                && !d.profile.inherit_templates
        );
        apply_preset(&mut d, "custom");
        assert!(d.whatsapp_inherit && d.profile.inherit_contacts);
        assert_eq!(d.preset.as_deref(), Some("custom"));
        assert_eq!(presets().len(), 4);
        assert_eq!(step_label("billing"), "Billing");
    }
}
