//! What validation needs from outside the draft, passed in rather than reached for:
//! the Public Suffix List (data loaded at run time), the IDN conversion (the browser's own
//! in the app, a crate in tests) and today's date.

use super::approvers::Day;
use super::public_suffix::PublicSuffixList;

/// UTS 46 ToASCII of a whole host name: `bücher.example` to `xn--bcher-kva.example`.
pub type ToAscii = fn(&str) -> Option<String>;

/// The outside facts a validation depends on.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    /// The ICANN part of the Public Suffix List, once loaded. Without it, top-level domains
    /// are checked by shape only and a wildcard's public-suffix check is left to the CA.
    pub suffixes: Option<&'a PublicSuffixList>,
    /// Without it, internationalised names are asked for in `xn--` form, and `xn--` labels
    /// are checked by shape only.
    pub to_ascii: Option<ToAscii>,
    pub today: Day,
    /// The order goes to the provider's own API, which carries everything the provider
    /// takes (Huawei's `key_algorithm` and `auto_dns_auth`). A proxy's generic format carries
    /// a CSR and each name's method only, so what it cannot say is not offered.
    pub provider_api: bool,
}

impl Rules<'static> {
    /// Rules with no list and no IDN conversion, for `today`.
    pub fn basic(today: Day) -> Rules<'static> {
        Rules {
            suffixes: None,
            to_ascii: None,
            today,
            provider_api: true,
        }
    }
}

impl<'a> Rules<'a> {
    pub fn with_suffixes(self, suffixes: &'a PublicSuffixList) -> Rules<'a> {
        Rules {
            suffixes: Some(suffixes),
            ..self
        }
    }

    pub fn with_idn(self, to_ascii: ToAscii) -> Rules<'a> {
        Rules {
            to_ascii: Some(to_ascii),
            ..self
        }
    }

    /// Rules for an order sent in the generic format, through a proxy.
    pub fn through_proxy(self) -> Rules<'a> {
        Rules {
            provider_api: false,
            ..self
        }
    }
}
