//! Name indexes: open-addressing hash tables from a byte string (a model name, a vocabulary
//! token) to its number, used by the bundle's model index and by tokenizer vocabularies.
//!
//! Layout (section kind `name-index`): `u32 bucket_count` (a power of two, at least twice the
//! model count), `u32 reserved = 0`, then `bucket_count` little-endian `u32` slots holding a
//! model number or [`EMPTY`]. A name hashes with 32-bit FNV-1a; probing is linear from
//! `hash & (bucket_count - 1)`. Lookups are O(1) expected, never a scan of the model table.

/// Slot value of an empty bucket.
pub const EMPTY: u32 = u32::MAX;

/// 32-bit FNV-1a of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811C_9DC5;
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Number of buckets the writer uses for `keys` keys.
pub fn bucket_count_for(keys: usize) -> usize {
    (keys.max(1) * 2).next_power_of_two()
}

/// Finds `key` in the slots, calling `key_of(number)` to compare candidates.
/// Probes at most `slots.len()` buckets; `slots.len()` must be a power of two.
pub fn lookup<'a>(slots: &[u32], key: &[u8], key_of: impl Fn(u32) -> Option<&'a [u8]>) -> Option<u32> {
    let mask = slots.len().checked_sub(1)?;
    let mut at = fnv1a(key) as usize & mask;
    for _ in 0..slots.len() {
        let number = slots[at];
        if number == EMPTY {
            return None;
        }
        if key_of(number) == Some(key) {
            return Some(number);
        }
        at = (at + 1) & mask;
    }
    None
}

/// Builds the slots for `keys` (number = position; `None` keys get no slot). The caller
/// guarantees unique keys.
#[cfg(feature = "alloc")]
pub fn build(keys: &[Option<&[u8]>]) -> alloc::vec::Vec<u32> {
    let n = bucket_count_for(keys.iter().flatten().count());
    let mut slots = alloc::vec![EMPTY; n];
    for (number, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        let mut at = fnv1a(key) as usize & (n - 1);
        while slots[at] != EMPTY {
            at = (at + 1) & (n - 1);
        }
        slots[at] = number as u32;
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_reference_values() {
        assert_eq!(fnv1a(b""), 0x811C_9DC5);
        assert_eq!(fnv1a(b"a"), 0xE40C_292C);
        assert_eq!(fnv1a(b"foobar"), 0xBF9C_F968);
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn every_name_is_found_and_others_are_not() {
        let names: alloc::vec::Vec<alloc::string::String> = (0..51).map(|i| alloc::format!("state_{i}")).collect();
        let keys: alloc::vec::Vec<Option<&[u8]>> = names.iter().map(|s| Some(s.as_bytes())).collect();
        let slots = build(&keys);
        let key_of = |m: u32| keys.get(m as usize).copied().flatten();
        for (i, name) in names.iter().enumerate() {
            assert_eq!(lookup(&slots, name.as_bytes(), key_of), Some(i as u32));
        }
        assert_eq!(lookup(&slots, b"nope", key_of), None);
    }
}
