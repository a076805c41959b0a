//! What the vector int8 convolution kernels share — x86-64's ([`super::conv1d_x86`]: AVX2,
//! AVX-512 VNNI) and aarch64's ([`super::conv1d_neon`]: NEON `smull`/`sadalp`, `sdot`): the
//! shapes they take, the rows they run (the "interior" ones), and the driver that cuts those
//! rows into tiles. The kernels read the artifact's own kernel layout (`k × in × out`,
//! docs/format.md §9.3), sum exactly in `i32` with wrapping additions like the portable
//! kernel's, so rows are bit-identical to [`super::conv1d`]'s portable ones (the property
//! test below checks every level this CPU runs).
//!
//! A row's taps must be contiguous and in the input (dilation 1, no padding in its window:
//! the "interior" rows); the channels go in blocks of 16, the window in groups of four
//! values, so the kernels take layers with `out_ch % 16 == 0` and `window × in_ch % 4 == 0`.

use core::ops::Range;

use mlc_format::net::LayerRecord;

use crate::net::window::tap;

#[cfg(target_arch = "aarch64")]
pub(super) use super::conv1d_neon::{rows, usable};
#[cfg(target_arch = "x86_64")]
pub(super) use super::conv1d_x86::{rows, usable};

/// Output channels per block (one `zmm`, two `ymm` or four NEON registers of `i32`).
pub(super) const BLOCK: usize = 16;

/// An int8 convolution's data: its record, input, kernel and bias (empty or `out_ch`).
#[derive(Clone, Copy)]
pub(super) struct ConvI8<'a> {
    /// The layer.
    pub l: &'a LayerRecord,
    /// Its int8 input, `in_len × in_ch`.
    pub x: &'a [i8],
    /// Its kernel, `k × in × out`.
    pub w: &'a [i8],
    /// Its bias: empty or `out_ch` values.
    pub bias: &'a [i32],
}

/// Whether the vector kernels take `l`'s shape: dilation 1, channels in blocks of 16,
/// windows of a multiple of four values.
pub(super) fn shape_ok(l: &LayerRecord) -> bool {
    l.dilation == 1 && (l.out_ch as usize).is_multiple_of(BLOCK) && (l.window as usize * l.in_ch as usize).is_multiple_of(4)
}

/// The output rows of `l` whose window lies inside the input (contiguous: the others are at
/// the ends).
pub(super) fn interior(l: &LayerRecord) -> Range<usize> {
    let inside = |o: usize| tap(l, o, 0).is_some() && tap(l, o, l.window as usize - 1).is_some();
    let n = l.out_len as usize;
    let lo = (0..n).find(|&o| inside(o)).unwrap_or(n);
    let hi = (lo..n).find(|&o| !inside(o)).unwrap_or(n);
    lo..hi
}

/// The tiles of the kernels' `rows`: `N` windows at a time (a last, partial tile repeats its
/// last window, whose extra results are dropped; with `skip_repeats`, a window equal to the
/// previous row's is left out), each block of channels through `tile`, which returns Σ x·w
/// per window and channel; the bias is added here and each row handed to `sink(o, c0,
/// values)`.
#[inline(always)]
pub(super) fn drive<const N: usize>(
    c: ConvI8<'_>,
    rows: Range<usize>,
    skip_repeats: bool,
    sink: &mut impl FnMut(usize, usize, &[i32; BLOCK]),
    mut tile: impl FnMut(&[&[i8]; N], usize) -> [[i32; BLOCK]; N],
) {
    let (l, x, bias) = (c.l, c.x, c.bias);
    let (cin, cout, len) = (l.in_ch as usize, l.out_ch as usize, l.window as usize * l.in_ch as usize);
    // The first input position of interior row `o`, and its window.
    let window = |o: usize| &x[(o * l.stride as usize - l.pad_left as usize) * cin..][..len];
    let mut o = rows.start;
    while o < rows.end {
        let (mut wins, mut at) = ([&x[..0]; N], [0usize; N]);
        let mut n = 0;
        while n < N && o < rows.end {
            let win = window(o);
            if !(skip_repeats && o > rows.start && win == window(o - 1)) {
                (wins[n], at[n]) = (win, o);
                n += 1;
            }
            o += 1;
        }
        if n == 0 {
            break;
        }
        let last = wins[n - 1];
        wins[n..].fill(last);
        for c0 in (0..cout).step_by(BLOCK) {
            let sums = tile(&wins, c0);
            for (&o, mut s) in at.iter().zip(sums).take(n) {
                if !bias.is_empty() {
                    s.iter_mut().zip(&bias[c0..c0 + BLOCK]).for_each(|(s, &b)| *s = s.wrapping_add(b));
                }
                sink(o, c0, &s);
            }
        }
    }
}

/// The `size_of::<T>()` bytes of `win` at `g` (`T`: `i16` or `i32`, little-endian), where
/// the caller has checked that `g + size_of::<T>() <= len` and that `win` holds `len` values.
#[inline(always)]
pub(super) fn read<T: Copy>(win: &[i8], g: usize, len: usize) -> T {
    debug_assert!(g + size_of::<T>() <= len && win.len() == len);
    // SAFETY: `g + size_of::<T>() <= len == win.len()` (the callers' loop bounds and their
    // check of every window's length), so the read stays inside `win`; no alignment needed.
    unsafe { win.as_ptr().add(g).cast::<T>().read_unaligned() }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::{vec, vec::Vec};

    use mlc_format::net::{DType, Op};
    use proptest::prelude::*;

    use super::*;
    use crate::cpu::Level;
    use crate::net::ops::conv1d::row_i32_impl;
    #[cfg(target_arch = "aarch64")]
    use crate::net::ops::conv1d_neon::levels;
    #[cfg(target_arch = "x86_64")]
    use crate::net::ops::conv1d_x86::levels;

    /// An int8 value, a third of the time an extreme (−128, 127) or zero.
    fn int8() -> impl Strategy<Value = i8> {
        prop_oneof![Just(-128i8), Just(127i8), Just(0i8), any::<i8>(), any::<i8>(), any::<i8>()]
    }

    /// A convolution the vector kernel takes (dilation 1, channels in blocks of 16, windows
    /// of a multiple of four values), with its input, kernel and bias (maybe none).
    fn case() -> impl Strategy<Value = (LayerRecord, Vec<i8>, Vec<i8>, Vec<i32>)> {
        (1u32..=5, 1u32..=12, 1u32..=4, 1u32..=3, 0u32..=3, 1u32..=30, any::<bool>())
            .prop_filter("window × in_ch a multiple of 4", |&(k, cin, ..)| (k * cin) % 4 == 0)
            .prop_flat_map(|(k, cin, blocks, stride, pad, in_len, with_bias)| {
                let cout = 16 * blocks;
                let pad = pad.min(k - 1);
                let out_len = ((in_len + 2 * pad).saturating_sub(k) / stride + 1).max(1);
                let l = LayerRecord {
                    window: k,
                    stride,
                    dilation: 1,
                    pad_left: pad,
                    dtype: DType::Int8,
                    weight_len: k * cin * cout,
                    ..LayerRecord::new(Op::Conv1D, (in_len, cin), (out_len, cout))
                };
                let bias = if with_bias { prop::collection::vec(any::<i32>(), cout as usize).boxed() } else { Just(vec![]).boxed() };
                (
                    Just(l),
                    prop::collection::vec(int8(), (in_len * cin) as usize),
                    0..=in_len,
                    prop::collection::vec(int8(), (k * cin * cout) as usize),
                    bias,
                )
            })
            .prop_map(|(l, mut x, from, w, bias)| {
                // Positions from `from` on repeat one row (a run of padding tokens).
                let cin = l.in_ch as usize;
                let pad: Vec<i8> = x[x.len() - cin..].to_vec();
                x[from as usize * cin..].chunks_exact_mut(cin).for_each(|p| p.copy_from_slice(&pad));
                (l, x, w, bias)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Every interior row of every vector level equals the portable kernel's row bit for
        /// bit, and so does the maximum over the tiles (repeated windows skipped).
        #[test]
        fn vector_rows_equal_portable((l, x, w, bias) in case()) {
            prop_assert!(shape_ok(&l));
            let cout = l.out_ch as usize;
            let inner = interior(&l);
            let mut want = vec![0i32; cout];
            for level in levels().into_iter().flatten() {
                let mut got = vec![vec![0i32; cout]; l.out_len as usize];
                let mut max = vec![i32::MIN; cout];
                rows(level, ConvI8 { l: &l, x: &x, w: &w, bias: &bias }, inner.clone(), true, &mut |_, c0, s| {
                    max[c0..c0 + BLOCK].iter_mut().zip(s).for_each(|(m, &v)| *m = (*m).max(v));
                });
                for o in inner.clone() {
                    rows(level, ConvI8 { l: &l, x: &x, w: &w, bias: &bias }, o..o + 1, false, &mut |o, c0, s| got[o][c0..c0 + BLOCK].copy_from_slice(s));
                }
                let mut want_max = vec![i32::MIN; cout];
                for o in inner.clone() {
                    row_i32_impl(&l, &x, &w, &bias, o, &mut want);
                    prop_assert_eq!(&got[o], &want, "{:?} row {}", level, o);
                    want_max.iter_mut().zip(&want).for_each(|(m, &v)| *m = (*m).max(v));
                }
                prop_assert_eq!(&max, &want_max, "{:?} maximum over the tiles", level);
            }
        }
    }

    /// The levels this CPU runs are the ones the tests check: at least one on aarch64 (NEON
    /// is always there).
    #[test]
    fn levels_are_checked() {
        let levels: Vec<Level> = levels().into_iter().flatten().collect();
        #[cfg(target_arch = "aarch64")]
        assert!(!levels.is_empty());
        std::eprintln!("vector int8 convolution levels checked here: {levels:?}");
    }

    #[test]
    fn interior_rows_by_hand() {
        // k = 3, one position of padding each side of 5 inputs: rows 0 and 4 touch the padding.
        let l = LayerRecord { window: 3, stride: 1, dilation: 1, pad_left: 1, ..LayerRecord::new(Op::Conv1D, (5, 4), (5, 16)) };
        assert_eq!(interior(&l), 1..4);
        // Valid padding, stride 2 over 7 inputs: rows 0, 1, 2 all inside.
        let l = LayerRecord { window: 3, stride: 2, dilation: 1, ..LayerRecord::new(Op::Conv1D, (7, 4), (3, 16)) };
        assert_eq!(interior(&l), 0..3);
    }
}
