//! The UBJSON parser (`ubjson::parse`, both non-finite modes) and the XGBoost importer on UBJSON
//! (`xgboost::import("m.ubj", ..)`), then the compiler's lowering of accepted models, as in the
//! JSON target. Seeds: the committed XGBoost UBJ models.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mlc_compiler::import::{ubjson, xgboost};

fuzz_target!(|data: &[u8]| {
    let _ = ubjson::parse(data);
    let _ = ubjson::parse_with(data, ubjson::NonFinite::Strings);
    if let Ok(ir) = xgboost::import("m.ubj", data) {
        mlc_fuzz::compile_trees(&ir);
    }
});
