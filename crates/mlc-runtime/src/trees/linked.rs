//! Kernel for linked-layout trees: walk from the root until a leaf.
//!
//! The loader checked that children come after their parents and lie inside the tree, so a
//! walk ends within `node_count` steps and never leaves the tree's range, and that every
//! categorical split's set lies inside `tree-categories`.

use mlc_format::categories::{self, CATEGORICAL, CATEGORY_FEATURE_MASK};
use mlc_format::records::{LinkedNode, TreeRecord, FEATURE_MASK, LEAF_KEY};

use super::numeric::Split;

/// Adds every tree's leaf for `row` to `acc[group]`, in tree order. `categories`: the
/// `tree-categories` words of a categorical layout (its keys' feature in bits 0–29, category
/// splits where [`CATEGORICAL`] is set), `None` for the plain linked layout.
pub(crate) fn accumulate_row<N: Split>(
    trees: &[TreeRecord],
    nodes: &[LinkedNode],
    categories: Option<&[u32]>,
    row: &[f32],
    acc: &mut [N::Acc],
) {
    match categories {
        None => walk::<N, false>(trees, nodes, &[], row, acc),
        Some(words) => walk::<N, true>(trees, nodes, words, row, acc),
    }
}

/// [`accumulate_row`], specialised for the layout (`CAT`: categorical).
#[inline(always)]
fn walk<N: Split, const CAT: bool>(trees: &[TreeRecord], nodes: &[LinkedNode], words: &[u32], row: &[f32], acc: &mut [N::Acc]) {
    let feature_mask = if CAT { CATEGORY_FEATURE_MASK } else { FEATURE_MASK };
    for t in trees {
        let tn = &nodes[t.node_start as usize..t.node_start as usize + t.node_count as usize];
        let mut i = 0usize;
        let leaf = loop {
            let n = tn[i];
            if n.key == LEAF_KEY {
                break n.value;
            }
            let x = row[(n.key & feature_mask) as usize];
            let left = if CAT && n.key & CATEGORICAL != 0 {
                categories::goes_left(x, n.key, &words[n.value as usize..])
            } else {
                N::go_left(x, n.key, n.value)
            };
            i = n.left as usize + !left as usize;
        };
        let g = t.group as usize;
        acc[g] = N::add(acc[g], N::value(leaf));
    }
}
