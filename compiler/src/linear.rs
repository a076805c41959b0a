//! Linear models (XGBoost's `gblinear`): the intermediate form ([`IrLinear`]) and its front end
//! ([`PreparedLinear`]), which lowers it to the `base-margin` and `linear-weights` sections
//! (docs/format.md §13) and checks the compiled model against [`IrLinear::margins`].

use mlc_format::manifest::{Link, ModelBody};
use mlc_format::SectionKind;
use mlc_runtime::Model;

use crate::error::CompileError;
use crate::frontend::{check_margins, Frontend, Lowered, ModelId, ModelReport};
use crate::options::CompileOptions;
use crate::probe::Xorshift;

/// Probe rows checked when the user gives no check rows.
const PROBE_ROWS: usize = 1000;

/// An imported linear model: `margin[g] = (bias[g] + base_margin) + Σ x[f] · weights[f][g]` over
/// the present features in feature order, each step in `f32` (XGBoost's `GBLinear::Pred`), then
/// `link`.
#[derive(Debug, Clone, PartialEq)]
pub struct IrLinear {
    /// Number of input features.
    pub num_features: u32,
    /// Margins per row.
    pub num_groups: u32,
    /// The framework's objective name.
    pub objective: String,
    /// Function from margins to predictions.
    pub link: Link,
    /// Each group's bias.
    pub bias: Vec<f32>,
    /// The margin added to every group's bias (XGBoost adds the first value of `base_score`,
    /// in margin space, to each group's).
    pub base_margin: f32,
    /// `num_features × num_groups` weights, feature-major: weight `(f, g)` at
    /// `f · num_groups + g` (XGBoost's own order).
    pub weights: Vec<f32>,
    /// Framework name and version, e.g. `xgboost 3.2.0`.
    pub framework: String,
    /// The features' names in feature order, or empty when the model has none.
    pub feature_names: Vec<String>,
}

impl IrLinear {
    /// Each group's margin before any feature: `bias[g] + base_margin` in `f32`.
    pub fn start(&self) -> Vec<f32> {
        self.bias.iter().map(|&b| b + self.base_margin).collect()
    }

    /// Reference evaluation of one row's margins, group by group as XGBoost loops (the runtime
    /// goes feature by feature; each group's sum has the same order either way).
    pub fn margins(&self, row: &[f32]) -> Vec<f32> {
        let groups = self.num_groups as usize;
        let mut out = self.start();
        for (g, margin) in out.iter_mut().enumerate() {
            for (f, &x) in row.iter().enumerate() {
                if !x.is_nan() {
                    *margin += x * self.weights[f * groups + g];
                }
            }
        }
        out
    }
}

/// A linear model ready to lower: the arithmetic is always XGBoost's `f32` (software floating
/// point on targets without an FPU), so nothing is chosen per target.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedLinear {
    /// The imported model.
    pub ir: IrLinear,
    /// What the options asked that does not apply, for the report's warnings.
    pub notes: Vec<String>,
}

impl Frontend for PreparedLinear {
    type Imported = IrLinear;

    fn prepare(_: &ModelId<'_>, ir: IrLinear, options: &CompileOptions) -> Result<Self, CompileError> {
        let mut notes = Vec::new();
        if options.fixed_point == Some(true) {
            notes.push("a linear model computes in float32 (software floating point without an FPU); --numeric does not apply".into());
        }
        if let Some(layout) = options.layout {
            notes.push(format!("a linear model has no trees; --layout {layout:?} does not apply"));
        }
        Ok(PreparedLinear { ir, notes })
    }

    fn lower(&self, _: &CompileOptions) -> Lowered<'_> {
        let ir = &self.ir;
        let floats = |v: &[f32]| v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
        let mut sections = vec![(SectionKind::LinearWeights, floats(&ir.weights)), (SectionKind::BaseMargin, floats(&ir.start()))];
        if !ir.feature_names.is_empty() {
            sections.push((SectionKind::FeatureNames, mlc_format::names::encode(&ir.feature_names)));
        }
        let body = mlc_format::manifest::Linear { num_groups: ir.num_groups, link: ir.link };
        Lowered {
            num_features: ir.num_features,
            num_outputs: ir.link.outputs(ir.num_groups),
            framework: &ir.framework,
            objective: &ir.objective,
            body: ModelBody::Linear(body),
            sections,
        }
    }

    /// Margins of the compiled model against [`IrLinear::margins`]: they must agree bit for bit.
    fn check(&self, model: &ModelId<'_>, compiled: &Model<'_>, options: &CompileOptions) -> Result<ModelReport, CompileError> {
        let ir = &self.ir;
        let probes = || probe_rows(ir.num_features as usize, PROBE_ROWS);
        let rows = check_margins(model, compiled, options, probes, |n, row, got| {
            let want = ir.margins(row);
            if got.iter().zip(&want).any(|(g, w)| g.to_bits() != w.to_bits() && !(g.is_nan() && w.is_nan())) {
                return Err(CompileError::Internal(format!("linear model `{}` differs from its source on row {n}", model.name)));
            }
            Ok(())
        })?;
        let source = if options.check_rows.is_some() { "check rows" } else { "probe rows" };
        // Every margin is the original's to the bit (checked above), so every decision too.
        let text = format!(
            "linear model, {} features × {} groups; float32 (XGBoost's arithmetic: margins bit-exact); vs float original on {} {source}: max |Δmargin| = 0, decisions differ on 0",
            ir.num_features,
            ir.num_groups,
            rows,
        );
        Ok(ModelReport {
            name: model.name.into(),
            text,
            max_margin_delta: 0.0,
            decision_mismatches: 0,
            check_rows: rows,
            warnings: self.notes.clone(),
        })
    }
}

/// Rows of `features` values for the check: missing values, zeros of both signs and values of
/// every magnitude from 2^-20 to 2^20, both signs. Deterministic. At most 2^24 values in all.
fn probe_rows(features: usize, count: usize) -> Vec<Vec<f32>> {
    let count = count.min((1usize << 24) / features.max(1)).max(1);
    let mut random = Xorshift::new(0x9E37_79B9_7F4A_7C15);
    (0..count)
        .map(|_| {
            (0..features)
                .map(|_| {
                    let r = random.next_u64();
                    match r % 16 {
                        0 => f32::NAN,
                        1 => 0.0,
                        2 => -0.0,
                        _ => {
                            // Sign, exponent -20..=20 and 23 mantissa bits from the rest of `r`.
                            let exponent = ((r >> 8) % 41) as i32 - 20;
                            let mantissa = (r >> 16) as u32 & 0x7F_FFFF;
                            let sign = ((r >> 40) as u32 & 1) << 31;
                            f32::from_bits(sign | (((127 + exponent) as u32) << 23) | mantissa)
                        }
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two features, two groups.
    fn model() -> IrLinear {
        IrLinear {
            num_features: 2,
            num_groups: 2,
            objective: "multi:softprob".into(),
            link: Link::Softmax,
            bias: vec![0.5, -0.25],
            base_margin: 0.5,
            weights: vec![1.0, 2.0, -3.0, 0.5],
            framework: "test".into(),
            feature_names: Vec::new(),
        }
    }

    #[test]
    fn margins_start_at_bias_plus_base_and_skip_missing_features() {
        let m = model();
        assert_eq!(m.start(), [1.0, 0.25]);
        // Group 0: 1 + 2·1 + 1·(-3) = 0; group 1: 0.25 + 2·2 + 1·0.5 = 4.75.
        assert_eq!(m.margins(&[2.0, 1.0]), [0.0, 4.75]);
        assert_eq!(m.margins(&[f32::NAN, 1.0]), [-2.0, 0.75]);
        assert_eq!(m.margins(&[f32::NAN, f32::NAN]), [1.0, 0.25]);
    }

    #[test]
    fn each_product_is_rounded_before_the_sum() {
        // x = 1 + 2^-23, w = 2^-24 - 2^-48: x·w = 2^-24 + 2^-48 - 2^-71, which rounds to 2^-24,
        // and 1 + 2^-24 is a tie that rounds to even, 1; fused, 1 + x·w is above the tie and
        // rounds up to 1 + 2^-23.
        let x = 1.0 + f32::EPSILON;
        let w = (2f32).powi(-24) - (2f32).powi(-48);
        let m = IrLinear {
            num_features: 1,
            num_groups: 1,
            link: Link::Identity,
            bias: vec![1.0],
            base_margin: 0.0,
            weights: vec![w],
            ..model()
        };
        assert_eq!(m.margins(&[x]), [1.0]);
        assert_ne!(x.mul_add(w, 1.0), 1.0, "the fused sum would differ");
    }

    #[test]
    fn probe_rows_cover_missing_zeros_and_magnitudes() {
        let rows = probe_rows(4, 500);
        assert_eq!(rows.len(), 500);
        let values: Vec<f32> = rows.iter().flatten().copied().collect();
        assert!(values.iter().any(|x| x.is_nan()));
        assert!(values.iter().any(|x| x.to_bits() == (-0.0f32).to_bits()));
        assert!(values.iter().any(|&x| x != 0.0 && x.abs() < 1e-4) && values.iter().any(|&x| x.abs() > 1e4));
        assert!(values.iter().any(|&x| x < 0.0) && values.iter().any(|&x| x > 0.0));
        assert_eq!(
            probe_rows(4, 500).iter().flatten().map(|x| x.to_bits()).collect::<Vec<_>>(),
            values.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }
}
