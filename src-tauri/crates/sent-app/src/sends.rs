//! Quick test sends. The backend picks the key (the profile's own, or the organization's with
//! `x-profile-id`) and says which; the webview passes one idempotency key per click of Send and
//! reuses it when the user retries, so a lost answer never sends twice. After a live send the
//! backend follows each message (`GET /v3/messages/{id}`, its activities when the status changes)
//! with a growing delay until it is final, and pushes every change as `message_timeline`; the
//! webview never polls. Every send is kept in the local history (numbers shown masked).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use sent_client::{CallOptions, SentClient};
use sent_model::envelope::PageRequest;
use sent_model::message::{SendMessage, SendResult, SendTemplate};
use sent_model::template::TemplateFilter;
use sent_model::ProfileDetail;
use sent_views::edit::normalize_phone;
use sent_views::labels::Tone;
use sent_views::sends::{
    channel_from, channel_label, mask_phone, poll_delay_ms, template_choice, timeline,
    MessageTimeline, SendSummary, TemplateChoice,
};
use sent_views::Choice;
use sent_workspaces::EnvironmentKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::core::Core;
use crate::error::{AppError, ErrorKind};
use crate::events::{AppEvent, EventSink};
use sent_model::MessageId;

/// A message's timeline changed.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TimelineUpdate {
    pub workspace_id: String,
    pub timeline: MessageTimeline,
}

/// Everything the send panel offers for one profile.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SendOptions {
    pub profile_id: String,
    pub profile_name: String,
    /// Which key the send uses, in a sentence.
    pub key_note: String,
    pub templates: Vec<TemplateChoice>,
    /// The channels this profile can use ("automatic" first).
    pub channels: Vec<Choice>,
    /// Channels it cannot use, and why.
    pub channel_notes: Vec<String>,
    pub recent_recipients: Vec<String>,
    /// The Sandbox toggle's starting position: on for production workspaces.
    pub sandbox_default: bool,
    /// Real messages and charges: say so next to the toggle.
    pub production: bool,
    /// When the template list failed, why (the panel still opens).
    pub templates_error: Option<AppError>,
}

/// The send form as the user filled it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SendDraft {
    pub template_id: Option<String>,
    pub variables: BTreeMap<String, String>,
    /// As typed; normalised to E.164 by `check_send`.
    pub recipients: Vec<String>,
    /// `sms`, `whatsapp`, `rcs`; `None` = automatic.
    pub channel: Option<String>,
    /// Dry run: Sent checks and renders, sends nothing.
    pub sandbox: bool,
}

/// The verdict on the form while it is filled in.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SendCheck {
    /// `recipients.<i>`, `variables.<name>`, `template`, `channel` → messages.
    pub fields: BTreeMap<String, Vec<String>>,
    /// The recipients in E.164 (an invalid one as typed).
    pub recipients: Vec<String>,
}

/// One message a send created.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SentMessage {
    pub message_id: String,
    pub to_masked: String,
    pub channel_label: String,
    /// The text Sent rendered for that recipient and channel.
    pub body: Option<String>,
}

/// What a send came back with.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SendOutcome {
    pub sandbox: bool,
    pub messages: Vec<SentMessage>,
    pub message: String,
    pub request_id: Option<String>,
}

/// One line of the history.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SendHistoryRow {
    pub id: i64,
    #[ts(type = "number")]
    pub at: i64,
    pub profile_id: String,
    pub recipients_masked: String,
    pub summary: SendSummary,
}

fn cached_profile(state: &Core, workspace: &str, profile_id: Uuid) -> Option<ProfileDetail> {
    state
        .with_store(|store| store.cached_profile(workspace, &profile_id.to_string()))
        .ok()
        .flatten()
        .flatten()
        .map(|(p, _)| p)
}

fn environment(state: &Core, workspace_id: Uuid) -> Option<EnvironmentKind> {
    state
        .workspaces
        .find(workspace_id)
        .ok()
        .map(|w| w.environment)
}

pub async fn send_options(
    state: &Core,
    workspace_id: Uuid,
    profile_id: Uuid,
) -> Result<SendOptions, AppError> {
    let workspace = workspace_id.to_string();
    let started = std::time::Instant::now();
    let profile = cached_profile(state, &workspace, profile_id);
    crate::note_if_slow("send_options: the cached profile", started);
    let started = std::time::Instant::now();
    let (client, options) = state.client(workspace_id, Some(profile_id))?;
    crate::note_if_slow("send_options: the client", started);
    let started = std::time::Instant::now();
    let own_key = options.profile_id.is_none();
    let name = profile
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| profile_id.to_string());
    let key_note = if own_key {
        format!("Sends as {name} with the profile's own API key.")
    } else {
        format!("Sends as {name} with the organization's key on the profile's behalf (x-profile-id). Add the profile's own key on its page to send with it instead.")
    };
    // Every template this profile can see: follow the pages (a few at most for a test panel).
    let mut templates = Vec::new();
    let mut templates_error = None;
    for page in 1..=10u32 {
        let request = PageRequest {
            page,
            page_size: 100,
        };
        match client
            .list_templates(request, &TemplateFilter::default(), &options)
            .await
        {
            Ok(response) => {
                let more = response
                    .data
                    .pagination
                    .as_ref()
                    .is_some_and(|p| p.has_more);
                let count = response.data.templates.len();
                templates.extend(response.data.templates.iter().map(template_choice));
                if !more || count == 0 {
                    break;
                }
            }
            Err(error) => {
                templates_error = Some(AppError::from(error));
                break;
            }
        }
    }
    crate::note_if_slow("send_options: the templates", started);
    // Approved first, then by name.
    templates.sort_by(|a, b| b.sendable.cmp(&a.sendable).then(a.name.cmp(&b.name)));
    let (channels, channel_notes) = channels_for(profile.as_ref());
    let started = std::time::Instant::now();
    let production = environment(state, workspace_id) == Some(EnvironmentKind::Production);
    let recent_recipients = state.workspaces.settings().recent_recipients();
    crate::note_if_slow("send_options: the settings", started);
    Ok(SendOptions {
        profile_id: profile_id.to_string(),
        profile_name: name,
        key_note,
        templates,
        channels,
        channel_notes,
        recent_recipients,
        sandbox_default: production,
        production,
        templates_error,
    })
}

/// The channels a profile can send on, from what Sent reports about it.
fn channels_for(profile: Option<&ProfileDetail>) -> (Vec<Choice>, Vec<String>) {
    let mut channels = vec![Choice {
        value: "auto".into(),
        label: "Automatic".into(),
        hint: Some("Sent picks the best channel the recipient can receive".into()),
    }];
    let mut notes = Vec::new();
    let sms_ready = profile.is_some_and(|p| {
        p.brand.is_some()
            || p.sending_phone_number.is_some()
            || p.sending_phone_number_profile_id.is_some()
    });
    if sms_ready {
        channels.push(Choice {
            value: "sms".into(),
            label: "SMS".into(),
            hint: None,
        });
    } else {
        notes.push("SMS is not offered: the profile has no TCR brand and no SMS number of its own or borrowed.".into());
    }
    if profile.is_some_and(|p| p.waba_id.is_some()) {
        channels.push(Choice {
            value: "whatsapp".into(),
            label: "WhatsApp".into(),
            hint: None,
        });
    } else {
        notes.push(
            "WhatsApp is not offered: the profile has no WhatsApp Business Account in effect."
                .into(),
        );
    }
    notes.push("RCS is not offered: Sent does not report an RCS agent for profiles.".into());
    (channels, notes)
}

/// Checks the form as it is filled in, against the template the panel shows (from `send_options`).
pub async fn check_send(
    _state: &Core,
    draft: SendDraft,
    template: Option<TemplateChoice>,
) -> Result<SendCheck, AppError> {
    Ok(check(&draft, template.as_ref()))
}

/// Numbers one test send may go to (each is a message followed in the background).
pub const MAX_RECIPIENTS: usize = 20;

/// The form's rules: at least one recipient, each a phone number (normalised to E.164), no number
/// twice, at most [`MAX_RECIPIENTS`]; a template; every variable of the template filled in; a
/// channel the app knows.
fn check(draft: &SendDraft, template: Option<&TemplateChoice>) -> SendCheck {
    let mut fields: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut add = |path: String, message: String| fields.entry(path).or_default().push(message);
    // Positions are kept (an empty row stays empty), so `recipients.<i>` is the form's i-th row.
    let mut recipients = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (i, value) in draft.recipients.iter().enumerate() {
        if value.trim().is_empty() {
            recipients.push(String::new());
            continue;
        }
        match normalize_phone(value, None) {
            Ok(e164) => {
                if seen.contains(&e164) {
                    add(
                        format!("recipients.{i}"),
                        format!("{e164} is listed twice."),
                    );
                }
                seen.push(e164.clone());
                recipients.push(e164);
            }
            Err(problem) => {
                add(format!("recipients.{i}"), problem.0);
                recipients.push(value.trim().to_owned());
            }
        }
    }
    if draft.recipients.iter().all(|r| r.trim().is_empty()) {
        add("recipients".into(), "Add at least one phone number.".into());
    }
    let filled = draft
        .recipients
        .iter()
        .filter(|r| !r.trim().is_empty())
        .count();
    if filled > MAX_RECIPIENTS {
        add(
            "recipients".into(),
            format!(
                "A test send goes to at most {MAX_RECIPIENTS} numbers: remove {}.",
                filled - MAX_RECIPIENTS
            ),
        );
    }
    if draft
        .template_id
        .as_deref()
        .is_none_or(|t| t.trim().is_empty())
    {
        add("template".into(), "Choose a template.".into());
    }
    if let Some(template) = template {
        if let Some(reason) = &template.reason {
            add("template".into(), reason.clone());
        }
        for variable in &template.variables {
            let value = draft
                .variables
                .get(&variable.name)
                .map(|v| v.trim())
                .unwrap_or("");
            if variable.required && value.is_empty() {
                add(
                    format!("variables.{}", variable.name),
                    format!(
                        "Enter the {}: the template needs it.",
                        variable.label.to_lowercase()
                    ),
                );
            }
        }
    }
    if let Some(channel) = draft.channel.as_deref().filter(|c| *c != "auto") {
        if channel_from(channel).is_none() {
            add(
                "channel".into(),
                "Choose one of the channels listed.".into(),
            );
        }
    }
    SendCheck { fields, recipients }
}

/// The template the form names, as the server reports it now.
async fn template(
    client: &SentClient,
    options: &CallOptions,
    id: &str,
) -> Result<TemplateChoice, AppError> {
    let response = client.get_template(id, options).await?;
    Ok(template_choice(&response.data))
}

pub async fn quick_send(
    state: &Core,
    workspace_id: Uuid,
    profile_id: Uuid,
    draft: SendDraft,
    idempotency_key: String,
) -> Result<SendOutcome, AppError> {
    let key = AppError::idempotency_key(idempotency_key)?;
    let workspace = workspace_id.to_string();
    // Taken before the key is read: if the workspace's keys change during the send, its messages
    // are not followed with the old key.
    let generation = state.supervisor.generation(workspace_id);
    let (client, options) = state.client(workspace_id, Some(profile_id))?;
    let template_id = draft.template_id.clone().unwrap_or_default();
    let chosen = if template_id.trim().is_empty() {
        None
    } else {
        Some(template(&client, &options, &template_id).await?)
    };
    let verdict = check(&draft, chosen.as_ref());
    if !verdict.fields.is_empty() {
        let mut error = AppError::new(
            ErrorKind::Validation,
            "Fix the highlighted fields; nothing was sent.",
        );
        error.fields = Some(verdict.fields);
        return Err(error);
    }
    let channel = draft.channel.as_deref().and_then(channel_from);
    let to: Vec<String> = verdict
        .recipients
        .iter()
        .filter(|r| !r.is_empty())
        .cloned()
        .collect();
    let request = SendMessage {
        to: to.clone(),
        template: Some(SendTemplate {
            id: Some(template_id.clone()),
            name: None,
            parameters: (!draft.variables.is_empty()).then(|| {
                draft
                    .variables
                    .iter()
                    .map(|(k, v)| (k.clone(), v.trim().to_owned()))
                    .collect()
            }),
        }),
        text: None,
        channel: channel.map(|c| vec![c]),
        sandbox: false,
    };
    let mut call_options = options.clone().with_idempotency_key(key);
    if draft.sandbox {
        call_options = call_options.dry_run();
    }
    let profile_name = cached_profile(state, &workspace, profile_id)
        .map(|p| p.name)
        .unwrap_or_else(|| profile_id.to_string());
    let masked = to
        .iter()
        .map(|r| mask_phone(r))
        .collect::<Vec<_>>()
        .join(", ");
    let mut summary = SendSummary {
        profile_name,
        template_id: Some(template_id.clone()),
        template_name: chosen.as_ref().map(|t| t.name.clone()),
        variables: draft.variables.clone(),
        channel: draft.channel.clone().filter(|c| c != "auto"),
        sandbox: draft.sandbox,
        recipients: to.clone(),
        ..SendSummary::default()
    };
    let result = client.send_message(&request, &call_options).await;
    let response = match result {
        Ok(response) => response,
        Err(error) => {
            let error = explain(AppError::from(error));
            // Ambiguous is not failed: a send whose answer was lost or unreadable may be on its
            // way; only "Send again" with the same key is offered for it.
            if error.outcome_unknown() {
                summary.outcome = "Outcome unknown: Sent may have accepted it".into();
                summary.tone = Tone::Attention;
            } else {
                summary.outcome = format!(
                    "Refused: {}",
                    error.code.clone().unwrap_or_else(|| "not sent".into())
                );
                summary.tone = Tone::Danger;
            }
            summary.request_id = error.request_id.clone();
            record(state, &workspace, profile_id, &masked, &summary);
            return Err(error);
        }
    };
    for recipient in &request.to {
        let _ = state.workspaces.settings().remember_recipient(recipient);
    }
    let data: SendResult = response.data;
    let request_id = response.info.request_id;
    let messages: Vec<SentMessage> = data
        .recipients
        .iter()
        .map(|r| SentMessage {
            message_id: r.message_id.clone(),
            to_masked: mask_phone(&r.to),
            channel_label: r
                .channel
                .as_ref()
                .map(|c| channel_label(c.as_str()))
                .unwrap_or_else(|| "Automatic".into()),
            body: r.body.clone(),
        })
        .collect();
    summary.message_ids = messages.iter().map(|m| m.message_id.clone()).collect();
    summary.request_id = request_id.clone();
    summary.tone = if draft.sandbox {
        Tone::Progress
    } else {
        Tone::Success
    };
    summary.outcome = if draft.sandbox {
        "Dry run accepted (nothing sent)".into()
    } else {
        format!(
            "Accepted ({} message{})",
            messages.len(),
            if messages.len() == 1 { "" } else { "s" }
        )
    };
    let record_id = record(state, &workspace, profile_id, &masked, &summary);
    let message = if draft.sandbox {
        "Sandbox: Sent accepted the send and rendered it below. Nothing was sent and nothing was charged.".to_owned()
    } else {
        "Accepted by Sent: accepted is not delivered yet. Each message's progress follows below."
            .to_owned()
    };
    if !draft.sandbox {
        for m in &messages {
            follow(
                state,
                client.clone(),
                options.clone(),
                workspace_id,
                generation,
                m.message_id.clone(),
                record_id,
            );
        }
    }
    Ok(SendOutcome {
        sandbox: draft.sandbox,
        messages,
        message,
        request_id,
    })
}

fn record(
    state: &Core,
    workspace: &str,
    profile_id: Uuid,
    masked: &str,
    summary: &SendSummary,
) -> Option<i64> {
    let profile = profile_id.to_string();
    state
        .with_store(|store| {
            store.record_send(&sent_store::NewSend {
                workspace_id: workspace,
                profile_id: &profile,
                template_id: summary.template_id.as_deref(),
                recipients_masked: masked,
                result: summary,
            })
        })
        .ok()
        .flatten()
}

/// The errors a test send meets, each said with what to do; Sent's `to[i]` becomes the form's
/// `recipients.i`.
fn explain(error: AppError) -> AppError {
    let mut error = explain_words(error);
    if let Some(fields) = error.fields.take() {
        error.fields = Some(
            fields
                .into_iter()
                .map(|(path, messages)| {
                    let path = path
                        .strip_prefix("to[")
                        .and_then(|rest| rest.strip_suffix(']'))
                        .map(|i| format!("recipients.{i}"))
                        .unwrap_or(path);
                    (path, messages)
                })
                .collect(),
        );
    }
    error
}

/// The words of a send error, fields as Sent named them.
fn explain_words(mut error: AppError) -> AppError {
    let code = error.code.clone().unwrap_or_default();
    let words = match (code.as_str(), error.kind) {
        ("BUSINESS_005", _) => Some("This template is not approved, so Sent will not send it. Pick an approved template, or wait for its review.".to_owned()),
        ("BUSINESS_004", _) => Some("Every recipient has opted out of messages from this sender; nothing was sent. Use a number that has not opted out.".to_owned()),
        ("BUSINESS_003", _) => Some("The account's balance is too low to send. Top it up in the Sent dashboard, then send again.".to_owned()),
        ("LIMIT_001", _) => Some("A sending limit of the account was reached; the app does not retry this. Send later, or ask Sent to raise the limit.".to_owned()),
        (_, ErrorKind::RateLimited) => Some(format!("{} Nothing was sent; send again after that wait.", error.message)),
        _ if error.outcome_unknown() => Some(format!(
            "{} Outcome unknown: Sent may have accepted the send. Sending again is safe: it carries the same key, so the same send is never delivered twice.",
            error.message
        )),
        (_, ErrorKind::Unreachable | ErrorKind::ServiceUnavailable) => Some(format!(
            "{} Nothing was sent; sending again is safe.",
            error.message
        )),
        _ => None,
    };
    if let Some(words) = words {
        error.message = words;
    }
    error
}

/// Follows one message until its status is final (or 15 minutes), pushing each change.
fn follow(
    state: &Core,
    client: Arc<SentClient>,
    options: CallOptions,
    workspace_id: Uuid,
    generation: crate::supervisor::Generation,
    message_id: String,
    record_id: Option<i64>,
) {
    let workspace = workspace_id.to_string();
    let emit: EventSink = state.emitter();
    let timelines = state.timelines_handle();
    let store = state.store_handle();
    let (refused_emit, refused_timelines, refused_id, refused_workspace) = (
        emit.clone(),
        timelines.clone(),
        message_id.clone(),
        workspace.clone(),
    );
    let followed = state.supervisor.spawn(workspace_id, generation, async move {
        let started = std::time::Instant::now();
        let mut last: Option<MessageTimeline> = None;
        let mut attempt = 0u32;
        loop {
            let current = poll_once(&client, &options, &message_id, last.as_ref()).await;
            let mut current = match current {
                Ok(t) => t,
                Err(error) if attempt >= 8 => {
                    let mut t = last.clone().unwrap_or_else(|| placeholder(&message_id));
                    t.stopped = Some(format!(
                        "Stopped following this message: {} Its status may still change at Sent.",
                        error.message
                    ));
                    t.is_final = true;
                    t
                }
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(poll_delay_ms(attempt))).await;
                    attempt += 1;
                    continue;
                }
            };
            if !current.is_final && started.elapsed() > Duration::from_secs(15 * 60) {
                current.stopped = Some("Stopped following this message after 15 minutes without a final status. Open it in the Sent dashboard to see what happens next.".into());
                current.is_final = true;
            }
            if last.as_ref() != Some(&current) {
                // The history says where the message is now, not only that it was accepted.
                if let (Some(store), Some(id)) = (&store, record_id) {
                    let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
                    let _ = store.update_send_result(id, |summary: &mut SendSummary| {
                        summary.followed(&message_id, &current.status_label, current.tone)
                    });
                }
                // A timeline already stopped (the workspace changed while this step ran) stays so.
                let kept = timelines
                    .lock()
                    .map(|mut book| book.put(workspace_id, current.clone()))
                    .unwrap_or(true);
                if !kept {
                    break;
                }
                if let Ok(value) = serde_json::to_value(TimelineUpdate {
                    workspace_id: workspace.clone(),
                    timeline: current.clone(),
                }) {
                    emit.emit(AppEvent::MessageTimeline, value);
                }
            }
            if current.is_final {
                break;
            }
            last = Some(current);
            tokio::time::sleep(Duration::from_millis(poll_delay_ms(attempt))).await;
            attempt += 1;
        }
    });
    if !followed {
        let mut t = placeholder(&refused_id);
        t.stopped = Some(if state.supervisor.is_current(workspace_id, generation) {
            format!(
                "Not followed: this workspace already follows {} messages. Open it later from the history.",
                crate::supervisor::MAX_PER_WORKSPACE
            )
        } else {
            "Not followed: this workspace's keys changed (or it was removed) while the message was sent. Open it later from the history.".to_owned()
        });
        t.is_final = true;
        if let Ok(mut book) = refused_timelines.lock() {
            book.put(workspace_id, t.clone());
        }
        if let Ok(value) = serde_json::to_value(TimelineUpdate {
            workspace_id: refused_workspace,
            timeline: t,
        }) {
            refused_emit.emit(AppEvent::MessageTimeline, value);
        }
    }
}

fn placeholder(message_id: &str) -> MessageTimeline {
    MessageTimeline {
        message_id: message_id.into(),
        to_masked: "•••".into(),
        channel_label: "Automatic".into(),
        status: String::new(),
        status_label: "Not reported".into(),
        tone: Tone::Neutral,
        is_final: false,
        steps: Vec::new(),
        price: None,
        explanation: None,
        stopped: None,
    }
}

/// One look at a message: its detail, and its activities when the status changed (they carry the
/// reason code and the price).
async fn poll_once(
    client: &SentClient,
    options: &CallOptions,
    message_id: &str,
    last: Option<&MessageTimeline>,
) -> Result<MessageTimeline, AppError> {
    let detail = client.get_message(message_id, options).await?.data;
    let status = detail
        .status
        .as_ref()
        .map(|s| s.as_str().to_ascii_uppercase())
        .unwrap_or_default();
    let changed = last.is_none_or(|l| l.status != status);
    let activities = if changed {
        client
            .message_activities(message_id, options)
            .await
            .ok()
            .map(|r| r.data)
    } else {
        None
    };
    let mut current = timeline(&detail, activities.as_ref());
    if activities.is_none() {
        if let Some(last) = last {
            current.price = current.price.or_else(|| last.price.clone());
            current.explanation = current.explanation.or_else(|| last.explanation.clone());
        }
    }
    Ok(current)
}

/// The latest timeline of a message this app followed, or one fresh look at it.
pub async fn message_timeline(
    state: &Core,
    workspace_id: Uuid,
    profile_id: Uuid,
    message_id: MessageId,
) -> Result<MessageTimeline, AppError> {
    let message_id = message_id.into_string();
    if let Some(known) = state
        .timelines
        .lock()
        .ok()
        .and_then(|book| book.get(&message_id).cloned())
    {
        return Ok(known);
    }
    let (client, options) = state.client(workspace_id, Some(profile_id))?;
    poll_once(&client, &options, &message_id, None).await
}

/// How long the send history keeps a test send's full numbers and variable values (what "Send
/// again" needs), and the periods the user can choose. After it they are forgotten; the masked
/// numbers, the template and the outcome stay.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SendRetention {
    pub days: u32,
    /// The periods offered (`value` is the number of days).
    pub choices: Vec<Choice>,
    pub hint: String,
}

/// The periods offered, in days.
pub const RETENTION_CHOICES: [u32; 5] = [1, 7, 30, 90, 365];

fn retention(state: &Core) -> SendRetention {
    let days = state.workspaces.settings().send_details_days();
    let mut offered = RETENTION_CHOICES.to_vec();
    if !offered.contains(&days) {
        offered.push(days);
        offered.sort_unstable();
    }
    let label = |d: u32| match d {
        1 => "1 day".to_owned(),
        7 => "1 week".to_owned(),
        30 => "30 days".to_owned(),
        365 => "1 year".to_owned(),
        d => format!("{d} days"),
    };
    SendRetention {
        days,
        choices: offered
            .into_iter()
            .map(|d| Choice {
                value: d.to_string(),
                label: label(d),
                hint: None,
            })
            .collect(),
        hint: format!(
            "Full phone numbers and variable values are kept on this computer for {} so a test can be sent again; then only the masked numbers and the outcome stay.",
            label(days)
        ),
    }
}

pub async fn send_retention(state: &Core) -> Result<SendRetention, AppError> {
    Ok(retention(state))
}

/// Sets how long the full numbers and values are kept, and forgets at once what is now older.
pub async fn set_send_retention(state: &Core, days: u32) -> Result<SendRetention, AppError> {
    if !(1..=sent_workspaces::SEND_DETAILS_DAYS_MAX).contains(&days) {
        let mut error = AppError::new(
            ErrorKind::Validation,
            "Choose how many days to keep the numbers: from 1 day to 10 years.",
        );
        error.fields = Some(BTreeMap::from([(
            "days".to_owned(),
            vec!["Choose one of the periods offered.".to_owned()],
        )]));
        return Err(error);
    }
    state
        .workspaces
        .settings()
        .set_send_details_days(days)
        .map_err(|e| {
            AppError::new(
                ErrorKind::Settings,
                "The period could not be saved; the numbers are kept as before.",
            )
            .with_detail(e.to_string())
        })?;
    forget_old_sends(state)?;
    Ok(retention(state))
}

/// Forgets the full numbers and variable values of the test sends older than the period the user
/// keeps them for, in every workspace. Runs at start-up (in the background), before the history
/// is read and when the period changes.
pub fn forget_old_sends(state: &Core) -> Result<usize, AppError> {
    let days = state.workspaces.settings().send_details_days();
    Ok(state
        .with_store(|store| forget_sends(store, days))?
        .unwrap_or(0))
}

/// [`forget_old_sends`] on an open store.
pub fn forget_sends(store: &mut sent_store::Store, days: u32) -> sent_store::Result<usize> {
    let before = crate::profiles::now_ms() - i64::from(days) * 86_400_000;
    store.forget_sends_before(before, SendSummary::forget)
}

pub async fn send_history(
    state: &Core,
    workspace_id: Uuid,
) -> Result<Vec<SendHistoryRow>, AppError> {
    let workspace = workspace_id.to_string();
    // Nothing older than the period is ever shown with its numbers, even before the start-up
    // pass finished.
    forget_old_sends(state)?;
    let records = state
        .with_store(|store| store.send_history(&workspace, 200))?
        .unwrap_or_default();
    Ok(records
        .into_iter()
        .filter_map(|r| {
            Some(SendHistoryRow {
                id: r.id,
                at: r.at,
                profile_id: r.profile_id,
                recipients_masked: r.recipients_masked,
                summary: serde_json::from_value(r.result).ok()?,
            })
        })
        .collect())
}

/// Sends a raw message body as a profile: for the IPC tests of a debug build only. A release build
/// refuses it before anything is sent: the screens send through [`quick_send`], which checks the
/// form, keeps the history and follows the messages.
pub async fn send_message(
    state: &Core,
    workspace_id: Uuid,
    profile_id: Option<Uuid>,
    request: SendMessage,
    idempotency_key: String,
) -> Result<SendResult, AppError> {
    if !cfg!(debug_assertions) {
        return Err(AppError::new(
            ErrorKind::Config,
            "Raw sends are for the app's own tests; nothing was sent. Send a test message from a profile's send screen.",
        ));
    }
    let key = AppError::idempotency_key(idempotency_key)?;
    let (client, options) = state.client(workspace_id, profile_id)?;
    let options = options.with_idempotency_key(key);
    let result = client.send_message(&request, &options).await;
    let result = result.map_err(|e| explain_words(AppError::from(e)))?;
    for recipient in &request.to {
        let _ = state.workspaces.settings().remember_recipient(recipient);
    }
    Ok(result.data)
}
