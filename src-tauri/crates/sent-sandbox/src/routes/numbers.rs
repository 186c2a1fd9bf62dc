//! Number lookup (E17). Answers from a deterministic fake index; E.164 is required.

use serde_json::json;

use super::{Ctx, HandlerResult, Reply};
use crate::envelope::ApiError;
use crate::magic;

/// E.164: `+`, a non-zero digit, 6–14 more digits.
pub fn is_e164(s: &str) -> bool {
    let Some(d) = s.strip_prefix('+') else {
        return false;
    };
    (7..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0')
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
    Ok(Reply::ok(json!({
        "phone_number": number,
        "is_valid": valid,
        "carrier_name": valid.then_some("Sandbox Mobile"),
        "country_code": region,
        "line_type": valid.then_some("mobile"),
        "mobile_country_code": valid.then_some("310"),
        "mobile_network_code": valid.then_some("260"),
        "is_ported": valid.then_some(false),
        "is_voip": valid.then_some(false),
    })))
}
