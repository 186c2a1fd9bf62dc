//! Documented test numbers that make a send fail in a specific way (also listed in `--help`
//! and the README). They sit in the 555-01xx-style fictional ranges so no real person is hit.

/// Accepted with 202, then FAILED at routing with `ERR_ROUTE_DENIED`.
pub const ROUTE_DENIED: &str = "+15005550001";
/// A contact that opted out: FAILED with `ERR_CONSENT_BLOCKED`; when it is the only recipient
/// the whole send is refused with 422 `BUSINESS_004`.
pub const OPTED_OUT: &str = "+15005550002";
/// Accepted with 202, then FAILED with `ERR_TEMPLATE_PARAMS_INVALID`.
pub const TEMPLATE_PARAMS_INVALID: &str = "+15005550003";
/// Number lookup answers `is_valid: false` for it.
pub const LOOKUP_INVALID: &str = "+15005550009";

/// One line per magic number, for `--help` and the README.
pub const HELP: &str = "Magic test numbers (POST /v3/messages `to`):
  +15005550001  accepted (202), then FAILED with ERR_ROUTE_DENIED when routed
  +15005550002  opted-out contact: FAILED with ERR_CONSENT_BLOCKED; if every recipient is
                opted out the send is refused with 422 BUSINESS_004
  +15005550003  accepted (202), then FAILED with ERR_TEMPLATE_PARAMS_INVALID
  +15005550009  GET /v3/numbers/lookup answers is_valid: false
  Any template send missing one of the template's variables also ends FAILED with
  ERR_TEMPLATE_PARAMS_INVALID (contract Q21).";
