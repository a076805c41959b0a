//! `mlc.transform`: a batch transform job (`mlc_host::transform`), as `mlc transform` runs it.

use std::path::PathBuf;

use mlc_host::transform as job;
use mlc_host::transform::{Accept, ContentType, OnError, Options, Routing};
use mlc_host::Registry;
use pyo3::prelude::*;

use crate::errors::{self, error, Kind};

/// Runs a batch transform job and returns its summary (a dict, as `mlc transform
/// --summary-json` writes it): every input file `F` (directories: every file inside) →
/// `output_dir/F.out`, one line per input line in order; bad records become `{"error": ...,
/// "line": N}` (`on_error="record"`) or stop the job (`"fail"`, `mlc.TransformError`).
///
/// `source`: an artifact or a directory of artifacts. `content_type`: `text/csv`,
/// `application/jsonlines`, `text/plain` or `text/libsvm`. `model` (every record's model) or `route_column`
/// (CSV: the 1-based column naming each record's model). `workers`: threads (default: the CPUs
/// available). `memory_budget`: most bytes of loaded models. The GIL is released while the
/// job runs. See docs/transform.md.
#[pyfunction]
#[pyo3(signature = (source, inputs, output_dir, content_type = "text/csv", model = None, route_column = None, workers = None,
                    max_payload_mb = 6.0, max_records = 1000, accept = "application/jsonlines", on_error = "record",
                    memory_budget = None, margin = false))]
#[allow(clippy::too_many_arguments)]
pub fn transform<'py>(
    py: Python<'py>,
    source: PathBuf,
    inputs: Vec<PathBuf>,
    output_dir: PathBuf,
    content_type: &str,
    model: Option<String>,
    route_column: Option<usize>,
    workers: Option<usize>,
    max_payload_mb: f64,
    max_records: usize,
    accept: &str,
    on_error: &str,
    memory_budget: Option<u64>,
    margin: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let bad = |what: &str, value: &str, allowed: &str| error(Kind::Input, format!("{what} must be {allowed}, not `{value}`"));
    let content_type = ContentType::from_mime(content_type)
        .ok_or_else(|| bad("content_type", content_type, "text/csv, application/jsonlines, text/plain or text/libsvm"))?;
    let accept = match accept {
        "application/jsonlines" => Accept::JsonLines,
        "application/json" => Accept::Json,
        other => return Err(bad("accept", other, "application/jsonlines or application/json")),
    };
    let on_error = match on_error {
        "record" => OnError::Record,
        "fail" => OnError::Fail,
        other => return Err(bad("on_error", other, "record or fail")),
    };
    if max_payload_mb.is_nan() || max_payload_mb <= 0.0 {
        return Err(error(Kind::Input, "max_payload_mb must be positive"));
    }
    let routing = match (route_column, model) {
        (Some(_), Some(_)) => return Err(error(Kind::Input, "give model or route_column, not both")),
        (Some(k), None) => Routing::Column(k),
        (None, model) => Routing::Model(model),
    };
    let options = Options {
        content_type,
        accept,
        max_payload: (max_payload_mb * (1 << 20) as f64) as usize,
        max_records: max_records.max(1),
        workers: workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1),
        routing,
        on_error,
        margin,
        ..Options::default()
    };
    options.check().map_err(|e| error(Kind::Input, e))?;
    let registry = Registry::open(&source, memory_budget.unwrap_or(u64::MAX)).map_err(errors::host)?;
    let files = job::plan(&inputs, &output_dir).map_err(|e| error(Kind::Transform, e))?;
    let summary = py.detach(|| job::run(&registry, &files, &options, &mut |_| {})).map_err(|e| error(Kind::Transform, e))?;
    let json = serde_json::to_string(&summary).map_err(|e| error(Kind::Transform, e))?;
    py.import("json")?.getattr("loads")?.call1((json,))
}
