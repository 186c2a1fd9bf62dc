//! Retries over real HTTP: what is retried, how often, with which key, and what is not.
//! No timed assertions: waits are observed through attempt counts and server-side records.

mod support;

use sent_model::ErrorKind;
use std::time::Duration;

use sent_client::{
    CallOptions, ClientError, IdempotencyKey, ProfileBackend, RetryPolicy, SentClient,
};
use sent_model::{BillingModel, ProfileCreate};
use support::{fast_config, Scripted, TestServer};

const PROFILE: &str = "770e8400-e29b-41d4-a716-446655440002";

fn create_body(name: &str) -> ProfileCreate {
    ProfileCreate {
        name: Some(name.into()),
        billing_model: Some(BillingModel::Organization),
        inherit_tcr_brand: Some(true),
        inherit_tcr_campaign: Some(true),
        ..Default::default()
    }
}

#[tokio::test]
async fn retries_429_after_retry_after_then_succeeds() {
    let server = TestServer::start().await;
    server.script(
        Scripted::error(429, "BUSINESS_002", "Rate limit exceeded").header("retry-after", "1"),
    );
    let client = server.client("org-key");
    let response = client.get_profile(PROFILE).await.unwrap();
    assert_eq!(response.data.id, PROFILE);
    assert_eq!(response.info.attempts, 2);
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn retries_503_with_an_empty_body() {
    let server = TestServer::start().await;
    server.script(Scripted::new(503));
    server.script(Scripted::error(503, "SERVICE_001", "Cache unavailable"));
    let response = server.client("org-key").get_profile(PROFILE).await.unwrap();
    assert_eq!(response.info.attempts, 3);
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn gives_up_after_two_retries_with_the_last_error() {
    let server = TestServer::start().await;
    for _ in 0..3 {
        server.script(Scripted::error(
            500,
            "INTERNAL_001",
            "Failed to retrieve profile.",
        ));
    }
    let error = server
        .client("org-key")
        .get_profile(PROFILE)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ServerError);
    assert_eq!(error.status(), Some(500));
    assert_eq!(error.code(), Some("INTERNAL_001"));
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn retries_a_dropped_connection() {
    let server = TestServer::start().await;
    server
        .proxy
        .drop_requests
        .store(1, std::sync::atomic::Ordering::SeqCst);
    let response = server.client("org-key").get_profile(PROFILE).await.unwrap();
    assert_eq!(response.info.attempts, 2);
    assert_eq!(
        server.requests().len(),
        1,
        "the first attempt never reached the server"
    );
}

#[tokio::test]
async fn does_not_retry_400_or_404() {
    let server = TestServer::start().await;
    server.script(
        Scripted::new(400).body(
            serde_json::json!({"success": false, "data": null,
                "error": {"code": "VALIDATION_001", "message": "Request validation failed",
                          "details": {"short_name": ["short_name must be 3–11 characters"]}},
                "meta": {"request_id": "req_Bad0000001"}})
            .to_string(),
        ),
    );
    let client = server.client("org-key");
    let error = client.get_profile(PROFILE).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Validation);
    assert!(error.fields().unwrap().contains("short_name"));
    assert_eq!(error.request_id(), Some("req_Bad0000001"));
    assert_eq!(server.requests().len(), 1);

    server.script(Scripted::error(404, "RESOURCE_014", "Profile not found"));
    let error = client.get_profile(PROFILE).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert_eq!(error.to_string(), "Profile not found");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn conflicts_retry_only_for_an_in_flight_key() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    server.script(Scripted::error(
        409,
        "RESOURCE_007",
        "Resource already exists",
    ));
    let error = client
        .create_profile(&create_body("A"), &CallOptions::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert_eq!(server.requests().len(), 1);
    server.script(Scripted::error(
        409,
        "CONFLICT_012",
        "Number still registered",
    ));
    let error = client
        .delete_profile(PROFILE, &CallOptions::default())
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("CONFLICT_012"));
    assert_eq!(server.requests().len(), 2);
    server.script(Scripted::error(409, "CONFLICT_001", "Request in flight"));
    let created = client
        .create_profile(&create_body("B"), &CallOptions::default())
        .await
        .unwrap();
    assert_eq!(created.info.attempts, 2);
    assert_eq!(server.requests().len(), 4);
}

#[tokio::test]
async fn non_transient_429_and_should_retry_false_are_final() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    server.script(Scripted::error(
        429,
        "LIMIT_001",
        "Too many scheduled messages",
    ));
    assert_eq!(
        client.get_profile(PROFILE).await.unwrap_err().code(),
        Some("LIMIT_001")
    );
    server.script(Scripted::new(503).header("x-should-retry", "false"));
    assert_eq!(
        client.get_profile(PROFILE).await.unwrap_err().status(),
        Some(503)
    );
    assert_eq!(server.requests().len(), 2);
    server.script(Scripted::error(400, "VALIDATION_001", "odd").header("x-should-retry", "true"));
    assert!(client.get_profile(PROFILE).await.is_ok());
    assert_eq!(server.requests().len(), 4);
}

#[tokio::test]
async fn a_wait_longer_than_a_minute_is_reported_not_slept() {
    let server = TestServer::start().await;
    server.script(
        Scripted::error(429, "BUSINESS_002", "Rate limit exceeded").header("retry-after", "120"),
    );
    let error = server
        .client("org-key")
        .get_profile(PROFILE)
        .await
        .unwrap_err();
    match &error {
        ClientError::RetryLater { wait, status, .. } => {
            assert_eq!(*wait, Duration::from_secs(120));
            assert_eq!(*status, 429);
        }
        other => panic!("expected RetryLater, got {other:?}"),
    }
    assert_eq!(error.kind(), ErrorKind::RateLimited);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn retry_after_ms_is_preferred() {
    let server = TestServer::start().await;
    server.script(
        Scripted::error(429, "BUSINESS_002", "Rate limit exceeded")
            .header("retry-after-ms", "20")
            .header("retry-after", "120"),
    );
    let response = server.client("org-key").get_profile(PROFILE).await.unwrap();
    assert_eq!(response.info.attempts, 2, "120 s would have been refused");
}

#[tokio::test]
async fn the_same_idempotency_key_is_sent_on_every_retry() {
    let server = TestServer::start().await;
    server.script(Scripted::new(503));
    server.script(Scripted::error(
        500,
        "INTERNAL_001",
        "Failed to create profile.",
    ));
    let client = server.client("org-key");
    let created = client
        .create_profile(&create_body("Retry Me"), &CallOptions::default())
        .await
        .unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let keys: Vec<&str> = requests
        .iter()
        .map(|r| r.header("idempotency-key").unwrap())
        .collect();
    assert!(keys.iter().all(|k| *k == keys[0]), "{keys:?}");
    assert!(sent_model::validate::rules::is_valid_idempotency_key(
        keys[0]
    ));
    assert_eq!(created.info.idempotency_key.as_deref(), Some(keys[0]));
    let counts: Vec<&str> = requests
        .iter()
        .map(|r| r.header("x-retry-count").unwrap())
        .collect();
    assert_eq!(counts, ["0", "1", "2"]);

    // A caller key is used as is; a new logical operation gets a new key.
    let key = IdempotencyKey::new("prof-create-7f3a").unwrap();
    client
        .create_profile(
            &create_body("Mine"),
            &CallOptions::default().with_idempotency_key(key),
        )
        .await
        .unwrap();
    client
        .create_profile(&create_body("Other"), &CallOptions::default())
        .await
        .unwrap();
    let requests = server.requests();
    assert_eq!(
        requests[3].header("idempotency-key"),
        Some("prof-create-7f3a")
    );
    assert_ne!(requests[4].header("idempotency-key"), Some(keys[0]));
}

#[tokio::test]
async fn a_lost_response_after_commit_yields_one_profile_not_two() {
    let server = TestServer::start().await;
    server
        .proxy
        .drop_responses
        .store(1, std::sync::atomic::Ordering::SeqCst);
    let client = server.client("org-key");
    let created = client
        .create_profile(&create_body("Northwind"), &CallOptions::default())
        .await
        .unwrap();
    assert_eq!(created.info.attempts, 2);
    assert!(
        created.info.idempotent_replayed,
        "the retry got the cached answer"
    );
    assert!(created.info.original_request_id.is_some());
    assert_eq!(
        created.info.original_request_id,
        created.info.body_request_id
    );
    assert_ne!(created.info.request_id, created.info.original_request_id);
    assert_eq!(
        server.requests().len(),
        2,
        "both attempts reached the server"
    );
    assert_eq!(server.profile_count(), 1);
    let listed = client.list_profiles().await.unwrap();
    assert_eq!(listed.data.profiles.len(), 1);
    assert_eq!(listed.data.profiles[0].name, "Northwind");
}

#[tokio::test]
async fn timeouts_are_retried_then_reported() {
    let server = TestServer::start().await;
    for _ in 0..3 {
        server.script(Scripted::new(200).delay(Duration::from_secs(30)));
    }
    // 1 s leaves a loaded CI machine time to deliver each attempt before it times out.
    let config = fast_config(&server.base_url, "org-key")
        .with_timeouts(Duration::from_secs(1), Duration::from_secs(1));
    let client = SentClient::new(config).unwrap();
    assert_eq!(
        client.get_profile(PROFILE).await.unwrap_err(),
        ClientError::Timeout
    );
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn connection_refused_is_a_connect_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let config = fast_config(&format!("http://{addr}"), "org-key").with_retry(RetryPolicy {
        initial_backoff: Duration::from_millis(1),
        max_backoff: Duration::from_millis(2),
        ..RetryPolicy::default()
    });
    let error = SentClient::new(config)
        .unwrap()
        .get_profile(PROFILE)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unreachable, "{error:?}");
}
