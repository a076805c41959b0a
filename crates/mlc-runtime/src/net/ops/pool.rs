//! [`Op::MaxPool1D`] and [`Op::AvgPool1D`]: the maximum or the mean over windows along the
//! sequence, padded positions excluded (docs/format.md §9.3); float, or int8 in and out (same
//! scale).

use mlc_format::net::{LayerRecord, Op};

use super::{any_params, int8, int8_mut, Io, OpKernels, Params};
use crate::net::activation;
use crate::net::quant::rounded_mean;
use crate::net::window::pool_tap;

pub(super) const KERNELS: OpKernels = OpKernels { check, check_params: any_params, run };

/// A window of at least one position, a stride of at least 1, the channels kept; no weights.
fn check(l: &LayerRecord) -> Option<u64> {
    (l.window >= 1 && l.stride >= 1 && l.out_ch == l.in_ch).then_some(0)
}

fn run(l: &LayerRecord, _: Option<&LayerRecord>, _: &Params<'_>, io: Io<'_>) {
    let (n_in, n_out) = (l.in_values(), l.out_values());
    if l.dtype.in_i8() {
        let y = int8_mut(io.y, n_out);
        pool_i8(l, int8(io.x, n_in), y);
        activation::apply_i8(l.activation, y);
    } else {
        let y = &mut io.y[..n_out];
        pool_f32(l, &io.x[..n_in], y);
        activation::apply(l.activation, y, l.out_ch as usize);
    }
}

fn pool_f32(l: &LayerRecord, x: &[f32], y: &mut [f32]) {
    let ch = l.in_ch as usize;
    let max = l.op == Op::MaxPool1D;
    for (o, out) in y.chunks_exact_mut(ch).enumerate() {
        out.fill(if max { f32::NEG_INFINITY } else { 0.0 });
        let mut count = 0usize;
        for j in 0..l.window as usize {
            let Some(p) = pool_tap(l, o, j) else { continue };
            count += 1;
            for (v, &xv) in out.iter_mut().zip(&x[p * ch..][..ch]) {
                *v = if max { v.max(xv) } else { *v + xv };
            }
        }
        if !max && count > 0 {
            out.iter_mut().for_each(|v| *v /= count as f32);
        }
    }
}

fn pool_i8(l: &LayerRecord, x: &[i8], y: &mut [i8]) {
    let ch = l.in_ch as usize;
    let max = l.op == Op::MaxPool1D;
    for (o, out) in y.chunks_exact_mut(ch).enumerate() {
        for (c, v) in out.iter_mut().enumerate() {
            let (mut m, mut s, mut n) = (i8::MIN, 0i64, 0i64);
            for j in 0..l.window as usize {
                let Some(p) = pool_tap(l, o, j) else { continue };
                let xv = x[p * ch + c];
                (m, s, n) = (m.max(xv), s + xv as i64, n + 1);
            }
            // A window wholly outside the input: the lowest value (max) or 0 (average).
            *v = if max {
                m
            } else if n == 0 {
                0
            } else {
                rounded_mean(s, n)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run_float, run_int8};
    use super::*;
    use mlc_format::net::DType;

    /// Pool 2, stride 2, one padded position before 3 inputs of 1 channel: windows
    /// (pad, x0), (x1, x2).
    fn layer(op: Op) -> LayerRecord {
        LayerRecord { window: 2, stride: 2, pad_left: 1, ..LayerRecord::new(op, (3, 1), (2, 1)) }
    }

    #[test]
    fn float_windows_by_hand() {
        let x = [4.0, -1.0, 2.0];
        assert_eq!(run_float(&layer(Op::MaxPool1D), &[], &[], &[], &x), [4.0, 2.0]);
        assert_eq!(run_float(&layer(Op::AvgPool1D), &[], &[], &[], &x), [4.0, 0.5], "the padding is not counted");
        assert_eq!(check(&layer(Op::MaxPool1D)), Some(0));
    }

    #[test]
    fn int8_windows_by_hand() {
        let max = LayerRecord { dtype: DType::Int8InOut, ..layer(Op::MaxPool1D) };
        assert_eq!(run_int8(&max, &Params::default(), &[], &[4, -1, 2]), [4.0, 2.0]);
        // Means rounded half away from zero: (−1 + 2)/2 = 0.5 → 1; (−1 − 2)/2 = −1.5 → −2.
        let avg = LayerRecord { dtype: DType::Int8InOut, ..layer(Op::AvgPool1D) };
        assert_eq!(run_int8(&avg, &Params::default(), &[], &[4, -1, 2]), [4.0, 1.0]);
        assert_eq!(run_int8(&avg, &Params::default(), &[], &[4, -1, -2]), [4.0, -2.0]);
    }
}
