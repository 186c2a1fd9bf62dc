//! Contacts (contract §9.10, E18): read-only in this app.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::Channel;
use crate::envelope::PaginationMeta;
use crate::timestamp::Timestamp;

/// A contact as returned.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Contact {
    /// Contact id.
    #[serde(default)]
    pub id: String,
    /// As supplied.
    #[serde(default)]
    pub phone_number: String,
    /// E.164 form.
    #[serde(default)]
    pub format_e164: Option<String>,
    /// International form.
    #[serde(default)]
    pub format_international: Option<String>,
    /// National form.
    #[serde(default)]
    pub format_national: Option<String>,
    /// `tel:` URI.
    #[serde(default)]
    pub format_rfc: Option<String>,
    /// Calling code, e.g. `"1"`.
    #[serde(default)]
    pub country_code: Option<String>,
    /// Alpha-2 region.
    #[serde(default)]
    pub region_code: Option<String>,
    /// Comma-separated, e.g. `"sms,whatsapp"` (see [`Contact::channels`]).
    #[serde(default)]
    pub available_channels: Option<String>,
    /// Default channel.
    #[serde(default)]
    pub default_channel: Option<Channel>,
    /// Opted out (per contact, not per channel).
    #[serde(default)]
    pub opt_out: bool,
    /// Read-only contact inherited from the organization.
    #[serde(default)]
    pub is_inherited: bool,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// Last update.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    /// Newer docs show it (always null so far).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "unknown")]
    pub channel_consent: Option<serde_json::Value>,
    /// Owning account (newer servers, §19 R13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub customer_id: Option<String>,
}

impl Contact {
    /// `available_channels` split on commas.
    pub fn channels(&self) -> Vec<Channel> {
        self.available_channels
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(Channel::from_wire)
            .collect()
    }
}

/// `data` of `GET /v3/contacts`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContactList {
    /// This page's contacts.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Paging.
    #[serde(default)]
    pub pagination: Option<PaginationMeta>,
}

/// Query of `GET /v3/contacts` (besides `page`/`page_size`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct ContactFilter {
    /// `sms` / `whatsapp`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Exact phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}
