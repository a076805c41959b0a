//! What a compilation is asked to do: [`CompileOptions`], and the [`Calibration`] inputs of
//! networks.

use std::path::Path;

use mlc_format::manifest::TreeLayout;

use crate::error::CompileError;
use crate::target::Target;

/// Representative inputs for calibrating and checking networks (`mlc compile --calibration`).
#[derive(Debug, Clone, Default)]
pub struct Calibration {
    /// Where the lines come from, for messages and the report (a file name).
    pub source: String,
    /// One input per line: raw text for a text model, comma-separated token ids or floats
    /// otherwise.
    pub lines: Vec<String>,
}

impl Calibration {
    /// The lines of the file at `path` (lossy UTF-8), its path as the source.
    pub fn read(path: &Path) -> Result<Calibration, CompileError> {
        let bytes = std::fs::read(path).map_err(|error| CompileError::Io { path: path.to_path_buf(), error })?;
        let lines = String::from_utf8_lossy(&bytes).lines().map(str::to_string).collect();
        Ok(Calibration { source: path.display().to_string(), lines })
    }
}

/// Options of one compilation.
#[derive(Debug, Clone, Default)]
pub struct CompileOptions {
    /// Device class.
    pub target: Target,
    /// Force float or integer arithmetic: trees in fixed point, networks in int8 (default:
    /// trees in float where the target has an FPU, networks in int8 on microcontrollers).
    pub fixed_point: Option<bool>,
    /// Bytes a network may spend on lookup tables (a folded embedding; default: the target's).
    pub table_budget: Option<usize>,
    /// Inputs to calibrate int8 networks and check networks on (default: probe inputs).
    pub calibration: Option<Calibration>,
    /// Force a tree layout (default: chosen per model from the target and the sizes).
    pub layout: Option<TreeLayout>,
    /// Rows to check the compiled models against the float original (default: probe rows
    /// built from each model's own thresholds).
    pub check_rows: Option<Vec<Vec<f32>>>,
    /// The options as the user wrote them, recorded in the provenance.
    pub command_line: String,
}

impl CompileOptions {
    /// The options as `mlc compile`'s arguments, for the provenance's
    /// [`command_line`](CompileOptions::command_line): `--target T`, then `--numeric`,
    /// `--layout`, `--calibration FILE` (its file name) and `--table-budget KB` where set. The
    /// CLI and the Python package both record this, so their artifacts are byte-identical.
    pub fn arguments(&self) -> String {
        let mut line = format!("--target {}", self.target);
        if let Some(fixed) = self.fixed_point {
            line += if fixed { " --numeric fixed" } else { " --numeric float" };
        }
        if let Some(layout) = self.layout {
            line += &format!(" --layout {layout:?}").to_lowercase();
        }
        if let Some(calibration) = &self.calibration {
            let file = Path::new(&calibration.source).file_name().and_then(|f| f.to_str()).unwrap_or("FILE");
            line += &format!(" --calibration {file}");
        }
        if let Some(bytes) = self.table_budget {
            line += &format!(" --table-budget {}", bytes >> 10);
        }
        line
    }
}

/// Writes an artifact's `bytes` to a temporary file beside `path`, then renames it over
/// `path`, so readers (and mmaps of the old file) never see a half-written artifact.
pub fn write_artifact(path: &Path, bytes: &[u8]) -> Result<(), CompileError> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("artifact");
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    let failed = |error| CompileError::Output { path: path.to_path_buf(), error };
    std::fs::write(&tmp, bytes).map_err(failed)?;
    std::fs::rename(&tmp, path).map_err(|error| {
        let _ = std::fs::remove_file(&tmp);
        failed(error)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_name_what_was_set() {
        let mut options = CompileOptions { target: Target::CortexM4, ..Default::default() };
        assert_eq!(options.arguments(), "--target cortex-m4");
        options.fixed_point = Some(true);
        options.layout = Some(TreeLayout::Linked);
        options.calibration = Some(Calibration { source: "data/reviews.txt".into(), lines: Vec::new() });
        options.table_budget = Some(64 << 10);
        assert_eq!(options.arguments(), "--target cortex-m4 --numeric fixed --layout linked --calibration reviews.txt --table-budget 64");
    }

    #[test]
    fn an_artifact_is_written_whole_or_not_at_all() {
        let dir = std::env::temp_dir().join(format!("mlc-write-artifact-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.mlc");
        write_artifact(&path, b"first").unwrap();
        write_artifact(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file left behind");
        let e = write_artifact(&dir.join("missing").join("b.mlc"), b"x").unwrap_err();
        assert!(e.to_string().contains("missing/b.mlc"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
