//! One contract, run against every adapter: for every product of every shipped catalogue and
//! every validation method it offers, the request the adapter builds is accepted by the
//! sandbox of its API, and the answer parses to IDs and the steps the person must take.

use super::{cpanel, generic, gogetssl, huawei, Endpoint, Instruction, Method, PreparedRequest};
use crate::order::fixtures::scenarios;
use crate::order::{Dcv, Provider, ValidatedOrder};
use axum::body::Body;
use axum::http::Request;
use axum::Router;
use http_body_util::BodyExt;
use std::time::Duration;
use tower::ServiceExt;

const TOKEN: &str = "contract-token-0123456789abcdef0123";

fn sandbox() -> Router {
    ssl_order_sandbox::router(
        Duration::from_secs(3600),
        &ssl_order_sandbox::clock::Clock::default(),
    )
}

/// Sends a prepared request through the sandbox in process; answers status and body.
async fn send(app: &Router, request: &PreparedRequest) -> (u16, String) {
    let mut builder = Request::builder()
        .method(match request.method {
            Method::Get => "GET",
            Method::Post => "POST",
        })
        .uri(&request.url)
        // Where the sandbox runs: its links (cPanel's checkout) are plain http, which the
        // app shows only for this machine.
        .header("host", "127.0.0.1:8080");
    for header in &request.headers {
        builder = builder.header(header.name, &header.value);
    }
    let body = request
        .body
        .clone()
        .map(Body::from)
        .unwrap_or_else(Body::empty);
    let answer = app
        .clone()
        .oneshot(builder.body(body).expect("request"))
        .await
        .expect("infallible");
    let status = answer.status().as_u16();
    let bytes = answer.into_body().collect().await.expect("body").to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn endpoint(base: &str) -> Endpoint {
    Endpoint {
        base_url: base.into(),
        token: Some(TOKEN.into()),
    }
}

/// What an instruction for `name` must look like for the method chosen for it.
fn proves(instruction: &Instruction, dcv: &Dcv) -> bool {
    matches!(
        (instruction, dcv),
        (Instruction::Dns { .. }, Dcv::Dns)
            | (Instruction::File { .. }, Dcv::Http | Dcv::Https)
            | (Instruction::Email { .. }, Dcv::Email(_))
    )
}

/// Every name has exactly the instruction its method calls for.
fn assert_instructions(order: &ValidatedOrder, instructions: &[Instruction], label: &str) {
    for name in order.names() {
        let wanted = name.name.to_string();
        let found: Vec<_> = instructions
            .iter()
            .filter(|i| i.domain() == wanted)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{label}: one instruction for {wanted}: {instructions:?}"
        );
        assert!(
            proves(found[0], &name.dcv),
            "{label}: {wanted} {:?} got {:?}",
            name.dcv,
            found[0]
        );
    }
}

fn label(order: &ValidatedOrder) -> String {
    format!("{} {:?}", order.product.id, order.primary.dcv.method())
}

fn of(provider: Provider) -> Vec<ValidatedOrder> {
    scenarios()
        .into_iter()
        .filter(|o| o.product.provider == provider)
        .collect()
}

#[tokio::test]
async fn huawei_buys_applies_and_reports_dns_records() {
    let app = sandbox();
    let endpoint = endpoint("/sandbox/huawei");
    let orders = of(Provider::Huawei);
    assert!(orders.len() >= 9);
    for order in orders {
        let label = label(&order);
        let (status, body) = send(&app, &huawei::buy_request(&order, &endpoint)).await;
        let bought =
            huawei::parse_buy(status, &body).unwrap_or_else(|e| panic!("{label}: buy {e:?}"));
        let cert = &bought.cert_ids[0];
        let (status, body) = send(&app, &huawei::apply_request(&order, cert, &endpoint)).await;
        huawei::parse_apply(status, &body).unwrap_or_else(|e| panic!("{label}: apply {e:?}"));
        let (status, body) = send(&app, &huawei::details_request(cert, &endpoint)).await;
        let details =
            huawei::parse_details(status, &body).unwrap_or_else(|e| panic!("{label}: {e:?}"));
        assert_eq!(details.id, cert.as_str());
        let report = details.report(false);
        assert!(report.pending, "{label}: still being checked");
        if order.primary.dcv == Dcv::Dns {
            assert_instructions(&order, &report.instructions, &label);
        } else {
            assert!(
                report.instructions.is_empty(),
                "{label}: DNS records only for DNS"
            );
        }
    }
}

/// Huawei makes the key pair (each key type it makes), and adds the DNS records itself:
/// every product accepts both, with the records then nothing to do by hand.
#[tokio::test]
async fn huawei_accepts_its_own_key_pair_and_auto_dns_auth_for_every_product() {
    use crate::order::fixtures::{catalogue, scenario_draft, suffixes, TODAY};
    use crate::order::{DcvMethod, KeyAlgorithm, Rules};
    let app = sandbox();
    let endpoint = endpoint("/sandbox/huawei");
    let list = suffixes();
    let rules = Rules::basic(TODAY).with_suffixes(&list);
    for (i, product) in catalogue().products.iter().enumerate() {
        let algorithm = KeyAlgorithm::ALL[i % KeyAlgorithm::ALL.len()];
        let draft = crate::order::OrderDraft {
            csr: String::new(),
            csr_source: "provider".into(),
            key_algorithm: algorithm.wire().into(),
            auto_dns_auth: true,
            ..scenario_draft(product, DcvMethod::Dns)
        };
        let order = crate::order::validate(&draft, product, &rules)
            .unwrap_or_else(|e| panic!("{}: {e:?}", product.id));
        assert!(order.auto_dns_auth);
        let label = format!("{} {algorithm:?}", product.id);
        let (status, body) = send(&app, &huawei::buy_request(&order, &endpoint)).await;
        let bought =
            huawei::parse_buy(status, &body).unwrap_or_else(|e| panic!("{label}: buy {e:?}"));
        let cert = &bought.cert_ids[0];
        let request = huawei::apply_request(&order, cert, &endpoint);
        assert!(!request
            .body
            .as_deref()
            .unwrap_or_default()
            .contains("\"csr\""));
        let (status, body) = send(&app, &request).await;
        huawei::parse_apply(status, &body).unwrap_or_else(|e| panic!("{label}: apply {e:?}"));
        let (status, body) = send(&app, &huawei::details_request(cert, &endpoint)).await;
        let report = huawei::parse_details(status, &body)
            .unwrap_or_else(|e| panic!("{label}: {e:?}"))
            .report(order.auto_dns_auth);
        assert_eq!(report.instructions.len(), order.names().count(), "{label}");
        assert!(report
            .instructions
            .iter()
            .all(|i| matches!(i, Instruction::Automatic { .. })));
    }
}

#[tokio::test]
async fn gogetssl_orders_and_reports_each_names_validation() {
    let app = sandbox();
    let endpoint = endpoint("/sandbox/gogetssl");
    let options = gogetssl::Options::default();
    let orders = of(Provider::GoGetSsl);
    assert!(orders.len() >= 8);
    for order in orders {
        let label = label(&order);
        let (status, body) = send(&app, &gogetssl::check_request(&order, &endpoint, options)).await;
        gogetssl::parse_check(status, &body).unwrap_or_else(|e| panic!("{label}: check {e:?}"));
        let (status, body) = send(&app, &gogetssl::order_request(&order, &endpoint, options)).await;
        let placed = gogetssl::parse_order(status, &body, &order)
            .unwrap_or_else(|e| panic!("{label}: order {e:?}"));
        assert!(!placed.order_id.is_empty(), "{label}");
        assert_instructions(&order, &placed.instructions, &label);
        let (status, body) =
            send(&app, &gogetssl::status_request(&placed.order_id, &endpoint)).await;
        let report = gogetssl::parse_status(status, &body)
            .unwrap_or_else(|e| panic!("{label}: status {e:?}"));
        assert!(report.pending, "{label}: {:?}", report.status);
    }
}

#[tokio::test]
async fn cpanel_requests_in_every_encoding_and_reports_the_checks() {
    let app = sandbox();
    // cPanel Store access tokens are UUIDs.
    let endpoint = Endpoint {
        base_url: "/sandbox/cpanel/cpsess0123456789/execute".into(),
        token: Some("725431a1-d5bc-11e5-a28b-8b0e09a93f05".into()),
    };
    let orders = of(Provider::Cpanel);
    assert!(orders.len() >= 7);
    for encoding in [
        cpanel::SubjectNames::Seed,
        cpanel::SubjectNames::Pairs,
        cpanel::SubjectNames::Wizard,
    ] {
        let options = cpanel::Options {
            subject_names: encoding,
            url_after_checkout: Some("https://panel.example.com/ssl".into()),
            ..cpanel::Options::default()
        };
        for order in &orders {
            let label = format!("{} {encoding:?}", label(order));
            let (status, body) =
                send(&app, &cpanel::order_request(order, &endpoint, &options)).await;
            let placed = cpanel::parse_order(status, &body, order)
                .unwrap_or_else(|e| panic!("{label}: {e:?}"));
            assert!(!placed.order_id.is_empty(), "{label}");
            assert!(placed.checkout_url.is_some(), "{label}");
            assert!(!placed.checkout_unsafe, "{label}");
            let item = placed
                .cert_id
                .unwrap_or_else(|| panic!("{label}: no order item"));
            assert_eq!(placed.instructions.len(), order.names().count());
            let (status, body) =
                send(&app, &cpanel::status_request(&item, &endpoint, &options)).await;
            let report =
                cpanel::parse_status(status, &body).unwrap_or_else(|e| panic!("{label}: {e:?}"));
            assert!(report.pending, "{label}: unpaid, so not issued");
            assert!(!report.checks.is_empty(), "{label}: {body}");
        }
    }
}

#[tokio::test]
async fn the_generic_format_places_every_order_once_per_key() {
    let app = sandbox();
    let endpoint = endpoint("/sandbox/generic");
    let orders = scenarios();
    for (i, order) in orders.iter().enumerate() {
        let label = label(order);
        let key = format!("contract-{i:04}-key");
        let request = generic::order_request(order, &endpoint, &key);
        let (status, body) = send(&app, &request).await;
        let placed =
            generic::parse_order(status, &body).unwrap_or_else(|e| panic!("{label}: {e:?}"));
        assert_instructions(order, &placed.instructions, &label);
        // A retry with the same key is the same order, not a second one.
        let (status, body) = send(&app, &request).await;
        let again =
            generic::parse_order(status, &body).unwrap_or_else(|e| panic!("{label}: {e:?}"));
        assert_eq!(again.order_id, placed.order_id, "{label}");
        let (status, body) =
            send(&app, &generic::status_request(&placed.order_id, &endpoint)).await;
        let report =
            generic::parse_status(status, &body).unwrap_or_else(|e| panic!("{label}: {e:?}"));
        assert!(report.pending, "{label}");
    }
}

/// The core's AK/SK signer and the sandbox's verifier, written apart from each other, agree:
/// a buy signed with the sandbox's published key is accepted, one signed with another secret
/// is refused in the gateway's shape.
#[tokio::test]
async fn huawei_accepts_a_buy_signed_with_the_sandbox_key_and_refuses_another_secret() {
    use super::huawei_signing::{sign, AccessKey, SdkDate};
    use std::time::{SystemTime, UNIX_EPOCH};
    // Sign at a fixed time and move the sandbox's clock there, so the date is never skewed.
    let date = SdkDate::utc(2100, 1, 1, 0, 0, 0).expect("a date");
    let clock = ssl_order_sandbox::clock::Clock::default();
    let at = UNIX_EPOCH + Duration::from_secs(4_102_444_800);
    clock.advance(at.duration_since(SystemTime::now()).expect("before 2100"));
    let app = ssl_order_sandbox::router(Duration::from_secs(3600), &clock);
    let endpoint = Endpoint {
        base_url: "http://127.0.0.1:8080/sandbox/huawei".into(),
        token: None,
    };
    let order = &of(Provider::Huawei)[0];
    let signed_by = |secret: &str| {
        let mut request = huawei::buy_request(order, &endpoint);
        let key = AccessKey::new("SANDBOXAKEXAMPLE0001", secret);
        sign(
            &mut request,
            &key,
            Some("0123456789abcdef0123456789abcdef"),
            &date,
        )
        .expect("an absolute URL");
        request
    };
    let (status, body) = send(&app, &signed_by("sandbox-secret-key-not-a-secret-00000000")).await;
    huawei::parse_buy(status, &body).unwrap_or_else(|e| panic!("signed buy: {e:?} {body}"));
    let (status, body) = send(
        &app,
        &signed_by("another-secret-key-0000000000000000000000"),
    )
    .await;
    assert_eq!(status, 401, "{body}");
    assert!(
        body.contains("APIGW.0301") && body.contains("signature mismatch"),
        "{body}"
    );
}
