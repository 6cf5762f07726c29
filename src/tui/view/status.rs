//! The two bottom lines: a message, search or legend line, and the status bar.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::style;
use super::{cell, fit, put, text_field};
use crate::article::sanitize;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Popup};
use crate::tui::input::TextInput;
use crate::tui::keymap::Mode;

/// Draws the message line: the search being typed, a message, what a selection can become or
/// the colour legend. Returns where the search line's cursor is while a search is typed.
pub fn render_message(
    app: &App,
    screen: &crate::tui::geometry::Screen,
    buf: &mut Buffer,
) -> Option<Position> {
    let area = screen.message;
    if area.height == 0 {
        return None;
    }
    if matches!(app.popups.last(), Some(Popup::Search)) {
        return render_search(app, area, buf);
    }
    let line = if let Some(message) = &app.message {
        render_long_message(message, screen, buf);
        return None;
    } else if app.selection().is_some() {
        Line::from(vec![
            Span::styled(" selecting ", style::text_selection()),
            Span::styled(
                "  m mention · c claim · s stance · C cue · o source of the selected claim · v/Esc drops",
                style::label(),
            ),
        ])
    } else {
        legend(app.focus == Focus::Article, usize::from(area.width))
    };
    put(buf, area, 0, &line);
    None
}

/// The fewest columns the search line gives the query: a narrower line drops the keys, then
/// the count of matches, rather than squeeze the query.
const SEARCH_ROOM: usize = 16;

/// The search line: "/", the query around its cursor, then the count of matches and the keys,
/// as many of those as fit whole.
fn render_search(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let empty = TextInput::default();
    let (query, n) = app
        .search
        .as_ref()
        .map_or((&empty, 0), |s| (&s.query, s.matches.len()));
    let prompt = "/";
    let after = [
        format!("  {n} matches"),
        " · Enter keep".to_string(),
        " · Esc drop".to_string(),
    ];
    let width = usize::from(area.width).saturating_sub(prompt.len());
    // The room the whole hint leaves, else the count alone, else the whole line.
    let room = [after.len(), 1, 0]
        .into_iter()
        .map(|parts| width.saturating_sub(after[..parts].iter().map(|p| p.width()).sum()))
        .find(|&room| room >= SEARCH_ROOM)
        .unwrap_or(width);
    let (field, col) = text_field(query, room);
    let mut line = Line::from(Span::styled(prompt, Style::new().fg(Color::Yellow)));
    line.spans.extend(field);
    for part in after {
        if line.width() + part.width() > usize::from(area.width) {
            break;
        }
        line.spans.push(Span::styled(part, style::label()));
    }
    put(buf, area, 0, &line);
    col.and_then(|c| cell(area, prompt.len() + c, 0))
}

/// The most rows a message takes. A message longer than the line (a file that failed to
/// parse, and where the work goes instead) is wrapped upwards over the bottom of the panes
/// rather than cut: it is gone with the next key, and its end is often what matters most.
const MESSAGE_ROWS: usize = 4;

fn render_long_message(message: &str, screen: &crate::tui::geometry::Screen, buf: &mut Buffer) {
    let area = screen.message;
    let width = usize::from(area.width);
    let text = sanitize::one_line(message);
    let lines = crate::tui::layout::wrap(&text, width);
    // The rows above the message line belong to the panes; the top border stays.
    let above = usize::from(
        area.y
            .saturating_sub(screen.article_block.y.saturating_add(1)),
    );
    let rows = lines.len().clamp(1, MESSAGE_ROWS.min(above + 1));
    let top = area.y - (rows - 1) as u16;
    let rect = Rect::new(area.x, top, area.width, rows as u16);
    Clear.render(rect, buf);
    let style = Style::new().fg(Color::Yellow);
    for (row, line) in lines.iter().take(rows).enumerate() {
        let shown = if row + 1 == rows && lines.len() > rows {
            // Too long even so: the last row ends in "…".
            fit(&text[line.start..], width)
        } else {
            text[line.start..line.end].to_string()
        };
        put(buf, rect, row as u16, &Line::styled(shown, style));
    }
}

/// The keys worth a reminder in the current mode: the review keys where items are reviewed,
/// how to close a popup elsewhere (its own keys are in its border).
fn hints(app: &App) -> Vec<String> {
    let mode = app.mode();
    let hint = |action: Action, what: &str| {
        app.keymap
            .key_for(mode, action)
            .map(|k| format!("{k} {what}"))
    };
    let wanted: &[(Action, &str)] = match mode {
        Mode::Normal | Mode::Article => &[
            (Action::Help, "help"),
            (Action::Accept, "accept"),
            (Action::Reject, "reject"),
            (Action::Undo, "undo"),
            (Action::Save, "save"),
            (Action::Quit, "quit"),
        ],
        Mode::Help | Mode::Matrix | Mode::Form | Mode::Picker => &[(Action::Cancel, "close")],
        // The search line and the two questions list their keys themselves.
        Mode::Search | Mode::Confirm | Mode::Recover => &[],
    };
    wanted
        .iter()
        .filter_map(|(a, what)| hint(*a, what))
        .collect()
}

/// What the marks in the article mean, as many whole entries as fit in `width` columns (the
/// article keys, then the last entries, go first): a legend cut mid-entry misleads.
fn legend(article: bool, width: usize) -> Line<'static> {
    let entries = [
        (
            "Name",
            Style::new().fg(style::actor("a1")),
            " actor mention",
        ),
        ("content", style::content(), " claim"),
        ("said", style::cue(), " cue"),
        ("evidence", style::evidence(), " stance"),
        ("selected", style::selected_span(), " selected item"),
    ];
    const ARTICLE_KEYS: &str = "   w/b word · v select · m/c/s make";
    let mut spans = Vec::new();
    let mut used = 0;
    for (sample, sample_style, label) in entries {
        let gap = if spans.is_empty() { "" } else { "  " };
        let entry_width = gap.width() + sample.width() + label.width();
        if used + entry_width > width {
            break;
        }
        used += entry_width;
        if !gap.is_empty() {
            spans.push(Span::styled(gap, style::label()));
        }
        spans.push(Span::styled(sample, sample_style));
        spans.push(Span::styled(label, style::label()));
    }
    if article && used + ARTICLE_KEYS.width() <= width {
        spans.push(Span::styled(ARTICLE_KEYS, style::label()));
    }
    Line::from(spans)
}

pub fn render_status(app: &App, screen: &crate::tui::geometry::Screen, buf: &mut Buffer) {
    let area = screen.status;
    if area.height == 0 {
        return;
    }
    buf.set_style(area, Style::new().bg(Color::Indexed(235)));
    let mode = match (app.mode(), app.focus) {
        (Mode::Normal, Focus::List) => match app.tab {
            crate::edit::Kind::Actor => "ACTORS",
            crate::edit::Kind::Claim => "CLAIMS",
            crate::edit::Kind::Stance => "STANCES",
        },
        (Mode::Article, _) if app.selection().is_some() => "SELECT",
        (m, _) => match m {
            Mode::Article => "ARTICLE",
            Mode::Help => "HELP",
            Mode::Search => "SEARCH",
            Mode::Form => "EDIT",
            Mode::Picker => "PICK",
            Mode::Confirm => "QUIT?",
            Mode::Recover => "RECOVER?",
            Mode::Matrix => "MATRIX",
            Mode::Normal => "NORMAL",
        },
    };
    // While the article opens there is nothing to review yet: say so, not "0/0".
    let (progress, progress_long) = match app.slot() {
        Some(s) => {
            let (reviewed, total) = s.reviewed();
            let short = format!("{reviewed}/{total}");
            let long = format!("{short} reviewed");
            (short, long)
        }
        None => ("opening…".to_string(), "opening…".to_string()),
    };
    let dirty = app.slot().is_some_and(|s| s.is_dirty());
    let article = app.article();
    let name = if article.title.is_empty() {
        &article.id
    } else {
        &article.title
    };
    let hints = hints(app);
    let width = usize::from(area.width);
    let left_fixed = vec![
        Span::styled(
            format!(" {mode} "),
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
        ),
        Span::raw(format!(" [{}/{}] ", app.current + 1, app.articles.len())),
        if dirty {
            Span::styled("● unsaved ", Style::new().fg(Color::Yellow))
        } else if app
            .slot()
            .is_some_and(|s| s.origin == crate::store::Origin::Saved)
        {
            Span::styled("✓ saved ", style::label())
        } else {
            Span::raw("")
        },
    ];
    let fixed: usize = left_fixed.iter().map(|s| s.width()).sum();
    // As many hints as fit, the first (help) kept longest; at the least the short progress.
    let right = (0..=hints.len())
        .rev()
        .map(|n| {
            std::iter::once(progress_long.clone())
                .chain(hints[..n].iter().cloned())
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .map(|r| format!(" {r} "))
        .find(|r| fixed + r.chars().count() + 12 <= width)
        .unwrap_or_else(|| format!(" {progress} "));
    let right_width = right.chars().count();
    let room = width.saturating_sub(fixed + right_width);
    let mut spans = left_fixed;
    spans.push(Span::styled(
        fit(&sanitize::one_line(name), room),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    put(buf, area, 0, &Line::from(spans));
    if right_width <= width && fixed + right_width <= width {
        let x = area.x + (width - right_width) as u16;
        put(
            buf,
            Rect::new(x, area.y, right_width as u16, 1),
            0,
            &Line::styled(right, style::label()),
        );
    }
}
