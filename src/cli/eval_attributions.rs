//! `gloss eval attributions GOLD.jsonl [--json] [--pred OUT.jsonl]`: runs the whole extractor
//! over PolNeAR-style gold and prints the reference scorer's figures.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliResult;
use crate::article::Article;
use crate::eval::attributions::{self, Attribution, GoldRecord, PredRecord};
use crate::extract::claims::Models;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold JSONL (one record a line: id, text, attributions).
    pub gold: PathBuf,
    /// Also print the figures as one JSON object (last line).
    #[arg(long)]
    pub json: bool,
    /// Strip quote marks and punctuation around spans before matching, as `--loose-punct`.
    #[arg(long)]
    pub loose_punct: bool,
    /// Write the predictions here, in the reference scorer's format.
    #[arg(long, value_name = "OUT.jsonl")]
    pub pred: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {source}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        #[source]
        source: serde_json::Error,
    },
}

/// Reads gold records, one JSON object a line (blank lines skipped).
pub fn read_gold(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str(line).map_err(|source| EvalError::Json {
            path: path.to_path_buf(),
            line: i + 1,
            column: source.column(),
            source,
        })?;
        out.push(record);
    }
    Ok(out)
}

/// Writes predictions to `out` as JSON lines, in the reference scorer's format.
pub fn write_pred(out: &Path, pred: &[PredRecord]) -> CliResult {
    let mut text = String::new();
    for p in pred {
        text.push_str(&serde_json::to_string(p)?);
        text.push('\n');
    }
    std::fs::write(out, text).map_err(|source| EvalError::Io {
        path: out.to_path_buf(),
        source,
    })?;
    Ok(())
}

/// Runs the extractor over each gold text and returns the predictions (rejected claims skipped).
pub fn predict(gold: &[GoldRecord], path: &Path) -> Vec<PredRecord> {
    predict_with(gold, path, Models::compiled())
}

/// [`predict`] with the claims layer's models given.
pub fn predict_with(gold: &[GoldRecord], path: &Path, models: Models<'_>) -> Vec<PredRecord> {
    gold.iter()
        .map(|g| {
            let article = Article::new(
                g.id.clone(),
                g.title.clone(),
                path.display().to_string(),
                &g.text,
            );
            let doc = crate::extract::extract_with(&article, models);
            PredRecord {
                id: g.id.clone(),
                attributions: doc.live_claims().map(Attribution::from_claim).collect(),
            }
        })
        .collect()
}

pub fn run(args: Args) -> CliResult {
    let gold = read_gold(&args.gold)?;
    // Parse the compiled-in models first so the timing is of extraction alone.
    let _ = predict(&gold[..gold.len().min(1)], &args.gold);
    let started = std::time::Instant::now();
    let pred = predict(&gold, &args.gold);
    eprintln!(
        "gloss: extracted {} articles in {:.1} ms",
        gold.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    if let Some(out) = &args.pred {
        write_pred(out, &pred)?;
    }
    let scores = attributions::score(&gold, &pred, args.loose_punct);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(attributions::render(&scores, args.json).as_bytes())?;
    Ok(())
}
