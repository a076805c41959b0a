//! `mlc.compile`: `mlc_compiler::compile_models`, as `mlc compile` calls it.

use std::path::{Path, PathBuf};

use mlc_compiler::{write_artifact, Calibration, CompileOptions, ModelInput, Target};
use mlc_format::manifest::TreeLayout;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::errors::{error, Kind};

/// Compiles models into one artifact at `output` (a bundle when there are several) and returns
/// the compile report, what `mlc compile` prints, as a dict:
/// `{"output": path, "bytes": n, "models": [{"name", "report", "max_margin_delta",
/// "decision_mismatches", "check_rows", "warnings"}]}`.
///
/// `models`: paths (the name is the file stem), `NAME=PATH` strings, or a dict
/// `{name: path}` — XGBoost `save_model` files (JSON, UBJ or legacy binary) or pickled boosters
/// and scikit-learn wrappers (`pickle.dump`, `joblib.dump`),
/// Keras `.keras` or `.h5` files (`model.save`), Keras export directories, or a tar archive holding
/// one such file (SageMaker's `model.tar.gz`).
/// `target`: host, x86-64, aarch64, cortex-m4, cortex-m3, cortex-m0. `numeric`: auto, float,
/// fixed (int8). `calibration`: a file of representative inputs, one per line (networks).
/// `check_data`: a CSV of rows to check trees against the float original. `table_budget_kb`,
/// `layout` (auto, complete, linked) as the CLI's options. The artifact is written to a
/// temporary file and renamed. Raises `mlc.CompileError` with the compiler's message.
#[pyfunction]
#[pyo3(signature = (models, output, target = "host", numeric = "auto", calibration = None, check_data = None, table_budget_kb = None, layout = "auto"))]
#[allow(clippy::too_many_arguments)]
pub fn compile<'py>(
    py: Python<'py>,
    models: &Bound<'py, PyAny>,
    output: PathBuf,
    target: &str,
    numeric: &str,
    calibration: Option<PathBuf>,
    check_data: Option<PathBuf>,
    table_budget_kb: Option<usize>,
    layout: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let compile_error = |e: &dyn std::fmt::Display| error(Kind::Compile, e);
    let models = model_inputs(models)?;
    let target: Target = target.parse().map_err(|e: String| error(Kind::Input, e))?;
    let fixed_point = match numeric {
        "auto" => None,
        "float" => Some(false),
        "fixed" | "int8" => Some(true),
        other => return Err(error(Kind::Input, format!("numeric must be auto, float, fixed or int8, not `{other}`"))),
    };
    let layout = match layout {
        "auto" => None,
        "complete" => Some(TreeLayout::Complete),
        "linked" => Some(TreeLayout::Linked),
        other => return Err(error(Kind::Input, format!("layout must be auto, complete or linked, not `{other}`"))),
    };
    let check_rows = check_data.as_deref().map(read_check_rows).transpose()?;
    let calibration = calibration.as_deref().map(Calibration::read).transpose().map_err(|e| error(Kind::File, e))?;
    let mut options = CompileOptions {
        target,
        fixed_point,
        layout,
        check_rows,
        table_budget: table_budget_kb.map(|kb| kb << 10),
        calibration,
        command_line: String::new(),
    };
    options.command_line = options.arguments();
    let compiled = py.detach(|| mlc_compiler::compile_models(&models, &options)).map_err(|e| compile_error(&e))?;
    if compiled.bytes.is_empty() {
        return Err(error(Kind::Compile, "nothing to write"));
    }
    write_artifact(&output, &compiled.bytes).map_err(|e| error(Kind::File, e))?;
    let report = PyDict::new(py);
    report.set_item("output", &output)?;
    report.set_item("bytes", compiled.bytes.len())?;
    let list = PyList::empty(py);
    for r in &compiled.reports {
        let m = PyDict::new(py);
        m.set_item("name", &r.name)?;
        m.set_item("report", &r.text)?;
        m.set_item("max_margin_delta", r.max_margin_delta)?;
        m.set_item("decision_mismatches", r.decision_mismatches)?;
        m.set_item("check_rows", r.check_rows)?;
        m.set_item("warnings", &r.warnings)?;
        list.append(m)?;
    }
    report.set_item("models", list)?;
    Ok(report)
}

/// The models argument: a str, a list of str (`PATH` or `NAME=PATH`), or a dict of name → path.
fn model_inputs(models: &Bound<'_, PyAny>) -> PyResult<Vec<ModelInput>> {
    let args: Vec<String> = if let Ok(dict) = models.cast::<PyDict>() {
        dict.iter()
            .map(|(k, v)| Ok(format!("{}={}", k.extract::<String>()?, v.extract::<PathBuf>()?.display())))
            .collect::<PyResult<_>>()?
    } else if let Ok(one) = models.extract::<PathBuf>() {
        vec![one.display().to_string()]
    } else {
        models.extract::<Vec<PathBuf>>()?.iter().map(|p| p.display().to_string()).collect()
    };
    if args.is_empty() {
        return Err(error(Kind::Input, "no models to compile"));
    }
    args.iter().map(|a| ModelInput::parse(a).map_err(|e| error(Kind::Compile, e))).collect()
}

/// The rows of a `check_data` CSV, read as `mlc compile --check-data` reads them.
fn read_check_rows(path: &Path) -> PyResult<Vec<Vec<f32>>> {
    let file = std::fs::File::open(path).map_err(|e| error(Kind::File, format!("cannot open {}: {e}", path.display())))?;
    mlc_host::records::read_feature_rows(file).map_err(|e| error(Kind::Input, format!("{}: {e}", path.display())))
}
