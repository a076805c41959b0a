//! `mlc.Model`: one model of an artifact, predicting numpy rows, token ids or texts through
//! `mlc_runtime::Model::run` with the GIL released.

use std::cell::RefCell;
use std::path::PathBuf;
use std::time::Instant;

use mlc_host::records::RecordError;
use mlc_host::ModelHandle;
use mlc_runtime::{Input, InputKind, Output, PredictError, ScratchBuf};
use numpy::PyArrayMethods;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::convert;
use crate::errors::{self, error, Kind};

thread_local! {
    /// Working memory of network calls, one per thread (tree ensembles need none).
    static SCRATCH: RefCell<ScratchBuf> = RefCell::new(ScratchBuf::new());
}

/// Which values to return: the objective's output, or raw margins.
pub fn output_of(margin: bool) -> Output {
    if margin {
        Output::Margins
    } else {
        Output::Prediction
    }
}

/// Runs `handle`'s model on `input` (records back to back), `records` of them, into a new
/// vector of `width(output)` values per record, and counts them in the registry's figures.
/// Call it without the GIL.
pub fn run(handle: &ModelHandle, input: Input<'_>, records: usize, output: Output) -> Result<Vec<f32>, PredictError> {
    let model = handle.model();
    let mut out = vec![0.0; records * model.width(output)];
    let start = Instant::now();
    SCRATCH.with_borrow_mut(|scratch| model.run(input, output, &mut scratch.for_model(model), &mut out))?;
    handle.record(records as u64, start.elapsed());
    Ok(out)
}

/// One model of an artifact (`art["CA"]`).
///
/// `predict(X)` scores rows of features (tree ensembles, networks with float input);
/// `predict_text(texts)` and `predict_ids(ids)` score text models. Every call releases the
/// GIL while the model runs, so Python threads predict in parallel. A `Model` pickles as its
/// artifact's path, the artifact's sha256 and its name; unpickling loads the file again and
/// raises `mlc.FormatError` if its sha256 differs.
#[pyclass(module = "mlc", frozen)]
pub struct Model {
    handle: ModelHandle,
    source: PathBuf,
    budget: Option<u64>,
}

impl Model {
    /// A model of the artifact (or directory) at `source`, opened with `budget`.
    pub fn new(handle: ModelHandle, source: PathBuf, budget: Option<u64>) -> Model {
        Model { handle, source, budget }
    }

    /// Rows of floats predicted by `handle`: `x` read in place or converted once.
    pub fn predict_rows<'py>(handle: &ModelHandle, x: &Bound<'py, PyAny>, margin: bool, copy: bool) -> PyResult<Bound<'py, PyAny>> {
        let py = x.py();
        let model = handle.model();
        let features = match model.input_kind() {
            InputKind::Floats { features } => features,
            InputKind::TokenIds { text, .. } => {
                let how = if text { "predict_text(texts) or predict_ids(ids)" } else { "predict_ids(ids)" };
                return Err(error(Kind::Input, format!("model `{}` takes token ids, not feature rows: use {how}", handle.name())));
            }
        };
        let x = convert::by_name(x, model.feature_names(), handle.name())?;
        let rows = convert::rows(&x, features, copy, model.feature_categories())?;
        let slice = rows.as_slice()?;
        let output = output_of(margin);
        let records = rows.as_array().nrows();
        let values = py.detach(|| run(handle, Input::Rows(slice), records, output)).map_err(|e| errors::predict(handle.name(), e))?;
        convert::output(py, values, model.width(output))
    }
}

#[pymethods]
impl Model {
    /// The model's name in its artifact.
    #[getter]
    fn name(&self) -> &str {
        self.handle.name()
    }

    /// What the model takes: `{"kind": "features", "features": n}` (rows of floats; NaN is a
    /// missing value) or `{"kind": "token_ids", "length": n, "vocab": v, "text": bool}`
    /// (`text`: it also takes raw text, tokenized inside the artifact).
    #[getter]
    fn inputs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        match self.handle.model().input_kind() {
            InputKind::Floats { features } => {
                d.set_item("kind", "features")?;
                d.set_item("features", features)?;
            }
            InputKind::TokenIds { length, vocab, text } => {
                d.set_item("kind", "token_ids")?;
                d.set_item("length", length)?;
                d.set_item("vocab", vocab)?;
                d.set_item("text", text)?;
            }
        }
        Ok(d)
    }

    /// The names of the model's input features, in order (XGBoost's `feature_names`, kept in
    /// the artifact), or None when the model has none. With names, a DataFrame's columns are
    /// taken by name in any order; without, by position.
    #[getter]
    fn feature_names(&self) -> Option<Vec<String>> {
        self.handle.model().feature_names().map(|names| names.iter().map(str::to_string).collect())
    }

    /// The category names of each feature, in code order (XGBoost 3.1+'s categories of a
    /// model trained on a DataFrame: strings, or integers in decimal), None for a feature
    /// without; None when the model has none. With names, a DataFrame's category columns are
    /// re-coded by name, as XGBoost does.
    #[getter]
    fn feature_categories(&self) -> Option<Vec<Option<Vec<String>>>> {
        let categories = self.handle.model().feature_categories()?;
        Some((0..categories.len()).map(|f| categories.of(f).map(|c| c.iter().map(str::to_string).collect())).collect())
    }

    /// What the model returns per record: `{"width": n, "margins": m}` — values of
    /// `predict` (e.g. 1 probability, or one per class) and of `predict(..., margin=True)`.
    #[getter]
    fn outputs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("width", self.handle.model().width(Output::Prediction))?;
        d.set_item("margins", self.handle.model().width(Output::Margins))?;
        Ok(d)
    }

    /// Predicts rows of features.
    ///
    /// `X`: a 2-D numpy array (rows × the model's features; float32 C-contiguous is read in
    /// place, other numeric dtypes and strided views are converted once), a pandas DataFrame,
    /// or a list of rows; NaN / None is a missing value. `margin=True` gives raw margins
    /// instead of the objective's output. `copy=False` refuses (`mlc.InputError`) any input
    /// that would need a conversion. Returns float32 `(n,)`, or `(n, classes)` for several
    /// values per row.
    #[pyo3(signature = (x, margin = false, copy = true))]
    fn predict<'py>(&self, x: &Bound<'py, PyAny>, margin: bool, copy: bool) -> PyResult<Bound<'py, PyAny>> {
        Model::predict_rows(&self.handle, x, margin, copy)
    }

    /// Predicts raw texts (a text model: tokenized by the artifact's own tokenizer, as
    /// `mlc predict` does). `texts`: a list of str. Returns float32 `(n,)` or `(n, outputs)`.
    fn predict_text<'py>(&self, py: Python<'py>, texts: Vec<String>) -> PyResult<Bound<'py, PyAny>> {
        let model = self.handle.model();
        if !model.input_kind().takes_text() {
            let message = match model.input_kind() {
                InputKind::Floats { .. } => RecordError::NotText { features_only: model.has_margins().then(|| model.kind()) }.to_string(),
                InputKind::TokenIds { .. } => "this model has no tokenizer: give token ids with predict_ids".to_string(),
            };
            return Err(error(Kind::Input, format!("model `{}`: {message}", self.handle.name())));
        }
        let width = model.width(Output::Prediction);
        let handle = &self.handle;
        let values = py
            .detach(|| {
                let mut values = Vec::with_capacity(texts.len() * width);
                for text in &texts {
                    values.extend(run(handle, Input::Text(text.as_bytes()), 1, Output::Prediction)?);
                }
                Ok(values)
            })
            .map_err(|e| errors::predict(handle.name(), e))?;
        convert::output(py, values, width)
    }

    /// Token ids of raw texts as the artifact's own tokenizer makes them — what
    /// `predict_text` feeds the network: uint32 `(n, sequence length)`, padded with 0. For
    /// another engine given the same ids, or to look at a vocabulary. `mlc.InputError` for a
    /// model without a tokenizer.
    fn tokenize<'py>(&self, py: Python<'py>, texts: Vec<String>) -> PyResult<Bound<'py, PyAny>> {
        let model = self.handle.model();
        let InputKind::TokenIds { length, text: true, .. } = model.input_kind() else {
            return Err(error(Kind::Input, format!("model `{}` has no tokenizer", self.handle.name())));
        };
        let ids = py
            .detach(|| {
                SCRATCH.with_borrow_mut(|scratch| {
                    let mut scratch = scratch.for_model(model);
                    let mut ids = Vec::with_capacity(texts.len() * length);
                    for text in &texts {
                        ids.extend_from_slice(model.tokenize(text.as_bytes(), &mut scratch)?);
                    }
                    Ok(ids)
                })
            })
            .map_err(|e| errors::predict(self.handle.name(), e))?;
        Ok(numpy::PyArray1::from_vec(py, ids).reshape([texts.len(), length])?.into_any())
    }

    /// Predicts token ids (a network that reads token ids): a 2-D integer array or list of
    /// rows, the model's sequence length of ids per row, each below its vocabulary size.
    /// Returns float32 `(n,)` or `(n, outputs)`.
    fn predict_ids<'py>(&self, ids: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = ids.py();
        let model = self.handle.model();
        let InputKind::TokenIds { length, .. } = model.input_kind() else {
            return Err(error(Kind::Input, format!("model `{}` takes feature rows, not token ids: use predict(X)", self.handle.name())));
        };
        let ids = convert::ids(ids, length)?;
        let slice = ids.as_slice()?;
        let records = ids.as_array().nrows();
        let handle = &self.handle;
        let values =
            py.detach(|| run(handle, Input::Ids(slice), records, Output::Prediction)).map_err(|e| errors::predict(handle.name(), e))?;
        convert::output(py, values, model.width(Output::Prediction))
    }

    /// Pickles as `(source path, memory budget, sha256 of the model's file, name)`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let restore = py.import("mlc._pickle")?.getattr("restore_model")?;
        let sha = crate::artifact::sha256_hex(self.handle.artifact().bytes());
        let args = (self.source.clone(), self.budget, sha, self.handle.name().to_string()).into_pyobject(py)?;
        Ok((restore, args))
    }

    /// The sha256 (hex) of the artifact file this model was loaded from.
    fn file_sha256(&self) -> String {
        crate::artifact::sha256_hex(self.handle.artifact().bytes())
    }

    fn __repr__(&self) -> String {
        let kind = match self.handle.model().input_kind() {
            InputKind::Floats { features } => format!("{features} features"),
            InputKind::TokenIds { length, text: true, .. } => format!("text, {length} tokens"),
            InputKind::TokenIds { length, .. } => format!("{length} token ids"),
        };
        format!("<mlc.Model {:?} of {} ({kind})>", self.handle.name(), self.source.display())
    }
}
