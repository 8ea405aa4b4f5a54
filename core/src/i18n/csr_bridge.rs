//! TRANSITIONAL, to delete once `order::validate` no longer needs it: that module (another
//! part of the move to errors as data) still turns a CSR refusal into its message with
//! `FieldErrors::collect`, which asks for `Display`. Once the order model carries the
//! `CsrError` itself, this file goes. The app's words are
//! `i18n::problems::csr::csr_error_words`; an app test checks that these match them.

use super::t;
use crate::csr::{CsrError, Curve, PublicKey, SignatureAlgorithm};
use std::fmt;

impl fmt::Display for CsrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &t().csr;
        let key = |key: &PublicKey| match key {
            PublicKey::Rsa { bits } => (t.key_rsa)(*bits),
            PublicKey::Ec(Curve::P256) => "ECDSA P-256".to_string(),
            PublicKey::Ec(Curve::P384) => "ECDSA P-384".to_string(),
            PublicKey::Ec(Curve::P521) => "ECDSA P-521".to_string(),
            PublicKey::Ec(Curve::Other(oid)) => format!("ECDSA {}", (t.curve_other)(oid)),
            PublicKey::Ec(Curve::Explicit) => {
                format!("ECDSA {}", (t.curve_other)(t.curve_explicit_parameters))
            }
            PublicKey::Ed25519 => "Ed25519".to_string(),
            PublicKey::Ed448 => "Ed448".to_string(),
            PublicKey::Other(oid) => (t.key_unknown)(oid),
        };
        let signature = |algorithm: &SignatureAlgorithm| match algorithm {
            SignatureAlgorithm::Rsa(hash) => (t.signature_rsa)(hash.name()),
            SignatureAlgorithm::Ecdsa(hash) => (t.signature_ecdsa)(hash.name()),
            SignatureAlgorithm::Ed25519 => "Ed25519".to_string(),
            SignatureAlgorithm::Other(oid) => (t.signature_unknown)(oid),
        };
        let words = match self {
            CsrError::Empty => t.error_empty.to_string(),
            CsrError::PrivateKey => t.error_private_key.to_string(),
            CsrError::Certificate => t.error_certificate.to_string(),
            CsrError::NotPem => t.error_not_pem.to_string(),
            CsrError::WrongLabel(label) => (t.error_wrong_label)(label),
            CsrError::Truncated => t.error_truncated.to_string(),
            CsrError::Base64 => t.error_base64.to_string(),
            CsrError::Der => t.error_der.to_string(),
            CsrError::TooLong { len, max } => (t.error_too_long)(*len, *max),
            CsrError::NoCommonName => t.error_no_common_name.to_string(),
            CsrError::WeakRsa(bits) => (t.error_weak_rsa)(*bits),
            CsrError::OddRsa(bits) => (t.error_odd_rsa)(*bits),
            CsrError::UnsupportedKey(k) => (t.error_unsupported_key)(&key(k)),
            CsrError::BrokenHash(hash) => (t.error_broken_hash)(hash.name()),
            CsrError::UnsupportedSignature(s) => (t.error_unsupported_signature)(&signature(s)),
            CsrError::SignatureKeyMismatch => t.error_signature_key_mismatch.to_string(),
            CsrError::Mismatch { wanted, found } => (t.error_mismatch)(wanted, &found.join(", ")),
            CsrError::BadSignature => t.error_bad_signature.to_string(),
            CsrError::NotWildcard(common_name) => (t.error_not_wildcard)(common_name),
        };
        f.write_str(&words)
    }
}
