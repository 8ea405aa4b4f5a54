//! The request log tests read back: what the app really sent, byte for byte, in order.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::body::{to_bytes, Body};
use axum::extract::{OriginalUri, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;

/// Bodies above this are refused: no call of the sandboxed APIs comes close.
const BODY_LIMIT: usize = 1024 * 1024;

/// One request as it arrived, and the status it was answered with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    #[serde(skip)]
    id: u64,
    pub method: String,
    /// The full path, sandbox prefix included.
    pub path: String,
    /// The raw query string without `?`; empty when there is none.
    pub query: String,
    /// Lower-case header names; repeated headers joined by `, `.
    pub headers: BTreeMap<String, String>,
    /// The body as text (invalid UTF-8 replaced).
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
    list: Vec<LogEntry>,
}

impl RequestLog {
    /// Every change is a single push or assignment, so a poisoned lock is still consistent.
    fn lock(&self) -> MutexGuard<'_, Entries> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn entries(&self) -> Vec<LogEntry> {
        self.lock().list.clone()
    }

    pub fn clear(&self) {
        self.lock().list.clear();
    }

    /// Appends at arrival, so concurrent requests keep the order in which they came.
    fn start(&self, mut entry: LogEntry) -> u64 {
        let mut entries = self.lock();
        let id = entries.next_id;
        entries.next_id += 1;
        entry.id = id;
        entries.list.push(entry);
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
        query: uri.query().unwrap_or_default().to_string(),
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
    entry.body = String::from_utf8_lossy(&bytes).into_owned();
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
        let value = String::from_utf8_lossy(value.as_bytes());
        map.entry(name.as_str().to_string())
            .and_modify(|joined| {
                joined.push_str(", ");
                joined.push_str(&value);
            })
            .or_insert_with(|| value.into_owned());
    }
    map
}
