//! Vector int8 convolution rows on x86-64, on the artifact's own kernel layout (`k × in ×
//! out`, docs/format.md §9.3; shapes, tiles and tests shared with aarch64 in
//! [`super::conv1d_vec`]): AVX2 `vpmaddwd` on sign-extended int8 pairs, and AVX-512 VNNI
//! `vpdpbusd` on a biased weight (`w + 128` as `u8`, exact after subtracting `128 × Σx` of the
//! row's window). Both sum exactly in `i32` (every partial sum of at most four int8 × int8
//! products fits, and additions wrap like the portable kernel's), so rows are bit-identical
//! to [`super::conv1d`]'s portable ones.
//!
//! A row's taps must be contiguous and in the input (dilation 1, no padding in its window:
//! the "interior" rows); the channels go in blocks of 16, the window in groups of four
//! values, so the kernel takes layers with `out_ch % 16 == 0` and `window × in_ch % 4 == 0`.
//! Each block of weights is interleaved in registers once per tile of rows ([`rows`]).

use core::arch::x86_64::*;
use core::ops::Range;

use mlc_format::net::LayerRecord;

use super::conv1d_vec::{drive, read, shape_ok, ConvI8, BLOCK};
use crate::cpu::{self, Level};

/// The vector level to run `l` with, if the kernel takes its shape and the CPU has AVX2.
pub(super) fn usable(l: &LayerRecord) -> Option<Level> {
    let level = cpu::level();
    (shape_ok(l) && level >= Level::Avx2).then_some(level)
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
            start = core::array::from_fn(|r| window_sum(wins[r]).wrapping_mul(-128));
        }
        tile_vnni::<N>(wins, c.w, c.l.out_ch as usize, c0, &start)
    });
}

#[target_feature(enable = "avx2")]
fn rows_avx2<const N: usize>(c: ConvI8<'_>, rows: Range<usize>, skip_repeats: bool, sink: &mut impl FnMut(usize, usize, &[i32; BLOCK])) {
    drive::<N>(c, rows, skip_repeats, sink, |wins, c0| tile_avx2::<N>(wins, c.w, c.l.out_ch as usize, c0));
}

/// Σx over `win` (wrapping like an `i32` sum), 64 values per `vpsadbw`: the sum of `x + 128`
/// as `u8`, less `128 × len`. (A plain fold got vectorized by LLVM with gathers across the
/// tile's windows, costing about as much as the multiply-adds on small layers; found on branch
/// `h-convpack` with `perf`.)
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn window_sum(win: &[i8]) -> i32 {
    let (flip, zero) = (_mm512_set1_epi8(-128), _mm512_setzero_si512());
    let mut chunks = win.chunks_exact(64);
    let mut acc = zero;
    for c in &mut chunks {
        // SAFETY: `c` holds 64 bytes, read unaligned.
        let v = unsafe { _mm512_loadu_si512(c.as_ptr().cast()) };
        acc = _mm512_add_epi64(acc, _mm512_sad_epu8(_mm512_xor_si512(v, flip), zero));
    }
    // The rest (under 64 bytes) by a masked load; the lanes past it are zeroed after the flip.
    let rest = chunks.remainder();
    let mask: __mmask64 = (1u64 << rest.len()) - 1;
    // SAFETY: the mask selects the `rest.len() < 64` bytes of `rest` only; masked-off bytes
    // are not read.
    let v = unsafe { _mm512_maskz_loadu_epi8(mask, rest.as_ptr()) };
    acc = _mm512_add_epi64(acc, _mm512_sad_epu8(_mm512_maskz_mov_epi8(mask, _mm512_xor_si512(v, flip)), zero));
    (_mm512_reduce_add_epi64(acc) as i32).wrapping_sub((128 * win.len()) as i32)
}

/// The 16 bytes at `s`.
#[inline(always)]
fn load16(s: &[i8]) -> __m128i {
    let s: &[i8; 16] = s[..16].try_into().unwrap_or_else(|_| unreachable!());
    // SAFETY: reads the 16 bytes of `s` (no alignment needed).
    unsafe { _mm_loadu_si128(s.as_ptr().cast()) }
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

/// The levels this CPU can run (the environment's caps aside), for the tests.
#[cfg(test)]
pub(super) fn levels() -> [Option<Level>; 2] {
    extern crate std;
    let avx512 = std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512bw")
        && std::is_x86_feature_detected!("avx512vnni");
    [std::is_x86_feature_detected!("avx2").then_some(Level::Avx2), avx512.then_some(Level::Avx512Vnni)]
}

#[cfg(test)]
mod tests {
    extern crate std;

    /// `window_sum` equals the wrapping `i32` fold for every length up to 300 (whole 64-byte
    /// chunks and every remainder), on extreme and mixed values.
    #[test]
    fn window_sum_is_the_wrapping_fold() {
        if !(std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512bw")) {
            std::eprintln!("skipped: no AVX-512BW");
            return;
        }
        let patterns: [fn(usize) -> i8; 3] = [|_| -128, |_| 127, |i| (i.wrapping_mul(37) ^ (i >> 3)) as i8];
        for p in patterns {
            let values: std::vec::Vec<i8> = (0..300).map(p).collect();
            for len in 0..=300 {
                let win = &values[..len];
                let want = win.iter().fold(0i32, |s, &v| s.wrapping_add(v as i32));
                // SAFETY: the CPU has AVX-512F/BW (checked above).
                assert_eq!(unsafe { super::window_sum(win) }, want, "length {len}");
            }
        }
    }
}
