//! The bit index (format 1.4, `tree-bit-nodes`): every node of the rank index (§8.9) as the
//! position of its threshold's bit among the rank chunks' lanes, so that the runtime gets all
//! decisions of a tree with one byte permutation and one bit selection.

use mlc_format::records::{
    bit_position, rank_byte, BitTree, RankChunk, RankTree, BIT_MISSING_LEFT, RANK_CHUNK, RANK_DEFAULT_LEFT, RANK_PADDING,
};

/// Most rank chunks a model with a bit index may have: their lanes fill one 512-bit vector.
pub const BITS_MAX_CHUNKS: usize = 32;

/// The bit index of rank trees over `chunks`, or `None` where the chunks' lanes do not fit 512
/// bits with one bit to spare that is false in every row (a padding node's decision).
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
    let mut first = [usize::MAX; 64];
    for (c, ch) in chunks.iter().enumerate().rev() {
        first[ch.feature as usize] = c;
    }
    let out = trees
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
                    let bit = RANK_CHUNK * first[(code & 63) as usize] + rank as usize;
                    set(bit_position(p), bit, code & RANK_DEFAULT_LEFT != 0);
                }
            }
            bits
        })
        .collect();
    Some(out)
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

    #[test]
    fn nodes_point_at_their_threshold_lane() {
        let node = |f: u32, t: f32| Node { key: f, threshold: t.to_bits() };
        // Feature 1 has thresholds 0.5 < 2.0; feature 0 has 17 (two chunks).
        let mut nodes: Vec<Node> = vec![node(1, 2.0), node(1, 0.5)];
        nodes.extend((0..17).map(|i| node(0, i as f32)));
        let mut padding = vec![false; nodes.len()];
        nodes.extend((nodes.len()..63).map(|_| node(0, 0.0)));
        padding.resize(63, true);
        let (chunks, trees) = super::super::ranks::rank_index(&[(nodes, padding)], 2).unwrap();
        assert_eq!(chunks.len(), 3); // feature 0: 2 chunks, feature 1: 1
        let bits = bit_index(&chunks, &trees).unwrap();
        let lane = |p: usize| {
            let b = bit_position(p);
            (8 * (bits[0].index[b] & 63) as usize + (bits[0].select[b] % 8) as usize, bits[0].index[b] & BIT_MISSING_LEFT != 0)
        };
        assert_eq!(lane(0), (32 + 1, false)); // feature 1, threshold 1 (2.0), chunk 2
        assert_eq!(lane(1), (32, false));
        assert_eq!(lane(2), (0, false)); // feature 0, threshold 0.0
        assert_eq!(lane(18), (16, false)); // feature 0, threshold 16.0: second chunk
        assert_eq!(lane(19), (48, true)); // padding: the first bit past the chunks
        for b in 0..64 {
            assert_eq!(bits[0].select[b] / 8, (b % 8) as u8);
        }
    }

    #[test]
    fn thirty_two_chunks_need_a_nan_lane_for_padding() {
        let chunk = |f: u32, lanes: usize| {
            let mut thresholds = [f32::NAN.to_bits(); RANK_CHUNK];
            for (i, t) in thresholds.iter_mut().take(lanes).enumerate() {
                *t = (i as f32).to_bits();
            }
            RankChunk { feature: f, thresholds }
        };
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
