//! The XGBoost importer on hostile input: any bytes give a model or an error, never a panic,
//! a hang or an unbounded allocation — truncated and bit-flipped JSON and UBJSON, and
//! structurally wrong trees (cycles, shared children, out-of-range indices, mismatched arrays).

use mlc_compiler::import::xgboost;
use mlc_tests::fixture;
use proptest::prelude::*;

fn model_bytes(ext: &str) -> Vec<u8> {
    std::fs::read(fixture(&format!("xgboost/3.2.0/binary_logistic.{ext}"))).unwrap()
}

#[test]
fn truncated_files_are_errors() {
    for ext in ["json", "ubj"] {
        let bytes = model_bytes(ext);
        for cut in (0..bytes.len()).step_by(61) {
            let file = format!("m.{ext}");
            assert!(xgboost::import(&file, &bytes[..cut]).is_err(), "{ext} cut at {cut} imported");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]
    #[test]
    fn mutated_files_never_panic(ext in prop_oneof![Just("json"), Just("ubj")], edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
        let mut bytes = model_bytes(ext);
        let n = bytes.len();
        for (at, v) in edits {
            bytes[at % n] = v;
        }
        let _ = xgboost::import(&format!("m.{ext}"), &bytes);
    }
}

/// Imports the JSON model after `edit` changed tree 0.
fn with_tree0(edit: impl FnOnce(&mut serde_json::Value)) -> Result<mlc_compiler::trees::IrEnsemble, mlc_compiler::ImportError> {
    let mut doc: serde_json::Value = serde_json::from_slice(&model_bytes("json")).unwrap();
    edit(&mut doc["learner"]["gradient_booster"]["model"]["trees"][0]);
    xgboost::from_value("m.json", &doc)?.trees("m.json")
}

#[test]
fn structurally_wrong_trees_are_errors_naming_the_tree() {
    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;
    let cases: [(&str, &str, Edit); 6] = [
        ("root is its own child", "out of range", Box::new(|t| t["left_children"][0] = 0.into())),
        ("a node shared by two parents", "reached twice", Box::new(|t| t["right_children"][0] = t["left_children"][0].clone())),
        ("child beyond the arrays", "out of range", Box::new(|t| t["right_children"][0] = 99_999.into())),
        ("feature beyond num_feature", "split feature", Box::new(|t| t["split_indices"][0] = 1_000_000.into())),
        ("arrays of different lengths", "differ in length", Box::new(|t| t["split_conditions"] = serde_json::json!([1.0]))),
        ("not an array", "not an array", Box::new(|t| t["default_left"] = "yes".into())),
    ];
    for (what, expect, edit) in cases {
        let err = with_tree0(edit).expect_err(what).to_string();
        assert!(err.contains(expect) && (err.contains("tree 0") || err.contains("trees[0]")), "{what}: {err}");
    }
}
