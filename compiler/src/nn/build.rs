//! The networks' front end: the graph passes, int8 quantization for the target, and the check
//! of the compiled artifact against the float original (the accuracy report).

use std::fmt::Write as _;

use mlc_format::manifest::ModelBody;
use mlc_runtime::Model;

use super::float_net::FloatNet;
use super::inputs::{self, Inputs};
use super::{lower, passes, quantize, Activation, NnModel, Op};
use crate::error::CompileError;
use crate::frontend::{Frontend, Lowered, ModelId, ModelReport};
use crate::options::CompileOptions;

/// A network ready to lower, with the original it is checked against, what the compiler did,
/// and what it checks it on.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedNet {
    /// The network as imported.
    pub original: NnModel,
    /// The model after passes (and quantization).
    pub model: NnModel,
    /// What the passes did.
    pub passes: String,
    /// Check inputs.
    pub inputs: Inputs,
    /// Where the check inputs come from: "N inputs of FILE" or "probe inputs ...".
    pub inputs_source: String,
    /// Whether the model was quantized.
    pub int8: bool,
}

impl Frontend for PreparedNet {
    type Imported = NnModel;

    /// Applies the passes to the network, quantizing when the target or the options ask for
    /// int8 (activations calibrated on the calibration inputs, or on probe inputs).
    fn prepare(id: &ModelId<'_>, original: NnModel, options: &CompileOptions) -> Result<Self, CompileError> {
        let name = id.name;
        let int8 = options.fixed_point.unwrap_or(options.target.is_mcu());
        let budget = options.table_budget.unwrap_or(options.target.table_budget_bytes());
        let mut model = original.clone();
        let mut done = passes::fold_batch_norm(&mut model);
        done.push(passes::fold_embedding(&mut model, budget, if int8 { 1 } else { 4 }));
        done.extend(passes::merge_pooling(&mut model));
        done.extend(passes::relu_past_max_pool(&mut model));
        let (inputs, inputs_source) = match &options.calibration {
            Some(c) => (inputs::parse(name, &original, c)?, format!("{} inputs of {}", c.lines.len(), c.source)),
            None => (inputs::probe(&original), "probe inputs (no --calibration given)".to_string()),
        };
        if int8 {
            let calibrate = || FloatNet::new(&model)?.ranges(&inputs, model.layers.len());
            let ranges = calibrate().map_err(|e| CompileError::Internal(format!("model `{name}`: calibration: {e}")))?;
            done.push(quantize::quantize(&mut model, &ranges).map_err(|what| CompileError::Quantize { model: name.into(), what })?);
            done.push(format!("activations calibrated on {inputs_source}"));
        }
        Ok(PreparedNet { original, model, passes: done.join("; "), inputs, inputs_source, int8 })
    }

    fn lower(&self, _: &CompileOptions) -> Lowered<'_> {
        let (body, num_outputs, sections) = lower::lower(&self.model);
        Lowered {
            num_features: self.model.input.values() as u32,
            num_outputs,
            framework: &self.model.framework,
            objective: "network",
            body: ModelBody::Network(body),
            sections,
        }
    }

    /// Runs `compiled` and the float original (before the passes, on the runtime's float
    /// kernels: [`FloatNet`]) on the check inputs.
    fn check(&self, id: &ModelId<'_>, compiled: &Model<'_>, options: &CompileOptions) -> Result<ModelReport, CompileError> {
        let internal = |e: String| CompileError::Internal(format!("model `{}`: {e}", id.name));
        let Model::Net(compiled) = compiled else {
            return Err(CompileError::Internal("a network compiled to another kind".into()));
        };
        let original = &self.original;
        let want =
            FloatNet::new(original).and_then(|f| f.predict(&self.inputs)).map_err(|e| internal(format!("the float original: {e}")))?;
        let mut scratch = vec![0f32; compiled.scratch_len()];
        let mut got = vec![0f32; compiled.num_outputs()];
        let (mut max_delta, mut mismatches) = (0f64, 0usize);
        let threshold = match original.layers.last().map(|l| &l.op) {
            Some(Op::Dense { activation: Activation::Sigmoid, .. }) => 0.5,
            _ => 0.0,
        };
        for (i, want) in want.iter().enumerate() {
            let run = match &self.inputs {
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
        let arithmetic = if self.int8 { "int8" } else { "float32" };
        let mut text = format!(
            "{} layers, {} float32 weights{}; {}; compiled: {} layers, {} weights, {arithmetic}",
            original.layers.len(),
            weight_count(original),
            if original.tokenizer.is_some() { ", tokenizer included" } else { "" },
            self.passes,
            self.model.layers.len(),
            weight_count(&self.model),
        );
        let _ = write!(
            text,
            "; accuracy vs the float original on {}: decisions agree on {}/{count} ({:.2} %), max |Δ| = {max_delta:.3e}",
            self.inputs_source,
            count - mismatches,
            if count == 0 { 100.0 } else { 100.0 * (count - mismatches) as f64 / count as f64 },
        );
        let mut warnings = Vec::new();
        if self.int8 && options.calibration.is_none() {
            warnings.push(
                "int8 activations calibrated on probe inputs, not on real data: values beyond the calibrated ranges saturate \
                 (docs/format.md §9.9), and the accuracy check above ran on the same probes; give --calibration FILE with representative inputs"
                    .to_string(),
            );
        }
        Ok(ModelReport {
            name: id.name.into(),
            text,
            max_margin_delta: max_delta,
            decision_mismatches: mismatches,
            check_rows: count,
            warnings,
        })
    }
}

/// Class of an output vector: above `threshold` for one output, else the argmax.
fn decision(y: &[f32], threshold: f32) -> usize {
    match y {
        [v] => (*v > threshold) as usize,
        _ => mlc_runtime::link::argmax(y),
    }
}

/// Float weights and biases of `m` (int8 forms aside).
fn weight_count(m: &NnModel) -> usize {
    m.layers.iter().map(|l| l.op.weights().map_or(0, |(w, bias, _)| w.data.len() + bias.map_or(0, <[f32]>::len))).sum()
}
