//! `mlc bench`: a load generator for models on the device, with a latency breakdown, memory
//! figures, configuration comparison and capacity planning.
//!
//! A request is one mini-batch of `batch_size` records (lines of the input, cycled) that goes
//! through the same path as `mlc transform`: read ([`crate::records`]), routed
//! through a [`Registry`], predicted, and formatted as JSON Lines. Each request is timed with
//! `Instant` around the whole path (**total latency**) and, inside the transform worker, around
//! the runtime's predict calls (**model latency**); **overhead** is the difference.
//!
//! * Closed loop ([`Load::Closed`]): `users` threads, started `spawn_rate` per second, each
//!   sending its next request as soon as the previous one is answered, for `duration`.
//! * Open loop ([`Load::Open`]): requests are due at a fixed `rate`; `users` threads take them
//!   in order and latency is measured **from the time a request was due**, not from when a
//!   thread got to it, so a backlog shows up as latency (no coordinated omission). Requests
//!   still waiting when the duration ends are counted as `unsent`.
//!
//! See docs/bench.md for the report's fields and its JSON schema.

pub mod capacity;
pub mod load;
pub mod plot;
pub mod recorder;
pub mod remote;
pub mod repeat;
pub mod report;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

pub use capacity::{CapacityPlan, CapacityTarget, RunFigures};
pub use recorder::{Bucket, Percentiles, Recorder};
pub use report::{BenchReport, Latencies, Memory, RunReport, TimelinePoint};

use mlc_runtime::InputKind;

use crate::records::{self, ContentType};
use crate::registry::{ModelSource, Registry};
use crate::transform::split::Record;
use crate::transform::{Batch, Options, Routing, Worker};
use crate::HostError;

/// How load is generated.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Load {
    /// `users` threads, each sending a request as soon as its previous one is answered;
    /// started `spawn_rate` per second (`None`: all at once).
    Closed {
        /// Load threads.
        users: usize,
        /// Threads started per second (`None`: all at once).
        spawn_rate: Option<f64>,
    },
    /// Requests due `rate` per second, served by `users` threads.
    Open {
        /// Requests due per second.
        rate: f64,
        /// Threads serving them.
        users: usize,
    },
}

impl Load {
    /// Threads generating load.
    pub fn users(&self) -> usize {
        match *self {
            Load::Closed { users, .. } | Load::Open { users, .. } => users.max(1),
        }
    }
}

/// Plans for `target` from the measured `runs` (only runs without errors count; see
/// [`capacity::plan`]).
pub fn plan(runs: &[RunReport], target: CapacityTarget) -> CapacityPlan {
    capacity::plan(runs.iter().map(RunReport::capacity_figures), target)
}

/// One configuration to measure.
#[derive(Debug, Clone)]
pub struct Config {
    /// Name in tables (e.g. `churn.mlc users=2 batch=8`).
    pub label: String,
    /// Artifact or directory of artifacts.
    pub source: PathBuf,
    /// The model of every record (`None`: the route column, a JSON record's `model`, or the
    /// source's only model).
    pub model: Option<String>,
    /// CSV: 1-based column naming each record's model.
    pub route_column: Option<usize>,
    /// How load is generated.
    pub load: Load,
    /// How long load is generated.
    pub duration: Duration,
    /// Records per request.
    pub batch_size: usize,
    /// Raw margins instead of the objective's output.
    pub margin: bool,
    /// Price of the instance (this configuration) per hour, for the cost columns.
    pub price_per_hour: Option<f64>,
}

/// The records requests are made of.
#[derive(Debug, Clone)]
pub struct Workload {
    /// Their format.
    pub content_type: ContentType,
    /// One record per line.
    pub lines: Vec<Vec<u8>>,
}

/// Errors that stop a benchmark.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The input could not be read.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// The source or its model cannot be used.
    #[error(transparent)]
    Model(#[from] HostError),
    /// Anything else.
    #[error("{0}")]
    Invalid(String),
}

impl Workload {
    /// The lines of `path` (LF or CRLF; empty lines skipped), in the format given or guessed
    /// from the extension (`.csv`, `.jsonl`/`.ndjson`/`.json`, anything else: text).
    pub fn from_file(path: &Path, content_type: Option<ContentType>) -> Result<Workload, BenchError> {
        let bytes = std::fs::read(path).map_err(|error| BenchError::Io { path: path.to_path_buf(), error })?;
        let content_type = content_type.or_else(|| ContentType::from_extension(path)).unwrap_or(ContentType::Text);
        let lines: Vec<Vec<u8>> = records::lines(&bytes).filter(|l| !l.is_empty()).map(<[u8]>::to_vec).collect();
        if lines.is_empty() {
            return Err(BenchError::Invalid(format!("{}: no records", path.display())));
        }
        Ok(Workload { content_type, lines })
    }

    /// One synthetic record for model `name` of `source`, for a run without `--input`: a row
    /// of zeros for a model that takes numbers, a short review for a text model, token id 1 at
    /// every position for a token-id network.
    pub fn synthetic(source: &Path, name: Option<&str>) -> Result<Workload, BenchError> {
        let registry = Registry::open(source, u64::MAX)?;
        let name = match name {
            Some(n) => n.to_string(),
            None => registry.default_name()?,
        };
        let handle = registry.get(&name)?;
        let csv = |value: &str, n: usize| (ContentType::Csv, vec![value; n].join(",").into_bytes());
        let (content_type, line) = match handle.model().input_kind() {
            InputKind::Floats { features } => csv("0", features),
            InputKind::TokenIds { text: true, .. } => {
                (ContentType::Text, b"A quiet, well acted film: the story drags in the middle but the ending is worth the wait.".to_vec())
            }
            InputKind::TokenIds { length, .. } => csv("1", length),
        };
        Ok(Workload { content_type, lines: vec![line] })
    }

    /// The requests: consecutive runs of `batch_size` lines, cycling over the input.
    pub(crate) fn batches(&self, batch_size: usize) -> Vec<Batch> {
        let b = batch_size.max(1);
        let n = self.lines.len().div_ceil(b).clamp(1, 4096);
        (0..n)
            .map(|j| {
                let mut batch = Batch { first_line: (j * b % self.lines.len()) as u64 + 1, last: true, ..Batch::default() };
                for k in 0..b {
                    let line = &self.lines[(j * b + k) % self.lines.len()];
                    let start = batch.data.len();
                    batch.data.extend_from_slice(line);
                    batch.records.push(Record::Line { start, end: batch.data.len() });
                    batch.input_bytes += line.len() as u64 + 1;
                }
                batch
            })
            .collect()
    }
}

/// Peak resident memory of this process (Linux `VmHWM`), bytes.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Measures what timing and recording one request costs, nanoseconds: the clock read that
/// ends a request (and starts the next), the two around the model call inside the worker, and
/// the histogram and counter updates.
pub fn measurement_overhead_ns() -> f64 {
    let start = Instant::now();
    let mut recorder = Recorder::new(start);
    // The least of several rounds: the cost itself, without other processes' interference
    // (the first round also touches the histograms' pages).
    let n = 50_000u32;
    (0..6)
        .map(|_| {
            let mut t = Instant::now();
            let begin = t;
            for i in 0..n {
                let m = Instant::now();
                let model = m.elapsed();
                let done = Instant::now();
                recorder.record(done, done - t + Duration::from_nanos(u64::from(i % 1000)), model, 1, &[]);
                t = done;
            }
            (t - begin).as_nanos() as f64 / f64::from(n)
        })
        .fold(f64::INFINITY, f64::min)
}

/// The model a request without its own goes to (as `mlc transform` decides it).
fn default_model(registry: &Registry, config: &Config, workload: &Workload) -> Result<Option<String>, BenchError> {
    Ok(match (&config.model, config.route_column) {
        (Some(name), _) => Some(registry.get(name)?.name().to_string()),
        (None, Some(_)) => None,
        (None, None) if workload.content_type == ContentType::JsonLines => registry.default_name().ok(),
        (None, None) => Some(registry.default_name()?),
    })
}

/// Bytes of the artifact files behind the models loaded (what is mapped).
fn mapped_bytes(registry: &Registry) -> u64 {
    match registry.source() {
        ModelSource::File(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
        ModelSource::Directory { dir, .. } => {
            let mut stems: Vec<String> = registry.loaded().iter().map(|n| n.split('/').next().unwrap_or(n).to_string()).collect();
            stems.sort();
            stems.dedup();
            stems.iter().map(|s| std::fs::metadata(dir.join(format!("{s}.mlc"))).map_or(0, |m| m.len())).sum()
        }
    }
}

/// Checks the duration and the rate.
fn check(config: &Config) -> Result<(), BenchError> {
    if config.duration.is_zero() {
        return Err(BenchError::Invalid("the duration must be positive".into()));
    }
    if let Load::Open { rate, .. } = config.load {
        if !(rate > 0.0 && rate.is_finite()) {
            return Err(BenchError::Invalid(format!("--rate must be a positive number of requests per second, not {rate}")));
        }
    }
    Ok(())
}

/// Open loop: the requests due that were never sent.
fn unsent(config: &Config, all: &Recorder) -> u64 {
    match config.load {
        Load::Open { rate, .. } => ((config.duration.as_secs_f64() * rate).ceil() as u64).saturating_sub(all.invocations),
        Load::Closed { .. } => 0,
    }
}

/// A local load thread: `mlc transform`'s worker on the prepared batches.
struct LocalSender<'a> {
    worker: Worker<'a>,
    batches: &'a [Batch],
}

impl load::Sender for LocalSender<'_> {
    fn send(&mut self, i: usize) -> load::Sent {
        let p = self.worker.predict(&self.batches[i]);
        load::Sent { records: p.records, model: p.model_time, server: None }
    }

    fn errors(&self) -> &[String] {
        self.worker.messages()
    }

    fn scratch_bytes(&self) -> u64 {
        self.worker.scratch_bytes()
    }
}

/// Runs one configuration and reports it.
pub fn run(config: &Config, workload: &Workload) -> Result<RunReport, BenchError> {
    check(config)?;
    let batches = workload.batches(config.batch_size);
    let options = Options {
        content_type: workload.content_type,
        max_records: config.batch_size.max(1),
        max_payload: usize::MAX,
        workers: 1,
        routing: match config.route_column {
            Some(k) => Routing::Column(k),
            None => Routing::Model(config.model.clone()),
        },
        margin: config.margin,
        ..Options::default()
    };

    // Cold start: open the source (map, validate) → the first prediction answered.
    let cold = Instant::now();
    let registry = Registry::open(&config.source, u64::MAX)?;
    let default = default_model(&registry, config, workload)?;
    let first = Worker::new(&registry, &options, default.as_deref()).predict(&batches[0]);
    let cold_start = cold.elapsed();
    if let Some((_, message)) = first.first_error {
        // Every request would fail the same way: say so rather than measure errors.
        if first.errors == first.records {
            return Err(BenchError::Invalid(format!("the first request fails: {message}")));
        }
    }

    let (all, scratch, start) = load::drive(config.load, config.duration, batches.len(), |_| LocalSender {
        worker: Worker::new(&registry, &options, default.as_deref()),
        batches: &batches,
    });
    let elapsed = start.elapsed().max(config.duration.min(start.elapsed()));
    let unsent = unsent(config, &all);
    let memory = Memory {
        artifact_bytes_mapped: mapped_bytes(&registry),
        model_bytes: registry.memory_used(),
        scratch_bytes: scratch.iter().sum(),
        peak_rss_bytes: peak_rss(),
    };
    Ok(report::build(config, &all, elapsed, unsent, cold_start, memory, registry.stats()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `plan` reads each report's total-latency p99 (not the model's) and skips runs with errors.
    #[test]
    fn plans_from_the_reports_figures() {
        let report = |label: &str, per_min: f64, total_p99: f64, errors: u64| {
            let mut r =
                RunReport { label: label.into(), users: 1, invocations: 100, errors, invocations_per_min: per_min, ..RunReport::default() };
            r.latency_ms.total.p99 = total_p99;
            r.latency_ms.model.p99 = 1.0;
            r
        };
        let runs = [report("fast-but-slow-p99", 9000.0, 20.0, 0), report("ok", 6000.0, 5.0, 0), report("errors", 8000.0, 2.0, 1)];
        let target = CapacityTarget { target_invocations_per_min: 12_000.0, latency_slo_ms: 10.0, target_utilization: 0.5 };
        let p = plan(&runs, target);
        assert_eq!(p.best_configuration.as_deref(), Some("ok"));
        assert_eq!((p.sustainable_per_instance_per_min, p.min_instances, p.max_instances), (6000.0, Some(2), Some(4)));
        assert_eq!(
            runs[1].capacity_figures(),
            RunFigures { label: "ok", users: 1, invocations: 100, errors: 0, invocations_per_min: 6000.0, p99_ms: 5.0 }
        );
    }
}
