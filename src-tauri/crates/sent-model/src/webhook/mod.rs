//! Webhook configuration and deliveries (contract §9.12, §14, E19–E21), modelled for reading and
//! for the sandbox's receiver set-up. Delivery envelopes accept both vocabularies (`message` and
//! `messages`, `sub_type` and `event`).

pub mod signature;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::envelope::PaginationMeta;
use crate::timestamp::Timestamp;

/// A webhook as returned (`WebhookResponse`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WebhookConfig {
    /// Webhook id.
    #[serde(default)]
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
    /// Receiver URL.
    #[serde(default)]
    pub endpoint_url: String,
    /// Event families.
    #[serde(default)]
    pub event_types: Vec<String>,
    /// Family -> sub-type suffixes.
    #[serde(default)]
    pub event_filters: Option<BTreeMap<String, Vec<String>>>,
    /// Active (10 consecutive failures disable it).
    #[serde(default)]
    pub is_active: bool,
    /// `whsec_<base64>`; null in lists.
    #[serde(default)]
    pub signing_secret: Option<String>,
    /// 1–5.
    #[serde(default)]
    pub retry_count: Option<u32>,
    /// 5–120.
    #[serde(default)]
    pub timeout_seconds: Option<u32>,
    /// Consecutive failed deliveries.
    #[serde(default)]
    pub consecutive_failures: Option<u32>,
    /// Last attempt.
    #[serde(default)]
    pub last_delivery_attempt_at: Option<Timestamp>,
    /// Last success.
    #[serde(default)]
    pub last_successful_delivery_at: Option<Timestamp>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// Last update.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    /// Owning account (newer servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub customer_id: Option<String>,
}

/// `data` of `GET /v3/webhooks`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WebhookList {
    /// This page's webhooks.
    #[serde(default)]
    pub webhooks: Vec<WebhookConfig>,
    /// Paging.
    #[serde(default)]
    pub pagination: Option<PaginationMeta>,
}

/// An event type of `GET /v3/webhooks/event-types`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WebhookEventType {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Event type.
    #[serde(default)]
    pub event_type: Option<String>,
    /// Active.
    #[serde(default)]
    pub is_active: bool,
    /// Sub-types.
    #[serde(default)]
    pub sub_types: Option<Vec<WebhookEventType>>,
}

/// `data` of `GET /v3/webhooks/event-types`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WebhookEventTypes {
    /// Event types.
    #[serde(default)]
    pub event_types: Vec<WebhookEventType>,
}

/// Body of `POST /v3/webhooks`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct WebhookCreate {
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Receiver URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_url: Option<String>,
    /// Families.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_types: Option<Vec<String>>,
    /// Filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_filters: Option<BTreeMap<String, Vec<String>>>,
    /// 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_count: Option<u32>,
    /// 5–120.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<u32>,
    /// Dry run.
    #[serde(default, skip_serializing_if = "crate::is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub sandbox: bool,
}

/// A delivery POSTed to a subscribed webhook (contract §14.1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WebhookDelivery {
    /// `message` (newer) or `messages` (older), `templates`, ...
    #[serde(default)]
    pub field: String,
    /// Sub-type, e.g. `message.delivered`; newer servers call the key `event`.
    #[serde(default, alias = "event", skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sub_type: Option<String>,
    /// Emission time.
    #[serde(default)]
    pub timestamp: Option<Timestamp>,
    /// Request id (newer servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub request_id: Option<String>,
    /// Family-specific payload.
    #[serde(default)]
    #[ts(type = "Record<string, unknown>")]
    pub payload: serde_json::Value,
}

impl WebhookDelivery {
    /// True for a message-status or inbound-message event, whichever vocabulary the server uses.
    pub fn is_message_event(&self) -> bool {
        self.field == "message" || self.field == "messages"
    }
}
