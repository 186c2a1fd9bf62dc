// The one declaration of every IPC command: `module::name(arguments) -> answer`. From it come the
// `#[tauri::command]` wrappers and their registration (commands/declare.rs), one permission per
// command and the `app-commands` set the main window's capability grants (build.rs reads this
// file's text), and the typed TypeScript map `ui/src/bindings/commands.ts`. Every command answers
// `Result<answer, IpcError>` and its implementation is `module::name(&AppState, arguments)`.
declare_commands! {
    /// Version, environment, theme and start-up notices.
    app::app_info() -> AppInfo;
    /// Sets the colour theme (system, light or dark) and answers the new app info.
    app::set_theme(theme: Theme) -> AppInfo;
    /// The words for every domain value the screens show.
    app::domain_labels() -> DomainLabels;

    /// Every workspace and the current one.
    workspaces::list_workspaces() -> WorkspaceList;
    /// Checks the draft and its key with Sent, then keeps the key in the keychain.
    workspaces::add_workspace(draft: WorkspaceDraft) -> Workspace;
    workspaces::switch_workspace(id: Uuid) -> WorkspaceList;
    /// Deletes the workspace's keys from the keychain, then the workspace.
    workspaces::remove_workspace(id: Uuid) -> WorkspaceList;
    /// Checks a profile's own key with Sent and keeps it in the keychain.
    workspaces::set_profile_key(workspace_id: Uuid, profile_id: Uuid, api_key: SecretString) -> Workspace;
    workspaces::remove_profile_key(workspace_id: Uuid, profile_id: Uuid) -> Workspace;
    /// On the built-in local sandbox only: stores the sandbox's own key of that profile.
    workspaces::use_sandbox_profile_key(profile_id: Uuid) -> Workspace;

    /// The profile list from the local cache, at once (no network).
    profiles::cached_profiles(workspace_id: Uuid) -> ProfileListView;
    /// Fetches every page of the profile list from Sent, caches it and pushes `profiles_updated`.
    profiles::refresh_profiles(workspace_id: Uuid) -> ProfileListView;
    /// One cached profile as Sent returned it (the read-only summary).
    profiles::cached_profile(workspace_id: Uuid, profile_id: String) -> ProfileSummary;

    /// Sends a message as a profile with the caller's idempotency key (one per Send action).
    sends::send_message(workspace_id: Uuid, profile_id: Option<Uuid>, request: SendMessage, idempotency_key: String) -> SendResult;

    /// The workspace's audit journal, newest first (at most 10,000 entries), worded; filtered by
    /// profile and outcome when given.
    journal::journal_entries(workspace_id: Uuid, profile_id: Option<String>, outcome: Option<JournalOutcome>) -> Vec<JournalRow>;
    /// Writes the (filtered) journal as CSV to the Downloads folder, one line per changed field.
    journal::export_journal(workspace_id: Uuid, profile_id: Option<String>, outcome: Option<JournalOutcome>) -> JournalExport;
}
