//! Loading articles from files, directories, corpora and standard input.
//!
//! Every format ends in an [`Article`] whose text is normalised once (line endings to `\n`, a
//! leading byte-order mark dropped) and otherwise kept exactly as written, except HTML and
//! Markdown, which are read as the text a reader sees rendered: annotation offsets refer to
//! that text. Bad input is reported, never panicked on; a corpus or a directory with
//! some bad members still loads the good ones.

use std::collections::HashSet;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::{Article, html, markdown};

/// The extensions gloss reads, lower case.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "json", "jsonl"];

/// How far into a file a NUL byte marks the whole file as binary.
const BINARY_SNIFF: usize = 8192;

/// How deep a directory is walked (a guard against symlink cycles).
const MAX_DEPTH: usize = 16;

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
    #[error(
        "{}:{column}: not UTF-8: invalid byte 0x{byte:02x} at byte offset {offset} (save the file as UTF-8)",
        place(.path, Some(*.line))
    )]
    NotUtf8 {
        path: PathBuf,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
        /// Byte offset of the first bad byte in the file.
        offset: usize,
        byte: u8,
    },
    #[error("{}: UTF-16 text (save the file as UTF-8)", place(.path, *.line))]
    Utf16 { path: PathBuf, line: Option<usize> },
    #[error("{}: a binary file, not text (NUL byte at byte offset {offset})", place(.path, *.line))]
    Binary {
        path: PathBuf,
        line: Option<usize>,
        offset: usize,
    },
    #[error("{}: empty: no text to read", place(.path, *.line))]
    Empty { path: PathBuf, line: Option<usize> },
    #[error("{}: the record has no \"text\" field", place(.path, *.line))]
    MissingText { path: PathBuf, line: Option<usize> },
    #[error("{}: \"text\" must be a string, found {found}", place(.path, *.line))]
    TextNotString {
        path: PathBuf,
        line: Option<usize>,
        found: &'static str,
    },
    #[error("{}: expected a JSON object {{\"text\": ...}}, found {found}", place(.path, *.line))]
    NotAnObject {
        path: PathBuf,
        line: Option<usize>,
        found: &'static str,
    },
    #[error("{path}:{line}:{column}: malformed JSON: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: no articles here (gloss reads .txt, .md, .html, .json, .jsonl)")]
    NoArticles { path: PathBuf },
    #[error(
        "{}: a gloss annotation file, not an article (open the article it annotates)",
        place(.path, *.line)
    )]
    AnnotationFile { path: PathBuf, line: Option<usize> },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::UnknownExtension { path, .. }
            | LoadError::NotUtf8 { path, .. }
            | LoadError::Utf16 { path, .. }
            | LoadError::Binary { path, .. }
            | LoadError::Empty { path, .. }
            | LoadError::MissingText { path, .. }
            | LoadError::TextNotString { path, .. }
            | LoadError::NotAnObject { path, .. }
            | LoadError::Json { path, .. }
            | LoadError::NoArticles { path }
            | LoadError::AnnotationFile { path, .. } => path,
        }
    }

    /// The 1-based line the error is about, where it applies.
    pub fn line(&self) -> Option<usize> {
        match self {
            LoadError::NotUtf8 { line, .. } | LoadError::Json { line, .. } => Some(*line),
            LoadError::Utf16 { line, .. }
            | LoadError::Binary { line, .. }
            | LoadError::Empty { line, .. }
            | LoadError::MissingText { line, .. }
            | LoadError::TextNotString { line, .. }
            | LoadError::NotAnObject { line, .. }
            | LoadError::AnnotationFile { line, .. } => *line,
            _ => None,
        }
    }
}

/// `path` or `path:line`.
fn place(path: &Path, line: Option<usize>) -> Place<'_> {
    Place { path, line }
}

struct Place<'a> {
    path: &'a Path,
    line: Option<usize>,
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// What a load produced: the good articles, and what went wrong with the rest (a corpus with
/// some bad records still loads the good ones).
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
}

impl Loaded {
    fn absorb(&mut self, result: Result<Loaded, LoadError>) {
        match result {
            Ok(loaded) => {
                self.articles.extend(loaded.articles);
                self.errors.extend(loaded.errors);
            }
            Err(error) => self.errors.push(error),
        }
    }

    /// Ids made unique in load order: a repeated id gets `-2`, `-3`, ... (annotation files are
    /// named after ids, so two articles must never share one).
    fn dedupe_ids(mut self) -> Self {
        let originals: HashSet<String> = self.articles.iter().map(|a| a.id.clone()).collect();
        let mut used: HashSet<String> = HashSet::new();
        for article in &mut self.articles {
            if used.insert(article.id.clone()) {
                continue;
            }
            let mut n = 2;
            let mut id = format!("{}-{n}", article.id);
            while originals.contains(&id) || used.contains(&id) {
                n += 1;
                id = format!("{}-{n}", article.id);
            }
            used.insert(id.clone());
            article.id = id;
        }
        self
    }
}

/// The path standard input is reported under.
pub const STDIN_NAME: &str = "<stdin>";

/// Loads a file, a directory (every supported file, sorted by name, hidden entries skipped) or
/// `-` (standard input).
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|source| LoadError::Io {
                path: PathBuf::from(STDIN_NAME),
                source,
            })?;
        return from_stdin_bytes(&bytes);
    }
    let meta = std::fs::metadata(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let loaded = if meta.is_dir() {
        load_dir(path)?
    } else {
        load_file(path)?
    };
    Ok(loaded.dedupe_ids())
}

/// Loads one file by its extension.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let extension = extension_of(path);
    if !EXTENSIONS.contains(&extension.as_str()) {
        return Err(LoadError::UnknownExtension {
            path: path.to_path_buf(),
            extension,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    from_bytes(path, &bytes)
}

/// Reads the bytes of a file named `path` (which decides the format by its extension).
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let extension = extension_of(path);
    let id = stem_of(path);
    let source = path.display().to_string();
    let one = |article| Loaded {
        articles: vec![article],
        errors: Vec::new(),
    };
    match extension.as_str() {
        "jsonl" => from_jsonl(path, &source, &id, bytes),
        "json" => {
            let text = decode(path, None, bytes)?;
            from_json(path, None, &source, &id, text).map(one)
        }
        "txt" | "md" | "markdown" | "html" | "htm" => {
            let text = decode(path, None, bytes)?;
            if text.trim().is_empty() {
                return Err(LoadError::Empty {
                    path: path.to_path_buf(),
                    line: None,
                });
            }
            let article = match extension.as_str() {
                "txt" => from_txt(&id, &source, text),
                "md" | "markdown" => from_md(&id, &source, text),
                _ => from_html(&id, &source, text),
            };
            if article.text.trim().is_empty() {
                return Err(LoadError::Empty {
                    path: path.to_path_buf(),
                    line: None,
                });
            }
            Ok(one(article))
        }
        _ => Err(LoadError::UnknownExtension {
            path: path.to_path_buf(),
            extension,
        }),
    }
}

/// Standard input: JSON (one object, or one a line) when it starts with `{`, else plain text.
/// Plain text gets the id `stdin-` and the start of its hash, so different texts never share
/// an annotation file.
pub fn from_stdin_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let path = Path::new(STDIN_NAME);
    let text = decode(path, None, bytes)?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
            line: None,
        });
    }
    if text.trim_start().starts_with('{') {
        let single = serde_json::from_str::<Value>(text);
        let first_line_is_object = text
            .trim_start()
            .lines()
            .next()
            .is_some_and(|l| serde_json::from_str::<Map<String, Value>>(l).is_ok());
        if single.is_err() && first_line_is_object {
            return Ok(from_jsonl(path, "-", "stdin", bytes)?.dedupe_ids());
        }
        let article = from_json(path, None, "-", "stdin", text)?;
        return Ok(Loaded {
            articles: vec![article],
            errors: Vec::new(),
        });
    }
    let mut article = from_txt("stdin", "-", text);
    article.id = format!("stdin-{}", &article.sha256[..16]);
    Ok(Loaded {
        articles: vec![article],
        errors: Vec::new(),
    })
}

/// Every supported file under `dir`, sorted by name, hidden files and directories skipped.
/// gloss's own annotation files (JSON with a `gloss/` format tag) are passed over, so a
/// directory holding articles and their annotations loads as the articles.
pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
    let mut loaded = Loaded::default();
    let files = article_files(dir, &mut loaded.errors);
    if files.is_empty() && loaded.errors.is_empty() {
        return Err(LoadError::NoArticles {
            path: dir.to_path_buf(),
        });
    }
    for file in files {
        loaded.absorb(load_file(&file));
    }
    Ok(loaded)
}

/// The article files under `dir` that `load_dir` reads, in its order: supported extensions,
/// hidden entries and gloss's own annotation files left out. Unreadable directories go to
/// `errors`.
pub fn article_files(dir: &Path, errors: &mut Vec<LoadError>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut walk = Walk {
        files: &mut files,
        errors,
        seen: HashSet::new(),
    };
    walk.dir(dir, 0);
    files.retain(|file| !(extension_of(file) == "json" && is_annotation_file(file)));
    files
}

/// A directory walk: supported files in name order, hidden entries skipped, each directory
/// visited once (symbolic links can make cycles).
struct Walk<'w> {
    files: &'w mut Vec<PathBuf>,
    errors: &'w mut Vec<LoadError>,
    seen: HashSet<PathBuf>,
}

impl Walk<'_> {
    fn dir(&mut self, dir: &Path, depth: usize) {
        let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if depth > MAX_DEPTH || !self.seen.insert(canonical) {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(source) => {
                self.errors.push(LoadError::Io {
                    path: dir.to_path_buf(),
                    source,
                });
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                !p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
            })
            .collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                self.dir(&path, depth + 1);
            } else if EXTENSIONS.contains(&extension_of(&path).as_str()) {
                self.files.push(path);
            }
        }
    }
}

/// Whether a `.json` file is a gloss annotation document (or a JSON Schema, such as the
/// format's own) rather than an article.
fn is_annotation_file(path: &Path) -> bool {
    #[derive(serde::Deserialize)]
    struct Tag {
        format: Option<String>,
        #[serde(rename = "$schema")]
        schema: Option<Value>,
    }
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Tag>(&bytes).ok())
        .is_some_and(|tag| {
            tag.schema.is_some() || tag.format.is_some_and(|f| f.starts_with("gloss/"))
        })
}

fn extension_of(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase()
}

fn stem_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "article".to_string())
}

/// The bytes as UTF-8 text, or an error that says what they are and where the first bad byte
/// is. A leading UTF-8 byte-order mark is dropped.
fn decode<'a>(path: &Path, line: Option<usize>, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::Utf16 {
            path: path.to_path_buf(),
            line,
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary {
            path: path.to_path_buf(),
            line,
            offset,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        // `valid` is UTF-8 by construction; the lossy view never replaces anything.
        let before = String::from_utf8_lossy(valid);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        LoadError::NotUtf8 {
            path: path.to_path_buf(),
            line: line.unwrap_or(1) + before.matches('\n').count(),
            column: before[line_start..].chars().count() + 1,
            offset: e.valid_up_to(),
            byte: bytes.get(e.valid_up_to()).copied().unwrap_or(0),
        }
    })
}

/// A plain-text article: the first line is the title when a body follows it.
pub fn from_txt(id: &str, source: &str, raw: &str) -> Article {
    let mut article = Article::new(id, "", source, strip_bom(raw));
    article.title = first_line_title(&article.text).unwrap_or_default();
    article
}

/// A Markdown article, as a reader sees it rendered (see [`markdown::extract`]); the title is
/// the first level-1 heading, else the file's first line rendered (when a body follows it),
/// else the first line of the rendered text (when a body follows it).
pub fn from_md(id: &str, source: &str, raw: &str) -> Article {
    let raw = super::normalise(strip_bom(raw));
    let page = markdown::extract(&raw);
    let mut article = Article::new(id, page.title, source, &page.text);
    if article.title.is_empty() {
        article.title = first_line_title(&raw)
            .map(|line| html::collapse(&markdown::extract(&line).text))
            .filter(|title| !title.is_empty())
            .or_else(|| first_line_title(&article.text))
            .unwrap_or_default();
    }
    article
}

/// An HTML article: its visible text (see [`html::extract`]); the title is the first `<h1>`,
/// else `<title>`, else the first line (when a body follows it).
pub fn from_html(id: &str, source: &str, raw: &str) -> Article {
    let page = html::extract(strip_bom(raw));
    let mut article = Article::new(id, page.title, source, &page.text);
    if article.title.is_empty() {
        article.title = first_line_title(&article.text).unwrap_or_default();
    }
    article
}

/// The article compiled into the binary, for when nothing else is there to show.
pub fn embedded_sample() -> Article {
    const ID: &str = "000_a00d91becb0c72f2";
    const TEXT: &str = include_str!("../../seeds/000_a00d91becb0c72f2.txt");
    from_txt(ID, "seeds/000_a00d91becb0c72f2.txt", TEXT)
}

fn strip_bom(raw: &str) -> &str {
    raw.strip_prefix('\u{FEFF}').unwrap_or(raw)
}

/// The first non-blank line, trimmed, when some text follows it.
fn first_line_title(text: &str) -> Option<String> {
    let text = text.trim_start_matches(['\n', ' ', '\t']);
    let (first, rest) = text.split_once('\n')?;
    (!first.trim().is_empty() && !rest.trim().is_empty()).then(|| first.trim().to_string())
}

/// One JSON article record (the whole of a `.json` file, or one line of a corpus).
fn from_json(
    path: &Path,
    line: Option<usize>,
    source: &str,
    default_id: &str,
    text: &str,
) -> Result<Article, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
            line,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Json {
        path: path.to_path_buf(),
        line: line.map_or(e.line(), |l| l + e.line() - 1),
        column: e.column(),
        message: e.to_string(),
    })?;
    from_record(path, line, source, default_id, value)
}

/// An article from a parsed record `{"id"?, "title"?, "text", ...}`: other fields go to
/// `Article::fields`.
pub fn from_record(
    path: &Path,
    line: Option<usize>,
    source: &str,
    default_id: &str,
    value: Value,
) -> Result<Article, LoadError> {
    let Value::Object(mut fields) = value else {
        return Err(LoadError::NotAnObject {
            path: path.to_path_buf(),
            line,
            found: type_name(&value),
        });
    };
    let raw = match fields.remove("text") {
        Some(Value::String(text)) => text,
        Some(other) => {
            return Err(LoadError::TextNotString {
                path: path.to_path_buf(),
                line,
                found: type_name(&other),
            });
        }
        None => {
            let annotations = fields
                .get("format")
                .and_then(Value::as_str)
                .is_some_and(|f| f.starts_with("gloss/"));
            return Err(if annotations {
                LoadError::AnnotationFile {
                    path: path.to_path_buf(),
                    line,
                }
            } else {
                LoadError::MissingText {
                    path: path.to_path_buf(),
                    line,
                }
            });
        }
    };
    if raw.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
            line,
        });
    }
    let id = match fields.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    if id.is_some() {
        fields.remove("id");
    }
    let title = match fields.get("title") {
        Some(Value::String(s)) => Some(s.trim().to_string()),
        _ => None,
    };
    if title.is_some() {
        fields.remove("title");
    }
    let id = id.unwrap_or_else(|| match line {
        Some(l) => format!("{default_id}-{l}"),
        None => default_id.to_string(),
    });
    let mut article = from_txt(&id, source, &raw);
    if let Some(title) = title.filter(|t| !t.is_empty()) {
        article.title = title;
    }
    article.fields = fields;
    Ok(article)
}

/// A corpus, one JSON record a line; blank lines are skipped. Each bad line is reported with
/// its number and the rest still load.
fn from_jsonl(path: &Path, source: &str, stem: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    if let Some(offset) = bytes.iter().take(BINARY_SNIFF).position(|&b| b == 0) {
        return Err(LoadError::Binary {
            path: path.to_path_buf(),
            line: None,
            offset,
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::Utf16 {
            path: path.to_path_buf(),
            line: None,
        });
    }
    let mut loaded = Loaded::default();
    let mut offset = 0;
    let mut records = 0;
    for (i, raw_line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = i + 1;
        let line_offset = offset;
        offset += raw_line.len() + 1;
        let raw_line = raw_line.strip_suffix(b"\r").unwrap_or(raw_line);
        let raw_line = if i == 0 {
            raw_line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw_line)
        } else {
            raw_line
        };
        if raw_line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        records += 1;
        let text = match decode(path, Some(number), raw_line) {
            Ok(text) => text,
            Err(LoadError::Binary { offset, .. }) => {
                loaded.errors.push(LoadError::Binary {
                    path: path.to_path_buf(),
                    line: Some(number),
                    offset: line_offset + offset,
                });
                continue;
            }
            Err(LoadError::NotUtf8 {
                line,
                column,
                offset,
                byte,
                ..
            }) => {
                loaded.errors.push(LoadError::NotUtf8 {
                    path: path.to_path_buf(),
                    line,
                    column,
                    offset: line_offset + offset,
                    byte,
                });
                continue;
            }
            Err(error) => {
                loaded.errors.push(error);
                continue;
            }
        };
        let line_source = format!("{source}#L{number}");
        match from_json(path, Some(number), &line_source, stem, text) {
            Ok(article) => loaded.articles.push(article),
            Err(error) => loaded.errors.push(error),
        }
    }
    if records == 0 {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
            line: None,
        });
    }
    Ok(loaded)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_line_and_column_of_the_first_bad_byte() {
        let error = decode(Path::new("x.txt"), None, b"ok\nab\xffc").expect_err("bad");
        assert!(matches!(
            error,
            LoadError::NotUtf8 {
                line: 2,
                column: 3,
                offset: 5,
                byte: 0xff,
                ..
            }
        ));
        assert_eq!(
            error.to_string(),
            "x.txt:2:3: not UTF-8: invalid byte 0xff at byte offset 5 (save the file as UTF-8)"
        );
    }

    #[test]
    fn drops_a_leading_byte_order_mark() {
        let text = decode(Path::new("x.txt"), None, b"\xEF\xBB\xBFhi").expect("text");
        assert_eq!(text, "hi");
    }

    #[test]
    fn repeated_ids_get_numbered() {
        let loaded = Loaded {
            articles: vec![
                Article::new("a", "", "", "x"),
                Article::new("a", "", "", "y"),
                Article::new("a-2", "", "", "z"),
            ],
            errors: Vec::new(),
        }
        .dedupe_ids();
        let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-3", "a-2"]);
    }
}
