//! The sandbox's demo credentials: the only ones its providers accept. They are published
//! (README, tests, the order server's demo settings) and buy nothing anywhere: not secrets.
//!
//! Tests of other crates write these values out rather than import this crate, so a server
//! built for production never links the sandbox.

/// Huawei Cloud access key (AK) of the sandbox account, for AK/SK signed calls to SCM.
pub const HUAWEI_ACCESS_KEY: &str = "SANDBOXAKEXAMPLE0001";
/// The secret key (SK) that goes with [`HUAWEI_ACCESS_KEY`]: the HMAC-SHA256 key of every
/// signature the sandbox accepts.
pub const HUAWEI_SECRET_KEY: &str = "sandbox-secret-key-not-a-secret-00000000";
/// The sandbox account's domain ID, which signed calls must send (and sign) as `X-Domain-Id`.
pub const HUAWEI_DOMAIN_ID: &str = "0123456789abcdef0123456789abcdef";

/// IAM user of the sandbox account, for `POST /sandbox/iam/v3/auth/tokens` (token mode).
pub const HUAWEI_IAM_USER: &str = "sandbox-iam-user";
/// The IAM user's password.
pub const HUAWEI_IAM_PASSWORD: &str = "sandbox-iam-password-not-a-secret";
/// The account (domain) name the IAM user belongs to and the token is scoped to.
pub const HUAWEI_IAM_DOMAIN: &str = "sandbox-account";

/// GoGetSSL API user, for `POST /sandbox/gogetssl/auth/`.
pub const GOGETSSL_USER: &str = "sandbox-reseller";
/// GoGetSSL API password.
pub const GOGETSSL_PASSWORD: &str = "sandbox-password-not-a-secret";

/// cPanel account user, for `Authorization: cpanel USER:TOKEN`.
pub const CPANEL_USER: &str = "sandbox";
/// cPanel API token (32 upper-case letters and digits, as cPanel makes them).
pub const CPANEL_TOKEN: &str = "SANDBOXCPANELTOKEN00000000000001";

/// Whether `given` equals `expected`, taking the same time wherever they first differ, so a
/// caller cannot find a credential byte by byte from answer times.
pub(crate) fn same(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_shapes_hold() {
        assert_eq!(HUAWEI_SECRET_KEY.len(), 40);
        assert_eq!(HUAWEI_DOMAIN_ID.len(), 32);
        assert_eq!(CPANEL_TOKEN.len(), 32);
        assert!(CPANEL_TOKEN
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
    }

    #[test]
    fn same_compares_whole_values() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abd", b"abc"));
        assert!(!same(b"ab", b"abc"));
        assert!(!same(b"", b"abc"));
    }
}
