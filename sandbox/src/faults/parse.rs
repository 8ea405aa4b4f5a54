//! Reading a rule from the body of `POST /sandbox/_faults`, with refusals that name the field.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use super::Fault;

/// The longest delay a rule may ask for: a forgotten rule must not hang a test run for long.
pub const MAX_DELAY_MS: u64 = 60_000;
/// The most requests one rule may fail.
pub const MAX_TIMES: u64 = 1000;
/// The statuses a `status` fault may answer: what gateways and rate limiters send.
const GATEWAY_STATUSES: [u16; 5] = [429, 500, 502, 503, 504];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// A JSON pointer into the rule; empty for the whole body.
    pub field: &'static str,
    pub message: String,
}

impl Refusal {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut error = json!({ "code": "invalid_fault", "message": self.message });
        if !self.field.is_empty() {
            error["field"] = json!(self.field);
        }
        (StatusCode::BAD_REQUEST, Json(json!({ "error": error }))).into_response()
    }
}

/// A rule as asked for, before it has an id.
#[derive(Debug, PartialEq, Eq)]
pub struct NewRule {
    pub provider: String,
    pub path: Option<String>,
    pub method: Option<String>,
    pub times: u64,
    pub fault: Fault,
}

pub fn parse_rule(body: &[u8], providers: &[&str]) -> Result<NewRule, Refusal> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| Refusal::new("", format!("The body is not valid JSON: {e}.")))?;
    let Value::Object(rule) = value else {
        return Err(Refusal::new("", "The body must be a JSON object."));
    };
    only(&rule, &["provider", "path", "method", "times", "fault"], "")?;
    let provider = match rule.get("provider") {
        Some(Value::String(name)) if name == "*" || providers.contains(&name.as_str()) => {
            name.clone()
        }
        _ => {
            return Err(Refusal::new(
                "/provider",
                format!(
                    "provider is required: one of {}, or \"*\" for all.",
                    quoted(providers)
                ),
            ))
        }
    };
    let path = match rule.get("path") {
        None => None,
        Some(Value::String(path)) if !path.is_empty() => Some(path.clone()),
        Some(_) => {
            return Err(Refusal::new(
                "/path",
                "path must be a non-empty string, part of the request path (omit it to match every path).",
            ))
        }
    };
    let method = match rule.get("method") {
        None => None,
        Some(Value::String(m)) if m == "GET" || m == "POST" => Some(m.clone()),
        Some(_) => {
            return Err(Refusal::new(
                "/method",
                "method must be \"GET\" or \"POST\" (omit it to match both).",
            ))
        }
    };
    let times = match rule.get("times") {
        None => 1,
        Some(value) => value
            .as_u64()
            .filter(|times| (1..=MAX_TIMES).contains(times))
            .ok_or_else(|| {
                Refusal::new(
                    "/times",
                    format!("times must be an integer from 1 to {MAX_TIMES}, got {value}."),
                )
            })?,
    };
    let fault = match rule.get("fault") {
        Some(Value::Object(fault)) => parse_fault(fault)?,
        _ => {
            return Err(Refusal::new(
                "/fault",
                "fault is required: an object such as {\"kind\":\"status\",\"status\":503}.",
            ))
        }
    };
    Ok(NewRule {
        provider,
        path,
        method,
        times,
        fault,
    })
}

fn parse_fault(fault: &Map<String, Value>) -> Result<Fault, Refusal> {
    let kind = fault
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or_default();
    match kind {
        "delay" => {
            only(fault, &["kind", "ms"], "/fault")?;
            let ms = fault
                .get("ms")
                .and_then(Value::as_u64)
                .filter(|ms| *ms <= MAX_DELAY_MS)
                .ok_or_else(|| {
                    Refusal::new(
                        "/fault/ms",
                        format!("ms is required: an integer from 0 to {MAX_DELAY_MS}."),
                    )
                })?;
            Ok(Fault::Delay { ms })
        }
        "status" => {
            only(fault, &["kind", "status", "message"], "/fault")?;
            let status = fault
                .get("status")
                .and_then(Value::as_u64)
                .and_then(|status| u16::try_from(status).ok())
                .filter(|status| GATEWAY_STATUSES.contains(status))
                .ok_or_else(|| {
                    Refusal::new(
                        "/fault/status",
                        "status is required: one of 429, 500, 502, 503 or 504.",
                    )
                })?;
            let message = message(fault)?;
            Ok(Fault::Status { status, message })
        }
        "drop" => {
            only(fault, &["kind"], "/fault")?;
            Ok(Fault::Drop)
        }
        "not_json" => {
            only(fault, &["kind", "message"], "/fault")?;
            Ok(Fault::NotJson {
                message: message(fault)?,
            })
        }
        "provider_error" => {
            only(fault, &["kind", "message"], "/fault")?;
            Ok(Fault::ProviderError {
                message: message(fault)?,
            })
        }
        _ => Err(Refusal::new(
            "/fault/kind",
            "kind must be \"delay\", \"status\", \"drop\", \"not_json\" or \"provider_error\".",
        )),
    }
}

fn message(fault: &Map<String, Value>) -> Result<Option<String>, Refusal> {
    match fault.get("message") {
        None => Ok(None),
        Some(Value::String(text)) if !text.is_empty() => Ok(Some(text.clone())),
        Some(_) => Err(Refusal::new(
            "/fault/message",
            "message must be a non-empty string.",
        )),
    }
}

/// Refuses keys outside `known`, naming the first and the ones allowed.
fn only(object: &Map<String, Value>, known: &[&str], at: &'static str) -> Result<(), Refusal> {
    match object.keys().find(|key| !known.contains(&key.as_str())) {
        None => Ok(()),
        Some(key) => Err(Refusal::new(
            at,
            format!(
                "Unknown field {key:?} in {}: allowed are {}.",
                if at.is_empty() { "the rule" } else { at },
                quoted(known)
            ),
        )),
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROVIDERS: &[&str] = &["huawei", "generic"];

    fn parse(body: Value) -> Result<NewRule, Refusal> {
        parse_rule(body.to_string().as_bytes(), PROVIDERS)
    }

    #[test]
    fn a_minimal_rule_fails_one_request_on_every_path_and_method() {
        let rule = parse(json!({"provider": "huawei", "fault": {"kind": "drop"}})).unwrap();
        assert_eq!(
            rule,
            NewRule {
                provider: "huawei".into(),
                path: None,
                method: None,
                times: 1,
                fault: Fault::Drop,
            }
        );
    }

    #[test]
    fn every_kind_of_fault_is_read_with_its_options() {
        let cases = [
            (
                json!({"kind": "delay", "ms": 250}),
                Fault::Delay { ms: 250 },
            ),
            (
                json!({"kind": "status", "status": 429}),
                Fault::Status {
                    status: 429,
                    message: None,
                },
            ),
            (
                json!({"kind": "status", "status": 503, "message": "down"}),
                Fault::Status {
                    status: 503,
                    message: Some("down".into()),
                },
            ),
            (
                json!({"kind": "not_json"}),
                Fault::NotJson { message: None },
            ),
            (
                json!({"kind": "provider_error", "message": "quota"}),
                Fault::ProviderError {
                    message: Some("quota".into()),
                },
            ),
        ];
        for (fault, expected) in cases {
            let rule = parse(json!({"provider": "*", "fault": fault})).unwrap();
            assert_eq!(rule.fault, expected, "{fault}");
        }
    }

    #[test]
    fn broken_rules_are_refused_naming_the_field() {
        let cases = [
            (json!([]), ""),
            (json!({"fault": {"kind": "drop"}}), "/provider"),
            (
                json!({"provider": "digicert", "fault": {"kind": "drop"}}),
                "/provider",
            ),
            (json!({"provider": "huawei"}), "/fault"),
            (
                json!({"provider": "huawei", "fault": {"kind": "drop"}, "message": "x"}),
                "",
            ),
            (
                json!({"provider": "huawei", "path": "", "fault": {"kind": "drop"}}),
                "/path",
            ),
            (
                json!({"provider": "huawei", "method": "get", "fault": {"kind": "drop"}}),
                "/method",
            ),
            (
                json!({"provider": "huawei", "times": 0, "fault": {"kind": "drop"}}),
                "/times",
            ),
            (
                json!({"provider": "huawei", "times": 1.5, "fault": {"kind": "drop"}}),
                "/times",
            ),
            (
                json!({"provider": "huawei", "fault": {"kind": "explode"}}),
                "/fault/kind",
            ),
            (
                json!({"provider": "huawei", "fault": {"kind": "delay"}}),
                "/fault/ms",
            ),
            (
                json!({"provider": "huawei", "fault": {"kind": "delay", "ms": 60_001}}),
                "/fault/ms",
            ),
            (
                json!({"provider": "huawei", "fault": {"kind": "status", "status": 404}}),
                "/fault/status",
            ),
            (
                json!({"provider": "huawei", "fault": {"kind": "drop", "ms": 5}}),
                "/fault",
            ),
            (
                json!({"provider": "huawei", "fault": {"kind": "not_json", "message": 5}}),
                "/fault/message",
            ),
        ];
        for (body, field) in cases {
            let refusal = parse(body.clone()).unwrap_err();
            assert_eq!(refusal.field, field, "{body}: {}", refusal.message);
        }
    }

    #[test]
    fn an_unknown_provider_is_refused_with_the_list_of_known_ones() {
        let refusal =
            parse(json!({"provider": "digicert", "fault": {"kind": "drop"}})).unwrap_err();
        assert!(
            refusal.message.contains("\"huawei\", \"generic\""),
            "{}",
            refusal.message
        );
    }
}
