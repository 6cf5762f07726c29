//! Stance targets: from the words after (or before) a stance expression to a short normalised
//! phrase, so the same target across sentences is one string ("Kiev's membership in the
//! alliance" and "Ukraine's bid to join NATO" both become "Ukraine's NATO membership").

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::lexicon::{FoldedMap, TARGET_RULES, folded_hash};
use crate::extract::claims::model::{SEED, combine};
use crate::extract::hashing::PassBuild;
use crate::model::{Actor, ActorKind};

/// One word of a target candidate, after actor names replaced their mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct TWord {
    pub text: String,
    pub lower: String,
    /// The actor this word names (a mention, an alias, or a generic "the alliance").
    pub actor: Option<usize>,
}

impl TWord {
    pub fn plain(text: &str) -> Self {
        TWord {
            text: text.to_string(),
            lower: text.to_lowercase(),
            actor: None,
        }
    }

    pub(super) fn actor(name: &str, actor: usize) -> Self {
        TWord {
            text: name.to_string(),
            lower: name.to_lowercase(),
            actor: Some(actor),
        }
    }

    pub(super) fn is_proper(&self) -> bool {
        self.actor.is_some()
            || self
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }
}

/// Words that end a target phrase: clause openers, most prepositions, auxiliaries, time words.
const BOUNDARY: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "because",
    "while",
    "if",
    "as",
    "since",
    "although",
    "though",
    "when",
    "whereas",
    "where",
    "unless",
    "but",
    "and",
    "or",
    "nor",
    "so",
    "than",
    "at",
    "on",
    "by",
    "with",
    "from",
    "during",
    "after",
    "before",
    "until",
    "amid",
    "despite",
    "ago",
    "over",
    "under",
    "about",
    "against",
    "without",
    "via",
    "through",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "be",
    "been",
    "next",
    "last",
    "yesterday",
    "today",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "also",
    "even",
    "too",
    "however",
    "once",
    "here",
    "there",
    "again",
    "now",
    "then",
    "instead",
    "anymore",
    "soon",
    "later",
    "already",
    "still",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according",
    "why",
    "how",
    "what",
    "whether",
    "early",
    "late",
    "among",
];

/// Prepositions that may continue a target only right after a membership word.
const MEMBERSHIP_PREPS: &[&str] = &["in", "into", "to", "for", "of"];
const MEMBERSHIP_WORDS: &[&str] = &[
    "membership",
    "accession",
    "entry",
    "bid",
    "application",
    "join",
    "joining",
    "given",
    "granted",
    "offered",
    "extended",
    "promised",
];

/// Whether word `w` (lower case) may continue a target whose last word is `prev`.
pub fn continues(prev: Option<&str>, w: &str) -> bool {
    if BOUNDARY.contains(&w) || w.ends_with("n't") || w.ends_with("n’t") {
        return false;
    }
    if w == "of" {
        return prev.is_some();
    }
    if w == "such" {
        return prev.is_none(); // "measures such as ..." ends; "such a database" is framing
    }
    if MEMBERSHIP_PREPS.contains(&w) {
        return prev.is_some_and(|p| MEMBERSHIP_WORDS.contains(&p));
    }
    true
}

/// The words of a name, separated by spaces: the name itself when it is ASCII letters, digits
/// and spaces (nearly all are), as the tokenizer would split it at its spaces anyway; otherwise
/// its tokens, lower-cased. A text has dozens of names, and most are neither tokenized nor
/// copied.
fn spaced_words(name: &str) -> Cow<'_, str> {
    if name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ') {
        return Cow::Borrowed(name);
    }
    let tokens = crate::extract::text::tokenize(name);
    let words: Vec<String> = tokens.iter().map(|t| t.text(name).to_lowercase()).collect();
    Cow::Owned(words.join(" "))
}

/// The words of `spaced_words` without "the", in any case.
fn name_words(spaced: &str) -> impl Iterator<Item = &str> {
    spaced
        .split_ascii_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("the"))
}

/// One name or alias of an actor.
struct Name<'a> {
    /// Its words (see `spaced_words`).
    spaced: Cow<'a, str>,
    actor: usize,
}

/// Names and aliases of the actors, found by the words they span.
///
/// A text can have thousands of actors whose names open with one word (an all-capitals text
/// gives the tagger's run-ons: "THE PLAN …", "THE CRITICS …"), so a word is not compared
/// with every name it could open: for each length of name that opens with it, the words
/// there are hashed and looked up.
pub struct AliasIndex<'a> {
    names: Vec<Name<'a>>,
    /// By the `folded_hash` of a first word: the lengths of the names opening with it,
    /// longest first.
    lengths: FoldedMap<Vec<usize>>,
    /// By `words_hash` and length: the names with those words, in the actors' order.
    by_words: HashMap<(u64, usize), Vec<usize>, PassBuild>,
}

/// The hash of a sequence of words, each folded (`folded_hash`).
fn words_hash<'w>(words: impl Iterator<Item = &'w str>) -> u64 {
    words.fold(SEED, |h, w| combine(h, folded_hash(w.as_bytes())))
}

impl<'a> AliasIndex<'a> {
    pub fn new(actors: &'a [Actor]) -> Self {
        let mut index = AliasIndex {
            names: Vec::new(),
            lengths: FoldedMap::default(),
            by_words: HashMap::default(),
        };
        for (i, actor) in actors.iter().enumerate() {
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                // A lower-case alias ("the alliance") is too loose to match as a name.
                if !name.chars().any(char::is_uppercase) {
                    continue;
                }
                let spaced = spaced_words(name);
                let Some(first) = name_words(&spaced).next() else {
                    continue;
                };
                let len = name_words(&spaced).count();
                let lengths = index
                    .lengths
                    .entry(folded_hash(first.as_bytes()))
                    .or_default();
                if let Err(at) = lengths.binary_search_by(|l| len.cmp(l)) {
                    lengths.insert(at, len);
                }
                let key = (words_hash(name_words(&spaced)), len);
                index
                    .by_words
                    .entry(key)
                    .or_default()
                    .push(index.names.len());
                index.names.push(Name { spaced, actor: i });
            }
        }
        index
    }

    /// The alias of an actor starting at word `i` of `words` (lower case, original case in
    /// `raw`, which must start with a capital), as (length in words, actor): the longest
    /// there, and of names of one length, the first actor's.
    pub fn match_at(&self, lower: &[&str], raw: &[&str], i: usize) -> Option<(usize, usize)> {
        if !raw.get(i)?.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let lengths = self.lengths.get(&folded_hash(lower.get(i)?.as_bytes()))?;
        lengths
            .iter()
            .filter(|&&len| len <= lower.len() - i)
            .find_map(|&len| {
                let words = &lower[i..i + len];
                let found = self
                    .by_words
                    .get(&(words_hash(words.iter().copied()), len))?;
                found.iter().map(|&n| &self.names[n]).find_map(|n| {
                    // `lower` has no capitals: a word in any case matches it ignoring case.
                    name_words(&n.spaced)
                        .zip(words)
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
                        .then_some((len, n.actor))
                })
            })
    }
}

/// The actor a generic descriptor ("the alliance") stands for, where one such actor is present.
fn generic_actor(words: &[TWord], i: usize, actors: &[Actor]) -> Option<(usize, usize)> {
    TARGET_RULES.generics.iter().find_map(|(phrase, names)| {
        let fits = phrase.len() <= words.len() - i
            && phrase
                .iter()
                .zip(&words[i..])
                .all(|(p, w)| *p == w.text && w.actor.is_none());
        if !fits {
            return None;
        }
        let actor = names.iter().find_map(|n| {
            actors
                .iter()
                .position(|a| &a.name == n || a.aliases.iter().any(|al| al == n))
        })?;
        Some((phrase.len(), actor))
    })
}

fn strip_prefix_seq(words: &mut Vec<TWord>, seqs: &[Vec<String>]) -> bool {
    for seq in seqs {
        if seq.len() <= words.len()
            && seq
                .iter()
                .zip(words.iter())
                .all(|(s, w)| *s == w.lower && w.actor.is_none())
        {
            words.drain(..seq.len());
            return true;
        }
    }
    false
}

/// Strips a light verb ("move beyond") or turns an action verb into its -ing form ("send"
/// → "sending") at the front of an infinitive target.
pub fn strip_infinitive(words: &mut Vec<TWord>) {
    if strip_prefix_seq(words, &TARGET_RULES.verbs) {
        return;
    }
    if let Some(first) = words.first_mut()
        && let Some(ing) = TARGET_RULES.gerunds.get(&first.lower)
    {
        *first = TWord::plain(ing);
    }
}

/// The country actor a capital stands for ("Kiev" → Ukraine), when it is an actor here.
fn metonym(name: &str, actors: &[Actor]) -> Option<usize> {
    let names = TARGET_RULES.metonyms.get(&name.to_lowercase())?;
    names.iter().find_map(|n| {
        actors
            .iter()
            .position(|a| &a.name == n || a.aliases.iter().any(|al| al == n))
    })
}

/// Replaces capitals by their countries and generic descriptors by the actors they stand
/// for, and strips framing words.
pub fn normalise_words(mut words: Vec<TWord>, actors: &[Actor]) -> Vec<TWord> {
    for i in 0..words.len() {
        let w = &words[i];
        // A plain capitalised word only on its own: "Washington" but not "Washington Post".
        let alone = |j: Option<usize>| {
            j.and_then(|j| words.get(j))
                .is_none_or(|n| n.actor.is_some() || !n.is_proper() || n.text == "'s")
        };
        let eligible =
            w.actor.is_some() || (w.is_proper() && alone(i.checked_sub(1)) && alone(Some(i + 1)));
        let name = w.actor.map_or(w.text.as_str(), |a| actors[a].name.as_str());
        if eligible && let Some(country) = metonym(name, actors) {
            words[i] = TWord::actor(&actors[country].name, country);
        }
    }
    // Generic descriptors, dropping the determiner and lower-case modifiers before them
    // ("the US-led military alliance" → NATO).
    let mut i = 0;
    while i < words.len() {
        if let Some((len, actor)) = generic_actor(&words, i, actors) {
            let mut start = i;
            while start > 0
                && words[start - 1].actor.is_none()
                && !words[start - 1].is_proper()
                && words[start - 1].lower != "of"
                && !MEMBERSHIP_PREPS.contains(&words[start - 1].lower.as_str())
                && !MEMBERSHIP_WORDS.contains(&words[start - 1].lower.as_str())
                && words[start - 1].lower != "'s"
            {
                start -= 1;
            }
            let name = actors[actor].name.clone();
            words.splice(start..i + len, [TWord::actor(&name, actor)]);
            i = start + 1;
        } else {
            i += 1;
        }
    }
    while strip_prefix_seq(&mut words, &TARGET_RULES.frames) {}
    words
}

/// Joins words, attaching possessive `'s` to the word before.
fn join(words: &[TWord]) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && !matches!(w.text.as_str(), "'s" | "’s") {
            out.push(' ');
        }
        if w.text == "’s" {
            out.push_str("'s");
        } else {
            out.push_str(&w.text);
        }
    }
    out
}

fn is_possessive(w: &TWord) -> bool {
    matches!(w.text.as_str(), "'s" | "’s")
}

/// A run of proper words (an actor or a capitalised name) starting at `i`.
fn proper_run(words: &[TWord], i: usize) -> Option<(usize, String)> {
    let first = words.get(i)?;
    if first.actor.is_some() {
        return Some((1, first.text.clone()));
    }
    let len = words[i..]
        .iter()
        .take_while(|w| w.is_proper() && w.actor.is_none() && w.text != "'s")
        .count();
    (len > 0).then(|| (len, join(&words[i..i + len])))
}

fn is_org(words: &[TWord], i: usize, actors: &[Actor]) -> bool {
    words
        .get(i)
        .and_then(|w| w.actor)
        .is_some_and(|a| actors[a].kind == ActorKind::Organization)
}

/// "X's Y membership" from the many ways news writes it, when the phrase is about membership.
fn membership(words: &[TWord], actors: &[Actor]) -> Option<String> {
    let core = words.iter().position(|w| {
        matches!(w.lower.as_str(), "membership" | "accession" | "joining")
            || (matches!(
                w.lower.as_str(),
                "bid" | "application" | "request" | "aspirations" | "aspiration"
            ) && words
                .iter()
                .skip_while(|x| !std::ptr::eq(*x, w))
                .nth(2)
                .is_some_and(|j| matches!(j.lower.as_str(), "join" | "enter")))
    })?;
    let mut member: Option<String> = None;
    let mut org: Option<String> = None;
    // Before the core: [X 's] [Y] core ("Ukraine's NATO membership", "Ukraine joining NATO").
    let run_before = |end: usize| -> Option<(usize, String)> {
        let mut s = end;
        while s > 0 && words[s - 1].is_proper() && !is_possessive(&words[s - 1]) {
            s -= 1;
        }
        (s < end).then(|| (s, join(&words[s..end])))
    };
    let mut k = core;
    if let Some((s, name)) = run_before(k) {
        if words[core].lower == "joining" {
            member = Some(name);
        } else {
            org = Some(name);
        }
        k = s;
    }
    if k >= 1
        && is_possessive(&words[k - 1])
        && let Some((_, name)) = run_before(k - 1)
    {
        member = Some(name);
    }
    // After the core: (in|into|to|of) Y, (given|granted ...) to X, to join Y, join Y.
    let mut j = core + 1;
    while j < words.len() {
        let w = words[j].lower.as_str();
        match w {
            "aspirations" | "aspiration" | "bid" | "application" | "to" | "join" | "enter"
            | "in" | "into" | "of" | "for" | "given" | "granted" | "offered" | "extended"
            | "promised" => {
                if let Some((len, name)) = proper_run(words, j + 1) {
                    let member_slot = matches!(
                        w,
                        "given" | "granted" | "offered" | "extended" | "promised" | "for"
                    ) || (w == "to"
                        && j > 0
                        && matches!(
                            words[j - 1].lower.as_str(),
                            "given" | "granted" | "offered" | "extended" | "promised"
                        ))
                        || (w == "of" && !is_org(words, j + 1, actors) && member.is_none());
                    if member_slot && member.is_none() {
                        member = Some(name);
                    } else if org.is_none() {
                        org = Some(name);
                    }
                    j += 1 + len;
                } else {
                    j += 1;
                }
            }
            _ => break,
        }
    }
    Some(match (member, org) {
        (Some(m), Some(o)) => format!("{m}'s {o} membership"),
        (Some(m), None) => format!("{m}'s membership"),
        (None, Some(o)) => format!("{o} membership"),
        // "joining the ranks of …" joins nothing named: no membership.
        (None, None) if words[core].lower == "joining" => return None,
        (None, None) => "membership".to_string(),
    })
}

/// The final target string of normalised words, or `None` when it says too little.
pub fn finish(words: &[TWord], actors: &[Actor], holder: Option<usize>) -> Option<String> {
    let words: Vec<TWord> = words
        .iter()
        .rev()
        .skip_while(|w| w.text == "'s" || w.lower == "of")
        .cloned()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // "condemned what he called ...": a clause, not a target.
    if words.first().is_none_or(|w| {
        matches!(
            w.lower.as_str(),
            "what" | "how" | "why" | "whether" | "where" | "when" | "who" | "whatever"
        )
    }) {
        return None;
    }
    if let Some(m) = membership(&words, actors) {
        return Some(m);
    }
    // "N of X" → "X's N" when X is an actor.
    let target = match words.iter().position(|w| w.lower == "of") {
        Some(k)
            if (1..=3).contains(&k)
                && k + 2 == words.len()
                && words[k + 1].actor.is_some()
                && words[..k].iter().all(|w| !w.is_proper()) =>
        {
            format!("{}'s {}", words[k + 1].text, join(&words[..k]))
        }
        _ => join(&words),
    };
    // The holder is not its own target, under any of its names.
    if words.len() == 1 && words[0].actor.is_some() && words[0].actor == holder {
        return None;
    }
    let lower = target.to_lowercase();
    let n_words = target.split_whitespace().count();
    let says_something = target.chars().any(char::is_alphabetic)
        && n_words <= 6
        && !TARGET_RULES.stops.contains(&lower)
        && holder.is_none_or(|h| actors[h].name.to_lowercase() != lower);
    says_something.then_some(target)
}

/// Makes the targets of one article consistent: "Ukraine's membership" becomes "Ukraine's NATO
/// membership" when that is the only organisation Ukraine's membership is discussed for,
/// a singular becomes the plural used elsewhere, and case variants collapse to the first seen.
pub fn unify(targets: &mut [String]) {
    let full: Vec<(String, String)> = targets
        .iter()
        .filter_map(|t| {
            let rest = t.strip_suffix(" membership")?;
            let (member, org) = rest.split_once("'s ")?;
            Some((member.to_string(), org.to_string()))
        })
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let unique = |pick: &dyn Fn(&(String, String)) -> bool| -> Option<String> {
        let mut found = full.iter().filter(|p| pick(p));
        let first = found.next()?;
        found
            .next()
            .is_none()
            .then(|| format!("{}'s {} membership", first.0, first.1))
    };
    for t in targets.iter_mut() {
        let replacement = if t == "membership" {
            unique(&|_| true)
        } else if let Some(member) = t.strip_suffix("'s membership") {
            unique(&|p| p.0 == member)
        } else if let Some(org) = t.strip_suffix(" membership")
            && !org.contains("'s ")
        {
            unique(&|p| p.1 == org)
        } else {
            None
        };
        if let Some(r) = replacement {
            *t = r;
        }
    }
    // "new trade deal" is "trade deal" when that is a target too, but "unendorse Donald Trump"
    // is not "Donald Trump": a name after the first word is what it is said of.
    let seen: HashSet<String> = targets.iter().cloned().collect();
    for t in targets.iter_mut() {
        if let Some((first, rest)) = t.split_once(' ')
            && first.chars().all(char::is_lowercase)
            && rest.starts_with(char::is_lowercase)
            && rest.contains(' ')
            && seen.contains(rest)
        {
            *t = rest.to_string();
        }
    }
    let seen: HashSet<String> = targets.iter().cloned().collect();
    let mut first_case: HashMap<String, String> = HashMap::new();
    for t in targets.iter_mut() {
        let plural = format!("{t}s");
        if seen.contains(&plural) {
            *t = plural;
        }
        let key = t.to_lowercase();
        match first_case.get(&key) {
            Some(first) => *t = first.clone(),
            None => {
                first_case.insert(key, t.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unified(targets: &[&str]) -> Vec<String> {
        let mut t: Vec<String> = targets.iter().map(|s| s.to_string()).collect();
        unify(&mut t);
        t
    }

    fn named(name: &str, aliases: &[&str]) -> Actor {
        Actor {
            id: name.into(),
            name: name.into(),
            kind: ActorKind::Organization,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            role: None,
            mentions: Vec::new(),
            meta: crate::model::Meta::auto("test", 0.9),
            extra: crate::model::Extra::new(),
        }
    }

    /// `match_at` over a sentence given in its original case.
    fn match_in(index: &AliasIndex, sentence: &str, i: usize) -> Option<(usize, usize)> {
        let raw: Vec<&str> = sentence.split(' ').collect();
        let lower: Vec<String> = raw.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        index.match_at(&lower, &raw, i)
    }

    #[test]
    fn aliases_match_longest_first_then_in_actor_order() {
        let actors = [
            named("New York", &[]),
            named("The New York Times", &["NYT"]),
            named("Times", &[]),
            named("NEW YORK", &[]),
            named("the alliance", &[]),
        ];
        let index = AliasIndex::new(&actors);
        // "The" is no word of a name; the longest name at a word wins.
        assert_eq!(
            match_in(&index, "says New York Times editor", 1),
            Some((3, 1))
        );
        // Of two names with the same words, the first actor's.
        assert_eq!(match_in(&index, "in New York today", 1), Some((2, 0)));
        assert_eq!(match_in(&index, "the NYT said", 1), Some((1, 1)));
        assert_eq!(match_in(&index, "in NEW YORK TIMES", 1), Some((3, 1)));
        // Only from a capitalised word, never past the sentence, never a lower-case alias.
        assert_eq!(match_in(&index, "in new york today", 1), None);
        assert_eq!(match_in(&index, "Times", 0), Some((1, 2)));
        assert_eq!(match_in(&index, "in New", 1), None);
        assert_eq!(match_in(&index, "The Alliance", 1), None);
        assert_eq!(match_in(&index, "in York", 1), None);
    }

    #[test]
    fn many_names_opening_with_one_word_are_each_found() {
        // An all-capitals text gives thousands of run-on names opening with one word.
        let names: Vec<String> = (0..3000).map(|i| format!("THE PLAN {i}")).collect();
        let actors: Vec<Actor> = names.iter().map(|n| named(n, &[])).collect();
        let index = AliasIndex::new(&actors);
        for i in [0, 1, 1500, 2999] {
            assert_eq!(match_in(&index, &format!("x Plan {i} y"), 1), Some((2, i)));
        }
        assert_eq!(match_in(&index, "x Plan 3000 y", 1), None);
    }

    #[test]
    fn plain_names_split_as_the_tokenizer_splits_them() {
        for name in [
            "Hillary Clinton",
            "The New York Times",
            "G20  Summit ",
            "U.S. Court",
            "O'Brien",
        ] {
            let tokenized: Vec<String> = crate::extract::text::tokenize(name)
                .iter()
                .map(|t| t.text(name).to_lowercase())
                .filter(|w| w != "the")
                .collect();
            let spaced = spaced_words(name);
            let words: Vec<String> = name_words(&spaced).map(str::to_lowercase).collect();
            assert_eq!(words, tokenized, "{name}");
        }
    }

    #[test]
    fn singular_becomes_the_plural_used_elsewhere() {
        assert_eq!(
            unified(&["security guarantee", "security guarantees"]),
            ["security guarantees", "security guarantees"]
        );
    }

    #[test]
    fn partial_membership_targets_join_the_only_full_one() {
        assert_eq!(
            unified(&[
                "Ukraine's membership",
                "NATO membership",
                "Ukraine's NATO membership"
            ]),
            [
                "Ukraine's NATO membership",
                "Ukraine's NATO membership",
                "Ukraine's NATO membership"
            ]
        );
    }

    #[test]
    fn ambiguous_membership_stays_as_written() {
        assert_eq!(
            unified(&[
                "Ukraine's membership",
                "Ukraine's NATO membership",
                "Ukraine's EU membership"
            ])[0],
            "Ukraine's membership"
        );
    }

    #[test]
    fn a_name_after_a_verb_is_not_a_modified_target() {
        assert_eq!(
            unified(&["unendorse Donald Trump", "Donald Trump"]),
            ["unendorse Donald Trump", "Donald Trump"]
        );
    }

    #[test]
    fn case_variants_collapse_to_the_first_seen() {
        assert_eq!(
            unified(&["Trade deal", "trade deal"]),
            ["Trade deal", "Trade deal"]
        );
    }
}
