//! XGBoost importer: `Booster.save_model` files (JSON, UBJSON or the legacy binary format) and
//! pickled boosters, XGBoost 0.90 through 3.x.
//!
//! Semantics follow XGBoost's sources (see `../shared/notes/xgboost-format.md`):
//! * a node is a leaf iff `left_children[i] == -1`, and its value is `split_conditions[i]`;
//! * a split sends `x < split_conditions[i]` (in `f32`) left, a missing value to
//!   `default_left[i]`; numbers are parsed from their text straight to `f32`, never via `f64`;
//! * `base_score` is a scalar string (`"5E-1"`, ≤ 3.0) or an array string (`"[1.4E-1]"`, 3.1+),
//!   in probability space: the margin is `logit` for logistic objectives, `log` for
//!   Poisson/gamma/Tweedie/Cox/AFT and the value itself otherwise; the links are those of the
//!   XGBoost version that saved the model (`survival:aft`: `expf` up to 2.0, `exp` in `f64` from 2.1;
//!   before 1.3 the base margin is added after the trees, as a last one-leaf tree per group);
//! * `dart` trees are scaled by `weight_drop` as XGBoost does at prediction time;
//! * several targets (`num_target`) with one output per tree are groups, as classes are;
//! * categorical splits (`split_type` 1) send the node's categories right
//!   ([`IrNode::CategorySplit`], the values being category codes); a value that is no category
//!   goes left, in 1.6 where missing values go (`mlc_format::categories`);
//! * a vector-leaf tree (`size_leaf_vector` > 1) becomes one tree per target, same splits;
//! * deleted and unreachable nodes are dropped; unsupported objectives are rejected by name;
//! * `gblinear` becomes a linear model ([`IrLinear`]): each group starts at its bias plus the
//!   first `base_score` (in margin space) and adds `x · w` per present feature, in `f32`.

use std::collections::HashMap;

use serde_json::Value;

use super::{joblib, pickle, ubjson, xgboost_binary, xgboost_pickle};
use crate::error::ImportError;
use crate::linear::IrLinear;
use crate::trees::{IrEnsemble, IrNode, IrTree};
use mlc_format::categories;
use mlc_format::manifest::Link;

/// How `base_score` turns into a margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BaseTransform {
    Identity,
    Logit,
    Log,
}

/// The objectives [`objective_link`] knows, for error messages (a unit test checks the two agree).
const OBJECTIVES: [&str; 20] = [
    "binary:logistic",
    "binary:logitraw",
    "binary:hinge",
    "reg:logistic",
    "reg:squarederror",
    "reg:linear",
    "reg:squaredlogerror",
    "reg:pseudohubererror",
    "reg:absoluteerror",
    "reg:quantileerror",
    "count:poisson",
    "reg:gamma",
    "reg:tweedie",
    "survival:cox",
    "survival:aft",
    "rank:pairwise",
    "rank:ndcg",
    "rank:map",
    "multi:softprob",
    "multi:softmax",
];

/// The link function and base-score transform of each supported objective, as the XGBoost
/// `version` (major, minor) that saved the model predicts.
fn objective_link(name: &str, version: [u64; 2]) -> Option<(Link, BaseTransform)> {
    Some(match name {
        // XGBoost 1.6 and later clamp the sigmoid's exponent at 88.7; earlier versions do not
        // (measured: a margin of -100 gives 3.0e-39 from 1.6.2 on and 0 with 1.3.3 and 1.5.2).
        "binary:logistic" | "reg:logistic" if version >= [1, 6] => (Link::Sigmoid, BaseTransform::Logit),
        "binary:logistic" | "reg:logistic" => (Link::SigmoidUnclamped, BaseTransform::Logit),
        // Before 1.3 `binary:logitraw` takes the logit of `base_score` as `binary:logistic` does
        // (measured: a base_score of 0.3 gives a margin of -0.847 with 1.0.2 and 1.2.1, 0.3 from
        // 1.3.3 on).
        "binary:logitraw" if version >= [1, 3] => (Link::Identity, BaseTransform::Identity),
        "binary:logitraw" => (Link::Identity, BaseTransform::Logit),
        // Margins as they are: the regression losses, quantiles (several are targets), and the
        // ranking scores.
        "reg:squarederror"
        | "reg:linear"
        | "reg:squaredlogerror"
        | "reg:pseudohubererror"
        | "reg:absoluteerror"
        | "reg:quantileerror"
        | "rank:pairwise"
        | "rank:ndcg"
        | "rank:map" => (Link::Identity, BaseTransform::Identity),
        // `expf` of the margin (the hazard ratio for `survival:cox`), `log` of `base_score`.
        "count:poisson" | "reg:gamma" | "reg:tweedie" | "survival:cox" => (Link::Exp, BaseTransform::Log),
        // XGBoost 2.1 and later compute this `exp` in `f64` (C's `exp` of the widened margin),
        // which differs from `expf` on about 6 in 10,000 margins; 1.7 and 2.0 use `expf`
        // (measured on 200,000 margins with 1.7.6, 2.0.3, 2.1.4 and 3.2.0).
        "survival:aft" if version >= [2, 1] => (Link::ExpF64, BaseTransform::Log),
        "survival:aft" => (Link::Exp, BaseTransform::Log),
        "binary:hinge" => (Link::Hinge, BaseTransform::Identity),
        "multi:softprob" => (Link::Softmax, BaseTransform::Identity),
        "multi:softmax" => (Link::ArgMax, BaseTransform::Identity),
        _ => return None,
    })
}

/// Reads a model file: a pickled booster ([`xgboost_pickle`]), or what `save_model` writes
/// ([`document`]).
/// A file that `joblib.dump` compressed is inflated first ([`joblib::inflated`]).
pub fn import(file: &str, bytes: &[u8]) -> Result<Booster, ImportError> {
    let pickle_name = is_pickle_name(file);
    let inflated = joblib::inflated(file, bytes, pickle_name)?;
    let bytes = inflated.as_deref().unwrap_or(bytes);
    let doc = if pickle::is_pickle(bytes) || pickle_name { xgboost_pickle::document(file, bytes)? } else { document(file, bytes)? };
    from_value(file, &doc)
}

/// Whether the file's name says it is a pickle (joblib's files are pickles too), compressed as
/// joblib names them (`model.joblib.gz`) or not.
fn is_pickle_name(file: &str) -> bool {
    joblib::without_compression(file).rsplit_once('.').is_some_and(|(_, ext)| joblib::is_one_of(ext, &joblib::PICKLE_EXTENSIONS))
}

/// The document of a `save_model` file: JSON or UBJSON (told by the extension, `.json` or
/// `.ubj`, or failing that by the bytes), or the legacy binary format.
pub(crate) fn document(file: &str, bytes: &[u8]) -> Result<Value, ImportError> {
    // XGBoost's deprecated binary format (`save_model` to a name without `.json`/`.ubj`
    // before 2.1): `binf` from 1.1 on, 1.0's learner parameters (a float first) before that.
    if xgboost_binary::is_binary(bytes) {
        return xgboost_binary::to_document(file, bytes);
    }
    let is_ubj = if file.ends_with(".ubj") {
        true
    } else if file.ends_with(".json") {
        false
    } else {
        // JSON continues `{` with whitespace or a quote; UBJSON with a length-type marker.
        !matches!(bytes.iter().copied().nth(1), Some(b'"' | b' ' | b'\n' | b'\r' | b'\t' | b'}'))
    };
    // Non-finite numbers (XGBoost 1.7–2.1 write a bare `NaN` threshold on categorical nodes)
    // become strings, so the model is rejected for what it is, naming tree and node.
    if is_ubj {
        return ubjson::parse_with(bytes, ubjson::NonFinite::Strings).map_err(|e| ImportError::parse(file, e.to_string()));
    }
    match serde_json::from_slice(bytes) {
        Ok(doc) => Ok(doc),
        Err(e) => serde_json::from_slice(&quote_non_finite(bytes)).map_err(|_| ImportError::parse(file, format!("JSON: {e}"))),
    }
}

/// Puts quotes around the non-JSON tokens `NaN`, `Infinity` and `-Infinity` outside strings.
fn quote_non_finite(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() + 16);
    let (mut in_string, mut escaped) = (false, false);
    let mut i = 0;
    while i < json.len() {
        let c = json[i];
        if in_string {
            in_string = escaped || c != b'"';
            escaped = !escaped && c == b'\\';
        } else if let Some(token) = [&b"NaN"[..], b"Infinity", b"-Infinity"].into_iter().find(|t| json[i..].starts_with(t)) {
            out.push(b'"');
            out.extend_from_slice(token);
            out.push(b'"');
            i += token.len();
            continue;
        } else {
            in_string = c == b'"';
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A path-tracking view of the document, for error messages like
/// `learner.gradient_booster.model.trees[3].split_conditions`.
struct At<'v> {
    v: &'v Value,
    path: String,
}

impl<'v> At<'v> {
    fn key(&self, file: &str, k: &str) -> Result<At<'v>, ImportError> {
        let path = format!("{}.{}", self.path, k);
        match self.v.get(k) {
            Some(v) => Ok(At { v, path }),
            None => Err(ImportError::parse(file, format!("missing key `{path}`"))),
        }
    }
    fn opt_key(&self, k: &str) -> Option<At<'v>> {
        self.v.get(k).map(|v| At { v, path: format!("{}.{}", self.path, k) })
    }
    fn str(&self, file: &str) -> Result<&'v str, ImportError> {
        self.v.as_str().ok_or_else(|| ImportError::parse(file, format!("`{}` is not a string", self.path)))
    }
    fn array(&self, file: &str) -> Result<&'v [Value], ImportError> {
        self.v.as_array().map(|a| a.as_slice()).ok_or_else(|| ImportError::parse(file, format!("`{}` is not an array", self.path)))
    }
    /// An integer stored as a number or as a numeric string (XGBoost writes both).
    fn int(&self, file: &str) -> Result<i64, ImportError> {
        int_of(self.v).ok_or_else(|| ImportError::parse(file, format!("`{}` is not an integer", self.path)))
    }
    fn ints(&self, file: &str) -> Result<Vec<i64>, ImportError> {
        self.array(file)?
            .iter()
            .enumerate()
            .map(|(i, v)| int_of(v).ok_or_else(|| ImportError::parse(file, format!("`{}[{i}]` is not an integer", self.path))))
            .collect()
    }
    fn floats(&self, file: &str) -> Result<Vec<f32>, ImportError> {
        self.array(file)?
            .iter()
            .enumerate()
            .map(|(i, v)| f32_of(v).ok_or_else(|| ImportError::parse(file, format!("`{}[{i}]` is not a number", self.path))))
            .collect()
    }
}

fn int_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::Bool(b) => Some(*b as i64),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The number's own text (kept by serde_json's `arbitrary_precision`) rounded once to `f32`.
fn f32_of(v: &Value) -> Option<f32> {
    match v {
        Value::Number(n) => n.to_string().parse().ok(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Parses `base_score`: `"5E-1"`, or `"[1.449145E-1]"` / `"[a,b,c]"` (one value per target).
fn base_scores(file: &str, at: &At<'_>) -> Result<Vec<f32>, ImportError> {
    let bad = || ImportError::parse(file, format!("`{}` is not a number or a list of numbers", at.path));
    if let Some(x) = f32_of(at.v) {
        return Ok(vec![x]);
    }
    let s = at.v.as_str().ok_or_else(bad)?.trim();
    let inner = s.strip_prefix('[').and_then(|s| s.strip_suffix(']')).ok_or_else(bad)?;
    let values: Option<Vec<f32>> = inner.split(',').map(|p| p.trim().parse().ok()).collect();
    values.filter(|v| !v.is_empty()).ok_or_else(bad)
}

/// The margin of `base_score` `x` as the XGBoost `version` (major, minor) that saved the model
/// computes it.
fn to_margin(file: &str, x: f32, how: BaseTransform, version: [u64; 2]) -> Result<f32, ImportError> {
    Ok(match how {
        BaseTransform::Identity => x,
        BaseTransform::Logit => {
            // 3.2 and later accept [0, 1] and clamp it to [1e-6, 1 - 1e-6] (measured: 0, 1e-8 and
            // 5e-7 give the margin of 1e-6; 1 and 1 - 1e-7 that of 1 - 1e-6); earlier versions
            // accept (0, 1) only and do not clamp.
            let clamps = version >= [3, 2];
            let valid = if clamps { (0.0..=1.0).contains(&x) } else { x > 0.0 && x < 1.0 };
            if !valid {
                let range = if clamps { "[0, 1]" } else { "(0, 1)" };
                return Err(ImportError::parse(file, format!("base_score {x} must be in {range} for a logistic objective")));
            }
            let x = if clamps { x.clamp(1e-6, 1.0 - 1e-6) } else { x };
            // XGBoost's LogisticRegression::ProbToMargin, in f32: -logf(1/x - 1).
            -(1.0f32 / x - 1.0).ln()
        }
        BaseTransform::Log => {
            if x.is_nan() || x <= 0.0 {
                return Err(ImportError::parse(file, format!("base_score {x} must be positive for a log-link objective")));
            }
            x.ln()
        }
    })
}

/// What an XGBoost model holds, by its booster.
#[derive(Debug, Clone, PartialEq)]
pub enum Booster {
    /// `gbtree` or `dart`: a tree ensemble.
    Trees(IrEnsemble),
    /// `gblinear`: a linear model.
    Linear(IrLinear),
}

impl Booster {
    /// The tree ensemble, or an error naming the file for a linear model.
    pub fn trees(self, file: &str) -> Result<IrEnsemble, ImportError> {
        match self {
            Booster::Trees(ir) => Ok(ir),
            Booster::Linear(_) => {
                Err(ImportError::Unsupported { file: file.into(), what: "a gblinear model where trees are needed".into() })
            }
        }
    }
}

/// Converts a parsed `save_model` document.
pub fn from_value(file: &str, doc: &Value) -> Result<Booster, ImportError> {
    let root = At { v: doc, path: String::from("$") };
    // JSON and UBJSON came with 1.0, which records its version: one without is read as 1.0.
    // Only binary files from before 1.0 give 0 ([`super::xgboost_binary`]).
    let version: Vec<i64> = match root.opt_key("version") {
        Some(v) => v.ints(file)?,
        None => vec![1, 0, 0],
    };
    let version = [0, 1, 2].map(|i| version.get(i).copied().unwrap_or(0).max(0) as u64);
    // The arithmetic of the version that saved the model where XGBoost changed it.
    let major_minor = [version[0], version[1]];
    let learner = root.key(file, "learner")?;
    let params = learner.key(file, "learner_model_param")?;
    let num_features = params.key(file, "num_feature")?.int(file)?;
    let num_class = params.opt_key("num_class").map(|v| v.int(file)).transpose()?.unwrap_or(0);
    let num_target = params.opt_key("num_target").map(|v| v.int(file)).transpose()?.unwrap_or(1);
    let objective = learner.key(file, "objective")?.key(file, "name")?.str(file)?.to_string();
    let (link, base_how) = objective_link(&objective, major_minor).ok_or_else(|| ImportError::Unsupported {
        file: file.into(),
        what: format!("objective `{objective}` (supported: {})", OBJECTIVES.join(", ")),
    })?;
    // Before 1.0 (binary files only: JSON came with 1.0) `base_score` is stored as the margin
    // itself, which those versions add as it is.
    let base_how = if major_minor < [1, 0] { BaseTransform::Identity } else { base_how };
    // Several targets (XGBoost 2.0+: multi-output regression, multi-label classification,
    // several quantiles) with one output per tree are groups like classes: `tree_info` names
    // each tree's target, whose margin takes the link alone. Vector-leaf trees
    // (`multi_strategy = multi_output_tree`) are rejected tree by tree below.
    if num_target > 1 && (num_class > 1 || !mlc_runtime::link::elementwise(link)) {
        return Err(ImportError::Unsupported {
            file: file.into(),
            what: format!("{num_target} targets with objective `{objective}` (several targets take an elementwise link)"),
        });
    }
    // Rows are dense: one f32 per feature. 2^24 features make 64 MB rows, far beyond what an
    // edge device scores; larger declarations are refused rather than allocated.
    if !(1..=MAX_FEATURES).contains(&num_features) {
        return Err(ImportError::parse(
            file,
            format!("num_feature = {num_features} is out of range (1 ..= {MAX_FEATURES}: rows are dense)"),
        ));
    }
    let num_groups = num_class.max(num_target).max(1);
    if num_groups > 64 {
        return Err(ImportError::Unsupported { file: file.into(), what: format!("{num_groups} classes or targets (at most 64)") });
    }

    let booster = learner.key(file, "gradient_booster")?;
    let booster_name = booster.key(file, "name")?.str(file)?;
    let base = base_scores(file, &params.key(file, "base_score")?)?;
    let feature_names = feature_names(file, &learner, num_features as usize)?;
    // Files before 1.0 (binary) record no version: 0.x.
    let framework = if version[0] == 0 { "xgboost 0.x".into() } else { format!("xgboost {}.{}.{}", version[0], version[1], version[2]) };
    let (model, weights) = match booster_name {
        "gbtree" => (booster.key(file, "model")?, None),
        "dart" => (booster.key(file, "gbtree")?.key(file, "model")?, Some(booster.key(file, "weight_drop")?.floats(file)?)),
        "gblinear" => {
            // `GBLinear::Pred` starts every group at its bias plus `base_score(0)`, the first value
            // of a 3.1+ array too (measured with 3.2's three-class models, whose intercepts
            // differ per class), in every version 0.90–3.2.
            let base_margin = to_margin(file, base[0], base_how, major_minor)?;
            let weights = booster.key(file, "model")?.key(file, "weights")?.floats(file)?;
            let groups = num_groups as usize;
            // Weights `(f, g)` at `f · groups + g`, then the groups' biases.
            if Some(weights.len()) != (num_features as usize + 1).checked_mul(groups) {
                return Err(ImportError::parse(
                    file,
                    format!(
                        "gblinear weights: {} values for {num_features} features and {groups} groups (expected (features + 1) × groups)",
                        weights.len()
                    ),
                ));
            }
            let (weights, bias) = weights.split_at(num_features as usize * groups);
            return Ok(Booster::Linear(IrLinear {
                num_features: num_features as u32,
                num_groups: num_groups as u32,
                objective,
                link,
                bias: bias.to_vec(),
                base_margin,
                weights: weights.to_vec(),
                framework,
                feature_names,
            }));
        }
        other => {
            return Err(ImportError::Unsupported {
                file: file.into(),
                what: format!("booster `{other}` (supported: gbtree, dart, gblinear)"),
            })
        }
    };
    let trees_at = model.key(file, "trees")?;
    let trees_json = trees_at.array(file)?;
    let tree_info = model.key(file, "tree_info")?.ints(file)?;
    if tree_info.len() != trees_json.len() {
        return Err(ImportError::parse(file, "tree_info and trees differ in length".into()));
    }
    if let Some(w) = &weights {
        if w.len() != trees_json.len() {
            return Err(ImportError::parse(file, "dart weight_drop and trees differ in length".into()));
        }
    }

    let base: Vec<f32> = match base.len() {
        1 => vec![base[0]; num_groups as usize],
        n if n == num_groups as usize => base,
        n => return Err(ImportError::parse(file, format!("base_score has {n} values for {num_groups} outputs"))),
    };
    let mut base_margin = base.iter().map(|&x| to_margin(file, x, base_how, major_minor)).collect::<Result<Vec<_>, _>>()?;

    let mut trees = Vec::with_capacity(trees_json.len());
    // Only 1.6 validates category values (`Decision<true>`); 1.5 and 1.7+ send them left.
    let mut sets = CategorySets { out_of_range_default: major_minor == [1, 6], ..Default::default() };
    for (t, tree_v) in trees_json.iter().enumerate() {
        let at = At { v: tree_v, path: format!("{}[{t}]", trees_at.path) };
        let group = tree_info[t];
        if !(0..num_groups).contains(&group) {
            return Err(ImportError::parse(file, format!("tree {t}: tree_info group {group} is out of range")));
        }
        let mut parts = import_tree(file, t, &at, num_features as u32, &mut sets)?;
        match parts.len() {
            1 => parts[0].group = group as u32,
            // A vector-leaf tree adds one value to each target: as many trees, tree k adding
            // value k to group k (each group's sum keeps the tree order).
            k if k == num_groups as usize => {}
            k => return Err(ImportError::parse(file, format!("tree {t}: {k} values per leaf for {num_groups} targets"))),
        }
        for mut tree in parts {
            if let Some(w) = &weights {
                // Dart predicts with every leaf scaled by its tree's weight (one f32 product).
                for n in &mut tree.nodes {
                    if let IrNode::Leaf { value } = n {
                        *value *= w[t];
                    }
                }
            }
            trees.push(tree);
        }
    }
    // Before 1.3 XGBoost adds the base margin after the trees (from 0, in tree order, then the
    // base; measured with 1.0.2 and 1.2.1), not before them. The same sums in f32: a base of 0
    // and, last in each group, a tree that is one leaf holding the base margin.
    if major_minor < [1, 3] {
        for (g, b) in base_margin.iter_mut().enumerate() {
            trees.push(IrTree { group: g as u32, nodes: vec![IrNode::Leaf { value: *b }] });
            *b = 0.0;
        }
    }
    let category_names = match model.opt_key("cats") {
        Some(cats) => category_names(file, &cats, num_features as usize)?,
        None => Vec::new(),
    };
    Ok(Booster::Trees(IrEnsemble {
        category_names,
        category_sets: sets.sets,
        feature_names,
        num_features: num_features as u32,
        num_groups: num_groups as u32,
        objective,
        link,
        base_margin,
        trees,
        framework,
    }))
}

/// `learner.feature_names`: absent or `[]` (XGBoost writes `[]` for a model trained without
/// names) gives none; otherwise one string per feature, all different (XGBoost requires
/// unique names; mlc maps CSV header columns by them).
fn feature_names(file: &str, learner: &At<'_>, num_features: usize) -> Result<Vec<String>, ImportError> {
    let Some(at) = learner.opt_key("feature_names") else { return Ok(Vec::new()) };
    let values = at.array(file)?;
    if values.is_empty() {
        return Ok(Vec::new());
    }
    if values.len() != num_features {
        return Err(ImportError::parse(file, format!("`{}` has {} names for {num_features} features", at.path, values.len())));
    }
    let mut names = Vec::with_capacity(values.len());
    let mut seen = std::collections::HashSet::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let name = v.as_str().ok_or_else(|| ImportError::parse(file, format!("`{}[{i}]` is not a string", at.path)))?;
        if !seen.insert(name) {
            return Err(ImportError::parse(file, format!("`{}[{i}]`: feature name `{name}` appears twice", at.path)));
        }
        names.push(name.to_string());
    }
    Ok(names)
}

/// The category names of XGBoost 3.1+'s `cats` (`CatContainer::Save`, src/data/cat_container.cc):
/// `enc` holds one entry per feature (none when the model was trained without a data frame),
/// a string column as Arrow holds it (`offsets`, `n + 1` of them, and the UTF-8 bytes as `i8`
/// `values`) or an integer column (`type`, `values`); a feature without categories has empty
/// ones. Integers are named in decimal. Empty when no feature has a name. A column of names
/// that are not all ASCII is not kept (see below).
fn category_names(file: &str, cats: &At<'_>, num_features: usize) -> Result<Vec<Vec<String>>, ImportError> {
    let Some(enc) = cats.opt_key("enc") else { return Ok(Vec::new()) };
    let columns = enc.array(file)?;
    if columns.is_empty() {
        return Ok(Vec::new());
    }
    if columns.len() != num_features {
        return Err(ImportError::parse(file, format!("`{}` has {} columns for {num_features} features", enc.path, columns.len())));
    }
    let mut names = Vec::with_capacity(columns.len());
    for (f, column) in columns.iter().enumerate() {
        let at = At { v: column, path: format!("{}[{f}]", enc.path) };
        let values = at.key(file, "values")?;
        let column_names = match at.opt_key("offsets") {
            Some(offsets) => {
                let offsets = offsets.ints(file)?;
                let bytes: Vec<u8> = values
                    .ints(file)?
                    .iter()
                    .enumerate()
                    .map(|(i, &b)| {
                        // Written as `i8` (a byte above 127 is negative); read as a byte either way.
                        u8::try_from(b)
                            .or_else(|_| i8::try_from(b).map(|b| b as u8))
                            .map_err(|_| ImportError::parse(file, format!("`{}[{i}]` = {b} is not a byte", values.path)))
                    })
                    .collect::<Result<_, _>>()?;
                // XGBoost 3.1–3.2 count a name's offsets in characters but keep as many bytes
                // (measured with 3.2.0: `Québec` becomes `Québe`, and every later name shifts):
                // names that are not ASCII are not kept, the feature reads codes alone.
                if !bytes.is_ascii() {
                    names.push(Vec::new());
                    continue;
                }
                string_column(&offsets, &bytes).map_err(|what| ImportError::parse(file, format!("`{}`: {what}", at.path)))?
            }
            None => values.ints(file)?.iter().map(i64::to_string).collect(),
        };
        names.push(column_names);
    }
    if names.iter().all(Vec::is_empty) {
        return Ok(Vec::new());
    }
    Ok(names)
}

/// The names of an Arrow string column: name `i` is `bytes[offsets[i] .. offsets[i + 1]]`.
fn string_column(offsets: &[i64], bytes: &[u8]) -> Result<Vec<String>, String> {
    if offsets.is_empty() {
        return if bytes.is_empty() { Ok(Vec::new()) } else { Err("names without offsets".into()) };
    }
    if offsets[0] != 0 || offsets.last().copied() != i64::try_from(bytes.len()).ok() {
        return Err(format!("offsets from {} to {:?} for {} bytes of names", offsets[0], offsets.last(), bytes.len()));
    }
    let mut names = Vec::with_capacity(offsets.len() - 1);
    let mut seen = std::collections::HashSet::with_capacity(offsets.len());
    for (i, pair) in offsets.windows(2).enumerate() {
        let (start, end) = (pair[0] as usize, pair[1] as usize);
        let name = bytes.get(start..end).ok_or_else(|| format!("offsets decrease at name {i}"))?;
        let name = std::str::from_utf8(name).map_err(|_| format!("name {i} is not UTF-8"))?;
        if !seen.insert(name) {
            return Err(format!("the category `{name}` appears twice"));
        }
        names.push(name.to_string());
    }
    Ok(names)
}

/// Most features a model may declare.
pub const MAX_FEATURES: i64 = 1 << 24;

/// The category sets of an ensemble's categorical splits, each once.
#[derive(Default)]
struct CategorySets {
    /// Encoded sets ([`mlc_format::categories::encode_set`]: one encoding per set), in first-use
    /// order.
    sets: Vec<Vec<u32>>,
    /// Each set's index, by its encoding.
    index: HashMap<Vec<u32>, u32>,
    /// XGBoost 1.6 sends a value that is no category, or lies beyond a set's bit words, where
    /// missing values go (`common::Decision<true>`); 1.5 and 1.7+ send it left.
    out_of_range_default: bool,
}

impl CategorySets {
    /// The index of the set of `categories` (any order, repeats allowed), added if new.
    fn intern(&mut self, categories: &[u32]) -> u32 {
        let words = categories::encode_set(categories, self.out_of_range_default);
        let next = self.sets.len() as u32;
        let i = *self.index.entry(words.clone()).or_insert(next);
        if i == next {
            self.sets.push(words);
        }
        i
    }
}

/// Each categorical node's categories (`categories_nodes`, `categories_segments`,
/// `categories_sizes`, `categories`), by source node index.
fn category_lists(file: &str, t: usize, at: &At<'_>, n: usize) -> Result<HashMap<usize, Vec<u32>>, ImportError> {
    let list = |k: &str| at.key(file, k).and_then(|v| v.ints(file));
    let (nodes, segments, sizes, categories) =
        (list("categories_nodes")?, list("categories_segments")?, list("categories_sizes")?, list("categories")?);
    if segments.len() != nodes.len() || sizes.len() != nodes.len() {
        return Err(ImportError::parse(file, format!("tree {t}: categories_nodes, _segments and _sizes differ in length")));
    }
    let mut out = HashMap::with_capacity(nodes.len());
    for ((&node, &start), &size) in nodes.iter().zip(&segments).zip(&sizes) {
        let what = |m: &str| ImportError::parse(file, format!("tree {t}, node {node}: {m}"));
        if !(0..n as i64).contains(&node) {
            return Err(what("a categorical node index out of range"));
        }
        let end = start.checked_add(size).filter(|&e| start >= 0 && size > 0 && e as u64 <= categories.len() as u64);
        let Some(end) = end else { return Err(what("its categories segment is empty or out of range")) };
        let mut cats = Vec::with_capacity(size as usize);
        for &c in &categories[start as usize..end as usize] {
            if !(0..categories::CATEGORY_LIMIT as i64).contains(&c) {
                return Err(what(&format!("category {c} is not between 0 and 2^24 - 1")));
            }
            cats.push(c as u32);
        }
        if out.insert(node as usize, cats).is_some() {
            return Err(what("listed twice in categories_nodes"));
        }
    }
    Ok(out)
}

/// One tree from its parallel arrays, keeping only nodes reachable from the root (deleted
/// nodes stay in XGBoost's arrays), renumbered in depth-first order, its group 0; a vector-leaf tree (`size_leaf_vector` `K > 1`) as `K` trees
/// of the same splits, tree `k` holding every leaf's value `k` and group `k`. A vector leaf's
/// values are `leaf_weights[K · right_children[leaf] ..]` where the file has `leaf_weights`
/// (3.2+: a leaf's right child is its index among the leaves), else `base_weights[K · leaf ..]`
/// (2.0–3.1).
fn import_tree(file: &str, t: usize, at: &At<'_>, num_features: u32, sets: &mut CategorySets) -> Result<Vec<IrTree>, ImportError> {
    let left = at.key(file, "left_children")?.ints(file)?;
    let right = at.key(file, "right_children")?.ints(file)?;
    let feature = at.key(file, "split_indices")?.ints(file)?;
    let cond = at.key(file, "split_conditions")?.floats(file)?;
    let default_left = at.key(file, "default_left")?.ints(file)?;
    let split_type = match at.opt_key("split_type") {
        Some(s) => s.ints(file)?,
        None => vec![0; left.len()],
    };
    // Values per leaf: more than one in a vector-leaf tree (`multi_strategy = multi_output_tree`).
    let width = match at.opt_key("tree_param").and_then(|p| p.opt_key("size_leaf_vector")) {
        Some(s) => s.int(file)?.max(1),
        None => 1,
    };
    if width > 64 {
        return Err(ImportError::Unsupported { file: file.into(), what: format!("tree {t}: {width} values per leaf (at most 64)") });
    }
    let width = width as usize;
    let n = left.len();
    if n == 0 || [right.len(), feature.len(), cond.len(), default_left.len(), split_type.len()].iter().any(|&l| l != n) {
        return Err(ImportError::parse(file, format!("tree {t}: node arrays are empty or differ in length")));
    }
    let mut lists = if split_type.iter().any(|&s| s != 0) { category_lists(file, t, at, n)? } else { HashMap::new() };
    let mut nodes: Vec<IrNode> = Vec::new();
    // Each leaf's node index and source index.
    let mut leaves: Vec<(usize, usize)> = Vec::new();
    /// A source node still to visit, the parent slot to patch with its new index
    /// (`(parent, is_left)`), and its depth.
    type Pending = (usize, Option<(usize, bool)>, usize);
    let mut stack: Vec<Pending> = vec![(0, None, 0)];
    let mut seen = vec![false; n];
    while let Some((src, parent, depth)) = stack.pop() {
        if seen[src] {
            return Err(ImportError::parse(file, format!("tree {t}: node {src} is reached twice (the tree has a cycle)")));
        }
        seen[src] = true;
        let me = nodes.len() as u32;
        if let Some((p, is_left)) = parent {
            if let Some((left, right)) = nodes[p].children_mut() {
                *if is_left { left } else { right } = me;
            }
        }
        if left[src] == -1 {
            nodes.push(IrNode::Leaf { value: cond[src] });
            leaves.push((me as usize, src));
            continue;
        }
        if !(0..=1).contains(&split_type[src]) {
            return Err(ImportError::parse(
                file,
                format!("tree {t}, node {src}: split_type {} (0 numerical, 1 categorical)", split_type[src]),
            ));
        }
        let (l, r) = (left[src], right[src]);
        let in_range = |c: i64| c > 0 && (c as usize) < n;
        if !in_range(l) || !in_range(r) {
            return Err(ImportError::parse(file, format!("tree {t}, node {src}: child index out of range")));
        }
        let f = feature[src];
        if !(0..num_features as i64).contains(&f) {
            return Err(ImportError::parse(
                file,
                format!("tree {t}, node {src}: split feature {f} is not below num_feature {num_features}"),
            ));
        }
        if depth >= 64 {
            return Err(ImportError::Unsupported { file: file.into(), what: format!("tree {t}: deeper than 64 levels") });
        }
        // Children are set when they are visited.
        let (f, dl, unset) = (f as u32, default_left[src] != 0, u32::MAX);
        nodes.push(if split_type[src] == 1 {
            // A categorical split: its categories go right (each node is visited once).
            let Some(categories) = lists.remove(&src) else {
                return Err(ImportError::parse(file, format!("tree {t}, node {src}: a categorical split without categories")));
            };
            IrNode::CategorySplit { feature: f, set: sets.intern(&categories), default_left: dl, left: unset, right: unset }
        } else {
            IrNode::Split { feature: f, threshold: cond[src], default_left: dl, left: unset, right: unset }
        });
        let p = me as usize;
        stack.push((r as usize, Some((p, false)), depth + 1));
        stack.push((l as usize, Some((p, true)), depth + 1));
    }
    if width == 1 {
        return Ok(vec![IrTree { group: 0, nodes }]);
    }
    // Vector leaves: each leaf's `width` values, then a tree per target.
    let (weights, by_leaf_index) = match at.opt_key("leaf_weights") {
        Some(w) => (w.floats(file)?, true),
        None => (at.key(file, "base_weights")?.floats(file)?, false),
    };
    let mut values = Vec::with_capacity(leaves.len());
    for &(_, src) in &leaves {
        let slot = if by_leaf_index { right[src] } else { src as i64 };
        let start = usize::try_from(slot).ok().and_then(|s| s.checked_mul(width)).filter(|&s| s + width <= weights.len());
        let Some(start) = start else {
            return Err(ImportError::parse(file, format!("tree {t}, node {src}: its {width} leaf values are out of range")));
        };
        values.push(&weights[start..start + width]);
    }
    Ok((0..width)
        .map(|k| {
            let mut nodes = nodes.clone();
            for (&(at, _), v) in leaves.iter().zip(&values) {
                nodes[at] = IrNode::Leaf { value: v[k] };
            }
            IrTree { group: k as u32, nodes }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_binary_models_are_named() {
        // The first bytes XGBoost 1.7.6 and 1.0.2 write for `save_model("m.model")`, cut short.
        let since_1_1 = [b"binf".as_slice(), &[0, 0, 0, 0x3f, 6, 0, 0, 0]].concat();
        let err = import("m.model", &since_1_1).unwrap_err().to_string();
        assert!(err.contains("m.model") && err.contains("legacy binary") && err.contains("truncated"), "{err}");
        let err = import("m.model", &[0, 0, 0, 0x3f, 6, 0, 0, 0]).unwrap_err().to_string();
        assert!(err.contains("m.model") && err.contains("neither XGBoost JSON") && err.contains("truncated"), "{err}");
    }

    #[test]
    fn every_listed_objective_has_a_link_in_every_version() {
        for version in [[1, 0], [1, 3], [1, 6], [2, 1], [3, 2]] {
            for name in OBJECTIVES {
                assert!(objective_link(name, version).is_some(), "{name} in {version:?}");
            }
            assert!(objective_link("reg:made_up", version).is_none());
        }
    }

    /// Malformed categorical arrays are errors naming the tree and node, never a panic or a
    /// silent misreading.
    #[test]
    fn malformed_category_lists_are_named() {
        let doc: Value = serde_json::from_slice(&fixture("xgboost_categorical/3.2.0/partition.json")).unwrap();
        let first_cat = |doc: &Value| doc["learner"]["gradient_booster"]["model"]["trees"][0]["categories_nodes"][0].as_i64().unwrap();
        let node = first_cat(&doc);
        assert!(from_value("m.json", &doc).is_ok());
        let edit = |f: &dyn Fn(&mut Value)| {
            let mut d = doc.clone();
            f(&mut d["learner"]["gradient_booster"]["model"]["trees"][0]);
            from_value("m.json", &d).map(|_| ()).unwrap_err().to_string()
        };
        type Edit<'a> = &'a dyn Fn(&mut Value);
        let cases: [(Edit, String); 6] = [
            (&|t| t["categories"][0] = (-1).into(), format!("tree 0, node {node}: category -1 is not between 0 and 2^24 - 1")),
            (&|t| t["categories"][0] = (1 << 24).into(), format!("tree 0, node {node}: category 16777216 is not between 0 and 2^24 - 1")),
            (&|t| t["categories_sizes"][0] = 0.into(), format!("tree 0, node {node}: its categories segment is empty or out of range")),
            (
                &|t| t["categories_segments"][0] = 1_000_000.into(),
                format!("tree 0, node {node}: its categories segment is empty or out of range"),
            ),
            (&|t| t["categories_nodes"][0] = (node + 3).into(), format!("tree 0, node {node}: a categorical split without categories")),
            (&|t| t["split_type"][node as usize] = 2.into(), format!("tree 0, node {node}: split_type 2 (0 numerical, 1 categorical)")),
        ];
        for (f, want) in cases {
            let err = edit(f);
            assert!(err.contains(&want), "{err}\nwant: {want}");
        }
        // The categories arrays must agree in length.
        let err = edit(&|t| t["categories_sizes"].as_array_mut().unwrap().push(1.into()));
        assert!(err.contains("tree 0: categories_nodes, _segments and _sizes differ in length"), "{err}");
    }

    /// A 3.2 vector leaf's values come from `leaf_weights` by the leaf's index (its right child),
    /// as XGBoost's `LeafValue` reads them, not from the node weights (`base_weights`, which
    /// for a tree split on fewer targets than it predicts hold fewer values).
    #[test]
    fn vector_leaves_of_3_2_are_read_from_leaf_weights() {
        let doc: Value = serde_json::from_slice(&quote_non_finite(&fixture("xgboost/3.2.0/vector_leaf.json"))).unwrap();
        let rows: Vec<Vec<f32>> = (0..50).map(|i| (0..6).map(|f| ((i * 7 + f * 3) % 11) as f32 * 0.37 - 1.5).collect()).collect();
        let margins = |doc: &Value| {
            let ir = from_value("m.json", doc).unwrap().trees("m.json").unwrap();
            assert_eq!((ir.num_groups, ir.trees.len()), (3, 36), "12 trees of 3-value leaves");
            rows.iter().map(|r| ir.margins(r)).collect::<Vec<_>>()
        };
        let want = margins(&doc);
        let mut edited = doc.clone();
        for t in edited["learner"]["gradient_booster"]["model"]["trees"].as_array_mut().unwrap() {
            t["base_weights"].as_array_mut().unwrap().iter_mut().for_each(|w| *w = 0.0.into());
        }
        assert_eq!(margins(&edited), want, "base_weights are not the leaves' values");
        edited["learner"]["gradient_booster"]["model"]["trees"][0]["leaf_weights"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .for_each(|w| *w = 100.0.into());
        assert_ne!(margins(&edited), want, "leaf_weights are");
        // A leaf index beyond leaf_weights is an error naming the tree and node.
        let mut bad = doc.clone();
        let tree = &mut bad["learner"]["gradient_booster"]["model"]["trees"][0];
        let leaf = tree["left_children"].as_array().unwrap().iter().position(|l| l == -1).unwrap();
        tree["right_children"][leaf] = 1000.into();
        let err = from_value("m.json", &bad).unwrap_err().to_string();
        assert!(err.contains(&format!("tree 0, node {leaf}: its 3 leaf values are out of range")), "{err}");
    }

    fn fixture(path: &str) -> Vec<u8> {
        std::fs::read(format!("{}/../tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn names_of(doc: &Value, num_features: usize) -> Result<Vec<String>, String> {
        let root = At { v: doc, path: String::from("$") };
        feature_names("m.json", &root.key("m.json", "learner").unwrap(), num_features).map_err(|e| e.to_string())
    }

    #[test]
    fn feature_names_from_json_and_ubj_of_every_version() {
        let f: Vec<String> = (0..6).map(|i| format!("f{i}")).collect();
        for version in ["1.7.6", "2.0.3", "2.1.4", "3.0.5", "3.2.0"] {
            // The categorical models are the fixtures trained with names (the names are read
            // the same way for every model).
            let json: Value = serde_json::from_slice(&quote_non_finite(&fixture(&format!("xgboost/{version}/categorical.json")))).unwrap();
            let ubj = ubjson::parse_with(&fixture(&format!("xgboost/{version}/categorical.ubj")), ubjson::NonFinite::Strings).unwrap();
            assert_eq!(names_of(&json, 6), Ok(f.clone()), "{version} JSON");
            assert_eq!(names_of(&ubj, 6), Ok(f.clone()), "{version} UBJ");
            // Trained without names: XGBoost writes `feature_names: []`.
            let plain = import("m.ubj", &fixture(&format!("xgboost/{version}/binary_logistic.ubj"))).unwrap().trees("m.ubj").unwrap();
            assert!(plain.feature_names.is_empty(), "{version}");
        }
        let churn = import("AK.json", &fixture("churn/models/states/AK.json")).unwrap().trees("AK.json").unwrap();
        assert_eq!(churn.feature_names.len(), 18);
        assert_eq!(
            (churn.feature_names[0].as_str(), churn.feature_names[17].as_str()),
            ("account_length", "number_customer_service_calls")
        );
    }

    #[test]
    fn bad_feature_names_are_named() {
        let doc = |names: Value| serde_json::json!({ "learner": { "feature_names": names } });
        assert_eq!(names_of(&serde_json::json!({ "learner": {} }), 2), Ok(vec![]), "absent (old versions)");
        assert_eq!(names_of(&doc(serde_json::json!([])), 2), Ok(vec![]));
        assert_eq!(names_of(&doc(serde_json::json!(["a", "b"])), 2), Ok(vec!["a".to_string(), "b".into()]));
        let err = names_of(&doc(serde_json::json!(["a"])), 2).unwrap_err();
        assert!(err.contains("`$.learner.feature_names` has 1 names for 2 features"), "{err}");
        let err = names_of(&doc(serde_json::json!(["a", "a"])), 2).unwrap_err();
        assert!(err.contains("`$.learner.feature_names[1]`: feature name `a` appears twice"), "{err}");
        let err = names_of(&doc(serde_json::json!(["a", 3])), 2).unwrap_err();
        assert!(err.contains("`$.learner.feature_names[1]` is not a string"), "{err}");
        let err = names_of(&doc(serde_json::json!("a,b")), 2).unwrap_err();
        assert!(err.contains("`$.learner.feature_names` is not an array"), "{err}");
    }

    /// XGBoost 3.1+'s `cats`: string columns (Arrow offsets, bytes as `i8`), integer columns,
    /// empty ones; damaged non-ASCII names are not kept; malformed ones are errors naming the
    /// place.
    #[test]
    fn category_names_from_cats() {
        let cats = |enc: Value| {
            let doc = serde_json::json!({ "cats": { "enc": enc } });
            category_names("m.json", &At { v: &doc, path: "$".into() }.key("m.json", "cats").unwrap(), 3).map_err(|e| e.to_string())
        };
        let empty = serde_json::json!({ "offsets": [], "values": [] });
        let states = serde_json::json!({ "offsets": [0, 2, 4], "values": [65, 75, 67, 65] });
        let ints = serde_json::json!({ "type": 15, "values": [408, 415] });
        let names = cats(serde_json::json!([states, empty, ints])).unwrap();
        assert_eq!(names, [vec!["AK".to_string(), "CA".into()], vec![], vec!["408".into(), "415".into()]]);
        assert_eq!(cats(serde_json::json!([empty, empty, empty])), Ok(vec![]), "no names at all");
        assert_eq!(cats(serde_json::json!([])), Ok(vec![]), "trained without a data frame");
        // `Québec` as XGBoost 3.2 writes it: 6 characters' offsets over 7 bytes, cut to 6.
        let damaged = serde_json::json!({ "offsets": [0, 6], "values": [81, 117, -61, -87, 98, 101] });
        assert_eq!(cats(serde_json::json!([damaged, empty, ints])).unwrap()[0], Vec::<String>::new());
        let err = cats(serde_json::json!([states, empty])).unwrap_err();
        assert!(err.contains("`$.cats.enc` has 2 columns for 3 features"), "{err}");
        let bad = serde_json::json!({ "offsets": [0, 2, 5], "values": [65, 75, 67, 65] });
        let err = cats(serde_json::json!([bad, empty, ints])).unwrap_err();
        assert!(err.contains("`$.cats.enc[0]`: offsets from 0 to Some(5) for 4 bytes of names"), "{err}");
        let twice = serde_json::json!({ "offsets": [0, 2, 4], "values": [65, 75, 65, 75] });
        let err = cats(serde_json::json!([twice, empty, ints])).unwrap_err();
        assert!(err.contains("the category `AK` appears twice"), "{err}");
        let not_byte = serde_json::json!({ "offsets": [0, 1], "values": [300] });
        let err = cats(serde_json::json!([not_byte, empty, ints])).unwrap_err();
        assert!(err.contains("`$.cats.enc[0].values[0]` = 300 is not a byte"), "{err}");
    }
}
