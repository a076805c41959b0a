//! The Keras importer (`mlc_compiler::import::keras::import_dir`: config.json, safetensors,
//! vocab.txt, vectorizer.json) on arbitrary bytes. The importer reads a directory (it has no
//! in-memory entry point), so the fuzz data is split at the separator `\n#--#\n` into
//! `config.json`, `model.safetensors` and optionally `vocab.txt` and `vectorizer.json`, written
//! to a per-process temporary directory. Models it accepts then go through the graph passes, the
//! lowering and the writer, and must give an artifact that validates; one that loads predicts once.
//! Seeds: a tiny text CNN (fuzz/seeds/keras, made by scripts/fuzz.sh from the committed MCU export).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mlc_compiler::import::keras;
use mlc_compiler::nn::{lower, passes};
use mlc_format::manifest::{ModelBody, ModelManifest, Source};
use mlc_format::Artifact;
use mlc_fuzz::{predict_model, single_model_artifact};
use mlc_runtime::Model;

const SEPARATOR: &[u8] = b"\n#--#\n";
const FILES: [&str; 4] = ["config.json", "model.safetensors", "vocab.txt", "vectorizer.json"];

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
        let d = base.join(format!("mlc-fuzz-keras-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    })
}

fn split<'a>(mut data: &'a [u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    while parts.len() < FILES.len() - 1 {
        match data.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
            Some(at) => {
                parts.push(&data[..at]);
                data = &data[at + SEPARATOR.len()..];
            }
            None => break,
        }
    }
    parts.push(data);
    parts
}

fuzz_target!(|data: &[u8]| {
    let parts = split(data);
    let dir = dir();
    for (i, name) in FILES.iter().enumerate() {
        let path = dir.join(name);
        match parts.get(i) {
            Some(bytes) => std::fs::write(&path, bytes).unwrap(),
            None => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    let Ok(mut model) = keras::import_dir(dir) else { return };
    // Bound the work of the passes and of the prediction below on large accepted models.
    let weights: usize = model
        .layers
        .iter()
        .map(|l| match &l.op {
            mlc_compiler::nn::Op::Embedding { table } => table.data.len(),
            mlc_compiler::nn::Op::Conv1D { kernel, .. } | mlc_compiler::nn::Op::Dense { kernel, .. } => kernel.data.len(),
            _ => 0,
        })
        .sum();
    if weights > 1 << 20 {
        return;
    }
    passes::fold_embedding(&mut model, 256 << 10, 4);
    passes::merge_pooling(&mut model);
    passes::relu_past_max_pool(&mut model);
    let (body, outputs, sections) = lower::lower(&model);
    let num_features = match model.input {
        mlc_compiler::nn::Input::TokenIds { length } => length,
        mlc_compiler::nn::Input::Sequence { length, channels } => length.saturating_mul(channels),
        mlc_compiler::nn::Input::Vector { features } => features,
    } as u32;
    let manifest = ModelManifest {
        num_features,
        num_outputs: outputs,
        source: Source { framework: &model.framework, objective: "network", file: "fuzz", sha256: [0; 32] },
        body: ModelBody::Network(body),
        report: "",
    };
    let buf = single_model_artifact(&manifest, sections);
    let artifact = Artifact::parse(buf.as_slice()).unwrap_or_else(|e| panic!("compiled artifact does not validate: {e}"));
    let entry = artifact.model(0).unwrap();
    if let Ok(m) = Model::load(&entry) {
        predict_model(&m, &entry, b"the movie was not good");
    }
});
