//! Email validation to constructed addresses (Baseline Requirements 3.2.2.4.4): who may
//! approve, and how long the method may still be used.

use super::domain_name::DomainName;
use super::name_list::CertName;

/// The local parts the Baseline Requirements allow for constructed approver addresses.
pub const APPROVER_LOCAL_PARTS: [&str; 5] = [
    "admin",
    "administrator",
    "webmaster",
    "hostmaster",
    "postmaster",
];

/// Every constructed approver address for `name`: each local part at the name itself and at
/// each parent down to `registered` (the registered domain, from the Public Suffix List).
/// A wildcard's addresses are those of the name it stands on. Empty if `name` is not at or
/// below `registered`.
pub fn approver_addresses(name: &CertName, registered: &DomainName) -> Vec<String> {
    let host = match name {
        CertName::Exact(name) => name.as_str(),
        CertName::Wildcard(name) => name.base().as_str(),
    };
    let registered = registered.as_str();
    let under = host == registered || host.ends_with(&format!(".{registered}"));
    if !under {
        return Vec::new();
    }
    let mut domains = vec![host];
    let mut rest = host;
    while rest != registered {
        match rest.split_once('.') {
            Some((_, parent)) => {
                domains.push(parent);
                rest = parent;
            }
            None => break,
        }
    }
    domains
        .iter()
        .flat_map(|domain| {
            APPROVER_LOCAL_PARTS
                .iter()
                .map(move |local| format!("{local}@{domain}"))
        })
        .collect()
}

/// A calendar day, compared as (year, month, day); time is a parameter, not read here.
pub type Day = (u16, u8, u8);

/// Where email validation to constructed addresses stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailMethod {
    /// Before 2026-03-15.
    Allowed,
    /// From 2026-03-15: SHOULD NOT be used; offered as a legacy method, DNS by default.
    Legacy,
    /// From 2028-03-15: MUST NOT be used.
    Withdrawn,
}

pub const EMAIL_DISCOURAGED_FROM: Day = (2026, 3, 15);
pub const EMAIL_WITHDRAWN_FROM: Day = (2028, 3, 15);

pub fn email_method_on(today: Day) -> EmailMethod {
    if today >= EMAIL_WITHDRAWN_FROM {
        EmailMethod::Withdrawn
    } else if today >= EMAIL_DISCOURAGED_FROM {
        EmailMethod::Legacy
    } else {
        EmailMethod::Allowed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> CertName {
        CertName::parse(text).expect("valid name")
    }

    fn registered(text: &str) -> DomainName {
        DomainName::parse(text).expect("valid name")
    }

    #[test]
    fn a_registered_domain_has_the_five_constructed_addresses() {
        assert_eq!(
            approver_addresses(&name("example.com"), &registered("example.com")),
            [
                "admin@example.com",
                "administrator@example.com",
                "webmaster@example.com",
                "hostmaster@example.com",
                "postmaster@example.com"
            ]
        );
    }

    #[test]
    fn a_subdomain_adds_each_parent_down_to_the_registered_domain_and_no_further() {
        let addresses =
            approver_addresses(&name("a.b.example.co.uk"), &registered("example.co.uk"));
        assert_eq!(addresses.len(), 15);
        assert_eq!(addresses[0], "admin@a.b.example.co.uk");
        assert_eq!(addresses[5], "admin@b.example.co.uk");
        assert_eq!(addresses[14], "postmaster@example.co.uk");
        assert!(addresses.iter().all(|a| !a.ends_with("@co.uk")));
    }

    #[test]
    fn a_wildcard_uses_the_addresses_of_the_name_it_stands_on() {
        assert_eq!(
            approver_addresses(&name("*.shop.example.com"), &registered("example.com")),
            approver_addresses(&name("shop.example.com"), &registered("example.com"))
        );
    }

    #[test]
    fn a_name_outside_the_registered_domain_has_no_addresses() {
        assert!(approver_addresses(&name("example.org"), &registered("example.com")).is_empty());
        assert!(approver_addresses(&name("badexample.com"), &registered("example.com")).is_empty());
    }

    #[test]
    fn email_validation_turns_legacy_on_2026_03_15_and_is_withdrawn_on_2028_03_15() {
        assert_eq!(email_method_on((2026, 3, 14)), EmailMethod::Allowed);
        assert_eq!(email_method_on((2026, 3, 15)), EmailMethod::Legacy);
        assert_eq!(email_method_on((2028, 3, 14)), EmailMethod::Legacy);
        assert_eq!(email_method_on((2028, 3, 15)), EmailMethod::Withdrawn);
    }
}
