//! The `mlc` command line end to end: compile → inspect → predict against XGBoost's outputs,
//! and every bad input exits non-zero with a message naming file, line and column.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn mlc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mlc")).args(args).output().expect("run mlc")
}

fn mlc_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mlc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // mlc may exit (on a usage error) before reading its input: a broken pipe is expected then.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(rel).display().to_string()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mlc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "mlc failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn fails(out: &Output) -> String {
    assert!(!out.status.success(), "mlc should have failed; stdout: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Held-out churn rows without the state column.
fn heldout_features() -> (PathBuf, Vec<String>) {
    let text = std::fs::read_to_string(fixture("churn/heldout.csv")).unwrap();
    let states: Vec<String> = text.lines().map(|l| l.split(',').next().unwrap().to_string()).collect();
    let path = tmp("heldout_features.csv");
    let body: String = text.lines().map(|l| l.split_once(',').unwrap().1.to_string() + "\n").collect();
    std::fs::write(&path, body).unwrap();
    (path, states)
}

#[test]
fn help_on_every_command() {
    for args in [&["--help"][..], &["compile", "--help"], &["inspect", "--help"], &["predict", "--help"]] {
        let text = ok(&mlc(args));
        assert!(text.contains("Usage"), "{args:?}: {text}");
    }
}

#[test]
fn compile_inspect_predict_matches_xgboost() {
    let out = tmp("all.mlc");
    let report = ok(&mlc(&["compile", &fixture("churn/models/all_states.json"), "-o", out.to_str().unwrap()]));
    assert!(report.contains("all_states:") && report.contains("bit-exact"), "{report}");
    let inspect = ok(&mlc(&["inspect", out.to_str().unwrap()]));
    for needle in ["model all_states", "18 features", "tree-nodes", "tree-splits", "sha256", "xgboost 3.2.0", "binary:logistic"] {
        assert!(inspect.contains(needle), "inspect lacks {needle}: {inspect}");
    }
    let (features, _) = heldout_features();
    let probs = ok(&mlc(&["predict", out.to_str().unwrap(), features.to_str().unwrap()]));
    let margins = ok(&mlc(&["predict", "--margin", out.to_str().unwrap(), features.to_str().unwrap()]));
    let expected = std::fs::read_to_string(fixture("churn/expected_all_states.csv")).unwrap();
    assert_eq!(probs.lines().count(), expected.lines().count());
    for ((p, m), e) in probs.lines().zip(margins.lines()).zip(expected.lines()) {
        let (em, ep) = e.split_once(',').unwrap();
        let (em, ep): (f32, f32) = (em.parse().unwrap(), ep.parse().unwrap());
        assert_eq!(m.parse::<f32>().unwrap().to_bits(), em.to_bits(), "printed margins round-trip bit-exactly");
        assert!((p.parse::<f32>().unwrap() - ep).abs() <= 1e-6);
    }
    // Standard input gives the same lines.
    let stdin = ok(&mlc_stdin(&["predict", out.to_str().unwrap()], &std::fs::read(&features).unwrap()));
    assert_eq!(stdin, probs);
}

/// XGBoost's other model forms through the command line: a legacy binary file (0.90) and a model
/// with categorical splits (format 1.8), compiled together into a bundle; `mlc inspect` names the
/// categorical layout; `mlc predict` of CSV rows of category codes gives XGBoost's predictions.
#[test]
fn binary_and_categorical_xgboost_models_compile_and_predict() {
    let out = tmp("forms.mlc");
    let binary = format!("old={}", fixture("xgboost_binary/0.90/binary_logistic.model"));
    let categorical = format!("cat={}", fixture("xgboost_categorical/3.2.0/partition.json"));
    ok(&mlc(&["compile", &binary, &categorical, "-o", out.to_str().unwrap()]));
    let inspect = ok(&mlc(&["inspect", out.to_str().unwrap()]));
    for needle in ["model old", "xgboost 0.x", "model cat", "LinkedCategorical", "tree-categories"] {
        assert!(inspect.contains(needle), "inspect lacks {needle}: {inspect}");
    }
    for (model, dir, name) in [("old", "xgboost_binary/0.90", "binary_logistic"), ("cat", "xgboost_categorical/3.2.0", "partition")] {
        let rows = fixture(&format!("{dir}/inputs.csv"));
        let got = ok(&mlc(&["predict", "--margin", "--model", model, out.to_str().unwrap(), &rows]));
        let expected = std::fs::read_to_string(fixture(&format!("{dir}/{name}.expected.csv"))).unwrap();
        assert_eq!(got.lines().count(), expected.lines().count(), "{model}");
        for (g, e) in got.lines().zip(expected.lines()) {
            let want: f32 = e.split(',').next().unwrap().parse().unwrap();
            assert_eq!(g.parse::<f32>().unwrap().to_bits(), want.to_bits(), "{model}: {g} != XGBoost {want}");
        }
    }
}

#[test]
fn bundle_needs_a_model_name_and_routes_by_it() {
    let out = tmp("bundle.mlc");
    let (ak, vt) = (fixture("churn/models/states/AK.json"), fixture("churn/models/states/VT.ubj"));
    ok(&mlc(&["compile", &format!("AK={ak}"), &vt, "-o", out.to_str().unwrap(), "--target", "cortex-m3"]));
    let inspect = ok(&mlc(&["inspect", out.to_str().unwrap()]));
    assert!(inspect.contains("model AK") && inspect.contains("model VT") && inspect.contains("Fixed"), "{inspect}");
    assert!(!inspect.contains("tree-splits"), "microcontroller artifacts carry no bitvector index: {inspect}");
    let row = b"101,510,0,0,0,70.9,123,12.05,211.9,73,18.01,236,73,10.62,10.6,3,2.86,3\n";
    let err = fails(&mlc_stdin(&["predict", out.to_str().unwrap()], row));
    assert!(err.contains("--model"), "{err}");
    let a = ok(&mlc_stdin(&["predict", out.to_str().unwrap(), "--model", "VT"], row));
    assert_eq!(a.lines().count(), 1);
    let err = fails(&mlc_stdin(&["predict", out.to_str().unwrap(), "--model", "TX"], row));
    assert!(err.contains("no model named `TX`") && err.contains("AK"), "{err}");
}

#[test]
fn bad_csv_names_file_line_and_column() {
    let art = tmp("bad.mlc");
    ok(&mlc(&["compile", &format!("m={}", fixture("churn/models/states/AK.json")), "-o", art.to_str().unwrap()]));
    let good = "101,510,0,0,0,70.9,123,12.05,211.9,73,18.01,236,73,10.62,10.6,3,2.86,3";
    let input = tmp("bad.csv");
    std::fs::write(&input, format!("{good}\n{good}\n101,510,0,0,abc,70.9,123,12.05,211.9,73,18.01,236,73,10.62,10.6,3,2.86,3\n")).unwrap();
    let out = mlc(&["predict", art.to_str().unwrap(), input.to_str().unwrap()]);
    let err = fails(&out);
    assert!(err.contains("bad.csv") && err.contains("line 3") && err.contains("column 5") && err.contains("abc"), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2, "rows before the bad one are still answered");

    std::fs::write(&input, "1,2,3\n").unwrap();
    let err = fails(&mlc(&["predict", art.to_str().unwrap(), input.to_str().unwrap()]));
    assert!(err.contains("line 1") && err.contains("expected 18 fields") && err.contains("found 3"), "{err}");

    // CRLF line ends, a missing trailing newline and empty (missing) fields are fine.
    std::fs::write(&input, format!("{good}\r\n,,,,,,,,,,,,,,,,,")).unwrap();
    assert_eq!(ok(&mlc(&["predict", art.to_str().unwrap(), input.to_str().unwrap()])).lines().count(), 2);
}

#[test]
fn corrupted_artifacts_and_bad_models_are_reported() {
    let art = tmp("corrupt.mlc");
    ok(&mlc(&["compile", &fixture("churn/models/states/AK.json"), "-o", art.to_str().unwrap()]));
    let mut bytes = std::fs::read(&art).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xFF;
    std::fs::write(&art, &bytes).unwrap();
    let err = fails(&mlc(&["inspect", art.to_str().unwrap()]));
    assert!(err.contains("corrupt.mlc") && err.contains("checksum"), "{err}");
    std::fs::write(&art, &bytes[..100]).unwrap();
    let err = fails(&mlc(&["predict", art.to_str().unwrap()]));
    assert!(err.contains("truncated"), "{err}");

    let err = fails(&mlc(&["compile", "/nonexistent/model.json", "-o", art.to_str().unwrap()]));
    assert!(err.contains("/nonexistent/model.json"), "{err}");
    // A gblinear model whose weights do not fit its feature count is named for what is wrong.
    let text = std::fs::read_to_string(fixture("xgboost/2.1.4/gblinear.json")).unwrap();
    let bad = tmp("short_weights.json");
    std::fs::write(&bad, text.replacen("\"weights\":[", "\"weights\":[1.0,", 1)).unwrap();
    let err = fails(&mlc(&["compile", bad.to_str().unwrap(), "-o", art.to_str().unwrap()]));
    assert!(err.contains("short_weights.json") && err.contains("gblinear weights: 8 values for 6 features and 1 groups"), "{err}");
    let categorical = fixture("xgboost/2.1.4/categorical.json");
    let err = fails(&mlc(&["compile", &categorical, "-o", art.to_str().unwrap(), "--layout", "complete"]));
    assert!(err.contains("categorical splits") && err.contains("--layout linked"), "{err}");
    let err = fails(&mlc(&["compile", &fixture("churn/heldout.csv"), "-o", art.to_str().unwrap()]));
    assert!(err.contains("heldout.csv"), "{err}");
    let err = fails(&mlc(&["compile", &fixture("churn/models/all_states.json"), "-o", art.to_str().unwrap(), "--target", "pdp11"]));
    assert!(err.contains("unknown target"), "{err}");
}

#[test]
fn sentiment_model_predicts_from_raw_text_and_from_ids() {
    let art = tmp("mcu.mlc");
    let report = ok(&mlc(&["compile", &fixture("sentiment/imdb_cnn_mcu"), "-o", art.to_str().unwrap()]));
    assert!(report.contains("accuracy vs the float original on"), "{report}");
    let inspect = ok(&mlc(&["inspect", art.to_str().unwrap()]));
    assert!(inspect.contains("raw text") && inspect.contains("vocab-slots"), "{inspect}");
    let reviews = std::fs::read(fixture("sentiment/reviews.txt")).unwrap();
    let probs = ok(&mlc_stdin(&["predict", art.to_str().unwrap()], &reviews));
    let expected = std::fs::read_to_string(fixture("sentiment/expected_keras_imdb_cnn_mcu.csv")).unwrap();
    assert_eq!(probs.lines().count(), expected.lines().count(), "one line per review, empty lines included");
    for (got, want) in probs.lines().zip(expected.lines()) {
        assert!((got.parse::<f32>().unwrap() - want.parse::<f32>().unwrap()).abs() <= 1e-5);
    }
    // --format ids: Keras' own ids give the same lines.
    let ids = std::fs::read(fixture("sentiment/expected_ids_imdb_cnn_mcu.csv")).unwrap();
    assert_eq!(ok(&mlc_stdin(&["predict", art.to_str().unwrap(), "--format", "ids"], &ids)), probs);
    // A byte order mark (an editor's) is not part of the first line.
    assert_eq!(ok(&mlc_stdin(&["predict", art.to_str().unwrap()], &[b"\xEF\xBB\xBF", &reviews[..]].concat())), probs);
    assert_eq!(ok(&mlc_stdin(&["predict", art.to_str().unwrap(), "--format", "ids"], &[b"\xEF\xBB\xBF", &ids[..]].concat())), probs);
    // Bad id lines name line and column.
    let err = fails(&mlc_stdin(&["predict", art.to_str().unwrap(), "--format", "ids"], b"1,2,3\n"));
    assert!(err.contains("line 1") && err.contains("expected 400 token ids"), "{err}");
    let mut line = vec!["7"; 400];
    line[9] = "99999";
    let err = fails(&mlc_stdin(&["predict", art.to_str().unwrap(), "--format", "ids"], (line.join(",") + "\n").as_bytes()));
    assert!(err.contains("line 1") && err.contains("token id 99999 at position 10"), "{err}");
}

#[test]
fn int8_sentiment_model_for_a_microcontroller() {
    let art = tmp("mcu-int8.mlc");
    let calibration = fixture("sentiment/reviews.txt");
    let args = [
        "compile",
        &fixture("sentiment/imdb_cnn_mcu"),
        "--target",
        "cortex-m4",
        "--calibration",
        &calibration,
        "-o",
        art.to_str().unwrap(),
    ];
    let out = mlc(&args);
    let report = ok(&out);
    assert!(report.contains("int8") && report.contains("296 inputs of") && report.contains("decisions agree on"), "{report}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"), "calibrated: no warning");
    assert!(std::fs::metadata(&art).unwrap().len() <= 256 << 10, "the microcontroller artifact exceeds 256 KB");
    let inspect = ok(&mlc(&["inspect", art.to_str().unwrap()]));
    assert!(
        inspect.contains("net-weights-i8") && inspect.contains("net-quant") && inspect.contains("--calibration reviews.txt"),
        "{inspect}"
    );
    // Same decisions as Keras on at least 99 % of the reviews, through the CLI.
    let reviews = std::fs::read(&calibration).unwrap();
    let probs = ok(&mlc_stdin(&["predict", art.to_str().unwrap()], &reviews));
    let expected = std::fs::read_to_string(fixture("sentiment/expected_keras_imdb_cnn_mcu.csv")).unwrap();
    let same =
        probs.lines().zip(expected.lines()).filter(|(g, w)| (g.parse::<f32>().unwrap() > 0.5) == (w.parse::<f32>().unwrap() > 0.5)).count();
    assert!(same * 100 >= 99 * expected.lines().count(), "{same}/{}", expected.lines().count());
    // Without calibration data: probe inputs, and a warning that says so.
    let out = mlc(&["compile", &fixture("sentiment/imdb_cnn_mcu"), "--target", "cortex-m4", "-o", art.to_str().unwrap()]);
    ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: imdb_cnn_mcu: int8 activations calibrated on probe inputs") && stderr.contains("--calibration FILE"),
        "{stderr}"
    );
    // A calibration file that does not exist is named.
    let err = fails(&mlc(&[
        "compile",
        &fixture("sentiment/imdb_cnn_mcu"),
        "--calibration",
        "/nonexistent/calib.txt",
        "-o",
        art.to_str().unwrap(),
    ]));
    assert!(err.contains("/nonexistent/calib.txt"), "{err}");
}

/// A Keras model (the directory `tools/export_keras.py` writes) of one linear Dense layer on 3
/// floats with 2 outputs. Its weights are exact in binary, so its outputs are exact sums.
fn float_network() -> PathBuf {
    let dir = tmp("dense3");
    std::fs::create_dir_all(&dir).unwrap();
    let config = r#"{"class_name": "Sequential", "config": {"name": "dense3", "layers": [
        {"class_name": "InputLayer", "config": {"name": "x", "batch_shape": [null, 3], "dtype": "float32"}},
        {"class_name": "Dense", "config": {"name": "dense", "units": 2, "activation": "linear", "use_bias": true}}]}}"#;
    std::fs::write(dir.join("config.json"), config).unwrap();
    // kernel[i][j] (3 × 2, row-major), then bias.
    let weights = [1.0f32, 2.0, 0.5, -1.0, 0.0, 3.0, 0.25, -0.5];
    let header = r#"{"dense/kernel": {"dtype": "F32", "shape": [3, 2], "data_offsets": [0, 24]}, "dense/bias": {"dtype": "F32", "shape": [2], "data_offsets": [24, 32]}}"#;
    let mut bytes = (header.len() as u64).to_le_bytes().to_vec();
    bytes.extend_from_slice(header.as_bytes());
    bytes.extend(weights.iter().flat_map(|w| w.to_le_bytes()));
    std::fs::write(dir.join("model.safetensors"), bytes).unwrap();
    dir
}

#[test]
fn float_input_network_predicts_from_csv_as_transform_does() {
    let art = tmp("dense3.mlc");
    ok(&mlc(&["compile", float_network().to_str().unwrap(), "-o", art.to_str().unwrap()]));
    let input = tmp("dense3.csv");
    std::fs::write(&input, "1,2,3\n0,0,0\r\n-1,0.5,2").unwrap();
    assert_eq!(ok(&mlc(&["predict", art.to_str().unwrap(), input.to_str().unwrap()])), "2.25,8.5\n0.25,-0.5\n-0.5,3.0\n");
    // The same records through `mlc transform`.
    let out = tmp("dense3-out");
    ok(&mlc(&["transform", art.to_str().unwrap(), input.to_str().unwrap(), "--output-dir", out.to_str().unwrap()]));
    assert_eq!(std::fs::read_to_string(out.join("dense3.csv.out")).unwrap(), "[2.25,8.5]\n[0.25,-0.5]\n[-0.5,3.0]\n");
    // Bad records are named as for a tree model; an empty line is a bad record, as in transform.
    let result = mlc_stdin(&["predict", art.to_str().unwrap()], b"1,2,3\n1,two,3\n");
    assert!(fails(&result).contains("<stdin>: line 2: column 2: `two` is not a number"), "{}", fails(&result));
    assert_eq!(String::from_utf8_lossy(&result.stdout), "2.25,8.5\n", "the record before the bad one is answered");
    let err = fails(&mlc_stdin(&["predict", art.to_str().unwrap()], b"1,2,3\n\n"));
    assert!(err.contains("<stdin>: line 2: empty line"), "{err}");
    let err = fails(&mlc_stdin(&["predict", art.to_str().unwrap()], b"1,2\n"));
    assert!(err.contains("line 1: expected 3 fields (the model's feature count), found 2"), "{err}");
}

/// One rule for token ids in `mlc predict --format ids`, `mlc transform`'s CSV and its JSON
/// Lines: a decimal integer; `1.0` is not one.
#[test]
fn token_ids_are_integers_in_predict_and_transform() {
    let art = tmp("tiny-text.mlc");
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds/tiny_text_cnn");
    ok(&mlc(&["compile", model.to_str().unwrap(), "-o", art.to_str().unwrap()]));
    let ids: Vec<String> = (0..16).map(|i| (i % 12).to_string()).collect();
    let line = ids.join(",");
    let decimal = format!("1.0{}", &line[1..]);
    let input = tmp("ids.csv");
    std::fs::write(&input, format!("{line}\n{decimal}\n")).unwrap();
    let result = mlc(&["predict", art.to_str().unwrap(), "--format", "ids", input.to_str().unwrap()]);
    let err = fails(&result);
    assert!(err.contains("ids.csv: line 2: column 1: `1.0` is not a token id"), "{err}");
    let predicted: f32 = String::from_utf8(result.stdout).unwrap().trim().parse().unwrap();

    let jsonl = tmp("ids.jsonl");
    std::fs::write(&jsonl, format!("{{\"features\": [{line}]}}\n{{\"features\": [{decimal}]}}\n")).unwrap();
    for (file, content_type, error) in
        [(&input, "text/csv", "column 1: `1.0` is not a token id"), (&jsonl, "application/jsonlines", "feature 1: `1.0` is not a token id")]
    {
        let out = tmp("ids-out");
        let args = ["transform", art.to_str().unwrap(), file.to_str().unwrap(), "--content-type", content_type];
        // One record failed: status 3 (records failed), the outputs written.
        let result = mlc(&[&args[..], &["--output-dir", out.to_str().unwrap()]].concat());
        assert_eq!(result.status.code(), Some(3), "{}", String::from_utf8_lossy(&result.stderr));
        let name = file.file_name().unwrap().to_str().unwrap();
        let text = std::fs::read_to_string(out.join(format!("{name}.out"))).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0].parse::<f32>().unwrap().to_bits(), predicted.to_bits(), "{content_type}: the same prediction as mlc predict");
        assert_eq!(lines[1], format!("{{\"error\": \"{error}\", \"line\": 2}}"), "{content_type}");
    }
}
