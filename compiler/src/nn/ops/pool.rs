//! `MaxPool1D` and `AvgPool1D`: max or mean over windows along the sequence, per channel.
//! Padding positions take no part (TensorFlow's rule): the max ignores them, the mean divides
//! by the positions inside the input.

use candle_core::Tensor as CTensor;
use mlc_format::net::{LayerRecord, Op};

use super::{activations_dtype, pad};
use crate::nn::{Geometry, Int8};

/// The record of a pooling `op` (max or average) of window `pool` and `stride`; int8 (`q`):
/// int8 in and out, no weights.
pub fn lower(op: Op, pool: usize, stride: usize, geometry: Geometry, input: (u32, u32), q: Option<&Int8>) -> LayerRecord {
    let mut r = LayerRecord::new(op, input, (geometry.out_len as u32, input.1));
    (r.window, r.stride, r.pad_left) = (pool as u32, stride as u32, geometry.left as u32);
    r.dtype = activations_dtype(q);
    r
}

/// Windows of `pool` positions every `stride` over `(batch, channels, length)`, reduced by
/// `max` or by the mean.
fn window(x: &CTensor, pool: usize, stride: usize, max: bool) -> candle_core::Result<CTensor> {
    let t = x.unsqueeze(2)?;
    let y = if max { t.max_pool2d_with_stride((1, pool), (1, stride))? } else { t.avg_pool2d_with_stride((1, pool), (1, stride))? };
    y.squeeze(2)
}

/// The max over each window of `x` `(batch, channels, length)`.
pub fn max_reference(x: &CTensor, pool: usize, stride: usize, g: Geometry) -> candle_core::Result<CTensor> {
    window(&pad(x, g.left, g.right, f32::NEG_INFINITY)?, pool, stride, true)
}

/// The mean over the positions of each window of `x` that lie inside the input.
pub fn avg_reference(x: &CTensor, pool: usize, stride: usize, g: Geometry) -> candle_core::Result<CTensor> {
    let sum = window(&pad(x, g.left, g.right, 0.0)?, pool, stride, false)?;
    let count = window(&pad(&x.ones_like()?, g.left, g.right, 0.0)?, pool, stride, false)?;
    sum / count
}

#[cfg(test)]
mod tests {
    use mlc_format::net::DType;

    use super::*;
    use crate::nn::ops::test_util::{seq, values};
    use crate::nn::{Op as IrOp, Padding};

    fn geometry(padding: Padding) -> Geometry {
        IrOp::MaxPool1D { pool: 2, stride: 2, padding }.geometry(5).unwrap()
    }

    /// x = [1, 3, 2, 5, 4], pool 2, stride 2. Valid: windows [1, 3], [2, 5] → max [3, 5],
    /// mean [2, 3.5]. Same: a third window [4, padding] → max 4, mean 4 / 1 = 4.
    #[test]
    fn references_reduce_windows_inside_the_input() {
        let x = seq(&[&[1.0, 3.0, 2.0, 5.0, 4.0]]);
        assert_eq!(values(&max_reference(&x, 2, 2, geometry(Padding::Valid)).unwrap()), [3.0, 5.0]);
        assert_eq!(values(&avg_reference(&x, 2, 2, geometry(Padding::Valid)).unwrap()), [2.0, 3.5]);
        assert_eq!(values(&max_reference(&x, 2, 2, geometry(Padding::Same)).unwrap()), [3.0, 5.0, 4.0]);
        assert_eq!(values(&avg_reference(&x, 2, 2, geometry(Padding::Same)).unwrap()), [2.0, 3.5, 4.0]);
        // Negative values: padding never wins the max. [−1, −3], [−2, −5], [−4, pad] → [−1, −2, −4].
        let neg = seq(&[&[-1.0, -3.0, -2.0, -5.0, -4.0]]);
        assert_eq!(values(&max_reference(&neg, 2, 2, geometry(Padding::Same)).unwrap()), [-1.0, -2.0, -4.0]);
    }

    #[test]
    fn lowering_writes_the_window() {
        let r = lower(Op::AvgPool1D, 2, 2, geometry(Padding::Same), (5, 3), None);
        assert_eq!((r.op, r.in_len, r.in_ch, r.out_len, r.out_ch), (Op::AvgPool1D, 5, 3, 3, 3));
        assert_eq!((r.window, r.stride, r.dilation, r.pad_left, r.weight_len, r.dtype), (2, 2, 0, 0, 0, DType::Float));
        let q = Int8 { input_i8: true, output_i8: true, ..Int8::default() };
        let r = lower(Op::MaxPool1D, 2, 2, geometry(Padding::Valid), (5, 3), Some(&q));
        assert_eq!((r.op, r.out_len, r.dtype), (Op::MaxPool1D, 2, DType::Int8InOut));
    }
}
