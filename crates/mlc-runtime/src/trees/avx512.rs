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

use super::columns::{Columns, MAX_FEATURES};
use super::complete::Forest;

/// Rows per vector (one block).
pub(crate) const ROWS: usize = 16;
/// Fewest rows left after the whole blocks of a batch that are worth a block padded with zeros
/// ([`margins_padded`]) rather than the single-row kernel row by row. Measured on the churn
/// states of depth 5 (`predict_batch` of 17 to 31 rows): one padded block took about as long as
/// 6 rows through the bit kernel.
pub(crate) const PADDED_MIN: usize = 7;

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
/// values go right iff `!(x < t)` either way, for every threshold but NaN (`x ≥ NaN` is false):
/// the loader keeps the index of a model with a NaN threshold from the kernels (`load_splits`).
#[target_feature(enable = "avx512f,avx512cd")]
#[inline]
fn apply<const DEFAULT_LEFT_: bool, const B: usize>(words: &mut [__m512i; B], x: &Columns<__m512, B>, splits: &[SplitRecord]) {
    for s in splits {
        let x = x.get(s.feature as usize);
        let thr = _mm512_set1_ps(f32::from_bits(s.threshold));
        let keep = _mm512_set1_epi32(s.keep as i32);
        for b in 0..B {
            let right =
                if DEFAULT_LEFT_ { _mm512_cmp_ps_mask::<_CMP_GE_OQ>(x[b], thr) } else { _mm512_cmp_ps_mask::<_CMP_NLT_UQ>(x[b], thr) };
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

/// Transposes 16 rows of 16 floats (`r[i]` = row `i`) to columns (`r[c]` = column `c`).
#[target_feature(enable = "avx512f")]
#[inline]
pub(crate) fn transpose16(r: &mut [__m512; 16]) {
    let mut v = [_mm512_setzero_ps(); 16];
    for a in 0..4 {
        // v[4c + a], lane L: column 4L + c of rows 4a..4a+4.
        let t = transpose_within_lanes([r[4 * a], r[4 * a + 1], r[4 * a + 2], r[4 * a + 3]]);
        (v[a], v[4 + a], v[8 + a], v[12 + a]) = (t[0], t[1], t[2], t[3]);
    }
    for c in 0..4 {
        let t = transpose_lanes([v[4 * c], v[4 * c + 1], v[4 * c + 2], v[4 * c + 3]]);
        (r[c], r[4 + c], r[8 + c], r[12 + c]) = (t[0], t[1], t[2], t[3]);
    }
}

/// The 4 × 4 transpose of each 128-bit lane of four vectors: lane `L` of `out[j]` holds
/// element `j` of lane `L` of `x[0]`, `x[1]`, `x[2]`, `x[3]`.
#[target_feature(enable = "avx512f")]
#[inline]
pub(crate) fn transpose_within_lanes(x: [__m512; 4]) -> [__m512; 4] {
    let t0 = _mm512_castps_pd(_mm512_unpacklo_ps(x[0], x[1]));
    let t1 = _mm512_castps_pd(_mm512_unpackhi_ps(x[0], x[1]));
    let t2 = _mm512_castps_pd(_mm512_unpacklo_ps(x[2], x[3]));
    let t3 = _mm512_castps_pd(_mm512_unpackhi_ps(x[2], x[3]));
    [
        _mm512_castpd_ps(_mm512_unpacklo_pd(t0, t2)),
        _mm512_castpd_ps(_mm512_unpackhi_pd(t0, t2)),
        _mm512_castpd_ps(_mm512_unpacklo_pd(t1, t3)),
        _mm512_castpd_ps(_mm512_unpackhi_pd(t1, t3)),
    ]
}

/// The 4 × 4 transpose of four vectors' 128-bit lanes: lane `j` of `out[L]` is lane `L` of
/// `x[j]`.
#[target_feature(enable = "avx512f")]
#[inline]
pub(crate) fn transpose_lanes(x: [__m512; 4]) -> [__m512; 4] {
    let lo01 = _mm512_shuffle_f32x4::<0b01_00_01_00>(x[0], x[1]);
    let hi01 = _mm512_shuffle_f32x4::<0b11_10_11_10>(x[0], x[1]);
    let lo23 = _mm512_shuffle_f32x4::<0b01_00_01_00>(x[2], x[3]);
    let hi23 = _mm512_shuffle_f32x4::<0b11_10_11_10>(x[2], x[3]);
    [
        _mm512_shuffle_f32x4::<0b10_00_10_00>(lo01, lo23),
        _mm512_shuffle_f32x4::<0b11_01_11_01>(lo01, lo23),
        _mm512_shuffle_f32x4::<0b10_00_10_00>(hi01, hi23),
        _mm512_shuffle_f32x4::<0b11_01_11_01>(hi01, hi23),
    ]
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

/// [`margins`] of fewer rows than a block (`rows.len() == out.len() × features`, `out.len() <
/// 16`): the rows padded with zeros to one block, whose margins past them are dropped.
///
/// # Safety
/// As [`margins`].
#[target_feature(enable = "avx512f,avx512cd")]
#[inline(never)]
pub(crate) unsafe fn margins_padded(forest: &Forest<'_>, rows: &[f32], features: usize, base: f32, out: &mut [f32]) {
    assert!(features <= MAX_FEATURES && out.len() < ROWS && rows.len() == out.len() * features);
    let mut block = [0f32; ROWS * MAX_FEATURES];
    let block = &mut block[..ROWS * features];
    block[..rows.len()].copy_from_slice(rows);
    let mut margins = [0f32; ROWS];
    // SAFETY: the caller's contract, for one whole block.
    unsafe { margins_blocks::<1>(forest, block, features, base, &mut margins) };
    out.copy_from_slice(&margins[..out.len()]);
}

/// [`margins`] of exactly `B` blocks of 16 rows.
#[target_feature(enable = "avx512f,avx512cd")]
unsafe fn margins_blocks<const B: usize>(forest: &Forest<'_>, rows: &[f32], features: usize, base: f32, out: &mut [f32]) {
    let Some(splits) = forest.splits else { return };
    let s = (1usize << forest.depth) - 1;
    // Columns: 16 rows × 16 features at a time, transposed by shuffles (a gather per feature
    // took a third of the kernel's time on Zen 4).
    let mut x = Columns::<__m512, B>::new();
    for fb in 0..features.div_ceil(16) {
        let width = (features - 16 * fb).min(16);
        let mask = ((1u32 << width) - 1) as u16;
        let t: [[__m512; 16]; B] = core::array::from_fn(|b| {
            let mut r: [__m512; 16] = core::array::from_fn(|i| {
                // SAFETY: `width` values of row `16b + i`, within `rows` (the caller's contract).
                unsafe { _mm512_maskz_loadu_ps(mask, rows.as_ptr().add((16 * b + i) * features + 16 * fb)) }
            });
            transpose16(&mut r);
            r
        });
        x.set(16 * fb..16 * fb + width, |b, f| t[b][f - 16 * fb]);
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

    #[test]
    fn transpose16_transposes() {
        if !std::is_x86_feature_detected!("avx512f") {
            return;
        }
        let m: [[f32; 16]; 16] = core::array::from_fn(|i| core::array::from_fn(|j| (16 * i + j) as f32));
        // SAFETY: AVX-512F checked above; loads and stores of 16 values.
        let got: [[f32; 16]; 16] = unsafe {
            let mut r: [__m512; 16] = core::array::from_fn(|i| _mm512_loadu_ps(m[i].as_ptr()));
            transpose16(&mut r);
            core::mem::transmute(r)
        };
        for i in 0..16 {
            for j in 0..16 {
                assert_eq!(got[j][i], m[i][j]);
            }
        }
    }
}
