//! Which actor a claim's source mention refers to: a mention it overlaps, a name or alias it
//! spells, or, for a pronoun, the nearest fitting actor mentioned before it.

use crate::extract::Context;
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
    if let Some((a, _)) = best {
        return Some(a.id.clone());
    }
    let text = source.text.trim();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '\'' | '’'))
        .filter(|w| !w.is_empty())
        .collect();
    // 2. A pronoun: the nearest fitting actor mentioned before, within a few sentences.
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
        return live()
            .filter(|a| fits(a.kind, p))
            .filter_map(|a| {
                let last = a
                    .mentions
                    .iter()
                    .filter(|m| m.end <= at && m.start >= reach_start)
                    .map(|m| m.start)
                    .max()?;
                Some((last, a))
            })
            .max_by_key(|&(last, a)| (last, a.kind == ActorKind::Person))
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
    live()
        .filter(|a| a.kind == ActorKind::Person)
        .find(|a| {
            a.name
                .split_whitespace()
                .last()
                .is_some_and(|s| s.to_lowercase() == last)
        })
        .map(|a| a.id.clone())
}
