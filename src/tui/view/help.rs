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

/// The help text: each mode's keys and what they do.
pub fn lines(keymap: &Keymap) -> Vec<Line<'static>> {
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
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {keys}{}", " ".repeat(pad)),
                    Style::new().fg(ratatui::style::Color::Cyan),
                ),
                Span::raw(crate::article::sanitize::one_line(&b.desc).into_owned()),
            ]));
        }
        out.push(Line::raw(""));
    }
    out.push(Line::styled(
        "Keys are rebound in keymap.toml in the gloss config directory.",
        style::label(),
    ));
    out
}

pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(4).min(96);
    let h = area.height.saturating_sub(2);
    let rect = centered(area, w, h);
    Clear.render(rect, buf);
    let text = lines(&app.keymap);
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
        let text: Vec<String> = lines(&map).iter().map(|l| l.to_string()).collect();
        let line = text
            .iter()
            .find(|l| l.contains("Ctrl-a"))
            .expect("user binding");
        assert!(line.contains("Accept ␛[2J now"), "{line}");
        assert!(!text.iter().any(|l| l.contains('\u{1b}')));
    }

    #[test]
    fn the_help_lists_the_matrix_and_export_keys() {
        let text: Vec<String> = lines(&Keymap::defaults())
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
