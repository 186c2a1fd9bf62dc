//! TCR campaigns of a profile (contract §9.8, E8–E11). Everything here is camelCase on the wire,
//! including `submittedToTCR` with upper-case `TCR` (unlike the brand's `submitted_to_tcr`): hence
//! one explicit `rename` per field.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::{CampaignSharingStatus, CampaignStatus, MessagingUseCaseUs};
use crate::timestamp::Timestamp;

/// Body of campaign create (E9) and update (E10, full replacement): `{ campaign, sandbox }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CampaignRequest {
    /// The campaign (required).
    #[serde(rename = "campaign", default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub campaign: Option<CampaignData>,
    /// Dry run.
    #[serde(rename = "sandbox", default, skip_serializing_if = "crate::is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub sandbox: bool,
}

/// `campaign` in a create/update body. Required fields are `Option` so that a half-filled form can
/// be validated field by field (V20); `None` is never sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct CampaignData {
    /// Name (required).
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description (required).
    #[serde(
        rename = "description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Type, e.g. `App`, `KYC` (required, open).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub campaign_type: Option<String>,
    /// At least one use case (required).
    #[serde(rename = "useCases", default, skip_serializing_if = "Option::is_none")]
    pub use_cases: Option<Vec<UseCaseData>>,
    /// How subscribers opt in.
    #[serde(
        rename = "messageFlow",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub message_flow: Option<String>,
    /// Privacy policy URL.
    #[serde(
        rename = "privacyPolicyLink",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub privacy_policy_link: Option<String>,
    /// Terms URL.
    #[serde(
        rename = "termsAndConditionsLink",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub terms_and_conditions_link: Option<String>,
    /// Comma-separated, e.g. `"START, YES"`.
    #[serde(
        rename = "optinKeywords",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub optin_keywords: Option<String>,
    /// Comma-separated, e.g. `"STOP, END"`.
    #[serde(
        rename = "optoutKeywords",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub optout_keywords: Option<String>,
    /// Comma-separated, e.g. `"HELP"`.
    #[serde(
        rename = "helpKeywords",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub help_keywords: Option<String>,
    /// Reply to an opt-in.
    #[serde(
        rename = "optinMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub optin_message: Option<String>,
    /// Reply to an opt-out.
    #[serde(
        rename = "optoutMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub optout_message: Option<String>,
    /// Reply to HELP.
    #[serde(
        rename = "helpMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub help_message: Option<String>,
    /// Expected volume as a numeric string (newer servers only, §19 R9; offer it only when the
    /// server echoes `volume`).
    #[serde(rename = "volume", default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
}

/// One use case of a campaign request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct UseCaseData {
    /// US use case (required, closed).
    #[serde(
        rename = "messagingUseCaseUs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub messaging_use_case_us: Option<MessagingUseCaseUs>,
    /// 1–5 samples, each ≤ 1024 characters (required).
    #[serde(
        rename = "sampleMessages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sample_messages: Option<Vec<String>>,
}

/// A campaign as returned (`TcrCampaignWithUseCases`). Keys that newer servers dropped (§19 R9)
/// are `Option<Option<_>>`: outer `None` = absent, `Some(None)` = `null`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TcrCampaignWithUseCases {
    /// Campaign id.
    #[serde(rename = "id", default)]
    pub id: String,
    /// Creation time.
    #[serde(rename = "createdAt", default)]
    pub created_at: Option<Timestamp>,
    /// Last update.
    #[serde(rename = "updatedAt", default)]
    pub updated_at: Option<Timestamp>,
    /// Name.
    #[serde(rename = "name", default)]
    pub name: String,
    /// Description.
    #[serde(rename = "description", default)]
    pub description: String,
    /// Type (open).
    #[serde(rename = "type", default)]
    pub campaign_type: String,
    /// Brand id.
    #[serde(rename = "brandId", default)]
    pub brand_id: Option<String>,
    /// Owning customer (may be the zero UUID).
    #[serde(rename = "customerId", default)]
    pub customer_id: Option<String>,
    /// Campaign service provider id (absent on newer servers).
    #[serde(
        rename = "cspId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::deserialize"
    )]
    #[ts(optional)]
    pub csp_id: Option<Option<String>>,
    /// Reseller id (absent on newer servers).
    #[serde(
        rename = "resellerId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::deserialize"
    )]
    #[ts(optional)]
    pub reseller_id: Option<Option<String>>,
    /// KYC form id (absent on newer servers).
    #[serde(
        rename = "kycSubmissionFormId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::deserialize"
    )]
    #[ts(optional)]
    pub kyc_submission_form_id: Option<Option<String>>,
    /// TCR campaign id.
    #[serde(rename = "tcrCampaignId", default)]
    pub tcr_campaign_id: Option<String>,
    /// Telnyx campaign id (absent on newer servers).
    #[serde(
        rename = "telnyxCampaignId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::deserialize"
    )]
    #[ts(optional)]
    pub telnyx_campaign_id: Option<Option<String>>,
    /// Upstream CNP id (absent on newer servers).
    #[serde(
        rename = "upstreamCnpId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::deserialize"
    )]
    #[ts(optional)]
    pub upstream_cnp_id: Option<Option<String>>,
    /// TCR sync error text.
    #[serde(rename = "tcrSyncError", default)]
    pub tcr_sync_error: Option<String>,
    /// TCR status.
    #[serde(rename = "status", default)]
    pub status: Option<CampaignStatus>,
    /// Sharing status (absent on newer servers).
    #[serde(
        rename = "sharingStatus",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::deserialize"
    )]
    #[ts(optional)]
    pub sharing_status: Option<Option<CampaignSharingStatus>>,
    /// Once `true` the campaign can no longer be updated (V21).
    #[serde(rename = "submittedToTCR", default)]
    pub submitted_to_tcr: bool,
    /// Submission time.
    #[serde(rename = "submittedAt", default)]
    pub submitted_at: Option<Timestamp>,
    /// Billing date.
    #[serde(rename = "billedDate", default)]
    pub billed_date: Option<Timestamp>,
    /// DCA elections done.
    #[serde(rename = "dcaElectionsComplete", default)]
    pub dca_elections_complete: Option<bool>,
    /// When DCA elections completed.
    #[serde(rename = "dcaElectionsCompletedAt", default)]
    pub dca_elections_completed_at: Option<Timestamp>,
    /// Cost.
    #[serde(rename = "cost", default)]
    pub cost: Option<f64>,
    /// The one-time TCR fee was charged (meaningful in the list endpoint only).
    #[serde(rename = "hasSubmissionTransaction", default)]
    pub has_submission_transaction: bool,
    /// Echo of the request.
    #[serde(rename = "messageFlow", default)]
    pub message_flow: Option<String>,
    /// Echo of the request.
    #[serde(rename = "privacyPolicyLink", default)]
    pub privacy_policy_link: Option<String>,
    /// Echo of the request.
    #[serde(rename = "termsAndConditionsLink", default)]
    pub terms_and_conditions_link: Option<String>,
    /// Echo of the request.
    #[serde(rename = "optinKeywords", default)]
    pub optin_keywords: Option<String>,
    /// Echo of the request.
    #[serde(rename = "optoutKeywords", default)]
    pub optout_keywords: Option<String>,
    /// Echo of the request.
    #[serde(rename = "helpKeywords", default)]
    pub help_keywords: Option<String>,
    /// Echo of the request.
    #[serde(rename = "optinMessage", default)]
    pub optin_message: Option<String>,
    /// Echo of the request.
    #[serde(rename = "optoutMessage", default)]
    pub optout_message: Option<String>,
    /// Echo of the request.
    #[serde(rename = "helpMessage", default)]
    pub help_message: Option<String>,
    /// Expected volume (newer servers only, §19 R9): its presence enables the volume field.
    #[serde(rename = "volume", default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub volume: Option<String>,
    /// Use cases.
    #[serde(rename = "useCases", default)]
    pub use_cases: Vec<CampaignUseCase>,
}

/// A use case as returned.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CampaignUseCase {
    /// Use-case id.
    #[serde(rename = "id", default)]
    pub id: Option<String>,
    /// Creation time (may be the .NET default `0001-01-01T00:00:00+00:00`).
    #[serde(rename = "createdAt", default)]
    pub created_at: Option<Timestamp>,
    /// Last update.
    #[serde(rename = "updatedAt", default)]
    pub updated_at: Option<Timestamp>,
    /// Campaign id.
    #[serde(rename = "campaignId", default)]
    pub campaign_id: Option<String>,
    /// Customer id.
    #[serde(rename = "customerId", default)]
    pub customer_id: Option<String>,
    /// US use case.
    #[serde(rename = "messagingUseCaseUs", default)]
    pub messaging_use_case_us: Option<MessagingUseCaseUs>,
    /// Samples.
    #[serde(rename = "sampleMessages", default)]
    pub sample_messages: Vec<String>,
}
