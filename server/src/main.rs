//! `ssl-order-server`: parses the command line and runs the server.

use std::process::ExitCode;

use clap::Parser;
use ssl_order_server::{run, Args, Config};

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    if args.print_csp {
        let config = Config::from(args);
        // The policy depends on the built page; without it, it would silently omit hashes.
        if !config.dist.join("index.html").is_file() {
            eprintln!(
                "ssl-order-server: {} has no index.html (build the app first)",
                config.dist.display()
            );
            return ExitCode::FAILURE;
        }
        let (policy, warnings) = config.policy();
        for warning in warnings {
            eprintln!("ssl-order-server: warning: {warning}");
        }
        println!("{}", policy.header());
        return ExitCode::SUCCESS;
    }
    match run(args.into()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ssl-order-server: {error}");
            ExitCode::FAILURE
        }
    }
}
