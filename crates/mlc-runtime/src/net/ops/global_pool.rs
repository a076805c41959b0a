//! [`Op::GlobalMaxPool1D`] and [`Op::GlobalAvgPool1D`]: the maximum or the mean over the whole
//! sequence, per channel; float, or int8 in and out (same scale).

use mlc_format::net::{LayerRecord, Op};

use super::{any_params, int8, int8_mut, Io, OpKernels, Params};
use crate::net::activation;
use crate::net::quant::rounded_mean;

pub(super) const KERNELS: OpKernels = OpKernels { check, check_params: any_params, run };

/// One position out, the channels kept; no weights.
fn check(l: &LayerRecord) -> Option<u64> {
    (l.out_len == 1 && l.out_ch == l.in_ch).then_some(0)
}

fn run(l: &LayerRecord, _: Option<&LayerRecord>, _: &Params<'_>, io: Io<'_>) {
    let (n_in, n_out) = (l.in_values(), l.out_values());
    let max = l.op == Op::GlobalMaxPool1D;
    if l.dtype.in_i8() {
        let (x, y) = (int8(io.x, n_in), int8_mut(io.y, n_out));
        let ch = y.len();
        for (c, v) in y.iter_mut().enumerate() {
            let column = x.iter().skip(c).step_by(ch);
            *v = if max { column.fold(i8::MIN, |m, &q| m.max(q)) } else { rounded_mean(column.map(|&q| q as i64).sum(), l.in_len as i64) };
        }
        activation::apply_i8(l.activation, y);
    } else {
        let (x, y) = (&io.x[..n_in], &mut io.y[..n_out]);
        y.fill(if max { f32::NEG_INFINITY } else { 0.0 });
        for row in x.chunks_exact(y.len()) {
            for (v, &xv) in y.iter_mut().zip(row) {
                *v = if max { v.max(xv) } else { *v + xv };
            }
        }
        if !max {
            y.iter_mut().for_each(|v| *v /= l.in_len as f32);
        }
        activation::apply(l.activation, y, l.out_ch as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run_float, run_int8};
    use super::*;
    use mlc_format::net::{Activation, DType};

    #[test]
    fn by_hand() {
        // 3 positions × 2 channels: channel 0 = (1, 5, −3), channel 1 = (−2, −4, −6).
        let x = [1.0, -2.0, 5.0, -4.0, -3.0, -6.0];
        let max = LayerRecord::new(Op::GlobalMaxPool1D, (3, 2), (1, 2));
        assert_eq!(run_float(&max, &[], &[], &[], &x), [5.0, -2.0]);
        let relu = LayerRecord { activation: Activation::Relu, ..max };
        assert_eq!(run_float(&relu, &[], &[], &[], &x), [5.0, 0.0]);
        let avg = LayerRecord::new(Op::GlobalAvgPool1D, (3, 2), (1, 2));
        assert_eq!(run_float(&avg, &[], &[], &[], &x), [1.0, -4.0]);
        assert_eq!(check(&max), Some(0));
        let q = LayerRecord { dtype: DType::Int8InOut, ..avg };
        // (1 + 5 − 2)/3 = 4/3 → 1; (−2 − 4 − 7)/3 = −13/3 → −4.
        assert_eq!(run_int8(&q, &Params::default(), &[], &[1, -2, 5, -4, -2, -7]), [1.0, -4.0]);
    }
}
