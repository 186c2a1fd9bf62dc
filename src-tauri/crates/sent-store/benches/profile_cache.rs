//! Time to write and read back 10,000 cached profiles (`cargo bench -p sent-store`). Figures are
//! printed, never asserted: they depend on the machine.

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

fn main() {
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
