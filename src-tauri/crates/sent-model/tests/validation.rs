//! Contract §11 profile rules (V1–V17): exact paths and messages, every failing field at once,
//! state-dependent rules with and without facts.

use std::collections::BTreeMap;

use sent_model::profile::{BrandComplianceInfo, BrandContactInfo};
use sent_model::validate::{self, messages, CreateOptions, Rejection};
use sent_model::*;
use serde_json::json;

fn details(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<String>> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), vec![(*v).to_owned()]))
        .collect()
}

fn valid_create() -> ProfileCreate {
    serde_json::from_value(json!({
        "name": "Northwind Clinics", "short_name": "NWC Care",
        "inherit_tcr_brand": false, "inherit_tcr_campaign": false,
        "billing_model": "profile",
        "billing_contact": {"name": "Northwind Health Ltd", "email": "ap@northwind.example", "phone": "+14155550142"},
        "payment_details": {"card_number": "4242424242424242", "expiry": "11/28", "cvc": "321", "zip_code": "94607"},
        "brand": {"contact": {"name": "Dana Ortiz"}, "compliance": {"vertical": "HEALTHCARE", "brandRelationship": "SMALL_ACCOUNT"}}
    }))
    .unwrap()
}

#[test]
fn a_valid_create_passes() {
    let create = valid_create();
    assert!(validate::profile_create_fields(&create, CreateOptions::default()).is_empty());
    let org = validate::OrganizationFacts {
        has_whatsapp_account: true,
        ..Default::default()
    };
    assert_eq!(
        validate::check_profile_create(&create, Some(&org), CreateOptions::default()),
        Ok(())
    );
}

#[test]
fn reproduces_the_seed_create_error_exactly() {
    // [SEED-1]'s 400: name missing, bad short_name, bad expiry, all reported together.
    let mut create = valid_create();
    create.name = None;
    create.short_name = Some("S!".into());
    create.payment_details.as_mut().unwrap().expiry = Some("2027-09".into());
    let errors = validate::profile_create_fields(&create, CreateOptions::default());
    let seed: Envelope<serde_json::Value> = serde_json::from_str(include_str!(
        "fixtures/seed_create_response_1_validation_001.json"
    ))
    .unwrap();
    assert_eq!(errors.into_map(), seed.error.unwrap().details.unwrap());
}

#[test]
fn reproduces_the_seed_update_error_exactly() {
    let update: ProfileUpdate = serde_json::from_value(json!({
        "inherit_tcr_brand": true, "billing_model": "profile",
        "brand": {"contact": {"name": "John Smith"}, "compliance": {"vertical": "PROFESSIONAL", "brandRelationship": "SMALL_ACCOUNT"}},
        "payment_details": {"card_number": "4111111111111111", "expiry": "9/27", "cvc": "123", "zip_code": "10001"}
    }))
    .unwrap();
    let errors = validate::profile_update_fields(&update, None, None);
    let seed: Envelope<serde_json::Value> = serde_json::from_str(include_str!(
        "fixtures/seed_update_response_1_validation_001.json"
    ))
    .unwrap();
    assert_eq!(errors.into_map(), seed.error.unwrap().details.unwrap());
}

#[test]
fn short_name_message_uses_an_en_dash() {
    assert!(messages::SHORT_NAME_INVALID.contains("3\u{2013}11"));
    assert!(messages::CARD_NUMBER_INVALID.contains("13\u{2013}19"));
    assert!(messages::CVC_INVALID.contains("3\u{2013}4"));
}

#[test]
fn payment_rules_v4_to_v8() {
    let mut create = valid_create();
    create.billing_model = Some(BillingModel::Organization);
    create.payment_details = Some(PaymentDetails {
        card_number: Some("4242 4242".into()),
        expiry: None,
        cvc: Some("12".into()),
        zip_code: Some("  ".into()),
    });
    let errors = validate::profile_create_fields(&create, CreateOptions::default());
    assert_eq!(
        errors.into_map(),
        details(&[
            ("payment_details", messages::PAYMENT_NOT_ALLOWED),
            ("payment_details.card_number", messages::CARD_NUMBER_INVALID),
            ("payment_details.cvc", messages::CVC_INVALID),
            (
                "payment_details.expiry",
                "payment_details.expiry is required"
            ),
            (
                "payment_details.zip_code",
                "payment_details.zip_code is required"
            ),
        ])
    );
}

#[test]
fn billing_rules_v9_to_v11() {
    let mut create = valid_create();
    create.billing_contact = None;
    create.payment_details = None;
    let errors = validate::profile_create_fields(&create, CreateOptions::default());
    assert_eq!(
        errors.into_map(),
        details(&[("billing_contact", messages::BILLING_CONTACT_REQUIRED)])
    );

    // Q4: an omitted model only demands a contact in strict mode.
    create.billing_model = None;
    assert!(validate::profile_create_fields(&create, CreateOptions::default()).is_empty());
    let strict = CreateOptions {
        strict_billing_default: true,
        ..CreateOptions::default()
    };
    assert!(validate::profile_create_fields(&create, strict).contains("billing_contact"));

    create.billing_model = Some(BillingModel::from_wire("company"));
    create.billing_contact = Some(BillingContactInfo {
        phone: Some("0800".into()),
        ..Default::default()
    });
    let errors = validate::profile_create_fields(&create, CreateOptions::default());
    assert_eq!(
        errors.into_map(),
        details(&[
            ("billing_contact.email", "billing_contact.email is required"),
            ("billing_contact.name", "billing_contact.name is required"),
            (
                "billing_contact.phone",
                &messages::not_e164("billing_contact.phone")
            ),
            ("billing_model", messages::BILLING_MODEL_INVALID),
        ])
    );
}

#[test]
fn brand_rules_v3_v12_v13() {
    let mut create = valid_create();
    create.inherit_tcr_brand = Some(true);
    create.brand = Some(BrandData {
        contact: Some(BrandContactInfo {
            phone: Some("415".into()),
            ..Default::default()
        }),
        business: None,
        compliance: Some(BrandComplianceInfo::default()),
    });
    let errors = validate::profile_create_fields(&create, CreateOptions::default());
    assert_eq!(
        errors.into_map(),
        details(&[
            ("brand", messages::BRAND_WITH_INHERITED_BRAND),
            (
                "brand.compliance.brandRelationship",
                "brand.compliance.brandRelationship is required"
            ),
            (
                "brand.compliance.vertical",
                "brand.compliance.vertical is required"
            ),
            ("brand.contact.name", "brand.contact.name is required"),
            (
                "brand.contact.phone",
                &messages::not_e164("brand.contact.phone")
            ),
        ])
    );
    create.brand = Some(BrandData::default());
    let errors = validate::profile_create_fields(&create, CreateOptions::default());
    assert!(errors.contains("brand.contact") && errors.contains("brand.compliance"));

    // V13 needs the stored profile.
    let update = ProfileUpdate {
        brand: valid_create().brand,
        ..Default::default()
    };
    assert!(validate::profile_update_fields(&update, None, None).is_empty());
    let stored = validate::StoredProfile {
        brand_submitted_to_tcr: true,
        ..Default::default()
    };
    let errors = validate::profile_update_fields(&update, Some(&stored), None);
    assert_eq!(
        errors.into_map(),
        details(&[("brand", messages::BRAND_SUBMITTED)])
    );
}

#[test]
fn whatsapp_rules_v14_v15() {
    let mut create = valid_create();
    let no_waba = validate::OrganizationFacts::default();
    let rejection =
        validate::check_profile_create(&create, Some(&no_waba), CreateOptions::default())
            .unwrap_err();
    assert_eq!(rejection, Rejection::NoOrganizationWhatsapp);
    assert_eq!(rejection.http_status(), 422);
    let body = rejection.to_error_body();
    assert_eq!(body.code, "VALIDATION_001");
    assert!(body.details.is_none());
    assert!(body
        .message
        .starts_with("Organization does not have a WhatsApp Business Account"));
    // Unknown organization facts: the server decides.
    assert!(validate::check_profile_create(&create, None, CreateOptions::default()).is_ok());

    create.whatsapp_business_account = Some(WhatsappBusinessAccount::default());
    let rejection =
        validate::check_profile_create(&create, Some(&no_waba), CreateOptions::default())
            .unwrap_err();
    assert_eq!(rejection.http_status(), 400);
    let fields = rejection.fields().unwrap();
    assert!(fields.contains("whatsapp_business_account.waba_id"));
    assert!(fields.contains("whatsapp_business_account.access_token"));
}

#[test]
fn update_rules_v9_v16_v17() {
    let org = validate::OrganizationFacts::from_profiles(
        true,
        &[
            serde_json::from_value::<ProfileDetail>(json!({"id": "a"})).unwrap(),
            serde_json::from_value::<ProfileDetail>(
                json!({"id": "b", "sending_phone_number_profile_id": "a"}),
            )
            .unwrap(),
            serde_json::from_value::<ProfileDetail>(
                json!({"id": "c", "sending_whatsapp_number_profile_id": "b"}),
            )
            .unwrap(),
        ],
    );
    let stored = validate::StoredProfile {
        id: "a".into(),
        ..Default::default()
    };
    let update = ProfileUpdate {
        billing_model: Some(BillingModel::ProfileAndOrganization),
        sending_phone_number: Some("4155550123".into()),
        whatsapp_phone_number: Some("+14155550123".into()),
        sending_phone_number_profile_id: Some("b".into()),
        sending_whatsapp_number_profile_id: Some("zzz".into()),
        ..Default::default()
    };
    let errors = validate::profile_update_fields(&update, Some(&stored), Some(&org));
    assert_eq!(
        errors.into_map(),
        details(&[
            ("billing_contact", messages::BILLING_CONTACT_REQUIRED),
            (
                "sending_phone_number",
                &messages::not_e164("sending_phone_number")
            ),
            (
                "sending_phone_number_profile_id",
                &messages::cyclic_sender_profile("sending_phone_number_profile_id")
            ),
            (
                "sending_whatsapp_number_profile_id",
                &messages::unknown_sender_profile("sending_whatsapp_number_profile_id")
            ),
        ])
    );
    // Self reference, and a fine chain (c borrows b's WhatsApp; a may borrow c's WhatsApp).
    let update = ProfileUpdate {
        sending_phone_number_profile_id: Some("a".into()),
        sending_whatsapp_number_profile_id: Some("c".into()),
        ..Default::default()
    };
    let errors = validate::profile_update_fields(&update, Some(&stored), Some(&org));
    assert_eq!(
        errors.into_map(),
        details(&[(
            "sending_phone_number_profile_id",
            &messages::self_sender_profile("sending_phone_number_profile_id")
        )])
    );
    // A stored contact satisfies V9; a stored `organization` model forbids payment details (V4).
    let with_contact = validate::StoredProfile {
        has_billing_contact: true,
        ..stored.clone()
    };
    let switch = ProfileUpdate {
        billing_model: Some(BillingModel::Profile),
        ..Default::default()
    };
    assert!(validate::profile_update_fields(&switch, Some(&with_contact), None).is_empty());
    let org_billed = validate::StoredProfile {
        billing_model: BillingModel::Organization,
        ..stored
    };
    let pay = ProfileUpdate {
        payment_details: valid_create().payment_details,
        ..Default::default()
    };
    let errors = validate::profile_update_fields(&pay, Some(&org_billed), None);
    assert_eq!(
        errors.into_map(),
        details(&[("payment_details", messages::PAYMENT_NOT_ALLOWED)])
    );
}

#[test]
fn a_card_typed_as_printed_is_kept_as_its_digits() {
    let typed = PaymentDetails {
        card_number: Some("4242 4242-4242 4242 ".into()),
        expiry: Some(" 12/34 ".into()),
        cvc: Some("123".into()),
        zip_code: Some(" 94107".into()),
    }
    .as_typed();
    assert_eq!(
        typed.card_number.as_ref().unwrap().expose_secret(),
        "4242424242424242"
    );
    assert_eq!(typed.expiry.as_ref().unwrap().expose_secret(), "12/34");
    let mut create = valid_create();
    create.billing_model = Some(BillingModel::Profile);
    create.billing_contact = Some(BillingContactInfo {
        name: Some("Ann Lee".into()),
        email: Some("billing@northwind.example".into()),
        ..Default::default()
    });
    create.payment_details = Some(typed);
    let errors = validate::profile_create_fields(&create, CreateOptions::default()).into_map();
    assert!(
        !errors.keys().any(|k| k.starts_with("payment_details")),
        "{errors:?}"
    );
    // Letters stay letters: the rule still names them.
    let letters = PaymentDetails {
        card_number: Some("4242 abcd 4242 4242".into()),
        ..Default::default()
    }
    .as_typed();
    assert!(!validate::rules::is_valid_card_number(
        letters.card_number.unwrap().expose_secret()
    ));
}
