//! The XGBoost importer on arbitrary bytes read as JSON (`xgboost::import("m.json", ..)`: serde_json
//! with arbitrary precision, the non-finite token rewrite, tree reconstruction), then, for models
//! it accepts, the whole compiler through its public entry point (`compile_models`) in every
//! layout and arithmetic, checked for validity and bit-exactness (`mlc_fuzz::compile_xgboost`).
//! Seeds: the committed XGBoost JSON models.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    mlc_fuzz::compile_xgboost("m.json", data);
});
