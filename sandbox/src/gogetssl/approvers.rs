//! The approver addresses email validation may use: the Baseline Requirements' constructed
//! addresses (`admin@`, `administrator@`, `webmaster@`, `hostmaster@`, `postmaster@`) at the
//! name or one of its parents, never at a bare top-level domain.

use crate::checks::split_wildcard;

const MAILBOXES: [&str; 5] = [
    "admin",
    "administrator",
    "webmaster",
    "hostmaster",
    "postmaster",
];

/// The name a wildcard is validated on: `*.example.com` -> `example.com`.
pub fn base_name(name: &str) -> &str {
    split_wildcard(name).1
}

/// Every approver address of `name`, from the name itself up to the shortest parent that is
/// not a top-level domain. Without a public suffix list `co.uk` counts as a parent.
pub fn approver_emails(name: &str) -> Vec<String> {
    let mut domain = base_name(name).to_ascii_lowercase();
    let mut emails = Vec::new();
    while domain.contains('.') {
        emails.extend(
            MAILBOXES
                .iter()
                .map(|mailbox| format!("{mailbox}@{domain}")),
        );
        domain = domain
            .split_once('.')
            .map(|(_, parent)| parent.to_string())
            .unwrap_or_default();
    }
    emails
}

/// Whether `email` is one of the approver addresses of `name` (compared ignoring case).
pub fn is_approver_email(name: &str, email: &str) -> bool {
    let email = email.to_ascii_lowercase();
    approver_emails(name).contains(&email)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_level_but_the_top_level_domain_has_five_addresses() {
        let emails = approver_emails("www.shop.example.com");
        assert_eq!(emails.len(), 15);
        assert_eq!(emails[0], "admin@www.shop.example.com");
        assert_eq!(emails[5], "admin@shop.example.com");
        assert_eq!(emails[14], "postmaster@example.com");
        assert!(emails.iter().all(|email| !email.ends_with("@com")));
    }

    #[test]
    fn a_wildcard_uses_the_addresses_of_its_base_name() {
        assert_eq!(
            approver_emails("*.example.com"),
            approver_emails("example.com")
        );
        assert_eq!(
            approver_emails("example.com"),
            [
                "admin@example.com",
                "administrator@example.com",
                "webmaster@example.com",
                "hostmaster@example.com",
                "postmaster@example.com",
            ]
        );
    }

    #[test]
    fn approver_addresses_match_ignoring_case_and_nothing_else() {
        assert!(is_approver_email("www.example.com", "Admin@Example.COM"));
        assert!(is_approver_email("*.example.com", "hostmaster@example.com"));
        assert!(!is_approver_email("www.example.com", "info@example.com"));
        assert!(!is_approver_email("www.example.com", "admin@example.org"));
        assert!(!is_approver_email("www.example.com", "admin@com"));
        assert!(!is_approver_email("example.com", "admin@www.example.com"));
    }
}
