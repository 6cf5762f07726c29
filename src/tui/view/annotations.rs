//! The annotation pane: actors, claims and stances, one list at a time under tab titles; a
//! list filtered by a tag shows only the items with it, and says so in its title.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use unicode_width::UnicodeWidthStr;

use super::style;
use super::{fit, put};
use crate::article::sanitize;
use crate::edit::Kind;
use crate::model::{Document, Meta, Stance, Status};
use crate::tui::app::{App, Focus, tab_index};
use crate::tui::geometry::Screen;

pub fn render(app: &App, screen: &Screen, buf: &mut Buffer) {
    if screen.lists_block.height == 0 {
        return;
    }
    let focused = app.focus == Focus::List && app.popups.is_empty();
    let doc = app.slot().map(|s| &s.doc);
    let filter = app.slot().and_then(|s| s.filter(app.tab));
    let tabs: Vec<Span> = app
        .tab_titles(screen.lists_block.width)
        .into_iter()
        .flat_map(|(k, title)| {
            // Filtered lists are yellow: the one shown on yellow, the others in yellow.
            let filtered = app.slot().and_then(|s| s.filter(k)).is_some();
            let st = match (k == app.tab, filtered) {
                (true, true) => Style::new()
                    .fg(ratatui::style::Color::Black)
                    .bg(ratatui::style::Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                (true, false) => Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
                (false, true) => Style::new().fg(ratatui::style::Color::Yellow),
                (false, false) => style::label(),
            };
            [Span::styled(title, st), Span::raw(" ")]
        })
        .collect();
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(style::border(focused))
        .title(Line::from(tabs));
    if filter.is_some() {
        // How to see the whole list again, where the eye goes after the last row.
        let all = format!(" {}: all {}s ", app.clear_keys(), app.tab.as_str());
        block = block.title_bottom(Line::styled(all, style::label()).right_aligned());
    }
    block.render(screen.lists_block, buf);
    let area = screen.list;
    let (Some(doc), Some(slot)) = (doc, app.slot()) else {
        // Extraction runs off the UI thread: the text can be read meanwhile.
        let line = Line::styled(
            fit(
                " opening: reading or extracting the annotations…",
                usize::from(area.width),
            ),
            style::label(),
        );
        put(buf, area, 0, &line);
        return;
    };
    let rows = slot.rows(app.tab);
    if rows.is_empty() {
        let what = match (filter, app.tab) {
            (Some(tag), kind) => format!(
                "No {} has the tag “{}” now. {} shows them all.",
                kind.as_str(),
                sanitize::one_line(tag),
                app.clear_keys()
            ),
            (None, Kind::Actor) => {
                "No actors yet. In the article (Tab), put the cursor on a name, \
                 or select it with v, and press m."
                    .to_string()
            }
            (None, Kind::Claim) => {
                "No claims yet. In the article (Tab), select what is said with v and press c."
                    .to_string()
            }
            (None, Kind::Stance) => {
                "No stances yet. In the article (Tab), select the evidence with v and press s."
                    .to_string()
            }
        };
        let pieces = crate::tui::layout::wrap(&what, usize::from(area.width));
        for (row, piece) in pieces.iter().enumerate().take(usize::from(area.height)) {
            let line = Line::styled(&what[piece.start..piece.end], style::label());
            put(buf, area, row as u16, &line);
        }
        return;
    }
    let tab = tab_index(app.tab);
    let top = slot.view.top[tab].min(rows.len().saturating_sub(1));
    let width = usize::from(area.width);
    for (row, &i) in (0..area.height).zip(&rows[top..]) {
        let selected = i == slot.view.sel[tab];
        let mut line = row_line(doc, app.tab, i, width);
        if selected {
            line = line.style(style::selected_row(focused));
            buf.set_style(
                ratatui::layout::Rect::new(area.x, area.y + row, area.width, 1),
                style::selected_row(focused),
            );
        }
        put(buf, area, row, &line);
    }
}

fn status_span(meta: &Meta) -> Span<'static> {
    let (sym, st) = style::review(meta);
    Span::styled(format!("{sym} "), st)
}

fn actor_name(doc: &Document, id: Option<&str>) -> (String, Style) {
    match id.and_then(|id| doc.actors.iter().position(|a| a.id == id)) {
        Some(i) => (
            sanitize::one_line(&doc.actors[i].name).into_owned(),
            Style::new().fg(style::actor(&doc.actors[i].id)),
        ),
        None => match id {
            Some(id) => (id.to_string(), style::label()),
            None => ("—".to_string(), style::label()),
        },
    }
}

/// The narrowest evidence a stance row shows after its polarity, in columns.
const MIN_EVIDENCE: usize = 8;

/// One row of a list.
fn row_line(doc: &Document, kind: Kind, i: usize, width: usize) -> Line<'static> {
    let (meta, mut spans) = match kind {
        Kind::Actor => {
            let a = &doc.actors[i];
            let count = format!(" {}", a.mentions.len());
            let kind = format!(" {}", a.kind.as_str());
            let room = width.saturating_sub(2 + count.len() + kind.len());
            let name = fit(&sanitize::one_line(&a.name), room);
            let pad = room.saturating_sub(name.width());
            (
                &a.meta,
                vec![
                    Span::styled(name, Style::new().fg(style::actor(&a.id))),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(kind, style::label()),
                    Span::raw(count),
                ],
            )
        }
        Kind::Claim => {
            let c = &doc.claims[i];
            let (who, st) = match (&c.actor, &c.source) {
                // Unresolved speakers are shown by their words ("a source", "officials").
                (None, Some(source)) => (
                    sanitize::one_line(source.text.trim()).into_owned(),
                    style::label(),
                ),
                _ => actor_name(doc, c.actor.as_deref()),
            };
            let who = fit(&who, (width * 2 / 5).clamp(6, 18));
            let room = width.saturating_sub(4 + who.width());
            let what = fit(&sanitize::one_line(c.content.text.trim()), room);
            (
                &c.meta,
                vec![Span::styled(who, st), Span::raw(": "), Span::raw(what)],
            )
        }
        Kind::Stance => {
            let s = &doc.stances[i];
            let (who, st) = actor_name(doc, Some(&s.actor));
            let who = fit(&who, (width * 2 / 5).clamp(6, 18));
            let pol = format!(" {}", s.polarity.as_str());
            let mut room = width.saturating_sub(5 + who.width() + pol.len());
            let target = if s.target.is_empty() {
                "(no target)".to_string()
            } else {
                sanitize::one_line(&s.target).into_owned()
            };
            // What the target leaves of its room shows the evidence, so two stances alike
            // in actor, target and polarity ("Poland → Ukraine support", from two
            // sentences) tell apart. Where the evidence has no room, such twins are
            // numbered in text order instead: "Poland → Ukraine support #2".
            let twin = |t: &&Stance| {
                t.actor == s.actor && t.target == s.target && t.polarity == s.polarity
            };
            let mark = if room.saturating_sub(target.width() + 2) < MIN_EVIDENCE
                && doc.stances.iter().filter(twin).nth(1).is_some()
            {
                let nth = doc.stances[..i].iter().filter(twin).count() + 1;
                format!(" #{nth}")
            } else {
                String::new()
            };
            room = room.saturating_sub(mark.len());
            let mut spans = vec![Span::styled(who, st)];
            let mut left = 0;
            if room >= 4 {
                let target = fit(&target, room);
                left = room.saturating_sub(target.width() + 2);
                spans.push(Span::styled(" → ", style::label()));
                spans.push(Span::raw(target));
            }
            spans.push(Span::styled(pol, style::polarity(s.polarity)));
            if !mark.is_empty() {
                spans.push(Span::styled(mark, style::label()));
            } else if left >= MIN_EVIDENCE
                && let Some(evidence) = &s.evidence
            {
                let evidence = fit(&sanitize::one_line(evidence.text.trim()), left - 2);
                spans.push(Span::styled(format!("  “{evidence}”"), style::label()));
            }
            (&s.meta, spans)
        }
    };
    if meta.status == Status::Rejected {
        spans = spans
            .into_iter()
            .map(|s| {
                let st = s
                    .style
                    .patch(style::dim())
                    .fg(ratatui::style::Color::DarkGray);
                s.style(st)
            })
            .collect();
    }
    spans.insert(0, status_span(meta));
    Line::from(spans)
}
