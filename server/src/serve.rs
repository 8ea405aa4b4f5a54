//! The HTTP/1.1 accept loop with graceful shutdown.
//!
//! `axum::serve` cannot change hyper's limits, and hyper's default read buffer (about
//! 400 KiB) refuses with 431 the long `X-Auth-Token`s Huawei documents (up to 2 MiB).
//!
//! Each request carries the client's address as axum's
//! [`ConnectInfo<SocketAddr>`](axum::extract::ConnectInfo) (the limits and the trusted
//! header need it).
//!
//! It also carries out the sandbox's `drop` fault: an answer marked
//! [`DropConnection`](crate::sandbox::faults::DropConnection) becomes a service error, on
//! which hyper closes the connection without writing anything. While a drop is pending,
//! connections are not kept alive, because browsers resend a request that failed on a
//! reused connection.

use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::io;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::response::Response;
use axum::{Extension, Router};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::{service_fn, Service as _};
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};

use crate::sandbox::faults::{self, ConnectionReuse};

/// Room for a 2 MiB token plus the other headers of a request.
const MAX_HEAD_BYTES: usize = 2 * 1024 * 1024 + 64 * 1024;

/// Open requests get this long to finish once shutdown starts: longer than an order
/// server's provider call (30 s by default), so an order in flight is finished, not cut.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(40);

/// Serves `app` on `listener` until `shutdown` completes, then lets open requests finish.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let mut builder = http1::Builder::new();
    builder.max_buf_size(MAX_HEAD_BYTES);
    // For connections accepted while a drop is pending; asking hyper to shut down a
    // connection that has read nothing yet would close it before its first request.
    let mut one_request = builder.clone();
    one_request.keep_alive(false);
    let reuse = ConnectionReuse::default();
    let app = TowerToHyperService::new(app.layer(Extension(reuse.clone())));
    let (stop, _) = watch::channel(false);
    // Every connection task holds a sender; `recv` gives `None` once all of them are done.
    let (open, mut all_closed) = mpsc::channel::<()>(1);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Running out of file descriptors and the like pass; retrying at once would spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Small JSON answers should not wait for Nagle's algorithm.
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = service_fn(move |mut request: hyper::Request<Incoming>| {
            // Handlers read the client's address with axum's `ConnectInfo` extractor.
            request.extensions_mut().insert(ConnectInfo(peer));
            let answer = app.call(request);
            async move { abort_if_dropped(answer.await) }
        });
        let (mut stop, mut reuse, open) = (stop.subscribe(), reuse.subscribe(), open.clone());
        let reusable = *reuse.borrow_and_update();
        let builder = if reusable { &builder } else { &one_request };
        let connection = builder.serve_connection(TokioIo::new(stream), service);
        tokio::spawn(async move {
            let _open = open;
            tokio::pin!(connection);
            tokio::select! {
                // A client that goes away mid-request is not the server's error.
                _ = connection.as_mut() => return,
                () = close_wanted(&mut stop, reusable.then_some(&mut reuse)) => {
                    connection.as_mut().graceful_shutdown();
                }
            }
            let _ = connection.await;
        });
    }
    drop(listener);
    let _ = stop.send(true);
    drop(open);
    // Past the grace period, exit anyway: the process is ending.
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, all_closed.recv()).await;
    Ok(())
}

/// Resolves when the server stops or, if `reuse` is given, when connections may no longer be
/// kept alive: then the connection finishes the answer in progress, if any, and closes.
async fn close_wanted(stop: &mut watch::Receiver<bool>, reuse: Option<&mut watch::Receiver<bool>>) {
    // The guards `wait_for` returns are dropped at once: they must not be held across an await.
    let stopping = async { stop.wait_for(|stopping| *stopping).await.is_ok() };
    let no_reuse = async {
        match reuse {
            Some(reuse) => reuse.wait_for(|allowed| !allowed).await.is_ok(),
            None => false,
        }
    };
    tokio::select! {
        true = stopping => {}
        true = no_reuse => {}
        // Both senders gone: nothing will ever ask this connection to close.
        else => std::future::pending().await,
    }
}

/// The error that makes hyper close the connection without answering.
#[derive(Debug)]
struct DroppedByFault;

impl fmt::Display for DroppedByFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by a sandbox fault")
    }
}

impl std::error::Error for DroppedByFault {}

fn abort_if_dropped(answer: Result<Response, Infallible>) -> Result<Response, DroppedByFault> {
    let Ok(response) = answer;
    if faults::is_dropped(&response) {
        Err(DroppedByFault)
    } else {
        Ok(response)
    }
}

#[cfg(test)]
mod tests {
    use std::net::{IpAddr, Ipv4Addr, SocketAddr};

    use axum::extract::ConnectInfo;
    use axum::routing::get;
    use axum::Router;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};
    use tokio::sync::oneshot;

    #[tokio::test]
    async fn a_handler_sees_the_peer_address() {
        let app = Router::new().route(
            "/peer",
            get(|ConnectInfo(peer): ConnectInfo<SocketAddr>| async move { peer.to_string() }),
        );
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(super::serve(listener, app, async {
            let _ = stopped.await;
        }));
        let mut client = TcpStream::connect(addr).await.unwrap();
        let local = client.local_addr().unwrap();
        client
            .write_all(b"GET /peer HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut answer = String::new();
        client.read_to_string(&mut answer).await.unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        let body = answer.split("\r\n\r\n").nth(1).unwrap();
        let seen: SocketAddr = body.parse().unwrap();
        assert_eq!(seen.ip(), IpAddr::V4(Ipv4Addr::LOCALHOST));
        assert_eq!(seen, local);
        stop.send(()).unwrap();
        server.await.unwrap().unwrap();
    }
}
