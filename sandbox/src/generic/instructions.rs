//! What the person must do to prove control of each name, made once when the order is placed.

use rand::Rng;
use serde::Serialize;

use super::model::{Method, Name};
use crate::checks::split_wildcard;

const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_HEX: &[u8] = b"0123456789ABCDEF";
const LOWER_HEX: &[u8] = b"0123456789abcdef";
/// Where the sandbox's CNAME targets live: `.invalid` is reserved, so nothing real resolves.
const DCV_ZONE: &str = "dcv.ssl-order.invalid";

/// One name's instruction, tagged by its method as in the schema's `Instruction`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "method", rename_all = "lowercase")]
pub enum Instruction {
    Dns { name: String, record: Record },
    Http { name: String, file: File },
    Https { name: String, file: File },
    Email { name: String, email: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub name: String,
    #[serde(rename = "type")]
    pub record_type: &'static str,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct File {
    pub url: String,
    pub content: String,
}

/// One instruction per name, in the order of the names.
pub fn for_names(names: &[Name], rng: &mut impl Rng) -> Vec<Instruction> {
    names.iter().map(|name| for_name(name, rng)).collect()
}

fn for_name(entry: &Name, rng: &mut impl Rng) -> Instruction {
    let name = entry.name.clone();
    let base = split_wildcard(&entry.name).1;
    match entry.method {
        Method::Dns => Instruction::Dns {
            record: dns_record(&entry.name, rng),
            name,
        },
        Method::Http => Instruction::Http {
            file: file("http", base, rng),
            name,
        },
        Method::Https => Instruction::Https {
            file: file("https", base, rng),
            name,
        },
        Method::Email => Instruction::Email {
            // Without an approver the CA writes to the first of the constructed addresses.
            email: entry
                .approver
                .clone()
                .unwrap_or_else(|| format!("admin@{base}")),
            name,
        },
    }
}

/// A TXT record at `_dnsauth.<name>`; a wildcard gets a CNAME instead, as some CAs ask,
/// so that clients meet both record types.
fn dns_record(name: &str, rng: &mut impl Rng) -> Record {
    let (wildcard, base) = split_wildcard(name);
    if wildcard {
        Record {
            name: format!("_{}.{base}", random_text(rng, LOWER_HEX, 32)),
            record_type: "CNAME",
            value: format!(
                "{}.{}.{DCV_ZONE}",
                random_text(rng, LOWER_HEX, 32),
                random_text(rng, LOWER_HEX, 32)
            ),
        }
    } else {
        Record {
            name: format!("_dnsauth.{base}"),
            record_type: "TXT",
            value: random_text(rng, LOWER_ALNUM, 48),
        }
    }
}

/// A file under `/.well-known/pki-validation/`, in the three-line shape CAs use.
fn file(scheme: &str, host: &str, rng: &mut impl Rng) -> File {
    File {
        url: format!(
            "{scheme}://{host}/.well-known/pki-validation/{}.txt",
            random_text(rng, UPPER_HEX, 32)
        ),
        content: format!(
            "{}\n{DCV_ZONE}\n{}",
            random_text(rng, LOWER_HEX, 64),
            random_text(rng, LOWER_ALNUM, 20)
        ),
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

    fn name(name: &str, method: Method, approver: Option<&str>) -> Name {
        Name {
            name: name.into(),
            method,
            approver: approver.map(str::to_string),
        }
    }

    #[test]
    fn a_dns_name_gets_a_txt_record_under_dnsauth() {
        let found = for_name(
            &name("www.example.com", Method::Dns, None),
            &mut rand::rng(),
        );
        let Instruction::Dns { name, record } = found else {
            panic!("{found:?}")
        };
        assert_eq!(name, "www.example.com");
        assert_eq!(record.name, "_dnsauth.www.example.com");
        assert_eq!(record.record_type, "TXT");
        assert_eq!(record.value.len(), 48);
    }

    #[test]
    fn a_wildcard_dns_name_gets_a_cname_under_its_base() {
        let found = for_name(&name("*.example.com", Method::Dns, None), &mut rand::rng());
        let Instruction::Dns { record, .. } = found else {
            panic!("{found:?}")
        };
        assert_eq!(record.record_type, "CNAME");
        assert!(record.name.starts_with('_') && record.name.ends_with(".example.com"));
        assert!(
            record.value.ends_with(".dcv.ssl-order.invalid"),
            "{}",
            record.value
        );
    }

    #[test]
    fn a_file_lives_under_pki_validation_with_the_scheme_of_the_method() {
        for (method, scheme) in [(Method::Http, "http://"), (Method::Https, "https://")] {
            let found = for_name(&name("shop.example.org", method, None), &mut rand::rng());
            let json = serde_json::to_value(&found).unwrap();
            let url = json["file"]["url"].as_str().unwrap();
            assert!(
                url.starts_with(&format!(
                    "{scheme}shop.example.org/.well-known/pki-validation/"
                )),
                "{url}"
            );
            assert_eq!(json["file"]["content"].as_str().unwrap().lines().count(), 3);
            assert_eq!(json["method"], method.wire());
        }
    }

    #[test]
    fn email_goes_to_the_approver_or_else_to_admin_at_the_name() {
        let chosen = for_name(
            &name("www.example.org", Method::Email, Some("it@example.org")),
            &mut rand::rng(),
        );
        let fallback = for_name(
            &name("*.example.net", Method::Email, None),
            &mut rand::rng(),
        );
        assert_eq!(
            serde_json::to_value(chosen).unwrap(),
            json!({"method": "email", "name": "www.example.org", "email": "it@example.org"})
        );
        assert_eq!(
            serde_json::to_value(fallback).unwrap()["email"],
            "admin@example.net"
        );
    }
}
