//! x86-64 batch kernel with AVX2: QuickScorer-style leaf bitvectors across 8 rows.
//!
//! The AVX2 sibling of [`super::avx512`], for CPUs without AVX-512 (or with `MLC_NO_AVX512`):
//! for 8 rows at once every split of a tree is one vector comparison, and a row that goes right
//! clears the split's left-subtree leaves from its 64-bit leaf bitvector (two 32-bit words, in
//! two registers per 8 rows). The exit leaf is the lowest bit left; leaves are gathered and
//! added per row in tree order in `f32`, so margins are bit-identical to the scalar kernels.
//! Features are transposed once per tile of [`BLOCKS`] × 8 rows into a stack array. Splits come
//! from the model's `tree-splits` index (float models of depth ≤ 6).

use core::arch::x86_64::*;

use mlc_format::records::SplitRecord;

use super::columns::{Columns, MAX_FEATURES};
use super::complete::Forest;

/// Rows per vector (one block).
pub(crate) const ROWS: usize = 8;
/// Blocks of 8 rows evaluated together per split (one tile).
const BLOCKS: usize = 4;

/// Whether [`margins`] may run for `forest` with `features` inputs on this CPU: the model
/// carries a `tree-splits` index (float, depth ≤ 6) and the CPU has AVX2.
pub(crate) fn usable(forest: &Forest<'_>, features: usize) -> bool {
    forest.splits.is_some() && features <= MAX_FEATURES && super::cpu::avx2_batch()
}

/// Index of the lowest set bit of each lane (from the float exponent of the isolated bit);
/// negative for a zero lane.
#[target_feature(enable = "avx2")]
#[inline]
fn trailing_zeros(v: __m256i) -> __m256i {
    let lowest = _mm256_and_si256(v, _mm256_sub_epi32(_mm256_setzero_si256(), v));
    // 2^k converts exactly (2^31 as −2^31); its biased exponent is 127 + k, and 0 gives 0.
    let bits = _mm256_castps_si256(_mm256_cvtepi32_ps(lowest));
    let exponent = _mm256_and_si256(_mm256_srli_epi32::<23>(bits), _mm256_set1_epi32(0xff));
    _mm256_sub_epi32(exponent, _mm256_set1_epi32(127))
}

/// Applies `splits` to the leaf-bitvector words of `B` blocks of 8 rows (`x[b]` holds block
/// `b`'s features): rows that go right clear the split's `keep` zero bits. `DEFAULT_LEFT_`: a
/// missing value goes left (GE is false on NaN); otherwise right (NLT is true on NaN). Present
/// values go right iff `!(x < t)` either way, for every threshold but NaN (`x ≥ NaN` is false):
/// the loader keeps the index of a model with a NaN threshold from the kernels (`load_splits`).
#[target_feature(enable = "avx2")]
#[inline]
fn apply<const DEFAULT_LEFT_: bool, const B: usize>(words: &mut [__m256i; B], x: &Columns<__m256, B>, splits: &[SplitRecord]) {
    for s in splits {
        let x = x.get(s.feature as usize);
        let thr = _mm256_set1_ps(f32::from_bits(s.threshold));
        let clear = _mm256_set1_epi32(!s.keep as i32);
        for b in 0..B {
            let right = if DEFAULT_LEFT_ { _mm256_cmp_ps::<_CMP_GE_OQ>(x[b], thr) } else { _mm256_cmp_ps::<_CMP_NLT_UQ>(x[b], thr) };
            words[b] = _mm256_andnot_si256(_mm256_and_si256(_mm256_castps_si256(right), clear), words[b]);
        }
    }
}

/// Margins of `rows` (a whole number of 8-row blocks, `features` values per row) into `out`,
/// starting from `base`.
///
/// # Safety
/// The CPU must support AVX2, and [`usable`] must hold for `forest` and `features`;
/// `rows.len() == out.len() × features` with `out.len()` a multiple of 8 (checked by
/// assertions).
#[target_feature(enable = "avx2")]
pub(crate) unsafe fn margins(forest: &Forest<'_>, rows: &[f32], features: usize, base: f32, out: &mut [f32]) {
    assert!(features <= MAX_FEATURES);
    let kernel = super::tiles::Kernel { block: ROWS, blocks: BLOCKS, tile: margins_blocks::<BLOCKS>, one: margins_blocks::<1> };
    // SAFETY: the caller's contract (this CPU's features, `usable`) is `margins_blocks`'s.
    unsafe { super::tiles::margins(forest, rows, features, base, out, kernel) }
}

/// [`margins`] of exactly `B` blocks of 8 rows.
#[target_feature(enable = "avx2")]
unsafe fn margins_blocks<const B: usize>(forest: &Forest<'_>, rows: &[f32], features: usize, base: f32, out: &mut [f32]) {
    let Some(splits) = forest.splits else { return };
    let s = (1usize << forest.depth) - 1;
    // Transpose: feature f of the 8 rows of block b.
    let mut x = Columns::<__m256, B>::new();
    x.set(0..features, |b, f| {
        let lane = |r: usize| rows[(b * ROWS + r) * features + f];
        _mm256_setr_ps(lane(0), lane(1), lane(2), lane(3), lane(4), lane(5), lane(6), lane(7))
    });
    let mut sums = [_mm256_set1_ps(base); B];
    let all = _mm256_set1_epi32(-1);
    let zero = _mm256_setzero_si256();
    let last = _mm256_set1_epi32(s as i32);
    for t in 0..forest.trees.len() {
        // Lists: 0 low word/missing left, 1 low/right, 2 high/left, 3 high/right.
        let (mut lo, mut hi) = ([all; B], [all; B]);
        apply::<true, B>(&mut lo, &x, splits.list(t, 0));
        apply::<false, B>(&mut lo, &x, splits.list(t, 1));
        apply::<true, B>(&mut hi, &x, splits.list(t, 2));
        apply::<false, B>(&mut hi, &x, splits.list(t, 3));
        let leaves = &forest.leaves[t * (s + 1)..(t + 1) * (s + 1)];
        for b in 0..B {
            let lo_empty = _mm256_cmpeq_epi32(lo[b], zero);
            let high = _mm256_add_epi32(trailing_zeros(hi[b]), _mm256_set1_epi32(32));
            let leaf = _mm256_blendv_epi8(trailing_zeros(lo[b]), high, lo_empty);
            // Clamp: both words empty (impossible when the index matches the nodes) gives a
            // negative index here, huge unsigned; any inconsistent index stays in bounds.
            let leaf = _mm256_min_epu32(leaf, last);
            // SAFETY: every index is ≤ s, and `leaves` has s + 1 values.
            let values = unsafe { _mm256_i32gather_ps::<4>(leaves.as_ptr() as *const f32, leaf) };
            sums[b] = _mm256_add_ps(sums[b], values);
        }
    }
    for (o, sum) in out.chunks_exact_mut(ROWS).zip(sums) {
        // SAFETY: each chunk holds 8 values.
        unsafe { _mm256_storeu_ps(o.as_mut_ptr(), sum) };
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    /// The lowest-set-bit index of every single bit, of mixed words and of zero.
    #[test]
    fn trailing_zeros_matches_the_scalar_count() {
        if !std::is_x86_feature_detected!("avx2") {
            return;
        }
        let mut words: std::vec::Vec<u32> = (0..32).map(|k| 1u32 << k).collect();
        words.extend([0x8000_0000 | 0x4000, u32::MAX, 0xF0F0_0000, 0, 0x8000_0001]);
        for chunk in words.chunks(8) {
            let mut w = [0u32; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            // SAFETY: AVX2 checked above; the loads and stores touch 8 u32 each.
            let got: [i32; 8] = unsafe {
                let v = _mm256_loadu_si256(w.as_ptr() as *const __m256i);
                let mut out = [0i32; 8];
                _mm256_storeu_si256(out.as_mut_ptr() as *mut __m256i, trailing_zeros(v));
                out
            };
            for (word, got) in w.iter().zip(got) {
                if *word == 0 {
                    assert!(got < 0, "zero word gives {got}");
                } else {
                    assert_eq!(got, word.trailing_zeros() as i32, "word {word:#x}");
                }
            }
        }
    }
}
