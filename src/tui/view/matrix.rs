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

/// The narrowest a target's column gets to fit more of them: six letters and "…".
pub const TARGET_MIN: usize = 7;

/// What stands right of the columns when `rest` targets do not fit.
fn more_after(rest: usize) -> String {
    format!("→ {rest} more")
}

/// The targets shown from `col` on, with their column widths, within `room` columns: as many
/// as fit, each as wide as its name up to `TARGET_WIDTH`, the widest cut first (to no less than
/// `TARGET_MIN`), and room kept for "→ N more" when some are left out.
fn visible_columns(matrix: &StanceMatrix, col: usize, room: usize) -> Vec<(usize, usize)> {
    let natural: Vec<(usize, usize)> = matrix
        .targets
        .iter()
        .enumerate()
        .skip(col)
        .map(|(t, name)| (t, one_line(name).width().clamp(3, TARGET_WIDTH)))
        .collect();
    for shown in (1..=natural.len()).rev() {
        let rest = natural.len() - shown;
        let mark = if rest > 0 {
            more_after(rest).width()
        } else {
            0
        };
        // Each column and the space after it.
        let Some(names) = room.checked_sub(mark + shown) else {
            continue;
        };
        let columns = &natural[..shown];
        let fits = |cap: usize| columns.iter().map(|(_, w)| (*w).min(cap)).sum::<usize>() <= names;
        if let Some(cap) = (TARGET_MIN..=TARGET_WIDTH).rev().find(|&cap| fits(cap)) {
            return columns.iter().map(|&(t, w)| (t, w.min(cap))).collect();
        }
    }
    // Too narrow for even one column at its narrowest: one, cut to what there is.
    natural
        .first()
        .map(|&(t, w)| vec![(t, w.min(room.saturating_sub(1)).max(1))])
        .unwrap_or_default()
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

    // A third of the width at most, so that narrow terminals keep room for targets.
    let actor_width = matrix
        .actors
        .iter()
        .map(|a| one_line(a).width())
        .max()
        .unwrap_or(0)
        .clamp(6, ACTOR_WIDTH)
        .min(width / 3);
    let columns = visible_columns(&matrix, col, width.saturating_sub(actor_width + 1));
    let shown_from = columns.first().map_or(col, |(t, _)| *t);
    let shown_to = columns.last().map_or(col, |(t, _)| *t + 1);

    // The targets scrolled past (h brings them back) stand over the actor column.
    let before = if shown_from > 0 {
        fit(&format!("← {shown_from} more"), actor_width)
    } else {
        String::new()
    };
    let pad = actor_width.saturating_sub(before.width());
    let mut header = vec![Span::styled(
        format!("{before}{} ", " ".repeat(pad)),
        style::label(),
    )];
    for (t, w) in &columns {
        let name = fit(&one_line(&matrix.targets[*t]), *w);
        header.push(Span::styled(
            format!("{} ", center(&name, *w)),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        ));
    }
    let rest = matrix.targets.len().saturating_sub(shown_to);
    if rest > 0 {
        header.push(Span::styled(more_after(rest), style::label()));
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
    let actors_to = (first + rows).min(matrix.actors.len());
    if (first > 0 || actors_to < matrix.actors.len() || shown_from > 0 || rest > 0)
        && inner.height >= 4
    {
        let at = format!(
            "actors {}–{} of {} · targets {}–{} of {}",
            first + 1,
            actors_to,
            matrix.actors.len(),
            shown_from + 1,
            shown_to,
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn targets(names: &[&str]) -> StanceMatrix {
        StanceMatrix {
            actors: vec!["Poland".into()],
            targets: names.iter().map(|n| n.to_string()).collect(),
            cells: vec![vec![None; names.len()]],
        }
    }

    #[test]
    fn columns_narrow_to_fit_more_targets_before_any_is_left_out() {
        let m = targets(&[
            "security guarantees",
            "Ukraine's NATO membership",
            "sending ground troops",
            "Ukraine",
        ]);
        // All four at their full width need 19 * 3 + 8 columns; 49 is enough at 12 wide.
        assert_eq!(
            visible_columns(&m, 0, 49),
            vec![(0, 12), (1, 12), (2, 12), (3, 7)]
        );
        // Too narrow for four at TARGET_MIN: fewer, with room for "→ N more".
        let cols = visible_columns(&m, 0, 24);
        assert_eq!(cols, vec![(0, 7), (1, 7)]);
        assert!(cols.iter().map(|(_, w)| w + 1).sum::<usize>() + more_after(2).width() <= 24);
    }

    proptest! {
        #[test]
        fn the_columns_and_the_more_mark_stay_within_the_room(
            names in prop::collection::vec("\\PC{1,30}", 1..12),
            col in 0usize..12,
            room in 2usize..120,
        ) {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let m = targets(&names);
            let col = col.min(names.len() - 1);
            let cols = visible_columns(&m, col, room);
            prop_assert!(!cols.is_empty());
            prop_assert_eq!(cols[0].0, col);
            let rest = names.len() - col - cols.len();
            let used: usize = cols.iter().map(|(_, w)| w + 1).sum::<usize>()
                + if rest > 0 { more_after(rest).width() } else { 0 };
            // One column is always shown, cut to the room, even when the mark does not fit.
            prop_assert!(used <= room || cols.len() == 1, "{:?} in {}", cols, room);
        }
    }
}
