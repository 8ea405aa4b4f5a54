//! The Public Suffix List (ICANN section): where registrable domains begin.
//!
//! The list is fetched at run time as data (public/data/public-suffix-icann.dat), so it can be
//! updated without a new build and costs the wasm binary only this lookup code.
//! Matching follows <https://github.com/publicsuffix/list/wiki/Format>, with two choices:
//! - a wildcard rule `*.ck` also makes `ck` a public suffix, as browsers and the list's linter
//!   treat it (publicsuffix/list#1989, #2240);
//! - the implicit `*` rule applies only under a top-level domain the list knows, because an
//!   unknown TLD cannot get a publicly trusted certificate.

use std::cmp::Ordering;

/// The rules of the list, kept in the lower-case ASCII (xn--) form names are compared in.
#[derive(Debug, Clone, Default)]
pub struct PublicSuffixList {
    /// Plain rules: `co.uk`.
    rules: NameSet,
    /// Wildcard rules by their base: `*.ck` is stored as `ck`.
    wildcards: NameSet,
    /// Exception rules without the `!`: `!www.ck` is stored as `www.ck`.
    exceptions: NameSet,
    /// The last label of every rule; `za` has only rules like `co.za`, yet is a real TLD.
    tlds: NameSet,
}

/// A de-duplicated set of names sorted label by label from the right, searched by bisection.
/// It costs the wasm binary half the code of a `HashSet` or of a sort, and the data file
/// comes in this order, so building it only appends (a file out of order still works, only
/// slower to load).
#[derive(Debug, Clone, Default)]
struct NameSet(Vec<Box<str>>);

impl NameSet {
    fn insert(&mut self, name: &str) {
        // The data file is in order, so nearly every name goes at the end or repeats the last
        // (as a TLD does): no search needed.
        match self.0.last().map(|last| by_labels(last, name)) {
            None | Some(Ordering::Less) => self.0.push(name.into()),
            Some(Ordering::Equal) => {}
            Some(Ordering::Greater) => {
                if let Err(at) = self.find(name) {
                    self.0.insert(at, name.into());
                }
            }
        }
    }

    fn contains(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|probe| by_labels(probe, name))
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

impl PublicSuffixList {
    /// Reads the list's text format; lines that are not rules are skipped rather than refused,
    /// so a damaged line costs one rule, not the whole list.
    pub fn parse(text: &str) -> PublicSuffixList {
        let mut list = PublicSuffixList::default();
        for line in text.lines() {
            // The format reads a rule only up to the first whitespace.
            let Some(rule) = line.split_whitespace().next() else {
                continue;
            };
            if rule.starts_with("//") {
                continue;
            }
            let rule = rule.to_ascii_lowercase();
            let (set, name) = if let Some(name) = rule.strip_prefix('!') {
                (&mut list.exceptions, name)
            } else if let Some(name) = rule.strip_prefix("*.") {
                (&mut list.wildcards, name)
            } else {
                (&mut list.rules, rule.as_str())
            };
            // Wildcards other than a leading `*.` are allowed by the format but unused in
            // the list; skipping them is safer than matching them wrongly.
            if has_empty_label(name) || name.contains('*') {
                continue;
            }
            list.tlds.insert(last_label(name));
            set.insert(name);
        }
        list
    }

    /// The number of rules (plain, wildcard and exception).
    pub fn len(&self) -> usize {
        self.rules.len() + self.wildcards.len() + self.exceptions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The public suffix of a lower-case ASCII name, or `None` when its TLD is not in the list
    /// or the name has an empty label.
    pub fn public_suffix<'a>(&self, name: &'a str) -> Option<&'a str> {
        if has_empty_label(name) || !self.has_known_tld(name) {
            return None;
        }
        // The implicit `*` rule: under a known TLD, at least the TLD itself is a suffix.
        let mut longest = last_label(name);
        let mut parent: Option<&str> = None;
        for suffix in suffixes(name) {
            if self.exceptions.contains(suffix) {
                // An exception prevails over every other rule; its suffix drops one label.
                return parent;
            }
            if self.rules.contains(suffix)
                || self.wildcards.contains(suffix)
                || parent.is_some_and(|p| self.wildcards.contains(p))
            {
                longest = suffix;
            }
            parent = Some(suffix);
        }
        Some(longest)
    }

    /// Whether the whole name is a public suffix, so nobody can register it for themselves.
    pub fn is_public_suffix(&self, name: &str) -> bool {
        self.public_suffix(name) == Some(name)
    }

    /// The public suffix plus one label: the part of the name someone registered.
    /// `None` when the name is itself a public suffix or its TLD is not in the list.
    pub fn registered_domain<'a>(&self, name: &'a str) -> Option<&'a str> {
        let suffix = self.public_suffix(name)?;
        let rest = name.strip_suffix(suffix)?.strip_suffix('.')?;
        let start = rest.rfind('.').map_or(0, |dot| dot + 1);
        name.get(start..)
    }

    /// Whether the name's last label is a top-level domain the list has rules for.
    pub fn has_known_tld(&self, name: &str) -> bool {
        let tld = last_label(name);
        !tld.is_empty() && self.tlds.contains(tld)
    }
}

/// The name's suffixes at label boundaries, shortest first: `a.b.c` gives `c`, `b.c`, `a.b.c`.
fn suffixes(name: &str) -> impl Iterator<Item = &str> {
    let starts = name.rmatch_indices('.').map(|(dot, _)| dot + 1);
    starts
        .chain(std::iter::once(0))
        .filter_map(move |start| name.get(start..))
}

/// The set's order: label by label from the right, which keeps each TLD's rules together.
fn by_labels(a: &str, b: &str) -> Ordering {
    a.rsplit('.').cmp(b.rsplit('.'))
}

fn last_label(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// An empty name, a leading or trailing dot, or two dots in a row.
fn has_empty_label(name: &str) -> bool {
    name.split('.').any(str::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules the official test vectors rely on, as they appear in the list.
    const SMALL_LIST: &str = "\
// A comment line, then a blank one.

ac
com.ac
biz
com
uk.com
jp
ac.jp
kyoto.jp
ide.kyoto.jp
*.kobe.jp
!city.kobe.jp
*.ck
!www.ck
*.mm
us
ak.us
k12.ak.us
cn
com.cn
xn--55qx5d.cn
xn--fiqs8s
uk
co.uk
*.sch.uk
ac.za
co.za
";

    const SHIPPED_LIST: &str = include_str!("../../../public/data/public-suffix-icann.dat");

    /// `checkPublicSuffix` cases from the list's tests/test_psl.txt that concern ICANN rules in
    /// lower-case ASCII form: (name, registrable domain). Left out: mixed case and Unicode
    /// names (callers pass a `DomainName`, lower case and xn--), leading dots (covered below),
    /// and unlisted TLDs, which this module refuses on purpose.
    const OFFICIAL_VECTORS: &[(&str, Option<&str>)] = &[
        ("biz", None),
        ("domain.biz", Some("domain.biz")),
        ("b.domain.biz", Some("domain.biz")),
        ("a.b.domain.biz", Some("domain.biz")),
        ("com", None),
        ("example.com", Some("example.com")),
        ("b.example.com", Some("example.com")),
        ("a.b.example.com", Some("example.com")),
        ("test.ac", Some("test.ac")),
        ("mm", None),
        ("c.mm", None),
        ("b.c.mm", Some("b.c.mm")),
        ("a.b.c.mm", Some("b.c.mm")),
        ("jp", None),
        ("test.jp", Some("test.jp")),
        ("www.test.jp", Some("test.jp")),
        ("ac.jp", None),
        ("test.ac.jp", Some("test.ac.jp")),
        ("www.test.ac.jp", Some("test.ac.jp")),
        ("kyoto.jp", None),
        ("test.kyoto.jp", Some("test.kyoto.jp")),
        ("ide.kyoto.jp", None),
        ("b.ide.kyoto.jp", Some("b.ide.kyoto.jp")),
        ("a.b.ide.kyoto.jp", Some("b.ide.kyoto.jp")),
        ("c.kobe.jp", None),
        ("b.c.kobe.jp", Some("b.c.kobe.jp")),
        ("a.b.c.kobe.jp", Some("b.c.kobe.jp")),
        ("city.kobe.jp", Some("city.kobe.jp")),
        ("www.city.kobe.jp", Some("city.kobe.jp")),
        ("ck", None),
        ("test.ck", None),
        ("b.test.ck", Some("b.test.ck")),
        ("a.b.test.ck", Some("b.test.ck")),
        ("www.ck", Some("www.ck")),
        ("www.www.ck", Some("www.ck")),
        ("us", None),
        ("test.us", Some("test.us")),
        ("www.test.us", Some("test.us")),
        ("ak.us", None),
        ("test.ak.us", Some("test.ak.us")),
        ("www.test.ak.us", Some("test.ak.us")),
        ("k12.ak.us", None),
        ("test.k12.ak.us", Some("test.k12.ak.us")),
        ("www.test.k12.ak.us", Some("test.k12.ak.us")),
        ("xn--85x722f.com.cn", Some("xn--85x722f.com.cn")),
        (
            "xn--85x722f.xn--55qx5d.cn",
            Some("xn--85x722f.xn--55qx5d.cn"),
        ),
        (
            "www.xn--85x722f.xn--55qx5d.cn",
            Some("xn--85x722f.xn--55qx5d.cn"),
        ),
        ("shishi.xn--55qx5d.cn", Some("shishi.xn--55qx5d.cn")),
        ("xn--55qx5d.cn", None),
        ("xn--85x722f.xn--fiqs8s", Some("xn--85x722f.xn--fiqs8s")),
        ("www.xn--85x722f.xn--fiqs8s", Some("xn--85x722f.xn--fiqs8s")),
        ("shishi.xn--fiqs8s", Some("shishi.xn--fiqs8s")),
        ("xn--fiqs8s", None),
    ];

    /// Official cases for `uk.com`, which sits in the list's private section: they hold only
    /// for the small list, which carries that rule to exercise two-level rules under `com`.
    const PRIVATE_SECTION_VECTORS: &[(&str, Option<&str>)] = &[
        ("uk.com", None),
        ("example.uk.com", Some("example.uk.com")),
        ("b.example.uk.com", Some("example.uk.com")),
        ("a.b.example.uk.com", Some("example.uk.com")),
    ];

    fn check_vectors(list: &PublicSuffixList, vectors: &[(&str, Option<&str>)]) {
        for &(name, expected) in vectors {
            assert_eq!(list.registered_domain(name), expected, "{name}");
        }
    }

    #[test]
    fn the_official_test_vectors_pass_on_a_small_list() {
        check_vectors(&PublicSuffixList::parse(SMALL_LIST), OFFICIAL_VECTORS);
    }

    #[test]
    fn the_official_two_level_rule_vectors_pass_on_a_small_list() {
        check_vectors(
            &PublicSuffixList::parse(SMALL_LIST),
            PRIVATE_SECTION_VECTORS,
        );
    }

    #[test]
    fn the_official_test_vectors_pass_on_the_shipped_list() {
        check_vectors(&PublicSuffixList::parse(SHIPPED_LIST), OFFICIAL_VECTORS);
    }

    #[test]
    fn private_section_rules_are_not_in_the_shipped_list() {
        // uk.com is CentralNic's private rule: for a certificate it is an ordinary domain.
        let list = PublicSuffixList::parse(SHIPPED_LIST);
        assert_eq!(list.registered_domain("shop.uk.com"), Some("uk.com"));
    }

    #[test]
    fn the_shipped_list_has_thousands_of_rules() {
        // Guards against an empty or truncated data file; the list has held ~7000 for years.
        let list = PublicSuffixList::parse(SHIPPED_LIST);
        assert!(list.len() > 6000, "{}", list.len());
    }

    #[test]
    fn the_shipped_list_comes_in_the_order_loading_keeps() {
        // Out of order, every rule would be inserted mid-set: a slow load, not a wrong one.
        let names: Vec<&str> = SHIPPED_LIST
            .lines()
            .filter(|line| !line.starts_with("//"))
            .map(|rule| rule.trim_start_matches('!').trim_start_matches("*."))
            .collect();
        for pair in names.windows(2) {
            assert!(pair[0].rsplit('.').le(pair[1].rsplit('.')), "{pair:?}");
        }
    }

    #[test]
    fn a_list_out_of_order_loads_the_same_rules() {
        let reversed: Vec<&str> = SHIPPED_LIST.lines().rev().collect();
        let list = PublicSuffixList::parse(&reversed.join("\n"));
        assert_eq!(list.len(), PublicSuffixList::parse(SHIPPED_LIST).len());
        check_vectors(&list, OFFICIAL_VECTORS);
    }

    #[test]
    fn the_shipped_list_is_in_ascii_form() {
        assert!(SHIPPED_LIST.is_ascii());
    }

    #[test]
    fn comments_blank_lines_and_text_after_a_rule_are_ignored() {
        let list = PublicSuffixList::parse("// com\n\n  \norg trailing words\n");
        assert_eq!(list.len(), 1);
        assert!(list.is_public_suffix("org"));
        assert!(!list.has_known_tld("example.com"));
    }

    #[test]
    fn rules_are_lower_cased() {
        let list = PublicSuffixList::parse("CO.UK\n");
        assert!(list.is_public_suffix("co.uk"));
    }

    #[test]
    fn every_kind_of_rule_is_counted() {
        let list = PublicSuffixList::parse("com\n*.ck\n!www.ck\n");
        assert_eq!(list.len(), 3);
        assert!(!list.is_empty());
    }

    #[test]
    fn an_empty_text_gives_an_empty_list() {
        let list = PublicSuffixList::parse("");
        assert!(list.is_empty());
        assert_eq!(list.public_suffix("example.com"), None);
    }

    #[test]
    fn the_public_suffix_is_the_longest_matching_rule() {
        let list = PublicSuffixList::parse(SMALL_LIST);
        let cases = [
            ("com", "com"),
            ("example.com", "com"),
            ("example.uk.com", "uk.com"),
            ("shop.example.co.uk", "co.uk"),
            ("a.b.k12.ak.us", "k12.ak.us"),
        ];
        for (name, suffix) in cases {
            assert_eq!(list.public_suffix(name), Some(suffix), "{name}");
        }
    }

    #[test]
    fn a_wildcard_rule_makes_every_child_a_suffix() {
        let list = PublicSuffixList::parse(SMALL_LIST);
        assert_eq!(list.public_suffix("shop.anything.ck"), Some("anything.ck"));
        assert!(list.is_public_suffix("anything.ck"));
    }

    #[test]
    fn a_wildcard_rule_makes_its_base_a_suffix() {
        let list = PublicSuffixList::parse("uk\n*.co.uk\n*.ck\n");
        assert!(list.is_public_suffix("co.uk"));
        assert!(list.is_public_suffix("ck"));
    }

    #[test]
    fn an_exception_rule_prevails_over_the_wildcard() {
        let list = PublicSuffixList::parse(SMALL_LIST);
        assert_eq!(list.public_suffix("www.ck"), Some("ck"));
        assert!(!list.is_public_suffix("www.ck"));
        assert_eq!(list.public_suffix("shop.city.kobe.jp"), Some("kobe.jp"));
    }

    #[test]
    fn a_known_tld_without_its_own_rule_is_still_a_suffix() {
        // `za` has only second-level rules; the implicit `*` rule covers `example.za`.
        let list = PublicSuffixList::parse(SMALL_LIST);
        assert!(list.has_known_tld("example.za"));
        assert_eq!(list.public_suffix("example.za"), Some("za"));
        assert_eq!(list.registered_domain("www.example.za"), Some("example.za"));
    }

    #[test]
    fn the_registered_domain_is_the_suffix_plus_one_label() {
        let list = PublicSuffixList::parse(SMALL_LIST);
        let cases = [
            ("shop.example.co.uk", "example.co.uk"),
            ("example.co.uk", "example.co.uk"),
            ("a.b.c.example.com", "example.com"),
            ("a.b.school.sch.uk", "b.school.sch.uk"),
        ];
        for (name, registered) in cases {
            assert_eq!(list.registered_domain(name), Some(registered), "{name}");
        }
    }

    #[test]
    fn a_public_suffix_has_no_registered_domain() {
        let list = PublicSuffixList::parse(SMALL_LIST);
        for name in ["com", "co.uk", "sch.uk", "anything.sch.uk", "xn--55qx5d.cn"] {
            assert_eq!(list.registered_domain(name), None, "{name}");
        }
    }

    #[test]
    fn an_unlisted_tld_has_no_suffix_and_no_registered_domain() {
        let list = PublicSuffixList::parse(SHIPPED_LIST);
        for name in [
            "example.invalidtld",
            "example",
            "b.example.example",
            "host.local",
        ] {
            assert!(!list.has_known_tld(name), "{name}");
            assert_eq!(list.public_suffix(name), None, "{name}");
            assert_eq!(list.registered_domain(name), None, "{name}");
        }
    }

    #[test]
    fn a_registered_domain_is_not_a_suffix() {
        let list = PublicSuffixList::parse(SHIPPED_LIST);
        assert!(!list.is_public_suffix("example.com"));
        assert!(list.is_public_suffix("com"));
    }

    #[test]
    fn the_shipped_list_knows_real_tlds_including_wildcard_only_ones() {
        let list = PublicSuffixList::parse(SHIPPED_LIST);
        for name in [
            "example.com",
            "example.co.uk",
            "example.ck",
            "example.za",
            "a.xn--fiqs8s",
        ] {
            assert!(list.has_known_tld(name), "{name}");
        }
    }

    #[test]
    fn the_shipped_list_holds_idn_rules_in_punycode() {
        let list = PublicSuffixList::parse(SHIPPED_LIST);
        assert!(list.is_public_suffix("xn--55qx5d.cn"));
        assert!(list.is_public_suffix("xn--fiqs8s"));
    }

    #[test]
    fn a_name_with_an_empty_label_has_no_suffix() {
        let list = PublicSuffixList::parse(SMALL_LIST);
        for name in [
            "",
            ".",
            ".com",
            ".example.com",
            "example.com.",
            "example..com",
        ] {
            assert_eq!(list.public_suffix(name), None, "{name:?}");
            assert_eq!(list.registered_domain(name), None, "{name:?}");
            assert!(!list.is_public_suffix(name), "{name:?}");
        }
    }
}
