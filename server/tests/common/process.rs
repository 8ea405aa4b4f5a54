//! The `ssl-order-server` binary as a process of its own: started with arguments, its
//! announced address read from stdout, killed (SIGKILL) or stopped (SIGTERM) on demand and
//! killed when dropped. What it writes to stderr is kept in a file the failure message names.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_ssl-order-server");

pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT/`
    pub url: String,
    /// `127.0.0.1:PORT`
    pub addr: String,
    pub stderr: PathBuf,
}

impl Server {
    /// Starts the binary and waits for its `listening on` line.
    pub fn start(args: &[&str], envs: &[(&str, &str)]) -> Server {
        let stderr = std::env::temp_dir().join(format!(
            "ssl-order-server-{}-{}.stderr",
            std::process::id(),
            uuid::Uuid::new_v4()
        ));
        let mut command = Command::new(BIN);
        command
            .args(args)
            .env_remove("SSL_ORDER_SANDBOX")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).expect("a stderr file"));
        for (name, value) in envs {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("the server binary starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        let read = stdout.read_line(&mut line);
        let addr = line
            .strip_prefix("listening on http://")
            .and_then(|rest| rest.split(['/', ' ']).next())
            .map(str::to_string);
        let Some(addr) = addr.filter(|_| read.is_ok()) else {
            let _ = child.kill();
            let said = std::fs::read_to_string(&stderr).unwrap_or_default();
            panic!("the server did not start ({line:?}); it said:\n{said}");
        };
        // Keep reading stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sink = String::new();
            while stdout.read_line(&mut sink).map(|n| n > 0).unwrap_or(false) {
                sink.clear();
            }
        });
        Server {
            child,
            url: format!("http://{addr}/"),
            addr,
            stderr,
        }
    }

    /// SIGKILL: no chance to finish anything.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, then waits (bounded) for the exit.
    pub fn terminate(&mut self, limit: Duration) -> ExitStatus {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + limit;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not stop within {limit:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn said(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.stderr);
    }
}

/// Polls `ready` until it holds, for at most `limit`: waiting on a condition, not a time.
pub async fn until<F, Fut>(limit: Duration, what: &str, mut ready: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + limit;
    while !ready().await {
        assert!(Instant::now() < deadline, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}
