//! The article pane: only the visual lines on screen are styled, whatever the article's size.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Margin;
use ratatui::style::Stylize;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use super::style;
use super::{fit, put};
use crate::article::sanitize;
use crate::tui::app::{App, Focus, Mark, Role};
use crate::tui::geometry::Screen;
use crate::tui::layout::{self, shown};

pub fn render(app: &App, screen: &Screen, buf: &mut Buffer) {
    let area = screen.article;
    let article = app.article();
    let text = &article.text;
    let lines = app.lines(area.width);
    let slot = app.slot();
    let height = usize::from(area.height);
    let top = slot.map_or(0, |s| layout::line_of(&lines, s.view.scroll));
    let last_top = lines.len().saturating_sub(height);
    let percent = (top.min(last_top) * 100)
        .checked_div(last_top)
        .unwrap_or(100);
    let title = if article.title.is_empty() {
        article.id.as_str()
    } else {
        article.title.as_str()
    };
    let title_width = usize::from(screen.article_block.width.saturating_sub(4));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(style::border(
            app.focus == Focus::Article && app.popups.is_empty(),
        ))
        .title(
            Line::from(format!(
                " {} ",
                fit(&sanitize::one_line(title), title_width)
            ))
            .bold(),
        )
        .title_bottom(
            Line::from(format!(" {}/{} · {percent}% ", top + 1, lines.len())).right_aligned(),
        );
    block.render(screen.article_block, buf);
    if area.width == 0 || area.height == 0 {
        return;
    }
    let visible = &lines[top.min(lines.len())..(top + height).min(lines.len())];
    let (Some(first), Some(last)) = (visible.first(), visible.last()) else {
        return;
    };
    let window = first.start..last.end + 1;
    let marks: Vec<Mark> = slot.map_or_else(Vec::new, |s| s.marks_in(window.clone()).to_vec());
    let chosen: Vec<Range<usize>> = match (app.selected(), slot) {
        (Some((kind, i)), Some(s)) => s
            .ranges_of(text, kind, i)
            .into_iter()
            .filter(|r| r.start < window.end && r.end > window.start)
            .collect(),
        _ => Vec::new(),
    };
    let matches: &[Range<usize>] = app.search.as_ref().map_or(&[], |s| {
        let from = s.matches.partition_point(|m| m.end <= window.start);
        let to = s.matches.partition_point(|m| m.start < window.end);
        &s.matches[from..to.max(from)]
    });
    let current_match = app
        .search
        .as_ref()
        .and_then(|s| s.matches.get(s.current))
        .cloned();
    let show_cursor = app.focus == Focus::Article;
    let cursor = slot.map_or(usize::MAX, |s| s.view.cursor);
    let selection = app.selection();
    // A plain-text article repeats its title as the first line: show it as a heading.
    let heading_end = if !article.title.is_empty() && text.starts_with(article.title.as_str()) {
        article.title.len()
    } else {
        0
    };
    for (row, line) in visible.iter().enumerate() {
        let line_marks: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.start < line.end.max(line.start + 1) && m.end > line.start)
            .collect();
        let style_at = |b: usize| {
            let mut s = Style::new();
            if b < heading_end {
                s = s.add_modifier(Modifier::BOLD);
            }
            for m in line_marks.iter().filter(|m| m.start <= b && b < m.end) {
                s = match m.role {
                    Role::Mention(i) | Role::Source(Some(i)) => {
                        match slot.and_then(|s| s.doc.actors.get(i)) {
                            Some(a) => s.fg(style::actor(&a.id)),
                            None => s,
                        }
                    }
                    Role::Source(None) => s.add_modifier(Modifier::BOLD),
                    Role::Cue => s.patch(style::cue()),
                    Role::Content => s.patch(style::content()),
                    Role::Evidence => s.patch(style::evidence()),
                };
            }
            if chosen.iter().any(|r| r.contains(&b)) {
                s = s.patch(style::selected_span());
            }
            if let Some(m) = matches.iter().find(|m| m.contains(&b)) {
                s = s.patch(style::search_match(current_match.as_ref() == Some(m)));
            }
            if selection.as_ref().is_some_and(|r| r.contains(&b)) {
                s = s.patch(style::text_selection());
            }
            if show_cursor && b == cursor {
                s = style::cursor();
            }
            s
        };
        let slice = &text[line.start..line.end];
        let mut spans: Vec<Span> = Vec::new();
        let mut run = String::new();
        let mut run_style = Style::new();
        for (i, c) in slice.char_indices() {
            let st = style_at(line.start + i);
            if st != run_style && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_style = st;
            run.push(shown(c));
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style));
        }
        // The cursor on a line break or at the very end shows after the line's text.
        let next_start = lines.get(top + row + 1).map_or(usize::MAX, |l| l.start);
        if show_cursor && cursor == line.end && cursor < next_start {
            spans.push(Span::styled(" ", style::cursor()));
        }
        let shown_line = Line::from(spans);
        // Every character went through `shown`, the per-character form of `for_terminal`.
        debug_assert!(!shown_line.to_string().chars().any(sanitize::is_unsafe));
        put(buf, area, row as u16, &shown_line);
    }
    if lines.len() > height {
        let mut state = ScrollbarState::new(last_top)
            .position(top)
            .viewport_content_length(height);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .thumb_style(style::border(true))
            .track_style(style::label())
            .render(
                screen.article_block.inner(Margin::new(0, 1)),
                buf,
                &mut state,
            );
    }
}
