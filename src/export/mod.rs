//! Exports and imports: brat, W3C Web Annotation, CSV, doccano, PolNeAR JSONL, networks.
//!
//! Every format is a pure function from documents (and, where the format carries it, the article
//! text) to files in memory, and back; the CLI (`cli::export`, `cli::import`) does the writing.
//!
//! What survives a round trip (gloss → format → gloss), rejected and orphaned items aside,
//! which no export carries:
//! - brat: every span (discontinuous parts included), actor ids, names, kinds, roles, aliases,
//!   claim links (source, cue, content, actor), kinds, statuses, tags, notes, rule and
//!   confidence, stances with an evidence span. Lost: stances without evidence, actors neither
//!   mentioned nor speaking nor holding a stance, document `labels`, unknown (`extra`) fields;
//!   the title is re-read from the text's first line; note values lose surrounding spaces.
//! - doccano: everything brat keeps, plus stances without evidence and `labels` (in the extra
//!   `gloss` field). Lost: unknown fields.
//! - polnear: claim spans only. Actors, stances, tags and notes are lost; kinds are guessed
//!   again from quote marks; statuses become `accepted` (or `--status`).
//! - w3c, csv, network: export only.

pub mod brat;
pub mod csv;
pub mod doccano;
pub mod network;
pub mod polnear;
pub mod w3c;

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::article::offsets::OffsetMap;
use crate::model::{Document, Span, Status};

/// The formats gloss writes (and, for some, reads).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Brat,
    W3c,
    Csv,
    Doccano,
    Polnear,
    Network,
    /// gloss's own JSON (import only: validate and normalise).
    Gloss,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Brat,
        Format::W3c,
        Format::Csv,
        Format::Doccano,
        Format::Polnear,
        Format::Network,
        Format::Gloss,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Brat => "brat",
            Format::W3c => "w3c",
            Format::Csv => "csv",
            Format::Doccano => "doccano",
            Format::Polnear => "polnear",
            Format::Network => "network",
            Format::Gloss => "gloss",
        }
    }

    /// Whether `gloss export` writes it.
    pub fn exports(self) -> bool {
        self != Format::Gloss
    }

    /// Whether `gloss import` reads it.
    pub fn imports(self) -> bool {
        matches!(
            self,
            Format::Brat | Format::Doccano | Format::Polnear | Format::Gloss
        )
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown format name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format {name:?} (known: brat, w3c, csv, doccano, polnear, network, gloss)")]
pub struct UnknownFormat {
    pub name: String,
}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownFormat {
                name: s.to_string(),
            })
    }
}

/// Which annotations an export keeps. Rejected items are always left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Include {
    /// Everything not rejected, unreviewed extractor output included.
    #[default]
    Auto,
    /// Only what a person accepted, edited or made.
    Reviewed,
}

impl Include {
    pub fn keeps(self, status: Status) -> bool {
        match self {
            Include::Auto => status != Status::Rejected,
            Include::Reviewed => {
                matches!(status, Status::Accepted | Status::Edited | Status::Manual)
            }
        }
    }
}

impl FromStr for Include {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "auto" | "all" => Ok(Include::Auto),
            "reviewed" => Ok(Include::Reviewed),
            other => Err(format!("unknown --include {other:?} (auto or reviewed)")),
        }
    }
}

/// The document with only the items `include` keeps, orphaned spans left out. Links to dropped items are cut: a claim
/// whose actor was dropped keeps its spans but loses the actor; a stance whose actor was
/// dropped is dropped; a stance's claim link to a dropped claim is cleared.
pub fn filter(doc: &Document, include: Include) -> Document {
    let mut out = doc.clone();
    out.actors.retain(|a| include.keeps(a.meta.status));
    // Orphaned spans point at text that is no longer there: no format can place them.
    for actor in &mut out.actors {
        actor.mentions.retain(|m| !m.orphaned);
    }
    out.claims.retain(|c| !c.content.orphaned);
    for claim in &mut out.claims {
        if claim.source.as_ref().is_some_and(|s| s.orphaned) {
            claim.source = None;
        }
        if claim.cue.as_ref().is_some_and(|s| s.orphaned) {
            claim.cue = None;
        }
    }
    for stance in &mut out.stances {
        if stance.evidence.as_ref().is_some_and(|s| s.orphaned) {
            stance.evidence = None;
        }
    }
    let actors: HashSet<String> = out.actors.iter().map(|a| a.id.clone()).collect();
    out.claims.retain(|c| include.keeps(c.meta.status));
    for claim in &mut out.claims {
        if claim.actor.as_ref().is_some_and(|a| !actors.contains(a)) {
            claim.actor = None;
        }
    }
    let claims: HashSet<String> = out.claims.iter().map(|c| c.id.clone()).collect();
    out.stances
        .retain(|s| include.keeps(s.meta.status) && actors.contains(&s.actor));
    for stance in &mut out.stances {
        if stance.claim.as_ref().is_some_and(|c| !claims.contains(c)) {
            stance.claim = None;
        }
    }
    out
}

/// Something wrong with the text an export needs.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error(
        "article {id:?}: no text found (pass --text with the article, or keep its source file at {source_path:?})"
    )]
    Missing { id: String, source_path: String },
    #[error(
        "article {id:?}: the text in {path} is not the one annotated (sha256 {found}, the annotations expect {expected})"
    )]
    Changed {
        id: String,
        path: String,
        expected: String,
        found: String,
    },
    #[error("{path}: {message}")]
    Load { path: PathBuf, message: String },
}

/// The article texts an export may use, by article id (from `--text`).
#[derive(Debug, Default, Clone)]
pub struct Texts {
    articles: Vec<crate::article::Article>,
}

impl Texts {
    pub fn new(articles: Vec<crate::article::Article>) -> Self {
        Texts { articles }
    }

    /// Loads every article the loader reads from `paths`.
    pub fn load(paths: &[PathBuf]) -> Result<Self, TextError> {
        let mut articles = Vec::new();
        for path in paths {
            let loaded = crate::article::load::load(path).map_err(|e| TextError::Load {
                path: path.clone(),
                message: e.to_string(),
            })?;
            if let Some(error) = loaded.errors.first() {
                return Err(TextError::Load {
                    path: path.clone(),
                    message: error.to_string(),
                });
            }
            articles.extend(loaded.articles);
        }
        Ok(Texts { articles })
    }

    /// The text of `doc`'s article: from `--text` (by id), else from `article.source` when that
    /// file exists. The text must hash to the document's `sha256`.
    pub fn text_for(&self, doc: &Document) -> Result<String, TextError> {
        self.text_for_in(doc, None)
    }

    /// As `text_for`; a relative `article.source` not found from the working directory is also
    /// looked for in `base` (the annotation file's directory) and each directory above it, so
    /// `seeds/a.txt`, recorded by a TUI run from the project root, is found from anywhere when
    /// the annotations live under that root. The first file there whose text is the annotated
    /// one wins.
    pub fn text_for_in(&self, doc: &Document, base: Option<&Path>) -> Result<String, TextError> {
        let meta = &doc.article;
        let check = |article: &crate::article::Article, path: &str| {
            if article.sha256 == meta.sha256 {
                Ok(article.text.clone())
            } else {
                Err(TextError::Changed {
                    id: meta.id.clone(),
                    path: path.to_string(),
                    expected: meta.sha256.clone(),
                    found: article.sha256.clone(),
                })
            }
        };
        let given: Vec<&crate::article::Article> =
            self.articles.iter().filter(|a| a.id == meta.id).collect();
        if !given.is_empty() {
            // Several texts with one id (a corpus and a file): any that matches will do.
            if let Some(a) = given.iter().find(|a| a.sha256 == meta.sha256) {
                return Ok(a.text.clone());
            }
            return check(given[0], &given[0].source);
        }
        let source = meta.source.as_str();
        // Corpus records are `path#line`.
        let file = match source.rsplit_once('#') {
            Some((file, line)) if line.chars().all(|c| c.is_ascii_digit()) => file,
            _ => source,
        };
        let missing = || TextError::Missing {
            id: meta.id.clone(),
            source_path: source.to_string(),
        };
        if file.is_empty() || file == "-" {
            return Err(missing());
        }
        // A file that exists but holds another text is reported only when no other place
        // holds the annotated one.
        let mut first_error = None;
        for path in source_candidates(Path::new(file), base) {
            let loaded = match crate::article::load::load(&path) {
                Ok(loaded) => loaded,
                Err(e) => {
                    first_error.get_or_insert(TextError::Load {
                        path: path.clone(),
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            let candidates: Vec<&crate::article::Article> = if loaded.articles.len() == 1 {
                loaded.articles.iter().collect()
            } else {
                loaded.articles.iter().filter(|a| a.id == meta.id).collect()
            };
            if let Some(a) = candidates.iter().find(|a| a.sha256 == meta.sha256) {
                return Ok(a.text.clone());
            }
            if let Some(a) = candidates.first()
                && let Err(e) = check(a, &path.display().to_string())
            {
                first_error.get_or_insert(e);
            }
        }
        Err(first_error.unwrap_or_else(missing))
    }
}

/// The existing files a recorded article source may name, in the order they are tried: the
/// path itself (from the working directory when relative), then, for a relative path, the path
/// under `base` and under each directory above `base`.
fn source_candidates(file: &Path, base: Option<&Path>) -> Vec<PathBuf> {
    let mut tried = vec![file.to_path_buf()];
    if file.is_relative()
        && let Some(base) = base
    {
        // Absolute, so that the search climbs above the working directory too.
        let base = std::fs::canonicalize(base)
            .or_else(|_| std::path::absolute(base))
            .unwrap_or_else(|_| base.to_path_buf());
        tried.extend(base.ancestors().map(|dir| dir.join(file)));
    }
    let mut found: Vec<PathBuf> = Vec::new();
    for path in tried {
        if path.is_file() && !found.iter().any(|f| same_file(f, &path)) {
            found.push(path);
        }
    }
    found
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// A span is inside a text of `chars` code points, its pieces sorted and not empty.
pub fn span_fits(span: &Span, chars: usize) -> bool {
    let pieces = span.pieces();
    span.start <= span.end
        && span.end <= chars
        && pieces.iter().all(|r| {
            r.start < r.end && r.end <= chars && r.start >= span.start && r.end <= span.end
        })
        && pieces.windows(2).all(|w| w[0].end <= w[1].start)
}

/// A span of a document that does not fit the article text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "article {article:?}: {item} has a span {start}..{end} outside the text ({chars} code points) or with empty or unordered parts"
)]
pub struct SpanOutside {
    pub article: String,
    pub item: String,
    pub start: usize,
    pub end: usize,
    pub chars: usize,
}

/// Checks that every span of `doc` lies inside a text of `chars` code points.
pub fn check_spans(doc: &Document, chars: usize) -> Result<(), SpanOutside> {
    let mut spans: Vec<(String, &Span)> = Vec::new();
    for actor in &doc.actors {
        for m in &actor.mentions {
            spans.push((format!("actor {} mention", actor.id), m));
        }
    }
    for claim in &doc.claims {
        if let Some(s) = &claim.source {
            spans.push((format!("claim {} source", claim.id), s));
        }
        if let Some(s) = &claim.cue {
            spans.push((format!("claim {} cue", claim.id), s));
        }
        spans.push((format!("claim {} content", claim.id), &claim.content));
    }
    for stance in &doc.stances {
        if let Some(s) = &stance.evidence {
            spans.push((format!("stance {} evidence", stance.id), s));
        }
    }
    for (item, span) in spans {
        if !span_fits(span, chars) {
            return Err(SpanOutside {
                article: doc.article.id.clone(),
                item,
                start: span.start,
                end: span.end,
                chars,
            });
        }
    }
    Ok(())
}

/// A span over code-point pieces of `text` (one piece gives a plain span), with its text and
/// context filled in. Pieces must lie inside the text.
pub fn span_from_pieces(map: &OffsetMap, text: &str, pieces: &[[usize; 2]]) -> Span {
    let ranges: Vec<std::ops::Range<usize>> = pieces
        .iter()
        .map(|[s, e]| map.to_byte(text, *s)..map.to_byte(text, *e))
        .collect();
    Span::from_byte_parts(map, text, &ranges)
}

/// The pieces of a span as `[start, end]` pairs.
pub fn pieces_of(span: &Span) -> Vec<[usize; 2]> {
    span.pieces()
        .into_iter()
        .map(|r| [r.start, r.end])
        .collect()
}

/// The text a span covers, pieces joined by `sep`, taken from the article text.
pub fn covered(map: &OffsetMap, text: &str, span: &Span, sep: &str) -> String {
    span.byte_pieces(map, text)
        .into_iter()
        .map(|r| &text[r])
        .collect::<Vec<_>>()
        .join(sep)
}

/// Every `*.json` annotation file a list of inputs names: files as given, directories walked
/// (sorted, not recursive), `*.bak`, `*.recovery.json` and `*.rescued-N.json` skipped.
pub fn annotation_files(inputs: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && is_annotation_file(p))
                .collect();
            found.sort();
            files.extend(found);
        } else if input.exists() {
            files.push(input.clone());
        } else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{}: no such file or directory", input.display()),
            ));
        }
    }
    Ok(files)
}

/// Whether a path names an annotation file (not a backup, a crash-recovery file or a rescue
/// file the store wrote beside an unreadable one).
pub fn is_annotation_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let rescued = name
        .strip_suffix(".json")
        .and_then(|stem| stem.rsplit_once(".rescued-"))
        .is_some_and(|(_, n)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    name.ends_with(".json")
        && !name.ends_with(".recovery.json")
        && !name.ends_with(".bak")
        && !rescued
}

/// Reads annotation documents from files and directories (see `annotation_files`).
pub fn load_documents(
    inputs: &[PathBuf],
) -> Result<Vec<(PathBuf, Document)>, Box<dyn std::error::Error + Send + Sync>> {
    let files = annotation_files(inputs)?;
    if files.is_empty() {
        return Err("no annotation files (*.json) in the inputs".into());
    }
    let mut docs = Vec::with_capacity(files.len());
    for file in files {
        let doc = crate::store::load(&file)?;
        docs.push((file, doc));
    }
    Ok(docs)
}

/// Escapes a value for `key=value; key=value` note lines (brat AnnotatorNotes).
pub(crate) fn escape_note(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            '=' => out.push_str("\\="),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Parses `key=value; key=value` (values escaped by `escape_note`). Text that is not a pair is
/// returned under the key `note` (a note a person typed in brat).
pub(crate) fn parse_note(line: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut key: Option<String> = None;
    let mut chars = line.chars();
    let push = |key: Option<String>, value: String, fields: &mut Vec<(String, String)>| {
        let value = value.trim().to_string();
        match key {
            Some(k) => fields.push((k.trim().to_string(), value)),
            None if !value.is_empty() => fields.push(("note".to_string(), value)),
            None => {}
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => current.push('\n'),
                Some('t') => current.push('\t'),
                Some('r') => current.push('\r'),
                Some(other) => current.push(other),
                None => current.push('\\'),
            },
            '=' if key.is_none() => {
                key = Some(std::mem::take(&mut current));
            }
            ';' => {
                push(key.take(), std::mem::take(&mut current), &mut fields);
            }
            c => current.push(c),
        }
    }
    push(key, current, &mut fields);
    fields
}

/// The entity type an actor kind is written as in brat and doccano ("Person", "Country", ...).
pub fn actor_type(kind: crate::model::ActorKind) -> &'static str {
    use crate::model::ActorKind;
    match kind {
        ActorKind::Person => "Person",
        ActorKind::Organization => "Organization",
        ActorKind::Country => "Country",
        ActorKind::Place => "Place",
        ActorKind::Group => "Group",
        ActorKind::Other => "Other",
    }
}

/// The actor kind of an entity type from brat or doccano, case-insensitive, with the usual
/// NER labels (PER, ORG, GPE, LOC, NORP) read as their kinds.
pub fn actor_kind(label: &str) -> Option<crate::model::ActorKind> {
    use crate::model::ActorKind;
    Some(match label.to_lowercase().as_str() {
        "person" | "per" => ActorKind::Person,
        "organization" | "organisation" | "org" => ActorKind::Organization,
        "country" | "gpe" => ActorKind::Country,
        "place" | "location" | "loc" => ActorKind::Place,
        "group" | "norp" => ActorKind::Group,
        "other" => ActorKind::Other,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_format_names_and_rejects_unknown_ones() {
        assert_eq!("BRAT".parse::<Format>(), Ok(Format::Brat));
        let err = "bart".parse::<Format>().expect_err("unknown");
        assert!(err.to_string().contains("\"bart\""), "{err}");
    }

    #[test]
    fn reviewed_keeps_only_what_a_person_saw() {
        assert!(!Include::Reviewed.keeps(Status::Auto));
        assert!(Include::Reviewed.keeps(Status::Edited));
        assert!(Include::Auto.keeps(Status::Auto));
        assert!(!Include::Auto.keeps(Status::Rejected));
    }

    #[test]
    fn notes_round_trip_through_escaping() {
        let value = "a; b=c\\d\nnext";
        let line = format!("claim=c1; note={}", escape_note(value));
        let fields = parse_note(&line);
        assert_eq!(
            fields,
            vec![
                ("claim".to_string(), "c1".to_string()),
                ("note".to_string(), value.to_string())
            ]
        );
    }

    #[test]
    fn free_text_notes_become_the_note() {
        assert_eq!(
            parse_note("checked by hand"),
            vec![("note".to_string(), "checked by hand".to_string())]
        );
    }

    #[test]
    fn skips_backups_and_recovery_files() {
        assert!(is_annotation_file(Path::new("a/x.json")));
        assert!(!is_annotation_file(Path::new("a/x.recovery.json")));
        assert!(!is_annotation_file(Path::new("a/x.json.bak")));
        assert!(!is_annotation_file(Path::new("a/x.txt")));
        assert!(!is_annotation_file(Path::new("a/x.rescued-2.json")));
        assert!(is_annotation_file(Path::new("a/x.rescued.json")));
    }
}
