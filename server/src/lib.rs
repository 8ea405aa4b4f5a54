//! Serves the built order wizard and, when asked for, a sandbox that behaves like the
//! providers' APIs.
//!
//! [`app`] builds the whole router (used as is by the tests); [`run`] binds, announces the
//! address on stdout and serves until SIGINT or SIGTERM.

mod cli;
pub mod csp;
pub mod customers;
pub mod limits;
pub mod metrics;
pub mod order_log;
pub mod order_server;
pub mod orders;
pub use ssl_order_sandbox as sandbox;
mod serve;
pub mod settings;
mod static_files;
pub mod upstream;

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Duration;

use axum::http::HeaderValue;
use axum::middleware::{map_response, map_response_with_state};
use axum::Router;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;

pub use cli::Args;
pub use csp::{FrameAncestors, Policy};
pub use static_files::Mount;

#[derive(Debug, Clone)]
pub struct Config {
    /// The built web app, served at `/`.
    pub dist: PathBuf,
    /// `host:port` to listen on.
    pub addr: String,
    /// How long a sandbox certificate stays `CHECKING` before it is `ISSUED`.
    pub issue_delay: Duration,
    /// Extra static directories.
    pub mounts: Vec<Mount>,
    /// Who may show the app in a frame (the policy's `frame-ancestors`).
    pub frame_ancestors: FrameAncestors,
    /// Serve the sandbox under `/sandbox/`. Off by default: its log and control endpoints
    /// are for tests on a developer's machine, not for a deployment.
    pub sandbox: bool,
    /// The sandbox's time: the machine's, unless a test moves it on.
    pub clock: sandbox::clock::Clock,
    /// Serve the order API too, from a settings file or as the demo.
    pub orders: Option<OrderMode>,
    /// Overrides the settings' database URL.
    pub database_url: Option<String>,
}

/// Where the order server's settings come from.
#[derive(Debug, Clone)]
pub enum OrderMode {
    Settings(PathBuf),
    Demo(order_server::DemoProvider),
}

impl Config {
    /// The defaults of the command line, serving `dist`.
    pub fn new(dist: impl Into<PathBuf>) -> Self {
        Self {
            dist: dist.into(),
            addr: "127.0.0.1:8080".to_string(),
            issue_delay: Duration::from_secs(30),
            mounts: Vec::new(),
            frame_ancestors: FrameAncestors::default(),
            sandbox: false,
            clock: sandbox::clock::Clock::default(),
            orders: None,
            database_url: None,
        }
    }

    /// The Content-Security-Policy of the app's HTML, with a warning for anything in `dist`
    /// it could not use.
    pub fn policy(&self) -> (Policy, Vec<String>) {
        Policy::for_dist(&self.dist, self.frame_ancestors.clone())
    }

    /// What is wrong with the `config.json` in `dist`, read by the app's own rules (the
    /// core's `Config::from_json`, which reads it as the app does, `allow_query` and
    /// `allow_init` included): a file the app refuses means a form that never starts,
    /// and without the sandbox, an endpoint at `sandbox/` means every order fails with 404.
    pub fn config_warning(&self) -> Option<String> {
        let path = self.dist.join("config.json");
        let text = std::fs::read_to_string(&path).ok()?;
        let config = match ssl_order_core::config::Config::from_json(&text) {
            Ok(config) => config,
            Err(refusal) => {
                return Some(format!(
                    "{} is refused by the app ({refusal:?}): the form will show that it cannot \
                     start. README.md lists every setting",
                    path.display()
                ))
            }
        };
        let base = config.endpoint.base_url.trim_start_matches("./");
        let at_sandbox = base.starts_with("sandbox/") || base.starts_with("/sandbox/");
        (at_sandbox && !self.sandbox).then(|| {
            format!(
                "{} points the app at sandbox/, which is off: orders will fail with 404. \
                 Start with --sandbox, or point config.json at your provider's proxy",
                path.display()
            )
        })
    }

    /// Refuses to start without the directories to serve, or with a prefix mounted twice.
    pub fn check(&self) -> Result<(), StartError> {
        if !self.dist.is_dir() {
            return Err(StartError::MissingDir {
                what: "web app directory (--dist; build the app first)",
                path: self.dist.clone(),
            });
        }
        for (i, mount) in self.mounts.iter().enumerate() {
            if !mount.dir().is_dir() {
                return Err(StartError::MissingDir {
                    what: "mounted directory (--mount)",
                    path: mount.dir().to_path_buf(),
                });
            }
            if self.mounts[..i]
                .iter()
                .any(|m| m.prefix() == mount.prefix())
            {
                return Err(StartError::DuplicateMount(mount.prefix().to_string()));
            }
        }
        Ok(())
    }
}

#[derive(Debug)]
pub enum StartError {
    MissingDir {
        what: &'static str,
        path: PathBuf,
    },
    DuplicateMount(String),
    Bind {
        addr: String,
        source: io::Error,
    },
    Io(io::Error),
    /// The order server's settings, log, credentials or customers cannot be used.
    Settings(String),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingDir { what, path } => {
                write!(
                    f,
                    "{what} {} does not exist or is not a directory",
                    path.display()
                )
            }
            Self::DuplicateMount(prefix) => write!(f, "prefix {prefix} is mounted twice"),
            Self::Bind { addr, source } => write!(f, "cannot listen on {addr}: {source}"),
            Self::Io(source) => write!(f, "{source}"),
            Self::Settings(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for StartError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Bind { source, .. } | Self::Io(source) => Some(source),
            Self::MissingDir { .. } | Self::DuplicateMount(_) | Self::Settings(_) => None,
        }
    }
}

/// The whole application: the sandbox if asked for, mounts, web app, and the headers every
/// answer gets. Without the sandbox, `/sandbox/...` is an unknown path like any other.
pub fn app(config: &Config) -> Router {
    app_with(config, Router::new())
}

/// The whole application with `extra` routes (the order server's) in front of the static
/// files, so its generated `config.json` wins over the file in `dist`.
pub fn app_with(config: &Config, extra: Router) -> Router {
    let router = if config.sandbox {
        sandbox::router(config.issue_delay, &config.clock)
    } else {
        Router::new()
    };
    let router = router.merge(extra);
    // Every part of the policy is checked when built; should one not fit a header anyway,
    // the strictest policy is sent rather than none.
    let policy = HeaderValue::from_str(&config.policy().0.header())
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
    static_files::add_static(router, &config.dist, &config.mounts)
        .layer(map_response(static_files::cache_control))
        .layer(map_response_with_state(policy, csp::security_headers))
        // Brotli and gzip, as the client accepts; small bodies and images are left alone.
        .layer(CompressionLayer::new())
}

/// Checks the config, binds, prints `listening on http://ADDR/` and serves until a signal.
pub async fn run(config: Config) -> Result<(), StartError> {
    config.check()?;
    if !config.dist.join("index.html").is_file() {
        eprintln!(
            "warning: {} has no index.html; / will answer 404",
            config.dist.display()
        );
    }
    for warning in config.policy().1 {
        eprintln!("warning: {warning}");
    }
    let listener = TcpListener::bind(&config.addr)
        .await
        .map_err(|source| StartError::Bind {
            addr: config.addr.clone(),
            source,
        })?;
    // The order server writes the app's config.json itself.
    if config.orders.is_none() {
        if let Some(warning) = config.config_warning() {
            eprintln!("warning: {warning}");
        }
    }
    let local = listener.local_addr().map_err(StartError::Io)?;
    let (extra, resumer) = match order_routes(&config, local).await? {
        Some((routes, orders, every)) => (routes, Some(orders.spawn_resumer(every))),
        None => (Router::new(), None),
    };
    announce(&startup_line(&format!("http://{local}/"), config.sandbox)).map_err(StartError::Io)?;
    let served = serve::serve(listener, app_with(&config, extra), shutdown_signal())
        .await
        .map_err(StartError::Io);
    if let Some(resumer) = resumer {
        resumer.abort();
    }
    served
}

/// The order server's routes, if asked for: settings read and checked, log opened and
/// migrated, credentials read; any failure stops the start with what to fix.
async fn order_routes(
    config: &Config,
    local: std::net::SocketAddr,
) -> Result<Option<(Router, orders::Orders, Duration)>, StartError> {
    let mut settings = match &config.orders {
        None => return Ok(None),
        Some(OrderMode::Settings(path)) => settings::Settings::read(path),
        Some(OrderMode::Demo(provider)) => {
            if !local.ip().is_loopback() {
                return Err(StartError::Settings(
                    "--demo serves a demo customer that needs no token: it only listens on a \
                     loopback address (127.0.0.1 or [::1])"
                        .into(),
                ));
            }
            let database = config
                .database_url
                .clone()
                .unwrap_or_else(order_server::demo_database);
            order_server::demo_settings(*provider, local, &config.dist, &database)
        }
    }
    .map_err(|e| StartError::Settings(e.to_string()))?;
    if let Some(url) = &config.database_url {
        let mut database = settings.database.clone().unwrap_or_default();
        database.url = url.clone();
        settings.database = Some(database);
    }
    let orders = order_server::build(&settings, local)
        .await
        .map_err(|e| StartError::Settings(e.to_string()))?;
    let limits = settings.limits.clone().unwrap_or_default();
    let routes = order_server::routes(orders.clone(), &limits, &config.dist)
        .map_err(|e| StartError::Settings(e.to_string()))?;
    Ok(Some((
        routes,
        orders,
        Duration::from_secs(settings.resume_every_seconds),
    )))
}

/// `listening on URL`, and whether the sandbox is served: scripts read the URL up to the
/// first space.
fn startup_line(url: &str, sandbox: bool) -> String {
    if sandbox {
        format!("listening on {url} with the sandbox at {url}sandbox/")
    } else {
        format!("listening on {url}")
    }
}

/// The one line scripts wait for; flushed at once because stdout may be a pipe.
fn announce(line: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "{line}")?;
    stdout.flush()
}

async fn shutdown_signal() {
    let interrupt = async {
        // Without a handler there is no signal to wait for: serve until killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use super::Config;
    use std::fs;

    /// A `dist` holding only this `config.json`, in a directory of its own.
    fn dist_with(name: &str, config_json: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("ssl-order-config-{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("config.json"), config_json).unwrap();
        dir
    }

    #[test]
    fn a_config_the_app_refuses_is_said_at_start_up() {
        let dir = dist_with(
            "refused",
            r#"{"provider": "acme", "endpoint": "https://x.example"}"#,
        );
        let warning = Config::new(&dir).config_warning().unwrap();
        assert!(warning.contains("refused by the app"), "{warning}");
        assert!(warning.contains("UnknownProvider(\"acme\")"), "{warning}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_endpoint_at_the_sandbox_warns_only_while_it_is_off() {
        let dir = dist_with(
            "sandbox",
            r#"{"provider": "huawei", "endpoint": "sandbox/huawei"}"#,
        );
        let off = Config::new(&dir);
        assert!(off.config_warning().unwrap().contains("--sandbox"));
        let on = Config {
            sandbox: true,
            ..Config::new(&dir)
        };
        assert_eq!(on.config_warning(), None);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_lists_of_what_the_query_and_the_host_may_set_are_not_refused() {
        // The check once read config.json without them and warned about a file the app takes.
        let dir = dist_with(
            "allow",
            r#"{"provider": "huawei", "endpoint": "https://proxy.example/scm",
                "allow_query": ["locale"], "allow_init": ["endpoint"]}"#,
        );
        assert_eq!(Config::new(&dir).config_warning(), None);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_catalogue_under_sandbox_is_not_an_endpoint_at_it() {
        // The old check matched "sandbox/" anywhere in the file.
        let dir = dist_with(
            "catalogue",
            r#"{"provider": "huawei", "endpoint": "https://proxy.example/scm",
                "catalogue": "sandbox/catalog/huawei.json"}"#,
        );
        assert_eq!(Config::new(&dir).config_warning(), None);
        fs::remove_dir_all(dir).unwrap();
    }
}
