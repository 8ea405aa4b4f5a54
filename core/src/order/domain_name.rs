//! Host names as the CA/Browser Forum Baseline Requirements allow them in a certificate.

use std::fmt;

pub const MAX_NAME: usize = 253;
const MAX_LABEL: usize = 63;

/// A fully qualified host name in lower case ASCII; it cannot hold an invalid value.
// Read back through `parse`, so a name from the wire is checked like a typed one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct DomainName(String);

impl From<DomainName> for String {
    fn from(name: DomainName) -> String {
        name.0
    }
}

impl TryFrom<String> for DomainName {
    type Error = String;
    fn try_from(text: String) -> Result<DomainName, String> {
        DomainName::parse(&text).map_err(|_| format!("{text:?} is not a domain name"))
    }
}

/// Why a typed name is not a usable host name, with what the words need to say how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NameError {
    Empty,
    TooLong(usize),
    SingleLabel(String),
    TrailingDot,
    EmptyLabel,
    LabelTooLong(String),
    HyphenAtEdge(String),
    Underscore,
    BadCharacter(char),
    NotAscii,
    BadTopLevel(String),
    WildcardNotAllowed,
    IpAddress,
    WildcardShape,
    WildcardRequired,
    WildcardOnPublicSuffix(String),
    BadIdn(String),
    BadPunycode(String),
    ReservedLabel(String),
}

impl DomainName {
    /// Checks an already cleaned name (see [`clean_input`]) against the Baseline Requirements.
    pub fn parse(input: &str) -> Result<DomainName, NameError> {
        if input.is_empty() {
            return Err(NameError::Empty);
        }
        if input.starts_with("*.") {
            return Err(NameError::WildcardNotAllowed);
        }
        if !input.is_ascii() {
            return Err(NameError::NotAscii);
        }
        let name = input.to_ascii_lowercase();
        if name.len() > MAX_NAME {
            return Err(NameError::TooLong(name.len()));
        }
        if name.ends_with('.') {
            return Err(NameError::TrailingDot);
        }
        if let Some(c) = name
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
        {
            return Err(if c == '_' {
                NameError::Underscore
            } else {
                NameError::BadCharacter(c)
            });
        }
        let labels: Vec<&str> = name.split('.').collect();
        if labels.len() < 2 {
            return Err(NameError::SingleLabel(name));
        }
        for label in &labels {
            if label.is_empty() {
                return Err(NameError::EmptyLabel);
            }
            if label.len() > MAX_LABEL {
                return Err(NameError::LabelTooLong((*label).to_string()));
            }
            if label.starts_with('-') || label.ends_with('-') {
                return Err(NameError::HyphenAtEdge((*label).to_string()));
            }
            // RFC 5890: "--" in positions 3-4 marks a reserved label; only xn-- is in use.
            if label.get(2..4) == Some("--") && !label.starts_with("xn--") {
                return Err(NameError::ReservedLabel((*label).to_string()));
            }
        }
        if labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit())) {
            return Err(NameError::IpAddress);
        }
        // A top-level domain is letters only, or an IDN TLD in its xn-- form.
        let tld = labels[labels.len() - 1];
        let tld_ok = tld.len() >= 2
            && (tld.bytes().all(|b| b.is_ascii_alphabetic()) || tld.starts_with("xn--"));
        if !tld_ok {
            return Err(NameError::BadTopLevel(tld.to_string()));
        }
        Ok(DomainName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DomainName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What was tidied away from what was typed, so the person can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameNote {
    /// These parts were removed (a scheme, a path, a port, credentials), in that order.
    Removed(Vec<String>),
    /// The primary name (as typed) was left out of the other names.
    PrimaryNotRepeated(String),
    /// These names were given more than once; the repeats were left out.
    RepeatedRemoved(Vec<String>),
}

/// What [`clean_input`] changed in what was typed, so the person can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub name: String,
    /// Set when something was removed, such as a pasted `https://`.
    pub note: Option<NameNote>,
}

/// Removes what people often paste around a name: spaces, a scheme, a path, a port.
pub fn clean_input(raw: &str) -> Cleaned {
    let trimmed = raw.trim();
    let mut rest = trimmed;
    let mut removed = Vec::new();
    if let Some(pos) = rest.find("://") {
        removed.push(&rest[..pos + 3]);
        rest = rest[pos + 3..].trim_start();
    }
    if let Some(pos) = rest.find(['/', '?', '#']) {
        removed.push(&rest[pos..]);
        rest = &rest[..pos];
    }
    // Credentials in a pasted URL ("user:pass@host") are never part of the name.
    if let Some(pos) = rest.rfind('@') {
        removed.push(&rest[..=pos]);
        rest = &rest[pos + 1..];
    }
    // A port is digits after the last colon; any other colon is left for the name check.
    if let Some(pos) = rest.rfind(':') {
        if rest[pos + 1..].bytes().all(|b| b.is_ascii_digit()) {
            removed.push(&rest[pos..]);
            rest = &rest[..pos];
        }
    }
    let note = (!removed.is_empty())
        .then(|| NameNote::Removed(removed.into_iter().map(str::to_string).collect()));
    Cleaned {
        name: rest.to_ascii_lowercase(),
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_name_is_accepted_and_lower_cased() {
        assert_eq!(
            DomainName::parse("WWW.Example.COM").map(|n| n.to_string()),
            Ok("www.example.com".to_string())
        );
    }

    #[test]
    fn an_empty_name_is_refused() {
        assert_eq!(DomainName::parse(""), Err(NameError::Empty));
    }

    #[test]
    fn a_name_needs_two_labels() {
        assert!(matches!(
            DomainName::parse("localhost"),
            Err(NameError::SingleLabel(_))
        ));
    }

    #[test]
    fn a_trailing_dot_is_refused() {
        assert_eq!(
            DomainName::parse("example.com."),
            Err(NameError::TrailingDot)
        );
    }

    #[test]
    fn an_underscore_is_refused() {
        assert_eq!(
            DomainName::parse("my_host.example.com"),
            Err(NameError::Underscore)
        );
    }

    #[test]
    fn a_label_may_have_63_octets_but_not_64() {
        let ok = format!("{}.com", "a".repeat(63));
        let long = format!("{}.com", "a".repeat(64));
        assert!(DomainName::parse(&ok).is_ok());
        assert!(matches!(
            DomainName::parse(&long),
            Err(NameError::LabelTooLong(_))
        ));
    }

    #[test]
    fn a_name_may_have_253_octets_but_not_254() {
        let label = "a".repeat(61);
        // 4 labels of 61 + 3 dots = 247, plus ".com" style ending makes the totals exact.
        let base = [label.as_str(); 4].join(".");
        let ok = format!("{base}.abcde");
        assert_eq!(ok.len(), 253);
        assert!(DomainName::parse(&ok).is_ok());
        let long = format!("{base}.abcdef");
        assert_eq!(DomainName::parse(&long), Err(NameError::TooLong(254)));
    }

    #[test]
    fn a_hyphen_at_either_end_of_a_label_is_refused() {
        assert!(matches!(
            DomainName::parse("-www.example.com"),
            Err(NameError::HyphenAtEdge(_))
        ));
        assert!(matches!(
            DomainName::parse("www-.example.com"),
            Err(NameError::HyphenAtEdge(_))
        ));
    }

    #[test]
    fn two_dots_in_a_row_are_refused() {
        assert_eq!(
            DomainName::parse("www..example.com"),
            Err(NameError::EmptyLabel)
        );
    }

    #[test]
    fn a_numeric_top_level_domain_is_refused() {
        assert!(matches!(
            DomainName::parse("example.123"),
            Err(NameError::BadTopLevel(_))
        ));
    }

    #[test]
    fn an_ip_address_is_refused() {
        assert_eq!(DomainName::parse("192.0.2.1"), Err(NameError::IpAddress));
    }

    #[test]
    fn a_punycode_name_is_accepted() {
        assert!(DomainName::parse("xn--bcher-kva.example.xn--p1ai").is_ok());
    }

    #[test]
    fn a_name_with_non_ascii_letters_asks_for_punycode() {
        assert_eq!(DomainName::parse("bücher.de"), Err(NameError::NotAscii));
    }

    #[test]
    fn a_wildcard_is_refused_for_a_single_name_certificate() {
        assert_eq!(
            DomainName::parse("*.example.com"),
            Err(NameError::WildcardNotAllowed)
        );
    }

    #[test]
    fn spaces_are_refused_with_the_character_named() {
        assert_eq!(
            DomainName::parse("www.exa mple.com"),
            Err(NameError::BadCharacter(' '))
        );
    }

    #[test]
    fn cleaning_removes_a_pasted_scheme_path_and_port_and_says_so() {
        let cleaned = clean_input("  https://WWW.Example.com:8443/shop?x=1 ");
        assert_eq!(cleaned.name, "www.example.com");
        assert_eq!(
            cleaned.note,
            Some(NameNote::Removed(vec![
                "https://".into(),
                "/shop?x=1".into(),
                ":8443".into()
            ]))
        );
    }

    #[test]
    fn cleaning_removes_credentials_and_spaces_after_the_scheme() {
        let cleaned = clean_input("https:// user:pass@WWW.example.com/");
        assert_eq!(cleaned.name, "www.example.com");
        assert_eq!(
            cleaned.note,
            Some(NameNote::Removed(vec![
                "https://".into(),
                "/".into(),
                "user:pass@".into()
            ]))
        );
    }

    #[test]
    fn a_colon_not_followed_by_a_port_is_left_for_the_name_check() {
        assert_eq!(clean_input("a.example.com:1:2").name, "a.example.com:1");
        assert_eq!(
            DomainName::parse(&clean_input("a.example.com:1:2").name),
            Err(NameError::BadCharacter(':'))
        );
    }

    #[test]
    fn a_label_with_double_hyphens_in_third_and_fourth_place_is_reserved() {
        assert_eq!(
            DomainName::parse("ab--cd.example.com"),
            Err(NameError::ReservedLabel("ab--cd".into()))
        );
        assert!(DomainName::parse("xn--bcher-kva.example.com").is_ok());
        assert!(DomainName::parse("a--b.example.com").is_ok());
    }

    #[test]
    fn cleaning_a_plain_name_adds_no_note() {
        let cleaned = clean_input(" example.com ");
        assert_eq!(cleaned.name, "example.com");
        assert_eq!(cleaned.note, None);
    }
}
