//! Int8 kernels (§9.9 of docs/format.md): int8 weights and activations, `i32` accumulation,
//! per-channel fixed-point requantization. Integer operations only, except where a layer's
//! output is float (dequantization, §9.9). Every index is in range by the loader's checks.

use mlc_format::net::{Activation, LayerRecord, Op};

use super::float::{pool_tap, tap};

/// `round(acc × m / 2^shift)`, halves rounded up, clamped to `lo ..= 127`. `shift` is in
/// `1 ..= 62` and `m > 0` (checked at load), so the product and sum fit `i64`.
#[inline(always)]
pub(super) fn requantize(acc: i32, m: i32, shift: u32, lo: i64) -> i8 {
    let v = (acc as i64 * m as i64 + (1i64 << (shift - 1))) >> shift;
    v.clamp(lo, 127) as i8
}

/// `m × 2^-shift` as `f32` (exact power of two; `shift ≤ 62`).
#[inline(always)]
pub(super) fn dequant_scale(m: i32, shift: u32) -> f32 {
    m as f32 * f32::from_bits((127 - shift) << 23)
}

/// Lower clamp of an int8 output: 0 after ReLU, else −127.
pub(super) fn floor(activation: Activation) -> i64 {
    if activation == Activation::Relu {
        0
    } else {
        -127
    }
}

/// Int8 output of a layer from its accumulators (`requant` holds (multiplier, shift) pairs).
pub(super) fn finish_i8(acc: &[i32], requant: &[i32], activation: Activation, y: &mut [i8]) {
    let lo = floor(activation);
    for ((q, &a), mq) in y.iter_mut().zip(acc).zip(requant.chunks_exact(2)) {
        *q = requantize(a, mq[0], mq[1] as u32, lo);
    }
}

/// Float output of a layer from its accumulators (before its activation).
pub(super) fn finish_f32(acc: &[i32], requant: &[i32], y: &mut [f32]) {
    for ((v, &a), mq) in y.iter_mut().zip(acc).zip(requant.chunks_exact(2)) {
        *v = a as f32 * dequant_scale(mq[0], mq[1] as u32);
    }
}

/// Defines `pub(super) fn $name`, which runs `$imp` compiled for AVX2 where the CPU has it
/// (x86-64 with `std`: detected at run time; the check is a cached load) and as compiled
/// otherwise. The kernels are plain loops that the compiler vectorises for either. (An
/// AVX-512BW tier measured no faster here: the loops are short and memory-bound.)
macro_rules! simd_dispatch {
    ($(#[$m:meta])* fn $name:ident ($($a:ident: $t:ty),*) => $imp:ident) => {
        $(#[$m])*
        pub(super) fn $name($($a: $t),*) {
            #[cfg(all(target_arch = "x86_64", feature = "std"))]
            {
                #[target_feature(enable = "avx2")]
                unsafe fn avx2($($a: $t),*) {
                    $imp($($a),*)
                }
                if std::is_x86_feature_detected!("avx2") {
                    // SAFETY: the CPU has AVX2 (checked just above); `$imp` is safe code.
                    return unsafe { avx2($($a),*) };
                }
            }
            $imp($($a),*)
        }
    };
}

simd_dispatch!(
    /// Accumulators of output row `o` of an int8 convolution.
    fn conv1d_row(l: &LayerRecord, x: &[i8], w: &[i8], bias: &[i32], o: usize, acc: &mut [i32]) => conv1d_row_impl
);
simd_dispatch!(
    /// The maximum over all output rows of a folded embedding-convolution's accumulators, the
    /// bias left out (`max(b + s) = b + max(s)`), summed in `i16` (exact: at most
    /// [`MAX_I16_TAPS`] int8 terms) so that a vector register holds twice as many channels.
    /// `max` holds `out_ch` values. Same result as the `i32` rows, maximised.
    fn embedding_conv1d_max_i16(l: &LayerRecord, ids: &[u32], table: &[i8], max: &mut [i16]) => embedding_conv1d_max_i16_impl
);
simd_dispatch!(
    /// Accumulators of an int8 dense layer (zero inputs skipped: frequent after ReLU).
    fn dense(x: &[i8], w: &[i8], bias: &[i32], acc: &mut [i32]) => dense_impl
);

/// Runs `$body` — which adds to `$a`, the accumulators of channels `$c0 .. $c0 + $a.len()` —
/// over all `$acc.len()` channels, starting each from `$bias` (or zero) and storing the result
/// in `$acc`. On vector targets the channels go in blocks of 64, then 32, 16, 8 and 1, each
/// block's accumulators in a local array that the compiler keeps in registers (accumulating
/// in the caller's memory was up to 4× slower, depending on where the scratch lay). On 32-bit
/// Arm (Cortex-M: no vector registers to hold a block) the whole row at once, in `$acc`.
macro_rules! by_channel_blocks {
    ($acc:expr, $bias:expr, |$c0:ident, $a:ident| $body:expr) => {{
        let (acc, bias): (&mut [i32], &[i32]) = ($acc, $bias);
        #[cfg(not(target_arch = "arm"))]
        {
            let cout = acc.len();
            let mut $c0 = 0;
            macro_rules! block {
                ($n:literal) => {
                    while $c0 + $n <= cout {
                        let mut block = [0i32; $n];
                        if !bias.is_empty() {
                            block.copy_from_slice(&bias[$c0..$c0 + $n]);
                        }
                        {
                            let $a: &mut [i32] = &mut block;
                            $body;
                        }
                        acc[$c0..$c0 + $n].copy_from_slice(&block);
                        $c0 += $n;
                    }
                };
            }
            block!(64);
            block!(32);
            block!(16);
            block!(8);
            block!(1);
        }
        #[cfg(target_arch = "arm")]
        {
            if bias.is_empty() {
                acc.fill(0);
            } else {
                acc.copy_from_slice(bias);
            }
            let ($c0, $a) = (0usize, acc);
            $body;
        }
    }};
}

#[inline(always)]
fn conv1d_row_impl(l: &LayerRecord, x: &[i8], w: &[i8], bias: &[i32], o: usize, acc: &mut [i32]) {
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

/// Accumulators of output row `o` of a folded embedding-convolution with int8 tables.
pub(super) fn embedding_conv1d_row(l: &LayerRecord, ids: &[u32], table: &[i8], bias: &[i32], o: usize, acc: &mut [i32]) {
    let (k, cout) = (l.window as usize, l.out_ch as usize);
    by_channel_blocks!(acc, bias, |c0, a| {
        let width = a.len();
        for j in 0..k {
            let Some(p) = tap(l, o, j) else { continue };
            for (a, &t) in a.iter_mut().zip(&table[(ids[p] as usize * k + j) * cout + c0..][..width]) {
                *a = a.wrapping_add(t as i32);
            }
        }
    });
}

/// Most taps whose int8 sum fits `i16` (`258 × 127 < 2^15`).
pub(super) const MAX_I16_TAPS: u32 = 258;

#[inline(always)]
fn embedding_conv1d_max_i16_impl(l: &LayerRecord, ids: &[u32], table: &[i8], max: &mut [i16]) {
    let cout = l.out_ch as usize;
    let mut c0 = 0;
    while c0 + 64 <= cout {
        max_block::<64>(l, ids, table, max, c0);
        c0 += 64;
    }
    if c0 + 32 <= cout {
        max_block::<32>(l, ids, table, max, c0);
        c0 += 32;
    }
    while c0 + 8 <= cout {
        max_block::<8>(l, ids, table, max, c0);
        c0 += 8;
    }
    while c0 < cout {
        max_block::<1>(l, ids, table, max, c0);
        c0 += 1;
    }
}

/// Channels `c0 .. c0 + N` of [`embedding_conv1d_max_i16`]: per output row, the sum of its taps'
/// table rows, maximised over the rows (sums and maxima in registers).
#[inline(always)]
fn max_block<const N: usize>(l: &LayerRecord, ids: &[u32], table: &[i8], max: &mut [i16], c0: usize) {
    let (k, cout) = (l.window as usize, l.out_ch as usize);
    let mut m = [i16::MIN; N];
    for o in 0..l.out_len as usize {
        let mut acc = [0i16; N];
        for j in 0..k {
            let Some(p) = tap(l, o, j) else { continue };
            let row = &table[(ids[p] as usize * k + j) * cout + c0..][..N];
            for (a, &t) in acc.iter_mut().zip(row) {
                *a += t as i16;
            }
        }
        for (m, &v) in m.iter_mut().zip(&acc) {
            *m = (*m).max(v);
        }
    }
    max[c0..c0 + N].copy_from_slice(&m);
}

#[inline(always)]
fn dense_impl(x: &[i8], w: &[i8], bias: &[i32], acc: &mut [i32]) {
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

/// `round(s / n)`, halves away from zero (`n > 0`), in `i64`: a mean of int8 values, so within
/// −128 ..= 127.
fn rounded_mean(s: i64, n: i64) -> i8 {
    let q = if s >= 0 { (2 * s + n) / (2 * n) } else { -((-2 * s + n) / (2 * n)) };
    q as i8
}

/// Int8 max or average pooling (same scale in and out).
pub(super) fn pool(l: &LayerRecord, x: &[i8], y: &mut [i8]) {
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

/// Int8 global max or average pooling.
pub(super) fn global_pool(l: &LayerRecord, x: &[i8], y: &mut [i8]) {
    let (max, ch) = (l.op == Op::GlobalMaxPool1D, y.len());
    for (c, v) in y.iter_mut().enumerate() {
        let column = x.iter().skip(c).step_by(ch);
        *v = if max { column.fold(i8::MIN, |m, &q| m.max(q)) } else { rounded_mean(column.map(|&q| q as i64).sum(), l.in_len as i64) };
    }
}

/// ReLU on int8 values (the only activation an int8 output takes besides identity).
pub(super) fn activate(act: Activation, y: &mut [i8]) {
    if act == Activation::Relu {
        y.iter_mut().for_each(|q| *q = (*q).max(0));
    }
}

/// Float → int8: `clamp(round(x / s), −127, 127)`, halves away from zero, NaN → 0.
pub(super) fn quantize(x: &[f32], s: f32, y: &mut [i8]) {
    for (q, &v) in y.iter_mut().zip(x) {
        let r = v / s;
        let r = if r >= 0.0 { r + 0.5 } else { r - 0.5 };
        *q = (r as i32).clamp(-127, 127) as i8; // `as` truncates toward zero and saturates; NaN → 0
    }
}

/// Int8 → float: `q × s`.
pub(super) fn dequantize(x: &[i8], s: f32, y: &mut [f32]) {
    for (v, &q) in y.iter_mut().zip(x) {
        *v = q as f32 * s;
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::{vec, vec::Vec};

    #[test]
    fn requantize_rounds_half_up_and_clamps() {
        // m / 2^shift = 0.5
        assert_eq!(requantize(3, 1 << 30, 31, -127), 2); // 1.5 → 2
        assert_eq!(requantize(-3, 1 << 30, 31, -127), -1); // −1.5 → −1
        assert_eq!(requantize(1000, 1 << 30, 31, -127), 127);
        assert_eq!(requantize(-1000, 1 << 30, 31, -127), -127);
        assert_eq!(requantize(-10, 1 << 30, 31, 0), 0);
        assert_eq!(requantize(i32::MAX, i32::MAX, 1, -127), 127);
        assert_eq!(requantize(i32::MIN, i32::MAX, 62, -127), -1);
    }

    #[test]
    fn dequant_scale_is_exact() {
        assert_eq!(dequant_scale(1 << 30, 31), 0.5);
        assert_eq!(dequant_scale(3, 62), 3.0 * 2f32.powi(-62));
    }

    #[test]
    fn means_round_half_away_from_zero() {
        assert_eq!(rounded_mean(3, 2), 2);
        assert_eq!(rounded_mean(-3, 2), -2);
        assert_eq!(rounded_mean(5, 3), 2);
        assert_eq!(rounded_mean(-127 * 9, 9), -127);
    }

    /// The `i16` fused kernel equals the `i32` rows, maximised, whatever the geometry.
    #[test]
    fn i16_maximum_equals_i32_rows() {
        let mut state = 0x2545_F491u32;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        };
        for case in 0..200 {
            let (k, cout, vocab) = (1 + next() % 5, 1 + next() % 140, 1 + next() % 30); // every block size
            let (stride, dilation, in_len) = (1 + next() % 3, 1 + next() % 3, 1 + next() % 20);
            let pad_left = next() % (k * dilation);
            let out_len = 1 + next() % 12;
            let l = LayerRecord {
                window: k,
                stride,
                dilation,
                pad_left,
                ..LayerRecord::new(Op::EmbeddingConv1D, (in_len, 1), (out_len, cout))
            };
            let table: Vec<i8> = (0..vocab * k * cout).map(|_| (next() % 255) as u8 as i8).map(|v| v.max(-127)).collect();
            let ids: Vec<u32> = (0..in_len).map(|_| next() % vocab).collect();
            let mut max = vec![0i16; cout as usize];
            embedding_conv1d_max_i16(&l, &ids, &table, &mut max);
            let mut want = vec![i32::MIN; cout as usize];
            let mut acc = vec![0i32; cout as usize];
            for o in 0..out_len as usize {
                embedding_conv1d_row(&l, &ids, &table, &[], o, &mut acc);
                want.iter_mut().zip(&acc).for_each(|(w, &a)| *w = (*w).max(a));
            }
            let got: Vec<i32> = max.iter().map(|&v| v as i32).collect();
            assert_eq!(got, want, "case {case}: {l:?}");
        }
    }

    #[test]
    fn quantize_saturates_and_zeroes_nan() {
        let mut q = [0i8; 5];
        quantize(&[1.49, -2.5, 1e9, f32::NAN, -f32::INFINITY], 1.0, &mut q);
        assert_eq!(q, [1, -3, 127, 0, -127]);
    }
}
