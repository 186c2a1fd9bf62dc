//! The headless command, as a platform team scripts it: `sent-profiles onboard FILE --workspace
//! "Local sandbox" --data-dir DIR` creates a 100-row file against the built-in sandbox (started
//! by the command itself, its data kept in DIR), then a rerun with `--resume` creates nothing more.
//! Runs the real binary with the real Secret Service (inside `./x test`'s session).

use std::path::Path;
use std::process::Command;

fn onboard(dir: &Path, file: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sent-profiles"))
        .arg("onboard")
        .arg(file)
        .args([
            "--workspace",
            "Local sandbox",
            "--whatsapp",
            "inherit",
            "--data-dir",
        ])
        .arg(dir)
        .args(extra)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Live profiles of the built-in sandbox (its data file) whose name starts with `prefix`.
fn sandbox_profiles(dir: &Path, prefix: &str) -> Vec<String> {
    let state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("sandbox.json")).expect("sandbox data"))
            .expect("sandbox JSON");
    state["profiles"]
        .as_array()
        .expect("profiles")
        .iter()
        .filter(|p| p["deleted_at"].is_null() && p["deleted"] != true)
        .filter_map(|p| p["name"].as_str())
        .filter(|n| n.starts_with(prefix))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_hundred_rows_are_created_once_and_a_resumed_run_creates_nothing_more() {
    let dir = std::env::temp_dir().join(format!("sent-cli-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("franchise.csv");
    let mut csv = String::from("name,description\n");
    for i in 0..100 {
        csv.push_str(&format!("CLI Client {i:03},Location {i}\n"));
    }
    std::fs::write(&file, csv).unwrap();

    let (code, out, err) = onboard(&dir, &file, &["--dry-run"]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("dry run: nothing created"), "{out}");
    assert!(sandbox_profiles(&dir, "CLI Client").is_empty());

    let (code, out, err) = onboard(&dir, &file, &[]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("100 rows: 100 created"), "{out}");
    assert!(err.contains("[100/100]"), "a progress line per row: {err}");
    let mut made = sandbox_profiles(&dir, "CLI Client");
    made.sort();
    made.dedup();
    assert_eq!(made.len(), 100);
    assert_eq!(
        sandbox_profiles(&dir, "CLI Client").len(),
        100,
        "none twice"
    );

    let (code, out, err) = onboard(&dir, &file, &["--resume"]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("100 created"), "{out}");
    assert_eq!(
        sandbox_profiles(&dir, "CLI Client").len(),
        100,
        "nothing more"
    );

    // A bad call says what to do and runs nothing.
    let (code, _, err) = onboard(&dir, &dir.join("missing.csv"), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
