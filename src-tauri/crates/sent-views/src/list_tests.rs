use super::*;
use sent_model::effective::OrganizationSummary;
use sent_model::ProfileDetail;

fn row(id: &str, name: &str, status: &str, created: Option<&str>) -> ProfileRow {
    let mut json = serde_json::json!({ "id": id, "name": name, "status": status, "billing_model": "organization" });
    if let Some(at) = created {
        json["created_at"] = at.into();
    }
    let p: ProfileDetail = serde_json::from_value(json).unwrap();
    ProfileRow::new(&p, &OrganizationSummary::default())
}

fn model() -> ProfileListModel {
    ProfileListModel::new(
        "ws",
        vec![
            row(
                "id-10",
                "Profile 10",
                "approved",
                Some("2026-01-03T00:00:00Z"),
            ),
            row("id-2", "profile 2", "incomplete", None),
            row(
                "id-c",
                "Crème Brûlée",
                "approved",
                Some("2026-01-01T00:00:00Z"),
            ),
            row(
                "id-a",
                "Acme Retail",
                "on_hold",
                Some("2026-01-02T00:00:00Z"),
            ),
        ],
        Some(1),
        true,
        None,
    )
}

fn ids(window: &ListWindow) -> Vec<&str> {
    window.rows.iter().map(|r| r.id.as_str()).collect()
}

fn ask(model: &mut ProfileListModel, change: impl FnOnce(&mut ListQuery)) -> ListWindow {
    let mut query = ListQuery::default();
    change(&mut query);
    model.query(&query, &DomainLabels::new())
}

#[test]
fn names_sort_as_people_read_them_and_desc_reverses() {
    let mut m = model();
    assert_eq!(ids(&ask(&mut m, |_| {})), ["id-a", "id-c", "id-2", "id-10"]);
    assert_eq!(
        ids(&ask(&mut m, |q| q.direction = SortDirection::Desc)),
        ["id-10", "id-2", "id-c", "id-a"]
    );
}

#[test]
fn created_order_puts_profiles_without_a_time_last_either_way() {
    let mut m = model();
    let newest = ask(&mut m, |q| {
        q.sort = SortKey::Created;
        q.direction = SortDirection::Desc;
    });
    assert_eq!(ids(&newest), ["id-10", "id-a", "id-c", "id-2"]);
    let oldest = ask(&mut m, |q| q.sort = SortKey::Created);
    assert_eq!(ids(&oldest), ["id-c", "id-a", "id-10", "id-2"]);
}

#[test]
fn search_ignores_case_and_accents_and_filters_combine() {
    let mut m = model();
    assert_eq!(
        ids(&ask(&mut m, |q| q.search = "  creme ".into())),
        ["id-c"]
    );
    assert_eq!(ids(&ask(&mut m, |q| q.search = "ID-1".into())), ["id-10"]);
    let approved = ask(&mut m, |q| q.status = "approved".into());
    assert_eq!(ids(&approved), ["id-c", "id-10"]);
    assert_eq!((approved.matched, approved.total), (2, 4));
    // A filter value no profile has matches nothing (it is not "every value").
    assert_eq!(ask(&mut m, |q| q.billing = "profile".into()).matched, 0);
    assert_eq!(ask(&mut m, |q| q.search = "zzz".into()).matched, 0);
}

#[test]
fn a_window_answers_only_its_rows_and_where_the_focus_is() {
    let mut m = model();
    let w = ask(&mut m, |q| {
        q.offset = 1;
        q.limit = 2;
        q.focus_id = Some("id-10".into());
    });
    assert_eq!(ids(&w), ["id-c", "id-2"]);
    assert_eq!((w.offset, w.matched, w.focus_index), (1, 4, Some(3)));
    // Past the end: no rows, never a panic; the limit is capped.
    let w = ask(&mut m, |q| {
        q.offset = 99;
        q.limit = u32::MAX;
    });
    assert!(w.rows.is_empty());
    assert_eq!(w.offset, 4);
}

#[test]
fn facets_count_every_profile_with_known_values_first() {
    let mut m = model();
    let w = ask(&mut m, |q| q.search = "acme".into());
    let approved = w.statuses.iter().find(|f| f.value == "approved").unwrap();
    assert_eq!((approved.label.as_str(), approved.count), ("Approved", 2));
    // A status this app does not know comes after the known ones, as Sent sent it.
    let last = w.statuses.last().unwrap();
    assert_eq!((last.value.as_str(), last.count), ("on_hold", 1));
    assert_eq!(w.statuses.iter().map(|f| f.count).sum::<u32>(), 4);
}

#[test]
fn a_change_moves_the_generation_and_is_seen_at_once() {
    let mut m = model();
    let before = ask(&mut m, |_| {}).generation;
    // Searched once, so the search's index and the facet counts are built before the change.
    assert_eq!(ask(&mut m, |q| q.search = "zulu".into()).matched, 0);
    m.upsert(row("id-2", "Zulu", "approved", None));
    let found = ask(&mut m, |q| q.search = "zulu".into());
    assert_eq!(ids(&found), ["id-2"]);
    let approved = found
        .statuses
        .iter()
        .find(|f| f.value == "approved")
        .unwrap();
    assert_eq!(approved.count, 3);
    m.upsert(row("id-new", "Beta", "approved", None));
    let w = ask(&mut m, |_| {});
    assert!(w.generation > before);
    assert_eq!(ids(&w), ["id-a", "id-new", "id-c", "id-10", "id-2"]);
    assert!(m.remove("id-a"));
    assert!(!m.remove("id-a"));
    assert_eq!(ask(&mut m, |_| {}).total, 4);
    // Every row after the one taken out is still found by its own key, and the palette agrees.
    for (search, id) in [("zulu", "id-2"), ("beta", "id-new"), ("id-c", "id-c")] {
        assert_eq!(
            ids(&ask(&mut m, |q| q.search = search.into())),
            [id],
            "{search}"
        );
    }
    assert_eq!(
        ids(&ask(&mut m, |q| q.search = "id-a".into())),
        Vec::<&str>::new()
    );
    let palette = m.palette("zulu", 10);
    assert!(!palette.items.is_empty());
    assert!(
        palette.items.iter().all(|p| p.id == "id-2"),
        "{:?}",
        palette.items
    );
}

#[test]
fn the_stored_form_reads_back_the_same_rows() {
    let m = model();
    let stored = serde_json::to_string(&m.stored()).unwrap();
    let back = ProfileListModel::from_stored("ws", serde_json::from_str(&stored).unwrap()).unwrap();
    assert_eq!(
        back.rows().collect::<Vec<_>>(),
        m.rows().collect::<Vec<_>>()
    );
    assert_eq!((back.fetched_at(), back.complete()), (Some(1), true));
    // An index outside the tables is refused, not a panic later.
    let mut broken: serde_json::Value = serde_json::from_str(&stored).unwrap();
    broken["rows"][0][3] = 99.into();
    assert!(ProfileListModel::from_stored("ws", serde_json::from_value(broken).unwrap()).is_none());
}

#[test]
fn the_palette_ranks_term_prefixes_first_and_reads_verbs() {
    let mut m = model();
    let found = m.palette("acme", 50);
    assert_eq!(found.total, 2);
    assert!(found.items.iter().all(|i| i.id == "id-a" && i.rank == 0));
    // "send creme": every word matches, the verb's and the profile's.
    let send = m.palette("send creme", 50);
    assert_eq!(send.items.len(), 1);
    assert_eq!(
        (send.items[0].verb, send.items[0].id.as_str()),
        (PaletteVerb::Send, "id-c")
    );
    // Inside a word ranks after a word start.
    let inside = m.palette("ulee", 50);
    assert_eq!(inside.items[0].rank, 2);
    // Nothing typed: every profile, capped.
    let all = m.palette("", 3);
    assert_eq!((all.items.len(), all.total), (3, 8));
}

#[test]
fn natural_order_compares_digit_runs_by_value() {
    assert_eq!(natural_cmp("profile 2", "profile 10"), Ordering::Less);
    assert_eq!(natural_cmp("a007", "a7"), Ordering::Equal);
    assert_eq!(natural_cmp("a", "a1"), Ordering::Less);
    assert_eq!(fold("Crème BRÛLÉE ﬁ"), "creme brulee fi");
}

#[test]
fn the_palette_keeps_the_best_ranks_when_capping_wherever_they_are() {
    let mut rows: Vec<ProfileRow> = (0..10_000)
        .map(|i| row(&format!("x{i}"), &format!("Xmaze {i}"), "approved", None))
        .collect();
    rows.push(row("runner", "Maze Runner", "approved", None));
    let mut m = ProfileListModel::new("ws", rows, None, true, None);
    let found = m.palette("maze", 2);
    assert_eq!(found.items[0].id, "runner");
    assert_eq!(found.items.len(), 2);
    assert_eq!(found.total, 20_002);
    // A word (9999) ranks before the inside of an id (x9999 is not a word start).
    let digits = m.palette("9999", 50);
    assert_eq!(digits.items[0].name, "Xmaze 9999");
    assert_eq!(digits.items[0].rank, 1);
}

#[test]
fn ranking_from_classes_is_the_rank_of_both_keys() {
    let keys = [
        search_key("Send a test message as", None, ""),
        search_key("Café Olé", Some("CO"), "prof_42"),
    ];
    for text in [
        "",
        "cafe",
        "ole",
        "send cafe",
        "olé  send",
        "send pizza",
        "42",
        "af",
        "co send",
        "a",
    ] {
        let query = PaletteQuery::parse(text);
        let (a, b) = (Classes::of(&keys[0], &query), Classes::of(&keys[1], &query));
        assert_eq!(
            a.rank_with(&b, &query),
            rank(&[&keys[0], &keys[1]], &query),
            "{text}"
        );
    }
}

#[test]
fn the_natural_key_orders_digit_runs_by_value_and_text_as_text() {
    let mut names = vec!["b", "a10", "a9", "a09x", "a", "a 1", "z", "10", "9"];
    names.sort_by_key(|n| natural_key(n));
    assert_eq!(
        names,
        ["9", "10", "a", "a 1", "a9", "a09x", "a10", "b", "z"]
    );
}

#[test]
fn the_palette_agrees_with_the_rank_over_every_row() {
    // The palette searches only the rows holding a word (the search index); the definition
    // searches every key. Both must offer the same profiles at the same ranks.
    let names = [
        "Corner Café",
        "Send Co",
        "Open Mic",
        "Zürich Dental",
        "Café Olé",
    ];
    let rows: Vec<ProfileRow> = (0..300)
        .map(|i| {
            row(
                &format!("p{i}"),
                &format!("{} {i}", names[i % 5]),
                "approved",
                None,
            )
        })
        .collect();
    let mut m = ProfileListModel::new("ws", rows.clone(), None, true, None);
    let verbs = [
        (PaletteVerb::Open, search_key("Open", None, "")),
        (
            PaletteVerb::Send,
            search_key("Send a test message as", None, ""),
        ),
    ];
    for text in [
        "c",
        "ca",
        "caf",
        "corner caf",
        "send cafe",
        "open 12",
        "o",
        "op",
        "send co",
        "co send",
        "zu 1",
        "mic open",
        "test",
        "ole cafe",
        "12 send",
        "q",
        "1",
    ] {
        let query = PaletteQuery::parse(text);
        let mut expected: Vec<(u8, bool, String)> = Vec::new();
        for r in &rows {
            let key = search_key(&r.name, r.short_name.as_deref(), &r.id);
            for (verb, verb_key) in &verbs {
                if let Some(at) = rank(&[verb_key, &key], &query) {
                    expected.push((at as u8, *verb == PaletteVerb::Send, r.id.clone()));
                }
            }
        }
        let found = m.palette(text, MAX_PALETTE);
        assert_eq!(found.total as usize, expected.len(), "{text}");
        let mut got: Vec<(u8, bool, String)> = found
            .items
            .iter()
            .map(|i| (i.rank, i.verb == PaletteVerb::Send, i.id.clone()))
            .collect();
        got.sort();
        let mut all = expected.clone();
        all.sort();
        // Every item offered is one the definition ranks the same.
        for item in &got {
            assert!(all.binary_search(item).is_ok(), "{text}: {item:?}");
        }
        // The best rank offered is the best there is.
        assert_eq!(got.first().map(|g| g.0), all.first().map(|e| e.0), "{text}");
    }
}

#[test]
fn changed_rows_leave_no_text_behind_for_long() {
    let mut m = model();
    let base = m.words.text.len();
    // A name changed 5,000 times: the old names are reclaimed once they are most of the text.
    for i in 0..5_000 {
        let name = format!("Acme Retail, renamed for the {i}th time, with a long enough name");
        assert!(m.upsert(row("id-a", &name, "on_hold", Some("2026-01-02T00:00:00Z"))));
        assert!(
            m.words.text.len() < base + (1 << 17) * 3,
            "the text grew to {}",
            m.words.text.len()
        );
    }
    assert!(m.remove("id-2"));
    let last = "Acme Retail, renamed for the 4999th time, with a long enough name";
    assert_eq!(m.row("id-a").unwrap().name, last);
    let created = m.row("id-10").unwrap().created_at.unwrap();
    assert!(created.starts_with("2026-01-03T00:00:00"), "{created}");
    assert_eq!(ids(&ask(&mut m, |q| q.search = "4999TH".into())), ["id-a"]);
    assert_eq!(
        ids(&ask(&mut m, |q| q.search = "4998th".into())),
        Vec::<&str>::new()
    );
    assert_eq!(ids(&ask(&mut m, |_| {})), ["id-a", "id-c", "id-10"]);
    // What the database keeps reads back the same.
    let back = ProfileListModel::from_stored("ws", m.stored()).unwrap();
    assert_eq!(
        back.rows().collect::<Vec<_>>(),
        m.rows().collect::<Vec<_>>()
    );
}

#[test]
fn a_profiles_own_whatsapp_account_stays_in_its_row_not_in_a_cell_of_its_own() {
    // The organization has an account whose id Sent does not report: each row names its account
    // in the hint ("WhatsApp Business Account <id>"), a different text for every profile.
    let organization = OrganizationSummary {
        has_waba: true,
        waba_id: None,
        has_brand: false,
    };
    let rows: Vec<ProfileRow> = (0..50)
        .map(|i| {
            let p: ProfileDetail = serde_json::from_value(serde_json::json!({
                "id": format!("id-{i}"), "name": format!("Clinic {i}"), "status": "approved",
                "billing_model": "organization", "waba_id": format!("3{i:04}0000{i:04}"),
            }))
            .unwrap();
            ProfileRow::new(&p, &organization)
        })
        .collect();
    assert!(rows[7]
        .whatsapp
        .hint
        .as_deref()
        .unwrap()
        .contains("3000700000007"));
    // Each label names its own account's last four characters, and yet the rows share a cell.
    assert_eq!(rows[7].whatsapp.label, "Account …0007");
    let m = ProfileListModel::new("ws", rows.clone(), Some(1), true, None);
    assert!(m.cells.len() <= 4, "{} cells for 50 rows", m.cells.len());
    assert_eq!(
        m.rows().collect::<Vec<_>>(),
        rows,
        "every row worded as it came"
    );
    // The sentence around the id is kept once, with the cell: each row's text holds only its id.
    assert!(
        !m.words.text.contains("does not report"),
        "{}",
        m.words.text
    );
    assert!(m.words.text.contains("3000700000007"));
    // The stored form keeps each hint, and reads back the same.
    let back = ProfileListModel::from_stored("ws", m.stored()).unwrap();
    assert!(!back.words.text.contains("does not report"));
    assert!(
        back.cells.len() <= 4,
        "{} cells read back",
        back.cells.len()
    );
    assert_eq!(back.rows().collect::<Vec<_>>(), rows);
}

#[test]
fn a_hint_split_into_its_sentence_and_id_is_put_back_exactly() {
    for hint in [
        "WhatsApp Business Account 3000700009999",
        "WhatsApp Business Account 3000700009999. Sent does not report whether it is the profile's own or the organization's.",
        "WhatsApp Business Account a. b. c",
        "WhatsApp Business Account ",
        "WhatsApp Business Account \u{0}odd\u{0}. \u{0}",
        "Another shape \u{0} of hint",
        "",
    ] {
        let (sentence, id) = super::hint_parts(hint);
        assert_eq!(sentence.replacen(super::HOLE, id, 1), hint);
    }
}

#[test]
fn a_label_with_a_hole_is_filled_back_exactly_or_kept_whole() {
    let id = "104918273645501";
    for label in [
        "Account …5501",
        "…5501 …5501",
        "Account …",
        "Own\u{0} …5501",
    ] {
        match super::label_with_hole(label, id) {
            Some(template) => {
                assert_eq!(template.matches(super::HOLE).count(), 1, "{template:?}");
                assert_eq!(template.replacen(super::HOLE, &key_hint(id), 1), label);
            }
            None => assert!(label.contains(super::HOLE) || !label.contains("…5501")),
        }
    }
    assert!(super::label_with_hole("Own\u{0} …5501", id).is_none());
    assert!(super::label_with_hole("Organization's account", id).is_none());
}

#[test]
fn creation_times_are_kept_as_numbers_where_exact_and_sort_as_their_texts() {
    let texts = [
        Some("2026-01-03T00:00:00+00:00"),
        Some("2026-01-03T00:00:00.500+00:00"),
        Some("2026-01-02T23:30:00+01:00"),
        Some("2026-01-03T00:00:00.123456789+00:00"),
        Some("not a time"),
        Some("2026-01-03T00:00:00Z"),
        None,
        Some("2025-12-31T23:59:59.999999+00:00"),
    ];
    let rows: Vec<ProfileRow> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut r = row(&format!("id-{i}"), &format!("P {i}"), "approved", None);
            r.created_at = t.map(str::to_owned);
            r
        })
        .collect();
    let mut m = ProfileListModel::new("ws", rows.clone(), Some(1), true, None);
    assert!(matches!(m.rows[0].created_at, Created::At(_)));
    assert!(matches!(m.rows[3].created_at, Created::At(_)));
    // Another offset, a "Z", or no time at all would not come back the same from a number.
    for i in [2, 4, 5] {
        assert!(matches!(m.rows[i].created_at, Created::Text(_)), "row {i}");
    }
    assert!(matches!(m.rows[6].created_at, Created::Unknown));
    assert_eq!(
        m.rows().collect::<Vec<_>>(),
        rows,
        "every time worded as it came"
    );
    let back = ProfileListModel::from_stored("ws", m.stored()).unwrap();
    assert_eq!(back.rows().collect::<Vec<_>>(), rows);
    // Newest last (ascending), in the order of the texts; no time at all last either way.
    let mut expected: Vec<(&str, String)> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.map(|t| (t, format!("id-{i}"))))
        .collect();
    expected.sort();
    let mut expected: Vec<String> = expected.into_iter().map(|(_, id)| id).collect();
    expected.push("id-6".into());
    let got = ask(&mut m, |q| {
        q.sort = SortKey::Created;
        q.direction = SortDirection::Asc;
        q.limit = 50;
    });
    assert_eq!(ids(&got), expected);
    let got = ask(&mut m, |q| {
        q.sort = SortKey::Created;
        q.direction = SortDirection::Desc;
        q.limit = 50;
    });
    let unknown = expected.pop().unwrap();
    expected.reverse();
    expected.push(unknown);
    assert_eq!(ids(&got), expected);
}
