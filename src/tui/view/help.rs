//! The help screen, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use unicode_width::UnicodeWidthStr;

use super::{centered, style};
use crate::tui::app::App;
use crate::tui::keymap::{Keymap, Mode};

/// The help text: each mode's keys and what they do, in a box `width` columns wide inside its
/// border (a description too long for the room beside its keys goes on under itself).
pub fn lines(keymap: &Keymap, width: usize) -> Vec<Line<'static>> {
    let heading = |s: &str| Line::styled(s.to_string(), Style::new().add_modifier(Modifier::BOLD));
    let mut out = vec![
        Line::from(vec![
            Span::styled("·", style::status(crate::model::Status::Auto).1),
            Span::raw(" auto  "),
            Span::styled("✓", style::status(crate::model::Status::Accepted).1),
            Span::raw(" accepted  "),
            Span::styled("✎", style::status(crate::model::Status::Edited).1),
            Span::raw(" edited  "),
            Span::styled("✗", style::status(crate::model::Status::Rejected).1),
            Span::raw(" rejected"),
        ]),
        // Two lines, so the legend fits a help box 60 columns wide.
        Line::from(vec![
            Span::styled("+", style::status(crate::model::Status::Manual).1),
            Span::raw(" made by hand  "),
            Span::styled(style::UNSURE.0, style::UNSURE.1),
            Span::raw(format!(
                " unsure (confidence < {})",
                crate::model::UNSURE_BELOW
            )),
        ]),
        Line::raw(""),
    ];
    let sections = [
        (Mode::Normal, "Everywhere"),
        (Mode::Article, "In the article (Tab goes there and back)"),
        (Mode::Form, "In an edit form"),
        (Mode::Picker, "In a picker (type to filter)"),
        (Mode::Matrix, "In the stance matrix"),
        (Mode::Search, "While typing a search"),
        (Mode::Confirm, "When asked about unsaved changes"),
        (
            Mode::Recover,
            "When unsaved work of an earlier session is found",
        ),
        (Mode::Help, "Here"),
    ];
    // Keys and descriptions may come from the user's keymap file: print them safely.
    let keys_of = |b: &crate::tui::keymap::Binding| {
        let keys = b
            .keys
            .iter()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        crate::article::sanitize::one_line(&keys).into_owned()
    };
    let column = sections
        .iter()
        .flat_map(|(mode, _)| keymap.bindings(*mode))
        .map(|b| keys_of(&b).width())
        .max()
        .unwrap_or(0)
        + 2;
    for (mode, title) in sections {
        out.push(heading(title));
        for b in keymap.bindings(mode) {
            let keys = keys_of(&b);
            let pad = column.saturating_sub(keys.width());
            let desc = crate::article::sanitize::one_line(&b.desc).into_owned();
            // At least 16 columns for the description, however long the keys.
            let room = width.saturating_sub(column + 2).max(16);
            let mut parts = wrapped(&desc, room).into_iter();
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {keys}{}", " ".repeat(pad)),
                    Style::new().fg(ratatui::style::Color::Cyan),
                ),
                Span::raw(parts.next().unwrap_or_default()),
            ]));
            for part in parts {
                out.push(Line::raw(format!("{}{part}", " ".repeat(column + 2))));
            }
        }
        out.push(Line::raw(""));
    }
    for part in wrapped(
        "Keys are rebound in keymap.toml in the gloss config directory.",
        width,
    ) {
        out.push(Line::styled(part, style::label()));
    }
    out
}

/// `text` in lines of at most `width` columns (`layout::wrap`'s lines).
fn wrapped(text: &str, width: usize) -> Vec<String> {
    crate::tui::layout::wrap(text, width)
        .iter()
        .map(|l| text[l.start..l.end].to_string())
        .collect()
}

pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(4).min(96);
    let h = area.height.saturating_sub(2);
    let rect = centered(area, w, h);
    Clear.render(rect, buf);
    let text = lines(&app.keymap, usize::from(rect.width.saturating_sub(2)));
    let max = (text.len() as u16).saturating_sub(rect.height.saturating_sub(2));
    Paragraph::new(text)
        .scroll((scroll.min(max), 0))
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(style::border(true))
                .title(Line::from(" gloss — keys ").bold())
                .title_bottom(Line::from(" j/k scroll · Esc closes ").right_aligned()),
        )
        .render(rect, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_lists_the_users_bindings_safely() {
        let user = Keymap::parse(
            "normal = [ { on = \"ctrl-a\", run = \"accept\", desc = \"Accept \\u001b[2J now\" } ]",
            "user",
        )
        .expect("user keymap");
        let map = Keymap::defaults().overlay(user);
        let text: Vec<String> = lines(&map, 200).iter().map(|l| l.to_string()).collect();
        let line = text
            .iter()
            .find(|l| l.contains("Ctrl-a"))
            .expect("user binding");
        assert!(line.contains("Accept ␛[2J now"), "{line}");
        assert!(!text.iter().any(|l| l.contains('\u{1b}')));
    }

    #[test]
    fn a_narrow_help_wraps_each_description_under_itself() {
        let text = |width| -> Vec<String> {
            lines(&Keymap::defaults(), width)
                .iter()
                .map(|l| l.to_string())
                .collect()
        };
        let (wide, narrow) = (text(200), text(54));
        // Nothing is lost: the same words in the same order, on more lines, none too wide.
        let words = |t: &[String]| -> Vec<String> {
            t.iter()
                .flat_map(|l| l.split_whitespace().map(str::to_string))
                .collect()
        };
        assert_eq!(words(&wide), words(&narrow));
        assert!(narrow.len() > wide.len());
        assert!(narrow.iter().all(|l| l.width() <= 54), "{narrow:#?}");
        // A continued description starts under its first line, past the keys.
        let quit = narrow
            .iter()
            .position(|l| l.trim_start().starts_with("q "))
            .expect("quit");
        let first = narrow[quit].find("Quit").expect("description");
        assert_eq!(
            narrow[quit + 1].len() - narrow[quit + 1].trim_start().len(),
            first
        );
    }

    #[test]
    fn the_help_lists_the_matrix_and_export_keys() {
        let text: Vec<String> = lines(&Keymap::defaults(), 200)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert!(
            text.iter()
                .any(|l| l.contains("S ") && l.contains("Stance matrix"))
        );
        assert!(
            text.iter()
                .any(|l| l.contains("E ") && l.contains("Export"))
        );
        assert!(text.iter().any(|l| l == "In the stance matrix"));
    }
}
