//! Pure views of `&App`: nothing here changes state.

pub mod annotations;
pub mod article;
pub mod help;
pub mod inspector;
pub mod matrix;
pub mod popup;
pub mod status;
pub mod style;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Popup};
use super::geometry::Screen;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let screen = Screen::new(area);
        article::render(self, &screen, buf);
        annotations::render(self, &screen, buf);
        inspector::render(self, &screen, buf);
        status::render_message(self, &screen, buf);
        status::render_status(self, &screen, buf);
        for popup in &self.popups {
            match popup {
                Popup::Help { scroll } => help::render(self, *scroll, area, buf),
                Popup::ConfirmQuit => popup::confirm_quit(self, area, buf),
                Popup::Recover(path) => popup::recover(path, area, buf),
                Popup::Form(form) => popup::form(form, area, buf),
                Popup::Picker(picker) => popup::picker(picker, area, buf),
                Popup::Matrix { row, col } => matrix::render(self, *row, *col, area, buf),
                Popup::Search => {}
            }
        }
    }
}

/// `text` cut to `width` columns, ending in "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
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
