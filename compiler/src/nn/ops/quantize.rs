//! `Quantize` and `Dequantize`: the steps between float and int8 activations that
//! [`quantize`](crate::nn::quantize::quantize) inserts. Their one weight is the scale.

use candle_core::Tensor as CTensor;
use mlc_format::net::{LayerRecord, Op};

use super::{activations_dtype, Weights};
use crate::nn::Int8;

/// The record of a quantize or dequantize `op` with `scale` (in `net-weights`); the data types
/// from `q` (int8 out, or int8 in).
pub fn lower(op: Op, scale: f32, input: (u32, u32), q: Option<&Int8>, weights: &mut Weights) -> LayerRecord {
    let mut r = LayerRecord::new(op, input, input);
    (r.weight_offset, r.weight_len) = weights.push(&[scale]);
    r.dtype = activations_dtype(q);
    r
}

/// The float value of quantizing `x` with `scale`: `clamp(round(x / scale), −127, 127) · scale`
/// (dequantizing is the identity on it).
pub fn quantize_reference(x: &CTensor, scale: f32) -> candle_core::Result<CTensor> {
    (x / scale as f64)?.round()?.clamp(-127f32, 127f32)? * scale as f64
}

#[cfg(test)]
mod tests {
    use mlc_format::net::DType;

    use super::*;
    use crate::nn::ops::test_util::{values, vector};

    /// Scale 0.5: [0.26, −1, 100] / 0.5 = [0.52, −2, 200] → round [1, −2, 200] → clamp
    /// [1, −2, 127] → × 0.5 = [0.5, −1, 63.5].
    #[test]
    fn reference_rounds_and_saturates() {
        assert_eq!(values(&quantize_reference(&vector(&[0.26, -1.0, 100.0]), 0.5).unwrap()), [0.5, -1.0, 63.5]);
    }

    #[test]
    fn lowering_stores_the_scale() {
        let mut w = Weights { floats: vec![1.0, 2.0], ..Weights::default() };
        let q = Int8 { output_i8: true, ..Int8::default() };
        let r = lower(Op::Quantize, 0.25, (4, 3), Some(&q), &mut w);
        assert_eq!((r.op, r.in_len, r.in_ch, r.out_len, r.out_ch), (Op::Quantize, 4, 3, 4, 3));
        assert_eq!((r.weight_offset, r.weight_len, r.dtype), (2, 1, DType::Int8Out));
        assert_eq!(w.floats, [1.0, 2.0, 0.25]);
        let q = Int8 { input_i8: true, ..Int8::default() };
        assert_eq!(lower(Op::Dequantize, 0.25, (1, 3), Some(&q), &mut w).dtype, DType::Int8In);
    }
}
