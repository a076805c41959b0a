//! The XGBoost importer on arbitrary bytes read as a pickle (`xgboost::import("m.pkl", ..)`:
//! `import::joblib`'s inflation of compressed files, `import::pickle`'s machine with joblib's
//! arrays, the search for the Booster and its handle in
//! `import::xgboost_pickle`, then the document's reader and the importer), then, for models it
//! accepts, the whole compiler through its public entry point (`compile_models`) in every
//! layout and arithmetic, checked for validity and bit-exactness (`mlc_fuzz::compile_xgboost`).
//! Seeds: the committed pickles (XGBoost 0.90–3.2, protocols 0–5, a scikit-learn wrapper) and
//! `joblib.dump`'s files of the wrapper (numpy arrays between the opcodes; zlib-compressed).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    mlc_fuzz::compile_xgboost("m.pkl", data);
});
