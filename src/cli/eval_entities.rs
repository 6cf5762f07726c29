//! `gloss eval_entities` (to be written).

use super::CliResult;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    pub inputs: Vec<std::path::PathBuf>,
}

pub fn run(_args: Args) -> CliResult {
    Err("not yet available".into())
}
