//! Bulk onboarding against the sandbox's rate limit: how many rows a second a batch creates
//! when Sent allows N requests a second, and whether any profile was made twice. Prints figures;
//! asserts nothing. Needs a Secret Service (run it inside `./x bench`, which runs it in its session).
//!
//! `cargo bench -p sent-app --bench batch` (BATCH_ROWS, BATCH_LIMIT, BATCH_WINDOW_SECS to change).

mod support;

use std::time::{Duration, Instant};

use sent_sandbox::RateLimits;
use sent_views::batch::BatchSettings;
use sent_workspaces::LOCAL_SANDBOX_ID;

fn env(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let rows = env("BATCH_ROWS", 300);
    let limit = env("BATCH_LIMIT", 60);
    let window = env("BATCH_WINDOW_SECS", 3);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let (core, dir) = support::start_core("batch", &runtime);
    core.sandbox.set_rate_limits(Some(RateLimits {
        standard_per_window: limit,
        sensitive_per_window: 10,
        messages_per_window: 60,
        window_secs: u64::from(window),
    }));
    let mut csv = String::from("name,description\n");
    for i in 0..rows {
        csv.push_str(&format!("Bench Client {i:05},Location {i}\n"));
    }
    // The window starts empty: wait it out after the start-up's own calls.
    std::thread::sleep(Duration::from_secs(u64::from(window)));
    let started = Instant::now();
    let outcome = runtime
        .block_on(sent_app::batch::onboard_file(
            &core,
            LOCAL_SANDBOX_ID,
            "bench.csv",
            csv.into_bytes(),
            BatchSettings {
                whatsapp_inherit: Some(true),
                ..BatchSettings::default()
            },
            false,
            false,
        ))
        .expect("the batch runs");
    let seconds = started.elapsed().as_secs_f64();
    let census = core.sandbox.census();
    let made: Vec<&String> = census
        .profiles
        .iter()
        .map(|p| &p.1)
        .filter(|n| n.starts_with("Bench Client "))
        .collect();
    let distinct: std::collections::BTreeSet<&&String> = made.iter().collect();
    let allowed = f64::from(limit) / f64::from(window);
    let rate = f64::from(outcome.counts.created) / seconds;
    println!("bulk onboarding against the sandbox's rate limit ({rows} rows, 4 at a time)");
    println!("  limit                  {limit} requests per {window} s = {allowed:.1} a second");
    println!(
        "  created                {} of {rows} in {seconds:.1} s",
        outcome.counts.created
    );
    println!(
        "  rows a second          {rate:.1} ({:.0}% of the limit; goal >= 90%)",
        rate / allowed * 100.0
    );
    println!(
        "  duplicates             {} (profiles {}, distinct names {})",
        made.len() - distinct.len(),
        made.len(),
        distinct.len()
    );
    drop(core);
    let _ = std::fs::remove_dir_all(&dir);
}
