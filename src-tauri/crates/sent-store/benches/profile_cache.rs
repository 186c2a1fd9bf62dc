//! Time to write and read back 10,000 cached profiles (`cargo bench -p sent-store`), and a list
//! refresh's writes at 10,000 and 100,000 profiles (staged in batches of 500 as the list streams
//! in, then put in place of the cached list). Figures are printed, never asserted: they depend on
//! the machine.

use std::time::Instant;

use sent_model::{BillingModel, BrandDetail, ProfileDetail, ProfileStatus};
use sent_store::Store;

fn profile(i: usize) -> ProfileDetail {
    ProfileDetail {
        id: format!("00000000-0000-4000-8000-{i:012}"),
        organization_id: Some("org-1".into()),
        name: format!("Generated profile {i}"),
        description: Some("Appointment reminders and customer care".into()),
        short_name: Some(format!("GEN{}", i % 1000)),
        status: ProfileStatus::Approved,
        billing_model: BillingModel::Organization,
        inherit_tcr_brand: true,
        waba_id: Some("WABA-1".into()),
        brand: Some(BrandDetail {
            id: format!("brand-{i}"),
            is_inherited: true,
            ..BrandDetail::default()
        }),
        ..ProfileDetail::default()
    }
}

/// A refresh's writes as `refresh_profiles` makes them: the batches, then the swap.
fn refresh(n: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("refresh.db");
    let (mut store, _) = Store::open(&path).expect("open");
    let profiles: Vec<_> = (0..n).map(profile).collect();
    for round in 1..=2 {
        let t = Instant::now();
        store.begin_profile_refresh("ws").expect("begin");
        for (b, batch) in profiles.chunks(500).enumerate() {
            store.stage_profiles("ws", b * 500, batch).expect("stage");
        }
        let staged = t.elapsed();
        let t = Instant::now();
        store
            .finish_profile_refresh("ws", true, None)
            .expect("finish");
        let finished = t.elapsed();
        println!(
            "refresh of {n} profiles, round {round}: staged in batches {:>7.0} ms, put in place {:>7.0} ms; file {} MB",
            staged.as_secs_f64() * 1e3,
            finished.as_secs_f64() * 1e3,
            std::fs::metadata(&path).map(|m| m.len() / 1_000_000).unwrap_or(0)
        );
    }
}

fn main() {
    for n in [10_000, 100_000] {
        refresh(n);
    }
    let n = 10_000;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let profiles: Vec<_> = (0..n).map(profile).collect();
    let (mut store, _) = Store::open(&path).expect("open");
    for round in 1..=3 {
        let t = Instant::now();
        store
            .replace_profiles("ws", &profiles, true, None)
            .expect("write");
        let write = t.elapsed();
        let t = Instant::now();
        let cached = store.cached_profiles("ws").expect("read").expect("cached");
        let read = t.elapsed();
        assert_eq!(cached.profiles.len(), n);
        println!(
            "round {round}: write {n} profiles {:>7.1} ms, read {:>7.1} ms",
            write.as_secs_f64() * 1e3,
            read.as_secs_f64() * 1e3
        );
    }
    drop(store);
    let t = Instant::now();
    let (store, _) = Store::open(&path).expect("reopen");
    let cached = store.cached_profiles("ws").expect("read").expect("cached");
    println!(
        "cold open (integrity check) + read {} profiles: {:.1} ms; file {} KiB",
        cached.profiles.len(),
        t.elapsed().as_secs_f64() * 1e3,
        std::fs::metadata(&path)
            .map(|m| m.len() / 1024)
            .unwrap_or(0)
    );
}
