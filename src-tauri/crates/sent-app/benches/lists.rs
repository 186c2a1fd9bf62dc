//! The app's hold on a large list (`cargo bench -p sent-app --bench lists`): a list of 10,000 and
//! 100,000 profiles kept in a real SQLite file, then one profile read again with a change (what
//! opening or saving a profile does): how long the caller waits, and how long until the database
//! holds the new list. Figures are printed, never asserted.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use sent_app::lists::ListModels;
use sent_model::effective::OrganizationSummary;
use sent_model::ProfileDetail;
use sent_views::{DomainLabels, ListQuery, ProfileListModel, ProfileRow};

fn profile(i: usize, name: &str) -> ProfileDetail {
    ProfileDetail {
        id: format!("00000000-0000-4000-8000-{i:012}"),
        name: format!("{name} {i}"),
        short_name: Some(format!("GEN{}", i % 1000)),
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
    let dir = std::env::temp_dir().join(format!("sent-lists-bench-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let (store, _) = sent_store::Store::open(dir.join("app.db")).expect("the database opens");
    let store = Arc::new(Mutex::new(store));
    let lists = ListModels::new(Some(store.clone()));
    let workspace = uuid::Uuid::new_v4();
    let organization = OrganizationSummary::default();
    let model = ProfileListModel::new(
        workspace.to_string(),
        (0..n).map(|i| ProfileRow::new(&profile(i, "Client"), &organization)),
        Some(0),
        true,
        None,
    );
    lists
        .replace(model, workspace)
        .expect("the list is kept in the database");
    let labels = DomainLabels::new();
    let first = ListQuery {
        limit: 60,
        ..ListQuery::default()
    };
    lists.with(workspace, |m| m.query(&first, &labels));

    let (mut waited, mut kept, mut queried) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..7 {
        let changed = profile(round * 97 % n, &format!("Renamed{round}"));
        let t = Instant::now();
        lists.upsert(workspace, &changed, &organization);
        waited.push(ms(t));
        // The list answers a window right after (the screen re-asks on `profiles_updated`).
        let q = Instant::now();
        lists.with(workspace, |m| m.query(&first, &labels));
        queried.push(ms(q));
        lists.flush();
        kept.push(ms(t));
    }
    println!(
        "{n:>7} profiles: a profile changed -> caller goes on median {:6.2} ms, worst {:6.2} ms | next window median {:6.2} ms | database holds the new list median {:6.1} ms",
        median(waited.clone()),
        waited.iter().copied().fold(0.0, f64::max),
        median(queried),
        median(kept),
    );
    drop(lists);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    for n in [10_000, 100_000] {
        run(n);
    }
}
