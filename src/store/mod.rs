//! Where annotation files live and how they are read and written without ever losing work.
//!
//! An article's annotation file is `NAME.json`, NAME = [`file_stem`] of its id: the id itself
//! when it is a safe file name, else a readable form of it and a hash of the exact id, so two
//! ids never share a file. An annotation file also holds its article's id, and a file holding
//! another article's id is never opened as this article's nor overwritten by it
//! ([`StoreError::OtherArticle`]: a case-insensitive file system, a copied file).
//!
//! Files beside it:
//! - `NAME.json.bak`: the previous version, kept by every [`save`];
//! - `NAME.recovery.json`: unsaved work, written by [`write_recovery`] while editing and
//!   removed by [`remove_recovery`] after a successful save; [`open`] offers it when it is
//!   newer than `NAME.json` ([`Opened::recovery`], [`open_recovery`]);
//! - `NAME.rescued-N.json`: where work goes when `NAME.json` cannot be read (malformed, or
//!   written by a newer gloss): that file is never overwritten.
//!
//! Saves are atomic: a temporary file in the same directory is written and synced, then renamed
//! over the old file, so a crash leaves either the old or the new version, never a mix.

pub mod reanchor;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::Value;

use crate::article::Article;
use crate::model::{self, Document};

pub use reanchor::{Outcome, ReanchorReport, reanchor};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: written by a newer gloss (format {found:?}); this gloss reads {} and leaves the file as it is",
        model::FORMAT
    )]
    NewerFormat { path: PathBuf, found: String },
    #[error(
        "{path}: not a gloss annotation file (format {found:?}, expected {:?})",
        model::FORMAT
    )]
    NotGloss { path: PathBuf, found: String },
    #[error(
        "{path}: holds the annotations of article {found:?}, not of {expected:?}; the file is left as it is"
    )]
    OtherArticle {
        path: PathBuf,
        expected: String,
        found: String,
    },
}

impl StoreError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    fn parse(path: &Path, error: &serde_json::Error) -> Self {
        let message = error.to_string();
        // serde_json appends " at line L column C"; the place is already in front.
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        StoreError::Parse {
            path: path.to_path_buf(),
            line: error.line(),
            // Columns are 1-based, but serde_json says 0 when the input ends right after a
            // newline (a truncated file): the place is then the first column of that line.
            column: error.column().max(1),
            message,
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            StoreError::Io { path, .. }
            | StoreError::Parse { path, .. }
            | StoreError::NewerFormat { path, .. }
            | StoreError::NotGloss { path, .. }
            | StoreError::OtherArticle { path, .. } => path,
        }
    }

    fn is_not_found(&self) -> bool {
        matches!(self, StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    }
}

/// Longest readable part of a file name, in chars and in bytes: file systems allow 255 bytes,
/// and the hash and the suffixes of companion files (`.rescued-N.recovery.json`) must fit.
const STEM_CHARS: usize = 120;
const STEM_BYTES: usize = 200;
/// Hex digits of the id's SHA-256 appended to a name that is not the id itself.
const HASH_DIGITS: usize = 8;

/// A file name for an article id, safe on every file system, and never the same for two ids.
///
/// An id made only of letters, digits, `-`, `_` and `.` (not leading), at most 120 chars, is
/// its own name. Any other id gets a readable form (other chars as `_`, leading dots dropped,
/// cut to length, `article` when nothing is left) followed by `~` and the start of the
/// SHA-256 of the exact id: `~` never occurs in a safe id, so a hashed name cannot be another
/// id's plain one. Ids whose name would be a companion file of another id's (`x.recovery`,
/// `x.rescued-2`, `x.new`) are hashed too.
pub fn file_stem(article_id: &str) -> String {
    let legacy = legacy_stem(article_id);
    let mut readable = String::new();
    for c in legacy.chars() {
        if readable.len() + c.len_utf8() > STEM_BYTES {
            break;
        }
        readable.push(c);
    }
    if readable == article_id && !names_a_companion(&readable) {
        return readable;
    }
    let hash = crate::article::sha256_hex(article_id);
    format!("{readable}~{}", &hash[..HASH_DIGITS])
}

/// The file stem gloss used before names were made unique: the readable part alone. Files an
/// article saved under it are still opened ([`open`]) when they hold that article's id.
fn legacy_stem(article_id: &str) -> String {
    let safe: String = article_id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = safe.trim_start_matches('.');
    if safe.is_empty() {
        "article".to_string()
    } else {
        safe.chars().take(STEM_CHARS).collect()
    }
}

/// A stem that names a file kept beside another annotation file: its recovery file, a rescue
/// file, or the TUI's fallback `NAME.new.json`.
fn names_a_companion(stem: &str) -> bool {
    let lower = stem.to_lowercase();
    let rescued = lower
        .rsplit_once(".rescued-")
        .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    rescued || lower.ends_with(".recovery") || lower.ends_with(".new")
}

/// The annotation file of an article in `dir`.
pub fn path_for(dir: &Path, article_id: &str) -> PathBuf {
    dir.join(format!("{}.json", file_stem(article_id)))
}

/// The file an older gloss saved `article_id`'s annotations to, when it differs from
/// [`path_for`]'s.
fn legacy_path_for(dir: &Path, article_id: &str) -> Option<PathBuf> {
    let legacy = dir.join(format!("{}.json", legacy_stem(article_id)));
    (legacy != path_for(dir, article_id)).then_some(legacy)
}

/// The article id an annotation file holds, when it exists and reads as one (only the id is
/// parsed).
fn stored_article_id(path: &Path) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Head {
        article: HeadArticle,
    }
    #[derive(serde::Deserialize)]
    struct HeadArticle {
        id: String,
    }
    let bytes = std::fs::read(path).ok()?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    serde_json::from_slice::<Head>(bytes)
        .ok()
        .map(|head| head.article.id)
}

/// Refuses a document whose article is not `expected`.
fn check_article(path: &Path, doc: &Document, expected: &str) -> Result<(), StoreError> {
    if doc.article.id == expected {
        Ok(())
    } else {
        Err(StoreError::OtherArticle {
            path: path.to_path_buf(),
            expected: expected.to_string(),
            found: doc.article.id.clone(),
        })
    }
}

/// Reads an annotation document. A malformed file reports `path:line:column`; a file of a
/// newer major format, or not a gloss file at all, is refused before anything is read from it.
pub fn load(path: &Path) -> Result<Document, StoreError> {
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
    from_bytes(path, &bytes)
}

/// Parses the bytes of an annotation file, as [`load`] does; `path` is named in errors.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Document, StoreError> {
    // Some editors put a byte-order mark in front of UTF-8; JSON parsers refuse it.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| StoreError::parse(path, &e))?;
    let found = match value.get("format") {
        Some(Value::String(tag)) => tag.clone(),
        Some(other) => other.to_string(),
        None => "(none)".to_string(),
    };
    match model::format_major(&found) {
        Some(major) if major > model::FORMAT_MAJOR => {
            return Err(StoreError::NewerFormat {
                path: path.to_path_buf(),
                found,
            });
        }
        Some(_) => {}
        None => {
            return Err(StoreError::NotGloss {
                path: path.to_path_buf(),
                found,
            });
        }
    }
    serde_json::from_slice(bytes).map_err(|e| StoreError::parse(path, &e))
}

/// Where [`save`] keeps the previous version of an annotation file: `NAME.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes an annotation document atomically (a synced temporary file beside it, renamed over
/// it, the directory synced) and keeps the version it replaces as `NAME.json.bak`. A file there
/// holding another article's annotations is refused ([`StoreError::OtherArticle`]) and left
/// as it is.
pub fn save(path: &Path, doc: &Document) -> Result<(), StoreError> {
    save_with(path, doc, true, || Ok(()))
}

/// `save`, with a hook run just before the rename (tests inject failures there).
fn save_with(
    path: &Path,
    doc: &Document,
    backup: bool,
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> Result<(), StoreError> {
    if let Some(found) = stored_article_id(path)
        && found != doc.article.id
    {
        return Err(StoreError::OtherArticle {
            path: path.to_path_buf(),
            expected: doc.article.id.clone(),
            found,
        });
    }
    let mut json = serde_json::to_string_pretty(doc).map_err(|e| StoreError::io(path, e.into()))?;
    json.push('\n');
    write_atomic(path, json.as_bytes(), backup, before_rename)
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A temporary file in `dir`, hidden and named after `path`, so a killed writer's leftovers
/// are recognisable and never mistaken for articles or annotations.
fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile, StoreError> {
    let dir = parent_dir(path);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| StoreError::io(dir, e))
}

/// Writes any file as annotation files are written: a temporary file beside it, synced, then
/// renamed over it, with the permissions of the file it replaces (or 0644 for a new one), so a
/// reader never sees half a file. The CLI's outputs (`extract -o`, exports, imports) go here too.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic(path, bytes, false, || Ok(()))
}

fn write_atomic(
    path: &Path,
    bytes: &[u8],
    backup: bool,
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> Result<(), StoreError> {
    let dir = parent_dir(path);
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    let mut tmp = temp_beside(path)?;
    keep_permissions(path, tmp.path());
    tmp.write_all(bytes).map_err(|e| StoreError::io(path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io(path, e))?;
    if backup && path.exists() {
        keep_backup(path)?;
    }
    before_rename().map_err(|e| StoreError::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| StoreError::io(path, e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Gives the temporary file the permissions of the file it replaces (a new file: read-write for
/// the owner, readable by others, as an editor would make it; temporary files start private).
/// Best effort: a file that cannot be chmodded is still saved.
fn keep_permissions(path: &Path, tmp: &Path) {
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(permissions) = permissions {
        let _ = std::fs::set_permissions(tmp, permissions);
    }
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Copies the current file to `NAME.json.bak`, itself atomically.
fn keep_backup(path: &Path) -> Result<(), StoreError> {
    let bak = backup_path(path);
    let mut tmp = temp_beside(&bak)?;
    let mut old = std::fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    std::io::copy(&mut old, tmp.as_file_mut()).map_err(|e| StoreError::io(&bak, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io(&bak, e))?;
    tmp.persist(&bak)
        .map_err(|e| StoreError::io(&bak, e.error))?;
    Ok(())
}

/// Makes a rename durable. Best effort: not every platform can open a directory.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Where annotation files go: `--annotations DIR`, else `$GLOSS_ANNOTATIONS`, else
/// `./annotations` when it exists, else the data directory.
pub fn annotations_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os("GLOSS_ANNOTATIONS").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let local = Path::new("annotations");
    if local.is_dir() {
        return local.to_path_buf();
    }
    directories::ProjectDirs::from("", "", "gloss")
        .map(|d| d.data_dir().join("annotations"))
        .unwrap_or_else(|| local.to_path_buf())
}

/// Where a document came from when it was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Read from the annotation file (or from the rescue file that replaces an unreadable one).
    Saved,
    /// Made by the extractor: there was no annotation file, or it could not be read.
    Extracted,
}

/// An article's annotations, ready to edit.
#[derive(Debug, Clone)]
pub struct Opened {
    pub doc: Document,
    pub origin: Origin,
    /// Where saves go. Usually the annotation file; a new file beside it when that one could
    /// not be parsed (it is never overwritten).
    pub save_to: PathBuf,
    /// What the user should be told (re-anchored spans, a file that failed to parse, ...),
    /// one line each.
    pub notices: Vec<String>,
    /// A recovery file newer than the saved annotations: unsaved work from a session that
    /// ended without saving. Ask the user, then [`open_recovery`] to take it (or
    /// [`remove_recovery`] on `save_to` to discard it).
    pub recovery: Option<PathBuf>,
    /// The document is not what `save_to` holds: it was re-anchored onto a changed article
    /// (new offsets, a new `sha256`, perhaps tags), so it needs saving.
    pub unsaved: bool,
}

/// Opens the annotations of `article` in `dir`: the saved file when there is one, else a
/// document made by `extract`.
///
/// - A saved document whose article text changed is re-anchored ([`reanchor`]), a notice
///   says what moved, what was matched approximately and what was orphaned, and
///   [`Opened::unsaved`] is set: the file still holds the old offsets.
/// - A file that cannot be read (malformed JSON, a newer major format, not gloss) is never
///   overwritten: the document comes from the latest readable `NAME.rescued-N.json` when an
///   earlier session made one, else from `extract`, and `save_to` is a rescue file beside it;
///   a notice names the original (with `path:line:column`) and where work will be saved.
/// - A recovery file newer than the file saves go to is offered in [`Opened::recovery`].
/// - A file holding another article's annotations is an error
///   ([`StoreError::OtherArticle`]); it is left as it is.
/// - When only the file an older gloss named the article's annotations (before names were
///   made unique, see [`file_stem`]) exists and holds this article, that file is opened and
///   saved to.
pub fn open(
    dir: &Path,
    article: &Article,
    extract: impl FnOnce(&Article) -> Document,
) -> Result<Opened, StoreError> {
    let mut path = path_for(dir, &article.id);
    if let Some(legacy) = legacy_path_for(dir, &article.id)
        && !path.exists()
        && stored_article_id(&legacy).as_deref() == Some(article.id.as_str())
    {
        path = legacy;
    }
    let mut notices = Vec::new();
    let (mut doc, origin, save_to) = match load(&path) {
        Ok(doc) => {
            check_article(&path, &doc, &article.id)?;
            (doc, Origin::Saved, path.clone())
        }
        Err(e) if e.is_not_found() => (extract(article), Origin::Extracted, path.clone()),
        Err(error) => match latest_rescue(&path, &article.id) {
            Some((rescued, doc)) => {
                notices.push(format!(
                    "{error}; {} is left untouched; continuing with {}, where your work is saved",
                    path.display(),
                    rescued.display()
                ));
                (doc, Origin::Saved, rescued)
            }
            None => {
                let rescued = next_rescue_path(&path);
                notices.push(format!(
                    "{error}; {} could not be read and is left untouched; your work will be saved to {}",
                    path.display(),
                    rescued.display()
                ));
                (extract(article), Origin::Extracted, rescued)
            }
        },
    };
    let mut unsaved = false;
    if origin == Origin::Saved
        && let Some(notice) = reanchor_if_changed(&mut doc, article)
    {
        notices.push(notice);
        unsaved = true;
    }
    let recovery = newer_recovery(&save_to)
        .or_else(|| (save_to != path).then(|| newer_recovery(&path)).flatten());
    Ok(Opened {
        doc,
        origin,
        save_to,
        notices,
        recovery,
        unsaved,
    })
}

/// Replaces `opened.doc` with the recovery file `opened.recovery` names (re-anchored when the
/// article changed since), and clears `opened.recovery`. `save_to` is unchanged, so the next
/// save writes the recovered work to the annotation file; then call [`remove_recovery`].
/// The recovered work is not saved yet, so `unsaved` is set. Without a recovery file this does
/// nothing. On error `opened` is left as it was.
pub fn open_recovery(opened: &mut Opened, article: &Article) -> Result<(), StoreError> {
    let Some(path) = opened.recovery.clone() else {
        return Ok(());
    };
    let mut doc = load(&path)?;
    check_article(&path, &doc, &article.id)?;
    opened
        .notices
        .push(format!("restored unsaved work from {}", path.display()));
    if let Some(notice) = reanchor_if_changed(&mut doc, article) {
        opened.notices.push(notice);
    }
    opened.doc = doc;
    opened.recovery = None;
    opened.unsaved = true;
    Ok(())
}

/// Re-anchors a document whose article text differs from `article`'s; the notice to show.
fn reanchor_if_changed(doc: &mut Document, article: &Article) -> Option<String> {
    if doc.article.sha256 == article.sha256 {
        return None;
    }
    let report = reanchor(doc, article);
    Some(format!("article text changed: {report}"))
}

/// `NAME.rescued-N.json` beside an annotation file.
pub fn rescue_path(path: &Path, n: usize) -> PathBuf {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    path.with_file_name(format!("{stem}.rescued-{n}.json"))
}

/// The first `NAME.rescued-N.json` that does not exist yet.
pub fn next_rescue_path(path: &Path) -> PathBuf {
    (1..)
        .map(|n| rescue_path(path, n))
        .find(|p| !p.exists())
        .unwrap_or_else(|| rescue_path(path, 0))
}

/// The highest-numbered rescue file that reads and holds `article_id`, with its document.
fn latest_rescue(path: &Path, article_id: &str) -> Option<(PathBuf, Document)> {
    let existing: Vec<PathBuf> = (1..)
        .map(|n| rescue_path(path, n))
        .take_while(|p| p.exists())
        .collect();
    existing.into_iter().rev().find_map(|p| {
        load(&p)
            .ok()
            .filter(|doc| doc.article.id == article_id)
            .map(|doc| (p, doc))
    })
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The recovery file of `path` when it exists and is newer than `path` (or `path` is absent).
fn newer_recovery(path: &Path) -> Option<PathBuf> {
    let recovery = recovery_path(path);
    let written = modified(&recovery)?;
    match modified(path) {
        Some(saved) if saved >= written => None,
        _ => Some(recovery),
    }
}

/// The crash-recovery file of an annotation file: `NAME.recovery.json` beside it.
pub fn recovery_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    path.with_file_name(format!("{stem}.recovery.json"))
}

/// Writes the crash-recovery file of an annotation file (atomically; no backup is kept).
pub fn write_recovery(path: &Path, doc: &Document) -> Result<(), StoreError> {
    save_with(&recovery_path(path), doc, false, || Ok(()))
}

/// Removes the crash-recovery file of an annotation file (after a successful save). A missing
/// recovery file is not an error.
pub fn remove_recovery(path: &Path) -> Result<(), StoreError> {
    let recovery = recovery_path(path);
    match std::fs::remove_file(&recovery) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::io(&recovery, e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleMeta;

    fn doc(title: &str) -> Document {
        Document::new(ArticleMeta {
            id: "x".into(),
            title: title.into(),
            ..ArticleMeta::default()
        })
    }

    #[test]
    fn a_failure_before_the_rename_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("x.json");
        save(&path, &doc("old")).expect("save");
        let before = std::fs::read(&path).expect("read");
        let result = save_with(&path, &doc("new"), true, || {
            Err(std::io::Error::other("killed"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).expect("read"), before);
        assert_eq!(load(&path).expect("load").article.title, "old");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("ls")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "the temporary file is cleaned up");
    }

    #[cfg(unix)]
    #[test]
    fn saves_keep_the_permissions_of_the_file_they_replace() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("x.json");
        save(&path, &doc("a")).expect("save");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        save(&path, &doc("b")).expect("save");
        assert_eq!(mode(&path), 0o640);
    }

    #[test]
    fn recovery_files_keep_no_backup() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("x.json");
        write_recovery(&path, &doc("a")).expect("write");
        write_recovery(&path, &doc("b")).expect("write");
        assert!(!backup_path(&recovery_path(&path)).exists());
    }
}
