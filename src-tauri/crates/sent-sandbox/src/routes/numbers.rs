//! Number lookup (E17). Answers from a deterministic fake index; E.164 is required.

use sent_model::number::NumberLookup;

use super::common::{Ctx, HandlerResult, Reply};
use crate::envelope::ApiError;
use crate::magic;

/// E.164 as the shared rules define it (V16), so app and sandbox agree.
pub fn is_e164(s: &str) -> bool {
    sent_model::validate::rules::is_e164(s)
}

/// Region of a number, good enough for the sandbox's fixtures.
pub fn region_of(e164: &str) -> (&'static str, &'static str) {
    let d = e164.trim_start_matches('+');
    for (prefix, cc, region) in [
        ("1", "1", "US"),
        ("44", "44", "GB"),
        ("49", "49", "DE"),
        ("33", "33", "FR"),
        ("34", "34", "ES"),
        ("52", "52", "MX"),
        ("55", "55", "BR"),
        ("91", "91", "IN"),
    ] {
        if d.starts_with(prefix) {
            return (cc, region);
        }
    }
    ("", "ZZ")
}

/// E17.
pub fn lookup(_ctx: &Ctx<'_>, number: &str) -> HandlerResult {
    let number = number.trim();
    if !is_e164(number) {
        return Err(ApiError::coded_field(
            "VALIDATION_002",
            "phoneNumber",
            "phoneNumber must be in E.164 format (e.g. +14155550123)",
        ));
    }
    let valid = number != magic::LOOKUP_INVALID;
    let (_, region) = region_of(number);
    let lookup = NumberLookup {
        phone_number: number.to_string(),
        is_valid: valid,
        carrier_name: valid.then(|| "Sandbox Mobile".to_string()),
        country_code: Some(region.to_string()),
        line_type: valid.then(|| "mobile".to_string()),
        mobile_country_code: valid.then(|| "310".to_string()),
        mobile_network_code: valid.then(|| "260".to_string()),
        is_ported: valid.then_some(false),
        is_voip: valid.then_some(false),
    };
    Ok(Reply::ok(super::common::to_json(&lookup)))
}
