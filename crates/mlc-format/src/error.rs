//! The one error type of artifact validation.

use core::fmt;

use crate::section::SectionKind;
use crate::version::{FORMAT_MAJOR, FORMAT_MINOR};

/// Why a byte string is not a valid artifact. Every variant names the place (offset, section
/// index, model index) so a user can tell a truncated download from a corrupted flash page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatError {
    /// Fewer bytes than the structure at `offset` needs.
    Truncated {
        /// What was being read.
        what: &'static str,
        /// Where it starts.
        offset: u64,
        /// Bytes it needs.
        needed: u64,
        /// Bytes available in the whole buffer.
        available: u64,
    },
    /// The first eight bytes are not the mlc magic.
    BadMagic,
    /// The major version is not one this reader implements.
    UnsupportedVersion {
        /// Major version in the file.
        major: u16,
        /// Minor version in the file.
        minor: u16,
    },
    /// The artifact's start address is not aligned as the format requires.
    MisalignedBase {
        /// Required alignment in bytes.
        required: usize,
    },
    /// A header field holds a value the format forbids.
    BadHeader {
        /// The field.
        field: &'static str,
    },
    /// The header + section table checksum does not match.
    TableChecksum {
        /// Stored value.
        stored: u32,
        /// Computed value.
        computed: u32,
    },
    /// A section lies (partly) outside the file, overlaps another, or is not 64-byte aligned.
    SectionBounds {
        /// Index in the section table.
        section: u32,
    },
    /// A section's bytes do not match its checksum.
    SectionChecksum {
        /// Index in the section table.
        section: u32,
        /// The section's kind, if known.
        kind: Option<SectionKind>,
    },
    /// A section is missing, duplicated, of the wrong size, or holds values out of range.
    BadSection {
        /// Index in the section table, or `u32::MAX` if the section is missing.
        section: u32,
        /// What is wrong.
        what: &'static str,
    },
    /// A model table entry or manifest is inconsistent.
    BadModel {
        /// Index of the model in the model table.
        model: u32,
        /// What is wrong.
        what: &'static str,
    },
    /// A model lacks a section its manifest requires.
    MissingSection {
        /// Index of the model.
        model: u32,
        /// The missing kind.
        kind: SectionKind,
    },
    /// A postcard-encoded structure (manifest, provenance) does not decode.
    BadEncoding {
        /// Index of the section holding it.
        section: u32,
    },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            FormatError::Truncated { what, offset, needed, available } => {
                write!(f, "artifact truncated: {what} at byte {offset} needs {needed} bytes, the artifact has {available}")
            }
            FormatError::BadMagic => write!(f, "not an mlc artifact (bad magic in bytes 0..8)"),
            FormatError::UnsupportedVersion { major, minor } => write!(
                f,
                "artifact format version {major}.{minor} is not supported (this reader implements {}.x, x <= {})",
                FORMAT_MAJOR, FORMAT_MINOR
            ),
            FormatError::MisalignedBase { required } => {
                write!(f, "artifact bytes must start at an address aligned to {required} bytes")
            }
            FormatError::BadHeader { field } => write!(f, "invalid header field `{field}`"),
            FormatError::TableChecksum { stored, computed } => {
                write!(f, "header/section-table checksum mismatch (stored {stored:#010x}, computed {computed:#010x})")
            }
            FormatError::SectionBounds { section } => {
                write!(f, "section {section} lies outside the artifact, overlaps another, is misaligned, or has non-zero reserved bytes")
            }
            FormatError::SectionChecksum { section, kind } => match kind {
                Some(kind) => write!(f, "section {section} ({}) is corrupted: checksum mismatch", kind.name()),
                None => write!(f, "section {section} is corrupted: checksum mismatch"),
            },
            FormatError::BadSection { section, what } => {
                if section == u32::MAX {
                    write!(f, "missing section: {what}")
                } else {
                    write!(f, "section {section}: {what}")
                }
            }
            FormatError::BadModel { model, what } => write!(f, "model {model}: {what}"),
            FormatError::MissingSection { model, kind } => write!(f, "model {model}: missing its {} section", kind.name()),
            FormatError::BadEncoding { section } => write!(f, "section {section}: postcard encoding does not decode"),
        }
    }
}

impl core::error::Error for FormatError {}
