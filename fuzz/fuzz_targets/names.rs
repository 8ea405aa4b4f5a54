//! Fuzzes the host-name parsers of the order model (`DomainName::parse`, `clean_input`,
//! `CertName::parse`, `read_name`, `parse_name_list`) and checks what they promise, not only
//! that they do not panic. Lists are read twice: with the basic rules (no Public Suffix List,
//! no IDN conversion) and with the real list and a UTS 46 converter, as the app reads them.
//! Run it with scripts/fuzz.sh.

#![no_main]

use libfuzzer_sys::fuzz_target;
use ssl_order_core::order::{
    clean_input, parse_name_list, read_name, CertName, DomainName, NameList, NameNote,
    PublicSuffixList, ReadName, Rules,
};
use std::collections::HashSet;
use std::sync::OnceLock;

const MAX_NAME: usize = 253;
const MAX_LABEL: usize = 63;
const TODAY: (u16, u8, u8) = (2026, 11, 23);

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let input = input.as_ref();

    check_domain_name(input);
    check_clean_input(input);
    check_cert_name(input);

    for rules in [Rules::basic(TODAY), full_rules()] {
        check_read_name(input, &rules);
        check_list(input, None, &rules);
        // The first entry plays the primary name: once for the rest of the list, and once
        // for the whole list, where it always comes up again.
        let (first, rest) = first_token(input);
        check_list(rest, Some(first), &rules);
        check_list(input, Some(first), &rules);
    }
});

/// The rules the app reads names with: the Public Suffix List it loads, and IDN conversion.
fn full_rules() -> Rules<'static> {
    static LIST: OnceLock<PublicSuffixList> = OnceLock::new();
    let list = LIST.get_or_init(|| {
        PublicSuffixList::parse(include_str!("../../public/data/public-suffix-icann.dat"))
    });
    Rules::basic(TODAY).with_suffixes(list).with_idn(to_ascii)
}

fn to_ascii(host: &str) -> Option<String> {
    idna::domain_to_ascii(host).ok()
}

/// The only call of `parse_name_list`, so a change to its signature is adapted here alone.
fn name_list(raw: &str, primary: Option<&str>, rules: &Rules) -> NameList {
    parse_name_list(raw, primary, rules)
}

/// The separators `parse_name_list` documents: new lines, commas, semicolons and spaces.
fn is_separator(c: char) -> bool {
    c == ',' || c == ';' || c.is_whitespace()
}

fn tokens(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(is_separator).filter(|t| !t.is_empty())
}

/// The first entry of a list, and what follows it.
fn first_token(input: &str) -> (&str, &str) {
    let start = input.find(|c| !is_separator(c)).unwrap_or(input.len());
    let after = &input[start..];
    let end = after.find(is_separator).unwrap_or(after.len());
    after.split_at(end)
}

fn check_domain_name(input: &str) {
    // As typed and as cleaned: cleaning turns many more inputs into valid names.
    for candidate in [input, clean_input(input).name.as_str()] {
        if let Ok(name) = DomainName::parse(candidate) {
            if candidate.is_ascii() {
                assert!(
                    candidate.eq_ignore_ascii_case(name.as_str()),
                    "{candidate:?} was read as {name}, not just lower cased"
                );
            }
            check_valid_domain(&name);
        }
    }
}

/// What a `DomainName` promises: lower case ASCII letters, digits and hyphens in 2 or more
/// labels of 1 to 63 octets, no hyphen at a label's edge, 253 octets at most, and its text
/// reads back as the same name.
fn check_valid_domain(name: &DomainName) {
    let text = name.as_str();
    assert_eq!(name.to_string(), text, "Display and as_str disagree");
    assert!(
        text.len() <= MAX_NAME,
        "{text:?} has {} octets, more than {MAX_NAME}",
        text.len()
    );
    assert!(text.contains('.'), "{text:?} has a single label");
    for label in text.split('.') {
        assert!(
            (1..=MAX_LABEL).contains(&label.len()),
            "label {label:?} of {text:?} has {} octets",
            label.len()
        );
        assert!(
            label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "label {label:?} of {text:?} has a character outside [a-z0-9-]"
        );
        assert!(
            !label.starts_with('-') && !label.ends_with('-'),
            "label {label:?} of {text:?} starts or ends with a hyphen"
        );
    }
    assert_eq!(
        DomainName::parse(text).as_ref(),
        Ok(name),
        "{text:?} does not read back as itself"
    );
}

fn check_clean_input(input: &str) {
    let cleaned = clean_input(input);
    // Only the last ":" (a port) is removed, so "user:pass@host" keeps one: parsing then
    // refuses the name with the ":" named.
    assert!(
        !cleaned.name.contains(['/', '?', '#']),
        "cleaning {input:?} left a path: {:?}",
        cleaned.name
    );
    assert!(
        !cleaned.name.bytes().any(|b| b.is_ascii_uppercase()),
        "cleaning {input:?} left upper case: {:?}",
        cleaned.name
    );
}

fn check_cert_name(input: &str) {
    for candidate in [input, clean_input(input).name.as_str()] {
        if let Ok(name) = CertName::parse(candidate) {
            check_valid_cert_name(&name);
        }
    }
}

/// A `CertName` is a valid name, or `*.` over one, no longer than a name may be, and its
/// text reads back as itself.
fn check_valid_cert_name(name: &CertName) {
    let text = name.to_string();
    assert!(
        text.len() <= MAX_NAME,
        "{text:?} has {} octets, more than {MAX_NAME}",
        text.len()
    );
    match name {
        CertName::Exact(exact) => {
            check_valid_domain(exact);
            assert_eq!(text, exact.as_str());
        }
        CertName::Wildcard(wildcard) => {
            check_valid_domain(wildcard.base());
            assert_eq!(text, format!("*.{}", wildcard.base()));
        }
    }
    assert_eq!(
        CertName::parse(&text).as_ref(),
        Ok(name),
        "{text:?} does not read back as itself"
    );
}

/// `read_name` gives a valid name, keeps the Unicode form only of a non-ASCII name, and its
/// `xn--` form reads back as itself.
fn check_read_name(input: &str, rules: &Rules) {
    let Ok(read) = read_name(input, rules) else {
        return;
    };
    check_valid_cert_name(&read.name);
    if let Some(unicode) = &read.unicode {
        assert!(!unicode.is_ascii(), "{input:?} kept an ASCII Unicode form");
    }
    let again = read_name(&read.name.to_string(), rules);
    assert_eq!(
        again,
        Ok(ReadName {
            name: read.name.clone(),
            unicode: None
        }),
        "{input:?} was read as {}, which does not read back as itself",
        read.name
    );
}

/// The names noted as repeats (none when no note says so).
fn repeated_names(notes: &[NameNote]) -> &[String] {
    notes
        .iter()
        .find_map(|note| match note {
            NameNote::RepeatedRemoved(names) => Some(names.as_slice()),
            NameNote::Removed(_) | NameNote::PrimaryNotRepeated(_) => None,
        })
        .unwrap_or_default()
}

fn check_list(raw: &str, primary: Option<&str>, rules: &Rules) {
    let list = &name_list(raw, primary, rules);
    // Each name reads back as itself, and none is listed twice.
    let mut names = HashSet::new();
    for name in list.names() {
        check_valid_cert_name(name);
        assert!(
            names.insert(name.clone()),
            "{name} is listed twice for {raw:?}"
        );
    }

    // The primary name is never listed again, however it was typed.
    for primary in primary.map(|p| read_name(p, rules)).into_iter().flatten() {
        assert!(
            !names.contains(&primary.name),
            "the primary name {} is listed again for {raw:?}",
            primary.name
        );
    }

    // Each entry is one typed entry, and no two entries are alike: the same name, or the
    // same text once cleaned where no name could be read.
    let mut keys = HashSet::new();
    for entry in &list.entries {
        assert!(
            !entry.typed.is_empty() && !entry.typed.contains(is_separator),
            "entry {:?} is not one typed entry of {raw:?}",
            entry.typed
        );
        let key = match &entry.name {
            Ok(read) => read.name.to_string(),
            Err(_) => clean_input(&entry.typed).name,
        };
        assert!(
            keys.insert(key),
            "entry {:?} repeats an earlier one in {raw:?}",
            entry.typed
        );
    }
    assert_eq!(
        list.names().count() + list.problems().count(),
        list.entries.len()
    );

    // Every typed entry is listed, noted as a repeat of a listed one, or is the primary;
    // entries that clean to nothing (a bare "https://") are dropped, their cleaning noted.
    let typed = tokens(raw)
        .filter(|token| !clean_input(token).name.is_empty())
        .count();
    let repeated_names = repeated_names(&list.notes);
    let repeated = repeated_names.len();
    for name in repeated_names {
        assert!(
            keys.contains(name),
            "{name:?} is noted as a repeat but not listed for {raw:?}"
        );
    }
    let accounted = list.entries.len() + repeated;
    assert!(
        accounted <= typed,
        "{} entries and {repeated} repeats from {typed} typed for {raw:?}",
        list.entries.len()
    );
    let primary_noted = list
        .notes
        .iter()
        .any(|n| matches!(n, NameNote::PrimaryNotRepeated(_)));
    assert_eq!(
        typed > accounted,
        primary.is_some() && primary_noted,
        "{typed} typed, {} listed, {repeated} repeats, primary note {primary_noted} for {raw:?}",
        list.entries.len()
    );

    // What cleaning removed from each entry is noted, in order.
    let mut notes = list.notes.iter();
    for token in tokens(raw) {
        if let Some(note) = clean_input(token).note {
            assert!(
                notes.any(|n| *n == note),
                "the note {note:?} is missing for {raw:?}: {:?}",
                list.notes
            );
        }
    }
}
