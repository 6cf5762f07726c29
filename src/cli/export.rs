//! `gloss export`: annotation files to brat, W3C Web Annotation, CSV, doccano, PolNeAR JSONL or
//! a discourse network. Everything is built in memory first; files are written only when all
//! of it succeeded, each one atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::CliResult;
use crate::export::{self, Format, Include, Texts};
use crate::model::Document;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Formats and what -o names:
  brat      a directory: ARTICLE.txt + ARTICLE.ann per article, annotation.conf, visual.conf
  w3c       a JSON-LD file (an AnnotationCollection per article; an array when several)
  csv       a directory: claims.csv and stances.csv (one row per claim / stance)
  doccano   a JSONL file, one article a line
  polnear   a JSONL file, one article a line (what ../shared/eval's scorers read)
  network   a directory: two_mode.graphml, two_mode.csv (actor x target, polarity),
            one_mode.graphml, one_mode.csv (actor x actor, congruence / conflict)
w3c, doccano and polnear go to standard output without -o.
Rejected items are never exported.")]
pub struct Args {
    /// brat, w3c, csv, doccano, polnear or network.
    #[arg(long, short = 'f')]
    pub format: String,
    /// Where to write (a file or a directory, by format; see below).
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// The article texts (anything gloss reads), matched to annotations by article id; else
    /// each document's `article.source` is read (a relative one from the working directory,
    /// else from the annotation file's directory or one above it). brat and doccano need the
    /// text.
    #[arg(long, value_name = "PATH")]
    pub text: Vec<PathBuf>,
    /// auto: everything not rejected (the default); reviewed: only accepted, edited, manual.
    #[arg(long, default_value = "auto")]
    pub include: String,
    /// Annotation files or directories of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
}

/// A file to write: path and contents.
pub type Output = (PathBuf, String);

pub fn run(args: Args) -> CliResult {
    let format: Format = args.format.parse()?;
    if !format.exports() {
        return Err(format!("gloss cannot export to {format}").into());
    }
    let include: Include = args.include.parse()?;
    let docs = export::load_documents(&args.inputs)?;
    let texts = if args.text.is_empty() {
        Texts::default()
    } else {
        Texts::load(&args.text)?
    };
    let outputs = build(format, include, &docs, &texts, args.output.as_deref())?;
    match outputs {
        Built::Files(files) => {
            write_all(&files)?;
            eprintln!(
                "gloss: exported {} document(s) as {format}: {} file(s) written",
                docs.len(),
                files.len()
            );
        }
        Built::Stdout(text) => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(())
}

/// What an export produced.
#[derive(Debug)]
pub enum Built {
    Files(Vec<Output>),
    Stdout(String),
}

fn need_dir(format: Format, out: Option<&Path>) -> Result<PathBuf, String> {
    out.map(Path::to_path_buf)
        .ok_or_else(|| format!("--format {format} writes several files: give a directory with -o"))
}

/// The article text a document needs, checked against its spans.
fn text_of(doc: &Document, texts: &Texts, path: &Path) -> Result<String, String> {
    let text = texts
        .text_for_in(doc, path.parent())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    export::check_spans(doc, text.chars().count())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text)
}

/// The text when there is one; a text that does not match is still an error.
fn maybe_text(doc: &Document, texts: &Texts, path: &Path) -> Result<Option<String>, String> {
    match texts.text_for_in(doc, path.parent()) {
        Ok(text) => {
            export::check_spans(doc, text.chars().count())
                .map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(Some(text))
        }
        Err(export::TextError::Missing { .. }) => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

fn jsonl(values: &[Value]) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for v in values {
        out.push_str(&serde_json::to_string(v)?);
        out.push('\n');
    }
    Ok(out)
}

/// Builds every output of an export in memory.
pub fn build(
    format: Format,
    include: Include,
    docs: &[(PathBuf, Document)],
    texts: &Texts,
    out: Option<&Path>,
) -> Result<Built, Box<dyn std::error::Error + Send + Sync>> {
    let filtered: Vec<(PathBuf, Document)> = docs
        .iter()
        .map(|(p, d)| (p.clone(), export::filter(d, include)))
        .collect();
    let refs: Vec<&Document> = filtered.iter().map(|(_, d)| d).collect();
    let single = |text: String| -> Built {
        match out {
            Some(path) => Built::Files(vec![(path.to_path_buf(), text)]),
            None => Built::Stdout(text),
        }
    };
    let built = match format {
        Format::Brat => {
            let dir = need_dir(format, out)?;
            let mut files = vec![
                (
                    dir.join("annotation.conf"),
                    export::brat::ANNOTATION_CONF.to_string(),
                ),
                (
                    dir.join("visual.conf"),
                    export::brat::VISUAL_CONF.to_string(),
                ),
            ];
            let mut seen = std::collections::HashSet::new();
            for (path, doc) in &filtered {
                let stem = crate::store::file_stem(&doc.article.id);
                if !seen.insert(stem.clone()) {
                    return Err(format!(
                        "{}: article {:?} appears twice in the inputs",
                        path.display(),
                        doc.article.id
                    )
                    .into());
                }
                let text = text_of(doc, texts, path)?;
                let brat = export::brat::to_brat(doc, &text);
                files.push((dir.join(format!("{stem}.txt")), brat.txt));
                files.push((dir.join(format!("{stem}.ann")), brat.ann));
            }
            Built::Files(files)
        }
        Format::W3c => {
            let mut inputs = Vec::new();
            for (path, doc) in &filtered {
                let text = maybe_text(doc, texts, path)?;
                inputs.push((doc, text, export::w3c::base_of(doc)));
            }
            let mut collections: Vec<_> = inputs
                .iter()
                .map(|(doc, text, base)| export::w3c::to_w3c(doc, text.as_deref(), base))
                .collect();
            let mut text = if collections.len() == 1 {
                serde_json::to_string_pretty(&collections.remove(0))?
            } else {
                serde_json::to_string_pretty(&collections)?
            };
            text.push('\n');
            single(text)
        }
        Format::Csv => {
            let dir = need_dir(format, out)?;
            Built::Files(vec![
                (dir.join("claims.csv"), export::csv::claims_csv(&refs)),
                (dir.join("stances.csv"), export::csv::stances_csv(&refs)),
            ])
        }
        Format::Doccano => {
            let mut lines = Vec::new();
            for (path, doc) in &filtered {
                let text = text_of(doc, texts, path)?;
                lines.push(export::doccano::to_doccano(doc, &text));
            }
            single(jsonl(&lines)?)
        }
        Format::Polnear => {
            let mut lines = Vec::new();
            for (path, doc) in &filtered {
                let text = maybe_text(doc, texts, path)?;
                lines.push(export::polnear::to_polnear(doc, text.as_deref()));
            }
            single(jsonl(&lines)?)
        }
        Format::Network => {
            let dir = need_dir(format, out)?;
            let net = export::network::network(&refs);
            Built::Files(vec![
                (
                    dir.join("two_mode.graphml"),
                    export::network::two_mode_graphml(&net),
                ),
                (
                    dir.join("two_mode.csv"),
                    export::network::two_mode_csv(&net),
                ),
                (
                    dir.join("one_mode.graphml"),
                    export::network::one_mode_graphml(&net),
                ),
                (
                    dir.join("one_mode.csv"),
                    export::network::one_mode_csv(&net),
                ),
            ])
        }
        Format::Gloss => return Err("gloss cannot export to gloss".into()),
    };
    Ok(built)
}

/// Writes every output, each atomically.
pub fn write_all(files: &[Output]) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    for (path, contents) in files {
        crate::store::write_file(path, contents.as_bytes()).map_err(|e| e.to_string())?;
    }
    Ok(())
}
