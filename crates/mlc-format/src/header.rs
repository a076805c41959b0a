//! The fixed 64-byte header at offset 0.

use crate::bytes::{le_u16, le_u32, le_u64};
use crate::error::FormatError;
use crate::version::FORMAT_MAJOR;

/// Bytes 0..8 of every artifact. Like PNG's signature: the high byte catches 7-bit transfers,
/// CR LF and the trailing LF catch newline conversion, and 0x1A stops `type` on DOS.
pub const MAGIC: [u8; 8] = *b"\x89MLC\r\n\x1a\n";
/// Size of the header in bytes.
pub const HEADER_LEN: usize = 64;

/// The decoded header (see `docs/format.md`, "Header").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// Format major version.
    pub major: u16,
    /// Format minor version.
    pub minor: u16,
    /// Number of entries in the section table.
    pub section_count: u32,
    /// Number of models.
    pub model_count: u32,
    /// Byte offset of the section table (always [`HEADER_LEN`] in version 1).
    pub section_table_offset: u64,
    /// Total length of the artifact in bytes.
    pub file_len: u64,
    /// Flags; bit 0 = bundle. Other bits are reserved and must be zero.
    pub flags: u32,
    /// CRC-32C over header bytes 0..44 followed by the whole section table.
    pub table_crc: u32,
}

/// Header flag: the artifact is a bundle — set if and only if it holds more than one model.
pub const FLAG_BUNDLE: u32 = 1;

impl Header {
    /// Decodes and checks the header fields that do not depend on the rest of the file.
    pub fn parse(bytes: &[u8]) -> Result<Header, FormatError> {
        if bytes.len() < HEADER_LEN {
            // A prefix of the magic is still recognisably ours: call it truncated, not foreign.
            let n = bytes.len().min(MAGIC.len());
            if bytes[..n] != MAGIC[..n] {
                return Err(FormatError::BadMagic);
            }
            return Err(FormatError::Truncated { what: "header", offset: 0, needed: HEADER_LEN as u64, available: bytes.len() as u64 });
        }
        if bytes[..8] != MAGIC {
            return Err(FormatError::BadMagic);
        }
        let header = Header {
            major: le_u16(bytes, 8),
            minor: le_u16(bytes, 10),
            section_count: le_u32(bytes, 16),
            model_count: le_u32(bytes, 20),
            section_table_offset: le_u64(bytes, 24),
            file_len: le_u64(bytes, 32),
            flags: le_u32(bytes, 40),
            table_crc: le_u32(bytes, 44),
        };
        if header.major != FORMAT_MAJOR {
            return Err(FormatError::UnsupportedVersion { major: header.major, minor: header.minor });
        }
        if le_u32(bytes, 12) != HEADER_LEN as u32 {
            return Err(FormatError::BadHeader { field: "header_len" });
        }
        if header.section_table_offset != HEADER_LEN as u64 {
            return Err(FormatError::BadHeader { field: "section_table_offset" });
        }
        if header.flags & !FLAG_BUNDLE != 0 {
            return Err(FormatError::BadHeader { field: "flags" });
        }
        if bytes[48..64].iter().any(|&b| b != 0) {
            return Err(FormatError::BadHeader { field: "reserved" });
        }
        if header.file_len != bytes.len() as u64 {
            return Err(if header.file_len > bytes.len() as u64 {
                FormatError::Truncated { what: "artifact", offset: 0, needed: header.file_len, available: bytes.len() as u64 }
            } else {
                FormatError::BadHeader { field: "file_len" }
            });
        }
        Ok(header)
    }

    /// Encodes the header; `table_crc` is written as given.
    pub fn to_bytes(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        out[..8].copy_from_slice(&MAGIC);
        out[8..10].copy_from_slice(&self.major.to_le_bytes());
        out[10..12].copy_from_slice(&self.minor.to_le_bytes());
        out[12..16].copy_from_slice(&(HEADER_LEN as u32).to_le_bytes());
        out[16..20].copy_from_slice(&self.section_count.to_le_bytes());
        out[20..24].copy_from_slice(&self.model_count.to_le_bytes());
        out[24..32].copy_from_slice(&self.section_table_offset.to_le_bytes());
        out[32..40].copy_from_slice(&self.file_len.to_le_bytes());
        out[40..44].copy_from_slice(&self.flags.to_le_bytes());
        out[44..48].copy_from_slice(&self.table_crc.to_le_bytes());
        out
    }
}
