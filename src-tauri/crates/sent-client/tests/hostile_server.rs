//! What a hostile or broken server cannot make the client do (issue #8): follow a redirect with the
//! key and the body, panic on an absurd `Retry-After`, or read an endless body. Real servers on
//! 127.0.0.1, no mocks of the client.

mod support;

use sent_model::ErrorKind;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sent_client::{
    CallOptions, ClientConfig, ClientError, ProfileBackend, SentClient, MAX_RESPONSE_BYTES,
};
use sent_model::{BillingModel, ProfileCreate};
use support::{fast_config, Scripted, TestServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const PROFILE: &str = "770e8400-e29b-41d4-a716-446655440002";

/// A listener that only counts what reaches it: connections and bytes.
struct Elsewhere {
    url: String,
    connections: Arc<AtomicUsize>,
    bytes: Arc<AtomicUsize>,
}

impl Elsewhere {
    async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let connections = Arc::new(AtomicUsize::new(0));
        let bytes = Arc::new(AtomicUsize::new(0));
        let (seen, read) = (connections.clone(), bytes.clone());
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                seen.fetch_add(1, Ordering::SeqCst);
                let read = read.clone();
                tokio::spawn(async move {
                    let mut buffer = [0u8; 4096];
                    while let Ok(n) = socket.read(&mut buffer).await {
                        if n == 0 {
                            break;
                        }
                        read.fetch_add(n, Ordering::SeqCst);
                    }
                });
            }
        });
        Self {
            url,
            connections,
            bytes,
        }
    }

    fn untouched(&self) -> bool {
        self.connections.load(Ordering::SeqCst) == 0 && self.bytes.load(Ordering::SeqCst) == 0
    }
}

fn create() -> ProfileCreate {
    ProfileCreate {
        name: Some("Card holder".into()),
        billing_model: Some(BillingModel::Organization),
        ..Default::default()
    }
}

#[tokio::test]
async fn redirects_are_refused_and_nothing_reaches_their_target() {
    for status in [301, 302, 303, 307, 308] {
        let server = TestServer::start().await;
        let elsewhere = Elsewhere::start().await;
        let target = format!("{}/v3/profiles", elsewhere.url);
        server.script(
            Scripted::new(status)
                .header("location", target.clone())
                .header("x-request-id", "req_Moved01"),
        );
        let client = server.client("org-key");
        let error = client
            .create_profile(&create(), &CallOptions::default())
            .await
            .unwrap_err();
        assert!(
            matches!(&error, ClientError::Redirect { status: s, location: Some(l), .. }
                if *s == status && *l == target),
            "{status}: {error:?}"
        );
        assert_eq!(error.kind(), ErrorKind::Redirect);
        assert_eq!(error.status(), Some(status));
        assert_eq!(error.request_id(), Some("req_Moved01"));
        let message = error.to_string();
        assert!(message.contains(&target), "{message}");
        assert!(message.contains("Check the base URL"), "{message}");
        assert_eq!(server.requests().len(), 1, "{status}: not retried");
        assert!(
            server.requests()[0].body.is_some(),
            "the body went to the first server only"
        );
        // Give a follower every chance to connect before looking.
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(
            elsewhere.untouched(),
            "{status}: the redirect target received a connection (key, body)"
        );

        // A GET too, and a redirect without a Location.
        server.script(Scripted::new(status).header("location", target.clone()));
        let error = client.get_profile(PROFILE).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Redirect, "{error:?}");
        server.script(Scripted::new(status));
        let error = client.me(&CallOptions::default()).await.unwrap_err();
        assert!(
            matches!(error, ClientError::Redirect { location: None, .. }),
            "{error:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(elsewhere.untouched());
    }
}

#[tokio::test]
async fn absurd_retry_after_values_give_a_clear_error_not_a_panic() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    for (header, value) in [
        ("retry-after", "1e30"),
        ("retry-after-ms", "1e30"),
        ("retry-after", "inf"),
        ("retry-after-ms", "1e308"),
        ("retry-after", "Fri, 31 Dec 9999 23:59:59 GMT"),
    ] {
        let before = server.requests().len();
        server.script(Scripted::new(429).header(header, value));
        let error = client.get_profile(PROFILE).await.unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::RateLimited,
            "{header}: {value}: {error:?}"
        );
        assert_eq!(
            error.to_string(),
            "Sent asks to wait a day or more before trying again"
        );
        assert_eq!(server.requests().len(), before + 1, "no retry, no sleep");
    }
    // Nonsense that is not a wait at all is ignored: the default backoff applies and the retry
    // succeeds.
    for value in ["NaN", "-1", "-inf"] {
        server.script(Scripted::new(503).header("retry-after", value));
        client.get_profile(PROFILE).await.unwrap();
    }
}

/// A raw HTTP/1.1 server answering every request with `status` and a chunked body of `total`
/// bytes (no Content-Length), so only the client's own counting can stop it.
async fn chunked_server(status: u16, total: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buffer = [0u8; 8192];
                let _ = socket.read(&mut buffer).await;
                let head = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\nx-request-id: req_Big01\r\ntransfer-encoding: chunked\r\n\r\n"
                );
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b' '; 64 * 1024];
                let mut sent = 0;
                while sent < total {
                    let n = chunk.len().min(total - sent);
                    let frame = [format!("{n:x}\r\n").as_bytes(), &chunk[..n], b"\r\n"].concat();
                    if socket.write_all(&frame).await.is_err() {
                        return;
                    }
                    sent += n;
                }
                let _ = socket.write_all(b"0\r\n\r\n").await;
            });
        }
    });
    url
}

#[tokio::test]
async fn an_oversized_answer_is_refused() {
    // Declared with Content-Length: refused before reading.
    let server = TestServer::start().await;
    server.script(Scripted::new(200).body(" ".repeat(MAX_RESPONSE_BYTES + 1)));
    let error = server
        .client("org-key")
        .get_profile(PROFILE)
        .await
        .unwrap_err();
    assert!(
        matches!(error, ClientError::ResponseTooLarge { status: 200, limit, .. } if limit == MAX_RESPONSE_BYTES),
        "{error:?}"
    );
    assert_eq!(error.kind(), ErrorKind::ResponseTooLarge);
    assert!(error.to_string().contains("larger than 8 MiB"), "{error}");
    assert_eq!(server.requests().len(), 1, "not retried");

    // Streamed without a length, on success and on error statuses alike.
    for status in [200, 500] {
        let url = chunked_server(status, MAX_RESPONSE_BYTES + 64 * 1024).await;
        let client = SentClient::new(fast_config(&url, "org-key")).unwrap();
        let error = client.get_profile(PROFILE).await.unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::ResponseTooLarge,
            "{status}: {error:?}"
        );
        assert_eq!(error.request_id(), Some("req_Big01"));
    }

    // A body just within a smaller configured limit is read; one byte more is not.
    let url = chunked_server(500, 1000).await;
    let within = fast_config(&url, "org-key")
        .with_max_response_bytes(1000)
        .with_retry(sent_client::RetryPolicy::none());
    let error = SentClient::new(within)
        .unwrap()
        .get_profile(PROFILE)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ServerError, "{error:?}");
    let beyond = fast_config(&url, "org-key").with_max_response_bytes(999);
    let error = SentClient::new(beyond)
        .unwrap()
        .get_profile(PROFILE)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ResponseTooLarge, "{error:?}");
}

#[test]
fn base_urls_with_user_info_are_refused_without_echoing_them() {
    for url in [
        "http://127.0.0.1:1@evil.example",
        "http://localhost:x@evil.example",
        "http://[::1]@evil.example",
        "https://user:hunter2@api.sent.dm",
        "http://evil.example\\@127.0.0.1/",
        "http://example.com",
    ] {
        let error = SentClient::new(ClientConfig::new(url, "org-key".into())).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config, "{url}");
        let message = error.to_string();
        assert!(
            !message.contains("hunter2") && !message.contains("evil"),
            "{message}"
        );
    }
    let error = SentClient::new(ClientConfig::new(
        "http://127.0.0.1:1@evil.example",
        "org-key".into(),
    ))
    .unwrap_err();
    assert!(
        error.to_string().contains("user name or password"),
        "{error}"
    );
}
