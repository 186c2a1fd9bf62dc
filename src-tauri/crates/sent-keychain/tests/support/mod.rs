//! Private D-Bus session buses for the keychain failure-mode tests. Each test file runs in its own
//! process, so pointing `DBUS_SESSION_BUS_ADDRESS` at a bus of its own affects that test alone.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// A `dbus-daemon` started for one test; killed on drop.
pub struct PrivateBus {
    child: Child,
    pub address: String,
    _dir: TempDir,
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A session bus. With `standard_services`, the system's service files are on it, so a Secret
/// Service (gnome-keyring) is started on demand, but nobody unlocks it; without, nothing provides
/// `org.freedesktop.secrets`.
pub fn private_bus(standard_services: bool) -> PrivateBus {
    let dir = TempDir::new();
    let config = dir.path.join("session.conf");
    let services = if standard_services {
        "<standard_session_servicedirs/>"
    } else {
        ""
    };
    std::fs::write(
        &config,
        format!(
            r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={dir}</listen>
  {services}
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>"#,
            dir = dir.path.display()
        ),
    )
    .expect("write the bus config");
    let mut child = Command::new("dbus-daemon")
        .arg(format!("--config-file={}", config.display()))
        .arg("--nofork")
        .arg("--print-address=1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-daemon is installed (./x test installs it)");
    let mut address = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut address)
        .expect("the bus prints its address");
    PrivateBus {
        child,
        address: address.trim().to_owned(),
        _dir: dir,
    }
}

/// A directory removed on drop.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    pub fn new() -> Self {
        let path = std::env::temp_dir().join(format!("sent-keychain-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&path).expect("create a temp dir");
        Self { path }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// The real-Secret-Service tests need the test session of `./x test` (or `./x session`).
pub fn require_test_session() {
    assert!(
        std::env::var_os("SENT_PROFILES_TEST_SESSION").is_some(),
        "run the keychain tests inside the test session: ./x session cargo test -p sent-keychain"
    );
}

/// A service name no real build uses, so tests never touch a user's entries.
pub fn test_service() -> String {
    format!("app.sentprofiles.desktop.test-{}", uuid::Uuid::new_v4())
}
