//! Background work without Tauri: a test send's follower runs under the workspace's supervisor,
//! and stops as soon as the workspace's keys change (with the review followers beside it).

mod support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use sent_app::{profiles, sends, workspaces};
use support::{TestCore, BUILTIN};

#[test]
fn a_key_change_stops_the_workspace_s_followers() {
    let core = TestCore::start();
    core.run(profiles::refresh_profiles(&core.core, BUILTIN))
        .unwrap();
    let bella = core
        .core
        .sandbox
        .census()
        .profiles
        .into_iter()
        .find(|p| p.1 == "Bella Salon")
        .unwrap()
        .0;
    let reminder = core
        .run(sends::send_options(&core.core, BUILTIN, bella))
        .unwrap()
        .templates
        .into_iter()
        .find(|t| t.name == "visit_reminder")
        .unwrap();
    let draft = sends::SendDraft {
        template_id: Some(reminder.id),
        variables: BTreeMap::from([
            ("first_name".into(), "Ann".into()),
            ("time".into(), "10:00".into()),
        ]),
        recipients: vec!["+14155550123".into(), "+14155550124".into()],
        channel: None,
        sandbox: false,
    };
    // The list's refresh already follows the demo profile in review (Northwind Clinics).
    let before = core.core.supervisor.running(BUILTIN);
    let sent = core
        .run(sends::quick_send(
            &core.core,
            BUILTIN,
            bella,
            draft,
            uuid::Uuid::new_v4().to_string(),
        ))
        .unwrap();
    assert_eq!(sent.messages.len(), 2);
    assert_eq!(
        core.core.supervisor.running(BUILTIN),
        before + 2,
        "each message is followed"
    );

    // The profile gets a key of its own: the workspace's keys changed.
    core.run(workspaces::use_sandbox_profile_key(&core.core, bella))
        .unwrap();
    let started = Instant::now();
    while core.core.supervisor.running(BUILTIN) > 0 {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the followers did not stop"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
