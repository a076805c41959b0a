//! [`Op::Quantize`](mlc_format::net::Op::Quantize) (float → int8, `q = clamp(round(x / s), −127, 127)`) and
//! [`Op::Dequantize`](mlc_format::net::Op::Dequantize) (int8 → float, `x = q × s`), with the scale `s` as the layer's one weight
//! (docs/format.md §9.9).

use mlc_format::net::LayerRecord;

use super::{int8, int8_mut, Io, OpKernels, Params};
use crate::net::activation;

pub(super) const QUANTIZE: OpKernels = OpKernels { check, check_params, run: quantize };
pub(super) const DEQUANTIZE: OpKernels = OpKernels { check, check_params, run: dequantize };

/// The shape kept; one weight, the scale.
fn check(l: &LayerRecord) -> Option<u64> {
    ((l.out_len, l.out_ch) == (l.in_len, l.in_ch)).then_some(1)
}

/// The scale is a positive number.
fn check_params(_: &LayerRecord, p: &Params<'_>) -> Result<(), &'static str> {
    if p.w.first().is_some_and(|&s| s > 0.0) {
        Ok(())
    } else {
        Err("quantization scale is not a positive number")
    }
}

fn quantize(l: &LayerRecord, _: Option<&LayerRecord>, p: &Params<'_>, io: Io<'_>) {
    let (n, s) = (l.in_values(), p.w[0]);
    let y = int8_mut(io.y, n);
    for (q, &v) in y.iter_mut().zip(&io.x[..n]) {
        let r = v / s;
        let r = if r >= 0.0 { r + 0.5 } else { r - 0.5 };
        *q = (r as i32).clamp(-127, 127) as i8; // `as` truncates toward zero and saturates; NaN → 0
    }
    activation::apply_i8(l.activation, y);
}

fn dequantize(l: &LayerRecord, _: Option<&LayerRecord>, p: &Params<'_>, io: Io<'_>) {
    let (n, s) = (l.in_values(), p.w[0]);
    let y = &mut io.y[..n];
    for (v, &q) in y.iter_mut().zip(int8(io.x, n)) {
        *v = q as f32 * s;
    }
    activation::apply(l.activation, y, l.out_ch as usize);
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run_float, run_int8};
    use super::*;
    use mlc_format::net::{DType, Op};

    #[test]
    fn quantize_rounds_half_away_saturates_and_zeroes_nan() {
        let l = LayerRecord { dtype: DType::Int8Out, weight_len: 1, ..LayerRecord::new(Op::Quantize, (1, 5), (1, 5)) };
        let y = run_float(&l, &[1.0], &[], &[], &[1.49, -2.5, 1e9, f32::NAN, -f32::INFINITY]);
        let q: &[i8] = &bytemuck::cast_slice(&y)[..5];
        assert_eq!(q, [1, -3, 127, 0, -127]);
    }

    #[test]
    fn dequantize_by_hand() {
        let l = LayerRecord { dtype: DType::Int8In, weight_len: 1, ..LayerRecord::new(Op::Dequantize, (1, 3), (1, 3)) };
        let params = Params { w: &[0.25], ..Params::default() };
        assert_eq!(run_int8(&l, &params, &[], &[4, -127, 0]), [1.0, -31.75, 0.0]);
        assert!(check_params(&l, &Params { w: &[0.0], ..Params::default() }).is_err());
        assert!(check_params(&l, &Params { w: &[f32::NAN], ..Params::default() }).is_err());
        assert!(check_params(&l, &params).is_ok());
    }
}
