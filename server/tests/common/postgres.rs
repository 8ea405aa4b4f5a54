//! A throwaway PostgreSQL cluster for tests: `initdb` into a temporary directory, `pg_ctl
//! start` with only a unix socket in that directory (no TCP port to collide with another
//! test), and a database to connect to. Dropping it stops the server at once and removes
//! the directory.
//!
//! PostgreSQL refuses to run as root: as root, every command runs as the `postgres` user
//! (`runuser`), the directory chowned to it. The binaries are looked for on `PATH`, then in
//! `/usr/lib/postgresql/*/bin`; `scripts/bootstrap.sh` installs them.

use std::net::TcpListener;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long the server may take to accept connections after `pg_ctl start` returns.
const READY_WITHIN: Duration = Duration::from_secs(30);

pub struct TempCluster {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    /// `Some((uid, gid))` of `postgres` when we are root.
    run_as: Option<(u32, u32)>,
}

impl TempCluster {
    /// Creates and starts a cluster with a database `orders`. Panics with what to do if
    /// PostgreSQL is not installed or does not start.
    pub fn start() -> TempCluster {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let bin = find_bin();
        let run_as = is_root().then(postgres_user);
        let dir = std::env::temp_dir().join(format!(
            "ssl-order-pg-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        if let Some((uid, gid)) = run_as {
            std::os::unix::fs::chown(&dir, Some(uid), Some(gid)).unwrap();
        }
        let cluster = TempCluster {
            bin,
            dir,
            port: free_port(),
            run_as,
        };
        cluster.run(
            "initdb",
            &[
                "-D",
                cluster.data().to_str().unwrap(),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-sync",
            ],
        );
        cluster.start_again();
        cluster.run(
            "createdb",
            &[
                "-h",
                cluster.dir.to_str().unwrap(),
                "-p",
                &cluster.port.to_string(),
                "-U",
                "postgres",
                "orders",
            ],
        );
        cluster
    }

    /// The `orders` database, through the unix socket.
    pub fn url(&self) -> String {
        self.url_of("orders")
    }

    /// Another database of this cluster, created empty.
    pub fn create_database(&self, name: &str) -> String {
        self.run(
            "createdb",
            &[
                "-h",
                self.dir.to_str().unwrap(),
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
                name,
            ],
        );
        self.url_of(name)
    }

    fn url_of(&self, database: &str) -> String {
        format!(
            "postgres://postgres@localhost:{}/{database}?host={}",
            self.port,
            self.dir.display()
        )
    }

    /// Stops the server at once (as a crash would) and starts it again on the same
    /// directory and port.
    pub fn restart(&self) {
        self.stop();
        self.start_again();
    }

    /// Stops the server at once, as a crash would; `start_again` brings it back.
    pub fn stop(&self) {
        self.run(
            "pg_ctl",
            &[
                "-D",
                self.data().to_str().unwrap(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
    }

    /// Starts the stopped server and waits (bounded) until it accepts connections.
    pub fn start_again(&self) {
        let options = format!(
            "-k {} -p {} -c listen_addresses='' -c fsync=off -c full_page_writes=off \
             -c max_connections=300",
            self.dir.display(),
            self.port
        );
        let log = self.dir.join("server.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                self.data().to_str().unwrap(),
                "-l",
                log.to_str().unwrap(),
                "-o",
                &options,
                "-w",
                "-t",
                "60",
                "start",
            ],
        );
        let socket = self.dir.join(format!(".s.PGSQL.{}", self.port));
        let deadline = Instant::now() + READY_WITHIN;
        while UnixStream::connect(&socket).is_err() {
            assert!(
                Instant::now() < deadline,
                "PostgreSQL did not accept connections on {} within {READY_WITHIN:?}; its log: {}",
                socket.display(),
                std::fs::read_to_string(&log).unwrap_or_default()
            );
            // A short pause between attempts, so the poll does not take a core from the
            // server it waits for.
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// Runs one of PostgreSQL's commands (as `postgres` when we are root); panics with its
    /// output if it fails.
    fn run(&self, program: &str, args: &[&str]) {
        let output = self.command(program, args).output().unwrap_or_else(|e| {
            panic!("cannot run {program}: {e}; run scripts/bootstrap.sh to install PostgreSQL")
        });
        assert!(
            output.status.success(),
            "{program} {args:?} failed ({}):\n{}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    fn command(&self, program: &str, args: &[&str]) -> Command {
        let path = self.bin.join(program);
        let mut command = if self.run_as.is_some() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        };
        command.args(args).current_dir(&self.dir);
        command
    }
}

impl Drop for TempCluster {
    fn drop(&mut self) {
        // Best effort: a test that failed half-way may have stopped it already.
        let _ = self
            .command(
                "pg_ctl",
                &[
                    "-D",
                    self.data().to_str().unwrap_or(""),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ],
            )
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The directory holding `initdb`, `pg_ctl` and `createdb`.
fn find_bin() -> PathBuf {
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .find(|dir| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file())
        .map(|dir| dir.join("initdb"));
    // Debian keeps them out of PATH, one directory per major version; the newest wins.
    let mut debian: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path().join("bin"))
                .filter(|bin| bin.join("initdb").is_file())
                .collect()
        })
        .unwrap_or_default();
    debian.sort();
    // A symlink on PATH (such as /usr/local/bin/initdb) leads to its real directory, where
    // createdb is too.
    let found = on_path
        .and_then(|initdb| std::fs::canonicalize(initdb).ok())
        .and_then(|initdb| initdb.parent().map(Path::to_path_buf))
        .or_else(|| debian.pop());
    match found {
        Some(bin) if bin.join("createdb").is_file() => bin,
        _ => panic!(
            "PostgreSQL's initdb, pg_ctl and createdb were not found on PATH or in \
             /usr/lib/postgresql/*/bin: run scripts/bootstrap.sh (it installs PostgreSQL 15)"
        ),
    }
}

fn is_root() -> bool {
    let output = Command::new("id").arg("-u").output().expect("run id -u");
    String::from_utf8_lossy(&output.stdout).trim() == "0"
}

fn postgres_user() -> (u32, u32) {
    let id = |flag: &str| -> u32 {
        let output = Command::new("id")
            .args([flag, "postgres"])
            .output()
            .expect("run id");
        assert!(
            output.status.success(),
            "running as root needs a `postgres` user to run PostgreSQL as: run \
             scripts/bootstrap.sh (Debian's postgresql package creates it)"
        );
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .unwrap()
    };
    (id("-u"), id("-g"))
}

/// A port no one listens on now: it only names the socket file, but stays clear of a
/// server on the machine's default port.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .unwrap()
}
