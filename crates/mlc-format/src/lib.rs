//! The mlc artifact format, version 1 — the byte layout specified in `docs/format.md`.
//!
//! This crate is `#![no_std]` and needs no allocator to *read*: [`Artifact::parse`] validates a
//! byte string (header, section table, bounds, alignment, checksums, version) and hands out
//! borrowed views of its sections, so a runtime executes models in place from flash or an mmap.
//! With the `alloc` feature, [`writer::ArtifactWriter`] builds artifacts (used by the compiler)
//! and [`AlignedBytes`] holds a copy of one at the alignment the reader needs.
//!
//! The record types that sections hold (tree nodes, tree headers, …) live in [`records`], the
//! network vocabulary (operations, activations, data types, layer records) in [`net`]; the
//! compiler writes them and the runtime reads them through the very same definitions.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(target_endian = "big")]
compile_error!("mlc artifacts are little-endian and are read in place; big-endian targets are not supported");

#[cfg(feature = "alloc")]
extern crate alloc;

#[cfg(feature = "alloc")]
mod aligned;
mod bytes;
pub mod categories;
mod checksum;
mod error;
mod header;
pub mod index;
pub mod manifest;
pub mod names;
pub mod net;
mod reader;
pub mod records;
mod section;
mod version;
pub mod vocab;
#[cfg(feature = "alloc")]
pub mod writer;

#[cfg(feature = "alloc")]
pub use aligned::AlignedBytes;
pub use checksum::crc32c;
pub use error::FormatError;
pub use header::{Header, HEADER_LEN, MAGIC};
pub use reader::{Artifact, ModelEntry, REQUIRED_BASE_ALIGN};
pub use section::{SectionEntry, SectionKind, NO_OWNER, SECTION_ALIGN, SECTION_ENTRY_LEN};
pub use version::{FORMAT_MAJOR, FORMAT_MINOR};
