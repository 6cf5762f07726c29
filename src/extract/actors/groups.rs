//! Group mentions ("several Eastern European leaders", "some NATO allies", "the Baltic
//! states", "a group of NATO countries") and definite descriptions of organisations ("the
//! alliance", "the Western military alliance").

use std::ops::Range;

use std::collections::HashSet;
use std::sync::OnceLock;

use super::gazetteer::PassBuild;
use super::ner::word_hash;
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

/// The word lists as sets of `ner::word_hash`, so the scan over every token allocates nothing.
struct Sets {
    quantifiers: HashSet<u64, PassBuild>,
    heads: HashSet<u64, PassBuild>,
    modifiers: HashSet<u64, PassBuild>,
    openers: HashSet<u64, PassBuild>,
}

fn sets() -> &'static Sets {
    static S: OnceLock<Sets> = OnceLock::new();
    S.get_or_init(|| {
        let set = |l: &[&str]| l.iter().map(|w| word_hash(w)).collect();
        Sets {
            quantifiers: set(QUANTIFIERS),
            heads: set(GROUP_HEADS),
            modifiers: set(MODIFIERS),
            openers: set(&["a", "dozens", "hundreds", "scores"]),
        }
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
    let sets = sets();
    let hash = |i: usize| lower.get(i).copied().unwrap_or(0);
    let mut out = Vec::new();
    let mut i = sentence.start;
    while i < sentence.end {
        let h = hash(i);
        if !sets.quantifiers.contains(&h) && !sets.openers.contains(&h) {
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
        } else if listed(QUANTIFIERS, w) {
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
            if sets.heads.contains(&hash(k)) {
                break;
            }
            let is_mod = (capitalised(m) && m.chars().any(char::is_alphabetic))
                || sets.modifiers.contains(&hash(k))
                || (m.contains('-') && m.chars().any(char::is_alphabetic));
            if !is_mod {
                break;
            }
            proper |= capitalised(m);
            n_mod += 1;
            k += 1;
        }
        let head = word(text, tokens, k).to_lowercase();
        let is_head = k < sentence.end && GROUP_HEADS.contains(&head.as_str());
        let quantified = !listed(&["the", "these", "those"], w);
        let speaker = SPEAKER_HEADS.contains(&head.as_str()) && quantified;
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
        let lower = w.to_lowercase();
        if is_noun(&lower) {
            // "the alliance members" is about the members, not the alliance.
            let next = word(text, tokens, k + 1).to_lowercase();
            if GROUP_HEADS.contains(&next.as_str()) || next == "member" {
                return None;
            }
            return Some((i..k + 1, lower));
        }
        let modifier = w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
            && !w.is_empty()
            && !matches!(
                lower.as_str(),
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
