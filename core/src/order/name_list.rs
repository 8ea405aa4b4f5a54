//! Names as a certificate lists them: exact host names and wildcards, read one by one or
//! as a pasted list, with internationalised names converted and the Public Suffix List applied.

use super::domain_name::{clean_input, DomainName, NameError, NameNote, MAX_NAME};
use super::rules::Rules;
use std::fmt;
/// `*.` over a full name: covers exactly one label below it.
// Read back through `parse`, like `DomainName`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct WildcardName(DomainName);

impl From<WildcardName> for String {
    fn from(name: WildcardName) -> String {
        name.to_string()
    }
}

impl TryFrom<String> for WildcardName {
    type Error = String;
    fn try_from(text: String) -> Result<WildcardName, String> {
        WildcardName::parse(&text).map_err(|_| format!("{text:?} is not a wildcard name"))
    }
}

impl WildcardName {
    /// Checks the shape: `*` is the whole left-most label, and the rest is a valid name.
    pub fn parse(input: &str) -> Result<WildcardName, NameError> {
        let Some(base) = input.strip_prefix("*.") else {
            return Err(NameError::WildcardShape);
        };
        // The whole name, "*." included, must fit the 253 octets of a host name.
        if input.len() > MAX_NAME {
            return Err(NameError::TooLong(input.len()));
        }
        if base.contains('*') {
            return Err(NameError::WildcardShape);
        }
        DomainName::parse(base).map(WildcardName)
    }

    /// The name the wildcard stands on: `example.com` for `*.example.com`.
    pub fn base(&self) -> &DomainName {
        &self.0
    }
}

impl fmt::Display for WildcardName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "*.{}", self.0)
    }
}

/// One name of a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CertName {
    Exact(DomainName),
    Wildcard(WildcardName),
}

impl CertName {
    pub fn parse(input: &str) -> Result<CertName, NameError> {
        if input.contains('*') {
            WildcardName::parse(input).map(CertName::Wildcard)
        } else {
            DomainName::parse(input).map(CertName::Exact)
        }
    }

    pub fn is_wildcard(&self) -> bool {
        matches!(self, CertName::Wildcard(_))
    }

    /// The host the name is about: itself, or the name a wildcard stands on.
    pub fn host(&self) -> &DomainName {
        match self {
            CertName::Exact(name) => name,
            CertName::Wildcard(name) => name.base(),
        }
    }
}

impl fmt::Display for CertName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CertName::Exact(name) => name.fmt(f),
            CertName::Wildcard(name) => name.fmt(f),
        }
    }
}

/// A name as read from what was typed: the name itself and, for an internationalised name,
/// the Unicode form the person typed, so both can be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadName {
    pub name: CertName,
    pub unicode: Option<String>,
}

/// Reads one typed name: cleans it, converts an internationalised name to `xn--` form, checks
/// the Baseline Requirements' rules and, when the list is loaded, the top-level domain and
/// that a wildcard does not stand directly on a public suffix.
pub fn read_name(typed: &str, rules: &Rules) -> Result<ReadName, NameError> {
    let cleaned = clean_input(typed).name;
    let (ascii, unicode) = if cleaned.is_ascii() {
        (cleaned, None)
    } else {
        // The converter sees the name without its "*." (a URL host cannot hold a star).
        let (star, host) = match cleaned.strip_prefix("*.") {
            Some(host) => ("*.", host),
            None => ("", cleaned.as_str()),
        };
        let converted = rules
            .to_ascii
            .and_then(|to_ascii| to_ascii(host))
            .ok_or_else(|| match rules.to_ascii {
                Some(_) => NameError::BadIdn(cleaned.clone()),
                None => NameError::NotAscii,
            })?;
        if !converted.is_ascii() {
            return Err(NameError::BadIdn(cleaned));
        }
        (format!("{star}{converted}"), Some(cleaned))
    };
    let name = CertName::parse(&ascii)?;
    // An xn-- label must be real punycode (an A-label); the converter knows, and gives the
    // same name back for one that is.
    if let Some(to_ascii) = rules.to_ascii {
        let host = name.host().as_str();
        let has_a_label = host.split('.').any(|label| label.starts_with("xn--"));
        if has_a_label && to_ascii(host).as_deref() != Some(host) {
            return Err(NameError::BadPunycode(host.to_string()));
        }
    }
    if let Some(suffixes) = rules.suffixes {
        let host = name.host().as_str();
        if !suffixes.has_known_tld(host) {
            let tld = host.rsplit('.').next().unwrap_or(host);
            return Err(NameError::BadTopLevel(tld.to_string()));
        }
        if let CertName::Wildcard(wildcard) = &name {
            if suffixes.is_public_suffix(wildcard.base().as_str()) {
                return Err(NameError::WildcardOnPublicSuffix(
                    wildcard.base().as_str().to_string(),
                ));
            }
        }
    }
    Ok(ReadName { name, unicode })
}

/// One entry of a pasted list, as typed, with what it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    pub typed: String,
    pub name: Result<ReadName, NameError>,
}

/// A pasted list read entry by entry, with notes saying what was tidied away.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameList {
    pub entries: Vec<ListEntry>,
    pub notes: Vec<NameNote>,
}

impl NameList {
    /// The names that were read, in the order given.
    pub fn names(&self) -> impl Iterator<Item = &CertName> {
        self.read().map(|read| &read.name)
    }

    /// The names that were read, with their Unicode forms.
    pub fn read(&self) -> impl Iterator<Item = &ReadName> {
        self.entries.iter().filter_map(|e| e.name.as_ref().ok())
    }

    /// The entries that could not be read, with why.
    pub fn problems(&self) -> impl Iterator<Item = (&str, &NameError)> {
        self.entries
            .iter()
            .filter_map(|e| e.name.as_ref().err().map(|err| (e.typed.as_str(), err)))
    }
}

/// Reads names separated by new lines, commas, semicolons or spaces. Repeats and the
/// primary name are removed, each with a note, so the person sees what happened.
pub fn parse_name_list(raw: &str, primary: Option<&str>, rules: &Rules) -> NameList {
    let mut list = NameList::default();
    let mut repeated = Vec::new();
    let mut primary_dropped = false;
    let mut seen: Vec<String> = Vec::new();
    let primary_read = primary.and_then(|p| read_name(p, rules).ok());
    for typed in raw
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty())
    {
        let cleaned = clean_input(typed);
        if let Some(note) = cleaned.note {
            list.notes.push(note);
        }
        // Something like a bare "https://" leaves nothing once cleaned: the note says so.
        if cleaned.name.is_empty() {
            continue;
        }
        let name = read_name(typed, rules);
        // Compare in ASCII form where the name could be read, so bücher.example and
        // xn--bcher-kva.example are the same name.
        let key = match &name {
            Ok(read) => read.name.to_string(),
            Err(_) => cleaned.name.clone(),
        };
        let is_primary = match (&primary_read, &name) {
            (Some(p), Ok(read)) => p.name == read.name,
            _ => primary.is_some_and(|p| p.trim().eq_ignore_ascii_case(&cleaned.name)),
        };
        if is_primary {
            primary_dropped = true;
            continue;
        }
        if seen.contains(&key) {
            repeated.push(key);
            continue;
        }
        seen.push(key);
        list.entries.push(ListEntry {
            typed: typed.to_string(),
            name,
        });
    }
    if let (true, Some(primary)) = (primary_dropped, primary) {
        list.notes
            .push(NameNote::PrimaryNotRepeated(primary.trim().to_string()));
    }
    if !repeated.is_empty() {
        list.notes.push(NameNote::RepeatedRemoved(repeated));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::PublicSuffixList;

    const TODAY: (u16, u8, u8) = (2026, 11, 23);

    fn parse_name_list(raw: &str, primary: Option<&str>) -> NameList {
        super::parse_name_list(raw, primary, &Rules::basic(TODAY))
    }

    fn psl() -> PublicSuffixList {
        PublicSuffixList::parse("com\nuk\nco.uk\nck\n*.ck\n!www.ck\nxn--p1ai\nexample\n")
    }

    fn fake_idn(host: &str) -> Option<String> {
        // Stands in for the browser's converter: one known name, else a failure.
        matches!(host, "bücher.example" | "xn--bcher-kva.example")
            .then(|| "xn--bcher-kva.example".to_string())
    }

    #[test]
    fn a_wildcard_directly_on_a_public_suffix_is_refused() {
        let suffixes = psl();
        let rules = Rules::basic(TODAY).with_suffixes(&suffixes);
        assert_eq!(
            read_name("*.co.uk", &rules),
            Err(NameError::WildcardOnPublicSuffix("co.uk".into()))
        );
        assert_eq!(
            read_name("*.foo.ck", &rules),
            Err(NameError::WildcardOnPublicSuffix("foo.ck".into()))
        );
        assert!(read_name("*.example.co.uk", &rules).is_ok());
        assert!(read_name("*.www.ck", &rules).is_ok());
    }

    #[test]
    fn a_name_must_end_in_a_top_level_domain_on_the_list() {
        let suffixes = psl();
        let rules = Rules::basic(TODAY).with_suffixes(&suffixes);
        assert_eq!(
            read_name("shop.example.notatld", &rules),
            Err(NameError::BadTopLevel("notatld".into()))
        );
        assert!(read_name("shop.example.com", &rules).is_ok());
    }

    #[test]
    fn an_internationalised_name_is_read_in_xn_form_and_keeps_what_was_typed() {
        let rules = Rules::basic(TODAY).with_idn(fake_idn);
        let read = read_name("Bücher.example", &rules);
        assert_eq!(
            read.map(|r| (r.name.to_string(), r.unicode)),
            Ok((
                "xn--bcher-kva.example".to_string(),
                Some("bücher.example".to_string())
            ))
        );
        let wildcard = read_name("*.bücher.example", &rules).map(|r| r.name.to_string());
        assert_eq!(wildcard, Ok("*.xn--bcher-kva.example".to_string()));
    }

    #[test]
    fn an_internationalised_name_that_cannot_be_converted_says_so() {
        let rules = Rules::basic(TODAY).with_idn(fake_idn);
        assert_eq!(
            read_name("b☃d.example", &rules),
            Err(NameError::BadIdn("b☃d.example".into()))
        );
    }

    #[test]
    fn a_wildcard_of_more_than_253_octets_is_refused() {
        let base = format!(
            "{}.{}.{}.{}.com",
            "a".repeat(61),
            "a".repeat(61),
            "a".repeat(61),
            "a".repeat(62)
        );
        assert_eq!(
            WildcardName::parse(&format!("*.{base}")),
            Err(NameError::TooLong(254))
        );
        assert!(WildcardName::parse(&format!("*.{}", &base[1..])).is_ok());
    }

    #[test]
    fn an_xn_label_that_is_not_punycode_is_refused_when_a_converter_is_given() {
        let rules = Rules::basic(TODAY).with_idn(|host| idna::domain_to_ascii(host).ok());
        assert_eq!(
            read_name("xn--a.example.com", &rules),
            Err(NameError::BadPunycode("xn--a.example.com".into()))
        );
        assert!(read_name("xn--bcher-kva.example.com", &rules).is_ok());
    }

    #[test]
    fn a_list_entry_is_read_exactly_as_the_same_name_typed_alone() {
        let rules = Rules::basic(TODAY);
        for typed in [
            "a.example.com:1:2",
            "https:// www.example.com",
            "user@shop.example.com",
        ] {
            let alone = read_name(typed, &rules).map(|r| r.name);
            let list = super::parse_name_list(typed, None, &rules);
            let listed = list.entries.first().map(|e| e.name.clone().map(|r| r.name));
            if typed.contains(' ') {
                continue; // the space splits the entry in a list
            }
            assert_eq!(listed, Some(alone), "{typed}");
        }
    }

    #[test]
    fn an_entry_that_cleans_to_nothing_is_dropped_with_its_note_only() {
        let list = parse_name_list("http:// https://", None);
        assert!(list.entries.is_empty());
        assert_eq!(
            list.notes,
            [
                NameNote::Removed(vec!["http://".into()]),
                NameNote::Removed(vec!["https://".into()])
            ]
        );
    }

    #[test]
    fn a_unicode_name_and_its_xn_form_are_one_name_in_a_list() {
        let rules = Rules::basic(TODAY).with_idn(fake_idn);
        let list = super::parse_name_list("bücher.example xn--bcher-kva.example", None, &rules);
        assert_eq!(list.names().count(), 1);
        assert_eq!(
            list.notes,
            [NameNote::RepeatedRemoved(vec![
                "xn--bcher-kva.example".into()
            ])]
        );
    }

    fn typed_names(list: &NameList) -> Vec<String> {
        list.names().map(ToString::to_string).collect()
    }

    #[test]
    fn names_may_be_separated_by_lines_commas_semicolons_or_spaces() {
        let list = parse_name_list(
            "a.example.com\nb.example.com, c.example.com;d.example.com e.example.com",
            None,
        );
        assert_eq!(
            typed_names(&list),
            [
                "a.example.com",
                "b.example.com",
                "c.example.com",
                "d.example.com",
                "e.example.com"
            ]
        );
        assert!(list.notes.is_empty());
    }

    #[test]
    fn repeated_names_are_removed_with_a_note_ignoring_case() {
        let list = parse_name_list("a.example.com A.Example.com a.example.com", None);
        assert_eq!(typed_names(&list), ["a.example.com"]);
        assert_eq!(
            list.notes,
            [NameNote::RepeatedRemoved(vec![
                "a.example.com".into(),
                "a.example.com".into()
            ])]
        );
    }

    #[test]
    fn the_primary_name_is_not_repeated_among_the_others() {
        let list = parse_name_list("www.example.com shop.example.com", Some("WWW.example.com"));
        assert_eq!(typed_names(&list), ["shop.example.com"]);
        assert_eq!(
            list.notes,
            [NameNote::PrimaryNotRepeated("WWW.example.com".into())]
        );
    }

    #[test]
    fn a_pasted_url_in_the_list_is_cleaned_with_a_note() {
        let list = parse_name_list("https://shop.example.com/cart", None);
        assert_eq!(typed_names(&list), ["shop.example.com"]);
        assert_eq!(
            list.notes,
            [NameNote::Removed(vec!["https://".into(), "/cart".into()])]
        );
    }

    #[test]
    fn a_bad_entry_is_reported_with_what_was_typed_and_the_others_are_kept() {
        let list = parse_name_list("good.example.com bad_name.example.com", None);
        assert_eq!(typed_names(&list), ["good.example.com"]);
        let problems: Vec<_> = list.problems().collect();
        assert_eq!(problems, [("bad_name.example.com", &NameError::Underscore)]);
    }

    #[test]
    fn an_empty_list_has_no_entries_and_no_notes() {
        assert_eq!(parse_name_list(" \n ,; ", None), NameList::default());
    }

    #[test]
    fn a_wildcard_is_a_star_label_over_a_full_name() {
        let name = WildcardName::parse("*.example.com").expect("valid");
        assert_eq!(name.base().as_str(), "example.com");
        assert_eq!(name.to_string(), "*.example.com");
    }

    #[test]
    fn a_star_that_is_not_the_whole_left_most_label_is_refused() {
        for bad in [
            "w*.example.com",
            "*w.example.com",
            "www.*.example.com",
            "*.*.example.com",
            "*",
        ] {
            assert_eq!(
                WildcardName::parse(bad),
                Err(NameError::WildcardShape),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_wildcard_needs_a_full_name_under_it() {
        assert!(matches!(
            WildcardName::parse("*.com"),
            Err(NameError::SingleLabel(_))
        ));
    }

    #[test]
    fn a_list_reads_wildcards_and_exact_names_apart() {
        let list = parse_name_list("*.example.com example.org", None);
        let kinds: Vec<bool> = list.names().map(CertName::is_wildcard).collect();
        assert_eq!(kinds, [true, false]);
    }
}
