//! Building artifacts (feature `alloc`; used by the compiler, never by the runtime).

use alloc::string::String;
use alloc::vec::Vec;

use crate::checksum::crc32c;
use crate::header::{Header, FLAG_BUNDLE, HEADER_LEN};
use crate::index;
use crate::manifest::{ModelManifest, Provenance};
use crate::net::Op;
use crate::records::ModelRecord;
use crate::section::{SectionEntry, SectionKind, NO_OWNER, SECTION_ALIGN, SECTION_ENTRY_LEN};
use crate::version::{FORMAT_MAJOR, FORMAT_MINOR};

/// Why an artifact could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// Two models share a name.
    DuplicateName(String),
    /// A model name is empty.
    EmptyName,
    /// A manifest or provenance does not encode (should not happen).
    Encoding,
}

impl core::fmt::Display for WriteError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            WriteError::DuplicateName(n) => write!(f, "two models are named `{n}`; model names must be unique"),
            WriteError::EmptyName => write!(f, "a model name is empty"),
            WriteError::Encoding => write!(f, "postcard encoding failed"),
        }
    }
}

impl core::error::Error for WriteError {}

struct PendingModel {
    name: String,
    /// The minor format version the manifest needs (its link's and its layout's).
    since_minor: u16,
    manifest: Vec<u8>,
    sections: Vec<(SectionKind, Vec<u8>)>,
}

/// Collects models and their sections, then lays them out as one artifact.
///
/// ```
/// # use mlc_format::writer::ArtifactWriter;
/// # use mlc_format::manifest::Provenance;
/// let writer = ArtifactWriter::new();
/// let bytes = writer.finish(&Provenance { compiler: "test", target: "host", options: "" }).unwrap();
/// assert_eq!(&bytes[..8], &mlc_format::MAGIC);
/// ```
#[derive(Default)]
pub struct ArtifactWriter {
    models: Vec<PendingModel>,
}

impl ArtifactWriter {
    /// An empty artifact.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a model: its manifest and its data sections (in the order given).
    pub fn add_model(&mut self, name: &str, manifest: &ModelManifest<'_>, sections: Vec<(SectionKind, Vec<u8>)>) -> Result<(), WriteError> {
        if name.is_empty() {
            return Err(WriteError::EmptyName);
        }
        if self.models.iter().any(|m| m.name == name) {
            return Err(WriteError::DuplicateName(name.into()));
        }
        let since_minor = match &manifest.body {
            crate::manifest::ModelBody::TreeEnsemble(t) => t.link.since_minor().max(t.layout.since_minor()),
            crate::manifest::ModelBody::Network(_) => 0,
            crate::manifest::ModelBody::Linear(_) => 10,
        };
        let manifest = postcard::to_allocvec(manifest).map_err(|_| WriteError::Encoding)?;
        self.models.push(PendingModel { name: name.into(), since_minor, manifest, sections });
        Ok(())
    }

    /// The minor version the artifact declares: the lowest that has every feature its models
    /// use (docs/format.md §11.1), so that artifacts without newer features stay readable as
    /// what they are by older readers: network operations (1.1 for `BatchNormalization`), the
    /// `feature-names` section (1.2), the `tree-rank-*` sections (1.3), `tree-bit-nodes` (1.4)
    /// `tree-bit-lanes` with `tree-lane-nodes` (1.5), `tree-lane-steps` (1.6) and the links
    /// `Hinge`, `ExpF64` and `SigmoidUnclamped` (1.7), the layout `LinkedCategorical` (1.8) and
    /// the `feature-categories` section (1.9) and linear models (1.10).
    fn minor_version(&self) -> u16 {
        let has = |k: SectionKind| self.models.iter().flat_map(|m| &m.sections).any(|(kind, _)| *kind == k);
        let names = if has(SectionKind::TreeLaneSteps) {
            6
        } else if has(SectionKind::TreeBitLanes) || has(SectionKind::TreeLaneNodes) {
            5
        } else if has(SectionKind::TreeBitNodes) {
            4
        } else if has(SectionKind::TreeRankChunks) {
            3
        } else if has(SectionKind::FeatureNames) {
            2
        } else {
            0
        };
        let layers = self.models.iter().flat_map(|m| &m.sections).filter(|(kind, _)| *kind == SectionKind::NetLayers);
        let ops = layers.flat_map(|(_, bytes)| crate::net::LayerRecord::cast_slice(bytes).unwrap_or(&[]).iter().map(|l| l.op));
        let links = self.models.iter().map(|m| m.since_minor).max().unwrap_or(0);
        let categories = if has(SectionKind::FeatureCategories) { 9 } else { 0 };
        ops.map(Op::since_minor).max().unwrap_or(0).max(names).max(links).max(categories).min(FORMAT_MINOR)
    }

    /// Lays out the artifact: header, section table, then every section at a 64-byte boundary.
    /// The output is a pure function of the inputs (no timestamps), so builds are reproducible.
    pub fn finish(self, provenance: &Provenance<'_>) -> Result<Vec<u8>, WriteError> {
        let mut sections: Vec<(SectionKind, u32, Vec<u8>)> = Vec::new();
        let mut strings = Vec::new();
        let mut records = Vec::new();
        let names: Vec<Option<&[u8]>> = self.models.iter().map(|m| Some(m.name.as_bytes())).collect();
        let slots = index::build(&names);

        let prov = postcard::to_allocvec(provenance).map_err(|_| WriteError::Encoding)?;
        sections.push((SectionKind::Provenance, NO_OWNER, prov));
        sections.push((SectionKind::ModelTable, NO_OWNER, Vec::new())); // filled below
        sections.push((SectionKind::Strings, NO_OWNER, Vec::new()));
        let mut ix = Vec::with_capacity(4 * (slots.len() + 2));
        ix.extend_from_slice(&(slots.len() as u32).to_le_bytes());
        ix.extend_from_slice(&0u32.to_le_bytes());
        for s in &slots {
            ix.extend_from_slice(&s.to_le_bytes());
        }
        sections.push((SectionKind::NameIndex, NO_OWNER, ix));

        for (m, model) in self.models.iter().enumerate() {
            records.push(ModelRecord {
                name_offset: strings.len() as u32,
                name_len: model.name.len() as u32,
                first_section: sections.len() as u32,
                section_count: 1 + model.sections.len() as u32,
            });
            strings.extend_from_slice(model.name.as_bytes());
            sections.push((SectionKind::Manifest, m as u32, model.manifest.clone()));
            for (kind, data) in &model.sections {
                sections.push((*kind, m as u32, data.clone()));
            }
        }
        sections[1].2 = bytemuck::cast_slice(&records).to_vec();
        sections[2].2 = strings;

        let align = |x: usize| x.div_ceil(SECTION_ALIGN) * SECTION_ALIGN;
        let table_end = HEADER_LEN + sections.len() * SECTION_ENTRY_LEN;
        let mut entries = Vec::with_capacity(sections.len());
        let mut at = align(table_end);
        for (kind, owner, data) in &sections {
            entries.push(SectionEntry {
                kind: *kind as u32,
                owner: *owner,
                offset: at as u64,
                len: data.len() as u64,
                crc: crc32c(&[data]),
            });
            at = align(at + data.len());
        }
        let file_len = entries.last().map_or(table_end, |e| (e.offset + e.len) as usize);

        let mut out = alloc::vec![0u8; file_len];
        let mut header = Header {
            major: FORMAT_MAJOR,
            minor: self.minor_version(),
            section_count: sections.len() as u32,
            model_count: self.models.len() as u32,
            section_table_offset: HEADER_LEN as u64,
            file_len: file_len as u64,
            flags: if self.models.len() > 1 { FLAG_BUNDLE } else { 0 },
            table_crc: 0,
        };
        for (i, e) in entries.iter().enumerate() {
            let at = HEADER_LEN + i * SECTION_ENTRY_LEN;
            out[at..at + SECTION_ENTRY_LEN].copy_from_slice(&e.encode());
            out[e.offset as usize..(e.offset + e.len) as usize].copy_from_slice(&sections[i].2);
        }
        out[..HEADER_LEN].copy_from_slice(&header.to_bytes());
        header.table_crc = crc32c(&[&out[..44], &out[HEADER_LEN..table_end]]);
        out[..HEADER_LEN].copy_from_slice(&header.to_bytes());
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{Link, ModelBody, NetInput, Network, Numeric, Source, TreeEnsemble, TreeLayout};
    use crate::net::LayerRecord;
    use crate::{AlignedBytes, Artifact};

    /// An artifact of one network whose only layer is `op` (the writer does not validate it).
    fn network_of(op: Op) -> Vec<u8> {
        let layers = [LayerRecord::new(op, (1, 2), (1, 2))];
        let info = Network { input: NetInput::Vector { features: 2 }, num_layers: 1, scratch: 0, text: None };
        let manifest = ModelManifest {
            num_features: 2,
            num_outputs: 2,
            source: Source { framework: "test", objective: "network", file: "t", sha256: [0; 32] },
            body: ModelBody::Network(info),
            report: "",
        };
        let mut w = ArtifactWriter::new();
        w.add_model("m", &manifest, alloc::vec![(SectionKind::NetLayers, bytemuck::cast_slice(&layers).to_vec())]).unwrap();
        w.finish(&Provenance { compiler: "test", target: "host", options: "" }).unwrap()
    }

    #[test]
    fn declares_the_lowest_minor_version_its_operations_need() {
        let version = |bytes: &[u8]| {
            let a = AlignedBytes::copy_from(bytes);
            let h = Artifact::parse(&a).unwrap().header();
            (h.major, h.minor)
        };
        assert_eq!(version(&network_of(Op::Dense)), (1, 0), "nothing newer than 1.0");
        assert_eq!(version(&network_of(Op::BatchNormalization)), (1, 1));
        let mut named = ArtifactWriter::new();
        let manifest = ModelManifest {
            num_features: 2,
            num_outputs: 1,
            source: Source { framework: "test", objective: "t", file: "t", sha256: [0; 32] },
            body: ModelBody::Network(Network { input: NetInput::Vector { features: 2 }, num_layers: 0, scratch: 0, text: None }),
            report: "",
        };
        named.add_model("m", &manifest, alloc::vec![(SectionKind::FeatureNames, crate::names::encode(&["a", "b"]))]).unwrap();
        let named = named.finish(&Provenance { compiler: "test", target: "host", options: "" }).unwrap();
        assert_eq!(version(&named), (1, 2), "feature names are 1.2");
        // The tree indexes, each alone in a model (the writer does not validate them).
        for (kind, minor) in [
            (SectionKind::TreeRankChunks, 3),
            (SectionKind::TreeBitNodes, 4),
            (SectionKind::TreeBitLanes, 5),
            (SectionKind::TreeLaneSteps, 6),
        ] {
            let mut w = ArtifactWriter::new();
            w.add_model("m", &manifest, alloc::vec![(kind, alloc::vec![0; 80])]).unwrap();
            let bytes = w.finish(&Provenance { compiler: "test", target: "host", options: "" }).unwrap();
            assert_eq!(version(&bytes), (1, minor), "{}", kind.name());
        }
        // The links of 1.7, and those of 1.0.
        for (link, minor) in [(Link::Hinge, 7), (Link::ExpF64, 7), (Link::SigmoidUnclamped, 7), (Link::Exp, 0), (Link::Sigmoid, 0)] {
            let trees = TreeEnsemble { num_trees: 0, num_groups: 1, link, layout: TreeLayout::Linked, numeric: Numeric::Float32 };
            let manifest = ModelManifest { body: ModelBody::TreeEnsemble(trees), ..manifest.clone() };
            let mut w = ArtifactWriter::new();
            w.add_model("m", &manifest, alloc::vec![]).unwrap();
            let bytes = w.finish(&Provenance { compiler: "test", target: "host", options: "" }).unwrap();
            assert_eq!(version(&bytes), (1, minor), "{link:?}");
        }
        // The categorical layout of 1.8.
        let trees = TreeEnsemble {
            num_trees: 0,
            num_groups: 1,
            link: Link::Sigmoid,
            layout: TreeLayout::LinkedCategorical,
            numeric: Numeric::Float32,
        };
        let manifest = ModelManifest { body: ModelBody::TreeEnsemble(trees), ..manifest.clone() };
        let mut w = ArtifactWriter::new();
        w.add_model("m", &manifest, alloc::vec![]).unwrap();
        let bytes = w.finish(&Provenance { compiler: "test", target: "host", options: "" }).unwrap();
        assert_eq!(version(&bytes), (1, 8), "LinkedCategorical");
        let empty = ArtifactWriter::new().finish(&Provenance { compiler: "test", target: "host", options: "" }).unwrap();
        assert_eq!(version(&empty), (1, 0));
    }
}
