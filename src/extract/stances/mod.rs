//! Stances: actor → target → support / oppose / neutral, with evidence.
//!
//! A stance is read where a stance expression from the compiled-in lexicon ("backs", "is
//! hesitant to", "the importance of", "would be a mistake") has a holder: an actor mention as
//! its subject (a descriptive sentence), or the speaker of the claim it sits in. Negation flips
//! the polarity, hedges lower the confidence, and targets are normalised (see `target`) so the
//! same target is one string across the article. Expressions without a clear holder give
//! nothing: fewer, right stances beat many wrong ones.

mod lexicon;
mod target;

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use crate::extract::Context;
use crate::extract::hashing::FxBuild;
use crate::extract::text::{Token, TokenKind};
use crate::model::{Actor, ActorKind, Claim, ClaimKind, Meta, Polarity, Span, Stance};

use lexicon::{Entry, Frame, STANCE_LEXICON};
use target::{AliasIndex, TWord};

/// Words that turn a stance around.
const NEGATIONS: &[&str] = &[
    "not", "never", "no", "cannot", "neither", "nor", "refuse", "refuses", "refused", "declined",
    "declines", "fail", "fails", "failed", "longer",
];
/// Words that make a stance less certain.
const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "would",
    "possibly",
    "potentially",
    "likely",
    "unlikely",
    "perhaps",
    "maybe",
    "reportedly",
    "apparently",
    "seem",
    "seems",
    "seemed",
    "appear",
    "appears",
    "appeared",
    "probably",
    "reluctantly",
];
/// Words that make a stance firmer.
const INTENSIFIERS: &[&str] = &[
    "strongly",
    "firmly",
    "fully",
    "staunchly",
    "vigorously",
    "unequivocally",
    "wholeheartedly",
    "vehemently",
    "adamantly",
    "openly",
    "publicly",
    "consistently",
];
/// Words that may sit between a subject and its stance expression.
const SKIPPABLE: &[&str] = &[
    ",",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "will",
    "shall",
    "should",
    "can",
    "must",
    "do",
    "does",
    "did",
    "also",
    "still",
    "now",
    "already",
    "again",
    "always",
    "even",
    "just",
    "so",
    "far",
    "long",
    "very",
    "continue",
    "continues",
    "continued",
    "remain",
    "remains",
    "remained",
    // "stood ready to support".
    "stand",
    "stands",
    "stood",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];
const FIRST_PERSON: &[&str] = &["we", "i"];
const PREPOSITIONS: &[&str] = &[
    "of", "for", "to", "with", "by", "from", "in", "on", "at", "about", "against", "than", "into",
    "toward", "towards",
];
/// Verbs through which an infinitive's subject is the stance holder ("vowed to back").
const INTENT: &[&str] = &[
    "continue",
    "continues",
    "continued",
    "plans",
    "planned",
    "plan",
    "intends",
    "intended",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "wants",
    "wanted",
    "want",
    "going",
    "decided",
    "decides",
    "agreed",
    "agrees",
    "seem",
    "seems",
    "seemed",
    "appear",
    "appears",
    "appeared",
    "threatened",
    "threatens",
    "hopes",
    "hoped",
    "expected",
    "likely",
    "unlikely",
    "ready",
    "prepared",
    "willing",
    "unwilling",
    "used",
];
/// Words a number may follow inside a target.
const NUMBERED: &[&str] = &[
    "proposition",
    "prop.",
    "article",
    "resolution",
    "amendment",
    "section",
    "title",
    "bill",
    "chapter",
    "measure",
    "question",
];
/// Particles that make a phrasal verb of a stance verb.
/// Past participles that undo what they are said of ("… to be revoked"): calling for them is
/// opposing the thing.
const UNDOING: &[&str] = &[
    "abolished",
    "banned",
    "blocked",
    "cancelled",
    "clawed",
    "canceled",
    "closed",
    "cut",
    "dismantled",
    "dropped",
    "ended",
    "halted",
    "impeached",
    "prosecuted",
    "removed",
    "repealed",
    "rejected",
    "revoked",
    "scrapped",
    "stripped",
    "suspended",
    "withdrawn",
];

/// Past participles that look into what they are said of ("… to be reviewed"), with the
/// noun the wish is for: calling for a review of a licence is not calling for its end, so the
/// stance is for the review.
const SCRUTINY: &[(&str, &str)] = &[
    ("reviewed", "review"),
    ("re-examined", "re-examination"),
    ("reexamined", "re-examination"),
    ("reconsidered", "reconsideration"),
    ("examined", "examination"),
    ("investigated", "investigation"),
    ("audited", "audit"),
    ("inspected", "inspection"),
    ("scrutinised", "scrutiny"),
    ("scrutinized", "scrutiny"),
];
/// Verbs whose object an evaluation after it is said of: "found the explanation unsatisfactory".
const JUDGING: &[&str] = &[
    "find",
    "finds",
    "found",
    "consider",
    "considers",
    "considered",
    "deem",
    "deems",
    "deemed",
    "call",
    "calls",
    "called",
    "branded",
    "brands",
    "labelled",
    "labeled",
];

/// Rules of expressions that also greet: a person welcomed is a guest.
const GREETINGS: &[&str] = &["welcomes"];
/// Words that open a greeted target: "welcomed several hundred guests", "welcomed them".
const GREETED: &[&str] = &[
    "several",
    "hundreds",
    "dozens",
    "thousands",
    "guests",
    "visitors",
    "them",
    "him",
    "her",
    "you",
    "us",
    "everyone",
];

const PARTICLES: &[&str] = &["out", "off", "down", "away", "up", "onto"];
const COPULAS: &[&str] = &["is", "are", "was", "were", "be", "been", "'s"];

/// A run of tokens naming one actor.
#[derive(Debug, Clone, Copy)]
struct ActorRun {
    start: usize,
    end: usize,
    actor: usize,
}

/// One sentence, ready for matching.
struct Sent<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lower: &'a [&'a str],
    runs: Vec<ActorRun>,
    /// Index into `runs` of the run covering each token.
    run_at: Vec<Option<usize>>,
}

impl Sent<'_> {
    fn lower(&self) -> &[&str] {
        self.lower
    }

    fn is_punct(&self, i: usize) -> bool {
        matches!(self.tokens[i].kind, TokenKind::Punct | TokenKind::Quote)
    }
}

/// A claim with its byte ranges.
struct ClaimRanges<'c> {
    claim: &'c Claim,
    actor: Option<usize>,
    content: Vec<Range<usize>>,
    cue: Option<Range<usize>>,
    source: Option<Range<usize>>,
}

/// What stands before a stance expression.
#[derive(Debug)]
enum Subject {
    Actors(Vec<ActorRun>),
    Pronoun(String),
    Other,
    Nothing,
}

/// What was read before the expression besides its subject.
#[derive(Debug, Default)]
struct Modifiers {
    negated: bool,
    hedged: bool,
    intensified: bool,
}

/// A stance before ids are given and targets unified.
#[derive(Debug)]
struct Found {
    actor: usize,
    target: String,
    polarity: Polarity,
    evidence: Range<usize>,
    claim: Option<String>,
    rule: String,
    confidence: f64,
    sentence: usize,
}

/// Finds the stances of the text's actors, from their claims and from descriptive sentences.
pub fn find_stances(cx: &Context, actors: &[Actor], claims: &[Claim]) -> Vec<Stance> {
    if actors.is_empty() {
        return Vec::new();
    }
    let text = cx.text;
    let mentions = mention_ranges(cx, actors);
    let claims = Claims::new(cx, actors, claims);
    // Built at the first sentence with a stance expression: most sentences have none.
    let mut aliases: Option<AliasIndex> = None;

    let doc = Doc {
        actors,
        mentions: &mentions,
    };
    let mut found = Vec::new();
    for si in 0..cx.analysis.sentences.len() {
        let tokens = cx.analysis.sentence_tokens(si);
        // The lexicon reads the words as written: only a sentence with a stance expression
        // is lower-cased.
        let hits = STANCE_LEXICON.find_all(text, tokens);
        if hits.is_empty() {
            continue;
        }
        let near = match (tokens.first(), tokens.last()) {
            (Some(a), Some(b)) => claims.near(cx, a.start..b.end),
            _ => Vec::new(),
        };
        let raw: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let lowered: Vec<Cow<str>> = raw.iter().map(|w| lexicon::lower_word(w)).collect();
        let lower: Vec<&str> = lowered.iter().map(|w| w.as_ref()).collect();
        let aliases = aliases.get_or_insert_with(|| AliasIndex::new(actors));
        let sent = sentence(text, tokens, &raw, &lower, &mentions, aliases);
        for (i, entry) in hits {
            read_expression(&doc, &near, &sent, si, i, entry, &mut found);
        }
    }
    finish(cx, actors, found)
}

/// The byte ranges of the actors' mentions, as (start, end, actor), in text order.
fn mention_ranges(cx: &Context, actors: &[Actor]) -> Vec<(usize, usize, usize)> {
    let (text, map) = (cx.text, &cx.offsets);
    let mut mentions = Vec::new();
    for (i, a) in actors.iter().enumerate() {
        for m in a.mentions.iter().filter(|m| !m.orphaned) {
            // Most mentions are one piece: no vector of pieces for them.
            if m.parts.is_none() {
                let r = m.byte_range(map, text);
                mentions.push((r.start, r.end, i));
            } else {
                let pieces = m.byte_pieces(map, text);
                mentions.extend(pieces.into_iter().map(|r| (r.start, r.end, i)));
            }
        }
    }
    mentions.retain(|(s, e, _)| s < e);
    mentions.sort_unstable();
    mentions
}

/// The claims that are not rejected, found by the sentences they reach into.
struct Claims<'c> {
    claims: Vec<&'c Claim>,
    actor_index: HashMap<&'c str, usize, FxBuild>,
    /// (start, end, claim) of the cue and content together, by start, in code points clamped
    /// to the text: finding a sentence's claims converts the sentence's two offsets instead
    /// of every claim's, and most sentences have no stance expression to look for claims.
    by_start: Vec<(usize, usize, usize)>,
    /// The furthest end along `by_start` so far: a sentence looks only at the claims that reach
    /// into it, so long texts stay linear.
    furthest: Vec<usize>,
}

impl<'c> Claims<'c> {
    fn new(cx: &Context, actors: &'c [Actor], claims: &'c [Claim]) -> Self {
        let claims: Vec<&Claim> = claims.iter().filter(|c| !c.meta.is_rejected()).collect();
        let actor_index = actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let len = cx.offsets.len_chars();
        let mut by_start: Vec<(usize, usize, usize)> = claims
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let (mut start, mut end) = char_extent(&c.content);
                if let Some(cue) = &c.cue {
                    let (s, e) = char_extent(cue);
                    (start, end) = (start.min(s), end.max(e));
                }
                (start.min(len), end.min(len), k)
            })
            .collect();
        by_start.sort_unstable();
        let furthest = by_start
            .iter()
            .scan(0, |f, &(_, end, _)| {
                *f = (*f).max(end);
                Some(*f)
            })
            .collect();
        Claims {
            claims,
            actor_index,
            by_start,
            furthest,
        }
    }

    /// The claims reaching into `bytes` (char boundaries) in claim order, with their byte
    /// ranges. Byte and code point offsets within the text rise together, so comparing the
    /// clamped code points of the claims with the sentence's finds the claims whose byte
    /// ranges reach into it.
    fn near(&self, cx: &Context, bytes: Range<usize>) -> Vec<ClaimRanges<'c>> {
        let (text, map) = (cx.text, &cx.offsets);
        let (s, e) = (map.to_char(text, bytes.start), map.to_char(text, bytes.end));
        let hi = self.by_start.partition_point(|&(start, _, _)| start < e);
        let mut near: Vec<usize> = self.by_start[..hi]
            .iter()
            .zip(&self.furthest[..hi])
            .rev()
            .take_while(|&(_, &f)| f > s)
            .filter(|&(&(_, end, _), _)| end > s)
            .map(|(&(_, _, k), _)| k)
            .collect();
        near.sort_unstable();
        near.into_iter()
            .map(|k| {
                let c = self.claims[k];
                ClaimRanges {
                    claim: c,
                    actor: (c.actor.as_deref()).and_then(|a| self.actor_index.get(a).copied()),
                    content: c.content.byte_pieces(map, text),
                    cue: c.cue.as_ref().map(|s| s.byte_range(map, text)),
                    source: c.source.as_ref().map(|s| s.byte_range(map, text)),
                }
            })
            .collect()
    }
}

/// The code points a span covers, from the start of its first piece to the end of its last
/// (the pieces as `Span::pieces` gives them, an end never before its start).
fn char_extent(span: &Span) -> (usize, usize) {
    match &span.parts {
        Some(parts) if !parts.is_empty() => {
            parts.iter().fold((usize::MAX, 0), |(lo, hi), &[s, e]| {
                (lo.min(s), hi.max(e.max(s)))
            })
        }
        _ => (span.start, span.end.max(span.start)),
    }
}

/// Tokens of a sentence with the actor runs over them: mentions first, then names and aliases.
fn sentence<'a>(
    text: &'a str,
    tokens: &'a [Token],
    raw: &[&str],
    lower: &'a [&'a str],
    mentions: &[(usize, usize, usize)],
    aliases: &AliasIndex,
) -> Sent<'a> {
    let mut runs: Vec<ActorRun> = Vec::new();
    let mut run_at = vec![None; tokens.len()];
    let mut current: Option<(usize, usize)> = None; // (mention index, run index)
    // The mentions starting at or before the token: tokens go forward, so this only grows.
    let mut k = tokens
        .first()
        .map_or(0, |t| mentions.partition_point(|m| m.0 <= t.start));
    for (ti, t) in tokens.iter().enumerate() {
        while mentions.get(k).is_some_and(|m| m.0 <= t.start) {
            k += 1;
        }
        // The innermost mention starting at or before the token that covers it.
        let covering = mentions[..k]
            .iter()
            .enumerate()
            .rev()
            .take(8)
            .find(|(_, m)| m.1 >= t.end)
            .map(|(mi, _)| mi);
        match (covering, current) {
            (Some(mi), Some((cmi, ri))) if mi == cmi => {
                runs[ri].end = ti + 1;
                run_at[ti] = Some(ri);
            }
            (Some(mi), _) => {
                runs.push(ActorRun {
                    start: ti,
                    end: ti + 1,
                    actor: mentions[mi].2,
                });
                run_at[ti] = Some(runs.len() - 1);
                current = Some((mi, runs.len() - 1));
            }
            (None, _) => current = None,
        }
    }
    let mut i = 0;
    while i < tokens.len() {
        if run_at[i].is_none()
            && let Some((len, actor)) = aliases.match_at(lower, raw, i)
            && run_at[i..i + len].iter().all(Option::is_none)
        {
            runs.push(ActorRun {
                start: i,
                end: i + len,
                actor,
            });
            for slot in &mut run_at[i..i + len] {
                *slot = Some(runs.len() - 1);
            }
            i += len;
        } else {
            i += 1;
        }
    }
    Sent {
        text,
        tokens,
        lower,
        runs,
        run_at,
    }
}

/// Who holds a stance, how we know (the rule's first part), how surely, where their name
/// starts (when it opens the evidence) and where it ends (when it closes the evidence).
type Holder = (usize, &'static str, f64, Option<usize>, Option<usize>);

/// The actor who follows a stance's subjects in it, from token `from` to the end of the
/// clause: ", followed by (the) X" or ", as do (the) X".
fn follower(sent: &Sent, from: usize) -> Option<ActorRun> {
    let lower = sent.lower();
    let end = lower.len().min(from + MAX_FOLLOWER_GAP);
    let mut k = from;
    while k + 3 < end {
        match lower[k] {
            ";" | ":" => return None,
            "," if matches!(
                (lower[k + 1], lower[k + 2]),
                ("followed", "by") | ("as", "do" | "does" | "did")
            ) =>
            {
                // The actor's name, or "the" and its name.
                let j = k + 3;
                let at = |j: usize| {
                    sent.run_at
                        .get(j)
                        .copied()
                        .flatten()
                        .map(|ri| sent.runs[ri])
                        .filter(|run| run.start == j)
                };
                return at(j)
                    .or_else(|| (lower.get(j) == Some(&"the")).then(|| at(j + 1)).flatten());
            }
            _ => k += 1,
        }
    }
    None
}

/// The farthest, in tokens, ", followed by X" may stand from the stance's target.
const MAX_FOLLOWER_GAP: usize = 16;

/// The subject of the expression at token `p`, and the modifiers between them.
fn subject(sent: &Sent, p: usize, nominal: bool) -> (Subject, Modifiers) {
    let mut m = Modifiers::default();
    let lower = sent.lower();
    // Hedges anywhere in the clause before ("it is very likely that X supports ...").
    m.hedged = lower[p.saturating_sub(12)..p]
        .iter()
        .any(|w| HEDGES.contains(w));
    let mut j = p;
    while j > 0 {
        j -= 1;
        let w = lower[j];
        if let Some(ri) = sent.run_at[j] {
            let run = sent.runs[ri];
            // "the top Democrat on the House committee": a determiner hides the preposition.
            let mut b = run.start;
            while b > 0 && matches!(lower[b - 1], "the" | "a" | "an") {
                b -= 1;
            }
            let before = b.checked_sub(1).map(|b| lower[b]);
            let after_such_as = run.start >= 2 && lower[run.start - 2] == "such";
            if before.is_some_and(|b| PREPOSITIONS.contains(&b)) && !after_such_as {
                return (Subject::Other, m);
            }
            let mut all = vec![run];
            // Coordinated subjects: "Poland and Lithuania back ...", "A, B and C back ...".
            // A bare comma is no coordination ("On Tuesday, Clinton criticized ...").
            let mut first = run.start;
            while first >= 2
                && (lower[first - 1] == "and" || (lower[first - 1] == "," && all.len() > 1))
                && let Some(ri) = sent.run_at[first - 2]
            {
                all.push(sent.runs[ri]);
                first = sent.runs[ri].start;
            }
            return (Subject::Actors(all), m);
        }
        // "Russia's support for Assad": the possessor holds a nominal stance.
        if nominal
            && matches!(w, "'s" | "’s")
            && j + 1 == p
            && j > 0
            && let Some(ri) = sent.run_at[j - 1]
        {
            return (Subject::Actors(vec![sent.runs[ri]]), m);
        }
        if NEGATIONS.contains(&w) || w.ends_with("n't") || w.ends_with("n’t") {
            m.negated = !m.negated || w == "longer";
            continue;
        }
        if HEDGES.contains(&w) {
            m.hedged = true;
            continue;
        }
        if INTENSIFIERS.contains(&w) {
            m.intensified = true;
            continue;
        }
        // A quote mark opening the expression ("was not “qualified”") hides nothing.
        if SKIPPABLE.contains(&w)
            || (w.len() > 4 && w.ends_with("ly"))
            || (j + 1 == p
                && sent.tokens[j].kind == TokenKind::Quote
                && sent.tokens[j].end == sent.tokens[p].start)
        {
            continue;
        }
        // An infinitive reaches its subject only through a verb of intent or refusal ("refused
        // to endorse"), not from "Americans to support" or "Ready to back".
        if w == "to" {
            if j > 0 && NEGATIONS.contains(&lower[j - 1]) {
                continue; // "refused to": the negation is read next
            }
            if j > 0 && INTENT.contains(&lower[j - 1]) {
                if HEDGES.contains(&lower[j - 1]) {
                    m.hedged = true;
                }
                j -= 1;
                continue;
            }
            return (Subject::Other, m);
        }
        if matches!(w, "who" | "which" | "that") && j > 0 {
            // "leaders who back ...": the antecedent right before the relative pronoun.
            let k = if lower[j - 1] == "," && j > 1 {
                j - 2
            } else {
                j - 1
            };
            if let Some(ri) = sent.run_at[k] {
                return (Subject::Actors(vec![sent.runs[ri]]), m);
            }
            return (Subject::Other, m);
        }
        if PRONOUNS.contains(&w) {
            return (Subject::Pronoun(w.to_string()), m);
        }
        return (Subject::Other, m);
    }
    (Subject::Nothing, m)
}

/// Whether the claim's source ends within a few words before token `p` and its last word
/// (punctuation aside) names no actor.
fn headless_source_before(sent: &Sent, p: usize, claim: &ClaimRanges) -> bool {
    let Some(source) = &claim.source else {
        return false;
    };
    let Some(k) = (0..p)
        .rev()
        .find(|&k| sent.tokens[k].end <= source.end && !sent.is_punct(k))
    else {
        return false;
    };
    sent.tokens[k].end > source.start
        && p - k <= 4
        && !(k + 1..p).any(|j| sent.is_punct(j) && sent.lower[j] != ",")
        && sent.run_at[k].is_none()
}

/// Whether a nominal stance ("support for X") in a claim is the speaker's own: it opens the
/// content ("[he emphasized] the importance of X") or follows a verb of expressing ("reiterated
/// his support for X"), not "support for Clinton among Sanders supporters" in a poll report.
fn speakers_nominal(sent: &Sent, p: usize, claim: &ClaimRanges) -> bool {
    let lower = sent.lower();
    let mut k = p;
    while k > 0 && NOMINAL_MODIFIERS.contains(&lower[k - 1]) {
        k -= 1;
    }
    let at = sent.tokens[p].start;
    let content_start = claim
        .content
        .iter()
        .find(|r| r.start <= at && at < r.end)
        .map_or(0, |r| r.start);
    let opens_content = k == 0 || sent.tokens[k - 1].end <= content_start;
    opens_content || EXPRESS.contains(&lower[k - 1])
}

/// Words between a verb of expressing and a nominal stance.
const NOMINAL_MODIFIERS: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "strong",
    "full",
    "continued",
    "unwavering",
    "firm",
    "clear",
    "total",
    "complete",
    "staunch",
    "unequivocal",
    "renewed",
    "that",
    "there",
    "is",
    "was",
    "urgent",
    "pressing",
    "great",
    "critical",
];
/// Verbs that express the subject's own stance through a noun.
const EXPRESS: &[&str] = &[
    "expressed",
    "expresses",
    "voiced",
    "voices",
    "reiterated",
    "reiterates",
    "emphasized",
    "emphasizes",
    "emphasised",
    "stressed",
    "stresses",
    "underscored",
    "underscores",
    "highlighted",
    "highlights",
    "pledged",
    "pledges",
    "declared",
    "declares",
    "affirmed",
    "reaffirmed",
    "reaffirms",
    "signaled",
    "signalled",
    "announced",
    "announces",
    "offered",
    "offers",
    "lent",
    "threw",
    "noted",
    "notes",
    "cited",
    "cites",
    "saw",
    "sees",
    "see",
];

/// Target words from token `from` on: up to a clause boundary (or token `stop`), actor runs
/// replaced by names. Quote marks opening the target are skipped: "warned against “knee-jerk
/// reforms”".
fn words_after(sent: &Sent, actors: &[Actor], from: usize, stop: usize) -> (Vec<TWord>, usize) {
    let mut words: Vec<TWord> = Vec::new();
    let lower = sent.lower();
    let stop = stop.min(sent.tokens.len());
    let mut from = from;
    while from < stop && sent.tokens[from].kind == TokenKind::Quote {
        from += 1;
    }
    let lead = lexicon::TARGET_RULES.leads.iter().find(|l| {
        l.len() <= lower.len().saturating_sub(from)
            && l.iter().zip(&lower[from..]).all(|(a, b)| a == b)
    });
    let mut i = from + lead.map_or(0, Vec::len);
    while i < stop && words.len() < 14 {
        if let Some(ri) = sent.run_at[i] {
            let run = sent.runs[ri];
            // A run already started before `from` (the target is inside a mention) is cut.
            let name = &actors[run.actor].name;
            words.push(TWord {
                text: name.clone(),
                lower: name.to_lowercase(),
                actor: Some(run.actor),
            });
            i = run.end;
            continue;
        }
        if sent.is_punct(i) {
            break;
        }
        // Numbers end a target ("given to Ukraine 15 years ago") except in a named measure
        // ("Proposition 187", "Article 5").
        if sent.tokens[i].kind == TokenKind::Number
            && !words
                .last()
                .is_some_and(|w| NUMBERED.contains(&w.lower.as_str()))
        {
            break;
        }
        let w = lower[i];
        let prev = words.last().map(|w| w.lower.as_str());
        if !(w == "'s" || w == "’s" || target::continues(prev, w)) {
            break;
        }
        words.push(TWord::plain(&raw_text(sent, i)));
        i += 1;
    }
    (words, i)
}

fn raw_text(sent: &Sent, i: usize) -> String {
    sent.tokens[i].text(sent.text).to_string()
}

/// Target words of a copula evaluation: the noun phrase before "would be", "is", or after a
/// verb of judging ("found the explanation “unsatisfactory”"), with the index of the first
/// word and of the verb of judging.
fn words_before(
    sent: &Sent,
    actors: &[Actor],
    p: usize,
) -> Option<(Vec<TWord>, usize, Option<usize>)> {
    let lower = sent.lower();
    let mut j = p;
    // Intensifiers of the evaluation ("very dangerous") and quote marks around it.
    while j > 0
        && (qualifies_evaluation(lower[j - 1]) || sent.tokens[j - 1].kind == TokenKind::Quote)
    {
        j -= 1;
    }
    if j == 0 {
        return None;
    }
    let Some(end) = before_copula(lower, j) else {
        return judged_words(sent, actors, j);
    };
    let mut start = end;
    while start > 0 && end - start < 8 {
        let k = start - 1;
        if sent.is_punct(k) || sent.tokens[k].kind == TokenKind::Number {
            break;
        }
        if sent.run_at[k].is_none() && !target::continues(Some("x"), lower[k]) {
            break;
        }
        start = k;
    }
    // The noun phrase starts at its last determiner ("Critics warned the new tariff").
    if let Some(d) = (start..end)
        .rev()
        .find(|&k| matches!(lower[k], "the" | "a" | "an" | "this" | "these" | "those"))
    {
        start = d;
    }
    // A pronoun ("saying he would be a disaster") or a clause ("what Trump is saying is
    // dangerous") before the copula is no target to name.
    let clause = |k: usize| {
        PRONOUNS.contains(&lower[k])
            || (lower[k].ends_with("ing") && k > 0 && COPULAS.contains(&lower[k - 1]))
    };
    if start == end || clause(end - 1) {
        return None;
    }
    let (mut words, _) = words_after(sent, actors, start, end);
    // A sentence-initial capital is not a name.
    if start == 0
        && let Some(w) = words.first_mut()
        && w.actor.is_none()
        && w.text.chars().skip(1).all(char::is_lowercase)
    {
        w.text = w.lower.clone();
    }
    Some((words, start, None))
}

/// From token `j`, where an evaluation and what qualifies it start, back over a copula and
/// the hedges, "will" or "not" before it ("would not be"): where the copula's subject ends.
/// None when no copula stands right before `j`.
fn before_copula(lower: &[&str], mut j: usize) -> Option<usize> {
    if j == 0 || !COPULAS.contains(&lower[j - 1]) {
        return None;
    }
    j -= 1;
    while j > 0 && (HEDGES.contains(&lower[j - 1]) || matches!(lower[j - 1], "will" | "not")) {
        j -= 1;
    }
    Some(j)
}

/// Words between a copula and its evaluation: degree ("very", "so"), negation ("not", read
/// again by `subject`) and adverbs ("clearly unfit", "totally unqualified").
fn qualifies_evaluation(w: &str) -> bool {
    matches!(
        w,
        "very"
            | "really"
            | "so"
            | "too"
            | "quite"
            | "truly"
            | "not"
            | "never"
            | "also"
            | "just"
            | "simply"
            | "still"
            | "even"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

/// "He is a disgrace" in a claim: the evaluated person is the last one the claim's content
/// names before the pronoun whose gender it surely fits (see `gender_agrees`), unless that is
/// the speaker ("“Trump said Hispanics live in hell. He is ignorant of our culture.”").
/// Nobody when the content names no one before it: a pronoun reaching outside a quote is
/// left alone.
fn pronoun_before(
    doc: &Doc,
    sent: &Sent,
    claim: &ClaimRanges,
    p: usize,
) -> Option<(Vec<TWord>, usize, Option<usize>)> {
    let lower = sent.lower();
    let mut j = p;
    while j > 0 && qualifies_evaluation(lower[j - 1]) {
        j -= 1;
    }
    let k = before_copula(lower, j)?.checked_sub(1)?;
    if !matches!(lower[k], "he" | "she") {
        return None;
    }
    let at = sent.tokens[k].start;
    let content = claim.content.iter().find(|r| r.start <= at && at < r.end)?;
    let before = &doc.mentions[..doc.mentions.partition_point(|m| m.0 < at)];
    let &(_, _, actor) = before
        .iter()
        .rev()
        .take_while(|m| m.0 >= content.start)
        .find(|m| {
            let a = &doc.actors[m.2];
            a.kind == ActorKind::Person && crate::extract::actors::gender_agrees(a, lower[k])
        })?;
    if claim.actor == Some(actor) {
        return None;
    }
    let name = &doc.actors[actor].name;
    Some((vec![TWord::actor(name, actor)], k, None))
}

/// Whether the word after a one-word evaluation shows it modifies a noun ("Trump's
/// presidential campaign", "are wonderful senators") rather than ending a predicate ("is
/// unfit to serve", "is wrong about"): a lower-case word that is no preposition, conjunction
/// or adverb.
fn modifies_a_noun(next: &str) -> bool {
    next.chars().all(char::is_alphabetic)
        && next.starts_with(char::is_lowercase)
        && !PREPOSITIONS.contains(&next)
        && !next.ends_with("ly")
        && !matches!(
            next,
            "and"
                | "or"
                | "but"
                | "nor"
                | "as"
                | "than"
                | "enough"
                | "too"
                | "when"
                | "because"
                | "since"
                | "that"
                | "who"
                | "which"
                | "if"
                | "though"
                | "although"
                | "while"
                | "now"
                | "again"
                | "here"
                | "there"
                | "anymore"
                | "ever"
                | "yet"
                | "so"
                | "then"
                | "today"
                | "right"
                | "indeed"
                | "either"
                | "himself"
                | "herself"
        )
}

/// Whether the words name one person and nothing else but an honorific or title before the
/// name ("Mr. Trump", "Secretary Clinton").
fn names_a_person(words: &[TWord], actors: &[Actor]) -> bool {
    match words.split_last() {
        Some((last, rest)) => {
            last.actor
                .is_some_and(|a| actors[a].kind == ActorKind::Person)
                && rest.iter().all(|w| w.actor.is_none() && w.is_proper())
        }
        None => false,
    }
}

/// The object of a verb of judging that ends right before token `end`: "found [the
/// explanation]", "called [the decision]" (a short noun phrase, no clause boundary in it).
fn judged_words(
    sent: &Sent,
    actors: &[Actor],
    end: usize,
) -> Option<(Vec<TWord>, usize, Option<usize>)> {
    let lower = sent.lower();
    let mut v = end;
    while v > 0 && end - v < 6 {
        v -= 1;
        if JUDGING.contains(&lower[v]) {
            break;
        }
        if sent.is_punct(v) || (sent.run_at[v].is_none() && !target::continues(Some("x"), lower[v]))
        {
            return None;
        }
    }
    if !JUDGING.contains(&lower[v]) || v + 1 == end {
        return None;
    }
    let (words, _) = words_after(sent, actors, v + 1, end);
    Some((words, v + 1, Some(v)))
}

/// The article's actors and the byte ranges of their mentions (see `mention_ranges`).
struct Doc<'a> {
    actors: &'a [Actor],
    mentions: &'a [(usize, usize, usize)],
}

/// Reads the stance expression `entry` at token `p` of sentence `si`.
fn read_expression(
    doc: &Doc,
    claims: &[ClaimRanges],
    sent: &Sent,
    si: usize,
    p: usize,
    entry: &Entry,
    found: &mut Vec<Found>,
) {
    let actors = doc.actors;
    let p_end = p + entry.words.len();
    if sent.run_at[p..p_end].iter().any(Option::is_some) {
        return; // part of a name ("Support Party")
    }
    // A passive ("Texas was called for Cruz", "the bill was backed by") has no holder before it.
    if p > 0
        && entry.polarity != Polarity::Neutral
        && entry.words[0].ends_with("ed")
        && matches!(
            sent.lower[p - 1],
            "was" | "were" | "been" | "be" | "being" | "is" | "are" | "get" | "got"
        )
    {
        return;
    }
    // Phrasal verbs are something else: "backed off", "backed out", "back down".
    if entry.frame == Frame::Object && sent.lower.get(p_end).is_some_and(|w| PARTICLES.contains(w))
    {
        return;
    }
    let bytes = sent.tokens[p].start..sent.tokens[p_end - 1].end;
    let via_cue = claims.iter().find(|c| {
        c.cue
            .as_ref()
            .is_some_and(|r| r.start < bytes.end && bytes.start < r.end)
    });
    let in_content = claims
        .iter()
        .filter(|c| {
            c.content
                .iter()
                .any(|r| r.start <= bytes.start && bytes.end <= r.end)
        })
        .min_by_key(|c| c.content.iter().map(|r| r.end - r.start).sum::<usize>());
    let claim = via_cue.or(in_content);

    // A copula evaluation's target comes first: after a verb of judging ("found X
    // unsatisfactory") the holder is that verb's subject.
    let before = if entry.frame == Frame::Copula {
        match claim
            .and_then(|c| pronoun_before(doc, sent, c, p))
            .or_else(|| words_before(sent, actors, p))
        {
            Some(b) => Some(b),
            None => return,
        }
    } else {
        None
    };
    let judge = before.as_ref().and_then(|b| b.2);
    let (mut subj, m) = subject(sent, judge.unwrap_or(p), entry.frame == Frame::Nominal);
    // What a copula evaluates is its subject ("Trump is a disgrace"), not who holds the
    // stance: that is whoever stands before the evaluated words, most often a claim's speaker.
    if let (Frame::Copula, Some((_, start, None))) = (entry.frame, &before) {
        subj = subject(sent, *start, false).0;
    }
    // Who holds the stance, and how we know.
    let mut holders: Vec<Holder> = Vec::new();
    match (&subj, claim) {
        (Subject::Actors(runs), _) => {
            for run in runs {
                let (origin, factor) = match claim {
                    Some(_) if via_cue.is_some() => ("claim-cue", 1.0),
                    // "X found the plan unacceptable": X's own judgement.
                    None if judge.is_some() => ("descriptive", 0.8),
                    Some(c) if c.actor == Some(run.actor) => ("claim-content", 1.0),
                    Some(_) => ("claim-reported", 0.8),
                    None => ("descriptive", 0.9),
                };
                holders.push((run.actor, origin, factor, Some(run.start), None));
            }
        }
        (Subject::Pronoun(p), Some(c)) => {
            let first_person = FIRST_PERSON.contains(&p.as_str())
                && matches!(c.claim.kind, ClaimKind::Direct | ClaimKind::Mixed);
            // "Trump said he supports ...": in reported speech a third-person pronoun that
            // fits the speaker is most often the speaker.
            let third_person = c.claim.kind != ClaimKind::Direct
                && c.actor.is_some_and(|a| match p.as_str() {
                    "he" | "she" => actors[a].kind == ActorKind::Person,
                    "it" | "they" => actors[a].kind != ActorKind::Person,
                    _ => false,
                });
            let is_source = || {
                c.source
                    .clone()
                    .is_some_and(|r| sent.text[r].to_lowercase() == *p)
            };
            let factor = if via_cue.is_some() || first_person || is_source() {
                Some(0.9)
            } else if third_person {
                Some(0.75)
            } else {
                None
            };
            if let (Some(factor), Some(a)) = (factor, c.actor) {
                let origin = if via_cue.is_some() {
                    "claim-cue"
                } else {
                    "claim-content"
                };
                holders.push((a, origin, factor, None, None));
            }
        }
        // "A spokesman for X said … but warned against …": the claim layer found who warned,
        // unless its source stands right before the expression with no actor at its head ("A
        // New York judge rejected", "Scott's family called on"): that subject is no actor.
        (Subject::Other | Subject::Nothing, Some(c))
            if via_cue.is_some() && !headless_source_before(sent, p, c) =>
        {
            if let Some(a) = c.actor {
                holders.push((a, "claim-cue", 0.9, None, None));
            }
        }
        (Subject::Other | Subject::Nothing, Some(c))
            if (entry.frame == Frame::Copula && judge.is_none())
                || (entry.frame == Frame::Nominal && speakers_nominal(sent, p, c)) =>
        {
            if let Some(a) = c.actor {
                holders.push((a, "claim-content", 0.9, None, None));
            }
        }
        _ => {}
    }
    if holders.is_empty() {
        return;
    }
    if entry.frame == Frame::Copula && claim.is_none() && judge.is_none() {
        return; // the author's own evaluation, not an actor's stance
    }

    // The target: after the expression (up to its closer), after the closer, or before.
    let closer = (!entry.closer.is_empty())
        .then(|| lexicon::find_closer(sent.text, sent.tokens, p_end, &entry.closer))
        .flatten();
    let (mut words, target_range) = match (entry.frame, before) {
        (Frame::Then, _) => {
            let Some(k) = closer else { return };
            let from = k + entry.closer.len();
            let (mut w, end) = words_after(sent, actors, from, usize::MAX);
            // "called on Dean to apologize": a lone verb says little without who should act.
            if w.len() == 1 && entry.closer.last().is_some_and(|c| c == "to") {
                let (mut who, _) = words_after(sent, actors, p_end, k);
                if !who.is_empty() {
                    who.push(TWord::plain("to"));
                    who.append(&mut w);
                    w = who;
                }
            }
            (w, p_end.min(from)..end)
        }
        // A person's evaluation needs the person, named or as "he" / "she".
        (Frame::Copula, Some((w, _, _)))
            if entry.person
                && (!names_a_person(&w, actors)
                    || (entry.words.len() == 1
                        && sent.lower.get(p_end).is_some_and(|n| modifies_a_noun(n)))) =>
        {
            return;
        }
        // The person alone, no honorific: "Mr. Trump" is the target "Donald Trump".
        (Frame::Copula, Some((mut w, start, _))) if entry.person => {
            (w.split_off(w.len().saturating_sub(1)), start..p)
        }
        (Frame::Copula, Some((w, start, _))) => (w, start..p),
        (Frame::Copula, None) => return,
        (Frame::Object | Frame::Nominal, _) => {
            let (w, end) = words_after(sent, actors, p_end, closer.unwrap_or(usize::MAX));
            (w, p_end..end)
        }
    };
    let ends_in_to = |w: &[String]| w.last().is_some_and(|w| w == "to");
    if (entry.frame == Frame::Object && ends_in_to(&entry.words))
        || (entry.frame == Frame::Then && ends_in_to(&entry.closer))
    {
        target::strip_infinitive(&mut words);
    }
    let words = target::normalise_words(words, actors);
    // "support Ukraine by sending troops": the means is a target too.
    let by_means = (target_range.end + 1 < sent.tokens.len()
        && sent.lower[target_range.end] == "by"
        && sent.lower[target_range.end + 1].ends_with("ing"))
    .then(|| {
        let (w, end) = words_after(sent, actors, target_range.end + 1, usize::MAX);
        (target::normalise_words(w, actors), end)
    });

    let mut polarity = entry.polarity;
    let mut confidence = entry.strength;
    let mut rule = entry.rule.clone();
    // "called for Northvale's licence to be revoked": what is wanted for the target undoes
    // it, so the stance is against it.
    // The words after the target, quote marks aside ("to be “clawed back”").
    let rest: Vec<usize> = (target_range.end..sent.tokens.len())
        .filter(|&k| sent.tokens[k].kind != TokenKind::Quote)
        .take(3)
        .collect();
    let after = |k: usize| rest.get(k).map_or("", |&i| sent.lower[i]);
    let wished = entry.frame == Frame::Object
        && polarity == Polarity::Support
        && after(0) == "to"
        && after(1) == "be";
    // "called for the licence to be reviewed": for a review of the licence.
    let scrutiny = SCRUTINY
        .iter()
        .find(|(done, _)| wished && after(2) == *done)
        .map(|(_, noun)| *noun);
    // The evidence takes the wish along: "called for the licence to be reviewed".
    let mut wish_end = None;
    if wished && UNDOING.contains(&after(2)) {
        polarity = Polarity::Oppose;
        rule.push_str("-undone");
        wish_end = rest.get(2).map(|&k| k + 1);
    } else if scrutiny.is_some() {
        rule.push_str("-scrutiny");
        wish_end = rest.get(2).map(|&k| k + 1);
    }
    // "urged Congress not to pass the bill".
    let negated_closer = entry.frame == Frame::Then
        && closer.is_some_and(|k| k > 0 && NEGATIONS.contains(&sent.lower[k - 1]));
    if m.negated != negated_closer {
        (polarity, confidence) = match polarity {
            Polarity::Support => (Polarity::Oppose, confidence * 0.85),
            Polarity::Oppose => (Polarity::Support, confidence * 0.7),
            // "not undecided" says there is a position, not which one.
            Polarity::Neutral => return,
        };
        rule.push_str("-negated");
    }
    if m.hedged {
        confidence *= 0.75;
        rule.push_str("-hedged");
    }
    if m.intensified {
        confidence *= 1.1;
    }
    // "welcomed the guests", "welcomed her to the city": a greeting, not a stance.
    if GREETINGS.contains(&entry.rule.as_str())
        && (after(0) == "to"
            || matches!(words.as_slice(), [w] if w.actor.is_some_and(|a| matches!(actors[a].kind, ActorKind::Person | ActorKind::Group)))
            || words
                .first()
                .is_some_and(|w| GREETED.contains(&w.lower.as_str())))
    {
        return;
    }
    // "Poland has been assisting Ukraine …, followed by the Baltic states": who follows
    // holds the stance too, as the subjects' own, a little less surely; the evidence runs
    // on to them.
    if let Subject::Actors(_) = &subj
        && let Some(&(_, origin, factor, start, _)) = holders.first()
        && let Some(run) = follower(sent, target_range.end.max(p_end))
        && holders.iter().all(|h| h.0 != run.actor)
    {
        holders.push((run.actor, origin, factor * 0.8, start, Some(run.end)));
    }
    let claim_id = claim.map(|c| c.claim.id.clone());
    for (actor, origin, factor, subject_start, evidence_end) in holders {
        let mut emit = |words: &[TWord], range: Range<usize>, extra: f64, suffix: &str| {
            let Some(mut target) = target::finish(words, actors, Some(actor)) else {
                return;
            };
            if let Some(noun) = scrutiny {
                target = format!("{noun} of {target}");
            }
            let first =
                (subject_start.unwrap_or(p).min(p).min(range.start)).min(judge.unwrap_or(p));
            let mut last = range
                .end
                .max(p_end)
                .max(wish_end.unwrap_or(0))
                .max(evidence_end.unwrap_or(0));
            // A quote opened inside the evidence closes inside it: “knee-jerk reforms”.
            let quotes = (first..last).filter(|&k| sent.tokens[k].kind == TokenKind::Quote);
            if quotes.count() % 2 == 1
                && sent
                    .tokens
                    .get(last)
                    .is_some_and(|t| t.kind == TokenKind::Quote)
            {
                last += 1;
            }
            let evidence = sent.tokens[first].start..sent.tokens[last - 1].end;
            let confidence = (confidence * factor * extra).clamp(0.05, 0.95);
            found.push(Found {
                actor,
                target,
                polarity,
                evidence,
                claim: claim_id.clone(),
                rule: format!("{origin}-{rule}{suffix}"),
                confidence: (confidence * 100.0).round() / 100.0,
                sentence: si,
            });
        };
        emit(&words, target_range.clone(), 1.0, "");
        if let Some((w, end)) = &by_means {
            emit(w, target_range.end..*end, 0.85, "-by-means");
        }
    }
}

/// Unifies targets, drops repeats (same actor, target and polarity in one sentence) and gives
/// ids in text order.
fn finish(cx: &Context, actors: &[Actor], mut found: Vec<Found>) -> Vec<Stance> {
    let mut targets: Vec<String> = found.iter().map(|f| f.target.clone()).collect();
    target::unify(&mut targets);
    for (f, t) in found.iter_mut().zip(targets) {
        f.target = t;
    }
    found.retain(|f| actors[f.actor].name.to_lowercase() != f.target.to_lowercase());
    found.sort_by(|a, b| {
        (a.evidence.start, a.evidence.end)
            .cmp(&(b.evidence.start, b.evidence.end))
            .then(b.confidence.total_cmp(&a.confidence))
    });
    let mut seen = std::collections::HashSet::new();
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        if seen.insert((f.sentence, f.actor, f.target.clone(), f.polarity)) {
            kept.push(f);
        }
    }
    kept.into_iter()
        .enumerate()
        .map(|(i, f)| Stance {
            id: format!("s{}", i + 1),
            actor: actors[f.actor].id.clone(),
            target: f.target,
            polarity: f.polarity,
            evidence: Some(Span::from_bytes_with(&cx.offsets, cx.text, f.evidence)),
            claim: f.claim,
            meta: Meta::auto(f.rule, f.confidence),
            extra: Default::default(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
