//! The profile list model at 10,000 and 100,000 profiles (`cargo bench -p sent-views`): building it,
//! storing and reading back its compact form, the first window, a search typed one letter at a
//! time, a sort, scrolling, and the palette's keystrokes. Figures are printed, never asserted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Instant;

/// Counts the bytes held on the heap, so the bench can print what the model itself keeps.
struct Counting;

static HELD: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HELD.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: same layout, forwarded.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: the pointer came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        HELD.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        // SAFETY: the pointer came from this allocator with this layout.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn held_mb() -> f64 {
    HELD.load(Ordering::Relaxed) as f64 / 1e6
}

use sent_model::effective::OrganizationSummary;
use sent_model::{BillingModel, ProfileDetail, ProfileStatus};
use sent_views::list::{ListQuery, ProfileListModel, SortDirection, SortKey, StoredList};
use sent_views::{DomainLabels, ProfileRow};

const NAMES: [&str; 8] = [
    "Corner Café",
    "Joe's Pizza",
    "Northwind Clinic",
    "Bella Salon",
    "Zürich Dental",
    "Acme Retail",
    "Sunrise Yoga",
    "Harbor Books",
];

fn profile(i: usize) -> ProfileDetail {
    ProfileDetail {
        id: format!("00000000-0000-4000-8000-{i:012}"),
        name: format!("{} {i}", NAMES[i % NAMES.len()]),
        short_name: Some(format!("GEN{}", i % 1000)),
        status: if i % 7 == 0 {
            ProfileStatus::PendingReview
        } else {
            ProfileStatus::Approved
        },
        billing_model: if i % 3 == 0 {
            BillingModel::Profile
        } else {
            BillingModel::Organization
        },
        inherit_tcr_brand: true,
        waba_id: Some("WABA-1".into()),
        ..ProfileDetail::default()
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[(xs.len() - 1) / 2]
}

fn run(n: usize) {
    let labels = DomainLabels::new();
    let organization = OrganizationSummary {
        has_waba: true,
        waba_id: None,
        has_brand: false,
    };
    let base = held_mb();
    let profiles: Vec<_> = (0..n).map(profile).collect();
    let before_model = held_mb();
    let t = Instant::now();
    let mut model = ProfileListModel::new(
        "ws",
        profiles.iter().map(|p| ProfileRow::new(p, &organization)),
        Some(0),
        true,
        None,
    );
    let build = ms(t);
    let model_mb = held_mb() - before_model;
    drop(profiles);
    let t = Instant::now();
    let stored = serde_json::to_string(&model.stored()).unwrap();
    let store = ms(t);
    let t = Instant::now();
    let back: StoredList = serde_json::from_str(&stored).unwrap();
    let mut read = ProfileListModel::from_stored("ws", back).unwrap();
    let load = ms(t);
    let t = Instant::now();
    let first = read.query(
        &ListQuery {
            limit: 60,
            ..ListQuery::default()
        },
        &labels,
    );
    let first_window = ms(t);
    let window_bytes = serde_json::to_string(&first).unwrap().len();

    // A search typed one letter at a time, then erased, as the app asks (60 rows each).
    let typed = "corner caf 12";
    let mut keystrokes = Vec::new();
    for end in (1..=typed.len()).chain((1..typed.len()).rev()) {
        let search = typed[..end].to_string();
        let t = Instant::now();
        let w = model.query(
            &ListQuery {
                search,
                limit: 60,
                ..ListQuery::default()
            },
            &labels,
        );
        keystrokes.push(ms(t));
        assert!(w.rows.len() <= 60);
    }
    let t = Instant::now();
    model.query(
        &ListQuery {
            sort: SortKey::Created,
            direction: SortDirection::Desc,
            limit: 60,
            ..ListQuery::default()
        },
        &labels,
    );
    let sort = ms(t);
    let mut scrolls = Vec::new();
    for page in 0..50u32 {
        let t = Instant::now();
        model.query(
            &ListQuery {
                sort: SortKey::Created,
                direction: SortDirection::Desc,
                offset: page * 997 % n as u32,
                limit: 140,
                ..ListQuery::default()
            },
            &labels,
        );
        scrolls.push(ms(t));
    }
    let mut palette = Vec::new();
    for end in 1..=typed.len() {
        let t = Instant::now();
        model.palette(&typed[..end], 50);
        palette.push(ms(t));
    }
    println!(
        "{n:>7} profiles: build {build:7.1} ms | store {store:6.1} ms ({:.1} MB) | read back {load:6.1} ms | first window {first_window:5.2} ms ({:.1} KB) | keystroke median {:5.2} ms, worst {:5.2} ms | new sort {sort:6.1} ms | scroll median {:5.3} ms | palette keystroke median {:5.2} ms, worst {:5.2} ms",
        stored.len() as f64 / 1e6,
        window_bytes as f64 / 1e3,
        median(keystrokes.clone()),
        keystrokes.iter().cloned().fold(0.0, f64::max),
        median(scrolls),
        median(palette.clone()),
        palette.iter().cloned().fold(0.0, f64::max),
    );
    drop(read);
    drop(stored);
    let before_board = held_mb();
    board(&mut model, n);
    println!(
        "{n:>7} profiles, heap held by the model: rows {model_mb:6.1} MB ({:.0} bytes a profile) | after searches, sorts and the palette {:6.1} MB | after the board {:6.1} MB",
        model_mb * 1e6 / n as f64,
        before_board - base,
        held_mb() - base,
    );
}

/// The compliance board on the same model: its first window (every row's next action, sorted by
/// what needs attention), each next-action filter, a search, and a campaign count set.
fn board(model: &mut ProfileListModel, n: usize) {
    use sent_views::board::{board_window, CampaignCount, NextKind};
    use sent_views::BoardQuery;
    let window = |model: &mut ProfileListModel, query: &BoardQuery| {
        let matches = model.board_matches(query);
        board_window(String::new(), &[matches], query, |_, i| {
            model.board_row(i, 0, &|_| None, false)
        })
    };
    let t = Instant::now();
    let first = window(
        model,
        &BoardQuery {
            limit: 60,
            ..BoardQuery::default()
        },
    );
    let first_ms = ms(t);
    let mut filters = Vec::new();
    for kind in NextKind::ALL {
        let t = Instant::now();
        window(
            model,
            &BoardQuery {
                next: Some(kind),
                limit: 60,
                ..BoardQuery::default()
            },
        );
        filters.push(ms(t));
    }
    let t = Instant::now();
    window(
        model,
        &BoardQuery {
            search: "zürich 12".into(),
            limit: 60,
            ..BoardQuery::default()
        },
    );
    let search = ms(t);
    let ids: Vec<String> = first.rows.iter().map(|r| r.id.clone()).collect();
    let t = Instant::now();
    for id in &ids {
        model.set_campaigns(
            id,
            CampaignCount {
                count: 1,
                active: 1,
                read_at: 1,
            },
        );
    }
    let set = ms(t) / ids.len().max(1) as f64;
    println!(
        "{n:>7} profiles, board: first window {first_ms:6.2} ms | next-action filter median {:6.2} ms, worst {:6.2} ms | search {search:6.2} ms | campaign count set {set:6.3} ms",
        median(filters.clone()),
        filters.iter().cloned().fold(0.0, f64::max),
    );
}

fn main() {
    for n in [10_000, 100_000] {
        run(n);
    }
}
