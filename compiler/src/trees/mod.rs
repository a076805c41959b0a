//! The tree-ensemble intermediate representation, its lowering to artifact sections
//! ([`layout`]) and the tree ensembles' front end ([`build`]).

pub mod bits;
pub mod build;
pub mod layout;
pub mod ranks;

use mlc_format::categories;
use mlc_format::manifest::Link;
use mlc_format::records::DEFAULT_LEFT;

/// A node of an imported tree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IrNode {
    /// `x[feature] < threshold` goes to `left`, otherwise `right`; a missing value goes left iff
    /// `default_left`.
    Split {
        /// Feature index.
        feature: u32,
        /// Threshold, exactly as the framework stores it.
        threshold: f32,
        /// Where a missing value goes.
        default_left: bool,
        /// Index of the left child in the tree's node list.
        left: u32,
        /// Index of the right child.
        right: u32,
    },
    /// XGBoost's categorical split: `x[feature]` read as a category
    /// ([`mlc_format::categories::category`]) goes right iff it is in the ensemble's category set
    /// `set` ([`IrEnsemble::category_sets`]); a missing value goes left iff `default_left`; the
    /// rest as [`mlc_format::categories::goes_left`] says.
    CategorySplit {
        /// Feature index.
        feature: u32,
        /// Index of the category set in [`IrEnsemble::category_sets`].
        set: u32,
        /// Where a missing value goes.
        default_left: bool,
        /// Index of the left child in the tree's node list.
        left: u32,
        /// Index of the right child.
        right: u32,
    },
    /// A leaf adding `value` to its group's margin.
    Leaf {
        /// Leaf value.
        value: f32,
    },
}

impl IrNode {
    /// The children of a split (left, right); `None` for a leaf.
    pub fn children(&self) -> Option<(u32, u32)> {
        match *self {
            IrNode::Split { left, right, .. } | IrNode::CategorySplit { left, right, .. } => Some((left, right)),
            IrNode::Leaf { .. } => None,
        }
    }

    /// The children of a split, to set them; `None` for a leaf.
    pub fn children_mut(&mut self) -> Option<(&mut u32, &mut u32)> {
        match self {
            IrNode::Split { left, right, .. } | IrNode::CategorySplit { left, right, .. } => Some((left, right)),
            IrNode::Leaf { .. } => None,
        }
    }
}

/// One tree; node 0 is the root. Every node is reachable and the tree is acyclic.
#[derive(Debug, Clone, PartialEq)]
pub struct IrTree {
    /// Output group (class) the tree adds to.
    pub group: u32,
    /// Nodes, root first.
    pub nodes: Vec<IrNode>,
}

impl IrTree {
    /// Length of the longest root-to-leaf path (a single leaf has depth 0).
    pub fn depth(&self) -> u32 {
        fn go(nodes: &[IrNode], i: u32) -> u32 {
            match nodes[i as usize].children() {
                None => 0,
                Some((left, right)) => 1 + go(nodes, left).max(go(nodes, right)),
            }
        }
        go(&self.nodes, 0)
    }

    /// Largest absolute leaf value.
    pub fn max_abs_leaf(&self) -> f32 {
        self.nodes
            .iter()
            .filter_map(|n| match n {
                IrNode::Leaf { value } => Some(value.abs()),
                IrNode::Split { .. } | IrNode::CategorySplit { .. } => None,
            })
            .fold(0.0, f32::max)
    }

    /// Number of split nodes.
    pub fn split_count(&self) -> usize {
        self.nodes.iter().filter(|n| n.children().is_some()).count()
    }
}

/// An imported tree ensemble: `margin[g] = base_margin[g] + Σ leaves of the trees of group g`,
/// added in tree order in `f32`, then `link`.
#[derive(Debug, Clone, PartialEq)]
pub struct IrEnsemble {
    /// Number of input features.
    pub num_features: u32,
    /// Margins per row.
    pub num_groups: u32,
    /// The framework's objective name.
    pub objective: String,
    /// Function from margins to predictions.
    pub link: Link,
    /// Starting margin of each group (already in margin space).
    pub base_margin: Vec<f32>,
    /// The trees, in the framework's order.
    pub trees: Vec<IrTree>,
    /// Framework name and version, e.g. `xgboost 3.2.0`.
    pub framework: String,
    /// The features' names in feature order (XGBoost's `feature_names`, unique), or empty
    /// when the model has none.
    pub feature_names: Vec<String>,
    /// Each feature's category names in code order (XGBoost 3.1+'s `cats`: a pandas
    /// category's strings, or its integers in decimal), empty for a feature without; empty
    /// when no feature has names.
    pub category_names: Vec<Vec<String>>,
    /// The category sets of the [`IrNode::CategorySplit`]s, each encoded as `tree-categories`
    /// holds it ([`mlc_format::categories::encode_set`]: header word, then the bit words).
    pub category_sets: Vec<Vec<u32>>,
}

impl IrEnsemble {
    /// Whether any tree has a categorical split (then only the linked layout holds it).
    pub fn has_categories(&self) -> bool {
        !self.category_sets.is_empty()
    }

    /// Reference evaluation of one row's margins: the plainest possible walk, used by the
    /// compiler's accuracy checks and by tests as the oracle for the runtime's kernels.
    pub fn margins(&self, row: &[f32]) -> Vec<f32> {
        let mut out = self.base_margin.clone();
        for tree in &self.trees {
            let mut i = 0usize;
            let value = loop {
                match tree.nodes[i] {
                    IrNode::Leaf { value } => break value,
                    IrNode::Split { feature, threshold, default_left, left, right } => {
                        let x = row[feature as usize];
                        let go_left = if x.is_nan() { default_left } else { x < threshold };
                        i = if go_left { left } else { right } as usize;
                    }
                    IrNode::CategorySplit { feature, set, default_left, left, right } => {
                        let key = if default_left { DEFAULT_LEFT } else { 0 };
                        let go_left = categories::goes_left(row[feature as usize], key, &self.category_sets[set as usize]);
                        i = if go_left { left } else { right } as usize;
                    }
                }
            };
            out[tree.group as usize] += value;
        }
        out
    }
}
