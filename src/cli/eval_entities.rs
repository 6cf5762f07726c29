//! `gloss eval entities GOLD.jsonl`: the extractor's actors scored as CoNLL entities, printed
//! exactly as `score_entities.py` prints them.

use std::io::Write;
use std::path::PathBuf;

use super::CliResult;
use crate::eval::entities;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// CoNLL-style gold: one `{"id", "text", "entities"}` record a line.
    pub gold: PathBuf,
    /// Also print the F1 figures as one JSON line.
    #[arg(long)]
    pub json: bool,
    /// Write the predictions here (JSONL, the reference scorer's PRED format).
    #[arg(long, value_name = "OUT.jsonl")]
    pub pred: Option<PathBuf>,
}

pub fn run(args: Args) -> CliResult {
    let gold = entities::read_jsonl(&args.gold)?;
    let predicted: Vec<entities::DocEntities> = gold
        .iter()
        .map(|d| entities::predict(&d.id, &d.text))
        .collect();
    if let Some(path) = &args.pred {
        let mut out = String::new();
        for d in &predicted {
            out.push_str(&serde_json::to_string(d)?);
            out.push('\n');
        }
        std::fs::write(path, out).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let scores = entities::score(&gold, &predicted);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(entities::report(&scores).as_bytes())?;
    if args.json {
        writeln!(stdout, "{}", entities::json_line(&scores))?;
    }
    Ok(())
}
