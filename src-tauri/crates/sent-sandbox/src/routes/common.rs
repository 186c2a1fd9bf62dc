//! What every route handler shares: its context ([`Ctx`]), its answer ([`Reply`]), and the small
//! helpers several resources use (ids, JSON, paging, owners). Handlers import from here, never
//! from each other's shared parts, so the route modules stand side by side.

use std::collections::HashMap;

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde_json::Value;
use uuid::Uuid;

use crate::app::App;
use crate::auth::Scope;
use crate::envelope::ApiError;
use crate::store::{Owner, State};
use crate::views;

/// Parses an id already checked by `Route::check_ids`.
pub fn id(raw: &str) -> Uuid {
    Uuid::parse_str(raw).unwrap_or_default()
}

/// A successful answer: status and `data` (`None` for 204).
#[derive(Debug, Clone)]
pub struct Reply {
    /// HTTP status.
    pub status: StatusCode,
    /// Payload; `None` means an empty 204.
    pub data: Option<Value>,
}

impl Reply {
    /// 200 with data (a `sent-model` wire type or JSON).
    pub fn ok(data: impl serde::Serialize) -> Self {
        Self::with(StatusCode::OK, data)
    }
    /// Any status with data.
    pub fn with(status: StatusCode, data: impl serde::Serialize) -> Self {
        Self {
            status,
            data: Some(serde_json::to_value(data).unwrap_or(Value::Null)),
        }
    }
    /// 204.
    pub fn no_content() -> Self {
        Self {
            status: StatusCode::NO_CONTENT,
            data: None,
        }
    }
}

/// Handler result.
pub type HandlerResult = Result<Reply, ApiError>;

/// What a handler sees of its request.
pub struct Ctx<'a> {
    pub app: &'a App,
    pub scope: Scope,
    pub request_id: String,
    /// The JSON body (an object; `{}` when none was sent).
    pub body: Value,
    pub query: HashMap<String, String>,
    /// `"sandbox": true` in the body: run, answer, change nothing (§4).
    pub sandbox: bool,
}

impl Ctx<'_> {
    /// Sandbox time.
    pub fn now(&self) -> DateTime<Utc> {
        self.app.clock.now()
    }

    /// Runs a change atomically: on a copy of the state, swapped in only on success and only
    /// outside sandbox mode. A failing or sandbox request therefore never leaves a trace.
    pub fn mutate<T>(
        &self,
        f: impl FnOnce(&mut State) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        if self.sandbox {
            let mut copy = self.app.read().clone();
            return f(&mut copy);
        }
        let out = {
            let mut guard = self.app.write();
            let mut copy = guard.clone();
            let out = f(&mut copy)?;
            *guard = copy;
            out
        };
        if let Err(e) = self.app.persist() {
            tracing::error!("persisting state failed: {e}");
            return Err(ApiError::internal(&self.request_id, "persist state"));
        }
        Ok(out)
    }
}

/// Serializes a wire type for an envelope's `data`.
pub fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// Reads and checks `page` / `page_size` (required; Q14 bounds).
pub fn paging(ctx: &Ctx<'_>) -> Result<(usize, usize), ApiError> {
    let required = crate::revision::paging_params_required(ctx.app.revision());
    let mut missing = crate::envelope::Details::new();
    let mut bad = crate::envelope::Details::new();
    let mut get = |name: &str, max: usize| -> usize {
        match ctx.query.get(name) {
            None if required => {
                missing.insert(name.into(), vec![format!("{name} is required")]);
                0
            }
            None => {
                if name == "page" {
                    1
                } else {
                    20
                }
            }
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n >= 1 && n <= max => n,
                _ => {
                    bad.insert(
                        name.into(),
                        vec![format!("{name} must be an integer between 1 and {max}")],
                    );
                    0
                }
            },
        }
    };
    let page = get("page", usize::MAX);
    let size = get("page_size", 100);
    if !missing.is_empty() {
        let mut e = ApiError::new(
            StatusCode::BAD_REQUEST,
            "VALIDATION_004",
            "Required query parameter missing",
        );
        e.details = Some(missing);
        return Err(e);
    }
    if !bad.is_empty() {
        let mut e = ApiError::new(
            StatusCode::BAD_REQUEST,
            "VALIDATION_005",
            "Query parameter out of range",
        );
        e.details = Some(bad);
        return Err(e);
    }
    Ok((page, size))
}

/// Whether `owner` is the organization or one of its live profiles.
pub fn live_owner(state: &State, owner: Owner) -> bool {
    match owner {
        Owner::Org => true,
        Owner::Profile(id) => state.profile(id).is_some(),
    }
}

/// S1: the owning account (`customer_id`) when the revision reports it.
pub fn customer_id(state: &State, owner: Owner, ctx: &Ctx<'_>) -> Option<String> {
    crate::revision::reports_customer_id(ctx.app.revision()).then(|| views::customer(state, owner))
}
