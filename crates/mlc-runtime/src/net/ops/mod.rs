//! The operations, one module each, named as [`Op`]'s variants are (docs/format.md §9.3); the
//! compiler has the same modules under the same names (`mlc_compiler::nn::ops`). Each module
//! defines `KERNELS`, an [`OpKernels`]: what a record of its operation must satisfy at load and
//! how the operation runs, in float and in int8. [`kernels`] is the one place that maps an
//! [`Op`] to its module; adding an operation is a new variant of [`Op`], a new module here and
//! an arm there (docs/adding-an-op.md).

mod accumulate;
mod batch_normalization;
mod conv1d;
#[cfg(target_arch = "aarch64")]
mod conv1d_neon;
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
mod conv1d_vec;
#[cfg(target_arch = "x86_64")]
mod conv1d_x86;
mod dense;
mod embedding;
mod embedding_conv1d;
mod flatten;
mod global_pool;
mod pool;
mod quantize;

use mlc_format::net::{LayerRecord, Op};

/// What the runtime knows of one operation.
pub(super) struct OpKernels {
    /// Checks the operation's own fields of a record (window, stride, lengths, channels; the
    /// loader has checked that every dimension is at least 1 and that the input shape is the
    /// previous layer's output); returns how many weights the layer must have, or `None` if the
    /// fields are inconsistent.
    pub check: fn(&LayerRecord) -> Option<u64>,
    /// Checks the values of the layer's parameters, once their ranges are known to be valid.
    pub check_params: fn(&LayerRecord, &Params<'_>) -> Result<(), &'static str>,
    /// Runs the layer on `io` — and the global max pooling `fused` after it, when the loop
    /// fuses the two (`super::fused`: accumulating operations only).
    pub run: fn(&LayerRecord, Option<&LayerRecord>, &Params<'_>, Io<'_>),
}

/// The kernels of `op`.
pub(super) fn kernels(op: Op) -> &'static OpKernels {
    match op {
        Op::Embedding => &embedding::KERNELS,
        Op::Conv1D => &conv1d::KERNELS,
        Op::MaxPool1D | Op::AvgPool1D => &pool::KERNELS,
        Op::GlobalMaxPool1D | Op::GlobalAvgPool1D => &global_pool::KERNELS,
        Op::Flatten => &flatten::KERNELS,
        Op::Dense => &dense::KERNELS,
        Op::EmbeddingConv1D => &embedding_conv1d::KERNELS,
        Op::Quantize => &quantize::QUANTIZE,
        Op::Dequantize => &quantize::DEQUANTIZE,
        Op::BatchNormalization => &batch_normalization::KERNELS,
    }
}

/// For [`OpKernels::check_params`]: an operation whose parameter values need no check.
fn any_params(_: &LayerRecord, _: &Params<'_>) -> Result<(), &'static str> {
    Ok(())
}

/// A layer's parameters, sliced from the model's sections at the offsets the loader checked.
/// A float layer has `w` and `bias`; a layer with int8 weights has `w8`, `bias8` and, if it
/// accumulates, `requant` ((multiplier, shift) per output channel).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Params<'a> {
    /// Float weights (`net-weights`): a table, a kernel, or a quantization scale.
    pub w: &'a [f32],
    /// Float bias (`net-weights`).
    pub bias: &'a [f32],
    /// Int8 weights (`net-weights-i8`).
    pub w8: &'a [i8],
    /// Bias in accumulator units (`net-quant`).
    pub bias8: &'a [i32],
    /// Requantization pairs (`net-quant`).
    pub requant: &'a [i32],
}

/// A layer's data for one prediction: its input, its output and working rows.
pub(super) struct Io<'s> {
    /// Token ids (read by a first layer that reads ids).
    pub ids: &'s [u32],
    /// The input activation buffer: floats, or int8 values viewed as bytes.
    pub x: &'s [f32],
    /// The output activation buffer, likewise.
    pub y: &'s mut [f32],
    /// Two rows of accumulators (`f32`, or `i32` viewed in place).
    pub acc: &'s mut [f32],
}

/// The first `n` int8 values of an activation buffer.
fn int8(buf: &[f32], n: usize) -> &[i8] {
    &bytemuck::cast_slice(buf)[..n]
}

/// The first `n` int8 values of an activation buffer, to write.
fn int8_mut(buf: &mut [f32], n: usize) -> &mut [i8] {
    &mut bytemuck::cast_slice_mut(buf)[..n]
}

/// Runs single layers on given inputs, for the operations' unit tests.
#[cfg(test)]
mod testing {
    extern crate std;
    use std::vec;
    use std::vec::Vec;

    use super::*;

    /// Runs `l` (a float layer, unfused) on `ids` or float input `x`.
    pub fn run_float(l: &LayerRecord, w: &[f32], bias: &[f32], ids: &[u32], x: &[f32]) -> Vec<f32> {
        let params = Params { w, bias, ..Params::default() };
        let mut y = vec![0f32; l.out_values()];
        let mut acc = vec![0f32; 2 * l.out_ch as usize];
        (kernels(l.op).run)(l, None, &params, Io { ids, x, y: &mut y, acc: &mut acc });
        y
    }

    /// Runs `l` (unfused) with int8 input `x` (or `ids`) and `params`; returns the output's
    /// values as floats (int8 outputs converted exactly).
    pub fn run_int8(l: &LayerRecord, params: &Params<'_>, ids: &[u32], x: &[i8]) -> Vec<f32> {
        let mut input = vec![0f32; x.len().div_ceil(4).max(1)];
        bytemuck::cast_slice_mut::<f32, i8>(&mut input)[..x.len()].copy_from_slice(x);
        let mut y = vec![0f32; l.out_values()];
        let mut acc = vec![0f32; 2 * l.out_ch as usize];
        (kernels(l.op).run)(l, None, params, Io { ids, x: &input, y: &mut y, acc: &mut acc });
        if l.dtype.out_i8() {
            int8(&y, l.out_values()).iter().map(|&q| q as f32).collect()
        } else {
            y
        }
    }
}
