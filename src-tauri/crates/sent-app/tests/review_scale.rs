//! A large list's profiles in review: only so many are followed one by one (the rest come with the
//! list's refresh). Its own test binary: the embedded sandbox's generated profiles are asked for
//! with an environment variable, read when the core starts.

mod support;

use sent_app::reviews::FOLLOWED_FROM_LIST;
use support::{TestCore, BUILTIN};

#[test]
fn a_large_list_follows_at_most_so_many_profiles_in_review() {
    // 1,000 generated profiles: about a quarter of them are pending review.
    std::env::set_var("SENT_PROFILES_SANDBOX_PROFILES", "1000");
    let core = TestCore::start();
    std::env::remove_var("SENT_PROFILES_SANDBOX_PROFILES");
    let updated = core
        .run(sent_app::profiles::refresh_profiles(&core.core, BUILTIN))
        .unwrap();
    assert!(updated.total >= 1000, "{} profiles listed", updated.total);
    let in_review = core.core.lists.peek(BUILTIN, |m| {
        m.statuses_where(|_, status| sent_app::reviews::in_review(status))
            .len()
    });
    assert!(
        in_review > FOLLOWED_FROM_LIST,
        "the seed has {in_review} in review"
    );
    assert_eq!(core.core.reviews.followed(BUILTIN), FOLLOWED_FROM_LIST);
}
