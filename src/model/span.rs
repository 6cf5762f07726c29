//! A stretch of article text, in code points, with the context that re-anchors it.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::article::offsets::{OffsetMap, floor_boundary};

/// How many code points of context `prefix` and `suffix` keep.
pub const CONTEXT_CHARS: usize = 32;

/// A span of the article text. Offsets are Unicode code points, end exclusive. `parts` lists the
/// pieces of a discontinuous span (a quote broken by ", he said,"); `start`/`end` are then
/// their envelope.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<[usize; 2]>>,
    /// Set when the article changed and the span could not be found again; kept, never dropped.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub orphaned: bool,
}

impl Span {
    /// A span over code points `start..end` of `text`, with covered text and context filled in.
    pub fn from_chars(text: &str, start: usize, end: usize) -> Self {
        let map = OffsetMap::new(text);
        let (b0, b1) = (map.to_byte(text, start), map.to_byte(text, end));
        Self::from_bytes_with(&map, text, b0..b1)
    }

    /// A span over byte range `range` of `text` (rounded to char boundaries).
    pub fn from_bytes(text: &str, range: Range<usize>) -> Self {
        Self::from_bytes_with(&OffsetMap::new(text), text, range)
    }

    /// As `from_bytes`, reusing an offset map of `text` (for many spans over one text).
    pub fn from_bytes_with(map: &OffsetMap, text: &str, range: Range<usize>) -> Self {
        let start = map.to_char(text, range.start);
        let end = map.to_char(text, range.end.max(range.start));
        // The bytes of those code points are the range rounded down to char boundaries, and
        // the context is a short walk from them: no lookups from the far checkpoints.
        let b0 = floor_boundary(text, range.start);
        let b1 = floor_boundary(text, range.end.max(range.start));
        let prefix_start = map.back(text, b0, CONTEXT_CHARS);
        let suffix_end = map.forward(text, b1, CONTEXT_CHARS);
        Span {
            start,
            end,
            text: text[b0..b1].to_string(),
            prefix: text[prefix_start..b0].to_string(),
            suffix: text[b1..suffix_end].to_string(),
            parts: None,
            orphaned: false,
        }
    }

    /// A discontinuous span made of byte ranges (sorted, non-empty); the envelope covers them
    /// all and `text` is the pieces joined by " … ". One piece gives a plain span.
    pub fn from_byte_parts(map: &OffsetMap, text: &str, parts: &[Range<usize>]) -> Self {
        let Some(first) = parts.first() else {
            return Span::default();
        };
        let last = parts.last().unwrap_or(first);
        let mut span = Self::from_bytes_with(map, text, first.start..last.end);
        if parts.len() > 1 {
            let pieces: Vec<[usize; 2]> = parts
                .iter()
                .map(|r| [map.to_char(text, r.start), map.to_char(text, r.end)])
                .collect();
            span.text = parts
                .iter()
                .map(|r| {
                    let (s, e) = (
                        map.to_byte(text, map.to_char(text, r.start)),
                        map.to_byte(text, map.to_char(text, r.end)),
                    );
                    &text[s..e.max(s)]
                })
                .collect::<Vec<_>>()
                .join(" … ");
            span.parts = Some(pieces);
        }
        span
    }

    /// The pieces of the span in code points: `parts`, or the one range `start..end`.
    pub fn pieces(&self) -> Vec<Range<usize>> {
        match &self.parts {
            Some(parts) if !parts.is_empty() => parts.iter().map(|[s, e]| *s..*e).collect(),
            _ => std::iter::once(self.start..self.end).collect(),
        }
    }

    /// The envelope as a byte range of `text` (clamped to it).
    pub fn byte_range(&self, map: &OffsetMap, text: &str) -> Range<usize> {
        map.to_byte(text, self.start)..map.to_byte(text, self.end.max(self.start))
    }

    /// The pieces as byte ranges of `text`.
    pub fn byte_pieces(&self, map: &OffsetMap, text: &str) -> Vec<Range<usize>> {
        self.pieces()
            .into_iter()
            .map(|r| map.to_byte(text, r.start)..map.to_byte(text, r.end.max(r.start)))
            .collect()
    }

    /// Code points covered (envelope length).
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the two envelopes share at least one code point.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether the envelope contains code point offset `ch`.
    pub fn contains(&self, ch: usize) -> bool {
        self.start <= ch && ch < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_text_and_context() {
        let text = "Former chief Anders Rasmussen says it is likely.";
        let s = text.find("Anders").expect("name");
        let span = Span::from_bytes(text, s..s + "Anders Rasmussen".len());
        assert_eq!(span.text, "Anders Rasmussen");
        assert_eq!(span.prefix, "Former chief ");
        assert_eq!(span.suffix, " says it is likely.");
        assert_eq!((span.start, span.end), (13, 29));
    }

    #[test]
    fn counts_code_points_in_non_ascii_text() {
        let text = "“Erdoğan,” she said.";
        let span = Span::from_chars(text, 1, 8);
        assert_eq!(span.text, "Erdoğan");
        assert_eq!(span.prefix, "“");
    }

    #[test]
    fn builds_discontinuous_spans() {
        let text = "\"We will go,\" he said, \"and win.\"";
        let map = OffsetMap::new(text);
        let span = Span::from_byte_parts(&map, text, &[1..11, 24..32]);
        assert_eq!(span.parts, Some(vec![[1, 11], [24, 32]]));
        assert_eq!((span.start, span.end), (1, 32));
        assert_eq!(span.text, "We will go … and win.");
        assert_eq!(span.pieces(), vec![1..11, 24..32]);
    }

    #[test]
    fn context_is_limited_to_32_chars() {
        let text = "x".repeat(100);
        let span = Span::from_chars(&text, 50, 51);
        assert_eq!(span.prefix.len(), CONTEXT_CHARS);
        assert_eq!(span.suffix.len(), CONTEXT_CHARS);
    }
}
