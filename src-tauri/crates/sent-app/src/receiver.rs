//! The loopback receiver for Sent's completion callbacks (contract §12.5). A desktop app has no
//! public address: on the local sandbox (or any server on this computer) the app listens on
//! 127.0.0.1 itself and gives Sent that address as `webHookUrl`. Sent calls it once, unsigned, so
//! the path carries a random token and anything else is refused; a callback that arrives is parsed
//! with the shared model and pushed to the window as `completion_callback`.

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
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

#[derive(Clone)]
struct Receiver {
    token: String,
    emit: EventSink,
}

/// Starts the receiver; answers its URL.
pub async fn start(emit: EventSink, runtime: &tokio::runtime::Handle) -> Result<String, String> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let token = uuid::Uuid::new_v4().simple().to_string();
    let url = format!("http://127.0.0.1:{port}/sent/completion/{token}");
    let app = Router::new()
        .route("/sent/completion/{token}", post(receive))
        .with_state(Receiver { token, emit });
    runtime.spawn(async move {
        let _ = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await;
    });
    Ok(url)
}

async fn receive(
    State(receiver): State<Receiver>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    Path(token): Path<String>,
    body: Bytes,
) -> StatusCode {
    if !peer.ip().is_loopback() || token != receiver.token {
        return StatusCode::NOT_FOUND;
    }
    let Ok(callback) = serde_json::from_slice::<CompletionCallback>(&body) else {
        return StatusCode::BAD_REQUEST;
    };
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
