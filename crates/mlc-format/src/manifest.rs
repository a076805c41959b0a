//! Postcard-encoded descriptions: the artifact's provenance and each model's manifest.
//!
//! Strings are borrowed from the artifact bytes, so decoding needs no allocator. Postcard's wire
//! format is stable (postcard 1.x); fields are only ever appended in a new minor format version.

use serde::{Deserialize, Serialize};

/// Where an artifact came from (section kind `provenance`). Artifacts carry no timestamp, so the
/// same inputs and options always produce the same bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance<'a> {
    /// Name and version of the compiler, e.g. `mlc 0.1.0`.
    pub compiler: &'a str,
    /// The target the artifact was compiled for, e.g. `host`, `cortex-m4`.
    pub target: &'a str,
    /// The options that shaped the output, as the user gave them.
    pub options: &'a str,
}

/// What one model is and where it came from (section kind `manifest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelManifest<'a> {
    /// Number of input features (floats per row).
    pub num_features: u32,
    /// Number of values one prediction produces.
    pub num_outputs: u32,
    /// The trained file this model was compiled from.
    #[serde(borrow)]
    pub source: Source<'a>,
    /// What kind of model, and how it is laid out.
    pub body: ModelBody,
    /// The compiler's accuracy report for this model (human-readable text).
    pub report: &'a str,
}

/// The trained file a model was compiled from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source<'a> {
    /// Framework and its version as recorded in the file, e.g. `xgboost 3.2.0`.
    pub framework: &'a str,
    /// The framework's name for the model's task, e.g. `binary:logistic`.
    pub objective: &'a str,
    /// File name of the source (no directories, so builds are reproducible across machines).
    pub file: &'a str,
    /// SHA-256 of the source file's bytes.
    pub sha256: [u8; 32],
}

/// The kinds of model an artifact can hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModelBody {
    /// A sum of decision trees (XGBoost `gbtree`/`dart`).
    TreeEnsemble(TreeEnsemble),
    /// A chain of 1-D sequence layers (Keras); data in the `net-*` and `vocab-*` sections.
    Network(Network),
    /// A linear model (XGBoost `gblinear`); data in the `base-margin` and `linear-weights`
    /// sections. Format 1.10.
    Linear(Linear),
}

/// Shape of a linear model: per output group `g`, the margin is the group's base margin plus
/// `x[f] · w[f][g]` over the present features `f`, in feature order, in `f32`
/// (docs/format.md §13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Linear {
    /// Number of output groups (margins): 1, the number of classes or of targets.
    pub num_groups: u32,
    /// Function from margins to predictions.
    pub link: Link,
}

/// Shape of a network; the layers live in the model's `net-layers` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    /// What the network takes.
    pub input: NetInput,
    /// Number of layers.
    pub num_layers: u32,
    /// `f32` values of scratch a prediction needs (two activation buffers).
    pub scratch: u32,
    /// The tokenizer's standardisation, for text models with `vocab-*` sections.
    pub text: Option<TextStandardize>,
}

/// Network input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NetInput {
    /// `length` token ids (first layer an embedding).
    TokenIds {
        /// Sequence length.
        length: u32,
    },
    /// `length × channels` floats, channels last.
    Sequence {
        /// Sequence length.
        length: u32,
        /// Channels.
        channels: u32,
    },
    /// `features` floats.
    Vector {
        /// Features.
        features: u32,
    },
}

impl NetInput {
    /// The input's shape `(length, channels)` as the first layer sees it: token ids are
    /// `(length, 1)`, a vector of `features` is `(1, features)` (docs/format.md §9.1).
    pub fn shape(self) -> (u32, u32) {
        match self {
            NetInput::TokenIds { length } => (length, 1),
            NetInput::Sequence { length, channels } => (length, channels),
            NetInput::Vector { features } => (1, features),
        }
    }

    /// How many values one input takes: token ids, or floats (`length × channels`).
    pub fn values(self) -> u64 {
        let (length, channels) = self.shape();
        length as u64 * channels as u64
    }

    /// Whether the input is token ids.
    pub fn is_token_ids(self) -> bool {
        matches!(self, NetInput::TokenIds { .. })
    }
}

/// Text standardisation before whitespace splitting, as Keras' `TextVectorization` names it
/// (its `standardize` option); the runtime's tokenizer applies it (docs/format.md §9.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextStandardize {
    /// `None`: tokens as written.
    None,
    /// `"lower"`: ASCII lowercase.
    Lower,
    /// `"strip_punctuation"`: drop ASCII punctuation.
    StripPunctuation,
    /// `"lower_and_strip_punctuation"` (Keras' default): both.
    LowerAndStripPunctuation,
}

impl TextStandardize {
    /// Whether ASCII letters are lowercased.
    pub fn lower(self) -> bool {
        matches!(self, TextStandardize::Lower | TextStandardize::LowerAndStripPunctuation)
    }

    /// Whether ASCII punctuation is removed.
    pub fn strip_punctuation(self) -> bool {
        matches!(self, TextStandardize::StripPunctuation | TextStandardize::LowerAndStripPunctuation)
    }
}

/// Shape of a tree ensemble; the data lives in the model's `tree-*` and `base-margin` sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeEnsemble {
    /// Number of trees.
    pub num_trees: u32,
    /// Number of output groups (margins): 1, or the number of classes.
    pub num_groups: u32,
    /// Function from margins to predictions.
    pub link: Link,
    /// How nodes are laid out.
    pub layout: TreeLayout,
    /// How thresholds, leaves and base margins are encoded.
    pub numeric: Numeric,
}

/// Function applied to the margins to give the prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Link {
    /// The margin itself (regression, `binary:logitraw`).
    Identity,
    /// XGBoost's logistic function, per group.
    Sigmoid,
    /// `exp` (Poisson, gamma, Tweedie regression).
    Exp,
    /// Softmax across groups (class probabilities).
    Softmax,
    /// Index of the largest margin, as a float (XGBoost `multi:softmax`).
    ArgMax,
    /// 1 where the margin is above 0, else 0 (XGBoost `binary:hinge`). Format 1.7.
    Hinge,
    /// `exp` computed in `f64`, rounded to `f32` (XGBoost `survival:aft`). Format 1.7.
    ExpF64,
    /// The logistic function without the clamp of [`Link::Sigmoid`] (XGBoost before 1.6:
    /// `1 / (1 + expf(-m))`, 0 below a margin of about -88.72). Format 1.7.
    SigmoidUnclamped,
}

/// Tree node layout, chosen by the compiler per model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TreeLayout {
    /// Trees padded to complete depth, level order, [`crate::records::Node`]s plus a leaves section.
    Complete,
    /// Explicit children, [`crate::records::LinkedNode`]s with leaves inline.
    Linked,
    /// [`TreeLayout::Linked`] whose splits may also be category-set splits (format 1.8): a node
    /// with [`crate::records::CATEGORICAL`] in its key goes right iff its feature's value is a
    /// category of the set its `value` points at in `tree-categories` (XGBoost's categorical
    /// splits, [`crate::categories::goes_left`]).
    LinkedCategorical,
}

impl TreeLayout {
    /// The minor format version that introduced this layout.
    pub fn since_minor(self) -> u16 {
        match self {
            TreeLayout::LinkedCategorical => 8,
            TreeLayout::Complete | TreeLayout::Linked => 0,
        }
    }
}

/// Number encoding of thresholds, leaves and base margins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Numeric {
    /// IEEE-754 `f32` bits; XGBoost's own arithmetic, bit for bit.
    Float32,
    /// Integer-only: thresholds are [`crate::records::ordered_key`]s (exact), leaves and base
    /// margins are `i32` fixed point with `frac_bits` fractional bits, summed in `i32`.
    Fixed {
        /// Fractional bits of leaf values.
        frac_bits: u8,
    },
}

impl Link {
    /// The minor format version that added this link (0 for those of 1.0).
    pub fn since_minor(self) -> u16 {
        match self {
            Link::Hinge | Link::ExpF64 | Link::SigmoidUnclamped => 7,
            Link::Identity | Link::Sigmoid | Link::Exp | Link::Softmax | Link::ArgMax => 0,
        }
    }

    /// Number of prediction values for `groups` margins.
    pub fn outputs(self, groups: u32) -> u32 {
        match self {
            Link::ArgMax => 1,
            _ => groups,
        }
    }
}
