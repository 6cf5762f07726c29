//! The terminal UI: read an article, review and correct its annotations, save.

use std::path::PathBuf;

/// What `gloss [PATH]` was asked to open.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// What to open; none opens `seeds/` when there is one, else the embedded sample.
    pub path: Option<PathBuf>,
    /// `--annotations DIR`.
    pub annotations: Option<PathBuf>,
}

/// Runs the TUI until the user quits.
pub fn run(_options: Options) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    Err("the TUI is not yet available".into())
}
