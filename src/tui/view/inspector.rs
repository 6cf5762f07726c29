//! The inspector: every field of the selected item, the rule that made it and its confidence.

use ratatui::buffer::Buffer;
use ratatui::style::Stylize;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::style;
use crate::article::sanitize;
use crate::edit::Item;
use crate::model::{Document, Meta, Span as TextSpan};
use crate::tui::app::App;
use crate::tui::geometry::Screen;

pub fn render(app: &App, screen: &Screen, buf: &mut Buffer) {
    if screen.inspector_block.height == 0 {
        return;
    }
    let item = app.selected_item();
    let title = match &item {
        Some(item) => format!(" {} {} ", item.kind().as_str(), item.id()),
        None => " Inspector ".to_string(),
    };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(style::border(false))
        .title(Line::from(title).bold())
        .render(screen.inspector_block, buf);
    let (Some(item), Some(slot)) = (item, app.slot()) else {
        return;
    };
    let area = screen.inspector;
    let mut row = 0;
    for line in describe(&slot.doc, &item) {
        for piece in hang(line, usize::from(area.width)) {
            super::put(buf, area, row, &piece);
            row += 1;
        }
    }
}

/// Width of the field names column.
const LABEL: usize = 11;

/// A field line wrapped at `width`, continuation lines indented under the value.
fn hang(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    if line.width() <= width || width <= LABEL + 8 {
        return vec![line];
    }
    let mut spans = line.spans.into_iter();
    let label = spans.next().unwrap_or_default();
    let value: Vec<Span<'static>> = spans.collect();
    let text: String = value.iter().map(|s| s.content.as_ref()).collect();
    let style = value.first().map(|s| s.style).unwrap_or_default();
    let pieces = crate::tui::layout::wrap(&text, width - LABEL);
    pieces
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let head = if i == 0 {
                label.clone()
            } else {
                Span::raw(" ".repeat(LABEL))
            };
            Line::from(vec![
                head,
                Span::styled(text[p.start..p.end].to_string(), style),
            ])
        })
        .collect()
}

fn field<'a>(name: &str, value: impl Into<Span<'a>>) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{name:<LABEL$}"), style::label()),
        value.into(),
    ])
}

fn quoted(span: &TextSpan) -> Span<'static> {
    let mark = if span.orphaned { " (not found)" } else { "" };
    Span::raw(format!(
        "“{}” {}–{}{mark}",
        sanitize::one_line(&span.text),
        span.start,
        span.end
    ))
}

fn none() -> Span<'static> {
    Span::styled("—", style::label())
}

fn actor_ref(doc: &Document, id: Option<&str>) -> Span<'static> {
    match id {
        None => none(),
        Some(id) => match doc.actors.iter().position(|a| a.id == id) {
            Some(i) => Span::styled(
                format!("{} ({id})", sanitize::one_line(&doc.actors[i].name)),
                Style::new().fg(style::actor(id)),
            ),
            None => Span::raw(format!("{id} (unknown)")),
        },
    }
}

fn meta_lines(meta: &Meta, out: &mut Vec<Line<'static>>) {
    let rule = meta.rule.clone().unwrap_or_else(|| "—".into());
    out.push(field(
        "rule",
        Span::raw(sanitize::one_line(&rule).into_owned()),
    ));
    out.push(field(
        "confidence",
        meta.confidence
            .map_or_else(none, |c| Span::raw(format!("{c:.2}"))),
    ));
    out.push(field(
        "tags",
        if meta.tags.is_empty() {
            none()
        } else {
            Span::raw(sanitize::one_line(&meta.tags.join(", ")).into_owned())
        },
    ));
    out.push(field(
        "note",
        if meta.note.is_empty() {
            none()
        } else {
            Span::raw(sanitize::one_line(&meta.note).into_owned())
        },
    ));
}

/// The lines describing `item`.
pub fn describe(doc: &Document, item: &Item) -> Vec<Line<'static>> {
    let meta = item.meta();
    let (sym, st) = style::review(meta);
    let unsure = if meta.is_unsure() { ", unsure" } else { "" };
    let mut out = vec![field(
        "status",
        Span::styled(
            format!("{sym} {}{unsure}", meta.status.as_str()),
            st.add_modifier(Modifier::BOLD),
        ),
    )];
    match item {
        Item::Actor(a) => {
            out.push(field(
                "name",
                Span::styled(
                    sanitize::one_line(&a.name).into_owned(),
                    Style::new()
                        .fg(style::actor(&a.id))
                        .add_modifier(Modifier::BOLD),
                ),
            ));
            out.push(field("kind", a.kind.as_str()));
            out.push(field(
                "role",
                a.role
                    .as_deref()
                    .map_or_else(none, |r| Span::raw(sanitize::one_line(r).into_owned())),
            ));
            out.push(field(
                "aliases",
                if a.aliases.is_empty() {
                    none()
                } else {
                    Span::raw(sanitize::one_line(&a.aliases.join(", ")).into_owned())
                },
            ));
            let claims = doc
                .claims
                .iter()
                .filter(|c| c.actor.as_deref() == Some(&a.id))
                .count();
            let stances = doc.stances.iter().filter(|s| s.actor == a.id).count();
            out.push(field(
                "mentions",
                Span::raw(format!(
                    "{} · {claims} claims · {stances} stances",
                    a.mentions.len()
                )),
            ));
            for m in a.mentions.iter().take(4) {
                out.push(field("", quoted(m)));
            }
        }
        Item::Claim(c) => {
            out.push(field("speaker", actor_ref(doc, c.actor.as_deref())));
            out.push(field("source", c.source.as_ref().map_or_else(none, quoted)));
            out.push(field("cue", c.cue.as_ref().map_or_else(none, quoted)));
            out.push(field("content", quoted(&c.content)));
            out.push(field("kind", c.kind.as_str()));
        }
        Item::Stance(s) => {
            out.push(field("actor", actor_ref(doc, Some(&s.actor))));
            out.push(field(
                "target",
                Span::raw(sanitize::one_line(&s.target).into_owned()),
            ));
            out.push(field(
                "polarity",
                Span::styled(s.polarity.as_str(), style::polarity(s.polarity)),
            ));
            out.push(field(
                "evidence",
                s.evidence.as_ref().map_or_else(none, quoted),
            ));
            out.push(field("claim", s.claim.clone().map_or_else(none, Span::raw)));
        }
    }
    meta_lines(meta, &mut out);
    out
}
