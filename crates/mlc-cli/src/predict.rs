//! `mlc predict`.

use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;

use anyhow::{anyhow, Context, Result};
use clap::Parser;
use mlc_host::records::{csv_reader, parse_features};
use mlc_host::LoadedArtifact;

/// Arguments of `mlc predict`.
#[derive(Parser)]
pub struct Args {
    /// The artifact.
    artifact: PathBuf,
    /// The model to use (required for a bundle).
    #[arg(long)]
    model: Option<String>,
    /// Print raw margins instead of the objective's output.
    #[arg(long)]
    margin: bool,
    /// CSV without a header, one row per line, features in the model's order; an empty field
    /// or `nan` is a missing value. Standard input when absent.
    input: Option<PathBuf>,
}

/// Rows predicted per batched call.
const BATCH_ROWS: usize = 1024;

/// Runs `mlc predict`: one output line per input row, values comma-separated, each with the
/// digits needed to round-trip an `f32`.
pub fn run(args: Args) -> Result<()> {
    let loaded = LoadedArtifact::open(&args.artifact)?;
    let model = loaded.model(args.model.as_deref())?;
    let (input, name): (Box<dyn Read>, String) = match &args.input {
        Some(p) => (Box::new(std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?), p.display().to_string()),
        None => (Box::new(std::io::stdin().lock()), "<stdin>".into()),
    };
    let features = model.num_features();
    let per_row = if args.margin { model.num_margins() } else { model.num_outputs() };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut rows = Vec::with_capacity(BATCH_ROWS * features);
    let mut results = vec![0f32; BATCH_ROWS * per_row];
    let mut flush = |rows: &mut Vec<f32>, out: &mut BufWriter<_>| -> Result<()> {
        let n = rows.len() / features;
        let res = &mut results[..n * per_row];
        if args.margin { model.margins_batch(rows, res) } else { model.predict_batch(rows, res) }.map_err(|e| anyhow!("{e}"))?;
        for row in res.chunks(per_row) {
            for (i, v) in row.iter().enumerate() {
                write!(out, "{}{v:?}", if i > 0 { "," } else { "" })?;
            }
            writeln!(out)?;
        }
        rows.clear();
        Ok(())
    };
    let mut reader = csv_reader(input);
    let mut record = csv::ByteRecord::new();
    loop {
        let line = reader.position().line();
        let more = reader.read_byte_record(&mut record).map_err(|e| anyhow!("{name}: line {line}: malformed CSV: {e}"))?;
        if !more {
            break;
        }
        let line = record.position().map_or(line, |p| p.line());
        if let Err(e) = parse_features(record.iter(), features, &mut rows) {
            flush(&mut rows, &mut out)?;
            out.flush()?;
            return Err(anyhow!("{name}: line {line}: {e}"));
        }
        if rows.len() == BATCH_ROWS * features {
            flush(&mut rows, &mut out)?;
        }
    }
    flush(&mut rows, &mut out)?;
    out.flush()?;
    Ok(())
}
