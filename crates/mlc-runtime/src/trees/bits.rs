//! x86-64 single-row kernel with AVX-512 VBMI and BITALG: every decision of a tree in one byte
//! permutation and one bit selection.
//!
//! The compiler's bit index points every node at the bit of its threshold in a 512-bit vector `B`
//! of all threshold comparisons of the row (§8.10 and §8.11 of `docs/format.md`). `B`'s lanes are
//! either the rank chunks' (`tree-rank-chunks`, §8.9; bit index `tree-bit-nodes`, format 1.4: each
//! chunk compared with its feature's value, 16 thresholds per instruction) or dense lanes
//! (`tree-bit-lanes`, format 1.5; bit index `tree-lane-nodes`: each lane names its feature, so a
//! record's 16 values come from the row by one permutation, or by a broadcast for the leading
//! records whose lanes all name one feature, and no lanes are spent on padding a feature's chunk).
//! Either way bit `16c + l` is lane `l` of record `c`: `t ≤ x`. Per tree, `vpermi2b` fetches for
//! each of the 64 decision bits the byte of `B` (or of `B'`, where missing features' bits are set)
//! that holds its node's bit, `vpshufbitqmb` picks that bit, and the 64-bit decision word gives the
//! exit leaf with two lookups in 128-entry tables (the top depth-3 subtree, then the bottom one it
//! leads to; `bextr` extracts the bottom subtree's seven bits), with no dependent load per level.
//! Leaves are added in tree order in `f32`, so margins are bit-identical to the walk.
//!
//! Missing values: a NaN is `≤` no threshold, so its bits in `B` are 0 and it goes left; nodes
//! whose missing values go right read `B'`.

use core::arch::x86_64::*;

use mlc_format::manifest::Link;
use mlc_format::records::{BitLanes, BitTree, RankChunk};

use super::complete::{Bits, Forest, Lanes, Ranks};

/// Leaf (0..8) of a depth-3 subtree whose 7 node decisions (1 = right) are the low bits of the
/// index, in level order.
const SUBTREE_LEAF: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let mut i = 0;
        let mut l = 0;
        while l < 3 {
            i = 2 * i + 1 + ((b >> i) & 1);
            l += 1;
        }
        t[b] = (i - 7) as u8;
        b += 1;
    }
    t
};

/// Per low byte of the decision word (the top subtree's decisions in bits 0–6; bit 7 is
/// ignored, so any byte indexes the table): the `bextr` control that extracts the bottom
/// subtree's seven bits (start `8 + 7j` in bits 0–7, length 7 in bits 8–15; `bextr` ignores
/// the rest) and the first leaf below it, `8j`, in bits 16–23.
const TOP: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut b = 0;
    while b < 256 {
        let j = SUBTREE_LEAF[b & 127] as u32;
        t[b] = (8 + 7 * j) | (7 << 8) | ((8 * j) << 16);
        b += 1;
    }
    t
};

/// Whether the CPU runs [`predict`].
pub(crate) fn usable() -> bool {
    super::cpu::avx512_bits()
}

/// The float margin of `row` through the [elementwise](crate::link::elementwise) `link`
/// (`Link::Identity`: the margin itself). The margin is `base` plus every tree's leaf, in tree
/// order. Tree `t`'s leaves are `leaves[t << depth ..][..1 << depth]`; `bits` selects each
/// tree's decisions among the lanes of `bits.lanes` where it has them, else of `ranks`' chunks.
/// The link is applied here ([`crate::link::one_fma`], no CPU check per row), with the same
/// bits as [`crate::link::one`].
///
/// # Safety
/// The CPU must have what [`usable`] checks. `bits.trees.len() << depth == leaves.len()`,
/// `depth <= 6`, `row.len() <= 64`, at most 32 chunks or lane records and every feature they
/// name below `row.len()` (all checked by assertions here; the loader checked them against the
/// feature count).
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512bitalg,bmi1,bmi2,fma")]
pub(crate) unsafe fn predict(ranks: &Ranks<'_>, bits: &Bits<'_>, forest: &Forest<'_>, row: &[f32], base: f32, link: Link) -> f32 {
    let (leaves, depth) = (forest.leaves, forest.depth);
    assert!(depth <= 6 && bits.trees.len() << depth == leaves.len() && row.len() <= 64);
    let (left, right) = match &bits.lanes {
        Some(lanes) => lane_vectors(lanes, row),
        None => chunk_vectors(ranks, row),
    };
    let margin = if depth == 6 {
        add_leaves::<true>(bits.trees, leaves, depth, left, right, base)
    } else {
        add_leaves::<false>(bits.trees, leaves, depth, left, right, base)
    };
    // SAFETY: this function enables FMA (the caller checked the CPU).
    unsafe { crate::link::one_fma(link, margin) }
}

/// `base` plus each tree's exit leaf, in tree order, the decisions read from `B` (`left`) and
/// `B'` (`right`). `FULL`: the trees have depth 6, so a leaf's slot needs no shift (a
/// variable shift per tree costs measurably in this loop).
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512bitalg,bmi1,bmi2")]
#[inline]
fn add_leaves<const FULL: bool>(trees: &[BitTree], leaves: &[u32], depth: u32, left: __m512i, right: __m512i, base: f32) -> f32 {
    debug_assert!(depth <= 6 && trees.len() << depth == leaves.len() && (depth == 6) == FULL);
    let shift = if FULL { 0 } else { 6 - depth };
    // A tree's 64 decisions (permutation, bit selection, mask to register).
    let decide = |tree: &BitTree| {
        // SAFETY: a tree holds 2 × 64 bytes, read unaligned.
        let (index, select) =
            unsafe { (_mm512_loadu_si512(tree.index.as_ptr() as *const _), _mm512_loadu_si512(tree.select.as_ptr() as *const _)) };
        // Index bit 6 (missing goes left) reads `left`.
        _mm512_bitshuffle_epi64_mask(_mm512_permutex2var_epi8(right, index, left), select)
    };
    // The exit leaf of tree `t` with decisions `d`.
    let leaf = |t: usize, d: u64| {
        let top = TOP[d as u8 as usize];
        let low7 = _bextr2_u64(d, top as u64) as usize;
        // SAFETY: `bextr` extracts 7 bits (`TOP`'s length field), so `low7 < 128`.
        let bottom = unsafe { *SUBTREE_LEAF.get_unchecked(low7) } as u32;
        let slot = (((top >> 16) + bottom) >> shift) as usize;
        debug_assert!(slot < 1 << depth && t < trees.len());
        // SAFETY: `8j + bottom < 64`, so a slot is below `1 << depth`, a tree's leaf count,
        // and tree `t`'s leaves are `leaves[t << depth..][..1 << depth]`.
        f32::from_bits(unsafe { *leaves.get_unchecked((t << depth) + slot) })
    };
    let mut sum = base;
    let n = trees.len();
    if n < 4 {
        for (t, tree) in trees.iter().enumerate() {
            sum += leaf(t, decide(tree));
        }
        return sum;
    }
    // Decisions four trees ahead of the leaves: each tree's table lookups wait on its
    // decisions, so the permutations and bit selections of the next trees go first (measured:
    // about 1 ns a row faster than deciding each tree just before its lookups).
    let (mut d0, mut d1, mut d2, mut d3) = (decide(&trees[0]), decide(&trees[1]), decide(&trees[2]), decide(&trees[3]));
    for t in 0..n - 4 {
        let next = decide(&trees[t + 4]);
        sum += leaf(t, d0);
        (d0, d1, d2, d3) = (d1, d2, d3, next);
    }
    sum += leaf(n - 4, d0);
    sum += leaf(n - 3, d1);
    sum += leaf(n - 2, d2);
    sum + leaf(n - 1, d3)
}

/// The 512-bit vector of the 16-bit comparison masks `mask(c, item)` of at most 32 `items`,
/// item `c`'s in bits `16c .. 16c + 16`, 0 past the last item: four items' masks per 64-bit
/// lane.
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn pack<T>(items: &[T], mut mask: impl FnMut(usize, &T) -> u32) -> __m512i {
    debug_assert!(items.len() <= 32);
    let mut v = _mm512_setzero_si512();
    let mut quads = items.chunks_exact(4);
    for (q, quad) in (&mut quads).enumerate() {
        let low = _mm512_kunpackw(mask(4 * q + 1, &quad[1]), mask(4 * q, &quad[0]));
        let high = _mm512_kunpackw(mask(4 * q + 3, &quad[3]), mask(4 * q + 2, &quad[2]));
        v = _mm512_mask_set1_epi64(v, 1 << q, _mm512_kunpackd(high as u64, low as u64) as i64);
    }
    if !quads.remainder().is_empty() {
        let mut word = 0u64;
        for (i, item) in quads.remainder().iter().enumerate() {
            word |= (mask(items.len() / 4 * 4 + i, item) as u64) << (16 * i);
        }
        v = _mm512_mask_set1_epi64(v, 1 << (items.len() / 4), word as i64);
    }
    v
}

/// `B` and `B'` over the rank chunks' lanes (format 1.4): each chunk compared with its
/// feature's value broadcast; `B'` sets the chunks of missing features.
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn chunk_vectors(ranks: &Ranks<'_>, row: &[f32]) -> (__m512i, __m512i) {
    assert!(row.len() <= 64 && ranks.chunks.len() <= 32);
    assert!(ranks.feature_bound <= row.len(), "a rank chunk names a feature beyond the row");
    let left = pack(ranks.chunks, |_, c: &RankChunk| {
        // SAFETY: every chunk's feature is below `feature_bound ≤ row.len()` (asserted above).
        let x = _mm512_set1_ps(unsafe { *row.get_unchecked(c.feature as usize) });
        // SAFETY: a chunk holds 16 `u32`s, read unaligned.
        let t = unsafe { _mm512_loadu_ps(c.thresholds.as_ptr() as *const f32) };
        _mm512_cmp_ps_mask::<_CMP_LE_OQ>(t, x) as u32
    });
    let mut missing = 0u64;
    for (i, part) in row.chunks(16).enumerate() {
        let lanes = (1u32 << part.len()) - 1;
        // SAFETY: only the `part.len()` lanes of `part` are read (masked load).
        let x = unsafe { _mm512_maskz_loadu_ps(lanes as u16, part.as_ptr()) };
        missing |= (_mm512_cmp_ps_mask::<_CMP_UNORD_Q>(x, x) as u64) << (16 * i);
    }
    let right = if missing == 0 { left } else { _mm512_or_si512(left, missing_chunks(ranks, missing)) };
    (left, right)
}

/// `B` and `B'` over dense lanes (format 1.5): the row in four registers (zeros past its end), each
/// record's 16 values gathered from them by a permutation on its features (the leading
/// [`Lanes::uniform`] records, whose lanes all name one feature: its value broadcast, which spares
/// the permutation pipe) and compared with its thresholds: `t ≤ x` for `B`, `t ≤ x` or unordered
/// (`!(t > x)`) for `B'`, which is only computed where the row has a missing value. `B'` is also
/// set in NaN-threshold lanes; the compiler points only padding nodes at those, and they read `B`.
#[target_feature(enable = "avx512f,avx512bw")]
#[inline]
fn lane_vectors(lanes: &Lanes<'_>, row: &[f32]) -> (__m512i, __m512i) {
    assert!(row.len() <= 64 && lanes.records.len() <= 32);
    assert!(lanes.feature_bound <= row.len(), "a bit lane names a feature beyond the row");
    // Features 32–63 only where a lane names one.
    let wide = lanes.feature_bound > 32;
    let part = |i: usize| match row.get(16 * i..) {
        // SAFETY: only the first `min(16, rest.len())` values of `rest` are read (masked load).
        Some(rest) if i < 2 || wide => unsafe { _mm512_maskz_loadu_ps(((1u32 << rest.len().min(16)) - 1) as u16, rest.as_ptr()) },
        _ => _mm512_setzero_ps(),
    };
    let (r0, r1, r2, r3) = (part(0), part(1), part(2), part(3));
    let uniform = lanes.uniform;
    let values = |i: usize, l: &BitLanes| {
        if i < uniform {
            // SAFETY: every feature is below `feature_bound ≤ row.len()` (asserted above).
            return _mm512_set1_ps(unsafe { *row.get_unchecked(l.features[0] as usize) });
        }
        // SAFETY: a record's features are 16 bytes, read unaligned.
        let f = _mm512_cvtepu8_epi32(unsafe { _mm_loadu_si128(l.features.as_ptr() as *const _) });
        // Bits 0–4 of a feature pick among 32 values; bit 5 picks the pair of registers.
        let x = _mm512_permutex2var_ps(r0, f, r1);
        if wide {
            _mm512_mask_blend_ps(_mm512_test_epi32_mask(f, _mm512_set1_epi32(32)), x, _mm512_permutex2var_ps(r2, f, r3))
        } else {
            x
        }
    };
    // SAFETY: a record's thresholds are 16 `u32`s, read unaligned.
    let thresholds = |l: &BitLanes| unsafe { _mm512_loadu_ps(l.thresholds.as_ptr() as *const f32) };
    let left = pack(lanes.records, |i, l| _mm512_cmp_ps_mask::<_CMP_LE_OQ>(thresholds(l), values(i, l)) as u32);
    // A lane is NaN in r0 or r1 (r2 or r3).
    let missing = _mm512_cmp_ps_mask::<_CMP_UNORD_Q>(r0, r1) | _mm512_cmp_ps_mask::<_CMP_UNORD_Q>(r2, r3);
    let right =
        if missing == 0 { left } else { pack(lanes.records, |i, l| _mm512_cmp_ps_mask::<_CMP_NGT_UQ>(thresholds(l), values(i, l)) as u32) };
    (left, right)
}

/// The bits of every chunk whose feature is missing (bit `f` of `missing`), as a vector.
#[target_feature(enable = "avx512f")]
fn missing_chunks(ranks: &Ranks<'_>, missing: u64) -> __m512i {
    let mut words = [0u16; 32];
    for (w, c) in words.iter_mut().zip(ranks.chunks) {
        if missing >> (c.feature & 63) & 1 != 0 {
            *w = u16::MAX;
        }
    }
    // SAFETY: `words` holds 64 bytes.
    unsafe { _mm512_loadu_si512(words.as_ptr() as *const _) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtree_leaf_walks_three_levels() {
        // All left: leaf 0; root right, then left, left: leaf 4; all right: leaf 7.
        assert_eq!(SUBTREE_LEAF[0], 0);
        assert_eq!(SUBTREE_LEAF[0b000_0001], 4);
        assert_eq!(SUBTREE_LEAF[0b100_0101], 7);
        // Root left, node 1 right, node 4 right: leaf 3.
        assert_eq!(SUBTREE_LEAF[0b001_0010], 3);
    }

    #[test]
    fn top_entries_extract_the_bottom_subtree() {
        // Top leaf 5 (root right, node 2 left, node 5 right): bits 8 + 35 .. 8 + 42, leaves 40…
        let b = 0b010_0001;
        assert_eq!(SUBTREE_LEAF[b], 5);
        assert_eq!(TOP[b], TOP[b | 128], "bit 7 is ignored");
        assert_eq!(TOP[b] & 0xff, 43);
        assert_eq!((TOP[b] >> 8) & 0xff, 7);
        assert_eq!(TOP[b] >> 16, 40);
    }
}
