//! URL building: base URL without a trailing slash (no `//v3`), path segments percent-encoded
//! outside RFC 3986 `pchar` (so `+` in E.164 numbers stays literal, like the SDK), query values
//! encoded like `encodeURIComponent`.

/// The base URL with trailing slashes removed; `Err` when it is not an absolute http(s) URL.
pub(crate) fn normalize_base(base: &str) -> Result<String, String> {
    let trimmed = base.trim().trim_end_matches('/');
    let parsed =
        reqwest::Url::parse(trimmed).map_err(|e| format!("invalid base URL {base:?}: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return Err(format!(
            "invalid base URL {base:?}: use http(s)://host[:port]"
        ));
    }
    Ok(trimmed.to_owned())
}

/// Encodes one path segment.
pub(crate) fn segment(value: &str) -> String {
    encode(value, |b| {
        b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b)
    })
}

/// Encodes one query key or value.
pub(crate) fn component(value: &str) -> String {
    encode(value, |b| {
        b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b)
    })
}

/// `?k=v&...` (empty when no pairs).
pub(crate) fn query(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", component(k), component(v)))
        .collect();
    format!("?{}", joined.join("&"))
}

fn encode(value: &str, keep: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if keep(byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(
            normalize_base("http://127.0.0.1:4010/").unwrap(),
            "http://127.0.0.1:4010"
        );
        assert_eq!(
            normalize_base("https://api.sent.dm//").unwrap(),
            "https://api.sent.dm"
        );
        assert!(normalize_base("api.sent.dm").is_err());
        assert!(normalize_base("ftp://x").is_err());
    }

    #[test]
    fn encoding() {
        assert_eq!(segment("+14155550123"), "+14155550123");
        assert_eq!(segment("a b/c"), "a%20b%2Fc");
        assert_eq!(component("a+b c&d"), "a%2Bb%20c%26d");
        assert_eq!(
            query(&[("page", "1".into()), ("search", "é".into())]),
            "?page=1&search=%C3%A9"
        );
        assert_eq!(query(&[]), "");
    }
}
