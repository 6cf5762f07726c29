//! The small popups: the edit form, the picker, the unsaved-changes question.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Stylize;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::{cell, centered, fit, put, style, text_field};
use crate::article::sanitize;
use crate::tui::app::App;
use crate::tui::form::{Form, Picker, Value};

fn frame(title: &str, hint: &str, rect: Rect, buf: &mut Buffer) -> Rect {
    Clear.render(rect, buf);
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(style::border(true))
        .title(Line::from(format!(" {} ", sanitize::one_line(title))).bold());
    if !hint.is_empty() {
        block =
            block.title_bottom(Line::styled(format!(" {hint} "), style::label()).right_aligned());
    }
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// Draws the form; returns where the cursor of its focused text field is.
pub fn form(form: &Form, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let rect = centered(area, 80, form.fields.len() as u16 + 4);
    let hint = if rect.width >= 78 {
        "Enter save (actor: pick) · Ctrl-s save · Tab next · ←→ move/choose · Esc"
    } else {
        "Enter · Tab · ←→ · Esc"
    };
    let inner = frame(&form.title, hint, rect, buf);
    let width = usize::from(inner.width);
    put(
        buf,
        inner,
        0,
        &Line::styled(
            fit(&sanitize::one_line(&form.context), width),
            style::label(),
        ),
    );
    let mut cursor = None;
    for (row, field) in form.fields.iter().enumerate() {
        let focused = row == form.focus;
        let marker = if focused { "› " } else { "  " };
        let label_style = if focused {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            style::label()
        };
        let room = width.saturating_sub(LABEL_COLUMNS);
        let value: Vec<Span> = match &field.value {
            Value::Text(input) if focused => {
                let (spans, col) = text_field(input, room);
                cursor = col.and_then(|c| cell(inner, LABEL_COLUMNS + c, row as u16 + 1));
                spans
            }
            Value::Text(input) => vec![Span::raw(fit(&sanitize::one_line(input.text()), room))],
            Value::Choice { options, at } => {
                let current = options.get(*at).copied().unwrap_or("");
                vec![
                    Span::styled("‹ ", style::label()),
                    Span::styled(current, Style::new().add_modifier(Modifier::BOLD)),
                    Span::styled(" ›", style::label()),
                ]
            }
            Value::Actor { label, .. } => vec![
                Span::raw(fit(&sanitize::one_line(label), room.saturating_sub(14))),
                Span::styled(if focused { "  Enter: pick" } else { "" }, style::label()),
            ],
        };
        let mut spans = vec![
            Span::raw(marker),
            Span::styled(format!("{:<12}", field.label), label_style),
        ];
        spans.extend(value);
        put(buf, inner, row as u16 + 1, &Line::from(spans));
    }
    cursor
}

/// The columns before a form's values: the focus marker and the label.
const LABEL_COLUMNS: usize = 14;

/// Draws the picker; returns where the cursor of its filter is.
pub fn picker(picker: &Picker, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let matches = picker.matches();
    let rows = (matches.len() as u16).clamp(1, 12);
    // The selected text the choice is for, on a line of its own above the query.
    let above = u16::from(!picker.context.is_empty());
    let rect = centered(area, 64, rows + 4 + above);
    let inner = frame(
        &picker.title,
        "type to filter · ↑↓ · Enter · Esc",
        rect,
        buf,
    );
    let width = usize::from(inner.width);
    if above > 0 {
        put(
            buf,
            inner,
            0,
            &Line::styled(
                fit(&sanitize::one_line(&picker.context), width),
                style::label(),
            ),
        );
    }
    let prompt = "> ";
    let (field, col) = text_field(&picker.query, width.saturating_sub(prompt.len()));
    let mut query = vec![Span::styled(prompt, Style::new().fg(Color::Cyan))];
    query.extend(field);
    put(buf, inner, above, &Line::from(query));
    let cursor = col.and_then(|c| cell(inner, prompt.len() + c, above));
    // The list starts under the query.
    let inner = Rect {
        y: inner.y + above,
        height: inner.height.saturating_sub(above),
        ..inner
    };
    let list_rows = usize::from(inner.height.saturating_sub(1));
    if list_rows == 0 {
        return cursor;
    }
    let selected = picker.selected.min(matches.len().saturating_sub(1));
    let top = selected.saturating_sub(list_rows - 1);
    if matches.is_empty() {
        // Nothing typed and nothing to offer (no tags in use yet): not "nothing matches".
        let empty = match picker.new_label {
            Some(label) if picker.query.text().trim().is_empty() => format!("  type the {label}"),
            _ => "  nothing matches".to_string(),
        };
        put(buf, inner, 1, &Line::styled(empty, style::label()));
    }
    for (row, choice) in matches.iter().enumerate().skip(top).take(list_rows) {
        let is_sel = row == selected;
        let st = if is_sel {
            style::selected_row(true)
        } else {
            Style::new()
        };
        let y = (row - top) as u16 + 1;
        if is_sel {
            buf.set_style(Rect::new(inner.x, inner.y + y, inner.width, 1), st);
        }
        let label = fit(
            &choice.label,
            width.saturating_sub(4 + choice.detail.len().min(30)),
        );
        let line = Line::from(vec![
            Span::raw(if is_sel { "› " } else { "  " }),
            Span::raw(label),
            Span::raw("  "),
            Span::styled(fit(&choice.detail, 30), style::label()),
        ])
        .style(st);
        put(buf, inner, y, &line);
    }
    cursor
}

pub fn confirm_quit(app: &App, area: Rect, buf: &mut Buffer) {
    let dirty = app.slots.iter().flatten().filter(|s| s.is_dirty()).count();
    let rect = centered(area, 56, 5);
    let inner = frame("Unsaved changes", "", rect, buf);
    let what = if dirty == 1 {
        "1 article has unsaved changes.".to_string()
    } else {
        format!("{dirty} articles have unsaved changes.")
    };
    put(buf, inner, 0, &Line::raw(what));
    put(
        buf,
        inner,
        2,
        &Line::from(vec![
            Span::styled(
                "y",
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            ),
            Span::raw(" save and quit   "),
            Span::styled(
                "n",
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            ),
            Span::raw(" quit without saving   "),
            Span::styled(
                "Esc",
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            ),
            Span::raw(" stay"),
        ]),
    );
}

pub fn recover(path: &std::path::Path, area: Rect, buf: &mut Buffer) {
    let rect = centered(area, 72, 9);
    let inner = frame("Unsaved work found", "", rect, buf);
    let key = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
    let lines = vec![
        Line::raw("An earlier session ended without saving this article's annotations."),
        Line::styled(
            sanitize::one_line(&path.display().to_string()).into_owned(),
            style::label(),
        ),
        Line::raw(""),
        Line::from(vec![
            Span::styled("r", key),
            Span::raw(" restore that work   "),
            Span::styled("d", key),
            Span::raw(" discard it and keep the saved annotations"),
        ]),
    ];
    ratatui::widgets::Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: true })
        .render(inner, buf);
}
