//! Vector int8 convolution rows on x86-64, on the artifact's own kernel layout (`k × in ×
//! out`, docs/format.md §9.3): AVX2 `vpmaddwd` on sign-extended int8 pairs, and AVX-512 VNNI
//! `vpdpbusd` on a biased weight (`w + 128` as `u8`, exact after subtracting `128 × Σx` of the
//! row's window). Both sum exactly in `i32` (every partial sum of at most four int8 × int8
//! products fits, and additions wrap like the portable kernel's), so rows are bit-identical
//! to [`super::conv1d`]'s portable ones.
//!
//! A row's taps must be contiguous and in the input (dilation 1, no padding in its window:
//! the "interior" rows); the channels go in blocks of 16, the window in groups of four
//! values, so the kernel takes layers with `out_ch % 16 == 0` and `window × in_ch % 4 == 0`.
//! Each block of weights is interleaved in registers once per tile of [`TILE`] rows.

use core::arch::x86_64::*;
use core::ops::Range;

use mlc_format::net::LayerRecord;

use crate::cpu::{self, Level};
use crate::net::window::tap;

/// Output channels per block (one `zmm`, two `ymm` of `i32`).
pub(super) const BLOCK: usize = 16;

/// An int8 convolution's data: its record, input, kernel and bias (empty or `out_ch`).
#[derive(Clone, Copy)]
pub(super) struct ConvI8<'a> {
    pub l: &'a LayerRecord,
    pub x: &'a [i8],
    pub w: &'a [i8],
    pub bias: &'a [i32],
}

/// The vector level to run `l` with, if the kernel takes its shape and the CPU has AVX2.
pub(super) fn usable(l: &LayerRecord) -> Option<Level> {
    let level = cpu::level();
    let shape_ok = l.dilation == 1 && (l.out_ch as usize).is_multiple_of(BLOCK) && (l.window as usize * l.in_ch as usize).is_multiple_of(4);
    (shape_ok && level >= Level::Avx2).then_some(level)
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

/// Accumulators (bias + Σ x·w) of the interior `rows` of convolution `c`, handed to `sink(o, c0, values)` per row `o` and block of channels
/// `c0 .. c0 + 16`. `level` is [`usable`]'s. With `for_max` (the caller keeps the maximum
/// over the rows), rows go in tiles (16 rows with VNNI, 6 with AVX2: the accumulators fill the
/// registers), and a row whose window equals the previous row's (a run of padding tokens)
/// is skipped: its accumulators would be the same.
pub(super) fn rows(level: Level, c: ConvI8<'_>, rows: Range<usize>, for_max: bool, sink: &mut impl FnMut(usize, usize, &[i32; BLOCK])) {
    match (level, for_max) {
        // SAFETY: `level` comes from `usable`, which checked the CPU's features.
        (Level::Avx512Vnni, true) => unsafe { rows_vnni::<16>(c, rows, true, sink) },
        // SAFETY: as above.
        (Level::Avx512Vnni, false) => unsafe { rows_vnni::<1>(c, rows, false, sink) },
        // SAFETY: as above.
        (Level::Avx2, true) => unsafe { rows_avx2::<6>(c, rows, true, sink) },
        // SAFETY: as above.
        (Level::Avx2, false) => unsafe { rows_avx2::<1>(c, rows, false, sink) },
        (Level::Portable, _) => unreachable!("`usable` never returns the portable level"),
    }
}

#[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
fn rows_vnni<const N: usize>(c: ConvI8<'_>, rows: Range<usize>, skip_repeats: bool, sink: &mut impl FnMut(usize, usize, &[i32; BLOCK])) {
    let mut start = [0i32; N]; // −128 × Σx of each window, for all its blocks
    drive::<N>(c, rows, skip_repeats, sink, |wins, c0| {
        if c0 == 0 {
            start = core::array::from_fn(|r| wins[r].iter().fold(0i32, |s, &v| s.wrapping_add(v as i32)).wrapping_mul(-128));
        }
        tile_vnni::<N>(wins, c.w, c.l.out_ch as usize, c0, &start)
    });
}

#[target_feature(enable = "avx2")]
fn rows_avx2<const N: usize>(c: ConvI8<'_>, rows: Range<usize>, skip_repeats: bool, sink: &mut impl FnMut(usize, usize, &[i32; BLOCK])) {
    drive::<N>(c, rows, skip_repeats, sink, |wins, c0| tile_avx2::<N>(wins, c.w, c.l.out_ch as usize, c0));
}

/// The tiles of [`rows`]: `N` windows at a time (a last, partial tile repeats its last
/// window, whose extra results are dropped; with `skip_repeats`, a window equal to the
/// previous row's is left out), each block of channels through `tile`, which returns Σ x·w
/// per window and channel.
#[inline(always)]
fn drive<const N: usize>(
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

/// The 16 bytes at `s`.
#[inline(always)]
fn load16(s: &[i8]) -> __m128i {
    let s: &[i8; 16] = s[..16].try_into().unwrap_or_else(|_| unreachable!());
    // SAFETY: reads the 16 bytes of `s` (no alignment needed).
    unsafe { _mm_loadu_si128(s.as_ptr().cast()) }
}

/// The `size_of::<T>()` bytes of `win` at `g` (`T`: `i16` or `i32`, little-endian), where
/// the caller has checked that `g + size_of::<T>() <= len` and that `win` holds `len` values.
#[inline(always)]
fn read<T: Copy>(win: &[i8], g: usize, len: usize) -> T {
    debug_assert!(g + size_of::<T>() <= len && win.len() == len);
    // SAFETY: `g + size_of::<T>() <= len == win.len()` (the callers' loop bounds and their
    // check of every window's length), so the read stays inside `win`; no alignment needed.
    unsafe { win.as_ptr().add(g).cast::<T>().read_unaligned() }
}

/// Σ x·w of `N` windows for channels `c0 .. c0 + 16`, with VNNI: per group of four window
/// values, the four weight rows' 16 bytes are interleaved into 16 × 4 bytes and biased to
/// `u8` (`w + 128`), and `vpdpbusd` adds the four products of each channel to its lane; the
/// bias is `128 × Σx` over the window, taken off at the `start` (−128 × Σx per window).
#[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
#[inline]
fn tile_vnni<const N: usize>(wins: &[&[i8]; N], w: &[i8], cout: usize, c0: usize, start: &[i32; N]) -> [[i32; BLOCK]; N] {
    let len = wins[0].len();
    assert!(len.is_multiple_of(4) && wins.iter().all(|w| w.len() == len), "windows of one length, in groups of 4");
    let mut acc: [__m512i; N] = start.map(|s| _mm512_set1_epi32(s));
    let flip = _mm512_set1_epi8(-128);
    for g in (0..len).step_by(4) {
        let row = |i: usize| load16(&w[(g + i) * cout + c0..]);
        let (r0, r1, r2, r3) = (row(0), row(1), row(2), row(3));
        let (a, b) = (_mm_unpacklo_epi8(r0, r1), _mm_unpackhi_epi8(r0, r1));
        let (c, d) = (_mm_unpacklo_epi8(r2, r3), _mm_unpackhi_epi8(r2, r3));
        let mut wz = _mm512_castsi128_si512(_mm_unpacklo_epi16(a, c));
        wz = _mm512_inserti32x4::<1>(wz, _mm_unpackhi_epi16(a, c));
        wz = _mm512_inserti32x4::<2>(wz, _mm_unpacklo_epi16(b, d));
        wz = _mm512_inserti32x4::<3>(wz, _mm_unpackhi_epi16(b, d));
        let wu = _mm512_xor_si512(wz, flip);
        for (a, win) in acc.iter_mut().zip(wins) {
            *a = _mm512_dpbusd_epi32(*a, wu, _mm512_set1_epi32(read::<i32>(win, g, len)));
        }
    }
    acc.map(|a| {
        let mut out = [0i32; BLOCK];
        // SAFETY: writes the 64 bytes of `out` (no alignment needed).
        unsafe { _mm512_storeu_si512(out.as_mut_ptr().cast(), a) };
        out
    })
}

/// Σ x·w of `N` windows for channels `c0 .. c0 + 16`, with AVX2: per pair of window values,
/// the two weight rows' 16 bytes are interleaved and sign-extended to `i16` pairs, and
/// `vpmaddwd` adds each channel's two products (at most 2 × 128² = 2^15: no saturation).
#[target_feature(enable = "avx2")]
#[inline]
fn tile_avx2<const N: usize>(wins: &[&[i8]; N], w: &[i8], cout: usize, c0: usize) -> [[i32; BLOCK]; N] {
    let len = wins[0].len();
    assert!(len.is_multiple_of(2) && wins.iter().all(|w| w.len() == len), "windows of one length, in pairs");
    let mut acc = [[_mm256_setzero_si256(); 2]; N];
    for g in (0..len).step_by(2) {
        let (r0, r1) = (load16(&w[g * cout + c0..]), load16(&w[(g + 1) * cout + c0..]));
        let lo = _mm256_cvtepi8_epi16(_mm_unpacklo_epi8(r0, r1));
        let hi = _mm256_cvtepi8_epi16(_mm_unpackhi_epi8(r0, r1));
        for (a, win) in acc.iter_mut().zip(wins) {
            let pair = _mm_set1_epi16(read::<i16>(win, g, len));
            let xs = _mm256_cvtepi8_epi16(pair);
            a[0] = _mm256_add_epi32(a[0], _mm256_madd_epi16(lo, xs));
            a[1] = _mm256_add_epi32(a[1], _mm256_madd_epi16(hi, xs));
        }
    }
    acc.map(|[lo, hi]| {
        let mut out = [0i32; BLOCK];
        // SAFETY: writes the 2 × 32 bytes of `out` (no alignment needed).
        unsafe {
            _mm256_storeu_si256(out.as_mut_ptr().cast(), lo);
            _mm256_storeu_si256(out[8..].as_mut_ptr().cast(), hi);
        }
        out
    })
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::{vec, vec::Vec};

    use mlc_format::net::{DType, Op};
    use proptest::prelude::*;

    use super::*;
    use crate::net::ops::conv1d::row_i32_impl;

    /// The levels this CPU can run (the environment's caps aside).
    fn levels() -> Vec<Level> {
        let mut v = Vec::new();
        if std::is_x86_feature_detected!("avx2") {
            v.push(Level::Avx2);
        }
        if std::is_x86_feature_detected!("avx512f")
            && std::is_x86_feature_detected!("avx512bw")
            && std::is_x86_feature_detected!("avx512vnni")
        {
            v.push(Level::Avx512Vnni);
        }
        v
    }

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
            let cout = l.out_ch as usize;
            let inner = interior(&l);
            let mut want = vec![0i32; cout];
            for level in levels() {
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
