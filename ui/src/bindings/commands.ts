// Generated from src-tauri/src/commands/catalog.rs by `cargo test` (./x bindings): do not edit.

import type { AppInfo } from "./AppInfo";
import type { BatchExport } from "./BatchExport";
import type { BatchFile } from "./BatchFile";
import type { BatchFilter } from "./BatchFilter";
import type { BatchProgress } from "./BatchProgress";
import type { BatchSettings } from "./BatchSettings";
import type { BatchSummary } from "./BatchSummary";
import type { BatchView } from "./BatchView";
import type { BatchWindow } from "./BatchWindow";
import type { BoardExport } from "./BoardExport";
import type { BoardQuery } from "./BoardQuery";
import type { BoardReading } from "./BoardReading";
import type { BoardWindow } from "./BoardWindow";
import type { BulkSubmitItem } from "./BulkSubmitItem";
import type { BulkSubmitResult } from "./BulkSubmitResult";
import type { CampaignCheck } from "./CampaignCheck";
import type { CampaignData } from "./CampaignData";
import type { CampaignId } from "./CampaignId";
import type { CampaignsView } from "./CampaignsView";
import type { CompletionReceived } from "./CompletionReceived";
import type { CreateOutcome } from "./CreateOutcome";
import type { CurrentListWindow } from "./CurrentListWindow";
import type { DeleteOutcome } from "./DeleteOutcome";
import type { DomainLabels } from "./DomainLabels";
import type { DraftSummary } from "./DraftSummary";
import type { EditCheck } from "./EditCheck";
import type { JournalExport } from "./JournalExport";
import type { JournalOutcome } from "./JournalOutcome";
import type { JournalRow } from "./JournalRow";
import type { ListQuery } from "./ListQuery";
import type { ListWindow } from "./ListWindow";
import type { MessageId } from "./MessageId";
import type { MessageTimeline } from "./MessageTimeline";
import type { OnboardingCheck } from "./OnboardingCheck";
import type { OnboardingDraft } from "./OnboardingDraft";
import type { OnboardingSecrets } from "./OnboardingSecrets";
import type { OnboardingStart } from "./OnboardingStart";
import type { PaletteProfiles } from "./PaletteProfiles";
import type { PaymentDetails } from "./PaymentDetails";
import type { ProfileDetail } from "./ProfileDetail";
import type { ProfileDetailView } from "./ProfileDetailView";
import type { ProfileId } from "./ProfileId";
import type { ProfileStatusUpdate } from "./ProfileStatusUpdate";
import type { ProfilesUpdated } from "./ProfilesUpdated";
import type { ReviewNotice } from "./ReviewNotice";
import type { ReviewReadiness } from "./ReviewReadiness";
import type { SandboxRevision } from "./SandboxRevision";
import type { SaveOutcome } from "./SaveOutcome";
import type { SecretString } from "./SecretString";
import type { SendCheck } from "./SendCheck";
import type { SendDraft } from "./SendDraft";
import type { SendHistoryRow } from "./SendHistoryRow";
import type { SendMessage } from "./SendMessage";
import type { SendOptions } from "./SendOptions";
import type { SendOutcome } from "./SendOutcome";
import type { SendResult } from "./SendResult";
import type { SendRetention } from "./SendRetention";
import type { SubmitOutcome } from "./SubmitOutcome";
import type { TemplateChoice } from "./TemplateChoice";
import type { Theme } from "./Theme";
import type { TimelineUpdate } from "./TimelineUpdate";
import type { Workspace } from "./Workspace";
import type { WorkspaceDraft } from "./WorkspaceDraft";
import type { WorkspaceList } from "./WorkspaceList";

/** Every IPC command: its arguments (as the webview sends them) and its answer. */
export type Commands = {
  /** Version, environment, theme and start-up notices. */
  app_info: { args: {  }; returns: AppInfo };
  /** Sets the colour theme (system, light or dark) and answers the new app info. */
  set_theme: { args: { theme: Theme }; returns: AppInfo };
  /** The words for every domain value the screens show. */
  domain_labels: { args: {  }; returns: DomainLabels };
  /** The built-in sandbox's developer option: the Sent API revision it emulates. */
  sandbox_revision: { args: {  }; returns: SandboxRevision };
  /** Switches the built-in sandbox to the newer Sent API (2026-10) or back, and forgets what was learned of it. */
  set_sandbox_revision: { args: { newer: boolean }; returns: SandboxRevision };
  /** Every workspace and the current one. */
  list_workspaces: { args: {  }; returns: WorkspaceList };
  /** Checks the draft and its key with Sent, then keeps the key in the keychain. */
  add_workspace: { args: { draft: WorkspaceDraft }; returns: Workspace };
  switch_workspace: { args: { id: string }; returns: WorkspaceList };
  /** Deletes the workspace's keys from the keychain, then the workspace. */
  remove_workspace: { args: { id: string }; returns: WorkspaceList };
  /** Checks a profile's own key with Sent and keeps it in the keychain. */
  set_profile_key: { args: { workspaceId: string; profileId: string; apiKey: SecretString }; returns: Workspace };
  remove_profile_key: { args: { workspaceId: string; profileId: string }; returns: Workspace };
  /** On the built-in local sandbox only: stores the sandbox's own key of that profile. */
  use_sandbox_profile_key: { args: { profileId: string }; returns: Workspace };
  /** One window of the profile list (search, filters, sort, rows), from what the app holds (no network). */
  query_profiles: { args: { workspaceId: string; query: ListQuery }; returns: ListWindow };
  /** The current workspace's window (the launch's first rows, asked before the window knows which workspace is current). */
  current_list_window: { args: { query: ListQuery }; returns: CurrentListWindow };
  /** The palette's profile options for what was typed, ranked. */
  palette_profiles: { args: { workspaceId: string; text: string }; returns: PaletteProfiles };
  /** Fetches every page of the profile list from Sent, keeps it and pushes `profiles_updated`. */
  refresh_profiles: { args: { workspaceId: string }; returns: ProfilesUpdated };
  /** One profile from the local cache, with its effective configuration, locks and draft. */
  profile_detail: { args: { workspaceId: string; profileId: ProfileId }; returns: ProfileDetailView };
  /** Reads one profile from Sent (fresh), caches it and answers its detail. */
  refresh_profile: { args: { workspaceId: string; profileId: ProfileId }; returns: ProfileDetailView };
  /** Checks a draft with the rules as the user types: field messages and the changes a save sends. */
  check_profile_edit: { args: { workspaceId: string; profileId: ProfileId; draft: ProfileDetail; payment: PaymentDetails | null }; returns: EditCheck };
  /** Sends the draft's changes (a PATCH of only those), live or as a dry run, and journals it. */
  save_profile: { args: { workspaceId: string; profileId: ProfileId; draft: ProfileDetail; payment: PaymentDetails | null; dryRun: boolean; idempotencyKey: string }; returns: SaveOutcome };
  /** Keeps the unsaved edit in the local database (never card data); answers when (Unix ms). */
  save_profile_draft: { args: { workspaceId: string; profileId: ProfileId; draft: ProfileDetail }; returns: number | null };
  discard_profile_draft: { args: { workspaceId: string; profileId: ProfileId }; returns: null };
  /** Soft-deletes the profile after its name was typed to confirm, and journals it. */
  delete_profile: { args: { workspaceId: string; profileId: ProfileId; confirmName: string; idempotencyKey: string }; returns: DeleteOutcome };
  /** A new onboarding draft (fresh id and create key), with the presets. */
  start_onboarding: { args: { preset: string | null }; returns: OnboardingStart };
  /** "New client like this": a saved draft with the profile's configuration, never its identity or secrets. */
  start_onboarding_like: { args: { workspaceId: string; profileId: ProfileId }; returns: OnboardingStart };
  /** Applies a preset (every toggle) to a draft. */
  apply_onboarding_preset: { args: { draft: OnboardingDraft; preset: string }; returns: OnboardingDraft };
  /** Keeps the draft in the local database (never the token or card details). */
  save_onboarding_draft: { args: { workspaceId: string; draft: OnboardingDraft }; returns: null };
  /** A kept draft, to resume. */
  onboarding_draft: { args: { workspaceId: string; id: string }; returns: OnboardingStart };
  /** The workspace's onboarding drafts, newest first. */
  onboarding_drafts: { args: { workspaceId: string }; returns: Array<DraftSummary> };
  discard_onboarding_draft: { args: { workspaceId: string; id: string }; returns: null };
  /** Checks the whole draft: field messages, errors per step, the masked request, the effective configuration. */
  check_onboarding: { args: { workspaceId: string; draft: OnboardingDraft; secrets: OnboardingSecrets }; returns: OnboardingCheck };
  /** Creates the profile with the draft's one idempotency key (or dry-runs it). */
  create_profile: { args: { workspaceId: string; draft: OnboardingDraft; secrets: OnboardingSecrets; dryRun: boolean }; returns: CreateOutcome };
  /** What the profile needs before review (read fresh from Sent) and whether a submission is offered. */
  review_readiness: { args: { workspaceId: string; profileId: ProfileId }; returns: ReviewReadiness };
  /** The notices of reviews that ended during this run (approved or rejected), newest first. */
  review_notices: { args: {  }; returns: Array<ReviewNotice> };
  dismiss_review_notice: { args: { id: number }; returns: null };
  /** One window of the compliance board (one workspace, or every workspace when none), from what the app holds. */
  query_board: { args: { workspaceId: string | null; query: BoardQuery }; returns: BoardWindow };
  /** Reads the campaigns the board's next actions depend on, in the background (`profiles_updated` as rows move). */
  refresh_board: { args: { workspaceId: string }; returns: BoardReading };
  /** Submits several profiles for review, one idempotency key each; a result per profile. */
  submit_profiles: { args: { items: Array<BulkSubmitItem>; webHookUrl: string | null }; returns: Array<BulkSubmitResult> };
  /** Writes the board (or the profile list, with its search) as CSV to the Downloads folder, one line per profile. */
  export_board: { args: { workspaceId: string | null; query: BoardQuery }; returns: BoardExport };
  /** Checks the review prerequisites, submits the profile and follows its status (`profile_status`). */
  submit_profile: { args: { workspaceId: string; profileId: ProfileId; webHookUrl: string | null; idempotencyKey: string }; returns: SubmitOutcome };
  /** The profile's TCR campaigns, read-only ones with their reason, and the use-case list. */
  profile_campaigns: { args: { workspaceId: string; profileId: ProfileId }; returns: CampaignsView };
  /** Checks a campaign form as it is filled in (V20). */
  check_campaign: { args: { campaign: CampaignData; creating: boolean }; returns: CampaignCheck };
  /** Creates (no id) or replaces a campaign of the profile; answers the section anew. */
  save_campaign: { args: { workspaceId: string; profileId: ProfileId; campaignId: CampaignId | null; campaign: CampaignData; idempotencyKey: string }; returns: CampaignsView };
  delete_campaign: { args: { workspaceId: string; profileId: ProfileId; campaignId: CampaignId; idempotencyKey: string }; returns: CampaignsView };
  /** Forgets the newer-server behaviours learned for a workspace ("Check again"). */
  forget_server_drift: { args: { workspaceId: string }; returns: null };
  /** A phone number as typed, in E.164 (`+14155550123`), or how to write it. */
  normalize_phone: { args: { value: string; country: string | null }; returns: string };
  /** Sends a message as a profile with the caller's idempotency key (one per Send action). */
  send_message: { args: { workspaceId: string; profileId: string | null; request: SendMessage; idempotencyKey: string }; returns: SendResult };
  /** What the send panel offers for a profile: its templates, channels, key and recent numbers. */
  send_options: { args: { workspaceId: string; profileId: string }; returns: SendOptions };
  /** Checks the send form as it is filled in (numbers to E.164, variables, template). */
  check_send: { args: { draft: SendDraft; template: TemplateChoice | null }; returns: SendCheck };
  /** Sends a template as the profile (one idempotency key per click of Send), then follows each message and pushes `message_timeline` until it is final. */
  quick_send: { args: { workspaceId: string; profileId: string; draft: SendDraft; idempotencyKey: string }; returns: SendOutcome };
  /** The latest timeline of a message (as last pushed, or read once now). */
  message_timeline: { args: { workspaceId: string; profileId: string; messageId: MessageId }; returns: MessageTimeline };
  /** The workspace's test sends, newest first. */
  send_history: { args: { workspaceId: string }; returns: Array<SendHistoryRow> };
  /** How long the history keeps a test send's full numbers and variable values, and the choices. */
  send_retention: { args: {  }; returns: SendRetention };
  /** Sets that period (in days) and forgets at once what is now older. */
  set_send_retention: { args: { days: number }; returns: SendRetention };
  /** The workspace's audit journal, newest first (at most 10,000 entries), worded; filtered by profile and outcome when given. */
  journal_entries: { args: { workspaceId: string; profileId: ProfileId | null; outcome: JournalOutcome | null }; returns: Array<JournalRow> };
  /** Writes the (filtered) journal as CSV to the Downloads folder, one line per changed field. */
  export_journal: { args: { workspaceId: string; profileId: ProfileId | null; outcome: JournalOutcome | null }; returns: JournalExport };
  /** Reads a CSV or .xlsx file's bytes (the app never learns its folder) and guesses how its headers map to profile fields (the workspace's last mapping first). */
  read_batch_file: { args: { workspaceId: string; fileName: string; bytes: Array<number> }; returns: BatchFile };
  /** Makes the batch from the file read and the confirmed mapping: rows and their keys kept, every row checked. */
  start_batch: { args: { workspaceId: string; importId: string; mapping: Array<string | null>; settings: BatchSettings }; returns: BatchWindow };
  /** One window of a batch's rows, filtered. */
  batch_window: { args: { batchId: string; filter: BatchFilter; offset: number; limit: number }; returns: BatchWindow };
  /** Changes one cell (a token stays in memory) and checks the rows again; answers the rows that changed. */
  edit_batch_cell: { args: { batchId: string; rowNo: number; columnId: string; value: SecretString }; returns: BatchProgress };
  /** Changes the batch's preset, billing model, WhatsApp choice or submit option; every row is checked again. */
  set_batch_settings: { args: { batchId: string; settings: BatchSettings }; returns: BatchWindow };
  /** Sends every row still to send (or dry-runs the ready ones), pushing `batch_progress`; answers at the end. */
  run_batch: { args: { batchId: string; dryRun: boolean }; returns: BatchView };
  /** Pauses, resumes or cancels a running batch. */
  control_batch: { args: { batchId: string; action: string }; returns: null };
  /** The workspace's batches with rows still to send (a run cut short, paused or cancelled). */
  unfinished_batches: { args: { workspaceId: string }; returns: Array<BatchSummary> };
  /** Writes the batch's results (each row's outcome and profile id) as CSV to the Downloads folder. */
  export_batch: { args: { batchId: string }; returns: BatchExport };
  /** Writes the template file (every column, an example row) to the Downloads folder. */
  save_batch_template: { args: {  }; returns: BatchExport };
  /** Forgets a batch that is not running (the profiles it created stay). */
  discard_batch: { args: { batchId: string }; returns: null };
};

export type CommandName = keyof Commands;

/** Every event the backend pushes, with its payload (`sent_app::AppEvent`). */
export type Events = {
  /** A workspace's profile list changed (a refresh, a save, a delete, a followed status). */
  profiles_updated: ProfilesUpdated;
  /** A followed profile's review status moved. */
  profile_status: ProfileStatusUpdate;
  /** A followed test message's timeline moved. */
  message_timeline: TimelineUpdate;
  /** Sent called the loopback completion receiver. */
  completion_callback: CompletionReceived;
  /** A bulk onboarding run moved (a row's outcome, pause, the end). */
  batch_progress: BatchProgress;
  /** A followed profile's review ended (approved or rejected). */
  review_settled: ReviewNotice;
};
