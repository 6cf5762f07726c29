//! The stance lexicons, compiled in from `src/extract/data/` and parsed once.
//!
//! A malformed line is skipped, never a panic: the data files are checked by a unit test, so a
//! bad edit shows up there rather than at run time.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::hashing::FnvBuild;

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
    pub lines_skipped: usize,
}

impl Lexicon {
    /// The longest entry matching `words` at `i` (`words` lower-cased).
    pub fn match_at(&self, words: &[&str], i: usize) -> Option<&Entry> {
        let first = words.get(i)?;
        self.by_first.get(*first)?.iter().find(|e| {
            e.words.len() <= words.len() - i && e.words.iter().zip(&words[i..]).all(|(a, b)| a == b)
        })
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
        let words = ["is", "opposed", "to", "tariffs"];
        let entry = STANCE_LEXICON.match_at(&words, 0).expect("match");
        assert_eq!(entry.words, ["is", "opposed", "to"]);
        assert_eq!(entry.polarity, Polarity::Oppose);
    }
}
