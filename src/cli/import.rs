//! `gloss import`: brat, doccano, PolNeAR JSONL or gloss JSON into gloss annotation files (and,
//! for formats that carry the text, the article text beside them). Every input is read and
//! checked before anything is written; existing files are never replaced without `--force`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::CliResult;
use super::export::Output;
use crate::export::{self, Format};
use crate::model::{Document, FORMAT_MAJOR, Status};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Inputs by format:
  brat     .ann files (the .txt beside each), or directories of them
  doccano  .jsonl files (one article a line, as doccano exports relation data)
  polnear  .jsonl files with their texts (../shared/eval); ids <article>__<annotator> go to
           DIR/<annotator>/<article>.json, one directory per coder, ready for `gloss agree`
  gloss    gloss annotation files or directories: validated, spans checked against the text
           when it can be found, and copied
doccano and polnear texts are written as DIR/<article>.txt and each document's article.source
points there, so the TUI opens them.
Status: imported items get `accepted` when the data is gold (the default for polnear, or
--status accepted), else `manual`; a status the file itself carries (gloss's own brat or doccano
exports) wins. gloss files keep their statuses.")]
pub struct Args {
    /// brat, doccano, polnear or gloss.
    #[arg(long, short = 'f')]
    pub format: String,
    /// Where annotation files go (default: $GLOSS_ANNOTATIONS, ./annotations, the data dir).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// accepted (gold data) or manual; default: accepted for polnear, manual otherwise.
    #[arg(long)]
    pub status: Option<String>,
    /// Replace annotation files that already exist.
    #[arg(long)]
    pub force: bool,
    /// Files or directories to import.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
}

type Error = Box<dyn std::error::Error + Send + Sync>;

/// What an import will write: annotation documents and texts.
#[derive(Debug, Default)]
pub struct Plan {
    pub docs: Vec<(PathBuf, Document)>,
    pub texts: Vec<Output>,
    pub notes: Vec<String>,
}

pub fn run(args: Args) -> CliResult {
    let format: Format = args.format.parse()?;
    if !format.imports() {
        return Err(format!(
            "gloss cannot import {format} (it reads brat, doccano, polnear, gloss)"
        )
        .into());
    }
    let status = match args.status.as_deref() {
        None if format == Format::Polnear => Status::Accepted,
        None => Status::Manual,
        Some("accepted") => Status::Accepted,
        Some("manual") => Status::Manual,
        Some(other) => return Err(format!("--status {other:?}: use accepted or manual").into()),
    };
    let dir = crate::store::annotations_dir(args.output.as_deref());
    let plan = plan(format, &args.inputs, &dir, status)?;
    check_free(&plan, args.force)?;
    for (path, text) in &plan.texts {
        crate::store::write_file(path, text.as_bytes()).map_err(|e| e.to_string())?;
    }
    for (path, doc) in &plan.docs {
        crate::store::save(path, doc)?;
    }
    for note in &plan.notes {
        eprintln!("gloss: {note}");
    }
    let claims: usize = plan.docs.iter().map(|(_, d)| d.claims.len()).sum();
    eprintln!(
        "gloss: imported {} document(s), {claims} claim(s), into {}",
        plan.docs.len(),
        dir.display()
    );
    Ok(())
}

/// Refuses to replace existing annotation files (unless forced) and to write one path twice.
fn check_free(plan: &Plan, force: bool) -> Result<(), Error> {
    let mut seen: HashSet<&Path> = HashSet::new();
    for (path, _) in &plan.docs {
        if !seen.insert(path) {
            return Err(format!(
                "two inputs are for the same article: both would be written to {}",
                path.display()
            )
            .into());
        }
        if path.exists() && !force {
            return Err(format!(
                "{} exists; nothing was written (use --force to replace it)",
                path.display()
            )
            .into());
        }
    }
    let mut texts: HashMap<&Path, &str> = HashMap::new();
    for (path, text) in &plan.texts {
        if let Some(prev) = texts.insert(path, text)
            && prev != text
        {
            return Err(format!(
                "two inputs give different texts for {}; nothing was written",
                path.display()
            )
            .into());
        }
        // An article file with other text in it is someone's: never overwrite it unasked.
        if !force
            && path.exists()
            && std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str())
        {
            return Err(format!(
                "{} exists with another text; nothing was written (use --force to replace it)",
                path.display()
            )
            .into());
        }
    }
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Files with one of `extensions` among the inputs (directories walked, sorted).
fn files_with(inputs: &[PathBuf], extensions: &[&str]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    let matches = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
    };
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)
                .map_err(|e| format!("{}: {e}", input.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && matches(p))
                .collect();
            found.sort();
            out.extend(found);
        } else if input.is_file() {
            out.push(input.clone());
        } else {
            return Err(format!("{}: no such file or directory", input.display()).into());
        }
    }
    if out.is_empty() {
        return Err(format!("no .{} files in the inputs", extensions.join(" / .")).into());
    }
    Ok(out)
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()).into())
}

/// Reads and checks every input; nothing is written.
pub fn plan(format: Format, inputs: &[PathBuf], dir: &Path, status: Status) -> Result<Plan, Error> {
    let mut plan = Plan::default();
    let text_path = |id: &str| dir.join(format!("{}.txt", crate::store::file_stem(id)));
    let source_for = |id: &str| absolute(&text_path(id)).display().to_string();
    match format {
        Format::Brat => {
            let mut anns: Vec<PathBuf> = Vec::new();
            for input in inputs {
                let found = if input.is_dir() {
                    files_with(std::slice::from_ref(input), &["ann"])?
                } else if input.is_file() {
                    vec![input.with_extension("ann")]
                } else {
                    return Err(format!("{}: no such file or directory", input.display()).into());
                };
                for ann in found {
                    if !anns.contains(&ann) {
                        anns.push(ann);
                    }
                }
            }
            for ann_path in anns {
                let txt_path = ann_path.with_extension("txt");
                let ann = read(&ann_path)?;
                let raw = read(&txt_path)?;
                let id = txt_path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("article");
                let source = absolute(&txt_path).display().to_string();
                let doc = export::brat::from_brat(id, &source, &raw, &ann, &ann_path, status)?;
                plan.docs.push((crate::store::path_for(dir, id), doc));
            }
        }
        Format::Doccano | Format::Polnear => {
            for file in files_with(inputs, &["jsonl", "json"])? {
                let content = read(&file)?;
                let mut skipped = 0;
                for (i, line) in content.lines().enumerate() {
                    if line.trim().is_empty() {
                        continue;
                    }
                    let (doc, text, annotator) = if format == Format::Doccano {
                        let imported = export::doccano::from_doccano_line(
                            line,
                            &file,
                            i + 1,
                            status,
                            &source_for,
                        )?;
                        (imported.doc, imported.text, None)
                    } else {
                        let imported = export::polnear::from_polnear_line(
                            line,
                            &file,
                            i + 1,
                            status,
                            &source_for,
                        )?;
                        skipped += imported.skipped;
                        (imported.doc, imported.text, imported.annotator)
                    };
                    let id = doc.article.id.clone();
                    let doc_dir = match &annotator {
                        Some(a) => dir.join(crate::store::file_stem(a)),
                        None => dir.to_path_buf(),
                    };
                    plan.texts.push((text_path(&id), text));
                    plan.docs.push((crate::store::path_for(&doc_dir, &id), doc));
                }
                if skipped > 0 {
                    plan.notes.push(format!(
                        "{}: {skipped} attribution(s) without content left out",
                        file.display()
                    ));
                }
            }
        }
        Format::Gloss => {
            for file in export::annotation_files(inputs)? {
                let doc = crate::store::load(&file)?;
                let doc = validate(doc, &file)?;
                plan.docs
                    .push((crate::store::path_for(dir, &doc.article.id), doc));
            }
            if plan.docs.is_empty() {
                return Err("no annotation files (*.json) in the inputs".into());
            }
        }
        other => return Err(format!("gloss cannot import {other}").into()),
    }
    Ok(plan)
}

/// Checks a gloss document: format version, unique ids, links, and (when its text can be
/// found) that every span fits it; spans are then re-derived from the text.
pub fn validate(mut doc: Document, path: &Path) -> Result<Document, Error> {
    let at = |m: String| -> Error { format!("{}: {m}", path.display()).into() };
    match doc.format_major() {
        Some(FORMAT_MAJOR) => {}
        Some(n) => {
            return Err(at(format!(
                "format gloss/{n} is newer than this gloss reads (gloss/{FORMAT_MAJOR})"
            )));
        }
        None => {
            return Err(at(format!(
                "not a gloss annotation file (format {:?})",
                doc.format
            )));
        }
    }
    let mut ids = HashSet::new();
    for id in doc
        .actors
        .iter()
        .map(|a| &a.id)
        .chain(doc.claims.iter().map(|c| &c.id))
        .chain(doc.stances.iter().map(|s| &s.id))
    {
        if !ids.insert(id.clone()) {
            return Err(at(format!("id {id:?} is used twice")));
        }
    }
    let actors: HashSet<&str> = doc.actors.iter().map(|a| a.id.as_str()).collect();
    let claims: HashSet<&str> = doc.claims.iter().map(|c| c.id.as_str()).collect();
    for c in &doc.claims {
        if let Some(a) = &c.actor
            && !actors.contains(a.as_str())
        {
            return Err(at(format!(
                "claim {} names actor {a:?}, which does not exist",
                c.id
            )));
        }
    }
    for s in &doc.stances {
        if !actors.contains(s.actor.as_str()) {
            return Err(at(format!(
                "stance {} names actor {:?}, which does not exist",
                s.id, s.actor
            )));
        }
        if let Some(c) = &s.claim
            && !claims.contains(c.as_str())
        {
            return Err(at(format!(
                "stance {} names claim {c:?}, which does not exist",
                s.id
            )));
        }
    }
    let texts = export::Texts::default();
    match texts.text_for_in(&doc, path.parent()) {
        Ok(text) => {
            let chars = text.chars().count();
            let map = crate::article::offsets::OffsetMap::new(&text);
            let refresh = |span: &mut crate::model::Span| -> Result<(), String> {
                if span.orphaned {
                    return Ok(());
                }
                if !export::span_fits(span, chars) {
                    return Err(format!(
                        "span {}..{} is outside the text ({chars} code points)",
                        span.start, span.end
                    ));
                }
                let fresh = export::span_from_pieces(&map, &text, &export::pieces_of(span));
                *span = fresh;
                Ok(())
            };
            for a in &mut doc.actors {
                for m in &mut a.mentions {
                    refresh(m).map_err(|e| at(format!("actor {}: {e}", a.id)))?;
                }
            }
            for c in &mut doc.claims {
                for s in [c.source.as_mut(), c.cue.as_mut(), Some(&mut c.content)]
                    .into_iter()
                    .flatten()
                {
                    refresh(s).map_err(|e| at(format!("claim {}: {e}", c.id)))?;
                }
            }
            for s in &mut doc.stances {
                if let Some(e) = s.evidence.as_mut() {
                    refresh(e).map_err(|e| at(format!("stance {}: {e}", s.id)))?;
                }
            }
        }
        Err(export::TextError::Missing { .. }) => {}
        Err(e) => return Err(at(e.to_string())),
    }
    Ok(doc)
}
