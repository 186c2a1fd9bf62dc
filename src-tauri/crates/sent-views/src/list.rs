//! The profile list model. A workspace's rows stay here, in the app process, compact (labels and
//! resource cells interned, one folded search key per row); the window asks for what it shows with
//! one [`ListQuery`] (search, filters, sort, first row, how many) and gets a [`ListWindow`]: the
//! counts, the facet counts and only those rows. Sorted orders are kept per sort, and the last
//! query's matches too, so scrolling re-slices and a keystroke is one pass over the keys.
//!
//! The command palette ranks its profiles here too ([`ProfileListModel::palette`]), with the same
//! folding, so the webview never holds the whole list for either.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::labels::{DomainLabels, Tone};
use crate::rows::{ProfileRow, SourceCell};
use crate::search::KeyIndex;
use sent_model::environment::key_hint;

/// The most rows one window answers (the list asks for the rows in view plus overscan).
pub const MAX_WINDOW: u32 = 500;
/// The most profiles the palette offers per match rank.
pub const MAX_PALETTE: u32 = 50;

/// How the list is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SortKey {
    #[default]
    Name,
    Status,
    Created,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SortDirection {
    #[default]
    Asc,
    Desc,
}

fn default_limit() -> u32 {
    100
}

/// What the list window shows: the search and filters, the order, and which rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListQuery {
    /// Matched anywhere in the name, short name or id, ignoring case and accents.
    #[serde(default)]
    pub search: String,
    /// A wire status; empty for every status.
    #[serde(default)]
    pub status: String,
    /// A wire billing model; empty for every model.
    #[serde(default)]
    pub billing: String,
    #[serde(default)]
    pub sort: SortKey,
    #[serde(default)]
    pub direction: SortDirection,
    /// The first matching row to answer (0-based).
    #[serde(default)]
    pub offset: u32,
    /// How many rows to answer, at most [`MAX_WINDOW`].
    #[serde(default = "default_limit")]
    pub limit: u32,
    /// A row whose position among the matches the answer should say (the active row).
    #[serde(default)]
    pub focus_id: Option<String>,
}

impl Default for ListQuery {
    fn default() -> Self {
        Self {
            search: String::new(),
            status: String::new(),
            billing: String::new(),
            sort: SortKey::Name,
            direction: SortDirection::Asc,
            offset: 0,
            limit: default_limit(),
            focus_id: None,
        }
    }
}

impl ListQuery {
    /// The first `rows` of the whole list in the default order (by name, A to Z).
    pub fn first_screen(rows: u32) -> Self {
        Self {
            limit: rows,
            ..Self::default()
        }
    }

    /// Whether this asks for no more than the first `rows` of the whole list in the default
    /// order, with no active row to find: a window [`Self::first_screen`] answers.
    pub fn within_first_screen(&self, rows: u32) -> bool {
        self.search.trim().is_empty()
            && self.status.is_empty()
            && self.billing.is_empty()
            && self.sort == SortKey::Name
            && self.direction == SortDirection::Asc
            && self.offset == 0
            && self.limit <= rows
            && self.focus_id.is_none()
    }
}

/// One filter option with how many profiles have it ("Approved (12)").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Facet {
    pub value: String,
    pub label: String,
    pub count: u32,
}

/// A window of the list: what the screen needs to draw, and nothing more. The first screen in the
/// default order is also kept in the database beside the model, so a launch paints it before the
/// model is read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListWindow {
    pub workspace_id: String,
    /// Changes whenever the rows change (a refresh, a save, a delete): a window of an older
    /// generation is re-asked.
    #[ts(type = "number")]
    pub generation: u64,
    /// Every profile of the workspace the app knows.
    pub total: u32,
    /// Those the search and filters match.
    pub matched: u32,
    /// The position of `rows[0]` among the matches.
    pub offset: u32,
    pub rows: Vec<ProfileRow>,
    /// Every status, known ones first in the app's order, with its count over all profiles.
    pub statuses: Vec<Facet>,
    pub billing_models: Vec<Facet>,
    /// Where the query's `focus_id` is among the matches; `None` when it does not match.
    pub focus_index: Option<u32>,
    /// When the rows were fetched from the server (Unix milliseconds); `None` when never.
    #[ts(type = "number | null")]
    pub fetched_at: Option<i64>,
    /// False when the server stopped paging before the end: the list may be incomplete.
    pub complete: bool,
}

/// What the palette offers for a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PaletteVerb {
    /// "Open <name>".
    Open,
    /// "Send a test message as <name>".
    Send,
}

/// One profile option of the palette, with its rank (lower is better).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PaletteProfile {
    pub verb: PaletteVerb,
    pub rank: u8,
    pub id: String,
    pub name: String,
    pub short_name: Option<String>,
}

/// The palette's profile options: the first [`MAX_PALETTE`] of each rank, in rank order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PaletteProfiles {
    pub workspace_id: String,
    pub items: Vec<PaletteProfile>,
    /// Every option that matches, shown or not.
    pub total: u32,
}

/// One row, compact: words interned in the model's tables, its own text in the model's one text
/// buffer ([`Words`]).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) id: Span,
    pub(crate) name: Span,
    pub(crate) short_name: Option<Span>,
    pub(crate) status: u16,
    pub(crate) billing: u16,
    pub(crate) brand: u32,
    brand_submitted_to_tcr: bool,
    /// The WhatsApp cell without its hint, which names the profile's own account id and so is
    /// different for every profile: interned, it made one cell per profile (17 MB at 100,000).
    pub(crate) whatsapp: u32,
    /// The account id of that hint, in the row's text (the rest of the hint is the cell's: see
    /// [`hint_parts`]).
    pub(crate) whatsapp_hint: Option<Span>,
    /// The cell's label has a hole for the account's last four characters (see
    /// [`label_with_hole`]).
    pub(crate) whatsapp_label_hole: bool,
    pub(crate) created_at: Created,
    /// What review needs (the compliance board's facts).
    pub(crate) review: crate::board::ReviewFacts,
    /// The brand's TCR and identity status in words (a cell, interned).
    pub(crate) brand_detail: u32,
    /// What the board last read of the profile's campaigns.
    pub(crate) campaigns: Option<crate::board::CampaignCount>,
}

/// When a profile was created. Nearly every one is an instant in UTC as `ProfileRow` words it (RFC
/// 3339, `+00:00`), kept as a number: 8 bytes instead of ~35 of text in the row's text (3.5 MB at
/// 100,000 profiles). A text that the number would not give back exactly is kept as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Created {
    Unknown,
    /// Nanoseconds since the Unix epoch, UTC.
    At(i64),
    Text(Span),
}

impl Created {
    /// The instant as a number when the text is what [`Created::text`] gives back for it.
    fn instant(text: &str) -> Option<i64> {
        let parsed = chrono::DateTime::parse_from_rfc3339(text).ok()?;
        let utc = parsed.with_timezone(&chrono::Utc);
        (parsed.offset().local_minus_utc() == 0 && utc.to_rfc3339() == text)
            .then(|| utc.timestamp_nanos_opt())
            .flatten()
    }

    fn put(text: Option<&str>, words: &mut Words) -> Self {
        match text {
            None => Created::Unknown,
            Some(text) => match Self::instant(text) {
                Some(at) => Created::At(at),
                None => Created::Text(words.put(text)),
            },
        }
    }

    fn span(self) -> Option<Span> {
        match self {
            Created::Text(span) => Some(span),
            _ => None,
        }
    }

    pub(crate) fn text(self, words: &Words) -> Option<std::borrow::Cow<'_, str>> {
        match self {
            Created::Unknown => None,
            Created::At(at) => Some(
                chrono::DateTime::from_timestamp_nanos(at)
                    .to_rfc3339()
                    .into(),
            ),
            Created::Text(span) => Some(words.get(span).into()),
        }
    }

    /// The order of the texts: for instants in UTC worded as above, the order of the numbers.
    fn cmp(self, other: Self, words: &Words) -> Ordering {
        match (self, other) {
            (Created::At(a), Created::At(b)) => a.cmp(&b),
            _ => self.text(words).cmp(&other.text(words)),
        }
    }
}

/// Where a row's text is in the model's [`Words`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Span {
    at: u32,
    len: u32,
}

/// Every row's text (id, name, short name, creation time, WhatsApp hint) end to end in one buffer;
/// the search keys are in the model's [`KeyIndex`], kept once.
/// A list of 100,000 profiles is then a few large blocks instead of half a million small ones: a
/// refresh's parsing leaves no small blocks of the list scattered among what it freed, so that
/// memory goes back to the system whole (see `sent-app`'s `trim`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    text: String,
    /// Bytes no row points at any more (rows changed or removed), reclaimed by [`Words::kept`].
    waste: usize,
}

impl Words {
    fn put(&mut self, text: &str) -> Span {
        let at = self.text.len();
        match (u32::try_from(at), u32::try_from(at + text.len())) {
            (Ok(at), Ok(_)) => {
                self.text.push_str(text);
                Span {
                    at,
                    len: text.len() as u32,
                }
            }
            // Past 4 GB of names and ids: no list a server sends.
            _ => Span::default(),
        }
    }

    pub(crate) fn get(&self, span: Span) -> &str {
        let at = span.at as usize;
        self.text
            .get(at..at + span.len as usize)
            .unwrap_or_default()
    }

    pub(crate) fn opt(&self, span: Option<Span>) -> Option<&str> {
        span.map(|s| self.get(s))
    }

    fn forget(&mut self, row: &Row) {
        self.waste += [
            Some(row.id),
            Some(row.name),
            row.short_name,
            row.created_at.span(),
            row.whatsapp_hint,
        ]
        .into_iter()
        .flatten()
        .map(|s| s.len as usize)
        .sum::<usize>();
    }

    /// The text again without what no row uses, once that is more than half of it.
    fn kept(&mut self, rows: &mut [Row]) {
        if self.waste < 1 << 16 || self.waste * 2 < self.text.len() {
            return;
        }
        let mut words = Words {
            text: String::with_capacity(self.text.len() - self.waste),
            waste: 0,
        };
        for row in rows.iter_mut() {
            row.id = words.put(self.get(row.id));
            row.name = words.put(self.get(row.name));
            row.short_name = row.short_name.map(|s| words.put(self.get(s)));
            if let Created::Text(s) = row.created_at {
                row.created_at = Created::Text(words.put(self.get(s)));
            }
            row.whatsapp_hint = row.whatsapp_hint.map(|s| words.put(self.get(s)));
        }
        *self = words;
    }
}

/// Marks where a WhatsApp hint's account id goes in the sentence its cell keeps.
const HOLE: char = '\u{0}';

/// A WhatsApp hint split into the sentence every row with that cell shares (the id replaced by
/// [`HOLE`]) and the row's own account id. The sentence is ~100 bytes ("… Sent does not report
/// whether it is the profile's own or the organization's."): kept in each row's text it was 10 MB at
/// 100,000 profiles. A hint of another shape is kept whole as the row's part. Putting the id back in
/// the hole gives the hint exactly: the hole is the sentence's first `HOLE`.
fn hint_parts(hint: &str) -> (String, &str) {
    match hint.strip_prefix(crate::rows::WABA_HINT) {
        Some(rest) => {
            let end = rest.find(". ").unwrap_or(rest.len());
            (
                format!("{}{HOLE}{}", crate::rows::WABA_HINT, &rest[end..]),
                &rest[..end],
            )
        }
        None => (HOLE.to_string(), hint),
    }
}

/// A WhatsApp cell's label with the account's last four characters (`Account …9851`, as
/// `rows::whatsapp_cell` words an account Sent does not say is whose) replaced by [`HOLE`]: the
/// cell is then one for every such account instead of one per last four (10,000 cells at 100,000
/// profiles). `None` for a label without those characters, or with a `HOLE` of its own (kept as
/// it is, so the hole filled is always the one put here).
fn label_with_hole(label: &str, id: &str) -> Option<String> {
    let tail = key_hint(id);
    if label.contains(HOLE) {
        return None;
    }
    label
        .find(tail.as_str())
        .map(|at| format!("{}{HOLE}{}", &label[..at], &label[at + tail.len()..]))
}

/// A row's WhatsApp cell split into what rows share (interned: the hint's sentence and the label,
/// each with its hole) and what is the row's own: the account id, and whether the label has a hole
/// for its last four characters. A cell without a hint is shared whole.
fn shared_whatsapp(cell: &SourceCell) -> (SourceCell, Option<&str>, bool) {
    let Some((sentence, id)) = cell.hint.as_deref().map(hint_parts) else {
        return (cell.clone(), None, false);
    };
    let hole = label_with_hole(&cell.label, id);
    let label_hole = hole.is_some();
    let shared = SourceCell {
        source: cell.source,
        label: hole.unwrap_or_else(|| cell.label.clone()),
        hint: Some(sentence),
    };
    (shared, Some(id), label_hole)
}

/// The folded name, the first term of a row's search key.
fn name_key(key: &str) -> &str {
    let rest = key.strip_prefix(SEP).unwrap_or(key);
    rest.split(SEP).next().unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StatusWords {
    pub(crate) value: String,
    pub(crate) label: String,
    pub(crate) tone: Tone,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct BillingWords {
    pub(crate) value: String,
    pub(crate) label: String,
}

/// Strings interned once: a value's index, and the values in first-seen order.
#[derive(Debug, Clone)]
pub(crate) struct Table<T> {
    pub(crate) values: Vec<T>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self { values: Vec::new() }
    }
}

/// The model of one workspace's list.
#[derive(Debug, Clone)]
pub struct ProfileListModel {
    pub(crate) workspace_id: String,
    pub(crate) generation: u64,
    fetched_at: Option<i64>,
    complete: bool,
    request_id: Option<String>,
    pub(crate) rows: Vec<Row>,
    /// The rows' own text.
    pub(crate) words: Words,
    pub(crate) statuses: Table<StatusWords>,
    pub(crate) billing: Table<BillingWords>,
    pub(crate) cells: Vec<SourceCell>,
    cell_index: HashMap<SourceCell, u32>,
    /// Row indices in each sort order asked for so far.
    orders: HashMap<(SortKey, SortDirection), Arc<Vec<u32>>>,
    /// The matches of the last query, reused while only the window moves.
    last: Option<(MatchKey, Arc<Vec<u32>>)>,
    /// Every row's search key (`SEP name SEP short name SEP id`, folded: see [`fold`]), in row
    /// order, changed with the rows.
    keys: KeyIndex,
    /// Rows per status and per billing model (the facets' counts), counted once per change.
    counts: Option<(Vec<u32>, Vec<u32>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct MatchKey {
    needle: String,
    status: Option<Option<u16>>,
    billing: Option<Option<u16>>,
    sort: SortKey,
    direction: SortDirection,
}

/// Separates the terms of a search key; a match right after it is the prefix of a term.
const SEP: char = '\u{1}';

/// Lower case without accents or compatibility forms: "Crème Brûlée" → "creme brulee". The same
/// folding as the palette's, so both find the same profiles.
pub fn fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn row_key(row: &ProfileRow) -> String {
    search_key(&row.name, row.short_name.as_deref(), &row.id)
}

fn search_key(name: &str, short_name: Option<&str>, id: &str) -> String {
    let mut key = String::with_capacity(name.len() + id.len() + 8);
    for term in [Some(name), short_name, Some(id)].into_iter().flatten() {
        if term.is_empty() {
            continue;
        }
        key.push(SEP);
        key.push_str(&fold(term));
    }
    key
}

/// A key that sorts folded text as people read it, compared as plain text: digit runs by their
/// value ("Profile 2" before "Profile 10"), everything else character by character. Each digit run
/// becomes `'0'`, a character standing for its length (leading zeros dropped), then its digits; a
/// digit never appears outside a run, so the marker meets only another marker.
pub fn natural_key(folded: &str) -> String {
    let mut key = String::with_capacity(folded.len() + 4);
    let mut chars = folded.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !c.is_ascii_digit() {
            key.push(c);
            continue;
        }
        let mut end = at + 1;
        while let Some((next, d)) = chars.peek().copied() {
            if !d.is_ascii_digit() {
                break;
            }
            end = next + 1;
            chars.next();
        }
        let digits = folded[at..end].trim_start_matches('0');
        key.push('0');
        // Lengths past this are no name a person types; they sort among the longest.
        let len = u32::try_from(digits.len()).unwrap_or(u32::MAX).min(0xFFFF);
        key.push(char::from_u32(0x100 + len).unwrap_or(char::MAX));
        key.push_str(digits);
    }
    key
}

/// Compares folded text as people read it (see [`natural_key`]).
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    natural_key(a).cmp(&natural_key(b))
}

impl<T: PartialEq> Table<T> {
    pub(crate) fn find(&self, matches: impl Fn(&T) -> bool) -> Option<u16> {
        self.values
            .iter()
            .position(matches)
            .and_then(|i| u16::try_from(i).ok())
    }

    fn intern(&mut self, value: T, same: impl Fn(&T) -> bool) -> u16 {
        if let Some(i) = self.find(same) {
            return i;
        }
        self.values.push(value);
        // More than 65,535 distinct statuses is no list a server sends; the last one stands in.
        u16::try_from(self.values.len() - 1).unwrap_or(u16::MAX)
    }
}

impl ProfileListModel {
    /// An empty list, never fetched.
    pub fn empty(workspace_id: impl Into<String>) -> Self {
        Self::new(workspace_id, Vec::new(), None, true, None)
    }

    pub fn new(
        workspace_id: impl Into<String>,
        rows: impl IntoIterator<Item = ProfileRow>,
        fetched_at: Option<i64>,
        complete: bool,
        request_id: Option<String>,
    ) -> Self {
        let mut model = Self {
            workspace_id: workspace_id.into(),
            generation: 0,
            fetched_at,
            complete,
            request_id,
            rows: Vec::new(),
            words: Words::default(),
            statuses: Table::default(),
            billing: Table::default(),
            cells: Vec::new(),
            cell_index: HashMap::new(),
            orders: HashMap::new(),
            last: None,
            keys: KeyIndex::default(),
            counts: None,
        };
        for row in rows {
            model.keys.push(&row_key(&row));
            let row = model.compact(row);
            model.rows.push(row);
        }
        model.rows.shrink_to_fit();
        model.words.text.shrink_to_fit();
        model.keys.shrink_to_fit();
        model
    }

    /// Adds a profile's row at the end (a list read in one profile at a time).
    pub fn push(&mut self, row: ProfileRow) {
        self.keys.push(&row_key(&row));
        let row = self.compact(row);
        self.rows.push(row);
        self.changed();
    }

    /// Says how reading the list in ended, and gives back the room its growth left unused.
    pub fn set_listed(&mut self, complete: bool, request_id: Option<String>) {
        self.complete = complete;
        self.request_id = request_id;
        self.rows.shrink_to_fit();
        self.words.text.shrink_to_fit();
        self.keys.shrink_to_fit();
    }

    pub fn workspace_id(&self) -> &str {
        &self.workspace_id
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Every profile's id and name (bulk onboarding flags names that already exist).
    pub fn names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.rows
            .iter()
            .map(|r| (self.words.get(r.id), self.words.get(r.name)))
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The id, name and wire status (case as stored) of every profile `wanted(id, status)` accepts,
    /// in the list's order, in one pass (the review follower: the profiles in review, and what a
    /// refresh says of the ones it follows).
    pub fn statuses_where(
        &self,
        wanted: impl Fn(&str, &str) -> bool,
    ) -> Vec<(String, String, String)> {
        self.rows
            .iter()
            .filter_map(|r| {
                let status = &self.statuses.values.get(usize::from(r.status))?.value;
                let id = self.words.get(r.id);
                wanted(id, status).then(|| {
                    (
                        id.to_owned(),
                        self.words.get(r.name).to_owned(),
                        status.clone(),
                    )
                })
            })
            .collect()
    }

    pub fn fetched_at(&self) -> Option<i64> {
        self.fetched_at
    }

    pub fn complete(&self) -> bool {
        self.complete
    }

    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Carries the generation on from the model this one replaces, so a window of the old list
    /// is never taken for one of the new.
    pub fn follow(&mut self, previous: Option<&ProfileListModel>) {
        self.generation = previous.map_or(0, |p| p.generation) + 1;
    }

    pub fn set_fetched_at(&mut self, at: Option<i64>) {
        self.fetched_at = at;
    }

    fn cell(&mut self, cell: SourceCell) -> u32 {
        if let Some(i) = self.cell_index.get(&cell) {
            return *i;
        }
        let i = u32::try_from(self.cells.len()).unwrap_or(u32::MAX);
        self.cells.push(cell.clone());
        self.cell_index.insert(cell, i);
        i
    }

    fn compact(&mut self, row: ProfileRow) -> Row {
        let status = self.statuses.intern(
            StatusWords {
                value: row.status.clone(),
                label: row.status_label.clone(),
                tone: row.status_tone,
            },
            |s| s.value == row.status,
        );
        let billing = self.billing.intern(
            BillingWords {
                value: row.billing_model.clone(),
                label: row.billing_label.clone(),
            },
            |b| b.value == row.billing_model,
        );
        let brand_detail = self.cell(SourceCell {
            source: row.brand.source,
            label: row.brand_detail,
            hint: None,
        });
        let brand = self.cell(row.brand);
        let (shared, account, whatsapp_label_hole) = shared_whatsapp(&row.whatsapp);
        let whatsapp_hint = account.map(|a| self.words.put(a));
        let whatsapp = self.cell(shared);
        Row {
            review: row.review,
            brand_detail,
            campaigns: None,
            id: self.words.put(&row.id),
            name: self.words.put(&row.name),
            short_name: row.short_name.as_deref().map(|s| self.words.put(s)),
            status,
            billing,
            brand,
            brand_submitted_to_tcr: row.brand_submitted_to_tcr,
            whatsapp,
            whatsapp_hint,
            whatsapp_label_hole,
            created_at: Created::put(row.created_at.as_deref(), &mut self.words),
        }
    }

    fn expand(&self, row: &Row) -> ProfileRow {
        let status = &self.statuses.values[usize::from(row.status)];
        let billing = &self.billing.values[usize::from(row.billing)];
        ProfileRow {
            id: self.words.get(row.id).to_owned(),
            name: self.words.get(row.name).to_owned(),
            short_name: self.words.opt(row.short_name).map(str::to_owned),
            status: status.value.clone(),
            status_label: status.label.clone(),
            status_tone: status.tone,
            billing_model: billing.value.clone(),
            billing_label: billing.label.clone(),
            brand: self.cells[row.brand as usize].clone(),
            brand_submitted_to_tcr: row.brand_submitted_to_tcr,
            whatsapp: self.whatsapp_cell(row),
            created_at: row.created_at.text(&self.words).map(|t| t.into_owned()),
            review: row.review,
            brand_detail: self.cells[row.brand_detail as usize].label.clone(),
        }
    }

    /// A row's WhatsApp cell, its hint put back: the cell's sentence with the row's account id in
    /// its hole (see [`hint_parts`]).
    pub(crate) fn whatsapp_cell(&self, row: &Row) -> SourceCell {
        let cell = &self.cells[row.whatsapp as usize];
        let id = self.words.opt(row.whatsapp_hint);
        SourceCell {
            source: cell.source,
            label: match id {
                Some(id) if row.whatsapp_label_hole => cell.label.replacen(HOLE, &key_hint(id), 1),
                _ => cell.label.clone(),
            },
            hint: match (&cell.hint, id) {
                (Some(sentence), Some(id)) => Some(sentence.replacen(HOLE, id, 1)),
                (sentence, None) => sentence.clone(),
                (None, Some(id)) => Some(id.to_owned()),
            },
        }
    }

    /// Every row, worded (to store the list, or to export it).
    pub fn rows(&self) -> impl Iterator<Item = ProfileRow> + '_ {
        self.rows.iter().map(|r| self.expand(r))
    }

    /// One row by id.
    pub fn row(&self, id: &str) -> Option<ProfileRow> {
        self.rows
            .iter()
            .find(|r| self.words.get(r.id) == id)
            .map(|r| self.expand(r))
    }

    fn changed(&mut self) {
        self.words.kept(&mut self.rows);
        self.generation += 1;
        self.orders.clear();
        self.last = None;
        self.counts = None;
    }

    /// Which rows' keys contain `needle` (folded, non-empty), one flag per row in row order.
    pub(crate) fn rows_containing(&mut self, needle: &str) -> Vec<bool> {
        self.keys.containing(needle)
    }

    /// Puts a profile's new row in place (or adds it); answers whether the list changed (a
    /// profile read again as it was is no change).
    pub fn upsert(&mut self, row: ProfileRow) -> bool {
        if let Some(at) = self.position(&row.id) {
            if self.expand(&self.rows[at]) == row {
                return false;
            }
            self.keys.replace(at, &row_key(&row));
            let mut compact = self.compact(row);
            compact.campaigns = self.rows[at].campaigns;
            let old = std::mem::replace(&mut self.rows[at], compact);
            self.words.forget(&old);
        } else {
            self.keys.push(&row_key(&row));
            let compact = self.compact(row);
            self.rows.push(compact);
        }
        self.changed();
        true
    }

    /// Takes a profile out; answers whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(at) = self.position(id) else {
            return false;
        };
        let old = self.rows.remove(at);
        self.keys.remove(at);
        self.words.forget(&old);
        self.changed();
        true
    }

    /// Where the row of a profile is.
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        self.rows.iter().position(|r| self.words.get(r.id) == id)
    }

    pub(crate) fn order(&mut self, sort: SortKey, direction: SortDirection) -> Arc<Vec<u32>> {
        if let Some(order) = self.orders.get(&(sort, direction)) {
            return order.clone();
        }
        let (rows, words) = (&self.rows, &self.words);
        // Every order ends in the name order: computed once, from one sort key per row.
        let by_name = match self.orders.get(&(SortKey::Name, SortDirection::Asc)) {
            Some(order) => order.clone(),
            None => {
                let keys: Vec<String> = (0..rows.len())
                    .map(|i| natural_key(name_key(self.keys.key(i))))
                    .collect();
                let mut order: Vec<u32> =
                    (0..u32::try_from(rows.len()).unwrap_or(u32::MAX)).collect();
                order.sort_unstable_by(|&a, &b| {
                    let (ra, rb) = (&rows[a as usize], &rows[b as usize]);
                    keys[a as usize]
                        .cmp(&keys[b as usize])
                        .then_with(|| words.get(ra.name).cmp(words.get(rb.name)))
                        .then_with(|| words.get(ra.id).cmp(words.get(rb.id)))
                });
                let order = Arc::new(order);
                self.orders
                    .insert((SortKey::Name, SortDirection::Asc), order.clone());
                order
            }
        };
        // Each row's place in the name order: the tie-break of the other orders.
        let mut place = vec![0u32; rows.len()];
        for (at, &i) in by_name.iter().enumerate() {
            place[i as usize] = u32::try_from(at).unwrap_or(u32::MAX);
        }
        let mut order: Vec<u32> = by_name.to_vec();
        match sort {
            SortKey::Name => {}
            SortKey::Status => {
                let labels: Vec<String> = self
                    .statuses
                    .values
                    .iter()
                    .map(|s| natural_key(&fold(&s.label)))
                    .collect();
                // Stable: equal statuses keep the name order.
                order.sort_by(|&a, &b| {
                    labels[usize::from(rows[a as usize].status)]
                        .cmp(&labels[usize::from(rows[b as usize].status)])
                });
            }
            SortKey::Created => order.sort_by(|&a, &b| {
                let (ra, rb) = (&rows[a as usize], &rows[b as usize]);
                // Profiles the server gave no creation time sort last either way.
                let created = match (ra.created_at, rb.created_at) {
                    (Created::Unknown, Created::Unknown) => Ordering::Equal,
                    (Created::Unknown, _) => Ordering::Greater,
                    (_, Created::Unknown) => Ordering::Less,
                    (x, y) => match direction {
                        SortDirection::Asc => x.cmp(y, words),
                        SortDirection::Desc => y.cmp(x, words),
                    },
                };
                created.then_with(|| match direction {
                    SortDirection::Asc => place[a as usize].cmp(&place[b as usize]),
                    SortDirection::Desc => place[b as usize].cmp(&place[a as usize]),
                })
            }),
        }
        if sort != SortKey::Created && direction == SortDirection::Desc {
            order.reverse();
        }
        let order = Arc::new(order);
        self.orders.insert((sort, direction), order.clone());
        order
    }

    fn matches(&mut self, query: &ListQuery) -> Arc<Vec<u32>> {
        let pick = |value: &str, found: Option<u16>| (!value.is_empty()).then_some(found);
        let key = MatchKey {
            needle: fold(query.search.trim()),
            status: pick(
                &query.status,
                self.statuses.find(|s| s.value == query.status),
            ),
            billing: pick(
                &query.billing,
                self.billing.find(|b| b.value == query.billing),
            ),
            sort: query.sort,
            direction: query.direction,
        };
        if let Some((last, matched)) = &self.last {
            if *last == key {
                return matched.clone();
            }
        }
        let order = self.order(query.sort, query.direction);
        let matched = if key.needle.is_empty() && key.status.is_none() && key.billing.is_none() {
            order
        } else {
            let found = (!key.needle.is_empty()).then(|| self.rows_containing(&key.needle));
            let rows = &self.rows;
            Arc::new(
                order
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let row = &rows[i as usize];
                        key.status.is_none_or(|s| s == Some(row.status))
                            && key.billing.is_none_or(|b| b == Some(row.billing))
                            && found.as_ref().is_none_or(|f| f[i as usize])
                    })
                    .collect(),
            )
        };
        self.last = Some((key, matched.clone()));
        matched
    }

    fn facets(
        &self,
        known: &[crate::Choice],
        counts: &[u32],
        words: impl Fn(usize) -> (String, String),
    ) -> Vec<Facet> {
        let mut out: Vec<Facet> = known
            .iter()
            .map(|c| Facet {
                value: c.value.clone(),
                label: c.label.clone(),
                count: 0,
            })
            .collect();
        for (i, count) in counts.iter().enumerate() {
            let (value, label) = words(i);
            match out.iter_mut().find(|f| f.value == value) {
                Some(facet) => facet.count += count,
                None => out.push(Facet {
                    value,
                    label,
                    count: *count,
                }),
            }
        }
        out
    }

    /// Rows per status and per billing model, over the whole list.
    fn facet_counts(&mut self) -> (Vec<u32>, Vec<u32>) {
        if let Some(counts) = &self.counts {
            return counts.clone();
        }
        let mut status_counts = vec![0u32; self.statuses.values.len()];
        let mut billing_counts = vec![0u32; self.billing.values.len()];
        for row in &self.rows {
            status_counts[usize::from(row.status)] += 1;
            billing_counts[usize::from(row.billing)] += 1;
        }
        self.counts = Some((status_counts.clone(), billing_counts.clone()));
        (status_counts, billing_counts)
    }

    /// Answers one window of the list.
    pub fn query(&mut self, query: &ListQuery, labels: &DomainLabels) -> ListWindow {
        let matched = self.matches(query);
        let total = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        let count = u32::try_from(matched.len()).unwrap_or(u32::MAX);
        let offset = query.offset.min(count);
        let end = offset
            .saturating_add(query.limit.min(MAX_WINDOW))
            .min(count);
        let rows = matched[offset as usize..end as usize]
            .iter()
            .map(|&i| self.expand(&self.rows[i as usize]))
            .collect();
        // The row found by id in row order, then its place among the matches (numbers only).
        let focus_index = query.focus_id.as_deref().and_then(|id| {
            let at = self.position(id)?;
            let at = u32::try_from(at).ok()?;
            matched
                .iter()
                .position(|&i| i == at)
                .and_then(|p| u32::try_from(p).ok())
        });
        let (status_counts, billing_counts) = self.facet_counts();
        let statuses = self.facets(&labels.statuses, &status_counts, |i| {
            let s = &self.statuses.values[i];
            (s.value.clone(), s.label.clone())
        });
        let billing_models = self.facets(&labels.billing_models, &billing_counts, |i| {
            let b = &self.billing.values[i];
            (b.value.clone(), b.label.clone())
        });
        ListWindow {
            workspace_id: self.workspace_id.clone(),
            generation: self.generation,
            total,
            matched: count,
            offset,
            rows,
            statuses,
            billing_models,
            focus_index,
            fetched_at: self.fetched_at,
            complete: self.complete,
        }
    }

    /// The palette's profile options for what was typed: "Open" and "Send a test message as" per
    /// profile, ranked as the palette ranks its commands (see [`rank`]), in name order within a rank.
    pub fn palette(&mut self, text: &str, cap: u32) -> PaletteProfiles {
        let query = PaletteQuery::parse(text);
        let cap = cap.min(MAX_PALETTE) as usize;
        let verbs = [
            (PaletteVerb::Open, format!("{SEP}{}", fold("Open"))),
            (
                PaletteVerb::Send,
                format!("{SEP}{}", fold("Send a test message as")),
            ),
        ];
        let mut buckets: Vec<Vec<(PaletteVerb, u32)>> = vec![Vec::new(); RANKS];
        let mut total = 0u32;
        let order = self.order(SortKey::Name, SortDirection::Asc);
        let verb_classes: Vec<Classes> = verbs
            .iter()
            .map(|(_, key)| Classes::of(key, &query))
            .collect();
        // Only a row whose key holds one of the words can rank by its own key; the others rank by
        // the verb alone (no word found in them), so their keys are not searched one by one.
        let mut candidates: Option<Vec<bool>> = None;
        for token in &query.tokens {
            let found = self.rows_containing(token);
            match &mut candidates {
                None => candidates = Some(found),
                Some(all) => all.iter_mut().zip(found).for_each(|(a, f)| *a |= f),
            }
        }
        let nowhere = Classes::nowhere(&query);
        let mut searched;
        for &i in order.iter() {
            let row = if candidates.as_ref().is_none_or(|c| c[i as usize]) {
                searched = Classes::of(self.keys.key(i as usize), &query);
                &searched
            } else {
                &nowhere
            };
            for ((verb, _), classes) in verbs.iter().zip(&verb_classes) {
                if let Some(at) = classes.rank_with(row, &query) {
                    total += 1;
                    if buckets[at].len() < cap {
                        buckets[at].push((*verb, i));
                    }
                }
            }
        }
        let mut items = Vec::new();
        for (at, bucket) in buckets.into_iter().enumerate() {
            for (verb, i) in bucket {
                if items.len() >= cap {
                    break;
                }
                let row = &self.rows[i as usize];
                items.push(PaletteProfile {
                    verb,
                    rank: u8::try_from(at).unwrap_or(u8::MAX),
                    id: self.words.get(row.id).to_owned(),
                    name: self.words.get(row.name).to_owned(),
                    short_name: self.words.opt(row.short_name).map(str::to_owned),
                });
            }
        }
        PaletteProfiles {
            workspace_id: self.workspace_id.clone(),
            items,
            total,
        }
    }

    /// The list in the compact form the local database keeps.
    pub fn stored(&self) -> StoredList {
        // The stored form is as before: a WhatsApp cell with its hint is a cell of its own there.
        let mut cells = self.cells.clone();
        let mut index: HashMap<SourceCell, u32> = HashMap::new();
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let whatsapp = match r.whatsapp_hint {
                    None => r.whatsapp,
                    Some(_) => *index
                        .entry(self.whatsapp_cell(r))
                        .or_insert_with_key(|cell| {
                            cells.push(cell.clone());
                            u32::try_from(cells.len() - 1).unwrap_or(u32::MAX)
                        }),
                };
                StoredRow(
                    self.words.get(r.id).to_owned(),
                    self.words.get(r.name).to_owned(),
                    self.words.opt(r.short_name).map(str::to_owned),
                    r.status,
                    r.billing,
                    r.brand,
                    r.brand_submitted_to_tcr,
                    whatsapp,
                    r.created_at.text(&self.words).map(|t| t.into_owned()),
                    r.review,
                    r.brand_detail,
                    r.campaigns.map(|c| (c.count, c.active, c.read_at)),
                )
            })
            .collect();
        StoredList {
            fetched_at: self.fetched_at,
            complete: self.complete,
            request_id: self.request_id.clone(),
            statuses: self.statuses.values.clone(),
            billing: self.billing.values.clone(),
            cells,
            rows,
        }
    }

    /// A list read back from the local database; `None` when it does not hold together (an index
    /// out of its tables), so the caller words the rows anew.
    pub fn from_stored(workspace_id: impl Into<String>, stored: StoredList) -> Option<Self> {
        let mut model = Self::empty(workspace_id);
        model.fetched_at = stored.fetched_at;
        model.complete = stored.complete;
        model.request_id = stored.request_id;
        for r in &stored.rows {
            if usize::from(r.3) >= stored.statuses.len()
                || usize::from(r.4) >= stored.billing.len()
                || r.5 as usize >= stored.cells.len()
                || r.7 as usize >= stored.cells.len()
                || r.10 as usize >= stored.cells.len()
            {
                return None;
            }
        }
        model.statuses.values = stored.statuses;
        model.billing.values = stored.billing;
        // Each stored cell interned again when a row first uses it: a WhatsApp cell with a hint
        // is interned as rows share it, its account id going to the row's text
        // (`shared_whatsapp`).
        let mut plain: Vec<Option<u32>> = vec![None; stored.cells.len()];
        let mut stripped: Vec<Option<u32>> = vec![None; stored.cells.len()];
        let mut words = Words::default();
        let mut rows = Vec::with_capacity(stored.rows.len());
        for StoredRow(
            id,
            name,
            short_name,
            status,
            billing,
            brand,
            submitted,
            whatsapp,
            created_at,
            review,
            brand_detail,
            campaigns,
        ) in stored.rows
        {
            let mut cell = |at: u32, model: &mut Self| -> u32 {
                *plain[at as usize]
                    .get_or_insert_with(|| model.cell(stored.cells[at as usize].clone()))
            };
            let brand = cell(brand, &mut model);
            let brand_detail = cell(brand_detail, &mut model);
            let (shared, account, whatsapp_label_hole) =
                shared_whatsapp(&stored.cells[whatsapp as usize]);
            let whatsapp_hint = account.map(|a| words.put(a));
            let whatsapp = *stripped[whatsapp as usize].get_or_insert_with(|| model.cell(shared));
            model
                .keys
                .push(&search_key(&name, short_name.as_deref(), &id));
            rows.push(Row {
                review,
                brand_detail,
                campaigns: campaigns.map(|(count, active, read_at)| crate::board::CampaignCount {
                    count,
                    active,
                    read_at,
                }),
                id: words.put(&id),
                name: words.put(&name),
                short_name: short_name.as_deref().map(|s| words.put(s)),
                status,
                billing,
                brand,
                brand_submitted_to_tcr: submitted,
                whatsapp,
                whatsapp_hint,
                whatsapp_label_hole,
                created_at: Created::put(created_at.as_deref(), &mut words),
            });
        }
        model.rows = rows;
        model.keys.shrink_to_fit();
        words.text.shrink_to_fit();
        model.words = words;
        Some(model)
    }
}

/// The list as the local database keeps it: the words once, then one short tuple per row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredList {
    fetched_at: Option<i64>,
    complete: bool,
    request_id: Option<String>,
    statuses: Vec<StatusWords>,
    billing: Vec<BillingWords>,
    cells: Vec<SourceCell>,
    rows: Vec<StoredRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct StoredRow(
    String,
    String,
    Option<String>,
    u16,
    u16,
    u32,
    bool,
    u32,
    Option<String>,
    crate::board::ReviewFacts,
    u32,
    Option<(u16, u16, i64)>,
);

// Names, ids, labels and WABA ids of profiles (no key or token).
impl sent_model::NoSecret for StoredList {}
impl sent_model::NoSecret for ListWindow {}

const RANKS: usize = 6;

/// What was typed in the palette, folded: the whole, and its words.
struct PaletteQuery {
    whole: String,
    tokens: Vec<String>,
}

impl PaletteQuery {
    fn parse(text: &str) -> Self {
        let tokens: Vec<String> = fold(text).split_whitespace().map(str::to_owned).collect();
        Self {
            whole: tokens.join(" "),
            tokens,
        }
    }
}

/// How `needle` (folded, non-empty) occurs in `key`: 0 at the start of a term, 1 at the start of a
/// word, 2 inside a word, `None` not at all.
fn match_class(key: &str, needle: &str) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (at, _) in key.match_indices(needle) {
        match key[..at].chars().next_back() {
            None | Some(SEP) => return Some(0),
            Some(before) => {
                let found = if before.is_alphanumeric() { 2 } else { 1 };
                best = Some(best.map_or(found, |b| b.min(found)));
            }
        }
    }
    best
}

#[cfg(test)]
fn best_of(keys: &[&str], needle: &str) -> Option<usize> {
    let mut best: Option<usize> = None;
    for key in keys {
        match match_class(key, needle) {
            Some(0) => return Some(0),
            Some(found) => best = Some(best.map_or(found, |b| b.min(found))),
            None => {}
        }
    }
    best
}

/// How the whole query and each of its words occur in one key.
struct Classes {
    whole: Option<usize>,
    tokens: Vec<Option<usize>>,
}

impl Classes {
    fn of(key: &str, query: &PaletteQuery) -> Self {
        if query.whole.is_empty() {
            return Self {
                whole: Some(0),
                tokens: Vec::new(),
            };
        }
        let whole = match_class(key, &query.whole);
        // The words count only for queries of several words.
        let tokens = if query.tokens.len() < 2 {
            Vec::new()
        } else {
            query.tokens.iter().map(|t| match_class(key, t)).collect()
        };
        Self { whole, tokens }
    }

    /// The classes of a key holding none of the query's words.
    fn nowhere(query: &PaletteQuery) -> Self {
        if query.whole.is_empty() {
            return Self::of("", query);
        }
        Self {
            whole: None,
            tokens: if query.tokens.len() < 2 {
                Vec::new()
            } else {
                vec![None; query.tokens.len()]
            },
        }
    }

    /// [`rank`] over this key and `other`, from their classes.
    fn rank_with(&self, other: &Classes, query: &PaletteQuery) -> Option<usize> {
        if query.whole.is_empty() {
            return Some(0);
        }
        let best = |a: Option<usize>, b: Option<usize>| match (a, b) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, None) => x,
            (None, y) => y,
        };
        if let Some(whole) = best(self.whole, other.whole) {
            return Some(whole);
        }
        if query.tokens.len() < 2 {
            return None;
        }
        let mut worst = 0;
        for (a, b) in self.tokens.iter().zip(&other.tokens) {
            worst = worst.max(best(*a, *b)?);
        }
        Some(3 + worst)
    }
}

/// The rank of an option whose search keys are `keys` (lower is better), or `None` when it does
/// not match. The whole query as a term prefix, word prefix or substring ranks 0, 1, 2; otherwise
/// every word must match somewhere (in any order: "send acme"), ranked 3–5 by its worst word. An
/// empty query matches everything at rank 0. The palette's TypeScript ranks its commands the same;
/// [`Classes`] is the same rank, each key searched once per query (kept here as its definition).
#[cfg(test)]
fn rank(keys: &[&str], query: &PaletteQuery) -> Option<usize> {
    if query.whole.is_empty() {
        return Some(0);
    }
    if let Some(whole) = best_of(keys, &query.whole) {
        return Some(whole);
    }
    if query.tokens.len() < 2 {
        return None;
    }
    let mut worst = 0;
    for token in &query.tokens {
        worst = worst.max(best_of(keys, token)?);
    }
    Some(3 + worst)
}

#[cfg(test)]
#[path = "list_tests.rs"]
mod tests;
