//! The web app at `/`, mounts, headers and compression.

mod common;

use std::io::Read;
use std::path::PathBuf;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use ssl_order_server::{app, Config, Mount, StartError};

async fn get_encoded(router: &axum::Router, path: &str, encoding: &str) -> Answer {
    let request = Request::get(path)
        .header("accept-encoding", encoding)
        .body(Body::empty())
        .unwrap();
    send(router, request).await
}

#[tokio::test]
async fn root_serves_index_html_revalidated_and_nosniff() {
    let answer = get(&test_app(), "/").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(answer.header("cache-control"), Some("no-cache"));
    assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
    assert!(answer.text().contains("SSL order wizard"));
}

#[tokio::test]
async fn wasm_is_served_as_application_wasm() {
    let answer = get(&test_app(), "/app_bg.wasm").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("content-type"), Some("application/wasm"));
    assert_eq!(answer.body, b"\0asm\x01\0\0\0");
    assert_eq!(answer.header("cache-control"), None);
    assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
}

#[tokio::test]
async fn json_config_is_revalidated() {
    let answer = get(&test_app(), "/config.json").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    assert_eq!(answer.header("cache-control"), Some("no-cache"));
}

#[tokio::test]
async fn a_missing_file_is_404() {
    let answer = get(&test_app(), "/missing.js").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
}

#[tokio::test]
async fn responses_are_brotli_compressed_when_accepted() {
    let answer = get_encoded(&test_app(), "/", "br").await;
    assert_eq!(answer.header("content-encoding"), Some("br"));
    let mut html = String::new();
    brotli_decompress(&answer.body, &mut html);
    assert!(html.contains("SSL order wizard"));
}

#[tokio::test]
async fn responses_are_gzip_compressed_when_accepted() {
    let answer = get_encoded(&test_app(), "/config.json", "gzip").await;
    assert_eq!(answer.header("content-encoding"), Some("gzip"));
    let mut json = String::new();
    flate2::read::GzDecoder::new(&answer.body[..])
        .read_to_string(&mut json)
        .unwrap();
    assert!(json.contains("\"provider\":\"huawei\""));
}

#[tokio::test]
async fn responses_are_plain_without_accept_encoding() {
    let answer = get(&test_app(), "/").await;
    assert_eq!(answer.header("content-encoding"), None);
}

#[tokio::test]
async fn mounts_serve_extra_directories_under_their_prefix() {
    let bench = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let config = Config {
        mounts: vec![Mount::new("/bench", &bench).unwrap()],
        sandbox: true,
        ..Config::new(dist_dir())
    };
    assert!(config.check().is_ok());
    let router = app(&config);
    let answer = get(&router, "/bench/www.example.com.csr").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.text().contains("BEGIN CERTIFICATE REQUEST"));
    let answer = get(&router, "/bench/dist/app_bg.wasm").await;
    assert_eq!(answer.header("content-type"), Some("application/wasm"));
    // The web app and the sandbox are still there.
    assert_eq!(get(&router, "/").await.status, StatusCode::OK);
    assert_eq!(get(&router, "/sandbox/_log").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_mounted_page_that_is_not_the_app_gets_no_app_policy() {
    // The example control panel frames the form: the app's policy would forbid it that.
    let host = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/host");
    let router = app(&Config {
        mounts: vec![Mount::new("/host", &host).unwrap()],
        ..Config::new(dist_dir())
    });
    let page = get(&router, "/host/index.html").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("content-security-policy"), None);
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    // The app itself keeps it.
    let app_page = get(&router, "/").await;
    assert_eq!(
        app_page.header("content-security-policy"),
        Some(STRICT_POLICY)
    );
}

#[test]
fn a_missing_dist_directory_is_refused_at_start() {
    let config = Config::new("/nonexistent/ssl-order/dist");
    let error = config.check().unwrap_err();
    assert!(matches!(error, StartError::MissingDir { .. }));
    assert!(error.to_string().contains("/nonexistent/ssl-order/dist"));
}

#[test]
fn a_missing_mounted_directory_is_refused_at_start() {
    let config = Config {
        mounts: vec![Mount::new("/bench", "/nonexistent/bench").unwrap()],
        ..Config::new(dist_dir())
    };
    assert!(config
        .check()
        .unwrap_err()
        .to_string()
        .contains("/nonexistent/bench"));
}

#[test]
fn a_prefix_mounted_twice_is_refused_at_start() {
    let mount = Mount::new("/bench", dist_dir()).unwrap();
    let config = Config {
        mounts: vec![mount.clone(), mount],
        ..Config::new(dist_dir())
    };
    assert!(matches!(config.check(), Err(StartError::DuplicateMount(_))));
    // Building the router anyway must not panic.
    let _ = app(&config);
}

fn brotli_decompress(compressed: &[u8], out: &mut String) {
    brotli_decompressor::Decompressor::new(compressed, 4096)
        .read_to_string(out)
        .unwrap();
}

#[tokio::test]
async fn a_precompressed_brotli_file_is_sent_as_it_is_on_disk() {
    let answer = get_encoded(&test_app(), "/precompressed.js", "br").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("content-encoding"), Some("br"));
    let on_disk = std::fs::read(dist_dir().join("precompressed.js.br")).unwrap();
    assert_eq!(answer.body, on_disk, "not compressed again");
    assert!(answer
        .header("content-type")
        .unwrap()
        .contains("javascript"));
}

#[tokio::test]
async fn without_brotli_the_plain_file_is_compressed_on_the_fly() {
    let answer = get_encoded(&test_app(), "/precompressed.js", "identity").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("content-encoding"), None);
    assert_eq!(answer.text(), "console.log(\"precompressed\");\n");
}

const STRICT_POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; \
    form-action 'none'; frame-ancestors 'self'";

#[tokio::test]
async fn the_app_page_carries_the_strict_policy_and_no_referrer() {
    let answer = get(&test_app(), "/").await;
    assert_eq!(
        answer.header("content-security-policy"),
        Some(STRICT_POLICY)
    );
    assert_eq!(answer.header("referrer-policy"), Some("no-referrer"));
}

#[tokio::test]
async fn other_answers_get_nosniff_and_no_referrer_but_no_page_policy() {
    let router = test_app();
    for path in [
        "/app_bg.wasm",
        "/config.json",
        "/missing.js",
        "/sandbox/_log",
    ] {
        let answer = get(&router, path).await;
        assert_eq!(
            answer.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            answer.header("referrer-policy"),
            Some("no-referrer"),
            "{path}"
        );
        assert_eq!(answer.header("content-security-policy"), None, "{path}");
    }
}

#[tokio::test]
async fn the_sandbox_checkout_page_keeps_its_own_policy() {
    let answer = get(&test_app(), "/sandbox/cpanel/checkout/nonexistent").await;
    assert!(answer
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(
        answer.header("content-security-policy"),
        Some("default-src 'none'; base-uri 'none'; frame-ancestors 'none'")
    );
}

#[tokio::test]
async fn frame_ancestors_come_from_the_config() {
    let router = app(&Config {
        frame_ancestors: "'self' https://shop.example.com".parse().unwrap(),
        ..Config::new(dist_dir())
    });
    let answer = get(&router, "/").await;
    let policy = answer.header("content-security-policy").unwrap();
    assert!(
        policy.ends_with("; frame-ancestors 'self' https://shop.example.com"),
        "{policy}"
    );
}

fn app_under_sub_path() -> axum::Router {
    app(&Config {
        mounts: vec![Mount::new("/tools/ssl-order", dist_dir()).unwrap()],
        ..Config::new(dist_dir())
    })
}

#[tokio::test]
async fn the_app_mounted_under_a_sub_path_is_served_as_at_the_root() {
    let router = app_under_sub_path();
    let page = get(&router, "/tools/ssl-order/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("SSL order wizard"));
    assert_eq!(page.header("content-security-policy"), Some(STRICT_POLICY));
    assert_eq!(page.header("cache-control"), Some("no-cache"));

    let wasm = get(&router, "/tools/ssl-order/app_bg.wasm").await;
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));

    let js = get_encoded(&router, "/tools/ssl-order/precompressed.js", "br").await;
    assert_eq!(js.header("content-encoding"), Some("br"));
    let on_disk = std::fs::read(dist_dir().join("precompressed.js.br")).unwrap();
    assert_eq!(
        js.body, on_disk,
        "the file written at build time, not compressed again"
    );
}

#[tokio::test]
async fn a_sub_path_without_its_slash_is_redirected_to_it() {
    // Without the slash, the page's relative URLs would resolve against /tools/.
    let router = app_under_sub_path();
    let answer = get(&router, "/tools/ssl-order?lang=en").await;
    assert_eq!(answer.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(answer.header("location"), Some("/tools/ssl-order/?lang=en"));
    assert_eq!(
        get(&router, "/tools/ssl-order/").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_app_links_an_icon_that_is_served_as_an_image() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let index = std::fs::read_to_string(repo.join("index.html")).unwrap();
    // Linked, so browsers do not ask for /favicon.ico, and copied into the build by trunk.
    assert!(
        index.contains(r#"<link rel="icon" href="favicon.svg" type="image/svg+xml">"#),
        "{index}"
    );
    assert!(index.contains(r#"<link data-trunk rel="copy-file" href="public/favicon.svg">"#));
    // `public/` holds the file as the build gets it.
    let router = app(&Config::new(repo.join("public")));
    let answer = get(&router, "/favicon.svg").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("content-type"), Some("image/svg+xml"));
    assert!(answer
        .text()
        .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(
        answer.body.len() < 1024,
        "a small icon: {} bytes",
        answer.body.len()
    );
}
