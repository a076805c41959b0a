//! The section table: where each section lies, what it holds, and its checksum.

use crate::bytes::{le_u32, le_u64};

/// Size of one section table entry in bytes.
pub const SECTION_ENTRY_LEN: usize = 32;
/// Every section starts at an offset that is a multiple of this (a cache line; enough for any
/// SIMD load of the data inside).
pub const SECTION_ALIGN: usize = 64;
/// `owner` value of sections that belong to the artifact as a whole rather than to one model.
pub const NO_OWNER: u32 = u32::MAX;

/// What a section holds. The numeric values are part of the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum SectionKind {
    /// Artifact-wide provenance (postcard [`crate::manifest::Provenance`]).
    Provenance = 1,
    /// The model table: one [`crate::records::ModelRecord`] per model.
    ModelTable = 2,
    /// Model names, UTF-8, concatenated.
    Strings = 3,
    /// Hash index from model name to model number (see [`crate::index`]).
    NameIndex = 4,
    /// A model's manifest (postcard [`crate::manifest::ModelManifest`]); always a model's first section.
    Manifest = 16,
    /// Tree ensemble: one [`crate::records::TreeRecord`] per tree.
    TreeTable = 17,
    /// Tree ensemble: the nodes, [`crate::records::Node`] or [`crate::records::LinkedNode`].
    TreeNodes = 18,
    /// Tree ensemble: leaf values of complete-layout trees (4-byte values).
    TreeLeaves = 19,
    /// Tree ensemble or linear model: the base margin of each output group (4-byte values).
    BaseMargin = 20,
    /// Tree ensemble, optional: the splits of each tree as [`crate::records::SplitRecord`]s, for
    /// bitvector (QuickScorer-style) evaluation of many rows at once.
    TreeSplits = 21,
    /// Tree ensemble, with `tree-splits`: `4 × trees + 1` offsets into it (see
    /// [`crate::records::SplitRecord`]).
    TreeSplitIndex = 22,
    /// Tree ensemble or linear model, optional (format 1.2): the names of the input features,
    /// in feature order (see [`crate::names`]).
    FeatureNames = 23,
    /// Tree ensemble, optional (format 1.3), together with `tree-rank-nodes`: each feature's
    /// distinct split thresholds, ascending, as [`crate::records::RankChunk`]s, for single-row
    /// evaluation of every node by rank comparisons.
    TreeRankChunks = 24,
    /// Tree ensemble, with `tree-rank-chunks`: one [`crate::records::RankTree`] per tree.
    TreeRankNodes = 25,
    /// Tree ensemble, optional (format 1.4), with the rank index: one
    /// [`crate::records::BitTree`] per tree, for single-row evaluation by bit selection.
    TreeBitNodes = 26,
    /// Tree ensemble, optional (format 1.5), together with `tree-lane-nodes`: the thresholds
    /// of the rank chunks packed densely, 16 lanes a [`crate::records::BitLanes`] record, each
    /// lane naming its own feature, for the single-row bit kernel.
    TreeBitLanes = 27,
    /// Tree ensemble, with `tree-bit-lanes` (format 1.5): one [`crate::records::BitTree`] per
    /// tree whose bits are the lanes of `tree-bit-lanes` (where `tree-bit-nodes`' are the rank
    /// chunks' lanes).
    TreeLaneNodes = 28,
    /// Tree ensemble, optional (format 1.6), only with `tree-lane-nodes`: one
    /// [`crate::records::LaneSteps`] per tree, its nodes' comparison bytes in level order, for
    /// the AVX2 single-row kernel.
    TreeLaneSteps = 29,
    /// Tree ensemble, [`crate::manifest::TreeLayout::LinkedCategorical`] only (format 1.8): the
    /// category sets of its categorical splits, `u32` words (see
    /// [`crate::categories`]).
    TreeCategories = 30,
    /// Tree ensemble, optional (format 1.9): the category names of its categorical features
    /// (XGBoost 3.1+'s `cats`), see [`crate::names::FeatureCategories`].
    FeatureCategories = 31,
    /// Network: one [`crate::records::LayerRecord`] per layer.
    NetLayers = 32,
    /// Network: all weights and biases, `f32`, at the offsets the layer records give.
    NetWeights = 33,
    /// Tokenizer: vocabulary token offsets (`u32`, tokens + 1), see [`crate::vocab`].
    VocabOffsets = 34,
    /// Tokenizer: vocabulary token bytes.
    VocabBytes = 35,
    /// Tokenizer: vocabulary hash slots (`u32`).
    VocabSlots = 36,
    /// Network: int8 weights of quantized layers, at the offsets the layer records give.
    NetWeightsI8 = 37,
    /// Network: `i32` biases and requantization values of quantized layers.
    NetQuant = 38,
    /// Linear model (format 1.10): the weights, `f32`, feature-major (`num_features ×
    /// num_groups`, weight `(f, g)` at `f · num_groups + g`).
    LinearWeights = 39,
}

impl SectionKind {
    /// The rank index and the indexes built on it (formats 1.3–1.6: `tree-rank-chunks`,
    /// `tree-rank-nodes`, `tree-bit-nodes`, `tree-bit-lanes`, `tree-lane-nodes`,
    /// `tree-lane-steps`): optional sections of a complete-layout model that repeat what its
    /// `tree-nodes` say in a kernel's form.
    pub const TREE_RANK_INDEXES: [SectionKind; 6] = [
        SectionKind::TreeRankChunks,
        SectionKind::TreeRankNodes,
        SectionKind::TreeBitNodes,
        SectionKind::TreeBitLanes,
        SectionKind::TreeLaneNodes,
        SectionKind::TreeLaneSteps,
    ];

    /// Decodes a kind; unknown kinds (from a newer minor version) give `None` and are skipped.
    pub fn from_u32(v: u32) -> Option<SectionKind> {
        Some(match v {
            1 => SectionKind::Provenance,
            2 => SectionKind::ModelTable,
            3 => SectionKind::Strings,
            4 => SectionKind::NameIndex,
            16 => SectionKind::Manifest,
            17 => SectionKind::TreeTable,
            18 => SectionKind::TreeNodes,
            19 => SectionKind::TreeLeaves,
            20 => SectionKind::BaseMargin,
            21 => SectionKind::TreeSplits,
            22 => SectionKind::TreeSplitIndex,
            23 => SectionKind::FeatureNames,
            24 => SectionKind::TreeRankChunks,
            25 => SectionKind::TreeRankNodes,
            26 => SectionKind::TreeBitNodes,
            27 => SectionKind::TreeBitLanes,
            28 => SectionKind::TreeLaneNodes,
            29 => SectionKind::TreeLaneSteps,
            30 => SectionKind::TreeCategories,
            31 => SectionKind::FeatureCategories,
            32 => SectionKind::NetLayers,
            33 => SectionKind::NetWeights,
            34 => SectionKind::VocabOffsets,
            35 => SectionKind::VocabBytes,
            36 => SectionKind::VocabSlots,
            37 => SectionKind::NetWeightsI8,
            38 => SectionKind::NetQuant,
            39 => SectionKind::LinearWeights,
            _ => return None,
        })
    }

    /// The name used in `docs/format.md` and in `mlc inspect`.
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Provenance => "provenance",
            SectionKind::ModelTable => "model-table",
            SectionKind::Strings => "strings",
            SectionKind::NameIndex => "name-index",
            SectionKind::Manifest => "manifest",
            SectionKind::TreeTable => "tree-table",
            SectionKind::TreeNodes => "tree-nodes",
            SectionKind::TreeLeaves => "tree-leaves",
            SectionKind::BaseMargin => "base-margin",
            SectionKind::TreeSplits => "tree-splits",
            SectionKind::TreeSplitIndex => "tree-split-index",
            SectionKind::FeatureNames => "feature-names",
            SectionKind::TreeRankChunks => "tree-rank-chunks",
            SectionKind::TreeRankNodes => "tree-rank-nodes",
            SectionKind::TreeBitNodes => "tree-bit-nodes",
            SectionKind::TreeBitLanes => "tree-bit-lanes",
            SectionKind::TreeLaneNodes => "tree-lane-nodes",
            SectionKind::TreeLaneSteps => "tree-lane-steps",
            SectionKind::TreeCategories => "tree-categories",
            SectionKind::FeatureCategories => "feature-categories",
            SectionKind::NetLayers => "net-layers",
            SectionKind::NetWeights => "net-weights",
            SectionKind::VocabOffsets => "vocab-offsets",
            SectionKind::VocabBytes => "vocab-bytes",
            SectionKind::VocabSlots => "vocab-slots",
            SectionKind::NetWeightsI8 => "net-weights-i8",
            SectionKind::NetQuant => "net-quant",
            SectionKind::LinearWeights => "linear-weights",
        }
    }
}

/// One decoded section table entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionEntry {
    /// Raw kind value (see [`SectionKind`]).
    pub kind: u32,
    /// Model index that owns the section, or [`NO_OWNER`].
    pub owner: u32,
    /// Byte offset from the start of the artifact; a multiple of [`SECTION_ALIGN`].
    pub offset: u64,
    /// Length in bytes.
    pub len: u64,
    /// CRC-32C of the section's bytes.
    pub crc: u32,
}

impl SectionEntry {
    /// Decodes entry bytes (exactly [`SECTION_ENTRY_LEN`] of them).
    pub fn decode(b: &[u8]) -> SectionEntry {
        SectionEntry { kind: le_u32(b, 0), owner: le_u32(b, 4), offset: le_u64(b, 8), len: le_u64(b, 16), crc: le_u32(b, 24) }
    }

    /// Encodes the entry; bytes 28..32 are reserved and zero.
    pub fn encode(&self) -> [u8; SECTION_ENTRY_LEN] {
        let mut out = [0u8; SECTION_ENTRY_LEN];
        out[0..4].copy_from_slice(&self.kind.to_le_bytes());
        out[4..8].copy_from_slice(&self.owner.to_le_bytes());
        out[8..16].copy_from_slice(&self.offset.to_le_bytes());
        out[16..24].copy_from_slice(&self.len.to_le_bytes());
        out[24..28].copy_from_slice(&self.crc.to_le_bytes());
        out
    }

    /// The known kind of this section, if any.
    pub fn known_kind(&self) -> Option<SectionKind> {
        SectionKind::from_u32(self.kind)
    }
}
