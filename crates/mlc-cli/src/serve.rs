//! `mlc serve`: the real-time and multi-model HTTP endpoint (Open Inference Protocol v2 and
//! SageMaker) over a model registry; docs/serve.md.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Result};
use clap::Parser;
use mlc_host::Registry;
use mlc_serve::Config;

use crate::args::{parse_duration, parse_size};

/// Arguments of `mlc serve`.
#[derive(Parser)]
pub struct Args {
    /// The models: an artifact (one model or a bundle), or a directory of `NAME.mlc` artifacts.
    source: PathBuf,
    /// Address and port to listen on (`127.0.0.1:0`: a free port; the address bound is printed).
    #[arg(long, default_value = "0.0.0.0:8080")]
    listen: SocketAddr,
    /// Prediction threads (default: the CPUs available).
    #[arg(long)]
    workers: Option<usize>,
    /// Most memory for loaded models, e.g. `512M`, `2G` or bytes; least recently used models
    /// are evicted beyond it (default: no limit).
    #[arg(long, value_parser = parse_size)]
    memory_budget: Option<u64>,
    /// Most megabytes (MiB) of a request body; a larger one gets 413.
    #[arg(long, default_value_t = 6.0)]
    max_body_mb: f64,
    /// Most requests in the server at once, queued or running; more get 503 with Retry-After.
    #[arg(long, default_value_t = 64)]
    max_concurrency: usize,
    /// Most open connections (more wait in the listen backlog).
    #[arg(long, default_value_t = 1024)]
    max_connections: usize,
    /// A request's headers, then its body, must each arrive within this (`30s`, `500ms`); an
    /// idle keep-alive connection is closed after it.
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    read_timeout: Duration,
    /// Deadline of a request, from its headers to its answer; past it: 504.
    #[arg(long, value_parser = parse_duration, default_value = "60s")]
    request_timeout: Duration,
    /// How long SIGTERM or Ctrl-C waits for the requests in flight before exiting.
    #[arg(long, value_parser = parse_duration, default_value = "25s")]
    shutdown_timeout: Duration,
}

/// Runs `mlc serve` until SIGTERM or Ctrl-C; exits 0 once the requests in flight are answered.
pub fn run(args: Args) -> Result<()> {
    if !(args.max_body_mb > 0.0 && args.max_body_mb.is_finite()) {
        bail!("--max-body-mb must be a positive number");
    }
    let registry = Arc::new(Registry::open(&args.source, args.memory_budget.unwrap_or(u64::MAX))?);
    let defaults = Config::default();
    let config = Config {
        listen: args.listen,
        workers: args.workers.unwrap_or(defaults.workers).max(1),
        max_body: (args.max_body_mb * (1 << 20) as f64) as usize,
        max_concurrency: args.max_concurrency.max(1),
        max_connections: args.max_connections.max(1),
        read_timeout: args.read_timeout,
        request_timeout: args.request_timeout,
        shutdown_timeout: args.shutdown_timeout,
        ..defaults
    };
    let workers = config.workers;
    let source = args.source.display().to_string();
    let stopped = mlc_serve::serve(registry, config, |addr| {
        // The first line of standard output: scripts and tests read the port from it.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "mlc serve: listening on http://{addr} ({source}, {workers} workers)");
        let _ = out.flush();
    })?;
    if !stopped.drained {
        bail!("requests still in flight after --shutdown-timeout were abandoned");
    }
    eprintln!("mlc serve: stopped (every request in flight was answered)");
    Ok(())
}
