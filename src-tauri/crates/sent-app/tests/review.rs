//! Submitting for review from a profile's screen: what review needs is read from Sent and named
//! before any submission; a profile in review is not offered one; a ready profile submitted once
//! is then in review or approved. Against the embedded sandbox's demo organization.

mod support;

use sent_app::onboard;
use sent_model::ProfileId;
use support::{TestCore, BUILTIN};

fn profile(core: &TestCore, name: &str) -> ProfileId {
    let id = core
        .core
        .sandbox
        .census()
        .profiles
        .into_iter()
        .find(|p| p.1 == name)
        .unwrap_or_else(|| panic!("{name} is in the demo organization"))
        .0;
    ProfileId::new(id.to_string()).unwrap()
}

#[test]
fn review_needs_are_named_first_and_only_a_ready_profile_is_submitted() {
    let core = TestCore::start();

    let uptown = profile(&core, "Joe's Pizza Uptown");
    let gaps = core
        .run(onboard::review_readiness(
            &core.core,
            BUILTIN,
            uptown.clone(),
        ))
        .unwrap();
    assert!(gaps.can_submit, "{}", gaps.standing);
    assert!(
        gaps.local,
        "the embedded sandbox reports to the app's receiver"
    );
    assert_eq!(
        gaps.missing.keys().collect::<Vec<_>>(),
        ["short_name"],
        "{:?}",
        gaps.missing
    );
    // The submission itself refuses the same gap, naming the same field, and sends nothing.
    let refused = core
        .run(onboard::submit_profile(
            &core.core,
            BUILTIN,
            uptown,
            None,
            uuid::Uuid::new_v4().to_string(),
        ))
        .unwrap_err();
    assert!(refused.fields.unwrap().contains_key("short_name"));

    let northwind = profile(&core, "Northwind Clinics");
    let in_review = core
        .run(onboard::review_readiness(&core.core, BUILTIN, northwind))
        .unwrap();
    assert!(!in_review.can_submit);
    assert!(
        in_review.standing.starts_with("In review"),
        "{}",
        in_review.standing
    );
    assert!(in_review.missing.is_empty());

    let tenant = profile(&core, "Tenant Co");
    let ready = core
        .run(onboard::review_readiness(
            &core.core,
            BUILTIN,
            tenant.clone(),
        ))
        .unwrap();
    assert!(
        ready.can_submit && ready.missing.is_empty(),
        "{:?}",
        ready.missing
    );
    assert_eq!(ready.row.status, "incomplete");
    let key = uuid::Uuid::new_v4().to_string();
    core.run(onboard::submit_profile(
        &core.core,
        BUILTIN,
        tenant.clone(),
        None,
        key.clone(),
    ))
    .unwrap();
    // The same submission again (a retry with its key) is answered, not made twice.
    core.run(onboard::submit_profile(
        &core.core,
        BUILTIN,
        tenant.clone(),
        None,
        key,
    ))
    .unwrap();
    // Sent settles the review on its own time: read again until it has moved (as the app's
    // follower does), for at most 30 s.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let after = loop {
        let now = core
            .run(onboard::review_readiness(
                &core.core,
                BUILTIN,
                tenant.clone(),
            ))
            .unwrap();
        if now.row.status != "incomplete" || std::time::Instant::now() > deadline {
            break now;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    assert!(!after.can_submit, "{}", after.standing);
    assert!(
        matches!(after.row.status.as_str(), "approved" | "pending_review"),
        "{}",
        after.row.status
    );
}
