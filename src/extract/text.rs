//! Tokens and sentences that survive news text.
//!
//! Abbreviations (U.S., Gen., Jan., Mr.), initials, decimals, `''` and curly quotes, em-dashes,
//! and headlines without a final period. All offsets are byte offsets into the article text.

use std::ops::Range;

/// What a token is, coarsely; finer features are computed by the layers that need them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// A quote mark: `"` `“` `”` `‘` `’` `''` ` `` ` or a lone `'` used as a quote.
    Quote,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// A sentence: a byte range and the range of its tokens in `Analysis::tokens`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
    /// Index of the paragraph (blocks separated by line breaks) the sentence is in.
    pub paragraph: usize,
}

/// The text layer every other extraction layer reads.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl Analysis {
    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        self.sentences
            .get(i)
            .and_then(|s| self.tokens.get(s.tokens.clone()))
            .unwrap_or(&[])
    }

    /// The index of the sentence containing byte `b`, if any.
    pub fn sentence_at(&self, b: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= b);
        (i < self.sentences.len() && self.sentences[i].start <= b).then_some(i)
    }
}

/// Abbreviations that end with a period but do not end a sentence (lower-cased, no period),
/// in byte order for binary search.
const ABBREVIATIONS: &[&str] = &[
    "a.m", "adm", "amb", "approx", "apr", "ariz", "ark", "aug", "ave", "blvd", "calif", "capt",
    "cmdr", "co", "col", "colo", "conn", "corp", "d.c", "dec", "del", "dept", "dr", "e.g", "est",
    "etc", "feb", "fig", "fla", "ft", "ga", "gen", "gov", "gov't", "i.e", "ill", "inc", "ind",
    "jan", "jr", "kan", "ky", "la", "lt", "ltd", "maj", "mar", "mass", "md", "mich", "minn", "mo",
    "mont", "mr", "mrs", "ms", "mt", "neb", "nev", "no", "nov", "oct", "okla", "ore", "p.m", "pa",
    "penn", "pres", "prof", "rep", "rev", "sec", "sen", "sep", "sept", "sgt", "sr", "st", "tenn",
    "tex", "u.k", "u.n", "u.s", "va", "vs", "vt", "wash", "wis", "wyo",
];

/// Whether the ASCII `word`, in any case, is listed in `ABBREVIATIONS`: lower-cased on the
/// stack and binary searched, as it is asked for every word before a period.
fn is_ascii_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 8];
    // Longer than any abbreviation.
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    ABBREVIATIONS
        .binary_search_by(|a| a.as_bytes().cmp(lower))
        .is_ok()
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‘' | '’' | '«' | '»' | '`')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return WORD_BYTE[c as usize];
    }
    // General Punctuation (curly quotes, dashes, ellipsis, odd spaces) holds no letter, digit
    // or combining mark; it is most of the non-ASCII in news text, and the Unicode tables
    // behind `is_alphanumeric` are slow to search.
    if matches!(c, '\u{2000}'..='\u{206F}') {
        return false;
    }
    c.is_alphanumeric() || is_combining(c)
}

/// ASCII bytes that are word chars (letters, digits, `_`); non-ASCII bytes are all false.
static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// A char that UTF-8 read as Latin-1 or cp1252 leaves after `Ã` or `Â`: "Peña" scraped
/// that way is "PeÃ±a", "François" is "FranÃ\u{83}Â§ois" (its `Ã` sometimes decomposed, an
/// `A` and a combining tilde). They stay in the word, so the name is not cut at them; a
/// no-break space (`Â\u{A0}`) still ends it.
fn is_mojibake_tail(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9F}' | '\u{A1}'..='\u{BF}')
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// An ASCII whitespace or control char: exactly the bytes up to ' ', and DEL.
fn is_ascii_blank(b: u8) -> bool {
    b <= b' ' || b == 0x7F
}

/// The char starting at byte `b` (a char boundary), if any. ASCII is read without decoding:
/// the tokenizer asks this for every char of every article.
fn char_at(text: &str, b: usize) -> Option<char> {
    match text.as_bytes().get(b) {
        Some(&x) if x.is_ascii() => Some(x as char),
        Some(_) => text.get(b..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// The char ending at byte `b` (a char boundary), if any.
fn char_before(text: &str, b: usize) -> Option<char> {
    match b.checked_sub(1).and_then(|p| text.as_bytes().get(p)) {
        Some(&x) if x.is_ascii() => Some(x as char),
        Some(_) => text.get(..b).and_then(|s| s.chars().next_back()),
        None => None,
    }
}

/// Splits `text` into tokens.
///
/// Walks the text by byte offset, decoding only non-ASCII chars, so it neither collects the
/// chars nor allocates per token.
pub fn tokenize(text: &str) -> Vec<Token> {
    // News text averages a little over five bytes per token and its space: a quarter of the
    // length seldom has to grow.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    let bytes = text.as_bytes();
    let at = |b: usize| char_at(text, b);
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if is_ascii_blank(byte) {
            i += 1;
            continue;
        }
        let Some(c) = at(i) else { break };
        if !c.is_ascii() && (c.is_whitespace() || c.is_control()) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind;
        if is_word_char(c) {
            // A word: letters/digits, joined by inner ' - . , (for U.S., 3.5, 1,000, don't,
            // well-known, O'Brien); a final period joins when the word is an abbreviation.
            i += c.len_utf8();
            loop {
                // Runs of ASCII letters and digits, the bulk of any text, in a tight loop.
                i += bytes[i..]
                    .iter()
                    .take_while(|&&b| WORD_BYTE[usize::from(b)])
                    .count();
                let Some(ch) = at(i) else { break };
                // The run above stopped at any ASCII word char; other ASCII than the joiners
                // (a space, mostly) ends the word at once.
                if ch.is_ascii() && !matches!(ch, '-' | '\'' | '.' | ',') {
                    break;
                }
                if !ch.is_ascii()
                    && (is_word_char(ch)
                        || is_mojibake_tail(ch)
                            && char_before(text, i).is_some_and(|p| {
                                matches!(p, 'Ã' | 'Â') || is_combining(p) || is_mojibake_tail(p)
                            }))
                {
                    i += ch.len_utf8();
                    continue;
                }
                // Only these join; anything else (a space, mostly) ends the word at once.
                if !matches!(ch, '-' | '\u{2011}' | '\'' | '’' | '.' | ',') {
                    break;
                }
                let after = i + ch.len_utf8();
                let next = at(after);
                let next_is_word = next.is_some_and(is_word_char);
                let joins = match ch {
                    '-' | '\u{2011}' => next_is_word,
                    '\'' | '’' => next_is_word && !is_possessive_s(text, i),
                    '.' => {
                        next_is_word && !next.is_some_and(char::is_lowercase)
                            || dotted_acronym(text, start, i)
                    }
                    ',' => {
                        next_is_word
                            && char_before(text, i).is_some_and(|p| p.is_ascii_digit())
                            && next.is_some_and(|n| n.is_ascii_digit())
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                i = after;
            }
            // Trailing period of an abbreviation or initial belongs to the token.
            if bytes.get(i) == Some(&b'.') && takes_period(&text[start..i]) {
                i += 1;
            }
            kind = if c.is_ascii_digit()
                && bytes[start..i]
                    .iter()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-'))
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
        } else if matches!(c, '\'' | '’') && is_possessive_s(text, i) {
            // 's / ’s after a word.
            i += c.len_utf8() + 1;
            kind = TokenKind::Word;
        } else if c == '\''
            && at(i + 1) == Some(c)
            && at(i + 2) == Some(c)
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(|p| !p.is_whitespace())
        {
            // "the word 'old-school,''' said X": a single quote closes inside the double one.
            i += 1;
            kind = TokenKind::Quote;
        } else if (c == '\'' || c == '`') && at(i + 1) == Some(c) {
            i += 2;
            kind = TokenKind::Quote;
        } else if is_quote_char(c) || c == '\'' {
            i += c.len_utf8();
            kind = TokenKind::Quote;
        } else if c == '.' && bytes[i..].starts_with(b"...") {
            i += 3;
            kind = TokenKind::Punct;
        } else if c == '-' && bytes[i..].starts_with(b"--") {
            while bytes.get(i) == Some(&b'-') {
                i += 1;
            }
            kind = TokenKind::Punct;
        } else {
            i += c.len_utf8();
            kind = TokenKind::Punct;
        }
        tokens.push(Token {
            start,
            end: i,
            kind,
        });
    }
    tokens
}

/// Whether a word followed by a period takes it: an initial ("F."), a dotted acronym
/// ("U.S."), or a listed abbreviation ("Gen.").
fn takes_period(word: &str) -> bool {
    let mut chars = word.chars();
    let single_initial =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    if word.is_ascii() {
        // The common case, without the lower-case copy.
        let dotted =
            word.contains('.') && word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.');
        return single_initial || dotted || is_ascii_abbreviation(word);
    }
    let lower = word.to_lowercase();
    let dotted = lower.contains('.') && lower.chars().all(|c| c.is_alphabetic() || c == '.');
    single_initial || dotted || ABBREVIATIONS.contains(&lower.as_str())
}

/// `'s` or `’s` at byte `i` directly after a word character, followed by a non-word.
fn is_possessive_s(text: &str, i: usize) -> bool {
    let Some(quote @ ('\'' | '’')) = char_at(text, i) else {
        return false;
    };
    let s = i + quote.len_utf8();
    char_before(text, i).is_some_and(is_word_char)
        && matches!(char_at(text, s), Some('s' | 'S'))
        && char_at(text, s + 1).is_none_or(|c| !is_word_char(c))
}

/// `U.S` / `U.N` style: single letters separated by periods so far (`text[start..dot]`, then
/// the period at byte `dot`).
fn dotted_acronym(text: &str, start: usize, dot: usize) -> bool {
    let Some(last) = char_before(text, dot).filter(|_| dot > start) else {
        return false;
    };
    let before_last = dot - last.len_utf8();
    let last_single =
        before_last == start || (before_last > start && text.as_bytes()[before_last - 1] == b'.');
    let after = dot + 1;
    let Some(next) = char_at(text, after) else {
        return false;
    };
    last_single
        && last.is_uppercase()
        && next.is_uppercase()
        && char_at(text, after + next.len_utf8()).is_none_or(|c| !c.is_alphabetic() || c == '.')
}

/// Splits text into sentences and tokens.
pub fn analyse(text: &str) -> Analysis {
    let tokens = tokenize(text);
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut first = 0;
    // A token never holds a line break, so the first one at or after a token's end, looked
    // for once per line, tells whether the gap before the next token has one.
    let find_break = |from: usize| text[from..].find('\n').map_or(text.len(), |p| from + p);
    let mut next_break = find_break(0);
    let close = |sentences: &mut Vec<Sentence>, first: usize, last: usize, paragraph: usize| {
        if first < last {
            sentences.push(Sentence {
                start: tokens[first].start,
                end: tokens[last - 1].end,
                tokens: first..last,
                paragraph,
            });
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        // A line break between tokens ends the sentence (headlines, paragraphs).
        let line_break = next_break < tokens[i].start;
        if line_break {
            next_break = find_break(tokens[i].end);
        }
        if i > first && line_break {
            close(&mut sentences, first, i, paragraph);
            first = i;
        }
        // A line break before the first token starts no new paragraph.
        if line_break && i > 0 {
            paragraph += 1;
        }
        if can_end_sentence(text, &tokens, i) {
            // Closing quotes and brackets that follow stay with this sentence.
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].start == tokens[j - 1].end
                && (is_closing(tokens[j].text(text)))
            {
                j += 1;
            }
            let next_starts = tokens.get(j).is_none_or(|n| {
                let ns = n.text(text);
                let c = ns.chars().next().unwrap_or(' ');
                c.is_uppercase() || c.is_ascii_digit() || n.kind == TokenKind::Quote || ns == "("
            });
            if next_starts && (j >= tokens.len() || tokens[j].start > tokens[j - 1].end) {
                close(&mut sentences, first, j, paragraph);
                first = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    close(&mut sentences, first, tokens.len(), paragraph);
    Analysis { tokens, sentences }
}

/// Whether token `i` ends a sentence when a sentence start follows: `.` `!` `?` `...`, or an
/// abbreviation that may end one.
fn can_end_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    // All of these end in . ! or ?: the last byte rules out most tokens without comparing strings.
    if !matches!(text.as_bytes()[..t.end].last(), Some(b'.' | b'!' | b'?')) {
        return false;
    }
    let s = t.text(text);
    matches!(s, "." | "!" | "?" | "...")
        || (s.ends_with('.')
            && t.kind == TokenKind::Word
            && ends_sentence_after_abbrev(text, tokens, i))
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "''" | "'" | ")" | "]" | "»")
}

/// An abbreviation token like "U.S." ends a sentence only when what follows looks like a new
/// sentence start that is not a name continuing it ("U.S. officials" vs "in the U.S. The ...").
fn ends_sentence_after_abbrev(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = tokens[i].text(text);
    let lower = word.trim_end_matches('.').to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str())
        && !matches!(
            lower.as_str(),
            "u.s" | "u.k" | "u.n" | "d.c" | "etc" | "a.m" | "p.m"
        )
    {
        return false;
    }
    if word.chars().filter(|&c| c != '.').count() == 1 {
        return false; // an initial: "John F. Kennedy"
    }
    tokens.get(i + 1).is_some_and(|n| {
        let ns = n.text(text);
        matches!(
            ns,
            "The"
                | "He"
                | "She"
                | "It"
                | "They"
                | "We"
                | "I"
                | "But"
                | "And"
                | "In"
                | "A"
                | "This"
                | "That"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        analyse(text)
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn keeps_abbreviations_decimals_and_possessives() {
        assert_eq!(
            words("Gen. Smith's U.S. troops cost $3.5 billion, don't they?"),
            [
                "Gen.", "Smith", "'s", "U.S.", "troops", "cost", "$", "3.5", "billion", ",",
                "don't", "they", "?"
            ]
        );
    }

    #[test]
    fn mojibake_stays_inside_its_word() {
        assert_eq!(
            words("President Enrique PeÃ±a Nieto and FranÃ\u{83}Â§ois Hollande"),
            [
                "President",
                "Enrique",
                "PeÃ±a",
                "Nieto",
                "and",
                "FranÃ\u{83}Â§ois",
                "Hollande"
            ]
        );
        assert_eq!(
            words("FranA\u{303}\u{83}A\u{302}\u{A7}ois said"),
            ["FranA\u{303}\u{83}A\u{302}\u{A7}ois", "said"]
        );
        // A no-break space read as Latin-1 ("Â\u{A0}") still separates words, and a symbol
        // after an ordinary letter is no part of the word.
        assert_eq!(
            words("fortÂ\u{A0}Knox a±b"),
            ["fortÂ", "Knox", "a", "±", "b"]
        );
    }

    #[test]
    fn splits_quote_styles() {
        assert_eq!(
            words("''No,'' he said. “Yes.”"),
            [
                "''", "No", ",", "''", "he", "said", ".", "“", "Yes", ".", "”"
            ]
        );
        // A single quote closing inside a double one: ' then '', not '' then '.
        assert_eq!(
            words("''the word 'old-school,''' said X"),
            [
                "''",
                "the",
                "word",
                "'",
                "old-school",
                ",",
                "'",
                "''",
                "said",
                "X"
            ]
        );
    }

    #[test]
    fn splits_sentences_but_not_at_titles_or_initials() {
        let text = "Mr. John F. Kennedy spoke on Jan. 5. He left.\nNATO divided\nThe end.";
        assert_eq!(
            sentences(text),
            [
                "Mr. John F. Kennedy spoke on Jan. 5.",
                "He left.",
                "NATO divided",
                "The end."
            ]
        );
    }

    #[test]
    fn numbers_paragraphs_by_line_breaks_between_tokens() {
        let text = "\n\nHeadline\n\nA b. C d.\nE f. \r\n G h.";
        let paragraphs: Vec<usize> = analyse(text)
            .sentences
            .iter()
            .map(|s| s.paragraph)
            .collect();
        assert_eq!(paragraphs, [0, 1, 1, 2, 3]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let text = "\"We will win.\" He said so.";
        assert_eq!(sentences(text), ["\"We will win.\"", "He said so."]);
    }

    #[test]
    fn em_dashes_are_their_own_tokens() {
        assert_eq!(words("ceremony — but"), ["ceremony", "—", "but"]);
    }

    #[test]
    fn every_listed_abbreviation_is_found_in_any_case() {
        for a in ABBREVIATIONS {
            assert!(is_ascii_abbreviation(a), "{a}");
            assert!(is_ascii_abbreviation(&a.to_uppercase()), "{a}");
        }
        assert!(!is_ascii_abbreviation("said"));
    }

    #[test]
    fn word_char_shortcuts_agree_with_unicode() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let general = c.is_alphanumeric() || c == '_' || is_combining(c);
            assert_eq!(is_word_char(c), general, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn ascii_space_shortcut_agrees_with_unicode() {
        for b in 0..=0x7F_u8 {
            let c = char::from(b);
            let general = c.is_whitespace() || c.is_control();
            assert_eq!(is_ascii_blank(b), general, "{c:?}");
        }
    }

    proptest! {
        /// `q` and `Q` are in no abbreviation, so their non-ASCII look-alikes `ǫ` and `Ǫ`
        /// (letters of the same case) must split and end sentences the same way: the ASCII
        /// fast paths agree with the general one.
        #[test]
        fn non_ascii_letters_split_like_ascii_ones(text in "[qQaAbB0-9 .,'’“”\"\n-]{0,80}") {
            let widen = |s: &str| s.replace('q', "ǫ").replace('Q', "Ǫ");
            let wide = widen(&text);
            let narrow_tokens: Vec<(String, TokenKind)> =
                tokenize(&text).iter().map(|t| (widen(t.text(&text)), t.kind)).collect();
            let wide_tokens: Vec<(String, TokenKind)> =
                tokenize(&wide).iter().map(|t| (t.text(&wide).to_string(), t.kind)).collect();
            prop_assert_eq!(narrow_tokens, wide_tokens);
            let narrow_sentences: Vec<String> = sentences(&text).into_iter().map(widen).collect();
            prop_assert_eq!(narrow_sentences, sentences(&wide));
        }
    }

    #[test]
    fn survives_odd_text() {
        for text in [
            "",
            "....",
            "'",
            "''",
            "\u{1b}[2J",
            "中文字符。",
            "مرحبا",
            "a.b.c.",
            "'s",
        ] {
            let a = analyse(text);
            for t in &a.tokens {
                assert!(t.start < t.end && t.end <= text.len());
            }
        }
    }
}
