//! What the screens show, worded here so that Rust owns the words: the labels of domain values
//! (environments, statuses, billing models, where a resource comes from) and the view model of a
//! profile-list row. The UI renders these as they are; it keeps no copy of a label.
//!
//! This crate must not do I/O: it turns data the client fetched into what a person reads.

pub mod batch;
pub mod board;
pub mod edit;
pub mod fields;
pub mod labels;
pub mod list;
pub mod onboard;
pub mod rows;
mod search;
pub mod sends;

pub use board::{BoardQuery, BoardRow, BoardWindow, NextKind};
pub use edit::{FieldChange, JournalChanges};
pub use labels::{Choice, DomainLabels, Tone};
pub use list::{ListQuery, ListWindow, PaletteProfiles, ProfileListModel, StoredList};
pub use rows::{resource_lines, ProfileListView, ProfileRow, ResourceLine, SourceCell};
