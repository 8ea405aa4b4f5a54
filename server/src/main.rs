//! `ssl-order-server`: parses the command line and runs the server.

use std::process::ExitCode;

use clap::Parser;
use ssl_order_server::{run, Args};

#[tokio::main]
async fn main() -> ExitCode {
    match run(Args::parse().into()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ssl-order-server: {error}");
            ExitCode::FAILURE
        }
    }
}
