//! The stance matrix popup: actors as rows, targets as columns, one symbol a cell.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::{centered, fit, put, style};
use crate::article::sanitize::one_line;
use crate::stats::{Cell, StanceMatrix};
use crate::tui::app::App;

/// The widest a target's column gets; longer names are cut with "…".
pub const TARGET_WIDTH: usize = 18;
/// The widest the actor column gets.
pub const ACTOR_WIDTH: usize = 24;

/// The colour of a cell's symbol: support green, oppose red, neutral grey, mixed yellow.
pub fn cell_style(cell: Cell) -> Style {
    let colour = match (cell.support > 0, cell.oppose > 0) {
        (true, true) => Color::Yellow,
        (true, false) => Color::Green,
        (false, true) => Color::Red,
        (false, false) => Color::Gray,
    };
    Style::new().fg(colour).add_modifier(Modifier::BOLD)
}

/// The targets shown from `col` on, with their column widths, within `room` columns.
fn visible_columns(matrix: &StanceMatrix, col: usize, room: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut used = 0;
    for (t, name) in matrix.targets.iter().enumerate().skip(col) {
        let width = one_line(name).width().clamp(3, TARGET_WIDTH);
        if used + width + 1 > room && !out.is_empty() {
            break;
        }
        used += width + 1;
        out.push((t, width));
    }
    out
}

/// `text` centred in `width` columns.
fn center(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.width());
    format!("{}{text}{}", " ".repeat(pad / 2), " ".repeat(pad - pad / 2))
}

/// The columns the matrix needs inside its frame: the actor column and every target's.
fn content_width(matrix: &StanceMatrix) -> usize {
    let actors = matrix
        .actors
        .iter()
        .map(|a| one_line(a).width())
        .max()
        .unwrap_or(0)
        .clamp(6, ACTOR_WIDTH);
    let targets: usize = matrix
        .targets
        .iter()
        .map(|t| one_line(t).width().clamp(3, TARGET_WIDTH) + 1)
        .sum();
    actors + 1 + targets
}

pub fn render(app: &App, row: usize, col: usize, area: Rect, buf: &mut Buffer) {
    let matrix = app.stance_matrix();
    // Big enough for the legend and the empty message, no bigger than the matrix needs.
    let want_w = content_width(&matrix).max(68) + 2;
    let want_h = matrix.actors.len().max(2) + 5;
    let rect = centered(
        area,
        area.width
            .saturating_sub(4)
            .min(u16::try_from(want_w).unwrap_or(u16::MAX)),
        area.height
            .saturating_sub(2)
            .min(u16::try_from(want_h).unwrap_or(u16::MAX)),
    );
    if rect.width < 3 || rect.height < 3 {
        return;
    }
    Clear.render(rect, buf);
    let title = format!(
        " Stance matrix — {} actors × {} targets ",
        matrix.actors.len(),
        matrix.targets.len()
    );
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(style::border(true))
        .title(Line::from(title).bold())
        .title_bottom(
            Line::styled(" j/k actors · h/l targets · Esc closes ", style::label()).right_aligned(),
        );
    let inner = block.inner(rect);
    block.render(rect, buf);
    let width = usize::from(inner.width);

    let legend = Line::from(vec![
        Span::styled(
            "+",
            cell_style(Cell {
                support: 1,
                ..Cell::default()
            }),
        ),
        Span::raw(" support  "),
        Span::styled(
            "−",
            cell_style(Cell {
                oppose: 1,
                ..Cell::default()
            }),
        ),
        Span::raw(" oppose  "),
        Span::styled(
            "0",
            cell_style(Cell {
                neutral: 1,
                ..Cell::default()
            }),
        ),
        Span::raw(" neutral  "),
        Span::styled(
            "±",
            cell_style(Cell {
                support: 1,
                oppose: 1,
                neutral: 0,
            }),
        ),
        Span::raw(" mixed  "),
        Span::styled("·", style::label()),
        Span::raw(" no stance"),
    ]);
    put(buf, inner, 0, &legend);

    if matrix.is_empty() {
        let lines = [
            "No stances yet: press s on a selection in the article to add one",
            "(Tab to the article, v to select the words, then s).",
        ];
        for (i, text) in lines.iter().enumerate() {
            put(
                buf,
                inner,
                2 + i as u16,
                &Line::styled(fit(text, width), style::label()),
            );
        }
        return;
    }

    let actor_width = matrix
        .actors
        .iter()
        .map(|a| one_line(a).width())
        .max()
        .unwrap_or(0)
        .clamp(6, ACTOR_WIDTH)
        .min(width / 2);
    let columns = visible_columns(&matrix, col, width.saturating_sub(actor_width + 1));

    let mut header = vec![Span::raw(format!("{} ", " ".repeat(actor_width)))];
    for (t, w) in &columns {
        let name = fit(&one_line(&matrix.targets[*t]), *w);
        header.push(Span::styled(
            format!("{} ", center(&name, *w)),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        ));
    }
    put(buf, inner, 1, &Line::from(header));

    let rows = usize::from(inner.height.saturating_sub(3));
    let first = row.min(matrix.actors.len().saturating_sub(1));
    for (y, a) in (first..matrix.actors.len()).take(rows).enumerate() {
        let name = fit(&one_line(&matrix.actors[a]), actor_width);
        let pad = actor_width.saturating_sub(name.width());
        let mut spans = vec![Span::styled(
            format!("{name}{} ", " ".repeat(pad)),
            Style::new().fg(Color::Cyan),
        )];
        for (t, w) in &columns {
            match matrix.cell(a, *t) {
                Some(cell) => spans.push(Span::styled(
                    format!("{} ", center(cell.symbol(), *w)),
                    cell_style(cell),
                )),
                None => spans.push(Span::styled(
                    format!("{} ", center("·", *w)),
                    style::label(),
                )),
            }
        }
        put(buf, inner, 2 + y as u16, &Line::from(spans));
    }

    // Where the view stands, when not everything fits.
    let shown_to = (first + rows).min(matrix.actors.len());
    let last_col = columns.last().map_or(col, |(t, _)| *t);
    if (first > 0
        || shown_to < matrix.actors.len()
        || col > 0
        || last_col + 1 < matrix.targets.len())
        && inner.height >= 4
    {
        let at = format!(
            "actors {}–{} of {} · targets {}–{} of {}",
            first + 1,
            shown_to,
            matrix.actors.len(),
            col.min(last_col) + 1,
            last_col + 1,
            matrix.targets.len()
        );
        put(
            buf,
            inner,
            inner.height - 1,
            &Line::styled(fit(&at, width), style::label()),
        );
    }
}
