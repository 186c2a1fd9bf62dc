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

mod messaging;
mod profile;
mod tcr;

pub use messaging::*;
pub use profile::*;
pub use tcr::*;

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
