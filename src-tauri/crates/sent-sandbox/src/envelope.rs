//! The Sent response envelope (`success`, `data`, `error`, `meta`) and the typed API error.
//!
//! Every JSON answer of the sandbox, success or failure, control API included, is built here so
//! that no path can produce a body without `meta` or with a mismatched request id.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use sent_model::{ApiErrorBody, Envelope, ResponseMeta, Timestamp};
use serde_json::Value;

/// Field path -> messages, as in `error.details`.
pub type Details = BTreeMap<String, Vec<String>>;

/// Where error documentation lives (contract D15: treated as opaque, one value used throughout).
pub const DOC_URL: &str = "https://docs.sent.dm/reference/api/error-catalog";

/// A failure answered with the error envelope.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{status} {code}: {message}")]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Catalog code such as `VALIDATION_001`.
    pub code: String,
    /// Human sentence.
    pub message: String,
    /// Per-field messages, `None` when not field-specific.
    pub details: Option<Details>,
}

impl ApiError {
    /// Generic constructor.
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            code: code.to_string(),
            message: message.into(),
            details: None,
        }
    }

    /// 400 `VALIDATION_001` with every failing field.
    pub fn validation(details: Details) -> Self {
        Self {
            details: Some(details),
            ..Self::new(
                StatusCode::BAD_REQUEST,
                "VALIDATION_001",
                "Request validation failed",
            )
        }
    }

    /// 400 `VALIDATION_001` with a single field.
    pub fn field(path: &str, message: impl Into<String>) -> Self {
        let mut d = Details::new();
        d.insert(path.to_string(), vec![message.into()]);
        Self::validation(d)
    }

    /// 400 `VALIDATION_001`, not field-specific (malformed JSON and the like).
    pub fn bad_body(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "VALIDATION_001", message)
    }

    /// 400 with a field-level code other than `VALIDATION_001` (`VALIDATION_002`, `_005`, ...).
    pub fn coded_field(code: &str, path: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut d = Details::new();
        d.insert(path.to_string(), vec![message.clone()]);
        Self {
            details: Some(d),
            ..Self::new(StatusCode::BAD_REQUEST, code, message)
        }
    }

    /// 400 `VALIDATION_003` for a path or header value that is not a UUID (Q37).
    pub fn bad_uuid(what: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "VALIDATION_003",
            format!("{what} must be a valid UUID"),
        )
    }

    /// 403 `AUTH_004`.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "AUTH_004", message)
    }

    /// 404 `RESOURCE_014` `Profile not found`.
    pub fn profile_not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "RESOURCE_014", "Profile not found")
    }

    /// 500 `INTERNAL_001` in the wording of the profile pages.
    pub fn internal(request_id: &str, what: &str) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL_001",
            format!("Failed to {what}. Please contact support with request ID: {request_id}"),
        )
    }

    /// 429 `BUSINESS_002`.
    pub fn rate_limited() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "BUSINESS_002",
            "Rate limit exceeded",
        )
    }

    /// The `error` object, as the shared wire type.
    pub fn to_body(&self) -> ApiErrorBody {
        ApiErrorBody {
            code: self.code.clone(),
            message: self.message.clone(),
            details: self.details.clone(),
            doc_url: Some(DOC_URL.to_string()),
        }
    }
}

/// `meta` block: request id, server time, version and processing time.
pub fn meta(
    request_id: &str,
    now: chrono::DateTime<chrono::Utc>,
    response_time_ms: u64,
) -> ResponseMeta {
    ResponseMeta {
        request_id: Some(request_id.to_string()),
        timestamp: Some(Timestamp::from(now)),
        version: Some("v3".to_string()),
        response_time_ms: Some(u32::try_from(response_time_ms).unwrap_or(u32::MAX)),
    }
}

/// Success envelope.
pub fn success(data: Value, meta: ResponseMeta) -> Envelope<Value> {
    Envelope::ok(data, meta)
}

/// Error envelope.
pub fn failure(err: &ApiError, meta: ResponseMeta) -> Envelope<Value> {
    Envelope::failure(err.to_body(), meta)
}

/// A verdict of the shared validation rules (`sent-model`) as an API error: 400 with the
/// field details, or V14's 422 without details.
pub fn rejection(r: sent_model::validate::Rejection) -> ApiError {
    let body = r.to_error_body();
    ApiError {
        status: StatusCode::from_u16(r.http_status()).unwrap_or(StatusCode::BAD_REQUEST),
        code: body.code,
        message: body.message,
        details: body.details,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_envelope_has_all_four_keys_and_null_data() {
        let e = ApiError::field("name", "Profile name is required");
        let v = serde_json::to_value(failure(&e, meta("req_0123456789", chrono::Utc::now(), 1)))
            .unwrap();
        assert_eq!(v["success"], false);
        assert!(v["data"].is_null());
        assert_eq!(v["error"]["code"], "VALIDATION_001");
        assert_eq!(v["error"]["details"]["name"][0], "Profile name is required");
        assert_eq!(v["meta"]["version"], "v3");
    }
}
