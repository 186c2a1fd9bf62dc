//! What the core tells the window without being asked. The names are closed ([`AppEvent`],
//! exported to TypeScript); the shell's sink turns them into Tauri events.

use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

/// Every event the core pushes, by the name the window listens for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AppEvent {
    /// A workspace's profile list changed (`ProfilesUpdated`).
    ProfilesUpdated,
    /// A followed profile's review status moved (`ProfileStatusUpdate`).
    ProfileStatus,
    /// A followed message's timeline moved (`MessageTimeline`).
    MessageTimeline,
    /// Sent called the loopback completion receiver (`CompletionReceived`).
    CompletionCallback,
    /// A bulk onboarding run moved (`BatchProgress`).
    BatchProgress,
    /// A followed profile's review ended: approved or rejected (`ReviewNotice`).
    ReviewSettled,
}

impl AppEvent {
    /// Every event.
    pub const ALL: [AppEvent; 6] = [
        AppEvent::ProfilesUpdated,
        AppEvent::ProfileStatus,
        AppEvent::MessageTimeline,
        AppEvent::CompletionCallback,
        AppEvent::BatchProgress,
        AppEvent::ReviewSettled,
    ];

    /// The name the window listens for.
    pub fn name(self) -> &'static str {
        match self {
            AppEvent::ProfilesUpdated => "profiles_updated",
            AppEvent::ProfileStatus => "profile_status",
            AppEvent::MessageTimeline => "message_timeline",
            AppEvent::CompletionCallback => "completion_callback",
            AppEvent::BatchProgress => "batch_progress",
            AppEvent::ReviewSettled => "review_settled",
        }
    }
}

/// Where the core's events go: the window in the app, a list in a test.
pub trait Events: Send + Sync {
    fn emit(&self, event: AppEvent, payload: serde_json::Value);
}

/// A shared sink, for tasks that outlive the call that started them.
pub type EventSink = Arc<dyn Events>;

/// A sink that drops every event (a command line, a test that does not look).
pub struct NoEvents;

impl Events for NoEvents {
    fn emit(&self, _: AppEvent, _: serde_json::Value) {}
}
