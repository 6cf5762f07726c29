//! `gloss agree A B [C ...]`: agreement between coders. Each argument is one coder: an
//! annotation file, or a directory of them matched to the others by article id.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::CliResult;
use crate::article::sanitize::one_line;
use crate::eval::agreement::{self, Categorical, LayerAgreement, Report};
use crate::model::Document;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Each argument is one coder: a file (all files must then be for the same article) or a directory
(articles matched by id; articles only one coder has are skipped). Documents of one article must
be for the same text (sha256). Span layers compare envelopes with surrounding white space trimmed:
exact = same start and end, overlap = any shared code point, both one-to-one; claims agree when
their contents match exactly and their sources overlap (or both have none). Kappa is Cohen's for
two coders, the mean of pairwise kappas (Light's) for more; alpha is Krippendorff's (nominal).")]
pub struct Args {
    /// Two or more coders' annotation files or directories.
    #[arg(required = true, num_args = 2..)]
    pub inputs: Vec<PathBuf>,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

type Error = Box<dyn std::error::Error + Send + Sync>;

/// The coders' names and, per article id, each coder's document (with the file it came from).
pub type Grouped = (
    Vec<String>,
    BTreeMap<String, Vec<Option<(PathBuf, Document)>>>,
);

fn coder_name(path: &Path) -> String {
    let name = if path.is_dir() {
        path.file_name()
    } else {
        path.file_stem()
    };
    name.and_then(|n| n.to_str())
        .map_or_else(|| path.display().to_string(), String::from)
}

/// Reads the coders and groups their documents by article, refusing files for different
/// articles or texts.
pub fn group(inputs: &[PathBuf]) -> Result<Grouped, Error> {
    let n = inputs.len();
    let distinct = |names: &[String]| {
        names.iter().collect::<std::collections::HashSet<_>>().len() == names.len()
    };
    // File stems ("article"), else the folders the files are in ("ann", "bob"), else paths.
    let mut names: Vec<String> = inputs.iter().map(|p| coder_name(p)).collect();
    if !distinct(&names) {
        names = inputs
            .iter()
            .map(|p| match p.parent().and_then(|d| d.file_name()) {
                Some(folder) if !p.is_dir() => folder.to_string_lossy().into_owned(),
                _ => p.display().to_string(),
            })
            .collect();
    }
    if !distinct(&names) {
        names = inputs.iter().map(|p| p.display().to_string()).collect();
    }
    let mut articles: BTreeMap<String, Vec<Option<(PathBuf, Document)>>> = BTreeMap::new();
    for (c, input) in inputs.iter().enumerate() {
        for (path, doc) in crate::export::load_documents(std::slice::from_ref(input))? {
            let slot = articles
                .entry(doc.article.id.clone())
                .or_insert_with(|| (0..n).map(|_| None).collect());
            if let Some((prev, _)) = &slot[c] {
                return Err(format!(
                    "{} and {} are both for article {:?} from the same coder",
                    prev.display(),
                    path.display(),
                    doc.article.id
                )
                .into());
            }
            slot[c] = Some((path, doc));
        }
    }
    // Files given one by one must be for one article.
    let files: Vec<usize> = (0..n).filter(|c| !inputs[*c].is_dir()).collect();
    for &c in &files {
        let shared = articles
            .values()
            .any(|docs| docs[c].is_some() && docs.iter().filter(|d| d.is_some()).count() >= 2);
        if !shared {
            let mine = articles
                .iter()
                .find(|(_, d)| d[c].is_some())
                .map_or("?", |(id, _)| id.as_str());
            let others: Vec<String> = articles
                .iter()
                .filter(|(_, d)| d[c].is_none())
                .map(|(id, _)| format!("{id:?}"))
                .collect();
            return Err(format!(
                "{} is for article {mine:?}, which no other coder annotated (the others: {}); agreement needs the same article",
                inputs[c].display(),
                others.join(", ")
            )
            .into());
        }
    }
    for (id, docs) in &articles {
        let present: Vec<&(PathBuf, Document)> = docs.iter().flatten().collect();
        if let Some(first) = present.first() {
            for other in &present[1..] {
                if other.1.article.sha256 != first.1.article.sha256 {
                    return Err(format!(
                        "{} and {} annotate different texts of article {id:?} (sha256 {} vs {}); re-anchor one of them first",
                        first.0.display(),
                        other.0.display(),
                        short(&first.1.article.sha256),
                        short(&other.1.article.sha256)
                    )
                    .into());
                }
            }
        }
    }
    if !articles
        .values()
        .any(|d| d.iter().filter(|x| x.is_some()).count() >= 2)
    {
        return Err("no article is annotated by two or more of the coders".into());
    }
    Ok((names, articles))
}

fn short(sha: &str) -> &str {
    &sha[..sha.len().min(12)]
}

pub fn run(args: Args) -> CliResult {
    let (names, articles) = group(&args.inputs)?;
    let skipped = articles
        .values()
        .filter(|d| d.iter().filter(|x| x.is_some()).count() < 2)
        .count();
    let table: Vec<Vec<Option<&Document>>> = articles
        .values()
        .map(|docs| {
            docs.iter()
                .map(|d| d.as_ref().map(|(_, doc)| doc))
                .collect()
        })
        .collect();
    let report = agreement::agreement(&names, &table);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render(&report, skipped));
    }
    Ok(())
}

fn pct(x: f64) -> String {
    format!("{:.1}", 100.0 * x)
}

fn opt(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |v| format!("{v:.3}"))
}

fn layer_row(l: &LayerAgreement) -> Vec<String> {
    let (min, max) = l
        .pairs
        .iter()
        .map(|p| p.exact.f1())
        .fold((f64::MAX, f64::MIN), |(a, b), f| (a.min(f), b.max(f)));
    let range = if l.pairs.is_empty() {
        "–".to_string()
    } else {
        format!("{}–{}", pct(min), pct(max))
    };
    if l.items == 0.0 {
        let mut row = vec![l.layer.clone(), "0".into()];
        row.extend(std::iter::repeat_n("–".to_string(), 7));
        return row;
    }
    vec![
        l.layer.clone(),
        format!("{:.1}", l.items),
        pct(l.exact_precision),
        pct(l.exact_recall),
        pct(l.exact_f1),
        range,
        pct(l.overlap_precision),
        pct(l.overlap_recall),
        pct(l.overlap_f1),
    ]
}

fn numeric(cell: &str) -> bool {
    let cell = cell.trim();
    cell.is_empty()
        || matches!(cell, "–" | "·" | "+" | "−" | "0" | "±")
        || cell
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '–' | '%'))
}

/// Plain aligned columns: numbers (and stance symbols) right-aligned, text left-aligned.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let cols = header.len();
    let right: Vec<bool> = (0..cols)
        .map(|i| i > 0 && rows.iter().all(|r| r.get(i).is_none_or(|c| numeric(c))))
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(unicode_width::UnicodeWidthStr::width(cell.as_str()));
        }
    }
    let line = |cells: Vec<String>| -> String {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let w = unicode_width::UnicodeWidthStr::width(cell.as_str());
            let pad = " ".repeat(widths[i].saturating_sub(w));
            if i > 0 {
                out.push_str("  ");
            }
            if right[i] {
                out.push_str(&pad);
                out.push_str(cell);
            } else {
                out.push_str(cell);
                out.push_str(&pad);
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    out.push_str(&line(widths.iter().map(|w| "-".repeat(*w)).collect()));
    for row in rows {
        out.push_str(&line(
            row.iter().map(|c| one_line(c).into_owned()).collect(),
        ));
    }
    out
}

fn categorical_row(c: &Categorical) -> Vec<String> {
    vec![
        c.name.clone(),
        c.units.to_string(),
        c.observed.map_or_else(|| "–".into(), pct),
        opt(c.kappa),
        opt(c.alpha),
    ]
}

/// The report as tables for a terminal.
pub fn render(r: &Report, skipped: usize) -> String {
    let mut out = format!(
        "{} coders ({}), {} article(s) coded by two or more",
        r.coders.len(),
        r.coders
            .iter()
            .map(|c| one_line(c).into_owned())
            .collect::<Vec<_>>()
            .join(", "),
        r.articles
    );
    if skipped > 0 {
        out.push_str(&format!("; {skipped} coded by one only, skipped"));
    }
    out.push_str("\n\nSpan agreement (%, mean over coder pairs; P and R take the first coder of a pair as reference)\n");
    let mut rows: Vec<Vec<String>> = r.layers.iter().map(layer_row).collect();
    rows.push(layer_row(&r.claims));
    out.push_str(&table(
        &[
            "layer",
            "items/coder",
            "exact P",
            "R",
            "F1",
            "F1 range",
            "overlap P",
            "R",
            "F1",
        ],
        &rows,
    ));
    out.push_str("(claims: exact content and overlapping source; overlap: overlapping content)\n");
    if r.coders.len() > 2 {
        out.push_str("\nPairwise exact F1 %\n");
        let mut rows = Vec::new();
        for (i, p) in r.claims.pairs.iter().enumerate() {
            let mut row = vec![format!("{} / {}", r.coders[p.a], r.coders[p.b])];
            for l in &r.layers {
                let pc = &l.pairs[i];
                row.push(if pc.exact.gold + pc.exact.predicted > 0.0 {
                    pct(pc.exact.f1())
                } else {
                    "–".to_string()
                });
            }
            row.push(pct(p.exact.f1()));
            rows.push(row);
        }
        out.push_str(&table(
            &["pair", "mentions", "sources", "cues", "contents", "claims"],
            &rows,
        ));
    }
    out.push_str("\nCategories over matched items\n");
    out.push_str(&table(
        &["judgement", "units", "observed %", "kappa", "alpha"],
        &[categorical_row(&r.polarity), categorical_row(&r.status)],
    ));
    out
}
