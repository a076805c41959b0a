//! The server's settings (`mlc serve`'s options).

use std::net::SocketAddr;
use std::time::Duration;

/// How a server listens, how much it takes on, and how long it waits.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on (`--listen`; port 0: any free port, printed when bound).
    pub listen: SocketAddr,
    /// Prediction threads (`--workers`).
    pub workers: usize,
    /// Threads that read and write sockets (parsing and predicting run on the workers).
    pub io_threads: usize,
    /// Most bytes of a request body (`--max-body-mb`); more: 413.
    pub max_body: usize,
    /// Most requests admitted at once, queued or running (`--max-concurrency`); more: 503 with
    /// `Retry-After`.
    pub max_concurrency: usize,
    /// Most open connections; beyond, new connections wait in the listen backlog.
    pub max_connections: usize,
    /// A request's headers, and then its body, must each arrive within this (`--read-timeout`);
    /// an idle keep-alive connection is closed after it.
    pub read_timeout: Duration,
    /// Deadline of a request, from its headers to its answer (`--request-timeout`); past it: 504.
    pub request_timeout: Duration,
    /// How long SIGTERM or Ctrl-C waits for requests in flight (`--shutdown-timeout`).
    pub shutdown_timeout: Duration,
}

impl Default for Config {
    fn default() -> Config {
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        Config {
            listen: SocketAddr::from(([0, 0, 0, 0], 8080)),
            workers: cpus,
            io_threads: (cpus / 4).clamp(1, 4),
            max_body: 6 << 20,
            max_concurrency: 64,
            max_connections: 1024,
            read_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(60),
            shutdown_timeout: Duration::from_secs(25),
        }
    }
}
