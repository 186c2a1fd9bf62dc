//! Property tests (issue #8, finding 1): over generated URLs, built from the pieces that fool
//! hand-made parsing (`user@` parts, backslashes, numeric and bracketed hosts, escapes), the base
//! URL verdict agrees with where the HTTP client would really connect: an accepted URL carries no
//! user info, its request URL goes to the very host and port the text denotes, and a plain-http
//! one goes to this computer. `SentClient::new` gives the same verdict, so no caller bypasses it.

use std::net::Ipv6Addr;

use proptest::prelude::*;
use reqwest::Url;
use sent_client::{check_base_url, ClientConfig, SentClient};
use url::Host;

/// Loopback as an independent oracle: 127.0.0.0/8, ::1, `localhost`.
fn oracle_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.octets()[0] == 127,
        Some(Host::Ipv6(ip)) => ip == Ipv6Addr::LOCALHOST,
        Some(Host::Domain(domain)) => domain == "localhost",
        None => false,
    }
}

fn piece(options: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(options)
}

const SCHEMES: &[&str] = &[
    "http://",
    "https://",
    "HTTP://",
    "hTtPs://",
    "ftp://",
    "http:/",
    "http:\\\\",
    "//",
    "",
    "http:",
];
const USERINFO: &[&str] = &[
    "",
    "",
    "",
    "127.0.0.1:1@",
    "localhost:x@",
    "[::1]@",
    "user@",
    "user:pw@",
    ":@",
    "@",
    "evil.example\\@",
    "a%40b@",
    "localhost@",
];
const HOSTS: &[&str] = &[
    "127.0.0.1",
    "127.1",
    "127.255.255.254",
    "0x7f.0.0.1",
    "2130706433",
    "localhost",
    "LocalHost",
    "localhost.",
    "[::1]",
    "[0:0:0:0:0:0:0:1]",
    "[::ffff:127.0.0.1]",
    "evil.example",
    "127.0.0.1.evil.example",
    "localhost.evil.example",
    "10.0.0.1",
    "0.0.0.0",
    "api.sent.dm",
    "",
    "%6c%6f%63%61%6c%68%6f%73%74",
    "192.0.2.7",
];
const PORTS: &[&str] = &[
    "", "", ":1", ":4010", ":65535", ":65536", ":x", ":", ":80", ":443",
];
const TAILS: &[&str] = &[
    "",
    "",
    "/",
    "//",
    "/api",
    "/v3",
    "/V3/",
    "?q=1",
    "#f",
    "\\@127.0.0.1",
    "@127.0.0.1",
    "@evil.example",
    "/@evil.example",
    "%2F@evil.example",
    " ",
    "\t@evil.example",
    "/..",
    "#@127.0.0.1",
    "?@localhost",
];

fn tricky_url() -> impl Strategy<Value = String> {
    (
        piece(SCHEMES),
        piece(USERINFO),
        piece(HOSTS),
        piece(PORTS),
        piece(TAILS),
        piece(TAILS),
    )
        .prop_map(|(scheme, user, host, port, tail, more)| {
            format!("{scheme}{user}{host}{port}{tail}{more}")
        })
}

fn noisy_url() -> impl Strategy<Value = String> {
    (piece(SCHEMES), "[a-z0-9.:@/\\\\\\[\\]%?#x]{0,32}")
        .prop_map(|(scheme, rest)| format!("{scheme}{rest}"))
}

fn check(input: &str) -> Result<(), TestCaseError> {
    let verdict = check_base_url(input);
    let client = SentClient::new(ClientConfig::new(input, "org-key".into()));
    match &verdict {
        Ok(base) => {
            let client = client.map_err(|e| TestCaseError::fail(format!("client refused: {e}")))?;
            prop_assert_eq!(client.base_url(), base.as_str());
            // What the client requests, parsed as reqwest parses it to connect.
            let request = Url::parse(&format!("{base}/v3/me")).unwrap();
            let typed = Url::parse(input.trim()).unwrap();
            prop_assert_eq!(request.scheme(), typed.scheme());
            prop_assert_eq!(request.host(), typed.host(), "the target moved");
            prop_assert_eq!(
                request.port_or_known_default(),
                typed.port_or_known_default()
            );
            prop_assert_eq!(request.username(), "");
            prop_assert_eq!(request.password(), None);
            prop_assert_eq!(typed.username(), "");
            prop_assert_eq!(typed.password(), None);
            prop_assert!(
                request.scheme() == "https" || oracle_loopback(&request),
                "plain http off this computer: {} -> {:?}",
                input,
                request.host()
            );
            prop_assert_eq!(
                request.path(),
                format!("{}/v3/me", typed.path().trim_end_matches('/'))
            );
        }
        Err(message) => {
            prop_assert!(
                client.is_err(),
                "SentClient accepted what the check refused"
            );
            prop_assert!(!message.is_empty());
        }
    }
    // And nothing sound is refused: an http(s) URL with a host, no user info, no query, fragment
    // or /v3, over https or to this computer, passes.
    if let Ok(typed) = Url::parse(input.trim()) {
        let sound = matches!(typed.scheme(), "http" | "https")
            && !input
                .trim()
                .chars()
                .any(|c| c.is_whitespace() || c.is_control())
            && typed.host().is_some()
            && typed.username().is_empty()
            && typed.password().is_none()
            && typed.query().is_none()
            && typed.fragment().is_none()
            && !typed
                .path_segments()
                .is_some_and(|mut s| s.any(|s| s.eq_ignore_ascii_case("v3")))
            && (typed.scheme() == "https" || oracle_loopback(&typed));
        prop_assert_eq!(verdict.is_ok(), sound, "{} -> {:?}", input, verdict);
    } else {
        prop_assert!(verdict.is_err(), "unparsable but accepted: {}", input);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn verdict_matches_where_the_client_connects(input in tricky_url()) {
        check(&input)?;
    }

    #[test]
    fn verdict_matches_where_the_client_connects_on_noise(input in noisy_url()) {
        check(&input)?;
    }
}

#[test]
fn the_reported_bypasses_are_refused() {
    for input in [
        "http://127.0.0.1:1@evil.example",
        "http://localhost:x@evil.example",
        "http://[::1]@evil.example",
        "http://localhost:1@192.0.2.7:4010",
    ] {
        check(input).unwrap();
        assert!(check_base_url(input).is_err(), "{input}");
    }
    for input in [
        "http://127.0.0.1:4010",
        "http://[::1]:1/",
        "https://api.sent.dm",
    ] {
        check(input).unwrap();
        assert!(check_base_url(input).is_ok(), "{input}");
    }
}
