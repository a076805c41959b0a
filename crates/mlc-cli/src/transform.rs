//! `mlc transform`: batch transform of record files through a model registry.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use mlc_host::records::filter::Filter;
use mlc_host::transform::{self, Accept, ContentType, OnError, Options, Summary, TransformError};
use mlc_host::Registry;

use crate::args::{parse_size, ContentTypeArg, RecordArgs};
use crate::exit::{self, Status};

/// Arguments of `mlc transform`.
#[derive(Parser)]
pub struct Args {
    /// The models: an artifact (one model or a bundle), or a directory of `NAME.mlc` artifacts.
    source: PathBuf,
    /// Input files, or directories (every file inside, recursively).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where `NAME.out` is written for each input `NAME` (created if needed).
    #[arg(long)]
    output_dir: PathBuf,
    /// Input format: CSV without a header; JSON Lines with `features` or `text` (and optionally
    /// `model`); plain text, one text per line; LIBSVM (`LABEL INDEX:VALUE …`, 0-based, a
    /// feature without an entry missing). Default: from the inputs' extension (`.csv`;
    /// `.jsonl`, `.ndjson`, `.json`; `.txt`; `.libsvm`, `.svm`), else text/csv.
    #[arg(long, value_enum)]
    content_type: Option<ContentTypeArg>,
    /// How inputs are cut into records: `line` (one record per line) is the only way.
    #[arg(long, value_enum, default_value_t = SplitType::Line)]
    split_type: SplitType,
    /// Most megabytes (MiB) of records in one mini-batch; a single longer record is an error.
    #[arg(long, default_value_t = 6.0)]
    max_payload_mb: f64,
    /// Most records in one mini-batch.
    #[arg(long, default_value_t = 1000)]
    max_records: usize,
    /// Worker threads (default: the CPUs available).
    #[arg(long)]
    workers: Option<usize>,
    #[command(flatten)]
    records: RecordArgs,
    /// SageMaker's InputFilter: the part of each record that is the model's input. CSV: 0-based
    /// columns, `$[1:]`, `$[0,2:5]`, `$[-1]`; JSON Lines: `$.features`, `$.data.text` (an
    /// array is the features, a string the text, an object the record).
    #[arg(long, value_name = "FILTER", value_parser = parse_filter)]
    input_filter: Option<Filter>,
    /// SageMaker's JoinSource: `input` joins each prediction to its input record (CSV: appended
    /// columns; JSON Lines: a `SageMakerOutput` field).
    #[arg(long, value_enum)]
    join_source: Option<JoinSource>,
    /// SageMaker's OutputFilter, applied to the (joined) output: CSV columns `$[0,-1]`; JSON
    /// `$.SageMakerOutput`, `$['id','SageMakerOutput']`.
    #[arg(long, value_name = "FILTER", value_parser = parse_filter)]
    output_filter: Option<Filter>,
    /// Output format: one line per input line, or one `{"predictions": [...]}` per mini-batch.
    #[arg(long, value_enum, default_value_t = AcceptArg::JsonLines)]
    accept: AcceptArg,
    /// A bad record becomes an error object in its place (`record`), or stops the job (`fail`).
    #[arg(long, value_enum, default_value_t = OnErrorArg::Record)]
    on_error: OnErrorArg,
    /// Most memory for loaded models, e.g. `512M`, `2G` or bytes; least recently used models
    /// are evicted beyond it (default: no limit).
    #[arg(long, value_parser = parse_size)]
    memory_budget: Option<u64>,
    /// Stop the job once more than N records have failed (exit status 3; the output being
    /// written is removed). `--on-error fail` is `--max-errors 0` with status 1.
    #[arg(long, value_name = "N")]
    max_errors: Option<u64>,
    /// Predict inputs whose output already exists again (default: skip them, as complete).
    #[arg(long)]
    overwrite: bool,
    /// Raw margins instead of the objective's output (tree models).
    #[arg(long)]
    margin: bool,
    /// Also write the summary as JSON to this file.
    #[arg(long)]
    summary_json: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum JoinSource {
    /// The output is the prediction alone.
    None,
    /// The output is the input record with the prediction joined.
    Input,
}

fn parse_filter(text: &str) -> Result<Filter, String> {
    Filter::parse(text)
}

#[derive(Clone, Copy, ValueEnum)]
enum SplitType {
    Line,
}

#[derive(Clone, Copy, ValueEnum)]
enum AcceptArg {
    #[value(name = "application/jsonlines")]
    JsonLines,
    #[value(name = "application/json")]
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum OnErrorArg {
    Record,
    Fail,
}

/// Runs `mlc transform`.
pub fn run(args: Args) -> Result<()> {
    let SplitType::Line = args.split_type;
    if args.max_payload_mb.is_nan() || args.max_payload_mb <= 0.0 {
        return Err(anyhow!("--max-payload-mb must be positive"));
    }
    let files = transform::plan(&args.inputs, &args.output_dir)?;
    let content_type = match args.content_type {
        Some(arg) => arg.into(),
        None => content_type_of(&files)?,
    };
    let options = Options {
        content_type,
        accept: match args.accept {
            AcceptArg::JsonLines => Accept::JsonLines,
            AcceptArg::Json => Accept::Json,
        },
        max_payload: (args.max_payload_mb * (1 << 20) as f64) as usize,
        max_records: args.max_records.max(1),
        workers: args.workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1),
        routing: args.records.routing(),
        on_error: match args.on_error {
            OnErrorArg::Record => OnError::Record,
            OnErrorArg::Fail => OnError::Fail,
        },
        margin: args.margin,
        max_errors: args.max_errors,
        overwrite: args.overwrite,
        header: args.records.header,
        id_column: args.records.id_column(),
        input_filter: args.input_filter.clone(),
        join_input: args.join_source == Some(JoinSource::Input),
        output_filter: args.output_filter.clone(),
    };
    options.check()?;
    let registry = Registry::open(&args.source, args.memory_budget.unwrap_or(u64::MAX))?;
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg} ({eta} left)")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    });
    let summary = transform::run(&registry, &files, &options, &mut |p| {
        if let Some(bar) = &bar {
            bar.set_length(p.total_bytes);
            bar.set_position(p.bytes);
            bar.set_message(format!("{} records", p.records));
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let summary = match summary {
        Err(e @ TransformError::TooManyErrors { .. }) => {
            return Err(Status { code: exit::RECORDS_FAILED, message: format!("error: {e}") }.into())
        }
        summary => summary?,
    };
    print_summary(&summary)?;
    if let Some(path) = &args.summary_json {
        let json = serde_json::to_vec_pretty(&summary)?;
        std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))?;
    }
    if summary.errors > 0 {
        let message = format!(
            "{} of {} records failed (error objects in the outputs; exit status {})",
            summary.errors,
            summary.records,
            exit::RECORDS_FAILED
        );
        return Err(Status { code: exit::RECORDS_FAILED, message }.into());
    }
    Ok(())
}

/// The content type the inputs' extensions name: one for all of them (files with another
/// extension, or none, count as CSV, the default).
fn content_type_of(files: &[transform::InputFile]) -> Result<ContentType> {
    let mut found: Option<(ContentType, &std::path::Path)> = None;
    for f in files {
        let Some(kind) = ContentType::from_extension(&f.input) else { continue };
        match found {
            Some((other, path)) if other != kind => {
                return Err(anyhow!(
                    "{} ({}) and {} ({}) are of different kinds: give --content-type, or transform them separately",
                    path.display(),
                    other.mime(),
                    f.input.display(),
                    kind.mime()
                ))
            }
            _ => found = Some((kind, &f.input)),
        }
    }
    Ok(found.map_or(ContentType::Csv, |(kind, _)| kind))
}

/// Prints the job's figures, why records failed, and each model's cold and warm latency.
fn print_summary(s: &Summary) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let skipped: Vec<_> = s.files.iter().filter(|f| f.skipped).collect();
    if !skipped.is_empty() {
        let first = skipped[0].output.display();
        let more = if skipped.len() > 1 { format!(" and {} more", skipped.len() - 1) } else { String::new() };
        eprintln!("mlc: skipped {} input(s) whose output exists ({first}{more}); --overwrite predicts them again", skipped.len());
    }
    writeln!(
        out,
        "{} files ({} skipped as already complete), {} records, {} errors, {:.1} MB in {:.3} s: {:.0} records/s with {} workers",
        s.files.len(),
        skipped.len(),
        s.records,
        s.errors,
        s.bytes as f64 / 1e6,
        s.seconds,
        s.records_per_second,
        s.workers
    )?;
    for k in &s.error_kinds {
        writeln!(out, "  {:>8} × {}   (e.g. {})", k.count, k.kind, k.example)?;
    }
    if s.models.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{:<24} {:>6} {:>9} {:>16} {:>12} {:>16}",
        "model", "loads", "evictions", "cold load, ms", "predictions", "warm µs/pred."
    )?;
    for m in &s.models {
        writeln!(
            out,
            "{:<24} {:>6} {:>9} {:>16.3} {:>12} {:>16.3}",
            m.name,
            m.loads,
            m.evictions,
            m.cold_load_mean().as_secs_f64() * 1e3,
            m.predictions,
            m.warm_per_prediction().as_secs_f64() * 1e6
        )?;
    }
    Ok(())
}
