//! Reading a pasted certificate signing request (PKCS#10 in PEM) and checking it fits the order.

mod algorithms;
pub mod build;
mod verify;

pub use algorithms::{Curve, Hash, PublicKey, SignatureAlgorithm};
pub use verify::{ecdsa_raw, verification, Verification};

use base64ct::{Base64, Encoding};
use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier, OctetStringRef};
use der::{Class, Encode, Reader, SliceReader, Tag, TagNumber, Tagged};

const OID_COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
const OID_COUNTRY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.6");
const OID_LOCALITY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.7");
const OID_STATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.8");
const OID_ORGANISATION: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
const OID_UNIT: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.11");
const OID_EMAIL: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.1");
const OID_EXTENSION_REQUEST: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.14");
const OID_SUBJECT_ALT_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.17");

/// Huawei SCM's limit on the `csr` field, in characters.
pub const HUAWEI_MAX_LEN: usize = 5120;

/// The subject's attributes a person recognises (the first of each kind).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    pub organisation: Option<String>,
    pub unit: Option<String>,
    pub locality: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
    pub email: Option<String>,
}

/// What a CSR asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsrInfo {
    pub common_name: Option<String>,
    /// The DNS names of its subjectAltName extension, in order.
    pub dns_names: Vec<String>,
    pub subject: Subject,
    pub key: PublicKey,
    pub signature: SignatureAlgorithm,
}

/// The bytes a CSR's signature covers, for checking it with the browser's WebCrypto.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedParts {
    /// `CertificationRequestInfo`, as signed.
    pub tbs: Vec<u8>,
    /// `SubjectPublicKeyInfo`, as WebCrypto's `importKey("spki")` takes it.
    pub spki: Vec<u8>,
    /// The signature value: PKCS#1 v1.5 bytes, or a DER `ECDSA-Sig-Value`.
    pub signature: Vec<u8>,
}

/// A CSR that parsed and passed every check, with the PEM text to send (line endings
/// normalised) and anything worth a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCsr {
    pub pem: String,
    pub info: CsrInfo,
    pub signed: SignedParts,
    /// Acceptable but worth saying, such as a P-521 key some browsers' root programs refuse.
    pub warnings: Vec<CsrWarning>,
}

/// Something a CSR does that CAs accept but a person should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsrWarning {
    /// A key on curve P-521: allowed by the Baseline Requirements, refused by some root
    /// programs (Mozilla's), so by some CAs.
    CurveP521,
}

/// A difference between the CSR's names and the order's that does not stop the order
/// (see [`match_order`]); the names are in ASCII form, as the CSR or the order has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsrNote {
    /// Names of the order the CSR does not list.
    NotInCsr(Vec<String>),
    /// Names the CSR lists that the order does not include.
    ExtraInCsr(Vec<String>),
}

/// Why a pasted CSR cannot be used, with what it found; the app puts it into words under
/// the CSR field (`i18n::problems::csr::csr_error_words`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CsrError {
    Empty,
    PrivateKey,
    Certificate,
    NotPem,
    /// A PEM block with another label: the label.
    WrongLabel(String),
    Truncated,
    Base64,
    Der,
    /// Longer than the provider takes, in characters.
    TooLong {
        len: usize,
        max: usize,
    },
    NoCommonName,
    /// An RSA key under 2048 bits: its size.
    WeakRsa(usize),
    /// An RSA key whose size is not a multiple of 8: its size.
    OddRsa(usize),
    /// A key CAs refuse.
    UnsupportedKey(PublicKey),
    /// Signed with a hash whose collisions are practical (MD5, SHA-1).
    BrokenHash(Hash),
    /// Signed with an algorithm CAs refuse.
    UnsupportedSignature(SignatureAlgorithm),
    SignatureKeyMismatch,
    /// The CSR does not name `wanted`; `found` is every name it holds, the Common Name first.
    Mismatch {
        wanted: String,
        found: Vec<String>,
    },
    BadSignature,
    /// A wildcard product, but the CSR's Common Name is this.
    NotWildcard(String),
}

/// Whether `text` holds a PEM private key of any kind (PKCS#8, `RSA`, `EC`, `DSA`,
/// `ENCRYPTED`, `OPENSSH`...): an armour line `-----BEGIN <label>-----` or `-----END
/// <label>-----` whose label names a private key. The one test the CSR field, the CSR check
/// and the draft store share, so a key refused in one place is refused in all.
pub fn holds_private_key(text: &str) -> bool {
    // Case and spacing inside the label are ignored: a retyped key is still a key.
    let text = text.to_ascii_uppercase();
    ["-----BEGIN ", "-----END "].iter().any(|start| {
        text.match_indices(start).any(|(at, _)| {
            let rest = &text[at + start.len()..];
            // The label runs to the closing dashes, on the same line.
            let label = rest
                .split(['\n', '\r'])
                .next()
                .and_then(|line| line.split_once("-----"))
                .map_or("", |(label, _)| label);
            let words: Vec<&str> = label.split_whitespace().collect();
            words.windows(2).any(|pair| pair == ["PRIVATE", "KEY"])
        })
    })
}

/// Reads a pasted CSR: PEM armour, base64, then the DER structure.
///
/// Tolerates CRLF line endings, extra blank space and a missing final newline.
pub fn check(text: &str, max_len: usize) -> Result<CheckedCsr, CsrError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CsrError::Empty);
    }
    // A private key is refused wherever it appears, before anything else is looked at.
    if holds_private_key(text) {
        return Err(CsrError::PrivateKey);
    }
    let (label, body) = armour(text)?;
    if label.ends_with("CERTIFICATE") {
        return Err(CsrError::Certificate);
    }
    if label != "CERTIFICATE REQUEST" && label != "NEW CERTIFICATE REQUEST" {
        return Err(CsrError::WrongLabel(label.to_string()));
    }
    let compact: String = body.split_whitespace().collect();
    // Checked before decoding, so a huge paste is refused at once and for what it is.
    let pem = normalised_pem(label, &compact);
    if pem.len() > max_len {
        return Err(CsrError::TooLong {
            len: pem.len(),
            max: max_len,
        });
    }
    let der = Base64::decode_vec(&compact).map_err(|_| CsrError::Base64)?;
    let request = read_request(&der).map_err(|_| CsrError::Der)?;
    let (common_name, subject) = read_subject(request.subject).map_err(|_| CsrError::Der)?;
    let info = CsrInfo {
        common_name,
        dns_names: match request.attributes {
            Some(attributes) => san_dns_names(attributes).map_err(|_| CsrError::Der)?,
            None => Vec::new(),
        },
        subject,
        key: algorithms::public_key(request.public_key).map_err(|_| CsrError::Der)?,
        signature: algorithms::signature_algorithm(request.algorithm).map_err(|_| CsrError::Der)?,
    };
    let warnings = check_algorithms(&info)?;
    if info.common_name.is_none() {
        return Err(CsrError::NoCommonName);
    }
    let signed = SignedParts {
        tbs: request.tbs,
        spki: request.public_key.to_der().map_err(|_| CsrError::Der)?,
        signature: request.signature.to_vec(),
    };
    Ok(CheckedCsr {
        pem,
        info,
        signed,
        warnings,
    })
}

/// Refuses keys and signatures a CA would refuse; returns warnings for those it may not.
fn check_algorithms(info: &CsrInfo) -> Result<Vec<CsrWarning>, CsrError> {
    let mut warnings = Vec::new();
    match &info.key {
        PublicKey::Rsa { bits } if *bits < 2048 => return Err(CsrError::WeakRsa(*bits)),
        PublicKey::Rsa { bits } if !bits.is_multiple_of(8) => return Err(CsrError::OddRsa(*bits)),
        PublicKey::Rsa { .. } | PublicKey::Ec(Curve::P256 | Curve::P384) => {}
        PublicKey::Ec(Curve::P521) => warnings.push(CsrWarning::CurveP521),
        PublicKey::Ec(Curve::Other(_) | Curve::Explicit)
        | PublicKey::Ed25519
        | PublicKey::Ed448
        | PublicKey::Other(_) => return Err(CsrError::UnsupportedKey(info.key.clone())),
    }
    match &info.signature {
        SignatureAlgorithm::Rsa(hash) | SignatureAlgorithm::Ecdsa(hash) if hash.is_broken() => {
            return Err(CsrError::BrokenHash(*hash))
        }
        SignatureAlgorithm::Rsa(_) if matches!(info.key, PublicKey::Rsa { .. }) => {}
        SignatureAlgorithm::Ecdsa(_) if matches!(info.key, PublicKey::Ec(_)) => {}
        SignatureAlgorithm::Rsa(_) | SignatureAlgorithm::Ecdsa(_) => {
            return Err(CsrError::SignatureKeyMismatch)
        }
        SignatureAlgorithm::Ed25519 | SignatureAlgorithm::Other(_) => {
            return Err(CsrError::UnsupportedSignature(info.signature.clone()))
        }
    }
    Ok(warnings)
}

/// Checks that the CSR names `domain`, as its Common Name or among its subjectAltNames.
pub fn check_names(info: &CsrInfo, domain: &str) -> Result<(), CsrError> {
    let covered = info
        .common_name
        .iter()
        .chain(info.dns_names.iter())
        .any(|name| name.eq_ignore_ascii_case(domain));
    if covered {
        Ok(())
    } else {
        let mut found: Vec<String> = info.common_name.iter().cloned().collect();
        found.extend(info.dns_names.iter().cloned());
        found.dedup();
        Err(CsrError::Mismatch {
            wanted: domain.to_string(),
            found,
        })
    }
}

/// Compares the CSR with the order's names (ASCII form, the primary first): the primary must
/// be its Common Name or one of its subjectAltNames, and a wildcard certificate needs a `*.`
/// Common Name. Other differences are returned as notes, name by name: the providers take
/// the names from the order, but a person should know what the CSR says.
pub fn match_order(
    info: &CsrInfo,
    names: &[String],
    wildcard_product: bool,
) -> Result<Vec<CsrNote>, CsrError> {
    let Some(primary) = names.first() else {
        return Ok(Vec::new());
    };
    let common_name = info.common_name.as_deref().unwrap_or_default();
    if wildcard_product && !common_name.starts_with("*.") {
        return Err(CsrError::NotWildcard(common_name.to_string()));
    }
    check_names(info, primary)?;
    let in_csr: Vec<String> = info
        .common_name
        .iter()
        .chain(info.dns_names.iter())
        .map(|n| n.to_ascii_lowercase())
        .collect();
    let mut notes = Vec::new();
    let missing: Vec<String> = names
        .iter()
        .filter(|n| !in_csr.iter().any(|c| c.eq_ignore_ascii_case(n)))
        .cloned()
        .collect();
    if !missing.is_empty() {
        notes.push(CsrNote::NotInCsr(missing));
    }
    let mut extra: Vec<String> = in_csr
        .iter()
        .filter(|c| !names.iter().any(|n| n.eq_ignore_ascii_case(c)))
        .cloned()
        .collect();
    extra.dedup();
    if !extra.is_empty() {
        notes.push(CsrNote::ExtraInCsr(extra));
    }
    Ok(notes)
}

/// Splits `-----BEGIN X-----body-----END X-----` into the label and the body.
fn armour(text: &str) -> Result<(&str, &str), CsrError> {
    const BEGIN: &str = "-----BEGIN ";
    const DASHES: &str = "-----";
    let start = text.find(BEGIN).ok_or(CsrError::NotPem)?;
    let after_begin = &text[start + BEGIN.len()..];
    let label_end = after_begin.find(DASHES).ok_or(CsrError::NotPem)?;
    let label = &after_begin[..label_end];
    let rest = &after_begin[label_end + DASHES.len()..];
    let end_line = format!("-----END {label}-----");
    let body_end = rest
        .find(&end_line)
        .ok_or(if label.contains("CERTIFICATE REQUEST") {
            CsrError::Truncated
        } else {
            CsrError::NotPem
        })?;
    Ok((label, &rest[..body_end]))
}

fn normalised_pem(label: &str, base64: &str) -> String {
    let mut pem = format!("-----BEGIN {label}-----\n");
    let bytes = base64.as_bytes();
    for line in bytes.chunks(64) {
        // Base64 text is ASCII, so every chunk is valid UTF-8.
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str(&format!("-----END {label}-----\n"));
    pem
}

/// The parts of a PKCS#10 `CertificationRequest` (RFC 2986 §4) the order needs. The DER is
/// read with the `der` crate; only the structure is walked here, which keeps the app far
/// smaller than decoding every X.509 type would.
struct Request<'a> {
    /// `CertificationRequestInfo` as encoded: what the signature covers.
    tbs: Vec<u8>,
    /// `Name`: SEQUENCE OF RelativeDistinguishedName.
    subject: AnyRef<'a>,
    /// `SubjectPublicKeyInfo`.
    public_key: AnyRef<'a>,
    /// `[0] IMPLICIT SET OF Attribute`.
    attributes: Option<AnyRef<'a>>,
    /// The signature's `AlgorithmIdentifier`.
    algorithm: AnyRef<'a>,
    signature: &'a [u8],
}

fn read_request(der: &[u8]) -> der::Result<Request<'_>> {
    let mut reader = SliceReader::new(der)?;
    let request = reader.sequence(|request| {
        let info: AnyRef = request.decode()?;
        info.tag().assert_eq(Tag::Sequence)?;
        let tbs = info.to_der()?;
        let (subject, public_key, attributes) = info.sequence(|info| {
            let _version: u8 = info.decode()?;
            let subject: AnyRef = info.decode()?;
            subject.tag().assert_eq(Tag::Sequence)?;
            let public_key: AnyRef = info.decode()?;
            public_key.tag().assert_eq(Tag::Sequence)?;
            let attributes = if info.is_finished() {
                None
            } else {
                let attributes: AnyRef = info.decode()?;
                attributes.tag().assert_eq(Tag::ContextSpecific {
                    constructed: true,
                    number: TagNumber::N0,
                })?;
                Some(attributes)
            };
            Ok((subject, public_key, attributes))
        })?;
        let algorithm: AnyRef = request.decode()?;
        algorithm.tag().assert_eq(Tag::Sequence)?;
        let signature: BitStringRef = request.decode()?;
        Ok(Request {
            tbs,
            subject,
            public_key,
            attributes,
            algorithm,
            signature: signature.raw_bytes(),
        })
    })?;
    reader.finish(request)
}

/// Calls `f` on each element of a SEQUENCE OF or SET OF (or any constructed value).
fn for_each<'a>(
    any: AnyRef<'a>,
    mut f: impl FnMut(AnyRef<'a>) -> der::Result<()>,
) -> der::Result<()> {
    let mut reader = SliceReader::new(any.value())?;
    while !reader.is_finished() {
        f(reader.decode()?)?;
    }
    Ok(())
}

/// Reads `SEQUENCE { type OBJECT IDENTIFIER, value ANY }`, the shape of both an
/// AttributeTypeAndValue and an Attribute.
fn type_and_value(any: AnyRef<'_>) -> der::Result<(ObjectIdentifier, AnyRef<'_>)> {
    any.sequence(|r| Ok((r.decode()?, r.decode()?)))
}

/// The Common Name and the other attributes of the subject (the first of each).
fn read_subject(subject: AnyRef<'_>) -> der::Result<(Option<String>, Subject)> {
    let mut common_name = None;
    let mut found = Subject::default();
    for_each(subject, |rdn| {
        for_each(rdn, |atv| {
            let (oid, value) = type_and_value(atv)?;
            let slot = match oid {
                OID_COMMON_NAME => &mut common_name,
                OID_ORGANISATION => &mut found.organisation,
                OID_UNIT => &mut found.unit,
                OID_LOCALITY => &mut found.locality,
                OID_STATE => &mut found.state,
                OID_COUNTRY => &mut found.country,
                OID_EMAIL => &mut found.email,
                _ => return Ok(()),
            };
            if slot.is_none() {
                *slot = directory_string(value.tag(), value.value());
            }
            Ok(())
        })
    })?;
    Ok((common_name, found))
}

fn directory_string(tag: Tag, bytes: &[u8]) -> Option<String> {
    match tag {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String | Tag::TeletexString => {
            std::str::from_utf8(bytes).ok().map(str::to_string)
        }
        _ => None,
    }
}

/// The dNSName entries of a subjectAltName in the extensionRequest attribute.
fn san_dns_names(attributes: AnyRef<'_>) -> der::Result<Vec<String>> {
    let mut names = Vec::new();
    for_each(attributes, |attribute| {
        let (oid, values) = type_and_value(attribute)?;
        if oid != OID_EXTENSION_REQUEST {
            return Ok(());
        }
        // values: SET OF Extensions; Extensions: SEQUENCE OF Extension.
        for_each(values, |extensions| {
            for_each(extensions, |extension| {
                let (id, value) = extension.sequence(|r| {
                    let id: ObjectIdentifier = r.decode()?;
                    if r.peek_tag()? == Tag::Boolean {
                        let _critical: bool = r.decode()?;
                    }
                    let value: OctetStringRef = r.decode()?;
                    Ok((id, value))
                })?;
                if id == OID_SUBJECT_ALT_NAME {
                    let general_names: AnyRef = der::Decode::from_der(value.as_bytes())?;
                    for_each(general_names, |name| {
                        // dNSName is [2] IMPLICIT IA5String.
                        let tag = name.tag();
                        if tag.class() == Class::ContextSpecific
                            && tag.number() == TagNumber::N2
                            && !tag.is_constructed()
                        {
                            if let Ok(dns) = std::str::from_utf8(name.value()) {
                                names.push(dns.to_string());
                            }
                        }
                        Ok(())
                    })?;
                }
                Ok(())
            })
        })
    })?;
    Ok(names)
}

/// The openssl-made CSRs under `tests/fixtures/csr/`, for the tests of every module.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::{check, CheckedCsr, CsrError, HUAWEI_MAX_LEN};

    pub fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!(
            "{}/../tests/fixtures/csr/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture")
    }

    pub fn read(name: &str) -> Result<CheckedCsr, CsrError> {
        check(&fixture(name), HUAWEI_MAX_LEN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSA_SAN: &str = include_str!("../../../tests/fixtures/csr/rsa2048-san.csr");
    const P256: &str = include_str!("../../../tests/fixtures/csr/p256-no-san.csr");
    const NO_CN: &str = include_str!("../../../tests/fixtures/csr/rsa2048-no-cn.csr");
    const CERT: &str = include_str!("../../../tests/fixtures/csr/certificate.pem");

    use super::fixtures::{fixture, read};

    #[test]
    fn each_accepted_key_and_signature_is_read_as_what_openssl_made() {
        for (file, key, signature) in [
            (
                "rsa2048-san.csr",
                PublicKey::Rsa { bits: 2048 },
                SignatureAlgorithm::Rsa(Hash::Sha256),
            ),
            (
                "rsa4096-full-subject.csr",
                PublicKey::Rsa { bits: 4096 },
                SignatureAlgorithm::Rsa(Hash::Sha384),
            ),
            (
                "p256-no-san.csr",
                PublicKey::Ec(Curve::P256),
                SignatureAlgorithm::Ecdsa(Hash::Sha256),
            ),
            (
                "p384.csr",
                PublicKey::Ec(Curve::P384),
                SignatureAlgorithm::Ecdsa(Hash::Sha384),
            ),
            (
                "p521.csr",
                PublicKey::Ec(Curve::P521),
                SignatureAlgorithm::Ecdsa(Hash::Sha512),
            ),
            (
                "wildcard.csr",
                PublicKey::Ec(Curve::P256),
                SignatureAlgorithm::Ecdsa(Hash::Sha256),
            ),
            (
                "idn.csr",
                PublicKey::Rsa { bits: 2048 },
                SignatureAlgorithm::Rsa(Hash::Sha256),
            ),
        ] {
            let csr = read(file).unwrap_or_else(|e| panic!("{file}: {e:?}"));
            assert_eq!(csr.info.key, key, "{file}");
            assert_eq!(csr.info.signature, signature, "{file}");
        }
    }

    #[test]
    fn every_subject_attribute_a_person_recognises_is_shown() {
        let csr = read("rsa4096-full-subject.csr").expect("valid");
        assert_eq!(csr.info.common_name.as_deref(), Some("www.example.com"));
        assert_eq!(
            csr.info.subject,
            Subject {
                organisation: Some("Example Ltd".into()),
                unit: Some("IT".into()),
                locality: Some("London".into()),
                state: Some("Greater London".into()),
                country: Some("GB".into()),
                email: Some("it@example.com".into()),
            }
        );
        assert_eq!(csr.info.dns_names, ["www.example.com", "example.com"]);
    }

    #[test]
    fn a_wildcard_and_an_idn_csr_keep_their_names_as_written() {
        let wildcard = read("wildcard.csr").expect("valid");
        assert_eq!(wildcard.info.common_name.as_deref(), Some("*.example.com"));
        let idn = read("idn.csr").expect("valid");
        assert_eq!(
            idn.info.common_name.as_deref(),
            Some("xn--bcher-kva.example.com")
        );
        assert_eq!(idn.info.dns_names[1], "www.xn--bcher-kva.example.com");
    }

    #[test]
    fn a_p521_key_is_accepted_with_a_warning() {
        let csr = read("p521.csr").expect("accepted");
        assert_eq!(csr.warnings, [CsrWarning::CurveP521]);
        assert!(read("p256-no-san.csr").expect("valid").warnings.is_empty());
    }

    #[test]
    fn an_rsa_key_under_2048_bits_is_refused() {
        assert_eq!(read("rsa1024.csr"), Err(CsrError::WeakRsa(1024)));
    }

    #[test]
    fn a_sha1_signature_is_refused() {
        assert_eq!(
            read("rsa2048-sha1.csr"),
            Err(CsrError::BrokenHash(Hash::Sha1))
        );
    }

    #[test]
    fn an_md5_signature_is_refused() {
        assert_eq!(
            read("rsa2048-md5.csr"),
            Err(CsrError::BrokenHash(Hash::Md5))
        );
    }

    #[test]
    fn an_rsa_key_whose_size_is_not_a_multiple_of_8_is_refused() {
        assert_eq!(read("rsa2050.csr"), Err(CsrError::OddRsa(2050)));
    }

    #[test]
    fn curves_other_than_p256_p384_and_p521_are_refused() {
        assert_eq!(
            read("secp256k1.csr"),
            Err(CsrError::UnsupportedKey(PublicKey::Ec(Curve::Other(
                "1.3.132.0.10".into()
            ))))
        );
    }

    #[test]
    fn an_ed25519_key_is_refused() {
        assert_eq!(
            read("ed25519.csr"),
            Err(CsrError::UnsupportedKey(PublicKey::Ed25519))
        );
    }

    #[test]
    fn the_signed_parts_are_the_request_info_the_key_and_the_signature() {
        let csr = read("p256-no-san.csr").expect("valid");
        let der = Base64::decode_vec(
            &fixture("p256-no-san.csr")
                .lines()
                .filter(|l| !l.starts_with("-----"))
                .collect::<String>(),
        )
        .expect("base64");
        // The whole request is SEQUENCE { info, algorithm, signature }: info comes first,
        // right after the outer header, and the signature ends it.
        let info_at = der
            .windows(csr.signed.tbs.len())
            .position(|w| w == csr.signed.tbs);
        assert!(matches!(info_at, Some(2..=4)));
        assert!(der.ends_with(&csr.signed.signature));
        assert_eq!(csr.signed.spki[0], 0x30);
        assert!(csr
            .signed
            .tbs
            .windows(csr.signed.spki.len())
            .any(|w| w == csr.signed.spki));
    }

    #[test]
    fn a_tampered_signature_still_reads_so_the_browser_can_say_it_does_not_verify() {
        let tampered = read("tampered-signature.csr").expect("parses");
        let good = read("rsa2048-san.csr").expect("valid");
        assert_eq!(tampered.signed.tbs, good.signed.tbs);
        assert_ne!(tampered.signed.signature, good.signed.signature);
    }

    #[test]
    fn a_csr_with_subject_alt_names_is_read() {
        let csr = check(RSA_SAN, HUAWEI_MAX_LEN).expect("valid CSR");
        assert_eq!(csr.info.common_name.as_deref(), Some("shop.example.com"));
        assert_eq!(
            csr.info.dns_names,
            vec!["shop.example.com", "www.shop.example.com"]
        );
    }

    #[test]
    fn an_ec_csr_without_sans_is_read() {
        let csr = check(P256, HUAWEI_MAX_LEN).expect("valid CSR");
        assert_eq!(csr.info.common_name.as_deref(), Some("api.example.org"));
        assert!(csr.info.dns_names.is_empty());
    }

    #[test]
    fn crlf_line_endings_and_surrounding_space_are_tolerated() {
        let messy = format!("\n\n  {}  ", RSA_SAN.replace('\n', "\r\n").trim_end());
        let csr = check(&messy, HUAWEI_MAX_LEN).expect("valid CSR");
        assert_eq!(csr.pem, RSA_SAN, "normalised back to the openssl form");
    }

    #[test]
    fn the_new_certificate_request_label_is_accepted() {
        let old_style = RSA_SAN.replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
        assert!(check(&old_style, HUAWEI_MAX_LEN).is_ok());
    }

    #[test]
    fn an_empty_paste_is_refused() {
        assert_eq!(check("  \n ", HUAWEI_MAX_LEN), Err(CsrError::Empty));
    }

    #[test]
    fn a_private_key_is_refused() {
        let key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----\n";
        assert_eq!(check(key, HUAWEI_MAX_LEN), Err(CsrError::PrivateKey));
        let rsa = key.replace("PRIVATE KEY", "RSA PRIVATE KEY");
        assert_eq!(check(&rsa, HUAWEI_MAX_LEN), Err(CsrError::PrivateKey));
    }

    #[test]
    fn every_kind_of_pem_private_key_is_recognised() {
        for label in [
            "PRIVATE KEY",
            "RSA PRIVATE KEY",
            "EC PRIVATE KEY",
            "DSA PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY",
            "OPENSSH PRIVATE KEY",
        ] {
            let key = format!("-----BEGIN {label}-----\nAAAA\n-----END {label}-----\n");
            assert!(holds_private_key(&key), "{label}");
            assert_eq!(check(&key, HUAWEI_MAX_LEN), Err(CsrError::PrivateKey));
            // Half a paste still gives the key away.
            let tail = format!("AAAA\r\n-----END {label}-----");
            assert!(holds_private_key(&tail), "{label} end line");
        }
        assert!(holds_private_key("-----begin ec  private key-----\nAAAA"));
    }

    #[test]
    fn a_csr_or_a_mention_of_a_key_is_not_a_private_key() {
        assert!(!holds_private_key(RSA_SAN));
        assert!(!holds_private_key(CERT));
        assert!(!holds_private_key(
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"
        ));
        assert!(!holds_private_key("keep your PRIVATE KEY safe"));
        assert!(!holds_private_key(""));
    }

    #[test]
    fn a_csr_pasted_together_with_its_key_is_refused_as_a_key() {
        let both =
            format!("{RSA_SAN}-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assert_eq!(check(&both, HUAWEI_MAX_LEN), Err(CsrError::PrivateKey));
    }

    #[test]
    fn a_certificate_is_refused() {
        assert_eq!(check(CERT, HUAWEI_MAX_LEN), Err(CsrError::Certificate));
    }

    #[test]
    fn text_that_is_not_pem_is_refused() {
        assert_eq!(check("hello world", HUAWEI_MAX_LEN), Err(CsrError::NotPem));
    }

    #[test]
    fn a_csr_without_its_end_line_is_reported_as_cut_off() {
        let cut = &RSA_SAN[..RSA_SAN.len() / 2];
        assert_eq!(check(cut, HUAWEI_MAX_LEN), Err(CsrError::Truncated));
    }

    #[test]
    fn damaged_base64_is_refused() {
        let damaged = RSA_SAN.replacen("MIIC", "M!IC", 1);
        assert_eq!(check(&damaged, HUAWEI_MAX_LEN), Err(CsrError::Base64));
    }

    #[test]
    fn base64_that_is_not_a_csr_structure_is_refused() {
        let fake = "-----BEGIN CERTIFICATE REQUEST-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE REQUEST-----";
        assert!(matches!(check(fake, HUAWEI_MAX_LEN), Err(CsrError::Der)));
    }

    #[test]
    fn bytes_after_the_csr_structure_are_refused() {
        let body: String = RSA_SAN
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect();
        let mut der = Base64::decode_vec(&body).expect("fixture is base64");
        der.extend_from_slice(&[0x05, 0x00]);
        let padded = normalised_pem("CERTIFICATE REQUEST", &Base64::encode_string(&der));
        assert!(matches!(check(&padded, HUAWEI_MAX_LEN), Err(CsrError::Der)));
    }

    #[test]
    fn a_csr_longer_than_the_provider_allows_is_refused() {
        assert_eq!(
            check(RSA_SAN, 500),
            Err(CsrError::TooLong {
                len: RSA_SAN.len(),
                max: 500
            })
        );
    }

    #[test]
    fn a_csr_without_a_common_name_is_refused() {
        assert_eq!(check(NO_CN, HUAWEI_MAX_LEN), Err(CsrError::NoCommonName));
    }

    #[test]
    fn names_match_by_common_name_or_subject_alt_name_ignoring_case() {
        let info = check(RSA_SAN, HUAWEI_MAX_LEN).expect("valid").info;
        assert!(check_names(&info, "shop.example.com").is_ok());
        assert!(check_names(&info, "WWW.shop.example.com").is_ok());
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn a_wildcard_certificate_needs_a_wildcard_common_name() {
        let exact = check(RSA_SAN, HUAWEI_MAX_LEN).expect("valid").info;
        assert_eq!(
            match_order(&exact, &names(&["shop.example.com"]), true),
            Err(CsrError::NotWildcard("shop.example.com".into()))
        );
        let wildcard = read("wildcard.csr").expect("valid").info;
        assert_eq!(
            match_order(&wildcard, &names(&["*.example.com"]), true),
            Ok(vec![CsrNote::ExtraInCsr(names(&["example.com"]))])
        );
    }

    #[test]
    fn names_that_differ_are_listed_one_by_one_both_ways() {
        let info = check(RSA_SAN, HUAWEI_MAX_LEN).expect("valid").info;
        let notes = match_order(
            &info,
            &names(&["shop.example.com", "api.example.com", "cdn.example.com"]),
            false,
        )
        .expect("the primary matches");
        assert_eq!(
            notes,
            [
                CsrNote::NotInCsr(names(&["api.example.com", "cdn.example.com"])),
                CsrNote::ExtraInCsr(names(&["www.shop.example.com"])),
            ]
        );
    }

    #[test]
    fn a_csr_that_lists_exactly_the_order_has_no_notes() {
        let info = check(RSA_SAN, HUAWEI_MAX_LEN).expect("valid").info;
        let order = names(&["shop.example.com", "www.shop.example.com"]);
        assert_eq!(match_order(&info, &order, false), Ok(vec![]));
    }

    #[test]
    fn a_name_missing_from_the_csr_is_reported_with_what_it_holds() {
        let info = check(P256, HUAWEI_MAX_LEN).expect("valid").info;
        assert_eq!(
            check_names(&info, "www.example.org"),
            Err(CsrError::Mismatch {
                wanted: "www.example.org".into(),
                found: names(&["api.example.org"])
            })
        );
    }
}
