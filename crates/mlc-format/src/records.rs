//! Fixed-layout records of the model table and of tree ensembles, read in place (`bytemuck`
//! casts, no copies). Network layers are in [`crate::net`].
//!
//! All fields are little-endian `u32`s, so every record is 4-byte aligned and the casts only
//! need the section alignment the reader already guarantees.

use bytemuck::{Pod, Zeroable};

/// One entry of the model table (section kind `model-table`), 16 bytes.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Pod, Zeroable)]
pub struct ModelRecord {
    /// Offset of the model's name in the `strings` section.
    pub name_offset: u32,
    /// Length of the name in bytes (UTF-8).
    pub name_len: u32,
    /// Index of the model's first section (its manifest) in the section table.
    pub first_section: u32,
    /// Number of consecutive sections owned by the model.
    pub section_count: u32,
}

/// One tree of an ensemble (section kind `tree-table`), 16 bytes.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Pod, Zeroable)]
pub struct TreeRecord {
    /// Index of the tree's first node in the `tree-nodes` section.
    pub node_start: u32,
    /// Number of nodes of the tree (complete layout: `2^depth - 1`).
    pub node_count: u32,
    /// Index of the tree's first leaf in `tree-leaves` (complete layout; 0 for linked).
    pub leaf_start: u32,
    /// Output group (class) the tree adds to.
    pub group: u16,
    /// Depth: complete layout — every path has exactly this many splits; linked — the longest path.
    pub depth: u16,
}

/// Set in a node's `key` when a missing value (NaN) takes the left branch.
pub const DEFAULT_LEFT: u32 = 1 << 31;
/// Mask of the feature index in a node's `key`.
pub const FEATURE_MASK: u32 = !DEFAULT_LEFT;
/// `key` of a leaf in the linked layout (no feature index can take this value).
pub const LEAF_KEY: u32 = FEATURE_MASK;

/// A split of a complete-layout tree (section kind `tree-nodes`), 8 bytes.
///
/// Trees are padded to complete depth and stored in level order (children of node `i` are
/// `2i+1` and `2i+2`), so traversal is `depth` branch-free steps.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Pod, Zeroable)]
pub struct Node {
    /// Feature index, with [`DEFAULT_LEFT`] or'ed in.
    pub key: u32,
    /// Threshold: `f32` bits (float models) or an [`ordered_key`] (fixed-point models).
    pub threshold: u32,
}

/// A node of a linked-layout tree (section kind `tree-nodes`), 12 bytes.
///
/// Used when padding to complete depth would cost too much memory. Children are adjacent:
/// the right child of a split is `left + 1`, and children always come after their parent.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Pod, Zeroable)]
pub struct LinkedNode {
    /// Feature index with [`DEFAULT_LEFT`], or [`LEAF_KEY`] for a leaf.
    pub key: u32,
    /// Threshold of a split, or the value of a leaf (same encoding as the leaves section).
    pub value: u32,
    /// Tree-local index of the left child (splits only).
    pub left: u32,
}

/// A split of a complete-layout tree prepared for bitvector evaluation (section kind
/// `tree-splits`), 12 bytes.
///
/// The 64 leaf slots of a tree of depth ≤ 6 form a bitvector of two 32-bit words (low: leaves
/// 0..32, high: 32..64). When a row goes right at a split, the leaves of the split's left
/// subtree — all in one word — are ruled out: the word is and-ed with `keep`. The exit leaf is
/// the lowest bit left. Each tree's splits come in four lists, in this order, located by the
/// `tree-split-index` offsets `index[4t + i] .. index[4t + i + 1]`: 0 low word, missing goes
/// left; 1 low word, missing goes right; 2 high word, missing goes left; 3 high word, missing
/// goes right. Padding nodes are not listed.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Pod, Zeroable)]
pub struct SplitRecord {
    /// Feature index.
    pub feature: u32,
    /// Threshold (`f32` bits).
    pub threshold: u32,
    /// Bits of the word kept when a row goes right.
    pub keep: u32,
}

/// Thresholds per [`RankChunk`].
pub const RANK_CHUNK: usize = 16;

/// Up to 16 distinct split thresholds of one feature (section kind `tree-rank-chunks`, format
/// 1.3), 68 bytes.
///
/// A feature's chunks are consecutive and its thresholds ascending across them; unused lanes
/// hold NaN. The *rank* of a value `x` of the feature is the number of its thresholds `t` with
/// `t <= x` (0 for a missing value), so that `x < t_j` iff `rank <= j` for the `j`-th
/// threshold (from 0) — at most 254 per feature.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Pod, Zeroable)]
pub struct RankChunk {
    /// Feature index (< 64).
    pub feature: u32,
    /// `f32` bits, ascending; NaN in unused lanes.
    pub thresholds: [u32; RANK_CHUNK],
}

/// Byte of [`RankTree::codes`] that makes a node send a missing value left.
pub const RANK_DEFAULT_LEFT: u8 = 64;
/// [`RankTree::ranks`] value of a padding node: no rank exceeds it, the node always goes left.
pub const RANK_PADDING: u8 = 255;

/// One tree of depth ≤ 6 for rank evaluation (section kind `tree-rank-nodes`, format 1.3),
/// 128 bytes.
///
/// Byte `8j + i` (`i < 7`) is node `i` (level order) of the depth-3 subtree below level-3 node
/// `j` (`j < 8`) of the tree padded to depth 6; byte `8j + 7` (`j < 7`) is node `j` (level
/// order) of the top depth-3 subtree; byte 63 is unused (padding). A node goes right iff the
/// row's rank of its feature is above its rank threshold; a missing value goes right unless
/// [`RANK_DEFAULT_LEFT`] is set.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Pod, Zeroable)]
pub struct RankTree {
    /// Feature index (< 64), or-ed with [`RANK_DEFAULT_LEFT`].
    pub codes: [u8; 64],
    /// Rank threshold `j` of the node (it goes right iff rank > `j`); [`RANK_PADDING`] for
    /// padding nodes.
    pub ranks: [u8; 64],
}

/// Byte of [`RankTree`] that holds node `p` (level order) of a tree of depth 6.
pub fn rank_byte(p: usize) -> usize {
    if p < 7 {
        8 * p + 7
    } else {
        let level = usize::BITS - 1 - (p + 1).leading_zeros(); // 3..6
        let j = (p + 1 - (1 << level)) >> (level - 3); // level-3 ancestor
        let sub_level = level - 3;
        let i = (1 << sub_level) - 1 + ((p + 1 - (1 << level)) & ((1 << sub_level) - 1));
        8 * j + i
    }
}

/// One tree of depth ≤ 6 for single-row evaluation by bit selection (section kind
/// `tree-bit-nodes`, format 1.4, or `tree-lane-nodes`, format 1.5), 128 bytes.
///
/// The evaluator compares the row with every lane of the rank chunks (`tree-bit-nodes`) or of
/// the [`BitLanes`] records (`tree-lane-nodes`) at once: bit `16c + l` of the 512-bit vector
/// `B` is `t ≤ x[f]` for lane `l` (threshold `t`) of chunk or record `c` (feature `f`), false
/// for a missing `x` or a NaN lane; `B'` is `B` with the bits of missing features' lanes set.
/// Decision bit `b` of the tree (1 = right; node of bit `b`: [`bit_position`]) is bit
/// `select[b] mod 8` of byte `index[b] mod 64` of `B` if `index[b] & 64` is set, else of `B'`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Pod, Zeroable)]
pub struct BitTree {
    /// Per decision bit: byte of `B` (bits 0–5), or-ed with [`BIT_MISSING_LEFT`] to read `B`
    /// (missing values go left) rather than `B'`.
    pub index: [u8; 64],
    /// Per decision bit `b`: `8 · (b mod 8)` plus the bit within the byte (0–7).
    pub select: [u8; 64],
}

/// Flag of [`BitTree::index`]: read the vector where missing values compare false.
pub const BIT_MISSING_LEFT: u8 = 64;

impl BitTree {
    /// Decision bit `b` as one number below 1024: its bit in `B'` (`16c + l` for lane `l` of
    /// record or chunk `c`), plus 512 where it reads `B` (missing values go left). The byte of
    /// [`LaneSteps`] that holds it.
    pub fn decision_byte(&self, b: usize) -> u16 {
        8 * self.index[b] as u16 + (self.select[b] % 8) as u16
    }
}

/// One tree of depth ≤ 6 for the byte walk of the AVX2 single-row kernel (section kind
/// `tree-lane-steps`, format 1.6), 128 bytes.
///
/// The kernel stores the comparisons of the lanes of `tree-bit-lanes` one byte each, 0 or 1:
/// `B'`'s bit `q` at byte `q` and `B`'s at byte `512 + q`. `bytes[p]` (`p < 63`) is the byte of
/// level-order node `p` of the tree padded to depth 6: [`BitTree::decision_byte`] of the
/// tree's `tree-lane-nodes` record at decision bit [`bit_position`]`(p)`; `bytes[63]` is 0. A
/// walk is `depth` steps `p → 2p + 1 + byte` (the first `2^depth − 1` nodes are the tree's
/// own), with no branch and no comparison, ending at `2^depth − 1` plus the leaf's slot.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Pod, Zeroable)]
pub struct LaneSteps {
    /// Per level-order node: its comparison byte (below 1024); 0 at index 63.
    pub bytes: [u16; 64],
}

impl LaneSteps {
    /// The steps of the tree whose bit index record is `bits`.
    pub fn of(bits: &BitTree) -> LaneSteps {
        let mut bytes = [0u16; 64];
        for (p, b) in bytes.iter_mut().take(63).enumerate() {
            *b = bits.decision_byte(bit_position(p));
        }
        LaneSteps { bytes }
    }
}

/// Lanes per [`BitLanes`] record.
pub const BIT_LANES: usize = 16;

/// Sixteen comparison lanes of the single-row bit kernel, each with its own feature (section
/// kind `tree-bit-lanes`, format 1.5), 80 bytes.
///
/// The rank chunks' distinct thresholds (§8.9 of `docs/format.md`) packed densely: lane `l` of
/// record `c` is bit `16c + l` of the comparison vector `B`, `f32::from_bits(thresholds[l]) <=
/// row[features[l]]` (false for a NaN threshold or a missing value). The [`BitTree`]s of
/// `tree-lane-nodes` select their decisions among these bits. Unused lanes hold a NaN
/// threshold and feature 0.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Pod, Zeroable)]
pub struct BitLanes {
    /// Feature index of each lane (< the model's feature count, ≤ 64).
    pub features: [u8; BIT_LANES],
    /// Threshold of each lane, `f32` bits; NaN in unused lanes.
    pub thresholds: [u32; BIT_LANES],
}

const _: () = assert!(core::mem::size_of::<BitLanes>() == 80);

/// Decision bit of [`BitTree`] that holds node `p` (level order, `p < 63`) of a tree of depth
/// 6: bits 0–6 are the top depth-3 subtree (nodes 0–6), bit 7 is unused, and bits `8 + 7j ..
/// 15 + 7j` are the depth-3 subtree below level-3 node `j` (`j < 8`), its nodes in level order.
pub fn bit_position(p: usize) -> usize {
    if p < 7 {
        p
    } else {
        let b = rank_byte(p); // 8j + i, i < 7
        8 + 7 * (b / 8) + b % 8
    }
}

/// When level-order node `p` of a complete tree of depth `depth` (≤ 6) sends a row right, the
/// leaves of its left subtree are ruled out. Returns the word they lie in (0 = leaves 0..32,
/// 1 = leaves 32..64) and the bits of that word to keep.
pub fn keep_if_right(p: usize, depth: u32) -> (usize, u32) {
    let level = usize::BITS - 1 - (p + 1).leading_zeros();
    let j = (p + 1 - (1 << level)) as u32;
    let span = 1u32 << (depth - level);
    let left = ((1u64 << (span / 2)) - 1) << (j * span);
    if left >> 32 == 0 {
        (0, !(left as u32))
    } else {
        (1, !((left >> 32) as u32))
    }
}

/// Missing-value key of fixed-point models: greater than the key of every number.
pub const MISSING_KEY: i32 = i32::MAX;

/// Maps an `f32` to an `i32` whose integer order is the float order, so that fixed-point
/// models compare features without floating point and without losing exactness.
///
/// `-0.0` maps like `+0.0` (they compare equal as floats) and NaN maps to [`MISSING_KEY`].
/// Integer operations only, so FPU-less cores run it without software floating point.
#[inline(always)]
pub fn ordered_key(x: f32) -> i32 {
    let bits = x.to_bits();
    if bits & 0x7FFF_FFFF > 0x7F80_0000 {
        return MISSING_KEY; // NaN, whatever its sign and payload
    }
    let bits = if bits == 0x8000_0000 { 0 } else { bits as i32 }; // -0.0 → +0.0
    bits ^ ((bits >> 31) as u32 >> 1) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_key_preserves_float_order() {
        let values = [
            f32::NEG_INFINITY,
            -f32::MAX,
            -1.5,
            -f32::MIN_POSITIVE,
            -1e-45,
            0.0,
            1e-45,
            f32::MIN_POSITIVE,
            1.0,
            1.000_000_1,
            f32::MAX,
            f32::INFINITY,
        ];
        for w in values.windows(2) {
            assert!(ordered_key(w[0]) < ordered_key(w[1]), "{} vs {}", w[0], w[1]);
        }
        assert_eq!(ordered_key(-0.0), ordered_key(0.0));
        assert!(ordered_key(f32::INFINITY) < MISSING_KEY);
        assert_eq!(ordered_key(f32::NAN), MISSING_KEY);
        assert_eq!(ordered_key(-f32::NAN), MISSING_KEY);
    }

    #[test]
    fn ordered_key_agrees_with_float_less_than() {
        // A deterministic sweep of bit patterns, including neighbours of each other.
        let mut s = 0x9E37_79B9u32;
        for _ in 0..200_000 {
            s ^= s << 13;
            s ^= s >> 17;
            s ^= s << 5;
            let a = f32::from_bits(s);
            let b = f32::from_bits(s.rotate_left(7));
            let c = f32::from_bits(s.wrapping_add(1));
            for (x, y) in [(a, b), (a, c), (c, a)] {
                if x.is_nan() || y.is_nan() {
                    continue;
                }
                assert_eq!(x < y, ordered_key(x) < ordered_key(y), "{x:e} {y:e}");
            }
        }
    }

    #[test]
    fn lane_steps_follow_the_bit_index_in_level_order() {
        // Decision bit `b` in byte `b` of `B` (even `b`) or `B'` (odd), at bit `b mod 5`.
        let mut bits = BitTree { index: [0; 64], select: [0; 64] };
        for b in 0..64 {
            bits.index[b] = b as u8 | if b.is_multiple_of(2) { BIT_MISSING_LEFT } else { 0 };
            bits.select[b] = (8 * (b % 8) + b % 5) as u8;
        }
        let steps = LaneSteps::of(&bits);
        for p in 0..63 {
            let b = bit_position(p);
            let flag = if b.is_multiple_of(2) { 512 } else { 0 };
            assert_eq!(steps.bytes[p] as usize, flag + 8 * b + b % 5, "node {p}");
        }
        assert_eq!(steps.bytes[63], 0);
        // Level-order nodes 0–6 are decision bits 0–6; node 7, the first of level 3, is the
        // root of the first bottom subtree (bit 8), node 62 the last node of the last (bit 63).
        assert_eq!(steps.bytes[..7], core::array::from_fn::<u16, 7, _>(|b| bits.decision_byte(b)));
        assert_eq!(steps.bytes[7], bits.decision_byte(8));
        assert_eq!(steps.bytes[62], bits.decision_byte(63));
    }
}
