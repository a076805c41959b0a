//! The XGBoost importer on arbitrary bytes read as JSON (`xgboost::import("m.json", ..)`: serde_json
//! with arbitrary precision, the non-finite token rewrite, tree reconstruction), then, for models
//! it accepts, the compiler's lowering in every layout and arithmetic, checked for validity and
//! bit-exactness (`mlc_fuzz::compile_trees`). Seeds: the committed XGBoost JSON models.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mlc_compiler::import::xgboost;

fuzz_target!(|data: &[u8]| {
    if let Ok(ir) = xgboost::import("m.json", data) {
        mlc_fuzz::compile_trees(&ir);
    }
});
