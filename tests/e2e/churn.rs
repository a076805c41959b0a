//! Churn models (XGBoost 3.2, `binary:logistic`): compiled output == XGBoost's output on the
//! 1,667 held-out rows and on 300 edge rows (values on thresholds, one ulp either side,
//! missing values), for the all-states model and the 51-model per-state bundle.

use mlc_compiler::Target;
use mlc_format::manifest::TreeLayout;
use mlc_format::Artifact;
use mlc_runtime::{Input, Model, Scratch};
use mlc_tests::{compile, fixture, options, read_csv, read_state_rows};

struct Case {
    rows: Vec<(String, Vec<f32>)>,
    expected_all: Vec<Vec<f32>>,
    expected_per_state: Vec<Vec<f32>>,
}

fn cases() -> Vec<(&'static str, Case)> {
    let load = |rows: &str, all: &str, per: &str| Case {
        rows: read_state_rows(&fixture(rows)),
        expected_all: read_csv(&fixture(all)),
        expected_per_state: read_csv(&fixture(per)),
    };
    vec![
        ("held-out", load("churn/heldout.csv", "churn/expected_all_states.csv", "churn/expected_per_state.csv")),
        ("edge", load("churn/edge.csv", "churn/expected_edge_all_states.csv", "churn/expected_edge_per_state.csv")),
    ]
}

fn states() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture("churn/models/states"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
        .collect();
    names.sort();
    names
}

/// Checks one model's margins and probabilities: bit-exact, hence the same decisions.
fn check(model: &Model<'_>, row: &[f32], expected: &[f32], what: &str) {
    let (mut margin, mut prob) = ([0f32], [0f32]);
    model.margins(Input::Rows(row), &mut Scratch::default(), &mut margin).unwrap();
    model.predict(Input::Rows(row), &mut Scratch::default(), &mut prob).unwrap();
    assert_eq!(margin[0].to_bits(), expected[0].to_bits(), "{what}: margin {} != XGBoost {}", margin[0], expected[0]);
    assert_eq!(prob[0].to_bits(), expected[1].to_bits(), "{what}: probability {} != XGBoost {}", prob[0], expected[1]);
}

#[test]
fn all_states_model_matches_xgboost_json_and_ubj_both_layouts() {
    for file in ["all_states.json", "all_states.ubj"] {
        for layout in [None, Some(TreeLayout::Complete), Some(TreeLayout::Linked)] {
            let mut opts = options(Target::Host, None);
            opts.layout = layout;
            let bytes = compile(&[fixture(&format!("churn/models/{file}")).display().to_string()], &opts);
            let artifact = Artifact::parse(&bytes).unwrap();
            let model = Model::by_name(&artifact, "all_states").unwrap();
            for (name, case) in cases() {
                assert_eq!(case.rows.len(), case.expected_all.len());
                for (i, ((_, row), want)) in case.rows.iter().zip(&case.expected_all).enumerate() {
                    check(&model, row, want, &format!("{file} {layout:?} {name} row {}", i + 1));
                }
            }
            println!("{file} {layout:?}: margins and probabilities bit-exact");
        }
    }
}

#[test]
fn per_state_bundle_routes_by_name_and_matches_xgboost() {
    for ext in ["json", "ubj"] {
        let specs: Vec<String> =
            states().iter().map(|s| format!("{s}={}", fixture(&format!("churn/models/states/{s}.{ext}")).display())).collect();
        assert_eq!(specs.len(), 51);
        let bytes = compile(&specs, &options(Target::Host, None));
        let artifact = Artifact::parse(&bytes).unwrap();
        assert_eq!(artifact.model_count(), 51);
        for (name, case) in cases() {
            for (i, ((state, row), want)) in case.rows.iter().zip(&case.expected_per_state).enumerate() {
                let model = Model::by_name(&artifact, state).unwrap_or_else(|e| panic!("{state}: {e}"));
                check(&model, row, want, &format!("{ext} bundle {name} row {} ({state})", i + 1));
            }
        }
        println!("per-state bundle ({ext}): margins and probabilities bit-exact");
    }
}

#[test]
fn batched_mode_equals_single_shot() {
    let bytes = compile(&[fixture("churn/models/all_states.json").display().to_string()], &options(Target::Host, None));
    let artifact = Artifact::parse(&bytes).unwrap();
    let model = Model::by_name(&artifact, "all_states").unwrap();
    let rows: Vec<(String, Vec<f32>)> = cases().into_iter().flat_map(|(_, c)| c.rows).collect();
    // Odd lengths cross the batch block boundary.
    for n in [1, 15, 16, 17, 100, rows.len()] {
        let flat: Vec<f32> = rows[..n].iter().flat_map(|(_, r)| r.iter().copied()).collect();
        let (mut margins, mut probs) = (vec![0f32; n], vec![0f32; n]);
        assert_eq!(model.margins(Input::Rows(&flat), &mut Scratch::default(), &mut margins).unwrap(), n);
        model.predict(Input::Rows(&flat), &mut Scratch::default(), &mut probs).unwrap();
        for (i, (_, row)) in rows[..n].iter().enumerate() {
            let (mut m, mut p) = ([0f32], [0f32]);
            model.margins(Input::Rows(row), &mut Scratch::default(), &mut m).unwrap();
            model.predict(Input::Rows(row), &mut Scratch::default(), &mut p).unwrap();
            assert_eq!(margins[i].to_bits(), m[0].to_bits(), "row {i} of {n}");
            assert_eq!(probs[i].to_bits(), p[0].to_bits(), "row {i} of {n}");
        }
    }
}

#[test]
fn integer_only_mode_makes_the_float_decisions() {
    let float_bytes = compile(&[fixture("churn/models/all_states.json").display().to_string()], &options(Target::Host, None));
    let float_artifact = Artifact::parse(&float_bytes).unwrap();
    let float = Model::by_name(&float_artifact, "all_states").unwrap();
    for target in [Target::CortexM3, Target::CortexM0] {
        let bytes = compile(&[fixture("churn/models/all_states.json").display().to_string()], &options(target, None));
        let artifact = Artifact::parse(&bytes).unwrap();
        let fixed = Model::by_name(&artifact, "all_states").unwrap();
        let Model::Trees(t) = fixed else { panic!("a tree model") };
        assert!(matches!(t.info().numeric, mlc_format::manifest::Numeric::Fixed { .. }), "{target} has no FPU");
        let (mut same, mut total, mut worst) = (0usize, 0usize, 0f32);
        for (_, case) in cases() {
            for (_, row) in &case.rows {
                let (mut a, mut b) = ([0f32], [0f32]);
                float.margins(Input::Rows(row), &mut Scratch::default(), &mut a).unwrap();
                fixed.margins(Input::Rows(row), &mut Scratch::default(), &mut b).unwrap();
                worst = worst.max((a[0] - b[0]).abs());
                same += ((a[0] > 0.0) == (b[0] > 0.0)) as usize;
                total += 1;
            }
        }
        println!("{target}: integer-only decisions equal float on {same}/{total} rows, max |Δmargin| {worst:e}");
        assert!(same as f64 >= 0.999 * total as f64, "{same}/{total}");
        assert!(worst < 1e-5, "fixed-point margin error {worst}");
    }
}

#[test]
fn compiling_twice_gives_identical_bytes() {
    let spec = [fixture("churn/models/all_states.ubj").display().to_string()];
    let a = compile(&spec, &options(Target::Host, None));
    let b = compile(&spec, &options(Target::Host, None));
    assert_eq!(&a[..], &b[..]);
}
