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

/// A `null` where a value is required reads as the empty value (`""`, `[]`): a form field the user
/// emptied arrives as `null`, and the rules then say on the field what it needs; it must not make
/// the whole draft unreadable (nothing typed since would be kept). Use with
/// `#[serde(default, deserialize_with = "crate::nullable::or_default")]`.
pub fn or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Form {
        #[serde(default, deserialize_with = "super::or_default")]
        name: String,
        #[serde(default, deserialize_with = "super::or_default")]
        items: Vec<u8>,
    }

    #[test]
    fn an_emptied_field_reads_as_empty() {
        let form: Form = serde_json::from_str(r#"{"name": null, "items": null}"#).unwrap();
        assert_eq!((form.name.as_str(), form.items.len()), ("", 0));
        let form: Form = serde_json::from_str(r#"{"name": "Ann", "items": [1]}"#).unwrap();
        assert_eq!((form.name.as_str(), form.items.len()), ("Ann", 1));
        let form: Form = serde_json::from_str("{}").unwrap();
        assert_eq!(form.name, "");
    }
}
