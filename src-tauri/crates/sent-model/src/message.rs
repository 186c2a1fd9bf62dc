//! Messages (contract §9.11, E14–E16): the test send, a message's detail and its activity
//! timeline. Money is a JSON number on the detail but a 4-decimal **string** on activities (quirk).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::{Channel, MessageStatus};
use crate::envelope::PaginationMeta;
use crate::timestamp::Timestamp;

/// Body of `POST /v3/messages`: `template` or `text`, to E.164 recipients.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct SendMessage {
    /// E.164 recipients (≤ 1,000 per request recommended).
    #[serde(default)]
    pub to: Vec<String>,
    /// Template by id or name, with its variables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<SendTemplate>,
    /// Free-form body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Channels; each one listed sends a separate message per recipient. Default `["sent"]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Vec<Channel>>,
    /// Dry run.
    #[serde(default, skip_serializing_if = "crate::is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub sandbox: bool,
}

/// `template` of a send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct SendTemplate {
    /// Template id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Template name (when no id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Variable name -> value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<BTreeMap<String, String>>,
}

/// `data` of a send (202): accepted, not delivered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SendResult {
    /// `QUEUED`.
    #[serde(default)]
    pub status: Option<MessageStatus>,
    /// Template used.
    #[serde(default)]
    pub template_id: Option<String>,
    /// Its name.
    #[serde(default)]
    pub template_name: Option<String>,
    /// One entry per (recipient × channel).
    #[serde(default)]
    pub recipients: Vec<SendRecipient>,
}

/// One message created by a send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SendRecipient {
    /// Message id to poll.
    #[serde(default)]
    pub message_id: String,
    /// E.164 recipient.
    #[serde(default)]
    pub to: String,
    /// Channel (`null` = auto-detect).
    #[serde(default)]
    pub channel: Option<Channel>,
    /// Resolved text for that channel.
    #[serde(default)]
    pub body: Option<String>,
}

/// `data` of `GET /v3/messages/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageDetail {
    /// Message id.
    #[serde(default)]
    pub id: String,
    /// Account.
    #[serde(default)]
    pub customer_id: Option<String>,
    /// Contact.
    #[serde(default)]
    pub contact_id: Option<String>,
    /// Channel.
    #[serde(default)]
    pub channel: Option<Channel>,
    /// `outbound` / `inbound` (open, compare case-insensitively).
    #[serde(default)]
    pub direction: Option<String>,
    /// Status.
    #[serde(default)]
    pub status: Option<MessageStatus>,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// International form.
    #[serde(default)]
    pub phone_international: Option<String>,
    /// Region.
    #[serde(default)]
    pub region_code: Option<String>,
    /// Template id.
    #[serde(default)]
    pub template_id: Option<String>,
    /// Template name.
    #[serde(default)]
    pub template_name: Option<String>,
    /// Template category.
    #[serde(default)]
    pub template_category: Option<String>,
    /// Price (a JSON number here).
    #[serde(default)]
    pub price: Option<f64>,
    /// Active-contact price (a JSON number here).
    #[serde(default)]
    pub active_contact_price: Option<f64>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// Status events.
    #[serde(default)]
    pub events: Option<Vec<MessageEvent>>,
    /// Content.
    #[serde(default)]
    pub message_body: Option<MessageBody>,
    /// Stable failure code on FAILED/FILTERED/BLOCKED (newer servers, §19 R18).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason_code: Option<String>,
    /// Failure text (newer servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason: Option<String>,
    /// Scheduled time (newer servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub scheduled_at: Option<Timestamp>,
}

/// One entry of `events[]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageEvent {
    /// Status reached.
    #[serde(default)]
    pub status: Option<MessageStatus>,
    /// When.
    #[serde(default)]
    pub timestamp: Option<Timestamp>,
    /// Text; carries an `ERR_*` code on failure.
    #[serde(default)]
    pub description: Option<String>,
    /// Stable failure code (newer servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason_code: Option<String>,
    /// Failure text (newer servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason: Option<String>,
}

/// `message_body` (snake_case object with camelCase keys inside: `postbackData`, `headerMedia`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageBody {
    /// Text content.
    #[serde(rename = "content", default)]
    pub content: Option<String>,
    /// Header.
    #[serde(rename = "header", default)]
    pub header: Option<String>,
    /// Footer.
    #[serde(rename = "footer", default)]
    pub footer: Option<String>,
    /// Buttons.
    #[serde(rename = "buttons", default)]
    pub buttons: Option<Vec<MessageButton>>,
    /// MMS subject (newer servers).
    #[serde(rename = "subject", default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub subject: Option<String>,
    /// Header media (newer servers).
    #[serde(
        rename = "headerMedia",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional)]
    pub header_media: Option<MessageMedia>,
    /// Media (newer servers).
    #[serde(rename = "media", default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub media: Option<Vec<MessageMedia>>,
}

/// A button of a message body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageButton {
    /// Button type.
    #[serde(rename = "type", default)]
    pub button_type: Option<String>,
    /// Value.
    #[serde(rename = "value", default)]
    pub value: Option<String>,
    /// Label.
    #[serde(rename = "text", default)]
    pub text: Option<String>,
    /// Postback payload (camelCase inside snake_case).
    #[serde(rename = "postbackData", default)]
    pub postback_data: Option<String>,
}

/// A media item of a message body (newer servers, camelCase).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageMedia {
    /// Kind of media.
    #[serde(rename = "mediaType", default)]
    pub media_type: Option<String>,
    /// MIME type.
    #[serde(rename = "mimeType", default)]
    pub mime_type: Option<String>,
    /// Size in bytes.
    #[serde(rename = "sizeBytes", default)]
    pub size_bytes: Option<f64>,
    /// SHA-256 of the source.
    #[serde(rename = "sourceHashSha256", default)]
    pub source_hash_sha256: Option<String>,
    /// URL.
    #[serde(rename = "url", default)]
    pub url: Option<String>,
}

/// `data` of `GET /v3/messages/{id}/activities`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageActivities {
    /// Message id.
    #[serde(default)]
    pub message_id: String,
    /// Newest first.
    #[serde(default)]
    pub activities: Vec<MessageActivity>,
    /// Newer servers page this list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pagination: Option<PaginationMeta>,
}

/// One activity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageActivity {
    /// Status.
    #[serde(default)]
    pub status: Option<MessageStatus>,
    /// Text; a FAILED activity carries the `ERR_*` code.
    #[serde(default)]
    pub description: Option<String>,
    /// When.
    #[serde(default)]
    pub timestamp: Option<Timestamp>,
    /// Sender.
    #[serde(default)]
    pub from: Option<String>,
    /// Price as a 4-decimal string.
    #[serde(default)]
    pub price: Option<String>,
    /// Active-contact price as a 4-decimal string.
    #[serde(default)]
    pub active_contact_price: Option<String>,
    /// Stable failure code (newer servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason_code: Option<String>,
    /// Failure text (newer servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason: Option<String>,
}
