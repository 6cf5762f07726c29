//! Loading articles from files, directories, corpora and standard input.

use std::path::{Path, PathBuf};

use super::Article;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: unsupported file type {extension:?} (gloss reads .txt, .md, .html, .json, .jsonl)"
    )]
    UnknownExtension { path: PathBuf, extension: String },
}

/// What a load produced: the good articles, and what went wrong with the rest (a corpus with
/// some bad records still loads the good ones).
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
}

/// Loads a file, a directory (every supported file, sorted) or `-` (standard input).
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    if extension != "txt" {
        return Err(LoadError::UnknownExtension {
            path: path.to_path_buf(),
            extension,
        });
    }
    let raw = std::fs::read_to_string(path).map_err(io)?;
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    Ok(Loaded {
        articles: vec![from_txt(id, &path.display().to_string(), &raw)],
        errors: Vec::new(),
    })
}

/// A plain-text article: the first line is the title when a body follows it.
pub fn from_txt(id: &str, source: &str, raw: &str) -> Article {
    let mut article = Article::new(id, "", source, raw);
    if let Some((first, rest)) = article.text.split_once('\n')
        && !first.trim().is_empty()
        && !rest.trim().is_empty()
    {
        article.title = first.trim().to_string();
    }
    article
}
