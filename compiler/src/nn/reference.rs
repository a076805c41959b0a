//! The float reference executor, on candle: reproduces Keras' float inference independently of
//! the runtime's kernels — the tests hold both to Keras' outputs (tests/e2e/keras.rs) and to
//! each other on random networks (tests/e2e/properties.rs). The compiler itself measures with
//! the runtime's float kernels ([`super::float_net`]), which give the same numbers on every
//! machine. Each layer runs by its operation's module ([`super::ops`]).

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
///
/// Runs the float layers of the original and of the model after the graph passes (a folded
/// embedding-convolution included); the int8 forms chosen by quantization are not used.
pub fn predict(model: &NnModel, batch: Batch<'_>) -> candle_core::Result<Vec<Vec<f32>>> {
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
    for layer in &model.layers {
        x = ops::reference(&layer.op, x)?;
    }
    x.to_dtype(DType::F32)?.to_vec2()
}
