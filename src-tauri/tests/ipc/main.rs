//! The use cases through IPC, on Tauri's mock runtime (an integration test of the shell, outside
//! its production sources): the very app `run()` builds, with its
//! catalog, capability, argument names and serialized answers, against the embedded sandbox.

// One error shape for every use case (see sent_app::AppError).
#![allow(clippy::result_large_err)]

mod support;

mod app;
mod campaigns;
mod edit;
mod journal;
mod onboard;
mod profiles;
mod sends;
mod workspaces;
