//! The stance lexicons, compiled in from `src/extract/data/` and parsed once.
//!
//! A malformed line is skipped, never a panic: the data files are checked by a unit test, so a
//! bad edit shows up there rather than at run time.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::hashing::FnvBuild;
use crate::extract::text::Token;

/// Maps keyed by short words, looked up once per token: FNV-1a instead of SipHash (no
/// untrusted keys can be inserted, they all come from the compiled-in data).
pub type WordMap<V> = HashMap<String, V, FnvBuild>;

use crate::model::Polarity;

const LEXICON: &str = include_str!("../data/stance_lexicon.tsv");
const TARGETS: &str = include_str!("../data/stance_targets.tsv");

/// Where the target of a stance expression is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// After the expression: "backs X", "hesitant to move beyond X".
    Object,
    /// The complement of a noun: "the importance of X".
    Nominal,
    /// The subject of a copula: "X would be a disappointment".
    Copula,
}

/// One stance expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub words: Vec<String>,
    pub polarity: Polarity,
    pub strength: f64,
    pub frame: Frame,
    pub rule: String,
}

/// Stance expressions indexed by their first word, longest first.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub by_first: WordMap<Vec<Entry>>,
    /// The shapes of the first words (see `shape`), a bit per (slot, last byte): every token
    /// of the text is tried, and one look-up here turns nearly all of them away before they
    /// are lower-cased and hashed.
    first_shapes: Vec<u32>,
    pub lines_skipped: usize,
}

/// Slots of `first_shapes`: 16 lengths × 32 first bytes.
const SHAPE_SLOTS: usize = 16 * 32;

/// Where a word's shape sits in `first_shapes`: the slot of its length (15 for longer ones) and
/// first byte, and the bit of its last byte. Only the low five bits of a byte count, and they
/// are the same for both cases of an ASCII letter, so "Backs" has the shape of "backs".
fn shape(word: &[u8]) -> Option<(usize, u32)> {
    let (first, last) = (word.first()?, word.last()?);
    let slot = (word.len().min(15) << 5) | usize::from(first & 31);
    Some((slot, 1 << (last & 31)))
}

impl Lexicon {
    /// Whether `word` (any case) may lower-case to the first word of an entry. Only ASCII
    /// words are turned away, as lower-casing keeps their length and shape; `ascii` says the
    /// whole sentence is ASCII, which spares the test per word.
    fn may_start(&self, word: &[u8], ascii: bool) -> bool {
        let fits = shape(word)
            .is_some_and(|(slot, bit)| self.first_shapes.get(slot).is_some_and(|s| s & bit != 0));
        fits || !(ascii || word.is_ascii())
    }

    /// The longest entry matching the tokens (any case) from token `i`.
    fn match_at(&self, text: &str, tokens: &[Token], i: usize, ascii: bool) -> Option<&Entry> {
        let t = tokens.get(i)?;
        if !self.may_start(text.as_bytes().get(t.start..t.end)?, ascii) {
            return None;
        }
        let entries = self.by_first.get(lower_word(t.text(text)).as_ref())?;
        entries.iter().find(|e| {
            e.words.len() <= tokens.len() - i
                && (e.words.iter().zip(&tokens[i..])).all(|(w, t)| lowers_to(t.text(text), w))
        })
    }

    /// The entries among the tokens of a sentence (any case), left to right, as (token index,
    /// entry); a match resumes after its last word.
    pub fn find_all(&self, text: &str, tokens: &[Token]) -> Vec<(usize, &Entry)> {
        let ascii = match (tokens.first(), tokens.last()) {
            (Some(a), Some(b)) => text
                .as_bytes()
                .get(a.start..b.end)
                .is_some_and(<[u8]>::is_ascii),
            _ => true,
        };
        let mut hits = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.match_at(text, tokens, i, ascii) {
                Some(e) => {
                    hits.push((i, e));
                    i += e.words.len();
                }
                None => i += 1,
            }
        }
        hits
    }

    fn index_shapes(&mut self) {
        self.first_shapes = vec![0; SHAPE_SLOTS];
        for first in self.by_first.keys() {
            if let Some((slot, bit)) = shape(first.as_bytes())
                && let Some(s) = self.first_shapes.get_mut(slot)
            {
                *s |= bit;
            }
        }
    }
}

/// `word` lower-cased, borrowed when it is lower case already (most words are).
pub fn lower_word(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Whether `word` lower-cases to `lower`, which is lower case (no ASCII capital in it), without
/// allocating for an ASCII word.
fn lowers_to(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
    }
}

/// How targets are normalised.
#[derive(Debug, Default)]
pub struct TargetRules {
    /// Word sequences stripped from the front of a target.
    pub frames: Vec<Vec<String>>,
    /// Light verbs stripped from the front of an infinitive target.
    pub verbs: Vec<Vec<String>>,
    /// Action verb → its -ing form.
    pub gerunds: HashMap<String, String>,
    /// Descriptor head noun ("alliance") → actor names it may stand for.
    pub generics: Vec<(Vec<String>, Vec<String>)>,
    /// Targets that say nothing on their own (lower case).
    pub stops: Vec<String>,
    /// Word sequences skipped before a target is read.
    pub leads: Vec<Vec<String>>,
    /// A capital (lower case) → the names of the country it stands for.
    pub metonyms: HashMap<String, Vec<String>>,
    pub lines_skipped: usize,
}

fn data_lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn words(phrase: &str) -> Vec<String> {
    crate::extract::text::tokenize(phrase)
        .iter()
        .map(|t| t.text(phrase).to_lowercase())
        .collect()
}

fn parse_lexicon(text: &str) -> Lexicon {
    let mut lexicon = Lexicon::default();
    for cols in data_lines(text) {
        let [phrase, polarity, strength, frame, rule] = cols[..] else {
            lexicon.lines_skipped += 1;
            continue;
        };
        let polarity = match polarity {
            "support" => Polarity::Support,
            "oppose" => Polarity::Oppose,
            "neutral" => Polarity::Neutral,
            _ => {
                lexicon.lines_skipped += 1;
                continue;
            }
        };
        let frame = match frame {
            "obj" => Frame::Object,
            "nominal" => Frame::Nominal,
            "copula" => Frame::Copula,
            _ => {
                lexicon.lines_skipped += 1;
                continue;
            }
        };
        let (Ok(strength), w) = (strength.parse::<f64>(), words(phrase)) else {
            lexicon.lines_skipped += 1;
            continue;
        };
        let Some(first) = w.first().cloned() else {
            lexicon.lines_skipped += 1;
            continue;
        };
        lexicon.by_first.entry(first).or_default().push(Entry {
            words: w,
            polarity,
            strength: strength.clamp(0.0, 1.0),
            frame,
            rule: rule.to_string(),
        });
    }
    for entries in lexicon.by_first.values_mut() {
        entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
    }
    lexicon.index_shapes();
    lexicon
}

fn parse_targets(text: &str) -> TargetRules {
    let mut rules = TargetRules::default();
    for cols in data_lines(text) {
        match cols[..] {
            ["frame", phrase] => rules.frames.push(words(phrase)),
            ["verb", phrase] => rules.verbs.push(words(phrase)),
            ["lead", phrase] => rules.leads.push(words(phrase)),
            ["gerund", verb, ing] => {
                rules.gerunds.insert(verb.to_string(), ing.to_string());
            }
            ["generic", phrase, names] => rules
                .generics
                .push((words(phrase), names.split('|').map(String::from).collect())),
            ["stop", phrase] => rules.stops.push(phrase.to_lowercase()),
            ["metonym", place, names] => {
                rules.metonyms.insert(
                    place.to_lowercase(),
                    names.split('|').map(String::from).collect(),
                );
            }
            _ => rules.lines_skipped += 1,
        }
    }
    // Longest first, so "issue of" wins over "issue".
    rules.frames.sort_by_key(|f| std::cmp::Reverse(f.len()));
    rules.leads.sort_by_key(|l| std::cmp::Reverse(l.len()));
    rules.verbs.sort_by_key(|v| std::cmp::Reverse(v.len()));
    rules.generics.sort_by_key(|g| std::cmp::Reverse(g.0.len()));
    rules
}

pub static STANCE_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse_lexicon(LEXICON));
pub static TARGET_RULES: LazyLock<TargetRules> = LazyLock::new(|| parse_targets(TARGETS));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_in_data_files_parse_without_skipped_lines() {
        assert_eq!(STANCE_LEXICON.lines_skipped, 0);
        assert_eq!(TARGET_RULES.lines_skipped, 0);
        assert!(STANCE_LEXICON.by_first.len() > 30);
    }

    #[test]
    fn longest_expression_matches_first() {
        let text = "is opposed to tariffs";
        let tokens = crate::extract::text::tokenize(text);
        let hits = STANCE_LEXICON.find_all(text, &tokens);
        let (at, entry) = hits.first().expect("match");
        assert_eq!(*at, 0);
        assert_eq!(entry.words, ["is", "opposed", "to"]);
        assert_eq!(entry.polarity, Polarity::Oppose);
    }

    #[test]
    fn expressions_match_in_any_case() {
        let text = "Opponents SUPPORT Tariffs and Is Opposed To quotas";
        let tokens = crate::extract::text::tokenize(text);
        let hits: Vec<(usize, &[String])> = STANCE_LEXICON
            .find_all(text, &tokens)
            .into_iter()
            .map(|(i, e)| (i, e.words.as_slice()))
            .collect();
        assert_eq!(
            hits,
            [
                (1, &["support".to_string()][..]),
                (
                    4,
                    &["is".to_string(), "opposed".to_string(), "to".to_string()][..]
                )
            ]
        );
    }
}
