//! Every input a fuzz target (fuzz/, scripts/fuzz.sh) found to crash, hang or trip a sanitizer,
//! replayed through the same public entry point, with what must happen instead. Reproducers live
//! in fuzz/regressions/TARGET/ (the fuzz target's own input format); docs/reliability.md lists
//! them.

use std::path::Path;

use mlc_compiler::{compile_models, CompileOptions, ModelInput, ModelSource};

fn reproducer(rel: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions").join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A `predict` reproducer: its artifact (the header's `file_len` bytes; edited behind its
/// checksums, which `parse` catches) and the prediction input after it.
fn predict_reproducer(rel: &str) -> (mlc_format::AlignedBytes, Vec<u8>) {
    let input = reproducer(rel);
    let file_len = u64::from_le_bytes(input[32..40].try_into().unwrap()) as usize;
    let (artifact, tail) = input.split_at(file_len);
    let bytes = mlc_format::AlignedBytes::copy_from(artifact);
    assert!(mlc_format::Artifact::parse(&bytes).is_err(), "{rel}: the checksums catch the edits");
    (bytes, tail.to_vec())
}

/// The `keras` fuzz target's input format, shared with the target.
#[path = "../../fuzz/src/keras_input.rs"]
mod keras_input;
use keras_input::keras_files;

/// The error of compiling the `keras` reproducer `rel`.
fn keras_import_error(rel: &str) -> String {
    let input = ModelInput::new("m", ModelSource::Keras { dir: rel.into(), files: keras_files(&reproducer(rel)) });
    let options = CompileOptions { command_line: "test".into(), ..Default::default() };
    match compile_models(&[input], &options) {
        Ok(_) => panic!("{rel}: compiled"),
        Err(e) => e.to_string(),
    }
}

/// Conv1D `kernel_size` 2^62 with `dilation_rate` 8: the span `(k - 1) * dilation + 1`
/// overflowed (a panic with overflow checks, a wrapped span without); now checked.
#[test]
fn keras_conv1d_span_overflow_is_an_error() {
    let e = keras_import_error("keras/conv1d-kernel-size-times-dilation-overflows");
    assert!(e.contains("conv1d") && e.contains("too large"), "{e}");
}

/// An input of length 0 (`batch_shape: [null, 0]`) into a `padding="same"` Conv1D:
/// `Padding::output` computed `out - 1` with `out = 0`. Zero dimensions are now refused.
#[test]
fn keras_zero_length_input_is_an_error() {
    let e = keras_import_error("keras/zero-length-input-same-padding-underflows");
    assert!(e.contains("zero dimension"), "{e}");
}

/// Flatten of a `(2^40, 2^40)` float sequence: `l * c` overflowed (without overflow checks the
/// wrapped size reached the runtime's loader as "internal: ... inconsistent shape"); now checked.
#[test]
fn keras_flatten_overflow_is_an_error() {
    let e = keras_import_error("keras/flatten-length-times-channels-overflows");
    assert!(e.contains("flatten") && e.contains("too large"), "{e}");
}

/// An XGBoost model declaring `num_feature` = 2^30 − 2 with one small tree: `mlc compile`'s
/// probe rows allocated 24 GiB and aborted the process. The importer now refuses more than
/// 2^24 features (rows are dense), and probe rows hold at most 2^24 values.
#[test]
fn xgboost_huge_num_feature_is_refused() {
    let bytes = reproducer("xgboost_json/num-feature-2-30-probe-rows-allocate-24-gib.json");
    let input = ModelInput::new("m", ModelSource::XGBoost { file: "m.json".into(), bytes });
    let options = CompileOptions { command_line: "test".into(), ..Default::default() };
    let e = compile_models(&[input], &options).expect_err("refused").to_string();
    assert!(e.contains("num_feature") && e.contains("out of range"), "{e}");
}

/// `xgboost_pickle` target (F12): a protocol 0 pickle whose `TUPLE3` took objects from below
/// a `MARK`; the mark's later pop split the stack beyond its end and panicked. CPython refuses
/// such a pickle ("unpickling stack underflow"); so does mlc's reader, naming the opcode's byte.
#[test]
fn a_tuple_below_a_mark_is_an_error() {
    let bytes = reproducer("xgboost_pickle/tuple3-below-a-mark-splits-the-stack-beyond-its-end.pkl");
    let e = mlc_compiler::import::xgboost::import("m.pkl", &bytes).expect_err("refused").to_string();
    assert!(e.contains("TUPLE3 with 0 objects above the last MARK"), "{e}");
}

/// `predict` target: a churn bundle read with `parse_trusted` (checksums skipped) whose leaf
/// copies under padding nodes differ (the compiler always writes equal copies; the loader does
/// not check them, docs/format.md §8.3). Single-shot prediction walks `tree-nodes` and reaches one
/// copy, the AVX-512 batch kernel evaluates the `tree-splits` index and reaches another: margins
/// -3.3e13 and -2.5 for the same row. Both are memory-safe (AddressSanitizer clean); for such an
/// artifact the results are unspecified (§8.8). What must hold: it loads or fails with an error,
/// and both kinds of prediction run without panicking.
#[test]
fn padding_copies_that_differ_are_safe_in_both_kernels() {
    let (bytes, tail) = predict_reproducer("predict/padding-leaf-copies-differ-avx512-batch-vs-single-shot");
    let a = mlc_format::Artifact::parse_trusted(&bytes).unwrap();
    let row: Vec<f32> = tail.chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().unwrap())).cycle().take(18).collect();
    let mut loaded = 0;
    for entry in a.models() {
        let Ok(model) = mlc_runtime::Model::load(&entry) else { continue };
        loaded += 1;
        let mut one = vec![0f32; model.num_margins()];
        let mut scratch = mlc_runtime::Scratch::default();
        model.margins(mlc_runtime::Input::Rows(&row), &mut scratch, &mut one).unwrap(); // one row: the single-shot walk
        let rows: Vec<f32> = (0..17).flat_map(|_| row.iter().copied()).collect();
        let mut batch = vec![0f32; 17 * model.num_margins()];
        assert_eq!(model.margins(mlc_runtime::Input::Rows(&rows), &mut scratch, &mut batch), Ok(17));
        // the batch kernels
    }
    assert_eq!(loaded, 2, "model 0's tree table is corrupt; models 1 and 2 load");
}

/// `predict` target (finding F11): a dart model whose `tree-splits` and `tree-split-index` the
/// fuzzer renamed to unknown kinds, and whose rank, lane and step indexes it edited apart from
/// `tree-nodes` and from each other. It loads (the indexes are valid on their own), and
/// single-shot (the AVX-512 bit kernel, over the lanes) and batch prediction (the plane kernel,
/// over the ranks) gave −1.2221 and −1.1996: unspecified results for indexes that disagree
/// (docs/format.md §10.3), but the harness only excused models with `tree-splits`. What must
/// hold: it loads or fails with an error, and both run without panicking.
#[test]
fn indexes_that_disagree_are_safe_without_tree_splits() {
    let (bytes, tail) = predict_reproducer("predict/indexes-disagree-without-tree-splits-bit-vs-planes");
    let a = mlc_format::Artifact::parse_trusted(&bytes).unwrap();
    let entry = a.model(0).unwrap();
    assert!(entry.section(mlc_format::SectionKind::TreeSplits).unwrap().is_none());
    assert!(entry.section(mlc_format::SectionKind::TreeRankChunks).unwrap().is_some());
    let model = mlc_runtime::Model::load(&entry).unwrap();
    let n = model.num_features();
    let row: Vec<f32> = tail.chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().unwrap())).cycle().take(n).collect();
    let mut scratch = mlc_runtime::Scratch::default();
    let mut one = [0f32];
    model.margins(mlc_runtime::Input::Rows(&row), &mut scratch, &mut one).unwrap();
    let rows: Vec<f32> = (0..300).flat_map(|_| row.iter().copied()).collect();
    let mut batch = vec![0f32; 300];
    assert_eq!(model.margins(mlc_runtime::Input::Rows(&rows), &mut scratch, &mut batch), Ok(300));
    assert!(one[0].is_finite() && batch.iter().all(|m| m.is_finite()));
}

/// `records` target: a JSON Lines record with invalid UTF-8 in a field `transform` ignores
/// (`"&odel"`) was accepted — serde_json skips the strings of ignored fields without checking
/// them — though docs/transform.md says invalid UTF-8 makes a line malformed JSON (and serde_json
/// itself refuses the line). UTF-8 is now checked first, and the error names the column.
#[test]
fn json_record_with_invalid_utf8_in_an_ignored_field_is_malformed() {
    let input = reproducer("records/invalid-utf-8-in-an-ignored-json-field-is-accepted");
    let line = input.split(|&b| b == b'\n').find(|l| l.contains(&b'{')).unwrap();
    assert!(serde_json::from_slice::<serde_json::Value>(line).is_err());
    let e = mlc_host::records::JsonRecord::parse(line).unwrap_err();
    assert_eq!(e, "malformed JSON at column 11: invalid UTF-8");
}

/// Not a fault of `transform`: a false positive of the `records` target's oracle, replayed there
/// (`fuzz/regressions/records/harness-*`). Every build that links the compiler has serde_json's
/// `arbitrary_precision` (this test's too), and serde_json's `Value` then reads an object whose
/// key is `$serde_json::private::Number` as a number, and one keyed `…::RawValue` as the JSON in
/// its string. `JsonRecord` reads such lines as the JSON they are: an ignored key, and a feature
/// that is an object (malformed), not a missing value.
#[test]
fn serde_json_private_tokens_are_plain_keys_in_a_json_record() {
    use mlc_host::records::{json_value, parse_field, JsonRecord};
    let record = JsonRecord::parse(br#"{"$serde_json::private::Number":"5","features":[1]}"#).unwrap();
    assert_eq!(record.features.map(|f| f.len()), Some(1));
    let line = br#"{"features":[{"\u0024serde_json::private::RawValue":"null"},null]}"#;
    assert!(serde_json::from_slice::<serde_json::Value>(line).unwrap()["features"][0].is_null());
    let features = JsonRecord::parse(line).unwrap().features.unwrap();
    assert_eq!(json_value(features[0]), br#"{"\u0024serde_json::private::RawValue":"null"}"#);
    assert_eq!(parse_field(json_value(features[0])), None, "an object is not a feature value");
    assert!(parse_field(json_value(features[1])).unwrap().is_nan(), "null is missing");
}

/// `xgboost_ubj` target, in the fuzz smoke run of `scripts/test.sh`: tree 2 of a 12-tree model
/// splits feature 4 at a NaN threshold, missing values going left (XGBoost stores NaN in
/// `split_conditions` for categorical splits). A present value goes right there (`!(x < NaN)`,
/// docs/format.md §8.5); the bitvector batch kernels (AVX-512, AVX2 and NEON) compared `x ≥ NaN`,
/// false, and sent it left: batch margins −2.1376 against −2.0316 from the walk and from the
/// importer's reference on 5 of 32 probe rows. The loader now keeps an index with a NaN threshold
/// from those kernels (the walk takes such a model's batches). Checked here with the CPU's kernels
/// and again without AVX-512 (the AVX2 kernel) in a child process.
#[test]
fn nan_thresholds_send_present_values_right_in_batches() {
    use mlc_compiler::import::xgboost;
    use mlc_compiler::trees::build::probe_rows;
    use mlc_compiler::Target;
    use mlc_format::manifest::TreeLayout;
    use mlc_runtime::{Input, Model, Scratch};

    let bytes = reproducer("xgboost_ubj/nan-threshold-default-left-batch-went-left.ubj");
    let ir = xgboost::import("m.ubj", &bytes).unwrap().trees("m.ubj").unwrap();
    let nan_left = |n: &mlc_compiler::trees::IrNode| matches!(n, mlc_compiler::trees::IrNode::Split { threshold, default_left: true, .. } if threshold.is_nan());
    assert!(ir.trees.iter().flat_map(|t| &t.nodes).any(nan_left), "a NaN threshold whose missing values go left");
    let rows = probe_rows(&ir, 32);
    for layout in [TreeLayout::Complete, TreeLayout::Linked] {
        let options = CompileOptions {
            target: Target::X86_64,
            layout: Some(layout),
            check_rows: Some(rows.clone()),
            command_line: "test".into(),
            ..CompileOptions::default()
        };
        let input = ModelInput::new("m", ModelSource::XGBoost { file: "m.ubj".into(), bytes: bytes.clone() });
        let bytes = mlc_format::AlignedBytes::copy_from(&compile_models(&[input], &options).unwrap().bytes);
        let artifact = mlc_format::Artifact::parse(&bytes).unwrap();
        let model = Model::load(&artifact.model(0).unwrap()).unwrap();
        let flat: Vec<f32> = rows.iter().flatten().copied().collect();
        let mut batch = vec![0f32; rows.len()];
        model.margins(Input::Rows(&flat), &mut Scratch::default(), &mut batch).unwrap();
        for (row, got) in rows.iter().zip(&batch) {
            let mut single = [0f32];
            model.margins(Input::Rows(row), &mut Scratch::default(), &mut single).unwrap();
            let want = ir.margins(row)[0];
            assert_eq!(
                (got.to_bits(), single[0].to_bits()),
                (want.to_bits(), want.to_bits()),
                "{layout:?}: batch {got}, single {}, want {want} on {row:?}",
                single[0]
            );
        }
    }
    if std::env::var_os("MLC_NO_AVX512").is_none() {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "nan_thresholds_send_present_values_right_in_batches"])
            .env("MLC_NO_AVX512", "1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && text.contains("1 passed"), "without AVX-512: {text}\n{}", String::from_utf8_lossy(&out.stderr));
    }
}
