//! Pickled XGBoost boosters: `pickle.dump(booster)` (SageMaker's XGBoost containers before
//! 1.3-1 save `xgboost-model` so) and pickled scikit-learn wrappers (`XGBClassifier`, …, whose
//! `_Booster` is one), read without running the pickle ([`super::pickle`]).
//!
//! `Booster.__getstate__` (python-package/xgboost/core.py) keeps the model as bytes in the
//! state's `handle`, in the form its version serialises a learner (`Learner::Save`,
//! src/learner.cc):
//! * before 1.0: the legacy binary model (`save_raw`);
//! * 1.0–1.2: `CONFIG-offset:`, the offset of the configuration (i64, little-endian), the
//!   legacy binary model, then the configuration as JSON;
//! * 1.3–1.5: a JSON object `{"Config": …, "Model": …}`, `Model` being the document
//!   `save_model("m.json")` writes;
//! * 1.6 and later: the same object in UBJSON.
//!
//! The training configuration changes no prediction and is not read. Before 1.3 the feature
//! names are not in the model but in the Booster's Python attributes: they are taken from there.

use serde_json::Value;

use super::pickle::{Id, Object, Pickle};
use super::xgboost;
use crate::error::ImportError;

/// What XGBoost 1.0–1.2 write before the offset of the configuration.
const CONFIG_OFFSET: &[u8] = b"CONFIG-offset:";

/// The `save_model` document of the booster pickled in `bytes`.
pub fn document(file: &str, bytes: &[u8]) -> Result<Value, ImportError> {
    let malformed = |what: String| ImportError::parse(file, format!("a Python pickle: {what}"));
    let pickle = Pickle::parse(bytes).map_err(|e| {
        malformed(format!(
            "{e} (mlc reads a pickled XGBoost Booster or scikit-learn wrapper as `pickle.dump` or `joblib.dump` write it; \
             save anything else with `booster.save_model(\"model.json\")`)"
        ))
    })?;
    let state = booster_state(&pickle).map_err(malformed)?;
    let handle = booster_handle(&pickle, state).map_err(malformed)?;
    let mut doc = match handle.strip_prefix(CONFIG_OFFSET) {
        Some(rest) => {
            let offset = rest.get(..8).map(|b| i64::from_le_bytes(b.try_into().expect("8 bytes")));
            let binary = offset
                .and_then(|o| usize::try_from(o).ok())
                .filter(|&o| o > 0)
                .and_then(|o| rest.get(8..8usize.checked_add(o)?))
                .ok_or_else(|| malformed(format!("the Booster's model (XGBoost 1.0–1.2's serialisation) has a bad offset {offset:?}")))?;
            xgboost::document(file, binary)?
        }
        None => {
            let mut doc = xgboost::document(file, &handle)?;
            // A snapshot (1.3+) holds the model under `Model`; before 1.0 the handle is the model.
            match doc.get_mut("Model") {
                Some(model) => model.take(),
                None => doc,
            }
        }
    };
    add_feature_names(&pickle, state, &mut doc);
    Ok(doc)
}

/// Before 1.3 the model holds no feature names; the Booster's Python attribute
/// `feature_names` does (those of the training `DMatrix`, XGBoost's `f0`, `f1`, … for an
/// unnamed one). Real names are put where `save_model` writes them, for the importer.
fn add_feature_names(pickle: &Pickle, state: Id, doc: &mut Value) {
    let Some(Object::List(items)) = pickle.dict_get(state, "feature_names").map(|id| pickle.get(id)) else { return };
    let names: Option<Vec<&str>> = items
        .iter()
        .map(|&id| match pickle.get(id) {
            Object::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    let Some(names) = names else { return };
    let defaults = names.iter().enumerate().all(|(i, n)| *n == format!("f{i}"));
    let Some(learner) = doc.get_mut("learner").and_then(Value::as_object_mut) else { return };
    let has_names = learner.get("feature_names").and_then(Value::as_array).is_some_and(|a| !a.is_empty());
    if !names.is_empty() && !defaults && !has_names {
        learner.insert("feature_names".into(), Value::from(names));
    }
}

/// The state (`__dict__`) of the one `xgboost.core.Booster` in `pickle`, which must be the
/// pickled object or the `_Booster` of a pickled scikit-learn wrapper (`xgboost.sklearn`): a
/// booster inside anything else (a scikit-learn `Pipeline`) would be compiled without the steps
/// around it, so that is refused.
fn booster_state(pickle: &Pickle) -> Result<Id, String> {
    let boosters: Vec<_> = (0..pickle.objects.len()).filter(|&id| pickle.class_of(id) == Some(("xgboost.core", "Booster"))).collect();
    let booster = match boosters[..] {
        [one] => one,
        [] => return Err(format!("no XGBoost Booster in it (it holds {})", pickle.describe(pickle.root))),
        _ => return Err(format!("{} XGBoost Boosters in it; pickle one", boosters.len())),
    };
    let root = pickle.root;
    let wrapped = pickle.class_of(root).is_some_and(|(module, _)| module == "xgboost.sklearn")
        && state(pickle, root).and_then(|s| pickle.dict_get(s, "_Booster")) == Some(booster);
    if booster != root && !wrapped {
        return Err(format!(
            "the XGBoost Booster is part of {} (a pipeline?): compiled alone, it would leave out what comes \
             before it; pickle the Booster or the XGBoost estimator alone, or save it with `save_model`",
            pickle.describe(root)
        ));
    }
    state(pickle, booster).ok_or_else(|| "the Booster has no state".into())
}

/// The model bytes in the Booster's state: its `handle`.
fn booster_handle(pickle: &Pickle, state: Id) -> Result<Vec<u8>, String> {
    let handle = pickle.dict_get(state, "handle").ok_or("the Booster's state has no `handle`")?;
    if pickle.get(handle) == &Object::None {
        return Err("the Booster has no model (its handle is None: pickled before training?)".into());
    }
    pickle.bytes(handle).map_err(|e| format!("the Booster's handle: {e}"))
}

/// The state a `BUILD` gives the object `id`: its `__dict__` (the first of a tuple, for a
/// class with slots).
fn state(pickle: &Pickle, id: Id) -> Option<Id> {
    let Object::Call { state: Some(state), .. } = pickle.get(id) else { return None };
    Some(match pickle.get(*state) {
        Object::Tuple(t) if !t.is_empty() => t[0],
        _ => *state,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A protocol 2 pickle of an `xgboost.core.Booster` whose state's `handle` is the pickle
    /// code `handle` (one object).
    fn booster(handle: &[u8]) -> Vec<u8> {
        let mut p = b"cxgboost.core\nBooster\n)\x81}(X\x06\x00\x00\x00handle".to_vec();
        p.extend_from_slice(handle);
        p.extend_from_slice(b"ub");
        p
    }

    fn pickle(body: &[u8]) -> Vec<u8> {
        [b"\x80\x02".as_slice(), body, b"."].concat()
    }

    fn error(bytes: &[u8]) -> String {
        document("m.pkl", bytes).unwrap_err().to_string()
    }

    #[test]
    fn pickles_without_one_trained_booster_say_what_they_hold() {
        assert_eq!(error(&pickle(b"}")), "m.pkl: a Python pickle: no XGBoost Booster in it (it holds a dict)");
        let two = [booster(b"N"), booster(b"N"), b"\x86".to_vec()].concat();
        assert_eq!(error(&pickle(&two)), "m.pkl: a Python pickle: 2 XGBoost Boosters in it; pickle one");
        let untrained = error(&pickle(&booster(b"N")));
        assert!(untrained.ends_with("the Booster has no model (its handle is None: pickled before training?)"), "{untrained}");
        let int = error(&pickle(&booster(b"K\x07")));
        assert!(int.ends_with("the Booster's handle: an int where bytes belong"), "{int}");
        // A booster inside another object (a list here, a scikit-learn Pipeline in practice).
        let inside = error(&pickle(&[b"]".as_slice(), &booster(b"N"), b"a"].concat()));
        assert!(inside.contains("the XGBoost Booster is part of a list"), "{inside}");
        let truncated = error(&pickle(&booster(b"N"))[..20]);
        assert!(truncated.starts_with("m.pkl: a Python pickle: byte 2: the file ends inside a line"), "{truncated}");
    }

    #[test]
    fn a_bad_serialisation_offset_is_an_error() {
        for offset in [0i64, -1, 1000] {
            let mut handle = b"C\x16CONFIG-offset:".to_vec();
            handle.extend_from_slice(&offset.to_le_bytes());
            let err = error(&pickle(&booster(&handle)));
            assert!(err.contains(&format!("has a bad offset Some({offset})")), "{err}");
        }
    }
}
