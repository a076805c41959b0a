//! Keras' own saved models, read with no export step: `model.save("model.keras")` (Keras 3's
//! format) and `model.save("model.h5")` (the legacy HDF5 format, which Keras 2 wrote by default
//! and Keras 3 still writes).
//!
//! A `.keras` file is a zip archive of
//! - `config.json`: the model's serialization, the same JSON as `model.to_json()`;
//! - `metadata.json`: `{"keras_version": ...}`;
//! - `model.weights.h5`: HDF5 (written by h5py). Each layer's variables are the datasets
//!   `0`, `1`, … of the group `<path>/vars`, in the order the layer created them. A layer's
//!   path is not its name: Keras names it by its class and its place among its model's layers,
//!   `layers/<class in snake_case>[_<n>]` (`layers/dense`, `layers/dense_1`, …), with a nested
//!   model's layers under `<its path>/layers/`. From Keras 3.6 the group also carries the
//!   layer's name as an attribute `name`, which is checked against the configuration;
//! - `assets/<path>/vocabulary.txt`: the vocabulary of a `TextVectorization` that was
//!   adapted (one given its vocabulary keeps it in `config.json`).
//!
//! `model.save(dir, zipped=False)` (Keras 3.6 and later) writes the same entries as the files
//! of a directory.
//!
//! An `.h5` file is one HDF5 file: the root's attribute `model_config` holds the configuration
//! (Keras 2's serialization or Keras 3's, which [`super::keras`] both read), `keras_version`
//! the version, and the group `model_weights` a group per layer of the model (a nested model's
//! for all its layers) whose attribute `weight_names` lists its variables, each the path of its
//! dataset inside that group: `dense/kernel:0` (Keras 2), `sequential/dense/kernel` (Keras 3).
//! The last two components name the layer and the variable; Keras 3.0–3.5 write the variable
//! alone (`kernel`), and a nested model's are then in the order of its configuration
//! ([`legacy_order`]).
//!
//! [`read`] turns either into the files of an export ([`KerasFiles`]: the configuration as it
//! is, the weights as safetensors named `<layer name>/<variable name>`, the vocabulary as
//! `vocab.txt`), so that one importer, [`super::keras::import_files`], reads every form.

use std::io::{Cursor, Read};
use std::path::Path;

use hdf5_reader::{Datatype, Hdf5File};
use safetensors::tensor::TensorView;
use serde_json::Value;

use super::keras::{KerasFiles, SPECIAL_TOKENS};
use crate::error::ImportError;

/// The archive's entries that [`read`] reads.
const CONFIG: &str = "config.json";
const METADATA: &str = "metadata.json";
const WEIGHTS: &str = "model.weights.h5";

/// Largest entry [`read`] decompresses, and the most it decompresses per byte of the archive:
/// a bound on what a damaged or hostile archive makes it allocate. Keras stores its entries
/// uncompressed; float weights deflate by far less than 64×.
const MAX_ENTRY_BYTES: u64 = 1 << 30;
const MAX_EXPANSION: u64 = 64;

/// A weight read from the file: its name as an export names it (`<layer name>/<variable
/// name>`), its shape and its values as little-endian `f32` bytes.
type NamedTensor = (String, Vec<usize>, Vec<u8>);

/// The first bytes of an HDF5 file (a legacy `.h5` model).
const HDF5_SIGNATURE: &[u8] = b"\x89HDF\r\n\x1a\n";

/// Whether `bytes` start as a Keras saved model does: a zip archive (`.keras`) or an HDF5 file
/// (`.h5`).
pub fn is_saved_model(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(HDF5_SIGNATURE)
}

/// Reads a Keras saved model, `.keras` or `.h5` (told by its bytes), into the files of an
/// export. `file` names it in messages, and each entry of a `.keras` archive as `file/entry`.
pub fn read(file: &Path, bytes: &[u8]) -> Result<KerasFiles, ImportError> {
    if bytes.starts_with(HDF5_SIGNATURE) {
        read_h5(file, bytes)
    } else {
        read_archive(file, bytes)
    }
}

/// Reads a legacy `.h5` model (see the module's documentation).
fn read_h5(file: &Path, bytes: &[u8]) -> Result<KerasFiles, ImportError> {
    let name = file.display().to_string();
    let err = |what: String| ImportError::parse(&name, what);
    let h5 = Hdf5File::from_bytes(bytes).map_err(|e| err(format!("HDF5: {e}")))?;
    let root = h5.root_group().map_err(|e| err(format!("HDF5: {e}")))?;
    let text_attribute = |group: &hdf5_reader::group::Group, key: &str| {
        group.attribute(key).ok().map(|a| a.read_string().map_err(|e| err(format!("attribute `{key}`: {e}")))).transpose()
    };
    let config = text_attribute(&root, "model_config")?.ok_or_else(|| {
        err("no attribute `model_config`: a file of weights only (`save_weights`)? mlc needs the whole model (`model.save`)".into())
    })?;
    let keras_version = text_attribute(&root, "keras_version")?;
    let model: Value = serde_json::from_str(&config).map_err(|e| err(format!("attribute `model_config`: JSON: {e}")))?;
    let top_layers = model.pointer("/config/layers").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    let weights = root.group("model_weights").map_err(|e| err(format!("no group `model_weights`: {e}")))?;
    let h5_len = bytes.len();
    let mut tensors: Vec<NamedTensor> = Vec::new();
    for layer in weights.groups().map_err(|e| err(format!("group `model_weights`: {e}")))? {
        let group_path = format!("model_weights/{}", layer.name());
        let names = match layer.attribute("weight_names") {
            // A layer without variables: an empty list (of floats, as h5py writes it).
            Ok(a) if a.num_elements().ok() == Some(0) => Vec::new(),
            Ok(a) => a.read_strings().map_err(|e| err(format!("`{group_path}`: attribute `weight_names`: {e}")))?,
            Err(_) => continue,
        };
        // Keras 3.0–3.5 name a nested model's variables without their layers (`kernel`): they
        // are then the model's legacy order, which its configuration gives.
        let nested = top_layers
            .iter()
            .find(|l| l.pointer("/config/name").and_then(Value::as_str) == Some(layer.name()))
            .filter(|l| l.pointer("/config/layers").is_some());
        let by_order = match nested {
            Some(model) if names.iter().any(|n| !n.contains('/')) => {
                let order = legacy_order(&name, model)?;
                if order.len() != names.len() {
                    return Err(err(format!(
                        "`{group_path}`: {} weights, but the configuration of model `{}` has {}",
                        names.len(),
                        layer.name(),
                        order.len()
                    )));
                }
                Some(order)
            }
            _ => None,
        };
        for (i, weight) in names.iter().enumerate() {
            let at = format!("{group_path}/{weight}");
            // `[scope/]layer/variable[:0]`.
            let mut parts = weight.rsplit('/');
            let variable = parts.next().unwrap_or_default();
            let variable = variable.strip_suffix(":0").unwrap_or(variable);
            let layer_name = match &by_order {
                Some(order) => {
                    let (owner, expected) = &order[i];
                    if variable != *expected {
                        return Err(err(format!("`{at}`: weight {i} of the model's legacy order is layer `{owner}`'s `{expected}`")));
                    }
                    owner.as_str()
                }
                None => parts.next().unwrap_or(layer.name()),
            };
            let dataset = h5.dataset(&at).map_err(|e| err(format!("`{at}`: {e}")))?;
            let key = format!("{layer_name}/{variable}");
            let (shape, data) = read_f32(&dataset, h5_len).map_err(|e| err(format!("`{at}`: {e}")))?;
            tensors.push((key, shape, data));
        }
    }
    Ok(KerasFiles {
        config: config.into_bytes(),
        weights: safetensors_bytes(&name, &tensors, keras_version)?,
        vocab: None,
        vectorizer: None,
    })
}

/// A nested model's variables in the order Keras' legacy format keeps them
/// (`trainable_weights + non_trainable_weights`), as `(layer name, variable name)`: every
/// layer's variables in layer order, those created trainable first, then the others
/// (BatchNormalization's moving statistics); a model whose configuration says
/// `trainable: false` keeps them all in layer order. This is the order of the model as Keras
/// rebuilds it from its configuration, which is the order it reads the file in: a layer given
/// `trainable: false` before it is built, as the configuration gives it, still creates its
/// variables trainable.
fn legacy_order(file: &str, model: &Value) -> Result<Vec<(String, &'static str)>, ImportError> {
    let mut all = Vec::new();
    for layer in saved_layers(file, model)? {
        let variables = variables(layer.class, layer.config)
            .ok_or_else(|| layer.unsupported(file, format!("class {}, whose weights mlc does not know", layer.class)))?;
        all.extend(variables.into_iter().map(|v| (layer.name.to_string(), v, !v.starts_with("moving_"))));
    }
    if model.pointer("/config/trainable").and_then(Value::as_bool) != Some(false) {
        // A stable partition: the trainable ones first.
        all.sort_by_key(|(_, _, trainable)| !trainable);
    }
    Ok(all.into_iter().map(|(layer, v, _)| (layer, v)).collect())
}

/// Reads a `.keras` archive (see the module's documentation).
fn read_archive(file: &Path, bytes: &[u8]) -> Result<KerasFiles, ImportError> {
    let name = |entry: &str| file.join(entry).display().to_string();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::parse(&file.display().to_string(), format!("not a readable zip archive, as a .keras file is: {e}")))?;
    let limit = MAX_ENTRY_BYTES.min((bytes.len() as u64).saturating_mul(MAX_EXPANSION));
    let mut entry = |entry: &str, required: bool| -> Result<Option<Vec<u8>>, ImportError> {
        let mut f = match archive.by_name(entry) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) if !required => return Ok(None),
            Err(e) => return Err(ImportError::parse(&name(entry), format!("cannot read it from the archive: {e}"))),
        };
        let mut data = Vec::new();
        (&mut f)
            .take(limit + 1)
            .read_to_end(&mut data)
            .map_err(|e| ImportError::parse(&name(entry), format!("cannot read it from the archive: {e}")))?;
        if data.len() as u64 > limit {
            return Err(ImportError::parse(&name(entry), format!("decompresses to more than {limit} bytes")));
        }
        Ok(Some(data))
    };
    from_entries(file, &mut entry)
}

/// Whether `dir` holds a Keras model saved unzipped (`model.save(dir, zipped=False)`, Keras
/// 3.6 and later): a `.keras` archive's entries as files.
pub fn is_unzipped_model(dir: &Path) -> bool {
    dir.join(CONFIG).is_file() && dir.join(WEIGHTS).is_file()
}

/// Reads a Keras model saved unzipped (see [`is_unzipped_model`]) into the files of an export.
pub fn read_unzipped(dir: &Path) -> Result<KerasFiles, ImportError> {
    let mut entry = |entry: &str, required: bool| -> Result<Option<Vec<u8>>, ImportError> {
        let path = dir.join(entry);
        match std::fs::read(&path) {
            Ok(data) => Ok(Some(data)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Ok(None),
            Err(e) => Err(ImportError::parse(&path.display().to_string(), e.to_string())),
        }
    };
    from_entries(dir, &mut entry)
}

/// How [`from_entries`] reads an entry: `entry(name, required)` gives its bytes, `None` for an
/// optional entry that is not there.
type Entry<'a> = dyn FnMut(&str, bool) -> Result<Option<Vec<u8>>, ImportError> + 'a;

/// A `.keras` model from its entries; `file` names the model in messages, and each entry as
/// `file/entry`.
fn from_entries(file: &Path, entry: &mut Entry<'_>) -> Result<KerasFiles, ImportError> {
    let name = |entry: &str| file.join(entry).display().to_string();
    let config_bytes = entry(CONFIG, true)?.unwrap_or_default();
    let h5 = entry(WEIGHTS, true)?.unwrap_or_default();
    let metadata = entry(METADATA, false)?;
    let config: Value = serde_json::from_slice(&config_bytes).map_err(|e| ImportError::parse(&name(CONFIG), format!("JSON: {e}")))?;
    let layers = saved_layers(&name(CONFIG), &config)?;

    // The weights, named as an export names them.
    let weights_file = name(WEIGHTS);
    let h5_len = h5.len();
    let h5 = Hdf5File::from_vec(h5).map_err(|e| ImportError::parse(&weights_file, format!("HDF5: {e}")))?;
    let mut tensors: Vec<NamedTensor> = Vec::new();
    for layer in &layers {
        let Some(variables) = variables(layer.class, layer.config) else { continue };
        read_variables(&weights_file, &h5, h5_len, layer, &variables, &mut tensors)?;
    }
    let keras_version = metadata
        .as_deref()
        .and_then(|m| serde_json::from_slice::<Value>(m).ok())
        .and_then(|m| m.get("keras_version").and_then(Value::as_str).map(str::to_string));
    let weights = safetensors_bytes(&weights_file, &tensors, keras_version)?;

    // The vocabulary of a TextVectorization inside the model: in its configuration, or, for
    // one that was adapted, in the archive's assets.
    let mut vocab = None;
    if let Some(layer) = layers.iter().find(|l| l.class == "TextVectorization") {
        let tokens = match layer.config.get("vocabulary") {
            Some(Value::Array(list)) => list
                .iter()
                .map(|t| t.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| layer.unsupported(&name(CONFIG), "a vocabulary that is not a list of strings"))?,
            None | Some(Value::Null) => {
                let asset = format!("assets/{}/vocabulary.txt", layer.path);
                let text = entry(&asset, false)?.ok_or_else(|| {
                    ImportError::parse(&name(&asset), format!("missing: the vocabulary of TextVectorization layer `{}`", layer.name))
                })?;
                let text = String::from_utf8(text).map_err(|_| ImportError::parse(&name(&asset), "not UTF-8".into()))?;
                assets_vocabulary(&text)
            }
            Some(other) => return Err(layer.unsupported(&name(CONFIG), format!("vocabulary = {other} (a file path or another value)"))),
        };
        vocab = Some(vocab_txt(&tokens).map_err(|what| layer.unsupported(&name(CONFIG), what))?);
    }
    Ok(KerasFiles { config: config_bytes, weights, vocab, vectorizer: None })
}

/// A layer of the saved model: its configuration and where the weights file keeps it.
struct SavedLayer<'v> {
    /// Its `class_name`.
    class: &'v str,
    /// Its `name`.
    name: &'v str,
    /// Its `config`.
    config: &'v Value,
    /// Its group in `model.weights.h5` (and its folder under `assets/`), e.g.
    /// `layers/sequential/layers/dense_1`.
    path: String,
}

impl SavedLayer<'_> {
    fn err(&self, file: &str, what: impl std::fmt::Display) -> ImportError {
        ImportError::parse(file, format!("layer `{}`: {what}", self.name))
    }
    fn unsupported(&self, file: &str, what: impl std::fmt::Display) -> ImportError {
        ImportError::Unsupported { file: file.into(), what: format!("layer `{}`: {what}", self.name) }
    }
}

/// Every layer of the model, nested models' layers included, with the path Keras saves it
/// under: a model's layers are numbered per class in the order of `model.layers` (Keras'
/// `saving_lib._save_container_state`), which for a Sequential model leaves out its
/// InputLayer.
fn saved_layers<'v>(file: &str, config: &'v Value) -> Result<Vec<SavedLayer<'v>>, ImportError> {
    fn walk<'v>(file: &str, model: &'v Value, prefix: &str, out: &mut Vec<SavedLayer<'v>>, depth: usize) -> Result<(), ImportError> {
        if depth > 32 {
            return Err(ImportError::parse(file, "models nested more than 32 deep".into()));
        }
        let class = model.get("class_name").and_then(Value::as_str).unwrap_or("");
        let layers = model
            .pointer("/config/layers")
            .and_then(Value::as_array)
            .ok_or_else(|| ImportError::parse(file, format!("model class `{class}` without config.layers")))?;
        let mut used: Vec<(String, usize)> = Vec::new();
        for layer in layers {
            let layer_class = layer.get("class_name").and_then(Value::as_str).unwrap_or("");
            if class == "Sequential" && layer_class == "InputLayer" {
                continue;
            }
            let snake = to_snake_case(layer_class);
            let unique = match used.iter_mut().find(|(n, _)| *n == snake) {
                Some((_, count)) => {
                    *count += 1;
                    format!("{snake}_{count}")
                }
                None => {
                    used.push((snake.clone(), 0));
                    snake
                }
            };
            let path = format!("{prefix}layers/{unique}");
            if layer.pointer("/config/layers").is_some() {
                walk(file, layer, &format!("{path}/"), out, depth + 1)?;
            } else {
                let config = layer.get("config").unwrap_or(&Value::Null);
                let name = config.get("name").and_then(Value::as_str).unwrap_or("?");
                out.push(SavedLayer { class: layer_class, name, config, path });
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(file, config, "", &mut out, 0)?;
    Ok(out)
}

/// Keras' `naming.to_snake_case`: drop non-word characters, put `_` before each capitalised
/// word that follows a character and between a lower-case letter and a capital, lower-case
/// it all (`GlobalMaxPooling1D` → `global_max_pooling1d`).
fn to_snake_case(name: &str) -> String {
    let s: Vec<char> = name.chars().filter(|c| c.is_alphanumeric() || *c == '_').collect();
    // re.sub("(.)([A-Z][a-z]+)", r"\1_\2"): matches scanned left to right, not overlapping.
    let mut first = Vec::with_capacity(s.len() + 4);
    let mut i = 0;
    while i < s.len() {
        let capitalised = i + 2 < s.len() && s[i + 1].is_ascii_uppercase() && s[i + 2].is_ascii_lowercase();
        if capitalised {
            let mut end = i + 2;
            while end < s.len() && s[end].is_ascii_lowercase() {
                end += 1;
            }
            first.push(s[i]);
            first.push('_');
            first.extend_from_slice(&s[i + 1..end]);
            i = end;
        } else {
            first.push(s[i]);
            i += 1;
        }
    }
    // re.sub("([a-z])([A-Z])", r"\1_\2"), then lower().
    let mut out = String::with_capacity(first.len() + 4);
    let mut i = 0;
    while i < first.len() {
        if i + 1 < first.len() && first[i].is_ascii_lowercase() && first[i + 1].is_ascii_uppercase() {
            out.push(first[i]);
            out.push('_');
            out.push(first[i + 1]);
            i += 2;
        } else {
            out.push(first[i]);
            i += 1;
        }
    }
    out.to_lowercase()
}

/// The variables a layer of a class the importer knows creates, in the order Keras creates
/// them in its `build` (the order of `model.weights.h5`'s datasets `0`, `1`, …); `None` for
/// the other classes (the importer names them).
fn variables(class: &str, config: &Value) -> Option<Vec<&'static str>> {
    let on = |key: &str| config.get(key).and_then(Value::as_bool) != Some(false);
    Some(match class {
        "Embedding" => vec!["embeddings"],
        "Dense" | "Conv1D" => {
            let mut v = vec!["kernel"];
            if on("use_bias") {
                v.push("bias");
            }
            v
        }
        "BatchNormalization" => {
            let mut v = Vec::new();
            if on("scale") {
                v.push("gamma");
            }
            if on("center") {
                v.push("beta");
            }
            v.extend(["moving_mean", "moving_variance"]);
            v
        }
        "InputLayer"
        | "TextVectorization"
        | "Dropout"
        | "MaxPooling1D"
        | "AveragePooling1D"
        | "GlobalMaxPooling1D"
        | "GlobalAveragePooling1D"
        | "Flatten"
        | "Activation"
        | "ReLU" => vec![],
        _ => return None,
    })
}

/// Reads `layer`'s variables, named `variables`, from its group of the weights file, as
/// little-endian `f32` tensors named `<layer name>/<variable name>`.
fn read_variables(
    file: &str,
    h5: &Hdf5File,
    h5_len: usize,
    layer: &SavedLayer<'_>,
    variables: &[&str],
    out: &mut Vec<NamedTensor>,
) -> Result<(), ImportError> {
    let group_path = format!("{}/vars", layer.path);
    let group = match h5.group(&group_path) {
        Ok(g) => g,
        // A layer without variables may have no group (files of other Keras versions).
        Err(_) if variables.is_empty() => return Ok(()),
        Err(e) => return Err(layer.err(file, format!("no group `{group_path}`: {e}"))),
    };
    // From Keras 3.6 the group names its layer: a check of the path's numbering.
    if let Ok(attribute) = group.attribute("name") {
        match attribute.read_string() {
            Ok(saved) if saved == layer.name => {}
            Ok(saved) => {
                return Err(layer.err(file, format!("group `{group_path}` holds the variables of layer `{saved}`, not of this one")));
            }
            Err(e) => return Err(layer.err(file, format!("group `{group_path}`: attribute `name`: {e}"))),
        }
    }
    let (_, names) = group.member_names().map_err(|e| layer.err(file, format!("group `{group_path}`: {e}")))?;
    if names.len() != variables.len() {
        return Err(layer.unsupported(
            file,
            format!(
                "{} variables in `{group_path}`; a {} with this configuration has {} ({})",
                names.len(),
                layer.class,
                variables.len(),
                variables.join(", ")
            ),
        ));
    }
    for (i, variable) in variables.iter().enumerate() {
        let key = format!("{}/{variable}", layer.name);
        let at = format!("{group_path}/{i}");
        let dataset = group.dataset(&i.to_string()).map_err(|e| layer.err(file, format!("`{at}` ({variable}): {e}")))?;
        let (shape, data) = read_f32(&dataset, h5_len).map_err(|e| layer.err(file, format!("`{at}` ({variable}): {e}")))?;
        out.push((key, shape, data));
    }
    Ok(())
}

/// A float32 dataset's shape and values (little-endian bytes); `Err` says why not. `h5_len`,
/// the file's size, bounds what it may allocate: an uncompressed dataset's data lies in the
/// file, a compressed one may be larger, within reason.
fn read_f32(dataset: &hdf5_reader::Dataset, h5_len: usize) -> Result<(Vec<usize>, Vec<u8>), String> {
    match dataset.dtype() {
        Datatype::FloatingPoint { size: 4, .. } => {}
        other => return Err(format!("{other:?}, not float32")),
    }
    let shape: Vec<usize> = dataset.shape().iter().map(|&d| usize::try_from(d).unwrap_or(usize::MAX)).collect();
    let count = shape
        .iter()
        .try_fold(1usize, |n, &d| n.checked_mul(d))
        .filter(|&n| n.saturating_mul(4) <= h5_len.saturating_mul(64))
        .ok_or_else(|| format!("shape {shape:?}, too large for the file"))?;
    let mut values = vec![0f32; count];
    dataset.read_into(&mut values).map_err(|e| e.to_string())?;
    Ok((shape, values.iter().flat_map(|v| v.to_le_bytes()).collect()))
}

/// The tensors as a safetensors file, with the Keras version in its metadata (as
/// `tools/export_keras.py` records it); `Err` for two weights of one name (two layers of one
/// name in the model), `file` naming the weights file.
fn safetensors_bytes(file: &str, tensors: &[NamedTensor], keras_version: Option<String>) -> Result<Vec<u8>, ImportError> {
    let mut views = Vec::with_capacity(tensors.len());
    for (name, shape, data) in tensors {
        if views.iter().any(|(n, _)| n == name) {
            return Err(ImportError::parse(file, format!("a second weight `{name}`: two layers of one name in the model")));
        }
        let view = TensorView::new(safetensors::Dtype::F32, shape.clone(), data)
            .map_err(|e| ImportError::parse(file, format!("weight `{name}`: {e}")))?;
        views.push((name.clone(), view));
    }
    let metadata = keras_version.map(|v| [("mlc.keras_version".to_string(), v)].into_iter().collect());
    safetensors::serialize(views, metadata).map_err(|e| ImportError::parse(file, format!("safetensors: {e}")))
}

/// The lines of an adapted vocabulary's `vocabulary.txt` as Keras reads them back
/// (`IndexLookup.load_assets`: Python's `str.splitlines()`, trailing empty lines dropped).
fn assets_vocabulary(text: &str) -> Vec<String> {
    // Python's line boundaries: \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e, \x85, \u2028, \u2029.
    let boundary = |c: char| matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find(boundary) {
            Some(at) => {
                lines.push(rest[..at].to_string());
                let skip = if rest[at..].starts_with("\r\n") { 2 } else { rest[at..].chars().next().map_or(1, char::len_utf8) };
                rest = &rest[at + skip..];
            }
            None => {
                lines.push(rest.to_string());
                rest = "";
            }
        }
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// The vocabulary as `vocab.txt` holds it (the special tokens first, a token per line), from
/// a `TextVectorization`'s list: Keras' `set_vocabulary` takes the list as it is when it
/// starts with the special tokens, and puts them first when it does not; `Err` for a list it
/// refuses, or a token `vocab.txt` cannot hold.
fn vocab_txt(tokens: &[String]) -> Result<Vec<u8>, String> {
    let given = tokens.len() >= 2 && tokens[..2] == SPECIAL_TOKENS;
    let words = if given { &tokens[2..] } else { tokens };
    let mut out = Vec::new();
    for token in SPECIAL_TOKENS {
        out.extend_from_slice(token.as_bytes());
        out.push(b'\n');
    }
    for (i, token) in words.iter().enumerate() {
        if SPECIAL_TOKENS.contains(&token.as_str()) {
            return Err(format!("vocabulary token {i} is {token:?}, one of TextVectorization's own tokens"));
        }
        if token.contains('\n') {
            return Err(format!("vocabulary token {i} ({token:?}) holds a line break"));
        }
        out.extend_from_slice(token.as_bytes());
        out.push(b'\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_become_kerass_paths() {
        for (class, path) in [
            ("Dense", "dense"),
            ("Conv1D", "conv1d"),
            ("GlobalMaxPooling1D", "global_max_pooling1d"),
            ("GlobalAveragePooling1D", "global_average_pooling1d"),
            ("BatchNormalization", "batch_normalization"),
            ("TextVectorization", "text_vectorization"),
            ("InputLayer", "input_layer"),
            ("MaxPooling1D", "max_pooling1d"),
            ("Functional", "functional"),
            // Python's regular expressions on a name with runs of capitals.
            ("HTTPServerLayer", "http_server_layer"),
            ("ABC", "abc"),
            ("aB", "a_b"),
        ] {
            assert_eq!(to_snake_case(class), path, "{class}");
        }
    }

    #[test]
    fn layers_are_numbered_per_class_and_sequential_leaves_out_its_input() {
        let config: Value = serde_json::json!({"class_name": "Sequential", "config": {"layers": [
            {"class_name": "InputLayer", "config": {"name": "in"}},
            {"class_name": "Dense", "config": {"name": "a"}},
            {"class_name": "Functional", "config": {"name": "f", "layers": [
                {"class_name": "InputLayer", "config": {"name": "in2"}},
                {"class_name": "Dense", "config": {"name": "b"}},
            ]}},
            {"class_name": "Dense", "config": {"name": "c"}},
        ]}});
        let layers = saved_layers("f", &config).unwrap();
        let paths: Vec<(&str, &str)> = layers.iter().map(|l| (l.name, l.path.as_str())).collect();
        assert_eq!(
            paths,
            [
                ("a", "layers/dense"),
                ("in2", "layers/functional/layers/input_layer"),
                ("b", "layers/functional/layers/dense"),
                ("c", "layers/dense_1")
            ]
        );
    }

    #[test]
    fn assets_vocabularies_split_as_python_does() {
        assert_eq!(assets_vocabulary("\n[UNK]\na\r\nb\u{2028}c\n\n"), ["", "[UNK]", "a", "b", "c"]);
        assert_eq!(assets_vocabulary(""), Vec::<String>::new());
    }

    #[test]
    fn two_weights_of_one_name_are_refused() {
        let w = |name: &str| (name.to_string(), vec![1], 1f32.to_le_bytes().to_vec());
        assert!(safetensors_bytes("w.h5", &[w("a/kernel"), w("b/kernel")], None).is_ok());
        let e = safetensors_bytes("w.h5", &[w("a/kernel"), w("a/kernel")], None).unwrap_err().to_string();
        assert!(e.starts_with("w.h5: a second weight `a/kernel`"), "{e}");
    }

    #[test]
    fn special_tokens_are_put_first_once() {
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(vocab_txt(&list(&["a", "b"])).unwrap(), b"\n[UNK]\na\nb\n");
        assert_eq!(vocab_txt(&list(&["", "[UNK]", "a"])).unwrap(), b"\n[UNK]\na\n");
        assert!(vocab_txt(&list(&["a", "[UNK]"])).unwrap_err().contains("token 1"));
        assert!(vocab_txt(&list(&["a\nb"])).unwrap_err().contains("line break"));
    }
}
