//! The query parameters of a UAPI call, in the order sent, repeated ones included.

use std::collections::BTreeMap;

/// UAPI's own parameters (`api.filter_column`, `api.sort_method`, ...) are accepted by every
/// function; the sandbox ignores them.
const UAPI_PREFIX: &str = "api.";

pub struct Params {
    pairs: Vec<(String, String)>,
}

/// One `certificate`-like parameter: its label for messages, and its value.
pub struct Numbered<'a> {
    pub label: String,
    pub value: &'a str,
}

impl Params {
    pub fn new(pairs: Vec<(String, String)>) -> Self {
        Self { pairs }
    }

    /// Refuses a parameter the function does not take. `numbered` is a base name that may
    /// also come as `base-1`, `base-2`, ... (cPanel's way of sending a list).
    pub fn only(&self, known: &[&str], numbered: Option<&str>) -> Result<(), String> {
        let unknown = self
            .pairs
            .iter()
            .map(|(name, _)| name.as_str())
            .find(|name| {
                !name.starts_with(UAPI_PREFIX)
                    && !known.contains(name)
                    && numbered.is_none_or(|base| number_of(name, base).is_none())
            });
        match unknown {
            Some(name) => {
                let mut names: Vec<String> = known.iter().map(|n| (*n).to_string()).collect();
                if let Some(base) = numbered {
                    names.push(format!("{base}-1, {base}-2, ..."));
                }
                Err(format!(
                    "{name}: unknown parameter; this function takes {}",
                    names.join(", ")
                ))
            }
            None => Ok(()),
        }
    }

    /// A parameter given at most once; an empty value counts as absent, as in cPanel's
    /// `get_length_required`.
    pub fn optional(&self, name: &str) -> Result<Option<&str>, String> {
        match self.values(name).as_slice() {
            [] => Ok(None),
            [value] => Ok(Some(*value).filter(|value| !value.is_empty())),
            many => Err(format!("{name}: given {} times; give it once", many.len())),
        }
    }

    pub fn required(&self, name: &str) -> Result<&str, String> {
        self.optional(name)?
            .ok_or_else(|| format!("{name}: the parameter is required"))
    }

    /// Every `base` and `base-N` parameter, in the order sent. A lone `base` is labelled
    /// `base`; repeated ones `base #k`; numbered ones by their own name.
    pub fn numbered(&self, base: &str) -> Result<Vec<Numbered<'_>>, String> {
        let plain = self.values(base).len();
        let mut seen: BTreeMap<u64, ()> = BTreeMap::new();
        let mut list = Vec::new();
        for (name, value) in &self.pairs {
            let label = if name == base {
                if plain == 1 {
                    base.to_string()
                } else {
                    format!("{base} #{}", list.len() + 1)
                }
            } else if let Some(number) = number_of(name, base) {
                if seen.insert(number, ()).is_some() {
                    return Err(format!(
                        "{name}: given more than once; number each {base} once"
                    ));
                }
                name.clone()
            } else {
                continue;
            };
            list.push(Numbered {
                label,
                value: value.as_str(),
            });
        }
        Ok(list)
    }

    fn values(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }
}

/// `certificate-3` -> `Some(3)` for base `certificate`.
fn number_of(name: &str, base: &str) -> Option<u64> {
    let digits = name.strip_prefix(base)?.strip_prefix('-')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params::new(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                .collect(),
        )
    }

    #[test]
    fn unknown_parameters_are_named_but_uapi_ones_pass() {
        let p = params(&[
            ("provider", "cPStore"),
            ("api.sort_column", "x"),
            ("certificate-2", "{}"),
        ]);
        assert!(p.only(&["provider"], Some("certificate")).is_ok());
        let error = p.only(&["provider"], None).unwrap_err();
        assert!(
            error.starts_with("certificate-2: unknown parameter"),
            "{error}"
        );
        let error = params(&[("certificates", "{}")])
            .only(&["provider"], Some("certificate"))
            .unwrap_err();
        assert!(error.contains("certificate-1"), "{error}");
    }

    #[test]
    fn a_single_parameter_given_twice_is_refused_and_empty_is_absent() {
        let p = params(&[("provider", "a"), ("provider", "b"), ("url", "")]);
        assert!(p
            .optional("provider")
            .unwrap_err()
            .contains("given 2 times"));
        assert_eq!(p.optional("url"), Ok(None));
        assert!(p.required("url").unwrap_err().contains("required"));
    }

    #[test]
    fn numbered_parameters_keep_their_order_and_labels() {
        let p = params(&[
            ("certificate-2", "b"),
            ("certificate", "a"),
            ("certificate-10", "c"),
        ]);
        let list = p.numbered("certificate").unwrap();
        let labels: Vec<(&str, &str)> = list.iter().map(|n| (n.label.as_str(), n.value)).collect();
        assert_eq!(
            labels,
            [
                ("certificate-2", "b"),
                ("certificate", "a"),
                ("certificate-10", "c")
            ]
        );
        let repeated = params(&[("certificate", "a"), ("certificate", "b")]);
        let labels: Vec<String> = repeated
            .numbered("certificate")
            .unwrap()
            .into_iter()
            .map(|n| n.label)
            .collect();
        assert_eq!(labels, ["certificate #1", "certificate #2"]);
    }

    #[test]
    fn a_number_used_twice_is_refused() {
        let p = params(&[("certificate-1", "a"), ("certificate-1", "b")]);
        assert!(p.numbered("certificate").is_err());
        assert_eq!(number_of("certificate-x", "certificate"), None);
        assert_eq!(number_of("certificate-", "certificate"), None);
    }
}
