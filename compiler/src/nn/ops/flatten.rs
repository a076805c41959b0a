//! `Flatten`: `(length, channels)` → `length · channels` features, row-major (position by
//! position); a no-op on the data, which is channels-last already.

use candle_core::Tensor as CTensor;
use mlc_format::net::{LayerRecord, Op};

use super::activations_dtype;
use crate::nn::Int8;

/// The record of a flatten of `input`; int8 (`q`): int8 in and out.
pub fn lower(input: (u32, u32), q: Option<&Int8>) -> LayerRecord {
    let mut r = LayerRecord::new(Op::Flatten, input, (1, input.0 * input.1));
    r.dtype = activations_dtype(q);
    r
}

/// `x` `(batch, channels, length)` as `(batch, length · channels)`, positions first; a vector
/// `(batch, features)` as it is.
pub fn reference(x: CTensor) -> candle_core::Result<CTensor> {
    if x.rank() == 3 {
        x.transpose(1, 2)?.contiguous()?.flatten_from(1)
    } else {
        Ok(x)
    }
}

#[cfg(test)]
mod tests {
    use mlc_format::net::DType;

    use super::*;
    use crate::nn::ops::test_util::{seq, values, vector};

    /// Channel 0 [1, 2], channel 1 [3, 4]: position 0 is [1, 3], position 1 [2, 4], so the
    /// flattened vector is [1, 3, 2, 4].
    #[test]
    fn reference_flattens_position_by_position() {
        let y = reference(seq(&[&[1.0, 2.0], &[3.0, 4.0]])).unwrap();
        assert_eq!(y.dims(), &[1, 4]);
        assert_eq!(values(&y), [1.0, 3.0, 2.0, 4.0]);
        assert_eq!(values(&reference(vector(&[5.0, 6.0])).unwrap()), [5.0, 6.0]);
    }

    #[test]
    fn lowering_multiplies_the_shape() {
        let r = lower((3, 5), None);
        assert_eq!((r.op, r.in_len, r.in_ch, r.out_len, r.out_ch, r.dtype), (Op::Flatten, 3, 5, 1, 15, DType::Float));
        let q = Int8 { input_i8: true, output_i8: true, ..Int8::default() };
        assert_eq!(lower((3, 5), Some(&q)).dtype, DType::Int8InOut);
    }
}
