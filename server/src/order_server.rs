//! Puts the order server together from its settings: the catalogue, the order log, the
//! provider with its credentials, the customers' gate and the limits; and the demo settings
//! the README's first command runs (the sandbox as the provider, SQLite, one demo customer,
//! loopback only).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use ssl_order_core::order::PublicSuffixList;
use ssl_order_core::providers::requests::SendOptions;

use crate::customers::Gate;
use crate::limits::{LimitSettings, RateLimits};
use crate::metrics::Metrics;
use crate::order_log::OrderLog;
use crate::orders::{Inner, Orders};
use crate::settings::{Settings, SettingsError};
use crate::upstream::Upstream;

/// The providers the demo can stand in for, each with the sandbox's published credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DemoProvider {
    Huawei,
    Gogetssl,
    Cpanel,
}

impl DemoProvider {
    fn slug(self) -> &'static str {
        match self {
            DemoProvider::Huawei => "huawei",
            DemoProvider::Gogetssl => "gogetssl",
            DemoProvider::Cpanel => "cpanel",
        }
    }
}

/// The sandbox's published demo credentials (README, "Sandbox"): not secrets, but they still
/// reach the server the way real ones do, through files.
const DEMO_SECRETS: [(&str, &str); 5] = [
    (
        "huawei-secret-key",
        "sandbox-secret-key-not-a-secret-00000000",
    ),
    ("gogetssl-password", "sandbox-password-not-a-secret"),
    ("cpanel-token", "SANDBOXCPANELTOKEN00000000000001"),
    // The cPanel Store's access token (a UUID the Market's login gives).
    ("cpanel-store-token", "725431a1-d5bc-11e5-a28b-8b0e09a93f05"),
    ("iam-password", "sandbox-iam-password-not-a-secret"),
];

/// Settings for the demo: the sandbox at `addr` as the provider, `database` as the log.
/// Written as the TOML an operator would write, so the demo goes through the same checks.
pub fn demo_settings(
    provider: DemoProvider,
    addr: SocketAddr,
    dist: &Path,
    database: &str,
) -> Result<Settings, SettingsError> {
    let secrets = std::env::temp_dir().join(format!("ssl-order-demo-{}", std::process::id()));
    std::fs::create_dir_all(&secrets).map_err(|why| SettingsError::Read {
        path: secrets.clone(),
        why,
    })?;
    for (name, value) in DEMO_SECRETS {
        write_private(&secrets.join(name), value).map_err(|why| SettingsError::Read {
            path: secrets.join(name),
            why,
        })?;
    }
    let file = |name: &str| toml_string(&secrets.join(name).to_string_lossy());
    let base = format!("http://{addr}/sandbox");
    let upstream = match provider {
        DemoProvider::Huawei => format!(
            "api = \"huawei\"\nbase_url = {}\n[upstream.huawei]\nmode = \"aksk\"\n\
             access_key = \"SANDBOXAKEXAMPLE0001\"\nsecret_key_file = {}\n\
             domain_id = \"0123456789abcdef0123456789abcdef\"\n",
            toml_string(&format!("{base}/huawei")),
            file("huawei-secret-key")
        ),
        DemoProvider::Gogetssl => format!(
            "api = \"gogetssl\"\nbase_url = {}\n[upstream.gogetssl]\n\
             user = \"sandbox-reseller\"\npassword_file = {}\n",
            toml_string(&format!("{base}/gogetssl")),
            file("gogetssl-password")
        ),
        DemoProvider::Cpanel => format!(
            "api = \"cpanel\"\nbase_url = {}\n[upstream.cpanel]\nuser = \"sandbox\"\n\
             token_file = {}\naccess_token_file = {}\n",
            toml_string(&format!("{base}/cpanel")),
            file("cpanel-token"),
            file("cpanel-store-token")
        ),
    };
    let text = format!(
        "catalogue = {catalogue}\npublic_suffix_list = {suffixes}\n\
         [database]\nurl = {database}\n\
         [customers]\nmode = \"demo\"\n\
         [limits]\norders_per_minute_per_customer = 600\n\
         [upstream]\n{upstream}",
        catalogue = toml_string(
            &dist
                .join("catalog")
                .join(format!("{}.json", provider.slug()))
                .to_string_lossy()
        ),
        suffixes = toml_string(&dist.join("data/public-suffix-icann.dat").to_string_lossy()),
        database = toml_string(database),
    );
    Settings::parse(&text).map_err(SettingsError::Invalid)
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// Writes a file only its owner can read.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    #[cfg(unix)]
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    options.mode(0o600);
    options.open(path)?.write_all(text.as_bytes())
}

/// Everything the order API needs, built and checked: a wrong setting stops the start with
/// its name.
pub async fn build(settings: &Settings, listen: SocketAddr) -> Result<Orders, SettingsError> {
    let invalid = |what: &str, why: String| SettingsError::Invalid(format!("{what}: {why}"));
    let (catalogue_json, catalogue) = settings.catalogue()?;
    let suffixes = match &settings.public_suffix_list {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|why| SettingsError::Read {
                path: path.clone(),
                why,
            })?;
            Some(PublicSuffixList::parse(&text))
        }
        None => None,
    };
    let upstream = Upstream::from_settings(&settings.upstream)
        .map_err(|e| invalid("[upstream]", e.to_string()))?;
    let gate = Gate::from_settings(&settings.customers, listen)
        .map_err(|e| invalid("[customers]", e.to_string()))?;
    let database = settings.database.clone().unwrap_or_default();
    let log = OrderLog::open(&database)
        .await
        .map_err(|e| invalid("[database]", e.to_string()))?;
    let limits = settings.limits.clone().unwrap_or_default();
    Ok(Orders::new(Inner {
        upstream,
        log,
        gate,
        limits: RateLimits::new(&limits),
        metrics: Metrics::default(),
        catalogue_json,
        catalogue,
        suffixes,
        options: SendOptions::default(),
        status_cache: crate::orders::status_cache(Duration::from_secs(
            settings.status_cache_seconds,
        )),
        stale_ms: i64::try_from(settings.stale_after_seconds.saturating_mul(1000))
            .unwrap_or(i64::MAX),
    }))
}

/// The routes of the order server: the API behind its limits, the app's `config.json`
/// pointing at it, health, readiness and metrics. CORS only where origins are listed.
pub fn routes(
    orders: Orders,
    limits: &LimitSettings,
    dist: &Path,
) -> Result<Router, SettingsError> {
    let cors =
        crate::limits::cors(limits).map_err(|e| SettingsError::Invalid(format!("[limits] {e}")))?;
    let config = app_config(dist);
    let api = crate::limits::limit_body(orders.clone().router(), limits);
    let ready_orders = orders.clone();
    let metrics = orders.metrics.clone();
    let routes = Router::new()
        .route(
            "/config.json",
            get(move || {
                let config = config.clone();
                async move {
                    (
                        [
                            (header::CONTENT_TYPE, "application/json"),
                            (header::CACHE_CONTROL, "no-cache"),
                        ],
                        config,
                    )
                }
            }),
        )
        .route("/healthz", get(|| async { "ok\n" }))
        .route(
            "/readyz",
            get(move || {
                let orders = ready_orders.clone();
                async move {
                    match orders.log.ready().await {
                        Ok(()) => (axum::http::StatusCode::OK, "ready\n").into_response(),
                        Err(_) => (
                            axum::http::StatusCode::SERVICE_UNAVAILABLE,
                            "the order log cannot be reached\n",
                        )
                            .into_response(),
                    }
                }
            }),
        )
        .route(
            "/metrics",
            get(move || {
                let metrics = metrics.clone();
                async move {
                    (
                        [(
                            header::CONTENT_TYPE,
                            "application/openmetrics-text; version=1.0.0; charset=utf-8",
                        )],
                        metrics.render(),
                    )
                }
            }),
        )
        .merge(match cors {
            Some(cors) => api.layer(cors),
            None => api,
        });
    Ok(routes)
}

/// The app's config.json with the provider replaced by this server: the generic format at
/// `api`, the catalogue from `api/catalogue`, and no token (the server holds the
/// credentials). The operator's other settings (storage, poll and timeout, locale) stay.
pub fn app_config(dist: &Path) -> String {
    let mut config = std::fs::read_to_string(dist.join("config.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .filter(serde_json::Value::is_object)
        .unwrap_or_else(|| serde_json::json!({}));
    config["provider"] = "generic".into();
    config["endpoint"] = "api".into();
    config["catalogue"] = "api/catalogue".into();
    if let Some(object) = config.as_object_mut() {
        object.remove("token");
        object.remove("gogetssl");
        object.remove("cpanel");
    }
    config.to_string()
}

/// Where the demo keeps its order log unless told otherwise.
pub fn demo_database() -> String {
    let path: PathBuf = std::env::temp_dir().join("ssl-order-demo.db");
    format!("sqlite://{}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_apps_config_points_at_the_server_and_carries_no_token() {
        let dir = std::env::temp_dir().join(format!("ssl-order-appconfig-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("config.json"),
            r#"{"provider":"huawei","endpoint":"sandbox/huawei","token":"sandbox-token-not-a-secret-0123456789","storage":"session","poll_seconds":7}"#,
        )
        .unwrap();
        let config = app_config(&dir);
        let parsed = ssl_order_core::config::Config::from_json(&config).expect("the app reads it");
        assert_eq!(parsed.endpoint.token, None);
        let value: serde_json::Value = serde_json::from_str(&config).unwrap();
        assert_eq!(value["provider"], "generic");
        assert_eq!(value["endpoint"], "api");
        assert_eq!(value["catalogue"], "api/catalogue");
        assert_eq!(value["storage"], "session", "the operator's settings stay");
        assert_eq!(value["poll_seconds"], 7);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_demo_settings_are_settings_an_operator_could_write() {
        let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
        for provider in [
            DemoProvider::Huawei,
            DemoProvider::Gogetssl,
            DemoProvider::Cpanel,
        ] {
            let settings = demo_settings(
                provider,
                "127.0.0.1:8080".parse().unwrap(),
                &dist,
                "sqlite://demo.db",
            )
            .unwrap_or_else(|e| panic!("{provider:?}: {e}"));
            let (_, catalogue) = settings.catalogue().expect("the shipped catalogue");
            assert!(!catalogue.products.is_empty());
        }
    }
}
