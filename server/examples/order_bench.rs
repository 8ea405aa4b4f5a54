//! The order server's figures, printed side by side in one run (scripts/bench.sh runs it):
//! orders per second and p50/p99 latency through the order server with SQLite and with
//! PostgreSQL, at 1, 16 and 64 concurrent customers, beside the same orders sent straight to
//! the sandbox (the server's own overhead is the difference); and status polls from 1,000
//! simulated browsers, with how many reached the provider.
//!
//! `cargo run --release -p ssl-order-server --example order_bench -- [ORDERS_PER_RUN]`
//! (the release server binary must be built; PostgreSQL's initdb/pg_ctl must be installed).

// The tests' throwaway cluster; the benchmark uses only part of it.
#[allow(dead_code)]
#[path = "../tests/common/postgres.rs"]
mod postgres;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ssl_order_core::order::{validate_with, Catalogue, ContactDraft, OrderDraft, Rules};
use ssl_order_core::providers::generic::order_json;
use ssl_order_core::providers::requests::{requests_for, take, Purpose, SendOptions};
use ssl_order_core::providers::{Api, Endpoint, Method};
use tokio::sync::Semaphore;

struct Process {
    child: Child,
    url: String,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(binary: &Path, args: &[&str]) -> Process {
    let mut child = Command::new(binary)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the server binary starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("the first line");
    let addr = line
        .strip_prefix("listening on http://")
        .and_then(|rest| rest.split(['/', ' ']).next())
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    std::thread::spawn(move || {
        let mut sink = String::new();
        while stdout.read_line(&mut sink).map(|n| n > 0).unwrap_or(false) {
            sink.clear();
        }
    });
    Process {
        child,
        url: format!("http://{addr}/"),
    }
}

fn order_body(public: &Path) -> (String, ssl_order_core::order::ValidatedOrder) {
    let text = std::fs::read_to_string(public.join("catalog/gogetssl.json")).expect("catalogue");
    let catalogue = Catalogue::from_json(&text).expect("a catalogue");
    let person = ContactDraft {
        name: "Ada Lovelace".into(),
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        title: "Engineer".into(),
        phone: "+44 20 7946 0000".into(),
        fax: String::new(),
        email: "ada@example.com".into(),
    };
    let draft = OrderDraft {
        product_id: "positivessl".into(),
        domain: "www.example.com".into(),
        csr: std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/www.example.com.csr"),
        )
        .expect("the CSR"),
        csr_source: "paste".into(),
        method: "dns".into(),
        applicant: person,
        agree_privacy: true,
        ..OrderDraft::default()
    };
    let rules = Rules {
        provider_api: false,
        ..Rules::basic((2026, 12, 4))
    };
    let order = validate_with(&draft, &catalogue, &rules).expect("a valid order");
    (order_json(&order), order)
}

/// Latencies of `total` requests made by `concurrency` workers; answers (per second, p50, p99).
async fn load<F, Fut>(total: usize, concurrency: usize, make: F) -> (f64, Duration, Duration)
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let make = Arc::new(make);
    let gate = Arc::new(Semaphore::new(concurrency));
    let started = Instant::now();
    let tasks: Vec<_> = (0..total)
        .map(|i| {
            let (make, gate) = (make.clone(), gate.clone());
            tokio::spawn(async move {
                let _turn = gate.acquire_owned().await.expect("the gate");
                let at = Instant::now();
                let ok = make(i).await;
                (ok, at.elapsed())
            })
        })
        .collect();
    let mut times = Vec::with_capacity(total);
    for task in tasks {
        let (ok, took) = task.await.expect("a task");
        assert!(ok, "a request failed during the benchmark");
        times.push(took);
    }
    let elapsed = started.elapsed();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    (total as f64 / elapsed.as_secs_f64(), at(0.50), at(0.99))
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn settings(dir: &Path, public: &Path, sandbox: &str, database: &str) -> PathBuf {
    let password = dir.join("gogetssl-password");
    std::fs::write(&password, "sandbox-password-not-a-secret").expect("the password");
    let path = dir.join(format!("settings-{}.toml", uuid::Uuid::new_v4()));
    std::fs::write(
        &path,
        format!(
            "catalogue = {catalogue:?}\n\
             [database]\nurl = {database:?}\nmax_connections = 16\n\
             [customers]\nmode = \"demo\"\n\
             [limits]\norders_per_minute_per_customer = 10000000\nrequests_per_minute_per_ip = 10000000\n\
             [upstream]\napi = \"gogetssl\"\nbase_url = \"{sandbox}sandbox/gogetssl\"\n\
             [upstream.gogetssl]\nuser = \"sandbox-reseller\"\npassword_file = {password:?}\n",
            catalogue = public.join("catalog/gogetssl.json"),
        ),
    )
    .expect("settings");
    path
}

#[tokio::main]
async fn main() {
    let per_run: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(400);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let binary = root.join("target/release/ssl-order-server");
    let public = root.join("public");
    let public_arg = public.to_str().expect("UTF-8").to_string();
    let dir = std::env::temp_dir().join(format!("ssl-order-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");

    let sandbox = start(
        &binary,
        &["--addr", "127.0.0.1:0", "--sandbox", "--dist", &public_arg],
    );
    let cluster = postgres::TempCluster::start();
    let sqlite = format!("sqlite://{}", dir.join("bench.db").display());
    let with_sqlite = start(
        &binary,
        &[
            "--addr",
            "127.0.0.1:0",
            "--dist",
            &public_arg,
            "--settings",
            settings(&dir, &public, &sandbox.url, &sqlite)
                .to_str()
                .expect("UTF-8"),
        ],
    );
    let with_postgres = start(
        &binary,
        &[
            "--addr",
            "127.0.0.1:0",
            "--dist",
            &public_arg,
            "--settings",
            settings(&dir, &public, &sandbox.url, &cluster.url())
                .to_str()
                .expect("UTF-8"),
        ],
    );
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(128)
        .build()
        .expect("a client");
    let (body, order) = order_body(&public);
    let body = Arc::new(body);
    // The same order as the server sends it, straight to the sandbox with a key of its own.
    let direct = take(
        requests_for(
            Api::GoGetSsl,
            &order,
            &Endpoint {
                base_url: format!("{}sandbox/gogetssl/", sandbox.url),
                token: Some("bench-direct-key-0123456789".into()),
            },
            &SendOptions::default(),
            None,
            None,
        )
        .expect("a request"),
        Purpose::Order,
    )
    .expect("the order request");
    assert!(matches!(direct.method, Method::Post));
    let direct = Arc::new(direct);

    println!("Order server: {per_run} orders per run (GoGetSSL sandbox as the provider)");
    println!(
        "{:<12} {:>10} {:>10} {:>10}   {:>10} {:>10} {:>10}   {:>10} {:>10} {:>10}   {:>14}",
        "concurrent",
        "direct/s",
        "p50 ms",
        "p99 ms",
        "sqlite/s",
        "p50 ms",
        "p99 ms",
        "postgres/s",
        "p50 ms",
        "p99 ms",
        "p99 overhead ms"
    );
    for concurrency in [1usize, 16, 64] {
        let total = if concurrency == 1 {
            per_run / 4
        } else {
            per_run
        };
        let c = client.clone();
        let d = direct.clone();
        let (direct_rate, direct_p50, direct_p99) = load(total, concurrency, move |_| {
            let (c, d) = (c.clone(), d.clone());
            async move {
                let mut request = c.post(&d.url);
                for header in &d.headers {
                    request = request.header(header.name, &header.value);
                }
                request
                    .body(d.body.clone().unwrap_or_default())
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success())
            }
        })
        .await;
        let mut row = Vec::new();
        for server in [&with_sqlite, &with_postgres] {
            let (c, url, body) = (client.clone(), server.url.clone(), body.clone());
            row.push(
                load(total, concurrency, move |_| {
                    let (c, url, body) = (c.clone(), url.clone(), body.clone());
                    async move {
                        c.post(format!("{url}api/orders"))
                            .header("content-type", "application/json")
                            .header("idempotency-key", uuid::Uuid::new_v4().to_string())
                            .body(body.as_str().to_owned())
                            .send()
                            .await
                            .is_ok_and(|r| r.status().as_u16() == 201)
                    }
                })
                .await,
            );
        }
        let overhead = row[0].2.max(row[1].2).saturating_sub(direct_p99);
        println!(
            "{:<12} {:>10.0} {:>10} {:>10}   {:>10.0} {:>10} {:>10}   {:>10.0} {:>10} {:>10}   {:>14}",
            concurrency,
            direct_rate,
            ms(direct_p50),
            ms(direct_p99),
            row[0].0,
            ms(row[0].1),
            ms(row[0].2),
            row[1].0,
            ms(row[1].1),
            ms(row[1].2),
            ms(overhead)
        );
    }

    // 1,000 browsers polling the status of 10 orders, 5 polls each.
    let mut ids = Vec::new();
    for _ in 0..10 {
        let answer: serde_json::Value = client
            .post(format!("{}api/orders", with_sqlite.url))
            .header("content-type", "application/json")
            .header("idempotency-key", uuid::Uuid::new_v4().to_string())
            .body(body.as_str().to_owned())
            .send()
            .await
            .expect("an order")
            .json()
            .await
            .expect("JSON");
        ids.push(answer["order_id"].as_str().expect("an ID").to_string());
    }
    let before = provider_polls(&client, &with_sqlite.url).await;
    let ids = Arc::new(ids);
    let (c, url) = (client.clone(), with_sqlite.url.clone());
    let (rate, p50, p99) = load(5000, 1000, move |i| {
        let (c, url, ids) = (c.clone(), url.clone(), ids.clone());
        async move {
            c.get(format!("{url}api/orders/{}", ids[i % ids.len()]))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
        }
    })
    .await;
    let reached = provider_polls(&client, &with_sqlite.url).await - before;
    println!(
        "\nStatus: 5000 polls from 1000 browsers of 10 orders: {rate:.0}/s, p50 {} ms, p99 {} ms; {reached} reached the provider",
        ms(p50),
        ms(p99)
    );
    drop(with_sqlite);
    drop(with_postgres);
    drop(cluster);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The server's own count of status calls that went to the provider.
async fn provider_polls(client: &reqwest::Client, url: &str) -> u64 {
    let text = client
        .get(format!("{url}metrics"))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    text.lines()
        .find(|l| l.starts_with("ssl_order_status_polls_total{outcome=\"provider\"}"))
        .and_then(|l| l.split_whitespace().last())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}
