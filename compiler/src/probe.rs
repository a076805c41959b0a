//! Deterministic pseudo-random numbers for the probe inputs both front ends make when the user
//! gives none (tree probe rows, network probe inputs): the same model always gets the same
//! probes, so the same artifact.

/// A xorshift64 generator.
#[derive(Debug, Clone)]
pub(crate) struct Xorshift(u64);

impl Xorshift {
    /// A generator starting from `seed` (not 0: xorshift's one fixed point).
    pub(crate) fn new(seed: u64) -> Xorshift {
        Xorshift(seed)
    }

    /// The next number: the state after one xorshift64 step.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        *s ^= *s << 13;
        *s ^= *s >> 7;
        *s ^= *s << 17;
        *s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_as_xorshift64() {
        // 1 << 13 = 8192; 8193 >> 7 = 64, 8193 ^ 64 = 8257; 8257 << 17 = 1082261504,
        // 8257 ^ 1082261504 = 1082269761.
        let mut x = Xorshift::new(1);
        assert_eq!(x.next_u64(), 1_082_269_761);
        let mut a = Xorshift::new(0x2545_F491_4F6C_DD1D);
        let mut b = a.clone();
        assert_eq!((0..8).map(|_| a.next_u64()).collect::<Vec<_>>(), (0..8).map(|_| b.next_u64()).collect::<Vec<_>>());
    }
}
