//! The Host check: the server answers only requests addressed to the name it is really bound
//! to, `/v3` and the control API alike.
//!
//! A web page can make a browser send requests to `127.0.0.1:PORT` through DNS rebinding: its
//! own name (`evil.example`) is made to resolve to 127.0.0.1, and the browser then treats the
//! sandbox as same-origin with the page. The `Host` header still says `evil.example:PORT`, so
//! answering only `127.0.0.1:PORT` / `localhost:PORT` (and `[::1]:PORT` when bound there)
//! closes that door. Anything else gets 421 `MISDIRECTED_REQUEST` in Sent's error envelope.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::uri::Authority;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use crate::app::App;
use crate::dispatch::answer;
use crate::envelope::ApiError;

/// The `Host` values a sandbox bound to one address accepts.
#[derive(Debug, Clone)]
pub struct AllowedHosts {
    ip: IpAddr,
    port: u16,
}

impl AllowedHosts {
    /// For a server bound to `bound`.
    pub fn for_bound(bound: SocketAddr) -> Self {
        Self {
            ip: bound.ip(),
            port: bound.port(),
        }
    }

    /// Whether a `Host` header value (or HTTP/2 `:authority`) names this server.
    ///
    /// - bound to a loopback address: that address literally, or `localhost`;
    /// - bound to every interface (`0.0.0.0`, `[::]`): `localhost` or any IP literal (a DNS
    ///   rebinding attack needs a name, so literals are safe, and other machines on the
    ///   network can still reach a sandbox that was started this way on purpose);
    /// - bound to one other address: that address literally.
    ///
    /// The port must be the bound port (no port means 80). User info is refused.
    pub fn allows(&self, host: &str) -> bool {
        if host.contains('@') {
            return false;
        }
        let Ok(authority) = host.parse::<Authority>() else {
            return false;
        };
        if authority.port_u16().unwrap_or(80) != self.port {
            return false;
        }
        let name = authority.host();
        let literal = name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .unwrap_or(name)
            .parse::<IpAddr>()
            .ok();
        // An IPv6 literal must be bracketed in a Host header.
        if literal.is_some_and(|ip| ip.is_ipv6()) && !name.starts_with('[') {
            return false;
        }
        let localhost = name.eq_ignore_ascii_case("localhost");
        if self.ip.is_unspecified() {
            localhost || literal.is_some()
        } else if self.ip.is_loopback() {
            localhost || literal == Some(self.ip)
        } else {
            literal == Some(self.ip)
        }
    }
}

/// Middleware: 421 unless the request's `Host` (or, for HTTP/2, the URI authority) is allowed.
pub async fn host_only(
    State((app, allowed)): State<(Arc<App>, Arc<AllowedHosts>)>,
    req: Request,
    next: Next,
) -> Response {
    let host = match req.headers().get(header::HOST) {
        Some(v) => v.to_str().ok().map(str::to_string),
        None => req.uri().authority().map(|a| a.as_str().to_string()),
    };
    if host.as_deref().is_some_and(|h| allowed.allows(h)) {
        return next.run(req).await;
    }
    answer(
        &app,
        Err(ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "MISDIRECTED_REQUEST",
            format!(
                "This sandbox only answers requests addressed to {} (Host header: {})",
                allowed.example(),
                host.as_deref().unwrap_or("missing")
            ),
        )),
    )
}

impl AllowedHosts {
    fn example(&self) -> String {
        match self.ip {
            ip if ip.is_unspecified() => format!("localhost:{} or an IP address", self.port),
            IpAddr::V4(ip) if ip.is_loopback() => {
                format!("{ip}:{port} or localhost:{port}", port = self.port)
            }
            IpAddr::V6(ip) if ip.is_loopback() => {
                format!("[{ip}]:{port} or localhost:{port}", port = self.port)
            }
            ip => SocketAddr::new(ip, self.port).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(addr: &str) -> AllowedHosts {
        AllowedHosts::for_bound(addr.parse().unwrap())
    }

    #[test]
    fn loopback_v4_accepts_its_address_and_localhost_only() {
        let a = at("127.0.0.1:8080");
        for ok in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080"] {
            assert!(a.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:8080",
            "127.0.0.1:8081",
            "127.0.0.1",
            "localhost",
            "127.0.0.2:8080",
            "[::1]:8080",
            "localhost.:8080",
            "user@127.0.0.1:8080",
            "127.0.0.1:8080@evil.example",
            "localhost.evil.example:8080",
            "",
            "127.0.0.1:8080/x",
        ] {
            assert!(!a.allows(bad), "{bad}");
        }
    }

    #[test]
    fn loopback_v6_accepts_bracketed_literal_and_localhost() {
        let a = at("[::1]:9000");
        assert!(a.allows("[::1]:9000"));
        assert!(a.allows("localhost:9000"));
        assert!(!a.allows("127.0.0.1:9000"));
        assert!(!a.allows("::1:9000"));
    }

    #[test]
    fn port_80_may_be_omitted() {
        let a = at("127.0.0.1:80");
        assert!(a.allows("localhost"));
        assert!(a.allows("127.0.0.1:80"));
    }

    #[test]
    fn unspecified_accepts_literals_and_localhost_but_no_other_name() {
        let a = at("0.0.0.0:7000");
        assert!(a.allows("192.168.1.20:7000"));
        assert!(a.allows("localhost:7000"));
        assert!(a.allows("[::1]:7000"));
        assert!(!a.allows("evil.example:7000"));
        assert!(!a.allows("192.168.1.20:7001"));
    }
}
