//! Field-level type checks over a raw JSON body, for a server that must report *every* failing
//! field (contract Q36: `name: 5` or `vertical: "FOO"` is a 400 with `details` keyed by the path,
//! together with the other failing fields) — something serde's first-error-wins parse cannot do.
//!
//! Each `*_from_json` function: refuses a non-object body (Q39), checks the JSON type of every
//! known field (unknown fields are ignored, Q27; `null` is always accepted here), removes the
//! ill-typed values, parses the rest into the typed request, runs the `*_fields` rules, and
//! returns the typed request or all the errors at once.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{
    campaign_write_fields, messages, profile_complete_fields, profile_create_fields,
    profile_update_fields, CampaignWrite, CreateOptions, FieldErrors, OrganizationFacts, Rejection,
    StoredProfile,
};
use crate::campaign::CampaignRequest;
use crate::enums::{EntityType, MessagingUseCaseUs, TcrBrandRelationship, TcrVertical};
use crate::profile::{ProfileComplete, ProfileCreate, ProfileUpdate};

/// The JSON type a field must have.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Str,
    Bool,
    OneOf(&'static [&'static str]),
    Object(&'static [(&'static str, Kind)]),
    ArrayOf(&'static Kind),
}

const DESTINATION_COUNTRY: &[(&str, Kind)] = &[("id", Kind::Str), ("isMain", Kind::Bool)];

const BRAND: &[(&str, Kind)] = &[
    (
        "contact",
        Kind::Object(&[
            ("name", Kind::Str),
            ("businessName", Kind::Str),
            ("role", Kind::Str),
            ("phone", Kind::Str),
            ("email", Kind::Str),
            ("phoneCountryCode", Kind::Str),
        ]),
    ),
    (
        "business",
        Kind::Object(&[
            ("legalName", Kind::Str),
            ("taxId", Kind::Str),
            ("taxIdType", Kind::Str),
            ("entityType", Kind::OneOf(EntityType::WIRE)),
            ("street", Kind::Str),
            ("city", Kind::Str),
            ("state", Kind::Str),
            ("postalCode", Kind::Str),
            ("country", Kind::Str),
            ("url", Kind::Str),
            ("countryOfRegistration", Kind::Str),
        ]),
    ),
    (
        "compliance",
        Kind::Object(&[
            ("vertical", Kind::OneOf(TcrVertical::WIRE)),
            ("brandRelationship", Kind::OneOf(TcrBrandRelationship::WIRE)),
            ("primaryUseCase", Kind::Str),
            ("expectedMessagingVolume", Kind::Str),
            ("isTcrApplication", Kind::Bool),
            ("phoneNumberPrefix", Kind::Str),
            (
                "destinationCountries",
                Kind::ArrayOf(&Kind::Object(DESTINATION_COUNTRY)),
            ),
            ("notes", Kind::Str),
        ]),
    ),
];

const BILLING_CONTACT: &[(&str, Kind)] = &[
    ("name", Kind::Str),
    ("email", Kind::Str),
    ("phone", Kind::Str),
    ("address", Kind::Str),
];

const PAYMENT: &[(&str, Kind)] = &[
    ("card_number", Kind::Str),
    ("expiry", Kind::Str),
    ("cvc", Kind::Str),
    ("zip_code", Kind::Str),
];

const PROFILE_COMMON: &[(&str, Kind)] = &[
    ("name", Kind::Str),
    ("short_name", Kind::Str),
    ("description", Kind::Str),
    ("icon", Kind::Str),
    ("allow_contact_sharing", Kind::Bool),
    ("allow_template_sharing", Kind::Bool),
    ("inherit_contacts", Kind::Bool),
    ("inherit_templates", Kind::Bool),
    ("inherit_tcr_brand", Kind::Bool),
    ("inherit_tcr_campaign", Kind::Bool),
    ("billing_model", Kind::Str),
    ("billing_contact", Kind::Object(BILLING_CONTACT)),
    ("payment_details", Kind::Object(PAYMENT)),
    ("brand", Kind::Object(BRAND)),
    ("sandbox", Kind::Bool),
];

const PROFILE_CREATE_ONLY: &[(&str, Kind)] = &[(
    "whatsapp_business_account",
    Kind::Object(&[
        ("waba_id", Kind::Str),
        ("access_token", Kind::Str),
        ("phone_number_id", Kind::Str),
    ]),
)];

const PROFILE_UPDATE_ONLY: &[(&str, Kind)] = &[
    ("sending_phone_number_profile_id", Kind::Str),
    ("sending_whatsapp_number_profile_id", Kind::Str),
    ("sending_phone_number", Kind::Str),
    ("whatsapp_phone_number", Kind::Str),
    ("allow_number_change_during_onboarding", Kind::Bool),
];

const CAMPAIGN_BODY: &[(&str, Kind)] = &[
    (
        "campaign",
        Kind::Object(&[
            ("name", Kind::Str),
            ("description", Kind::Str),
            ("type", Kind::Str),
            (
                "useCases",
                Kind::ArrayOf(&Kind::Object(&[
                    ("messagingUseCaseUs", Kind::OneOf(MessagingUseCaseUs::WIRE)),
                    ("sampleMessages", Kind::ArrayOf(&Kind::Str)),
                ])),
            ),
            ("messageFlow", Kind::Str),
            ("privacyPolicyLink", Kind::Str),
            ("termsAndConditionsLink", Kind::Str),
            ("optinKeywords", Kind::Str),
            ("optoutKeywords", Kind::Str),
            ("helpKeywords", Kind::Str),
            ("optinMessage", Kind::Str),
            ("optoutMessage", Kind::Str),
            ("helpMessage", Kind::Str),
            ("volume", Kind::Str),
        ]),
    ),
    ("sandbox", Kind::Bool),
];

/// Create fields a `null` is refused on (contract E4, 9.1: the two sharing flags are typed
/// `boolean`, not `boolean | null`, on create; the server refuses rather than defaulting).
const CREATE_NOT_NULLABLE: &[&str] = &["allow_contact_sharing", "allow_template_sharing"];

const COMPLETE_BODY: &[(&str, Kind)] = &[("webHookUrl", Kind::Str), ("sandbox", Kind::Bool)];

/// Parses and validates a `POST /v3/profiles` body (V1–V12, V15, V16 and types; V14 when the
/// organization's facts are given).
pub fn profile_create_from_json(
    body: &Value,
    organization: Option<&OrganizationFacts>,
    options: CreateOptions,
) -> Result<ProfileCreate, Rejection> {
    let (request, mut type_errors) =
        typed::<ProfileCreate>(body, &[PROFILE_COMMON, PROFILE_CREATE_ONLY])?;
    if !options.sharing_flags_nullable {
        for key in CREATE_NOT_NULLABLE {
            if body.get(key).is_some_and(Value::is_null) {
                type_errors.add(*key, messages::not_nullable(key));
            }
        }
    }
    let rule_errors = profile_create_fields(&request, options);
    finish(type_errors, rule_errors)?;
    super::check_profile_create(&request, organization, options)?;
    Ok(request)
}

/// Parses and validates a `PATCH /v3/profiles/{id}` body (V2–V13, V16, V17 and types).
pub fn profile_update_from_json(
    body: &Value,
    stored: Option<&StoredProfile>,
    organization: Option<&OrganizationFacts>,
) -> Result<ProfileUpdate, Rejection> {
    let (request, type_errors) =
        typed::<ProfileUpdate>(body, &[PROFILE_COMMON, PROFILE_UPDATE_ONLY])?;
    let rule_errors = profile_update_fields(&request, stored, organization);
    finish(type_errors, rule_errors)?;
    Ok(request)
}

/// Parses and validates a campaign create/update body (V20–V22 and types).
pub fn campaign_from_json(
    body: &Value,
    write: CampaignWrite,
) -> Result<CampaignRequest, Rejection> {
    let (request, type_errors) = typed::<CampaignRequest>(body, &[CAMPAIGN_BODY])?;
    let rule_errors = campaign_write_fields(&request, write);
    finish(type_errors, rule_errors)?;
    Ok(request)
}

/// Parses and validates a `POST /v3/profiles/{id}/complete` body (V23 and types).
pub fn profile_complete_from_json(body: &Value) -> Result<ProfileComplete, Rejection> {
    let (request, type_errors) = typed::<ProfileComplete>(body, &[COMPLETE_BODY])?;
    let rule_errors = profile_complete_fields(&request);
    finish(type_errors, rule_errors)?;
    Ok(request)
}

/// Type-checks `body` against `specs`, drops the ill-typed values and parses the rest.
fn typed<T: DeserializeOwned>(
    body: &Value,
    specs: &[&[(&str, Kind)]],
) -> Result<(T, FieldErrors), Rejection> {
    let Value::Object(object) = body else {
        return Err(Rejection::BodyNotObject);
    };
    let mut object = object.clone();
    let mut errors = FieldErrors::new();
    for spec in specs {
        check_object(&mut object, spec, "", &mut errors);
    }
    let request = serde_json::from_value(Value::Object(object))
        // Unreachable when the specs match the types; keep a field-less 400 rather than a panic.
        .map_err(|_| Rejection::Fields(errors.clone()))?;
    Ok((request, errors))
}

/// Type errors win over rule errors on the same path (`name: 5` is "must be a string", not also
/// "is required").
fn finish(type_errors: FieldErrors, rule_errors: FieldErrors) -> Result<(), Rejection> {
    let mut all = type_errors.clone();
    for (path, list) in rule_errors.into_map() {
        if !type_errors.contains(&path) {
            for message in list {
                all.add(path.clone(), message);
            }
        }
    }
    super::fields_result(all)
}

fn check_object(
    object: &mut Map<String, Value>,
    spec: &[(&str, Kind)],
    prefix: &str,
    errors: &mut FieldErrors,
) {
    for (key, kind) in spec {
        let path = if prefix.is_empty() {
            (*key).to_owned()
        } else {
            format!("{prefix}.{key}")
        };
        let Some(value) = object.get_mut(*key) else {
            continue;
        };
        if !check_value(value, kind, &path, errors) {
            object.remove(*key);
        }
    }
}

/// Returns false when `value` has the wrong type (the caller drops it).
fn check_value(value: &mut Value, kind: &Kind, path: &str, errors: &mut FieldErrors) -> bool {
    if value.is_null() {
        return true;
    }
    match (kind, value) {
        (Kind::Str, Value::String(_)) | (Kind::Bool, Value::Bool(_)) => true,
        (Kind::Str, _) => type_error(errors, path, "a string"),
        (Kind::Bool, _) => type_error(errors, path, "a boolean"),
        (Kind::OneOf(allowed), Value::String(text)) if allowed.contains(&text.as_str()) => true,
        (Kind::OneOf(allowed), _) => {
            errors.add(path, messages::not_one_of(path, allowed));
            false
        }
        (Kind::Object(spec), Value::Object(inner)) => {
            check_object(inner, spec, path, errors);
            true
        }
        (Kind::Object(_), _) => type_error(errors, path, "an object"),
        (Kind::ArrayOf(item), Value::Array(items)) => {
            let mut ok = true;
            for (index, element) in items.iter_mut().enumerate() {
                let item_path = format!("{path}[{index}]");
                if element.is_null() || !check_value(element, item, &item_path, errors) {
                    if element.is_null() {
                        type_error(errors, &item_path, "a value, not null");
                    }
                    ok = false;
                }
            }
            ok
        }
        (Kind::ArrayOf(_), _) => type_error(errors, path, "an array"),
    }
}

fn type_error(errors: &mut FieldErrors, path: &str, expected: &str) -> bool {
    errors.add(path, format!("{path} must be {expected}"));
    false
}
