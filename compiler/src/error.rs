//! Errors of the compiler, each naming the file, the model and the place inside them.

use std::path::PathBuf;

use mlc_format::writer::WriteError;
use mlc_runtime::PredictError;

/// Why a model file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is not a well-formed model of its framework.
    #[error("{file}: {message}")]
    Parse {
        /// The file.
        file: String,
        /// What is wrong, and where.
        message: String,
    },
    /// The model is well-formed but uses something mlc does not support.
    #[error("{file}: unsupported: {what}")]
    Unsupported {
        /// The file.
        file: String,
        /// What, and where (tree and node, layer and option).
        what: String,
    },
}

impl ImportError {
    pub(crate) fn parse(file: &str, message: String) -> Self {
        ImportError::Parse { file: file.into(), message }
    }
}

/// Why compilation failed.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// A model argument (`NAME=PATH` or `PATH`) names no model.
    #[error("cannot tell a model name from `{arg}`; write NAME=PATH")]
    ModelName {
        /// The argument as given.
        arg: String,
    },
    /// A model file could not be read.
    #[error("cannot read {path}: {error}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// The artifact could not be written.
    #[error("cannot write {path}: {error}")]
    Output {
        /// The artifact's path.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// A model could not be imported.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A tree model cannot be laid out as asked (a forced layout the runtime cannot load,
    /// leaves too large for fixed point).
    #[error("{file}: {what}")]
    Layout {
        /// The model file.
        file: String,
        /// What does not fit, and what to do instead.
        what: String,
    },
    /// A network cannot be quantized (an `i32` accumulator could overflow, or the network is
    /// already quantized).
    #[error("model `{model}`: {what}")]
    Quantize {
        /// The model's name.
        model: String,
        /// The layer, and why.
        what: String,
    },
    /// The calibration inputs are empty.
    #[error("{file}: no calibration inputs")]
    NoCalibrationInputs {
        /// Where the inputs come from ([`crate::Calibration::source`]).
        file: String,
    },
    /// A calibration input does not fit the model.
    #[error("{file}: line {line}: model `{model}`: {what}")]
    CalibrationInput {
        /// Where the inputs come from ([`crate::Calibration::source`]).
        file: String,
        /// The line, counted from 1.
        line: usize,
        /// The model's name.
        model: String,
        /// What is wrong with the line.
        what: String,
    },
    /// A check row ([`crate::CompileOptions::check_rows`]) does not fit the model.
    #[error("check row {row}: model `{model}`: {error}")]
    CheckRow {
        /// The row, counted from 1.
        row: usize,
        /// The model's name.
        model: String,
        /// Why the compiled model refused it.
        error: PredictError,
    },
    /// The models do not form a valid artifact (duplicate or empty names).
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A compiler invariant does not hold (a bug in mlc, not in the input): e.g. the written
    /// artifact does not validate, or a float model differs from its source.
    #[error("internal: {0}")]
    Internal(String),
}
