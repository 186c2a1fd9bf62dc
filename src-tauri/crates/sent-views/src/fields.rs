//! The profile form's fields: the label of every path the app can change (paths as Sent's
//! `error.details` names them), the folding of other spellings onto them, and the choices of the
//! brand form's closed lists. Below `labels` and `edit`, which both read it; it reads neither.

use sent_model::enums::{
    BrandIdentityStatus, BrandStatus, EntityType, TcrBrandRelationship, TcrVertical,
};
use serde::Serialize;
use ts_rs::TS;

/// One value of a closed or open vocabulary and how it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Choice {
    /// The wire value (what filters compare).
    pub value: String,
    /// What a person reads.
    pub label: String,
    /// A short second line, when the value has one (e.g. an environment's address).
    pub hint: Option<String>,
}

/// The label of a field path; an unknown path is shown as it is.
pub fn field_label(path: &str) -> String {
    let path = canonical_path(path);
    let known = match path.as_str() {
        "name" => "Name",
        "short_name" => "Short name",
        "description" => "Description",
        "icon" => "Icon URL",
        "allow_contact_sharing" => "Share its contacts with other profiles",
        "allow_template_sharing" => "Share its templates with other profiles",
        "inherit_contacts" => "Inherit the organization's contacts",
        "inherit_templates" => "Inherit the organization's templates",
        "inherit_tcr_brand" => "Inherit the organization's TCR brand",
        "inherit_tcr_campaign" => "Inherit the organization's TCR campaigns",
        "billing_model" => "Billing model",
        "billing_contact" => "Billing contact",
        "billing_contact.name" => "Billing contact · Name",
        "billing_contact.email" => "Billing contact · E-mail",
        "billing_contact.phone" => "Billing contact · Phone",
        "billing_contact.address" => "Billing contact · Address",
        "payment_details" => "Card",
        "payment_details.card_number" => "Card · Number",
        "payment_details.expiry" => "Card · Expiry (MM/YY)",
        "payment_details.cvc" => "Card · CVC",
        "payment_details.zip_code" => "Card · ZIP / postcode",
        "brand" => "Brand",
        "brand.contact" => "Brand contact",
        "brand.contact.name" => "Brand contact · Name",
        "brand.contact.businessName" => "Brand contact · Business name",
        "brand.contact.role" => "Brand contact · Role",
        "brand.contact.phone" => "Brand contact · Phone",
        "brand.contact.email" => "Brand contact · E-mail",
        "brand.contact.phoneCountryCode" => "Brand contact · Calling code",
        "brand.business" => "Business",
        "brand.business.legalName" => "Business · Legal name",
        "brand.business.taxId" => "Business · Tax id",
        "brand.business.taxIdType" => "Business · Tax id type",
        "brand.business.entityType" => "Business · Entity type",
        "brand.business.street" => "Business · Street",
        "brand.business.city" => "Business · City",
        "brand.business.state" => "Business · State or region",
        "brand.business.postalCode" => "Business · Postal code",
        "brand.business.country" => "Business · Country",
        "brand.business.url" => "Business · Website",
        "brand.business.countryOfRegistration" => "Business · Country of registration",
        "brand.compliance" => "Compliance",
        "brand.compliance.vertical" => "Compliance · Vertical",
        "brand.compliance.brandRelationship" => "Compliance · Brand relationship",
        "brand.compliance.primaryUseCase" => "Compliance · Primary use case",
        "brand.compliance.expectedMessagingVolume" => "Compliance · Expected monthly volume",
        "brand.compliance.isTcrApplication" => "Compliance · TCR application (US A2P 10DLC)",
        "brand.compliance.phoneNumberPrefix" => "Compliance · Number prefix",
        "brand.compliance.destinationCountries" => "Compliance · Destination countries",
        "brand.compliance.notes" => "Compliance · Notes",
        "sending_phone_number" => "Own SMS number",
        "whatsapp_phone_number" => "Own WhatsApp number",
        "sending_phone_number_profile_id" => "Borrow the SMS sender of profile",
        "sending_whatsapp_number_profile_id" => "Borrow the WhatsApp sender of profile",
        "allow_number_change_during_onboarding" => "Allow a number change during onboarding",
        _ => return path,
    };
    known.into()
}

/// The form's spelling of a path a server named: `[a][b]` and `a[b]` become `a.b`, and inside
/// `brand.` every snake_case segment becomes camelCase.
pub fn canonical_path(path: &str) -> String {
    let dotted = path.replace("][", ".").replace(['[', ']'], ".");
    let segments: Vec<String> = dotted
        .split('.')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let in_brand = segments.first().is_some_and(|s| s == "brand");
    segments
        .into_iter()
        .enumerate()
        .map(|(i, s)| if in_brand && i > 0 { camel(&s) } else { s })
        .collect::<Vec<_>>()
        .join(".")
}

/// `legal_name` → `legalName` (also how Tauri names a command's arguments).
pub fn camel(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut upper = false;
    for c in segment.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The label of a closed list's value at `path`, when the path has such a list.
pub fn choice_label(path: &str, value: &str) -> Option<String> {
    let list = match path {
        "brand.compliance.vertical" => verticals(),
        "brand.compliance.brandRelationship" => brand_relationships(),
        "brand.business.entityType" => entity_types(),
        "brand.business.taxIdType" => tax_id_types(),
        _ => return None,
    };
    list.into_iter().find(|c| c.value == value).map(|c| c.label)
}

fn choice(value: &str, label: &str, hint: Option<&str>) -> Choice {
    Choice {
        value: value.into(),
        label: label.into(),
        hint: hint.map(Into::into),
    }
}

/// TCR verticals (industry), in the contract's order.
pub fn verticals() -> Vec<Choice> {
    TcrVertical::ALL
        .iter()
        .map(|v| {
            let label = match v {
                TcrVertical::Professional => "Professional services",
                TcrVertical::RealEstate => "Real estate",
                TcrVertical::Healthcare => "Healthcare",
                TcrVertical::HumanResources => "Human resources",
                TcrVertical::Energy => "Energy and utilities",
                TcrVertical::Entertainment => "Entertainment",
                TcrVertical::Retail => "Retail",
                TcrVertical::Transportation => "Transportation",
                TcrVertical::Agriculture => "Agriculture",
                TcrVertical::Insurance => "Insurance",
                TcrVertical::Postal => "Postal and delivery",
                TcrVertical::Education => "Education",
                TcrVertical::Hospitality => "Hospitality",
                TcrVertical::Financial => "Financial services",
                TcrVertical::Political => "Political",
                TcrVertical::Gambling => "Gambling",
                TcrVertical::Legal => "Legal",
                TcrVertical::Construction => "Construction",
                TcrVertical::Ngo => "Non-governmental organization",
                TcrVertical::Manufacturing => "Manufacturing",
                TcrVertical::Government => "Government",
                TcrVertical::Technology => "Technology",
                TcrVertical::Communication => "Communication and media",
            };
            choice(v.as_str(), label, None)
        })
        .collect()
}

/// TCR brand relationship tiers.
pub fn brand_relationships() -> Vec<Choice> {
    TcrBrandRelationship::ALL
        .iter()
        .map(|r| {
            let (label, hint) = match r {
                TcrBrandRelationship::BasicAccount => {
                    ("Basic account", "No business history with the provider yet")
                }
                TcrBrandRelationship::SmallAccount => {
                    ("Small account", "Some business history, small volume")
                }
                TcrBrandRelationship::MediumAccount => {
                    ("Medium account", "Established business, medium volume")
                }
                TcrBrandRelationship::LargeAccount => {
                    ("Large account", "Dedicated account manager, large volume")
                }
                TcrBrandRelationship::KeyAccount => {
                    ("Key account", "Strategic account, highest volume")
                }
            };
            choice(r.as_str(), label, Some(hint))
        })
        .collect()
}

/// A brand's TCR status, in words.
pub fn brand_statuses() -> Vec<Choice> {
    BrandStatus::ALL
        .iter()
        .map(|s| {
            let (label, hint) = match s {
                BrandStatus::Active => ("Active", "Registered with TCR: campaigns can be added"),
                BrandStatus::Inactive => ("Inactive", "Not usable at TCR: ask Sent's support why"),
                BrandStatus::Suspended => (
                    "Suspended",
                    "TCR suspended the brand: its campaigns do not send",
                ),
            };
            choice(s.as_str(), label, Some(hint))
        })
        .collect()
}

/// TCR's identity (KYC) verdict on a brand, in words.
pub fn identity_statuses() -> Vec<Choice> {
    BrandIdentityStatus::ALL
        .iter()
        .map(|s| {
            let (label, hint) = match s {
                BrandIdentityStatus::SelfDeclared => {
                    ("Self-declared", "The business's details were not checked")
                }
                BrandIdentityStatus::Unverified => (
                    "Unverified",
                    "TCR could not verify the business's details: check the legal name and tax id",
                ),
                BrandIdentityStatus::Verified => {
                    ("Verified", "TCR verified the business's identity")
                }
                BrandIdentityStatus::VettedVerified => (
                    "Vetted and verified",
                    "Verified, and vetted for higher sending limits",
                ),
            };
            choice(s.as_str(), label, Some(hint))
        })
        .collect()
}

/// Legal entity types.
pub fn entity_types() -> Vec<Choice> {
    EntityType::ALL
        .iter()
        .map(|e| {
            let label = match e {
                EntityType::PrivateProfit => "Private company",
                EntityType::PublicProfit => "Publicly traded company",
                EntityType::NonProfit => "Non-profit",
                EntityType::SoleProprietor => "Sole proprietor",
                EntityType::Government => "Government body",
            };
            choice(e.as_str(), label, None)
        })
        .collect()
}

/// Tax id types the contract documents (an open list: a stored value outside it is kept).
pub fn tax_id_types() -> Vec<Choice> {
    vec![
        choice("us_ein", "US Employer Identification Number (EIN)", None),
        choice("ca_bn", "Canadian Business Number (BN)", None),
    ]
}
