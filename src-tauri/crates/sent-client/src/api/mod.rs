//! The endpoints the app uses, grouped by domain. Each method builds a [`crate::transport::Call`]
//! and nothing else: retries, headers and errors are the transport's.
//!
//! - [`account`]: `GET /v3/me`.
//! - [`profiles`]: the profile backend (profiles and their campaigns) behind [`ProfileBackend`], so
//!   that a second backend (`/v3/sender-profiles`, contract Q1) can be added without touching
//!   callers.
//! - [`messaging`]: templates, messages, number lookup, contacts (usually scoped to a profile).

pub mod account;
pub mod messaging;
pub mod profiles;

pub use profiles::ProfileBackend;

use serde::Serialize;

use crate::error::{ClientError, ClientResult};

/// Serializes a request body and sets `"sandbox": true` for a dry run. The only place a card
/// field or WhatsApp token is written: through `sent_model`'s wire helper, which is what lets
/// those secrets serialize at all (plain `serde_json` refuses them).
pub(crate) fn body_json<B: Serialize>(body: &B, sandbox: bool) -> ClientResult<serde_json::Value> {
    let mut value = sent_model::secret::wire::to_body(body)
        .map_err(|e| ClientError::Config(format!("cannot encode the request body: {e}")))?;
    if sandbox {
        match &mut value {
            serde_json::Value::Object(object) => {
                object.insert("sandbox".into(), serde_json::Value::Bool(true));
            }
            _ => {
                return Err(ClientError::Config(
                    "a dry run needs a JSON object body".into(),
                ))
            }
        }
    }
    Ok(value)
}
