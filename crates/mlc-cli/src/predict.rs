//! `mlc predict`: a thin client of `mlc transform`'s record path. The input is cut into
//! mini-batches of lines, read by `mlc_host::records` and predicted by a transform worker; each
//! answer is printed, and the first bad record ends the command.
//!
//! A mini-batch ends where the input has no more lines at hand, and its answers are flushed
//! then: a program that writes one line and waits reads its answer (a co-process), while a
//! file is still predicted in full mini-batches.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Parser;
use mlc_host::records::filter::write_csv_field;
use mlc_host::transform::{ContentType, Options, Routing, Splitter, Worker};
use mlc_host::Registry;
use mlc_runtime::InputKind;

use crate::args::{ContentTypeArg, RecordArgs};

/// Arguments of `mlc predict`.
#[derive(Parser)]
pub struct Args {
    /// The artifact, or a directory of `NAME.mlc` artifacts (served through the model registry).
    artifact: PathBuf,
    #[command(flatten)]
    records: RecordArgs,
    /// Print raw margins instead of the objective's output (tree models).
    #[arg(long)]
    margin: bool,
    /// Input lines of a text model: `text` (raw review text, the default) or `ids`
    /// (comma-separated token ids, the model's sequence length of them).
    #[arg(long, value_enum, default_value_t = LineFormat::Text)]
    format: LineFormat,
    /// Input format (`--content-type text/libsvm`, or `libsvm`): CSV, JSON Lines (`features`
    /// or `text`, optionally `model`), plain text (a text model's reviews) or LIBSVM
    /// (`LABEL INDEX:VALUE …`, 0-based, a feature without an entry missing). Default: from the
    /// input's extension for JSON Lines (`.jsonl`, `.ndjson`, `.json`) and LIBSVM (`.libsvm`,
    /// `.svm`), else CSV, or for a text model its lines (--format).
    #[arg(long, value_enum)]
    content_type: Option<ContentTypeArg>,
    /// One record per line: CSV without a header, the model's features (or a network's float
    /// input) in its order, where an empty field or `nan` is a missing value; for a text model,
    /// raw text or token ids (--format); or the format --content-type names. Standard input
    /// when absent.
    input: Option<PathBuf>,
}

/// What one input line of a text model holds.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LineFormat {
    Text,
    Ids,
}

/// Records per mini-batch (tree rows are predicted in one batched call per mini-batch).
const BATCH_RECORDS: usize = 1024;

/// Runs `mlc predict`: one output line per input record, values comma-separated, each with the
/// digits needed to round-trip an `f32`.
pub fn run(args: Args) -> Result<()> {
    let registry = Registry::open(&args.artifact, u64::MAX)?;
    // Named, or told by the input's extension (JSON Lines and LIBSVM only: a `.txt` file of CSV
    // rows stays CSV for a tree model).
    let named = args.content_type.map(ContentType::from).or_else(|| {
        let by_extension = ContentType::from_extension(args.input.as_deref()?);
        by_extension.filter(|c| matches!(c, ContentType::JsonLines | ContentType::Libsvm))
    });
    let (model, content_type) = match args.records.route_column {
        Some(_) => (None, named.unwrap_or(ContentType::Csv)),
        None => {
            let model = match &args.records.model {
                Some(name) => name.clone(),
                None => registry.default_name()?,
            };
            let content_type = match (named, registry.get(&model)?.model().input_kind(), args.format) {
                (Some(named), ..) => named,
                (None, InputKind::TokenIds { text: false, .. }, LineFormat::Text) => {
                    bail!("this model has no tokenizer: give token ids with --format ids")
                }
                (None, InputKind::TokenIds { .. }, LineFormat::Text) => ContentType::Text,
                (None, ..) => ContentType::Csv,
            };
            (Some(model), content_type)
        }
    };
    let (input, name): (Box<dyn Read>, String) = match &args.input {
        Some(p) => (Box::new(std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?), p.display().to_string()),
        None => (Box::new(std::io::stdin()), "<stdin>".into()),
    };
    let options = Options {
        content_type,
        // No limit on a record's length: lines are read whole, as they come.
        max_payload: usize::MAX / 2,
        max_records: BATCH_RECORDS,
        routing: match &model {
            Some(name) => Routing::Model(Some(name.clone())),
            None => args.records.routing(),
        },
        margin: args.margin,
        header: args.records.header,
        id_column: args.records.id_column(),
        ..Options::default()
    };
    options.check()?;
    let mut worker = Worker::new(&registry, &options, model.as_deref());
    let mut batches = Splitter::new(BufReader::with_capacity(1 << 16, input), options.max_payload, options.max_records)
        .cut_when_idle(|r: &BufReader<Box<dyn Read>>| r.buffer().is_empty());
    if args.records.header {
        let header = batches.skip_header().with_context(|| format!("cannot read {name}"))?;
        // One model: its feature names are checked against the header before any row (with
        // --route-column, at each model's first row).
        if let (Some(header), Some(model)) = (header, &model) {
            let handle = registry.get(model)?;
            let header = mlc_host::records::CsvHeader::parse(&header);
            if let Err(e) = header.columns_of(handle.model().feature_names(), None, options.id_column) {
                bail!("{name}: line 1: {e}");
            }
        }
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    while let Some(batch) = batches.next_batch().with_context(|| format!("cannot read {name}"))? {
        worker.run(&batch);
        for (i, (line, answer)) in (batch.first_line..).zip(worker.answers()).enumerate() {
            match answer {
                Ok(values) => {
                    if let Some(id) = worker.id(i) {
                        // A CSV field: quoted when it holds a comma, a quote or a line end.
                        let mut field = Vec::new();
                        write_csv_field(&mut field, id.as_bytes());
                        out.write_all(&field)?;
                        out.write_all(b",")?;
                    }
                    write_values(&mut out, values)?
                }
                Err(message) => {
                    // The records before the bad one are answered.
                    out.flush()?;
                    bail!("{name}: line {line}: {message}");
                }
            }
        }
        // Answered as read: a co-process waiting for this batch's answers gets them now.
        out.flush()?;
    }
    out.flush()?;
    Ok(())
}

/// Writes one line of comma-separated values.
fn write_values(out: &mut impl Write, values: &[f32]) -> std::io::Result<()> {
    for (i, v) in values.iter().enumerate() {
        write!(out, "{}{v:?}", if i > 0 { "," } else { "" })?;
    }
    writeln!(out)
}
