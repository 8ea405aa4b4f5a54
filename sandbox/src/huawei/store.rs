//! The certificates one server instance has sold, in memory.

use crate::clock::Clock;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use axum::http::StatusCode;
use serde::Serialize;

use super::certificate::{random_text, Certificate, Details};
use super::error::{ApiError, NOT_FOUND};
use super::model::BuyOrder;
use super::validate;

const UPPER_ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const DIGITS: &[u8] = b"0123456789";

#[derive(Clone)]
pub struct Store {
    certificates: Arc<Mutex<HashMap<String, Certificate>>>,
    issue_delay: Duration,
    /// What the handlers take for now.
    pub clock: Clock,
}

/// The buy call's answer, as in the provider's documentation: `{"order_id":..,"cert":[{"cert_id":..}]}`.
#[derive(Debug, Serialize)]
pub struct BuyAnswer {
    pub order_id: String,
    pub cert: Vec<CertId>,
}

#[derive(Debug, Serialize)]
pub struct CertId {
    pub cert_id: String,
}

impl Store {
    pub fn new(issue_delay: Duration) -> Self {
        Self {
            certificates: Arc::default(),
            issue_delay,
            clock: Clock::default(),
        }
    }

    /// The store, its handlers keeping time by `clock`.
    pub fn with_clock(self, clock: Clock) -> Self {
        Self { clock, ..self }
    }

    /// A panic while the lock was held cannot leave the map half-written (every change is
    /// one insert or one assignment), so a poisoned lock is safe to keep using.
    fn lock(&self) -> MutexGuard<'_, HashMap<String, Certificate>> {
        self.certificates
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub fn buy(&self, order: BuyOrder) -> BuyAnswer {
        let mut rng = rand::rng();
        let mut certificates = self.lock();
        // Order IDs look like the documentation's `CS1803192259ROA8U`, certificate IDs like `scs1481110651012`.
        let order_id = format!("CS{}", random_text(&mut rng, UPPER_ALNUM, 15));
        let mut cert = Vec::new();
        while cert.len() < order.order_number as usize {
            let id = format!("scs{}", random_text(&mut rng, DIGITS, 13));
            if certificates.contains_key(&id) {
                continue;
            }
            let certificate = Certificate::new(id.clone(), order_id.clone(), order.product.clone());
            certificates.insert(id.clone(), certificate);
            cert.push(CertId { cert_id: id });
        }
        BuyAnswer { order_id, cert }
    }

    /// Validates `body` against what was bought, then starts the review.
    pub fn apply(
        &self,
        id: &str,
        body: &[u8],
        now: Instant,
        wall_now: SystemTime,
    ) -> Result<(), ApiError> {
        let mut certificates = self.lock();
        let certificate = certificates.get_mut(id).ok_or_else(|| not_found(id))?;
        // Checked before the body: a second apply fails for its state, whatever it sends.
        certificate.ensure_paid(now)?;
        let application = validate::apply(body, &certificate.product)?;
        certificate.apply(
            application,
            now,
            wall_now,
            self.issue_delay,
            &mut rand::rng(),
        )
    }

    pub fn details(&self, id: &str, now: Instant) -> Result<Details, ApiError> {
        let certificates = self.lock();
        let certificate = certificates.get(id).ok_or_else(|| not_found(id))?;
        Ok(certificate.details_at(now))
    }

    pub fn clear(&self) {
        self.lock().clear();
    }
}

fn not_found(id: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        NOT_FOUND,
        format!("Certificate {id:?} does not exist."),
    )
}
