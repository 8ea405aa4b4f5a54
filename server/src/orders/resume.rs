//! The unfinished orders of a server that stopped (crashed, killed, or this one before a
//! restart), taken over once their row has been still for `stale_ms`: a key reserved and
//! never sent is freed; an order whose request went out unanswered becomes unknown, never
//! sent again; a Huawei certificate bought and not applied for is applied for, never bought
//! again.

use std::time::Duration;

use ssl_order_core::providers::huawei::CertId;

use super::place::tracing_line;
use super::{intake, today, Orders};
use crate::order_log::{OrderRecord, State};

pub fn spawn(orders: Orders, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            orders.resume_once().await;
        }
    })
}

impl Orders {
    /// One pass over the orphans; answers how many were taken over.
    pub async fn resume_once(&self) -> usize {
        let orphans = match self.log.orphans(self.now_ms(), self.stale_ms).await {
            Ok(orphans) => orphans,
            Err(e) => {
                tracing_line(&format!("resumer: the log cannot be read: {e}"));
                return 0;
            }
        };
        let mut taken = 0;
        for record in orphans {
            // Of two servers looking at once, one takes it.
            if !matches!(self.log.claim(&record, self.now_ms()).await, Ok(true)) {
                continue;
            }
            taken += 1;
            self.resume(&record).await;
        }
        taken
    }

    async fn resume(&self, record: &OrderRecord) {
        let id = &record.id;
        match record.state {
            State::Reserved => {
                if let Err(e) = self.log.forget_unsent(id).await {
                    tracing_line(&format!("resumer: order {id}: {e}"));
                }
            }
            State::Sending => {
                tracing_line(&format!(
                    "resumer: order {id} went out and its answer was lost: recorded as unknown"
                ));
                self.unknown(id, record.cert_id.as_deref()).await;
            }
            State::Bought => {
                let cert = record.cert_id.as_deref().and_then(CertId::parse);
                let order = intake::read(record.body.as_bytes()).ok().and_then(|order| {
                    let facts = intake::Facts {
                        catalogue: &self.catalogue,
                        suffixes: self.suffixes.as_ref(),
                        today: today(),
                    };
                    intake::accept(&order, &facts).ok()
                });
                match (cert, order) {
                    (Some(cert), Some(accepted)) => {
                        tracing_line(&format!(
                            "resumer: order {id}: applying for {}",
                            cert.as_str()
                        ));
                        self.apply(id, &record.customer, &accepted.order, &cert)
                            .await;
                    }
                    (cert, _) => {
                        // Bought, and the order can no longer be read (the catalogue changed):
                        // an operator applies by hand; it is never bought again.
                        tracing_line(&format!(
                            "resumer: order {id}: bought but cannot be applied for automatically"
                        ));
                        self.unknown(id, cert.as_ref().map(CertId::as_str)).await;
                    }
                }
            }
            State::Placed | State::Refused | State::Unknown => {}
        }
    }
}
