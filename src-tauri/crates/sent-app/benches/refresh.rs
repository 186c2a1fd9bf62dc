//! A full refresh of a large list (`cargo bench -p sent-app --bench refresh`): a `sent-sandbox`
//! process seeded with 10,000 and then 100,000 generated profiles, added as a custom workspace as
//! a user would, and `refresh_profiles` timed from the call to the list in place (stored in the
//! database, the model replaced), next to the time the sandbox takes to answer the list alone (a
//! bare `reqwest` GET reading the whole body). Then this process's memory as glibc sees it.
//! Needs a Secret Service and the release sandbox (`./x bench` builds it and runs this in its
//! session; SENT_SANDBOX_BIN names another). Prints figures; asserts nothing but that the list
//! arrived. REFRESH_PROFILES picks the sizes ("10000 100000").

mod support;

use std::io::BufRead;
use std::time::Instant;

use sent_model::environment::EnvironmentKind;
use sent_model::SecretString;
use sent_workspaces::WorkspaceDraft;

/// The heap as glibc sees it (bytes in use; bytes its heaps span) and the resident memory.
fn memory() -> String {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallinfo2 only reads the allocator's counters.
        let info = unsafe { libc::mallinfo2() };
        let rss = std::fs::read_to_string("/proc/self/statm")
            .ok()
            .and_then(|s| {
                s.split_whitespace()
                    .nth(1)
                    .and_then(|p| p.parse::<f64>().ok())
            })
            .map_or(f64::NAN, |pages| pages * 4096.0 / 1e6);
        format!(
            "heap in use {:.0} MB (of which large blocks mapped alone {:.0} MB), heaps span {:.0} MB, resident {rss:.0} MB",
            (info.uordblks + info.hblkhd) as f64 / 1e6,
            info.hblkhd as f64 / 1e6,
            info.arena as f64 / 1e6,
        )
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    String::from("(glibc only)")
}

fn sandbox_binary() -> String {
    std::env::var("SENT_SANDBOX_BIN").unwrap_or_else(|_| {
        format!(
            "{}/../../../target/release/sent-sandbox",
            env!("CARGO_MANIFEST_DIR")
        )
    })
}

fn run(n: usize, runtime: &tokio::runtime::Runtime) {
    let key = format!("bench-org-key-{}", uuid::Uuid::new_v4().simple());
    let mut child = std::process::Command::new(sandbox_binary())
        .args([
            "--seed",
            "demo",
            "--profiles",
            &n.to_string(),
            "--org-key",
            &key,
        ])
        .arg("--no-rate-limit")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the release sent-sandbox starts (cargo build --release -p sent-sandbox)");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("its output"))
        .read_line(&mut line)
        .expect("it says where it listens");
    let url = line.trim().trim_start_matches("listening on ").to_owned();

    let (core, dir) = support::start_core("refresh", runtime);
    let workspace = runtime
        .block_on(sent_app::workspaces::add_workspace(
            &core,
            WorkspaceDraft {
                name: format!("{n} profiles"),
                environment: EnvironmentKind::Custom,
                custom_base_url: Some(url.clone()),
                api_key: SecretString::new(key.clone()),
            },
        ))
        .expect("the workspace is added");
    let before = memory();

    // The answer alone: the whole body read, nothing parsed.
    let t = Instant::now();
    let bytes = runtime.block_on(async {
        reqwest::Client::new()
            .get(format!("{url}/v3/profiles"))
            .header("x-api-key", &key)
            .send()
            .await
            .expect("the sandbox answers")
            .bytes()
            .await
            .expect("the body")
            .len()
    });
    let bare = t.elapsed().as_secs_f64();

    let mut times = Vec::new();
    for _ in 0..2 {
        let t = Instant::now();
        let updated = runtime
            .block_on(sent_app::profiles::refresh_profiles(&core, workspace.id))
            .expect("the refresh");
        times.push(t.elapsed().as_secs_f64());
        assert!(
            updated.total as usize >= n,
            "{} profiles listed",
            updated.total
        );
    }
    core.lists.flush();
    std::thread::sleep(std::time::Duration::from_secs(1));
    println!(
        "{n:>7} profiles: refresh_profiles (streamed, parsed, stored, listed) {:.2} s, again {:.2} s | the sandbox's answer alone ({:.0} MB, bare reqwest) {bare:.2} s",
        times[0],
        times[1],
        bytes as f64 / 1e6,
    );
    println!(
        "{n:>7} profiles, this process's memory: before the first refresh {before} | after the second {}",
        memory()
    );
    if std::env::var_os("REFRESH_EXIT_HOLDING").is_some() {
        // For a heap profiler (heaptrack): exit holding everything, so what the core keeps after
        // a refresh shows as not freed.
        let _ = child.kill();
        std::process::exit(0);
    }
    drop(core);
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    sent_app::lists::limit_heaps();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let sizes = std::env::var("REFRESH_PROFILES").unwrap_or_else(|_| "10000 100000".into());
    for n in sizes.split_whitespace().filter_map(|s| s.parse().ok()) {
        run(n, &runtime);
    }
}
