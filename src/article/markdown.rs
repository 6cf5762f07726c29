//! The rendered text of a Markdown article: what a reader sees once it is displayed, with the
//! markup gone. Parsing is pulldown-cmark's (CommonMark, with tables, footnotes, strikethrough
//! and task lists; smart punctuation off, so the text's own quotes stay as written). Paragraphs
//! are built as [`super::html`] builds them, so a `.md` and an `.html` article look alike: blocks
//! (paragraphs, headings, block quotes, list items, code blocks, table rows) are separated by a
//! blank line, soft breaks are spaces, hard breaks newlines.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::html::{self, Builder};

/// A Markdown document read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownText {
    /// The first level-1 heading's text; empty when there is none.
    pub title: String,
    /// Paragraphs separated by a blank line; a hard break is a line break.
    pub text: String,
}

/// The extensions the parser understands beyond CommonMark. Smart punctuation stays off.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// The title and rendered text of a Markdown document.
///
/// - Emphasis, strong, strikethrough and links are reduced to their text; an image to its alt
///   text; inline code to its text; entities are decoded.
/// - Code blocks keep their lines as written.
/// - An HTML block is read through [`html::extract`] (its visible text, a paragraph of its own);
///   inline HTML tags are dropped (the text between them stays), except `<br>`, a line break.
/// - Footnote definitions, footnote references, link reference definitions, task list markers
///   and a leading YAML front matter block are not shown.
/// - Table rows are paragraphs, their cells separated by a tab.
pub fn extract(markdown: &str) -> MarkdownText {
    let mut reader = Reader::default();
    for event in Parser::new_ext(markdown, options()) {
        reader.event(event);
    }
    reader.flush_html();
    MarkdownText {
        title: html::collapse(&reader.title.unwrap_or_default()),
        text: reader.builder.finish(),
    }
}

/// The state of one pass over the events.
#[derive(Default)]
struct Reader {
    builder: Builder,
    /// Open tags whose content is not shown (footnote definitions, front matter), with every tag
    /// opened inside them.
    hidden_depth: usize,
    /// Inside a code block.
    code: bool,
    /// The raw HTML of the current HTML block.
    html: String,
    /// The first level-1 heading's text: `Some` from its start on.
    title: Option<String>,
    /// Inside that heading.
    in_title: bool,
    /// Cells already seen in the current table row.
    cells: usize,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        if self.hidden_depth > 0 {
            match event {
                Event::Start(_) => self.hidden_depth += 1,
                Event::End(_) => self.hidden_depth -= 1,
                _ => {}
            }
            return;
        }
        if !matches!(event, Event::Html(_)) {
            self.flush_html();
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                self.title_text(&text);
                self.builder.push_text(&text, self.code);
            }
            Event::Code(text) | Event::InlineMath(text) => {
                self.title_text(&text);
                self.builder.push_text(&text, false);
            }
            Event::DisplayMath(text) => {
                self.builder.block_break();
                self.builder.push_text(&text, true);
                self.builder.block_break();
            }
            Event::Html(raw) => self.html.push_str(&raw),
            Event::InlineHtml(tag) => {
                if is_line_break(&tag) {
                    self.title_text(" ");
                    self.builder.line_break();
                }
            }
            Event::SoftBreak => {
                self.title_text(" ");
                self.builder.push_text(" ", false);
            }
            Event::HardBreak => {
                self.title_text(" ");
                self.builder.line_break();
            }
            Event::Rule => self.builder.block_break(),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => self.hidden_depth = 1,
            Tag::Heading { level, .. } => {
                if level == HeadingLevel::H1 && self.title.is_none() {
                    self.title = Some(String::new());
                    self.in_title = true;
                }
                self.builder.block_break();
            }
            Tag::CodeBlock(_) => {
                self.code = true;
                self.builder.block_break();
            }
            Tag::TableRow | Tag::TableHead => {
                self.cells = 0;
                self.builder.block_break();
            }
            Tag::TableCell => {
                if self.cells > 0 {
                    self.builder.push_literal("\t");
                }
                self.cells += 1;
            }
            Tag::Paragraph
            | Tag::BlockQuote(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_) => self.builder.block_break(),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. } => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.in_title = false;
                self.builder.block_break();
            }
            TagEnd::CodeBlock => {
                self.code = false;
                self.builder.block_break();
            }
            TagEnd::Paragraph
            | TagEnd::BlockQuote(_)
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::MetadataBlock(_)
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow => self.builder.block_break(),
            TagEnd::TableCell
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image => {}
        }
    }

    /// Text that is part of the title heading, when inside it.
    fn title_text(&mut self, text: &str) {
        if self.in_title
            && let Some(title) = &mut self.title
        {
            title.push_str(text);
        }
    }

    /// The HTML block read so far, as its visible text in a paragraph of its own.
    fn flush_html(&mut self) {
        if self.html.is_empty() {
            return;
        }
        let visible = html::extract(&std::mem::take(&mut self.html)).text;
        if !visible.is_empty() {
            self.builder.block_break();
            self.builder.push_literal(&visible);
            self.builder.block_break();
        }
    }
}

/// `<br>`, `<br/>`, `<br />` in any case.
fn is_line_break(tag: &str) -> bool {
    let inner = tag.trim().trim_start_matches('<').trim_end_matches('>');
    let inner = inner.trim_end_matches('/').trim();
    inner.eq_ignore_ascii_case("br")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(markdown: &str) -> String {
        extract(markdown).text
    }

    #[test]
    fn emphasis_strong_strikethrough_and_links_are_reduced_to_their_text() {
        assert_eq!(
            text("President **Lula da Silva** said *no*, ~~yes~~ [twice](http://x.org \"t\")."),
            "President Lula da Silva said no, yes twice."
        );
    }

    #[test]
    fn blocks_read_as_the_same_html_reads() {
        let md = "# Title\n\nOne *para*\nacross lines.\n\n> Quoted\n> words.\n\n- first\n- second\n\n1. third\n\n```\ncode  x\n y\n```\n\n## Sub\n\nLast.";
        let html = "<h1>Title</h1><p>One <em>para</em>\nacross lines.</p>\
                    <blockquote><p>Quoted\nwords.</p></blockquote><ul><li>first</li>\
                    <li>second</li></ul><ol><li>third</li></ol><pre>code  x\n y\n</pre>\
                    <h2>Sub</h2><p>Last.</p>";
        assert_eq!(text(md), html::extract(html).text);
        assert_eq!(
            text(md),
            "Title\n\nOne para across lines.\n\nQuoted words.\n\nfirst\n\nsecond\n\nthird\n\ncode  x\n y\n\nSub\n\nLast."
        );
    }

    #[test]
    fn soft_breaks_are_spaces_and_hard_breaks_are_newlines() {
        assert_eq!(text("one\ntwo  \nthree\\\nfour"), "one two\nthree\nfour");
    }

    #[test]
    fn inline_code_is_kept_as_its_text() {
        assert_eq!(text("Run `gloss  extract` now."), "Run gloss extract now.");
    }

    #[test]
    fn indented_code_keeps_its_lines_without_the_indent() {
        assert_eq!(
            text("Before:\n\n    a  b\n      c\n\nAfter."),
            "Before:\n\na  b\n  c\n\nAfter."
        );
    }

    #[test]
    fn an_image_gives_its_alt_text() {
        assert_eq!(
            text("See ![the *river* bank](r.png) and ![](empty.png)here."),
            "See the river bank and here."
        );
    }

    #[test]
    fn an_html_block_reads_as_its_visible_text() {
        assert_eq!(
            text(
                "Before.\n\n<div class=\"note\">\n<p>Inside &amp; <b>bold</b></p>\n<script>x()</script>\n</div>\n\nAfter."
            ),
            "Before.\n\nInside & bold\n\nAfter."
        );
    }

    #[test]
    fn an_html_comment_block_is_not_shown() {
        assert_eq!(text("A.\n\n<!-- hidden\nnotes -->\n\nB."), "A.\n\nB.");
    }

    #[test]
    fn inline_html_tags_are_dropped_and_br_breaks_the_line() {
        assert_eq!(
            text("A <span class=\"x\">quiet</span> word<br/>next <!-- c --> line"),
            "A quiet word\nnext line"
        );
    }

    #[test]
    fn footnotes_and_reference_definitions_are_not_shown() {
        let md = "He said so[^1] in [the report][r].\n\n[^1]: A note.\n\n[r]: https://example.org \"Report\"\n";
        assert_eq!(text(md), "He said so in the report.");
    }

    #[test]
    fn front_matter_is_not_shown() {
        assert_eq!(text("---\ntitle: X\ndate: 2024\n---\n\nBody."), "Body.");
    }

    #[test]
    fn table_rows_are_paragraphs_with_cells_separated_by_tabs() {
        let md = "| Name | Said |\n|---|---|\n| Lula | *yes* |\n| Petro | no |\n";
        assert_eq!(text(md), "Name\tSaid\n\nLula\tyes\n\nPetro\tno");
    }

    #[test]
    fn task_list_markers_are_not_shown() {
        assert_eq!(text("- [x] done\n- [ ] open"), "done\n\nopen");
    }

    #[test]
    fn quotes_and_dashes_stay_as_written() {
        let md = "\"Straight\" and 'single' -- and ... “curly” — dash";
        assert_eq!(text(md), md);
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            text("AT&amp;T &copy; &#8220;x&#8221; &nbsp;."),
            "AT&T © “x” \u{a0}."
        );
    }

    #[test]
    fn the_title_is_the_first_level_one_heading() {
        let page = extract("## Kicker\n\nIntro.\n\n# The *real*  title #\n\n# Second\n");
        assert_eq!(page.title, "The real title");
    }

    #[test]
    fn a_setext_heading_is_a_title_too() {
        assert_eq!(
            extract("Talks stall\n===========\n\nBody.").title,
            "Talks stall"
        );
    }

    #[test]
    fn without_a_level_one_heading_there_is_no_title() {
        assert_eq!(extract("## Only a kicker\n\nBody.").title, "");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        for md in [
            ">".repeat(50_000) + " deep",
            "- ".repeat(20_000) + "deep",
            "[".repeat(50_000) + "deep",
            "*".repeat(50_000) + "deep",
        ] {
            assert!(text(&md).contains("deep"));
        }
    }
}
