//! Client overhead: median round trip of `GET /v3/profiles/{id}` through [`SentClient`] (headers,
//! retry loop, envelope check, typed decode into `ProfileDetail`) next to a bare `reqwest` GET of
//! the same URL with the same key (body read, not parsed), both against the real local sandbox.
//! Goal (issue #3): overhead ≤ 1.5×.
//!
//! Run: `cargo bench -p sent-client --bench profile_get` (`BENCH_ITERATIONS` to change the count).

use std::time::{Duration, Instant};

use sent_client::{ClientConfig, ProfileBackend, SentClient};
use sent_sandbox::{Sandbox, Seed};

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort_unstable();
    samples[samples.len() / 2]
}

fn main() {
    let iterations: usize = std::env::var("BENCH_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(async move {
        let sandbox = Sandbox::builder()
            .seed(Seed::Demo)
            .rate_limits(None)
            .start("127.0.0.1:0")
            .await
            .expect("sandbox starts");
        let key = sandbox.keys().org_admin;
        let client = SentClient::new(ClientConfig::new(sandbox.base_url(), key.clone().into()))
            .expect("client");
        let profiles = client.list_profiles().await.expect("list profiles");
        let id = profiles
            .data
            .profiles
            .first()
            .expect("the demo seed has profiles")
            .id
            .clone();
        let url = format!("{}/v3/profiles/{id}", sandbox.base_url());
        let bare = reqwest::Client::new();

        let bare_get = || async {
            let response = bare
                .get(&url)
                .header("x-api-key", &key)
                .send()
                .await
                .expect("bare GET");
            assert!(response.status().is_success());
            response.bytes().await.expect("bare body")
        };
        for _ in 0..100 {
            client.get_profile(&id).await.expect("client GET");
            bare_get().await;
        }
        let mut through_client = Vec::with_capacity(iterations);
        let mut through_reqwest = Vec::with_capacity(iterations);
        // Interleaved so that drift (CPU frequency, other load) hits both sides alike.
        for _ in 0..iterations {
            let start = Instant::now();
            let profile = client.get_profile(&id).await.expect("client GET");
            through_client.push(start.elapsed());
            assert_eq!(profile.data.id, id);
            let start = Instant::now();
            let body = bare_get().await;
            through_reqwest.push(start.elapsed());
            assert!(!body.is_empty());
        }
        let client_median = median(&mut through_client);
        let bare_median = median(&mut through_reqwest);
        let ratio = client_median.as_secs_f64() / bare_median.as_secs_f64();
        println!(
            "GET /v3/profiles/{{id}} against the local sandbox, {iterations} round trips each"
        );
        println!(
            "  sent-client median: {:>8.1} µs",
            client_median.as_secs_f64() * 1e6
        );
        println!(
            "  bare reqwest median: {:>7.1} µs",
            bare_median.as_secs_f64() * 1e6
        );
        println!("  ratio (client / bare): {ratio:.2}x (goal <= 1.5x)");
        sandbox.shutdown().await;
    });
}
