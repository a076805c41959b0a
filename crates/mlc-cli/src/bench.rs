//! `mlc bench`: load-test a model on this device (closed or open loop), break latency down into
//! model and overhead, compare configurations with a cost column, and plan capacity.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use mlc_host::bench::remote::{self, Endpoint, Protocol};
use mlc_host::bench::repeat::Repeated;
use mlc_host::bench::{self, BenchReport, CapacityTarget, Config, Load, Workload};
use mlc_host::transform::ContentType;

use crate::args::{parse_duration, ContentTypeArg};

/// Arguments of `mlc bench`.
#[derive(Parser)]
pub struct Args {
    /// The models: an artifact (one model or a bundle), or a directory of `NAME.mlc` artifacts.
    /// Optional with --compare; not with --url.
    #[arg(conflicts_with = "url")]
    source: Option<PathBuf>,
    /// Load-test a running endpoint instead (`mlc serve`, or a server of the same protocol):
    /// `http://HOST:PORT`. Needs --input; reads the server's latency split from its answers.
    #[arg(long, value_name = "URL", requires = "input", conflicts_with = "compare")]
    url: Option<String>,
    /// With --url: `sagemaker` (POST /invocations, the records as they are, the model in
    /// X-Amzn-SageMaker-Target-Model) or `oip` (POST /v2/models/{m}/infer, JSON tensors).
    #[arg(long, value_enum, default_value = "sagemaker", requires = "url")]
    protocol: ProtocolArg,
    /// The model of every request (default: the route column, a JSON record's `model`, or the
    /// source's only model).
    #[arg(long)]
    model: Option<String>,
    /// CSV: the 1-based column that names each record's model (not a feature).
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(1..))]
    route_column: Option<u32>,
    /// Records to send, one per line, cycled: CSV rows, JSON Lines, or texts (default: one
    /// synthetic record for the model: zeros, or a short review for a text model).
    #[arg(long, value_name = "FILE")]
    input: Option<PathBuf>,
    /// Format of --input (default: from its extension: .csv, .jsonl, .libsvm, else text).
    #[arg(long, value_enum)]
    content_type: Option<ContentTypeArg>,
    /// Closed loop: concurrent users (threads), each sending its next request when answered.
    /// Open loop: the threads serving the due requests.
    #[arg(short = 'u', long, default_value_t = 1)]
    users: usize,
    /// Users started per second (default: all at once).
    #[arg(short = 'r', long, value_name = "R")]
    spawn_rate: Option<f64>,
    /// Load per configuration: seconds (`30`, `30s`, `1.5s`), `500ms`, or minutes (`2m`).
    #[arg(short = 't', long, value_name = "T", default_value = "10s", value_parser = parse_duration)]
    duration: Duration,
    /// Open loop: requests due per second; latency is measured from when each was due.
    #[arg(long, value_name = "RPS")]
    rate: Option<f64>,
    /// Measure each configuration N times and print the median and spread of each figure;
    /// capacity is then planned from the slowest repeat.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    repeat: u32,
    /// Records per request.
    #[arg(long, value_name = "B", default_value_t = 1)]
    batch_size: usize,
    /// Raw margins instead of the objective's output (tree models).
    #[arg(long)]
    margin: bool,
    /// Also measure these artifacts (same options): one row each in the table.
    #[arg(long, value_name = "A.mlc", num_args = 1..)]
    compare: Vec<PathBuf>,
    /// Measure every combination, e.g. `--sweep threads=1,2 batch=1,8,64` (`users` = `threads`).
    #[arg(long, value_name = "KEY=V,V", num_args = 1..)]
    sweep: Vec<String>,
    /// Price per hour of the instance, for the cost columns: one value, or one per source
    /// (SOURCE then each --compare), comma-separated.
    #[arg(long, value_name = "P[,P...]", value_delimiter = ',', conflicts_with = "price_per_core_hour")]
    price_per_hour: Vec<f64>,
    /// Price per core-hour: a configuration costs this × its threads.
    #[arg(long, value_name = "P")]
    price_per_core_hour: Option<f64>,
    /// Capacity planning: load to serve, invocations per minute.
    #[arg(long, value_name = "N", requires = "latency_slo_ms")]
    target_invocations_per_min: Option<f64>,
    /// Capacity planning: p99 latency not to exceed, milliseconds.
    #[arg(long, value_name = "S", requires = "target_invocations_per_min")]
    latency_slo_ms: Option<f64>,
    /// Capacity planning: share of the sustainable rate autoscaling targets (headroom).
    #[arg(long, value_name = "U", default_value_t = 0.7)]
    target_utilization: f64,
    /// Also write the report as JSON (schema: docs/bench.md).
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Also draw the latency histogram and throughput vs concurrency as SVG.
    #[arg(long, value_name = "FILE.svg")]
    plot: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProtocolArg {
    /// SageMaker's container contract.
    #[value(name = "sagemaker")]
    SageMaker,
    /// Open Inference Protocol v2 REST, JSON tensors.
    #[value(name = "oip", alias = "v2")]
    Oip,
}

/// Parses `--sweep` into user counts and batch sizes.
fn parse_sweep(items: &[String], users: usize, batch: usize) -> Result<(Vec<usize>, Vec<usize>)> {
    let (mut u, mut b) = (vec![users], vec![batch]);
    for item in items {
        let (key, values) =
            item.split_once('=').with_context(|| format!("--sweep `{item}`: use KEY=V,V,... (threads=1,2 or batch=1,8,64)"))?;
        let values: Vec<usize> = values
            .split(',')
            .map(|v| v.trim().parse::<usize>().ok().filter(|&n| n > 0))
            .collect::<Option<_>>()
            .with_context(|| format!("--sweep `{item}`: values are positive integers"))?;
        match key.trim() {
            "threads" | "users" => u = values,
            "batch" | "batch-size" | "batch_size" => b = values,
            other => bail!("--sweep: unknown key `{other}` (threads, batch)"),
        }
    }
    Ok((u, b))
}

/// The error, with the source's path in front unless it already names it (a bundle's errors
/// do: the path is not repeated).
fn name_source(error: anyhow::Error, source: &std::path::Path) -> anyhow::Error {
    if error.to_string().contains(&source.display().to_string()) {
        error
    } else {
        error.context(source.display().to_string())
    }
}

/// On a terminal, a status line on standard error while a configuration runs: its label, the
/// repeat, and the time elapsed of its duration.
fn status_line(label: &str, repeat: u32, repeats: u32, duration: Duration) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(ProgressStyle::with_template("{spinner} {msg}, {elapsed} so far").unwrap_or_else(|_| ProgressStyle::default_spinner()));
    let of = if repeats > 1 { format!(" (repeat {}/{repeats})", repeat + 1) } else { String::new() };
    bar.set_message(format!("{label}{of}: measuring for {:.1} s", duration.as_secs_f64()));
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}

/// Runs `mlc bench`.
pub fn run(args: Args) -> Result<()> {
    let endpoint = args.url.as_deref().map(Endpoint::parse).transpose()?;
    let protocol = match args.protocol {
        ProtocolArg::SageMaker => Protocol::SageMaker,
        ProtocolArg::Oip => Protocol::Oip,
    };
    let mut sources: Vec<PathBuf> = args.source.iter().cloned().collect();
    sources.extend(args.compare.iter().cloned());
    if let Some(url) = &args.url {
        // The runs below name the endpoint; its source is not read.
        sources.push(PathBuf::from(url));
    }
    if sources.is_empty() {
        bail!("give SOURCE, artifacts to --compare, or an endpoint's --url");
    }
    if args.price_per_hour.len() > 1 && args.price_per_hour.len() != sources.len() {
        bail!("--price-per-hour: give one price, or one per source ({} sources)", sources.len());
    }
    let content_type = args.content_type.map(ContentType::from);
    let workload = match &args.input {
        Some(path) => Workload::from_file(path, content_type)?,
        None if args.route_column.is_some() => bail!("--route-column needs --input"),
        None => Workload::synthetic(&sources[0], args.model.as_deref()).map_err(|e| name_source(e.into(), &sources[0]))?,
    };
    let (user_counts, batch_sizes) = parse_sweep(&args.sweep, args.users.max(1), args.batch_size.max(1))?;
    let several = sources.len() * user_counts.len() * batch_sizes.len() > 1;

    let overhead_ns = bench::measurement_overhead_ns();
    let mut report = BenchReport {
        schema: bench::report::SCHEMA,
        machine: bench::report::Machine::this(),
        measurement_overhead_ns: overhead_ns,
        runs: Vec::new(),
        capacity: None,
    };
    let mut repeated = Vec::new();
    for (s, source) in sources.iter().enumerate() {
        for &users in &user_counts {
            for &batch in &batch_sizes {
                let name = match (&endpoint, source.file_name()) {
                    (Some(endpoint), _) => endpoint.url.clone(),
                    (None, Some(n)) => n.to_string_lossy().into_owned(),
                    (None, None) => source.display().to_string(),
                };
                let label = if several { format!("{name} users={users} batch={batch}") } else { name };
                let price = match (args.price_per_hour.as_slice(), args.price_per_core_hour) {
                    ([], Some(p)) => Some(p * users as f64),
                    ([p], _) => Some(*p),
                    (prices, _) if !prices.is_empty() => Some(prices[s]),
                    _ => None,
                };
                let load = match args.rate {
                    Some(rate) => Load::Open { rate, users },
                    None => Load::Closed { users, spawn_rate: args.spawn_rate },
                };
                let config = Config {
                    label,
                    source: source.clone(),
                    model: args.model.clone(),
                    route_column: args.route_column.map(|k| k as usize),
                    load,
                    duration: args.duration,
                    batch_size: batch,
                    margin: args.margin,
                    price_per_hour: price,
                };
                let mut repeats = Vec::new();
                for i in 0..args.repeat {
                    let status = status_line(&config.label, i, args.repeat, config.duration);
                    let run = match &endpoint {
                        Some(endpoint) => remote::run(&config, endpoint, protocol, &workload).map_err(anyhow::Error::from),
                        None => bench::run(&config, &workload).map_err(|e| name_source(e.into(), source)),
                    };
                    if let Some(bar) = status {
                        bar.finish_and_clear();
                    }
                    let run = run?;
                    print!("{}", run.text());
                    println!();
                    repeats.push(run);
                }
                repeated.push(Repeated::of(&repeats));
                report.runs.extend(repeats);
            }
        }
    }
    if several || report.runs.iter().any(|r| r.price_per_hour.is_some()) {
        print!("{}", report.comparison());
    }
    if args.repeat > 1 {
        println!("{}", bench::repeat::table(&repeated));
    }
    if let (Some(target), Some(slo)) = (args.target_invocations_per_min, args.latency_slo_ms) {
        // With repeats, each configuration counts with its slowest repeat.
        let per_config: Vec<_> =
            report.runs.chunks(args.repeat as usize).zip(&repeated).filter_map(|(runs, r)| r.worst_case(runs)).collect();
        if args.repeat > 1 {
            println!("capacity planned from the slowest of {} repeats of each configuration", args.repeat);
        }
        let plan = bench::capacity::plan(
            per_config,
            CapacityTarget { target_invocations_per_min: target, latency_slo_ms: slo, target_utilization: args.target_utilization },
        );
        println!("{}", plan.text());
        report.capacity = Some(plan);
    }
    // Relative to the fastest single-shot request (total and model p50).
    let fastest = report
        .runs
        .iter()
        .filter(|r| r.batch_size == 1 && r.invocations > 0)
        .min_by(|a, b| a.latency_ms.total.p50.total_cmp(&b.latency_ms.total.p50));
    println!(
        "measurement overhead: {overhead_ns:.0} ns per request (3 clock reads and the histogram updates){}",
        fastest.map_or(String::new(), |r| format!(
            "; {:.1} % of the fastest single-shot request's p50, {:.1} % of its model p50",
            overhead_ns / (r.latency_ms.total.p50 * 1e6) * 100.0,
            overhead_ns / (r.latency_ms.model.p50 * 1e6) * 100.0
        ))
    );
    if let Some(path) = &args.json {
        let text = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, text + "\n").with_context(|| format!("{}", path.display()))?;
    }
    if let Some(path) = &args.plot {
        std::fs::write(path, bench::plot::svg(&report)).with_context(|| format!("{}", path.display()))?;
    }
    Ok(())
}
