//! The float reference executor, on candle: reproduces Keras' float inference, and is what the
//! compiler checks quantized models against. Each layer runs by its operation's module
//! ([`super::ops`]).

use candle_core::{DType, Device, Tensor as CTensor};
use mlc_format::manifest::NetInput;

use super::{ops, NnModel};

/// A batch of model inputs.
pub enum Batch<'a> {
    /// Token ids, one row of `length` ids per example.
    Ids(&'a [Vec<u32>]),
    /// Float inputs, one row (sequence flattened `(length, channels)`, or vector) per example.
    Floats(&'a [Vec<f32>]),
}

/// Runs `model` on `batch`: one output vector per example.
pub fn predict(model: &NnModel, batch: Batch<'_>) -> candle_core::Result<Vec<Vec<f32>>> {
    predict_observed(model, batch, &mut |_, _| Ok(()))
}

/// [`predict`], showing `observe` each layer's output (its index, and the batch's outputs:
/// `(batch, channels, length)` for sequences, `(batch, features)` for vectors).
///
/// Runs the float layers of the original and of the model after the graph passes (a folded
/// embedding-convolution included); the int8 forms chosen by quantization are not used.
pub fn predict_observed(
    model: &NnModel,
    batch: Batch<'_>,
    observe: &mut dyn FnMut(usize, &CTensor) -> candle_core::Result<()>,
) -> candle_core::Result<Vec<Vec<f32>>> {
    let dev = Device::Cpu;
    // Sequences are (batch, channels, length) inside; vectors (batch, features).
    let mut x = match (batch, model.input) {
        (Batch::Ids(rows), NetInput::TokenIds { length }) => {
            let flat: Vec<u32> = rows.iter().flat_map(|r| r.iter().copied()).collect();
            CTensor::from_vec(flat, (rows.len(), length as usize), &dev)?
        }
        (Batch::Floats(rows), NetInput::Sequence { length, channels }) => {
            let flat: Vec<f32> = rows.iter().flat_map(|r| r.iter().copied()).collect();
            CTensor::from_vec(flat, (rows.len(), length as usize, channels as usize), &dev)?.transpose(1, 2)?.contiguous()?
        }
        (Batch::Floats(rows), NetInput::Vector { features }) => {
            let flat: Vec<f32> = rows.iter().flat_map(|r| r.iter().copied()).collect();
            CTensor::from_vec(flat, (rows.len(), features as usize), &dev)?
        }
        _ => candle_core::bail!("input kind does not match the model's input"),
    };
    for (i, layer) in model.layers.iter().enumerate() {
        x = ops::reference(&layer.op, x)?;
        observe(i, &x)?;
    }
    x.to_dtype(DType::F32)?.to_vec2()
}
