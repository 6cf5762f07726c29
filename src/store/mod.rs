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
