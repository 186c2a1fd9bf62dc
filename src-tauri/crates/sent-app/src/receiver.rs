//! The loopback receiver for Sent's completion callbacks (contract §12.5). A desktop app has no
//! public address: on the local sandbox (or any server on this computer) the app listens on
//! 127.0.0.1 itself and gives Sent that address as `webHookUrl` (only for a workspace whose server
//! is on this computer: a remote one is asked for an https address). Sent calls it once, unsigned,
//! so each submission's address carries a random token of its own and anything else is refused
//! before its body is read; a body is capped (16 KiB) and timed (5 s), at most 8 are handled at
//! once, and tokens are compared in constant time. A callback that arrives is parsed with the
//! shared model and pushed to the window as `completion_callback`.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use sent_model::profile::CompletionCallback;
use serde::Serialize;
use ts_rs::TS;

use crate::events::{AppEvent, EventSink};

/// A completion callback as it arrived.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CompletionReceived {
    pub callback: CompletionCallback,
    /// In words.
    pub message: String,
}

/// At most this many submissions wait for their callback at once; the oldest is forgotten first.
const MAX_WAITING: usize = 256;
/// A callback body larger than this is refused unread (Sent's is a few hundred bytes).
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// How long a caller may take to send its body.
const BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);
/// Requests handled at once; more wait their turn.
const MAX_CONCURRENT: usize = 8;

/// The running receiver: its address, and the token of every submission still waiting.
#[derive(Clone)]
pub struct Receiver {
    base: String,
    waiting: Arc<Mutex<VecDeque<String>>>,
    emit: EventSink,
}

impl Receiver {
    /// A new address for one submission: the receiver's, with a token of its own. The token is
    /// forgotten once its callback arrived (or when [`MAX_WAITING`] newer ones wait).
    pub fn address_for_one_submission(&self) -> String {
        let token = uuid::Uuid::new_v4().simple().to_string();
        let mut waiting = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        if waiting.len() >= MAX_WAITING {
            waiting.pop_front();
        }
        waiting.push_back(token.clone());
        format!("{}/sent/completion/{token}", self.base)
    }

    /// Where the token is among the waiting ones, comparing each in constant time.
    fn position(waiting: &VecDeque<String>, token: &str) -> Option<usize> {
        let mut found = None;
        for (i, known) in waiting.iter().enumerate() {
            if same(known.as_bytes(), token.as_bytes()) {
                found = Some(i);
            }
        }
        found
    }

    /// Whether a submission waits for this token.
    fn knows(&self, token: &str) -> bool {
        let waiting = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        Self::position(&waiting, token).is_some()
    }

    /// Takes the token (its callback arrived); `false` if it was taken meanwhile.
    fn take(&self, token: &str) -> bool {
        let mut waiting = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        Self::position(&waiting, token)
            .and_then(|i| waiting.remove(i))
            .is_some()
    }
}

/// Equal bytes, in a time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Starts the receiver on a loopback port.
pub async fn start(emit: EventSink, runtime: &tokio::runtime::Handle) -> std::io::Result<Receiver> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let port = listener.local_addr()?.port();
    let receiver = Receiver {
        base: format!("http://127.0.0.1:{port}"),
        waiting: Arc::default(),
        emit,
    };
    let app = Router::new()
        .route("/sent/completion/{token}", post(receive))
        .layer(tower::limit::ConcurrencyLimitLayer::new(MAX_CONCURRENT))
        .with_state(receiver.clone());
    runtime.spawn(async move {
        let _ = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await;
    });
    Ok(receiver)
}

/// One callback: the peer and the token are checked before any of the body is read; the body is
/// read with a size cap and a time limit.
async fn receive(
    State(receiver): State<Receiver>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    Path(token): Path<String>,
    request: Request,
) -> StatusCode {
    if !peer.ip().is_loopback() || !receiver.knows(&token) {
        return StatusCode::NOT_FOUND;
    }
    let body = match tokio::time::timeout(
        BODY_TIMEOUT,
        axum::body::to_bytes(request.into_body(), MAX_BODY_BYTES),
    )
    .await
    {
        Ok(Ok(body)) => body,
        Ok(Err(_)) => return StatusCode::PAYLOAD_TOO_LARGE,
        Err(_) => return StatusCode::REQUEST_TIMEOUT,
    };
    let Ok(callback) = serde_json::from_slice::<CompletionCallback>(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    // Used once, and only by a callback that could be read: a cut-short or malformed body leaves
    // the submission waiting for the real one.
    if !receiver.take(&token) {
        return StatusCode::NOT_FOUND;
    }
    let status = callback
        .status
        .as_ref()
        .map(|s| s.as_str().to_lowercase())
        .unwrap_or_else(|| "not reported".into());
    let message = if callback.success {
        format!("Sent reported the review result: {status}.")
    } else {
        format!(
            "Sent reported that processing failed ({status}){}",
            callback
                .reason
                .as_ref()
                .map(|r| format!(": {r}."))
                .unwrap_or_else(|| ".".into())
        )
    };
    if let Ok(value) = serde_json::to_value(CompletionReceived { callback, message }) {
        receiver.emit.emit(AppEvent::CompletionCallback, value);
    }
    StatusCode::OK
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;
    use crate::events::Events;

    #[derive(Default)]
    struct Kept(Mutex<Vec<serde_json::Value>>);

    impl Events for Kept {
        fn emit(&self, _: AppEvent, payload: serde_json::Value) {
            self.0.lock().unwrap().push(payload);
        }
    }

    /// POSTs `body` to `url` over a plain TCP connection; answers the status code.
    async fn post(url: &str, body: &[u8]) -> u16 {
        let rest = url.strip_prefix("http://").unwrap();
        let (host, path) = rest.split_once('/').unwrap();
        let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
        let head = format!(
            "POST /{path} HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        let _ = stream.write_all(body).await;
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer).await;
        let text = String::from_utf8_lossy(&answer);
        text.split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn each_submission_has_its_token_checked_first_and_used_once() {
        let kept = Arc::new(Kept::default());
        let receiver = start(kept.clone(), &tokio::runtime::Handle::current())
            .await
            .unwrap();
        let first = receiver.address_for_one_submission();
        let second = receiver.address_for_one_submission();
        assert_ne!(first, second, "a token per submission");
        let callback = br#"{"success":true,"status":"APPROVED"}"#;

        let wrong = format!("{}/sent/completion/{}", receiver.base, "0".repeat(32));
        assert_eq!(post(&wrong, callback).await, 404);
        // A body over 16 KiB is refused (the token is good, so it is read up to the cap only),
        // and the submission still waits for its real callback.
        assert_eq!(post(&first, &vec![b' '; MAX_BODY_BYTES + 1]).await, 413);
        assert_eq!(post(&first, b"{").await, 400);
        assert_eq!(post(&first, callback).await, 200);
        assert_eq!(post(&second, callback).await, 200);
        assert_eq!(post(&second, callback).await, 404, "a token is used once");
        let events = kept.0.lock().unwrap();
        assert_eq!(events.len(), 2);
        assert!(events[0]["message"].as_str().unwrap().contains("approved"));
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
    }
}
