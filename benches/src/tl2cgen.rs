//! The TL2cgen-generated C models, compiled and renamed by `build.rs`.
//!
//! Linked: `all_states` and every `peers/tl2cgen/states/<ST>/` present at build time, which is
//! the committed subset (`AK`, `TX`, `WY`) on a fresh clone and all 51 states after
//! `target/venv/bin/python tools/gen_tl2cgen.py` (see `peers/tl2cgen/README.md`).
//!
//! Each model's `predict(union Entry* data, int pred_margin, float* result)` *adds* its margin
//! (trees, then the intercept) into `result[0]` and, when `pred_margin == 0`, applies its
//! `postprocess` (the sigmoid `1 / (1 + expf(-x))`) in place.

use std::os::raw::c_int;

/// TL2cgen's input cell: `union Entry { int missing; float fvalue; int qvalue; }`.
#[repr(C)]
#[derive(Clone, Copy)]
pub union Entry {
    /// `-1` marks a missing value.
    pub missing: i32,
    /// The feature value when present.
    pub fvalue: f32,
}

impl Entry {
    /// The cell for `value`: NaN becomes `missing = -1`, as TL2cgen expects.
    pub fn from_f32(value: f32) -> Entry {
        if value.is_nan() {
            Entry { missing: -1 }
        } else {
            Entry { fvalue: value }
        }
    }
}

/// One row of the generated table (see `build.rs`).
pub struct RawModel {
    name: &'static str,
    predict: unsafe extern "C" fn(*mut Entry, c_int, *mut f32),
    num_feature: unsafe extern "C" fn() -> i32,
}

include!(concat!(env!("OUT_DIR"), "/tl2cgen_table.rs"));

/// A callable TL2cgen model. Cheap to copy (a name and two words).
#[derive(Clone, Copy)]
pub struct Tl2cModel {
    /// `all_states` or a state code.
    pub name: &'static str,
    predict: unsafe extern "C" fn(*mut Entry, c_int, *mut f32),
    num_features: usize,
}

impl Tl2cModel {
    fn new(raw: &RawModel) -> Tl2cModel {
        // SAFETY: `get_num_feature` takes no arguments and returns a constant.
        let num_features = unsafe { (raw.num_feature)() } as usize;
        Tl2cModel { name: raw.name, predict: raw.predict, num_features }
    }

    /// Number of input features.
    pub fn num_features(&self) -> usize {
        self.num_features
    }

    /// Probability of one row (`pred_margin = 0`: trees, intercept and sigmoid, all in C).
    #[inline]
    pub fn predict(&self, row: &[Entry]) -> f32 {
        self.call(row, 0)
    }

    /// Raw margin of one row (`pred_margin = 1`).
    #[inline]
    pub fn margin(&self, row: &[Entry]) -> f32 {
        self.call(row, 1)
    }

    #[inline]
    fn call(&self, row: &[Entry], pred_margin: c_int) -> f32 {
        assert_eq!(row.len(), self.num_features, "row length");
        let mut result = 0.0f32;
        // SAFETY: `row` holds `num_features` entries, which is all `predict` reads; it never
        // writes through `data` (the `*mut` is only the generated signature); `result` is one
        // float, the model's single output.
        unsafe { (self.predict)(row.as_ptr() as *mut Entry, pred_margin, &mut result) };
        result
    }
}

/// Every linked model: `all_states` first, then the states by name.
pub fn models() -> Vec<Tl2cModel> {
    MODELS.iter().map(Tl2cModel::new).collect()
}

/// The state codes whose per-state model is linked, sorted (a subset of
/// [`churn::state_names`](crate::churn::state_names) unless the C is stale).
pub fn linked_states() -> Vec<String> {
    MODELS.iter().skip(1).map(|m| m.name.to_string()).collect()
}

/// The linked model called `name`.
pub fn model(name: &str) -> Option<Tl2cModel> {
    MODELS.iter().find(|m| m.name == name).map(Tl2cModel::new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::churn;

    /// The state directories with a `main.c` under `peers/tl2cgen/states/` now, sorted.
    fn state_dirs() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("peers/tl2cgen/states");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.join("main.c").is_file())
            .map(|p| p.file_name().unwrap().to_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_present_churn_model_is_linked_under_its_own_name() {
        let names: Vec<&str> = models().iter().map(|m| m.name).collect();
        assert_eq!(names[0], "all_states");
        let linked = linked_states();
        assert_eq!(names[1..], linked.iter().map(String::as_str).collect::<Vec<_>>()[..]);
        // What build.rs found is what is in the tree: the committed subset, or all 51 states.
        assert_eq!(linked, state_dirs());
        assert!(!linked.is_empty());
        let states = churn::state_names().unwrap();
        assert!(linked.iter().all(|s| states.contains(s)), "{linked:?} not all in {states:?}");
        assert!(models().iter().all(|m| m.num_features() == churn::NUM_FEATURES));
    }

    #[test]
    fn all_states_matches_xgboost_and_applies_the_sigmoid() {
        let rows = churn::Rows::held_out().unwrap();
        let entries = rows.entries();
        let expected = churn::expected_all_states().unwrap();
        let all = model("all_states").unwrap();
        for (row, &(margin, prob)) in entries.chunks_exact(churn::NUM_FEATURES).zip(&expected).take(100) {
            let m = all.margin(row);
            assert!((m - margin).abs() <= 2e-6, "margin {m} vs {margin}");
            assert!((all.predict(row) - prob).abs() <= 2e-6);
            assert!((all.predict(row) - 1.0 / (1.0 + (-m).exp())).abs() <= 1e-6);
        }
    }

    #[test]
    fn nan_becomes_missing() {
        // SAFETY: reading the `int` view of a union built from either field is defined in C
        // and in Rust for this plain-data union.
        assert_eq!(unsafe { Entry::from_f32(f32::NAN).missing }, -1);
        assert_eq!(unsafe { Entry::from_f32(1.5).fvalue }, 1.5);
    }
}
