//! The float network as the runtime executes it: what the compiler measures networks with —
//! the activation ranges that calibrate int8 layers, and the float original that the compiled
//! network is checked against.
//!
//! The runtime's float kernels are specified bit for bit (docs/format.md §9: every operation
//! rounded on its own, no fused multiply-add, a fixed order), so these measurements — and the
//! int8 scales and the report written from them — are the same on every machine. (The candle
//! reference, [`super::reference`], rounds differently with and without FMA; calibrating with
//! it made int8 artifacts differ between machines.)

use mlc_format::manifest::{ModelBody, ModelManifest, Provenance, Source};
use mlc_format::writer::ArtifactWriter;
use mlc_format::{AlignedBytes, Artifact};
use mlc_runtime::{Input, Model, NetModel};

use super::inputs::Inputs;
use super::{lower, NnModel};

/// A float network lowered into an artifact of its own, ready to run.
pub struct FloatNet {
    bytes: AlignedBytes,
}

impl FloatNet {
    /// Lowers `model` (whose layers must all be float: before quantization) into an artifact.
    pub fn new(model: &NnModel) -> Result<FloatNet, String> {
        if model.layers.iter().any(|l| l.int8.is_some()) {
            return Err("the float network has int8 layers".into());
        }
        let (body, num_outputs, sections) = lower::lower(model);
        let manifest = ModelManifest {
            num_features: model.input.values() as u32,
            num_outputs,
            source: Source { framework: &model.framework, objective: "network", file: "", sha256: [0; 32] },
            body: ModelBody::Network(body),
            report: "",
        };
        let mut writer = ArtifactWriter::new();
        writer.add_model("float", &manifest, sections).map_err(|e| e.to_string())?;
        let bytes = writer.finish(&Provenance { compiler: "mlc", target: "host", options: "" }).map_err(|e| e.to_string())?;
        Ok(FloatNet { bytes: AlignedBytes::copy_from(&bytes) })
    }

    /// Runs `f` on the loaded network.
    fn with<R>(&self, f: impl FnOnce(&NetModel<'_>) -> Result<R, String>) -> Result<R, String> {
        let artifact = Artifact::parse(&self.bytes).map_err(|e| e.to_string())?;
        match Model::by_name(&artifact, "float").map_err(|e| format!("the runtime does not load it: {e}"))? {
            Model::Net(net) => f(&net),
            Model::Trees(_) | Model::Linear(_) => Err("a network lowered to another kind of model".into()),
        }
    }

    /// The network's output for every input.
    pub fn predict(&self, inputs: &Inputs) -> Result<Vec<Vec<f32>>, String> {
        self.run(inputs, &mut |_, _| {})
    }

    /// The largest |value| of the network's input and of each layer's output over `inputs`:
    /// `ranges[0]` the input (0 for token ids), `ranges[i + 1]` layer `i`. NaN values are
    /// skipped.
    pub fn ranges(&self, inputs: &Inputs, layers: usize) -> Result<Vec<f32>, String> {
        let mut ranges = vec![0f32; layers + 1];
        if let Inputs::Floats(rows) = inputs {
            ranges[0] = rows.iter().flatten().fold(0f32, |m, v| m.max(v.abs()));
        }
        self.run(inputs, &mut |layer, values| {
            if let (Some(values), Some(r)) = (values, ranges.get_mut(layer + 1)) {
                *r = values.iter().fold(*r, |m, v| m.max(v.abs()));
            }
        })?;
        Ok(ranges)
    }

    /// Runs every input layer by layer, showing `observe` each layer's output; returns the
    /// outputs.
    fn run(&self, inputs: &Inputs, observe: &mut dyn FnMut(usize, Option<&[f32]>)) -> Result<Vec<Vec<f32>>, String> {
        self.with(|net| {
            let mut scratch = vec![0f32; net.observed_scratch_len()];
            let mut out = vec![0f32; net.num_outputs()];
            let mut outputs = Vec::with_capacity(inputs.len());
            for i in 0..inputs.len() {
                let input = match inputs {
                    Inputs::Ids(rows) => Input::Ids(&rows[i]),
                    Inputs::Floats(rows) => Input::Rows(&rows[i]),
                };
                net.predict_observed(input, &mut scratch, &mut out, observe).map_err(|e| format!("input {}: {e}", i + 1))?;
                outputs.push(out.clone());
            }
            Ok(outputs)
        })
    }
}
