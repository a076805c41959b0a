//! The bundle's name index: an open-addressing hash table from model name to model number.
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

/// Number of buckets the writer uses for `models` models.
pub fn bucket_count_for(models: usize) -> usize {
    (models.max(1) * 2).next_power_of_two()
}

/// Finds `name` in the slots, calling `name_of(model)` to compare candidates.
/// Probes at most `slots.len()` buckets; `slots.len()` must be a power of two.
pub fn lookup<'a>(slots: &[u32], name: &str, name_of: impl Fn(u32) -> Option<&'a str>) -> Option<u32> {
    let mask = slots.len().checked_sub(1)?;
    let mut at = fnv1a(name.as_bytes()) as usize & mask;
    for _ in 0..slots.len() {
        let model = slots[at];
        if model == EMPTY {
            return None;
        }
        if name_of(model) == Some(name) {
            return Some(model);
        }
        at = (at + 1) & mask;
    }
    None
}

/// Builds the slots for `names` (model number = position). The caller guarantees unique names.
#[cfg(feature = "alloc")]
pub fn build(names: &[&str]) -> alloc::vec::Vec<u32> {
    let n = bucket_count_for(names.len());
    let mut slots = alloc::vec![EMPTY; n];
    for (model, name) in names.iter().enumerate() {
        let mut at = fnv1a(name.as_bytes()) as usize & (n - 1);
        while slots[at] != EMPTY {
            at = (at + 1) & (n - 1);
        }
        slots[at] = model as u32;
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
        let names: alloc::vec::Vec<alloc::string::String> =
            (0..51).map(|i| alloc::format!("state_{i}")).collect();
        let refs: alloc::vec::Vec<&str> = names.iter().map(|s| s.as_str()).collect();
        let slots = build(&refs);
        for (i, name) in refs.iter().enumerate() {
            assert_eq!(lookup(&slots, name, |m| refs.get(m as usize).copied()), Some(i as u32));
        }
        assert_eq!(lookup(&slots, "nope", |m| refs.get(m as usize).copied()), None);
    }
}
