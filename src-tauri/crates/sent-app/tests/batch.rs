//! Bulk onboarding through the use case, without Tauri, against the embedded sandbox: 500 rows
//! while a fifth of the requests are faulted (answers lost after commit, unreadable answers, 500s
//! and 503s, bursts of 429): exactly 500 profiles, none twice; a run cut short resumes with the
//! same keys and creates nothing more; the rows' checks in words; no token kept on disk.

#![allow(clippy::result_large_err)]

mod support;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use sent_app::batch::{self, BatchFilter};
use sent_sandbox::{Faults, RateLimits};
use sent_views::batch::{BatchSettings, RowState};
use support::{TestCore, BUILTIN};

fn settings() -> BatchSettings {
    BatchSettings {
        preset: "agency".into(),
        billing_model: None,
        // The demo organization has a WhatsApp account to inherit.
        whatsapp_inherit: Some(true),
        submit_for_review: false,
    }
}

fn csv(names: impl IntoIterator<Item = String>) -> Vec<u8> {
    let mut out = String::from("Client name,Description,Billing model\n");
    for name in names {
        out.push_str(&format!("{name},Location of {name},organization\n"));
    }
    out.into_bytes()
}

fn profiles_named(core: &TestCore, prefix: &str) -> BTreeMap<String, usize> {
    let mut seen = BTreeMap::new();
    for (_, name, _, _) in core.core.sandbox.census().profiles {
        if name.starts_with(prefix) {
            *seen.entry(name).or_insert(0) += 1;
        }
    }
    seen
}

#[test]
fn five_hundred_rows_under_faults_make_five_hundred_profiles_once() {
    let core = TestCore::start();
    // A limit the batch can follow quickly: 100 requests a second.
    core.core.sandbox.set_rate_limits(Some(RateLimits {
        standard_per_window: 100,
        sensitive_per_window: 10,
        messages_per_window: 60,
        window_secs: 1,
    }));
    let names: Vec<String> = (0..500).map(|i| format!("Bulk Client {i:03}")).collect();
    let bytes = csv(names.clone());

    // The faults change while the run goes (set from a thread of the test).
    let stop = Arc::new(AtomicBool::new(false));
    let outcome = std::thread::scope(|scope| {
        let sandbox = &core.core.sandbox;
        let stop_faults = stop.clone();
        scope.spawn(move || {
            let mut i = 0u32;
            while !stop_faults.load(Ordering::SeqCst) {
                sandbox.set_faults(Faults {
                    latency_ms: 1,
                    error_500_rate: 0.08,
                    error_503_rate: 0.05,
                    rate_limit_storm: u32::from(i % 50 == 0) * 3,
                    drop_after_commit: u32::from(i % 2 == 0),
                    garble_after_commit: u32::from(i % 3 == 0),
                });
                i += 1;
                std::thread::sleep(std::time::Duration::from_millis(40));
            }
            sandbox.set_faults(Faults::default());
        });
        let mut outcome = core.run(batch::onboard_file(
            &core.core,
            BUILTIN,
            "franchise.csv",
            bytes.clone(),
            settings(),
            false,
            false,
        ));
        // Rows whose outcome stayed unknown after a run's attempts: run again, as the app offers.
        for _ in 0..5 {
            match &outcome {
                Ok(o) if !o.complete => {
                    outcome = core.run(batch::onboard_file(
                        &core.core,
                        BUILTIN,
                        "franchise.csv",
                        bytes.clone(),
                        settings(),
                        false,
                        true,
                    ));
                }
                _ => break,
            }
        }
        stop.store(true, Ordering::SeqCst);
        outcome
    });
    let outcome = outcome.expect("the batch runs");
    let faults = core.core.sandbox.fault_counts();
    assert!(
        faults.faulted * 10 >= faults.requests,
        "at least a tenth of the requests were faulted: {faults:?}"
    );
    assert!(outcome.complete, "{:?}", outcome.problems);
    assert_eq!(outcome.counts.created, 500);
    let made = profiles_named(&core, "Bulk Client ");
    assert_eq!(made.len(), 500, "one profile per row");
    assert!(made.values().all(|n| *n == 1), "no profile twice: {made:?}");

    // Run again with --resume: nothing more is created.
    let again = core
        .run(batch::onboard_file(
            &core.core,
            BUILTIN,
            "franchise.csv",
            bytes,
            settings(),
            false,
            true,
        ))
        .unwrap();
    assert!(again.complete);
    assert_eq!(profiles_named(&core, "Bulk Client ").len(), 500);
    assert!(profiles_named(&core, "Bulk Client ")
        .values()
        .all(|n| *n == 1));
}

#[test]
fn rows_are_checked_in_words_and_a_token_never_reaches_the_disk() {
    let core = TestCore::start();
    core.run(sent_app::profiles::refresh_profiles(&core.core, BUILTIN))
        .unwrap();
    let file =
        "Name,Short name,Billing model,Billing contact e-mail,WhatsApp,WABA ID,Token,Country\n\
        Good Client One,GOOD,organization,,inherit,,,\n\
        Short Name Too Long,ABCDEFGHIJKL,organization,,inherit,,,\n\
        Billed Client,,profile,,inherit,,,\n\
        Bad Email Client,,profile,billing@nodomain,inherit,,,\n\
        Good Client One,,organization,,inherit,,,\n\
        Bella Salon,,organization,,inherit,,,\n\
        ,,organization,,inherit,,,\n\
        Own WhatsApp Client,,organization,,direct,104996245590311,EAAGsecret-token-123,\n";
    let read = core
        .run(batch::read_batch_file(
            &core.core,
            BUILTIN,
            "/home/ann/clients/checks.csv".into(),
            file.as_bytes().to_vec(),
        ))
        .unwrap();
    assert_eq!(read.source, "checks.csv", "never the folder");
    assert_eq!(read.mapping[6].as_deref(), Some("access_token"));
    assert_eq!(read.samples.len(), 3);
    let window = core
        .run(batch::start_batch(
            &core.core,
            BUILTIN,
            read.import_id.clone(),
            read.mapping.clone(),
            settings(),
        ))
        .unwrap();
    let rows = &window.rows;
    let problems_of = |row_no: u32| -> Vec<(Option<String>, String)> {
        rows.iter()
            .find(|r| r.row_no == row_no)
            .unwrap()
            .problems
            .iter()
            .map(|p| (p.column.clone(), p.message.clone()))
            .collect()
    };
    // The later row of a name is the duplicate; the first stays ready.
    assert!(
        problems_of(6)
            .iter()
            .any(|(c, m)| c.as_deref() == Some("name") && m.contains("Row 2")),
        "{:?}",
        problems_of(6)
    );
    assert!(problems_of(2).is_empty(), "{:?}", problems_of(2));
    assert!(
        problems_of(3)
            .iter()
            .any(|(c, _)| c.as_deref() == Some("short_name")),
        "{:?}",
        problems_of(3)
    );
    assert!(
        problems_of(4)
            .iter()
            .any(|(c, m)| c.as_deref() == Some("billing_contact.email") || m.contains("billing")),
        "{:?}",
        problems_of(4)
    );
    assert!(
        problems_of(5)
            .iter()
            .any(|(c, m)| c.as_deref() == Some("billing_contact.email") && m.contains("e-mail")),
        "{:?}",
        problems_of(5)
    );
    assert!(
        problems_of(7)
            .iter()
            .any(|(_, m)| m.contains("already exists")),
        "{:?}",
        problems_of(7)
    );
    assert!(
        problems_of(8)
            .iter()
            .any(|(c, _)| c.as_deref() == Some("name")),
        "{:?}",
        problems_of(8)
    );
    let own = rows.iter().find(|r| r.row_no == 9).unwrap();
    assert_eq!(own.state, RowState::Ready, "{:?}", own.problems);
    assert!(own.cells.iter().any(|c| c.contains("held for this run")));
    assert!(!own.cells.iter().any(|c| c.contains("EAAG")));
    assert_eq!(window.batch.counts.ready, 2);

    // Fix rows in place: the short name, and the duplicate renamed.
    let edited = core
        .run(batch::edit_batch_cell(
            &core.core,
            window.batch.id.clone(),
            3,
            "short_name".into(),
            sent_model::SecretString::new("SHORT"),
        ))
        .unwrap();
    assert!(edited
        .rows
        .iter()
        .any(|r| r.row_no == 3 && r.state == RowState::Ready));
    let edited = core
        .run(batch::edit_batch_cell(
            &core.core,
            window.batch.id.clone(),
            6,
            "name".into(),
            sent_model::SecretString::new("Good Client Two"),
        ))
        .unwrap();
    assert!(edited
        .rows
        .iter()
        .any(|r| r.row_no == 6 && r.state == RowState::Ready));
    assert_eq!(edited.counts.ready, 4, "{:?}", edited.rows);
    let ready = core
        .run(batch::batch_window(
            &core.core,
            window.batch.id.clone(),
            BatchFilter::Ready,
            0,
            50,
        ))
        .unwrap();
    assert_eq!(ready.matched, 4);

    // Dry run: Sent answers each ready row, nothing is created.
    let before = core.core.sandbox.census().profiles.len();
    core.run(batch::run_batch(&core.core, window.batch.id.clone(), true))
        .unwrap();
    assert_eq!(core.core.sandbox.census().profiles.len(), before);
    let dry = core
        .run(batch::batch_window(
            &core.core,
            window.batch.id.clone(),
            BatchFilter::Ready,
            0,
            50,
        ))
        .unwrap();
    assert!(
        dry.rows
            .iter()
            .all(|r| r.dry_run.as_ref().is_some_and(|d| d.accepted)),
        "{:?}",
        dry.rows
    );

    // The run: four created, the rest left with their problems.
    let done = core
        .run(batch::run_batch(&core.core, window.batch.id.clone(), false))
        .unwrap();
    assert_eq!(done.counts.created, 4);
    assert_eq!(done.state, "finished");
    let results = core
        .run(batch::export_batch(&core.core, window.batch.id.clone()))
        .unwrap();
    let text = std::fs::read_to_string(&results.path).unwrap();
    assert_eq!(results.rows, 8);
    assert!(text.contains("Created") && text.contains("Has problems"));
    assert!(!text.contains("EAAG"));

    // No token anywhere in the data folder (the database, its WAL, the exports).
    for entry in std::fs::read_dir(&core.dir.path).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes.windows(12).any(|w| w == b"EAAGsecret-t"),
                "the token is in {}",
                path.display()
            );
        }
    }
}
