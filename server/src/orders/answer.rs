//! The order server's answers, in the generic format the app reads
//! (`core/src/providers/generic.rs`): an OrderAnswer, or an ErrorAnswer with its problems as
//! data. See the README's "Order server API".

use serde::Serialize;
use serde_json::{json, Value};
use ssl_order_core::order::FieldErrors;
use ssl_order_core::providers::huawei::CertStatus;
use ssl_order_core::providers::{
    CpanelStatus, GenericStatus, GoGetSslStatus, Instruction, Status, StatusReport,
};

/// The generic format's status values, and `unknown`: the provider's answer was lost after
/// the order went out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    PendingValidation,
    Processing,
    Issued,
    Rejected,
    Cancelled,
    Unknown,
}

/// An OrderAnswer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderAnswer {
    pub order_id: String,
    pub status: OrderStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checkout_url: Option<String>,
    pub instructions: Vec<Value>,
}

impl OrderAnswer {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// One instruction as the generic format writes it; `None` for what it has no word for
/// (a provider proving control by itself needs nothing from the person).
pub fn instruction(found: &Instruction) -> Option<Value> {
    match found {
        Instruction::Dns {
            domain,
            name,
            record_type,
            value,
        } => Some(json!({"name": domain, "method": "dns",
            "record": {"name": name, "type": record_type, "value": value}})),
        Instruction::File {
            domain,
            url,
            content,
        } => Some(json!({"name": domain,
            "method": if url.starts_with("https:") { "https" } else { "http" },
            "file": {"url": url, "content": content}})),
        Instruction::Email { domain, address } => {
            Some(json!({"name": domain, "method": "email", "email": address}))
        }
        Instruction::Automatic { .. } => None,
    }
}

pub fn instructions(list: &[Instruction]) -> Vec<Value> {
    list.iter().filter_map(instruction).collect()
}

/// The generic status of a provider's status report.
pub fn status_of(report: &StatusReport) -> OrderStatus {
    if report.issued {
        OrderStatus::Issued
    } else if report.pending {
        if report.instructions.is_empty() {
            OrderStatus::Processing
        } else {
            OrderStatus::PendingValidation
        }
    } else if ended_by_cancelling(&report.status) {
        OrderStatus::Cancelled
    } else {
        OrderStatus::Rejected
    }
}

/// A finished order that was withdrawn rather than refused.
fn ended_by_cancelling(status: &Status) -> bool {
    match status {
        Status::Huawei(status) => match status {
            CertStatus::Revoked
            | CertStatus::Revoking
            | CertStatus::CancelRevoking
            | CertStatus::CancelChecking
            | CertStatus::CancelSupplementing
            | CertStatus::Expired => true,
            CertStatus::Paid
            | CertStatus::Issued
            | CertStatus::Checking
            | CertStatus::Unpassed
            | CertStatus::Upload
            | CertStatus::SupplementChecking
            | CertStatus::CheckingOrg
            | CertStatus::Issuing
            | CertStatus::Other(_) => false,
        },
        Status::GoGetSsl(status) => match status {
            GoGetSslStatus::Cancelled | GoGetSslStatus::Expired => true,
            GoGetSslStatus::Active
            | GoGetSslStatus::Processing
            | GoGetSslStatus::Pending
            | GoGetSslStatus::NewOrder
            | GoGetSslStatus::Reissue
            | GoGetSslStatus::Incomplete
            | GoGetSslStatus::Unpaid
            | GoGetSslStatus::Rejected => false,
        },
        Status::Cpanel(status) => match status {
            CpanelStatus::Issued | CpanelStatus::NotReported | CpanelStatus::Validating => false,
        },
        Status::Generic(status) => match status {
            GenericStatus::Cancelled => true,
            GenericStatus::PendingValidation
            | GenericStatus::Processing
            | GenericStatus::Issued
            | GenericStatus::Rejected
            | GenericStatus::Unknown => false,
        },
        Status::Stated(_) | Status::Unknown(_) => false,
    }
}

/// An ErrorAnswer's codes (see `api.md` / the README): each with its HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    MalformedJson,
    Schema,
    IdempotencyKeyMissing,
    IdempotencyKeyMalformed,
    Unauthorized,
    SpendingCap,
    NotFound,
    IdempotencyInProgress,
    TooLarge,
    InvalidOrder,
    IdempotencyKeyReused,
    ProviderRefused,
    RateLimited,
    ProviderUnavailable,
    NotReady,
    Internal,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::MalformedJson => "malformed_json",
            Code::Schema => "schema",
            Code::IdempotencyKeyMissing => "idempotency_key_missing",
            Code::IdempotencyKeyMalformed => "idempotency_key_malformed",
            Code::Unauthorized => "unauthorized",
            Code::SpendingCap => "spending_cap",
            Code::NotFound => "not_found",
            Code::IdempotencyInProgress => "idempotency_in_progress",
            Code::TooLarge => "too_large",
            Code::InvalidOrder => "invalid_order",
            Code::IdempotencyKeyReused => "idempotency_key_reused",
            Code::ProviderRefused => "provider_refused",
            Code::RateLimited => "rate_limited",
            Code::ProviderUnavailable => "provider_unavailable",
            Code::NotReady => "not_ready",
            Code::Internal => "internal",
        }
    }

    pub fn status(self) -> u16 {
        match self {
            Code::MalformedJson
            | Code::Schema
            | Code::IdempotencyKeyMissing
            | Code::IdempotencyKeyMalformed => 400,
            Code::Unauthorized => 401,
            Code::SpendingCap => 403,
            Code::NotFound => 404,
            Code::IdempotencyInProgress => 409,
            Code::TooLarge => 413,
            Code::InvalidOrder | Code::IdempotencyKeyReused | Code::ProviderRefused => 422,
            Code::RateLimited => 429,
            Code::Internal => 500,
            Code::ProviderUnavailable => 502,
            Code::NotReady => 503,
        }
    }
}

/// An ErrorAnswer: the code, English words that say how to put it right, where, and the
/// order's problems as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorAnswer {
    pub code: Code,
    pub message: String,
    pub field: Option<String>,
    pub problems: Option<FieldErrors>,
}

impl ErrorAnswer {
    pub fn new(code: Code, message: impl Into<String>) -> ErrorAnswer {
        ErrorAnswer {
            code,
            message: message.into(),
            field: None,
            problems: None,
        }
    }

    pub fn at(mut self, pointer: impl Into<String>) -> ErrorAnswer {
        let pointer = pointer.into();
        self.field = (!pointer.is_empty()).then_some(pointer);
        self
    }

    pub fn refused(problems: FieldErrors) -> ErrorAnswer {
        ErrorAnswer {
            code: Code::InvalidOrder,
            message: format!(
                "The order has {} problem(s); each is listed under \"problems\" with its field. \
                 Correct them and send the order again.",
                problems.len()
            ),
            field: None,
            problems: Some(problems),
        }
    }

    pub fn to_json(&self) -> String {
        let mut error = json!({"code": self.code.as_str(), "message": self.message});
        if let Some(field) = &self.field {
            error["field"] = json!(field);
        }
        let mut body = json!({ "error": error });
        if let Some(problems) = &self.problems {
            body["problems"] = serde_json::to_value(problems).unwrap_or(Value::Null);
        }
        body.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ssl_order_core::order::{Field, FieldProblem, NameError};
    use ssl_order_core::providers::generic;

    #[test]
    fn the_app_reads_an_order_answer_as_written() {
        let answer = OrderAnswer {
            order_id: "7d1f0c1e-6a47-4b1e-9f1c-3f7d1d2a9e10".into(),
            status: OrderStatus::PendingValidation,
            status_text: None,
            certificate_id: Some("scs1".into()),
            checkout_url: None,
            instructions: instructions(&[
                Instruction::Dns {
                    domain: "a.example.com".into(),
                    name: "_dnsauth.a.example.com".into(),
                    record_type: "TXT".into(),
                    value: "v".into(),
                },
                Instruction::File {
                    domain: "b.example.com".into(),
                    url: "http://b.example.com/.well-known/pki-validation/x.txt".into(),
                    content: "c".into(),
                },
                Instruction::Email {
                    domain: "c.example.com".into(),
                    address: "admin@example.com".into(),
                },
            ]),
        };
        let placed = generic::parse_order(201, &answer.to_json()).expect("the app reads it");
        assert_eq!(placed.order_id, answer.order_id);
        assert_eq!(placed.cert_id.as_deref(), Some("scs1"));
        assert_eq!(placed.instructions.len(), 3);
        let report = generic::parse_status(200, &answer.to_json()).expect("status");
        assert!(report.pending);
    }

    #[test]
    fn an_error_answer_carries_its_code_words_field_and_problems() {
        let mut problems = FieldErrors::new();
        problems.push(Field::Domain, FieldProblem::Name(NameError::Empty));
        let body = ErrorAnswer::refused(problems.clone()).to_json();
        let value: Value = serde_json::from_str(&body).expect("json");
        assert_eq!(value["error"]["code"], "invalid_order");
        let back: FieldErrors =
            serde_json::from_value(value["problems"].clone()).expect("problems");
        assert_eq!(back, problems);
        let err = generic::parse_order(422, &body).expect_err("an error");
        assert_eq!(err.code.as_deref(), Some("invalid_order"));
        let at = ErrorAnswer::new(Code::Schema, "bad")
            .at("/names/0")
            .to_json();
        let value: Value = serde_json::from_str(&at).expect("json");
        assert_eq!(value["error"]["field"], "/names/0");
    }

    #[test]
    fn every_code_has_a_distinct_name_and_an_error_status() {
        use Code::*;
        let all = [
            MalformedJson,
            Schema,
            IdempotencyKeyMissing,
            IdempotencyKeyMalformed,
            Unauthorized,
            SpendingCap,
            NotFound,
            IdempotencyInProgress,
            TooLarge,
            InvalidOrder,
            IdempotencyKeyReused,
            ProviderRefused,
            RateLimited,
            ProviderUnavailable,
            NotReady,
            Internal,
        ];
        let names: std::collections::BTreeSet<_> = all.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), all.len());
        assert!(all.iter().all(|c| c.status() >= 400));
    }
}
