//! The response envelope every JSON response wears (contract §1.6), its `meta` (§1.6), the error
//! object (§1.7), pagination meta (§1.8) and the error-code catalog and families (§7).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::timestamp::Timestamp;

/// `{ success, data, error, meta }`. Every key is tolerated missing; unknown keys are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Envelope<T> {
    /// `true` for success. A missing key counts as `true`; the client still checks `error` and the
    /// HTTP status (contract §1.3: a 2xx with `success:false` is an error).
    #[serde(default = "default_true")]
    pub success: bool,
    /// The payload; `null` on error.
    #[serde(default = "Option::default")]
    pub data: Option<T>,
    /// The failure; `null` on success.
    #[serde(default)]
    pub error: Option<ApiErrorBody>,
    /// Request id, server time, API version.
    #[serde(default)]
    pub meta: ResponseMeta,
}

fn default_true() -> bool {
    true
}

impl<T> Envelope<T> {
    /// A success envelope around `data`.
    pub fn ok(data: T, meta: ResponseMeta) -> Self {
        Self {
            success: true,
            data: Some(data),
            error: None,
            meta,
        }
    }

    /// A failure envelope around `error`.
    pub fn failure(error: ApiErrorBody, meta: ResponseMeta) -> Self {
        Self {
            success: false,
            data: None,
            error: Some(error),
            meta,
        }
    }
}

/// The envelope's `meta` (contract §1.6).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResponseMeta {
    /// `req_` + ~10 alphanumerics; quote it to Sent support.
    #[serde(default)]
    pub request_id: Option<String>,
    /// Server time of the response.
    #[serde(default)]
    pub timestamp: Option<Timestamp>,
    /// Always `"v3"`.
    #[serde(default)]
    pub version: Option<String>,
    /// Server processing time (docs data-models page; absent from the SDK type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub response_time_ms: Option<u32>,
}

impl ResponseMeta {
    /// Meta for a response made now (`version: "v3"`).
    pub fn new(request_id: impl Into<String>) -> Self {
        Self {
            request_id: Some(request_id.into()),
            timestamp: Some(Timestamp::now()),
            version: Some("v3".to_owned()),
            response_time_ms: None,
        }
    }
}

/// The envelope's `error` object (contract §1.7).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApiErrorBody {
    /// Family prefix + 3 digits, e.g. `VALIDATION_001`. Branch on this, never on `message`.
    #[serde(default)]
    pub code: String,
    /// One human sentence.
    #[serde(default)]
    pub message: String,
    /// Dotted field path -> messages; `null` when the error is not about fields.
    #[serde(default)]
    pub details: Option<BTreeMap<String, Vec<String>>>,
    /// Link to docs; opaque.
    #[serde(default)]
    pub doc_url: Option<String>,
}

impl ApiErrorBody {
    /// An error with Sent's usual catalog link.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            details: None,
            doc_url: Some(DOC_URL.to_owned()),
        }
    }

    /// Adds per-field details.
    pub fn with_details(mut self, details: BTreeMap<String, Vec<String>>) -> Self {
        self.details = Some(details);
        self
    }

    /// The family of `code`.
    pub fn family(&self) -> ErrorFamily {
        ErrorFamily::of(&self.code)
    }
}

/// The `doc_url` the sandbox emits (contract D15).
pub const DOC_URL: &str = "https://docs.sent.dm/reference/api/error-catalog";

/// Error-code families the client maps by prefix (contract §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorFamily {
    /// `AUTH_*`: missing/unknown key, role, account state.
    Auth,
    /// `VALIDATION_*`: the request is wrong; `details` says where.
    Validation,
    /// `RESOURCE_*`: not found / already exists.
    Resource,
    /// `BUSINESS_*`: a business rule (rate limit, balance, opt-out, ...).
    Business,
    /// `CONFLICT_*`: idempotency key in flight, or a state conflict.
    Conflict,
    /// `SERVICE_*`: a dependency is down; the request was not executed.
    Service,
    /// `INTERNAL_*`: server fault.
    Internal,
    /// Any other code (e.g. `NOT_FOUND`, `LIMIT_001`).
    Unknown,
}

impl ErrorFamily {
    /// The family of a code, by prefix.
    pub fn of(code: &str) -> Self {
        const PREFIXES: [(&str, ErrorFamily); 7] = [
            ("AUTH_", ErrorFamily::Auth),
            ("VALIDATION_", ErrorFamily::Validation),
            ("RESOURCE_", ErrorFamily::Resource),
            ("BUSINESS_", ErrorFamily::Business),
            ("CONFLICT_", ErrorFamily::Conflict),
            ("SERVICE_", ErrorFamily::Service),
            ("INTERNAL_", ErrorFamily::Internal),
        ];
        PREFIXES
            .iter()
            .find(|(prefix, _)| code.starts_with(prefix))
            .map(|(_, family)| *family)
            .unwrap_or(ErrorFamily::Unknown)
    }
}

/// Codes of contract §7 and §19 that code branches on (the catalog has more; see the contract).
pub mod codes {
    /// `x-api-key` absent (401).
    pub const AUTH_001: &str = "AUTH_001";
    /// Key not recognised (401).
    pub const AUTH_002: &str = "AUTH_002";
    /// Role may not perform the operation (403).
    pub const AUTH_004: &str = "AUTH_004";
    /// Generic validation failure with `details` (400; 422 for the missing-WABA case).
    pub const VALIDATION_001: &str = "VALIDATION_001";
    /// Phone number not E.164 (400).
    pub const VALIDATION_002: &str = "VALIDATION_002";
    /// Malformed UUID (400).
    pub const VALIDATION_003: &str = "VALIDATION_003";
    /// Value out of range (400).
    pub const VALIDATION_005: &str = "VALIDATION_005";
    /// Enum value not allowed (400).
    pub const VALIDATION_006: &str = "VALIDATION_006";
    /// `Idempotency-Key` malformed (400).
    pub const VALIDATION_007: &str = "VALIDATION_007";
    /// Template not found (404).
    pub const RESOURCE_002: &str = "RESOURCE_002";
    /// Message not found (404).
    pub const RESOURCE_003: &str = "RESOURCE_003";
    /// Organization not found (404).
    pub const RESOURCE_005: &str = "RESOURCE_005";
    /// Resource already exists (409): never retried.
    pub const RESOURCE_007: &str = "RESOURCE_007";
    /// Webhook not found (404).
    pub const RESOURCE_008: &str = "RESOURCE_008";
    /// Profile not found (404).
    pub const RESOURCE_014: &str = "RESOURCE_014";
    /// Rate limit exceeded (429): retried after `Retry-After`.
    pub const BUSINESS_002: &str = "BUSINESS_002";
    /// Same idempotency key already in flight (409): the only retryable 409.
    pub const CONFLICT_001: &str = "CONFLICT_001";
    /// Delete refused: a number is still registered on the customer's WABA (409, newer revision).
    pub const CONFLICT_012: &str = "CONFLICT_012";
    /// Delete refused: the customer's WABA could not be read (409, newer revision).
    pub const CONFLICT_013: &str = "CONFLICT_013";
    /// Idempotency store unavailable (503): not executed, retryable.
    pub const SERVICE_001: &str = "SERVICE_001";
    /// Unexpected server error (500).
    pub const INTERNAL_001: &str = "INTERNAL_001";
    /// Too many scheduled messages (429, newer revision): never retried automatically.
    pub const LIMIT_001: &str = "LIMIT_001";
}

/// Pagination meta of templates, contacts, webhooks (contract §1.8). Pages are 1-based.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaginationMeta {
    /// Current page, 1-based.
    #[serde(default)]
    pub page: u32,
    /// Items per page.
    #[serde(default)]
    pub page_size: u32,
    /// Items across all pages.
    #[serde(default)]
    pub total_count: u32,
    /// Page count.
    #[serde(default)]
    pub total_pages: u32,
    /// Another page exists.
    #[serde(default)]
    pub has_more: bool,
    /// Cursor pointers; never relied on (contract §19 R15).
    #[serde(default)]
    pub cursors: Option<PageCursors>,
}

/// `pagination.cursors`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PageCursors {
    /// Cursor of the next page.
    #[serde(default)]
    pub after: Option<String>,
    /// Cursor of the previous page.
    #[serde(default)]
    pub before: Option<String>,
}

/// Query of every paged list (`page`, `page_size`, both always sent: valid on both revisions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PageRequest {
    /// 1-based page.
    pub page: u32,
    /// Items per page (the sandbox allows 1–100).
    pub page_size: u32,
}

impl Default for PageRequest {
    fn default() -> Self {
        Self {
            page: 1,
            page_size: 50,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_by_prefix() {
        assert_eq!(ErrorFamily::of("AUTH_002"), ErrorFamily::Auth);
        assert_eq!(ErrorFamily::of("VALIDATION_007"), ErrorFamily::Validation);
        assert_eq!(ErrorFamily::of("RESOURCE_014"), ErrorFamily::Resource);
        assert_eq!(ErrorFamily::of("BUSINESS_002"), ErrorFamily::Business);
        assert_eq!(ErrorFamily::of("CONFLICT_001"), ErrorFamily::Conflict);
        assert_eq!(ErrorFamily::of("SERVICE_001"), ErrorFamily::Service);
        assert_eq!(ErrorFamily::of("INTERNAL_004"), ErrorFamily::Internal);
        assert_eq!(ErrorFamily::of("LIMIT_001"), ErrorFamily::Unknown);
        assert_eq!(ErrorFamily::of("NOT_FOUND"), ErrorFamily::Unknown);
        assert_eq!(ErrorFamily::of(""), ErrorFamily::Unknown);
    }

    #[test]
    fn error_envelope_from_the_contract() {
        let json = r#"{
          "success": false, "data": null,
          "error": { "code": "VALIDATION_001", "message": "Request validation failed",
            "details": {
              "short_name": ["short_name must be 3–11 characters, contain only letters, numbers, and spaces, and include at least one letter"],
              "payment_details.expiry": ["payment_details.expiry must be in MM/YY format (e.g. '09/27')"] },
            "doc_url": "https://docs.sent.dm/reference/api/error-catalog" },
          "meta": { "request_id": "req_Hh2nV0c9Lp", "timestamp": "2026-07-10T08:16:40.0100000+00:00", "version": "v3" }
        }"#;
        let env: Envelope<serde_json::Value> = serde_json::from_str(json).unwrap();
        assert!(!env.success);
        let error = env.error.unwrap();
        assert_eq!(error.family(), ErrorFamily::Validation);
        let details = error.details.unwrap();
        assert_eq!(details.len(), 2);
        assert!(details["short_name"][0].contains("3–11"));
        assert_eq!(env.meta.request_id.as_deref(), Some("req_Hh2nV0c9Lp"));
    }

    #[test]
    fn tolerates_missing_and_unknown_keys() {
        let env: Envelope<serde_json::Value> =
            serde_json::from_str(r#"{"data": {"x": 1}, "extra": true, "meta": {"new": 1}}"#)
                .unwrap();
        assert!(env.success);
        assert!(env.error.is_none());
        assert!(env.meta.request_id.is_none());
        let empty: Envelope<serde_json::Value> = serde_json::from_str("{}").unwrap();
        assert!(empty.data.is_none());
        let meta: ResponseMeta = serde_json::from_str(
            r#"{"request_id":"req_1","timestamp":"2025-10-31T10:10:42Z","version":"v3","response_time_ms":12}"#,
        )
        .unwrap();
        assert_eq!(meta.response_time_ms, Some(12));
    }

    #[test]
    fn pagination_meta() {
        let page: PaginationMeta = serde_json::from_str(
            r#"{"page":1,"page_size":20,"total_count":41,"total_pages":3,"has_more":true,"cursors":{"after":"abc","before":null}}"#,
        )
        .unwrap();
        assert!(page.has_more);
        assert_eq!(page.cursors.unwrap().after.as_deref(), Some("abc"));
    }
}
