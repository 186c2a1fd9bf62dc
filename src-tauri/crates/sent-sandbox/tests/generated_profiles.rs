//! `--profiles N` over HTTP: a sandbox with 10,000 generated profiles starts quickly and answers
//! `GET /v3/profiles` with all of them, unpaged (contract §19: the seed revision does not page).

mod common;

use std::time::Instant;

use common::*;

#[tokio::test]
async fn ten_thousand_generated_profiles_are_listed() {
    let t = Instant::now();
    let t_ = start_with(builder().generated_profiles(10_000)).await;
    println!(
        "start with demo + 10,000 generated profiles: {:?}",
        t.elapsed()
    );

    let t0 = Instant::now();
    let r = t_.get("/v3/profiles").await;
    println!("GET /v3/profiles (10,005 profiles): {:?}", t0.elapsed());
    assert_eq!(r.status, 200, "{}", r.body);
    let profiles = r.body["data"]["profiles"].as_array().expect("profiles");
    assert_eq!(profiles.len(), 10_005);
    assert!(r.body["data"].get("pagination").is_none(), "unpaged");

    let with =
        |pred: &dyn Fn(&serde_json::Value) -> bool| profiles.iter().filter(|p| pred(p)).count();
    assert!(with(&|p| p["brand"]["is_inherited"] == true) > 1000);
    assert!(with(&|p| p["brand"]["is_inherited"] == false) > 1000);
    assert!(with(&|p| p["brand"].is_null()) > 1000);
    assert!(with(&|p| p["brand"]["submitted_to_tcr"] == true) > 100);
    assert!(
        with(&|p| p["status"] == "suspended") > 0,
        "an unknown status, shown as it is"
    );
    assert!(with(&|p| p["name"].as_str().is_some_and(|n| n.chars().count() == 200)) > 0);

    // Every generated profile has its own key, and it works.
    let keys = t_.sb.keys();
    assert_eq!(keys.profiles.len(), 10_005);
    t_.sb.shutdown().await;
}

#[tokio::test]
async fn the_empty_seed_takes_generated_profiles_too() {
    let t_ = start_with(
        builder()
            .seed(sent_sandbox::Seed::Empty)
            .generated_profiles(25),
    )
    .await;
    let r = t_.get("/v3/profiles").await;
    let profiles = r.body["data"]["profiles"].as_array().expect("profiles");
    assert_eq!(profiles.len(), 25);
    // Without an organization WABA or brand, only own ones are in effect.
    assert!(profiles
        .iter()
        .all(|p| p["brand"].is_null() || p["brand"]["is_inherited"] == false));
    t_.sb.shutdown().await;
}
