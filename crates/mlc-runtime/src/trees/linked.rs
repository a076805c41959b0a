//! Kernel for linked-layout trees: walk from the root until a leaf.
//!
//! The loader checked that children come after their parents and lie inside the tree, so a
//! walk ends within `node_count` steps and never leaves the tree's range.

use mlc_format::records::{LinkedNode, TreeRecord, FEATURE_MASK, LEAF_KEY};

use super::numeric::Split;

/// Adds every tree's leaf for `row` to `acc[group]`, in tree order.
pub(crate) fn accumulate_row<N: Split>(trees: &[TreeRecord], nodes: &[LinkedNode], row: &[f32], acc: &mut [N::Acc]) {
    for t in trees {
        let tn = &nodes[t.node_start as usize..t.node_start as usize + t.node_count as usize];
        let mut i = 0usize;
        let leaf = loop {
            let n = tn[i];
            if n.key == LEAF_KEY {
                break n.value;
            }
            let x = row[(n.key & FEATURE_MASK) as usize];
            i = n.left as usize + !N::go_left(x, n.key, n.value) as usize;
        };
        let g = t.group as usize;
        acc[g] = N::add(acc[g], N::value(leaf));
    }
}
