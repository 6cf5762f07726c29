//! Annotation storage: atomic saves, backups, refusing what cannot be read safely, rescue and
//! recovery files, and re-anchoring spans when the article text changed.

use std::path::Path;
use std::time::{Duration, SystemTime};

use gloss::article::Article;
use gloss::article::load::from_txt;
use gloss::model::{
    Actor, ActorKind, Claim, ClaimKind, Document, Extra, Meta, Polarity, Span, Stance,
};
use gloss::store::{self, Origin, Outcome, StoreError, reanchor};
use proptest::prelude::*;

const TEXT: &str = "Talks resume in Istanbul\n\
Turkish President Recep Tayyip Erdoğan said on Tuesday that Ankara was ready to host new talks.\n\
Analysts were divided on the offer.\n\
“We are grateful to Türkiye,” Zelenskyy said in his nightly address. “But a corridor that can be closed with one call is not a corridor.”\n\
The Kremlin said it had taken note of the proposal.\n";

fn article(text: &str) -> Article {
    from_txt("talks", "talks.txt", text)
}

fn span(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in text");
    Span::from_bytes(text, start..start + needle.len())
}

/// A document over `text` with spans of every kind: mentions, a claim with source, cue and a
/// discontinuous content, and stance evidence.
fn annotated(text: &str) -> Document {
    let a = article(text);
    let mut doc = Document::new(a.meta());
    doc.actors.push(Actor {
        id: "a1".into(),
        name: "Recep Tayyip Erdoğan".into(),
        kind: ActorKind::Person,
        aliases: vec![],
        role: Some("Turkish President".into()),
        mentions: vec![span(text, "Recep Tayyip Erdoğan")],
        meta: Meta::manual(),
        extra: Extra::new(),
    });
    doc.actors.push(Actor {
        id: "a2".into(),
        name: "Zelenskyy".into(),
        kind: ActorKind::Person,
        aliases: vec![],
        role: None,
        mentions: vec![span(text, "Zelenskyy")],
        meta: Meta::auto("ner", 0.9),
        extra: Extra::new(),
    });
    let map = gloss::article::offsets::OffsetMap::new(text);
    let q1 = text.find("We are grateful").expect("q1");
    let q1_end = q1 + "We are grateful to Türkiye,".len();
    let q2 = text.find("But a corridor").expect("q2");
    let q2_end = q2 + "But a corridor that can be closed with one call is not a corridor.".len();
    doc.claims.push(Claim {
        id: "c1".into(),
        actor: Some("a2".into()),
        source: Some(span(text, "Zelenskyy")),
        cue: Some(span(text, "said in his nightly address")),
        content: Span::from_byte_parts(&map, text, &[q1..q1_end, q2..q2_end]),
        kind: ClaimKind::Direct,
        meta: Meta::manual(),
        extra: Extra::new(),
    });
    doc.claims.push(Claim {
        id: "c2".into(),
        actor: Some("a1".into()),
        source: Some(span(text, "Recep Tayyip Erdoğan")),
        cue: Some(span(text, "said")),
        content: span(text, "Ankara was ready to host new talks"),
        kind: ClaimKind::Indirect,
        meta: Meta::auto("said-that", 0.8),
        extra: Extra::new(),
    });
    doc.stances.push(Stance {
        id: "s1".into(),
        actor: "a1".into(),
        target: "new talks".into(),
        polarity: Polarity::Support,
        evidence: Some(span(text, "ready to host new talks")),
        claim: Some("c2".into()),
        meta: Meta::manual(),
        extra: Extra::new(),
    });
    doc
}

fn all_spans(doc: &Document) -> Vec<&Span> {
    let mut spans: Vec<&Span> = doc.actors.iter().flat_map(|a| &a.mentions).collect();
    for claim in &doc.claims {
        spans.extend(claim.source.iter());
        spans.extend(claim.cue.iter());
        spans.push(&claim.content);
    }
    spans.extend(doc.stances.iter().filter_map(|s| s.evidence.as_ref()));
    spans
}

/// Every non-orphaned span covers exactly its text in `text`.
fn assert_spans_cover_their_text(doc: &Document, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for span in all_spans(doc).into_iter().filter(|s| !s.orphaned) {
        let pieces: Vec<String> = span
            .pieces()
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect();
        assert_eq!(pieces.join(" … "), span.text, "{span:?}");
    }
}

fn set_mtime(path: &Path, time: SystemTime) {
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open");
    file.set_modified(time).expect("set mtime");
}

fn no_extract(_: &Article) -> Document {
    panic!("extract must not run when a saved file reads")
}

// ---- saving and loading ----

#[test]
fn save_then_load_round_trips() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("talks.json");
    let doc = annotated(TEXT);
    store::save(&path, &doc).expect("save");
    assert_eq!(store::load(&path).expect("load"), doc);
}

#[test]
fn backup_holds_the_previous_version() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("talks.json");
    let mut doc = annotated(TEXT);
    store::save(&path, &doc).expect("first save");
    assert!(
        !store::backup_path(&path).exists(),
        "nothing to back up yet"
    );
    let first = std::fs::read(&path).expect("read");
    doc.labels.push("reviewed".into());
    store::save(&path, &doc).expect("second save");
    assert_eq!(store::backup_path(&path), dir.path().join("talks.json.bak"));
    assert_eq!(
        std::fs::read(store::backup_path(&path)).expect("bak"),
        first
    );
    assert_eq!(store::load(&path).expect("load").labels, ["reviewed"]);
}

#[test]
fn a_writer_killed_mid_save_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("talks.json");
    let doc = annotated(TEXT);
    store::save(&path, &doc).expect("save");
    let before = std::fs::read(&path).expect("read");
    // What a killed writer leaves: its temporary file, half written, never renamed.
    let full = serde_json::to_string_pretty(&doc).expect("json");
    std::fs::write(
        dir.path().join(".talks.json.AbC123.tmp"),
        &full[..full.len() / 2],
    )
    .expect("leftover");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let opened = store::open(dir.path(), &article(TEXT), no_extract).expect("open");
    assert_eq!(opened.origin, Origin::Saved);
    assert_eq!(opened.doc, doc);
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    store::save(&path, &opened.doc).expect("saving again works");
}

#[test]
fn save_creates_missing_directories() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("a/b/talks.json");
    store::save(&path, &annotated(TEXT)).expect("save");
    assert!(path.exists());
}

#[test]
fn malformed_files_report_path_line_and_column() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("bad.json");
    std::fs::write(&path, "{\n  \"format\": \"gloss/1\",\n  \"article\": {,\n}").expect("write");
    let error = store::load(&path).expect_err("malformed");
    assert!(matches!(
        error,
        StoreError::Parse {
            line: 3,
            column: 15,
            ..
        }
    ));
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{}:3:15: ", path.display())),
        "{message}"
    );
    assert!(!message.contains("at line"), "{message}");
}

#[test]
fn a_truncated_file_reports_a_one_based_column() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("bad2.json");
    std::fs::write(&path, "{\n  \"format\": \"gloss/1\",\n").expect("write");
    let message = store::load(&path).expect_err("truncated").to_string();
    assert!(
        message.starts_with(&format!("{}:3:1: EOF while parsing", path.display())),
        "{message}"
    );
}

#[test]
fn type_errors_report_path_line_and_column_too() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        "{\"format\": \"gloss/1\",\n\"article\": {\"id\": \"x\", \"sha256\": \"\", \"chars\": \"many\"}}",
    )
    .expect("write");
    let error = store::load(&path).expect_err("type error");
    assert!(
        matches!(error, StoreError::Parse { line: 2, .. }),
        "{error}"
    );
}

#[test]
fn newer_major_formats_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("new.json");
    std::fs::write(
        &path,
        r#"{"format": "gloss/2.1", "article": {"id": "x", "sha256": "", "chars": 0}, "claims": "changed shape"}"#,
    )
    .expect("write");
    let error = store::load(&path).expect_err("newer");
    assert!(matches!(error, StoreError::NewerFormat { .. }));
    let message = error.to_string();
    assert!(message.contains("newer gloss"), "{message}");
    assert!(message.contains("gloss/2.1"), "{message}");
}

#[test]
fn newer_minor_versions_are_read() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("minor.json");
    let mut value = serde_json::to_value(annotated(TEXT)).expect("value");
    value["format"] = "gloss/1.4".into();
    value["future_field"] = serde_json::json!([1, 2]);
    std::fs::write(&path, value.to_string()).expect("write");
    let doc = store::load(&path).expect("load");
    assert_eq!(doc.extra["future_field"], serde_json::json!([1, 2]));
}

#[test]
fn other_formats_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("other.json");
    for content in [
        r#"{"format": "brat/1", "article": {}}"#,
        r#"{"text": "an article, not annotations"}"#,
        "[1, 2, 3]",
    ] {
        std::fs::write(&path, content).expect("write");
        let error = store::load(&path).expect_err("not gloss");
        assert!(matches!(error, StoreError::NotGloss { .. }), "{error}");
        assert!(error.to_string().contains("not a gloss annotation file"));
    }
}

// ---- opening ----

#[test]
fn open_without_a_file_extracts() {
    let dir = tempfile::tempdir().expect("dir");
    let a = article(TEXT);
    let opened = store::open(dir.path(), &a, |a| annotated(&a.text)).expect("open");
    assert_eq!(opened.origin, Origin::Extracted);
    assert_eq!(opened.save_to, dir.path().join("talks.json"));
    assert!(opened.notices.is_empty());
    assert_eq!(opened.recovery, None);
}

#[test]
fn open_reads_the_saved_file() {
    let dir = tempfile::tempdir().expect("dir");
    let doc = annotated(TEXT);
    store::save(&store::path_for(dir.path(), "talks"), &doc).expect("save");
    let opened = store::open(dir.path(), &article(TEXT), no_extract).expect("open");
    assert_eq!(opened.origin, Origin::Saved);
    assert_eq!(opened.doc, doc);
    assert!(!opened.unsaved);
}

#[test]
fn open_never_overwrites_a_file_that_fails_to_parse() {
    let dir = tempfile::tempdir().expect("dir");
    let path = store::path_for(dir.path(), "talks");
    std::fs::write(&path, "{\"format\": \"gloss/1\",\n  oops").expect("write");
    let a = article(TEXT);
    let opened = store::open(dir.path(), &a, |a| annotated(&a.text)).expect("open");
    assert_eq!(opened.origin, Origin::Extracted);
    assert_eq!(opened.save_to, dir.path().join("talks.rescued-1.json"));
    let notice = opened.notices.join("\n");
    assert!(
        notice.contains(&format!("{}:2:3", path.display())),
        "{notice}"
    );
    assert!(notice.contains("talks.rescued-1.json"), "{notice}");
    store::save(&opened.save_to, &opened.doc).expect("save");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "{\"format\": \"gloss/1\",\n  oops"
    );

    // The next session continues with the rescued work, still leaving the original alone.
    let again = store::open(dir.path(), &a, no_extract).expect("open again");
    assert_eq!(again.origin, Origin::Saved);
    assert_eq!(again.save_to, opened.save_to);
    assert_eq!(again.doc, opened.doc);
}

#[test]
fn rescue_files_take_the_first_free_number() {
    let dir = tempfile::tempdir().expect("dir");
    let path = store::path_for(dir.path(), "talks");
    std::fs::write(&path, "not json").expect("write");
    std::fs::write(dir.path().join("talks.rescued-1.json"), "also broken").expect("write");
    let opened = store::open(dir.path(), &article(TEXT), |a| annotated(&a.text)).expect("open");
    assert_eq!(opened.save_to, dir.path().join("talks.rescued-2.json"));
}

#[test]
fn open_treats_a_newer_major_file_like_an_unreadable_one() {
    let dir = tempfile::tempdir().expect("dir");
    let path = store::path_for(dir.path(), "talks");
    let content = r#"{"format": "gloss/3", "article": {"id": "talks", "sha256": "", "chars": 0}}"#;
    std::fs::write(&path, content).expect("write");
    let opened = store::open(dir.path(), &article(TEXT), |a| annotated(&a.text)).expect("open");
    assert_eq!(opened.save_to, dir.path().join("talks.rescued-1.json"));
    assert!(opened.notices.join("\n").contains("newer gloss"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), content);
}

// ---- recovery ----

#[test]
fn a_newer_recovery_file_is_offered_and_can_be_taken() {
    let dir = tempfile::tempdir().expect("dir");
    let path = store::path_for(dir.path(), "talks");
    let a = article(TEXT);
    let saved = annotated(TEXT);
    store::save(&path, &saved).expect("save");
    let mut unsaved = saved.clone();
    unsaved.labels.push("work in progress".into());
    store::write_recovery(&path, &unsaved).expect("recovery");
    assert_eq!(
        store::recovery_path(&path),
        dir.path().join("talks.recovery.json")
    );
    let now = SystemTime::now();
    set_mtime(&path, now - Duration::from_secs(60));
    set_mtime(&store::recovery_path(&path), now);

    let mut opened = store::open(dir.path(), &a, no_extract).expect("open");
    assert_eq!(opened.recovery, Some(store::recovery_path(&path)));
    assert_eq!(
        opened.doc, saved,
        "the saved file is what opens until asked"
    );
    store::open_recovery(&mut opened, &a).expect("take recovery");
    assert_eq!(opened.doc, unsaved);
    assert_eq!(opened.recovery, None);
    assert!(opened.notices.iter().any(|n| n.contains("restored")));

    store::save(&opened.save_to, &opened.doc).expect("save");
    store::remove_recovery(&opened.save_to).expect("remove");
    assert!(!store::recovery_path(&path).exists());
    store::remove_recovery(&opened.save_to).expect("removing twice is fine");
}

#[test]
fn an_older_recovery_file_is_not_offered() {
    let dir = tempfile::tempdir().expect("dir");
    let path = store::path_for(dir.path(), "talks");
    store::save(&path, &annotated(TEXT)).expect("save");
    store::write_recovery(&path, &annotated(TEXT)).expect("recovery");
    let now = SystemTime::now();
    set_mtime(&store::recovery_path(&path), now - Duration::from_secs(60));
    set_mtime(&path, now);
    let opened = store::open(dir.path(), &article(TEXT), no_extract).expect("open");
    assert_eq!(opened.recovery, None);
}

#[test]
fn a_recovery_file_without_a_saved_file_is_offered() {
    let dir = tempfile::tempdir().expect("dir");
    let path = store::path_for(dir.path(), "talks");
    store::write_recovery(&path, &annotated(TEXT)).expect("recovery");
    let opened = store::open(dir.path(), &article(TEXT), |a| annotated(&a.text)).expect("open");
    assert_eq!(opened.origin, Origin::Extracted);
    assert_eq!(opened.recovery, Some(store::recovery_path(&path)));
}

// ---- re-anchoring ----

#[test]
fn words_inserted_before_spans_move_them() {
    let doc = annotated(TEXT);
    let new_text = TEXT.replacen(
        "Turkish President",
        "In a brief statement, Turkish President",
        1,
    );
    let mut moved = doc.clone();
    let report = reanchor(&mut moved, &article(&new_text));
    assert_eq!(report.orphaned, 0);
    assert_eq!(report.approximate, 0);
    assert_eq!(report.moved, report.total(), "{report:?}");
    let shift = "In a brief statement, ".chars().count();
    assert_eq!(
        moved.actors[0].mentions[0].start,
        doc.actors[0].mentions[0].start + shift
    );
    assert_eq!(moved.actors[0].mentions[0].text, "Recep Tayyip Erdoğan");
    let before: Vec<char> = new_text[..new_text.find("Recep").expect("name")]
        .chars()
        .collect();
    let expected_prefix: String = before[before.len() - 32..].iter().collect();
    assert_eq!(moved.actors[0].mentions[0].prefix, expected_prefix);
    assert_spans_cover_their_text(&moved, &new_text);
}

#[test]
fn a_deleted_paragraph_moves_later_spans_and_leaves_earlier_ones() {
    let doc = annotated(TEXT);
    let new_text = TEXT.replace("Analysts were divided on the offer.\n", "");
    let mut moved = doc.clone();
    let report = reanchor(&mut moved, &article(&new_text));
    assert_eq!(report.orphaned, 0);
    assert!(report.unchanged >= 5, "{report:?}");
    assert!(report.moved >= 4, "{report:?}");
    let content = &moved.claims[0].content;
    assert_eq!(content.text, doc.claims[0].content.text);
    let shift = "Analysts were divided on the offer.\n".chars().count();
    let old_parts = doc.claims[0].content.parts.clone().expect("parts");
    let new_parts = content.parts.clone().expect("parts kept");
    for (old, new) in old_parts.iter().zip(&new_parts) {
        assert_eq!(new[0], old[0] - shift);
        assert_eq!(new[1], old[1] - shift);
    }
    assert_spans_cover_their_text(&moved, &new_text);
}

#[test]
fn a_slightly_changed_span_is_matched_approximately() {
    let doc = annotated(TEXT);
    let new_text = TEXT.replace(
        "Ankara was ready to host new talks",
        "Ankara was prepared to host fresh talks",
    );
    let mut moved = doc.clone();
    let report = reanchor(&mut moved, &article(&new_text));
    assert_eq!(report.orphaned, 0, "{report:?}");
    assert!(report.approximate >= 1, "{report:?}");
    assert_eq!(
        moved.claims[1].content.text,
        "Ankara was prepared to host fresh talks"
    );
    assert!(!moved.claims[1].content.orphaned);
    assert_spans_cover_their_text(&moved, &new_text);
    // The items are tagged and named, so the user can find them and check them: the claim and
    // the stance whose evidence is the changed text.
    assert_eq!(report.approximate_items, ["c2", "s1"]);
    assert_eq!(
        moved.claims[1].meta.tags,
        [store::reanchor::APPROXIMATE_TAG]
    );
    assert_eq!(
        moved.stances[0].meta.tags,
        [store::reanchor::APPROXIMATE_TAG]
    );
    assert!(
        report
            .to_string()
            .contains("(check c2, s1: tagged \"approximate\")"),
        "{report}"
    );
    assert!(moved.claims[0].meta.tags.is_empty());
}

#[test]
fn a_removed_span_is_orphaned_and_kept() {
    let doc = annotated(TEXT);
    let new_text = TEXT.replace(
        "“We are grateful to Türkiye,” Zelenskyy said in his nightly address. “But a corridor that can be closed with one call is not a corridor.”\n",
        "",
    );
    let mut moved = doc.clone();
    let report = reanchor(&mut moved, &article(&new_text));
    assert_eq!(
        report.orphaned, 4,
        "mention, source, cue, content: {report:?}"
    );
    let claim = &moved.claims[0];
    assert!(claim.content.orphaned && claim.source.as_ref().expect("source").orphaned);
    assert_eq!(
        claim.content.text, doc.claims[0].content.text,
        "kept as it was"
    );
    assert_eq!(moved.claims.len(), doc.claims.len());
    assert!(!moved.claims[1].content.orphaned);
    assert_spans_cover_their_text(&moved, &new_text);
}

#[test]
fn orphaned_spans_survive_a_save() {
    let dir = tempfile::tempdir().expect("dir");
    let mut doc = annotated(TEXT);
    let report = reanchor(
        &mut doc,
        &article("Something else entirely.\nNothing here."),
    );
    assert_eq!(report.orphaned, report.total());
    let path = dir.path().join("talks.json");
    store::save(&path, &doc).expect("save");
    let json = std::fs::read_to_string(&path).expect("read");
    assert!(json.contains("\"orphaned\": true"));
    assert_eq!(store::load(&path).expect("load"), doc);
}

#[test]
fn reanchoring_updates_the_article_block() {
    let mut doc = annotated(TEXT);
    let new_text = format!("{TEXT}One more line.\n");
    let a = article(&new_text);
    reanchor(&mut doc, &a);
    assert_eq!(doc.article.sha256, a.sha256);
    assert_eq!(doc.article.chars, a.chars());
    assert_eq!(doc.article.title, a.title);
}

#[test]
fn open_reanchors_a_changed_article_and_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    store::save(&store::path_for(dir.path(), "talks"), &annotated(TEXT)).expect("save");
    let new_text = TEXT.replacen(
        "Talks resume in Istanbul\n",
        "Talks resume in Istanbul\nUpdated.\n",
        1,
    );
    let a = article(&new_text);
    let opened = store::open(dir.path(), &a, no_extract).expect("open");
    assert_eq!(opened.doc.article.sha256, a.sha256);
    let notice = opened.notices.join("\n");
    assert!(notice.starts_with("article text changed: "), "{notice}");
    assert!(notice.contains("spans moved"), "{notice}");
    assert_spans_cover_their_text(&opened.doc, &new_text);
    assert!(opened.unsaved, "the file still holds the old offsets");
}

#[test]
fn spans_in_the_long_seed_survive_an_edit_at_the_top() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/004_river_town_water_inquiry.txt");
    let text = std::fs::read_to_string(path).expect("seed");
    let mut doc = Document::new(article(&text).meta());
    let spans: Vec<Span> = ["said", "Whitcombe", "according to", "Northvale Water"]
        .iter()
        .flat_map(|needle| {
            text.match_indices(needle)
                .map(|(b, m)| Span::from_bytes(&text, b..b + m.len()))
                .collect::<Vec<_>>()
        })
        .collect();
    doc.actors.push(Actor {
        id: "a1".into(),
        name: "many".into(),
        kind: ActorKind::Other,
        aliases: vec![],
        role: None,
        mentions: spans.clone(),
        meta: Meta::manual(),
        extra: Extra::new(),
    });
    let new_text = text.replacen("MILLBROOK — ", "MILLBROOK (Updated) — ", 1);
    let report = reanchor(&mut doc, &article(&new_text));
    assert_eq!(report.orphaned + report.approximate, 0, "{report:?}");
    let shift = "(Updated) ".chars().count();
    for (old, new) in spans.iter().zip(&doc.actors[0].mentions) {
        assert_eq!(new.start, old.start + shift, "{:?}", old.text);
    }
}

// ---- a Markdown article annotated before gloss rendered Markdown ----

fn md_seed_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/002_amazon_summit.md")
}

/// The seed as gloss reads it: rendered.
fn md_seed() -> Article {
    let mut loaded = gloss::article::load::load(&md_seed_path()).expect("seed loads");
    loaded.articles.remove(0)
}

/// The seed as gloss read it before Markdown was rendered: the file's text as written.
fn md_seed_as_written() -> (Article, String) {
    let raw = std::fs::read_to_string(md_seed_path()).expect("seed");
    let new = md_seed();
    (from_txt(&new.id, &new.source, &raw), raw)
}

/// The span of `part` where `around` first is (`part` starts `around`, or follows its
/// leading syntax).
fn within(text: &str, around: &str, part: &str) -> Span {
    let start = text.find(around).expect("context in text") + around.find(part).expect("part");
    Span::from_bytes(text, start..start + part.len())
}

/// Spans over the file's text as written, some of them inside or across Markdown syntax.
fn annotated_as_written(text: &str) -> Document {
    let mut doc = Document::new(md_seed_as_written().0.meta());
    doc.actors.push(Actor {
        id: "a1".into(),
        name: "Lula da Silva".into(),
        kind: ActorKind::Person,
        aliases: vec![],
        role: None,
        mentions: vec![
            within(text, "**Lula da Silva**", "Lula da Silva"),
            within(text, "Lula said", "Lula"),
        ],
        meta: Meta::manual(),
        extra: Extra::new(),
    });
    doc.claims.push(Claim {
        id: "c1".into(),
        actor: Some("a1".into()),
        source: Some(span(
            text,
            "Brazilian President Luiz Inácio **Lula da Silva**",
        )),
        cue: Some(span(text, "saying")),
        content: span(
            text,
            "that “the forest is not a museum, and its people are not its guards without wages.”",
        ),
        kind: ClaimKind::Indirect,
        meta: Meta::manual(),
        extra: Extra::new(),
    });
    doc.claims.push(Claim {
        id: "c2".into(),
        actor: Some("a1".into()),
        source: None,
        cue: None,
        content: span(
            text,
            "> “We did not come here to sign another letter of good intentions,”",
        ),
        kind: ClaimKind::Direct,
        meta: Meta::manual(),
        extra: Extra::new(),
    });
    doc
}

#[test]
fn annotations_saved_against_the_raw_markdown_are_reanchored_on_the_rendered_text() {
    let (_, raw) = md_seed_as_written();
    let article = md_seed();
    let dir = tempfile::tempdir().expect("dir");
    store::save(
        &store::path_for(dir.path(), &article.id),
        &annotated_as_written(&raw),
    )
    .expect("save");
    let opened = store::open(dir.path(), &article, no_extract).expect("open");
    assert_eq!(opened.origin, Origin::Saved);
    assert_eq!(opened.doc.article.sha256, article.sha256);
    assert!(
        opened
            .notices
            .join("\n")
            .starts_with("article text changed: "),
        "{:?}",
        opened.notices
    );
    assert!(all_spans(&opened.doc).iter().all(|s| !s.orphaned));
    assert_spans_cover_their_text(&opened.doc, &article.text);
    let texts: Vec<&str> = all_spans(&opened.doc)
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Lula da Silva",
            "Lula",
            "Brazilian President Luiz Inácio Lula da Silva",
            "saying",
            "that “the forest is not a museum, and its people are not its guards without wages.”",
            "“We did not come here to sign another letter of good intentions,”",
        ]
    );
}

#[test]
fn every_span_extracted_from_the_raw_markdown_is_kept_when_reopened() {
    let (old, _) = md_seed_as_written();
    let saved = gloss::extract::extract(&old);
    let dir = tempfile::tempdir().expect("dir");
    store::save(&store::path_for(dir.path(), &old.id), &saved).expect("save");
    let opened = store::open(dir.path(), &md_seed(), no_extract).expect("open");
    assert_eq!(opened.origin, Origin::Saved);
    assert_eq!(all_spans(&opened.doc).len(), all_spans(&saved).len());
    assert_eq!(opened.doc.claims.len(), saved.claims.len());
    assert_eq!(opened.doc.actors.len(), saved.actors.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn reanchoring_onto_the_same_text_changes_nothing(
        text in "[a-zA-Z éğ“”,.\n]{1,300}",
        picks in proptest::collection::vec((0usize..300, 0usize..40), 1..12),
    ) {
        let a = article(&text);
        let chars = text.chars().count();
        let mut doc = Document::new(a.meta());
        let mentions: Vec<Span> = picks
            .iter()
            .map(|&(start, len)| {
                let start = start % (chars + 1);
                Span::from_chars(&text, start, (start + len).min(chars))
            })
            .collect();
        doc.actors.push(Actor {
            id: "a1".into(),
            name: "x".into(),
            kind: ActorKind::Other,
            aliases: vec![],
            role: None,
            mentions,
            meta: Meta::manual(),
            extra: Extra::new(),
        });
        let before = doc.clone();
        let report = reanchor(&mut doc, &a);
        prop_assert!(report.is_clean());
        prop_assert_eq!(doc, before);
    }

    #[test]
    fn text_inserted_at_the_top_shifts_every_span(
        words in proptest::collection::vec(0u32..1_000_000, 20..80),
        picks in proptest::collection::vec((0usize..80, 1usize..6), 1..10),
        inserted in "[A-Za-zé ]{1,40}\n",
    ) {
        // Distinct words, so every span's text occurs once.
        let words: Vec<String> = words.iter().enumerate().map(|(i, w)| format!("w{i}x{w}")).collect();
        let text = words.join(" ");
        let mut doc = Document::new(article(&text).meta());
        let spans: Vec<Span> = picks
            .iter()
            .map(|&(first, n)| {
                let first = first % words.len();
                let last = (first + n).min(words.len()) - 1;
                let start = text.find(&format!("{} ", words[first])).unwrap_or(text.len() - words[first].len());
                let end_word = &words[last];
                let end = text.find(end_word.as_str()).map_or(text.len(), |b| b + end_word.len());
                Span::from_bytes(&text, start..end)
            })
            .collect();
        doc.actors.push(Actor {
            id: "a1".into(),
            name: "x".into(),
            kind: ActorKind::Other,
            aliases: vec![],
            role: None,
            mentions: spans.clone(),
            meta: Meta::manual(),
            extra: Extra::new(),
        });
        let new_text = format!("{inserted}{text}");
        let report = reanchor(&mut doc, &article(&new_text));
        prop_assert_eq!(report.orphaned + report.approximate, 0);
        let shift = inserted.chars().count();
        for (old, new) in spans.iter().zip(&doc.actors[0].mentions) {
            prop_assert_eq!(new.start, old.start + shift);
            prop_assert_eq!(&new.text, &old.text);
        }
    }
}

#[test]
fn outcome_of_a_single_span_is_reported() {
    let mut s = span(TEXT, "Kremlin");
    assert_eq!(
        store::reanchor::reanchor_span(&mut s, TEXT),
        Outcome::Unchanged
    );
}

// ---- the format: schema and documentation ----

fn schema() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("annotations/schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("schema json")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("a valid draft 2020-12 schema")
}

fn schema_errors(value: &serde_json::Value) -> Vec<String> {
    validator()
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// A document using every field the model can write: role, confidence, rule, parts,
/// orphaned, every status, unknown fields.
fn full_document() -> Document {
    let mut doc = annotated(TEXT);
    doc.actors[0].meta.status = gloss::model::Status::Rejected;
    doc.actors[0].meta.tags = vec!["t".into()];
    doc.actors[0].meta.note = "n".into();
    doc.claims[0].meta.status = gloss::model::Status::Edited;
    doc.claims[1].meta.status = gloss::model::Status::Accepted;
    doc.claims[1].source = None;
    doc.stances[0].evidence.as_mut().expect("evidence").orphaned = true;
    doc.labels.push("politics".into());
    doc.extra
        .insert("future".into(), serde_json::json!({"from": "gloss/1.3"}));
    doc.claims[0]
        .extra
        .insert("weight".into(), serde_json::json!(2));
    doc
}

#[test]
fn serialized_documents_match_the_schema() {
    let value = serde_json::to_value(full_document()).expect("value");
    let errors = schema_errors(&value);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_schema_refuses_what_the_model_refuses() {
    let good = serde_json::to_value(annotated(TEXT)).expect("value");
    type Breakage = (&'static str, fn(&mut serde_json::Value));
    let breakages: [Breakage; 7] = [
        ("newer major", |v| v["format"] = "gloss/2".into()),
        ("bad status", |v| v["claims"][0]["status"] = "maybe".into()),
        ("negative offset", |v| {
            v["actors"][0]["mentions"][0]["start"] = (-1).into()
        }),
        ("no content", |v| {
            v["claims"][0]
                .as_object_mut()
                .expect("claim")
                .remove("content");
        }),
        ("bad kind", |v| v["actors"][0]["kind"] = "robot".into()),
        ("confidence > 1", |v| {
            v["claims"][1]["confidence"] = 1.5.into()
        }),
        ("parts not pairs", |v| {
            v["claims"][0]["content"]["parts"] = serde_json::json!([[1, 2, 3]])
        }),
    ];
    for (what, break_it) in breakages {
        let mut value = good.clone();
        break_it(&mut value);
        assert!(!schema_errors(&value).is_empty(), "schema accepted: {what}");
    }
}

/// Every key the model writes, at every level, is declared in the schema (validation alone
/// cannot show this: unknown fields are allowed on purpose).
#[test]
fn every_serialized_field_is_declared_in_the_schema() {
    let schema = schema();
    let defs = &schema["$defs"];
    let declared = |def: &serde_json::Value, key: &str| {
        def["properties"].get(key).is_some()
            || def["allOf"][0]["$ref"]
                .as_str()
                .and_then(|r| r.strip_prefix("#/$defs/"))
                .is_some_and(|name| defs[name]["properties"].get(key).is_some())
    };
    let check = |def: &serde_json::Value, value: &serde_json::Value, what: &str| {
        for key in value.as_object().expect("object").keys() {
            let is_extra = ["future", "weight"].contains(&key.as_str());
            assert!(
                is_extra || declared(def, key),
                "{what}.{key} is not in the schema"
            );
        }
    };
    let value = serde_json::to_value(full_document()).expect("value");
    check(&schema, &value, "document");
    check(&defs["article"], &value["article"], "article");
    let spans = |v: &serde_json::Value| -> Vec<serde_json::Value> {
        ["source", "cue", "content", "evidence"]
            .iter()
            .filter_map(|k| v.get(*k).filter(|s| s.is_object()).cloned())
            .chain(v["mentions"].as_array().into_iter().flatten().cloned())
            .collect()
    };
    let mut span_keys = std::collections::BTreeSet::new();
    for (list, def) in [
        ("actors", "actor"),
        ("claims", "claim"),
        ("stances", "stance"),
    ] {
        for item in value[list].as_array().expect("list") {
            check(&defs[def], item, def);
            for span in spans(item) {
                check(&defs["span"], &span, "span");
                span_keys.extend(span.as_object().expect("span").keys().cloned());
            }
        }
    }
    for key in ["parts", "orphaned", "prefix", "suffix", "text"] {
        assert!(span_keys.contains(key), "the test document writes {key}");
    }
}

fn fenced_block<'a>(markdown: &'a str, lang: &str) -> &'a str {
    let open = format!("```{lang}\n");
    let start = markdown.find(&open).expect("fenced block") + open.len();
    let end = start + markdown[start..].find("\n```").expect("closing fence");
    &markdown[start..end]
}

#[test]
fn the_format_doc_example_is_a_valid_document() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/FORMAT.md");
    let markdown = std::fs::read_to_string(path).expect("FORMAT.md");
    let text = format!("{}\n", fenced_block(&markdown, "text"));
    let json = fenced_block(&markdown, "json");
    let value: serde_json::Value = serde_json::from_str(json).expect("example json");
    let errors = schema_errors(&value);
    assert!(errors.is_empty(), "{errors:#?}");
    let doc: Document = serde_json::from_value(value.clone()).expect("a Document");
    assert_eq!(
        serde_json::to_value(&doc).expect("value"),
        value,
        "written as shown"
    );
    let a = from_txt("talks", "talks.txt", &text);
    assert_eq!(doc.article.sha256, a.sha256);
    assert_eq!(doc.article.chars, a.chars());
    assert_eq!(doc.article.title, a.title);
    assert_spans_cover_their_text(&doc, &text);
    for span in all_spans(&doc) {
        let fresh = match &span.parts {
            Some(parts) => {
                let map = gloss::article::offsets::OffsetMap::new(&text);
                let ranges: Vec<_> = parts
                    .iter()
                    .map(|[s, e]| map.to_byte(&text, *s)..map.to_byte(&text, *e))
                    .collect();
                Span::from_byte_parts(&map, &text, &ranges)
            }
            None => Span::from_chars(&text, span.start, span.end),
        };
        assert_eq!(span, &fresh, "context as gloss writes it");
    }
    assert_eq!(doc.live_actors().count(), 1, "the rejected actor is absent");
}

// ---- re-anchoring real articles ----

fn polnear_dev() -> Option<Vec<Article>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear_dev.jsonl");
    if !path.exists() {
        eprintln!("note: {} is absent; skipping", path.display());
        return None;
    }
    Some(gloss::article::load::load(&path).expect("polnear").articles)
}

/// A document holding every gold attribution of a PolNeAR article as a claim.
fn gold_document(article: &Article) -> Document {
    let text = &article.text;
    let map = gloss::article::offsets::OffsetMap::new(text);
    let to_span = |v: &serde_json::Value| -> Option<Span> {
        if v.is_null() {
            return None;
        }
        let pieces: Vec<(usize, usize)> = match v.get("spans").and_then(|s| s.as_array()) {
            Some(spans) => spans
                .iter()
                .map(|p| {
                    (
                        p[0].as_u64().expect("s") as usize,
                        p[1].as_u64().expect("e") as usize,
                    )
                })
                .collect(),
            None => vec![(
                v["start"].as_u64().expect("start") as usize,
                v["end"].as_u64().expect("end") as usize,
            )],
        };
        let ranges: Vec<_> = pieces
            .iter()
            .map(|&(s, e)| map.to_byte(text, s)..map.to_byte(text, e))
            .collect();
        Some(Span::from_byte_parts(&map, text, &ranges))
    };
    let mut doc = Document::new(article.meta());
    for (i, attribution) in article.fields["attributions"]
        .as_array()
        .expect("attributions")
        .iter()
        .enumerate()
    {
        let Some(content) = to_span(&attribution["content"]) else {
            continue;
        };
        doc.claims.push(Claim {
            id: format!("c{}", i + 1),
            actor: None,
            source: to_span(&attribution["source"]),
            cue: to_span(&attribution["cue"]),
            content,
            kind: ClaimKind::Other,
            meta: Meta::manual(),
            extra: Extra::new(),
        });
    }
    doc
}

/// Deleting a paragraph of real articles: every span outside it lands exactly where the
/// deletion put it, and spans inside it are never placed anywhere else by accident.
#[test]
fn polnear_spans_survive_a_deleted_paragraph() {
    let Some(articles) = polnear_dev() else {
        return;
    };
    let (mut spans, mut exact, mut inside, mut inside_orphaned) = (0, 0, 0, 0);
    let started = std::time::Instant::now();
    for article in articles.iter().take(40) {
        let text = &article.text;
        // The second paragraph (blank-line separated), in code points.
        let Some(p_start) = text.match_indices("\n\n").next().map(|(b, _)| b + 2) else {
            continue;
        };
        let Some(p_end) = text[p_start..].find("\n\n").map(|b| p_start + b + 2) else {
            continue;
        };
        let (c_start, c_end) = (
            text[..p_start].chars().count(),
            text[..p_end].chars().count(),
        );
        let removed = c_end - c_start;
        let new_text = format!("{}{}", &text[..p_start], &text[p_end..]);
        let before = gold_document(article);
        let mut after = before.clone();
        reanchor(&mut after, &from_txt(&article.id, "", &new_text));
        for (old, new) in all_spans(&before).into_iter().zip(all_spans(&after)) {
            spans += 1;
            let in_paragraph = old
                .pieces()
                .iter()
                .any(|r| r.start < c_end && r.end > c_start);
            if in_paragraph {
                inside += 1;
                inside_orphaned += usize::from(new.orphaned);
                continue;
            }
            let expected = if old.start >= c_end {
                old.start - removed
            } else {
                old.start
            };
            if !new.orphaned && new.start == expected && new.text == old.text {
                exact += 1;
            }
        }
    }
    let outside = spans - inside;
    eprintln!(
        "polnear re-anchoring: {exact}/{outside} spans outside the deleted paragraph exact, \
         {inside_orphaned}/{inside} inside orphaned, {:?} for {spans} spans",
        started.elapsed()
    );
    assert!(outside > 500, "enough spans to mean something: {outside}");
    assert!(
        exact as f64 >= 0.998 * outside as f64,
        "{exact}/{outside} outside spans re-anchored exactly"
    );
    assert!(
        inside_orphaned as f64 >= 0.9 * inside as f64,
        "{inside_orphaned}/{inside} deleted spans orphaned, not misplaced"
    );
}

/// Changing a word inside every content span (as a copy editor would) keeps them found.
#[test]
fn polnear_contents_with_a_changed_word_are_matched_approximately() {
    let Some(articles) = polnear_dev() else {
        return;
    };
    let (mut total, mut found, mut right_place) = (0, 0, 0);
    for article in articles.iter().take(20) {
        let before = gold_document(article);
        // Replace the first " the " inside each single-piece content with " a ".
        let mut new_text = article.text.clone();
        let mut edits: Vec<(usize, usize)> = Vec::new();
        for claim in &before.claims {
            if claim.content.parts.is_some() || claim.content.text.chars().count() < 30 {
                continue;
            }
            let map = gloss::article::offsets::OffsetMap::new(&article.text);
            let range = claim.content.byte_range(&map, &article.text);
            if let Some(at) = article.text[range.clone()].find(" the ") {
                let b = range.start + at;
                if !edits.iter().any(|&(s, _)| s == b) {
                    edits.push((b, claim.content.start));
                }
            }
        }
        edits.sort();
        for &(b, _) in edits.iter().rev() {
            new_text.replace_range(b..b + 5, " a ");
        }
        let mut after = before.clone();
        reanchor(&mut after, &from_txt(&article.id, "", &new_text));
        let edited: std::collections::HashSet<usize> = edits.iter().map(|&(_, c)| c).collect();
        for (old, new) in before.claims.iter().zip(&after.claims) {
            if old.content.parts.is_some() || !edited.contains(&old.content.start) {
                continue;
            }
            total += 1;
            if !new.content.orphaned {
                found += 1;
                // Edits before it shift it left by two code points each.
                let shift = 2 * edits
                    .iter()
                    .filter(|&&(_, c)| c < old.content.start)
                    .count();
                if new.content.start == old.content.start - shift {
                    right_place += 1;
                }
            }
        }
    }
    eprintln!("polnear approximate: {found}/{total} found, {right_place} at the right start");
    assert!(total > 50, "enough edited spans: {total}");
    assert!(found as f64 >= 0.95 * total as f64, "{found}/{total}");
    assert!(
        right_place as f64 >= 0.9 * total as f64,
        "{right_place}/{total}"
    );
}

#[test]
fn a_quote_whose_context_and_words_changed_is_found_by_its_words() {
    let old = "Intro line.\nThe minister told reporters that the new bridge will open in early spring next year, weather permitting.\nOther news.\n";
    let new = "Intro line.\nSpeaking on Monday, she insisted the new bridge would open in early spring next year, weather permitting, and thanked the crews.\nOther news.\n";
    let mut s = span(
        old,
        "the new bridge will open in early spring next year, weather permitting",
    );
    assert_eq!(
        store::reanchor::reanchor_span(&mut s, new),
        Outcome::Approximate
    );
    assert_eq!(
        s.text,
        "the new bridge would open in early spring next year, weather permitting"
    );
}

#[test]
fn an_unrelated_replacement_is_not_taken_for_the_span() {
    let old = "The mayor said the budget is balanced and the parks will stay open.\n";
    let new = "The mayor said nothing about money at all, and left early.\n";
    let mut s = span(old, "the budget is balanced and the parks will stay open");
    assert_eq!(
        store::reanchor::reanchor_span(&mut s, new),
        Outcome::Orphaned
    );
}

fn arbitrary_span() -> impl Strategy<Value = Span> {
    (
        0usize..400,
        0usize..400,
        "\\PC{0,30}",
        "\\PC{0,40}",
        "\\PC{0,40}",
        proptest::option::of(proptest::collection::vec([0usize..400, 0usize..400], 0..4)),
        any::<bool>(),
    )
        .prop_map(|(start, end, text, prefix, suffix, parts, orphaned)| Span {
            start,
            end,
            text,
            prefix,
            suffix,
            parts,
            orphaned,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Files can hold anything: offsets past the end, reversed or unordered parts, text that
    /// does not match. Re-anchoring never panics, and what it places covers its text.
    #[test]
    fn reanchoring_never_panics_on_inconsistent_spans(
        spans in proptest::collection::vec(arbitrary_span(), 1..8),
        new_text in "[a-zé “”.\n]{0,300}",
    ) {
        let mut doc = Document::new(article("x").meta());
        doc.actors.push(Actor {
            id: "a1".into(),
            name: "x".into(),
            kind: ActorKind::Other,
            aliases: vec![],
            role: None,
            mentions: spans,
            meta: Meta::manual(),
            extra: Extra::new(),
        });
        let report = reanchor(&mut doc, &article(&new_text));
        prop_assert_eq!(report.total(), doc.actors[0].mentions.len());
        for span in doc.actors[0].mentions.iter().filter(|s| !s.orphaned) {
            let chars = new_text.chars().count();
            prop_assert!(span.start <= span.end && span.end <= chars);
        }
    }
}

#[test]
fn notices_are_one_line_each() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(store::path_for(dir.path(), "talks"), "{\n\n oops").expect("write");
    let opened = store::open(dir.path(), &article(TEXT), |a| annotated(&a.text)).expect("open");
    assert!(!opened.notices.is_empty());
    assert!(
        opened.notices.iter().all(|n| !n.contains('\n')),
        "{:?}",
        opened.notices
    );
}

#[test]
fn a_byte_order_mark_in_front_is_tolerated() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("bom.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(serde_json::to_vec(&annotated(TEXT)).expect("json"));
    std::fs::write(&path, bytes).expect("write");
    assert_eq!(store::load(&path).expect("load"), annotated(TEXT));
}

// ---- file names: one file per article id ----

/// A saved document of `text` under the article id `id`.
fn saved_as(dir: &Path, id: &str, text: &str) -> Document {
    let a = from_txt(id, "x.txt", text);
    let doc = Document::new(a.meta());
    store::save(&store::path_for(dir, id), &doc).expect("save");
    doc
}

#[test]
fn safe_ids_keep_their_file_names() {
    for id in ["talks", "2024-05-01_istanbul.v2", "Türkiye", "a_b"] {
        assert_eq!(store::file_stem(id), id);
    }
}

#[test]
fn ids_that_sanitise_alike_get_different_files() {
    let ids = [
        "a b", "a/b", "a_b", "a:b", ".a_b", "", "article", "/", "...",
    ];
    let stems: Vec<String> = ids.iter().map(|id| store::file_stem(id)).collect();
    for (i, a) in stems.iter().enumerate() {
        for b in &stems[i + 1..] {
            assert_ne!(a, b, "{ids:?} -> {stems:?}");
        }
    }
    assert!(
        stems[0].starts_with("a_b~"),
        "readable part kept: {}",
        stems[0]
    );
}

#[test]
fn ids_differing_after_the_length_limit_get_different_files() {
    let long = "x".repeat(130);
    assert_ne!(
        store::file_stem(&format!("{long}1")),
        store::file_stem(&format!("{long}2"))
    );
}

#[test]
fn an_id_never_names_a_companion_file_of_another() {
    let dir = Path::new("d");
    let x = store::path_for(dir, "x");
    for (id, companion) in [
        ("x.recovery", store::recovery_path(&x)),
        ("x.rescued-1", store::rescue_path(&x, 1)),
        ("x.new", x.with_extension("new.json")),
    ] {
        assert_ne!(store::path_for(dir, id), companion, "{id}");
    }
}

#[test]
fn long_non_ascii_ids_fit_a_file_name() {
    let id = "語".repeat(200);
    let path = store::path_for(Path::new(""), &id);
    let longest = store::recovery_path(&store::rescue_path(&path, 99));
    let name = longest.file_name().expect("name").to_string_lossy().len();
    assert!(name <= 255, "{name} bytes");
}

#[test]
fn colliding_ids_keep_their_own_annotations() {
    let dir = tempfile::tempdir().expect("dir");
    let first = saved_as(dir.path(), "a b", "First text.");
    let second = saved_as(dir.path(), "a/b", "Second text.");
    let load = |id: &str| store::load(&store::path_for(dir.path(), id)).expect("load");
    assert_eq!(load("a b"), first);
    assert_eq!(load("a/b"), second);
}

#[test]
fn opening_a_file_holding_another_article_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let path = store::path_for(dir.path(), "talks");
    let other = Document::new(from_txt("Talks", "t.txt", TEXT).meta());
    store::save(&path, &other).expect("save");
    let before = std::fs::read(&path).expect("read");
    let error = store::open(dir.path(), &article(TEXT), no_extract).expect_err("refused");
    assert!(matches!(error, StoreError::OtherArticle { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.contains("\"Talks\"")
            && message.contains("\"talks\"")
            && message.contains(&path.display().to_string()),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn saving_over_a_file_holding_another_article_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let path = store::path_for(dir.path(), "talks");
    store::save(
        &path,
        &Document::new(from_txt("Talks", "t.txt", TEXT).meta()),
    )
    .expect("save");
    let before = std::fs::read(&path).expect("read");
    let error = store::save(&path, &annotated(TEXT)).expect_err("refused");
    assert!(matches!(error, StoreError::OtherArticle { .. }), "{error}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(!store::backup_path(&path).exists());
}

#[test]
fn a_file_saved_under_the_old_name_is_still_opened_and_saved_to() {
    let dir = tempfile::tempdir().expect("dir");
    let a = from_txt("a b", "ab.txt", TEXT);
    let legacy = dir.path().join("a_b.json");
    let doc = Document::new(a.meta());
    store::save(&legacy, &doc).expect("save");
    let opened = store::open(dir.path(), &a, no_extract).expect("open");
    assert_eq!(opened.origin, Origin::Saved);
    assert_eq!(opened.doc, doc);
    assert_eq!(opened.save_to, legacy);
}

#[test]
fn a_file_under_the_old_name_of_another_article_is_not_taken() {
    let dir = tempfile::tempdir().expect("dir");
    let legacy = dir.path().join("a_b.json");
    store::save(
        &legacy,
        &Document::new(from_txt("a b", "ab.txt", TEXT).meta()),
    )
    .expect("save");
    let a = from_txt("a/b", "ab.txt", TEXT);
    let opened = store::open(dir.path(), &a, |a| annotated(&a.text)).expect("open");
    assert_eq!(opened.origin, Origin::Extracted);
    assert_eq!(opened.save_to, store::path_for(dir.path(), "a/b"));
    assert_ne!(opened.save_to, legacy);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Different ids, however alike, never share a file, and every name is made of safe chars.
    #[test]
    fn file_stems_are_distinct_and_safe(a in "[ab ./~_:語]{0,8}", b in "[ab ./~_:語]{0,8}") {
        let (sa, sb) = (store::file_stem(&a), store::file_stem(&b));
        prop_assert_eq!(sa == sb, a == b, "{:?} -> {}, {:?} -> {}", a, sa, b, sb);
        prop_assert!(!sa.starts_with('.'));
        prop_assert!(sa.chars().all(|c| c.is_alphanumeric() || "-_.~".contains(c)), "{}", sa);
    }
}
