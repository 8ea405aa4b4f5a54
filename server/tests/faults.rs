//! Fault injection: every kind of fault against every provider's sandbox, how rules match and
//! run out, the control endpoint, and the drop fault on a real listener.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use common::*;
use serde_json::{json, Value};

const FAULTS: &str = "/sandbox/_faults";
const GENERIC_ORDER: &str = include_str!("fixtures/generic-order.json");
const GOGETSSL_PRODUCTS: &str =
    "/sandbox/gogetssl/products/ssl/?auth_key=5f2b3c4d5e6f708192a3b4c5d6e7f809";
const CPANEL_PRODUCTS: &str =
    "/sandbox/cpanel/cpsess0123456789/execute/Market/get_all_products?provider=cPStore";

/// One ordinary call of each provider's sandbox, answered with a 2xx when no fault fires.
struct Call {
    provider: &'static str,
    method: Method,
    uri: &'static str,
}

const CALLS: [Call; 4] = [
    Call {
        provider: "huawei",
        method: Method::POST,
        uri: BUY,
    },
    Call {
        provider: "gogetssl",
        method: Method::GET,
        uri: GOGETSSL_PRODUCTS,
    },
    Call {
        provider: "cpanel",
        method: Method::GET,
        uri: CPANEL_PRODUCTS,
    },
    Call {
        provider: "generic",
        method: Method::POST,
        uri: "/sandbox/generic/orders",
    },
];

impl Call {
    fn request(&self) -> Request<Body> {
        let builder = Request::builder()
            .method(self.method.clone())
            .uri(self.uri)
            .header("origin", "https://shop.example.net")
            .header("x-auth-token", TOKEN)
            .header("idempotency-key", "0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10");
        let body = match self.provider {
            "huawei" => seed_buy_body().to_string(),
            "generic" => GENERIC_ORDER.to_string(),
            _ => String::new(),
        };
        let builder = if body.is_empty() {
            builder
        } else {
            builder.header("content-type", "application/json")
        };
        builder.body(Body::from(body)).unwrap()
    }

    async fn send(&self, app: &Router) -> Answer {
        send(app, self.request()).await
    }
}

async fn arm(app: &Router, rule: Value) -> Answer {
    let request = Request::post(FAULTS)
        .header("content-type", "application/json")
        .body(Body::from(rule.to_string()))
        .unwrap();
    send(app, request).await
}

/// Arms `fault` for `call`'s provider, once, and answers the call.
async fn faulted(call: &Call, fault: Value) -> Answer {
    let app = test_app();
    let armed = arm(&app, json!({"provider": call.provider, "fault": fault})).await;
    assert_eq!(armed.status, StatusCode::CREATED, "{}", armed.text());
    call.send(&app).await
}

async fn pending(app: &Router) -> Vec<Value> {
    get(app, FAULTS).await.json().as_array().unwrap().clone()
}

#[tokio::test]
async fn every_call_used_here_succeeds_without_a_fault() {
    let app = test_app();
    for call in &CALLS {
        let answer = call.send(&app).await;
        assert!(
            answer.status.is_success(),
            "{}: {}",
            call.provider,
            answer.text()
        );
    }
}

#[tokio::test]
async fn a_status_fault_answers_that_status_as_plain_text_on_every_provider() {
    let statuses = [
        (500, "500 Internal Server Error\n"),
        (502, "502 Bad Gateway\n"),
        (503, "503 Service Unavailable\n"),
        (504, "504 Gateway Timeout\n"),
        (429, "429 Too Many Requests\n"),
    ];
    for call in &CALLS {
        for (status, body) in statuses {
            let answer = faulted(call, json!({"kind": "status", "status": status})).await;
            assert_eq!(answer.status.as_u16(), status, "{}", call.provider);
            assert_eq!(answer.text(), body);
            assert_eq!(
                answer.header("content-type"),
                Some("text/plain; charset=utf-8")
            );
            let retry_after = matches!(status, 429 | 503).then_some("1");
            assert_eq!(answer.header("retry-after"), retry_after, "{status}");
        }
    }
}

#[tokio::test]
async fn a_not_json_fault_answers_200_with_a_gateway_page_on_every_provider() {
    for call in &CALLS {
        let answer = faulted(call, json!({"kind": "not_json"})).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", call.provider);
        assert_eq!(
            answer.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        let page = answer.text();
        assert!(
            page.starts_with("<html>") && page.contains("Bad gateway"),
            "{page}"
        );
        assert!(serde_json::from_str::<Value>(&page).is_err());
    }
}

#[tokio::test]
async fn a_provider_error_fault_answers_in_each_providers_own_shape() {
    for call in &CALLS {
        let answer = faulted(call, json!({"kind": "provider_error"})).await;
        let body = answer.json();
        let message = match call.provider {
            "huawei" => {
                assert_eq!(answer.status, StatusCode::BAD_REQUEST);
                assert_eq!(body["error_code"], "SCM.0021");
                body["error_msg"].clone()
            }
            "gogetssl" => {
                assert_eq!(answer.status, StatusCode::OK);
                assert_eq!(body["error"], true);
                assert_eq!(body["message"], "Injected fault");
                body["description"].clone()
            }
            "cpanel" => {
                assert_eq!(answer.status, StatusCode::OK);
                assert_eq!(body["func"], "get_all_products");
                assert_eq!(body["result"]["status"], 0);
                body["result"]["errors"][0].clone()
            }
            "generic" => {
                assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
                assert_eq!(body["error"]["code"], "injected_fault");
                body["error"]["message"].clone()
            }
            other => panic!("no expectation for {other}"),
        };
        let message = message.as_str().unwrap_or_default();
        assert!(
            message.contains("Injected fault"),
            "{}: {body}",
            call.provider
        );
    }
}

#[tokio::test]
async fn a_delay_fault_waits_then_answers_normally_on_every_provider() {
    for call in &CALLS {
        let app = test_app();
        let rule = json!({"provider": call.provider, "fault": {"kind": "delay", "ms": 300}});
        arm(&app, rule).await;
        let started = Instant::now();
        let answer = call.send(&app).await;
        assert!(
            started.elapsed() >= Duration::from_millis(300),
            "{}",
            call.provider
        );
        assert!(
            answer.status.is_success(),
            "{}: {}",
            call.provider,
            answer.text()
        );
    }
}

#[tokio::test]
async fn a_drop_fault_answers_444_with_no_body_for_the_accept_loop_to_close() {
    for call in &CALLS {
        let answer = faulted(call, json!({"kind": "drop"})).await;
        assert_eq!(answer.status.as_u16(), 444, "{}", call.provider);
        assert!(answer.body.is_empty());
    }
}

#[tokio::test]
async fn a_message_replaces_the_default_text() {
    let huawei = &CALLS[0];
    let status = faulted(
        huawei,
        json!({"kind": "status", "status": 502, "message": "upstream reset"}),
    )
    .await;
    assert_eq!(status.text(), "upstream reset\n");
    let page = faulted(
        huawei,
        json!({"kind": "not_json", "message": "Proxy <down>"}),
    )
    .await;
    assert!(
        page.text().contains("<p>Proxy &lt;down&gt;</p>"),
        "{}",
        page.text()
    );
    let refused = faulted(
        huawei,
        json!({"kind": "provider_error", "message": "Quota exceeded."}),
    )
    .await;
    assert_eq!(refused.json()["error_msg"], "Quota exceeded.");
}

#[tokio::test]
async fn injected_answers_carry_cors_headers_so_a_browser_can_read_them() {
    for fault in [
        json!({"kind": "status", "status": 503}),
        json!({"kind": "not_json"}),
        json!({"kind": "provider_error"}),
    ] {
        let answer = faulted(&CALLS[3], fault.clone()).await;
        assert_eq!(
            answer.header("access-control-allow-origin"),
            Some("*"),
            "{fault}"
        );
    }
}

#[tokio::test]
async fn a_rule_fails_times_requests_then_is_gone() {
    let app = test_app();
    let rule =
        json!({"provider": "huawei", "times": 2, "fault": {"kind": "status", "status": 500}});
    arm(&app, rule).await;
    let huawei = &CALLS[0];
    assert_eq!(
        huawei.send(&app).await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(pending(&app).await[0]["times"], 1);
    assert_eq!(
        huawei.send(&app).await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert!(pending(&app).await.is_empty());
    assert_eq!(huawei.send(&app).await.status, StatusCode::OK);
}

#[tokio::test]
async fn rules_match_by_provider_part_of_the_path_and_method() {
    // (rule without its fault, the call, whether it fires)
    let cases = [
        (json!({"provider": "huawei"}), 0, true),
        (json!({"provider": "huawei"}), 3, false),
        (json!({"provider": "*"}), 1, true),
        (json!({"provider": "*"}), 2, true),
        (
            json!({"provider": "huawei", "path": "/certificates/buy"}),
            0,
            true,
        ),
        (json!({"provider": "huawei", "path": "/apply"}), 0, false),
        (
            json!({"provider": "*", "path": "/sandbox/generic/"}),
            3,
            true,
        ),
        (
            json!({"provider": "*", "path": "/sandbox/generic/"}),
            0,
            false,
        ),
        (
            json!({"provider": "cpanel", "path": "get_all_products"}),
            2,
            true,
        ),
        (json!({"provider": "huawei", "method": "POST"}), 0, true),
        (json!({"provider": "huawei", "method": "GET"}), 0, false),
        (json!({"provider": "gogetssl", "method": "GET"}), 1, true),
        (json!({"provider": "generic", "method": "GET"}), 3, false),
    ];
    for (mut rule, call, fires) in cases {
        rule["fault"] = json!({"kind": "status", "status": 504});
        let app = test_app();
        arm(&app, rule.clone()).await;
        let answer = CALLS[call].send(&app).await;
        assert_eq!(
            answer.status == StatusCode::GATEWAY_TIMEOUT,
            fires,
            "{rule} on {}",
            CALLS[call].uri
        );
        assert_eq!(pending(&app).await.is_empty(), fires, "{rule}");
    }
}

#[tokio::test]
async fn the_rule_added_first_fires_first() {
    let app = test_app();
    for status in [502, 503] {
        let rule = json!({"provider": "huawei", "fault": {"kind": "status", "status": status}});
        arm(&app, rule).await;
    }
    assert_eq!(CALLS[0].send(&app).await.status.as_u16(), 502);
    assert_eq!(CALLS[0].send(&app).await.status.as_u16(), 503);
}

#[tokio::test]
async fn a_cors_preflight_never_matches() {
    let app = test_app();
    arm(
        &app,
        json!({"provider": "*", "fault": {"kind": "status", "status": 500}}),
    )
    .await;
    for bare in [false, true] {
        let mut builder = Request::builder().method(Method::OPTIONS).uri(BUY);
        if !bare {
            builder = builder
                .header("origin", "https://shop.example.net")
                .header("access-control-request-method", "POST");
        }
        let answer = send(&app, builder.body(Body::empty()).unwrap()).await;
        assert_ne!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    }
    assert_eq!(pending(&app).await.len(), 1);
}

#[tokio::test]
async fn faulted_requests_are_logged_with_the_status_answered() {
    let app = test_app();
    for fault in [
        json!({"kind": "status", "status": 503}),
        json!({"kind": "drop"}),
    ] {
        arm(&app, json!({"provider": "huawei", "fault": fault})).await;
        CALLS[0].send(&app).await;
    }
    let log = get(&app, "/sandbox/_log").await.json();
    let statuses: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["status"])
        .collect();
    assert_eq!(statuses, [&json!(503), &json!(444)]);
    assert_eq!(log[0]["path"], BUY);
    assert_eq!(log[0]["body"], seed_buy_body().to_string());
}

#[tokio::test]
async fn adding_a_rule_answers_201_with_it_and_its_id() {
    let app = test_app();
    let rule = json!({"provider": "generic", "path": "/orders", "method": "POST", "times": 3,
                      "fault": {"kind": "delay", "ms": 10}});
    let first = arm(&app, rule.clone()).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let mut expected = rule.clone();
    expected["id"] = json!("fault-1");
    assert_eq!(first.json(), expected);
    let second = arm(
        &app,
        json!({"provider": "huawei", "fault": {"kind": "drop"}}),
    )
    .await;
    assert_eq!(
        second.json(),
        json!({"id": "fault-2", "provider": "huawei", "times": 1, "fault": {"kind": "drop"}})
    );
    assert_eq!(pending(&app).await, [first.json(), second.json()]);
}

#[tokio::test]
async fn delete_and_reset_clear_every_rule() {
    let app = test_app();
    for clear in [Method::DELETE, Method::POST] {
        arm(&app, json!({"provider": "*", "fault": {"kind": "drop"}})).await;
        let uri = if clear == Method::DELETE {
            FAULTS
        } else {
            "/sandbox/_reset"
        };
        let request = Request::builder()
            .method(clear)
            .uri(uri)
            .body(Body::empty())
            .unwrap();
        assert_eq!(send(&app, request).await.status, StatusCode::NO_CONTENT);
        assert!(pending(&app).await.is_empty(), "{uri}");
    }
}

#[tokio::test]
async fn a_broken_rule_is_400_naming_the_field_and_what_is_allowed() {
    let app = test_app();
    let answer = arm(
        &app,
        json!({"provider": "digicert", "fault": {"kind": "drop"}}),
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let error = &answer.json()["error"];
    assert_eq!(error["code"], "invalid_fault");
    assert_eq!(error["field"], "/provider");
    let message = error["message"].as_str().unwrap();
    for provider in ["huawei", "gogetssl", "cpanel", "generic", "*"] {
        assert!(message.contains(&format!("\"{provider}\"")), "{message}");
    }
    let bad_status = arm(
        &app,
        json!({"provider": "*", "fault": {"kind": "status", "status": 404}}),
    )
    .await;
    assert_eq!(bad_status.json()["error"]["field"], "/fault/status");
    assert!(pending(&app).await.is_empty());
}

#[tokio::test]
async fn the_control_endpoint_is_not_logged_and_sends_no_cors() {
    let app = test_app();
    let request = Request::get(FAULTS)
        .header("origin", "http://127.0.0.1:4000")
        .body(Body::empty())
        .unwrap();
    let answer = send(&app, request).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("access-control-allow-origin"), None);
    arm(&app, json!({"provider": "*", "fault": {"kind": "drop"}})).await;
    assert_eq!(get(&app, "/sandbox/_log").await.json(), json!([]));
}

// The drop fault on a real listener: the binary, spoken to over raw TCP.

const BIN: &str = env!("CARGO_BIN_EXE_ssl-order-server");
const PATIENCE: Duration = Duration::from_secs(5);

/// The server binary on a free port, killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start() -> Self {
        let mut child = Command::new(BIN)
            .args(["--addr", "127.0.0.1:0", "--sandbox"])
            .arg("--dist")
            .arg(dist_dir())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut line = Vec::new();
        let mut byte = [0u8; 1];
        while stdout.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
            line.push(byte[0]);
        }
        let line = String::from_utf8(line).unwrap();
        let addr = line
            .strip_prefix("listening on http://")
            .and_then(|rest| rest.split_once("/ "))
            .map(|(addr, _)| addr)
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        Self { child, addr }
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(&self.addr).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        stream
    }

    /// Writes one request; `close` asks the server to close the connection after answering.
    fn write(&self, stream: &mut TcpStream, method: &str, path: &str, body: &str, close: bool) {
        let connection = if close { "close" } else { "keep-alive" };
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: {connection}\r\nX-Auth-Token: {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            body.len()
        )
        .unwrap();
    }

    /// Adds a fault rule over its own connection.
    fn arm(&self, rule: &Value) {
        let mut stream = self.connect();
        self.write(&mut stream, "POST", FAULTS, &rule.to_string(), true);
        let answer = read_to_end(&mut stream);
        assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Everything the server sends until it closes the connection.
fn read_to_end(stream: &mut TcpStream) -> String {
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// One answer on a connection that stays open: the head, then `Content-Length` bytes.
fn read_answer(stream: &mut TcpStream) -> String {
    let mut bytes = Vec::new();
    let mut byte = [0u8; 1];
    while !bytes.ends_with(b"\r\n\r\n") {
        assert_eq!(stream.read(&mut byte).unwrap(), 1, "closed mid-answer");
        bytes.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&bytes).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length: "))
        .map_or(0, |n| n.trim().parse().unwrap());
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).unwrap();
    bytes.extend_from_slice(&body);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Whether the server has closed the connection (a read gives end of file, not a timeout).
fn closed_by_server(stream: &mut TcpStream) -> bool {
    let mut byte = [0u8; 1];
    match stream.read(&mut byte) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) if e.kind() == ErrorKind::ConnectionReset => true,
        Err(e) => panic!("no answer and no close within {PATIENCE:?}: {e}"),
    }
}

#[test]
fn a_drop_closes_the_connection_without_any_answer_on_the_real_server() {
    let server = Server::start();
    server.arm(&json!({"provider": "huawei", "path": "/buy", "fault": {"kind": "drop"}}));
    let body = seed_buy_body().to_string();

    let mut dropped = server.connect();
    server.write(&mut dropped, "POST", BUY, &body, false);
    assert_eq!(
        read_to_end(&mut dropped),
        "",
        "no status line, no byte at all"
    );

    // The rule is spent: the same call is answered.
    let mut answered = server.connect();
    server.write(&mut answered, "POST", BUY, &body, true);
    let answer = read_to_end(&mut answered);
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
}

#[test]
fn arming_a_drop_closes_idle_kept_alive_connections() {
    let server = Server::start();
    let mut idle = server.connect();
    server.write(&mut idle, "GET", FAULTS, "", false);
    assert!(read_answer(&mut idle).starts_with("HTTP/1.1 200 OK"));

    server.arm(&json!({"provider": "huawei", "fault": {"kind": "drop"}}));
    // A browser would resend a request that failed on this reused connection.
    assert!(closed_by_server(&mut idle));
}

#[test]
fn while_a_drop_is_pending_each_connection_serves_one_request() {
    let server = Server::start();
    server.arm(&json!({"provider": "huawei", "fault": {"kind": "drop"}}));
    let mut one = server.connect();
    server.write(&mut one, "GET", FAULTS, "", false);
    assert!(read_answer(&mut one).starts_with("HTTP/1.1 200 OK"));
    assert!(closed_by_server(&mut one));

    // Spent, the drop no longer stops connections from being reused.
    let mut spent = server.connect();
    server.write(&mut spent, "POST", BUY, &seed_buy_body().to_string(), false);
    assert_eq!(read_to_end(&mut spent), "");
    let mut reused = server.connect();
    for _ in 0..2 {
        server.write(&mut reused, "GET", FAULTS, "", false);
        let answer = read_answer(&mut reused);
        assert!(answer.ends_with("[]"), "{answer}");
    }
}
