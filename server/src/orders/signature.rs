//! A CSR's own signature, checked on the server (the browser checks it with WebCrypto; the
//! server does not take the browser's word). `ring` is already in the server's tree through
//! rustls and jsonwebtoken.

use ring::signature::{self as sig, UnparsedPublicKey, VerificationAlgorithm};
use ssl_order_core::csr::{CheckedCsr, CsrError, Curve, Hash, PublicKey, SignatureAlgorithm};

/// Checks that the CSR was signed by the key it carries. What the core has already refused
/// (MD5, SHA-1, unknown algorithms) never gets here; a P-521 key, which `ring` cannot check,
/// is left to the CA, which checks every CSR it signs.
pub fn check(csr: &CheckedCsr) -> Result<(), CsrError> {
    let Some(algorithm) = algorithm_of(&csr.info.signature, &csr.info.key) else {
        return Ok(());
    };
    let spki = spki::SubjectPublicKeyInfoRef::try_from(csr.signed.spki.as_slice())
        .map_err(|_| CsrError::BadSignature)?;
    let key = spki
        .subject_public_key
        .as_bytes()
        .ok_or(CsrError::BadSignature)?;
    UnparsedPublicKey::new(algorithm, key)
        .verify(&csr.signed.tbs, &csr.signed.signature)
        .map_err(|_| CsrError::BadSignature)
}

/// `ring`'s verifier for this signature and key, if it has one.
fn algorithm_of(
    signature: &SignatureAlgorithm,
    key: &PublicKey,
) -> Option<&'static dyn VerificationAlgorithm> {
    match (signature, key) {
        (SignatureAlgorithm::Rsa(hash), PublicKey::Rsa { .. }) => match hash {
            Hash::Sha256 => Some(&sig::RSA_PKCS1_2048_8192_SHA256),
            Hash::Sha384 => Some(&sig::RSA_PKCS1_2048_8192_SHA384),
            Hash::Sha512 => Some(&sig::RSA_PKCS1_2048_8192_SHA512),
            Hash::Md5 | Hash::Sha1 => None,
        },
        (SignatureAlgorithm::Ecdsa(hash), PublicKey::Ec(curve)) => match (curve, hash) {
            (Curve::P256, Hash::Sha256) => Some(&sig::ECDSA_P256_SHA256_ASN1),
            (Curve::P256, Hash::Sha384) => Some(&sig::ECDSA_P256_SHA384_ASN1),
            (Curve::P384, Hash::Sha256) => Some(&sig::ECDSA_P384_SHA256_ASN1),
            (Curve::P384, Hash::Sha384) => Some(&sig::ECDSA_P384_SHA384_ASN1),
            (Curve::P256 | Curve::P384, Hash::Md5 | Hash::Sha1 | Hash::Sha512)
            | (Curve::P521 | Curve::Other(_) | Curve::Explicit, _) => None,
        },
        (SignatureAlgorithm::Ed25519, PublicKey::Ed25519) => Some(&sig::ED25519),
        (
            SignatureAlgorithm::Rsa(_)
            | SignatureAlgorithm::Ecdsa(_)
            | SignatureAlgorithm::Ed25519
            | SignatureAlgorithm::Other(_),
            PublicKey::Rsa { .. }
            | PublicKey::Ec(_)
            | PublicKey::Ed25519
            | PublicKey::Ed448
            | PublicKey::Other(_),
        ) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ssl_order_core::csr;

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn checked(pem: &str) -> CheckedCsr {
        csr::check(pem, 64 * 1024).expect("a CSR the core accepts")
    }

    #[test]
    fn the_fixtures_signatures_hold() {
        for name in [
            "www.example.com.csr",
            "shop.example.org.csr",
            "rsa4096-full-subject.csr",
            "wildcard.example.com.csr",
        ] {
            assert_eq!(check(&checked(&fixture(name))), Ok(()), "{name}");
        }
    }

    #[test]
    fn a_changed_request_no_longer_matches_its_signature() {
        let mut csr = checked(&fixture("www.example.com.csr"));
        // Flip one bit of what was signed, as a forged name would.
        let last = csr.signed.tbs.len() - 1;
        csr.signed.tbs[last] ^= 1;
        assert_eq!(check(&csr), Err(CsrError::BadSignature));
        let mut csr = checked(&fixture("www.example.com.csr"));
        csr.signed.signature[10] ^= 0x40;
        assert_eq!(check(&csr), Err(CsrError::BadSignature));
    }
}
