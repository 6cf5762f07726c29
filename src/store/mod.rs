//! Where annotation files live and how they are read and written without ever losing work.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::Document;

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
}

impl StoreError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// A file name for an article id, safe on every file system.
pub fn file_stem(article_id: &str) -> String {
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
        safe.chars().take(120).collect()
    }
}

/// The annotation file of an article in `dir`.
pub fn path_for(dir: &Path, article_id: &str) -> PathBuf {
    dir.join(format!("{}.json", file_stem(article_id)))
}

/// Reads an annotation document.
pub fn load(path: &Path) -> Result<Document, StoreError> {
    let text = std::fs::read_to_string(path).map_err(|e| StoreError::io(path, e))?;
    serde_json::from_str(&text).map_err(|e| StoreError::Parse {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Writes an annotation document atomically: a temporary file beside it, then a rename.
pub fn save(path: &Path, doc: &Document) -> Result<(), StoreError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    let mut json = serde_json::to_string_pretty(doc).map_err(|e| StoreError::io(path, e.into()))?;
    json.push('\n');
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| StoreError::io(dir, e))?;
    tmp.write_all(json.as_bytes())
        .map_err(|e| StoreError::io(path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| StoreError::io(path, e.error))?;
    Ok(())
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
    /// Read from the annotation file.
    Saved,
    /// Made by the extractor: there was no annotation file.
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
    /// What the user should be told (re-anchored spans, a file that failed to parse, ...).
    pub notices: Vec<String>,
}

/// Opens the annotations of `article` in `dir`: the saved file when there is one, else a
/// document made by `extract`.
pub fn open(
    dir: &Path,
    article: &crate::article::Article,
    extract: impl FnOnce(&crate::article::Article) -> Document,
) -> Result<Opened, StoreError> {
    let path = path_for(dir, &article.id);
    if path.exists() {
        let doc = load(&path)?;
        return Ok(Opened {
            doc,
            origin: Origin::Saved,
            save_to: path,
            notices: Vec::new(),
        });
    }
    Ok(Opened {
        doc: extract(article),
        origin: Origin::Extracted,
        save_to: path,
        notices: Vec::new(),
    })
}

/// The crash-recovery file of an annotation file: `NAME.recovery.json` beside it.
pub fn recovery_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    path.with_file_name(format!("{stem}.recovery.json"))
}

/// Writes the crash-recovery file of an annotation file.
pub fn write_recovery(path: &Path, doc: &Document) -> Result<(), StoreError> {
    save(&recovery_path(path), doc)
}
