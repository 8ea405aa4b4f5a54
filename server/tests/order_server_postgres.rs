//! The order server on a real PostgreSQL, started by the test (initdb/pg_ctl): two server
//! processes on one database share the order log, so a key sent to both places one order;
//! and a database restarted in the middle of a run loses nothing and buys nothing twice.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use common::orders::{dv_order, new_key, public_dir};
use common::postgres::TempCluster;
use common::process::{until, Server};
use serde_json::Value;
use tokio::sync::Semaphore;

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .pool_max_idle_per_host(64)
        .build()
        .expect("a client")
}

/// Settings for an order server on `database`, with the sandbox process at `sandbox` as its
/// GoGetSSL, one demo customer and limits wide enough for a load test.
fn settings(dir: &std::path::Path, sandbox: &Server, database: &str) -> std::path::PathBuf {
    settings_with(dir, sandbox, database, "")
}

/// The same, with `top` lines added at the top level (e.g. `stale_after_seconds`).
fn settings_with(
    dir: &std::path::Path,
    sandbox: &Server,
    database: &str,
    top: &str,
) -> std::path::PathBuf {
    let password = dir.join("gogetssl-password");
    std::fs::write(&password, "sandbox-password-not-a-secret").expect("the password");
    let path = dir.join("settings.toml");
    std::fs::write(
        &path,
        format!(
            "catalogue = {catalogue:?}\n{top}\
             [database]\nurl = {database:?}\nmax_connections = 8\n\
             [customers]\nmode = \"demo\"\n\
             [limits]\norders_per_minute_per_customer = 100000\nrequests_per_minute_per_ip = 100000\n\
             [upstream]\napi = \"gogetssl\"\nbase_url = \"{sandbox}sandbox/gogetssl\"\n\
             [upstream.gogetssl]\nuser = \"sandbox-reseller\"\npassword_file = {password:?}\n",
            catalogue = public_dir().join("catalog/gogetssl.json"),
            sandbox = sandbox.url,
        ),
    )
    .expect("settings");
    path
}

fn start(settings: &std::path::Path) -> Server {
    let dist = public_dir();
    Server::start(
        &[
            "--addr",
            "127.0.0.1:0",
            "--dist",
            dist.to_str().expect("UTF-8"),
            "--settings",
            settings.to_str().expect("UTF-8"),
        ],
        &[],
    )
}

async fn placed_upstream(sandbox: &Server) -> usize {
    let log: Vec<Value> = client()
        .get(format!("{}sandbox/_log", sandbox.url))
        .send()
        .await
        .expect("the log")
        .json()
        .await
        .expect("JSON");
    log.iter()
        .filter(|e| {
            e["path"]
                .as_str()
                .is_some_and(|p| p.contains("add_ssl_order"))
        })
        .count()
}

/// Posts until the answer is not "still in progress" (bounded): the answer a customer ends with.
async fn order(url: String, key: String, body: Arc<String>) -> (u16, String) {
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let response = client()
            .post(format!("{url}api/orders"))
            .header("content-type", "application/json")
            .header("idempotency-key", &key)
            .body(body.as_str().to_owned())
            .send()
            .await;
        if let Ok(response) = response {
            let status = response.status().as_u16();
            let text = response.text().await.unwrap_or_default();
            if status != 409 && status != 503 {
                return (status, text);
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{key}: never answered"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_on_one_database_place_each_key_once() {
    let cluster = TempCluster::start();
    let dir = cluster.dir().to_path_buf();
    let dist = public_dir();
    let sandbox = Server::start(
        &[
            "--addr",
            "127.0.0.1:0",
            "--sandbox",
            "--dist",
            dist.to_str().expect("UTF-8"),
        ],
        &[],
    );
    let settings = settings(&dir, &sandbox, &cluster.url());
    let servers = [start(&settings), start(&settings)];
    let body = Arc::new(dv_order("gogetssl"));
    // 300 orders; 100 of them sent twice, once to each server, at the same time.
    let keys: Vec<String> = (0..300).map(|_| new_key()).collect();
    let mut sends: Vec<(usize, String)> = keys
        .iter()
        .enumerate()
        .map(|(i, key)| (i % 2, key.clone()))
        .collect();
    sends.extend(
        keys[..100]
            .iter()
            .enumerate()
            .map(|(i, key)| ((i + 1) % 2, key.clone())),
    );
    let gate = Arc::new(Semaphore::new(64));
    let tasks: Vec<_> = sends
        .into_iter()
        .map(|(server, key)| {
            let url = servers[server].url.clone();
            let (gate, body) = (gate.clone(), body.clone());
            tokio::spawn(async move {
                let _turn = gate.acquire_owned().await.expect("the gate");
                let answer = order(url, key.clone(), body).await;
                (key, answer)
            })
        })
        .collect();
    let mut answers: BTreeMap<String, Vec<(u16, String)>> = BTreeMap::new();
    for task in tasks {
        let (key, answer) = task.await.expect("a task");
        answers.entry(key).or_default().push(answer);
    }
    assert_eq!(answers.len(), 300);
    for (key, got) in &answers {
        for (status, body) in got {
            assert!(
                [200, 201].contains(status),
                "{key}: {status} {body}\nA: {}\nB: {}",
                servers[0].said(),
                servers[1].said()
            );
        }
        let bodies: Vec<Value> = got
            .iter()
            .map(|(_, b)| serde_json::from_str(b).expect("JSON"))
            .collect();
        assert!(bodies.windows(2).all(|w| w[0] == w[1]), "{key}: {bodies:?}");
    }
    assert_eq!(
        placed_upstream(&sandbox).await,
        300,
        "one upstream order per key"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_restarted_mid_run_loses_nothing_and_buys_nothing_twice() {
    let cluster = TempCluster::start();
    let dir = cluster.dir().to_path_buf();
    let dist = public_dir();
    let sandbox = Server::start(
        &[
            "--addr",
            "127.0.0.1:0",
            "--sandbox",
            "--dist",
            dist.to_str().expect("UTF-8"),
        ],
        &[],
    );
    // A key whose row is left behind by the outage is freed (or found unknown) quickly.
    let settings = settings_with(
        &dir,
        &sandbox,
        &cluster.url(),
        "stale_after_seconds = 2\nresume_every_seconds = 1\n",
    );
    let server = start(&settings);
    let body = Arc::new(dv_order("gogetssl"));
    let keys: Vec<String> = (0..40).map(|_| new_key()).collect();
    // Half the orders before the restart, the rest while and after it goes down and up.
    let mut answers = Vec::new();
    for key in &keys[..20] {
        answers.push(order(server.url.clone(), key.clone(), body.clone()).await);
    }
    let later: Vec<_> = keys[20..]
        .iter()
        .map(|key| tokio::spawn(order(server.url.clone(), key.clone(), body.clone())))
        .collect();
    cluster.restart();
    for task in later {
        answers.push(task.await.expect("a task"));
    }
    let server_ref = &server;
    until(Duration::from_secs(30), "ready again", || async move {
        client()
            .get(format!("{}readyz", server_ref.url))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
    })
    .await;
    // Every customer was told: placed, or (answer lost) unknown; each asks again and hears the same.
    for ((status, first), key) in answers.iter().zip(&keys) {
        assert!([200, 201, 202].contains(status), "{key}: {status} {first}");
        let (again_status, again) = order(server.url.clone(), key.clone(), body.clone()).await;
        assert!([200, 202].contains(&again_status), "{key}: {again}");
        let first: Value = serde_json::from_str(first).expect("JSON");
        let again: Value = serde_json::from_str(&again).expect("JSON");
        assert_eq!(first["order_id"], again["order_id"], "{key}");
    }
    assert_eq!(
        placed_upstream(&sandbox).await,
        keys.len(),
        "each order placed once, none twice"
    );
}
