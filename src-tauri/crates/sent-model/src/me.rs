//! `GET /v3/me` (contract §9.13, E1): who the key belongs to. The app calls it on key entry to learn
//! whether the key is an organization key (profile management) or a profile key (which must never
//! send `x-profile-id`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::{AccountType, BillingModel, ProfileStatus, UserRole};
use crate::timestamp::Timestamp;

/// The account behind the key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Me {
    /// Organization, user or profile id.
    #[serde(default)]
    pub id: String,
    /// `organization`, `user` or `profile` (open).
    #[serde(rename = "type", default = "unknown_account")]
    pub account_type: AccountType,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Icon URL.
    #[serde(default)]
    pub icon: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// Parent organization (profile keys only).
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Short name (profile keys only).
    #[serde(default)]
    pub short_name: Option<String>,
    /// Setup status (profile keys only).
    #[serde(default)]
    pub status: Option<ProfileStatus>,
    /// Settings (profile keys only).
    #[serde(default)]
    pub settings: Option<ProfileSettings>,
    /// Child profiles (organization keys; `[]` otherwise).
    #[serde(default)]
    pub profiles: Vec<MeProfile>,
    /// Channels configured for this account.
    #[serde(default)]
    pub channels: MeChannels,
    /// Newer servers (§19 R3): the account's SMS number (may be null).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::deserialize"
    )]
    #[ts(optional)]
    pub sending_phone_number: Option<Option<String>>,
    /// Newer servers (§19 R3): the account holding that number in inventory (not "borrowed from").
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::deserialize"
    )]
    #[ts(optional)]
    pub sending_phone_number_profile_id: Option<Option<String>>,
    /// Newer servers (§19 R3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub enable_template_auto_creation_for_sp: Option<bool>,
}

fn unknown_account() -> AccountType {
    AccountType::Other(String::new())
}

impl Me {
    /// True for a profile's own key: such a key must never send `x-profile-id` (Sent answers 403).
    pub fn is_profile_key(&self) -> bool {
        self.account_type == AccountType::Profile
    }

    /// True for an organization key (required for profile management).
    pub fn is_organization_key(&self) -> bool {
        self.account_type == AccountType::Organization
    }
}

/// Settings of a profile as `/v3/me` reports them (every key nullable).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileSettings {
    /// Contact sharing.
    #[serde(default)]
    pub allow_contact_sharing: Option<bool>,
    /// Template sharing.
    #[serde(default)]
    pub allow_template_sharing: Option<bool>,
    /// Contact inheritance.
    #[serde(default)]
    pub inherit_contacts: Option<bool>,
    /// Template inheritance.
    #[serde(default)]
    pub inherit_templates: Option<bool>,
    /// Brand inheritance.
    #[serde(default)]
    pub inherit_tcr_brand: Option<bool>,
    /// Campaign inheritance.
    #[serde(default)]
    pub inherit_tcr_campaign: Option<bool>,
    /// Billing model.
    #[serde(default)]
    pub billing_model: Option<BillingModel>,
}

/// A child profile in `/v3/me` `profiles[]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeProfile {
    /// Profile id.
    #[serde(default)]
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Short name.
    #[serde(default)]
    pub short_name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Icon URL.
    #[serde(default)]
    pub icon: Option<String>,
    /// Setup status.
    #[serde(default)]
    pub status: Option<ProfileStatus>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// The caller's role on this profile (inherited from the org when unset).
    #[serde(default)]
    pub role: Option<UserRole>,
    /// Settings.
    #[serde(default)]
    pub settings: Option<ProfileSettings>,
}

/// `channels` of `/v3/me`: always `sms`, `whatsapp`, `rcs`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeChannels {
    /// SMS.
    #[serde(default)]
    pub sms: MeChannel,
    /// WhatsApp.
    #[serde(default)]
    pub whatsapp: MeChannel,
    /// RCS.
    #[serde(default)]
    pub rcs: MeChannel,
}

/// One channel of `/v3/me`. `phone_number` is omitted by newer servers when there is none (§19 R4).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeChannel {
    /// The channel is set up.
    #[serde(default)]
    pub configured: bool,
    /// Its number: outer `None` = key absent, `Some(None)` = `null`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::deserialize"
    )]
    #[ts(optional)]
    pub phone_number: Option<Option<String>>,
    /// WhatsApp only: business name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub business_name: Option<String>,
}
