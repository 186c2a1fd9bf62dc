//! Generated profiles (`--profiles N`, [`crate::SandboxBuilder::generated_profiles`]): N
//! deterministic profiles appended to a seed, varied enough to exercise the app's list at scale:
//! every documented status plus one the app does not know (shown as it is), every billing model,
//! brands own / inherited / none (some own brands submitted to TCR), WhatsApp own / inherited,
//! names 200 characters long, right-to-left (Arabic, Hebrew) and emoji names, creation dates
//! spread over four years.
//!
//! Profile `i` is the same in every run (id, name, flags); only dates are relative to the start.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::brand;
use super::demo::{profile, P};
use crate::store::{BillingContact, State};

const PLACES: [&str; 16] = [
    "Harbor",
    "Maple",
    "Summit",
    "Bright",
    "Cedar",
    "Northern",
    "Golden",
    "Riverside",
    "Blue",
    "Urban",
    "Lakeside",
    "Evergreen",
    "Sunset",
    "Prairie",
    "Coastal",
    "Pioneer",
];
const TRADES: [&str; 12] = [
    "Dental",
    "Pizza",
    "Fitness",
    "Clinic",
    "Salon",
    "Realty",
    "Auto Care",
    "Bakery",
    "Pharmacy",
    "Yoga Studio",
    "Law Office",
    "Vet",
];
const ARABIC: [&str; 4] = [
    "عيادة الأسنان",
    "مطعم البيتزا",
    "صالون الجمال",
    "صيدلية النور",
];
const HEBREW: [&str; 4] = [
    "מרפאת שיניים",
    "פיצה השכונה",
    "סטודיו ליוגה",
    "משרד עורכי דין",
];
const EMOJI: [&str; 4] = [
    "🍕 Pizza Palace 🚀",
    "🦷 Smile Studio ✨",
    "🐾 Happy Paws 🐶",
    "☕ Corner Café 🥐",
];
/// The documented read vocabulary, and one value this app version does not know.
const STATUSES: [&str; 4] = ["incomplete", "pending_review", "approved", "rejected"];
const UNKNOWN_STATUS: &str = "suspended";
const BILLING: [&str; 3] = ["organization", "profile", "profile_and_organization"];
const VERTICALS: [&str; 4] = ["HEALTHCARE", "RETAIL", "PROFESSIONAL", "TECHNOLOGY"];

/// Length of the long names, in characters.
pub const LONG_NAME_CHARS: usize = 200;

/// Appends `n` generated profiles to `state`.
pub(super) fn append(state: &mut State, n: usize, now: DateTime<Utc>) {
    state.profiles.reserve(n);
    for i in 0..n {
        state.profiles.push(generated(i, now));
    }
}

/// SplitMix64: a fixed, well-mixed sequence, so profile `i` never depends on a random source.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A version-4-shaped UUID fixed by `(salt, i)`.
fn uuid(salt: u64, i: usize) -> Uuid {
    let a = mix(salt ^ i as u64);
    let b = mix(a);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&a.to_be_bytes());
    bytes[8..].copy_from_slice(&b.to_be_bytes());
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// The display name of profile `i`: mostly Latin, with long, RTL and emoji ones mixed in.
pub fn name(i: usize) -> String {
    let n = i + 1;
    let pick = |list: &[&str], salt: usize| list[(i / 20 + salt) % list.len()].to_string();
    match i % 20 {
        0 => {
            let mut long = format!("{n} {} {} Group", pick(&PLACES, 0), pick(&TRADES, 0));
            while long.chars().count() < LONG_NAME_CHARS {
                long.push_str(" and Partners of the Greater Metropolitan Area");
            }
            long.chars().take(LONG_NAME_CHARS).collect()
        }
        3 | 13 => format!("{} {n}", pick(&ARABIC, i)),
        7 => format!("{} {n}", pick(&HEBREW, i)),
        11 | 17 => format!("{} {n}", pick(&EMOJI, i)),
        _ => format!(
            "{} {} {n}",
            PLACES[i % PLACES.len()],
            TRADES[(i / PLACES.len()) % TRADES.len()]
        ),
    }
}

fn generated(i: usize, now: DateTime<Utc>) -> crate::store::Profile {
    let r = mix(i as u64 ^ 0x5E17);
    let status = if i % 101 == 50 {
        UNKNOWN_STATUS
    } else {
        STATUSES[(r % 4) as usize]
    };
    let billing = BILLING[((r >> 8) % 3) as usize];
    let brand_mode = (r >> 16) % 3; // 0 own, 1 inherited, 2 none
    let own_waba = (r >> 24) % 2 == 0;
    let bit = |k: u32| (r >> (32 + k)) & 1 == 1;
    let name = name(i);
    let short = (status != "incomplete" || i % 3 != 0).then(|| format!("G{}", i % 1_000_000));
    let waba = format!("3{:014}", i);
    let mut p = profile(
        now,
        0,
        P {
            name: &name,
            short: short.as_deref(),
            description: "Generated profile (sandbox --profiles)",
            status,
            billing,
            inherit: [bit(0), bit(1), brand_mode == 1, bit(2)],
            share: [bit(3), bit(4)],
            waba: own_waba.then_some(waba.as_str()),
        },
    );
    p.id = uuid(0x9E4E_4A7E, i);
    // Spread over about four years, minute resolution.
    let age_minutes = ((r >> 40) % (4 * 365 * 24 * 60)) as i64;
    p.created_at = now - Duration::minutes(age_minutes);
    p.updated_at = Some(p.created_at + Duration::minutes(age_minutes / 3));
    if billing != "organization" {
        p.billing_contact = Some(BillingContact {
            name: Some(format!("Billing {i}")),
            email: Some(format!("billing{i}@generated.example")),
            phone: None,
            address: None,
        });
    }
    if brand_mode == 0 {
        let submitted = bit(5);
        let vertical = VERTICALS[i % VERTICALS.len()];
        let mut b = brand(p.created_at, &name, vertical, bit(6), submitted);
        b.id = uuid(0xB4A4_D000, i).to_string();
        b.tcr_brand_id = submitted.then(|| format!("BG{:05}", i % 100_000));
        p.brand = Some(b);
    }
    p
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::time::Instant;

    use super::*;
    use crate::seed::{build, Seed};

    #[test]
    fn ten_thousand_varied_deterministic_profiles() {
        let now = Utc::now();
        let t = Instant::now();
        let state = build(Seed::Demo, 10_000, None, now);
        println!(
            "seed demo + 10,000 generated profiles (keys included): {:?}",
            t.elapsed()
        );
        let generated = &state.profiles[5..];
        assert_eq!(generated.len(), 10_000);
        assert_eq!(state.keys.len(), 2 + 10_005, "one key per profile");

        let ids: HashSet<_> = state.profiles.iter().map(|p| p.id).collect();
        assert_eq!(ids.len(), 10_005, "ids are unique");
        let names: HashSet<_> = generated.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 10_000, "names are unique");

        let statuses: HashSet<_> = generated.iter().map(|p| p.status.as_str()).collect();
        for s in STATUSES.iter().chain([&UNKNOWN_STATUS]) {
            assert!(statuses.contains(s), "{s}");
        }
        let billing: HashSet<_> = generated.iter().map(|p| p.billing_model.as_str()).collect();
        assert_eq!(billing.len(), 3);
        assert!(generated
            .iter()
            .filter(|p| p.billing_model != "organization")
            .all(|p| p.billing_contact.is_some()));

        let own = generated.iter().filter(|p| p.brand.is_some()).count();
        let inherited = generated.iter().filter(|p| p.inherit_tcr_brand).count();
        let none = generated.len() - own - inherited;
        assert!(
            own > 2000 && inherited > 2000 && none > 2000,
            "{own} {inherited} {none}"
        );
        assert!(generated
            .iter()
            .any(|p| p.brand.as_ref().is_some_and(|b| b.submitted_to_tcr)));
        assert!(generated
            .iter()
            .any(|p| p.brand.as_ref().is_some_and(|b| !b.submitted_to_tcr)));
        let own_waba = generated.iter().filter(|p| p.own_waba.is_some()).count();
        assert!(own_waba > 4000 && own_waba < 6000, "{own_waba}");

        let long = generated
            .iter()
            .filter(|p| p.name.chars().count() == LONG_NAME_CHARS)
            .count();
        assert_eq!(long, 500);
        let has = |range: std::ops::RangeInclusive<char>| {
            generated
                .iter()
                .any(|p| p.name.chars().any(|c| range.contains(&c)))
        };
        assert!(has('\u{0600}'..='\u{06FF}'), "Arabic");
        assert!(has('\u{0590}'..='\u{05FF}'), "Hebrew");
        assert!(has('\u{1F300}'..='\u{1FAFF}'), "emoji");

        let oldest = generated.iter().map(|p| p.created_at).min().unwrap();
        let newest = generated.iter().map(|p| p.created_at).max().unwrap();
        assert!(
            newest - oldest > Duration::days(3 * 365),
            "spread over years"
        );

        // The same profiles in every run (dates aside, which follow the start time).
        let again = build(Seed::Empty, 10_000, None, now);
        for (a, b) in generated.iter().zip(&again.profiles).step_by(97) {
            assert_eq!((a.id, &a.name, &a.status), (b.id, &b.name, &b.status));
            assert_eq!(
                a.brand.as_ref().map(|b| &b.id),
                b.brand.as_ref().map(|b| &b.id)
            );
        }
    }

    #[test]
    fn no_generated_profiles_by_default() {
        let state = build(Seed::Demo, 0, None, Utc::now());
        assert_eq!(state.profiles.len(), 5);
    }
}
