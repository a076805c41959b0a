//! Keras importer: the directory `tools/export_keras.py` writes — `config.json` (the model's
//! `to_json()`), `model.safetensors` (weights named `<layer name>/<variable name>`, Keras'
//! shapes) and, for text models, `vocab.txt` + `vectorizer.json` (a `TextVectorization`).
//!
//! Sequential models and Functional models that form a single chain (models nested in them
//! included) are accepted, made of:
//! InputLayer, TextVectorization (first, on a string input: the model then takes raw text; its
//! vocabulary is the export's `vocab.txt`), Embedding, Dropout, Conv1D (valid/same/causal, any
//! stride or dilation),
//! MaxPooling1D, AveragePooling1D (valid/same), GlobalMaxPooling1D, GlobalAveragePooling1D,
//! Flatten, Dense (linear/relu/sigmoid/tanh/softmax; on a sequence, where Keras applies it to
//! every position, linear/relu, as a convolution of width 1), BatchNormalization (over the
//! channels, as in inference). Anything else is an error naming the layer and option.

use std::path::Path;

use safetensors::SafeTensors;
use serde_json::Value;

use crate::error::ImportError;
use crate::nn::{Activation, Layer, NnModel, Op, Padding, Tensor, TokenizerSpec};
use mlc_format::manifest::{NetInput, TextStandardize};

/// Shape flowing between layers (batch dimension left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// One string per example (a `dtype="string"` input of shape `()` or `(1,)`).
    Text,
    Ids(usize),
    Seq(usize, usize),
    Vector(usize),
}

struct Ctx<'a> {
    file: String,
    weights: SafeTensors<'a>,
}

impl Ctx<'_> {
    fn err(&self, layer: &str, what: impl std::fmt::Display) -> ImportError {
        ImportError::Parse { file: self.file.clone(), message: format!("layer `{layer}`: {what}") }
    }
    fn unsupported(&self, layer: &str, what: impl std::fmt::Display) -> ImportError {
        ImportError::Unsupported { file: self.file.clone(), what: format!("layer `{layer}`: {what}") }
    }

    /// Weight `<layer>/<name>` as an f32 tensor of the expected shape.
    fn weight(&self, layer: &str, name: &str, shape: &[usize]) -> Result<Tensor, ImportError> {
        let key = format!("{layer}/{name}");
        let view = self.weights.tensor(&key).map_err(|_| self.err(layer, format!("weight `{key}` is missing")))?;
        if view.dtype() != safetensors::Dtype::F32 {
            return Err(self.unsupported(layer, format!("weight `{key}` is {:?}, not float32", view.dtype())));
        }
        if view.shape() != shape {
            return Err(self.err(layer, format!("weight `{key}` has shape {:?}, the layer needs {shape:?}", view.shape())));
        }
        let data = view.data().chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        Ok(Tensor { shape: shape.to_vec(), data })
    }
}

fn usize_of(v: &Value) -> Option<usize> {
    match v {
        Value::Number(n) => n.as_u64().map(|n| n as usize),
        Value::Array(a) if a.len() == 1 => usize_of(&a[0]),
        _ => None,
    }
}

/// The files of a Keras export (what `tools/export_keras.py` writes), in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KerasFiles {
    /// `config.json`: the model's `to_json()`.
    pub config: Vec<u8>,
    /// `model.safetensors`: the weights.
    pub weights: Vec<u8>,
    /// `vocab.txt`, for a text model (its `TextVectorization`'s vocabulary).
    pub vocab: Option<Vec<u8>>,
    /// `vectorizer.json`, for a text model (its `TextVectorization`'s options); required with
    /// `vocab` unless the layer is inside the model (then `config.json` holds its options).
    pub vectorizer: Option<Vec<u8>>,
}

/// Names of the export's files, as [`read_dir`] reads them and messages name them.
const CONFIG: &str = "config.json";
const WEIGHTS: &str = "model.safetensors";
const VOCAB: &str = "vocab.txt";
const VECTORIZER: &str = "vectorizer.json";

/// Reads the files of an exported Keras model directory (`vocab.txt` and `vectorizer.json`
/// where they exist).
pub fn read_dir(dir: &Path) -> Result<KerasFiles, ImportError> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read(&path).map_err(|e| ImportError::Parse { file: path.display().to_string(), message: e.to_string() })
    };
    let optional = |name: &str| if dir.join(name).exists() { read(name).map(Some) } else { Ok(None) };
    let config = read(CONFIG)?;
    let weights = read(WEIGHTS)?;
    Ok(KerasFiles { config, weights, vocab: optional(VOCAB)?, vectorizer: optional(VECTORIZER)? })
}

/// Reads an exported Keras model directory: [`read_dir`], then [`import_files`].
pub fn import_dir(dir: &Path) -> Result<NnModel, ImportError> {
    import_files(dir, &read_dir(dir)?)
}

/// Imports the files of a Keras export. `dir` is where they came from — the directory, or a
/// name for files that never were on disk — and messages name each file inside it
/// (`DIR/config.json: layer `conv1d`: ...`).
pub fn import_files(dir: &Path, files: &KerasFiles) -> Result<NnModel, ImportError> {
    let file = |name: &str| dir.join(name).display().to_string();
    let config_file = file(CONFIG);
    let config: Value = serde_json::from_slice(&files.config)
        .map_err(|e| ImportError::Parse { file: config_file.clone(), message: format!("JSON: {e}") })?;
    let weights = SafeTensors::deserialize(&files.weights)
        .map_err(|e| ImportError::Parse { file: file(WEIGHTS), message: format!("safetensors: {e}") })?;
    // tools/export_keras.py records the Keras version in the safetensors metadata.
    let version = SafeTensors::read_metadata(&files.weights)
        .ok()
        .and_then(|(_, m)| m.metadata().as_ref().and_then(|md| md.get("mlc.keras_version").cloned()));
    let ctx = Ctx { file: config_file, weights };
    let (mut model, inside) = from_config(&ctx, &config)?;
    if let Some(v) = version {
        model.framework = format!("keras {v}");
    }
    // The vectorizer: the model's own TextVectorization layer (its options in config.json), or
    // one saved beside a model that takes token ids (vectorizer.json).
    let vectorizer = match (inside, &files.vocab, files.vectorizer.as_deref()) {
        (Some(layer), _, _) => Some((ctx.file.clone(), layer)),
        (None, Some(_), Some(json)) => {
            let file = file(VECTORIZER);
            let cfg: Value =
                serde_json::from_slice(json).map_err(|e| ImportError::Parse { file: file.clone(), message: format!("JSON: {e}") })?;
            let name = cfg.get("name").and_then(Value::as_str).unwrap_or("?").to_string();
            let options = TextOptions::read(&cfg).map_err(|what| ImportError::Unsupported {
                file: file.clone(),
                what: format!("layer `{name}`: TextVectorization {what}"),
            })?;
            Some((file, Vectorizer { name, options }))
        }
        (None, Some(_), None) => {
            return Err(ImportError::Parse { file: file(VECTORIZER), message: format!("missing: a text model needs it beside {VOCAB}") })
        }
        (None, None, _) => None,
    };
    if let Some((options_file, Vectorizer { name, options })) = vectorizer {
        let vocab = files.vocab.as_deref().ok_or_else(|| ImportError::Parse {
            file: file(VOCAB),
            message: format!("missing: the vocabulary of TextVectorization layer `{name}` (tools/export_keras.py writes it)"),
        })?;
        let bad = |what: String| ImportError::Unsupported { file: options_file.clone(), what: format!("layer `{name}`: {what}") };
        let NetInput::TokenIds { length } = model.input else {
            return Err(bad("a TextVectorization in front of a model that does not take token ids".into()));
        };
        if let Some(n) = options.length.filter(|&n| n != length as usize) {
            return Err(bad(format!("output_sequence_length = {n}, but the model takes {length} token ids")));
        }
        model.tokenizer = Some(tokenizer(&file(VOCAB), vocab, &options).map_err(bad)?);
    }
    if let (Some(t), NetInput::TokenIds { .. }) = (&model.tokenizer, model.input) {
        if let Some(Layer { op: Op::Embedding { table }, name, .. }) = model.layers.first() {
            if t.vocab.len() > table.shape[0] {
                return Err(ctx.err(name, format!("vocabulary of {} tokens exceeds input_dim {}", t.vocab.len(), table.shape[0])));
            }
        }
    }
    Ok(model)
}

/// A `TextVectorization` layer: its name and the options the runtime's tokenizer honours.
struct Vectorizer {
    name: String,
    options: TextOptions,
}

/// The options of a Keras `TextVectorization` layer (its `get_config()`) that the runtime's
/// tokenizer (`mlc_runtime::text`) honours; [`TextOptions::read`] refuses every other value.
///
/// Honoured: `standardize` (`None`, `"lower"`, `"strip_punctuation"`,
/// `"lower_and_strip_punctuation"`), `split="whitespace"`, `ngrams=None`, `output_mode="int"`,
/// `output_sequence_length` (the model's input length), `max_tokens` and `vocabulary_size`
/// (checked against `vocab.txt`), `encoding="utf-8"`, `ragged=False`. `pad_to_max_tokens`,
/// `sparse` and `idf_weights` do not change `"int"` output (Keras applies them to the other
/// output modes only). The vocabulary itself is `vocab.txt` (`get_vocabulary()`: the mask
/// token `""` and the OOV token `"[UNK]"` first, whether the layer was given them or not).
/// A missing key has Keras' default value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextOptions {
    standardize: TextStandardize,
    /// `output_sequence_length` (`None`: pad to the longest text of a batch).
    length: Option<usize>,
    max_tokens: Option<usize>,
    vocabulary_size: Option<usize>,
}

impl TextOptions {
    /// Reads the layer's config; `Err` names the refused option and its value.
    fn read(cfg: &Value) -> Result<TextOptions, String> {
        let get = |key: &str| cfg.get(key);
        // A callable (`standardize=fn`, `split=fn`) is serialized as an object naming it.
        let show = |v: &Value| match v {
            Value::Object(o) => format!("the callable `{}`", o.get("config").and_then(Value::as_str).unwrap_or("?")),
            Value::Null => "None".into(),
            v => v.to_string(),
        };
        let standardize = match get("standardize") {
            None => TextStandardize::LowerAndStripPunctuation,
            Some(Value::Null) => TextStandardize::None,
            Some(v) => match v.as_str() {
                Some("lower_and_strip_punctuation") => TextStandardize::LowerAndStripPunctuation,
                Some("lower") => TextStandardize::Lower,
                Some("strip_punctuation") => TextStandardize::StripPunctuation,
                _ => {
                    return Err(format!(
                        "standardize = {} (only None, \"lower\", \"strip_punctuation\" or \"lower_and_strip_punctuation\")",
                        show(v)
                    ))
                }
            },
        };
        if let Some(v) = get("split").filter(|v| v.as_str() != Some("whitespace")) {
            return Err(format!("split = {} (only \"whitespace\")", show(v)));
        }
        if let Some(v) = get("ngrams").filter(|v| !v.is_null()) {
            return Err(format!("ngrams = {} (only None)", show(v)));
        }
        if let Some(v) = get("output_mode").filter(|v| v.as_str() != Some("int")) {
            return Err(format!("output_mode = {} (only \"int\")", show(v)));
        }
        if let Some(v) = get("ragged").filter(|v| v.as_bool() != Some(false)) {
            return Err(format!("ragged = {} (only False: the runtime's ids have a fixed length)", show(v)));
        }
        if let Some(v) = get("encoding").filter(|v| !v.as_str().is_some_and(|e| e.eq_ignore_ascii_case("utf-8"))) {
            return Err(format!("encoding = {} (only \"utf-8\")", show(v)));
        }
        let count = |key: &str| match get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => usize_of(v).filter(|&n| n > 0).map(Some).ok_or_else(|| format!("{key} = {} (not a positive integer)", show(v))),
        };
        Ok(TextOptions {
            standardize,
            length: count("output_sequence_length")?,
            max_tokens: count("max_tokens")?,
            vocabulary_size: count("vocabulary_size")?,
        })
    }
}

/// `TextVectorization`'s own tokens, first in its vocabulary: the mask token (id 0) and the
/// out-of-vocabulary token (id 1).
pub(super) const SPECIAL_TOKENS: [&str; 2] = ["", "[UNK]"];

/// The tokenizer of a text model from its vocabulary (`vocab.txt`, named `file` in messages)
/// and its vectorizer's options; `Err` says what does not fit.
fn tokenizer(file: &str, vocab: &[u8], options: &TextOptions) -> Result<TokenizerSpec, String> {
    // Tokens are separated by `\n` only (tokens may hold other Unicode line breaks).
    let body = vocab.strip_suffix(b"\n").unwrap_or(vocab);
    let vocab: Vec<Vec<u8>> = body.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    if vocab.len() < 2 || vocab[..2].iter().zip(SPECIAL_TOKENS).any(|(token, special)| token != special.as_bytes()) {
        return Err(format!("{file} must start with the padding token \"\" and \"[UNK]\""));
    }
    let n = vocab.len();
    if let Some(max) = options.max_tokens.filter(|&max| n > max) {
        return Err(format!("{file} holds {n} tokens, more than max_tokens = {max}"));
    }
    if let Some(size) = options.vocabulary_size.filter(|&size| size != n) {
        return Err(format!("{file} holds {n} tokens, but vocabulary_size = {size}"));
    }
    Ok(TokenizerSpec { vocab, standardize: options.standardize })
}

/// The layer list of a Sequential model, or of a Functional model that is a single chain.
fn layer_list<'v>(file: &str, config: &'v Value) -> Result<&'v [Value], ImportError> {
    let class = config.get("class_name").and_then(Value::as_str).unwrap_or("");
    let layers = config
        .pointer("/config/layers")
        .and_then(Value::as_array)
        .ok_or_else(|| ImportError::Parse { file: file.into(), message: "no config.layers".into() })?;
    match class {
        "Sequential" => Ok(layers),
        "Functional" | "Model" => {
            for pair in layers.windows(2) {
                let prev = pair[0].pointer("/config/name").and_then(Value::as_str);
                let inbound = pair[1].get("inbound_nodes").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
                // Keras 3: `{"args": [tensor], ...}`; Keras 2: `[["layer", 0, 0, {}]]`.
                let history = inbound
                    .first()
                    .and_then(|n| {
                        n.pointer("/args/0/config/keras_history/0").or_else(|| n.as_array().filter(|a| a.len() == 1)?.first()?.get(0))
                    })
                    .and_then(Value::as_str);
                if inbound.len() != 1 || history != prev {
                    let name = pair[1].pointer("/config/name").and_then(Value::as_str).unwrap_or("?");
                    return Err(ImportError::Unsupported {
                        file: file.into(),
                        what: format!("layer `{name}`: only models that are a single chain of layers"),
                    });
                }
            }
            Ok(layers)
        }
        other => Err(ImportError::Unsupported { file: file.into(), what: format!("model class `{other}`") }),
    }
}

/// Whether a layer of a model's config is itself a model.
fn is_model(layer: &Value) -> bool {
    matches!(layer.get("class_name").and_then(Value::as_str), Some("Sequential" | "Functional" | "Model"))
}

/// The layers of a model in order, with the layers of a nested model (Keras' text-classification
/// guide wraps the trained model: `Model(string input, trained_model(vectorizer(input)))`) in its
/// place, less its own InputLayer (its input is the layer before it).
fn flat_layers<'v>(file: &str, config: &'v Value) -> Result<Vec<&'v Value>, ImportError> {
    let mut layers = Vec::new();
    for l in layer_list(file, config)? {
        if is_model(l) {
            let inner = flat_layers(file, l)?;
            layers.extend(inner.into_iter().filter(|l| l.get("class_name").and_then(Value::as_str) != Some("InputLayer")));
        } else {
            layers.push(l);
        }
    }
    Ok(layers)
}

/// The network of `config.json`, and the model's own `TextVectorization` layer if it has one
/// (the model then takes raw text: its input is the layer's token ids).
fn from_config(ctx: &Ctx<'_>, config: &Value) -> Result<(NnModel, Option<Vectorizer>), ImportError> {
    let layers_json = flat_layers(&ctx.file, config)?;
    let version = config.get("keras_version").and_then(Value::as_str).unwrap_or("3");
    let mut shape: Option<Shape> = None;
    let mut input = None;
    let mut layers = Vec::new();
    let mut vectorizer = None;
    for l in layers_json {
        let class = l.get("class_name").and_then(Value::as_str).unwrap_or("?");
        let cfg = l.get("config").unwrap_or(&Value::Null);
        let name = cfg.get("name").and_then(Value::as_str).unwrap_or("?").to_string();
        let opt = |key: &str| cfg.get(key).unwrap_or(&Value::Null);
        let channels_last = || match opt("data_format").as_str() {
            None | Some("channels_last") => Ok(()),
            Some(f) => Err(ctx.unsupported(&name, format!("data_format = {f}"))),
        };
        if class == "InputLayer" {
            shape = Some(input_shape(ctx, &name, cfg)?);
            input = shape;
            continue;
        }
        // Keras 2: a Sequential model's first layer may carry the input's shape itself.
        if shape.is_none() && cfg.get("batch_input_shape").is_some() {
            shape = Some(input_shape(ctx, &name, cfg)?);
            input = shape;
        }
        if class == "Dropout" {
            continue; // identity at inference
        }
        if class == "Activation" || class == "ReLU" {
            fuse_activation(ctx, &name, class, cfg, layers.last_mut())?;
            continue;
        }
        if class == "TextVectorization" {
            // First, on the model's string input (or as a Sequential's first layer, without one).
            if !matches!(shape, None | Some(Shape::Text)) || vectorizer.is_some() {
                return Err(ctx.unsupported(&name, "TextVectorization other than first, on the model's string input"));
            }
            let options = TextOptions::read(cfg).map_err(|what| ctx.unsupported(&name, format!("TextVectorization {what}")))?;
            let Some(length) = options.length else {
                return Err(ctx.unsupported(
                    &name,
                    "TextVectorization output_sequence_length = None (the runtime needs a fixed number of token ids)",
                ));
            };
            shape = Some(Shape::Ids(length));
            input = shape;
            vectorizer = Some(Vectorizer { name, options });
            continue;
        }
        let current = match shape {
            None => return Err(ctx.unsupported(&name, "model without an InputLayer giving a fixed input shape")),
            Some(Shape::Text) => return Err(ctx.unsupported(&name, format!("{class} on strings (only a TextVectorization takes them)"))),
            Some(s) => s,
        };
        let (op, next) = match class {
            "Embedding" => {
                let len = match current {
                    Shape::Ids(len) => len,
                    // The model's input as floats, which the Embedding casts to ids: what Keras 2
                    // gives a Sequential model that starts with one (`input_length`).
                    Shape::Vector(len) if layers.is_empty() && input == Some(current) => {
                        input = Some(Shape::Ids(len));
                        len
                    }
                    _ => return Err(ctx.unsupported(&name, "Embedding not on token ids")),
                };
                if opt("mask_zero").as_bool() == Some(true) {
                    return Err(ctx.unsupported(&name, "mask_zero = true"));
                }
                let (v, d) = (usize_of(opt("input_dim")), usize_of(opt("output_dim")));
                let (Some(v), Some(d)) = (v, d) else { return Err(ctx.err(&name, "input_dim/output_dim missing")) };
                (Op::Embedding { table: ctx.weight(&name, "embeddings", &[v, d])? }, Shape::Seq(len, d))
            }
            "Conv1D" => {
                channels_last()?;
                let Shape::Seq(len, c) = current else { return Err(ctx.unsupported(&name, "Conv1D not on a sequence")) };
                if usize_of(opt("groups")).unwrap_or(1) != 1 {
                    return Err(ctx.unsupported(&name, "groups != 1"));
                }
                let filters = usize_of(opt("filters")).ok_or_else(|| ctx.err(&name, "filters missing"))?;
                let k = usize_of(opt("kernel_size")).ok_or_else(|| ctx.err(&name, "kernel_size missing"))?;
                let stride = usize_of(opt("strides")).unwrap_or(1);
                let dilation = usize_of(opt("dilation_rate")).unwrap_or(1);
                let padding = padding(ctx, &name, opt("padding"), true)?;
                let activation = activation(ctx, &name, opt("activation"), false)?;
                if stride == 0 || dilation == 0 || k == 0 {
                    return Err(ctx.err(&name, "zero kernel_size, strides or dilation_rate"));
                }
                let span = (k - 1)
                    .checked_mul(dilation)
                    .and_then(|s| s.checked_add(1))
                    .ok_or_else(|| ctx.err(&name, "kernel_size × dilation_rate is too large"))?;
                let (out_len, _) = padding.output(len, span, stride).ok_or_else(|| ctx.err(&name, "input shorter than the kernel"))?;
                let kernel = ctx.weight(&name, "kernel", &[k, c, filters])?;
                let bias = bias(ctx, &name, opt("use_bias"), filters)?;
                (Op::Conv1D { kernel, bias, stride, dilation, padding, activation }, Shape::Seq(out_len, filters))
            }
            "MaxPooling1D" | "AveragePooling1D" => {
                channels_last()?;
                let Shape::Seq(len, c) = current else { return Err(ctx.unsupported(&name, "pooling not on a sequence")) };
                let pool = usize_of(opt("pool_size")).ok_or_else(|| ctx.err(&name, "pool_size missing"))?;
                let stride = usize_of(opt("strides")).unwrap_or(pool);
                let padding = padding(ctx, &name, opt("padding"), false)?;
                if pool == 0 || stride == 0 {
                    return Err(ctx.err(&name, "zero pool_size or strides"));
                }
                let (out_len, _) = padding.output(len, pool, stride).ok_or_else(|| ctx.err(&name, "input shorter than the pool"))?;
                let op =
                    if class == "MaxPooling1D" { Op::MaxPool1D { pool, stride, padding } } else { Op::AvgPool1D { pool, stride, padding } };
                (op, Shape::Seq(out_len, c))
            }
            "GlobalMaxPooling1D" | "GlobalAveragePooling1D" => {
                channels_last()?;
                let Shape::Seq(_, c) = current else { return Err(ctx.unsupported(&name, "global pooling not on a sequence")) };
                if opt("keepdims").as_bool() == Some(true) {
                    return Err(ctx.unsupported(&name, "keepdims = true"));
                }
                (
                    if class == "GlobalMaxPooling1D" {
                        Op::GlobalMaxPool1D { activation: Activation::Linear }
                    } else {
                        Op::GlobalAvgPool1D
                    },
                    Shape::Vector(c),
                )
            }
            "Flatten" => {
                let n = match current {
                    // The runtime's shapes are u32 (docs/format.md §9.2).
                    Shape::Seq(l, c) => l
                        .checked_mul(c)
                        .filter(|&n| u32::try_from(n).is_ok())
                        .ok_or_else(|| ctx.err(&name, "the flattened size is too large"))?,
                    Shape::Vector(f) => f,
                    Shape::Ids(_) | Shape::Text => return Err(ctx.unsupported(&name, "Flatten of token ids")),
                };
                (Op::Flatten, Shape::Vector(n))
            }
            "Dense" => {
                let units = usize_of(opt("units")).ok_or_else(|| ctx.err(&name, "units missing"))?;
                match current {
                    Shape::Vector(inp) => {
                        let activation = activation(ctx, &name, opt("activation"), true)?;
                        let kernel = ctx.weight(&name, "kernel", &[inp, units])?;
                        let bias = bias(ctx, &name, opt("use_bias"), units)?;
                        (Op::Dense { kernel, bias, activation }, Shape::Vector(units))
                    }
                    // Keras applies a Dense to a sequence's last axis, every position alike: a
                    // convolution of width 1, whose kernel `(1, channels, units)` holds the same
                    // values.
                    Shape::Seq(len, c) => {
                        let activation = activation(ctx, &name, opt("activation"), false).map_err(|_| {
                            ctx.unsupported(
                                &name,
                                format!("Dense on a sequence with activation = {} (only linear or relu)", opt("activation")),
                            )
                        })?;
                        let Tensor { data, .. } = ctx.weight(&name, "kernel", &[c, units])?;
                        let kernel = Tensor { shape: vec![1, c, units], data };
                        let bias = bias(ctx, &name, opt("use_bias"), units)?;
                        (Op::Conv1D { kernel, bias, stride: 1, dilation: 1, padding: Padding::Valid, activation }, Shape::Seq(len, units))
                    }
                    Shape::Ids(_) | Shape::Text => return Err(ctx.unsupported(&name, "Dense on token ids (an Embedding first)")),
                }
            }
            "BatchNormalization" => (batch_normalization(ctx, &name, cfg, current)?, current),
            other => return Err(ctx.unsupported(&name, format!("layer type {other}"))),
        };
        if matches!(next, Shape::Seq(0, _) | Shape::Seq(_, 0) | Shape::Vector(0) | Shape::Ids(0)) {
            return Err(ctx.err(&name, "the layer's output would be empty (a zero dimension)"));
        }
        layers.push(Layer::new(name, op));
        shape = Some(next);
    }
    let u32_of = |n: usize| {
        u32::try_from(n)
            .map_err(|_| ImportError::Unsupported { file: ctx.file.clone(), what: format!("input dimension {n} (at most {})", u32::MAX) })
    };
    let input = match input {
        Some(Shape::Ids(length)) => NetInput::TokenIds { length: u32_of(length)? },
        Some(Shape::Seq(length, channels)) => NetInput::Sequence { length: u32_of(length)?, channels: u32_of(channels)? },
        Some(Shape::Vector(features)) => NetInput::Vector { features: u32_of(features)? },
        Some(Shape::Text) => {
            return Err(ImportError::Unsupported {
                file: ctx.file.clone(),
                what: "a string input without a TextVectorization layer".into(),
            })
        }
        None => return Err(ImportError::Unsupported { file: ctx.file.clone(), what: "model without an InputLayer".into() }),
    };
    if !matches!(shape, Some(Shape::Vector(_))) {
        return Err(ImportError::Unsupported { file: ctx.file.clone(), what: "models whose output is not a vector".into() });
    }
    Ok((NnModel { input, layers, tokenizer: None, framework: format!("keras {version}") }, vectorizer))
}

/// The input an InputLayer's config describes (`batch_shape`; Keras 2: `batch_input_shape`,
/// which a Sequential model's first layer may also carry).
fn input_shape(ctx: &Ctx<'_>, name: &str, cfg: &Value) -> Result<Shape, ImportError> {
    let opt = |key: &str| cfg.get(key).unwrap_or(&Value::Null);
    let batch_shape = match cfg.get("batch_shape") {
        Some(shape) => shape,
        None => opt("batch_input_shape"),
    };
    let dims: Vec<Option<usize>> = batch_shape.as_array().map(|a| a.iter().skip(1).map(usize_of).collect()).unwrap_or_default();
    let int = opt("dtype").as_str().is_some_and(|d| d.starts_with("int"));
    let string = opt("dtype").as_str() == Some("string");
    if dims.contains(&Some(0)) {
        return Err(ctx.unsupported(name, format!("input shape {batch_shape:?} with a zero dimension")));
    }
    Ok(match dims.as_slice() {
        [] | [Some(1)] if string => Shape::Text,
        _ if string => return Err(ctx.unsupported(name, format!("string input of shape {batch_shape:?} (one string per example)"))),
        [Some(l)] if int => Shape::Ids(*l),
        [Some(f)] => Shape::Vector(*f),
        [Some(l), Some(c)] => Shape::Seq(*l, *c),
        _ => {
            return Err(
                ctx.unsupported(name, format!("input shape {batch_shape:?} (need fixed (length) ids, (length, channels) or (features))"))
            )
        }
    })
}

/// A layer's `padding`; `causal` only where `causal` (convolutions).
fn padding(ctx: &Ctx<'_>, layer: &str, v: &Value, causal: bool) -> Result<Padding, ImportError> {
    match v.as_str() {
        Some("valid") | None => Ok(Padding::Valid),
        Some("same") => Ok(Padding::Same),
        Some("causal") if causal => Ok(Padding::Causal),
        Some(p) => Err(ctx.unsupported(layer, format!("padding = {p}"))),
    }
}

/// A `BatchNormalization` layer as inference runs it (Keras' TensorFlow backend:
/// `tf.nn.batch_normalization`): per channel, `scale = γ · rsqrt(σ² + ε)` and
/// `offset = β − μ · scale`, in `f32` as TensorFlow computes them; the layer normalises the
/// last axis (the channels) of a sequence or a vector.
fn batch_normalization(ctx: &Ctx<'_>, name: &str, cfg: &Value, input: Shape) -> Result<Op, ImportError> {
    let opt = |key: &str| cfg.get(key).unwrap_or(&Value::Null);
    let (rank, c) = match input {
        Shape::Seq(_, c) => (3, c),
        Shape::Vector(f) => (2, f),
        Shape::Ids(_) | Shape::Text => return Err(ctx.unsupported(name, "BatchNormalization of token ids")),
    };
    let axis = match opt("axis") {
        Value::Array(a) if a.len() == 1 => a[0].as_i64(),
        v => v.as_i64(),
    };
    if !matches!(axis, Some(a) if a == -1 || a == rank - 1) {
        return Err(ctx.unsupported(name, format!("axis = {} (only the channels, the last axis)", opt("axis"))));
    }
    // `momentum`, `renorm` and `synchronized` change training only: inference normalises with
    // the moving statistics either way.
    let epsilon = opt("epsilon").as_f64().unwrap_or(1e-3) as f32;
    if epsilon.is_nan() || epsilon < 0.0 {
        return Err(ctx.err(name, format!("epsilon = {}", opt("epsilon"))));
    }
    let on = |key: &str| opt(key).as_bool() != Some(false); // `center` and `scale` default to true
    let gamma = if on("scale") { Some(ctx.weight(name, "gamma", &[c])?.data) } else { None };
    let beta = if on("center") { Some(ctx.weight(name, "beta", &[c])?.data) } else { None };
    let mean = ctx.weight(name, "moving_mean", &[c])?.data;
    let variance = ctx.weight(name, "moving_variance", &[c])?.data;
    let mut scale = Vec::with_capacity(c);
    let mut offset = Vec::with_capacity(c);
    for i in 0..c {
        let mut s = 1.0 / (variance[i] + epsilon).sqrt();
        if let Some(g) = &gamma {
            s *= g[i];
        }
        scale.push(s);
        offset.push(beta.as_ref().map_or(0.0, |b| b[i]) - mean[i] * s);
    }
    Ok(Op::BatchNormalization { scale: Tensor { shape: vec![c], data: scale }, offset: Some(offset), activation: Activation::Linear })
}

/// An `Activation` or `ReLU` layer, applied by the layer before it — a Conv1D, Dense or
/// BatchNormalization with no activation of its own — as that layer's activation: the same
/// values, one layer fewer. The activations a Dense takes on vectors; linear or ReLU after the
/// others (as their own `activation` options).
fn fuse_activation(ctx: &Ctx<'_>, name: &str, class: &str, cfg: &Value, previous: Option<&mut Layer>) -> Result<(), ImportError> {
    let value = if class == "ReLU" {
        // Keras' ReLU with its defaults is max(x, 0); a cap, a slope or a threshold is not.
        let zero_or_absent = |key: &str| cfg.get(key).is_none_or(|v| v.is_null() || v.as_f64() == Some(0.0));
        if !cfg.get("max_value").is_none_or(Value::is_null) || !zero_or_absent("negative_slope") || !zero_or_absent("threshold") {
            return Err(ctx.unsupported(name, "ReLU with max_value, negative_slope or threshold"));
        }
        Value::from("relu")
    } else {
        cfg.get("activation").cloned().unwrap_or(Value::Null)
    };
    if matches!(value.as_str(), Some("linear")) {
        return Ok(()); // the identity, wherever it is
    }
    let Some(previous) = previous else { return Err(ctx.unsupported(name, format!("{class} as the first layer"))) };
    let (slot, dense) = match &mut previous.op {
        Op::Dense { activation, .. } => (activation, true),
        Op::Conv1D { activation, .. } | Op::BatchNormalization { activation, .. } => (activation, false),
        _ => {
            let what = format!("{class} after `{}` (only after a Conv1D, Dense or BatchNormalization)", previous.name);
            return Err(ctx.unsupported(name, what));
        }
    };
    if *slot != Activation::Linear {
        return Err(ctx.unsupported(name, format!("{class} after `{}`, which has an activation already", previous.name)));
    }
    *slot = activation(ctx, name, &value, dense)?;
    Ok(())
}

fn activation(ctx: &Ctx<'_>, layer: &str, v: &Value, dense: bool) -> Result<Activation, ImportError> {
    Ok(match v.as_str() {
        Some("linear") | None => Activation::Linear,
        Some("relu") => Activation::Relu,
        Some("sigmoid") if dense => Activation::Sigmoid,
        Some("tanh") if dense => Activation::Tanh,
        Some("softmax") if dense => Activation::Softmax,
        _ => return Err(ctx.unsupported(layer, format!("activation = {v}"))),
    })
}

fn bias(ctx: &Ctx<'_>, layer: &str, use_bias: &Value, n: usize) -> Result<Option<Vec<f32>>, ImportError> {
    if use_bias.as_bool() == Some(false) {
        return Ok(None);
    }
    Ok(Some(ctx.weight(layer, "bias", &[n])?.data))
}
