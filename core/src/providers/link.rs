//! Which addresses from a provider's answer may become a link the person clicks: an
//! answer is not trusted to name a safe place (`javascript:` or `data:` would run in the
//! form's own origin, `http:` can be tampered with on the way).

/// Whether `url` may be shown as a link: `https:` with a host, or `http:` to this machine
/// (`localhost`, `127.0.0.0/8`, `[::1]`), which is where the sandbox runs. Anything
/// unusual (credentials before the host, backslashes, spaces or control characters,
/// which browsers read in surprising ways) is refused rather than interpreted.
pub fn safe_link(url: &str) -> bool {
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return false;
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return false;
    }
    let Some(host) = host_of(authority) else {
        return false;
    };
    if scheme.eq_ignore_ascii_case("https") {
        return true;
    }
    scheme.eq_ignore_ascii_case("http") && is_loopback(host)
}

/// The host of `host[:port]` or `[v6][:port]`; None if empty or the port is not a number.
fn host_of(authority: &str) -> Option<&str> {
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']')? + 1;
        let port = authority[end..].strip_prefix(':');
        if port.is_none() && end != authority.len() {
            return None;
        }
        (&authority[..end], port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    (!host.is_empty() && port_ok).then_some(host)
}

fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") || host == "[::1]" {
        return true;
    }
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts[0] == "127"
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.parse::<u8>().is_ok())
}

/// A checkout address from an answer, kept only if safe, and whether one was dropped.
pub(crate) fn checkout(url: Option<String>) -> (Option<String>, bool) {
    match url {
        Some(url) if safe_link(&url) => (Some(url), false),
        Some(_) => (None, true),
        None => (None, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_links_are_shown() {
        for url in [
            "https://pay.example/1",
            "HTTPS://store.cpanel.net/checkout?order=7#top",
            "https://pay.example:8443/x",
            "https://[2001:db8::1]/pay",
        ] {
            assert!(safe_link(url), "{url}");
        }
    }

    #[test]
    fn plain_http_is_shown_only_to_this_machine() {
        for url in [
            "http://127.0.0.1:8080/sandbox/checkout/1",
            "http://127.1.2.3/x",
            "http://localhost:3000/x",
            "http://[::1]:8080/x",
        ] {
            assert!(safe_link(url), "{url}");
        }
        for url in [
            "http://evil.example/pay",
            "http://128.0.0.1/x",
            "http://127.0.0.1.evil.example/x",
            "http://localhost.evil.example/x",
            "http://127.0.0.1@evil.example/x",
            "http://[::2]/x",
        ] {
            assert!(!safe_link(url), "{url}");
        }
    }

    #[test]
    fn scripts_data_and_odd_addresses_are_refused() {
        for url in [
            "javascript:alert(document.cookie)",
            "JavaScript://%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "//pay.example/1",
            "/checkout/1",
            "https://",
            "https:///path",
            "https://user:pw@pay.example/",
            "https://pay.example\\@evil.example/",
            "java\tscript:alert(1)",
            " https://pay.example/",
            "https://pay.example:port/",
            "",
        ] {
            assert!(!safe_link(url), "{url:?}");
        }
    }

    #[test]
    fn an_unsafe_checkout_is_dropped_and_said_so() {
        assert_eq!(
            checkout(Some("https://pay.example/1".into())),
            (Some("https://pay.example/1".into()), false)
        );
        assert_eq!(checkout(Some("javascript:alert(1)".into())), (None, true));
        assert_eq!(checkout(None), (None, false));
    }
}
