//! Tree ensembles: loading (with full validation) and prediction.
//!
//! The layout and number encoding are chosen by the compiler (see `docs/format.md`):
//! * [`TreeLayout::Complete`]: every tree padded to the same depth `D`, level order, so a row
//!   walks `D` branch-free steps per tree; ten trees are walked interleaved for
//!   instruction-level parallelism.
//! * [`TreeLayout::Linked`]: explicit children, for deep or lopsided trees.
//! * [`TreeLayout::LinkedCategorical`]: the linked layout with category-set splits (XGBoost's
//!   categorical splits, [`mlc_format::categories`]).
//!
//! Leaves are always added in tree order onto the base margin, in `f32` (XGBoost's order, so
//! float margins are bit-exact) or in wrapping `i32` fixed point.

#[cfg(target_arch = "x86_64")]
mod avx2;
#[cfg(target_arch = "x86_64")]
mod avx512;
#[cfg(target_arch = "x86_64")]
mod bits;
#[cfg(target_arch = "x86_64")]
mod bytes;
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
mod columns;
mod complete;
#[cfg(target_arch = "x86_64")]
mod cpu;
mod linked;
#[cfg(target_arch = "aarch64")]
mod neon;
mod numeric;
#[cfg(target_arch = "x86_64")]
mod planes;
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
mod tiles;

use mlc_format::categories::{self, CATEGORICAL, CATEGORY_FEATURE_MASK};
#[cfg(target_arch = "x86_64")]
use mlc_format::manifest::Link;
use mlc_format::manifest::{ModelManifest, Numeric, TreeEnsemble, TreeLayout};
use mlc_format::names::{FeatureCategories, FeatureNames};
use mlc_format::records::{
    BitLanes, BitTree, LaneSteps, LinkedNode, Node, RankChunk, RankTree, SplitRecord, TreeRecord, FEATURE_MASK, LEAF_KEY,
};
use mlc_format::{ModelEntry, SectionKind};

use crate::error::{LoadError, PredictError};
use crate::link;
use numeric::{Fixed, Float, Split};

/// Most margins (output groups) a model may have; bounds the single-shot stack buffer.
pub const MAX_GROUPS: usize = 64;
/// Deepest complete-layout tree the runtime accepts (2^24 leaves per tree).
pub const MAX_COMPLETE_DEPTH: u32 = 24;
/// Rows per block of the portable batched path (margins of a block stay on the stack).
pub const BATCH_BLOCK: usize = 16;

/// Node storage of one model, borrowed from the artifact.
#[derive(Debug, Clone, Copy)]
enum Nodes<'a> {
    Complete(complete::Forest<'a>),
    /// `categories`: the `tree-categories` words of a [`TreeLayout::LinkedCategorical`] model.
    Linked {
        nodes: &'a [LinkedNode],
        categories: Option<&'a [u32]>,
    },
}

/// A validated tree ensemble, executing in place from artifact bytes.
#[derive(Debug, Clone, Copy)]
pub struct TreeModel<'a> {
    info: TreeEnsemble,
    num_features: usize,
    trees: &'a [TreeRecord],
    nodes: Nodes<'a>,
    base: &'a [u32],
    names: Option<FeatureNames<'a>>,
    categories: Option<FeatureCategories<'a>>,
}

/// The first `n` rows of a batch (`f` values each) with their outputs (one per row), and the
/// rest: the part a batch kernel takes and the part left for the next one.
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
#[allow(clippy::type_complexity)]
fn split_rows<'r, 'o>(rows: &'r [f32], out: &'o mut [f32], f: usize, n: usize) -> ((&'r [f32], &'o mut [f32]), (&'r [f32], &'o mut [f32])) {
    let (head, tail) = rows.split_at(n * f);
    let (out_head, out_tail) = out.split_at_mut(n);
    ((head, out_head), (tail, out_tail))
}

/// `slice[start..start + len]`, or `None` if out of range (overflow included).
fn range<T>(slice: &[T], start: u32, len: usize) -> Option<&[T]> {
    let start = start as usize;
    slice.get(start..start.checked_add(len)?)
}

/// The optional `tree-splits` index of a complete-layout model, checked: offsets in order and
/// in range, features in range, only for float models of depth ≤ 6. `None` also for an index
/// with a NaN threshold (valid, but not for the bitvector kernels: where missing values go left
/// they send a row right iff `x ≥ t`, false at a NaN `t`, where a present value goes right,
/// `!(x < NaN)`, docs/format.md §8.5; fuzz finding F10). Such a model's batches take the walk;
/// XGBoost writes no NaN threshold but for categorical splits, so a per-split fix-up in the
/// kernels (2–6 % of a batch) is not worth it.
fn load_splits<'a>(
    entry: &ModelEntry<'a>,
    trees: usize,
    depth: u32,
    num_features: usize,
    numeric: Numeric,
) -> Result<Option<complete::Splits<'a>>, LoadError> {
    let m = entry.index;
    let records: Option<&[SplitRecord]> = entry.optional_records(SectionKind::TreeSplits)?;
    let index: Option<&[u32]> = entry.optional_records(SectionKind::TreeSplitIndex)?;
    let (records, index) = match (records, index) {
        (None, None) => return Ok(None),
        (Some(r), Some(i)) => (r, i),
        _ => return Err(invalid(m, None, "tree-splits and tree-split-index must come together")),
    };
    if depth > 6 || numeric != Numeric::Float32 {
        return Err(invalid(m, None, "tree-splits only for float models of depth 6 or less"));
    }
    if index.len() != 4 * trees + 1 || index[0] != 0 || index[index.len() - 1] as usize != records.len() {
        return Err(invalid(m, None, "tree-split-index does not span tree-splits"));
    }
    if index.windows(2).any(|w| w[0] > w[1]) {
        return Err(invalid(m, None, "tree-split-index offsets decrease"));
    }
    if records.iter().any(|r| r.feature as usize >= num_features) {
        return Err(invalid(m, None, "tree-splits names a feature beyond the feature count"));
    }
    if records.iter().any(|r| f32::from_bits(r.threshold).is_nan()) {
        return Ok(None);
    }
    Ok(Some(complete::Splits { records, index }))
}

/// `bits` with the single-row kernel this CPU runs over them: the AVX-512 bit kernel, else the
/// AVX2 byte kernel where the model has its steps; `None`: neither (the portable walk).
#[cfg(target_arch = "x86_64")]
fn bit_kernel(bits: complete::Bits<'_>) -> Option<complete::Bits<'_>> {
    if bits::usable() {
        Some(complete::Bits { kernel: complete::BitKernel::Avx512, ..bits })
    } else if bits.lanes.is_some_and(|l| l.steps.is_some()) && bytes::usable() {
        Some(complete::Bits { kernel: complete::BitKernel::Avx2, ..bits })
    } else {
        None
    }
}

/// Other targets keep the portable walk.
#[cfg(not(target_arch = "x86_64"))]
fn bit_kernel(_: complete::Bits<'_>) -> Option<complete::Bits<'_>> {
    None
}

/// The optional bit index of a model with a rank index, checked: over the rank chunks (format
/// 1.4, `tree-bit-nodes`, at most 32 chunks) or over dense lanes (format 1.5, `tree-bit-lanes`
/// with `tree-lane-nodes`: at most 32 records, features below the feature count); one tree record
/// per tree, every byte index below 128 and every selector within its byte's 64-bit lane
/// (`select[b] / 8 == b % 8`). Where a model has both, the dense lanes are used. The optional
/// steps over dense lanes (format 1.6, `tree-lane-steps`): one record per tree, every byte below
/// 1024 (whether they agree with `tree-lane-nodes` is not checked, as for the other indexes:
/// the results of an artifact whose indexes disagree are unspecified but safe).
fn load_bits<'a>(
    entry: &ModelEntry<'a>,
    ranks: Option<&complete::Ranks<'a>>,
    trees: usize,
    num_features: usize,
) -> Result<Option<complete::Bits<'a>>, LoadError> {
    let m = entry.index;
    let chunk_trees = entry.optional_records::<BitTree>(SectionKind::TreeBitNodes)?;
    let records = entry.optional_records::<BitLanes>(SectionKind::TreeBitLanes)?;
    let lane_trees = entry.optional_records::<BitTree>(SectionKind::TreeLaneNodes)?;
    let steps = entry.optional_records::<LaneSteps>(SectionKind::TreeLaneSteps)?;
    let lanes = match (records, lane_trees) {
        (None, None) => None,
        (Some(records), Some(trees)) => Some((records, trees)),
        _ => return Err(invalid(m, None, "tree-bit-lanes and tree-lane-nodes must come together")),
    };
    if steps.is_some() && lanes.is_none() {
        return Err(invalid(m, None, "tree-lane-steps without tree-lane-nodes"));
    }
    let ranks = match (ranks, chunk_trees.is_some(), lanes.is_some()) {
        (_, false, false) => return Ok(None),
        (Some(ranks), _, _) => ranks,
        (None, true, _) => return Err(invalid(m, None, "tree-bit-nodes without a rank index")),
        (None, false, true) => return Err(invalid(m, None, "tree-bit-lanes without a rank index")),
    };
    // One record per tree, every byte index below 128, every selector within its byte's lane.
    let check_trees = |bits: &[BitTree], count: &'static str, lanes: &'static str| {
        let lane_ok = |t: &BitTree| t.index.iter().all(|&i| i < 128) && t.select.iter().enumerate().all(|(b, &s)| s as usize / 8 == b % 8);
        if bits.len() != trees {
            Err(invalid(m, None, count))
        } else if !bits.iter().all(lane_ok) {
            Err(invalid(m, None, lanes))
        } else {
            Ok(())
        }
    };
    if let Some(bits) = chunk_trees {
        check_trees(
            bits,
            "tree-bit-nodes holds a different number of trees",
            "tree-bit-nodes holds a byte index above 127 or a selector outside its lane",
        )?;
        if ranks.chunks.len() > 32 {
            return Err(invalid(m, None, "tree-bit-nodes with more than 32 rank chunks"));
        }
    }
    let Some((records, bits)) = lanes else {
        return Ok(chunk_trees.map(|trees| complete::Bits { trees, lanes: None, kernel: complete::BitKernel::Avx512 }));
    };
    check_trees(
        bits,
        "tree-lane-nodes holds a different number of trees",
        "tree-lane-nodes holds a byte index above 127 or a selector outside its lane",
    )?;
    if records.len() > 32 {
        return Err(invalid(m, None, "tree-bit-lanes holds more than 32 records"));
    }
    let feature_bound = records.iter().flat_map(|r| r.features).map(|f| f as usize + 1).max().unwrap_or(0);
    if feature_bound > num_features {
        return Err(invalid(m, None, "tree-bit-lanes names a feature beyond the feature count"));
    }
    let uniform = records.iter().take_while(|r| r.features.iter().all(|&f| f == r.features[0])).count();
    let steps = match steps {
        None => None,
        Some(steps) if steps.len() != trees => return Err(invalid(m, None, "tree-lane-steps holds a different number of trees")),
        Some(steps) => {
            // The highest byte a step names, and the highest within a half: per-entry maxima over
            // the trees (LLVM vectorizes the loop; a `flat_map` over every entry was not, 1 µs
            // more per load of a 20-tree model), reduced once.
            let (mut high, mut half) = ([0u16; 64], [0u16; 64]);
            for s in steps {
                for ((h, l), &b) in high.iter_mut().zip(&mut half).zip(&s.bytes) {
                    *h = (*h).max(b);
                    *l = (*l).max(b % 512);
                }
            }
            if high.iter().any(|&b| b >= 1024) {
                return Err(invalid(m, None, "tree-lane-steps names a byte beyond 1023"));
            }
            let blocks = half.iter().max().map_or(1, |&b| b as usize / 32 + 1);
            Some(complete::Steps { trees: steps, blocks })
        }
    };
    Ok(Some(complete::Bits {
        trees: bits,
        lanes: Some(complete::Lanes { records, uniform, feature_bound, steps }),
        kernel: complete::BitKernel::Avx512,
    }))
}

/// The optional rank index (format 1.3) of a complete-layout model, checked: one tree record
/// per tree, chunk features in range and at most 15 chunks per feature (ranks ≤ 240), only for
/// float models of depth ≤ 6 with one output group and ≤ 64 features.
fn load_ranks<'a>(
    entry: &ModelEntry<'a>,
    trees: usize,
    depth: u32,
    num_features: usize,
    info: &TreeEnsemble,
) -> Result<Option<complete::Ranks<'a>>, LoadError> {
    let m = entry.index;
    let chunks: Option<&[RankChunk]> = entry.optional_records(SectionKind::TreeRankChunks)?;
    let nodes: Option<&[RankTree]> = entry.optional_records(SectionKind::TreeRankNodes)?;
    let (chunks, nodes) = match (chunks, nodes) {
        (None, None) => return Ok(None),
        (Some(c), Some(n)) => (c, n),
        _ => return Err(invalid(m, None, "tree-rank-chunks and tree-rank-nodes must come together")),
    };
    if depth > 6 || info.numeric != Numeric::Float32 || info.num_groups != 1 || num_features > 64 {
        return Err(invalid(m, None, "tree ranks only for float single-output models of depth 6 or less, 64 features or fewer"));
    }
    if nodes.len() != trees {
        return Err(invalid(m, None, "tree-rank-nodes holds a different number of trees"));
    }
    let mut per_feature = [0u8; 64];
    for c in chunks {
        let f = c.feature as usize;
        if f >= num_features {
            return Err(invalid(m, None, "tree-rank-chunks names a feature beyond the feature count"));
        }
        per_feature[f] += 1;
        if per_feature[f] > 15 {
            return Err(invalid(m, None, "tree-rank-chunks holds more than 15 chunks of one feature"));
        }
    }
    let feature_bound = chunks.iter().map(|c| c.feature as usize + 1).max().unwrap_or(0);
    Ok(Some(complete::Ranks { chunks, trees: nodes, feature_bound }))
}

fn invalid(model: u32, tree: Option<u32>, what: &'static str) -> LoadError {
    LoadError::Invalid { model, part: tree.map(|t| ("tree", t)), what }
}

impl<'a> TreeModel<'a> {
    /// Loads model `entry`, whose manifest is `manifest` with tree body `info`, and checks every
    /// index the executor will use: tree ranges, node features, children, groups, leaf ranges.
    pub fn load(entry: &ModelEntry<'a>, manifest: &ModelManifest<'_>, info: TreeEnsemble) -> Result<Self, LoadError> {
        let m = entry.index;
        let num_features = manifest.num_features as usize;
        let groups = info.num_groups as usize;
        if num_features == 0 || num_features >= LEAF_KEY as usize {
            return Err(invalid(m, None, "feature count must be between 1 and 2^31 - 2"));
        }
        if groups == 0 || groups > MAX_GROUPS {
            return Err(invalid(m, None, "output group count must be between 1 and 64"));
        }
        if manifest.num_outputs != info.link.outputs(info.num_groups) {
            return Err(invalid(m, None, "output count does not match the link function"));
        }
        if let Numeric::Fixed { frac_bits } = info.numeric {
            if frac_bits > 30 {
                return Err(invalid(m, None, "fixed-point fraction bits above 30"));
            }
        }
        let trees: &[TreeRecord] = entry.records(SectionKind::TreeTable)?;
        let base: &[u32] = entry.records(SectionKind::BaseMargin)?;
        if trees.len() != info.num_trees as usize {
            return Err(invalid(m, None, "tree table length differs from the manifest's tree count"));
        }
        if base.len() != groups {
            return Err(invalid(m, None, "base margin count differs from the group count"));
        }
        let nodes = match info.layout {
            TreeLayout::Complete => {
                let nodes: &[Node] = entry.records(SectionKind::TreeNodes)?;
                let leaves: &[u32] = entry.records(SectionKind::TreeLeaves)?;
                let depth = trees.first().map_or(0, |t| t.depth as u32);
                if depth > MAX_COMPLETE_DEPTH {
                    return Err(invalid(m, None, "complete-layout depth above 24"));
                }
                let s = (1usize << depth) - 1;
                let (node_len, leaf_len) = (s.checked_mul(trees.len()), (s + 1).checked_mul(trees.len()));
                if node_len != Some(nodes.len()) || leaf_len != Some(leaves.len()) {
                    return Err(invalid(m, None, "complete-layout sections do not hold trees × 2^depth nodes and leaves"));
                }
                for (t, rec) in trees.iter().enumerate() {
                    let tr = Some(t as u32);
                    if rec.depth as u32 != depth {
                        return Err(invalid(m, tr, "complete-layout trees must all have the same depth"));
                    }
                    if rec.group as usize >= groups {
                        return Err(invalid(m, tr, "group out of range"));
                    }
                    if rec.node_count as usize != s || rec.node_start as usize != t * s || rec.leaf_start as usize != t * (s + 1) {
                        return Err(invalid(m, tr, "complete-layout trees must be stored back to back"));
                    }
                }
                if nodes.iter().any(|n| (n.key & FEATURE_MASK) as usize >= num_features) {
                    return Err(invalid(m, None, "split on a feature index beyond the feature count"));
                }
                let splits = load_splits(entry, trees.len(), depth, num_features, info.numeric)?;
                let ranks = load_ranks(entry, trees.len(), depth, num_features, &info)?;
                let bits = load_bits(entry, ranks.as_ref(), trees.len(), num_features)?.and_then(bit_kernel);
                Nodes::Complete(complete::Forest { nodes, leaves, trees, depth, splits, ranks, bits })
            }
            TreeLayout::Linked | TreeLayout::LinkedCategorical => {
                let nodes: &[LinkedNode] = entry.records(SectionKind::TreeNodes)?;
                let categorical = info.layout == TreeLayout::LinkedCategorical;
                let categories: Option<&[u32]> = entry.optional_records(SectionKind::TreeCategories)?;
                if categories.is_some() && !categorical {
                    return Err(invalid(m, None, "tree-categories only with the categorical layout"));
                }
                // A categorical layout's keys hold the feature in bits 0–29, so no split's key
                // can be LEAF_KEY.
                if categorical && num_features > CATEGORY_FEATURE_MASK as usize {
                    return Err(invalid(m, None, "the categorical layout takes at most 2^30 - 1 features"));
                }
                let feature_mask = if categorical { CATEGORY_FEATURE_MASK } else { FEATURE_MASK };
                // A categorical layout without the section has no words.
                let words = categories.unwrap_or(&[]);
                for (t, rec) in trees.iter().enumerate() {
                    let t = Some(t as u32);
                    if rec.group as usize >= groups {
                        return Err(invalid(m, t, "group out of range"));
                    }
                    let tree_nodes = range(nodes, rec.node_start, rec.node_count as usize).filter(|n| !n.is_empty()).ok_or(invalid(
                        m,
                        t,
                        "nodes out of range or empty tree",
                    ))?;
                    for (j, n) in tree_nodes.iter().enumerate() {
                        if n.key == LEAF_KEY {
                            continue;
                        }
                        if (n.key & feature_mask) as usize >= num_features {
                            return Err(invalid(m, t, "split on a feature index beyond the feature count"));
                        }
                        if categorical && n.key & CATEGORICAL != 0 {
                            categories::set_at(words, n.value).map_err(|what| invalid(m, t, what))?;
                        }
                        // Children after the parent: every walk ends within node_count steps.
                        let left = n.left as usize;
                        if left <= j || left >= tree_nodes.len() - 1 {
                            return Err(invalid(m, t, "child index out of order or out of range"));
                        }
                    }
                }
                if entry.section(SectionKind::TreeSplits)?.is_some() || entry.section(SectionKind::TreeSplitIndex)?.is_some() {
                    return Err(invalid(m, None, "tree-splits only with the complete layout"));
                }
                for kind in SectionKind::TREE_RANK_INDEXES {
                    if entry.section(kind)?.is_some() {
                        return Err(invalid(m, None, "tree ranks only with the complete layout"));
                    }
                }
                Nodes::Linked { nodes, categories: categorical.then_some(words) }
            }
        };
        // Feature names (format 1.2, optional): well formed, one per feature.
        let names = entry.feature_names()?;
        if names.is_some_and(|n| n.len() != num_features) {
            return Err(invalid(m, None, "feature-names holds a different number of names than the model has features"));
        }
        // Category names (format 1.9, optional): well formed, a list per feature.
        let categories = entry.feature_categories()?;
        if categories.is_some_and(|c| c.len() != num_features) {
            return Err(invalid(m, None, "feature-categories describes a different number of features than the model has"));
        }
        Ok(TreeModel { info, num_features, trees, nodes, base, names, categories })
    }

    /// Features per row.
    pub fn num_features(&self) -> usize {
        self.num_features
    }

    /// The names of the features, in feature order, if the artifact has them (format 1.2
    /// section `feature-names`; XGBoost's `feature_names`).
    pub fn feature_names(&self) -> Option<FeatureNames<'a>> {
        self.names
    }

    /// The category names of the categorical features, if the artifact has them (format 1.9
    /// section `feature-categories`; XGBoost 3.1+'s `cats`).
    pub fn feature_categories(&self) -> Option<FeatureCategories<'a>> {
        self.categories
    }

    /// Margins per row (1, or the number of classes).
    pub fn num_groups(&self) -> usize {
        self.info.num_groups as usize
    }

    /// Prediction values per row.
    pub fn num_outputs(&self) -> usize {
        self.info.link.outputs(self.info.num_groups) as usize
    }

    /// The ensemble's shape as stored in the manifest.
    pub fn info(&self) -> TreeEnsemble {
        self.info
    }

    /// Raw margins of one row into `out` (length [`TreeModel::num_groups`]). No heap.
    pub fn margins(&self, row: &[f32], out: &mut [f32]) -> Result<(), PredictError> {
        crate::model::check_one(row, self.num_features, out, self.num_groups())?;
        self.margins_unchecked(row, out);
        Ok(())
    }

    /// Prediction of one row into `out` (length [`TreeModel::num_outputs`]). No heap.
    pub fn predict(&self, row: &[f32], out: &mut [f32]) -> Result<(), PredictError> {
        // One margin, one output, a model and a CPU with the bit kernel: the kernel ends with
        // the link. Checked first, with nothing else on the way (the lowest latency: every
        // instruction before the kernel counts on one row); every other case out of line.
        #[cfg(target_arch = "x86_64")]
        if let (Nodes::Complete(forest), [o], true) = (&self.nodes, &mut *out, row.len() == self.num_features) {
            if link::elementwise(self.info.link) {
                // A bit index is only loaded for one output group, so one output here.
                debug_assert!(forest.bits.is_none() || self.num_outputs() == 1);
                if let Some(p) = self.bit_row(forest, row, self.info.link) {
                    *o = p;
                    return Ok(());
                }
            }
        }
        self.predict_other(row, out)
    }

    /// [`TreeModel::predict`] where the bit kernel does not take the row.
    #[inline(never)]
    fn predict_other(&self, row: &[f32], out: &mut [f32]) -> Result<(), PredictError> {
        crate::model::check_one(row, self.num_features, out, self.num_outputs())?;
        if let ([o], true) = (&mut *out, link::elementwise(self.info.link)) {
            // One margin, one output: the link on the value, inlined (no margins buffer).
            let mut margin = [0f32];
            self.margins_unchecked(row, &mut margin);
            *o = link::one(self.info.link, margin[0]);
            return Ok(());
        }
        let mut margins = [0f32; MAX_GROUPS];
        let margins = &mut margins[..self.num_groups()];
        self.margins_unchecked(row, margins);
        link::apply(self.info.link, margins, out);
        Ok(())
    }

    /// Margins of `rows.len() / num_features` rows into `out`; returns the row count.
    pub fn margins_batch(&self, rows: &[f32], out: &mut [f32]) -> Result<usize, PredictError> {
        let n = self.check_batch(rows, out.len(), self.num_groups())?;
        match self.info.numeric {
            Numeric::Float32 => self.batch_float(rows, out),
            Numeric::Fixed { frac_bits } => self.batch::<Fixed>(rows, out, frac_bits),
        }
        Ok(n)
    }

    /// Predictions of `rows.len() / num_features` rows into `out`; returns the row count.
    pub fn predict_batch(&self, rows: &[f32], out: &mut [f32]) -> Result<usize, PredictError> {
        let groups = self.num_groups();
        let outputs = self.num_outputs();
        let n = self.check_batch(rows, out.len(), outputs)?;
        if link::elementwise(self.info.link) {
            // One output per margin: margins in place, then the link over all of them.
            self.margins_batch(rows, out)?;
            link::apply_elementwise(self.info.link, out);
            return Ok(n);
        }
        // Margins block by block on the stack, then the link function per row.
        let mut margins = [0f32; BATCH_BLOCK * MAX_GROUPS];
        let block_rows = BATCH_BLOCK * MAX_GROUPS / groups;
        for (r, o) in rows.chunks(block_rows * self.num_features).zip(out.chunks_mut(block_rows * outputs)) {
            let rows_here = r.len() / self.num_features;
            let m = &mut margins[..rows_here * groups];
            match self.info.numeric {
                Numeric::Float32 => self.batch_float(r, m),
                Numeric::Fixed { frac_bits } => self.batch::<Fixed>(r, m, frac_bits),
            }
            for (mrow, orow) in m.chunks_mut(groups).zip(o.chunks_mut(outputs)) {
                link::apply(self.info.link, mrow, orow);
            }
        }
        Ok(n)
    }

    fn check_batch(&self, rows: &[f32], out_len: usize, per_row: usize) -> Result<usize, PredictError> {
        crate::model::records(rows.len(), self.num_features, out_len, per_row)
    }

    fn margins_unchecked(&self, row: &[f32], out: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        if let Nodes::Complete(forest) = &self.nodes {
            if let Some(m) = self.bit_row(forest, row, Link::Identity) {
                out[0] = m;
                return;
            }
        }
        match self.info.numeric {
            Numeric::Float32 => self.one::<Float>(row, out, 0),
            Numeric::Fixed { frac_bits } => self.one::<Fixed>(row, out, frac_bits),
        }
    }

    fn one<N: Split>(&self, row: &[f32], out: &mut [f32], frac_bits: u8) {
        let mut acc = [N::zero(); MAX_GROUPS];
        let acc = &mut acc[..self.base.len()];
        for (a, &b) in acc.iter_mut().zip(self.base) {
            *a = N::value(b);
        }
        match self.nodes {
            Nodes::Complete(forest) => forest.accumulate_row::<N>(row, acc),
            Nodes::Linked { nodes, categories } => linked::accumulate_row::<N>(self.trees, nodes, categories, row, acc),
        }
        for (o, &a) in out.iter_mut().zip(acc.iter()) {
            *o = N::to_f32(a, frac_bits);
        }
    }

    /// Float margins of a batch: whole 256-row blocks through the bit-plane kernel (AVX-512,
    /// models with a rank index), then whole blocks of rows through a bitvector kernel
    /// (AVX-512, 16 rows a block, else AVX2, 8 rows; NEON, 4 rows) where the CPU and the model
    /// allow it, the rest through the bit kernel or the portable kernels.
    fn batch_float(&self, rows: &[f32], out: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        if let Nodes::Complete(forest) = self.nodes {
            let f = self.num_features;
            let base = f32::from_bits(self.base[0]);
            let one = self.num_groups() == 1;
            // 256-row blocks through the bit-plane kernel where the model has a rank index (one
            // output group) and the CPU runs it; a last partial block too if it is large enough.
            let (rows, out) = if planes::usable(&forest, f) {
                let n = out.len();
                let rest = n % planes::ROWS;
                let taken = if rest >= planes::partial_min(forest.depth) { n } else { n - rest };
                let ((head, out_head), tail) = split_rows(rows, out, f, taken);
                // SAFETY: `usable` checked the CPU features and the kernel's limits; `out_head`
                // holds one value per row of `head`.
                unsafe { planes::margins(&forest, head, f, base, out_head) };
                tail
            } else {
                (rows, out)
            };
            let (rows, out) = if one && avx512::usable(&forest, f) {
                let ((head, out_head), (tail, out_tail)) = split_rows(rows, out, f, out.len() / avx512::ROWS * avx512::ROWS);
                // SAFETY: `usable` checked the CPU features and the kernel's limits; `head` holds
                // whole 16-row blocks and `out_head` one value per row.
                unsafe { avx512::margins(&forest, head, f, base, out_head) };
                if out_tail.len() >= avx512::PADDED_MIN {
                    // SAFETY: as above; fewer rows than a block.
                    return unsafe { avx512::margins_padded(&forest, tail, f, base, out_tail) };
                }
                (tail, out_tail)
            } else if one && avx2::usable(&forest, f) {
                let ((head, out_head), tail) = split_rows(rows, out, f, out.len() / avx2::ROWS * avx2::ROWS);
                // SAFETY: as above, for AVX2 and whole 8-row blocks.
                unsafe { avx2::margins(&forest, head, f, base, out_head) };
                tail
            } else {
                (rows, out)
            };
            // The rest (less than a block, or all rows without a batch kernel): the bit kernel
            // row by row where it runs.
            if forest.bits.is_some() {
                for (row, o) in rows.chunks_exact(f).zip(out.iter_mut()) {
                    *o = self.bit_row(&forest, row, Link::Identity).unwrap_or_default();
                }
                return;
            }
            return self.batch::<Float>(rows, out, 0);
        }
        #[cfg(target_arch = "aarch64")]
        if let Nodes::Complete(forest) = self.nodes {
            let f = self.num_features;
            if self.num_groups() == 1 && neon::usable(&forest, f) {
                let ((head, out_head), (tail, out_tail)) = split_rows(rows, out, f, out.len() / neon::ROWS * neon::ROWS);
                // SAFETY: `usable` checked the environment and the kernel's limits (NEON is
                // part of every aarch64 CPU with FP); `head` holds whole 4-row blocks and
                // `out_head` one value per row.
                unsafe { neon::margins(&forest, head, f, f32::from_bits(self.base[0]), out_head) };
                return self.batch::<Float>(tail, out_tail, 0);
            }
        }
        self.batch::<Float>(rows, out, 0)
    }

    /// The margin of `row` (`num_features` values) through the bit kernel and the
    /// [elementwise](link::elementwise) `link` (`Link::Identity` for the margin), where
    /// `forest` has a bit index (set only where the CPU runs the kernel).
    #[cfg(target_arch = "x86_64")]
    #[inline]
    fn bit_row(&self, forest: &complete::Forest<'_>, row: &[f32], link: Link) -> Option<f32> {
        let (ranks, bits) = (forest.ranks.as_ref()?, forest.bits.as_ref()?);
        // SAFETY: `bits` is only set where the CPU runs the kernel; the loader checked one bit
        // tree per tree, at most 32 rank chunks (for bits over them) or 32 dense lane records,
        // whose features are below the feature count (≤ 64), `leaves.len() == trees << depth`
        // and depth ≤ 6, and callers pass rows of `num_features` values.
        let base = f32::from_bits(self.base[0]);
        Some(match (bits.kernel, bits.lanes.as_ref().and_then(|l| l.steps.as_ref().map(|s| (l, s)))) {
            // SAFETY: as above, and the loader checked every step's byte below 1024 and computed
            // `blocks` from them.
            (complete::BitKernel::Avx2, Some((lanes, steps))) => unsafe { bytes::predict(lanes, steps, forest, row, base, link) },
            _ => unsafe { bits::predict(ranks, bits, forest, row, base, link) },
        })
    }

    fn batch<N: Split>(&self, rows: &[f32], out: &mut [f32], frac_bits: u8) {
        let f = self.num_features;
        let g = self.num_groups();
        let mut acc = [N::zero(); BATCH_BLOCK * MAX_GROUPS];
        // BATCH_BLOCK rows of at most MAX_GROUPS margins fit the accumulator.
        for (rows, out) in rows.chunks(BATCH_BLOCK * f).zip(out.chunks_mut(BATCH_BLOCK * g)) {
            let n = rows.len() / f;
            let acc = &mut acc[..n * g];
            for a in acc.chunks_mut(g) {
                for (a, &b) in a.iter_mut().zip(self.base) {
                    *a = N::value(b);
                }
            }
            match self.nodes {
                Nodes::Complete(forest) => forest.accumulate_rows::<N>(rows, f, g, acc),
                Nodes::Linked { nodes, categories } => {
                    for (row, a) in rows.chunks(f).zip(acc.chunks_mut(g)) {
                        linked::accumulate_row::<N>(self.trees, nodes, categories, row, a);
                    }
                }
            }
            for (o, &a) in out.iter_mut().zip(acc.iter()) {
                *o = N::to_f32(a, frac_bits);
            }
        }
    }
}
