//! Onboarding a client profile, worded: the wizard's steps, the presets (the seeds' patterns), which
//! step a field belongs to, and the draft the app keeps while the user works (no secret in it: the
//! WhatsApp access token and card details are asked again on resume).

use std::collections::BTreeMap;

use sent_model::campaign::{CampaignData, TcrCampaignWithUseCases, UseCaseData};
use sent_model::enums::BillingModel;
use sent_model::profile::brand::{BrandBusinessDetail, BrandComplianceDetail};
use sent_model::{BrandDetail, FieldErrors, ProfileDetail, WriteOutcome};
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
    /// The profile this draft was started from ("New client like this"), with its own campaigns
    /// as forms to offer once the new profile exists.
    #[serde(default)]
    pub like: Option<LikeProfile>,
}

/// The client a draft copies its configuration from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LikeProfile {
    pub profile_id: String,
    pub name: String,
    /// The source's own campaigns as new-campaign forms (use cases, sample messages, opt-in and
    /// help texts); each is created only when the user confirms it after the profile exists,
    /// because Sent needs the profile first and the samples may name the other client.
    pub campaigns: Vec<CampaignData>,
}

// An onboarding draft: a response-shaped profile plus WABA/phone ids and the create's idempotency
// key; the access token and card details are never part of it.
impl sent_model::NoSecret for OnboardingDraft {}

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

/// "New client like this": a new draft with `source`'s configuration and none of its identity.
///
/// Copied: how contacts and templates are inherited and shared, whether the TCR brand and
/// campaigns are the organization's, the billing model, whether WhatsApp is the organization's
/// (`whatsapp_own`: the source keeps its own account), and, for an own brand, what describes the
/// kind of business rather than this one (entity type, tax id type, country of registration, and
/// the compliance answers: vertical, relationship, use case, volume, TCR application, number prefix,
/// destination countries). The source's own campaigns become forms (`campaigns`, see
/// [`LikeProfile`]).
///
/// Never copied: the name, short name, description, icon and e-mail; the brand's legal name, tax
/// id, address, website and contact; the billing contact; the compliance notes; the WhatsApp
/// account and numbers; and secrets, which no profile answer holds anyway. The new client's name
/// and identity are asked anew, starting at the first step.
pub fn draft_like(
    source: &ProfileDetail,
    whatsapp_own: bool,
    campaigns: &[TcrCampaignWithUseCases],
) -> OnboardingDraft {
    let mut profile = ProfileDetail {
        inherit_contacts: source.inherit_contacts,
        allow_contact_sharing: source.allow_contact_sharing,
        inherit_templates: source.inherit_templates,
        allow_template_sharing: source.allow_template_sharing,
        inherit_tcr_brand: source.inherit_tcr_brand,
        inherit_tcr_campaign: source.inherit_tcr_campaign,
        billing_model: source.billing_model.clone(),
        ..ProfileDetail::default()
    };
    let own_brand = source
        .brand
        .as_ref()
        .filter(|b| !b.is_inherited && !source.inherit_tcr_brand);
    if let Some(brand) = own_brand {
        let business = brand.business.as_ref();
        profile.brand = Some(BrandDetail {
            business: business.map(|b| BrandBusinessDetail {
                entity_type: b.entity_type.clone(),
                tax_id_type: b.tax_id_type.clone(),
                country_of_registration: b.country_of_registration.clone(),
                ..BrandBusinessDetail::default()
            }),
            compliance: brand.compliance.as_ref().map(|c| {
                let mut compliance = BrandComplianceDetail {
                    notes: None,
                    ..c.clone()
                };
                // The form asks for exactly one main destination country; a source whose only
                // country is not marked main (as Sent's own examples send it) would otherwise
                // stop the new client at its brand step for a choice the source never made.
                if compliance.destination_countries.len() == 1 {
                    compliance.destination_countries[0].is_main = Some(true);
                }
                compliance
            }),
            ..BrandDetail::default()
        });
    }
    let own_campaigns = if source.inherit_tcr_campaign {
        Vec::new()
    } else {
        campaigns
            .iter()
            .filter(|c| c.customer_id.as_deref() == Some(source.id.as_str()))
            .map(campaign_form)
            .collect()
    };
    OnboardingDraft {
        id: uuid::Uuid::new_v4().to_string(),
        step: "identity".into(),
        // The source's choices, not a preset's (picking one at step 2 replaces them).
        preset: None,
        profile,
        whatsapp_inherit: !whatsapp_own,
        idempotency_key: uuid::Uuid::new_v4().to_string(),
        like: Some(LikeProfile {
            profile_id: source.id.clone(),
            name: source.name.clone(),
            campaigns: own_campaigns,
        }),
        ..OnboardingDraft::default()
    }
}

/// A campaign as a new campaign's form: what it says and how subscribers opt in, not its ids,
/// status or TCR history.
fn campaign_form(c: &TcrCampaignWithUseCases) -> CampaignData {
    CampaignData {
        name: Some(c.name.clone()),
        description: Some(c.description.clone()),
        campaign_type: Some(c.campaign_type.clone()),
        use_cases: Some(
            c.use_cases
                .iter()
                .map(|u| UseCaseData {
                    messaging_use_case_us: u.messaging_use_case_us,
                    sample_messages: Some(u.sample_messages.clone()),
                })
                .collect(),
        ),
        message_flow: c.message_flow.clone(),
        privacy_policy_link: c.privacy_policy_link.clone(),
        terms_and_conditions_link: c.terms_and_conditions_link.clone(),
        optin_keywords: c.optin_keywords.clone(),
        optout_keywords: c.optout_keywords.clone(),
        help_keywords: c.help_keywords.clone(),
        optin_message: c.optin_message.clone(),
        optout_message: c.optout_message.clone(),
        help_message: c.help_message.clone(),
        volume: c.volume.clone(),
    }
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

/// How long after an ambiguous create the app trusts Sent to still replay the key's answer (Sent
/// keeps it 24 h; an hour of margin for clocks and a request in flight).
pub const KEY_REPLAY_TRUSTED_MS: i64 = 23 * 60 * 60 * 1000;

/// The draft's Idempotency-Key and what goes with it are decided here, never by the webview (whose
/// copy of the draft may be older): renewed after a definite refusal, kept after an ambiguous
/// failure, with when that happened.
impl OnboardingDraft {
    /// Takes from the stored copy what only these rules decide: the key, since when the last create
    /// is ambiguous, and the profile the draft created.
    pub fn keep_decided(&mut self, stored: OnboardingDraft) {
        self.idempotency_key = stored.idempotency_key;
        self.ambiguous_since = stored.ambiguous_since;
        if self.created_profile_id.is_none() {
            self.created_profile_id = stored.created_profile_id;
        }
    }

    /// After a live create failed: a refusal Sent keeps under the key (or a failure that never
    /// reached Sent's idempotency, `None`) makes the corrected draft a new action with a new key;
    /// an ambiguous one keeps the key and remembers since when.
    pub fn after_failed_create(&mut self, outcome: Option<WriteOutcome>, now_ms: i64) {
        match outcome {
            Some(WriteOutcome::Unknown) => {
                self.ambiguous_since.get_or_insert(now_ms);
            }
            Some(WriteOutcome::NotApplied) => {}
            Some(WriteOutcome::Refused) | None => {
                self.idempotency_key = uuid::Uuid::new_v4().to_string();
            }
        }
    }

    /// Whether an earlier create's outcome is unknown and old enough that Sent no longer replays
    /// its key: the profile must be looked for before creating again.
    pub fn lost_create_to_look_up(&self, now_ms: i64) -> bool {
        self.created_profile_id.is_none()
            && self
                .ambiguous_since
                .is_some_and(|since| now_ms.saturating_sub(since) >= KEY_REPLAY_TRUSTED_MS)
    }

    /// Among the organization's profiles, the one the lost create made: the draft's name (case and
    /// spaces aside), created since the attempt (a minute of margin). The draft then points at it;
    /// with none, the create goes ahead with the draft's key. Either way the outcome is known.
    pub fn adopt_lost_create<'p>(
        &mut self,
        profiles: &'p [ProfileDetail],
    ) -> Option<&'p ProfileDetail> {
        let since_secs = self.ambiguous_since.take()? / 1000;
        let name = self.profile.name.trim().to_lowercase();
        let made = profiles.iter().find(|p| {
            p.name.trim().to_lowercase() == name
                && p.created_at
                    .as_ref()
                    .is_none_or(|at| at.to_utc().timestamp() >= since_secs - 60)
        })?;
        self.created_profile_id = Some(made.id.clone());
        self.step = "submit".into();
        Some(made)
    }
}

/// Where Sent reports a submission's result: the address typed in, else (`None`) the receiver on
/// this computer, which only a server on this computer can reach. A remote workspace must name an
/// https address of its own: Sent itself would otherwise be told to call 127.0.0.1.
pub fn report_address(local: bool, typed: Option<String>) -> Result<Option<String>, FieldErrors> {
    match typed.map(|u| u.trim().to_owned()).filter(|u| !u.is_empty()) {
        Some(url) => Ok(Some(url)),
        None if local => Ok(None),
        None => {
            let mut fields = FieldErrors::new();
            fields.add(
                "webHookUrl",
                "Enter an https address your agency owns: Sent reports the review's result there.",
            );
            Err(fields)
        }
    }
}

/// Contract §12.2: what a profile still lacks before review, each with the place that fixes it
/// (`step:<wizard step>` or `profile:<section>`).
pub fn missing_for_review(
    profile: &ProfileDetail,
    campaigns: usize,
) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut add = |path: &str, message: &str| {
        out.entry(path.to_owned())
            .or_default()
            .push(message.to_owned())
    };
    if profile
        .short_name
        .as_deref()
        .is_none_or(|s| s.trim().is_empty())
    {
        add("short_name", "Add a short name (Identity).");
    }
    if profile
        .description
        .as_deref()
        .is_none_or(|s| s.trim().is_empty())
    {
        add("description", "Add a description (Identity).");
    }
    match &profile.brand {
        None if profile.inherit_tcr_brand => add("inherit_tcr_brand", "The organization has no TCR brand to inherit: add one in the Sent dashboard, or turn off “Inherit the organization's TCR brand” and give the profile its own TCR brand."),
        None => add("brand", "The profile needs its own TCR brand: add it in the brand section."),
        Some(_) => {}
    }
    let tcr = profile
        .brand
        .as_ref()
        .and_then(|b| b.compliance.as_ref())
        .is_some_and(|c| c.is_tcr_application);
    if tcr && campaigns == 0 {
        add("campaigns", "A TCR application needs at least one campaign, own or inherited: create one under “TCR campaigns” (above, or on the profile's page).");
    }
    out
}

/// Where a submitted profile is, in words, while the app follows it (`None` for a status that
/// says nothing new: the intermediate ones read the same, so the list does not flash "incomplete"
/// between "Submitted" and "Pending review"). `timed_out`: followed for two minutes without a
/// settled status.
pub fn submit_status_words(status: &str, timed_out: bool) -> String {
    match status {
        "approved" | "completed" => "Approved: the profile is ready to send.".to_owned(),
        "pending_review" => "Pending review: Sent (or TCR) is reviewing the profile; this can take days. The app keeps following it and tells you when review ends.".to_owned(),
        "rejected" | "failed" => "Rejected: open the profile to see what Sent reports, fix it and submit again.".to_owned(),
        _ if timed_out => "Still processing after two minutes: the app keeps following it and tells you when review ends.".to_owned(),
        "incomplete" | "processing" | "submitted" | "in_progress" => {
            "Sent is checking the profile and connecting its channels…".to_owned()
        }
        other => format!("Sent reports the status “{other}”, which this app version does not know; open the profile in the Sent dashboard."),
    }
}

/// Where a profile stands for review before a submission, in words, and whether submitting is
/// offered: a profile not yet submitted, a rejected one and one whose status this version does not
/// know can be submitted; one in review or approved cannot (Sent would answer that it is complete).
pub fn review_standing(status: &str) -> (bool, String) {
    match status {
        "incomplete" => (true, "Not submitted for review yet.".to_owned()),
        "rejected" | "failed" => (
            true,
            "Rejected: fix what Sent reported (its message is in the journal and on the notice), then submit again.".to_owned(),
        ),
        "approved" | "completed" => (
            false,
            "Approved: the profile can send. There is nothing to submit.".to_owned(),
        ),
        "pending_review" | "submitted" | "processing" | "in_progress" => (
            false,
            "In review at Sent (or TCR): this can take days. Refresh shows the latest status.".to_owned(),
        ),
        other => (
            true,
            format!("Sent reports the status “{other}”, which this app version does not know; submitting asks Sent to check the profile again."),
        ),
    }
}

/// Whether a status is still moving after a submit (the app keeps following it).
pub fn submit_in_progress(status: &str) -> bool {
    matches!(
        status,
        "incomplete" | "processing" | "submitted" | "in_progress"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_is_offered_to_new_and_rejected_profiles_only() {
        assert!(review_standing("incomplete").0);
        assert!(review_standing("rejected").0);
        assert!(review_standing("failed").1.starts_with("Rejected"));
        assert!(!review_standing("pending_review").0);
        assert!(!review_standing("approved").0);
        assert!(!review_standing("completed").0);
        let (offered, words) = review_standing("on_hold");
        assert!(offered && words.contains("on_hold"));
    }

    #[test]
    fn a_submit_is_followed_in_words_without_flashing_intermediate_statuses() {
        let checking = submit_status_words("incomplete", false);
        assert_eq!(checking, submit_status_words("processing", false));
        assert!(!checking.contains("incomplete"));
        assert!(submit_status_words("pending_review", false).starts_with("Pending review"));
        assert!(submit_status_words("incomplete", true).contains("two minutes"));
        assert!(submit_status_words("frozen", false).contains("“frozen”"));
        assert!(submit_in_progress("submitted") && !submit_in_progress("pending_review"));
    }

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

    #[test]
    fn a_remote_workspace_is_never_given_the_receiver_on_this_computer() {
        // A server that is not on this computer would be told to call 127.0.0.1: the address is asked.
        let remote = report_address(false, None).unwrap_err().into_map();
        assert!(remote["webHookUrl"][0].contains("https"));
        assert_eq!(
            report_address(false, Some(" https://hooks.example.com/sent ".into())).unwrap(),
            Some("https://hooks.example.com/sent".to_owned())
        );
        // On this computer, the app's own receiver (None) unless an address was given.
        assert_eq!(report_address(true, None).unwrap(), None);
        assert_eq!(report_address(true, Some("  ".into())).unwrap(), None);
    }

    #[test]
    fn the_create_key_is_renewed_only_after_a_definite_refusal() {
        let mut draft = OnboardingDraft {
            idempotency_key: "k1".into(),
            ..OnboardingDraft::default()
        };
        // Not applied (429, not sent): same key, nothing ambiguous.
        draft.after_failed_create(Some(WriteOutcome::NotApplied), 1_000);
        assert_eq!(
            (draft.idempotency_key.as_str(), draft.ambiguous_since),
            ("k1", None)
        );
        // Unknown: same key, since the first time.
        draft.after_failed_create(Some(WriteOutcome::Unknown), 2_000);
        draft.after_failed_create(Some(WriteOutcome::Unknown), 3_000);
        assert_eq!(
            (draft.idempotency_key.as_str(), draft.ambiguous_since),
            ("k1", Some(2_000))
        );
        // Refused (Sent keeps the refusal under the key) or a local failure: a new key.
        draft.after_failed_create(Some(WriteOutcome::Refused), 4_000);
        let renewed = draft.idempotency_key.clone();
        assert_ne!(renewed, "k1");
        draft.after_failed_create(None, 5_000);
        assert_ne!(draft.idempotency_key, renewed);
        // The webview's older copy cannot bring the old key back.
        let mut from_webview = OnboardingDraft {
            idempotency_key: "k1".into(),
            ..OnboardingDraft::default()
        };
        from_webview.keep_decided(draft.clone());
        assert_eq!(from_webview.idempotency_key, draft.idempotency_key);
        assert_eq!(from_webview.ambiguous_since, Some(2_000));
    }

    #[test]
    fn a_lost_create_is_looked_up_only_once_sent_forgot_its_key() {
        let since = 1_800_000_000_000_i64;
        let mut draft = OnboardingDraft {
            ambiguous_since: Some(since),
            ..OnboardingDraft::default()
        };
        draft.profile.name = "Sunrise Dental".into();
        assert!(!draft.lost_create_to_look_up(since + KEY_REPLAY_TRUSTED_MS - 1));
        assert!(draft.lost_create_to_look_up(since + KEY_REPLAY_TRUSTED_MS));
        let profile = |id: &str, name: &str, created_secs: i64| {
            let mut p = ProfileDetail {
                id: id.into(),
                name: name.into(),
                ..ProfileDetail::default()
            };
            p.created_at = chrono::DateTime::from_timestamp(created_secs, 0).map(Into::into);
            p
        };
        let profiles = [
            profile("older", "Sunrise Dental", since / 1000 - 3600),
            profile("other", "Moonrise Dental", since / 1000 + 5),
            profile("made", " sunrise dental ", since / 1000 + 5),
        ];
        let mut adopting = draft.clone();
        assert_eq!(
            adopting.adopt_lost_create(&profiles).map(|p| p.id.as_str()),
            Some("made")
        );
        assert_eq!(adopting.created_profile_id.as_deref(), Some("made"));
        assert_eq!(adopting.ambiguous_since, None);
        assert!(!adopting.lost_create_to_look_up(i64::MAX));
        // None made since: the create goes ahead with the draft's key, the outcome now known.
        let mut creating = draft.clone();
        assert!(creating.adopt_lost_create(&profiles[..2]).is_none());
        assert_eq!(creating.created_profile_id, None);
        assert_eq!(creating.ambiguous_since, None);
    }

    #[test]
    fn a_client_like_another_copies_its_configuration_and_none_of_its_identity() {
        let source: ProfileDetail = serde_json::from_value(serde_json::json!({
            "id": "p-src", "name": "Sunrise Dental", "short_name": "SUNRISE", "description": "Dental clinic",
            "email": "ops@sunrise.example", "status": "approved",
            "inherit_contacts": false, "allow_contact_sharing": true, "inherit_templates": true,
            "allow_template_sharing": false, "inherit_tcr_brand": false, "inherit_tcr_campaign": false,
            "billing_model": "profile", "waba_id": "204417733119851",
            "sending_phone_number": "+15550100",
            "billing_contact": { "name": "Ann Lee", "email": "ann@sunrise.example" },
            "brand": {
                "id": "b1", "is_inherited": false, "submitted_to_tcr": true, "tcr_brand_id": "BX1",
                "contact": { "name": "Ann Lee", "email": "ann@sunrise.example" },
                "business": { "legal_name": "Sunrise Dental LLC", "tax_id": "12-3456789", "tax_id_type": "EIN",
                              "entity_type": "PRIVATE_PROFIT", "street": "1 Main St", "city": "Austin",
                              "url": "https://sunrise.example", "country_of_registration": "US" },
                "compliance": { "vertical": "HEALTHCARE", "brand_relationship": "SMALL_ACCOUNT",
                                "primary_use_case": "CUSTOMER_CARE", "is_tcr_application": true,
                                "destination_countries": [{ "id": "US", "is_main": true }],
                                "notes": "Ask Ann about the second site" }
            }
        }))
        .unwrap();
        let campaign = |customer: &str, name: &str| -> TcrCampaignWithUseCases {
            serde_json::from_value(serde_json::json!({
                "id": format!("c-{name}"), "name": name, "description": "Reminders", "type": "App",
                "customerId": customer, "submittedToTCR": true, "hasSubmissionTransaction": false,
                "useCases": [{ "messagingUseCaseUs": "ACCOUNT_NOTIFICATION", "sampleMessages": ["Your visit is tomorrow"] }]
            }))
            .unwrap()
        };
        let campaigns = [campaign("p-src", "Reminders"), campaign("org", "Org wide")];
        let draft = draft_like(&source, true, &campaigns);

        let p = &draft.profile;
        assert_eq!(
            (
                p.inherit_contacts,
                p.allow_contact_sharing,
                p.inherit_templates,
                p.allow_template_sharing
            ),
            (false, true, true, false)
        );
        assert_eq!(
            (p.inherit_tcr_brand, p.inherit_tcr_campaign),
            (false, false)
        );
        assert_eq!(p.billing_model, BillingModel::Profile);
        assert!(
            !draft.whatsapp_inherit,
            "the source keeps its own WhatsApp account"
        );
        // Identity is asked anew.
        assert_eq!(p.name, "");
        assert_eq!(
            (&p.short_name, &p.description, &p.email),
            (&None, &None, &None)
        );
        assert_eq!((&p.waba_id, &p.sending_phone_number), (&None, &None));
        assert!(p.billing_contact.is_none());
        assert!(draft.waba_id.is_none() && draft.phone_number_id.is_none());
        let brand = p.brand.as_ref().unwrap();
        assert!(brand.contact.is_none() && brand.tcr_brand_id.is_none() && !brand.submitted_to_tcr);
        let business = brand.business.as_ref().unwrap();
        assert_eq!(business.entity_type.as_deref(), Some("PRIVATE_PROFIT"));
        assert_eq!(business.tax_id_type.as_deref(), Some("EIN"));
        assert_eq!(business.country_of_registration.as_deref(), Some("US"));
        assert!(business.legal_name.is_none() && business.tax_id.is_none());
        assert!(business.street.is_none() && business.city.is_none() && business.url.is_none());
        let compliance = brand.compliance.as_ref().unwrap();
        assert_eq!(
            compliance.primary_use_case.as_deref(),
            Some("CUSTOMER_CARE")
        );
        assert_eq!(compliance.destination_countries.len(), 1);
        assert!(compliance.notes.is_none());
        // The source's own campaigns only, as forms.
        let like = draft.like.as_ref().unwrap();
        assert_eq!(
            (like.profile_id.as_str(), like.name.as_str()),
            ("p-src", "Sunrise Dental")
        );
        assert_eq!(like.campaigns.len(), 1);
        assert_eq!(like.campaigns[0].name.as_deref(), Some("Reminders"));
        assert_eq!(
            like.campaigns[0].use_cases.as_ref().unwrap()[0]
                .sample_messages
                .as_deref(),
            Some(&["Your visit is tomorrow".to_owned()][..])
        );
        // A new action: its own id and key, from the first step.
        assert_eq!(
            (draft.step.as_str(), draft.preset.as_deref()),
            ("identity", None)
        );
        assert!(!draft.id.is_empty() && !draft.idempotency_key.is_empty());
        assert_ne!(draft.id, draft.idempotency_key);
        assert!(draft.created_profile_id.is_none());

        // A source on the organization's brand and campaigns carries neither.
        let mut inheriting = source.clone();
        inheriting.inherit_tcr_brand = true;
        inheriting.inherit_tcr_campaign = true;
        let draft = draft_like(&inheriting, false, &campaigns);
        assert!(draft.profile.brand.is_none());
        assert!(draft.like.unwrap().campaigns.is_empty());
        assert!(draft.whatsapp_inherit);
    }
}
