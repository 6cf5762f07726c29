//! The visible text of an HTML article: what a reader sees, with block elements as paragraph
//! breaks. Parsing is html5ever's (through `scraper`), so broken markup reads as a browser would
//! read it; the tree is walked iteratively, so deep nesting cannot overflow the stack.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never part of the article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside",
    "iframe", "svg", "math", "canvas", "form", "button", "select", "textarea", "object", "embed",
    "video", "audio", "picture", "dialog",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// An HTML page read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlText {
    /// The first `<h1>`, else `<title>`; empty when neither has text.
    pub title: String,
    /// Paragraphs separated by a blank line; `<br>` is a line break.
    pub text: String,
}

/// The title and visible text of an HTML document. The text comes from the first `<article>`,
/// else `<main>`, else the whole body.
pub fn extract(html: &str) -> HtmlText {
    let document = Html::parse_document(html);
    let title = first_text(&document, "h1")
        .or_else(|| first_text(&document, "title"))
        .unwrap_or_default();
    let root = ["article", "main", "body"]
        .iter()
        .find_map(|name| first_element(&document, name))
        .unwrap_or_else(|| document.root_element());
    HtmlText {
        title,
        text: visible_text(root),
    }
}

fn first_element<'a>(document: &'a Html, name: &str) -> Option<ElementRef<'a>> {
    let selector = Selector::parse(name).ok()?;
    document.select(&selector).next()
}

fn first_text(document: &Html, name: &str) -> Option<String> {
    let selector = Selector::parse(name).ok()?;
    document
        .select(&selector)
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

/// HTML whitespace collapsed to single spaces, trimmed.
pub(super) fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds paragraphs from text nodes: runs of HTML whitespace become one space, block
/// boundaries become a blank line, and `<pre>` keeps its text as written. Markdown
/// ([`super::markdown`]) builds its text with it too, so both formats read alike.
#[derive(Debug, Default)]
pub(super) struct Builder {
    out: String,
    /// A block boundary was crossed since the last text.
    pending_break: bool,
    /// A `<br>` since the last text.
    pending_newlines: usize,
    /// Whitespace since the last text, inside a paragraph.
    pending_space: bool,
}

impl Builder {
    /// A block boundary: the next text starts a new paragraph.
    pub(super) fn block_break(&mut self) {
        self.pending_break = true;
    }

    /// A line break (`<br>`) before the next text.
    pub(super) fn line_break(&mut self) {
        self.pending_newlines += 1;
    }

    /// Text as it is, after any pending break, with no space before it.
    pub(super) fn push_literal(&mut self, text: &str) {
        self.flush_breaks();
        self.out.push_str(text);
        self.pending_space = false;
    }

    /// The text built, without trailing whitespace.
    pub(super) fn finish(mut self) -> String {
        let end = self.out.trim_end().len();
        self.out.truncate(end);
        self.out
    }

    /// Text: in a paragraph, runs of ASCII whitespace become one space; `pre` keeps it as is.
    pub(super) fn push_text(&mut self, text: &str, pre: bool) {
        if pre {
            if text.is_empty() {
                return;
            }
            self.flush_breaks();
            self.out.push_str(text);
            return;
        }
        for (i, word) in text.split_ascii_whitespace().enumerate() {
            if i > 0 || text.starts_with(|c: char| c.is_ascii_whitespace()) {
                self.pending_space = true;
            }
            self.flush_breaks();
            if self.pending_space && !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
            self.pending_space = false;
            self.out.push_str(word);
        }
        if text.ends_with(|c: char| c.is_ascii_whitespace()) {
            self.pending_space = true;
        }
    }

    fn flush_breaks(&mut self) {
        if self.out.is_empty() {
            self.pending_break = false;
            self.pending_newlines = 0;
            return;
        }
        if self.pending_break {
            let trimmed = self.out.trim_end_matches([' ', '\n']).len();
            self.out.truncate(trimmed);
            self.out.push_str("\n\n");
            self.pending_space = false;
        } else if self.pending_newlines > 0 {
            for _ in 0..self.pending_newlines {
                self.out.push('\n');
            }
            self.pending_space = false;
        }
        self.pending_break = false;
        self.pending_newlines = 0;
    }
}

fn visible_text(root: ElementRef<'_>) -> String {
    let mut builder = Builder::default();
    let mut skip_depth = 0usize;
    let mut pre_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    if skip_depth > 0 || DROPPED.contains(&name) || is_hidden(element) {
                        skip_depth += 1;
                        continue;
                    }
                    if name == "br" {
                        builder.line_break();
                    } else if BLOCKS.contains(&name) {
                        builder.block_break();
                    }
                    if name == "pre" {
                        pre_depth += 1;
                    }
                }
                Node::Text(text) if skip_depth == 0 => builder.push_text(text, pre_depth > 0),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    let name = element.name();
                    if BLOCKS.contains(&name) {
                        builder.block_break();
                    }
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    builder.finish()
}

/// Elements a browser would not show: `hidden`, `aria-hidden="true"`, `display:none`.
fn is_hidden(element: &scraper::node::Element) -> bool {
    element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || element.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_inline_text_joins() {
        let page = extract("<p>One <b>bold</b>\n  word.</p><p>Two</p><div>Three<br>four</div>");
        assert_eq!(page.text, "One bold word.\n\nTwo\n\nThree\nfour");
    }

    #[test]
    fn drops_scripts_navigation_and_hidden_elements() {
        let page = extract(
            "<html><head><title>T</title><style>p{}</style></head><body><nav>Home</nav>\
             <header>Site</header><p>Body <script>var x=1;</script>text.</p>\
             <p hidden>secret</p><aside>Ad</aside><footer>(c)</footer></body></html>",
        );
        assert_eq!(page.text, "Body text.");
        assert_eq!(page.title, "T");
    }

    #[test]
    fn prefers_h1_then_title_and_the_article_element() {
        let page = extract(
            "<title>Site | Story</title><body><p>menu</p><article><h1>Story</h1>\
             <p>Text &amp; more.</p></article></body>",
        );
        assert_eq!(page.title, "Story");
        assert_eq!(page.text, "Story\n\nText & more.");
    }

    #[test]
    fn pre_keeps_its_whitespace() {
        let page = extract("<p>a</p><pre>x  y\n z</pre>");
        assert_eq!(page.text, "a\n\nx  y\n z");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(20_000) + "deep";
        assert_eq!(extract(&html).text, "deep");
    }
}
