//! Lowering an [`IrEnsemble`] to artifact sections: layout choice, padding, number encoding.

use mlc_format::categories::CATEGORICAL;
use mlc_format::manifest::{Numeric, TreeEnsemble, TreeLayout};
use mlc_format::records::{
    keep_if_right, ordered_key, LaneSteps, LinkedNode, Node, SplitRecord, TreeRecord, DEFAULT_LEFT, LEAF_KEY, MISSING_KEY,
};
use mlc_format::SectionKind;

use super::bits::BitIndex;
use super::{IrEnsemble, IrNode, IrTree};

/// Bytes of one model's sections under each layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutCost {
    /// Complete layout (padded to the deepest tree).
    pub complete: usize,
    /// Linked layout.
    pub linked: usize,
    /// Depth of the deepest tree.
    pub depth: u32,
}

/// What each layout of `ir` costs in bytes.
pub fn cost(ir: &IrEnsemble) -> LayoutCost {
    let depth = ir.trees.iter().map(IrTree::depth).max().unwrap_or(0);
    let t = ir.trees.len();
    let complete = if depth <= mlc_runtime::trees::MAX_COMPLETE_DEPTH {
        t.saturating_mul(((1usize << depth) - 1) * 8 + (1usize << depth) * 4)
    } else {
        usize::MAX
    };
    let linked = ir.trees.iter().map(|tr| tr.nodes.len() * 12).sum::<usize>() + ir.category_sets.iter().map(|s| s.len() * 4).sum::<usize>();
    LayoutCost { complete, linked, depth }
}

/// Fixed-point fraction bits for `ir`: the most that keep `|base| + Σ max |leaf|` of every
/// group below 2^30 (one bit of headroom below `i32`'s range); `None` if even 0 bits overflow.
pub fn fixed_frac_bits(ir: &IrEnsemble) -> Option<u8> {
    let mut worst = 0f64;
    for g in 0..ir.num_groups {
        let mut sum = ir.base_margin[g as usize].abs() as f64;
        for t in ir.trees.iter().filter(|t| t.group == g) {
            sum += t.max_abs_leaf() as f64;
        }
        worst = worst.max(sum);
    }
    (0..=30u8).rev().find(|&bits| worst * f64::from(1u32 << bits) < f64::from(1u32 << 30))
}

/// Encodes a leaf or base value.
fn encode_value(x: f32, numeric: Numeric) -> u32 {
    match numeric {
        Numeric::Float32 => x.to_bits(),
        Numeric::Fixed { frac_bits } => ((x as f64) * f64::from(1u32 << frac_bits)).round() as i32 as u32,
    }
}

/// Encodes a split threshold.
fn encode_threshold(x: f32, numeric: Numeric) -> u32 {
    match numeric {
        Numeric::Float32 => x.to_bits(),
        Numeric::Fixed { .. } => ordered_key(x) as u32,
    }
}

/// A padding node (above a leaf shallower than the tree's depth). Both of its subtrees hold
/// copies of the leaf, so where it sends a value never matters; its NaN threshold (float) or
/// `MISSING_KEY` threshold (fixed point) only marks it for readers of the artifact.
fn padding_node(numeric: Numeric) -> Node {
    let threshold = match numeric {
        Numeric::Float32 => f32::NAN.to_bits(),
        Numeric::Fixed { .. } => MISSING_KEY as u32,
    };
    Node { key: DEFAULT_LEFT, threshold }
}

fn split_key(feature: u32, default_left: bool) -> u32 {
    feature | if default_left { DEFAULT_LEFT } else { 0 }
}

/// Deepest complete trees that can get a `tree-splits` index (64 leaves = two 32-bit words).
pub const SPLITS_MAX_DEPTH: u32 = 6;
/// Most features of a model that gets a `tree-splits` index (the vector kernel's limit).
pub const SPLITS_MAX_FEATURES: u32 = 64;

/// Which optional tree indexes a target's runtime kernels read.
#[derive(Debug, Clone, Copy, Default)]
pub struct Indexes {
    /// The `tree-splits` index of the batch bitvector kernels (x86-64, aarch64).
    pub splits: bool,
    /// With `splits`: the rank index (format 1.3) and the bit index built on it (1.4, or 1.5
    /// with dense lanes: [`super::bits::choose`], then also their steps, 1.6), read by the
    /// x86-64 single-row (AVX-512 and AVX2) and bit-plane kernels.
    pub ranks: bool,
}

/// The model's tree sections and its manifest body. Where the model allows them (complete
/// layout, float, one output group, depth ≤ [`SPLITS_MAX_DEPTH`], ≤ [`SPLITS_MAX_FEATURES`]
/// features), also the `indexes` asked for, each where it can be built.
pub fn lower(ir: &IrEnsemble, layout: TreeLayout, numeric: Numeric, indexes: Indexes) -> (TreeEnsemble, Vec<(SectionKind, Vec<u8>)>) {
    let mut table = Vec::with_capacity(ir.trees.len());
    let mut sections = Vec::new();
    match layout {
        TreeLayout::Complete => {
            let depth = cost(ir).depth;
            let (n_nodes, n_leaves) = ((1usize << depth) - 1, 1usize << depth);
            let mut nodes = Vec::with_capacity(ir.trees.len() * n_nodes);
            let mut leaves = Vec::with_capacity(ir.trees.len() * n_leaves);
            // Only where the vector kernel can use it: one margin, at most 64 features.
            let with_splits = indexes.splits
                && depth <= SPLITS_MAX_DEPTH
                && numeric == Numeric::Float32
                && ir.num_groups == 1
                && ir.num_features <= SPLITS_MAX_FEATURES;
            let mut rank_trees: Vec<(Vec<Node>, Vec<bool>)> = Vec::new();
            let mut split_lists: Vec<SplitRecord> = Vec::new();
            let mut split_index: Vec<u32> = vec![0];
            for tree in &ir.trees {
                table.push(TreeRecord {
                    node_start: nodes.len() as u32,
                    node_count: n_nodes as u32,
                    leaf_start: leaves.len() as u32,
                    group: tree.group as u16,
                    depth: depth as u16,
                });
                let mut tn = vec![padding_node(numeric); n_nodes];
                let mut tl = vec![0u32; n_leaves];
                let mut padding = vec![false; n_nodes];
                fill_complete(tree, 0, 0, n_nodes, numeric, &mut tn, &mut tl, &mut padding);
                if with_splits {
                    let mut lists: [Vec<SplitRecord>; 4] = Default::default();
                    for (p, n) in tn.iter().enumerate().filter(|&(p, _)| !padding[p]) {
                        let (word, keep) = keep_if_right(p, depth);
                        let list = 2 * word + (n.key & DEFAULT_LEFT == 0) as usize;
                        lists[list].push(SplitRecord { feature: n.key & !DEFAULT_LEFT, threshold: n.threshold, keep });
                    }
                    for list in lists {
                        split_lists.extend(list);
                        split_index.push(split_lists.len() as u32);
                    }
                    rank_trees.push((tn.clone(), padding.clone()));
                }
                nodes.extend(tn);
                leaves.extend(tl);
            }
            sections.push((SectionKind::TreeNodes, bytemuck::cast_slice(&nodes).to_vec()));
            sections.push((SectionKind::TreeLeaves, bytemuck::cast_slice(&leaves).to_vec()));
            if with_splits {
                sections.push((SectionKind::TreeSplits, bytemuck::cast_slice(&split_lists).to_vec()));
                sections.push((SectionKind::TreeSplitIndex, bytemuck::cast_slice(&split_index).to_vec()));
                if let Some((chunks, trees)) = super::ranks::rank_index(&rank_trees, ir.num_features).filter(|_| indexes.ranks) {
                    sections.push((SectionKind::TreeRankChunks, bytemuck::cast_slice(&chunks).to_vec()));
                    sections.push((SectionKind::TreeRankNodes, bytemuck::cast_slice(&trees).to_vec()));
                    match super::bits::choose(&chunks, &trees) {
                        Some(BitIndex::Chunks(bits)) => sections.push((SectionKind::TreeBitNodes, bytemuck::cast_slice(&bits).to_vec())),
                        Some(BitIndex::Lanes(lanes, bits)) => {
                            sections.push((SectionKind::TreeBitLanes, bytemuck::cast_slice(&lanes).to_vec()));
                            sections.push((SectionKind::TreeLaneNodes, bytemuck::cast_slice(&bits).to_vec()));
                            // The same bits in level order for the AVX2 kernel's byte walk (1.6).
                            let steps: Vec<LaneSteps> = bits.iter().map(LaneSteps::of).collect();
                            sections.push((SectionKind::TreeLaneSteps, bytemuck::cast_slice(&steps).to_vec()));
                        }
                        None => {}
                    }
                }
            }
        }
        TreeLayout::Linked | TreeLayout::LinkedCategorical => {
            assert!(layout == TreeLayout::LinkedCategorical || !ir.has_categories(), "categorical splits need the categorical layout");
            // Every set once, back to back; a categorical node's value is its set's offset.
            let mut words = Vec::new();
            let offsets: Vec<u32> = ir
                .category_sets
                .iter()
                .map(|set| {
                    let at = words.len() as u32;
                    words.extend_from_slice(set);
                    at
                })
                .collect();
            let mut nodes = Vec::new();
            for tree in &ir.trees {
                let start = nodes.len();
                let tn = linked_nodes(tree, numeric, &offsets);
                table.push(TreeRecord {
                    node_start: start as u32,
                    node_count: tn.len() as u32,
                    leaf_start: 0,
                    group: tree.group as u16,
                    depth: tree.depth().min(u16::MAX as u32) as u16,
                });
                nodes.extend(tn);
            }
            sections.push((SectionKind::TreeNodes, bytemuck::cast_slice(&nodes).to_vec()));
            if layout == TreeLayout::LinkedCategorical {
                sections.push((SectionKind::TreeCategories, bytemuck::cast_slice(&words).to_vec()));
            }
        }
    }
    let base: Vec<u32> = ir.base_margin.iter().map(|&b| encode_value(b, numeric)).collect();
    sections.insert(0, (SectionKind::TreeTable, bytemuck::cast_slice(&table).to_vec()));
    sections.push((SectionKind::BaseMargin, bytemuck::cast_slice(&base).to_vec()));
    let body = TreeEnsemble { num_trees: ir.trees.len() as u32, num_groups: ir.num_groups, link: ir.link, layout, numeric };
    (body, sections)
}

/// Writes the subtree at IR node `src` into complete-layout position `pos`. A leaf above the
/// last level becomes padding nodes (marked in `padding`) whose every path ends in copies of
/// the leaf.
#[allow(clippy::too_many_arguments)]
fn fill_complete(
    tree: &IrTree,
    src: u32,
    pos: usize,
    first_leaf: usize,
    numeric: Numeric,
    nodes: &mut [Node],
    leaves: &mut [u32],
    padding: &mut [bool],
) {
    if pos >= first_leaf {
        let value = match tree.nodes[src as usize] {
            IrNode::Leaf { value } => value,
            IrNode::Split { .. } | IrNode::CategorySplit { .. } => unreachable!("a split below the tree's depth"),
        };
        leaves[pos - first_leaf] = encode_value(value, numeric);
        return;
    }
    match tree.nodes[src as usize] {
        IrNode::Split { feature, threshold, default_left, left, right } => {
            nodes[pos] = Node { key: split_key(feature, default_left), threshold: encode_threshold(threshold, numeric) };
            fill_complete(tree, left, 2 * pos + 1, first_leaf, numeric, nodes, leaves, padding);
            fill_complete(tree, right, 2 * pos + 2, first_leaf, numeric, nodes, leaves, padding);
        }
        IrNode::CategorySplit { .. } => unreachable!("a categorical split in the complete layout"),
        IrNode::Leaf { .. } => {
            nodes[pos] = padding_node(numeric);
            padding[pos] = true;
            fill_complete(tree, src, 2 * pos + 1, first_leaf, numeric, nodes, leaves, padding);
            fill_complete(tree, src, 2 * pos + 2, first_leaf, numeric, nodes, leaves, padding);
        }
    }
}

/// Breadth-first renumbering so that children are adjacent (`right = left + 1`) and come
/// after their parent, as the runtime requires. A categorical split's value is the offset of its
/// set in `tree-categories` (`set_offsets`).
fn linked_nodes(tree: &IrTree, numeric: Numeric, set_offsets: &[u32]) -> Vec<LinkedNode> {
    let mut order = vec![0u32];
    let mut out = Vec::with_capacity(tree.nodes.len());
    let mut next = 0;
    while next < order.len() {
        let src = order[next];
        next += 1;
        out.push(match tree.nodes[src as usize] {
            IrNode::Leaf { value } => LinkedNode { key: LEAF_KEY, value: encode_value(value, numeric), left: 0 },
            IrNode::Split { feature, threshold, default_left, left, right } => {
                let at = order.len() as u32;
                order.push(left);
                order.push(right);
                LinkedNode { key: split_key(feature, default_left), value: encode_threshold(threshold, numeric), left: at }
            }
            IrNode::CategorySplit { feature, set, default_left, left, right } => {
                let at = order.len() as u32;
                order.push(left);
                order.push(right);
                LinkedNode { key: split_key(feature, default_left) | CATEGORICAL, value: set_offsets[set as usize], left: at }
            }
        });
    }
    out
}
