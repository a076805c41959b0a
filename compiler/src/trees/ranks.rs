//! The rank index (format 1.3, `tree-rank-chunks` + `tree-rank-nodes`): every feature's
//! distinct thresholds in ascending order, and every node as (feature, rank threshold) bytes,
//! so that the runtime evaluates all nodes of a tree with one byte comparison per node.

use mlc_format::records::{rank_byte, Node, RankChunk, RankTree, DEFAULT_LEFT, FEATURE_MASK, RANK_CHUNK, RANK_DEFAULT_LEFT, RANK_PADDING};

/// Most features of a model that gets a rank index (one byte table of 64 ranks).
pub const RANKS_MAX_FEATURES: u32 = 64;
/// Most chunks of thresholds per feature (ranks stay ≤ 240, below the missing rank 255).
pub const RANKS_MAX_CHUNKS: usize = 15;

/// The rank index of float complete-layout trees of depth ≤ 6, given each tree's level-order
/// nodes and which of them are padding; `None` where it cannot be built (a NaN threshold on a
/// real split, or a feature with more than `16 × RANKS_MAX_CHUNKS` distinct thresholds).
pub fn rank_index(trees: &[(Vec<Node>, Vec<bool>)], num_features: u32) -> Option<(Vec<RankChunk>, Vec<RankTree>)> {
    if num_features > RANKS_MAX_FEATURES {
        return None;
    }
    let mut thresholds: Vec<Vec<f32>> = vec![Vec::new(); num_features as usize];
    for (nodes, padding) in trees {
        for (n, _) in nodes.iter().zip(padding).filter(|(_, &p)| !p) {
            let t = f32::from_bits(n.threshold);
            if t.is_nan() {
                return None;
            }
            // -0.0 and 0.0 compare equal: one threshold.
            thresholds[(n.key & FEATURE_MASK) as usize].push(if t == 0.0 { 0.0 } else { t });
        }
    }
    let mut chunks = Vec::new();
    for (f, ts) in thresholds.iter_mut().enumerate() {
        ts.sort_by(f32::total_cmp);
        ts.dedup();
        if ts.len() > RANK_CHUNK * RANKS_MAX_CHUNKS {
            return None;
        }
        for part in ts.chunks(RANK_CHUNK) {
            let mut lanes = [f32::NAN.to_bits(); RANK_CHUNK];
            for (l, t) in lanes.iter_mut().zip(part) {
                *l = t.to_bits();
            }
            chunks.push(RankChunk { feature: f as u32, thresholds: lanes });
        }
    }
    let mut out = Vec::with_capacity(trees.len());
    for (nodes, padding) in trees {
        let mut tree = RankTree { codes: [0; 64], ranks: [RANK_PADDING; 64] };
        for (p, (n, _)) in nodes.iter().zip(padding).enumerate().filter(|(_, (_, &pad))| !pad) {
            let f = (n.key & FEATURE_MASK) as usize;
            let t = f32::from_bits(n.threshold);
            // Position of the threshold among the feature's ascending thresholds.
            let j = thresholds[f].partition_point(|&u| u < t);
            let b = rank_byte(p);
            tree.codes[b] = f as u8 | if n.key & DEFAULT_LEFT != 0 { RANK_DEFAULT_LEFT } else { 0 };
            tree.ranks[b] = j as u8;
        }
        out.push(tree);
    }
    Some((chunks, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_bytes_are_a_permutation_of_63_nodes() {
        let mut seen = [false; 64];
        for p in 0..63 {
            let b = rank_byte(p);
            assert!(!seen[b], "node {p} → byte {b} twice");
            seen[b] = true;
        }
        assert!(!seen[63]);
    }

    #[test]
    fn thresholds_deduplicate_and_signed_zeros_merge() {
        let node = |f: u32, t: f32| Node { key: f, threshold: t.to_bits() };
        let nodes = vec![node(0, 1.0), node(0, -0.0), node(0, 0.0)];
        let (chunks, trees) = rank_index(&[(nodes, vec![false; 3])], 2).unwrap();
        assert_eq!(chunks.len(), 1);
        assert_eq!(f32::from_bits(chunks[0].thresholds[0]), 0.0);
        assert_eq!(f32::from_bits(chunks[0].thresholds[1]), 1.0);
        assert!(f32::from_bits(chunks[0].thresholds[2]).is_nan());
        assert_eq!(trees[0].ranks[rank_byte(0)], 1);
        assert_eq!(trees[0].ranks[rank_byte(1)], 0);
        assert_eq!(trees[0].ranks[rank_byte(2)], 0);
        assert_eq!(trees[0].ranks[rank_byte(3)], RANK_PADDING);
    }
}
