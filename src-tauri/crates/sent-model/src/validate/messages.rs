//! The exact `details` messages of contract §11. Verbatim where a source shows them (note the
//! en dash in `3–11`); the contract's recommended wording (*rec.*) elsewhere; wording of our own,
//! in the same style, where the contract names only the key. The sandbox emits these very strings.

/// V1.
pub const NAME_REQUIRED: &str = "Profile name is required";
/// V2 (verbatim, en dash).
pub const SHORT_NAME_INVALID: &str = "short_name must be 3–11 characters, contain only letters, numbers, and spaces, and include at least one letter";
/// V3 (verbatim).
pub const BRAND_WITH_INHERITED_BRAND: &str =
    "Cannot provide brand data when inherit_tcr_brand is true.";
/// V4 (rec.).
pub const PAYMENT_NOT_ALLOWED: &str =
    "payment_details is not allowed when billing_model is 'organization'";
/// V5 (verbatim).
pub const EXPIRY_INVALID: &str = "payment_details.expiry must be in MM/YY format (e.g. '09/27')";
/// V6 (rec., en dash).
pub const CARD_NUMBER_INVALID: &str = "payment_details.card_number must be 13–19 digits";
/// V7 (rec., en dash).
pub const CVC_INVALID: &str = "payment_details.cvc must be 3–4 digits";
/// V9 (rec.).
pub const BILLING_CONTACT_REQUIRED: &str =
    "billing_contact is required when billing_model is 'profile' or 'profile_and_organization'";
/// V11 (own wording).
pub const BILLING_MODEL_INVALID: &str =
    "billing_model must be one of 'profile', 'organization', 'profile_and_organization'";
/// V13 (rec.).
pub const BRAND_SUBMITTED: &str = "Brand has already been submitted to TCR and cannot be modified.";
/// V14: the 422 message (verbatim, `details` null).
pub const NO_ORGANIZATION_WABA: &str = "Organization does not have a WhatsApp Business Account configured. Complete WhatsApp Embedded Signup for your organization first, or provide direct credentials in the 'whatsapp_business_account' field.";
/// V20: no use case (own wording).
pub const USE_CASES_EMPTY: &str = "campaign.useCases must contain at least one use case";
/// V21 (own wording).
pub const CAMPAIGN_SUBMITTED: &str =
    "Campaign has already been submitted to TCR and cannot be modified.";
/// V21 (own wording).
pub const CAMPAIGN_INHERITED: &str =
    "Campaign is inherited from the organization and is read-only for this profile.";
/// V22 (own wording).
pub const CAMPAIGN_WHILE_INHERITING: &str =
    "Cannot create a campaign when inherit_tcr_campaign is true.";
/// V23 (own wording).
/// The app's own (not Sent's): a campaign's privacy or terms link that is no web address.
pub const LINK_NOT_A_WEB_ADDRESS: &str =
    "Enter the full web address, starting with https://, e.g. https://example.com/privacy.";
pub const WEBHOOK_URL_INVALID: &str = "webHookUrl must be an absolute https URL";
/// Q39 (own wording).
pub const BODY_NOT_OBJECT: &str = "Request body must be a JSON object";
/// Message of the 400 `VALIDATION_001` envelope carrying field details.
pub const REQUEST_VALIDATION_FAILED: &str = "Request validation failed";

/// V8, V10, V12, V15, V20, V23: `<path> is required`.
pub fn required(path: &str) -> String {
    format!("{path} is required")
}

/// V12 / V20: a value outside a closed enum (own wording).
pub fn not_one_of(path: &str, allowed: &[&str]) -> String {
    format!("{path} must be one of: {}", allowed.join(", "))
}

/// E4 / 9.1: a create field typed non-nullable sent as `null` (own wording).
pub fn not_nullable(path: &str) -> String {
    format!("{path} must be true or false, not null")
}

/// V16 (own wording).
pub fn not_e164(path: &str) -> String {
    format!("{path} must be a phone number in E.164 format (e.g. +14155550123)")
}

/// V17: unknown or foreign profile (own wording).
pub fn unknown_sender_profile(path: &str) -> String {
    format!("{path} must reference another existing profile of the same organization")
}

/// V17: the profile itself (own wording).
pub fn self_sender_profile(path: &str) -> String {
    format!("{path} must reference another profile, not the profile itself")
}

/// V17: a chain that comes back to this profile (own wording).
pub fn cyclic_sender_profile(path: &str) -> String {
    format!("{path} would create a cycle of profiles borrowing each other's sender")
}

/// V20: sample count (own wording, en dash).
pub fn sample_count(path: &str) -> String {
    format!("{path} must contain 1–5 sample messages")
}

/// V20: sample length (own wording).
pub fn sample_too_long(path: &str) -> String {
    format!("{path} must be at most 1024 characters")
}
