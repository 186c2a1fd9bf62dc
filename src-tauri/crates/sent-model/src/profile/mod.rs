//! Sender profiles (contract §9.1, E2–E7): the response object, the create body, the PATCH change
//! set, the completion call and its callback. The brand lives in [`brand`] (response form) and
//! [`brand_request`] (request form) because its casing differs by direction.

pub mod brand;
pub mod brand_request;
pub mod diff;
pub mod requests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use brand::{
    BrandBusinessDetail, BrandComplianceDetail, BrandContactDetail, BrandDetail, DestinationCountry,
};
pub use brand_request::{BrandBusinessInfo, BrandComplianceInfo, BrandContactInfo, BrandData};
pub use requests::{
    BillingContactInfo, PaymentDetails, ProfileCreate, ProfileUpdate, WhatsappBusinessAccount,
};

use crate::enums::{BillingModel, CompletionStatus, ProfileStatus};
use crate::envelope::PaginationMeta;
use crate::timestamp::Timestamp;

// The enum comes from `open_enum!`, shared with enums that have no default: no `#[default]` there.
#[allow(clippy::derivable_impls)]
impl Default for ProfileStatus {
    fn default() -> Self {
        ProfileStatus::Incomplete
    }
}

#[allow(clippy::derivable_impls)]
impl Default for BillingModel {
    /// Sent's default when a create omits it (contract E4).
    fn default() -> Self {
        BillingModel::Profile
    }
}

/// A sender profile as Sent returns it (get, list, create, update). Key order follows the captured
/// examples so that serialized fixtures diff cleanly.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileDetail {
    /// Profile id (UUID).
    #[serde(default)]
    pub id: String,
    /// Parent organization.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Display name (an emptied form field's `null` reads as "", which the rules then name).
    #[serde(default, deserialize_with = "crate::nullable::or_default")]
    pub name: String,
    /// Contact e-mail, inherited from the organization (not settable).
    #[serde(default)]
    pub email: Option<String>,
    /// Icon URL.
    #[serde(default)]
    pub icon: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// 3–11 letters/digits/spaces with at least one letter.
    #[serde(default)]
    pub short_name: Option<String>,
    /// Setup status (open: compare case-insensitively).
    #[serde(default)]
    pub status: ProfileStatus,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// Last update.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    /// This profile's contacts are visible to the organization's other profiles.
    #[serde(default)]
    pub allow_contact_sharing: bool,
    /// Same for templates.
    #[serde(default)]
    pub allow_template_sharing: bool,
    /// Reads the organization's contacts.
    #[serde(default)]
    pub inherit_contacts: bool,
    /// Reads the organization's templates.
    #[serde(default)]
    pub inherit_templates: bool,
    /// Uses the organization's TCR brand.
    #[serde(default)]
    pub inherit_tcr_brand: bool,
    /// Uses the organization's TCR campaigns.
    #[serde(default)]
    pub inherit_tcr_campaign: bool,
    /// Who pays.
    #[serde(default)]
    pub billing_model: BillingModel,
    /// Another profile whose SMS setup this one uses.
    #[serde(default)]
    pub sending_phone_number_profile_id: Option<String>,
    /// Another profile whose WhatsApp setup this one uses.
    #[serde(default)]
    pub sending_whatsapp_number_profile_id: Option<String>,
    /// Dedicated SMS number (E.164).
    #[serde(default)]
    pub sending_phone_number: Option<String>,
    /// Dedicated WhatsApp number (E.164).
    #[serde(default)]
    pub whatsapp_phone_number: Option<String>,
    /// Whether the number may change during onboarding.
    #[serde(default)]
    pub allow_number_change_during_onboarding: Option<bool>,
    /// WhatsApp Business Account in effect (inherited or direct); the token is never returned.
    #[serde(default)]
    pub waba_id: Option<String>,
    /// Billing contact.
    #[serde(default)]
    pub billing_contact: Option<BillingContact>,
    /// Own or inherited brand; `null` when none.
    #[serde(default)]
    pub brand: Option<BrandDetail>,
}

/// Billing contact as returned (every key nullable).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BillingContact {
    /// Person or company billed.
    #[serde(default)]
    pub name: Option<String>,
    /// Invoice recipient.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// One free-text address line.
    #[serde(default)]
    pub address: Option<String>,
}

/// `data` of `GET /v3/profiles`. `pagination` only comes from newer servers (§19 R10): when it says
/// `has_more`, the list is partial.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileList {
    /// Every non-deleted profile of the organization.
    #[serde(default)]
    pub profiles: Vec<ProfileDetail>,
    /// Present on newer servers only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pagination: Option<PaginationMeta>,
}

/// Body of `POST /v3/profiles/{id}/complete`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileComplete {
    /// Absolute URL Sent calls once when processing ends (capital `H` on the wire). Required (V23).
    #[serde(
        rename = "webHookUrl",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub web_hook_url: Option<String>,
    /// Dry run.
    #[serde(default, skip_serializing_if = "crate::is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub sandbox: bool,
}

/// `data` of the complete call: 202 `{message}` while processing, 200 `{message, status}` when the
/// profile was already complete.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileCompleteResult {
    /// Human text, e.g. `Profile completion in progress`.
    #[serde(default)]
    pub message: Option<String>,
    /// `completed` / `submitted` / `in_progress` (any casing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<CompletionStatus>,
}

/// What Sent POSTs to `webHookUrl` when completion ends (contract §12.5), camelCase.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompletionCallback {
    /// The profile.
    #[serde(rename = "profileId", default)]
    pub profile_id: String,
    /// Whether processing succeeded.
    #[serde(rename = "success", default)]
    pub success: bool,
    /// `COMPLETED`, `SUBMITTED` or `failed`.
    #[serde(rename = "status", default)]
    pub status: Option<CompletionStatus>,
    /// Emission time.
    #[serde(rename = "timestamp", default)]
    pub timestamp: Option<Timestamp>,
    /// Why a background failure happened (newer servers, §19 R11).
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason: Option<String>,
}

/// Body of the DELETE calls that take one (profiles, campaigns): `{}` live, `{"sandbox":true}` dry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SandboxOnly {
    /// Dry run.
    #[serde(default, skip_serializing_if = "crate::is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub sandbox: bool,
}
