//! The UBJSON parser (`ubjson::parse`, both non-finite modes) and the XGBoost importer on UBJSON
//! (`xgboost::import("m.ubj", ..)`), then the whole compiler on accepted models through its public
//! entry point, as in the JSON target. Seeds: the committed XGBoost UBJ models.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mlc_compiler::import::ubjson;

fuzz_target!(|data: &[u8]| {
    let _ = ubjson::parse(data);
    let _ = ubjson::parse_with(data, ubjson::NonFinite::Strings);
    mlc_fuzz::compile_xgboost("m.ubj", data);
});
