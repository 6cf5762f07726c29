//! Claims: attributions of content to a source through a cue.
//!
//! Four learned pieces, all rebuilt by `gloss train attributions` from PolNeAR train and
//! compiled in from `src/extract/data/`: the cue lexicon (`lexicon`, cues.tsv), a perceptron
//! that decides in context whether a lexicon match is a cue (`model`, cue_model.bin), one that
//! decides where a content following its cue stops (content_end_model.bin), and one that
//! decides how many of that content's first words the cue takes ("asked | Jones about",
//! reach_model.bin).
//! Around each accepted cue, rules read the shape of the sentence to place the source and the
//! content (rule names in `Meta::rule`): quote-after-said, said-that, said, quote-before-said,
//! inverted, inverted-clause, according-to, poll, participial, passive, relative-what,
//! headline-colon, transcript, signed-quote, unattributed-quote. They follow PolNeAR's
//! conventions: content keeps a leading "that" and its quote marks and drops the sentence's
//! final period; sources are whole noun phrases with their appositives; a quote interrupted
//! by the attribution, or continued in the next quoted paragraph, is one discontinuous content.
//! Every scan is bounded, so any text extracts in linear time.

pub mod lexicon;
pub mod model;
pub mod train;

use std::cell::Cell;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::extract::Context;
use crate::extract::hashing::PassBuild;
use crate::extract::text::{Token, TokenKind};
use crate::model::{Claim, ClaimKind, Meta, Span};

/// The hash of a feature name or value spelled out in the code, computed at compile time.
macro_rules! h {
    ($s:literal) => {
        const { model::hash($s) }
    };
}

/// A cue followed by a time or place phrase and then a clause reports that clause when it is
/// a cue at least this often in train ("said", "says", "told").
const ADJUNCT_CUE_PRECISION: f64 = 0.5;
/// The longest prepositional phrase skipped between such a cue and its clause, in tokens.
const MAX_ADJUNCT_PHRASE: usize = 9;

/// A lexicon string is a candidate when it was a cue at least this many times...
pub const MIN_GOLD: u32 = 2;
/// ... and at least this share of its occurrences; the classifier decides among candidates.
pub const MIN_CANDIDATE_PRECISION: f64 = 0.02;

/// What the claims layer learns from PolNeAR train: the cue lexicon and its three classifiers.
/// [`Models::compiled`] are the ones built into the crate; `gloss train attributions --folds`
/// passes models it has just trained on part of a corpus, to measure them on the rest.
#[derive(Debug, Clone, Copy)]
pub struct Models<'a> {
    pub lexicon: &'a lexicon::Lexicon,
    /// Whether a lexicon match is a cue in context.
    pub cue: &'a model::CueModel,
    /// Where a content after its cue stops.
    pub end: &'a model::CueModel,
    /// How far a cue reaches into the content it was given ("asked | Jones about").
    pub reach: &'a model::CueModel,
}

impl Models<'static> {
    /// The models compiled into the crate from `src/extract/data`.
    pub fn compiled() -> Self {
        Models {
            lexicon: lexicon::lexicon(),
            cue: model::model(),
            end: model::end_model(),
            reach: model::reach_model(),
        }
    }
}

/// Finds the claims of a text; `actor` is left for `actors::resolve`.
pub fn find_claims(cx: &Context) -> Vec<Claim> {
    find_claims_with(cx, Models::compiled())
}

/// [`find_claims`] with the given models.
pub fn find_claims_with(cx: &Context, models: Models<'_>) -> Vec<Claim> {
    let doc = Doc::new(cx, models);
    let mut found = doc.find();
    for f in &mut found {
        doc.reach(f);
        for part in &mut f.content {
            doc.drop_sentence_period(part);
            close_brackets(cx.text, part);
        }
        if let Some(src) = &mut f.source {
            let old_end = src.end;
            drop_contraction(cx.text, src);
            // ... and the cue takes it: "'ve suggested".
            if src.end < old_end
                && let Some(cue) = &mut f.cue
                && cx
                    .text
                    .get(old_end..cue.start)
                    .is_some_and(|gap| gap.trim().is_empty())
            {
                cue.start = src.end;
            }
        }
    }
    for f in &mut found {
        colon_joins_cue(cx.text, f);
    }
    found.sort_by_key(|f| (f.first_byte(), f.cue.as_ref().map_or(0, |c| c.start)));
    found.dedup_by(|a, b| a.content == b.content && a.cue == b.cue);
    found
        .into_iter()
        .enumerate()
        .map(|(i, f)| f.into_claim(cx, i + 1))
        .collect()
}

/// "(… Clinton’s doctor said that she has pneumonia)": a content holds no bracket it does not
/// close or did not open (in PolNeAR train, gold contents are balanced 19,830 times in
/// 19,832). One such bracket opening the content goes, with the spaces after it; anywhere
/// else the content ends before it and the spaces and commas ahead of it.
fn close_brackets(text: &str, part: &mut Range<usize>) {
    // The first bracket closed but never opened, else the first opened and never closed.
    let unbalanced = |s: &str| {
        let mut open = Vec::new();
        for (i, c) in s.char_indices() {
            match c {
                '(' | '[' => open.push(i),
                ')' | ']' if open.pop().is_none() => return Some(i),
                _ => {}
            }
        }
        open.first().copied()
    };
    let Some(s) = text.get(part.clone()) else {
        return;
    };
    let Some(mut at) = unbalanced(s) else {
        return;
    };
    if at == 0 {
        let rest = s[1..].trim_start();
        if rest.is_empty() {
            return;
        }
        part.start = part.end - rest.len();
        match unbalanced(rest) {
            Some(i) => at = i,
            None => return,
        }
    }
    let s = &text[part.clone()];
    let kept = s[..at].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
    if !kept.is_empty() {
        part.end = part.start + kept.len();
    }
}

/// A colon between a cue and the content it introduces belongs to the cue, as PolNeAR marks
/// it ("says: C", "added: C"; on train it moves 39 cues, 18 more of them right).
fn colon_joins_cue(text: &str, f: &mut Found) {
    let (Some(cue), Some(content)) = (&mut f.cue, f.content.first()) else {
        return;
    };
    if content.start < cue.end {
        return;
    }
    let Some(gap) = text.get(cue.end..content.start) else {
        return;
    };
    if gap.trim() == ":"
        && let Some(at) = gap.find(':')
    {
        cue.end += at + 1;
    }
}

/// A claim in byte ranges, before it becomes spans.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    source: Option<Range<usize>>,
    cue: Option<Range<usize>>,
    content: Vec<Range<usize>>,
    kind: ClaimKind,
    rule: &'static str,
    confidence: f64,
}

impl Found {
    fn first_byte(&self) -> usize {
        let mut b = self.content.first().map_or(usize::MAX, |r| r.start);
        if let Some(s) = &self.source {
            b = b.min(s.start);
        }
        if let Some(c) = &self.cue {
            b = b.min(c.start);
        }
        b
    }

    fn into_claim(self, cx: &Context, n: usize) -> Claim {
        let span = |r: &Range<usize>| Span::from_bytes_with(&cx.offsets, cx.text, r.clone());
        Claim {
            id: format!("c{n}"),
            actor: None,
            source: self.source.as_ref().map(span),
            cue: self.cue.as_ref().map(span),
            content: Span::from_byte_parts(&cx.offsets, cx.text, &self.content),
            kind: self.kind,
            meta: Meta::auto(self.rule, self.confidence),
            extra: Default::default(),
        }
    }
}

/// A pair of double quote marks (token indices, inclusive); `closed` is false when the
/// paragraph ended first.
#[derive(Debug, Clone, Copy)]
struct Quote {
    open: usize,
    close: usize,
}

/// The most tokens a cue takes from the start of its content (see `Doc::reach`).
const MAX_REACH: usize = 6;
/// The cue-reach score a reach needs: PolNeAR's annotators often differ on where such a cue
/// ends ("expressed | admiration for", "expressed admiration for"), and only the clearer
/// reaches gain (5-fold on train, exact cues over no reach: +0 at 0, +12 at 0.5, about +20
/// at 1, +18 at 2, +4 at 4).
const MIN_REACH_SCORE: f32 = 1.0;

/// A longer lexicon match replaces a shorter one when its precision is at least this share
/// of the shorter one's.
const LONGER_MATCH_RATIO: f64 = 0.8;

/// The longest content read from a cue to the end of its sentence, in tokens.
const MAX_CONTENT: usize = 150;
/// The longest noun phrase walk, in tokens.
const MAX_PHRASE: usize = 40;
/// The longest noun phrase `np_left` gives whole; a longer walk keeps only its trailing run
/// of capitalised words. "The Real Clear Politics average of polls taken over the past two
/// weeks shows C" has 13. On 5-fold cross-validation over PolNeAR train, 20 instead of 12
/// gained 14 exact sources, 7 cues and 6 contents; more gained nothing further.
const MAX_SOURCE_PHRASE: usize = 20;
/// Words that cannot end a subject right before its verb (so a following -ed word is an
/// adjective: "the retired judge", "two unnamed officials").
const NOT_SUBJECT_END: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "some", "many", "most", "all", "both", "no", "any", "several", "former", "newly",
    "other", "two", "three", "four", "five", "few", "more", "less", "one", "of", "and", "or", "to",
    "for", "by", "with", "in", "on", "at", "from", "as", "very", "well", "not", "self",
];

/// -ed words that are mostly adjectives before a noun or after a name.
const PARTICIPIAL_ADJECTIVES: &[&str] = &[
    "alleged",
    "unnamed",
    "retired",
    "elected",
    "armed",
    "united",
    "limited",
    "unidentified",
    "concerned",
    "interested",
    "qualified",
    "based",
    "related",
    "respected",
    "renowned",
    "noted",
    "beloved",
    "embattled",
    "detained",
    "accused",
    "indicted",
    "jailed",
    "disgraced",
    "registered",
    "undecided",
    "uninsured",
    "unemployed",
    "talented",
    "experienced",
    "involved",
    "affiliated",
    "allied",
    "aligned",
    "opposed",
    "backed",
    "funded",
    "appointed",
    "designated",
    "assigned",
    "named",
    "called",
    "titled",
    "entitled",
    "released",
    "published",
    "conducted",
    "commissioned",
    "issued",
    "filed",
    "submitted",
    "signed",
    "posted",
    "obtained",
    "cited",
    "quoted",
    "surveyed",
    "polled",
    "asked",
    "interviewed",
    "contacted",
    "reached",
    "briefed",
    "tasked",
    "charged",
    "familiar",
    "red",
    "speed",
    "need",
    "seed",
    "feed",
    "deed",
];

/// Common irregular past forms of non-reporting verbs.
const IRREGULAR_PAST: &[&str] = &[
    "took", "made", "spoke", "gave", "came", "went", "got", "saw", "met", "ran", "won", "lost",
    "sent", "kept", "held", "brought", "began", "stood", "sat", "led", "fought", "sought", "built",
    "paid", "became", "grew", "drew", "threw", "flew", "rode", "broke", "chose", "fell", "struck",
    "stole", "hid", "shook", "swore", "tore", "wore", "bought", "caught", "taught", "spent",
    "lent", "bent", "dealt", "felt", "meant", "slept", "swept", "wept", "knew",
];

/// Reporting verbs whose clause object may hold another cue ("those who said the plan would
/// fail argued").
const CLAUSE_TAKING: &[&str] = &[
    "said", "say", "says", "think", "thinks", "thought", "believe", "believes", "believed",
    "argue", "argues", "argued", "claim", "claims", "claimed", "told", "tell", "insist",
    "insisted", "feel", "felt", "know", "knew", "fear", "feared", "worry", "worried", "hope",
    "hoped", "expect", "expected",
];

/// Cue heads that take an object before their content ("told reporters that", "urged
/// Congress to").
const OBJECT_CUES: &[&str] = &[
    "told",
    "tell",
    "tells",
    "telling",
    "urged",
    "urge",
    "urges",
    "urging",
    "asked",
    "ask",
    "asks",
    "asking",
    "warned",
    "warn",
    "warns",
    "warning",
    "assured",
    "assures",
    "reminded",
    "reminds",
    "informed",
    "encouraged",
    "encourages",
    "encouraging",
    "pressed",
    "implored",
    "begged",
    "challenged",
    "instructed",
    "advised",
    "persuaded",
    "convinced",
];

/// The longest object between an object-taking cue and its content, in tokens.
const MAX_OBJECT: usize = 10;

/// The longest appositive closing a sentence after an inverted source, in tokens.
const MAX_APPOSITIVE: usize = 40;

/// Sentence adverbs that open a sentence but not the content read from it.
const DISCOURSE_ADVERBS: &[&str] = &[
    "still",
    "meanwhile",
    "indeed",
    "moreover",
    "however",
    "and",
    "but",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "instead",
    "yet",
    "so",
    "also",
    "plus",
    "besides",
    "again",
    "overall",
    "thus",
    "hence",
    "therefore",
    "meantime",
    "regardless",
    "anyway",
];

/// The longest adjunct between an interrupting attribution and the content's resumption.
const MAX_ADJUNCT: usize = 20;

/// The longest relative clause between a source and its cue, in tokens.
const MAX_RELATIVE: usize = 25;

/// The fewest tokens of a clause before ", Speaker verb." for that to be attribution syntax.
const CLAUSE_BEFORE_SPEAKER: usize = 5;

/// The cue classifier's score a candidate needs (its log-odds, roughly). Below 0: a
/// marginal candidate helps exact F1 whenever it is right more than F1/2 of the time (about
/// 35%), and those just under 0 are right about 45% of the time. Trained on one half of
/// PolNeAR train and measured on the other, -1 gains source +0.5 and cue +0.4 over 0
/// (-1.5 gains no more); on dev, +0.3 each. Such claims carry their low confidence (about
/// 0.3), which the TUI shows.
const MIN_CUE_SCORE: f32 = -1.0;
/// Verbs that take the "to V" after them into their cue, and into which a "to V" cue takes
/// them: "continued to criticize", "tried to portray".
const CONTROL_VERBS_OF_THE_CUE: &[&str] = &[
    "continued",
    "continues",
    "continue",
    "continuing",
    "tried",
    "tries",
    "try",
    "trying",
];
/// The verb of "went on to", which joins a cue as the verbs above do ("went on to praise").
/// Adjectives PolNeAR keeps in a noun cue they precede: how strong, how new, how often the
/// criticism or concern is ("sharp criticism for", "renewed calls for", "earlier claim").
/// In 5-fold CV on train they make 12 more cues exact and none fewer.
const CUE_ADJECTIVES: &[&str] = &[
    "sharp",
    "stern",
    "strong",
    "harsh",
    "fierce",
    "withering",
    "intense",
    "heavy",
    "growing",
    "mounting",
    "renewed",
    "new",
    "fresh",
    "repeated",
    "previous",
    "earlier",
    "recent",
    "original",
    "initial",
    "controversial",
    "broad",
    "widespread",
    "detailed",
    "energetic",
    "impending",
    "continual",
    "constant",
    "bitter",
    "scathing",
    "blistering",
    "stinging",
    "pointed",
    "explicit",
    "implicit",
    "tacit",
    "formal",
    "direct",
    "veiled",
    "unusual",
    "rare",
    "frequent",
    "similar",
    "strongest",
    "harshest",
    "latest",
    "angry",
    "passionate",
    "glowing",
    "enthusiastic",
    "lukewarm",
    "tepid",
    "unequivocal",
    "forceful",
    "vigorous",
    "sweeping",
    "strident",
    "stark",
    "dire",
    "grim",
    "serious",
    "deep",
    "grave",
    "persistent",
    "vocal",
];

/// The days of the week, lower-cased.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const GO_ON: &[&str] = &["went", "going", "goes", "go"];
/// How far the cue classifier looks for a quote mark or a comma around a candidate, in tokens.
const FEATURE_WINDOW: usize = 40;
/// A rejected candidate between a subject and "that" is taken when at least this share of
/// its train occurrences were cues ("views that" is a noun: 3 of 94).
const SUBJECT_VERB_THAT_PRECISION: f64 = 0.1;

/// The longest appositive between a source's name and its cue, in tokens ("David Kamin, an
/// outside adviser to the campaign on budget issues and an associate professor at New York
/// University School of Law, said").
const MAX_APPOSITIVE_BEFORE: usize = 24;

/// How many content pieces back a cue looks for the claim whose content holds it.
const MAX_NESTED_WALK: usize = 64;
/// The longest poll phrase read after a sentence's opening "In", in tokens.
const MAX_POLL_PHRASE: usize = 16;
/// The longest source read after "according to", in tokens.
const MAX_ACCORDING_SOURCE: usize = 30;

/// Words that end a noun phrase read leftwards from a cue.
const LEFT_STOP: &[&str] = &[
    "that",
    "but",
    "because",
    "while",
    "when",
    "if",
    "as",
    "after",
    "before",
    "since",
    "which",
    "who",
    "whom",
    "so",
    "although",
    "though",
    "or",
    "where",
    "whether",
    "than",
    "then",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "said",
    "says",
    "say",
    "told",
    "and",
    "also",
    "even",
    "however",
    "meanwhile",
    "yet",
    "what",
    "how",
    "why",
    "until",
    "unless",
    "once",
    "whose",
    "to",
    "saying",
];

/// Verbs by which evidence reports ("the poll shows", "records found").
const EVIDENCE_VERBS: &[&str] = &[
    "show",
    "shows",
    "showed",
    "found",
    "finds",
    "suggest",
    "suggests",
    "suggested",
    "indicate",
    "indicates",
    "indicated",
    "reveal",
    "reveals",
    "revealed",
];
/// Evidence that reports through those verbs.
const EVIDENCE_NOUNS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "record",
    "records",
    "report",
    "reports",
    "analysis",
    "review",
    "data",
    "documents",
    "filings",
    "paper",
    "figures",
    "numbers",
    "results",
    "research",
    "audit",
    "investigation",
    "inquiry",
    "statistics",
    "estimates",
    "census",
    "tally",
];

/// A word list as the hashes of its words (`model::hash`): a token's membership is then one
/// lookup of its `low_hash`, not a scan comparing its text with every word (`LEFT_STOP` is
/// read for each word of every phrase walked leftwards).
type WordSet = HashSet<u64, PassBuild>;

fn word_set(words: &[&str]) -> WordSet {
    words.iter().map(|w| model::hash(w)).collect()
}

static LEFT_STOP_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(LEFT_STOP));
static LEADING_NON_SOURCE_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(LEADING_NON_SOURCE));
static TRAILING_NON_SOURCE_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(TRAILING_NON_SOURCE));
static RIGHT_STOP_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(RIGHT_STOP));
static PREPOSITIONS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(PREPOSITIONS));
static SOURCE_END_PREPOSITIONS_SET: LazyLock<WordSet> =
    LazyLock::new(|| word_set(SOURCE_END_PREPOSITIONS));
static SOURCE_END_ADVERBS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(SOURCE_END_ADVERBS));
static SOURCE_START_NON_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(SOURCE_START_NON));
static BRIDGE_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(BRIDGE));
static IRREGULAR_PAST_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(IRREGULAR_PAST));
static EVIDENCE_VERBS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(EVIDENCE_VERBS));
static EVIDENCE_NOUNS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(EVIDENCE_NOUNS));
static PARTICIPIAL_ADJECTIVES_SET: LazyLock<WordSet> =
    LazyLock::new(|| word_set(PARTICIPIAL_ADJECTIVES));
static NOT_SUBJECT_END_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(NOT_SUBJECT_END));
static CLAUSE_TAKING_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(CLAUSE_TAKING));

/// Words that may open a sentence but not a source ("In", "On Tuesday", "Meanwhile").
const LEADING_NON_SOURCE: &[&str] = &[
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "after",
    "before",
    "during",
    "meanwhile",
    "now",
    "also",
    "still",
    "later",
    "earlier",
    "today",
    "yesterday",
    "then",
    "however",
    "but",
    "and",
    "so",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "this",
    "week",
    "night",
    "morning",
    "tonight",
];

/// Participles of publishing, which after a noun make a reduced relative clause ("a report
/// released last year", "disclosures filed on Sunday night").
const PUBLISHING_PARTICIPLES: &[&str] = &[
    "released",
    "published",
    "filed",
    "issued",
    "conducted",
    "taken",
    "credited",
    "cited",
    "obtained",
];
/// Time adjuncts that end a subject but are not part of it.
const TRAILING_NON_SOURCE: &[&str] = &[
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "just",
    "this",
    "last",
    "month",
    "week",
    "year",
    "earlier",
    "later",
    "recently",
    "now",
    "tonight",
    "night",
    "morning",
    "afternoon",
    "evening",
];

/// Words a short source after an inverted cue may start with, besides capitalised words.
const SOURCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "another",
    "one",
    "two",
    "three",
    "some",
    "many",
    "several",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "this",
    "these",
    "those",
    "both",
    "each",
    "he",
    "she",
    "they",
    "we",
    "i",
    "it",
    "officials",
    "sources",
    "experts",
    "analysts",
    "aides",
    "critics",
    "supporters",
    "democrats",
    "republicans",
    "people",
    "voters",
    "others",
];

/// Words that end a noun phrase read rightwards from a cue ("said Smith on Tuesday").
const RIGHT_STOP: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "to",
    "after",
    "before",
    "when",
    "while",
    "because",
    "who",
    "which",
    "that",
    "as",
    "last",
    "yesterday",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "and",
    "but",
    "told",
    "adding",
    "in",
    "from",
    "about",
    "earlier",
    "later",
    "recently",
    "this",
    "via",
    "with",
    "told",
    "said",
];

/// Prepositions that open an adjunct between a cue and its content.
const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "during", "to", "after", "before", "with", "via", "of", "from", "through",
    "over", "earlier", "last", "this",
];

/// Adverbs a source stops short at, trimmed off its end ("The research not only").
const SOURCE_END_ADVERBS: &[&str] = &[
    "only", "not", "likely", "instead", "always", "ever", "together", "almost", "just", "also",
];

/// Words no source opens with: a preposition, a bare verb, an expletive ("including a number
/// of arrests documented", "There are fears", "Having announced"); "It's" is checked apart.
/// In train none of the predicted sources opening so was right.
const SOURCE_START_NON: &[&str] = &[
    "including",
    "there",
    "of",
    "having",
    "leaving",
    "particularly",
    "through",
    "instead",
    "exactly",
    "ever",
    "always",
    "run",
    "leave",
];

/// Prepositions and determiners no source ends with ("Despite", "the press conference in").
const SOURCE_END_PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "for", "with", "by", "after", "before", "while", "about", "against",
    "into", "during", "over", "without", "through", "despite", "from", "than", "like", "to",
    "aside", "as", "via", "toward", "towards", "upon", "amid", "among", "under",
    // "a self-described", "The hope", "no reference": a determiner before a noun the
    // lexicon took for a cue (in train none of 63 was right).
    "the", "a", "an", "no",
];

/// Words that may sit between a cue and a content's "that" ("told reporters Monday that").
const BRIDGE: &[&str] = &[
    "reporters",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "on",
    "in",
    "a",
    "an",
    "the",
    "statement",
    "interview",
    "last",
    "week",
    "today",
    "yesterday",
    "night",
    "morning",
    "earlier",
    "later",
    "this",
    "also",
    "repeatedly",
    "publicly",
    "privately",
    "us",
    "me",
    "him",
    "her",
    "them",
    "cnn",
    "fox",
    "news",
    "told",
    "recently",
    "previously",
    "then",
    "again",
    "at",
    "to",
];

/// Double quote marks, by whether they open, close, or may do either.
fn quote_role(s: &str) -> Option<i8> {
    match s {
        "“" | "„" | "«" | "``" => Some(1),
        "”" | "»" => Some(-1),
        "\"" | "''" => Some(0),
        _ => None,
    }
}

/// An accepted cue: the lexicon match (before modifiers were added) and its statistics.
#[derive(Debug, Clone, Copy)]
struct CueInfo {
    stats: lexicon::CueStats,
    /// The classifier's confidence in (0, 1).
    confidence: f64,
}

struct Doc<'a> {
    lex: &'a lexicon::Lexicon,
    model: Option<&'a model::CueModel>,
    /// The content-end classifier, when there is one.
    end_model: Option<&'a model::CueModel>,
    /// The cue-reach classifier, when there is one.
    reach_model: Option<&'a model::CueModel>,
    /// Tokens starting a high-precision lexicon match (context-free, for content-end features).
    strong_cue: Vec<bool>,
    /// Lexicon matches, computed once.
    candidates: Vec<(usize, usize, lexicon::CueStats)>,
    /// Cue information at each accepted cue's first token.
    cue_info: Vec<Option<CueInfo>>,
    text: &'a str,
    lower: String,
    /// FNV-1a of each token's lower-cased text, for the classifiers' features and the lexicon.
    low_hash: Vec<u64>,
    tokens: &'a [Token],
    sentences: &'a [crate::extract::text::Sentence],
    /// Sentence of each token.
    sentence_of: Vec<usize>,
    quotes: Vec<Quote>,
    /// Quote index of each token inside (or on) a quote pair.
    in_quote: Vec<Option<usize>>,
    /// Cue matched at each token start: its end token (exclusive).
    cue_at: Vec<Option<usize>>,
    /// Token is covered by a cue.
    in_cue: Vec<bool>,
    /// `shape` of each token once asked for (0: not yet): the content-end classifier reads a
    /// token's shape at two or three boundaries, but most tokens are never asked for.
    shape_of: Vec<Cell<u64>>,
    /// The hash of each token's `suffix2` once asked for (0: not yet), read at up to three
    /// boundaries.
    suffix_of: Vec<Cell<u64>>,
    /// For each token, 1 + the index of the last comma at or before it (0: none), so a
    /// content-end boundary finds the content's last comma without walking back to it.
    comma_upto: Vec<usize>,
}

impl<'a> Doc<'a> {
    fn new(cx: &'a Context, models: Models<'a>) -> Self {
        let mut doc = Self::unmatched(cx, models.lexicon, Some(models.cue));
        doc.end_model = Some(models.end);
        doc.reach_model = Some(models.reach);
        doc.match_cues();
        doc
    }

    /// The document with quotes paired but no cues chosen yet.
    fn unmatched(
        cx: &'a Context,
        lex: &'a lexicon::Lexicon,
        model: Option<&'a model::CueModel>,
    ) -> Self {
        let a = &cx.analysis;
        let tokens = a.tokens.as_slice();
        let mut sentence_of = vec![0; tokens.len()];
        for (i, s) in a.sentences.iter().enumerate() {
            for slot in sentence_of.get_mut(s.tokens.clone()).unwrap_or(&mut []) {
                *slot = i;
            }
        }
        let lower = cx.text.to_ascii_lowercase();
        let low_hash = tokens
            .iter()
            .map(|t| model::hash(lower.get(t.start..t.end).unwrap_or("")))
            .collect();
        let mut comma_upto = Vec::with_capacity(tokens.len());
        let mut last = 0;
        for (k, t) in tokens.iter().enumerate() {
            if cx.text.get(t.start..t.end) == Some(",") {
                last = k + 1;
            }
            comma_upto.push(last);
        }
        let mut doc = Doc {
            lex,
            model,
            end_model: None,
            reach_model: None,
            candidates: Vec::new(),
            strong_cue: vec![false; tokens.len()],
            cue_info: vec![None; tokens.len()],
            text: cx.text,
            lower,
            low_hash,
            tokens,
            sentences: &a.sentences,
            sentence_of,
            quotes: Vec::new(),
            in_quote: vec![None; tokens.len()],
            cue_at: vec![None; tokens.len()],
            in_cue: vec![false; tokens.len()],
            shape_of: vec![Cell::new(0); tokens.len()],
            suffix_of: vec![Cell::new(0); tokens.len()],
            comma_upto,
        };
        doc.pair_quotes();
        doc.candidates = doc.find_candidates();
        for &(start, _, stats) in &doc.candidates {
            if stats.precision() >= 0.3 {
                doc.strong_cue[start] = true;
            }
        }
        doc
    }

    fn low(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.lower.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The hash of `low(i)`.
    fn low_hash(&self, i: usize) -> u64 {
        self.low_hash.get(i).copied().unwrap_or(h!(""))
    }

    /// Whether token `i`'s lower-cased word is in `set`.
    fn low_in(&self, i: usize, set: &WordSet) -> bool {
        set.contains(&self.low_hash(i))
    }

    /// Whether token `i` is an auxiliary, negation or adverb that joins a cue after it
    /// ("has repeatedly said").
    fn cue_modifier(&self, i: usize) -> bool {
        is_cue_modifier(self.low(i), !self.raw(i).starts_with(char::is_uppercase))
    }

    fn raw(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn paragraph(&self, i: usize) -> usize {
        self.sentences
            .get(self.sentence_of.get(i).copied().unwrap_or(0))
            .map_or(0, |s| s.paragraph)
    }

    fn pair_quotes(&mut self) {
        let mut open: Option<usize> = None;
        // The open quote is a single one (‘…’, British style): only ’ closes it, and double
        // marks inside it are a quote within the quote.
        let mut single = false;
        let n = self.tokens.len();
        // The next ’ at or after each token (n: none), for a ‘ to know it is closed.
        let mut next_close = vec![n; n];
        let mut next = n;
        for k in (0..n).rev() {
            if self.tokens[k].kind == TokenKind::Quote && self.raw(k) == "’" {
                next = k;
            }
            next_close[k] = next;
        }
        for i in 0..n {
            if let Some(o) = open
                && self.paragraph(i) != self.paragraph(o)
            {
                // The paragraph ended inside the quote: close it there.
                self.quotes.push(Quote {
                    open: o,
                    close: i - 1,
                });
                open = None;
                single = false;
            }
            if self.tokens[i].kind != TokenKind::Quote {
                continue;
            }
            let raw = self.raw(i);
            if single {
                if raw == "’"
                    && let Some(o) = open
                {
                    self.quotes.push(Quote { open: o, close: i });
                    open = None;
                    single = false;
                }
                continue;
            }
            // ‘ opens a quote only outside any other (inside “…” it quotes within the quote),
            // and only one that ’ closes in its paragraph: "in ‘08" elides a year.
            if open.is_none() && raw == "‘" && self.single_quote_closes(i, &next_close) {
                open = Some(i);
                single = true;
                continue;
            }
            let Some(role) = quote_role(raw) else {
                continue;
            };
            match (open, role) {
                (None, 1) | (None, 0) => open = Some(i),
                (Some(o), -1) | (Some(o), 0) => {
                    self.quotes.push(Quote { open: o, close: i });
                    open = None;
                }
                (Some(o), _) => {
                    if i > o + 1 {
                        self.quotes.push(Quote {
                            open: o,
                            close: i - 1,
                        });
                    }
                    open = Some(i);
                }
                // A closing mark opening a paragraph is a typo for an opening one ("” … what I
                // learned … is terroristic,” he said.").
                (None, _)
                    if (i == 0 || self.paragraph(i - 1) != self.paragraph(i))
                        && i + 1 < n
                        && self.paragraph(i + 1) == self.paragraph(i) =>
                {
                    open = Some(i);
                }
                (None, _) => {}
            }
        }
        if let Some(o) = open
            && n > o + 1
        {
            self.quotes.push(Quote {
                open: o,
                close: n - 1,
            });
        }
        for (q, quote) in self.quotes.iter().enumerate() {
            for slot in self
                .in_quote
                .get_mut(quote.open..=quote.close)
                .unwrap_or(&mut [])
            {
                *slot = Some(q);
            }
        }
    }

    /// Whether the ‘ at `i` opens a quote: no year follows it ("‘08", "‘90s") and a ’ closes
    /// it in the same paragraph.
    fn single_quote_closes(&self, i: usize, next_close: &[usize]) -> bool {
        let elided_year = self.tokens.get(i + 1).is_some_and(|t| {
            t.start == self.tokens[i].end
                && self.text[t.start..t.end]
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count()
                    == 2
        });
        !elided_year
            && next_close
                .get(i)
                .is_some_and(|&k| k < self.tokens.len() && self.paragraph(k) == self.paragraph(i))
    }

    /// Lexicon matches outside quotes, longest first, left to right: `(start, end, stats)`.
    fn find_candidates(&self) -> Vec<(usize, usize, lexicon::CueStats)> {
        let lex = self.lex;
        let mut out = Vec::new();
        let mut key = String::with_capacity(64);
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            if self.in_quote[i].is_some() || self.tokens[i].kind == TokenKind::Quote {
                i += 1;
                continue;
            }
            // Syntax alone decides a poll opening (`syntax_says_cue`): the classifier does
            // not learn from it, so training leaves it out.
            if self.model.is_some() && self.poll_opening(i).is_some() {
                let stats = lex
                    .prefix(lexicon::words_hash(model::SEED, self.low_hash[i]), "in")
                    .and_then(|p| p.stats)
                    .unwrap_or(lexicon::CueStats {
                        gold: 0,
                        total: 0,
                        content_before: 0,
                    });
                out.push((i, i + 1, stats));
                i += 1;
                continue;
            }
            // Most words start no cue: the lexicon's first-word bits say so without a lookup.
            let first = if lex.may_start(self.low_hash[i]) {
                lex.prefix(
                    lexicon::words_hash(model::SEED, self.low_hash[i]),
                    self.low(i),
                )
            } else {
                None
            };
            if first.is_none() {
                // An unseen inflection of a one-word cue ("urges" from "urged").
                let w = self.low(i);
                if w.len() > 3
                    && self.tokens[i].kind == TokenKind::Word
                    && let Some(stats) = lex.stem_stats(w)
                    && w.chars().all(char::is_alphabetic)
                    && stats.gold >= MIN_GOLD
                    && stats.precision() >= MIN_CANDIDATE_PRECISION
                {
                    out.push((i, i + 1, *stats));
                }
                i += 1;
                continue;
            }
            let sentence_end = self
                .sentences
                .get(self.sentence_of[i])
                .map_or(n, |s| s.tokens.end);
            let mut best = None;
            key.clear();
            let mut h = model::SEED;
            for j in i..(i + lex.max_tokens).min(sentence_end) {
                if self.in_quote[j].is_some() {
                    break;
                }
                if j > i {
                    key.push(' ');
                }
                key.push_str(self.low(j));
                h = lexicon::words_hash(h, self.low_hash[j]);
                // No cue goes on with these words: no longer match can follow. (The first
                // word was looked up above.)
                let Some(prefix) = (if j == i { first } else { lex.prefix(h, &key) }) else {
                    break;
                };
                if let Some(stats) = prefix.stats
                    && stats.gold >= MIN_GOLD
                    && stats.precision() >= MIN_CANDIDATE_PRECISION
                    // A longer match wins unless it is a much weaker cue than the shorter
                    // one ("said" over "said friday").
                    && best.is_none_or(|(_, b): (usize, lexicon::CueStats)| {
                        stats.precision() >= b.precision() * LONGER_MATCH_RATIO
                    })
                {
                    best = Some((j + 1, stats));
                }
            }
            if let Some((end, stats)) = best {
                out.push((i, end, stats));
                i = end;
            } else {
                i += 1;
            }
        }
        out
    }

    /// A lone apostrophe closing a plural possessive ("veterans' families"): it touches a
    /// word ending in "s" and a lower-case word follows. The tokenizer makes it a quote mark,
    /// which would end a noun phrase.
    fn plural_possessive(&self, k: usize) -> bool {
        k > 0
            && matches!(self.raw(k), "'" | "’")
            && self.in_quote[k].is_none()
            && self.tokens[k - 1].end == self.tokens[k].start
            && self.raw(k - 1).ends_with('s')
            && self
                .tokens
                .get(k + 1)
                .is_some_and(|n| n.start > self.tokens[k].end && n.kind == TokenKind::Word)
            && self.raw(k + 1).starts_with(char::is_lowercase)
    }

    /// The hash of a coarse shape of token `i`: pronoun, capitalised, lower, number, quote,
    /// punctuation (hashed at compile time: the classifiers read shapes at every decision).
    fn shape(&self, i: usize) -> u64 {
        let (Some(t), Some(cached)) = (self.tokens.get(i), self.shape_of.get(i)) else {
            return h!("END");
        };
        // A shape that hashed to 0 would just be recomputed.
        if cached.get() == 0 {
            cached.set(self.token_shape(t, i));
        }
        cached.get()
    }

    /// `shape` computed.
    fn token_shape(&self, t: &Token, i: usize) -> u64 {
        let low = self.low(i);
        match t.kind {
            TokenKind::Quote => {
                if self.quote_ending_at(i).is_some() {
                    h!("QE")
                } else {
                    h!("QO")
                }
            }
            TokenKind::Punct => match low {
                "," => h!(","),
                ":" => h!(":"),
                "." | "?" | "!" => h!("."),
                _ => h!("P"),
            },
            TokenKind::Number => h!("N"),
            TokenKind::Word => {
                if matches!(low, "he" | "she" | "they" | "i" | "we" | "it" | "you") {
                    h!("PRON")
                } else if self.raw(i).starts_with(char::is_uppercase) {
                    h!("CAP")
                } else {
                    h!("low")
                }
            }
        }
    }

    /// The classifier's features for the candidate `start..end`.
    fn features(&self, start: usize, end: usize, out: &mut model::Features) {
        out.clear();
        let key = self.key_hash(start..end);
        let s = &self.sentences[self.sentence_of[start]];
        // The word or shape `back` tokens before the candidate, or `ahead` tokens after it,
        // within its sentence.
        let before = |back: usize, f: &dyn Fn(usize) -> u64| {
            start
                .checked_sub(back)
                .filter(|&i| i >= s.tokens.start)
                .map_or(h!("<s>"), f)
        };
        let after = |ahead: usize, f: &dyn Fn(usize) -> u64| {
            Some(end + ahead)
                .filter(|&i| i < s.tokens.end)
                .map_or(h!("</s>"), f)
        };
        let word = |i: usize| self.low_hash(i);
        let shape = |i: usize| self.shape(i);
        let (prev, prev2, next, next2) = (
            before(1, &word),
            before(2, &word),
            after(0, &word),
            after(1, &word),
        );
        let (ps, ps2, ns, ns2) = (
            before(1, &shape),
            before(2, &shape),
            after(0, &shape),
            after(1, &shape),
        );
        let that = (end..s.tokens.end.min(end + 4)).any(|m| self.low(m) == "that");
        let head = self.low(end - 1);
        let suffix = model::hash(head.get(head.len().saturating_sub(3)..).unwrap_or(head));
        let cap = self.raw(start).starts_with(char::is_uppercase);
        let first_para = s.paragraph == 0;
        let st = model::hash(lexicon::stem(head));
        out.push_parts(&[h!("b")]);
        out.push_parts(&[h!("lem:"), st]);
        out.push_parts(&[h!("lemn:"), st, ns]);
        out.push_parts(&[h!("lemp:"), st, ps]);
        out.push_parts(&[h!("lemthat:"), st, tf(that)]);
        out.push_parts(&[h!("k:"), key]);
        out.push_parts(&[h!("kn:"), key, next]);
        out.push_parts(&[h!("kp:"), key, prev]);
        out.push_parts(&[h!("kns:"), key, ns]);
        out.push_parts(&[h!("kps:"), key, ps]);
        out.push_parts(&[h!("kpn:"), key, ps, ns]);
        out.push_parts(&[h!("n:"), next]);
        out.push_parts(&[h!("p:"), prev]);
        out.push_parts(&[h!("nn:"), next, next2]);
        out.push_parts(&[h!("pp:"), prev2, prev]);
        out.push_parts(&[h!("ps:"), ps]);
        out.push_parts(&[h!("ns:"), ns]);
        out.push_parts(&[h!("psns:"), ps, ns]);
        out.push_parts(&[h!("sfx:"), suffix, ps, ns]);
        out.push_parts(&[h!("kthat:"), key, tf(that)]);
        out.push_parts(&[h!("kcap:"), key, tf(cap), tf(first_para)]);
        // Distances here stop at "more than ten".
        let bucket = |n: usize| count_bucket(n.min(11));
        // The nearest quote mark on either side in the sentence, and whether a comma comes
        // before: each read within a bounded window, so an endless sentence stays linear.
        let quote_token = |k: usize| self.tokens[k].kind == TokenKind::Quote;
        let qb = (start.saturating_sub(FEATURE_WINDOW).max(s.tokens.start)..start)
            .rev()
            .find(|&k| quote_token(k))
            .map_or(h!("none"), |k| bucket(start - 1 - k));
        let qa = (end..s.tokens.end.min(end + FEATURE_WINDOW))
            .find(|&k| quote_token(k))
            .map_or(h!("none"), |k| bucket(k - end));
        let pos = bucket(start - s.tokens.start);
        let comma = (start.saturating_sub(FEATURE_WINDOW).max(s.tokens.start)..start)
            .any(|k| self.low(k) == ",");
        out.push_parts(&[h!("qb:"), qb]);
        out.push_parts(&[h!("qa:"), qa]);
        out.push_parts(&[h!("qba:"), qb, qa]);
        out.push_parts(&[h!("lemq:"), st, qb, qa]);
        out.push_parts(&[h!("pos:"), pos, tf(comma)]);
        out.push_parts(&[h!("pps:"), ps2, ps]);
        out.push_parts(&[h!("nns:"), ns, ns2]);
    }

    /// Whether the words from `k` on say how long or how often, after "for" ("for the first
    /// time", "for months", "for more than 45 minutes", "for long", "for a moment").
    fn for_duration(&self, k: usize) -> bool {
        let unit = |w: &str| {
            matches!(
                w.trim_end_matches('s'),
                "time"
                    | "year"
                    | "month"
                    | "week"
                    | "day"
                    | "decade"
                    | "hour"
                    | "minute"
                    | "moment"
                    | "while"
                    | "second"
                    | "century"
                    | "generation"
                    | "night"
            )
        };
        let w = self.low(k);
        unit(w)
            || matches!(
                w,
                "long" | "sure" | "now" | "ever" | "good" | "once" | "more" | "less"
            )
            || (matches!(
                w,
                "the" | "a" | "an" | "several" | "many" | "some" | "two" | "three" | "few"
            ) && (unit(self.low(k + 1))
                || matches!(
                    self.low(k + 1),
                    "first" | "last" | "second" | "past" | "next" | "few"
                )
                || self
                    .tokens
                    .get(k + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number)))
            || self
                .tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// "Having said that", "That said,", "that being said", "needless to say", "All told,": a
    /// writer's turn of phrase that reports nothing.
    fn discourse_formula(&self, start: usize, end: usize) -> bool {
        let before = |k: usize| start.checked_sub(k).map_or("", |m| self.low(m));
        match self.low(end - 1) {
            "said" => {
                (before(1) == "having" && self.low(end) == "that")
                    // Not "a sign that said, “…”".
                    || (before(1) == "that"
                        && self.low(end) == ","
                        && matches!(before(2), "" | "." | "but" | "and" | "(" | ";"))
                    || (before(1) == "being" && before(2) == "that")
            }
            "say" if self.low(start) == "to" => before(1) == "needless",
            "say" => before(1) == "to" && before(2) == "needless",
            // "All told, super PACs spent …": in all.
            "told" => before(1) == "all" && self.low(end) == ",",
            _ => false,
        }
    }

    /// "A diplomat who asked not to be named said C": asking for anonymity is how a source
    /// is described, not a claim.
    fn anonymity_formula(&self, start: usize, end: usize) -> bool {
        end == start + 1
            && matches!(
                self.low(start),
                "asked" | "requested" | "asking" | "requesting"
            )
            && self.low(end) == "not"
            && self.low(end + 1) == "to"
            && self.low(end + 2) == "be"
            && matches!(self.low(end + 3), "named" | "identified" | "quoted")
    }

    /// "Q: Does Ted Cruz?", "A: No!": an interview's turn labels. PolNeAR leaves such
    /// question-and-answer transcripts unannotated (in train, 22 claims made on them, none
    /// right).
    fn interview_turn(&self, start: usize) -> bool {
        start > 0
            && self.low(start) == ":"
            && matches!(self.raw(start - 1), "Q" | "A")
            && (start == 1 || self.paragraph(start - 2) != self.paragraph(start - 1))
    }

    /// Whether a candidate sits in the noun phrase after "according to" ("according to
    /// documents disclosed to the inquiry"): there it describes the source and reports nothing.
    fn in_according_source(&self, i: usize) -> bool {
        let s0 = self
            .sentences
            .get(self.sentence_of[i])
            .map_or(0, |s| s.tokens.start);
        (s0.max(i.saturating_sub(MAX_ACCORDING_SOURCE))..i)
            .rev()
            .take_while(|&k| {
                self.in_quote[k].is_none()
                    && !matches!(
                        self.low(k),
                        "," | ";" | ":" | "(" | ")" | "—" | "--" | "–" | "." | "who" | "that"
                    )
            })
            .any(|k| k > s0 && self.in_cue[k] && self.low(k - 1) == "according")
    }

    /// "A GAO report released last year found C", "disclosures filed on Sunday night
    /// revealed C", "video credited to Reuters showed C": a participle of publishing right
    /// after a common noun, with a time or a preposition after it, is a reduced relative
    /// clause inside the subject, no cue. Taken as one, its content swallowed the real cue.
    /// In train such a participle is a gold cue 10 times in 167; in 5-fold cross-validation
    /// skipping it gained 4 exact cues for 1 prediction fewer.
    fn reduced_relative(&self, i: usize, end: usize) -> bool {
        const NOT_NOUNS: &[&str] = &[
            "he", "she", "they", "it", "we", "i", "you", "who", "that", "which", "and", "or",
            "but", "has", "have", "had", "was", "were", "is", "are", "be", "been", "being",
        ];
        const AFTER: &[&str] = &[
            "by",
            "on",
            "in",
            "last",
            "this",
            "earlier",
            "late",
            "early",
            "to",
            "at",
            "during",
            "after",
            "before",
            "online",
            "yesterday",
            "today",
        ];
        let Some(prev) = i.checked_sub(1) else {
            return false;
        };
        if end != i + 1 || !PUBLISHING_PARTICIPLES.contains(&self.low(i)) {
            return false;
        }
        let noun = self.tokens[prev].kind == TokenKind::Word
            && self.raw(prev).starts_with(char::is_lowercase)
            && !NOT_NOUNS.contains(&self.low(prev))
            && !self.low(prev).ends_with("ly");
        let next = self.low(end);
        noun && (AFTER.contains(&next) || WEEKDAYS.contains(&next))
    }

    /// "when the voters of Iowa finally had their say", "Lynch has the final say": "say"
    /// after a possessive is a noun, no cue ("let her say it" is a verb).
    fn noun_say(&self, i: usize, end: usize) -> bool {
        end == i + 1
            && self.low(i) == "say"
            && i > 0
            && match self.low(i - 1) {
                "their" | "his" | "its" | "our" | "my" | "your" | "final" => true,
                "her" => {
                    i < 2
                        || !matches!(
                            self.low(i - 2),
                            "let" | "lets" | "letting" | "make" | "made" | "hear" | "heard"
                        )
                }
                _ => false,
            }
    }

    /// Whether a cue candidate ending before token `end` is "admit" of a place that takes
    /// someone in, which reports nothing: "31 people were admitted to hospital", "admitted
    /// into intensive care", "admitted to the bar". PolNeAR train has no such cue;
    /// "admitted to lying" and "admitted to the affair" stay cues.
    fn admitted_for_care(&self, end: usize) -> bool {
        const PLACES: &[&str] = &[
            "hospital",
            "hospitals",
            "clinic",
            "care",
            "icu",
            "ward",
            "wards",
            "emergency",
            "school",
            "college",
            "university",
            "bar",
        ];
        let Some(last) = end.checked_sub(1) else {
            return false;
        };
        if !matches!(
            self.low(last),
            "admit" | "admits" | "admitted" | "admitting" | "readmitted"
        ) || !matches!(self.low(end), "to" | "into")
        {
            return false;
        }
        let mut k = end + 1;
        while matches!(
            self.low(k),
            "the" | "a" | "an" | "intensive" | "local" | "nearby" | "critical"
        ) && k < end + 3
        {
            k += 1;
        }
        PLACES.contains(&self.low(k))
    }

    /// The hash of a candidate's words, lower-cased and joined by spaces (its lexicon key):
    /// FNV-1a carried on over the tokens, without building the string.
    fn key_hash(&self, r: Range<usize>) -> u64 {
        let mut h: u64 = h!("");
        for k in r.clone() {
            let space = if k > r.start { " " } else { "" };
            for &b in space.as_bytes().iter().chain(self.low(k).as_bytes()) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        h
    }

    fn match_cues(&mut self) {
        // Training reads candidates and features from an unmatched document, without a model.
        let Some(cue_model) = self.model else {
            return;
        };
        let mut feats = model::Features::default();
        for (i, end, stats) in self.candidates.clone() {
            if self.anonymity_formula(i, end)
                || self.interview_turn(i)
                || self.discourse_formula(i, end)
                || self.in_according_source(i)
                || self.reduced_relative(i, end)
                || self.admitted_for_care(end)
                || self.noun_say(i, end)
            {
                continue;
            }
            self.features(i, end, &mut feats);
            let score = cue_model.score(&feats);
            if score <= MIN_CUE_SCORE && !self.syntax_says_cue(i, end, stats) {
                continue;
            }
            let confidence = 1.0 / (1.0 + (-f64::from(score) * 0.5).exp());
            // Auxiliaries and adverbs right before a cue belong to it ("has repeatedly said").
            let s0 = self
                .sentences
                .get(self.sentence_of[i])
                .map_or(0, |s| s.tokens.start);
            // "went on to discuss", "going on to say", "continued to criticize", "tried to
            // portray": the verb before "to" is the cue's (24 times in 27 and 38 in 40 across
            // train and dev); auxiliaries and adverbs before it join below.
            let mut start = i;
            let to = if self.low(i) == "to" {
                Some(i)
            } else {
                i.checked_sub(1).filter(|&k| k >= s0 && self.low(k) == "to")
            };
            let free = |r: Range<usize>| {
                r.into_iter()
                    .all(|k| !self.in_cue[k] && self.in_quote[k].is_none())
            };
            if let Some(to) = to
                && to >= s0 + 2
                && self.low(to - 1) == "on"
                && GO_ON.contains(&self.low(to - 2))
                && free(to - 2..to)
            {
                start = to - 2;
            } else if let Some(to) = to
                && to > s0
                && CONTROL_VERBS_OF_THE_CUE.contains(&self.low(to - 1))
                && free(to - 1..to)
            {
                start = to - 1;
            } else if self.low(i) == "to"
                && i > s0 + 1
                && self.low(i - 1) == "likely"
                && free(i - 1..i)
            {
                // "voters are slightly more likely to say C": the comparison is the cue's.
                start = i - 1;
                if matches!(self.low(start - 1), "more" | "less" | "most" | "least")
                    && free(start - 1..start)
                {
                    start -= 1;
                }
            }
            while start > s0
                && !self.in_cue[start - 1]
                && self.in_quote[start - 1].is_none()
                && (self.cue_modifier(start - 1)
                    // "sharp criticism for", "renewed concern about": an adjective
                    // saying how strongly or how lately belongs to a noun cue.
                    || (CUE_ADJECTIVES.contains(&self.low(start - 1))
                        && self.raw(start - 1).starts_with(char::is_lowercase))
                    // "who’s called for": a contracted auxiliary after a relative pronoun.
                    || (matches!(self.low(start - 1), "'s" | "’s")
                        && start - 1 > s0
                        && matches!(self.low(start - 2), "who" | "that" | "which")))
                // "Both have promised C", "To varying degrees, all agreed": opening the clause,
                // "both" and "all" are its subject.
                && !(matches!(self.low(start - 1), "both" | "all")
                    && (start - 1 == s0 || self.low(start - 2) == ","))
                // "Theresa May said": a capitalised modal after a name is the name's end.
                && !(start - 1 > s0
                    && matches!(self.low(start - 1), "may" | "will")
                    && self.raw(start - 1).starts_with(char::is_uppercase)
                    && self.raw(start).starts_with(char::is_lowercase))
            {
                start -= 1;
            }
            // "Police had last month charged", "who has in the past described", "who in the
            // past has voiced": a time phrase inside the verb group is the cue's.
            let auxiliary = |k: usize| {
                matches!(
                    self.low(k),
                    "has" | "had" | "have" | "is" | "was" | "are" | "were" | "will" | "would"
                )
            };
            if let Some(t) = self.time_phrase_before(s0, start)
                && (t..start).all(|k| !self.in_cue[k] && self.in_quote[k].is_none())
                && ((t > s0 && auxiliary(t - 1) && !self.in_cue[t - 1])
                    || (auxiliary(start)
                        && t > s0
                        && matches!(self.low(t - 1), "who" | "which" | "that")))
            {
                start = t;
                if auxiliary(t - 1) && !self.in_cue[t - 1] {
                    start = t - 1;
                }
            }
            let end = self.cue_particles(i, self.to_verb_after(end));
            self.cue_at[start] = Some(end);
            self.cue_info[start] = Some(CueInfo { stats, confidence });
            for k in start..end {
                self.in_cue[k] = true;
            }
        }
    }

    /// The end of a cue ending in "continued", "tried" or "went on", taking the "to" and the
    /// verb after it: "continued to hammer", "went on to praise" (across train and dev,
    /// such a cue reaches past "to V" 83 times in 86). `end` when no such verb follows.
    fn to_verb_after(&self, end: usize) -> usize {
        let s = &self.sentences[self.sentence_of[end - 1]];
        let last = self.low(end - 1);
        let extends = CONTROL_VERBS_OF_THE_CUE.contains(&last)
            || (last == "on" && end >= s.tokens.start + 2 && GO_ON.contains(&self.low(end - 2)));
        // "continued to awkwardly veer": an adverb before the verb comes along.
        let lower_word = |k: usize| {
            k < s.tokens.end
                && self.tokens[k].kind == TokenKind::Word
                && self.raw(k).starts_with(char::is_lowercase)
        };
        let verb =
            if lower_word(end + 1) && self.low(end + 1).ends_with("ly") && lower_word(end + 2) {
                end + 2
            } else {
                end + 1
            };
        if extends
            && self.low(end) == "to"
            && lower_word(verb)
            && (end..=verb).all(|k| !self.in_cue[k] && self.in_quote[k].is_none())
        {
            verb + 1
        } else {
            end
        }
    }

    /// The end of cue `start..end` with a particle PolNeAR keeps in it after the verb
    /// ("called out", "pushed back", "called upon"). A preposition after it ("spoke out
    /// against") joins when the content is built.
    fn cue_particles(&self, start: usize, end: usize) -> usize {
        let s_end = self.sentences[self.sentence_of[start]].tokens.end;
        let particle = end < s_end
            && self.tokens[end].kind == TokenKind::Word
            && self.in_quote[end].is_none()
            && !self.in_cue[end]
            // Not where another candidate starts.
            && self
                .candidates
                .binary_search_by_key(&end, |&(c, _, _)| c)
                .is_err()
            && matches!(self.low(end), "out" | "back" | "off" | "up" | "upon")
            // "back on track", "up to 40": the particle starts a phrase of its own; and in
            // "With a vote ruled out, Cross said" no object follows it.
            && !matches!(self.low(end + 1), "track" | "to" | "-")
            && self
                .tokens
                .get(end + 1)
                .is_some_and(|t| t.kind == TokenKind::Word);
        end + usize::from(particle)
    }

    /// Attribution syntax around a candidate the classifier rejected, clear enough to take it
    /// anyway.
    fn syntax_says_cue(&self, start: usize, end: usize, stats: lexicon::CueStats) -> bool {
        (end == start + 1 && self.poll_opening(start).is_some())
            || self.evidence_shows(start, end)
            || self.pronoun_says_that(start, end)
            || (stats.precision() >= SUBJECT_VERB_THAT_PRECISION
                && self.subject_verb_that(start, end))
            || self.quote_then_speaker(start, end)
    }

    /// "A CNN/ORC poll in January shows 68% of voters …", "FEC reports show that C", "a new
    /// poll from USA TODAY found 40% of …": a verb of showing or finding whose subject is a
    /// poll, a study or records reports their finding (a cue 179 times in 211 in PolNeAR
    /// train, where the classifier missed 22 of them). Not "The poll can be found here".
    fn evidence_shows(&self, start: usize, end: usize) -> bool {
        if end != start + 1 || !self.low_in(start, &EVIDENCE_VERBS_SET) {
            return false;
        }
        let s0 = self.sentences[self.sentence_of[start]].tokens.start;
        let before = start.checked_sub(1).filter(|&k| k >= s0);
        if before.is_some_and(|k| {
            matches!(
                self.low(k),
                "be" | "been" | "being" | "is" | "was" | "were" | "are" | "to" | "can" | "could"
            )
        }) || matches!(self.low(end), "here" | "there" | "out")
        {
            return false;
        }
        for k in (s0.max(start.saturating_sub(7))..start).rev() {
            if self.tokens[k].kind != TokenKind::Word
                || matches!(self.low(k), "that" | "which" | "who" | "and" | "but")
            {
                return false;
            }
            if self.low_in(k, &EVIDENCE_NOUNS_SET) {
                return true;
            }
        }
        false
    }

    /// "However, he believed that ...": a personal pronoun opening a clause right before the
    /// candidate and "that" right after it is attribution syntax the classifier may not know
    /// the verb for.
    fn pronoun_says_that(&self, start: usize, end: usize) -> bool {
        start > 0
            && end < self.tokens.len()
            && self.sentence_of[start - 1] == self.sentence_of[start]
            && matches!(self.low(start - 1), "he" | "she" | "they" | "we" | "i")
            && self.low(end) == "that"
            // The pronoun opens its clause: not "said he thought that" (nested, which PolNeAR
            // leaves inside the outer content) nor "policies she supported that".
            && (start - 1 == self.sentences[self.sentence_of[start]].tokens.start
                || matches!(self.low(start - 2), "," | "however" | "but" | "and" | "yet"))
    }

    /// "The appeals court ruled that C", "Video shows that C", "leaders have been demanding
    /// that C": a verb form between a subject and "that" reports, though the classifier may
    /// not know the verb in that use. A noun before "that" ("Trump's claim that", "a report
    /// that", "growing concerns that") is no verb: a determiner, a possessive, a preposition
    /// or an -ing or -ed modifier stands before it.
    fn subject_verb_that(&self, start: usize, end: usize) -> bool {
        if end >= self.tokens.len()
            || self.low(end) != "that"
            || self.sentence_of[end] != self.sentence_of[start]
        {
            return false;
        }
        let head = self.low(end - 1);
        let verb_form = head.ends_with('s')
            || head.ends_with("ed")
            || head.ends_with("ing")
            || self.low_in(end - 1, &IRREGULAR_PAST_SET)
            || matches!(
                head,
                "say" | "show" | "find" | "know" | "think" | "believe" | "argue"
            );
        if !verb_form || self.raw(start).starts_with(char::is_uppercase) {
            return false;
        }
        let s0 = self.sentences[self.sentence_of[start]].tokens.start;
        let k = self.modifiers_before(start, s0);
        let Some(subject) = k.checked_sub(1).filter(|&p| p >= s0) else {
            return false;
        };
        // "rules that could lead to": "that" opening a relative clause is followed by its
        // verb, not by a subject.
        let relative = end + 1 >= self.tokens.len()
            || self.verbish(end + 1)
            || matches!(self.tokens[end + 1].kind, TokenKind::Punct);
        let w = self.low(subject);
        !relative
            && self.tokens[subject].kind == TokenKind::Word
            && !is_determiner(w)
            && !matches!(
                w,
                "'s" | "’s" | "to" | "and" | "or" | "of" | "for" | "by" | "about" | "there"
            )
            && !self.low_in(subject, &PREPOSITIONS_SET)
            && !((w.ends_with("ing") || w.ends_with("ed")) && w.len() > 4)
            && !self.in_cue[subject]
    }

    /// The start of the auxiliaries and adverbs running up to token `k` ("has repeatedly"
    /// before "said"), not before token `floor`: where a subject before them ends.
    fn modifiers_before(&self, k: usize, floor: usize) -> usize {
        let mut m = k;
        while m > floor && self.cue_modifier(m - 1) {
            m -= 1;
        }
        m
    }

    /// "“C,” Blige sings.", "“C,” the article read.", "“C?” Vitter demanded.": a quote
    /// closing with a comma or a question mark, a short noun phrase and a verb that ends the
    /// sentence or the clause is attribution syntax, whatever the verb. (Not "!": "“C!” The
    /// crowd cheers" tells what happened next.)
    fn quote_then_speaker(&self, start: usize, end: usize) -> bool {
        if end >= self.tokens.len()
            || !matches!(self.low(end), "." | "," | "!" | "?")
            || self.sentence_of[end] != self.sentence_of[start]
            || self.tokens[start].kind != TokenKind::Word
            || !self.raw(start).starts_with(char::is_lowercase)
        {
            return false;
        }
        let np_end = self.modifiers_before(start, 0);
        let mut k = np_end;
        while k > 0
            && np_end - k < 4
            && self.tokens[k - 1].kind == TokenKind::Word
            && self.in_quote[k - 1].is_none()
            && !self.in_cue[k - 1]
        {
            k -= 1;
        }
        // The phrase is the speaker alone: no conjunction or preposition ("…," of free
        // services and support, …).
        let speaker = (k..np_end).all(|m| {
            !self.low_in(m, &LEFT_STOP_SET)
                && !self.low_in(m, &PREPOSITIONS_SET)
                && !matches!(self.low(m), "and" | "or" | "of" | "for" | "by" | "with")
        });
        speaker
            && k < np_end
            && k >= 2
            && (self
                .quote_ending_at(k - 1)
                .is_some_and(|_| matches!(self.low(k - 2), "," | "?"))
                || (self.low(k - 1) == "," && self.quote_ending_at(k - 2).is_some())
                || self.clause_then_speaker(k, end))
    }

    /// "C, The Post has learned.": a clause, a comma, a speaker `k..` opening with a capital
    /// and its verb ending the sentence at `end`.
    fn clause_then_speaker(&self, k: usize, end: usize) -> bool {
        let s0 = self.sentences[self.sentence_of[k]].tokens.start;
        self.low(end) == "."
            && self.low(k - 1) == ","
            && self.raw(k).starts_with(char::is_uppercase)
            && k > s0 + CLAUSE_BEFORE_SPEAKER
            && (s0..k - 1).all(|m| self.in_quote[m].is_none() && !self.in_cue[m])
            && (s0..k - 1).any(|m| self.verbish(m))
    }

    /// The byte range of a token range (empty token ranges give an empty byte range).
    fn bytes(&self, r: Range<usize>) -> Range<usize> {
        let Some(a) = self.tokens.get(r.start) else {
            return self.text.len()..self.text.len();
        };
        match r.end.checked_sub(1).and_then(|e| self.tokens.get(e)) {
            Some(b) if r.end > r.start => a.start..b.end,
            _ => a.start..a.start,
        }
    }

    /// The token range covering a byte range.
    fn token_range(&self, b: &Range<usize>) -> Range<usize> {
        let first = self.tokens.partition_point(|t| t.end <= b.start);
        let last = self.tokens.partition_point(|t| t.start < b.end);
        first..last.max(first)
    }

    /// Whether tokens `r` are a label heading a headline or paragraph ("BREAKING:",
    /// "Revealed:", "UPDATE:") rather than a speaker. ("Video shows that …" is a source.)
    fn is_headline_label(&self, r: Range<usize>) -> bool {
        // Every label is one or two words.
        if r.len() > 2 {
            return false;
        }
        let mut label = String::new();
        for k in r {
            if !label.is_empty() {
                label.push(' ');
            }
            label.push_str(self.low(k));
        }
        HEADLINE_LABELS.contains(&label.as_str())
    }

    fn find(&self) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        // Cue tokens the layout rules used, so the sentence rules do not read them again.
        let mut taken = vec![false; self.tokens.len()];
        if let Some((h, colon)) = self.headline() {
            out.push(h);
            taken[colon] = true;
        }
        self.layout_claims(&mut out, &mut taken);
        for (si, s) in self.sentences.iter().enumerate() {
            // The sentence's first source: a conjoined verb or a participle without a subject
            // of its own shares it ("Merrill says Machado promised C and said D": Merrill's).
            let mut first_source: Option<Range<usize>> = None;
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                let Some(end) = self.cue_at[i] else {
                    i += 1;
                    continue;
                };
                if taken[i] {
                    i = end;
                    continue;
                }
                if let Some(mut f) = self.claim_at(si, i..end, &first_source)
                    && !f
                        .source
                        .as_ref()
                        .map(|b| self.token_range(b))
                        .is_some_and(|r| self.low(r.end) == ":" && self.is_headline_label(r))
                {
                    // "Despite admitting C", "the press conference in": a source ending in a
                    // preposition is a piece of a phrase, no speaker (in train 1 in 6 was
                    // right, and those were "about 10 percent of voters").
                    // "leaving many to wonder", "make his supporters feel": a bare verb before
                    // the speaker is the clause's, not the speaker's.
                    if let Some(b) = &mut f.source {
                        let mut r = self.token_range(b);
                        if r.len() > 1 && matches!(self.low(r.start), "leaving" | "make" | "get") {
                            r.start += 1;
                        }
                        // "-Nate Cohn": a list's bullet.
                        while r.len() > 1 && matches!(self.low(r.start), "-" | "--" | "•" | "*") {
                            r.start += 1;
                        }
                        // "The research not only documented", "which together vowed": an
                        // adverb before the cue is no part of the speaker.
                        while r.len() > 1 && self.low_in(r.end - 1, &SOURCE_END_ADVERBS_SET) {
                            r.end -= 1;
                        }
                        // "pursue his passion for", "vocal in their criticism of": a
                        // possessive right before a cue noun is the speaker (in train the
                        // whole phrase was right 1 time in 30, the possessive 21 times).
                        let cue_start = f.cue.as_ref().map(|c| self.token_range(c).start);
                        if r.len() > 1
                            && cue_start == Some(r.end)
                            && matches!(
                                self.low(r.end - 1),
                                "my" | "your" | "his" | "her" | "its" | "our" | "their"
                            )
                        {
                            r.start = r.end - 1;
                        }
                        *b = self.bytes(r);
                    }
                    if f.source.as_ref().is_some_and(|b| {
                        let r = self.token_range(b);
                        r.end > r.start
                            && (self.low_in(r.end - 1, &SOURCE_END_PREPOSITIONS_SET)
                                || self.low_in(r.end - 1, &SOURCE_END_ADVERBS_SET)
                                || self.low_in(r.start, &SOURCE_START_NON_SET)
                                // "It's easy to criticize" (but in "It's denouncing" the
                                // 's goes to the cue later and "It" speaks).
                                || (r.len() > 2
                                    && self.low(r.start) == "it"
                                    && matches!(self.low(r.start + 1), "'s" | "’s")))
                    }) {
                        f.source = None;
                    }
                    // "Asked by Osei whether C, Pryce said D": the asker speaks no further.
                    if f.source.is_some() && first_source.is_none() && f.rule != "asked-first" {
                        first_source = f.source.as_ref().map(|b| self.token_range(b));
                    }
                    out.push(f);
                }
                i = end;
            }
        }
        self.continue_quotes(&mut out);
        self.drop_nested(&mut out);
        self.unattributed_quotes(&mut out);
        out
    }

    /// PolNeAR never nests one attribution in another's content; on dev three in four cues
    /// found inside another claim's content were wrong ("She says it underscores that C":
    /// "underscores" is part of what she says). A nested claim is dropped, unless it opens a
    /// clause of its own after a comma or a conjunction ("C, and human rights groups warned
    /// D"), is a quote with its speaker after it ("because “C,” she said"), or sits in what a
    /// later "according to" reports ("The UN said C, according to a statement"; after an
    /// opening "According to X," it is X's words like any other content). The outer
    /// content is left as it is: cutting it there lost more exact contents on dev than it
    /// gained (and, for quotes, on train).
    fn drop_nested(&self, out: &mut Vec<Found>) {
        // Every content piece as (start, end, claim), by start, with the furthest end so far,
        // so the piece holding a cue is found by a short walk back.
        let mut pieces: Vec<(usize, usize, usize)> = out
            .iter()
            .enumerate()
            .flat_map(|(c, f)| f.content.iter().map(move |r| (r.start, r.end, c)))
            .collect();
        if pieces.is_empty() {
            return;
        }
        pieces.sort_unstable();
        let mut furthest = Vec::with_capacity(pieces.len());
        let mut far = 0;
        for &(_, e, _) in &pieces {
            far = far.max(e);
            furthest.push(far);
        }
        let holder = |c: usize, cue: &Range<usize>| {
            let mut j = pieces.partition_point(|&(s, ..)| s <= cue.start);
            // A bounded walk keeps an endless run-on sentence linear.
            let floor = j.saturating_sub(MAX_NESTED_WALK);
            while j > floor && furthest[j - 1] >= cue.end {
                j -= 1;
                let (s, e, owner) = pieces[j];
                // "The United Nations said C, according to a statement": a claim inside what
                // a later "according to" reports keeps its own speaker.
                let reported_after = out[owner].rule == "according-to"
                    && out[owner].cue.as_ref().is_some_and(|q| q.start >= e);
                if e >= cue.end && owner != c && !reported_after {
                    return Some(s);
                }
            }
            None
        };
        let mut nested = vec![false; out.len()];
        for (c, f) in out.iter().enumerate() {
            let Some(cue) = &f.cue else {
                continue;
            };
            let Some(piece_start) = holder(c, cue) else {
                continue;
            };
            let head = f
                .source
                .as_ref()
                .filter(|s| s.start >= piece_start && s.start < cue.start)
                .map_or(cue.start, |s| s.start);
            let k = self.token_range(&(head..head + 1)).start;
            let own_clause = k.checked_sub(1).is_some_and(|prev| {
                self.tokens[prev].start > piece_start
                    && matches!(
                        self.low(prev),
                        "," | "—"
                            | "―"
                            | "--"
                            | "and"
                            | "but"
                            | "though"
                            | "although"
                            | "since"
                            | "when"
                            | "while"
                            | "as"
                            | "because"
                            | "after"
                            | "where"
                            | "whereas"
                            | "so"
                    )
                    // "countries such as Poland support Ukraine": an example, no clause.
                    && !(self.low(prev) == "as" && prev > 0 && self.low(prev - 1) == "such")
            });
            // "Bolton distanced himself from the movement by saying C": what he said is a
            // claim of its own (in 5-fold cross-validation on train, keeping it gained 13
            // exact contents and 9 cues for 29 claims more).
            let cue_token = self.token_range(cue).start;
            let by_gerund = cue_token > 0 && self.low(cue_token - 1) == "by";
            // "He spoke, stressing that C": a participle continues its own claim; "a speech
            // in which she said C": so does a relative clause after a preposition.
            let relative = k >= 2
                && matches!(self.low(k - 1), "which" | "whom")
                && self.low_in(k - 2, &PREPOSITIONS_SET);
            // "… because “C,” she said", "… C,'' said John Ulzheimer": a quote or clause
            // with its speaker after it is a claim of its own wherever it sits.
            nested[c] = !(own_clause
                || relative
                || matches!(f.rule, "participial" | "quote-before-said" | "inverted")
                || (f.rule == "gerund-clause" && by_gerund));
        }
        let mut i = 0;
        out.retain(|_| {
            i += 1;
            !nested[i - 1]
        });
    }

    /// A quoted paragraph of some length that no claim covers is speech without a named
    /// speaker: a claim with no source and no cue.
    fn unattributed_quotes(&self, out: &mut Vec<Found>) {
        // Indexes over the claims, so each quote costs a binary search, not a scan of every
        // claim (a long text has thousands of both).
        let mut pieces: Vec<(usize, usize)> = out
            .iter()
            .flat_map(|f| f.content.iter().map(|c| (c.start, c.end)))
            .collect();
        pieces.sort_unstable();
        let reach: Vec<usize> = pieces
            .iter()
            .scan(0, |far, &(_, end)| {
                *far = end.max(*far);
                Some(*far)
            })
            .collect();
        let covered = |b: &Range<usize>| {
            let before = pieces.partition_point(|&(start, _)| start < b.end);
            before > 0 && reach[before - 1] > b.start
        };
        let mut cue_paragraphs: Vec<usize> = out
            .iter()
            .filter_map(|f| f.cue.as_ref())
            .map(|c| self.paragraph(self.tokens.partition_point(|t| t.end <= c.start)))
            .collect();
        cue_paragraphs.sort_unstable();
        let mut extra = Vec::new();
        for q in &self.quotes {
            let (s0, s1) = (
                self.sentences[self.sentence_of[q.open]].tokens.start,
                self.sentences[self.sentence_of[q.close]].tokens.end,
            );
            // The quote must make up whole sentences (not a phrase quoted inside one).
            let whole = q.open == s0 && (q.close + 1 == s1 || q.close + 2 == s1);
            // ... and stand in a paragraph of its own, away from any claim's paragraph.
            let para = self.paragraph(q.open);
            let from = cue_paragraphs.partition_point(|&p| p + 1 < para);
            let near_claim = cue_paragraphs.get(from).is_some_and(|&p| p <= para + 1);
            let whole = whole && !near_claim;
            let words = (q.open..=q.close)
                .filter(|&k| self.tokens[k].kind == TokenKind::Word)
                .count();
            let b = self.bytes(q.open..q.close + 1);
            if whole && words >= 8 && !covered(&b) && !(q.open..=q.close).any(|k| self.in_cue[k]) {
                extra.push(Found {
                    source: None,
                    cue: None,
                    content: vec![b],
                    kind: ClaimKind::Direct,
                    rule: "unattributed-quote",
                    confidence: 0.3,
                });
            }
        }
        out.extend(extra);
    }

    /// A paragraph that opens with a quote and has no cue of its own continues the speech of
    /// the paragraph before: its quote joins the content of that paragraph's last claim.
    fn continue_quotes(&self, out: &mut [Found]) {
        let n = self.tokens.len();
        let mut first = 0;
        // The claims with a cue, by where it starts: paragraphs come in order, so a cursor
        // finds each paragraph's cues (a scan of every claim per paragraph was quadratic).
        let mut by_cue: Vec<(usize, usize)> = out
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.cue.as_ref().map(|c| (c.start, i)))
            .collect();
        by_cue.sort_unstable();
        let mut cursor = 0;
        // The claim the previous paragraph's speech belongs to.
        let mut speaker: Option<usize> = None;
        while first < n {
            let para = self.paragraph(first);
            let mut last = first;
            while last < n && self.paragraph(last) == para {
                last += 1;
            }
            let (b0, b1) = (self.tokens[first].start, self.tokens[last - 1].end);
            while by_cue.get(cursor).is_some_and(|&(start, _)| start < b0) {
                cursor += 1;
            }
            let upto = cursor + by_cue[cursor..].partition_point(|&(start, _)| start < b1);
            let here = &by_cue[cursor..upto];
            let own_cue = (first..last).any(|k| self.in_cue[k]) || !here.is_empty();
            let continued = match (speaker, self.quote_opening_at(first)) {
                (Some(c), Some(q)) if !own_cue && para > 0 => {
                    // A claim whose content already holds the paragraph ("X said:" before
                    // it) only speaks on past it.
                    let piece = self.bytes(q.open..q.close + 1);
                    let content = &mut out[c].content;
                    if !content
                        .iter()
                        .any(|r| r.start < piece.end && piece.start < r.end)
                    {
                        content.push(piece);
                    }
                    true
                }
                _ => false,
            };
            if !continued {
                // The last claim whose cue is in this paragraph speaks on.
                speaker = here
                    .iter()
                    .filter(|&&(_, i)| {
                        let f = &out[i];
                        f.kind == ClaimKind::Direct
                            && !matches!(f.rule, "transcript" | "signed-quote")
                            && f.cue.as_ref().is_some_and(|c| c.end <= b1)
                    })
                    .max_by_key(|&&(start, _)| start)
                    .map(|&(_, i)| i);
            }
            first = last;
        }
    }

    /// The speaker of a transcript line, the paragraph `first..last`: an optional opening
    /// quote, then up to three upper-case words and a colon ("PENCE: Well, look ...").
    fn transcript_speaker(&self, first: usize, last: usize) -> Option<Range<usize>> {
        let all_caps = |k: usize| {
            self.tokens[k].kind == TokenKind::Word
                && self.raw(k).chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !self.raw(k).chars().any(char::is_lowercase)
        };
        let name = first + usize::from(self.tokens.get(first)?.kind == TokenKind::Quote);
        let mut k = name;
        while k < last && k < name + 3 && all_caps(k) {
            k += 1;
        }
        (k > name && k + 1 < last && self.low(k) == ":").then_some(name..k)
    }

    /// Whether a transcript line opens a new paragraph at token `k`.
    fn opens_transcript(&self, k: usize) -> bool {
        if k == 0 || k >= self.tokens.len() || self.paragraph(k) == self.paragraph(k - 1) {
            return false;
        }
        let p = self.paragraph(k);
        let last = (k..self.tokens.len())
            .find(|&m| self.paragraph(m) != p)
            .unwrap_or(self.tokens.len());
        self.transcript_speaker(k, last).is_some()
    }

    /// Claims read from the layout: transcript lines ("PENCE: Well, look ...") and quotes
    /// signed with a dash ("“...” ― Pamela Padilla").
    fn layout_claims(&self, out: &mut Vec<Found>, taken: &mut [bool]) {
        let n = self.tokens.len();
        // Transcript lines: an upper-case name and a colon open the paragraph.
        let mut first = 0;
        while first < n {
            let para = self.paragraph(first);
            let mut last = first;
            while last < n && self.paragraph(last) == para {
                last += 1;
            }
            if let Some(name) = self.transcript_speaker(first, last)
                && para > 0
            {
                let k = name.end;
                let mut end = last;
                while end > k + 1 && self.tokens[end - 1].kind == TokenKind::Quote {
                    end -= 1;
                }
                taken[k] = true;
                out.push(Found {
                    source: Some(self.bytes(name)),
                    cue: Some(self.bytes(k..k + 1)),
                    content: vec![self.bytes(k + 1..end)],
                    kind: ClaimKind::Direct,
                    rule: "transcript",
                    confidence: 0.7,
                });
            }
            first = last;
        }
        // Signed quotes: a closing quote, a dash, a short name ending the paragraph.
        for q in &self.quotes {
            let d = q.close + 1;
            if d + 1 >= n
                || !matches!(self.low(d), "―" | "—" | "–" | "--" | "-")
                || self.paragraph(d) != self.paragraph(q.close)
            {
                continue;
            }
            let para = self.paragraph(d);
            let mut e = d + 1;
            while e < n
                && e < d + 7
                && self.paragraph(e) == para
                && self.tokens[e].kind == TokenKind::Word
            {
                e += 1;
            }
            let ends = e >= n || self.paragraph(e) != para || matches!(self.low(e), "." | "|");
            if e > d + 1 && ends && self.raw(d + 1).starts_with(char::is_uppercase) {
                taken[d] = true;
                out.push(Found {
                    source: Some(self.bytes(d + 1..e)),
                    cue: Some(self.bytes(d..d + 1)),
                    content: vec![self.bytes(q.open..q.close + 1)],
                    kind: ClaimKind::Direct,
                    rule: "signed-quote",
                    confidence: 0.7,
                });
            }
        }
    }

    /// A content ending a sentence with an abbreviation ("... to the U.S.") leaves the
    /// sentence's period out, as PolNeAR does.
    fn drop_sentence_period(&self, part: &mut Range<usize>) {
        if part.end <= part.start + 1 || !self.text[..part.end].ends_with('.') {
            return;
        }
        let k = self.tokens.partition_point(|t| t.end < part.end);
        let Some(t) = self.tokens.get(k) else { return };
        let ends_sentence = self
            .sentences
            .get(self.sentence_of[k])
            .is_some_and(|s| s.tokens.end == k + 1);
        if t.end == part.end && t.kind == TokenKind::Word && t.end - t.start > 1 && ends_sentence {
            part.end -= 1;
        }
    }

    /// Whether a source may open with token `k`: a capitalised word or one of
    /// `SOURCE_OPENERS` ("the", "officials", ...).
    fn opens_source(&self, k: usize) -> bool {
        self.raw(k).starts_with(char::is_uppercase) || SOURCE_OPENERS.contains(&self.low(k))
    }

    /// A hyphen standing between spaces at token `k`: a dash ("predictable - Donald J. Trump
    /// has vowed").
    fn spaced_dash(&self, k: usize) -> bool {
        k > 0
            && self.low(k) == "-"
            && self.tokens[k - 1].end < self.tokens[k].start
            && self
                .tokens
                .get(k + 1)
                .is_some_and(|n| n.start > self.tokens[k].end)
    }

    /// Whether token `k` is a slash with no space on either side ("Reuters/Ipsos", "9/11").
    fn glued_slash(&self, k: usize) -> bool {
        k > 0
            && self.low(k) == "/"
            && self.tokens[k - 1].end == self.tokens[k].start
            && self
                .tokens
                .get(k + 1)
                .is_some_and(|n| n.start == self.tokens[k].end)
    }

    /// The relative pronoun before a short time phrase that ends right before `cue` ("who in
    /// 2010 said", "who on Monday said", "which last week said").
    fn relative_before_time(&self, s0: usize, cue: usize) -> Option<usize> {
        let floor = s0.max(cue.saturating_sub(5));
        let who = (floor..cue)
            .rev()
            .find(|&k| matches!(self.low(k), "who" | "which"))?;
        let phrase = who + 1..cue;
        // Time words ("on", "last", "Monday", "week") and years, after at most "in" or "the".
        let time = |k: usize| {
            self.low_in(k, &TRAILING_NON_SOURCE_SET) || self.tokens[k].kind == TokenKind::Number
        };
        let timed = phrase.clone().any(|k| time(k) && self.low(k) != "on");
        let plain = phrase
            .clone()
            .all(|k| time(k) || matches!(self.low(k), "in" | "the"));
        (timed && plain).then_some(who)
    }

    /// The start of a time phrase ending right before token `end` and starting at or after
    /// `floor`: "last month", "this past week", "in the past", "on Monday", "in 2010".
    fn time_phrase_before(&self, floor: usize, end: usize) -> Option<usize> {
        const UNITS: &[&str] = &[
            "week", "month", "year", "weekend", "spring", "summer", "fall", "winter",
        ];
        let at = |k: usize, w: &str| k >= floor && k < end && self.low(k) == w;
        let last = end.checked_sub(1).filter(|&k| k >= floor)?;
        let w = self.low(last);
        if w == "past" && last >= 2 && at(last - 2, "in") && at(last - 1, "the") {
            return Some(last - 2);
        }
        if self.tokens[last].kind == TokenKind::Number
            && last >= 1
            && at(last - 1, "in")
            && self.low(last).len() == 4
        {
            return Some(last - 1);
        }
        if !UNITS.contains(&w) && !WEEKDAYS.contains(&w) {
            return None;
        }
        let mut t = last;
        // "this past week", "earlier this month", "last week", "on Monday".
        if t > floor && matches!(self.low(t - 1), "last" | "this" | "past" | "next" | "on") {
            t -= 1;
            if t > floor && matches!(self.low(t - 1), "this" | "earlier" | "later") {
                t -= 1;
            }
        } else if !WEEKDAYS.contains(&w) {
            return None;
        }
        Some(t)
    }

    /// The first token after a time phrase and its comma opening a clause at `start` ("Last
    /// week,", "Just last week,", "On Monday,") before `end`, or `start` when there is none.
    fn after_opening_time(&self, start: usize, end: usize) -> usize {
        let Some(comma) = (start + 1..end.min(start + 6)).find(|&k| self.low(k) == ",") else {
            return start;
        };
        match self.time_phrase_before(start, comma) {
            Some(t)
                if comma + 1 < end
                    && (t == start
                        || (t == start + 1 && matches!(self.low(start), "just" | "only"))) =>
            {
                comma + 1
            }
            _ => start,
        }
    }

    /// The tokens a glued slash adds to the word at `k` ("9/11" is three).
    fn slash_tokens(&self, k: usize) -> usize {
        if self.glued_slash(k + 1) { 2 } else { 0 }
    }

    /// "current and former officials", "pollster and strategist Joel Benenson": lower-case
    /// words on both sides of the "and" at `k` (in a phrase ending before `end`), neither a
    /// verb, an adverb or a time word, are one phrase's modifiers or nouns ("prices rose and
    /// analysts said" are two clauses).
    fn coordinated_modifiers(&self, k: usize, end: usize) -> bool {
        let plain = |j: usize| {
            let w = self.low(j);
            self.tokens[j].kind == TokenKind::Word
                && self.raw(j).starts_with(char::is_lowercase)
                && !self.low_in(j, &LEFT_STOP_SET)
                && !self.low_in(j, &LEADING_NON_SOURCE_SET)
                && !self.low_in(j, &TRAILING_NON_SOURCE_SET)
                && !self.low_in(j, &PREPOSITIONS_SET)
                && !self.is_past_verb(j)
                && !self.in_cue[j]
                && !w.ends_with("ly")
                && !is_determiner(w)
        };
        k > 0
            && k + 1 < self.tokens.len()
            && plain(k - 1)
            && plain(k + 1)
            // "which rose and fell": no verb in -s or -ed form before the "and".
            && !(self.low(k - 1).ends_with('s') || self.low(k - 1).ends_with("ed"))
            // "… the body and researchers hope": a lone noun after the "and" may be the
            // subject of a clause of its own.
            && k + 2 < end
    }

    /// The leftward noun phrase ending just before token `end`, within the sentence.
    fn np_left(&self, start_limit: usize, end: usize) -> Option<Range<usize>> {
        let start_limit = start_limit.max(end.saturating_sub(MAX_PHRASE));
        let mut i = end;
        while i > start_limit {
            let k = i - 1;
            let t = &self.tokens[k];
            let low = self.low(k);
            let ok = match t.kind {
                TokenKind::Word | TokenKind::Number if low == "and" => {
                    // "Mr. Grassley and Mr. Leahy", "Developers and supporters".
                    k > start_limit
                        && k + 1 < end
                        // "Sherrod Brown (D-Ohio) and Robert Menendez".
                        && (self.tokens[k - 1].kind == TokenKind::Word
                            || (self.low(k - 1) == ")"
                                && self.raw(k + 1).starts_with(char::is_uppercase)))
                        && !self.low_in(k - 1, &LEFT_STOP_SET)
                        && !self.in_cue[k - 1]
                        && (self.raw(k - 1).starts_with(char::is_uppercase)
                            || (self.low(k - 1).ends_with('s') && self.low(k - 1).len() > 3)
                            || self.raw(k + 1).starts_with(char::is_uppercase)
                            || matches!(self.low(k + 1), "the" | "his" | "her" | "its" | "their")
                            || self.coordinated_modifiers(k, end))
                }
                // "Her submission to the court", "an adviser to Mr. Trump".
                TokenKind::Word if low == "to" => {
                    k + 1 < end
                        && k > start_limit
                        && !self.in_cue[k - 1]
                        && (matches!(self.low(k + 1), "the" | "his" | "her" | "its" | "their")
                            || self.raw(k + 1).starts_with(char::is_uppercase)
                            // "Those close to him".
                            || (k + 2 == end && matches!(self.low(k + 1), "him" | "them")))
                }
                // A lower-case word with a period ("is no. He") ends a sentence here.
                TokenKind::Word
                    if low.len() > 2
                        && low.ends_with('.')
                        && self.raw(k).starts_with(char::is_lowercase)
                        && !low[..low.len() - 1].contains('.') =>
                {
                    false
                }
                // "RUSSIANS SPARED FULL BAN FROM OLYMPICS The International Olympic Committee":
                // a headline in capitals runs into the sentence after it.
                TokenKind::Word
                    if k + 1 < end
                        && matches!(self.raw(k + 1), "The" | "A" | "An")
                        && self.raw(k).chars().filter(|c| c.is_alphabetic()).count() >= 3
                        && !self.raw(k).chars().any(char::is_lowercase) =>
                {
                    false
                }
                TokenKind::Word | TokenKind::Number => {
                    // "Theresa May", "Will Rogers": a name, not a modal; so is a capitalised
                    // one right before the cue ("…,” Will wrote") or a capitalised word.
                    let name = matches!(low, "may" | "will")
                        && self.raw(k).starts_with(char::is_uppercase)
                        && (k + 1 == end
                            || (k + 1 < end
                                && self.tokens[k + 1].kind == TokenKind::Word
                                && self.raw(k + 1).starts_with(char::is_uppercase))
                            || (k > start_limit
                                && self.raw(k - 1).starts_with(char::is_uppercase)
                                && self.tokens[k - 1].kind == TokenKind::Word));
                    (name || !self.low_in(k, &LEFT_STOP_SET))
                        && !self.in_cue[k]
                        && self.in_quote[k].is_none()
                }
                TokenKind::Punct => {
                    // "42% say they are liberal"; a hyphen standing between spaces is a dash
                    // ("the debate is predictable - Donald J. Trump has vowed").
                    (matches!(low, "&" | "-" | ")" | "%") && !self.spaced_dash(k))
                        // "(D-Ohio)" inside the phrase, or a bracket after a name, not the
                        // bracket of an aside that opens before it ("a van (her campaign
                        // later disclosed").
                        || (low == "("
                            && ((k + 1..end).any(|m| self.low(m) == ")")
                                || (k > start_limit
                                    && self.raw(k - 1).starts_with(char::is_uppercase))))
                        || (low == "." && self.low(k + 1) == ")")
                        // "The Reuters/Ipsos poll".
                        || (k > start_limit && self.glued_slash(k))
                        || low.ends_with('.') && low.len() > 1
                }
                TokenKind::Quote => self.plural_possessive(k),
            };
            if !ok {
                break;
            }
            i = k;
        }
        // "Neither Kasich nor Rubio has won a state and Cruz suggested": the object of a verb
        // ends at "and"; the name after it opens a clause of its own.
        if i > start_limit
            && self.verbish(i - 1)
            && !self.in_cue[i - 1]
            && let Some(and) = (i..end).rev().find(|&k| self.low(k) == "and")
            && and + 1 < end
            && self.raw(and + 1).starts_with(char::is_uppercase)
        {
            i = and + 1;
        }
        // "more than half of white women", "as many as 40 lawmakers": the quantifier's
        // comparison is part of it, though "than" and "as" end a phrase elsewhere.
        if i >= start_limit + 2
            && self.low(i - 1) == "than"
            && matches!(self.low(i - 2), "more" | "fewer" | "less")
            // "a lot more than you can say": a comparison of clauses.
            && !matches!(self.low(i), "you" | "i" | "he" | "she" | "we" | "they" | "it")
        {
            i -= 2;
        } else if i >= start_limit + 3
            && self.low(i - 1) == "as"
            && matches!(self.low(i - 2), "many" | "much")
            && self.low(i - 3) == "as"
        {
            i -= 3;
        }
        // Leading prepositions and time words are not part of the source, nor an unmatched
        // opening bracket; "at least" is a quantifier.
        while i < end
            && !(self.low(i) == "at" && matches!(self.low(i + 1), "least" | "most"))
            && ((self.low_in(i, &LEADING_NON_SOURCE_SET) && !self.opens_noun_phrase(i, end))
                || (self.low(i) == "(" && !(i..end).any(|m| self.low(m) == ")"))
                || (i + 1 < end && self.is_participle(i) && !self.adjective_before_noun(i, end)))
        {
            i += 1;
        }
        if i == self.sentences[self.sentence_of[i]].tokens.start {
            i = self.after_dateline(i, end);
        }
        // "Not everyone agrees": the negation belongs to the quantifier.
        if i > start_limit
            && self.low(i - 1) == "not"
            && matches!(
                self.low(i),
                "everyone" | "everybody" | "all" | "every" | "many" | "much" | "one"
            )
        {
            i -= 1;
        }
        // "at 86 she said": a subject pronoun right before the cue is the whole source.
        // "my siblings and I" is one.
        if end > i + 1
            && matches!(self.low(end - 1), "he" | "she" | "they" | "i" | "we")
            && !(end > i + 2 && self.low(end - 1) == "i" && self.low(end - 2) == "and")
        {
            i = end - 1;
        }
        // Nor are trailing time adjuncts ("Sanders on Tuesday", "Wells Fargo just this month"),
        // but "USA Today" is a name.
        let mut end = end;
        // "A poll released Wednesday found", "A GAO report released last year found": a time
        // after a participle of publishing dates the subject, and PolNeAR keeps it (12 times
        // in 12 with a weekday).
        let mut run = end;
        while run > i + 1 && self.low_in(run - 1, &TRAILING_NON_SOURCE_SET) {
            run -= 1;
        }
        let dated = run < end && run > i && PUBLISHING_PARTICIPLES.contains(&self.low(run - 1));
        while !dated
            && end > i + 1
            && self.low_in(end - 1, &TRAILING_NON_SOURCE_SET)
            && !(self.low(end - 1) == "today"
                && self.raw(end - 1).starts_with(char::is_uppercase)
                && self.raw(end - 2).starts_with(char::is_uppercase))
        {
            end -= 1;
        }
        if end - i > MAX_SOURCE_PHRASE {
            // Too long to be one phrase: keep the trailing run of capitalised words.
            let mut j = end;
            while j > i
                && (self.raw(j - 1).starts_with(char::is_uppercase)
                    || matches!(self.low(j - 1), "'s" | "’s" | "(" | ")" | "-"))
            {
                j -= 1;
            }
            i = j;
        }
        (i < end && end - i <= MAX_SOURCE_PHRASE).then_some(i..end)
    }

    /// "In a CNN/ORC poll released Monday, 31% of Republicans said C", "In the latest
    /// Post-ABC poll, conducted in May, C": a sentence opening with a poll or survey reports
    /// what it found. "In" is the cue, the poll the source (with its ", conducted …," and
    /// without a closing "last month") and the clause after the comma the content: 17 of the
    /// 21 such openings in PolNeAR train, and 2 of 2 in dev. Returns the source and where
    /// the content starts.
    fn poll_opening(&self, i: usize) -> Option<(Range<usize>, usize)> {
        let s = self.sentences.get(*self.sentence_of.get(i)?)?;
        if i != s.tokens.start || self.raw(i) != "In" {
            return None;
        }
        let s1 = s.tokens.end;
        let comma_in =
            |from: usize| (from..s1.min(from + MAX_POLL_PHRASE)).find(|&k| self.low(k) == ",");
        let comma = comma_in(i + 1)?;
        // The poll heads the phrase, before any clause in it ("In eight of nine states where
        // exit polls were conducted", "In a memo released as polls closed").
        let mut poll = false;
        for k in i + 1..comma {
            if self.in_quote[k].is_some() {
                return None;
            }
            match self.low(k) {
                "poll" | "polls" | "survey" | "surveys" => poll = true,
                "where" | "as" | "when" | "which" | "that" | "who" | "while" | "after" => break,
                _ => {}
            }
        }
        if !poll {
            return None;
        }
        let mut source = i + 1..comma;
        if let Some(t) = self.time_phrase_before(i + 2, comma)
            && matches!(self.low(t), "last" | "this" | "earlier" | "past")
        {
            source.end = t;
        }
        let mut from = comma + 1;
        if matches!(
            self.low(from),
            "conducted" | "released" | "taken" | "published" | "fielded"
        ) && let Some(second) = comma_in(from + 1)
        {
            // PolNeAR's source keeps the description's closing comma.
            source.end = second + 1;
            from = second + 1;
        }
        // "In the polls, anyway.": a finding is a clause.
        (self.content_end(from, s1) >= from + 3).then_some((source, from))
    }

    /// The rightward noun phrase starting at token `start`, within the sentence.
    fn np_right(&self, start: usize, end_limit: usize) -> Option<Range<usize>> {
        let end_limit = end_limit.min(start + MAX_PHRASE);
        let mut i = start;
        while i < end_limit {
            let t = &self.tokens[i];
            let low = self.low(i);
            let ok = match t.kind {
                // "a person close to the Clintons", "one longtime adviser to Bill Clinton".
                TokenKind::Word
                    if low == "to"
                        && i > start
                        && matches!(
                            self.low(i - 1),
                            "close"
                                | "adviser"
                                | "advisor"
                                | "advisers"
                                | "advisors"
                                | "aide"
                                | "aides"
                                | "ally"
                                | "allies"
                                | "assistant"
                                | "counselor"
                                | "consultant"
                                | "spokesman"
                                | "spokeswoman"
                                | "spokesperson"
                                | "confidant"
                                | "confidante"
                                | "envoy"
                                | "ambassador"
                                | "donor"
                                | "donors"
                        )
                        && (matches!(self.low(i + 1), "the" | "his" | "her" | "their")
                            || self.raw(i + 1).starts_with(char::is_uppercase)) =>
                {
                    !self.in_cue[i]
                }
                TokenKind::Word | TokenKind::Number => {
                    !(self.in_cue[i] || i > start && self.low_in(i, &RIGHT_STOP_SET))
                }
                // "said 9/11 widow Terry Strada".
                TokenKind::Punct => matches!(low, "&" | "-") || (i > start && self.glued_slash(i)),
                TokenKind::Quote => self.plural_possessive(i),
            };
            if !ok {
                break;
            }
            i += 1;
        }
        (i > start && i - start <= 12).then_some(start..i)
    }

    /// The natural end (exclusive) of a content running from `from` to the end of the
    /// sentence: before the final punctuation.
    fn natural_end(&self, from: usize, sentence_end: usize) -> usize {
        // No content runs longer than MAX_CONTENT tokens (a text without periods would
        // otherwise make every cue read to its end).
        let mut end = sentence_end.min(from + MAX_CONTENT);
        while end > from && matches!(self.low(end - 1), "." | "?" | "!" | "," | ";" | ":") {
            end -= 1;
        }
        end
    }

    /// The end (exclusive) of a content that runs from `from` towards the end of the sentence:
    /// the first boundary the content-end classifier accepts (a later ", adding", ", who is
    /// 70", "and said"), else before the final punctuation.
    fn content_end(&self, from: usize, sentence_end: usize) -> usize {
        let natural = self.natural_end(from, sentence_end);
        let mut end = natural;
        if let Some(m) = self.end_model {
            let mut feats = model::Features::default();
            // A content is never cut inside a quote, nor a "that" clause before its verb
            // ("that both Sanders | and Trump were referring to"); "that subject", "that
            // promise" is a demonstrative, not a clause.
            let that_clause = self.low(from) == "that"
                && (self.raw(from + 1).starts_with(char::is_uppercase)
                    || matches!(
                        self.low(from + 1),
                        "," | "both" | "the" | "a" | "an" | "his" | "her" | "their" | "its"
                    ));
            for b in from + 1..natural {
                let verbless_that =
                    that_clause && b <= from + 3 && !(from + 1..b).any(|k| self.verbish(k));
                if self.inside_quote(b) || verbless_that {
                    continue;
                }
                // "C, according to X": the trailing attribution is not part of C.
                let according = |k: usize| {
                    self.cue_at.get(k).is_some_and(Option::is_some)
                        && self.low_hash(k) == h!("according")
                };
                if according(b) || (self.low_hash(b) == h!(",") && according(b + 1)) {
                    end = b;
                    break;
                }
                self.end_features(from, b, natural, &mut feats);
                if m.score(&feats) > 0.0 {
                    end = b;
                    break;
                }
            }
        }
        // No dangling punctuation at a cut.
        while end > from
            && matches!(
                self.low(end - 1),
                "." | "?" | "!" | "," | ";" | ":" | "—" | "--" | "-" | "("
            )
        {
            end -= 1;
        }
        end
    }

    /// Moves the words a cue takes from the start of its content into the cue, as the
    /// cue-reach classifier decides: "asked | Jones about the plan", "called | for
    /// releasing the video". PolNeAR puts a preposition between a cue and its content in the
    /// cue (on train: "about" 462 times, in the content 25), and with it the object the verb
    /// governs; where its annotators mostly did not ("accused | Holt of being"), the
    /// classifier learns to leave the words to the content.
    fn reach(&self, f: &mut Found) {
        let Some(m) = self.reach_model else {
            return;
        };
        let (Some(cue), Some(first)) = (&mut f.cue, f.content.first_mut()) else {
            return;
        };
        if first.start < cue.end
            || !self
                .text
                .get(cue.end..first.start)
                .is_some_and(|gap| gap.trim().is_empty())
        {
            return;
        }
        let (ct, ft) = (self.token_range(cue), self.token_range(first));
        if ct.is_empty() || ft.is_empty() || ct.end > ft.start {
            return;
        }
        // "has said about | 20 people": a lexicon cue ending in a preposition gives back
        // one that reads "roughly" before a number.
        if ct.len() > 1 && self.approximates(ct.end - 1, ft.start) {
            cue.end = self.tokens[ct.end - 2].end;
            first.start = self.tokens[ct.end - 1].start;
            return;
        }
        let mut feats = model::Features::default();
        let mut best = (0, MIN_REACH_SCORE);
        for j in 1..=self.max_reach(ft.start, ft.end) {
            if self.approximates(ft.start + j - 1, ft.start + j) {
                continue;
            }
            self.reach_features(ct.end - 1, ft.start, j, &mut feats);
            let score = m.score(&feats);
            if score > best.1 {
                best = (j, score);
            }
        }
        if best.0 > 0 {
            cue.end = self.tokens[ft.start + best.0 - 1].end;
            first.start = self.tokens[ft.start + best.0].start;
        }
    }

    /// Whether token `k` reads "roughly" before the number at `n` ("about 20 people"): it
    /// belongs to the number, not to a cue.
    fn approximates(&self, k: usize, n: usize) -> bool {
        self.raw(n)
            .starts_with(|c: char| c.is_ascii_digit() || c == '$')
            && matches!(
                self.low(k),
                "about" | "around" | "over" | "under" | "nearly" | "almost" | "some"
            )
    }

    /// How many tokens from `from` a cue may take from a content `from..end`: words and
    /// numbers of one sentence, outside quotes, never a "that" (it opens the content), and
    /// at least one token left to the content.
    fn max_reach(&self, from: usize, end: usize) -> usize {
        let sentence = self.sentence_of.get(from).copied();
        let mut j = 0;
        while j < MAX_REACH && from + j + 1 < end {
            let k = from + j;
            let t = &self.tokens[k];
            if !matches!(t.kind, TokenKind::Word | TokenKind::Number)
                || self.in_quote[k].is_some()
                || self.sentence_of.get(k + 1).copied() != sentence
                || self.low_hash(k) == h!("that")
            {
                break;
            }
            j += 1;
        }
        j
    }

    /// Features of a cue with last token `head` taking the `j` tokens from `from`.
    fn reach_features(&self, head: usize, from: usize, j: usize, out: &mut model::Features) {
        out.clear();
        let (h, last, first) = (
            self.low_hash(head),
            self.low_hash(from + j - 1),
            self.low_hash(from + j),
        );
        let stem = model::hash(lexicon::stem(self.low(head)));
        let n = j as u64;
        let shapes =
            (from..from + j.min(4)).fold(model::SEED, |acc, k| model::combine(acc, self.shape(k)));
        let prep = tf(matches!(
            self.low(from + j - 1),
            "about"
                | "against"
                | "as"
                | "at"
                | "by"
                | "for"
                | "from"
                | "in"
                | "into"
                | "of"
                | "on"
                | "over"
                | "to"
                | "with"
        ));
        out.push_parts(&[h!("rb:"), n]);
        out.push_parts(&[h!("rh:"), h, n]);
        out.push_parts(&[h!("rhl:"), h, last]);
        out.push_parts(&[h!("rsl:"), stem, last]);
        out.push_parts(&[h!("rsln:"), stem, last, n]);
        out.push_parts(&[h!("rl:"), last]);
        out.push_parts(&[h!("rlf:"), last, first]);
        out.push_parts(&[h!("rls:"), last, self.shape(from + j)]);
        out.push_parts(&[h!("rf:"), first, n]);
        out.push_parts(&[h!("ra:"), h, self.low_hash(from)]);
        out.push_parts(&[h!("rshapes:"), shapes, n]);
        out.push_parts(&[h!("rprep:"), prep, n]);
        out.push_parts(&[h!("rhf:"), h, first]);
    }

    /// Whether the boundary before token `b` falls inside one quote.
    fn inside_quote(&self, b: usize) -> bool {
        let at = |k: usize| self.in_quote.get(k).copied().flatten();
        match (b.checked_sub(1).and_then(at), at(b)) {
            (Some(x), Some(y)) => x == y && self.quotes[x].open != b,
            _ => false,
        }
    }

    /// Features of cutting a content `from..b` (natural end `natural`).
    fn end_features(&self, from: usize, b: usize, natural: usize, out: &mut model::Features) {
        out.clear();
        let (w, wp, wn, wn2) = (
            self.low_hash(b),
            self.low_hash(b - 1),
            self.low_hash(b + 1),
            self.low_hash(b + 2),
        );
        let (s, sn) = (self.shape(b), self.shape(b + 1));
        let cue_soon = (b..natural.min(b + 5)).any(|m| self.strong_cue[m]);
        let cue_next = self.strong_cue.get(b).copied().unwrap_or(false)
            || self.strong_cue.get(b + 1).copied().unwrap_or(false);
        let part = w == h!(",") && self.is_participle(b + 1);
        let sfx = |k: usize| self.suffix_hash(k);
        out.push_parts(&[h!("b")]);
        out.push_parts(&[h!("w:"), w]);
        out.push_parts(&[h!("wp:"), wp]);
        out.push_parts(&[h!("wn:"), w, wn]);
        out.push_parts(&[h!("wpw:"), wp, w]);
        out.push_parts(&[h!("s:"), s, sn]);
        out.push_parts(&[h!("len:"), count_bucket(b - from), w]);
        out.push_parts(&[h!("rem:"), count_bucket(natural - b), w]);
        out.push_parts(&[h!("cue:"), tf(cue_soon), tf(cue_next), w]);
        out.push_parts(&[h!("part:"), tf(part)]);
        out.push_parts(&[h!("wsn:"), w, sn, tf(cue_soon)]);
        out.push_parts(&[h!("wn2:"), w, wn2]);
        out.push_parts(&[h!("wn12:"), wn, wn2]);
        out.push_parts(&[h!("sfx:"), w, sfx(b + 1), sfx(b + 2)]);
        out.push_parts(&[h!("sfx3:"), w, sfx(b + 3)]);
        // What the content is: a "that" clause, an infinitive, a quote or a noun phrase
        // (an object ends sooner than a clause), and the word before it (the cue's head).
        let first = self.low_hash(from);
        let kind = if first == h!("that") || first == h!("to") {
            first
        } else {
            self.shape(from)
        };
        let before = from.checked_sub(1).map_or(h!("<s>"), |k| self.low_hash(k));
        out.push_parts(&[h!("kind:"), kind, w]);
        out.push_parts(&[h!("kindn:"), kind, w, wn]);
        out.push_parts(&[h!("head:"), before, w]);
        // How far back the content's last comma is: a clause that has just ended at a comma
        // ("C, and D") against a short aside.
        let comma = self.last_comma(from, b).map_or(h!("none"), count_bucket);
        out.push_parts(&[h!("comma:"), comma, w]);
    }

    /// How many tokens before boundary `b` the last comma of `from..b` is (0: the token just
    /// before `b`), if it has one.
    fn last_comma(&self, from: usize, b: usize) -> Option<usize> {
        match self.comma_upto.get(b.checked_sub(1)?) {
            Some(&c) if c > from => Some(b - c),
            _ => None,
        }
    }

    /// The hash of `suffix2` of token `k` (of "" past the end).
    fn suffix_hash(&self, k: usize) -> u64 {
        let Some(cached) = self.suffix_of.get(k) else {
            return h!("");
        };
        if cached.get() == 0 {
            cached.set(model::hash(suffix2(self.low(k))));
        }
        cached.get()
    }

    /// A lower-case "-ing" word opening a participial clause (", singing ...").
    /// "restructuring experts", "mining companies": an -ing word before the phrase's last word,
    /// a lower-case noun, describes it rather than opening a clause ("seizing on comments").
    fn adjective_before_noun(&self, k: usize, end: usize) -> bool {
        k + 2 == end
            && self.tokens[k + 1].kind == TokenKind::Word
            && self.raw(k + 1).starts_with(char::is_lowercase)
            && !self.low_in(k + 1, &LEFT_STOP_SET)
            && !self.low_in(k + 1, &PREPOSITIONS_SET)
    }

    fn is_participle(&self, k: usize) -> bool {
        let low = self.low(k);
        low.len() > 5
            && low.ends_with("ing")
            && self.raw(k).starts_with(char::is_lowercase)
            && !matches!(
                low,
                "including"
                    | "according"
                    | "during"
                    | "nothing"
                    | "something"
                    | "anything"
                    | "everything"
            )
    }

    /// Where a clause set off by commas ends, searching `from..s1`: before its closing comma,
    /// or after the quote mark that follows it (`as "preliminary,"`); `s1` when there is none.
    fn clause_comma(&self, from: usize, s1: usize) -> usize {
        for k in from..s1 {
            if self.low(k) != "," {
                continue;
            }
            if self.quote_ending_at(k + 1).is_some() {
                return k + 2;
            }
            if self.in_quote[k].is_none() {
                return k;
            }
        }
        s1
    }

    /// The quote that ends at token `k` (its closing mark, or the comma inside it).
    fn quote_ending_at(&self, k: usize) -> Option<Quote> {
        let q = self.in_quote.get(k).copied().flatten()?;
        let quote = self.quotes[q];
        (quote.close == k).then_some(quote)
    }

    /// A quote opening at token `k` (after optional ":" or ",").
    fn quote_opening_at(&self, k: usize) -> Option<Quote> {
        let q = self.in_quote.get(k).copied().flatten()?;
        let quote = self.quotes[q];
        (quote.open == k).then_some(quote)
    }

    fn claim_at(
        &self,
        si: usize,
        cue: Range<usize>,
        first_source: &Option<Range<usize>>,
    ) -> Option<Found> {
        let s = &self.sentences[si];
        let (s0, s1) = (s.tokens.start, s.tokens.end);
        let info = self.cue_info[cue.start]?;
        let stats = info.stats;
        let conf = info.confidence.clamp(0.05, 0.95);
        let first = self.low(cue.start);
        let before_cue = cue.start.checked_sub(1).filter(|&k| k >= s0);
        let prev_low = before_cue.map_or("", |k| self.low(k));
        let prev_is_quote_end = before_cue.and_then(|k| self.quote_ending_at(k));

        // "Price told reporters on Monday: C": the colon ends the telling verb's object; it is
        // no cue of its own. Nor is "Partial transcript:" over "WALLACE: …", a line that
        // names its own speaker.
        if first == ":"
            && cue.len() == 1
            && ((s0..cue.start)
                .rev()
                .take_while(|&k| !matches!(self.low(k), "," | ";" | ":" | "—" | "--"))
                .any(|k| self.in_cue[k])
                || self.opens_transcript(cue.end))
        {
            return None;
        }

        if cue.len() == 1
            && let Some((source, from)) = self.poll_opening(cue.start)
        {
            let end = self.content_end(from, s1);
            return Some(Found {
                source: Some(self.bytes(source)),
                cue: Some(self.bytes(cue)),
                content: vec![self.bytes(from..end)],
                kind: ClaimKind::Indirect,
                rule: "poll",
                // The classifier seldom sees "In" as a cue; the opening is right 4 times in 5.
                confidence: conf.max(0.8),
            });
        }

        // "according to X, C" / "C, according to X".
        if first == "according" {
            let src = self
                .according_source(cue.end, s1)
                .or_else(|| self.np_right(cue.end, s1));
            let after_src = src.as_ref().map_or(cue.end, |r| r.end);
            let content = if cue.start == s0 || prev_low != "," && cue.start < s0 + 2 {
                let from = match self.low(after_src) {
                    "," => after_src + 1,
                    // "According to aides who asked not to be named, C".
                    "who" => (after_src..s1.min(after_src + MAX_ACCORDING_SOURCE))
                        .find(|&k| self.low(k) == ",")
                        .map_or(after_src, |c| c + 1),
                    _ => after_src,
                };
                let end = self.content_end(from, s1);
                (from < end).then(|| vec![self.bytes(from..end)])
            } else {
                self.clause_before(s0, cue.start)
            }?;
            // "C, according to John Weaver, a Republican strategist.", "…, according to a
            // campaign official who was not authorized to speak.": closing the sentence, the
            // source keeps its appositive or relative clause.
            let content_before = !(cue.start == s0 || prev_low != "," && cue.start < s0 + 2);
            let src = src.map(|r| {
                if content_before {
                    self.closing_description(r.end, s1)
                        .map_or(r.clone(), |e| r.start..e)
                } else {
                    r
                }
            });
            return Some(Found {
                source: src.map(|r| self.bytes(r)),
                cue: Some(self.bytes(cue)),
                content,
                kind: ClaimKind::Indirect,
                rule: "according-to",
                confidence: conf,
            });
        }

        // "Asked whether C, Smith said D": the question opens the sentence; only "by X" names
        // who asked.
        if first == "asked"
            && cue.len() == 1
            && ((self.raw(cue.start).starts_with(char::is_uppercase)
                && cue.start == self.after_discourse_adverb(s0, cue.start))
                // "When asked whether C, she said D" / "she said when asked whether C": the
                // asker is seldom named.
                || prev_low == "when")
            && let Some(f) = self.asked_first(cue.clone(), s1, conf)
        {
            return Some(f);
        }

        // "Said Ellis: “C”": a sentence opening with the cue names its speaker right after it,
        // and a quote follows.
        if cue.start == s0
            && matches!(first, "said" | "says")
            && self.raw(cue.start).starts_with(char::is_uppercase)
            && let Some(src) = self
                .np_right(cue.end, s1)
                .filter(|r| self.raw(r.start).starts_with(char::is_uppercase))
            && matches!(self.low(src.end), "," | ":")
            && self.quote_opening_at(src.end + 1).is_some()
            && let Some((content, kind)) = self.content_after(src.end + 1, s1)
        {
            return Some(Found {
                source: Some(self.bytes(src)),
                cue: Some(self.bytes(cue)),
                content,
                kind,
                rule: "said-first",
                confidence: conf * 0.9,
            });
        }

        // Participial continuation: ", adding that C" inherits the speaker: the sentence's
        // first source when a claim came before it ("“C,” McConnell said, citing D": not the
        // subject of the quoted clause), else the sentence's subject ("Trump attacked
        // Clinton, saying C").
        let adverb_after_comma = before_cue.is_some_and(|k| {
            k > s0
                && (self.low(k - 1) == "," || self.spaced_dash(k - 1))
                && (prev_low.ends_with("ly") || matches!(prev_low, "perhaps" | "then" | "also"))
        });
        // "… was “wider than the Bosporus,” adding that C": the comma inside a closing quote.
        let comma_in_quote = cue.start >= s0 + 2
            && self.tokens[cue.start - 1].kind == TokenKind::Quote
            && self.low(cue.start - 2) == ",";
        // "Huckabee, for his part, is labeling C": after an auxiliary the -ing form is a
        // finite verb, not a participle.
        let progressive = matches!(
            first,
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would"
        );
        if (cue.start..cue.end).any(|k| self.low(k).ends_with("ing"))
            && !progressive
            && (matches!(prev_low, "," | "—" | "--" | "–")
                || before_cue.is_some_and(|k| self.spaced_dash(k))
                || adverb_after_comma
                || comma_in_quote)
        {
            let content = self.content_after(cue.end, s1)?;
            let subject = self
                .sentence_subject(s0, cue.start)
                .filter(|r| self.opens_source(r.start))
                .or_else(|| self.participle_subject(s0, cue.start));
            // "Trump was defensive about an architect who said he was stiffed, saying C": a
            // relative clause's pronoun is no speaker for the participle when the sentence
            // has a subject of its own.
            let relative = |r: &Range<usize>| {
                r.len() == 1 && matches!(self.low(r.start), "who" | "which" | "that")
            };
            let source = match first_source.clone() {
                Some(r) if relative(&r) && subject.is_some() => subject,
                first => first.or(subject),
            };
            return Some(Found {
                source: source.map(|r| self.bytes(r)),
                cue: Some(self.bytes(cue)),
                content: content.0,
                kind: content.1,
                rule: "participial",
                confidence: conf * 0.9,
            });
        }

        // "After saying C, she left", "Trump told reporters, before insisting C": a gerund
        // after a temporal preposition; "Citing C, Trump said D": one opening the sentence.
        if self.low(cue.start).ends_with("ing") {
            let opens = |k: usize| k == self.after_discourse_adverb(s0, k);
            // "In describing Trump, Cuban said", "By highlighting C": so do "in" and "by",
            // and "despite admitting C", "aside from saying C".
            let temporal = before_cue.filter(|&k| {
                matches!(
                    prev_low,
                    "after" | "before" | "while" | "upon" | "in" | "by" | "despite" | "without"
                ) || (prev_low == "from" && k > s0 && matches!(self.low(k - 1), "aside" | "apart"))
            });
            let opening = match temporal {
                Some(p) => Some(opens(p)),
                None => opens(cue.start).then_some(true),
            };
            if let Some(opening) = opening
                && let Some(f) =
                    self.gerund_clause(s0, s1, cue.clone(), opening, first_source, conf)
            {
                return Some(f);
            }
        }

        // Passive: "C was first reported by X", "X was accused of C" (no source).
        // "Mr. Ackman is convinced that C": a participle of feeling or belief is no passive;
        // its subject holds the view.
        let adjectival = cue.clone().any(|k| {
            matches!(
                self.low(k),
                "convinced"
                | "concerned"
                | "worried"
                | "persuaded"
                | "determined"
                | "disappointed"
                | "pleased"
                | "frustrated"
                | "alarmed"
                | "troubled"
                | "encouraged"
                | "satisfied"
                | "surprised"
                | "shocked"
                | "outraged"
                | "dismayed"
                    // "She is assured of 108 delegates", "They are focused on C".
                    | "assured"
                    | "focused"
                    | "scared"
                    | "opposed"
                    | "committed"
                    | "interested"
                    | "devoted"
                    | "dedicated"
                    | "inclined"
            )
        });
        if self.is_passive(cue.clone()) && !adjectival {
            // "the central bank, which is expected to act": the relative pronoun stands for
            // the subject, and PolNeAR marks it as the content's first piece.
            let subject = self.np_left(s0, cue.start).or_else(|| {
                before_cue
                    .filter(|&k| matches!(self.low(k), "which" | "who" | "that"))
                    .map(|k| k..k + 1)
            })?;
            let by = if self.low(cue.end - 1) == "by" {
                Some(cue.end)
            } else if self.low(cue.end) == "by" {
                Some(cue.end + 1)
            } else {
                None
            };
            let (source, content) = match by {
                Some(b) => (
                    self.inverted_source(b, s1)
                        .or_else(|| self.np_right(b, s1))
                        .map(|r| self.bytes(r)),
                    vec![self.bytes(subject)],
                ),
                None => {
                    let mut parts = vec![self.bytes(subject)];
                    if let Some((after, _)) = self.content_after(cue.end, s1) {
                        parts.extend(after);
                    }
                    (None, parts)
                }
            };
            return Some(Found {
                source,
                cue: Some(self.bytes(cue)),
                content,
                kind: ClaimKind::Indirect,
                rule: "passive",
                confidence: conf * 0.8,
            });
        }

        // "X, the former chief, said C" is not inverted: the appositive opens the sentence.
        let opening_appositive = prev_low == ","
            && self.appositive_source(s0, cue.start - 1).is_some_and(|r| {
                self.np_left(s0, r.start + 1)
                    .is_some_and(|h| h.start == r.start)
                    && {
                        let mut f = s0;
                        while f < r.start && self.low_in(f, &LEADING_NON_SOURCE_SET) {
                            f += 1;
                        }
                        r.start == f || self.low(r.start - 1) == ","
                    }
            });
        // Inverted: "C, said X" / "“C,” said X".
        // A telling verb never inverts: in "“C,” Verveer, a former aide, told CBS News" the
        // phrase after "told" is who was told.
        let telling = matches!(
            self.low(cue.end - 1),
            "told" | "tell" | "tells" | "telling" | "informed" | "reminded" | "assured"
        );
        if (prev_low == "," || prev_is_quote_end.is_some())
            && !opening_appositive
            && !telling
            && let Some(src) = self.inverted_source(cue.end, s1)
            // A cue whose content usually comes first, or any cue when the source closes the
            // sentence ("C, noted NBC's Dante Chinni.").
            && (stats.before_share() > 0.2
                // "“How big is that wall?” asked the boy": a quote that opens the sentence.
                || prev_is_quote_end.is_some_and(|q| {
                    q.open <= s0
                        && q.close > q.open + 1
                        && matches!(self.low(q.close - 1), "?" | "!" | "," | ".")
                })
                || (self.raw(src.start).starts_with(char::is_uppercase)
                    && !src.clone().any(|k| self.low(k) == ",")
                    && (src.end >= s1 || matches!(self.low(src.end), "." | "!" | "?"))))
        {
            let content_end = before_cue.unwrap_or(s0);
            let mut content = self.content_before(s0, content_end + 1)?;
            let direct = prev_is_quote_end.is_some()
                || (content_end > 0 && self.quote_ending_at(content_end - 1).is_some());
            self.extend_interrupted(&mut content, src.end, s1);
            return Some(Found {
                source: Some(self.bytes(src)),
                cue: Some(self.bytes(cue)),
                content,
                kind: if direct {
                    ClaimKind::Direct
                } else {
                    ClaimKind::Indirect
                },
                rule: "inverted",
                confidence: conf * 0.9,
            });
        }

        let src = if prev_low == "," {
            // "Harry Bond, 30, of Raleigh, N.C., who was among those polled, said": an
            // appositive that follows another is part of a chain, which is the source.
            let appositive = self.appositive_source(s0, cue.start - 1);
            // Its first part is a place or an age, which describes a name before it.
            let chained = appositive.as_ref().is_none_or(|r| {
                r.start > s0
                    && self.low(r.start - 1) == ","
                    && (self.low_in(r.start, &PREPOSITIONS_SET)
                        || self.tokens[r.start].kind == TokenKind::Number
                        || (self.raw(r.start).ends_with('.') && self.raw(r.start).len() > 1))
            });
            if chained {
                self.long_appositive_source(s0, cue.start - 1)
                    .or(appositive)
            } else {
                appositive
            }
        } else if matches!(prev_low, "--" | "—" | "–" | "-") {
            self.dashed_source(s0, cue.start - 1)
        } else if matches!(prev_low, "who" | "which")
            || (prev_low == "that" && before_cue.is_some_and(|k| k > s0 && !self.in_cue[k - 1]))
        {
            before_cue.map(|k| k..k + 1)
        } else if prev_low == "whom"
            && cue.start >= s0 + 3
            && self.low(cue.start - 2) == "of"
            && self.tokens[cue.start - 3].kind != TokenKind::Punct
        {
            // "victims, many of whom say C", "superdelegates, the vast majority of whom
            // support C": the share of them is the source.
            let mut start = cue.start - 3;
            while start > s0
                && start + 5 > cue.start
                && self.tokens[start - 1].kind == TokenKind::Word
                && self.raw(start - 1).starts_with(char::is_lowercase)
                && !self.verbish(start - 1)
                && !self.low_in(start - 1, &LEFT_STOP_SET)
            {
                start -= 1;
            }
            Some(start..cue.start)
        } else if let Some(who) = self.relative_before_time(s0, cue.start) {
            // "McConnell, who in 2010 said C": the time is no speaker.
            Some(who..who + 1)
        } else if let Some(conj) = before_cue
            .filter(|_| matches!(prev_low, "and" | "but"))
            .or_else(|| {
                // "Marcus has been critical of Mr. Trump but on Tuesday wrote C".
                self.time_phrase_before(s0, cue.start)
                    .and_then(|t| t.checked_sub(1))
                    .filter(|&k| k > s0 && matches!(self.low(k), "and" | "but"))
            })
        {
            // "X says ... and said C": the conjoined verb shares the subject; "Cruz walked
            // in and said C": so it does when the first verb reports nothing.
            first_source
                .clone()
                .or_else(|| self.conjoined_subject(s0, conj))
        } else if prev_low == "by" && self.low(cue.start).ends_with("ing") {
            // "X opened the summit by calling for C": the clause's subject, if any.
            self.clause_subject(s0, cue.start - 1)
        } else {
            // "The research not only documented C, but also D": the focus adverbs stand between
            // the subject and its verb.
            let end = if cue.start >= s0 + 3
                && self.low(cue.start - 2) == "not"
                && matches!(self.low(cue.start - 1), "only" | "just" | "merely")
            {
                cue.start - 2
            } else {
                cue.start
            };
            let src = self
                .relative_source(s0, end)
                .or_else(|| self.source_left(s0, end))
                .map(|src| self.coordinated_list(s0, src));
            // "she said at a news conference announcing C": an event of speech after a
            // preposition, which the -ing cue describes, is where it was said; the speaker is
            // the sentence's. (A document is its own source: "a statement defending X".)
            match src {
                Some(r)
                    if self.low(cue.start).ends_with("ing")
                        && r.end == cue.start
                        && r.start > s0
                        && matches!(self.low(r.start - 1), "in" | "at" | "during" | "through")
                        && matches!(
                            self.low(cue.start - 1),
                            "conference"
                                | "briefing"
                                | "speech"
                                | "interview"
                                | "rally"
                                | "hearing"
                                | "appearance"
                                | "event"
                                | "meeting"
                        ) =>
                {
                    first_source.clone().or_else(|| {
                        self.sentence_subject(s0, s1)
                            .filter(|subject| subject.start > cue.start)
                    })
                }
                src => src,
            }
        };
        // "C, X said." / "“C,” X said.": content before a short source.
        if let Some(src) = &src {
            // "C, as police have said.": the comma before "as" ends the content.
            let as_before = src.start >= s0 + 2
                && self.low(src.start - 1) == "as"
                && self.low(src.start - 2) == ",";
            let k = src
                .start
                .checked_sub(if as_before { 2 } else { 1 })
                .filter(|&k| {
                    k >= s0
                        || (src.start == s0
                            && self.quote_ending_at(k).is_some()
                            && self.paragraph(k) == self.paragraph(s0))
                });

            let after = self.low(cue.end);
            let content_follows = self.has_that_soon(cue.end, s1)
                || matches!(after, ":")
                || self.quote_opening_at(cue.end).is_some()
                || (after == "," && self.quote_opening_at(cue.end + 1).is_some());
            // "…, Sanders promised to take bold action": a cue whose content mostly follows
            // it reads on into "to" and a verb; "said to reporters" ends the clause.
            let to_verb = after == "to"
                && stats.before_share() < 0.3
                && cue.end + 1 < s1
                && self.tokens[cue.end + 1].kind == TokenKind::Word
                && self.raw(cue.end + 1).starts_with(char::is_lowercase)
                && !is_determiner(self.low(cue.end + 1))
                && !matches!(
                    self.low(cue.end + 1),
                    "him" | "her" | "them" | "me" | "us" | "you" | "reporters" | "voters"
                );
            let ends_clause = cue.end >= s1
                || matches!(after, "." | "," | "?" | "!" | ";")
                || (RIGHT_STOP.contains(&after) && !to_verb);
            // A programme's title is no quote ("Later on ''This Week,'' Sanders questioned").
            let spoken = |k: usize| self.quote_ending_at(k).is_some() && !self.title_quote(k);
            let quote_before = k.is_some_and(|k| {
                spoken(k) || (self.low(k) == "," && k > 0 && spoken(k - 1))
            })
                // A quote closing the sentence before is this cue's content only when the cue
                // says nothing after it ("The statement did not say what C" has its own).
                && (src.start > s0 || ends_clause);
            let comma_before = k.is_some_and(|k| self.low(k) == ",");
            if let Some(k) = k
                && ((quote_before && !self.has_that_soon(cue.end, s1))
                    || (comma_before
                        && ends_clause
                        && !content_follows
                        // "C, a spokeswoman, Anna White, said": the comma before the cue
                        // closes the source's appositive.
                        && (prev_low != "," || src.end == cue.start)))
                // "All of this, he acknowledges, could be undone": a cue between commas
                // interrupts its content, whatever the cue.
                // So does a cue closing the sentence after a named speaker ("C, The Post has
                // learned.").
                && (self.before_share(&cue, stats) > 0.05
                    // "“C,” he complained to an American afterward": a quote right before
                    // the speaker, and nothing after the cue that could be content.
                    || (quote_before && ends_clause)
                    || (comma_before
                        && (after == ","
                            || (after == "." && self.raw(src.start).starts_with(char::is_uppercase)))))
            {
                let mut content = self.content_before(s0, k + 1)?;
                self.extend_interrupted(&mut content, cue.end, s1);
                return Some(Found {
                    source: Some(self.bytes(src.clone())),
                    cue: Some(self.bytes(cue)),
                    content,
                    kind: if quote_before {
                        ClaimKind::Direct
                    } else {
                        ClaimKind::Indirect
                    },
                    rule: if quote_before {
                        "quote-before-said"
                    } else {
                        "inverted-clause"
                    },
                    confidence: conf * 0.9,
                });
            }
        }

        // "X said (that) C" / "X said: “C”". When only a verb phrase precedes the cue, the
        // claim stands without a source.
        let verb_phrase_only = src.is_none()
            && prev_low != ","
            && self
                .np_left(s0, cue.start)
                .is_some_and(|r| self.is_past_verb(r.start));
        if src.is_none() && !verb_phrase_only {
            return None;
        }
        // "Breitbart News responded:" closing its paragraph: the next paragraph is what was
        // said.
        if let Some(content) = self.colon_paragraph(cue.end, s1) {
            let kind = if self.quote_opening_at(s1).is_some() {
                ClaimKind::Direct
            } else {
                ClaimKind::Indirect
            };
            return Some(Found {
                source: src.map(|r| self.bytes(r)),
                cue: Some(self.bytes(cue)),
                content: vec![content],
                kind,
                rule: "colon-paragraph",
                confidence: conf * 0.9,
            });
        }
        // "what the senators said was economic gerrymandering": the relative pronoun is the
        // first piece of the content.
        if let Some(src) = src.clone()
            && let Some(w) = src.start.checked_sub(1).filter(|&k| k >= s0)
            && matches!(self.low(w), "what" | "which")
            && src.start > s0
            // "in which she said C": the relative pronoun is the preposition's object.
            && !(w > s0 && self.low(w) == "which" && self.low_in(w - 1, &PREPOSITIONS_SET))
        {
            let mut content = vec![self.bytes(w..w + 1)];
            // ", which he described as "preliminary," suggested C": a relative clause set off
            // by a comma ends at the next one (with the quote it closes), not at the
            // sentence's end.
            let clause_end = if w > s0 && self.low(w - 1) == "," {
                self.clause_comma(cue.end, s1)
            } else {
                s1
            };
            let after = self.content_after(cue.end, clause_end);
            if let Some((rest, _)) = &after
                && !matches!(self.low(cue.end), "." | "," | ";")
            {
                content.extend(rest.iter().cloned());
            }
            return Some(Found {
                source: Some(self.bytes(src)),
                cue: Some(self.bytes(cue)),
                content,
                kind: ClaimKind::Indirect,
                rule: "relative-what",
                confidence: conf * 0.8,
            });
        }
        // "told the crowd that C", "asked Smith whether C": an object-taking verb's object is
        // not content.
        let (content, kind) = if let Some(at) = self.object_end(cue.clone(), s1) {
            match self.low(at) {
                "that" | "," | ":" => self.content_after(at, s1)?,
                // "whether C".
                _ => {
                    let end = self.content_end(at, s1);
                    let kind = if (at..end).any(|m| self.in_quote[m].is_some()) {
                        ClaimKind::Mixed
                    } else {
                        ClaimKind::Indirect
                    };
                    (end > at).then(|| (vec![self.bytes(at..end)], kind))?
                }
            }
        } else {
            // "told reporters the plan failed": a telling verb's short object is not content.
            let from = self.told_object_end(cue.clone(), s1).unwrap_or(cue.end);
            // "A diplomat who asked not to be named said C": the relative clause's content
            // stops where the main verb takes the whole phrase as its source.
            let s1 = match &src {
                Some(r) if self.low(r.start) == "who" && r.len() == 1 => self
                    .main_cue_after_relative(s0, r.start, from, s1)
                    .unwrap_or(s1),
                _ => s1,
            };
            self.content_after(from, s1)?
        };
        // A content opening with a preposition: "spoke about C", "warned against C",
        // "advocate for C" take it into the cue (unless "for" says how long); otherwise
        // ("Kiev seeks at the upcoming summit") it is an adjunct of a verb that reports
        // nothing (in train, 1 in 15 such contents is right).
        let first = content_first_token(self, &content);
        // "said in a statement: C", "has since apologized for what happened: “C”": what
        // stands between the cue and a colon (how, where, to whom it was said) joins the cue,
        // as PolNeAR marks it, when a quote follows the colon or a preposition opens it.
        let how = matches!(self.low(first), "in" | "on" | "at" | "during");
        let colon = (first == cue.end && self.low(first) != "that")
            .then(|| {
                (first..s1.min(first + MAX_OBJECT))
                    .take_while(|&k| {
                        self.tokens[k].kind != TokenKind::Quote
                            && !matches!(self.low(k), "," | ";" | "." | "that")
                    })
                    .find(|&k| self.low(k) == ":")
            })
            .flatten()
            .filter(|&c| how || self.quote_opening_at(c + 1).is_some());
        let (cue, content, kind) = match self.low(first) {
            _ if let Some(colon) = colon => {
                let (content, kind) = self.content_after(colon + 1, s1)?;
                (cue.start..colon + 1, content, kind)
            }
            // "asked for a sentence", "is pushing for a ban": what is asked for is the
            // content; "for the first time", "for months" is when.
            w @ ("about" | "against" | "for")
                if cue.end == first && !(w == "for" && self.for_duration(first + 1)) =>
            {
                let (content, kind) = self.content_after(first + 1, s1)?;
                (cue.start..first + 1, content, kind)
            }
            // "has argued for years that C": the content is the clause after how long.
            "for"
                if self.for_duration(first + 1)
                    && let Some(k) = (first + 2..s1.min(first + MAX_ADJUNCT_PHRASE))
                        .take_while(|&k| {
                            self.tokens[k].kind != TokenKind::Quote
                                && !matches!(self.low(k), "," | ";" | ":" | ".")
                                && !self.verbish(k)
                                && !self.in_cue[k]
                        })
                        .find(|&k| self.low(k) == "that") =>
            {
                let (content, kind) = self.content_after(k, s1)?;
                (cue, content, kind)
            }
            // "Trump said after the convention he would not accept C": a time or place after a
            // cue that reports is how it was said; the clause after it is the content.
            "in" | "at" | "before" | "on" | "after" | "during" | "for"
                if (self.low(first) != "for" || self.for_duration(first + 1))
                    && stats.precision() >= ADJUNCT_CUE_PRECISION
                    && let Some(k) = self.clause_after_adjunct(first, s1) =>
            {
                let (content, kind) = self.content_after(k, s1)?;
                (cue, content, kind)
            }
            "in" | "of" | "about" | "from" | "at" | "with" | "against" | "before" | "on"
            | "after" | "into" | "during" | "over" => return None,
            // "an alarm that should have alerted staff", "the warning that was issued": after
            // a noun, "that" before a verb is a relative pronoun, not a clause reported.
            "that" if first == cue.end && self.relative_after_noun(cue.start, first) => {
                return None;
            }
            _ => (cue, content, kind),
        };
        let rule = match kind {
            ClaimKind::Direct => "quote-after-said",
            _ if self.low(content_first_token(self, &content)) == "that" => "said-that",
            _ => "said",
        };
        Some(Found {
            source: src.map(|r| self.bytes(r)),
            cue: Some(self.bytes(cue)),
            content,
            kind,
            rule,
            confidence: if verb_phrase_only { conf * 0.8 } else { conf },
        })
    }

    /// "Asked (by X) (when, where) whether C, …": the question runs to the clause's comma and
    /// opens at its first question word, "about" or "to" (a time or place before it is how it
    /// was asked); the asker, if named, follows "by".
    ///
    /// After "when" ("“You bet,” Christie said when asked whether C."), the question may run
    /// to the sentence's end.
    fn asked_first(&self, cue: Range<usize>, s1: usize, conf: f64) -> Option<Found> {
        let end = self.clause_comma(cue.end, s1);
        let after_when = cue.start > 0 && self.low(cue.start - 1) == "when";
        if end >= s1 && !after_when {
            return None;
        }
        let opener = |k: usize| {
            matches!(
                self.low(k),
                "whether"
                    | "if"
                    | "why"
                    | "what"
                    | "who"
                    | "how"
                    | "when"
                    | "where"
                    | "which"
                    | "about"
                    | "to"
            )
        };
        let mut from = cue.end;
        let mut source = None;
        if self.low(from) == "by" {
            let asker_end = (from + 1..end).find(|&k| opener(k)).unwrap_or(end);
            if let Some(r) = self.np_right(from + 1, asker_end) {
                from = r.end;
                source = Some(self.bytes(r));
            }
        }
        // "Asked a direct question about this": an object is the question.
        if !is_determiner(self.low(from)) {
            from = (from..end.min(from + MAX_OBJECT))
                .find(|&k| opener(k))
                .unwrap_or(from);
        }
        // "when asked about Bill Clinton": a topic is seldom marked as a claim, a question is.
        if after_when && matches!(self.low(from), "about" | "to" | "for") {
            return None;
        }
        // "Asked about the figure by reporters, X said": a name or someone who asks
        // questions closes the clause; but after a participle ("the cuts made by the
        // board") "by" names its agent.
        let asker = |r: &Range<usize>| {
            let head = r.end - 1;
            self.raw(head).starts_with(char::is_uppercase)
                || matches!(
                    self.low(head).trim_end_matches('s'),
                    "reporter"
                        | "journalist"
                        | "moderator"
                        | "host"
                        | "interviewer"
                        | "anchor"
                        | "caller"
                        | "questioner"
                )
        };
        let participle = |k: usize| {
            let w = self.low(k);
            w.ends_with("ed")
                || w.ends_with("en")
                || self.low_in(k, &IRREGULAR_PAST_SET)
                || self.low_in(k, &PARTICIPIAL_ADJECTIVES_SET)
        };
        let mut end = end;
        if source.is_none()
            && let Some(by) = (from + 1..end).rev().find(|&k| self.low(k) == "by")
            && !participle(by - 1)
            && let Some(r) = self.np_right(by + 1, end)
            && r.start == by + 1
            && r.end == end
            && asker(&r)
        {
            source = Some(self.bytes(r));
            end = by;
        }
        let (content, kind) = self.content_after(from, end)?;
        Some(Found {
            source,
            cue: Some(self.bytes(cue)),
            content,
            kind,
            rule: "asked-first",
            confidence: conf * 0.9,
        })
    }

    /// The paragraph after a colon that ends a cue's sentence (`s1`) and paragraph, right
    /// after the cue (`cue_end`) or as its last token, as bytes; a quote opening it and
    /// closing in a later paragraph runs on to its close.
    fn colon_paragraph(&self, cue_end: usize, s1: usize) -> Option<Range<usize>> {
        let colon = s1.checked_sub(1)?;
        if !(colon == cue_end || colon + 1 == cue_end)
            || self.low(colon) != ":"
            || s1 >= self.tokens.len()
            || self.paragraph(s1) == self.paragraph(colon)
        {
            return None;
        }
        let p = self.paragraph(s1);
        let mut end = (s1..self.tokens.len())
            .find(|&k| self.paragraph(k) != p)
            .unwrap_or(self.tokens.len());
        if let Some(q) = self.quote_opening_at(s1) {
            end = end.max(q.close + 1);
        }
        Some(self.bytes(s1..end))
    }

    /// Where a clause opens with a personal pronoun after a short prepositional phrase at
    /// `from` ("after the convention he would"): no comma, quote, relative word or verb in
    /// between.
    fn clause_after_adjunct(&self, from: usize, s1: usize) -> Option<usize> {
        (from + 2..s1.min(from + MAX_ADJUNCT_PHRASE))
            .take_while(|&k| {
                self.tokens[k].kind != TokenKind::Quote
                    && !matches!(
                        self.low(k),
                        "," | ";" | ":" | "." | "that" | "where" | "when" | "who" | "which"
                    )
            })
            .find(|&k| matches!(self.low(k), "he" | "she" | "they" | "we" | "i" | "there"))
            .filter(|&k| (from + 1..k).all(|m| !self.verbish(m) && !self.in_cue[m]))
    }

    /// A gerund cue opening an adverbial clause. Opening the sentence ("After saying C, she
    /// was whisked away", "Citing C, Trump said D"), its content ends at the clause's comma
    /// and the subject after it speaks; later in the sentence, the speaker of the claim before
    /// it does, else the sentence's subject ("Sanders called her son her hero before
    /// explaining why C").
    fn gerund_clause(
        &self,
        s0: usize,
        s1: usize,
        cue: Range<usize>,
        opening: bool,
        first_source: &Option<Range<usize>>,
        conf: f64,
    ) -> Option<Found> {
        let (source, (content, kind)) = if opening {
            let comma = self.clause_comma(cue.end, s1);
            let content = self.content_after(cue.end, comma.min(s1))?;
            // The main clause's subject: the words after the comma up to its verb.
            let source = (comma < s1)
                .then(|| self.np_right(comma + usize::from(self.low(comma) == ","), s1))
                .flatten()
                .and_then(|r| {
                    let verb = (r.start + 1..s1).find(|&k| self.verbish(k))?;
                    (verb <= r.end).then_some(r.start..verb)
                })
                // A name, a personal pronoun or a definite noun phrase: "After saying C, it
                // rained" has no speaker.
                .filter(|r| {
                    r.clone()
                        .any(|k| self.raw(k).starts_with(char::is_uppercase))
                        || matches!(
                            self.low(r.start),
                            "he" | "she" | "they" | "we" | "i" | "the"
                        )
                });
            (source, content)
        } else {
            let source = first_source.clone().or_else(|| {
                self.sentence_subject(s0, cue.start - 1)
                    .filter(|r| self.opens_source(r.start))
            });
            (source, self.content_after(cue.end, s1)?)
        };
        Some(Found {
            source: Some(self.bytes(source?)),
            cue: Some(self.bytes(cue)),
            content,
            kind,
            rule: "gerund-clause",
            confidence: conf * 0.85,
        })
    }

    /// The source read leftwards from a cue: a noun phrase, never a verb phrase. A phrase
    /// holding a verb after its subject ("Trump unleashed a series of tweets") keeps the
    /// subject; one opening with a verb ("opened a summit on Tuesday by") gives none.
    fn source_left(&self, s0: usize, end: usize) -> Option<Range<usize>> {
        let mut np = self.np_left(s0, end)?;
        // "In a Bloomberg interview Trump said": after an opening prepositional phrase with
        // no comma, the name before the cue is the source.
        if np.start > s0 && self.low_in(np.start - 1, &PREPOSITIONS_SET) {
            let mut j = np.end;
            while j > np.start && self.raw(j - 1).starts_with(char::is_uppercase) {
                j -= 1;
            }
            if j > np.start
                && j < np.end
                && self.tokens[j - 1].kind == TokenKind::Word
                && self.raw(j - 1).starts_with(char::is_lowercase)
                && !matches!(self.low(j - 1), "of" | "for" | "and" | "to" | "at" | "from")
                && !crate::extract::actors::roles::is_title_word(self.low(j - 1))
                && !(np.start..j).any(|k| self.low(k) == "and")
            {
                // "In July the FBI decided": the determiner is the name's.
                if !is_determiner(self.low(j - 1)) {
                    np.start = j;
                } else if j - 1 > np.start {
                    np.start = j - 1;
                }
            }
        }
        if self.is_past_verb(np.start) {
            return None;
        }
        let verb = (np.start + 1..np.end).find(|&k| {
            let lower_word = self.tokens[k].kind == TokenKind::Word
                && self.raw(k).starts_with(char::is_lowercase);
            // "he keeps talking about", "she's become angry": a subject pronoun ends its
            // noun phrase; whatever follows is its verb.
            let after_pronoun = lower_word
                && k - 1 == np.start
                && matches!(self.low(k - 1), "he" | "she" | "they" | "we" | "i")
                && (self.raw(k - 1) == "I" || self.raw(k - 1).starts_with(char::is_lowercase))
                && !matches!(
                    self.low(k),
                    "and" | "or" | "nor" | "both" | "all" | "themselves" | "himself" | "herself"
                );
            // "Lewandowski taking to Twitter to call": a participle after a name opens a
            // clause.
            let participle_after_name = lower_word
                && self.low(k).len() > 5
                && self.low(k).ends_with("ing")
                && self.low(k).chars().all(char::is_alphabetic)
                && self.raw(k - 1).starts_with(char::is_uppercase)
                // "Republicans seeking the presidency": PolNeAR keeps a group's description.
                && !self.raw(k - 1).ends_with('s')
                && self.tokens[k - 1].kind == TokenKind::Word
                && k - 1 > s0
                && !self.low_in(k - 1, &LEADING_NON_SOURCE_SET);
            after_pronoun
                || participle_after_name
                || (self.is_past_verb(k) && {
                    let p = self.low(k - 1);
                    self.tokens[k - 1].kind == TokenKind::Word
                        && !self.low_in(k - 1, &NOT_SUBJECT_END_SET)
                        && !p.ends_with("ly")
                })
        });
        match verb {
            // "The plan failed and Jones said": a clause, then a conjunction and the
            // cue's own subject.
            Some(v) => match (v + 1..np.end)
                .rev()
                .find(|&k| matches!(self.low(k), "and" | "but"))
            {
                Some(conj) if conj + 1 < np.end && self.opens_source(conj + 1) => {
                    Some(conj + 1..np.end)
                }
                _ => Some(np.start..v),
            },
            None => Some(np),
        }
    }

    /// "Ben Carson, Ted Cruz and Rand Paul said": a source ending in a coordination, after a
    /// comma, is the last items of a list that opens the sentence; the source is the whole
    /// list. Each item is a short noun phrase, and the first opens the sentence with no
    /// preposition or discourse word ("In Iowa, Cruz and Rubio said", "Yes, Trump and Pence
    /// said" stay as they are).
    fn coordinated_list(&self, s0: usize, src: Range<usize>) -> Range<usize> {
        const MAX_ITEM: usize = 6;
        const MAX_ITEMS: usize = 5;
        if src.start < s0 + 2
            || self.low(src.start - 1) != ","
            || !(src.start + 1..src.end.saturating_sub(1)).any(|k| self.low(k) == "and")
        {
            return src;
        }
        let mut comma = src.start - 1;
        for _ in 0..MAX_ITEMS {
            let Some(item) = self.np_left(s0, comma) else {
                return src;
            };
            if item.end != comma || item.is_empty() || item.len() > MAX_ITEM {
                return src;
            }
            if item.start == s0 {
                let opening = self.low_in(s0, &LEADING_NON_SOURCE_SET)
                    || self.low_in(s0, &PREPOSITIONS_SET)
                    || (item.len() == 1 && self.low_in(s0, &SOURCE_START_NON_SET))
                    // "Likely, my siblings and I": an opening adverb.
                    || (item.len() == 1 && self.low(s0).ends_with("ly"))
                    || matches!(
                        self.low(s0),
                        "yes"
                            | "no"
                            | "well"
                            | "now"
                            | "so"
                            | "still"
                            | "despite"
                            | "throughout"
                            | "among"
                            | "amid"
                            | "following"
                            | "unlike"
                            | "like"
                            | "under"
                            | "without"
                    );
                return if opening { src } else { s0..src.end };
            }
            if self.low(item.start - 1) != "," || item.start < s0 + 2 {
                return src;
            }
            comma = item.start - 1;
        }
        src
    }

    /// The subject of the clause whose verb phrase ends before `end` ("Lula da Silva opened
    /// the summit by"): the noun phrase before the first past-tense verb, read back at most
    /// `MAX_PHRASE` tokens, past auxiliaries and adverbs ("He recently pitched himself … by").
    /// A verb conjoined to an earlier one takes the sentence's subject ("Dean appeared on
    /// MSNBC and began by").
    fn clause_subject(&self, s0: usize, end: usize) -> Option<Range<usize>> {
        let low_limit = s0.max(end.saturating_sub(MAX_PHRASE));
        let verb = (low_limit..end).rev().find(|&k| {
            self.is_past_verb(k)
                && k > low_limit
                && matches!(self.tokens[k - 1].kind, TokenKind::Word)
                && (!self.low_in(k - 1, &NOT_SUBJECT_END_SET)
                    || matches!(self.low(k - 1), "and" | "but"))
        })?;
        if (verb..end).any(|k| {
            self.in_quote[k].is_some() || matches!(self.low(k), "," | ";" | ":" | "." | "that")
        }) {
            return None;
        }
        let subject_end = self.modifiers_before(verb, low_limit + 1);
        if matches!(self.low(subject_end - 1), "and" | "but") {
            return self.conjoined_subject(s0, subject_end - 1);
        }
        self.source_left(s0, subject_end)
            .filter(|r| r.end == subject_end)
    }

    /// Whether "that" at `that`, right after a cue starting at `cue_start`, opens a relative
    /// clause: the cue is a noun (a determiner or possessive before it) and a verb or an
    /// auxiliary follows "that", so the clause has no subject of its own.
    fn relative_after_noun(&self, cue_start: usize, that: usize) -> bool {
        let noun = matches!(self.low(cue_start), "'s" | "’s")
            || cue_start
                .checked_sub(1)
                .is_some_and(|k| is_determiner(self.low(k)) || matches!(self.low(k), "'s" | "’s"));
        let next = that + 1;
        noun && next < self.tokens.len()
            && (self.is_past_verb(next) || is_auxiliary(self.low(next)))
    }

    /// A verb that may follow a subject: a past-tense verb, a cue, or a common auxiliary.
    fn verbish(&self, k: usize) -> bool {
        self.is_past_verb(k)
            || self.in_cue.get(k).copied().unwrap_or(false)
            || is_auxiliary(self.low(k))
            || matches!(self.low(k), "did" | "does" | "do" | "says" | "say")
    }

    /// A lower-case past-tense verb: a word in -ed (not one of the common participial
    /// adjectives) or a common irregular past form.
    fn is_past_verb(&self, k: usize) -> bool {
        let w = self.low(k);
        self.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.raw(k).starts_with(char::is_lowercase)
            && ((w.len() > 4 && w.ends_with("ed") && !self.low_in(k, &PARTICIPIAL_ADJECTIVES_SET))
                || self.low_in(k, &IRREGULAR_PAST_SET))
    }

    /// "A diplomat who asked not to be named because the talks were confidential said": a
    /// noun phrase and the relative clause (without commas) between it and the cue.
    fn relative_source(&self, s0: usize, cue_start: usize) -> Option<Range<usize>> {
        let low_limit = s0.max(cue_start.saturating_sub(MAX_RELATIVE));
        let mut w = cue_start.checked_sub(1)?;
        // "Surety companies that had insured the mine agreed": "that" right before a verb
        // is the clause's subject too.
        let relative_that = |w: usize| {
            self.low(w) == "that"
                && w > s0
                && self.tokens[w - 1].kind == TokenKind::Word
                && !self.in_cue[w - 1]
                && (self.is_past_verb(w + 1)
                    || matches!(self.low(w + 1), "had" | "has" | "have" | "was" | "were"))
        };
        while self.low(w) != "who" && !relative_that(w) {
            if w <= low_limit
                || self.in_quote[w].is_some()
                || matches!(
                    self.low(w),
                    "," | ";"
                        | ":"
                        | "."
                        | "?"
                        | "!"
                        | "—"
                        | "--"
                        | "-"
                        | "–"
                        | "that"
                        | "and"
                        | "but"
                )
            {
                return None;
            }
            w -= 1;
        }
        // The clause has a verb of its own before the cue: "who said" is the clause's cue.
        let mut v = w + 1;
        while v < cue_start && self.low(v).ends_with("ly") {
            v += 1;
        }
        // "those who said the plan failed": a reporting verb's clause runs to the cue.
        if v + 1 >= cue_start || w <= s0 || self.low_in(v, &CLAUSE_TAKING_SET) {
            return None;
        }
        let head = self.np_left(s0, w)?;
        // A head holding a verb is a clause ("States won many of the battles that …").
        (head.end == w
            && self.opens_source(head.start)
            && !(head.start..head.end).any(|k| self.is_past_verb(k)))
        .then_some(head.start..cue_start)
    }

    /// The first cue after a relative clause's own cue (`from`) that takes the phrase before
    /// the relative pronoun `who` as its source.
    fn main_cue_after_relative(
        &self,
        s0: usize,
        who: usize,
        from: usize,
        s1: usize,
    ) -> Option<usize> {
        (from + 1..s1.min(who + MAX_RELATIVE + 1)).find(|&c| {
            self.cue_at[c].is_some() && self.relative_source(s0, c).is_some_and(|r| r.start < who)
        })
    }

    /// The source after "according to": the whole noun phrase with its modifiers, up to the
    /// comma, bracket or dash that closes it or the end of the sentence ("according to two
    /// officials familiar with the drafts", "according to documents disclosed to the
    /// inquiry"); a bare relative clause ("who requested anonymity") is left out.
    fn according_source(&self, start: usize, s1: usize) -> Option<Range<usize>> {
        let limit = s1.min(start + MAX_ACCORDING_SOURCE + 1);
        let mut e = start;
        while e < limit && !self.in_cue[e] && self.in_quote[e].is_none() {
            match self.low(e) {
                // A bracketed acronym or party belongs to the name ("(AROS)", "(D-Ore.)").
                "(" if e > start => match (e + 1..limit.min(e + 6)).find(|&k| self.low(k) == ")") {
                    Some(close) => e = close,
                    None => break,
                },
                "," | ";" | ":" | "(" | ")" | "—" | "--" | "-" | "–" | "." | "?" | "!" | "who" =>
                {
                    break;
                }
                _ => {}
            }
            e += 1;
        }
        let stop_ok = e >= s1 || e < limit && !self.in_cue[e];
        (e > start && e - start <= MAX_ACCORDING_SOURCE && stop_ok).then_some(start..e)
    }

    /// The end of a description running from `from`, right after a source, to the sentence's
    /// end (its final punctuation left out): an appositive after a comma ("…, a Republican
    /// strategist") or a relative clause ("… who spoke on the condition of anonymity"), with
    /// no cue, quote or clause of its own ("…, was any mention of" is the sentence going on).
    fn closing_description(&self, from: usize, s1: usize) -> Option<usize> {
        let mut e = s1;
        while e > from && matches!(self.low(e - 1), "." | "?" | "!") {
            e -= 1;
        }
        let opens = match self.low(from) {
            // "…, head of the National Center for Veterans Studies": a bare title too.
            "," => {
                matches!(
                    self.low(from + 1),
                    "a" | "an" | "the" | "one" | "another" | "who" | "which"
                ) || (self.raw(from + 1).starts_with(char::is_lowercase)
                    && crate::extract::actors::roles::is_title_word(self.low(from + 1))
                    && matches!(self.low(from + 2), "of" | "at" | "for" | "to"))
            }
            "who" => true,
            _ => false,
        };
        let clean = (from..e).all(|k| {
            !self.in_cue[k]
                && self.in_quote[k].is_none()
                && self.tokens[k].kind != TokenKind::Quote
                && !(self.low(k) == ","
                    && matches!(
                        self.low(k + 1),
                        "was" | "is" | "were" | "are" | "and" | "but"
                    )
                    // "…, and other scientists" is more of the source.
                    && !(self.low(k + 1) == "and" && matches!(self.low(k + 2), "other" | "others")))
        });
        (opens && clean && e > from + 1 && e - from <= MAX_APPOSITIVE).then_some(e)
    }

    /// The clause a trailing "according to" attaches to: the sentence up to the comma before
    /// the cue, quotes and all (`He said it was “over,” according to X`), unless a quote
    /// ending there opened in an earlier sentence.
    fn clause_before(&self, s0: usize, end: usize) -> Option<Vec<Range<usize>>> {
        let k = end.checked_sub(1)?;
        let quote = self.quote_ending_at(k).or_else(|| {
            (self.low(k) == "," && k > 0)
                .then(|| self.quote_ending_at(k - 1))
                .flatten()
        });
        match quote {
            Some(q) if q.open >= s0 => {
                let mut e = k + 1;
                while e > s0 && matches!(self.low(e - 1), "," | "—" | "--" | ";" | ":") {
                    e -= 1;
                }
                let s0 = self.after_dateline(s0, e);
                (e > s0).then(|| vec![self.bytes(s0..e)])
            }
            _ => self.content_before(s0, end),
        }
    }

    /// After an object-taking cue ("told", "assured", "asked"), where the content starts past
    /// a short object: at "that", "whether", or the comma or colon before a quote ("told the
    /// crowd, “C”"). An infinitive keeps its subject ("urged him to resign").
    fn object_end(&self, cue: Range<usize>, s1: usize) -> Option<usize> {
        let head = self.low(cue.end - 1);
        if !OBJECT_CUES.contains(&head) {
            return None;
        }
        let limit = s1.min(cue.end + MAX_OBJECT + 1);
        let mut k = cue.end;
        while k < limit {
            let low = self.low(k);
            let stop = match low {
                "that" | "whether" => true,
                // "asked Bernie Sanders if he would ever endorse her": the question a
                // question cue reports (in train, content starts there 16 times in 16).
                "if" | "how" | "what" | "why" | "when" | "where" | "who" => {
                    matches!(head, "asked" | "ask" | "asks" | "asking")
                }
                "," | ":" => self.quote_opening_at(k + 1).is_some(),
                _ => false,
            };
            if stop {
                return (k > cue.end).then_some(k);
            }
            let object_word = match self.tokens[k].kind {
                TokenKind::Word | TokenKind::Number => {
                    !self.in_cue[k]
                        && !matches!(
                            low,
                            "he" | "she"
                                | "they"
                                | "we"
                                | "i"
                                | "it"
                                | "there"
                                | "this"
                                | "and"
                                | "but"
                                | "or"
                                | "if"
                                | "because"
                                | "as"
                                | "for"
                                | "not"
                        )
                        && !self.low_in(k, &LEFT_STOP_SET)
                }
                TokenKind::Punct => matches!(low, "'s" | "’s" | "-" | "&"),
                TokenKind::Quote => self.plural_possessive(k),
            };
            if !object_word {
                return None;
            }
            k += 1;
        }
        None
    }

    /// After "told"/"tells"/"warned" and the like, the end of a short object ("reporters",
    /// "him", "CNN's Jake Tapper") that is followed by a clause, not "that" or a quote.
    fn told_object_end(&self, cue: Range<usize>, s1: usize) -> Option<usize> {
        let head = self.low(cue.end - 1);
        if !matches!(
            head,
            "told" | "tells" | "tell" | "telling" | "warned" | "assured" | "reminded" | "informed"
        ) {
            return None;
        }
        let k = cue.end;
        let low = self.low(k);
        let subject_pronoun = |e: usize| matches!(self.low(e), "he" | "she" | "they" | "we" | "i");
        // "told reporters on Thursday he", "told a town hall in Salem, New Hampshire on Monday
        // that", "told The Star-Ledger of Newark last week she": a longer object, with the
        // place and time of the telling, up to the clause's subject or "that". Nothing in it
        // may be a verb or open a clause of its own.
        let object_token = |m: usize| match self.tokens[m].kind {
            TokenKind::Word => {
                !self.in_cue[m]
                    && !self.verbish(m)
                    && !self.low_in(m, &LEFT_STOP_SET)
                    && !matches!(self.low(m), "it" | "there" | "this" | "not")
            }
            TokenKind::Number => true,
            TokenKind::Punct => matches!(self.low(m), "," | "'s" | "’s" | "-" | "&"),
            TokenKind::Quote => false,
        };
        if !matches!(head, "warned") {
            let scan_end = s1.min(k + MAX_OBJECT + 2);
            let mut e = k;
            while e < scan_end && !subject_pronoun(e) && self.low(e) != "that" && object_token(e) {
                e += 1;
            }
            if e > k + 1
                && e < scan_end
                && (subject_pronoun(e) || self.low(e) == "that")
                && self.low(e - 1) != ","
            {
                return Some(e);
            }
        }
        // "told them Clinton has": a pronoun object, then the clause's named subject.
        if matches!(low, "me" | "him" | "her" | "us" | "them")
            && k + 2 < s1
            && self.tokens[k + 1].kind == TokenKind::Word
            && self.raw(k + 1).starts_with(char::is_uppercase)
            && !self.low_in(k + 1, &LEFT_STOP_SET)
            && !WEEKDAYS.contains(&self.low(k + 1))
        {
            return Some(k + 1);
        }
        // "told parliament he", "told the committee they": a common noun, perhaps after a
        // determiner, that a subject pronoun follows.
        let det = usize::from(matches!(
            low,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my"
        ));
        if let Some(e) = (k + det + 1..s1.min(k + det + 3)).find(|&e| subject_pronoun(e))
            && (k + det..e).all(|m| {
                self.tokens[m].kind == TokenKind::Word
                    && self.raw(m).starts_with(char::is_lowercase)
                    && !self.in_cue[m]
                    && !self.low_in(m, &LEFT_STOP_SET)
                    && !self.verbish(m)
                    && !subject_pronoun(m)
            })
        {
            return Some(e);
        }
        let end = if matches!(
            low,
            "me" | "him"
                | "her"
                | "us"
                | "them"
                | "reporters"
                | "lawmakers"
                | "supporters"
                | "voters"
        ) {
            k + 1
        } else {
            let mut e = k;
            while e < s1
                && e < k + 5
                && (self.raw(e).starts_with(char::is_uppercase)
                    || matches!(self.low(e), "'s" | "’s"))
                && self.tokens[e].kind == TokenKind::Word
            {
                e += 1;
            }
            e
        };
        // The object must be followed by the clause itself: a pronoun, a name or a determiner.
        let next = self.low(end);
        let clause = end > k
            && end < s1
            && (matches!(
                next,
                "he" | "she" | "they" | "it" | "we" | "i" | "the" | "his" | "her" | "there"
            ) || (self.raw(end).starts_with(char::is_uppercase) && end > k + 1)
                // "told him a replacement was coming", "told reporters this was the only
                // chance": a determiner opens the clause's subject when a verb soon follows
                // ("told him a story" has none).
                || (matches!(next, "a" | "an" | "this" | "these" | "those" | "some")
                    && (end + 1..s1.min(end + 4))
                        .take_while(|&m| self.tokens[m].kind == TokenKind::Word)
                        .any(|m| self.verbish(m))));
        clause.then_some(end)
    }

    /// The participle of a passive cue ("was first reported by", "is expected"): a form of
    /// "be" followed, past adverbs, by a past participle.
    fn is_passive(&self, cue: Range<usize>) -> bool {
        let Some(be) = (cue.start..cue.end).find(|&k| {
            matches!(
                self.low(k),
                "was" | "were" | "been" | "is" | "are" | "be" | "being"
            )
        }) else {
            return false;
        };
        let mut k = be + 1;
        while k < cue.end && self.cue_modifier(k) {
            k += 1;
        }
        let w = self.low(k);
        k < cue.end
            && (w.ends_with("ed")
                || matches!(
                    w,
                    "told"
                        | "said"
                        | "thought"
                        | "known"
                        | "seen"
                        | "shown"
                        | "given"
                        | "taken"
                        | "written"
                        | "held"
                        | "made"
                        | "brought"
                        | "found"
                        | "heard"
                        | "sent"
                ))
    }

    /// "Harry Bond, 30, of Raleigh, N.C., who was among those polled, said", "Senator Bob
    /// Corker, a Tennessee Republican who has met privately with Mr. Trump and been
    /// mentioned as a vice-presidential choice, said": a name with a chain of appositives, or
    /// one too long for `appositive_source`, from the sentence's start (or a quote's end)
    /// through the closing comma. The name is a plain noun phrase; every later part is a
    /// relative clause or reports nothing. Without it the claim was lost.
    fn long_appositive_source(&self, s0: usize, comma: usize) -> Option<Range<usize>> {
        // After a quote that opens the sentence ("“C,” Harry Bond, 30, of Raleigh, said").
        let after_quote = (s0..comma)
            .rev()
            .find(|&k| self.tokens[k].kind == TokenKind::Quote && self.quote_ending_at(k).is_some())
            .map(|k| if self.low(k + 1) == "," { k + 2 } else { k + 1 });
        let mut start = after_quote.unwrap_or_else(|| self.after_discourse_adverb(s0, comma));
        // "But Mr. Guerrero, a Republican who described himself as a Catholic, said".
        if matches!(self.low(start), "but" | "and" | "yet" | "so") && start + 1 < comma {
            start += 1;
        }
        // "Just last week, J.J. Goldberg, editor at large of The Forward, wrote".
        start = self.after_opening_time(start, comma);
        if start >= comma
            || comma - start > MAX_PHRASE
            || self.tokens[start].kind != TokenKind::Word
            || !self.raw(start).starts_with(char::is_uppercase)
            || self.low_in(start, &PREPOSITIONS_SET)
            || self.low_in(start, &LEADING_NON_SOURCE_SET)
        {
            return None;
        }
        let clause_break = |k: usize| {
            matches!(self.low(k), ";" | ":" | "?" | "!")
                || (self.tokens[k].kind == TokenKind::Quote && !self.plural_possessive(k))
                || (self.low(k) == "." && self.low(k + 1) != ",")
        };
        if (start..comma).any(clause_break) {
            return None;
        }
        let first_comma = (start..comma).find(|&k| self.low(k) == ",")?;
        if (start..first_comma).any(|k| self.in_cue[k] || self.verbish(k)) {
            return None;
        }
        let mut part = first_comma + 1;
        while part < comma {
            let end = (part..comma).find(|&k| self.low(k) == ",").unwrap_or(comma);
            // A cue inside a relative clause is that clause's ("a Tennessee Republican who
            // has been mentioned as a choice").
            let reports = (part..end)
                .take_while(|&k| !matches!(self.low(k), "who" | "whose" | "which" | "whom"))
                .any(|k| self.in_cue[k]);
            if reports {
                return None;
            }
            part = end + 1;
        }
        Some(start..comma + 1)
    }

    /// "X, the former chief, said": the name, its appositive and the closing comma.
    fn appositive_source(&self, s0: usize, comma: usize) -> Option<Range<usize>> {
        // The appositive runs back to the previous comma ("a historian who attended the
        // session"); the name before it is a plain noun phrase.
        let mut before = comma;
        let mut cue_inside = false;
        loop {
            before = before.checked_sub(1).filter(|&k| k >= s0)?;
            if self.low(before) == "," {
                break;
            }
            cue_inside |= self.in_cue[before];
            // "McConnell, R-Ky., said": an abbreviation's period before the closing comma.
            let abbreviation = self.low(before) == "." && self.low(before + 1) == ",";
            if comma - before > MAX_RELATIVE
                || (self.tokens[before].kind == TokenKind::Quote && !self.plural_possessive(before))
                || (matches!(self.low(before), "." | ";" | ":" | "?" | "!") && !abbreviation)
            {
                return None;
            }
        }
        // A relative clause may be long and hold a cue of its own ("The manager, who asked
        // not to be named because he was not authorised to speak, said"); any other
        // appositive is short and reports nothing ("X, he said, ...").
        let relative = matches!(self.low(before + 1), "who" | "whose");
        // "President Obama, dedicating the museum, said" / "Trump, in particular, has said":
        // a participle or adverbial between commas is not an appositive; the source is the
        // name. It may hold a cue of its own ("Salceda, citing data from the State
        // Department, said").
        let a = self.low(before + 1);
        let lower = self.raw(before + 1).starts_with(char::is_lowercase);
        // "Several candidates, including Trump, said": "including" names members of the
        // source, and PolNeAR keeps them in it.
        // "Mr. Mahaney, of RBC Capital Markets, said": an affiliation is the name's.
        let affiliation = a == "of" && self.raw(before + 2).starts_with(char::is_uppercase);
        let aside = lower
            && a != "including"
            && !affiliation
            && (a.ends_with("ing")
                || a.ends_with("ly")
                || PREPOSITIONS.contains(&a)
                || matches!(
                    a,
                    "in" | "for"
                        | "by"
                        | "however"
                        | "meanwhile"
                        | "too"
                        // "Paul Ryan, despite admitting C, said D".
                        | "despite"
                        | "amid"
                        | "although"
                        | "though"
                        | "while"
                        | "when"
                        | "unlike"
                )
                // "Hillary Clinton, like Obama, has said": one name likened to another (but
                // "Critics of the program, like Senator Grassley, see" and "Mr. Autor, like
                // most economists," describe, and PolNeAR keeps that).
                || (a == "like"
                    && before > s0 + 1
                    && self.raw(before - 1).starts_with(char::is_uppercase)
                    && !self.raw(before - 1).ends_with('s')
                    && self.raw(before + 2).starts_with(char::is_uppercase)));
        if before + 1 >= comma
            || (!relative && !aside && (cue_inside || comma - before - 1 > MAX_APPOSITIVE_BEFORE))
        {
            return None;
        }
        // "Paul Ryan, R-Wis., despite admitting C, said": a party and state after a name are
        // the name's, their comma too.
        if aside
            && let Some(party) = before.checked_sub(2).filter(|&p| p >= s0 + 2)
            && self.party_state(party)
            && self.low(party + 1) == "."
            && self.low(party - 1) == ","
            && let Some(name) = self.np_left(s0, party - 1)
            && name.end == party - 1
        {
            return Some(name.start..before + 1);
        }
        let mut head = self.np_left(s0, before)?;
        if head.end != before {
            return None;
        }
        // "A former IT contractor who worked on the migration, who spoke to reporters, said":
        // the head has a relative clause of its own, without commas.
        if head.start > s0 && self.low(head.start - 1) == "who" {
            let outer = self.np_left(s0, head.start - 1)?;
            if outer.end != head.start - 1 {
                return None;
            }
            head = outer.start..head.end;
        }
        // "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said": a
        // second appositive; the source opens with the name before the first.
        // So is an age ("Schiff, 56, who has served …, said").
        let age = head.len() == 1 && self.tokens[head.start].kind == TokenKind::Number;
        if head.start > s0
            && self.low(head.start - 1) == ","
            && (self.raw(head.start).starts_with(char::is_lowercase) || age)
            && let Some(name) = self.np_left(s0, head.start - 1)
            && name.end == head.start - 1
            && self.raw(name.end - 1).starts_with(char::is_uppercase)
            && !(name.start..name.end).any(|k| self.in_cue[k])
        {
            head = name.start..head.end;
        }
        // "Barkley, who said he typically votes Democratic, said": a relative clause that
        // reports something is a claim of its own, and PolNeAR ends the source before it
        // (24 times in 33 in train).
        if aside || (relative && cue_inside) {
            return Some(head);
        }
        Some(head.start..comma + 1)
    }

    /// A party and state ("R-Wis.", "D-N.J.", "I-Vt.") at token `k`.
    fn party_state(&self, k: usize) -> bool {
        let mut chars = self.raw(k).chars();
        matches!(chars.next(), Some('R' | 'D' | 'I'))
            && chars.next() == Some('-')
            && chars.next().is_some_and(|c| c.is_ascii_uppercase())
    }

    /// "Kall -- co-editor of a book on the debates -- said C": a name and the aside between
    /// dashes before the cue, dashes included (PolNeAR includes them 3 times in 5).
    fn dashed_source(&self, s0: usize, dash: usize) -> Option<Range<usize>> {
        let close = self.low(dash);
        let open = (s0.max(dash.saturating_sub(MAX_RELATIVE))..dash)
            .rev()
            .take_while(|&k| {
                self.tokens[k].kind != TokenKind::Quote
                    && !matches!(self.low(k), "." | ";" | ":" | "?" | "!")
            })
            .find(|&k| self.low(k) == close)?;
        if open + 1 >= dash || (open + 1..dash).any(|k| self.in_cue[k]) {
            return None;
        }
        let head = self.np_left(s0, open)?;
        (head.end == open).then_some(head.start..dash + 1)
    }

    /// Whether a word that often opens a sentence but not a source does open this noun
    /// phrase: a demonstrative before a noun ("This group", "this reporter"), or a time that
    /// a possessive makes a modifier ("Tuesday’s results", "Last year’s FBI statistics").
    fn opens_noun_phrase(&self, i: usize, end: usize) -> bool {
        let possessive = |k: usize| k < end && matches!(self.low(k), "'s" | "’s");
        if possessive(i + 1) || (possessive(i + 2) && self.low_in(i + 1, &TRAILING_NON_SOURCE_SET))
        {
            return true;
        }
        self.low(i) == "this"
            && i + 1 < end
            && self.tokens[i + 1].kind == TokenKind::Word
            && !self.low_in(i + 1, &TRAILING_NON_SOURCE_SET)
            && !self.low_in(i + 1, &LEADING_NON_SOURCE_SET)
            && self.low(i + 1) != "past"
            // "this reeks of some of the greatest fear": a verb, not a noun, follows.
            && !(i + 1..end).any(|k| self.low_in(k, &PREPOSITIONS_SET) || is_determiner(self.low(k)))
    }

    /// The source after an inverted cue: a noun phrase, with an appositive up to the end of the
    /// sentence ("said David Wasserman, House editor for the Cook Political Report").
    fn inverted_source(&self, start: usize, s1: usize) -> Option<Range<usize>> {
        let first = self.low(start);
        // "…, as first reported by The Washington Post, is": the agent of a passive cue, with
        // no appositive after it.
        if first == "by" {
            return self
                .np_right(start + 1, s1)
                .filter(|np| self.raw(np.start).starts_with(char::is_uppercase));
        }
        // "said Will Doyle": a capitalised modal before a capitalised word is a name.
        let name = matches!(first, "may" | "will")
            && self.raw(start).starts_with(char::is_uppercase)
            && self.raw(start + 1).starts_with(char::is_uppercase);
        if !name && (LEFT_STOP.contains(&first) || RIGHT_STOP.contains(&first)) {
            return None;
        }
        let opens = self.opens_source(start);
        let mut np = self.np_right(start, s1)?;
        // "…a “sociopath,” said he doesn’t believe C": a subject pronoun with words after it
        // opens the content's clause; it names no speaker.
        if np.len() > 1 && matches!(first, "he" | "she" | "they" | "we" | "i" | "it") {
            return None;
        }
        // "said longtime resident Mary Jones", "said 9/11 widow Terry Strada": a bare title
        // or description before a name, not an adverb or a time ("said recently").
        if !opens
            && (first.ends_with("ly")
                || self.low_in(start, &TRAILING_NON_SOURCE_SET)
                || self.low_in(start, &PREPOSITIONS_SET)
                || !(start + 1..np.end.min(start + 4 + self.slash_tokens(start)))
                    .any(|k| self.raw(k).starts_with(char::is_uppercase)))
        {
            return None;
        }
        // "said Rep. Jim Clyburn (D-S.C.), the assistant leader": the bracket is the name's.
        if self.low(np.end) == "("
            && let Some(close) = (np.end + 1..s1.min(np.end + 7)).find(|&k| self.low(k) == ")")
        {
            np.end = close + 1;
        }
        let after = self.low(np.end);
        // "said one Democratic source on the panel.": a common noun's place or affiliation
        // closing the sentence belongs to the source; a time ("on Tuesday") does not, nor a
        // name's medium ("Ben Jacobs in The Guardian").
        if matches!(after, "on" | "in" | "at" | "from" | "with" | "for")
            && self.raw(np.start).starts_with(char::is_lowercase)
            && !self.low_in(np.end + 1, &TRAILING_NON_SOURCE_SET)
            // "in a statement", "in an interview" is how it was said.
            && !matches!(self.low(np.end + 1), "a" | "an")
        {
            let mut e = s1;
            while e > np.end && matches!(self.low(e - 1), "." | "?" | "!") {
                e -= 1;
            }
            if e - np.end <= 8
                && (np.end..e).all(|k| {
                    !self.in_cue[k]
                        && self.in_quote[k].is_none()
                        && matches!(self.tokens[k].kind, TokenKind::Word | TokenKind::Number)
                })
            {
                return Some(np.start..e);
            }
        }
        if np.end >= s1
            || matches!(after, "." | "?" | "!" | "(" | ";")
            || RIGHT_STOP.contains(&after)
        {
            return Some(np);
        }
        if after == "," {
            // An appositive running to the end of the sentence belongs to the source.
            let mut e = s1;
            while e > np.end && matches!(self.low(e - 1), "." | "?" | "!") {
                e -= 1;
            }
            let clean = e - np.end <= MAX_APPOSITIVE
                && (np.end + 1..e).all(|k| !self.in_cue[k] && self.in_quote[k].is_none());
            // "said Donald Tusk, summing up …", "said O'Neill, on what was his first day": an
            // adjunct right after the name's comma leaves the name alone.
            // Not a title ("Ken Sena, managing director") nor an anonymity formula, which
            // PolNeAR keeps with the speaker ("a strategist, speaking on condition of …").
            if np.end + 1 < s1
                && self.opens_adjunct(np.end + 1)
                && self.low(np.end + 1) != "managing"
                && !(self.low(np.end + 2) == "on"
                    && (np.end + 3..np.end + 5).any(|k| self.low(k) == "condition"))
            {
                return Some(np);
            }
            if clean && e > np.end + 1 {
                // "said Dan Cantor, the party's director, eyeing the coming weeks", "…, in a
                // statement provided by his firm": an adjunct after a later comma tells how
                // or when it was said, and is no part of the speaker.
                let adjunct =
                    (np.end + 2..e).find(|&k| self.low(k - 1) == "," && self.opens_adjunct(k));
                return Some(np.start..adjunct.unwrap_or(e));
            }
            // "said Josh Earnest, the White House press secretary, echoing …": so does an
            // appositive that a comma closes, unless the cue opens the sentence ("According to
            // the poll, the two candidates …": what follows is the content).
            let s0 = self.sentences[self.sentence_of[start]].tokens.start;
            let cue_opens = (s0..start).rev().take_while(|&k| self.in_cue[k]).last() == Some(s0);
            if !cue_opens && let Some(e) = self.closed_appositive(np.end + 1, s1) {
                return Some(np.start..e);
            }
            return Some(np);
        }
        None
    }

    /// A word opening an adjunct after an appositive's comma: a participle ("speaking to
    /// CNN"), a preposition of manner or time ("in a statement", "at its convention"), or an
    /// aside ("but …", "still …", "half joking").
    fn opens_adjunct(&self, k: usize) -> bool {
        let w = self.low(k);
        // "in Chicago's South Side" is a place, "on Monday" a time.
        let place = || {
            self.raw(k + 1).starts_with(char::is_uppercase)
                && !self.low_in(k + 1, &TRAILING_NON_SOURCE_SET)
        };
        self.tokens[k].kind == TokenKind::Word
            && self.raw(k).starts_with(char::is_lowercase)
            && ((w.len() > 5
                && w.ends_with("ing")
                && w != "including"
                && w.chars().all(char::is_alphabetic))
                || (matches!(w, "in" | "at" | "on" | "about" | "via" | "during" | "after")
                    && !place())
                || matches!(w, "but" | "still" | "half" | "surrounded" | "while"))
    }

    /// The end of an appositive opening at `from`, right after a name and its comma, that a
    /// comma or the sentence's end closes: an age may come first ("Elizabeth Arnold, 32, a
    /// former staff member"), then an article ("a", "the", "another") or a bare title
    /// ("Peter Rice, chairman of Fox Networks Group,", "…, senior vice president"); a comma before a
    /// capitalised word that a comma or period follows is a place's ("a student from Fresno,
    /// Calif."). None if it holds a cue or a quote, or runs longer than a pre-cue appositive.
    fn closed_appositive(&self, from: usize, s1: usize) -> Option<usize> {
        let mut k = from;
        if self.tokens.get(k)?.kind == TokenKind::Number && self.low(k + 1) == "," {
            k += 2;
        }
        let bare_title = self.raw(k).starts_with(char::is_lowercase)
            && (crate::extract::actors::roles::is_title_word(self.low(k))
                || matches!(self.low(k), "senior" | "managing" | "executive" | "former"));
        if !bare_title && !matches!(self.low(k), "a" | "an" | "the" | "another") {
            return None;
        }
        let limit = s1.min(from + MAX_APPOSITIVE_BEFORE);
        let mut m = k + 1;
        while m < limit {
            if self.in_cue[m]
                || self.in_quote[m].is_some()
                || self.tokens[m].kind == TokenKind::Quote
            {
                return None;
            }
            match self.low(m) {
                "," => {
                    let place = self.raw(m + 1).starts_with(char::is_uppercase)
                        && matches!(self.low(m + 2), "," | ".")
                        && m + 2 < s1;
                    if !place {
                        // The closing comma is the appositive's, as in PolNeAR, unless a
                        // relative clause follows ("…, who added that").
                        let relative = matches!(self.low(m + 1), "who" | "which");
                        return Some(if relative { m } else { m + 1 });
                    }
                }
                "." | "?" | "!" | ";" | ":" | "(" | "—" | "--" => return Some(m),
                _ => {}
            }
            m += 1;
        }
        None
    }

    /// Share of a cue's train uses with the content before it; an auxiliary's cue also
    /// counts its verb's ("have said" was annotated 23 times, its content never first, but
    /// "C, officials have said" reads like "C, officials said", whose content comes first
    /// 64% of the time).
    fn before_share(&self, cue: &Range<usize>, stats: lexicon::CueStats) -> f64 {
        let verb = cue.end - 1;
        let verb_share = if verb > cue.start && self.cue_modifier(cue.start) {
            self.lex
                .get(self.low(verb))
                .map_or(0.0, |s| s.before_share())
        } else {
            0.0
        };
        stats.before_share().max(verb_share)
    }

    /// A "that" within six tokens after `from`, before any comma or another cue ("“C,” Rubio
    /// responded before adding that D": the "that" is the other cue's).
    fn has_that_soon(&self, from: usize, s1: usize) -> bool {
        (from..s1.min(from + 6))
            .take_while(|&k| self.low(k) != "," && !self.in_cue[k])
            .any(|k| self.low(k) == "that")
    }

    /// "Cruz walked in and said C": the subject of the sentence's first verb, for a cue
    /// after "and" at `conj`. The subject must be followed by a lower-case word (its verb)
    /// that is no preposition ("Preys on our fears, and calls", a fragment), and no relative
    /// pronoun may stand between it and the cue ("demonstrators, who have taken to the
    /// streets and called for": the verbs are the relative clause's).
    fn conjoined_subject(&self, s0: usize, conj: usize) -> Option<Range<usize>> {
        let mut r = self.sentence_subject(s0, conj)?;
        while r.len() > 1 && self.cue_modifier(r.end - 1) {
            r.end -= 1;
        }
        // "Scott's family has called": the possessed noun is the subject's head. But in
        // "He's comparing" and "Bush's been saying" the 's is the verb.
        let contracted_verb = r.end < conj
            && (self.low(r.end).ends_with("ing") || matches!(self.low(r.end), "been" | "got"));
        if matches!(self.low(r.end - 1), "'s" | "’s") && contracted_verb && r.len() > 1 {
            r.end -= 1;
        } else if matches!(self.low(r.end - 1), "'s" | "’s") {
            while r.end < conj
                && self.tokens[r.end].kind == TokenKind::Word
                && self.raw(r.end).starts_with(char::is_lowercase)
                && !self.verbish(r.end)
                && !self.cue_modifier(r.end)
                && !self.low_in(r.end, &LEFT_STOP_SET)
            {
                r.end += 1;
            }
        }
        // "Gary Emineth, a former state party chairman, became a delegate and said": a name
        // and its appositive keep the closing comma, as PolNeAR marks them.
        if r.end < conj && self.low(r.end) == "," && r.clone().any(|k| self.low(k) == ",") {
            r.end += 1;
        }
        let head = self.low(r.start);
        let opens = self.opens_source(r.start);
        let single_function_word = r.len() == 1
            && (is_determiner(head) || DISCOURSE_ADVERBS.contains(&head) || head == "perhaps");
        let verb_follows = r.end < conj
            && self.tokens[r.end].kind == TokenKind::Word
            && (self.raw(r.end).starts_with(char::is_lowercase) || contracted_verb)
            && !self.low_in(r.end, &PREPOSITIONS_SET);
        let relative = (r.end..conj).any(|k| matches!(self.low(k), "who" | "which" | ";" | ":"));
        (opens && !single_function_word && verb_follows && !relative).then_some(r)
    }

    /// The subject at the start of a sentence, for a participle with no earlier speaker.
    fn sentence_subject(&self, s0: usize, limit: usize) -> Option<Range<usize>> {
        let limit = limit.min(s0 + MAX_PHRASE);
        // A dateline is no part of the sentence: "BELÉM, Brazil — Brazilian President …".
        let s0 = (s0..limit.min(s0 + 8))
            .find(|&k| matches!(self.low(k), "—" | "--" | "–" | "-"))
            .filter(|&dash| {
                // It opens with a place in capitals ("BELÉM", "WASHINGTON").
                (s0..dash)
                    .find(|&k| self.tokens[k].kind == TokenKind::Word)
                    .is_some_and(|k| {
                        let w = self.raw(k);
                        w.chars().filter(|c| c.is_uppercase()).count() >= 2
                            && !w.chars().any(char::is_lowercase)
                    })
            })
            .map_or(s0, |dash| dash + 1);
        // "Sanders’ campaign launched": a plural possessive's apostrophe is part of the phrase.
        let word = |k: usize| {
            k < limit
                && (matches!(self.tokens[k].kind, TokenKind::Word | TokenKind::Number)
                    || self.plural_possessive(k))
                && !self.low_in(k, &LEFT_STOP_SET)
                && !self.in_cue[k]
        };
        let cap = |k: usize| word(k) && self.raw(k).starts_with(char::is_uppercase);
        let phrase = |start: usize| {
            let mut end = start;
            // "European leaders gathered Friday": the verb ends the subject.
            while word(end)
                && (end == start || !self.is_past_verb(end))
                // "Trump openly admires Putin": an adverb ends the subject.
                && (end == start || !self.low(end).ends_with("ly") || cap(end))
                && (end == start
                    || cap(end)
                    || matches!(self.low(end), "'s" | "’s" | "of" | "the")
                    || self.plural_possessive(end)
                    // "Democratic presidential nominee Hillary Clinton"
                    || (word(end + 1) && cap(end + 1))
                    || (word(end + 2) && word(end + 1) && cap(end + 2)))
            {
                end += 1;
            }
            // "A New York judge ruled", "two Democratic speechwriters implored": a few
            // lower-case words after the capitals belong to the subject when its verb follows.
            let mut e = end;
            while e > start
                && e < end + 3
                && word(e)
                && self.raw(e).starts_with(char::is_lowercase)
                && !self.low(e).ends_with("ly")
                && !self.verbish(e)
            {
                e += 1;
            }
            // "Central European leaders who met in Warsaw": so do they before a relative
            // pronoun.
            if e > end && e < limit && (self.verbish(e) || matches!(self.low(e), "who" | "which")) {
                end = e;
            }
            (end > start).then_some(start..end)
        };
        // A sentence that opens with its subject and a verb ("Colombian President Gustavo
        // Petro went further, arguing …") has no leading clause to skip.
        let verb_follows = |r: &Range<usize>| {
            r.end < limit
                && self.tokens[r.end].kind == TokenKind::Word
                && self.raw(r.end).starts_with(char::is_lowercase)
        };
        // A subject: not an opening preposition, adverb or participle ("During a speech",
        // "Chastened by the analyses"), nor a lone determiner ("The country", "Her support").
        let subject = |r: &Range<usize>| {
            let first = self.low(r.start);
            let last = self.low(r.end - 1);
            let opener = self.low_in(r.start, &LEADING_NON_SOURCE_SET)
                || self.low_in(r.start, &PREPOSITIONS_SET)
                || first.ends_with("ly")
                || (r.len() == 1 && first.ends_with("ed"))
                // "Weighing in on the fight, Huckabee went further, praising".
                || (r.len() == 1 && first.len() > 5 && first.ends_with("ing"));
            !opener && !is_determiner(last) && (r.start..r.end).any(cap) && verb_follows(r)
        };
        if let Some(r) = phrase(s0).filter(subject) {
            return Some(self.extend_subject(r, limit));
        }
        // "House Speaker Paul Ryan, R-Wis., despite admitting C": a name's party and state.
        if let Some(r) = phrase(s0)
            && self.low(r.end) == ","
            && self.party_state(r.end + 1)
            && self.low(r.end + 2) == "."
            && self.low(r.end + 3) == ","
        {
            return Some(r.start..r.end + 4);
        }
        // "Dean, a former party chairman, poked at Trump, tweeting": a name and its
        // appositive, with the verb after the appositive's comma.
        if let Some(r) = phrase(s0).filter(|r| self.low(r.end) == ",")
            && let Some(e) = self.closed_appositive(r.end + 1, limit)
            && self.low(e - 1) == ","
            && verb_follows(&(r.start..e))
        {
            return Some(r.start..e - 1);
        }
        // Skip leading adverbial clauses ending with a comma ("During a speech earlier in
        // the day, Trump attacked Clinton …, saying"): the first comma part that opens with a
        // subject and its verb.
        if let Some(r) = (s0..limit)
            .filter(|&k| self.low(k) == ",")
            .take(3)
            .filter_map(|c| phrase(c + 1))
            .find(subject)
        {
            return Some(r);
        }
        let start = (s0..limit.min(s0 + 8))
            .find(|&k| self.low(k) == ",")
            .map_or(s0, |c| c + 1);
        phrase(start)
    }

    /// A sentence subject read on to its verb through a coordination, a possessed noun or an
    /// attachment: "Bernie Sanders and Ted Cruz spent", "Mr. Rubio's father and mother came",
    /// "Aides to Mr. Sanders gathered". Unchanged when no verb comes within a few words.
    fn extend_subject(&self, r: Range<usize>, limit: usize) -> Range<usize> {
        let possessive = |k: usize| matches!(self.low(k), "'s" | "’s");
        if !(matches!(self.low(r.end), "and" | "to" | "of") || possessive(r.end - 1)) {
            return r;
        }
        let verb = (r.end + 1..limit.min(r.end + 7))
            .take_while(|&k| {
                self.in_quote[k].is_none()
                    && (matches!(self.tokens[k].kind, TokenKind::Word | TokenKind::Number)
                        || possessive(k)
                        || matches!(self.low(k), "(" | ")"))
            })
            .find(|&k| {
                // "… and the Gannett newspaper chain filed a motion": a participle that reads
                // as an adjective ("a motion filed by") is the verb before its object.
                (self.verbish(k)
                    || (self.low_in(k, &PARTICIPIAL_ADJECTIVES_SET)
                        && is_determiner(self.low(k + 1))))
                    && self.raw(k).starts_with(char::is_lowercase)
            });
        let Some(mut v) = verb else {
            return r;
        };
        while v > r.end + 1 && self.cue_modifier(v - 1) {
            v -= 1;
        }
        // The words read on are a noun phrase: no adverb, no second verb.
        if (r.end..v).any(|k| {
            self.low(k).ends_with("ly") && self.raw(k).starts_with(char::is_lowercase)
                || self.low(k).ends_with("ing")
        }) {
            return r;
        }
        r.start..v
    }

    /// The content before a cue: the quote ending there, else the sentence start up to the
    /// comma at `end - 1` (exclusive).
    fn content_before(&self, s0: usize, end: usize) -> Option<Vec<Range<usize>>> {
        let k = end.checked_sub(1)?;
        let quote = self.quote_ending_at(k).or_else(|| {
            (self.low(k) == "," && k > 0)
                .then(|| self.quote_ending_at(k - 1))
                .flatten()
        });
        if let Some(q) = quote {
            // A quote that starts mid-sentence takes the sentence's opening words along.
            let qs = &self.sentences[self.sentence_of[q.open]];
            let start = if q.open - qs.tokens.start <= MAX_PHRASE
                && (qs.tokens.start..q.open).all(|m| !self.in_cue[m])
            {
                qs.tokens.start
            } else {
                q.open
            };
            return Some(vec![self.bytes(start..q.close + 1)]);
        }
        let mut e = k + 1;
        while e > s0 && matches!(self.low(e - 1), "," | "—" | "--" | ";" | ":") {
            e -= 1;
        }
        let s0 = self.after_discourse_adverb(self.after_dateline(s0, e), e);
        (e > s0).then(|| vec![self.bytes(s0..e)])
    }

    /// The first token after a discourse adverb and its comma opening a content at `s0`
    /// ("Still, ...", "Meanwhile, ...", "Domestically, ..."), or `s0` when there is none.
    fn after_discourse_adverb(&self, s0: usize, end: usize) -> usize {
        let w = self.low(s0);
        let adverb = DISCOURSE_ADVERBS.contains(&w)
            || (w.len() > 4 && w.ends_with("ly") && self.tokens[s0].kind == TokenKind::Word);
        if adverb && s0 + 2 < end && self.low(s0 + 1) == "," {
            s0 + 2
        } else {
            s0
        }
    }

    /// The speaker of a participle at `cue` when the sentence's subject is no capitalised
    /// phrase: a subject pronoun opening it ("But she spoke for an hour, cautioning that C"),
    /// or the phrase opening it right before the participle's comma ("The Journal, citing
    /// internal documents, reported"), up to its verb.
    fn participle_subject(&self, s0: usize, cue: usize) -> Option<Range<usize>> {
        let mut k = self.after_discourse_adverb(s0, cue);
        if matches!(self.low(k), "but" | "and" | "yet" | "so" | "still" | "then") {
            k += 1;
        }
        if k + 1 < cue
            && matches!(self.low(k), "he" | "she" | "they" | "we" | "i")
            && self.tokens[k + 1].kind == TokenKind::Word
            && self.raw(k + 1).starts_with(char::is_lowercase)
        {
            return Some(k..k + 1);
        }
        let comma = cue
            .checked_sub(1)
            .filter(|&c| c > k && self.low(c) == ",")?;
        // "Trump went further, embracing": the subject before its verb.
        self.source_left(k, comma)
            .filter(|r| r.start == k && self.raw(k).starts_with(char::is_uppercase))
    }

    /// The first token after a dateline opening the sentence at `s0` ("WASHINGTON —",
    /// "NEW YORK (AP) -", "BELÉM, Brazil —"), or `s0` when there is none.
    fn after_dateline(&self, s0: usize, end: usize) -> usize {
        let limit = end.min(s0 + 8);
        let caps = |k: usize| {
            let raw = self.raw(k);
            raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !raw.chars().any(char::is_lowercase)
        };
        if s0 >= limit || !caps(s0) {
            return s0;
        }
        for k in s0 + 1..limit {
            match self.low(k) {
                "—" | "―" | "–" | "--" | "-" => return if k + 1 < end { k + 1 } else { s0 },
                "," | "(" | ")" | "." => {}
                _ if self.tokens[k].kind == TokenKind::Word
                    && (caps(k) || self.raw(k).starts_with(char::is_uppercase)) => {}
                _ => return s0,
            }
        }
        s0
    }

    /// The content after a cue: a quote opening there (after ":" or ","), else "that C" or C
    /// up to the end of the sentence.
    fn content_after(&self, from: usize, s1: usize) -> Option<(Vec<Range<usize>>, ClaimKind)> {
        let mut k = from;
        if matches!(self.low(k), ":" | ",") {
            k += 1;
        }
        if let Some(q) = self.quote_opening_at(k) {
            let end = q.close + 1;
            // A quote that closes the sentence is the whole content.
            let rest = end >= s1 || matches!(self.low(end), "." | "?" | "!") && end + 1 >= s1;
            // `said: “A,” Smith said, …`: another attribution follows the quote.
            let attributed = (end..s1.min(end + 8)).any(|m| self.in_cue[m]);
            if rest || end > s1 || attributed {
                return Some((vec![self.bytes(q.open..end)], ClaimKind::Direct));
            }
        }
        // Skip a short bridge ("told reporters Monday that", "said during a rally in Ohio
        // that", "cautioned, as did the campaign, that", "says of Clinton, “...").
        let mut start = k;
        let window = s1.min(k + 12);
        // A short quoted title may sit in the bridge ("told MSNBC's “Morning Joe” that").
        let short_quote = |m: usize| {
            self.in_quote[m].is_some_and(|q| {
                let q = self.quotes[q];
                q.close - q.open <= 6 && self.raw(q.open + 1).starts_with(char::is_uppercase)
            })
        };
        let that = (k..window)
            .take_while(|&m| !self.in_cue[m] && (self.in_quote[m].is_none() || short_quote(m)))
            .find(|&m| self.low(m) == "that" && self.in_quote[m].is_none());
        let prep_led = self.low_in(k, &PREPOSITIONS_SET) || self.low(k) == ",";
        if let Some(t) = that
            && (prep_led
                || self.low(t - 1) == ","
                || (k..t).all(|m| {
                    self.low_in(m, &BRIDGE_SET)
                        || self.raw(m).starts_with(char::is_uppercase)
                        || self.tokens[m].kind == TokenKind::Quote
                        || matches!(self.low(m), "'s" | "’s")
                }))
        {
            start = t;
        } else if prep_led
            && let Some(c) = (k + 1..window)
                .take_while(|&m| !self.in_cue[m] && self.in_quote[m].is_none())
                .find(|&m| self.low(m) == ",")
            && c + 1 < s1
            && let Some(q) = self.quote_opening_at(c + 1)
        {
            // "says of Clinton, “If she gets the chance...”"
            if q.close + 2 >= s1 || q.close >= s1 {
                return Some((vec![self.bytes(q.open..q.close + 1)], ClaimKind::Direct));
            }
            start = c + 1;
        }
        // "said Monday the plan failed", "said last week it would": time words are no content.
        if start == k {
            let mut t = k;
            while t < s1
                && t < k + 4
                && matches!(
                    self.low(t),
                    "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "today"
                        | "yesterday"
                        | "tonight"
                        | "on"
                        | "last"
                        | "this"
                        | "week"
                        | "month"
                        | "night"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "earlier"
                        | "recently"
                )
            {
                t += 1;
            }
            // Not "Friday's decision" (a possessor) nor "this is" (a pronoun): the skipped
            // words end with a time noun.
            if t > k
                && t < s1
                && !matches!(self.low(t), "." | "," | ";" | "'s" | "’s")
                && !matches!(self.low(t - 1), "last" | "this")
            {
                start = t;
            }
        }
        let mut end = self.content_end(start, s1);
        if end <= start {
            return None;
        }
        // A quote that opens inside the content runs to its close, even past the end of the
        // sentence (`stressing that "the question is ... summit? And ... too early to say."`).
        if let Some(q) = (start..end).filter_map(|m| self.in_quote[m]).next_back()
            && self.quotes[q].open >= start
            && self.quotes[q].close >= end
        {
            end = self.quotes[q].close + 1;
        }
        let kind = if (start..end).any(|m| self.in_quote[m].is_some()) {
            ClaimKind::Mixed
        } else {
            ClaimKind::Indirect
        };
        Some((vec![self.bytes(start..end)], kind))
    }

    /// `“A,” he said, “B.”` / `A, he said, B.`: adds what resumes after the cue to the content;
    /// `“A,” he said. “B.”` adds the quote that opens the next sentence.
    fn extend_interrupted(&self, content: &mut Vec<Range<usize>>, from: usize, s1: usize) {
        // After a quote, only a quote resumes the content (`“A,” they said, under Article 21`).
        let quoted = content
            .last()
            .is_some_and(|r| self.text[..r.end].ends_with(['"', '”', '\'', '’']));
        // Past a short adjunct ("said during a rally in Kenansville, N.C., “B”", "explained
        // earlier in the hearing, B"): to the comma a quote follows, or, after unquoted text,
        // to the first comma; else to the end of the sentence.
        let mut k = from;
        if self.low(k) != "," {
            let mut e = k;
            while e < s1
                && e < k + MAX_ADJUNCT
                && !self.in_cue[e]
                && (self.in_quote[e].is_none() || self.title_quote(e))
                && (!matches!(self.low(e), "." | "?" | "!" | ";" | ":") || self.title_quote(e))
            {
                if self.low(e) == "," && (!quoted || self.quote_opening_at(e + 1).is_some()) {
                    break;
                }
                e += 1;
            }
            if e < s1 && self.low(e) == "," {
                k = e;
            } else {
                self.extend_with_next_quote(content, k, e, s1);
                return;
            }
        }
        if k + 1 < s1 {
            if let Some(q) = self.quote_opening_at(k + 1) {
                content.push(self.bytes(q.open..q.close + 1));
                return;
            }
            // "“A,” Clinton said, drawing cheers. “B”": a participle that reports nothing
            // closes the sentence; the speaker's quote goes on in the next one.
            if quoted
                && self.is_participle(k + 1)
                && !self.in_cue[k + 1]
                && self.cue_at[k + 1].is_none()
            {
                let mut e = k + 1;
                while e < s1
                    && e < k + 1 + MAX_ADJUNCT
                    && !self.in_cue[e]
                    && self.in_quote[e].is_none()
                    && !matches!(self.low(e), "." | "?" | "!" | ";" | ":")
                {
                    e += 1;
                }
                self.extend_with_next_quote(content, k, e, s1);
                return;
            }
            if quoted
                || self.cue_at[k + 1].is_some()
                || self.in_cue[k + 1]
                || self.is_participle(k + 1)
                || matches!(
                    self.low(k + 1),
                    "and"
                        | "but"
                        | "or"
                        | "as"
                        | "while"
                        | "because"
                        | "although"
                        | "though"
                        | "which"
                        | "who"
                        | "where"
                        | "when"
                )
            {
                return;
            }
            let end = self.content_end(k + 1, s1);
            if end > k + 1 {
                content.push(self.bytes(k + 1..end));
            }
        }
    }

    /// The sentence ends at `e` (after the attribution at `k` and a short adjunct: "told
    /// reporters", "said in June"): a quote opening the next sentence in the paragraph
    /// continues the content, unless that sentence has a cue of its own.
    /// Whether token `k` is in a short quoted title after a preposition or a possessive:
    /// "said on “Meet the Press.”", "told ABC’s “This Week”".
    fn title_quote(&self, k: usize) -> bool {
        self.in_quote[k]
            .and_then(|q| self.quotes.get(q))
            .is_some_and(|q| {
                q.close <= q.open + 8
                    && q.open > 0
                    && q.close > q.open + 1
                    && self.raw(q.open + 1).starts_with(char::is_uppercase)
                    && matches!(
                        self.low(q.open - 1),
                        "on" | "in" | "to" | "of" | "at" | "with" | "'s" | "’s"
                    )
            })
    }

    fn extend_with_next_quote(
        &self,
        content: &mut Vec<Range<usize>>,
        k: usize,
        mut e: usize,
        s1: usize,
    ) {
        while e < s1 && matches!(self.low(e), "." | "?" | "!") {
            e += 1;
        }
        if e == s1
            && e < self.tokens.len()
            && self.paragraph(e) == self.paragraph(k.saturating_sub(1))
            && let Some(q) = self.quote_opening_at(e)
        {
            let qs = self.sentence_of[q.close];
            let next_has_cue = (q.close + 1..self.sentences[qs].tokens.end).any(|m| self.in_cue[m]);
            if !next_has_cue {
                content.push(self.bytes(q.open..q.close + 1));
            }
        }
    }

    /// A headline attribution: "C: Source" or "Source: C" on the first line.
    fn headline(&self) -> Option<(Found, usize)> {
        let s = self.sentences.first()?;
        if s.paragraph != 0 {
            return None;
        }
        let colon = (s.tokens.clone()).find(|&k| self.low(k) == ":")?;
        let left = s.tokens.start..colon;
        let right = colon + 1..s.tokens.end;
        if left.is_empty() || right.is_empty() {
            return None;
        }
        // Wire-service and tabloid labels are not speakers ("The Latest:", "BREAKING:",
        // "Revealed:", "WATCH:", "BYLINE:").
        if self.low(left.start) == "the" && self.low(left.start + 1) == "latest" {
            return None;
        }
        if self.is_headline_label(left.clone()) {
            return None;
        }
        let (source, content) = if left.len() <= 4 {
            (left, right)
        } else if right.len() <= 4 {
            (right, left)
        } else {
            return None;
        };
        let mut ce = content.end;
        while ce > content.start && matches!(self.low(ce - 1), "." | "?" | "!") {
            ce -= 1;
        }
        if ce <= content.start {
            return None;
        }
        Some((
            Found {
                source: Some(self.bytes(source)),
                cue: Some(self.bytes(colon..colon + 1)),
                content: vec![self.bytes(content.start..ce)],
                kind: ClaimKind::Headline,
                rule: "headline-colon",
                confidence: 0.4,
            },
            colon,
        ))
    }
}

/// Words that label a headline rather than name who speaks in it, lower-cased.
const HEADLINE_LABELS: &[&str] = &[
    "analysis",
    "bombshell",
    "boom",
    "breaking",
    "breaking news",
    "busted",
    "byline",
    "clarification",
    "correction",
    "editorial",
    "exclusive",
    "full text",
    "just in",
    "just leaked",
    "listen",
    "live",
    "look",
    "must see",
    "must watch",
    "opinion",
    "paid notice",
    "photos",
    "revealed",
    "the latest",
    "transcript",
    "update",
    "updated",
    "video",
    "watch",
    "wow",
];

/// "you're worried", "I've suggested": a pronoun source leaves its contracted auxiliary to
/// the cue.
fn drop_contraction(text: &str, src: &mut Range<usize>) {
    let Some(s) = text.get(src.clone()) else {
        return;
    };
    let Some((pronoun, rest)) = s.split_once(['\'', '’']) else {
        return;
    };
    let pronoun_ok = matches!(
        pronoun.to_ascii_lowercase().as_str(),
        "i" | "you" | "we" | "they" | "he" | "she" | "it"
    );
    if pronoun_ok && matches!(rest, "re" | "ve" | "s" | "d" | "ll" | "m") {
        src.end = src.start + pronoun.len();
    }
}

/// A form of "be" or "have", or a modal: a verb that opens a verb phrase.
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
    )
}

/// An article, demonstrative or possessive: a phrase never ends with one, and one opens a
/// name's phrase ("the FBI").
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
    )
}

/// A count or distance as a feature part: 0, 1, 2, 3-5, 6-10, 11-20, more.
fn count_bucket(n: usize) -> u64 {
    match n {
        0 => h!("0"),
        1 => h!("1"),
        2 => h!("2"),
        3..=5 => h!("5"),
        6..=10 => h!("10"),
        11..=20 => h!("20"),
        _ => h!("99"),
    }
}

/// A flag as a feature part.
fn tf(b: bool) -> u64 {
    if b { h!("true") } else { h!("false") }
}

/// The last two letters of a word (a poor man's part of speech: -ed, -ly, -ng, -es).
fn suffix2(w: &str) -> &str {
    let mut start = w.len().saturating_sub(2);
    while !w.is_char_boundary(start) {
        start -= 1;
    }
    &w[start..]
}

/// Auxiliaries, negations and adverbs that PolNeAR keeps inside a cue.
fn is_cue_modifier(w: &str, lower_case: bool) -> bool {
    const WORDS: &[&str] = &[
        "has",
        "have",
        "had",
        "also",
        "would",
        "will",
        "is",
        "was",
        "are",
        "were",
        "not",
        "never",
        "later",
        "then",
        "often",
        "even",
        "still",
        "already",
        "first",
        "now",
        "again",
        "long",
        "do",
        "does",
        "did",
        "could",
        "can",
        "should",
        "may",
        "might",
        "must",
        "be",
        "been",
        "being",
        "once",
        "just",
        "further",
        "soon",
        "separately",
        "both",
        "all",
        "almost",
        "'ve",
        "’ve",
        "'d",
        "’d",
        "'ll",
        "’ll",
    ];
    // Lower-case words ending in "-ly" that are no adverbs (capitalised ones, names like
    // "Kelly", never are).
    const NOT_ADVERBS: &[&str] = &[
        "only", "early", "family", "daily", "weekly", "rally", "ally", "reply", "supply", "fly",
        "bully", "belly", "jolly", "likely", "apply", "monthly", "lonely", "elderly", "friendly",
        "ugly", "silly",
    ];
    WORDS.contains(&w)
        || w.ends_with("n't")
        || w.ends_with("n’t")
        // "Schlafly then discussed": a capitalised "-ly" word is a name, not an adverb.
        || (lower_case && w.len() > 4 && w.ends_with("ly") && !NOT_ADVERBS.contains(&w))
}

fn content_first_token(doc: &Doc, content: &[Range<usize>]) -> usize {
    let b = content.first().map_or(0, |r| r.start);
    doc.tokens.partition_point(|t| t.start < b)
}

#[cfg(test)]
mod tests;
