//! Article text is untrusted: escape sequences and control characters in it must never reach a
//! terminal raw. Every view and every terminal print goes through `for_terminal`.

use std::borrow::Cow;

/// Whether `c` must not be written to a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        // Bidirectional overrides and isolates can reorder what the reader sees.
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A visible, harmless stand-in for an unsafe character, one column wide where possible:
/// C0 controls become their Unicode control pictures (ESC → ␛), others `�`.
pub fn replacement(c: char) -> char {
    match c as u32 {
        0x00..=0x1F => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// `text` with every unsafe character replaced by its visible stand-in. Tabs and newlines are
/// kept (layouts handle them); one char in gives one char out, so offsets do not move.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { replacement(c) } else { c })
            .collect(),
    )
}

/// As `for_terminal`, and newlines and tabs become spaces too: for one-line places (lists,
/// status bars, titles).
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) || c == '\n' || c == '\t') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\t' => ' ',
                c if is_unsafe(c) => replacement(c),
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let s = for_terminal("a\u{1b}[2Jb\u{1b}]52;c;SGVsbG8=\u{7}");
        assert!(!s.contains('\u{1b}') && !s.contains('\u{7}'));
        assert_eq!(s, "a␛[2Jb␛]52;c;SGVsbG8=␇");
    }

    #[test]
    fn keeps_char_count_and_plain_text() {
        let raw = "x\u{9b}y\u{202E}z\r";
        assert_eq!(for_terminal(raw).chars().count(), raw.chars().count());
        assert!(matches!(for_terminal("plain “text”\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_flattens_breaks() {
        assert_eq!(one_line("a\nb\tc\u{1b}"), "a b c␛");
    }
}
