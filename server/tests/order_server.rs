//! The order server as a process, with the sandbox as its provider: orders through it for
//! each provider, idempotency (replays, another body under a key, concurrent duplicates),
//! a server killed between Huawei's buy and apply, lost answers, and bad input that never
//! reaches the provider.

mod common;

use std::time::Duration;

use common::orders::{dv_order, new_key, public_dir};
use common::process::{until, Server};
use serde_json::Value;

/// A demo order server for `provider` on a fresh SQLite file; `extra` arguments appended.
fn demo(provider: &str, extra: &[&str]) -> (Server, tempfile_dir::Dir) {
    let dir = tempfile_dir::Dir::new("order-server");
    let database = format!("sqlite://{}", dir.path().join("orders.db").display());
    let dist = public_dir();
    let mut args = vec![
        "--addr",
        "127.0.0.1:0",
        "--demo",
        "--demo-provider",
        provider,
        "--dist",
        dist.to_str().expect("a UTF-8 path"),
        "--database-url",
        &database,
    ];
    args.extend_from_slice(extra);
    (Server::start(&args, &[]), dir)
}

/// A temporary directory removed when dropped.
mod tempfile_dir {
    use std::path::{Path, PathBuf};

    pub struct Dir(PathBuf);

    impl Dir {
        pub fn new(name: &str) -> Dir {
            let path =
                std::env::temp_dir().join(format!("ssl-order-{name}-{}", uuid::Uuid::new_v4()));
            std::fs::create_dir_all(&path).expect("a temp dir");
            Dir(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("a client")
}

async fn post_order(server: &Server, key: Option<&str>, body: &str) -> (u16, Value) {
    let mut request = client()
        .post(format!("{}api/orders", server.url))
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    let response = request.send().await.expect("an answer");
    let status = response.status().as_u16();
    let text = response.text().await.expect("a body");
    let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, value)
}

/// Sends only the head of an order whose `Content-Length` is `length`, and reads the answer.
/// Sending the whole body instead races the server: it answers 413 and closes while the
/// client is still writing, and the client sees a broken pipe rather than the answer.
fn post_announcing(url: &str, length: usize) -> (u16, Value) {
    use std::io::{Read, Write};

    let address = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut stream = std::net::TcpStream::connect(&address).expect("a connection");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("a read timeout");
    let head = format!(
        "POST /api/orders HTTP/1.1\r\nHost: {address}\r\ncontent-type: application/json\r\n\
         idempotency-key: {}\r\ncontent-length: {length}\r\nconnection: close\r\n\r\n",
        new_key()
    );
    stream.write_all(head.as_bytes()).expect("the head sent");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("an answer");
    let answer = String::from_utf8(answer).expect("a UTF-8 answer");
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let value = serde_json::from_str(body).unwrap_or(Value::String(body.to_string()));
    (status, value)
}

async fn sandbox_log(server: &Server) -> Vec<Value> {
    client()
        .get(format!("{}sandbox/_log", server.url))
        .send()
        .await
        .expect("the log")
        .json()
        .await
        .expect("JSON")
}

/// How many requests the sandbox saw whose path contains `part`.
async fn calls(server: &Server, part: &str) -> usize {
    sandbox_log(server)
        .await
        .iter()
        .filter(|e| e["path"].as_str().is_some_and(|p| p.contains(part)))
        .count()
}

async fn fault(server: &Server, rule: Value) {
    let response = client()
        .post(format!("{}sandbox/_faults", server.url))
        .json(&rule)
        .send()
        .await
        .expect("a fault rule");
    assert_eq!(response.status().as_u16(), 201);
}

/// The request that places an order at each provider's sandbox.
fn order_call(provider: &str) -> &'static str {
    match provider {
        "huawei" => "certificates/buy",
        "gogetssl" => "add_ssl_order",
        "cpanel" => "request_ssl_certificates",
        other => panic!("no such provider {other}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn each_provider_takes_one_order_per_key_and_replays_its_answer() {
    for provider in ["huawei", "gogetssl", "cpanel"] {
        let (server, _dir) = demo(provider, &[]);
        let body = dv_order(provider);
        let key = new_key();
        let (status, first) = post_order(&server, Some(&key), &body).await;
        assert_eq!(status, 201, "{provider}: {first}\n{}", server.said());
        let id = first["order_id"].as_str().expect("an order ID").to_string();
        assert!(first["status"].is_string());

        // The same key and body: the first answer again, and nothing more upstream.
        let (status, again) = post_order(&server, Some(&key), &body).await;
        assert_eq!(status, 200, "{provider}");
        assert_eq!(again, first, "{provider}");
        assert_eq!(calls(&server, order_call(provider)).await, 1, "{provider}");
        if provider == "huawei" {
            assert_eq!(calls(&server, "/apply").await, 1);
        }

        // The same key for another order is refused, and still nothing more goes out.
        // Another valid order: another applicant, or (cPanel's DV asks for none) another method.
        let other = if body.contains("ada@example.com") {
            body.replace("ada@example.com", "grace@example.com")
        } else {
            body.replace("\"method\": \"dns\"", "\"method\": \"http\"")
        };
        assert_ne!(other, body);
        let (status, refused) = post_order(&server, Some(&key), &other).await;
        assert_eq!(status, 422, "{provider}: {refused}");
        assert_eq!(refused["error"]["code"], "idempotency_key_reused");
        assert_eq!(calls(&server, order_call(provider)).await, 1, "{provider}");

        // The order's status is the customer's to read.
        let status = client()
            .get(format!("{}api/orders/{id}", server.url))
            .send()
            .await
            .expect("a status");
        assert_eq!(status.status().as_u16(), 200, "{provider}");
        let status: Value = status.json().await.expect("JSON");
        assert_eq!(status["order_id"], id.as_str());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_duplicates_place_one_order() {
    let (server, _dir) = demo("gogetssl", &[]);
    let body = dv_order("gogetssl");
    let key = new_key();
    let attempts = (0..24).map(|_| {
        let (server_url, body, key) = (server.url.clone(), body.clone(), key.clone());
        tokio::spawn(async move {
            let response = client()
                .post(format!("{server_url}api/orders"))
                .header("content-type", "application/json")
                .header("idempotency-key", key)
                .body(body)
                .send()
                .await
                .expect("an answer");
            let status = response.status().as_u16();
            (status, response.text().await.expect("a body"))
        })
    });
    let answers: Vec<(u16, String)> = futures_join(attempts).await;
    let placed: Vec<&String> = answers
        .iter()
        .filter(|(status, _)| *status == 201 || *status == 200)
        .map(|(_, body)| body)
        .collect();
    assert!(!placed.is_empty(), "{answers:?}");
    assert!(
        answers
            .iter()
            .all(|(status, _)| [200, 201, 409].contains(status)),
        "{answers:?}"
    );
    let first: Value = serde_json::from_str(placed[0]).expect("JSON");
    for body in &placed {
        assert_eq!(serde_json::from_str::<Value>(body).expect("JSON"), first);
    }
    assert_eq!(
        answers.iter().filter(|(status, _)| *status == 201).count(),
        1,
        "exactly one creation"
    );
    assert_eq!(calls(&server, "add_ssl_order").await, 1);
}

async fn futures_join<T: Send + 'static>(
    tasks: impl Iterator<Item = tokio::task::JoinHandle<T>>,
) -> Vec<T> {
    let mut out = Vec::new();
    for task in tasks.collect::<Vec<_>>() {
        out.push(task.await.expect("a task"));
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_gets_a_clear_error_and_nothing_reaches_the_provider() {
    let (server, _dir) = demo("gogetssl", &[]);
    let body = dv_order("gogetssl");

    let (status, answer) = post_order(&server, None, &body).await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (400, Some("idempotency_key_missing"))
    );
    let (status, answer) = post_order(&server, Some(&new_key()), "{not json").await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (400, Some("malformed_json"))
    );
    let (status, answer) = post_order(&server, Some(&new_key()), "{\"format\":1}").await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (400, Some("schema"))
    );
    // A name the core refuses: the problem comes back as data, at its field.
    let bad = body.replace("\"www.example.com\"", "\"www..example.com\"");
    let (status, answer) = post_order(&server, Some(&new_key()), &bad).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["error"]["code"], "invalid_order");
    let problems = answer["problems"].as_array().expect("problems");
    assert!(
        problems.iter().any(|p| p["field"] == "Domain"),
        "{problems:?}"
    );
    // A body over the limit is refused from its announced length, before any of it is read.
    let url = server.url.clone();
    let (status, answer) = tokio::task::spawn_blocking(move || post_announcing(&url, 2 << 20))
        .await
        .expect("the request ran");
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (413, Some("too_large")),
        "{answer}"
    );
    // An order that does not exist, or is not this customer's.
    let missing = client()
        .get(format!("{}api/orders/{}", server.url, new_key()))
        .send()
        .await
        .expect("an answer");
    assert_eq!(missing.status().as_u16(), 404);

    assert_eq!(calls(&server, "add_ssl_order").await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lost_answer_is_unknown_and_never_sent_again() {
    let (server, _dir) = demo("gogetssl", &[]);
    // The provider acts, and its answer never arrives: the connection is dropped.
    fault(
        &server,
        serde_json::json!({"provider": "gogetssl", "path": "add_ssl_order", "fault": {"kind": "drop"}}),
    )
    .await;
    let body = dv_order("gogetssl");
    let key = new_key();
    let (status, answer) = post_order(&server, Some(&key), &body).await;
    assert_eq!(status, 202, "{answer}");
    assert_eq!(answer["status"], "unknown");
    let sent = calls(&server, "add_ssl_order").await;
    // The customer's retry is answered from the log: unknown again, nothing sent.
    let (status, again) = post_order(&server, Some(&key), &body).await;
    assert_eq!((status, &again), (202, &answer));
    assert_eq!(calls(&server, "add_ssl_order").await, sent);
    let id = answer["order_id"].as_str().expect("an ID");
    let status: Value = client()
        .get(format!("{}api/orders/{id}", server.url))
        .send()
        .await
        .expect("a status")
        .json()
        .await
        .expect("JSON");
    assert_eq!(status["status"], "unknown");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_provider_that_cannot_be_reached_is_retried_safely_under_the_same_key() {
    let (server, _dir) = demo("gogetssl", &[]);
    // A gateway's 503 before the provider acts reads as "may have acted" (5xx): unknown.
    fault(
        &server,
        serde_json::json!({"provider": "gogetssl", "path": "add_ssl_order", "fault": {"kind": "status", "status": 503}}),
    )
    .await;
    let body = dv_order("gogetssl");
    let (status, answer) = post_order(&server, Some(&new_key()), &body).await;
    assert_eq!(status, 202, "{answer}");
    assert_eq!(answer["status"], "unknown");
    // A provider's own refusal is the provider's words, and the order is not placed.
    fault(
        &server,
        serde_json::json!({"provider": "gogetssl", "path": "add_ssl_order", "fault": {"kind": "provider_error", "message": "Domain is blacklisted"}}),
    )
    .await;
    let (status, answer) = post_order(&server, Some(&new_key()), &body).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["error"]["code"], "provider_refused");
    assert!(
        answer["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("Domain is blacklisted")),
        "{answer}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_between_buy_and_apply_applies_after_restart_and_never_buys_again() {
    let dir = tempfile_dir::Dir::new("sigkill");
    let database = format!("sqlite://{}", dir.path().join("orders.db").display());
    let dist = public_dir();
    let dist = dist.to_str().expect("UTF-8");
    // One process holds the sandbox for both lives of the order server.
    let sandbox = Server::start(&["--addr", "127.0.0.1:0", "--sandbox", "--dist", dist], &[]);
    let settings = dir.path().join("settings.toml");
    let secret = dir.path().join("huawei-sk");
    std::fs::write(&secret, "sandbox-secret-key-not-a-secret-00000000").expect("the secret");
    std::fs::write(
        &settings,
        format!(
            "catalogue = {catalogue:?}\nstale_after_seconds = 1\nresume_every_seconds = 1\n\
             [database]\nurl = {database:?}\n[customers]\nmode = \"demo\"\n\
             [limits]\norders_per_minute_per_customer = 100000\nrequests_per_minute_per_ip = 100000\n\
             [upstream]\napi = \"huawei\"\nbase_url = \"{sandbox}sandbox/huawei\"\n\
             [upstream.huawei]\nmode = \"aksk\"\naccess_key = \"SANDBOXAKEXAMPLE0001\"\n\
             secret_key_file = {secret:?}\ndomain_id = \"0123456789abcdef0123456789abcdef\"\n",
            catalogue = format!("{dist}/catalog/huawei.json"),
            sandbox = sandbox.url,
        ),
    )
    .expect("settings");
    let args = [
        "--addr",
        "127.0.0.1:0",
        "--dist",
        dist,
        "--settings",
        settings.to_str().expect("UTF-8"),
    ];
    let mut first = Server::start(&args, &[]);
    // The apply hangs at the provider (it is carried out later even though nobody waits).
    fault(
        &sandbox,
        serde_json::json!({"provider": "huawei", "path": "apply", "fault": {"kind": "delay", "ms": 60000}}),
    )
    .await;
    let body = dv_order("huawei");
    let key = new_key();
    let placing = {
        let (url, body, key) = (first.url.clone(), body.clone(), key.clone());
        tokio::spawn(async move {
            client()
                .post(format!("{url}api/orders"))
                .header("content-type", "application/json")
                .header("idempotency-key", key)
                .body(body)
                .send()
                .await
        })
    };
    // The apply has reached the provider: the certificate is bought and its ID recorded.
    let at_sandbox = &sandbox;
    until(
        Duration::from_secs(20),
        "the apply is sent",
        || async move { calls(at_sandbox, "/apply").await == 1 },
    )
    .await;
    first.kill();
    assert!(
        placing.await.expect("the task").is_err(),
        "no answer from a killed server"
    );
    // The fault is gone for the second life; its apply must not buy again.
    client()
        .delete(format!("{}sandbox/_faults", sandbox.url))
        .send()
        .await
        .expect("faults cleared");
    let second = Server::start(&args, &[]);
    // The customer asks again under the same key: "still being placed" until the restarted
    // server has taken the order over and applied.
    let (second_ref, key_ref, body_ref) = (&second, &key, &body);
    until(
        Duration::from_secs(30),
        "the order is applied after the restart",
        || async move { post_order(second_ref, Some(key_ref), body_ref).await.0 != 409 },
    )
    .await;
    let (status, answer) = post_order(&second, Some(&key), &body).await;
    assert_eq!(status, 200, "{answer}\n{}", second.said());
    assert_eq!(answer["status"], "processing");
    assert_eq!(calls(&sandbox, "certificates/buy").await, 1, "bought once");
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_finishes_the_order_in_flight_before_the_server_exits() {
    let (mut server, _dir) = demo("gogetssl", &[]);
    // The provider takes its time over this order.
    fault(
        &server,
        serde_json::json!({"provider": "gogetssl", "path": "add_ssl_order", "fault": {"kind": "delay", "ms": 1500}}),
    )
    .await;
    let body = dv_order("gogetssl");
    let placing = {
        let (url, body) = (server.url.clone(), body.clone());
        tokio::spawn(async move {
            let response = client()
                .post(format!("{url}api/orders"))
                .header("content-type", "application/json")
                .header("idempotency-key", new_key())
                .body(body)
                .send()
                .await
                .expect("an answer before the exit");
            response.status().as_u16()
        })
    };
    let at = &server;
    until(
        Duration::from_secs(20),
        "the order reaches the provider",
        || async move { calls(at, "add_ssl_order").await == 1 },
    )
    .await;
    let status = server.terminate(Duration::from_secs(30));
    assert!(status.success(), "a clean exit: {status:?}");
    assert_eq!(
        placing.await.expect("the task"),
        201,
        "the order in flight was finished"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_provider_never_reached_frees_the_key_for_a_retry() {
    let dir = tempfile_dir::Dir::new("unreachable");
    let password = dir.path().join("gogetssl-password");
    std::fs::write(&password, "sandbox-password-not-a-secret").expect("the password");
    let settings = dir.path().join("settings.toml");
    // Nothing listens on port 9 of this machine: the connection is refused.
    std::fs::write(
        &settings,
        format!(
            "catalogue = {catalogue:?}\n[database]\nurl = \"sqlite://{db}\"\n\
             [customers]\nmode = \"demo\"\n\
             [upstream]\napi = \"gogetssl\"\nbase_url = \"http://127.0.0.1:9/api\"\n\
             [upstream.gogetssl]\nuser = \"sandbox-reseller\"\npassword_file = {password:?}\n",
            catalogue = public_dir().join("catalog/gogetssl.json"),
            db = dir.path().join("orders.db").display(),
        ),
    )
    .expect("settings");
    let dist = public_dir();
    let server = Server::start(
        &[
            "--addr",
            "127.0.0.1:0",
            "--dist",
            dist.to_str().expect("UTF-8"),
            "--settings",
            settings.to_str().expect("UTF-8"),
        ],
        &[],
    );
    let body = dv_order("gogetssl");
    let key = new_key();
    for attempt in 0..2 {
        let (status, answer) = post_order(&server, Some(&key), &body).await;
        // Not a replay and not "in progress": nothing was sent, so the key was freed.
        assert_eq!(status, 502, "attempt {attempt}: {answer}");
        assert_eq!(answer["error"]["code"], "provider_unavailable");
    }
}

/// An HS256 token for `sub`, issued now and living `life` seconds (negative: expired).
fn token(secret: &[u8], sub: &str, life: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs() as i64;
    let claims = serde_json::json!({
        "sub": sub, "aud": "ssl-order", "iat": now - 120, "exp": now + life,
    });
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(secret),
    )
    .expect("a token")
}

#[tokio::test(flavor = "multi_thread")]
async fn customers_prove_who_they_are_and_see_only_their_own_orders() {
    let dir = tempfile_dir::Dir::new("jwt");
    let dist = public_dir();
    let dist = dist.to_str().expect("UTF-8");
    let sandbox = Server::start(&["--addr", "127.0.0.1:0", "--sandbox", "--dist", dist], &[]);
    let secret = b"a-panel-secret-of-at-least-32-bytes-0123456789";
    let key_file = dir.path().join("panel-key");
    std::fs::write(&key_file, secret).expect("the key");
    let password = dir.path().join("gogetssl-password");
    std::fs::write(&password, "sandbox-password-not-a-secret").expect("the password");
    let settings = dir.path().join("settings.toml");
    std::fs::write(
        &settings,
        format!(
            "catalogue = \"{dist}/catalog/gogetssl.json\"\n\
             [database]\nurl = \"sqlite://{db}\"\n\
             [customers]\nmode = \"jwt\"\nalgorithm = \"HS256\"\nkey_file = {key_file:?}\naudience = \"ssl-order\"\n\
             [upstream]\napi = \"gogetssl\"\nbase_url = \"{sandbox}sandbox/gogetssl\"\n\
             [upstream.gogetssl]\nuser = \"sandbox-reseller\"\npassword_file = {password:?}\n",
            db = dir.path().join("orders.db").display(),
            sandbox = sandbox.url,
        ),
    )
    .expect("settings");
    let server = Server::start(
        &[
            "--addr",
            "127.0.0.1:0",
            "--dist",
            dist,
            "--settings",
            settings.to_str().expect("UTF-8"),
        ],
        &[],
    );
    let body = dv_order("gogetssl");
    let send = |bearer: Option<String>| {
        let (url, body) = (server.url.clone(), body.clone());
        async move {
            let mut request = client()
                .post(format!("{url}api/orders"))
                .header("content-type", "application/json")
                .header("idempotency-key", new_key())
                .body(body);
            if let Some(bearer) = bearer {
                request = request.header("authorization", format!("Bearer {bearer}"));
            }
            let response = request.send().await.expect("an answer");
            let status = response.status().as_u16();
            (status, response.json::<Value>().await.expect("JSON"))
        }
    };
    // No token, a forged one, an expired one: 401 each, and nothing reaches the provider.
    for bearer in [
        None,
        Some(token(
            b"another-secret-entirely-0123456789abcdef",
            "alice",
            600,
        )),
        Some(token(secret, "alice", -600)),
    ] {
        let (status, answer) = send(bearer).await;
        assert_eq!(status, 401, "{answer}");
        assert_eq!(answer["error"]["code"], "unauthorized");
    }
    assert_eq!(calls(&sandbox, "add_ssl_order").await, 0);
    // Alice orders and reads her order; Bob cannot read it.
    let (status, placed) = send(Some(token(secret, "alice", 600))).await;
    assert_eq!(status, 201, "{placed}\n{}", server.said());
    let id = placed["order_id"].as_str().expect("an ID");
    let read = |sub: &'static str| {
        let url = format!("{}api/orders/{id}", server.url);
        let bearer = token(secret, sub, 600);
        async move {
            client()
                .get(url)
                .header("authorization", format!("Bearer {bearer}"))
                .send()
                .await
                .expect("an answer")
                .status()
                .as_u16()
        }
    };
    assert_eq!(read("alice").await, 200);
    assert_eq!(
        read("bob").await,
        404,
        "another customer's order is not found"
    );
}
