//! Which actor a claim's source mention refers to: a mention it overlaps, a name or alias it
//! spells, or, for a pronoun, the nearest fitting actor mentioned before it.

use super::roles;
use crate::extract::Context;
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
    /// it, its: an organisation, country or place.
    Thing,
}

fn pronoun(word: &str) -> Option<Pronoun> {
    match word.to_lowercase().as_str() {
        "he" | "she" | "him" | "his" | "her" | "hers" | "himself" | "herself" => {
            Some(Pronoun::Person)
        }
        "they" | "them" | "their" | "theirs" | "themselves" => Some(Pronoun::Plural),
        "it" | "its" | "itself" => Some(Pronoun::Thing),
        _ => None,
    }
}

/// He, she, or either, as a pronoun says it.
#[derive(Clone, Copy, PartialEq)]
enum Gender {
    Male,
    Female,
}

fn pronoun_gender(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

use super::gazetteer::FIRST_NAMES;

/// The gender a person's mentions show: an honorific before a mention, else the first name.
fn person_gender(a: &Actor) -> Option<Gender> {
    for m in &a.mentions {
        let before = m.prefix.trim_end();
        let honorific = before.rsplit(char::is_whitespace).next().unwrap_or("");
        match honorific.trim_end_matches('.') {
            "Mr" | "Sir" | "King" | "Prince" => return Some(Gender::Male),
            "Mrs" | "Ms" | "Miss" | "Madam" | "Queen" | "Princess" | "Lady" | "Dame" => {
                return Some(Gender::Female);
            }
            _ => {}
        }
    }
    let first = a.name.split_whitespace().next()?;
    if !a.name.contains(' ') {
        return None;
    }
    for line in FIRST_NAMES.lines() {
        let (gender, names) = match line.split_once(':') {
            Some(("f", names)) => (Gender::Female, names),
            Some(("m", names)) => (Gender::Male, names),
            _ => continue,
        };
        if names.split_whitespace().any(|n| n == first) {
            return Some(gender);
        }
    }
    None
}

fn fits(kind: ActorKind, p: Pronoun) -> bool {
    match p {
        Pronoun::Person => kind == ActorKind::Person,
        Pronoun::Plural => matches!(
            kind,
            ActorKind::Group | ActorKind::Organization | ActorKind::Country
        ),
        Pronoun::Thing => matches!(
            kind,
            ActorKind::Organization | ActorKind::Country | ActorKind::Place
        ),
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

/// The actor id a source mention refers to, or None when nothing fits.
pub fn resolve(cx: &Context, actors: &[Actor], source: &Span) -> Option<String> {
    let live = || actors.iter().filter(|a| !a.meta.is_rejected());
    // 1. A mention the source overlaps: the largest overlap, then the one nearest its end (the
    //    head of "Former NATO Secretary General Anders Rasmussen" is the name).
    let best = live()
        .flat_map(|a| a.mentions.iter().map(move |m| (a, m)))
        .filter(|(_, m)| m.overlaps(source))
        .max_by_key(|(_, m)| (overlap(m, source), m.end.min(source.end), m.len()));
    let text = source.text.trim();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '\'' | '’'))
        .filter(|w| !w.is_empty())
        .collect();
    if let Some((a, m)) = best {
        // "The GOP nominee": the name is a modifier; the head is a title a role may match.
        let head_is_title = words.last().is_some_and(|w| roles::is_title_word(w));
        if m.end < source.end
            && head_is_title
            && let Some(id) = by_description(actors, source, &words)
        {
            return Some(id);
        }
        return Some(a.id.clone());
    }
    // 2. A pronoun: the nearest fitting actor mentioned before, within a few sentences, not
    //    counting names inside the quote the pronoun closes ("“... Obama ...,” he said").
    if let [w] = words[..]
        && let Some(p) = pronoun(w)
    {
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
        return live()
            .filter(|a| fits(a.kind, p))
            .filter(|a| {
                wanted.is_none()
                    || a.kind != ActorKind::Person
                    || person_gender(a).is_none_or(|g| Some(g) == wanted)
            })
            .filter_map(|a| {
                let last = a
                    .mentions
                    .iter()
                    .filter(|m| m.end <= at && m.start >= reach_start)
                    .filter(|m| !quoted.as_ref().is_some_and(|q| q.contains(&m.start)))
                    .map(|m| m.start)
                    .max()?;
                Some((last, a))
            })
            .max_by_key(|&(last, a)| (last, preference(a.kind, p)))
            .map(|(_, a)| a.id.clone());
    }
    // 3. A name, alias or surname spelt out.
    let lower = text.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let named = live().find(|a| {
        a.name.eq_ignore_ascii_case(lower)
            || a.aliases.iter().any(|x| {
                x.to_lowercase()
                    .strip_prefix("the ")
                    .unwrap_or(&x.to_lowercase())
                    == lower
            })
    });
    if let Some(a) = named {
        return Some(a.id.clone());
    }
    let last = words.last()?.to_lowercase();
    if let Some(a) = live().filter(|a| a.kind == ActorKind::Person).find(|a| {
        a.name
            .split_whitespace()
            .last()
            .is_some_and(|s| s.to_lowercase() == last)
    }) {
        return Some(a.id.clone());
    }
    // 4. A definite description: "the Democratic presidential nominee" is the person whose role
    //    shares its head and most of its words; "the Post" the actor whose name ends in "Post".
    by_description(actors, source, &words)
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

fn by_description(actors: &[Actor], source: &Span, words: &[&str]) -> Option<String> {
    let live = || actors.iter().filter(|a| !a.meta.is_rejected());
    let definite = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    if !definite || words.len() < 2 {
        return None;
    }
    let last = expand(words.last()?);
    let before = |a: &Actor| {
        a.mentions
            .iter()
            .filter(|m| m.start < source.start)
            .map(|m| m.start)
            .max()
    };
    let lower_words: Vec<String> = words[1..].iter().map(|w| expand(w)).collect();
    let by_role = live()
        .filter_map(|a| {
            let role: Vec<String> = a
                .role
                .as_deref()?
                .split(|c: char| c.is_whitespace() || c == '-')
                .map(expand)
                .collect();
            if !role.contains(&last) {
                return None;
            }
            let shared = lower_words.iter().filter(|w| role.contains(w)).count();
            Some((shared, before(a), a))
        })
        .max_by_key(|&(shared, at, _)| (shared, at));
    if let Some((_, _, a)) = by_role {
        return Some(a.id.clone());
    }
    live()
        .filter(|a| a.kind != ActorKind::Person && a.kind != ActorKind::Group)
        .filter(|a| {
            std::iter::once(a.name.as_str())
                .chain(a.aliases.iter().map(String::as_str))
                .any(|n| {
                    n.split_whitespace()
                        .last()
                        .is_some_and(|l| l.to_lowercase() == last && n.contains(' '))
                })
        })
        .max_by_key(|a| before(a))
        .map(|a| a.id.clone())
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
