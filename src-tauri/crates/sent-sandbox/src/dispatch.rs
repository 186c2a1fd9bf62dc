//! The request pipeline for `/v3`, in the order of contract §11: faults, route (404/405), body
//! size (413), auth (401), `x-profile-id` (400/403/404), rate limit (429), path ids (400
//! `VALIDATION_003`), `Idempotency-Key` (400 `VALIDATION_007`, replay, 409), JSON body (400),
//! handler, then caching, headers and the optional "drop after commit".

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::Response;
use serde_json::Value;

use crate::app::App;
use crate::auth;
use crate::envelope::{self, ApiError};
use crate::faults;
use crate::idempotency::{self, Cached, Claim};
use crate::ids;
use crate::rate_limit::Verdict;
use crate::routes::{self, Ctx, Route};
use crate::server::ConnCtx;

/// Headers collected while the pipeline runs.
#[derive(Default)]
struct Extra {
    headers: Vec<(&'static str, String)>,
}

impl Extra {
    fn add(&mut self, name: &'static str, value: impl Into<String>) {
        self.headers.push((name, value.into()));
    }

    fn rate(&mut self, v: &Verdict) {
        self.add("x-ratelimit-limit", v.limit.to_string());
        self.add("x-ratelimit-remaining", v.remaining.to_string());
        self.add("x-ratelimit-reset", v.reset.to_string());
        if !v.allowed {
            self.add("retry-after", v.retry_after.to_string());
        }
    }
}

/// What the pipeline decided to send.
enum Outcome {
    /// A fresh answer (success or error).
    Answer(Result<routes::Reply, ApiError>),
    /// A replay of a cached answer.
    Replay(Cached),
}

/// Builds a complete response with the envelope and the common headers.
pub fn respond(
    request_id: &str,
    started: Instant,
    now: chrono::DateTime<chrono::Utc>,
    result: &Result<routes::Reply, ApiError>,
    extra: &[(&'static str, String)],
) -> (Response, Vec<u8>) {
    let ms = started.elapsed().as_millis() as u64;
    let meta = envelope::meta(request_id, now, ms);
    let (status, body) = match result {
        Ok(r) => match &r.data {
            Some(d) => (
                r.status,
                serde_json::to_vec(&envelope::success(d.clone(), meta)).unwrap_or_default(),
            ),
            None => (r.status, Vec::new()),
        },
        Err(e) => (
            e.status,
            serde_json::to_vec(&envelope::failure(e, meta)).unwrap_or_default(),
        ),
    };
    let mut resp = Response::new(Body::from(body.clone()));
    *resp.status_mut() = status;
    let h = resp.headers_mut();
    if !body.is_empty() {
        h.insert("content-type", HeaderValue::from_static("application/json"));
    }
    common_headers(h, request_id, ms);
    for (k, v) in extra {
        if let Ok(v) = HeaderValue::from_str(v) {
            h.append(HeaderName::from_static(k), v);
        }
    }
    (resp, body)
}

fn common_headers(h: &mut HeaderMap, request_id: &str, ms: u64) {
    if let Ok(v) = HeaderValue::from_str(request_id) {
        h.insert("x-request-id", v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("{ms}ms")) {
        h.insert("x-response-time", v);
    }
    h.insert("x-api-version", HeaderValue::from_static("v3"));
}

/// Entry point for every `/v3` request and every unknown path.
pub async fn v3(State(app): State<Arc<App>>, req: Request) -> Response {
    let started = Instant::now();
    let request_id = ids::request_id();
    let conn = req.extensions().get::<ConnCtx>().cloned();
    let is_write = req.method() != Method::GET && req.method() != Method::HEAD;
    let mut extra = Extra::default();
    let outcome = pipeline(&app, req, &request_id, &mut extra).await;
    let (resp, drop_it) = match outcome {
        (Outcome::Replay(c), _) => {
            let mut resp = Response::new(Body::from(c.body.clone()));
            *resp.status_mut() = c.status;
            let h = resp.headers_mut();
            if !c.body.is_empty() {
                h.insert("content-type", HeaderValue::from_static("application/json"));
            }
            common_headers(h, &request_id, started.elapsed().as_millis() as u64);
            h.insert("idempotent-replayed", HeaderValue::from_static("true"));
            if let Ok(v) = HeaderValue::from_str(&c.request_id) {
                h.insert("x-original-request-id", v);
            }
            if c.sandbox {
                h.insert("x-sandbox", HeaderValue::from_static("true"));
            }
            for (k, v) in &extra.headers {
                if let Ok(v) = HeaderValue::from_str(v) {
                    h.append(HeaderName::from_static(k), v);
                }
            }
            (resp, false)
        }
        (Outcome::Answer(result), guard) => {
            let ok = result.is_ok();
            let code = result.as_ref().err().map(|e| e.code.clone());
            let (resp, body) = respond(
                &request_id,
                started,
                app.clock.now(),
                &result,
                &extra.headers,
            );
            let fate = if ok && is_write {
                faults::after_commit(&app, !body.is_empty())
            } else {
                faults::AfterCommit::Answer
            };
            let resp = if fate == faults::AfterCommit::Garble {
                garbled(resp, &body)
            } else {
                resp
            };
            let keyed = guard.is_some();
            if let Some((guard, sandbox)) = guard {
                guard.finish(
                    Cached {
                        status: resp.status(),
                        body,
                        request_id: request_id.clone(),
                        sandbox,
                    },
                    code.as_deref(),
                    app.clock.now(),
                );
            }
            if keyed && app.data_file.is_some() {
                // The cached answer must survive a restart like the write it describes.
                if let Err(e) = app.persist() {
                    tracing::error!("persisting the idempotency cache failed: {e}");
                }
            }
            (resp, fate == faults::AfterCommit::Drop)
        }
    };
    if drop_it {
        if let Some(conn) = conn {
            // The write is committed (and cached for idempotent retries); now lose the answer.
            conn.kill.notify_one();
            std::future::pending::<()>().await;
        }
    }
    resp
}

/// The same answer (status and headers) with its body cut short: JSON no client can read.
fn garbled(resp: Response, body: &[u8]) -> Response {
    let (mut parts, _) = resp.into_parts();
    let cut = body[..body.len() / 2].to_vec();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(cut))
}

type GuardInfo = Option<(idempotency::Guard, bool)>;

async fn pipeline(
    app: &Arc<App>,
    req: Request,
    request_id: &str,
    extra: &mut Extra,
) -> (Outcome, GuardInfo) {
    macro_rules! bail {
        ($e:expr) => {
            return (Outcome::Answer(Err($e)), None)
        };
    }
    let (parts, body) = req.into_parts();
    let route = match Route::resolve(&parts.method, parts.uri.path()) {
        Ok(r) => r,
        Err(e) => bail!(e),
    };
    let (latency, injected) = faults::before(app, request_id);
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    if let Some(mut e) = injected {
        if e.code == "INTERNAL_001" {
            e = ApiError::internal(request_id, route.failure_phrase());
        }
        if e.code == "BUSINESS_002" {
            extra.add("retry-after", "1");
        }
        bail!(e);
    }
    let bytes: Bytes = match axum::body::to_bytes(body, app.config.max_body_bytes).await {
        Ok(b) => b,
        Err(_) => bail!(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            format!("Request body exceeds {} bytes", app.config.max_body_bytes),
        )),
    };
    let scope = match auth::resolve(&parts.headers, &app.read()) {
        Ok(s) => s,
        Err(e) => bail!(e),
    };
    if let Some(p) = scope.profile {
        if parts.headers.contains_key("x-profile-id") {
            extra.add("x-profile-id", p.to_string());
        }
    }
    if let Some(v) = app
        .limiter
        .check(scope.account, route.rate_class(), 1, app.clock.now())
    {
        extra.rate(&v);
        if !v.allowed {
            bail!(ApiError::rate_limited());
        }
    }
    if let Err(e) = route.check_ids() {
        bail!(e);
    }
    let mut claimed = None;
    if parts.method != Method::GET {
        if let Some(v) = parts.headers.get("idempotency-key") {
            let key = v.to_str().unwrap_or("\u{0}");
            if let Err(e) = idempotency::check_key_format(key) {
                bail!(e);
            }
            let clock = &app.clock;
            match app
                .idempotency
                .claim(
                    scope.account,
                    key,
                    || clock.now(),
                    app.config.idempotency_wait,
                )
                .await
            {
                Ok(Claim::Replay(c)) => return (Outcome::Replay(c), None),
                Ok(Claim::Fresh(g)) => claimed = Some(g),
                Err(e) => bail!(e),
            }
        }
    }
    let body = match parse_body(&parts.method, &bytes) {
        Ok(b) => b,
        Err(e) => return (Outcome::Answer(Err(e)), claimed.map(|g| (g, false))),
    };
    let sandbox = body.get("sandbox").and_then(Value::as_bool) == Some(true);
    let guard = claimed.map(|g| (g, sandbox));
    if sandbox {
        extra.add("x-sandbox", "true");
    }
    let query = parse_query(parts.uri.query().unwrap_or(""));
    let ctx = Ctx {
        app,
        scope,
        request_id: request_id.to_string(),
        body,
        query,
        sandbox,
    };
    let result = routes::handle(&ctx, &route).await;
    if let Err(e) = &result {
        if e.status == StatusCode::TOO_MANY_REQUESTS
            && !extra.headers.iter().any(|(k, _)| *k == "retry-after")
        {
            extra.add("retry-after", "60");
        }
    }
    (Outcome::Answer(result), guard)
}

/// Parses the body of a request: none or whitespace -> `{}`; invalid JSON -> 400 (Q27);
/// valid JSON that is not an object -> 400 (Q39). GET bodies are ignored.
fn parse_body(method: &Method, bytes: &[u8]) -> Result<Value, ApiError> {
    if *method == Method::GET || bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Default::default()));
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(v @ Value::Object(_)) => Ok(v),
        Ok(_) => Err(ApiError::bad_body("Request body must be a JSON object")),
        Err(e) => Err(ApiError::bad_body(format!(
            "Request body is not valid JSON: {e}"
        ))),
    }
}

/// Splits and percent-decodes a query string (`+` means space, as in forms).
pub fn parse_query(q: &str) -> HashMap<String, String> {
    fn dec(s: &str) -> String {
        let s = s.replace('+', " ");
        let b = s.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' && i + 2 < b.len() {
                if let Ok(v) =
                    u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or(""), 16)
                {
                    out.push(v);
                    i += 3;
                    continue;
                }
            }
            out.push(b[i]);
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (dec(k), dec(v))
        })
        .collect()
}

/// A control-API answer in the Sent envelope, with a fresh request id.
pub(crate) fn answer(app: &App, result: Result<routes::Reply, ApiError>) -> Response {
    respond(
        &ids::request_id(),
        Instant::now(),
        app.clock.now(),
        &result,
        &[],
    )
    .0
}
