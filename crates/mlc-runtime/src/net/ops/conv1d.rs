//! [`Op::Conv1D`](mlc_format::net::Op::Conv1D): a 1-D convolution (cross-correlation, as in
//! Keras), kernel `k × in × out`; float, or int8 weights and input with `i32` accumulators.

use mlc_format::net::LayerRecord;

use super::accumulate::{self, check_requant, Rows};
use super::{int8, Io, OpKernels, Params};
use crate::net::simd::{by_channel_blocks, simd_dispatch};
use crate::net::window::{start, tap};

#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
use super::conv1d_vec as vector;

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

#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
impl Conv<'_> {
    /// The int8 convolution, for the vector kernels.
    fn conv_i8(&self) -> vector::ConvI8<'_> {
        vector::ConvI8 { l: self.l, x: self.x8, w: self.p.w8, bias: self.p.bias8 }
    }
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
        #[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
        if let Some(level) = vector::usable(self.l).filter(|_| vector::interior(self.l).contains(&o)) {
            vector::rows(level, self.conv_i8(), o..o + 1, false, &mut |_, c0, s| acc[c0..c0 + vector::BLOCK].copy_from_slice(s));
            return;
        }
        row_i32(self.l, self.x8, self.p.w8, self.p.bias8, o, acc);
    }

    /// Every tap of `o` and `o − 1` reads the same input values, or both are in the padding.
    fn repeats_i32(&self, o: usize) -> bool {
        let (l, x, cin) = (self.l, self.x8, self.l.in_ch as usize);
        o > 0
            && (0..l.window as usize).all(|j| match (tap(l, o, j), tap(l, o - 1, j)) {
                (Some(p), Some(q)) => x[p * cin..][..cin] == x[q * cin..][..cin],
                (None, None) => true,
                _ => false,
            })
    }

    /// With a vector kernel (x86-64, aarch64): the rows at the ends (windows in the padding) one by
    /// one, the interior ones in tiles, maximised as they come.
    fn max_i32(&self, max: &mut [i32], spare: &mut [i32]) -> bool {
        #[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
        if let Some(level) = vector::usable(self.l) {
            let inner = vector::interior(self.l);
            max.fill(i32::MIN);
            for o in (0..self.l.out_len as usize).filter(|o| !inner.contains(o) && !self.repeats_i32(*o)) {
                row_i32(self.l, self.x8, self.p.w8, self.p.bias8, o, spare);
                max.iter_mut().zip(spare.iter()).for_each(|(m, &v)| *m = (*m).max(v));
            }
            vector::rows(level, self.conv_i8(), inner, true, &mut |_, c0, s| {
                max[c0..c0 + vector::BLOCK].iter_mut().zip(s).for_each(|(m, &v)| *m = (*m).max(v));
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

    /// An int8 convolution fused with the global max after it (tiles, skipped repeats, the
    /// rows at the ends) gives the maximum of its unfused rows, on random layers whose input
    /// ends in a run of one repeated position (padding tokens).
    #[test]
    fn fused_maximum_equals_rows_maximum() {
        extern crate std;
        use std::{vec, vec::Vec};
        let mut state = 0x9E37_79B9u32;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        };
        for case in 0..300 {
            let (k, cin, cout) = (1 + next() % 4, 1 + next() % 8, [16, 32, 5, 48][next() as usize % 4]);
            let (stride, dilation, in_len) = (1 + next() % 2, 1 + next() % 2, 1 + next() % 24);
            let pad_left = next() % (k * dilation);
            let span = (k - 1) * dilation + 1;
            let out_len = ((in_len + pad_left).saturating_sub(span) / stride + 1).max(1);
            let l = LayerRecord {
                window: k,
                stride,
                dilation,
                pad_left,
                dtype: DType::Int8,
                weight_len: k * cin * cout,
                bias_len: cout,
                ..LayerRecord::new(Op::Conv1D, (in_len, cin), (out_len, cout))
            };
            let byte = |v: u32| match v % 8 {
                0 => -128,
                1 => 127,
                2 => 0,
                _ => (v >> 8) as u8 as i8,
            };
            let mut x: Vec<i8> = (0..in_len * cin).map(|_| byte(next())).collect();
            let from = (next() % (in_len + 1)) as usize;
            let last: Vec<i8> = x[x.len() - cin as usize..].to_vec();
            x[from * cin as usize..].chunks_exact_mut(cin as usize).for_each(|p| p.copy_from_slice(&last));
            let w: Vec<i8> = (0..k * cin * cout).map(|_| byte(next())).collect();
            let bias: Vec<i32> = (0..cout).map(|_| next() as i32 >> 12).collect();
            let requant: Vec<i32> = (0..cout).flat_map(|_| [1 << 30, 44]).collect();
            let params = Params { w8: &w, bias8: &bias, requant: &requant, ..Params::default() };
            let rows = run_int8(&l, &params, &[], &x);
            let want: Vec<f32> =
                (0..cout as usize).map(|c| rows.iter().skip(c).step_by(cout as usize).fold(f32::MIN, |m, &v| m.max(v))).collect();
            let gmp = LayerRecord { dtype: DType::Int8InOut, ..LayerRecord::new(Op::GlobalMaxPool1D, (out_len, cout), (1, cout)) };
            let mut input = vec![0f32; x.len().div_ceil(4)];
            bytemuck::cast_slice_mut::<f32, i8>(&mut input)[..x.len()].copy_from_slice(&x);
            let (mut y, mut acc) = (vec![0f32; cout as usize], vec![0f32; 2 * cout as usize]);
            run(&l, Some(&gmp), &params, Io { ids: &[], x: &input, y: &mut y, acc: &mut acc });
            let got: Vec<f32> = int8(&y, cout as usize).iter().map(|&q| q as f32).collect();
            assert_eq!(got, want, "case {case}: {l:?}");
        }
    }
}
