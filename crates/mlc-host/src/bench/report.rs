//! The report of a benchmark: per configuration ([`RunReport`]), and the whole
//! ([`BenchReport`], the `--json` document), with the text tables printed by `mlc bench`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use serde::Serialize;

use super::capacity::{CapacityPlan, RunFigures};
use super::recorder::{buckets, Bucket, Percentiles, Recorder, TIMELINE_BUCKET};
use super::{Config, Load};
use crate::registry::ModelStats;

/// Version of the JSON document's schema (docs/bench.md).
pub const SCHEMA: &str = "mlc-bench/1";

/// Total, model and overhead latency, milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Latencies {
    /// Whole request (open loop: from the time it was due).
    pub total: Percentiles,
    /// Inside the runtime's predict calls.
    pub model: Percentiles,
    /// Total minus model: parsing, routing, formatting (and, open loop, waiting).
    pub overhead: Percentiles,
}

/// What a remote endpoint said of its own time (`mlc bench --url`), from its answers'
/// `mlc-*-latency-us` headers, milliseconds. `model` is [`Latencies::model`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ServerSplit {
    /// Answers that carried the split (the others count in no figure here).
    pub answers: u64,
    /// The server's overhead: body, queue, parsing, routing, formatting.
    pub overhead: Percentiles,
    /// Of that, the wait for a worker.
    pub queue: Percentiles,
}

/// Memory figures, bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Memory {
    /// Size of the artifact files mapped.
    pub artifact_bytes_mapped: u64,
    /// Bytes of the loaded models' sections (what predictions touch).
    pub model_bytes: u64,
    /// Scratch buffers of all load threads (rows, outputs, network activations, tokens).
    pub scratch_bytes: u64,
    /// Peak resident set of the process (`VmHWM`); `null` where unknown.
    pub peak_rss_bytes: Option<u64>,
}

/// Throughput over one timeline bucket.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TimelinePoint {
    /// Start of the bucket, seconds since the load started.
    pub t_s: f64,
    /// Load threads started by then.
    pub users: usize,
    /// Invocations completed in the bucket, per second.
    pub invocations_per_s: f64,
}

/// The figures of one configuration.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RunReport {
    /// The configuration's name in tables (`--compare`, `--sweep`).
    pub label: String,
    /// The artifact, bundle or directory benchmarked.
    pub source: String,
    /// The model (`--model`), if one was named.
    pub model: Option<String>,
    /// `closed` or `open`.
    pub mode: &'static str,
    /// Load threads.
    pub users: usize,
    /// Closed loop: threads started per second (`None`: all at once).
    pub spawn_rate: Option<f64>,
    /// Open loop: requests due per second.
    pub rate: Option<f64>,
    /// Records per request.
    pub batch_size: usize,
    /// Seconds of load.
    pub duration_s: f64,
    /// Requests answered.
    pub invocations: u64,
    /// Requests answered without a bad record.
    pub successes: u64,
    /// Requests with at least one bad record.
    pub errors: u64,
    /// Records predicted (or reported bad).
    pub records: u64,
    /// Open loop: requests due that never started (the backlog when the run ended).
    pub unsent: u64,
    /// Requests answered per minute.
    pub invocations_per_min: f64,
    /// Records predicted per second.
    pub records_per_s: f64,
    /// Total, model and overhead latency.
    pub latency_ms: Latencies,
    /// A remote endpoint's own split of its time (`None`: a local run, or an endpoint that
    /// does not give it).
    pub server_ms: Option<ServerSplit>,
    /// Bad records by kind.
    pub errors_by_kind: BTreeMap<String, u64>,
    /// Opening the source (map, validate, load the model) until the first prediction is answered.
    pub cold_start_ms: f64,
    /// Memory mapped, loaded and used.
    pub memory: Memory,
    /// Per model: cold loads and warm predictions (the registry's figures).
    pub models: Vec<ModelStats>,
    /// The price per hour of what ran (`--price-per-hour`, or `--price-per-core-hour` × threads).
    pub price_per_hour: Option<f64>,
    /// `price_per_hour` / predictions per hour × 10⁶.
    pub usd_per_million_records: Option<f64>,
    /// p99 latency (ms) × price per hour: lower is better.
    pub p99_ms_x_price: Option<f64>,
    /// Total-latency histogram.
    pub histogram: Vec<Bucket>,
    /// Throughput every 100 ms.
    pub timeline: Vec<TimelinePoint>,
}

/// The `--json` document.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// `mlc-bench/1`.
    pub schema: &'static str,
    /// Where it ran.
    pub machine: Machine,
    /// What recording one request costs, nanoseconds (measured at start-up).
    pub measurement_overhead_ns: f64,
    /// One report per configuration.
    pub runs: Vec<RunReport>,
    /// The capacity plan, when a target load was given.
    pub capacity: Option<CapacityPlan>,
}

/// Where it ran.
#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    /// CPU architecture (`x86_64`, `aarch64`).
    pub arch: &'static str,
    /// Operating system.
    pub os: &'static str,
    /// Logical CPUs available.
    pub cpus: usize,
}

impl Machine {
    /// This machine.
    pub fn this() -> Machine {
        Machine {
            arch: std::env::consts::ARCH,
            os: std::env::consts::OS,
            cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

pub(super) fn build(
    config: &Config,
    all: &Recorder,
    elapsed: Duration,
    unsent: u64,
    cold_start: Duration,
    memory: Memory,
    models: Vec<ModelStats>,
) -> RunReport {
    let secs = elapsed.as_secs_f64().max(1e-9);
    let users = config.load.users();
    let (mode, spawn_rate, rate) = match config.load {
        Load::Closed { spawn_rate, .. } => ("closed", spawn_rate, None),
        Load::Open { rate, .. } => ("open", None, Some(rate)),
    };
    let latency_ms =
        Latencies { total: Percentiles::of(&all.total), model: Percentiles::of(&all.model), overhead: Percentiles::of(&all.overhead) };
    let records_per_s = all.records as f64 / secs;
    let bucket_s = TIMELINE_BUCKET.as_secs_f64();
    let timeline = all
        .timeline
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let t_s = (i as f64 * bucket_s * 1e3).round() / 1e3;
            let started = match config.load {
                Load::Closed { spawn_rate: Some(r), .. } if r > 0.0 => ((t_s * r).floor() as usize + 1).min(users),
                _ => users,
            };
            TimelinePoint { t_s, users: started, invocations_per_s: n as f64 / bucket_s }
        })
        .collect();
    let price = config.price_per_hour;
    RunReport {
        label: config.label.clone(),
        source: config.source.display().to_string(),
        model: config.model.clone(),
        mode,
        users,
        spawn_rate,
        rate,
        batch_size: config.batch_size.max(1),
        duration_s: secs,
        invocations: all.invocations,
        successes: all.successes,
        errors: all.errors,
        records: all.records,
        unsent,
        invocations_per_min: all.invocations as f64 / secs * 60.0,
        records_per_s,
        latency_ms,
        server_ms: (all.split_answers > 0).then(|| ServerSplit {
            answers: all.split_answers,
            overhead: Percentiles::of(&all.server_overhead),
            queue: Percentiles::of(&all.server_queue),
        }),
        errors_by_kind: all.error_kinds.clone(),
        cold_start_ms: cold_start.as_secs_f64() * 1e3,
        memory,
        models,
        price_per_hour: price,
        usd_per_million_records: price.filter(|_| records_per_s > 0.0).map(|p| p / (records_per_s * 3600.0) * 1e6),
        p99_ms_x_price: price.map(|p| p * latency_ms.total.p99),
        histogram: buckets(&all.total),
        timeline,
    }
}

fn bytes(n: u64) -> String {
    match n {
        n if n >= 10 << 20 => format!("{:.0} MiB", n as f64 / (1 << 20) as f64),
        n if n >= 1 << 20 => format!("{:.1} MiB", n as f64 / (1 << 20) as f64),
        n if n >= 10 << 10 => format!("{:.0} KiB", n as f64 / 1024.0),
        n => format!("{n} B"),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Three significant digits.
fn sig(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{x}");
    }
    let digits = (2 - x.abs().log10().floor() as i32).max(0) as usize;
    format!("{x:.digits$}")
}

/// A time given in milliseconds, in the unit that reads best, with three significant digits:
/// `880 ns`, `14.7 µs`, `17.3 ms`, `4170 ms`.
pub fn ms(x: f64) -> String {
    if !(x.is_finite() && x > 0.0) {
        return format!("{} ms", sig(x));
    }
    match x {
        x if x >= 1000.0 => format!("{x:.0} ms"),
        x if x >= 1.0 => format!("{} ms", sig(x)),
        x if x >= 1e-3 => format!("{} µs", sig(x * 1e3)),
        x => format!("{} ns", sig(x * 1e6)),
    }
}

/// Lays out rows under a header, columns padded; the first column left-aligned.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut width: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for row in rows {
        for (w, cell) in width.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let line = |cells: Vec<&str>, out: &mut String| {
        for (i, (cell, w)) in cells.iter().zip(&width).enumerate() {
            let pad = w - cell.chars().count();
            if i == 0 {
                let _ = write!(out, "{cell}{}", " ".repeat(pad));
            } else {
                let _ = write!(out, "  {}{cell}", " ".repeat(pad));
            }
        }
        out.push('\n');
    };
    line(header.to_vec(), &mut out);
    line(width.iter().map(|&w| "-".repeat(w)).collect::<Vec<_>>().iter().map(String::as_str).collect(), &mut out);
    for row in rows {
        line(row.iter().map(String::as_str).collect(), &mut out);
    }
    out
}

impl RunReport {
    /// What capacity planning reads of this run: its total-latency p99 among them.
    pub fn capacity_figures(&self) -> RunFigures<'_> {
        RunFigures {
            label: &self.label,
            users: self.users,
            invocations: self.invocations,
            errors: self.errors,
            invocations_per_min: self.invocations_per_min,
            p99_ms: self.latency_ms.total.p99,
        }
    }

    /// The detailed text report of this configuration.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let load = match self.mode {
            "open" => format!("open loop, {} req/s due, {} thread{}", self.rate.unwrap_or(0.0), self.users, plural(self.users)),
            _ => match self.spawn_rate {
                Some(r) => format!("closed loop, {} user{} spawned at {r}/s", self.users, plural(self.users)),
                None => format!("closed loop, {} user{}", self.users, plural(self.users)),
            },
        };
        let _ = writeln!(out, "{}: {load}, batch {}, {:.1} s", self.label, self.batch_size, self.duration_s);
        let _ = writeln!(
            out,
            "invocations {} ({} ok, {} errors{}), {:.0}/min, {:.0} records/s",
            self.invocations,
            self.successes,
            self.errors,
            if self.unsent > 0 { format!(", {} due but unsent", self.unsent) } else { String::new() },
            self.invocations_per_min,
            self.records_per_s
        );
        let l = &self.latency_ms;
        let mut rows: Vec<(&str, &Percentiles)> = vec![("total", &l.total), ("model", &l.model), ("overhead", &l.overhead)];
        if let Some(server) = &self.server_ms {
            rows.extend([("server overhead", &server.overhead), ("server queue", &server.queue)]);
        }
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|(name, p)| vec![name.to_string(), ms(p.p50), ms(p.p90), ms(p.p99), ms(p.p999), ms(p.max), ms(p.mean)])
            .collect();
        out.push_str(&table(&["latency", "p50", "p90", "p99", "p99.9", "max", "mean"], &rows));
        if !self.errors_by_kind.is_empty() {
            let kinds: Vec<String> = self.errors_by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
            let _ = writeln!(out, "bad records by kind: {}", kinds.join(", "));
        }
        let m = &self.memory;
        if *m == Memory::default() {
            // A remote endpoint: its memory is not seen from here.
            let _ = writeln!(
                out,
                "cold start {} ms (connecting and the first request answered); {}",
                ms(self.cold_start_ms),
                match &self.server_ms {
                    Some(s) => format!("{} of {} answers gave the server's latency split", s.answers, self.invocations),
                    None => "the server gave no latency split (model and server rows need mlc-*-latency-us headers)".into(),
                }
            );
            return out;
        }
        let _ = writeln!(
            out,
            "cold start {}; memory: artifact mapped {}, models {}, scratch {}, peak RSS {}",
            ms(self.cold_start_ms),
            bytes(m.artifact_bytes_mapped),
            bytes(m.model_bytes),
            bytes(m.scratch_bytes),
            m.peak_rss_bytes.map_or("unknown".into(), bytes)
        );
        out
    }
}

impl BenchReport {
    /// The comparison table: one row per configuration.
    pub fn comparison(&self) -> String {
        let priced = self.runs.iter().any(|r| r.price_per_hour.is_some());
        let mut header =
            vec!["configuration", "users", "batch", "inv/min", "records/s", "p50", "p99", "model p50", "overhead p50", "errors"];
        if priced {
            header.extend(["$/h", "$/M records", "p99×$/h"]);
        }
        let rows: Vec<Vec<String>> = self
            .runs
            .iter()
            .map(|r| {
                let mut row = vec![
                    r.label.clone(),
                    r.users.to_string(),
                    r.batch_size.to_string(),
                    format!("{:.0}", r.invocations_per_min),
                    format!("{:.0}", r.records_per_s),
                    ms(r.latency_ms.total.p50),
                    ms(r.latency_ms.total.p99),
                    ms(r.latency_ms.model.p50),
                    ms(r.latency_ms.overhead.p50),
                    r.errors.to_string(),
                ];
                if priced {
                    row.push(r.price_per_hour.map_or("-".into(), |p| format!("{p}")));
                    row.push(r.usd_per_million_records.map_or("-".into(), sig));
                    row.push(r.p99_ms_x_price.map_or("-".into(), sig));
                }
                row
            })
            .collect();
        table(&header, &rows)
    }
}

#[cfg(test)]
mod unit_tests {
    use super::ms;

    #[test]
    fn times_in_the_unit_that_reads_best() {
        assert_eq!(ms(17.34), "17.3 ms");
        assert_eq!(ms(4170.2), "4170 ms");
        assert_eq!(ms(0.0147), "14.7 µs");
        assert_eq!(ms(0.00088), "880 ns");
        assert_eq!(ms(1.0), "1.00 ms");
        assert_eq!(ms(0.0), "0 ms");
    }
}
