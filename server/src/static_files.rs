//! The built web app at `/`, and extra directories at chosen prefixes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use axum::extract::{OriginalUri, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::middleware::{from_fn_with_state, map_response, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Router;
use tower_http::services::ServeDir;
use tower_layer::Layer;

/// A directory served under a URL prefix, given on the command line as `/prefix=DIR`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    prefix: String,
    dir: PathBuf,
}

impl Mount {
    /// `prefix` is one or more `/segment`s of letters, digits, `.`, `_` and `-`; a trailing
    /// `/` is dropped. `/` itself belongs to the web app and `/sandbox` to the sandbox.
    pub fn new(prefix: &str, dir: impl Into<PathBuf>) -> Result<Self, String> {
        let dir = dir.into();
        let trimmed = prefix.trim_end_matches('/');
        let Some(segments) = trimmed.strip_prefix('/') else {
            return Err(format!("mount prefix {prefix:?} must start with '/'"));
        };
        let valid_segment = |segment: &str| {
            !segment.is_empty()
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        };
        if !segments.split('/').all(valid_segment) {
            return Err(format!(
                "mount prefix {prefix:?} must be /segments of letters, digits, '.', '_' or '-' (not '/' alone)"
            ));
        }
        if trimmed == "/sandbox" || trimmed.starts_with("/sandbox/") {
            return Err(format!(
                "mount prefix {prefix:?} would hide the sandbox at /sandbox"
            ));
        }
        if dir.as_os_str().is_empty() {
            return Err(format!("mount {prefix:?} needs a directory after '='"));
        }
        Ok(Self {
            prefix: trimmed.to_string(),
            dir,
        })
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl FromStr for Mount {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (prefix, dir) = s
            .split_once('=')
            .ok_or_else(|| format!("mount {s:?} must look like /prefix=DIR"))?;
        Self::new(prefix, dir)
    }
}

/// Adds the mounts and, for every other path, the web app in `dist`.
pub fn add_static(router: Router, dist: &Path, mounts: &[Mount]) -> Router {
    let mut seen = HashSet::new();
    let mut router = router;
    for mount in mounts {
        // A repeated prefix would make axum panic; start-up refuses repeats, and here the
        // first one wins so that building the router never fails.
        if seen.insert(mount.prefix()) {
            let dir = from_fn_with_state(mount.prefix().to_string(), slash_after_prefix)
                .layer(serve_dir(mount.dir()));
            router = if crate::csp::holds_the_app(mount.dir()) {
                router.nest_service(mount.prefix(), dir)
            } else {
                router.nest_service(mount.prefix(), map_response(not_the_app).layer(dir))
            };
        }
    }
    router.fallback_service(serve_dir(dist))
}

async fn not_the_app(mut response: Response) -> Response {
    response.extensions_mut().insert(crate::csp::NotTheApp);
    response
}

/// A `.br` or `.gz` file beside an asset (written at build time by scripts/precompress.sh)
/// is sent as is: no compression work per request. The same for mounts, so the built app
/// mounted under a sub-path is served as it is at `/`.
fn serve_dir(dir: &Path) -> ServeDir {
    ServeDir::new(dir).precompressed_br().precompressed_gzip()
}

/// `/PREFIX` becomes `/PREFIX/`: the mount sees both as its root, but a page's relative URLs
/// resolve against the directory only with the slash.
async fn slash_after_prefix(
    State(prefix): State<String>,
    OriginalUri(uri): OriginalUri,
    request: Request,
    next: Next,
) -> Response {
    if uri.path() == prefix {
        let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
        return Redirect::permanent(&format!("{prefix}/{query}")).into_response();
    }
    next.run(request).await
}

/// HTML and JSON (index.html, config.json, API answers) must be revalidated on every load,
/// or a browser keeps running an old build against new data.
pub async fn cache_control(mut response: Response) -> Response {
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let revalidate = content_type.starts_with("text/html")
        || content_type.starts_with("application/json")
        || content_type.contains("+json");
    if revalidate && !response.headers().contains_key(CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mounts_parse_prefix_and_directory() {
        let mount: Mount = "/bench/=/tmp/x".parse().unwrap();
        assert_eq!(mount.prefix(), "/bench");
        assert_eq!(mount.dir(), Path::new("/tmp/x"));
        assert!("/a/b-1.2=/d".parse::<Mount>().is_ok());
    }

    #[test]
    fn mounts_refuse_root_sandbox_and_odd_prefixes() {
        for bad in [
            "/=/d",
            "bench=/d",
            "/sandbox=/d",
            "/sandbox/x=/d",
            "/a//b=/d",
            "/{x}=/d",
            "/a=",
            "/a",
        ] {
            assert!(bad.parse::<Mount>().is_err(), "{bad} was accepted");
        }
    }
}
