//! Shared helpers of the end-to-end tests: fixture paths, expected-output files, compiling.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use mlc_compiler::{Calibration, CompileOptions, ModelInput, Target};
use mlc_format::AlignedBytes;
use mlc_host::records::{self, CsvFields};

/// `tests/fixtures/<rel>`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel)
}

/// Reads a headerless CSV of floats (empty field = NaN) into rows.
pub fn read_csv(path: &Path) -> Vec<Vec<f32>> {
    csv_rows(path, 0).into_iter().map(|(_, row)| row).collect()
}

/// Reads `state,features...` rows (the churn fixtures).
pub fn read_state_rows(path: &Path) -> Vec<(String, Vec<f32>)> {
    csv_rows(path, 1).into_iter().map(|(mut labels, row)| (labels.remove(0), row)).collect()
}

/// Every line of the CSV file `path`: its first `labels` fields as text and the numbers after
/// them, split and read by `mlc_host::records` (as `mlc predict` and `mlc transform` read
/// records). Panics naming the file, line and column of a field that is not a number.
fn csv_rows(path: &Path, labels: usize) -> Vec<(Vec<String>, Vec<f32>)> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut fields = CsvFields::default();
    records::lines(&bytes)
        .enumerate()
        .map(|(i, line)| {
            fields.split(records::strip_bom(line));
            assert!(fields.len() >= labels, "{}: line {}: fewer than {labels} fields", path.display(), i + 1);
            let text = fields.iter().take(labels).map(|f| String::from_utf8_lossy(f).into_owned()).collect();
            let (n, mut row) = (fields.len() - labels, Vec::new());
            records::parse_features(fields.iter().skip(labels), n, &mut row)
                .unwrap_or_else(|e| panic!("{}: line {}: {e} (columns counted after the first {labels})", path.display(), i + 1));
            (text, row)
        })
        .collect()
}

/// The committed sentiment test reviews (`sentiment/reviews.txt`), one per line, as bytes.
pub fn reviews() -> Vec<Vec<u8>> {
    let bytes = std::fs::read(fixture("sentiment/reviews.txt")).unwrap();
    bytes.strip_suffix(b"\n").unwrap().split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

/// What the tests calibrate int8 networks on: the first half (148 lines) of the committed
/// reviews, the other half staying unseen by the calibration.
pub fn review_calibration() -> Calibration {
    let lines = reviews().iter().take(148).map(|r| String::from_utf8_lossy(r).into_owned()).collect();
    Calibration { source: "reviews.txt[..148]".into(), lines }
}

/// Keras' float32 probability for each committed review (`sentiment/expected_keras_<model>.csv`).
pub fn keras_probabilities(model: &str) -> Vec<f32> {
    let text = std::fs::read_to_string(fixture(&format!("sentiment/expected_keras_{model}.csv"))).unwrap();
    text.lines().map(|l| l.parse().unwrap()).collect()
}

/// The test strings of the text models (`keras_textvec/texts.json`): punctuation, case,
/// Unicode spaces, empty and over-long texts.
pub fn keras_texts() -> Vec<String> {
    serde_json::from_slice(&std::fs::read(fixture("keras_textvec/texts.json")).unwrap()).unwrap()
}

/// The largest |difference| between two tables of outputs of the same shape.
pub fn worst(got: &[Vec<f32>], want: &[Vec<f32>]) -> f32 {
    assert_eq!(got.len(), want.len());
    got.iter()
        .zip(want)
        .flat_map(|(g, w)| {
            assert_eq!(g.len(), w.len());
            g.iter().zip(w).map(|(g, w)| (g - w).abs())
        })
        .fold(0f32, f32::max)
}

/// Options for a test compilation.
pub fn options(target: Target, fixed_point: Option<bool>) -> CompileOptions {
    CompileOptions { target, fixed_point, command_line: String::from("test"), ..Default::default() }
}

/// Compiles `models` (`NAME=PATH` or paths) into an aligned in-memory artifact.
pub fn compile(models: &[String], options: &CompileOptions) -> AlignedBytes {
    let inputs: Vec<ModelInput> = models.iter().map(|m| ModelInput::parse(m).unwrap()).collect();
    let compiled = mlc_compiler::compile_models(&inputs, options).unwrap_or_else(|e| panic!("compile {models:?}: {e}"));
    AlignedBytes::copy_from(&compiled.bytes)
}

/// Distance in units in the last place between two finite floats of the same sign region.
pub fn ulps(a: f32, b: f32) -> u32 {
    let key = |x: f32| {
        let b = x.to_bits() as i32;
        if b < 0 {
            i32::MIN.wrapping_sub(b)
        } else {
            b
        }
    };
    key(a).abs_diff(key(b))
}

/// `NAME=PATH` of the 51 per-state churn models (XGBoost JSON), by state.
pub fn churn_state_specs() -> Vec<String> {
    let mut states: Vec<String> = std::fs::read_dir(fixture("churn/models/states"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix(".json").map(str::to_string))
        .collect();
    states.sort();
    assert_eq!(states.len(), 51, "the committed per-state churn models");
    states.iter().map(|s| format!("{s}={}", fixture(&format!("churn/models/states/{s}.json")).display())).collect()
}

/// The `mlc` binary, built once per test process in the test's own profile, as a command.
pub fn mlc_command() -> Command {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    let path = BUILT.get_or_init(|| {
        let exe = std::env::current_exe().unwrap();
        let profile_dir = exe.parent().and_then(Path::parent).unwrap().to_path_buf();
        let mut build = Command::new(env!("CARGO"));
        build.args(["build", "-q", "-p", "mlc-cli", "--bin", "mlc"]).current_dir(env!("CARGO_MANIFEST_DIR"));
        if profile_dir.ends_with("release") {
            build.arg("--release");
        }
        assert!(build.status().unwrap().success(), "cargo build -p mlc-cli");
        profile_dir.join("mlc")
    });
    Command::new(path)
}
