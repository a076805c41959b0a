//! XGBoost's legacy binary model format (`save_model` to a name without `.json`/`.ubj`, 0.x
//! through 2.0; `xgboost-model` files of older SageMaker containers), read into the document
//! `save_model("m.json")` would have written, so that one importer ([`super::xgboost::from_value`])
//! reads every form.
//!
//! Layout (little-endian, from XGBoost's `learner.cc`, `gbtree_model.cc`, `tree_model.cc`):
//! `"binf"` (1.1+), `LearnerModelParamLegacy` (136 bytes: `base_score` f32, `num_feature` u32,
//! `num_class` i32, `contain_extra_attrs` i32, `contain_eval_metrics` i32, `major_version`
//! u32, `minor_version` u32, `num_target` u32 (1.6+, else 0), 26 reserved i32), the objective
//! and the booster's names (u64 length, bytes), then for `gbtree`/`dart` the
//! `GBTreeModelParam` (160 bytes: `num_trees` i32, …), each tree — `TreeParam` (148 bytes:
//! `num_nodes` i32 at 4, `size_leaf_vector` i32 at 20), `num_nodes` nodes of 20 bytes (`parent`,
//! `left`, `right` i32, `sindex` u32 with `default_left` in bit 31, the split condition or leaf
//! value f32) and as many 16-byte statistics — then `num_trees` i32 `tree_info`, and for `dart`
//! the `weight_drop` (u64 count, f32s); for `gblinear` its `GBLinearModelParam` (136 bytes:
//! `num_feature` u32 and `num_output_group` i32 in 0.x, zeros from 1.0, 32 reserved i32; the
//! learner's parameters hold the counts the importer uses) and the weights (u64 count, f32s:
//! features × groups, then the groups' biases; measured with 0.90, 1.0.2, 1.2.1 and 1.5.2's
//! files). Extra attributes follow; nothing in them changes
//! predictions, so they are not read. Files written before 1.0 (0.x: `major_version` 0, its
//! bytes reserved then) store `base_score` as the margin; the version `[0, 0, 0]` tells the
//! importer so.

use serde_json::{json, Value};

use crate::error::ImportError;

/// The header XGBoost 1.1+ writes before the binary model.
pub const MAGIC: &[u8] = b"binf";

/// Bytes of `LearnerModelParamLegacy`, `GBTreeModelParam`, `TreeParam`, a node, a node's
/// statistics.
const LEARNER_PARAM: usize = 136;
const GBTREE_PARAM: usize = 160;
const TREE_PARAM: usize = 148;
const NODE: usize = 20;
const NODE_STAT: usize = 16;
const GBLINEAR_PARAM: usize = 136;

/// A reader over the file's bytes that names what it failed to read.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end =
            end.ok_or_else(|| format!("truncated: {what} ({n} bytes at byte {}) goes past the end ({} bytes)", self.at, self.bytes.len()))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn string(&mut self, what: &str) -> Result<String, String> {
        let n = u64::from_le_bytes(self.take(8, what)?.try_into().unwrap());
        let n = usize::try_from(n).map_err(|_| format!("{what}: length {n}"))?;
        let bytes = self.take(n, what)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| format!("{what} is not UTF-8"))
    }
}

fn i32_at(b: &[u8], at: usize) -> i32 {
    i32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

fn f32_at(b: &[u8], at: usize) -> f32 {
    f32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

/// An `f32` as a JSON value that reads back to the same bits (non-finite ones as strings).
fn number(x: f32) -> Value {
    if x.is_finite() {
        json!(x as f64)
    } else {
        json!(x.to_string())
    }
}

/// Whether `bytes` may be the legacy binary format: the `binf` header, or (1.0) the learner's
/// parameters from the first byte, where a JSON or UBJSON document would begin with `{`.
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC) || !matches!(bytes.first(), Some(b'{' | b'[' | b' ' | b'\n' | b'\r' | b'\t') | None)
}

/// The `save_model` JSON document of the binary model `bytes`.
pub fn to_document(file: &str, bytes: &[u8]) -> Result<Value, ImportError> {
    let malformed = |what| {
        let what = if bytes.starts_with(MAGIC) {
            format!("XGBoost's legacy binary model format: {what}")
        } else {
            format!("neither XGBoost JSON or UBJSON (which begin with `{{`) nor its legacy binary model format ({what})")
        };
        ImportError::parse(file, what)
    };
    read(bytes).map_err(malformed)
}

/// The document, or what is malformed.
fn read(bytes: &[u8]) -> Result<Value, String> {
    let mut c = Cursor { bytes, at: if bytes.starts_with(MAGIC) { MAGIC.len() } else { 0 } };
    let p = c.take(LEARNER_PARAM, "the learner's parameters")?;
    let (base_score, num_feature, num_class) = (f32_at(p, 0), u32_at(p, 4), i32_at(p, 8));
    let (major, minor, num_target) = (u32_at(p, 20), u32_at(p, 24), u32_at(p, 28).max(1));
    let objective = c.string("the objective's name")?;
    let booster = c.string("the booster's name")?;
    let learner_param = json!({
        "base_score": base_score.to_string(),
        "num_feature": num_feature.to_string(),
        "num_class": num_class.to_string(),
        "num_target": num_target.to_string(),
    });
    let gradient_booster = match booster.as_str() {
        "gbtree" => json!({ "name": "gbtree", "model": gbtree(&mut c)? }),
        "dart" => {
            let model = gbtree(&mut c)?;
            let n = model["trees"].as_array().map_or(0, Vec::len);
            let weights = if n == 0 { Vec::new() } else { floats(&mut c, "dart's weight_drop")? };
            json!({ "name": "dart", "gbtree": { "name": "gbtree", "model": model }, "weight_drop": weights })
        }
        "gblinear" => {
            c.take(GBLINEAR_PARAM, "the linear booster's parameters")?;
            json!({ "name": "gblinear", "model": { "weights": floats(&mut c, "the linear booster's weights")? } })
        }
        // Named by the importer.
        other => json!({ "name": other }),
    };
    Ok(json!({
        "version": [major, minor, 0],
        "learner": {
            "learner_model_param": learner_param,
            "objective": { "name": objective },
            "gradient_booster": gradient_booster,
        }
    }))
}

/// A dmlc vector of `f32`: its count (u64), then the values.
fn floats(c: &mut Cursor<'_>, what: &str) -> Result<Vec<Value>, String> {
    let n = u64::from_le_bytes(c.take(8, what)?.try_into().unwrap());
    let n = usize::try_from(n).ok().and_then(|n| n.checked_mul(4)).ok_or_else(|| format!("{what}: count {n}"))?;
    Ok(c.take(n, what)?.chunks_exact(4).map(|b| number(f32_at(b, 0))).collect())
}

/// `GBTreeModel`: its parameters, the trees, `tree_info`.
fn gbtree(c: &mut Cursor<'_>) -> Result<Value, String> {
    let p = c.take(GBTREE_PARAM, "the tree booster's parameters")?;
    let num_trees = i32_at(p, 0);
    let num_trees = usize::try_from(num_trees).map_err(|_| format!("num_trees = {num_trees}"))?;
    // Every tree takes at least its parameters and one node: a count beyond the file is malformed.
    if num_trees > c.bytes.len() / (TREE_PARAM + NODE + NODE_STAT) {
        return Err(format!("num_trees = {num_trees} does not fit the file"));
    }
    let mut trees = Vec::with_capacity(num_trees);
    for t in 0..num_trees {
        trees.push(tree(c, t)?);
    }
    let info = c.take(4 * num_trees, "tree_info")?;
    let tree_info: Vec<i32> = (0..num_trees).map(|t| i32_at(info, 4 * t)).collect();
    Ok(json!({ "trees": trees, "tree_info": tree_info }))
}

/// One `RegTree`: its parameters, nodes and statistics, as the JSON arrays of its nodes.
fn tree(c: &mut Cursor<'_>, t: usize) -> Result<Value, String> {
    let p = c.take(TREE_PARAM, &format!("tree {t}'s parameters"))?;
    let (num_nodes, size_leaf_vector) = (i32_at(p, 4), i32_at(p, 20));
    let n = usize::try_from(num_nodes).ok().filter(|&n| n > 0).ok_or_else(|| format!("tree {t}: num_nodes = {num_nodes}"))?;
    let nodes = c.take(n.checked_mul(NODE).ok_or("node count overflows")?, &format!("tree {t}'s nodes"))?;
    c.take(n * NODE_STAT, &format!("tree {t}'s node statistics"))?;
    let field = |k: usize, at: usize| &nodes[NODE * k + at..NODE * k + at + 4];
    let (mut left, mut right, mut feature, mut cond, mut default_left) = (vec![], vec![], vec![], vec![], vec![]);
    for k in 0..n {
        let sindex = u32_at(field(k, 12), 0);
        left.push(i32_at(field(k, 4), 0));
        right.push(i32_at(field(k, 8), 0));
        feature.push(sindex & 0x7FFF_FFFF);
        default_left.push(sindex >> 31);
        cond.push(number(f32_at(field(k, 16), 0)));
    }
    Ok(json!({
        "left_children": left,
        "right_children": right,
        "split_indices": feature,
        "split_conditions": cond,
        "default_left": default_left,
        "split_type": vec![0; n],
        "tree_param": { "num_nodes": n.to_string(), "size_leaf_vector": size_leaf_vector.to_string() },
    }))
}
