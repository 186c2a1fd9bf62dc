//! Contract §11 campaign and completion rules (V20–V23), and the raw-JSON checks the sandbox uses
//! to report ill-typed fields together with the rule failures.

use std::collections::BTreeMap;

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

#[test]
fn sharing_flags_are_not_nullable_on_create() {
    // Contract E4 / 9.1: the two sharing flags are typed boolean on create; `null` is a 400 on
    // that field. The inheritance flags stay nullable; the newer revision (S1) accepts all four.
    let body = json!({
        "name": "Null Flags", "billing_model": "organization",
        "allow_contact_sharing": null, "allow_template_sharing": null,
        "inherit_contacts": null, "inherit_templates": null
    });
    let rejection =
        validate::profile_create_from_json(&body, None, CreateOptions::default()).unwrap_err();
    let fields = rejection.fields().unwrap().clone().into_map();
    assert_eq!(
        fields.keys().cloned().collect::<Vec<_>>(),
        vec![
            "allow_contact_sharing".to_owned(),
            "allow_template_sharing".to_owned()
        ]
    );
    assert_eq!(
        fields["allow_contact_sharing"],
        vec![messages::not_nullable("allow_contact_sharing")]
    );
    let newer = CreateOptions {
        sharing_flags_nullable: true,
        ..CreateOptions::default()
    };
    assert!(validate::profile_create_from_json(&body, None, newer).is_ok());
    // `false` and omission stay valid on the seed rules.
    let ok =
        json!({ "name": "Flags", "billing_model": "organization", "allow_contact_sharing": false });
    assert!(validate::profile_create_from_json(&ok, None, CreateOptions::default()).is_ok());
}
