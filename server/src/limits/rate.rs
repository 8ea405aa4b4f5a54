//! Per-customer and per-IP rate limits (governor's keyed GCRA limiters).

use std::net::{IpAddr, Ipv6Addr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DashMapStateStore;
use governor::{Quota, RateLimiter};
use serde_json::json;

use super::LimitSettings;

/// Every this many checks, keys whose limit has fully recovered are forgotten, so that a
/// stream of new addresses does not grow the tables without end.
const SWEEP_EVERY: u32 = 4096;

type Keyed<K, C> = RateLimiter<K, DashMapStateStore<K>, C, NoOpMiddleware<<C as Clock>::Instant>>;

/// The server's rate limits, shared by all requests (cheap to clone).
pub struct RateLimits<C: Clock = DefaultClock> {
    ip: Arc<Keyed<IpAddr, C>>,
    customer: Arc<Keyed<String, C>>,
    checks: Arc<AtomicU32>,
    clock: C,
}

impl<C: Clock + Clone> Clone for RateLimits<C> {
    fn clone(&self) -> Self {
        Self {
            ip: Arc::clone(&self.ip),
            customer: Arc::clone(&self.customer),
            checks: Arc::clone(&self.checks),
            clock: self.clock.clone(),
        }
    }
}

/// How long the client should wait before trying again (the `Retry-After` header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(pub Duration);

impl RetryAfter {
    /// Whole seconds, rounded up and at least 1, as `Retry-After` wants them.
    pub fn seconds(&self) -> u64 {
        let whole = self.0.as_secs() + u64::from(self.0.subsec_nanos() > 0);
        whole.max(1)
    }

    /// The value of the `Retry-After` header.
    pub fn header_value(&self) -> HeaderValue {
        HeaderValue::from(self.seconds())
    }
}

/// The API's answer: 429 `{"error":{"code":"rate_limited","message":...}}` with `Retry-After`
/// and `Cache-Control: no-store`.
impl IntoResponse for RetryAfter {
    fn into_response(self) -> Response {
        let seconds = self.seconds();
        let message = format!(
            "too many requests; try again in {seconds} second{}",
            if seconds == 1 { "" } else { "s" }
        );
        let body = json!({"error": {"code": "rate_limited", "message": message}});
        let mut answer = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
        let headers = answer.headers_mut();
        headers.insert(header::RETRY_AFTER, self.header_value());
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        answer
    }
}

impl RateLimits {
    /// The limits of `settings` on the machine's monotonic clock.
    pub fn new(settings: &LimitSettings) -> RateLimits {
        Self::with_clock(settings, DefaultClock::default())
    }
}

impl<C: Clock + Clone> RateLimits<C> {
    /// The limits of `settings` on `clock` (tests pass governor's `FakeRelativeClock`).
    /// A limit of zero, refused by [`LimitSettings::check`], counts as one.
    pub fn with_clock(settings: &LimitSettings, clock: C) -> Self {
        let per_minute = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        Self {
            ip: Arc::new(RateLimiter::dashmap_with_clock(
                per_minute(settings.requests_per_minute_per_ip),
                clock.clone(),
            )),
            customer: Arc::new(RateLimiter::dashmap_with_clock(
                per_minute(settings.orders_per_minute_per_customer),
                clock.clone(),
            )),
            checks: Arc::new(AtomicU32::new(0)),
            clock,
        }
    }

    /// Counts one request from `ip`; an IPv6 client is counted by its /64, which one host
    /// usually holds whole.
    pub fn check_ip(&self, ip: IpAddr) -> Result<(), RetryAfter> {
        self.sweep();
        self.ip
            .check_key(&ip_key(ip))
            .map_err(|wait| RetryAfter(wait.wait_time_from(self.clock.now())))
    }

    /// Counts one order placed by `customer`.
    pub fn check_customer(&self, customer: &str) -> Result<(), RetryAfter> {
        self.sweep();
        self.customer
            .check_key(&customer.to_string())
            .map_err(|wait| RetryAfter(wait.wait_time_from(self.clock.now())))
    }

    /// Forgets the keys whose limit has fully recovered (they behave as new ones).
    pub fn forget_idle(&self) {
        self.ip.retain_recent();
        self.customer.retain_recent();
    }

    fn sweep(&self) {
        if self.checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            self.forget_idle();
        }
    }
}

/// IPv4 as is (also when seen as `::ffff:a.b.c.d`); IPv6 by its first 64 bits.
fn ip_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !(u128::from(u64::MAX)))),
    }
}

#[cfg(test)]
mod tests {
    use governor::clock::FakeRelativeClock;

    use super::*;

    fn limits(
        per_customer: u32,
        per_ip: u32,
    ) -> (RateLimits<FakeRelativeClock>, FakeRelativeClock) {
        let settings = LimitSettings {
            orders_per_minute_per_customer: per_customer,
            requests_per_minute_per_ip: per_ip,
            ..LimitSettings::default()
        };
        let clock = FakeRelativeClock::default();
        (RateLimits::with_clock(&settings, clock.clone()), clock)
    }

    #[test]
    fn the_customer_after_n_orders_waits_and_others_do_not() {
        let (limits, clock) = limits(3, 600);
        for _ in 0..3 {
            assert_eq!(limits.check_customer("alice"), Ok(()));
        }
        // 3 a minute: one comes back every 20 seconds.
        let RetryAfter(wait) = limits.check_customer("alice").unwrap_err();
        assert_eq!(wait, Duration::from_secs(20));
        assert_eq!(limits.check_customer("bob"), Ok(()));
        clock.advance(Duration::from_secs(19));
        let RetryAfter(wait) = limits.check_customer("alice").unwrap_err();
        assert_eq!(wait, Duration::from_secs(1));
        clock.advance(Duration::from_secs(1));
        assert_eq!(limits.check_customer("alice"), Ok(()));
        assert!(limits.check_customer("alice").is_err());
    }

    #[test]
    fn the_ip_after_n_requests_waits_and_others_do_not() {
        let (limits, clock) = limits(20, 2);
        let client: IpAddr = "203.0.113.9".parse().unwrap();
        assert_eq!(limits.check_ip(client), Ok(()));
        assert_eq!(limits.check_ip(client), Ok(()));
        let retry = limits.check_ip(client).unwrap_err();
        assert_eq!(retry, RetryAfter(Duration::from_secs(30)));
        assert_eq!(limits.check_ip("203.0.113.10".parse().unwrap()), Ok(()));
        // The same client on a dual-stack socket is the same key.
        let mapped: IpAddr = "::ffff:203.0.113.9".parse().unwrap();
        assert!(limits.check_ip(mapped).is_err());
        clock.advance(Duration::from_secs(60));
        assert_eq!(limits.check_ip(client), Ok(()));
        assert_eq!(limits.check_ip(mapped), Ok(()));
        assert!(limits.check_ip(client).is_err());
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64() {
        let (limits, _clock) = limits(20, 1);
        assert_eq!(limits.check_ip("2001:db8:1:2::1".parse().unwrap()), Ok(()));
        assert!(limits
            .check_ip("2001:db8:1:2:ffff::9".parse().unwrap())
            .is_err());
        assert_eq!(limits.check_ip("2001:db8:1:3::1".parse().unwrap()), Ok(()));
    }

    #[test]
    fn the_limits_are_shared_by_clones() {
        let (limits, _clock) = limits(1, 600);
        let other = limits.clone();
        assert_eq!(limits.check_customer("alice"), Ok(()));
        assert!(other.check_customer("alice").is_err());
    }

    #[test]
    fn recovered_keys_are_forgotten() {
        let (limits, clock) = limits(20, 600);
        for n in 0..10u8 {
            assert_eq!(limits.check_ip(IpAddr::from([198, 51, 100, n])), Ok(()));
        }
        assert_eq!(limits.ip.len(), 10);
        clock.advance(Duration::from_secs(1));
        limits.forget_idle();
        assert_eq!(limits.ip.len(), 0);
    }

    #[test]
    fn recovered_keys_are_also_forgotten_every_so_many_checks() {
        let (limits, clock) = limits(20, 600);
        for n in 0..10u8 {
            assert_eq!(limits.check_ip(IpAddr::from([198, 51, 100, n])), Ok(()));
        }
        clock.advance(Duration::from_secs(1));
        // Refused or not, every check counts towards the sweep.
        for _ in 10..SWEEP_EVERY - 1 {
            let _ = limits.check_customer("alice");
        }
        assert_eq!(limits.ip.len(), 10);
        let _ = limits.check_customer("alice");
        assert_eq!(limits.ip.len(), 0);
    }

    #[tokio::test]
    async fn retry_after_answers_429_with_the_api_error() {
        use http_body_util::BodyExt;
        let answer = RetryAfter(Duration::from_millis(2500)).into_response();
        assert_eq!(answer.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(answer.headers()[header::RETRY_AFTER], "3");
        assert_eq!(answer.headers()[header::CACHE_CONTROL], "no-store");
        let body = answer.into_body().collect().await.unwrap().to_bytes();
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["error"]["code"], "rate_limited");
        assert!(json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("3 seconds"));
    }

    #[test]
    fn retry_after_is_whole_seconds_rounded_up() {
        assert_eq!(RetryAfter(Duration::from_millis(1500)).seconds(), 2);
        assert_eq!(RetryAfter(Duration::from_secs(3)).seconds(), 3);
        assert_eq!(RetryAfter(Duration::ZERO).seconds(), 1);
        assert_eq!(RetryAfter(Duration::from_millis(10)).header_value(), "1");
    }
}
