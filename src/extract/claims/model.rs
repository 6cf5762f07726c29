//! The cue classifier: an averaged perceptron that decides, in context, whether a lexicon match
//! ("said", "called", "support", ":") is a reporting cue here.
//!
//! Features are strings built from the match and its neighbours, hashed (FNV-1a, 64 bits) so
//! extraction allocates nothing per feature; the weights live in
//! `src/extract/data/cue_model.tsv` (`hash<TAB>weight`), rebuilt by `gloss train
//! attributions`. Training is deterministic: fixed epochs over records in file order.

use std::collections::HashMap;
use std::fmt::Write;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Keys are already hashes: the map uses them as they are.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// FNV-1a as a `Hasher`, for maps keyed by short strings (the cue lexicon).
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

/// Weights by feature hash.
pub type Weights = HashMap<u64, f32, BuildHasherDefault<IdHasher>>;

/// FNV-1a over the feature string.
pub fn hash(feature: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in feature.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The features of one decision, as hashes; `push` formats into a reused buffer.
#[derive(Debug, Default, Clone)]
pub struct Features {
    pub hashes: Vec<u64>,
    buf: String,
}

impl Features {
    pub fn clear(&mut self) {
        self.hashes.clear();
    }

    /// Adds the feature spelled by `parts` joined with nothing: the same hash as `push` of the
    /// formatted string, without formatting.
    pub fn push_parts(&mut self, parts: &[&str]) {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for p in parts {
            for &b in p.as_bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        self.hashes.push(h);
    }

    pub fn push(&mut self, args: std::fmt::Arguments) {
        self.buf.clear();
        let _ = self.buf.write_fmt(args);
        self.hashes.push(hash(&self.buf));
    }
}

/// Feature weights; a decision is positive when its score is above zero.
#[derive(Debug, Clone, Default)]
pub struct CueModel {
    pub weights: Weights,
}

static COMPILED: &str = include_str!("../data/cue_model.tsv");

static MODEL: LazyLock<CueModel> = LazyLock::new(|| CueModel::parse(COMPILED));

static COMPILED_END: &str = include_str!("../data/content_end_model.tsv");

static END_MODEL: LazyLock<CueModel> = LazyLock::new(|| CueModel::parse(COMPILED_END));

/// The compiled-in cue model (parsed once).
pub fn model() -> &'static CueModel {
    &MODEL
}

/// The compiled-in content-end model (parsed once): whether a content stops before a token.
pub fn end_model() -> &'static CueModel {
    &END_MODEL
}

impl CueModel {
    pub fn parse(tsv: &str) -> Self {
        let mut weights = Weights::default();
        for line in tsv.lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((f, w)) = line.split_once('\t')
                && let Ok(f) = u64::from_str_radix(f, 16)
                && let Ok(w) = w.parse::<f32>()
            {
                weights.insert(f, w);
            }
        }
        CueModel { weights }
    }

    /// The sum of the weights of `features`.
    pub fn score(&self, features: &Features) -> f32 {
        features
            .hashes
            .iter()
            .filter_map(|f| self.weights.get(f))
            .sum()
    }

    /// The TSV form, sorted by hash, weights with 3 decimals; zero weights are dropped.
    pub fn to_tsv(&self) -> String {
        let mut keys: Vec<&u64> = self.weights.keys().collect();
        keys.sort();
        let mut out = String::from("# feature hash (FNV-1a)\tweight (gloss train attributions)\n");
        for k in keys {
            let w = self.weights[k];
            let text = format!("{w:.3}");
            if text
                .trim_start_matches('-')
                .chars()
                .all(|c| c == '0' || c == '.')
            {
                continue;
            }
            let _ = writeln!(out, "{k:x}\t{text}");
        }
        out
    }
}

/// Trains an averaged perceptron on `(features, is_cue)` examples, in order.
pub fn train(examples: &[(Vec<u64>, bool)], epochs: usize) -> CueModel {
    let mut w: HashMap<u64, f64> = HashMap::new();
    let mut total: HashMap<u64, f64> = HashMap::new();
    let mut stamp: HashMap<u64, u64> = HashMap::new();
    let mut t: u64 = 0;
    for _ in 0..epochs {
        for (features, gold) in examples {
            t += 1;
            let score: f64 = features.iter().filter_map(|f| w.get(f)).sum();
            let predicted = score > 0.0;
            if predicted == *gold {
                continue;
            }
            let delta = if *gold { 1.0 } else { -1.0 };
            for &f in features {
                let cur = w.get(&f).copied().unwrap_or(0.0);
                let last = stamp.get(&f).copied().unwrap_or(0);
                *total.entry(f).or_default() += cur * (t - last) as f64;
                stamp.insert(f, t);
                w.insert(f, cur + delta);
            }
        }
    }
    let mut weights = Weights::default();
    for (f, cur) in &w {
        let last = stamp.get(f).copied().unwrap_or(0);
        let sum = total.get(f).copied().unwrap_or(0.0) + cur * (t - last) as f64;
        let avg = sum / t.max(1) as f64;
        if avg.abs() >= 5e-4 {
            weights.insert(*f, avg as f32);
        }
    }
    CueModel { weights }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(fs: &[&str]) -> Features {
        let mut f = Features::default();
        for s in fs {
            f.push(format_args!("{s}"));
        }
        f
    }

    fn ex(fs: &[&str], gold: bool) -> (Vec<u64>, bool) {
        (feats(fs).hashes, gold)
    }

    #[test]
    fn learns_a_separable_rule() {
        let data = vec![
            ex(&["b", "k:said"], true),
            ex(&["b", "k:in"], false),
            ex(&["b", "k:said", "n:that"], true),
            ex(&["b", "k:in", "n:the"], false),
        ];
        let m = train(&data, 5);
        assert!(m.score(&feats(&["b", "k:said"])) > 0.0);
        assert!(m.score(&feats(&["b", "k:in", "n:the"])) <= 0.0);
    }

    #[test]
    fn round_trips_through_tsv() {
        let m = train(&[ex(&["b", "k:said"], true), ex(&["b", "k:in"], false)], 3);
        let back = CueModel::parse(&m.to_tsv());
        let f = feats(&["b", "k:said"]);
        assert!((back.score(&f) - m.score(&f)).abs() < 1e-2);
    }

    #[test]
    fn parts_hash_like_the_joined_string() {
        let mut f = Features::default();
        f.push(format_args!("kn:{}|{}", "said", "that"));
        f.push_parts(&["kn:", "said", "|", "that"]);
        assert_eq!(f.hashes[0], f.hashes[1]);
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
