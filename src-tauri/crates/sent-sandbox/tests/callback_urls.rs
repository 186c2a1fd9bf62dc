//! Issue #8, finding 7: the sandbox only ever calls this computer. Callback and webhook URLs are
//! judged on the host the HTTP client parses (so `http://evil.example\@127.0.0.1/` is not
//! loopback), and its outgoing client follows no redirect (nothing reaches the redirect target).

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::*;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A loopback listener that counts connections and answers each with `status` and `location`.
async fn redirector(status: u16, location: String) -> (String, Arc<AtomicUsize>) {
    counting_listener(Some((status, location))).await
}

/// A loopback listener that only counts connections (and never answers).
async fn target() -> (String, Arc<AtomicUsize>) {
    counting_listener(None).await
}

async fn counting_listener(answer: Option<(u16, String)>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(AtomicUsize::new(0));
    let count = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            let answer = answer.clone();
            tokio::spawn(async move {
                let mut buffer = [0u8; 16 * 1024];
                let _ = socket.read(&mut buffer).await;
                if let Some((status, location)) = answer {
                    let head = format!(
                        "HTTP/1.1 {status} Moved\r\nlocation: {location}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                    );
                    let _ = socket.write_all(head.as_bytes()).await;
                } else {
                    tokio::time::sleep(Duration::from_secs(30)).await;
                }
            });
        }
    });
    (url, seen)
}

async fn webhook(t: &T, endpoint: &str) -> String {
    let w = t
        .post(
            "/v3/webhooks",
            json!({ "display_name": "hook", "endpoint_url": endpoint, "event_types": ["message"] }),
        )
        .await;
    assert_eq!(w.status, 201, "{}", w.body);
    w.body["data"]["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn a_disguised_host_is_not_loopback() {
    let t = start().await;
    let (url, seen) = target().await;
    let port = url.rsplit(':').next().unwrap();
    // Every URL parser, and so the HTTP client, connects to evil.example for these.
    for disguised in [
        format!("http://evil.example\\@127.0.0.1:{port}/hook"),
        format!("http://127.0.0.1:{port}@evil.example/hook"),
        format!("http://localhost:x@evil.example:{port}/hook"),
        format!("http://[::1]@evil.example:{port}/hook"),
    ] {
        let wid = webhook(&t, &disguised).await;
        let r = t.post(&format!("/v3/webhooks/{wid}/test"), json!({})).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["data"]["success"], false, "{disguised}");
        assert_eq!(
            r.body["data"]["message"], "The sandbox only delivers to loopback URLs",
            "{disguised}"
        );

        // As a completion callback it is refused up front (V23: plain http only to loopback).
        let pid = t.profile_id("Tenant Co").await;
        let r = t
            .post(
                &format!("/v3/profiles/{pid}/complete"),
                json!({ "webHookUrl": disguised }),
            )
            .await;
        assert_eq!(r.status, 400, "{disguised}: {}", r.body);
        assert_eq!(r.detail_keys(), ["webHookUrl"]);
    }
    assert_eq!(seen.load(Ordering::SeqCst), 0);
    // A URL with user info on loopback is refused too: it only serves to disguise the host.
    let wid = webhook(&t, &format!("http://user:pw@127.0.0.1:{port}/hook")).await;
    let r = t.post(&format!("/v3/webhooks/{wid}/test"), json!({})).await;
    assert_eq!(r.body["data"]["success"], false, "{}", r.body);
    assert_eq!(seen.load(Ordering::SeqCst), 0);
    // An endpoint that does not parse as an absolute http(s) URL is refused at creation.
    let r = t
        .post(
            "/v3/webhooks",
            json!({ "display_name": "x", "endpoint_url": "http://", "event_types": ["message"] }),
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
}

#[tokio::test]
async fn the_sandbox_follows_no_redirect() {
    let t = start().await;
    for status in [302, 307, 308] {
        let (elsewhere, reached) = target().await;
        let (hook, asked) = redirector(status, format!("{elsewhere}/stolen")).await;

        // A webhook test delivery.
        let wid = webhook(&t, &format!("{hook}/hook")).await;
        let r = t.post(&format!("/v3/webhooks/{wid}/test"), json!({})).await;
        assert_eq!(r.body["data"]["success"], false, "{}", r.body);
        assert_eq!(
            r.body["data"]["message"],
            format!("Receiver answered {status}")
        );
        assert_eq!(asked.load(Ordering::SeqCst), 1);

        // A completion callback.
        let pid = t.profile_id("Tenant Co").await;
        let r = t
            .post(
                &format!("/v3/profiles/{pid}/complete"),
                json!({ "webHookUrl": format!("{hook}/cb") }),
            )
            .await;
        assert_eq!(r.status, 202, "{}", r.body);
        t.advance(6.0).await;
        for _ in 0..100 {
            if asked.load(Ordering::SeqCst) >= 2 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(asked.load(Ordering::SeqCst), 2, "the callback was sent");
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(
            reached.load(Ordering::SeqCst),
            0,
            "{status}: the redirect target was called"
        );
        // Back to a state where the profile can be completed again.
        let r = t
            .control(
                reqwest::Method::POST,
                &format!("/_sandbox/profiles/{pid}/status"),
                json!({ "status": "incomplete" }),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
}
