//! `Dense`: fully connected, kernel `(in, out)`, then the activation.

use candle_core::{Device, Tensor as CTensor};
use mlc_format::net::{Activation, LayerRecord, Op};

use super::{activate, tensor, Weights};
use crate::nn::{Int8, Tensor};

/// The record of a dense layer of `kernel` `(in, out)`, `bias` and `activation` on a vector;
/// int8 (`q`): per-channel int8 weights, `i32` bias and requantization.
pub fn lower(
    kernel: &Tensor,
    bias: Option<&[f32]>,
    activation: Activation,
    input: (u32, u32),
    q: Option<&Int8>,
    weights: &mut Weights,
) -> LayerRecord {
    let mut r = LayerRecord::new(Op::Dense, input, (1, kernel.shape[1] as u32));
    r.activation = activation;
    weights.weighted(&mut r, &kernel.data, bias, q);
    r
}

/// `activation(x · kernel + bias)` of `x` `(batch, in)`: `(batch, out)`.
pub fn reference(x: &CTensor, kernel: &Tensor, bias: Option<&[f32]>, activation: Activation) -> candle_core::Result<CTensor> {
    let dev = Device::Cpu;
    let mut y = x.matmul(&tensor(kernel, &dev)?)?;
    if let Some(b) = bias {
        y = y.broadcast_add(&CTensor::from_slice(b, (1, b.len()), &dev)?)?;
    }
    activate(y, activation)
}

#[cfg(test)]
mod tests {
    use mlc_format::net::DType;

    use super::*;
    use crate::nn::ops::test_util::{int8, t, values, vector};

    /// x = [1, 2], kernel rows [1, 0.5] and [−1, 2]: [1 − 2, 0.5 + 4] = [−1, 4.5]; bias
    /// [1, −0.5] → [0, 4]. Sigmoid: [1/2, 1/(1 + e^−4)]; softmax of [0, 4]: [1, e^4] / (1 + e^4).
    #[test]
    fn reference_multiplies_adds_and_activates() {
        let kernel = t(&[2, 2], &[1.0, 0.5, -1.0, 2.0]);
        let x = vector(&[1.0, 2.0]);
        let bias = [1.0, -0.5];
        assert_eq!(values(&reference(&x, &kernel, None, Activation::Linear).unwrap()), [-1.0, 4.5]);
        assert_eq!(values(&reference(&x, &kernel, Some(&bias), Activation::Linear).unwrap()), [0.0, 4.0]);
        assert_eq!(values(&reference(&x, &kernel, None, Activation::Relu).unwrap()), [0.0, 4.5]);
        let close = |got: Vec<f32>, want: [f64; 2]| got.iter().zip(want).all(|(g, w)| (*g as f64 - w).abs() < 1e-6);
        let e4 = 4f64.exp();
        assert!(close(values(&reference(&x, &kernel, Some(&bias), Activation::Sigmoid).unwrap()), [0.5, 1.0 / (1.0 + 1.0 / e4)]));
        assert!(close(values(&reference(&x, &kernel, Some(&bias), Activation::Softmax).unwrap()), [1.0 / (1.0 + e4), e4 / (1.0 + e4)]));
        assert!(close(values(&reference(&x, &kernel, Some(&bias), Activation::Tanh).unwrap()), [0.0, 4f64.tanh()]));
    }

    #[test]
    fn lowering_writes_kernel_bias_and_activation() {
        let kernel = t(&[3, 2], &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let mut w = Weights { floats: vec![0.0; 3], ..Weights::default() };
        let r = lower(&kernel, Some(&[7.0, 8.0]), Activation::Sigmoid, (1, 3), None, &mut w);
        assert_eq!((r.op, r.in_len, r.in_ch, r.out_len, r.out_ch, r.activation), (Op::Dense, 1, 3, 1, 2, Activation::Sigmoid));
        assert_eq!((r.weight_offset, r.weight_len, r.bias_offset, r.bias_len, r.dtype), (3, 6, 9, 2, DType::Float));
        assert_eq!(w.floats[3..], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);

        // Int8 in, float out (the last layer): no bias given, requantization to float.
        let q = int8(&[1, 2, 3, 4, 5, 6], &[], &[(3, 4), (5, 6)], true, false);
        let mut w = Weights::default();
        let r = lower(&kernel, None, Activation::Sigmoid, (1, 3), Some(&q), &mut w);
        assert_eq!((r.weight_len, r.bias_len, r.quant_offset, r.dtype), (6, 0, 0, DType::Int8WeightsIn));
        assert_eq!((w.int8, w.quant), (vec![1, 2, 3, 4, 5, 6], vec![3, 4, 5, 6]));
    }
}
