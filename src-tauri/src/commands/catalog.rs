// The one declaration of every IPC command: `module::name(arguments) -> answer`. From it come the
// `#[tauri::command]` wrappers and their registration (commands/declare.rs), one permission per
// command and the `app-commands` set the main window's capability grants (build.rs reads this
// file's text), and the typed TypeScript map `ui/src/bindings/commands.ts`. Every command answers
// `Result<answer, AppError>` and its implementation is the use case `sent_app::module::name(&Core,
// arguments)`: the shell holds no workflow.
declare_commands! {
    /// Version, environment, theme and start-up notices.
    app::app_info() -> AppInfo;
    /// Sets the colour theme (system, light or dark) and answers the new app info.
    app::set_theme(theme: Theme) -> AppInfo;
    /// The words for every domain value the screens show.
    app::domain_labels() -> DomainLabels;
    /// The built-in sandbox's developer option: the Sent API revision it emulates.
    app::sandbox_revision() -> SandboxRevision;
    /// Switches the built-in sandbox to the newer Sent API (2026-10) or back, and forgets what was learned of it.
    app::set_sandbox_revision(newer: bool) -> SandboxRevision;

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

    /// One window of the profile list (search, filters, sort, rows), from what the app holds (no network).
    profiles::query_profiles(workspace_id: Uuid, query: ListQuery) -> ListWindow;
    /// The current workspace's window (the launch's first rows, asked before the window knows which workspace is current).
    profiles::current_list_window(query: ListQuery) -> CurrentListWindow;
    /// The palette's profile options for what was typed, ranked.
    profiles::palette_profiles(workspace_id: Uuid, text: String) -> PaletteProfiles;
    /// Fetches every page of the profile list from Sent, keeps it and pushes `profiles_updated`.
    profiles::refresh_profiles(workspace_id: Uuid) -> ProfilesUpdated;

    /// One profile from the local cache, with its effective configuration, locks and draft.
    edit::profile_detail(workspace_id: Uuid, profile_id: ProfileId) -> ProfileDetailView;
    /// Reads one profile from Sent (fresh), caches it and answers its detail.
    edit::refresh_profile(workspace_id: Uuid, profile_id: ProfileId) -> ProfileDetailView;
    /// Checks a draft with the rules as the user types: field messages and the changes a save sends.
    edit::check_profile_edit(workspace_id: Uuid, profile_id: ProfileId, draft: ProfileDetail, payment: Option<PaymentDetails>) -> EditCheck;
    /// Sends the draft's changes (a PATCH of only those), live or as a dry run, and journals it.
    edit::save_profile(workspace_id: Uuid, profile_id: ProfileId, draft: ProfileDetail, payment: Option<PaymentDetails>, dry_run: bool, idempotency_key: String) -> SaveOutcome;
    /// Keeps the unsaved edit in the local database (never card data); answers when (Unix ms).
    edit::save_profile_draft(workspace_id: Uuid, profile_id: ProfileId, draft: ProfileDetail) -> Option<i64>;
    edit::discard_profile_draft(workspace_id: Uuid, profile_id: ProfileId) -> ();
    /// Soft-deletes the profile after its name was typed to confirm, and journals it.
    edit::delete_profile(workspace_id: Uuid, profile_id: ProfileId, confirm_name: String, idempotency_key: String) -> DeleteOutcome;
    /// A new onboarding draft (fresh id and create key), with the presets.
    onboard::start_onboarding(preset: Option<String>) -> OnboardingStart;
    /// "New client like this": a saved draft with the profile's configuration, never its identity or secrets.
    onboard::start_onboarding_like(workspace_id: Uuid, profile_id: ProfileId) -> OnboardingStart;
    /// Applies a preset (every toggle) to a draft.
    onboard::apply_onboarding_preset(draft: OnboardingDraft, preset: String) -> OnboardingDraft;
    /// Keeps the draft in the local database (never the token or card details).
    onboard::save_onboarding_draft(workspace_id: Uuid, draft: OnboardingDraft) -> ();
    /// A kept draft, to resume.
    onboard::onboarding_draft(workspace_id: Uuid, id: String) -> OnboardingStart;
    /// The workspace's onboarding drafts, newest first.
    onboard::onboarding_drafts(workspace_id: Uuid) -> Vec<DraftSummary>;
    onboard::discard_onboarding_draft(workspace_id: Uuid, id: String) -> ();
    /// Checks the whole draft: field messages, errors per step, the masked request, the effective configuration.
    onboard::check_onboarding(workspace_id: Uuid, draft: OnboardingDraft, secrets: OnboardingSecrets) -> OnboardingCheck;
    /// Creates the profile with the draft's one idempotency key (or dry-runs it).
    onboard::create_profile(workspace_id: Uuid, draft: OnboardingDraft, secrets: OnboardingSecrets, dry_run: bool) -> CreateOutcome;
    /// What the profile needs before review (read fresh from Sent) and whether a submission is offered.
    onboard::review_readiness(workspace_id: Uuid, profile_id: ProfileId) -> ReviewReadiness;
    /// The notices of reviews that ended during this run (approved or rejected), newest first.
    reviews::review_notices() -> Vec<ReviewNotice>;
    reviews::dismiss_review_notice(id: u64) -> ();
    /// One window of the compliance board (one workspace, or every workspace when none), from what the app holds.
    board::query_board(workspace_id: Option<Uuid>, query: BoardQuery) -> BoardWindow;
    /// Reads the campaigns the board's next actions depend on, in the background (`profiles_updated` as rows move).
    board::refresh_board(workspace_id: Uuid) -> BoardReading;
    /// Submits several profiles for review, one idempotency key each; a result per profile.
    board::submit_profiles(items: Vec<BulkSubmitItem>, web_hook_url: Option<String>) -> Vec<BulkSubmitResult>;
    /// Writes the board (or the profile list, with its search) as CSV to the Downloads folder, one line per profile.
    board::export_board(workspace_id: Option<Uuid>, query: BoardQuery) -> BoardExport;
    /// Checks the review prerequisites, submits the profile and follows its status (`profile_status`).
    onboard::submit_profile(workspace_id: Uuid, profile_id: ProfileId, web_hook_url: Option<String>, idempotency_key: String) -> SubmitOutcome;
    /// The profile's TCR campaigns, read-only ones with their reason, and the use-case list.
    campaigns::profile_campaigns(workspace_id: Uuid, profile_id: ProfileId) -> CampaignsView;
    /// Checks a campaign form as it is filled in (V20).
    campaigns::check_campaign(campaign: CampaignData, creating: bool) -> CampaignCheck;
    /// Creates (no id) or replaces a campaign of the profile; answers the section anew.
    campaigns::save_campaign(workspace_id: Uuid, profile_id: ProfileId, campaign_id: Option<CampaignId>, campaign: CampaignData, idempotency_key: String) -> CampaignsView;
    campaigns::delete_campaign(workspace_id: Uuid, profile_id: ProfileId, campaign_id: CampaignId, idempotency_key: String) -> CampaignsView;
    /// Forgets the newer-server behaviours learned for a workspace ("Check again").
    edit::forget_server_drift(workspace_id: Uuid) -> ();
    /// A phone number as typed, in E.164 (`+14155550123`), or how to write it.
    edit::normalize_phone(value: String, country: Option<String>) -> String;

    /// Sends a message as a profile with the caller's idempotency key (one per Send action).
    sends::send_message(workspace_id: Uuid, profile_id: Option<Uuid>, request: SendMessage, idempotency_key: String) -> SendResult;
    /// What the send panel offers for a profile: its templates, channels, key and recent numbers.
    sends::send_options(workspace_id: Uuid, profile_id: Uuid) -> SendOptions;
    /// Checks the send form as it is filled in (numbers to E.164, variables, template).
    sends::check_send(draft: SendDraft, template: Option<TemplateChoice>) -> SendCheck;
    /// Sends a template as the profile (one idempotency key per click of Send), then follows each
    /// message and pushes `message_timeline` until it is final.
    sends::quick_send(workspace_id: Uuid, profile_id: Uuid, draft: SendDraft, idempotency_key: String) -> SendOutcome;
    /// The latest timeline of a message (as last pushed, or read once now).
    sends::message_timeline(workspace_id: Uuid, profile_id: Uuid, message_id: MessageId) -> MessageTimeline;
    /// The workspace's test sends, newest first.
    sends::send_history(workspace_id: Uuid) -> Vec<SendHistoryRow>;
    /// How long the history keeps a test send's full numbers and variable values, and the choices.
    sends::send_retention() -> SendRetention;
    /// Sets that period (in days) and forgets at once what is now older.
    sends::set_send_retention(days: u32) -> SendRetention;

    /// The workspace's audit journal, newest first (at most 10,000 entries), worded; filtered by
    /// profile and outcome when given.
    journal::journal_entries(workspace_id: Uuid, profile_id: Option<ProfileId>, outcome: Option<JournalOutcome>) -> Vec<JournalRow>;
    /// Writes the (filtered) journal as CSV to the Downloads folder, one line per changed field.
    journal::export_journal(workspace_id: Uuid, profile_id: Option<ProfileId>, outcome: Option<JournalOutcome>) -> JournalExport;

    /// Reads a CSV or .xlsx file's bytes (the app never learns its folder) and guesses how its
    /// headers map to profile fields (the workspace's last mapping first).
    batch::read_batch_file(workspace_id: Uuid, file_name: String, bytes: Vec<u8>) -> BatchFile;
    /// Makes the batch from the file read and the confirmed mapping: rows and their keys kept, every row checked.
    batch::start_batch(workspace_id: Uuid, import_id: String, mapping: Vec<Option<String>>, settings: BatchSettings) -> BatchWindow;
    /// One window of a batch's rows, filtered.
    batch::batch_window(batch_id: String, filter: BatchFilter, offset: u32, limit: u32) -> BatchWindow;
    /// Changes one cell (a token stays in memory) and checks the rows again; answers the rows that changed.
    batch::edit_batch_cell(batch_id: String, row_no: u32, column_id: String, value: SecretString) -> BatchProgress;
    /// Changes the batch's preset, billing model, WhatsApp choice or submit option; every row is checked again.
    batch::set_batch_settings(batch_id: String, settings: BatchSettings) -> BatchWindow;
    /// Sends every row still to send (or dry-runs the ready ones), pushing `batch_progress`; answers at the end.
    batch::run_batch(batch_id: String, dry_run: bool) -> BatchView;
    /// Pauses, resumes or cancels a running batch.
    batch::control_batch(batch_id: String, action: String) -> ();
    /// The workspace's batches with rows still to send (a run cut short, paused or cancelled).
    batch::unfinished_batches(workspace_id: Uuid) -> Vec<BatchSummary>;
    /// Writes the batch's results (each row's outcome and profile id) as CSV to the Downloads folder.
    batch::export_batch(batch_id: String) -> BatchExport;
    /// Writes the template file (every column, an example row) to the Downloads folder.
    batch::save_batch_template() -> BatchExport;
    /// Forgets a batch that is not running (the profiles it created stay).
    batch::discard_batch(batch_id: String) -> ();
}
