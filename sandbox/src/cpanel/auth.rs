//! Who may call UAPI: a cPanel session (`/cpsess<10 digits>/execute/...`, the session
//! token in the path is the credential) or `Authorization: cpanel USER:TOKEN` / `Basic ...`
//! on `/execute/...`. An API token passes only as the sandbox's user and token (see
//! [`crate::credentials`]); any session and any well-formed Basic credential pass. cPanel
//! refuses the rest with a 401 HTML page, not JSON, which callers must cope with.

use axum::http::header::AUTHORIZATION;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use base64ct::{Base64, Encoding};

use super::html;
use crate::credentials::{same, CPANEL_TOKEN, CPANEL_USER};

/// `cpsess` followed by ten digits, as cPanel's session tokens are.
pub fn is_session(segment: &str) -> bool {
    segment
        .strip_prefix("cpsess")
        .is_some_and(|digits| digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// `cpanel USER:TOKEN` with the sandbox's user and API token, or `Basic base64(USER:PASSWORD)`
/// with both parts non-empty.
pub fn is_authorized(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let Some((scheme, credentials)) = value.trim().split_once(' ') else {
        return false;
    };
    let credentials = credentials.trim();
    if scheme.eq_ignore_ascii_case("cpanel") {
        is_sandbox_token(credentials)
    } else if scheme.eq_ignore_ascii_case("basic") {
        Base64::decode_vec(credentials)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .is_some_and(|decoded| is_user_and_secret(&decoded))
    } else {
        false
    }
}

fn is_sandbox_token(credentials: &str) -> bool {
    credentials.split_once(':').is_some_and(|(user, token)| {
        same(user.as_bytes(), CPANEL_USER.as_bytes())
            & same(token.as_bytes(), CPANEL_TOKEN.as_bytes())
    })
}

fn is_user_and_secret(text: &str) -> bool {
    text.split_once(':').is_some_and(|(user, secret)| {
        !user.is_empty() && !secret.is_empty() && !text.contains(char::is_whitespace)
    })
}

pub fn unauthorized() -> Response {
    html::page(
        StatusCode::UNAUTHORIZED,
        "401 Access denied",
        "<p>UAPI calls need a cPanel session (/cpsess0123456789/execute/...) or an \
         Authorization header (cpanel USER:TOKEN with the sandbox's user and API token, or \
         Basic) on /execute/....</p>\n",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn sessions_are_cpsess_and_ten_digits() {
        assert!(is_session("cpsess0123456789"));
        assert!(!is_session("cpsess012345678"));
        assert!(!is_session("cpsess01234567890"));
        assert!(!is_session("cpsess012345678a"));
        assert!(!is_session("execute"));
    }

    #[test]
    fn the_sandbox_api_token_and_basic_credentials_pass() {
        assert!(is_authorized(&with(&format!(
            "cpanel {CPANEL_USER}:{CPANEL_TOKEN}"
        ))));
        assert!(is_authorized(&with(&format!(
            "CPANEL {CPANEL_USER}:{CPANEL_TOKEN}"
        ))));
        let basic = format!("Basic {}", Base64::encode_string(b"alice:secret"));
        assert!(is_authorized(&with(&basic)));
    }

    #[test]
    fn malformed_credentials_are_refused() {
        assert!(!is_authorized(&HeaderMap::new()));
        for value in [
            "cpanel alice:U7HMR63FHY282DQZ4H5BIH16JLYSO01M",
            &format!("cpanel alice:{CPANEL_TOKEN}"),
            &format!("cpanel {CPANEL_USER}:U7HMR63FHY282DQZ4H5BIH16JLYSO01M"),
            &format!("cpanel {CPANEL_USER}:{}", CPANEL_TOKEN.to_lowercase()),
            "cpanel alice",
            "cpanel :token",
            "cpanel alice:",
            "Bearer abc",
            "whm root:token",
            "Basic !!!",
        ] {
            assert!(!is_authorized(&with(value)), "{value}");
        }
        let no_password = format!("Basic {}", Base64::encode_string(b"alice"));
        assert!(!is_authorized(&with(&no_password)));
    }
}
