//! The XGBoost importer on arbitrary bytes read as XGBoost's legacy binary model format
//! (`xgboost::import("m.model", ..)`: `import::xgboost_binary`'s reader, then the importer),
//! then, for models it accepts, the whole compiler through its public entry point
//! (`compile_models`) in every layout and arithmetic, checked for validity and bit-exactness
//! (`mlc_fuzz::compile_xgboost`). Seeds: the committed binary models (XGBoost 0.90–2.0).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    mlc_fuzz::compile_xgboost("m.model", data);
});
