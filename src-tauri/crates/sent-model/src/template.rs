//! Message templates (contract §9.9, E12–E13): read-only in this app.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::{Channel, TemplateCategory, TemplateStatus};
use crate::envelope::PaginationMeta;
use crate::timestamp::Timestamp;

/// A template as returned.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Template {
    /// Template id.
    #[serde(default)]
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Category (open).
    #[serde(default)]
    pub category: Option<TemplateCategory>,
    /// Language, e.g. `en_US`.
    #[serde(default)]
    pub language: Option<String>,
    /// Review status (open).
    #[serde(default)]
    pub status: Option<TemplateStatus>,
    /// Channels it can be sent on.
    #[serde(default)]
    pub channels: Option<Vec<Channel>>,
    /// Placeholder names the send must fill (`template.parameters`).
    #[serde(default)]
    pub variables: Option<Vec<String>>,
    /// Published.
    #[serde(default)]
    pub is_published: bool,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// Last update.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    /// Owning account (newer servers, §19 R14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub customer_id: Option<String>,
}

/// `data` of `GET /v3/templates`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateList {
    /// This page's templates.
    #[serde(default)]
    pub templates: Vec<Template>,
    /// Paging.
    #[serde(default)]
    pub pagination: Option<PaginationMeta>,
}

/// Query of `GET /v3/templates` (besides `page`/`page_size`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct TemplateFilter {
    /// `MARKETING` / `UTILITY` / `AUTHENTICATION`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `APPROVED` / `PENDING` / `REJECTED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    /// Welcome/playground templates only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_welcome_playground: Option<bool>,
}
