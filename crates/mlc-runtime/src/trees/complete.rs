//! Kernels for complete-layout trees: `depth` branch-free steps per tree.
//!
//! A complete-layout model stores its `T` trees back to back: tree `t`'s nodes are
//! `nodes[t·S .. (t+1)·S]` with `S = 2^depth − 1`, in level order (children of local node `i`
//! are `2i+1` and `2i+2`), and its leaves are `leaves[t·(S+1) .. (t+1)·(S+1)]`. The loader
//! checked this shape, every node's feature index, and the lengths, so a walk of `depth`
//! steps from a root never leaves its tree.
//!
//! Rows without missing values (the common case) take a path with a single comparison per
//! step. Padding nodes (above leaves shallower than `depth`) have copies of the leaf on both
//! sides, so their comparison outcome never matters.

use mlc_format::records::{BitLanes, BitTree, LaneSteps, Node, RankChunk, RankTree, SplitRecord, TreeRecord, FEATURE_MASK};

use super::numeric::{decide, is_missing, Split};

/// Trees walked side by side: independent dependency chains let the CPU overlap their loads.
const LANES: usize = 10;

/// A validated complete-layout ensemble.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Forest<'a> {
    /// Exactly `trees.len() · (2^depth − 1)` nodes.
    pub nodes: &'a [Node],
    /// Exactly `trees.len() · 2^depth` leaf values.
    pub leaves: &'a [u32],
    /// Tree records (for the output group of each tree).
    pub trees: &'a [TreeRecord],
    /// Depth of every tree.
    pub depth: u32,
    /// The optional bitvector index (`tree-splits`), validated on every target, used by the
    /// x86-64 and aarch64 vector kernels.
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    pub splits: Option<Splits<'a>>,
    /// The optional rank index (format 1.3), validated on every target.
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    pub ranks: Option<Ranks<'a>>,
    /// The optional bit index (format 1.4 or 1.5, with `ranks`), set only where this CPU runs
    /// a single-row kernel over it (x86-64 with AVX-512 VBMI and BITALG, or with AVX2 and
    /// `tree-lane-steps`); validated on every target.
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    pub bits: Option<Bits<'a>>,
}

/// A validated bit index: one [`BitTree`] per tree, whose decision bits are the lanes of the
/// rank chunks (format 1.4, `tree-bit-nodes`, at most 32 chunks) or of dense lanes (format 1.5,
/// `tree-lane-nodes` over `tree-bit-lanes`).
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(crate) struct Bits<'a> {
    /// One per tree, in tree order.
    pub trees: &'a [BitTree],
    /// The dense lanes the trees' bits refer to; `None`: the rank chunks' lanes.
    pub lanes: Option<Lanes<'a>>,
    /// The kernel that runs them on this CPU.
    pub kernel: BitKernel,
}

/// The single-row kernel over a bit index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(crate) enum BitKernel {
    /// AVX-512 VBMI and BITALG (`bits.rs`), over the chunks' or the dense lanes.
    Avx512,
    /// AVX2 (`bytes.rs`), over the dense lanes with their [`Steps`].
    Avx2,
}

/// Validated comparison-byte steps (format 1.6, `tree-lane-steps`): one [`LaneSteps`] per tree,
/// every byte below 1024.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(crate) struct Steps<'a> {
    /// One per tree, in tree order.
    pub trees: &'a [LaneSteps],
    /// 32-byte blocks of each half (`B'`, `B`) that the steps read: every byte `s` they name
    /// has `(s mod 512) / 32 < blocks` (at most 16).
    pub blocks: usize,
}

/// Validated dense lanes (format 1.5, `tree-bit-lanes`): at most 32 records, features below the
/// feature count.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(crate) struct Lanes<'a> {
    /// Sixteen lanes a record.
    pub records: &'a [BitLanes],
    /// How many of the first records have 16 lanes that all name one feature (the compiler
    /// puts those first; the kernel broadcasts that feature's value for them).
    pub uniform: usize,
    /// The features the lanes name are all below this (≥ 1 with a record), so a kernel checks
    /// a row's length against it once.
    pub feature_bound: usize,
    /// The optional steps of the AVX2 kernel (format 1.6).
    pub steps: Option<Steps<'a>>,
}

/// A validated rank index (format 1.3, sections `tree-rank-chunks` and `tree-rank-nodes`):
/// one [`RankTree`] per tree, chunks of features < 64, at most 15 chunks per feature.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(crate) struct Ranks<'a> {
    /// Every feature's thresholds, 16 per chunk.
    pub chunks: &'a [RankChunk],
    /// One per tree, in tree order.
    pub trees: &'a [RankTree],
    /// The features the chunks name are all below this (0 without chunks), so a kernel checks
    /// a row's length against it once.
    pub feature_bound: usize,
}

/// A validated `tree-splits` index: tree `t`'s list `i` is
/// `records[index[4t + i] .. index[4t + i + 1]]` (see [`SplitRecord`]).
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(crate) struct Splits<'a> {
    /// All split records.
    pub records: &'a [SplitRecord],
    /// `4 × trees + 1` non-decreasing offsets, from 0 to `records.len()`.
    pub index: &'a [u32],
}

#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
impl<'a> Splits<'a> {
    /// List `i` (0..4) of tree `t`.
    #[inline]
    pub(crate) fn list(&self, t: usize, i: usize) -> &'a [SplitRecord] {
        &self.records[self.index[4 * t + i] as usize..self.index[4 * t + i + 1] as usize]
    }
}

/// One level down: `g` is a global node index of tree `t` (whose nodes start at `base = t·S`).
///
/// Callers guarantee `g < nodes.len()` (at most `depth` steps from a root, as above) and
/// `row.len()` = the model's feature count.
#[inline(always)]
fn step<N: Split, const PRESENT: bool>(nodes: &[Node], g: usize, base: usize, row: &[f32]) -> usize {
    debug_assert!(g < nodes.len());
    // SAFETY: `g = base + i` with local index `i < 2^level − 1 ≤ S` at every step of a walk of
    // `depth` steps, and the loader checked `nodes.len() == T·S` with `base = t·S`, `t < T`.
    let n = unsafe { *nodes.get_unchecked(g) };
    let f = (n.key & FEATURE_MASK) as usize;
    debug_assert!(f < row.len());
    // SAFETY: the loader checked `f < num_features` for every node, and callers pass rows of
    // exactly `num_features` values (`TreeModel::check_row` / `check_batch`).
    let x = unsafe { *row.get_unchecked(f) };
    // Local i → 2i + 1 + right, i.e. global g → 2g − base + 2 − left.
    2 * g + 2 - base - decide::<N, PRESENT>(x, n.key, n.threshold) as usize
}

/// Whether `values` hold no missing value.
#[inline]
fn all_present(values: &[f32]) -> bool {
    !values.iter().fold(false, |m, &x| m | is_missing(x))
}

impl Forest<'_> {
    /// Adds every tree's leaf for `row` to `acc[group]`, in tree order.
    pub(crate) fn accumulate_row<N: Split>(&self, row: &[f32], acc: &mut [N::Acc]) {
        if all_present(row) {
            self.walk_row::<N, true>(row, acc)
        } else {
            self.walk_row::<N, false>(row, acc)
        }
    }

    /// Batched: each row of `rows` (`features` values each) into its `groups` accumulators.
    pub(crate) fn accumulate_rows<N: Split>(&self, rows: &[f32], features: usize, groups: usize, acc: &mut [N::Acc]) {
        for (row, acc) in rows.chunks_exact(features).zip(acc.chunks_exact_mut(groups)) {
            self.accumulate_row::<N>(row, acc);
        }
    }

    fn walk_row<N: Split, const PRESENT: bool>(&self, row: &[f32], acc: &mut [N::Acc]) {
        let t_count = self.trees.len();
        let mut t0 = 0;
        // One output group (the common case): keep the running sum in a register.
        if let [sum] = acc {
            while t0 + LANES <= t_count {
                for v in self.walk_lanes::<N, PRESENT, LANES>(t0, row) {
                    *sum = N::add(*sum, v);
                }
                t0 += LANES;
            }
            while t0 + 4 <= t_count {
                for v in self.walk_lanes::<N, PRESENT, 4>(t0, row) {
                    *sum = N::add(*sum, v);
                }
                t0 += 4;
            }
            for t in t0..t_count {
                *sum = N::add(*sum, self.walk_lanes::<N, PRESENT, 1>(t, row)[0]);
            }
        } else {
            while t0 + 4 <= t_count {
                for (k, v) in self.walk_lanes::<N, PRESENT, 4>(t0, row).into_iter().enumerate() {
                    let g = self.trees[t0 + k].group as usize;
                    acc[g] = N::add(acc[g], v);
                }
                t0 += 4;
            }
            for t in t0..t_count {
                let g = self.trees[t].group as usize;
                acc[g] = N::add(acc[g], self.walk_lanes::<N, PRESENT, 1>(t, row)[0]);
            }
        }
    }

    /// The leaf values of trees `t0 .. t0 + L` for `row`, walked side by side.
    #[inline(always)]
    fn walk_lanes<N: Split, const PRESENT: bool, const L: usize>(&self, t0: usize, row: &[f32]) -> [N::Acc; L] {
        let s = (1usize << self.depth) - 1;
        let base: [usize; L] = core::array::from_fn(|k| (t0 + k) * s);
        let mut g = base;
        for _ in 0..self.depth {
            for k in 0..L {
                g[k] = step::<N, PRESENT>(self.nodes, g[k], base[k], row);
            }
        }
        // Leaf of tree t: t·(S+1) + (local − S), with global g = t·S + local.
        core::array::from_fn(|k| N::value(self.leaves[g[k] + t0 + k - s]))
    }
}
