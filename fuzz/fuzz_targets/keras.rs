//! The Keras importer (`mlc_compiler::import::keras::import_files`: config.json, safetensors,
//! vocab.txt, vectorizer.json) on arbitrary bytes, split at the separator `\n#--#\n` into
//! `config.json`, `model.safetensors` and optionally `vocab.txt` and `vectorizer.json`, all in
//! memory. Networks it accepts then go through the whole compiler by its public entry point
//! (`compile_models`: graph passes, int8 quantization, lowering, writer, the compiler's own check
//! against the float reference), in float and in int8, calibrated on two inputs made for the
//! model; the artifact must validate, and the model load and predict.
//! Seeds: a tiny text CNN (fuzz/seeds/keras, made by scripts/fuzz.sh from the committed MCU export).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use mlc_compiler::import::keras;
use mlc_compiler::nn::{NnModel, Op};
use mlc_compiler::{compile_models, Calibration, CompileError, CompileOptions, ModelInput, ModelSource};
use mlc_format::manifest::NetInput;
use mlc_format::Artifact;
use mlc_fuzz::keras_input::keras_files;
use mlc_fuzz::{predict_model, GuardedBytes};
use mlc_runtime::Model;

/// The name messages give the export.
const DIR: &str = "fuzz";
/// Most multiply-adds (estimated) of one prediction of a network that is compiled: the compiler
/// runs it on the calibration inputs, in candle and in the runtime.
const MAX_WORK: u64 = 1 << 24;

/// An upper estimate of the multiply-adds of one prediction of an imported network.
fn work(model: &NnModel) -> u64 {
    let (len, ch) = model.input.shape();
    let (mut len, mut ch) = (len as u64, ch as u64);
    let mut total = len.saturating_mul(ch);
    for layer in &model.layers {
        let out_len = match &layer.op {
            Op::Embedding { .. } => len,
            op => op.geometry(len as usize).map_or(1, |g| g.out_len as u64),
        };
        let (out_ch, per_output) = match &layer.op {
            Op::Embedding { table } => (table.shape[1] as u64, 1),
            Op::Conv1D { kernel, .. } => (kernel.shape[2] as u64, (kernel.shape[0] * kernel.shape[1]) as u64),
            Op::MaxPool1D { pool, .. } | Op::AvgPool1D { pool, .. } => (ch, *pool as u64),
            Op::GlobalMaxPool1D { .. } | Op::GlobalAvgPool1D => (ch, len),
            Op::Flatten => (len.saturating_mul(ch), 1),
            Op::Dense { kernel, .. } => (kernel.shape[1] as u64, kernel.shape[0] as u64),
            _ => (ch, 1),
        };
        total = total.saturating_add(out_len.saturating_mul(out_ch).saturating_mul(per_output));
        (len, ch) = (out_len, out_ch);
    }
    total
}

/// Two calibration inputs for `model`: text for a text model, token ids inside its vocabulary,
/// or floats.
fn calibration(model: &NnModel) -> Calibration {
    let lines = match model.input {
        NetInput::TokenIds { .. } if model.tokenizer.is_some() => vec!["the movie was not good".to_string(), String::new()],
        NetInput::TokenIds { length } => {
            let vocab = match model.layers.first().map(|l| &l.op) {
                Some(Op::Embedding { table }) => table.shape[0],
                _ => 1,
            };
            (0..2).map(|k| (0..length as usize).map(|i| ((i * 7 + k) % vocab).to_string()).collect::<Vec<_>>().join(",")).collect()
        }
        input => (0..2)
            .map(|k| (0..input.values()).map(|i| format!("{}", ((i + k) as f32 * 0.37).sin())).collect::<Vec<_>>().join(","))
            .collect(),
    };
    Calibration { source: "fuzz calibration".into(), lines }
}

fuzz_target!(|data: &[u8]| {
    let files = keras_files(data);
    // Models the importer refuses end here; so do models too large to run quickly.
    let Ok(model) = keras::import_files(Path::new(DIR), &files) else { return };
    if model.input.values() > 1 << 16 || work(&model) > MAX_WORK {
        return;
    }
    let calibration = calibration(&model);
    let input = ModelInput::new("m", ModelSource::Keras { dir: DIR.into(), files });
    for int8 in [false, true] {
        let options = CompileOptions {
            fixed_point: Some(int8),
            table_budget: Some(256 << 10),
            calibration: Some(calibration.clone()),
            command_line: "fuzz".into(),
            ..CompileOptions::default()
        };
        let compiled = match compile_models(std::slice::from_ref(&input), &options) {
            Ok(compiled) => compiled,
            // A network whose accumulators could overflow in int8: refused, with a reason.
            Err(CompileError::Quantize { .. }) if int8 => continue,
            Err(e) => panic!("an imported network does not compile (int8: {int8}): {e}"),
        };
        let buf = GuardedBytes::new(&compiled.bytes);
        let artifact = Artifact::parse(buf.as_slice()).unwrap_or_else(|e| panic!("compiled artifact does not validate: {e}"));
        let entry = artifact.model(0).unwrap();
        let m = Model::load(&entry).unwrap_or_else(|e| panic!("the compiler checked this model, yet it does not load: {e}"));
        predict_model(&m, &entry, b"the movie was not good");
    }
});
