//! Fault injection: makes the next matching sandbox call(s) fail the way networks, gateways
//! and providers fail, so tests can reach the app's error paths on purpose.
//!
//! - `POST /sandbox/_faults` with `{"provider","path"?,"method"?,"times"?,"fault"}` stores a
//!   rule and answers 201 with it (its `id` added); `GET` lists the pending rules; `DELETE`
//!   clears them, as `POST /sandbox/_reset` does.
//! - A rule fires on the first `times` matching requests (not CORS preflights), then is gone.
//! - `fault` is `{"kind":"delay","ms"}`, `{"kind":"status","status"}`, `{"kind":"drop"}`,
//!   `{"kind":"not_json"}` or `{"kind":"provider_error"}`; the last three and `status` take an
//!   optional `"message"` that replaces the default text.
//!
//! A dropped request is answered inside the app with status 444 (nginx's code for "closed the
//! connection without answering", which is what the log shows) and a [`DropConnection`]
//! marker; the accept loop turns the marker into a closed connection. While a drop is
//! pending, [`ConnectionReuse`] tells the accept loop to stop keeping connections alive:
//! browsers silently resend a request that failed on a reused connection, which would spend
//! the fault on the first attempt and answer the resend normally.

mod answers;
mod parse;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::extract::{OriginalUri, Request, State};
use axum::http::{Extensions, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use tokio::sync::watch;

pub use answers::DROPPED_STATUS;
use answers::{dropped, gateway_page, gateway_status};
use parse::{parse_rule, Refusal};

const DEFAULT_MESSAGE: &str =
    "Injected fault: the sandbox was told to fail this call (see POST /sandbox/_faults).";

/// A provider's own error answer for a `provider_error` fault, given the request's path
/// inside the provider's sandbox and the message to carry.
pub type ProviderError = fn(path: &str, message: &str) -> Response;

/// How a matching request fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// Waits, then answers normally; the call is carried out even if the caller has gone.
    Delay { ms: u64 },
    /// A gateway's status with a short plain-text body.
    Status {
        status: u16,
        #[serde(skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    /// Closes the connection without any HTTP answer.
    Drop,
    /// HTTP 200 with a gateway's HTML error page instead of JSON.
    NotJson {
        #[serde(skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    /// The provider's own error shape and usual status.
    ProviderError {
        #[serde(skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
}

/// A stored rule, as `POST` and `GET /sandbox/_faults` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: String,
    /// A provider's name, or `*` for every provider.
    pub provider: String,
    /// Matches paths containing this text (the `/sandbox/<provider>` prefix included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// How many more matching requests it fails.
    pub times: u64,
    pub fault: Fault,
}

impl Rule {
    fn matches(&self, provider: &str, method: &Method, path: &str) -> bool {
        (self.provider == "*" || self.provider == provider)
            && self.method.as_deref().is_none_or(|m| m == method.as_str())
            && self.path.as_deref().is_none_or(|p| path.contains(p))
    }
}

/// Whether the HTTP server may keep a connection open for further requests: `false`
/// while a drop fault is pending. The accept loop puts one into every request's
/// extensions; requests that change the rules update it.
#[derive(Debug, Clone)]
pub struct ConnectionReuse(Arc<watch::Sender<bool>>);

impl Default for ConnectionReuse {
    fn default() -> Self {
        Self(Arc::new(watch::channel(true).0))
    }
}

impl ConnectionReuse {
    /// `true` while connections may be kept alive; changes as drop faults come and go.
    pub fn subscribe(&self) -> watch::Receiver<bool> {
        self.0.subscribe()
    }

    fn allow(&self, allowed: bool) {
        self.0.send_if_modified(|current| {
            let changed = *current != allowed;
            *current = allowed;
            changed
        });
    }
}

/// The marker on a response that the accept loop must turn into a closed connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DropConnection;

pub fn is_dropped(response: &Response) -> bool {
    response.extensions().get::<DropConnection>().is_some()
}

/// The pending rules and the providers they may name.
#[derive(Clone, Default)]
pub struct Faults {
    inner: Arc<Mutex<Rules>>,
}

#[derive(Default)]
struct Rules {
    next_id: u64,
    pending: Vec<Rule>,
    providers: Vec<&'static str>,
}

impl Rules {
    fn drop_pending(&self) -> bool {
        self.pending.iter().any(|rule| rule.fault == Fault::Drop)
    }
}

impl Faults {
    /// Every change is one push, removal or assignment, so a poisoned lock is still consistent.
    fn lock(&self) -> MutexGuard<'_, Rules> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Wraps one provider's router so that rules naming `provider` (or `*`) apply to it.
    /// `error` answers `provider_error` faults in the provider's own shape.
    pub fn wrap(&self, router: Router, provider: &'static str, error: ProviderError) -> Router {
        self.lock().providers.push(provider);
        let injector = Injector {
            faults: self.clone(),
            provider,
            error,
        };
        router.layer(middleware::from_fn_with_state(injector, inject))
    }

    pub fn pending(&self) -> Vec<Rule> {
        self.lock().pending.clone()
    }

    pub fn clear(&self, reuse: Option<&ConnectionReuse>) {
        let mut rules = self.lock();
        rules.pending.clear();
        sync(&rules, reuse);
    }

    fn add(&self, body: &[u8], reuse: Option<&ConnectionReuse>) -> Result<Rule, Refusal> {
        let mut rules = self.lock();
        let new = parse_rule(body, &rules.providers)?;
        rules.next_id += 1;
        let rule = Rule {
            id: format!("fault-{}", rules.next_id),
            provider: new.provider,
            path: new.path,
            method: new.method,
            times: new.times,
            fault: new.fault,
        };
        rules.pending.push(rule.clone());
        sync(&rules, reuse);
        Ok(rule)
    }

    /// Spends one use of the first rule matching the request, if any, and says its fault.
    fn take(
        &self,
        provider: &str,
        method: &Method,
        path: &str,
        reuse: Option<&ConnectionReuse>,
    ) -> Option<Fault> {
        let mut rules = self.lock();
        let index = rules
            .pending
            .iter()
            .position(|rule| rule.matches(provider, method, path))?;
        let rule = &mut rules.pending[index];
        let fault = rule.fault.clone();
        rule.times -= 1;
        if rule.times == 0 {
            rules.pending.remove(index);
        }
        sync(&rules, reuse);
        Some(fault)
    }
}

/// Connections may be kept alive again once no drop is pending.
fn sync(rules: &Rules, reuse: Option<&ConnectionReuse>) {
    if let Some(reuse) = reuse {
        reuse.allow(!rules.drop_pending());
    }
}

/// The connection policy the accept loop handed in, absent in tests that call the router directly.
pub fn reuse_of(extensions: &Extensions) -> Option<&ConnectionReuse> {
    extensions.get::<ConnectionReuse>()
}

/// `GET`, `POST` and `DELETE /sandbox/_faults`.
pub fn routes(faults: Faults) -> Router {
    Router::new()
        .route("/sandbox/_faults", get(list).post(add).delete(clear_all))
        .with_state(faults)
}

async fn list(State(faults): State<Faults>) -> Json<Vec<Rule>> {
    Json(faults.pending())
}

async fn add(State(faults): State<Faults>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, 64 * 1024).await else {
        return Refusal::new("", "The body could not be read or is over 64 KiB.").into_response();
    };
    match faults.add(&body, reuse_of(&parts.extensions)) {
        Ok(rule) => (StatusCode::CREATED, Json(rule)).into_response(),
        Err(refusal) => refusal.into_response(),
    }
}

async fn clear_all(State(faults): State<Faults>, request: Request) -> StatusCode {
    faults.clear(reuse_of(request.extensions()));
    StatusCode::NO_CONTENT
}

#[derive(Clone)]
struct Injector {
    faults: Faults,
    provider: &'static str,
    error: ProviderError,
}

/// Middleware: answers the request with the fault of the first matching rule, if any.
async fn inject(State(injector): State<Injector>, request: Request, next: Next) -> Response {
    // A preflight is the browser's, not the app's: failing it would test the browser.
    if request.method() == Method::OPTIONS {
        return next.run(request).await;
    }
    // Inside a nested router the URI has lost its prefix; the original one still has it.
    let full_path = request
        .extensions()
        .get::<OriginalUri>()
        .map_or_else(|| request.uri().path(), |original| original.path())
        .to_string();
    let reuse = reuse_of(request.extensions());
    let Some(fault) = injector
        .faults
        .take(injector.provider, request.method(), &full_path, reuse)
    else {
        return next.run(request).await;
    };
    match fault {
        Fault::Delay { ms } => {
            // A slow provider finishes its work even when the caller has given up waiting:
            // the call runs on its own task, which a closed connection does not cancel.
            let call = tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                next.run(request).await
            });
            call.await
                .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
        Fault::Status { status, message } => gateway_status(status, message.as_deref()),
        Fault::Drop => dropped(),
        Fault::NotJson { message } => gateway_page(message.as_deref()),
        Fault::ProviderError { message } => (injector.error)(
            request.uri().path(),
            message.as_deref().unwrap_or(DEFAULT_MESSAGE),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_rule_matches_by_provider_method_and_part_of_the_path() {
        let rule = Rule {
            id: "fault-1".into(),
            provider: "huawei".into(),
            path: Some("/buy".into()),
            method: Some("POST".into()),
            times: 1,
            fault: Fault::Drop,
        };
        let buy = "/sandbox/huawei/v3/scm/certificates/buy";
        assert!(rule.matches("huawei", &Method::POST, buy));
        assert!(!rule.matches("generic", &Method::POST, buy));
        assert!(!rule.matches("huawei", &Method::GET, buy));
        assert!(!rule.matches(
            "huawei",
            &Method::POST,
            "/sandbox/huawei/v3/scm/certificates/x"
        ));
        let any = Rule {
            provider: "*".into(),
            path: None,
            method: None,
            ..rule
        };
        assert!(any.matches("generic", &Method::GET, "/sandbox/generic/orders/1"));
    }

    #[test]
    fn a_rule_is_spent_after_times_matches() {
        let faults = Faults::default();
        faults.lock().providers.push("huawei");
        let body = json!({"provider": "huawei", "times": 2, "fault": {"kind": "drop"}});
        faults.add(body.to_string().as_bytes(), None).unwrap();
        let path = "/sandbox/huawei/v3/scm/certificates/buy";
        for _ in 0..2 {
            assert_eq!(
                faults.take("huawei", &Method::POST, path, None),
                Some(Fault::Drop)
            );
        }
        assert_eq!(faults.take("huawei", &Method::POST, path, None), None);
        assert!(faults.pending().is_empty());
    }

    #[test]
    fn connections_are_not_reused_while_a_drop_is_pending() {
        let faults = Faults::default();
        faults.lock().providers.push("huawei");
        let reuse = ConnectionReuse::default();
        let allowed = reuse.subscribe();
        let drop = json!({"provider": "huawei", "fault": {"kind": "drop"}});
        let delay = json!({"provider": "huawei", "fault": {"kind": "delay", "ms": 1}});
        faults
            .add(delay.to_string().as_bytes(), Some(&reuse))
            .unwrap();
        assert!(*allowed.borrow());
        faults
            .add(drop.to_string().as_bytes(), Some(&reuse))
            .unwrap();
        assert!(!*allowed.borrow());
        faults.take("huawei", &Method::GET, "/x", Some(&reuse));
        assert!(
            !*allowed.borrow(),
            "the delay went first; the drop is still pending"
        );
        faults.take("huawei", &Method::GET, "/x", Some(&reuse));
        assert!(*allowed.borrow());
        faults
            .add(drop.to_string().as_bytes(), Some(&reuse))
            .unwrap();
        faults.clear(Some(&reuse));
        assert!(*allowed.borrow());
    }
}
