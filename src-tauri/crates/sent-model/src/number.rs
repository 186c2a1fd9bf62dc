//! Number lookup (contract §9.14, E17).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `data` of `GET /v3/numbers/lookup/{phoneNumber}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NumberLookup {
    /// The number looked up.
    #[serde(default)]
    pub phone_number: String,
    /// Valid number.
    #[serde(default)]
    pub is_valid: bool,
    /// Carrier.
    #[serde(default)]
    pub carrier_name: Option<String>,
    /// Country.
    #[serde(default)]
    pub country_code: Option<String>,
    /// Line type, e.g. `mobile`.
    #[serde(default)]
    pub line_type: Option<String>,
    /// MCC.
    #[serde(default)]
    pub mobile_country_code: Option<String>,
    /// MNC.
    #[serde(default)]
    pub mobile_network_code: Option<String>,
    /// Ported.
    #[serde(default)]
    pub is_ported: Option<bool>,
    /// VoIP.
    #[serde(default)]
    pub is_voip: Option<bool>,
}
