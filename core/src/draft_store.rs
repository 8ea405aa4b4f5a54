//! What is kept between visits: the draft, the step, and a bought certificate's IDs, so a
//! reload or a closed tab loses nothing and never buys twice. The app's `draft_store`
//! writes it to browser storage.

use crate::order::OrderDraft;
use crate::providers::Instruction;
use serde::{Deserialize, Serialize};

/// An order the provider accepted. For Huawei, kept from the buy until the application is
/// accepted, so a failure or reload in between resumes at "apply" instead of buying again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purchase {
    pub order_id: String,
    /// Huawei's certificate ID, cPanel's order item ID, a proxy's certificate ID; or empty.
    pub cert_id: String,
    pub applied: bool,
    #[serde(default)]
    pub checkout_url: Option<String>,
    /// The provider named a checkout address that was not safe to link to.
    #[serde(default)]
    pub checkout_unsafe: bool,
    #[serde(default)]
    pub amount: Option<String>,
    /// What the person must do, as the provider first said; status checks may update it.
    #[serde(default)]
    pub instructions: Vec<Instruction>,
    /// Huawei was asked to add the DNS records itself (`auto_dns_auth`): the result page
    /// shows them as nothing to do by hand. Kept here, since the draft is cleared once placed.
    #[serde(default)]
    pub auto_dns_auth: bool,
    /// Huawei made the key pair and holds the private key: the person downloads it with the
    /// certificate instead of pairing the certificate with a key of their own.
    #[serde(default)]
    pub provider_key: bool,
}

/// Everything kept between visits. It holds no token and no private key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedState {
    pub step: String,
    pub draft: OrderDraft,
    pub purchase: Option<Purchase>,
    /// A buy (or an order without a key) was sent and its outcome never came back (network
    /// failure, timeout, 5xx): a certificate may have been bought. Set before the buy is
    /// sent, cleared once the answer is known, so even a closed tab cannot lead to a blind
    /// second purchase (see `crate::submission`).
    pub buy_in_doubt: bool,
    /// The `Idempotency-Key` of a generic-format order whose answer has not arrived: a
    /// retry sends the same key, so the proxy cannot place the order twice.
    pub order_key: Option<String>,
}

impl SavedState {
    pub fn to_json(&self) -> String {
        let mut safe = self.clone();
        // Belt and braces: the CSR field refuses keys, but never let one reach storage.
        if crate::csr::holds_private_key(&safe.draft.csr) {
            safe.draft.csr.clear();
        }
        serde_json::to_string(&safe).unwrap_or_default()
    }

    /// Reads what was saved; anything unreadable counts as nothing saved.
    pub fn from_json(json: &str) -> Option<SavedState> {
        serde_json::from_str(json).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_state_round_trips() {
        let state = SavedState {
            step: "applicant".into(),
            draft: OrderDraft {
                domain: "shop.example.com".into(),
                ..OrderDraft::default()
            },
            purchase: Some(Purchase {
                order_id: "CS1803192259ROA8U".into(),
                cert_id: "scs1481110651012".into(),
                applied: false,
                ..Purchase::default()
            }),
            buy_in_doubt: true,
            order_key: Some("0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10".into()),
        };
        assert_eq!(SavedState::from_json(&state.to_json()), Some(state));
    }

    #[test]
    fn a_private_key_is_never_written() {
        let state = SavedState {
            draft: OrderDraft {
                csr: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----".into(),
                ..OrderDraft::default()
            },
            ..SavedState::default()
        };
        assert!(!state.to_json().contains("PRIVATE KEY"));
    }

    #[test]
    fn no_kind_of_private_key_is_written() {
        // The lower-case label is one a plain `contains("PRIVATE KEY")` would let through.
        for label in [
            "EC PRIVATE KEY",
            "OPENSSH PRIVATE KEY",
            "encrypted private key",
        ] {
            let key = format!("-----BEGIN {label}-----\nAAAA\n-----END {label}-----");
            let state = SavedState {
                draft: OrderDraft {
                    csr: key,
                    ..OrderDraft::default()
                },
                ..SavedState::default()
            };
            let json = state.to_json();
            assert!(!json.contains("AAAA"), "{label}: {json}");
            assert!(!json.contains(label), "{label}: {json}");
        }
    }

    #[test]
    fn a_csr_that_mentions_a_key_is_kept() {
        let state = SavedState {
            draft: OrderDraft {
                csr: "my PRIVATE KEY stays on the server".into(),
                ..OrderDraft::default()
            },
            ..SavedState::default()
        };
        assert_eq!(SavedState::from_json(&state.to_json()), Some(state));
    }

    #[test]
    fn damaged_storage_reads_as_nothing_saved() {
        assert_eq!(SavedState::from_json("{not json"), None);
    }

    #[test]
    fn an_older_state_missing_fields_still_loads() {
        let state =
            SavedState::from_json(r#"{"draft":{"domain":"a.example.com"}}"#).expect("loads");
        assert_eq!(state.draft.domain, "a.example.com");
        assert_eq!(state.purchase, None);
        assert!(!state.buy_in_doubt);
    }
}
