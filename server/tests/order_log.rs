//! The order log against both databases: a temporary SQLite file per test, and one
//! throwaway PostgreSQL cluster running every scenario, each in a database of its own.

mod common;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use common::postgres::TempCluster;
use ssl_order_server::order_log::{
    AuditEntry, LogError, LogSettings, NewOrder, OrderId, OrderLog, OrderRecord, Outcome,
    Reservation, State, StoredAnswer,
};
use tokio::sync::Barrier;

/// A generic-format body holding a CSR, as the browser sends it.
fn body(domain: &str) -> String {
    serde_json::json!({
        "product_id": "ov-single",
        "domain": domain,
        "csr": common::CSR_WWW_EXAMPLE_COM,
    })
    .to_string()
}

fn new_order<'a>(customer: &'a str, key: &'a str, body: &'a str, now_ms: i64) -> NewOrder<'a> {
    NewOrder {
        customer,
        key,
        body,
        api: "huawei",
        product_id: "ov-single",
        price_cents: Some(1000),
        now_ms,
    }
}

fn answer(text: &str) -> StoredAnswer {
    StoredAnswer {
        status: 201,
        body: format!("{{\"order_id\":\"{text}\",\"status\":\"processing\",\"instructions\":[]}}"),
    }
}

async fn fresh(log: &OrderLog, order: NewOrder<'_>) -> OrderId {
    match log.reserve(order).await.unwrap() {
        Reservation::Fresh(id) => id,
        other => panic!("expected Fresh, got {other:?}"),
    }
}

async fn record(log: &OrderLog, customer: &str, id: &OrderId) -> OrderRecord {
    log.find(customer, id)
        .await
        .unwrap()
        .expect("the order is in the log")
}

async fn fresh_replay_in_progress_key_reused(log: OrderLog) {
    let first = body("www.example.com");
    let other = body("shop.example.com");
    let id = fresh(&log, new_order("alice", "key-1", &first, 1_000)).await;
    assert_eq!(
        log.reserve(new_order("alice", "key-1", &first, 1_001))
            .await
            .unwrap(),
        Reservation::InProgress
    );
    assert_eq!(
        log.reserve(new_order("alice", "key-1", &other, 1_002))
            .await
            .unwrap(),
        Reservation::KeyReused
    );
    log.sending(&id, 1_003).await.unwrap();
    let stored = answer(id.as_str());
    log.finish(
        &id,
        Outcome::Placed,
        &stored,
        Some("CS123"),
        Some("scs-1"),
        1_004,
    )
    .await
    .unwrap();
    match log
        .reserve(new_order("alice", "key-1", &first, 1_005))
        .await
        .unwrap()
    {
        Reservation::Replay(record) => {
            assert_eq!(record.id, id);
            assert_eq!(record.answer, Some(stored));
            assert_eq!(record.state, State::Placed);
            assert_eq!(record.body, first);
            assert_eq!((record.created_ms, record.updated_ms), (1_000, 1_004));
        }
        other => panic!("expected Replay, got {other:?}"),
    }
    assert_eq!(
        log.reserve(new_order("alice", "key-1", &other, 1_006))
            .await
            .unwrap(),
        Reservation::KeyReused
    );
}

async fn keys_are_per_customer(log: OrderLog) {
    let text = body("www.example.com");
    let alice = fresh(&log, new_order("alice", "shared-key", &text, 1)).await;
    let bob = fresh(&log, new_order("bob", "shared-key", &text, 2)).await;
    assert_ne!(alice, bob);
    assert_eq!(record(&log, "alice", &alice).await.customer, "alice");
    assert_eq!(record(&log, "bob", &bob).await.customer, "bob");
}

async fn another_customer_cannot_find(log: OrderLog) {
    let text = body("www.example.com");
    let id = fresh(&log, new_order("alice", "k", &text, 1)).await;
    assert_eq!(log.find("bob", &id).await.unwrap(), None);
    assert_eq!(log.find("alice", &OrderId::random()).await.unwrap(), None);
    let found = record(&log, "alice", &id).await;
    assert_eq!((found.key.as_str(), found.state), ("k", State::Reserved));
    assert_eq!(found.answer, None);
}

/// 50 reservations of one key at once, through two pools as two servers would hold.
async fn concurrent_reserves_give_one_fresh(settings: &LogSettings) {
    let servers = [
        OrderLog::open(settings).await.unwrap(),
        OrderLog::open(settings).await.unwrap(),
    ];
    let text = Arc::new(body("www.example.com"));
    let start = Arc::new(Barrier::new(50));
    let tasks: Vec<_> = (0..50)
        .map(|i| {
            let log = servers[usize::try_from(i % 2).unwrap()].clone();
            let (text, start) = (text.clone(), start.clone());
            tokio::spawn(async move {
                start.wait().await;
                let got = log
                    .reserve(new_order("alice", "same-key", &text, 10 + i))
                    .await
                    .unwrap();
                // The winner finishes at once, so that later duplicates may be replays.
                if let Reservation::Fresh(id) = &got {
                    log.sending(id, 100).await.unwrap();
                    log.finish(id, Outcome::Placed, &answer("x"), None, None, 101)
                        .await
                        .unwrap();
                }
                got
            })
        })
        .collect();
    let mut fresh = 0;
    for task in tasks {
        match task.await.unwrap() {
            Reservation::Fresh(_) => fresh += 1,
            Reservation::InProgress | Reservation::Replay(_) => {}
            Reservation::KeyReused => panic!("the same body was taken for another"),
        }
    }
    assert_eq!(fresh, 1);
}

async fn the_state_walk(log: OrderLog) {
    let text = body("www.example.com");
    let id = fresh(&log, new_order("alice", "walk", &text, 1)).await;
    assert_eq!(record(&log, "alice", &id).await.state, State::Reserved);
    // Bought before sending is a saga bug, said as such.
    let early = log.bought(&id, "scs-1", 2).await.unwrap_err();
    assert!(
        matches!(
            early,
            LogError::Transition {
                found: Some(State::Reserved),
                ..
            }
        ),
        "{early:?}"
    );
    log.sending(&id, 2).await.unwrap();
    assert_eq!(record(&log, "alice", &id).await.state, State::Sending);
    log.bought(&id, "scs-1", 3).await.unwrap();
    let bought = record(&log, "alice", &id).await;
    assert_eq!(
        (bought.state, bought.cert_id.as_deref()),
        (State::Bought, Some("scs-1"))
    );
    assert_eq!(bought.updated_ms, 3);
    let stored = answer("walk");
    log.finish(&id, Outcome::Placed, &stored, Some("order-9"), None, 4)
        .await
        .unwrap();
    let placed = record(&log, "alice", &id).await;
    assert_eq!(placed.state, State::Placed);
    // The certificate id recorded at the buy stays when the finish brings none.
    assert_eq!(placed.cert_id.as_deref(), Some("scs-1"));
    assert_eq!(placed.provider_order_id.as_deref(), Some("order-9"));
    assert_eq!(placed.answer.as_ref(), Some(&stored));
    // A finished order keeps its first answer.
    let again = log
        .finish(&id, Outcome::Refused, &answer("other"), None, None, 5)
        .await
        .unwrap_err();
    assert!(
        matches!(
            again,
            LogError::Transition {
                found: Some(State::Placed),
                ..
            }
        ),
        "{again:?}"
    );
    assert!(again.to_string().contains("it is placed"), "{again}");
    assert!(log.sending(&id, 6).await.is_err());
    assert_eq!(record(&log, "alice", &id).await.answer, Some(stored));
    // Unknown and Refused are finishes too.
    let lost = fresh(&log, new_order("alice", "lost", &text, 7)).await;
    log.sending(&lost, 8).await.unwrap();
    log.finish(&lost, Outcome::Unknown, &answer("lost"), None, None, 9)
        .await
        .unwrap();
    assert_eq!(record(&log, "alice", &lost).await.state, State::Unknown);
}

async fn forget_unsent_frees_the_key(log: OrderLog) {
    let first = body("www.example.com");
    let corrected = body("www.example.org");
    let id = fresh(&log, new_order("alice", "fix-me", &first, 1)).await;
    log.forget_unsent(&id).await.unwrap();
    assert_eq!(log.find("alice", &id).await.unwrap(), None);
    // Forgetting twice is fine: the row is already gone.
    log.forget_unsent(&id).await.unwrap();
    // The corrected order under the same key is a fresh one, not KeyReused.
    let second = fresh(&log, new_order("alice", "fix-me", &corrected, 2)).await;
    log.sending(&second, 3).await.unwrap();
    // Once sending, never deleted.
    let refused = log.forget_unsent(&second).await.unwrap_err();
    assert!(
        matches!(
            refused,
            LogError::Transition {
                found: Some(State::Sending),
                ..
            }
        ),
        "{refused:?}"
    );
    assert_eq!(record(&log, "alice", &second).await.state, State::Sending);
}

async fn orphans_and_a_raced_claim(log: OrderLog) {
    let text = body("www.example.com");
    let reserved = fresh(&log, new_order("alice", "o1", &text, 100)).await;
    let sending = fresh(&log, new_order("alice", "o2", &text, 100)).await;
    log.sending(&sending, 110).await.unwrap();
    let bought = fresh(&log, new_order("bob", "o3", &text, 100)).await;
    log.sending(&bought, 110).await.unwrap();
    log.bought(&bought, "scs-7", 120).await.unwrap();
    let placed = fresh(&log, new_order("alice", "o4", &text, 100)).await;
    log.sending(&placed, 110).await.unwrap();
    log.finish(&placed, Outcome::Placed, &answer("p"), None, None, 120)
        .await
        .unwrap();
    let recent = fresh(&log, new_order("alice", "o5", &text, 950)).await;

    // At 1000 with 500 stale: the three unfinished rows untouched since 120 or before.
    let orphans = log.orphans(1_000, 500).await.unwrap();
    let ids: HashSet<_> = orphans.iter().map(|o| o.id.clone()).collect();
    assert_eq!(ids, HashSet::from([reserved, sending, bought.clone()]));
    assert!(!ids.contains(&recent) && !ids.contains(&placed));
    let bought_orphan = orphans.iter().find(|o| o.id == bought).unwrap();
    assert_eq!(bought_orphan.cert_id.as_deref(), Some("scs-7"));

    // Two servers race for each orphan: one wins each.
    for orphan in orphans {
        let start = Arc::new(Barrier::new(2));
        let racers: Vec<_> = (0..2)
            .map(|i| {
                let (log, orphan, start) = (log.clone(), orphan.clone(), start.clone());
                tokio::spawn(async move {
                    start.wait().await;
                    log.claim(&orphan, 1_000 + i).await.unwrap()
                })
            })
            .collect();
        let mut won = 0;
        for racer in racers {
            if racer.await.unwrap() {
                won += 1;
            }
        }
        assert_eq!(won, 1, "{:?}", orphan.id);
        // Claimed: no longer stale, and a claim from the old record fails.
        assert!(!log.claim(&orphan, 2_000).await.unwrap());
    }
    assert_eq!(log.orphans(1_001, 500).await.unwrap(), Vec::new());
}

async fn spent_cents_counts_what_may_be_paid(log: OrderLog) {
    let text = body("www.example.com");
    let priced = |key: &'static str, cents: Option<u64>| NewOrder {
        price_cents: cents,
        ..new_order("alice", key, "", 1)
    };
    let with = |key: &'static str, cents| NewOrder {
        body: &text,
        ..priced(key, cents)
    };
    let placed = fresh(&log, with("placed", Some(1_000))).await;
    log.sending(&placed, 2).await.unwrap();
    log.finish(&placed, Outcome::Placed, &answer("a"), None, None, 3)
        .await
        .unwrap();
    let bought = fresh(&log, with("bought", Some(2_000))).await;
    log.sending(&bought, 2).await.unwrap();
    log.bought(&bought, "scs", 3).await.unwrap();
    let unknown = fresh(&log, with("unknown", Some(400))).await;
    log.sending(&unknown, 2).await.unwrap();
    log.finish(&unknown, Outcome::Unknown, &answer("u"), None, None, 3)
        .await
        .unwrap();
    fresh(&log, with("reserved", Some(300))).await;
    let sending = fresh(&log, with("sending", Some(50))).await;
    log.sending(&sending, 2).await.unwrap();
    fresh(&log, with("free", None)).await;
    let refused = fresh(&log, with("refused", Some(7_000))).await;
    log.sending(&refused, 2).await.unwrap();
    log.finish(&refused, Outcome::Refused, &answer("r"), None, None, 3)
        .await
        .unwrap();
    let forgotten = fresh(&log, with("forgotten", Some(9_000))).await;
    log.forget_unsent(&forgotten).await.unwrap();
    fresh(
        &log,
        NewOrder {
            customer: "bob",
            ..with("bobs", Some(100_000))
        },
    )
    .await;
    assert_eq!(
        log.spent_cents("alice").await.unwrap(),
        1_000 + 2_000 + 400 + 300 + 50
    );
    assert_eq!(log.spent_cents("bob").await.unwrap(), 100_000);
    assert_eq!(log.spent_cents("carol").await.unwrap(), 0);
    let too_much = log
        .reserve(NewOrder {
            body: &text,
            ..priced("huge", Some(u64::MAX))
        })
        .await
        .unwrap_err();
    assert!(
        matches!(too_much, LogError::PriceTooLarge { .. }),
        "{too_much:?}"
    );
}

async fn audit_rows_carry_no_body(log: OrderLog) {
    let text = body("www.example.com");
    let id = fresh(&log, new_order("alice", "audited", &text, 1)).await;
    let other = fresh(&log, new_order("alice", "elsewhere", &text, 1)).await;
    let entry = |order: &OrderId, action: &str, outcome: String, at_ms| AuditEntry {
        order: Some(order.clone()),
        customer: "alice".into(),
        action: action.into(),
        outcome,
        provider_ids: None,
        http_status: None,
        elapsed_ms: 0,
        at_ms,
    };
    log.audit(&entry(&id, "reserve", "fresh".into(), 1))
        .await
        .unwrap();
    log.audit(&AuditEntry {
        provider_ids: Some("order_id=77 cert=scs-1".into()),
        http_status: Some(200),
        elapsed_ms: 35,
        ..entry(&id, "buy", "placed".into(), 2)
    })
    .await
    .unwrap();
    // What a careless caller might pass: an HTTP client's error naming the URL with its
    // auth_key, and the CSR out of the body.
    log.audit(&entry(
        &id,
        "order",
        format!(
            "error sending request for url (https://sandbox.example/api/orders/?auth_key=AUTHKEY123): {}",
            common::CSR_WWW_EXAMPLE_COM
        ),
        3,
    ))
    .await
    .unwrap();
    log.audit(&entry(&other, "reserve", "fresh".into(), 4))
        .await
        .unwrap();

    let trail = log.audit_of(&id).await.unwrap();
    let actions: Vec<_> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["reserve", "buy", "order"]);
    assert_eq!(
        trail[1].provider_ids.as_deref(),
        Some("order_id=77 cert=scs-1")
    );
    assert_eq!((trail[1].http_status, trail[1].elapsed_ms), (Some(200), 35));
    assert_eq!(trail[0].order.as_ref(), Some(&id));
    let csr_line = common::CSR_WWW_EXAMPLE_COM.lines().nth(1).unwrap();
    for row in &trail {
        let shown = format!("{row:?}");
        assert!(!shown.contains("AUTHKEY123"), "{shown}");
        assert!(!shown.contains(csr_line), "{shown}");
        assert!(!shown.contains("BEGIN CERTIFICATE REQUEST"), "{shown}");
        assert!(!shown.contains(&text), "{shown}");
    }
    assert!(trail[2].outcome.starts_with(
        "error sending request for url (https://sandbox.example/api/orders/?[redacted]): [redacted]"
    ));
}

async fn readiness_answers(log: OrderLog) {
    log.ready().await.unwrap();
    let shown = format!("{log:?}");
    assert!(
        shown == r#"OrderLog { database: "sqlite" }"#
            || shown == r#"OrderLog { database: "postgres" }"#,
        "{shown}"
    );
}

/// Migrations run twice are a no-op, and what was logged is still there.
async fn reopening_keeps_the_log(settings: &LogSettings) {
    let text = body("www.example.com");
    let id = {
        let log = OrderLog::open(settings).await.unwrap();
        let id = fresh(&log, new_order("alice", "kept", &text, 1)).await;
        log.sending(&id, 2).await.unwrap();
        id
    };
    let log = OrderLog::open(settings).await.unwrap();
    assert_eq!(record(&log, "alice", &id).await.state, State::Sending);
    assert_eq!(
        log.reserve(new_order("alice", "kept", &text, 3))
            .await
            .unwrap(),
        Reservation::InProgress
    );
}

/// Every scenario on each database: `logs` take a log opened on a fresh database,
/// `settings` open it themselves.
macro_rules! scenarios {
    (logs: [$($name:ident),* $(,)?], settings: [$($opens:ident),* $(,)?] $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    let file = super::TempSqlite::new(stringify!($name));
                    let log = super::OrderLog::open(&file.settings()).await.unwrap();
                    super::$name(log).await;
                }
            )*
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $opens() {
                    let file = super::TempSqlite::new(stringify!($opens));
                    super::$opens(&file.settings()).await;
                }
            )*
        }

        /// One cluster for all (starting one takes seconds), a database per scenario.
        #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
        async fn postgres_every_scenario() {
            let cluster = TempCluster::start();
            let settings_of = |name: &str| LogSettings {
                url: cluster.create_database(name),
                max_connections: 16,
            };
            $(
                $name(OrderLog::open(&settings_of(stringify!($name))).await.unwrap()).await;
            )*
            $(
                $opens(&settings_of(stringify!($opens))).await;
            )*
            // Trust authentication ignores the password: it is there to be kept out of sight.
            let settings = LogSettings {
                url: cluster.url().replacen("postgres@", "postgres:pw-not-shown@", 1),
                max_connections: 16,
            };
            readiness_follows_the_database(&cluster, &settings).await;
            let dir = cluster.dir().to_path_buf();
            drop(cluster);
            assert!(!dir.exists(), "{} is left behind", dir.display());
        }
    };
}

scenarios!(
    logs: [
        fresh_replay_in_progress_key_reused,
        keys_are_per_customer,
        another_customer_cannot_find,
        the_state_walk,
        forget_unsent_frees_the_key,
        orphans_and_a_raced_claim,
        spent_cents_counts_what_may_be_paid,
        audit_rows_carry_no_body,
        readiness_answers,
    ],
    settings: [concurrent_reserves_give_one_fresh, reopening_keeps_the_log],
);

/// A stopped database makes readiness fail as "unreachable"; once back, the same pool works.
async fn readiness_follows_the_database(cluster: &TempCluster, settings: &LogSettings) {
    let log = OrderLog::open(settings).await.unwrap();
    log.ready().await.unwrap();
    assert!(!format!("{log:?} {settings:?}").contains("pw-not-shown"));
    cluster.stop();
    let down = log.ready().await.unwrap_err();
    assert!(down.is_unreachable(), "{down:?}");
    let refused = OrderLog::open(settings).await.unwrap_err();
    assert!(refused.is_unreachable(), "{refused:?}");
    for shown in [
        down.to_string(),
        format!("{down:?}"),
        refused.to_string(),
        format!("{refused:?}"),
    ] {
        assert!(!shown.contains("pw-not-shown"), "{shown}");
    }
    assert!(
        refused
            .to_string()
            .contains("postgres:[redacted]@localhost"),
        "{refused}"
    );
    cluster.start_again();
    log.ready().await.unwrap();
    let text = body("www.example.com");
    let id = fresh(&log, new_order("alice", "after-restart", &text, 1)).await;
    // A crash and restart under an open pool: its dead connections are replaced, and what
    // was committed is still there.
    cluster.restart();
    log.ready().await.unwrap();
    assert_eq!(record(&log, "alice", &id).await.state, State::Reserved);
}

#[tokio::test]
async fn sqlite_is_in_wal_mode() {
    use sqlx::Connection;
    let file = TempSqlite::new("wal");
    OrderLog::open(&file.settings()).await.unwrap();
    let mut connection = sqlx::SqliteConnection::connect(&file.url()).await.unwrap();
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut connection)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
}

#[tokio::test]
async fn a_missing_sqlite_file_is_created() {
    let file = TempSqlite::new("created");
    assert!(!file.path.exists());
    OrderLog::open(&file.settings()).await.unwrap();
    assert!(file.path.is_file());
}

/// An SQLite file in a directory of its own, removed afterwards.
struct TempSqlite {
    dir: PathBuf,
    path: PathBuf,
}

impl TempSqlite {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "ssl-order-log-{name}-{}-{}",
            std::process::id(),
            OrderId::random()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("orders.db");
        TempSqlite { dir, path }
    }

    fn url(&self) -> String {
        format!("sqlite://{}", self.path.display())
    }

    fn settings(&self) -> LogSettings {
        LogSettings {
            url: self.url(),
            max_connections: 16,
        }
    }
}

impl Drop for TempSqlite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
