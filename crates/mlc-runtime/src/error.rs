//! Errors of loading and of prediction.

use core::fmt;

use mlc_format::FormatError;

/// Why a model could not be loaded from a (structurally valid) artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadError {
    /// The artifact's bytes are invalid.
    Format(FormatError),
    /// No model has that name.
    UnknownModel,
    /// The model's sections disagree with its manifest, or hold out-of-range values.
    Invalid {
        /// Index of the model.
        model: u32,
        /// The part involved, if any: `("tree", index)` or `("layer", index)`.
        part: Option<(&'static str, u32)>,
        /// What is wrong.
        what: &'static str,
    },
}

impl From<FormatError> for LoadError {
    fn from(e: FormatError) -> Self {
        LoadError::Format(e)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Format(e) => e.fmt(f),
            LoadError::UnknownModel => write!(f, "no model of that name in the artifact"),
            LoadError::Invalid { model, part: Some((kind, i)), what } => write!(f, "model {model}, {kind} {i}: {what}"),
            LoadError::Invalid { model, part: None, what } => write!(f, "model {model}: {what}"),
        }
    }
}

impl core::error::Error for LoadError {}

/// A caller error at prediction time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PredictError {
    /// The row (or batch) does not hold a whole number of rows of the model's feature count.
    FeatureCount {
        /// Features the model takes per row.
        expected: usize,
        /// Values given (per row for single-shot, in total for a batch).
        got: usize,
    },
    /// The output buffer has the wrong length.
    OutputLen {
        /// Values needed.
        expected: usize,
        /// Buffer length.
        got: usize,
    },
    /// The scratch buffer is too small.
    ScratchLen {
        /// Values needed.
        expected: usize,
        /// Buffer length.
        got: usize,
    },
    /// A token id is not below the vocabulary size.
    TokenId {
        /// 0-based position in the input.
        position: usize,
        /// The id.
        id: u32,
        /// Vocabulary size.
        vocab: usize,
    },
    /// The input kind (ids, floats, text) is not the one the model takes.
    InputKind,
}

impl fmt::Display for PredictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PredictError::FeatureCount { expected, got } => {
                write!(f, "wrong feature count: the model takes {expected} features per row, got {got}")
            }
            PredictError::OutputLen { expected, got } => {
                write!(f, "output buffer holds {got} values, {expected} are needed")
            }
            PredictError::ScratchLen { expected, got } => {
                write!(f, "scratch buffer holds {got} values, {expected} are needed")
            }
            PredictError::TokenId { position, id, vocab } => {
                write!(f, "token id {id} at position {} is not below the vocabulary size {vocab}", position + 1)
            }
            PredictError::InputKind => write!(f, "this model takes another kind of input (token ids, floats or text)"),
        }
    }
}

impl core::error::Error for PredictError {}
