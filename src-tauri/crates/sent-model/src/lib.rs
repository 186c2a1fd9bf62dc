//! The Sent v3 wire model: every request and response shape the app exchanges with Sent (contract
//! `shared/sent-api/CONTRACT.md`), the response envelope, the error-code families, the redacting
//! [`SecretString`], and the pre-flight validation rules of contract §11 ([`validate`]).
//!
//! This crate owns *shapes and rules*, never transport: no HTTP, no I/O. The client crate
//! (`sent-client`) sends these types; the local sandbox (`sent-sandbox`) receives and emits them, and
//! both run the very same [`validate`] functions so that the app's pre-flight errors and the server's
//! `details` can never disagree.
//!
//! Conventions:
//! - Wire names are exact (contract §1.4). Brand, destination-country and campaign types use one
//!   explicit `#[serde(rename = ...)]` per field, never a blanket `rename_all`, because their casing
//!   differs between request and response.
//! - Responses tolerate unknown keys and missing keys (`#[serde(default)]` everywhere); response
//!   `Option` fields serialize as `null` (the sandbox must emit every key), except keys that only
//!   some server revisions send (contract §19), which are skipped when absent.
//! - Requests skip `None` fields: an absent key is what Sent expects for "not given".

pub mod campaign;
pub mod contact;
pub mod effective;
pub mod enums;
pub mod envelope;
pub mod environment;
pub mod error_kind;
pub mod ids;
pub mod me;
pub mod message;
pub mod no_secret;
pub mod nullable;
pub mod number;
pub mod profile;
pub mod secret;
pub mod template;
pub mod timestamp;
pub mod validate;
pub mod webhook;
pub mod write_outcome;

pub use campaign::{CampaignData, CampaignRequest, TcrCampaignWithUseCases, UseCaseData};
pub use enums::*;
pub use envelope::{ApiErrorBody, Envelope, ErrorFamily, PaginationMeta, ResponseMeta};
pub use error_kind::ErrorKind;
pub use ids::{BadId, CampaignId, MessageId, ProfileId};
pub use me::Me;
pub use no_secret::NoSecret;
pub use profile::{
    BillingContact, BillingContactInfo, BrandBusinessInfo, BrandComplianceInfo, BrandContactInfo,
    BrandData, BrandDetail, DestinationCountry, PaymentDetails, ProfileComplete,
    ProfileCompleteResult, ProfileCreate, ProfileDetail, ProfileList, ProfileUpdate, SandboxOnly,
    WhatsappBusinessAccount,
};
pub use secret::SecretString;
pub use timestamp::Timestamp;
pub use validate::FieldErrors;
pub use write_outcome::WriteOutcome;

/// `skip_serializing_if` helper for `sandbox: bool` request flags (absent means live).
pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}
