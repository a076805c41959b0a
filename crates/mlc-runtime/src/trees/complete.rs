//! Kernels for complete-layout trees: `depth` branch-free steps per tree.
//!
//! Node `i`'s children are `2i+1` (left) and `2i+2` (right); after `depth` steps the index
//! minus `2^depth - 1` is the leaf. The loader checked that every tree's node and leaf ranges
//! and every node's feature index are in bounds.

use mlc_format::records::{Node, TreeRecord, FEATURE_MASK};

use super::numeric::Split;

/// Trees walked side by side in single-row mode: independent dependency chains let the CPU
/// overlap their loads.
const LANES: usize = 4;

#[inline(always)]
fn step<N: Split>(nodes: &[Node], i: usize, row: &[f32]) -> usize {
    let n = nodes[i];
    let x = row[(n.key & FEATURE_MASK) as usize];
    2 * i + 2 - N::go_left(x, n.key, n.threshold) as usize
}

#[inline(always)]
fn tree_nodes<'a>(nodes: &'a [Node], t: &TreeRecord) -> &'a [Node] {
    &nodes[t.node_start as usize..t.node_start as usize + t.node_count as usize]
}

/// Adds every tree's leaf for `row` to `acc[group]`, in tree order.
pub(crate) fn accumulate_row<N: Split>(
    trees: &[TreeRecord],
    nodes: &[Node],
    leaves: &[u32],
    depth: u32,
    row: &[f32],
    acc: &mut [N::Acc],
) {
    let first_leaf = (1usize << depth) - 1;
    let mut chunks = trees.chunks_exact(LANES);
    for group in &mut chunks {
        let tn: [&[Node]; LANES] = core::array::from_fn(|k| tree_nodes(nodes, &group[k]));
        let mut idx = [0usize; LANES];
        for _ in 0..depth {
            for k in 0..LANES {
                idx[k] = step::<N>(tn[k], idx[k], row);
            }
        }
        for k in 0..LANES {
            let t = &group[k];
            let leaf = leaves[t.leaf_start as usize + idx[k] - first_leaf];
            let g = t.group as usize;
            acc[g] = N::add(acc[g], N::value(leaf));
        }
    }
    for t in chunks.remainder() {
        let tn = tree_nodes(nodes, t);
        let mut i = 0;
        for _ in 0..depth {
            i = step::<N>(tn, i, row);
        }
        let g = t.group as usize;
        acc[g] = N::add(acc[g], N::value(leaves[t.leaf_start as usize + i - first_leaf]));
    }
}

/// Batched: for each tree, walks every row of the block (`rows` holds `acc.len() / groups`
/// rows of `features` values), so the tree stays in cache and rows overlap in the pipeline.
#[allow(clippy::too_many_arguments)]
pub(crate) fn accumulate_block<N: Split>(
    trees: &[TreeRecord],
    nodes: &[Node],
    leaves: &[u32],
    depth: u32,
    rows: &[f32],
    features: usize,
    groups: usize,
    acc: &mut [N::Acc],
) {
    let first_leaf = (1usize << depth) - 1;
    let mut idx = [0usize; super::BATCH_BLOCK];
    for t in trees {
        let tn = tree_nodes(nodes, t);
        let tl = &leaves[t.leaf_start as usize..];
        let idx = &mut idx[..rows.len() / features];
        idx.fill(0);
        for _ in 0..depth {
            for (i, row) in idx.iter_mut().zip(rows.chunks_exact(features)) {
                *i = step::<N>(tn, *i, row);
            }
        }
        let g = t.group as usize;
        for (i, a) in idx.iter().zip(acc.chunks_exact_mut(groups)) {
            a[g] = N::add(a[g], N::value(tl[*i - first_leaf]));
        }
    }
}
