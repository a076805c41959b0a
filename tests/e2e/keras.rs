//! Keras models: the importer and the float reference executor (candle) reproduce Keras'
//! probabilities on the committed test reviews, from Keras' token ids and from raw text
//! through the runtime tokenizer; unsupported layers and options are errors naming them.
//!
//! Everything runs on the MCU model (`imdb_cnn_mcu`, 0.3 MB of weights), which has the seed
//! model's layers, options and tokenizer. The 25 MB seed model (`imdb_cnn`) is loaded only by
//! the `#[ignore]`d `seed_model_*` tests, for what only its sizes exercise; `scripts/test.sh`
//! runs them (`cargo test -p mlc-tests --test keras -- --ignored seed_model_`). See
//! `tests/fixtures/sentiment/README.md`.

use mlc_compiler::import::keras;
use mlc_compiler::nn::reference::{predict, Batch};
use mlc_format::vocab::VocabTables;
use mlc_runtime::text::tokenize;
use mlc_tests::{fixture, keras_probabilities, reviews};

fn keras_ids(model: &str) -> Vec<Vec<u32>> {
    let text = std::fs::read_to_string(fixture(&format!("sentiment/expected_ids_{model}.csv"))).unwrap();
    text.lines().map(|l| l.split(',').map(|v| v.parse().unwrap()).collect()).collect()
}

#[test]
fn float_reference_reproduces_keras() {
    let model_name = "imdb_cnn_mcu";
    let model = keras::import_dir(&fixture(&format!("sentiment/{model_name}"))).unwrap();
    let want = keras_probabilities(model_name);
    let got = predict(&model, Batch::Ids(&keras_ids(model_name))).unwrap();
    let worst = got.iter().zip(&want).map(|(g, w)| (g[0] - w).abs()).fold(0f32, f32::max);
    println!("{model_name}: float reference vs Keras on {} reviews: max |Δ| = {worst:e}", want.len());
    assert!(worst <= 1e-5, "{model_name}: max |Δ| = {worst}");

    // From raw text: the runtime tokenizer gives Keras' ids, hence the same outputs.
    let spec = model.tokenizer.as_ref().expect("exported with its tokenizer");
    let tokens: Vec<&[u8]> = spec.vocab.iter().map(Vec::as_slice).collect();
    let tables = VocabTables::build(&tokens);
    let vocab = tables.view().unwrap();
    let mut scratch = vec![0u8; vocab.max_token_len()];
    let ids: Vec<Vec<u32>> = reviews()
        .iter()
        .map(|text| {
            let mut ids = vec![0u32; 400];
            tokenize(&vocab, spec.standardize, text, &mut scratch, &mut ids);
            ids
        })
        .collect();
    let from_text = predict(&model, Batch::Ids(&ids)).unwrap();
    assert_eq!(from_text, got, "{model_name}: text path differs from the ids path");
}

/// The float reference also runs the model after the graph passes (a folded embedding-
/// convolution, merged pooling, moved ReLU): what int8 calibration measures ranges on.
#[test]
fn float_reference_runs_the_passed_model() {
    use mlc_compiler::nn::passes;
    let original = keras::import_dir(&fixture("sentiment/imdb_cnn_mcu")).unwrap();
    let mut passed = original.clone();
    assert!(passes::fold_embedding(&mut passed, usize::MAX, 4).starts_with("embedding folded"));
    assert!(passes::merge_pooling(&mut passed).is_some());
    assert!(passes::relu_past_max_pool(&mut passed).is_some());
    let ids = keras_ids("imdb_cnn_mcu");
    let want = predict(&original, Batch::Ids(&ids)).unwrap();
    let got = predict(&passed, Batch::Ids(&ids)).unwrap();
    let worst = got.iter().zip(&want).map(|(g, w)| (g[0] - w[0]).abs()).fold(0f32, f32::max);
    assert!(worst <= 1e-5, "passed model vs original: max |Δ| = {worst}");
}

/// Imports the MCU model's export, read into memory, with `edit` applied to its config.
fn import_edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let dir = fixture("sentiment/imdb_cnn_mcu");
    let mut files = keras::read_dir(&dir).unwrap();
    let mut config: serde_json::Value = serde_json::from_slice(&files.config).unwrap();
    edit(&mut config);
    files.config = serde_json::to_vec(&config).unwrap();
    match keras::import_files(&dir, &files) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

/// The export read into memory imports as the directory does; a text model's vocabulary needs
/// its vectorizer.
#[test]
fn files_in_memory_import_as_the_directory() {
    let dir = fixture("sentiment/imdb_cnn_mcu");
    let files = keras::read_dir(&dir).unwrap();
    assert!(files.vocab.is_some() && files.vectorizer.is_some());
    assert_eq!(keras::import_files(std::path::Path::new("anywhere"), &files).unwrap(), keras::import_dir(&dir).unwrap());
    let err = keras::import_files(std::path::Path::new("mem"), &keras::KerasFiles { vectorizer: None, ..files }).unwrap_err().to_string();
    assert!(err.contains("mem/vectorizer.json") && err.contains("missing"), "{err}");
}

#[test]
fn unsupported_layers_and_options_are_named() {
    let layer = |i: usize| format!("/config/layers/{i}");
    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;
    let cases: Vec<(&str, Edit)> = vec![
        (
            // Causal padding is a convolution's; pooling has none.
            "layer `max_pooling1d`: padding = causal",
            Box::new(move |c| *c.pointer_mut(&format!("{}/config/padding", layer(4))).unwrap() = "causal".into()),
        ),
        (
            "layer `dense`: activation = \"gelu\"",
            Box::new(move |c| *c.pointer_mut(&format!("{}/config/activation", layer(6))).unwrap() = "gelu".into()),
        ),
        (
            "layer `embedding`: mask_zero = true",
            Box::new(move |c| *c.pointer_mut(&format!("{}/config/mask_zero", layer(1))).unwrap() = true.into()),
        ),
        ("layer `conv1d`: groups != 1", Box::new(move |c| *c.pointer_mut(&format!("{}/config/groups", layer(3))).unwrap() = 2.into())),
        (
            "layer `dense`: layer type LayerNormalization",
            Box::new(move |c| *c.pointer_mut(&format!("{}/class_name", layer(6))).unwrap() = "LayerNormalization".into()),
        ),
        (
            "layer `conv1d`: data_format = channels_first",
            Box::new(move |c| *c.pointer_mut(&format!("{}/config/data_format", layer(3))).unwrap() = "channels_first".into()),
        ),
        ("weight `dense/kernel` has shape", Box::new(move |c| *c.pointer_mut(&format!("{}/config/units", layer(6))).unwrap() = 33.into())),
    ];
    for (expect, edit) in cases {
        let err = import_edited(edit);
        assert!(err.contains(expect), "expected `{expect}`, got `{err}`");
    }
}

/// `Activation` and `ReLU` layers are taken by the layer before them where it has no activation
/// of its own (tests/fixtures/keras_files/act_layers checks the values against Keras); anywhere
/// else they are errors naming the layer and the reason.
#[test]
fn activation_layers_elsewhere_are_named() {
    let insert = |at: usize, layer: serde_json::Value| {
        import_edited(move |c| c.pointer_mut("/config/layers").unwrap().as_array_mut().unwrap().insert(at, layer))
    };
    let act = |activation: &str| serde_json::json!({"class_name": "Activation", "config": {"name": "act", "activation": activation}});
    let relu = |extra: serde_json::Value| {
        let mut config = serde_json::json!({"name": "relu"});
        config.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        serde_json::json!({"class_name": "ReLU", "config": config})
    };
    let cases = [
        (insert(5, act("relu")), "layer `act`: Activation after `max_pooling1d` (only after a Conv1D, Dense or BatchNormalization)"),
        (insert(4, act("relu")), "layer `act`: Activation after `conv1d`, which has an activation already"),
        (insert(1, act("relu")), "layer `act`: Activation as the first layer"),
        (insert(5, relu(serde_json::json!({"max_value": 6.0}))), "layer `relu`: ReLU with max_value, negative_slope or threshold"),
        (insert(5, relu(serde_json::json!({"negative_slope": 0.1}))), "layer `relu`: ReLU with max_value, negative_slope or threshold"),
    ];
    for (err, want) in cases {
        assert!(err.contains(want), "expected `{want}`, got `{err}`");
    }
    // After the output Dense (sigmoid): already activated; `linear` is the identity anywhere.
    let err = insert(9, act("tanh"));
    assert!(err.contains("layer `act`: Activation after `dense_1`, which has an activation already"), "{err}");
    assert_eq!(insert(9, act("linear")), "");
    assert_eq!(insert(5, act("linear")), "");
}

/// How a test compiles a sentiment model.
#[derive(Clone, Copy, Debug)]
enum Build {
    /// Host, float32 (the default there).
    Float,
    /// `--numeric int8` for `target`, calibrated on the first half of the committed reviews.
    Int8(mlc_compiler::Target),
}

/// Compiles a sentiment model; returns the artifact's size and the runtime's probability for
/// every committed review, from raw text.
fn runtime_probabilities(model_name: &str, build: Build) -> (usize, Vec<f32>) {
    let spec = mlc_compiler::ModelSpec::parse(&format!("m={}", fixture(&format!("sentiment/{model_name}")).display())).unwrap();
    let options = match build {
        Build::Float => mlc_tests::options(mlc_compiler::Target::Host, Some(false)),
        Build::Int8(target) => {
            mlc_compiler::CompileOptions { calibration: Some(mlc_tests::review_calibration()), ..mlc_tests::options(target, Some(true)) }
        }
    };
    let compiled = mlc_compiler::compile(&[spec], &options).unwrap();
    let report = &compiled.reports[0].text;
    assert_eq!(report.contains("int8"), matches!(build, Build::Int8(_)), "{report}");
    assert!(report.contains("accuracy vs the float original"), "{report}");
    let bytes = mlc_format::AlignedBytes::copy_from(&compiled.bytes);
    let artifact = mlc_format::Artifact::parse(&bytes).unwrap();
    let mlc_runtime::Model::Net(net) = mlc_runtime::Model::by_name(&artifact, "m").unwrap() else { panic!("not a network") };
    let mut scratch = vec![0f32; net.scratch_len()];
    let mut token_scratch = vec![0u8; net.vocab().unwrap().max_token_len()];
    let mut ids = vec![0u32; 400];
    let probabilities = reviews()
        .iter()
        .map(|text| {
            let mut out = [0f32];
            net.predict_text(text, &mut token_scratch, &mut ids, &mut scratch, &mut out).unwrap();
            out[0]
        })
        .collect();
    (compiled.bytes.len(), probabilities)
}

/// Max |Δ| and the number of equal decisions (at 0.5) of the compiled model vs Keras, out of
/// how many reviews; and the artifact's size.
fn compare_to_keras(model_name: &str, build: Build) -> (f32, usize, usize, usize) {
    let want = keras_probabilities(model_name);
    let (size, got) = runtime_probabilities(model_name, build);
    let worst = got.iter().zip(&want).map(|(g, w)| (g - w).abs()).fold(0f32, f32::max);
    let same = got.iter().zip(&want).filter(|(g, w)| (**g > 0.5) == (**w > 0.5)).count();
    println!("{model_name} ({build:?}, {size} bytes): runtime vs Keras: max |Δ| = {worst:e}, same decision on {same}/{}", want.len());
    (worst, same, want.len(), size)
}

#[test]
fn compiled_float_network_reproduces_keras_from_raw_text() {
    let model_name = "imdb_cnn_mcu";
    let (worst, same, n, _) = compare_to_keras(model_name, Build::Float);
    assert!(worst <= 1e-5, "{model_name}: {worst}");
    assert_eq!(same, n);
}

/// The int8 build of `model_name` for `target` decides as Keras does on ≥ 99 % of the reviews
/// (and fits a microcontroller's flash on Cortex-M4).
fn assert_int8_keeps_keras_decisions(model_name: &str, target: mlc_compiler::Target) {
    let (_, same, n, size) = compare_to_keras(model_name, Build::Int8(target));
    assert!(same as f64 >= 0.99 * n as f64, "{model_name} on {target}: {same}/{n}");
    if target == mlc_compiler::Target::CortexM4 {
        assert!(size <= 256 << 10, "{model_name}: {size} bytes for a microcontroller");
    }
}

#[test]
fn int8_networks_keep_keras_decisions() {
    use mlc_compiler::Target::{CortexM4, Host};
    // Host: embedding folded into int8 tables; Cortex-M4: int8 embedding, convolution, dense.
    for (model_name, target) in [("imdb_cnn_mcu", Host), ("imdb_cnn_mcu", CortexM4)] {
        assert_int8_keeps_keras_decisions(model_name, target);
    }
}

/// The seed model's int8 host build: 256-channel folded convolution and 256 → 256 dense, so
/// the int8 kernels' 64-channel blocks and blocks past the first (`c0 > 0`) run end to end;
/// the MCU model's 32 channels take one 32-channel block.
#[test]
#[ignore = "loads the 25 MB seed model (imdb_cnn); scripts/test.sh runs it"]
fn seed_model_int8_keeps_keras_decisions_on_host() {
    assert_int8_keeps_keras_decisions("imdb_cnn", mlc_compiler::Target::Host);
}

#[test]
fn empty_calibration_is_an_error_naming_the_file() {
    let spec = mlc_compiler::ModelSpec::parse(&format!("m={}", fixture("sentiment/imdb_cnn_mcu").display())).unwrap();
    let calibration = mlc_compiler::Calibration { source: "calib.txt".into(), lines: Vec::new() };
    let options =
        mlc_compiler::CompileOptions { calibration: Some(calibration), ..mlc_tests::options(mlc_compiler::Target::CortexM4, None) };
    let err = mlc_compiler::compile(&[spec], &options).expect_err("no calibration inputs").to_string();
    assert!(err.contains("calib.txt") && err.contains("no calibration inputs"), "{err}");
}
