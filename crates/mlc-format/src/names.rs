//! Feature names (section `feature-names`, format 1.2, docs/format.md §6.4): the names of a
//! model's input features, in feature order, read in place without allocation; and category
//! names (section `feature-categories`, format 1.9, §6.5), whose names are a table in the same
//! encoding.
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

/// What is wrong with a table of names, in the words of the section that holds it.
struct Faults {
    short: &'static str,
    count: &'static str,
    first: &'static str,
    last: &'static str,
    offsets: &'static str,
    utf8: &'static str,
}

const FEATURE_NAME_FAULTS: Faults = Faults {
    short: "feature names: section shorter than its count and first offset",
    count: "feature names: the count needs more offsets than the section holds",
    first: "feature names: the first offset is not 0",
    last: "feature names: the last offset is not the end of the names",
    offsets: "feature names: offsets decrease or pass the end of the names",
    utf8: "feature names: a name is not UTF-8",
};

const CATEGORY_NAME_FAULTS: Faults = Faults {
    short: "feature categories: names shorter than their count and first offset",
    count: "feature categories: the names' count needs more offsets than the section holds",
    first: "feature categories: the names' first offset is not 0",
    last: "feature categories: the last offset is not the end of the names",
    offsets: "feature categories: offsets decrease or pass the end of the names",
    utf8: "feature categories: a name is not UTF-8",
};

impl<'a> FeatureNames<'a> {
    /// Checks a `feature-names` section: the count fits the section, the offsets start at 0,
    /// never decrease and end exactly at the end of the section, and every name is UTF-8.
    /// Returns what is wrong otherwise (for `FormatError::BadSection`). Never panics.
    pub fn parse(section: &'a [u8]) -> Result<FeatureNames<'a>, &'static str> {
        Self::parse_with(section, &FEATURE_NAME_FAULTS)
    }

    /// [`FeatureNames::parse`] of a table of names in this encoding, its faults worded by
    /// `faults`.
    fn parse_with(section: &'a [u8], faults: &Faults) -> Result<FeatureNames<'a>, &'static str> {
        if section.len() < 8 {
            return Err(faults.short);
        }
        let count = le_u32(section, 0);
        // 4 bytes of count, 4·(N + 1) of offsets, in 64-bit arithmetic (no overflow).
        let head = 4 + 4 * (count as u64 + 1);
        if head > section.len() as u64 {
            return Err(faults.count);
        }
        let head = head as usize;
        let bytes_len = section.len() - head;
        let offset = |i: u32| le_u32(section, 4 + 4 * i as usize) as usize;
        if offset(0) != 0 {
            return Err(faults.first);
        }
        if offset(count) != bytes_len {
            return Err(faults.last);
        }
        let mut start = 0;
        for i in 1..=count {
            let end = offset(i);
            if end < start || end > bytes_len {
                return Err(faults.offsets);
            }
            if core::str::from_utf8(&section[head + start..head + end]).is_err() {
                return Err(faults.utf8);
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

/// The category names of a model's categorical features (section `feature-categories`, format
/// 1.9, docs/format.md §6.5): XGBoost 3.1+'s `cats`, the categories a feature's codes stand
/// for (code `c` is name `c`), read in place without allocation.
///
/// Layout (all integers `u32` little-endian):
///
/// ```text
/// 0            count                      F, the number of features
/// 4            starts[0 ..= F]            feature f's names are names[starts[f] .. starts[f+1]]
/// 4·(F + 2)    names                      the names, a table in `feature-names`' encoding
/// ```
///
/// `starts[0] == 0`, the starts never decrease, and `starts[F]` is the names' count. A feature
/// without names (a numeric one) has an empty range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureCategories<'a> {
    /// The whole section, checked by [`FeatureCategories::parse`] (only the slice is kept, so
    /// that a model's handle stays small).
    section: &'a [u8],
}

impl<'a> FeatureCategories<'a> {
    /// Checks a `feature-categories` section (the starts, then the table of names as
    /// [`FeatureNames::parse`] does). Returns what is wrong otherwise. Never panics.
    pub fn parse(section: &'a [u8]) -> Result<FeatureCategories<'a>, &'static str> {
        if section.len() < 8 {
            return Err("feature categories: section shorter than its count and first start");
        }
        let features = le_u32(section, 0);
        let head = 4 + 4 * (features as u64 + 1);
        if head > section.len() as u64 {
            return Err("feature categories: the count needs more starts than the section holds");
        }
        let start = |f: u32| le_u32(section, 4 + 4 * f as usize);
        if start(0) != 0 {
            return Err("feature categories: the first start is not 0");
        }
        if (1..=features).any(|f| start(f) < start(f - 1)) {
            return Err("feature categories: starts decrease");
        }
        let names = FeatureNames::parse_with(&section[head as usize..], &CATEGORY_NAME_FAULTS)?;
        if start(features) as usize != names.len() {
            return Err("feature categories: the last start is not the names' count");
        }
        Ok(FeatureCategories { section })
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        le_u32(self.section, 0) as usize
    }

    /// Whether the section describes no feature.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The table of all names (checked by `parse`).
    fn names(&self) -> FeatureNames<'a> {
        let head = 4 * (self.len() + 2);
        FeatureNames { section: &self.section[head..], count: le_u32(self.section, head) }
    }

    /// The category names of feature `f` (code `c` is the `c`-th), or `None` for a feature
    /// without names or beyond the last.
    pub fn of(&self, f: usize) -> Option<Categories<'a>> {
        if f >= self.len() {
            return None;
        }
        let start = |i: usize| le_u32(self.section, 4 + 4 * i) as usize;
        let (first, end) = (start(f), start(f + 1));
        (end > first).then_some(Categories { names: self.names(), first, len: end - first })
    }
}

/// The names of one feature's categories, in code order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Categories<'a> {
    names: FeatureNames<'a>,
    first: usize,
    len: usize,
}

impl<'a> Categories<'a> {
    /// Number of categories.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is none (never, for a value of [`FeatureCategories::of`]).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The name of code `code`, or `None` beyond the last.
    pub fn get(&self, code: usize) -> Option<&'a str> {
        if code >= self.len {
            return None;
        }
        self.names.get(self.first + code)
    }

    /// The names in code order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'a str> + '_ {
        let this = *self;
        (0..self.len).map(move |c| this.get(c).unwrap_or(""))
    }

    /// The code of the category called `name`. Linear scan.
    pub fn code(&self, name: &str) -> Option<usize> {
        self.iter().position(|n| n == name)
    }
}

/// The bytes of a `feature-categories` section: `categories[f]` are feature `f`'s names in code
/// order (empty for a feature without names).
#[cfg(feature = "alloc")]
pub fn encode_categories<S: AsRef<str>>(categories: &[alloc::vec::Vec<S>]) -> alloc::vec::Vec<u8> {
    let mut out = alloc::vec::Vec::new();
    out.extend_from_slice(&(categories.len() as u32).to_le_bytes());
    let mut at = 0u32;
    out.extend_from_slice(&at.to_le_bytes());
    for c in categories {
        at += c.len() as u32;
        out.extend_from_slice(&at.to_le_bytes());
    }
    let names: alloc::vec::Vec<&str> = categories.iter().flatten().map(AsRef::as_ref).collect();
    out.extend_from_slice(&encode(&names));
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

    #[test]
    fn categories_byte_exact_layout() {
        // docs/format.md §6.5's example.
        let bytes = encode_categories(&[alloc::vec!["AK", "CA"], alloc::vec![]]);
        let want = [2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0];
        assert_eq!(bytes[..32], want);
        assert_eq!(&bytes[32..], b"AKCA");
    }

    #[test]
    fn categories_round_trip_and_corruptions_are_errors() {
        let categories = [alloc::vec!["AK", "CA", "NY"], alloc::vec![], alloc::vec!["é"]];
        let bytes = encode_categories(&categories);
        // count 3, starts 0 3 3 4, then the names' table: count 4, offsets 0 2 4 6 8, bytes.
        assert_eq!(&bytes[..20], [3, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0]);
        let view = FeatureCategories::parse(&bytes).unwrap();
        assert_eq!(view.len(), 3);
        let state = view.of(0).unwrap();
        assert_eq!(state.iter().collect::<Vec<_>>(), ["AK", "CA", "NY"]);
        assert_eq!((state.code("NY"), state.code("TX"), state.get(1), state.get(3)), (Some(2), None, Some("CA"), None));
        assert_eq!(view.of(1), None, "a feature without names");
        assert_eq!(view.of(2).unwrap().iter().collect::<Vec<_>>(), ["é"]);
        assert_eq!(view.of(3), None);
        let with = |at: usize, v: u32| {
            let mut b = bytes.clone();
            b[at..at + 4].copy_from_slice(&v.to_le_bytes());
            b
        };
        let err = |b: &[u8]| FeatureCategories::parse(b).unwrap_err();
        assert_eq!(err(&bytes[..7]), "feature categories: section shorter than its count and first start");
        assert_eq!(err(&with(0, u32::MAX)), "feature categories: the count needs more starts than the section holds");
        assert_eq!(err(&with(4, 1)), "feature categories: the first start is not 0");
        assert_eq!(err(&with(12, 2)), "feature categories: starts decrease");
        assert_eq!(err(&with(16, 3)), "feature categories: the last start is not the names' count");
        assert_eq!(err(&with(20, 9)), "feature categories: the names' count needs more offsets than the section holds");
        assert_eq!(err(&bytes[..bytes.len() - 1]), "feature categories: the last offset is not the end of the names");
        for n in 0..bytes.len() {
            assert!(FeatureCategories::parse(&bytes[..n]).is_err(), "{n} bytes");
        }
    }
}
