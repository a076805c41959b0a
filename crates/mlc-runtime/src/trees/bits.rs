//! x86-64 single-row kernel with AVX-512 VBMI and BITALG: every decision of a tree in one byte
//! permutation and one bit selection.
//!
//! The compiler's bit index (`tree-bit-nodes`, format 1.4) points every node at the bit of its
//! threshold among the lanes of the rank chunks (`tree-rank-chunks`, §8.9 of
//! `docs/format.md`). Per row, the kernel compares every chunk with its feature's value (16
//! thresholds per instruction) and packs the 16-bit results into one 512-bit vector `B` (bit
//! `16c + l`: lane `l` of chunk `c` is `≤ x`). Per tree, `vpermi2b` fetches for each of the 64
//! decision bits the byte of `B` (or of `B'`, where missing features' bits are set) that holds
//! its node's bit, `vpshufbitqmb` picks that bit, and the 64-bit decision word gives the exit
//! leaf with two lookups in 128-entry tables (the top depth-3 subtree, then the bottom one it
//! leads to; `bextr` extracts the bottom subtree's seven bits), with no dependent load per
//! level. Leaves are added in tree order in `f32`, so margins are bit-identical to the walk.
//!
//! Missing values: a NaN is `≤` no threshold, so its bits in `B` are 0 and it goes left; nodes
//! whose missing values go right read `B'`.

use core::arch::x86_64::*;

use mlc_format::records::{BitTree, RankChunk};

use super::complete::Ranks;

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

/// Per top-subtree decisions (bits 0–6 of the decision word): the `bextr` control that
/// extracts the bottom subtree's seven bits (start `8 + 7j` in bits 0–7, length 7 in bits
/// 8–15; `bextr` ignores the rest) and the first leaf below it, `8j`, in bits 16–23.
const TOP: [u32; 128] = {
    let mut t = [0u32; 128];
    let mut b = 0;
    while b < 128 {
        let j = SUBTREE_LEAF[b] as u32;
        t[b] = (8 + 7 * j) | (7 << 8) | ((8 * j) << 16);
        b += 1;
    }
    t
};

/// Whether the CPU runs [`margin`].
pub(crate) fn usable() -> bool {
    super::cpu::avx512_bits()
}

/// The float margin of `row`: `base` plus every tree's leaf, in tree order. Tree `t`'s leaves
/// are `leaves[t << depth ..][..1 << depth]`.
///
/// # Safety
/// The CPU must have what [`usable`] checks. `bits.len() << depth == leaves.len()`, `depth <=
/// 6`, `row.len() <= 64`, at most 32 chunks and every chunk's feature below `row.len()` (all
/// checked by assertions here; the loader checked them against the feature count).
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512bitalg,bmi1,bmi2")]
pub(crate) unsafe fn margin(ranks: &Ranks<'_>, bits: &[BitTree], leaves: &[u32], depth: u32, row: &[f32], base: f32) -> f32 {
    assert!(depth <= 6 && bits.len() << depth == leaves.len() && row.len() <= 64 && ranks.chunks.len() <= 32);
    assert!(ranks.feature_bound <= row.len(), "a rank chunk names a feature beyond the row");
    // B: four chunks' comparisons per 64-bit lane.
    let compare = |c: &RankChunk| {
        // SAFETY: every chunk's feature is below `feature_bound ≤ row.len()` (asserted above).
        let x = _mm512_set1_ps(unsafe { *row.get_unchecked(c.feature as usize) });
        // SAFETY: a chunk holds 16 `u32`s, read unaligned.
        let t = unsafe { _mm512_loadu_ps(c.thresholds.as_ptr() as *const f32) };
        _mm512_cmp_ps_mask::<_CMP_LE_OQ>(t, x) as u32
    };
    let mut left = _mm512_setzero_si512();
    let mut quads = ranks.chunks.chunks_exact(4);
    for (q, quad) in (&mut quads).enumerate() {
        let low = _mm512_kunpackw(compare(&quad[1]), compare(&quad[0]));
        let high = _mm512_kunpackw(compare(&quad[3]), compare(&quad[2]));
        left = _mm512_mask_set1_epi64(left, 1 << q, _mm512_kunpackd(high as u64, low as u64) as i64);
    }
    if !quads.remainder().is_empty() {
        let mut word = 0u64;
        for (i, c) in quads.remainder().iter().enumerate() {
            word |= (compare(c) as u64) << (16 * i);
        }
        left = _mm512_mask_set1_epi64(left, 1 << (ranks.chunks.len() / 4), word as i64);
    }
    // B': the chunks of missing features set.
    let mut missing = 0u64;
    for (i, part) in row.chunks(16).enumerate() {
        let lanes = (1u32 << part.len()) - 1;
        // SAFETY: only the `part.len()` lanes of `part` are read (masked load).
        let x = unsafe { _mm512_maskz_loadu_ps(lanes as u16, part.as_ptr()) };
        missing |= (_mm512_cmp_ps_mask::<_CMP_UNORD_Q>(x, x) as u64) << (16 * i);
    }
    let right = if missing == 0 { left } else { _mm512_or_si512(left, missing_chunks(ranks, missing)) };
    let shift = 6 - depth;
    // The exit leaf's slot among a tree's `1 << depth` leaves.
    let slot = |tree: &BitTree| {
        // SAFETY: a tree holds 2 × 64 bytes, read unaligned.
        let (index, select) =
            unsafe { (_mm512_loadu_si512(tree.index.as_ptr() as *const _), _mm512_loadu_si512(tree.select.as_ptr() as *const _)) };
        // Index bit 6 (missing goes left) reads `left`.
        let bytes = _mm512_permutex2var_epi8(right, index, left);
        let d = _mm512_bitshuffle_epi64_mask(bytes, select);
        let top = TOP[(d & 127) as usize];
        let low7 = _bextr2_u64(d, top as u64) as usize;
        // SAFETY: `bextr` extracts 7 bits (`TOP`'s length field), so `low7 < 128`.
        let bottom = unsafe { *SUBTREE_LEAF.get_unchecked(low7) } as u32;
        (((top >> 16) + bottom) >> shift) as usize
    };
    let mut sum = base;
    // Two trees a step: half the loop's own instructions.
    let mut pairs = bits.chunks_exact(2).zip(leaves.chunks_exact(2 << depth));
    for (trees, leaves) in &mut pairs {
        let (a, b) = (slot(&trees[0]), slot(&trees[1]));
        debug_assert!(a < 1 << depth && b < 1 << depth);
        // SAFETY: `8j + bottom < 64`, so a slot is below `1 << depth`, a tree's leaf count;
        // the pair's leaves are `leaves[..1 << depth]` and `leaves[1 << depth..]`.
        sum += f32::from_bits(unsafe { *leaves.get_unchecked(a) });
        sum += f32::from_bits(unsafe { *leaves.get_unchecked((1 << depth) + b) });
    }
    if let (Some(tree), Some(last)) =
        (bits.chunks_exact(2).remainder().first(), leaves.chunks_exact(2 << depth).remainder().get(..1 << depth))
    {
        sum += f32::from_bits(last[slot(tree)]);
    }
    sum
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
        assert_eq!(TOP[b] & 0xff, 43);
        assert_eq!((TOP[b] >> 8) & 0xff, 7);
        assert_eq!(TOP[b] >> 16, 40);
    }
}
