//! The headless command: `sent-profiles onboard FILE --workspace NAME [--dry-run] [--resume]`
//! runs bulk onboarding's use case (`sent_app::batch::onboard_file`) with the app's own settings,
//! database and keychain, no window. One line per row on stderr, a summary on stdout; the exit
//! status says whether every row has its profile (0), some do not (1), or nothing ran (2).
//!
//! It reads the settings file and never writes it. It starts the built-in local sandbox like the
//! app does (its data file is shared with the app's): do not run it against "Local sandbox" while
//! the app itself runs.

use std::path::PathBuf;
use std::sync::Arc;

use sent_app::{AppEvent, Core, Events, Phases, Start};
use sent_views::batch::BatchSettings;
use sent_workspaces::{MemoryBackend, SettingsBackend};

/// The bundle identifier (`tauri.conf.json`; a test keeps the two equal).
pub const IDENTIFIER: &str = "app.sentprofiles.desktop";

const USAGE: &str = "\
Usage: sent-profiles onboard FILE --workspace NAME [options]

Creates one sender profile per row of FILE (.csv or .xlsx), as the app's \"Import clients\" screen
does: each row is checked first, rows with problems are not sent, and each row's create is sent
with its own Idempotency-Key (kept in the app's database), so a rerun never creates a profile twice.

Options:
  --workspace NAME      the workspace (its name as the app shows it, or its id)
  --dry-run             Sent checks every ready row; nothing is created
  --resume              continue the batch made from this same file (rows already created are kept)
  --preset P            agency (default), franchise, platform or custom
  --billing MODEL       organization, profile or profile_and_organization (default: the preset's)
  --whatsapp CHOICE     inherit or direct (default: the preset's)
  --submit              submit each created profile for review
  --data-dir DIR        the app's settings and data folder (default: the app's own)

Exit status: 0 every row has its profile (or, with --dry-run, Sent accepted every row);
1 some rows do not (each is listed with its reason); 2 nothing ran (see the message).";

#[derive(Debug)]
struct Args {
    file: PathBuf,
    workspace: String,
    dry_run: bool,
    resume: bool,
    settings: BatchSettings,
    data_dir: Option<PathBuf>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut file = None;
    let mut workspace = None;
    let mut out = Args {
        file: PathBuf::new(),
        workspace: String::new(),
        dry_run: false,
        resume: false,
        settings: BatchSettings::default(),
        data_dir: None,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--workspace" => workspace = Some(value("--workspace")?),
            "--dry-run" => out.dry_run = true,
            "--resume" => out.resume = true,
            "--submit" => out.settings.submit_for_review = true,
            "--preset" => {
                let p = value("--preset")?.to_lowercase();
                if !["agency", "franchise", "platform", "custom"].contains(&p.as_str()) {
                    return Err(format!(
                        "--preset {p}: use agency, franchise, platform or custom"
                    ));
                }
                out.settings.preset = p;
            }
            "--billing" => {
                let b = value("--billing")?;
                if !["organization", "profile", "profile_and_organization"].contains(&b.as_str()) {
                    return Err(format!(
                        "--billing {b}: use organization, profile or profile_and_organization"
                    ));
                }
                out.settings.billing_model = Some(b);
            }
            "--whatsapp" => {
                out.settings.whatsapp_inherit = match value("--whatsapp")?.as_str() {
                    "inherit" => Some(true),
                    "direct" => Some(false),
                    other => return Err(format!("--whatsapp {other}: use inherit or direct")),
                }
            }
            "--data-dir" => out.data_dir = Some(PathBuf::from(value("--data-dir")?)),
            "-h" | "--help" => return Err(String::new()),
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other if file.is_none() => file = Some(PathBuf::from(other)),
            other => return Err(format!("one file at a time ({other} is a second one)")),
        }
    }
    out.file = file.ok_or("name the file to import")?;
    out.workspace = workspace.ok_or("name the workspace with --workspace")?;
    Ok(out)
}

/// Prints each row's outcome as the run pushes it.
struct ProgressLines;

impl Events for ProgressLines {
    fn emit(&self, event: AppEvent, payload: serde_json::Value) {
        if event != AppEvent::BatchProgress {
            return;
        }
        let done = payload["done"].as_u64().unwrap_or(0);
        let total = payload["total"].as_u64().unwrap_or(0);
        for row in payload["rows"].as_array().into_iter().flatten() {
            let state = row["state_label"].as_str().unwrap_or("");
            let message = row["message"]
                .as_str()
                .or_else(|| row["dry_run"]["message"].as_str())
                .unwrap_or("");
            eprintln!(
                "[{done}/{total}] row {}: {state}{}{message}",
                row["row_no"],
                if message.is_empty() { "" } else { ": " }
            );
        }
    }
}

/// The app's settings, read once (the command line never writes them).
fn settings(path: &std::path::Path) -> Box<dyn SettingsBackend> {
    let backend = MemoryBackend::default();
    if let Ok(bytes) = std::fs::read(path) {
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(&bytes) {
            for (key, value) in map {
                backend.set(&key, value);
            }
        }
    }
    Box::new(backend)
}

/// Runs `sent-profiles onboard …` (the arguments after `onboard`); answers the exit status.
pub fn onboard(args: &[String]) -> i32 {
    let args = match parse(args) {
        Ok(args) => args,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("sent-profiles onboard: {problem}\n");
            }
            eprintln!("{USAGE}");
            return 2;
        }
    };
    let (config_dir, data_dir) = match &args.data_dir {
        Some(dir) => (dir.clone(), dir.clone()),
        None => {
            // Where the app keeps them (Tauri's app config and data dirs; `dev` in a debug build).
            let (Some(config), Some(data)) = (dirs::config_dir(), dirs::data_dir()) else {
                eprintln!("sent-profiles onboard: this system names no configuration folder; use --data-dir.");
                return 2;
            };
            let (config, data) = (config.join(IDENTIFIER), data.join(IDENTIFIER));
            if cfg!(debug_assertions) {
                (config.join("dev"), data.join("dev"))
            } else {
                (config, data)
            }
        }
    };
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!(
                "sent-profiles onboard: cannot read {}: {error}",
                args.file.display()
            );
            return 2;
        }
    };
    if let Err(error) = std::fs::create_dir_all(&data_dir) {
        eprintln!(
            "sent-profiles onboard: cannot create {}: {error}",
            data_dir.display()
        );
        return 2;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("sent-profiles onboard: {error}");
            return 2;
        }
    };
    let core = match Core::start(Start {
        settings: settings(&config_dir.join("settings.json")),
        notices: Vec::new(),
        phases: Phases::new(),
        keychain_service: sent_keychain::service_name(IDENTIFIER, !cfg!(debug_assertions)),
        data_dir,
        downloads_dir: dirs::download_dir(),
        events: Arc::new(ProgressLines),
        runtime: runtime.handle().clone(),
        version: env!("CARGO_PKG_VERSION"),
        retry: sent_client::RetryPolicy::default(),
    }) {
        Ok(core) => core,
        Err(error) => {
            eprintln!("sent-profiles onboard: the app could not start: {error}");
            return 2;
        }
    };
    let list = core.workspaces.list();
    let wanted = args.workspace.trim().to_lowercase();
    let Some(workspace) = list
        .workspaces
        .iter()
        .find(|w| w.name.to_lowercase() == wanted || w.id.to_string() == wanted)
    else {
        let names: Vec<&str> = list.workspaces.iter().map(|w| w.name.as_str()).collect();
        eprintln!(
            "sent-profiles onboard: no workspace is named “{}”. The app has: {}.",
            args.workspace,
            names.join(", ")
        );
        return 2;
    };
    let file_name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "clients.csv".into());
    eprintln!(
        "{} {} into “{}”…",
        if args.dry_run {
            "Dry-running"
        } else {
            "Onboarding"
        },
        file_name,
        workspace.name
    );
    let outcome = runtime.block_on(sent_app::batch::onboard_file(
        &core,
        workspace.id,
        &file_name,
        bytes,
        args.settings,
        args.dry_run,
        args.resume,
    ));
    let code = match outcome {
        Ok(outcome) => {
            let c = &outcome.counts;
            println!(
                "{} rows: {} created, {} refused, {} with problems, {} outcome unknown, {} ready{}.",
                c.total,
                c.created,
                c.refused,
                c.problems,
                c.unknown + c.sending,
                c.ready,
                if args.dry_run { " (dry run: nothing created)" } else { "" }
            );
            for problem in &outcome.problems {
                println!("  {problem}");
            }
            println!(
                "Batch {} (run again with --resume to continue it).",
                outcome.batch_id
            );
            if outcome.complete {
                0
            } else {
                1
            }
        }
        Err(error) => {
            eprintln!("sent-profiles onboard: {}", error.message);
            if let Some(fields) = &error.fields {
                for (field, messages) in fields {
                    eprintln!("  {field}: {}", messages.join(" "));
                }
            }
            2
        }
    };
    drop(core);
    runtime.shutdown_timeout(std::time::Duration::from_secs(2));
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_identifier_is_the_bundle_s() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        assert_eq!(conf["identifier"], IDENTIFIER);
    }

    #[test]
    fn arguments_are_read_and_bad_ones_named() {
        let args = |a: &[&str]| parse(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let ok = args(&[
            "clients.csv",
            "--workspace",
            "Acme",
            "--dry-run",
            "--preset",
            "franchise",
            "--whatsapp",
            "inherit",
        ])
        .unwrap();
        assert_eq!(ok.file, PathBuf::from("clients.csv"));
        assert_eq!(ok.workspace, "Acme");
        assert!(ok.dry_run && !ok.resume);
        assert_eq!(ok.settings.preset, "franchise");
        assert_eq!(ok.settings.whatsapp_inherit, Some(true));
        assert!(args(&["clients.csv"]).unwrap_err().contains("--workspace"));
        assert!(args(&["--workspace", "A"]).unwrap_err().contains("file"));
        assert!(args(&["a.csv", "--workspace", "A", "--preset", "x"])
            .unwrap_err()
            .contains("agency"));
        assert!(args(&["a.csv", "--workspace", "A", "--nope"])
            .unwrap_err()
            .contains("--nope"));
    }
}
