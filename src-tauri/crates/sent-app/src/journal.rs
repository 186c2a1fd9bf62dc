//! The audit journal: what this app changed in a workspace's profiles. The writes append their
//! entries with [`record`] (a closed [`JournalAction`], a closed [`EntryOutcome`], changes as a
//! [`JournalChanges`]); the screen reads them back worded (`journal_entries`) and exports them as
//! CSV (`export_journal`). The journal never holds a secret (card data is "redacted" before it is
//! stored). In the database both are kept as the strings an older version wrote (`profile.update`,
//! `ok`, `dry_run`, `error:<CODE>`, `unknown:<CODE>`).
//!
//! The words of actions and outcomes live here because only the journal shows them; they move to
//! `sent-views` if another screen needs them.

use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use sent_model::ProfileDetail;
use sent_store::JournalEntry;
use sent_views::{FieldChange, JournalChanges, Tone};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::core::Core;
use crate::error::{AppError, ErrorKind};
use sent_model::ProfileId;

/// The most entries the screen reads (newest first); an export takes every matching entry.
pub const JOURNAL_SCREEN_CAP: usize = 10_000;

/// What a journal entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum JournalAction {
    #[serde(rename = "profile.create")]
    ProfileCreate,
    /// A dry run of a create that Sent refused (an accepted one is a `ProfileCreate` whose
    /// outcome is a dry run).
    #[serde(rename = "profile.create.dry_run")]
    ProfileCreateDryRun,
    #[serde(rename = "profile.update")]
    ProfileUpdate,
    #[serde(rename = "profile.delete")]
    ProfileDelete,
    #[serde(rename = "profile.submit")]
    ProfileSubmit,
    #[serde(rename = "campaign.create")]
    CampaignCreate,
    #[serde(rename = "campaign.update")]
    CampaignUpdate,
    #[serde(rename = "campaign.delete")]
    CampaignDelete,
}

impl JournalAction {
    pub const ALL: [JournalAction; 8] = [
        JournalAction::ProfileCreate,
        JournalAction::ProfileCreateDryRun,
        JournalAction::ProfileUpdate,
        JournalAction::ProfileDelete,
        JournalAction::ProfileSubmit,
        JournalAction::CampaignCreate,
        JournalAction::CampaignUpdate,
        JournalAction::CampaignDelete,
    ];

    /// As the database keeps it.
    pub fn stored(self) -> &'static str {
        match self {
            JournalAction::ProfileCreate => "profile.create",
            JournalAction::ProfileCreateDryRun => "profile.create.dry_run",
            JournalAction::ProfileUpdate => "profile.update",
            JournalAction::ProfileDelete => "profile.delete",
            JournalAction::ProfileSubmit => "profile.submit",
            JournalAction::CampaignCreate => "campaign.create",
            JournalAction::CampaignUpdate => "campaign.update",
            JournalAction::CampaignDelete => "campaign.delete",
        }
    }

    /// The action a stored string names (`None`: written by another version).
    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.stored() == stored)
    }

    /// In words, e.g. "Profile updated".
    pub fn label(self) -> &'static str {
        match self {
            JournalAction::ProfileCreate => "Profile created",
            JournalAction::ProfileCreateDryRun => "Profile creation checked (dry run)",
            JournalAction::ProfileUpdate => "Profile updated",
            JournalAction::ProfileDelete => "Profile deleted",
            JournalAction::ProfileSubmit => "Profile submitted",
            JournalAction::CampaignCreate => "Campaign created",
            JournalAction::CampaignUpdate => "Campaign updated",
            JournalAction::CampaignDelete => "Campaign deleted",
        }
    }
}

/// How a journaled write ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum EntryOutcome {
    /// Sent applied it.
    Ok,
    /// Sent checked it and changed nothing.
    DryRun,
    /// It did not happen: Sent (or the app, before sending) refused or failed it, with Sent's
    /// code or the app's error kind.
    Failed { code: String },
    /// It may have happened (the answer was lost): ambiguous is not failed.
    Unknown { code: String },
    /// Written by another version, kept as stored.
    Other { stored: String },
}

impl EntryOutcome {
    /// Applied, or checked in a dry run.
    pub fn done(dry_run: bool) -> Self {
        if dry_run {
            EntryOutcome::DryRun
        } else {
            EntryOutcome::Ok
        }
    }

    /// How a failed write ended: outcome unknown when it may have happened, else failed.
    pub fn of(error: &AppError) -> Self {
        let code = error.code.clone().unwrap_or_else(|| {
            serde_json::to_value(error.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_else(|| "unknown".into())
        });
        if error.outcome_unknown() {
            EntryOutcome::Unknown { code }
        } else {
            EntryOutcome::Failed { code }
        }
    }

    /// As the database keeps it.
    pub fn stored(&self) -> String {
        match self {
            EntryOutcome::Ok => "ok".into(),
            EntryOutcome::DryRun => "dry_run".into(),
            EntryOutcome::Failed { code } => format!("error:{code}"),
            EntryOutcome::Unknown { code } => format!("unknown:{code}"),
            EntryOutcome::Other { stored } => stored.clone(),
        }
    }

    /// Read back from the database.
    pub fn parse(stored: &str) -> Self {
        match stored {
            "ok" => EntryOutcome::Ok,
            "dry_run" => EntryOutcome::DryRun,
            "error" => EntryOutcome::Failed {
                code: String::new(),
            },
            other => match (other.strip_prefix("error:"), other.strip_prefix("unknown:")) {
                (Some(code), _) => EntryOutcome::Failed { code: code.into() },
                (_, Some(code)) => EntryOutcome::Unknown { code: code.into() },
                _ => EntryOutcome::Other {
                    stored: other.into(),
                },
            },
        }
    }

    /// In words, with its tone: "Saved", "Dry run", "Failed: VALIDATION_001",
    /// "Outcome unknown: timeout".
    pub fn label(&self) -> (String, Tone) {
        match self {
            EntryOutcome::Ok => ("Saved".into(), Tone::Success),
            EntryOutcome::DryRun => ("Dry run".into(), Tone::Progress),
            EntryOutcome::Failed { code } if code.is_empty() => ("Failed".into(), Tone::Danger),
            EntryOutcome::Failed { code } => (format!("Failed: {code}"), Tone::Danger),
            EntryOutcome::Unknown { code } => (format!("Outcome unknown: {code}"), Tone::Attention),
            EntryOutcome::Other { stored } => (stored.clone(), Tone::Neutral),
        }
    }
}

/// Appends an entry. The journal must not turn a done change into a failure: a database error is
/// reported by the next read of the journal, not here.
#[allow(clippy::too_many_arguments)]
pub(crate) fn record(
    state: &Core,
    workspace: &str,
    profile: &ProfileDetail,
    action: JournalAction,
    outcome: &EntryOutcome,
    changes: Vec<FieldChange>,
    message: Option<String>,
    request_id: Option<&str>,
) {
    let record = JournalChanges {
        profile_name: profile.name.clone(),
        changes,
        message,
    };
    let outcome = outcome.stored();
    let _ = state.with_store(|store| {
        store.append_journal(&sent_store::NewJournalEntry {
            workspace_id: workspace,
            profile_id: Some(&profile.id),
            action: action.stored(),
            changes: &record,
            outcome: &outcome,
            request_id,
        })
    });
}

/// Which outcomes to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum JournalOutcome {
    /// Saved by Sent (`ok`).
    Ok,
    /// Checked by Sent, nothing changed (`dry_run`).
    DryRun,
    /// Refused or failed (`error:<CODE>`).
    Error,
    /// May have happened: the answer was lost (`unknown:<CODE>`).
    Unknown,
}

impl JournalOutcome {
    /// The stored outcome, or its prefix before `:<CODE>`.
    fn stored(self) -> &'static str {
        match self {
            JournalOutcome::Ok => "ok",
            JournalOutcome::DryRun => "dry_run",
            JournalOutcome::Error => "error",
            JournalOutcome::Unknown => "unknown",
        }
    }
}

/// One journal entry as the screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct JournalRow {
    #[ts(type = "number")]
    pub id: i64,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub at: i64,
    pub profile_id: Option<String>,
    /// The profile's name when the change was made.
    pub profile_name: String,
    /// What was done (`None`: an entry written by another version; its label says what).
    pub action: Option<JournalAction>,
    /// E.g. "Profile updated".
    pub action_label: String,
    /// How it ended.
    pub outcome: EntryOutcome,
    /// E.g. "Saved", "Dry run", "Failed: VALIDATION_001".
    pub outcome_label: String,
    pub outcome_tone: Tone,
    pub changes: Vec<FieldChange>,
    /// Sent's error message, or the verdict of a dry run.
    pub message: Option<String>,
    /// Sent's request id, to quote to support.
    pub request_id: Option<String>,
}

/// Where an export was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct JournalExport {
    pub path: String,
    /// CSV lines written after the header (one per changed field).
    #[ts(type = "number")]
    pub rows: u32,
}

/// A stored action in words: a known one by its label, one written by another version from its
/// parts ("campaign.pause_all" -> "Campaign: pause all").
pub fn action_label(action: &str) -> String {
    if let Some(known) = JournalAction::parse(action) {
        return known.label().to_owned();
    }
    let (subject, verb) = action.split_once('.').unwrap_or((action, ""));
    let mut subject = subject.replace('_', " ");
    if let Some(first) = subject.get(..1) {
        subject = first.to_uppercase() + &subject[1..];
    }
    let done = match verb {
        "create" => "created".to_owned(),
        "update" => "updated".to_owned(),
        "delete" => "deleted".to_owned(),
        "submit" => "submitted".to_owned(),
        "" => return subject,
        other => return format!("{subject}: {}", other.replace(['_', '.'], " ")),
    };
    format!("{subject} {done}")
}

/// A stored outcome in words, with its tone.
pub fn outcome_label(outcome: &str) -> (String, Tone) {
    EntryOutcome::parse(outcome).label()
}

fn row(entry: JournalEntry) -> JournalRow {
    // An entry written by a later version may have another shape: keep what can be read.
    let changes: JournalChanges =
        serde_json::from_value(entry.changes.clone()).unwrap_or_else(|_| JournalChanges {
            profile_name: entry.changes["profile_name"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            ..JournalChanges::default()
        });
    let (outcome_label, outcome_tone) = outcome_label(&entry.outcome);
    let profile_name = match (changes.profile_name.trim(), &entry.profile_id) {
        ("", Some(id)) => id.clone(),
        ("", None) => "No profile".into(),
        _ => changes.profile_name,
    };
    JournalRow {
        id: entry.id,
        at: entry.at,
        profile_id: entry.profile_id,
        profile_name,
        action_label: action_label(&entry.action),
        action: JournalAction::parse(&entry.action),
        outcome: EntryOutcome::parse(&entry.outcome),
        outcome_label,
        outcome_tone,
        changes: changes.changes,
        message: changes.message,
        request_id: entry.request_id,
    }
}

fn read(
    state: &Core,
    workspace_id: Uuid,
    profile_id: Option<&str>,
    outcome: Option<JournalOutcome>,
    limit: usize,
) -> Result<Vec<JournalRow>, AppError> {
    let workspace = workspace_id.to_string();
    let entries = state
        .with_store(|store| {
            store.journal_filtered(&workspace, profile_id, outcome.map(|o| o.stored()), limit)
        })?
        .ok_or_else(|| {
            AppError::new(
                ErrorKind::Database,
                "The app's local database could not be opened at start-up (the notice then said why), so there is no journal to show. Restart the app to try again.",
            )
        })?;
    Ok(entries.into_iter().map(row).collect())
}

pub async fn journal_entries(
    state: &Core,
    workspace_id: Uuid,
    profile_id: Option<ProfileId>,
    outcome: Option<JournalOutcome>,
) -> Result<Vec<JournalRow>, AppError> {
    let profile_id = profile_id.map(ProfileId::into_string);
    read(
        state,
        workspace_id,
        profile_id.as_deref(),
        outcome,
        JOURNAL_SCREEN_CAP,
    )
}

pub async fn export_journal(
    state: &Core,
    workspace_id: Uuid,
    profile_id: Option<ProfileId>,
    outcome: Option<JournalOutcome>,
) -> Result<JournalExport, AppError> {
    let profile_id = profile_id.map(ProfileId::into_string);
    let workspace = state.workspaces.find(workspace_id)?;
    if state.store_handle().is_none() {
        // The same words as the screen's read.
        read(state, workspace_id, None, None, 0)?;
    }
    let dir = state
        .downloads_dir
        .clone()
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| state.data_dir.clone());
    let name = format!(
        "sent-profiles-journal-{}-{}",
        slug(&workspace.name, "workspace"),
        chrono::Local::now().format("%Y%m%d-%H%M%S")
    );
    let not_saved = |e: &dyn std::fmt::Display| {
        AppError::new(
            ErrorKind::Unknown,
            format!(
                "The export could not be saved in {}. Check that the folder exists and that you can write there.",
                dir.display()
            ),
        )
        .with_detail(e.to_string())
    };
    let (path, file) = open_new(&dir, &name).map_err(|e| not_saved(&e))?;
    // The journal is read a page at a time and written as it is read: an export of any size
    // holds one page, and the store is free between pages.
    let written = write_journal_csv(std::io::BufWriter::new(file), &workspace.name, |after| {
        let entries = state
            .with_store(|store| {
                store.journal_page(
                    &workspace_id.to_string(),
                    profile_id.as_deref(),
                    outcome.map(|o| o.stored()),
                    after,
                    EXPORT_PAGE,
                )
            })?
            .unwrap_or_default();
        Ok(entries)
    });
    let written = written.and_then(|(lines, sink)| {
        let file = sink
            .into_inner()
            .map_err(|e| ExportError::from(e.into_error()))?;
        file.sync_all()?;
        Ok(lines)
    });
    match written {
        Ok(lines) => Ok(JournalExport {
            path: path.display().to_string(),
            rows: lines,
        }),
        Err(error) => {
            // Never leave half an export behind.
            let _ = std::fs::remove_file(&path);
            Err(match error {
                ExportError::Read(error) => error,
                ExportError::Write(e) => not_saved(&e),
            })
        }
    }
}

/// Journal entries per page of an export.
const EXPORT_PAGE: usize = 1_000;

enum ExportError {
    Read(AppError),
    Write(csv::Error),
}

impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> Self {
        ExportError::Write(e)
    }
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        ExportError::Write(e.into())
    }
}

impl From<AppError> for ExportError {
    fn from(e: AppError) -> Self {
        ExportError::Read(e)
    }
}

const CSV_HEADER: [&str; 11] = [
    "Time (UTC)",
    "Workspace",
    "Profile",
    "Profile id",
    "Action",
    "Outcome",
    "Field",
    "Old value",
    "New value",
    "Request id",
    "Message",
];

/// Writes the journal as CSV, one line per changed field (an entry without changes gets one line
/// with empty field columns), pulling pages from `page(after)` (the `(at, id)` of the last entry
/// written, newest first) until one comes back short. Answers the number of lines written and the
/// sink, flushed.
fn write_journal_csv<W: std::io::Write>(
    sink: W,
    workspace: &str,
    mut page: impl FnMut(Option<(i64, i64)>) -> Result<Vec<JournalEntry>, AppError>,
) -> Result<(u32, W), ExportError> {
    let mut out = csv::Writer::from_writer(sink);
    out.write_record(CSV_HEADER)?;
    let mut lines = 0u32;
    let empty = FieldChange {
        path: String::new(),
        label: String::new(),
        old: String::new(),
        new: String::new(),
    };
    let mut after = None;
    loop {
        let entries = page(after)?;
        let full = entries.len() >= EXPORT_PAGE;
        for entry in entries {
            after = Some((entry.at, entry.id));
            let row = row(entry);
            let time = DateTime::<Utc>::from_timestamp_millis(row.at)
                .map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true))
                .unwrap_or_default();
            let changes = if row.changes.is_empty() {
                std::slice::from_ref(&empty)
            } else {
                &row.changes[..]
            };
            for change in changes {
                let record = [
                    time.as_str(),
                    workspace,
                    &row.profile_name,
                    row.profile_id.as_deref().unwrap_or_default(),
                    &row.action_label,
                    &row.outcome_label,
                    &change.label,
                    &change.old,
                    &change.new,
                    row.request_id.as_deref().unwrap_or_default(),
                    row.message.as_deref().unwrap_or_default(),
                ];
                let record = record.map(spreadsheet_safe);
                out.write_record(record.iter().map(|cell| cell.as_bytes()))?;
                lines = lines.saturating_add(1);
            }
        }
        if !full {
            break;
        }
    }
    let sink = out
        .into_inner()
        .map_err(|e| ExportError::from(e.into_error()))?;
    Ok((lines, sink))
}

/// A cell a spreadsheet would run as a formula (`=`, `@`, `+`/`-` not followed by a number) gets a
/// leading `'`, so opening the export never evaluates what a profile name or message says. Phone
/// numbers (`+1 555 0100`) and negative numbers stay as they are.
pub(crate) fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = match cell.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !cell[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '(' | ')' | '-' | '.')),
        _ => false,
    };
    if risky {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// "Acme Agency (production)" -> "acme-agency-production"; at most 40 characters; `fallback`
/// when nothing is left.
pub(crate) fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        fallback.into()
    } else {
        out.into()
    }
}

/// Writes `<dir>/<name>.csv`, or `<name>-2.csv`, ... when that exists: never over a file. Owner
/// read/write only on unix.
/// A new file `name.csv` in `dir` (`name-2.csv`, … when taken: an export never overwrites), readable
/// by the user only.
pub(crate) fn open_new(dir: &Path, name: &str) -> std::io::Result<(PathBuf, File)> {
    std::fs::create_dir_all(dir)?;
    for n in 1..=1000 {
        let path = match n {
            1 => dir.join(format!("{name}.csv")),
            n => dir.join(format!("{name}-{n}.csv")),
        };
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "too many exports with the same name",
    ))
}

#[cfg(test)]
mod unit {
    use super::*;
    use std::io::Write;

    fn entry(id: i64, changes: usize) -> JournalEntry {
        JournalEntry {
            id,
            at: 1_700_000_000_000 - id,
            workspace_id: "w".into(),
            profile_id: Some(format!("p{id}")),
            action: "profile.update".into(),
            changes: serde_json::json!({
                "profile_name": format!("=Profile {id}"),
                "changes": (0..changes).map(|c| serde_json::json!({
                    "path": format!("f{c}"), "label": format!("Field {c}"), "old": "a", "new": "b"
                })).collect::<Vec<_>>(),
            }),
            outcome: "ok".into(),
            request_id: None,
        }
    }

    #[test]
    fn the_export_pulls_page_after_page_and_writes_a_line_per_change() {
        // 2,500 entries in pages of EXPORT_PAGE, each page asked after the last one written.
        let total = 2 * EXPORT_PAGE as i64 + 500;
        let mut asked = Vec::new();
        let (lines, bytes) = write_journal_csv(Vec::new(), "Acme", |after| {
            asked.push(after);
            let start = after.map_or(0, |(_, id)| id + 1);
            Ok((start..total.min(start + EXPORT_PAGE as i64))
                .map(|id| entry(id, if id % 2 == 0 { 0 } else { 2 }))
                .collect())
        })
        .map_err(|_| "export failed")
        .unwrap();
        assert_eq!(asked.len(), 3);
        assert_eq!(asked[0], None);
        assert_eq!(asked[1].map(|(_, id)| id), Some(EXPORT_PAGE as i64 - 1));
        // Half the entries have no change (one line), half have two.
        assert_eq!(lines as i64, total / 2 + total);
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text.lines().count() as i64, 1 + total / 2 + total);
        assert!(
            text.lines().nth(1).unwrap().contains("'=Profile 0"),
            "formula-safe"
        );
    }

    #[test]
    fn a_page_that_cannot_be_read_fails_the_export() {
        let result = write_journal_csv(Vec::new(), "Acme", |after| match after {
            None => Ok((0..EXPORT_PAGE as i64).map(|id| entry(id, 1)).collect()),
            Some(_) => Err(AppError::new(ErrorKind::Database, "gone")),
        });
        assert!(matches!(result, Err(ExportError::Read(e)) if e.kind == ErrorKind::Database));
    }

    #[test]
    fn actions_and_outcomes_are_worded() {
        assert_eq!(action_label("profile.update"), "Profile updated");
        assert_eq!(action_label("profile.delete"), "Profile deleted");
        assert_eq!(action_label("profile.create"), "Profile created");
        assert_eq!(action_label("campaign.submit"), "Campaign submitted");
        assert_eq!(action_label("campaign.pause_all"), "Campaign: pause all");
        assert_eq!(action_label("sync"), "Sync");
        assert_eq!(action_label(""), "");
        assert_eq!(outcome_label("ok"), ("Saved".into(), Tone::Success));
        assert_eq!(outcome_label("dry_run"), ("Dry run".into(), Tone::Progress));
        assert_eq!(
            outcome_label("error:VALIDATION_001"),
            ("Failed: VALIDATION_001".into(), Tone::Danger)
        );
        assert_eq!(outcome_label("error:network").0, "Failed: network");
        assert_eq!(
            outcome_label("unknown:timeout"),
            ("Outcome unknown: timeout".to_owned(), Tone::Attention)
        );
        assert_eq!(outcome_label("queued"), ("queued".into(), Tone::Neutral));
    }

    #[test]
    fn slugs_and_formula_cells() {
        assert_eq!(
            slug("Acme Agency (production)", "workspace"),
            "acme-agency-production"
        );
        assert_eq!(slug("عيادة", "workspace"), "workspace");
        assert_eq!(slug(&"x".repeat(90), "workspace").len(), 40);
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+1 555 0100"), "+1 555 0100");
        assert_eq!(spreadsheet_safe("-cmd|x"), "'-cmd|x");
        assert_eq!(spreadsheet_safe("Bella"), "Bella");
        assert_eq!(spreadsheet_safe(""), "");
    }

    #[test]
    fn exports_never_overwrite_and_are_owner_only() {
        let dir = crate::test_support::TempDir::new();
        let (first, mut file) = open_new(&dir.path, "x").unwrap();
        file.write_all(b"one").unwrap();
        let (second, _) = open_new(&dir.path, "x").unwrap();
        assert_ne!(first, second);
        assert_eq!(std::fs::read(&first).unwrap(), b"one");
        assert!(second.ends_with("x-2.csv"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&second).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
