//! The sandbox's state: one organization and everything it owns, as persistence records.
//!
//! These are storage records, not wire types: they carry what Sent keeps but never returns
//! (WABA access tokens, soft-delete marks, key roles). Responses are rendered from them in
//! `views.rs`; requests are parsed elsewhere and applied here.

pub mod persist;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// Who owns a resource: the organization itself or one of its profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Owner {
    /// The organization.
    Org,
    /// A child profile.
    Profile(Uuid),
}

/// What an API key identifies and which role it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "profile_id", rename_all = "snake_case")]
pub enum KeyKind {
    /// Organization key of an admin user: may manage profiles.
    OrgAdmin,
    /// Organization key of a developer user: reads and sends, no profile management.
    OrgDeveloper,
    /// A child profile's own key.
    Profile(Uuid),
}

/// An accepted API key.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ApiKey {
    /// The secret value sent in `x-api-key`.
    pub key: String,
    /// What it identifies.
    pub kind: KeyKind,
}

/// The organization account.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Organization {
    pub id: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub icon: Option<String>,
    pub description: Option<String>,
    pub created_at: DateTime<Utc>,
    /// WABA from Embedded Signup; `None` makes V14's 422 reachable.
    pub waba_id: Option<String>,
    pub whatsapp_phone_number: Option<String>,
    pub whatsapp_business_name: Option<String>,
    pub sms_phone_number: Option<String>,
    pub brand: Option<Brand>,
}

/// Direct WhatsApp credentials of a profile. Sent never returns the access token and the
/// sandbox only needs to know that one was given, so only that fact is kept (and saved as
/// `"access_token_set": true`), never the token (security issue #8, finding 4).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct WabaCredentials {
    pub waba_id: String,
    #[serde(rename = "access_token_set", alias = "access_token")]
    pub access_token: TokenGiven,
    pub phone_number_id: Option<String>,
}

/// Whether an access token was given. Built from the token (`token.into()`), which it drops;
/// a data file written before this type (holding the token as a string) still loads, and is
/// rewritten without it at start.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct TokenGiven(pub bool);

impl<S: AsRef<str>> From<S> for TokenGiven {
    fn from(token: S) -> Self {
        Self(!token.as_ref().is_empty())
    }
}

impl<'de> Deserialize<'de> for TokenGiven {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Marker(bool),
            // Legacy files: the token itself. Read, reduced to the marker, never kept.
            Token(String),
        }
        Ok(match Stored::deserialize(d)? {
            Stored::Marker(b) => Self(b),
            Stored::Token(t) => Self::from(t),
        })
    }
}

/// Billing contact as stored.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BillingContact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
}

/// A TCR brand, stored in its response form (`is_inherited` is decided when rendering).
pub type Brand = sent_model::BrandDetail;

/// Facts about a brand that the completion logic needs.
pub trait BrandFacts {
    /// `compliance.is_tcr_application`.
    fn is_tcr_application(&self) -> bool;
    /// Whether some destination country is marked `isMain`.
    fn has_main_destination(&self) -> bool;
}

impl BrandFacts for Brand {
    fn is_tcr_application(&self) -> bool {
        self.compliance
            .as_ref()
            .is_some_and(|c| c.is_tcr_application)
    }

    fn has_main_destination(&self) -> bool {
        self.compliance.as_ref().is_some_and(|c| {
            c.destination_countries
                .iter()
                .any(|d| d.is_main == Some(true))
        })
    }
}

/// A sender profile.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Profile {
    pub id: Uuid,
    pub name: String,
    pub icon: Option<String>,
    pub description: Option<String>,
    pub short_name: Option<String>,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: Option<DateTime<Utc>>,
    pub allow_contact_sharing: bool,
    pub allow_template_sharing: bool,
    pub inherit_contacts: bool,
    pub inherit_templates: bool,
    pub inherit_tcr_brand: bool,
    pub inherit_tcr_campaign: bool,
    pub billing_model: String,
    pub sending_phone_number_profile_id: Option<Uuid>,
    pub sending_whatsapp_number_profile_id: Option<Uuid>,
    pub sending_phone_number: Option<String>,
    pub whatsapp_phone_number: Option<String>,
    pub allow_number_change_during_onboarding: Option<bool>,
    pub own_waba: Option<WabaCredentials>,
    pub billing_contact: Option<BillingContact>,
    pub brand: Option<Brand>,
    /// Role of the org user on this profile, shown in `/v3/me` `profiles[].role`.
    pub role: Option<String>,
    /// Soft delete mark (Q15): set profiles vanish from every read.
    pub deleted_at: Option<DateTime<Utc>>,
    /// Test fixtures of the `2026-10` revision (§19.3 S8, S9), set through the control API.
    #[serde(default, skip_serializing_if = "ProfileFixtures::is_default")]
    pub fixtures: ProfileFixtures,
}

/// Per-profile fixtures of contract §19.3 (used by the `2026-10` revision only).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ProfileFixtures {
    /// S8 "KYC submitted"; `None`: true once the profile has a brand (own or inherited).
    pub kyc_submitted: Option<bool>,
    /// S8 "documents uploaded" per destination country id (`"US"`); absent countries: true.
    pub documents_uploaded: std::collections::BTreeMap<String, bool>,
    /// S8: the background completion fails with this reason (status kept, callback
    /// `success: false`).
    pub completion_failure: Option<String>,
    /// S9: DELETE answers 409 with this code (`CONFLICT_012` or `CONFLICT_013`).
    pub delete_conflict: Option<String>,
}

impl ProfileFixtures {
    /// Nothing set (not written to the data file then).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// A TCR campaign.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Campaign {
    pub id: Uuid,
    pub owner: Owner,
    pub brand_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: Option<DateTime<Utc>>,
    pub status: Option<String>,
    pub sharing_status: Option<String>,
    pub submitted_to_tcr: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    pub tcr_campaign_id: Option<String>,
    pub cost: Option<f64>,
    pub has_submission_transaction: bool,
    /// Ids of the use cases, parallel to `data.use_cases`.
    pub use_case_ids: Vec<Uuid>,
    /// The campaign as last written (create or full-replace update).
    pub data: sent_model::CampaignData,
    pub deleted: bool,
}

/// A message template.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Template {
    pub id: Uuid,
    pub owner: Owner,
    pub name: String,
    pub category: String,
    pub language: String,
    pub status: String,
    pub channels: Vec<String>,
    pub variables: Vec<String>,
    /// Body with `{{variable}}` placeholders, used to render sends.
    pub body: String,
    pub is_published: bool,
    pub is_welcome_playground: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// A contact.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Contact {
    pub id: Uuid,
    pub owner: Owner,
    pub phone_number: String,
    pub region_code: String,
    pub country_code: String,
    pub available_channels: String,
    pub default_channel: String,
    pub opt_out: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// Why a message will fail, decided at send time and revealed as the clock advances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Failure {
    /// `ERR_ROUTE_DENIED`, fails when it would be routed.
    RouteDenied,
    /// `ERR_CONSENT_BLOCKED`, fails right after queueing.
    ConsentBlocked,
    /// `ERR_TEMPLATE_PARAMS_INVALID`, fails right after queueing.
    TemplateParamsInvalid,
    /// `2026-10` (S11): the template is not approved; `BLOCKED` with `BUSINESS_005`.
    TemplateNotApproved,
    /// `2026-10` (S11): every recipient opted out; `FILTERED` with `BUSINESS_004`.
    OptedOutFiltered,
}

/// An outbound message. Its status is a function of sandbox time (see `messages.rs`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Message {
    pub id: Uuid,
    /// The account that sent it (org or the profile in scope).
    pub owner: Owner,
    pub contact_id: Uuid,
    pub channel: String,
    pub to: String,
    pub region_code: String,
    pub template_id: Option<Uuid>,
    pub template_name: Option<String>,
    pub template_category: Option<String>,
    pub body: String,
    pub price: f64,
    pub created_at: DateTime<Utc>,
    pub failure: Option<Failure>,
    /// How many timeline events were already offered to webhooks.
    #[serde(default)]
    pub events_delivered: usize,
}

/// A webhook receiver registration.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Webhook {
    pub id: Uuid,
    pub owner: Owner,
    pub display_name: String,
    pub endpoint_url: String,
    pub event_types: Vec<String>,
    pub event_filters: Value,
    pub is_active: bool,
    pub signing_secret: String,
    pub retry_count: i64,
    pub timeout_seconds: i64,
    pub consecutive_failures: i64,
    pub last_delivery_attempt_at: Option<DateTime<Utc>>,
    pub last_successful_delivery_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: Option<DateTime<Utc>>,
    /// `2026-10` (S13): the request-only `sender_profile` object, stored, never returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_profile: Option<Value>,
}

/// A pending profile completion (contract §12.6).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CompletionJob {
    pub profile_id: Uuid,
    pub due_at: DateTime<Utc>,
    pub webhook_url: String,
}

/// The whole sandbox state; what `--data FILE` persists.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct State {
    /// File format version, bumped on incompatible changes.
    pub version: u32,
    pub org: Organization,
    pub profiles: Vec<Profile>,
    pub campaigns: Vec<Campaign>,
    pub templates: Vec<Template>,
    pub contacts: Vec<Contact>,
    pub messages: Vec<Message>,
    pub webhooks: Vec<Webhook>,
    /// Accepted keys. In derived-keys mode (an org key was given) this is rebuilt from the org
    /// key at start and written to the data file empty; otherwise the keys are stored here.
    #[serde(default)]
    pub keys: Vec<ApiKey>,
    pub completions: Vec<CompletionJob>,
    /// How far the control API has moved sandbox time, kept so that message timelines and
    /// completion jobs do not jump backwards after a restart.
    #[serde(default)]
    pub clock_offset_ms: i64,
    /// Finished idempotent answers (24 h), written with the state.
    #[serde(default)]
    pub idempotency: Vec<crate::idempotency::StoredEntry>,
    /// The org key every other key is derived from (derived-keys mode); `None` when keys are
    /// random. Never written to the data file.
    #[serde(skip)]
    pub key_secret: Option<String>,
}

/// Current persistence format.
pub const STATE_VERSION: u32 = 1;

impl State {
    /// A live (not soft-deleted) profile.
    pub fn profile(&self, id: Uuid) -> Option<&Profile> {
        self.profiles
            .iter()
            .find(|p| p.id == id && p.deleted_at.is_none())
    }

    /// A live profile, mutable.
    pub fn profile_mut(&mut self, id: Uuid) -> Option<&mut Profile> {
        self.profiles
            .iter_mut()
            .find(|p| p.id == id && p.deleted_at.is_none())
    }

    /// Live profiles in creation order.
    pub fn live_profiles(&self) -> impl Iterator<Item = &Profile> {
        self.profiles.iter().filter(|p| p.deleted_at.is_none())
    }

    /// The key for an owner, if any.
    pub fn key_of(&self, kind: KeyKind) -> Option<&str> {
        self.keys
            .iter()
            .find(|k| k.kind == kind)
            .map(|k| k.key.as_str())
    }

    /// A key for a new profile: derived from the org key in derived-keys mode, else random.
    pub fn new_profile_key(&self, profile_id: Uuid) -> String {
        match &self.key_secret {
            Some(org) => {
                crate::ids::derived_api_key(org, &crate::ids::profile_key_label(profile_id))
            }
            None => crate::ids::api_key(),
        }
    }

    /// Derived-keys mode: makes `org_key` the org admin key and rebuilds every other key from it
    /// (org developer, and one per profile, deleted ones included so their keys still answer
    /// `AUTH_002` the same way as before a restart). Keys stored earlier are dropped.
    pub fn derive_keys(&mut self, org_key: &str) {
        use crate::ids::{derived_api_key, profile_key_label, DEVELOPER_KEY_LABEL};
        let mut keys = vec![
            ApiKey {
                key: org_key.to_string(),
                kind: KeyKind::OrgAdmin,
            },
            ApiKey {
                key: derived_api_key(org_key, DEVELOPER_KEY_LABEL),
                kind: KeyKind::OrgDeveloper,
            },
        ];
        for p in &self.profiles {
            keys.push(ApiKey {
                key: derived_api_key(org_key, &profile_key_label(p.id)),
                kind: KeyKind::Profile(p.id),
            });
        }
        self.keys = keys;
        self.key_secret = Some(org_key.to_string());
    }

    /// Random-keys mode: gives a random key to the org admin, the org developer and every
    /// profile that has none (a data file written in derived-keys mode and opened without the
    /// org key). Existing keys are kept.
    pub fn fill_missing_keys(&mut self) {
        let mut kinds = vec![KeyKind::OrgAdmin, KeyKind::OrgDeveloper];
        kinds.extend(self.profiles.iter().map(|p| KeyKind::Profile(p.id)));
        // A set, not a search per kind: 10,000 generated profiles stay quick.
        let mut have: std::collections::HashSet<KeyKind> =
            self.keys.iter().map(|k| k.kind).collect();
        for kind in kinds {
            if have.insert(kind) {
                self.keys.push(ApiKey {
                    key: crate::ids::api_key(),
                    kind,
                });
            }
        }
    }

    /// Campaigns (not deleted) owned by `owner`.
    pub fn campaigns_of(&self, owner: Owner) -> impl Iterator<Item = &Campaign> {
        self.campaigns
            .iter()
            .filter(move |c| c.owner == owner && !c.deleted)
    }
}
