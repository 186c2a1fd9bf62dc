//! [`SentClient`] and the one request loop every endpoint goes through: build the request, attempt
//! it, classify the outcome, retry per [`crate::retry`] with the same `Idempotency-Key`, and turn
//! the final answer into data or a [`ClientError`].

use std::sync::RwLock;
use std::time::{Instant, SystemTime};

use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, CONTENT_TYPE};
use reqwest::Method;
use serde::de::DeserializeOwned;

use sent_model::{AccountType, Envelope, ErrorFamily, FieldErrors};

use crate::config::ClientConfig;
use crate::error::{family_for_status, message_for_status, ClientError, ClientResult};
use crate::idempotency::IdempotencyKey;
use crate::options::CallOptions;
use crate::response::{ApiResponse, RateLimit, ResponseInfo};
use crate::retry::{self, NextStep};
use crate::url;

/// A Sent v3 client for one base URL and one API key. Cheap to share behind an `Arc`; the
/// underlying connection pool is reused across calls.
#[derive(Debug)]
pub struct SentClient {
    http: reqwest::Client,
    base: String,
    config: ClientConfig,
    /// What `GET /v3/me` said about the key (unscoped), so that a profile key is never sent with
    /// `x-profile-id`.
    key_kind: RwLock<Option<AccountType>>,
}

/// One logical call (possibly several attempts).
pub(crate) struct Call<'a> {
    pub method: Method,
    /// Encoded path from the base URL, starting with `/v3/`.
    pub path: String,
    /// Encoded query string (`?a=b` or empty).
    pub query: String,
    /// JSON body.
    pub body: Option<serde_json::Value>,
    pub options: &'a CallOptions,
    /// Mutations carry an `Idempotency-Key` (the caller's or a generated one).
    pub idempotent: bool,
}

/// The final 2xx answer before decoding.
pub(crate) struct RawResponse {
    pub status: u16,
    pub body: Vec<u8>,
    pub info: ResponseInfo,
}

impl SentClient {
    /// A client for `config`; fails only on a bad base URL or TLS set-up.
    pub fn new(config: ClientConfig) -> ClientResult<Self> {
        let base = url::normalize_base(&config.base_url).map_err(ClientError::Config)?;
        let http = reqwest::Client::builder()
            // Sent's API never redirects. Following one would carry `x-api-key` (a header reqwest
            // does not know to strip) and, on 307/308, the body to wherever the answer points, so
            // a 3xx is reported as `ClientError::Redirect` instead.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .build()
            .map_err(|e| ClientError::Config(format!("cannot build the HTTP client: {e}")))?;
        Ok(Self {
            http,
            base,
            config,
            key_kind: RwLock::new(None),
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The base URL without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// What kind of account the key belongs to, once known (from [`SentClient::me`] or
    /// [`SentClient::set_key_kind`]).
    pub fn key_kind(&self) -> Option<AccountType> {
        self.key_kind
            .read()
            .map(|kind| kind.clone())
            .unwrap_or(None)
    }

    /// Records the key's account kind (e.g. remembered from an earlier session).
    pub fn set_key_kind(&self, kind: AccountType) {
        if let Ok(mut slot) = self.key_kind.write() {
            *slot = Some(kind);
        }
    }

    /// Runs a call and decodes the envelope's `data`.
    pub(crate) async fn call<T: DeserializeOwned>(
        &self,
        call: Call<'_>,
    ) -> ClientResult<ApiResponse<T>> {
        let raw = self.execute(call).await?;
        let envelope: Envelope<T> =
            serde_json::from_slice(&raw.body).map_err(|e| ClientError::BadResponse {
                status: raw.status,
                message: format!("the body is not the expected JSON ({e})"),
                request_id: raw.info.request_id.clone(),
            })?;
        if !envelope.success || envelope.error.is_some() {
            return Err(api_error(raw.status, &envelope, raw.info.request_id));
        }
        let mut info = raw.info;
        info.body_request_id = envelope.meta.request_id;
        if info.request_id.is_none() {
            info.request_id = info.body_request_id.clone();
        }
        let data = envelope.data.ok_or_else(|| ClientError::BadResponse {
            status: raw.status,
            message: "the envelope has no data".into(),
            request_id: info.request_id.clone(),
        })?;
        Ok(ApiResponse { data, info })
    }

    /// Runs a call whose success has no payload (204, or an envelope whose data is ignored).
    pub(crate) async fn call_empty(&self, call: Call<'_>) -> ClientResult<ApiResponse<()>> {
        let raw = self.execute(call).await?;
        if raw.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(ApiResponse {
                data: (),
                info: raw.info,
            });
        }
        let envelope: Envelope<serde_json::Value> =
            serde_json::from_slice(&raw.body).map_err(|e| ClientError::BadResponse {
                status: raw.status,
                message: format!("the body is not the expected JSON ({e})"),
                request_id: raw.info.request_id.clone(),
            })?;
        if !envelope.success || envelope.error.is_some() {
            return Err(api_error(raw.status, &envelope, raw.info.request_id));
        }
        Ok(ApiResponse {
            data: (),
            info: raw.info,
        })
    }

    /// The attempt loop. Returns the final 2xx answer, or the error of the last attempt.
    async fn execute(&self, call: Call<'_>) -> ClientResult<RawResponse> {
        self.execute_inner(call, false).await.map(|(raw, _)| raw)
    }

    /// Like [`Self::execute`], but a 2xx answer's body is left unread and handed back to be
    /// streamed (the failures before it are read, classified and retried as usual).
    pub(crate) async fn execute_open(
        &self,
        call: Call<'_>,
    ) -> ClientResult<(RawResponse, reqwest::Response)> {
        match self.execute_inner(call, true).await? {
            (raw, Some(body)) => Ok((raw, body)),
            (raw, None) => Err(ClientError::BadResponse {
                status: raw.status,
                message: "the answer has no body to read".into(),
                request_id: raw.info.request_id,
            }),
        }
    }

    async fn execute_inner(
        &self,
        call: Call<'_>,
        open: bool,
    ) -> ClientResult<(RawResponse, Option<reqwest::Response>)> {
        if call.options.profile_id.is_some() && self.key_kind() == Some(AccountType::Profile) {
            return Err(ClientError::ScopeRefused);
        }
        let started = Instant::now();
        let url = format!("{}{}{}", self.base, call.path, call.query);
        let key = call.idempotent.then(|| {
            call.options
                .idempotency_key
                .clone()
                .unwrap_or_else(IdempotencyKey::generate)
        });
        let body = match &call.body {
            Some(value) => Some(serde_json::to_vec(value).map_err(|e| {
                ClientError::Config(format!("cannot encode the request body: {e}"))
            })?),
            None => None,
        };
        let policy = self.config.retry;
        let mut attempt: u32 = 0;
        let pace = call.options.pace.as_ref().map(|p| p.0.clone());
        loop {
            if let Some(pace) = &pace {
                pace.ready().await;
            }
            let outcome = self
                .attempt(&call, &url, key.as_ref(), body.as_deref(), attempt, open)
                .await;
            if let (Some(pace), Ok((status, headers, _, _))) = (&pace, &outcome) {
                let number =
                    |name: &str| header_string(headers, name).and_then(|v| v.parse::<u64>().ok());
                if *status == 429 {
                    // Every call of the work waits, not only this one.
                    // Sent's wait, else this attempt's backoff.
                    let wait = retry::server_wait(headers, SystemTime::now())
                        .unwrap_or_else(|| retry::backoff(&policy, attempt, &mut rand::rng()));
                    pace.hold(wait.min(std::time::Duration::from_secs(60)));
                } else {
                    pace.observe(number("x-ratelimit-remaining"), number("x-ratelimit-reset"));
                }
            }
            let (error, retryable, hint) = match outcome {
                Ok((status, headers, bytes, unread)) if (200..300).contains(&status) => {
                    let mut info =
                        response_info(status, &headers, key.as_ref(), attempt + 1, started);
                    info.body_bytes = bytes.len();
                    return Ok((
                        RawResponse {
                            status,
                            body: bytes,
                            info,
                        },
                        unread,
                    ));
                }
                Ok((status, headers, bytes, _)) => {
                    let error = error_from_answer(status, &headers, &bytes);
                    let retryable = retry::is_retryable_status(
                        status,
                        error.code(),
                        retry::should_retry_header(&headers),
                    );
                    let hint = retry::server_wait(&headers, SystemTime::now());
                    (error, retryable, hint)
                }
                Err((error, retryable)) => (error, retryable, None),
            };
            if !retryable || attempt >= policy.max_retries {
                return Err(error);
            }
            let step = {
                let mut rng = rand::rng();
                retry::next_step(&policy, attempt, hint, &mut rng)
            };
            match step {
                NextStep::TooLong(wait) => {
                    return Err(ClientError::RetryLater {
                        wait,
                        status: error.status().unwrap_or_default(),
                        code: error.code().map(str::to_owned),
                        request_id: error.request_id().map(str::to_owned),
                    });
                }
                NextStep::RetryAfter(wait) => {
                    tracing::debug!(
                        path = %call.path, attempt, wait_ms = wait.as_millis() as u64, kind = ?error.kind(),
                        "retrying Sent call"
                    );
                    tokio::time::sleep(wait).await;
                }
            }
            attempt += 1;
        }
    }

    /// One HTTP exchange: the answer, or a transport error and whether it is worth retrying.
    async fn attempt(
        &self,
        call: &Call<'_>,
        url: &str,
        key: Option<&IdempotencyKey>,
        body: Option<&[u8]>,
        attempt: u32,
        open: bool,
    ) -> Result<(u16, HeaderMap, Vec<u8>, Option<reqwest::Response>), (ClientError, bool)> {
        let mut api_key =
            HeaderValue::from_str(self.config.api_key.expose_secret()).map_err(|_| {
                (
                    ClientError::Config("the API key contains invalid characters".into()),
                    false,
                )
            })?;
        api_key.set_sensitive(true);
        let accept = if call.method == Method::DELETE {
            "*/*"
        } else {
            "application/json"
        };
        let mut request = self
            .http
            .request(call.method.clone(), url)
            .header("x-api-key", api_key)
            .header(ACCEPT, accept)
            .header("x-retry-count", attempt.to_string());
        if let Some(profile_id) = &call.options.profile_id {
            request = request.header("x-profile-id", profile_id.as_str());
        }
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key.as_str());
        }
        if let Some(body) = body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(body.to_vec());
        }
        let mut response = request.send().await.map_err(classify)?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        if response.status().is_redirection() {
            return Err((redirect_error(status, &headers), false));
        }
        if open && response.status().is_success() {
            return Ok((status, headers, Vec::new(), Some(response)));
        }
        let limit = self.config.max_response_bytes;
        let too_large = || {
            (
                ClientError::ResponseTooLarge {
                    status,
                    limit,
                    request_id: header_string(&headers, "x-request-id"),
                },
                false,
            )
        };
        // Read at most `limit` bytes, chunk by chunk: a declared or actual body beyond it is
        // refused before it fills memory.
        let declared = response.content_length().unwrap_or(0);
        if usize::try_from(declared).map_or(true, |declared| declared > limit) {
            return Err(too_large());
        }
        let mut bytes = Vec::with_capacity(usize::try_from(declared).unwrap_or(0).min(1 << 20));
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            if chunk.len() > limit.saturating_sub(bytes.len()) {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok((status, headers, bytes, None))
    }
}

/// A 3xx answer as [`ClientError::Redirect`] (never followed).
fn redirect_error(status: u16, headers: &HeaderMap) -> ClientError {
    const SHOWN: usize = 200;
    let location = header_string(headers, "location").map(|location| {
        if location.chars().count() > SHOWN {
            let mut short: String = location.chars().take(SHOWN).collect();
            short.push('…');
            short
        } else {
            location
        }
    });
    ClientError::Redirect {
        status,
        location,
        request_id: header_string(headers, "x-request-id"),
    }
}

/// Transport failures: timeouts, refused connections and broken exchanges are retried; TLS
/// failures are not (a bad certificate does not heal in a second).
pub(crate) fn classify(error: reqwest::Error) -> (ClientError, bool) {
    if error.is_timeout() {
        return (ClientError::Timeout, true);
    }
    let mut chain = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(inner) = source {
        chain.push_str(": ");
        chain.push_str(&inner.to_string());
        source = inner.source();
    }
    let lower = chain.to_ascii_lowercase();
    if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
        (ClientError::Tls(chain), false)
    } else if error.is_connect() {
        (ClientError::Connect(chain), true)
    } else {
        (ClientError::Network(chain), true)
    }
}

/// A non-2xx answer as an error: the envelope's code, message and details when the body has them,
/// else derived from the status (401/403 are documented with an empty body).
fn error_from_answer(status: u16, headers: &HeaderMap, body: &[u8]) -> ClientError {
    let header_id = header_string(headers, "x-request-id");
    match serde_json::from_slice::<Envelope<serde_json::Value>>(body) {
        Ok(envelope) if envelope.error.is_some() => {
            let mut error = api_error(status, &envelope, header_id);
            if let ClientError::Api { retry_after, .. } = &mut error {
                *retry_after = retry::server_wait(headers, SystemTime::now());
            }
            error
        }
        parsed => ClientError::Api {
            status,
            family: family_for_status(status),
            code: None,
            message: message_for_status(status),
            fields: None,
            request_id: header_id
                .or_else(|| parsed.ok().and_then(|envelope| envelope.meta.request_id)),
            retry_after: retry::server_wait(headers, SystemTime::now()),
        },
    }
}

/// An error envelope (or a 2xx with `success: false`) as [`ClientError::Api`]; a missing code or
/// message is derived from the status.
pub(crate) fn api_error<T>(
    status: u16,
    envelope: &Envelope<T>,
    header_id: Option<String>,
) -> ClientError {
    let body = envelope.error.clone().unwrap_or_default();
    let code = (!body.code.is_empty()).then_some(body.code);
    ClientError::Api {
        status,
        family: code
            .as_deref()
            .map_or_else(|| family_for_status(status), ErrorFamily::of),
        code,
        message: if body.message.is_empty() {
            message_for_status(status)
        } else {
            body.message
        },
        fields: body.details.map(FieldErrors::from),
        request_id: header_id.or_else(|| envelope.meta.request_id.clone()),
        retry_after: None,
    }
}

fn header_string(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)?
        .to_str()
        .ok()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn header_flag(headers: &HeaderMap, name: &str) -> bool {
    header_string(headers, name).is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

fn response_info(
    status: u16,
    headers: &HeaderMap,
    key: Option<&IdempotencyKey>,
    attempts: u32,
    started: Instant,
) -> ResponseInfo {
    let number = |name: &str| header_string(headers, name).and_then(|v| v.parse::<u64>().ok());
    let rate_limit = RateLimit {
        limit: number("x-ratelimit-limit").map(|v| v.min(u32::MAX as u64) as u32),
        remaining: number("x-ratelimit-remaining").map(|v| v.min(u32::MAX as u64) as u32),
        reset: number("x-ratelimit-reset"),
    };
    let has_rate_limit = rate_limit != RateLimit::default();
    ResponseInfo {
        status,
        request_id: header_string(headers, "x-request-id"),
        body_request_id: None,
        rate_limit: has_rate_limit.then_some(rate_limit),
        idempotent_replayed: header_flag(headers, "idempotent-replayed"),
        original_request_id: header_string(headers, "x-original-request-id"),
        sandbox: header_flag(headers, "x-sandbox"),
        idempotency_key: key.map(|k| k.as_str().to_owned()),
        profile_id: header_string(headers, "x-profile-id"),
        attempts,
        elapsed_ms: started.elapsed().as_secs_f64() * 1000.0,
        body_bytes: 0,
    }
}
