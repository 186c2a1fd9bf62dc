//! `Option<Option<T>>` for response keys that one server revision sends (maybe as `null`) and another
//! omits (contract §19): outer `None` = key absent ("not reported by this server"), `Some(None)` =
//! `null`. Use with `#[serde(default, skip_serializing_if = "Option::is_none", deserialize_with =
//! "crate::nullable::deserialize")]` so that the sandbox can emit exactly either shape.

use serde::{Deserialize, Deserializer};

/// Maps a present key (even `null`) to `Some(..)`; an absent key never reaches this (serde default).
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}
