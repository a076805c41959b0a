//! [`Op::Conv1D`](mlc_format::net::Op::Conv1D): a 1-D convolution (cross-correlation, as in
//! Keras), kernel `k × in × out`; float, or int8 weights and input with `i32` accumulators.

use mlc_format::net::LayerRecord;

use super::accumulate::{self, check_requant, Rows};
use super::{int8, Io, OpKernels, Params};
use crate::net::simd::{by_channel_blocks, simd_dispatch};
use crate::net::window::{start, tap};

#[cfg(target_arch = "x86_64")]
use super::conv1d_x86 as x86;

pub(super) const KERNELS: OpKernels = OpKernels { check, check_params: check_requant, run };

/// A window of at least one tap, stride and dilation at least 1; the kernel `k × in × out`.
fn check(l: &LayerRecord) -> Option<u64> {
    (l.window >= 1 && l.stride >= 1 && l.dilation >= 1).then(|| l.window as u64 * l.in_ch as u64 * l.out_ch as u64)
}

fn run(l: &LayerRecord, fused: Option<&LayerRecord>, p: &Params<'_>, io: Io<'_>) {
    let n = l.in_values();
    let rows = if l.dtype.q_weights() { Conv { l, p, x: &[], x8: int8(io.x, n) } } else { Conv { l, p, x: &io.x[..n], x8: &[] } };
    accumulate::run(l, fused, p, io, &rows);
}

/// A convolution over its input: float `x` or int8 `x8`.
struct Conv<'r> {
    l: &'r LayerRecord,
    p: &'r Params<'r>,
    x: &'r [f32],
    x8: &'r [i8],
}

impl Rows for Conv<'_> {
    fn row_f32(&self, o: usize, acc: &mut [f32]) {
        let (l, w) = (self.l, self.p.w);
        let (cin, cout) = (l.in_ch as usize, l.out_ch as usize);
        start(acc, self.p.bias);
        for j in 0..l.window as usize {
            let Some(p) = tap(l, o, j) else { continue };
            for (ci, &xv) in self.x[p * cin..][..cin].iter().enumerate() {
                for (a, &wv) in acc.iter_mut().zip(&w[(j * cin + ci) * cout..][..cout]) {
                    *a += xv * wv;
                }
            }
        }
    }

    fn row_i32(&self, o: usize, acc: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        if let Some(level) = x86::usable(self.l).filter(|_| x86::interior(self.l).contains(&o)) {
            let (x, w, bias) = (self.x8, self.p.w8, self.p.bias8);
            x86::rows(level, self.l, x, w, bias, o..o + 1, false, &mut |_, c0, s| acc[c0..c0 + x86::BLOCK].copy_from_slice(s));
            return;
        }
        row_i32(self.l, self.x8, self.p.w8, self.p.bias8, o, acc);
    }

    /// With a vector kernel (x86-64): the rows at the ends (windows in the padding) one by
    /// one, the interior ones in tiles, maximised as they come.
    fn max_i32(&self, max: &mut [i32], spare: &mut [i32]) -> bool {
        #[cfg(target_arch = "x86_64")]
        if let Some(level) = x86::usable(self.l) {
            let inner = x86::interior(self.l);
            max.fill(i32::MIN);
            for o in (0..self.l.out_len as usize).filter(|o| !inner.contains(o)) {
                row_i32(self.l, self.x8, self.p.w8, self.p.bias8, o, spare);
                max.iter_mut().zip(spare.iter()).for_each(|(m, &v)| *m = (*m).max(v));
            }
            let (x, w, bias) = (self.x8, self.p.w8, self.p.bias8);
            x86::rows(level, self.l, x, w, bias, inner, true, &mut |_, c0, s| {
                max[c0..c0 + x86::BLOCK].iter_mut().zip(s).for_each(|(m, &v)| *m = (*m).max(v));
            });
            return true;
        }
        let _ = (max, spare);
        false
    }
}

simd_dispatch!(
    /// Accumulators of output row `o` of an int8 convolution.
    fn row_i32(l: &LayerRecord, x: &[i8], w: &[i8], bias: &[i32], o: usize, acc: &mut [i32]) => row_i32_impl
);

/// The portable kernel of [`row_i32`] (the vector kernels' reference).
#[inline(always)]
pub(super) fn row_i32_impl(l: &LayerRecord, x: &[i8], w: &[i8], bias: &[i32], o: usize, acc: &mut [i32]) {
    let (cin, cout) = (l.in_ch as usize, l.out_ch as usize);
    by_channel_blocks!(acc, bias, |c0, a| {
        let width = a.len();
        for j in 0..l.window as usize {
            let Some(p) = tap(l, o, j) else { continue };
            for (ci, &xv) in x[p * cin..][..cin].iter().enumerate() {
                if xv == 0 {
                    continue;
                }
                for (a, &wv) in a.iter_mut().zip(&w[(j * cin + ci) * cout + c0..][..width]) {
                    *a = a.wrapping_add(xv as i32 * wv as i32);
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run_float, run_int8};
    use super::*;
    use mlc_format::net::{Activation, DType, Op};

    /// Kernel size 2, 1 input channel, 2 filters: W[j][0] = (1, j+1) for tap j; same padding
    /// on 3 positions (one zero after the input).
    fn layer() -> LayerRecord {
        LayerRecord { window: 2, stride: 1, dilation: 1, weight_len: 4, bias_len: 2, ..LayerRecord::new(Op::Conv1D, (3, 1), (3, 2)) }
    }

    #[test]
    fn float_rows_by_hand() {
        let l = layer();
        assert_eq!(check(&l), Some(4));
        // x = (1, 2, 3), bias (0.5, −10):
        // o=0: taps x0, x1: filter 0: 1·1 + 2·1 + 0.5 = 3.5; filter 1: 1·1 + 2·2 − 10 = −5
        // o=1: x1, x2: 2 + 3 + 0.5 = 5.5; 2 + 6 − 10 = −2
        // o=2: x2 only (x3 is padding): 3 + 0.5 = 3.5; 3 − 10 = −7
        let w = [1.0, 1.0, 1.0, 2.0];
        assert_eq!(run_float(&l, &w, &[0.5, -10.0], &[], &[1.0, 2.0, 3.0]), [3.5, -5.0, 5.5, -2.0, 3.5, -7.0]);
        let relu = LayerRecord { activation: Activation::Relu, ..l };
        assert_eq!(run_float(&relu, &w, &[0.5, -10.0], &[], &[1.0, 2.0, 3.0]), [3.5, 0.0, 5.5, 0.0, 3.5, 0.0]);
    }

    #[test]
    fn int8_rows_by_hand() {
        // The same arithmetic in integers, bias (1, −10), output scale 1/2 (multiplier 2^30,
        // shift 31): accumulators (4, −5), (6, −2), (4, −7) → halves rounded up: (2, −2), (3, −1), (2, −3).
        let l = LayerRecord { dtype: DType::Int8, ..layer() };
        let requant = [1 << 30, 31, 1 << 30, 31];
        let params = Params { w8: &[1, 1, 1, 2], bias8: &[1, -10], requant: &requant, ..Params::default() };
        assert_eq!(run_int8(&l, &params, &[], &[1, 2, 3]), [2.0, -2.0, 3.0, -1.0, 2.0, -3.0]);
        // Float output: the accumulators times the scale, exactly.
        let f = LayerRecord { dtype: DType::Int8WeightsIn, ..l };
        assert_eq!(run_int8(&f, &params, &[], &[1, 2, 3]), [2.0, -2.5, 3.0, -1.0, 2.0, -3.5]);
    }
}
