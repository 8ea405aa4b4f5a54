use super::*;
use axum::http::HeaderValue;

/// The documentation's example request (see `huawei-signing.md`).
const VECTOR_PATH: &str = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs";
const VECTOR_QUERY: &str = "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0";
const VECTOR_SECRET: &str = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

const BUY: &str = "/sandbox/huawei/v3/scm/certificates/buy";
const BODY: &[u8] = br#"{"cert_brand":"GLOBALSIGN"}"#;
/// 2026-03-15T00:00:00Z, the signing time of the requests below.
const DATE: &str = "20260315T000000Z";

fn at(date: &str) -> SystemTime {
    parse_date(date).unwrap()
}

fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(
            axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    map
}

fn mac_hex(secret: &str, data: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(data.as_bytes());
    hex(&mac.finalize().into_bytes())
}

#[test]
fn the_published_vector_hashes_and_signs_as_documented() {
    let headers = headers(&[
        ("content-type", "application/json"),
        ("host", "service.region.example.com"),
        ("x-sdk-date", "20191115T033655Z"),
    ]);
    let request = Received {
        method: "GET",
        path: VECTOR_PATH,
        query: Some(VECTOR_QUERY),
        headers: &headers,
        authority: None,
        body: b"",
    };
    let canonical = canonical_request(&request, &["content-type", "host", "x-sdk-date"]).unwrap();
    assert_eq!(
        hex(&Sha256::digest(canonical.as_bytes())),
        "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"
    );
    assert_eq!(
        mac_hex(
            VECTOR_SECRET,
            &string_to_sign("20191115T033655Z", &canonical)
        ),
        "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"
    );
}

/// A request as a client following the guide sends it: signed by `secret` over `signed`.
struct Signed {
    method: &'static str,
    path: String,
    query: Option<String>,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Signed {
    fn buy() -> Self {
        Self {
            method: "POST",
            path: BUY.to_string(),
            query: Some("b=2&a=x%2By&a=1".to_string()),
            headers: headers(&[
                ("content-type", "application/json"),
                ("host", "127.0.0.1:8080"),
                ("x-sdk-date", DATE),
                ("x-domain-id", HUAWEI_DOMAIN_ID),
            ]),
            body: BODY.to_vec(),
        }
    }

    fn received(&self) -> Received<'_> {
        Received {
            method: self.method,
            path: &self.path,
            query: self.query.as_deref(),
            headers: &self.headers,
            authority: None,
            body: &self.body,
        }
    }

    /// Adds the `Authorization` header: `access` and a signature by `secret` over `signed`.
    fn sign(mut self, access: &str, secret: &str, signed: &[&str]) -> Self {
        let value = client::authorization(&self.received(), access, secret, signed);
        self.headers
            .insert("authorization", HeaderValue::from_str(&value).unwrap());
        self
    }

    fn signed_by_sandbox(self) -> Self {
        self.sign(
            HUAWEI_ACCESS_KEY,
            HUAWEI_SECRET_KEY,
            &["content-type", "host", "x-domain-id", "x-sdk-date"],
        )
    }

    fn verify_at(&self, now: SystemTime) -> Result<(), Refusal> {
        verify(&self.received(), &SANDBOX_KEY, now)
    }

    fn verify(&self) -> Result<(), Refusal> {
        self.verify_at(at(DATE))
    }
}

#[test]
fn the_client_writes_dates_as_the_verifier_reads_them() {
    assert_eq!(client::date(at(DATE)), DATE);
    assert_eq!(client::date(at("20000229T235959Z")), "20000229T235959Z");
}

#[test]
fn a_request_signed_with_the_sandbox_key_is_accepted() {
    let request = Signed::buy().signed_by_sandbox();
    assert!(is_signed(&request.headers));
    assert_eq!(request.verify(), Ok(()));
}

#[test]
fn a_request_signed_with_another_secret_is_refused() {
    let request = Signed::buy().sign(
        HUAWEI_ACCESS_KEY,
        "another-secret-key-0000000000000000000000",
        &["content-type", "host", "x-domain-id", "x-sdk-date"],
    );
    assert_eq!(request.verify(), Err(Refusal::SignatureMismatch));
}

#[test]
fn a_tampered_body_is_refused() {
    let mut request = Signed::buy().signed_by_sandbox();
    request.body = br#"{"cert_brand":"DIGICERT"}"#.to_vec();
    assert_eq!(request.verify(), Err(Refusal::SignatureMismatch));
}

#[test]
fn a_body_declared_unsigned_is_not_hashed() {
    let mut request = Signed::buy();
    request.headers.insert(
        "x-sdk-content-sha256",
        HeaderValue::from_static(UNSIGNED_PAYLOAD),
    );
    let mut request = request.signed_by_sandbox();
    request.body = b"anything".to_vec();
    assert_eq!(request.verify(), Ok(()));
}

#[test]
fn a_tampered_query_is_refused() {
    let mut request = Signed::buy().signed_by_sandbox();
    request.query = Some("b=2&a=x%2By&a=2".to_string());
    assert_eq!(request.verify(), Err(Refusal::SignatureMismatch));
}

#[test]
fn the_query_is_signed_in_canonical_order_whatever_order_it_is_sent_in() {
    let mut request = Signed::buy().signed_by_sandbox();
    request.query = Some("a=1&a=x%2by&b=2".to_string());
    assert_eq!(request.verify(), Ok(()));
    assert_eq!(canonical_query("b=2&a=x%2By&a=1&c"), "a=1&a=x%2By&b=2&c=");
    assert_eq!(canonical_query("q=a+b&r=%7e"), "q=a%20b&r=~");
}

#[test]
fn the_path_signed_is_the_full_one() {
    // The path without the sandbox's prefix, as a nested router sees it, is another request.
    let mut request = Signed::buy().signed_by_sandbox();
    request.path = "/v3/scm/certificates/buy".to_string();
    assert_eq!(request.verify(), Err(Refusal::SignatureMismatch));
    assert_eq!(canonical_uri("/v1/a b/%7Ex"), "/v1/a%20b/~x/");
    assert_eq!(canonical_uri("/"), "/");
}

#[test]
fn a_changed_signed_header_is_refused() {
    let mut request = Signed::buy().signed_by_sandbox();
    request
        .headers
        .insert("host", HeaderValue::from_static("other.example.com"));
    assert_eq!(request.verify(), Err(Refusal::SignatureMismatch));
}

#[test]
fn a_date_over_15_minutes_off_either_way_is_refused() {
    let request = Signed::buy().signed_by_sandbox();
    let sent = at(DATE);
    let minutes = |n: u64| Duration::from_secs(n * 60);
    assert_eq!(request.verify_at(sent + minutes(15)), Ok(()));
    assert_eq!(request.verify_at(sent - minutes(15)), Ok(()));
    assert_eq!(
        request.verify_at(sent + minutes(16)),
        Err(Refusal::DateSkew)
    );
    assert_eq!(
        request.verify_at(sent - minutes(16)),
        Err(Refusal::DateSkew)
    );
}

#[test]
fn a_missing_or_malformed_date_is_refused() {
    let mut request = Signed::buy();
    request.headers.remove("x-sdk-date");
    let request = request.sign(
        HUAWEI_ACCESS_KEY,
        HUAWEI_SECRET_KEY,
        &["host", "x-domain-id"],
    );
    assert_eq!(request.verify(), Err(Refusal::MissingHeader("X-Sdk-Date")));
    for date in [
        "2026-03-15T00:00:00Z",
        "20260315T000000",
        "20261315T000000Z",
        "20260230T000000Z",
        "20260315T240000Z",
        "2026031+T000000Z",
    ] {
        assert_eq!(parse_date(date), None, "{date}");
    }
    let mut request = Signed::buy();
    request
        .headers
        .insert("x-sdk-date", HeaderValue::from_static("20260230T000000Z"));
    let request = request.signed_by_sandbox();
    assert_eq!(request.verify(), Err(Refusal::BadDate));
}

#[test]
fn an_unsigned_date_is_refused() {
    let request = Signed::buy().sign(
        HUAWEI_ACCESS_KEY,
        HUAWEI_SECRET_KEY,
        &["content-type", "host", "x-domain-id"],
    );
    assert_eq!(request.verify(), Err(Refusal::Unsigned("X-Sdk-Date")));
}

#[test]
fn a_missing_x_domain_id_is_refused() {
    let mut request = Signed::buy();
    request.headers.remove("x-domain-id");
    let request = request.sign(
        HUAWEI_ACCESS_KEY,
        HUAWEI_SECRET_KEY,
        &["content-type", "host", "x-sdk-date"],
    );
    assert_eq!(request.verify(), Err(Refusal::MissingHeader("X-Domain-Id")));
}

#[test]
fn an_unsigned_or_foreign_x_domain_id_is_refused() {
    let request = Signed::buy().sign(
        HUAWEI_ACCESS_KEY,
        HUAWEI_SECRET_KEY,
        &["content-type", "host", "x-sdk-date"],
    );
    assert_eq!(request.verify(), Err(Refusal::Unsigned("X-Domain-Id")));
    let mut request = Signed::buy();
    request.headers.insert(
        "x-domain-id",
        HeaderValue::from_static("ffffffffffffffffffffffffffffffff"),
    );
    assert_eq!(
        request.signed_by_sandbox().verify(),
        Err(Refusal::WrongDomain)
    );
}

#[test]
fn an_unknown_access_key_is_refused() {
    let request = Signed::buy().sign(
        "QTWAOYTTINDUT2QVKYUC",
        HUAWEI_SECRET_KEY,
        &["content-type", "host", "x-domain-id", "x-sdk-date"],
    );
    assert_eq!(request.verify(), Err(Refusal::UnknownKey));
}

#[test]
fn an_unsigned_host_is_refused() {
    let request = Signed::buy().sign(
        HUAWEI_ACCESS_KEY,
        HUAWEI_SECRET_KEY,
        &["content-type", "x-domain-id", "x-sdk-date"],
    );
    assert_eq!(request.verify(), Err(Refusal::Unsigned("host")));
}

#[test]
fn a_signed_header_that_was_not_sent_is_refused() {
    let mut request = Signed::buy().signed_by_sandbox();
    request.headers.remove("content-type");
    assert_eq!(
        request.verify(),
        Err(Refusal::AbsentSignedHeader("content-type".to_string()))
    );
}

#[test]
fn the_authority_stands_in_for_a_missing_host() {
    let mut request = Signed::buy().signed_by_sandbox();
    request.headers.remove("host");
    let received = Received {
        authority: Some("127.0.0.1:8080"),
        ..request.received()
    };
    assert_eq!(verify(&received, &SANDBOX_KEY, at(DATE)), Ok(()));
    assert_eq!(request.verify(), Err(Refusal::MissingHeader("Host")));
}

#[test]
fn malformed_authorization_headers_say_which_part_is_wrong() {
    let signature = "0".repeat(64);
    for (value, needle) in [
        (
            format!("SDK-HMAC-SHA256Access=AK, SignedHeaders=host, Signature={signature}"),
            "scheme",
        ),
        (
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host".to_string(),
            "Signature",
        ),
        (
            format!("SDK-HMAC-SHA256 SignedHeaders=host, Signature={signature}"),
            "Access",
        ),
        (
            format!("SDK-HMAC-SHA256 Access=AK, Signature={signature}"),
            "SignedHeaders",
        ),
        (
            format!("SDK-HMAC-SHA256 Access=AK, SignedHeaders=Host, Signature={signature}"),
            "lower-case",
        ),
        (
            format!("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;;x, Signature={signature}"),
            "lower-case",
        ),
        (
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=abc".to_string(),
            "64 hex",
        ),
        (
            format!(
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=+{}",
                &signature[1..]
            ),
            "64 hex",
        ),
        (
            format!(
                "SDK-HMAC-SHA256 Access=AK, Access=AK, SignedHeaders=host, Signature={signature}"
            ),
            "twice",
        ),
        (
            format!(
                "SDK-HMAC-SHA256 Access=AK, Region=x, SignedHeaders=host, Signature={signature}"
            ),
            "only",
        ),
    ] {
        let refusal = parse_authorization(&value).unwrap_err();
        assert!(matches!(refusal, Refusal::Malformed(_)), "{value}");
        assert!(refusal.to_string().contains(needle), "{value}: {refusal}");
    }
    let value = format!(
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature={}",
        "aB".repeat(32)
    );
    let parsed = parse_authorization(&value).unwrap();
    assert_eq!(parsed.access, "AK");
    assert_eq!(parsed.signed_headers, ["host", "x-sdk-date"]);
    assert_eq!(parsed.signature, vec![0xab; 32]);
    let debug = format!("{parsed:?}");
    assert!(!debug.to_lowercase().contains(&"ab".repeat(32)), "{debug}");
}

#[test]
fn other_schemes_are_not_signatures() {
    assert!(!is_signed(&headers(&[("authorization", "Bearer abc")])));
    assert!(!is_signed(&headers(&[("x-auth-token", "abc")])));
    assert!(is_signed(&headers(&[(
        "authorization",
        "sdk-hmac-sha256 Access=x"
    )])));
}

#[test]
fn refusals_and_keys_never_show_the_secret() {
    let debug = format!("{SANDBOX_KEY:?}");
    assert!(!debug.contains(HUAWEI_SECRET_KEY), "{debug}");
    assert!(debug.contains("[redacted]"), "{debug}");
    let request = Signed::buy().signed_by_sandbox();
    let sent = header(&request.headers, "authorization").unwrap();
    let signature = sent.rsplit('=').next().unwrap().to_string();
    for refusal in [
        Refusal::Malformed("x"),
        Refusal::UnknownKey,
        Refusal::MissingHeader("X-Domain-Id"),
        Refusal::Unsigned("host"),
        Refusal::BadDate,
        Refusal::DateSkew,
        Refusal::WrongDomain,
        Refusal::AbsentSignedHeader("content-type".into()),
        Refusal::SignatureMismatch,
    ] {
        let text = format!("{refusal} {refusal:?}");
        assert!(!text.contains(HUAWEI_SECRET_KEY), "{text}");
        assert!(!text.contains(&signature), "{text}");
    }
}
