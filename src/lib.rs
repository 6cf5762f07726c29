//! gloss: read news articles and annotate who says what.
//!
//! The domain (article, model, extract, store, edit, export, eval) never imports ratatui, so the
//! headless commands in `cli` and the TUI in `tui` share every piece of logic.

pub mod article;
pub mod cli;
pub mod edit;
pub mod eval;
pub mod export;
pub mod extract;
pub mod model;
pub mod stats;
pub mod store;
pub mod tui;
