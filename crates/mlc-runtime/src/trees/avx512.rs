//! x86-64 batch kernel with AVX-512: QuickScorer-style leaf bitvectors across 16 rows.
//!
//! For 16 rows at once, every node of a tree is one vector comparison; a row that goes right
//! clears the node's left-subtree leaves from its leaf bitvector (16 × 64 bits in two
//! registers), and the exit leaf is the lowest bit left (the leftmost leaf not ruled out).
//! Leaves are looked up from the tree's leaf values held in four registers (two permutes and a
//! blend per 16 rows, faster than a gather on Zen 4) and added per row in tree order, so margins
//! are bit-identical to the scalar kernels. The splits come from the model's `tree-splits` index, which the compiler
//! writes for float models of depth ≤ 6 (padding nodes left out, leaf masks precomputed).
//! Used for models with one output group and ≤ 64 features, when the CPU has AVX-512F and
//! AVX-512CD (see `super::cpu`).

use core::arch::x86_64::*;

use mlc_format::records::SplitRecord;

use super::complete::Forest;

/// Rows per vector (one block).
pub(crate) const ROWS: usize = 16;
/// Most features handled (the transposed block lives on the stack).
const MAX_FEATURES: usize = 64;

/// Whether [`margins`] may run for `forest` with `features` inputs on this CPU: the model
/// carries a `tree-splits` index (float, depth ≤ 6).
pub(crate) fn usable(forest: &Forest<'_>, features: usize) -> bool {
    forest.splits.is_some() && features <= MAX_FEATURES && super::cpu::avx512_batch()
}

/// Index of the lowest set bit of each lane; 32 for a zero lane.
#[target_feature(enable = "avx512f,avx512cd")]
#[inline]
fn trailing_zeros(v: __m512i) -> __m512i {
    let lowest = _mm512_and_si512(v, _mm512_sub_epi32(_mm512_setzero_si512(), v));
    _mm512_sub_epi32(_mm512_set1_epi32(31), _mm512_lzcnt_epi32(lowest)) // lzcnt(0) = 32 → −1
}

/// Applies `splits` to the leaf-bitvector words of `B` blocks of 16 rows (`x[b]` holds block
/// `b`'s features): rows that go right clear the split's `keep` zero bits. `DEFAULT_LEFT`: a
/// missing value goes left (GE is false on NaN); otherwise right (NLT is true on NaN). Present
/// values go right iff `!(x < t)` either way.
#[target_feature(enable = "avx512f,avx512cd")]
#[inline]
fn apply<const DEFAULT_LEFT_: bool, const B: usize>(words: &mut [__m512i; B], x: &[[__m512; MAX_FEATURES]; B], splits: &[SplitRecord]) {
    for s in splits {
        let f = s.feature as usize % MAX_FEATURES; // < num_features ≤ 64 already; a second guard
        let thr = _mm512_set1_ps(f32::from_bits(s.threshold));
        let keep = _mm512_set1_epi32(s.keep as i32);
        for b in 0..B {
            let right = if DEFAULT_LEFT_ {
                _mm512_cmp_ps_mask::<_CMP_GE_OQ>(x[b][f], thr)
            } else {
                _mm512_cmp_ps_mask::<_CMP_NLT_UQ>(x[b][f], thr)
            };
            words[b] = _mm512_mask_and_epi32(words[b], right, words[b], keep);
        }
    }
}

/// A tree's leaf values (at most 64) in four registers, zero beyond the last.
#[target_feature(enable = "avx512f")]
#[inline]
pub(crate) fn leaf_table(leaves: &[u32]) -> [__m512; 4] {
    let n = leaves.len().min(64);
    core::array::from_fn(|k| {
        let valid = n.saturating_sub(16 * k).min(16);
        let mask = ((1u32 << valid) - 1) as __mmask16;
        // SAFETY: lanes at and beyond `n` are masked off (masked-off lanes are never read and
        // cannot fault); the pointer is only offset with wrapping arithmetic.
        unsafe { _mm512_maskz_loadu_ps(mask, leaves.as_ptr().wrapping_add(16 * k) as *const f32) }
    })
}

/// The leaf values at indices `leaf` (each < 64) from a [`leaf_table`]: two two-register
/// permutes (bits 0–4) and a blend on bit 5, instead of a gather.
#[target_feature(enable = "avx512f")]
#[inline]
pub(crate) fn lookup(table: &[__m512; 4], leaf: __m512i) -> __m512 {
    let low = _mm512_permutex2var_ps(table[0], leaf, table[1]);
    let high = _mm512_permutex2var_ps(table[2], leaf, table[3]);
    _mm512_mask_blend_ps(_mm512_test_epi32_mask(leaf, _mm512_set1_epi32(32)), low, high)
}

/// Blocks of 16 rows evaluated together per split.
const BLOCKS: usize = 4;

/// Margins of `rows` (a whole number of 16-row blocks, `features` values per row) into `out`,
/// starting from `base`.
///
/// # Safety
/// The CPU must support AVX-512F and AVX-512CD, and [`usable`] must hold for `forest` and
/// `features`; `rows.len() == out.len() × features` with `out.len()` a multiple of 16
/// (checked by assertions).
#[target_feature(enable = "avx512f,avx512cd")]
pub(crate) unsafe fn margins(forest: &Forest<'_>, rows: &[f32], features: usize, base: f32, out: &mut [f32]) {
    assert!(features <= MAX_FEATURES);
    let kernel = super::tiles::Kernel { block: ROWS, blocks: BLOCKS, tile: margins_blocks::<BLOCKS>, one: margins_blocks::<1> };
    // SAFETY: the caller's contract (this CPU's features, `usable`) is `margins_blocks`'s.
    unsafe { super::tiles::margins(forest, rows, features, base, out, kernel) }
}

/// [`margins`] of exactly `B` blocks of 16 rows.
#[target_feature(enable = "avx512f,avx512cd")]
unsafe fn margins_blocks<const B: usize>(forest: &Forest<'_>, rows: &[f32], features: usize, base: f32, out: &mut [f32]) {
    let Some(splits) = forest.splits else { return };
    let s = (1usize << forest.depth) - 1;
    let lanes = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    let row_starts = _mm512_mullo_epi32(lanes, _mm512_set1_epi32(features as i32));
    // Transpose: x[b][f] holds feature f of the 16 rows of block b.
    let mut x = [[_mm512_setzero_ps(); MAX_FEATURES]; B];
    for (b, xb) in x.iter_mut().enumerate() {
        for (f, xf) in xb.iter_mut().enumerate().take(features) {
            let at = _mm512_add_epi32(row_starts, _mm512_set1_epi32((b * ROWS * features + f) as i32));
            // SAFETY: (b·16 + lane)·features + f < B·16·features = rows.len() (the caller's
            // contract).
            *xf = unsafe { _mm512_i32gather_ps::<4>(at, rows.as_ptr()) };
        }
    }
    let mut sums = [_mm512_set1_ps(base); B];
    let all = _mm512_set1_epi32(-1);
    for t in 0..forest.trees.len() {
        // Lists: 0 low word/missing left, 1 low/right, 2 high/left, 3 high/right.
        let (mut lo, mut hi) = ([all; B], [all; B]);
        apply::<true, B>(&mut lo, &x, splits.list(t, 0));
        apply::<false, B>(&mut lo, &x, splits.list(t, 1));
        apply::<true, B>(&mut hi, &x, splits.list(t, 2));
        apply::<false, B>(&mut hi, &x, splits.list(t, 3));
        let leaves = &forest.leaves[t * (s + 1)..(t + 1) * (s + 1)];
        let table = leaf_table(leaves);
        for b in 0..B {
            let lo_empty = _mm512_cmpeq_epi32_mask(lo[b], _mm512_setzero_si512());
            let leaf = _mm512_mask_add_epi32(trailing_zeros(lo[b]), lo_empty, trailing_zeros(hi[b]), _mm512_set1_epi32(32));
            // Clamp: both words empty (impossible when the index matches the nodes) would give
            // 31 here; any inconsistent index stays in bounds.
            let leaf = _mm512_min_epu32(leaf, _mm512_set1_epi32(s as i32));
            sums[b] = _mm512_add_ps(sums[b], lookup(&table, leaf));
        }
    }
    for (o, sum) in out.chunks_exact_mut(ROWS).zip(sums) {
        // SAFETY: each chunk holds 16 values.
        unsafe { _mm512_storeu_ps(o.as_mut_ptr(), sum) };
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    /// Every index of a full and of a short leaf table; zeros beyond the last leaf.
    #[test]
    fn lookup_reads_the_leaf_table() {
        if !(std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512cd")) {
            return;
        }
        let all: std::vec::Vec<u32> = (0..64).map(|i| (i as f32 + 0.5).to_bits()).collect();
        for n in [64, 8, 1] {
            let leaves = &all[..n];
            for first in (0..64).step_by(16) {
                let idx: [i32; 16] = core::array::from_fn(|k| (first + k) as i32);
                // SAFETY: AVX-512F/CD checked above; the loads and stores touch 16 values each.
                let got: [f32; 16] = unsafe {
                    let table = leaf_table(leaves);
                    let mut out = [0f32; 16];
                    _mm512_storeu_ps(out.as_mut_ptr(), lookup(&table, _mm512_loadu_si512(idx.as_ptr() as *const _)));
                    out
                };
                for (i, g) in idx.iter().zip(got) {
                    let want = if (*i as usize) < n { *i as f32 + 0.5 } else { 0.0 };
                    assert_eq!(g, want, "{n} leaves, index {i}");
                }
            }
        }
    }
}
