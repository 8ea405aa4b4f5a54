//! A person's name, phone number and email address, within the providers' limits.

use super::domain_name::{DomainName, NameError};
use std::fmt;

/// Huawei's `applicant_name` and `contact_name` limit (the strictest among the providers).
pub const MAX_NAME: usize = 63;
/// Huawei's `applicant_email` limit.
pub const MAX_EMAIL: usize = 256;
/// E.164 allows at most 15 digits; fewer than 6 is never a reachable number.
const MIN_PHONE_DIGITS: usize = 6;
const MAX_PHONE_DIGITS: usize = 15;

/// Why a name, phone number or email address cannot be used, with the limits it broke.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ContactError {
    NameEmpty,
    NameTooLong {
        count: usize,
        max: usize,
    },
    PhoneEmpty,
    PhoneCharacter(char),
    PhoneDigits {
        count: usize,
        min: usize,
        max: usize,
    },
    EmailEmpty,
    EmailTooLong {
        count: usize,
        max: usize,
    },
    EmailShape,
    /// The part after the `@` is not a host name.
    EmailDomain(NameError),
}

/// A non-empty name of at most [`MAX_NAME`] characters, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<PersonName, ContactError> {
        let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let count = name.chars().count();
        if count == 0 {
            Err(ContactError::NameEmpty)
        } else if count > MAX_NAME {
            Err(ContactError::NameTooLong {
                count,
                max: MAX_NAME,
            })
        } else {
            Ok(PersonName(name))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A phone number normalised to its digits, with `+` kept when an international prefix was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Phone, ContactError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(ContactError::PhoneEmpty);
        }
        // "00" is the common international prefix typed instead of "+".
        let (international, rest) = if let Some(rest) = trimmed.strip_prefix('+') {
            (true, rest)
        } else if let Some(rest) = trimmed.strip_prefix("00") {
            (true, rest)
        } else {
            (false, trimmed)
        };
        let mut digits = String::new();
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '(' | ')' | '.' => {}
                other => return Err(ContactError::PhoneCharacter(other)),
            }
        }
        if !(MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&digits.len()) {
            return Err(ContactError::PhoneDigits {
                count: digits.len(),
                min: MIN_PHONE_DIGITS,
                max: MAX_PHONE_DIGITS,
            });
        }
        Ok(Phone(if international {
            format!("+{digits}")
        } else {
            digits
        }))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An email address: a local part, one `@`, and a valid domain name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, ContactError> {
        let email = raw.trim();
        if email.is_empty() {
            return Err(ContactError::EmailEmpty);
        }
        let count = email.chars().count();
        if count > MAX_EMAIL {
            return Err(ContactError::EmailTooLong {
                count,
                max: MAX_EMAIL,
            });
        }
        let (local, domain) = email.split_once('@').ok_or(ContactError::EmailShape)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.contains(char::is_whitespace)
            && !domain.contains('@');
        if !local_ok {
            return Err(ContactError::EmailShape);
        }
        let domain = DomainName::parse(domain).map_err(ContactError::EmailDomain)?;
        Ok(Email(format!("{local}@{domain}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}
display_as_str!(PersonName, Phone, Email);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_inner_spaces_folded() {
        assert_eq!(
            PersonName::parse("  Ada   Lovelace ").map(|n| n.to_string()),
            Ok("Ada Lovelace".into())
        );
    }

    #[test]
    fn an_empty_name_is_refused() {
        assert_eq!(PersonName::parse("   "), Err(ContactError::NameEmpty));
    }

    #[test]
    fn a_name_may_have_63_characters_but_not_64() {
        assert!(PersonName::parse(&"é".repeat(63)).is_ok());
        assert_eq!(
            PersonName::parse(&"é".repeat(64)),
            Err(ContactError::NameTooLong { count: 64, max: 63 })
        );
    }

    #[test]
    fn an_international_phone_number_is_normalised_to_plus_and_digits() {
        assert_eq!(
            Phone::parse("+44 (20) 7946-0958").map(|p| p.to_string()),
            Ok("+442079460958".into())
        );
        assert_eq!(
            Phone::parse("0086 132 1234 5678").map(|p| p.to_string()),
            Ok("+8613212345678".into())
        );
    }

    #[test]
    fn a_national_phone_number_keeps_its_digits() {
        assert_eq!(
            Phone::parse("13212345678").map(|p| p.to_string()),
            Ok("13212345678".into())
        );
    }

    #[test]
    fn a_phone_number_with_letters_is_refused() {
        assert_eq!(
            Phone::parse("+1 800 FLOWERS"),
            Err(ContactError::PhoneCharacter('F'))
        );
    }

    #[test]
    fn a_phone_number_needs_6_to_15_digits() {
        assert_eq!(
            Phone::parse("12345"),
            Err(ContactError::PhoneDigits {
                count: 5,
                min: 6,
                max: 15
            })
        );
        assert_eq!(
            Phone::parse("+1234567890123456"),
            Err(ContactError::PhoneDigits {
                count: 16,
                min: 6,
                max: 15
            })
        );
    }

    #[test]
    fn an_empty_phone_number_is_refused() {
        assert_eq!(Phone::parse(""), Err(ContactError::PhoneEmpty));
    }

    #[test]
    fn an_email_address_is_accepted_with_its_domain_lower_cased() {
        assert_eq!(
            Email::parse(" Ada@Example.COM ").map(|e| e.to_string()),
            Ok("Ada@example.com".into())
        );
    }

    #[test]
    fn an_email_address_needs_exactly_one_at() {
        assert_eq!(
            Email::parse("ada.example.com"),
            Err(ContactError::EmailShape)
        );
        assert_eq!(
            Email::parse("a@b@example.com"),
            Err(ContactError::EmailShape)
        );
        assert_eq!(Email::parse("@example.com"), Err(ContactError::EmailShape));
    }

    #[test]
    fn an_email_address_needs_a_valid_domain() {
        assert_eq!(
            Email::parse("ada@localhost"),
            Err(ContactError::EmailDomain(NameError::SingleLabel(
                "localhost".into()
            )))
        );
    }

    #[test]
    fn an_email_address_may_have_256_characters_but_not_257() {
        let domain = format!(
            "{}.{}.{}.com",
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(59)
        );
        let ok = format!("{}@{domain}", "x".repeat(256 - 1 - domain.len()));
        assert_eq!(ok.len(), 256);
        assert!(Email::parse(&ok).is_ok());
        let long = format!("x{ok}");
        assert_eq!(
            Email::parse(&long),
            Err(ContactError::EmailTooLong {
                count: 257,
                max: 256
            })
        );
    }
}
