//! [`AlignedBytes`]: an owned, 64-byte aligned copy of a byte string (feature `alloc`).

use alloc::vec::Vec;

use crate::reader::REQUIRED_BASE_ALIGN;
use crate::section::SECTION_ALIGN;

/// A 64-byte block, the unit of [`AlignedBytes`]' storage.
#[repr(C, align(64))]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct Block([u8; AlignedBytes::ALIGN]);

// The alignment must satisfy the reader (base) and keep every section aligned in memory.
const _: () = assert!(AlignedBytes::ALIGN.is_multiple_of(REQUIRED_BASE_ALIGN) && AlignedBytes::ALIGN.is_multiple_of(SECTION_ALIGN));
const _: () = assert!(core::mem::align_of::<Block>() == AlignedBytes::ALIGN && core::mem::size_of::<Block>() == AlignedBytes::ALIGN);

/// An owned byte buffer whose first byte sits on a 64-byte boundary: an artifact read into
/// memory (rather than mapped) satisfies [`REQUIRED_BASE_ALIGN`], and every section (64-byte
/// aligned relative to the start, [`SECTION_ALIGN`]) is 64-byte aligned in memory too.
///
/// The one aligned buffer of the project: the host loader, the tests, the benches, the fuzz
/// targets and the firmware's build script and host driver all hold artifacts in it. Safe code
/// throughout (storage is a `Vec` of 64-byte aligned blocks, viewed as bytes with `bytemuck`).
///
/// Storage is rounded up to whole blocks: the [`padding`](AlignedBytes::padding) after the
/// bytes (fewer than [`ALIGN`](AlignedBytes::ALIGN) zero bytes) is never part of the slice.
///
/// ```
/// let bytes = mlc_format::AlignedBytes::copy_from(b"\x89MLC");
/// assert_eq!(&*bytes, b"\x89MLC");
/// assert_eq!(bytes.as_ptr() as usize % mlc_format::REQUIRED_BASE_ALIGN, 0);
/// ```
#[derive(Clone)]
pub struct AlignedBytes {
    blocks: Vec<Block>,
    len: usize,
}

impl AlignedBytes {
    /// Alignment of the first byte, in bytes (a multiple of [`REQUIRED_BASE_ALIGN`] and of
    /// [`SECTION_ALIGN`]).
    pub const ALIGN: usize = 64;

    /// Copies `bytes` into a fresh aligned buffer of the same length.
    pub fn copy_from(bytes: &[u8]) -> AlignedBytes {
        let mut blocks = alloc::vec![Block([0; Self::ALIGN]); bytes.len().div_ceil(Self::ALIGN)];
        bytemuck::cast_slice_mut::<Block, u8>(&mut blocks)[..bytes.len()].copy_from_slice(bytes);
        AlignedBytes { blocks, len: bytes.len() }
    }

    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        &self.storage()[..self.len]
    }

    /// The zero bytes that follow the bytes in storage, up to the next multiple of
    /// [`ALIGN`](AlignedBytes::ALIGN) (empty when the length is a multiple of it). Never read
    /// through [`as_slice`](AlignedBytes::as_slice); a sanitizer harness can mark them
    /// unaddressable so that a read one byte past the end is reported (`fuzz/src/lib.rs`).
    pub fn padding(&self) -> &[u8] {
        &self.storage()[self.len..]
    }

    fn storage(&self) -> &[u8] {
        bytemuck::cast_slice(&self.blocks)
    }
}

impl core::ops::Deref for AlignedBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl AsRef<[u8]> for AlignedBytes {
    fn as_ref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl core::fmt::Debug for AlignedBytes {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("AlignedBytes").field("len", &self.len).finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lengths around the block size, and a buffer that was not allocated at an aligned offset.
    #[test]
    fn copies_are_aligned_and_exact() {
        let source: Vec<u8> = (1..=255u8).cycle().take(1001).collect();
        for len in [0, 1, 15, 16, 17, 63, 64, 65, 127, 128, 129, 1000] {
            // From an odd offset: the copy does not inherit the source's alignment.
            let from = &source[1..1 + len];
            let b = AlignedBytes::copy_from(from);
            assert_eq!(b.len(), len);
            assert_eq!(b.as_slice(), from);
            assert_eq!(&*b, from);
            assert_eq!(b.as_ref(), from);
            assert_eq!((b.len() + b.padding().len()) % AlignedBytes::ALIGN, 0, "length {len}: storage is whole blocks");
            assert!(b.padding().len() < AlignedBytes::ALIGN);
            assert!(b.padding().iter().all(|&x| x == 0));
            if !b.is_empty() {
                let at = b.as_ptr() as usize;
                assert_eq!(at % AlignedBytes::ALIGN, 0, "length {len}: base {at:#x}");
                assert_eq!(at % REQUIRED_BASE_ALIGN, 0);
            }
            let c = b.clone();
            assert_eq!(c.as_slice(), from);
            assert!(c.is_empty() || c.as_ptr() != b.as_ptr(), "a clone owns its bytes");
        }
    }

    #[test]
    fn empty_input_gives_an_empty_buffer() {
        let b = AlignedBytes::copy_from(&[]);
        assert!(b.is_empty() && b.padding().is_empty());
        assert_eq!(alloc::format!("{b:?}"), "AlignedBytes { len: 0, .. }");
    }

    /// What the buffer is for: the reader accepts an artifact held in it, and refuses the same
    /// bytes one byte off an aligned base.
    #[test]
    fn holds_an_artifact_the_reader_accepts() {
        let provenance = crate::manifest::Provenance { compiler: "test", target: "host", options: "" };
        let bytes = crate::writer::ArtifactWriter::new().finish(&provenance).unwrap();
        let aligned = AlignedBytes::copy_from(&bytes);
        assert!(crate::Artifact::parse(&aligned).is_ok());
        let shifted = AlignedBytes::copy_from(&[&[0], &bytes[..]].concat());
        assert!(matches!(crate::Artifact::parse(&shifted[1..]), Err(crate::FormatError::MisalignedBase { required: REQUIRED_BASE_ALIGN })));
    }
}
