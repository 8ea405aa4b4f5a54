//! Command-line arguments of the `ssl-order-server` binary.

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use crate::csp::FrameAncestors;
use crate::static_files::Mount;
use crate::{Config, OrderMode};

/// Serves the built SSL order wizard and, with --sandbox, a sandbox of the providers' APIs.
#[derive(Debug, Parser)]
#[command(name = "ssl-order-server", version, about)]
pub struct Args {
    /// Directory of the built web app (index.html, .wasm, .js), served at `/`.
    #[arg(long, env = "SSL_ORDER_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// Address to listen on; port 0 picks a free port (the line printed at start says which).
    #[arg(long, env = "SSL_ORDER_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,

    /// Seconds a sandbox certificate stays CHECKING before it is ISSUED.
    #[arg(long, env = "SSL_ORDER_ISSUE_DELAY_SECS", default_value_t = 30)]
    pub issue_delay_secs: u64,

    /// Also serve DIR under /PREFIX (repeatable), e.g. `--mount /bench=target/bench`.
    #[arg(long = "mount", value_name = "/PREFIX=DIR")]
    pub mounts: Vec<Mount>,

    /// Who may show the app in a frame: the Content-Security-Policy's frame-ancestors, e.g.
    /// "'self' https://shop.example.com", or "'none'".
    #[arg(long, env = "SSL_ORDER_FRAME_ANCESTORS", value_name = "SOURCES", default_value_t = FrameAncestors::default())]
    pub frame_ancestors: FrameAncestors,

    /// Also serve the sandbox of the providers' APIs under /sandbox/, with its request log
    /// and control endpoints: for tests and trying the app, never for a deployment.
    /// The environment variable is off when unset or one of 0, false, no, off, n, f.
    #[arg(long, env = "SSL_ORDER_SANDBOX", value_parser = clap::builder::FalseyValueParser::new())]
    pub sandbox: bool,

    /// The order server's settings file (TOML; README, "Order server"): the provider and
    /// its credentials (by file or environment variable), the customers, the order log and
    /// the limits. Serves the order API at /api/ beside the app.
    #[arg(
        long,
        env = "SSL_ORDER_SETTINGS",
        value_name = "FILE",
        conflicts_with = "demo"
    )]
    pub settings: Option<PathBuf>,

    /// The order server with the sandbox as its provider, SQLite as its log and one demo
    /// customer: for trying the form. Only on a loopback address; implies --sandbox.
    #[arg(long)]
    pub demo: bool,

    /// Which provider the demo's sandbox stands in for.
    #[arg(long, value_enum, default_value = "huawei", requires = "demo")]
    pub demo_provider: crate::order_server::DemoProvider,

    /// The order log's database, overriding the settings' [database] url:
    /// sqlite://FILE or postgres://USER@HOST/DB.
    #[arg(long, env = "SSL_ORDER_DATABASE_URL", value_name = "URL")]
    pub database_url: Option<String>,

    /// Print the Content-Security-Policy the app in --dist is served with, and exit (for
    /// another web server or a static host; see the README's "Hosting").
    #[arg(long)]
    pub print_csp: bool,
}

impl From<Args> for Config {
    fn from(args: Args) -> Self {
        Self {
            dist: args.dist,
            addr: args.addr,
            issue_delay: Duration::from_secs(args.issue_delay_secs),
            mounts: args.mounts,
            frame_ancestors: args.frame_ancestors,
            sandbox: args.sandbox || args.demo,
            clock: Default::default(),
            orders: match (args.settings, args.demo) {
                (Some(path), _) => Some(OrderMode::Settings(path)),
                (None, true) => Some(OrderMode::Demo(args.demo_provider)),
                (None, false) => None,
            },
            database_url: args.database_url,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_documented_ones() {
        let config = Config::from(Args::parse_from(["ssl-order-server"]));
        assert_eq!(config.dist, PathBuf::from("dist"));
        assert_eq!(config.addr, "127.0.0.1:8080");
        assert_eq!(config.issue_delay, Duration::from_secs(30));
        assert!(config.mounts.is_empty());
        assert_eq!(config.frame_ancestors.as_str(), "'self'");
        assert!(!config.sandbox, "the sandbox is off unless asked for");
    }

    #[test]
    fn the_sandbox_is_a_flag() {
        let args = Args::parse_from(["ssl-order-server", "--sandbox"]);
        assert!(Config::from(args).sandbox);
    }

    #[test]
    fn frame_ancestors_are_checked_when_parsed() {
        let args = Args::parse_from([
            "ssl-order-server",
            "--frame-ancestors",
            "'self' https://shop.example.com",
        ]);
        assert_eq!(
            args.frame_ancestors.as_str(),
            "'self' https://shop.example.com"
        );
        assert!(
            Args::try_parse_from(["ssl-order-server", "--frame-ancestors", "*; script-src *"])
                .is_err()
        );
    }

    #[test]
    fn mounts_repeat() {
        let args = Args::parse_from([
            "ssl-order-server",
            "--mount",
            "/a=/x",
            "--mount",
            "/b=/y",
            "--issue-delay-secs",
            "0",
        ]);
        let prefixes: Vec<&str> = args.mounts.iter().map(Mount::prefix).collect();
        assert_eq!(prefixes, ["/a", "/b"]);
        assert_eq!(args.issue_delay_secs, 0);
        assert!(Args::try_parse_from(["ssl-order-server", "--mount", "a=/x"]).is_err());
    }
}
