//! x86-64 single-row kernel with AVX2, for CPUs without the AVX-512 of [`super::bits`]: every
//! threshold comparison of the row as one byte, then each tree walked over those bytes with no
//! branch and no comparison.
//!
//! It reads the dense lanes (`tree-bit-lanes`, §8.11 of `docs/format.md`) and each tree's
//! level-order comparison bytes (`tree-lane-steps`, §8.12). The comparisons `t ≤ x` of every lane
//! (`B`) and, where the row has a missing value, `t ≤ x` or unordered (`B'`; else a copy of `B`)
//! go to the stack one byte each, 0 or 1: bit `q` of `B'` at byte `q`, of `B` at byte `512 + q`
//! (32 lanes a step: four 8-lane comparisons packed to bytes). A tree is then `depth` steps
//! `p → 2p + 1 + byte[steps[p]]` from its root, ten trees side by side so that the CPU overlaps
//! their dependent loads. Leaves are added in tree order in
//! `f32`, so margins are bit-identical to the walk.

use core::arch::x86_64::*;
use core::mem::MaybeUninit;

use mlc_format::manifest::Link;
use mlc_format::records::{BitLanes, LaneSteps};

use super::complete::{Forest, Lanes, Steps};

/// Trees walked side by side: a step's two loads wait on the last step's, so the CPU needs
/// other trees' steps to overlap (the all-states churn model, 20 trees, `MLC_NO_AVX512=1`: 89 ns
/// a row with ten; 101–103 with eight or twelve, whose rest goes four or one at a time; a
/// first version walking one tree at a time took 209 ns against 166 with ten).
const LANES: usize = 10;

/// Whether the CPU runs [`predict`].
pub(crate) fn usable() -> bool {
    super::cpu::avx2_bytes()
}

/// The comparison bytes of one row: `B'` in `0..512`, `B` in `512..1024`; only the first
/// `steps.blocks` 32-byte blocks of each half are written (and read).
#[repr(C, align(32))]
struct Decisions([u8; 1024]);

/// The float margin of `row` through the [elementwise](crate::link::elementwise) `link`: `base`
/// plus every tree's leaf, in tree order, tree `t`'s leaves `forest.leaves[t << depth ..][..1 <<
/// depth]`. The link is applied here ([`crate::link::one_fma`]), with the same bits as
/// [`crate::link::one`].
///
/// # Safety
/// The CPU must have what [`usable`] checks. `steps.trees.len() << depth == leaves.len()`,
/// `depth <= 6`, `row.len() <= 64`, at most 32 lane records with every feature below
/// `row.len()` (all checked by assertions here); every step's byte in the first `steps.blocks`
/// blocks of its half, `steps.blocks <= 16` (the loader computed `blocks` from the bytes).
#[target_feature(enable = "avx2,fma,bmi1,bmi2")]
pub(crate) unsafe fn predict(lanes: &Lanes<'_>, steps: &Steps<'_>, forest: &Forest<'_>, row: &[f32], base: f32, link: Link) -> f32 {
    let (leaves, depth) = (forest.leaves, forest.depth);
    assert!(depth <= 6 && steps.trees.len() << depth == leaves.len() && steps.blocks <= 16);
    let mut d = MaybeUninit::<Decisions>::uninit();
    compare(lanes, row, &mut d, steps.blocks);
    let bytes = d.as_ptr() as *const u8;
    let trees = steps.trees;
    let mut sum = base;
    let mut t = 0;
    // SAFETY (every `walk`): `compare` wrote 0s and 1s to the blocks every step reads (the
    // caller's contract: `blocks` covers every step's byte, each below 1024); `t + L ≤
    // trees.len()` and `leaves.len() == trees.len() << depth`.
    while t + LANES <= trees.len() {
        for v in unsafe { walk::<LANES>(bytes, &trees[t..], &leaves[t << depth..], depth) } {
            sum += v;
        }
        t += LANES;
    }
    // The rest four at a time (one at a time is slow: 108 vs 89 ns for 20 trees in 8s).
    while t + 4 <= trees.len() {
        for v in unsafe { walk::<4>(bytes, &trees[t..], &leaves[t << depth..], depth) } {
            sum += v;
        }
        t += 4;
    }
    while t < trees.len() {
        sum += unsafe { walk::<1>(bytes, &trees[t..], &leaves[t << depth..], depth)[0] };
        t += 1;
    }
    // SAFETY: this function enables FMA (the caller checked the CPU).
    unsafe { crate::link::one_fma(link, sum) }
}

/// The exit leaves of the first `L` of `trees`, whose leaves start at `leaves`, walked side by
/// side over the comparison bytes at `bytes`.
///
/// # Safety
/// Every byte the trees' steps name is below 1024 and initialized, to 0 or 1.
#[inline(always)]
unsafe fn walk<const L: usize>(bytes: *const u8, trees: &[LaneSteps], leaves: &[u32], depth: u32) -> [f32; L] {
    assert!(trees.len() >= L && leaves.len() >= L << depth && depth <= 6);
    let mut p = [0usize; L];
    // `depth` steps, a loop (unrolled, LLVM folds the steps into each other's addresses and
    // spills: 116 vs 90 ns a row).
    for _ in 0..depth {
        for (k, p) in p.iter_mut().enumerate() {
            // SAFETY: `k < L ≤ trees.len()` and `p < 2^depth − 1 ≤ 63` before each step (each
            // decision is 0 or 1); a step's byte is below 1024 (the loader checked) and
            // initialized (the caller's contract).
            let decision = unsafe { *bytes.add(*trees.get_unchecked(k).bytes.get_unchecked(*p) as usize) };
            *p = 2 * *p + 1 + decision as usize;
        }
    }
    // The top `depth` levels of the tree padded to depth 6 are the tree itself, so `depth` steps
    // end at `2^depth − 1 + slot`.
    let s = (1usize << depth) - 1;
    core::array::from_fn(|k| {
        let slot = p[k] - s;
        // SAFETY: `depth` steps of `p → 2p + 1 + (0 or 1)` from 0 end below `2^(depth+1) − 1`, so
        // `slot < 1 << depth`; tree `k`'s leaves are `leaves[k << depth..][..1 << depth]` (asserted
        // above).
        f32::from_bits(unsafe { *leaves.get_unchecked((k << depth) + slot) })
    })
}

/// Values `f` (each below `8 · regs`) of a row held in `regs` registers of eight (`regs` a power
/// of two, at most 8): one permutation per register, then blends on bits 3, 4 and 5 of `f`.
#[target_feature(enable = "avx2")]
#[inline]
fn lookup(row: &[__m256; 8], regs: usize, f: __m256i) -> __m256 {
    let p = |k: usize| _mm256_permutevar8x32_ps(row[k], f);
    // `blendv` picks by the sign bit: bit 3, 4 or 5 of each lane moved there.
    let (s3, s4) = (_mm256_castsi256_ps(_mm256_slli_epi32::<28>(f)), _mm256_castsi256_ps(_mm256_slli_epi32::<27>(f)));
    match regs {
        1 => p(0),
        2 => _mm256_blendv_ps(p(0), p(1), s3),
        4 => _mm256_blendv_ps(_mm256_blendv_ps(p(0), p(1), s3), _mm256_blendv_ps(p(2), p(3), s3), s4),
        _ => {
            let low = _mm256_blendv_ps(_mm256_blendv_ps(p(0), p(1), s3), _mm256_blendv_ps(p(2), p(3), s3), s4);
            let high = _mm256_blendv_ps(_mm256_blendv_ps(p(4), p(5), s3), _mm256_blendv_ps(p(6), p(7), s3), s4);
            _mm256_blendv_ps(low, high, _mm256_castsi256_ps(_mm256_slli_epi32::<26>(f)))
        }
    }
}

/// Writes the comparison bytes of `row` for the first `blocks` 32-lane blocks of `B` (from
/// byte 512 of `d`) and `B'` (from byte 0): zeros past the last record.
#[target_feature(enable = "avx2")]
fn compare(lanes: &Lanes<'_>, row: &[f32], d: &mut MaybeUninit<Decisions>, blocks: usize) {
    assert!(row.len() <= 64 && lanes.records.len() <= 32 && blocks <= 16);
    assert!(lanes.feature_bound <= row.len(), "a bit lane names a feature beyond the row");
    // The row in registers of eight (zeros past its end), as many as the lanes' features need
    // (a power of two for `lookup`), and whether any of those values is missing.
    let regs = lanes.feature_bound.div_ceil(8).next_power_of_two();
    let mut r = [_mm256_setzero_ps(); 8];
    let mut nan = _mm256_setzero_ps();
    for (k, part) in row.chunks(8).take(regs).enumerate() {
        let mask = _mm256_cmpgt_epi32(_mm256_set1_epi32(part.len() as i32), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
        // SAFETY: only the `part.len()` lanes of `part` are read (masked load).
        r[k] = unsafe { _mm256_maskload_ps(part.as_ptr(), mask) };
        nan = _mm256_or_ps(nan, _mm256_cmp_ps::<_CMP_UNORD_Q>(r[k], r[k]));
    }
    let missing = _mm256_movemask_ps(nan) != 0;
    // SAFETY: every feature is below `feature_bound ≤ row.len()` (asserted above).
    let broadcast = |l: &BitLanes| _mm256_set1_ps(unsafe { *row.get_unchecked(l.features[0] as usize) });
    // Half `h` of record `i`'s values.
    let values = |l: &BitLanes, h: usize, i: usize| {
        if i < lanes.uniform {
            return broadcast(l);
        }
        // SAFETY: 8 feature bytes of a record, read unaligned.
        let f = _mm256_cvtepu8_epi32(unsafe { _mm_loadl_epi64(l.features.as_ptr().add(8 * h) as *const _) });
        lookup(&r, regs, f)
    };
    // SAFETY: 8 thresholds of a record, read unaligned.
    let thresholds = |l: &BitLanes, h: usize| unsafe { _mm256_loadu_ps(l.thresholds.as_ptr().add(8 * h) as *const f32) };
    // Four 8-lane comparisons (all-ones or zero) as 32 bytes 0 or 1, in lane order.
    let pack = |c: [__m256; 4]| {
        let [c0, c1, c2, c3] = c.map(|v| _mm256_castps_si256(v));
        let b = _mm256_packs_epi16(_mm256_packs_epi32(c0, c1), _mm256_packs_epi32(c2, c3));
        // The packs interleave 128-bit halves: dwords 0, 4, 1, 5, … put the lanes back in order.
        _mm256_and_si256(_mm256_permutevar8x32_epi32(b, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7)), _mm256_set1_epi8(1))
    };
    let bytes = d.as_mut_ptr() as *mut u8;
    let store = |q: usize, left: __m256i, right: __m256i| {
        debug_assert!(q < 16);
        // SAFETY: bytes `32q .. 32q + 32` and `512 + 32q ..` of `d`'s 1024, `q < blocks ≤ 16`,
        // 32-byte aligned (`Decisions` is).
        unsafe {
            _mm256_store_si256(bytes.add(512 + 32 * q) as *mut __m256i, left);
            _mm256_store_si256(bytes.add(32 * q) as *mut __m256i, right);
        }
    };
    let records = lanes.records;
    // Pairs of records of one feature each (the leading ones): two broadcasts.
    let uniform_pairs = (lanes.uniform / 2).min(blocks);
    for q in 0..uniform_pairs {
        let (a, b) = (&records[2 * q], &records[2 * q + 1]);
        let (xa, xb) = (broadcast(a), broadcast(b));
        let t = [thresholds(a, 0), thresholds(a, 1), thresholds(b, 0), thresholds(b, 1)];
        let x = [xa, xa, xb, xb];
        let left = pack(core::array::from_fn(|k| _mm256_cmp_ps::<_CMP_LE_OQ>(t[k], x[k])));
        let right = if missing { pack(core::array::from_fn(|k| _mm256_cmp_ps::<_CMP_NGT_UQ>(t[k], x[k]))) } else { left };
        store(q, left, right);
    }
    // The rest, and zeros past the last record.
    for q in uniform_pairs..blocks {
        let halves = |k: usize| records.get(2 * q + k / 2).map(|l| (thresholds(l, k % 2), values(l, k % 2, 2 * q + k / 2)));
        let h: [Option<(__m256, __m256)>; 4] = core::array::from_fn(halves);
        let left = pack(h.map(|h| h.map_or(_mm256_setzero_ps(), |(t, x)| _mm256_cmp_ps::<_CMP_LE_OQ>(t, x))));
        let right =
            if missing { pack(h.map(|h| h.map_or(_mm256_setzero_ps(), |(t, x)| _mm256_cmp_ps::<_CMP_NGT_UQ>(t, x)))) } else { left };
        store(q, left, right);
    }
}
