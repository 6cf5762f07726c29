//! The hashers of the extractor's maps, in one place.
//!
//! - `PassHasher` for keys that are hashes already (word and feature hashes, table keys):
//!   hashing them again would be waste.
//! - `FxHasher` for short string keys (names, aliases), eight bytes a step.
//! - `FnvHasher`, FNV-1a a byte at a time: the same function as `claims::model::hash`, so a
//!   lexicon map hashes its keys as the classifier hashes words.

use std::hash::{BuildHasherDefault, Hasher};

/// Keys that are already well-mixed 64-bit hashes are used as they are; 32-bit keys are spread
/// over all 64 bits (the map reads its buckets from the low bits and its tags from the high
/// ones).
#[derive(Debug, Default, Clone, Copy)]
pub struct PassHasher(u64);

impl Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub type PassBuild = BuildHasherDefault<PassHasher>;

/// A fast hasher for short string keys (FxHash style).
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;

/// FNV-1a as a `Hasher`, for maps keyed by short strings (the cue and stance lexicons).
#[derive(Debug, Clone, Copy)]
pub struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

pub type FnvBuild = BuildHasherDefault<FnvHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn a_hash_key_passes_through_and_a_small_key_reaches_the_high_bits() {
        let b = PassBuild::default();
        assert_eq!(b.hash_one(0xdead_beef_u64 << 20), 0xdead_beef_u64 << 20);
        assert_ne!(b.hash_one(7u32) >> 57, 0);
    }

    #[test]
    fn fnv_matches_the_classifiers_word_hash() {
        let b = FnvBuild::default();
        let mut h = b.build_hasher();
        h.write(b"said");
        assert_eq!(h.finish(), crate::extract::claims::model::hash("said"));
    }
}
