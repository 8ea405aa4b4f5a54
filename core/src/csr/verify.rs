//! What the browser's WebCrypto needs to check a CSR's own signature: the algorithm in its
//! terms and the signature in the form it takes. The check itself runs at the edge
//! (`ui::signature`), so no cryptography is compiled into the app.

use super::{CheckedCsr, Curve, Hash, PublicKey, SignatureAlgorithm};
use der::asn1::UintRef;
use der::{Reader, SliceReader};

/// The WebCrypto parameters and bytes of one signature check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// `RSASSA-PKCS1-v1_5` or `ECDSA`.
    pub algorithm: &'static str,
    /// `SHA-256`, `SHA-384` or `SHA-512`.
    pub hash: &'static str,
    /// For ECDSA: `P-256`, `P-384` or `P-521`.
    pub curve: Option<&'static str>,
    pub spki: Vec<u8>,
    /// As WebCrypto takes it: PKCS#1 v1.5 bytes, or ECDSA's r and s side by side.
    pub signature: Vec<u8>,
    pub signed_data: Vec<u8>,
}

/// The check to run for an accepted CSR; `None` if its signature cannot be put to WebCrypto
/// (which [`super::check`] has already refused).
pub fn verification(csr: &CheckedCsr) -> Option<Verification> {
    let hash = match csr.info.signature.hash()? {
        hash @ (Hash::Sha256 | Hash::Sha384 | Hash::Sha512) => hash.name(),
        Hash::Md5 | Hash::Sha1 => return None,
    };
    let (algorithm, curve, signature) = match (&csr.info.signature, &csr.info.key) {
        (SignatureAlgorithm::Rsa(_), PublicKey::Rsa { .. }) => {
            ("RSASSA-PKCS1-v1_5", None, csr.signed.signature.clone())
        }
        (SignatureAlgorithm::Ecdsa(_), PublicKey::Ec(curve)) => {
            let (name, size) = match curve {
                Curve::P256 => ("P-256", 32),
                Curve::P384 => ("P-384", 48),
                Curve::P521 => ("P-521", 66),
                Curve::Other(_) | Curve::Explicit => return None,
            };
            let raw = ecdsa_raw(&csr.signed.signature, size)?;
            ("ECDSA", Some(name), raw)
        }
        _ => return None,
    };
    Some(Verification {
        algorithm,
        hash,
        curve,
        spki: csr.signed.spki.clone(),
        signature,
        signed_data: csr.signed.tbs.clone(),
    })
}

/// `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` to r and s as fixed-size
/// big-endian halves (IEEE P1363), the form WebCrypto verifies.
pub fn ecdsa_raw(der: &[u8], size: usize) -> Option<Vec<u8>> {
    let mut reader = SliceReader::new(der).ok()?;
    let (r, s) = reader
        .sequence(|seq| {
            let r: UintRef = seq.decode()?;
            let s: UintRef = seq.decode()?;
            Ok((r, s))
        })
        .ok()?;
    let mut raw = vec![0u8; size * 2];
    for (half, value) in [r.as_bytes(), s.as_bytes()].into_iter().enumerate() {
        if value.len() > size {
            return None;
        }
        let end = (half + 1) * size;
        raw[end - value.len()..end].copy_from_slice(value);
    }
    Some(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> CheckedCsr {
        crate::csr::fixtures::read(name).expect("valid")
    }

    #[test]
    fn an_rsa_csr_is_checked_as_pkcs1_v1_5_with_its_hash() {
        let check = verification(&fixture("rsa4096-full-subject.csr")).expect("checkable");
        assert_eq!(check.algorithm, "RSASSA-PKCS1-v1_5");
        assert_eq!(check.hash, "SHA-384");
        assert_eq!(check.curve, None);
        assert_eq!(check.signature.len(), 512);
    }

    #[test]
    fn an_ecdsa_signature_is_given_as_r_and_s_of_the_curves_size() {
        for (file, curve, size) in [
            ("p256-no-san.csr", "P-256", 32),
            ("p384.csr", "P-384", 48),
            ("p521.csr", "P-521", 66),
        ] {
            let check = verification(&fixture(file)).expect("checkable");
            assert_eq!(check.algorithm, "ECDSA");
            assert_eq!(check.curve, Some(curve));
            assert_eq!(check.signature.len(), size * 2, "{file}");
        }
    }

    #[test]
    fn short_integers_are_padded_on_the_left_and_a_sign_byte_dropped() {
        // r = 0x00ff.. (sign byte, 32 bytes of value), s = 0x01 (one byte).
        let mut der = vec![0x30, 0x26, 0x02, 0x21, 0x00];
        der.extend([0xff; 32]);
        der.extend([0x02, 0x01, 0x01]);
        let raw = ecdsa_raw(&der, 32).expect("reads");
        assert_eq!(&raw[..32], &[0xff; 32]);
        assert_eq!(&raw[32..63], &[0u8; 31]);
        assert_eq!(raw[63], 1);
    }

    #[test]
    fn an_integer_longer_than_the_curve_is_refused() {
        let mut der = vec![0x30, 0x25, 0x02, 0x21, 0x01];
        der.extend([0xff; 32]);
        der.extend([0x02, 0x00]);
        assert_eq!(ecdsa_raw(&der, 32), None);
    }

    #[test]
    fn the_hash_is_named_as_webcrypto_names_it() {
        for (file, hash) in [
            ("rsa2048-san.csr", "SHA-256"),
            ("p384.csr", "SHA-384"),
            ("p521.csr", "SHA-512"),
        ] {
            assert_eq!(verification(&fixture(file)).expect("checkable").hash, hash);
        }
    }
}
