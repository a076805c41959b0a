//! Category-set splits (format 1.8, [`TreeLayout::LinkedCategorical`]): XGBoost's categorical
//! splits, their encoding in the `tree-categories` section and the one definition of where a
//! row goes at one, used by the runtime's walk and by the compiler's reference walk alike.
//!
//! A categorical node is a [`LinkedNode`] whose `key` has [`CATEGORICAL`] set (the feature is
//! `key & CATEGORY_FEATURE_MASK`, [`DEFAULT_LEFT`] as for every split) and whose `value` is the
//! word offset of its set in `tree-categories`. A set is a header word — the number `n` of
//! bit words that follow (`1 ≤ n ≤` [`MAX_SET_WORDS`]) in bits 0–23, [`OUT_OF_RANGE_DEFAULT`]
//! in bit 31, every other bit 0 — then `n` words: category `c < 32n` is in the set iff bit
//! `c mod 32` of word `c / 32` is 1 (least significant bit first).
//!
//! [`TreeLayout::LinkedCategorical`]: crate::manifest::TreeLayout::LinkedCategorical
//! [`LinkedNode`]: crate::records::LinkedNode

use crate::records::DEFAULT_LEFT;

/// Set in a [`TreeLayout::LinkedCategorical`](crate::manifest::TreeLayout::LinkedCategorical)
/// split's `key`: a category-set split.
pub const CATEGORICAL: u32 = 1 << 30;
/// The feature index in a categorical layout's split `key` (every split's, categorical or not).
pub const CATEGORY_FEATURE_MASK: u32 = CATEGORICAL - 1;
/// Set in a category set's header: a value that is no category (negative, `≥ 2^24`) or lies
/// beyond the set's `32n` categories goes where a missing value goes (XGBoost 1.6) instead of
/// left (1.5, 1.7 and later).
pub const OUT_OF_RANGE_DEFAULT: u32 = 1 << 31;
/// The header's word-count bits.
pub const SET_WORDS_MASK: u32 = (1 << 24) - 1;
/// Categories are below `2^24` (XGBoost's `OutOfRangeCat`: the integers an `f32` holds exactly).
pub const CATEGORY_LIMIT: u32 = 1 << 24;
/// Most bit words of one set: `2^24` categories.
pub const MAX_SET_WORDS: u32 = CATEGORY_LIMIT / 32;

/// The category a feature value names: `x` truncated toward zero, for `0 ≤ x < 2^24` (`-0.0`
/// included); `None` for a negative value, one `≥ 2^24`, an infinity or NaN. XGBoost's
/// `InvalidCat` and `AsCat`, with integer operations only (FPU-less cores).
#[inline]
pub fn category(x: f32) -> Option<u32> {
    let bits = x.to_bits();
    if bits == 0x8000_0000 {
        return Some(0); // -0.0
    }
    // Sign set (negative, or NaN with its sign), or ≥ 2^24 (exponent ≥ 24), or NaN/infinity.
    if bits >= 0x4B80_0000 {
        return None;
    }
    let exponent = (bits >> 23) as i32 - 127;
    if exponent < 0 {
        return Some(0);
    }
    // 1.m × 2^e truncated: the implicit bit and the mantissa's top e bits (e ≤ 23).
    Some((bits & 0x7F_FFFF | 0x80_0000) >> (23 - exponent))
}

/// Whether `x` goes left at a categorical split with `key` whose set (header word first) is
/// `set`: a missing value (NaN) goes left iff [`DEFAULT_LEFT`]; a category in the set goes
/// right, any other category left; a value that is no category, or one beyond the set's words,
/// goes left, or where a missing value goes under [`OUT_OF_RANGE_DEFAULT`]. XGBoost's
/// `GetNextNode` with `common::Decision` (1.6: `Decision<true>`). `set` must hold the header's
/// word count after it (the loader checked it); a shorter one reads as if padded with zeros.
#[inline]
pub fn goes_left(x: f32, key: u32, set: &[u32]) -> bool {
    let default_left = key & DEFAULT_LEFT != 0;
    if x.to_bits() & 0x7FFF_FFFF > 0x7F80_0000 {
        return default_left;
    }
    let header = set.first().copied().unwrap_or(0);
    let words = (header & SET_WORDS_MASK) as usize;
    match category(x) {
        Some(c) if (c / 32) < words as u32 => {
            let word = set.get(1 + (c / 32) as usize).copied().unwrap_or(0);
            word >> (c % 32) & 1 == 0
        }
        _ => header & OUT_OF_RANGE_DEFAULT == 0 || default_left,
    }
}

/// The set at word `offset` of `tree-categories` (header first), checked: the header's reserved
/// bits are 0, its word count between 1 and [`MAX_SET_WORDS`], and its words inside `words`.
pub fn set_at(words: &[u32], offset: u32) -> Result<&[u32], &'static str> {
    let start = offset as usize;
    let header = *words.get(start).ok_or("a categorical split's set starts beyond tree-categories")?;
    let n = header & SET_WORDS_MASK;
    if header & !(SET_WORDS_MASK | OUT_OF_RANGE_DEFAULT) != 0 || n == 0 || n > MAX_SET_WORDS {
        return Err("a category set's header is malformed");
    }
    words.get(start..start + 1 + n as usize).ok_or("a category set ends beyond tree-categories")
}

/// A set's words, header first: `categories` (each below [`CATEGORY_LIMIT`]; any order,
/// repeats allowed) in `⌈(max + 1) / 32⌉` words, as XGBoost sizes its bit fields.
///
/// # Panics
/// If `categories` is empty or holds a category `≥ 2^24` (the importer checked both).
#[cfg(feature = "alloc")]
pub fn encode_set(categories: &[u32], out_of_range_default: bool) -> alloc::vec::Vec<u32> {
    let max = *categories.iter().max().expect("a category set is never empty");
    assert!(max < CATEGORY_LIMIT, "category {max} is not below 2^24");
    let n = max / 32 + 1;
    let mut out = alloc::vec![0u32; 1 + n as usize];
    out[0] = n | if out_of_range_default { OUT_OF_RANGE_DEFAULT } else { 0 };
    for &c in categories {
        out[1 + (c / 32) as usize] |= 1 << (c % 32);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_truncates_like_a_cast_to_int() {
        for (x, want) in [
            (0.0f32, Some(0)),
            (-0.0, Some(0)),
            (0.99, Some(0)),
            (1.0, Some(1)),
            (2.7, Some(2)),
            (31.5, Some(31)),
            (1e-40, Some(0)),
            (16_777_215.0, Some(16_777_215)),
            (16_777_216.0, None),
            (1e30, None),
            (-1e-40, None),
            (-0.5, None),
            (-3.0, None),
            (f32::INFINITY, None),
            (f32::NEG_INFINITY, None),
            (f32::NAN, None),
        ] {
            assert_eq!(category(x), want, "{x}");
        }
        // Every value below 2^24 with a fraction part: the cast's truncation.
        for i in (0..1u32 << 24).step_by(9973) {
            let x = i as f32 + 0.5;
            assert_eq!(category(x), Some((x as f64).trunc() as u32), "{x}");
        }
    }

    #[test]
    fn sets_send_their_categories_right_and_the_rest_by_the_rules() {
        let set = encode_set(&[1, 3, 40], false);
        assert_eq!(set, [2, 0b1010, 1 << 8]);
        let key = 7 | CATEGORICAL;
        let left = |x: f32, key: u32, set: &[u32]| goes_left(x, key, set);
        assert!(!left(1.0, key, &set) && !left(3.9, key, &set) && !left(40.0, key, &set));
        assert!(left(0.0, key, &set) && left(2.0, key, &set) && left(39.0, key, &set));
        // Beyond the set's 64 categories, or no category: left, even where missing goes right.
        for x in [64.0, 1e9, -1.0, f32::INFINITY] {
            assert!(left(x, key, &set), "{x}");
        }
        // Missing: the default.
        assert!(!left(f32::NAN, key, &set) && left(f32::NAN, key | DEFAULT_LEFT, &set));
        // 1.6: out of range goes the default way, a category inside the words as before.
        let old = encode_set(&[1, 3, 40], true);
        for x in [64.0, -1.0, 1e9] {
            assert!(!left(x, key, &old) && left(x, key | DEFAULT_LEFT, &old), "{x}");
        }
        assert!(left(63.0, key, &old) && !left(40.0, key | DEFAULT_LEFT, &old));
    }

    #[test]
    fn malformed_sets_are_named() {
        let words = [2, 1, 0, 1 << 30 | 1, 0, 0];
        assert_eq!(set_at(&words, 0), Ok(&words[..3]));
        assert_eq!(set_at(&words, 2), Err("a category set's header is malformed"), "0 words");
        assert_eq!(set_at(&words, 3), Err("a category set's header is malformed"), "a reserved bit");
        assert_eq!(set_at(&words, 1), Ok(&words[1..3]));
        assert_eq!(set_at(&words, 6), Err("a categorical split's set starts beyond tree-categories"));
        assert_eq!(set_at(&[5, 0], 0), Err("a category set ends beyond tree-categories"));
        assert_eq!(set_at(&[MAX_SET_WORDS + 1], 0), Err("a category set's header is malformed"));
    }
}
