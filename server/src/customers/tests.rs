use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::http::{HeaderMap, HeaderValue};
use base64ct::{Base64UrlUnpadded, Encoding};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

use super::*;

const SECRET: &str = "an-hs256-secret-for-tests-only-0123456789";
const AUDIENCE: &str = "ssl-order";
const LOCAL: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn listen() -> SocketAddr {
    "127.0.0.1:0".parse().unwrap()
}

/// A file of its own holding `contents` (tests run at once: each call gets a new name).
fn key_file(name: &str, contents: &[u8]) -> PathBuf {
    static FILES: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("ssl-order-customers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}-{name}", FILES.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&path, contents).unwrap();
    path
}

fn jwt_settings(algorithm: JwtAlgorithm, key_file: PathBuf) -> CustomerSettings {
    CustomerSettings::Jwt {
        algorithm,
        key_file: Some(key_file),
        key_env: None,
        audience: AUDIENCE.to_string(),
        issuer: Some("panel.example".to_string()),
        leeway_seconds: 30,
        max_lifetime_seconds: 3600,
    }
}

fn hs256_gate() -> Gate {
    let path = key_file("hs256.key", format!("{SECRET}\n").as_bytes());
    let gate = Gate::from_settings(&jwt_settings(JwtAlgorithm::Hs256, path.clone()), listen());
    std::fs::remove_file(path).unwrap();
    gate.unwrap()
}

fn eddsa_gate() -> Gate {
    let settings = jwt_settings(JwtAlgorithm::EdDsa, fixture("jwt-ed25519-public.pem"));
    Gate::from_settings(&settings, listen()).unwrap()
}

fn now() -> u64 {
    unix_now()
}

/// Claims every gate above accepts, for `customer-42` with a cap of 50000 cents.
fn claims() -> Value {
    json!({
        "sub": "customer-42",
        "aud": AUDIENCE,
        "iss": "panel.example",
        "iat": now(),
        "exp": now() + 300,
        "spending_cap_cents": 50000,
    })
}

fn with(mut claims: Value, key: &str, value: Value) -> Value {
    claims[key] = value;
    claims
}

fn without(mut claims: Value, key: &str) -> Value {
    claims.as_object_mut().unwrap().remove(key);
    claims
}

fn hs256(claims: &Value, secret: &str) -> String {
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

fn eddsa(claims: &Value, private_pem: &str) -> String {
    let pem = std::fs::read(fixture(private_pem)).unwrap();
    jsonwebtoken::encode(
        &Header::new(Algorithm::EdDSA),
        claims,
        &EncodingKey::from_ed_pem(&pem).unwrap(),
    )
    .unwrap()
}

fn bearer(token: &str) -> HeaderMap {
    authorization(&format!("Bearer {token}"))
}

fn authorization(value: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
    headers
}

fn customer_42() -> Customer {
    Customer {
        id: "customer-42".to_string(),
        spending_cap_cents: Some(50000),
    }
}

#[test]
fn a_valid_hs256_token_names_the_customer_and_carries_the_cap() {
    let token = hs256(&claims(), SECRET);
    assert_eq!(
        hs256_gate().identify(&bearer(&token), LOCAL),
        Ok(customer_42())
    );
    let no_cap = hs256(&without(claims(), "spending_cap_cents"), SECRET);
    let customer = hs256_gate().identify(&bearer(&no_cap), LOCAL).unwrap();
    assert_eq!(customer.spending_cap_cents, None);
}

#[test]
fn a_valid_eddsa_token_names_the_customer() {
    let token = eddsa(&claims(), "jwt-ed25519-private.pem");
    assert_eq!(
        eddsa_gate().identify(&bearer(&token), LOCAL),
        Ok(customer_42())
    );
}

#[test]
fn a_forged_payload_fails_the_signature() {
    let token = hs256(&claims(), SECRET);
    let mut parts: Vec<&str> = token.split('.').collect();
    let forged = with(claims(), "sub", json!("customer-1"));
    let payload = Base64UrlUnpadded::encode_string(forged.to_string().as_bytes());
    parts[1] = &payload;
    let forged = parts.join(".");
    let refusal = hs256_gate().identify(&bearer(&forged), LOCAL).unwrap_err();
    assert_eq!(refusal, Refusal::BadSignature);
    let token = eddsa(&claims(), "jwt-ed25519-private.pem");
    let mut parts: Vec<&str> = token.split('.').collect();
    parts[1] = &payload;
    let forged = parts.join(".");
    assert_eq!(
        eddsa_gate().identify(&bearer(&forged), LOCAL),
        Err(Refusal::BadSignature)
    );
}

#[test]
fn a_token_signed_with_another_key_is_refused() {
    let token = hs256(&claims(), "another-secret-of-the-same-length-0123456");
    assert_eq!(
        hs256_gate().identify(&bearer(&token), LOCAL),
        Err(Refusal::BadSignature)
    );
    let token = eddsa(&claims(), "jwt-ed25519-other-private.pem");
    assert_eq!(
        eddsa_gate().identify(&bearer(&token), LOCAL),
        Err(Refusal::BadSignature)
    );
}

#[test]
fn an_expired_token_is_refused_past_the_leeway_only() {
    let gate = hs256_gate();
    let expired = with(
        with(claims(), "exp", json!(now() - 120)),
        "iat",
        json!(now() - 400),
    );
    assert_eq!(
        gate.identify(&bearer(&hs256(&expired, SECRET)), LOCAL),
        Err(Refusal::Expired)
    );
    // Ten seconds ago is inside the 30 seconds of leeway.
    let just = with(claims(), "exp", json!(now() - 10));
    assert!(gate.identify(&bearer(&hs256(&just, SECRET)), LOCAL).is_ok());
}

#[test]
fn tokens_not_valid_yet_are_refused() {
    let gate = hs256_gate();
    let nbf = with(claims(), "nbf", json!(now() + 600));
    assert_eq!(
        gate.identify(&bearer(&hs256(&nbf, SECRET)), LOCAL),
        Err(Refusal::NotYetValid)
    );
    let iat = with(
        with(claims(), "iat", json!(now() + 600)),
        "exp",
        json!(now() + 900),
    );
    assert_eq!(
        gate.identify(&bearer(&hs256(&iat, SECRET)), LOCAL),
        Err(Refusal::NotYetValid)
    );
}

#[test]
fn a_token_for_another_audience_or_issuer_is_refused() {
    let gate = hs256_gate();
    let aud = with(claims(), "aud", json!("another-service"));
    assert_eq!(
        gate.identify(&bearer(&hs256(&aud, SECRET)), LOCAL),
        Err(Refusal::WrongAudience)
    );
    let iss = with(claims(), "iss", json!("someone-else"));
    assert_eq!(
        gate.identify(&bearer(&hs256(&iss, SECRET)), LOCAL),
        Err(Refusal::WrongIssuer)
    );
}

#[test]
fn alg_none_is_refused() {
    let header = Base64UrlUnpadded::encode_string(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = Base64UrlUnpadded::encode_string(claims().to_string().as_bytes());
    let token = format!("{header}.{payload}.");
    for gate in [hs256_gate(), eddsa_gate()] {
        assert!(
            matches!(
                gate.identify(&bearer(&token), LOCAL),
                Err(Refusal::WrongAlgorithm { .. })
            ),
            "{gate:?}"
        );
    }
}

#[test]
fn an_hs256_token_under_eddsa_settings_is_refused() {
    // The classic confusion: the public key used as an HMAC secret.
    let public = std::fs::read_to_string(fixture("jwt-ed25519-public.pem")).unwrap();
    for secret in [public.as_str(), SECRET] {
        let token = hs256(&claims(), secret);
        assert_eq!(
            eddsa_gate().identify(&bearer(&token), LOCAL),
            Err(Refusal::WrongAlgorithm { expected: "EdDSA" })
        );
    }
    let token = eddsa(&claims(), "jwt-ed25519-private.pem");
    assert_eq!(
        hs256_gate().identify(&bearer(&token), LOCAL),
        Err(Refusal::WrongAlgorithm { expected: "HS256" })
    );
}

#[test]
fn required_claims_are_required() {
    let gate = hs256_gate();
    let refused = |claims: Value| {
        gate.identify(&bearer(&hs256(&claims, SECRET)), LOCAL)
            .unwrap_err()
    };
    assert_eq!(refused(without(claims(), "sub")), Refusal::NoSubject);
    assert_eq!(
        refused(with(claims(), "sub", json!(""))),
        Refusal::NoSubject
    );
    assert_eq!(
        refused(without(claims(), "aud")),
        Refusal::MissingClaim("aud")
    );
    assert_eq!(
        refused(without(claims(), "iat")),
        Refusal::MissingClaim("iat")
    );
    assert_eq!(
        refused(without(claims(), "iss")),
        Refusal::MissingClaim("iss")
    );
    assert_eq!(
        refused(without(claims(), "exp")),
        Refusal::MissingClaim("exp")
    );
}

#[test]
fn a_long_lived_token_is_refused() {
    let long = with(claims(), "exp", json!(now() + 3601));
    assert_eq!(
        hs256_gate().identify(&bearer(&hs256(&long, SECRET)), LOCAL),
        Err(Refusal::TooLongLived { max_seconds: 3600 })
    );
    let limit = with(claims(), "exp", json!(now() + 3600));
    assert!(hs256_gate()
        .identify(&bearer(&hs256(&limit, SECRET)), LOCAL)
        .is_ok());
}

#[test]
fn a_cap_or_sub_of_the_wrong_shape_is_refused() {
    let gate = hs256_gate();
    for cap in [json!("100"), json!(-1), json!(1.5)] {
        let token = hs256(&with(claims(), "spending_cap_cents", cap), SECRET);
        assert_eq!(gate.identify(&bearer(&token), LOCAL), Err(Refusal::BadCap));
    }
    let token = hs256(&with(claims(), "sub", json!("a\nb")), SECRET);
    assert_eq!(
        gate.identify(&bearer(&token), LOCAL),
        Err(Refusal::BadCustomerId)
    );
}

#[test]
fn a_missing_or_malformed_authorization_is_refused() {
    let gate = hs256_gate();
    assert_eq!(
        gate.identify(&HeaderMap::new(), LOCAL),
        Err(Refusal::NoToken)
    );
    assert_eq!(
        gate.identify(&authorization("Basic dXNlcjpwYXNz"), LOCAL),
        Err(Refusal::NoToken)
    );
    for value in [
        "Bearer",
        "Bearer ",
        "Bearer abc",
        "Bearer a.b.c",
        "Bearer a.b.c.d",
    ] {
        assert_eq!(
            gate.identify(&authorization(value), LOCAL),
            Err(Refusal::Malformed),
            "{value}"
        );
    }
    // The scheme is case-insensitive (RFC 9110).
    let token = hs256(&claims(), SECRET);
    let lower = authorization(&format!("bearer {token}"));
    assert_eq!(gate.identify(&lower, LOCAL), Ok(customer_42()));
}

#[test]
fn the_key_can_come_from_the_environment() {
    let name = format!("SSL_ORDER_TEST_JWT_KEY_{}", std::process::id());
    std::env::set_var(&name, SECRET);
    let settings = CustomerSettings::Jwt {
        algorithm: JwtAlgorithm::Hs256,
        key_file: None,
        key_env: Some(name.clone()),
        audience: AUDIENCE.to_string(),
        issuer: None,
        leeway_seconds: 30,
        max_lifetime_seconds: 3600,
    };
    let gate = Gate::from_settings(&settings, listen()).unwrap();
    std::env::remove_var(&name);
    let token = hs256(&without(claims(), "iss"), SECRET);
    assert_eq!(gate.identify(&bearer(&token), LOCAL), Ok(customer_42()));
    let missing = Gate::from_settings(&settings, listen()).unwrap_err();
    assert!(matches!(missing, GateError::KeyEnv { .. }), "{missing:?}");
    assert!(missing.to_string().contains(&name));
}

#[test]
fn unusable_keys_are_refused_at_start_without_printing_them() {
    let short = "short-secret-0123456789";
    let path = key_file("short.key", short.as_bytes());
    let error =
        Gate::from_settings(&jwt_settings(JwtAlgorithm::Hs256, path), listen()).unwrap_err();
    assert!(
        matches!(error, GateError::SecretTooShort { bytes: 23 }),
        "{error:?}"
    );
    assert!(!error.to_string().contains(short) && !format!("{error:?}").contains(short));

    let private = fixture("jwt-ed25519-private.pem");
    let error =
        Gate::from_settings(&jwt_settings(JwtAlgorithm::EdDsa, private), listen()).unwrap_err();
    assert!(matches!(error, GateError::PrivateKeyGiven), "{error:?}");

    let path = key_file("not-a-key.pem", SECRET.as_bytes());
    let error =
        Gate::from_settings(&jwt_settings(JwtAlgorithm::EdDsa, path), listen()).unwrap_err();
    assert!(matches!(error, GateError::NotAPublicKey), "{error:?}");

    let missing = fixture("no-such-key.pem");
    let error =
        Gate::from_settings(&jwt_settings(JwtAlgorithm::EdDsa, missing), listen()).unwrap_err();
    assert!(error.to_string().contains("no-such-key.pem"), "{error}");

    let mut settings = jwt_settings(JwtAlgorithm::Hs256, fixture("x"));
    if let CustomerSettings::Jwt { key_file, .. } = &mut settings {
        *key_file = None;
    }
    let error = Gate::from_settings(&settings, listen()).unwrap_err();
    assert!(matches!(error, GateError::NoKeySource), "{error:?}");
}

#[test]
fn the_secret_never_prints() {
    let gate = hs256_gate();
    let debug = format!("{gate:?}");
    assert!(!debug.contains(SECRET), "{debug}");
    assert!(debug.contains("[redacted]"), "{debug}");
    // Nor does a refusal of a token signed with it say the token.
    let token = hs256(&with(claims(), "aud", json!("x")), SECRET);
    let refusal = gate.identify(&bearer(&token), LOCAL).unwrap_err();
    for text in [refusal.message(), format!("{refusal:?}")] {
        assert!(!text.contains(&token) && !text.contains(SECRET), "{text}");
    }
}

fn gateway_gate() -> Gate {
    let settings = CustomerSettings::TrustedHeader {
        header: "X-Customer-Id".to_string(),
        from: vec!["10.0.0.7".parse().unwrap()],
        cap_header: Some("X-Customer-Cap".to_string()),
    };
    Gate::from_settings(&settings, "0.0.0.0:8080".parse().unwrap()).unwrap()
}

fn gateway_headers(id: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert("x-customer-id", HeaderValue::from_str(id).unwrap());
    headers
}

#[test]
fn the_trusted_header_is_believed_from_the_gateway_only() {
    let gate = gateway_gate();
    let gateway: IpAddr = "10.0.0.7".parse().unwrap();
    let expected = Customer {
        id: "c-7".to_string(),
        spending_cap_cents: None,
    };
    assert_eq!(
        gate.identify(&gateway_headers("c-7"), gateway),
        Ok(expected.clone())
    );
    // The same address seen on a dual-stack socket.
    let mapped = IpAddr::V6(Ipv4Addr::new(10, 0, 0, 7).to_ipv6_mapped());
    assert_eq!(gate.identify(&gateway_headers("c-7"), mapped), Ok(expected));
    let other: IpAddr = "10.0.0.8".parse().unwrap();
    assert_eq!(
        gate.identify(&gateway_headers("c-7"), other),
        Err(Refusal::NotFromGateway)
    );
    assert!(matches!(
        gate.identify(&HeaderMap::new(), gateway),
        Err(Refusal::NoHeader { .. })
    ));
    assert!(matches!(
        gate.identify(&gateway_headers(" "), gateway),
        Err(Refusal::NoHeader { .. })
    ));
}

#[test]
fn the_gateway_can_send_a_cap() {
    let gate = gateway_gate();
    let gateway: IpAddr = "10.0.0.7".parse().unwrap();
    let mut headers = gateway_headers("c-7");
    headers.insert("x-customer-cap", HeaderValue::from_static("12345"));
    assert_eq!(
        gate.identify(&headers, gateway)
            .map(|c| c.spending_cap_cents),
        Ok(Some(12345))
    );
    headers.insert("x-customer-cap", HeaderValue::from_static("lots"));
    assert_eq!(gate.identify(&headers, gateway), Err(Refusal::BadCap));
}

#[test]
fn a_trusted_header_without_gateway_or_with_a_bad_name_is_refused() {
    let settings = CustomerSettings::TrustedHeader {
        header: "X-Customer-Id".to_string(),
        from: Vec::new(),
        cap_header: None,
    };
    assert!(matches!(
        Gate::from_settings(&settings, listen()),
        Err(GateError::NoGateway)
    ));
    let settings = CustomerSettings::TrustedHeader {
        header: "X Customer".to_string(),
        from: vec![LOCAL],
        cap_header: None,
    };
    assert!(matches!(
        Gate::from_settings(&settings, listen()),
        Err(GateError::BadHeaderName { .. })
    ));
}

#[test]
fn demo_is_loopback_only() {
    let refused =
        Gate::from_settings(&CustomerSettings::Demo, "0.0.0.0:8080".parse().unwrap()).unwrap_err();
    assert!(matches!(refused, GateError::DemoNotLoopback { .. }));
    assert!(refused.to_string().contains("0.0.0.0:8080"), "{refused}");
    let v6_any = SocketAddr::new(IpAddr::V6(Ipv6Addr::UNSPECIFIED), 0);
    assert!(Gate::from_settings(&CustomerSettings::Demo, v6_any).is_err());
    for listen in ["127.0.0.1:0", "[::1]:0"] {
        let gate = Gate::from_settings(&CustomerSettings::Demo, listen.parse().unwrap()).unwrap();
        assert_eq!(
            gate.identify(&HeaderMap::new(), LOCAL),
            Ok(Customer {
                id: DEMO_CUSTOMER.to_string(),
                spending_cap_cents: None,
            })
        );
    }
}
