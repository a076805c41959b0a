//! Models saved by XGBoost 1.0, 1.2, 1.3, 1.5, 1.6, 1.7, 2.0, 2.1, 3.0, 3.1 and 3.2 (JSON; UBJ
//! from 1.6), every objective mlc supports (each from every version that has it): compiled output
//! == XGBoost's output on shared inputs (threshold rows and missing values included), categorical
//! splits included. Unsupported models fail with an error naming what is unsupported.

use std::path::Path;

use mlc_compiler::{CompileOptions, ModelSpec, Target};
use mlc_format::manifest::TreeLayout;
use mlc_format::Artifact;
use mlc_runtime::{Input, Model, Scratch};
use mlc_tests::{compile, fixture, options, read_csv, ulps};
use serde_json::Value;

/// Every version the fixtures have (each has `links.csv` and `softmax.csv`).
fn versions() -> Vec<String> {
    manifest()["versions"].as_object().unwrap().keys().cloned().collect()
}

fn manifest() -> Value {
    let text = std::fs::read_to_string(fixture("xgboost/MANIFEST.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn every_supported_model_of_every_version_matches_xgboost() {
    let manifest = manifest();
    let versions = manifest["versions"].as_object().unwrap();
    assert!(versions.len() >= 11, "fixtures for 1.0, 1.2, 1.3, 1.5, 1.6, 1.7, 2.0, 2.1, 3.0, 3.1, 3.2");
    let mut checked = 0;
    for (version, info) in versions {
        let inputs = read_csv(&fixture(&format!("xgboost/{version}/{}", info["inputs"].as_str().unwrap())));
        for (name, model_info) in info["models"].as_object().unwrap() {
            if !model_info["supported"].as_bool().unwrap() {
                continue;
            }
            // The categorical model's expected outputs read f3 as a pandas category: a value
            // that is not one of its categories 0..4 is missing there.
            let inputs: Vec<Vec<f32>> = if name == "categorical" {
                let category = |x: f32| if x.fract() == 0.0 && (0.0..5.0).contains(&x) { x } else { f32::NAN };
                inputs.iter().map(|r| r.iter().enumerate().map(|(i, &x)| if i == 3 { category(x) } else { x }).collect()).collect()
            } else {
                inputs.clone()
            };
            let expected = read_csv(&fixture(&format!("xgboost/{version}/{name}.expected.csv")));
            for ext in ["json", "ubj"] {
                let path = fixture(&format!("xgboost/{version}/{name}.{ext}"));
                if path.exists() {
                    assert_matches_xgboost(&path, name, &inputs, &expected, &options(Target::Host, None));
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 100, "only {checked} model files checked");
}

/// Compiles the model file `path` (model `name`) with `opts` and checks its margins and outputs
/// against XGBoost's (`expected`: margins then outputs per row) bit for bit, single-shot and
/// batched (vector kernels where the CPU has them).
fn assert_matches_xgboost(path: &Path, name: &str, inputs: &[Vec<f32>], expected: &[Vec<f32>], opts: &CompileOptions) {
    let file = path.strip_prefix(fixture("")).unwrap_or(path).display().to_string();
    let bytes = compile(&[path.display().to_string()], opts);
    let artifact = Artifact::parse(&bytes).unwrap();
    let model = Model::by_name(&artifact, name).unwrap();
    let (g, o) = (model.num_margins(), model.num_outputs());
    assert_eq!(inputs.len(), expected.len(), "{file}: rows");
    for (i, (row, want)) in inputs.iter().zip(expected).enumerate() {
        assert_eq!(want.len(), g + o, "{file}: expected-file width");
        let what = format!("{file} row {}", i + 1);
        let (mut m, mut p) = (vec![0f32; g], vec![0f32; o]);
        model.margins(Input::Rows(row), &mut Scratch::default(), &mut m).unwrap();
        model.predict(Input::Rows(row), &mut Scratch::default(), &mut p).unwrap();
        for k in 0..g {
            assert_eq!(m[k].to_bits(), want[k].to_bits(), "{what}: margin {k}: {} != XGBoost {}", m[k], want[k]);
        }
        for k in 0..o {
            let w = want[g + k];
            assert_eq!(p[k].to_bits(), w.to_bits(), "{what}: output {k}: {} != XGBoost {w}", p[k]);
        }
    }
    let flat: Vec<f32> = inputs.iter().flatten().copied().collect();
    let mut batch = vec![0f32; inputs.len() * g];
    model.margins(Input::Rows(&flat), &mut Scratch::default(), &mut batch).unwrap();
    for (i, want) in expected.iter().enumerate() {
        for k in 0..g {
            assert_eq!(batch[i * g + k].to_bits(), want[k].to_bits(), "{file} batched row {} margin {k}", i + 1);
        }
    }
    println!("{file}: margins and outputs bit-exact, single-shot and batched");
}

/// Categorical splits (`tests/fixtures/xgboost_categorical`, written by XGBoost 1.6.2 and 3.2.0,
/// partition and one-hot splits, a 51-category feature whose sets span two bit words) against
/// XGBoost's predictions for category codes given as numbers: every category, fractions, -0,
/// negatives, codes never seen in training inside and beyond a set's words, 2^24, 1e30 and
/// missing values. 1.6 sends the values that are no category, or lie beyond a set's words,
/// where missing values go, 3.2 sends them left: both versions are checked.
#[test]
fn categorical_splits_match_xgboost_on_every_kind_of_code() {
    let mut checked = 0;
    for version in ["1.6.2", "3.2.0"] {
        let dir = format!("xgboost_categorical/{version}");
        let inputs = read_csv(&fixture(&format!("{dir}/inputs.csv")));
        assert!(inputs.len() > 500, "{dir}: {} rows", inputs.len());
        for name in ["partition", "onehot"] {
            let expected = read_csv(&fixture(&format!("{dir}/{name}.expected.csv")));
            for ext in ["json", "ubj"] {
                let path = fixture(&format!("{dir}/{name}.{ext}"));
                assert_matches_xgboost(&path, name, &inputs, &expected, &options(Target::Host, None));
                // The linked layout asked for by name is the categorical one too.
                let linked = CompileOptions { layout: Some(TreeLayout::Linked), ..options(Target::Host, None) };
                assert_matches_xgboost(&path, name, &inputs, &expected, &linked);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 8);
}

/// XGBoost's legacy binary format (`save_model` to a name without `.json`/`.ubj`; written by
/// XGBoost 0.90 (`base_score` stored as the margin), 1.0.2 (no `binf` header), 1.5.2, 1.6.2,
/// 1.7.6 and 2.0.3: logistic, squared error, Poisson, 3-class softprob, dart and
/// a random forest) against XGBoost's predictions from the same files, bit for bit.
#[test]
fn legacy_binary_models_match_xgboost() {
    let mut checked = 0;
    for version in ["0.90", "1.0.2", "1.5.2", "1.6.2", "1.7.6", "2.0.3"] {
        let dir = format!("xgboost_binary/{version}");
        let inputs = read_csv(&fixture(&format!("{dir}/inputs.csv")));
        for name in ["binary_logistic", "reg_squarederror", "count_poisson", "multi_softprob", "dart", "random_forest"] {
            let expected = read_csv(&fixture(&format!("{dir}/{name}.expected.csv")));
            assert_matches_xgboost(&fixture(&format!("{dir}/{name}.model")), name, &inputs, &expected, &options(Target::Host, None));
            checked += 1;
        }
    }
    assert_eq!(checked, 36);
}

/// Pickled boosters (`pickle.dump(booster)`, how SageMaker's XGBoost containers before 1.3-1
/// save `xgboost-model`), written by XGBoost 0.90 (the handle is the legacy binary model), 1.0.2
/// (`CONFIG-offset:` serialisation), 1.5.2 (JSON snapshot), 1.7.6, 2.0.3 and 3.2.0 (UBJSON
/// snapshot), in pickle protocols 0 to 5, a model trained with feature names, a pickled
/// scikit-learn `XGBClassifier`, and SageMaker's
/// `model.tar.gz` of each version, against XGBoost's predictions from the unpickled boosters, bit
/// for bit.
#[test]
fn pickled_boosters_match_xgboost() {
    let mut checked = 0;
    for version in ["0.90", "1.0.2", "1.5.2", "1.7.6", "2.0.3", "3.2.0"] {
        let dir = format!("xgboost_pickle/{version}");
        let inputs = read_csv(&fixture(&format!("{dir}/inputs.csv")));
        for name in ["binary_logistic", "multi_softprob", "dart", "named"] {
            let expected = read_csv(&fixture(&format!("{dir}/{name}.expected.csv")));
            assert_matches_xgboost(&fixture(&format!("{dir}/{name}.pkl")), name, &inputs, &expected, &options(Target::Host, None));
            checked += 1;
        }
        // A scikit-learn XGBClassifier, pickled and saved by `joblib.dump` (before XGBoost 2.0
        // its `classes_` is a numpy array between the pickle's opcodes), plain and
        // zlib-compressed (`compress=3`).
        let expected = read_csv(&fixture(&format!("{dir}/sklearn_classifier.expected.csv")));
        for file in ["sklearn_classifier.pkl", "sklearn_classifier.joblib", "sklearn_classifier.joblib.z"] {
            let path = fixture(&format!("{dir}/{file}"));
            assert_matches_xgboost(&path, "sklearn_classifier", &inputs, &expected, &options(Target::Host, None));
            checked += 1;
        }
        // SageMaker's model.tar.gz: `xgboost-model` is the pickle (before 1.3) or `save_model`'s
        // file of binary_logistic; the model's name is the archive's stem.
        let expected = read_csv(&fixture(&format!("{dir}/binary_logistic.expected.csv")));
        assert_matches_xgboost(&fixture(&format!("{dir}/model.tar.gz")), "model", &inputs, &expected, &options(Target::Host, None));
        checked += 1;
    }
    assert_eq!(checked, 6 * 8);
    // Feature names: in the model from 1.3 on, before only in the Booster's Python attributes,
    // whence they come; XGBoost's default names (`f0`, …, of an unnamed matrix) are no names.
    for version in ["0.90", "1.0.2", "1.5.2", "3.2.0"] {
        for (name, want) in [("named", Some("account_length")), ("binary_logistic", None)] {
            let path = fixture(&format!("xgboost_pickle/{version}/{name}.pkl"));
            let bytes = compile(&[path.display().to_string()], &options(Target::Host, None));
            let artifact = Artifact::parse(&bytes).unwrap();
            let model = Model::by_name(&artifact, name).unwrap();
            let names = model.feature_names();
            assert_eq!(names.as_ref().and_then(|n| n.get(0)), want, "{version} {name}");
            assert_eq!(names.map_or(0, |n| n.len()), if want.is_some() { 6 } else { 0 }, "{version} {name}");
        }
    }
    // A booster inside a scikit-learn Pipeline (after a StandardScaler) is refused: compiled
    // alone, it would score unscaled rows.
    for version in ["0.90", "1.0.2", "1.5.2", "1.7.6", "2.0.3", "3.2.0"] {
        let spec = ModelSpec::parse(&fixture(&format!("xgboost_pickle/{version}/pipeline.pkl")).display().to_string()).unwrap();
        let err = mlc_compiler::compile(&[spec], &options(Target::Host, None)).unwrap_err().to_string();
        assert!(err.contains("the XGBoost Booster is part of sklearn.pipeline.Pipeline"), "{version}: {err}");
    }
}

/// An integer-only build (Cortex-M0, fixed point) takes the same branches at categorical splits:
/// its margins stay within the fixed point's rounding of XGBoost's.
#[test]
fn categorical_splits_run_integer_only() {
    let dir = "xgboost_categorical/3.2.0";
    let inputs = read_csv(&fixture(&format!("{dir}/inputs.csv")));
    let expected = read_csv(&fixture(&format!("{dir}/partition.expected.csv")));
    let bytes = compile(&[fixture(&format!("{dir}/partition.json")).display().to_string()], &options(Target::CortexM0, None));
    let artifact = Artifact::parse(&bytes).unwrap();
    let model = Model::by_name(&artifact, "partition").unwrap();
    let mut worst = 0f32;
    for (row, want) in inputs.iter().zip(&expected) {
        let mut m = [0f32];
        model.margins(Input::Rows(row), &mut Scratch::default(), &mut m).unwrap();
        worst = worst.max((m[0] - want[0]).abs());
    }
    // Ten leaves in Q-format fixed point: far below a leaf's size (a wrong branch moves a
    // margin by a leaf, about 0.1 or more).
    assert!(worst < 1e-5, "fixed point differs from XGBoost by {worst}");
}

/// A forced complete layout is refused for a model with categorical splits, naming the cause.
#[test]
fn categorical_splits_refuse_the_complete_layout() {
    let spec = ModelSpec::parse(&fixture("xgboost_categorical/3.2.0/partition.json").display().to_string()).unwrap();
    let opts = CompileOptions { layout: Some(TreeLayout::Complete), ..options(Target::Host, None) };
    let err = mlc_compiler::compile(&[spec], &opts).unwrap_err().to_string();
    assert!(err.contains("categorical splits") && err.contains("--layout linked"), "{err}");
}

/// The link of every supported objective kind against XGBoost's own predictions of a model with
/// no trees whose margins are set by `base_margin` (`links.csv`: random margins, special values,
/// and margins where `expf` and `exp` computed in `f64` round to different `f32`s): the link is
/// the one the importer gives that objective's fixture, applied by the runtime (`survival:aft`
/// takes `expf` up to XGBoost 2.0, `exp` in `f64` from 2.1).
#[test]
fn links_match_xgboost_on_margins_that_tell_them_apart() {
    let mut checked = 0;
    for version in versions() {
        let text = std::fs::read_to_string(fixture(&format!("xgboost/{version}/links.csv"))).unwrap();
        let mut links = std::collections::HashMap::new();
        for line in text.lines() {
            let [objective, margin, want] = line.split(',').collect::<Vec<_>>()[..] else { panic!("{line}") };
            let link = *links.entry(objective.to_string()).or_insert_with(|| {
                let name = objective.replace(':', "_");
                let bytes =
                    compile(&[fixture(&format!("xgboost/{version}/{name}.json")).display().to_string()], &options(Target::Host, None));
                let artifact = Artifact::parse(&bytes).unwrap();
                match artifact.model(0).unwrap().manifest().unwrap().body {
                    mlc_format::manifest::ModelBody::TreeEnsemble(t) => t.link,
                    body => panic!("{name}: {body:?}"),
                }
            });
            let (margin, want): (f32, f32) = (margin.parse().unwrap(), want.parse().unwrap());
            let mut out = [0f32];
            mlc_runtime::link::apply(link, &mut [margin], &mut out);
            // Equal bits, up to the sign of zero: before 1.3 XGBoost adds the margin to 0, so a
            // margin of -0 reaches the link as +0 (docs/format.md §11.4 allows either zero).
            let same = out[0].to_bits() == want.to_bits() || (out[0].is_nan() && want.is_nan()) || (out[0] == 0.0 && want == 0.0);
            assert!(same, "{version} {objective} ({link:?}) at margin {margin:e}: {} != XGBoost {want}", out[0]);
            checked += 1;
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// Softmax and argmax against XGBoost's `multi:softprob` and `multi:softmax` predictions of a
/// 3-class model with no trees whose margins are set by `base_margin` (`softmax.csv`: random,
/// large, tied, infinite and missing margins).
#[test]
fn softmax_and_argmax_match_xgboost_on_margins_set_by_base_margin() {
    use mlc_format::manifest::Link;
    let floats = |text: &str| text.split(';').map(|v| v.parse::<f32>().unwrap()).collect::<Vec<_>>();
    let same = |a: f32, b: f32| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan());
    let mut checked = 0;
    for version in versions() {
        let text = std::fs::read_to_string(fixture(&format!("xgboost/{version}/softmax.csv"))).unwrap();
        for line in text.lines() {
            let [margins, probabilities, class] = line.split(',').collect::<Vec<_>>()[..] else { panic!("{line}") };
            let (margins, want) = (floats(margins), floats(probabilities));
            let mut got = vec![0f32; 3];
            mlc_runtime::link::apply(Link::Softmax, &mut margins.clone(), &mut got);
            assert!(got.iter().zip(&want).all(|(a, b)| same(*a, *b)), "{version} softmax of {margins:?}: {got:?} != XGBoost {want:?}");
            let mut arg = [0f32];
            mlc_runtime::link::apply(Link::ArgMax, &mut margins.clone(), &mut arg);
            assert_eq!(arg[0], class.parse::<f32>().unwrap(), "{version} argmax of {margins:?}");
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked}");
}

fn compile_err(path: &std::path::Path) -> String {
    let spec = ModelSpec::parse(&path.display().to_string()).unwrap();
    let opts: CompileOptions = options(Target::Host, None);
    match mlc_compiler::compile(&[spec], &opts) {
        Ok(_) => panic!("{} compiled but must be rejected", path.display()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn unknown_booster_is_rejected_by_name() {
    let text = std::fs::read_to_string(fixture("xgboost/3.2.0/gblinear.json")).unwrap();
    let dir = std::env::temp_dir().join(format!("mlc-booster-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("made_up.json");
    std::fs::write(&path, text.replace("\"gblinear\"", "\"gbmade_up\"")).unwrap();
    let err = compile_err(&path);
    assert!(err.contains("booster `gbmade_up`") && err.contains("gblinear"), "{err}");
}

/// Linear models (`gblinear`; `tests/fixtures/xgboost_linear`, written by XGBoost 0.90 to
/// 3.2.0): logistic, squared error, Poisson and three-class softprob models saved as JSON,
/// UBJSON, the legacy binary format and a pickle, each compiled and predicted bit-exact with
/// the XGBoost that saved it, single-shot and batched, on rows with missing values, zeros of
/// both signs, subnormals and values up to 1e30 (XGBoost's outputs include `inf`). 3.2's
/// softprob model has one intercept per class and XGBoost starts every class at the first.
#[test]
fn linear_models_of_every_version_and_form_match_xgboost() {
    let root = fixture("xgboost_linear");
    let mut versions: Vec<_> = std::fs::read_dir(&root).unwrap().flatten().filter(|e| e.path().is_dir()).map(|e| e.path()).collect();
    versions.sort();
    assert!(versions.len() >= 9, "0.90 to 3.2.0");
    let mut checked = 0;
    for dir in &versions {
        let inputs = read_csv(&dir.join("inputs.csv"));
        for name in ["binary_logistic", "reg_squarederror", "count_poisson", "multi_softprob"] {
            let expected = read_csv(&dir.join(format!("{name}.expected.csv")));
            for ext in ["json", "ubj", "model", "pkl"] {
                let path = dir.join(format!("{name}.{ext}"));
                if path.exists() {
                    assert_matches_xgboost(&path, name, &inputs, &expected, &options(Target::Host, None));
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 112, "only {checked} linear model files");
}

/// A linear model computes in `f32` on every target: compiled for an FPU-less Cortex-M0 (whose
/// default for trees is integer-only) or with `--numeric fixed`, its margins stay bit-exact,
/// and the report says `--numeric` does not apply.
#[test]
fn linear_models_keep_float_arithmetic_on_every_target() {
    let dir = fixture("xgboost_linear/3.2.0");
    let inputs = read_csv(&dir.join("inputs.csv"));
    let expected = read_csv(&dir.join("multi_softprob.expected.csv"));
    let path = dir.join("multi_softprob.json");
    assert_matches_xgboost(&path, "multi_softprob", &inputs, &expected, &options(Target::CortexM0, None));
    let fixed = CompileOptions { fixed_point: Some(true), ..options(Target::Host, None) };
    assert_matches_xgboost(&path, "multi_softprob", &inputs, &expected, &fixed);
    let spec = ModelSpec::parse(&path.display().to_string()).unwrap();
    let report = &mlc_compiler::compile(&[spec], &fixed).unwrap().reports[0];
    assert!(report.warnings.iter().any(|w| w.contains("--numeric does not apply")), "{:?}", report.warnings);
    assert!(report.text.starts_with("linear model, 8 features × 3 groups"), "{}", report.text);
}

#[test]
fn unsupported_objective_is_rejected_by_name() {
    let text = std::fs::read_to_string(fixture("xgboost/3.2.0/binary_logistic.json")).unwrap();
    let dir = std::env::temp_dir().join(format!("mlc-obj-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("made_up.json");
    std::fs::write(&path, text.replace("\"binary:logistic\"", "\"reg:made_up\"")).unwrap();
    let err = compile_err(&path);
    assert!(err.contains("objective `reg:made_up`") && err.contains("survival:aft"), "{err}");
}

#[test]
fn sigmoid_is_within_two_ulp_of_the_c_library_formula() {
    // XGBoost's formula evaluated with the host's expf; bit-exactness vs XGBoost's recorded
    // outputs is asserted above, this bounds the link function on a dense grid of margins.
    let mut worst = 0;
    for x in (-2000..2000).map(|i| i as f32 * 0.01) {
        let want = 1.0 / (((-x).min(88.7)).exp() + 1.0 + 1e-16);
        worst = worst.max(ulps(mlc_runtime::link::sigmoid(x), want));
    }
    println!("sigmoid vs the C library's expf formula: within {worst} ulp");
    assert!(worst <= 2);
}

/// A linear model trained on named columns (a DataFrame) keeps XGBoost's `feature_names` in the
/// artifact (`feature-names`), as a tree model does, for CSV headers and DataFrames by name.
#[test]
fn linear_models_keep_feature_names() {
    let text = std::fs::read_to_string(fixture("xgboost/3.2.0/gblinear.json")).unwrap();
    let names = ["age", "plan", "calls", "minutes", "area", "state"];
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    let named = text.replacen("\"feature_names\":[]", &format!("\"feature_names\":[{}]", quoted.join(",")), 1);
    let input = mlc_compiler::ModelInput::new("m", mlc_compiler::ModelSource::XGBoost { file: "m.json".into(), bytes: named.into_bytes() });
    let compiled = mlc_compiler::compile_models(&[input], &options(Target::Host, None)).unwrap();
    let bytes = mlc_format::AlignedBytes::copy_from(&compiled.bytes);
    let artifact = Artifact::parse(&bytes).unwrap();
    let model = Model::by_name(&artifact, "m").unwrap();
    assert!(matches!(model, Model::Linear(_)));
    assert_eq!(model.feature_names().map(|n| n.iter().collect::<Vec<_>>()), Some(names.to_vec()));
}
