//! The fault campaign: more than 200 writes (creates, updates, campaign writes, test sends and
//! submissions) through the use cases, without Tauri, against the embedded sandbox while at least
//! a fifth of its requests are faulted: answers lost after the write was committed, answers cut
//! short (a 2xx no client can read), 500s and 503s, bursts of 429 with Retry-After, and latency.
//! The test plays the window: a failure whose outcome is unknown (or that did not happen) is
//! retried as the same action with the same Idempotency-Key, as the screens offer; a refusal is
//! reported with its reason and not retried. Afterwards, with the faults off, it counts what the
//! sandbox holds: every intended write applied exactly once or refused with a reason, no duplicate
//! profile, campaign or message, and no refused draft lost.

// One error shape for every use case (see sent_app::AppError).
#![allow(clippy::result_large_err)]

mod support;

use std::collections::BTreeMap;

use sent_app::{campaigns, edit, onboard, profiles, sends, AppError, ErrorKind};
use sent_model::{CampaignData, ProfileId};
use sent_sandbox::{FaultCounts, Faults};
use support::{TestCore, BUILTIN};

const CREATES: usize = 64;
const BAD_CREATES: usize = 6;
const UPDATES: usize = 50;
const CAMPAIGN_WRITES: usize = 30;
const SENDS: usize = 40;
const SUBMITS: usize = 20;
/// Attempts of one action before the test gives up on it (the window would keep offering the
/// retry; a write still failing after this many is a failure of the test).
const ATTEMPTS: usize = 15;

#[derive(Default, Debug)]
struct Tally {
    applied: usize,
    refused: usize,
    retries: usize,
    outcome_unknown: usize,
}

/// Whether the window offers to try the same action again with the same key: the write may have
/// happened (outcome unknown) or surely did not (not applied); a read on the way failed for a
/// passing reason.
fn worth_retrying(error: &AppError) -> bool {
    error.reuse_key()
        || (error.outcome.is_none()
            && matches!(
                error.kind,
                ErrorKind::ServerError
                    | ErrorKind::ServiceUnavailable
                    | ErrorKind::RateLimited
                    | ErrorKind::Timeout
                    | ErrorKind::Unreachable
                    | ErrorKind::Network
                    | ErrorKind::BadResponse
            ))
}

/// Runs one logical action until it is applied or refused.
fn act<T>(
    core: &TestCore,
    tally: &mut Tally,
    faults: &Faults,
    what: &str,
    mut attempt: impl FnMut() -> Result<T, AppError>,
) -> Result<T, AppError> {
    // The action meets its burst, lost or unreadable answer once; its retries meet the base rates.
    core.core.sandbox.set_faults(faults.clone());
    for n in 0..ATTEMPTS {
        let started = std::time::Instant::now();
        let result = attempt();
        if started.elapsed() > std::time::Duration::from_secs(2) {
            eprintln!(
                "slow {what}: {:?} {:?}",
                started.elapsed(),
                result.as_ref().err()
            );
        }
        match result {
            Ok(value) => {
                tally.applied += 1;
                return Ok(value);
            }
            Err(error) if worth_retrying(&error) => {
                tally.retries += 1;
                if error.outcome_unknown() {
                    tally.outcome_unknown += 1;
                }
                assert!(
                    n + 1 < ATTEMPTS,
                    "{what}: still failing after {ATTEMPTS} attempts: {error:?}"
                );
            }
            Err(error) => {
                assert!(!error.message.is_empty(), "{what}: a refusal says why");
                tally.refused += 1;
                return Err(error);
            }
        }
    }
    unreachable!()
}

/// The faults of the `i`-th action: a base rate of 500s and 503s with latency, and in turn a lost
/// answer, an unreadable answer or a burst of 429s.
fn faults_for(i: usize) -> Faults {
    Faults {
        latency_ms: 2,
        error_500_rate: 0.12,
        error_503_rate: 0.06,
        rate_limit_storm: u32::from(i % 15 == 4),
        drop_after_commit: u32::from(i % 4 == 0),
        garble_after_commit: u32::from(i % 4 == 1),
    }
}

fn profile_id(core: &TestCore, name: &str) -> uuid::Uuid {
    core.core
        .sandbox
        .census()
        .profiles
        .into_iter()
        .find(|p| p.1 == name)
        .unwrap_or_else(|| panic!("no profile named {name}"))
        .0
}

#[test]
fn two_hundred_writes_under_faults_apply_once_or_are_refused_with_a_reason() {
    let core = TestCore::start();
    let sandbox = &core.core.sandbox;
    // Sent's own limits (10 submissions a minute) would only make the run wait: the campaign's
    // bursts of 429 with Retry-After stand for them.
    sandbox.set_rate_limits(None);
    core.run(profiles::refresh_profiles(&core.core, BUILTIN))
        .expect("the list loads");
    let before = sandbox.census();
    let tenant = profile_id(&core, "Tenant Co");
    let bella = profile_id(&core, "Bella Salon");
    let reminder = core
        .run(sends::send_options(&core.core, BUILTIN, bella))
        .expect("send options")
        .templates
        .into_iter()
        .find(|t| t.name == "visit_reminder")
        .expect("Bella's reminder template");
    let counts_before: FaultCounts = sandbox.fault_counts();
    let mut tally = Tally::default();
    let mut action = 0usize;
    let mut next = || {
        action += 1;
        faults_for(action)
    };

    let mut clock = std::time::Instant::now();
    let mut phases = Vec::new();
    // Creates: agency clients with their own WhatsApp account, each draft kept before its create
    // (as the wizard keeps it), and six drafts with a short name too long for Sent.
    let mut created = Vec::new();
    let mut refused_drafts = Vec::new();
    for i in 0..CREATES + BAD_CREATES {
        let bad = i >= CREATES;
        let mut draft = core
            .run(onboard::start_onboarding(&core.core, Some("agency".into())))
            .unwrap()
            .draft;
        draft.profile.name = format!("Fault client {i:03}");
        draft.profile.short_name = Some(if bad {
            "TwelveChars1".into()
        } else {
            "Fault".into()
        });
        draft.profile.description = Some("Created under faults".into());
        draft.waba_id = Some("204400000000001".into());
        core.run(onboard::save_onboarding_draft(
            &core.core,
            BUILTIN,
            draft.clone(),
        ))
        .expect("the draft is kept");
        let faults = next();
        let result = act(&core, &mut tally, &faults, "create", || {
            core.run(onboard::create_profile(
                &core.core,
                BUILTIN,
                draft.clone(),
                onboard::OnboardingSecrets {
                    access_token: Some("EAAG-fault-campaign-token-0123456789".into()),
                    payment: None,
                },
                false,
            ))
        });
        match result {
            Ok(outcome) => {
                let view = outcome.view.expect("a created profile's screen");
                created.push((
                    draft.profile.name.clone(),
                    ProfileId::new(view.profile.id.clone()).unwrap(),
                ));
            }
            Err(error) => {
                assert!(bad, "{} was refused: {error:?}", draft.profile.name);
                assert!(
                    error
                        .fields
                        .as_ref()
                        .is_some_and(|f| f.contains_key("short_name")),
                    "the refusal names the field: {error:?}"
                );
                refused_drafts.push(draft.id.clone());
            }
        }
    }
    assert_eq!(created.len(), CREATES);

    phases.push(("creates", clock.elapsed().as_millis()));
    clock = std::time::Instant::now();
    // Updates: a new description on each of the first fifty, one key per save.
    for (i, (_, id)) in created.iter().take(UPDATES).enumerate() {
        let detail = core
            .run(edit::profile_detail(&core.core, BUILTIN, id.clone()))
            .expect("the created profile is cached");
        let mut draft = detail.profile.clone();
        draft.description = Some(format!("Updated under faults {i:03}"));
        let key = uuid::Uuid::new_v4().to_string();
        let faults = next();
        act(&core, &mut tally, &faults, "update", || {
            core.run(edit::save_profile(
                &core.core,
                BUILTIN,
                id.clone(),
                draft.clone(),
                None,
                false,
                key.clone(),
            ))
        })
        .expect("an update is applied");
    }

    phases.push(("updates", clock.elapsed().as_millis()));
    clock = std::time::Instant::now();
    // Campaign writes: thirty new campaigns of Tenant Co (which keeps its own).
    for i in 0..CAMPAIGN_WRITES {
        let campaign: CampaignData = serde_json::from_value(serde_json::json!({
            "name": format!("Fault campaign {i:03}"),
            "description": "Appointment reminders",
            "type": "App",
            "useCases": [{ "messagingUseCaseUs": "ACCOUNT_NOTIFICATION",
                           "sampleMessages": ["Your appointment is tomorrow at 10"] }]
        }))
        .unwrap();
        let key = uuid::Uuid::new_v4().to_string();
        let faults = next();
        act(&core, &mut tally, &faults, "campaign", || {
            core.run(campaigns::save_campaign(
                &core.core,
                BUILTIN,
                ProfileId::new(tenant.to_string()).unwrap(),
                None,
                campaign.clone(),
                key.clone(),
            ))
        })
        .expect("a campaign is created");
    }

    phases.push(("campaigns", clock.elapsed().as_millis()));
    clock = std::time::Instant::now();
    // Test sends: forty reminders as Bella Salon, one key per Send.
    let mut messages = 0;
    for i in 0..SENDS {
        let draft = sends::SendDraft {
            template_id: Some(reminder.id.clone()),
            variables: BTreeMap::from([
                ("first_name".into(), format!("Client {i}")),
                ("time".into(), "10:00".into()),
            ]),
            recipients: vec!["+14155550123".into()],
            channel: None,
            sandbox: false,
        };
        let key = uuid::Uuid::new_v4().to_string();
        let faults = next();
        let sent = act(&core, &mut tally, &faults, "send", || {
            core.run(sends::quick_send(
                &core.core,
                BUILTIN,
                bella,
                draft.clone(),
                key.clone(),
            ))
        })
        .expect("a send is accepted");
        messages += sent.messages.len();
    }

    phases.push(("sends", clock.elapsed().as_millis()));
    clock = std::time::Instant::now();
    // Submissions for review: twenty of the created clients.
    for (_, id) in created.iter().skip(CREATES - SUBMITS) {
        let key = uuid::Uuid::new_v4().to_string();
        let faults = next();
        act(&core, &mut tally, &faults, "submit", || {
            core.run(onboard::submit_profile(
                &core.core,
                BUILTIN,
                id.clone(),
                None,
                key.clone(),
            ))
        })
        .expect("a submission is accepted");
    }

    phases.push(("submits", clock.elapsed().as_millis()));
    let counts_after = sandbox.fault_counts();
    sandbox.set_faults(Faults::default());
    let requests = counts_after.requests - counts_before.requests;
    let faulted = counts_after.faulted - counts_before.faulted;
    let writes = CREATES + BAD_CREATES + UPDATES + CAMPAIGN_WRITES + SENDS + SUBMITS;
    println!(
        "fault campaign: {writes} writes, {} applied, {} refused, {} retried by the window ({} outcome unknown); \
         {requests} requests to the sandbox, {faulted} faulted ({:.0}%)",
        tally.applied,
        tally.refused,
        tally.retries,
        tally.outcome_unknown,
        100.0 * faulted as f64 / requests as f64
    );
    println!("fault campaign: ms per phase {phases:?}");
    assert!(writes >= 200);
    assert_eq!(tally.applied + tally.refused, writes);
    assert_eq!(tally.refused, BAD_CREATES);
    assert!(
        faulted * 5 >= requests,
        "at least a fifth of the requests faulted: {faulted} of {requests}"
    );
    assert!(
        tally.outcome_unknown > 0,
        "some answers were lost or unreadable"
    );

    // What the sandbox holds, once its review jobs are due (sandbox time moves on).
    core.run(sandbox.advance_clock(std::time::Duration::from_secs(600)));
    let after = sandbox.census();
    for i in 0..CREATES + BAD_CREATES {
        let name = format!("Fault client {i:03}");
        let n = after.profiles.iter().filter(|p| p.1 == name).count();
        assert_eq!(n, usize::from(i < CREATES), "{name}: {n} profiles");
    }
    assert_eq!(after.profiles.len(), before.profiles.len() + CREATES);
    for (i, (name, id)) in created.iter().take(UPDATES).enumerate() {
        let profile = after
            .profiles
            .iter()
            .find(|p| p.0.to_string() == id.as_str())
            .unwrap();
        assert_eq!(
            profile.2.as_deref(),
            Some(format!("Updated under faults {i:03}").as_str()),
            "{name}"
        );
    }
    for i in 0..CAMPAIGN_WRITES {
        let name = format!("Fault campaign {i:03}");
        let n = after
            .campaigns
            .iter()
            .filter(|(owner, n)| *owner == Some(tenant) && *n == name)
            .count();
        assert_eq!(n, 1, "{name}: {n} campaigns");
    }
    assert_eq!(messages, SENDS, "one message per send");
    assert_eq!(
        after.messages,
        before.messages + SENDS,
        "no message sent twice"
    );
    for (name, id) in created.iter().skip(CREATES - SUBMITS) {
        let profile = after
            .profiles
            .iter()
            .find(|p| p.0.to_string() == id.as_str())
            .unwrap();
        assert_ne!(profile.3, "incomplete", "{name} was submitted");
    }

    // No draft lost: every refused draft is still there to fix.
    let kept = core
        .run(onboard::onboarding_drafts(&core.core, BUILTIN))
        .unwrap();
    for id in &refused_drafts {
        assert!(
            kept.iter().any(|d| d.id == *id),
            "the refused draft {id} was kept"
        );
    }
}
