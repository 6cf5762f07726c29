//! Articles: loading (txt, md, html, json, jsonl, directories, stdin), normalisation, offsets,
//! hashing, and the one function that makes article text safe for a terminal.

pub mod html;
pub mod load;
pub mod markdown;
pub mod offsets;
pub mod sanitize;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// One article: its normalised text, which every annotation offset refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable id: the record's `id`, else the file stem.
    pub id: String,
    pub title: String,
    /// Where it came from: a path (with `#line` for corpus records) or `-`.
    pub source: String,
    /// The text with line endings normalised to `\n`, otherwise exactly as written (HTML and
    /// Markdown: the text a reader sees rendered).
    pub text: String,
    /// SHA-256 of `text`, lower-case hex.
    pub sha256: String,
    /// Other fields of a JSON record (publisher, date, gold annotations...), kept as they were.
    pub fields: Map<String, Value>,
}

impl Article {
    /// An article from raw text: line endings are normalised and the text hashed.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        source: impl Into<String>,
        raw: &str,
    ) -> Self {
        let text = normalise(raw);
        let sha256 = sha256_hex(&text);
        Article {
            id: id.into(),
            title: title.into(),
            source: source.into(),
            text,
            sha256,
            fields: Map::new(),
        }
    }

    /// Length of the text in code points.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }

    /// The article block of an annotation document.
    pub fn meta(&self) -> crate::model::ArticleMeta {
        crate::model::ArticleMeta {
            id: self.id.clone(),
            title: self.title.clone(),
            source: self.source.clone(),
            sha256: self.sha256.clone(),
            chars: self.chars(),
            extra: Map::new(),
        }
    }
}

/// Line endings to `\n` (`\r\n` and lone `\r`); everything else exactly as written.
pub fn normalise(raw: &str) -> String {
    if !raw.contains('\r') {
        return raw.to_string();
    }
    raw.replace("\r\n", "\n").replace('\r', "\n")
}

/// Lower-case hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_line_endings_only() {
        assert_eq!(normalise("a\r\nb\rc\n  d\t"), "a\nb\nc\n  d\t");
    }

    #[test]
    fn hashes_the_normalised_text() {
        let a = Article::new("x", "", "-", "a\r\nb");
        let b = Article::new("x", "", "-", "a\nb");
        assert_eq!(a.sha256, b.sha256);
        assert_eq!(a.sha256.len(), 64);
    }
}
