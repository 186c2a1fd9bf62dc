//! Test sends, worded: templates as choices (sendable or not, and why), the variable form, masked
//! recipients, a message's live timeline and the local history of test sends.

use std::collections::BTreeMap;

use sent_model::enums::{Channel, MessageStatus};
use sent_model::message::{MessageActivities, MessageDetail};
use sent_model::template::Template;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::labels::Tone;

/// One template in the send panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateChoice {
    pub id: String,
    pub name: String,
    pub status_label: String,
    pub status_tone: Tone,
    /// Only approved templates can be sent.
    pub sendable: bool,
    /// Why it cannot be sent, when it cannot.
    pub reason: Option<String>,
    /// Channel wire values (`sms`, `whatsapp`, `rcs`).
    pub channels: Vec<String>,
    /// "SMS, WhatsApp".
    pub channels_label: String,
    pub category: Option<String>,
    pub language: Option<String>,
    /// One field per variable, in the template's order.
    pub variables: Vec<VariableField>,
}

/// One field of the generated variable form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VariableField {
    /// The variable's name as Sent knows it (`first_name`).
    pub name: String,
    /// What the user reads ("First name").
    pub label: String,
    /// Sent fails a send that lacks a template variable (contract Q21): every one is required.
    pub required: bool,
}

/// The channel's name.
pub fn channel_label(channel: &str) -> String {
    match channel.to_ascii_lowercase().as_str() {
        "sms" => "SMS".into(),
        "whatsapp" => "WhatsApp".into(),
        "rcs" => "RCS".into(),
        "mms" => "MMS".into(),
        "sent" | "" => "Automatic".into(),
        other => other.to_owned(),
    }
}

/// `first_name` → "First name", `orderId` → "Order id".
pub fn variable_label(name: &str) -> String {
    let mut words = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' || c == '.' {
            words.push(' ');
            previous_lower = false;
        } else if c.is_uppercase() && previous_lower {
            words.push(' ');
            words.extend(c.to_lowercase());
            previous_lower = false;
        } else {
            words.push(c);
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
        }
    }
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name.to_owned(),
    }
}

/// A template as a choice of the send panel.
pub fn template_choice(template: &Template) -> TemplateChoice {
    let status = template
        .status
        .as_ref()
        .map(|s| s.as_str().to_ascii_uppercase());
    let (status_label, status_tone, reason) = match status.as_deref() {
        Some("APPROVED") => ("Approved".to_owned(), Tone::Success, None),
        Some("PENDING") => (
            "Pending review".to_owned(),
            Tone::Progress,
            Some("Waiting for review: Sent sends only approved templates. Try again once it is approved.".to_owned()),
        ),
        Some("REJECTED") => (
            "Rejected".to_owned(),
            Tone::Danger,
            Some("Rejected in review: edit and resubmit it in the Sent dashboard, or pick another template.".to_owned()),
        ),
        Some("DRAFT") => (
            "Draft".to_owned(),
            Tone::Attention,
            Some("A draft, not submitted for review: Sent sends only approved templates.".to_owned()),
        ),
        Some(other) => (
            other.to_owned(),
            Tone::Neutral,
            Some(format!("Status “{other}”: Sent sends only approved templates.")),
        ),
        None => (
            "Not reported".to_owned(),
            Tone::Neutral,
            Some("Sent did not report this template's status; it may refuse to send it.".to_owned()),
        ),
    };
    let channels: Vec<String> = template
        .channels
        .iter()
        .flatten()
        .map(|c| c.as_str().to_ascii_lowercase())
        .collect();
    TemplateChoice {
        id: template.id.clone(),
        name: template.name.clone(),
        sendable: reason.is_none(),
        reason,
        status_label,
        status_tone,
        channels_label: if channels.is_empty() {
            "Not reported".into()
        } else {
            channels
                .iter()
                .map(|c| channel_label(c))
                .collect::<Vec<_>>()
                .join(", ")
        },
        channels,
        category: template.category.as_ref().map(|c| c.as_str().to_owned()),
        language: template.language.clone(),
        variables: template
            .variables
            .iter()
            .flatten()
            .map(|name| VariableField {
                label: variable_label(name),
                name: name.clone(),
                required: true,
            })
            .collect(),
    }
}

/// A phone number as history shows it: the country code and the last two digits (`+1 ••• 23`).
pub fn mask_phone(e164: &str) -> String {
    let digits: String = e164.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 6 {
        return "•••".into();
    }
    let code_len = phonenumber::parse(None, e164)
        .ok()
        .map(|n| n.code().value().to_string().len())
        .unwrap_or(1)
        .min(3);
    format!(
        "+{} ••• {}",
        &digits[..code_len],
        &digits[digits.len() - 2..]
    )
}

/// One step of a message's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimelineStep {
    pub status: String,
    pub label: String,
    pub tone: Tone,
    /// RFC 3339, when reported.
    pub at: Option<String>,
    /// Sent's description, reason and reason code, when reported.
    pub detail: Option<String>,
}

/// A message's progress as the send panel shows it (pushed by the backend as it changes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageTimeline {
    pub message_id: String,
    pub to_masked: String,
    pub channel_label: String,
    pub status: String,
    pub status_label: String,
    pub tone: Tone,
    /// No further change will come (the backend stopped following it).
    pub is_final: bool,
    pub steps: Vec<TimelineStep>,
    /// "0.0075" (Sent's price when reported).
    pub price: Option<String>,
    /// For a message that did not arrive: why, in words, with Sent's reason code.
    pub explanation: Option<String>,
    /// The backend gave up following it (it said why here).
    pub stopped: Option<String>,
}

/// The words of a status.
pub fn message_status_label(status: &MessageStatus) -> (String, Tone) {
    let upper = status.as_str().to_ascii_uppercase();
    match upper.as_str() {
        "QUEUED" => ("Queued".into(), Tone::Progress),
        "PROCESSED" => ("Processed".into(), Tone::Progress),
        "ROUTED" => ("Routed".into(), Tone::Progress),
        "SENT" => ("Sent to the carrier".into(), Tone::Progress),
        "DELIVERED" => ("Delivered".into(), Tone::Success),
        "READ" => ("Read".into(), Tone::Success),
        "FAILED" => ("Failed".into(), Tone::Danger),
        "FILTERED" => ("Filtered".into(), Tone::Danger),
        "BLOCKED" => ("Blocked".into(), Tone::Danger),
        "SCHEDULED" => ("Scheduled".into(), Tone::Progress),
        "CANCELLED" => ("Cancelled".into(), Tone::Neutral),
        "RECEIVED" => ("Received".into(), Tone::Neutral),
        "" => ("Not reported".into(), Tone::Neutral),
        other => (other.to_owned(), Tone::Neutral),
    }
}

/// What to tell the user about a reason code Sent reported.
pub fn reason_words(code: &str) -> String {
    match code {
        "ERR_ROUTE_DENIED" => "No route to this number: the carrier or country is not reachable from this profile's senders.".into(),
        "ERR_CONSENT_BLOCKED" => "The recipient opted out of messages from this sender.".into(),
        "ERR_TEMPLATE_PARAMS_INVALID" => "The template's variables did not match: check every variable has a value.".into(),
        "BUSINESS_004" => "The recipient opted out of messages from this sender.".into(),
        "BUSINESS_005" => "The template is not approved: Sent sends only approved templates.".into(),
        "BUSINESS_003" => "The account's balance is too low: top it up in the Sent dashboard.".into(),
        other => format!("Sent reported {other}."),
    }
}

/// The timeline from a message's detail (and its activities, which carry reason codes and prices).
pub fn timeline(detail: &MessageDetail, activities: Option<&MessageActivities>) -> MessageTimeline {
    let status = detail
        .status
        .clone()
        .unwrap_or_else(|| MessageStatus::from(""));
    let (status_label, tone) = message_status_label(&status);
    let mut steps: Vec<TimelineStep> = detail
        .events
        .iter()
        .flatten()
        .map(|e| {
            let status = e.status.clone().unwrap_or_else(|| MessageStatus::from(""));
            let (label, tone) = message_status_label(&status);
            let detail = [
                e.description.clone(),
                e.reason.clone(),
                e.reason_code.clone(),
            ]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>();
            TimelineStep {
                status: status.as_str().to_ascii_uppercase(),
                label,
                tone,
                at: e.timestamp.map(|t| t.to_utc().to_rfc3339()),
                detail: (!detail.is_empty()).then(|| detail.join(" · ")),
            }
        })
        .collect();
    let activity_list = activities.map(|a| a.activities.as_slice()).unwrap_or(&[]);
    // Reason codes and prices come with the activities.
    // A server that reports the code only as a step's description (`ERR_ROUTE_DENIED`) is read
    // the same way.
    let looks_like_code = |s: &str| {
        s.starts_with("ERR_")
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
    };
    let reason_code = detail
        .reason_code
        .clone()
        .or_else(|| activity_list.iter().find_map(|a| a.reason_code.clone()))
        .or_else(|| {
            detail.events.iter().flatten().rev().find_map(|e| {
                e.reason_code
                    .clone()
                    .or_else(|| e.description.clone().filter(|d| looks_like_code(d)))
            })
        });
    let reason = detail
        .reason
        .clone()
        .or_else(|| activity_list.iter().find_map(|a| a.reason.clone()));
    let price = detail
        .price
        .map(|p| format!("{p:.4}"))
        .or_else(|| activity_list.iter().find_map(|a| a.price.clone()));
    if steps.is_empty() {
        steps.push(TimelineStep {
            status: status.as_str().to_ascii_uppercase(),
            label: status_label.clone(),
            tone,
            at: detail.created_at.map(|t| t.to_utc().to_rfc3339()),
            detail: None,
        });
    }
    let failed = matches!(tone, Tone::Danger);
    let explanation = failed.then(|| {
        let mut words = match status.as_str().to_ascii_uppercase().as_str() {
            "BLOCKED" => "Sent blocked this message before sending it".to_owned(),
            "FILTERED" => "The message was filtered and not delivered".to_owned(),
            _ => "The message was not delivered".to_owned(),
        };
        match (&reason_code, &reason) {
            (Some(code), Some(reason)) => {
                words.push_str(&format!(": {reason} ({code}). {}", reason_words(code)))
            }
            (Some(code), None) => words.push_str(&format!(" ({code}). {}", reason_words(code))),
            (None, Some(reason)) => words.push_str(&format!(": {reason}.")),
            (None, None) => words.push_str(": Sent did not report why."),
        }
        words
    });
    MessageTimeline {
        message_id: detail.id.clone(),
        to_masked: detail
            .phone
            .as_deref()
            .map(mask_phone)
            .unwrap_or_else(|| "•••".into()),
        channel_label: detail
            .channel
            .as_ref()
            .map(|c| channel_label(c.as_str()))
            .unwrap_or_else(|| "Automatic".into()),
        status: status.as_str().to_ascii_uppercase(),
        is_final: status.is_final(),
        status_label,
        tone,
        steps,
        price,
        explanation,
        stopped: None,
    }
}

/// How long to wait before the next poll of a message (attempt 0 is the first re-poll): 1 s,
/// growing by half each time, at most 10 s.
pub fn poll_delay_ms(attempt: u32) -> u64 {
    let mut delay: u64 = 1000;
    for _ in 0..attempt.min(20) {
        delay = delay.saturating_mul(3) / 2;
    }
    delay.min(10_000)
}

/// What the history keeps of one test send (never a key; numbers in full only to re-send, shown
/// masked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SendSummary {
    pub profile_name: String,
    pub template_id: Option<String>,
    pub template_name: Option<String>,
    pub variables: BTreeMap<String, String>,
    /// Channel wire value, `None` = automatic.
    pub channel: Option<String>,
    pub sandbox: bool,
    /// E.164, for "Send again".
    pub recipients: Vec<String>,
    pub message_ids: Vec<String>,
    /// "Accepted (2 messages)", "Refused: BUSINESS_004", "Dry run accepted".
    pub outcome: String,
    pub tone: Tone,
    pub request_id: Option<String>,
    /// The latest status of each message followed after the send, by message id.
    #[serde(default)]
    pub statuses: BTreeMap<String, MessageWord>,
    /// The full numbers and variable values were forgotten after the period the user keeps them
    /// for: the masked numbers, the template and the outcome stay; "Send again" is not offered.
    #[serde(default)]
    pub forgotten: bool,
}

// A test send: profile and template names, variable values, phone numbers, message ids.
impl sent_model::NoSecret for SendSummary {}

impl SendSummary {
    /// Drops what identifies the people sent to: the full numbers and the variable values.
    pub fn forget(&mut self) {
        self.recipients.clear();
        self.variables.clear();
        self.forgotten = true;
    }
}

/// A message's latest status, worded as its timeline says it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageWord {
    pub label: String,
    pub tone: Tone,
}

impl SendSummary {
    /// Follows a message's timeline into the history: the outcome says where the messages are
    /// now ("Delivered (1 message)", "1 delivered, 1 failed"), not only that Sent accepted them.
    /// A message not reported yet counts as accepted. Dry runs and unknown ids change nothing.
    pub fn followed(&mut self, message_id: &str, label: &str, tone: Tone) {
        if self.sandbox || !self.message_ids.iter().any(|id| id == message_id) {
            return;
        }
        self.statuses.insert(
            message_id.to_owned(),
            MessageWord {
                label: label.to_owned(),
                tone,
            },
        );
        let accepted = MessageWord {
            label: "Accepted".into(),
            tone: Tone::Success,
        };
        let mut counts: Vec<(&MessageWord, usize)> = Vec::new();
        for id in &self.message_ids {
            let word = self.statuses.get(id).unwrap_or(&accepted);
            match counts.iter_mut().find(|(w, _)| w.label == word.label) {
                Some((_, n)) => *n += 1,
                None => counts.push((word, 1)),
            }
        }
        let total = self.message_ids.len();
        self.outcome = match counts.as_slice() {
            [(word, _)] => format!(
                "{} ({total} message{})",
                word.label,
                if total == 1 { "" } else { "s" }
            ),
            _ => counts
                .iter()
                .map(|(word, n)| format!("{n} {}", word.label.to_lowercase()))
                .collect::<Vec<_>>()
                .join(", "),
        };
        // The history's badge takes the most pressing tone of its messages.
        let rank = |t: Tone| match t {
            Tone::Danger => 4,
            Tone::Attention => 3,
            Tone::Neutral => 2,
            Tone::Progress => 1,
            Tone::Success => 0,
        };
        self.tone = counts
            .iter()
            .map(|(word, _)| word.tone)
            .max_by_key(|t| rank(*t))
            .unwrap_or(Tone::Success);
    }
}

/// Channel values a send may ask for.
pub fn channel_from(value: &str) -> Option<Channel> {
    match value {
        "sms" | "whatsapp" | "rcs" => Some(Channel::from(value)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_history_follows_the_timeline() {
        let mut summary = SendSummary {
            message_ids: vec!["m1".into(), "m2".into()],
            outcome: "Accepted (2 messages)".into(),
            tone: Tone::Success,
            ..Default::default()
        };
        summary.followed("m1", "Delivered", Tone::Success);
        assert_eq!(summary.outcome, "1 delivered, 1 accepted");
        summary.followed("m2", "Delivered", Tone::Success);
        assert_eq!(
            (summary.outcome.as_str(), summary.tone),
            ("Delivered (2 messages)", Tone::Success)
        );
        summary.followed("m2", "Failed", Tone::Danger);
        assert_eq!(
            (summary.outcome.as_str(), summary.tone),
            ("1 delivered, 1 failed", Tone::Danger)
        );
        summary.followed("other", "Failed", Tone::Danger);
        assert_eq!(
            summary.statuses.len(),
            2,
            "an unknown message changes nothing"
        );
        let mut dry = SendSummary {
            sandbox: true,
            message_ids: vec!["m1".into()],
            outcome: "Dry run accepted (nothing sent)".into(),
            ..Default::default()
        };
        dry.followed("m1", "Delivered", Tone::Success);
        assert_eq!(dry.outcome, "Dry run accepted (nothing sent)");
    }

    #[test]
    fn templates_become_choices_with_a_variable_form() {
        let t: Template = serde_json::from_value(json!({"id": "t1", "name": "Reminder",
            "status": "APPROVED", "channels": ["sms", "whatsapp"], "variables": ["first_name", "appointmentTime"]}))
        .unwrap();
        let c = template_choice(&t);
        assert!(c.sendable && c.reason.is_none());
        assert_eq!(c.channels_label, "SMS, WhatsApp");
        assert_eq!(
            c.variables
                .iter()
                .map(|v| v.label.as_str())
                .collect::<Vec<_>>(),
            ["First name", "Appointment time"]
        );
        let pending: Template =
            serde_json::from_value(json!({"id": "t2", "name": "P", "status": "PENDING"})).unwrap();
        let p = template_choice(&pending);
        assert!(!p.sendable);
        assert!(p.reason.unwrap().contains("only approved"));
        let odd: Template =
            serde_json::from_value(json!({"id": "t3", "name": "X", "status": "PAUSED"})).unwrap();
        assert_eq!(template_choice(&odd).status_label, "PAUSED");
    }

    #[test]
    fn phones_are_masked() {
        assert_eq!(mask_phone("+14155550123"), "+1 ••• 23");
        assert_eq!(mask_phone("+442079460958"), "+44 ••• 58");
        assert_eq!(mask_phone("+1"), "•••");
    }

    #[test]
    fn polling_backs_off_to_ten_seconds() {
        assert_eq!(poll_delay_ms(0), 1000);
        assert_eq!(poll_delay_ms(1), 1500);
        assert_eq!(poll_delay_ms(2), 2250);
        assert_eq!(poll_delay_ms(10), 10_000);
        assert_eq!(poll_delay_ms(u32::MAX), 10_000);
    }

    #[test]
    fn a_failed_message_explains_itself_with_the_reason_code() {
        let bare: MessageDetail = serde_json::from_value(json!({"id": "m0", "status": "FAILED",
            "events": [{"status": "FAILED", "description": "ERR_CONSENT_BLOCKED"}]}))
        .unwrap();
        assert!(timeline(&bare, None)
            .explanation
            .unwrap()
            .contains("opted out"));
        let detail: MessageDetail = serde_json::from_value(json!({"id": "m1", "status": "FAILED",
            "phone": "+15005550001", "channel": "sms",
            "events": [{"status": "QUEUED", "timestamp": "2026-11-30T12:00:00+00:00"},
                       {"status": "FAILED", "timestamp": "2026-11-30T12:00:02+00:00", "description": "Routing denied"}]}))
        .unwrap();
        let activities: MessageActivities = serde_json::from_value(json!({"message_id": "m1",
            "activities": [{"status": "FAILED", "reason_code": "ERR_ROUTE_DENIED", "reason": "route denied"}]}))
        .unwrap();
        let t = timeline(&detail, Some(&activities));
        assert!(t.is_final);
        assert_eq!(t.steps.len(), 2);
        assert_eq!(t.tone, Tone::Danger);
        let why = t.explanation.unwrap();
        assert!(
            why.contains("ERR_ROUTE_DENIED") && why.contains("No route"),
            "{why}"
        );
        let delivered: MessageDetail =
            serde_json::from_value(json!({"id": "m2", "status": "DELIVERED", "price": 0.0075}))
                .unwrap();
        let t = timeline(&delivered, None);
        assert_eq!(t.price.as_deref(), Some("0.0075"));
        assert!(t.explanation.is_none() && t.is_final);
        let queued: MessageDetail =
            serde_json::from_value(json!({"id": "m3", "status": "QUEUED"})).unwrap();
        assert!(!timeline(&queued, None).is_final);
    }
}
