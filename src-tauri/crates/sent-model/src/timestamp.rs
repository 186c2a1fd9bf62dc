//! [`Timestamp`]: every RFC 3339 shape Sent emits (contract §1.5): 7 fractional digits with
//! `+00:00` (.NET), `Z`, no fraction, and the .NET default `0001-01-01T00:00:00+00:00`.
//!
//! It serializes the way Sent does (7 fractional digits, `+00:00`-style offset) so that the sandbox's
//! fixtures look like the real thing; parsing accepts any RFC 3339 variant.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time with the offset the server wrote. TypeScript sees an RFC 3339 `string`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ts_rs::TS)]
#[ts(export, type = "string")]
pub struct Timestamp(DateTime<FixedOffset>);

/// A string that is not an RFC 3339 timestamp.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an RFC 3339 timestamp: {0:?}")]
pub struct TimestampError(String);

impl Timestamp {
    /// The current time in UTC.
    pub fn now() -> Self {
        Self(Utc::now().fixed_offset())
    }

    /// The instant, with the offset it was written with.
    pub fn as_datetime(&self) -> DateTime<FixedOffset> {
        self.0
    }

    /// The instant in UTC.
    pub fn to_utc(&self) -> DateTime<Utc> {
        self.0.with_timezone(&Utc)
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(value: DateTime<Utc>) -> Self {
        Self(value.fixed_offset())
    }
}

impl From<DateTime<FixedOffset>> for Timestamp {
    fn from(value: DateTime<FixedOffset>) -> Self {
        Self(value)
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DateTime::parse_from_rfc3339(s)
            // chrono's own parser also takes a space separator and a lower-case `t`/`z`.
            .or_else(|_| s.parse::<DateTime<FixedOffset>>())
            .map(Self)
            .map_err(|_| TimestampError(s.to_owned()))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // chrono has no 7-digit fraction specifier: write .NET's 100 ns ticks by hand.
        let ticks = self.0.timestamp_subsec_nanos() % 1_000_000_000 / 100;
        write!(
            f,
            "{}.{ticks:07}{}",
            self.0.format("%Y-%m-%dT%H:%M:%S"),
            self.0.format("%:z")
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        raw.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Timestamp {
        serde_json::from_value(serde_json::Value::String(s.into())).unwrap()
    }

    #[test]
    fn parses_every_shape_sent_emits() {
        let dotnet = parse("2026-03-11T21:50:50.1534402+00:00");
        assert_eq!(dotnet.to_utc().timestamp_subsec_nanos(), 153_440_200);
        let zulu = parse("2025-10-31T10:10:42Z");
        assert_eq!(zulu.to_utc().to_rfc3339(), "2025-10-31T10:10:42+00:00");
        let plus = parse("2025-10-31T10:10:42+00:00");
        assert_eq!(plus, zulu);
        let default = parse("0001-01-01T00:00:00+00:00");
        assert_eq!(default.to_utc().timestamp(), -62_135_596_800);
        let offset = parse("2026-07-10T10:15:02.441+02:00");
        assert_eq!(
            offset.to_utc().to_rfc3339(),
            "2026-07-10T08:15:02.441+00:00"
        );
        let six = parse("2026-03-11T21:50:50.114785+00:00");
        assert_eq!(six.to_utc().timestamp_subsec_micros(), 114_785);
    }

    #[test]
    fn rejects_non_timestamps() {
        assert!("yesterday".parse::<Timestamp>().is_err());
        assert!("2026-13-01T00:00:00Z".parse::<Timestamp>().is_err());
    }

    #[test]
    fn serializes_like_sent() {
        let ts = parse("2026-03-11T21:50:50.1534402+00:00");
        assert_eq!(
            serde_json::to_string(&ts).unwrap(),
            "\"2026-03-11T21:50:50.1534402+00:00\""
        );
        let default = parse("0001-01-01T00:00:00+00:00");
        assert_eq!(default.to_string(), "0001-01-01T00:00:00.0000000+00:00");
        assert_eq!(parse(&default.to_string()), default);
    }
}
