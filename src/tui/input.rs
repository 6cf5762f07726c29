//! A one-line text input with a cursor, for the text fields of forms, the filter of pickers and
//! the search line. The cursor moves and deletes by grapheme cluster, so a letter with a
//! combining mark, a CJK character or an emoji sequence is one step; `view` shows the part
//! around the cursor in a field of a given width.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use crate::article::sanitize;

/// Text and a cursor: a byte offset that is always on a grapheme boundary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

impl TextInput {
    /// `text` with the cursor at its end, where typing usually goes on.
    pub fn new(text: &str) -> TextInput {
        TextInput {
            text: text.to_string(),
            cursor: text.len(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's byte offset in `text`.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The grapheme boundary before the cursor (the cursor itself at the start).
    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    /// The grapheme boundary after the cursor (the cursor itself at the end).
    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    /// Puts the cursor on the first grapheme boundary at or after `at`. Edits can join what
    /// stood apart (deleting "x" from "ᄀxᅡ" leaves one Hangul syllable), so every edit ends here.
    fn settle(&mut self, at: usize) {
        self.cursor = self
            .text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain(std::iter::once(self.text.len()))
            .find(|&i| i >= at)
            .unwrap_or(self.text.len());
    }

    /// Types `c` at the cursor. A character that joins the grapheme after it (a regional
    /// indicator before another) takes the cursor past the whole grapheme.
    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.settle(self.cursor + c.len_utf8());
    }

    pub fn left(&mut self) {
        self.cursor = self.prev_boundary();
    }

    pub fn right(&mut self) {
        self.cursor = self.next_boundary();
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Deletes the grapheme before the cursor.
    pub fn backspace(&mut self) {
        let from = self.prev_boundary();
        self.text.replace_range(from..self.cursor, "");
        self.settle(from);
    }

    /// Deletes the grapheme at the cursor.
    pub fn delete(&mut self) {
        let to = self.next_boundary();
        self.text.replace_range(self.cursor..to, "");
        self.settle(self.cursor);
    }

    /// Deletes the word before the cursor and the spaces after it, as Ctrl-w does in a shell.
    pub fn delete_word_back(&mut self) {
        let before = &self.text[..self.cursor];
        let mut from = self.cursor;
        let mut in_word = false;
        for (i, g) in before.grapheme_indices(true).rev() {
            let space = g.chars().all(char::is_whitespace);
            if space && in_word {
                break;
            }
            in_word |= !space;
            from = i;
        }
        self.text.replace_range(from..self.cursor, "");
        self.settle(from);
    }

    /// Deletes everything before the cursor.
    pub fn delete_to_start(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// Applies the key of a text field bound to `action`: typing, a cursor move or a deletion
    /// (other actions do nothing). True when the text changed, not only the cursor.
    pub fn apply(&mut self, action: Action) -> bool {
        // Each edit inserts or removes at least a byte, or does nothing.
        let len = self.text.len();
        match action {
            Action::Input(c) => self.insert(c),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::LineStart => self.home(),
            Action::LineEnd => self.end(),
            Action::Backspace => self.backspace(),
            Action::DeleteForward => self.delete(),
            Action::DeleteWordBack => self.delete_word_back(),
            Action::DeleteToStart => self.delete_to_start(),
            _ => {}
        }
        self.text.len() != len
    }

    /// What a field `width` columns wide shows: the text around the cursor, with "…" where it
    /// goes on beyond either edge.
    pub fn view(&self, width: usize) -> InputView {
        // Each grapheme as it reaches the terminal, with its width; the cursor after the last
        // grapheme stands on a blank cell.
        let mut cells: Vec<(String, usize)> = Vec::new();
        let mut at = None;
        for (i, g) in self.text.grapheme_indices(true) {
            if i == self.cursor {
                at = Some(cells.len());
            }
            let shown = sanitize::one_line(g).into_owned();
            let w = shown.width();
            cells.push((shown, w));
        }
        let at = at.unwrap_or_else(|| {
            cells.push((" ".to_string(), 1));
            cells.len() - 1
        });
        let total: usize = cells.iter().map(|(_, w)| w).sum();
        let (first, last) = if total <= width {
            (0, cells.len())
        } else {
            window(&cells, at, width)
        };
        let used = cells[first..last].iter().map(|(_, w)| w).sum::<usize>()
            + usize::from(first > 0)
            + usize::from(last < cells.len());
        let join = |range: std::ops::Range<usize>| -> String {
            cells[range].iter().map(|(s, _)| s.as_str()).collect()
        };
        if used > width {
            // Too narrow for the cursor's cell and the marks: the cursor alone, if it fits.
            let fits = cells[at].1 <= width;
            return InputView {
                clipped_start: false,
                before: String::new(),
                at: if fits {
                    join(at..at + 1)
                } else {
                    String::new()
                },
                after: String::new(),
                clipped_end: false,
            };
        }
        InputView {
            clipped_start: first > 0,
            before: join(first..at),
            at: join(at..at + 1),
            after: join(at + 1..last),
            clipped_end: last < cells.len(),
        }
    }
}

/// The cells `first..last` to show so that cell `at` is visible in `width` columns, leaving one
/// column for "…" at each end that is cut.
fn window(cells: &[(String, usize)], at: usize, width: usize) -> (usize, usize) {
    let w = |range: std::ops::Range<usize>| -> usize { cells[range].iter().map(|(_, w)| w).sum() };
    let mut first = 0;
    // As much before the cursor as fits with the cursor at the right edge and a "…" after it.
    let ends_cut = at + 1 < cells.len();
    let reserve = usize::from(ends_cut);
    while first < at && w(first..at + 1) + usize::from(first > 0) + reserve > width {
        first += 1;
    }
    let mut used = w(first..at + 1) + usize::from(first > 0);
    let mut last = at + 1;
    while last < cells.len() {
        let next = cells[last].1;
        let after_it = usize::from(last + 1 < cells.len());
        if used + next + after_it > width {
            break;
        }
        used += next;
        last += 1;
    }
    (first, last.min(cells.len()))
}

/// A text input as a field shows it: `before`, the cursor's cell `at` (empty when the field is
/// too narrow for it), `after`, and whether the text goes on beyond each edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputView {
    pub clipped_start: bool,
    pub before: String,
    pub at: String,
    pub after: String,
    pub clipped_end: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(text: &str, cursor: usize) -> TextInput {
        TextInput {
            text: text.to_string(),
            cursor,
        }
    }

    #[test]
    fn typing_inserts_at_the_cursor() {
        let mut input = TextInput::new("Anders Rasmussen");
        for _ in 0.."Rasmussen".len() {
            input.left();
        }
        for c in "Fogh ".chars() {
            input.insert(c);
        }
        assert_eq!(input.text(), "Anders Fogh Rasmussen");
        assert_eq!(input.cursor(), "Anders Fogh ".len());
    }

    #[test]
    fn left_and_right_step_over_a_whole_grapheme() {
        // "é" as e + combining acute, then a CJK character and a flag.
        let mut input = TextInput::new("e\u{301}中🇺🇦");
        input.home();
        input.right();
        assert_eq!(input.cursor(), "e\u{301}".len());
        input.right();
        assert_eq!(input.cursor(), "e\u{301}中".len());
        input.right();
        assert_eq!(input.cursor(), input.text().len());
        input.right();
        assert_eq!(input.cursor(), input.text().len());
        input.left();
        input.backspace();
        assert_eq!(input.text(), "e\u{301}🇺🇦");
        input.home();
        input.delete();
        assert_eq!(input.text(), "🇺🇦");
    }

    #[test]
    fn home_end_and_delete_at_the_cursor() {
        let mut input = TextInput::new("abc");
        input.home();
        input.insert('>');
        input.end();
        input.insert('<');
        assert_eq!(input.text(), ">abc<");
        input.home();
        input.delete();
        assert_eq!(input.text(), "abc<");
        input.end();
        input.delete();
        assert_eq!(input.text(), "abc<");
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor_and_ctrl_u_all_before_it() {
        let mut input = at("former NATO chief", "former NATO ".len());
        input.delete_word_back();
        assert_eq!(input.text(), "former chief");
        assert_eq!(input.cursor(), "former ".len());
        input.delete_word_back();
        assert_eq!(input.text(), "chief");
        input.delete_word_back();
        assert_eq!(input.text(), "chief");
        let mut input = at("a b c", 3);
        input.delete_to_start();
        assert_eq!((input.text(), input.cursor()), (" c", 0));
    }

    #[test]
    fn apply_says_whether_the_text_changed_not_only_the_cursor() {
        let mut input = TextInput::new("ab");
        assert!(!input.apply(Action::Left));
        assert!(!input.apply(Action::LineStart));
        assert!(!input.apply(Action::Backspace));
        assert!(input.apply(Action::DeleteForward));
        assert!(input.apply(Action::Input('中')));
        assert!(!input.apply(Action::Confirm));
        assert_eq!((input.text(), input.cursor()), ("中b", "中".len()));
        assert!(input.apply(Action::DeleteToStart));
        assert!(!input.apply(Action::DeleteWordBack));
        assert_eq!(input.text(), "b");
    }

    #[test]
    fn a_joining_character_takes_the_cursor_past_its_grapheme() {
        let mut input = TextInput::new("🇦");
        input.home();
        input.insert('🇺');
        assert_eq!(input.text(), "🇺🇦");
        assert_eq!(input.cursor(), input.text().len());
    }

    #[test]
    fn a_short_text_is_shown_whole() {
        let view = at("abc", 1).view(10);
        assert_eq!(
            (view.before.as_str(), view.at.as_str(), view.after.as_str()),
            ("a", "b", "c")
        );
        assert!(!view.clipped_start && !view.clipped_end);
        let view = TextInput::new("abc").view(10);
        assert_eq!((view.before.as_str(), view.at.as_str()), ("abc", " "));
    }

    #[test]
    fn a_long_text_scrolls_to_keep_the_cursor_in_view() {
        let text = "0123456789abcdefghij";
        let view = TextInput::new(text).view(8);
        // "…" + 6 characters + the cursor's cell.
        assert!(view.clipped_start && !view.clipped_end);
        assert_eq!((view.before.as_str(), view.at.as_str()), ("efghij", " "));
        let view = at(text, 0).view(8);
        assert!(!view.clipped_start && view.clipped_end);
        assert_eq!((view.at.as_str(), view.after.as_str()), ("0", "123456"));
        let view = at(text, 10).view(8);
        assert!(view.clipped_start && view.clipped_end);
        assert_eq!(
            (view.before.as_str(), view.at.as_str(), view.after.as_str()),
            ("56789", "a", "")
        );
    }

    #[test]
    fn wide_characters_count_two_columns_in_the_view() {
        let view = TextInput::new("中文中文中文").view(6);
        assert_eq!((view.before.as_str(), view.at.as_str()), ("中文", " "));
        assert!(view.clipped_start);
    }

    #[test]
    fn control_characters_are_shown_as_visible_stand_ins() {
        let view = TextInput::new("a\u{1b}[2J").view(20);
        assert_eq!(view.before, "a␛[2J");
    }

    #[derive(Debug, Clone)]
    enum Op {
        Insert(char),
        Left,
        Right,
        Home,
        End,
        Backspace,
        Delete,
        Word,
        ToStart,
    }

    fn op() -> impl Strategy<Value = Op> {
        let chars = prop::sample::select(vec![
            'a',
            ' ',
            'é',
            '\u{301}',
            '\u{200d}',
            '中',
            '🇺',
            '🇦',
            '👍',
            '\u{1F3FD}',
            '\u{1b}',
            '\n',
            'ᄀ',
            'ᅡ',
        ]);
        prop_oneof![
            4 => prop_oneof![chars, any::<char>()].prop_map(Op::Insert),
            1 => Just(Op::Left),
            1 => Just(Op::Right),
            1 => Just(Op::Home),
            1 => Just(Op::End),
            1 => Just(Op::Backspace),
            1 => Just(Op::Delete),
            1 => Just(Op::Word),
            1 => Just(Op::ToStart),
        ]
    }

    proptest! {
        #[test]
        fn any_edits_keep_the_cursor_on_a_grapheme_boundary(
            start in "\\PC{0,12}",
            ops in prop::collection::vec(op(), 0..60),
            width in 0usize..12,
        ) {
            let mut input = TextInput::new(&start);
            for op in ops {
                match op {
                    Op::Insert(c) => input.insert(c),
                    Op::Left => input.left(),
                    Op::Right => input.right(),
                    Op::Home => input.home(),
                    Op::End => input.end(),
                    Op::Backspace => input.backspace(),
                    Op::Delete => input.delete(),
                    Op::Word => input.delete_word_back(),
                    Op::ToStart => input.delete_to_start(),
                }
                let text = input.text();
                prop_assert!(text.is_char_boundary(input.cursor()));
                let boundary = input.cursor() == text.len()
                    || text.grapheme_indices(true).any(|(i, _)| i == input.cursor());
                prop_assert!(boundary, "{:?} at {}", text, input.cursor());
                let view = input.view(width);
                let shown = view.before.width() + view.at.width() + view.after.width()
                    + usize::from(view.clipped_start) + usize::from(view.clipped_end);
                prop_assert!(shown <= width, "{:?} in {}", view, width);
            }
        }
    }
}
