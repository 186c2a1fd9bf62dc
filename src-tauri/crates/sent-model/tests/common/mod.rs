//! Fixture loading shared by the wire tests.

#![allow(dead_code)] // each test binary uses a part

use sent_model::Envelope;
use serde_json::Value;

pub fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub fn envelope<T: serde::de::DeserializeOwned>(name: &str) -> Envelope<T> {
    serde_json::from_value(fixture(name)).unwrap()
}
