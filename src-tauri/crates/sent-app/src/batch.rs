//! Bulk onboarding from a spreadsheet: a CSV or Excel file read into rows, its headers mapped to
//! profile fields (remembered per workspace), every row checked with the onboarding rules (plus
//! duplicates in the file and names the workspace already has), a dry run, then the run: each
//! row's Idempotency-Key is in the database before its first request, a few rows go out at a time
//! at the pace Sent allows (a 429 holds the whole batch), pause, resume and cancel, and a run cut
//! by a crash resumes with the same keys. A WhatsApp token column is held in memory only.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use sent_client::{CallOptions, Pace, ProfileBackend};
use sent_model::{ProfileDetail, ProfileId, SecretString, WriteOutcome};
use sent_views::batch::{
    self as words, column, column_of_path, BatchCells, BatchSettings, Column, ColumnKind,
    RememberedMapping, RowState, COLUMNS,
};
use serde::{Deserialize, Serialize};
use sha2::Digest;
use ts_rs::TS;
use uuid::Uuid;

use crate::core::Core;
use crate::edit::{explain_save_error, remember_profile};
use crate::error::{AppError, ErrorKind};
use crate::events::AppEvent;
use crate::journal::{record, EntryOutcome, JournalAction};
use crate::onboard::{check_draft_in, created_fields, organization_context, OnboardingSecrets};

/// Rows sent at once. Sent's limits are per account; the pace does the rest.
pub const CONCURRENCY: usize = 4;
/// The most rows a file may have.
pub const MAX_ROWS: usize = 10_000;
/// The largest file read.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Attempts of a row within one run when its outcome stays unknown or it was not applied (429
/// after the client's own retries, 503): each with the row's one key.
const ATTEMPTS_PER_RUN: u32 = 4;
/// The workspace fact holding the last mapping.
const MAPPING_KEY: &str = "batch_mapping";

/// A file read, waiting for its mapping to be confirmed (held in memory only: it may hold tokens).
struct PendingFile {
    workspace: Uuid,
    source: String,
    fingerprint: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// What the app holds of an open batch.
struct BatchModel {
    id: String,
    workspace: Uuid,
    source: String,
    fingerprint: String,
    state: String,
    settings: BatchSettings,
    /// The columns the file filled, in the file's order.
    columns: Vec<&'static str>,
    rows: Vec<RowModel>,
    /// WhatsApp access tokens by row, from the file or typed in: memory only.
    tokens: HashMap<u32, SecretString>,
    created_at: i64,
}

#[derive(Clone)]
struct RowModel {
    row_no: u32,
    cells: BatchCells,
    key: String,
    state: RowState,
    /// Column id ("" for the row as a whole) → what is wrong, in words.
    problems: BTreeMap<String, Vec<String>>,
    profile_id: Option<String>,
    message: Option<String>,
    dry_run: Option<DryRunAnswer>,
}

/// What to do with a run in flight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Control {
    Go,
    Pause,
    Cancel,
}

/// The batches the app holds, with their runs' controls.
#[derive(Default)]
pub struct Batches {
    pending: Mutex<HashMap<String, PendingFile>>,
    open: Mutex<HashMap<String, Arc<Mutex<BatchModel>>>>,
    controls: Mutex<HashMap<String, tokio::sync::watch::Sender<Control>>>,
}

/// A file read: its headers, how they map to fields, a few rows to recognise it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BatchFile {
    pub import_id: String,
    /// The file's name (never its folder).
    pub source: String,
    pub headers: Vec<String>,
    /// Per header, the column it fills (`None`: ignored).
    pub mapping: Vec<Option<String>>,
    /// The first rows, a token column masked.
    pub samples: Vec<Vec<String>>,
    pub rows: u32,
    /// Every column a header may fill.
    pub columns: Vec<Column>,
}

/// The answer of a dry run for a row.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DryRunAnswer {
    pub accepted: bool,
    pub message: String,
}

/// One problem of a row, on a cell (`column`) or on the row as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CellProblem {
    pub column: Option<String>,
    pub message: String,
}

/// A row as the grid shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BatchRowView {
    /// The row's number in the file (the header is row 1, so the first client is row 2).
    pub row_no: u32,
    pub state: RowState,
    pub state_label: String,
    /// The cells, in the batch's `columns` order (a token: masked).
    pub cells: Vec<String>,
    pub problems: Vec<CellProblem>,
    pub profile_id: Option<String>,
    pub message: Option<String>,
    pub dry_run: Option<DryRunAnswer>,
}

/// How many rows are where.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BatchCounts {
    pub total: u32,
    pub ready: u32,
    pub problems: u32,
    pub created: u32,
    pub refused: u32,
    pub unknown: u32,
    pub sending: u32,
    pub skipped: u32,
}

/// A column the batch shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BatchColumn {
    pub id: String,
    pub label: String,
    pub secret: bool,
}

/// A batch as its screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BatchView {
    pub id: String,
    pub workspace_id: String,
    pub source: String,
    /// `open` (being checked), `running`, `paused`, `cancelled`, `finished`.
    pub state: String,
    pub settings: BatchSettings,
    pub columns: Vec<BatchColumn>,
    pub counts: BatchCounts,
    #[ts(type = "number")]
    pub created_at: i64,
}

/// Which rows a window shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BatchFilter {
    #[default]
    All,
    Problems,
    Ready,
    Created,
    Refused,
    Unknown,
}

/// A window of a batch's rows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BatchWindow {
    pub batch: BatchView,
    pub filter: BatchFilter,
    pub matched: u32,
    pub offset: u32,
    pub rows: Vec<BatchRowView>,
}

/// A run's progress (`batch_progress`), pushed after each row.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BatchProgress {
    pub batch_id: String,
    pub workspace_id: String,
    pub dry_run: bool,
    /// `running`, `paused`, `cancelled`, `finished`.
    pub state: String,
    pub done: u32,
    pub total: u32,
    /// Rows a minute so far.
    pub rate_per_minute: f64,
    pub seconds_left: Option<u32>,
    /// How often Sent asked the batch to slow down.
    #[ts(type = "number")]
    pub slowed: u64,
    pub counts: BatchCounts,
    /// The rows that changed.
    pub rows: Vec<BatchRowView>,
}

/// An interrupted or unfinished batch, offered to resume.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BatchSummary {
    pub id: String,
    pub source: String,
    pub state: String,
    pub counts: BatchCounts,
    #[ts(type = "number")]
    pub updated_at: i64,
    /// Rows still to send.
    pub left: u32,
}

/// A results file written.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BatchExport {
    pub path: String,
    pub rows: u32,
}

// ------------------------------------------------------------------------------------------------
// Reading a file
// ------------------------------------------------------------------------------------------------

/// A spreadsheet's cells: the first non-empty row is the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn unreadable(message: impl Into<String>) -> AppError {
    let mut error = AppError::new(ErrorKind::Validation, message);
    error.fields = Some(BTreeMap::from([(
        "file".to_owned(),
        vec![error.message.clone()],
    )]));
    error
}

/// Reads a CSV (comma, semicolon or tab separated; UTF-8, with or without a byte-order mark) or an
/// Excel workbook (`.xlsx`, its first sheet).
pub fn read_sheet(file_name: &str, bytes: &[u8]) -> Result<Sheet, AppError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(unreadable(format!(
            "The file is {} MB; a batch file may be at most {} MB. Split it into smaller files.",
            bytes.len() / 1_048_576,
            MAX_FILE_BYTES / 1_048_576
        )));
    }
    let lower = file_name.to_lowercase();
    let cells = if bytes.starts_with(b"PK\x03\x04") || lower.ends_with(".xlsx") {
        read_xlsx(bytes)?
    } else if lower.ends_with(".xls") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(unreadable(
            "This is an older Excel file (.xls). Save it as an Excel workbook (.xlsx) or as CSV, then import it.",
        ));
    } else {
        read_csv(bytes)?
    };
    let mut rows = cells
        .into_iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()));
    let headers: Vec<String> = rows
        .next()
        .ok_or_else(|| {
            unreadable("The file is empty: it needs a header row and one row per client.")
        })?
        .into_iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let rows: Vec<Vec<String>> = rows.collect();
    if rows.is_empty() {
        return Err(unreadable(
            "The file has a header row but no client: add one row per client under it.",
        ));
    }
    if rows.len() > MAX_ROWS {
        return Err(unreadable(format!(
            "The file has {} clients; a batch takes at most {MAX_ROWS}. Split it into smaller files.",
            rows.len()
        )));
    }
    Ok(Sheet { headers, rows })
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, AppError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |d: u8| first.iter().filter(|b| **b == d).count();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| count(*d))
        .filter(|d| count(*d) > 0)
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.byte_records() {
        let record = record.map_err(|e| {
            unreadable(format!(
                "The file could not be read as CSV ({e}). Save it from your spreadsheet as CSV (UTF-8) and import it again."
            ))
        })?;
        rows.push(
            record
                .iter()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect(),
        );
        if rows.len() > MAX_ROWS + 1 {
            break;
        }
    }
    Ok(rows)
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, AppError> {
    use calamine::{Data, Reader};
    let not_xlsx = |e: &dyn std::fmt::Display| {
        unreadable(format!(
            "The file could not be read as an Excel workbook ({e}). Save it as .xlsx or CSV and import it again."
        ))
    };
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|e| not_xlsx(&e))?;
    let first = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| unreadable("The workbook has no sheet."))?;
    let range = workbook.worksheet_range(&first).map_err(|e| not_xlsx(&e))?;
    Ok(range
        .rows()
        .take(MAX_ROWS + 2)
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    // 12345.0 is "12345" (a tax id, a postal code typed as a number).
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        format!("{}", *f as i64)
                    }
                    other => other.to_string(),
                })
                .collect()
        })
        .collect())
}

fn fingerprint(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The file's own name, whatever path came with it.
fn file_name_only(name: &str) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    if name.is_empty() {
        "clients.csv".into()
    } else {
        name.chars().take(120).collect()
    }
}

/// A file's headers mapped to fields: the workspace's remembered mapping first, then the guess.
fn guessed_mapping(
    state: &Core,
    workspace_id: Uuid,
    headers: &[String],
) -> Result<Vec<Option<String>>, AppError> {
    let remembered = state
        .with_store(|store| {
            store.fact::<RememberedMapping>(&workspace_id.to_string(), MAPPING_KEY)
        })?
        .flatten()
        .unwrap_or_default();
    Ok(words::map_headers(headers, &remembered.0))
}

// ------------------------------------------------------------------------------------------------
// The use cases
// ------------------------------------------------------------------------------------------------

/// Reads a file the user chose (its bytes; the app never learns its folder) and guesses its
/// mapping (the workspace's last one first).
pub async fn read_batch_file(
    state: &Core,
    workspace_id: Uuid,
    file_name: String,
    bytes: Vec<u8>,
) -> Result<BatchFile, AppError> {
    state.workspaces.find(workspace_id)?;
    let sheet = read_sheet(&file_name, &bytes)?;
    let mapping = guessed_mapping(state, workspace_id, &sheet.headers)?;
    let secret: Vec<bool> = mapping
        .iter()
        .map(|m| {
            m.as_deref()
                .and_then(column)
                .is_some_and(|c| c.kind == ColumnKind::Secret)
        })
        .collect();
    let samples = sheet
        .rows
        .iter()
        .take(3)
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, c)| {
                    if secret.get(i).copied().unwrap_or(false) && !c.is_empty() {
                        "••••".into()
                    } else {
                        c.clone()
                    }
                })
                .collect()
        })
        .collect();
    let import_id = Uuid::new_v4().to_string();
    let file = BatchFile {
        import_id: import_id.clone(),
        source: file_name_only(&file_name),
        headers: sheet.headers.clone(),
        mapping,
        samples,
        rows: sheet.rows.len() as u32,
        columns: COLUMNS.to_vec(),
    };
    let mut pending = state
        .batches
        .pending
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    // One file waits per workspace: a new one replaces it (and its tokens leave memory).
    pending.retain(|_, p| p.workspace != workspace_id);
    pending.insert(
        import_id,
        PendingFile {
            workspace: workspace_id,
            source: file.source.clone(),
            fingerprint: fingerprint(&bytes),
            headers: sheet.headers,
            rows: sheet.rows,
        },
    );
    Ok(file)
}

/// Makes the batch from a file read and its confirmed mapping: every row with its key is written
/// to the database, then checked.
pub async fn start_batch(
    state: &Core,
    workspace_id: Uuid,
    import_id: String,
    mapping: Vec<Option<String>>,
    settings: BatchSettings,
) -> Result<BatchWindow, AppError> {
    let file = state
        .batches
        .pending
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&import_id)
        .filter(|p| p.workspace == workspace_id)
        .ok_or_else(|| {
            AppError::new(
                ErrorKind::NotFound,
                "This file is no longer open (another file was chosen, or the app restarted). Choose it again.",
            )
        })?;
    let batch = make_batch(state, workspace_id, file, mapping, settings)?;
    let id = batch.id.clone();
    open_model(state, batch);
    batch_window(state, id, BatchFilter::All, 0, 200).await
}

fn check_mapping(
    headers: &[String],
    mapping: &[Option<String>],
) -> Result<Vec<(usize, &'static str)>, AppError> {
    let mut fields: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut used = BTreeMap::new();
    let mut columns = Vec::new();
    for (i, m) in mapping.iter().enumerate().take(headers.len()) {
        let Some(id) = m.as_deref().filter(|m| !m.is_empty()) else {
            continue;
        };
        let Some(c) = column(id) else {
            fields
                .entry("mapping".into())
                .or_default()
                .push(format!("“{id}” is not a profile field."));
            continue;
        };
        if let Some(other) = used.insert(c.id, i) {
            fields.entry("mapping".into()).or_default().push(format!(
                "“{}” and “{}” both fill {}: choose one.",
                headers[other], headers[i], c.label
            ));
        }
        columns.push((i, c.id));
    }
    if !used.contains_key("name") {
        fields
            .entry("mapping".into())
            .or_default()
            .push("Choose the column that holds each client's name.".into());
    }
    if fields.is_empty() {
        Ok(columns)
    } else {
        let mut error = AppError::new(
            ErrorKind::Validation,
            "The mapping needs a change before the rows can be checked.",
        );
        error.fields = Some(fields);
        Err(error)
    }
}

fn make_batch(
    state: &Core,
    workspace_id: Uuid,
    file: PendingFile,
    mapping: Vec<Option<String>>,
    settings: BatchSettings,
) -> Result<BatchModel, AppError> {
    let columns = check_mapping(&file.headers, &mapping)?;
    let workspace = workspace_id.to_string();
    state.with_store(|store| {
        store.put_fact(
            &workspace,
            MAPPING_KEY,
            &RememberedMapping(words::remembered_mapping(&file.headers, &mapping)),
        )
    })?;
    let mut rows = Vec::with_capacity(file.rows.len());
    let mut tokens = HashMap::new();
    for (i, raw) in file.rows.into_iter().enumerate() {
        let row_no = i as u32 + 2;
        let (cells, secrets) = BatchCells::new(
            columns
                .iter()
                .map(|(at, id)| ((*id).to_owned(), raw.get(*at).cloned().unwrap_or_default())),
        );
        if let Some(token) = secrets.get("access_token") {
            tokens.insert(row_no, SecretString::new(token.clone()));
        }
        rows.push(RowModel {
            row_no,
            cells,
            key: Uuid::new_v4().to_string(),
            state: RowState::Ready,
            problems: BTreeMap::new(),
            profile_id: None,
            message: None,
            dry_run: None,
        });
    }
    let mut model = BatchModel {
        id: Uuid::new_v4().to_string(),
        workspace: workspace_id,
        source: file.source,
        fingerprint: file.fingerprint,
        state: "open".into(),
        settings,
        columns: columns.iter().map(|(_, id)| *id).collect(),
        rows,
        tokens,
        created_at: crate::profiles::now_ms(),
    };
    // The rows and their keys are kept before anything else happens to them.
    state.with_store(|store| {
        store.create_batch(&sent_store::NewBatch {
            id: &model.id,
            workspace_id: &workspace,
            source: &model.source,
            fingerprint: &model.fingerprint,
            state: &model.state,
            settings: &StoredSettings::of(&model),
            rows: model
                .rows
                .iter()
                .map(|r| (r.row_no, &r.cells, r.key.as_str()))
                .collect(),
        })
    })?;
    check_all(state, &mut model);
    Ok(model)
}

/// What the database keeps of a batch besides its rows.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredSettings {
    settings: BatchSettings,
    columns: Vec<String>,
}

// Settings and column ids.
impl sent_model::NoSecret for StoredSettings {}

impl StoredSettings {
    fn of(model: &BatchModel) -> Self {
        Self {
            settings: model.settings.clone(),
            columns: model.columns.iter().map(|c| (*c).to_owned()).collect(),
        }
    }
}

fn open_model(state: &Core, model: BatchModel) -> Arc<Mutex<BatchModel>> {
    let id = model.id.clone();
    let model = Arc::new(Mutex::new(model));
    state
        .batches
        .open
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id, model.clone());
    model
}

/// The batch, from memory or the database.
fn model(state: &Core, batch_id: &str) -> Result<Arc<Mutex<BatchModel>>, AppError> {
    if let Some(model) = state
        .batches
        .open
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(batch_id)
    {
        return Ok(model.clone());
    }
    let not_found = || {
        AppError::new(
            ErrorKind::NotFound,
            "This batch no longer exists (it was discarded, or its workspace removed).",
        )
    };
    let (record, rows) = state
        .with_store(|store| {
            let Some(record) = store.batch(batch_id)? else {
                return Ok(None);
            };
            let rows = store.batch_rows::<BatchCells>(batch_id)?;
            Ok(Some((record, rows)))
        })?
        .flatten()
        .ok_or_else(not_found)?;
    let stored: StoredSettings =
        serde_json::from_value(record.settings).map_err(AppError::database)?;
    let workspace = record
        .workspace_id
        .parse::<Uuid>()
        .map_err(|_| not_found())?;
    let mut model = BatchModel {
        id: record.id,
        workspace,
        source: record.source,
        fingerprint: record.fingerprint,
        // A batch found "running" in the database was cut short (the app stopped): it is paused.
        state: if record.state == "running" {
            "paused".into()
        } else {
            record.state
        },
        settings: stored.settings,
        columns: stored
            .columns
            .iter()
            .filter_map(|c| column(c).map(|c| c.id))
            .collect(),
        rows: rows
            .into_iter()
            .map(|r| RowModel {
                row_no: r.row_no,
                cells: r.row,
                key: r.idempotency_key,
                state: RowState::parse(&r.state),
                problems: BTreeMap::new(),
                profile_id: r.profile_id,
                message: r.message,
                dry_run: None,
            })
            .collect(),
        tokens: HashMap::new(),
        created_at: record.created_at,
    };
    check_all(state, &mut model);
    Ok(open_model(state, model))
}

/// Checks every row still to send with the shared rules, duplicates in the file and names the
/// workspace already has.
fn check_all(state: &Core, model: &mut BatchModel) {
    let workspace = model.workspace.to_string();
    let context = organization_context(state, &workspace);
    let existing: HashMap<String, String> = state.lists.with(model.workspace, |m| {
        m.names()
            .map(|(id, name)| (words::fold_name(name), id.to_owned()))
            .collect()
    });
    let mut in_file: HashMap<String, Vec<u32>> = HashMap::new();
    for row in &model.rows {
        let name = row.cells.folded_name();
        if !name.is_empty() {
            in_file.entry(name).or_default().push(row.row_no);
        }
    }
    let has_token_column = model.columns.contains(&"access_token");
    for row in &mut model.rows {
        if !matches!(
            row.state,
            RowState::Ready
                | RowState::Problems
                | RowState::Refused
                | RowState::Unknown
                | RowState::Sending
        ) {
            continue;
        }
        let made = words::row_draft(&model.settings, &row.cells, &row.key);
        let mut problems = made.cells;
        let secrets = OnboardingSecrets {
            access_token: model.tokens.get(&row.row_no).cloned(),
            payment: None,
        };
        let checked = check_draft_in(&context, &made.draft, &secrets);
        for (path, messages) in checked.fields {
            let at = column_of_path(&path)
                .filter(|c| model.columns.contains(c) || *c == "name")
                .unwrap_or("");
            // A problem of a field the file has no column for names the field.
            let named = at.is_empty().then(|| path_words(&path));
            let entry = problems.entry(at.to_owned()).or_default();
            for m in messages {
                let m = match &named {
                    Some(field) if m.starts_with("Required") => {
                        format!("{field} is required: this file has no column for it (add one, or change the batch's settings).")
                    }
                    Some(field) => format!("{field}: {m}"),
                    None => m,
                };
                // A token the app no longer holds (the app restarted): say how to give it again.
                let m = if path.ends_with("access_token") && has_token_column {
                    "The WhatsApp access token is kept in memory only and the app no longer holds it: type it into this cell, or import the file again.".to_owned()
                } else {
                    m
                };
                if !entry.contains(&m) {
                    entry.push(m);
                }
            }
        }
        let name = row.cells.folded_name();
        // The first row of a name is the client; a later row of the same name is the duplicate.
        if let Some(first) = in_file
            .get(&name)
            .and_then(|rows| rows.first())
            .filter(|first| **first != row.row_no)
        {
            problems.entry("name".into()).or_default().push(format!(
                "Row {first} already has this name: each client once (give each location its own name, or leave this row out)."
            ));
        }
        // A row whose create may have happened (in flight when the app stopped, or unknown) may
        // be the very profile of that name: it is sent again with its key, never flagged.
        let maybe_made = matches!(row.state, RowState::Sending | RowState::Unknown);
        if let Some(id) = existing.get(&name).filter(|_| !maybe_made) {
            // A profile this very row created (a resumed batch) is not a duplicate.
            if row.profile_id.as_deref() != Some(id) {
                problems.entry("name".into()).or_default().push(
                    "A profile of this name already exists in this workspace: rename the client, or leave the row out.".into(),
                );
            }
        }
        problems.retain(|_, m| !m.is_empty());
        row.problems = problems;
        if matches!(row.state, RowState::Ready | RowState::Problems) {
            row.state = if row.problems.is_empty() {
                RowState::Ready
            } else {
                RowState::Problems
            };
        }
    }
}

/// A field's path in words, for a problem the file has no column for: its column's label when it
/// has one, else its last parts (`brand.contact` → "Brand contact").
fn path_words(path: &str) -> String {
    if let Some(c) = column_of_path(path).and_then(column) {
        return c.label.to_owned();
    }
    let mut words = String::new();
    for c in path.replace(['.', '_'], " ").chars() {
        if c.is_uppercase() {
            words.push(' ');
            words.extend(c.to_lowercase());
        } else {
            words.push(c);
        }
    }
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn counts(model: &BatchModel) -> BatchCounts {
    let mut c = BatchCounts {
        total: model.rows.len() as u32,
        ..BatchCounts::default()
    };
    for row in &model.rows {
        match row.state {
            RowState::Ready => c.ready += 1,
            RowState::Problems => c.problems += 1,
            RowState::Created => c.created += 1,
            RowState::Refused => c.refused += 1,
            RowState::Unknown => c.unknown += 1,
            RowState::Sending => c.sending += 1,
            RowState::Skipped => c.skipped += 1,
        }
    }
    c
}

fn view(model: &BatchModel) -> BatchView {
    BatchView {
        id: model.id.clone(),
        workspace_id: model.workspace.to_string(),
        source: model.source.clone(),
        state: model.state.clone(),
        settings: model.settings.clone(),
        columns: model
            .columns
            .iter()
            .filter_map(|id| column(id))
            .map(|c| BatchColumn {
                id: c.id.into(),
                label: c.label.into(),
                secret: c.kind == ColumnKind::Secret,
            })
            .collect(),
        counts: counts(model),
        created_at: model.created_at,
    }
}

fn row_view(model: &BatchModel, row: &RowModel) -> BatchRowView {
    BatchRowView {
        row_no: row.row_no,
        state: row.state,
        state_label: row.state.label().into(),
        cells: model
            .columns
            .iter()
            .map(|id| {
                if *id == "access_token" {
                    if model.tokens.contains_key(&row.row_no) {
                        "•••• (held for this run)".into()
                    } else {
                        String::new()
                    }
                } else {
                    row.cells.get(id).to_owned()
                }
            })
            .collect(),
        problems: row
            .problems
            .iter()
            .flat_map(|(col, messages)| {
                messages.iter().map(move |m| CellProblem {
                    column: (!col.is_empty()).then(|| col.clone()),
                    message: m.clone(),
                })
            })
            .collect(),
        profile_id: row.profile_id.clone(),
        message: row.message.clone(),
        dry_run: row.dry_run.clone(),
    }
}

fn matches(filter: BatchFilter, row: &RowModel) -> bool {
    match filter {
        BatchFilter::All => true,
        BatchFilter::Problems => row.state == RowState::Problems,
        BatchFilter::Ready => row.state == RowState::Ready,
        BatchFilter::Created => row.state == RowState::Created,
        BatchFilter::Refused => row.state == RowState::Refused,
        BatchFilter::Unknown => matches!(row.state, RowState::Unknown | RowState::Sending),
    }
}

/// One window of a batch's rows.
pub async fn batch_window(
    state: &Core,
    batch_id: String,
    filter: BatchFilter,
    offset: u32,
    limit: u32,
) -> Result<BatchWindow, AppError> {
    let model = model(state, &batch_id)?;
    let model = model.lock().unwrap_or_else(|e| e.into_inner());
    let matching: Vec<&RowModel> = model.rows.iter().filter(|r| matches(filter, r)).collect();
    let offset = offset.min(matching.len() as u32);
    let rows = matching
        .iter()
        .skip(offset as usize)
        .take(limit.clamp(1, 500) as usize)
        .map(|r| row_view(&model, r))
        .collect();
    Ok(BatchWindow {
        batch: view(&model),
        filter,
        matched: matching.len() as u32,
        offset,
        rows,
    })
}

fn not_editable(model: &BatchModel) -> Option<AppError> {
    (model.state == "running").then(|| {
        AppError::new(
            ErrorKind::Conflict,
            "The batch is running: pause it first, then edit the row.",
        )
    })
}

/// Changes one cell (checked again, with every row whose duplicates it changes). A WhatsApp token
/// typed in stays in memory. Answers the rows that changed and the counts.
pub async fn edit_batch_cell(
    state: &Core,
    batch_id: String,
    row_no: u32,
    column_id: String,
    value: SecretString,
) -> Result<BatchProgress, AppError> {
    let handle = model(state, &batch_id)?;
    let mut model = handle.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(error) = not_editable(&model) {
        return Err(error);
    }
    let Some(c) = column(&column_id).filter(|c| model.columns.contains(&c.id)) else {
        return Err(AppError::new(
            ErrorKind::Validation,
            "This column is not part of the batch.",
        ));
    };
    let before: Vec<BatchRowView> = model.rows.iter().map(|r| row_view(&model, r)).collect();
    let index = model
        .rows
        .iter()
        .position(|r| r.row_no == row_no)
        .ok_or_else(|| AppError::new(ErrorKind::NotFound, "There is no such row in the batch."))?;
    match model.rows[index].state {
        RowState::Created => {
            return Err(AppError::new(ErrorKind::Conflict, "This row's profile was created: edit it on its profile screen."))
        }
        RowState::Sending | RowState::Unknown => {
            return Err(AppError::new(ErrorKind::Conflict, "This row's create may have happened (its outcome is unknown): run the batch again to learn it, with the same key; edit it after."))
        }
        _ => {}
    }
    if c.kind == ColumnKind::Secret {
        let token = value.expose_secret().trim().to_owned();
        if token.is_empty() {
            model.tokens.remove(&row_no);
        } else {
            model.tokens.insert(row_no, SecretString::new(token));
        }
    } else {
        let text = value.expose_secret().to_owned();
        model.rows[index].cells.set(c.id, &text);
    }
    let refused = model.rows[index].state == RowState::Refused;
    if refused {
        // Sent keeps a refusal under its key: the corrected row is a new action.
        let row = &mut model.rows[index];
        row.key = Uuid::new_v4().to_string();
        row.state = RowState::Ready;
        row.message = None;
    }
    model.rows[index].dry_run = None;
    let (cells, key) = (
        model.rows[index].cells.clone(),
        model.rows[index].key.clone(),
    );
    state.with_store(|store| {
        store.put_batch_row(&batch_id, row_no, &cells)?;
        if refused {
            store.set_batch_row(
                &batch_id,
                row_no,
                &sent_store::BatchRowUpdate {
                    state: "ready",
                    idempotency_key: Some(&key),
                    ..Default::default()
                },
            )?;
        }
        Ok(())
    })?;
    check_all(state, &mut model);
    let rows = model
        .rows
        .iter()
        .zip(before)
        .map(|(r, was)| (row_view(&model, r), was))
        .filter(|(now, was)| now != was)
        .map(|(now, _)| now)
        .collect();
    Ok(progress(&model, false, None, rows))
}

/// Changes the batch's settings (every row is checked again).
pub async fn set_batch_settings(
    state: &Core,
    batch_id: String,
    settings: BatchSettings,
) -> Result<BatchWindow, AppError> {
    {
        let handle = model(state, &batch_id)?;
        let mut model = handle.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(error) = not_editable(&model) {
            return Err(error);
        }
        model.settings = settings;
        for row in &mut model.rows {
            row.dry_run = None;
        }
        let stored = StoredSettings::of(&model);
        state.with_store(|store| store.set_batch_settings(&batch_id, &stored))?;
        check_all(state, &mut model);
    }
    batch_window(state, batch_id, BatchFilter::All, 0, 200).await
}

fn progress(
    model: &BatchModel,
    dry_run: bool,
    run: Option<&RunFigures>,
    rows: Vec<BatchRowView>,
) -> BatchProgress {
    let (done, total, rate, left, slowed) = match run {
        Some(run) => {
            let minutes = run.started.elapsed().as_secs_f64() / 60.0;
            let rate = if minutes > 0.0 {
                f64::from(run.done) / minutes
            } else {
                0.0
            };
            let remaining = run.total.saturating_sub(run.done);
            let left = (rate > 0.0).then(|| (f64::from(remaining) / rate * 60.0).round() as u32);
            (run.done, run.total, rate, left, run.pace.times_held())
        }
        None => (0, 0, 0.0, None, 0),
    };
    BatchProgress {
        batch_id: model.id.clone(),
        workspace_id: model.workspace.to_string(),
        dry_run,
        state: model.state.clone(),
        done,
        total,
        rate_per_minute: (rate * 10.0).round() / 10.0,
        seconds_left: left,
        slowed,
        counts: counts(model),
        rows,
    }
}

struct RunFigures {
    started: Instant,
    done: u32,
    total: u32,
    pace: Arc<Pace>,
}

/// Pauses a running batch (rows in flight finish), resumes it, or cancels what is left.
pub async fn control_batch(state: &Core, batch_id: String, action: String) -> Result<(), AppError> {
    let control = match action.as_str() {
        "pause" => Control::Pause,
        "resume" => Control::Go,
        "cancel" => Control::Cancel,
        _ => {
            return Err(AppError::new(
                ErrorKind::Validation,
                "The action is pause, resume or cancel.",
            ))
        }
    };
    let controls = state
        .batches
        .controls
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    match controls.get(&batch_id) {
        Some(sender) => {
            sender.send_replace(control);
            Ok(())
        }
        None => Err(AppError::new(
            ErrorKind::Conflict,
            "The batch is not running.",
        )),
    }
}

/// How a row's create ended.
enum Sent {
    Created(Box<ProfileDetail>, Option<String>),
    Accepted(String),
    Refused(AppError),
    /// Unknown, or not applied: sent again with the same key.
    Again(AppError),
}

/// Runs the batch: every row still to send (ready, or whose outcome is unknown), with its key, a
/// few at a time at Sent's pace. `dry_run`: Sent checks each row, nothing is created. Answers when
/// every row has its outcome, or the run was cancelled.
pub async fn run_batch(
    state: &Core,
    batch_id: String,
    dry_run: bool,
) -> Result<BatchView, AppError> {
    let handle = model(state, &batch_id)?;
    let (workspace_id, queue) = {
        let mut model = handle.lock().unwrap_or_else(|e| e.into_inner());
        if model.state == "running" {
            return Err(AppError::new(
                ErrorKind::Conflict,
                "The batch is already running.",
            ));
        }
        check_all(state, &mut model);
        let queue: VecDeque<u32> = model
            .rows
            .iter()
            .filter(|r| {
                if dry_run {
                    r.state == RowState::Ready
                } else {
                    r.state.to_send()
                }
            })
            .map(|r| r.row_no)
            .collect();
        if queue.is_empty() {
            let mut error = AppError::new(
                ErrorKind::Validation,
                if model.rows.iter().any(|r| r.state == RowState::Problems) {
                    "No row is ready: fix the rows with problems first (filter “With problems”)."
                } else {
                    "Every row already has its outcome: nothing is left to send."
                },
            );
            error.outcome = Some(WriteOutcome::NotApplied);
            return Err(error);
        }
        if !dry_run {
            model.state = "running".into();
            state.with_store(|store| store.set_batch_state(&batch_id, "running"))?;
        }
        (model.workspace, queue)
    };
    let (client, _) = state.client(workspace_id, None)?;
    let generation = state.supervisor.generation(workspace_id);
    let (sender, control) = tokio::sync::watch::channel(Control::Go);
    state
        .batches
        .controls
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(batch_id.clone(), sender);
    let figures = Mutex::new(RunFigures {
        started: Instant::now(),
        done: 0,
        total: queue.len() as u32,
        pace: Pace::new(),
    });
    let pace = figures
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .pace
        .clone();
    let queue = Mutex::new(queue);
    let attempts: Mutex<HashMap<u32, u32>> = Mutex::new(HashMap::new());
    let context = organization_context(state, &workspace_id.to_string());
    let worker = || async {
        let mut control = control.clone();
        loop {
            // Paused: wait for resume or cancel. Cancelled, or the workspace's keys changed: stop.
            let now = *control.borrow_and_update();
            if now == Control::Pause {
                set_state(state, &handle, &batch_id, "paused", dry_run);
                emit(state, &handle, dry_run, &figures, Vec::new());
                if control.wait_for(|c| *c != Control::Pause).await.is_err() {
                    return;
                }
                continue;
            }
            if now == Control::Cancel || !state.supervisor.is_current(workspace_id, generation) {
                return;
            }
            set_state(state, &handle, &batch_id, "running", dry_run);
            let Some(row_no) = queue.lock().unwrap_or_else(|e| e.into_inner()).pop_front() else {
                return;
            };
            let job = {
                let model = handle.lock().unwrap_or_else(|e| e.into_inner());
                let Some(row) = model.rows.iter().find(|r| r.row_no == row_no) else {
                    continue;
                };
                let made = words::row_draft(&model.settings, &row.cells, &row.key);
                (
                    made.draft,
                    model.tokens.get(&row_no).cloned(),
                    row.key.clone(),
                    model.settings.submit_for_review,
                )
            };
            let (draft, token, key, submit) = job;
            if !dry_run {
                // The key is already in the database; the row says it is in flight.
                let _ = state.with_store(|store| {
                    store.set_batch_row(
                        &batch_id,
                        row_no,
                        &sent_store::BatchRowUpdate {
                            state: "sending",
                            ..Default::default()
                        },
                    )
                });
                update_row(&handle, row_no, |r| r.state = RowState::Sending);
            }
            let sent = send_row(
                state,
                workspace_id,
                &client,
                &pace,
                &context,
                draft,
                token,
                &key,
                dry_run,
            )
            .await;
            let again = match sent {
                Sent::Again(error) => {
                    let n = {
                        let mut attempts = attempts.lock().unwrap_or_else(|e| e.into_inner());
                        let n = attempts.entry(row_no).or_insert(0);
                        *n += 1;
                        *n
                    };
                    if n < ATTEMPTS_PER_RUN {
                        queue
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push_back(row_no);
                        true
                    } else {
                        finish_row(
                            state,
                            &handle,
                            &batch_id,
                            row_no,
                            dry_run,
                            Sent::Again(error),
                        )
                        .await;
                        false
                    }
                }
                Sent::Created(profile, request_id) if submit && !dry_run => {
                    let id = profile.id.clone();
                    finish_row(
                        state,
                        &handle,
                        &batch_id,
                        row_no,
                        dry_run,
                        Sent::Created(profile, request_id),
                    )
                    .await;
                    submit_created(state, workspace_id, &handle, &batch_id, row_no, &id).await;
                    false
                }
                other => {
                    finish_row(state, &handle, &batch_id, row_no, dry_run, other).await;
                    false
                }
            };
            if !again {
                figures.lock().unwrap_or_else(|e| e.into_inner()).done += 1;
            }
            let changed = {
                let model = handle.lock().unwrap_or_else(|e| e.into_inner());
                model
                    .rows
                    .iter()
                    .find(|r| r.row_no == row_no)
                    .map(|r| row_view(&model, r))
                    .into_iter()
                    .collect()
            };
            emit(state, &handle, dry_run, &figures, changed);
        }
    };
    futures_util::future::join_all((0..CONCURRENCY).map(|_| worker())).await;
    state
        .batches
        .controls
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&batch_id);
    let cancelled = *control.borrow() == Control::Cancel;
    let end = {
        let mut model = handle.lock().unwrap_or_else(|e| e.into_inner());
        let left = model.rows.iter().any(|r| r.state.to_send() && !dry_run);
        model.state = if dry_run {
            "open".into()
        } else if cancelled {
            "cancelled".into()
        } else if left {
            "paused".into()
        } else {
            "finished".into()
        };
        model.state.clone()
    };
    if !dry_run {
        state.with_store(|store| store.set_batch_state(&batch_id, &end))?;
    }
    emit(state, &handle, dry_run, &figures, Vec::new());
    let model = handle.lock().unwrap_or_else(|e| e.into_inner());
    Ok(view(&model))
}

fn set_state(
    state: &Core,
    handle: &Arc<Mutex<BatchModel>>,
    batch_id: &str,
    to: &str,
    dry_run: bool,
) {
    if dry_run {
        return;
    }
    let mut model = handle.lock().unwrap_or_else(|e| e.into_inner());
    if model.state != to {
        model.state = to.into();
        drop(model);
        let _ = state.with_store(|store| store.set_batch_state(batch_id, to));
    }
}

fn emit(
    state: &Core,
    handle: &Arc<Mutex<BatchModel>>,
    dry_run: bool,
    figures: &Mutex<RunFigures>,
    rows: Vec<BatchRowView>,
) {
    let model = handle.lock().unwrap_or_else(|e| e.into_inner());
    let figures = figures.lock().unwrap_or_else(|e| e.into_inner());
    state.emit(
        AppEvent::BatchProgress,
        progress(&model, dry_run, Some(&figures), rows),
    );
}

fn update_row(handle: &Arc<Mutex<BatchModel>>, row_no: u32, f: impl FnOnce(&mut RowModel)) {
    let mut model = handle.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(row) = model.rows.iter_mut().find(|r| r.row_no == row_no) {
        f(row);
    }
}

/// Sends one row's create (or its dry run) with its key, at the batch's pace; journals it.
#[allow(clippy::too_many_arguments)]
async fn send_row(
    state: &Core,
    workspace_id: Uuid,
    client: &sent_client::SentClient,
    pace: &Arc<Pace>,
    context: &crate::onboard::OrganizationContext,
    draft: sent_views::onboard::OnboardingDraft,
    token: Option<SecretString>,
    key: &str,
    dry_run: bool,
) -> Sent {
    let workspace = workspace_id.to_string();
    let secrets = OnboardingSecrets {
        access_token: token,
        payment: None,
    };
    let checked = check_draft_in(context, &draft, &secrets);
    drop(secrets);
    if !checked.fields.is_empty() {
        let mut error = AppError::new(
            ErrorKind::Validation,
            "This row has problems; nothing was sent.",
        );
        error.fields = Some(checked.fields);
        return Sent::Refused(error);
    }
    let mut create = checked.create;
    // A dry run gets a key of its own (Sent caches a dry run's answer under its key).
    let key = if dry_run {
        Uuid::new_v4().to_string()
    } else {
        key.to_owned()
    };
    let key = match AppError::idempotency_key(key) {
        Ok(key) => key,
        Err(error) => return Sent::Refused(error),
    };
    let mut options = CallOptions::default()
        .with_idempotency_key(key)
        .with_pace(pace.clone());
    if dry_run {
        options = options.dry_run();
    }
    let changes = created_fields(&create);
    let result = client.create_profile(&create, &options).await;
    // The token leaves memory now.
    if let Some(waba) = &mut create.whatsapp_business_account {
        waba.access_token = None;
    }
    let action = if dry_run {
        JournalAction::ProfileCreateDryRun
    } else {
        JournalAction::ProfileCreate
    };
    match result {
        Ok(response) => {
            let profile = response.data;
            let request_id = response.info.request_id;
            let message = if dry_run {
                "Sent accepts this row (dry run: nothing created).".to_owned()
            } else {
                format!("“{}” was created (bulk onboarding).", profile.name)
            };
            let journaled = ProfileDetail {
                id: profile.id.clone(),
                name: if dry_run {
                    draft.profile.name.clone()
                } else {
                    profile.name.clone()
                },
                ..ProfileDetail::default()
            };
            record(
                state,
                &workspace,
                &journaled,
                action,
                &EntryOutcome::done(dry_run),
                changes,
                Some(message.clone()),
                request_id.as_deref(),
            );
            if dry_run {
                Sent::Accepted(message)
            } else {
                let _ = remember_profile(state, &workspace, &profile);
                Sent::Created(Box::new(profile), request_id)
            }
        }
        Err(error) => {
            let error = explain_save_error(AppError::from(error));
            let named = ProfileDetail {
                name: draft.profile.name.clone(),
                ..ProfileDetail::default()
            };
            record(
                state,
                &workspace,
                &named,
                action,
                &EntryOutcome::of(&error),
                changes,
                Some(error.message.clone()),
                error.request_id.as_deref(),
            );
            match error.outcome {
                Some(WriteOutcome::Unknown) | Some(WriteOutcome::NotApplied) => Sent::Again(error),
                _ => Sent::Refused(error),
            }
        }
    }
}

/// Records a row's outcome in the model and the database.
async fn finish_row(
    state: &Core,
    handle: &Arc<Mutex<BatchModel>>,
    batch_id: &str,
    row_no: u32,
    dry_run: bool,
    sent: Sent,
) {
    if dry_run {
        let answer = match sent {
            Sent::Accepted(message) => DryRunAnswer {
                accepted: true,
                message,
            },
            Sent::Refused(error) | Sent::Again(error) => DryRunAnswer {
                accepted: false,
                message: refusal_words(&error),
            },
            Sent::Created(..) => DryRunAnswer {
                accepted: true,
                message: "Accepted.".into(),
            },
        };
        update_row(handle, row_no, |r| r.dry_run = Some(answer));
        return;
    }
    let (state_now, profile_id, message, request_id, new_key) = match sent {
        Sent::Created(profile, request_id) => (RowState::Created, Some(profile.id.clone()), Some(format!("Created: {}", profile.name)), request_id, None),
        Sent::Accepted(message) => (RowState::Ready, None, Some(message), None, None),
        Sent::Refused(error) => {
            // Sent keeps a refusal under the key: a corrected row must go with a new one. A local
            // refusal (nothing sent) keeps its key.
            let key = error.outcome.is_some().then(|| Uuid::new_v4().to_string());
            (RowState::Refused, None, Some(refusal_words(&error)), error.request_id.clone(), key)
        }
        Sent::Again(error) => (
            RowState::Unknown,
            None,
            Some(format!(
                "Outcome unknown: {} Run the batch again: it sends this row with the same key, so Sent never creates it twice.",
                error.message
            )),
            error.request_id.clone(),
            None,
        ),
    };
    let _ = state.with_store(|store| {
        store.set_batch_row(
            batch_id,
            row_no,
            &sent_store::BatchRowUpdate {
                state: state_now.as_str(),
                profile_id: profile_id.as_deref(),
                message: message.as_deref(),
                request_id: request_id.as_deref(),
                idempotency_key: new_key.as_deref(),
            },
        )
    });
    update_row(handle, row_no, |r| {
        r.state = state_now;
        if profile_id.is_some() {
            r.profile_id = profile_id.clone();
        }
        r.message = message.clone();
        if let Some(key) = &new_key {
            r.key = key.clone();
        }
    });
}

/// A refusal in words, with the fields Sent named.
fn refusal_words(error: &AppError) -> String {
    let mut words = error.message.clone();
    if let Some(fields) = &error.fields {
        let details: Vec<String> = fields
            .iter()
            .map(|(path, messages)| {
                let label = column_of_path(path)
                    .and_then(column)
                    .map_or(path.as_str(), |c| c.label);
                format!("{label}: {}", messages.join(" "))
            })
            .collect();
        if !details.is_empty() {
            words = format!("{words} {}", details.join("; "));
        }
    }
    words
}

/// Submits a created profile for review (the batch's option); the row says how it went.
async fn submit_created(
    state: &Core,
    workspace_id: Uuid,
    handle: &Arc<Mutex<BatchModel>>,
    batch_id: &str,
    row_no: u32,
    profile_id: &str,
) {
    let Ok(id) = ProfileId::new(profile_id) else {
        return;
    };
    let outcome =
        crate::onboard::submit_profile(state, workspace_id, id, None, Uuid::new_v4().to_string())
            .await;
    let message = match outcome {
        Ok(_) => "Created and submitted for review.".to_owned(),
        Err(error) => format!(
            "Created; not submitted for review: {}",
            refusal_words(&error)
        ),
    };
    let _ = state.with_store(|store| {
        store.set_batch_row(
            batch_id,
            row_no,
            &sent_store::BatchRowUpdate {
                state: "created",
                message: Some(&message),
                ..Default::default()
            },
        )
    });
    update_row(handle, row_no, |r| r.message = Some(message));
}

/// The workspace's batches that still have rows to send (a run cut short, paused or cancelled),
/// newest first: the app offers to resume them.
pub async fn unfinished_batches(
    state: &Core,
    workspace_id: Uuid,
) -> Result<Vec<BatchSummary>, AppError> {
    let records = state
        .with_store(|store| store.batches(&workspace_id.to_string()))?
        .unwrap_or_default();
    let mut out = Vec::new();
    for record in records
        .into_iter()
        .filter(|r| matches!(r.state.as_str(), "running" | "paused" | "cancelled"))
    {
        let handle = model(state, &record.id)?;
        let model = handle.lock().unwrap_or_else(|e| e.into_inner());
        let counts = counts(&model);
        let left = counts.ready + counts.unknown + counts.sending;
        if left == 0 {
            continue;
        }
        out.push(BatchSummary {
            id: model.id.clone(),
            source: model.source.clone(),
            state: model.state.clone(),
            counts,
            updated_at: record.updated_at,
            left,
        });
    }
    Ok(out)
}

/// The batch of the same file (same bytes) made last in the workspace, if any (the command
/// line's `--resume`).
pub fn batch_of_file(
    state: &Core,
    workspace_id: Uuid,
    bytes: &[u8],
) -> Result<Option<String>, AppError> {
    let wanted = fingerprint(bytes);
    Ok(state
        .with_store(|store| store.batches(&workspace_id.to_string()))?
        .unwrap_or_default()
        .into_iter()
        .find(|r| r.fingerprint == wanted)
        .map(|r| r.id))
}

/// Gives a resumed batch the tokens of its file again (they are never stored).
pub fn give_tokens(
    state: &Core,
    batch_id: &str,
    sheet: &Sheet,
    mapping: &[Option<String>],
) -> Result<(), AppError> {
    let Some(at) = mapping
        .iter()
        .position(|m| m.as_deref() == Some("access_token"))
    else {
        return Ok(());
    };
    let handle = model(state, batch_id)?;
    let mut model = handle.lock().unwrap_or_else(|e| e.into_inner());
    for (i, row) in sheet.rows.iter().enumerate() {
        if let Some(token) = row.get(at).map(|t| t.trim()).filter(|t| !t.is_empty()) {
            model
                .tokens
                .insert(i as u32 + 2, SecretString::new(token.to_owned()));
        }
    }
    check_all(state, &mut model);
    Ok(())
}

/// Discards a batch that is not running (its created profiles stay, of course).
pub async fn discard_batch(state: &Core, batch_id: String) -> Result<(), AppError> {
    if state
        .batches
        .controls
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .contains_key(&batch_id)
    {
        return Err(AppError::new(
            ErrorKind::Conflict,
            "The batch is running: cancel it first.",
        ));
    }
    state
        .batches
        .open
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&batch_id);
    state.with_store(|store| store.delete_batch(&batch_id))?;
    Ok(())
}

/// Writes the results file: every row with its outcome, profile id and message, then its cells
/// (never a token). Formula-safe like the journal export.
pub async fn export_batch(state: &Core, batch_id: String) -> Result<BatchExport, AppError> {
    let handle = model(state, &batch_id)?;
    let (name, lines) = {
        let model = handle.lock().unwrap_or_else(|e| e.into_inner());
        let stem = model
            .source
            .rsplit_once('.')
            .map_or(model.source.as_str(), |(s, _)| s)
            .to_owned();
        let mut lines: Vec<Vec<String>> = Vec::with_capacity(model.rows.len() + 1);
        let columns: Vec<&Column> = model
            .columns
            .iter()
            .filter_map(|c| column(c))
            .filter(|c| c.kind != ColumnKind::Secret)
            .collect();
        let mut header = vec![
            "Row".to_owned(),
            "Outcome".into(),
            "Profile ID".into(),
            "Message".into(),
        ];
        header.extend(columns.iter().map(|c| c.label.to_owned()));
        lines.push(header);
        for row in &model.rows {
            let problems: Vec<String> = row.problems.values().flatten().cloned().collect();
            let message = row.message.clone().unwrap_or_else(|| problems.join(" "));
            let mut line = vec![
                row.row_no.to_string(),
                row.state.label().to_owned(),
                row.profile_id.clone().unwrap_or_default(),
                message,
            ];
            line.extend(columns.iter().map(|c| row.cells.get(c.id).to_owned()));
            lines.push(line);
        }
        (
            format!(
                "sent-profiles-batch-{}-results",
                crate::journal::slug(&stem, "clients")
            ),
            lines,
        )
    };
    let dir = state
        .downloads_dir
        .clone()
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| state.data_dir.clone());
    let not_saved = |e: &dyn std::fmt::Display| {
        AppError::new(
            ErrorKind::Unknown,
            format!("The results could not be saved in {}. Check that the folder exists and that you can write there.", dir.display()),
        )
        .with_detail(e.to_string())
    };
    let (path, file) = crate::journal::open_new(&dir, &name).map_err(|e| not_saved(&e))?;
    let written = (|| -> Result<(), Box<dyn std::error::Error>> {
        let mut writer = csv::Writer::from_writer(std::io::BufWriter::new(file));
        for line in &lines {
            writer.write_record(
                line.iter()
                    .map(|c| crate::journal::spreadsheet_safe(c).into_owned()),
            )?;
        }
        let mut sink = writer.into_inner().map_err(|e| e.to_string())?;
        sink.flush()?;
        sink.into_inner().map_err(|e| e.to_string())?.sync_all()?;
        Ok(())
    })();
    match written {
        Ok(()) => Ok(BatchExport {
            path: path.display().to_string(),
            rows: lines.len() as u32 - 1,
        }),
        Err(e) => {
            let _ = std::fs::remove_file(&path);
            Err(not_saved(&e))
        }
    }
}

/// Writes the template file (every column, an example row) where exports go.
pub async fn save_batch_template(state: &Core) -> Result<BatchExport, AppError> {
    let dir = state
        .downloads_dir
        .clone()
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| state.data_dir.clone());
    let (path, mut file) = crate::journal::open_new(&dir, "sent-profiles-clients-template")
        .map_err(|e| {
            AppError::new(
                ErrorKind::Unknown,
                format!("The template could not be saved in {}.", dir.display()),
            )
            .with_detail(e.to_string())
        })?;
    file.write_all(words::template_csv().as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| {
            AppError::new(ErrorKind::Unknown, "The template could not be written.")
                .with_detail(e.to_string())
        })?;
    Ok(BatchExport {
        path: path.display().to_string(),
        rows: 1,
    })
}

// ------------------------------------------------------------------------------------------------
// Headless: the command line's use case
// ------------------------------------------------------------------------------------------------

/// What a headless run ended with.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadlessOutcome {
    pub batch_id: String,
    pub counts: BatchCounts,
    /// Every row has its profile (or, for a dry run, Sent accepted every row).
    pub complete: bool,
    pub problems: Vec<String>,
}

/// Reads a file and runs it as a batch (or resumes the batch made from the same file), with the
/// workspace's keys from the keychain. `progress` gets one line per row.
pub async fn onboard_file(
    state: &Core,
    workspace_id: Uuid,
    file_name: &str,
    bytes: Vec<u8>,
    settings: BatchSettings,
    dry_run: bool,
    resume: bool,
) -> Result<HeadlessOutcome, AppError> {
    let sheet = read_sheet(file_name, &bytes)?;
    let mapping = guessed_mapping(state, workspace_id, &sheet.headers)?;
    let existing = if resume {
        batch_of_file(state, workspace_id, &bytes)?
    } else {
        None
    };
    let batch_id = match existing {
        Some(id) => {
            give_tokens(state, &id, &sheet, &mapping)?;
            id
        }
        None => {
            let file = PendingFile {
                workspace: workspace_id,
                source: file_name_only(file_name),
                fingerprint: fingerprint(&bytes),
                headers: sheet.headers.clone(),
                rows: sheet.rows.clone(),
            };
            let model = make_batch(state, workspace_id, file, mapping, settings)?;
            let id = model.id.clone();
            open_model(state, model);
            id
        }
    };
    let left = {
        let handle = model(state, &batch_id)?;
        let model = handle.lock().unwrap_or_else(|e| e.into_inner());
        model.rows.iter().any(|r| {
            if dry_run {
                r.state == RowState::Ready
            } else {
                r.state.to_send()
            }
        })
    };
    if left {
        run_batch(state, batch_id.clone(), dry_run).await?;
    }
    let handle = model(state, &batch_id)?;
    let model = handle.lock().unwrap_or_else(|e| e.into_inner());
    let counts = counts(&model);
    let problems = model
        .rows
        .iter()
        .filter(|r| {
            let fine = r.state == RowState::Created
                || (dry_run && r.dry_run.as_ref().is_some_and(|d| d.accepted));
            !fine
        })
        .map(|r| {
            let why = r
                .dry_run
                .as_ref()
                .filter(|d| !d.accepted)
                .map(|d| d.message.clone())
                .or_else(|| r.message.clone())
                .unwrap_or_else(|| {
                    r.problems
                        .values()
                        .flatten()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" ")
                });
            format!("row {}: {}: {why}", r.row_no, r.state.label())
        })
        .collect::<Vec<_>>();
    Ok(HeadlessOutcome {
        batch_id,
        complete: problems.is_empty(),
        counts,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_in_any_common_dialect_reads_the_same() {
        let comma = read_sheet(
            "a.csv",
            b"\xEF\xBB\xBFName,Short name\nAcme,ACME\n\n\"Bella, Inc\",BELLA\n",
        )
        .unwrap();
        assert_eq!(comma.headers, vec!["Name", "Short name"]);
        assert_eq!(
            comma.rows,
            vec![vec!["Acme", "ACME"], vec!["Bella, Inc", "BELLA"]]
        );
        let semicolon = read_sheet("a.csv", b"Name;Short name\r\nAcme;ACME\r\n").unwrap();
        assert_eq!(semicolon.rows[0], vec!["Acme", "ACME"]);
        let error = read_sheet("a.csv", b"Name\n").unwrap_err();
        assert!(error.message.contains("no client"), "{}", error.message);
        let error = read_sheet("a.xls", &[0xD0, 0xCF, 0x11, 0xE0, 0, 0]).unwrap_err();
        assert!(error.message.contains(".xlsx"));
        assert!(read_sheet("a.xlsx", b"PK\x03\x04 not a workbook")
            .unwrap_err()
            .message
            .contains("Excel"));
    }

    #[test]
    fn a_mapping_names_each_field_once_and_the_name() {
        let headers: Vec<String> = ["A", "B"].map(String::from).to_vec();
        let error = check_mapping(
            &headers,
            &[Some("short_name".into()), Some("short_name".into())],
        )
        .unwrap_err();
        let messages = &error.fields.unwrap()["mapping"];
        assert!(messages.iter().any(|m| m.contains("both fill Short name")));
        assert!(messages.iter().any(|m| m.contains("client's name")));
        assert_eq!(
            check_mapping(&headers, &[Some("name".into()), None]).unwrap(),
            vec![(0, "name")]
        );
    }

    #[test]
    fn only_the_file_name_is_kept() {
        assert_eq!(
            file_name_only("/home/ann/Clients/franchise.xlsx"),
            "franchise.xlsx"
        );
        assert_eq!(
            file_name_only("C:\\Users\\ann\\franchise.csv"),
            "franchise.csv"
        );
    }
}
