//! Loading articles: every format, every kind of bad input, and never a panic.

use std::path::{Path, PathBuf};

use gloss::article::load::{self, LoadError, Loaded};
use gloss::article::{Article, sha256_hex};
use proptest::prelude::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn load_one(dir: &Path, name: &str, bytes: &[u8]) -> Article {
    let path = write(dir, name, bytes);
    let mut loaded = load::load(&path).expect("load");
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.articles.len(), 1);
    loaded.articles.remove(0)
}

fn load_err(dir: &Path, name: &str, bytes: &[u8]) -> LoadError {
    let path = write(dir, name, bytes);
    load::load(&path).expect_err("should fail")
}

fn eval_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("note: {} is absent; skipping", dir.display());
        None
    }
}

#[test]
fn txt_first_line_is_the_title_and_the_text_is_kept_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let a = load_one(dir.path(), "story.txt", b"Title here\r\nBody  text.\r\n");
    assert_eq!(a.id, "story");
    assert_eq!(a.title, "Title here");
    assert_eq!(a.text, "Title here\nBody  text.\n");
    assert_eq!(a.sha256, sha256_hex(&a.text));
    assert_eq!(a.source, dir.path().join("story.txt").display().to_string());
}

#[test]
fn txt_single_line_has_no_title() {
    let dir = tempfile::tempdir().expect("dir");
    let a = load_one(dir.path(), "one.txt", b"Just one line.");
    assert_eq!(a.title, "");
    assert_eq!(a.text, "Just one line.");
}

#[test]
fn md_title_comes_from_the_leading_heading_and_text_is_rendered() {
    let dir = tempfile::tempdir().expect("dir");
    let raw = "# Erdoğan’s *visit* #\r\n\r\n> He said “no”.\r\n";
    let a = load_one(dir.path(), "m.md", raw.as_bytes());
    assert_eq!(a.title, "Erdoğan’s visit");
    assert_eq!(a.text, "Erdoğan’s visit\n\nHe said “no”.");
    assert_eq!(a.sha256, sha256_hex(&a.text));
}

#[test]
fn md_without_heading_uses_the_first_line_rendered() {
    let dir = tempfile::tempdir().expect("dir");
    let a = load_one(dir.path(), "m.md", b"Plain **title**\nbody\n");
    assert_eq!(a.title, "Plain title");
    assert_eq!(a.text, "Plain title body");
}

#[test]
fn md_with_only_front_matter_before_the_body_takes_the_first_rendered_line() {
    let dir = tempfile::tempdir().expect("dir");
    let a = load_one(dir.path(), "m.md", b"---\nkey: v\n---\n\nFirst\\\nsecond\n");
    assert_eq!(a.text, "First\nsecond");
    assert_eq!(a.title, "First");
}

#[test]
fn md_that_renders_to_nothing_is_empty() {
    let dir = tempfile::tempdir().expect("dir");
    let error = load_err(
        dir.path(),
        "m.md",
        b"<!-- only a comment -->\n\n[r]: http://x\n",
    );
    assert!(matches!(error, LoadError::Empty { .. }), "{error}");
}

#[test]
fn html_gives_the_visible_text_and_title() {
    let dir = tempfile::tempdir().expect("dir");
    let page = r#"<!doctype html><html><head><title>Site - Talks stall</title>
        <script>alert("x")</script><style>p { color: red }</style></head>
        <body><nav><a href="/">Home</a></nav><header>The Daily</header>
        <h1>Talks stall</h1>
        <p>“We are not there yet,” the envoy <em>said</em>.</p>
        <div>Second&nbsp;paragraph.</div>
        <aside>Related stories</aside><footer>© 2024</footer></body></html>"#;
    let a = load_one(dir.path(), "page.html", page.as_bytes());
    assert_eq!(a.title, "Talks stall");
    assert_eq!(
        a.text,
        "Talks stall\n\n“We are not there yet,” the envoy said.\n\nSecond\u{a0}paragraph."
    );
}

#[test]
fn htm_is_html_too() {
    let dir = tempfile::tempdir().expect("dir");
    let a = load_one(dir.path(), "p.HTM", b"<p>a</p><p>b</p>");
    assert_eq!(a.text, "a\n\nb");
}

#[test]
fn json_record_gives_id_title_and_fields() {
    let dir = tempfile::tempdir().expect("dir");
    let a = load_one(
        dir.path(),
        "file.json",
        br#"{"id": "rec-7", "title": "T", "text": "Body\r\nmore", "publisher": "x", "n": 3}"#,
    );
    assert_eq!(a.id, "rec-7");
    assert_eq!(a.title, "T");
    assert_eq!(a.text, "Body\nmore");
    assert_eq!(a.fields["publisher"], "x");
    assert_eq!(a.fields["n"], 3);
    assert!(!a.fields.contains_key("text") && !a.fields.contains_key("id"));
}

#[test]
fn json_record_without_id_takes_the_file_stem() {
    let dir = tempfile::tempdir().expect("dir");
    let a = load_one(dir.path(), "stem.json", br#"{"text": "Hello there"}"#);
    assert_eq!(a.id, "stem");
}

#[test]
fn jsonl_loads_good_records_and_reports_bad_lines() {
    let dir = tempfile::tempdir().expect("dir");
    let corpus = b"{\"id\": \"a\", \"text\": \"first\"}\n\
        \n\
        {\"id\": \"b\"}\n\
        {\"id\": \"c\", \"text\": 5}\n\
        {\"id\": \"d\", \"text\": \"x\"\n\
        {\"text\": \"bad \xff byte\"}\n\
        [1, 2]\n\
        {\"id\": \"e\", \"text\": \"fifth\"}\n";
    let path = write(dir.path(), "corpus.jsonl", corpus);
    let loaded = load::load(&path).expect("load");
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "e"]);
    assert_eq!(
        loaded.articles[1].source,
        format!("{}#L8", path.display()),
        "source names the line"
    );
    let lines: Vec<Option<usize>> = loaded.errors.iter().map(LoadError::line).collect();
    assert_eq!(lines, [Some(3), Some(4), Some(5), Some(6), Some(7)]);
    assert!(matches!(loaded.errors[0], LoadError::MissingText { .. }));
    assert!(matches!(loaded.errors[1], LoadError::TextNotString { .. }));
    assert!(matches!(loaded.errors[2], LoadError::Json { line: 5, .. }));
    assert!(matches!(
        loaded.errors[3],
        LoadError::NotUtf8 {
            line: 6,
            column: 15,
            ..
        }
    ));
    assert!(matches!(loaded.errors[4], LoadError::NotAnObject { .. }));
    for error in &loaded.errors {
        let message = error.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
    }
    assert!(
        loaded.errors[0]
            .to_string()
            .ends_with("corpus.jsonl:3: the record has no \"text\" field")
    );
}

#[test]
fn not_utf8_names_file_line_column_and_byte_offset() {
    let dir = tempfile::tempdir().expect("dir");
    let error = load_err(dir.path(), "latin1.txt", b"Title\nCaf\xe9 au lait\n");
    let message = error.to_string();
    assert!(message.contains("latin1.txt:2:4: not UTF-8"), "{message}");
    assert!(message.contains("0xe9 at byte offset 9"), "{message}");
}

#[test]
fn binary_files_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let error = load_err(dir.path(), "x.txt", b"abc\0def");
    assert!(matches!(error, LoadError::Binary { offset: 3, .. }));
    assert!(error.to_string().contains("binary"));
}

#[test]
fn utf16_files_are_named_as_such() {
    let dir = tempfile::tempdir().expect("dir");
    let error = load_err(dir.path(), "x.txt", b"\xff\xfeh\0i\0");
    assert!(matches!(error, LoadError::Utf16 { .. }), "{error}");
}

#[test]
fn empty_and_whitespace_only_files_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    for (name, bytes) in [
        ("e.txt", &b""[..]),
        ("w.md", b" \n\t\r\n"),
        ("s.html", b"<script>x()</script>"),
        ("e.jsonl", b"\n\n"),
        ("e.json", b"  "),
    ] {
        let error = load_err(dir.path(), name, bytes);
        assert!(matches!(error, LoadError::Empty { .. }), "{name}: {error}");
        assert!(error.to_string().contains(name));
    }
}

#[test]
fn whitespace_only_text_in_a_record_is_empty() {
    let dir = tempfile::tempdir().expect("dir");
    let error = load_err(dir.path(), "r.json", br#"{"text": "  \n "}"#);
    assert!(matches!(error, LoadError::Empty { .. }));
}

#[test]
fn unknown_extensions_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let error = load_err(dir.path(), "x.pdf", b"%PDF");
    assert!(matches!(error, LoadError::UnknownExtension { .. }));
    assert!(error.to_string().contains("x.pdf"));
}

#[test]
fn malformed_json_reports_line_and_column() {
    let dir = tempfile::tempdir().expect("dir");
    let error = load_err(dir.path(), "bad.json", b"{\n  \"text\": \"a\",\n  oops\n}");
    assert!(
        matches!(
            error,
            LoadError::Json {
                line: 3,
                column: 3,
                ..
            }
        ),
        "{error}"
    );
    assert!(error.to_string().contains("bad.json:3:3: malformed JSON"));
}

#[test]
fn json_without_text_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let error = load_err(dir.path(), "t.json", br#"{"title": "x"}"#);
    assert!(matches!(error, LoadError::MissingText { line: None, .. }));
}

#[test]
fn missing_files_are_io_errors_naming_the_path() {
    let error = load::load(Path::new("/nonexistent/gloss/x.txt")).expect_err("missing");
    assert!(matches!(error, LoadError::Io { .. }));
    assert!(error.to_string().contains("/nonexistent/gloss/x.txt"));
}

#[test]
fn directories_load_supported_files_sorted_skipping_hidden_and_annotations() {
    let dir = tempfile::tempdir().expect("dir");
    write(dir.path(), "b.txt", b"B title\nbody b");
    write(dir.path(), "a.md", b"# A\n\nbody a");
    write(dir.path(), "notes.pdf", b"ignored");
    write(dir.path(), ".hidden.txt", b"hidden\nbody");
    write(dir.path(), "bad.txt", b"");
    std::fs::create_dir(dir.path().join(".git")).expect("mkdir");
    write(&dir.path().join(".git"), "x.txt", b"git\nbody");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    write(
        &dir.path().join("sub"),
        "c.html",
        b"<h1>C</h1><p>body c</p>",
    );
    std::fs::create_dir(dir.path().join("annotations")).expect("mkdir");
    write(
        &dir.path().join("annotations"),
        "a.json",
        br#"{"format": "gloss/1", "article": {"id": "a", "sha256": "", "chars": 0}}"#,
    );
    let loaded = load::load(dir.path()).expect("load");
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(loaded.errors.len(), 1);
    assert!(loaded.errors[0].to_string().contains("bad.txt"));
}

#[test]
fn a_directory_without_articles_is_an_error() {
    let dir = tempfile::tempdir().expect("dir");
    write(dir.path(), "x.pdf", b"");
    let error = load::load(dir.path()).expect_err("none");
    assert!(matches!(error, LoadError::NoArticles { .. }));
}

#[test]
fn repeated_ids_in_one_load_are_made_unique() {
    let dir = tempfile::tempdir().expect("dir");
    write(dir.path(), "a.txt", b"one");
    write(dir.path(), "a.md", b"two");
    let loaded = load::load(dir.path()).expect("load");
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-2"]);
}

#[test]
fn stdin_text_gets_a_content_id() {
    let loaded = load::from_stdin_bytes(b"Headline\nBody").expect("load");
    let a = &loaded.articles[0];
    assert_eq!(a.source, "-");
    assert_eq!(a.title, "Headline");
    assert_eq!(a.id, format!("stdin-{}", &a.sha256[..16]));
}

#[test]
fn stdin_json_and_jsonl_are_read_as_records() {
    let one = load::from_stdin_bytes(br#"  {"id": "x", "text": "t"}"#).expect("json");
    assert_eq!(one.articles[0].id, "x");
    let many = load::from_stdin_bytes(b"{\"id\": \"x\", \"text\": \"t\"}\n{\"text\": \"u\"}\n")
        .expect("jsonl");
    let ids: Vec<&str> = many.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["x", "stdin-2"]);
    assert_eq!(many.articles[1].source, "-#L2");
}

#[test]
fn stdin_errors_name_standard_input() {
    let error = load::from_stdin_bytes(b"\xff").expect_err("bad");
    assert!(error.to_string().starts_with("<stdin>:1:1"), "{error}");
}

#[test]
fn embedded_sample_is_the_seed_article() {
    let sample = load::embedded_sample();
    assert_eq!(sample.id, "000_a00d91becb0c72f2");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_a00d91becb0c72f2.txt");
    let from_file = load::load(&seed).expect("seed").articles.remove(0);
    assert_eq!(sample.text, from_file.text);
    assert_eq!(sample.title, from_file.title);
    assert!(sample.title.starts_with("NATO states may deploy"));
}

#[test]
fn every_seed_loads_cleanly() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let loaded = load::load(&seeds).expect("seeds");
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert!(loaded.articles.len() >= 4);
    for article in &loaded.articles {
        assert!(!article.title.is_empty(), "{} has a title", article.id);
    }
}

#[test]
fn polnear_dev_loads_as_it_is() {
    let Some(dir) = eval_dir() else { return };
    let Loaded { articles, errors } = load::load(&dir.join("polnear_dev.jsonl")).expect("load");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(articles.len(), 84);
    let first = &articles[0];
    assert!(first.source.ends_with("polnear_dev.jsonl#L1"));
    assert!(!first.title.is_empty());
    assert!(first.fields.contains_key("attributions"));
    assert!(first.fields.contains_key("publisher"));
}

#[test]
fn conll_dev_loads_as_it_is() {
    let Some(dir) = eval_dir() else { return };
    let Loaded { articles, errors } = load::load(&dir.join("conll_dev.jsonl")).expect("load");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(articles.len(), 216);
    assert_eq!(articles[0].id, "conll-dev-0000");
    assert!(articles[0].fields.contains_key("entities"));
}

#[test]
fn record_offsets_refer_to_the_loaded_text() {
    let Some(dir) = eval_dir() else { return };
    let loaded = load::load(&dir.join("polnear_dev.jsonl")).expect("load");
    for article in loaded.articles.iter().take(10) {
        let chars: Vec<char> = article.text.chars().collect();
        for attribution in article.fields["attributions"].as_array().expect("array") {
            let Some(content) = attribution.get("content").filter(|c| !c.is_null()) else {
                continue;
            };
            let (start, end) = (
                content["start"].as_u64().expect("start") as usize,
                content["end"].as_u64().expect("end") as usize,
            );
            if content.get("spans").is_none() {
                let covered: String = chars[start..end].iter().collect();
                assert_eq!(covered, content["text"].as_str().expect("text"));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn load_never_panics_on_arbitrary_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        ext in prop::sample::select(vec!["txt", "md", "html", "htm", "json", "jsonl", "bin", ""]),
    ) {
        let dir = tempfile::tempdir().expect("dir");
        let name = if ext.is_empty() { "noext".to_string() } else { format!("f.{ext}") };
        let path = write(dir.path(), &name, &bytes);
        let _ = load::load(&path);
        let _ = load::load(dir.path());
        let _ = load::from_stdin_bytes(&bytes);
    }

    #[test]
    fn load_never_panics_on_jsonish_bytes(
        text in r#"[{}\[\]":,a-z0-9 \n\\\r\u{0}-\u{7f}“é]{0,200}"#,
        ext in prop::sample::select(vec!["json", "jsonl"]),
    ) {
        let dir = tempfile::tempdir().expect("dir");
        let path = write(dir.path(), &format!("f.{ext}"), text.as_bytes());
        let _ = load::load(&path);
    }

    #[test]
    fn loaded_text_hashes_to_its_sha(text in "\\PC{1,200}") {
        let dir = tempfile::tempdir().expect("dir");
        let path = write(dir.path(), "t.txt", text.as_bytes());
        if let Ok(loaded) = load::load(&path) {
            for article in loaded.articles {
                prop_assert_eq!(&article.sha256, &sha256_hex(&article.text));
                prop_assert!(!article.text.contains('\r'));
            }
        }
    }
}

#[test]
fn html_seed_reads_as_its_article_only() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/003_port_strike.html");
    let article = load::load(&path).expect("seed").articles.remove(0);
    assert_eq!(article.title, "Dockworkers extend strike as talks collapse");
    assert!(
        article
            .text
            .starts_with("Dockworkers extend strike as talks collapse\n\n")
    );
    assert!(article.text.contains("“We offered flexibility on shifts"));
    for absent in [
        "Advertisement",
        "Home",
        "Related",
        "All rights",
        "analytics",
        "Harbour Ledger",
    ] {
        assert!(
            !article.text.contains(absent),
            "{absent} leaked into the text"
        );
    }
}

#[test]
fn html_without_title_or_h1_takes_the_first_line() {
    let dir = tempfile::tempdir().expect("dir");
    let a = load_one(dir.path(), "p.html", b"<p>First para</p><p>Second</p>");
    assert_eq!(a.title, "First para");
}

#[test]
fn an_annotation_file_opened_as_an_article_is_named_as_such() {
    let dir = tempfile::tempdir().expect("dir");
    let error = load_err(
        dir.path(),
        "talks.json",
        br#"{"format": "gloss/1", "article": {"id": "talks", "sha256": "", "chars": 0}}"#,
    );
    assert!(matches!(error, LoadError::AnnotationFile { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("annotation file, not an article")
    );
}

#[cfg(unix)]
#[test]
fn symlink_cycles_are_walked_once() {
    let dir = tempfile::tempdir().expect("dir");
    write(dir.path(), "a.txt", b"A\nbody");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    write(&dir.path().join("sub"), "b.txt", b"B\nbody");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).expect("symlink");
    let loaded = load::load(dir.path()).expect("load");
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
}
