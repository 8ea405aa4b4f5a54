//! Placing an order with the provider, as one saga the order log follows step by step:
//! the key is reserved, `sending` is written before any request goes, Huawei's certificate ID
//! is written the moment the buy answers (before the apply), and the outcome is written with
//! the answer the customer gets, so a replay, a crash or a lost answer never buys twice.

use std::time::Instant;

use ssl_order_core::order::ValidatedOrder;
use ssl_order_core::providers::facade::{self, Answer};
use ssl_order_core::providers::generic::OrderKey;
use ssl_order_core::providers::huawei::CertId;
use ssl_order_core::providers::requests::{requests_for, take, Purpose};
use ssl_order_core::providers::{Message, Placed, PreparedRequest, ProviderError};

use super::answer::{self, Code, ErrorAnswer, OrderAnswer, OrderStatus};
use super::Orders;
use crate::order_log::{OrderId, Outcome, StoredAnswer};
use crate::upstream::{Reply, SendError};

/// How a send ended, as the saga needs to know it.
enum Sent {
    /// The provider answered.
    Answered(Reply),
    /// The request cannot have reached the provider: nothing happened.
    Never(String),
    /// It went out and no answer came: the provider may have acted.
    Lost(String),
    /// Our own credential was refused: nothing happened, and the operator must act.
    Credentials(String),
}

impl Orders {
    /// Sends one request, timing it for the metrics and the audit trail.
    async fn send(&self, purpose: &'static str, request: PreparedRequest) -> (Sent, i64) {
        let started = Instant::now();
        let sent = match self.upstream.send(request).await {
            Ok(reply) => Sent::Answered(reply),
            Err(SendError::NotSent { reason }) => Sent::Never(reason),
            Err(SendError::Lost { reason }) => Sent::Lost(reason),
            Err(SendError::Credentials { reason }) => Sent::Credentials(reason),
        };
        let elapsed = started.elapsed();
        let outcome = match &sent {
            Sent::Answered(reply) if reply.status < 400 => "answered",
            Sent::Answered(_) => "refused",
            Sent::Never(_) => "not_sent",
            Sent::Lost(_) => "lost",
            Sent::Credentials(_) => "credentials",
        };
        self.metrics
            .upstream_call(self.upstream.api().slug(), purpose, outcome, elapsed);
        (sent, i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX))
    }

    /// Places a freshly reserved order and records how it ended. Answers what the customer
    /// is told (and what a replay under the same key repeats).
    pub(super) async fn place(
        &self,
        id: &OrderId,
        customer: &str,
        order: &ValidatedOrder,
    ) -> StoredAnswer {
        let api = self.upstream.api();
        let endpoint = self.upstream.endpoint();
        let key = OrderKey::parse(&id.to_string());
        let requests = match requests_for(api, order, &endpoint, &self.options, key.as_ref(), None)
        {
            Ok(requests) => requests,
            Err(_) => return self.unsent(id, "the upstream key could not be made").await,
        };
        let purpose = if api.profile().buys_first() {
            Purpose::Buy
        } else {
            Purpose::Order
        };
        let Some(request) = take(requests, purpose) else {
            return self.unsent(id, "no request to send").await;
        };
        if let Err(e) = persist(|| self.log.sending(id, self.now_ms())).await {
            // Nothing goes out unless the log says so first.
            tracing_line(&format!("order {id}: the log refused `sending`: {e}"));
            return self.unsent(id, "the order log is unavailable").await;
        }
        let (sent, elapsed_ms) = self.send(purpose_name(purpose), request).await;
        let reply = match sent {
            Sent::Answered(reply) => reply,
            Sent::Never(reason) | Sent::Credentials(reason) => {
                self.audit(
                    Some(id),
                    customer,
                    purpose_name(purpose),
                    "not_sent",
                    None,
                    None,
                    elapsed_ms,
                )
                .await;
                tracing_line(&format!("order {id}: not sent: {reason}"));
                return self.release(id).await;
            }
            Sent::Lost(reason) => {
                self.audit(
                    Some(id),
                    customer,
                    purpose_name(purpose),
                    "lost",
                    None,
                    None,
                    elapsed_ms,
                )
                .await;
                tracing_line(&format!("order {id}: answer lost: {reason}"));
                return self.unknown(id, None).await;
            }
        };
        let read = facade::read_answer(api, purpose, reply.status, &reply.body, order);
        self.audit(
            Some(id),
            customer,
            purpose_name(purpose),
            if read.is_ok() { "ok" } else { "refused" },
            provider_ids(&read).as_deref(),
            Some(reply.status),
            elapsed_ms,
        )
        .await;
        match read {
            Ok(Answer::Bought(bought)) => {
                let Some(cert) = bought.cert_ids.first().cloned() else {
                    return self.unknown(id, None).await;
                };
                if persist(|| self.log.bought(id, cert.as_str(), self.now_ms()))
                    .await
                    .is_err()
                {
                    // Bought, and not written down: the apply must not go before it is.
                    return self.unknown(id, Some(cert.as_str())).await;
                }
                self.apply(id, customer, order, &cert).await
            }
            Ok(Answer::Placed(placed)) => self.placed(id, &placed).await,
            // Only Huawei's apply answers `Applied`, and this was not one.
            Ok(Answer::Applied) => self.unknown(id, None).await,
            Err(refusal) if refusal.maybe_acted() => self.unknown(id, None).await,
            Err(refusal) => self.refused(id, &refusal, None).await,
        }
    }

    /// Huawei's apply for a certificate bought (now, or by a server that died before
    /// applying). An apply that went in unseen is found by asking the certificate's status.
    pub(super) async fn apply(
        &self,
        id: &OrderId,
        customer: &str,
        order: &ValidatedOrder,
        cert: &CertId,
    ) -> StoredAnswer {
        let api = self.upstream.api();
        let endpoint = self.upstream.endpoint();
        let request = requests_for(api, order, &endpoint, &self.options, None, Some(cert))
            .ok()
            .and_then(|requests| take(requests, Purpose::Apply));
        let Some(request) = request else {
            return self.still_bought(id, cert).await;
        };
        let (sent, elapsed_ms) = self.send("apply", request).await;
        let outcome = match &sent {
            Sent::Answered(reply) => {
                facade::read_answer(api, Purpose::Apply, reply.status, &reply.body, order)
                    .map(|_| ())
            }
            Sent::Never(_) | Sent::Lost(_) | Sent::Credentials(_) => {
                self.audit(
                    Some(id),
                    customer,
                    "apply",
                    "no_answer",
                    Some(cert.as_str()),
                    None,
                    elapsed_ms,
                )
                .await;
                // Paid for and kept: the resumer applies again later.
                return self.still_bought(id, cert).await;
            }
        };
        let status = match &sent {
            Sent::Answered(reply) => Some(reply.status),
            Sent::Never(_) | Sent::Lost(_) | Sent::Credentials(_) => None,
        };
        self.audit(
            Some(id),
            customer,
            "apply",
            if outcome.is_ok() { "ok" } else { "refused" },
            Some(cert.as_str()),
            status,
            elapsed_ms,
        )
        .await;
        match outcome {
            Ok(()) => self.applied(id, cert).await,
            Err(refusal) => {
                // Applied already (an apply that went in before a crash), or really refused:
                // the certificate's status says which.
                if self.applied_already(cert).await {
                    self.applied(id, cert).await
                } else if refusal.maybe_acted() {
                    self.still_bought(id, cert).await
                } else {
                    self.refused(id, &refusal, Some(cert.as_str())).await
                }
            }
        }
    }

    /// Whether the certificate has left `PAID`: an apply went in.
    async fn applied_already(&self, cert: &CertId) -> bool {
        let api = self.upstream.api();
        let Some(request) = facade::status_request(
            api,
            "",
            cert.as_str(),
            &self.upstream.endpoint(),
            &self.options,
        ) else {
            return false;
        };
        let (sent, _) = self.send("status", request).await;
        let Sent::Answered(reply) = sent else {
            return false;
        };
        match facade::read_status(api, reply.status, &reply.body, false) {
            Ok(report) => !matches!(
                report.status,
                ssl_order_core::providers::Status::Huawei(
                    ssl_order_core::providers::huawei::CertStatus::Paid
                )
            ),
            Err(_) => false,
        }
    }

    async fn applied(&self, id: &OrderId, cert: &CertId) -> StoredAnswer {
        let answer = OrderAnswer {
            order_id: id.to_string(),
            status: OrderStatus::Processing,
            status_text: None,
            certificate_id: Some(cert.as_str().to_string()),
            checkout_url: None,
            instructions: Vec::new(),
        };
        self.finish(
            id,
            Outcome::Placed,
            201,
            answer.to_json(),
            None,
            Some(cert.as_str()),
        )
        .await
    }

    async fn placed(&self, id: &OrderId, placed: &Placed) -> StoredAnswer {
        let instructions = answer::instructions(&placed.instructions);
        let answer = OrderAnswer {
            order_id: id.to_string(),
            // Waiting on the person only when there is something for them to do.
            status: if instructions.is_empty() {
                OrderStatus::Processing
            } else {
                OrderStatus::PendingValidation
            },
            status_text: None,
            certificate_id: placed.cert_id.clone(),
            checkout_url: placed.checkout_url.clone(),
            instructions,
        };
        self.finish(
            id,
            Outcome::Placed,
            201,
            answer.to_json(),
            Some(&placed.order_id),
            placed.cert_id.as_deref(),
        )
        .await
    }

    async fn refused(
        &self,
        id: &OrderId,
        refusal: &ProviderError,
        cert: Option<&str>,
    ) -> StoredAnswer {
        let error = ErrorAnswer::new(Code::ProviderRefused, describe(refusal));
        let body = match &refusal.message {
            Message::AtField { field, .. } => error.at(field.clone()),
            Message::Provider(_)
            | Message::Problems { .. }
            | Message::NoMessage
            | Message::FailedSilently
            | Message::Unexpected(_)
            | Message::NoOrderId(_)
            | Message::NoCertificateId(_) => error,
        };
        self.finish(
            id,
            Outcome::Refused,
            Code::ProviderRefused.status(),
            body.to_json(),
            None,
            cert,
        )
        .await
    }

    /// The answer was lost after the order went out: recorded as unknown, never sent again.
    pub(super) async fn unknown(&self, id: &OrderId, cert: Option<&str>) -> StoredAnswer {
        let answer = OrderAnswer {
            order_id: id.to_string(),
            status: OrderStatus::Unknown,
            status_text: Some(UNKNOWN_WORDS.into()),
            certificate_id: cert.map(str::to_string),
            checkout_url: None,
            instructions: Vec::new(),
        };
        self.finish(id, Outcome::Unknown, 202, answer.to_json(), None, cert)
            .await
    }

    /// Bought and not yet applied for: the customer hears it is being processed; the
    /// resumer applies once the row has been still for a while.
    async fn still_bought(&self, id: &OrderId, cert: &CertId) -> StoredAnswer {
        let answer = OrderAnswer {
            order_id: id.to_string(),
            status: OrderStatus::Processing,
            status_text: Some(
                "Bought; the application for it is being sent again. Nothing more to pay.".into(),
            ),
            certificate_id: Some(cert.as_str().to_string()),
            checkout_url: None,
            instructions: Vec::new(),
        };
        StoredAnswer {
            status: 202,
            body: answer.to_json(),
        }
    }

    /// Nothing went out: the reservation is dropped, so the same key may try again.
    async fn release(&self, id: &OrderId) -> StoredAnswer {
        if let Err(e) = persist(|| self.log.release(id)).await {
            tracing_line(&format!("order {id}: could not release: {e}"));
        }
        self.metrics.order("not_sent");
        StoredAnswer {
            status: Code::ProviderUnavailable.status(),
            body: ErrorAnswer::new(
                Code::ProviderUnavailable,
                "The provider could not be reached; nothing was ordered. Try again in a \
                 minute: the same order is safe to send again.",
            )
            .to_json(),
        }
    }

    /// Nothing went out and the order will not go: the key is freed for a retry.
    async fn unsent(&self, id: &OrderId, why: &str) -> StoredAnswer {
        tracing_line(&format!("order {id}: {why}"));
        if let Err(e) = persist(|| self.log.forget_unsent(id)).await {
            tracing_line(&format!("order {id}: could not forget: {e}"));
        }
        StoredAnswer {
            status: Code::NotReady.status(),
            body: ErrorAnswer::new(
                Code::NotReady,
                "The order server could not send this order; nothing was ordered. Try again \
                 in a minute: the same order is safe to send again.",
            )
            .to_json(),
        }
    }

    async fn finish(
        &self,
        id: &OrderId,
        outcome: Outcome,
        status: u16,
        body: String,
        provider_order_id: Option<&str>,
        cert: Option<&str>,
    ) -> StoredAnswer {
        let answer = StoredAnswer { status, body };
        let label = match outcome {
            Outcome::Placed => "placed",
            Outcome::Refused => "refused",
            Outcome::Unknown => "unknown",
        };
        self.metrics.order(label);
        if let Err(e) = persist(|| {
            self.log
                .finish(id, outcome, &answer, provider_order_id, cert, self.now_ms())
        })
        .await
        {
            // The order stands; the resumer finds the row unfinished and marks it unknown
            // rather than sending it again.
            tracing_line(&format!("order {id}: outcome not written: {e}"));
        }
        answer
    }
}

/// Writes to the log again for a while when it fails: a database restarting or failing over
/// is back within seconds, and an outcome not written would be found unknown later.
async fn persist<T, E, F, Fut>(mut write: F) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
{
    let mut wait = std::time::Duration::from_millis(100);
    let mut result = write().await;
    for _ in 0..8 {
        if result.is_ok() {
            break;
        }
        tokio::time::sleep(wait).await;
        wait = (wait * 2).min(std::time::Duration::from_secs(4));
        result = write().await;
    }
    result
}

/// What the customer reads when an answer was lost.
pub const UNKNOWN_WORDS: &str = "The provider's answer to this order was lost after it was sent. \
It has not been sent again, so you will not pay twice. We are checking with the provider; \
do not order again. Quote this order ID if you contact support.";

fn purpose_name(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::Buy => "buy",
        Purpose::Apply => "apply",
        Purpose::Order => "order",
    }
}

/// The provider's IDs for the audit trail.
fn provider_ids(read: &Result<Answer, ProviderError>) -> Option<String> {
    match read {
        Ok(Answer::Bought(bought)) => Some(format!(
            "order {} certificate {}",
            bought.order_id,
            bought
                .cert_ids
                .iter()
                .map(CertId::as_str)
                .collect::<Vec<_>>()
                .join(",")
        )),
        Ok(Answer::Placed(placed)) => Some(match &placed.cert_id {
            Some(cert) => format!("order {} certificate {cert}", placed.order_id),
            None => format!("order {}", placed.order_id),
        }),
        Ok(Answer::Applied) | Err(_) => None,
    }
}

/// A provider's refusal in English: its code and its own words where it gave them.
pub fn describe(refusal: &ProviderError) -> String {
    let said = match &refusal.message {
        Message::Provider(words)
        | Message::AtField { message: words, .. }
        | Message::Problems { message: words, .. } => words.clone(),
        Message::NoMessage => "no reason given".into(),
        Message::FailedSilently => "the provider reported a failure without saying why".into(),
        Message::Unexpected(_) | Message::NoOrderId(_) | Message::NoCertificateId(_) => {
            "its answer could not be read".into()
        }
    };
    match &refusal.code {
        Some(code) => format!(
            "The provider refused the order ({code}, HTTP {}): {said}. Nothing was charged \
             for this attempt; correct the order and send it again.",
            refusal.status
        ),
        None => format!(
            "The provider refused the order (HTTP {}): {said}. Correct the order and send \
             it again.",
            refusal.status
        ),
    }
}

/// One line on stderr for the operator. Never given a secret, a body or a query string.
pub fn tracing_line(line: &str) {
    eprintln!("ssl-order-server: {line}");
}
