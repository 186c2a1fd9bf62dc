//! Review followed to the end. Every profile in review (after a submission from the app, and every
//! profile the list holds as `pending_review`, `submitted`, `processing` or `in_progress`) is read
//! again by one background task per workspace for as long as the app runs: every second or so for
//! the first two minutes after a submission (the dialog's status line), then backing off to hourly.
//! At the next start the cached statuses say which profiles are still in review, and they are
//! followed again. When a status moves, the cache, the list model and the window follow
//! (`profiles_updated`, `profile_status`); when review ends (approved or rejected) a notice is kept
//! (`review_notices`) and pushed (`review_settled`), and the shell raises an OS notification.
//!
//! The task runs under the workspace's supervisor: it stops when the workspace is removed or its
//! keys change (the next refresh of its list follows its profiles in review again). At most
//! [`READS_AT_ONCE`] reads are in flight per workspace, and the client paces them under the
//! server's rate limit; at start, the profiles found in review are spread over the first minutes.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sent_client::ProfileBackend;
use serde::Serialize;
use tokio::time::Instant;
use ts_rs::TS;
use uuid::Uuid;

use crate::core::Core;
use crate::events::AppEvent;
use crate::onboard::ProfileStatusUpdate;
use crate::profiles::organization_summary;

/// Reads in flight at once, per workspace.
pub const READS_AT_ONCE: usize = 4;
/// After a submission, the status is read quickly (the dialog shows it) for this long.
const QUICK_PHASE: Duration = Duration::from_secs(120);
/// Notices kept for the window (the newest).
const NOTICES_KEPT: usize = 50;
/// At most this many profiles found in review in a workspace's list are followed one by one (each
/// read again on its own, then backing off to hourly). An agency's platform with 100,000 profiles
/// has ~25,000 in review at a time: following each would read Sent without pause for hours and
/// take the rate limit from the user's own calls. Past it, the list's refresh brings their
/// statuses; profiles submitted from the app are always followed.
pub const FOLLOWED_FROM_LIST: usize = 200;
/// At start, one more profile in review becomes due every this often (5 reads a second at most).
const START_SPREAD: Duration = Duration::from_millis(200);

/// A wire status (lower case) that means "in review": Sent may still move it.
pub fn in_review(status: &str) -> bool {
    matches!(
        status.to_ascii_lowercase().as_str(),
        "pending_review" | "submitted" | "processing" | "in_progress"
    )
}

/// A wire status (lower case) that ends review.
fn review_ended(status: &str) -> Option<bool> {
    match status {
        "approved" | "completed" => Some(true),
        "rejected" | "failed" => Some(false),
        _ => None,
    }
}

/// The wait before the next read of a profile in review, once the quick phase is over: half a
/// minute, then doubling, then hourly.
pub fn long_delay(reads: u32) -> Duration {
    const STEPS: [u64; 8] = [30, 60, 120, 300, 600, 1200, 1800, 3600];
    Duration::from_secs(STEPS[(reads as usize).min(STEPS.len() - 1)])
}

/// Review ended for a followed profile: what the window lists and the OS notification says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReviewNotice {
    /// Unique for the app run.
    #[ts(type = "number")]
    pub id: u64,
    pub workspace_id: String,
    pub profile_id: String,
    pub name: String,
    pub approved: bool,
    /// "Tenant Co was approved".
    pub title: String,
    /// What it means and what to do next.
    pub body: String,
    /// When the app saw it (ms since the epoch).
    #[ts(type = "number")]
    pub at: i64,
}

impl ReviewNotice {
    fn new(
        id: u64,
        workspace_id: Uuid,
        profile_id: &str,
        name: &str,
        approved: bool,
        reason: Option<&str>,
    ) -> Self {
        let shown = if name.trim().is_empty() {
            "A profile"
        } else {
            name
        };
        let (title, body) = if approved {
            (
                format!("{shown} was approved"),
                "Review is over: the profile can send.".to_owned(),
            )
        } else {
            (
                format!("{shown} was rejected"),
                match reason.map(str::trim).filter(|r| !r.is_empty()) {
                    Some(reason) => format!("Sent says: {reason}. Fix it on the profile and submit it again."),
                    None => "Sent did not say why here: see the profile in the Sent dashboard, fix what it reports and submit it again.".to_owned(),
                },
            )
        };
        Self {
            id,
            workspace_id: workspace_id.to_string(),
            profile_id: profile_id.to_owned(),
            name: name.to_owned(),
            approved,
            title,
            body,
            at: chrono::Utc::now().timestamp_millis(),
        }
    }
}

/// One followed profile.
struct Follow {
    name: String,
    /// The status last seen (lower case).
    status: String,
    due: Instant,
    /// Reads since the quick phase ended (for the back-off).
    slow_reads: u32,
    /// Reads in the quick phase.
    quick_reads: u32,
    /// Set for a submission from the app: read quickly until this instant.
    quick_until: Option<Instant>,
    /// The submission's status line (the dialog's) is still pushed: until the status settles for
    /// the dialog (in review counts) or the quick phase ends.
    line_open: bool,
    /// A read of it is in flight.
    reading: bool,
    /// The status the profile had when the app submitted it (a resubmitted `rejected`), until a
    /// read shows another: Sent keeps it until its review job starts, so during the quick phase
    /// it is not the submission's outcome.
    submitted_from: Option<String>,
}

#[derive(Default)]
struct Workspace {
    profiles: HashMap<String, Follow>,
    running: bool,
    /// Which task runs it (unique for the app run): a task stopped (keys changed, workspace
    /// forgotten) and still ending must not mark a newer one's state.
    task: u64,
    wake: Arc<tokio::sync::Notify>,
}

/// Every followed review, the notices, and the reasons Sent's callbacks gave for a rejection.
#[derive(Default)]
pub struct Reviews {
    workspaces: Mutex<HashMap<Uuid, Workspace>>,
    notices: Mutex<VecDeque<ReviewNotice>>,
    next_notice: std::sync::atomic::AtomicU64,
    next_task: std::sync::atomic::AtomicU64,
    /// profile id -> the reason a completion callback gave for a failure.
    reasons: Arc<Mutex<HashMap<String, String>>>,
}

impl Reviews {
    /// The followed workspaces (a poisoned lock is taken over: the state stays consistent per field).
    fn lock_workspaces(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, Workspace>> {
        self.workspaces.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Where the completion receiver notes a failure's reason.
    pub fn reasons(&self) -> Arc<Mutex<HashMap<String, String>>> {
        self.reasons.clone()
    }

    /// A new submission of `profile_id` is about to be sent: a reason an earlier submission's
    /// callback gave is not its outcome.
    pub fn forget_reason(&self, profile_id: &str) {
        self.reasons
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(profile_id);
    }

    /// The notices of this run, newest first.
    pub fn notices(&self) -> Vec<ReviewNotice> {
        self.notices
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .rev()
            .cloned()
            .collect()
    }

    /// Forgets a notice the user dismissed.
    pub fn dismiss(&self, id: u64) {
        self.notices
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|n| n.id != id);
    }

    /// Whether `profile_id` of `workspace` is followed now.
    pub fn is_followed(&self, workspace: Uuid, profile_id: &str) -> bool {
        self.lock_workspaces()
            .get(&workspace)
            .is_some_and(|w| w.profiles.contains_key(profile_id))
    }

    /// How many profiles of `workspace` are followed now.
    pub fn followed(&self, workspace: Uuid) -> usize {
        self.lock_workspaces()
            .get(&workspace)
            .map_or(0, |w| w.profiles.len())
    }

    /// A removed workspace (or one whose keys changed) follows nothing until it is asked again.
    pub fn forget(&self, workspace: Uuid) {
        self.lock_workspaces().remove(&workspace);
    }

    fn keep_notice(&self, notice: ReviewNotice) {
        let mut notices = self.notices.lock().unwrap_or_else(|e| e.into_inner());
        if notices.len() >= NOTICES_KEPT {
            notices.pop_front();
        }
        notices.push_back(notice);
    }
}

/// The notices of reviews that ended during this run, newest first (the window lists them).
pub async fn review_notices(state: &Core) -> Result<Vec<ReviewNotice>, crate::AppError> {
    Ok(state.reviews.notices())
}

/// Forgets a notice the user dismissed.
pub async fn dismiss_review_notice(state: &Core, id: u64) -> Result<(), crate::AppError> {
    state.reviews.dismiss(id);
    Ok(())
}

/// Follows a profile just submitted from the app: quickly for two minutes (its status line), then
/// until review ends. `status` is the status before the submission.
pub fn follow_submission(
    state: &Core,
    workspace_id: Uuid,
    generation: crate::supervisor::Generation,
    profile_id: &str,
    name: &str,
    status: &str,
) {
    let now = Instant::now();
    add(
        state,
        workspace_id,
        generation,
        [(profile_id.to_owned(), name.to_owned(), status.to_owned())],
        |_| now + Duration::from_secs(1),
        Some(now + QUICK_PHASE),
    );
}

/// Follows every profile of the workspace's list that is in review (at start, and after a
/// refresh), spread so that they do not all read at once; profiles already followed keep their
/// pace. A refresh has just read every status: a followed profile whose review ended there is
/// settled now (its notice raised), without waiting for its next read.
pub fn follow_list(state: &Core, workspace_id: Uuid) {
    let generation = state.supervisor.generation(workspace_id);
    let followed: HashMap<String, String> = state
        .reviews
        .lock_workspaces()
        .get(&workspace_id)
        .map(|w| {
            w.profiles
                .iter()
                .map(|(id, f)| (id.clone(), f.status.clone()))
                .collect()
        })
        .unwrap_or_default();
    let rows = state.lists.peek(workspace_id, |m| {
        m.statuses_where(|id, status| in_review(status) || followed.contains_key(id))
    });
    let mut found = Vec::new();
    for (id, name, status) in rows {
        let status = status.to_ascii_lowercase();
        match followed.get(&id) {
            Some(before) if *before != status && review_ended(&status).is_some() => {
                settle_from_list(state, workspace_id, &id, &name, &status);
            }
            Some(_) => {}
            None => found.push((id, name, status)),
        }
    }
    found.truncate(FOLLOWED_FROM_LIST.saturating_sub(followed.len()));
    if found.is_empty() {
        return;
    }
    let now = Instant::now();
    let first = now + Duration::from_secs(5);
    add(
        state,
        workspace_id,
        generation,
        found,
        move |i| first + START_SPREAD * u32::try_from(i).unwrap_or(u32::MAX),
        None,
    );
}

/// A followed profile whose review ended in a list just read: no longer followed, its notice
/// raised, an open profile screen told.
fn settle_from_list(state: &Core, workspace_id: Uuid, id: &str, name: &str, status: &str) {
    let Some(approved) = review_ended(status) else {
        return;
    };
    // Only the one who stops following it raises its notice (the follower may have settled it
    // since the list was read).
    let was_followed = state
        .reviews
        .lock_workspaces()
        .get_mut(&workspace_id)
        .is_some_and(|w| w.profiles.remove(id).is_some());
    if !was_followed {
        return;
    }
    if let Some(row) = state.lists.with(workspace_id, |m| m.row(id)) {
        state.emit(
            AppEvent::ProfileStatus,
            ProfileStatusUpdate {
                workspace_id: workspace_id.to_string(),
                profile_id: id.to_owned(),
                row,
                settled: true,
                message: sent_views::onboard::submit_status_words(status, false),
            },
        );
    }
    raise(
        &state.reviews,
        &state.emitter(),
        workspace_id,
        id,
        name,
        approved,
    );
}

/// Keeps and pushes the notice of a review that ended.
fn raise(
    reviews: &Reviews,
    emit: &crate::events::EventSink,
    workspace_id: Uuid,
    id: &str,
    name: &str,
    approved: bool,
) {
    let reason = (!approved)
        .then(|| {
            reviews
                .reasons
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(id)
        })
        .flatten();
    let notice = ReviewNotice::new(
        reviews
            .next_notice
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
            + 1,
        workspace_id,
        id,
        name,
        approved,
        reason.as_deref(),
    );
    reviews.keep_notice(notice.clone());
    if let Ok(value) = serde_json::to_value(notice) {
        emit.emit(AppEvent::ReviewSettled, value);
    }
}

/// Follows the profiles in review of every workspace (at start, once the window had time to paint).
pub fn follow_all(state: &Core) {
    for workspace in state.workspaces.list().workspaces {
        follow_list(state, workspace.id);
    }
}

fn add(
    state: &Core,
    workspace_id: Uuid,
    generation: crate::supervisor::Generation,
    profiles: impl IntoIterator<Item = (String, String, String)>,
    due: impl Fn(usize) -> Instant,
    quick_until: Option<Instant>,
) {
    let start = {
        let mut all = state.reviews.lock_workspaces();
        let workspace = all.entry(workspace_id).or_default();
        for (i, (id, name, status)) in profiles.into_iter().enumerate() {
            match workspace.profiles.get_mut(&id) {
                // A new submission of a profile already followed: the quick phase again.
                Some(follow) if quick_until.is_some() => {
                    follow.due = due(i);
                    follow.quick_until = quick_until;
                    follow.line_open = true;
                    follow.quick_reads = 0;
                    follow.slow_reads = 0;
                    follow.status = status.to_ascii_lowercase();
                    follow.submitted_from = Some(follow.status.clone());
                }
                Some(_) => {}
                None => {
                    workspace.profiles.insert(
                        id,
                        Follow {
                            name,
                            status: status.to_ascii_lowercase(),
                            due: due(i),
                            slow_reads: 0,
                            quick_reads: 0,
                            quick_until,
                            line_open: quick_until.is_some(),
                            reading: false,
                            submitted_from: quick_until.map(|_| status.to_ascii_lowercase()),
                        },
                    );
                }
            }
        }
        workspace.wake.notify_one();
        let start = !workspace.running;
        workspace.running = true;
        if start {
            workspace.task = state
                .reviews
                .next_task
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
                + 1;
        }
        start.then(|| (workspace.wake.clone(), workspace.task))
    };
    let Some((wake, task)) = start else { return };
    if !spawn(state, workspace_id, generation, wake, task) {
        if let Some(w) = state
            .reviews
            .lock_workspaces()
            .get_mut(&workspace_id)
            .filter(|w| w.task == task)
        {
            w.running = false;
        }
    }
}

fn spawn(
    state: &Core,
    workspace_id: Uuid,
    generation: crate::supervisor::Generation,
    wake: Arc<tokio::sync::Notify>,
    task: u64,
) -> bool {
    let Ok((client, _)) = state.client(workspace_id, None) else {
        return false;
    };
    let context = Context {
        reviews: state.reviews_handle(),
        emit: state.emitter(),
        store: state.store_handle(),
        lists: state.lists.clone(),
        organization: organization_summary(state, &workspace_id.to_string()),
        workspace_id,
        task,
    };
    state
        .supervisor
        .spawn(workspace_id, generation, async move {
            let _ended = context.ended_guard();
            context.run(client, wake).await;
        })
}

/// What the task needs of the core (it outlives the call that started it).
struct Context {
    reviews: Arc<Reviews>,
    emit: crate::events::EventSink,
    store: Option<Arc<Mutex<sent_store::Store>>>,
    lists: crate::lists::ListModels,
    organization: sent_model::effective::OrganizationSummary,
    workspace_id: Uuid,
    /// This task's id ([`Workspace::task`]).
    task: u64,
}

/// Marks the workspace's task as ended however it ends (its work done, or stopped by the
/// supervisor), so the next follow starts a new one.
struct EndedGuard {
    reviews: Arc<Reviews>,
    workspace: Uuid,
    task: u64,
}

impl Drop for EndedGuard {
    fn drop(&mut self) {
        if let Some(w) = self
            .reviews
            .lock_workspaces()
            .get_mut(&self.workspace)
            .filter(|w| w.task == self.task)
        {
            w.running = false;
            for follow in w.profiles.values_mut() {
                follow.reading = false;
            }
        }
    }
}

impl Context {
    fn ended_guard(&self) -> EndedGuard {
        EndedGuard {
            reviews: self.reviews.clone(),
            workspace: self.workspace_id,
            task: self.task,
        }
    }

    /// Takes the profiles due now (at most the reads free), and when the next one is due. `None`
    /// when nothing is followed any more (the task ends).
    fn take_due(&self, free: usize) -> Option<(Vec<String>, Option<Instant>)> {
        let mut all = self.reviews.lock_workspaces();
        // A newer task follows the workspace now (this one was stopped): this one ends.
        let workspace = all
            .get_mut(&self.workspace_id)
            .filter(|w| w.task == self.task)?;
        if workspace.profiles.is_empty() {
            workspace.running = false;
            return None;
        }
        let now = Instant::now();
        let mut due: Vec<(&String, &mut Follow)> = workspace
            .profiles
            .iter_mut()
            .filter(|(_, f)| !f.reading && f.due <= now)
            .collect();
        due.sort_by_key(|(_, f)| f.due);
        let taken: Vec<String> = due
            .into_iter()
            .take(free)
            .map(|(id, f)| {
                f.reading = true;
                id.clone()
            })
            .collect();
        let next = workspace
            .profiles
            .values()
            .filter(|f| !f.reading)
            .map(|f| f.due)
            .min();
        Some((taken, next))
    }

    async fn run(&self, client: Arc<sent_client::SentClient>, wake: Arc<tokio::sync::Notify>) {
        let mut reads = tokio::task::JoinSet::new();
        // Which profile each read is for, so a read that panicked frees its profile too.
        let mut reading: HashMap<tokio::task::Id, String> = HashMap::new();
        loop {
            let free = READS_AT_ONCE.saturating_sub(reads.len());
            let Some((due, next)) = self.take_due(free) else {
                return;
            };
            for id in due {
                let client = client.clone();
                let profile = id.clone();
                let handle = reads.spawn(async move {
                    let result = client.get_profile(&id).await;
                    (id, result)
                });
                reading.insert(handle.id(), profile);
            }
            // With every read slot taken, the next answer (not the clock) frees one.
            let sleep = match next {
                Some(at) if reads.len() < READS_AT_ONCE => {
                    at.saturating_duration_since(Instant::now())
                }
                _ => Duration::from_secs(3600),
            };
            tokio::select! {
                Some(joined) = reads.join_next_with_id(), if !reads.is_empty() => match joined {
                    Ok((task, (id, result))) => {
                        reading.remove(&task);
                        self.read(&id, result);
                    }
                    Err(error) => {
                        if let Some(id) = reading.remove(&error.id()) {
                            self.read_lost(&id);
                        }
                    }
                },
                () = tokio::time::sleep(sleep) => {}
                () = wake.notified() => {}
            }
        }
    }

    /// A read that never answered (its task panicked): read again later.
    fn read_lost(&self, id: &str) {
        let now = Instant::now();
        self.with_follow(id, |follow| {
            follow.reading = false;
            follow.due = now + next_delay(follow, now);
            Step::Keep
        });
    }

    /// One read's answer: the status moved or not, review ended or goes on.
    fn read(
        &self,
        id: &str,
        result: sent_client::ClientResult<sent_client::ApiResponse<sent_model::ProfileDetail>>,
    ) {
        let now = Instant::now();
        let profile = match result {
            Ok(response) => response.data,
            Err(error) => {
                let gone = error.status() == Some(404);
                self.with_follow(id, |follow| {
                    if gone {
                        return Step::Stop;
                    }
                    follow.reading = false;
                    follow.due = now + next_delay(follow, now);
                    Step::Keep
                });
                return;
            }
        };
        let status = profile.status.as_str().to_ascii_lowercase();
        let mut moved = false;
        let mut push_line: Option<(bool, String)> = None;
        let mut ended: Option<(bool, String)> = None;
        self.with_follow(id, |follow| {
            follow.reading = false;
            moved = follow.status != status;
            follow.status.clone_from(&status);
            if !profile.name.is_empty() {
                follow.name.clone_from(&profile.name);
            }
            let quick = follow.quick_until.is_some_and(|until| now < until);
            if follow.submitted_from.as_deref() == Some(status.as_str()) {
                if quick {
                    // Sent has not taken the submission up yet: nothing to say, read again.
                    follow.due = now + next_delay(follow, now);
                    return Step::Keep;
                }
            } else {
                follow.submitted_from = None;
            }
            if follow.line_open {
                let quick_over = !quick;
                let settled = !sent_views::onboard::submit_in_progress(&status);
                if moved || settled || quick_over {
                    push_line = Some((
                        settled || quick_over,
                        sent_views::onboard::submit_status_words(&status, quick_over && !settled),
                    ));
                }
                // The dialog has its last line; the profile goes on being followed.
                follow.line_open = !(settled || quick_over);
            }
            if let Some(approved) = review_ended(&status) {
                ended = Some((approved, follow.name.clone()));
                return Step::Stop;
            }
            // Nothing to wait for: never submitted, or Sent put it back (only after the quick
            // phase: right after a submission the status may not have moved yet).
            if !quick && !in_review(&status) {
                return Step::Stop;
            }
            follow.due = now + next_delay(follow, now);
            Step::Keep
        });
        if moved {
            if let Some(store) = &self.store {
                if let Ok(mut store) = store.lock() {
                    let _ = store.upsert_profile(&self.workspace_id.to_string(), &profile);
                }
            }
            if self
                .lists
                .upsert(self.workspace_id, &profile, &self.organization)
            {
                if let Ok(value) = serde_json::to_value(crate::profiles::list_update(
                    &self.lists,
                    self.workspace_id,
                )) {
                    self.emit.emit(AppEvent::ProfilesUpdated, value);
                }
            }
        }
        if moved || push_line.is_some() {
            let (settled, message) = push_line.unwrap_or_else(|| {
                (
                    !sent_views::onboard::submit_in_progress(&status),
                    sent_views::onboard::submit_status_words(&status, false),
                )
            });
            if let Ok(value) = serde_json::to_value(ProfileStatusUpdate {
                workspace_id: self.workspace_id.to_string(),
                profile_id: id.to_owned(),
                row: sent_views::ProfileRow::new(&profile, &self.organization),
                settled,
                message,
            }) {
                self.emit.emit(AppEvent::ProfileStatus, value);
            }
        }
        if let (Some((approved, name)), true) = (ended, moved) {
            raise(
                &self.reviews,
                &self.emit,
                self.workspace_id,
                id,
                &name,
                approved,
            );
        }
    }

    fn with_follow(&self, id: &str, f: impl FnOnce(&mut Follow) -> Step) {
        let mut all = self.reviews.lock_workspaces();
        let Some(workspace) = all
            .get_mut(&self.workspace_id)
            .filter(|w| w.task == self.task)
        else {
            return;
        };
        let Some(follow) = workspace.profiles.get_mut(id) else {
            return;
        };
        if f(follow) == Step::Stop {
            workspace.profiles.remove(id);
        }
    }
}

#[derive(PartialEq, Eq)]
enum Step {
    Keep,
    Stop,
}

/// The wait before a profile's next read: the quick phase's (1 s growing to 10 s), then the
/// long back-off.
fn next_delay(follow: &mut Follow, now: Instant) -> Duration {
    if follow.quick_until.is_some_and(|until| now < until) {
        let delay = sent_views::sends::poll_delay_ms(follow.quick_reads);
        follow.quick_reads += 1;
        Duration::from_millis(delay)
    } else {
        let delay = long_delay(follow.slow_reads);
        follow.slow_reads += 1;
        delay
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_backs_off_to_hourly() {
        assert_eq!(long_delay(0), Duration::from_secs(30));
        assert_eq!(long_delay(3), Duration::from_secs(300));
        assert_eq!(long_delay(7), Duration::from_secs(3600));
        assert_eq!(long_delay(1000), Duration::from_secs(3600));
    }

    #[test]
    fn in_review_is_the_statuses_sent_may_still_move() {
        for status in [
            "pending_review",
            "PENDING_REVIEW",
            "submitted",
            "processing",
            "in_progress",
        ] {
            assert!(in_review(status), "{status}");
        }
        for status in [
            "incomplete",
            "approved",
            "rejected",
            "completed",
            "failed",
            "",
        ] {
            assert!(!in_review(status), "{status}");
        }
    }

    #[test]
    fn a_notice_says_what_happened_and_what_to_do() {
        let ws = Uuid::nil();
        let approved = ReviewNotice::new(1, ws, "p1", "Tenant Co", true, None);
        assert_eq!(approved.title, "Tenant Co was approved");
        let rejected =
            ReviewNotice::new(2, ws, "p1", "Tenant Co", false, Some("Brand not verified"));
        assert_eq!(rejected.title, "Tenant Co was rejected");
        assert!(
            rejected.body.contains("Brand not verified")
                && rejected.body.contains("submit it again")
        );
        let unnamed = ReviewNotice::new(3, ws, "p1", " ", false, None);
        assert!(unnamed.title.starts_with("A profile"));
        assert!(unnamed.body.contains("Sent dashboard"));
    }
}
