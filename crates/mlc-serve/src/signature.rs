//! The tensors a model takes and gives under the Open Inference Protocol, from what the model
//! says it takes ([`Model::input_kind`]) — the one definition that model metadata and the
//! checks of an inference request share.
//!
//! | model | input | datatype | shape |
//! |---|---|---|---|
//! | tree ensemble, float network | `features` | FP32 (FP64 converted) | `[-1, F]` (a sequence network: `[-1, L, C]`) |
//! | text network | `text` | BYTES, raw text | `[-1]` or `[-1, 1]` |
//! | text or token-id network | `input_ids` | INT32 or INT64 | `[-1, L]` |
//!
//! Outputs: `predictions` (FP32 `[-1, W]`: the objective's output, e.g. a probability), and for
//! tree ensembles `margins` (FP32 `[-1, G]`: the raw margins).

use mlc_format::manifest::NetInput;
use mlc_runtime::{InputKind, Model, Output};

use crate::protocol::tensor::{elements, shape_text, DataType, Tensor};
use crate::protocol::ApiError;

/// The input of a model that takes numbers.
pub const FEATURES: &str = "features";
/// The input of a text model's raw texts.
pub const TEXT: &str = "text";
/// The input of token ids.
pub const INPUT_IDS: &str = "input_ids";
/// The predictions output.
pub const PREDICTIONS: &str = "predictions";
/// The margins output (tree ensembles).
pub const MARGINS: &str = "margins";

/// A tensor of model metadata.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TensorSpec {
    /// Its name.
    pub name: &'static str,
    /// Its datatype.
    pub datatype: &'static str,
    /// Its shape, -1 for the batch.
    pub shape: Vec<i64>,
}

/// The inputs `model` takes (a text model: either of two).
pub fn inputs(model: &Model<'_>) -> Vec<TensorSpec> {
    let spec = |name, datatype, shape: Vec<i64>| TensorSpec { name, datatype, shape };
    match model.input_kind() {
        InputKind::Floats { features } => {
            let shape = match model {
                Model::Net(n) => match n.input() {
                    NetInput::Sequence { length, channels } => vec![-1, length as i64, channels as i64],
                    _ => vec![-1, features as i64],
                },
                Model::Trees(_) | Model::Linear(_) => vec![-1, features as i64],
            };
            vec![spec(FEATURES, "FP32", shape)]
        }
        InputKind::TokenIds { length, text, .. } => {
            let mut specs = Vec::new();
            if text {
                specs.push(spec(TEXT, "BYTES", vec![-1]));
            }
            specs.push(spec(INPUT_IDS, "INT32", vec![-1, length as i64]));
            specs
        }
    }
}

/// The outputs `model` gives.
pub fn outputs(model: &Model<'_>) -> Vec<TensorSpec> {
    let mut specs = vec![TensorSpec { name: PREDICTIONS, datatype: "FP32", shape: vec![-1, model.width(Output::Prediction) as i64] }];
    if model.has_margins() {
        specs.push(TensorSpec { name: MARGINS, datatype: "FP32", shape: vec![-1, model.width(Output::Margins) as i64] });
    }
    specs
}

/// The output named `name`; an error naming the outputs there are.
pub fn output(model: &Model<'_>, name: &str) -> Result<Output, ApiError> {
    match (name, model) {
        (PREDICTIONS, _) => Ok(Output::Prediction),
        (MARGINS, m) if m.has_margins() => Ok(Output::Margins),
        _ => Err(ApiError::bad_request(format!("unknown output `{name}`: the model gives {}", names(&outputs(model))))),
    }
}

/// How a request's input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Numbers, `rows` records.
    Floats {
        /// Records.
        rows: usize,
    },
    /// Token ids, `rows` records.
    Ids {
        /// Records.
        rows: usize,
    },
    /// Texts, one record each.
    Texts {
        /// Records.
        rows: usize,
    },
}

/// Checks that `tensor` is an input `model` takes (name, datatype, shape), and says how to read
/// it. Errors name the input and what the model takes.
pub fn check_input(model: &Model<'_>, tensor: &Tensor<'_>) -> Result<Reading, ApiError> {
    let specs = inputs(model);
    let Some(spec) = specs.iter().find(|s| s.name == tensor.name) else {
        return Err(ApiError::bad_request(format!("unknown input `{}`: the model takes {}", tensor.name, names(&specs))));
    };
    let wrong_type = |takes: &str| {
        ApiError::bad_request(format!("input `{}`: datatype {}: the model takes {takes}", tensor.name, tensor.datatype.name()))
    };
    let wrong_shape =
        || ApiError::bad_request(format!("input `{}`: shape {}: the model takes {:?}", tensor.name, shape_text(&tensor.shape), spec.shape));
    // Values per record: the shape after its first (batch) dimension.
    let per_record = |shape: &[u64]| -> Option<usize> { usize::try_from(elements(shape.get(1..)?)?).ok() };
    let rows = tensor.shape.first().and_then(|&r| usize::try_from(r).ok());
    match (spec.name, tensor.datatype) {
        (FEATURES, DataType::Fp32 | DataType::Fp64) => {
            let want = model.input_kind().values();
            match (tensor.shape.len() >= 2, per_record(&tensor.shape), rows) {
                (true, Some(values), Some(rows)) if values == want => Ok(Reading::Floats { rows }),
                _ => Err(wrong_shape()),
            }
        }
        (FEATURES, _) => Err(wrong_type("FP32 (or FP64)")),
        (INPUT_IDS, DataType::Int(4 | 8)) => {
            let want = model.input_kind().values();
            match (tensor.shape.len() >= 2, per_record(&tensor.shape), rows) {
                (true, Some(values), Some(rows)) if values == want => Ok(Reading::Ids { rows }),
                _ => Err(wrong_shape()),
            }
        }
        (INPUT_IDS, _) => Err(wrong_type("INT32 (or INT64)")),
        (_, DataType::Bytes) => match (tensor.shape.as_slice(), rows) {
            ([_] | [_, 1], Some(rows)) => Ok(Reading::Texts { rows }),
            _ => Err(wrong_shape()),
        },
        _ => Err(wrong_type("BYTES")),
    }
}

/// "`a` (FP32 [-1, 18]) or `b` (...)".
fn names(specs: &[TensorSpec]) -> String {
    specs.iter().map(|s| format!("`{}` ({} {:?})", s.name, s.datatype, s.shape)).collect::<Vec<_>>().join(" or ")
}
