//! Colours and symbols: one palette for actors, one look per review status.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{Meta, Polarity, Status};

/// Eight colours that stay apart on dark and light backgrounds (256-colour indices).
pub const PALETTE: [Color; 8] = [
    Color::Indexed(39),  // blue
    Color::Indexed(208), // orange
    Color::Indexed(35),  // green
    Color::Indexed(170), // magenta
    Color::Indexed(178), // gold
    Color::Indexed(37),  // teal
    Color::Indexed(167), // brick
    Color::Indexed(99),  // violet
];

/// The colour of the actor with this id. It follows the id, not the actor's place in the list,
/// so merging, deleting or adding actors never repaints the others. Extracted and hand-made ids
/// are `a<N>` in order of creation, so the first eight actors get eight different colours;
/// any other id gets a colour from a hash of it.
pub fn actor(id: &str) -> Color {
    let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
    let n = match digits.parse::<usize>() {
        Ok(n) if !digits.is_empty() => n.saturating_sub(1),
        _ => id.bytes().fold(0usize, |h, b| {
            h.wrapping_mul(31).wrapping_add(usize::from(b))
        }),
    };
    PALETTE[n % PALETTE.len()]
}

/// The symbol and style of a review status.
pub fn status(status: Status) -> (&'static str, Style) {
    match status {
        Status::Auto => ("·", Style::new().fg(Color::Gray)),
        Status::Accepted => ("✓", Style::new().fg(Color::Green)),
        Status::Edited => ("✎", Style::new().fg(Color::Yellow)),
        Status::Rejected => ("✗", Style::new().fg(Color::Red)),
        Status::Manual => ("+", Style::new().fg(Color::Cyan)),
    }
}

/// The symbol and style of an item's review state: its status, or "?" for an unreviewed
/// item the extractor was unsure of.
pub fn review(meta: &Meta) -> (&'static str, Style) {
    if meta.is_unsure() {
        UNSURE
    } else {
        status(meta.status)
    }
}

/// How an unsure item is marked (see `Meta::is_unsure`).
pub const UNSURE: (&str, Style) = ("?", Style::new().fg(Color::Magenta));

pub fn polarity(p: Polarity) -> Style {
    match p {
        Polarity::Support => Style::new().fg(Color::Green),
        Polarity::Oppose => Style::new().fg(Color::Red),
        Polarity::Neutral => Style::new().fg(Color::Gray),
    }
}

pub fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

pub fn label() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

pub fn cue() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn content() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

pub fn evidence() -> Style {
    Style::new().add_modifier(Modifier::ITALIC)
}

pub fn selected_span() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn cursor() -> Style {
    Style::new().fg(Color::Black).bg(Color::LightCyan)
}

pub fn text_selection() -> Style {
    Style::new().fg(Color::White).bg(Color::Indexed(25))
}

pub fn search_match(current: bool) -> Style {
    if current {
        Style::new().fg(Color::Black).bg(Color::LightYellow)
    } else {
        Style::new().fg(Color::Black).bg(Color::Yellow)
    }
}

/// The selected row of a list: reversed when the list has the keyboard (clear on dark and
/// light backgrounds alike), a soft background otherwise.
pub fn selected_row(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new().bg(Color::Indexed(236))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_eight_actor_ids_get_eight_different_colours() {
        let colours: std::collections::HashSet<Color> =
            (1..=8).map(|n| actor(&format!("a{n}"))).collect();
        assert_eq!(colours.len(), PALETTE.len());
    }

    #[test]
    fn an_id_without_a_number_still_gets_a_palette_colour() {
        assert!(PALETTE.contains(&actor("imported-x")));
        assert!(PALETTE.contains(&actor("")));
        assert_eq!(actor("imported-x"), actor("imported-x"));
    }
}
