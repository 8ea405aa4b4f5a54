//! What every adapter reads out of a provider's answers, in one shape the result page shows.
//! What the wizard says about them is data here (`Status`, `Check`, `AutoProof`); the app
//! puts it into words.

use super::huawei::CertStatus;
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
    Automatic { domain: String, how: AutoProof },
}

/// How a provider proves control of a name by itself. Saved with a placed order under
/// these slugs; an earlier version saved the words themselves, which are kept as they came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum AutoProof {
    /// Huawei adds the DNS records to its Cloud DNS (`auto_dns_auth`).
    HuaweiDns,
    /// cPanel adds the DNS record on its own server.
    CpanelDns,
    /// cPanel places the validation file on its own server.
    CpanelFile,
    /// Words saved by an earlier version of the wizard.
    Saved(String),
}

impl From<String> for AutoProof {
    fn from(saved: String) -> AutoProof {
        match saved.as_str() {
            "huawei_dns" => AutoProof::HuaweiDns,
            "cpanel_dns" => AutoProof::CpanelDns,
            "cpanel_file" => AutoProof::CpanelFile,
            _ => AutoProof::Saved(saved),
        }
    }
}

impl From<AutoProof> for String {
    fn from(proof: AutoProof) -> String {
        match proof {
            AutoProof::HuaweiDns => "huawei_dns".into(),
            AutoProof::CpanelDns => "cpanel_dns".into(),
            AutoProof::CpanelFile => "cpanel_file".into(),
            AutoProof::Saved(words) => words,
        }
    }
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusReport {
    /// The status; an unknown value is kept as the provider sent it.
    pub status: Status,
    /// Whether the status can still change without the person doing anything more.
    pub pending: bool,
    /// Whether the certificate is issued: validation is over and it can be downloaded.
    pub issued: bool,
    /// Steps the provider reports apart (cPanel's `dcvStatus`, GoGetSSL's SANs).
    pub checks: Vec<Check>,
    pub instructions: Vec<Instruction>,
    pub not_after: Option<String>,
}

/// An order's status as one API reports it, each value its own variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Huawei(CertStatus),
    GoGetSsl(GoGetSslStatus),
    Cpanel(CpanelStatus),
    Generic(GenericStatus),
    /// The provider's own words for the status (the generic format's `status_text`).
    Stated(String),
    /// A value no adapter knows, shown as the provider sent it.
    Unknown(String),
}

/// GoGetSSL's `status` values (`active` is issued).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoGetSslStatus {
    Active,
    Processing,
    Pending,
    NewOrder,
    Reissue,
    Incomplete,
    Unpaid,
    Cancelled,
    Expired,
    Rejected,
}

/// cPanel gives no status of its own: the wizard reads one off the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CpanelStatus {
    Issued,
    /// No check reported yet.
    NotReported,
    /// Some check is still open.
    Validating,
}

/// The generic format's `status` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenericStatus {
    PendingValidation,
    Processing,
    Issued,
    Rejected,
    Cancelled,
    /// `unknown`: the order server sent the order but the provider's answer was lost. It is
    /// not sent again; an operator checks, and the status may still change to any other.
    Unknown,
}

/// One step the provider reports apart, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub subject: CheckSubject,
    pub state: CheckState,
}

/// What a check is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckSubject {
    /// One name of the certificate.
    Name(String),
    Cpanel(CpanelCheck),
}

/// The checks of cPanel's `get_certificate_status_details`, by their keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CpanelCheck {
    Csr,
    Dcv,
    Validation,
    Organisation,
    Brand,
    Callback,
    EvAgreement,
}

/// Where a check stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckState {
    /// cPanel's `completed`, `not-completed`, `in-progress`.
    Done,
    NotDone,
    InProgress,
    /// A GoGetSSL SAN's status 2, 1, 0, or none given.
    SanValidated,
    SanBeingValidated,
    SanNotStarted,
    SanUnknown,
    /// A value shown as the provider sent it.
    Other(String),
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

    /// A report of an open generic-format order, for the fields a test sets.
    fn report() -> StatusReport {
        StatusReport {
            status: Status::Generic(GenericStatus::Processing),
            pending: false,
            issued: false,
            checks: Vec::new(),
            instructions: Vec::new(),
            not_after: None,
        }
    }

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
            ..report()
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
            ..report()
        };
        let shown = validation_steps(&first, Some(&issued));
        assert!(shown.done);
        assert_eq!(shown.instructions, first);
        let pending = StatusReport {
            pending: true,
            ..report()
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
            ..report()
        };
        assert_eq!(
            validation_steps(&seen, Some(&issued)).instructions,
            [dns("a.example")]
        );
    }

    #[test]
    fn a_rejected_order_shows_only_what_its_status_says() {
        let rejected = StatusReport {
            status: Status::Generic(GenericStatus::Rejected),
            ..report()
        };
        let shown = validation_steps(&[dns("a.example")], Some(&rejected));
        assert_eq!(shown, ValidationSteps::default());
    }

    #[test]
    fn a_way_of_proving_control_is_saved_by_its_slug_and_old_words_are_kept() {
        let saved = Instruction::Automatic {
            domain: "a.example".into(),
            how: AutoProof::CpanelDns,
        };
        let json = serde_json::to_string(&saved).expect("json");
        assert_eq!(
            json,
            r#"{"kind":"automatic","domain":"a.example","how":"cpanel_dns"}"#
        );
        assert_eq!(
            serde_json::from_str::<Instruction>(&json).expect("read"),
            saved
        );
        let old = r#"{"kind":"automatic","domain":"a.example","how":"cPanel adds it"}"#;
        assert_eq!(
            serde_json::from_str::<Instruction>(old).expect("read"),
            Instruction::Automatic {
                domain: "a.example".into(),
                how: AutoProof::Saved("cPanel adds it".into()),
            }
        );
    }
}
