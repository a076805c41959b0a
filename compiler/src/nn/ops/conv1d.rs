//! `Conv1D`: 1-D convolution (cross-correlation, as Keras computes it), kernel `(k, in, out)`.

use candle_core::{Device, Tensor as CTensor};
use mlc_format::net::{Activation, LayerRecord, Op};

use super::{activate, pad, tensor, Weights};
use crate::nn::{Geometry, Int8, Tensor};

/// A convolution's sliding: shared by [`Op::Conv1D`] and the folded
/// [`Op::EmbeddingConv1D`](super::embedding_conv1d).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conv {
    /// Stride.
    pub stride: usize,
    /// Dilation.
    pub dilation: usize,
    /// Activation after the bias.
    pub activation: Activation,
    /// Output length and padding over the input.
    pub geometry: Geometry,
}

impl Conv {
    /// The record of a convolution `op` with `k` taps and `out_ch` outputs on `input`, weights
    /// not yet written.
    pub(super) fn record(&self, op: Op, k: usize, out_ch: usize, input: (u32, u32)) -> LayerRecord {
        let mut r = LayerRecord::new(op, input, (self.geometry.out_len as u32, out_ch as u32));
        (r.window, r.stride, r.dilation, r.pad_left) = (k as u32, self.stride as u32, self.dilation as u32, self.geometry.left as u32);
        r.activation = self.activation;
        r
    }
}

/// The record of a convolution with `kernel` `(k, in, out)` and `bias`; int8 (`q`): per-channel
/// int8 weights, `i32` bias and requantization.
pub fn lower(
    kernel: &Tensor,
    bias: Option<&[f32]>,
    conv: &Conv,
    input: (u32, u32),
    q: Option<&Int8>,
    weights: &mut Weights,
) -> LayerRecord {
    let mut r = conv.record(Op::Conv1D, kernel.shape[0], kernel.shape[2], input);
    weights.weighted(&mut r, &kernel.data, bias, q);
    r
}

/// The convolution of `x` `(batch, in, length)`: `(batch, out, out_len)`, zero padded.
pub fn reference(x: &CTensor, kernel: &Tensor, bias: Option<&[f32]>, conv: &Conv) -> candle_core::Result<CTensor> {
    let dev = Device::Cpu;
    let w = tensor(kernel, &dev)?.permute((2, 1, 0))?.contiguous()?; // (out, in, k)
    let g = conv.geometry;
    let mut y = pad(x, g.left, g.right, 0.0)?.conv1d(&w, 0, conv.stride, conv.dilation, 1)?;
    if let Some(b) = bias {
        y = y.broadcast_add(&CTensor::from_slice(b, (1, b.len(), 1), &dev)?)?;
    }
    activate(y, conv.activation)
}

#[cfg(test)]
mod tests {
    use mlc_format::net::DType;

    use super::*;
    use crate::nn::ops::test_util::{int8, seq, t, values};
    use crate::nn::{Op as IrOp, Padding};

    fn conv(kernel: &Tensor, stride: usize, dilation: usize, padding: Padding, activation: Activation, len: usize) -> Conv {
        let op = IrOp::Conv1D { kernel: kernel.clone(), bias: None, stride, dilation, padding, activation };
        Conv { stride, dilation, activation, geometry: op.geometry(len).unwrap() }
    }

    /// x = [1, 2, 3, 4], one channel; kernel taps [2, 1]: y[o] = 2·x[o·s + 0·d] + 1·x[o·s + 1·d].
    #[test]
    fn reference_slides_the_kernel() {
        let x = seq(&[&[1.0, 2.0, 3.0, 4.0]]);
        let kernel = t(&[2, 1, 1], &[2.0, 1.0]);
        // Valid, stride 1: [2+2, 4+3, 6+4] = [4, 7, 10], + bias 0.5.
        let c = conv(&kernel, 1, 1, Padding::Valid, Activation::Linear, 4);
        assert_eq!(values(&reference(&x, &kernel, Some(&[0.5]), &c).unwrap()), [4.5, 7.5, 10.5]);
        // Dilation 2 (span 3): [2·1 + 3, 2·2 + 4] = [5, 8].
        let c = conv(&kernel, 1, 2, Padding::Valid, Activation::Linear, 4);
        assert_eq!(values(&reference(&x, &kernel, None, &c).unwrap()), [5.0, 8.0]);
        // Same, stride 1: one zero on the right, [4, 7, 10, 2·4 + 0 = 8]; bias −5 and ReLU:
        // [−1, 2, 5, 3] → [0, 2, 5, 3].
        let c = conv(&kernel, 1, 1, Padding::Same, Activation::Relu, 4);
        assert_eq!(values(&reference(&x, &kernel, Some(&[-5.0]), &c).unwrap()), [0.0, 2.0, 5.0, 3.0]);
        // Stride 2, valid: positions 0 and 2, [2 + 2, 6 + 4] = [4, 10].
        let c = conv(&kernel, 2, 1, Padding::Valid, Activation::Linear, 4);
        assert_eq!(values(&reference(&x, &kernel, None, &c).unwrap()), [4.0, 10.0]);
    }

    /// Two input channels, two outputs: kernel (k 1, in 2, out 2) = [[1, 10], [100, 1000]];
    /// x channels [1, 2] and [3, 4] → out 0: [1 + 300, 2 + 400], out 1: [10 + 3000, 20 + 4000].
    #[test]
    fn reference_sums_over_input_channels() {
        let x = seq(&[&[1.0, 2.0], &[3.0, 4.0]]);
        let kernel = t(&[1, 2, 2], &[1.0, 10.0, 100.0, 1000.0]);
        let c = conv(&kernel, 1, 1, Padding::Valid, Activation::Linear, 2);
        let y = reference(&x, &kernel, None, &c).unwrap();
        assert_eq!(y.dims(), &[1, 2, 2]);
        assert_eq!(values(&y), [301.0, 402.0, 3010.0, 4020.0]);
    }

    #[test]
    fn lowering_writes_window_weights_and_bias() {
        let kernel = t(&[3, 2, 4], &[0.5; 24]);
        // Length 10, same padding, stride 2, dilation 2: span 5, out 5, 3 positions padding
        // in all, 1 on the left.
        let c = conv(&kernel, 2, 2, Padding::Same, Activation::Relu, 10);
        let mut w = Weights::default();
        let r = lower(&kernel, Some(&[1.0, 2.0, 3.0, 4.0]), &c, (10, 2), None, &mut w);
        assert_eq!((r.op, r.in_len, r.in_ch, r.out_len, r.out_ch), (Op::Conv1D, 10, 2, 5, 4));
        assert_eq!((r.window, r.stride, r.dilation, r.pad_left, r.activation), (3, 2, 2, 1, Activation::Relu));
        assert_eq!((r.weight_offset, r.weight_len, r.bias_offset, r.bias_len, r.dtype), (0, 24, 24, 4, DType::Float));
        assert_eq!(w.floats[24..], [1.0, 2.0, 3.0, 4.0]);

        // Int8 in and out: weights in net-weights-i8, bias then (multiplier, shift) pairs in net-quant.
        let q = int8(&[1; 24], &[5, 6, 7, 8], &[(1 << 30, 31); 4], true, true);
        let mut w = Weights { quant: vec![-1], ..Weights::default() };
        let r = lower(&kernel, Some(&[1.0, 2.0, 3.0, 4.0]), &c, (10, 2), Some(&q), &mut w);
        assert_eq!((r.weight_offset, r.weight_len, r.bias_offset, r.bias_len, r.quant_offset), (0, 24, 1, 4, 5));
        assert_eq!(r.dtype, DType::Int8);
        assert_eq!(w.quant[..5], [-1, 5, 6, 7, 8]);
        assert_eq!(w.quant[5..7], [1 << 30, 31]);
        assert!(w.floats.is_empty());
    }
}
