//! Python exceptions from the host crates' errors. The classes are defined in
//! `mlc/_errors.py` (so that `InputError` is also a `ValueError`, `UnknownModelError` a
//! `LookupError`, ...); each carries the message the CLI prints for the same error.

use mlc_host::HostError;
use mlc_runtime::PredictError;
use pyo3::prelude::*;
use pyo3::types::PyType;

/// The exception classes of `mlc._errors`.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// `mlc.FormatError`: the artifact is invalid or corrupted.
    Format,
    /// `mlc.InputError`: bad input (shape, dtype, values).
    Input,
    /// `mlc.UnknownModelError`: no model of that name.
    UnknownModel,
    /// `mlc.FileError`: the file cannot be read.
    File,
    /// `mlc.CompileError`: the compiler refused the models.
    Compile,
    /// `mlc.TransformError`: a batch transform failed.
    Transform,
}

impl Kind {
    fn class_name(self) -> &'static str {
        match self {
            Kind::Format => "FormatError",
            Kind::Input => "InputError",
            Kind::UnknownModel => "UnknownModelError",
            Kind::File => "FileError",
            Kind::Compile => "CompileError",
            Kind::Transform => "TransformError",
        }
    }
}

/// An exception of class `kind` with `message`.
pub fn error(kind: Kind, message: impl std::fmt::Display) -> PyErr {
    let message = message.to_string();
    Python::attach(|py| {
        let class = py.import("mlc._errors").and_then(|m| m.getattr(kind.class_name())).and_then(|c| Ok(c.cast_into::<PyType>()?));
        match class {
            Ok(class) => PyErr::from_type(class, message),
            Err(e) => e,
        }
    })
}

/// The exception of a host error (opening artifacts, choosing models).
pub fn host(e: HostError) -> PyErr {
    let kind = match &e {
        HostError::Io { .. } | HostError::EmptyDirectory { .. } => Kind::File,
        HostError::Format { .. } | HostError::Model { .. } | HostError::NotAnArtifact { .. } => Kind::Format,
        HostError::UnknownModel { .. } => Kind::UnknownModel,
        HostError::ModelRequired { .. } => Kind::Input,
    };
    error(kind, e)
}

/// The exception of a prediction the runtime refused (the input's fault).
pub fn predict(model: &str, e: PredictError) -> PyErr {
    error(Kind::Input, format!("model `{model}`: {e}"))
}
