//! Markdown articles read as a reader sees them: the seed through `load`, `gloss extract` on
//! it, and rendering arbitrary input. (Annotations saved against a Markdown file's raw text are
//! re-anchored on the rendered one: see tests/store.rs.)

use std::path::{Path, PathBuf};
use std::process::Command;

use gloss::article::load::{self, from_md};
use gloss::article::{Article, markdown, sanitize, sha256_hex};
use gloss::model::Document;
use proptest::prelude::*;

fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/002_amazon_summit.md")
}

fn seed() -> Article {
    let mut loaded = load::load(&seed_path()).expect("seed loads");
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded.articles.remove(0)
}

#[test]
fn the_seed_loads_without_markdown_syntax() {
    let article = seed();
    assert_eq!(
        article.title,
        "Lula da Silva calls for Amazon fund as summit opens in Belém"
    );
    for markup in ["**", "> ", "# ", "*BELÉM"] {
        assert!(!article.text.contains(markup), "{markup:?} in the text");
    }
    assert!(article.text.starts_with("Lula da Silva calls for"));
    assert!(
        article
            .text
            .contains("\n\nBELÉM, Brazil — Brazilian President Luiz Inácio Lula da Silva opened")
    );
    assert!(
        article
            .text
            .contains("\n\n“We did not come here to sign another letter")
    );
}

#[test]
fn gloss_extract_reads_the_bold_name_as_one_mention() {
    let output = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("extract")
        .arg(seed_path())
        .output()
        .expect("run gloss");
    assert!(output.status.success(), "{output:?}");
    let doc: Document = serde_json::from_slice(&output.stdout).expect("a document");
    let mentions: Vec<&str> = doc
        .actors
        .iter()
        .flat_map(|a| &a.mentions)
        .map(|m| m.text.as_str())
        .collect();
    assert!(
        mentions.contains(&"Luiz Inácio Lula da Silva"),
        "{mentions:?}"
    );
    assert!(!mentions.contains(&"Luiz Inácio"), "{mentions:?}");
    let sources: Vec<&str> = doc
        .claims
        .iter()
        .filter_map(|c| c.source.as_ref())
        .map(|s| s.text.as_str())
        .collect();
    assert!(
        sources.contains(&"Brazilian President Luiz Inácio Lula da Silva"),
        "{sources:?}"
    );
    assert!(
        doc.claims.iter().all(|c| !c.content.text.starts_with('>')),
        "a claim starts with the quote marker"
    );
}

/// Pieces of Markdown syntax, HTML, entities, control characters and words, to be strung
/// together at random.
const PIECES: &[&str] = &[
    "# ",
    "## ",
    "> ",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "~~~",
    "    ",
    "- ",
    "1. ",
    "- [ ] ",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](u)",
    "[^1]",
    "[^1]: ",
    "[r]: http://x",
    "<div>",
    "</div>",
    "<br>",
    "<!--",
    "-->",
    "<script>",
    "&amp;",
    "&#27;",
    "&#0;",
    "&#13;",
    "&bogus;",
    "|",
    "|---|",
    "---",
    "===",
    "\\",
    "  \n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{1b}",
    "\u{0}",
    "\u{feff}",
    "\u{202e}",
    "word",
    "Lula",
    " ",
    "“",
    "é",
    "$x$",
];

fn markdownish() -> impl Strategy<Value = String> {
    proptest::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|p| p.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..300).prop_map(|c| c.into_iter().collect())
}

/// Rendering never panics and adds no control character of its own: any in the text (other
/// than newline and tab) was in the input or came from a numeric character reference; the
/// article made from it has no carriage return, hashes to its sha, and is terminal-safe once
/// sanitized.
fn check_rendering(input: &str) -> Result<(), TestCaseError> {
    let page = markdown::extract(input);
    for c in page.text.chars().chain(page.title.chars()) {
        if c.is_control() && c != '\n' && c != '\t' {
            prop_assert!(
                input.contains(c) || input.contains("&#"),
                "{c:?} from nowhere in {input:?}"
            );
        }
    }
    let article = from_md("m", "m.md", input);
    prop_assert!(!article.text.contains('\r'));
    prop_assert_eq!(&article.sha256, &sha256_hex(&article.text));
    prop_assert!(
        !sanitize::for_terminal(&article.text)
            .chars()
            .any(sanitize::is_unsafe)
    );
    prop_assert!(
        !sanitize::one_line(&article.title)
            .chars()
            .any(|c| c.is_control())
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_renders_without_panic_or_new_control_characters(input in any_text()) {
        check_rendering(&input)?;
    }

    #[test]
    fn markdownish_text_renders_without_panic_or_new_control_characters(input in markdownish()) {
        check_rendering(&input)?;
    }
}
