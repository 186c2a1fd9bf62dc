//! The brand as Sent returns it inside a profile (contract §9.2): snake_case sections, except the
//! destination-country items, which stay camelCase (`isMain`) even here (§1.4, §9.7).
//!
//! Every field carries its own `rename` on purpose: the request form of the same data is camelCase
//! (`brand_request.rs`), and a blanket `rename_all` would silently break one side.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::{BrandIdentityStatus, BrandStatus, TcrBrandRelationship, TcrVertical};
use crate::timestamp::Timestamp;

/// `{ "id", "isMain" }`: a country the profile will message (alpha-2) and whether it is the main
/// one. Same casing in requests and responses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct DestinationCountry {
    /// ISO 3166-1 alpha-2 code.
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The main destination (for a non-TCR profile it sends completion to review, §12.3).
    #[serde(rename = "isMain", default, skip_serializing_if = "Option::is_none")]
    pub is_main: Option<bool>,
}

/// A profile's brand (response form).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BrandDetail {
    /// Brand id.
    #[serde(rename = "id", default)]
    pub id: String,
    /// TCR id, set after submission.
    #[serde(rename = "tcr_brand_id", default)]
    pub tcr_brand_id: Option<String>,
    /// TCR status.
    #[serde(rename = "status", default)]
    pub status: Option<BrandStatus>,
    /// TCR's verification verdict.
    #[serde(rename = "identity_status", default)]
    pub identity_status: Option<BrandIdentityStatus>,
    /// TCR-side tax identity.
    #[serde(rename = "universal_ein", default)]
    pub universal_ein: Option<String>,
    /// Campaign service provider id (deprecated by newer servers: do not depend on it).
    #[serde(rename = "csp_id", default)]
    pub csp_id: Option<String>,
    /// Once `true` the brand can no longer be modified (V13).
    #[serde(rename = "submitted_to_tcr", default)]
    pub submitted_to_tcr: bool,
    /// When it was submitted.
    #[serde(rename = "submitted_at", default)]
    pub submitted_at: Option<Timestamp>,
    /// The brand belongs to the parent organization.
    #[serde(rename = "is_inherited", default)]
    pub is_inherited: bool,
    /// Creation time.
    #[serde(rename = "created_at", default)]
    pub created_at: Option<Timestamp>,
    /// Last update.
    #[serde(rename = "updated_at", default)]
    pub updated_at: Option<Timestamp>,
    /// Contact person.
    #[serde(rename = "contact", default)]
    pub contact: Option<BrandContactDetail>,
    /// Business identity.
    #[serde(rename = "business", default)]
    pub business: Option<BrandBusinessDetail>,
    /// Compliance classification.
    #[serde(rename = "compliance", default)]
    pub compliance: Option<BrandComplianceDetail>,
}

/// `brand.contact` (response, snake_case).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BrandContactDetail {
    /// Contact person's name.
    #[serde(
        rename = "name",
        default,
        deserialize_with = "crate::nullable::or_default"
    )]
    pub name: String,
    /// Business name.
    #[serde(rename = "business_name", default)]
    pub business_name: Option<String>,
    /// Role, e.g. `CEO`.
    #[serde(rename = "role", default)]
    pub role: Option<String>,
    /// E.164 phone.
    #[serde(rename = "phone", default)]
    pub phone: Option<String>,
    /// E-mail.
    #[serde(rename = "email", default)]
    pub email: Option<String>,
    /// Calling code, e.g. `"1"`.
    #[serde(rename = "phone_country_code", default)]
    pub phone_country_code: Option<String>,
}

/// `brand.business` (response, snake_case).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BrandBusinessDetail {
    /// Legal name.
    #[serde(rename = "legal_name", default)]
    pub legal_name: Option<String>,
    /// Tax id, e.g. `12-3456789`.
    #[serde(rename = "tax_id", default)]
    pub tax_id: Option<String>,
    /// Tax id type, e.g. `us_ein` (open).
    #[serde(rename = "tax_id_type", default)]
    pub tax_id_type: Option<String>,
    /// Entity type: a free string in responses (requests use the closed `EntityType`).
    #[serde(rename = "entity_type", default)]
    pub entity_type: Option<String>,
    /// Street.
    #[serde(rename = "street", default)]
    pub street: Option<String>,
    /// City.
    #[serde(rename = "city", default)]
    pub city: Option<String>,
    /// State.
    #[serde(rename = "state", default)]
    pub state: Option<String>,
    /// Postal code.
    #[serde(rename = "postal_code", default)]
    pub postal_code: Option<String>,
    /// Alpha-2 country.
    #[serde(rename = "country", default)]
    pub country: Option<String>,
    /// Website.
    #[serde(rename = "url", default)]
    pub url: Option<String>,
    /// Alpha-2 country of registration.
    #[serde(rename = "country_of_registration", default)]
    pub country_of_registration: Option<String>,
}

/// `brand.compliance` (response, snake_case).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BrandComplianceDetail {
    /// Industry.
    #[serde(rename = "vertical", default)]
    pub vertical: Option<TcrVertical>,
    /// Relationship tier.
    #[serde(rename = "brand_relationship", default)]
    pub brand_relationship: Option<TcrBrandRelationship>,
    /// Free text (always `null` on newer servers, §19 R7).
    #[serde(rename = "primary_use_case", default)]
    pub primary_use_case: Option<String>,
    /// Expected daily volume as a numeric string. Outer `None`: the key is absent (newer servers
    /// dropped it, §19 R7); `Some(None)`: `null`.
    #[serde(
        rename = "expected_messaging_volume",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::deserialize"
    )]
    #[ts(optional)]
    pub expected_messaging_volume: Option<Option<String>>,
    /// Drives the completion status logic (§12.3).
    #[serde(rename = "is_tcr_application", default)]
    pub is_tcr_application: bool,
    /// E.g. `"+1"`.
    #[serde(rename = "phone_number_prefix", default)]
    pub phone_number_prefix: Option<String>,
    /// Never `null`, may be empty. Items are camelCase (`isMain`).
    #[serde(
        rename = "destination_countries",
        default,
        deserialize_with = "crate::nullable::or_default"
    )]
    pub destination_countries: Vec<DestinationCountry>,
    /// Notes.
    #[serde(rename = "notes", default)]
    pub notes: Option<String>,
}
