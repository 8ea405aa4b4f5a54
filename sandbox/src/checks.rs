//! Value checks shared by the sandboxes: host names, email addresses and the CSR.
//!
//! Written independently of the web app's own validation on purpose: if the app and the
//! sandbox shared this code, a misreading of the documents would pass both unnoticed.
//! Each check returns the broken rule as text, for the caller to prefix with the field name.

use base64ct::{Base64, Encoding};

/// Splits `*.example.com` into `(true, "example.com")`; other names into `(false, name)`.
pub fn split_wildcard(name: &str) -> (bool, &str) {
    match name.strip_prefix("*.") {
        Some(base) => (true, base),
        None => (false, name),
    }
}

/// Checks a host name, optionally of the form `*.name`; says why it is refused.
pub fn check_name(name: &str, wildcard_allowed: bool) -> Result<(), String> {
    let (wildcard, base) = split_wildcard(name);
    if wildcard && !wildcard_allowed {
        return Err(format!(
            "{name:?} is a wildcard name, not allowed for this certificate"
        ));
    }
    if base.contains('*') {
        return Err(format!(
            "{name:?}: a '*' is only allowed as the whole left-most label, as in *.example.com"
        ));
    }
    check_host_name(base).map_err(|rule| format!("{name:?} is not a valid host name: {rule}"))
}

/// Letters, digits and hyphens in labels of 1..=63, at most 253 in all, no trailing dot,
/// at least two labels, and a top-level label that is not numeric (no IP addresses).
fn check_host_name(name: &str) -> Result<(), &'static str> {
    if name.is_empty() {
        return Err("it is empty");
    }
    if !name.is_ascii() {
        return Err("international names must be sent as punycode (xn--...)");
    }
    if name.len() > 253 {
        return Err("longer than 253 characters");
    }
    if name.ends_with('.') {
        return Err("it must not end with a dot");
    }
    let labels: Vec<&str> = name.split('.').collect();
    if labels.len() < 2 {
        return Err("it needs at least two labels, as in example.com");
    }
    for label in &labels {
        if label.is_empty() {
            return Err("it has an empty label");
        }
        if label.len() > 63 {
            return Err("a label is longer than 63 characters");
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err("labels may hold only letters, digits and hyphens");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err("a label must not start or end with a hyphen");
        }
    }
    let top = labels[labels.len() - 1];
    if top.bytes().all(|b| b.is_ascii_digit()) {
        return Err("the top-level label must not be numeric");
    }
    Ok(())
}

/// Loosely email-shaped: `local@domain.tld`, no spaces. Mail is not sent, so no more is needed.
pub fn check_email(email: &str) -> Result<(), String> {
    let refused = || format!("{email:?} is not an email address");
    let (local, domain) = email.split_once('@').ok_or_else(refused)?;
    let shaped = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace);
    if shaped {
        Ok(())
    } else {
        Err(refused())
    }
}

const CSR_LABELS: [&str; 2] = ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"];

/// Checks that `csr` is one PEM block labelled `CERTIFICATE REQUEST` (or the older
/// `NEW CERTIFICATE REQUEST`) whose base64 decodes, and that it "matches the domain".
///
/// The match is deliberately crude: the DER bytes must contain the domain's ASCII bytes
/// (ignoring case), which is true when it is the CSR's Common Name or one of its SANs.
/// The sandbox does not parse ASN.1, so it cannot be fooled into agreeing with a parser
/// that shares the app's mistakes; it only catches a CSR made for another name.
pub fn check_csr(csr: &str, domain: &str) -> Result<(), String> {
    let der = decode_csr_pem(csr)?;
    let needle = domain.to_ascii_lowercase().into_bytes();
    let haystack = der.to_ascii_lowercase();
    if haystack.windows(needle.len()).any(|w| w == needle) {
        Ok(())
    } else {
        Err(format!("the CSR does not match the domain {domain:?}"))
    }
}

fn decode_csr_pem(csr: &str) -> Result<Vec<u8>, String> {
    if csr.contains("PRIVATE KEY") {
        return Err("this is a private key, not a CSR: never send a private key".into());
    }
    let mut lines = csr.trim().lines().map(str::trim);
    let first = lines.next().unwrap_or_default();
    let label = first
        .strip_prefix("-----BEGIN ")
        .and_then(|rest| rest.strip_suffix("-----"))
        .filter(|label| CSR_LABELS.contains(label))
        .ok_or("it must be a PEM block starting with -----BEGIN CERTIFICATE REQUEST-----")?;
    let body: Vec<&str> = lines.collect();
    let (last, base64_lines) = body
        .split_last()
        .ok_or("the PEM block has no -----END line")?;
    if *last != format!("-----END {label}-----") {
        return Err(format!(
            "it must be one PEM block ending with -----END {label}-----"
        ));
    }
    let base64: String = base64_lines.concat();
    let der = Base64::decode_vec(&base64)
        .map_err(|_| "the PEM block's base64 does not decode".to_string())?;
    // Every DER CSR is a SEQUENCE; anything else is not a CSR whatever its label says.
    if der.first() != Some(&0x30) {
        return Err("the PEM block does not hold a DER certificate request".into());
    }
    Ok(der)
}

/// The X.520 `commonName` attribute type, OID 2.5.4.3, as DER: tag, length, value.
const COMMON_NAME_OID: [u8; 5] = [0x06, 0x03, 0x55, 0x04, 0x03];

/// The Common Name of a PEM CSR, or `None` when its subject has none.
///
/// A scan rather than an ASN.1 parse: the subject is the first thing in a request after the
/// version, so the first `commonName` OID in the DER is the subject's; the string after it is
/// the name. Says why when the PEM or the string cannot be read.
pub fn csr_common_name(csr: &str) -> Result<Option<String>, String> {
    const TRUNCATED: &str = "the CSR ends inside its Common Name";
    let der = decode_csr_pem(csr)?;
    let Some(at) = der
        .windows(COMMON_NAME_OID.len())
        .position(|window| window == COMMON_NAME_OID)
    else {
        return Ok(None);
    };
    let rest = &der[at + COMMON_NAME_OID.len()..];
    let (&tag, rest) = rest.split_first().ok_or(TRUNCATED)?;
    let (len, rest) = der_length(rest).ok_or(TRUNCATED)?;
    let value = rest.get(..len).ok_or(TRUNCATED)?;
    der_string(tag, value).map(Some)
}

/// A DER length (short form, or long form of one or two bytes: names are never longer),
/// and the bytes after it.
fn der_length(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let (&first, rest) = bytes.split_first()?;
    if first < 0x80 {
        return Some((usize::from(first), rest));
    }
    let count = usize::from(first & 0x7f);
    if !(1..=2).contains(&count) {
        return None;
    }
    let (digits, rest) = rest.split_at_checked(count)?;
    let len = digits
        .iter()
        .fold(0, |len, &digit| len << 8 | usize::from(digit));
    Some((len, rest))
}

/// Decodes the string types a Common Name is written in.
fn der_string(tag: u8, value: &[u8]) -> Result<String, String> {
    const UTF8_STRING: u8 = 0x0c;
    const PRINTABLE_STRING: u8 = 0x13;
    const TELETEX_STRING: u8 = 0x14;
    const IA5_STRING: u8 = 0x16;
    const BMP_STRING: u8 = 0x1e;
    match tag {
        UTF8_STRING => {
            String::from_utf8(value.to_vec()).map_err(|_| "the Common Name is not UTF-8".into())
        }
        PRINTABLE_STRING | IA5_STRING if value.is_ascii() => {
            Ok(value.iter().copied().map(char::from).collect())
        }
        PRINTABLE_STRING | IA5_STRING => Err("the Common Name is not ASCII".into()),
        // Read as Latin-1, as most decoders do.
        TELETEX_STRING => Ok(value.iter().copied().map(char::from).collect()),
        BMP_STRING if value.len().is_multiple_of(2) => {
            let units = value
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]));
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .map_err(|_| "the Common Name is not valid UTF-16".into())
        }
        BMP_STRING => Err("the Common Name is not valid UTF-16".into()),
        _ => Err(format!(
            "the Common Name has an unexpected string type (DER tag 0x{tag:02x})"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_follow_the_label_rules() {
        assert!(check_name("www.example.com", false).is_ok());
        assert!(check_name("xn--fiqs8s.example", false).is_ok());
        assert!(check_name("*.example.com", true).is_ok());
        assert!(check_name("*.example.com", false).is_err());
        assert!(check_name("www.*.example.com", true).is_err());
        assert!(check_name("localhost", false).is_err());
        assert!(check_name("example.com.", false).is_err());
        assert!(check_name("-a.example.com", false).is_err());
        assert!(check_name("a_b.example.com", false).is_err());
        assert!(check_name("10.0.0.1", false).is_err());
        assert!(check_name("例子.com", false).is_err());
        assert!(check_name(&format!("{}.com", "a".repeat(64)), false).is_err());
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        assert!(check_email("a@b.cn").is_ok());
        assert!(check_email("example.huawei.com").is_err());
        assert!(check_email("a@b").is_err());
        assert!(check_email("a b@c.cn").is_err());
        assert!(check_email("@b.cn").is_err());
    }

    #[test]
    fn csr_must_be_a_request_block() {
        let der = b"\x30\x03www.example.com";
        let pem = format!(
            "-----BEGIN CERTIFICATE REQUEST-----\n{}\n-----END CERTIFICATE REQUEST-----\n",
            Base64::encode_string(der)
        );
        assert!(check_csr(&pem, "WWW.example.com").is_ok());
        assert!(check_csr(&pem, "other.example.com").is_err());
        let key = pem.replace("CERTIFICATE REQUEST", "PRIVATE KEY");
        assert!(check_csr(&key, "www.example.com").is_err());
        let mismatched = pem.replace("-----END CERTIFICATE REQUEST", "-----END X");
        assert!(check_csr(&mismatched, "www.example.com").is_err());
    }

    fn pem_of(der: &[u8]) -> String {
        format!(
            "-----BEGIN CERTIFICATE REQUEST-----\n{}\n-----END CERTIFICATE REQUEST-----\n",
            Base64::encode_string(der)
        )
    }

    #[test]
    fn csr_common_name_reads_the_subject_of_real_requests() {
        for (pem, expected) in [
            (
                include_str!("../../server/tests/fixtures/www.example.com.csr"),
                Some("www.example.com"),
            ),
            (
                include_str!("../../server/tests/fixtures/wildcard.example.com.csr"),
                Some("*.example.com"),
            ),
            // O and C come before CN here, and SANs follow.
            (
                include_str!("../../server/tests/fixtures/shop.example.org.csr"),
                Some("shop.example.org"),
            ),
            (
                include_str!("../../server/tests/fixtures/rsa4096-full-subject.csr"),
                Some("www.example.com"),
            ),
            (
                include_str!("../../server/tests/fixtures/no-common-name.csr"),
                None,
            ),
        ] {
            assert_eq!(csr_common_name(pem).unwrap().as_deref(), expected);
        }
    }

    #[test]
    fn csr_common_name_decodes_each_string_type() {
        let oid = COMMON_NAME_OID;
        let cases: [(u8, &[u8], &str); 4] = [
            (0x0c, "bücher.example".as_bytes(), "bücher.example"),
            (0x13, b"a.example", "a.example"),
            (0x16, b"b.example", "b.example"),
            (0x1e, b"\x00c\x00.\x00e\x00x", "c.ex"),
        ];
        for (tag, value, expected) in cases {
            let mut der = vec![0x30, 0x00];
            der.extend_from_slice(&oid);
            der.push(tag);
            der.push(u8::try_from(value.len()).unwrap());
            der.extend_from_slice(value);
            let name = csr_common_name(&pem_of(&der)).unwrap();
            assert_eq!(name.as_deref(), Some(expected), "tag {tag:#x}");
        }
    }

    #[test]
    fn csr_common_name_reads_a_long_form_length() {
        let name = "a".repeat(200);
        let mut der = vec![0x30, 0x00];
        der.extend_from_slice(&COMMON_NAME_OID);
        der.extend_from_slice(&[0x0c, 0x81, 200]);
        der.extend_from_slice(name.as_bytes());
        assert_eq!(csr_common_name(&pem_of(&der)).unwrap(), Some(name));
    }

    #[test]
    fn csr_common_name_refuses_what_it_cannot_read() {
        let truncated = [0x30, 0x00, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x09, b'a'];
        assert!(csr_common_name(&pem_of(&truncated)).is_err());
        let unknown_type = [0x30, 0x00, 0x06, 0x03, 0x55, 0x04, 0x03, 0x04, 0x01, b'a'];
        let rule = csr_common_name(&pem_of(&unknown_type)).unwrap_err();
        assert!(rule.contains("0x04"), "{rule}");
        let key = pem_of(b"\x30\x00").replace("CERTIFICATE REQUEST", "PRIVATE KEY");
        assert!(csr_common_name(&key).unwrap_err().contains("private key"));
    }
}
