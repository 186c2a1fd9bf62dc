//! Submitting for review from a profile's screen: what review needs is read from Sent and named
//! before any submission; a profile in review is not offered one; a ready profile submitted once
//! is then in review or approved. Against the embedded sandbox's demo organization.

mod support;

use sent_app::onboard;
use sent_model::ProfileId;
use support::{profile, TestCore, BUILTIN};

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

/// Waits (at most `secs`) for a `review_settled` event about `profile`, and answers it.
fn settled(core: &TestCore, profile: &ProfileId, secs: u64) -> Option<serde_json::Value> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        let found = core
            .events
            .0
            .lock()
            .unwrap()
            .iter()
            .find(|(e, p)| {
                *e == sent_app::AppEvent::ReviewSettled && p["profile_id"] == profile.as_str()
            })
            .map(|(_, p)| p.clone());
        if found.is_some() || std::time::Instant::now() > deadline {
            return found;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// The sandbox's test hook: Sent moves the profile's status (as its review would).
fn set_status(core: &TestCore, profile: &ProfileId, status: &str) {
    let id = uuid::Uuid::parse_str(profile.as_str()).unwrap();
    assert!(core.core.sandbox.set_profile_status(id, status));
}

#[test]
fn review_is_followed_to_the_end_with_a_notice() {
    let core = TestCore::start();
    let northwind = profile(&core, "Northwind Clinics");
    let tenant = profile(&core, "Tenant Co");

    // The list's refresh (as at start) follows the profile already in review.
    core.run(sent_app::profiles::refresh_profiles(&core.core, BUILTIN))
        .unwrap();
    assert!(core.core.reviews.is_followed(BUILTIN, northwind.as_str()));
    assert!(!core.core.reviews.is_followed(BUILTIN, tenant.as_str()));

    // A submission is followed past the dialog: Tenant Co goes to review, and stays followed.
    core.run(onboard::submit_profile(
        &core.core,
        BUILTIN,
        tenant.clone(),
        None,
        uuid::Uuid::new_v4().to_string(),
    ))
    .unwrap();
    assert!(core.core.reviews.is_followed(BUILTIN, tenant.as_str()));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while core
        .core
        .lists
        .with(BUILTIN, |m| m.row(tenant.as_str()))
        .is_none_or(|r| r.status != "pending_review")
    {
        assert!(
            std::time::Instant::now() < deadline,
            "Tenant Co never reached review"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        settled(&core, &tenant, 0).is_none(),
        "review has not ended yet"
    );

    // Sent approves it: the follower's next read settles it, with a notice, and stops.
    set_status(&core, &tenant, "approved");
    let notice = settled(&core, &tenant, 30).expect("a notice of the approval");
    assert_eq!(notice["title"], "Tenant Co was approved");
    assert_eq!(notice["approved"], true);
    assert_eq!(
        core.core
            .lists
            .with(BUILTIN, |m| m.row(tenant.as_str()))
            .unwrap()
            .status,
        "approved",
        "the list follows"
    );
    assert!(!core.core.reviews.is_followed(BUILTIN, tenant.as_str()));

    // Sent rejects Northwind: a refresh of the list (it reads every status) settles it at once.
    set_status(&core, &northwind, "rejected");
    core.run(sent_app::profiles::refresh_profiles(&core.core, BUILTIN))
        .unwrap();
    let notice = settled(&core, &northwind, 5).expect("a notice of the rejection");
    assert_eq!(notice["title"], "Northwind Clinics was rejected");
    assert!(notice["body"].as_str().unwrap().contains("submit it again"));
    assert!(!core.core.reviews.is_followed(BUILTIN, northwind.as_str()));
    // Kept for the window, newest first; dismissing forgets one.
    let kept = core.core.reviews.notices();
    assert_eq!(
        kept.iter().map(|n| n.title.as_str()).collect::<Vec<_>>(),
        ["Northwind Clinics was rejected", "Tenant Co was approved"]
    );
    core.core.reviews.dismiss(kept[0].id);
    assert_eq!(core.core.reviews.notices().len(), 1);

    // Submitted again: Sent shows "rejected" until its review job takes the submission up, and
    // that is not the new submission's outcome (no second rejection, the follow goes on).
    core.run(onboard::submit_profile(
        &core.core,
        BUILTIN,
        northwind.clone(),
        None,
        uuid::Uuid::new_v4().to_string(),
    ))
    .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while core
        .core
        .lists
        .with(BUILTIN, |m| m.row(northwind.as_str()))
        .is_none_or(|r| r.status == "rejected")
    {
        assert!(
            std::time::Instant::now() < deadline,
            "Northwind's new submission was never taken up"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let rejections = core
        .events
        .0
        .lock()
        .unwrap()
        .iter()
        .filter(|(e, p)| {
            *e == sent_app::AppEvent::ReviewSettled
                && p["profile_id"] == northwind.as_str()
                && p["approved"] == false
        })
        .count();
    assert_eq!(
        rejections, 1,
        "the old status was taken for the new submission's outcome"
    );
}
