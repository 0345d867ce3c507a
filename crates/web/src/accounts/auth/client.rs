//! The client's address, for login throttling and the audit log.
//!
//! Only the peer address of the connection counts: a forwarded-for header is written by
//! the client and would let anyone dodge the per-address throttle. Behind a reverse proxy
//! every request therefore comes from the proxy's address (the per-account limit still
//! holds). Requests that did not come through a listener (tests) are `unknown`.

use axum::extract::ConnectInfo;
use axum::http::Extensions;
use std::net::SocketAddr;

/// The peer's IP address, or `unknown`.
pub(crate) fn client_address(extensions: &Extensions) -> String {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "unknown".to_string(), |info| info.0.ip().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_peer_address_without_its_port_or_unknown() {
        let mut extensions = Extensions::new();
        assert_eq!(client_address(&extensions), "unknown");
        let peer: SocketAddr = "203.0.113.7:51234".parse().unwrap();
        extensions.insert(ConnectInfo(peer));
        assert_eq!(client_address(&extensions), "203.0.113.7");
    }
}
