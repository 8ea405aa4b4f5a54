//! The `ssl-order-server` binary as scripts use it: one announced line, then serving,
//! and a clean exit on SIGTERM.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_ssl-order-server");

/// Waits for `child` to exit, for at most `limit`: a thread waits on it and reports the
/// status; should none come in time, the process is killed by its ID.
fn wait_with_timeout(mut child: Child, limit: Duration) -> ExitStatus {
    let pid = child.id().to_string();
    let (exited, status) = mpsc::channel();
    thread::spawn(move || exited.send(child.wait()));
    match status.recv_timeout(limit) {
        Ok(status) => status.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-KILL", &pid]).status();
            panic!("the server did not exit within {limit:?}");
        }
    }
}

fn http_get(addr: &str, path: &str) -> String {
    http_get_with(addr, path, "")
}

/// A GET with extra header lines (each ending in CRLF), answered over a fresh connection.
fn http_get_with(addr: &str, path: &str, headers: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{headers}\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn the_binary_announces_its_port_serves_and_stops_on_sigterm() {
    let mut child = Command::new(BIN)
        .args(["--addr", "127.0.0.1:0", "--issue-delay-secs", "1"])
        // The directory and the sandbox come from the environment fallbacks of the options.
        .env("SSL_ORDER_DIST", common::dist_dir())
        .env("SSL_ORDER_SANDBOX", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let addr = line
        .strip_prefix("listening on http://")
        .and_then(|rest| rest.split_once("/ "))
        .map(|(addr, _)| addr)
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
    assert!(
        addr.starts_with("127.0.0.1:") && !addr.ends_with(":0"),
        "{addr}"
    );
    assert_eq!(
        line,
        format!("listening on http://{addr}/ with the sandbox at http://{addr}/sandbox/\n")
    );

    let page = http_get(addr, "/");
    assert!(page.starts_with("HTTP/1.1 200 OK"), "{page}");
    assert!(page
        .to_ascii_lowercase()
        .contains("x-content-type-options: nosniff"));
    assert!(page.contains("SSL order wizard"));
    let log = http_get(addr, "/sandbox/_log");
    assert!(log.ends_with("[]"), "{log}");

    // The longest token the documents allow gets through hyper to the sandbox.
    let token = format!("X-Auth-Token: {}\r\n", "t".repeat(2_097_152));
    let details = "/sandbox/huawei/v3/scm/certificates/scs0000000000000";
    let answer = http_get_with(addr, details, &token);
    assert!(answer.starts_with("HTTP/1.1 404"), "{}", &answer[..100]);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = wait_with_timeout(child, Duration::from_secs(10));
    assert!(status.success(), "{status}");
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert_eq!(rest, "", "only one line goes to stdout");
}

#[test]
fn without_sandbox_the_binary_serves_no_sandbox_and_warns_about_a_config_using_it() {
    let mut child = Command::new(BIN)
        .args(["--addr", "127.0.0.1:0"])
        .arg("--dist")
        .arg(common::dist_dir())
        .env_remove("SSL_ORDER_SANDBOX")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let addr = line
        .strip_prefix("listening on http://")
        .and_then(|rest| rest.strip_suffix("/\n"))
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    for path in [
        "/sandbox/_log",
        "/sandbox/_faults",
        "/sandbox/huawei/v3/scm/certificates/x",
    ] {
        let answer = http_get(&addr, path);
        assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer}");
    }
    let page = http_get(&addr, "/");
    assert!(page.starts_with("HTTP/1.1 200 OK"), "{page}");

    child.kill().unwrap();
    child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(
        stderr.contains("config.json points the app at sandbox/") && stderr.contains("--sandbox"),
        "{stderr}"
    );
}

#[test]
fn the_binary_refuses_to_start_without_its_dist_directory() {
    let output = Command::new(BIN)
        .args([
            "--dist",
            "/nonexistent/ssl-order/dist",
            "--addr",
            "127.0.0.1:0",
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("/nonexistent/ssl-order/dist") && stderr.contains("does not exist"),
        "{stderr}"
    );
}

#[test]
fn the_binary_refuses_a_malformed_mount() {
    let output = Command::new(BIN)
        .args(["--dist", "/tmp", "--mount", "bench"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("/prefix=DIR"));
}

#[test]
fn the_binary_prints_the_policy_for_another_web_server() {
    let output = Command::new(BIN)
        .args([
            "--print-csp",
            "--frame-ancestors",
            "https://shop.example.com",
        ])
        .env("SSL_ORDER_DIST", common::dist_dir())
        .output()
        .unwrap();
    assert!(output.status.success());
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        printed.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval';"),
        "{printed}"
    );
    assert!(printed.ends_with("frame-ancestors https://shop.example.com\n"));

    let output = Command::new(BIN)
        .args(["--print-csp", "--dist", "/nonexistent/ssl-order/dist"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no index.html"));
}
