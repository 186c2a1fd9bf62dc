//! The use cases through IPC, on Tauri's mock runtime: the very app `run()` builds, with its
//! catalog, capability, argument names and serialized answers, against the embedded sandbox.

mod app;
mod campaigns;
mod edit;
mod journal;
mod onboard;
mod profiles;
mod sends;
mod workspaces;
