//! The profile list (and `/v3/me`, which lists every child profile) read as a stream: against the real sandbox on both revisions (the same
//! profiles, in the same order, as the buffered read; every page of a paged list), and against a
//! scripted server for the bounds (a profile too large, a list cut short, a refused page).

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use sent_client::{ClientConfig, ClientError, ProfileBackend, RetryPolicy, SentClient};
use sent_model::ProfileDetail;
use sent_sandbox::{ApiRevision, Fixtures, Sandbox, Seed};
use serde_json::json;
use support::{Scripted, TestServer};

async fn sandbox(rev: ApiRevision, generated: usize) -> (sent_sandbox::RunningSandbox, SentClient) {
    let sandbox = Sandbox::builder()
        .seed(Seed::Demo)
        .generated_profiles(generated)
        .rate_limits(None)
        .control_api(true)
        .api_revision(rev)
        .start("127.0.0.1:0")
        .await
        .expect("sandbox starts");
    let config = ClientConfig::new(sandbox.base_url(), sandbox.keys().org_admin.into()).with_retry(
        RetryPolicy {
            initial_backoff: Duration::from_millis(5),
            max_backoff: Duration::from_millis(20),
            ..RetryPolicy::default()
        },
    );
    let client = SentClient::new(config).unwrap();
    (sandbox, client)
}

/// Streams the list, collecting the ids in order.
async fn stream_ids(
    client: &SentClient,
) -> Result<(Vec<String>, sent_client::StreamedList), ClientError> {
    let ids = Arc::new(Mutex::new(Vec::new()));
    let into = ids.clone();
    let list = client
        .stream_profiles(move |p: ProfileDetail| into.lock().unwrap().push(p.id))
        .await?;
    let ids = ids.lock().unwrap().clone();
    Ok((ids, list))
}

#[tokio::test]
async fn the_stream_gives_what_the_buffered_read_gives_on_both_revisions() {
    for rev in [ApiRevision::Seed, ApiRevision::Rev2026_10] {
        let (sandbox, client) = sandbox(rev, 1_500).await;
        if rev == ApiRevision::Rev2026_10 {
            // Many pages: the stream follows every one.
            sandbox.set_fixtures(Fixtures {
                profile_list_page_size: Some(100),
            });
        }
        let whole = client.list_profiles().await.unwrap();
        let expected: Vec<String> = whole.data.profiles.iter().map(|p| p.id.clone()).collect();
        assert!(expected.len() > 1_500, "{rev:?}: {}", expected.len());
        let (ids, list) = stream_ids(&client).await.unwrap();
        assert_eq!(
            ids, expected,
            "{rev:?}: same profiles, same order, each once"
        );
        assert_eq!(list.count, expected.len());
        assert!(list.complete, "{rev:?}");
        // Every page counted: a page left out would be tens of kilobytes short. Two reads of the
        // same list may differ by a few bytes (the sandbox's timestamps are written with as many
        // fractional digits as they have), so not to the byte.
        assert!(
            list.info.body_bytes.abs_diff(whole.info.body_bytes) < 64,
            "{rev:?}: every page counted: {} vs {}",
            list.info.body_bytes,
            whole.info.body_bytes
        );
        assert!(list.info.request_id.is_some());
    }
}

#[tokio::test]
async fn a_list_larger_than_one_answer_may_be_is_streamed_whole() {
    // 30,000 profiles answered at once (about 50 MB): over the cap of a buffered answer.
    let (_sandbox, client) = sandbox(ApiRevision::Seed, 30_000).await;
    let capped = SentClient::new(
        ClientConfig::new(_sandbox.base_url(), _sandbox.keys().org_admin.into())
            .with_max_response_bytes(8 * 1024 * 1024),
    )
    .unwrap();
    assert!(matches!(
        capped.list_profiles().await.unwrap_err(),
        ClientError::ResponseTooLarge { .. }
    ));
    let (ids, list) = stream_ids(&capped).await.unwrap();
    assert!(ids.len() > 30_000);
    assert!(
        list.info.body_bytes > 8 * 1024 * 1024,
        "{}",
        list.info.body_bytes
    );
    // `/v3/me` lists every child profile too (about 14 MB here): read as it streams, each child
    // kept with its id and role, so a workspace of that size can be added.
    let me = capped.me(&Default::default()).await.unwrap();
    assert!(
        me.info.body_bytes > 8 * 1024 * 1024,
        "{}",
        me.info.body_bytes
    );
    assert_eq!(me.data.profiles.len(), ids.len());
    assert!(me.data.profiles.iter().all(|p| !p.id.is_empty()));
    assert_eq!(
        me.data.name,
        client.me(&Default::default()).await.unwrap().data.name
    );
}

fn list_body(profiles: Vec<serde_json::Value>) -> String {
    json!({"success": true, "data": {"profiles": profiles}, "error": null, "meta": {"request_id": "req_stream1"}})
        .to_string()
}

#[tokio::test]
async fn a_profile_larger_than_its_share_is_refused_not_read_whole() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    let mut huge = support::profile_json("b", "Huge");
    huge["description"] = json!("x".repeat(400 * 1024));
    server.script(Scripted::new(200).body(list_body(vec![support::profile_json("a", "A"), huge])));
    let error = stream_ids(&client).await.unwrap_err();
    assert!(
        matches!(error, ClientError::ResponseTooLarge { .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn keys_in_any_order_a_refused_page_and_a_cut_body_are_errors_in_words() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    // `meta` and `data` in an unusual order, unknown keys ignored.
    server.script(Scripted::new(200).body(
        json!({"meta": {"request_id": "req_x"}, "extra": [1, {"a": 2}],
               "data": {"unknown": true, "profiles": [support::profile_json("a", "A"), support::profile_json("a", "A again")]},
               "success": true})
        .to_string(),
    ));
    let (ids, list) = stream_ids(&client).await.unwrap();
    assert_eq!(ids, ["a"], "an id twice is handed over once");
    assert_eq!(list.info.request_id.as_deref(), Some("req_x"));

    server.script(Scripted::new(200).body(
        json!({"success": false, "data": null, "error": {"code": "INTERNAL_002", "message": "Broken"}, "meta": {}})
            .to_string(),
    ));
    let error = stream_ids(&client).await.unwrap_err();
    assert!(error.to_string().contains("Broken"), "{error}");

    let body = list_body(vec![
        support::profile_json("a", "A"),
        support::profile_json("b", "B"),
    ]);
    server.script(Scripted::new(200).body(body[..body.len() - 40].to_owned()));
    let error = stream_ids(&client).await.unwrap_err();
    assert!(
        matches!(error, ClientError::BadResponse { .. }),
        "{error:?}"
    );
}
