//! The order log: every order under its customer's `Idempotency-Key`, reserved in the
//! database before the provider is called, its state as the saga walks it, the answer a
//! replay gets again, and an audit trail. SQLite embedded (a file, WAL) or PostgreSQL for
//! several servers; the same queries for both (see `db.rs`).
//!
//! Time is passed in (`now_ms`, milliseconds since the epoch), never read here, so tests
//! move it as they like.
//!
//! Rows only move forward: `Reserved → Sending → (Bought →) Placed | Refused | Unknown`.
//! The one exception is [`OrderLog::forget_unsent`].

mod audit;
mod db;
mod error;
mod id;
mod record;
mod settings;

use sha2::{Digest, Sha256};

pub use audit::{scrub, AuditEntry};
pub use error::LogError;
pub use id::{NotAnOrderId, OrderId};
pub use record::{NewOrder, OrderRecord, Outcome, Reservation, State, StoredAnswer};
pub use settings::{redacted_url, LogSettings};

use db::{audit_columns, on_db, order_columns, Db, RawAudit, RawOrder};

/// A handle on the log; cheap to clone (the pool is shared).
#[derive(Clone)]
pub struct OrderLog {
    db: Db,
}

/// Names the database only: the pool's options are none of a log line's business.
impl std::fmt::Debug for OrderLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OrderLog")
            .field("database", &self.database())
            .finish()
    }
}

/// How often `reserve` looks again when the row it collided with was forgotten meanwhile.
const RESERVE_ATTEMPTS: usize = 4;

impl OrderLog {
    /// Connects (creating an SQLite file if missing) and runs the migrations not yet run.
    pub async fn open(settings: &LogSettings) -> Result<OrderLog, LogError> {
        Ok(OrderLog {
            db: Db::open(settings).await?,
        })
    }

    /// "sqlite" or "postgres", for start-up lines and metrics.
    pub fn database(&self) -> &'static str {
        match self.db {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// One round trip to the database: readiness.
    pub async fn ready(&self) -> Result<(), LogError> {
        on_db!(&self.db, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))
            .map_err(failed("checking readiness"))
    }

    /// Reserves the customer's key for this order, atomically: of any number of servers and
    /// tasks reserving one key at once, exactly one gets `Fresh`. The others find the row and
    /// compare bodies (SHA-256): another body is `KeyReused`; the same body is `Replay` once
    /// finished, `InProgress` until then. Keys are per customer.
    pub async fn reserve(&self, order: NewOrder<'_>) -> Result<Reservation, LogError> {
        let hash = sha256_hex(order.body);
        let price = order
            .price_cents
            .map(|cents| i64::try_from(cents).map_err(|_| LogError::PriceTooLarge { cents }))
            .transpose()?;
        for _ in 0..RESERVE_ATTEMPTS {
            let id = OrderId::random();
            let inserted = on_db!(&self.db, pool => sqlx::query(
                "INSERT INTO orders (id, customer, idem_key, body_sha256, body, api, product_id, \
                 price_cents, state, created_ms, updated_ms) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'reserved', $9, $9) \
                 ON CONFLICT (customer, idem_key) DO NOTHING",
            )
            .bind(id.as_str())
            .bind(order.customer)
            .bind(order.key)
            .bind(&hash)
            .bind(order.body)
            .bind(order.api)
            .bind(order.product_id)
            .bind(price)
            .bind(order.now_ms)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
            .map_err(failed("reserving an idempotency key"))?;
            if inserted == 1 {
                return Ok(Reservation::Fresh(id));
            }
            let existing = on_db!(&self.db, pool => sqlx::query_as::<_, RawOrder>(concat!(
                "SELECT ", order_columns!(), " FROM orders WHERE customer = $1 AND idem_key = $2"
            ))
            .bind(order.customer)
            .bind(order.key)
            .fetch_optional(pool)
            .await)
            .map_err(failed("reading a reserved key"))?;
            // None: forgotten between the two statements; the key is free again.
            if let Some(raw) = existing {
                if raw.body_sha256 != hash {
                    return Ok(Reservation::KeyReused);
                }
                let record = record_of(raw)?;
                return Ok(if record.state.is_finished() {
                    Reservation::Replay(record)
                } else {
                    Reservation::InProgress
                });
            }
        }
        Ok(Reservation::InProgress)
    }

    /// Written just before the provider is called (`Reserved → Sending`): from here on the row
    /// is never deleted, and a lost answer makes it `Unknown`, never sent again.
    pub async fn sending(&self, id: &OrderId, now_ms: i64) -> Result<(), LogError> {
        let changed = on_db!(&self.db, pool => sqlx::query(
            "UPDATE orders SET state = 'sending', updated_ms = $1 \
             WHERE id = $2 AND state = 'reserved'",
        )
        .bind(now_ms)
        .bind(id.as_str())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
        .map_err(failed("marking an order as sending"))?;
        self.moved(id, changed, "marked as sending").await
    }

    /// Huawei's buy answered (`Sending → Bought`): the certificate id is recorded before the
    /// apply, so a server that dies in between resumes the apply and never buys again.
    pub async fn bought(&self, id: &OrderId, cert_id: &str, now_ms: i64) -> Result<(), LogError> {
        let changed = on_db!(&self.db, pool => sqlx::query(
            "UPDATE orders SET state = 'bought', cert_id = $1, updated_ms = $2 \
             WHERE id = $3 AND state = 'sending'",
        )
        .bind(cert_id)
        .bind(now_ms)
        .bind(id.as_str())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
        .map_err(failed("recording a bought certificate"))?;
        self.moved(id, changed, "marked as bought").await
    }

    /// Ends an unfinished order with its outcome and the answer replays will get. A finished
    /// order is never finished again: its stored answer stays the one first given. The ids
    /// given replace none already recorded with nothing.
    pub async fn finish(
        &self,
        id: &OrderId,
        outcome: Outcome,
        answer: &StoredAnswer,
        provider_order_id: Option<&str>,
        cert_id: Option<&str>,
        now_ms: i64,
    ) -> Result<(), LogError> {
        let changed = on_db!(&self.db, pool => sqlx::query(
            "UPDATE orders SET state = $1, answer_status = $2, answer_body = $3, \
             provider_order_id = COALESCE($4, provider_order_id), \
             cert_id = COALESCE($5, cert_id), updated_ms = $6 \
             WHERE id = $7 AND state IN ('reserved', 'sending', 'bought')",
        )
        .bind(outcome.state().as_str())
        .bind(i64::from(answer.status))
        .bind(&answer.body)
        .bind(provider_order_id)
        .bind(cert_id)
        .bind(now_ms)
        .bind(id.as_str())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
        .map_err(failed("finishing an order"))?;
        self.moved(id, changed, "finished").await
    }

    /// The customer's order; another customer's is `None`, exactly as an unknown id.
    pub async fn find(
        &self,
        customer: &str,
        id: &OrderId,
    ) -> Result<Option<OrderRecord>, LogError> {
        let raw = on_db!(&self.db, pool => sqlx::query_as::<_, RawOrder>(concat!(
            "SELECT ", order_columns!(), " FROM orders WHERE id = $1 AND customer = $2"
        ))
        .bind(id.as_str())
        .bind(customer)
        .fetch_optional(pool)
        .await)
        .map_err(failed("reading an order"))?;
        raw.map(record_of).transpose()
    }

    /// The rule for orders refused BEFORE anything is sent (validation, catalogue, spending
    /// cap, rate limit): the reservation is DELETED, freeing the key, because nothing was
    /// bought and the customer's corrected order (another body, same key) must not be
    /// refused as `KeyReused`. Only a `Reserved` row is deleted: once `Sending`, a row is
    /// never deleted, and asking is an error. A row already gone is fine.
    pub async fn forget_unsent(&self, id: &OrderId) -> Result<(), LogError> {
        self.delete_in(
            id,
            State::Reserved,
            ("forgetting an unsent order", "forgotten"),
        )
        .await
    }

    /// Frees the key of an order marked `Sending` whose request provably never reached the
    /// provider (the connection was never made, or our own login was refused first): nothing
    /// happened, so the customer's retry under the same key must be free to place it. Only
    /// the sender, which saw the connection fail, may call this; a lost answer never does.
    pub async fn release(&self, id: &OrderId) -> Result<(), LogError> {
        self.delete_in(
            id,
            State::Sending,
            ("releasing an order never sent", "released"),
        )
        .await
    }

    /// Deletes the row while it is in `state` (a key freed); gone already is fine, any
    /// other state is a `Transition` error naming it.
    async fn delete_in(
        &self,
        id: &OrderId,
        state: State,
        (doing, done): (&'static str, &'static str),
    ) -> Result<(), LogError> {
        let deleted = on_db!(&self.db, pool => sqlx::query(
            "DELETE FROM orders WHERE id = $1 AND state = $2",
        )
        .bind(id.as_str())
        .bind(state.as_str())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
        .map_err(failed(doing))?;
        if deleted == 1 {
            return Ok(());
        }
        match self.state_of(id).await? {
            None => Ok(()),
            found @ Some(_) => Err(LogError::Transition {
                id: id.clone(),
                doing: done,
                found,
            }),
        }
    }

    /// Rows of a server that died: `Reserved`, `Sending` or `Bought`, and not updated for
    /// `stale_ms`. Oldest first.
    pub async fn orphans(&self, now_ms: i64, stale_ms: i64) -> Result<Vec<OrderRecord>, LogError> {
        let cutoff = now_ms.saturating_sub(stale_ms);
        let rows = on_db!(&self.db, pool => sqlx::query_as::<_, RawOrder>(concat!(
            "SELECT ", order_columns!(), " FROM orders \
             WHERE state IN ('reserved', 'sending', 'bought') AND updated_ms <= $1 \
             ORDER BY created_ms, id"
        ))
        .bind(cutoff)
        .fetch_all(pool)
        .await)
        .map_err(failed("looking for orphaned orders"))?;
        rows.into_iter().map(record_of).collect()
    }

    /// Takes an orphan over: a compare-and-set on (id, state, updated_ms) that moves
    /// `updated_ms` on to `now_ms`, so of two servers claiming the same record only one gets
    /// `true`. `now_ms` must be later than the record's `updated_ms` (an orphan's is).
    pub async fn claim(&self, record: &OrderRecord, now_ms: i64) -> Result<bool, LogError> {
        let changed = on_db!(&self.db, pool => sqlx::query(
            "UPDATE orders SET updated_ms = $1 \
             WHERE id = $2 AND state = $3 AND updated_ms = $4 AND updated_ms < $1 \
             AND state IN ('reserved', 'sending', 'bought')",
        )
        .bind(now_ms)
        .bind(record.id.as_str())
        .bind(record.state.as_str())
        .bind(record.updated_ms)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
        .map_err(failed("claiming an orphaned order"))?;
        Ok(changed == 1)
    }

    /// What the customer's spending cap counts: orders `Placed`, `Bought` or `Unknown` (they
    /// may have been paid for) and those in flight (`Reserved`, `Sending`), including the
    /// one just reserved. Refused and forgotten orders cost nothing.
    pub async fn spent_cents(&self, customer: &str) -> Result<u64, LogError> {
        let sum: i64 = on_db!(&self.db, pool => sqlx::query_scalar(
            "SELECT CAST(COALESCE(SUM(price_cents), 0) AS BIGINT) FROM orders \
             WHERE customer = $1 AND state <> 'refused'",
        )
        .bind(customer)
        .fetch_one(pool)
        .await)
        .map_err(failed("adding up a customer's orders"))?;
        u64::try_from(sum).map_err(|_| LogError::CorruptRow {
            id: format!("(orders of {customer})"),
            problem: "the prices add up to less than nothing",
        })
    }

    /// Appends to the audit trail. Texts go through [`scrub`]: no query string, no PEM
    /// block, no more than a line.
    pub async fn audit(&self, entry: &AuditEntry) -> Result<(), LogError> {
        let order = entry.order.as_ref().map(OrderId::as_str);
        let action = scrub(&entry.action);
        let outcome = scrub(&entry.outcome);
        let provider_ids = entry.provider_ids.as_deref().map(scrub);
        let status = entry.http_status.map(i64::from);
        on_db!(&self.db, pool => sqlx::query(
            "INSERT INTO audit (order_id, customer, action, outcome, provider_ids, \
             http_status, elapsed_ms, at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(order)
        .bind(&entry.customer)
        .bind(&action)
        .bind(&outcome)
        .bind(provider_ids.as_deref())
        .bind(status)
        .bind(entry.elapsed_ms)
        .bind(entry.at_ms)
        .execute(pool)
        .await
        .map(|_| ()))
        .map_err(failed("writing the audit trail"))
    }

    /// The order's audit trail, oldest first (for tests and operators).
    pub async fn audit_of(&self, id: &OrderId) -> Result<Vec<AuditEntry>, LogError> {
        let rows = on_db!(&self.db, pool => sqlx::query_as::<_, RawAudit>(concat!(
            "SELECT ", audit_columns!(), " FROM audit WHERE order_id = $1 ORDER BY seq"
        ))
        .bind(id.as_str())
        .fetch_all(pool)
        .await)
        .map_err(failed("reading the audit trail"))?;
        rows.into_iter()
            .map(|raw| {
                let http_status = raw
                    .http_status
                    .map(u16::try_from)
                    .transpose()
                    .map_err(|_| LogError::CorruptRow {
                        id: id.to_string(),
                        problem: "an audit row's HTTP status is out of range",
                    })?;
                let order = raw
                    .order_id
                    .map(|text| OrderId::parse(&text))
                    .transpose()
                    .map_err(|_| LogError::CorruptRow {
                        id: id.to_string(),
                        problem: "an audit row's order id is not a UUID v4",
                    })?;
                Ok(AuditEntry {
                    order,
                    customer: raw.customer,
                    action: raw.action,
                    outcome: raw.outcome,
                    provider_ids: raw.provider_ids,
                    http_status,
                    elapsed_ms: raw.elapsed_ms,
                    at_ms: raw.at_ms,
                })
            })
            .collect()
    }

    /// `Ok` if the update changed the row; otherwise says what state it is in.
    async fn moved(&self, id: &OrderId, changed: u64, doing: &'static str) -> Result<(), LogError> {
        if changed == 1 {
            return Ok(());
        }
        Err(LogError::Transition {
            id: id.clone(),
            doing,
            found: self.state_of(id).await?,
        })
    }

    async fn state_of(&self, id: &OrderId) -> Result<Option<State>, LogError> {
        let word: Option<String> = on_db!(&self.db, pool => sqlx::query_scalar(
            "SELECT state FROM orders WHERE id = $1",
        )
        .bind(id.as_str())
        .fetch_optional(pool)
        .await)
        .map_err(failed("reading an order's state"))?;
        word.map(|word| {
            State::from_column(&word).ok_or(LogError::CorruptRow {
                id: id.to_string(),
                problem: "its state is not one this server knows",
            })
        })
        .transpose()
    }
}

fn failed(doing: &'static str) -> impl Fn(sqlx::Error) -> LogError {
    move |source| LogError::Database { doing, source }
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn record_of(raw: RawOrder) -> Result<OrderRecord, LogError> {
    let corrupt = |problem| LogError::CorruptRow {
        id: raw.id.clone(),
        problem,
    };
    let id = OrderId::parse(&raw.id).map_err(|_| corrupt("its id is not a UUID v4"))?;
    let state = State::from_column(&raw.state)
        .ok_or_else(|| corrupt("its state is not one this server knows"))?;
    let answer = match (raw.answer_status, raw.answer_body) {
        (Some(status), Some(body)) => Some(StoredAnswer {
            status: u16::try_from(status)
                .map_err(|_| corrupt("its answer's status is out of range"))?,
            body,
        }),
        (None, None) => None,
        (Some(_), None) | (None, Some(_)) => return Err(corrupt("its answer is half written")),
    };
    if state.is_finished() && answer.is_none() {
        return Err(corrupt("it is finished but has no answer"));
    }
    Ok(OrderRecord {
        id,
        customer: raw.customer,
        key: raw.key,
        api: raw.api,
        product_id: raw.product_id,
        body: raw.body,
        state,
        cert_id: raw.cert_id,
        provider_order_id: raw.provider_order_id,
        answer,
        created_ms: raw.created_ms,
        updated_ms: raw.updated_ms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_hash_is_sha256() {
        // The published SHA-256 of "abc".
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn states_round_trip_through_their_column_words() {
        for state in [
            State::Reserved,
            State::Sending,
            State::Bought,
            State::Placed,
            State::Refused,
            State::Unknown,
        ] {
            assert_eq!(State::from_column(state.as_str()), Some(state));
            assert_eq!(
                state.is_finished(),
                !State::UNFINISHED.contains(&state),
                "{state}"
            );
        }
        assert_eq!(State::from_column("Placed"), None);
    }

    #[test]
    fn an_unsupported_url_is_refused_without_its_password() {
        let error = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(OrderLog::open(&LogSettings {
                url: "mysql://user:hunter2-pw@host/db".into(),
                max_connections: 1,
            }))
            .unwrap_err();
        let said = error.to_string();
        assert!(said.contains("mysql://user:[redacted]@host/db"), "{said}");
        assert!(
            said.contains("sqlite://") && said.contains("postgres://"),
            "{said}"
        );
        assert!(!said.contains("hunter2-pw") && !format!("{error:?}").contains("hunter2-pw"));
        assert!(!error.is_unreachable());
    }
}
