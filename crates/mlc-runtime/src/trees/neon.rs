//! aarch64 batch kernel with NEON: QuickScorer-style leaf bitvectors across 4 rows.
//!
//! The NEON port of [`super::avx2`] (same `tree-splits` index, same tiles): for 4 rows at once
//! (one `float32x4_t`) every split of a tree is one vector comparison, and a row that goes
//! right clears the split's left-subtree leaves from its 64-bit leaf bitvector (two 32-bit
//! words, in two registers per 4 rows). Missing values follow the split's list exactly as in
//! AVX2: `vcgeq_f32` (false on NaN) where a missing value goes left, the complement of
//! `vcltq_f32` (true on NaN) where it goes right (no NaN threshold: the loader keeps such a
//! model's index from the kernels). The exit leaf is the lowest bit left
//! (`31 − clz(w & −w)`: NEON has no count of trailing zeros); leaves are loaded lane by lane
//! (no gather) and added per row in tree order in `f32`, so margins are bit-identical to the
//! scalar walk. Features are transposed once per tile of [`BLOCKS`] × 4 rows into a stack
//! array. Float models of depth ≤ 6 with one output group.

use core::arch::aarch64::*;

use mlc_format::records::SplitRecord;

use super::columns::{Columns, MAX_FEATURES};
use super::complete::Forest;

/// Rows per vector (one block).
pub(crate) const ROWS: usize = 4;
/// Blocks of 4 rows evaluated together per split (one tile).
const BLOCKS: usize = 4;

/// Whether [`margins`] may run for `forest` with `features` inputs: the model carries a
/// `tree-splits` index (float, depth ≤ 6) and the environment lets vector kernels run
/// (`crate::cpu`: not `MLC_NO_SIMD`; without `std`, a target with NEON).
pub(crate) fn usable(forest: &Forest<'_>, features: usize) -> bool {
    forest.splits.is_some() && features <= MAX_FEATURES && crate::cpu::level() >= crate::cpu::Level::Neon
}

/// Index of the lowest set bit of each lane; negative (−1) for a zero lane.
#[target_feature(enable = "neon")]
#[inline]
fn trailing_zeros(v: uint32x4_t) -> int32x4_t {
    let lowest = vandq_u32(v, vreinterpretq_u32_s32(vnegq_s32(vreinterpretq_s32_u32(v))));
    // clz of the isolated bit 2^k is 31 − k; of zero, 32.
    vsubq_s32(vdupq_n_s32(31), vreinterpretq_s32_u32(vclzq_u32(lowest)))
}

/// Applies `splits` to the leaf-bitvector words of `B` blocks of 4 rows (`x[b]` holds block
/// `b`'s features): rows that go right clear the split's `keep` zero bits. `DEFAULT_LEFT_`: a
/// missing value goes left (GE is false on NaN); otherwise right (not-LT is true on NaN).
/// Present values go right iff `!(x < t)` either way.
#[target_feature(enable = "neon")]
#[inline]
fn apply<const DEFAULT_LEFT_: bool, const B: usize>(words: &mut [uint32x4_t; B], x: &Columns<float32x4_t, B>, splits: &[SplitRecord]) {
    for s in splits {
        let x = x.get(s.feature as usize);
        let thr = vdupq_n_f32(f32::from_bits(s.threshold));
        let clear = vdupq_n_u32(!s.keep);
        for b in 0..B {
            // The bits to clear: `clear` where the row goes right.
            let cut = if DEFAULT_LEFT_ { vandq_u32(vcgeq_f32(x[b], thr), clear) } else { vbicq_u32(clear, vcltq_f32(x[b], thr)) };
            words[b] = vbicq_u32(words[b], cut);
        }
    }
}

/// Margins of `rows` (a whole number of 4-row blocks, `features` values per row) into `out`,
/// starting from `base`.
///
/// # Safety
/// The CPU must support NEON, and [`usable`] must hold for `forest` and `features`;
/// `rows.len() == out.len() × features` with `out.len()` a multiple of 4 (checked by
/// assertions).
#[target_feature(enable = "neon")]
pub(crate) unsafe fn margins(forest: &Forest<'_>, rows: &[f32], features: usize, base: f32, out: &mut [f32]) {
    assert!(features <= MAX_FEATURES);
    let kernel = super::tiles::Kernel { block: ROWS, blocks: BLOCKS, tile: margins_blocks::<BLOCKS>, one: margins_blocks::<1> };
    // SAFETY: the caller's contract (this CPU's features, `usable`) is `margins_blocks`'s.
    unsafe { super::tiles::margins(forest, rows, features, base, out, kernel) }
}

/// [`margins`] of exactly `B` blocks of 4 rows.
#[target_feature(enable = "neon")]
unsafe fn margins_blocks<const B: usize>(forest: &Forest<'_>, rows: &[f32], features: usize, base: f32, out: &mut [f32]) {
    let Some(splits) = forest.splits else { return };
    let s = (1usize << forest.depth) - 1;
    // Transpose: feature f of the 4 rows of block b.
    let mut x = Columns::<float32x4_t, B>::new();
    x.set(0..features, |b, f| {
        let rb = &rows[b * ROWS * features..];
        let lanes = [rb[f], rb[features + f], rb[2 * features + f], rb[3 * features + f]];
        // SAFETY: reads the 4 values of `lanes`.
        unsafe { vld1q_f32(lanes.as_ptr()) }
    });
    let mut sums = [vdupq_n_f32(base); B];
    let all = vdupq_n_u32(u32::MAX);
    let last = vdupq_n_u32(s as u32);
    for t in 0..forest.trees.len() {
        // Lists: 0 low word/missing left, 1 low/right, 2 high/left, 3 high/right.
        let (mut lo, mut hi) = ([all; B], [all; B]);
        apply::<true, B>(&mut lo, &x, splits.list(t, 0));
        apply::<false, B>(&mut lo, &x, splits.list(t, 1));
        apply::<true, B>(&mut hi, &x, splits.list(t, 2));
        apply::<false, B>(&mut hi, &x, splits.list(t, 3));
        let leaves = &forest.leaves[t * (s + 1)..(t + 1) * (s + 1)];
        for b in 0..B {
            let lo_empty = vceqzq_u32(lo[b]);
            let high = vaddq_s32(trailing_zeros(hi[b]), vdupq_n_s32(32));
            let leaf = vbslq_s32(lo_empty, high, trailing_zeros(lo[b]));
            // Clamp: both words empty (impossible when the index matches the nodes) gives a
            // negative index here, huge unsigned; any inconsistent index stays in bounds.
            let leaf = vminq_u32(vreinterpretq_u32_s32(leaf), last);
            let mut at = [0u32; ROWS];
            // SAFETY: writes the 4 values of `at`.
            unsafe { vst1q_u32(at.as_mut_ptr(), leaf) };
            // Every index is ≤ s and `leaves` has s + 1 values (checked indexing all the same).
            let values = at.map(|i| f32::from_bits(leaves[i as usize]));
            // SAFETY: reads the 4 values of `values`.
            sums[b] = vaddq_f32(sums[b], unsafe { vld1q_f32(values.as_ptr()) });
        }
    }
    for (o, sum) in out.chunks_exact_mut(ROWS).zip(sums) {
        // SAFETY: each chunk holds 4 values.
        unsafe { vst1q_f32(o.as_mut_ptr(), sum) };
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::{vec, vec::Vec};

    use mlc_format::records::{keep_if_right, Node, TreeRecord, DEFAULT_LEFT};
    use proptest::prelude::*;

    use super::super::complete::Splits;
    use super::super::numeric::Float;
    use super::*;

    /// The lowest-set-bit index of every single bit, of mixed words and of zero.
    #[test]
    fn trailing_zeros_matches_the_scalar_count() {
        let mut words: Vec<u32> = (0..32).map(|k| 1u32 << k).collect();
        words.extend([0x8000_0000 | 0x4000, u32::MAX, 0xF0F0_0000, 0, 0x8000_0001, 6, 0x0001_0000]);
        for chunk in words.chunks(4) {
            let mut w = [0u32; 4];
            w[..chunk.len()].copy_from_slice(chunk);
            let mut got = [0i32; 4];
            // SAFETY: NEON is part of every aarch64 Linux CPU; the load and store touch 4 values each.
            unsafe { vst1q_s32(got.as_mut_ptr(), trailing_zeros(vld1q_u32(w.as_ptr()))) };
            for (word, got) in w.iter().zip(got) {
                if *word == 0 {
                    assert!(got < 0, "zero word gives {got}");
                } else {
                    assert_eq!(got, word.trailing_zeros() as i32, "word {word:#x}");
                }
            }
        }
    }

    /// A value of a feature or a threshold: a few shared values (so that rows hit thresholds
    /// exactly), signed zeros, infinities; NaN (missing) in rows only (the loader keeps the index
    /// of a model with a NaN threshold from the kernels).
    fn value(missing: bool) -> impl Strategy<Value = f32> {
        let nan = if missing { 1 } else { 0 };
        prop_oneof![
            4 => prop::sample::select(vec![-1.5f32, -0.0, 0.0, 0.5, 1.0, 2.25, 7.0]),
            2 => -10f32..10.0,
            1 => prop::sample::select(vec![f32::INFINITY, f32::NEG_INFINITY, f32::MIN_POSITIVE]),
            nan => Just(f32::NAN),
        ]
    }

    /// Complete trees of one depth (1..=6; every node a split: features, thresholds, default
    /// directions), leaves, and rows (a multiple of 4, plus up to 3 more that the kernel
    /// leaves to the caller).
    #[allow(clippy::type_complexity)]
    fn case() -> impl Strategy<Value = (u32, usize, Vec<Node>, Vec<u32>, Vec<f32>)> {
        (1u32..=6, 1usize..=70, 1usize..=12, 1usize..=40).prop_flat_map(|(depth, trees, features, rows)| {
            let s = (1usize << depth) - 1;
            let node = (0..features as u32, any::<bool>(), value(false))
                .prop_map(|(f, left, t)| Node { key: f | if left { DEFAULT_LEFT } else { 0 }, threshold: t.to_bits() });
            (
                Just(depth),
                Just(features),
                prop::collection::vec(node, trees * s),
                prop::collection::vec((-1f32..1.0).prop_map(f32::to_bits), trees * (s + 1)),
                prop::collection::vec(value(true), rows / 4 * 4 * features),
            )
        })
    }

    /// The `tree-splits` index of complete trees without padding, as the compiler builds it
    /// (`mlc_compiler::trees::layout::lower`): per tree four lists (low word/missing left,
    /// low/right, high/left, high/right).
    fn split_index(nodes: &[Node], s: usize, depth: u32) -> (Vec<SplitRecord>, Vec<u32>) {
        let (mut records, mut index) = (Vec::new(), vec![0u32]);
        for tree in nodes.chunks_exact(s) {
            let mut lists: [Vec<SplitRecord>; 4] = Default::default();
            for (p, n) in tree.iter().enumerate() {
                let (word, keep) = keep_if_right(p, depth);
                lists[2 * word + (n.key & DEFAULT_LEFT == 0) as usize].push(SplitRecord {
                    feature: n.key & !DEFAULT_LEFT,
                    threshold: n.threshold,
                    keep,
                });
            }
            for list in lists {
                records.extend(list);
                index.push(records.len() as u32);
            }
        }
        (records, index)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// The NEON kernel's margins equal the scalar walk's bit for bit (sequential `f32`
        /// adds in tree order), missing values included.
        #[test]
        fn neon_margins_equal_the_walk((depth, features, nodes, leaves, rows) in case()) {
            let s = (1usize << depth) - 1;
            let t = nodes.len() / s;
            let trees: Vec<TreeRecord> = (0..t)
                .map(|i| TreeRecord { node_start: (i * s) as u32, node_count: s as u32, leaf_start: (i * (s + 1)) as u32, group: 0, depth: depth as u16 })
                .collect();
            let (records, index) = split_index(&nodes, s, depth);
            let splits = Some(Splits { records: &records, index: &index });
            let forest = Forest { nodes: &nodes, leaves: &leaves, trees: &trees, depth, splits, ranks: None, bits: None };
            let base = 0.25f32;
            let n = rows.len() / features;
            let mut want = vec![base; n];
            forest.accumulate_rows::<Float>(&rows, features, 1, &mut want);
            let mut got = vec![0f32; n];
            // SAFETY: NEON is part of every aarch64 Linux CPU; the forest has a split index,
            // at most 12 features, and `rows` holds `n` (a multiple of 4) rows.
            unsafe { margins(&forest, &rows, features, base, &mut got) };
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            prop_assert_eq!(bits(&got), bits(&want));
        }
    }
}
