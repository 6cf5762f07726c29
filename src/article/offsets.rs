//! Byte offsets (inside Rust) <-> code-point offsets (in files).
//!
//! Every file gloss reads or writes counts Unicode code points, as brat, PolNeAR and the W3C
//! Web Annotation model do; Rust slices strings by byte. This is the one place that converts.

/// Code points in `text[..byte]`. `byte` is clamped to the text and rounded down to a char
/// boundary, so any number gives an answer.
pub fn byte_to_char(text: &str, byte: usize) -> usize {
    let byte = floor_boundary(text, byte);
    text[..byte].chars().count()
}

/// Byte offset of code point `ch`; past the end gives `text.len()`.
pub fn char_to_byte(text: &str, ch: usize) -> usize {
    text.char_indices().nth(ch).map_or(text.len(), |(b, _)| b)
}

/// The largest char boundary at or below `byte` (clamped to the text).
pub fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// The smallest char boundary at or above `byte` (clamped to the text).
pub fn ceil_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    b
}

/// Converts many offsets in one text quickly: a checkpoint every `STRIDE` code points, so a
/// lookup walks at most `STRIDE` chars. ASCII texts convert by identity.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    ascii: bool,
    len_bytes: usize,
    len_chars: usize,
    /// `checkpoints[i]` = byte offset of code point `i * STRIDE`.
    checkpoints: Vec<usize>,
}

const STRIDE: usize = 16;

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return OffsetMap {
                ascii: true,
                len_bytes: text.len(),
                len_chars: text.len(),
                checkpoints: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        // `b` is the byte offset of code point `count`, a multiple of STRIDE.
        let mut count = 0;
        let mut b = 0;
        while b < text.len() {
            checkpoints.push(b);
            match bytes.get(b..b + STRIDE) {
                // ASCII stretches, most of any text, step STRIDE bytes at once.
                Some(chunk) if chunk.is_ascii() => {
                    b += STRIDE;
                    count += STRIDE;
                }
                _ => {
                    let rest = &text[b..];
                    match rest.char_indices().nth(STRIDE) {
                        Some((next, _)) => {
                            b += next;
                            count += STRIDE;
                        }
                        None => {
                            b = text.len();
                            count += rest.chars().count();
                        }
                    }
                }
            }
        }
        OffsetMap {
            ascii: false,
            len_bytes: text.len(),
            len_chars: count,
            checkpoints,
        }
    }

    /// Length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Code point offset of `byte` (clamped, rounded down to a char boundary).
    pub fn to_char(&self, text: &str, byte: usize) -> usize {
        if self.ascii {
            return byte.min(self.len_bytes);
        }
        let byte = floor_boundary(text, byte);
        let i = match self.checkpoints.binary_search(&byte) {
            Ok(i) => return i * STRIDE,
            Err(i) => i.saturating_sub(1),
        };
        let from = self.checkpoints.get(i).copied().unwrap_or(0);
        i * STRIDE + text[from..byte].chars().count()
    }

    /// The byte offset `n` code points before char boundary `byte` (0 when there are fewer).
    pub fn back(&self, text: &str, byte: usize, n: usize) -> usize {
        if self.ascii {
            return byte.min(self.len_bytes).saturating_sub(n);
        }
        let byte = floor_boundary(text, byte);
        match n.checked_sub(1) {
            Some(k) => text[..byte]
                .char_indices()
                .rev()
                .nth(k)
                .map_or(0, |(b, _)| b),
            None => byte,
        }
    }

    /// The byte offset `n` code points after char boundary `byte` (the text's length when
    /// there are fewer).
    pub fn forward(&self, text: &str, byte: usize, n: usize) -> usize {
        if self.ascii {
            return byte.saturating_add(n).min(self.len_bytes);
        }
        let byte = floor_boundary(text, byte);
        text[byte..]
            .char_indices()
            .nth(n)
            .map_or(text.len(), |(b, _)| byte + b)
    }

    /// Byte offset of code point `ch` (past the end gives the text's length).
    pub fn to_byte(&self, text: &str, ch: usize) -> usize {
        if self.ascii {
            return ch.min(self.len_bytes);
        }
        if ch >= self.len_chars {
            return self.len_bytes;
        }
        let i = ch / STRIDE;
        let from = self.checkpoints.get(i).copied().unwrap_or(0);
        text[from..]
            .char_indices()
            .nth(ch - i * STRIDE)
            .map_or(self.len_bytes, |(b, _)| from + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn counts_code_points_not_bytes() {
        let text = "Erdoğan said “no” 👍🏽 é";
        assert_eq!(byte_to_char(text, text.len()), text.chars().count());
        let b = text.find('“').expect("quote");
        assert_eq!(byte_to_char(text, b), 13);
        assert_eq!(char_to_byte(text, 13), b);
    }

    #[test]
    fn clamps_and_rounds_down_inside_a_char() {
        let text = "ğa";
        assert_eq!(byte_to_char(text, 1), 0);
        assert_eq!(byte_to_char(text, 99), 2);
        assert_eq!(char_to_byte(text, 99), text.len());
    }

    proptest! {
        #[test]
        fn map_agrees_with_the_plain_functions(text in "\\PC{0,300}|[a-z\u{301}\u{1F600}-\u{1F64F}\u{200D} ]{0,300}", probe in 0usize..1500) {
            let map = OffsetMap::new(&text);
            prop_assert_eq!(map.to_char(&text, probe), byte_to_char(&text, probe));
            prop_assert_eq!(map.to_byte(&text, probe), char_to_byte(&text, probe));
            prop_assert_eq!(map.len_chars(), text.chars().count());
        }

        #[test]
        fn back_and_forward_count_code_points(text in "\\PC{0,300}|[a-z\u{301}\u{1F600}-\u{1F64F}\u{200D} ]{0,300}", probe in 0usize..1500, n in 0usize..40) {
            let map = OffsetMap::new(&text);
            let b = map.to_byte(&text, map.to_char(&text, probe));
            let ch = map.to_char(&text, b);
            prop_assert_eq!(map.back(&text, b, n), map.to_byte(&text, ch.saturating_sub(n)));
            prop_assert_eq!(map.forward(&text, b, n), map.to_byte(&text, ch + n));
        }

        #[test]
        fn round_trips_every_char_boundary(text in "\\PC{0,200}") {
            let map = OffsetMap::new(&text);
            for (ch, (b, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(map.to_char(&text, b), ch);
                prop_assert_eq!(map.to_byte(&text, ch), b);
            }
        }
    }
}
