//! The article's visual lines: the text wrapped at a width, once per (article, width), so that
//! drawing a frame touches only the lines on screen however long the article is.

use std::sync::Arc;

use unicode_width::UnicodeWidthChar;

use crate::article::sanitize;

/// One visual line: a byte range of the article text (no newline inside).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VLine {
    pub start: usize,
    pub end: usize,
}

/// How a character of article text is shown: unsafe characters by their visible stand-in,
/// tabs as a space.
pub fn shown(c: char) -> char {
    if c == '\t' {
        ' '
    } else if sanitize::is_unsafe(c) {
        sanitize::replacement(c)
    } else {
        c
    }
}

/// Columns a character of article text takes on screen.
pub fn char_width(c: char) -> usize {
    shown(c).width().unwrap_or(0)
}

/// Wraps `text` at `width` columns: greedy, breaking after spaces, words longer than a line
/// broken anywhere. Every paragraph (`\n`-separated) starts a new line; empty paragraphs give
/// empty lines.
pub fn wrap(text: &str, width: usize) -> Vec<VLine> {
    let width = width.max(1);
    let mut out = Vec::with_capacity(text.len() / width + 1);
    let mut start = 0;
    let mut previous_empty = true;
    for para in text.split('\n') {
        // Paragraphs separated by a single line break get a blank line between them, for
        // reading; the blank line sits on the line break.
        if !previous_empty && !para.is_empty() {
            out.push(VLine {
                start: start - 1,
                end: start - 1,
            });
        }
        wrap_paragraph(text, start, start + para.len(), width, &mut out);
        previous_empty = para.is_empty();
        start += para.len() + 1;
    }
    out
}

fn wrap_paragraph(text: &str, from: usize, to: usize, width: usize, out: &mut Vec<VLine>) {
    let mut line_start = from;
    let mut col = 0;
    // Where the current line may end (a space) and where the next would start.
    let mut brk: Option<(usize, usize)> = None;
    for (i, c) in text[from..to].char_indices() {
        let b = from + i;
        let w = char_width(c);
        if c == ' ' || c == '\t' {
            brk = Some((b, b + c.len_utf8()));
            col += w;
            continue;
        }
        if col + w > width && b > line_start {
            if let Some((end, next)) = brk.filter(|(_, next)| *next > line_start && *next <= b) {
                out.push(VLine {
                    start: line_start,
                    end,
                });
                line_start = next;
                col = text[next..b].chars().map(char_width).sum();
            }
            brk = None;
            // Still too wide (a word longer than the line): break right before this char.
            if col + w > width && b > line_start {
                out.push(VLine {
                    start: line_start,
                    end: b,
                });
                line_start = b;
                col = 0;
            }
        }
        col += w;
    }
    out.push(VLine {
        start: line_start,
        end: to,
    });
}

/// The index of the visual line that holds byte `at` (the last line for offsets past the end).
pub fn line_of(lines: &[VLine], at: usize) -> usize {
    lines.partition_point(|l| l.start <= at).saturating_sub(1)
}

/// (article index, width).
type CacheKey = (usize, usize);

/// A few wrapped layouts, newest first, keyed by (article, width).
#[derive(Debug, Default)]
pub struct WrapCache {
    entries: Vec<(CacheKey, Arc<Vec<VLine>>)>,
}

const KEEP: usize = 4;

impl WrapCache {
    /// The lines of article `article` (text `text`) at `width`, wrapping only on a miss.
    pub fn get(&mut self, article: usize, text: &str, width: usize) -> Arc<Vec<VLine>> {
        let key = (article, width.max(1));
        if let Some(at) = self.entries.iter().position(|(k, _)| *k == key) {
            let entry = self.entries.remove(at);
            let lines = entry.1.clone();
            self.entries.insert(0, entry);
            return lines;
        }
        let lines = Arc::new(wrap(text, key.1));
        self.entries.insert(0, (key, lines.clone()));
        self.entries.truncate(KEEP);
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width)
            .iter()
            .map(|l| &text[l.start..l.end])
            .collect()
    }

    #[test]
    fn wraps_after_spaces() {
        assert_eq!(
            rows("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn keeps_paragraphs_and_empty_lines() {
        assert_eq!(rows("a b\n\nc", 10), vec!["a b", "", "c"]);
    }

    #[test]
    fn puts_a_blank_line_between_paragraphs() {
        assert_eq!(rows("a b\nc", 10), vec!["a b", "", "c"]);
        let lines = wrap("a b\nc", 10);
        assert_eq!(line_of(&lines, 3), 1);
        assert_eq!(line_of(&lines, 4), 2);
    }

    #[test]
    fn breaks_long_words_anywhere() {
        assert_eq!(rows("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn counts_wide_characters_by_columns() {
        assert_eq!(
            rows("日本語のテキスト", 6),
            vec!["日本語", "のテキ", "スト"]
        );
    }

    #[test]
    fn every_byte_of_text_is_on_exactly_one_line_or_a_break() {
        let text = "One two  three.\nFour\tfive six seven eight nine ten eleven.\n\n";
        let lines = wrap(text, 7);
        for w in lines.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        assert_eq!(lines.last().map(|l| l.end), Some(text.len()));
        assert_eq!(line_of(&lines, 0), 0);
        assert_eq!(line_of(&lines, text.len()), lines.len() - 1);
    }

    #[test]
    fn zero_width_is_treated_as_one_column() {
        assert_eq!(rows("ab", 0), vec!["a", "b"]);
    }

    proptest::proptest! {
        #[test]
        fn lines_are_ordered_fit_the_width_and_cover_the_text(
            text in "[a-z \n\t\u{1b}é日👍]{0,200}",
            width in 1usize..40,
        ) {
            let lines = wrap(&text, width);
            proptest::prop_assert!(!lines.is_empty());
            for w in lines.windows(2) {
                proptest::prop_assert!(w[0].end <= w[1].start);
            }
            let mut covered = 0;
            for l in &lines {
                let shown = text[l.start..l.end].trim_end_matches([' ', '\t']);
                let cols: usize = shown.chars().map(char_width).sum();
                proptest::prop_assert!(cols <= width || shown.chars().count() == 1, "{:?}", shown);
                // What lies between lines is only line breaks and the spaces a break ate.
                proptest::prop_assert!(text[covered..l.start].chars().all(|c| c == '\n' || c == ' ' || c == '\t'));
                covered = l.end;
            }
            proptest::prop_assert_eq!(covered, text.len());
        }
    }

    #[test]
    fn the_cache_wraps_once_per_width() {
        let mut cache = WrapCache::default();
        let a = cache.get(0, "a b c", 3);
        let b = cache.get(0, "a b c", 3);
        assert!(Arc::ptr_eq(&a, &b));
        let c = cache.get(0, "a b c", 4);
        assert!(!Arc::ptr_eq(&a, &c));
    }
}
