//! Which actor a claim's source mention refers to: a mention it overlaps, a name or alias it
//! spells, or, for a pronoun, the nearest fitting actor mentioned before it.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use super::roles;
use crate::extract::Context;
use crate::extract::hashing::FxBuild;
use crate::extract::text::TokenKind;
use crate::model::{Actor, ActorKind, Span};

/// How many sentences back a pronoun may look for its actor.
const PRONOUN_REACH: usize = 3;

#[derive(Clone, Copy, PartialEq)]
enum Pronoun {
    /// he, she, him, his, her: a person.
    Person,
    /// they, them, their: a group, organisation, country, or several people.
    Plural,
    /// it, its: an organisation or a country (a government speaks), never a place: "it said"
    /// after "a store in Paris" is the company, or an advertisement or report with no actor.
    Thing,
}

fn pronoun(word: &str) -> Option<Pronoun> {
    match super::lower_case(word).as_ref() {
        "he" | "she" | "him" | "his" | "her" | "hers" | "himself" | "herself" => {
            Some(Pronoun::Person)
        }
        "they" | "them" | "their" | "theirs" | "themselves" => Some(Pronoun::Plural),
        "it" | "its" | "itself" => Some(Pronoun::Thing),
        _ => None,
    }
}

/// Whether a source is a lone personal pronoun ("he", "They"), resolved by position alone.
pub fn is_pronoun(source: &str) -> bool {
    pronoun(source.trim()).is_some()
}

/// He, she, or either, as a pronoun says it.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Gender {
    Male,
    Female,
}

fn pronoun_gender(word: &str) -> Option<Gender> {
    match super::lower_case(word).as_ref() {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

use super::gazetteer::FIRST_NAMES;

/// The first names of the compiled-in list with their gender (the first line naming one wins).
fn first_name_genders() -> &'static HashMap<&'static str, Gender, FxBuild> {
    static G: OnceLock<HashMap<&'static str, Gender, FxBuild>> = OnceLock::new();
    G.get_or_init(|| {
        let mut map = HashMap::default();
        for line in FIRST_NAMES.lines() {
            let (gender, names) = match line.split_once(':') {
                Some(("f", names)) => (Gender::Female, names),
                Some(("m", names)) => (Gender::Male, names),
                _ => continue,
            };
            for n in names.split_whitespace() {
                map.entry(n).or_insert(gender);
            }
        }
        map
    })
}

/// Whether the compiled-in list (data/first_names.txt) has the word as a first name.
pub(super) fn is_first_name(w: &str) -> bool {
    first_name_genders().contains_key(w)
}

/// The gender an honorific says ("Mr.", "Mrs", "Ms.", "Queen").
pub(super) fn honorific_gender(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.') {
        "Mr" | "Sir" | "King" | "Prince" => Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" | "Madam" | "Queen" | "Princess" | "Lady" | "Dame" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// The gender the compiled-in list gives a first name.
pub(super) fn given_name_gender(word: &str) -> Option<Gender> {
    first_name_genders().get(word).copied()
}

/// The gender a person's mentions show: an honorific before a mention, else the first name.
fn person_gender(a: &Actor) -> Option<Gender> {
    for m in &a.mentions {
        let before = m.prefix.trim_end();
        let honorific = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if let Some(g) = honorific_gender(honorific) {
            return Some(g);
        }
    }
    let first = a.name.split_whitespace().next()?;
    if !a.name.contains(' ') {
        return None;
    }
    given_name_gender(first)
}

/// Whether "he" or "she" surely stands for a person like `a`: an honorific or a known first
/// name of theirs says so.
pub fn gender_agrees(a: &Actor, pronoun: &str) -> bool {
    match (pronoun_gender(pronoun), person_gender(a)) {
        (Some(p), Some(g)) => p == g,
        _ => false,
    }
}

fn fits(kind: ActorKind, p: Pronoun) -> bool {
    match p {
        Pronoun::Person => kind == ActorKind::Person,
        Pronoun::Plural => matches!(
            kind,
            ActorKind::Group | ActorKind::Organization | ActorKind::Country
        ),
        Pronoun::Thing => matches!(kind, ActorKind::Organization | ActorKind::Country),
    }
}

/// Among actors mentioned at the same place ("U.S." inside "U.S. officials"), which a
/// pronoun prefers: "they" the group, "it" the organisation.
fn preference(kind: ActorKind, p: Pronoun) -> u8 {
    match (p, kind) {
        (Pronoun::Plural, ActorKind::Group) | (Pronoun::Thing, ActorKind::Organization) => 3,
        (Pronoun::Plural, ActorKind::Organization) | (Pronoun::Thing, ActorKind::Country) => 2,
        (_, ActorKind::Person) => 2,
        _ => 1,
    }
}

fn overlap(a: &Span, b: &Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Whether code point `at` of a source falls in a modifier: after a preposition in the same
/// comma-separated part ("donors to the existing Amazon Fund", "the president of Brazil"), or
/// in a relative clause ("which represents New York City educators"), where a name is not
/// what the source is.
fn in_modifier(source: &Span, at: usize) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "of",
        "to",
        "from",
        "at",
        "in",
        "for",
        "with",
        "by",
        "on",
        "about",
        "among",
        "between",
        "against",
        "over",
        "under",
        "within",
        "including",
        "across",
    ];
    if source.parts.is_some() || at < source.start {
        return false;
    }
    let cut = source
        .text
        .char_indices()
        .nth(at - source.start)
        .map_or(source.text.len(), |(b, _)| b);
    let part = source.text[..cut].rsplit(',').next().unwrap_or("");
    let mut words = part.split_whitespace();
    let relative = words
        .next()
        .is_some_and(|w| matches!(w, "which" | "who" | "whose" | "that" | "where"));
    relative
        || part
            .split_whitespace()
            .any(|w| PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(w)))
}

/// The longest appositive between a name and the relative pronoun that refers to it, in words
/// ("McConnell, now the Senate majority leader, who").
const MAX_APPOSITIVE_WORDS: usize = 9;

/// The actor id a source mention refers to, or None when nothing fits. To resolve many
/// sources against the same actors, build a [`Resolver`] once.
pub fn resolve(cx: &Context, actors: &[Actor], source: &Span) -> Option<String> {
    Resolver::new(cx, actors).resolve(source)
}

/// One mention of a live actor: code point range, the actor's index and the mention's.
#[derive(Debug, Clone, Copy)]
struct At {
    start: usize,
    end: usize,
    actor: usize,
    mention: usize,
}

/// The actors of a text indexed for resolving sources: mentions by position, names, aliases,
/// surnames and role words by key, so each source costs about what is near it, not the whole
/// text. Only actors that are not rejected are indexed.
pub struct Resolver<'a, 't> {
    cx: &'a Context<'t>,
    actors: &'a [Actor],
    /// Every mention of a live actor, by start.
    mentions: Vec<At>,
    /// The furthest end among `mentions[..=i]`.
    furthest: Vec<usize>,
    /// Each actor's mention starts, sorted (empty for rejected actors).
    starts: Vec<Vec<usize>>,
    /// Name (ASCII lower case) → first actor with it.
    by_name: HashMap<String, usize, FxBuild>,
    /// Alias (lower case, without a leading "the ") → first actor with it.
    by_alias: HashMap<String, usize, FxBuild>,
    /// Last name word (lower case) → first person with it.
    by_surname: HashMap<String, usize, FxBuild>,
    /// Each actor's role words, expanded.
    roles: Vec<Vec<String>>,
    /// Expanded role word → the actors whose role has it, in order.
    by_role_word: HashMap<String, Vec<usize>, FxBuild>,
    /// Last word (lower case) of a several-word name or alias, and the head noun before a
    /// complement ("commission" of "Commission on Presidential Debates") → the actors (not
    /// persons or groups) that have one, in order.
    by_name_end: HashMap<String, Vec<usize>, FxBuild>,
    genders: Vec<OnceCell<Option<Gender>>>,
}

impl<'a, 't> Resolver<'a, 't> {
    pub fn new(cx: &'a Context<'t>, actors: &'a [Actor]) -> Self {
        let mut r = Resolver {
            cx,
            actors,
            mentions: Vec::new(),
            furthest: Vec::new(),
            starts: vec![Vec::new(); actors.len()],
            by_name: HashMap::default(),
            by_alias: HashMap::default(),
            by_surname: HashMap::default(),
            roles: vec![Vec::new(); actors.len()],
            by_role_word: HashMap::default(),
            by_name_end: HashMap::default(),
            genders: (0..actors.len()).map(|_| OnceCell::new()).collect(),
        };
        for (i, a) in actors.iter().enumerate() {
            if a.meta.is_rejected() {
                continue;
            }
            for (k, m) in a.mentions.iter().enumerate() {
                r.mentions.push(At {
                    start: m.start,
                    end: m.end,
                    actor: i,
                    mention: k,
                });
            }
            let mut starts: Vec<usize> = a.mentions.iter().map(|m| m.start).collect();
            starts.sort_unstable();
            r.starts[i] = starts;
            r.by_name.entry(a.name.to_ascii_lowercase()).or_insert(i);
            for x in &a.aliases {
                let x = x.to_lowercase();
                let x = x.strip_prefix("the ").unwrap_or(&x);
                r.by_alias.entry(x.to_string()).or_insert(i);
            }
            if a.kind == ActorKind::Person
                && let Some(s) = a.name.split_whitespace().last()
            {
                r.by_surname.entry(s.to_lowercase()).or_insert(i);
            }
            if let Some(role) = a.role.as_deref() {
                let words: Vec<String> = role
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .map(expand)
                    .collect();
                for w in &words {
                    let list = r.by_role_word.entry(w.clone()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
                r.roles[i] = words;
            }
            if a.kind != ActorKind::Person && a.kind != ActorKind::Group {
                for n in
                    std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str))
                {
                    // "the commission" is the Commission on Presidential Debates: a name
                    // with a complement ends, for a description, at its head noun.
                    let words: Vec<&str> = n.split_whitespace().collect();
                    let head = words
                        .iter()
                        .position(|w| matches!(*w, "on" | "for" | "of" | "against"))
                        .and_then(|k| k.checked_sub(1))
                        .and_then(|k| words.get(k));
                    let ends = [words.last(), head].into_iter().flatten();
                    for l in ends.filter(|_| words.len() > 1) {
                        let list = r.by_name_end.entry(l.to_lowercase()).or_default();
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                }
            }
        }
        r.mentions.sort_by_key(|m| (m.start, m.actor, m.mention));
        r.furthest = r
            .mentions
            .iter()
            .scan(0, |f, m| {
                *f = (*f).max(m.end);
                Some(*f)
            })
            .collect();
        r
    }

    /// The live actors' mentions that share a code point with `source`.
    fn overlapping(&self, source: &Span) -> impl Iterator<Item = &At> {
        let hi = self.mentions.partition_point(|m| m.start < source.end);
        self.mentions[..hi]
            .iter()
            .zip(&self.furthest[..hi])
            .rev()
            .take_while(move |&(_, &f)| f > source.start)
            .map(|(m, _)| m)
            .filter(move |m| source.start < m.end)
    }

    /// The start of actor `i`'s last mention before code point `at`.
    fn last_before(&self, i: usize, at: usize) -> Option<usize> {
        let s = self.starts.get(i)?;
        s[..s.partition_point(|&x| x < at)].last().copied()
    }

    fn gender(&self, i: usize) -> Option<Gender> {
        *self.genders[i].get_or_init(|| person_gender(&self.actors[i]))
    }

    /// The actor id a source mention refers to, or None when nothing fits.
    pub fn resolve(&self, source: &Span) -> Option<String> {
        self.resolve_in_chain(source, &[])
    }

    /// [`Resolver::resolve`], where a pronoun may also refer back to the speaker of an
    /// earlier claim: `chain` holds each earlier source's start and the index of the actor it
    /// was resolved to, in text order. "Don Fowler said C. He said D. … He added E" stays
    /// with Fowler after his name is out of a pronoun's reach.
    pub fn resolve_in_chain(&self, source: &Span, chain: &[(usize, usize)]) -> Option<String> {
        let actors = self.actors;
        // 1. A mention the source overlaps: one in a head rather than a modifier ("Norway and
        //    Germany, the largest donors to the Amazon Fund"), then the largest overlap, then
        //    the one nearest its end (the head of "Former NATO Secretary General Anders
        //    Rasmussen" is the name).
        // "former Sen. Evan Bayh, a moderate Indiana Democrat who …": after a person's name
        // right before a comma, what follows describes the person (but in "Carter's press
        // secretary, Peter Cook," the name after the comma is the speaker's).
        let comma = source
            .text
            .chars()
            .position(|c| c == ',')
            .map(|k| source.start + k);
        let person_first = comma.is_some_and(|comma| {
            self.overlapping(source).any(|m| {
                actors[m.actor].kind == ActorKind::Person
                    && actors[m.actor].mentions[m.mention].end == comma
            })
        });
        let described = |start: usize| person_first && comma.is_some_and(|c| start > c);
        // "Former Pennsylvania governor Ed Rendell (D)", "Russia's President Vladimir Putin":
        // a place or country before a person's name in the source says what the person
        // governs or serves; the person speaks.
        // Not across a clause: in "Exit polls from the New Hampshire primary, which Mr. Trump
        // won" the person is no speaker.
        let between = |from: usize, to: usize| -> String {
            source
                .text
                .chars()
                .skip(from.saturating_sub(source.start))
                .take(to.saturating_sub(from))
                .collect()
        };
        let person_after = |end: usize| {
            self.overlapping(source).any(|m| {
                let start = actors[m.actor].mentions[m.mention].start;
                actors[m.actor].kind == ActorKind::Person
                    && start >= end
                    && !between(end, start).split_whitespace().any(|w| {
                        w.contains([',', ';', ':'])
                            || matches!(w, "which" | "who" | "that" | "whom" | "where")
                    })
            })
        };
        let best = self
            .overlapping(source)
            .map(|m| {
                let span = &actors[m.actor].mentions[m.mention];
                let place_before_person =
                    matches!(actors[m.actor].kind, ActorKind::Place | ActorKind::Country)
                        && person_after(span.end);
                (
                    (
                        !in_modifier(source, span.start),
                        !described(span.start),
                        !place_before_person,
                        overlap(span, source),
                        span.end.min(source.end),
                        span.len(),
                        m.actor,
                        m.mention,
                    ),
                    m,
                )
            })
            .max_by_key(|&(key, _)| key)
            .map(|(_, m)| (&actors[m.actor], &actors[m.actor].mentions[m.mention]));
        let text = source.text.trim();
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '\'' | '’'))
            .filter(|w| !w.is_empty())
            .collect();
        if let Some((a, m)) = best {
            // "a statement issued in Geneva", "protesters in Istanbul": a place named in a
            // modifier is where the speaker is, not who; the source is left to be described.
            if a.kind == ActorKind::Place && in_modifier(source, m.start) {
                return None;
            }
            // "The GOP nominee": the name is a modifier; the head is a title a role may match.
            let head_is_title = words.last().is_some_and(|w| roles::is_title_word(w));
            if m.end < source.end
                && head_is_title
                && let Some(id) = self.by_description(source, &words)
            {
                return Some(id);
            }
            return Some(a.id.clone());
        }
        // 2. A pronoun: the nearest fitting actor mentioned before, within a few sentences,
        //    not counting names inside the quote the pronoun closes ("“... Obama ...,” he said").
        if let [w] = words[..]
            && let Some(p) = pronoun(w)
        {
            let cx = self.cx;
            let at = source.start;
            let byte = cx.offsets.to_byte(cx.text, at);
            let here = cx.analysis.sentence_at(byte).unwrap_or(0);
            let reach_start = cx
                .analysis
                .sentences
                .get(here.saturating_sub(PRONOUN_REACH))
                .map_or(0, |s| cx.offsets.to_char(cx.text, s.start));
            let quoted = closed_quote_before(cx, byte);
            let wanted = pronoun_gender(w);
            let lo = self.mentions.partition_point(|m| m.start < reach_start);
            let hi = self.mentions.partition_point(|m| m.start <= at);
            let c_lo = chain.partition_point(|&(start, _)| start < reach_start);
            let c_hi = chain.partition_point(|&(start, _)| start < at);
            // The last fitting mention of each actor in reach, an earlier claim's resolved
            // source counting as one.
            let mut last: HashMap<usize, usize, FxBuild> = HashMap::default();
            let mentioned = self
                .mentions
                .get(lo..hi)
                .unwrap_or(&[])
                .iter()
                .filter(|m| m.end <= at)
                .map(|m| (m.start, m.actor));
            let chained = chain.get(c_lo..c_hi).unwrap_or(&[]).iter().copied();
            for (start, actor) in mentioned.chain(chained) {
                if quoted.as_ref().is_some_and(|q| q.contains(&start)) {
                    continue;
                }
                let Some(a) = actors.get(actor) else {
                    continue;
                };
                let fitting = fits(a.kind, p)
                    && (wanted.is_none()
                        || a.kind != ActorKind::Person
                        || self.gender(actor).is_none_or(|g| Some(g) == wanted));
                if fitting {
                    let l = last.entry(actor).or_insert(start);
                    *l = (*l).max(start);
                }
            }
            return last
                .into_iter()
                .max_by_key(|&(i, l)| (l, preference(actors[i].kind, p), i))
                .map(|(i, _)| actors[i].id.clone());
        }
        // 3. A relative pronoun: "Mitch McConnell, now the Senate majority leader, who said":
        //    the nearest person or group ("who") or organisation ("which") before it in its
        //    sentence, right before it or before an appositive ("an architect who said" after
        //    "Trump" is not Trump).
        if let [w] = words[..]
            && matches!(w, "who" | "which")
        {
            let cx = self.cx;
            let at = source.start;
            let byte = cx.offsets.to_byte(cx.text, at);
            let sentence_start = cx
                .analysis
                .sentence_at(byte)
                .and_then(|i| cx.analysis.sentences.get(i))
                .map_or(0, |s| cx.offsets.to_char(cx.text, s.start));
            let lo = self.mentions.partition_point(|m| m.start < sentence_start);
            let hi = self.mentions.partition_point(|m| m.start < at);
            let wanted = |kind: ActorKind| match w {
                "who" => matches!(kind, ActorKind::Person | ActorKind::Group),
                _ => kind == ActorKind::Organization,
            };
            let m = self.mentions[lo..hi]
                .iter()
                .rev()
                .find(|m| m.end <= at && wanted(actors[m.actor].kind))?;
            let (from, to) = (
                cx.offsets.to_byte(cx.text, m.end),
                cx.offsets.to_byte(cx.text, at),
            );
            let gap = cx.text.get(from..to)?.trim();
            let appositive = gap.starts_with(',')
                && gap.split_whitespace().count() <= MAX_APPOSITIVE_WORDS
                && !gap.contains(['.', ';', ':', '"', '“', '”', '(']);
            return (gap.is_empty() || gap == "," || appositive)
                .then(|| actors[m.actor].id.clone());
        }
        // 4. A name, alias or surname spelt out.
        let lower = text.to_lowercase();
        let lower = lower.strip_prefix("the ").unwrap_or(&lower);
        let named = match (self.by_name.get(lower), self.by_alias.get(lower)) {
            (Some(&a), Some(&b)) => Some(a.min(b)),
            (a, b) => a.or(b).copied(),
        };
        if let Some(i) = named {
            return Some(actors[i].id.clone());
        }
        let last = words.last()?.to_lowercase();
        if let Some(&i) = self.by_surname.get(&last) {
            return Some(actors[i].id.clone());
        }
        // 5. A definite description: "the Democratic presidential nominee" is the person whose
        //    role shares its head and most of its words; "the Post" the actor whose name ends in
        //    "Post".
        self.by_description(source, &words)
    }

    fn by_description(&self, source: &Span, words: &[&str]) -> Option<String> {
        let definite = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if !definite || words.len() < 2 {
            return None;
        }
        let last = expand(words.last()?);
        let lower_words: Vec<String> = words[1..].iter().map(|w| expand(w)).collect();
        let by_role = self
            .by_role_word
            .get(&last)
            .into_iter()
            .flatten()
            .map(|&i| {
                let role = &self.roles[i];
                let shared = lower_words.iter().filter(|w| role.contains(w)).count();
                (shared, self.last_before(i, source.start), i)
            })
            .max_by_key(|&(shared, at, _)| (shared, at));
        if let Some((_, _, i)) = by_role {
            return Some(self.actors[i].id.clone());
        }
        self.by_name_end
            .get(&last)
            .into_iter()
            .flatten()
            .max_by_key(|&&i| self.last_before(i, source.start))
            .map(|&i| self.actors[i].id.clone())
    }
}

/// Expands the abbreviations titles use, so "Gov." meets "governor".
fn expand(word: &str) -> String {
    let w = word.to_lowercase();
    match w.trim_end_matches('.') {
        "gov" => "governor".into(),
        "sen" => "senator".into(),
        "rep" => "representative".into(),
        "gen" => "general".into(),
        "lt" => "lieutenant".into(),
        "col" => "colonel".into(),
        "prof" => "professor".into(),
        "sec" => "secretary".into(),
        "pres" => "president".into(),
        "amb" => "ambassador".into(),
        "adm" => "admiral".into(),
        _ => w,
    }
}

/// The code points inside the quotation that closes just before byte `at` (a closing quote
/// within two tokens of it), if there is one.
fn closed_quote_before(cx: &Context, at: usize) -> Option<std::ops::Range<usize>> {
    let tokens = &cx.analysis.tokens;
    let i = tokens.partition_point(|t| t.start < at);
    let close = (i.saturating_sub(3)..i)
        .rev()
        .find(|&k| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Quote))?;
    let open = (0..close)
        .rev()
        .take(400)
        .find(|&k| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Quote))?;
    let (s, e) = (tokens.get(open)?.end, tokens.get(close)?.start);
    Some(cx.offsets.to_char(cx.text, s)..cx.offsets.to_char(cx.text, e))
}
