//! The request log tests read back: what the app really sent, byte for byte, in order, with
//! its credentials replaced (see [`redact`]) and only the newest [`CAPACITY`] requests kept.

mod redact;

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::body::{to_bytes, Body};
use axum::extract::{OriginalUri, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;

/// Bodies above this are refused: no call of the sandboxed APIs comes close.
const BODY_LIMIT: usize = 1024 * 1024;

/// The log keeps the newest this many requests and drops older ones, so a long-running
/// sandbox does not grow without bound (up to about 1 GiB with the largest bodies).
pub const CAPACITY: usize = 1000;

/// One request as it arrived, and the status it was answered with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    #[serde(skip)]
    id: u64,
    pub method: String,
    /// The full path, sandbox prefix included.
    pub path: String,
    /// The raw query string without `?`; empty when there is none; credentials redacted.
    pub query: String,
    /// Lower-case header names; repeated headers joined by `, `; credentials redacted.
    pub headers: BTreeMap<String, String>,
    /// The body as text (invalid UTF-8 replaced); credentials in form and JSON bodies redacted.
    pub body: String,
    /// `null` while the request is still being answered.
    pub status: Option<u16>,
}

#[derive(Clone, Default)]
pub struct RequestLog {
    inner: Arc<Mutex<Entries>>,
}

#[derive(Default)]
struct Entries {
    next_id: u64,
    list: VecDeque<LogEntry>,
}

impl RequestLog {
    /// Every change is a single push or assignment, so a poisoned lock is still consistent.
    fn lock(&self) -> MutexGuard<'_, Entries> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn entries(&self) -> Vec<LogEntry> {
        self.lock().list.iter().cloned().collect()
    }

    pub fn clear(&self) {
        self.lock().list.clear();
    }

    /// Appends at arrival, so concurrent requests keep the order in which they came, and
    /// drops the oldest entry beyond [`CAPACITY`].
    fn start(&self, mut entry: LogEntry) -> u64 {
        let mut entries = self.lock();
        let id = entries.next_id;
        entries.next_id += 1;
        entry.id = id;
        if entries.list.len() >= CAPACITY {
            entries.list.pop_front();
        }
        entries.list.push_back(entry);
        id
    }

    fn finish(&self, id: u64, status: u16) {
        // The entry is gone if the log was reset meanwhile; then there is nothing to update.
        if let Some(entry) = self.lock().list.iter_mut().find(|e| e.id == id) {
            entry.status = Some(status);
        }
    }
}

/// State of the [`record`] middleware.
#[derive(Clone)]
pub struct Recorder {
    pub log: RequestLog,
    /// The answer, in the provider's own error shape, to a body over the limit.
    pub too_large: fn() -> Response,
}

/// Middleware: logs the request (buffering its body), runs it, logs the status.
pub async fn record(State(recorder): State<Recorder>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    // Inside a nested router the URI has lost its prefix; the original one still has it.
    let uri = parts
        .extensions
        .get::<OriginalUri>()
        .map_or(&parts.uri, |original| &original.0);
    let mut entry = LogEntry {
        id: 0,
        method: parts.method.to_string(),
        path: uri.path().to_string(),
        query: redact::form(uri.query().unwrap_or_default()),
        headers: header_map(&parts.headers),
        body: String::new(),
        status: None,
    };
    let Ok(bytes) = to_bytes(body, BODY_LIMIT).await else {
        let response = (recorder.too_large)();
        entry.status = Some(response.status().as_u16());
        recorder.log.start(entry);
        return response;
    };
    entry.body = redact::body(
        parts.headers.get(CONTENT_TYPE),
        &String::from_utf8_lossy(&bytes),
    );
    let id = recorder.log.start(entry);
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    recorder.log.finish(id, response.status().as_u16());
    response
}

fn header_map(headers: &HeaderMap) -> BTreeMap<String, String> {
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in headers {
        let value = redact::header(name, &String::from_utf8_lossy(value.as_bytes()));
        map.entry(name.as_str().to_string())
            .and_modify(|joined| {
                joined.push_str(", ");
                joined.push_str(&value);
            })
            .or_insert(value);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str) -> LogEntry {
        LogEntry {
            id: 0,
            method: "GET".to_string(),
            path: path.to_string(),
            query: String::new(),
            headers: BTreeMap::new(),
            body: String::new(),
            status: None,
        }
    }

    #[test]
    fn the_log_keeps_the_newest_entries_and_drops_the_oldest() {
        let log = RequestLog::default();
        let ids: Vec<u64> = (0..CAPACITY + 2)
            .map(|i| log.start(entry(&format!("/{i}"))))
            .collect();
        let entries = log.entries();
        assert_eq!(entries.len(), CAPACITY);
        assert_eq!(entries[0].path, "/2");
        assert_eq!(entries[CAPACITY - 1].path, format!("/{}", CAPACITY + 1));
        // A dropped entry's answer changes nothing; a kept one's is recorded.
        log.finish(ids[0], 200);
        log.finish(ids[CAPACITY + 1], 201);
        let entries = log.entries();
        assert!(entries[..CAPACITY - 1].iter().all(|e| e.status.is_none()));
        assert_eq!(entries[CAPACITY - 1].status, Some(201));
    }

    #[test]
    fn repeated_headers_are_joined_each_redacted() {
        let mut headers = HeaderMap::new();
        headers.append("x-auth-token", "first".parse().unwrap());
        headers.append("x-auth-token", "second".parse().unwrap());
        headers.append("accept", "a".parse().unwrap());
        headers.append("accept", "b".parse().unwrap());
        let map = header_map(&headers);
        assert_eq!(
            map["x-auth-token"],
            format!(
                "{}, {}",
                redact::redacted("first"),
                redact::redacted("second")
            )
        );
        assert_eq!(map["accept"], "a, b");
    }
}
