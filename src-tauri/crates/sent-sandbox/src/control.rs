//! The control API under `/_sandbox/` (not part of Sent's API): reset, clock, faults, rate
//! limits, keys, deliveries and test hooks. Loopback peers only; answers use the Sent envelope.
//!
//! Mounted only when the builder asks for it ([`crate::SandboxBuilder::control_api`]): the CLI
//! does, an embedding app does not. The Host check of [`crate::guard`] applies here as to `/v3`;
//! on top of it, every `POST`/`PUT` must say `Content-Type: application/json`, so a web page
//! cannot reach these routes with a blind cross-site form or `fetch` (those can only send
//! "simple" content types without a CORS preflight, which the sandbox never grants).
//! Numbers are bounded so that no input can overflow chrono or the limiter.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::app::App;
use crate::config::{ApiRevision, Faults, Fixtures, RateLimits};
use crate::dispatch::answer;
use crate::envelope::ApiError;
use crate::routes::Reply;
use crate::seed::Seed;
use crate::server::ConnCtx;
use crate::store::{KeyKind, ProfileFixtures};

/// Routes of the control API, to be nested under `/_sandbox`.
pub fn router(app: Arc<App>) -> Router<Arc<App>> {
    Router::new()
        .route("/keys", get(keys))
        .route("/reset", post(reset))
        .route("/clock", get(clock))
        .route("/clock/advance", post(advance))
        .route("/faults", get(get_faults).put(put_faults).post(put_faults))
        .route(
            "/rate-limits",
            get(get_limits).put(put_limits).post(put_limits),
        )
        .route("/deliveries", get(deliveries))
        .route("/profiles/{id}/status", post(set_status))
        .route(
            "/api-revision",
            get(get_revision).put(put_revision).post(put_revision),
        )
        .route(
            "/fixtures",
            get(get_fixtures).put(put_fixtures).post(put_fixtures),
        )
        .route(
            "/profiles/{id}/fixtures",
            get(get_profile_fixtures)
                .put(put_profile_fixtures)
                .post(put_profile_fixtures),
        )
        .layer(middleware::from_fn_with_state(
            Arc::clone(&app),
            json_content_type_only,
        ))
        .layer(middleware::from_fn_with_state(app, loopback_only))
}

pub use crate::limits::{MAX_ADVANCE_SECS, MAX_LATENCY_MS, MAX_WINDOW_SECS};

async fn loopback_only(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let local = req
        .extensions()
        .get::<ConnCtx>()
        .is_some_and(|c| c.peer.ip().is_loopback());
    if !local {
        return answer(
            &app,
            Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "AUTH_004",
                "The sandbox control API only answers loopback clients",
            )),
        );
    }
    next.run(req).await
}

/// 415 for a `POST`/`PUT` whose content type is not JSON (an empty body needs the header too:
/// a body-less cross-site `POST` to `/reset` would otherwise wipe the state).
async fn json_content_type_only(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let reads_only = matches!(
        *req.method(),
        axum::http::Method::GET | axum::http::Method::HEAD
    );
    if !reads_only && !is_json(req.headers()) {
        return answer(
            &app,
            Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "The sandbox control API only accepts Content-Type: application/json",
            )),
        );
    }
    next.run(req).await
}

/// `application/json`, any parameters (`; charset=utf-8`), any case.
fn is_json(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

fn json_body(bytes: &Bytes) -> Result<Value, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_body(format!("Request body is not valid JSON: {e}")))
}

/// The accepted keys, for tools and tests.
pub fn key_list(app: &App) -> Value {
    let s = app.read();
    let keys: Vec<Value> = s
        .keys
        .iter()
        .filter_map(|k| match k.kind {
            KeyKind::OrgAdmin => Some(json!({ "key": k.key, "kind": "org_admin", "role": "admin", "profile_id": null, "name": s.org.name })),
            KeyKind::OrgDeveloper => Some(json!({ "key": k.key, "kind": "org_developer", "role": "developer", "profile_id": null, "name": s.org.name })),
            KeyKind::Profile(id) => s.profile(id).map(|p| json!({ "key": k.key, "kind": "profile", "role": null, "profile_id": id, "name": p.name })),
        })
        .collect();
    json!({ "organization_id": s.org.id, "keys": keys })
}

async fn keys(State(app): State<Arc<App>>) -> Response {
    answer(&app, Ok(Reply::ok(key_list(&app))))
}

async fn reset(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let result = json_body(&body).and_then(|b| {
        let seed = match b.get("seed").and_then(Value::as_str) {
            None => app.seed,
            Some("demo") => Seed::Demo,
            Some("empty") => Seed::Empty,
            Some(_) => return Err(ApiError::field("seed", "seed must be 'demo' or 'empty'")),
        };
        app.reset(seed).map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL_002",
                e.to_string(),
            )
        })?;
        Ok(Reply::ok(key_list(&app)))
    });
    answer(&app, result)
}

fn clock_json(app: &App) -> Value {
    json!({
        "now": crate::clock::format_ts(app.clock.now()),
        "offset_ms": app.clock.offset().num_milliseconds(),
    })
}

async fn clock(State(app): State<Arc<App>>) -> Response {
    answer(&app, Ok(Reply::ok(clock_json(&app))))
}

async fn advance(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let secs = match json_body(&body) {
        Ok(b) => b.get("seconds").and_then(Value::as_f64),
        Err(e) => return answer(&app, Err(e)),
    };
    let range = || {
        ApiError::field(
            "seconds",
            format!("seconds must be a number from 0 to {MAX_ADVANCE_SECS} (100 years)"),
        )
    };
    let Some(secs) = secs.filter(|s| s.is_finite() && (0.0..=MAX_ADVANCE_SECS as f64).contains(s))
    else {
        return answer(&app, Err(range()));
    };
    // In range, so the product fits an i64 of milliseconds.
    let by = chrono::Duration::try_milliseconds((secs * 1000.0).round() as i64);
    if let Err(e) = by
        .ok_or(crate::clock::ClockOverflow)
        .and_then(|d| app.clock.advance(d))
    {
        return answer(&app, Err(ApiError::field("seconds", e.to_string())));
    }
    // Jobs due by the new time finish (and call back) before this answer goes out.
    crate::jobs::run_due(&app).await;
    if let Err(e) = app.persist() {
        tracing::error!("persisting the clock failed: {e}");
    }
    answer(&app, Ok(Reply::ok(clock_json(&app))))
}

async fn get_faults(State(app): State<Arc<App>>) -> Response {
    answer(&app, Ok(Reply::ok(json!(app.faults()))))
}

async fn put_faults(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let result = json_body(&body).and_then(|b| {
        // Merge: only the keys present change.
        let mut current = serde_json::to_value(app.faults()).unwrap_or_default();
        if let (Some(cur), Some(new)) = (current.as_object_mut(), b.as_object()) {
            for (k, v) in new {
                cur.insert(k.clone(), v.clone());
            }
        }
        let faults: Faults = serde_json::from_value(current)
            .map_err(|e| ApiError::bad_body(format!("Invalid faults: {e}")))?;
        if faults.latency_ms > MAX_LATENCY_MS {
            return Err(ApiError::field(
                "latency_ms",
                format!("latency_ms must be from 0 to {MAX_LATENCY_MS}"),
            ));
        }
        for (k, v) in [
            ("error_500_rate", faults.error_500_rate),
            ("error_503_rate", faults.error_503_rate),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(ApiError::field(k, format!("{k} must be between 0 and 1")));
            }
        }
        *app.faults.lock().unwrap_or_else(|e| e.into_inner()) = faults.clone();
        Ok(Reply::ok(json!(faults)))
    });
    answer(&app, result)
}

fn limits_json(app: &App) -> Value {
    match app.limiter.limits() {
        Some(l) => {
            json!({ "enabled": true, "standard_per_window": l.standard_per_window, "sensitive_per_window": l.sensitive_per_window, "messages_per_window": l.messages_per_window, "window_secs": l.window_secs })
        }
        None => json!({ "enabled": false }),
    }
}

async fn get_limits(State(app): State<Arc<App>>) -> Response {
    answer(&app, Ok(Reply::ok(limits_json(&app))))
}

/// A whole number from `min` to `max` under `key`, if present; anything else (negative,
/// fractional, too big, not a number) is a 400 naming the field.
fn bounded(b: &Value, key: &str, min: u64, max: u64) -> Result<Option<u64>, ApiError> {
    match b.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_u64()
            .filter(|n| (min..=max).contains(n))
            .map(Some)
            .ok_or_else(|| {
                ApiError::field(
                    key,
                    format!("{key} must be a whole number from {min} to {max}"),
                )
            }),
    }
}

async fn put_limits(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let result = json_body(&body).and_then(|b| {
        if b.get("enabled").and_then(Value::as_bool) == Some(false) {
            app.limiter.set_limits(None);
        } else {
            let mut l = app.limiter.limits().unwrap_or_default();
            let max = u64::from(u32::MAX);
            // Validate every field before changing anything.
            let standard = bounded(&b, "standard_per_window", 0, max)?;
            let sensitive = bounded(&b, "sensitive_per_window", 0, max)?;
            let messages = bounded(&b, "messages_per_window", 0, max)?;
            let window = bounded(&b, "window_secs", 1, MAX_WINDOW_SECS)?;
            let to_u32 = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
            if let Some(v) = standard {
                l.standard_per_window = to_u32(v);
            }
            if let Some(v) = sensitive {
                l.sensitive_per_window = to_u32(v);
            }
            if let Some(v) = messages {
                l.messages_per_window = to_u32(v);
            }
            if let Some(v) = window {
                l.window_secs = v;
            }
            app.limiter.set_limits(Some(RateLimits { ..l }));
        }
        app.limiter.clear();
        Ok(Reply::ok(limits_json(&app)))
    });
    answer(&app, result)
}

async fn deliveries(State(app): State<Arc<App>>) -> Response {
    let d = app
        .deliveries
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    answer(&app, Ok(Reply::ok(json!({ "deliveries": d }))))
}

/// Test hook: force a profile status (the only way to reach `rejected`, §12.6).
async fn set_status(State(app): State<Arc<App>>, Path(id): Path<String>, body: Bytes) -> Response {
    let result = json_body(&body).and_then(|b| {
        let id = uuid::Uuid::parse_str(&id).map_err(|_| ApiError::bad_uuid("id"))?;
        let status = b
            .get("status")
            .and_then(Value::as_str)
            .ok_or_else(|| ApiError::field("status", "status is required"))?
            .to_string();
        {
            let mut s = app.write();
            let p = s.profile_mut(id).ok_or_else(ApiError::profile_not_found)?;
            p.status = status.clone();
            p.updated_at = Some(app.clock.now());
        }
        app.persist().map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL_002",
                e.to_string(),
            )
        })?;
        Ok(Reply::ok(json!({ "id": id, "status": status })))
    });
    answer(&app, result)
}

fn revision_json(app: &App) -> Value {
    json!({ "api_revision": app.revision().as_str() })
}

async fn get_revision(State(app): State<Arc<App>>) -> Response {
    answer(&app, Ok(Reply::ok(revision_json(&app))))
}

/// Switches the emulated revision (contract §19.3); stored data is kept.
async fn put_revision(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let result = json_body(&body).and_then(|b| {
        let rev = b
            .get("api_revision")
            .and_then(Value::as_str)
            .ok_or_else(|| ApiError::field("api_revision", "api_revision is required"))?
            .parse::<ApiRevision>()
            .map_err(|e| ApiError::field("api_revision", e))?;
        app.set_revision(rev);
        // Answers cached under the other revision must not be replayed under this one.
        app.idempotency.clear();
        Ok(Reply::ok(revision_json(&app)))
    });
    answer(&app, result)
}

async fn get_fixtures(State(app): State<Arc<App>>) -> Response {
    answer(&app, Ok(Reply::ok(json!(app.fixtures()))))
}

/// Merges sandbox-wide fixtures: `profile_list_page_size` (1–1000, or null for one page).
async fn put_fixtures(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let result = json_body(&body).and_then(|b| {
        let mut f: Fixtures = app.fixtures();
        if let Some(v) = b.get("profile_list_page_size") {
            f.profile_list_page_size = if v.is_null() {
                None
            } else {
                Some(bounded(&b, "profile_list_page_size", 1, 1000)?.unwrap_or(1) as usize)
            };
        }
        app.set_fixtures(f.clone());
        Ok(Reply::ok(json!(f)))
    });
    answer(&app, result)
}

fn profile_id(id: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(id).map_err(|_| ApiError::bad_uuid("id"))
}

async fn get_profile_fixtures(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let result = profile_id(&id).and_then(|id| {
        let s = app.read();
        let p = s.profile(id).ok_or_else(ApiError::profile_not_found)?;
        Ok(Reply::ok(json!(p.fixtures)))
    });
    answer(&app, result)
}

/// Merges a profile's fixtures (§19.3 S8, S9); a key sent as `null` goes back to its default.
async fn put_profile_fixtures(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let result = json_body(&body).and_then(|b| {
        let id = profile_id(&id)?;
        let Value::Object(changes) = b else {
            return Err(ApiError::bad_body("Fixtures must be a JSON object"));
        };
        if let Some(code) = changes.get("delete_conflict").and_then(Value::as_str) {
            if !["CONFLICT_012", "CONFLICT_013"].contains(&code) {
                return Err(ApiError::field(
                    "delete_conflict",
                    "delete_conflict must be CONFLICT_012, CONFLICT_013 or null",
                ));
            }
        }
        let fixtures = {
            let mut s = app.write();
            let p = s.profile_mut(id).ok_or_else(ApiError::profile_not_found)?;
            let mut current = serde_json::to_value(&p.fixtures).unwrap_or_default();
            if let Some(cur) = current.as_object_mut() {
                for (k, v) in changes {
                    cur.insert(k, v);
                }
            }
            let f: ProfileFixtures = serde_json::from_value(current)
                .map_err(|e| ApiError::bad_body(format!("Invalid fixtures: {e}")))?;
            p.fixtures = f.clone();
            f
        };
        app.persist().map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL_002",
                e.to_string(),
            )
        })?;
        Ok(Reply::ok(json!(fixtures)))
    });
    answer(&app, result)
}
