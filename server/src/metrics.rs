//! Prometheus metrics at `/metrics`: orders by outcome, upstream calls by outcome with their
//! latency, answers by error code. Labels are fixed words, never a customer, key or ID.

use std::sync::Arc;
use std::time::Duration;

use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabel {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CallLabel {
    api: &'static str,
    purpose: &'static str,
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CodeLabel {
    code: &'static str,
}

#[derive(Clone)]
pub struct Metrics(Arc<Inner>);

struct Inner {
    registry: Registry,
    orders: Family<OutcomeLabel, Counter>,
    calls: Family<CallLabel, Counter>,
    latency: Family<CallLabel, Histogram>,
    errors: Family<CodeLabel, Counter>,
    status_polls: Family<OutcomeLabel, Counter>,
}

fn latency_histogram() -> Histogram {
    // 1 ms to about 33 s.
    Histogram::new(prometheus_client::metrics::histogram::exponential_buckets(
        0.001, 2.0, 16,
    ))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("ssl_order");
        let orders = Family::<OutcomeLabel, Counter>::default();
        let calls = Family::<CallLabel, Counter>::default();
        let latency = Family::<CallLabel, Histogram>::new_with_constructor(
            latency_histogram as fn() -> Histogram,
        );
        let errors = Family::<CodeLabel, Counter>::default();
        let status_polls = Family::<OutcomeLabel, Counter>::default();
        registry.register("orders", "Orders by how they ended", orders.clone());
        registry.register(
            "upstream_calls",
            "Calls to the provider by purpose and outcome",
            calls.clone(),
        );
        registry.register(
            "upstream_seconds",
            "Time the provider took to answer",
            latency.clone(),
        );
        registry.register("errors", "Error answers by code", errors.clone());
        registry.register(
            "status_polls",
            "Status requests, answered from the cache or from the provider",
            status_polls.clone(),
        );
        Metrics(Arc::new(Inner {
            registry,
            orders,
            calls,
            latency,
            errors,
            status_polls,
        }))
    }
}

impl Metrics {
    pub fn order(&self, outcome: &'static str) {
        self.0.orders.get_or_create(&OutcomeLabel { outcome }).inc();
    }

    pub fn upstream_call(
        &self,
        api: &'static str,
        purpose: &'static str,
        outcome: &'static str,
        took: Duration,
    ) {
        let label = CallLabel {
            api,
            purpose,
            outcome,
        };
        self.0.calls.get_or_create(&label).inc();
        self.0
            .latency
            .get_or_create(&label)
            .observe(took.as_secs_f64());
    }

    pub fn error(&self, code: &'static str) {
        self.0.errors.get_or_create(&CodeLabel { code }).inc();
    }

    pub fn status_poll(&self, outcome: &'static str) {
        self.0
            .status_polls
            .get_or_create(&OutcomeLabel { outcome })
            .inc();
    }

    /// The text exposition format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if encode(&mut out, &self.0.registry).is_err() {
            out.clear();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_show_in_the_exposition_with_their_labels() {
        let metrics = Metrics::default();
        metrics.order("placed");
        metrics.order("placed");
        metrics.order("unknown");
        metrics.upstream_call("huawei", "buy", "answered", Duration::from_millis(3));
        metrics.error("rate_limited");
        let text = metrics.render();
        assert!(
            text.contains("ssl_order_orders_total{outcome=\"placed\"} 2"),
            "{text}"
        );
        assert!(text.contains("ssl_order_orders_total{outcome=\"unknown\"} 1"));
        assert!(text.contains(
            "ssl_order_upstream_calls_total{api=\"huawei\",purpose=\"buy\",outcome=\"answered\"} 1"
        ));
        assert!(text.contains("ssl_order_upstream_seconds_count{api=\"huawei\""));
        assert!(text.contains("ssl_order_errors_total{code=\"rate_limited\"} 1"));
    }
}
