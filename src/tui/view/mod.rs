//! Pure views of `&App`: nothing here changes state.

pub mod annotations;
pub mod article;
pub mod help;
pub mod inspector;
pub mod matrix;
pub mod popup;
pub mod status;
pub mod style;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Popup};
use super::geometry::Screen;
use super::input::TextInput;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self, area, buf);
    }
}

/// Draws the app into the frame and puts the terminal's cursor in the text field that has the
/// keyboard (a form's, a picker's filter, the search line); with none it stays hidden.
pub fn draw(app: &App, frame: &mut Frame) {
    if let Some(at) = render(app, frame.area(), frame.buffer_mut()) {
        frame.set_cursor_position(at);
    }
}

/// Draws everything; returns where the text cursor of the popup on top is, when it has one.
fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let screen = Screen::new(area);
    article::render(app, &screen, buf);
    annotations::render(app, &screen, buf);
    inspector::render(app, &screen, buf);
    let search = status::render_message(app, &screen, buf);
    status::render_status(app, &screen, buf);
    let mut cursor = None;
    for popup in &app.popups {
        // Each popup covers the ones before it, their cursor too.
        cursor = match popup {
            Popup::Help { scroll } => {
                help::render(app, *scroll, area, buf);
                None
            }
            Popup::ConfirmQuit => {
                popup::confirm_quit(app, area, buf);
                None
            }
            Popup::Recover(path) => {
                popup::recover(path, area, buf);
                None
            }
            Popup::Form(form) => popup::form(form, area, buf),
            Popup::Picker(picker) => popup::picker(picker, area, buf),
            Popup::Matrix { row, col } => {
                matrix::render(app, *row, *col, area, buf);
                None
            }
            Popup::Search => search,
        };
    }
    cursor
}

/// A text field `room` columns wide: the part of `input` around its cursor, "…" where the text
/// goes on beyond either edge, and the cursor's column in the field (None when the field is too
/// narrow to show it). The terminal's own cursor marks the cursor cell (`draw`), so the field
/// does not style it.
pub fn text_field(input: &TextInput, room: usize) -> (Vec<Span<'static>>, Option<usize>) {
    let view = input.view(room);
    let more = |cut: bool| Span::styled(if cut { "…" } else { "" }, style::label());
    let column = usize::from(view.clipped_start) + view.before.width();
    let cursor = (!view.at.is_empty() && column < room).then_some(column);
    let spans = vec![
        more(view.clipped_start),
        Span::raw(view.before),
        Span::raw(view.at),
        Span::raw(view.after),
        more(view.clipped_end),
    ];
    (spans, cursor)
}

/// The screen position of column `col` of row `row` in `area`, when `area` has that cell.
pub fn cell(area: Rect, col: usize, row: u16) -> Option<Position> {
    let col = u16::try_from(col).ok().filter(|&c| c < area.width)?;
    (row < area.height).then(|| Position::new(area.x + col, area.y + row))
}

/// `text` cut to `width` columns, ending in "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    // By grapheme: a flag, an emoji with a skin tone or a letter with its accent is one
    // step, cut whole and measured as the terminal draws it.
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push('…');
    out
}

/// Writes `line` into row `row` of `area`, when that row exists.
pub fn put(buf: &mut Buffer, area: Rect, row: u16, line: &Line<'_>) {
    if row < area.height && area.width > 0 {
        buf.set_line(area.x, area.y + row, line, area.width);
    }
}

/// A rectangle of at most `w` x `h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_whole_graphemes_measured_as_drawn() {
        assert_eq!(fit("Kyiv", 4), "Kyiv");
        assert_eq!(fit("Zelenskyy", 5), "Zele…");
        // An emoji with a skin tone is two columns, not four.
        assert_eq!(fit("👍🏽👍🏽abc", 4), "👍🏽…");
        // A flag is never cut in half.
        assert_eq!(fit("🇺🇦🇺🇦🇺🇦", 5), "🇺🇦🇺🇦…");
        assert_eq!(fit("🇺🇦🇺🇦🇺🇦", 4), "🇺🇦…");
        assert_eq!(fit("abc", 0), "");
        for (text, width) in [("e\u{301}tude", 3), ("中文字幕", 5), ("a👍🏽b", 3)] {
            assert!(fit(text, width).width() <= width, "{text} in {width}");
        }
    }
}
