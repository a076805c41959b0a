//! The Python package `mlc`'s native module, `mlc._mlc` (PyO3 + rust-numpy).
//!
//! A thin layer over the host crates: [`artifact::Artifact`] is an `mlc_host::Registry`
//! (an artifact file or a directory of them, models loaded on first use), [`model::Model`] one
//! of its models, predicting through `mlc_runtime::Model::run` with the GIL released;
//! [`compile`] calls `mlc_compiler::compile_models` and [`transform`] `mlc_host::transform`,
//! as the CLI does. Input conversion (pandas, lists, dtypes) and the exception classes live in
//! the Python half of the package (`python/mlc/`); errors carry the CLI's messages.

mod artifact;
mod compile;
mod convert;
mod errors;
mod model;
mod transform;

use pyo3::prelude::*;

/// The native module `mlc._mlc` (imported by `mlc/__init__.py`).
#[pymodule]
fn _mlc(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<artifact::Artifact>()?;
    m.add_class::<model::Model>()?;
    m.add_function(wrap_pyfunction!(compile::compile, m)?)?;
    m.add_function(wrap_pyfunction!(transform::transform, m)?)?;
    m.add_function(wrap_pyfunction!(convert::category_codes, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
