//! The tree ensembles' front end: the layout and the arithmetic chosen for the target, and the
//! check of the compiled model against the imported ensemble's own walk ([`IrEnsemble::margins`])
//! on probe rows at the model's thresholds or on the user's check rows.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use mlc_format::manifest::{Link, ModelBody, Numeric, TreeLayout};
use mlc_format::SectionKind;
use mlc_runtime::Model;

use super::{layout, IrEnsemble, IrNode};
use crate::error::CompileError;
use crate::frontend::{check_margins, Frontend, Lowered, ModelId, ModelReport};
use crate::options::CompileOptions;
use crate::probe::Xorshift;
use crate::target::Target;

/// Probe rows checked when the user gives no check rows.
const PROBE_ROWS: usize = 1000;

/// A tree ensemble with the layout and arithmetic chosen for the target.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedTrees {
    /// The imported ensemble.
    pub ir: IrEnsemble,
    /// Its layout.
    pub layout: TreeLayout,
    /// Its arithmetic.
    pub numeric: Numeric,
    /// Why this layout, for the report.
    pub why: String,
}

impl Frontend for PreparedTrees {
    type Imported = IrEnsemble;

    /// Fixed point where the target has no FPU (or the options ask for it), float otherwise; the
    /// layout of [`choose_layout`].
    fn prepare(model: &ModelId<'_>, ir: IrEnsemble, options: &CompileOptions) -> Result<Self, CompileError> {
        let file = model.file;
        let fixed = options.fixed_point.unwrap_or(!options.target.has_fpu());
        let numeric = if fixed {
            let frac_bits = layout::fixed_frac_bits(&ir).ok_or_else(|| CompileError::Layout {
                file: file.into(),
                what: "leaf values too large for 32-bit fixed point; compile with --numeric float".into(),
            })?;
            Numeric::Fixed { frac_bits }
        } else {
            Numeric::Float32
        };
        if ir.has_categories() && options.layout == Some(TreeLayout::Complete) {
            return Err(CompileError::Layout {
                file: file.into(),
                what: "the model has categorical splits, which only the linked layout holds; use --layout linked".into(),
            });
        }
        let (layout, why) = choose_layout(&ir, options.target, options.layout);
        if layout == TreeLayout::Complete && layout::cost(&ir).complete == usize::MAX {
            return Err(CompileError::Layout {
                file: file.into(),
                what: format!(
                    "trees deeper than {} levels cannot use the complete layout; use --layout linked",
                    mlc_runtime::trees::MAX_COMPLETE_DEPTH
                ),
            });
        }
        Ok(PreparedTrees { ir, layout, numeric, why })
    }

    fn lower(&self, options: &CompileOptions) -> Lowered<'_> {
        // The bitvector index feeds the batch kernels of x86-64 (AVX2, AVX-512) and aarch64
        // (NEON), the rank and bit indexes the x86-64 ones; microcontroller targets skip them.
        let target = options.target;
        let indexes = layout::Indexes { splits: target.has_tree_vector_kernels(), ranks: target.is_x86_64() };
        let (body, mut sections) = layout::lower(&self.ir, self.layout, self.numeric, indexes);
        // Feature names, where the model has them, come last (format 1.2, §6.4).
        if !self.ir.category_names.is_empty() {
            sections.push((SectionKind::FeatureCategories, mlc_format::names::encode_categories(&self.ir.category_names)));
        }
        if !self.ir.feature_names.is_empty() {
            sections.push((SectionKind::FeatureNames, mlc_format::names::encode(&self.ir.feature_names)));
        }
        Lowered {
            num_features: self.ir.num_features,
            num_outputs: body.link.outputs(body.num_groups),
            framework: &self.ir.framework,
            objective: &self.ir.objective,
            body: ModelBody::TreeEnsemble(body),
            sections,
        }
    }

    /// Margins of the compiled model against the ensemble's own walk; a float model must agree
    /// bit for bit.
    fn check(&self, model: &ModelId<'_>, compiled: &Model<'_>, options: &CompileOptions) -> Result<ModelReport, CompileError> {
        let ir = &self.ir;
        let mut max_delta = 0f64;
        let mut mismatches = 0;
        let rows = check_margins(
            model,
            compiled,
            options,
            || probe_rows(ir, PROBE_ROWS),
            |_, row, got| {
                let want = ir.margins(row);
                for (g, w) in got.iter().zip(&want) {
                    max_delta = max_delta.max((*g as f64 - *w as f64).abs());
                }
                mismatches += (decision(ir.link, got) != decision(ir.link, &want)) as usize;
                Ok(())
            },
        )?;
        if self.numeric == Numeric::Float32 && max_delta != 0.0 {
            return Err(CompileError::Internal(format!("float model `{}` differs from its source by {max_delta:e}", model.name)));
        }
        let source = if options.check_rows.is_some() { "check rows" } else { "probe rows at the model's thresholds" };
        let arithmetic = match self.numeric {
            Numeric::Float32 => "float32 (XGBoost's arithmetic: margins bit-exact)".to_string(),
            Numeric::Fixed { frac_bits } => format!("integer-only, leaves in Q{frac_bits} fixed point, exact comparisons"),
        };
        let mut text = String::new();
        let _ = write!(
            text,
            "{} trees, {} splits, {}; {}; vs float original on {} {}: max |Δmargin| = {:.3e}, decisions differ on {}",
            ir.trees.len(),
            ir.trees.iter().map(|t| t.split_count()).sum::<usize>(),
            self.why,
            arithmetic,
            rows,
            source,
            max_delta,
            mismatches
        );
        Ok(ModelReport {
            name: model.name.into(),
            text,
            max_margin_delta: max_delta,
            decision_mismatches: mismatches,
            check_rows: rows,
            warnings: Vec::new(),
        })
    }
}

/// The layout for `ir` on `target` (or the `forced` one), and why, for the report. Complete
/// trees walk branch-free; they pay for it with padding, taken only where memory allows.
pub fn choose_layout(ir: &IrEnsemble, target: Target, forced: Option<TreeLayout>) -> (TreeLayout, String) {
    let c = layout::cost(ir);
    if ir.has_categories() {
        // Only linked nodes can hold category sets (a forced complete layout is refused in
        // `prepare`).
        let sets = ir.category_sets.len();
        return (TreeLayout::LinkedCategorical, format!("layout LinkedCategorical: {sets} category sets; linked {} B", c.linked));
    }
    if let Some(l) = forced {
        return (l, format!("layout {l:?} (forced); complete {} B, linked {} B", c.complete, c.linked));
    }
    let (max_depth, factor) = if target.is_mcu() { (8, 2) } else { (12, 16) };
    let complete = c.depth <= max_depth && c.complete <= c.linked.saturating_mul(factor).max(if target.is_mcu() { 0 } else { 64 << 10 });
    let l = if complete { TreeLayout::Complete } else { TreeLayout::Linked };
    (l, format!("layout {l:?}: depth {}, complete {} B vs linked {} B on {target}", c.depth, c.complete, c.linked))
}

/// Rows that sit on, just below and just above the model's thresholds, plus missing values:
/// where a change of arithmetic would show first. Deterministic.
pub fn probe_rows(ir: &IrEnsemble, count: usize) -> Vec<Vec<f32>> {
    // Only the features the trees split on get values (others stay missing), and at most 2^24
    // values in all: a model may declare many more features than it uses.
    let mut per_feature: BTreeMap<u32, Vec<f32>> = BTreeMap::new();
    // Each set's probes once (sets are shared between nodes).
    let set_probes: Vec<Vec<f32>> = ir.category_sets.iter().map(|s| category_probes(s)).collect();
    for t in &ir.trees {
        for n in &t.nodes {
            match *n {
                IrNode::Split { feature, threshold, .. } => {
                    let up = f32::from_bits(threshold.to_bits().wrapping_add(1));
                    per_feature.entry(feature).or_default().extend([threshold, next_down(threshold), up]);
                }
                IrNode::CategorySplit { feature, set, .. } => {
                    per_feature.entry(feature).or_default().extend_from_slice(&set_probes[set as usize])
                }
                IrNode::Leaf { .. } => {}
            }
        }
    }
    let count = count.min((1usize << 24) / (ir.num_features as usize).max(1)).max(1);
    let mut random = Xorshift::new(0x2545_F491_4F6C_DD1D);
    (0..count)
        .map(|_| {
            (0..ir.num_features)
                .map(|f| {
                    let r = random.next_u64();
                    match per_feature.get(&f) {
                        Some(vals) if !r.is_multiple_of(16) => vals[(r >> 8) as usize % vals.len()],
                        _ => f32::NAN,
                    }
                })
                .collect()
        })
        .collect()
}

/// Values at a category set (header word first): its first categories, each with a fraction
/// and its neighbours, then values past its words and values that are no category.
fn category_probes(set: &[u32]) -> Vec<f32> {
    let words = &set[1..];
    let beyond = (32 * words.len()) as f32;
    // Empty words skipped: a sparse set of large categories costs its words, not 32 per word.
    let members = words
        .iter()
        .enumerate()
        .filter(|(_, &w)| w != 0)
        .flat_map(|(i, &w)| (0..32).filter(move |b| w >> b & 1 != 0).map(move |b| 32 * i as u32 + b));
    let mut out: Vec<f32> = members.take(16).flat_map(|c| [c as f32, c as f32 + 0.5, c as f32 + 1.0, c as f32 - 0.5]).collect();
    out.extend([beyond, beyond - 1.0, -0.0, -1.0, 16_777_216.0, f32::INFINITY]);
    out
}

/// The largest `f32` below `x` (for finite, non-zero positive or negative values; below 0, the
/// negative smallest subnormal).
fn next_down(x: f32) -> f32 {
    if x == 0.0 {
        return -f32::from_bits(1);
    }
    let b = x.to_bits();
    f32::from_bits(if x > 0.0 { b - 1 } else { b + 1 })
}

/// The class a model's margins decide: the argmax of several, the sign of one.
fn decision(link: Link, margins: &[f32]) -> usize {
    match link {
        Link::Softmax | Link::ArgMax => mlc_runtime::link::argmax(margins),
        _ => (margins[0] > 0.0) as usize,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trees::IrTree;

    /// One split on feature 1 at 0.5 of two features.
    fn stump() -> IrEnsemble {
        let nodes = vec![
            IrNode::Split { feature: 1, threshold: 0.5, default_left: true, left: 1, right: 2 },
            IrNode::Leaf { value: -1.0 },
            IrNode::Leaf { value: 1.0 },
        ];
        IrEnsemble {
            num_features: 2,
            num_groups: 1,
            objective: "binary:logistic".into(),
            link: Link::Sigmoid,
            base_margin: vec![0.0],
            trees: vec![IrTree { group: 0, nodes }],
            framework: "test".into(),
            feature_names: Vec::new(),
            category_names: Vec::new(),
            category_sets: Vec::new(),
        }
    }

    #[test]
    fn probe_rows_sit_at_the_thresholds() {
        let rows = probe_rows(&stump(), 200);
        assert_eq!(rows.len(), 200);
        let near = [0.5, next_down(0.5), f32::from_bits(0.5f32.to_bits() + 1)];
        for row in &rows {
            assert!(row[0].is_nan(), "feature 0 has no split: always missing");
            assert!(row[1].is_nan() || near.contains(&row[1]), "{}", row[1]);
        }
        for v in near {
            assert!(rows.iter().any(|r| r[1] == v), "{v} never probed");
        }
        assert!(rows.iter().any(|r| r[1].is_nan()), "missing values probed too");
        let bits = |rows: &[Vec<f32>]| rows.iter().flatten().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&probe_rows(&stump(), 200)), bits(&rows), "deterministic");
    }

    #[test]
    fn next_down_steps_one_ulp() {
        assert_eq!(next_down(1.0), f32::from_bits(0x3F7F_FFFF));
        assert_eq!(next_down(-1.0), f32::from_bits(0xBF80_0001));
        assert_eq!(next_down(0.0), -f32::from_bits(1));
    }

    #[test]
    fn layout_follows_target_and_force() {
        let ir = stump();
        assert_eq!(choose_layout(&ir, Target::Host, None).0, TreeLayout::Complete);
        let (l, why) = choose_layout(&ir, Target::CortexM0, Some(TreeLayout::Linked));
        assert_eq!(l, TreeLayout::Linked);
        assert!(why.contains("(forced)"), "{why}");
    }

    #[test]
    fn fixed_point_is_refused_for_huge_leaves() {
        let mut ir = stump();
        ir.trees[0].nodes[2] = IrNode::Leaf { value: 3e9 };
        let options = CompileOptions { fixed_point: Some(true), ..CompileOptions::default() };
        let id = ModelId { name: "m", file: "m.json" };
        let err = PreparedTrees::prepare(&id, ir, &options).unwrap_err().to_string();
        assert!(err.starts_with("m.json: leaf values too large"), "{err}");
    }
}
