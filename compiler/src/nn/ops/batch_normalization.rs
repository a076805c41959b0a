//! `BatchNormalization` (format 1.1): a scale and an offset per channel, `y = x × w + b` (then
//! the activation, linear as Keras has it), on a
//! sequence or a vector; int8 (`q`): one int8 weight per channel, `i32` offsets and
//! requantization, like a dense layer of one term per value.

use candle_core::{Device, Tensor as CTensor};
use mlc_format::net::{Activation, LayerRecord, Op};

use super::{activate, tensor, Weights};
use crate::nn::{Int8, Tensor};

/// The record of a batch normalization of `scale` `(channels)` and `offset` on an input of
/// `(length, channels)`; the shape is kept.
pub fn lower(
    scale: &Tensor,
    offset: Option<&[f32]>,
    activation: Activation,
    input: (u32, u32),
    q: Option<&Int8>,
    weights: &mut Weights,
) -> LayerRecord {
    let mut r = LayerRecord::new(Op::BatchNormalization, input, input);
    r.activation = activation;
    weights.weighted(&mut r, &scale.data, offset, q);
    r
}

/// `activation(x × scale + offset)` per channel of `x`: `(batch, channels, length)` or
/// `(batch, channels)`.
pub fn reference(x: &CTensor, scale: &Tensor, offset: Option<&[f32]>, activation: Activation) -> candle_core::Result<CTensor> {
    let dev = Device::Cpu;
    // The channel axis is 1 either way; broadcast over the batch and the positions.
    let shape: Vec<usize> = (0..x.rank()).map(|a| if a == 1 { scale.data.len() } else { 1 }).collect();
    let mut y = x.broadcast_mul(&tensor(scale, &dev)?.reshape(shape.as_slice())?)?;
    if let Some(b) = offset {
        y = y.broadcast_add(&CTensor::from_slice(b, shape.as_slice(), &dev)?)?;
    }
    activate(y, activation)
}

#[cfg(test)]
mod tests {
    use mlc_format::net::DType;

    use super::*;
    use crate::nn::ops::test_util::{int8, seq, t, values, vector};

    /// Channel 0 × 2 + 1, channel 1 × −0.5 + 0: the sequence (3, −1) / (4, 8) → (7, −1) /
    /// (−2, −4); the vector (3, 4) → (7, −2).
    #[test]
    fn reference_scales_and_offsets_each_channel() {
        let scale = t(&[2], &[2.0, -0.5]);
        let x = seq(&[&[3.0, -1.0], &[4.0, 8.0]]);
        assert_eq!(values(&reference(&x, &scale, Some(&[1.0, 0.0]), Activation::Linear).unwrap()), [7.0, -1.0, -2.0, -4.0]);
        assert_eq!(values(&reference(&vector(&[3.0, 4.0]), &scale, Some(&[1.0, 0.0]), Activation::Linear).unwrap()), [7.0, -2.0]);
        assert_eq!(values(&reference(&vector(&[3.0, 4.0]), &scale, None, Activation::Relu).unwrap()), [6.0, 0.0]);
    }

    #[test]
    fn lowering_keeps_the_shape_and_writes_scale_and_offset() {
        let scale = t(&[2], &[2.0, -0.5]);
        let mut w = Weights::default();
        let r = lower(&scale, Some(&[1.0, 0.0]), Activation::Linear, (5, 2), None, &mut w);
        assert_eq!((r.op, r.in_len, r.in_ch, r.out_len, r.out_ch), (Op::BatchNormalization, 5, 2, 5, 2));
        assert_eq!((r.weight_offset, r.weight_len, r.bias_offset, r.bias_len, r.dtype), (0, 2, 2, 2, DType::Float));
        assert_eq!(w.floats, [2.0, -0.5, 1.0, 0.0]);
        let q = int8(&[127, -127], &[3, 0], &[(1 << 30, 31), (1 << 30, 32)], true, true);
        let mut w = Weights::default();
        let r = lower(&scale, Some(&[1.0, 0.0]), Activation::Relu, (5, 2), Some(&q), &mut w);
        assert_eq!(r.activation, Activation::Relu);
        assert_eq!((r.weight_len, r.bias_len, r.dtype), (2, 2, DType::Int8));
        assert_eq!(w.quant, [3, 0, 1 << 30, 31, 1 << 30, 32]);
    }
}
