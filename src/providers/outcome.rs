//! What every adapter reads out of a provider's answers, in one shape the result page shows.

use serde::{Deserialize, Serialize};

/// One thing the person must do so the CA can check they control a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Instruction {
    /// Create a DNS record.
    Dns {
        domain: String,
        name: String,
        #[serde(rename = "type")]
        record_type: String,
        value: String,
    },
    /// Publish a file at a URL.
    File {
        domain: String,
        url: String,
        content: String,
    },
    /// Approve the email the CA sends to this address.
    Email { domain: String, address: String },
    /// Nothing to do by hand: the provider proves control itself (cPanel on its own server).
    Automatic { domain: String, how: String },
}

impl Instruction {
    pub fn domain(&self) -> &str {
        match self {
            Instruction::Dns { domain, .. }
            | Instruction::File { domain, .. }
            | Instruction::Email { domain, .. }
            | Instruction::Automatic { domain, .. } => domain,
        }
    }
}

/// An order the provider accepted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Placed {
    pub order_id: String,
    /// The provider's ID of the certificate itself, where it has one apart from the order
    /// (Huawei's certificate ID, cPanel's order item ID).
    pub cert_id: Option<String>,
    /// Where the person pays, when the provider sells through a checkout page (cPanel);
    /// only an address [`super::link::safe_link`] accepts.
    pub checkout_url: Option<String>,
    /// The answer named a checkout address that was not safe to link to, so it was dropped.
    pub checkout_unsafe: bool,
    /// The amount charged, as the provider wrote it, with its currency.
    pub amount: Option<String>,
    pub instructions: Vec<Instruction>,
}

/// One reading of an order's status.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatusReport {
    /// The status in words; an unknown value is shown as the provider sent it.
    pub text: String,
    /// Whether the status can still change without the person doing anything more.
    pub pending: bool,
    /// Steps the provider reports apart (cPanel's `dcvStatus` and the like), in words.
    pub checks: Vec<(String, String)>,
    pub instructions: Vec<Instruction>,
    pub not_after: Option<String>,
}
