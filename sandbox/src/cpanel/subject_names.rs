//! A certificate's `subject_names`, in any of the three encodings cPanel's documents use,
//! one encoding per certificate:
//!
//! - `{"dNSName":"example.com"}`: the documented example;
//! - `["dNSName","example.com"]`: older documents, which cPanel still accepts;
//! - `{"type":"dNSName","name":"example.com","dcv_method":"http"}`: cPanel's own wizard.
//!
//! The first two carry no `dcv_method`; cPanel's code treats them as HTTP validation, so a
//! wildcard name can only come in the wizard's encoding with `"dcv_method":"dns"`.

use serde_json::{Map, Value};

use super::products::{Product, Validation};
use crate::checks::{check_name, split_wildcard};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Seed,
    Pair,
    Wizard,
}

impl Encoding {
    fn describe(self) -> &'static str {
        match self {
            Self::Seed => "{\"dNSName\":...}",
            Self::Pair => "[\"dNSName\",...]",
            Self::Wizard => "{\"type\":\"dNSName\",\"name\":...,\"dcv_method\":...}",
        }
    }
}

/// How control of a name is proven.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dcv {
    Http,
    Dns,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectName {
    pub name: String,
    pub dcv: Dcv,
}

impl SubjectName {
    pub fn is_wildcard(&self) -> bool {
        split_wildcard(&self.name).0
    }
}

const WIZARD_KEYS: [&str; 3] = ["type", "name", "dcv_method"];
const SHAPES: &str = "{\"dNSName\":\"example.com\"}, [\"dNSName\",\"example.com\"] or {\"type\":\"dNSName\",\"name\":\"example.com\",\"dcv_method\":\"http\"}";

/// Reads and checks `subject_names` for `product`. Messages start with the field's path.
pub fn parse(value: &Value, product: &Product) -> Result<Vec<SubjectName>, String> {
    let Value::Array(items) = value else {
        return Err(format!(
            "subject_names: must be an array of names, got {value}"
        ));
    };
    if items.is_empty() {
        return Err("subject_names: is empty; a certificate needs at least one name".into());
    }
    if items.len() > product.max_names {
        return Err(format!(
            "subject_names: {} names, but {} holds at most {}",
            items.len(),
            product.describe(),
            product.max_names
        ));
    }
    let mut first_encoding = None;
    let mut names: Vec<SubjectName> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("subject_names[{i}]");
        let (encoding, name) = read_item(item, product).map_err(|rule| format!("{at}: {rule}"))?;
        let expected = *first_encoding.get_or_insert(encoding);
        if encoding != expected {
            return Err(format!(
                "{at}: is in the {} encoding but subject_names[0] is in the {} one; use one encoding per certificate",
                encoding.describe(),
                expected.describe()
            ));
        }
        check_one(&name, encoding, product).map_err(|rule| format!("{at}: {rule}"))?;
        if let Some(j) = names
            .iter()
            .position(|seen| seen.name.eq_ignore_ascii_case(&name.name))
        {
            return Err(format!(
                "{at}: “{}” is listed twice (also subject_names[{j}])",
                name.name
            ));
        }
        names.push(name);
    }
    check_redundancy(&names)?;
    Ok(names)
}

/// Whether the wildcard name `*.base` covers `name`: `base` itself (so a site can be
/// installed for it) or one label below it.
pub fn wildcard_covers(wildcard: &str, name: &str) -> bool {
    let (is_wildcard, base) = split_wildcard(wildcard);
    if !is_wildcard {
        return false;
    }
    name.eq_ignore_ascii_case(base) || one_label_below(name, base)
}

fn one_label_below(name: &str, base: &str) -> bool {
    name.split_once('.').is_some_and(|(label, rest)| {
        !label.is_empty() && label != "*" && rest.eq_ignore_ascii_case(base)
    })
}

fn read_item(item: &Value, product: &Product) -> Result<(Encoding, SubjectName), String> {
    match item {
        Value::Array(pair) => read_pair(pair).map(|name| (Encoding::Pair, name)),
        Value::Object(map) if WIZARD_KEYS.iter().any(|key| map.contains_key(*key)) => {
            read_wizard(map, product).map(|name| (Encoding::Wizard, name))
        }
        Value::Object(map) if map.contains_key("dNSName") => {
            read_seed(map).map(|name| (Encoding::Seed, name))
        }
        other => Err(format!("must be one of {SHAPES}, got {other}")),
    }
}

fn read_seed(map: &Map<String, Value>) -> Result<SubjectName, String> {
    if map.len() != 1 {
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        return Err(format!(
            "{{\"dNSName\":...}} takes no other key, got {}",
            keys.join(", ")
        ));
    }
    match map.get("dNSName") {
        Some(Value::String(name)) => Ok(SubjectName {
            name: name.clone(),
            dcv: Dcv::Http,
        }),
        other => Err(format!(
            "dNSName must be a string, got {}",
            other.unwrap_or(&Value::Null)
        )),
    }
}

fn read_pair(pair: &[Value]) -> Result<SubjectName, String> {
    match pair {
        [Value::String(kind), Value::String(name)] => {
            check_type(kind)?;
            Ok(SubjectName {
                name: name.clone(),
                dcv: Dcv::Http,
            })
        }
        _ => Err(format!(
            "an array subject name must be two strings, [\"dNSName\",\"example.com\"], got {}",
            Value::Array(pair.to_vec())
        )),
    }
}

fn read_wizard(map: &Map<String, Value>, product: &Product) -> Result<SubjectName, String> {
    if let Some(unknown) = map.keys().find(|key| !WIZARD_KEYS.contains(&key.as_str())) {
        return Err(format!(
            "unknown key “{unknown}”; a subject name object has type, name and dcv_method"
        ));
    }
    let text = |key: &str| match map.get(key) {
        Some(Value::String(value)) => Ok(value.as_str()),
        None | Some(Value::Null) => Err(format!("{key} is required")),
        Some(other) => Err(format!("{key} must be a string, got {other}")),
    };
    check_type(text("type")?)?;
    let name = text("name")?;
    let dcv = match map.get("dcv_method") {
        None | Some(Value::Null) => {
            return Err(format!(
                "no “dcv_method” given for “{name}”; use http or dns"
            ))
        }
        Some(Value::String(method)) if method == "http" => Dcv::Http,
        Some(Value::String(method)) if method == "dns" => Dcv::Dns,
        Some(other) => {
            return Err(format!(
                "“{name}” has an invalid “dcv_method” ({other}); use http or dns"
            ))
        }
    };
    if dcv == Dcv::Dns && !product.supports_dns_dcv {
        return Err(format!(
            "“{}” does not support DNS-based DCV ({name}); use http",
            product.display_name
        ));
    }
    Ok(SubjectName {
        name: name.to_string(),
        dcv,
    })
}

fn check_type(kind: &str) -> Result<(), String> {
    if kind == "dNSName" {
        Ok(())
    } else {
        Err(format!(
            "this interface cannot fulfill certificate requests for subject names of type “{kind}”; dNSName is the only allowed type"
        ))
    }
}

fn check_one(name: &SubjectName, encoding: Encoding, product: &Product) -> Result<(), String> {
    if name.is_wildcard() && !product.allows_wildcards() {
        let why = if product.validation == Validation::Ev {
            " (an EV certificate never can)"
        } else {
            ""
        };
        return Err(format!(
            "“{}” is a wildcard name, and {} cannot hold wildcard names{why}",
            name.name,
            product.describe()
        ));
    }
    check_name(&name.name, true)?;
    if name.is_wildcard() && name.dcv == Dcv::Http {
        let fix = match encoding {
            Encoding::Wizard => "use \"dcv_method\":\"dns\"".to_string(),
            Encoding::Seed | Encoding::Pair => format!(
                "this encoding means HTTP validation; send {{\"type\":\"dNSName\",\"name\":\"{}\",\"dcv_method\":\"dns\"}}",
                name.name
            ),
        };
        return Err(format!(
            "HTTP-based DCV cannot verify control of wildcard domains (e.g., {}): {fix}",
            name.name
        ));
    }
    Ok(())
}

/// cPanel refuses a name that a wildcard of the same certificate already covers.
fn check_redundancy(names: &[SubjectName]) -> Result<(), String> {
    for (i, name) in names.iter().enumerate() {
        if name.is_wildcard() {
            continue;
        }
        let covering = names.iter().find(|wildcard| {
            wildcard.is_wildcard() && one_label_below(&name.name, split_wildcard(&wildcard.name).1)
        });
        if let Some(wildcard) = covering {
            return Err(format!(
                "subject_names[{i}]: “{}” is redundant with “{}”, which covers it",
                name.name, wildcard.name
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cpanel::products::find;
    use serde_json::json;

    fn dv() -> &'static Product {
        find("143").unwrap()
    }

    fn ev() -> &'static Product {
        find("145").unwrap()
    }

    fn names(value: Value, product: &Product) -> Result<Vec<String>, String> {
        parse(&value, product).map(|names| names.into_iter().map(|n| n.name).collect())
    }

    #[test]
    fn the_three_encodings_give_the_same_names() {
        let expected = vec!["example.com".to_string(), "example.org".to_string()];
        for value in [
            json!([{"dNSName": "example.com"}, {"dNSName": "example.org"}]),
            json!([["dNSName", "example.com"], ["dNSName", "example.org"]]),
            json!([
                {"type": "dNSName", "name": "example.com", "dcv_method": "http"},
                {"type": "dNSName", "name": "example.org", "dcv_method": "dns"}
            ]),
        ] {
            assert_eq!(names(value, dv()), Ok(expected.clone()));
        }
    }

    #[test]
    fn the_wizard_encoding_keeps_each_dcv_method() {
        let value = json!([
            {"type": "dNSName", "name": "*.example.com", "dcv_method": "dns"},
            {"type": "dNSName", "name": "example.com", "dcv_method": "http"}
        ]);
        let parsed = parse(&value, dv()).unwrap();
        assert_eq!(parsed[0].dcv, Dcv::Dns);
        assert!(parsed[0].is_wildcard());
        assert_eq!(parsed[1].dcv, Dcv::Http);
    }

    #[test]
    fn each_broken_rule_is_refused_with_its_path() {
        let wizard = |name: &str, method: &str| json!({"type": "dNSName", "name": name, "dcv_method": method});
        let cases: Vec<(Value, &Product, &str)> = vec![
            (
                json!("example.com"),
                dv(),
                "subject_names: must be an array",
            ),
            (json!([]), dv(), "is empty"),
            (
                json!([{"dNSName": "example.com"}, ["dNSName", "example.org"]]),
                dv(),
                "subject_names[1]: is in the",
            ),
            (
                json!([{"dNSName": "example.com", "x": 1}]),
                dv(),
                "takes no other key",
            ),
            (
                json!([["iPAddress", "192.0.2.1"]]),
                dv(),
                "type “iPAddress”",
            ),
            (json!([["dNSName"]]), dv(), "two strings"),
            (
                json!([{"type": "dNSName", "name": "example.com"}]),
                dv(),
                "no “dcv_method”",
            ),
            (
                json!([wizard("example.com", "email")]),
                dv(),
                "invalid “dcv_method”",
            ),
            (
                json!([{"type": "dNSName", "name": "example.com", "dcv_method": "http", "x": 1}]),
                dv(),
                "unknown key “x”",
            ),
            (
                json!([{"dNSName": "a_b.example.com"}]),
                dv(),
                "not a valid host name",
            ),
            (json!([wizard("*.example.com", "dns")]), ev(), "never can"),
            (
                json!([wizard("*.example.com", "http")]),
                dv(),
                "HTTP-based DCV",
            ),
            (
                json!([{"dNSName": "*.example.com"}]),
                dv(),
                "\"dcv_method\":\"dns\"",
            ),
            (
                json!([{"dNSName": "example.com"}, {"dNSName": "EXAMPLE.com"}]),
                dv(),
                "listed twice",
            ),
            (
                json!([
                    wizard("*.example.com", "dns"),
                    wizard("www.example.com", "http")
                ]),
                dv(),
                "redundant",
            ),
            (json!([42]), dv(), "must be one of"),
        ];
        for (value, product, needle) in cases {
            let error = parse(&value, product).unwrap_err();
            assert!(error.starts_with("subject_names"), "{value}: {error}");
            assert!(error.contains(needle), "{value}: {error}");
        }
    }

    #[test]
    fn dns_validation_needs_a_product_that_supports_it() {
        let mut product = *dv();
        product.supports_dns_dcv = false;
        let value = json!([{"type": "dNSName", "name": "example.com", "dcv_method": "dns"}]);
        let error = parse(&value, &product).unwrap_err();
        assert!(error.contains("does not support DNS-based DCV"), "{error}");
    }

    #[test]
    fn more_names_than_the_product_holds_are_refused() {
        let mut product = *dv();
        product.max_names = 1;
        let error = names(
            json!([["dNSName", "example.com"], ["dNSName", "example.org"]]),
            &product,
        )
        .unwrap_err();
        assert!(error.contains("at most 1"), "{error}");
    }

    #[test]
    fn a_wildcard_covers_its_base_and_one_level_below() {
        assert!(wildcard_covers("*.example.com", "example.com"));
        assert!(wildcard_covers("*.example.com", "WWW.example.com"));
        assert!(!wildcard_covers("*.example.com", "a.b.example.com"));
        assert!(!wildcard_covers("*.example.com", "example.org"));
        assert!(!wildcard_covers("example.com", "example.com"));
        // A wildcard with its own base is not redundant: the base is one level up.
        assert!(names(
            json!([
                {"type": "dNSName", "name": "*.example.com", "dcv_method": "dns"},
                {"type": "dNSName", "name": "example.com", "dcv_method": "http"}
            ]),
            dv()
        )
        .is_ok());
    }
}
