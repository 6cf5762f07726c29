//! Group mentions ("several Eastern European leaders", "some NATO allies", "the Baltic
//! states", "a group of NATO countries") and definite descriptions of organisations ("the
//! alliance", "the Western military alliance").

use std::ops::Range;

use std::collections::HashMap;
use std::sync::OnceLock;

use super::lower_case;
use super::ner::word_hash;
use crate::extract::hashing::PassBuild;
use crate::extract::text::Token;

/// Plural heads of a group of actors.
const GROUP_HEADS: &[&str] = &[
    "leaders",
    "allies",
    "countries",
    "states",
    "nations",
    "members",
    "officials",
    "governments",
    "diplomats",
    "lawmakers",
    "legislators",
    "ministers",
    "politicians",
    "analysts",
    "experts",
    "critics",
    "activists",
    "protesters",
    "protestors",
    "residents",
    "citizens",
    "voters",
    "partners",
    "capitals",
    "delegates",
    "negotiators",
    "commanders",
    "generals",
    "senators",
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "investors",
    "economists",
    "scientists",
    "researchers",
    "observers",
    "sources",
    "authorities",
    "forces",
    "troops",
    "soldiers",
    "rebels",
    "militants",
    "separatists",
    "supporters",
    "opponents",
    "envoys",
    "spokesmen",
    "regulators",
    "prosecutors",
    "judges",
    "workers",
    "unions",
    "companies",
    "firms",
    "banks",
];

/// Heads that name speakers: a bare quantifier makes a group of them ("some officials").
const SPEAKER_HEADS: &[&str] = &[
    "leaders",
    "officials",
    "diplomats",
    "lawmakers",
    "legislators",
    "ministers",
    "politicians",
    "analysts",
    "experts",
    "critics",
    "activists",
    "economists",
    "scientists",
    "researchers",
    "observers",
    "sources",
    "negotiators",
    "authorities",
    "allies",
];

/// Words that open a group phrase (lower case).
const QUANTIFIERS: &[&str] = &[
    "several", "some", "many", "most", "other", "few", "numerous", "various", "all", "both", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "the", "these",
    "those", "certain", "more", "fellow",
];

/// Lower-case modifiers a group phrase may carry.
const MODIFIERS: &[&str] = &[
    "senior",
    "top",
    "foreign",
    "military",
    "western",
    "eastern",
    "european",
    "member",
    "allied",
    "government",
    "administration",
    "defense",
    "defence",
    "security",
    "intelligence",
    "local",
    "regional",
    "smaller",
    "larger",
    "key",
    "neighbouring",
    "neighboring",
    "other",
    "fellow",
    "world",
    "international",
    "independent",
    "anonymous",
    "unnamed",
    "party",
    "opposition",
    "ruling",
    "health",
    "industry",
    "financial",
];

/// Nouns of definite descriptions that can refer to an organisation.
pub const DESCRIPTION_LIMIT: usize = 4;

fn word<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    tokens
        .get(i)
        .and_then(|t| text.get(t.start..t.end))
        .unwrap_or("")
}

fn listed(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Bits of `word_classes`: which word lists a word is on.
const QUANTIFIER: u8 = 1;
const HEAD: u8 = 2;
const MODIFIER: u8 = 4;
const OPENER: u8 = 8;
const SPEAKER: u8 = 16;
/// Heads a group phrase may have without a quantifier.
const BARE_HEAD: u8 = 32;

/// The word lists as one map from `ner::word_hash` to class bits, so the scan over every
/// token allocates nothing and asks one question per token; a bit per hash bucket answers
/// most words (those on no list) before the map is asked.
struct WordClasses {
    map: HashMap<u64, u8, PassBuild>,
    seen: [u64; WordClasses::SEEN_WORDS],
}

impl WordClasses {
    /// 4096 buckets for some 150 listed words: few unlisted words share a bucket with one.
    const SEEN_WORDS: usize = 64;

    fn bucket(h: u64) -> (usize, u64) {
        ((h >> 6) as usize % Self::SEEN_WORDS, 1 << (h & 63))
    }

    fn get(&self, h: u64) -> u8 {
        let (word, bit) = Self::bucket(h);
        if self.seen[word] & bit == 0 {
            return 0;
        }
        self.map.get(&h).copied().unwrap_or(0)
    }
}

fn word_classes() -> &'static WordClasses {
    static S: OnceLock<WordClasses> = OnceLock::new();
    S.get_or_init(|| {
        let mut map: HashMap<u64, u8, PassBuild> = HashMap::default();
        let lists: [(&[&str], u8); 6] = [
            (QUANTIFIERS, QUANTIFIER),
            (GROUP_HEADS, HEAD),
            (MODIFIERS, MODIFIER),
            (&["a", "dozens", "hundreds", "scores"], OPENER),
            (SPEAKER_HEADS, SPEAKER),
            (
                &[
                    "officials",
                    "diplomats",
                    "lawmakers",
                    "legislators",
                    "ministers",
                    "leaders",
                    "negotiators",
                    "authorities",
                    "forces",
                    "troops",
                    "prosecutors",
                    "investigators",
                    "analysts",
                    "sources",
                ],
                BARE_HEAD,
            ),
        ];
        let mut seen = [0; WordClasses::SEEN_WORDS];
        for (list, class) in lists {
            for w in list {
                let h = word_hash(w);
                *map.entry(h).or_default() |= class;
                let (word, bit) = WordClasses::bucket(h);
                seen[word] |= bit;
            }
        }
        WordClasses { map, seen }
    })
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A group phrase found in a sentence: its tokens, and whether a quantifier opens it.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPhrase {
    pub tokens: Range<usize>,
    pub confidence: f64,
}

/// Group phrases of one sentence (token range `sentence`).
/// `lower` holds the `word_hash` of every token (from the tagger).
pub fn group_phrases(
    text: &str,
    tokens: &[Token],
    lower: &[u64],
    sentence: Range<usize>,
) -> Vec<GroupPhrase> {
    let classes = word_classes();
    let hash = |i: usize| lower.get(i).copied().unwrap_or(0);
    let class = |h: u64| classes.get(h);
    let mut out = Vec::new();
    let mut i = sentence.start;
    while i < sentence.end {
        let c = class(hash(i));
        if c & BARE_HEAD != 0 {
            // "U.S. officials", "Ukrainian officials", "Western diplomats": proper modifiers
            // and a speaking head, with no quantifier.
            let mut k = i;
            while k > sentence.start
                && k + 3 > i
                && capitalised(word(text, tokens, k - 1))
                && class(hash(k - 1)) & SPEAKER == 0
            {
                k -= 1;
            }
            let free = out.last().is_none_or(|g: &GroupPhrase| g.tokens.end <= k);
            let starts = k == sentence.start || !capitalised(word(text, tokens, k - 1));
            if k < i && free && starts {
                out.push(GroupPhrase {
                    tokens: k..i + 1,
                    confidence: 0.65,
                });
            }
            i += 1;
            continue;
        }
        if c & (QUANTIFIER | OPENER) == 0 {
            i += 1;
            continue;
        }
        let w = word(text, tokens, i);
        // "a group of", "a number of", "a handful of", "dozens of", "a coalition of"
        let mut open = None;
        if w.eq_ignore_ascii_case("a")
            && listed(
                &[
                    "group",
                    "number",
                    "handful",
                    "coalition",
                    "majority",
                    "couple",
                ],
                word(text, tokens, i + 1),
            )
            && word(text, tokens, i + 2) == "of"
        {
            open = Some(i + 3);
        } else if listed(&["dozens", "hundreds", "scores"], w) && word(text, tokens, i + 1) == "of"
        {
            open = Some(i + 2);
        } else if c & QUANTIFIER != 0 {
            open = Some(i + 1);
        }
        let Some(mut k) = open else {
            i += 1;
            continue;
        };
        let mut proper = false;
        let mut n_mod = 0;
        while k < sentence.end && n_mod < 4 {
            let m = word(text, tokens, k);
            if class(hash(k)) & HEAD != 0 {
                break;
            }
            let is_mod = (capitalised(m) && m.chars().any(char::is_alphabetic))
                || class(hash(k)) & MODIFIER != 0
                || (m.contains('-') && m.chars().any(char::is_alphabetic));
            if !is_mod {
                break;
            }
            proper |= capitalised(m);
            n_mod += 1;
            k += 1;
        }
        // The head's list membership by its lower-case hash, like the words before it.
        let head = class(hash(k));
        let is_head = k < sentence.end && head & HEAD != 0;
        let quantified = !listed(&["the", "these", "those"], w);
        let speaker = k < sentence.end && head & SPEAKER != 0 && quantified;
        if is_head && (proper || speaker) {
            // Not "the Baltic states' leaders"-style continuations of a longer noun phrase.
            out.push(GroupPhrase {
                tokens: i..k + 1,
                confidence: if proper { 0.75 } else { 0.6 },
            });
            i = k + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// A definite description "the [modifiers] noun" starting at token `i`: returns the token
/// range and the noun (lower case) when one of `nouns` heads it.
pub fn description_at(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    i: usize,
    is_noun: impl Fn(&str) -> bool,
) -> Option<(Range<usize>, String)> {
    if !word(text, tokens, i).eq_ignore_ascii_case("the") {
        return None;
    }
    let mut k = i + 1;
    while k < sentence.end && k <= i + DESCRIPTION_LIMIT {
        let w = word(text, tokens, k);
        let lower = lower_case(w);
        if is_noun(&lower) {
            // "the alliance members" is about the members, not the alliance.
            let next = lower_case(word(text, tokens, k + 1));
            if GROUP_HEADS.contains(&next.as_ref()) || next == "member" {
                return None;
            }
            return Some((i..k + 1, lower.into_owned()));
        }
        let modifier = w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
            && !w.is_empty()
            && !matches!(
                lower.as_ref(),
                "of" | "and" | "or" | "to" | "in" | "on" | "for" | "by" | "with" | "that" | "which"
            );
        if !modifier {
            return None;
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    fn groups(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let lower: Vec<u64> = tokens
            .iter()
            .map(|t| word_hash(&text[t.start..t.end]))
            .collect();
        group_phrases(text, &tokens, &lower, 0..tokens.len())
            .into_iter()
            .map(|g| text[tokens[g.tokens.start].start..tokens[g.tokens.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn finds_quantified_and_proper_groups() {
        assert_eq!(
            groups("as several Eastern European leaders strongly advocate"),
            ["several Eastern European leaders"]
        );
        assert_eq!(groups("that some NATO allies might"), ["some NATO allies"]);
        assert_eq!(
            groups("followed by the Baltic states, including"),
            ["the Baltic states"]
        );
        assert_eq!(
            groups("A group of NATO countries might"),
            ["A group of NATO countries"]
        );
        assert_eq!(groups("some officials said"), ["some officials"]);
        assert_eq!(groups("but U.S. officials said"), ["U.S. officials"]);
        assert_eq!(groups("Ukrainian officials said"), ["Ukrainian officials"]);
    }

    #[test]
    fn ignores_plain_plural_noun_phrases() {
        assert!(groups("the states agreed and the leaders met").is_empty());
        assert!(groups("all countries").is_empty());
    }

    #[test]
    fn reads_definite_descriptions() {
        let text = "that the Western military alliance's members and the alliance said";
        let tokens = tokenize(text);
        let is_noun = |w: &str| w == "alliance";
        let first = description_at(text, &tokens, 0..tokens.len(), 1, is_noun);
        assert_eq!(first, Some((1..5, "alliance".to_string())));
        let i = tokens
            .iter()
            .rposition(|t| &text[t.start..t.end] == "the")
            .expect("the");
        assert!(description_at(text, &tokens, 0..tokens.len(), i, is_noun).is_some());
    }
}
