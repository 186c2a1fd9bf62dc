//! The brand as the app sends it in profile create/update (contract §9.3): camelCase sections.
//! One explicit `rename` per field (see `brand.rs` for why). `None` fields are not sent.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::brand::DestinationCountry;
use crate::enums::{EntityType, TcrBrandRelationship, TcrVertical};

/// `brand` in a create/update body. `contact` and `compliance` are required by Sent (V12); they are
/// optional here so that a half-filled form can be validated field by field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct BrandData {
    /// Contact person (required).
    #[serde(rename = "contact", default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<BrandContactInfo>,
    /// Business identity.
    #[serde(rename = "business", default, skip_serializing_if = "Option::is_none")]
    pub business: Option<BrandBusinessInfo>,
    /// Compliance classification (required).
    #[serde(
        rename = "compliance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub compliance: Option<BrandComplianceInfo>,
}

/// `brand.contact` (request, camelCase).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct BrandContactInfo {
    /// Contact person's name (required).
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Business name.
    #[serde(
        rename = "businessName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub business_name: Option<String>,
    /// Role.
    #[serde(rename = "role", default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// E.164 phone (V16).
    #[serde(rename = "phone", default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail.
    #[serde(rename = "email", default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Calling code, e.g. `"1"`.
    #[serde(
        rename = "phoneCountryCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub phone_country_code: Option<String>,
}

/// `brand.business` (request, camelCase).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct BrandBusinessInfo {
    /// Legal name.
    #[serde(rename = "legalName", default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    /// Tax id.
    #[serde(rename = "taxId", default, skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    /// Tax id type, e.g. `us_ein`.
    #[serde(rename = "taxIdType", default, skip_serializing_if = "Option::is_none")]
    pub tax_id_type: Option<String>,
    /// Entity type (closed in requests).
    #[serde(
        rename = "entityType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_type: Option<EntityType>,
    /// Street.
    #[serde(rename = "street", default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City.
    #[serde(rename = "city", default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State.
    #[serde(rename = "state", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Postal code.
    #[serde(
        rename = "postalCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub postal_code: Option<String>,
    /// Alpha-2 country.
    #[serde(rename = "country", default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Website.
    #[serde(rename = "url", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Alpha-2 country of registration.
    #[serde(
        rename = "countryOfRegistration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub country_of_registration: Option<String>,
}

/// `brand.compliance` (request, camelCase).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct BrandComplianceInfo {
    /// Industry (required).
    #[serde(rename = "vertical", default, skip_serializing_if = "Option::is_none")]
    pub vertical: Option<TcrVertical>,
    /// Relationship tier (required).
    #[serde(
        rename = "brandRelationship",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub brand_relationship: Option<TcrBrandRelationship>,
    /// Free text (ignored by newer servers, §19 R7).
    #[serde(
        rename = "primaryUseCase",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub primary_use_case: Option<String>,
    /// Numeric string (ignored by newer servers, §19 R7).
    #[serde(
        rename = "expectedMessagingVolume",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expected_messaging_volume: Option<String>,
    /// TCR application: drives completion (§12).
    #[serde(
        rename = "isTcrApplication",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_tcr_application: Option<bool>,
    /// E.g. `"+1"`.
    #[serde(
        rename = "phoneNumberPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub phone_number_prefix: Option<String>,
    /// Countries, camelCase items.
    #[serde(
        rename = "destinationCountries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_countries: Option<Vec<DestinationCountry>>,
    /// Notes.
    #[serde(rename = "notes", default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}
