//! Vector int8 convolution rows on aarch64, on the artifact's own kernel layout (`k × in ×
//! out`, docs/format.md §9.3; shapes, tiles and tests shared with x86-64 in
//! [`super::conv1d_vec`]):
//!
//! - NEON (every aarch64 CPU): per pair of window values, the two weight rows' 16 bytes are
//!   interleaved (`zip1`/`zip2`), multiplied by the pair of inputs into `i16` products
//!   (`smull`, `smull2`: an int8 × int8 product fits `i16` exactly), and each channel's two
//!   products are added into its `i32` lane (`sadalp`, which widens before it adds);
//! - NEON with `dotprod` (`sdot`, Armv8.2 optional, Armv8.4 on): per group of four window
//!   values, the four weight rows are interleaved into 16 × 4 bytes and `sdot` adds each
//!   channel's four signed products to its `i32` lane.
//!
//! Both sum exactly in `i32` with wrapping additions like the portable kernel's, so rows are
//! bit-identical to [`super::conv1d`]'s portable ones. The weights are interleaved in
//! registers once per tile of rows ([`rows`]). `sdot` is written as inline assembly: its
//! intrinsic (`vdotq_s32`) is not stable Rust yet.

use core::arch::aarch64::*;
use core::ops::Range;

use mlc_format::net::LayerRecord;

use super::conv1d_vec::{drive, read, shape_ok, ConvI8, BLOCK};
use crate::cpu::{self, Level};

/// Rows per tile where the caller keeps the maximum over the rows: 6 rows × 4 registers of
/// accumulators, with the interleaved weights, fill the 32 NEON registers.
const TILE: usize = 6;

/// The vector level to run `l` with, if the kernel takes its shape and the environment lets
/// it run (`MLC_NO_SIMD` unset).
pub(super) fn usable(l: &LayerRecord) -> Option<Level> {
    let level = cpu::level();
    (shape_ok(l) && level >= Level::Neon).then_some(level)
}

/// Accumulators (bias + Σ x·w) of the interior `rows` of convolution `c`, handed to
/// `sink(o, c0, values)` per row `o` and block of channels `c0 .. c0 + 16`. `level` is
/// [`usable`]'s. With `for_max` (the caller keeps the maximum over the rows), rows go in
/// tiles of [`TILE`], and a row whose window equals the previous row's (a run of padding
/// tokens) is skipped: its accumulators would be the same.
pub(super) fn rows(level: Level, c: ConvI8<'_>, rows: Range<usize>, for_max: bool, sink: &mut impl FnMut(usize, usize, &[i32; BLOCK])) {
    match (level, for_max) {
        // SAFETY: `level` comes from `usable` (`cpu::level`), which checked that the CPU has
        // `dotprod`.
        (Level::NeonDot, true) => unsafe { rows_dot::<TILE>(c, rows, true, sink) },
        // SAFETY: as above.
        (Level::NeonDot, false) => unsafe { rows_dot::<1>(c, rows, false, sink) },
        // SAFETY: `cpu::level` checked that the CPU has NEON (every aarch64 Linux CPU does).
        (Level::Neon, true) => unsafe { rows_neon::<TILE>(c, rows, true, sink) },
        // SAFETY: as above.
        (Level::Neon, false) => unsafe { rows_neon::<1>(c, rows, false, sink) },
        (Level::Portable, _) => unreachable!("`usable` never returns the portable level"),
    }
}

/// [`rows`] with `sdot`, `N` rows per tile.
#[target_feature(enable = "neon,dotprod")]
fn rows_dot<const N: usize>(c: ConvI8<'_>, rows: Range<usize>, skip_repeats: bool, sink: &mut impl FnMut(usize, usize, &[i32; BLOCK])) {
    drive::<N>(c, rows, skip_repeats, sink, |wins, c0| tile_dot::<N>(wins, c.w, c.l.out_ch as usize, c0));
}

/// [`rows`] with `smull`/`sadalp`, `N` rows per tile.
#[target_feature(enable = "neon")]
fn rows_neon<const N: usize>(c: ConvI8<'_>, rows: Range<usize>, skip_repeats: bool, sink: &mut impl FnMut(usize, usize, &[i32; BLOCK])) {
    drive::<N>(c, rows, skip_repeats, sink, |wins, c0| tile_neon::<N>(wins, c.w, c.l.out_ch as usize, c0));
}

/// The 16 bytes at `s`.
#[target_feature(enable = "neon")]
#[inline]
fn load16(s: &[i8]) -> int8x16_t {
    let s: &[i8; 16] = s[..16].try_into().unwrap_or_else(|_| unreachable!());
    // SAFETY: reads the 16 bytes of `s` (no alignment needed).
    unsafe { vld1q_s8(s.as_ptr()) }
}

/// The four `i32` vectors of `acc` as 16 values.
#[target_feature(enable = "neon")]
#[inline]
fn store(acc: [int32x4_t; 4]) -> [i32; BLOCK] {
    let mut out = [0i32; BLOCK];
    for (o, a) in out.chunks_exact_mut(4).zip(acc) {
        let o: &mut [i32; 4] = o.try_into().unwrap_or_else(|_| unreachable!());
        // SAFETY: writes the 16 bytes of `o` (no alignment needed).
        unsafe { vst1q_s32(o.as_mut_ptr(), a) };
    }
    out
}

/// `acc + ` the dot products of each lane's four signed bytes of `w` and `x` (`sdot`).
#[target_feature(enable = "neon,dotprod")]
#[inline]
fn sdot(mut acc: int32x4_t, w: int8x16_t, x: int8x16_t) -> int32x4_t {
    // SAFETY: `sdot` reads the three registers and writes the first, nothing else; the CPU
    // has `dotprod` (this function's target features).
    unsafe {
        core::arch::asm!(
            "sdot {acc:v}.4s, {w:v}.16b, {x:v}.16b",
            acc = inout(vreg) acc,
            w = in(vreg) w,
            x = in(vreg) x,
            options(pure, nomem, nostack, preserves_flags)
        )
    };
    acc
}

/// Σ x·w of `N` windows for channels `c0 .. c0 + 16`, with `sdot`: per group of four window
/// values, the four weight rows' 16 bytes are interleaved into 16 × 4 bytes (channel `c`'s
/// four weights in lane `c % 4` of register `c / 4`), and `sdot` adds the four products of
/// each channel to its lane, the window's four values broadcast to every lane.
#[target_feature(enable = "neon,dotprod")]
#[inline]
fn tile_dot<const N: usize>(wins: &[&[i8]; N], w: &[i8], cout: usize, c0: usize) -> [[i32; BLOCK]; N] {
    let len = wins[0].len();
    assert!(len.is_multiple_of(4) && wins.iter().all(|w| w.len() == len), "windows of one length, in groups of 4");
    let mut acc = [[vdupq_n_s32(0); 4]; N];
    for g in (0..len).step_by(4) {
        let row = |i: usize| load16(&w[(g + i) * cout + c0..]);
        let (r0, r1, r2, r3) = (row(0), row(1), row(2), row(3));
        // (r0[c], r1[c]) and (r2[c], r3[c]) as `i16` lanes: channels 0..8 (`a`, `c`), 8..16.
        let (a, b) = (vreinterpretq_s16_s8(vzip1q_s8(r0, r1)), vreinterpretq_s16_s8(vzip2q_s8(r0, r1)));
        let (c, d) = (vreinterpretq_s16_s8(vzip1q_s8(r2, r3)), vreinterpretq_s16_s8(vzip2q_s8(r2, r3)));
        let ws = [
            vreinterpretq_s8_s16(vzip1q_s16(a, c)),
            vreinterpretq_s8_s16(vzip2q_s16(a, c)),
            vreinterpretq_s8_s16(vzip1q_s16(b, d)),
            vreinterpretq_s8_s16(vzip2q_s16(b, d)),
        ];
        for (a, win) in acc.iter_mut().zip(wins) {
            let xs = vreinterpretq_s8_s32(vdupq_n_s32(read::<i32>(win, g, len)));
            for (a, &wk) in a.iter_mut().zip(&ws) {
                *a = sdot(*a, wk, xs);
            }
        }
    }
    acc.map(|a| store(a))
}

/// Σ x·w of `N` windows for channels `c0 .. c0 + 16`, with NEON: per pair of window values,
/// the two weight rows' 16 bytes are interleaved (channel `c`'s pair in `i16` lane `c % 8`
/// of `lo` or `hi`), multiplied by the window's pair (`smull`/`smull2`: eight exact `i16`
/// products a register), and each channel's two products added into its `i32` lane
/// (`sadalp`).
#[target_feature(enable = "neon")]
#[inline]
fn tile_neon<const N: usize>(wins: &[&[i8]; N], w: &[i8], cout: usize, c0: usize) -> [[i32; BLOCK]; N] {
    let len = wins[0].len();
    assert!(len.is_multiple_of(2) && wins.iter().all(|w| w.len() == len), "windows of one length, in pairs");
    let mut acc = [[vdupq_n_s32(0); 4]; N];
    for g in (0..len).step_by(2) {
        let (r0, r1) = (load16(&w[g * cout + c0..]), load16(&w[(g + 1) * cout + c0..]));
        let (lo, hi) = (vzip1q_s8(r0, r1), vzip2q_s8(r0, r1));
        let (lo_low, hi_low) = (vget_low_s8(lo), vget_low_s8(hi));
        for (a, win) in acc.iter_mut().zip(wins) {
            let xs = vreinterpretq_s8_s16(vdupq_n_s16(read::<i16>(win, g, len)));
            let xl = vget_low_s8(xs);
            a[0] = vpadalq_s16(a[0], vmull_s8(lo_low, xl));
            a[1] = vpadalq_s16(a[1], vmull_high_s8(lo, xs));
            a[2] = vpadalq_s16(a[2], vmull_s8(hi_low, xl));
            a[3] = vpadalq_s16(a[3], vmull_high_s8(hi, xs));
        }
    }
    acc.map(|a| store(a))
}

/// The levels this CPU can run (the environment's caps aside), for the tests: NEON always,
/// `sdot` where the CPU has `dotprod` (under qemu: `-cpu max`, not `-cpu cortex-a72`).
#[cfg(test)]
pub(super) fn levels() -> [Option<Level>; 2] {
    extern crate std;
    [Some(Level::Neon), std::arch::is_aarch64_feature_detected!("dotprod").then_some(Level::NeonDot)]
}
