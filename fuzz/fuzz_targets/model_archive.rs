//! SageMaker's `model.tar.gz` reader (`import::archive::model_in`: gzip or not, the tar
//! entries, the choice of the one model member) on arbitrary bytes; a member it returns must be
//! one of the archive's files, and goes on through the XGBoost importer and the compiler
//! (`mlc_fuzz::compile_xgboost`). Seeds: the committed archives, gzip-compressed and not.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    use mlc_compiler::import::archive;
    if let Ok(member) = archive::model_in("m.tar", data) {
        assert!(!member.name.is_empty());
        assert!(member.bytes.len() as u64 <= archive::MAX_MEMBER);
        let name = format!("m.tar:{}", member.name);
        mlc_fuzz::compile_xgboost(&name, &member.bytes);
    }
});
