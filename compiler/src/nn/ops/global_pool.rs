//! `GlobalMaxPool1D` and `GlobalAvgPool1D`: max or mean over the whole sequence, per channel:
//! a sequence becomes a vector. The max may carry an activation (a ReLU moved past it by
//! [`passes::relu_past_max_pool`](crate::nn::passes::relu_past_max_pool)).

use candle_core::Tensor as CTensor;
use mlc_format::net::{Activation, LayerRecord, Op};

use super::{activate, activations_dtype};
use crate::nn::Int8;

/// The record of a global pooling `op` (max or average) with `activation` after it; int8
/// (`q`): int8 in and out.
pub fn lower(op: Op, activation: Activation, input: (u32, u32), q: Option<&Int8>) -> LayerRecord {
    let mut r = LayerRecord::new(op, input, (1, input.1));
    r.activation = activation;
    r.dtype = activations_dtype(q);
    r
}

/// `activation` of the max over the sequence of `x` `(batch, channels, length)`:
/// `(batch, channels)`.
pub fn max_reference(x: &CTensor, activation: Activation) -> candle_core::Result<CTensor> {
    activate(x.max(2)?, activation)
}

/// The mean over the sequence of `x` `(batch, channels, length)`: `(batch, channels)`.
pub fn avg_reference(x: &CTensor) -> candle_core::Result<CTensor> {
    x.mean(2)
}

#[cfg(test)]
mod tests {
    use mlc_format::net::DType;

    use super::*;
    use crate::nn::ops::test_util::{seq, values};

    /// Channel 0 [1, −4, 2], channel 1 [−3, −1, −2]: max [2, −1] (ReLU: [2, 0]); mean
    /// [(1 − 4 + 2) / 3, −6 / 3] = [−1/3, −2].
    #[test]
    fn references_reduce_the_sequence() {
        let x = seq(&[&[1.0, -4.0, 2.0], &[-3.0, -1.0, -2.0]]);
        assert_eq!(values(&max_reference(&x, Activation::Linear).unwrap()), [2.0, -1.0]);
        assert_eq!(values(&max_reference(&x, Activation::Relu).unwrap()), [2.0, 0.0]);
        let mean = values(&avg_reference(&x).unwrap());
        assert!((mean[0] + 1.0 / 3.0).abs() < 1e-7 && mean[1] == -2.0, "{mean:?}");
    }

    #[test]
    fn lowering_makes_a_vector() {
        let r = lower(Op::GlobalMaxPool1D, Activation::Relu, (9, 4), None);
        assert_eq!((r.op, r.in_len, r.in_ch, r.out_len, r.out_ch, r.activation), (Op::GlobalMaxPool1D, 9, 4, 1, 4, Activation::Relu));
        assert_eq!((r.window, r.weight_len, r.dtype), (0, 0, DType::Float));
        let q = Int8 { input_i8: true, output_i8: true, ..Int8::default() };
        assert_eq!(lower(Op::GlobalAvgPool1D, Activation::Linear, (9, 4), Some(&q)).dtype, DType::Int8InOut);
    }
}
