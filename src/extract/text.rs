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

/// Abbreviations that end with a period but do not end a sentence (lower-cased, no period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt",
    "adm", "cmdr", "pres", "sec", "amb", "rev", "st", "jr", "sr", "co", "corp", "inc", "ltd", "no",
    "vs", "etc", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft",
    "ave", "blvd", "dept", "est", "fig", "approx", "u.s", "u.k", "u.n", "e.g", "i.e", "d.c", "a.m",
    "p.m", "calif", "fla", "ill", "mass", "mich", "minn", "penn", "tex", "va", "wash", "wis",
    "ariz", "ark", "colo", "conn", "del", "ga", "ind", "kan", "ky", "la", "md", "mo", "mont",
    "neb", "nev", "okla", "ore", "pa", "tenn", "vt", "wyo", "gov't",
];

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‘' | '’' | '«' | '»' | '`')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c.is_control() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if is_word_char(c) {
            // A word: letters/digits, joined by inner ' - . , (for U.S., 3.5, 1,000, don't,
            // well-known, O'Brien); a final period joins when the word is an abbreviation.
            i += 1;
            while i < n {
                let ch = chars[i].1;
                if is_word_char(ch) {
                    i += 1;
                    continue;
                }
                let next_is_word = i + 1 < n && is_word_char(chars[i + 1].1);
                let joins = match ch {
                    '-' | '\u{2011}' => next_is_word,
                    '\'' | '’' => next_is_word && !is_possessive_s(&chars, i),
                    '.' => {
                        next_is_word && !chars[i + 1].1.is_lowercase()
                            || dotted_acronym(&chars, start, i)
                    }
                    ',' => {
                        next_is_word
                            && chars[i - 1].1.is_ascii_digit()
                            && chars[i + 1].1.is_ascii_digit()
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                i += 1;
            }
            // Trailing period of an abbreviation or initial belongs to the token.
            if i < n && chars[i].1 == '.' {
                let word = text[byte_at(start)..byte_at(i)].to_lowercase();
                let single_initial = i - start == 1 && chars[start].1.is_uppercase();
                let dotted =
                    word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
                if single_initial || dotted || ABBREVIATIONS.contains(&word.as_str()) {
                    i += 1;
                }
            }
            let s = &text[byte_at(start)..byte_at(i)];
            kind = if s.chars().next().is_some_and(|c| c.is_ascii_digit())
                && s.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
        } else if is_possessive_s(&chars, i) {
            // 's / ’s after a word.
            i += 2;
            kind = TokenKind::Word;
        } else if (c == '\'' || c == '`') && i + 1 < n && chars[i + 1].1 == c {
            i += 2;
            kind = TokenKind::Quote;
        } else if is_quote_char(c) || c == '\'' {
            i += 1;
            kind = TokenKind::Quote;
        } else if c == '.' && i + 2 < n && chars[i + 1].1 == '.' && chars[i + 2].1 == '.' {
            i += 3;
            kind = TokenKind::Punct;
        } else if c == '-' && i + 1 < n && chars[i + 1].1 == '-' {
            while i < n && chars[i].1 == '-' {
                i += 1;
            }
            kind = TokenKind::Punct;
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        tokens.push(Token {
            start: byte_at(start),
            end: byte_at(i),
            kind,
        });
    }
    tokens
}

/// `'s` or `’s` at `i` directly after a word character, followed by a non-word.
fn is_possessive_s(chars: &[(usize, char)], i: usize) -> bool {
    i > 0
        && matches!(chars[i].1, '\'' | '’')
        && is_word_char(chars[i - 1].1)
        && chars.get(i + 1).is_some_and(|&(_, c)| c == 's' || c == 'S')
        && chars.get(i + 2).is_none_or(|&(_, c)| !is_word_char(c))
}

/// `U.S` / `U.N` style: single letters separated by periods so far.
fn dotted_acronym(chars: &[(usize, char)], start: usize, dot: usize) -> bool {
    let seg = &chars[start..dot];
    let last_single = seg.len() == 1 || (seg.len() >= 2 && seg[seg.len() - 2].1 == '.');
    last_single
        && seg.last().is_some_and(|&(_, c)| c.is_uppercase())
        && chars.get(dot + 1).is_some_and(|&(_, c)| c.is_uppercase())
        && chars
            .get(dot + 2)
            .is_none_or(|&(_, c)| !c.is_alphabetic() || c == '.')
}

/// Splits text into sentences and tokens.
pub fn analyse(text: &str) -> Analysis {
    let tokens = tokenize(text);
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut first = 0;
    let mut prev_end = 0;
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
        let gap = &text[prev_end..tokens[i].start];
        if i > first && gap.contains('\n') {
            close(&mut sentences, first, i, paragraph);
            first = i;
        }
        if gap.contains('\n') {
            paragraph += 1;
        }
        if i == 0 {
            paragraph = 0;
        }
        prev_end = tokens[i].end;
        let t = &tokens[i];
        let s = t.text(text);
        if matches!(s, "." | "!" | "?" | "...")
            || (s.ends_with('.')
                && t.kind == TokenKind::Word
                && ends_sentence_after_abbrev(text, &tokens, i))
        {
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
                prev_end = tokens[j - 1].end;
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
    fn splits_quote_styles() {
        assert_eq!(
            words("''No,'' he said. “Yes.”"),
            [
                "''", "No", ",", "''", "he", "said", ".", "“", "Yes", ".", "”"
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
    fn closing_quotes_stay_with_their_sentence() {
        let text = "\"We will win.\" He said so.";
        assert_eq!(sentences(text), ["\"We will win.\"", "He said so."]);
    }

    #[test]
    fn em_dashes_are_their_own_tokens() {
        assert_eq!(words("ceremony — but"), ["ceremony", "—", "but"]);
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
