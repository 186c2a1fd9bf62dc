//! Pre-flight validation: rules V1–V17 and V20–V23 of contract §11 as pure functions.
//!
//! **One implementation, two users.** The app calls these while the user types and before any
//! request; the sandbox calls the same functions to build its 400 `details`. Both therefore agree
//! on the dotted paths (`payment_details.expiry`, `brand.compliance.vertical`,
//! `campaign.useCases[0].sampleMessages`) and on the exact messages ([`messages`]).
//!
//! How to use:
//! - [`send_message_fields`] checks a test send (E.164 recipients, template or text).
//! - `*_fields` functions return every failing field at once as [`FieldErrors`] (empty = valid).
//!   State-dependent rules (V9 "none stored", V13, V17, V21, V22) need facts about what is stored:
//!   pass [`StoredProfile`] / [`OrganizationFacts`] / [`CampaignFacts`] when known; with `None`
//!   those rules are skipped (the server will still check them).
//! - `check_*` functions give the server's verdict: `Ok(())`, or a [`Rejection`] that knows its
//!   HTTP status, code, message and `details` (V14 is a 422 without details, everything else is a
//!   400 `VALIDATION_001` with details).
//! - [`rules`] has the per-field predicates (short name, expiry, card number, CVC, E.164, UUID,
//!   idempotency key, webhook URL) for keystroke-level checks.
//!
//! Type-level rules (closed enums such as `vertical`, `entityType`, `messagingUseCaseUs`) are
//! enforced by deserialization of the typed requests; a server that must report them per field
//! should check the raw JSON first (see [`json`]).

pub mod campaign;
pub mod json;
pub mod message;
pub mod messages;
pub mod profile;
pub mod rules;
pub mod urls;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use campaign::{
    campaign_delete_fields, campaign_link_fields, campaign_write_fields, CampaignFacts,
    CampaignWrite,
};
pub use json::{
    campaign_from_json, profile_complete_from_json, profile_create_from_json,
    profile_update_from_json,
};
pub use message::send_message_fields;
pub use profile::{
    check_profile_create, check_profile_update, profile_complete_fields, profile_create_fields,
    profile_update_fields, CreateOptions, OrganizationFacts, SenderLinks, StoredProfile,
};

use crate::envelope::{codes, ApiErrorBody};

/// Dotted field path (as in Sent's `error.details`) -> messages for that field, sorted by path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export)]
pub struct FieldErrors(BTreeMap<String, Vec<String>>);

impl FieldErrors {
    /// No errors.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one message for `path` (several messages per path are kept in order, no duplicates).
    pub fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        let messages = self.0.entry(path.into()).or_default();
        let message = message.into();
        if !messages.contains(&message) {
            messages.push(message);
        }
    }

    /// True when every rule passed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of failing fields.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Messages for one path.
    pub fn get(&self, path: &str) -> Option<&[String]> {
        self.0.get(path).map(Vec::as_slice)
    }

    /// True when `path` failed.
    pub fn contains(&self, path: &str) -> bool {
        self.0.contains_key(path)
    }

    /// Failing paths in order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// Adds every message of `other`.
    pub fn merge(&mut self, other: FieldErrors) {
        for (path, messages) in other.0 {
            for message in messages {
                self.add(path.clone(), message);
            }
        }
    }

    /// The plain map, as Sent's `details`.
    pub fn into_map(self) -> BTreeMap<String, Vec<String>> {
        self.0
    }

    /// `Ok(())` when empty, else `Err(self)`.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl From<BTreeMap<String, Vec<String>>> for FieldErrors {
    fn from(map: BTreeMap<String, Vec<String>>) -> Self {
        Self(map)
    }
}

/// Why Sent would refuse a write, with everything a server needs to answer it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// 400 `VALIDATION_001` `Request validation failed`, `details` = the fields.
    #[error("Request validation failed")]
    Fields(FieldErrors),
    /// V14: 422 `VALIDATION_001`, `details` null — no WhatsApp account given and none on the
    /// organization.
    #[error("{}", messages::NO_ORGANIZATION_WABA)]
    NoOrganizationWhatsapp,
    /// Contract Q39: 400 `VALIDATION_001`, `details` null — the body is valid JSON but not an
    /// object.
    #[error("{}", messages::BODY_NOT_OBJECT)]
    BodyNotObject,
}

impl Rejection {
    /// HTTP status Sent answers with.
    pub fn http_status(&self) -> u16 {
        match self {
            Rejection::Fields(_) | Rejection::BodyNotObject => 400,
            Rejection::NoOrganizationWhatsapp => 422,
        }
    }

    /// Error code (always `VALIDATION_001` on profile and campaign endpoints, contract Q31).
    pub fn code(&self) -> &'static str {
        codes::VALIDATION_001
    }

    /// The field details, if any.
    pub fn fields(&self) -> Option<&FieldErrors> {
        match self {
            Rejection::Fields(fields) => Some(fields),
            Rejection::NoOrganizationWhatsapp | Rejection::BodyNotObject => None,
        }
    }

    /// The envelope's `error` object.
    pub fn to_error_body(&self) -> ApiErrorBody {
        let body = ApiErrorBody::new(self.code(), self.to_string());
        match self {
            Rejection::Fields(fields) => body.with_details(fields.clone().into_map()),
            Rejection::NoOrganizationWhatsapp | Rejection::BodyNotObject => body,
        }
    }
}

/// `Ok` when there are no field errors, else a 400 rejection.
pub(crate) fn fields_result(errors: FieldErrors) -> Result<(), Rejection> {
    errors.into_result().map_err(Rejection::Fields)
}

/// `value` is missing or only whitespace.
pub(crate) fn blank(value: Option<&str>) -> bool {
    value.is_none_or(|v| v.trim().is_empty())
}
