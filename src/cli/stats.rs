//! `gloss stats`: counts per layer and status, claims per actor (quoted directly or
//! paraphrased), and the stance matrix, over one file or a whole corpus.

use std::path::PathBuf;

use super::CliResult;
use super::agree::table;
use crate::article::sanitize::one_line;
use crate::export::csv::record;
use crate::model::{Document, Status};
use crate::stats::{self, Stats};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Over several files, actors and targets are matched by name. Stance matrix cells: + support,
− oppose, 0 neutral, ± both support and oppose. --csv prints one long table
(section, row, column, value) with the sections status, kind, actor and stance.")]
pub struct Args {
    /// Annotation files or directories of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Print JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (RFC 4180).
    #[arg(long)]
    pub csv: bool,
}

pub fn run(args: Args) -> CliResult {
    let docs = crate::export::load_documents(&args.inputs)?;
    let refs: Vec<&Document> = docs.iter().map(|(_, d)| d).collect();
    let s = stats::stats(&refs);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
    } else if args.csv {
        print!("{}", to_csv(&s));
    } else {
        print!("{}", render(&s));
    }
    Ok(())
}

/// The statistics as one long CSV: section, row, column, value.
pub fn to_csv(s: &Stats) -> String {
    let mut out = record(&["section", "row", "column", "value"]);
    for c in &s.counts {
        for (status, n) in Status::ALL.iter().zip(c.by_status) {
            out.push_str(&record(&[
                "status",
                &c.layer,
                status.as_str(),
                &n.to_string(),
            ]));
        }
    }
    for (kind, n) in &s.kinds {
        out.push_str(&record(&["kind", "claims", kind.as_str(), &n.to_string()]));
    }
    for a in &s.actors {
        for (col, n) in [
            ("claims", a.claims),
            ("direct", a.direct),
            ("indirect", a.indirect),
            ("mixed", a.mixed),
            ("other", a.other),
            ("documents", a.documents),
            ("stances", a.stances),
        ] {
            out.push_str(&record(&["actor", &a.actor, col, &n.to_string()]));
        }
    }
    let m = &s.stance_matrix;
    for (i, actor) in m.actors.iter().enumerate() {
        for (j, target) in m.targets.iter().enumerate() {
            if let Some(cell) = m.cell(i, j) {
                out.push_str(&record(&["stance", actor, target, cell.symbol()]));
            }
        }
    }
    out
}

/// The statistics as plain aligned tables.
pub fn render(s: &Stats) -> String {
    let mut out = format!("{} document(s)\n\n", s.documents);
    let mut header = vec!["layer"];
    header.extend(Status::ALL.iter().map(|s| s.as_str()));
    header.push("live");
    let rows: Vec<Vec<String>> = s
        .counts
        .iter()
        .map(|c| {
            let mut row = vec![c.layer.clone()];
            row.extend(c.by_status.iter().map(|n| n.to_string()));
            row.push(c.live().to_string());
            row
        })
        .collect();
    out.push_str(&table(&header, &rows));

    let kinds: Vec<String> = s
        .kinds
        .iter()
        .map(|(k, n)| format!("{} {n}", k.as_str()))
        .collect();
    out.push_str(&format!("\nClaims by kind: {}\n", kinds.join(", ")));
    out.push_str("\nClaims per actor (direct = quoted, indirect = paraphrased)\n");
    if s.actors.is_empty() {
        out.push_str("(none)\n");
    } else {
        let rows: Vec<Vec<String>> = s
            .actors
            .iter()
            .map(|a| {
                vec![
                    a.actor.clone(),
                    a.kind.clone(),
                    a.claims.to_string(),
                    a.direct.to_string(),
                    a.indirect.to_string(),
                    a.mixed.to_string(),
                    a.other.to_string(),
                    a.stances.to_string(),
                    a.documents.to_string(),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "actor", "kind", "claims", "direct", "indirect", "mixed", "other", "stances",
                "docs",
            ],
            &rows,
        ));
    }

    out.push_str("\nStance matrix (+ support, − oppose, 0 neutral, ± mixed)\n");
    let m = &s.stance_matrix;
    if m.is_empty() {
        out.push_str("(no stances)\n");
        return out;
    }
    let columns: Vec<String> = (1..=m.targets.len()).map(|i| format!("T{i}")).collect();
    let mut header: Vec<&str> = vec!["actor"];
    header.extend(columns.iter().map(String::as_str));
    let rows: Vec<Vec<String>> = m
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut row = vec![a.clone()];
            row.extend((0..m.targets.len()).map(|j| {
                m.cell(i, j)
                    .map_or_else(|| "·".to_string(), |c| c.symbol().to_string())
            }));
            row
        })
        .collect();
    out.push_str(&table(&header, &rows));
    for (i, t) in m.targets.iter().enumerate() {
        out.push_str(&format!("T{} = {}\n", i + 1, one_line(t)));
    }
    out
}
