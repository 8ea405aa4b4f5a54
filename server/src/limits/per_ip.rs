//! The per-IP rate limit as a layer over a router.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use governor::clock::Clock;

use super::RateLimits;

/// `router` with every request counted against its client's address (from the
/// `ConnectInfo<SocketAddr>` the accept loop adds); over the limit, 429 `rate_limited`.
/// A request without an address (one handed to the router directly, as tests do) is let
/// through. Behind a load balancer every request comes from its address: there, set
/// `requests_per_minute_per_ip` for the balancer, or limit at the balancer.
pub fn limit_per_ip<S, C>(router: Router<S>, limits: RateLimits<C>) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    C: Clock + Clone + Send + Sync + 'static,
    C::Instant: Send + Sync,
{
    router.layer(from_fn_with_state(limits, count::<C>))
}

async fn count<C>(State(limits): State<RateLimits<C>>, request: Request, next: Next) -> Response
where
    C: Clock + Clone,
{
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| peer.ip());
    match peer.map(|ip| limits.check_ip(ip)) {
        Some(Err(retry)) => retry.into_response(),
        Some(Ok(())) | None => next.run(request).await,
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use axum::body::Body;
    use axum::http::{header, StatusCode};
    use axum::routing::get;
    use governor::clock::FakeRelativeClock;
    use tower::ServiceExt;

    use super::*;
    use crate::limits::LimitSettings;

    async fn from(app: &Router, peer: &str) -> Response {
        let mut request = Request::get("/api/catalogue").body(Body::empty()).unwrap();
        let peer: SocketAddr = peer.parse().unwrap();
        request.extensions_mut().insert(ConnectInfo(peer));
        app.clone().oneshot(request).await.unwrap()
    }

    #[tokio::test]
    async fn the_n_plus_first_request_of_an_address_is_a_429() {
        let settings = LimitSettings {
            requests_per_minute_per_ip: 2,
            ..LimitSettings::default()
        };
        let clock = FakeRelativeClock::default();
        let limits = RateLimits::with_clock(&settings, clock.clone());
        let router = Router::new().route("/api/catalogue", get(|| async { "[]" }));
        let app = limit_per_ip(router, limits);
        for _ in 0..2 {
            assert_eq!(
                from(&app, "198.51.100.1:4000").await.status(),
                StatusCode::OK
            );
        }
        let refused = from(&app, "198.51.100.1:4001").await;
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(refused.headers()[header::RETRY_AFTER], "30");
        assert_eq!(
            from(&app, "198.51.100.2:4000").await.status(),
            StatusCode::OK
        );
        clock.advance(Duration::from_secs(30));
        assert_eq!(
            from(&app, "198.51.100.1:4000").await.status(),
            StatusCode::OK
        );
    }
}
