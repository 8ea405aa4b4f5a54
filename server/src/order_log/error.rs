//! What can go wrong with the order log.

use std::fmt;

use super::id::OrderId;
use super::record::State;

#[derive(Debug)]
pub enum LogError {
    /// The URL is neither `sqlite:` nor `postgres:`. The URL is shown without its password.
    UnsupportedUrl {
        url: String,
    },
    Connect {
        url: String,
        source: sqlx::Error,
    },
    Migrate {
        url: String,
        source: sqlx::migrate::MigrateError,
    },
    /// A query failed; `doing` says which.
    Database {
        doing: &'static str,
        source: sqlx::Error,
    },
    /// The saga asked for a step the row's state does not allow (a bug in the caller, or a
    /// row another server took over). `found` is `None` if there is no such row.
    Transition {
        id: OrderId,
        doing: &'static str,
        found: Option<State>,
    },
    /// A price over what the database stores (i64 cents).
    PriceTooLarge {
        cents: u64,
    },
    /// A row the log cannot read back (edited by hand, or written by a newer server).
    CorruptRow {
        id: String,
        problem: &'static str,
    },
}

impl LogError {
    /// The database could not be reached (answer 503 `not_ready`), as opposed to a query it
    /// refused.
    pub fn is_unreachable(&self) -> bool {
        match self {
            Self::Connect { .. } => true,
            Self::Database { source, .. } => matches!(
                source,
                sqlx::Error::Io(_)
                    | sqlx::Error::Tls(_)
                    | sqlx::Error::PoolTimedOut
                    | sqlx::Error::PoolClosed
                    | sqlx::Error::WorkerCrashed
            ),
            Self::UnsupportedUrl { .. }
            | Self::Migrate { .. }
            | Self::Transition { .. }
            | Self::PriceTooLarge { .. }
            | Self::CorruptRow { .. } => false,
        }
    }
}

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnsupportedUrl { url } => write!(
                f,
                "database URL {url} is not supported: use sqlite://FILE (created if missing) \
                 or postgres://USER:PASSWORD@HOST/DATABASE"
            ),
            Self::Connect { url, source } => write!(
                f,
                "cannot open the order log at {url}: {source}; check that the database is \
                 running, reachable and that the URL's user may log in"
            ),
            Self::Migrate { url, source } => write!(
                f,
                "cannot bring the order log at {url} up to date: {source}; a database \
                 migrated by a newer server needs that server, or a fresh database"
            ),
            Self::Database { doing, source } => write!(
                f,
                "the order log failed while {doing}: {source}; check that the database is \
                 reachable and not full"
            ),
            Self::Transition { id, doing, found } => match found {
                Some(state) => write!(
                    f,
                    "order {id} cannot be {doing}: it is {state}; a finished order keeps its \
                     answer, and another server may have taken it over"
                ),
                None => write!(
                    f,
                    "order {id} cannot be {doing}: it is not in the log (it was forgotten \
                     before anything was sent)"
                ),
            },
            Self::PriceTooLarge { cents } => write!(
                f,
                "a price of {cents} cents is too large to log; check the catalogue's prices"
            ),
            Self::CorruptRow { id, problem } => write!(
                f,
                "order {id} in the log cannot be read: {problem}; the row was changed by \
                 hand or by another version of the server"
            ),
        }
    }
}

impl std::error::Error for LogError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Connect { source, .. } | Self::Database { source, .. } => Some(source),
            Self::Migrate { source, .. } => Some(source),
            Self::UnsupportedUrl { .. }
            | Self::Transition { .. }
            | Self::PriceTooLarge { .. }
            | Self::CorruptRow { .. } => None,
        }
    }
}
