//! The binary: first stdout line, key lines, `--help`, clean exit on SIGTERM, `--data` restarts.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_sent-sandbox");

fn spawn(args: &[&str]) -> (Child, Vec<String>) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut lines = vec![];
    for _ in 0..3 {
        let mut l = String::new();
        out.read_line(&mut l).unwrap();
        lines.push(l.trim_end().to_string());
    }
    // Keep draining stdout so the child never blocks on a full pipe.
    std::thread::spawn(move || for _ in out.lines() {});
    (child, lines)
}

#[cfg(unix)]
fn terminate(child: &mut Child) -> std::process::ExitStatus {
    let ok = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    child.wait().unwrap()
}

#[cfg(unix)]
#[test]
fn first_line_keys_and_clean_sigterm() {
    let (mut child, lines) = spawn(&[
        "--addr",
        "127.0.0.1:0",
        "--seed",
        "empty",
        "--org-key",
        "cli-test-key",
    ]);
    let url = lines[0]
        .strip_prefix("listening on http://127.0.0.1:")
        .expect("first line");
    assert!(url.parse::<u16>().is_ok(), "{lines:?}");
    assert_eq!(lines[1], "key org-admin cli-test-key");
    assert!(lines[2].starts_with("key org-developer "));
    assert!(terminate(&mut child).success(), "SIGTERM is a clean exit");
}

#[cfg(unix)]
#[test]
fn data_file_survives_a_process_restart() {
    let dir = std::env::temp_dir().join(format!("sent-sandbox-cli-{}", std::process::id()));
    let file = dir.join("state.json");
    let f = file.to_str().unwrap();
    let (mut a, la) = spawn(&["--data", f]);
    assert!(terminate(&mut a).success());
    let (mut b, lb) = spawn(&["--data", f]);
    assert_eq!(
        la[1], lb[1],
        "the generated org key is kept in the data file"
    );
    assert!(terminate(&mut b).success());
    std::fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn org_key_and_data_file_keep_keys_out_of_the_file() {
    let dir = std::env::temp_dir().join(format!("sent-sandbox-cli-derived-{}", std::process::id()));
    let file = dir.join("state.json");
    let f = file.to_str().unwrap();
    let args = ["--data", f, "--org-key", "cli-derived-key"];
    let (mut a, la) = spawn(&args);
    assert!(terminate(&mut a).success());
    let (mut b, lb) = spawn(&args);
    assert!(terminate(&mut b).success());
    assert_eq!(la[1], "key org-admin cli-derived-key");
    assert_eq!(la[2], lb[2], "the developer key is derived again, the same");
    let developer = la[2].strip_prefix("key org-developer ").unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains("cli-derived-key"),
        "org key in the data file"
    );
    assert!(!text.contains(developer), "developer key in the data file");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn help_documents_flags_control_api_and_magic_numbers() {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "--org-key",
        "--data",
        "--no-rate-limit",
        "--fault-drop-after-commit",
        "/_sandbox/clock/advance",
        "+15005550001",
        "+15005550002",
        "+15005550003",
    ] {
        assert!(help.contains(needle), "--help lacks {needle}");
    }
}

#[test]
fn bad_address_fails_with_a_message() {
    let out = Command::new(BIN)
        .args(["--addr", "not-an-address"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot listen"));
}
