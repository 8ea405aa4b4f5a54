//! The requests that place an order, built in one place for both the review page's preview
//! and the submission, so what the person reads is what is sent.

use super::generic::OrderKey;
use super::huawei::CertId;
use super::{cpanel, generic, gogetssl, huawei, Api, Endpoint, PreparedRequest};
use crate::order::ValidatedOrder;

/// The settings of the adapters that are not part of an order, as they will be sent:
/// cPanel's `url_after_checkout` already filled in where config.json leaves it out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SendOptions {
    pub gogetssl: gogetssl::Options,
    pub cpanel: cpanel::Options,
}

/// What a request does, which names it on the review page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Huawei: buys the certificate.
    Buy,
    /// Huawei: applies for the certificate bought.
    Apply,
    /// The other APIs: places the order in one request.
    Order,
}

/// Why no request could be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotBuilt {
    /// The generic format needs an idempotency key and none could be made.
    NoKey,
}

/// The requests that place `order`, in the order they go.
///
/// Huawei: buy, then apply; `bought` is the certificate already paid for (then only the
/// apply is left), and until the buy has answered the apply names `{certificate_id}`.
/// The generic format sends `key`, which it must have.
pub fn requests_for(
    api: Api,
    order: &ValidatedOrder,
    endpoint: &Endpoint,
    options: &SendOptions,
    key: Option<&OrderKey>,
    bought: Option<&CertId>,
) -> Result<Vec<(Purpose, PreparedRequest)>, NotBuilt> {
    Ok(match api {
        Api::Huawei => match bought {
            Some(cert) => vec![(Purpose::Apply, huawei::apply_request(order, cert, endpoint))],
            None => vec![
                (Purpose::Buy, huawei::buy_request(order, endpoint)),
                (Purpose::Apply, huawei::apply_preview(order, endpoint)),
            ],
        },
        Api::GoGetSsl => vec![(
            Purpose::Order,
            gogetssl::order_request(order, endpoint, options.gogetssl),
        )],
        Api::Cpanel => vec![(
            Purpose::Order,
            cpanel::order_request(order, endpoint, &options.cpanel),
        )],
        Api::Generic => {
            let key = key.ok_or(NotBuilt::NoKey)?;
            vec![(
                Purpose::Order,
                generic::order_request(order, endpoint, key.as_str()),
            )]
        }
    })
}

/// The first request of `purpose`, if placing the order has one.
pub fn take(
    requests: Vec<(Purpose, PreparedRequest)>,
    purpose: Purpose,
) -> Option<PreparedRequest> {
    requests
        .into_iter()
        .find(|(p, _)| *p == purpose)
        .map(|(_, request)| request)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::fixtures::scenarios;
    use crate::order::Provider;

    const TOKEN: &str = "tok&en=with/odd+bytes";
    /// What the preview shows in place of a credential (the app's words for it).
    const HIDDEN: &str = "[hidden]";

    fn endpoint(base: &str) -> Endpoint {
        Endpoint {
            base_url: base.into(),
            token: Some(TOKEN.into()),
        }
    }

    fn order_of(provider: Provider) -> ValidatedOrder {
        scenarios()
            .into_iter()
            .find(|o| o.product.provider == provider && !o.others.is_empty())
            .expect("a multi-domain scenario")
    }

    fn options() -> SendOptions {
        SendOptions {
            cpanel: cpanel::Options {
                url_after_checkout: Some("https://panel.example.com/ssl".into()),
                ..cpanel::Options::default()
            },
            ..SendOptions::default()
        }
    }

    /// The request as the wire carries it, the credential replaced as the preview does:
    /// written out independently of `masked`, so the two can be compared.
    fn wire(request: &PreparedRequest, secret: &str) -> String {
        let hidden = HIDDEN;
        let mut text = format!(
            "{} {}\n",
            request.method.as_str(),
            request.url.replace(secret, hidden)
        );
        for header in &request.headers {
            let value = header.value.replace(secret, hidden);
            text.push_str(&format!("{}: {value}\n", header.name));
        }
        if let Some(body) = &request.body {
            text.push('\n');
            text.push_str(body);
        }
        text
    }

    /// For each API: the preview's text (what the review page shows) is the request sent,
    /// with only the credential masked.
    fn assert_preview_is_sent(api: Api, order: &ValidatedOrder, base: &str, secret: &str) {
        let key = OrderKey::parse("0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10");
        let endpoint = endpoint(base);
        let shown =
            requests_for(api, order, &endpoint, &options(), key.as_ref(), None).expect("built");
        let cert = CertId::parse("scs1554192131150").expect("id");
        let sent: Vec<PreparedRequest> = match api {
            // Submit builds the buy first, then the apply for the certificate bought.
            Api::Huawei => vec![
                take(
                    requests_for(api, order, &endpoint, &options(), None, None).expect("buy"),
                    Purpose::Buy,
                )
                .expect("buy"),
                take(
                    requests_for(api, order, &endpoint, &options(), None, Some(&cert))
                        .expect("apply"),
                    Purpose::Apply,
                )
                .expect("apply"),
            ],
            Api::GoGetSsl | Api::Cpanel | Api::Generic => {
                let again = OrderKey::parse("0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10");
                vec![take(
                    requests_for(api, order, &endpoint, &options(), again.as_ref(), None)
                        .expect("order"),
                    Purpose::Order,
                )
                .expect("order")]
            }
        };
        assert_eq!(shown.len(), sent.len(), "{api:?}");
        for ((_, preview), sent) in shown.iter().zip(&sent) {
            let mut expected = wire(sent, secret);
            if api == Api::Huawei {
                // The only difference allowed: the certificate ID the buy has not yet given.
                expected = expected.replace(cert.as_str(), "{certificate_id}");
            }
            assert_eq!(preview.masked(HIDDEN), expected, "{api:?}");
            assert!(!preview.masked(HIDDEN).contains(secret), "{api:?}: masked");
        }
    }

    #[test]
    fn huawei_buy_and_apply_are_shown_as_sent() {
        let order = order_of(Provider::Huawei);
        assert_preview_is_sent(Api::Huawei, &order, "https://scm.example.com", TOKEN);
    }

    #[test]
    fn the_gogetssl_order_is_shown_as_sent() {
        let order = order_of(Provider::GoGetSsl);
        let secret: String = form_urlencoded::byte_serialize(TOKEN.as_bytes()).collect();
        assert_preview_is_sent(
            Api::GoGetSsl,
            &order,
            "https://my.gogetssl.com/api",
            &secret,
        );
    }

    #[test]
    fn the_cpanel_order_is_shown_as_sent_with_where_checkout_returns() {
        let order = order_of(Provider::Cpanel);
        let secret: String = form_urlencoded::byte_serialize(TOKEN.as_bytes()).collect();
        let base = "https://host.example:2083/cpsess0123456789/execute";
        assert_preview_is_sent(Api::Cpanel, &order, base, &secret);
        let shown = requests_for(Api::Cpanel, &order, &endpoint(base), &options(), None, None)
            .expect("built");
        assert_eq!(
            shown[0].1.query_param("url_after_checkout").as_deref(),
            Some("https://panel.example.com/ssl")
        );
    }

    #[test]
    fn the_generic_order_is_shown_with_the_key_it_is_sent_with() {
        let order = order_of(Provider::GoGetSsl);
        assert_preview_is_sent(Api::Generic, &order, "https://proxy.example/api", TOKEN);
        let key = OrderKey::parse("0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10");
        let shown = requests_for(
            Api::Generic,
            &order,
            &endpoint("/proxy"),
            &options(),
            key.as_ref(),
            None,
        )
        .expect("built");
        assert!(shown[0]
            .1
            .masked(HIDDEN)
            .contains("Idempotency-Key: 0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10\n"));
    }

    #[test]
    fn the_generic_format_is_never_built_without_a_key() {
        let order = order_of(Provider::Huawei);
        assert_eq!(
            requests_for(
                Api::Generic,
                &order,
                &endpoint("/p"),
                &options(),
                None,
                None
            ),
            Err(NotBuilt::NoKey)
        );
    }
}
