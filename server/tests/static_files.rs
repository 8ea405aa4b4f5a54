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
