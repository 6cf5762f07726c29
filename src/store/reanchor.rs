//! Re-anchoring: when an article's text changed under its annotations, find every span again.
//!
//! Each span is tried, in order: at its old offsets (the covered text is still there); by its
//! text, exactly, choosing the occurrence whose prefix and suffix match best and that lies
//! nearest the old place; approximately, by its context anchors or its words, when its own text
//! changed a little. A span that cannot be found is kept with `orphaned = true`, never dropped.
//! Moved spans get their text, prefix and suffix recomputed from the new text.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use crate::article::Article;
use crate::article::offsets::OffsetMap;
use crate::model::{Document, Span};

/// How the pieces of a discontinuous span are joined in its `text`.
const PIECE_JOINER: &str = " … ";
/// Context chars (prefix and suffix together) that must agree before a found text is trusted
/// to be the same span: legitimate moves keep at least one side of the context whole.
const MIN_CONTEXT: usize = 16;
/// A text this long (chars) that occurs once is trusted without context.
const UNIQUE_TRUSTED: usize = 24;
/// Shortest anchor (prefix tail or suffix head) used to bracket a changed span.
const MIN_ANCHOR: usize = 8;
/// Similarity (1 - normalised edit distance) a changed text needs between two found anchors.
const BRACKETED_SIMILARITY: f64 = 0.5;
/// ... next to one anchor.
const LOOSE_SIMILARITY: f64 = 0.7;
/// ... found by its words alone, with no context to back it.
const WORDS_SIMILARITY: f64 = 0.8;
/// Share of a span's words a window must hold to be a candidate.
const TOKEN_OVERLAP: f64 = 0.6;
/// Longest text (chars) for which approximate matching runs edit distances.
const MAX_FUZZY_CHARS: usize = 2000;
/// Anchor occurrences tried, nearest the old place first (bounds the work on common anchors).
const MAX_ANCHORS: usize = 6;

/// What happened to one span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Found at its old offsets.
    Unchanged,
    /// Found, exactly, elsewhere.
    Moved,
    /// Its text changed; the closest match was taken.
    Approximate,
    /// Not found: kept, flagged `orphaned`.
    Orphaned,
}

/// The tag re-anchoring gives an item (actor, claim, stance) when one of its spans was matched
/// approximately, so the user can find it, check it, and remove the tag.
pub const APPROXIMATE_TAG: &str = "approximate";
/// Item ids a notice names before it says "…".
const NAMED_ITEMS: usize = 5;

/// How many spans each outcome had, and which items have a span matched approximately.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReanchorReport {
    pub unchanged: usize,
    pub moved: usize,
    pub approximate: usize,
    pub orphaned: usize,
    /// Ids of the items with a span matched approximately, tagged [`APPROXIMATE_TAG`].
    pub approximate_items: Vec<String>,
}

impl ReanchorReport {
    pub fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Moved => self.moved += 1,
            Outcome::Approximate => self.approximate += 1,
            Outcome::Orphaned => self.orphaned += 1,
        }
    }

    /// Spans looked at.
    pub fn total(&self) -> usize {
        self.unchanged + self.moved + self.approximate + self.orphaned
    }

    /// Every span is where it was.
    pub fn is_clean(&self) -> bool {
        self.total() == self.unchanged
    }

    /// Adds the outcomes of one item's spans; an item with a span matched approximately is
    /// tagged [`APPROXIMATE_TAG`] and named in the report.
    fn add_item(&mut self, id: &str, tags: &mut Vec<String>, outcomes: &[Outcome]) {
        for &outcome in outcomes {
            self.add(outcome);
        }
        if outcomes.contains(&Outcome::Approximate) {
            if !tags.iter().any(|t| t == APPROXIMATE_TAG) {
                tags.push(APPROXIMATE_TAG.to_string());
            }
            self.approximate_items.push(id.to_string());
        }
    }
}

impl fmt::Display for ReanchorReport {
    /// "12 spans moved, 2 matched approximately, 1 orphaned" (only the non-zero parts), or
    /// "every span still in place".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        let plural = |n: usize| if n == 1 { "span" } else { "spans" };
        if self.moved > 0 {
            parts.push(format!("{} {} moved", self.moved, plural(self.moved)));
        }
        if self.approximate > 0 {
            let mut items = self
                .approximate_items
                .iter()
                .take(NAMED_ITEMS)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if self.approximate_items.len() > NAMED_ITEMS {
                items.push_str(", …");
            }
            let tagged = if items.is_empty() {
                String::new()
            } else {
                format!(" (check {items}: tagged {APPROXIMATE_TAG:?})")
            };
            parts.push(format!(
                "{} {} matched approximately{tagged}",
                self.approximate,
                plural(self.approximate)
            ));
        }
        if self.orphaned > 0 {
            parts.push(format!("{} orphaned", self.orphaned));
        }
        if parts.is_empty() {
            write!(f, "every span still in place")
        } else {
            write!(f, "{}", parts.join(", "))
        }
    }
}

/// Re-anchors every span of `doc` (actor mentions; claim source, cue and content; stance
/// evidence) onto `article`'s text and updates `doc.article` (sha256, chars, title). Items with
/// a span matched approximately get the tag [`APPROXIMATE_TAG`].
pub fn reanchor(doc: &mut Document, article: &Article) -> ReanchorReport {
    let anchorer = Anchorer::new(&article.text);
    let mut report = ReanchorReport::default();
    for actor in &mut doc.actors {
        let outcomes = anchorer.reanchor_all(&mut actor.mentions);
        report.add_item(&actor.id, &mut actor.meta.tags, &outcomes);
    }
    for claim in &mut doc.claims {
        let spans = [&mut claim.source, &mut claim.cue]
            .into_iter()
            .flatten()
            .chain([&mut claim.content]);
        let outcomes = anchorer.reanchor_all(spans);
        report.add_item(&claim.id, &mut claim.meta.tags, &outcomes);
    }
    for stance in &mut doc.stances {
        let outcomes = anchorer.reanchor_all(&mut stance.evidence);
        report.add_item(&stance.id, &mut stance.meta.tags, &outcomes);
    }
    doc.article.sha256 = article.sha256.clone();
    doc.article.chars = article.chars();
    doc.article.title = article.title.clone();
    report
}

/// Re-anchors one span onto `text`.
pub fn reanchor_span(span: &mut Span, text: &str) -> Outcome {
    Anchorer::new(text).reanchor(span)
}

/// One new text, prepared for finding many spans in it.
pub struct Anchorer<'a> {
    text: &'a str,
    map: OffsetMap,
    /// Lower-cased words with their byte ranges, for the word-window search.
    words: Vec<(String, Range<usize>)>,
}

impl<'a> Anchorer<'a> {
    pub fn new(text: &'a str) -> Self {
        Anchorer {
            text,
            map: OffsetMap::new(text),
            words: words(text),
        }
    }

    /// Finds `span` in the text, updates it in place and says how.
    /// Re-anchors one item's spans, in order.
    fn reanchor_all<'s>(&self, spans: impl IntoIterator<Item = &'s mut Span>) -> Vec<Outcome> {
        spans.into_iter().map(|span| self.reanchor(span)).collect()
    }

    pub fn reanchor(&self, span: &mut Span) -> Outcome {
        let pieces = span.pieces();
        let expected = expected_pieces(span, &pieces);
        if self.still_there(&pieces, &expected, span) {
            let ranges: Vec<Range<usize>> = pieces
                .iter()
                .map(|r| self.map.to_byte(self.text, r.start)..self.map.to_byte(self.text, r.end))
                .collect();
            self.rebuild(span, &ranges, span.parts.is_some());
            return Outcome::Unchanged;
        }
        let Some(expected) = expected else {
            span.orphaned = true;
            return Outcome::Orphaned;
        };
        let last = expected.len().saturating_sub(1);
        let mut found = Vec::with_capacity(expected.len());
        let mut approximate = false;
        let mut min_byte = 0;
        for (i, (piece, old)) in expected.iter().zip(&pieces).enumerate() {
            let query = Query {
                text: piece,
                prefix: if i == 0 { &span.prefix } else { "" },
                suffix: if i == last { &span.suffix } else { "" },
                old_start: old.start,
                min_byte,
            };
            let range = match self.exact(&query) {
                Some(range) => range,
                None => match self.approximate(&query) {
                    Some(range) => {
                        approximate = true;
                        range
                    }
                    None => {
                        span.orphaned = true;
                        return Outcome::Orphaned;
                    }
                },
            };
            min_byte = range.end;
            found.push(range);
        }
        let in_place = found.len() == pieces.len()
            && found.iter().zip(&pieces).all(|(f, old)| {
                self.map.to_char(self.text, f.start) == old.start
                    && self.map.to_char(self.text, f.end) == old.end
            });
        self.rebuild(span, &found, span.parts.is_some());
        if in_place && !approximate {
            Outcome::Unchanged
        } else if approximate {
            Outcome::Approximate
        } else {
            Outcome::Moved
        }
    }

    /// The covered text is still at the old offsets, with enough of its context around it
    /// (a short text such as "he" can be there again by chance).
    fn still_there(
        &self,
        pieces: &[Range<usize>],
        expected: &Option<Vec<String>>,
        span: &Span,
    ) -> bool {
        let chars = self.map.len_chars();
        if pieces.iter().any(|r| r.end > chars || r.start > r.end) {
            return false;
        }
        let bytes = |r: &Range<usize>| {
            self.map.to_byte(self.text, r.start)..self.map.to_byte(self.text, r.end)
        };
        let at = |r: &Range<usize>| &self.text[bytes(r)];
        let text_matches = match expected {
            Some(expected) => pieces.iter().zip(expected).all(|(r, e)| at(r) == e),
            None => pieces.iter().map(at).collect::<Vec<_>>().join(PIECE_JOINER) == span.text,
        };
        let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
            return false;
        };
        let score = context_score(
            self.text,
            &span.prefix,
            &span.suffix,
            bytes(first).start,
            bytes(last).end,
        );
        text_matches && score >= needed_context(&span.prefix, &span.suffix)
    }

    /// Sets the span's offsets to `ranges` (bytes) and recomputes text and context.
    fn rebuild(&self, span: &mut Span, ranges: &[Range<usize>], discontinuous: bool) {
        let mut fresh = if discontinuous && ranges.len() > 1 {
            Span::from_byte_parts(&self.map, self.text, ranges)
        } else {
            let first = ranges.first().map_or(0, |r| r.start);
            let end = ranges.last().map_or(first, |r| r.end);
            Span::from_bytes_with(&self.map, self.text, first..end)
        };
        if discontinuous && ranges.len() == 1 {
            fresh.parts = span.parts.as_ref().map(|_| vec![[fresh.start, fresh.end]]);
        }
        fresh.orphaned = false;
        *span = fresh;
    }

    /// The occurrence of the text whose context agrees best, nearest the old place.
    fn exact(&self, query: &Query<'_>) -> Option<Range<usize>> {
        let needle = query.text;
        if needle.is_empty() {
            return self.between_anchors(query);
        }
        let mut best: Option<(usize, usize, Range<usize>)> = None;
        let mut count = 0;
        for start in occurrences(self.text, needle, query.min_byte) {
            count += 1;
            let end = start + needle.len();
            let score = context_score(self.text, query.prefix, query.suffix, start, end);
            let distance = self.map.to_char(self.text, start).abs_diff(query.old_start);
            let better = match &best {
                None => true,
                Some((s, d, _)) => score > *s || (score == *s && distance < *d),
            };
            if better {
                best = Some((score, distance, start..end));
            }
        }
        let (score, distance, range) = best?;
        let unique_enough = count == 1 && needle.chars().count() >= UNIQUE_TRUSTED;
        // Still at its old offsets, and no other occurrence fits its context better.
        let in_place = distance == 0;
        (unique_enough || in_place || score >= needed_context(query.prefix, query.suffix))
            .then_some(range)
    }

    /// An empty span: where its prefix and suffix meet.
    fn between_anchors(&self, query: &Query<'_>) -> Option<Range<usize>> {
        if query.prefix.is_empty() && query.suffix.is_empty() {
            return None;
        }
        let joined = format!("{}{}", query.prefix, query.suffix);
        occurrences(self.text, &joined, query.min_byte)
            .map(|s| s + query.prefix.len())
            .min_by_key(|b| self.map.to_char(self.text, *b).abs_diff(query.old_start))
            .map(|b| b..b)
    }

    /// The best near match of a changed text: between its context anchors, next to one of
    /// them, or where most of its words are.
    fn approximate(&self, query: &Query<'_>) -> Option<Range<usize>> {
        let len = query.text.chars().count();
        if len == 0 || len > MAX_FUZZY_CHARS {
            return None;
        }
        let mut best: Option<Candidate> = None;
        let good = |best: &Option<Candidate>| best.as_ref().is_some_and(Candidate::good_enough);
        for anchor_len in [usize::MAX, MIN_ANCHOR] {
            let prefix = tail_chars(query.prefix, anchor_len);
            let suffix = head_chars(query.suffix, anchor_len);
            let prefix_ends: Vec<usize> = if prefix.chars().count() >= MIN_ANCHOR {
                self.nearest(
                    occurrences(self.text, prefix, 0)
                        .map(|s| s + prefix.len())
                        .filter(|e| *e >= query.min_byte),
                    query.old_start,
                )
            } else {
                Vec::new()
            };
            let suffix_starts: Vec<usize> = if suffix.chars().count() >= MIN_ANCHOR {
                occurrences(self.text, suffix, query.min_byte).collect()
            } else {
                Vec::new()
            };
            let max_gap = 2 * query.text.len() + 16;
            for &from in &prefix_ends {
                // The first suffix at or after the prefix, if it is near enough.
                let i = suffix_starts.partition_point(|&to| to < from);
                if let Some(&to) = suffix_starts.get(i).filter(|&&to| to - from <= max_gap) {
                    offer(
                        &mut best,
                        self.candidate(query, from..to, BRACKETED_SIMILARITY),
                    );
                }
            }
            if good(&best) {
                break;
            }
            for &from in &prefix_ends {
                if let Some(c) = self.best_length(query, from, true) {
                    offer(&mut best, c);
                }
            }
            let near_suffixes = self.nearest(suffix_starts.iter().copied(), query.old_start + len);
            for &to in &near_suffixes {
                if let Some(c) = self.best_length(query, to, false) {
                    offer(&mut best, c);
                }
            }
            if good(&best) {
                break;
            }
        }
        if !good(&best)
            && let Some(range) = self.word_window(query)
        {
            offer(&mut best, self.candidate(query, range, WORDS_SIMILARITY));
        }
        best.filter(Candidate::good_enough).map(|c| c.range)
    }

    fn candidate(&self, query: &Query<'_>, range: Range<usize>, needed: f64) -> Candidate {
        let similarity = strsim::normalized_levenshtein(query.text, &self.text[range.clone()]);
        let distance = self
            .map
            .to_char(self.text, range.start)
            .abs_diff(query.old_start);
        Candidate {
            range,
            similarity,
            needed,
            distance,
        }
    }

    /// Next to one anchor: the stretch (starting at `at`, or ending there when `forward` is
    /// false) whose length makes it most like the old text.
    fn best_length(&self, query: &Query<'_>, at: usize, forward: bool) -> Option<Candidate> {
        let len = query.text.chars().count();
        let (lo, hi) = ((len * 7 / 10).max(1), len * 13 / 10 + 1);
        // Every length for short texts; a dozen evenly spread ones for long texts, then
        // halving steps around the best of them (a span that lost a few markup characters
        // would otherwise lose or gain a letter at its free end).
        let step = ((hi - lo) / 12).max(1);
        let at_char = self.map.to_char(self.text, at);
        let of_length = |n: usize| {
            let range = if forward {
                at..self.map.to_byte(self.text, at_char + n)
            } else {
                self.map.to_byte(self.text, at_char.checked_sub(n)?)..at
            };
            (range.start >= query.min_byte && !range.is_empty())
                .then(|| self.candidate(query, range, LOOSE_SIMILARITY))
        };
        let mut best: Option<(usize, Candidate)> = None;
        let offer_length = |best: &mut Option<(usize, Candidate)>, n: usize| {
            if let Some(c) = of_length(n)
                && best.as_ref().is_none_or(|(_, b)| c.beats(b))
            {
                *best = Some((n, c));
            }
        };
        for n in (lo..=hi).step_by(step) {
            offer_length(&mut best, n);
        }
        let mut half = step / 2;
        while half > 0
            && let Some(n) = best.as_ref().map(|(n, _)| *n)
        {
            for m in [n.saturating_sub(half), n + half] {
                if (lo..=hi).contains(&m) {
                    offer_length(&mut best, m);
                }
            }
            half /= 2;
        }
        best.map(|(_, c)| c)
    }

    /// The `MAX_ANCHORS` byte positions nearest code point `target`, in text order.
    fn nearest(&self, positions: impl Iterator<Item = usize>, target: usize) -> Vec<usize> {
        let mut all: Vec<(usize, usize)> = positions
            .map(|b| (self.map.to_char(self.text, b).abs_diff(target), b))
            .collect();
        all.sort_unstable();
        let mut kept: Vec<usize> = all.into_iter().take(MAX_ANCHORS).map(|(_, b)| b).collect();
        kept.sort_unstable();
        kept
    }

    /// The window of as many words as the old text with the most of its words in it (at
    /// least `TOKEN_OVERLAP` of them), nearest the old place; widened to the old text's
    /// leading and trailing punctuation where the new text has it too.
    fn word_window(&self, query: &Query<'_>) -> Option<Range<usize>> {
        let wanted = words(query.text);
        let k = wanted.len();
        if k < 3 || self.words.len() < k {
            return None;
        }
        let mut need: HashMap<&str, i64> = HashMap::new();
        for (w, _) in &wanted {
            *need.entry(w.as_str()).or_insert(0) += 1;
        }
        // have[w] = occurrences of w in the window; overlap = sum of min(have, need).
        let mut have: HashMap<&str, i64> = HashMap::new();
        let mut overlap = 0i64;
        let mut best: Option<(i64, usize, usize)> = None;
        for (i, (w, _)) in self.words.iter().enumerate() {
            let entry = have.entry(w.as_str()).or_insert(0);
            *entry += 1;
            if *entry <= *need.get(w.as_str()).unwrap_or(&0) {
                overlap += 1;
            }
            if i >= k {
                let (old, _) = &self.words[i - k];
                let entry = have.entry(old.as_str()).or_insert(0);
                if *entry <= *need.get(old.as_str()).unwrap_or(&0) {
                    overlap -= 1;
                }
                *entry -= 1;
            }
            if i + 1 >= k {
                let first = i + 1 - k;
                let start = self.words[first].1.start;
                if start < query.min_byte {
                    continue;
                }
                let distance = self.map.to_char(self.text, start).abs_diff(query.old_start);
                let better = match best {
                    None => true,
                    Some((o, d, _)) => overlap > o || (overlap == o && distance < d),
                };
                if better {
                    best = Some((overlap, distance, first));
                }
            }
        }
        let (overlap, _, first) = best?;
        if (overlap as f64) < TOKEN_OVERLAP * k as f64 {
            return None;
        }
        let mut start = self.words[first].1.start;
        let mut end = self.words[first + k - 1].1.end;
        let lead = leading_non_word(query.text);
        if !lead.is_empty() && self.text[..start].ends_with(lead) {
            start -= lead.len();
        }
        let trail = trailing_non_word(query.text);
        if !trail.is_empty() && self.text[end..].starts_with(trail) {
            end += trail.len();
        }
        Some(start..end)
    }
}

struct Query<'q> {
    text: &'q str,
    prefix: &'q str,
    suffix: &'q str,
    /// Where the piece started in the old text (code points).
    old_start: usize,
    /// Pieces of one span stay in order: this one starts at or after this byte.
    min_byte: usize,
}

struct Candidate {
    range: Range<usize>,
    similarity: f64,
    needed: f64,
    distance: usize,
}

fn offer(best: &mut Option<Candidate>, candidate: Candidate) {
    if best.as_ref().is_none_or(|b| candidate.beats(b)) {
        *best = Some(candidate);
    }
}

impl Candidate {
    fn good_enough(&self) -> bool {
        self.similarity >= self.needed
    }

    fn beats(&self, other: &Candidate) -> bool {
        let (a, b) = (
            self.similarity - self.needed,
            other.similarity - other.needed,
        );
        a > b + 1e-9 || ((a - b).abs() <= 1e-9 && self.distance < other.distance)
    }
}

/// The texts of a span's pieces: its text, or its text cut into the parts. The cut follows the
/// parts' lengths where they fit (a quote may itself contain " … "), else the piece joiner.
/// `None` when the text cannot be cut that way.
fn expected_pieces(span: &Span, pieces: &[Range<usize>]) -> Option<Vec<String>> {
    if pieces.len() <= 1 {
        return Some(vec![span.text.clone()]);
    }
    if let Some(cut) = cut_by_lengths(&span.text, pieces) {
        return Some(cut);
    }
    let split: Vec<String> = span.text.split(PIECE_JOINER).map(str::to_string).collect();
    (split.len() == pieces.len()).then_some(split)
}

fn cut_by_lengths(text: &str, pieces: &[Range<usize>]) -> Option<Vec<String>> {
    let mut rest = text;
    let mut out = Vec::with_capacity(pieces.len());
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            rest = rest.strip_prefix(PIECE_JOINER)?;
        }
        let len = piece.end.checked_sub(piece.start)?;
        let end = rest.char_indices().nth(len).map_or(rest.len(), |(b, _)| b);
        if rest[..end].chars().count() != len {
            return None;
        }
        out.push(rest[..end].to_string());
        rest = &rest[end..];
    }
    rest.is_empty().then_some(out)
}

/// Byte starts of every occurrence of `needle` at or after `from`, overlapping ones included.
fn occurrences<'t>(
    text: &'t str,
    needle: &'t str,
    from: usize,
) -> impl Iterator<Item = usize> + 't {
    let step = needle.chars().next().map_or(1, char::len_utf8);
    let mut at = from.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    std::iter::from_fn(move || {
        if needle.is_empty() || at > text.len() {
            return None;
        }
        let found = at + text[at..].find(needle)?;
        at = found + step;
        Some(found)
    })
}

/// How many chars of `prefix` agree with the text before byte `start`, plus how many of
/// `suffix` agree with the text after byte `end`.
fn context_score(text: &str, prefix: &str, suffix: &str, start: usize, end: usize) -> usize {
    common_suffix_chars(prefix, &text[..start]) + common_prefix_chars(suffix, &text[end..])
}

/// The context agreement a span with this context needs to count as found.
fn needed_context(prefix: &str, suffix: &str) -> usize {
    MIN_CONTEXT.min(prefix.chars().count() + suffix.chars().count())
}

/// Chars at the end of `a` and `b` that agree.
fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Chars at the start of `a` and `b` that agree.
fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn tail_chars(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if n >= count {
        return s;
    }
    let skip = s.char_indices().nth(count - n).map_or(s.len(), |(b, _)| b);
    &s[skip..]
}

fn head_chars(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(b, _)| b);
    &s[..end]
}

/// Lower-cased runs of letters and digits, with their byte ranges.
fn words(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    for (b, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(b),
            (false, Some(s)) => {
                out.push((text[s..b].to_lowercase(), s..b));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((text[s..].to_lowercase(), s..text.len()));
    }
    out
}

fn leading_non_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(s.len(), |(b, _)| b);
    &s[..end]
}

fn trailing_non_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(0, |(b, c)| b + c.len_utf8());
    &s[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle");
        Span::from_bytes(text, start..start + needle.len())
    }

    #[test]
    fn finds_overlapping_occurrences() {
        let found: Vec<usize> = occurrences("aaaa", "aa", 0).collect();
        assert_eq!(found, [0, 1, 2]);
        let found: Vec<usize> = occurrences("é é é", "é", 1).collect();
        assert_eq!(found, [3, 6]);
    }

    #[test]
    fn repeated_text_goes_to_the_occurrence_with_matching_context() {
        let old = "Rasmussen said yes. Stoltenberg said no. Biden said maybe.";
        let mut s = span(old, "said no");
        let new = "Intro. Rasmussen said yes. Stoltenberg said no. Biden said maybe.";
        assert_eq!(reanchor_span(&mut s, new), Outcome::Moved);
        assert_eq!(s.start, 7 + old.find("said no").expect("x"));
    }

    #[test]
    fn a_short_repeated_word_without_context_is_not_guessed() {
        let old = "He said it. He said it again.";
        let mut s = span(old, "He");
        s.prefix.clear();
        s.suffix = "XXXXXXXXXXXX".into();
        s.start = 40;
        s.end = 42;
        assert_eq!(reanchor_span(&mut s, old), Outcome::Orphaned);
        assert!(s.orphaned);
        assert_eq!(s.text, "He");
    }

    #[test]
    fn discontinuous_spans_keep_their_parts() {
        let old = "\"We will go,\" he said, \"and win.\"";
        let map = OffsetMap::new(old);
        let mut s = Span::from_byte_parts(&map, old, &[1..11, 24..32]);
        let new = format!("Today: {old}");
        assert_eq!(reanchor_span(&mut s, &new), Outcome::Moved);
        assert_eq!(s.parts, Some(vec![[8, 18], [31, 39]]));
        assert_eq!(s.text, "We will go … and win.");
    }

    #[test]
    fn pieces_containing_the_joiner_are_cut_by_length() {
        let old = "\"Wait … what,\" he said, \"no.\"";
        let map = OffsetMap::new(old);
        let a = old.find("Wait").expect("a");
        let b = old.find("no.").expect("b");
        let mut s = Span::from_byte_parts(&map, old, &[a..a + "Wait … what,".len(), b..b + 3]);
        assert_eq!(s.text, "Wait … what, … no.");
        let new = format!("Later: {old}");
        assert_eq!(reanchor_span(&mut s, &new), Outcome::Moved);
        assert_eq!(s.text, "Wait … what, … no.");
        assert_eq!(s.start, 8);
    }

    #[test]
    fn a_span_still_in_place_with_new_words_on_both_sides_stays() {
        let old = "Yesterday Smith said the plan was sound.";
        let mut s = span(old, "said");
        let new = "Yesterday Jones said it was over, quite.";
        assert_eq!(reanchor_span(&mut s, new), Outcome::Unchanged);
        assert_eq!(s.prefix, "Yesterday Jones ");
    }

    #[test]
    fn a_span_that_lost_markup_keeps_its_first_letter() {
        let old = "Pope visits Belém. *BELÉM* — Brazilian President Luiz Inácio **Lula da Silva** \
                   opened a two-day summit of Amazon countries on Tuesday.";
        let mut s = span(old, "Brazilian President Luiz Inácio **Lula da Silva**");
        let new = "Pope visits Belém.\n\nBELÉM — Brazilian President Luiz Inácio Lula da Silva \
                   opened a two-day summit of Amazon countries on Tuesday.";
        assert_eq!(reanchor_span(&mut s, new), Outcome::Approximate);
        assert_eq!(s.text, "Brazilian President Luiz Inácio Lula da Silva");
    }

    #[test]
    fn empty_spans_sit_between_their_anchors() {
        let old = "The minister said nothing at all today.";
        let mut s = Span::from_chars(old, 17, 17);
        let new = format!("Breaking. {old}");
        assert_eq!(reanchor_span(&mut s, &new), Outcome::Moved);
        assert_eq!((s.start, s.end), (27, 27));
    }

    #[test]
    fn summary_names_only_what_happened() {
        let report = ReanchorReport {
            unchanged: 3,
            moved: 12,
            approximate: 0,
            orphaned: 1,
            approximate_items: Vec::new(),
        };
        assert_eq!(report.to_string(), "12 spans moved, 1 orphaned");
        assert_eq!(
            ReanchorReport::default().to_string(),
            "every span still in place"
        );
    }
}
