//! Keras models that contain their `TextVectorization` layer (tests/fixtures/keras_textvec,
//! written by tools/make_keras_textvec_fixtures.py: saved by Keras as `.keras`, exported by
//! tools/export_keras.py, with Keras' own token ids and outputs on 20 test strings): compiled
//! from the export alone and run from raw text by the runtime, against Keras; the options the
//! runtime's tokenizer cannot honour are refused by name.

use mlc_compiler::import::keras::{import_dir, import_files, read_dir};
use mlc_compiler::{Calibration, CompileOptions, Target};
use mlc_format::manifest::{NetInput, TextStandardize};
use mlc_format::Artifact;
use mlc_runtime::{Input, Model, ScratchBuf};
use mlc_tests::{compile, fixture, keras_texts as texts, mlc_command, options, read_csv, worst};
use serde_json::Value;

/// The fixture models, with the standardisation each one's layer was given.
const CASES: [(&str, TextStandardize); 5] = [
    ("seq_default", TextStandardize::LowerAndStripPunctuation),
    ("fn_lower", TextStandardize::Lower),
    ("seq_strip", TextStandardize::StripPunctuation),
    ("fn_raw", TextStandardize::None),
    // Keras' guide: the trained Functional model nested behind the vectorizer.
    ("guide_e2e", TextStandardize::LowerAndStripPunctuation),
];

fn dir(name: &str) -> std::path::PathBuf {
    fixture(&format!("keras_textvec/{name}"))
}

/// Model `name` compiled for `target` (int8 with `int8`, calibrated on the test strings).
fn compiled(name: &str, target: Target, int8: bool) -> mlc_format::AlignedBytes {
    let calibration = int8.then(|| Calibration { source: "texts.json".into(), lines: texts() });
    let options = CompileOptions { calibration, ..options(target, Some(int8)) };
    compile(&[format!("m={}", dir(name).display())], &options)
}

/// The runtime's token ids and outputs for each test string, from raw text.
fn run(bytes: &[u8]) -> (Vec<Vec<f32>>, Vec<Vec<f32>>) {
    let artifact = Artifact::parse(bytes).unwrap();
    let model = Model::by_name(&artifact, "m").unwrap();
    assert!(model.input_kind().takes_text(), "the artifact takes raw text");
    let mut scratch = ScratchBuf::new();
    let mut ids = Vec::new();
    let mut outputs = Vec::new();
    for text in texts() {
        let mut s = scratch.for_model(&model);
        ids.push(model.tokenize(text.as_bytes(), &mut s).unwrap().iter().map(|&id| id as f32).collect());
        let mut out = vec![0f32; model.num_outputs()];
        model.predict(Input::Text(text.as_bytes()), &mut s, &mut out).unwrap();
        outputs.push(out);
    }
    (ids, outputs)
}

#[test]
fn the_layer_becomes_the_models_tokenizer() {
    for (name, standardize) in CASES {
        let model = import_dir(&dir(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let keras_ids = read_csv(&dir(name).join("ids.csv"));
        let tokenizer = model.tokenizer.as_ref().unwrap_or_else(|| panic!("{name}: no tokenizer"));
        assert_eq!(tokenizer.standardize, standardize, "{name}");
        assert_eq!(model.input, NetInput::TokenIds { length: keras_ids[0].len() as u32 }, "{name}: output_sequence_length");
        let vocab = std::fs::read_to_string(dir(name).join("vocab.txt")).unwrap();
        assert_eq!(tokenizer.vocab.len(), vocab.lines().count(), "{name}");
        assert_eq!(model.layers.first().map(|l| l.name.starts_with("embedding")), Some(true), "{name}: the layer is not a network layer");
    }
    // The layer's vocabulary comes from the export alone: no vectorizer.json is needed.
    let mut files = read_dir(&dir("fn_lower")).unwrap();
    let with = import_files(&dir("fn_lower"), &files).unwrap();
    files.vectorizer = None;
    assert_eq!(import_files(&dir("fn_lower"), &files).unwrap(), with);
}

#[test]
fn raw_text_gives_keras_ids_and_outputs_in_float32() {
    for (name, _) in CASES {
        let (ids, outputs) = run(&compiled(name, Target::Host, false));
        let keras_ids = read_csv(&dir(name).join("ids.csv"));
        for (i, (got, want)) in ids.iter().zip(&keras_ids).enumerate() {
            assert_eq!(got, want, "{name}: text {i} {:?}: ids", texts()[i]);
        }
        let d = worst(&outputs, &read_csv(&dir(name).join("expected.csv")));
        println!("{name}: runtime float32 vs Keras on strings: max |Δ| = {d:e}");
        assert!(d <= 1e-5, "{name}: the compiled model differs from Keras by {d}");
    }
}

#[test]
fn int8_builds_stay_close_to_keras() {
    for (name, _) in CASES {
        let (ids, outputs) = run(&compiled(name, Target::CortexM4, true));
        assert_eq!(ids, read_csv(&dir(name).join("ids.csv")), "{name}: the same tokenizer in int8");
        let expected = read_csv(&dir(name).join("expected.csv"));
        let d = worst(&outputs, &expected);
        let range = expected.iter().flatten().fold(0f32, |m, v| m.max(v.abs()));
        println!("{name}: runtime int8 vs Keras on strings: max |Δ| = {d:e} (outputs up to {range})");
        assert!(d <= 0.05 * range.max(1.0), "{name}: int8 differs from Keras by {d} (outputs up to {range})");
    }
}

/// What a user runs: `mlc compile` on the export directory, `mlc predict` on raw text lines.
#[test]
fn mlc_compile_and_predict_from_raw_text() {
    let tmp = tempfile::tempdir().unwrap();
    let artifact = tmp.path().join("m.mlc");
    let out = mlc_command().arg("compile").arg(dir("seq_default")).arg("-o").arg(&artifact).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The strings that are one line each (predict reads one record per line).
    let (lines, expected): (Vec<String>, Vec<f32>) = texts()
        .into_iter()
        .zip(read_csv(&dir("seq_default").join("expected.csv")))
        .filter(|(t, _)| !t.contains(['\n', '\r']))
        .map(|(t, e)| (t, e[0]))
        .unzip();
    let input = tmp.path().join("texts.txt");
    std::fs::write(&input, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    let out = mlc_command().arg("predict").arg(&artifact).arg(&input).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Vec<f32> = String::from_utf8(out.stdout).unwrap().lines().map(|l| l.parse().unwrap()).collect();
    assert_eq!(got.len(), lines.len(), "one answer per line, the empty line included");
    let d = got.iter().zip(&expected).map(|(g, w)| (g - w).abs()).fold(0f32, f32::max);
    assert!(d <= 1e-5, "mlc predict differs from Keras by {d}");
}

/// `seq_default`'s export with its TextVectorization layer's config replaced by `layer` (as
/// Keras serializes a layer), imported: the error.
fn with_vectorizer(layer: &Value) -> String {
    let mut files = read_dir(&dir("seq_default")).unwrap();
    let mut config: Value = serde_json::from_slice(&files.config).unwrap();
    let layers = config["config"]["layers"].as_array_mut().unwrap();
    let slot = layers.iter_mut().find(|l| l["class_name"] == "TextVectorization").unwrap();
    slot["config"] = layer["config"].clone();
    files.config = serde_json::to_vec(&config).unwrap();
    match import_files(&dir("seq_default"), &files) {
        Ok(_) => String::from("(imported)"),
        Err(e) => e.to_string(),
    }
}

/// Every option the runtime's tokenizer cannot honour, as Keras saves it, is refused with an
/// error naming the layer, the option and its value.
#[test]
fn unsupported_options_are_named() {
    let layers: serde_json::Map<String, Value> =
        serde_json::from_slice(&std::fs::read(fixture("keras_textvec/unsupported.json")).unwrap()).unwrap();
    let want = [
        ("ngrams", "TextVectorization ngrams = 2 (only None)"),
        ("output_mode_tf_idf", "TextVectorization output_mode = \"tf_idf\" (only \"int\")"),
        ("output_mode_multi_hot", "TextVectorization output_mode = \"multi_hot\" (only \"int\")"),
        ("split_character", "TextVectorization split = \"character\" (only \"whitespace\")"),
        ("split_none", "TextVectorization split = None (only \"whitespace\")"),
        ("split_callable", "TextVectorization split = the callable `mlc_fixtures>split_on_commas`"),
        ("standardize_callable", "TextVectorization standardize = the callable `mlc_fixtures>standardize_nfkc`"),
        ("output_sequence_length_none", "TextVectorization output_sequence_length = None"),
        ("ragged", "TextVectorization ragged = true"),
    ];
    assert_eq!(layers.len(), want.len(), "every case of unsupported.json is checked");
    for (key, message) in want {
        let layer = &layers[key];
        let name = layer["config"]["name"].as_str().unwrap();
        let e = with_vectorizer(layer);
        assert!(e.contains("config.json: unsupported: ") && e.contains(&format!("layer `{name}`: {message}")), "{key}: {e}");
    }
}

/// The export's vocabulary must be there and fit the layer's options.
#[test]
fn the_vocabulary_is_checked() {
    let d = dir("seq_default");
    let files = read_dir(&d).unwrap();
    let e = import_files(&d, &mlc_compiler::import::keras::KerasFiles { vocab: None, ..files.clone() }).unwrap_err().to_string();
    assert!(e.contains("vocab.txt") && e.contains("missing") && e.contains("TextVectorization layer `text_vectorization"), "{e}");
    // max_tokens = 40: a 41st token does not fit.
    let mut vocab = files.vocab.clone().unwrap();
    vocab.extend_from_slice(b"extra\n");
    let e = import_files(&d, &mlc_compiler::import::keras::KerasFiles { vocab: Some(vocab), ..files.clone() }).unwrap_err().to_string();
    assert!(e.contains("holds 41 tokens, more than max_tokens = 40"), "{e}");
    // Without the layer, the string input reaches the embedding.
    let mut config: Value = serde_json::from_slice(&files.config).unwrap();
    config["config"]["layers"].as_array_mut().unwrap().retain(|l| l["class_name"] != "TextVectorization");
    let files = mlc_compiler::import::keras::KerasFiles { config: serde_json::to_vec(&config).unwrap(), ..files };
    let e = import_files(&d, &files).unwrap_err().to_string();
    assert!(e.contains("Embedding on strings (only a TextVectorization takes them)"), "{e}");
}

/// A vectorizer saved beside a model that takes token ids (`vectorizer.json`, the committed
/// sentiment models) is read by the same rules: the same options refused by the same words.
#[test]
fn a_vectorizer_saved_beside_the_model_is_checked_alike() {
    let d = fixture("sentiment/imdb_cnn_mcu");
    let files = read_dir(&d).unwrap();
    let edited = |key: &str, value: Value| {
        let mut cfg: Value = serde_json::from_slice(files.vectorizer.as_deref().unwrap()).unwrap();
        cfg[key] = value;
        let files = mlc_compiler::import::keras::KerasFiles { vectorizer: Some(serde_json::to_vec(&cfg).unwrap()), ..files.clone() };
        import_files(&d, &files).unwrap_err().to_string()
    };
    let e = edited("ngrams", 2.into());
    assert!(e.contains("vectorizer.json: unsupported: layer `text_vectorization`: TextVectorization ngrams = 2 (only None)"), "{e}");
    let e = edited("split", "character".into());
    assert!(e.contains("TextVectorization split = \"character\" (only \"whitespace\")"), "{e}");
    let e = edited("output_sequence_length", 399.into());
    assert!(e.contains("output_sequence_length = 399, but the model takes 400 token ids"), "{e}");
}
