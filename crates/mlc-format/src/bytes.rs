//! Little-endian integers at an offset of a byte string: the header's and the section table's
//! fields. The caller has checked that the bytes are there (these panic otherwise).

/// The `u16` at `b[at..at + 2]`.
pub(crate) fn le_u16(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

/// The `u32` at `b[at..at + 4]`.
pub(crate) fn le_u32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// The `u64` at `b[at..at + 8]`.
pub(crate) fn le_u64(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_little_endian_at_an_offset() {
        let b = [0xff, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0xff];
        assert_eq!(le_u16(&b, 1), 0x0201);
        assert_eq!(le_u32(&b, 1), 0x0403_0201);
        assert_eq!(le_u64(&b, 1), 0x0807_0605_0403_0201);
        assert_eq!(le_u64(&b, 2), 0xff08_0706_0504_0302);
    }
}
