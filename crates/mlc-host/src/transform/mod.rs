//! Batch transform: input files split into mini-batches, predicted by worker threads through a
//! [`Registry`], and assembled in input order into one output file per input.
//!
//! A job is a pipeline: one thread reads the inputs and cuts them into mini-batches
//! ([`split`]), `workers` threads read ([`crate::records`]), route and predict them
//! ([`predict`]), and the calling thread writes the results in order to `OUTPUT.partial`,
//! renamed to `OUTPUT` once the input's last batch is written ([`output`]). Inputs whose output
//! exists are skipped (unless [`Options::overwrite`]): outputs appear only complete, so a re-run
//! after a crash resumes with the inputs not yet done. Bad records are counted by kind
//! ([`errors`]); [`Options::max_errors`] stops a job that has too many.

pub mod errors;
pub mod output;
pub mod predict;
pub mod split;

use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;

pub use output::{Accept, PartialOutput};
pub use predict::{Predicted, Worker};
pub use split::{Batch, Splitter};

pub use crate::records::ContentType;

pub use errors::ErrorKind;

use crate::records::filter::Filter;
use crate::registry::{ModelStats, Registry};
use crate::HostError;

/// Suffix of output files.
pub const OUTPUT_SUFFIX: &str = ".out";

/// How records find their model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Routing {
    /// One model for every record (`--model`); `None`: the source's only model. JSON records
    /// with a `model` field go to that model.
    Model(Option<String>),
    /// CSV: the model name is in this 1-based column, which is not a feature.
    Column(usize),
}

/// What a bad record does (`--on-error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// It becomes an error object in its place; the job goes on.
    Record,
    /// The job stops with an error naming file and line.
    Fail,
}

/// Options of a transform job.
#[derive(Debug, Clone)]
pub struct Options {
    /// Input format.
    pub content_type: ContentType,
    /// Output format.
    pub accept: Accept,
    /// Most bytes of records in one mini-batch (line ends excluded); a longer record is an error.
    pub max_payload: usize,
    /// Most records in one mini-batch.
    pub max_records: usize,
    /// Worker threads (at least 1).
    pub workers: usize,
    /// How records find their model.
    pub routing: Routing,
    /// What a bad record does.
    pub on_error: OnError,
    /// Raw margins instead of the objective's output (tree models).
    pub margin: bool,
    /// Stop the job once more records than this have failed (`--max-errors`); `None`: never
    /// (with [`OnError::Record`]).
    pub max_errors: Option<u64>,
    /// Predict inputs whose output exists again, replacing it (`--overwrite`).
    pub overwrite: bool,
    /// CSV: each input's first line is a header, not a record (`--header`).
    pub header: bool,
    /// CSV: the 1-based column of each record's id, not a value: each output line is then
    /// `{"id": ID, "prediction": ...}` (or the error object with `"id"`) (`--id-column`).
    pub id_column: Option<usize>,
    /// SageMaker's `InputFilter`: what of each record is the model's input (`--input-filter`).
    pub input_filter: Option<crate::records::filter::Filter>,
    /// SageMaker's `JoinSource: Input`: each output is the input record with the prediction
    /// joined (CSV: appended columns; JSON: a `SageMakerOutput` field) (`--join-source input`).
    pub join_input: bool,
    /// SageMaker's `OutputFilter`: what of the (joined) output is kept (`--output-filter`).
    pub output_filter: Option<crate::records::filter::Filter>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            content_type: ContentType::Csv,
            accept: Accept::JsonLines,
            max_payload: 6 << 20,
            max_records: 1000,
            workers: 1,
            routing: Routing::Model(None),
            on_error: OnError::Record,
            margin: false,
            max_errors: None,
            overwrite: false,
            header: false,
            id_column: None,
            input_filter: None,
            join_input: false,
            output_filter: None,
        }
    }
}

impl Options {
    /// Checks that the options make sense together, before any record is read: header, id
    /// and route columns are CSV's (1-based, route and id different), filters fit the records
    /// (columns for CSV, fields for JSON Lines, none for text and LIBSVM), LIBSVM is not
    /// joined, and a joined or filtered output
    /// is one line per record. `mlc predict`, `mlc transform` and `mlc.transform` all ask here;
    /// [`run`] checks again.
    pub fn check(&self) -> Result<(), OptionsError> {
        let csv = self.content_type == ContentType::Csv;
        let route = match self.routing {
            Routing::Column(k) => Some(k),
            Routing::Model(_) => None,
        };
        if route == Some(0) || self.id_column == Some(0) {
            return Err(OptionsError("columns are counted from 1".into()));
        }
        if (self.header || self.id_column.is_some()) && !csv {
            return Err(OptionsError("a header and an id column are for CSV records (text/csv)".into()));
        }
        if route.is_some() && !csv {
            return Err(OptionsError(
                "a route column is for CSV records (text/csv); JSON Lines records name their model in a `model` field".into(),
            ));
        }
        if route.is_some() && route == self.id_column {
            return Err(OptionsError("the route column and the id column are the same column".into()));
        }
        for (name, filter) in [("the input filter", &self.input_filter), ("the output filter", &self.output_filter)] {
            let Some(filter) = filter else { continue };
            match self.content_type {
                ContentType::Csv if !filter.is_columns() && *filter != Filter::All => {
                    return Err(OptionsError(format!("{name}: CSV records are filtered by columns, e.g. `$[1:]` or `$[0,-1]`")))
                }
                ContentType::JsonLines if filter.is_columns() => {
                    return Err(OptionsError(format!("{name}: JSON Lines records are filtered by fields, e.g. `$.features`")))
                }
                ContentType::Text | ContentType::Libsvm => return Err(OptionsError(format!("{name} is for CSV and JSON Lines records"))),
                _ => {}
            }
        }
        if self.join_input && self.content_type == ContentType::Libsvm {
            // As SageMaker's batch transform, which joins CSV and JSON records only.
            return Err(OptionsError("joining the input is for CSV, JSON Lines and text records, not LIBSVM".into()));
        }
        if (self.join_input || self.output_filter.is_some()) && self.accept == Accept::Json {
            return Err(OptionsError("a joined or filtered output is one line per record: accept application/jsonlines".into()));
        }
        Ok(())
    }
}

/// Options that do not go together ([`Options::check`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct OptionsError(pub String);

/// One input file and where its output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The input.
    pub input: PathBuf,
    /// Its output file.
    pub output: PathBuf,
}

/// Errors that stop a job.
#[derive(Debug, thiserror::Error)]
pub enum TransformError {
    /// A file could not be read, written or renamed.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// A bad record, with `--on-error fail`.
    #[error("{path}: line {line}: {message}")]
    Record {
        /// The input file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// More records failed than `--max-errors` allows; the output being written is removed.
    #[error("{errors} records failed, more than --max-errors {limit}: stopped at {path}: line {line}: {message}")]
    TooManyErrors {
        /// Records failed so far.
        errors: u64,
        /// The limit.
        limit: u64,
        /// The input of the record that went over the limit.
        path: PathBuf,
        /// Its 1-based line.
        line: u64,
        /// Why it failed.
        message: String,
    },
    /// The job's model cannot be used.
    #[error(transparent)]
    Model(#[from] HostError),
    /// The options do not go together.
    #[error(transparent)]
    Options(#[from] OptionsError),
    /// The inputs do not make a job (e.g. two inputs with the same output).
    #[error("{0}")]
    Inputs(String),
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> TransformError + '_ {
    move |error| TransformError::Io { path: path.to_path_buf(), error }
}

/// The input files of `inputs` (files, or directories: every file inside, recursively, in
/// name order) and their outputs in `output_dir`: `DIR/NAME.out` for a file `NAME`, and the
/// path relative to the directory for a file inside one.
pub fn plan(inputs: &[PathBuf], output_dir: &Path) -> Result<Vec<InputFile>, TransformError> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut inside = Vec::new();
            walk(input, &mut inside)?;
            inside.sort();
            for path in inside {
                let relative = path.strip_prefix(input).unwrap_or(&path).to_path_buf();
                files.push(InputFile { output: output_path(output_dir, &relative), input: path });
            }
        } else {
            let name = input.file_name().ok_or_else(|| TransformError::Inputs(format!("{}: not a file name", input.display())))?;
            files.push(InputFile { output: output_path(output_dir, Path::new(name)), input: input.clone() });
        }
    }
    let mut seen = HashSet::new();
    for f in &files {
        if !seen.insert(&f.output) {
            return Err(TransformError::Inputs(format!("two inputs would write {}: rename one", f.output.display())));
        }
    }
    Ok(files)
}

fn output_path(dir: &Path, relative: &Path) -> PathBuf {
    let mut name = dir.join(relative).into_os_string();
    name.push(OUTPUT_SUFFIX);
    PathBuf::from(name)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), TransformError> {
    for entry in std::fs::read_dir(dir).map_err(io_error(dir))? {
        let path = entry.map_err(io_error(dir))?.path();
        if path.is_dir() {
            walk(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// Progress of a job, reported after each mini-batch is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    /// Input bytes done (skipped inputs included).
    pub bytes: u64,
    /// Input bytes in all.
    pub total_bytes: u64,
    /// Records done.
    pub records: u64,
}

/// What one input became.
#[derive(Debug, Clone, Serialize)]
pub struct FileSummary {
    /// The input.
    pub input: PathBuf,
    /// Its output.
    pub output: PathBuf,
    /// Skipped: its output was already complete.
    pub skipped: bool,
    /// Records (input lines) written.
    pub records: u64,
    /// Of which error objects.
    pub errors: u64,
}

/// The result of a job.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Every input.
    pub files: Vec<FileSummary>,
    /// Records predicted or reported, all inputs.
    pub records: u64,
    /// Error objects written.
    pub errors: u64,
    /// Input bytes read (skipped inputs not included).
    pub bytes: u64,
    /// Wall-clock time of the job, seconds.
    pub seconds: f64,
    /// Records per second.
    pub records_per_second: f64,
    /// Worker threads.
    pub workers: usize,
    /// Per-model figures from the registry (cold loads, warm predictions).
    pub models: Vec<ModelStats>,
    /// Why records failed: the most frequent kinds first (at most [`errors::TOP_KINDS`]).
    pub error_kinds: Vec<ErrorKind>,
}

/// Runs a transform job over `files` (from [`plan`]); `progress` is called after each
/// mini-batch is written. Returns the summary, or the error that stopped the job (outputs
/// completed before it are kept; the one being written is removed).
pub fn run(
    registry: &Registry,
    files: &[InputFile],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary, TransformError> {
    options.check()?;
    let start = Instant::now();
    let default_model = match &options.routing {
        Routing::Model(Some(name)) => Some(registry.get(name)?.name().to_string()),
        Routing::Column(_) => None,
        // JSON records may name their model: without one, only they fail.
        Routing::Model(None) if options.content_type == ContentType::JsonLines => registry.default_name().ok(),
        Routing::Model(None) => Some(registry.default_name()?),
    };
    let mut summaries: Vec<FileSummary> = files
        .iter()
        .map(|f| FileSummary {
            input: f.input.clone(),
            output: f.output.clone(),
            skipped: !options.overwrite && f.output.exists(),
            records: 0,
            errors: 0,
        })
        .collect();
    let mut report =
        Progress { total_bytes: files.iter().map(|f| std::fs::metadata(&f.input).map_or(0, |m| m.len())).sum(), ..Progress::default() };
    for (f, s) in files.iter().zip(&summaries) {
        if s.skipped {
            report.bytes += std::fs::metadata(&f.input).map_or(0, |m| m.len());
        }
    }
    let skipped_bytes = report.bytes;
    let todo: Vec<usize> = (0..files.len()).filter(|&i| !summaries[i].skipped).collect();
    let workers = options.workers.max(1);
    let stop = AtomicBool::new(false);
    let read_error = Mutex::new(None);
    let mut kinds = errors::Tally::default();
    let written = std::thread::scope(|scope| {
        let (batch_tx, batch_rx) = crossbeam_channel::bounded::<(u64, usize, Batch)>(2 * workers);
        let (done_tx, done_rx) = crossbeam_channel::bounded::<(u64, usize, bool, u64, Predicted)>(2 * workers);
        let (stop, read_error, todo) = (&stop, &read_error, &todo);
        let mut threads = vec![scope.spawn(move || {
            if let Err(e) = read_inputs(files, todo, options, stop, &batch_tx) {
                *read_error.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
            }
        })];
        for _ in 0..workers {
            let (batch_rx, done_tx) = (batch_rx.clone(), done_tx.clone());
            let default_model = default_model.as_deref();
            threads.push(scope.spawn(move || {
                let mut worker = Worker::new(registry, options, default_model);
                for (seq, file, batch) in batch_rx {
                    let predicted = worker.predict(&batch);
                    if done_tx.send((seq, file, batch.last, batch.input_bytes, predicted)).is_err() {
                        break;
                    }
                }
            }));
        }
        drop((batch_rx, done_tx));
        let written = write_outputs(done_rx, files, options, &mut summaries, &mut kinds, &mut report, progress);
        stop.store(true, Ordering::Relaxed);
        // Joined explicitly: the scope's implicit join returns before a thread's thread-local
        // destructors have run (rust-lang/rust#116179), so the job's threads (and what they
        // hold in thread-locals, such as crossbeam's wait contexts) could outlive `run`.
        // LeakSanitizer saw that as a leak in the `transform` fuzz target.
        for thread in threads {
            if let Err(panic) = thread.join() {
                std::panic::resume_unwind(panic);
            }
        }
        written
    });
    if let Some(e) = read_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    written?;
    let seconds = start.elapsed().as_secs_f64();
    let records = summaries.iter().map(|s| s.records).sum();
    Ok(Summary {
        records,
        errors: summaries.iter().map(|s| s.errors).sum(),
        bytes: report.bytes - skipped_bytes,
        seconds,
        records_per_second: records as f64 / seconds.max(1e-9),
        workers,
        models: registry.stats(),
        files: summaries,
        error_kinds: kinds.top(),
    })
}

/// Reads the inputs `todo` in order and sends their mini-batches, numbered.
fn read_inputs(
    files: &[InputFile],
    todo: &[usize],
    options: &Options,
    stop: &AtomicBool,
    batches: &crossbeam_channel::Sender<(u64, usize, Batch)>,
) -> Result<(), TransformError> {
    let mut seq = 0;
    for &i in todo {
        let path = &files[i].input;
        let file = File::open(path).map_err(io_error(path))?;
        let mut splitter = Splitter::new(BufReader::with_capacity(1 << 18, file), options.max_payload, options.max_records);
        if options.header {
            splitter.skip_header().map_err(io_error(path))?;
        }
        while let Some(batch) = splitter.next_batch().map_err(io_error(path))? {
            if stop.load(Ordering::Relaxed) || batches.send((seq, i, batch)).is_err() {
                return Ok(());
            }
            seq += 1;
        }
    }
    Ok(())
}

/// Writes predicted batches in order, committing each output after its last batch. Returns
/// early (dropping the receiver, which stops the workers) on the first error.
fn write_outputs(
    done: crossbeam_channel::Receiver<(u64, usize, bool, u64, Predicted)>,
    files: &[InputFile],
    options: &Options,
    summaries: &mut [FileSummary],
    kinds: &mut errors::Tally,
    report: &mut Progress,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), TransformError> {
    let mut pending = BTreeMap::new();
    let mut next = 0u64;
    let mut current: Option<PartialOutput> = None;
    let mut last_report = Instant::now();
    for (seq, file, last, bytes, predicted) in done {
        pending.insert(seq, (file, last, bytes, predicted));
        while let Some((file, last, bytes, predicted)) = pending.remove(&next) {
            next += 1;
            let output = &files[file].output;
            if let (Some((line, message)), OnError::Fail) = (&predicted.first_error, options.on_error) {
                return Err(TransformError::Record { path: files[file].input.clone(), line: *line, message: message.clone() });
            }
            let failed_before: u64 = summaries.iter().map(|s| s.errors).sum();
            if let Some(limit) = options.max_errors {
                // The record that goes over the limit: the (limit + 1)th failure.
                let over = (limit.saturating_sub(failed_before)) as usize;
                if let Some((line, message)) = predicted.failed.get(over) {
                    return Err(TransformError::TooManyErrors {
                        errors: failed_before + over as u64 + 1,
                        limit,
                        path: files[file].input.clone(),
                        line: *line,
                        message: message.clone(),
                    });
                }
            }
            kinds.add(predicted.failed.iter().map(|(_, m)| m.as_str()));
            if current.is_none() {
                current = Some(PartialOutput::create(output).map_err(io_error(output))?);
            }
            let out = current.as_mut().expect("opened above");
            out.write(&predicted.out).map_err(io_error(output))?;
            summaries[file].records += predicted.records;
            summaries[file].errors += predicted.errors;
            report.records += predicted.records;
            report.bytes += bytes;
            if last {
                let out = current.take().expect("opened above");
                out.commit().map_err(io_error(output))?;
            }
            if last || last_report.elapsed() > Duration::from_millis(100) {
                progress(*report);
                last_report = Instant::now();
            }
        }
    }
    // The channel closed early (a read error): the unfinished output is removed on drop.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_that_do_not_go_together_are_named() {
        let csv = Options::default();
        assert_eq!(csv.check(), Ok(()));
        let json = Options { content_type: ContentType::JsonLines, ..Options::default() };
        let text = Options { content_type: ContentType::Text, ..Options::default() };
        let refused = |o: Options, words: &str| {
            let e = o.check().unwrap_err();
            assert!(e.0.contains(words), "{e} lacks {words:?}");
        };
        refused(Options { header: true, ..json.clone() }, "header and an id column are for CSV");
        refused(Options { id_column: Some(2), ..text.clone() }, "id column are for CSV");
        refused(Options { routing: Routing::Column(1), ..json.clone() }, "a route column is for CSV");
        refused(Options { routing: Routing::Column(2), id_column: Some(2), ..csv.clone() }, "the same column");
        refused(Options { routing: Routing::Column(0), ..csv.clone() }, "counted from 1");
        let field = Filter::parse("$.features").unwrap();
        let columns = Filter::parse("$[1:]").unwrap();
        refused(Options { input_filter: Some(field.clone()), ..csv.clone() }, "the input filter: CSV records are filtered by columns");
        refused(Options { output_filter: Some(columns.clone()), ..json.clone() }, "the output filter: JSON Lines");
        refused(Options { input_filter: Some(columns.clone()), ..text }, "is for CSV and JSON Lines");
        let libsvm = Options { content_type: ContentType::Libsvm, ..Options::default() };
        refused(Options { output_filter: Some(columns.clone()), ..libsvm.clone() }, "is for CSV and JSON Lines");
        refused(Options { join_input: true, ..libsvm.clone() }, "not LIBSVM");
        assert_eq!(libsvm.check(), Ok(()));
        refused(Options { join_input: true, accept: Accept::Json, ..csv.clone() }, "one line per record");
        assert_eq!(Options { input_filter: Some(columns), join_input: true, id_column: Some(1), ..csv }.check(), Ok(()));
        assert_eq!(Options { input_filter: Some(field), ..json }.check(), Ok(()));
    }
}
