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
    /// Whether the certificate is issued: validation is over and it can be downloaded.
    pub issued: bool,
    /// Steps the provider reports apart (cPanel's `dcvStatus` and the like), in words.
    pub checks: Vec<(String, String)>,
    pub instructions: Vec<Instruction>,
    pub not_after: Option<String>,
}

/// What the result page shows of the validation: the steps, and whether they are done.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ValidationSteps {
    pub instructions: Vec<Instruction>,
    /// The certificate is issued: the steps are shown as done, with what comes next.
    pub done: bool,
}

/// The steps to show, given those that came with the order and the latest status. A status
/// names steps for some names only (GoGetSSL's answers may name only the primary): the
/// others keep the steps given with the order. Once issued, every step is done; any other
/// final status (rejected, cancelled) leaves only what the status itself says.
pub fn validation_steps(first: &[Instruction], latest: Option<&StatusReport>) -> ValidationSteps {
    let Some(report) = latest else {
        return ValidationSteps {
            instructions: first.to_vec(),
            done: false,
        };
    };
    if !report.pending && !report.issued {
        return ValidationSteps {
            instructions: report.instructions.clone(),
            done: false,
        };
    }
    ValidationSteps {
        instructions: merge_steps(first, &report.instructions),
        done: report.issued,
    }
}

/// The latest steps for the names they cover, the earlier ones for the other names.
pub fn merge_steps(earlier: &[Instruction], latest: &[Instruction]) -> Vec<Instruction> {
    let mut steps = latest.to_vec();
    steps.extend(
        earlier
            .iter()
            .filter(|e| !latest.iter().any(|l| l.domain() == e.domain()))
            .cloned(),
    );
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(domain: &str, address: &str) -> Instruction {
        Instruction::Email {
            domain: domain.into(),
            address: address.into(),
        }
    }

    fn dns(domain: &str) -> Instruction {
        Instruction::Dns {
            domain: domain.into(),
            name: format!("_dnsauth.{domain}"),
            record_type: "TXT".into(),
            value: "v".into(),
        }
    }

    #[test]
    fn a_status_naming_only_the_primary_keeps_the_other_names_steps() {
        let first = [
            email("a.example", "admin@a.example"),
            email("b.example", "admin@b.example"),
        ];
        let latest = StatusReport {
            pending: true,
            instructions: vec![email("a.example", "hostmaster@a.example")],
            ..StatusReport::default()
        };
        let shown = validation_steps(&first, Some(&latest));
        assert_eq!(
            shown.instructions,
            [
                email("a.example", "hostmaster@a.example"),
                email("b.example", "admin@b.example")
            ]
        );
        assert!(!shown.done);
        assert_eq!(validation_steps(&first, None).instructions, first);
    }

    #[test]
    fn once_issued_the_steps_are_done_and_still_listed() {
        let first = [dns("a.example")];
        let issued = StatusReport {
            issued: true,
            ..StatusReport::default()
        };
        let shown = validation_steps(&first, Some(&issued));
        assert!(shown.done);
        assert_eq!(shown.instructions, first);
        let pending = StatusReport {
            pending: true,
            ..StatusReport::default()
        };
        assert!(!validation_steps(&first, Some(&pending)).done);
    }

    #[test]
    fn steps_seen_in_earlier_statuses_are_kept_for_the_names_a_later_one_leaves_out() {
        let seen = merge_steps(&[], &[dns("a.example")]);
        // An issued certificate's details list no records any more (Huawei's).
        assert_eq!(merge_steps(&seen, &[]), [dns("a.example")]);
        let issued = StatusReport {
            issued: true,
            ..StatusReport::default()
        };
        assert_eq!(
            validation_steps(&seen, Some(&issued)).instructions,
            [dns("a.example")]
        );
    }

    #[test]
    fn a_rejected_order_shows_only_what_its_status_says() {
        let rejected = StatusReport::default();
        let shown = validation_steps(&[dns("a.example")], Some(&rejected));
        assert_eq!(shown, ValidationSteps::default());
    }
}
