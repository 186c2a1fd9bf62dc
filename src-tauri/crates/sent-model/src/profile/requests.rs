//! Profile write bodies: create (E4) and the PATCH change set (E5), with their nested billing,
//! payment and WhatsApp objects.
//!
//! Fields Sent requires are still `Option` here so that an incomplete form can be represented and
//! validated field by field ([`crate::validate`]); `None` is never sent. Card data (number, expiry,
//! CVC, ZIP) and the WhatsApp access token are [`SecretString`]s that serialize only inside
//! [`crate::secret::wire::to_body`] (sent-client's request bodies); a plain
//! `serde_json::to_string` of a body that holds one is an error.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::brand_request::BrandData;
use crate::enums::BillingModel;
use crate::secret::SecretString;

/// Body of `POST /v3/profiles`. Always send `billing_model`, `inherit_tcr_brand` and
/// `inherit_tcr_campaign` explicitly (contract Q4, §19 D3): their server defaults differ by revision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct ProfileCreate {
    /// Display name (required, V1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 3–11 letters/digits/spaces, ≥1 letter (V2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Icon URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// Default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_contact_sharing: Option<bool>,
    /// Default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_template_sharing: Option<bool>,
    /// Default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherit_contacts: Option<bool>,
    /// Default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherit_templates: Option<bool>,
    /// Default `true` (older servers) or `false` (newer): always send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherit_tcr_brand: Option<bool>,
    /// Default `true` (older servers) or `false` (newer): always send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherit_tcr_campaign: Option<bool>,
    /// Default `profile`: always send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_model: Option<BillingModel>,
    /// Required when the profile is billed (V9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_contact: Option<BillingContactInfo>,
    /// Card, forwarded to the processor, never stored (V4–V8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_details: Option<PaymentDetails>,
    /// Direct WhatsApp credentials; omitted = inherit the organization's (V14, V15). Create-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whatsapp_business_account: Option<WhatsappBusinessAccount>,
    /// The profile's own brand (V3, V12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<BrandData>,
    /// Dry run: validated like a live call, nothing stored.
    #[serde(default, skip_serializing_if = "crate::is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub sandbox: bool,
}

/// Body of `PATCH /v3/profiles/{id}`: a change set. For Sent an absent key and `null` both mean
/// "leave unchanged" (contract E5, Q3), so every field is `Option`, `None` is never sent, and a
/// deserialized `null` becomes `None`. There is no way to clear a stored value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct ProfileUpdate {
    /// New display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New short name (V2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// New description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New icon URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// Contact sharing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_contact_sharing: Option<bool>,
    /// Template sharing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_template_sharing: Option<bool>,
    /// Contact inheritance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherit_contacts: Option<bool>,
    /// Template inheritance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherit_templates: Option<bool>,
    /// Brand inheritance (V3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherit_tcr_brand: Option<bool>,
    /// Campaign inheritance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherit_tcr_campaign: Option<bool>,
    /// Billing model (V9, V11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_model: Option<BillingModel>,
    /// Billing contact (V10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_contact: Option<BillingContactInfo>,
    /// Card (V4–V8, checked against the effective billing model).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_details: Option<PaymentDetails>,
    /// Create or update the own brand (V3, V12, V13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<BrandData>,
    /// Borrow another profile's SMS setup (update-only, V17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sending_phone_number_profile_id: Option<String>,
    /// Borrow another profile's WhatsApp setup (update-only, V17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sending_whatsapp_number_profile_id: Option<String>,
    /// Own SMS number, E.164 (update-only, V16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sending_phone_number: Option<String>,
    /// Own WhatsApp number, E.164 (update-only, V16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whatsapp_phone_number: Option<String>,
    /// Update-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_number_change_during_onboarding: Option<bool>,
    /// Dry run.
    #[serde(default, skip_serializing_if = "crate::is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub sandbox: bool,
}

impl ProfileUpdate {
    /// True when the change set changes nothing (then there is nothing to PATCH).
    pub fn is_empty(&self) -> bool {
        let no_flag = Self {
            sandbox: false,
            ..self.clone()
        };
        no_flag == Self::default()
    }
}

/// Billing contact as sent (contract §9.4). `name` and `email` are required by Sent (V10).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct BillingContactInfo {
    /// Person or company billed (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Invoice recipient (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// E.164 phone (V16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// One free-text address line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// Card details (contract §9.5): request only, never returned, never stored, never logged. All four
/// keys are required when the object is sent (V8).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct PaymentDetails {
    /// 13–19 digits (V6).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::secret::wire::serialize_option"
    )]
    pub card_number: Option<SecretString>,
    /// `MM/YY` (V5).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::secret::wire::serialize_option"
    )]
    pub expiry: Option<SecretString>,
    /// 3–4 digits (V7).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::secret::wire::serialize_option"
    )]
    pub cvc: Option<SecretString>,
    /// Billing ZIP/postcode of the card (card data too: a secret like the others).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::secret::wire::serialize_option"
    )]
    pub zip_code: Option<SecretString>,
}

impl PaymentDetails {
    /// The card as the user typed it, made what Sent expects: the spaces and dashes people type in
    /// a card number ("4242 4242 4242 4242", as printed on the card) are dropped, and the
    /// surrounding spaces of every value. Anything else is left for the rules (V5–V7) to name.
    pub fn as_typed(self) -> Self {
        let tidy = |value: Option<SecretString>, inner: bool| {
            value.map(|secret| {
                let raw = secret.expose_secret();
                let kept: String = if inner {
                    raw.chars()
                        .filter(|c| !matches!(c, ' ' | '-' | '\u{a0}'))
                        .collect()
                } else {
                    raw.trim().to_owned()
                };
                SecretString::new(kept)
            })
        };
        Self {
            card_number: tidy(self.card_number, true),
            expiry: tidy(self.expiry, false),
            cvc: tidy(self.cvc, false),
            zip_code: tidy(self.zip_code, false),
        }
    }

    /// Nothing typed in any of the four values: no card is being given.
    pub fn is_blank(&self) -> bool {
        [&self.card_number, &self.expiry, &self.cvc, &self.zip_code]
            .iter()
            .all(|v| {
                v.as_ref()
                    .is_none_or(|s| s.expose_secret().trim().is_empty())
            })
    }
}

/// Direct WhatsApp Business Account credentials (contract §9.6), create only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct WhatsappBusinessAccount {
    /// WABA id from Meta Business Manager (required, V15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waba_id: Option<String>,
    /// System-User token (required, V15); stored by Sent, never returned.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::secret::wire::serialize_option"
    )]
    pub access_token: Option<SecretString>,
    /// Existing number in that WABA; omitted = a pool number is provisioned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number_id: Option<String>,
}
