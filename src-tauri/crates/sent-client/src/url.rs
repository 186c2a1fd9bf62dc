//! URL building: base URL without a trailing slash (no `//v3`), path segments percent-encoded
//! outside RFC 3986 `pchar` (so `+` in E.164 numbers stays literal, like the SDK), query values
//! encoded like `encodeURIComponent`.

use sent_model::validate::urls::{is_loopback_host, parse_http_url, UrlProblem};

/// Checks a base URL and returns it normalised (as the HTTP client will read it, trailing slashes
/// removed), or a sentence for the person who typed it.
///
/// The rules: an absolute `https://` URL, or plain `http://` only to this computer (`localhost`,
/// `127.0.0.0/8`, `[::1]`: a key must never cross a network unencrypted); no user name or password
/// (`http://127.0.0.1:1@evil.example` goes to `evil.example`, and its user info would be sent as an
/// `Authorization` header); no query, fragment or `/v3`. Decided on the URL as parsed by the same
/// parser the HTTP client connects with, never by splitting the text.
pub fn check_base_url(base: &str) -> Result<String, &'static str> {
    let trimmed = base.trim();
    if trimmed.is_empty() {
        return Err("Enter the server's base URL.");
    }
    let url = parse_http_url(trimmed).map_err(|problem| match problem {
        UrlProblem::Whitespace => "Enter only the base URL, without spaces, query or fragment.",
        UrlProblem::NotHttp => {
            "The URL must start with https:// (or http:// for a server on this computer)."
        }
        UrlProblem::NoHost => "The URL has no host name.",
        UrlProblem::UserInfo => {
            "Remove the user name or password (the part before @) from the URL: Sent signs in with the API key only, and a URL with a user name can point somewhere other than it seems."
        }
        UrlProblem::Unparsable => {
            if has_http_scheme(trimmed) {
                "This is not a valid web address: check the host name and the port."
            } else {
                "The URL must start with https:// (or http:// for a server on this computer)."
            }
        }
    })?;
    if url.scheme() == "http" && !is_loopback_host(&url) {
        return Err("Use https:// for a server on another computer: plain http would send the key unencrypted.");
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("Enter only the base URL, without spaces, query or fragment.");
    }
    if url
        .path_segments()
        .is_some_and(|mut segments| segments.any(|s| s.eq_ignore_ascii_case("v3")))
    {
        return Err("Enter the base URL without /v3 (e.g. https://api.sent.dm).");
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// The base URL with trailing slashes removed; `Err` (a sentence, never echoing the URL, which may
/// hold a password) when [`check_base_url`] refuses it.
pub(crate) fn normalize_base(base: &str) -> Result<String, String> {
    check_base_url(base).map_err(|reason| format!("The base URL cannot be used. {reason}"))
}

fn has_http_scheme(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Encodes one path segment: the id `name` (`profile_id`, `campaign_id`, ...). An id that is empty,
/// blank, `.` or `..` is refused before any request: encoded it would still name another resource
/// (`DELETE /v3/profiles/{pid}/campaigns/..` is `DELETE /v3/profiles/{pid}`).
pub(crate) fn segment(name: &str, value: &str) -> Result<String, crate::ClientError> {
    if value.trim().is_empty() || value == "." || value == ".." {
        let mut fields = sent_model::FieldErrors::new();
        fields.add(name, "This id is empty or not an id; nothing was sent.");
        return Err(crate::ClientError::Invalid { fields });
    }
    Ok(encode(value, |b| {
        b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b)
    }))
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
        assert_eq!(segment("id", "+14155550123").unwrap(), "+14155550123");
        assert_eq!(segment("id", "a b/c").unwrap(), "a%20b%2Fc");
        assert_eq!(segment("id", "a..b").unwrap(), "a..b");
        for bad in ["", " ", ".", ".."] {
            match segment("campaign_id", bad) {
                Err(crate::ClientError::Invalid { fields }) => {
                    assert!(fields.contains("campaign_id"))
                }
                other => panic!("{bad:?}: {other:?}"),
            }
        }
        assert_eq!(component("a+b c&d"), "a%2Bb%20c%26d");
        assert_eq!(
            query(&[("page", "1".into()), ("search", "é".into())]),
            "?page=1&search=%C3%A9"
        );
        assert_eq!(query(&[]), "");
    }
}
