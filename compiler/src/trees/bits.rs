//! The bit index (format 1.4, `tree-bit-nodes`; format 1.5, `tree-bit-lanes` with
//! `tree-lane-nodes`): every node of the rank index (§8.9) as the position of its threshold's
//! bit in the comparison vector `B`, so that the runtime gets all decisions of a tree with one
//! byte permutation and one bit selection. `B`'s bits are either the rank chunks' lanes (1.4:
//! 16 lanes per feature chunk, NaN-padded) or dense lanes (1.5: 16 lanes a [`BitLanes`] record,
//! each lane naming its feature; whole records of one feature first, then the other thresholds
//! one after another).

use mlc_format::records::{
    bit_position, rank_byte, BitLanes, BitTree, RankChunk, RankTree, BIT_LANES, BIT_MISSING_LEFT, RANK_CHUNK, RANK_DEFAULT_LEFT,
    RANK_PADDING,
};

/// Most rank chunks (or dense lane records) a model with a bit index may have: their lanes fill
/// one 512-bit vector.
pub const BITS_MAX_CHUNKS: usize = 32;

/// Bits of the comparison vector.
const BITS: usize = RANK_CHUNK * BITS_MAX_CHUNKS;

/// The bit index of a model: over its rank chunks' lanes (format 1.4) or over dense lanes (1.5).
pub enum BitIndex {
    /// `tree-bit-nodes`: bits are the lanes of the rank chunks.
    Chunks(Vec<BitTree>),
    /// `tree-bit-lanes` and `tree-lane-nodes`: bits are the lanes of these records.
    Lanes(Vec<BitLanes>, Vec<BitTree>),
}

/// The bit index to write for rank trees over `chunks`: over dense lanes where they take fewer
/// 16-lane records than the chunks (fewer comparisons per row; where they take as many, they
/// would only make the artifact 1.5 and unreadable fast by a 1.4 runtime), else over the chunks;
/// `None` where neither fits 512 bits with a bit to spare.
pub fn choose(chunks: &[RankChunk], trees: &[RankTree]) -> Option<BitIndex> {
    match dense_index(chunks, trees) {
        Some((lanes, bits)) if lanes.len() < chunks.len() => Some(BitIndex::Lanes(lanes, bits)),
        _ => bit_index(chunks, trees).map(BitIndex::Chunks),
    }
}

/// The bit index of rank trees over `chunks`' own lanes (`tree-bit-nodes`), or `None` where the
/// chunks' lanes do not fit 512 bits with one bit to spare that is false in every row.
pub fn bit_index(chunks: &[RankChunk], trees: &[RankTree]) -> Option<Vec<BitTree>> {
    if chunks.len() > BITS_MAX_CHUNKS {
        return None;
    }
    // A bit that no row sets: past the last chunk, else a NaN lane (never `t ≤ x`).
    let zero = if chunks.len() < BITS_MAX_CHUNKS {
        RANK_CHUNK * chunks.len()
    } else {
        chunks.iter().enumerate().find_map(|(c, ch)| {
            let l = ch.thresholds.iter().position(|&t| f32::from_bits(t).is_nan())?;
            Some(RANK_CHUNK * c + l)
        })?
    };
    // First chunk of each feature (the writer emits a feature's chunks together).
    let mut start = [0; 64];
    for (c, ch) in chunks.iter().enumerate().rev() {
        start[ch.feature as usize] = RANK_CHUNK * c;
    }
    // Rank `r` of feature `f` is lane `r` from the feature's first chunk on.
    select_bits(zero, trees, |f, r| Some(start[f] + r))
}

/// The dense lanes of `chunks` and the bit index of rank trees over them (`tree-bit-lanes`,
/// `tree-lane-nodes`), or `None` where the thresholds do not fit 512 bits with one to spare (the
/// first lane after them, 0 in every row). Each feature's real thresholds go in rank order,
/// features in chunk order: first every whole record's worth of a feature (16 lanes of one
/// feature: the runtime compares them with the feature's value broadcast, no permutation),
/// then the rest of each feature's thresholds one after another; the last record's unused lanes
/// are NaN with feature 0.
pub fn dense_index(chunks: &[RankChunk], trees: &[RankTree]) -> Option<(Vec<BitLanes>, Vec<BitTree>)> {
    // Each feature's thresholds in rank order (the writer emits a feature's chunks together).
    let mut features: Vec<(u8, Vec<u32>)> = Vec::new();
    for (c, ch) in chunks.iter().enumerate() {
        if c == 0 || chunks[c - 1].feature != ch.feature {
            features.push((ch.feature as u8, Vec::new()));
        }
        if let Some((_, thresholds)) = features.last_mut() {
            thresholds.extend(ch.thresholds.iter().filter(|&&t| !f32::from_bits(t).is_nan()));
        }
    }
    let mut bits = vec![Vec::new(); 64];
    let mut lanes: Vec<(u8, u32)> = Vec::new();
    // Pass 0 lays out whole records, pass 1 the rest.
    for pass in 0..2 {
        for (f, thresholds) in &features {
            let whole = thresholds.len() / BIT_LANES * BIT_LANES;
            let ranks = if pass == 0 { 0..whole } else { whole..thresholds.len() };
            let of_feature: &mut Vec<usize> = &mut bits[*f as usize];
            for r in ranks {
                of_feature.push(lanes.len());
                lanes.push((*f, thresholds[r]));
            }
        }
    }
    if lanes.len() >= BITS {
        return None;
    }
    let zero = lanes.len();
    let records = lanes
        .chunks(BIT_LANES)
        .map(|part| {
            let mut r = BitLanes { features: [0; BIT_LANES], thresholds: [f32::NAN.to_bits(); BIT_LANES] };
            for (l, &(f, t)) in part.iter().enumerate() {
                (r.features[l], r.thresholds[l]) = (f, t);
            }
            r
        })
        .collect();
    Some((records, select_bits(zero, trees, |f, r| bits[f].get(r).copied())?))
}

/// Every node of `trees` pointed at its threshold's bit `lane(feature, rank)` in `B` (read from
/// `B` where its missing values go left, else from `B'`); padding nodes and decision bit 7 at
/// `zero`, a bit that is 0 in every row (a NaN lane or a bit past the last lane), from `B`.
/// `None` where a node's rank has no lane (the rank index never makes one).
fn select_bits(zero: usize, trees: &[RankTree], lane: impl Fn(usize, usize) -> Option<usize>) -> Option<Vec<BitTree>> {
    trees
        .iter()
        .map(|tree| {
            let mut bits = BitTree { index: [0; 64], select: [0; 64] };
            let mut set = |b: usize, bit: usize, missing_left: bool| {
                bits.index[b] = (bit / 8) as u8 | if missing_left { BIT_MISSING_LEFT } else { 0 };
                bits.select[b] = (8 * (b % 8) + bit % 8) as u8;
            };
            set(7, zero, true); // unused
            for p in 0..63 {
                let (code, rank) = (tree.codes[rank_byte(p)], tree.ranks[rank_byte(p)]);
                if rank == RANK_PADDING {
                    set(bit_position(p), zero, true);
                } else {
                    let bit = lane((code & 63) as usize, rank as usize)?;
                    set(bit_position(p), bit, code & RANK_DEFAULT_LEFT != 0);
                }
            }
            Some(bits)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mlc_format::records::Node;

    #[test]
    fn bit_positions_are_a_permutation_of_63_nodes_leaving_bit_7() {
        let mut seen = [false; 64];
        for p in 0..63 {
            let b = bit_position(p);
            assert!(!seen[b], "node {p} → bit {b} twice");
            seen[b] = true;
        }
        assert!(!seen[7]);
    }

    /// The rank index of one depth-6 tree whose nodes split feature `few` at 2.0 and 0.5 and
    /// feature `many` at 0, 1, …, 16 (two chunks), the rest padding: 3 chunks.
    fn two_features_with(few: u32, many: u32) -> (Vec<RankChunk>, Vec<RankTree>) {
        let node = |f: u32, t: f32| Node { key: f, threshold: t.to_bits() };
        let mut nodes: Vec<Node> = vec![node(few, 2.0), node(few, 0.5)];
        nodes.extend((0..17).map(|i| node(many, i as f32)));
        let mut padding = vec![false; nodes.len()];
        nodes.extend((nodes.len()..63).map(|_| node(0, 0.0)));
        padding.resize(63, true);
        let (chunks, trees) = super::super::ranks::rank_index(&[(nodes, padding)], 2).unwrap();
        assert_eq!(chunks.len(), 3); // `many`: 2 chunks, `few`: 1
        (chunks, trees)
    }

    /// [`two_features_with`] feature 1 split twice and feature 0 seventeen times.
    fn two_features() -> (Vec<RankChunk>, Vec<RankTree>) {
        two_features_with(1, 0)
    }

    #[test]
    fn nodes_point_at_their_threshold_lane() {
        let (chunks, trees) = two_features();
        let bits = bit_index(&chunks, &trees).unwrap();
        let lane = |p: usize| node_bit(&bits[0], p);
        assert_eq!(lane(0), (32 + 1, false)); // feature 1, threshold 1 (2.0), chunk 2
        assert_eq!(lane(1), (32, false));
        assert_eq!(lane(2), (0, false)); // feature 0, threshold 0.0
        assert_eq!(lane(18), (16, false)); // feature 0, threshold 16.0: second chunk
        assert_eq!(lane(19), (48, true)); // padding: the first bit past the chunks
        for b in 0..64 {
            assert_eq!(bits[0].select[b] / 8, (b % 8) as u8);
        }
    }

    /// The bit (of `B`) and whether it is read from `B` of node `p` of `tree`.
    fn node_bit(tree: &BitTree, p: usize) -> (usize, bool) {
        let b = bit_position(p);
        (8 * (tree.index[b] & 63) as usize + (tree.select[b] % 8) as usize, tree.index[b] & BIT_MISSING_LEFT != 0)
    }

    /// A chunk of feature `f` whose first `lanes` lanes hold `0.0, 1.0, …` (the rest NaN).
    fn chunk(f: u32, lanes: usize) -> RankChunk {
        let mut thresholds = [f32::NAN.to_bits(); RANK_CHUNK];
        for (i, t) in thresholds.iter_mut().take(lanes).enumerate() {
            *t = (i as f32).to_bits();
        }
        RankChunk { feature: f, thresholds }
    }

    #[test]
    fn dense_lanes_pack_each_features_thresholds_after_the_previous_ones() {
        let (chunks, trees) = two_features();
        let Some(BitIndex::Lanes(lanes, bits)) = choose(&chunks, &trees) else { panic!("19 thresholds fit 2 records, not 3") };
        assert_eq!(lanes.len(), 2);
        // Lanes 0..17: feature 0's thresholds; 17, 18: feature 1's; 19..32: NaN, feature 0.
        let lane = |i: usize| (lanes[i / 16].features[i % 16], f32::from_bits(lanes[i / 16].thresholds[i % 16]));
        for i in 0..17 {
            assert_eq!(lane(i), (0, i as f32));
        }
        assert_eq!((lane(17), lane(18)), ((1, 0.5), (1, 2.0)));
        for i in 19..32 {
            assert!(lane(i).0 == 0 && lane(i).1.is_nan(), "lane {i}: {:?}", lane(i));
        }
        assert_eq!(node_bit(&bits[0], 0), (18, false)); // feature 1, rank 1 (2.0)
        assert_eq!(node_bit(&bits[0], 1), (17, false)); // feature 1, rank 0 (0.5)
        assert_eq!(node_bit(&bits[0], 2), (0, false)); // feature 0, rank 0
        assert_eq!(node_bit(&bits[0], 18), (16, false)); // feature 0, rank 16
        assert_eq!(node_bit(&bits[0], 19), (19, true)); // padding: the first NaN lane, from B
        assert_eq!(node_bit(&bits[0], 62), (19, true));
    }

    #[test]
    fn dense_lanes_put_whole_records_of_one_feature_first() {
        // Feature 0 split at 0.5 and 2.0, feature 1 at 0, 1, …, 16: feature 0's chunk comes
        // first, but feature 1's first 16 thresholds fill record 0 on their own.
        let (chunks, trees) = two_features_with(0, 1);
        let Some(BitIndex::Lanes(lanes, bits)) = choose(&chunks, &trees) else { panic!("19 thresholds fit 2 records, not 3") };
        assert_eq!(lanes.len(), 2);
        let lane = |i: usize| (lanes[i / 16].features[i % 16], f32::from_bits(lanes[i / 16].thresholds[i % 16]));
        // Lanes 0..16: feature 1, ranks 0..16; then feature 0's two, then feature 1's rank 16.
        assert!(lanes[0].features.iter().all(|&f| f == 1));
        for i in 0..16 {
            assert_eq!(lane(i), (1, i as f32));
        }
        assert_eq!((lane(16), lane(17), lane(18)), ((0, 0.5), (0, 2.0), (1, 16.0)));
        assert_eq!(node_bit(&bits[0], 0), (17, false)); // feature 0, rank 1 (2.0)
        assert_eq!(node_bit(&bits[0], 1), (16, false)); // feature 0, rank 0 (0.5)
        assert_eq!(node_bit(&bits[0], 2), (0, false)); // feature 1, rank 0
        assert_eq!(node_bit(&bits[0], 17), (15, false)); // feature 1, rank 15
        assert_eq!(node_bit(&bits[0], 18), (18, false)); // feature 1, rank 16
        assert_eq!(node_bit(&bits[0], 19), (19, true)); // padding: the first NaN lane, from B
    }

    #[test]
    fn dense_lanes_only_where_they_take_fewer_records_than_the_chunks() {
        let tree = RankTree { codes: [0; 64], ranks: [RANK_PADDING; 64] };
        // One chunk of 3 thresholds: one record either way.
        assert!(matches!(choose(&[chunk(0, 3)], &[tree]), Some(BitIndex::Chunks(_))));
        // 33 chunks of 15 thresholds (495): too many chunks, 31 dense records with lane 495 free.
        let chunks: Vec<RankChunk> = (0..33).map(|f| chunk(f, 15)).collect();
        assert!(bit_index(&chunks, &[tree]).is_none());
        let Some(BitIndex::Lanes(lanes, bits)) = choose(&chunks, &[tree]) else { panic!("495 lanes fit") };
        assert_eq!(lanes.len(), 31);
        assert_eq!((lanes[30].features[14], f32::from_bits(lanes[30].thresholds[14])), (32, 14.0));
        assert!(f32::from_bits(lanes[30].thresholds[15]).is_nan());
        assert_eq!(node_bit(&bits[0], 0), (495, true));
        // 32 full chunks: 512 thresholds, no bit left for padding nodes in either layout.
        let full: Vec<RankChunk> = (0..32).map(|f| chunk(f, 16)).collect();
        assert!(dense_index(&full, &[tree]).is_none() && choose(&full, &[tree]).is_none());
    }

    #[test]
    fn thirty_two_chunks_need_a_nan_lane_for_padding() {
        let tree = RankTree { codes: [0; 64], ranks: [RANK_PADDING; 64] };
        let mut chunks: Vec<RankChunk> = (0..32).map(|f| chunk(f, 16)).collect();
        assert!(bit_index(&chunks, &[tree]).is_none(), "no bit is 0 in every row");
        chunks[5] = chunk(5, 15);
        let bits = bit_index(&chunks, &[tree]).unwrap();
        // Every padding node reads lane 15 of chunk 5 from B (never set).
        assert!(bits[0].index.iter().all(|&i| i == ((16 * 5 + 15) / 8) | BIT_MISSING_LEFT));
        assert!(bits[0].select.iter().enumerate().all(|(b, &s)| s as usize == 8 * (b % 8) + 7));
        chunks.push(chunk(32, 1));
        assert!(bit_index(&chunks, &[tree]).is_none(), "33 chunks");
    }
}
