//! The two databases behind one set of queries.
//!
//! An enum over the two pools rather than `sqlx::Any`: each pool keeps its own connect
//! options (SQLite's WAL, busy timeout and file creation are not reachable through `Any`'s
//! URL-only options) and its own types, while every query is written once: `$1`-style
//! placeholders and `ON CONFLICT ... DO NOTHING` mean the same in both, and [`on_db!`]
//! expands one body for each pool.

use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ColumnIndex, Decode, FromRow, Row, Type};

use super::error::LogError;
use super::settings::{redacted_url, LogSettings};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// How long a query waits for a pooled connection, and SQLite for a lock: long enough for a
/// burst of writers, short enough that readiness says "down" while the database is.
const WAIT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone)]
pub(crate) enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to whichever pool `$db` holds.
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::order_log::db::Db::Sqlite($pool) => $body,
            $crate::order_log::db::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_db;

impl Db {
    /// Connects and runs the migrations that have not run yet.
    pub(crate) async fn open(settings: &LogSettings) -> Result<Db, LogError> {
        let url = &settings.url;
        let shown = redacted_url(url);
        let connect = |source| LogError::Connect {
            url: shown.clone(),
            source,
        };
        let migrate = |source| LogError::Migrate {
            url: shown.clone(),
            source,
        };
        let max = settings.max_connections.max(1);
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(connect)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // A reservation must survive a power cut before the provider is called.
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(WAIT);
            let pool = SqlitePoolOptions::new()
                .max_connections(max)
                .acquire_timeout(WAIT)
                .connect_with(options)
                .await
                .map_err(connect)?;
            SQLITE_MIGRATIONS.run(&pool).await.map_err(migrate)?;
            Ok(Db::Sqlite(pool))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url).map_err(connect)?;
            let pool = PgPoolOptions::new()
                .max_connections(max)
                .acquire_timeout(WAIT)
                .connect_with(options)
                .await
                .map_err(connect)?;
            // Takes an advisory lock: two servers starting at once migrate once.
            POSTGRES_MIGRATIONS.run(&pool).await.map_err(migrate)?;
            Ok(Db::Postgres(pool))
        } else {
            Err(LogError::UnsupportedUrl { url: shown })
        }
    }
}

/// The columns [`RawOrder`] reads, in its order.
macro_rules! order_columns {
    () => {
        "id, customer, idem_key, api, product_id, body, state, cert_id, provider_order_id, \
         answer_status, answer_body, created_ms, updated_ms, body_sha256"
    };
}
pub(crate) use order_columns;

/// A row of `orders` as stored, before its words become types.
pub(crate) struct RawOrder {
    pub id: String,
    pub customer: String,
    pub key: String,
    pub api: String,
    pub product_id: String,
    pub body: String,
    pub state: String,
    pub cert_id: Option<String>,
    pub provider_order_id: Option<String>,
    pub answer_status: Option<i64>,
    pub answer_body: Option<String>,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub body_sha256: String,
}

impl<'r, R> FromRow<'r, R> for RawOrder
where
    R: Row,
    usize: ColumnIndex<R>,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get(0)?,
            customer: row.try_get(1)?,
            key: row.try_get(2)?,
            api: row.try_get(3)?,
            product_id: row.try_get(4)?,
            body: row.try_get(5)?,
            state: row.try_get(6)?,
            cert_id: row.try_get(7)?,
            provider_order_id: row.try_get(8)?,
            answer_status: row.try_get(9)?,
            answer_body: row.try_get(10)?,
            created_ms: row.try_get(11)?,
            updated_ms: row.try_get(12)?,
            body_sha256: row.try_get(13)?,
        })
    }
}

/// The columns [`RawAudit`] reads, in its order.
macro_rules! audit_columns {
    () => {
        "order_id, customer, action, outcome, provider_ids, http_status, elapsed_ms, at_ms"
    };
}
pub(crate) use audit_columns;

pub(crate) struct RawAudit {
    pub order_id: Option<String>,
    pub customer: String,
    pub action: String,
    pub outcome: String,
    pub provider_ids: Option<String>,
    pub http_status: Option<i64>,
    pub elapsed_ms: i64,
    pub at_ms: i64,
}

impl<'r, R> FromRow<'r, R> for RawAudit
where
    R: Row,
    usize: ColumnIndex<R>,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        Ok(Self {
            order_id: row.try_get(0)?,
            customer: row.try_get(1)?,
            action: row.try_get(2)?,
            outcome: row.try_get(3)?,
            provider_ids: row.try_get(4)?,
            http_status: row.try_get(5)?,
            elapsed_ms: row.try_get(6)?,
            at_ms: row.try_get(7)?,
        })
    }
}
