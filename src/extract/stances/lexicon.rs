//! The stance lexicons, compiled in from `src/extract/data/` and parsed once.
//!
//! A malformed line is skipped, never a panic: the data files are checked by a unit test, so a
//! bad edit shows up there rather than at run time.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::hashing::PassBuild;
use crate::extract::text::{Token, TokenKind};

/// Maps keyed by the `folded_hash` of a word: a token is looked up as written, with no
/// lower-cased copy. Words that share a hash share a slot, so what is stored there keeps its
/// words to tell them apart.
pub type FoldedMap<V> = HashMap<u64, V, PassBuild>;

/// FNV-1a of a word with its ASCII capitals folded: "Backs" hashes as "backs" does.
pub fn folded_hash(word: &[u8]) -> u64 {
    word.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

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
    /// The subject of a copula: "X would be a disappointment", or the object of a verb of
    /// judging: "found X unsatisfactory".
    Copula,
    /// After the entry's closer: "urged X to <target>", "blamed the delay on <target>".
    Then,
}

/// One stance expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub words: Vec<String>,
    /// Words that must follow the expression within a few words ("accused X of", "urged X
    /// to"): they end an object target, and a `Then` target follows them.
    pub closer: Vec<String>,
    pub polarity: Polarity,
    pub strength: f64,
    pub frame: Frame,
    /// A `Copula` evaluation only of a person the text names ("Trump is a liar"), frame
    /// `person` in the TSV: words such as "weak" or "great" judge a person, not "the economy".
    pub person: bool,
    pub rule: String,
}

/// Stance expressions indexed by their first word, longest first.
#[derive(Debug)]
pub struct Lexicon {
    /// (first word, its entries) by the `folded_hash` of the first word.
    by_first: FoldedMap<Vec<(String, Vec<Entry>)>>,
    /// The shapes of the first words (see `shapes`), a bit per (slot, byte): every token
    /// of the text is tried, and one look-up here turns nearly all of them away before they
    /// are hashed.
    first_shapes: Box<[u32; SHAPE_SLOTS]>,
    /// Whether every first word is ASCII: then a word with a char that lower-cases to
    /// something else ("’", "é") starts no entry, and needs no lower-cased copy to tell.
    ascii_firsts: bool,
    pub lines_skipped: usize,
}

/// Slots of `first_shapes`: 16 lengths × 32 first bytes, then 16 lengths × 32 second bytes.
const SHAPE_SLOTS: usize = 2 * 16 * 32;

/// Where a word's two shapes sit in `first_shapes`: the slot of its length (15 for longer
/// ones) and first byte with the bit of its last byte, and the slot of its length and second
/// byte with the bit of its next-to-last byte (a one-byte word is its own second byte). Only
/// the low five bits of a byte count, and they are the same for both cases of an ASCII letter,
/// so "Backs" has the shapes of "backs".
fn shapes(word: &[u8]) -> Option<[(usize, u32); 2]> {
    let (first, last) = (word.first()?, word.last()?);
    let second = word.get(1).unwrap_or(first);
    let next_to_last = word
        .len()
        .checked_sub(2)
        .and_then(|i| word.get(i))
        .unwrap_or(last);
    let len = word.len().min(15) << 5;
    Some([
        (len | usize::from(first & 31), 1 << (last & 31)),
        (
            SHAPE_SLOTS / 2 + (len | usize::from(second & 31)),
            1 << (next_to_last & 31),
        ),
    ])
}

impl Lexicon {
    fn new() -> Self {
        Lexicon {
            by_first: FoldedMap::default(),
            first_shapes: Box::new([0; SHAPE_SLOTS]),
            ascii_firsts: true,
            lines_skipped: 0,
        }
    }

    fn add(&mut self, entry: Entry) {
        let Some(first) = entry.words.first() else {
            return;
        };
        for (slot, bit) in shapes(first.as_bytes()).into_iter().flatten() {
            if let Some(s) = self.first_shapes.get_mut(slot) {
                *s |= bit;
            }
        }
        self.ascii_firsts &= first.is_ascii();
        let bucket = self
            .by_first
            .entry(folded_hash(first.as_bytes()))
            .or_default();
        match bucket.iter_mut().find(|(w, _)| w == first) {
            Some((_, entries)) => entries.push(entry),
            None => bucket.push((first.clone(), vec![entry])),
        }
    }

    /// Whether an ASCII word (any case) may be the first word of an entry: lower-casing it
    /// keeps its length and shape.
    fn may_start(&self, word: &[u8]) -> bool {
        shapes(word).is_some_and(|shapes| {
            (shapes.iter())
                .all(|&(slot, bit)| self.first_shapes.get(slot).is_some_and(|s| s & bit != 0))
        })
    }

    /// The longest entry matching the tokens (any case) from token `i`; `ascii` says the
    /// whole sentence is ASCII, which spares the test per word.
    fn match_at(&self, text: &str, tokens: &[Token], i: usize, ascii: bool) -> Option<&Entry> {
        let t = tokens.get(i)?;
        let word = text.as_bytes().get(t.start..t.end)?;
        let key = if ascii || word.is_ascii() {
            if !self.may_start(word) {
                return None;
            }
            folded_hash(word)
        } else {
            let word = t.text(text);
            if self.ascii_firsts && !word.chars().all(|c| c.to_lowercase().all(|l| l.is_ascii())) {
                return None;
            }
            folded_hash(word.to_lowercase().as_bytes())
        };
        let (_, entries) =
            (self.by_first.get(&key)?.iter()).find(|(w, _)| lowers_to(text, t, w))?;
        // The first word matched: the others follow.
        entries.iter().find(|e| {
            e.words.len() <= tokens.len() - i
                && (e.words.iter().skip(1).zip(&tokens[i + 1..]))
                    .all(|(w, t)| lowers_to(text, t, w))
                && (e.closer.is_empty()
                    || find_closer(text, tokens, i + e.words.len(), &e.closer).is_some())
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
}

/// Words a closer may be looked for across: "accused the company's former chief executive of".
const CLOSER_REACH: usize = 8;

/// The token index of `closer` (lower-case words) within `CLOSER_REACH` words of token `from`,
/// with no punctuation but quote marks before it, and at least one word between: "urged
/// Congress to", not "urged to".
pub fn find_closer(text: &str, tokens: &[Token], from: usize, closer: &[String]) -> Option<usize> {
    let end = tokens.len().min(from + CLOSER_REACH + 1);
    (from + 1..end)
        .take_while(|&k| tokens[k - 1].kind != TokenKind::Punct)
        .find(|&k| {
            tokens[k].kind != TokenKind::Punct
                && closer.len() <= tokens.len() - k
                && closer
                    .iter()
                    .zip(&tokens[k..])
                    .all(|(w, t)| lowers_to(text, t, w))
        })
}

/// `word` lower-cased, borrowed when it is lower case already (most words are).
pub fn lower_word(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Whether token `t` lower-cases to `lower` (no ASCII capital in it): an ASCII token is
/// compared as it is.
fn lowers_to(text: &str, t: &Token, lower: &str) -> bool {
    match text.as_bytes().get(t.start..t.end) {
        Some(word) if word.is_ascii() => word.eq_ignore_ascii_case(lower.as_bytes()),
        Some(_) => t.text(text).to_lowercase() == lower,
        None => false,
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
    let mut lexicon = Lexicon::new();
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
        let person = frame == "person";
        let frame = match frame {
            "obj" => Frame::Object,
            "nominal" => Frame::Nominal,
            "copula" | "person" => Frame::Copula,
            "then" => Frame::Then,
            _ => {
                lexicon.lines_skipped += 1;
                continue;
            }
        };
        // "accuse _ of": the expression, the target's slot, then the closer.
        let (phrase, closer) = phrase.split_once(" _ ").unwrap_or((phrase, ""));
        let (Ok(strength), w) = (strength.parse::<f64>(), words(phrase)) else {
            lexicon.lines_skipped += 1;
            continue;
        };
        let closer = words(closer);
        if w.is_empty() || (frame == Frame::Then && closer.is_empty()) {
            lexicon.lines_skipped += 1;
            continue;
        }
        lexicon.add(Entry {
            words: w,
            closer,
            polarity,
            strength: strength.clamp(0.0, 1.0),
            frame,
            person,
            rule: rule.to_string(),
        });
    }
    for (_, entries) in lexicon.by_first.values_mut().flatten() {
        // An entry with a closer before the same words without: it is the narrower reading.
        entries.sort_by_key(|e| std::cmp::Reverse((e.words.len(), e.closer.len())));
    }
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
