//! The cue classifier: an averaged perceptron that decides, in context, whether a lexicon match
//! ("said", "called", "support", ":") is a reporting cue here.
//!
//! Features are a template name and parts (words, shapes) of the match and its neighbours,
//! each hashed (FNV-1a, 64 bits) and combined (`Features::push_parts`), so extraction
//! allocates nothing per feature; the weights live in `src/extract/data/cue_model.bin`,
//! `content_end_model.bin` and `reach_model.bin` (a compact binary table, see
//! `CueModel::to_bytes`), rebuilt by `gloss train attributions`. Training is deterministic:
//! fixed epochs and shuffles with fixed seeds (see [`train`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::LazyLock;

/// FNV-1a over a string (a word, a template name); `const` so template names hash at compile
/// time.
pub const fn hash(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// Where every combined hash starts.
pub const SEED: u64 = 0x243f_6a88_85a3_08d3;

/// Appends a part (itself a hash) to a combined hash: murmur3's finaliser over `h ^ part`, a
/// bijection with full avalanche, so distinct part sequences collide only by 64-bit chance.
pub fn combine(h: u64, part: u64) -> u64 {
    let mut x = h ^ part;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// The features of one decision, as hashes.
///
/// A feature is a template name and its parts (words, shapes, flags), each hashed on its own
/// and then combined: the words of a document are hashed once per token, and a feature costs
/// a few multiplies however long its words are (hashing the joined feature string byte by byte
/// was most of the classifiers' time).
#[derive(Debug, Default, Clone)]
pub struct Features {
    pub hashes: Vec<u64>,
    buf: String,
}

impl Features {
    pub fn clear(&mut self) {
        self.hashes.clear();
    }

    /// Adds the feature whose template and parts hash to `parts`, in order.
    pub fn push_parts(&mut self, parts: &[u64]) {
        self.hashes
            .push(parts.iter().fold(SEED, |h, &p| combine(h, p)));
    }

    /// Adds a feature spelled as one formatted string (for tests and ad-hoc features).
    pub fn push(&mut self, args: std::fmt::Arguments) {
        self.buf.clear();
        let _ = self.buf.write_fmt(args);
        let h = hash(&self.buf);
        self.push_parts(&[h]);
    }
}

/// Feature weights; a decision is positive when its score is above zero.
///
/// The model is its file: a header and an open-addressing table (linear probing, load at most
/// 3/4) of `(feature hash, quantised weight)` slots, read in place. Loading the compiled-in
/// models is a header check, not a parse: building a `HashMap` from the old 1.4 MB TSV took
/// about 12 ms at every start, and even inserting the entries into a fresh table costs several
/// milliseconds of cache misses.
#[derive(Debug, Clone)]
pub struct CueModel {
    /// The whole file: header, then `capacity` slots.
    bytes: Cow<'static, [u8]>,
    /// `capacity - 1` (the capacity is a power of two).
    mask: usize,
    /// Stored weights are `round(weight * divisor)`.
    divisor: f32,
    /// The weight of the feature hashing to `EMPTY`, which no slot can hold.
    empty_key_weight: f32,
    /// Number of features with a weight.
    len: usize,
}

/// The key that marks a free slot.
const EMPTY: u32 = 0;

/// The 32-bit table key of a 64-bit feature hash: both halves folded, so every bit counts.
/// With some 60,000 weighted features, an unknown feature takes a known one's weight about
/// once in 70,000 lookups; halving the slots keeps the tables in the core's cache, and the
/// lookups were most of the classifiers' time.
fn key32(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// Quantisation steps tried, finest first: weights are kept to 3 decimals (as the TSV files
/// did) unless the largest one does not fit an i16 at that step.
const DIVISORS: [u32; 4] = [1000, 100, 10, 1];

/// The file format, all little-endian: magic (8 bytes), number of weighted keys (u32),
/// divisor (u32), capacity (u32, a power of two), the quantised weight of the key 0 (i16) and
/// 2 bytes of padding; then `capacity` slots of a key (`key32` of the feature hash, u32, 0 for
/// a free slot) and its quantised weight (i16). A real weight is `quantised / divisor`.
const MAGIC: &[u8; 8] = b"GLCUE2\0\0";
const HEADER_BYTES: usize = 24;
const SLOT_BYTES: usize = 6;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{name}: bad header (expected GLCUE2; rebuild with `gloss train attributions`)")]
    Header { name: &'static str },
    #[error("{name}: {capacity} slots need {need} bytes, the file has {have}")]
    Truncated {
        name: &'static str,
        capacity: usize,
        need: usize,
        have: usize,
    },
    #[error("{name}: bad header field {field} = {value}")]
    Field {
        name: &'static str,
        field: &'static str,
        value: u32,
    },
}

fn home(key: u32, mask: usize) -> usize {
    (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

static MODEL: LazyLock<CueModel> =
    LazyLock::new(|| compiled("cue_model.bin", include_bytes!("../data/cue_model.bin")));

static END_MODEL: LazyLock<CueModel> = LazyLock::new(|| {
    compiled(
        "content_end_model.bin",
        include_bytes!("../data/content_end_model.bin"),
    )
});

static REACH_MODEL: LazyLock<CueModel> =
    LazyLock::new(|| compiled("reach_model.bin", include_bytes!("../data/reach_model.bin")));

/// A compiled-in model; an empty one (every decision negative) if the file were unreadable,
/// which `compiled_models_load` rules out.
fn compiled(name: &'static str, bytes: &'static [u8]) -> CueModel {
    CueModel::from_bytes(name, Cow::Borrowed(bytes))
        .unwrap_or_else(|_| CueModel::from_entries(&[], 1))
}

/// The compiled-in cue model (loaded once).
pub fn model() -> &'static CueModel {
    &MODEL
}

/// The compiled-in content-end model (loaded once): whether a content stops before a token.
pub fn end_model() -> &'static CueModel {
    &END_MODEL
}

/// The compiled-in cue-reach model (loaded once): whether a cue takes the first words of the
/// content after it.
pub fn reach_model() -> &'static CueModel {
    &REACH_MODEL
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

impl CueModel {
    /// A model from `(key, quantised weight)` entries; a weight is `q / divisor`. Zero
    /// weights are left out; a later entry for the same key replaces an earlier one.
    fn from_entries(entries: &[(u32, i16)], divisor: u32) -> Self {
        let capacity = (entries.len() * 4 / 3 + 1).next_power_of_two().max(16);
        let mask = capacity - 1;
        let mut bytes = vec![0u8; HEADER_BYTES + capacity * SLOT_BYTES];
        let mut len = 0u32;
        let mut zero = 0i16;
        for &(key, q) in entries {
            if q == 0 {
                continue;
            }
            if key == EMPTY {
                len += u32::from(zero == 0);
                zero = q;
                continue;
            }
            let mut i = home(key, mask);
            loop {
                let at = HEADER_BYTES + i * SLOT_BYTES;
                let slot = &mut bytes[at..at + SLOT_BYTES];
                let k = u32::from_le_bytes([slot[0], slot[1], slot[2], slot[3]]);
                if k == EMPTY || k == key {
                    len += u32::from(k == EMPTY);
                    slot[..4].copy_from_slice(&key.to_le_bytes());
                    slot[4..].copy_from_slice(&q.to_le_bytes());
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        bytes[..8].copy_from_slice(MAGIC);
        bytes[8..12].copy_from_slice(&len.to_le_bytes());
        bytes[12..16].copy_from_slice(&divisor.to_le_bytes());
        bytes[16..20].copy_from_slice(&(capacity as u32).to_le_bytes());
        bytes[20..22].copy_from_slice(&zero.to_le_bytes());
        CueModel {
            bytes: Cow::Owned(bytes),
            mask,
            divisor: divisor as f32,
            empty_key_weight: f32::from(zero) / divisor as f32,
            len: len as usize,
        }
    }

    /// Number of features with a weight.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The slots, after the header (`from_bytes` checked that they are all there).
    fn slots(&self) -> &[u8] {
        self.bytes.get(HEADER_BYTES..).unwrap_or(&[])
    }

    /// The key and quantised weight in slot `i` of `slots`.
    fn slot(slots: &[u8], i: usize) -> (u32, i16) {
        // One bounds check for the whole slot (`first_chunk`), not one per byte.
        match slots
            .get(i * SLOT_BYTES..)
            .and_then(<[u8]>::first_chunk::<SLOT_BYTES>)
        {
            Some(&[k0, k1, k2, k3, w0, w1]) => (
                u32::from_le_bytes([k0, k1, k2, k3]),
                i16::from_le_bytes([w0, w1]),
            ),
            None => (EMPTY, 0),
        }
    }

    /// The weight of one feature hash (0 when the model does not know it).
    pub fn weight(&self, feature: u64) -> f32 {
        let key = key32(feature);
        if key == EMPTY {
            return self.empty_key_weight;
        }
        let slots = self.slots();
        let mut i = home(key, self.mask);
        // At most one pass over the table, whatever a damaged file holds.
        for _ in 0..=self.mask {
            match Self::slot(slots, i) {
                (k, q) if k == key => {
                    // Correctly rounded, so with divisor 1000 exactly the f32 that the TSV's
                    // "0.123" parsed to.
                    return f32::from(q) / self.divisor;
                }
                (EMPTY, _) => return 0.0,
                _ => i = (i + 1) & self.mask,
            }
        }
        0.0
    }

    /// The sum of the weights of `features`, in order (f32, as the models were always summed).
    pub fn score(&self, features: &Features) -> f32 {
        features.hashes.iter().map(|&f| self.weight(f)).sum()
    }

    /// Reads the file format (see `MAGIC`) in place; `name` names the file in errors.
    pub fn from_bytes(name: &'static str, bytes: Cow<'static, [u8]>) -> Result<Self, ModelError> {
        if bytes.len() < HEADER_BYTES || bytes.get(..8) != Some(&MAGIC[..]) {
            return Err(ModelError::Header { name });
        }
        let field = |at: usize| u32_at(&bytes, at).unwrap_or(0);
        let (len, divisor, capacity) = (field(8), field(12), field(16));
        if divisor == 0 {
            return Err(ModelError::Field {
                name,
                field: "divisor",
                value: divisor,
            });
        }
        if !capacity.is_power_of_two() || len > capacity {
            return Err(ModelError::Field {
                name,
                field: "capacity",
                value: capacity,
            });
        }
        let need = HEADER_BYTES + capacity as usize * SLOT_BYTES;
        if bytes.len() != need {
            return Err(ModelError::Truncated {
                name,
                capacity: capacity as usize,
                need,
                have: bytes.len(),
            });
        }
        let zero = i16::from_le_bytes([bytes[20], bytes[21]]);
        Ok(CueModel {
            mask: capacity as usize - 1,
            divisor: divisor as f32,
            empty_key_weight: f32::from(zero) / divisor as f32,
            len: len as usize,
            bytes,
        })
    }

    /// The file format (see `MAGIC`). The table depends only on the set of weights, not on
    /// training order, so a retrained model is byte-for-byte reproducible.
    pub fn to_bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// Quantises averaged weights: to 3 decimals, or coarser if the largest would not fit an i16.
/// Rounding is to the nearest, ties to even, on the exact product (an f32 times 1000 is exact
/// in f64), as `format!("{:.3}")` rounded the weights the TSV files held.
fn quantise(weights: &[(u64, f32)]) -> CueModel {
    let max = weights.iter().map(|(_, w)| w.abs()).fold(0.0f32, f32::max);
    let divisor = DIVISORS
        .into_iter()
        .find(|&d| (f64::from(max) * f64::from(d)).round_ties_even() <= f64::from(i16::MAX))
        .unwrap_or(1);
    let mut entries: Vec<(u32, i16)> = weights
        .iter()
        .map(|&(k, w)| {
            let q = (f64::from(w) * f64::from(divisor))
                .round_ties_even()
                .clamp(-f64::from(i16::MAX), f64::from(i16::MAX));
            (key32(k), q as i16)
        })
        .collect();
    // Inserted in key order (and, for two features sharing a key, weight order), so the
    // probe sequences (and the file) do not depend on the order training visited the
    // features in.
    entries.sort_unstable();
    CueModel::from_entries(&entries, divisor)
}

/// Trains the classifier on `(features, is_cue)` examples: `bags` averaged perceptrons, each
/// over `epochs` passes in an order reshuffled every pass (a fixed seed per bag, so training is
/// deterministic), with their weights averaged.
///
/// One perceptron's weights depend on the order it saw the examples in: a small change in the
/// data (a tokenizer fix) moved dev F1 by half a point either way. Averaging ten orders steadies
/// that, and in 4-fold cross-validation on PolNeAR train it beat one perceptron in file order
/// by 0.4 F1 on sources and 0.8 on contents.
pub fn train(examples: &[(Vec<u64>, bool)], epochs: usize, bags: usize) -> CueModel {
    // Features as dense indices, so a pass indexes arrays instead of hashing.
    let mut index: HashMap<u64, usize> = HashMap::new();
    let mut keys: Vec<u64> = Vec::new();
    let dense: Vec<(Vec<usize>, bool)> = examples
        .iter()
        .map(|(features, gold)| {
            let ids = features
                .iter()
                .map(|&f| {
                    *index.entry(f).or_insert_with(|| {
                        keys.push(f);
                        keys.len() - 1
                    })
                })
                .collect();
            (ids, *gold)
        })
        .collect();
    let mut sum = vec![0.0f64; keys.len()];
    for bag in 0..bags {
        let averaged = train_once(&dense, keys.len(), epochs, SplitMix(bag as u64));
        for (s, a) in sum.iter_mut().zip(averaged) {
            *s += a;
        }
    }
    let bags = bags.max(1) as f64;
    let weights: Vec<(u64, f32)> = keys
        .iter()
        .zip(&sum)
        .map(|(&k, &s)| (k, s / bags))
        .filter(|(_, w)| w.abs() >= MIN_WEIGHT)
        .map(|(k, w)| (k, w as f32))
        .collect();
    quantise(&weights)
}

/// Averaged weights smaller than this are dropped: averaging ten perceptrons leaves many
/// features with a trace of weight, and keeping them doubled the tables without changing
/// F1 in 4-fold cross-validation on PolNeAR train.
const MIN_WEIGHT: f64 = 0.1;

/// SplitMix64: a tiny, well-mixed generator, so shuffles need no crate and never change.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Fisher–Yates.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// One averaged perceptron over `n` dense features; returns its averaged weights.
fn train_once(
    examples: &[(Vec<usize>, bool)],
    n: usize,
    epochs: usize,
    mut rng: SplitMix,
) -> Vec<f64> {
    let mut w = vec![0.0f64; n];
    // Running sums for the average, brought up to date lazily: `stamp` is when each was.
    let mut total = vec![0.0f64; n];
    let mut stamp = vec![0u64; n];
    let mut t: u64 = 0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (features, gold) = &examples[i];
            t += 1;
            let score: f64 = features.iter().map(|&f| w[f]).sum();
            if (score > 0.0) == *gold {
                continue;
            }
            let delta = if *gold { 1.0 } else { -1.0 };
            for &f in features {
                total[f] += w[f] * (t - stamp[f]) as f64;
                stamp[f] = t;
                w[f] += delta;
            }
        }
    }
    let t = t.max(1);
    (0..n)
        .map(|f| (total[f] + w[f] * (t - stamp[f]) as f64) / t as f64)
        .collect()
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
        let m = train(&data, 5, 1);
        assert!(m.score(&feats(&["b", "k:said"])) > 0.0);
        assert!(m.score(&feats(&["b", "k:in", "n:the"])) <= 0.0);
    }

    #[test]
    fn round_trips_through_bytes() {
        let m = train(
            &[ex(&["b", "k:said"], true), ex(&["b", "k:in"], false)],
            3,
            2,
        );
        let bytes = m.to_bytes().to_vec();
        let back = CueModel::from_bytes("test", Cow::Owned(bytes.clone())).expect("reads back");
        assert_eq!(back.len(), m.len());
        assert_eq!(back.to_bytes(), &bytes[..]);
        let f = feats(&["b", "k:said"]);
        assert_eq!(back.score(&f), m.score(&f));
    }

    #[test]
    fn keeps_three_decimals_exactly() {
        let m = quantise(&[(7, 0.123), (9, -10.475), (11, 0.0004)]);
        assert_eq!(m.weight(7), "0.123".parse::<f32>().expect("float"));
        assert_eq!(m.weight(9), "-10.475".parse::<f32>().expect("float"));
        assert_eq!(m.weight(11), 0.0);
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn coarsens_weights_too_large_for_three_decimals() {
        let m = quantise(&[(7, 40.0), (9, 1.234)]);
        assert_eq!(m.weight(7), 40.0);
        assert_eq!(m.weight(9), 1.23);
    }

    #[test]
    fn holds_a_feature_hashing_to_zero() {
        let m = quantise(&[(0, 1.5), (3, -2.0)]);
        let back =
            CueModel::from_bytes("test", Cow::Owned(m.to_bytes().to_vec())).expect("reads back");
        assert_eq!(back.weight(0), 1.5);
        assert_eq!(back.weight(3), -2.0);
        assert_eq!(back.weight(4), 0.0);
    }

    #[test]
    fn rejects_a_bad_header_and_a_truncated_file() {
        let mut bytes = quantise(&[(5, 1.0)]).to_bytes().to_vec();
        let mut other = bytes.clone();
        other[..8].copy_from_slice(b"GLNER1\0\0");
        assert!(matches!(
            CueModel::from_bytes("x", Cow::Owned(other)),
            Err(ModelError::Header { .. })
        ));
        bytes.pop();
        assert!(matches!(
            CueModel::from_bytes("x", Cow::Owned(bytes)),
            Err(ModelError::Truncated { .. })
        ));
    }

    #[test]
    fn compiled_models_load() {
        for (name, bytes) in [
            (
                "cue_model.bin",
                &include_bytes!("../data/cue_model.bin")[..],
            ),
            (
                "content_end_model.bin",
                &include_bytes!("../data/content_end_model.bin")[..],
            ),
            (
                "reach_model.bin",
                &include_bytes!("../data/reach_model.bin")[..],
            ),
        ] {
            let m = CueModel::from_bytes(name, Cow::Borrowed(bytes)).expect("compiled model reads");
            assert!(m.len() > 10_000, "{name} has {} weights", m.len());
        }
    }

    #[test]
    fn parts_are_not_spliced_together() {
        let mut f = Features::default();
        f.push_parts(&[hash("kn:"), hash("said"), hash("that")]);
        f.push_parts(&[hash("kn:"), hash("saidthat")]);
        f.push_parts(&[hash("kn:"), hash("that"), hash("said")]);
        assert_ne!(f.hashes[0], f.hashes[1]);
        assert_ne!(f.hashes[0], f.hashes[2]);
    }

    #[test]
    fn names_hash_at_compile_time_like_at_run_time() {
        let name = String::from("lem:");
        assert_eq!(const { hash("lem:") }, hash(&name));
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
