//! Domain control validation: the methods, what the order asked for each name, and the
//! instructions the answers carry (`approver_method`, `san[].validation`).
//!
//! Sectigo derives a file name and a DNS label from hashes of the CSR, the same for every
//! name of an order. The sandbox draws those "hashes" at random once per order and keeps
//! them, so every answer about an order repeats the same instructions.

use rand::Rng;
use serde::Serialize;

use super::approvers::base_name;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DcvMethod {
    Email,
    Http,
    Https,
    Dns,
}

impl DcvMethod {
    pub const ALL: [Self; 4] = [Self::Email, Self::Http, Self::Https, Self::Dns];

    /// Exact match: the API's values are lower case.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|method| method.wire() == value)
    }

    pub fn wire(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Http => "http",
            Self::Https => "https",
            Self::Dns => "dns",
        }
    }

    /// A file on a web server proves control of one host only, never of a wildcard.
    pub fn is_file_based(self) -> bool {
        matches!(self, Self::Http | Self::Https)
    }
}

/// "a, b or c", for error messages.
pub fn listing(methods: &[DcvMethod]) -> String {
    let names: Vec<&str> = methods.iter().map(|method| method.wire()).collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// How the order asked one name to be validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DcvChoice {
    /// Mail to this approver address.
    Email(String),
    Http,
    Https,
    Dns,
}

impl DcvChoice {
    pub fn method(&self) -> DcvMethod {
        match self {
            Self::Email(_) => DcvMethod::Email,
            Self::Http => DcvMethod::Http,
            Self::Https => DcvMethod::Https,
            Self::Dns => DcvMethod::Dns,
        }
    }
}

/// The instructions for one name, serialised as GoGetSSL does:
/// `{"http":{..}}`, `{"https":{..}}`, `{"dns":{"record":..}}` or `{"email":".."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Instructions {
    Http(FileCheck),
    Https(FileCheck),
    Dns(DnsCheck),
    Email(String),
}

/// A file to publish under `/.well-known/pki-validation/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileCheck {
    pub link: String,
    pub filename: String,
    pub content: String,
}

/// A zone-file line to add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DnsCheck {
    pub record: String,
}

const LOWER_HEX: &[u8] = b"0123456789abcdef";
const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const DIGITS: &[u8] = b"0123456789";

/// The random values of one order from which every name's instructions derive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DcvSeed {
    /// Stands for the MD5 of the CSR: 32 hex digits.
    md5: String,
    /// Stands for the SHA-256 of the CSR: 64 hex digits.
    sha256: String,
    /// The per-order label of Sectigo's CNAME target.
    tag: String,
    /// The last line of the validation file, like the documentation's `t0827792001533920169`.
    token: String,
}

impl DcvSeed {
    pub fn random(rng: &mut impl Rng) -> Self {
        Self {
            md5: random_text(rng, LOWER_HEX, 32),
            sha256: random_text(rng, LOWER_HEX, 64),
            tag: random_text(rng, LOWER_ALNUM, 10),
            token: format!("t{}", random_text(rng, DIGITS, 19)),
        }
    }

    /// What the owner of `name` must do; a wildcard is validated on its base name.
    pub fn instructions(&self, name: &str, choice: &DcvChoice) -> Instructions {
        let host = base_name(name);
        match choice {
            DcvChoice::Email(approver) => Instructions::Email(approver.clone()),
            DcvChoice::Http => Instructions::Http(self.file_check("http", host)),
            DcvChoice::Https => Instructions::Https(self.file_check("https", host)),
            DcvChoice::Dns => Instructions::Dns(DnsCheck {
                record: format!(
                    "_{}.{host}. CNAME {}.{}.{}.sectigo.com.",
                    self.md5,
                    &self.sha256[..32],
                    &self.sha256[32..],
                    self.tag
                ),
            }),
        }
    }

    fn file_check(&self, scheme: &str, host: &str) -> FileCheck {
        let filename = format!("{}.txt", self.md5.to_ascii_uppercase());
        FileCheck {
            link: format!("{scheme}://{host}/.well-known/pki-validation/{filename}"),
            content: format!(
                "{}\r\nsectigo.com\r\n{}",
                self.sha256.to_ascii_uppercase(),
                self.token
            ),
            filename,
        }
    }
}

pub fn random_text(rng: &mut impl Rng, alphabet: &[u8], len: usize) -> String {
    (0..len)
        .map(|_| char::from(alphabet[rng.random_range(0..alphabet.len())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn is_hex(text: &str, len: usize, upper: bool) -> bool {
        text.len() == len
            && text.bytes().all(|b| {
                b.is_ascii_digit() || (b.is_ascii_hexdigit() && b.is_ascii_uppercase() == upper)
            })
    }

    #[test]
    fn methods_read_only_their_lower_case_names() {
        for method in DcvMethod::ALL {
            assert_eq!(DcvMethod::from_wire(method.wire()), Some(method));
        }
        assert_eq!(DcvMethod::from_wire("DNS"), None);
        assert_eq!(DcvMethod::from_wire("file"), None);
        assert_eq!(listing(&DcvMethod::ALL), "email, http, https or dns");
    }

    #[test]
    fn file_instructions_have_the_seed_shape() {
        let seed = DcvSeed::random(&mut rand::rng());
        let Instructions::Http(file) = seed.instructions("www.example.com", &DcvChoice::Http)
        else {
            panic!("not http");
        };
        let stem = file.filename.strip_suffix(".txt").unwrap();
        assert!(is_hex(stem, 32, true), "{}", file.filename);
        assert_eq!(
            file.link,
            format!("http://www.example.com/.well-known/pki-validation/{stem}.txt")
        );
        let lines: Vec<&str> = file.content.split("\r\n").collect();
        assert_eq!(lines.len(), 3, "{:?}", file.content);
        assert!(is_hex(lines[0], 64, true), "{}", lines[0]);
        assert_eq!(lines[1], "sectigo.com");
        assert!(lines[2].starts_with('t') && lines[2].len() == 20);
        let Instructions::Https(secure) = seed.instructions("www.example.com", &DcvChoice::Https)
        else {
            panic!("not https");
        };
        assert_eq!(secure.link, file.link.replacen("http:", "https:", 1));
        assert_eq!(secure.content, file.content);
    }

    #[test]
    fn dns_instructions_are_a_cname_under_sectigo_for_the_base_name() {
        let seed = DcvSeed::random(&mut rand::rng());
        let Instructions::Dns(dns) = seed.instructions("*.example.com", &DcvChoice::Dns) else {
            panic!("not dns");
        };
        let fields: Vec<&str> = dns.record.split(' ').collect();
        assert_eq!(fields.len(), 3, "{}", dns.record);
        assert_eq!(fields[1], "CNAME");
        let owner = fields[0].strip_prefix('_').unwrap();
        let (label, zone) = owner.split_once('.').unwrap();
        assert!(is_hex(label, 32, false), "{label}");
        assert_eq!(zone, "example.com.");
        let target: Vec<&str> = fields[2].split('.').collect();
        assert_eq!(target.len(), 6, "{}", fields[2]);
        assert!(is_hex(target[0], 32, false) && is_hex(target[1], 32, false));
        assert_eq!(target[3..], ["sectigo", "com", ""]);
    }

    #[test]
    fn one_seed_gives_the_same_instructions_every_time() {
        let seed = DcvSeed::random(&mut rand::rng());
        for choice in [DcvChoice::Http, DcvChoice::Https, DcvChoice::Dns] {
            assert_eq!(
                seed.instructions("a.example.com", &choice),
                seed.instructions("a.example.com", &choice)
            );
        }
        let other = DcvSeed::random(&mut rand::rng());
        assert_ne!(
            seed.instructions("a.example.com", &DcvChoice::Dns),
            other.instructions("a.example.com", &DcvChoice::Dns)
        );
    }

    #[test]
    fn instructions_serialise_under_the_method_name() {
        let seed = DcvSeed::random(&mut rand::rng());
        let email = DcvChoice::Email("admin@example.com".into());
        assert_eq!(
            serde_json::to_value(seed.instructions("www.example.com", &email)).unwrap(),
            json!({"email": "admin@example.com"})
        );
        let dns =
            serde_json::to_value(seed.instructions("x.example.com", &DcvChoice::Dns)).unwrap();
        assert!(dns["dns"]["record"].is_string(), "{dns}");
        let file =
            serde_json::to_value(seed.instructions("x.example.com", &DcvChoice::Https)).unwrap();
        let mut keys: Vec<&String> = file["https"].as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["content", "filename", "link"]);
    }
}
