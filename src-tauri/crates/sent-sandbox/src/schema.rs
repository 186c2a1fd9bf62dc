//! JSON type checking of the server-only request bodies (sends, webhooks; Q36). Profile,
//! campaign and completion bodies are typed by `sent-model`'s `validate::json` instead.
//! Checking rule: a value of the wrong JSON type is reported as
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wrong_types_are_keyed_by_dotted_path_and_all_reported() {
        let d = check(
            &json!({ "to": ["+1415", 7], "template": { "parameters": { "a": 1 } }, "sandbox": "yes", "unknown": 1 }),
            SEND,
        );
        assert_eq!(
            d.keys().cloned().collect::<Vec<_>>(),
            vec![
                "sandbox".to_string(),
                "template.parameters.a".to_string(),
                "to[1]".to_string()
            ]
        );
        assert_eq!(d["sandbox"], vec!["sandbox must be a boolean".to_string()]);
    }

    #[test]
    fn nulls_pass() {
        assert!(check(&json!({ "text": null, "template": null }), SEND).is_empty());
    }
}
