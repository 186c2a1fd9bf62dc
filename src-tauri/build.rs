//! Tauri build step. The app's own commands are declared here so that tauri-build generates an
//! `allow-<command>` permission for each: a command not granted in a capability is refused at run
//! time, which is what the release smoke test checks.
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(sent_profiles_commands())),
    )
    .expect("tauri-build failed");
}

/// Every command registered in `src-tauri/src/lib.rs`. Keep in step with `commands::NAMES`
/// (a unit test checks both lists against each other).
fn sent_profiles_commands() -> &'static [&'static str] {
    &["app_info"]
}
