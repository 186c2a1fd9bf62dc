//! A minimal Sent stand-in for the client's tests: an axum server on 127.0.0.1:0 with scripted
//! answers, an idempotent profile create, and a TCP proxy in front of it that can lose a request
//! (before it reaches the server) or a response (after the server committed).

#![allow(dead_code)] // each test binary uses a different part

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use sent_client::{ClientConfig, RetryPolicy, SentClient};

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: Method,
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Option<Value>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A canned answer served before the normal routes.
#[derive(Debug, Clone)]
pub struct Scripted {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
    pub delay: Duration,
}

impl Scripted {
    pub fn new(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: String::new(),
            delay: Duration::ZERO,
        }
    }

    /// An error envelope with `code`.
    pub fn error(status: u16, code: &str, message: &str) -> Self {
        Self::new(status).body(
            json!({"success": false, "data": null,
                "error": {"code": code, "message": message, "details": null, "doc_url": null},
                "meta": {"request_id": "req_Scripted01", "timestamp": "2026-07-10T08:15:02Z", "version": "v3"}})
            .to_string(),
        )
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = body.into();
        self
    }

    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

#[derive(Default)]
pub struct State {
    pub requests: Mutex<Vec<Recorded>>,
    pub script: Mutex<VecDeque<Scripted>>,
    pub profiles: Mutex<Vec<Value>>,
    /// Idempotency-Key -> (status, body, original request id).
    pub replays: Mutex<HashMap<String, (u16, Value, String)>>,
    counter: AtomicU32,
}

/// What the proxy should lose next.
#[derive(Default)]
pub struct Proxy {
    /// Connections to close as soon as request bytes arrive (the server never sees them).
    pub drop_requests: AtomicU32,
    /// Connections to close as soon as response bytes arrive (the server already committed).
    pub drop_responses: AtomicU32,
}

pub struct TestServer {
    /// The proxy's URL (what clients use).
    pub base_url: String,
    /// The server's own URL (no proxy).
    pub direct_url: String,
    pub state: Arc<State>,
    pub proxy: Arc<Proxy>,
}

impl TestServer {
    pub async fn start() -> Self {
        let state = Arc::new(State::default());
        let app = Router::new().fallback(handle).with_state(state.clone());
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let upstream = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let proxy = Arc::new(Proxy::default());
        let front = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let front_addr = front.local_addr().unwrap();
        let control = proxy.clone();
        tokio::spawn(async move {
            while let Ok((client, _)) = front.accept().await {
                tokio::spawn(relay(client, upstream, control.clone()));
            }
        });
        Self {
            base_url: format!("http://{front_addr}"),
            direct_url: format!("http://{upstream}"),
            state,
            proxy,
        }
    }

    pub fn script(&self, answer: Scripted) {
        self.state.script.lock().unwrap().push_back(answer);
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state.requests.lock().unwrap().clone()
    }

    pub fn profile_count(&self) -> usize {
        self.state.profiles.lock().unwrap().len()
    }

    /// A client with fast retries (so tests run quickly), pointed at the proxy.
    pub fn client(&self, key: &str) -> SentClient {
        SentClient::new(fast_config(&format!("{}/", self.base_url), key)).unwrap()
    }
}

/// Test policy: the default's shape, with millisecond backoffs.
pub fn fast_config(base_url: &str, key: &str) -> ClientConfig {
    ClientConfig::new(base_url, key.into())
        .with_app_version("9.9.9-test")
        .with_retry(RetryPolicy {
            initial_backoff: Duration::from_millis(5),
            max_backoff: Duration::from_millis(20),
            ..RetryPolicy::default()
        })
}

async fn relay(client: TcpStream, upstream: std::net::SocketAddr, control: Arc<Proxy>) {
    let Ok(server) = TcpStream::connect(upstream).await else {
        return;
    };
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let mut up = vec![0u8; 16 * 1024];
    let mut down = vec![0u8; 16 * 1024];
    loop {
        tokio::select! {
            read = client_read.read(&mut up) => {
                let Ok(n) = read else { return };
                if n == 0 || take(&control.drop_requests) { return; }
                if server_write.write_all(&up[..n]).await.is_err() { return; }
            }
            read = server_read.read(&mut down) => {
                let Ok(n) = read else { return };
                if n == 0 || take(&control.drop_responses) { return; }
                if client_write.write_all(&down[..n]).await.is_err() { return; }
            }
        }
    }
}

fn take(counter: &AtomicU32) -> bool {
    counter
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok()
}

pub fn profile_json(id: &str, name: &str) -> Value {
    json!({
        "id": id, "organization_id": "550e8400-e29b-41d4-a716-446655440000", "name": name,
        "email": "team@acme.com", "icon": null, "description": null, "short_name": "SALES",
        "status": "incomplete", "created_at": "2026-03-11T21:50:50.1141567+00:00", "updated_at": null,
        "allow_contact_sharing": false, "allow_template_sharing": false, "inherit_contacts": true,
        "inherit_templates": true, "inherit_tcr_brand": false, "inherit_tcr_campaign": false,
        "billing_model": "organization", "sending_phone_number_profile_id": null,
        "sending_whatsapp_number_profile_id": null, "sending_phone_number": null,
        "whatsapp_phone_number": null, "allow_number_change_during_onboarding": null,
        "waba_id": null, "billing_contact": null, "brand": null
    })
}

fn envelope(data: Value, request_id: &str) -> Value {
    json!({"success": true, "data": data, "error": null,
        "meta": {"request_id": request_id, "timestamp": "2026-07-10T08:15:02.4417120+00:00", "version": "v3"}})
}

fn answer(status: u16, headers: Vec<(&'static str, String)>, body: String) -> Response {
    let empty = body.is_empty();
    let mut response = (StatusCode::from_u16(status).unwrap(), body).into_response();
    if empty {
        response.headers_mut().remove("content-type");
    } else {
        response
            .headers_mut()
            .insert("content-type", "application/json".parse().unwrap());
    }
    for (name, value) in headers {
        response.headers_mut().insert(name, value.parse().unwrap());
    }
    response
}

async fn handle(
    axum::extract::State(state): axum::extract::State<Arc<State>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let parsed: Option<Value> = serde_json::from_slice(&body).ok();
    state.requests.lock().unwrap().push(Recorded {
        method: method.clone(),
        path: uri.path().to_owned(),
        query: uri.query().map(str::to_owned),
        headers: headers.clone(),
        body: parsed.clone(),
    });
    let scripted = state.script.lock().unwrap().pop_front();
    if let Some(scripted) = scripted {
        tokio::time::sleep(scripted.delay).await;
        return answer(scripted.status, scripted.headers, scripted.body);
    }
    let n = state.counter.fetch_add(1, Ordering::SeqCst);
    let request_id = format!("req_Test{n:06}");
    let ok = |status: u16, data: Value, extra: Vec<(&'static str, String)>| {
        let mut headers = vec![("x-request-id", request_id.clone())];
        headers.extend(extra);
        answer(status, headers, envelope(data, &request_id).to_string())
    };
    let key = headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if key.is_empty() {
        return answer(401, vec![], String::new());
    }
    let path = uri.path();
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["v3", "me"]) => {
            let kind = if key == "profile-key" { "profile" } else { "organization" };
            ok(200, json!({"id": "acct", "type": kind, "name": "Acme", "profiles": [], "channels": {}}), vec![])
        }
        ("GET", ["v3", "profiles"]) => {
            let profiles = state.profiles.lock().unwrap().clone();
            ok(200, json!({"profiles": profiles}), vec![("x-ratelimit-limit", "200".into()), ("x-ratelimit-remaining", "199".into()), ("x-ratelimit-reset", "1760000060".into())])
        }
        ("GET", ["v3", "profiles", id]) => ok(200, profile_json(id, "Sales Team"), vec![]),
        ("POST", ["v3", "profiles"]) => {
            let idem = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).map(str::to_owned);
            if let Some(idem) = &idem {
                if let Some((status, body, original)) = state.replays.lock().unwrap().get(idem).cloned() {
                    let replay = vec![
                        ("x-request-id", request_id.clone()),
                        ("idempotent-replayed", "true".into()),
                        ("x-original-request-id", original),
                    ];
                    return answer(status, replay, body.to_string());
                }
            }
            let body = parsed.unwrap_or_default();
            let sandbox = body["sandbox"] == json!(true);
            let name = body["name"].as_str().unwrap_or("unnamed").to_owned();
            let profile = profile_json(&format!("00000000-0000-4000-8000-{n:012}"), &name);
            if !sandbox {
                state.profiles.lock().unwrap().push(profile.clone());
            }
            if let Some(idem) = idem {
                let cached = (201, envelope(profile.clone(), &request_id), request_id.clone());
                state.replays.lock().unwrap().insert(idem, cached);
            }
            let extra = if sandbox { vec![("x-sandbox", "true".to_owned())] } else { vec![] };
            ok(201, profile, extra)
        }
        ("DELETE", ["v3", "profiles", _]) => answer(204, vec![("x-request-id", request_id)], String::new()),
        ("GET", ["v3", "numbers", "lookup", number]) => {
            ok(200, json!({"phone_number": number, "is_valid": true}), vec![])
        }
        ("GET", ["v3", "templates"]) => ok(200, json!({"templates": [], "pagination": {"page": 1, "page_size": 10, "total_count": 0, "total_pages": 0, "has_more": false}}), vec![]),
        _ => answer(
            404,
            vec![],
            json!({"success": false, "data": null, "error": {"code": "NOT_FOUND", "message": "Route not found"}, "meta": {}}).to_string(),
        ),
    }
}
