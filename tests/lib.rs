//! Shared helpers of the end-to-end tests: fixture paths, expected-output files, compiling.

use std::path::{Path, PathBuf};

use mlc_compiler::{CompileOptions, ModelInput, Target};
use mlc_format::writer::AlignedBytes;

/// `tests/fixtures/<rel>`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel)
}

/// Reads a headerless CSV of floats (empty field = NaN) into rows.
pub fn read_csv(path: &Path) -> Vec<Vec<f32>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(|line| {
            line.split(',')
                .map(|f| {
                    if f.trim().is_empty() {
                        f32::NAN
                    } else {
                        f.trim().parse().unwrap_or_else(|_| panic!("{}: bad number {f}", path.display()))
                    }
                })
                .collect()
        })
        .collect()
}

/// Reads `state,features...` rows (the churn fixtures).
pub fn read_state_rows(path: &Path) -> Vec<(String, Vec<f32>)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(|line| {
            let (state, rest) = line.split_once(',').expect("state column");
            let row = rest.split(',').map(|f| if f.is_empty() { f32::NAN } else { f.parse().unwrap() }).collect();
            (state.to_string(), row)
        })
        .collect()
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
