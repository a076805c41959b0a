//! `mlc.Artifact` (and its subclass `mlc.Registry`): the models of an artifact file or of a
//! directory of artifacts, behind an `mlc_host::Registry`.

use std::path::PathBuf;

use mlc_host::{LoadedArtifact, ModelHandle, Registry};
use numpy::PyReadonlyArray1;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use sha2::{Digest, Sha256};

use crate::convert;
use crate::errors::{self, error, Kind};
use crate::model::{output_of, run, Model};

/// The sha256 of `bytes`, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The models of an artifact (`mlc.load(path)`): one model, a bundle, or a directory of
/// `NAME.mlc` artifacts.
///
/// `art.names` lists the models, `art["CA"]` is one (`mlc.Model`), `art.predict(X,
/// model=names)` scores each row with the model its name says. A file is memory-mapped and
/// validated (checksums included) when opened; models are loaded on first use, and with a
/// `memory_budget` (bytes; `mlc.Registry`) the least recently used are evicted beyond it, as
/// `mlc transform --memory-budget` does. Pickles as its path, budget and sha256.
#[pyclass(module = "mlc", subclass, frozen)]
pub struct Artifact {
    registry: Registry,
    budget: Option<u64>,
    /// The artifact file, validated when opened (a file source; `None` for a directory).
    file: Option<LoadedArtifact>,
}

impl Artifact {
    fn handle(&self, name: Option<&str>) -> PyResult<ModelHandle> {
        let name = match name {
            Some(name) => name.to_string(),
            None => self.registry.default_name().map_err(errors::host)?,
        };
        self.registry.get(&name).map_err(errors::host)
    }

    fn model_of(&self, handle: ModelHandle) -> Model {
        Model::new(handle, self.registry.source().path().to_path_buf(), self.budget)
    }
}

#[pymethods]
impl Artifact {
    /// Opens the artifact file or directory at `path`; `memory_budget`: most bytes of loaded
    /// models (default: no limit). Raises `mlc.FileError`, or `mlc.FormatError` for an invalid
    /// or corrupted artifact.
    #[new]
    #[pyo3(signature = (path, memory_budget = None))]
    fn new(path: PathBuf, memory_budget: Option<u64>) -> PyResult<Artifact> {
        let registry = Registry::open(&path, memory_budget.unwrap_or(u64::MAX)).map_err(errors::host)?;
        let file = match registry.source() {
            mlc_host::ModelSource::File(path) => Some(LoadedArtifact::open(path).map_err(errors::host)?),
            mlc_host::ModelSource::Directory { .. } => None,
        };
        Ok(Artifact { registry, budget: memory_budget, file })
    }

    /// The path it was opened from.
    #[getter]
    fn path(&self) -> PathBuf {
        self.registry.source().path().to_path_buf()
    }

    /// The memory budget in bytes, or None (no limit).
    #[getter]
    fn memory_budget(&self) -> Option<u64> {
        self.budget
    }

    /// Every model name, sorted (a directory's bundle `NAME.mlc` gives `NAME/MODEL`).
    #[getter]
    fn names(&self) -> Vec<String> {
        self.registry.model_names()
    }

    /// The model called `name` (`art[name]`); `mlc.UnknownModelError` if there is none.
    fn __getitem__(&self, name: &str) -> PyResult<Model> {
        Ok(self.model_of(self.handle(Some(name))?))
    }

    /// The model called `name`, or the only one when `name` is None.
    #[pyo3(signature = (name = None))]
    fn model(&self, name: Option<&str>) -> PyResult<Model> {
        Ok(self.model_of(self.handle(name)?))
    }

    fn __contains__(&self, name: &str) -> bool {
        self.registry.model_names().iter().any(|n| n == name)
    }

    fn __len__(&self) -> usize {
        self.registry.model_names().len()
    }

    /// Predicts rows of features.
    ///
    /// `model`: None (the artifact's only model), a name (every row), or one name per row (a
    /// sequence or array of str): each row is scored by its own model, the rows of each model in
    /// one batched call, answers in input order. `X`, `margin` and `copy` as in
    /// `Model.predict`. Returns float32 `(n,)` or `(n, width)` (every routed model must give
    /// the same width).
    #[pyo3(signature = (x, model = None, margin = false, copy = true))]
    fn predict<'py>(
        &self,
        x: &Bound<'py, PyAny>,
        model: Option<&Bound<'py, PyAny>>,
        margin: bool,
        copy: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = x.py();
        let per_row = match model {
            None => return Model::predict_rows(&self.handle(None)?, x, margin, copy),
            Some(m) => match m.extract::<String>() {
                Ok(name) => return Model::predict_rows(&self.handle(Some(&name))?, x, margin, copy),
                Err(_) => m,
            },
        };
        // One name per row: the distinct names and each row's index among them.
        let groups = py.import("mlc._convert")?.getattr("groups")?.call1((per_row,))?;
        let (names, inverse): (Vec<String>, Bound<'py, PyAny>) = groups.extract()?;
        let inverse: PyReadonlyArray1<'py, i64> = inverse.extract()?;
        let handles = names.iter().map(|n| self.handle(Some(n))).collect::<PyResult<Vec<_>>>()?;
        if handles.is_empty() {
            // No names: no rows, and no model to say how many features a row would have.
            return match x.len()? {
                0 => convert::output(py, Vec::new(), 1),
                n => Err(error(Kind::Input, format!("0 model names for {n} rows"))),
            };
        }
        let features = handles.first().map_or(Ok(0), |h| match h.model().input_kind() {
            mlc_runtime::InputKind::Floats { features } => Ok(features),
            _ => Err(error(Kind::Input, format!("model `{}` takes token ids, not feature rows", h.name()))),
        })?;
        let output = output_of(margin);
        let width = handles.first().map_or(1, |h| h.model().width(output));
        for h in &handles {
            let m = h.model();
            // Equal sections hold equal names: the encoding of a list of names is unique.
            let first = handles[0].model();
            let names_differ = m.feature_names() != first.feature_names() || m.feature_categories() != first.feature_categories();
            if m.input_kind() != (mlc_runtime::InputKind::Floats { features }) || m.width(output) != width || names_differ {
                return Err(error(
                    Kind::Input,
                    format!(
                        "models `{}` and `{}` take or give different shapes (or feature or category names): route rows only among models of one shape",
                        handles[0].name(),
                        h.name()
                    ),
                ));
            }
        }
        let x = convert::by_name(x, handles[0].model().feature_names(), handles[0].name())?;
        let rows = convert::rows(&x, features, copy, handles[0].model().feature_categories())?;
        let rows_view = rows.as_array();
        let inverse = inverse.as_slice()?;
        if inverse.len() != rows_view.nrows() {
            return Err(error(Kind::Input, format!("{} model names for {} rows", inverse.len(), rows_view.nrows())));
        }
        let slice = rows.as_slice()?;
        let values = py.detach(|| route(&handles, slice, features, inverse, output, width))?;
        convert::output(py, values, width)
    }

    /// Names of the models loaded now, most recently used first.
    fn loaded(&self) -> Vec<String> {
        self.registry.loaded()
    }

    /// Bytes of the models loaded now (what the memory budget counts).
    fn memory_used(&self) -> u64 {
        self.registry.memory_used()
    }

    /// Lets model `name` go (it is loaded again on its next use); whether it was loaded.
    fn unload(&self, name: &str) -> bool {
        self.registry.unload(name)
    }

    /// Per model: loads, evictions, cold load and warm prediction figures, as
    /// `mlc transform --summary-json` reports them (a list of dicts).
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(&self.registry.stats()).map_err(|e| error(Kind::Input, e))?;
        py.import("json")?.getattr("loads")?.call1((json,))
    }

    /// The sha256 (hex) of the artifact file as opened (None for a directory).
    fn sha256(&self) -> Option<String> {
        self.file.as_ref().map(|f| sha256_hex(f.bytes()))
    }

    /// Pickles as `(path, memory budget, sha256)`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let restore = py.import("mlc._pickle")?.getattr("restore_artifact")?;
        Ok((restore, (self.path(), self.budget, self.sha256()).into_pyobject(py)?))
    }

    fn __repr__(&self) -> String {
        let names = self.registry.model_names();
        format!("<mlc.Artifact {} ({} model{})>", self.path().display(), names.len(), if names.len() == 1 { "" } else { "s" })
    }
}

/// Scores each row of `rows` (`features` values each) with `handles[inverse[row]]`: the rows of
/// each model gathered into one batched call, the answers scattered back in input order.
fn route(
    handles: &[ModelHandle],
    rows: &[f32],
    features: usize,
    inverse: &[i64],
    output: mlc_runtime::Output,
    width: usize,
) -> PyResult<Vec<f32>> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); handles.len()];
    for (row, &k) in inverse.iter().enumerate() {
        let group = usize::try_from(k).ok().and_then(|k| members.get_mut(k));
        group.ok_or_else(|| error(Kind::Input, format!("row {row}: no model of index {k}")))?.push(row);
    }
    let mut out = vec![0.0; inverse.len() * width];
    let mut gathered = Vec::new();
    for (handle, rows_of) in handles.iter().zip(&members) {
        gathered.clear();
        for &r in rows_of {
            gathered.extend_from_slice(&rows[r * features..(r + 1) * features]);
        }
        let values =
            run(handle, mlc_runtime::Input::Rows(&gathered), rows_of.len(), output).map_err(|e| errors::predict(handle.name(), e))?;
        for (&r, v) in rows_of.iter().zip(values.chunks_exact(width)) {
            out[r * width..(r + 1) * width].copy_from_slice(v);
        }
    }
    Ok(out)
}
