//! `mlc predict`.

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::PathBuf;

use anyhow::{anyhow, Context, Result};
use clap::Parser;
use mlc_host::records::{csv_reader, parse_features, strip_bom};
use mlc_host::{LoadedArtifact, Registry};
use mlc_runtime::format::manifest::NetInput;
use mlc_runtime::{Input, Model, NetModel, Output, Scratch};

/// Arguments of `mlc predict`.
#[derive(Parser)]
pub struct Args {
    /// The artifact, or a directory of `NAME.mlc` artifacts (served through the model registry).
    artifact: PathBuf,
    /// The model to use (required for a bundle, or a directory of several artifacts).
    #[arg(long)]
    model: Option<String>,
    /// Print raw margins instead of the objective's output (tree models).
    #[arg(long)]
    margin: bool,
    /// Input lines of a text model: `text` (raw review text, the default) or `ids`
    /// (comma-separated token ids, the model's sequence length of them).
    #[arg(long, value_enum, default_value_t = LineFormat::Text)]
    format: LineFormat,
    /// CSV without a header, one row per line, features in the model's order; an empty field
    /// or `nan` is a missing value. Standard input when absent.
    input: Option<PathBuf>,
}

/// What one input line of a network holds.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LineFormat {
    Text,
    Ids,
}

/// Rows predicted per batched call.
const BATCH_ROWS: usize = 1024;

/// Runs `mlc predict`: one output line per input row, values comma-separated, each with the
/// digits needed to round-trip an `f32`.
pub fn run(args: Args) -> Result<()> {
    let (loaded, registry, handle);
    let model = if args.artifact.is_dir() {
        registry = Registry::open(&args.artifact, u64::MAX)?;
        let name = match &args.model {
            Some(name) => name.clone(),
            None => registry.default_name()?,
        };
        handle = registry.get(&name)?;
        *handle.model()
    } else {
        loaded = LoadedArtifact::open(&args.artifact)?;
        loaded.model(args.model.as_deref())?
    };
    let (input, name): (Box<dyn Read>, String) = match &args.input {
        Some(p) => (Box::new(std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?), p.display().to_string()),
        None => (Box::new(std::io::stdin().lock()), "<stdin>".into()),
    };
    if let Model::Net(net) = model {
        return predict_net(&net, args.format, input, &name);
    }
    let features = model.num_features();
    let per_row = if args.margin { model.num_margins() } else { model.num_outputs() };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut rows = Vec::with_capacity(BATCH_ROWS * features);
    let mut results = vec![0f32; BATCH_ROWS * per_row];
    let mut flush = |rows: &mut Vec<f32>, out: &mut BufWriter<_>| -> Result<()> {
        let n = rows.len() / features;
        let res = &mut results[..n * per_row];
        let output = if args.margin { Output::Margins } else { Output::Prediction };
        model.run(Input::Rows(rows), output, &mut Scratch::default(), res).map_err(|e| anyhow!("{e}"))?;
        for row in res.chunks(per_row) {
            write_values(out, row)?;
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

/// Writes one line of comma-separated values.
fn write_values(out: &mut impl Write, values: &[f32]) -> std::io::Result<()> {
    for (i, v) in values.iter().enumerate() {
        write!(out, "{}{v:?}", if i > 0 { "," } else { "" })?;
    }
    writeln!(out)
}

/// Predicts each line of `input` with a network: raw text (tokenized by the runtime) or ids.
fn predict_net(net: &NetModel<'_>, format: LineFormat, input: Box<dyn Read>, name: &str) -> Result<()> {
    let NetInput::TokenIds { length } = net.input() else {
        return Err(anyhow!("{name}: this network takes float input, which `mlc predict` does not read yet"));
    };
    if format == LineFormat::Text && net.vocab().is_none() {
        return Err(anyhow!("this model has no tokenizer: give token ids with --format ids"));
    }
    let mut scratch = vec![0f32; net.scratch_len()];
    let mut token_scratch = vec![0u8; net.vocab().map_or(0, |v| v.max_token_len())];
    let mut ids = vec![0u32; length as usize];
    let mut result = vec![0f32; net.num_outputs()];
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut reader = std::io::BufReader::new(input);
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let text = strip_bom(line.strip_suffix(b"\n").unwrap_or(&line));
        let predicted = match format {
            LineFormat::Text => net.predict_text(text, &mut token_scratch, &mut ids, &mut scratch, &mut result),
            LineFormat::Ids => {
                let text = String::from_utf8_lossy(text);
                let fields: Vec<&str> = text.trim_end_matches('\r').split(',').collect();
                if fields.len() != ids.len() {
                    out.flush()?;
                    return Err(anyhow!("{name}: line {number}: expected {} token ids, found {}", ids.len(), fields.len()));
                }
                for (i, (slot, field)) in ids.iter_mut().zip(&fields).enumerate() {
                    *slot = field
                        .trim()
                        .parse()
                        .map_err(|_| anyhow!("{name}: line {number}: column {}: `{field}` is not a token id", i + 1))?;
                }
                net.predict_ids(&ids, &mut scratch, &mut result)
            }
        };
        if let Err(e) = predicted {
            out.flush()?;
            return Err(anyhow!("{name}: line {number}: {e}"));
        }
        write_values(&mut out, &result)?;
    }
    out.flush()?;
    Ok(())
}
