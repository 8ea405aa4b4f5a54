//! One place per API: how an order is placed (its steps), how its answers and its status
//! are read, and what else the API offers. Each decision is one exhaustive `match` over
//! [`Api`], so a new API does not compile until every one of them is made for it. The
//! requests themselves come from [`super::requests::requests_for`], which the review
//! page's preview and the submission share.

use super::huawei::{self, Bought, CertId};
use super::requests::{Purpose, SendOptions};
use super::{
    cpanel, generic, gogetssl, Api, Endpoint, Placed, PreparedRequest, ProviderError, StatusReport,
};
use crate::order::ValidatedOrder;

/// How an order is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placing {
    /// Huawei: buy the certificate, then apply for it. A certificate bought and not yet
    /// applied for is kept, so nothing is bought twice.
    BuyThenApply,
    /// One request places the order. `keyed`: it goes under an idempotency key, so a
    /// request whose answer was lost may go again without asking (the generic format).
    OneRequest { keyed: bool },
}

/// What an API does, in one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiProfile {
    pub placing: Placing,
    /// A dry run checks every answer and orders nothing (GoGetSSL's `test=Y`).
    pub dry_run: bool,
}

impl ApiProfile {
    /// The first request buys something that is paid for at once (Huawei's buy), so a
    /// certificate bought elsewhere may be applied for by its ID instead.
    pub fn buys_first(self) -> bool {
        match self.placing {
            Placing::BuyThenApply => true,
            Placing::OneRequest { .. } => false,
        }
    }

    /// The order goes under an idempotency key.
    pub fn keyed(self) -> bool {
        match self.placing {
            Placing::BuyThenApply => false,
            Placing::OneRequest { keyed } => keyed,
        }
    }
}

impl Api {
    pub fn profile(self) -> ApiProfile {
        match self {
            Api::Huawei => ApiProfile {
                placing: Placing::BuyThenApply,
                dry_run: false,
            },
            Api::GoGetSsl => ApiProfile {
                placing: Placing::OneRequest { keyed: false },
                dry_run: true,
            },
            Api::Cpanel => ApiProfile {
                placing: Placing::OneRequest { keyed: false },
                dry_run: false,
            },
            Api::Generic => ApiProfile {
                placing: Placing::OneRequest { keyed: true },
                dry_run: false,
            },
        }
    }
}

/// What an answer to one of the requests that place an order says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Huawei's buy: the certificate is paid for; apply for it next.
    Bought(Bought),
    /// Huawei's apply was accepted.
    Applied,
    /// The order is placed (the one-request APIs).
    Placed(Placed),
}

/// Reads the answer to the request of `purpose` that `requests_for` built for `api`.
pub fn read_answer(
    api: Api,
    purpose: Purpose,
    status: u16,
    body: &str,
    order: &ValidatedOrder,
) -> Result<Answer, ProviderError> {
    match api {
        Api::Huawei => match purpose {
            // `requests_for` names Huawei's first request a buy, never an order.
            Purpose::Buy | Purpose::Order => huawei::parse_buy(status, body).map(Answer::Bought),
            Purpose::Apply => huawei::parse_apply(status, body).map(|()| Answer::Applied),
        },
        Api::GoGetSsl => gogetssl::parse_order(status, body, order).map(Answer::Placed),
        Api::Cpanel => cpanel::parse_order(status, body, order).map(Answer::Placed),
        Api::Generic => generic::parse_order(status, body).map(Answer::Placed),
    }
}

/// The dry run of `order`, for an API that has one (`ApiProfile::dry_run`): GoGetSSL's
/// `add_ssl_order` with `test=Y` checks every answer and orders nothing.
pub fn dry_run_request(
    api: Api,
    order: &ValidatedOrder,
    endpoint: &Endpoint,
    options: &SendOptions,
) -> Option<PreparedRequest> {
    match api {
        Api::GoGetSsl => Some(gogetssl::check_request(order, endpoint, options.gogetssl)),
        Api::Huawei | Api::Cpanel | Api::Generic => None,
    }
}

/// Reads the answer to a dry run: the amount the order would cost, if the provider said.
/// An API without a dry run sent none, so any answer is unexpected.
pub fn read_dry_run(api: Api, status: u16, body: &str) -> Result<Option<String>, ProviderError> {
    match api {
        Api::GoGetSsl => gogetssl::parse_check(status, body),
        Api::Huawei | Api::Cpanel | Api::Generic => Err(super::unexpected(status, body)),
    }
}

/// The status call for a placed order, if the provider gave the ID it needs (empty IDs
/// are none).
pub fn status_request(
    api: Api,
    order_id: &str,
    cert_id: &str,
    endpoint: &Endpoint,
    options: &SendOptions,
) -> Option<PreparedRequest> {
    let order_id = Some(order_id).filter(|id| !id.is_empty());
    let cert_id = Some(cert_id).filter(|id| !id.is_empty());
    match api {
        Api::Huawei => CertId::parse(cert_id?).map(|cert| huawei::details_request(&cert, endpoint)),
        Api::GoGetSsl => order_id.map(|id| gogetssl::status_request(id, endpoint)),
        Api::Cpanel => cert_id.map(|id| cpanel::status_request(id, endpoint, &options.cpanel)),
        Api::Generic => order_id.map(|id| generic::status_request(id, endpoint)),
    }
}

/// Reads a status answer. `huawei_adds_records`: the order asked Huawei to add its DNS
/// records (`auto_dns_auth`), so they are nothing to do by hand.
pub fn read_status(
    api: Api,
    status: u16,
    body: &str,
    huawei_adds_records: bool,
) -> Result<StatusReport, ProviderError> {
    match api {
        Api::Huawei => huawei::parse_details(status, body).map(|d| d.report(huawei_adds_records)),
        Api::GoGetSsl => gogetssl::parse_status(status, body),
        Api::Cpanel => cpanel::parse_status(status, body),
        Api::Generic => generic::parse_status(status, body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::fixtures::scenarios;
    use crate::order::Provider;

    const ALL: [Api; 4] = [Api::Huawei, Api::GoGetSsl, Api::Cpanel, Api::Generic];

    fn endpoint() -> Endpoint {
        Endpoint {
            base_url: "https://api.example/".into(),
            token: Some("s3cret".into()),
        }
    }

    fn order_of(provider: Provider) -> ValidatedOrder {
        scenarios()
            .into_iter()
            .find(|o| o.product.provider == provider)
            .expect("a scenario")
    }

    #[test]
    fn only_huawei_buys_first_and_only_the_generic_format_goes_under_a_key() {
        let buys: Vec<bool> = ALL.map(|api| api.profile().buys_first()).to_vec();
        assert_eq!(buys, [true, false, false, false]);
        let keyed: Vec<bool> = ALL.map(|api| api.profile().keyed()).to_vec();
        assert_eq!(keyed, [false, false, false, true]);
        let dry: Vec<bool> = ALL.map(|api| api.profile().dry_run).to_vec();
        assert_eq!(dry, [false, true, false, false]);
    }

    #[test]
    fn a_dry_run_is_built_exactly_for_the_apis_whose_profile_offers_one() {
        let order = order_of(Provider::GoGetSsl);
        for api in ALL {
            let request = dry_run_request(api, &order, &endpoint(), &SendOptions::default());
            assert_eq!(request.is_some(), api.profile().dry_run, "{api:?}");
        }
        let request = dry_run_request(Api::GoGetSsl, &order, &endpoint(), &SendOptions::default())
            .expect("GoGetSSL has one");
        assert_eq!(request.query_param("auth_key").as_deref(), Some("s3cret"));
        assert!(request.body.is_some_and(|b| b.ends_with("&test=Y")));
        let answer = r#"{"order_amount":"12.50","success":true}"#;
        assert_eq!(
            read_dry_run(Api::GoGetSsl, 200, answer),
            Ok(Some("12.50".into()))
        );
        assert!(read_dry_run(Api::Cpanel, 200, answer).is_err());
    }

    #[test]
    fn each_answer_is_read_by_its_own_apis_parser() {
        let huawei = order_of(Provider::Huawei);
        let bought = r#"{"order_id":"CS1","cert":[{"cert_id":"scs1481110651012"}]}"#;
        assert!(matches!(
            read_answer(Api::Huawei, Purpose::Buy, 200, bought, &huawei),
            Ok(Answer::Bought(_))
        ));
        assert_eq!(
            read_answer(
                Api::Huawei,
                Purpose::Apply,
                200,
                r#"{"request_info":"success"}"#,
                &huawei
            ),
            Ok(Answer::Applied)
        );
        let gogetssl = order_of(Provider::GoGetSsl);
        let placed = read_answer(
            Api::GoGetSsl,
            Purpose::Order,
            200,
            r#"{"order_id":783956,"success":true}"#,
            &gogetssl,
        );
        assert!(matches!(placed, Ok(Answer::Placed(p)) if p.order_id == "783956"));
        let cpanel = order_of(Provider::Cpanel);
        let placed = read_answer(
            Api::Cpanel,
            Purpose::Order,
            200,
            r#"{"result":{"status":1,"data":{"order_id":"77"}}}"#,
            &cpanel,
        );
        assert!(matches!(placed, Ok(Answer::Placed(p)) if p.order_id == "77"));
        let placed = read_answer(
            Api::Generic,
            Purpose::Order,
            201,
            r#"{"order_id":"G-1","status":"processing"}"#,
            &gogetssl,
        );
        assert!(matches!(placed, Ok(Answer::Placed(p)) if p.order_id == "G-1"));
        // One API's answer is not another's: GoGetSSL's success is no generic order.
        assert!(read_answer(
            Api::Generic,
            Purpose::Order,
            200,
            r#"{"order_id":783956,"success":true}"#,
            &gogetssl
        )
        .is_err());
    }

    #[test]
    fn the_status_is_asked_by_the_id_each_api_needs() {
        let options = SendOptions::default();
        let url = |api, order_id, cert_id| {
            status_request(api, order_id, cert_id, &endpoint(), &options).map(|r| r.url)
        };
        assert_eq!(
            url(Api::Huawei, "CS1", "scs1481110651012").as_deref(),
            Some("https://api.example/v3/scm/certificates/scs1481110651012")
        );
        assert_eq!(url(Api::Huawei, "CS1", ""), None);
        assert_eq!(url(Api::Huawei, "CS1", "../x"), None);
        assert_eq!(
            url(Api::GoGetSsl, "783956", "").as_deref(),
            Some("https://api.example/orders/status/783956/?auth_key=s3cret")
        );
        assert_eq!(url(Api::GoGetSsl, "", "x"), None);
        assert!(url(Api::Cpanel, "", "87654321")
            .is_some_and(|u| u.contains("get_certificate_status_details?order_item_id=87654321")));
        assert_eq!(url(Api::Cpanel, "77", ""), None);
        assert_eq!(
            url(Api::Generic, "G-1", "").as_deref(),
            Some("https://api.example/orders/G-1")
        );
        assert_eq!(url(Api::Generic, "", "C-9"), None);
    }

    #[test]
    fn each_status_is_read_by_its_own_apis_parser() {
        let generic = r#"{"order_id":"G-1","status":"issued"}"#;
        assert!(read_status(Api::Generic, 200, generic, false).is_ok_and(|r| r.issued));
        // GoGetSSL's parser does not take the generic format's "issued" for its "active".
        assert!(read_status(Api::GoGetSsl, 200, generic, false).is_ok_and(|r| !r.issued));
        let gogetssl = r#"{"order_id":"1","status":"active","domain":"a.example"}"#;
        assert!(read_status(Api::GoGetSsl, 200, gogetssl, false).is_ok_and(|r| r.issued));
        let cpanel = r#"{"result":{"status":1,"data":{"certificateStatus":"completed"}}}"#;
        assert!(read_status(Api::Cpanel, 200, cpanel, false).is_ok_and(|r| r.issued));
        let huawei = r#"{"id":"scs1481110651012","status":"ISSUED"}"#;
        assert!(read_status(Api::Huawei, 200, huawei, false).is_ok_and(|r| r.issued));
        assert!(read_status(Api::Huawei, 200, cpanel, false).is_err());
    }
}
