//! `mlc transform`'s record path end to end (crates/mlc-host/src/transform/: the line splitter,
//! the CSV, JSON Lines and LIBSVM record parsers, routing, prediction, output assembly) on arbitrary input
//! files, through its public entry point `transform::run`, checking its promise that nothing is
//! lost: with `--accept application/jsonlines`, exactly one output line per input line.
//! With bit 7 of the mode, the same input also goes through `--accept application/json` (one
//! `{"predictions": [...]}` line per mini-batch: its items must be the JSON Lines output's, in
//! order) and `--on-error fail` (the job must stop at the first error line of the JSON Lines
//! output, naming its line and leaving no output; without one, the output must be the same).
//!
//! First byte: bits 0–1 the content type (CSV, JSON Lines, text; 3 = CSV routed by column 1, or
//! with bit 6 LIBSVM for `AL`),
//! bits 2–4 `--max-records` − 1 (small batches), bit 5 two workers, bit 6 `--margin`, bit 7 the
//! other output format and error mode. The rest is the input file. Models (compiled once from the
//! committed fixtures into a directory source): `AL` and `NY` (churn trees, 18 features),
//! `text` (the tiny text CNN) and `cat` (XGBoost 3.2 with category names: CSV routed by column 1
//! and JSON Lines records may name its categories).
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mlc_host::transform::{self, Accept, ContentType, InputFile, OnError, Options, Routing, TransformError};
use mlc_host::Registry;

struct Setup {
    registry: Registry,
    dir: PathBuf,
}

fn setup() -> &'static Setup {
    static S: OnceLock<Setup> = OnceLock::new();
    S.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let base = if Path::new("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
        let dir = base.join(format!("mlc-fuzz-transform-{}", std::process::id()));
        let models = dir.join("models");
        std::fs::create_dir_all(&models).unwrap();
        let opts = mlc_compiler::CompileOptions { command_line: "fuzz".into(), ..Default::default() };
        for (name, path) in [
            ("AL", root.join("tests/fixtures/churn/models/states/AL.json")),
            ("NY", root.join("tests/fixtures/churn/models/states/NY.ubj")),
            ("text", root.join("fuzz/seeds/tiny_text_cnn")),
            ("cat", root.join("tests/fixtures/xgboost_categorical/3.2.0/named.json")),
        ] {
            let spec = mlc_compiler::ModelSpec { name: name.into(), path };
            let compiled = mlc_compiler::compile(&[spec], &opts).expect("fixture compiles");
            std::fs::write(models.join(format!("{name}.mlc")), compiled.bytes).unwrap();
        }
        Setup { registry: Registry::open(&models, 1 << 20).unwrap(), dir }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, input)) = data.split_first() else { return };
    let s = setup();
    let (content_type, routing) = match mode & 3 {
        0 => (ContentType::Csv, Routing::Model(Some("AL".into()))),
        1 => (ContentType::JsonLines, Routing::Model(None)),
        2 => (ContentType::Text, Routing::Model(Some("text".into()))),
        3 if mode & 0x40 != 0 => (ContentType::Libsvm, Routing::Model(Some("AL".into()))),
        _ => (ContentType::Csv, Routing::Column(1)),
    };
    let options = Options {
        content_type,
        accept: Accept::JsonLines,
        max_payload: 4096,
        max_records: 1 + ((mode >> 2) & 7) as usize,
        workers: 1 + ((mode >> 5) & 1) as usize,
        routing,
        on_error: OnError::Record,
        margin: mode & 0x40 != 0,
        ..Options::default()
    };
    let file = InputFile { input: s.dir.join("input"), output: s.dir.join("input.out") };
    std::fs::write(&file.input, input).unwrap();
    let out = run(s, &file, &options).expect("with --on-error record only I/O can fail");
    // Every line is a record, the last one even without a final newline.
    let lines = |b: &[u8]| if b.is_empty() { 0 } else { b.iter().filter(|&&c| c == b'\n').count() + !b.ends_with(b"\n") as usize };
    let (lines_in, lines_out) = (lines(input), lines(&out));
    assert_eq!(lines_out, lines_in, "one output line per input line");
    assert!(out.is_empty() || out.ends_with(b"\n"));
    if mode & 0x80 != 0 {
        let items = json_lines(&out);
        check_json_output(s, &file, &options, input, &items);
        check_on_error_fail(s, &file, &options, &out, &items);
    }
});

/// The output's lines, each parsed as JSON.
fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).expect("each output line is JSON")).collect()
}

/// Runs the job afresh (an existing output would be skipped) and returns the output file.
fn run(s: &Setup, file: &InputFile, options: &Options) -> Result<Vec<u8>, TransformError> {
    let _ = std::fs::remove_file(&file.output);
    transform::run(&s.registry, std::slice::from_ref(file), options, &mut |_| {})?;
    Ok(std::fs::read(&file.output).expect("the output is complete"))
}

/// `--accept application/json`: one `{"predictions": [...]}` line per mini-batch, whose items
/// are the JSON Lines output's, in order; an empty input gives an empty output.
fn check_json_output(s: &Setup, file: &InputFile, options: &Options, input: &[u8], items: &[serde_json::Value]) {
    let options = Options { accept: Accept::Json, ..options.clone() };
    let out = run(s, file, &options).expect("with --on-error record only I/O can fail");
    assert_eq!(out.is_empty(), input.is_empty(), "an empty input, and only that, gives an empty output");
    let mut predictions = Vec::new();
    for batch in json_lines(&out) {
        let Some(serde_json::Value::Array(p)) = batch.get("predictions") else { panic!("not a predictions line: {batch}") };
        assert!(!p.is_empty() && p.len() <= options.max_records, "a mini-batch has 1..=max-records items");
        predictions.extend(p.iter().cloned());
    }
    assert_eq!(predictions, items, "application/json items differ from application/jsonlines lines");
}

/// `--on-error fail`: stops at the first error line, naming it, with no output left; without
/// an error line, the same output as `--on-error record`.
fn check_on_error_fail(s: &Setup, file: &InputFile, options: &Options, out: &[u8], items: &[serde_json::Value]) {
    let options = Options { on_error: OnError::Fail, ..options.clone() };
    let first_error = items.iter().find_map(|v| v.get("error").map(|_| v["line"].as_u64().expect("an error object has its line")));
    match (run(s, file, &options), first_error) {
        (Ok(got), None) => assert_eq!(got, out, "--on-error fail without a bad record changed the output"),
        (Err(TransformError::Record { line, .. }), Some(want)) => {
            assert_eq!(line, want, "--on-error fail stopped at another line than the first error");
            assert!(!file.output.exists(), "--on-error fail left an output");
        }
        (got, want) => panic!("--on-error fail: {:?}, first error line {want:?}", got.map(|o| o.len())),
    }
}
