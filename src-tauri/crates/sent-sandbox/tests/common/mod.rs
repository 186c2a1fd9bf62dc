//! Shared helpers: start a sandbox in-process on 127.0.0.1:0 and talk to it over real HTTP.

#![allow(dead_code)]

use std::time::Duration;

use reqwest::{Client, Method, Response};
use sent_sandbox::{RunningSandbox, Sandbox, SandboxBuilder, Seed};
use serde_json::{json, Value};

/// A started sandbox plus a client.
pub struct T {
    pub sb: RunningSandbox,
    pub http: Client,
    pub admin: String,
    pub dev: String,
}

/// Reply: status, headers and parsed body (Null for empty bodies).
pub struct R {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl R {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    }
    pub fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or("")
    }
    pub fn detail_keys(&self) -> Vec<String> {
        self.body["error"]["details"]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    }
}

/// Default test builder: demo seed, no rate limits, 1 s message steps, control API on.
pub fn builder() -> SandboxBuilder {
    Sandbox::builder()
        .control_api(true)
        .seed(Seed::Demo)
        .rate_limits(None)
        .message_step(Duration::from_secs(1))
        .completion_delay(Duration::from_secs(5))
}

pub async fn start_with(b: SandboxBuilder) -> T {
    let sb = b.start("127.0.0.1:0").await.expect("sandbox starts");
    let keys = sb.keys();
    T {
        http: Client::builder()
            .timeout(Duration::from_secs(20))
            .build()
            .unwrap(),
        admin: keys.org_admin.clone(),
        dev: keys.org_developer.clone(),
        sb,
    }
}

pub async fn start() -> T {
    start_with(builder()).await
}

pub async fn into_r(resp: Response) -> R {
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let bytes = resp.bytes().await.unwrap();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()))
    };
    R {
        status,
        headers,
        body,
    }
}

impl T {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.sb.base_url(), path)
    }

    /// A request with a key and optional extra headers and JSON body.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> R {
        let mut rb = self.http.request(method, self.url(path));
        if let Some(k) = key {
            rb = rb.header("x-api-key", k);
        }
        for (k, v) in headers {
            rb = rb.header(*k, *v);
        }
        if let Some(b) = body {
            rb = rb.json(&b);
        }
        into_r(rb.send().await.unwrap()).await
    }

    pub async fn get(&self, path: &str) -> R {
        self.call(Method::GET, path, Some(&self.admin.clone()), &[], None)
            .await
    }

    pub async fn post(&self, path: &str, body: Value) -> R {
        self.call(
            Method::POST,
            path,
            Some(&self.admin.clone()),
            &[],
            Some(body),
        )
        .await
    }

    pub async fn control(&self, method: Method, path: &str, body: Value) -> R {
        into_r(
            self.http
                .request(method, self.url(path))
                .json(&body)
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    pub async fn advance(&self, seconds: f64) {
        let r = self
            .control(
                Method::POST,
                "/_sandbox/clock/advance",
                json!({ "seconds": seconds }),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
    }

    /// The live profile with this name.
    pub async fn profile_id(&self, name: &str) -> String {
        let r = self.get("/v3/profiles").await;
        r.body["data"]["profiles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no profile {name}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub fn profile_key(&self, name: &str) -> String {
        self.sb
            .keys()
            .profiles
            .into_iter()
            .find(|p| p.name == name)
            .unwrap()
            .key
    }
}

/// One request a [`Receiver`] got: (lower-case headers, parsed body, raw body bytes).
pub type Received = (Vec<(String, String)>, Value, Vec<u8>);

/// A loopback HTTP listener that records the bodies POSTed to it.
pub struct Receiver {
    pub url: String,
    pub rx: tokio::sync::mpsc::UnboundedReceiver<Received>,
}

pub async fn receiver() -> Receiver {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/callback", listener.local_addr().unwrap());
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((mut s, _)) = listener.accept().await else {
                return;
            };
            let tx = tx.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                loop {
                    let n = s.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    if let Some(pos) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&buf[..pos]).to_string();
                        let len: usize = head
                            .lines()
                            .find_map(|l| {
                                l.to_ascii_lowercase()
                                    .strip_prefix("content-length:")
                                    .map(|v| v.trim().parse().unwrap_or(0))
                            })
                            .unwrap_or(0);
                        while buf.len() < pos + 4 + len {
                            let n = s.read(&mut chunk).await.unwrap_or(0);
                            if n == 0 {
                                break;
                            }
                            buf.extend_from_slice(&chunk[..n]);
                        }
                        let headers = head
                            .lines()
                            .skip(1)
                            .filter_map(|l| {
                                l.split_once(':').map(|(k, v)| {
                                    (k.trim().to_ascii_lowercase(), v.trim().to_string())
                                })
                            })
                            .collect();
                        let body = serde_json::from_slice(&buf[pos + 4..pos + 4 + len])
                            .unwrap_or(Value::Null);
                        let raw = buf[pos + 4..pos + 4 + len].to_vec();
                        let _ = tx.send((headers, body, raw));
                        let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").await;
                        return;
                    }
                }
            });
        }
    });
    Receiver { url, rx }
}
