//! [`Op::Dense`](mlc_format::net::Op::Dense): fully connected, `(1, N) → (1, M)` with weights
//! `N × M`; float, or int8 weights and input with `i32` accumulators. One row of the
//! accumulating driver.

use mlc_format::net::LayerRecord;

use super::accumulate::{self, check_requant, Rows};
use super::{int8, Io, OpKernels, Params};
use crate::net::simd::{by_channel_blocks, simd_dispatch};
use crate::net::window::start;

pub(super) const KERNELS: OpKernels = OpKernels { check, check_params: check_requant, run };

/// A vector in, a vector out; weights `N × M`.
fn check(l: &LayerRecord) -> Option<u64> {
    (l.in_len == 1 && l.out_len == 1).then(|| l.in_ch as u64 * l.out_ch as u64)
}

fn run(l: &LayerRecord, fused: Option<&LayerRecord>, p: &Params<'_>, io: Io<'_>) {
    let n = l.in_values();
    let rows = if l.dtype.q_weights() { Dense { p, x: &[], x8: int8(io.x, n) } } else { Dense { p, x: &io.x[..n], x8: &[] } };
    accumulate::run(l, fused, p, io, &rows);
}

/// A dense layer over its input: float `x` or int8 `x8`.
struct Dense<'r> {
    p: &'r Params<'r>,
    x: &'r [f32],
    x8: &'r [i8],
}

impl Rows for Dense<'_> {
    fn row_f32(&self, _: usize, y: &mut [f32]) {
        start(y, self.p.bias);
        let n = y.len();
        for (i, &xv) in self.x.iter().enumerate() {
            for (a, &wv) in y.iter_mut().zip(&self.p.w[i * n..][..n]) {
                *a += xv * wv;
            }
        }
    }

    fn row_i32(&self, _: usize, acc: &mut [i32]) {
        row_i32(self.x8, self.p.w8, self.p.bias8, acc);
    }
}

simd_dispatch!(
    /// Accumulators of an int8 dense layer (zero inputs skipped: frequent after ReLU).
    fn row_i32(x: &[i8], w: &[i8], bias: &[i32], acc: &mut [i32]) => row_i32_impl
);

#[inline(always)]
fn row_i32_impl(x: &[i8], w: &[i8], bias: &[i32], acc: &mut [i32]) {
    let n = acc.len();
    by_channel_blocks!(acc, bias, |c0, a| {
        let width = a.len();
        for (i, &xv) in x.iter().enumerate() {
            if xv == 0 {
                continue;
            }
            for (a, &wv) in a.iter_mut().zip(&w[i * n + c0..][..width]) {
                *a = a.wrapping_add(xv as i32 * wv as i32);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run_float, run_int8};
    use super::*;
    use mlc_format::net::{Activation, DType, Op};

    #[test]
    fn by_hand() {
        // x = (1, −2), W = [[1, 2, 3], [4, 5, 6]], b = (0.5, 0, −1):
        // y = (1 − 8 + 0.5, 2 − 10, 3 − 12 − 1) = (−6.5, −8, −10).
        let l = LayerRecord { weight_len: 6, bias_len: 3, ..LayerRecord::new(Op::Dense, (1, 2), (1, 3)) };
        assert_eq!(check(&l), Some(6));
        let w = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        assert_eq!(run_float(&l, &w, &[0.5, 0.0, -1.0], &[], &[1.0, -2.0]), [-6.5, -8.0, -10.0]);
        // Sigmoid of (0): one output.
        let s = LayerRecord { activation: Activation::Sigmoid, weight_len: 2, bias_len: 0, ..LayerRecord::new(Op::Dense, (1, 2), (1, 1)) };
        assert_eq!(run_float(&s, &[2.0, 1.0], &[], &[], &[1.0, -2.0]), [0.5]);
        // Int8: products (−7, −8, −9) plus bias (1, 0, −1) = (−6, −8, −10), at scale 1
        // (multiplier 2^30, shift 30); with ReLU all 0.
        let q = LayerRecord { dtype: DType::Int8, activation: Activation::Relu, ..l };
        let requant = [1 << 30, 30, 1 << 30, 30, 1 << 30, 30];
        let params = Params { w8: &[1, 2, 3, 4, 5, 6], bias8: &[1, 0, -1], requant: &requant, ..Params::default() };
        assert_eq!(run_int8(&q, &params, &[], &[1, -2]), [0.0, 0.0, 0.0]);
        let q = LayerRecord { dtype: DType::Int8WeightsIn, activation: Activation::Linear, ..q };
        assert_eq!(run_int8(&q, &params, &[], &[1, -2]), [-6.0, -8.0, -10.0]);
        assert_eq!(check(&LayerRecord::new(Op::Dense, (2, 2), (1, 3))), None, "a sequence needs Flatten first");
    }
}
