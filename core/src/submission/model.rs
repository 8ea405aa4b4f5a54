//! A property test against a small model provider: whatever faults come, in whatever order,
//! with reloads in between and at any time, exactly one paid order is ever placed.

use super::tests::{details, refusal, reload, server_error, unreadable_success, Fixture, APIS};
use super::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// What happens to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    /// Answered as the provider means it.
    None,
    /// Refused, readably: nothing done.
    Refused,
    /// Refused by a gateway in front of the provider (a 429 page): the provider never saw
    /// the request, so even a repeat under a key it holds is not answered with its order.
    GatewayRefused,
    /// A 5xx; `acted`: the provider did the work before failing.
    ServerError { acted: bool },
    /// No answer (connection lost or time ran out), after the work or before it.
    Lost { acted: bool, timed_out: bool },
    /// Done, and answered with a page that cannot be read.
    Unreadable,
    /// The page reloads while the request is out; its answer never arrives.
    Reload { acted: bool },
}

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        Just(Fault::None),
        Just(Fault::Refused),
        Just(Fault::GatewayRefused),
        any::<bool>().prop_map(|acted| Fault::ServerError { acted }),
        (any::<bool>(), any::<bool>())
            .prop_map(|(acted, timed_out)| Fault::Lost { acted, timed_out }),
        Just(Fault::Unreadable),
        any::<bool>().prop_map(|acted| Fault::Reload { acted }),
    ]
}

/// The provider: it records each paid order (a certificate bought, an order placed).
#[derive(Default)]
struct Provider {
    paid: Vec<String>,
    /// Huawei's certificates applied for.
    applied: BTreeSet<String>,
    /// The proxy's orders by idempotency key.
    keys: BTreeMap<String, String>,
}

impl Provider {
    /// Does what `step` asks; the answer it would give when all goes well.
    fn act(&mut self, step: &Step) -> Outcome {
        let n = self.paid.len() + 1;
        let answered = |status: u16, body: String| Outcome::Answered { status, body };
        match step {
            Step::Buy => {
                let cert = format!("scs{n:013}");
                self.paid.push(cert.clone());
                answered(
                    200,
                    format!(r#"{{"order_id":"CS{n}","cert":[{{"cert_id":"{cert}"}}]}}"#),
                )
            }
            Step::Apply(cert) => {
                let known = self.paid.iter().any(|c| c == cert.as_str());
                if known && self.applied.insert(cert.to_string()) {
                    answered(200, r#"{"request_info":"success"}"#.into())
                } else {
                    // SCM.1005: this certificate is no longer waiting for an application.
                    refusal(step)
                }
            }
            Step::CheckApplied { cert, .. } => {
                let applied = self.applied.contains(cert.as_str());
                details(cert.as_str(), if applied { "CHECKING" } else { "PAID" })
            }
            Step::Order(OneRequest::GoGetSsl) => {
                self.paid.push(format!("{n}"));
                answered(200, format!(r#"{{"success":true,"order_id":{n}}}"#))
            }
            Step::Order(OneRequest::Cpanel) => {
                self.paid.push(format!("{n}"));
                answered(
                    200,
                    format!(r#"{{"result":{{"status":1,"data":{{"order_id":"{n}"}}}}}}"#),
                )
            }
            Step::Order(OneRequest::Generic(key)) => {
                // A repeat under a key answers with the order placed under it first.
                let id = match self.keys.get(key.as_str()) {
                    Some(id) => id.clone(),
                    None => {
                        let id = format!("ord_{n}");
                        self.paid.push(id.clone());
                        self.keys.insert(key.as_str().into(), id.clone());
                        id
                    }
                };
                answered(
                    201,
                    format!(r#"{{"order_id":"{id}","status":"pending_validation"}}"#),
                )
            }
        }
    }

    /// The answer to `step` under `fault`; None when the page reloaded meanwhile.
    fn answer(&mut self, step: &Step, fault: Fault) -> Option<Outcome> {
        // A proxy answers a key it holds with that order: it refuses no repeat.
        let replay = matches!(step, Step::Order(OneRequest::Generic(k)) if self.keys.contains_key(k.as_str()));
        let fault = match fault {
            Fault::Refused if replay => Fault::None,
            other => other,
        };
        Some(match fault {
            Fault::None => self.act(step),
            Fault::Refused => refusal(step),
            Fault::GatewayRefused => Outcome::Answered {
                status: 429,
                body: "<html><body>Too Many Requests</body></html>".into(),
            },
            Fault::ServerError { acted } => {
                if acted {
                    self.act(step);
                }
                server_error()
            }
            Fault::Lost { acted, timed_out } => {
                if acted {
                    self.act(step);
                }
                Outcome::Lost(if timed_out {
                    Lost::TimedOut(30_000)
                } else {
                    Lost::Unreachable("connection reset".into())
                })
            }
            Fault::Unreadable => {
                self.act(step);
                unreadable_success()
            }
            Fault::Reload { acted } => {
                if acted {
                    self.act(step);
                }
                return None;
            }
        })
    }
}

/// A new random-looking key each time, as the review page makes them.
fn new_key(count: &mut u32) -> Option<OrderKey> {
    *count += 1;
    OrderKey::parse(&format!("{:08x}-0000-4000-8000-{:012x}", *count, *count))
}

/// Runs a whole submission of `api` as a person and the browser would, the provider
/// failing as `faults` say (then answering well); returns the orders paid for.
fn submit_through(api: Api, faults: Vec<Fault>) -> Result<usize, TestCaseError> {
    let fixture = Fixture::new(api);
    let mut provider = Provider::default();
    let mut faults = faults.into_iter();
    let mut keys = 0;
    let mut saga = Saga::default();
    saga.offer_key(new_key(&mut keys));
    for _round in 0..200 {
        // The person presses submit.
        let mut action = fixture.plan(&saga);
        loop {
            let send = match action {
                Action::Send(send) => send,
                Action::Done => return Ok(provider.paid.len()),
                Action::Wait => return Err(TestCaseError::fail("waits with nothing out")),
                Action::Stop(Failure::EarlierInDoubt { .. }) => {
                    // The person looks at the provider's own list, and tells the truth.
                    match (provider.paid.last(), api) {
                        (None, _) => saga.resolve_doubt(true),
                        (Some(cert), Api::Huawei) => match CertId::parse(cert) {
                            Some(cert) => saga.certificate_given(&cert),
                            None => return Err(TestCaseError::fail("no certificate ID")),
                        },
                        // The order is there: nothing more to submit.
                        (Some(_), Api::GoGetSsl | Api::Cpanel | Api::Generic) => {
                            return Ok(provider.paid.len())
                        }
                    }
                    break;
                }
                Action::Stop(other) => {
                    return Err(TestCaseError::fail(format!("stopped: {other:?}")))
                }
            };
            saga = begin(saga, &send);
            prop_assert_eq!(
                fixture.plan(&saga),
                Action::Wait,
                "a second submit is ignored"
            );
            let outcome = provider.answer(&send.step, faults.next().unwrap_or(Fault::None));
            prop_assert!(
                provider.paid.len() <= 1,
                "a second paid order: {:?}",
                provider.paid
            );
            // Whether the person has to press submit again.
            let stopped = match outcome {
                Some(outcome) => {
                    let (next, failure) = fixture.outcome(saga, outcome);
                    saga = next;
                    failure.is_some()
                }
                None => {
                    // The page comes back at the review step, which makes a new key.
                    saga = reload(&saga);
                    saga.offer_key(new_key(&mut keys));
                    true
                }
            };
            if saga.wants_key(api) {
                saga.offer_key(new_key(&mut keys));
            }
            // While the provider holds an order the page has not finished, nothing may move it.
            if !provider.paid.is_empty() {
                prop_assert!(saga.under_way(), "an order exists but could be rerouted");
            }
            if stopped {
                break;
            }
            action = fixture.plan(&saga);
        }
    }
    Err(TestCaseError::fail("the submission never ends"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn exactly_one_paid_order_whatever_fails(
        api in proptest::sample::select(APIS.to_vec()),
        faults in proptest::collection::vec(fault(), 0..12),
    ) {
        prop_assert_eq!(submit_through(api, faults)?, 1);
    }
}
