//! Keras models as Keras saves them, `model.keras`, compiled with no export step
//! (`compiler/src/import/keras_file.rs`): the models of tests/fixtures/keras_files (written by
//! tools/make_keras_file_fixtures.py, with Keras' outputs from the file as Keras loads it back)
//! against Keras, the five `.keras` files of tests/fixtures/keras_textvec against their exports,
//! and damaged archives, each an error naming the file and the place.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use mlc_compiler::import::{keras, keras_file};
use mlc_compiler::{Calibration, CompileOptions, Target};
use mlc_format::Artifact;
use mlc_runtime::{Input, Model, ScratchBuf};
use mlc_tests::{compile, fixture, keras_texts, mlc_command, options, read_csv, worst};
use serde_json::Value;

/// The models of tests/fixtures/keras_files; `text_*` take strings.
const CASES: [&str; 7] = ["seq_mlp_bn", "fn_conv_nested", "ids_cnn", "ids_dense_steps", "text_adapted", "text_given", "act_layers"];

fn saved(name: &str) -> PathBuf {
    fixture(&format!("keras_files/{name}/model.keras"))
}

/// A model's inputs: one string per row for a text model, else numbers (token ids as numbers).
enum Inputs {
    Text(Vec<String>),
    Numbers(Vec<Vec<f32>>),
}

fn inputs(name: &str) -> Inputs {
    if name.starts_with("text_") {
        Inputs::Text(keras_texts())
    } else {
        Inputs::Numbers(read_csv(&fixture(&format!("keras_files/{name}/inputs.csv"))))
    }
}

/// `path` compiled for `target` (int8 with `int8`, calibrated on `inputs`).
fn compiled(path: &Path, inputs: &Inputs, target: Target, int8: bool) -> mlc_format::AlignedBytes {
    let lines = match inputs {
        Inputs::Text(t) => t.clone(),
        Inputs::Numbers(rows) => rows.iter().map(|r| r.iter().map(f32::to_string).collect::<Vec<_>>().join(",")).collect(),
    };
    let calibration = int8.then(|| Calibration { source: "inputs".into(), lines });
    compile(&[format!("m={}", path.display())], &CompileOptions { calibration, ..options(target, Some(int8)) })
}

/// The runtime's outputs, one row per input.
fn run(bytes: &[u8], inputs: &Inputs) -> Vec<Vec<f32>> {
    let artifact = Artifact::parse(bytes).unwrap();
    let model = Model::by_name(&artifact, "m").unwrap();
    let mut scratch = ScratchBuf::new();
    let mut one = |input: Input<'_>| {
        let mut out = vec![0f32; model.num_outputs()];
        model.predict(input, &mut scratch.for_model(&model), &mut out).unwrap();
        out
    };
    match inputs {
        Inputs::Text(texts) => texts.iter().map(|t| one(Input::Text(t.as_bytes()))).collect(),
        Inputs::Numbers(rows) => {
            let ids = matches!(model.input_kind(), mlc_runtime::InputKind::TokenIds { .. });
            rows.iter()
                .map(|row| {
                    let id_row: Vec<u32> = row.iter().map(|&v| v as u32).collect();
                    one(if ids { Input::Ids(&id_row) } else { Input::Rows(row) })
                })
                .collect()
        }
    }
}

#[test]
fn saved_models_reproduce_keras_in_float32_and_stay_close_in_int8() {
    for name in CASES {
        let inputs = inputs(name);
        let expected = read_csv(&fixture(&format!("keras_files/{name}/expected.csv")));
        let d = worst(&run(&compiled(&saved(name), &inputs, Target::Host, false), &inputs), &expected);
        println!("{name}: runtime float32 vs Keras: max |Δ| = {d:e}");
        assert!(d <= 1e-5, "{name}: the compiled model differs from Keras by {d}");
        let d = worst(&run(&compiled(&saved(name), &inputs, Target::CortexM4, true), &inputs), &expected);
        let range = expected.iter().flatten().fold(0f32, |m, v| m.max(v.abs()));
        println!("{name}: runtime int8 vs Keras: max |Δ| = {d:e} (outputs up to {range})");
        assert!(d <= 0.05 * range.max(1.0), "{name}: int8 differs from Keras by {d}");
    }
}

/// The legacy HDF5 format: Keras 3's `model.save("model.h5")` of the same models imports to the
/// same network as their `.keras`; Keras 2's (tf_keras: `batch_input_shape`, the old
/// `inbound_nodes`, weights named `dense/kernel:0`, an Embedding given a float input)
/// reproduces Keras 2.
#[test]
fn legacy_h5_models_import_and_reproduce_keras() {
    for name in ["seq_mlp_bn", "fn_conv_nested", "ids_cnn", "ids_dense_steps", "act_layers"] {
        let h5 = fixture(&format!("keras_files/{name}/model.h5"));
        let from_h5 = keras::import_files(&h5, &keras_file::read(&h5, &std::fs::read(&h5).unwrap()).unwrap()).unwrap();
        let from_keras = keras::import_files(&saved(name), &keras_file::read(&saved(name), &std::fs::read(saved(name)).unwrap()).unwrap());
        assert_eq!(from_h5, from_keras.unwrap(), "{name}");
    }
    for name in ["k2_seq", "k2_emb_seq", "k2_fn_nested"] {
        let h5 = fixture(&format!("keras_files/{name}/model.h5"));
        let inputs = inputs(name);
        let expected = read_csv(&fixture(&format!("keras_files/{name}/expected.csv")));
        let d = worst(&run(&compiled(&h5, &inputs, Target::Host, false), &inputs), &expected);
        println!("{name}: runtime float32 vs Keras 2: max |Δ| = {d:e}");
        assert!(d <= 1e-5, "{name}: the compiled model differs from Keras 2 by {d}");
        let d = worst(&run(&compiled(&h5, &inputs, Target::CortexM4, true), &inputs), &expected);
        println!("{name}: runtime int8 vs Keras 2: max |Δ| = {d:e}");
        assert!(d <= 0.05, "{name}: int8 differs from Keras 2 by {d}");
    }
    // Keras 3.0: its `.keras` records no layer names (the paths alone find the weights), its
    // `.h5` names a nested model's variables without their layers (`gamma`, `beta`, `kernel`,
    // `bias`, `moving_mean`, `moving_variance`: the legacy order, trainable first).
    for file in ["model.keras", "model.h5"] {
        let path = fixture(&format!("keras_files/k30_nested/{file}"));
        let inputs = inputs("k30_nested");
        let d = worst(
            &run(&compiled(&path, &inputs, Target::Host, false), &inputs),
            &read_csv(&fixture("keras_files/k30_nested/expected.csv")),
        );
        println!("k30_nested/{file}: runtime float32 vs Keras 3.0.5: max |Δ| = {d:e}");
        assert!(d <= 1e-5, "k30_nested/{file}: the compiled model differs from Keras 3.0 by {d}");
    }
    // Truncated.
    let e = error(&std::fs::read(fixture("keras_files/k2_seq/model.h5")).unwrap()[..4096]);
    assert!(e.starts_with("bad/model.keras: "), "{e}");
    // Weights alone (what `save_weights` writes, as inside a `.keras`): named as such.
    let mut weights_only = Vec::new();
    edited("seq_mlp_bn", |n, d| {
        if n == "model.weights.h5" {
            weights_only = d;
        }
        None
    });
    let e = error(&weights_only);
    assert!(e.contains("no attribute `model_config`: a file of weights only"), "{e}");
}

/// The five text models saved by Keras and exported by tools/export_keras.py: the same network,
/// tokenizer included, whichever the compiler reads.
#[test]
fn a_saved_model_imports_as_its_export_does() {
    for name in ["seq_default", "fn_lower", "seq_strip", "fn_raw", "guide_e2e"] {
        let dir = fixture(&format!("keras_textvec/{name}"));
        let path = dir.join("model.keras");
        let from_file = keras::import_files(&path, &keras_file::read(&path, &std::fs::read(&path).unwrap()).unwrap()).unwrap();
        let from_export = keras::import_dir(&dir).unwrap();
        assert_eq!(from_file, from_export, "{name}");
        let texts = Inputs::Text(keras_texts());
        let file_out = run(&compiled(&path, &texts, Target::Host, false), &texts);
        let export_out = run(&compiled(&dir, &texts, Target::Host, false), &texts);
        assert_eq!(file_out, export_out, "{name}: the two artifacts predict alike, bit for bit");
    }
}

/// A model saved unzipped (`model.save(dir, zipped=False)`: the archive's entries as files, its
/// adapted vocabulary under `assets/`) compiles to what its `.keras` compiles to.
#[test]
fn a_model_saved_unzipped_compiles_as_its_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let mut entries = Vec::new();
    edited("text_adapted", |name, data| {
        entries.push((name.to_string(), data));
        None
    });
    assert!(entries.iter().any(|(n, _)| n.starts_with("assets/")), "the fixture has an adapted vocabulary");
    for (name, data) in &entries {
        let path = tmp.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, data).unwrap();
    }
    let texts = Inputs::Text(keras_texts());
    let from_dir = run(&compiled(tmp.path(), &texts, Target::Host, false), &texts);
    assert_eq!(from_dir, run(&compiled(&saved("text_adapted"), &texts, Target::Host, false), &texts));
    std::fs::remove_file(tmp.path().join("model.weights.h5")).unwrap();
    let e = keras::read_dir(tmp.path()).and_then(|f| keras::import_files(tmp.path(), &f)).unwrap_err().to_string();
    assert!(e.contains("model.safetensors"), "without its weights it is no longer a saved model: {e}");
}

/// What a user runs: `mlc compile model.keras`, then `mlc predict`.
#[test]
fn mlc_compiles_a_keras_file() {
    let tmp = tempfile::tempdir().unwrap();
    let artifact = tmp.path().join("m.mlc");
    let out = mlc_command().arg("compile").arg(saved("seq_mlp_bn")).arg("-o").arg(&artifact).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let input = fixture("keras_files/seq_mlp_bn/inputs.csv");
    let out = mlc_command().arg("predict").arg(&artifact).arg(&input).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Vec<Vec<f32>> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| l.split(',').map(|v| v.parse().unwrap()).collect()).collect();
    let d = worst(&got, &read_csv(&fixture("keras_files/seq_mlp_bn/expected.csv")));
    assert!(d <= 1e-5, "mlc predict differs from Keras by {d}");
    // The model itself where an artifact belongs: what to do with it.
    for model in [saved("seq_mlp_bn"), fixture("keras_files/seq_mlp_bn/model.h5")] {
        let out = mlc_command().arg("predict").arg(&model).arg(&input).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && stderr.contains("a Keras model (.keras or .h5)") && stderr.contains("mlc compile"), "{stderr}");
    }
}

/// The entries of `name`'s archive, each passed through `edit` (`None` drops it), as a new
/// archive (stored, as Keras writes it).
fn edited(name: &str, mut edit: impl FnMut(&str, Vec<u8>) -> Option<Vec<u8>>) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(saved(name)).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let entry_name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if let Some(data) = edit(&entry_name, data) {
            let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
            out.start_file(entry_name, stored).unwrap();
            out.write_all(&data).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

/// The import of `bytes` as `name.keras`: its error.
fn error(bytes: &[u8]) -> String {
    let path = Path::new("bad/model.keras");
    match keras_file::read(path, bytes).and_then(|files| keras::import_files(path, &files)) {
        Ok(_) => "(imported)".into(),
        Err(e) => e.to_string(),
    }
}

/// `config.json` of `name` with `edit` applied.
fn with_config(name: &str, edit: impl Fn(&mut Value)) -> Vec<u8> {
    edited(name, |entry, data| {
        if entry != "config.json" {
            return Some(data);
        }
        let mut config: Value = serde_json::from_slice(&data).unwrap();
        edit(&mut config);
        Some(serde_json::to_vec(&config).unwrap())
    })
}

#[test]
fn damaged_archives_are_errors_naming_the_file_and_the_place() {
    let whole = std::fs::read(saved("seq_mlp_bn")).unwrap();
    assert!(error(&edited("seq_mlp_bn", |_, d| Some(d))).contains("(imported)"), "the rewritten archive itself imports");
    // Truncated: the archive's directory is gone.
    let e = error(&whole[..whole.len() / 2]);
    assert!(e.starts_with("bad/model.keras: not a readable zip archive"), "{e}");
    // An entry missing.
    let e = error(&edited("seq_mlp_bn", |n, d| (n != "model.weights.h5").then_some(d)));
    assert!(e.starts_with("bad/model.keras/model.weights.h5: cannot read it from the archive"), "{e}");
    // A damaged entry: the zip's checksum.
    let mut flipped = whole.clone();
    let at = flipped.windows(8).position(|w| w == b"\x89HDF\r\n\x1a\n").unwrap() + 4096;
    flipped[at] ^= 0x55;
    let e = error(&flipped);
    assert!(e.starts_with("bad/model.keras/model.weights.h5: cannot read it from the archive"), "{e}");
    // Not HDF5, with a valid checksum.
    let e = error(&edited("seq_mlp_bn", |n, d| Some(if n == "model.weights.h5" { b"not hdf5".to_vec() } else { d })));
    assert!(e.starts_with("bad/model.keras/model.weights.h5: HDF5: "), "{e}");
    // The weights file truncated.
    let e = error(&edited("seq_mlp_bn", |n, d| Some(if n == "model.weights.h5" { d[..d.len() / 3].to_vec() } else { d })));
    assert!(e.starts_with("bad/model.keras/model.weights.h5: "), "{e}");
    // Not JSON.
    let e = error(&edited("seq_mlp_bn", |n, d| Some(if n == "config.json" { b"{".to_vec() } else { d })));
    assert!(e.starts_with("bad/model.keras/config.json: JSON: "), "{e}");
}

/// A Dense on a sequence is Keras' Dense on every position: a convolution of width 1 (folded
/// into the embedding before it); an activation a convolution does not have is named.
#[test]
fn a_dense_on_a_sequence_is_a_convolution_of_width_one() {
    let path = saved("ids_dense_steps");
    let model = keras::import_files(&path, &keras_file::read(&path, &std::fs::read(&path).unwrap()).unwrap()).unwrap();
    let conv = &model.layers[1];
    assert!(matches!(conv.op, mlc_compiler::nn::Op::Conv1D { stride: 1, dilation: 1, .. }), "layer `{}`: {:?}", conv.name, conv.op);
    let e = error(&with_config("ids_dense_steps", |c| c["config"]["layers"][2]["config"]["activation"] = "tanh".into()));
    assert!(e.contains("unsupported: layer `dense") && e.contains("Dense on a sequence with activation = \"tanh\""), "{e}");
}

#[test]
fn a_configuration_that_does_not_fit_the_weights_is_named() {
    // The first Dense said to have no bias: the file holds two variables for it.
    let e = error(&with_config("seq_mlp_bn", |c| c["config"]["layers"][1]["config"]["use_bias"] = false.into()));
    assert!(
        e.contains("unsupported: layer `dense")
            && e.contains("2 variables in `layers/dense/vars`; a Dense")
            && e.contains("has 1 (kernel)"),
        "{e}"
    );
    // Two Dense layers' places swapped: each path holds the other's variables (the file's `name`).
    let e = error(&with_config("seq_mlp_bn", |c| {
        let layers = c["config"]["layers"].as_array_mut().unwrap();
        let (a, b) = (layers[1]["config"]["name"].clone(), layers[3]["config"]["name"].clone());
        layers[1]["config"]["name"] = b;
        layers[3]["config"]["name"] = a;
    }));
    assert!(e.contains("group `layers/dense/vars` holds the variables of layer"), "{e}");
    // A layer the importer does not know is named by it, not by the weights reader.
    let e = error(&with_config("seq_mlp_bn", |c| c["config"]["layers"][6]["class_name"] = "LayerNormalization".into()));
    assert!(e.contains("unsupported: layer `dense") && e.contains("layer type LayerNormalization"), "{e}");
}

#[test]
fn the_vocabulary_comes_from_the_configuration_or_the_assets() {
    // Adapted: in the assets; without them the layer's vocabulary is missing, by name.
    let e = error(&edited("text_adapted", |n, d| (!n.starts_with("assets/")).then_some(d)));
    assert!(
        e.contains("bad/model.keras/assets/layers/text_vectorization/vocabulary.txt: missing: the vocabulary of TextVectorization layer"),
        "{e}"
    );
    // Given: Keras' own tokens appear once, first, whether the list had them or not.
    let path = saved("text_given");
    let files = keras_file::read(&path, &std::fs::read(&path).unwrap()).unwrap();
    let vocab = String::from_utf8(files.vocab.unwrap()).unwrap();
    assert!(vocab.starts_with("\n[UNK]\ngreat\n") && vocab.matches("[UNK]").count() == 1, "{vocab:?}");
    let e = error(&with_config("text_given", |c| {
        let v = &mut c["config"]["layers"][1]["config"]["vocabulary"];
        v.as_array_mut().unwrap().push("[UNK]".into());
    }));
    assert!(e.contains("one of TextVectorization's own tokens"), "{e}");
}

/// Every model of a sweep that tools/keras_sweep.py wrote (`MLC_KERAS_SWEEP=DIR`: random
/// models of the supported layers, saved by Keras, with Keras' outputs), compiled in float32
/// and run (`.keras` and `.h5`): each within 1e-5 of Keras, or a list of those that are not.
#[test]
#[ignore = "needs MLC_KERAS_SWEEP=DIR, written by tools/keras_sweep.py (TensorFlow)"]
fn sweep_of_keras_models() {
    let Some(dir) = std::env::var_os("MLC_KERAS_SWEEP") else {
        println!("skipped: MLC_KERAS_SWEEP is not set (tools/keras_sweep.py writes the models)");
        return;
    };
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    let mut failed = Vec::new();
    for d in &dirs {
        let inputs = Inputs::Numbers(read_csv(&d.join("inputs.csv")));
        let expected = read_csv(&d.join("expected.csv"));
        for path in [d.join("model.keras"), d.join("model.h5")].into_iter().filter(|p| p.exists()) {
            let compiled = mlc_compiler::compile_models(
                &[mlc_compiler::ModelInput::parse(&format!("m={}", path.display())).unwrap()],
                &options(Target::Host, Some(false)),
            );
            let outcome = match compiled {
                Ok(c) => {
                    let bytes = mlc_format::AlignedBytes::copy_from(&c.bytes);
                    let d = worst(&run(&bytes, &inputs), &expected);
                    if d <= 1e-5 {
                        Ok(d)
                    } else {
                        Err(format!("max |Δ| = {d:e}"))
                    }
                }
                Err(e) => Err(e.to_string()),
            };
            println!("{}: {outcome:?}", path.display());
            if let Err(e) = outcome {
                failed.push(format!("{}: {e}", path.display()));
            }
        }
        // int8 for a microcontroller, calibrated on the inputs: it compiles (or is refused for
        // accumulators that could overflow, with that reason) and runs; its error is reported.
        let path = d.join(if d.join("model.keras").exists() { "model.keras" } else { "model.h5" });
        let Inputs::Numbers(rows) = &inputs else { unreachable!() };
        let lines = rows.iter().map(|r| r.iter().map(f32::to_string).collect::<Vec<_>>().join(",")).collect();
        let int8 =
            CompileOptions { calibration: Some(Calibration { source: "inputs".into(), lines }), ..options(Target::CortexM4, Some(true)) };
        match mlc_compiler::compile_models(&[mlc_compiler::ModelInput::parse(&format!("m={}", path.display())).unwrap()], &int8) {
            Ok(c) => {
                let got = run(&mlc_format::AlignedBytes::copy_from(&c.bytes), &inputs);
                let range = expected.iter().flatten().fold(0f32, |m, v| m.max(v.abs()));
                println!("{}: int8 max |Δ| = {:e} (outputs up to {range})", path.display(), worst(&got, &expected));
            }
            Err(mlc_compiler::CompileError::Quantize { .. }) => println!("{}: int8 refused (accumulator range)", path.display()),
            Err(e) => failed.push(format!("{}: int8: {e}", path.display())),
        }
    }
    assert!(failed.is_empty(), "{} of {} models:\n{}", failed.len(), dirs.len(), failed.join("\n"));
}
