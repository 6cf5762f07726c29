//! `gloss extract PATH... [-o OUT] [--jobs N]`: annotation documents (status auto) from the
//! extractor.
//!
//! One article in gives one pretty JSON document (to OUT or standard output); several articles
//! with `-o DIR` give one `ID.json` each. A `.jsonl` corpus (or JSON lines on standard input) is
//! streamed: read a line, extract, write one compact document a line, in input order, on
//! `--jobs` threads with bounded memory, so gloss runs as a mapper under GNU parallel or a
//! Hadoop / Spark streaming job. Bad records are reported on standard error with file and line
//! and skipped.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::CliResult;
use crate::article::Article;
use crate::article::load::{self, LoadError};
use crate::model::Document;
use crate::store::{self, StoreError};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles, directories, .jsonl corpora, or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// Where documents go: a file (one article or a JSON-lines stream) or a directory (one
    /// ID.json per article). Standard output when absent or -.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Threads extracting in parallel (default: the available cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}: several articles need a directory to write to (-o DIR), not a file")]
    NotADirectory(PathBuf),
    #[error("nothing extracted: every input failed ({} above)", errors(*.0))]
    NothingExtracted(usize),
}

/// "1 error", "2 errors".
fn errors(n: usize) -> String {
    if n == 1 {
        "1 error".to_string()
    } else {
        format!("{n} errors")
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ExtractError + '_ {
    move |source| ExtractError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Where documents are written.
enum Sink {
    Stdout,
    File(PathBuf),
    Dir(PathBuf),
}

impl Sink {
    /// `many`: several articles (or a directory) go to `output`, which must be a directory.
    fn new(output: Option<&Path>, many: bool) -> Result<Sink, ExtractError> {
        Ok(match output {
            None => Sink::Stdout,
            Some(p) if p.as_os_str() == "-" => Sink::Stdout,
            Some(p) if many && p.is_file() => {
                return Err(ExtractError::NotADirectory(p.to_path_buf()));
            }
            Some(p) if p.is_dir() || many || p.to_string_lossy().ends_with('/') => {
                Sink::Dir(p.to_path_buf())
            }
            Some(p) => Sink::File(p.to_path_buf()),
        })
    }
}

pub fn run(args: Args) -> CliResult {
    let jobs = args
        .jobs
        .filter(|&n| n > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(Into::into))
        .unwrap_or(1);
    let mut progress = Progress::new();
    let mut errors = 0usize;
    let mut written = 0usize;

    // Corpora and standard input are streamed; everything else is loaded as articles.
    let mut streams: Vec<PathBuf> = Vec::new();
    let mut articles: Vec<Article> = Vec::new();
    let mut saw_dir = false;
    for input in &args.inputs {
        if input.as_os_str() == "-" || is_jsonl(input) {
            streams.push(input.clone());
        } else if input.is_dir() {
            saw_dir = true;
            // A directory's corpora are streamed too; its other files are loaded.
            let (corpora, loaded) = load_dir(input, &mut errors);
            streams.extend(corpora);
            articles.extend(loaded);
        } else {
            match load::load(input) {
                Ok(loaded) => {
                    errors += report(&loaded.errors);
                    articles.extend(loaded.articles);
                }
                Err(e) => errors += report(&[e]),
            }
        }
    }

    // Several loaded articles (or a directory) with -o go to a directory; corpora and
    // standard input stream to a file unless -o names a directory.
    let many = saw_dir || articles.len() > 1;
    let sink = Sink::new(args.output.as_deref(), many)?;
    if streams.is_empty() && articles.len() == 1 && !matches!(sink, Sink::Dir(_)) {
        let doc = crate::extract::extract(&articles[0]);
        let mut json = serde_json::to_string_pretty(&doc).map_err(std::io::Error::from)?;
        json.push('\n');
        write_whole(&sink, &json)?;
        return Ok(());
    }

    let mut out = Output::open(&sink)?;
    // Loaded articles: extract in parallel, write in order.
    if !articles.is_empty() {
        let inputs = articles.into_iter().map(Ok);
        written += pipeline(inputs, jobs, &mut out, &mut progress, &mut errors)?;
    }
    for path in &streams {
        written += stream(path, jobs, &mut out, &mut progress, &mut errors)?;
    }
    out.finish()?;
    progress.done(written);
    if written == 0 && errors > 0 {
        return Err(ExtractError::NothingExtracted(errors).into());
    }
    Ok(())
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

/// Prints load errors on standard error; returns how many.
fn report(errors: &[LoadError]) -> usize {
    for e in errors {
        eprintln!(
            "gloss: {}",
            crate::article::sanitize::one_line(&e.to_string())
        );
    }
    errors.len()
}

/// The `.jsonl` files under `dir` (to stream) and the articles of its other files.
fn load_dir(dir: &Path, errors: &mut usize) -> (Vec<PathBuf>, Vec<Article>) {
    let mut failures = Vec::new();
    let files = load::article_files(dir, &mut failures);
    *errors += report(&failures);
    let mut corpora = Vec::new();
    let mut articles = Vec::new();
    for file in files {
        if is_jsonl(&file) {
            corpora.push(file);
            continue;
        }
        match load::load(&file) {
            Ok(loaded) => {
                *errors += report(&loaded.errors);
                articles.extend(loaded.articles);
            }
            // A directory holds other files too; only the ones gloss reads count.
            Err(LoadError::UnknownExtension { .. }) => {}
            Err(e) => *errors += report(&[e]),
        }
    }
    (corpora, articles)
}

fn write_whole(sink: &Sink, json: &str) -> Result<(), ExtractError> {
    match sink {
        Sink::Stdout => {
            let mut stdout = std::io::stdout().lock();
            ignore_broken_pipe(
                stdout
                    .write_all(json.as_bytes())
                    .and_then(|()| stdout.flush()),
            )
            .map_err(io_error(Path::new("-")))
        }
        Sink::File(path) => Ok(crate::store::write_file(path, json.as_bytes())?),
        Sink::Dir(_) => Ok(()),
    }
}

/// A reader that stopped (`head`, a closed pipe) is not an error for a mapper.
fn ignore_broken_pipe(r: std::io::Result<()>) -> std::io::Result<()> {
    match r {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Where the documents of many articles go: a JSON-lines stream or a directory.
enum Output {
    Lines {
        path: PathBuf,
        writer: Box<dyn Write>,
        closed: bool,
    },
    Dir(PathBuf),
}

impl Output {
    fn open(sink: &Sink) -> Result<Output, ExtractError> {
        Ok(match sink {
            Sink::Stdout => Output::Lines {
                path: PathBuf::from("-"),
                writer: Box::new(std::io::BufWriter::new(std::io::stdout())),
                closed: false,
            },
            Sink::File(path) => {
                let file = std::fs::File::create(path).map_err(io_error(path))?;
                Output::Lines {
                    path: path.clone(),
                    writer: Box::new(std::io::BufWriter::new(file)),
                    closed: false,
                }
            }
            Sink::Dir(dir) => {
                std::fs::create_dir_all(dir).map_err(io_error(dir))?;
                Output::Dir(dir.clone())
            }
        })
    }

    fn write(&mut self, doc: &Document, line: &str) -> Result<(), ExtractError> {
        match self {
            Output::Lines {
                path,
                writer,
                closed,
            } => {
                if *closed {
                    return Ok(());
                }
                let r = writer
                    .write_all(line.as_bytes())
                    .and_then(|()| writer.write_all(b"\n"));
                if let Err(e) = r {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        *closed = true;
                        return Ok(());
                    }
                    return Err(io_error(path)(e));
                }
                Ok(())
            }
            Output::Dir(dir) => Ok(store::save(&store::path_for(dir, &doc.article.id), doc)?),
        }
    }

    fn finish(&mut self) -> Result<(), ExtractError> {
        if let Output::Lines { path, writer, .. } = self {
            ignore_broken_pipe(writer.flush()).map_err(io_error(path))?;
        }
        Ok(())
    }

    fn is_closed(&self) -> bool {
        matches!(self, Output::Lines { closed: true, .. })
    }
}

/// One unit of work: an article, or a record that failed before extraction (reported in order).
type Work = Result<Article, String>;

/// Extracts `inputs` on `jobs` threads and writes the documents in input order. At most a
/// window of articles is in flight or waiting to be written, so memory stays bounded however
/// long the input is. Returns the number of documents written.
fn pipeline(
    inputs: impl Iterator<Item = Work> + Send,
    jobs: usize,
    out: &mut Output,
    progress: &mut Progress,
    errors: &mut usize,
) -> Result<usize, ExtractError> {
    let window = jobs * 4;
    // How many results the writer has taken; the reader waits to stay within the window.
    let taken = Arc::new((Mutex::new(0usize), Condvar::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (work_tx, work_rx) = sync_channel::<(usize, Work)>(window);
    let (done_tx, done_rx) =
        sync_channel::<(usize, Result<(Document, String, usize), String>)>(window);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let mut written = 0;
    std::thread::scope(|scope| -> Result<(), ExtractError> {
        {
            let taken = Arc::clone(&taken);
            let stop = Arc::clone(&stop);
            scope.spawn(move || feed(inputs, work_tx, &taken, &stop, window));
        }
        for _ in 0..jobs {
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || extract_worker(&work_rx, &done_tx));
        }
        drop(done_tx);
        let mut pending: BTreeMap<usize, Result<(Document, String, usize), String>> =
            BTreeMap::new();
        let mut next = 0;
        let result = (|| {
            for (seq, result) in done_rx.iter() {
                pending.insert(seq, result);
                while let Some(result) = pending.remove(&next) {
                    next += 1;
                    {
                        let (lock, cvar) = &*taken;
                        if let Ok(mut n) = lock.lock() {
                            *n = next;
                        }
                        cvar.notify_all();
                    }
                    match result {
                        Ok((doc, line, bytes)) => {
                            out.write(&doc, &line)?;
                            written += 1;
                            progress.tick(bytes);
                        }
                        Err(message) => {
                            eprintln!("gloss: {}", crate::article::sanitize::one_line(&message));
                            *errors += 1;
                        }
                    }
                    if out.is_closed() {
                        return Ok(());
                    }
                }
            }
            Ok(())
        })();
        // Unblock the reader whatever happened, so the scope can end.
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
        let (lock, cvar) = &*taken;
        if let Ok(mut n) = lock.lock() {
            *n = usize::MAX / 2;
        }
        cvar.notify_all();
        drop(done_rx);
        result
    })?;
    Ok(written)
}

fn feed(
    inputs: impl Iterator<Item = Work>,
    work_tx: SyncSender<(usize, Work)>,
    taken: &(Mutex<usize>, Condvar),
    stop: &std::sync::atomic::AtomicBool,
    window: usize,
) {
    for (seq, work) in inputs.enumerate() {
        let (lock, cvar) = taken;
        let Ok(mut n) = lock.lock() else { return };
        while seq >= *n + window && !stop.load(std::sync::atomic::Ordering::SeqCst) {
            n = match cvar.wait(n) {
                Ok(n) => n,
                Err(_) => return,
            };
        }
        drop(n);
        if stop.load(std::sync::atomic::Ordering::SeqCst) || work_tx.send((seq, work)).is_err() {
            return;
        }
    }
}

type Done = (usize, Result<(Document, String, usize), String>);

fn extract_worker(work_rx: &Mutex<Receiver<(usize, Work)>>, done_tx: &SyncSender<Done>) {
    loop {
        let next = match work_rx.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, work)) = next else { return };
        let result = work.and_then(|article| {
            let doc = crate::extract::extract(&article);
            let line =
                serde_json::to_string(&doc).map_err(|e| format!("{}: {e}", article.source))?;
            Ok((doc, line, article.text.len()))
        });
        if done_tx.send((seq, result)).is_err() {
            return;
        }
    }
}

/// Streams a `.jsonl` corpus (or standard input) through the pipeline.
fn stream(
    path: &Path,
    jobs: usize,
    out: &mut Output,
    progress: &mut Progress,
    errors: &mut usize,
) -> Result<usize, ExtractError> {
    if path.as_os_str() == "-" {
        // `Stdin` (not its lock) is Send, so the reader thread can own it.
        let mut lines = LossyLines {
            reader: BufReader::with_capacity(1 << 16, std::io::stdin()),
        };
        // JSON lines when the first non-blank line is a JSON object; else one text article.
        let mut skipped = 0;
        let first = loop {
            match lines.next() {
                None => break String::new(),
                Some(line) => {
                    let line = line.map_err(io_error(path))?;
                    if !line.trim().is_empty() {
                        break line;
                    }
                    skipped += 1;
                }
            }
        };
        let is_lines = first.trim_start().starts_with('{')
            && serde_json::from_str::<serde_json::Map<String, Value>>(first.trim()).is_ok();
        if is_lines {
            let lines = std::iter::once(Ok(first)).chain(lines);
            return pipeline(
                records(path, "stdin", skipped, lines),
                jobs,
                out,
                progress,
                errors,
            );
        }
        let mut raw = first;
        lines
            .reader
            .read_to_string(&mut raw)
            .map_err(io_error(path))?;
        let article = stdin_article(&raw).map_err(|m| ExtractError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, m),
        })?;
        return pipeline(std::iter::once(Ok(article)), 1, out, progress, errors);
    }
    let file = std::fs::File::open(path).map_err(io_error(path))?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".to_string());
    let lines = LossyLines {
        reader: BufReader::with_capacity(1 << 16, file),
    };
    pipeline(records(path, &stem, 0, lines), jobs, out, progress, errors)
}

/// Standard input that is not JSON lines: one JSON record, or one text article.
fn stdin_article(raw: &str) -> Result<Article, String> {
    if raw.trim().is_empty() {
        return Err("empty: no text to read".to_string());
    }
    if raw.trim_start().starts_with('{')
        && let Ok(value) = serde_json::from_str::<Value>(raw)
    {
        return load::from_record(Path::new("-"), None, "-", "stdin", value)
            .map_err(|e| e.to_string());
    }
    let mut article = load::from_txt("stdin", "-", raw);
    article.id = format!("stdin-{}", &article.sha256[..16]);
    Ok(article)
}

/// Lines of a reader, with invalid UTF-8 reported per line rather than ending the stream.
struct LossyLines<R> {
    reader: R,
}

impl<R: BufRead> Iterator for LossyLines<R> {
    type Item = std::io::Result<String>;
    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        match self.reader.read_until(b'\n', &mut buf) {
            Ok(0) => None,
            Ok(_) => Some(String::from_utf8(buf).map_err(|e| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("not UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                )
            })),
            Err(e) => Some(Err(e)),
        }
    }
}

/// The records of a JSON-lines stream, each parsed into an article or an error naming
/// `path:line`. Blank lines are skipped.
fn records<'a>(
    path: &'a Path,
    stem: &'a str,
    offset: usize,
    lines: impl Iterator<Item = std::io::Result<String>> + Send + 'a,
) -> impl Iterator<Item = Work> + Send + 'a {
    let shown = path.display().to_string();
    lines.enumerate().filter_map(move |(i, line)| {
        let number = offset + i + 1;
        let place = format!("{shown}:{number}");
        let line = match line {
            Ok(line) => line,
            Err(e) => return Some(Err(format!("{place}: {e}"))),
        };
        let line = if number == 1 {
            line.strip_prefix('\u{feff}').unwrap_or(&line).to_string()
        } else {
            line
        };
        if line.trim().is_empty() {
            return None;
        }
        let value = match serde_json::from_str::<Value>(&line) {
            Ok(v) => v,
            Err(e) => {
                // serde_json's message ends with its own "at line 1 column N"; ours says where.
                let message = e.to_string();
                let message = message
                    .rfind(" at line ")
                    .map_or(message.as_str(), |i| &message[..i]);
                return Some(Err(format!(
                    "{place}:{}: malformed JSON: {message}",
                    e.column()
                )));
            }
        };
        let source = format!("{shown}#L{number}");
        Some(load::from_record(path, Some(number), &source, stem, value).map_err(|e| e.to_string()))
    })
}

/// Articles done and megabytes read, on standard error, only when it is a terminal.
struct Progress {
    on: bool,
    start: Instant,
    last: Instant,
    articles: usize,
    bytes: usize,
}

impl Progress {
    fn new() -> Self {
        let now = Instant::now();
        Progress {
            on: std::io::stderr().is_terminal(),
            start: now,
            last: now,
            articles: 0,
            bytes: 0,
        }
    }

    fn tick(&mut self, bytes: usize) {
        self.articles += 1;
        self.bytes += bytes;
        if self.on && self.last.elapsed() >= Duration::from_millis(200) {
            self.last = Instant::now();
            self.show();
        }
    }

    fn show(&self) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        eprint!(
            "\r\x1b[2Kgloss extract: {} articles, {mb:.1} MB, {:.2} MB/s",
            self.articles,
            mb / secs
        );
    }

    fn done(&self, written: usize) {
        if self.on && written > 0 {
            self.show();
            eprintln!();
        }
    }
}
