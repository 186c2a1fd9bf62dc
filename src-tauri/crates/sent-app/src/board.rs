//! The compliance board's use cases: its window (one workspace or every workspace) from the list
//! models the app holds, the background read of each profile's campaigns (bounded, paced by the
//! workspace's client, tied to the workspace's supervisor), submitting several ready profiles for
//! review at once (one Idempotency-Key each, a result per profile), and the board's report as CSV.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use sent_client::ProfileBackend;
use sent_model::enums::CampaignStatus;
use sent_model::ProfileId;
use sent_views::board::{board_window, BoardMatches, CampaignCount, REPORT_HEADER};
use sent_views::{BoardQuery, BoardWindow, ProfileListModel};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::core::Core;
use crate::error::{AppError, ErrorKind};
use crate::profiles::now_ms;

/// Profiles whose campaigns are read at once, per workspace (the client paces them within Sent's
/// rate limit; a 429 holds them all).
const READ_CONCURRENCY: usize = 4;
/// A campaign count older than this is read again when the board opens.
const STALE_AFTER: Duration = Duration::from_secs(15 * 60);
/// The most profiles one opening of the board reads (the rest at the next opening).
const READ_CAP: usize = 5_000;
/// Failed reads in a row after which the reading stops (the server is down, the key revoked).
const MAX_FAILURES: u32 = 5;
/// Profiles submitted at once from the board.
const SUBMIT_CONCURRENCY: usize = 3;
/// The most profiles one bulk submission takes.
pub const MAX_BULK_SUBMIT: usize = 200;

fn reasons_of(state: &Core) -> HashMap<String, String> {
    state
        .reviews
        .reasons()
        .lock()
        .map(|r| r.clone())
        .unwrap_or_default()
}

/// The workspaces a board shows: one, or every workspace (in the settings' order).
fn shown(state: &Core, workspace_id: Option<Uuid>) -> Result<Vec<(Uuid, String, bool)>, AppError> {
    let list = state.workspaces.list();
    let local = |url: &str| sent_model::validate::urls::is_loopback_url(url);
    match workspace_id {
        Some(id) => {
            let w = state.workspaces.find(id)?;
            Ok(vec![(id, w.name.clone(), local(&w.base_url))])
        }
        None => Ok(list
            .workspaces
            .iter()
            .map(|w| (w.id, w.name.clone(), local(&w.base_url)))
            .collect()),
    }
}

/// What a board's window and its report both start from: the workspaces shown (id, name, on
/// this computer), the rejection reasons known, and the time the rows are worded at.
struct Opened {
    shown: Vec<(Uuid, String, bool)>,
    ids: Vec<Uuid>,
    reasons: HashMap<String, String>,
    now: i64,
}

impl Opened {
    fn new(state: &Core, workspace_id: Option<Uuid>) -> Result<Self, AppError> {
        let shown = shown(state, workspace_id)?;
        let ids = shown.iter().map(|(id, _, _)| *id).collect();
        Ok(Self {
            shown,
            ids,
            reasons: reasons_of(state),
            now: now_ms(),
        })
    }
}

/// One window of the board: every profile's next action, sorted by what needs attention, from
/// what the app holds (no network).
pub async fn query_board(
    state: &Core,
    workspace_id: Option<Uuid>,
    query: BoardQuery,
) -> Result<BoardWindow, AppError> {
    let opened = Opened::new(state, workspace_id)?;
    let (shown, ids, now) = (opened.shown.as_slice(), opened.ids.as_slice(), opened.now);
    let reason = |id: &str| opened.reasons.get(id).cloned();
    let reading: Vec<bool> = {
        let reads = state.board_reads.lock().unwrap_or_else(|e| e.into_inner());
        ids.iter().map(|id| reads.contains(id)).collect()
    };
    let mut window = state.lists.with_each(ids, |models| {
        let matches: Vec<BoardMatches> =
            models.iter_mut().map(|m| m.board_matches(&query)).collect();
        let mut window = board_window(
            workspace_id.map(|w| w.to_string()).unwrap_or_default(),
            &matches,
            &query,
            |m, i| {
                let mut row = models[m].board_row(i, now, &reason, reading[m]);
                row.workspace_name.clone_from(&shown[m].1);
                row.local = shown[m].2;
                row
            },
        );
        window.freshness = freshness(models, now);
        window
    });
    window.reading = reading.iter().any(|r| *r);
    window.needs_address = shown.iter().any(|(_, _, local)| !local);
    let problems = state
        .board_problems
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    window.read_problem = shown.iter().find_map(|(id, name, _)| {
        problems.get(id).map(|p| {
            if ids.len() > 1 {
                format!("{name}: {p}")
            } else {
                p.clone()
            }
        })
    });
    Ok(window)
}

fn freshness(models: &[ProfileListModel], now: i64) -> String {
    let oldest = models.iter().map(|m| m.fetched_at()).min().flatten();
    match (models.iter().any(|m| m.fetched_at().is_none()), oldest) {
        (true, _) | (false, None) => {
            "Some profiles were never read from Sent: refresh the profile list".into()
        }
        (false, Some(at)) => format!(
            "Profiles read from Sent {}",
            sent_views::board::ago(now, at)
        ),
    }
}

/// Whether the board's background read runs (or just started) for a workspace.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BoardReading {
    pub reading: bool,
    /// Profiles whose campaigns this opening reads.
    pub profiles: u32,
}

/// The board's count of a profile's campaigns (own and inherited, as review counts them).
fn count_of(campaigns: &[sent_model::campaign::TcrCampaignWithUseCases]) -> CampaignCount {
    CampaignCount {
        count: u16::try_from(campaigns.len()).unwrap_or(u16::MAX),
        active: u16::try_from(
            campaigns
                .iter()
                .filter(|c| c.status == Some(CampaignStatus::Active))
                .count(),
        )
        .unwrap_or(u16::MAX),
        read_at: now_ms(),
    }
}

/// A profile's campaigns were read elsewhere (its screen, a submission's check): the board's
/// count follows at once, and the views are told when it moved.
pub(crate) fn note_campaigns(
    state: &Core,
    workspace_id: Uuid,
    profile_id: &str,
    campaigns: &[sent_model::campaign::TcrCampaignWithUseCases],
) {
    let count = count_of(campaigns);
    let moved = state.lists.with(workspace_id, |m| {
        let before = m.generation();
        m.set_campaigns(profile_id, count);
        m.generation() != before
    });
    if moved {
        crate::profiles::announce(state, workspace_id);
    }
}

/// Removes the workspace from the board's readings when the read ends, however it ends.
struct ReadingGuard {
    reads: std::sync::Arc<std::sync::Mutex<std::collections::HashSet<Uuid>>>,
    workspace: Uuid,
}

impl Drop for ReadingGuard {
    fn drop(&mut self) {
        self.reads
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.workspace);
    }
}

/// Starts reading, in the background, the campaigns of the workspace's profiles whose next action
/// depends on them (unknown or older than 15 minutes, oldest first), four at a time; the board's
/// rows move as they are read (`profiles_updated`). Answers at once.
pub async fn refresh_board(state: &Core, workspace_id: Uuid) -> Result<BoardReading, AppError> {
    state.workspaces.find(workspace_id)?;
    let generation = state.supervisor.generation(workspace_id);
    let (client, _) = state.client(workspace_id, None)?;
    let stale_before = now_ms() - i64::try_from(STALE_AFTER.as_millis()).unwrap_or(0);
    let wanted = state.lists.with(workspace_id, |m| {
        m.campaigns_to_read(stale_before, READ_CAP)
    });
    let count = u32::try_from(wanted.len()).unwrap_or(u32::MAX);
    {
        let mut reads = state.board_reads.lock().unwrap_or_else(|e| e.into_inner());
        if reads.contains(&workspace_id) {
            return Ok(BoardReading {
                reading: true,
                profiles: 0,
            });
        }
        if wanted.is_empty() {
            return Ok(BoardReading {
                reading: false,
                profiles: 0,
            });
        }
        reads.insert(workspace_id);
    }
    let guard = ReadingGuard {
        reads: state.board_reads.clone(),
        workspace: workspace_id,
    };
    let lists = state.lists.clone();
    let emitter = state.emitter();
    let announce = move |lists: &crate::lists::ListModels| {
        let update = crate::profiles::list_update(lists, workspace_id);
        if let Ok(value) = serde_json::to_value(&update) {
            emitter.emit(crate::events::AppEvent::ProfilesUpdated, value);
        }
    };
    let problems = state.board_problems.clone();
    let work = async move {
        let _guard = guard;
        let mut wanted = wanted;
        let mut failed = 0usize;
        let mut last_error: Option<String> = None;
        let mut announced = Instant::now();
        let mut saved = Instant::now();
        let mut moved = false;
        let mut read = 0usize;
        // Profiles that appear meanwhile (a list refresh) are read in a later pass; a pass with
        // failures is the last (the next opening, or Refresh, tries again).
        for _pass in 0..3 {
            let mut reads = futures_util::stream::iter(std::mem::take(&mut wanted))
                .map(|id| {
                    let client = client.clone();
                    async move {
                        let answer = client.list_campaigns(&id).await;
                        (id, answer)
                    }
                })
                .buffer_unordered(READ_CONCURRENCY);
            let mut in_a_row = 0u32;
            while let Some((id, answer)) = reads.next().await {
                read += 1;
                match answer {
                    Ok(answer) => {
                        in_a_row = 0;
                        moved |= lists.with(workspace_id, |m| {
                            m.set_campaigns(&id, count_of(&answer.data))
                        });
                    }
                    // Gone since the list was read: the next refresh drops it.
                    Err(error) if error.status() == Some(404) => {}
                    Err(error) => {
                        failed += 1;
                        in_a_row += 1;
                        last_error = Some(AppError::from(error).message);
                        if in_a_row >= MAX_FAILURES {
                            break;
                        }
                    }
                }
                if moved && announced.elapsed() >= Duration::from_millis(500) {
                    announce(&lists);
                    announced = Instant::now();
                    moved = false;
                }
                if saved.elapsed() >= Duration::from_secs(60) {
                    lists.save(workspace_id);
                    saved = Instant::now();
                }
            }
            if failed > 0 || read >= READ_CAP {
                break;
            }
            let stale_before = now_ms() - i64::try_from(STALE_AFTER.as_millis()).unwrap_or(0);
            wanted = lists.with(workspace_id, |m| {
                m.campaigns_to_read(stale_before, READ_CAP - read)
            });
            if wanted.is_empty() {
                break;
            }
        }
        {
            let mut problems = problems.lock().unwrap_or_else(|e| e.into_inner());
            match last_error.filter(|_| failed > 0) {
                Some(error) => problems.insert(
                    workspace_id,
                    format!(
                        "The campaigns of {failed} {} could not be read from Sent ({error}); their next action waits for them. Press Refresh to try again.",
                        if failed == 1 { "profile" } else { "profiles" }
                    ),
                ),
                None => problems.remove(&workspace_id),
            };
        }
        lists.save(workspace_id);
        drop(_guard);
        // The reading ended: a new generation, so every view asks again (its rows' words change
        // even when no count did).
        lists.with(workspace_id, |m| m.touch());
        announce(&lists);
    };
    if !state.supervisor.spawn(workspace_id, generation, work) {
        return Ok(BoardReading {
            reading: false,
            profiles: 0,
        });
    }
    Ok(BoardReading {
        reading: true,
        profiles: count,
    })
}

/// One profile of a bulk submission, with its own key (kept by the window for the selection and
/// reused when the same submission is retried).
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct BulkSubmitItem {
    pub workspace_id: Uuid,
    pub profile_id: ProfileId,
    pub idempotency_key: String,
}

/// What happened to one profile of a bulk submission.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BulkSubmitResult {
    pub workspace_id: String,
    pub profile_id: String,
    pub name: String,
    pub ok: bool,
    /// Sent's answer in words, or the error's message.
    pub message: String,
    /// The failure, whole: its fields name what review still needs; its outcome says whether the
    /// submission may have reached Sent (then the same key is reused on retry).
    pub error: Option<AppError>,
    pub request_id: Option<String>,
}

/// Submits several profiles for review, each with its own key, three at a time: each is checked
/// against review's prerequisites first (read fresh from Sent), as from its own screen, and
/// followed afterwards. A profile that fails does not stop the others; a result per profile.
/// `web_hook_url`: where Sent reports for a workspace that is not on this computer.
pub async fn submit_profiles(
    state: &Core,
    items: Vec<BulkSubmitItem>,
    web_hook_url: Option<String>,
) -> Result<Vec<BulkSubmitResult>, AppError> {
    if items.is_empty() {
        return Err(AppError::new(
            ErrorKind::Validation,
            "Select the profiles to submit first (ready ones have a checkbox).",
        ));
    }
    if items.len() > MAX_BULK_SUBMIT {
        return Err(AppError::new(
            ErrorKind::Validation,
            format!(
                "{} profiles are selected; submit at most {MAX_BULK_SUBMIT} at once: clear some and submit the rest after.",
                items.len()
            ),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    let mut profiles = std::collections::HashSet::new();
    for item in &items {
        if !profiles.insert((item.workspace_id, item.profile_id.as_str().to_owned())) {
            return Err(AppError::new(
                ErrorKind::Validation,
                "A profile is in the submission twice; nothing was sent. Select the profiles again.",
            ));
        }
        if !seen.insert(item.idempotency_key.clone()) {
            return Err(AppError::new(
                ErrorKind::Validation,
                "Two profiles of the submission share a key; nothing was sent. Select them again.",
            ));
        }
    }
    let results = futures_util::stream::iter(items)
        .map(|item| {
            let web_hook_url = web_hook_url.clone();
            async move {
                let profile_id = item.profile_id.as_str().to_owned();
                let workspace = item.workspace_id;
                let name = state
                    .lists
                    .peek(workspace, |m| m.row(&profile_id).map(|r| r.name))
                    .unwrap_or_else(|| profile_id.clone());
                let local = state
                    .workspaces
                    .find(workspace)
                    .map(|w| sent_model::validate::urls::is_loopback_url(&w.base_url))
                    .unwrap_or(true);
                let url = if local { None } else { web_hook_url };
                let outcome = crate::onboard::submit_profile(
                    state,
                    workspace,
                    item.profile_id,
                    url,
                    item.idempotency_key,
                )
                .await;
                let (ok, message, error, request_id) = match outcome {
                    Ok(o) => (true, o.message, None, o.request_id),
                    Err(e) => (
                        false,
                        e.message.clone(),
                        Some(e.clone()),
                        e.request_id.clone(),
                    ),
                };
                BulkSubmitResult {
                    workspace_id: workspace.to_string(),
                    profile_id,
                    name,
                    ok,
                    message,
                    error,
                    request_id,
                }
            }
        })
        .buffered(SUBMIT_CONCURRENCY)
        .collect::<Vec<_>>()
        .await;
    Ok(results)
}

/// Where the board's report was written.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BoardExport {
    pub path: String,
    /// Profiles written (one line each, after the header).
    pub rows: u32,
}

/// Writes the board (its search and filter applied; every row, not only the window) as CSV to
/// the Downloads folder: one line per profile with its configuration and next action,
/// formula-safe. The profile list exports the same report with its search.
pub async fn export_board(
    state: &Core,
    workspace_id: Option<Uuid>,
    query: BoardQuery,
) -> Result<BoardExport, AppError> {
    let opened = Opened::new(state, workspace_id)?;
    let (shown, ids, now) = (opened.shown.as_slice(), opened.ids.as_slice(), opened.now);
    let reason = |id: &str| opened.reasons.get(id).cloned();
    let dir = state
        .downloads_dir
        .clone()
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| state.data_dir.clone());
    let scope = match workspace_id {
        Some(_) => crate::journal::slug(&shown[0].1, "workspace"),
        None => "all-workspaces".into(),
    };
    let name = format!(
        "sent-profiles-board-{scope}-{}",
        chrono::Local::now().format("%Y%m%d-%H%M%S")
    );
    let not_saved = |e: &dyn std::fmt::Display| {
        AppError::new(
            ErrorKind::Unknown,
            format!(
                "The report could not be saved in {}. Check that the folder exists and that you can write there.",
                dir.display()
            ),
        )
        .with_detail(e.to_string())
    };
    let (path, file) = crate::journal::open_new(&dir, &name).map_err(|e| not_saved(&e))?;
    // The lines are made while the lists are held, and written after: the file's speed never
    // holds the lists.
    let report: Vec<Vec<String>> = state.lists.with_each(ids, |models| {
        let matches: Vec<BoardMatches> =
            models.iter_mut().map(|m| m.board_matches(&query)).collect();
        let mut lines = Vec::new();
        for kind in 0..6 {
            for (m, found) in matches.iter().enumerate() {
                for &i in &found.buckets[kind] {
                    lines.push(models[m].report_line(i, &shown[m].1, now, &reason));
                }
            }
        }
        lines
    });
    let mut out = csv::Writer::from_writer(std::io::BufWriter::new(file));
    let written: Result<u32, csv::Error> = (|| {
        out.write_record(REPORT_HEADER)?;
        for line in &report {
            out.write_record(
                line.iter()
                    .map(|c| crate::journal::spreadsheet_safe(c).into_owned()),
            )?;
        }
        Ok(u32::try_from(report.len()).unwrap_or(u32::MAX))
    })();
    let lines = written.map_err(|e| not_saved(&e))?;
    let file = out
        .into_inner()
        .map_err(|e| not_saved(&e.error().to_string()))?
        .into_inner()
        .map_err(|e| not_saved(&e.error().to_string()))?;
    file.sync_all().map_err(|e| not_saved(&e))?;
    Ok(BoardExport {
        path: path.display().to_string(),
        rows: lines,
    })
}
