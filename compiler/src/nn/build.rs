//! Compiling one network: the graph passes, int8 quantization for the target, and the check
//! of the compiled artifact against the float original (the accuracy report).

use std::fmt::Write as _;

use mlc_format::vocab::VocabTables;
use mlc_runtime::text::tokenize;

use super::reference::{self, Batch};
use super::{passes, quantize, Activation, Input, NnModel, Op};
use crate::compile::{xorshift, Calibration, CompileOptions};
use crate::error::CompileError;

/// Inputs a network is calibrated and checked on.
pub enum Inputs {
    /// Token-id rows.
    Ids(Vec<Vec<u32>>),
    /// Float rows.
    Floats(Vec<Vec<f32>>),
}

impl Inputs {
    fn batch(&self) -> Batch<'_> {
        match self {
            Inputs::Ids(rows) => Batch::Ids(rows),
            Inputs::Floats(rows) => Batch::Floats(rows),
        }
    }

    fn len(&self) -> usize {
        match self {
            Inputs::Ids(rows) => rows.len(),
            Inputs::Floats(rows) => rows.len(),
        }
    }

    /// Rows `range` of the inputs.
    fn slice(&self, range: std::ops::Range<usize>) -> Inputs {
        match self {
            Inputs::Ids(rows) => Inputs::Ids(rows[range].to_vec()),
            Inputs::Floats(rows) => Inputs::Floats(rows[range].to_vec()),
        }
    }
}

/// A network ready to lower, with what the compiler did and what it checks it on.
pub struct Prepared {
    /// The model after passes (and quantization).
    pub model: NnModel,
    /// What the passes did.
    pub passes: String,
    /// Check inputs, and where they come from.
    pub inputs: Inputs,
    /// "calibration file X" or "probe inputs".
    pub inputs_source: String,
    /// Whether the model was quantized.
    pub int8: bool,
}

/// Applies the passes to `original` for `options`, quantizing when the target or the options
/// ask for int8.
pub fn prepare(name: &str, original: &NnModel, options: &CompileOptions) -> Result<Prepared, CompileError> {
    let int8 = options.fixed_point.unwrap_or(options.target.is_mcu());
    let budget = options.table_budget.unwrap_or(options.target.table_budget_bytes());
    let mut model = original.clone();
    let mut done = vec![passes::fold_embedding(&mut model, budget, if int8 { 1 } else { 4 })];
    done.extend(passes::merge_pooling(&mut model));
    done.extend(passes::relu_past_max_pool(&mut model));
    let (inputs, inputs_source) = match &options.calibration {
        Some(c) => (parse_inputs(name, original, c)?, format!("{} inputs of {}", c.lines.len(), c.source)),
        None => (probe_inputs(original), "probe inputs (no --calibration given)".to_string()),
    };
    if int8 {
        let ranges = calibrate(&model, &inputs).map_err(|e| CompileError::Write(format!("model `{name}`: calibration: {e}")))?;
        done.push(quantize::quantize(&mut model, &ranges).map_err(|e| CompileError::Usage(format!("model `{name}`: {e}")))?);
        done.push(format!("activations calibrated on {inputs_source}"));
    }
    Ok(Prepared { model, passes: done.join("; "), inputs, inputs_source, int8 })
}

/// The activation ranges over `inputs`, in batches (bounded memory).
fn calibrate(model: &NnModel, inputs: &Inputs) -> candle_core::Result<Vec<f32>> {
    let mut ranges = vec![0f32; model.layers.len() + 1];
    for start in (0..inputs.len()).step_by(32) {
        let chunk = inputs.slice(start..(start + 32).min(inputs.len()));
        for (r, v) in ranges.iter_mut().zip(quantize::ranges(model, chunk.batch())?) {
            *r = r.max(v);
        }
    }
    Ok(ranges)
}

/// Calibration lines → model inputs: raw text for a text model (its own tokenizer),
/// comma-separated token ids or floats otherwise.
fn parse_inputs(name: &str, model: &NnModel, c: &Calibration) -> Result<Inputs, CompileError> {
    let bad = |line: usize, what: String| CompileError::Usage(format!("{}: line {}: model `{name}`: {what}", c.source, line + 1));
    if c.lines.is_empty() {
        return Err(CompileError::Usage(format!("{}: no calibration inputs", c.source)));
    }
    let numbers = |line: usize, text: &str, n: usize| -> Result<Vec<f64>, CompileError> {
        let values = text
            .split(',')
            .map(|v| v.trim().parse::<f64>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| bad(line, format!("not a number: {e}")))?;
        if values.len() != n {
            return Err(bad(line, format!("{} values, the model takes {n}", values.len())));
        }
        Ok(values)
    };
    Ok(match (model.input, &model.tokenizer) {
        (Input::TokenIds { length }, Some(spec)) => {
            let tokens: Vec<&[u8]> = spec.vocab.iter().map(Vec::as_slice).collect();
            let tables = VocabTables::build(&tokens);
            let view = tables.view().map_err(|e| CompileError::Write(format!("internal: vocabulary: {e:?}")))?;
            let mut scratch = vec![0u8; view.max_token_len()];
            let rows = c.lines.iter().map(|text| {
                let mut ids = vec![0u32; length];
                tokenize(&view, spec.standardize, text.as_bytes(), &mut scratch, &mut ids);
                ids
            });
            Inputs::Ids(rows.collect())
        }
        (Input::TokenIds { length }, None) => {
            let vocab = vocab_size(model);
            let mut rows = Vec::new();
            for (i, line) in c.lines.iter().enumerate() {
                let ids = numbers(i, line, length)?;
                if let Some(v) = ids.iter().find(|&&v| v.fract() != 0.0 || v < 0.0 || v >= vocab as f64) {
                    return Err(bad(i, format!("{v} is not a token id below {vocab}")));
                }
                rows.push(ids.into_iter().map(|v| v as u32).collect());
            }
            Inputs::Ids(rows)
        }
        (input, _) => {
            let n = match input {
                Input::Sequence { length, channels } => length * channels,
                Input::Vector { features } => features,
                Input::TokenIds { length } => length,
            };
            let rows = c.lines.iter().enumerate().map(|(i, line)| Ok(numbers(i, line, n)?.into_iter().map(|v| v as f32).collect()));
            Inputs::Floats(rows.collect::<Result<_, CompileError>>()?)
        }
    })
}

fn vocab_size(model: &NnModel) -> usize {
    match model.layers.first().map(|l| &l.op) {
        Some(Op::Embedding { table }) => table.shape[0],
        _ => 1,
    }
}

/// Inputs for a model without calibration data: token ids spread over the vocabulary, some
/// short (mostly padding) and some full; or floats in [−1, 1).
fn probe_inputs(model: &NnModel) -> Inputs {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let count = 64;
    match model.input {
        Input::TokenIds { length } => {
            let vocab = vocab_size(model) as u64;
            let rows = (0..count).map(|i| {
                let used = if i % 2 == 0 { length } else { length * (i % 7 + 1) / 8 };
                (0..length).map(|p| if p < used { (xorshift(&mut state) % vocab) as u32 } else { 0 }).collect()
            });
            Inputs::Ids(rows.collect())
        }
        Input::Sequence { length, channels } => Inputs::Floats(floats(&mut state, count, length * channels)),
        Input::Vector { features } => Inputs::Floats(floats(&mut state, count, features)),
    }
}

fn floats(state: &mut u64, count: usize, n: usize) -> Vec<Vec<f32>> {
    (0..count).map(|_| (0..n).map(|_| (xorshift(state) >> 40) as f32 / (1u64 << 23) as f32 - 1.0).collect()).collect()
}

/// The compiled network against the float reference (candle, on the original before the
/// passes) on the check inputs: the accuracy report stored in the artifact.
pub struct Check {
    /// The report's text.
    pub text: String,
    /// Largest |output difference|.
    pub max_delta: f64,
    /// Inputs whose decision differs.
    pub mismatches: usize,
    /// Inputs checked.
    pub count: usize,
}

/// Runs `compiled` and the float reference of `original` on `p.inputs`.
pub fn check(name: &str, original: &NnModel, p: &Prepared, compiled: &mlc_runtime::NetModel<'_>) -> Result<Check, CompileError> {
    let internal = |e: String| CompileError::Write(format!("internal: model `{name}`: {e}"));
    let mut want = Vec::with_capacity(p.inputs.len());
    for start in (0..p.inputs.len()).step_by(32) {
        let chunk = p.inputs.slice(start..(start + 32).min(p.inputs.len()));
        want.extend(reference::predict(original, chunk.batch()).map_err(|e| internal(e.to_string()))?);
    }
    let mut scratch = vec![0f32; compiled.scratch_len()];
    let mut got = vec![0f32; compiled.num_outputs()];
    let (mut max_delta, mut mismatches) = (0f64, 0usize);
    let threshold = match original.layers.last().map(|l| &l.op) {
        Some(Op::Dense { activation: Activation::Sigmoid, .. }) => 0.5,
        _ => 0.0,
    };
    for (i, want) in want.iter().enumerate() {
        let run = match &p.inputs {
            Inputs::Ids(rows) => compiled.predict_ids(&rows[i], &mut scratch, &mut got),
            Inputs::Floats(rows) => compiled.predict_floats(&rows[i], &mut scratch, &mut got),
        };
        run.map_err(|e| internal(e.to_string()))?;
        for (g, w) in got.iter().zip(want) {
            max_delta = max_delta.max((*g as f64 - *w as f64).abs());
        }
        mismatches += (decision(&got, threshold) != decision(want, threshold)) as usize;
    }
    let count = want.len();
    let arithmetic = if p.int8 { "int8" } else { "float32" };
    let mut text = format!(
        "{} layers, {} float32 weights{}; {}; compiled: {} layers, {} weights, {arithmetic}",
        original.layers.len(),
        weight_count(original),
        if original.tokenizer.is_some() { ", tokenizer included" } else { "" },
        p.passes,
        p.model.layers.len(),
        weight_count(&p.model),
    );
    let _ = write!(
        text,
        "; accuracy vs the float original (candle) on {}: decisions agree on {}/{count} ({:.2} %), max |Δ| = {max_delta:.3e}",
        p.inputs_source,
        count - mismatches,
        if count == 0 { 100.0 } else { 100.0 * (count - mismatches) as f64 / count as f64 },
    );
    Ok(Check { text, max_delta, mismatches, count })
}

/// Class of an output vector: above `threshold` for one output, else the argmax.
fn decision(y: &[f32], threshold: f32) -> usize {
    match y {
        [v] => (*v > threshold) as usize,
        _ => mlc_runtime::link::argmax(y),
    }
}

fn weight_count(m: &NnModel) -> usize {
    m.layers
        .iter()
        .map(|l| match &l.op {
            Op::Embedding { table } => table.data.len(),
            Op::EmbeddingConv1D { table: w, bias, .. } | Op::Conv1D { kernel: w, bias, .. } | Op::Dense { kernel: w, bias, .. } => {
                w.data.len() + bias.as_ref().map_or(0, Vec::len)
            }
            _ => 0,
        })
        .sum()
}
