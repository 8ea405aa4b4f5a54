//! The Content-Security-Policy the web app's HTML is served with, and the headers every
//! answer gets.
//!
//! The policy is strict: scripts only from the app's own origin (the loader is a file, so no
//! hash is needed; any inline `<script>` a differently built `index.html` carries is listed by
//! its hash), WebAssembly allowed to compile, styles only from files, requests only to the
//! app's origin and the configured endpoint's, and framing only by the configured origins.

use std::fmt;
use std::fs;
use std::path::Path;
use std::str::FromStr;

use axum::extract::State;
use axum::http::header::{
    CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::HeaderValue;
use axum::response::Response;
use base64ct::{Base64, Encoding};
use sha2::{Digest, Sha256};

/// Who may show the app in a frame: the sources of `frame-ancestors`, checked so that the
/// header cannot be broken or widened by a typo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameAncestors(String);

impl Default for FrameAncestors {
    /// The app's own origin only (a page of the same site may embed it, no other can).
    fn default() -> Self {
        Self("'self'".to_string())
    }
}

impl FrameAncestors {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FrameAncestors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for FrameAncestors {
    type Err = String;

    /// `'none'`, or space-separated `'self'`, schemes (`https:`) and origins
    /// (`https://shop.example.com`, `https://*.example.com:8443`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let sources: Vec<&str> = s.split_whitespace().collect();
        if sources.is_empty() {
            return Err("--frame-ancestors needs at least one source, or 'none'".to_string());
        }
        if sources.contains(&"'none'") && sources.len() > 1 {
            return Err("--frame-ancestors: 'none' cannot be combined with other sources".into());
        }
        for source in &sources {
            // A bare `self` would be read as a host named "self".
            if matches!(source.to_ascii_lowercase().as_str(), "self" | "none") {
                return Err(format!(
                    "--frame-ancestors: write {source:?} in single quotes, as '{source}'"
                ));
            }
            if !matches!(*source, "'self'" | "'none'") && !is_host_or_scheme_source(source) {
                return Err(format!(
                    "--frame-ancestors: {source:?} is not 'self', 'none', a scheme such as https: \
                     or an origin such as https://shop.example.com"
                ));
            }
        }
        Ok(Self(sources.join(" ")))
    }
}

/// A CSP host-source (`[scheme://]host[:port]`, host possibly `*.`-prefixed, no path) or a
/// scheme-source (`https:`).
fn is_host_or_scheme_source(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    let (scheme, rest) = match lower.split_once("://") {
        Some((scheme, rest)) => (Some(scheme), rest),
        None => match lower.strip_suffix(':') {
            Some(scheme) => return is_scheme(scheme),
            None => (None, lower.as_str()),
        },
    };
    if scheme.is_some_and(|scheme| !is_scheme(scheme)) {
        return false;
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let host = host.strip_prefix("*.").unwrap_or(host);
    let host_ok = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    let port_ok = port.is_none_or(|port| {
        port == "*"
            || (!port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()))
    });
    host_ok && port_ok
}

fn is_scheme(scheme: &str) -> bool {
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
}

/// What the policy is built from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// `'sha256-…'` of each inline script of `index.html` (none with the shipped loader).
    pub script_hashes: Vec<String>,
    /// Origins besides the app's own that the app sends requests to (the configured endpoint).
    pub connect: Vec<String>,
    pub frame_ancestors: FrameAncestors,
}

impl Policy {
    /// The policy for the built app in `dist`, and a warning for anything in it that could not
    /// be used (a missing `index.html` or `config.json` only means nothing to add).
    pub fn for_dist(dist: &Path, frame_ancestors: FrameAncestors) -> (Self, Vec<String>) {
        let mut warnings = Vec::new();
        let script_hashes = fs::read_to_string(dist.join("index.html"))
            .map(|html| inline_script_hashes(&html))
            .unwrap_or_default();
        let connect = match fs::read_to_string(dist.join("config.json")) {
            Ok(json) => connect_sources(&json).unwrap_or_else(|problem| {
                warnings.push(format!(
                    "{}: {problem}; connect-src allows only the app's own origin",
                    dist.join("config.json").display()
                ));
                Vec::new()
            }),
            Err(_) => Vec::new(),
        };
        let policy = Self {
            script_hashes,
            connect,
            frame_ancestors,
        };
        (policy, warnings)
    }

    /// The header value.
    pub fn header(&self) -> String {
        let mut script = vec!["'self'", "'wasm-unsafe-eval'"];
        script.extend(self.script_hashes.iter().map(String::as_str));
        let mut connect = vec!["'self'"];
        connect.extend(self.connect.iter().map(String::as_str));
        [
            "default-src 'none'".to_string(),
            format!("script-src {}", script.join(" ")),
            "style-src 'self'".to_string(),
            format!("connect-src {}", connect.join(" ")),
            "img-src 'self' data:".to_string(),
            "base-uri 'none'".to_string(),
            "form-action 'none'".to_string(),
            format!("frame-ancestors {}", self.frame_ancestors),
        ]
        .join("; ")
    }
}

/// `'sha256-…'` of the text of every inline script in `html` that a browser would run (or read
/// as an import map), as the browser computes it: after line endings become `\n`.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = lower[at..].find("<script") {
        let open = at + found;
        let after_name = open + "<script".len();
        // `<scripts>` or the like is another element.
        if !lower[after_name..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
            at = after_name;
            continue;
        }
        let Some(tag_end) = tag_end(&lower, after_name) else {
            break;
        };
        let attributes = &lower[after_name..tag_end];
        let Some(close) = lower[tag_end + 1..].find("</script") else {
            break;
        };
        let text = &html[tag_end + 1..tag_end + 1 + close];
        if !has_attribute(attributes, "src") && runs_as_script(attributes) {
            let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
            let digest = Sha256::digest(normalized.as_bytes());
            hashes.push(format!("'sha256-{}'", Base64::encode_string(&digest)));
        }
        at = tag_end + 1 + close;
    }
    hashes
}

/// The `>` that ends a tag whose attributes start at `from`, skipping quoted values.
fn tag_end(lower: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, b) in lower.bytes().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The attributes of a tag as (name, value) pairs, names lower-case.
fn attributes(tag: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
    while !rest.is_empty() {
        let name_len = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        rest = rest[name_len..].trim_start();
        let mut value = "";
        if let Some(after_eq) = rest.strip_prefix('=') {
            let after_eq = after_eq.trim_start();
            let (v, remaining) = match after_eq.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after_eq[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after_eq
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after_eq.len());
                    (&after_eq[..end], &after_eq[end..])
                }
            };
            value = v;
            rest = remaining;
        }
        if !name.is_empty() {
            out.push((name, value));
        }
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
    }
    out
}

fn has_attribute(tag: &str, wanted: &str) -> bool {
    attributes(tag).iter().any(|(name, _)| *name == wanted)
}

/// Whether a `<script>` with these attributes is run (or is an import map, which `script-src`
/// also governs), rather than a data block such as `type="application/json"`.
fn runs_as_script(tag: &str) -> bool {
    let kind = attributes(tag)
        .into_iter()
        .find(|(name, _)| *name == "type")
        .map(|(_, value)| value.trim())
        .unwrap_or("");
    kind.is_empty()
        || matches!(kind, "module" | "importmap" | "speculationrules")
        || kind.contains("javascript")
        || kind.contains("ecmascript")
}

/// The origins, other than the page's own, that `config.json` makes the app call: its
/// `endpoint` and `catalogue` when they are absolute URLs. Relative URLs need nothing.
pub fn connect_sources(config_json: &str) -> Result<Vec<String>, String> {
    let config: serde_json::Value =
        serde_json::from_str(config_json).map_err(|e| format!("not JSON ({e})"))?;
    let mut sources = Vec::new();
    for key in ["endpoint", "catalogue"] {
        let Some(url) = config.get(key).and_then(serde_json::Value::as_str) else {
            continue;
        };
        if let Some(origin) = origin_of(url).map_err(|problem| format!("{key}: {problem}"))? {
            if !sources.contains(&origin) {
                sources.push(origin);
            }
        }
    }
    Ok(sources)
}

/// `scheme://host[:port]` of an absolute URL (`host[:port]` for a scheme-relative `//…`),
/// `None` for a relative one.
fn origin_of(url: &str) -> Result<Option<String>, String> {
    let url = url.trim();
    let (scheme, rest) = if let Some(rest) = url.strip_prefix("//") {
        (None, rest)
    } else {
        match url.split_once("://") {
            Some((scheme, rest)) if is_scheme(scheme) => (Some(scheme), rest),
            _ => return Ok(None),
        }
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // Credentials in the URL are not part of the origin.
    let host_port = authority
        .rsplit('@')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let source = match scheme {
        Some(scheme) => format!("{}://{host_port}", scheme.to_ascii_lowercase()),
        None => host_port.clone(),
    };
    if host_port.is_empty() || !is_host_or_scheme_source(&source) {
        return Err(format!("{url:?} has no usable origin"));
    }
    Ok(Some(source))
}

/// Marks a response from a mounted directory that is not a build of the app (the example
/// control panel, benchmark pages): the app's policy is not theirs, and would forbid the
/// panel to frame the form at all.
#[derive(Debug, Clone, Copy)]
pub struct NotTheApp;

/// Whether `dir` holds a build of the app: its index.html names the app's script.
pub fn holds_the_app(dir: &Path) -> bool {
    fs::read_to_string(dir.join("index.html"))
        .is_ok_and(|html| html.contains("name=\"ssl-order-js\""))
}

/// The policy on HTML that has none of its own (the sandbox's pages keep theirs), and on
/// every answer: no content sniffing, no referrer sent onwards.
pub async fn security_headers(
    State(policy): State<HeaderValue>,
    mut response: Response,
) -> Response {
    let the_app = response.extensions().get::<NotTheApp>().is_none();
    let headers = response.headers_mut();
    let is_html = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if is_html && the_app && !headers.contains_key(CONTENT_SECURITY_POLICY) {
        headers.insert(CONTENT_SECURITY_POLICY, policy);
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if !headers.contains_key(REFERRER_POLICY) {
        headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_policy_is_the_strict_one() {
        assert_eq!(
            Policy::default().header(),
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
             connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; \
             frame-ancestors 'self'"
        );
    }

    #[test]
    fn hashes_endpoint_and_frame_ancestors_are_added_where_they_belong() {
        let policy = Policy {
            script_hashes: vec!["'sha256-abc='".into()],
            connect: vec!["https://api.example.com".into()],
            frame_ancestors: "https://shop.example.com 'self'".parse().unwrap(),
        };
        let header = policy.header();
        assert!(header.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=';"));
        assert!(header.contains("connect-src 'self' https://api.example.com;"));
        assert!(header.ends_with("frame-ancestors https://shop.example.com 'self'"));
    }

    #[test]
    fn the_hash_of_an_inline_script_is_the_one_browsers_compute() {
        // echo -n "alert(1);" | openssl sha256 -binary | base64
        let html = "<p>x</p><SCRIPT>alert(1);</script>";
        assert_eq!(
            inline_script_hashes(html),
            ["'sha256-5jFwrAK0UV47oFbVg/iCCBbxD8X1w+QvoOUepu4C2YA='"]
        );
        // The HTML parser turns CRLF into LF before the browser hashes the text.
        assert_eq!(
            inline_script_hashes("<script>\r\nalert(1);</script>"),
            inline_script_hashes("<script>\nalert(1);</script>")
        );
    }

    #[test]
    fn only_inline_scripts_that_run_are_hashed() {
        let html = r#"<script src="./loader.js" type="module"></script>
            <script type="application/json">{"a": ">"}</script>
            <script type="module" data-x="a>b">import init from './app.js';</script>
            <scripts>not a script</scripts>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        assert_eq!(
            hashes,
            inline_script_hashes("<script>import init from './app.js';</script>")
        );
        assert!(inline_script_hashes("<script>unclosed").is_empty());
    }

    #[test]
    fn a_relative_endpoint_needs_no_connect_source() {
        for endpoint in ["sandbox/huawei", "/sandbox/huawei", "./x", "", "mailto:x"] {
            let json = format!(r#"{{"endpoint": "{endpoint}"}}"#);
            assert_eq!(connect_sources(&json), Ok(vec![]), "{endpoint}");
        }
    }

    #[test]
    fn an_absolute_endpoint_adds_its_origin_once() {
        let json = r#"{"endpoint": "HTTPS://user:pw@Proxy.Example.com:8443/scm/v3?x=1",
                       "catalogue": "https://proxy.example.com:8443/catalog.json"}"#;
        assert_eq!(
            connect_sources(json),
            Ok(vec!["https://proxy.example.com:8443".to_string()])
        );
        let json = r#"{"endpoint": "//api.example.com/x", "catalogue": "catalog/huawei.json"}"#;
        assert_eq!(
            connect_sources(json),
            Ok(vec!["api.example.com".to_string()])
        );
    }

    #[test]
    fn an_endpoint_that_would_break_the_header_is_refused() {
        assert!(connect_sources(r#"{"endpoint": "https://a.com;script-src *"}"#).is_err());
        assert!(connect_sources(r#"{"endpoint": "https:///x"}"#).is_err());
        assert!(connect_sources("not json").is_err());
    }

    #[test]
    fn frame_ancestors_accept_keywords_schemes_and_origins() {
        for good in [
            "'self'",
            "'none'",
            "https:",
            "https://shop.example.com",
            "'self'   https://*.example.com:8443 http://localhost:*",
            "example.com",
        ] {
            assert!(good.parse::<FrameAncestors>().is_ok(), "{good} was refused");
        }
        assert_eq!(
            " 'self'  https://a.com "
                .parse::<FrameAncestors>()
                .unwrap()
                .as_str(),
            "'self' https://a.com"
        );
    }

    #[test]
    fn frame_ancestors_refuse_what_would_widen_or_break_the_policy() {
        for bad in [
            "",
            "'none' 'self'",
            "*",
            "'unsafe-inline'",
            "https://a.com; script-src *",
            "https://a.com/path",
            "https://a.com,https://b.com",
            "https://a..com",
            "https://a.com:99999x",
            "self",
        ] {
            assert!(bad.parse::<FrameAncestors>().is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn the_policy_for_a_dist_reads_its_index_and_config() {
        let dir = std::env::temp_dir().join(format!("csp-dist-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("index.html"), "<script>alert(1);</script>").unwrap();
        fs::write(
            dir.join("config.json"),
            r#"{"endpoint": "https://api.example.com/v3"}"#,
        )
        .unwrap();
        let (policy, warnings) = Policy::for_dist(&dir, FrameAncestors::default());
        assert!(warnings.is_empty());
        assert_eq!(policy.script_hashes.len(), 1);
        assert_eq!(policy.connect, ["https://api.example.com"]);

        fs::write(dir.join("config.json"), r#"{"endpoint": "https://"}"#).unwrap();
        let (policy, warnings) = Policy::for_dist(&dir, FrameAncestors::default());
        assert!(policy.connect.is_empty());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        fs::remove_dir_all(&dir).unwrap();

        let (policy, warnings) = Policy::for_dist(&dir, FrameAncestors::default());
        assert_eq!((policy, warnings), (Policy::default(), vec![]));
    }
}
