//! Contract §11 rules: exact paths and messages, every failing field at once, state-dependent
//! rules with and without facts, and the raw-JSON checks the sandbox uses.

use std::collections::BTreeMap;

use sent_model::profile::{BrandComplianceInfo, BrandContactInfo};
use sent_model::validate::{
    self, messages, CampaignFacts, CampaignWrite, CreateOptions, Rejection,
};
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
fn campaign_rules_v20_to_v22() {
    let request: CampaignRequest = serde_json::from_value(json!({"campaign": {
        "name": "", "type": "App",
        "useCases": [
            {"messagingUseCaseUs": "MARKETING", "sampleMessages": []},
            {"sampleMessages": ["a", "b", "c", "d", "e", "f"]},
            {"messagingUseCaseUs": "MIXED", "sampleMessages": ["ok", "x".repeat(1025)]}
        ]
    }}))
    .unwrap();
    let errors = validate::campaign_write_fields(
        &request,
        CampaignWrite::Create {
            profile_inherits_campaigns: Some(true),
        },
    );
    assert_eq!(
        errors.into_map(),
        details(&[
            ("campaign", messages::CAMPAIGN_WHILE_INHERITING),
            ("campaign.description", "campaign.description is required"),
            ("campaign.name", "campaign.name is required"),
            (
                "campaign.useCases[0].sampleMessages",
                &messages::sample_count("campaign.useCases[0].sampleMessages")
            ),
            (
                "campaign.useCases[1].messagingUseCaseUs",
                "campaign.useCases[1].messagingUseCaseUs is required"
            ),
            (
                "campaign.useCases[1].sampleMessages",
                &messages::sample_count("campaign.useCases[1].sampleMessages")
            ),
            (
                "campaign.useCases[2].sampleMessages[1]",
                &messages::sample_too_long("campaign.useCases[2].sampleMessages[1]")
            ),
        ])
    );
    let empty = CampaignRequest::default();
    let errors = validate::campaign_write_fields(
        &empty,
        CampaignWrite::Create {
            profile_inherits_campaigns: None,
        },
    );
    assert_eq!(
        errors.into_map(),
        details(&[("campaign", "campaign is required")])
    );
    let no_cases: CampaignRequest = serde_json::from_value(
        json!({"campaign": {"name": "n", "description": "d", "type": "App", "useCases": []}}),
    )
    .unwrap();
    let submitted = CampaignFacts {
        submitted_to_tcr: true,
        inherited: false,
    };
    let errors = validate::campaign_write_fields(
        &no_cases,
        CampaignWrite::Update {
            existing: Some(submitted),
        },
    );
    assert_eq!(
        errors.into_map(),
        details(&[
            ("campaign", messages::CAMPAIGN_SUBMITTED),
            ("campaign.useCases", messages::USE_CASES_EMPTY)
        ])
    );
    let inherited = CampaignFacts {
        submitted_to_tcr: false,
        inherited: true,
    };
    assert!(validate::campaign_delete_fields(inherited).contains("campaign"));
    assert!(validate::campaign_delete_fields(submitted).is_empty());
}

#[test]
fn complete_rule_v23() {
    let missing = ProfileComplete::default();
    assert_eq!(
        validate::profile_complete_fields(&missing).into_map(),
        details(&[("webHookUrl", "webHookUrl is required")])
    );
    let relative = ProfileComplete {
        web_hook_url: Some("/cb".into()),
        sandbox: false,
    };
    assert!(validate::profile_complete_fields(&relative).contains("webHookUrl"));
    let loopback = ProfileComplete {
        web_hook_url: Some("http://127.0.0.1:9/cb".into()),
        sandbox: true,
    };
    assert!(validate::profile_complete_fields(&loopback).is_empty());
}

#[test]
fn raw_json_reports_type_errors_with_the_other_fields() {
    let body = json!({
        "name": 5, "short_name": "x", "inherit_contacts": "yes",
        "billing_model": "organization",
        "brand": {"contact": {"name": "Dana"}, "business": {"entityType": "LLC"},
                  "compliance": {"vertical": "healthcare", "brandRelationship": "SMALL_ACCOUNT",
                                 "destinationCountries": [{"id": "US", "isMain": "yes"}]}},
        "unknown_field": {"ignored": true}
    });
    let rejection =
        validate::profile_create_from_json(&body, None, CreateOptions::default()).unwrap_err();
    let fields = rejection.fields().unwrap().clone().into_map();
    assert_eq!(
        fields["name"],
        vec!["name must be a string".to_owned()],
        "type error wins over V1"
    );
    assert_eq!(
        fields["short_name"],
        vec![messages::SHORT_NAME_INVALID.to_owned()]
    );
    assert_eq!(
        fields["inherit_contacts"],
        vec!["inherit_contacts must be a boolean".to_owned()]
    );
    assert!(fields["brand.business.entityType"][0]
        .starts_with("brand.business.entityType must be one of: PRIVATE_PROFIT"));
    assert!(fields["brand.compliance.vertical"][0].contains("HEALTHCARE"));
    assert!(fields.contains_key("brand.compliance.destinationCountries[0].isMain"));
    assert_eq!(fields.len(), 6, "{fields:?}");

    let not_object = validate::profile_update_from_json(&json!([1, 2]), None, None).unwrap_err();
    assert_eq!(not_object, Rejection::BodyNotObject);
    assert_eq!(not_object.http_status(), 400);
    assert!(not_object.fields().is_none());

    let ok = validate::profile_update_from_json(&json!({"icon": null, "name": "New"}), None, None)
        .unwrap();
    assert_eq!(ok.name.as_deref(), Some("New"));
    let campaign = validate::campaign_from_json(
        &json!({"campaign": {"name": "n", "description": "d", "type": "App",
            "useCases": [{"messagingUseCaseUs": "2FA", "sampleMessages": ["hi", 3]}]}}),
        CampaignWrite::Create {
            profile_inherits_campaigns: Some(false),
        },
    )
    .unwrap_err();
    let fields = campaign.fields().unwrap();
    assert!(fields.contains("campaign.useCases[0].messagingUseCaseUs"));
    assert!(fields.contains("campaign.useCases[0].sampleMessages[1]"));
    let complete =
        validate::profile_complete_from_json(&json!({"webHookUrl": "https://x.example/cb"}))
            .unwrap();
    assert!(complete.web_hook_url.is_some());
}

#[test]
fn field_errors_serialize_as_sents_details() {
    let mut errors = FieldErrors::new();
    errors.add("b", "two");
    errors.add("a", "one");
    errors.add("a", "one");
    assert_eq!(
        serde_json::to_value(&errors).unwrap(),
        json!({"a": ["one"], "b": ["two"]})
    );
}
