//! The app's use cases, with no Tauri: editing a profile (check, review, dry run, save), onboarding
//! (drafts, check, create, submit, follow), campaigns, quick sends (check, send, follow), the
//! journal, the profile lists, workspaces and start-up. Each public `async fn` of a use-case module
//! takes the [`Core`] and answers `Result<_, AppError>`; the shell declares them as IPC commands
//! one line each (`src-tauri/src/commands/catalog.rs`), and a test or a command line calls them
//! directly. Progress goes out through an [`EventSink`].

// Every use case answers `Result<_, AppError>`: one shape for every screen, on the failure path
// only, so its size does not matter.
#![allow(clippy::result_large_err)]

pub mod app;
pub mod batch;
pub mod board;
pub mod campaigns;
pub mod core;
pub mod edit;
pub mod error;
pub mod events;
pub mod journal;
pub mod lists;
pub mod onboard;
pub mod profiles;
pub mod receiver;
pub mod reviews;
pub mod sends;
pub mod supervisor;
pub mod workspaces;

#[cfg(test)]
mod test_support;

pub use crate::core::{
    mark_launch, Core, Notice, NoticeKind, Phases, Start, StartError, StartupPhase,
};
pub use error::{AppError, ErrorKind};
pub use events::{AppEvent, EventSink, Events, NoEvents};

/// A use case (or a phase of one) that kept the user waiting over a second is said on stderr with
/// its name and time, never its arguments: where a slow screen's seconds go, on any machine.
pub fn note_if_slow(what: &str, started: std::time::Instant) {
    let took = started.elapsed();
    if took >= std::time::Duration::from_secs(1) {
        eprintln!("sent-profiles: {what} took {} ms", took.as_millis());
    }
}
