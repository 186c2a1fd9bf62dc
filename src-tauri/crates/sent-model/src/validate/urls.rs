//! URLs, read the way an HTTP client reads them: every decision about where a request would go
//! (the base URL, a callback URL) is taken on the host that the WHATWG parser of the `url` crate
//! finds, which is the very parser `reqwest` connects with. Never split a URL by hand: `user@`
//! parts, backslashes, tabs, percent-escapes and numeric hosts (`127.1`, `0x7f.1`) make hand-made
//! splitting see a different host than the one the connection goes to.

pub use url::{Host, Url};

/// Why a text is not a usable http(s) URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    /// Empty, relative, or not a URL at all (bad host, bad port, ...).
    Unparsable,
    /// A scheme other than `http` / `https`.
    NotHttp,
    /// No host (`http://`, `http://:80`).
    NoHost,
    /// A user name or password (`http://user:pass@host`): a URL that carries one reads as if it
    /// went to one place while the request goes to another, and the client would send them as an
    /// `Authorization` header.
    UserInfo,
    /// Spaces or control characters (the parser would silently drop tabs and line breaks).
    Whitespace,
}

/// Parses an absolute `http://` or `https://` URL with a host and no user info.
pub fn parse_http_url(value: &str) -> Result<Url, UrlProblem> {
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(UrlProblem::Whitespace);
    }
    let url = Url::parse(value).map_err(|_| UrlProblem::Unparsable)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(UrlProblem::NotHttp);
    }
    match url.host() {
        None => return Err(UrlProblem::NoHost),
        Some(Host::Domain("")) => return Err(UrlProblem::NoHost),
        Some(_) => {}
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlProblem::UserInfo);
    }
    Ok(url)
}

/// Whether the parsed host is this computer: `localhost`, `127.0.0.0/8` or `::1`.
pub fn is_loopback_host(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Whether a request to `value` stays on this computer: an http(s) URL without user info whose
/// parsed host is loopback.
pub fn is_loopback_url(value: &str) -> bool {
    parse_http_url(value).is_ok_and(|url| is_loopback_host(&url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_is_decided_on_the_parsed_host() {
        for ok in [
            "http://127.0.0.1:8080/cb",
            "http://127.1.2.3/",
            "http://127.1/",
            "http://0x7f.1/",
            "http://LOCALHOST/cb",
            "http://[::1]:9/x",
            "https://localhost",
        ] {
            assert!(is_loopback_url(ok), "{ok}");
        }
        for bad in [
            "http://127.0.0.1:1@evil.example",
            "http://localhost:x@evil.example",
            "http://[::1]@evil.example",
            "http://evil.example\\@127.0.0.1/",
            "http://evil.example#@127.0.0.1/",
            "http://evil.example?@127.0.0.1/",
            "http://user@127.0.0.1/",
            "http://:pw@127.0.0.1/",
            "http://127.0.0.1.evil.example/cb",
            "http://localhost.evil.example/",
            "http://evil.example/127.0.0.1",
            "http://127.0.0.1\t@evil.example",
            "ftp://127.0.0.1/",
            "//127.0.0.1/",
            "http://0.0.0.0/",
            "http://[::ffff:8.8.8.8]/",
        ] {
            assert!(!is_loopback_url(bad), "{bad}");
        }
    }

    #[test]
    fn problems() {
        assert_eq!(parse_http_url("x"), Err(UrlProblem::Unparsable));
        assert_eq!(parse_http_url("ftp://x"), Err(UrlProblem::NotHttp));
        assert_eq!(parse_http_url("http://"), Err(UrlProblem::Unparsable));
        assert_eq!(
            parse_http_url("http://a:b@x.example"),
            Err(UrlProblem::UserInfo)
        );
        assert_eq!(
            parse_http_url("http://x.example /"),
            Err(UrlProblem::Whitespace)
        );
        assert_eq!(
            parse_http_url("https://api.sent.dm").map(|u| u.host_str().map(str::to_owned)),
            Ok(Some("api.sent.dm".to_owned()))
        );
    }
}
