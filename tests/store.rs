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
