//! The fault matrix: every API against every way a request can fail, each asserting the
//! next action and what is kept. Never a second buy or order without a confirmed "not placed".

use super::*;
use crate::order::fixtures::scenarios;
use crate::order::{Provider, ValidatedOrder};
use crate::providers::requests::SendOptions;
use crate::providers::{Endpoint, Message};
use std::sync::OnceLock;

pub(super) const KEY: &str = "0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10";
pub(super) const OTHER_KEY: &str = "1c7a2d2f-7b58-4c2f-8a2d-4e8e2e3b0f21";
pub(super) const CERT: &str = "scs1481110651012";
pub(super) const APIS: [Api; 4] = [Api::Huawei, Api::GoGetSsl, Api::Cpanel, Api::Generic];

pub(super) fn key(text: &str) -> OrderKey {
    OrderKey::parse(text).expect("a random UUID")
}

/// One validated order per provider, made once: validation reads the suffix list.
fn order_of(api: Api) -> &'static ValidatedOrder {
    static ORDERS: OnceLock<Vec<ValidatedOrder>> = OnceLock::new();
    let orders = ORDERS.get_or_init(scenarios);
    let provider = match api {
        Api::Huawei => Provider::Huawei,
        // The generic format carries any provider's products.
        Api::GoGetSsl | Api::Generic => Provider::GoGetSsl,
        Api::Cpanel => Provider::Cpanel,
    };
    orders
        .iter()
        .find(|o| o.product.provider == provider)
        .expect("a scenario per provider")
}

/// What `plan` and `on_outcome` need, for `api`.
pub(super) struct Fixture {
    pub api: Api,
    endpoint: Endpoint,
    options: SendOptions,
}

impl Fixture {
    pub fn new(api: Api) -> Fixture {
        Fixture {
            api,
            endpoint: Endpoint {
                base_url: "https://provider.example/api".into(),
                token: Some("secret-token".into()),
            },
            options: SendOptions::default(),
        }
    }

    pub fn setting(&self) -> Setting<'_> {
        Setting {
            api: self.api,
            order: order_of(self.api),
            endpoint: &self.endpoint,
            options: &self.options,
        }
    }

    /// A new submission, as the review page leaves it (with the generic format's key).
    pub fn fresh(&self) -> Saga {
        let mut saga = Saga::default();
        saga.offer_key(Some(key(KEY)));
        saga
    }

    pub fn plan(&self, saga: &Saga) -> Action {
        plan(saga, &self.setting())
    }

    /// The send `plan` asks for; panics on any other action.
    pub fn next_send(&self, saga: &Saga) -> Send {
        match self.plan(saga) {
            Action::Send(send) => send,
            other => panic!("{:?}: expected a send, got {other:?}", self.api),
        }
    }

    pub fn outcome(&self, saga: Saga, outcome: Outcome) -> (Saga, Option<Failure>) {
        on_outcome(saga, &self.setting(), outcome)
    }

    /// Carries out the submission as the browser does, answering each request with
    /// `answer` until it stops: every send made, the submission, and how it ended.
    pub fn run(
        &self,
        mut saga: Saga,
        mut answer: impl FnMut(&Step) -> Outcome,
    ) -> (Vec<Send>, Saga, Ended) {
        let mut sent = Vec::new();
        loop {
            let send = match self.plan(&saga) {
                Action::Send(send) => send,
                Action::Stop(failure) => return (sent, saga, Ended::Stopped(failure)),
                Action::Done => return (sent, saga, Ended::Done),
                Action::Wait => panic!("nothing is in flight between steps"),
            };
            saga = begin(saga, &send);
            assert_eq!(self.plan(&saga), Action::Wait, "a second submit is ignored");
            let outcome = answer(&send.step);
            sent.push(send);
            let (next, failure) = self.outcome(saga, outcome);
            saga = next;
            if let Some(failure) = failure {
                return (sent, saga, Ended::Failed(failure));
            }
            assert!(sent.len() < 20, "{:?}: the submission never ends", self.api);
        }
    }
}

/// How a run of the submission ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Ended {
    Done,
    /// `plan` refused to send.
    Stopped(Failure),
    /// An outcome stopped it.
    Failed(Failure),
}

/// What a page reload keeps: the saved state, through its JSON.
pub(super) fn reload(saga: &Saga) -> Saga {
    let json = saga.to_saved().to_json();
    Saga::restore(&SavedState::from_json(&json).expect("reads back"))
}

fn answered(status: u16, body: &str) -> Outcome {
    Outcome::Answered {
        status,
        body: body.into(),
    }
}

/// Each provider's success, in its own shape.
pub(super) fn success(step: &Step) -> Outcome {
    match step {
        Step::Buy => answered(
            200,
            &format!(r#"{{"order_id":"CS1803192259ROA8U","cert":[{{"cert_id":"{CERT}"}}]}}"#),
        ),
        Step::Apply(_) => answered(200, r#"{"request_info":"success"}"#),
        Step::CheckApplied { cert, .. } => details(cert.as_str(), "CHECKING"),
        Step::Order(OneRequest::GoGetSsl) => {
            answered(200, r#"{"success":true,"order_id":4515843}"#)
        }
        Step::Order(OneRequest::Cpanel) => answered(
            200,
            r#"{"result":{"status":1,"errors":null,"data":{"order_id":"8801","certificates":[{"order_item_id":"8801-1"}]}}}"#,
        ),
        Step::Order(OneRequest::Generic(_)) => {
            answered(201, r#"{"order_id":"ord_7","status":"pending_validation"}"#)
        }
    }
}

pub(super) fn details(cert: &str, status: &str) -> Outcome {
    answered(200, &format!(r#"{{"id":"{cert}","status":"{status}"}}"#))
}

/// Each provider's readable refusal: a 4xx, or its error shape in a 200.
pub(super) fn refusal(step: &Step) -> Outcome {
    match step {
        Step::Buy => answered(
            400,
            r#"{"error_code":"SCM.0016","error_msg":"Insufficient balance"}"#,
        ),
        Step::Apply(_) => answered(400, r#"{"error_code":"SCM.1005","error_msg":"Applied"}"#),
        Step::CheckApplied { cert, .. } => details(cert.as_str(), "PAID"),
        Step::Order(OneRequest::GoGetSsl) => answered(
            200,
            r#"{"error":true,"message":"115","description":"Wildcard CSR"}"#,
        ),
        Step::Order(OneRequest::Cpanel) => answered(
            200,
            r#"{"result":{"status":0,"errors":["The CSR is invalid."],"data":null}}"#,
        ),
        Step::Order(OneRequest::Generic(_)) => answered(
            422,
            r#"{"error":{"code":"invalid_value","message":"Bad phone","field":"applicant.phone"}}"#,
        ),
    }
}

pub(super) fn server_error() -> Outcome {
    answered(503, "<html>Service Unavailable</html>")
}

/// A success status whose body cannot be read: a gateway's page, say.
pub(super) fn unreadable_success() -> Outcome {
    answered(200, "<html>OK</html>")
}

fn offline() -> Outcome {
    Outcome::Lost(Lost::Unreachable("offline".into()))
}

fn timeout() -> Outcome {
    Outcome::Lost(Lost::TimedOut(30_000))
}

/// The first request that pays: Huawei's buy, the others' order.
fn first_step(api: Api) -> Step {
    match api {
        Api::Huawei => Step::Buy,
        Api::GoGetSsl => Step::Order(OneRequest::GoGetSsl),
        Api::Cpanel => Step::Order(OneRequest::Cpanel),
        Api::Generic => Step::Order(OneRequest::Generic(key(KEY))),
    }
}

fn steps(sent: &[Send]) -> Vec<Step> {
    sent.iter().map(|s| s.step.clone()).collect()
}

/// After a failure that leaves the first request in doubt: submitting again sends nothing
/// until the person confirms nothing was placed, a reload does not forget it, no `init`
/// may move the order, and once confirmed the same request goes.
fn assert_waits_for_the_person(fixture: &Fixture, saga: Saga) {
    let api = fixture.api;
    assert!(saga.buy_in_doubt(), "{api:?}");
    assert!(saga.under_way(), "{api:?}: a reroute is refused");
    let stop = Action::Stop(Failure::EarlierInDoubt { api });
    assert_eq!(fixture.plan(&saga), stop, "{api:?}");
    let mut saga = reload(&saga);
    assert_eq!(fixture.plan(&saga), stop, "{api:?}: after a reload");
    assert!(saga.under_way(), "{api:?}: after a reload");
    saga.resolve_doubt(true);
    assert_eq!(fixture.next_send(&saga).step, first_step(api), "{api:?}");
}

/// After a generic-format failure that keeps the key: submitting again sends the same
/// order under the same key without asking, after a reload too, and no `init` may move it.
fn assert_goes_again_under_the_key(fixture: &Fixture, saga: Saga) {
    assert!(!saga.buy_in_doubt());
    assert_eq!(saga.key(), Some(&key(KEY)));
    assert!(saga.under_way(), "a reroute is refused");
    assert_eq!(fixture.next_send(&saga).step, first_step(Api::Generic));
    let mut saga = reload(&saga);
    // The review page makes a new key on each visit; the kept one still wins.
    saga.offer_key(Some(key(OTHER_KEY)));
    assert!(saga.under_way());
    let again = fixture.next_send(&saga);
    assert_eq!(again.step, first_step(Api::Generic));
    assert!(again
        .request
        .masked("[hidden]")
        .contains(&format!("Idempotency-Key: {KEY}\n")));
}

#[test]
fn every_api_places_its_order_in_its_own_steps() {
    for api in APIS {
        let fixture = Fixture::new(api);
        let (sent, saga, ended) = fixture.run(fixture.fresh(), success);
        assert_eq!(ended, Ended::Done, "{api:?}");
        let expected = match api {
            Api::Huawei => vec![Step::Buy, Step::Apply(CertId::parse(CERT).expect("id"))],
            Api::GoGetSsl | Api::Cpanel | Api::Generic => vec![first_step(api)],
        };
        assert_eq!(steps(&sent), expected, "{api:?}");
        assert!(saga.placed() && !saga.buy_in_doubt(), "{api:?}");
        assert_eq!(
            reload(&saga).key(),
            None,
            "{api:?}: no key is kept once placed"
        );
        assert!(sent.iter().all(|s| s.wait_ms == 0 && s.attempt == 0));
    }
}

#[test]
fn an_applied_huawei_certificate_keeps_what_the_result_page_needs() {
    let fixture = Fixture::new(Api::Huawei);
    let (_, saga, _) = fixture.run(fixture.fresh(), success);
    let purchase = saga.purchase().expect("placed");
    let order = order_of(Api::Huawei);
    assert_eq!(purchase.cert_id, CERT);
    assert_eq!(purchase.order_id, "CS1803192259ROA8U");
    assert_eq!(purchase.auto_dns_auth, order.auto_dns_auth);
    assert_eq!(purchase.provider_key, order.csr.key_algorithm().is_some());
}

#[test]
fn no_answer_to_a_buy_or_an_order_without_a_key_leaves_it_in_doubt() {
    for api in [Api::Huawei, Api::GoGetSsl, Api::Cpanel] {
        for lost in [offline(), timeout()] {
            let fixture = Fixture::new(api);
            let (sent, saga, ended) = fixture.run(fixture.fresh(), |_| lost.clone());
            // Never repeated by itself: it may have gone through.
            assert_eq!(steps(&sent), [first_step(api)], "{api:?}");
            let Outcome::Lost(lost) = lost else {
                unreachable!()
            };
            assert_eq!(ended, Ended::Failed(Failure::NoAnswer { api, lost }));
            assert_waits_for_the_person(&fixture, saga);
        }
    }
}

#[test]
fn no_answer_to_a_generic_order_is_retried_under_its_key_then_kept() {
    for lost in [offline(), timeout()] {
        let fixture = Fixture::new(Api::Generic);
        let (sent, saga, ended) = fixture.run(fixture.fresh(), |_| lost.clone());
        assert_eq!(steps(&sent), vec![first_step(Api::Generic); 3]);
        let waits: Vec<u32> = sent.iter().map(|s| s.wait_ms).collect();
        assert_eq!(waits, [0, 500, 1500]);
        let attempts: Vec<u32> = sent.iter().map(|s| s.attempt).collect();
        assert_eq!(attempts, [0, 1, 2]);
        let Outcome::Lost(lost) = lost else {
            unreachable!()
        };
        assert_eq!(ended, Ended::Failed(Failure::NoAnswerKeyKept { lost }));
        assert_goes_again_under_the_key(&fixture, saga);
    }
}

#[test]
fn a_server_error_leaves_a_buy_or_an_order_without_a_key_in_doubt() {
    for api in [Api::Huawei, Api::GoGetSsl, Api::Cpanel] {
        let fixture = Fixture::new(api);
        let (sent, saga, ended) = fixture.run(fixture.fresh(), |_| server_error());
        assert_eq!(steps(&sent), [first_step(api)], "{api:?}");
        assert!(
            matches!(ended, Ended::Failed(Failure::InDoubt { api: a, ref error }) if a == api && error.status == 503),
            "{api:?}: {ended:?}"
        );
        assert_waits_for_the_person(&fixture, saga);
    }
}

#[test]
fn a_server_error_to_a_generic_order_is_retried_then_the_key_is_kept() {
    let fixture = Fixture::new(Api::Generic);
    let (sent, saga, ended) = fixture.run(fixture.fresh(), |_| server_error());
    assert_eq!(sent.len(), 3);
    assert!(
        matches!(&ended, Ended::Failed(Failure::InDoubtKeyKept { error }) if error.status == 503),
        "{ended:?}"
    );
    assert_goes_again_under_the_key(&fixture, saga);
}

#[test]
fn an_unreadable_success_may_have_placed_the_order() {
    for api in [Api::Huawei, Api::GoGetSsl, Api::Cpanel] {
        let fixture = Fixture::new(api);
        let (sent, saga, ended) = fixture.run(fixture.fresh(), |_| unreadable_success());
        assert_eq!(sent.len(), 1, "{api:?}");
        assert!(
            matches!(ended, Ended::Failed(Failure::InDoubt { api: a, ref error }) if a == api && error.unreadable),
            "{api:?}: {ended:?}"
        );
        assert_waits_for_the_person(&fixture, saga);
    }
    let fixture = Fixture::new(Api::Generic);
    let (sent, saga, ended) = fixture.run(fixture.fresh(), |_| unreadable_success());
    // A 200 is an answer: not retried, but the key is kept.
    assert_eq!(sent.len(), 1);
    assert!(matches!(
        ended,
        Ended::Failed(Failure::InDoubtKeyKept { .. })
    ));
    assert_goes_again_under_the_key(&fixture, saga);
}

#[test]
fn a_readable_refusal_placed_nothing_so_submitting_again_is_safe() {
    for api in [Api::Huawei, Api::GoGetSsl, Api::Cpanel] {
        let fixture = Fixture::new(api);
        let (sent, saga, ended) = fixture.run(fixture.fresh(), refusal);
        assert_eq!(sent.len(), 1, "{api:?}: a refusal is not retried");
        match (api, ended) {
            (Api::Huawei, Ended::Failed(Failure::NotSold { error })) => {
                assert_eq!(error.code.as_deref(), Some("SCM.0016"))
            }
            (_, Ended::Failed(Failure::Refused { api: a, .. })) if a == api => {}
            (_, other) => panic!("{api:?}: {other:?}"),
        }
        assert!(!saga.buy_in_doubt() && !saga.under_way(), "{api:?}");
        assert_eq!(fixture.next_send(&saga).step, first_step(api), "{api:?}");
        assert_eq!(fixture.next_send(&reload(&saga)).step, first_step(api));
    }
}

#[test]
fn a_refused_generic_order_spends_its_key() {
    let fixture = Fixture::new(Api::Generic);
    let (sent, mut saga, ended) = fixture.run(fixture.fresh(), refusal);
    assert_eq!(sent.len(), 1);
    assert!(matches!(
        ended,
        Ended::Failed(Failure::Refused {
            api: Api::Generic,
            ..
        })
    ));
    assert!(!saga.under_way());
    assert_eq!(saga.key(), None);
    assert!(saga.wants_key(Api::Generic));
    assert_eq!(fixture.plan(&saga), Action::Stop(Failure::NoKey));
    saga.offer_key(Some(key(OTHER_KEY)));
    assert!(!saga.wants_key(Api::Generic));
    assert_eq!(
        fixture.next_send(&saga).step,
        Step::Order(OneRequest::Generic(key(OTHER_KEY)))
    );
}

#[test]
fn a_gateways_refusal_after_a_lost_answer_keeps_the_key() {
    // The first send may have placed the order; a 429 page from a gateway in front of the
    // proxy says nothing about it. Dropping the key here would let a new key order twice.
    let fixture = Fixture::new(Api::Generic);
    let (_, saga, _) = fixture.run(fixture.fresh(), |_| offline());
    let gateway = |_: &Step| answered(429, "<html><body>Too Many Requests</body></html>");
    let (sent, mut saga, ended) = fixture.run(saga, gateway);
    assert_eq!(steps(&sent), vec![first_step(Api::Generic)]);
    assert!(matches!(
        ended,
        Ended::Failed(Failure::Refused {
            api: Api::Generic,
            ref error
        }) if error.status == 429
    ));
    assert_eq!(saga.key(), Some(&key(KEY)));
    assert!(saga.under_way(), "a reroute is refused");
    // The review page offers a fresh key; the kept one still goes.
    saga.offer_key(Some(key(OTHER_KEY)));
    assert_eq!(
        fixture.next_send(&reload(&saga)).step,
        first_step(Api::Generic)
    );
}

#[test]
fn a_gateways_refusal_of_a_first_send_spends_the_key() {
    // Nothing went before under the key: the refused order goes again under a new one.
    let fixture = Fixture::new(Api::Generic);
    let gateway = |_: &Step| answered(429, "<html><body>Too Many Requests</body></html>");
    let (sent, saga, _) = fixture.run(fixture.fresh(), gateway);
    assert_eq!(sent.len(), 1);
    assert_eq!(saga.key(), None);
    assert!(!saga.under_way());
}

#[test]
fn a_changed_order_under_an_old_key_leaves_the_first_in_doubt() {
    let fixture = Fixture::new(Api::Generic);
    let mismatch = answered(
        422,
        r#"{"error":{"code":"idempotency_mismatch","message":"Another order has this key"}}"#,
    );
    let (_, mut saga, ended) = fixture.run(fixture.fresh(), |_| mismatch.clone());
    assert!(matches!(
        ended,
        Ended::Failed(Failure::InDoubt {
            api: Api::Generic,
            ..
        })
    ));
    assert!(saga.wants_key(Api::Generic));
    saga.offer_key(Some(key(OTHER_KEY)));
    assert!(saga.buy_in_doubt() && saga.under_way());
    assert_eq!(
        fixture.plan(&saga),
        Action::Stop(Failure::EarlierInDoubt { api: Api::Generic })
    );
    saga.resolve_doubt(true);
    assert_eq!(
        fixture.next_send(&saga).step,
        Step::Order(OneRequest::Generic(key(OTHER_KEY)))
    );
}

/// Huawei after a successful buy, answering the apply (and the status check) with `apply`.
fn huawei_after_buy(apply: impl Fn(&Step) -> Outcome) -> (Vec<Send>, Saga, Ended) {
    let fixture = Fixture::new(Api::Huawei);
    fixture.run(fixture.fresh(), |step| match step {
        Step::Buy => success(step),
        _ => apply(step),
    })
}

fn cert() -> CertId {
    CertId::parse(CERT).expect("id")
}

#[test]
fn a_failed_apply_resumes_at_apply_and_never_buys_again() {
    let fixture = Fixture::new(Api::Huawei);
    let apply = Step::Apply(cert());
    for lost in [offline(), timeout()] {
        let (sent, saga, ended) = huawei_after_buy(|_| lost.clone());
        // The certificate is paid for: applying again costs nothing, so it is retried.
        assert_eq!(steps(&sent)[1..], vec![apply.clone(); 3]);
        assert!(matches!(
            ended,
            Ended::Failed(Failure::ApplyNoAnswer { .. })
        ));
        assert!(!saga.buy_in_doubt() && saga.under_way() && !saga.placed());
        assert_eq!(fixture.next_send(&saga).step, apply);
        assert_eq!(fixture.next_send(&reload(&saga)).step, apply);
    }
    // A 5xx, retried, then the status says the certificate still waits: refused.
    let (sent, saga, ended) = huawei_after_buy(|step| match step {
        Step::CheckApplied { .. } => details(CERT, "PAID"),
        _ => server_error(),
    });
    assert_eq!(sent.len(), 5, "buy, three applies, one check");
    assert!(matches!(sent[4].step, Step::CheckApplied { .. }));
    assert!(
        matches!(&ended, Ended::Failed(Failure::ApplyRefused { cert: c, error }) if *c == cert() && error.status == 503),
        "{ended:?}"
    );
    assert_eq!(fixture.next_send(&saga).step, apply);
}

#[test]
fn a_refused_apply_that_went_in_earlier_counts_as_done() {
    // SCM.1005: applied already, by an attempt whose answer was lost; the status agrees.
    let (sent, saga, ended) = huawei_after_buy(|step| match step {
        Step::CheckApplied { .. } => details(CERT, "CHECKING"),
        _ => refusal(step),
    });
    assert_eq!(sent.len(), 3, "buy, apply, check");
    assert_eq!(ended, Ended::Done);
    assert!(saga.placed());
    // The status check got no answer, or an unknown status: the refusal stands.
    for check in [offline(), details(CERT, "SOMETHING_NEW"), server_error()] {
        let (_, saga, ended) = huawei_after_buy(|step| match step {
            Step::CheckApplied { .. } => check.clone(),
            _ => refusal(step),
        });
        assert!(
            matches!(&ended, Ended::Failed(Failure::ApplyRefused { error, .. }) if error.code.as_deref() == Some("SCM.1005")),
            "{ended:?}"
        );
        assert!(!saga.placed());
    }
}

#[test]
fn a_reload_between_any_two_steps_resumes_without_a_second_purchase() {
    for api in APIS {
        let fixture = Fixture::new(api);
        // While the first request is out: the page knows only what was written ahead.
        let first = fixture.next_send(&fixture.fresh());
        let out = begin(fixture.fresh(), &first);
        let mut reloaded = reload(&out);
        assert!(reloaded.under_way(), "{api:?}");
        match api {
            Api::Huawei | Api::GoGetSsl | Api::Cpanel => assert_eq!(
                fixture.plan(&reloaded),
                Action::Stop(Failure::EarlierInDoubt { api }),
                "{api:?}"
            ),
            Api::Generic => {
                reloaded.offer_key(Some(key(OTHER_KEY)));
                assert_eq!(fixture.next_send(&reloaded).step, first_step(api));
            }
        }
        // The answer to a request sent before the reload finds nothing in flight.
        let (after, failure) = fixture.outcome(reloaded.clone(), success(&first.step));
        assert_eq!((after, failure), (reloaded, None), "{api:?}");
    }
    // Huawei, bought and not yet applied: the reload resumes at apply.
    let fixture = Fixture::new(Api::Huawei);
    let buy = fixture.next_send(&fixture.fresh());
    let (bought, failure) = fixture.outcome(begin(fixture.fresh(), &buy), success(&buy.step));
    assert_eq!(failure, None);
    let reloaded = reload(&bought);
    assert_eq!(fixture.next_send(&reloaded).step, Step::Apply(cert()));
    // And while that apply is out.
    let apply = fixture.next_send(&reloaded);
    let out = reload(&begin(reloaded, &apply));
    assert_eq!(fixture.next_send(&out).step, Step::Apply(cert()));
    let (_, _, ended) = fixture.run(out, success);
    assert_eq!(ended, Ended::Done);
}

#[test]
fn a_reroute_is_refused_while_anything_about_the_order_may_exist() {
    for api in APIS {
        let fixture = Fixture::new(api);
        let fresh = fixture.fresh();
        assert!(!fresh.under_way(), "{api:?}: nothing sent yet");
        let send = fixture.next_send(&fresh);
        let out = begin(fresh, &send);
        assert!(out.under_way(), "{api:?}: in flight");
        let (lost, _) = fixture.outcome(out, offline());
        assert!(lost.under_way(), "{api:?}: no answer");
        let (_, placed_saga, _) = fixture.run(fixture.fresh(), success);
        assert!(placed_saga.under_way(), "{api:?}: placed");
    }
    let bought = {
        let mut saga = Saga::default();
        saga.certificate_given(&cert());
        saga
    };
    assert!(bought.under_way(), "a certificate bought");
}

#[test]
fn a_certificate_bought_elsewhere_is_applied_for_not_bought_again() {
    let fixture = Fixture::new(Api::Huawei);
    let mut saga = fixture.fresh();
    let (_, doubtful, _) = fixture.run(saga.clone(), |_| offline());
    saga = doubtful;
    saga.certificate_given(&cert());
    assert!(!saga.buy_in_doubt());
    assert_eq!(fixture.next_send(&saga).step, Step::Apply(cert()));
}

#[test]
fn a_saved_certificate_id_that_is_not_one_is_never_sent() {
    let fixture = Fixture::new(Api::Huawei);
    let saga = Saga::restore(&SavedState {
        purchase: Some(Purchase {
            cert_id: "../../admin".into(),
            ..Purchase::default()
        }),
        ..SavedState::default()
    });
    assert_eq!(
        fixture.plan(&saga),
        Action::Stop(Failure::SavedIdInvalid {
            id: "../../admin".into()
        })
    );
}

#[test]
fn the_generic_format_sends_nothing_without_a_key() {
    let fixture = Fixture::new(Api::Generic);
    assert_eq!(fixture.plan(&Saga::default()), Action::Stop(Failure::NoKey));
    assert!(Saga::default().wants_key(Api::Generic));
    for api in [Api::Huawei, Api::GoGetSsl, Api::Cpanel] {
        assert!(!Saga::default().wants_key(api), "{api:?} needs no key");
    }
}

#[test]
fn the_busy_message_says_what_is_done_and_which_attempt() {
    let fixture = Fixture::new(Api::Generic);
    let first = fixture.next_send(&fixture.fresh());
    let out = begin(fixture.fresh(), &first);
    assert_eq!(
        out.busy(),
        Some(Busy {
            doing: Doing::Placing,
            attempt: 0,
            waiting: false
        })
    );
    let (queued, failure) = fixture.outcome(out, server_error());
    assert_eq!(failure, None);
    assert!(queued.in_flight(), "a retry is due");
    let retry = fixture.next_send(&queued);
    assert_eq!((retry.attempt, retry.wait_ms), (1, 500));
    assert_eq!(begin(queued, &retry).busy().map(|b| b.attempt), Some(1));
    let huawei = Fixture::new(Api::Huawei);
    let buy = huawei.next_send(&huawei.fresh());
    assert_eq!(
        begin(huawei.fresh(), &buy).busy().map(|b| b.doing),
        Some(Doing::Buying)
    );
}

#[test]
fn the_preview_and_the_send_are_the_same_request() {
    use crate::providers::requests::{requests_for, take, Purpose};
    for api in APIS {
        let fixture = Fixture::new(api);
        let setting = fixture.setting();
        let send = fixture.next_send(&fixture.fresh());
        let purpose = match api {
            Api::Huawei => Purpose::Buy,
            Api::GoGetSsl | Api::Cpanel | Api::Generic => Purpose::Order,
        };
        let shown = requests_for(
            api,
            setting.order,
            setting.endpoint,
            setting.options,
            Some(&key(KEY)),
            None,
        )
        .ok()
        .and_then(|r| take(r, purpose));
        assert_eq!(Some(send.request), shown, "{api:?}");
    }
}

#[test]
fn only_the_saved_parts_survive_a_reload() {
    let mut saga = Saga::restore(&SavedState {
        buy_in_doubt: true,
        order_key: Some(KEY.into()),
        ..SavedState::default()
    });
    assert_eq!(saga.key(), Some(&key(KEY)));
    saga.resolve_doubt(true);
    saga.offer_key(Some(key(OTHER_KEY)));
    let reloaded = reload(&saga);
    assert!(reloaded.buy_in_doubt() && !reloaded.doubt_resolved());
    assert_eq!(reloaded.key(), Some(&key(KEY)));
    // A saved key that is not a random UUID is never sent.
    let damaged = Saga::restore(&SavedState {
        order_key: Some("00000000-0000-4000-8000-000000000000".into()),
        ..SavedState::default()
    });
    assert_eq!(damaged.key(), None);
}

/// The order server's error answer: status, code, message.
fn server_says(status: u16, code: &str) -> Outcome {
    answered(
        status,
        &format!(r#"{{"error":{{"code":"{code}","message":"The order server says {code}"}}}}"#),
    )
}

#[test]
fn an_order_the_server_refused_with_problems_placed_nothing_and_spends_its_key() {
    let fixture = Fixture::new(Api::Generic);
    let invalid = answered(
        422,
        r#"{"error":{"code":"invalid_order","message":"The order has problems"},
            "problems":[{"field":"Domain","problem":{"Name":"Empty"}}]}"#,
    );
    let (sent, saga, ended) = fixture.run(fixture.fresh(), |_| invalid.clone());
    assert_eq!(sent.len(), 1, "a refusal is not retried");
    let Ended::Failed(Failure::Refused {
        api: Api::Generic,
        error,
    }) = ended
    else {
        panic!("{ended:?}")
    };
    assert!(matches!(error.message, Message::Problems { .. }));
    assert!(!saga.buy_in_doubt() && !saga.under_way());
    assert!(
        saga.wants_key(Api::Generic),
        "the corrected order goes under a new key"
    );
}

#[test]
fn an_earlier_attempt_still_in_progress_is_waited_for_under_the_same_key() {
    let fixture = Fixture::new(Api::Generic);
    let mut answers = vec![
        server_says(409, "idempotency_in_progress"),
        server_says(409, "idempotency_in_progress"),
    ];
    let (sent, saga, ended) = fixture.run(fixture.fresh(), |step| {
        answers.pop().unwrap_or_else(|| success(step))
    });
    assert_eq!(ended, Ended::Done);
    assert_eq!(steps(&sent), vec![first_step(Api::Generic); 3]);
    let waits: Vec<(u32, u32, u32)> = sent
        .iter()
        .map(|s| (s.attempt, s.waits, s.wait_ms))
        .collect();
    // Not a failed attempt: no retry is counted, the waits are the in-progress ones.
    assert_eq!(waits, [(0, 0, 0), (0, 1, 1_000), (0, 2, 2_000)]);
    assert!(saga.placed());
    // While it asks again, the busy message says it is waiting for the first attempt.
    let out = begin(fixture.fresh(), &fixture.next_send(&fixture.fresh()));
    let (queued, failure) = fixture.outcome(out, server_says(409, "idempotency_in_progress"));
    assert_eq!(failure, None);
    let again = fixture.next_send(&queued);
    assert_eq!(
        begin(queued, &again).busy(),
        Some(Busy {
            doing: Doing::Placing,
            attempt: 0,
            waiting: true
        })
    );
}

#[test]
fn an_attempt_in_progress_after_every_wait_keeps_the_key_for_the_next_submit() {
    let fixture = Fixture::new(Api::Generic);
    let (sent, saga, ended) = fixture.run(fixture.fresh(), |_| {
        server_says(409, "idempotency_in_progress")
    });
    assert_eq!(sent.len() as u32, 1 + crate::retry::IN_PROGRESS_WAITS);
    assert_eq!(ended, Ended::Failed(Failure::StillInProgress));
    assert_goes_again_under_the_key(&fixture, saga);
    // A 409 of another kind is a refusal like any other.
    let (sent, _, ended) = fixture.run(fixture.fresh(), |_| server_says(409, "conflict"));
    assert_eq!(sent.len(), 1);
    assert!(matches!(ended, Ended::Failed(Failure::Refused { .. })));
}

#[test]
fn nothing_placed_upstream_or_no_database_is_retried_under_the_same_key() {
    for (status, code) in [(502, "provider_unavailable"), (503, "not_ready")] {
        let fixture = Fixture::new(Api::Generic);
        let (sent, saga, ended) = fixture.run(fixture.fresh(), |_| server_says(status, code));
        assert_eq!(steps(&sent), vec![first_step(Api::Generic); 3], "{code}");
        assert!(
            matches!(&ended, Ended::Failed(Failure::InDoubtKeyKept { error }) if error.status == status),
            "{code}: {ended:?}"
        );
        assert_goes_again_under_the_key(&fixture, saga);
        // And when the provider is back, the retry places the one order.
        let mut first = true;
        let (sent, saga, ended) = fixture.run(fixture.fresh(), |step| {
            if std::mem::take(&mut first) {
                server_says(status, code)
            } else {
                success(step)
            }
        });
        assert_eq!((sent.len(), ended), (2, Ended::Done), "{code}");
        assert!(saga.placed());
    }
}

#[test]
fn an_expired_session_or_a_rate_limit_after_a_lost_answer_keeps_the_key() {
    for (status, code) in [(401, "unauthorized"), (429, "rate_limited")] {
        let fixture = Fixture::new(Api::Generic);
        // First send: nothing went before under the key, so nothing can be placed.
        let (_, saga, ended) = fixture.run(fixture.fresh(), |_| server_says(status, code));
        assert!(matches!(ended, Ended::Failed(Failure::Refused { .. })));
        assert!(!saga.under_way(), "{code}");
        // After a lost answer, the first send may have placed the order: the key stays.
        let (_, saga, _) = fixture.run(fixture.fresh(), |_| offline());
        let (sent, mut saga, ended) = fixture.run(saga, |_| server_says(status, code));
        assert_eq!(sent.len(), 1, "{code}: not retried");
        assert!(
            matches!(&ended, Ended::Failed(Failure::Refused { error, .. }) if error.status == status),
            "{code}: {ended:?}"
        );
        assert_eq!(saga.key(), Some(&key(KEY)), "{code}");
        saga.offer_key(Some(key(OTHER_KEY)));
        assert_eq!(
            fixture.next_send(&reload(&saga)).step,
            first_step(Api::Generic),
            "{code}: the session renewed, the same order goes again"
        );
    }
}

#[test]
fn a_key_reused_with_another_body_leaves_the_first_order_in_doubt() {
    let fixture = Fixture::new(Api::Generic);
    let (_, saga, ended) = fixture.run(fixture.fresh(), |_| {
        server_says(422, "idempotency_key_reused")
    });
    assert!(matches!(
        ended,
        Ended::Failed(Failure::InDoubt {
            api: Api::Generic,
            ..
        })
    ));
    assert!(saga.buy_in_doubt());
}
