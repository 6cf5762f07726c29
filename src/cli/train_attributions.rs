//! `gloss train attributions TRAIN.jsonl -o src/extract/data/cues.tsv`: rebuilds the cue
//! lexicon the claims layer compiles in.

use std::path::PathBuf;

use super::CliResult;
use super::eval_attributions::{EvalError, read_gold};
use crate::extract::claims::train;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// PolNeAR-style train JSONL (id, text, attributions).
    pub train: PathBuf,
    /// Where to write the lexicon.
    #[arg(short, long, default_value = "src/extract/data/cues.tsv")]
    pub output: PathBuf,
}

pub fn run(args: Args) -> CliResult {
    let records = read_gold(&args.train)?;
    let lexicon = train::learn(&records);
    std::fs::write(&args.output, lexicon.to_tsv()).map_err(|source| EvalError::Io {
        path: args.output.clone(),
        source,
    })?;
    eprintln!(
        "gloss: {} cues from {} articles written to {}",
        lexicon.cues.len(),
        records.len(),
        args.output.display()
    );
    Ok(())
}
