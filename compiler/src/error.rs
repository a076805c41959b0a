//! Errors of the compiler, each naming the file and the place inside it.

use std::path::PathBuf;

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
    /// A model file could not be read.
    #[error("cannot read {path}: {error}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// A model could not be imported.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A model cannot be laid out as asked (e.g. a forced layout the runtime cannot load).
    #[error("{0}")]
    Layout(String),
    /// The models do not form a valid artifact (e.g. duplicate names).
    #[error("{0}")]
    Write(String),
    /// A model spec on the command line is malformed.
    #[error("{0}")]
    Usage(String),
}
