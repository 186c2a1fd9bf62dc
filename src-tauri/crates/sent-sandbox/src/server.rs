//! The accept loop. It is ours rather than `axum::serve` so that a handler can close its own
//! connection without answering ("drop after commit"), and so shutdown is graceful.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::{watch, Notify};
use tower::ServiceExt;

/// Per-connection facts handed to handlers as a request extension.
#[derive(Clone)]
pub struct ConnCtx {
    /// The peer; the control API only answers loopback peers.
    pub peer: SocketAddr,
    /// Notified to drop the connection without a response.
    pub kill: Arc<Notify>,
}

/// How long the accept loop waits after a failed accept.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// Serves `router` on `listener` until `shutdown` turns true; in-flight requests then get
/// up to 5 s to finish.
pub async fn serve(listener: TcpListener, router: Router, mut shutdown: watch::Receiver<bool>) {
    let builder = Builder::new(TokioExecutor::new());
    let graceful = GracefulShutdown::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(accepted) => accepted,
                    // Out of file descriptors, or a connection reset before it was accepted: wait
                    // a little instead of spinning on the error.
                    Err(_) => {
                        tokio::time::sleep(ACCEPT_BACKOFF).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let kill = Arc::new(Notify::new());
                let ctx = ConnCtx { peer, kill: Arc::clone(&kill) };
                let router = router.clone();
                let svc = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
                    req.extensions_mut().insert(ctx.clone());
                    let router = router.clone();
                    async move {
                        let resp = router.oneshot(req.map(axum::body::Body::new)).await;
                        Ok::<_, Infallible>(resp.unwrap_or_else(|e| match e {}))
                    }
                });
                let conn = builder.serve_connection_with_upgrades(TokioIo::new(stream), svc).into_owned();
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    tokio::select! {
                        _ = conn => {}
                        _ = kill.notified() => {}
                    }
                });
            }
            changed = shutdown.changed() => {
                if changed.is_err() || *shutdown.borrow() {
                    break;
                }
            }
        }
    }
    drop(listener);
    let _ = tokio::time::timeout(Duration::from_secs(5), graceful.shutdown()).await;
}
