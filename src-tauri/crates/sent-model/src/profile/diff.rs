//! From what is stored to what to send: the response forms converted to request forms (to prefill
//! an edit form), and the PATCH change set computed from a stored profile and an edited draft.
//!
//! The draft is a [`ProfileDetail`] the UI edited. Only differences are sent; a value the draft
//! cleared (`Some` → `None`) is not sent either, because Sent cannot clear a field through PATCH
//! (contract E5, Q3) — the UI must not offer that. Response-only fields (`id`, `status`, `email`,
//! `waba_id`, timestamps) are never part of a change set.

use super::{
    BillingContact, BillingContactInfo, BrandBusinessInfo, BrandComplianceInfo, BrandContactInfo,
    BrandData, BrandDetail, ProfileDetail, ProfileUpdate,
};
use crate::enums::EntityType;

impl From<&BillingContact> for BillingContactInfo {
    fn from(contact: &BillingContact) -> Self {
        Self {
            name: contact.name.clone(),
            email: contact.email.clone(),
            phone: contact.phone.clone(),
            address: contact.address.clone(),
        }
    }
}

impl From<&BrandDetail> for BrandData {
    /// The stored brand as a request body (snake_case response → camelCase request). A response
    /// `entity_type` outside the closed request enum is dropped rather than sent back invalid.
    fn from(brand: &BrandDetail) -> Self {
        let contact = brand.contact.as_ref().map(|c| BrandContactInfo {
            name: Some(c.name.clone()).filter(|name| !name.is_empty()),
            business_name: c.business_name.clone(),
            role: c.role.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
            phone_country_code: c.phone_country_code.clone(),
        });
        let business = brand.business.as_ref().map(|b| BrandBusinessInfo {
            legal_name: b.legal_name.clone(),
            tax_id: b.tax_id.clone(),
            tax_id_type: b.tax_id_type.clone(),
            entity_type: b.entity_type.as_deref().and_then(EntityType::from_wire),
            street: b.street.clone(),
            city: b.city.clone(),
            state: b.state.clone(),
            postal_code: b.postal_code.clone(),
            country: b.country.clone(),
            url: b.url.clone(),
            country_of_registration: b.country_of_registration.clone(),
        });
        let compliance = brand.compliance.as_ref().map(|c| BrandComplianceInfo {
            vertical: c.vertical,
            brand_relationship: c.brand_relationship,
            primary_use_case: c.primary_use_case.clone(),
            expected_messaging_volume: c.expected_messaging_volume.clone().flatten(),
            is_tcr_application: Some(c.is_tcr_application),
            phone_number_prefix: c.phone_number_prefix.clone(),
            destination_countries: Some(c.destination_countries.clone()),
            notes: c.notes.clone(),
        });
        Self {
            contact,
            business,
            compliance,
        }
    }
}

/// `Some(new)` when the draft holds a value that differs from the stored one.
fn changed<T: Clone + PartialEq>(stored: &Option<T>, draft: &Option<T>) -> Option<T> {
    match draft {
        Some(value) if stored.as_ref() != Some(value) => Some(value.clone()),
        _ => None,
    }
}

/// `Some(new)` when a non-optional value differs.
fn changed_value<T: Clone + PartialEq>(stored: &T, draft: &T) -> Option<T> {
    (stored != draft).then(|| draft.clone())
}

impl ProfileUpdate {
    /// The change set that turns `stored` into `draft`. The brand is sent whole (Sent requires its
    /// `contact` and `compliance` on every write) but only when the draft's brand differs; an
    /// inherited brand in the draft is never sent as the profile's own.
    pub fn diff(stored: &ProfileDetail, draft: &ProfileDetail) -> ProfileUpdate {
        let own_brand = draft.brand.as_ref().filter(|brand| !brand.is_inherited);
        let brand = match own_brand {
            Some(brand) if stored.brand.as_ref() != Some(brand) => Some(BrandData::from(brand)),
            _ => None,
        };
        let billing_contact = match &draft.billing_contact {
            Some(contact) if stored.billing_contact.as_ref() != Some(contact) => {
                Some(BillingContactInfo::from(contact))
            }
            _ => None,
        };
        ProfileUpdate {
            name: changed_value(&stored.name, &draft.name),
            short_name: changed(&stored.short_name, &draft.short_name),
            description: changed(&stored.description, &draft.description),
            icon: changed(&stored.icon, &draft.icon),
            allow_contact_sharing: changed_value(
                &stored.allow_contact_sharing,
                &draft.allow_contact_sharing,
            ),
            allow_template_sharing: changed_value(
                &stored.allow_template_sharing,
                &draft.allow_template_sharing,
            ),
            inherit_contacts: changed_value(&stored.inherit_contacts, &draft.inherit_contacts),
            inherit_templates: changed_value(&stored.inherit_templates, &draft.inherit_templates),
            inherit_tcr_brand: changed_value(&stored.inherit_tcr_brand, &draft.inherit_tcr_brand),
            inherit_tcr_campaign: changed_value(
                &stored.inherit_tcr_campaign,
                &draft.inherit_tcr_campaign,
            ),
            billing_model: changed_value(&stored.billing_model, &draft.billing_model),
            billing_contact,
            payment_details: None,
            brand,
            sending_phone_number_profile_id: changed(
                &stored.sending_phone_number_profile_id,
                &draft.sending_phone_number_profile_id,
            ),
            sending_whatsapp_number_profile_id: changed(
                &stored.sending_whatsapp_number_profile_id,
                &draft.sending_whatsapp_number_profile_id,
            ),
            sending_phone_number: changed(
                &stored.sending_phone_number,
                &draft.sending_phone_number,
            ),
            whatsapp_phone_number: changed(
                &stored.whatsapp_phone_number,
                &draft.whatsapp_phone_number,
            ),
            allow_number_change_during_onboarding: changed(
                &stored.allow_number_change_during_onboarding,
                &draft.allow_number_change_during_onboarding,
            ),
            sandbox: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enums::BillingModel;
    use serde_json::json;

    fn stored() -> ProfileDetail {
        serde_json::from_value(json!({
            "id": "p1", "name": "Sales", "short_name": "SALES", "icon": "https://x/i.png",
            "billing_model": "profile", "inherit_contacts": true,
            "billing_contact": {"name": "Acme", "email": "ap@acme.example", "phone": null, "address": null},
            "brand": {"id": "b1", "submitted_to_tcr": false, "is_inherited": false,
                "contact": {"name": "John", "business_name": "Acme", "phone_country_code": "1"},
                "business": {"legal_name": "Acme LLC", "entity_type": "PRIVATE_PROFIT", "postal_code": "10001"},
                "compliance": {"vertical": "PROFESSIONAL", "brand_relationship": "SMALL_ACCOUNT",
                    "is_tcr_application": true, "destination_countries": [{"id": "US", "isMain": true}],
                    "expected_messaging_volume": null}}
        }))
        .unwrap()
    }

    #[test]
    fn an_unchanged_draft_sends_nothing() {
        assert!(ProfileUpdate::diff(&stored(), &stored()).is_empty());
    }

    #[test]
    fn only_changes_are_sent_and_clearing_is_not_expressible() {
        let mut draft = stored();
        draft.name = "Sales EU".into();
        draft.icon = None; // cleared: Sent cannot clear through PATCH, so nothing is sent
        draft.inherit_contacts = false;
        draft.billing_model = BillingModel::Organization;
        let update = ProfileUpdate::diff(&stored(), &draft);
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            json!({"name": "Sales EU", "inherit_contacts": false, "billing_model": "organization"})
        );
    }

    #[test]
    fn a_changed_brand_is_sent_whole_in_request_casing() {
        let mut draft = stored();
        let brand = draft.brand.as_mut().unwrap();
        brand.business.as_mut().unwrap().legal_name = Some("Acme Holdings LLC".into());
        let update = ProfileUpdate::diff(&stored(), &draft);
        let body = serde_json::to_value(&update).unwrap();
        assert_eq!(body.as_object().unwrap().len(), 1, "{body}");
        let brand = &body["brand"];
        assert_eq!(brand["contact"]["businessName"], json!("Acme"));
        assert_eq!(brand["contact"]["phoneCountryCode"], json!("1"));
        assert_eq!(brand["business"]["legalName"], json!("Acme Holdings LLC"));
        assert_eq!(brand["business"]["entityType"], json!("PRIVATE_PROFIT"));
        assert_eq!(brand["business"]["postalCode"], json!("10001"));
        assert_eq!(
            brand["compliance"]["brandRelationship"],
            json!("SMALL_ACCOUNT")
        );
        assert_eq!(
            brand["compliance"]["destinationCountries"],
            json!([{"id": "US", "isMain": true}])
        );
        assert!(brand["compliance"].get("expectedMessagingVolume").is_none());
        assert!(crate::validate::profile_update_fields(&update, None, None).is_empty());
    }

    #[test]
    fn inherited_brands_and_unknown_entity_types_are_not_sent_back() {
        let mut draft = stored();
        draft.brand.as_mut().unwrap().is_inherited = true;
        draft.brand.as_mut().unwrap().universal_ein = Some("x".into());
        assert!(ProfileUpdate::diff(&stored(), &draft).brand.is_none());
        let mut odd = stored().brand.unwrap();
        odd.business.as_mut().unwrap().entity_type = Some("LLC".into());
        assert_eq!(BrandData::from(&odd).business.unwrap().entity_type, None);
    }

    #[test]
    fn a_changed_billing_contact_is_converted() {
        let mut draft = stored();
        draft.billing_contact.as_mut().unwrap().email = Some("billing@acme.example".into());
        let update = ProfileUpdate::diff(&stored(), &draft);
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            json!({"billing_contact": {"name": "Acme", "email": "billing@acme.example"}})
        );
    }
}
