//! One module per network operation, named as the runtime's (`mlc_runtime::net::ops`) and as
//! [`mlc_format::net::Op`]: each holds its operation's lowering — the IR layer → its
//! [`LayerRecord`] fields and its weights, float32 or int8 (docs/format.md §9) — and its float
//! reference on candle. [`lower()`] and [`reference()`] dispatch to them.
//!
//! References take and give sequences as `(batch, channels, length)` and vectors as
//! `(batch, features)`; token ids as `(batch, length)`.

pub mod batch_normalization;
pub mod conv1d;
pub mod dense;
pub mod embedding;
pub mod embedding_conv1d;
pub mod flatten;
pub mod global_pool;
pub mod pool;
pub mod quantize;

use candle_core::{Device, Tensor as CTensor};
use mlc_format::net::{Activation, DType, LayerRecord};

use super::{Geometry, Int8, Layer, Op, Tensor};

/// The weight sections of a network, filled as its layers are lowered (docs/format.md §9.5,
/// §9.9).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Weights {
    /// `net-weights`: float weights, biases and scales.
    pub floats: Vec<f32>,
    /// `net-weights-i8`: int8 weights.
    pub int8: Vec<u8>,
    /// `net-quant`: `i32` biases and requantization pairs (multiplier, shift).
    pub quant: Vec<i32>,
}

impl Weights {
    /// Appends float values: their offset and length in `net-weights`.
    pub fn push(&mut self, values: &[f32]) -> (u32, u32) {
        let offset = self.floats.len() as u32;
        self.floats.extend_from_slice(values);
        (offset, values.len() as u32)
    }

    /// Writes a layer's weights `w` and `bias` and sets the record's fields for them: float32,
    /// or, for a layer in int8 (`q`), `q`'s int8 weights, `i32` bias and requantization, and
    /// the data types.
    pub fn weighted(&mut self, r: &mut LayerRecord, w: &[f32], bias: Option<&[f32]>, q: Option<&Int8>) {
        let Some(q) = q else {
            (r.weight_offset, r.weight_len) = self.push(w);
            if let Some(b) = bias {
                (r.bias_offset, r.bias_len) = self.push(b);
            }
            return;
        };
        r.dtype = DType::from_flags(true, q.input_i8, q.output_i8);
        (r.weight_offset, r.weight_len) = (self.int8.len() as u32, w.len() as u32);
        self.int8.extend(q.weights.iter().map(|&v| v as u8));
        if !q.bias.is_empty() {
            (r.bias_offset, r.bias_len) = (self.quant.len() as u32, q.bias.len() as u32);
            self.quant.extend_from_slice(&q.bias);
        }
        if !q.requant.is_empty() {
            r.quant_offset = self.quant.len() as u32;
            self.quant.extend(q.requant.iter().flat_map(|&(m, s)| [m, s as i32]));
        }
    }
}

/// The data types of a layer without int8 weights: float, or the int8 activations of `q`.
pub fn activations_dtype(q: Option<&Int8>) -> DType {
    q.map_or(DType::Float, |q| DType::from_flags(false, q.input_i8, q.output_i8))
}

/// The record of `layer` on an input of `(length, channels)` (docs/format.md §9.2), its
/// weights appended to `weights`.
pub fn lower(layer: &Layer, input: (u32, u32), weights: &mut Weights) -> LayerRecord {
    let q = layer.int8.as_ref();
    // Output length and left padding of a sliding window (the importer checked that the input
    // is long enough).
    let window = || layer.op.geometry(input.0 as usize).unwrap_or(Geometry { out_len: 1, left: 0, right: 0 });
    match &layer.op {
        Op::Embedding { table } => embedding::lower(table, input, q, weights),
        Op::EmbeddingConv1D { table, bias, stride, dilation, activation, .. } => {
            let conv = conv1d::Conv { stride: *stride, dilation: *dilation, activation: *activation, geometry: window() };
            embedding_conv1d::lower(table, bias.as_deref(), &conv, input, q, weights)
        }
        Op::Conv1D { kernel, bias, stride, dilation, activation, .. } => {
            let conv = conv1d::Conv { stride: *stride, dilation: *dilation, activation: *activation, geometry: window() };
            conv1d::lower(kernel, bias.as_deref(), &conv, input, q, weights)
        }
        Op::MaxPool1D { pool, stride, .. } | Op::AvgPool1D { pool, stride, .. } => {
            pool::lower(layer.op.kind(), *pool, *stride, window(), input, q)
        }
        Op::GlobalMaxPool1D { activation } => global_pool::lower(layer.op.kind(), *activation, input, q),
        Op::GlobalAvgPool1D => global_pool::lower(layer.op.kind(), Activation::Linear, input, q),
        Op::Flatten => flatten::lower(input, q),
        Op::Dense { kernel, bias, activation } => dense::lower(kernel, bias.as_deref(), *activation, input, q, weights),
        Op::Quantize { scale } | Op::Dequantize { scale } => quantize::lower(layer.op.kind(), *scale, input, q, weights),
        Op::BatchNormalization { scale, offset, activation } => {
            batch_normalization::lower(scale, offset.as_deref(), *activation, input, q, weights)
        }
    }
}

/// The float output of `op` on `x` (the int8 forms chosen by quantization are not used).
pub fn reference(op: &Op, x: CTensor) -> candle_core::Result<CTensor> {
    // The window over the sequence axis: the last of ids `(batch, length)` and of sequences
    // `(batch, channels, length)`.
    let window = |x: &CTensor| {
        let len = x.dims().last().copied().unwrap_or(0);
        op.geometry(len).ok_or_else(|| candle_core::Error::Msg("input shorter than the window".into()))
    };
    match op {
        Op::Embedding { table } => embedding::reference(&x, table),
        Op::EmbeddingConv1D { table, bias, stride, dilation, activation, .. } => {
            let conv = conv1d::Conv { stride: *stride, dilation: *dilation, activation: *activation, geometry: window(&x)? };
            embedding_conv1d::reference(&x, table, bias.as_deref(), &conv)
        }
        Op::Conv1D { kernel, bias, stride, dilation, activation, .. } => {
            let conv = conv1d::Conv { stride: *stride, dilation: *dilation, activation: *activation, geometry: window(&x)? };
            conv1d::reference(&x, kernel, bias.as_deref(), &conv)
        }
        Op::MaxPool1D { pool, stride, .. } => pool::max_reference(&x, *pool, *stride, window(&x)?),
        Op::AvgPool1D { pool, stride, .. } => pool::avg_reference(&x, *pool, *stride, window(&x)?),
        Op::GlobalMaxPool1D { activation } => global_pool::max_reference(&x, *activation),
        Op::GlobalAvgPool1D => global_pool::avg_reference(&x),
        Op::Flatten => flatten::reference(x),
        Op::Dense { kernel, bias, activation } => dense::reference(&x, kernel, bias.as_deref(), *activation),
        Op::Quantize { scale } => quantize::quantize_reference(&x, *scale),
        Op::Dequantize { .. } => Ok(x),
        Op::BatchNormalization { scale, offset, activation } => batch_normalization::reference(&x, scale, offset.as_deref(), *activation),
    }
}

/// `t` as a candle tensor of its shape.
fn tensor(t: &Tensor, dev: &Device) -> candle_core::Result<CTensor> {
    CTensor::from_slice(&t.data, t.shape.as_slice(), dev)
}

/// `a` applied to `x`; softmax over axis 1 (the channels of a vector `(batch, features)`).
fn activate(x: CTensor, a: Activation) -> candle_core::Result<CTensor> {
    match a {
        Activation::Linear => Ok(x),
        Activation::Relu => x.relu(),
        Activation::Sigmoid => (x.neg()?.exp()? + 1.0)?.recip(),
        Activation::Tanh => x.tanh(),
        Activation::Softmax => {
            let max = x.max_keepdim(1)?;
            let e = x.broadcast_sub(&max)?.exp()?;
            e.broadcast_div(&e.sum_keepdim(1)?)
        }
    }
}

/// Pads the sequence axis (2) of `(batch, channels, length)` with `value`.
fn pad(x: &CTensor, left: usize, right: usize, value: f32) -> candle_core::Result<CTensor> {
    if left == 0 && right == 0 {
        return Ok(x.clone());
    }
    let (b, c, _) = x.dims3()?;
    let side = |n: usize| CTensor::full(value, (b, c, n), x.device());
    CTensor::cat(&[&side(left)?, x, &side(right)?], 2)
}

#[cfg(test)]
mod test_util {
    //! Helpers of the operations' unit tests.

    use candle_core::{Device, Tensor as CTensor};

    use crate::nn::{Int8, Tensor};

    /// A sequence batch `(1, channels, length)` from `rows[channel][position]`.
    pub fn seq(rows: &[&[f32]]) -> CTensor {
        let flat: Vec<f32> = rows.iter().flat_map(|r| r.iter().copied()).collect();
        CTensor::from_vec(flat, (1, rows.len(), rows[0].len()), &Device::Cpu).unwrap()
    }

    /// A vector batch `(1, features)`.
    pub fn vector(values: &[f32]) -> CTensor {
        CTensor::from_slice(values, (1, values.len()), &Device::Cpu).unwrap()
    }

    /// Token ids `(1, length)`.
    pub fn ids(values: &[u32]) -> CTensor {
        CTensor::from_slice(values, (1, values.len()), &Device::Cpu).unwrap()
    }

    /// The values of a batch of one, flattened (channels first for sequences).
    pub fn values(t: &CTensor) -> Vec<f32> {
        t.flatten_all().unwrap().to_vec1().unwrap()
    }

    /// A tensor of `shape`.
    pub fn t(shape: &[usize], data: &[f32]) -> Tensor {
        Tensor { shape: shape.to_vec(), data: data.to_vec() }
    }

    /// An int8 form with weights, bias and one requantization pair per output.
    pub fn int8(weights: &[i8], bias: &[i32], requant: &[(i32, u32)], input_i8: bool, output_i8: bool) -> Int8 {
        Int8 { weights: weights.to_vec(), bias: bias.to_vec(), requant: requant.to_vec(), input_i8, output_i8 }
    }
}
