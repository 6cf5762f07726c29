//! The cue lexicon: reporting expressions learned from PolNeAR train, with how often each
//! string is a cue where it occurs (its precision) and where its content usually sits.
//!
//! The file `src/extract/data/cues.tsv` is rebuilt by `gloss train attributions`; each line is
//! `cue<TAB>gold<TAB>total<TAB>content_before`, the cue as lower-cased tokens joined by spaces.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::model;
use crate::extract::hashing::{FnvBuild as Fnv, PassBuild};

/// A cue, or the first words of one, in `Lexicon::prefixes`.
#[derive(Debug, Clone, PartialEq)]
pub struct Prefix {
    /// The words, joined by spaces (to check a hash match).
    pub key: Box<str>,
    /// The statistics, when the words are a whole cue.
    pub stats: Option<CueStats>,
}

/// What the train split says about one cue string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CueStats {
    /// Times annotated as a cue.
    pub gold: u32,
    /// Times the token sequence occurs at all.
    pub total: u32,
    /// Of the gold times, how many had the content before the cue.
    pub content_before: u32,
}

impl CueStats {
    pub fn precision(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            f64::from(self.gold) / f64::from(self.total)
        }
    }

    /// Share of the gold uses whose content came before the cue.
    pub fn before_share(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            f64::from(self.content_before) / f64::from(self.gold)
        }
    }
}

/// Cue strings and their statistics; keys are lower-cased tokens joined by single spaces.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub cues: HashMap<String, CueStats, Fnv>,
    /// Every cue and every run of its first words, by `words_hash`: a document's tokens are
    /// matched with their precomputed hashes, a word at a time, and the walk stops as soon as
    /// no cue goes on with the words read (most tokens cost one lookup).
    pub prefixes: HashMap<u64, Prefix, PassBuild>,
    /// One-word cues pooled by stem ("argue", "argued", "arguing" → "argu"), so an inflection
    /// never seen in train is still a candidate.
    pub stems: HashMap<String, CueStats, Fnv>,
    /// Longest cue, in tokens.
    pub max_tokens: usize,
    /// A bit per `stem_start` of every stem of three bytes or more: a word whose first three
    /// bytes have no bit set has no pooled stem, without stemming or hashing it.
    stem_starts: Vec<u64>,
    /// A bit per `first_word_bit` of the first word of every cue: most tokens start no cue,
    /// and a clear bit says so without a `prefixes` lookup.
    first_words: Vec<u64>,
}

/// Bits in `Lexicon::first_words`.
const FIRST_WORD_BITS: usize = 1 << 16;

/// The `first_words` bit of a word's hash (`model::hash`), both halves folded in.
fn first_word_bit(word: u64) -> usize {
    (word ^ (word >> 32)) as usize % FIRST_WORD_BITS
}

/// Bits in `Lexicon::stem_starts`.
const STEM_START_BITS: usize = 1 << 16;

/// A 16-bit digest of a word's first three bytes (`None` for shorter words).
fn stem_start(word: &str) -> Option<usize> {
    let b = word.as_bytes().get(..3)?;
    Some(
        ((usize::from(b[0]) * 961) ^ (usize::from(b[1]) * 31) ^ usize::from(b[2]))
            % STEM_START_BITS,
    )
}

static COMPILED: &str = include_str!("../data/cues.tsv");

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(COMPILED));

/// The compiled-in lexicon (parsed once).
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// Parses the TSV; malformed lines are skipped.
    pub fn parse(tsv: &str) -> Self {
        let mut lex = Lexicon::default();
        for line in tsv.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(cue), Some(gold), Some(total), Some(before)) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let (Ok(gold), Ok(total), Ok(content_before)) =
                (gold.parse(), total.parse(), before.parse())
            else {
                continue;
            };
            if cue.is_empty() {
                continue;
            }
            lex.insert(
                cue,
                CueStats {
                    gold,
                    total,
                    content_before,
                },
            );
        }
        lex
    }

    /// Adds or replaces one cue string.
    pub fn insert(&mut self, cue: &str, stats: CueStats) {
        self.max_tokens = self.max_tokens.max(cue.split(' ').count());
        let mut h = model::SEED;
        let mut end = 0;
        let n = cue.split(' ').count();
        for (k, word) in cue.split(' ').enumerate() {
            let word_hash = model::hash(word);
            if k == 0 {
                if self.first_words.is_empty() {
                    self.first_words = vec![0; FIRST_WORD_BITS / 64];
                }
                let bit = first_word_bit(word_hash);
                self.first_words[bit / 64] |= 1 << (bit % 64);
            }
            h = words_hash(h, word_hash);
            end += word.len() + usize::from(k > 0);
            let entry = self.prefixes.entry(h).or_insert_with(|| Prefix {
                key: cue[..end].into(),
                stats: None,
            });
            // Two word runs with one 64-bit hash: the first keeps the slot.
            if k + 1 == n && *entry.key == cue[..end] {
                entry.stats = Some(stats);
            }
        }
        if !cue.contains(' ') && cue.chars().all(char::is_alphabetic) {
            let pooled = self.stems.entry(stem(cue).to_string()).or_insert(CueStats {
                gold: 0,
                total: 0,
                content_before: 0,
            });
            pooled.gold += stats.gold;
            pooled.total += stats.total;
            pooled.content_before += stats.content_before;
            if let Some(bit) = stem_start(stem(cue)) {
                if self.stem_starts.is_empty() {
                    self.stem_starts = vec![0; STEM_START_BITS / 64];
                }
                self.stem_starts[bit / 64] |= 1 << (bit % 64);
            }
        }
        self.cues.insert(cue.to_string(), stats);
    }

    pub fn get(&self, key: &str) -> Option<&CueStats> {
        self.cues.get(key)
    }

    /// The pooled statistics of the stem of `word`, a one-word cue or an unseen inflection of
    /// one. Any stem of a word longer than three bytes keeps its first three bytes, so the
    /// `stem_starts` bit of the word rules most words out before they are stemmed.
    pub fn stem_stats(&self, word: &str) -> Option<&CueStats> {
        if word.len() > 3 {
            let bit = stem_start(word)?;
            if self
                .stem_starts
                .get(bit / 64)
                .is_none_or(|w| w & (1 << (bit % 64)) == 0)
            {
                return None;
            }
        }
        self.stems.get(stem(word))
    }

    /// Whether some cue may start with the word hashing to `word` (`model::hash`); `false`
    /// means `prefix` finds nothing for it.
    pub fn may_start(&self, word: u64) -> bool {
        let bit = first_word_bit(word);
        self.first_words
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// The cue or cue beginning spelled `key`, whose word hashes combine to `h`.
    pub fn prefix(&self, h: u64, key: &str) -> Option<&Prefix> {
        self.prefixes.get(&h).filter(|p| &*p.key == key)
    }

    /// The TSV form, sorted by cue, for a deterministic file.
    pub fn to_tsv(&self) -> String {
        let mut keys: Vec<&String> = self.cues.keys().collect();
        keys.sort();
        let mut out =
            String::from("# cue\tgold\ttotal\tcontent_before (gloss train attributions)\n");
        for k in keys {
            let s = &self.cues[k];
            out.push_str(&format!(
                "{k}\t{}\t{}\t{}\n",
                s.gold, s.total, s.content_before
            ));
        }
        out
    }
}

/// Appends the hash of a word (`model::hash` of it) to the hash of the words before it
/// (`model::SEED` for none).
pub fn words_hash(h: u64, word: u64) -> u64 {
    model::combine(h, word)
}

/// A crude stem: one of -ing, -ed, -es, -s, -e removed when three letters stay ("argued",
/// "argues", "arguing" and "argue" all give "argu"); "-ss" keeps its s.
pub fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if let Some(base) = word.strip_suffix(suffix)
            && base.len() >= 3
            && !(suffix == "s" && base.ends_with('s'))
        {
            return base;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_word_of_a_cue_may_start_one() {
        let lex = Lexicon::parse("according to\t5\t5\t0\n");
        assert!(lex.may_start(model::hash("according")));
        assert!(!lex.may_start(model::hash("to")));
        assert!(!Lexicon::default().may_start(model::hash("according")));
    }

    #[test]
    fn stems_pool_inflections() {
        for w in ["argue", "argued", "argues", "arguing"] {
            assert_eq!(stem(w), "argu");
        }
        assert_eq!(stem("stress"), "stress");
        assert_eq!(stem("say"), "say");
    }

    #[test]
    fn parses_and_writes_back_the_same_tsv() {
        let tsv = "# header\naccording to\t10\t12\t3\nsaid\t90\t100\t40\n";
        let lex = Lexicon::parse(tsv);
        assert_eq!(lex.max_tokens, 2);
        let said = lex.get("said").expect("said");
        assert!((said.precision() - 0.9).abs() < 1e-9);
        assert!(Lexicon::parse(&lex.to_tsv()).cues == lex.cues);
    }

    #[test]
    fn finds_unseen_inflections_by_stem() {
        let lex = Lexicon::parse("argued\t5\t9\t1\nsaid\t90\t100\t40\n");
        assert_eq!(lex.stem_stats("arguing").map(|s| s.gold), Some(5));
        assert_eq!(lex.stem_stats("argues").map(|s| s.gold), Some(5));
        assert!(lex.stem_stats("arrived").is_none());
        assert!(lex.stem_stats("zebra").is_none());
    }

    #[test]
    fn indexes_every_cue_beginning() {
        let lex = Lexicon::parse("according to\t10\t12\t3\naccording to reports\t2\t9\t0\n");
        let w = |h, word: &str| words_hash(h, model::hash(word));
        let one = w(model::SEED, "according");
        let two = w(one, "to");
        let three = w(two, "reports");
        assert_eq!(lex.prefix(one, "according").map(|p| p.stats), Some(None));
        let whole = lex.prefix(two, "according to").and_then(|p| p.stats);
        assert_eq!(whole.map(|s| s.gold), Some(10));
        assert!(lex.prefix(three, "according to reports").is_some());
        assert!(lex.prefix(w(model::SEED, "to"), "to").is_none());
        assert!(lex.prefix(one, "accordion").is_none());
    }

    #[test]
    fn compiled_lexicon_knows_said() {
        assert!(lexicon().get("said").is_some_and(|s| s.precision() > 0.5));
    }
}
