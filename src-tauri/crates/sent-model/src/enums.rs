//! Enumerations of contract §8.
//!
//! *Closed* enums (the SDK types them as enums) reject any other value when deserializing, so a bad
//! value is refused before anything is sent. *Open* enums (the SDK types a plain string) keep an
//! unknown value in `Other(String)` and write it back unchanged, so a newer server never breaks
//! parsing. Comparisons are case-sensitive unless a method says otherwise.

/// Defines a closed enum: exact wire strings, deserialization refuses anything else.
macro_rules! closed_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[ts(export)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $wire)] $variant,)+
        }

        impl $name {
            /// Every value, in the contract's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every wire string, in the contract's order.
            pub const WIRE: &'static [&'static str] = &[$($wire),+];

            /// The exact wire string.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $wire,)+ }
            }

            /// Parses the exact (case-sensitive) wire string.
            pub fn from_wire(value: &str) -> Option<Self> {
                match value { $($wire => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// Defines an open enum: known wire strings plus `Other(String)` for anything else.
macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[ts(export)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $wire)] $variant,)+
            /// A value this app version does not know; kept verbatim.
            #[serde(untagged)]
            Other(String),
        }

        impl $name {
            /// The documented values, in the contract's order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The wire string (the kept text for `Other`).
            pub fn as_str(&self) -> &str {
                match self { $($name::$variant => $wire,)+ $name::Other(other) => other.as_str() }
            }

            /// Exact (case-sensitive) parse; unknown text becomes `Other`.
            pub fn from_wire(value: &str) -> Self {
                match value { $($wire => $name::$variant,)+ other => $name::Other(other.to_owned()) }
            }

            /// Case-insensitive parse, for the surfaces where Sent's casing varies (contract §12.4).
            pub fn from_wire_ignore_case(value: &str) -> Self {
                $(if value.eq_ignore_ascii_case($wire) { return $name::$variant; })+
                $name::Other(value.to_owned())
            }

            /// True for a documented value.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                $name::from_wire(value)
            }
        }
    };
}

open_enum! {
    /// Who pays for a profile's messages (`billing_model`). Open on reads; the validator (V11)
    /// refuses `Other` on writes.
    BillingModel {
        /// The profile is billed (needs a billing contact).
        Profile => "profile",
        /// The organization is billed.
        Organization => "organization",
        /// The profile first, the organization as fallback (needs a billing contact).
        ProfileAndOrganization => "profile_and_organization",
    }
}

impl BillingModel {
    /// True when the profile itself is billed, which requires a billing contact (V9).
    pub fn bills_profile(&self) -> bool {
        matches!(
            self,
            BillingModel::Profile | BillingModel::ProfileAndOrganization
        )
    }
}

closed_enum! {
    /// Industry of a brand (`TcrVertical`).
    TcrVertical {
        Professional => "PROFESSIONAL",
        RealEstate => "REAL_ESTATE",
        Healthcare => "HEALTHCARE",
        HumanResources => "HUMAN_RESOURCES",
        Energy => "ENERGY",
        Entertainment => "ENTERTAINMENT",
        Retail => "RETAIL",
        Transportation => "TRANSPORTATION",
        Agriculture => "AGRICULTURE",
        Insurance => "INSURANCE",
        Postal => "POSTAL",
        Education => "EDUCATION",
        Hospitality => "HOSPITALITY",
        Financial => "FINANCIAL",
        Political => "POLITICAL",
        Gambling => "GAMBLING",
        Legal => "LEGAL",
        Construction => "CONSTRUCTION",
        Ngo => "NGO",
        Manufacturing => "MANUFACTURING",
        Government => "GOVERNMENT",
        Technology => "TECHNOLOGY",
        Communication => "COMMUNICATION",
    }
}

closed_enum! {
    /// How well Sent knows a brand (`TcrBrandRelationship`).
    TcrBrandRelationship {
        BasicAccount => "BASIC_ACCOUNT",
        SmallAccount => "SMALL_ACCOUNT",
        MediumAccount => "MEDIUM_ACCOUNT",
        LargeAccount => "LARGE_ACCOUNT",
        KeyAccount => "KEY_ACCOUNT",
    }
}

closed_enum! {
    /// Legal form of a brand's business, as written in requests (`brand.business.entityType`).
    EntityType {
        PrivateProfit => "PRIVATE_PROFIT",
        PublicProfit => "PUBLIC_PROFIT",
        NonProfit => "NON_PROFIT",
        SoleProprietor => "SOLE_PROPRIETOR",
        Government => "GOVERNMENT",
    }
}

closed_enum! {
    /// TCR status of a brand (response `brand.status`).
    BrandStatus {
        Active => "ACTIVE",
        Inactive => "INACTIVE",
        Suspended => "SUSPENDED",
    }
}

closed_enum! {
    /// TCR's verification verdict on a brand (response `brand.identity_status`).
    BrandIdentityStatus {
        SelfDeclared => "SELF_DECLARED",
        Unverified => "UNVERIFIED",
        Verified => "VERIFIED",
        VettedVerified => "VETTED_VERIFIED",
    }
}

open_enum! {
    /// Setup status of a profile. Documented read vocabulary first, then values other surfaces
    /// show (contract §12.4); compare with [`ProfileStatus::from_wire_ignore_case`] when unsure.
    ProfileStatus {
        Incomplete => "incomplete",
        PendingReview => "pending_review",
        Approved => "approved",
        Rejected => "rejected",
        Submitted => "submitted",
        Processing => "processing",
        Completed => "completed",
        Failed => "failed",
    }
}

open_enum! {
    /// `data.status` of `POST /v3/profiles/{id}/complete` and the completion callback's `status`
    /// (casing varies by surface: compare case-insensitively).
    CompletionStatus {
        Completed => "completed",
        Submitted => "submitted",
        InProgress => "in_progress",
        /// Upper-case form used by the status logic and the callback.
        CompletedUpper => "COMPLETED",
        /// Upper-case form used by the status logic and the callback.
        SubmittedUpper => "SUBMITTED",
        Failed => "failed",
    }
}

impl CompletionStatus {
    /// The status with casing folded: `COMPLETED` and `completed` both give `Completed`.
    pub fn normalized(&self) -> CompletionStatus {
        match self {
            CompletionStatus::CompletedUpper => CompletionStatus::Completed,
            CompletionStatus::SubmittedUpper => CompletionStatus::Submitted,
            CompletionStatus::Other(text) => match CompletionStatus::from_wire_ignore_case(text) {
                CompletionStatus::CompletedUpper => CompletionStatus::Completed,
                CompletionStatus::SubmittedUpper => CompletionStatus::Submitted,
                folded => folded,
            },
            known => known.clone(),
        }
    }
}

closed_enum! {
    /// US messaging use case of a campaign (`MessagingUseCaseUs`). Note `TWO_FA`, not `2FA`.
    MessagingUseCaseUs {
        Marketing => "MARKETING",
        AccountNotification => "ACCOUNT_NOTIFICATION",
        CustomerCare => "CUSTOMER_CARE",
        FraudAlert => "FRAUD_ALERT",
        TwoFa => "TWO_FA",
        DeliveryNotification => "DELIVERY_NOTIFICATION",
        SecurityAlert => "SECURITY_ALERT",
        M2m => "M2M",
        Mixed => "MIXED",
        HigherEducation => "HIGHER_EDUCATION",
        PollingVoting => "POLLING_VOTING",
        PublicServiceAnnouncement => "PUBLIC_SERVICE_ANNOUNCEMENT",
        LowVolume => "LOW_VOLUME",
    }
}

closed_enum! {
    /// TCR status of a campaign.
    CampaignStatus {
        SentCreated => "SENT_CREATED",
        Active => "ACTIVE",
        Expired => "EXPIRED",
    }
}

closed_enum! {
    /// Sharing status of a campaign with the connectivity partner.
    CampaignSharingStatus {
        Pending => "PENDING",
        Accepted => "ACCEPTED",
        Declined => "DECLINED",
    }
}

open_enum! {
    /// A message channel (`channel[]` on send, `channel` on results).
    Channel {
        Sms => "sms",
        Whatsapp => "whatsapp",
        Rcs => "rcs",
        /// Automatic selection by Sent (the default).
        Sent => "sent",
    }
}

open_enum! {
    /// Status of a message or of one of its activities/events.
    MessageStatus {
        Queued => "QUEUED",
        Processed => "PROCESSED",
        Routed => "ROUTED",
        SentStatus => "SENT",
        Delivered => "DELIVERED",
        Read => "READ",
        Failed => "FAILED",
        Received => "RECEIVED",
        Filtered => "FILTERED",
        Blocked => "BLOCKED",
        Scheduled => "SCHEDULED",
        Cancelled => "CANCELLED",
    }
}

impl MessageStatus {
    /// True once the message can no longer change (delivered, read, failed, filtered, blocked,
    /// cancelled, received); the app stops polling then.
    pub fn is_final(&self) -> bool {
        matches!(
            MessageStatus::from_wire_ignore_case(self.as_str()),
            MessageStatus::Delivered
                | MessageStatus::Read
                | MessageStatus::Failed
                | MessageStatus::Filtered
                | MessageStatus::Blocked
                | MessageStatus::Cancelled
                | MessageStatus::Received
        )
    }
}

open_enum! {
    /// Template category.
    TemplateCategory {
        Marketing => "MARKETING",
        Utility => "UTILITY",
        Authentication => "AUTHENTICATION",
    }
}

open_enum! {
    /// Template review status.
    TemplateStatus {
        Approved => "APPROVED",
        Pending => "PENDING",
        Rejected => "REJECTED",
        Draft => "DRAFT",
        Paused => "PAUSED",
        Disabled => "DISABLED",
        Revoked => "REVOKED",
    }
}

open_enum! {
    /// Kind of account a key belongs to (`GET /v3/me` `type`).
    AccountType {
        Organization => "organization",
        User => "user",
        Profile => "profile",
    }
}

open_enum! {
    /// A user's role on a profile (`/v3/me` `profiles[].role`).
    UserRole {
        Admin => "admin",
        Billing => "billing",
        Developer => "developer",
        Owner => "owner",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_enums_reject_unknown_and_wrong_case() {
        assert_eq!(
            serde_json::from_str::<TcrVertical>("\"HEALTHCARE\"").unwrap(),
            TcrVertical::Healthcare
        );
        assert!(serde_json::from_str::<TcrVertical>("\"healthcare\"").is_err());
        assert!(serde_json::from_str::<MessagingUseCaseUs>("\"2FA\"").is_err());
        assert_eq!(
            serde_json::to_string(&MessagingUseCaseUs::TwoFa).unwrap(),
            "\"TWO_FA\""
        );
        assert_eq!(MessagingUseCaseUs::M2m.as_str(), "M2M");
        assert_eq!(TcrVertical::ALL.len(), 23);
        assert_eq!(MessagingUseCaseUs::ALL.len(), 13);
        for v in TcrVertical::ALL {
            assert_eq!(TcrVertical::from_wire(v.as_str()), Some(*v));
            let json = serde_json::to_string(v).unwrap();
            assert_eq!(json, format!("\"{}\"", v.as_str()));
        }
    }

    #[test]
    fn open_enums_keep_unknown_values() {
        let status: ProfileStatus = serde_json::from_str("\"on_hold\"").unwrap();
        assert_eq!(status, ProfileStatus::Other("on_hold".into()));
        assert_eq!(serde_json::to_string(&status).unwrap(), "\"on_hold\"");
        let model: BillingModel = serde_json::from_str("\"profile_and_organization\"").unwrap();
        assert!(model.bills_profile());
        assert_eq!(
            BillingModel::from_wire("Profile"),
            BillingModel::Other("Profile".into())
        );
        assert_eq!(
            ProfileStatus::from_wire_ignore_case("APPROVED"),
            ProfileStatus::Approved
        );
    }

    #[test]
    fn completion_status_folds_case() {
        for raw in ["COMPLETED", "completed", "Completed"] {
            let status: CompletionStatus = serde_json::from_value(raw.into()).unwrap();
            assert_eq!(status.normalized(), CompletionStatus::Completed);
        }
        let failed: CompletionStatus = serde_json::from_str("\"FAILED\"").unwrap();
        assert_eq!(failed.normalized(), CompletionStatus::Failed);
    }

    #[test]
    fn message_status_finality() {
        assert!(MessageStatus::Delivered.is_final());
        assert!(MessageStatus::from_wire("blocked").is_final());
        assert!(!MessageStatus::Queued.is_final());
    }
}
