//! Where each pane goes for a terminal size. `App::update` (scrolling, clicks) and the views
//! share this one function, so they always agree.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Block;

/// Terminals at least this wide put the panes side by side.
pub const WIDE: u16 = 100;

/// The rectangles of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    pub article_block: Rect,
    /// Inside the article block: the text.
    pub article: Rect,
    pub lists_block: Rect,
    pub list: Rect,
    pub inspector_block: Rect,
    pub inspector: Rect,
    /// The legend, message or search line.
    pub message: Rect,
    pub status: Rect,
}

impl Screen {
    pub fn new(area: Rect) -> Screen {
        let message_rows = u16::from(area.height >= 8);
        let status_rows = u16::from(area.height >= 2);
        let [body, message, status] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(message_rows),
            Constraint::Length(status_rows),
        ])
        .areas(area);
        let (article_block, side, wide) = if area.width >= WIDE && body.height >= 6 {
            let [a, s] =
                Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)])
                    .areas(body);
            (a, s, true)
        } else if body.height >= 12 && area.width >= 24 {
            let [a, s] = Layout::vertical([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(body);
            (a, s, false)
        } else {
            (body, Rect::new(body.x, body.bottom(), body.width, 0), false)
        };
        let [lists_block, inspector_block] = if wide {
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(side)
        } else {
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(side)
        };
        let inner = |r: Rect| Block::bordered().inner(r);
        Screen {
            article_block,
            article: inner(article_block).inner(ratatui::layout::Margin::new(1, 0)),
            lists_block,
            list: inner(lists_block),
            inspector_block,
            inspector: inner(inspector_block),
            message,
            status,
        }
    }
}
