//! x86-64 single-row kernel with AVX-512 VBMI: every node of a tree in one byte comparison.
//!
//! The compiler's rank index (`tree-rank-chunks`, `tree-rank-nodes`, format 1.3) replaces each
//! threshold by its position among its feature's distinct thresholds. Per row, the kernel
//! first counts for each feature how many of its thresholds are `<=` the value (16 float
//! comparisons per instruction): the row's *rank* of the feature, a byte. Then per tree one
//! byte permutation gives every node its feature's rank, one comparison with the nodes' rank
//! thresholds gives all 63 decisions as a 64-bit mask, and two lookups in a 128-byte table
//! (top depth-3 subtree, then the bottom one it leads to) give the exit leaf, with no
//! dependent load per level. Leaves are added in tree order in `f32`, so margins are
//! bit-identical to the walk.
//!
//! Missing values: a NaN is `<=` no threshold, so its rank is 0 and it goes left; nodes whose
//! missing values go right read the ranks from a second table where a missing feature's rank
//! is 255 (above every rank threshold, as ranks are ≤ 240).

use core::arch::x86_64::*;

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

/// Bits of the decision mask that hold the top subtree's nodes (byte `8j + 7`, `j < 7`).
const TOP_BITS: u64 = 0x0080_8080_8080_8080;

/// Whether the CPU runs [`margin`].
pub(crate) fn usable() -> bool {
    super::cpu::avx512_ranks()
}

/// The float margin of `row`: `base` plus every tree's leaf, in tree order. Tree `t`'s leaves
/// are `leaves[t << depth ..][..1 << depth]`.
///
/// # Safety
/// The CPU must have what [`usable`] checks. `ranks.trees.len() << depth == leaves.len()`,
/// `depth <= 6` and every chunk's feature `< row.len() <= 64` (checked by assertions here
/// and by the loader).
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,bmi2,popcnt")]
pub(crate) unsafe fn margin(ranks: &Ranks<'_>, leaves: &[u32], depth: u32, row: &[f32], base: f32) -> f32 {
    assert!(depth <= 6 && ranks.trees.len() << depth == leaves.len() && row.len() <= 64);
    // The row's rank of every feature.
    // Kept in a register (byte lane = feature): no stores for the vector load to wait on. A
    // feature's chunks are counted together and added once.
    let mut left = _mm512_setzero_si512();
    let mut rest = ranks.chunks;
    while let [first, ..] = rest {
        let f = first.feature as usize;
        let x = _mm512_set1_ps(row[f]);
        let mut count = 0u32;
        while let [c, tail @ ..] = rest {
            if c.feature != first.feature {
                break;
            }
            // SAFETY: a chunk holds 16 `u32`s, read unaligned.
            let t = unsafe { _mm512_loadu_ps(c.thresholds.as_ptr() as *const f32) };
            count += _mm512_cmp_ps_mask::<_CMP_LE_OQ>(t, x).count_ones();
            rest = tail;
        }
        left = _mm512_mask_add_epi8(left, 1 << (f & 63), left, _mm512_set1_epi8(count as i8));
    }
    // Missing features, one bit each.
    let mut missing = 0u64;
    for (i, part) in row.chunks(16).enumerate() {
        let lanes = (1u32 << part.len()) - 1;
        // SAFETY: only the `part.len()` lanes of `part` are read (masked load).
        let x = unsafe { _mm512_maskz_loadu_ps(lanes as u16, part.as_ptr()) };
        missing |= (_mm512_cmp_ps_mask::<_CMP_UNORD_Q>(x, x) as u64) << (16 * i);
    }
    let right = _mm512_mask_blend_epi8(missing, left, _mm512_set1_epi8(-1));
    let shift = 6 - depth;
    let mut sum = base;
    for (tree, leaves) in ranks.trees.iter().zip(leaves.chunks_exact(1 << depth)) {
        // SAFETY: a tree holds 2 × 64 bytes, read unaligned.
        let (codes, thresholds) =
            unsafe { (_mm512_loadu_si512(tree.codes.as_ptr() as *const _), _mm512_loadu_si512(tree.ranks.as_ptr() as *const _)) };
        // Code bit 6 (missing goes left) picks `left`, where a missing rank is 0.
        let node_ranks = _mm512_permutex2var_epi8(right, codes, left);
        let goes_right = _mm512_cmpgt_epu8_mask(node_ranks, thresholds);
        let top = SUBTREE_LEAF[(_pext_u64(goes_right, TOP_BITS) & 127) as usize] as u32;
        let bottom = SUBTREE_LEAF[((goes_right >> (8 * top)) & 127) as usize] as u32;
        let leaf = ((8 * top + bottom) >> shift) as usize;
        debug_assert!(leaf < leaves.len());
        // SAFETY: `8 · top + bottom < 64`, so `leaf < 1 << depth`, this tree's leaf count.
        sum += f32::from_bits(unsafe { *leaves.get_unchecked(leaf) });
    }
    sum
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
}
