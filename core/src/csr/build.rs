//! Building a PKCS#10 certification request (RFC 2986) from the order's names.
//!
//! Pure: the key pair and the signature come from outside (the browser's WebCrypto in the
//! app, the `openssl` command in the tests). [`request_info`] encodes what is signed,
//! [`assemble`] wraps it with the signature, [`pem`] armours the result.

use base64ct::{Base64, Encoding};
use der::asn1::{AnyRef, ObjectIdentifier};
use der::{Decode, Encode, Header, Tag, TagNumber, Tagged};

const OID_COUNTRY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.6");
const OID_STATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.8");
const OID_LOCALITY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.7");
const OID_ORGANISATION: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
const OID_COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
const OID_EXTENSION_REQUEST: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.14");
const OID_SUBJECT_ALT_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.17");
const OID_SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const OID_ECDSA_WITH_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const OID_ECDSA_WITH_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");

/// The PEM label of a certification request.
pub const CSR_LABEL: &str = "CERTIFICATE REQUEST";
/// The PEM label of a PKCS#8 private key.
pub const PRIVATE_KEY_LABEL: &str = "PRIVATE KEY";

/// Who the certificate is for. Blank optional parts are left out of the subject.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    /// The primary name.
    pub common_name: String,
    pub organisation: Option<String>,
    pub locality: Option<String>,
    pub state: Option<String>,
    /// An ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
}

/// A key type the browser can make, with the signature algorithm used for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum KeyKind {
    Rsa2048,
    Rsa3072,
    Rsa4096,
    /// ECDSA on P-256 with SHA-256: small, fast, and accepted everywhere.
    #[default]
    P256,
    /// ECDSA on P-384 with SHA-384.
    P384,
}

impl KeyKind {
    pub const ALL: [KeyKind; 5] = [
        KeyKind::P256,
        KeyKind::P384,
        KeyKind::Rsa2048,
        KeyKind::Rsa3072,
        KeyKind::Rsa4096,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            KeyKind::Rsa2048 => "rsa-2048",
            KeyKind::Rsa3072 => "rsa-3072",
            KeyKind::Rsa4096 => "rsa-4096",
            KeyKind::P256 => "p-256",
            KeyKind::P384 => "p-384",
        }
    }

    pub fn from_slug(slug: &str) -> Option<KeyKind> {
        KeyKind::ALL.into_iter().find(|kind| kind.slug() == slug)
    }

    /// The WebCrypto algorithm name, for making the key and for signing.
    pub fn webcrypto_name(self) -> &'static str {
        match self {
            KeyKind::P256 | KeyKind::P384 => "ECDSA",
            KeyKind::Rsa2048 | KeyKind::Rsa3072 | KeyKind::Rsa4096 => "RSASSA-PKCS1-v1_5",
        }
    }

    /// The RSA modulus length in bits, `None` for an EC key.
    pub fn modulus_bits(self) -> Option<u32> {
        match self {
            KeyKind::Rsa2048 => Some(2048),
            KeyKind::Rsa3072 => Some(3072),
            KeyKind::Rsa4096 => Some(4096),
            KeyKind::P256 | KeyKind::P384 => None,
        }
    }

    /// The WebCrypto `namedCurve`, `None` for an RSA key.
    pub fn named_curve(self) -> Option<&'static str> {
        match self {
            KeyKind::P256 => Some("P-256"),
            KeyKind::P384 => Some("P-384"),
            KeyKind::Rsa2048 | KeyKind::Rsa3072 | KeyKind::Rsa4096 => None,
        }
    }

    /// The WebCrypto name of the hash the signature uses.
    pub fn hash(self) -> &'static str {
        match self {
            KeyKind::P384 => "SHA-384",
            KeyKind::P256 | KeyKind::Rsa2048 | KeyKind::Rsa3072 | KeyKind::Rsa4096 => "SHA-256",
        }
    }

    /// The length of the signature WebCrypto gives: the modulus for RSA, r‖s for ECDSA.
    fn signature_len(self) -> usize {
        match self {
            KeyKind::P256 => 64,
            KeyKind::P384 => 96,
            KeyKind::Rsa2048 => 256,
            KeyKind::Rsa3072 => 384,
            KeyKind::Rsa4096 => 512,
        }
    }
}

/// A part of the subject with an upper bound on its length (RFC 5280, Appendix A).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectPart {
    /// The Common Name, which is the primary domain name.
    CommonName,
    State,
    Locality,
    Organisation,
}

/// Why a CSR could not be built, with what was wrong; the app puts it into words on the CSR
/// step (`i18n::problems::csr::build_error_words`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    NoCommonName,
    /// A part of the subject longer than a certificate holds, in characters.
    TooLong {
        part: SubjectPart,
        len: usize,
        max: usize,
    },
    /// Not a two-letter code: what was given.
    Country(String),
    /// A name not in ASCII form.
    DnsName(String),
    PublicKey,
    /// The browser's signature for a key of `kind` has the wrong length, in bytes.
    SignatureLength {
        kind: KeyKind,
        len: usize,
        expected: usize,
    },
    /// An ECDSA signature (r‖s) that cannot be split into two halves, in bytes.
    EcdsaSignatureLength {
        len: usize,
        expected: usize,
    },
    /// Only a part longer than DER can say (over 256 MB) gets here.
    Encoding,
}

// `der`'s error is not kept: its wording says nothing a person could act on, and printing
// it would pull `der`'s messages into the wasm.
impl From<der::Error> for BuildError {
    fn from(_: der::Error) -> BuildError {
        BuildError::Encoding
    }
}

/// Encodes the `CertificationRequestInfo`: the DER that is signed.
///
/// `dns_names` become the subjectAltName's dNSName entries, in order and without repeats;
/// `spki_der` is a DER `SubjectPublicKeyInfo` (what WebCrypto exports as "spki") and is
/// inserted as it is.
pub fn request_info(
    subject: &Subject,
    dns_names: &[String],
    spki_der: &[u8],
) -> Result<Vec<u8>, BuildError> {
    // INTEGER 0
    let version = [0x02, 0x01, 0x00];
    let name = subject_name(subject)?;
    check_spki(spki_der)?;
    let attributes = attributes(dns_names)?;
    tlv(Tag::Sequence, &[&version, &name, spki_der, &attributes])
}

/// Wraps a signed `CertificationRequestInfo` into the `CertificationRequest` (DER).
///
/// `webcrypto_signature` is what WebCrypto's `sign` gave: PKCS#1 v1.5 for RSA, the raw
/// r‖s of IEEE P1363 for ECDSA (converted here to the DER `Ecdsa-Sig-Value` X.509 uses).
pub fn assemble(
    info_der: &[u8],
    kind: KeyKind,
    webcrypto_signature: &[u8],
) -> Result<Vec<u8>, BuildError> {
    let expected = kind.signature_len();
    if webcrypto_signature.len() != expected {
        return Err(BuildError::SignatureLength {
            kind,
            len: webcrypto_signature.len(),
            expected,
        });
    }
    let (algorithm, signature) = match kind {
        KeyKind::Rsa2048 | KeyKind::Rsa3072 | KeyKind::Rsa4096 => (
            tlv(
                Tag::Sequence,
                // parameters NULL
                &[&oid(OID_SHA256_WITH_RSA)?, &[0x05, 0x00]],
            )?,
            webcrypto_signature.to_vec(),
        ),
        KeyKind::P256 | KeyKind::P384 => {
            let oid = if kind == KeyKind::P384 {
                OID_ECDSA_WITH_SHA384
            } else {
                OID_ECDSA_WITH_SHA256
            };
            (
                tlv(Tag::Sequence, &[&self::oid(oid)?])?,
                ecdsa_der_signature(webcrypto_signature)?,
            )
        }
    };
    // No unused bits.
    let bits = tlv(Tag::BitString, &[&[0x00], &signature])?;
    tlv(Tag::Sequence, &[info_der, &algorithm, &bits])
}

/// Converts an IEEE P1363 ECDSA signature (r‖s, each half the length) to DER
/// `SEQUENCE { r INTEGER, s INTEGER }`, with each integer in its minimal form.
pub fn ecdsa_der_signature(raw: &[u8]) -> Result<Vec<u8>, BuildError> {
    if raw.is_empty() || !raw.len().is_multiple_of(2) {
        return Err(BuildError::EcdsaSignatureLength {
            len: raw.len(),
            expected: raw.len().max(2).next_multiple_of(2),
        });
    }
    let (r, s) = raw.split_at(raw.len() / 2);
    tlv(
        Tag::Sequence,
        &[&unsigned_integer(r)?, &unsigned_integer(s)?],
    )
}

/// Base64 in lines of 64 characters between the BEGIN and END lines, ending in a newline.
pub fn pem(label: &str, der: &[u8]) -> String {
    let base64 = Base64::encode_string(der);
    let mut out = String::with_capacity(base64.len() + base64.len() / 64 + 2 * label.len() + 40);
    out.push_str("-----BEGIN ");
    out.push_str(label);
    out.push_str("-----\n");
    let mut rest = base64.as_str();
    while !rest.is_empty() {
        // Base64 is ASCII, so any index is a character boundary.
        let (line, tail) = rest.split_at(rest.len().min(64));
        out.push_str(line);
        out.push('\n');
        rest = tail;
    }
    out.push_str("-----END ");
    out.push_str(label);
    out.push_str("-----\n");
    out
}

/// A file name for the private key of `primary`: `shop.example.com.key`, and
/// `wildcard.example.com.key` for `*.example.com`.
pub fn key_file_name(primary: &str) -> String {
    // The order's names are lower-case letters, digits, hyphens and dots, with a leading
    // "*." for a wildcard: only the star would trouble a file system.
    let name = primary.trim().replacen("*.", "wildcard.", 1);
    if name.is_empty() || name.contains(['/', '\\', '*', ':']) {
        return "private.key".to_string();
    }
    name + ".key"
}

/// A header for `tag` and the concatenated `parts` as its contents.
fn tlv(tag: Tag, parts: &[&[u8]]) -> Result<Vec<u8>, BuildError> {
    let len: usize = parts.iter().map(|part| part.len()).sum();
    let mut out = Vec::with_capacity(len + 6);
    Header::new(tag, len)?.encode_to_vec(&mut out)?;
    for part in parts {
        out.extend_from_slice(part);
    }
    Ok(out)
}

fn oid(oid: ObjectIdentifier) -> Result<Vec<u8>, BuildError> {
    tlv(Tag::ObjectIdentifier, &[oid.as_bytes()])
}

/// An unsigned big-endian number as a DER INTEGER: leading zero bytes stripped (one kept
/// for zero), and one 0x00 put back in front when the high bit is set, so it stays positive.
fn unsigned_integer(bytes: &[u8]) -> Result<Vec<u8>, BuildError> {
    let first = bytes
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(bytes.len().saturating_sub(1));
    let digits = bytes.get(first..).unwrap_or_default();
    if digits.first().is_some_and(|&b| b >= 0x80) {
        tlv(Tag::Integer, &[&[0x00], digits])
    } else if digits.is_empty() {
        tlv(Tag::Integer, &[&[0x00]])
    } else {
        tlv(Tag::Integer, &[digits])
    }
}

/// Trims a part of the subject; blank is absent.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn within(part: SubjectPart, value: &str, max: usize) -> Result<(), BuildError> {
    let len = value.chars().count();
    if len > max {
        return Err(BuildError::TooLong { part, len, max });
    }
    Ok(())
}

/// `Name`: one RelativeDistinguishedName per part, in the usual C, ST, L, O, CN order.
fn subject_name(subject: &Subject) -> Result<Vec<u8>, BuildError> {
    let common_name = subject.common_name.trim();
    if common_name.is_empty() {
        return Err(BuildError::NoCommonName);
    }
    // The upper bounds of RFC 5280's Appendix A.
    within(SubjectPart::CommonName, common_name, 64)?;
    let mut rdns = Vec::new();
    if let Some(country) = present(&subject.country) {
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(BuildError::Country(country.to_string()));
        }
        rdns.push(rdn(
            OID_COUNTRY,
            // Two capital letters are a valid PrintableString.
            &tlv(Tag::PrintableString, &[country.as_bytes()])?,
        )?);
    }
    let parts = [
        (OID_STATE, SubjectPart::State, present(&subject.state), 128),
        (
            OID_LOCALITY,
            SubjectPart::Locality,
            present(&subject.locality),
            128,
        ),
        (
            OID_ORGANISATION,
            SubjectPart::Organisation,
            present(&subject.organisation),
            64,
        ),
        (
            OID_COMMON_NAME,
            SubjectPart::CommonName,
            Some(common_name),
            64,
        ),
    ];
    for (oid, part, value, max) in parts {
        if let Some(value) = value {
            within(part, value, max)?;
            rdns.push(rdn(oid, &tlv(Tag::Utf8String, &[value.as_bytes()])?)?);
        }
    }
    let rdns: Vec<&[u8]> = rdns.iter().map(Vec::as_slice).collect();
    tlv(Tag::Sequence, &rdns)
}

/// `SET { SEQUENCE { type, value } }`: a RelativeDistinguishedName of one attribute.
fn rdn(oid: ObjectIdentifier, value_der: &[u8]) -> Result<Vec<u8>, BuildError> {
    let pair = tlv(Tag::Sequence, &[&self::oid(oid)?, value_der])?;
    tlv(Tag::Set, &[&pair])
}

/// The key must at least be one whole DER SEQUENCE.
fn check_spki(spki_der: &[u8]) -> Result<(), BuildError> {
    match AnyRef::from_der(spki_der) {
        Ok(any) if any.tag() == Tag::Sequence => Ok(()),
        _ => Err(BuildError::PublicKey),
    }
}

/// `[0] IMPLICIT SET OF Attribute`: the extensionRequest with the subjectAltName, or
/// nothing inside when there are no names.
fn attributes(dns_names: &[String]) -> Result<Vec<u8>, BuildError> {
    let attributes_tag = Tag::ContextSpecific {
        constructed: true,
        number: TagNumber::N0,
    };
    if dns_names.is_empty() {
        return tlv(attributes_tag, &[]);
    }
    let dns_tag = Tag::ContextSpecific {
        constructed: false,
        number: TagNumber::N2,
    };
    let mut seen: Vec<&str> = Vec::with_capacity(dns_names.len());
    let mut general_names = Vec::new();
    for name in dns_names {
        let name = name.trim();
        if seen.iter().any(|s| s.eq_ignore_ascii_case(name)) {
            continue;
        }
        // dNSName is an IA5String: ASCII.
        if name.is_empty() || !name.is_ascii() {
            return Err(BuildError::DnsName(name.to_string()));
        }
        seen.push(name);
        general_names.push(tlv(dns_tag, &[name.as_bytes()])?);
    }
    let general_names: Vec<&[u8]> = general_names.iter().map(Vec::as_slice).collect();
    let san_value = tlv(Tag::Sequence, &general_names)?;
    // Extension ::= SEQUENCE { extnID, critical DEFAULT FALSE (left out), extnValue OCTET STRING }
    let extension = tlv(
        Tag::Sequence,
        &[
            &oid(OID_SUBJECT_ALT_NAME)?,
            &tlv(Tag::OctetString, &[&san_value])?,
        ],
    )?;
    let extensions = tlv(Tag::Sequence, &[&extension])?;
    let attribute = tlv(
        Tag::Sequence,
        &[
            &oid(OID_EXTENSION_REQUEST)?,
            &tlv(Tag::Set, &[&extensions])?,
        ],
    )?;
    tlv(attributes_tag, &[&attribute])
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::asn1::UintRef;
    use der::{Reader, SliceReader};
    use std::path::{Path, PathBuf};
    use std::process::Command;

    /// A directory of its own under the system's temporary directory, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let dir = std::env::temp_dir()
                .join(format!("ssl-order-csr-build-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).expect("temporary directory");
            TempDir(dir)
        }

        fn path(&self, file: &str) -> PathBuf {
            self.0.join(file)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// Runs openssl; panics with its output when it fails.
    fn openssl(args: &[&str]) -> (Vec<u8>, String) {
        let output = Command::new("openssl")
            .args(args)
            .output()
            .expect("the openssl command is installed");
        let stderr = String::from_utf8_lossy(&output.stderr).to_string();
        assert!(output.status.success(), "openssl {args:?} failed: {stderr}");
        (output.stdout, stderr)
    }

    fn arg(path: &Path) -> &str {
        path.to_str().expect("temporary paths are UTF-8")
    }

    /// A DER `Ecdsa-Sig-Value` as WebCrypto gives it: r‖s, each left-padded to `half` bytes.
    fn der_to_raw(der: &[u8], half: usize) -> Vec<u8> {
        let mut reader = SliceReader::new(der).expect("signature");
        let (r, s) = reader
            .sequence(|seq| {
                let r: UintRef = seq.decode()?;
                let s: UintRef = seq.decode()?;
                Ok((r.as_bytes().to_vec(), s.as_bytes().to_vec()))
            })
            .expect("DER ECDSA signature");
        let mut raw = vec![0u8; 2 * half];
        raw[half - r.len()..half].copy_from_slice(&r);
        raw[2 * half - s.len()..].copy_from_slice(&s);
        raw
    }

    /// Makes a key with openssl, builds and signs a CSR as the app does, and returns the
    /// PEM with the text `openssl req -text` prints for it.
    fn build_with_openssl(
        kind: KeyKind,
        subject: &Subject,
        names: &[String],
        dir: &TempDir,
    ) -> (String, String) {
        let key = dir.path("key.pem");
        let keygen: Vec<&str> = match kind {
            KeyKind::Rsa2048 => vec!["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
            KeyKind::Rsa3072 => vec!["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072"],
            KeyKind::Rsa4096 => vec!["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4096"],
            KeyKind::P256 => vec!["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
            KeyKind::P384 => vec!["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        };
        let mut args = vec!["genpkey"];
        args.extend(keygen);
        args.extend(["-out", arg(&key)]);
        openssl(&args);
        let (spki, _) = openssl(&["pkey", "-in", arg(&key), "-pubout", "-outform", "DER"]);

        let info = request_info(subject, names, &spki).expect("request info");
        let info_path = dir.path("info.der");
        std::fs::write(&info_path, &info).expect("write info");
        let digest = if kind == KeyKind::P384 {
            "-sha384"
        } else {
            "-sha256"
        };
        let (signature, _) = openssl(&["dgst", digest, "-sign", arg(&key), arg(&info_path)]);
        let signature = match kind {
            KeyKind::P256 => der_to_raw(&signature, 32),
            KeyKind::P384 => der_to_raw(&signature, 48),
            _ => signature,
        };

        let csr = assemble(&info, kind, &signature).expect("assembled");
        let csr_pem = pem(CSR_LABEL, &csr);
        let csr_path = dir.path("request.csr");
        std::fs::write(&csr_path, &csr_pem).expect("write CSR");
        let (_, verify) = openssl(&["req", "-in", arg(&csr_path), "-verify", "-noout"]);
        assert!(verify.contains("verify OK"), "openssl says: {verify}");
        let (text, _) = openssl(&["req", "-in", arg(&csr_path), "-noout", "-text"]);
        (csr_pem, String::from_utf8_lossy(&text).to_string())
    }

    fn shop_names() -> Vec<String> {
        vec!["shop.example.com".into(), "www.shop.example.com".into()]
    }

    fn dv_subject() -> Subject {
        Subject {
            common_name: "shop.example.com".into(),
            ..Subject::default()
        }
    }

    fn assert_signed_request_for_the_names(kind: KeyKind, signature_algorithm: &str) {
        let dir = TempDir::new(kind.slug());
        let (csr, text) = build_with_openssl(kind, &dv_subject(), &shop_names(), &dir);
        assert!(text.contains("Subject: CN = shop.example.com\n"), "{text}");
        assert!(
            text.contains("DNS:shop.example.com, DNS:www.shop.example.com\n"),
            "{text}"
        );
        assert!(text.contains(signature_algorithm), "{text}");
        // The app's own reader takes what the app builds.
        let checked = crate::csr::check(&csr, crate::csr::HUAWEI_MAX_LEN).expect("reads back");
        assert_eq!(checked.pem, csr);
        assert_eq!(
            checked.info.common_name.as_deref(),
            Some("shop.example.com")
        );
        assert_eq!(checked.info.dns_names, shop_names());
    }

    #[test]
    fn an_rsa_2048_request_verifies_with_openssl_and_reads_back() {
        assert_signed_request_for_the_names(KeyKind::Rsa2048, "sha256WithRSAEncryption");
    }

    #[test]
    fn a_p256_request_verifies_with_openssl_and_reads_back() {
        assert_signed_request_for_the_names(KeyKind::P256, "ecdsa-with-SHA256");
    }

    #[test]
    fn a_p384_request_verifies_with_openssl_and_reads_back() {
        assert_signed_request_for_the_names(KeyKind::P384, "ecdsa-with-SHA384");
    }

    #[test]
    fn an_organisation_request_carries_o_l_st_and_c() {
        let dir = TempDir::new("ov");
        let subject = Subject {
            common_name: "shop.example.com".into(),
            organisation: Some("Bücher & Co. Ltd".into()),
            locality: Some("  Shenzhen ".into()),
            state: Some("Guangdong".into()),
            country: Some("CN".into()),
        };
        let (csr, _) = build_with_openssl(KeyKind::P256, &subject, &shop_names(), &dir);
        let csr_path = dir.path("request.csr");
        std::fs::write(&csr_path, &csr).expect("write CSR");
        let (subject_line, _) = openssl(&[
            "req",
            "-in",
            arg(&csr_path),
            "-noout",
            "-subject",
            "-nameopt",
            "oneline,-esc_msb,utf8",
        ]);
        assert_eq!(
            String::from_utf8_lossy(&subject_line).trim(),
            "subject=C = CN, ST = Guangdong, L = Shenzhen, O = Bücher & Co. Ltd, CN = shop.example.com"
        );
        // The country is a PrintableString, the rest UTF8String.
        let (dump, _) = openssl(&["asn1parse", "-in", arg(&csr_path)]);
        let dump = String::from_utf8_lossy(&dump);
        assert!(dump.contains("PRINTABLESTRING   :CN"), "{dump}");
        assert!(dump.contains("UTF8STRING        :Guangdong"), "{dump}");
    }

    #[test]
    fn blank_organisation_parts_are_left_out() {
        let subject = Subject {
            common_name: "shop.example.com".into(),
            organisation: Some("  ".into()),
            locality: None,
            state: Some(String::new()),
            country: None,
        };
        let plain = request_info(&dv_subject(), &[], &[0x30, 0x00]).expect("info");
        assert_eq!(request_info(&subject, &[], &[0x30, 0x00]), Ok(plain));
    }

    #[test]
    fn the_subject_alt_names_are_dns_names_in_order_without_repeats() {
        let dir = TempDir::new("repeats");
        let names = vec![
            "shop.example.com".to_string(),
            "*.shop.example.com".to_string(),
            "SHOP.example.com".to_string(),
        ];
        let (_, text) = build_with_openssl(KeyKind::P256, &dv_subject(), &names, &dir);
        assert!(
            text.contains("DNS:shop.example.com, DNS:*.shop.example.com\n"),
            "{text}"
        );
    }

    #[test]
    fn a_request_without_names_has_an_empty_attribute_set() {
        let info = request_info(&dv_subject(), &[], &[0x30, 0x00]).expect("info");
        assert!(info.ends_with(&[0x30, 0x00, 0xa0, 0x00]), "{info:02x?}");
    }

    #[test]
    fn a_blank_common_name_is_refused() {
        let subject = Subject {
            common_name: " ".into(),
            ..Subject::default()
        };
        assert_eq!(
            request_info(&subject, &[], &[0x30, 0x00]),
            Err(BuildError::NoCommonName)
        );
    }

    #[test]
    fn a_common_name_over_64_characters_is_refused() {
        let long = format!("{}.example.com", "a".repeat(60));
        let subject = Subject {
            common_name: long.clone(),
            ..Subject::default()
        };
        assert_eq!(
            request_info(&subject, &[long], &[0x30, 0x00]),
            Err(BuildError::TooLong {
                part: SubjectPart::CommonName,
                len: 72,
                max: 64
            })
        );
    }

    #[test]
    fn each_part_of_the_subject_is_held_to_its_own_limit() {
        let subject = Subject {
            organisation: Some("o".repeat(65)),
            locality: Some("l".repeat(128)),
            ..dv_subject()
        };
        assert_eq!(
            request_info(&subject, &[], &[0x30, 0x00]),
            Err(BuildError::TooLong {
                part: SubjectPart::Organisation,
                len: 65,
                max: 64
            })
        );
        let subject = Subject {
            state: Some("s".repeat(129)),
            ..subject
        };
        assert_eq!(
            request_info(&subject, &[], &[0x30, 0x00]),
            Err(BuildError::TooLong {
                part: SubjectPart::State,
                len: 129,
                max: 128
            })
        );
    }

    #[test]
    fn a_country_that_is_not_two_capital_letters_is_refused() {
        let subject = Subject {
            country: Some("United Kingdom".into()),
            ..dv_subject()
        };
        assert_eq!(
            request_info(&subject, &[], &[0x30, 0x00]),
            Err(BuildError::Country("United Kingdom".into()))
        );
    }

    #[test]
    fn a_name_not_in_ascii_form_is_refused() {
        assert_eq!(
            request_info(&dv_subject(), &["bücher.example".into()], &[0x30, 0x00]),
            Err(BuildError::DnsName("bücher.example".into()))
        );
    }

    #[test]
    fn a_public_key_that_is_not_der_is_refused() {
        assert_eq!(
            request_info(&dv_subject(), &[], b"not a key"),
            Err(BuildError::PublicKey)
        );
        assert_eq!(
            request_info(&dv_subject(), &[], &[0x30, 0x05, 0x00]),
            Err(BuildError::PublicKey)
        );
    }

    #[test]
    fn a_signature_of_the_wrong_length_is_refused() {
        assert_eq!(
            assemble(&[0x30, 0x00], KeyKind::P384, &[1; 64]),
            Err(BuildError::SignatureLength {
                kind: KeyKind::P384,
                len: 64,
                expected: 96
            })
        );
        assert!(assemble(&[0x30, 0x00], KeyKind::Rsa3072, &[1; 256]).is_err());
        assert!(assemble(&[0x30, 0x00], KeyKind::Rsa3072, &[1; 384]).is_ok());
    }

    #[test]
    fn ecdsa_integers_are_minimal_with_a_zero_before_a_high_bit() {
        let mut raw = vec![0u8; 64];
        // r: two leading zero bytes, then 0x01 0x02 …; s: high bit set.
        raw[2] = 0x01;
        raw[3] = 0x02;
        raw[32] = 0x80;
        let der = ecdsa_der_signature(&raw).expect("converted");
        assert_eq!(der[0], 0x30);
        let (r, s) = SliceReader::new(&der)
            .expect("der")
            .sequence(|seq| {
                let r: AnyRef = seq.decode()?;
                let s: AnyRef = seq.decode()?;
                Ok((r.value().to_vec(), s.value().to_vec()))
            })
            .expect("two integers");
        assert_eq!(r.len(), 30);
        assert_eq!(&r[..2], &[0x01, 0x02]);
        assert_eq!(s.len(), 33);
        assert_eq!(&s[..2], &[0x00, 0x80]);
        assert_eq!(der_to_raw(&der, 32), raw);
        assert_eq!(
            ecdsa_der_signature(&[1; 63]),
            Err(BuildError::EcdsaSignatureLength {
                len: 63,
                expected: 64
            })
        );
        assert_eq!(
            ecdsa_der_signature(&[]),
            Err(BuildError::EcdsaSignatureLength {
                len: 0,
                expected: 2
            })
        );
    }

    #[test]
    fn zero_is_one_zero_byte() {
        assert_eq!(unsigned_integer(&[0, 0, 0]), Ok(vec![0x02, 0x01, 0x00]));
        assert_eq!(unsigned_integer(&[]), Ok(vec![0x02, 0x01, 0x00]));
        assert_eq!(unsigned_integer(&[0, 0x7f]), Ok(vec![0x02, 0x01, 0x7f]));
        assert_eq!(unsigned_integer(&[0xff]), Ok(vec![0x02, 0x02, 0x00, 0xff]));
    }

    #[test]
    fn pem_lines_are_64_characters() {
        let text = pem(CSR_LABEL, &[7u8; 100]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "-----BEGIN CERTIFICATE REQUEST-----");
        assert_eq!(lines[1].len(), 64);
        assert_eq!(lines[2].len(), 64);
        assert_eq!(lines[3].len(), 136 - 128);
        assert_eq!(lines[4], "-----END CERTIFICATE REQUEST-----");
        assert!(text.ends_with("-----\n"));
        assert_eq!(
            pem(PRIVATE_KEY_LABEL, &[]),
            "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n"
        );
    }

    #[test]
    fn key_kinds_round_trip_through_their_slugs() {
        for kind in KeyKind::ALL {
            assert_eq!(KeyKind::from_slug(kind.slug()), Some(kind));
        }
        assert_eq!(KeyKind::default(), KeyKind::P256);
        assert_eq!(KeyKind::P384.hash(), "SHA-384");
        assert_eq!(KeyKind::Rsa4096.modulus_bits(), Some(4096));
    }

    #[test]
    fn the_key_file_is_named_after_the_primary_name() {
        assert_eq!(key_file_name("shop.example.com"), "shop.example.com.key");
        assert_eq!(key_file_name("*.example.com"), "wildcard.example.com.key");
        assert_eq!(key_file_name("a/b\\c"), "private.key");
        assert_eq!(key_file_name(" "), "private.key");
    }

    #[test]
    fn a_decoded_request_is_one_whole_der_value() {
        let info = request_info(&dv_subject(), &shop_names(), &[0x30, 0x00]).expect("info");
        let csr = assemble(&info, KeyKind::Rsa2048, &[0xff; 256]).expect("assembled");
        let any = AnyRef::from_der(&csr).expect("one DER value");
        assert_eq!(any.tag(), Tag::Sequence);
    }
}
