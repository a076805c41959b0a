//! Linear models (XGBoost's `gblinear`): loading, with full validation, and prediction.
//!
//! Per output group `g` the margin starts at the group's base margin and adds `x[f] · w[f][g]`
//! for every present feature `f` (a NaN is missing and adds nothing), in feature order, each
//! product and each sum rounded to `f32` — the arithmetic of XGBoost's `GBLinear::Pred`, so
//! margins are bit-exact (docs/format.md §13). There is no fused multiply-add: Rust never
//! contracts `a + x * w`, on any target, and XGBoost's x86-64 builds do not either.

use mlc_format::manifest::{Linear, ModelManifest};
use mlc_format::names::FeatureNames;
use mlc_format::{ModelEntry, SectionKind};

use crate::error::{LoadError, PredictError};
use crate::link;
use crate::model::{check_one, records};
use crate::trees::MAX_GROUPS;

/// A validated linear model, executing in place from artifact bytes.
#[derive(Debug, Clone, Copy)]
pub struct LinearModel<'a> {
    info: Linear,
    num_features: usize,
    /// One base margin per group (`f32` bits).
    base: &'a [u32],
    /// `num_features × num_groups` weights (`f32` bits), feature-major.
    weights: &'a [u32],
    names: Option<FeatureNames<'a>>,
}

fn invalid(model: u32, what: &'static str) -> LoadError {
    LoadError::Invalid { model, part: None, what }
}

impl<'a> LinearModel<'a> {
    /// Loads model `entry`, whose manifest is `manifest` with linear body `info`, and checks
    /// that its sections hold what the manifest says (docs/format.md §13.3).
    pub fn load(entry: &ModelEntry<'a>, manifest: &ModelManifest<'_>, info: Linear) -> Result<Self, LoadError> {
        let m = entry.index;
        let num_features = manifest.num_features as usize;
        let groups = info.num_groups as usize;
        if num_features == 0 {
            return Err(invalid(m, "a linear model needs at least one feature"));
        }
        if groups == 0 || groups > MAX_GROUPS {
            return Err(invalid(m, "output group count must be between 1 and 64"));
        }
        if manifest.num_outputs != info.link.outputs(info.num_groups) {
            return Err(invalid(m, "output count does not match the link function"));
        }
        let base: &[u32] = entry.records(SectionKind::BaseMargin)?;
        if base.len() != groups {
            return Err(invalid(m, "base margin count differs from the group count"));
        }
        let weights: &[u32] = entry.records(SectionKind::LinearWeights)?;
        if Some(weights.len()) != num_features.checked_mul(groups) {
            return Err(invalid(m, "linear-weights does not hold features × groups weights"));
        }
        let names = entry.feature_names()?;
        if names.is_some_and(|n| n.len() != num_features) {
            return Err(invalid(m, "feature-names holds a different number of names than the model has features"));
        }
        Ok(LinearModel { info, num_features, base, weights, names })
    }

    /// Features per row.
    pub fn num_features(&self) -> usize {
        self.num_features
    }

    /// The names of the features, in feature order, if the artifact has them.
    pub fn feature_names(&self) -> Option<FeatureNames<'a>> {
        self.names
    }

    /// Margins per row (1, the number of classes or of targets).
    pub fn num_groups(&self) -> usize {
        self.info.num_groups as usize
    }

    /// Prediction values per row.
    pub fn num_outputs(&self) -> usize {
        self.info.link.outputs(self.info.num_groups) as usize
    }

    /// The model's shape as stored in the manifest.
    pub fn info(&self) -> Linear {
        self.info
    }

    /// Raw margins of one row into `out` (length [`LinearModel::num_groups`]). No heap.
    pub fn margins(&self, row: &[f32], out: &mut [f32]) -> Result<(), PredictError> {
        check_one(row, self.num_features, out, self.num_groups())?;
        self.margins_unchecked(row, out);
        Ok(())
    }

    /// Prediction of one row into `out` (length [`LinearModel::num_outputs`]). No heap.
    pub fn predict(&self, row: &[f32], out: &mut [f32]) -> Result<(), PredictError> {
        check_one(row, self.num_features, out, self.num_outputs())?;
        let mut margins = [0f32; MAX_GROUPS];
        let margins = &mut margins[..self.num_groups()];
        self.margins_unchecked(row, margins);
        link::apply(self.info.link, margins, out);
        Ok(())
    }

    /// Margins of `rows.len() / num_features` rows into `out`; returns the row count.
    pub fn margins_batch(&self, rows: &[f32], out: &mut [f32]) -> Result<usize, PredictError> {
        let n = self.check_batch(rows, out.len(), self.num_groups())?;
        for (row, o) in rows.chunks_exact(self.num_features).zip(out.chunks_exact_mut(self.num_groups())) {
            self.margins_unchecked(row, o);
        }
        Ok(n)
    }

    /// Predictions of `rows.len() / num_features` rows into `out`; returns the row count.
    pub fn predict_batch(&self, rows: &[f32], out: &mut [f32]) -> Result<usize, PredictError> {
        let (groups, outputs) = (self.num_groups(), self.num_outputs());
        let n = self.check_batch(rows, out.len(), outputs)?;
        if link::elementwise(self.info.link) {
            // One output per margin: margins in place, then the link over all of them.
            self.margins_batch(rows, out)?;
            link::apply_elementwise(self.info.link, out);
            return Ok(n);
        }
        let mut margins = [0f32; MAX_GROUPS];
        let margins = &mut margins[..groups];
        for (row, o) in rows.chunks_exact(self.num_features).zip(out.chunks_exact_mut(outputs)) {
            self.margins_unchecked(row, margins);
            link::apply(self.info.link, margins, o);
        }
        Ok(n)
    }

    fn check_batch(&self, rows: &[f32], out_len: usize, per_row: usize) -> Result<usize, PredictError> {
        records(rows.len(), self.num_features, out_len, per_row)
    }

    /// The margins of `row` (`num_features` values) into `out` (`num_groups`).
    fn margins_unchecked(&self, row: &[f32], out: &mut [f32]) {
        let groups = out.len();
        debug_assert!(row.len() == self.num_features && groups == self.num_groups());
        for (o, &b) in out.iter_mut().zip(self.base) {
            *o = f32::from_bits(b);
        }
        for (&x, w) in row.iter().zip(self.weights.chunks_exact(groups)) {
            if x.is_nan() {
                continue;
            }
            for (o, &w) in out.iter_mut().zip(w) {
                *o += x * f32::from_bits(w);
            }
        }
    }
}
