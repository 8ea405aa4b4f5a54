//! Why a submission stopped, as data: the words are made at the edge, in the app.

use crate::providers::huawei::CertId;
use crate::providers::{Api, ProviderError};

/// A request that got no HTTP answer: whether the provider acted on it is unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lost {
    /// No answer within the timeout, in milliseconds.
    TimedOut(u32),
    /// The connection failed; the browser's own explanation.
    Unreachable(String),
}

/// Why a submission stopped, and so what the person can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// An earlier buy or order may have gone through: the person looks first and confirms
    /// that it did not before another is sent.
    EarlierInDoubt { api: Api },
    /// A buy, or an order without a key, got no answer: it may have gone through.
    NoAnswer { api: Api, lost: Lost },
    /// A generic-format order got no answer; its key is kept, so sending again is safe.
    NoAnswerKeyKept { lost: Lost },
    /// The provider refused the order: nothing was placed.
    Refused { api: Api, error: ProviderError },
    /// Huawei refused the buy: nothing was bought.
    NotSold { error: ProviderError },
    /// A failure on the provider's side (5xx, an answer that cannot be read, a proxy that
    /// holds another order under the key): the order may have gone through.
    InDoubt { api: Api, error: ProviderError },
    /// A generic-format order failed on the proxy's side; its key is kept, so sending
    /// again is safe.
    InDoubtKeyKept { error: ProviderError },
    /// The order server was still working on the first attempt under the key after every
    /// wait (409 `idempotency_in_progress`); the key is kept, so sending again is safe.
    StillInProgress,
    /// The generic format needs a random key and the browser could make none.
    NoKey,
    /// The certificate ID kept from a buy is not one.
    SavedIdInvalid { id: String },
    /// Huawei refused the application, and the certificate is still waiting for one.
    ApplyRefused { cert: CertId, error: ProviderError },
    /// The application got no answer, even after retries.
    ApplyNoAnswer { cert: CertId, lost: Lost },
}
