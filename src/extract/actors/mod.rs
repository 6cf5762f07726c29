//! Actors: named and group mentions, grouped into actors with roles and aliases.
//!
//! Mentions come from the entity tagger (`ner`), the gazetteers (countries with their capitals
//! and demonyms, organisations with their acronyms), group patterns (`groups`) and definite
//! descriptions ("the alliance"). They are merged into actors: surnames join full names,
//! acronyms join long names, capitals used for governments join their country. `resolve` maps
//! a claim's source mention (a name, a description, a pronoun) to one of those actors.

pub mod described;
pub mod gazetteer;
pub mod groups;
pub mod ner;
mod resolve;
pub mod roles;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use crate::extract::Context;
use crate::extract::hashing::{FxBuild, PassBuild};
use crate::extract::text::TokenKind;
use crate::model::{Actor, ActorKind, Extra, Meta, Span};
use gazetteer::{EntryKind, How, gazetteer};
use ner::EntityType;

pub use resolve::{Resolver, gender_agrees, is_pronoun, resolve};

/// Where a mention came from, and what it is before grouping.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    Ner(EntityType),
    Group,
    /// A definite description ("the alliance") of an organisation in the gazetteer.
    Description,
}

/// One mention before grouping: byte and token ranges in the text.
#[derive(Debug, Clone)]
struct Mention {
    bytes: Range<usize>,
    tokens: Range<usize>,
    source: Source,
    confidence: f64,
    role: Option<Range<usize>>,
}

/// An actor being assembled.
#[derive(Debug, Clone)]
struct Draft {
    kind: ActorKind,
    name: String,
    /// Normalised name words, for persons (surname matching).
    words: Vec<String>,
    aliases: Vec<String>,
    role: Option<String>,
    mentions: Vec<Range<usize>>,
    rule: &'static str,
    confidence: f64,
    entry: Option<usize>,
}

impl Draft {
    fn new(kind: ActorKind, name: String, rule: &'static str, confidence: f64) -> Self {
        Draft {
            kind,
            name,
            words: Vec::new(),
            aliases: Vec::new(),
            role: None,
            mentions: Vec::new(),
            rule,
            confidence,
            entry: None,
        }
    }

    fn add(&mut self, text: &str, m: &Mention) {
        self.mentions.push(m.bytes.clone());
        self.confidence = self.confidence.max(m.confidence);
        let surface = text.get(m.bytes.clone()).unwrap_or("").trim();
        self.alias(surface);
        if self.role.is_none() {
            self.role = m
                .role
                .as_ref()
                .and_then(|r| text.get(r.clone()))
                .map(|r| r.trim().to_string());
        }
    }

    fn alias(&mut self, surface: &str) {
        let known = |s: &str| {
            s.is_empty()
                || s.eq_ignore_ascii_case(&self.name)
                || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(s))
        };
        if known(surface) {
            return;
        }
        // Most surfaces are already single-spaced: only the others are rebuilt and asked again.
        if single_spaced(surface) {
            self.aliases.push(surface.to_string());
            return;
        }
        let surface = surface.split_whitespace().collect::<Vec<_>>().join(" ");
        if known(&surface) {
            return;
        }
        self.aliases.push(surface);
    }
}

/// Whether `s` is its words joined by single spaces (what `split_whitespace` and `join(" ")`
/// would make of it).
fn single_spaced(s: &str) -> bool {
    !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.contains(|c: char| c.is_whitespace() && c != ' ')
}

/// The start bytes of one person's mentions, so "mentioned last before" is a binary search:
/// the starts known when the full names are in (sorted), then those added since.
#[derive(Debug, Default)]
struct Starts {
    sorted: Vec<usize>,
    tail: Vec<usize>,
    tail_sorted: bool,
    tail_max: Option<usize>,
}

impl Starts {
    fn push(&mut self, start: usize) {
        self.tail_sorted =
            self.tail.is_empty() || (self.tail_sorted && self.tail_max <= Some(start));
        self.tail_max = self.tail_max.max(Some(start));
        self.tail.push(start);
    }

    /// Moves the added starts into the sorted ones.
    fn seal(&mut self) {
        self.sorted.append(&mut self.tail);
        self.sorted.sort_unstable();
        self.tail_sorted = true;
        self.tail_max = None;
    }

    /// The last start before byte `at`.
    fn last_before(&self, at: usize) -> Option<usize> {
        let sorted = self.sorted[..self.sorted.partition_point(|&s| s < at)]
            .last()
            .copied();
        let tail = if at == usize::MAX {
            self.tail_max.filter(|&s| s < at)
        } else if self.tail_sorted {
            self.tail[..self.tail.partition_point(|&s| s < at)]
                .last()
                .copied()
        } else {
            self.tail.iter().copied().filter(|&s| s < at).max()
        };
        sorted.max(tail)
    }
}

fn token_text<'t>(cx: &Context<'t>, i: usize) -> &'t str {
    cx.analysis
        .tokens
        .get(i)
        .and_then(|t| cx.text.get(t.start..t.end))
        .unwrap_or("")
}

/// Whether token `k` is a word that opens with a capital.
fn capitalised_word(cx: &Context, k: usize) -> bool {
    cx.analysis
        .tokens
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Word)
        && token_text(cx, k).starts_with(char::is_uppercase)
}

/// Whether token `k` is a title word, by the tagger's lower-case hash of it (`lower`).
fn is_title_at(cx: &Context, lower: &[u64], k: usize) -> bool {
    let w = token_text(cx, k);
    match lower.get(k) {
        Some(&h) => roles::is_title_hashed(w, h),
        None => roles::is_title_word(w),
    }
}

fn byte_range(cx: &Context, tokens: &Range<usize>) -> Range<usize> {
    let t = &cx.analysis.tokens;
    match (
        t.get(tokens.start),
        tokens.end.checked_sub(1).and_then(|e| t.get(e)),
    ) {
        (Some(a), Some(b)) if tokens.start < tokens.end => a.start..b.end,
        _ => 0..0,
    }
}

/// Words before a capital that make it a place rather than its government.
const PLACE_BEFORE: &[&str] = &[
    "in", "at", "near", "outside", "from", "to", "into", "across", "around", "visit", "visited",
    "visiting", "via", "toward", "towards", "through", "reached", "arrived", "left", "of",
    "between", "inside", "downtown", "central", "streets",
];

/// Words after a capital that make it a place ("the Vilnius summit", "Moscow airport").
const PLACE_AFTER: &[&str] = &[
    "summit",
    "talks",
    "meeting",
    "meetings",
    "conference",
    "agreement",
    "agreements",
    "accord",
    "accords",
    "treaty",
    "declaration",
    "process",
    "format",
    "protocol",
    "memorandum",
    "airport",
    "office",
    "bureau",
    "correspondent",
    "time",
    "region",
    "area",
    "suburb",
    "suburbs",
    "street",
    "streets",
    "residents",
    "mayor",
    "police",
    "city",
    "stock",
    "exchange",
    "newsroom",
    "based",
];

/// Whether a capital at `tokens` is used for its government ("Kiev seeks", "Moscow's
/// position") rather than as a place ("in Washington next year", "the Vilnius summit").
fn capital_is_government(cx: &Context, tokens: &Range<usize>, sentence: &Range<usize>) -> bool {
    let before = if tokens.start > sentence.start {
        token_text(cx, tokens.start - 1).to_lowercase()
    } else {
        String::new()
    };
    let after = if tokens.end < sentence.end {
        token_text(cx, tokens.end).to_lowercase()
    } else {
        String::new()
    };
    // "Kiev's membership", "Moscow's position": the possessive speaks of the government;
    // "London's mayor", "London's Muslim mayor", "Moscow's new mayor" of the city.
    if matches!(after.as_str(), "'s" | "’s") {
        let mut k = tokens.end + 1;
        while k < tokens.end + 3
            && k + 1 < sentence.end
            && (capitalised_word(cx, k)
                || matches!(
                    token_text(cx, k),
                    "new" | "former" | "longtime" | "outgoing" | "current" | "deputy" | "first"
                ))
        {
            k += 1;
        }
        let next = token_text(cx, k).to_lowercase();
        return !PLACE_AFTER.contains(&next.as_str());
    }
    if PLACE_BEFORE.contains(&before.as_str()) || PLACE_AFTER.contains(&after.as_str()) {
        return false;
    }
    // A dateline ("LONDON 1996-08-30", "MOSCOW -", "WASHINGTON (AP) —") is a place.
    let word = token_text(cx, tokens.start);
    let all_caps = word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
    if tokens.start == sentence.start
        && (all_caps
            || after.chars().next().is_some_and(|c| c.is_ascii_digit())
            || matches!(after.as_str(), "-" | "—" | "–" | "(" | ":"))
    {
        return false;
    }
    true
}

/// Sports whose name marks a text about sport.
const SPORTS: &[&str] = &[
    "soccer",
    "football",
    "baseball",
    "basketball",
    "hockey",
    "cricket",
    "rugby",
    "tennis",
    "golf",
    "athletics",
    "cycling",
    "boxing",
    "nhl",
    "nba",
    "nfl",
    "mlb",
    "uefa",
    "fifa",
];

/// Words that belong to reports of sport, and seldom to anything else.
const SPORT_WORDS: &[&str] = &[
    "league",
    "leagues",
    "division",
    "innings",
    "halftime",
    "half-time",
    "striker",
    "strikers",
    "midfielder",
    "midfielders",
    "goalkeeper",
    "goalkeepers",
    "playoff",
    "playoffs",
    "play-off",
    "play-offs",
    "standings",
    "tournament",
    "olympic",
    "olympics",
    "homer",
    "homers",
    "homered",
    "pitcher",
    "pitchers",
    "quarterback",
    "quarterbacks",
    "touchdown",
    "touchdowns",
    "fixtures",
    "premiership",
    "semifinal",
    "semifinals",
    "semi-final",
    "semi-finals",
    "quarterfinal",
    "quarterfinals",
    "quarter-final",
    "quarter-finals",
    "championship",
    "championships",
];

// `reads_as_sport` keeps the words it has seen as bits of a u64.
const _: () = assert!(SPORTS.len() <= 64 && SPORT_WORDS.len() <= 64);

/// Words that report a result: "Leeds beat Chelsea", "Leeds v Chelsea".
const RESULT_WORDS: &[&str] = &["beat", "beats", "v", "vs", "vs."];

/// A name written as an acronym of at most three capitals ("PA", "ND", "S.C.").
fn is_short_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|&c| c != '.');
    gazetteer::written_in_capitals(name) && letters.clone().count() <= 3
}

/// A score ("3-1", "102-98"), not a date ("1996-08-30") or a year span ("1998-2001").
fn is_score(w: &str) -> bool {
    let mut sides = w.split('-');
    let short_number = |s: Option<&str>| {
        s.is_some_and(|s| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
    };
    short_number(sides.next()) && short_number(sides.next()) && sides.next().is_none()
}

/// Whether a text reports sport, where a city names its team ("Leeds beat Chelsea", "Chicago
/// 5 Boston 3"): a sport or a word of sport in the headline (the first line), or evidence
/// adding up to three in the whole text: two for each sport named, one for each distinct word
/// of sport, one for a score and one for a word of result.
fn reads_as_sport(cx: &Context) -> bool {
    // Every word of `SPORTS` and `SPORT_WORDS` → (is a sport, its index), so each word of the
    // text costs one lookup.
    static VOCABULARY: OnceLock<HashMap<&'static str, (bool, usize), FxBuild>> = OnceLock::new();
    let vocabulary = VOCABULARY.get_or_init(|| {
        let sports = SPORTS.iter().enumerate().map(|(i, &w)| (w, (true, i)));
        let words = SPORT_WORDS
            .iter()
            .enumerate()
            .map(|(i, &w)| (w, (false, i)));
        sports.chain(words).collect()
    });
    let headline_end = cx.text.find('\n').unwrap_or(cx.text.len());
    let mut sports = 0u64;
    let mut words = 0u64;
    let (mut score, mut result) = (false, false);
    let mut buf = [0u8; 48];
    for t in &cx.analysis.tokens {
        let Some(w) = cx.text.get(t.start..t.end) else {
            continue;
        };
        if t.kind == TokenKind::Number {
            score |= is_score(w);
            continue;
        }
        // The vocabulary is short ASCII words, alone or joined by hyphens to others.
        if t.kind != TokenKind::Word || w.len() > buf.len() || !w.is_ascii() {
            continue;
        }
        let low = &mut buf[..w.len()];
        low.copy_from_slice(w.as_bytes());
        low.make_ascii_lowercase();
        let Ok(w) = std::str::from_utf8(low) else {
            continue;
        };
        // "FOOTBALL-RANDALL CUNNINGHAM RETIRES": a sport's name may be joined to the next word.
        let parts = w.contains('-').then(|| w.split('-')).into_iter().flatten();
        for part in std::iter::once(w).chain(parts) {
            let Some(&(sport, i)) = vocabulary.get(part) else {
                continue;
            };
            if t.start < headline_end {
                return true;
            }
            if sport {
                sports |= 1 << i;
            } else {
                words |= 1 << i;
            }
        }
        result |= RESULT_WORDS.contains(&w);
    }
    2 * sports.count_ones() + words.count_ones() + u32::from(score) + u32::from(result) >= 3
}

/// Finds the actors of a text, each with all its mentions.
pub fn find_actors(cx: &Context) -> Vec<Actor> {
    let mentions = collect_mentions(cx);
    let mut drafts = merge_namesakes(group(cx, mentions));
    drop_headline_only(cx, &mut drafts);
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| to_actor(cx, i, d))
        .collect()
}

/// A headline in title case capitalises every word, and the tagger reads names into its
/// verbs and nouns: "Stealth Over Health: …", "Latinos Share Their Most Honest Thoughts",
/// "Megyn Kelly Was Just Spotted Walking Into …". A name the tagger found only in the
/// text's first line when that is such a headline, which the text does not name again and
/// the gazetteer does not know, and which is no lone first name ("Hillary"), is no actor
/// when it reads as headline words:
/// - one word that is no acronym ("Expect", "Contest"; "GOP" stays);
/// - words of which one is a common word of headlines ("Just", "Into", "Says");
/// - or, unless the name ends in an institution's noun or a word of the press ("Democratic
///   Party", "NY Daily News"), words of which one is written in lower case elsewhere in the
///   text, or (not after a first name: "Peyton Manning") is an adverb in -ly or a verb in
///   -ing or -ed ("Spotted Directly", "Raising Eyebrows").
///
/// Other lines in title case are left alone: a table of results ("Leicestershire 22 points ,
/// Somerset 4") is made of names.
fn drop_headline_only(cx: &Context, drafts: &mut Vec<Draft>) {
    let tokens = &cx.analysis.tokens;
    let Some(headline) = cx.text.find('\n') else {
        return; // one line: no headline above a text
    };
    if !title_case_line(&cx.text[..headline]) {
        return;
    }
    let gazetteer = gazetteer();
    let suspect = |d: &Draft| {
        d.rule == "ner"
            && d.entry.is_none()
            && d.mentions.iter().all(|m| m.end <= headline)
            && !resolve::is_first_name(&d.name)
            && gazetteer.lookup(&d.name).is_empty()
    };
    if !drafts.iter().any(suspect) {
        return;
    }
    let lower_words: HashSet<&str, FxBuild> = tokens
        .iter()
        .map(|t| t.text(cx.text))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect();
    let headline_words = |d: &Draft| {
        let words: Vec<&str> = d.name.split_whitespace().collect();
        let lower = |w: &str| lower_case(w).into_owned();
        match words.as_slice() {
            [] => false,
            [w] => w.chars().any(char::is_lowercase),
            [first, .., last] => {
                let institution = PRESS_WORDS.contains(last)
                    || ORGANIZATION_NOUNS.contains(&lower(last).as_str());
                let person = resolve::is_first_name(first);
                words.iter().any(|&w| {
                    let l = lower(w);
                    let n = l.chars().count();
                    HEADLINE_WORDS.contains(&w)
                        || HEADLINE_AUXILIARIES.contains(&w)
                        || HEADLINE_FILLERS.contains(&l.as_str())
                        || (!institution && lower_words.contains(l.as_str()))
                        || (!person
                            && !institution
                            && ((n >= 5 && l.ends_with("ly"))
                                || (n >= 6 && (l.ends_with("ing") || l.ends_with("ed")))))
                })
            }
        }
    };
    drafts.retain(|d| !(suspect(d) && headline_words(d)));
}

/// Whether a line is written in title case: four in five of its words of four letters or
/// more open with a capital, and no more than half are in capitals throughout (a headline in
/// capitals is another thing: "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP").
fn title_case_line(line: &str) -> bool {
    let (mut long, mut capital, mut shouted) = (0, 0, 0);
    for w in line.split(|c: char| !c.is_alphabetic()) {
        if w.chars().nth(3).is_none() {
            continue;
        }
        long += 1;
        if w.starts_with(char::is_uppercase) {
            capital += 1;
            if !w.chars().any(char::is_lowercase) {
                shouted += 1;
            }
        }
    }
    long > 0 && capital * 5 >= long * 4 && shouted * 2 <= long
}

/// The honorifics before a surname that make it a person and say which one: "Mr. Cruz",
/// "Mrs. Clinton".
const MR_MRS_MS: &[&str] = &["Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms"];

/// Lower-case words a headline capitalises that are no name's part, beside `HEADLINE_WORDS`
/// and `HEADLINE_AUXILIARIES`: function words, pronouns and the commonest adverbs and verbs.
const HEADLINE_FILLERS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "amid",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "are",
    "as",
    "at",
    "back",
    "be",
    "been",
    "before",
    "behind",
    "between",
    "big",
    "both",
    "but",
    "by",
    "calls",
    "can",
    "could",
    "did",
    "do",
    "does",
    "down",
    "even",
    "ever",
    "everyone",
    "finally",
    "for",
    "from",
    "gave",
    "gets",
    "gives",
    "got",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "made",
    "makes",
    "may",
    "might",
    "more",
    "most",
    "must",
    "my",
    "never",
    "new",
    "no",
    "not",
    "nothing",
    "now",
    "of",
    "off",
    "on",
    "only",
    "or",
    "our",
    "out",
    "over",
    "reveals",
    "said",
    "says",
    "she",
    "should",
    "some",
    "someone",
    "something",
    "still",
    "takes",
    "that",
    "the",
    "their",
    "them",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "took",
    "under",
    "up",
    "very",
    "wants",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "who",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
];

/// A person and a place or an organisation of one name of two words or more are one actor:
/// the tagger read "Fox News" as an organisation in one sentence and a person in another,
/// and the list showed it twice. The reading with more mentions gives the kind (on a tie, the
/// surer one); the mentions, aliases and role of the other join it. Groups of one name merge
/// too. A place and an organisation of one name stay two: "New York" the city and the team
/// in a report of sport, "Sao Paulo" the city and the club.
fn merge_namesakes(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut by_name: HashMap<&str, Vec<usize>, FxBuild> = HashMap::default();
    for (i, d) in drafts.iter().enumerate() {
        by_name.entry(d.name.as_str()).or_default().push(i);
    }
    // Per draft: the draft it merges into (itself when it stays).
    let mut into: Vec<usize> = (0..drafts.len()).collect();
    for same in by_name.values().filter(|v| v.len() > 1) {
        let kinds_differ = same.iter().any(|&i| drafts[i].kind != drafts[same[0]].kind);
        let person = same.iter().any(|&i| drafts[i].kind == ActorKind::Person);
        let groups = same.iter().all(|&i| drafts[i].kind == ActorKind::Group);
        let words = drafts[same[0]].name.contains(' ');
        if !(groups || (words && kinds_differ && person)) {
            continue;
        }
        let Some(&keep) = same.iter().max_by(|&&a, &&b| {
            let (a, b) = (&drafts[a], &drafts[b]);
            a.mentions
                .len()
                .cmp(&b.mentions.len())
                .then(a.confidence.total_cmp(&b.confidence))
                // On a full tie, the first.
                .then(std::cmp::Ordering::Greater)
        }) else {
            continue;
        };
        for &i in same {
            into[i] = keep;
        }
    }
    let mut out: Vec<Option<Draft>> = drafts.into_iter().map(Some).collect();
    for i in 0..out.len() {
        let k = into[i];
        if k == i {
            continue;
        }
        let Some(d) = out[i].take() else { continue };
        if let Some(keep) = out[k].as_mut() {
            keep.mentions.extend(d.mentions);
            for a in d.aliases {
                if !keep.aliases.contains(&a) {
                    keep.aliases.push(a);
                }
            }
            if keep.role.is_none() {
                keep.role = d.role;
            }
        }
    }
    out.into_iter().flatten().collect()
}

/// "HEMPSTEAD, N.Y. —": a place a dateline names in capitals is named as the text writes it
/// elsewhere, else with a capital to each word ("Hempstead"). Short names ("NYC") stay.
fn dateline_case(cx: &Context, name: &str, mentions: &[Range<usize>]) -> String {
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    if letters().count() <= 4 || letters().any(char::is_lowercase) {
        return name.to_string();
    }
    let key = gazetteer::normalise(name);
    if let Some(written) = mentions
        .iter()
        .filter_map(|r| cx.text.get(r.clone()))
        .find(|m| m.chars().any(char::is_lowercase) && gazetteer::normalise(m) == key)
    {
        return written.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut first = true;
    for c in name.chars() {
        if first {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        first = !c.is_alphabetic() && c != '\'' && c != '’';
    }
    out
}

fn to_actor(cx: &Context, i: usize, mut d: Draft) -> Actor {
    // "Jewish Republicans", "Reagan Democrats": a party's members are a group, whatever the
    // tagger thought ("Senate Republicans" stays an organisation).
    let chamber = d.name.starts_with("Senate ") || d.name.starts_with("House ");
    if d.kind != ActorKind::Group
        && !chamber
        && d.name
            .rsplit(' ')
            .next()
            .is_some_and(|w| matches!(w, "Democrats" | "Republicans" | "Independents"))
    {
        d.kind = ActorKind::Group;
    }
    d.mentions.sort_by_key(|r| (r.start, r.end));
    d.mentions.dedup();
    if d.kind == ActorKind::Place {
        d.name = dateline_case(cx, &d.name, &d.mentions);
    }
    let mentions = d
        .mentions
        .iter()
        .map(|r| Span::from_bytes_with(&cx.offsets, cx.text, r.clone()))
        .collect();
    Actor {
        id: format!("a{}", i + 1),
        name: d.name,
        kind: d.kind,
        aliases: d.aliases,
        role: d.role,
        mentions,
        meta: Meta::auto(d.rule, (d.confidence.min(0.99) * 100.0).round() / 100.0),
        extra: Extra::new(),
    }
}

/// Whether token `k` is in a title-case sentence; `title_case` holds a flag a sentence
/// (the tagger's `Tagged::title_case`).
fn in_title_case(cx: &Context, title_case: &[bool], k: usize) -> bool {
    let i = cx.analysis.sentences.partition_point(|s| s.tokens.end <= k);
    title_case.get(i).copied().unwrap_or(false)
}

/// "The Drinking Water Standards Agency": the tagger, which rarely saw an "-ing" word open a
/// name, leaves the first word out. Where an organisation's name starts at `start`, the
/// capitalised words it left untagged between it and a "the" before them are the name's:
/// the start the name takes.
fn words_after_the(cx: &Context, entity_of: &[Option<EntityType>], start: usize) -> usize {
    let floor = sentence_of(cx, start).start;
    let capitalised = |k: usize| {
        let w = token_text(cx, k);
        entity_of.get(k).copied().flatten().is_none()
            && w.starts_with(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && w.chars().nth(1).is_some()
            // "the August National Association of Purchasing Management", "the Socialist
            // CFDT union": a date or an affiliation says which, and is no part of the name.
            && !(w == "The"
                || is_month(w)
                || is_weekday(w)
                || POLITICAL_ADJECTIVES.contains(&w)
                || affiliation(cx, &(k..k + 1)))
    };
    let mut b = start;
    while b > floor && capitalised(b - 1) {
        b -= 1;
    }
    if b < start && b > floor && matches!(token_text(cx, b - 1), "The" | "the") {
        b
    } else {
        start
    }
}

fn sentence_of(cx: &Context, token: usize) -> Range<usize> {
    let s = &cx.analysis.sentences;
    let i = s.partition_point(|s| s.tokens.end <= token);
    s.get(i)
        .map(|s| s.tokens.clone())
        .unwrap_or(token..token + 1)
}

/// An entity the tagger ran across a title ("NATO Secretary General Jens Stoltenberg" as one
/// organisation) splits into what precedes the title and the person after it; the title
/// words are left between them, for the role.
/// The pieces are pushed onto `out`.
fn split_titled_name(cx: &Context, lower: &[u64], e: ner::Entity, out: &mut Vec<ner::Entity>) {
    let r = e.tokens.clone();
    // "Millbrook General Hospital" is an institution, not General Hospital's title.
    if head_kind(cx, &r).is_some() {
        out.push(e);
        return;
    }
    // A "person" made only of titles ("General" before a name) is part of a role.
    let title = |k: usize| is_title_at(cx, lower, k);
    if e.kind == EntityType::Per && r.clone().all(title) {
        return;
    }
    let capitalised = |k: usize| token_text(cx, k).starts_with(char::is_uppercase);
    let mut name = r.end;
    while name > r.start && capitalised(name - 1) && !title(name - 1) {
        name -= 1;
    }
    let mut t0 = name;
    while t0 > r.start && title(t0 - 1) && capitalised(t0 - 1) {
        t0 -= 1;
    }
    let strong = (t0..name).any(|k| roles::is_strong_title(token_text(cx, k)));
    if name == r.end || r.end - name > 3 || t0 == name || !strong {
        out.push(e);
        return;
    }
    if t0 > r.start {
        out.push(ner::Entity {
            tokens: r.start..t0,
            kind: if e.kind == EntityType::Per {
                EntityType::Org
            } else {
                e.kind
            },
            confidence: e.confidence,
        });
    }
    out.push(ner::Entity {
        tokens: name..r.end,
        kind: EntityType::Per,
        confidence: e.confidence,
    });
}

/// A capital and a period, once or twice: the middle initial of "Leonard E. Burman", or the
/// two of "George H.W. Bush" (not "U.S." or "D.C.", which are places).
fn is_initial(w: &str) -> bool {
    let mut chars = w.chars();
    let mut n = 0;
    loop {
        match (chars.next(), chars.next()) {
            (Some(c), Some('.')) if c.is_uppercase() => n += 1,
            (None, _) => break,
            _ => return false,
        }
    }
    n == 1 || (n == 2 && !PLACE_INITIALS.contains(&w))
}

/// Two-letter abbreviations of places and bodies, which a name never has in its middle.
const PLACE_INITIALS: &[&str] = &[
    "U.S.", "U.K.", "U.N.", "D.C.", "E.U.", "L.A.", "N.Y.", "N.J.", "N.H.", "N.C.", "S.C.", "N.M.",
    "N.D.", "S.D.", "R.I.", "P.R.", "B.C.", "A.D.",
];

/// A name whose inner words are all middle initials ("Leonard E. Burman", "John F. X.
/// Smith"): a person's, whatever the tagger thought.
fn initialled_name(cx: &Context, tokens: &Range<usize>) -> bool {
    tokens.len() >= 3
        && (tokens.start + 1..tokens.end - 1).all(|k| is_initial(token_text(cx, k)))
        && [tokens.start, tokens.end - 1].iter().all(|&k| {
            let w = token_text(cx, k);
            w.chars().count() > 1 && w.starts_with(char::is_uppercase)
        })
}

/// The tagger sometimes cuts a name at its middle initial ("Leonard" | "E. Burman", or
/// "Ronald" | "R. Fieldstone" with the second part a place): a person's name directly
/// followed by a name that opens with an initial is one person's name.
fn join_at_initials(cx: &Context, entities: Vec<ner::Entity>) -> Vec<ner::Entity> {
    let tokens = &cx.analysis.tokens;
    let name_word = |k: usize| {
        tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word) && {
            let w = token_text(cx, k);
            w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase)
        }
    };
    let mut out: Vec<ner::Entity> = Vec::with_capacity(entities.len());
    let mut entities = entities.into_iter().peekable();
    while let Some(mut e) = entities.next() {
        // "Leonard E. Burman" with only "Leonard" tagged (as anything): a word, an initial
        // and a capitalised word are one person's name. What the tagger made of the rest of
        // it goes.
        let k = e.tokens.start;
        if e.tokens.len() == 1
            && name_word(k)
            && is_initial(token_text(cx, k + 1))
            && name_word(k + 2)
            && [k, k + 1]
                .iter()
                .all(|&j| cx.text.get(tokens[j].end..tokens[j + 1].start) == Some(" "))
            && !roles::is_title_word(token_text(cx, k))
        {
            e.tokens.end = k + 3;
            e.kind = EntityType::Per;
            while entities.peek().is_some_and(|n| n.tokens.start < k + 3) {
                if let Some(n) = entities.next() {
                    e.tokens.end = e.tokens.end.max(n.tokens.end);
                }
            }
        }
        if let Some(prev) = out.last_mut()
            && prev.kind == EntityType::Per
            && (e.kind == EntityType::Per || e.tokens.len() >= 2)
            && prev.tokens.end == e.tokens.start
            && is_initial(token_text(cx, e.tokens.start))
        {
            prev.tokens.end = e.tokens.end;
            prev.confidence = prev.confidence.min(e.confidence);
            continue;
        }
        // "Roper Center" | "Public Opinion Research", "Institute" | "Policy Studies": a
        // name whose last word heads an organisation's, then "for" or "of" and a name right
        // after, is one organisation's name.
        if let Some(prev) = out.last_mut()
            && e.tokens.start == prev.tokens.end + 1
            && matches!(token_text(cx, prev.tokens.end), "for" | "of")
            && head_kind(cx, &prev.tokens) == Some(EntityType::Org)
            // "Kia Motor Corp of South Korea": where a company is, not its name.
            && !matches!(
                token_text(cx, prev.tokens.end - 1).trim_end_matches('.').to_lowercase().as_str(),
                "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "gmbh" | "ag" | "sa" | "nv"
                    | "holdings" | "bancorp" | "group" | "motors" | "industries"
            )
            && cx.text.get(tokens[prev.tokens.end - 1].end..tokens[e.tokens.start].start)
                == Some(if token_text(cx, prev.tokens.end) == "for" { " for " } else { " of " })
        {
            prev.tokens.end = e.tokens.end;
            prev.kind = EntityType::Org;
            prev.confidence = prev.confidence.min(e.confidence);
            continue;
        }
        // "Millbrook Water Watch", tagged "Millbrook" and a person "Watch": a name right
        // before a "person" whose last word heads an organisation's, with at most two
        // capitalised words between, is one organisation's name.
        if let Some(prev) = out.last_mut()
            && e.kind == EntityType::Per
            && prev.tokens.end <= e.tokens.start
            && e.tokens.start - prev.tokens.end <= 2
            && (prev.tokens.end..e.tokens.start).all(|k| {
                cx.analysis.tokens[k].kind == TokenKind::Word
                    && token_text(cx, k).starts_with(char::is_uppercase)
            })
            && head_kind(cx, &(prev.tokens.start..e.tokens.end)) == Some(EntityType::Org)
        {
            prev.tokens.end = e.tokens.end;
            prev.kind = EntityType::Org;
            prev.confidence = prev.confidence.min(e.confidence);
            continue;
        }
        out.push(e);
    }
    out
}

/// Prepositions, conjunctions and adverbs that open sentences, capitalised there and so
/// taken into a name by the tagger.
const OPENING_FUNCTION_WORDS: &[&str] = &[
    "Among",
    "When",
    "If",
    "As",
    "While",
    "After",
    "Before",
    "Since",
    "Despite",
    "Although",
    "Though",
    "But",
    "And",
    "Or",
    "For",
    "With",
    "Without",
    "Unlike",
    "Like",
    "In",
    "On",
    "At",
    "By",
    "From",
    "Under",
    "Over",
    "Even",
    "Only",
    "Because",
    "Unless",
    "Until",
    "Whether",
    "Meanwhile",
    "Still",
    "Now",
    "Then",
    "Thus",
    "Also",
    "So",
    "Yet",
    "During",
    "Amid",
    // Interjections opening a quoted reply ("Well, we will get used to it").
    "Well",
    "Look",
    "Listen",
    "Sure",
    "Oh",
    "Again",
    "What",
    "Here",
];

/// The months, then the days of the week.
const DATES: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words that make a day of the week part of a day's name ("Super Tuesday", "Black Friday").
const NAMED_DAY_WORDS: &[&str] = &[
    "Super", "Black", "Cyber", "Good", "Ash", "Palm", "Holy", "Easter", "Bloody", "Giving",
];

/// A month's name ("May", "February").
fn is_month(w: &str) -> bool {
    DATES[..12].contains(&w)
}

/// A day of the week ("Tuesday").
fn is_weekday(w: &str) -> bool {
    DATES[12..].contains(&w)
}

/// What is left of "Since December" or "Because Thursday" once the opening word goes: no
/// name.
pub(super) fn is_date_or_function_word(w: &str) -> bool {
    DATES.contains(&w) || OPENING_FUNCTION_WORDS.contains(&w)
}

/// "a moderate Indiana Democrat", "the Kentucky Republican": a description of a person by
/// state and party, not an actor. The person it describes is one, named nearby.
fn party_member(cx: &Context, tokens: &Range<usize>) -> bool {
    let last = token_text(cx, tokens.end - 1);
    matches!(last, "Democrat" | "Republican")
        && tokens.len() > 1
        && (tokens.start.saturating_sub(3)..tokens.start).any(|k| {
            matches!(
                token_text(cx, k).to_lowercase().as_str(),
                "a" | "an" | "the"
            )
        })
}

/// "I", "I'm", "You’ve", "Don't": the first-person pronoun, or a word contracted with a
/// verb or "not", which the tagger, trained on text that splits contractions, may take for
/// a name.
fn is_pronoun_or_contraction(w: &str) -> bool {
    if w == "I" {
        return true;
    }
    let Some((left, right)) = w.split_once(['\'', '’']) else {
        return false;
    };
    let left = left.to_ascii_lowercase();
    let right = right.to_ascii_lowercase();
    matches!(
        left.as_str(),
        "i" | "you" | "we" | "they" | "he" | "she" | "it" | "that" | "there" | "what" | "who"
    ) && matches!(right.as_str(), "m" | "ve" | "ll" | "d" | "re" | "s" | "mma")
        || (left.ends_with('n') && right == "t")
}

/// "(R-Utah)", "D-N.J.", "R-IN": a member of Congress's party and state, no actor; nor is
/// the party alone in brackets ("Gov. Andrew Cuomo (D)").
fn party_label(cx: &Context, tokens: &Range<usize>) -> bool {
    let surface = cx.text.get(byte_range(cx, tokens)).unwrap_or("");
    let mut chars = surface.chars();
    let bracketed = |k: usize, w: &str| k < cx.analysis.tokens.len() && token_text(cx, k) == w;
    matches!(chars.next(), Some('R' | 'D' | 'I'))
        && match chars.next() {
            Some('-') => chars.next().is_some_and(|c| c.is_ascii_uppercase()),
            None => {
                tokens.start > 0 && bracketed(tokens.start - 1, "(") && bracketed(tokens.end, ")")
            }
            _ => false,
        }
}

/// "Muslim refugees", "Leahy, Democrat of Vermont", "a Virginian": a "person" of one word
/// that names a faith, a party or where someone is from is no one's name (CoNLL tags such
/// words MISC, never PER).
fn affiliation(cx: &Context, tokens: &Range<usize>) -> bool {
    if tokens.len() != 1 {
        return false;
    }
    let w = token_text(cx, tokens.start);
    AFFILIATIONS.contains(&w.trim_end_matches('s'))
        || gazetteer()
            .lookup_words([w])
            .iter()
            .any(|&(_, how)| matches!(how, gazetteer::How::Adjective | gazetteer::How::Plural))
}

/// Faiths, parties and other affiliations, in the singular.
const AFFILIATIONS: &[&str] = &[
    "Arab",
    "Buddhist",
    "Catholic",
    "Christian",
    "Democrat",
    "Evangelical",
    "Hindu",
    "Hispanic",
    "Houthi",
    "Independent",
    "Islamic",
    "Islamist",
    "Jew",
    "Jewish",
    "Kurd",
    "Latina",
    "Latino",
    "Libertarian",
    "Mormon",
    "Muslim",
    "Protestant",
    "Republican",
    "Shiite",
    "Sikh",
    "Sunni",
];

/// Whether a word names a faith, party or stance ("Democrat", "Socialist").
pub(super) fn is_affiliation_word(w: &str) -> bool {
    AFFILIATIONS.contains(&w) || POLITICAL_ADJECTIVES.contains(&w)
}

/// Words that say where an organisation stands, not what it is called ("the Socialist CFDT
/// union").
const POLITICAL_ADJECTIVES: &[&str] = &[
    "Communist",
    "Conservative",
    "Leftist",
    "Liberal",
    "Nationalist",
    "Progressive",
    "Radical",
    "Rightist",
    "Socialist",
];

/// The most words a name the tagger missed after a personal title may have.
const MAX_TITLED_NAME: usize = 3;

/// Words a headline capitalises that are no part of a name ("CNN President On Trump",
/// "President Obama Says").
const HEADLINE_WORDS: &[&str] = &[
    "A",
    "Admits",
    "After",
    "An",
    "And",
    "Announces",
    "As",
    "At",
    "Attacks",
    "Backs",
    "Blasts",
    "By",
    "Calls",
    "Claims",
    "Defends",
    "Denies",
    "Explains",
    "For",
    "From",
    "Gets",
    "Gives",
    "Goes",
    "Has",
    "In",
    "Is",
    "Makes",
    "Of",
    "On",
    "Over",
    "Praises",
    "Responds",
    "Reveals",
    "Said",
    "Says",
    "Slams",
    "Takes",
    "Tells",
    "The",
    "To",
    "Urges",
    "Vs",
    "Wants",
    "Warns",
    "Was",
    "Will",
    "Wins",
    "With",
];

/// "said Rep. Elijah Cummings of Maryland", "Gov. Gretchen Whitmer": capitalised words right
/// after a personal title (`roles::personal_titles`) are a person's name, whatever the
/// tagger made of them. Names it missed are added; names it called an organisation, a place or
/// something else (with the title or without) become persons; names that overlap its own
/// otherwise keep its reading. Not when the last word heads an organisation's or a place's
/// name ("King County", "Pope Francis Foundation") or the gazetteer knows the words.
/// `entities` is in text order.
fn titled_names(cx: &Context, lower: &[u64], entities: &mut Vec<ner::Entity>) {
    let tokens = &cx.analysis.tokens;
    let name_word = |k: usize| {
        let Some(t) = tokens.get(k) else {
            return false;
        };
        let w = token_text(cx, k);
        t.kind == TokenKind::Word
            && w.starts_with(char::is_uppercase)
            && (w.chars().any(char::is_lowercase) || is_initial(w))
            && !roles::is_title_word(w)
            && !roles::is_honorific(w)
            && !HEADLINE_WORDS.contains(&w)
    };
    let mut added = Vec::new();
    let mut e = 0;
    for (k, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || !personal_title_at(cx, lower, k) {
            continue;
        }
        let start = k + 1;
        let mut end = start;
        while end < tokens.len() && name_word(end) {
            end += 1;
        }
        // Too long to be sure where the name ends, or an initial alone.
        if end == start || end - start > MAX_TITLED_NAME || is_initial(token_text(cx, end - 1)) {
            continue;
        }
        let head = token_text(cx, end - 1);
        let names_a_thing = head_nouns().contains_key(&ner::word_hash(head))
            || !gazetteer()
                .lookup_words((start..end).map(|k| token_text(cx, k)))
                .is_empty();
        if names_a_thing {
            continue;
        }
        while e < entities.len() && entities[e].tokens.end <= start {
            e += 1;
        }
        match entities.get_mut(e) {
            // The tagger's own name here, with the title or without ("Rep. Elijah Cummings"
            // as one miscellaneous name): a person's, after the title.
            Some(x) if x.tokens.end == end && (x.tokens.start == start || x.tokens.start == k) => {
                x.tokens = start..end;
                x.kind = EntityType::Per;
            }
            // It saw something else here: its reading stands.
            Some(x) if x.tokens.start < end => {}
            _ => added.push(ner::Entity {
                tokens: start..end,
                kind: EntityType::Per,
                confidence: 0.5,
            }),
        }
    }
    if !added.is_empty() {
        entities.extend(added);
        entities.sort_by_key(|x| (x.tokens.start, x.tokens.end));
    }
}

/// Words that join the parts of a person's name in lower case ("Van der Westhuizen",
/// "Joaquin del Olmo", "Gil de Ferran").
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "da", "das", "dos", "du", "di", "la", "le",
    "ter", "bin", "ibn",
];

/// Regnal numbers after a name ("Henry VIII", "Elizabeth I"); "I" only where no verb follows.
fn regnal_number(cx: &Context, k: usize) -> bool {
    let w = token_text(cx, k);
    let roman = !w.is_empty() && w.len() <= 5 && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
    let next = token_text(cx, k + 1);
    roman
        && (w != "I"
            || next.is_empty()
            || matches!(
                next,
                "," | "." | ";" | ")" | "'s" | "of" | "and" | "was" | "who"
            ))
}

/// Newspapers whose name is a place's or a country's and a word of the press: "USA Today",
/// "Moscow Times", "China Daily". The tagger, which reads the first word as the place, leaves
/// the second out.
const PRESS_WORDS: &[&str] = &[
    "Today",
    "Times",
    "Post",
    "News",
    "Journal",
    "Tribune",
    "Herald",
    "Gazette",
    "Daily",
    "Chronicle",
    "Monitor",
    "Telegraph",
];

/// Nouns heading an institution's name that a complement may follow: "Commission on …",
/// "Bank of England". Not a company's ("Kia Motor Corp of South Korea" says where it is).
const COMPLEMENTED_NOUNS: &[&str] = &[
    "Academy",
    "Administration",
    "Agency",
    "Alliance",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Bureau",
    "Campaign",
    "Caucus",
    "Center",
    "Centre",
    "Chamber",
    "Coalition",
    "College",
    "Commission",
    "Committee",
    "Conference",
    "Council",
    "Court",
    "Department",
    "Embassy",
    "Federation",
    "Forum",
    "Foundation",
    "Fund",
    "Government",
    "Institute",
    "Institution",
    "League",
    "Ministry",
    "Movement",
    "Office",
    "Organization",
    "Organisation",
    "Party",
    "Project",
    "Service",
    "Society",
    "Union",
    "University",
];

/// Nouns of `COMPLEMENTED_NOUNS` that a topic may follow: "Committee on Foreign Relations",
/// "Coalition against Hunger".
const TOPIC_NOUNS: &[&str] = &[
    "Board",
    "Caucus",
    "Center",
    "Centre",
    "Coalition",
    "Commission",
    "Committee",
    "Conference",
    "Council",
    "Forum",
    "Institute",
    "Project",
];

/// The tagger, trained on Reuters wire copy, ends an institution's name at its head noun and
/// tags the rest apart: "the Commission" | "on Presidential" | "Debates" (a person), "the
/// Center" | "for" | "American" | "Progress", "USA" | "Today". A name ending in an
/// organisation's noun, then "on", "for", "of" or "against" and capitalised words, is one
/// organisation ("the Senate Committee on Foreign Relations", "the Center for Strategic and
/// International Studies"), as is a name followed by a word of the press the tagger left out.
/// A day or a month is no complement ("the Commission on Monday"). A name whose next words
/// make a longer name the gazetteer knows takes them ("the Islamic" | "State", "New" | "York
/// Times"). `entities` is in text order, and so is the result.
fn join_name_complements(
    cx: &Context,
    (lower, title_case): (&[u64], &[bool]),
    entities: Vec<ner::Entity>,
) -> Vec<ner::Entity> {
    let tokens = &cx.analysis.tokens;
    // Where full names start (a lone "Debates" is the tagger's misreading of a complement).
    let persons: Vec<usize> = entities
        .iter()
        .filter(|e| e.kind == EntityType::Per && e.tokens.len() > 1)
        .map(|e| e.tokens.start)
        .collect();
    let gazetteer = gazetteer();
    // A word of a complement: capitalised, no date.
    let complement = |k: usize| {
        tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && token_text(cx, k).starts_with(char::is_uppercase)
            && !DATES.contains(&token_text(cx, k))
    };
    let mut out: Vec<ner::Entity> = Vec::with_capacity(entities.len());
    for (i, mut e) in entities.iter().cloned().enumerate() {
        if let Some(last) = out.last() {
            // Entities the last one took in are gone; what sticks out of it is a name.
            if e.tokens.end <= last.tokens.end {
                continue;
            }
            e.tokens.start = e.tokens.start.max(last.tokens.end);
        }
        let end = e.tokens.end;
        let sentence_end = sentence_of(cx, e.tokens.start).end;
        // In a headline in title case, capitals say less: "Trump Leads Ohio Today",
        // "Commission on Debates Says C".
        let headline = in_title_case(cx, title_case, e.tokens.start);
        let head = token_text(cx, end.saturating_sub(1));
        let preposition = token_text(cx, end);
        // "the University of Texas", but not "Hofstra University on Long Island".
        let takes = match preposition {
            "of" | "for" => COMPLEMENTED_NOUNS.contains(&head),
            "on" | "against" => TOPIC_NOUNS.contains(&head),
            _ => false,
        };
        if e.kind != EntityType::Per && takes {
            let mut k = end + 1;
            if matches!(token_text(cx, k), "the" | "a") {
                k += 1;
            }
            let first = k;
            let mut stop = None;
            // A person's name ends the complement ("… Relations Executive Director Nihad
            // Awad"), unless it opens it: the tagger may read a complement alone as a name
            // ("Centre for" | "Sociological Studies").
            while k < sentence_end
                && complement(k)
                && (k == first || persons.binary_search(&k).is_err())
                && !(headline && HEADLINE_WORDS.contains(&token_text(cx, k)))
            {
                k += 1;
                stop = Some(k);
                // "Strategic and International Studies", "the Protection of the Constitution",
                // "the District of Idaho"; not "… Studies and USA Today", "… and Nihad Awad".
                let mut joint = k;
                while joint < sentence_end
                    && joint < k + 2
                    && matches!(token_text(cx, joint), "and" | "&" | "of" | "for" | "the")
                {
                    joint += 1;
                }
                let another_name = || {
                    matches!(token_text(cx, k), "and" | "&")
                        && (persons.binary_search(&joint).is_ok()
                            || !gazetteer.lookup_words([token_text(cx, joint)]).is_empty())
                };
                if joint > k && joint < sentence_end && complement(joint) && !another_name() {
                    k = joint;
                }
            }
            // A title closing the complement opens the next name ("… Relations Executive
            // Director" | "Nihad Awad").
            while let Some(k) = stop.filter(|&k| k > first + 1 && is_title_at(cx, lower, k - 1)) {
                stop = Some(k - 1);
            }
            if let Some(stop) = stop {
                e.tokens.end = stop;
                e.kind = EntityType::Org;
            }
        } else if let Some(longer) = (1..=2).rev().find_map(|n| {
            // "the Islamic" | "State", "the European" | "Union": the gazetteer knows the
            // longer name (the longest first: "New" | "York City").
            let r = e.tokens.start..end + n;
            let words = r.end <= sentence_end
                && (end..r.end).all(|k| {
                    tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
                        && token_text(cx, k).starts_with(char::is_uppercase)
                });
            let known = gazetteer
                .lookup_words(r.clone().map(|k| token_text(cx, k)))
                .iter()
                .find(|(_, how)| matches!(how, How::Name | How::Alias))
                .map(|&(i, _)| gazetteer.entries[i].kind);
            known.filter(|_| words).map(|kind| (r, kind))
        }) && e.kind != EntityType::Per
        {
            let (r, kind) = longer;
            e.kind = match kind {
                EntryKind::Organization => EntityType::Org,
                EntryKind::Country | EntryKind::Place => EntityType::Loc,
            };
            // "New" | "York Times", "Las" | "Vegas Sands Corp": the organisation the tagger
            // found after the first word opens with the rest of the place's name, and ends in
            // an organisation's noun.
            let organisation = |next: &ner::Entity| {
                let head = token_text(cx, next.tokens.end - 1);
                next.kind == EntityType::Org
                    && (PRESS_WORDS.contains(&head)
                        || head_nouns().get(&ner::word_hash(head)) == Some(&EntityType::Org))
            };
            match entities.get(i + 1) {
                Some(next)
                    if next.tokens.start < r.end
                        && next.tokens.end > r.end
                        && organisation(next) =>
                {
                    e.tokens = e.tokens.start..next.tokens.end;
                    e.kind = EntityType::Org;
                }
                _ => e.tokens = r,
            }
        } else if e.kind != EntityType::Per {
            // "NY Daily News".
            while e.tokens.end < sentence_end
                && PRESS_WORDS.contains(&token_text(cx, e.tokens.end))
                && !(headline && token_text(cx, e.tokens.end) == "Today")
            {
                e.tokens.end += 1;
                e.kind = EntityType::Org;
            }
        }
        out.push(e);
    }
    out
}

/// The tagger cuts some persons' names in two: "Billie" | "Jean King", "Yvonne" | "McGregor"
/// (two names side by side are one), "Van" | "der" | "Westhuizen" (a particle between), and
/// leaves "VIII" off "Henry VIII". A person's name directly followed by another person's,
/// or by a particle and another name, is one name, and a regnal number after it is its end.
/// `entities` is in text order, and so is the result.
/// In a headline in title case the tagger may run names and the words between them into
/// one entity ("Chris Christie Calls Hillary Clinton" as one person). Such an entity that
/// holds two or more names of two words or more the tagger found outside headlines, and is
/// not one of them itself, becomes those names; the words around them (the headline's
/// verbs) go. A person that opens with a person's name found outside headlines is that
/// name ("Lindsey Graham Says").
fn split_headline_run_ons(
    cx: &Context,
    tagged: (&[u64], &[bool]),
    entities: Vec<ner::Entity>,
) -> Vec<ner::Entity> {
    let (lower, title_case) = tagged;
    if !title_case.iter().any(|&t| t) {
        return entities;
    }
    let in_title = |k: usize| in_title_case(cx, title_case, k);
    let hashes = |r: &Range<usize>| lower.get(r.clone()).unwrap_or(&[]);
    let flags: Vec<bool> = entities.iter().map(|e| in_title(e.tokens.start)).collect();
    if !flags.iter().any(|&t| t) {
        return entities;
    }
    // Names of two words or more found outside title-case headlines, with their type;
    // persons' names of any length, and the last words of those of two words or more.
    let mut known: HashMap<&[u64], EntityType, FxBuild> = HashMap::default();
    let mut persons: HashSet<&[u64], FxBuild> = HashSet::default();
    let mut surnames: HashSet<u64, FxBuild> = HashSet::default();
    let mut longest = 0;
    for (e, &t) in entities.iter().zip(&flags) {
        if t {
            continue;
        }
        if e.tokens.len() >= 2 {
            known.entry(hashes(&e.tokens)).or_insert(e.kind);
            longest = longest.max(e.tokens.len());
        }
        if e.kind == EntityType::Per {
            persons.insert(hashes(&e.tokens));
            if e.tokens.len() >= 2
                && let Some(&last) = lower.get(e.tokens.end - 1)
            {
                surnames.insert(last);
            }
        }
    }
    let mut out = Vec::with_capacity(entities.len());
    for (e, t) in entities.into_iter().zip(flags) {
        if !t
            || e.tokens.len() < 2
            || known.contains_key(&hashes(&e.tokens))
            || persons.contains(&hashes(&e.tokens))
        {
            out.push(e);
            continue;
        }
        let mut parts = Vec::new();
        let mut k = e.tokens.start;
        while k < e.tokens.end {
            let found = (2..=longest.min(e.tokens.end - k))
                .rev()
                .find_map(|n| known.get(&hashes(&(k..k + n))).map(|&kind| (n, kind)));
            match found {
                Some((n, kind)) => {
                    parts.push(ner::Entity {
                        tokens: k..k + n,
                        kind,
                        confidence: e.confidence,
                    });
                    k += n;
                }
                None => k += 1,
            }
        }
        if parts.len() >= 2 {
            out.extend(parts);
            continue;
        }
        // "Lindsey Graham Says", "Obama Says African-American Museum Will": a person's
        // name the body gives, then the headline's verb. A name of one word must be a
        // surname the body gives ("Yvonne McGregor" is no "Yvonne" and a verb), or a name
        // the body gives alone with a headline word after it ("Obama Says He Will"). A longer
        // name may end in one: "Hillary Clinton Goes After" when the body says "Clinton".
        if e.kind == EntityType::Per
            && let Some(n) = (1..e.tokens.len()).rev().find(|&n| {
                let next = e.tokens.start + n;
                let name = hashes(&(e.tokens.start..next));
                (if n > 1 {
                    persons.contains(&name)
                        || name.last().is_some_and(|h| {
                            surnames.contains(h) || persons.contains(std::slice::from_ref(h))
                        })
                } else {
                    name.first().is_some_and(|h| surnames.contains(h))
                        || (persons.contains(name)
                            && HEADLINE_WORDS.contains(&token_text(cx, next)))
                }) && !NAME_SUFFIXES.contains(&token_text(cx, next))
                    && !regnal_number(cx, next)
            })
        {
            out.push(ner::Entity {
                tokens: e.tokens.start..e.tokens.start + n,
                ..e
            });
            continue;
        }
        // "Mike Huckabee Makes Sexist Wife Joke", "Bernie Sanders Could Backfire": in a
        // headline, a person's name of two words or more then a headline word or an
        // auxiliary ends before it.
        if e.kind == EntityType::Per
            && e.tokens.len() >= 3
            && let Some(n) = (2..e.tokens.len()).find(|&n| {
                let w = token_text(cx, e.tokens.start + n);
                HEADLINE_WORDS.contains(&w) || HEADLINE_AUXILIARIES.contains(&w)
            })
            && (e.tokens.start..e.tokens.start + n).all(|k| {
                let w = token_text(cx, k);
                !HEADLINE_WORDS.contains(&w) && !HEADLINE_AUXILIARIES.contains(&w)
            })
        {
            out.push(ner::Entity {
                tokens: e.tokens.start..e.tokens.start + n,
                ..e
            });
            continue;
        }
        // One name inside is no run-on: "New York Energy Desk" holds "New York".
        out.push(e);
    }
    out
}

/// Auxiliaries after a name in a headline ("Bernie Sanders Could Backfire").
const HEADLINE_AUXILIARIES: &[&str] = &[
    "Can", "Could", "Did", "Does", "Had", "Might", "Must", "Should", "Would", "Won't", "Isn't",
];

/// Last words of a law's name ("Clean Air Act").
const LAW_HEADS: &[&str] = &[
    "Act",
    "Amendment",
    "Treaty",
    "Accord",
    "Accords",
    "Doctrine",
];

/// Last words of a programme's name ("The Laura Ingraham Show").
const PROGRAMME_HEADS: &[&str] = &["Show", "Podcast", "Program", "Programme", "Hour"];

/// What follows "Miss" in a beauty pageant's title ("Miss Universe").
const PAGEANTS: &[&str] = &[
    "Universe",
    "World",
    "America",
    "USA",
    "Earth",
    "International",
];

/// Lower-case words no person's name holds: a name the tagger ran on past its end stops
/// before them.
const NAME_ENDING_WORDS: &[&str] = &[
    "of", "on", "in", "at", "for", "to", "via", "vs", "vs.", "from", "with", "by", "the", "a",
    "an", "that", "who", "said", "says",
];

/// Words that end a person's name and are part of it ("Donald Trump Jr."), besides a
/// regnal number (`regnal_number`).
const NAME_SUFFIXES: &[&str] = &["Jr", "Jr.", "Sr", "Sr."];

fn join_person_parts(cx: &Context, entities: Vec<ner::Entity>) -> Vec<ner::Entity> {
    let mut out: Vec<ner::Entity> = Vec::with_capacity(entities.len());
    for e in entities {
        if let Some(last) = out.last_mut()
            && last.kind == EntityType::Per
            && e.tokens.start > last.tokens.end
            && e.tokens.start - last.tokens.end <= 2
            && (last.tokens.end..e.tokens.start).all(|k| {
                let w = token_text(cx, k);
                NAME_PARTICLES.contains(&w)
            })
            && token_text(cx, e.tokens.start).starts_with(char::is_uppercase)
            // Not across a line break (a name closing one line, a list opening the next).
            && !cx
                .text
                .get(byte_range(cx, &(last.tokens.end - 1..e.tokens.start + 1)))
                .is_some_and(|gap| gap.contains('\n'))
        {
            last.tokens.end = e.tokens.end;
            last.confidence = last.confidence.min(e.confidence);
            continue;
        }
        out.push(e);
    }
    // "General" | "Motors": a lone "person" that is an organisation's head noun ends the
    // organisation's name the capitalised words before it open.
    for i in 0..out.len() {
        let r = out[i].tokens.clone();
        let floor = if i > 0 { out[i - 1].tokens.end } else { 0 };
        if out[i].kind != EntityType::Per
            || r.len() != 1
            || head_nouns().get(&ner::word_hash(token_text(cx, r.start))) != Some(&EntityType::Org)
        {
            continue;
        }
        let mut start = r.start;
        while start > floor
            && r.start - start < 3
            && cx.analysis.tokens[start - 1].kind == TokenKind::Word
            && token_text(cx, start - 1).starts_with(char::is_uppercase)
            && sentence_of(cx, start - 1) == sentence_of(cx, r.start)
        {
            start -= 1;
        }
        if start < r.start {
            out[i].tokens.start = start;
            out[i].kind = EntityType::Org;
        }
    }
    let n = cx.analysis.tokens.len();
    for i in 0..out.len() {
        let end = out[i].tokens.end;
        let free = out.get(i + 1).is_none_or(|x| x.tokens.start > end);
        if out[i].kind == EntityType::Per && end < n && free && regnal_number(cx, end) {
            out[i].tokens.end = end + 1;
        }
    }
    out
}

/// "Lotte and Hyundai", "Banc One and First Chicago", "First Bank , Norwest": the tagger
/// sometimes reads two names joined by "and" or a comma as one. When the text names either
/// side on its own elsewhere, the two are two names. "Securities and Exchange Commission" or
/// "Trinidad and Tobago" stay whole: neither side stands alone as a name. `entities` is in
/// text order, and so is the result.
fn split_coordinated(cx: &Context, lower: &[u64], entities: Vec<ner::Entity>) -> Vec<ner::Entity> {
    let (and, comma) = (ner::word_hash("and"), ner::word_hash(","));
    let joint = |k: usize| lower.get(k).is_some_and(|&h| h == and || h == comma);
    if !entities.iter().any(|e| e.tokens.clone().any(joint)) {
        return entities;
    }
    // The words (their hashes) of every name the tagger read without a joint.
    let words = |r: Range<usize>| lower.get(r).unwrap_or(&[]);
    let alone: std::collections::HashSet<&[u64], FxBuild> = entities
        .iter()
        .filter(|e| !e.tokens.clone().any(joint))
        .map(|e| words(e.tokens.clone()))
        .collect();
    let mut out = Vec::with_capacity(entities.len() + 1);
    for e in entities {
        let r = e.tokens.clone();
        let at = r.clone().filter(|&k| joint(k)).collect::<Vec<_>>();
        // One joint, with a name on each side.
        if let [m] = at[..]
            && m > r.start
            && m + 1 < r.end
            && token_text(cx, m + 1).starts_with(char::is_uppercase)
            && (alone.contains(words(r.start..m)) || alone.contains(words(m + 1..r.end)))
        {
            out.push(ner::Entity {
                tokens: r.start..m,
                ..e
            });
            out.push(ner::Entity {
                tokens: m + 1..r.end,
                ..e
            });
        } else {
            out.push(e);
        }
    }
    out
}

/// "Stephen K. Bannon of Breitbart News", "Gov. John R. Kasich of Ohio": the tagger sometimes
/// runs a person's name on through "of" into where they work or come from. The person ends
/// before "of", and the capitalised words after it are a name of their own: a place or an
/// organisation as the gazetteer or the name's head noun says, else an organisation (a
/// person whose first name is not listed splits off an organisation only). In
/// PolNeAR train this adds five such names, each the right words (though the gazetteer
/// takes the fund Pershing Square for the place), and no claim changes.
fn split_affiliations(cx: &Context, entities: Vec<ner::Entity>) -> Vec<ner::Entity> {
    let g = gazetteer();
    let capitalised = |k: usize| capitalised_word(cx, k);
    let mut out = Vec::with_capacity(entities.len());
    for e in entities {
        let r = e.tokens.clone();
        let of = (r.start + 1..r.end).find(|&k| token_text(cx, k) == "of");
        let Some(of) = of.filter(|_| e.kind == EntityType::Per) else {
            out.push(e);
            continue;
        };
        let first = if token_text(cx, of + 1).eq_ignore_ascii_case("the") {
            of + 2
        } else {
            of + 1
        };
        // Not "Rock and Roll Hall of Fame", nor a headline's run of capitals: the person is a
        // name of two or three words, opening with a listed first name or working for what
        // the gazetteer or its head noun says is an organisation ("Megyn Kelly of Fox News").
        let person = r.start..of;
        if first >= r.end
            || !(2..=3).contains(&person.len())
            || !(first..r.end).all(capitalised)
            || !person.clone().all(capitalised)
        {
            out.push(e);
            continue;
        }
        let rest = first..r.end;
        let known = g
            .lookup_words(rest.clone().map(|k| token_text(cx, k)))
            .first()
            .map(|&(entry, _)| g.entries[entry].kind);
        let head = head_kind(cx, &rest);
        let organisation = known == Some(EntryKind::Organization)
            || (known.is_none() && head == Some(EntityType::Org));
        if !resolve::is_first_name(token_text(cx, person.start)) && !organisation {
            out.push(e);
            continue;
        }
        let kind = match known {
            Some(EntryKind::Country | EntryKind::Place) => EntityType::Loc,
            Some(EntryKind::Organization) => EntityType::Org,
            None => head.unwrap_or(EntityType::Org),
        };
        out.push(ner::Entity {
            tokens: r.start..of,
            ..e
        });
        out.push(ner::Entity {
            tokens: rest,
            kind,
            ..e
        });
    }
    out
}

/// "said Chad Bown, an expert on trade ... as Mr. Bown observed": the tagger reads a name
/// that opens with a country's or a place's name ("Chad", "Jordan", "Georgia") as a place.
/// Such a two-word name is a person's when its last word is a surname elsewhere in the text:
/// the last word of a full name the tagger calls a person's, or a word after an honorific.
/// Not when the gazetteer knows the whole name, or its last word heads an organisation's or a
/// place's name ("Jordan River") or reads as an adjective ("Missouri Democratic"); "Chad"
/// alone, and the tagger's own persons, are untouched.
fn surnamed_persons(cx: &Context, entities: &mut [ner::Entity]) {
    let g = gazetteer();
    let word = |k: usize| {
        let w = token_text(cx, k);
        cx.analysis
            .tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && w.starts_with(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
    };
    let candidates: Vec<usize> = (0..entities.len())
        .filter(|&i| {
            let r = &entities[i].tokens;
            entities[i].kind != EntityType::Per
                && r.len() == 2
                && r.clone().all(word)
                && g.lookup_words([token_text(cx, r.start)])
                    .iter()
                    .any(|&(e, how)| {
                        how == How::Name && g.entries[e].kind != EntryKind::Organization
                    })
                && g.lookup_words(r.clone().map(|k| token_text(cx, k)))
                    .is_empty()
                && !head_nouns().contains_key(&ner::word_hash(token_text(cx, r.end - 1)))
                && !is_adjectival(token_text(cx, r.end - 1))
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let surnames: std::collections::HashSet<&str, FxBuild> = entities
        .iter()
        .filter(|e| e.kind == EntityType::Per && e.tokens.len() >= 2)
        .map(|e| e.tokens.end - 1)
        .chain(
            (1..cx.analysis.tokens.len()).filter(|&k| roles::is_honorific(token_text(cx, k - 1))),
        )
        .filter(|&k| word(k))
        .map(|k| token_text(cx, k))
        .collect();
    for i in candidates {
        let e = &mut entities[i];
        if surnames.contains(token_text(cx, e.tokens.end - 1)) {
            e.kind = EntityType::Per;
        }
    }
}

fn collect_mentions(cx: &Context) -> Vec<Mention> {
    let tagged = ner::model().tag_full(cx.text, &cx.analysis);
    let mut split = Vec::with_capacity(tagged.entities.len());
    for e in tagged.entities {
        split_titled_name(cx, &tagged.lower, e, &mut split);
    }
    let mut entities = join_at_initials(cx, split);
    titled_names(cx, &tagged.lower, &mut entities);
    surnamed_persons(cx, &mut entities);
    let entities = split_coordinated(cx, &tagged.lower, entities);
    let entities = split_affiliations(cx, entities);
    let entities = join_person_parts(cx, entities);
    let entities = split_headline_run_ons(cx, (&tagged.lower, &tagged.title_case), entities);
    let entities = join_name_complements(cx, (&tagged.lower, &tagged.title_case), entities);
    let n_tokens = cx.analysis.tokens.len();
    let mut entity_of: Vec<Option<EntityType>> = vec![None; n_tokens];
    for e in &entities {
        for k in e.tokens.clone() {
            if let Some(slot) = entity_of.get_mut(k) {
                *slot = Some(e.kind);
            }
        }
    }
    let sport = std::cell::OnceCell::new();
    let mut out = Vec::with_capacity(entities.len());
    for e in &entities {
        let mut tokens = e.tokens.clone();
        // Quotes, brackets, possessives and lower-case words ("of" in "of Columbia Circuit")
        // at the edges are not part of the name.
        let edge = |k: usize| {
            cx.analysis.tokens.get(k).is_some_and(|t| {
                let w = token_text(cx, k);
                matches!(t.kind, TokenKind::Punct | TokenKind::Quote)
                    || matches!(w, "'s" | "’s")
                    || (t.kind == TokenKind::Word && !w.chars().any(char::is_uppercase))
            })
        };
        while tokens.start < tokens.end && edge(tokens.start) {
            tokens.start += 1;
        }
        // "Noah on Thursday", "Scott Olson via Getty Images", "Richard A. Posner of the
        // United States Court of Appeals": a person's name ends before a preposition or an
        // article (a title before the name, "Cruz spokesman Rick Tyler", goes to the role).
        if e.kind == EntityType::Per
            && let Some(k) = (tokens.start + 1..tokens.end)
                .find(|&k| NAME_ENDING_WORDS.contains(&token_text(cx, k)))
        {
            tokens.end = k;
        }
        // "The New York Times Tuesday", "CNBC Saturday", "ABC News in February": a day, or
        // "in" and a month, after a name says when, and is no part of it; but "Super
        // Tuesday" and "Black Friday" name days, and in a text on sport "Sheffield
        // Wednesday" is a club.
        loop {
            let n = tokens.len();
            let last = token_text(cx, tokens.end.saturating_sub(1));
            if n > 1
                && is_weekday(last)
                && !NAMED_DAY_WORDS.contains(&token_text(cx, tokens.end - 2))
                && !*sport.get_or_init(|| reads_as_sport(cx))
            {
                tokens.end -= 1;
            } else if n > 2 && is_month(last) && token_text(cx, tokens.end - 2) == "in" {
                tokens.end -= 2;
            } else {
                break;
            }
        }
        // "Said Ellis: “C”": a sentence-opening verb of saying is no part of the name; nor
        // is a preposition or conjunction capitalised as a sentence's first word ("Among
        // Republicans", "When Democrats", "“From Seattle": quote marks may come first).
        let opens_sentence = |k: usize| {
            (sentence_of(cx, k).start..k).all(|j| cx.analysis.tokens[j].kind == TokenKind::Quote)
        };
        if tokens.len() > 1
            && (matches!(token_text(cx, tokens.start), "Said" | "Says")
                || (OPENING_FUNCTION_WORDS.contains(&token_text(cx, tokens.start))
                    && opens_sentence(tokens.start)))
        {
            tokens.start += 1;
        }
        // "Miss Universe Alicia Machado", "a former Miss Universe": a beauty pageant's
        // title names nobody.
        let pageant = |k: usize| PAGEANTS.contains(&token_text(cx, k));
        let k = tokens.start;
        if token_text(cx, k) == "Miss" && k + 1 < tokens.end && pageant(k + 1) {
            tokens.start += 2;
        } else if k > 0 && token_text(cx, k - 1) == "Miss" && pageant(k) {
            tokens.start += 1;
        }
        while tokens.start < tokens.end && edge(tokens.end - 1) {
            tokens.end -= 1;
        }
        // "Mladost (L)" with its ")" trimmed, "Congress (Frank", "Department of
        // Transportation (Caltrans": a name ends before a bracket it does not close.
        if let Some(open) = ner::first_unclosed_bracket(tokens.clone(), |k| token_text(cx, k)) {
            tokens.end = open;
            while tokens.start < tokens.end && edge(tokens.end - 1) {
                tokens.end -= 1;
            }
        }
        // Where the name starts once the edges are off, before titles go to the role.
        let first_word = tokens.start;
        if tokens.is_empty()
            || is_reference_word(cx, &tokens)
            || party_member(cx, &tokens)
            || party_label(cx, &tokens)
            || (tokens.len() == 1 && is_date_or_function_word(token_text(cx, tokens.start)))
            // "Ann & I say", "I, along with Chelsea", "“I’m sick of it”": a pronoun, or its
            // contraction with a verb, is nobody's name.
            || (tokens.len() == 1 && is_pronoun_or_contraction(token_text(cx, tokens.start)))
        {
            continue;
        }
        let Some(kind) = mention_kind(cx, &tagged.lower, &tokens, e.kind) else {
            continue;
        };
        if kind == EntityType::Org
            && tokens.start == e.tokens.start
            && !in_title_case(cx, &tagged.title_case, tokens.start)
        {
            tokens.start = words_after_the(cx, &entity_of, tokens.start);
        }
        // "Muslim immigrants", "Latino voters", "radical Islamic terrorism": a faith or
        // affiliation names no organisation or place either ("The Independent" is a paper).
        let adjective = || {
            tokens.len() == 1
                && AFFILIATIONS.contains(&token_text(cx, tokens.start))
                && token_text(cx, tokens.start) != "Independent"
        };
        if (kind == EntityType::Per && affiliation(cx, &tokens)) || adjective() {
            continue;
        }
        let sentence = sentence_of(cx, tokens.start);
        let mut role = None;
        if kind == EntityType::Per {
            // Titles the tagger took into the name go to the role: the name starts after the
            // last title word or honorific ("NATO Secretary General Jens Stoltenberg").
            if let Some(j) = (tokens.start..tokens.end - 1).rev().find(|&k| {
                is_title_at(cx, &tagged.lower, k) || roles::is_honorific(token_text(cx, k))
            }) {
                tokens.start = j + 1;
            }
            // "Retired General Reveals ‘Demoralizing’ Experience": in a title-case headline,
            // what follows a title may be the headline's verb, no name.
            let headline = in_title_case(cx, &tagged.title_case, tokens.start);
            let headline_word = |k: usize| {
                let w = token_text(cx, k);
                HEADLINE_WORDS.contains(&w) || matches!(w, "He" | "She" | "They" | "It" | "We")
            };
            if headline && tokens.clone().all(headline_word) {
                continue;
            }
            let whole = e.tokens.clone();
            let role_tokens = roles::role_before(
                cx.text,
                &cx.analysis.tokens,
                sentence.start..tokens.start.max(sentence.start),
                tokens.start,
                |k| {
                    whole.contains(&k)
                        || entity_of
                            .get(k)
                            .copied()
                            .flatten()
                            .is_some_and(|t| t != EntityType::Per)
                },
            )
            .or_else(|| (tokens.start > first_word).then_some(first_word..tokens.start))
            .or_else(|| {
                roles::role_after(cx.text, &cx.analysis.tokens, sentence.clone(), tokens.end)
            });
            // "Obama Seeks More Muslim Refugees As He Recognizes Major Holiday": a headline's
            // word after a word that may be a title is no name when the "role" before it
            // runs over the headline's own words.
            if headline
                && tokens.len() == 1
                && role_tokens
                    .as_ref()
                    .is_some_and(|r| r.clone().any(headline_word))
            {
                continue;
            }
            role = role_tokens.map(|r| byte_range(cx, &r));
        }
        out.push(Mention {
            bytes: byte_range(cx, &tokens),
            tokens,
            source: Source::Ner(kind),
            confidence: e.confidence,
            role,
        });
    }
    // The names found so far, in text order: a group phrase looks only at those inside it.
    out.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    let mut dropped = vec![false; out.len()];
    let mut group_mentions = Vec::new();
    for s in &cx.analysis.sentences {
        for g in groups::group_phrases(
            cx.text,
            &cx.analysis.tokens,
            &tagged.lower,
            s.tokens.clone(),
        ) {
            // "the United States" is a name, not a group: its head is inside an entity.
            let head = g.tokens.end - 1;
            if entity_of.get(head).copied().flatten().is_some() {
                continue;
            }
            // Adjectives the tagger took for names inside a group ("Eastern European" in
            // "several Eastern European leaders") are not actors.
            let first = out.partition_point(|m| m.tokens.start < g.tokens.start);
            for (m, drop) in out[first..].iter().zip(&mut dropped[first..]) {
                if m.tokens.start >= head {
                    break;
                }
                let inside = m.tokens.end <= head;
                if inside
                    && m.source != Source::Ner(EntityType::Per)
                    && cx
                        .text
                        .get(m.bytes.clone())
                        .and_then(|t| t.split_whitespace().last())
                        .is_some_and(is_adjectival)
                {
                    *drop = true;
                }
            }
            group_mentions.push(Mention {
                bytes: byte_range(cx, &g.tokens),
                tokens: g.tokens,
                source: Source::Group,
                confidence: g.confidence,
                role: None,
            });
        }
    }
    let mut dropped = dropped.into_iter();
    out.retain(|_| !dropped.next().unwrap_or(false));
    out.extend(group_mentions);
    out.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    out
}

/// The kind of a name the tagger labelled `tagged`, or `None` when it names nobody: a title
/// or honorific alone ("Professor"). An honorific makes a person ("Dr. Gallagher", whatever
/// the tagger thought), so does a middle initial ("Leonard E. Burman"), and a "person" whose last word is an institution's or a place's
/// (`head_kind`) is that.
/// "The contractor's firm, Kessler Controls, said", "the residents' group Millbrook Water
/// Watch": a name right after an organisation's common noun (and a comma) names it.
fn named_as_organisation(cx: &Context, tokens: &Range<usize>) -> bool {
    let mut k = tokens.start;
    if k > 0 && token_text(cx, k - 1) == "," {
        k -= 1;
    }
    k > 0
        && matches!(
            token_text(cx, k - 1),
            "firm"
                | "company"
                | "group"
                | "agency"
                | "organisation"
                | "organization"
                | "charity"
                | "association"
                | "network"
                | "newspaper"
                | "website"
                | "coalition"
                | "foundation"
                | "institute"
                | "insurer"
                | "lender"
                | "bank"
                | "retailer"
                | "manufacturer"
                | "airline"
                | "broadcaster"
        )
}

fn mention_kind(
    cx: &Context,
    lower: &[u64],
    tokens: &Range<usize>,
    tagged: EntityType,
) -> Option<EntityType> {
    let words = || tokens.clone().map(|k| token_text(cx, k));
    if tokens
        .clone()
        .all(|k| is_title_at(cx, lower, k) || roles::is_honorific(token_text(cx, k)))
    {
        return None;
    }
    // "the Clean Air Act", "the 19th Amendment": a law names nobody; "The Steve Harvey
    // Morning Show" is a programme, which speaks as its outlet does.
    let head = token_text(cx, tokens.end.saturating_sub(1));
    if tokens.len() >= 2 && LAW_HEADS.contains(&head) {
        return None;
    }
    if tokens.len() >= 2 && tagged == EntityType::Per && PROGRAMME_HEADS.contains(&head) {
        return Some(EntityType::Org);
    }
    Some(
        if words().next().is_some_and(roles::is_honorific)
            || initialled_name(cx, tokens)
            || titled_name(cx, lower, tokens)
        {
            EntityType::Per
        } else if tagged == EntityType::Per {
            head_kind(cx, tokens).unwrap_or(if named_as_organisation(cx, tokens) {
                EntityType::Org
            } else {
                tagged
            })
        } else if tagged == EntityType::Loc
            && head_kind(cx, tokens) == Some(EntityType::Org)
            && !PLACE_LIKE_ORGANIZATION_NOUNS.contains(&lower_case(head).as_ref())
            // "NEWPORT NEWS, Va.": a place before its state stays one.
            && !before_its_state(cx, tokens)
        {
            EntityType::Org
        } else {
            tagged
        },
    )
}

/// Whether a name is followed by a comma and the state or country it is in ("Newport News,
/// Va.", "Tulsa, Okla.").
fn before_its_state(cx: &Context, tokens: &Range<usize>) -> bool {
    if token_text(cx, tokens.end) != "," {
        return false;
    }
    let g = gazetteer();
    let words = (tokens.end + 1..cx.analysis.tokens.len())
        .take_while(|&k| capitalised_word(cx, k))
        .map(|k| token_text(cx, k));
    // The capitalised words after the comma are the place whole: "U.S. Army, U.S. Air
    // Force" is a list.
    g.lookup_words(words)
        .iter()
        .any(|&(e, _)| matches!(g.entries[e].kind, EntryKind::Place | EntryKind::Country))
}

/// Whether token `k` is a personal title (`roles::personal_titles`): "D-Del.", "Dover, Del."
/// are Delaware after a comma or a party letter, no title.
fn personal_title_at(cx: &Context, lower: &[u64], k: usize) -> bool {
    lower
        .get(k)
        .is_some_and(|&h| roles::personal_titles().contains(h, || token_text(cx, k)))
        && !(k > 0
            && token_text(cx, k).eq_ignore_ascii_case("del.")
            && matches!(token_text(cx, k - 1), "," | "-"))
}

/// "Professor Ruth Lindqvist", "Sen. Jeff Sessions": a name opened by a personal title
/// (`roles::personal_titles`) whose other words are capitalised and end in no institution's or
/// place's head word is a person's, whatever the tagger read (after "director of public
/// health," it read an organisation). `titled_names` finds most such names; this catches
/// the tagger's own spans that hold the title ("Prince Edward Island" and "Governor Dummer
/// College" keep their kind by their last word).
fn titled_name(cx: &Context, lower: &[u64], tokens: &Range<usize>) -> bool {
    tokens.len() >= 2
        && personal_title_at(cx, lower, tokens.start)
        && tokens
            .clone()
            .skip(1)
            .all(|k| token_text(cx, k).starts_with(char::is_uppercase))
        && head_kind(cx, tokens).is_none()
}

/// The kind a name the tagger took for a person's gets from its last word: "Water Standards
/// Agency", "Millbrook General Hospital" and "Northvale Water" are organisations, "Maple
/// Street" a place. Only for names of two words or more, whose head is capitalised.
fn head_kind(cx: &Context, tokens: &Range<usize>) -> Option<EntityType> {
    if tokens.len() < 2 {
        return None;
    }
    let head = token_text(cx, tokens.end - 1);
    if !head.starts_with(char::is_uppercase) {
        return None;
    }
    head_nouns().get(&ner::word_hash(head)).copied()
}

/// The `ORGANIZATION_NOUNS` that head places' names as often as organisations' ("West
/// Bank", "Soviet Union", "Millbrook General Hospital", "Lincoln Centre" in CoNLL train and
/// dev): a name the tagger took for a place keeps that reading with one of them as its head.
const PLACE_LIKE_ORGANIZATION_NOUNS: &[&str] = &[
    "bank",
    "center",
    "centre",
    "church",
    "federation",
    "hospital",
    "league",
    "society",
    "trust",
    "union",
];

/// `ORGANIZATION_NOUNS` and `PLACE_NOUNS` by `ner::word_hash` (lower case, no new string),
/// with the kind they give; a noun on both lists heads an organisation.
fn head_nouns() -> &'static HashMap<u64, EntityType, PassBuild> {
    static S: OnceLock<HashMap<u64, EntityType, PassBuild>> = OnceLock::new();
    S.get_or_init(|| {
        let places = PLACE_NOUNS.iter().map(|w| (w, EntityType::Loc));
        let orgs = ORGANIZATION_NOUNS.iter().map(|w| (w, EntityType::Org));
        places
            .chain(orgs)
            .map(|(w, kind)| (ner::word_hash(w), kind))
            .collect()
    })
}

/// `w.to_lowercase()`, borrowing `w` when it is already lower-case ASCII (most words are):
/// word tests need no new string for them.
pub(super) fn lower_case(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// Nouns that head an organisation's name or description, lower case: "Water Standards
/// Agency", "Northvale Water", "the chamber of commerce", "their union".
pub(super) const ORGANIZATION_NOUNS: &[&str] = &[
    "administration",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bancorp",
    "bank",
    "board",
    "bros",
    "bros.",
    "bureau",
    "campaign",
    "center",
    "centre",
    "chamber",
    "chronicle",
    "church",
    "club",
    "co",
    "co.",
    "coalition",
    "college",
    "commission",
    "committee",
    "communications",
    "company",
    "congress",
    "corp",
    "corp.",
    "corporation",
    "council",
    "court",
    "department",
    "electronics",
    "embassy",
    "enterprises",
    "examiner",
    "exchange",
    "federation",
    "firm",
    "force",
    "foundation",
    "fund",
    "gazette",
    "globe",
    "gmbh",
    "government",
    "group",
    "herald",
    "holdings",
    "hospital",
    "images",
    "inc",
    "inc.",
    "industries",
    "inquirer",
    "inquiry",
    "inspectorate",
    "institute",
    "institution",
    "journal",
    "kremlin",
    "league",
    "llc",
    "ltd",
    "ltd.",
    "magazine",
    "military",
    "ministry",
    "motors",
    "movement",
    "navy",
    "network",
    "news",
    "newspaper",
    "office",
    "operator",
    "organisation",
    "organization",
    "parliament",
    "partners",
    "party",
    "pharmaceuticals",
    "plc",
    "police",
    "post",
    "press",
    "register",
    "regulator",
    "report",
    "school",
    "securities",
    "senate",
    "service",
    "services",
    "society",
    "technologies",
    "times",
    "tribune",
    "trust",
    "union",
    "university",
    "watch",
    "water",
];

/// Nouns that head a place's name, lower case ("Maple Street").
const PLACE_NOUNS: &[&str] = &[
    "avenue",
    "bay",
    "boulevard",
    "city",
    "county",
    "district",
    "island",
    "islands",
    "lake",
    "mountains",
    "ocean",
    "province",
    "region",
    "river",
    "road",
    "sea",
    "square",
    "street",
    "tower",
    "valley",
];

/// "Article 5", "Section 2": a document part, whatever the tagger thinks.
fn is_reference_word(cx: &Context, tokens: &Range<usize>) -> bool {
    tokens.len() == 1
        && matches!(
            token_text(cx, tokens.start),
            "Article" | "Section" | "Chapter" | "Clause" | "Paragraph" | "Resolution" | "Rule"
        )
        && cx
            .analysis
            .tokens
            .get(tokens.end)
            .is_some_and(|t| t.kind == TokenKind::Number)
}

/// A word shaped like a demonym or regional adjective ("European", "Baltic", "Nordic").
fn is_adjectival(word: &str) -> bool {
    let g = gazetteer();
    let hits = g.lookup_words([word]);
    if hits
        .iter()
        .any(|&(_, how)| matches!(how, How::Name | How::Alias))
    {
        return false; // "U.S." in "U.S. officials" still names the country.
    }
    hits.iter().any(|&(_, how)| how == How::Adjective)
        || ["ean", "ian", "ern", "ic", "ish", "ese"]
            .iter()
            .any(|s| word.len() > s.len() + 2 && word.ends_with(s))
}

/// Lower-case words of a name without honorifics and possessives.
fn name_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| without_possessives(w).to_lowercase())
        .filter(|w| !w.is_empty() && !roles::is_honorific(w))
        .collect()
}

/// `w.trim_end_matches("'s").trim_end_matches("’s")`, without building two string searchers
/// for every word of every name.
fn without_possessives(mut w: &str) -> &str {
    while let Some(rest) = w.strip_suffix("'s") {
        w = rest;
    }
    while let Some(rest) = w.strip_suffix("’s") {
        w = rest;
    }
    w
}

/// The upper-case initials of a long name's significant words ("World Health Organization"
/// → "WHO").
fn initials_of(long: &str) -> String {
    long.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "de" | "&" | "in" | "on"))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
fn is_acronym_of(short: &str, long: &str) -> bool {
    let short: String = short.chars().filter(|c| *c != '.').collect();
    if short.len() < 2 || !short.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let initials = initials_of(long);
    initials.len() >= 2 && initials == short
}

/// What makes two mentions one actor when grouping: the gazetteer entry, or the normalised
/// name of a place, group or unknown organisation or place.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Key {
    Entry(usize),
    Place(String),
    Group(String),
    Name(String),
}

/// The draft of gazetteer entry `e`, made on first use.
fn gazetteer_draft(
    drafts: &mut Vec<Draft>,
    get: &mut impl FnMut(&mut Vec<Draft>, Key, &dyn Fn() -> Draft) -> usize,
    e: usize,
) -> usize {
    let entry = &gazetteer().entries[e];
    let (kind, rule) = match entry.kind {
        EntryKind::Country => (ActorKind::Country, "gazetteer:country"),
        EntryKind::Organization => (ActorKind::Organization, "gazetteer:organization"),
        EntryKind::Place => (ActorKind::Place, "gazetteer:place"),
    };
    get(drafts, Key::Entry(e), &|| {
        let mut d = Draft::new(kind, entry.name.to_string(), rule, 0.9);
        d.entry = Some(e);
        d
    })
}

/// Names of two words or more the tagger reads as a person in most of their mentions and as
/// a place or an organisation in the others ("the shooting of Trayvon Martin" beside
/// "Trayvon Martin was 17"): one name in one text is one kind, so all are the person. In
/// PolNeAR train this rejoins "Rudy Giuliani", "Bill Clinton" and "Le Pen" to their persons
/// (and takes "Sandy Hook" and "Bear Stearns" for persons); CoNLL dev gains 1, train is
/// unchanged.
fn mostly_persons<'t>(cx: &Context<'t>, mentions: &[Mention]) -> HashSet<&'t str, FxBuild> {
    // Per surface: mentions tagged a person, and a place or an organisation.
    let mut counts: HashMap<&str, (usize, usize), FxBuild> = HashMap::default();
    for m in mentions {
        let Source::Ner(ty) = m.source else {
            continue;
        };
        let surface = cx.text.get(m.bytes.clone()).unwrap_or("").trim();
        if ty == EntityType::Misc || surface.split_whitespace().nth(1).is_none() {
            continue;
        }
        let c = counts.entry(surface).or_default();
        if ty == EntityType::Per {
            c.0 += 1;
        } else {
            c.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, (person, other))| other > 0 && person > other)
        .map(|(surface, _)| surface)
        .collect()
}

fn group(cx: &Context, mentions: Vec<Mention>) -> Vec<Draft> {
    let g = gazetteer();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut by_key: HashMap<Key, usize, FxBuild> = HashMap::default();
    let mut deferred_persons: Vec<&Mention> = Vec::new();
    let mut deferred_single: Vec<&Mention> = Vec::new();
    // Whether the text reports sport, asked only when a name needs it.
    let sport = std::cell::OnceCell::new();
    let mut get = |drafts: &mut Vec<Draft>, key: Key, make: &dyn Fn() -> Draft| -> usize {
        *by_key.entry(key).or_insert_with(|| {
            drafts.push(make());
            drafts.len() - 1
        })
    };
    let persons = mostly_persons(cx, &mentions);
    for m in &mentions {
        let surface = cx.text.get(m.bytes.clone()).unwrap_or("").trim();
        if surface.is_empty() {
            continue;
        }
        let source = match m.source {
            Source::Ner(EntityType::Org | EntityType::Loc) if persons.contains(surface) => {
                Source::Ner(EntityType::Per)
            }
            source => source,
        };
        match source {
            Source::Ner(EntityType::Per) => deferred_persons.push(m),
            Source::Ner(ty) => {
                let hit = g
                    .lookup_words(m.tokens.clone().map(|k| token_text(cx, k)))
                    .first()
                    .copied();
                // A city the tagger took for an organisation is its team in a report of sport
                // ("Leeds beat Chelsea"); anywhere else it is the place the gazetteer knows.
                // A short acronym is the tagger's to read: "PA" is the Palestinian Authority as
                // often as Pennsylvania, "ND" a party as often as North Dakota.
                let sporting = || *sport.get_or_init(|| reads_as_sport(cx));
                let place_as_org = |e: usize| {
                    ty == EntityType::Org
                        && g.entries[e].kind == EntryKind::Place
                        && (is_short_acronym(surface) || sporting())
                };
                // A capital after "the" modifies what follows: "the Moscow government" is
                // Russia's, but "the Berlin Olympics", "the Paris Climate Agreement" and "The
                // San Jose, Calif., company" name the city; "Feel the Bern!" names nothing.
                let after_the = m.tokens.start > 0
                    && token_text(cx, m.tokens.start - 1).eq_ignore_ascii_case("the");
                let capitalised = |k: usize| capitalised_word(cx, k);
                let next = m.tokens.end;
                let (modifies_a_name, slogan) =
                    if after_the && !token_text(cx, next).starts_with(char::is_lowercase) {
                        let name_after = capitalised(next)
                            || (token_text(cx, next) == "," && capitalised(next + 1));
                        (name_after, !name_after)
                    } else {
                        (false, false)
                    };
                match (ty, hit) {
                    (_, Some((e, How::Name | How::Alias))) if !place_as_org(e) => {
                        let i = gazetteer_draft(&mut drafts, &mut get, e);
                        drafts[i].add(cx.text, m);
                    }
                    // A capital the tagger calls an organisation is a team too in a report of
                    // sport ("Cardiff 4 Swansea 2"); elsewhere it is its country's government or
                    // the city.
                    (_, Some((_, How::Capital))) if slogan => {}
                    (EntityType::Loc | EntityType::Org, Some((e, How::Capital)))
                        if ty == EntityType::Loc || !sporting() =>
                    {
                        let sentence = sentence_of(cx, m.tokens.start);
                        if !modifies_a_name && capital_is_government(cx, &m.tokens, &sentence) {
                            let entry = &g.entries[e];
                            let i = get(&mut drafts, Key::Entry(e), &|| {
                                let mut d = Draft::new(
                                    ActorKind::Country,
                                    entry.name.to_string(),
                                    "gazetteer:capital",
                                    0.85,
                                );
                                d.entry = Some(e);
                                d
                            });
                            drafts[i].add(cx.text, m);
                        } else {
                            // The city as the gazetteer spells it: "WASHINGTON (AP) —" is
                            // Washington.
                            let key = gazetteer::normalise(surface);
                            let name = g.entries[e]
                                .capitals
                                .iter()
                                .find(|c| gazetteer::normalise(c) == key)
                                .map_or_else(|| surface.to_string(), |c| (*c).to_string());
                            let i = get(&mut drafts, Key::Place(key), &|| {
                                Draft::new(
                                    ActorKind::Place,
                                    name.clone(),
                                    "gazetteer:capital-place",
                                    0.85,
                                )
                            });
                            drafts[i].add(cx.text, m);
                        }
                    }
                    (EntityType::Misc, Some((e, How::Plural))) => {
                        let name = surface.to_string();
                        let country = g.entries[e].name;
                        let i = get(
                            &mut drafts,
                            Key::Group(gazetteer::normalise(surface)),
                            &|| {
                                let mut d = Draft::new(
                                    ActorKind::Group,
                                    name.clone(),
                                    "gazetteer:demonym",
                                    0.8,
                                );
                                d.aliases.push(format!("people of {country}"));
                                d
                            },
                        );
                        drafts[i].add(cx.text, m);
                    }
                    (EntityType::Misc, _) => {}
                    // "Mr. Obama" tagged an organisation is a person all the same.
                    (EntityType::Org | EntityType::Loc, _)
                        if m.tokens
                            .start
                            .checked_sub(1)
                            .is_some_and(|k| MR_MRS_MS.contains(&token_text(cx, k))) =>
                    {
                        deferred_persons.push(m)
                    }
                    (EntityType::Org, _) => deferred_single.push(m),
                    (EntityType::Loc, _) => deferred_single.push(m),
                    (EntityType::Per, _) => deferred_persons.push(m),
                }
            }
            Source::Group => {
                let name = surface
                    .strip_prefix("the ")
                    .or_else(|| surface.strip_prefix("The "))
                    .unwrap_or(surface)
                    .to_string();
                let i = get(
                    &mut drafts,
                    Key::Group(gazetteer::normalise(&name)),
                    &|| {
                        Draft::new(
                            ActorKind::Group,
                            name.clone(),
                            "group-pattern",
                            m.confidence,
                        )
                    },
                );
                drafts[i].add(cx.text, m);
            }
            Source::Description => {}
        }
    }
    // Persons: full names first, then a single word joins the full name it ends (a surname).
    let mut singles: Vec<(&Mention, Vec<String>)> = Vec::new();
    // Indexes over the persons, so long texts stay linear.
    let mut by_full: HashMap<(String, String), usize, FxBuild> = HashMap::default();
    let mut by_last: HashMap<String, Vec<usize>, FxBuild> = HashMap::default();
    // Where each person is mentioned, for "the one mentioned last before".
    let mut starts: HashMap<usize, Starts, FxBuild> = HashMap::default();
    // "Bill and Hillary Clinton": a first name alone before "and" and a full name has its
    // surname, unless the text gives that first name another surname ("Hillary and Tim
    // Kaine" where Hillary Clinton is named).
    let full_names = std::cell::OnceCell::new();
    let shared_surname = |m: &Mention, given: &str| -> Option<(String, String)> {
        // "Brandy, Monica and Lauryn Hill": the last two of a list of names are two names
        // ("my parents, James and Olive Meehan" is no list).
        let listed = m.tokens.start.checked_sub(2).is_some_and(|k| {
            token_text(cx, k + 1) == "," && token_text(cx, k).starts_with(char::is_uppercase)
        });
        if token_text(cx, m.tokens.end) != "and" || listed || !resolve::is_first_name(given) {
            return None;
        }
        let full_names: &Vec<(&Mention, Vec<String>)> = full_names.get_or_init(|| {
            deferred_persons
                .iter()
                .map(|&m| (m, name_words(cx.text.get(m.bytes.clone()).unwrap_or(""))))
                .filter(|(_, w)| w.len() >= 2)
                .collect()
        });
        let (next, words) = full_names
            .iter()
            .find(|(n, _)| n.tokens.start == m.tokens.end + 1)?;
        let surname = words.last()?;
        let lower = lower_case(given);
        let elsewhere = full_names
            .iter()
            .any(|(_, w)| w.first().is_some_and(|f| *f == lower) && w.last() != Some(surname));
        let written = cx.text.get(next.bytes.clone())?.split_whitespace().last()?;
        (!elsewhere).then(|| (surname.clone(), format!("{given} {written}")))
    };
    for m in &deferred_persons {
        let surface = cx.text.get(m.bytes.clone()).unwrap_or("");
        let mut words = name_words(surface);
        let mut display = surface.trim().to_string();
        if let [given] = words.as_slice()
            && let Some((surname, full)) = shared_surname(m, surface.trim())
        {
            words = vec![given.clone(), surname];
            display = full;
        }
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        if words.len() < 2 {
            singles.push((m, words));
            continue;
        }
        let key = (first.clone(), last.clone());
        let tail_of = |a: &[String], b: &[String]| a.len() >= 2 && b.ends_with(a);
        // "George W. Bush" and "George H.W. Bush": two names whose middles differ are two
        // people, though one "George Bush" may be either.
        fn middle(w: &[String]) -> &[String] {
            w.get(1..w.len().saturating_sub(1)).unwrap_or(&[])
        }
        let same_middle = |p: usize| {
            let (a, b) = (middle(&drafts[p].words), middle(&words));
            a.is_empty() || b.is_empty() || a == b
        };
        let joined = by_full
            .get(&key)
            .copied()
            .filter(|&p| same_middle(p))
            .or_else(|| {
                by_last.get(last)?.iter().copied().find(|&p| {
                    tail_of(&drafts[p].words, &words) || tail_of(&words, &drafts[p].words)
                })
            });
        let p = match joined {
            Some(p) => {
                by_full.entry(key).or_insert(p);
                p
            }
            None => {
                let mut d = Draft::new(ActorKind::Person, display.clone(), "ner", 0.0);
                d.words = words.clone();
                drafts.push(d);
                let p = drafts.len() - 1;
                by_full.insert(key, p);
                by_last.entry(last.clone()).or_default().push(p);
                p
            }
        };
        if words.len() > drafts[p].words.len() {
            let old = std::mem::replace(&mut drafts[p].name, display);
            drafts[p].words = words;
            drafts[p].alias(&old);
        }
        drafts[p].add(cx.text, m);
        starts.entry(p).or_default().push(m.bytes.start);
    }
    for s in starts.values_mut() {
        s.seal();
    }
    let first_names: std::collections::HashSet<String> =
        by_full.keys().map(|(f, _)| f.clone()).collect();
    // Given names and the other words before a surname ("Hillary", "Lula" of "Luiz Inácio Lula
    // da Silva") → the persons whose full name has them, for a word used alone.
    let mut by_given: HashMap<String, Vec<usize>, FxBuild> = HashMap::default();
    let mut persons: Vec<usize> = by_full.values().copied().collect();
    persons.sort_unstable();
    persons.dedup();
    for &p in &persons {
        let words = &drafts[p].words;
        for w in &words[..words.len().saturating_sub(1)] {
            // Initials and particles ("E.", "da", "van") name nobody alone.
            if w.chars().count() > 2 && w.chars().all(char::is_alphabetic) {
                let fits = by_given.entry(w.clone()).or_default();
                if !fits.contains(&p) {
                    fits.push(p);
                }
            }
        }
    }
    // The genders the persons' first names show ("Hillary Clinton", "Bill Clinton"), and
    // the one an honorific gives a surname alone ("Mrs. Clinton", "Mr. Clinton").
    let mut genders: HashMap<usize, resolve::Gender, FxBuild> = persons
        .iter()
        .filter_map(|&p| {
            let first = drafts[p]
                .name
                .split_whitespace()
                .find(|w| !roles::is_honorific(w))?;
            Some((p, resolve::given_name_gender(first)?))
        })
        .collect();
    let honorific = |m: &Mention| {
        let surface = cx.text.get(m.bytes.clone()).unwrap_or("");
        surface
            .split_whitespace()
            .next()
            .and_then(resolve::honorific_gender)
            .or_else(|| {
                let k = m.tokens.start.checked_sub(1)?;
                resolve::honorific_gender(token_text(cx, k))
            })
    };
    let surname_of = |starts: &HashMap<usize, Starts, FxBuild>,
                      by_last: &HashMap<String, Vec<usize>, FxBuild>,
                      genders: &HashMap<usize, resolve::Gender, FxBuild>,
                      (w, gender): (&str, Option<resolve::Gender>),
                      at: usize| {
        let fits = by_last.get(w)?;
        // "Mrs. Clinton" is not Bill Clinton: an honorific picks the persons of its gender,
        // else those of no known gender.
        let same = gender.is_some() && fits.iter().any(|p| genders.get(p).copied() == gender);
        let fit = |p: &usize| match gender {
            None => true,
            Some(_) if same => genders.get(p).copied() == gender,
            Some(_) => !genders.contains_key(p),
        };
        // Several people share the surname: the one mentioned last before.
        fits.iter()
            .filter(|p| fit(p))
            .filter_map(|&p| Some((starts.get(&p)?.last_before(at)?, p)))
            .max_by_key(|&(last, _)| last)
            .map(|(_, p)| p)
            .or_else(|| fits.iter().copied().find(fit))
    };
    let mut lone_persons: Vec<usize> = Vec::new();
    for (m, words) in singles {
        let surface = cx.text.get(m.bytes.clone()).unwrap_or("").trim();
        let w = words.join(" ");
        let given = match by_given.get(w.as_str()).map(Vec::as_slice) {
            Some(&[p]) => Some(p),
            _ => None,
        };
        let gender = honorific(m);
        let fits_gender =
            |p: &usize| gender.is_none() || genders.get(p).is_none_or(|g| Some(*g) == gender);
        let p = match surname_of(&starts, &by_last, &genders, (&w, gender), m.bytes.start)
            .or(given.filter(fits_gender))
        {
            Some(p) => p,
            None if let Some(&(e, How::Name | How::Alias)) = g
                .lookup_words(m.tokens.clone().map(|k| token_text(cx, k)))
                .first()
                && g.entries[e].kind != EntryKind::Organization
                && !first_names.contains(&w) =>
            {
                // "Connecticut" taken for a person: the gazetteer knows better.
                let i = gazetteer_draft(&mut drafts, &mut get, e);
                drafts[i].add(cx.text, m);
                continue;
            }
            None => {
                // "Mr. Clinton" where the text names only Hillary Clinton in full: the
                // honorific tells the two apart in the list.
                let namesake = by_last.get(&w).is_some_and(|v| !v.is_empty());
                let name = match m.tokens.start.checked_sub(1).map(|k| token_text(cx, k)) {
                    Some(h)
                        if (MR_MRS_MS.contains(&h) || h == "Miss")
                            && gender.is_some()
                            && namesake
                            && !surface.contains(' ') =>
                    {
                        format!("{h} {surface}")
                    }
                    _ => surface.to_string(),
                };
                let mut d = Draft::new(ActorKind::Person, name, "ner", 0.0);
                d.words = vec![w.clone()];
                drafts.push(d);
                let p = drafts.len() - 1;
                lone_persons.push(p);
                by_last.entry(w).or_default().push(p);
                if let Some(g) = gender {
                    genders.insert(p, g);
                }
                p
            }
        };
        drafts[p].add(cx.text, m);
        starts.entry(p).or_default().push(m.bytes.start);
    }
    // Organisations and places the gazetteer does not know: a lone word that is a person's
    // surname is that person; acronyms join their long names.
    let mut orgs_places: Vec<usize> = Vec::new();
    let mut votes: HashMap<usize, (f64, f64)> = HashMap::new();
    for m in deferred_single {
        let surface = cx.text.get(m.bytes.clone()).unwrap_or("").trim();
        let words = name_words(surface);
        if words.len() == 1
            && let Some(p) = surname_of(
                &starts,
                &by_last,
                &genders,
                (&words[0], honorific(m)),
                usize::MAX,
            )
        {
            drafts[p].add(cx.text, m);
            starts.entry(p).or_default().push(m.bytes.start);
            continue;
        }
        // One name is one actor: the tagger's labels for it vote on its kind.
        let is_org = m.source == Source::Ner(EntityType::Org);
        let kind = if is_org {
            ActorKind::Organization
        } else {
            ActorKind::Place
        };
        let key = Key::Name(gazetteer::normalise(surface));
        let name = surface.to_string();
        let before = drafts.len();
        let i = get(&mut drafts, key, &|| {
            Draft::new(kind, name.clone(), "ner", 0.0)
        });
        if drafts.len() > before {
            orgs_places.push(i);
        }
        let v = votes.entry(i).or_insert((0.0, 0.0));
        if is_org {
            v.0 += m.confidence;
        } else {
            v.1 += m.confidence;
        }
        drafts[i].add(cx.text, m);
    }
    for (&i, &(org, place)) in &votes {
        drafts[i].kind = if org >= place {
            ActorKind::Organization
        } else {
            ActorKind::Place
        };
    }
    // Acronyms ("WHO") join the long name whose initials they are.
    let acronym = |name: &str| -> Option<String> {
        let short: String = name.chars().filter(|c| *c != '.').collect();
        (short.len() >= 2 && short.len() <= 8 && short.chars().all(char::is_uppercase))
            .then_some(short)
    };
    let initials: Vec<Option<String>> = orgs_places
        .iter()
        .map(|&b| {
            let d = &drafts[b];
            (d.kind == ActorKind::Organization && d.name.contains(' '))
                .then(|| initials_of(&d.name))
        })
        .collect();
    // The first two long names with each initials (one of them may be the acronym itself).
    let mut by_initials: HashMap<&str, Vec<usize>, FxBuild> = HashMap::default();
    for (&b, i) in orgs_places.iter().zip(&initials) {
        if let Some(i) = i {
            let firsts = by_initials.entry(i.as_str()).or_default();
            if firsts.len() < 2 {
                firsts.push(b);
            }
        }
    }
    for &a in &orgs_places {
        if drafts[a].kind != ActorKind::Organization {
            continue;
        }
        let Some(short) = acronym(&drafts[a].name) else {
            continue;
        };
        let long = by_initials
            .get(short.as_str())
            .and_then(|firsts| firsts.iter().copied().find(|&b| b != a));
        if let Some(b) = long {
            let moved = std::mem::take(&mut drafts[a].mentions);
            let name = drafts[a].name.clone();
            let aliases = std::mem::take(&mut drafts[a].aliases);
            drafts[b].mentions.extend(moved);
            drafts[b].alias(&name);
            for al in aliases {
                drafts[b].alias(&al);
            }
        }
    }
    describe(cx, &mut drafts);
    relocate_lone_names(cx, &mut drafts);
    // After the relocation, so "Millbrook" the place never joins "Millbrook General Hospital".
    join_short_forms(cx, &mut drafts, &lone_persons, &orgs_places, &first_names);
    join_opening_words(&mut drafts);
    join_paper_short_names(&mut drafts);
    drafts.retain(|d| !d.mentions.is_empty());
    // Stable, like sort_by_key, with each draft's first mention found once.
    drafts.sort_by_cached_key(|d| d.mentions.iter().map(|r| r.start).min());
    drafts
}

/// "Northvale" for "Northvale Water", "Goldman" for "Goldman Sachs": a lone word that opens
/// the name of exactly one organisation in the text is that organisation's short form, when
/// the tagger took it for an organisation too, or for a person never titled or addressed
/// ("Mr.") and not a first name; never an acronym ("NBC" of "NBC News"); and only after the
/// full name has been used.
fn join_short_forms(
    cx: &Context,
    drafts: &mut [Draft],
    lone_persons: &[usize],
    orgs: &[usize],
    given_names: &std::collections::HashSet<String>,
) {
    let mut by_first: HashMap<String, Vec<usize>, FxBuild> = HashMap::default();
    for &o in orgs {
        let d = &drafts[o];
        if d.kind != ActorKind::Organization {
            continue;
        }
        let mut words = d.name.split_whitespace();
        if let (Some(first), Some(_)) = (words.next(), words.next()) {
            let first = without_possessives(first).to_lowercase();
            let fits = by_first.entry(first).or_default();
            if !fits.contains(&o) {
                fits.push(o);
            }
        }
    }
    if by_first.is_empty() {
        return;
    }
    let lone_orgs = orgs.iter().copied().filter(|&o| {
        drafts[o].kind == ActorKind::Organization && !drafts[o].name.contains(char::is_whitespace)
    });
    let lone: Vec<usize> = lone_persons.iter().copied().chain(lone_orgs).collect();
    for p in lone {
        let d = &drafts[p];
        let w = match d.kind {
            ActorKind::Person => d.words.first().cloned(),
            _ => Some(without_possessives(&d.name).to_lowercase()),
        };
        let Some(w) = w else {
            continue;
        };
        let Some(&[o]) = by_first.get(w.as_str()).map(Vec::as_slice) else {
            continue;
        };
        // "Sen. Northvale" is titled; "former Northvale managers" is not.
        let titled = d.role.as_deref().is_some_and(|r| {
            r.split_whitespace().next_back().is_some_and(|w| {
                roles::is_title_word(w)
                    && !matches!(
                        lower_case(w).as_ref(),
                        "former"
                            | "acting"
                            | "incumbent"
                            | "outgoing"
                            | "incoming"
                            | "then"
                            | "ex"
                            | "senior"
                            | "top"
                    )
            })
        });
        let honoured = d.mentions.iter().any(|r| {
            let surface = cx.text.get(r.clone()).unwrap_or("");
            let before = cx.text.get(..r.start).unwrap_or("");
            let prev = before.split_whitespace().next_back().unwrap_or("");
            surface.split_whitespace().any(roles::is_honorific) || roles::is_honorific(prev)
        });
        let known_first_name = || {
            let h = gazetteer::phrase_step(0, gazetteer::token_key(&d.name));
            gazetteer().phrase_classes(h) & gazetteer::CLASS_FIRST_NAME != 0
        };
        let person_like = d.kind == ActorKind::Person
            && (titled || honoured || given_names.contains(&w) || known_first_name());
        // "NBC" is not "NBC News", nor "D.C." the "D.C. Court of Appeals".
        let acronym = d.kind == ActorKind::Organization
            && d.name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        if o == p
            || person_like
            || acronym
            || !matches!(d.kind, ActorKind::Person | ActorKind::Organization)
        {
            continue;
        }
        join_short_name(drafts, p, o);
    }
}

/// "Jones Medical" after "Jones Medical Industries Inc", "Johnson Controls" after "Johnson
/// Controls Inc": a "person" or an organisation of two words or more that are the opening
/// words of exactly one organisation's longer name, used first, is that organisation's short
/// form (the tagger reads a company named after its founder as a person).
fn join_opening_words(drafts: &mut [Draft]) {
    let orgs: Vec<(usize, Vec<String>)> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == ActorKind::Organization && !d.mentions.is_empty())
        .map(|(i, d)| (i, name_words(&d.name)))
        .filter(|(_, w)| w.len() >= 3)
        .collect();
    if orgs.is_empty() {
        return;
    }
    for p in 0..drafts.len() {
        let d = &drafts[p];
        if !matches!(d.kind, ActorKind::Person | ActorKind::Organization)
            || d.role.is_some()
            || d.mentions.is_empty()
        {
            continue;
        }
        let short = name_words(&d.name);
        if short.len() < 2 {
            continue;
        }
        let mut fits = orgs
            .iter()
            .filter(|(_, long)| long.len() > short.len() && long.starts_with(&short));
        let (Some(&(o, _)), None) = (fits.next(), fits.next()) else {
            continue;
        };
        join_short_name(drafts, p, o);
    }
}

/// Moves draft `p`'s mentions into `o`, whose alias `p`'s name becomes, when `o` was named
/// first: news names an organisation in full before it shortens the name.
fn join_short_name(drafts: &mut [Draft], p: usize, o: usize) {
    let first = |d: &Draft| d.mentions.iter().map(|r| r.start).min();
    if first(&drafts[o]).is_none_or(|l| first(&drafts[p]).is_some_and(|s| s < l)) {
        return;
    }
    let moved = std::mem::take(&mut drafts[p].mentions);
    let name = drafts[p].name.clone();
    drafts[o].mentions.extend(moved);
    drafts[o].alias(&name);
}

/// "the Post" after "The Washington Post", "the Times" after "The New York Times": a word of
/// the press alone, read as an organisation or a place, is the one paper named in full before
/// it whose name ends in that word.
fn join_paper_short_names(drafts: &mut [Draft]) {
    for p in 0..drafts.len() {
        let d = &drafts[p];
        let word = without_possessives(&d.name);
        if !matches!(d.kind, ActorKind::Organization | ActorKind::Place)
            || !PRESS_WORDS.contains(&word)
        {
            continue;
        }
        let mut papers = (0..drafts.len()).filter(|&o| {
            let long = &drafts[o];
            o != p
                && long.kind == ActorKind::Organization
                && long.name.split_whitespace().count() > 1
                && long.name.split_whitespace().next_back() == Some(word)
        });
        let (Some(o), None) = (papers.next(), papers.next()) else {
            continue;
        };
        join_short_name(drafts, p, o);
    }
}

/// A "person" known by one word only, and mostly after "in", "at" or "from" ("residents of
/// Millbrook", "the summit in Belém") or before the state or country it is in ("Tulsa,
/// Okla."), is a place: people are rarely somewhere's preposition.
fn relocate_lone_names(cx: &Context, drafts: &mut [Draft]) {
    let g = gazetteer();
    for d in drafts.iter_mut() {
        if d.kind != ActorKind::Person || d.name.contains(' ') || d.mentions.is_empty() {
            continue;
        }
        let located = d
            .mentions
            .iter()
            .filter(|r| {
                let before = cx.text.get(..r.start).unwrap_or("");
                let word = before.split_whitespace().next_back().unwrap_or("");
                let in_place = cx
                    .text
                    .get(r.end..)
                    .and_then(|after| after.strip_prefix(", "))
                    .and_then(|after| after.split([',', ';', '\n']).next())
                    .map(|place| place.trim_end_matches(['.', ')']))
                    .filter(|place| !place.is_empty() && place.split(' ').count() <= 3)
                    .is_some_and(|place| {
                        g.lookup(place).iter().any(|&(e, _)| {
                            matches!(g.entries[e].kind, EntryKind::Place | EntryKind::Country)
                        })
                    });
                in_place
                    || matches!(
                        lower_case(word).as_ref(),
                        "in" | "at"
                            | "from"
                            | "near"
                            | "of"
                            | "outside"
                            | "across"
                            | "around"
                            | "downtown"
                    )
            })
            .count();
        if located * 2 > d.mentions.len() {
            d.kind = ActorKind::Place;
        }
    }
}

/// Definite descriptions ("the alliance", "the Western military alliance"): a mention of the
/// one organisation present whose gazetteer nouns include the head noun.
fn describe(cx: &Context, drafts: &mut [Draft]) {
    let g = gazetteer();
    let present: Vec<usize> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.kind == ActorKind::Organization && d.entry.is_some() && !d.mentions.is_empty()
        })
        .map(|(i, _)| i)
        .collect();
    if present.is_empty() {
        return;
    }
    let nouns_of = |d: &Draft| {
        d.entry
            .map(|e| g.entries[e].nouns.clone())
            .unwrap_or_default()
    };
    let all_nouns: Vec<&str> = present.iter().flat_map(|&i| nouns_of(&drafts[i])).collect();
    let is_noun = |w: &str| all_nouns.contains(&w);
    let mut found: Vec<(Range<usize>, String)> = Vec::new();
    for s in &cx.analysis.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if !token_text(cx, i).eq_ignore_ascii_case("the") {
                i += 1;
                continue;
            }
            match groups::description_at(cx.text, &cx.analysis.tokens, s.tokens.clone(), i, is_noun)
            {
                Some((r, noun)) => {
                    i = r.end;
                    found.push((r, noun));
                }
                None => i += 1,
            }
        }
    }
    // Every mention so far, by start, with the furthest end up to each: an overlap test is
    // then a binary search.
    let mut taken: Vec<Range<usize>> = drafts
        .iter()
        .flat_map(|d| d.mentions.iter().cloned())
        .collect();
    taken.sort_by_key(|r| r.start);
    let furthest: Vec<usize> = taken
        .iter()
        .scan(0, |m, r| {
            *m = (*m).max(r.end);
            Some(*m)
        })
        .collect();
    let overlaps = |b: &Range<usize>| {
        let i = taken.partition_point(|r| r.start < b.end);
        i > 0 && furthest[i - 1] > b.start
    };
    for (tokens, noun) in found {
        let fits: Vec<usize> = present
            .iter()
            .copied()
            .filter(|&i| nouns_of(&drafts[i]).contains(&noun.as_str()))
            .collect();
        let [only] = fits[..] else { continue };
        let bytes = byte_range(cx, &tokens);
        if overlaps(&bytes) {
            continue;
        }
        let m = Mention {
            bytes,
            tokens,
            source: Source::Description,
            confidence: 0.7,
            role: None,
        };
        let surface = cx.text.get(m.bytes.clone()).unwrap_or("");
        let alias = match surface.strip_prefix("The ") {
            Some(rest) => format!("the {rest}"),
            None => surface.to_string(),
        };
        drafts[only].mentions.push(m.bytes.clone());
        drafts[only].alias(&alias);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `text` whose words are `words` (the first such run), as a range.
    fn run_of(cx: &Context, words: &[&str]) -> Range<usize> {
        let n = cx.analysis.tokens.len();
        (0..n)
            .find(|&k| (0..words.len()).all(|j| token_text(cx, k + j) == words[j]))
            .map(|k| k..k + words.len())
            .unwrap_or_else(|| panic!("{words:?} not in the text"))
    }

    /// The names `join_name_complements` makes of `entities`, with their kinds.
    fn joined<'t>(
        cx: &Context<'t>,
        entities: &[(Range<usize>, EntityType)],
    ) -> Vec<(&'t str, EntityType)> {
        let t = ner::model().tag_full(cx.text, &cx.analysis);
        let entities = entities
            .iter()
            .map(|(r, kind)| ner::Entity {
                tokens: r.clone(),
                kind: *kind,
                confidence: 0.9,
            })
            .collect();
        join_name_complements(cx, (&t.lower, &t.title_case), entities)
            .iter()
            .map(|e| (&cx.text[byte_range(cx, &e.tokens)], e.kind))
            .collect()
    }

    #[test]
    fn an_institution_takes_its_complement_and_a_paper_its_press_word() {
        let text = "The Commission on Presidential Debates met the Center for Strategic and \
                    International Studies, and then a reporter for USA Today asked them about \
                    the rules of the debate. Kia Motor Corp of South Korea and \
                    Hofstra University on Long Island sued. The Commission on Monday asked the \
                    Council on American-Islamic Relations Executive Director Nihad Awad and \
                    the Centre for Sociological Studies.\n\nSenate Committee on Banks Says \
                    Ohio Today";
        let cx = Context::new(text);
        let one = |words: &[&str]| {
            let r = run_of(&cx, words);
            r.start..r.start + 1
        };
        let commission = one(&["Commission", "on", "Presidential"]);
        let debates = one(&["Debates"]);
        let center = one(&["Center", "for"]);
        let international = run_of(&cx, &["International", "Studies"]);
        let usa = one(&["USA"]);
        let kia = run_of(&cx, &["Kia", "Motor", "Corp"]);
        let korea = run_of(&cx, &["South", "Korea"]);
        let hofstra = run_of(&cx, &["Hofstra", "University"]);
        let island = run_of(&cx, &["Long", "Island"]);
        let monday = one(&["Commission", "on", "Monday"]);
        let council = one(&["Council", "on", "American-Islamic"]);
        let awad = run_of(&cx, &["Nihad", "Awad"]);
        let centre = one(&["Centre"]);
        let studies = run_of(&cx, &["Sociological", "Studies"]);
        let committee = run_of(&cx, &["Senate", "Committee"]);
        let ohio = one(&["Ohio", "Today"]);
        let names = joined(
            &cx,
            &[
                (commission, EntityType::Org),
                // The tagger's reading of the complement alone goes.
                (debates, EntityType::Per),
                (center, EntityType::Org),
                (international, EntityType::Org),
                (usa, EntityType::Loc),
                (kia, EntityType::Org),
                (korea, EntityType::Loc),
                (hofstra, EntityType::Org),
                (island, EntityType::Loc),
                (monday, EntityType::Org),
                (council, EntityType::Org),
                (awad, EntityType::Per),
                (centre, EntityType::Org),
                (studies, EntityType::Per),
                (committee, EntityType::Org),
                (ohio, EntityType::Loc),
            ],
        );
        assert_eq!(
            names,
            [
                ("Commission on Presidential Debates", EntityType::Org),
                (
                    "Center for Strategic and International Studies",
                    EntityType::Org
                ),
                ("USA Today", EntityType::Org),
                // A company's "of" says where it is; a university's "on" too.
                ("Kia Motor Corp", EntityType::Org),
                ("South Korea", EntityType::Loc),
                ("Hofstra University", EntityType::Org),
                ("Long Island", EntityType::Loc),
                // A day is no complement.
                ("Commission", EntityType::Org),
                // A person's name and the title before it end one.
                ("Council on American-Islamic Relations", EntityType::Org),
                ("Nihad Awad", EntityType::Per),
                ("Centre for Sociological Studies", EntityType::Org),
                // In a title-case headline, its verb and "Today" are no part of a name.
                ("Senate Committee on Banks", EntityType::Org),
                ("Ohio", EntityType::Loc),
            ]
        );
    }

    #[test]
    fn a_name_the_gazetteer_knows_longer_takes_its_last_words() {
        let text = "Fighters of the Islamic State met a reporter for the New York Times in \
                    North Carolina on Tuesday, and the Federal Reserve kept rates in New \
                    York City.";
        let cx = Context::new(text);
        let at = |words: &[&str], n: usize| {
            let r = run_of(&cx, words);
            r.start..r.start + n
        };
        let names = joined(
            &cx,
            &[
                (at(&["Islamic", "State"], 1), EntityType::Org),
                (at(&["New", "York"], 1), EntityType::Loc),
                (at(&["York", "Times"], 2), EntityType::Org),
                (at(&["North", "Carolina"], 1), EntityType::Loc),
                (at(&["Federal", "Reserve"], 1), EntityType::Org),
                (at(&["New", "York", "City"], 1), EntityType::Loc),
                (at(&["York", "City"], 2), EntityType::Loc),
            ],
        );
        assert_eq!(
            names,
            [
                ("Islamic State", EntityType::Org),
                ("New York Times", EntityType::Org),
                // "North Carolina on Tuesday": a day is no part of it.
                ("North Carolina", EntityType::Loc),
                ("Federal Reserve", EntityType::Org),
                ("New York City", EntityType::Loc),
            ]
        );
    }

    #[test]
    fn a_capital_after_the_modifies_a_name_or_is_a_slogan() {
        let actors = find_actors(&Context::new(
            "WASHINGTON (AP) — Crowds chanted “Feel the Bern!” at the rally. The Moscow \
             government said the talks would go on. Athletes came to the Berlin Olympics.",
        ));
        let named: Vec<(&str, ActorKind)> =
            actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
        // A dateline's city, as the gazetteer spells it.
        assert!(
            named.contains(&("Washington", ActorKind::Place)),
            "{named:?}"
        );
        assert!(named.contains(&("Russia", ActorKind::Country)), "{named:?}");
        assert!(named.contains(&("Berlin", ActorKind::Place)), "{named:?}");
        assert!(
            !named
                .iter()
                .any(|(n, _)| matches!(*n, "Switzerland" | "Bern" | "Germany")),
            "{named:?}"
        );
    }

    #[test]
    fn a_capitals_mayor_is_the_citys_and_its_position_the_governments() {
        // Past an adjective before the noun, too.
        for text in [
            "London's Muslim mayor said the visit was wrong.",
            "London's new mayor said the visit was wrong.",
        ] {
            assert_eq!(
                names(text),
                [("London".to_string(), ActorKind::Place)],
                "{text}"
            );
        }
        assert!(
            names("Moscow's position has not changed, the ministry said.")
                .contains(&("Russia".to_string(), ActorKind::Country))
        );
        assert!(
            names("Kiev's NATO membership is far off, the minister said.")
                .contains(&("Ukraine".to_string(), ActorKind::Country))
        );
    }

    #[test]
    fn interjections_credits_buildings_and_plural_titles_are_read_as_such() {
        let actors = find_actors(&Context::new(
            "Senators weigh in\n\nSens. Jeff Merkley (D-Ore.) and Sherrod Brown (D-Ohio) \
             spoke on Monday. “Well, we will get used to it,” Merkley said. Fox News anchor \
             Megyn Kelly was seen entering Trump Tower in New York City on Tuesday.\n\n\
             Laura Cavanaugh via Getty Images.",
        ));
        let named: Vec<(&str, ActorKind, Option<&str>)> = actors
            .iter()
            .map(|a| (a.name.as_str(), a.kind, a.role.as_deref()))
            .collect();
        assert!(
            named.contains(&("Jeff Merkley", ActorKind::Person, None)),
            "{named:?}"
        );
        assert!(
            named.contains(&("Trump Tower", ActorKind::Place, None)),
            "{named:?}"
        );
        assert!(
            named.contains(&("Getty Images", ActorKind::Organization, None)),
            "{named:?}"
        );
        assert!(
            !named
                .iter()
                .any(|(n, ..)| matches!(*n, "Well" | "Sens" | "Sens.")),
            "{named:?}"
        );
    }

    #[test]
    fn a_faith_or_affiliation_alone_names_nobody() {
        let actors = find_actors(&Context::new(
            "Trump proposed a ban on Muslim immigrants. Latino voters and the Hispanic \
             community turned out, and radical Islamic terrorism was debated in Ohio.",
        ));
        let named: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert!(named.contains(&"Ohio"), "{named:?}");
        assert!(
            !named
                .iter()
                .any(|n| matches!(*n, "Muslim" | "Latino" | "Hispanic" | "Islamic")),
            "{named:?}"
        );
    }

    #[test]
    fn a_dateline_place_is_named_as_written_elsewhere_or_in_title_case() {
        let text = "HEMPSTEAD, N.Y. — Rain fell. LA CROSSE, Wis. — Snow fell. NYC got hail. \
                    MCALLEN was hot, and McAllen stayed hot.";
        let cx = Context::new(text);
        let at = |word: &str| {
            let start = text.find(word).expect("in the text");
            start..start + word.len()
        };
        let case = |name: &str, mentions: &[&str]| {
            let mentions: Vec<Range<usize>> = mentions.iter().map(|m| at(m)).collect();
            dateline_case(&cx, name, &mentions)
        };
        assert_eq!(case("HEMPSTEAD", &["HEMPSTEAD"]), "Hempstead");
        assert_eq!(case("LA CROSSE", &["LA CROSSE"]), "La Crosse");
        assert_eq!(case("NYC", &["NYC"]), "NYC");
        assert_eq!(case("MCALLEN", &["MCALLEN", "McAllen"]), "McAllen");
        let names: Vec<String> = find_actors(&cx).into_iter().map(|a| a.name).collect();
        assert!(names.iter().any(|n| n == "Hempstead"), "{names:?}");
    }

    #[test]
    fn the_post_after_the_washington_post_is_the_paper() {
        let actors = find_actors(&Context::new(
            "The Washington Post reported on Monday that the deal was off. Officials told the \
             Post that talks would resume, and a Post reporter was there.",
        ));
        let named: Vec<(&str, usize)> = actors
            .iter()
            .map(|a| (a.name.as_str(), a.mentions.len()))
            .collect();
        let paper = actors.iter().find(|a| a.name.ends_with("Washington Post"));
        assert!(paper.is_some_and(|a| a.mentions.len() >= 2), "{named:?}");
        assert!(!named.iter().any(|(n, _)| *n == "Post"), "{named:?}");
    }

    #[test]
    fn the_head_noun_of_a_name_with_a_complement_describes_it() {
        let text = "The Commission on Presidential Debates said the rules stood. The \
                    commission said the microphone worked. Reuters reported it.";
        let doc = crate::extract::extract(&crate::article::Article::new("t", "", "t", text));
        let name = |id: Option<&str>| {
            doc.actors
                .iter()
                .find(|a| Some(a.id.as_str()) == id)
                .map(|a| a.name.as_str())
        };
        let speakers: Vec<Option<&str>> = doc
            .claims
            .iter()
            .map(|c| name(c.actor.as_deref()))
            .collect();
        assert_eq!(
            speakers[..2],
            [Some("Commission on Presidential Debates"); 2],
            "{:#?}",
            doc.actors
        );
    }

    #[test]
    fn a_headline_run_on_of_names_splits_into_the_names() {
        let text = "Chris Christie Calls Hillary Clinton A Disgrace Over Police Comments.\n\n\
                    New Jersey Gov. Chris Christie said Hillary Clinton was wrong, and the \
                    New York Energy Desk agreed with the New York office.\n\n\
                    -- Harry Milling, New York Energy Desk Today";
        let cx = Context::new(text);
        let e = |r: Range<usize>, kind| ner::Entity {
            tokens: r,
            kind,
            confidence: 0.9,
        };
        let run_on = run_of(&cx, &["Chris", "Christie", "Calls", "Hillary", "Clinton"]);
        let christie = run_of(&cx, &["Chris", "Christie", "said"]);
        let clinton = run_of(&cx, &["Hillary", "Clinton", "was"]);
        let new_york = run_of(&cx, &["New", "York", "office"]);
        let desk = run_of(&cx, &["New", "York", "Energy", "Desk", "Today"]);
        let t = ner::model().tag_full(cx.text, &cx.analysis);
        let out = split_headline_run_ons(
            &cx,
            (&t.lower, &t.title_case),
            vec![
                e(run_on.clone(), EntityType::Per),
                e(christie.start..christie.end - 1, EntityType::Per),
                e(clinton.start..clinton.end - 1, EntityType::Per),
                e(new_york.start..new_york.end - 1, EntityType::Loc),
                // A sign-off line in title case: one name inside is no run-on.
                e(desk.start..desk.end - 1, EntityType::Org),
            ],
        );
        let spans: Vec<(Range<usize>, EntityType)> =
            out.into_iter().map(|e| (e.tokens, e.kind)).collect();
        assert_eq!(
            spans[..2],
            [
                (run_on.start..run_on.start + 2, EntityType::Per),
                (run_on.end - 2..run_on.end, EntityType::Per)
            ]
        );
        assert_eq!(spans.len(), 6);
        assert_eq!(spans[5], (desk.start..desk.end - 1, EntityType::Org));
    }

    #[test]
    fn a_headline_person_ending_in_a_verb_is_the_name_the_body_gives() {
        let text = "Lindsey Graham Says Trump Will Win. Pence Gives Speech. Yvonne McGregor \
                    Wins Gold.\n\nSen. Lindsey Graham spoke. Mike Pence spoke. Yvonne won.";
        let cx = Context::new(text);
        let per = |r: Range<usize>| ner::Entity {
            tokens: r,
            kind: EntityType::Per,
            confidence: 0.9,
        };
        let says = run_of(&cx, &["Lindsey", "Graham", "Says"]);
        let gives = run_of(&cx, &["Pence", "Gives"]);
        let mcgregor = run_of(&cx, &["Yvonne", "McGregor"]);
        let graham = run_of(&cx, &["Lindsey", "Graham", "spoke"]);
        let pence = run_of(&cx, &["Mike", "Pence", "spoke"]);
        let yvonne = run_of(&cx, &["Yvonne", "won"]);
        let t = ner::model().tag_full(cx.text, &cx.analysis);
        let out = split_headline_run_ons(
            &cx,
            (&t.lower, &t.title_case),
            vec![
                per(says.clone()),
                per(gives.clone()),
                per(mcgregor.clone()),
                per(graham.start..graham.end - 1),
                per(pence.start..pence.end - 1),
                per(yvonne.start..yvonne.end - 1),
            ],
        );
        let spans: Vec<Range<usize>> = out.into_iter().map(|e| e.tokens).collect();
        assert_eq!(spans[0], says.start..says.end - 1);
        // A surname the body gives is a name of one word...
        assert_eq!(spans[1], gives.start..gives.end - 1);
        // ... a given name is not.
        assert_eq!(spans[2], mcgregor);
    }

    #[test]
    fn a_law_names_nobody_and_a_programme_speaks_as_an_outlet() {
        let kinds = |text: &str| -> Vec<(String, ActorKind)> {
            find_actors(&Context::new(text))
                .into_iter()
                .map(|a| (a.name, a.kind))
                .collect()
        };
        let found = kinds(
            "Senator Joe Manchin said the Fair Sentencing Act and the Fifth Amendment \
             protect voters.",
        );
        assert!(
            !found
                .iter()
                .any(|(n, _)| n.ends_with("Act") || n.ends_with("Amendment")),
            "{found:?}"
        );
        let found = kinds("Clinton spoke on The Steve Harvey Morning Show on Tuesday.");
        assert!(
            found
                .iter()
                .all(|(n, k)| !n.ends_with("Show") || *k == ActorKind::Organization),
            "{found:?}"
        );
    }

    #[test]
    fn a_beauty_pageants_title_names_nobody() {
        let text = "Trump attacked former Miss Universe Alicia Machado on Friday. He called \
                    a former Miss Universe disgusting. Machado said he was cruel.";
        let actors = find_actors(&Context::new(text));
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"Alicia Machado"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Universe")), "{names:?}");
        assert!(
            actors
                .iter()
                .flat_map(|a| &a.mentions)
                .all(|m| !m.text.contains("Universe")),
            "{actors:#?}"
        );
    }

    #[test]
    fn a_headline_run_on_is_two_actors_in_the_whole_pipeline() {
        let text = "Chris Christie Calls Hillary Clinton A Disgrace Over Police Comments.\n\n\
                    New Jersey Gov. Chris Christie described Hillary Clinton as a disgrace. \
                    Clinton said it was wrong.";
        let names: Vec<String> = find_actors(&Context::new(text))
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert!(names.iter().any(|n| n == "Chris Christie"), "{names:?}");
        assert!(names.iter().any(|n| n == "Hillary Clinton"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Calls")), "{names:?}");
    }

    #[test]
    fn a_name_only_a_title_case_headline_gives_is_no_actor_when_it_reads_as_headline_words() {
        let names = |text: &str| -> Vec<String> {
            find_actors(&Context::new(text))
                .into_iter()
                .map(|a| a.name)
                .collect()
        };
        let text = "Megyn Kelly Was Just Spotted Walking Into The Last Place Anyone Would Expect \
                    Her To.\n\nFox News anchor Megyn Kelly was seen entering a tower in New \
                    York. Kelly declined to comment.";
        let found = names(text);
        assert!(found.iter().any(|n| n == "Megyn Kelly"), "{found:?}");
        for junk in ["Spotted", "Anyone", "Expect"] {
            assert!(!found.iter().any(|n| n.contains(junk)), "{found:?}");
        }
        // Names that read as names stay: a paper, an acronym, a first and a last name.
        let found = names(
            "NY Daily News: Paris Terror Attacks Highlight Threat Posed by NRA.\n\nThe paper \
             said the lobby was to blame.",
        );
        for name in ["NY Daily News", "NRA"] {
            assert!(found.iter().any(|n| n == name), "{found:?}");
        }
        assert!(!found.iter().any(|n| n.contains("Posed")), "{found:?}");
        let found = names("Ann Coulter Blasts RNC Over Debate.\n\nThe columnist was angry.");
        assert!(found.iter().any(|n| n == "Ann Coulter"), "{found:?}");
        // Only a title-case first line is such a headline; a text of one line has none.
        assert!(title_case_line(
            "Megyn Kelly Was Just Spotted Walking Into The Last Place"
        ));
        assert!(title_case_line(
            "Stealth Over Health: Hillary Clinton Was Headed to ER."
        ));
        assert!(!title_case_line("SOCCER - STEALTH OVER HEALTH AT LEEDS ."));
        assert!(!title_case_line(
            "Stealth over health: Hillary Clinton was headed to the ER."
        ));
        let found = names("Stealth Over Health: Hillary Clinton Was Headed to ER.");
        assert!(found.iter().any(|n| n.starts_with("Stealth")), "{found:?}");
        let found = names("Stealth Over Health: Hillary Clinton Was Headed to ER.\n\nShe was ill.");
        assert!(!found.iter().any(|n| n.starts_with("Stealth")), "{found:?}");
    }

    #[test]
    fn a_first_name_before_and_and_a_full_name_shares_its_surname() {
        let text = "Charles and David Koch gave. Bill and Hillary Clinton visited Iowa.\n\n\
                    Hillary and Tim Kaine waved. Brandy, Monica and Lauryn Hill sang.";
        let names: Vec<String> = find_actors(&Context::new(text))
            .into_iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| a.name)
            .collect();
        for name in [
            "Charles Koch",
            "David Koch",
            "Bill Clinton",
            "Hillary Clinton",
            "Tim Kaine",
        ] {
            assert!(names.iter().any(|n| n == name), "{names:?}");
        }
        // Hillary has her own surname in the text: she is no Kaine; Monica ends a list.
        assert!(
            !names
                .iter()
                .any(|n| n.ends_with("Kaine") && n != "Tim Kaine"),
            "{names:?}"
        );
        assert!(!names.iter().any(|n| n == "Monica Hill"), "{names:?}");
    }

    #[test]
    fn an_honorific_tells_namesakes_apart() {
        let text = "Bill Clinton campaigned for Hillary Clinton in Iowa. Mrs. Clinton thanked \
                    him. Mr. Clinton spoke first. Later Mrs. Clinton left.\n\n\
                    Donald Trump and Ivana Trump divorced. Mr. Trump remarried.";
        let actors = find_actors(&Context::new(text));
        let mentions = |name: &str| -> Vec<usize> {
            actors
                .iter()
                .find(|a| a.name == name)
                .map(|a| a.mentions.iter().map(|m| m.start).collect())
                .unwrap_or_default()
        };
        // Where the surname after the honorific starts, in code points.
        let at = |needle: &str| {
            let b = text.find(needle)? + needle.find("Clinton")?;
            Some(text[..b].chars().count())
        };
        let (mrs, mr) = (at("Mrs. Clinton thanked"), at("Mr. Clinton spoke"));
        assert!(mentions("Hillary Clinton").contains(&mrs.expect("Mrs.")));
        assert!(mentions("Bill Clinton").contains(&mr.expect("Mr.")));
        assert_eq!(mentions("Hillary Clinton").len(), 3);
        assert_eq!(mentions("Bill Clinton").len(), 2);
        // Ivana is no name the list knows: "Mr. Trump" goes to the man it knows, not the
        // one mentioned last.
        assert_eq!(mentions("Donald Trump").len(), 2);
        assert_eq!(mentions("Ivana Trump").len(), 1);
        // A surname whose only full name is of the other gender is a person of its own.
        let text = "Hillary Clinton spoke in Iowa. Her rival attacked Mr. Clinton on Monday.";
        let names: Vec<String> = find_actors(&Context::new(text))
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert!(names.iter().any(|n| n == "Mr. Clinton"), "{names:?}");
    }

    #[test]
    fn a_headline_name_ending_in_a_surname_the_body_gives_ends_there() {
        let text = "Hillary Clinton Goes After Donald Trump.\n\n\
                    HEMPSTEAD, N.Y. — If it worked against Mitt Romney, it might work against \
                    Trump. Clinton attacked her opponent. Clinton said he was a fraud.";
        let names: Vec<String> = find_actors(&Context::new(text))
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert!(names.iter().any(|n| n == "Hillary Clinton"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Goes")), "{names:?}");
    }

    #[test]
    fn a_headline_with_one_long_word_in_lower_case_is_still_a_headline() {
        // "this" breaks strict title case; the run-on name still ends where the body's does.
        let text = "Politifact: Donald Trump Is Right, ‘Thousands of Shootings’ in Chicago \
                    this Year.\n\nDonald Trump said there were thousands of shootings. \
                    Trump said it was a war zone.";
        let names: Vec<String> = find_actors(&Context::new(text))
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert!(names.iter().any(|n| n == "Donald Trump"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Right")), "{names:?}");
    }

    #[test]
    fn a_headline_name_ends_before_a_headline_verb_the_body_never_names() {
        // Related links at an article's foot: their people are named nowhere else.
        let text = "The debate ran long\n\nVoters were tired by the end.\n\n\
                    Mike Huckabee Makes Sexist Wife Joke\n\n\
                    Marco Rubio Responds To Critics At Length\n\n\
                    Bernie Sanders Could Backfire On Democrats";
        let names: Vec<String> = find_actors(&Context::new(text))
            .into_iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| a.name)
            .collect();
        for name in ["Mike Huckabee", "Marco Rubio", "Bernie Sanders"] {
            assert!(names.iter().any(|n| n == name), "{name}: {names:?}");
        }
        assert_eq!(names.len(), 3, "{names:?}");
    }

    #[test]
    fn a_persons_name_the_tagger_runs_on_ends_before_a_preposition() {
        for (text, name) in [
            (
                "The ruling drew sharp words. “This is a strange case,” wrote Judge Richard A. \
                 Posner of the United States Court of Appeals for the Seventh Circuit.",
                "Richard A. Posner",
            ),
            (
                "Protesters gathered outside the arena. Photo by Scott Olson via Getty Images.",
                "Scott Olson",
            ),
        ] {
            let actors = find_actors(&Context::new(text));
            let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
            assert!(names.contains(&name), "{names:?}");
        }
    }

    #[test]
    fn a_day_or_a_month_after_a_name_is_no_part_of_it() {
        let text = "The senator spoke to reporters after the vote. \"It is a shame,\" she told \
                    Bloomberg News in October. The candidate told Breitbart News Saturday that \
                    the race was close, days before Super Tuesday.";
        let actors = find_actors(&Context::new(text));
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"Bloomberg News"), "{names:?}");
        assert!(names.contains(&"Breitbart News"), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| n.contains("October") || n.contains("Saturday")),
            "{names:?}"
        );
        assert!(!names.contains(&"Super"), "{names:?}");
    }

    #[test]
    fn a_headline_name_the_body_gives_alone_ends_before_a_headline_word() {
        let text = "President Obama Says He Will Veto Bill\n\n\
                    WASHINGTON — President Obama said on Tuesday that he would veto the bill. \
                    Obama told reporters the measure was flawed.";
        let actors = find_actors(&Context::new(text));
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"Obama"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Says")), "{names:?}");
    }

    #[test]
    fn a_title_leaves_no_person_of_an_organisation_or_a_headline_verb() {
        for (text, junk) in [
            (
                "It was under Mr. Ban's watch that the General Assembly voted.",
                "Assembly",
            ),
            (
                "Retired General Reveals ‘Demoralizing’ Experience Of Service\n\nHe spoke.",
                "Reveals",
            ),
            (
                "Obama Seeks More Muslim Refugees As He Recognizes Major Holiday.\n\n\
                 Obama spoke.",
                "Holiday",
            ),
        ] {
            let actors = actors_of(text);
            assert!(
                !actors
                    .iter()
                    .any(|a| a.kind == ActorKind::Person && a.name == junk),
                "{actors:#?}"
            );
        }
    }

    #[test]
    fn platforms_and_networks_are_organisations() {
        let actors = actors_of(
            "During the debate, Twitter announced a record. Video of it spread on Instagram, \
             and MSNBC aired it.",
        );
        for name in ["Twitter", "Instagram", "MSNBC"] {
            let kind = actors.iter().find(|a| a.name == name).map(|a| a.kind);
            assert_eq!(kind, Some(ActorKind::Organization), "{name}: {actors:#?}");
        }
    }

    #[test]
    fn a_faith_a_party_or_a_demonym_is_no_persons_name() {
        let cx = Context::new(
            "Obama Seeks More Muslim Refugees. Leahy, Democrat of Vermont, and a Virginian \
             spoke with Ukrainians, Christians and Sen. Bob Christian.",
        );
        let one = |w: &str| run_of(&cx, &[w]);
        for w in ["Muslim", "Democrat", "Ukrainians", "Christians"] {
            assert!(affiliation(&cx, &one(w)), "{w}");
        }
        assert!(!affiliation(&cx, &one("Leahy")));
        assert!(!affiliation(&cx, &run_of(&cx, &["Bob", "Christian"])));
    }

    #[test]
    fn a_party_and_state_label_is_no_actor() {
        let cx = Context::new(
            "Rep. Jason Chaffetz (R-Utah) and Sen. Cory Booker, D-N.J., and R. Kelly.",
        );
        // Whatever the tokenizer makes of the labels: the tokens from their first letter.
        let tokens_of = |from: &str, words: usize| {
            let at = cx.text.find(from).unwrap_or_else(|| panic!("{from}"));
            let k = cx.analysis.tokens.partition_point(|t| t.start < at);
            k..k + words
        };
        assert!(party_label(&cx, &tokens_of("R-Utah", 1)));
        assert!(party_label(&cx, &tokens_of("D-N.J.", 1)));
        assert!(!party_label(&cx, &run_of(&cx, &["Jason", "Chaffetz"])));
        assert!(!party_label(&cx, &tokens_of("R. Kelly", 2)));
    }

    #[test]
    fn a_lone_name_before_its_state_is_a_place() {
        let actors =
            actors_of("Clinton criticized Tulsa, Okla., police officer Betty Shelby on Tuesday.");
        let tulsa = actors.iter().find(|a| a.name == "Tulsa");
        assert_eq!(tulsa.map(|a| a.kind), Some(ActorKind::Place), "{actors:#?}");
        // So is a place whose last word heads organisations' names, but not an item of a list.
        assert!(
            names("NEWPORT NEWS, Va. - Rep. Robert Scott spoke at a picnic.")
                .contains(&("Newport News".to_string(), ActorKind::Place))
        );
        assert!(
            names("It partners with the U.S. Army, U.S. Air Force and NASA.")
                .contains(&org("U.S. Army"))
        );
        // A list of names is no name and its place.
        let actors = actors_of("Clinton, Obama and others spoke. Clinton said it was wrong.");
        let clinton = actors.iter().find(|a| a.name == "Clinton");
        assert_eq!(
            clinton.map(|a| a.kind),
            Some(ActorKind::Person),
            "{actors:#?}"
        );
    }

    #[test]
    fn a_particle_joins_the_parts_of_a_name_and_a_regnal_number_ends_it() {
        let text = "Joost Van der Westhuizen scored. Henry VIII wed. Elizabeth I think so.\n\
                    Gerard\nde Nooijer ran.";
        let cx = Context::new(text);
        let per = |r: Range<usize>| ner::Entity {
            tokens: r,
            kind: EntityType::Per,
            confidence: 0.9,
        };
        let van = run_of(&cx, &["Joost", "Van"]);
        let west = run_of(&cx, &["Westhuizen"]);
        let henry = run_of(&cx, &["Henry"]);
        let liz = run_of(&cx, &["Elizabeth"]);
        let gerard = run_of(&cx, &["Gerard"]);
        let nooijer = run_of(&cx, &["Nooijer"]);
        let out = join_person_parts(
            &cx,
            vec![
                per(van.clone()),
                per(west.clone()),
                per(henry.clone()),
                per(liz.clone()),
                per(gerard.clone()),
                per(nooijer.clone()),
            ],
        );
        let spans: Vec<Range<usize>> = out.into_iter().map(|e| e.tokens).collect();
        assert_eq!(
            spans,
            [
                van.start..west.end,
                henry.start..henry.end + 1,
                liz,
                gerard,
                nooijer
            ]
        );
    }

    #[test]
    fn two_names_joined_by_and_are_split_when_either_stands_alone() {
        let text = "Lotte and Hyundai won. Lotte beat the Securities and Exchange Commission.";
        let cx = Context::new(text);
        let lower: Vec<u64> = (0..cx.analysis.tokens.len())
            .map(|k| ner::word_hash(token_text(&cx, k)))
            .collect();
        let org = |r: Range<usize>| ner::Entity {
            tokens: r,
            kind: EntityType::Org,
            confidence: 0.9,
        };
        let joined = run_of(&cx, &["Lotte", "and", "Hyundai"]);
        let lone = run_of(&cx, &["Lotte", "beat"]).start;
        let sec = run_of(&cx, &["Securities", "and", "Exchange", "Commission"]);
        let out = split_coordinated(
            &cx,
            &lower,
            vec![org(joined.clone()), org(lone..lone + 1), org(sec.clone())],
        );
        let spans: Vec<Range<usize>> = out.into_iter().map(|e| e.tokens).collect();
        assert_eq!(
            spans,
            [
                joined.start..joined.start + 1,
                joined.end - 1..joined.end,
                lone..lone + 1,
                sec,
            ]
        );
    }

    #[test]
    fn head_nouns_are_found_whatever_their_case() {
        let kind = |w: &str| head_nouns().get(&ner::word_hash(w)).copied();
        assert_eq!(kind("Agency"), Some(EntityType::Org));
        assert_eq!(kind("CORP."), Some(EntityType::Org));
        assert_eq!(kind("Street"), Some(EntityType::Loc));
        assert_eq!(kind("Agencies"), None);
        assert_eq!(kind("Stoltenberg"), None);
    }

    #[test]
    fn recognises_acronyms_of_long_names() {
        assert!(is_acronym_of("WHO", "World Health Organization"));
        assert!(is_acronym_of("U.N.", "United Nations"));
        assert!(!is_acronym_of("UN", "European Union"));
        assert!(!is_acronym_of("Un", "United Nations"));
    }

    #[test]
    fn name_words_drop_honorifics_and_possessives() {
        assert_eq!(name_words("Mr. Rasmussen's"), ["rasmussen"]);
    }

    fn kind_of_whole_text(text: &str) -> Option<EntityType> {
        let cx = Context::new(text);
        head_kind(&cx, &(0..cx.analysis.tokens.len()))
    }

    #[test]
    fn an_institutions_or_places_last_word_gives_its_kind() {
        assert_eq!(kind_of_whole_text("Northvale Water"), Some(EntityType::Org));
        assert_eq!(
            kind_of_whole_text("Millbrook General Hospital"),
            Some(EntityType::Org)
        );
        assert_eq!(kind_of_whole_text("Maple Street"), Some(EntityType::Loc));
        assert_eq!(kind_of_whole_text("Gareth Pryce"), None);
        // One word is too little to go on ("Water" alone may be a surname's neighbour).
        assert_eq!(kind_of_whole_text("Agency"), None);
    }

    fn actors_of(text: &str) -> Vec<Actor> {
        find_actors(&Context::new(text))
    }

    /// The names and kinds of the actors found in `text`, in order.
    fn names(text: &str) -> Vec<(String, ActorKind)> {
        actors_of(text)
            .into_iter()
            .map(|a| (a.name, a.kind))
            .collect()
    }

    fn person(name: &str) -> (String, ActorKind) {
        (name.to_string(), ActorKind::Person)
    }

    fn org(name: &str) -> (String, ActorKind) {
        (name.to_string(), ActorKind::Organization)
    }

    /// The names of the persons among `actors`, in order.
    fn person_names(actors: &[Actor]) -> Vec<&str> {
        actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| a.name.as_str())
            .collect()
    }

    #[test]
    fn a_sentence_opening_verb_of_saying_is_no_part_of_a_name() {
        let actors = actors_of("It rained. Said Ellis: \"I do not get it.\"");
        assert!(actors.iter().any(|a| a.name == "Ellis"), "{actors:#?}");
        assert!(actors.iter().all(|a| !a.name.starts_with("Said")));
    }

    #[test]
    fn a_name_cut_at_its_middle_initial_is_one_person_whatever_the_second_parts_kind() {
        // The tagger reads "Ronald" | "R. Fieldstone" here, the second part as a place.
        let actors = actors_of(
            "\"There is a need for more oversight,\" said Ronald R. Fieldstone, a Miami lawyer.",
        );
        let people = person_names(&actors);
        assert_eq!(people, ["Ronald R. Fieldstone"], "{actors:#?}");
        assert!(actors.iter().all(|a| !a.name.starts_with("R.")));
    }

    #[test]
    fn a_name_ends_before_a_bracket_it_does_not_close() {
        let words = ["Rad", "(", "(", "X", ")", "Y", "]", "Z", "(", "B", ")"];
        let first = |r: Range<usize>| ner::first_unclosed_bracket(r, |k| words[k]);
        assert_eq!(first(0..6), Some(1));
        assert_eq!(first(2..6), None);
        assert_eq!(first(5..8), None);
        assert_eq!(first(7..10), Some(8));
        assert_eq!(first(7..11), None);
        let actors = actors_of(
            "Results: Mladost (L) 2 Proleter (Z) 1. The California Department of \
             Transportation (Caltrans said no.",
        );
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"Mladost"), "{names:?}");
        assert!(
            names.contains(&"California Department of Transportation"),
            "{names:?}"
        );
        assert!(names.iter().all(|n| !n.contains('(')), "{names:?}");
        // Cut before its bracket, the place the tagger made of a surname joins the name.
        let actors = actors_of(
            "Former Maryland Gov. Martin O’Malley (D) and former Arkansas Gov. Mike Huckabee \
             (R) announced they will suspend their campaigns.",
        );
        let people = person_names(&actors);
        assert_eq!(people, ["Martin O’Malley", "Mike Huckabee"], "{actors:#?}");
    }

    #[test]
    fn a_name_run_on_through_of_is_a_person_and_where_they_work() {
        let actors = actors_of(
            "Mr. Trump has hired Stephen K. Bannon of Breitbart News, a conservative website. \
             The governor, John Kasich of Ohio, said no.",
        );
        let kinds: Vec<(&str, ActorKind)> =
            actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
        for want in [
            ("Stephen K. Bannon", ActorKind::Person),
            ("Breitbart News", ActorKind::Organization),
            ("John Kasich", ActorKind::Person),
            ("Ohio", ActorKind::Place),
        ] {
            assert!(kinds.contains(&want), "{want:?} in {kinds:?}");
        }
        // An unlisted first name, when what follows "of" is an organisation.
        assert_eq!(
            names("Megyn Kelly of Fox News said the debate was fair."),
            [person("Megyn Kelly"), org("Fox News")]
        );
    }

    #[test]
    fn a_first_name_and_an_irish_surname_are_one_person() {
        // The tagger stops at "Larry" and at "Ann" here.
        let actors = actors_of(
            "“She is wary of it,” wrote Larry O’Connor on Hot Air. Policy adviser Ann \
             O’Leary held a series of small roundtables with teachers.",
        );
        let people = person_names(&actors);
        assert_eq!(people, ["Larry O’Connor", "Ann O’Leary"], "{actors:#?}");
    }

    #[test]
    fn a_name_with_a_typographic_apostrophe_is_read_as_with_a_straight_one() {
        for name in ["Norah O’Donnell", "Norah O'Donnell"] {
            let actors = actors_of(&format!(
                "The interview aired Sunday. {name} said the talks had stalled."
            ));
            let people = person_names(&actors);
            assert_eq!(people, [name], "{actors:#?}");
        }
    }

    #[test]
    fn a_surname_the_tagger_splits_off_after_a_title_stays_with_the_name() {
        for name in ["Martin O'Malley", "Martin O’Malley"] {
            let actors = actors_of(&format!(
                "Former Maryland Gov. {name} said the plan would fail."
            ));
            let person = actors
                .iter()
                .find(|a| a.kind == ActorKind::Person)
                .expect("a person");
            assert_eq!(person.name, name, "{actors:#?}");
            assert_eq!(person.role.as_deref(), Some("Former Maryland Gov."));
            assert!(
                actors
                    .iter()
                    .all(|a| !a.name.contains("Malley") || a.name == name),
                "{actors:#?}"
            );
        }
        // "Plan B." is no surname.
        let actors = actors_of("There is no Plan B. Obama said so.");
        assert!(actors.iter().all(|a| a.name != "Plan B."), "{actors:#?}");
    }

    #[test]
    fn a_name_the_tagger_mostly_reads_as_a_person_is_one_person() {
        let kinds = |text: &str| -> Vec<(String, ActorKind)> {
            actors_of(text)
                .into_iter()
                .filter(|a| a.name == "Trayvon Martin")
                .map(|a| (a.name, a.kind))
                .collect()
        };
        // Tagged a place once and a person twice: one person.
        assert_eq!(
            kinds(
                "The shooting of Trayvon Martin changed the debate. Trayvon Martin was \
                 killed in 2012. Trayvon Martin was 17."
            ),
            [("Trayvon Martin".to_string(), ActorKind::Person)]
        );
    }

    #[test]
    fn a_person_and_an_organisation_of_one_name_are_one_actor() {
        // Mentions by where they start, each eight bytes long.
        let draft = |kind, name: &str, starts: &[usize], confidence| {
            let mut d = Draft::new(kind, name.to_string(), "ner", confidence);
            d.mentions = starts.iter().map(|&s| s..s + 8).collect();
            d
        };
        let starts = |d: &Draft| d.mentions.iter().map(|m| m.start).collect::<Vec<_>>();
        let merged = merge_namesakes(vec![
            draft(ActorKind::Person, "Fox News", &[0], 0.53),
            draft(ActorKind::Place, "New York", &[10], 0.9),
            draft(ActorKind::Organization, "Fox News", &[20, 40], 0.6),
            draft(ActorKind::Organization, "New York", &[30], 0.6),
            draft(ActorKind::Person, "Trump", &[50], 0.9),
            draft(ActorKind::Place, "Trump", &[60], 0.5),
        ]);
        let got: Vec<(&str, ActorKind, Vec<usize>)> = merged
            .iter()
            .map(|d| (d.name.as_str(), d.kind, starts(d)))
            .collect();
        assert_eq!(
            got,
            [
                // A place and an organisation of one name stay two (a city and its team).
                ("New York", ActorKind::Place, vec![10]),
                // More mentions as an organisation: one organisation, with every mention,
                // where the organisation was.
                ("Fox News", ActorKind::Organization, vec![20, 40, 0]),
                ("New York", ActorKind::Organization, vec![30]),
                // One word stays as the tagger read it.
                ("Trump", ActorKind::Person, vec![50]),
                ("Trump", ActorKind::Place, vec![60]),
            ]
        );
        // On a tie, the surer reading.
        let merged = merge_namesakes(vec![
            draft(ActorKind::Organization, "Megyn Kelly", &[0], 0.5),
            draft(ActorKind::Person, "Megyn Kelly", &[20], 0.9),
        ]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].kind, ActorKind::Person);
        assert_eq!(starts(&merged[0]), [20, 0]);
    }

    #[test]
    fn pronouns_and_contractions_are_nobodys_names() {
        let actors = actors_of(
            "“I’m sick of it,” she said. “I'll go,” he said. “Don't,” they said. \
             Ann & I say a prayer. I, along with Chelsea, went home.",
        );
        assert!(
            actors
                .iter()
                .all(|a| !matches!(a.name.as_str(), "I" | "I’m" | "I'll" | "Don't")),
            "{actors:#?}"
        );
        assert!(is_pronoun_or_contraction("You’ve"));
        assert!(is_pronoun_or_contraction("Couldn't"));
        assert!(!is_pronoun_or_contraction("O’Malley"));
        assert!(!is_pronoun_or_contraction("D'Souza"));
    }

    #[test]
    fn a_newspapers_name_is_an_organisations_whatever_place_it_names() {
        for (text, name) in [
            (
                "In a Wall Street Journal/NBC News poll, the mayor led.",
                "Wall Street Journal",
            ),
            (
                "A spokesman told the Washington Examiner that the plan was dead.",
                "Washington Examiner",
            ),
            (
                "The Des Moines Register endorsed the mayor.",
                "Des Moines Register",
            ),
        ] {
            let actors = actors_of(text);
            let paper = actors.iter().find(|a| a.name == name);
            assert_eq!(
                paper.map(|a| a.kind),
                Some(ActorKind::Organization),
                "{text}: {actors:#?}"
            );
        }
    }

    #[test]
    fn two_initials_in_the_middle_of_a_name_keep_it_whole_and_tell_people_apart() {
        // The tagger reads "George" | "H.W. Bush", the second part as a place.
        let actors = actors_of(
            "Jeb Bush praised his father, former President George H.W. Bush, and his brother, \
             former President George W. Bush. George H.W. Bush did not attend.",
        );
        let mut people: Vec<(&str, usize)> = actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| (a.name.as_str(), a.mentions.len()))
            .collect();
        people.sort();
        assert_eq!(
            people,
            [
                ("George H.W. Bush", 2),
                ("George W. Bush", 1),
                ("Jeb Bush", 1)
            ],
            "{actors:#?}"
        );
        // "U.S." is a place, never a middle initial.
        let actors = actors_of("Senator Ron Wyden U.S. Senate votes were counted.");
        assert!(
            actors.iter().all(|a| !a.name.contains("Wyden U.S.")),
            "{actors:#?}"
        );
    }

    #[test]
    fn a_name_that_ends_a_longer_name_with_two_words_or_more_is_that_person() {
        let actors = actors_of(
            "Summit opens\n\nBrazilian President Luiz Inácio Lula da Silva opened the summit \
             on Tuesday. Lula da Silva said the fund would grow. Lula said it again.",
        );
        let lula: Vec<&Actor> = actors.iter().filter(|a| a.name.contains("Lula")).collect();
        assert_eq!(lula.len(), 1, "{actors:#?}");
        assert_eq!(lula[0].name, "Luiz Inácio Lula da Silva");
        assert_eq!(lula[0].mentions.len(), 3, "{lula:#?}");
    }

    #[test]
    fn an_apostrophe_surname_makes_a_person_with_the_word_before_it() {
        assert_eq!(
            names("Democrat Beto O'Rourke said he would run."),
            [person("Beto O'Rourke")]
        );
        assert_eq!(
            names("Conor O'Brien of Reuters said the talks had stalled."),
            [person("Conor O'Brien"), org("Reuters")]
        );
        assert_eq!(
            names("He told Bill O'Reilly of Fox News that it was serious."),
            [person("Bill O'Reilly"), org("Fox News")]
        );
        // No title or affiliation is a first name.
        assert_eq!(names("Senator O'Brien said no."), [person("O'Brien")]);
        assert_eq!(names("Republican O'Rourke said no."), [person("O'Rourke")]);
    }

    #[test]
    fn capitalised_words_the_tagger_left_between_the_and_an_organisation_are_its_name() {
        // The tagger leaves "Drinking" out after a sentence-opening "The".
        assert_eq!(
            names("The Drinking Water Standards Agency said the protocol required notice."),
            [org("Drinking Water Standards Agency")]
        );
        assert_eq!(
            names("The Drinking Water Inspectorate said it would act."),
            [org("Drinking Water Inspectorate")]
        );
        // A month or an affiliation before the name says which, and stays out.
        assert!(
            names(
                "Economists read the August National Association of Purchasing Management report."
            )
            .contains(&org("National Association of Purchasing Management"))
        );
        assert!(names("The Socialist CFDT union warned of strikes.").contains(&org("CFDT")));
    }

    #[test]
    fn a_name_after_an_organisations_noun_names_an_organisation() {
        let at = |text: &str, name: &str| {
            let cx = Context::new(text);
            let b = text.find(name).expect("in text");
            let first = cx.analysis.tokens.partition_point(|t| t.start < b);
            let last = cx
                .analysis
                .tokens
                .partition_point(|t| t.start < b + name.len());
            named_as_organisation(&cx, &(first..last))
        };
        assert!(at(
            "The contractor's firm, Kessler Controls, said so.",
            "Kessler Controls"
        ));
        assert!(at("the residents' group Water Watch met.", "Water Watch"));
        assert!(!at(
            "the league's disciplinary committee, Anatoly Gorokhovsky, said.",
            "Anatoly Gorokhovsky"
        ));
        assert!(!at("Her lawyer, Catherine Moyo, said.", "Catherine Moyo"));
    }

    #[test]
    fn a_word_spelt_like_a_short_acronym_is_not_its_organisation() {
        let actors = actors_of(
            "Residents held up a banner that read \"Who knew?\" outside the hall.\n\n\
             The WHO said on Monday that the water was safe to drink.",
        );
        let who: Vec<&Actor> = actors
            .iter()
            .filter(|a| a.name == "World Health Organization")
            .collect();
        assert_eq!(who.len(), 1, "{actors:?}");
        assert!(who[0].mentions.iter().all(|m| m.text == "WHO"), "{who:?}");
    }

    #[test]
    fn a_lone_name_mostly_after_in_or_of_is_a_place() {
        let text = "Residents of Millbrook queued. In Millbrook, shops closed. Pryce said so. \
                    Pryce left.";
        let cx = Context::new(text);
        let at = |w: &str, nth: usize| {
            let start = text
                .match_indices(w)
                .nth(nth)
                .map(|(i, _)| i)
                .expect("in text");
            start..start + w.len()
        };
        let person = |name: &str, mentions: Vec<Range<usize>>| {
            let mut d = Draft::new(ActorKind::Person, name.into(), "ner", 0.5);
            d.mentions = mentions;
            d
        };
        let mut drafts = vec![
            person("Millbrook", vec![at("Millbrook", 0), at("Millbrook", 1)]),
            person("Pryce", vec![at("Pryce", 0), at("Pryce", 1)]),
        ];
        relocate_lone_names(&cx, &mut drafts);
        assert_eq!(drafts[0].kind, ActorKind::Place);
        assert_eq!(drafts[1].kind, ActorKind::Person);
    }

    /// Drafts over `text`: (kind, name, role, the nth occurrences of the name it holds).
    fn drafts_at(text: &str, specs: &[(ActorKind, &str, Option<&str>, &[usize])]) -> Vec<Draft> {
        specs
            .iter()
            .map(|&(kind, name, role, nths)| {
                let mut d = Draft::new(kind, name.into(), "ner", 0.5);
                d.words = name_words(name);
                d.role = role.map(String::from);
                d.mentions = nths
                    .iter()
                    .map(|&n| {
                        let (i, _) = text.match_indices(name).nth(n).expect("in text");
                        i..i + name.len()
                    })
                    .collect();
                d
            })
            .collect()
    }

    fn short_forms_joined(text: &str, mut drafts: Vec<Draft>, orgs: &[usize]) -> Vec<usize> {
        let cx = Context::new(text);
        let lone: Vec<usize> = (0..drafts.len())
            .filter(|i| !orgs.contains(i) && drafts[*i].kind == ActorKind::Person)
            .collect();
        join_short_forms(
            &cx,
            &mut drafts,
            &lone,
            orgs,
            &std::collections::HashSet::new(),
        );
        (0..drafts.len())
            .filter(|&i| drafts[i].mentions.is_empty())
            .collect()
    }

    #[test]
    fn a_lone_word_opening_one_organisations_name_is_that_organisation() {
        let text = "Northvale Water apologised. Northvale said the pump failed.";
        let drafts = drafts_at(
            text,
            &[
                (ActorKind::Organization, "Northvale Water", None, &[0]),
                (ActorKind::Person, "Northvale", Some("former"), &[1]),
            ],
        );
        assert_eq!(short_forms_joined(text, drafts, &[0]), [1]);
        let text = "Northvale Water apologised. Northvale said the pump failed.";
        let drafts = drafts_at(
            text,
            &[
                (ActorKind::Organization, "Northvale Water", None, &[0]),
                (ActorKind::Organization, "Northvale", None, &[1]),
            ],
        );
        assert_eq!(short_forms_joined(text, drafts, &[0, 1]), [1]);
    }

    #[test]
    fn a_titled_or_addressed_person_is_not_an_organisations_short_form() {
        let text = "The Clinton Foundation grew. Mrs. Clinton said so. Sen. Sanders spoke at \
                    Sanders Institute events.";
        let drafts = drafts_at(
            text,
            &[
                (ActorKind::Organization, "Clinton Foundation", None, &[0]),
                (ActorKind::Person, "Clinton", None, &[1]),
                (ActorKind::Organization, "Sanders Institute", None, &[0]),
                (ActorKind::Person, "Sanders", Some("Sen."), &[0]),
            ],
        );
        assert_eq!(
            short_forms_joined(text, drafts, &[0, 2]),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn a_word_opening_two_organisations_names_joins_neither() {
        let text = "Apex Bank and Apex Insurance merged. Apex said so.";
        let drafts = drafts_at(
            text,
            &[
                (ActorKind::Organization, "Apex Bank", None, &[0]),
                (ActorKind::Organization, "Apex Insurance", None, &[0]),
                (ActorKind::Person, "Apex", None, &[2]),
            ],
        );
        assert_eq!(
            short_forms_joined(text, drafts, &[0, 1]),
            Vec::<usize>::new()
        );
    }

    fn kind_as(text: &str, tagged: EntityType) -> Option<EntityType> {
        let cx = Context::new(text);
        let lower: Vec<u64> = (0..cx.analysis.tokens.len())
            .map(|k| ner::word_hash(token_text(&cx, k)))
            .collect();
        mention_kind(&cx, &lower, &(0..cx.analysis.tokens.len()), tagged)
    }

    #[test]
    fn an_honorific_makes_a_person_and_a_title_alone_is_nobody() {
        assert_eq!(
            kind_as("Dr. Okafor", EntityType::Org),
            Some(EntityType::Per)
        );
        assert_eq!(
            kind_as("Northvale Water", EntityType::Per),
            Some(EntityType::Org)
        );
        // "The Associated Press’ Twitter account": a wire service, not a person.
        assert_eq!(
            kind_as("Associated Press", EntityType::Per),
            Some(EntityType::Org)
        );
        // Only a "person" is corrected by its last word: the tagger knows "West Bank".
        assert_eq!(kind_as("West Bank", EntityType::Loc), Some(EntityType::Loc));
        assert_eq!(kind_as("Reuters", EntityType::Org), Some(EntityType::Org));
        assert_eq!(kind_as("Professor", EntityType::Per), None);
    }

    #[test]
    fn a_personal_title_makes_a_person_of_the_name_it_opens() {
        // After "the regional director of public health," the tagger read an organisation.
        assert_eq!(
            kind_as("Professor Ruth Lindqvist", EntityType::Org),
            Some(EntityType::Per)
        );
        assert_eq!(
            kind_as("Senator Tim Kaine", EntityType::Org),
            Some(EntityType::Per)
        );
        assert_eq!(
            kind_as("Lt. Gov. Patty Judge", EntityType::Loc),
            Some(EntityType::Per)
        );
        // Titles that open company and place names, and institutions, keep their kind.
        assert_eq!(
            kind_as("General Motors", EntityType::Org),
            Some(EntityType::Org)
        );
        assert_eq!(
            kind_as("Prince Edward Island", EntityType::Loc),
            Some(EntityType::Loc)
        );
        assert_eq!(
            kind_as("Governor Dummer College", EntityType::Org),
            Some(EntityType::Org)
        );
        let actors = actors_of(
            "The regional director of public health, Professor Ruth Lindqvist, said the \
             procedures had failed. Lindqvist said more.",
        );
        let ruth = actors
            .iter()
            .find(|a| a.name == "Ruth Lindqvist")
            .unwrap_or_else(|| panic!("{actors:#?}"));
        assert_eq!(ruth.kind, ActorKind::Person);
        assert_eq!(ruth.role.as_deref(), Some("Professor"));
    }

    #[test]
    fn a_place_named_for_an_organisation_by_its_last_word_is_one() {
        // Heads that name places as often stay places; so does a lone word.
        for (name, kind) in [
            ("Amazon Fund", EntityType::Org),
            ("Water Standards Agency", EntityType::Org),
            ("West Bank", EntityType::Loc),
            ("Soviet Union", EntityType::Loc),
            ("Millbrook General Hospital", EntityType::Loc),
            ("Fund", EntityType::Loc),
        ] {
            assert_eq!(kind_as(name, EntityType::Loc), Some(kind), "{name}");
        }
        let actors = actors_of(
            "Norway and Germany, the largest donors to the existing Amazon Fund, said they \
             would study it.",
        );
        let fund = actors.iter().find(|a| a.name == "Amazon Fund");
        assert_eq!(
            fund.map(|a| a.kind),
            Some(ActorKind::Organization),
            "{actors:#?}"
        );
    }

    #[test]
    fn scores_are_not_dates_or_year_spans() {
        assert!(is_score("2-1"));
        assert!(is_score("102-98"));
        assert!(!is_score("1996-08-30"));
        assert!(!is_score("1998-2001"));
        assert!(!is_score("2-"));
        assert!(!is_score("a-b"));
    }

    #[test]
    fn a_capital_the_tagger_calls_an_organisation_is_a_team_in_sport_only() {
        let kinds = |text: &str| -> Vec<ActorKind> {
            actors_of(text)
                .iter()
                .filter(|a| a.name == "Cardiff")
                .map(|a| a.kind)
                .collect()
        };
        assert_eq!(
            kinds(
                "SOCCER - ENGLISH LEAGUE RESULTS\nCambridge United 0 Cardiff 2\nCardiff 1 Brighton 0\n"
            ),
            vec![ActorKind::Organization]
        );
        assert_eq!(
            kinds("Talks resume\nThe minister flew to Cardiff on Monday.\n"),
            vec![ActorKind::Place]
        );
    }

    #[test]
    fn a_strait_or_a_river_is_a_place_not_an_organisation() {
        let g = gazetteer();
        for name in [
            "Bosporus",
            "Bosphorus",
            "Dardanelles",
            "Danube",
            "Strait of Hormuz",
        ] {
            let words: Vec<&str> = name.split(' ').collect();
            let hit = g.lookup_words(words).first().copied();
            assert!(
                hit.is_some_and(|(e, _)| g.entries[e].kind == EntryKind::Place),
                "{name}"
            );
        }
        let actors = actors_of(
            "Talks stall\nA diplomat said the gap between the sides was wider than the \
             Bosporus, and insurers agreed.\n",
        );
        let kinds: Vec<ActorKind> = actors
            .iter()
            .filter(|a| a.name == "Bosporus")
            .map(|a| a.kind)
            .collect();
        assert_eq!(kinds, vec![ActorKind::Place]);
    }

    #[test]
    fn a_short_acronym_is_left_to_the_tagger() {
        assert!(is_short_acronym("PA"));
        assert!(is_short_acronym("S.C."));
        assert!(!is_short_acronym("Pa."));
        assert!(!is_short_acronym("Istanbul"));
        assert!(!is_short_acronym("NEW YORK"));
    }

    #[test]
    fn a_text_reads_as_sport_by_its_headline_or_its_evidence() {
        let sport = |text: &str| reads_as_sport(&Context::new(text));
        assert!(sport(
            "SOCCER - MILAN 'S LENTINI MOVES TO ATALANTA\nMILAN 1996-08-30\n"
        ));
        assert!(sport("AMERICAN FOOTBALL-CUNNINGHAM RETIRES\nHe said so.\n"));
        assert!(sport("League standings\nChicago 74 57\n"));
        assert!(sport(
            "Late goal\nLeeds beat Chelsea 2-1 to go top of the league on Saturday.\n"
        ));
        // One word of sport in a report of politics, or a court case, is not enough.
        assert!(!sport(
            "Talks in Istanbul\nThe minister said the talks had been a political football.\n"
        ));
        assert!(!sport(
            "Ruling\nThe court cited Roe v. Wade, and the vote was 5-4.\n"
        ));
        assert!(!sport(
            "Grain talks\nErdogan offers Istanbul as venue for new talks.\n"
        ));
    }

    #[test]
    fn a_city_the_tagger_calls_an_organisation_is_the_place_outside_sport() {
        let of = |text: &str, name: &str| -> Vec<(ActorKind, usize)> {
            actors_of(text)
                .iter()
                .filter(|a| a.name.eq_ignore_ascii_case(name))
                .map(|a| (a.kind, a.mentions.len()))
                .collect()
        };
        assert_eq!(
            of(
                "Barcelona offers itself as venue for climate talks\nThe city said on Monday \
                 that it was ready. Officials in Barcelona said hotels had space.\n",
                "Barcelona"
            ),
            vec![(ActorKind::Place, 2)]
        );
        // In a report of sport the tagger's organisation is the city's team.
        assert_eq!(
            of(
                "SOCCER - BARCELONA BEAT MILAN 2-1\nBarcelona beat Milan 2-1 in a friendly \
                 match on Friday.\n",
                "Barcelona"
            ),
            vec![(ActorKind::Organization, 2)]
        );
    }
}
