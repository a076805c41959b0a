//! Feature names (section `feature-names`, format 1.2, docs/format.md §6.4): the names of a
//! model's input features, in feature order, read in place without allocation.
//!
//! Layout (all integers `u32` little-endian):
//!
//! ```text
//! 0            count                      N, the number of names
//! 4            offsets[0 ..= N]           name i is bytes[offsets[i] .. offsets[i+1]]
//! 4·(N + 2)    bytes                      the names, UTF-8, concatenated
//! ```
//!
//! `offsets[0] == 0`, the offsets never decrease, `offsets[N]` is the length of `bytes` (the
//! section ends there), and every name is valid UTF-8 on its own.

use crate::bytes::le_u32;

/// Validated feature names borrowed from artifact bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureNames<'a> {
    /// The whole section.
    section: &'a [u8],
    count: u32,
}

impl<'a> FeatureNames<'a> {
    /// Checks a `feature-names` section: the count fits the section, the offsets start at 0,
    /// never decrease and end exactly at the end of the section, and every name is UTF-8.
    /// Returns what is wrong otherwise (for `FormatError::BadSection`). Never panics.
    pub fn parse(section: &'a [u8]) -> Result<FeatureNames<'a>, &'static str> {
        if section.len() < 8 {
            return Err("feature names: section shorter than its count and first offset");
        }
        let count = le_u32(section, 0);
        // 4 bytes of count, 4·(N + 1) of offsets, in 64-bit arithmetic (no overflow).
        let head = 4 + 4 * (count as u64 + 1);
        if head > section.len() as u64 {
            return Err("feature names: the count needs more offsets than the section holds");
        }
        let head = head as usize;
        let bytes_len = section.len() - head;
        let offset = |i: u32| le_u32(section, 4 + 4 * i as usize) as usize;
        if offset(0) != 0 {
            return Err("feature names: the first offset is not 0");
        }
        if offset(count) != bytes_len {
            return Err("feature names: the last offset is not the end of the names");
        }
        let mut start = 0;
        for i in 1..=count {
            let end = offset(i);
            if end < start || end > bytes_len {
                return Err("feature names: offsets decrease or pass the end of the names");
            }
            if core::str::from_utf8(&section[head + start..head + end]).is_err() {
                return Err("feature names: a name is not UTF-8");
            }
            start = end;
        }
        Ok(FeatureNames { section, count })
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// Whether there is no name.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The name of feature `i`, or `None` beyond the last.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        if i >= self.len() {
            return None;
        }
        let head = 4 + 4 * (self.len() + 1);
        let at = |j: usize| le_u32(self.section, 4 + 4 * j) as usize;
        let bytes = self.section.get(head + at(i)..head + at(i + 1))?;
        core::str::from_utf8(bytes).ok() // checked by `parse`: always `Some`
    }

    /// The names in feature order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'a str> + '_ {
        let names = *self;
        (0..self.len()).map(move |i| names.get(i).unwrap_or(""))
    }

    /// The index of the feature called `name` (the first, should names repeat). Linear scan.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.iter().position(|n| n == name)
    }
}

/// The bytes of a `feature-names` section holding `names` in order.
#[cfg(feature = "alloc")]
pub fn encode<S: AsRef<str>>(names: &[S]) -> alloc::vec::Vec<u8> {
    let total: usize = names.iter().map(|n| n.as_ref().len()).sum();
    let mut out = alloc::vec::Vec::with_capacity(4 * (names.len() + 2) + total);
    out.extend_from_slice(&(names.len() as u32).to_le_bytes());
    let mut at = 0u32;
    out.extend_from_slice(&at.to_le_bytes());
    for n in names {
        at += n.as_ref().len() as u32;
        out.extend_from_slice(&at.to_le_bytes());
    }
    for n in names {
        out.extend_from_slice(n.as_ref().as_bytes());
    }
    out
}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn round_trip() {
        let names = ["account_length", "", "é名", "x"];
        let bytes = encode(&names);
        assert_eq!(bytes.len(), 4 + 4 * 5 + "account_length".len() + "é名".len() + 1);
        let view = FeatureNames::parse(&bytes).unwrap();
        assert_eq!(view.len(), 4);
        assert_eq!(view.iter().collect::<Vec<_>>(), names);
        assert_eq!(view.get(2), Some("é名"));
        assert_eq!(view.get(4), None);
        assert_eq!(view.position("x"), Some(3));
        assert_eq!(view.position("y"), None);
        let empty = encode::<&str>(&[]);
        assert_eq!(empty, [0, 0, 0, 0, 0, 0, 0, 0]);
        assert!(FeatureNames::parse(&empty).unwrap().is_empty());
    }

    #[test]
    fn byte_exact_layout() {
        let bytes = encode(&["ab", "c"]);
        assert_eq!(bytes, [2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, b'a', b'b', b'c']);
    }

    #[test]
    fn corrupted_sections_are_errors() {
        let good = encode(&["ab", "c"]);
        let with = |at: usize, v: u32| {
            let mut b = good.clone();
            b[at..at + 4].copy_from_slice(&v.to_le_bytes());
            b
        };
        let err = |b: &[u8]| FeatureNames::parse(b).unwrap_err();
        assert_eq!(err(&[]), "feature names: section shorter than its count and first offset");
        assert_eq!(err(&good[..7]), "feature names: section shorter than its count and first offset");
        // Count too large for the section, including one that would overflow 32-bit sizes.
        assert_eq!(err(&with(0, 3)), "feature names: the count needs more offsets than the section holds");
        assert_eq!(err(&with(0, 4)), "feature names: the count needs more offsets than the section holds");
        assert_eq!(err(&with(0, u32::MAX)), "feature names: the count needs more offsets than the section holds");
        assert_eq!(err(&with(0, 1)), "feature names: the last offset is not the end of the names");
        assert_eq!(err(&with(4, 1)), "feature names: the first offset is not 0");
        assert_eq!(err(&with(8, 4)), "feature names: offsets decrease or pass the end of the names");
        assert_eq!(err(&with(12, 9)), "feature names: the last offset is not the end of the names");
        assert_eq!(err(&good[..18]), "feature names: the last offset is not the end of the names");
        let mut bad_utf8 = good.clone();
        bad_utf8[16] = 0xFF;
        assert_eq!(err(&bad_utf8), "feature names: a name is not UTF-8");
        // A two-byte character split across two names: each name must be UTF-8 on its own.
        let mut split = encode(&["é", ""]);
        split[8..12].copy_from_slice(&1u32.to_le_bytes());
        assert_eq!(err(&split), "feature names: a name is not UTF-8");
    }
}
