//! JSON type checking of request bodies (Q36): a value of the wrong JSON type is reported as
//! 400 `VALIDATION_001` under its dotted path, together with every other failing field, before
//! anything is deserialized. `null` passes here (nullability is a validation rule, not a type),
//! unknown keys are ignored (Q27).

use serde_json::Value;

use crate::envelope::Details;

/// Expected JSON type of a field.
#[derive(Debug)]
pub enum Ty {
    /// A string.
    Str,
    /// A boolean.
    Bool,
    /// An integer.
    Int,
    /// An object with these known fields.
    Obj(&'static [(&'static str, Ty)]),
    /// An array of items of this type.
    Arr(&'static Ty),
    /// An object whose values all have this type (e.g. template parameters).
    Map(&'static Ty),
    /// Anything.
    Any,
}

fn describe(t: &Ty) -> &'static str {
    match t {
        Ty::Str => "a string",
        Ty::Bool => "a boolean",
        Ty::Int => "an integer",
        Ty::Obj(_) | Ty::Map(_) => "an object",
        Ty::Arr(_) => "an array",
        Ty::Any => "a value",
    }
}

fn check_value(v: &Value, t: &Ty, path: &str, out: &mut Details) {
    if v.is_null() {
        return;
    }
    let ok = match t {
        Ty::Str => v.is_string(),
        Ty::Bool => v.is_boolean(),
        Ty::Int => v.is_i64() || v.is_u64(),
        Ty::Obj(_) | Ty::Map(_) => v.is_object(),
        Ty::Arr(_) => v.is_array(),
        Ty::Any => true,
    };
    if !ok {
        out.entry(path.to_string())
            .or_default()
            .push(format!("{path} must be {}", describe(t)));
        return;
    }
    match t {
        Ty::Obj(fields) => check_fields(v, fields, &format!("{path}."), out),
        Ty::Arr(item) => {
            for (i, x) in v.as_array().into_iter().flatten().enumerate() {
                check_value(x, item, &format!("{path}[{i}]"), out);
            }
        }
        Ty::Map(item) => {
            for (k, x) in v.as_object().into_iter().flatten() {
                check_value(x, item, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

fn check_fields(v: &Value, fields: &[(&str, Ty)], prefix: &str, out: &mut Details) {
    for (name, t) in fields {
        if let Some(x) = v.get(*name) {
            check_value(x, t, &format!("{prefix}{name}"), out);
        }
    }
}

/// Type errors of `body` against `fields`, keyed by dotted path.
pub fn check(body: &Value, fields: &[(&str, Ty)]) -> Details {
    let mut out = Details::new();
    check_fields(body, fields, "", &mut out);
    out
}

/// `POST /v3/messages`.
pub const SEND: &[(&str, Ty)] = &[
    ("to", Ty::Arr(&Ty::Str)),
    (
        "template",
        Ty::Obj(&[
            ("id", Ty::Str),
            ("name", Ty::Str),
            ("parameters", Ty::Map(&Ty::Str)),
        ]),
    ),
    ("text", Ty::Str),
    ("channel", Ty::Arr(&Ty::Str)),
    ("sandbox", Ty::Bool),
];

/// `POST /v3/webhooks`.
pub const WEBHOOK: &[(&str, Ty)] = &[
    ("display_name", Ty::Str),
    ("endpoint_url", Ty::Str),
    ("event_types", Ty::Arr(&Ty::Str)),
    ("event_filters", Ty::Map(&Ty::Arr(&Ty::Str))),
    ("retry_count", Ty::Int),
    ("timeout_seconds", Ty::Int),
    ("sandbox", Ty::Bool),
];

/// Bodies that only carry `sandbox` (deletes, rotate) or `event_type` (webhook test).
pub const SANDBOX_ONLY: &[(&str, Ty)] = &[("sandbox", Ty::Bool), ("event_type", Ty::Str)];

const CONTACT: &[(&str, Ty)] = &[
    ("name", Ty::Str),
    ("businessName", Ty::Str),
    ("role", Ty::Str),
    ("phone", Ty::Str),
    ("email", Ty::Str),
    ("phoneCountryCode", Ty::Str),
];
const BUSINESS: &[(&str, Ty)] = &[
    ("legalName", Ty::Str),
    ("taxId", Ty::Str),
    ("taxIdType", Ty::Str),
    ("entityType", Ty::Str),
    ("street", Ty::Str),
    ("city", Ty::Str),
    ("state", Ty::Str),
    ("postalCode", Ty::Str),
    ("country", Ty::Str),
    ("url", Ty::Str),
    ("countryOfRegistration", Ty::Str),
];
const COMPLIANCE: &[(&str, Ty)] = &[
    ("vertical", Ty::Str),
    ("brandRelationship", Ty::Str),
    ("primaryUseCase", Ty::Str),
    ("expectedMessagingVolume", Ty::Str),
    ("isTcrApplication", Ty::Bool),
    ("phoneNumberPrefix", Ty::Str),
    (
        "destinationCountries",
        Ty::Arr(&Ty::Obj(&[("id", Ty::Str), ("isMain", Ty::Bool)])),
    ),
    ("notes", Ty::Str),
];
const BRAND: &[(&str, Ty)] = &[
    ("contact", Ty::Obj(CONTACT)),
    ("business", Ty::Obj(BUSINESS)),
    ("compliance", Ty::Obj(COMPLIANCE)),
];
const BILLING_CONTACT: &[(&str, Ty)] = &[
    ("name", Ty::Str),
    ("email", Ty::Str),
    ("phone", Ty::Str),
    ("address", Ty::Str),
];
const PAYMENT: &[(&str, Ty)] = &[
    ("card_number", Ty::Str),
    ("expiry", Ty::Str),
    ("cvc", Ty::Str),
    ("zip_code", Ty::Str),
];

/// `POST /v3/profiles` and `PATCH /v3/profiles/{id}` (the update-only fields are harmless on
/// create: unknown to the create type, they are ignored there).
pub const PROFILE: &[(&str, Ty)] = &[
    ("name", Ty::Str),
    ("short_name", Ty::Str),
    ("description", Ty::Str),
    ("icon", Ty::Str),
    ("allow_contact_sharing", Ty::Bool),
    ("allow_template_sharing", Ty::Bool),
    ("inherit_contacts", Ty::Bool),
    ("inherit_templates", Ty::Bool),
    ("inherit_tcr_brand", Ty::Bool),
    ("inherit_tcr_campaign", Ty::Bool),
    ("billing_model", Ty::Str),
    ("billing_contact", Ty::Obj(BILLING_CONTACT)),
    ("payment_details", Ty::Obj(PAYMENT)),
    (
        "whatsapp_business_account",
        Ty::Obj(&[
            ("waba_id", Ty::Str),
            ("access_token", Ty::Str),
            ("phone_number_id", Ty::Str),
        ]),
    ),
    ("brand", Ty::Obj(BRAND)),
    ("sending_phone_number_profile_id", Ty::Str),
    ("sending_whatsapp_number_profile_id", Ty::Str),
    ("sending_phone_number", Ty::Str),
    ("whatsapp_phone_number", Ty::Str),
    ("allow_number_change_during_onboarding", Ty::Bool),
    ("sandbox", Ty::Bool),
];

/// `POST /v3/profiles/{id}/complete`.
pub const COMPLETE: &[(&str, Ty)] = &[("webHookUrl", Ty::Str), ("sandbox", Ty::Bool)];

/// Campaign create/update.
pub const CAMPAIGN: &[(&str, Ty)] = &[
    (
        "campaign",
        Ty::Obj(&[
            ("name", Ty::Str),
            ("description", Ty::Str),
            ("type", Ty::Str),
            (
                "useCases",
                Ty::Arr(&Ty::Obj(&[
                    ("messagingUseCaseUs", Ty::Str),
                    ("sampleMessages", Ty::Arr(&Ty::Str)),
                ])),
            ),
            ("messageFlow", Ty::Str),
            ("privacyPolicyLink", Ty::Str),
            ("termsAndConditionsLink", Ty::Str),
            ("optinKeywords", Ty::Str),
            ("optoutKeywords", Ty::Str),
            ("helpKeywords", Ty::Str),
            ("optinMessage", Ty::Str),
            ("optoutMessage", Ty::Str),
            ("helpMessage", Ty::Str),
        ]),
    ),
    ("sandbox", Ty::Bool),
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wrong_types_are_keyed_by_dotted_path_and_all_reported() {
        let d = check(
            &json!({ "name": 5, "inherit_contacts": "yes", "brand": { "compliance": { "destinationCountries": [ { "isMain": "x" } ] } }, "unknown": 1 }),
            PROFILE,
        );
        assert_eq!(
            d.keys().cloned().collect::<Vec<_>>(),
            vec![
                "brand.compliance.destinationCountries[0].isMain".to_string(),
                "inherit_contacts".to_string(),
                "name".to_string(),
            ]
        );
        assert_eq!(d["name"], vec!["name must be a string".to_string()]);
    }

    #[test]
    fn nulls_pass() {
        assert!(check(&json!({ "name": null, "brand": null }), PROFILE).is_empty());
    }
}
