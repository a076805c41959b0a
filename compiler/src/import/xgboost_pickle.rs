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
//! The training configuration changes no prediction and is not read.

use serde_json::Value;

use super::pickle::{Object, Pickle};
use super::xgboost;
use crate::error::ImportError;

/// What XGBoost 1.0–1.2 write before the offset of the configuration.
const CONFIG_OFFSET: &[u8] = b"CONFIG-offset:";

/// The `save_model` document of the booster pickled in `bytes`.
pub fn document(file: &str, bytes: &[u8]) -> Result<Value, ImportError> {
    let malformed = |what: String| ImportError::parse(file, format!("a Python pickle: {what}"));
    let pickle = Pickle::parse(bytes).map_err(|e| {
        malformed(format!(
            "{e} (mlc reads a pickled XGBoost Booster or scikit-learn wrapper as `pickle.dump` writes it; \
             save anything else with `booster.save_model(\"model.json\")`)"
        ))
    })?;
    let handle = booster_handle(&pickle).map_err(malformed)?;
    let model = match handle.strip_prefix(CONFIG_OFFSET) {
        Some(rest) => {
            let offset = rest.get(..8).map(|b| i64::from_le_bytes(b.try_into().expect("8 bytes")));
            let binary = offset
                .and_then(|o| usize::try_from(o).ok())
                .filter(|&o| o > 0)
                .and_then(|o| rest.get(8..8usize.checked_add(o)?))
                .ok_or_else(|| malformed(format!("the Booster's model (XGBoost 1.0–1.2's serialisation) has a bad offset {offset:?}")))?;
            return xgboost::document(file, binary);
        }
        None => &handle[..],
    };
    let mut doc = xgboost::document(file, model)?;
    // A snapshot (1.3+) holds the model under `Model`; before 1.0 the handle is the model.
    Ok(match doc.get_mut("Model") {
        Some(model) => model.take(),
        None => doc,
    })
}

/// The model bytes of the one trained `xgboost.core.Booster` in `pickle`.
fn booster_handle(pickle: &Pickle) -> Result<Vec<u8>, String> {
    let boosters: Vec<_> = (0..pickle.objects.len()).filter(|&id| pickle.class_of(id) == Some(("xgboost.core", "Booster"))).collect();
    let booster = match boosters[..] {
        [one] => one,
        [] => return Err(format!("no XGBoost Booster in it (it holds {})", pickle.describe(pickle.root))),
        _ => return Err(format!("{} XGBoost Boosters in it; pickle one", boosters.len())),
    };
    let Object::Call { state: Some(state), .. } = pickle.get(booster) else {
        return Err("the Booster has no state".into());
    };
    // `__getstate__` returns the object's dict; a class with slots would add a tuple around it.
    let state = match pickle.get(*state) {
        Object::Tuple(t) if !t.is_empty() => t[0],
        _ => *state,
    };
    let handle = pickle.dict_get(state, "handle").ok_or("the Booster's state has no `handle`")?;
    if pickle.get(handle) == &Object::None {
        return Err("the Booster has no model (its handle is None: pickled before training?)".into());
    }
    pickle.bytes(handle).map_err(|e| format!("the Booster's handle: {e}"))
}
