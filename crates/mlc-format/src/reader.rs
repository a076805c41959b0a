//! Validating, zero-copy reader.

use crate::bytes::le_u32;
use crate::checksum::crc32c;
use crate::error::FormatError;
use crate::header::{Header, HEADER_LEN};
use crate::index;
use crate::manifest::{ModelManifest, Provenance};
use crate::records::ModelRecord;
use crate::section::{SectionEntry, SectionKind, NO_OWNER, SECTION_ALIGN, SECTION_ENTRY_LEN};
use bytemuck::checked::CheckedCastError;
use bytemuck::CheckedBitPattern;

/// The artifact's first byte must sit at an address that is a multiple of this. Sections are
/// 64-byte aligned *relative to the start*; with this base alignment every record cast is
/// aligned. `mmap` (page-aligned) and the host loader's aligned buffers satisfy it.
pub const REQUIRED_BASE_ALIGN: usize = 16;

/// A validated artifact: every section is in bounds, aligned, non-overlapping and matches its
/// checksum; the model table, names and index are consistent. Cheap to copy.
#[derive(Debug, Clone, Copy)]
pub struct Artifact<'a> {
    bytes: &'a [u8],
    header: Header,
    models: &'a [ModelRecord],
    strings: &'a [u8],
    index: &'a [u32],
    provenance: u32,
}

/// One model of an artifact: its name and its sections.
#[derive(Debug, Clone, Copy)]
pub struct ModelEntry<'a> {
    artifact: Artifact<'a>,
    /// Position in the model table.
    pub index: u32,
    /// Model name (unique within the artifact).
    pub name: &'a str,
    first_section: u32,
    section_count: u32,
}

/// `bytes` as records of type `T` in place: `what` if the size is not a whole number of records
/// (or misaligned), and an error naming the section if a record holds a value `T` does not
/// have (an unknown operation of a [`crate::net::LayerRecord`]).
fn cast<'a, T: CheckedBitPattern>(bytes: &'a [u8], section: u32, what: &'static str) -> Result<&'a [T], FormatError> {
    bytemuck::checked::try_cast_slice(bytes).map_err(|e| match e {
        CheckedCastError::InvalidBitPattern => FormatError::BadSection { section, what: "a record holds a value that has no meaning" },
        CheckedCastError::PodCastError(_) => FormatError::BadSection { section, what },
    })
}

impl<'a> Artifact<'a> {
    /// Validates `bytes` as an artifact. Never panics; any byte string gives `Ok` or a typed error.
    ///
    /// Cost: one CRC-32C pass over the whole artifact.
    pub fn parse(bytes: &'a [u8]) -> Result<Artifact<'a>, FormatError> {
        Self::parse_inner(bytes, true)
    }

    /// Like [`Artifact::parse`] but without the checksum pass: every structural check (bounds,
    /// alignment, model table, index) still runs, so this never panics either. For bytes that
    /// already passed `parse`, e.g. a mapped file re-viewed on each request.
    pub fn parse_trusted(bytes: &'a [u8]) -> Result<Artifact<'a>, FormatError> {
        Self::parse_inner(bytes, false)
    }

    fn parse_inner(bytes: &'a [u8], verify: bool) -> Result<Artifact<'a>, FormatError> {
        let header = Header::parse(bytes)?;
        if !(bytes.as_ptr() as usize).is_multiple_of(REQUIRED_BASE_ALIGN) {
            return Err(FormatError::MisalignedBase { required: REQUIRED_BASE_ALIGN });
        }
        if (header.flags & crate::header::FLAG_BUNDLE != 0) != (header.model_count > 1) {
            return Err(FormatError::BadHeader { field: "flags (bundle bit must be set iff there are several models)" });
        }
        let table_len = (header.section_count as u64) * SECTION_ENTRY_LEN as u64;
        let table_end = HEADER_LEN as u64 + table_len;
        if table_end > bytes.len() as u64 {
            return Err(FormatError::Truncated {
                what: "section table",
                offset: HEADER_LEN as u64,
                needed: table_len,
                available: bytes.len() as u64,
            });
        }
        let table = &bytes[HEADER_LEN..table_end as usize];
        let computed = if verify { crc32c(&[&bytes[..44], table]) } else { header.table_crc };
        if computed != header.table_crc {
            return Err(FormatError::TableChecksum { stored: header.table_crc, computed });
        }

        // Sections: in bounds, aligned, in increasing order without overlap, checksums right.
        let mut next_free = table_end;
        let mut model_table = None;
        let mut strings = None;
        let mut name_index = None;
        let mut provenance = None;
        for i in 0..header.section_count {
            let entry = SectionEntry::decode(&table[i as usize * SECTION_ENTRY_LEN..]);
            let reserved = le_u32(table, i as usize * SECTION_ENTRY_LEN + 28);
            let end = entry.offset.checked_add(entry.len);
            match end {
                Some(end)
                    if reserved == 0
                        && entry.offset.is_multiple_of(SECTION_ALIGN as u64)
                        && entry.offset >= next_free
                        && end <= bytes.len() as u64 =>
                {
                    next_free = end
                }
                _ => return Err(FormatError::SectionBounds { section: i }),
            }
            let data = &bytes[entry.offset as usize..(entry.offset + entry.len) as usize];
            if verify && crc32c(&[data]) != entry.crc {
                return Err(FormatError::SectionChecksum { section: i, kind: entry.known_kind() });
            }
            let slot = match entry.known_kind() {
                Some(SectionKind::ModelTable) => &mut model_table,
                Some(SectionKind::Strings) => &mut strings,
                Some(SectionKind::NameIndex) => &mut name_index,
                Some(SectionKind::Provenance) => &mut provenance,
                _ => {
                    if entry.owner == NO_OWNER {
                        // Unknown artifact-wide kinds come from newer minor versions: skip them.
                        // Known per-model kinds must have an owner.
                        if entry.known_kind().is_some() {
                            return Err(FormatError::BadSection { section: i, what: "per-model section without owner" });
                        }
                    } else if entry.owner >= header.model_count {
                        return Err(FormatError::BadSection { section: i, what: "owner is not a model" });
                    }
                    continue;
                }
            };
            if entry.owner != NO_OWNER {
                return Err(FormatError::BadSection { section: i, what: "artifact-wide section has an owner" });
            }
            if slot.replace((i, data)).is_some() {
                return Err(FormatError::BadSection { section: i, what: "duplicate artifact-wide section" });
            }
        }
        let missing = |what| FormatError::BadSection { section: u32::MAX, what };
        let (mt_i, mt) = model_table.ok_or(missing("model-table"))?;
        let (_, strings) = strings.ok_or(missing("strings"))?;
        let (ix_i, ix) = name_index.ok_or(missing("name-index"))?;
        let (prov_i, _) = provenance.ok_or(missing("provenance"))?;

        let models: &[ModelRecord] = cast(mt, mt_i, "model table size is not a multiple of 16")?;
        if models.len() != header.model_count as usize {
            return Err(FormatError::BadSection { section: mt_i, what: "model table length differs from the header's model count" });
        }
        let ix: &[u32] = cast(ix, ix_i, "name index size is not a multiple of 4")?;
        let (head, slots) = ix.split_at(ix.len().min(2));
        if head.len() != 2
            || head[1] != 0
            || head[0] as usize != slots.len()
            || !slots.len().is_power_of_two()
            || slots.len() < models.len() * 2
        {
            return Err(FormatError::BadSection { section: ix_i, what: "name index header is inconsistent" });
        }
        let artifact = Artifact { bytes, header, models, strings, index: slots, provenance: prov_i };

        // Every model: non-empty name, its own run of sections with the manifest first, and
        // reachable through the index.
        for (m, rec) in models.iter().enumerate() {
            let m = m as u32;
            let name = artifact
                .name_of(m)
                .filter(|n| !n.is_empty())
                .ok_or(FormatError::BadModel { model: m, what: "name is empty, out of bounds or not UTF-8" })?;
            let last = rec.first_section.checked_add(rec.section_count);
            if rec.section_count == 0 || last.is_none_or(|last| last > header.section_count) {
                return Err(FormatError::BadModel { model: m, what: "section range is out of bounds" });
            }
            for s in rec.first_section..rec.first_section + rec.section_count {
                let e = artifact.section_entry(s);
                if e.owner != m {
                    return Err(FormatError::BadModel { model: m, what: "section range includes another owner's section" });
                }
                if s != rec.first_section && e.known_kind() == Some(SectionKind::Manifest) {
                    return Err(FormatError::BadModel { model: m, what: "a second manifest" });
                }
            }
            if artifact.section_entry(rec.first_section).known_kind() != Some(SectionKind::Manifest) {
                return Err(FormatError::BadModel { model: m, what: "first section is not a manifest" });
            }
            if artifact.find(name) != Some(m) {
                return Err(FormatError::BadModel {
                    model: m,
                    what: "name is not reachable through the index (duplicate name or bad index)",
                });
            }
        }
        // Every model was found through the index; with exactly one slot per model, no slot is
        // stale or repeated.
        if slots.iter().filter(|&&s| s != index::EMPTY).count() != models.len() {
            return Err(FormatError::BadSection { section: ix_i, what: "index slots do not match the models one to one" });
        }
        // Owned sections lie inside their owner's run (so none is silently ignored).
        for i in 0..header.section_count {
            let owner = artifact.section_entry(i).owner;
            if owner != NO_OWNER {
                let rec = models[owner as usize]; // owner < model_count, checked above
                if !(rec.first_section..rec.first_section + rec.section_count).contains(&i) {
                    return Err(FormatError::BadSection {
                        section: i,
                        what: "a model-owned section lies outside its model's run of sections",
                    });
                }
            }
        }
        Ok(artifact)
    }

    /// The whole artifact.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The decoded header.
    pub fn header(&self) -> Header {
        self.header
    }

    /// Number of models.
    pub fn model_count(&self) -> u32 {
        self.header.model_count
    }

    /// Number of sections.
    pub fn section_count(&self) -> u32 {
        self.header.section_count
    }

    /// Section table entry `i`. Panics if `i >= section_count()`.
    pub fn section_entry(&self, i: u32) -> SectionEntry {
        SectionEntry::decode(&self.bytes[HEADER_LEN + i as usize * SECTION_ENTRY_LEN..])
    }

    /// Bytes of section `i` (validated in bounds by `parse`). Panics if `i >= section_count()`.
    pub fn section_bytes(&self, i: u32) -> &'a [u8] {
        let e = self.section_entry(i);
        &self.bytes[e.offset as usize..(e.offset + e.len) as usize]
    }

    /// The artifact's provenance.
    pub fn provenance(&self) -> Result<Provenance<'a>, FormatError> {
        postcard::from_bytes(self.section_bytes(self.provenance)).map_err(|_| FormatError::BadEncoding { section: self.provenance })
    }

    fn name_of(&self, m: u32) -> Option<&'a str> {
        core::str::from_utf8(self.name_bytes_of(m)?).ok()
    }

    /// The bytes of model `m`'s name (UTF-8 checked by [`Self::name_of`] where a `str` is
    /// needed; a lookup compares bytes, and a name that is not UTF-8 equals no `&str`).
    fn name_bytes_of(&self, m: u32) -> Option<&'a [u8]> {
        let rec = self.models.get(m as usize)?;
        let start = rec.name_offset as usize;
        self.strings.get(start..start.checked_add(rec.name_len as usize)?)
    }

    /// Model number of `name`, found through the hash index (no scan).
    pub fn find(&self, name: &str) -> Option<u32> {
        index::lookup(self.index, name.as_bytes(), |m| self.name_bytes_of(m))
    }

    /// Model number `m`, if it exists.
    pub fn model(&self, m: u32) -> Option<ModelEntry<'a>> {
        let rec = self.models.get(m as usize)?;
        Some(ModelEntry {
            artifact: *self,
            index: m,
            name: self.name_of(m)?,
            first_section: rec.first_section,
            section_count: rec.section_count,
        })
    }

    /// The model called `name`.
    pub fn model_by_name(&self, name: &str) -> Option<ModelEntry<'a>> {
        self.model(self.find(name)?)
    }

    /// All models, in model-table order.
    pub fn models(&self) -> impl Iterator<Item = ModelEntry<'a>> + '_ {
        (0..self.model_count()).filter_map(|m| self.model(m))
    }
}

impl<'a> ModelEntry<'a> {
    /// The model's manifest.
    pub fn manifest(&self) -> Result<ModelManifest<'a>, FormatError> {
        postcard::from_bytes(self.artifact.section_bytes(self.first_section))
            .map_err(|_| FormatError::BadEncoding { section: self.first_section })
    }

    /// Indices (in the section table) of the model's sections.
    pub fn section_indices(&self) -> core::ops::Range<u32> {
        self.first_section..self.first_section + self.section_count
    }

    /// The model's single section of `kind`: `Ok(None)` if absent, an error if repeated.
    pub fn section(&self, kind: SectionKind) -> Result<Option<(u32, &'a [u8])>, FormatError> {
        let mut found = None;
        for i in self.section_indices() {
            if self.artifact.section_entry(i).known_kind() == Some(kind) {
                if found.is_some() {
                    return Err(FormatError::BadSection { section: i, what: "duplicate section in one model" });
                }
                found = Some((i, self.artifact.section_bytes(i)));
            }
        }
        Ok(found)
    }

    /// The model's feature names (section `feature-names`, format 1.2), checked: `Ok(None)` if
    /// absent; `BadSection` naming the section if repeated or malformed. Whether their count
    /// matches the model's features is checked at model load.
    pub fn feature_names(&self) -> Result<Option<crate::names::FeatureNames<'a>>, FormatError> {
        match self.section(SectionKind::FeatureNames)? {
            Some((section, bytes)) => {
                crate::names::FeatureNames::parse(bytes).map(Some).map_err(|what| FormatError::BadSection { section, what })
            }
            None => Ok(None),
        }
    }

    /// The model's category names (section `feature-categories`, format 1.9), checked:
    /// `Ok(None)` if absent; `BadSection` naming the section if repeated or malformed. Whether
    /// their feature count matches the model's is checked at model load.
    pub fn feature_categories(&self) -> Result<Option<crate::names::FeatureCategories<'a>>, FormatError> {
        match self.section(SectionKind::FeatureCategories)? {
            Some((section, bytes)) => {
                crate::names::FeatureCategories::parse(bytes).map(Some).map_err(|what| FormatError::BadSection { section, what })
            }
            None => Ok(None),
        }
    }

    /// Like [`ModelEntry::section`], cast to records of type `T`; `Ok(None)` if absent.
    pub fn optional_records<T: CheckedBitPattern>(&self, kind: SectionKind) -> Result<Option<&'a [T]>, FormatError> {
        match self.section(kind)? {
            Some((i, bytes)) => cast(bytes, i, "section size is not a multiple of its record size").map(Some),
            None => Ok(None),
        }
    }

    /// Like [`ModelEntry::section`], cast to records of type `T`; a missing section is an error.
    pub fn records<T: CheckedBitPattern>(&self, kind: SectionKind) -> Result<&'a [T], FormatError> {
        let (i, bytes) = self.section(kind)?.ok_or(FormatError::MissingSection { model: self.index, kind })?;
        cast(bytes, i, "section size is not a multiple of its record size")
    }
}
