//! Names as a multi-domain certificate lists them: exact host names and wildcards, pasted
//! as one list. (Issue 3 wires this into the wizard; the public-suffix check of wildcards
//! joins it once the list is loaded as data.)

use super::domain_name::{clean_input, DomainName, NameError};
use std::fmt;

/// `*.` over a full name: covers exactly one label below it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WildcardName(DomainName);

impl WildcardName {
    /// Checks the shape: `*` is the whole left-most label, and the rest is a valid name.
    pub fn parse(input: &str) -> Result<WildcardName, NameError> {
        let Some(base) = input.strip_prefix("*.") else {
            return Err(NameError::WildcardShape);
        };
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
}

impl fmt::Display for CertName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CertName::Exact(name) => name.fmt(f),
            CertName::Wildcard(name) => name.fmt(f),
        }
    }
}

/// One entry of a pasted list, as typed, with what it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    pub typed: String,
    pub name: Result<CertName, NameError>,
}

/// A pasted list read entry by entry, with sentences saying what was tidied away.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameList {
    pub entries: Vec<ListEntry>,
    pub notes: Vec<String>,
}

impl NameList {
    /// The names that were read, in the order given.
    pub fn names(&self) -> impl Iterator<Item = &CertName> {
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
pub fn parse_name_list(raw: &str, primary: Option<&str>) -> NameList {
    let mut list = NameList::default();
    let mut repeated = Vec::new();
    let mut primary_dropped = false;
    let mut seen: Vec<String> = Vec::new();
    for typed in raw
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty())
    {
        let cleaned = clean_input(typed);
        if let Some(note) = cleaned.note {
            list.notes.push(note);
        }
        if primary.is_some_and(|p| p.eq_ignore_ascii_case(&cleaned.name)) {
            primary_dropped = true;
            continue;
        }
        if seen.contains(&cleaned.name) {
            repeated.push(cleaned.name);
            continue;
        }
        seen.push(cleaned.name.clone());
        list.entries.push(ListEntry {
            typed: typed.to_string(),
            name: CertName::parse(&cleaned.name),
        });
    }
    if let (true, Some(primary)) = (primary_dropped, primary) {
        list.notes.push(format!(
            "{primary} is the primary name, so it is not listed again among the others."
        ));
    }
    if !repeated.is_empty() {
        list.notes.push(format!(
            "We removed {} repeated name{}: {}.",
            repeated.len(),
            if repeated.len() == 1 { "" } else { "s" },
            repeated.join(", ")
        ));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ["We removed 2 repeated names: a.example.com, a.example.com."]
        );
    }

    #[test]
    fn the_primary_name_is_not_repeated_among_the_others() {
        let list = parse_name_list("www.example.com shop.example.com", Some("WWW.example.com"));
        assert_eq!(typed_names(&list), ["shop.example.com"]);
        assert_eq!(
            list.notes,
            ["WWW.example.com is the primary name, so it is not listed again among the others."]
        );
    }

    #[test]
    fn a_pasted_url_in_the_list_is_cleaned_with_a_note() {
        let list = parse_name_list("https://shop.example.com/cart", None);
        assert_eq!(typed_names(&list), ["shop.example.com"]);
        assert_eq!(list.notes.len(), 1);
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
