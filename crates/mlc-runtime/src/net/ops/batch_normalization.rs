//! [`Op::BatchNormalization`](mlc_format::net::Op::BatchNormalization): inference batch
//! normalization, which the compiler folds to a scale `w[c]` and an offset `b[c]` per channel:
//! `y[p][c] = x[p][c] × w[c] + b[c]` (the form TensorFlow evaluates; docs/format.md §9.3).
//! Float, or int8 weights and input with `i32` accumulators — a per-channel multiply-add is
//! one row of the accumulating driver per position. (Where it follows a convolution or a dense
//! layer with no activation, the compiler folds it into that layer instead.)

use mlc_format::net::LayerRecord;

use super::accumulate::{self, check_requant, Rows};
use super::{int8, Io, OpKernels, Params};
use crate::net::window::start;

pub(super) const KERNELS: OpKernels = OpKernels { check, check_params: check_requant, run };

/// The shape kept; one scale per channel.
fn check(l: &LayerRecord) -> Option<u64> {
    ((l.out_len, l.out_ch) == (l.in_len, l.in_ch)).then_some(l.in_ch as u64)
}

fn run(l: &LayerRecord, fused: Option<&LayerRecord>, p: &Params<'_>, io: Io<'_>) {
    let n = l.in_values();
    let rows = if l.dtype.q_weights() {
        Affine { p, ch: l.in_ch as usize, x: &[], x8: int8(io.x, n) }
    } else {
        Affine { p, ch: l.in_ch as usize, x: &io.x[..n], x8: &[] }
    };
    accumulate::run(l, fused, p, io, &rows);
}

/// Scale and offset per channel over the input: float `x` or int8 `x8`, `ch` channels.
struct Affine<'r> {
    p: &'r Params<'r>,
    ch: usize,
    x: &'r [f32],
    x8: &'r [i8],
}

impl Rows for Affine<'_> {
    fn row_f32(&self, o: usize, acc: &mut [f32]) {
        start(acc, self.p.bias);
        for ((a, &x), &w) in acc.iter_mut().zip(&self.x[o * self.ch..][..self.ch]).zip(self.p.w) {
            *a += x * w;
        }
    }

    fn row_i32(&self, o: usize, acc: &mut [i32]) {
        for (c, ((a, &x), &w)) in acc.iter_mut().zip(&self.x8[o * self.ch..][..self.ch]).zip(self.p.w8).enumerate() {
            *a = self.p.bias8.get(c).copied().unwrap_or(0).wrapping_add(x as i32 * w as i32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run_float, run_int8};
    use super::*;
    use mlc_format::net::{Activation, DType, Op};

    #[test]
    fn scale_and_offset_per_channel_by_hand() {
        // 2 positions × 2 channels; w = (2, −0.5), b = (1, 0):
        // (3, 4) → (7, −2); (−1, 8) → (−1, −4).
        let l = LayerRecord { weight_len: 2, bias_len: 2, ..LayerRecord::new(Op::BatchNormalization, (2, 2), (2, 2)) };
        assert_eq!(check(&l), Some(2));
        assert_eq!(run_float(&l, &[2.0, -0.5], &[1.0, 0.0], &[], &[3.0, 4.0, -1.0, 8.0]), [7.0, -2.0, -1.0, -4.0]);
        let relu = LayerRecord { activation: Activation::Relu, ..l };
        assert_eq!(run_float(&relu, &[2.0, -0.5], &[1.0, 0.0], &[], &[3.0, 4.0, -1.0, 8.0]), [7.0, 0.0, 0.0, 0.0]);
        // Int8: x × w + bias in accumulator units, then scale 1/2 (rounded half up):
        // (3·2 + 1, 4·−1 + 0) = (7, −4) → (3.5, −2) → (4, −2); (−1·2 + 1, 8·−1) = (−1, −8) → (0, −4).
        let q = LayerRecord { dtype: DType::Int8, ..l };
        let requant = [1 << 30, 31, 1 << 30, 31];
        let params = Params { w8: &[2, -1], bias8: &[1, 0], requant: &requant, ..Params::default() };
        assert_eq!(run_int8(&q, &params, &[], &[3, 4, -1, 8]), [4.0, -2.0, 0.0, -4.0]);
        assert_eq!(check(&LayerRecord::new(Op::BatchNormalization, (2, 2), (1, 2))), None, "the shape is kept");
    }
}
