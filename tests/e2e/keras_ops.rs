//! Keras models made to exercise single layers (tests/fixtures/keras_ops, written by
//! tools/make_keras_op_fixtures.py: trained by Keras, with Keras' own outputs): imported,
//! compiled in float32 and in int8, and run by the runtime, against Keras. docs/adding-an-op.md
//! asks for a model here for every layer the importer learns.

use mlc_compiler::nn::reference::{predict, Batch};
use mlc_compiler::{Calibration, CompileOptions, Target};
use mlc_format::net::{LayerRecord, Op};
use mlc_format::{Artifact, SectionKind};
use mlc_runtime::{Input, Model, ScratchBuf};
use mlc_tests::{compile, fixture, options, read_csv};

/// One fixture model: its inputs (one per row, token ids written as numbers) and Keras'
/// outputs for them.
struct Case {
    name: &'static str,
    inputs: Vec<Vec<f32>>,
    expected: Vec<Vec<f32>>,
}

fn case(name: &'static str) -> Case {
    let dir = fixture(&format!("keras_ops/{name}"));
    Case { name, inputs: read_csv(&dir.join("inputs.csv")), expected: read_csv(&dir.join("expected.csv")) }
}

impl Case {
    fn path(&self) -> String {
        fixture(&format!("keras_ops/{}", self.name)).display().to_string()
    }

    /// The model compiled for `target` (int8 with `int8`, calibrated on the inputs).
    fn compile(&self, target: Target, int8: bool) -> mlc_format::AlignedBytes {
        let lines = self.inputs.iter().map(|row| row.iter().map(f32::to_string).collect::<Vec<_>>().join(",")).collect();
        let options =
            CompileOptions { calibration: int8.then(|| Calibration { source: "inputs.csv".into(), lines }), ..options(target, Some(int8)) };
        compile(&[format!("m={}", self.path())], &options)
    }

    /// The runtime's outputs from `bytes`, one row per input.
    fn run(&self, bytes: &[u8]) -> Vec<Vec<f32>> {
        let artifact = Artifact::parse(bytes).unwrap();
        let model = Model::by_name(&artifact, "m").unwrap();
        let mut scratch = ScratchBuf::new();
        let ids = matches!(model.input_kind(), mlc_runtime::InputKind::TokenIds { .. });
        self.inputs
            .iter()
            .map(|row| {
                let mut out = vec![0f32; model.num_outputs()];
                let ids_row: Vec<u32> = row.iter().map(|&v| v as u32).collect();
                let input = if ids { Input::Ids(&ids_row) } else { Input::Rows(row) };
                model.predict(input, &mut scratch.for_model(&model), &mut out).unwrap_or_else(|e| panic!("{}: {e}", self.name));
                out
            })
            .collect()
    }

    /// The largest |difference| from Keras' outputs.
    fn worst(&self, got: &[Vec<f32>]) -> f32 {
        got.iter().flatten().zip(self.expected.iter().flatten()).map(|(g, w)| (g - w).abs()).fold(0f32, f32::max)
    }
}

/// The operations of model `m` of an artifact, and its format minor version.
fn ops(bytes: &[u8]) -> (Vec<Op>, u16) {
    let artifact = Artifact::parse(bytes).unwrap();
    let entry = artifact.model_by_name("m").unwrap();
    let layers: &[LayerRecord] = entry.records(SectionKind::NetLayers).unwrap();
    (layers.iter().map(|l| l.op).collect(), artifact.header().minor)
}

const CASES: [&str; 3] = ["batchnorm_text", "batchnorm_seq", "causal_seq"];

#[test]
fn float_reference_and_compiled_float_reproduce_keras() {
    for name in CASES {
        let c = case(name);
        // The candle reference of the imported model (the importer's reading of the layers).
        let model = mlc_compiler::import::keras::import_dir(&fixture(&format!("keras_ops/{name}"))).unwrap();
        let reference = match model.input {
            mlc_format::manifest::NetInput::TokenIds { .. } => {
                let ids: Vec<Vec<u32>> = c.inputs.iter().map(|r| r.iter().map(|&v| v as u32).collect()).collect();
                predict(&model, Batch::Ids(&ids)).unwrap()
            }
            _ => predict(&model, Batch::Floats(&c.inputs)).unwrap(),
        };
        let worst = c.worst(&reference);
        println!("{name}: candle reference vs Keras: max |Δ| = {worst:e}");
        assert!(worst <= 1e-5, "{name}: reference differs from Keras by {worst}");
        // The compiled float artifact, on the runtime.
        let bytes = c.compile(Target::Host, false);
        let worst = c.worst(&c.run(&bytes));
        println!("{name}: runtime float32 vs Keras: max |Δ| = {worst:e}");
        assert!(worst <= 1e-5, "{name}: the compiled model differs from Keras by {worst}");
    }
}

#[test]
fn batch_normalization_is_folded_where_it_can_be_and_a_layer_where_not() {
    use Op::*;
    // After a ReLU convolution it stays a layer; after the linear Dense it is folded.
    let (text, minor) = ops(&case("batchnorm_text").compile(Target::Host, false));
    assert_eq!(text, [EmbeddingConv1D, BatchNormalization, GlobalMaxPool1D, Dense, Dense]);
    assert_eq!(minor, 1, "an artifact with a 1.1 operation declares 1.1");
    // On the input (no layer before it) it stays; after the linear convolution it is folded.
    let (seq, minor) = ops(&case("batchnorm_seq").compile(Target::Host, false));
    assert_eq!(seq, [BatchNormalization, Conv1D, Flatten, Dense]);
    assert_eq!(minor, 1);
    // Without batch normalization the artifact stays 1.0.
    let (causal, minor) = ops(&case("causal_seq").compile(Target::Host, false));
    assert_eq!(causal, [Conv1D, Conv1D, GlobalAvgPool1D, Dense]);
    assert_eq!(minor, 0, "nothing of 1.1 is used");
}

#[test]
fn causal_convolutions_pad_only_before_the_input() {
    let bytes = case("causal_seq").compile(Target::Host, false);
    let artifact = Artifact::parse(&bytes).unwrap();
    let layers: &[LayerRecord] = artifact.model_by_name("m").unwrap().records(SectionKind::NetLayers).unwrap();
    // Kernel 3 with dilation 2, then kernel 2: (k − 1) · dilation positions before, the length kept.
    let conv: Vec<(u32, u32, u32)> = layers.iter().filter(|l| l.op == Op::Conv1D).map(|l| (l.pad_left, l.in_len, l.out_len)).collect();
    assert_eq!(conv, [(4, 20, 20), (1, 20, 20)]);
}

#[test]
fn int8_builds_stay_close_to_keras() {
    for name in CASES {
        let c = case(name);
        let bytes = c.compile(Target::CortexM4, true);
        let got = c.run(&bytes);
        let worst = c.worst(&got);
        let range = c.expected.iter().flatten().fold(0f32, |m, v| m.max(v.abs()));
        println!("{name}: runtime int8 vs Keras: max |Δ| = {worst:e} (outputs up to {range})");
        assert!(worst <= 0.05 * range.max(1.0), "{name}: int8 differs from Keras by {worst} (outputs up to {range})");
    }
}

/// Options of the new layers that inference cannot honour are errors naming the layer and the
/// option.
#[test]
fn unsupported_options_are_named() {
    let edited = |name: &str, layer: usize, key: &str, value: serde_json::Value| {
        let dir = fixture(&format!("keras_ops/{name}"));
        let mut files = mlc_compiler::import::keras::read_dir(&dir).unwrap();
        let mut config: serde_json::Value = serde_json::from_slice(&files.config).unwrap();
        config["config"]["layers"][layer]["config"][key] = value;
        files.config = serde_json::to_vec(&config).unwrap();
        mlc_compiler::import::keras::import_files(&dir, &files).unwrap_err().to_string()
    };
    // Layer 1 of batchnorm_seq is the BatchNormalization on the (16, 3) input.
    let e = edited("batchnorm_seq", 1, "axis", 1.into());
    assert!(e.contains("layer `batch_normalization_2`") && e.contains("axis = 1"), "{e}");
    let e = edited("batchnorm_seq", 1, "epsilon", (-1.0).into());
    assert!(e.contains("epsilon"), "{e}");
}
