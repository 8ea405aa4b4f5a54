//! One HTTP exchange with the provider: the request as prepared, byte for byte, and its
//! whole answer, with every failure sorted by whether the request can have reached it.

use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, USER_AGENT};
use reqwest::{redirect, Client, Method as HttpMethod, Url};
use ssl_order_core::providers::{Method, PreparedRequest};

use super::error::{SendError, UpstreamError};
use super::secret::Scrubber;

/// Connecting gives up after this long (or the whole timeout, if that is shorter).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const AGENT: &str = concat!("ssl-order-server/", env!("CARGO_PKG_VERSION"));

/// The client every call of one `Upstream` shares: rustls, timeouts, and no redirects
/// followed (one to elsewhere must not carry our credential).
pub fn client(timeout: Duration) -> Result<Client, UpstreamError> {
    let mut headers = HeaderMap::new();
    headers.insert(USER_AGENT, HeaderValue::from_static(AGENT));
    Client::builder()
        .use_rustls_tls()
        .timeout(timeout)
        .connect_timeout(CONNECT_TIMEOUT.min(timeout))
        .redirect(redirect::Policy::none())
        .default_headers(headers)
        .build()
        .map_err(|error| UpstreamError::Client {
            reason: describe(&error.without_url()),
        })
}

/// A request about to go out: the URL parsed (as reqwest will send it), headers checked.
pub struct Outgoing {
    pub method: Method,
    pub url: Url,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub body: Option<String>,
}

/// The whole answer.
pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
    pub elapsed: Duration,
}

/// Parses the URL (never shown: a query may hold a credential).
pub fn parse_url(url: &str) -> Result<Url, SendError> {
    Url::parse(url).map_err(|error| SendError::NotSent {
        reason: format!(
            "the request's URL is not an absolute URL ({error}); check upstream.base_url"
        ),
    })
}

pub fn header(
    name: &str,
    value: &str,
    secret: bool,
) -> Result<(HeaderName, HeaderValue), SendError> {
    let header_name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| SendError::NotSent {
        reason: format!("{name:?} is not a valid header name"),
    })?;
    let mut header_value = HeaderValue::from_str(value).map_err(|_| SendError::NotSent {
        reason: format!("the value of header {name} is not valid in a header"),
    })?;
    header_value.set_sensitive(secret);
    Ok((header_name, header_value))
}

impl Outgoing {
    pub fn from_prepared(request: PreparedRequest) -> Result<Outgoing, SendError> {
        let url = parse_url(&request.url)?;
        let headers = request
            .headers
            .iter()
            .map(|h| header(h.name, &h.value, h.secret))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Outgoing {
            method: request.method,
            url,
            headers,
            body: request.body,
        })
    }

    pub fn add_header(&mut self, name: &str, value: &str, secret: bool) -> Result<(), SendError> {
        let (name, value) = header(name, value, secret)?;
        self.headers.retain(|(existing, _)| existing != name);
        self.headers.push((name, value));
        Ok(())
    }

    /// Appends `name=value` to the query, leaving the rest of it as it was.
    pub fn add_query(&mut self, name: &str, value: &str) {
        self.url.query_pairs_mut().append_pair(name, value);
    }
}

/// Sends `outgoing` and reads the whole answer. Reasons never hold the URL (its query may
/// carry a credential) nor a header value, and `scrubber`'s secrets are taken out of them.
pub async fn exchange(
    client: &Client,
    outgoing: Outgoing,
    scrubber: &Scrubber,
) -> Result<Answer, SendError> {
    let method = match outgoing.method {
        Method::Get => HttpMethod::GET,
        Method::Post => HttpMethod::POST,
    };
    let mut builder = client.request(method, outgoing.url);
    for (name, value) in outgoing.headers {
        builder = builder.header(name, value);
    }
    if let Some(body) = outgoing.body {
        builder = builder.body(body);
    }
    let start = Instant::now();
    let response = builder.send().await.map_err(|e| classify(e, scrubber))?;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.map_err(|error| SendError::Lost {
        reason: scrubber.scrub(&format!(
            "the answer (HTTP {status}) broke off: {}",
            describe(&error.without_url())
        )),
    })?;
    Ok(Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        elapsed: start.elapsed(),
    })
}

/// A connection never made (refused, DNS, TLS handshake, its timeout) cannot have reached
/// the provider; anything after it may have.
fn classify(error: reqwest::Error, scrubber: &Scrubber) -> SendError {
    let never_sent = error.is_connect() || error.is_builder();
    let reason = scrubber.scrub(&describe(&error.without_url()));
    if never_sent {
        SendError::NotSent { reason }
    } else {
        SendError::Lost { reason }
    }
}

/// The error and its causes on one line.
fn describe(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let said = cause.to_string();
        if !text.contains(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        source = cause.source();
    }
    text
}
