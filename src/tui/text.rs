//! Moving through article text: characters, words, sentences, visual lines, search. Byte
//! offsets in, byte offsets (on char boundaries) out.

use std::ops::Range;

use super::layout::{self, VLine, char_width};
use crate::article::offsets::{ceil_boundary, floor_boundary};

/// Whether `c` belongs to a word.
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '_' | '-')
}

pub fn next_char(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
}

pub fn prev_char(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    text[..at]
        .chars()
        .next_back()
        .map_or(at, |c| at - c.len_utf8())
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The start of the next word after the one at `at`.
pub fn word_forward(text: &str, at: usize) -> usize {
    let mut b = floor_boundary(text, at);
    while let Some(c) = char_at(text, b).filter(|c| is_word(*c)) {
        b += c.len_utf8();
    }
    while let Some(c) = char_at(text, b).filter(|c| !is_word(*c)) {
        b += c.len_utf8();
    }
    b
}

/// The start of the word before `at` (or of the word `at` is inside).
pub fn word_back(text: &str, at: usize) -> usize {
    let mut b = floor_boundary(text, at);
    while let Some(c) = text[..b].chars().next_back().filter(|c| !is_word(*c)) {
        b -= c.len_utf8();
    }
    while let Some(c) = text[..b].chars().next_back().filter(|c| is_word(*c)) {
        b -= c.len_utf8();
    }
    b
}

/// The end of the word at or after `at`.
pub fn word_end(text: &str, at: usize) -> usize {
    let mut b = floor_boundary(text, at);
    while let Some(c) = char_at(text, b).filter(|c| !is_word(*c) && *c != '\n') {
        b += c.len_utf8();
    }
    while let Some(c) = char_at(text, b).filter(|c| is_word(*c)) {
        b += c.len_utf8();
    }
    b
}

/// The end of the last word that ends before `at` (keeps at least the first word).
pub fn prev_word_end(text: &str, at: usize) -> usize {
    let mut b = floor_boundary(text, at);
    // Back over trailing non-word characters, then over the last word.
    while let Some(c) = text[..b].chars().next_back().filter(|c| !is_word(*c)) {
        b -= c.len_utf8();
    }
    while let Some(c) = text[..b].chars().next_back().filter(|c| is_word(*c)) {
        b -= c.len_utf8();
    }
    while let Some(c) = text[..b].chars().next_back().filter(|c| !is_word(*c)) {
        b -= c.len_utf8();
    }
    b
}

/// Whether a sentence ends just before byte `b` (after `.`, `!` or `?` and closing quotes,
/// then white space; or at a line break).
fn sentence_starts_at(text: &str, b: usize) -> bool {
    if b == 0 {
        return true;
    }
    let before = &text[..b];
    let trimmed = before.trim_end_matches([' ', '\t']);
    if trimmed.len() == before.len() {
        return before.ends_with('\n');
    }
    trimmed.ends_with('\n')
        || trimmed
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .ends_with(['.', '!', '?'])
}

/// The start of the next sentence.
pub fn sentence_forward(text: &str, at: usize) -> usize {
    let mut b = next_char(text, at);
    while b < text.len() {
        let c = char_at(text, b).unwrap_or(' ');
        if !c.is_whitespace() && sentence_starts_at(text, b) {
            return b;
        }
        b = next_char(text, b);
    }
    text.len()
}

/// The last character of the sentence at `at` (of the next one when `at` ends a sentence).
pub fn sentence_end(text: &str, at: usize) -> usize {
    let next = sentence_forward(text, next_char(text, at));
    let mut b = next;
    while let Some(c) = text[..b].chars().next_back().filter(|c| c.is_whitespace()) {
        b -= c.len_utf8();
    }
    prev_char(text, b).max(floor_boundary(text, at))
}

/// The start of this sentence, or of the previous one when already at a start.
pub fn sentence_back(text: &str, at: usize) -> usize {
    let mut b = prev_char(text, floor_boundary(text, at));
    while b > 0 {
        let c = char_at(text, b).unwrap_or(' ');
        if !c.is_whitespace() && sentence_starts_at(text, b) {
            return b;
        }
        b = prev_char(text, b);
    }
    0
}

/// The range from `a` to `b` (either order, both included) widened to whole words and trimmed
/// of white space.
pub fn snap(text: &str, a: usize, b: usize) -> Range<usize> {
    let (lo, hi) = (a.min(b), a.max(b));
    let mut start = floor_boundary(text, lo);
    let mut end = next_char(text, hi).max(start);
    if char_at(text, start).is_some_and(is_word) {
        while let Some(c) = text[..start].chars().next_back().filter(|c| is_word(*c)) {
            start -= c.len_utf8();
        }
    }
    if text[..end].chars().next_back().is_some_and(is_word) {
        while let Some(c) = char_at(text, end).filter(|c| is_word(*c)) {
            end += c.len_utf8();
        }
    }
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let (s, e) = (start + lead, end - trail);
    if e > s { s..e } else { start..start }
}

/// The byte at column `col` of a visual line (the end of the line past its last character).
pub fn at_column(text: &str, line: VLine, col: usize) -> usize {
    let mut x = 0;
    for (i, c) in text[line.start..line.end].char_indices() {
        let w = char_width(c);
        if col < x + w.max(1) {
            return line.start + i;
        }
        x += w;
    }
    line.end
}

/// The column of byte `at` on its visual line.
pub fn column_of(text: &str, line: VLine, at: usize) -> usize {
    let at = floor_boundary(text, at.clamp(line.start, line.end));
    text[line.start..at].chars().map(char_width).sum()
}

/// The byte `rows` visual lines up (negative) or down from `at`, at the same column.
pub fn vertical(text: &str, lines: &[VLine], at: usize, rows: i64) -> usize {
    if lines.is_empty() {
        return 0;
    }
    let now = layout::line_of(lines, at);
    let col = column_of(text, lines[now], at);
    let to = (now as i64 + rows).clamp(0, lines.len() as i64 - 1) as usize;
    at_column(text, lines[to], col)
}

/// Every match of `query` in `text` (ASCII letters case-insensitively), at most `limit`.
pub fn find_all(text: &str, query: &str, limit: usize) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if query.is_ascii() {
        let (t, q) = (text.as_bytes(), query.as_bytes());
        let first = q[0].to_ascii_lowercase();
        let mut i = 0;
        while i + q.len() <= t.len() && out.len() < limit {
            if t[i].to_ascii_lowercase() == first && t[i..i + q.len()].eq_ignore_ascii_case(q) {
                out.push(i..i + q.len());
                i += q.len();
            } else {
                i += 1;
            }
        }
    } else {
        out.extend(
            text.match_indices(query)
                .take(limit)
                .map(|(i, m)| i..i + m.len()),
        );
    }
    out.retain(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    out.iter_mut()
        .for_each(|r| *r = ceil_boundary(text, r.start)..r.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "He said it. “Then,” she said, “we go!” Done.\nNext line";

    #[test]
    fn moves_by_words() {
        assert_eq!(word_forward(T, 0), 3);
        assert_eq!(word_back(T, 3), 0);
        assert_eq!(word_end(T, 2), 7);
        assert_eq!(prev_word_end(T, 7), 2);
    }

    #[test]
    fn moves_by_sentences() {
        let s2 = T.find('“').expect("quote");
        assert_eq!(sentence_forward(T, 0), s2);
        assert_eq!(sentence_back(T, s2 + 3), s2);
        assert_eq!(sentence_back(T, s2), 0);
        let next = T.find("Next").expect("next");
        assert_eq!(sentence_forward(T, T.find("Done").expect("done")), next);
    }

    #[test]
    fn finds_the_end_of_a_sentence() {
        assert_eq!(&T[..=sentence_end(T, 0)], "He said it.");
        let s2 = T.find('“').expect("quote");
        let end = sentence_end(T, s2);
        assert!(T[..end].ends_with("we go!"), "{}", &T[..end]);
    }

    #[test]
    fn snaps_selections_to_whole_words() {
        let r = snap(T, 4, 1);
        assert_eq!(&T[r], "He said");
        let r = snap(T, 2, 2);
        assert_eq!(r.start, r.end);
    }

    #[test]
    fn finds_matches_ignoring_ascii_case() {
        let m = find_all(T, "SAID", 10);
        assert_eq!(m.len(), 2);
        assert_eq!(&T[m[0].clone()], "said");
        assert_eq!(find_all(T, "“we", 10).len(), 1);
    }
}
