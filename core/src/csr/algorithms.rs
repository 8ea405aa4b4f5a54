//! The public key and signature algorithm of a CSR, and which of them a CA will accept
//! (Baseline Requirements 6.1.5 and 7.1.3.2).
//!
//! These are data: the app names them in the person's language (`i18n::problems::csr`).

use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier, UintRef};
use der::{Reader, SliceReader, Tag, Tagged};

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const ED448: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.113");
const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");

/// The key the certificate will certify.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PublicKey {
    Rsa {
        bits: usize,
    },
    Ec(Curve),
    Ed25519,
    Ed448,
    /// An algorithm this reader does not know, by OID.
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Curve {
    P256,
    P384,
    P521,
    /// A named curve this reader does not know, by OID.
    Other(String),
    /// A curve given by its explicit parameters instead of a name.
    Explicit,
}

/// Which hash a signature uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Hash {
    Md5,
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    /// The name WebCrypto and people use.
    pub fn name(self) -> &'static str {
        match self {
            Hash::Md5 => "MD5",
            Hash::Sha1 => "SHA-1",
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
        }
    }

    /// MD5 and SHA-1 collisions are practical: CAs refuse requests signed with them.
    pub fn is_broken(self) -> bool {
        matches!(self, Hash::Md5 | Hash::Sha1)
    }
}

/// How the CSR is signed (by the key it carries, proving its holder has the private key).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SignatureAlgorithm {
    /// PKCS#1 v1.5 with the hash.
    Rsa(Hash),
    Ecdsa(Hash),
    Ed25519,
    Other(String),
}

impl SignatureAlgorithm {
    pub fn hash(&self) -> Option<Hash> {
        match self {
            SignatureAlgorithm::Rsa(hash) | SignatureAlgorithm::Ecdsa(hash) => Some(*hash),
            SignatureAlgorithm::Ed25519 | SignatureAlgorithm::Other(_) => None,
        }
    }
}

/// Reads `AlgorithmIdentifier` of the request's signature.
pub fn signature_algorithm(algorithm: AnyRef<'_>) -> der::Result<SignatureAlgorithm> {
    let oid: ObjectIdentifier = algorithm.sequence(|r| {
        let oid = r.decode()?;
        // Parameters (NULL for RSA, absent for ECDSA) carry nothing this check needs.
        while !r.is_finished() {
            let _: AnyRef = r.decode()?;
        }
        Ok(oid)
    })?;
    let arcs: Vec<u32> = oid.arcs().collect();
    use Hash::{Md5, Sha1, Sha256, Sha384, Sha512};
    Ok(match arcs.as_slice() {
        [1, 2, 840, 113549, 1, 1, 4] => SignatureAlgorithm::Rsa(Md5),
        [1, 2, 840, 113549, 1, 1, 5] => SignatureAlgorithm::Rsa(Sha1),
        [1, 2, 840, 113549, 1, 1, 11] => SignatureAlgorithm::Rsa(Sha256),
        [1, 2, 840, 113549, 1, 1, 12] => SignatureAlgorithm::Rsa(Sha384),
        [1, 2, 840, 113549, 1, 1, 13] => SignatureAlgorithm::Rsa(Sha512),
        [1, 2, 840, 10045, 4, 1] => SignatureAlgorithm::Ecdsa(Sha1),
        [1, 2, 840, 10045, 4, 3, 2] => SignatureAlgorithm::Ecdsa(Sha256),
        [1, 2, 840, 10045, 4, 3, 3] => SignatureAlgorithm::Ecdsa(Sha384),
        [1, 2, 840, 10045, 4, 3, 4] => SignatureAlgorithm::Ecdsa(Sha512),
        [1, 3, 101, 112] => SignatureAlgorithm::Ed25519,
        _ => SignatureAlgorithm::Other(oid.to_string()),
    })
}

/// Reads `SubjectPublicKeyInfo`: the algorithm and, for RSA, the modulus length.
pub fn public_key(spki: AnyRef<'_>) -> der::Result<PublicKey> {
    spki.sequence(|r| {
        let algorithm: AnyRef = r.decode()?;
        let key: BitStringRef = r.decode()?;
        let (oid, parameter) = algorithm.sequence(|a| {
            let oid: ObjectIdentifier = a.decode()?;
            let parameter: Option<AnyRef> = if a.is_finished() {
                None
            } else {
                Some(a.decode()?)
            };
            Ok((oid, parameter))
        })?;
        Ok(if oid == RSA_ENCRYPTION {
            PublicKey::Rsa {
                bits: rsa_modulus_bits(key.raw_bytes())?,
            }
        } else if oid == EC_PUBLIC_KEY {
            let curve = match parameter {
                Some(p) if p.tag() == Tag::ObjectIdentifier => {
                    let curve = ObjectIdentifier::from_bytes(p.value())?;
                    if curve == P256 {
                        Curve::P256
                    } else if curve == P384 {
                        Curve::P384
                    } else if curve == P521 {
                        Curve::P521
                    } else {
                        Curve::Other(curve.to_string())
                    }
                }
                _ => Curve::Explicit,
            };
            PublicKey::Ec(curve)
        } else if oid == ED25519 {
            PublicKey::Ed25519
        } else if oid == ED448 {
            PublicKey::Ed448
        } else {
            PublicKey::Other(oid.to_string())
        })
    })
}

/// `RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }`: the modulus's
/// length in bits, leading zero bits not counted.
fn rsa_modulus_bits(der: &[u8]) -> der::Result<usize> {
    let mut reader = SliceReader::new(der)?;
    let modulus = reader.sequence(|r| {
        let modulus: UintRef = r.decode()?;
        let _exponent: UintRef = r.decode()?;
        Ok(modulus)
    })?;
    let bytes = modulus.as_bytes();
    Ok(match bytes.first() {
        Some(first) => bytes.len() * 8 - first.leading_zeros() as usize,
        None => 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::Decode;

    #[test]
    fn an_ec_key_on_a_curve_given_by_parameters_reads_as_explicit() {
        // SubjectPublicKeyInfo { { ecPublicKey, SEQUENCE {} }, BIT STRING (empty) }.
        let spki = [
            0x30, 0x10, 0x30, 0x0b, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x30,
            0x00, 0x03, 0x01, 0x00,
        ];
        let any = AnyRef::from_der(&spki).expect("one DER value");
        assert_eq!(public_key(any), Ok(PublicKey::Ec(Curve::Explicit)));
    }
}
