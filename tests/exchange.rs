//! End to end: the built `gloss` binary exporting, importing, measuring agreement and counting,
//! on the fixture in tests/fixtures/exchange (copied to a temporary directory per test).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use gloss::model::{Document, Status};
use serde_json::Value;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exchange");

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["article.txt", "article.json"] {
        std::fs::copy(Path::new(FIXTURE).join(name), dir.path().join(name)).expect("copy");
    }
    dir
}

fn gloss(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(dir)
        .env_remove("GLOSS_ANNOTATIONS")
        .output()
        .expect("run gloss")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = gloss(dir, args);
    assert!(
        out.status.success(),
        "gloss {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn fails(dir: &Path, args: &[&str]) -> String {
    let out = gloss(dir, args);
    assert!(!out.status.success(), "gloss {args:?} should have failed");
    String::from_utf8(out.stderr).expect("utf-8")
}

fn load(path: &Path) -> Document {
    gloss::store::load(path).expect("load")
}

fn original() -> Document {
    load(&Path::new(FIXTURE).join("article.json"))
}

/// The fixture as every export sees it: rejected items left out.
fn live() -> Document {
    gloss::export::filter(&original(), gloss::export::Include::Auto)
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn assert_same_annotations(expected: &Document, got: &Document) {
    assert_eq!(expected.actors, got.actors, "actors");
    assert_eq!(expected.claims, got.claims, "claims");
    assert_eq!(expected.stances, got.stances, "stances");
    assert_eq!(expected.article.sha256, got.article.sha256);
    assert_eq!(expected.article.chars, got.article.chars);
}

#[test]
fn brat_round_trip_keeps_spans_links_and_review_state() {
    let dir = workspace();
    let d = dir.path();
    ok(
        d,
        &["export", "--format", "brat", "-o", "brat", "article.json"],
    );
    for name in [
        "annotation.conf",
        "visual.conf",
        "article.txt",
        "article.ann",
    ] {
        assert!(d.join("brat").join(name).is_file(), "{name}");
    }
    ok(d, &["import", "--format", "brat", "-o", "back", "brat"]);
    let back = load(&d.join("back/article.json"));
    let mut expected = live();
    // A stance without an evidence span has no place in brat (documented).
    expected.stances.retain(|s| s.evidence.is_some());
    assert_same_annotations(&expected, &back);
    assert!(back.claims.iter().any(|c| c.content.parts.is_some()));
}

#[test]
fn brat_ann_uses_events_relations_and_discontinuous_offsets() {
    let dir = workspace();
    let d = dir.path();
    ok(d, &["export", "-f", "brat", "-o", "brat", "article.json"]);
    let ann = std::fs::read_to_string(d.join("brat/article.ann")).expect("ann");
    assert!(
        ann.contains("\tPerson 57 78\tAnders Fogh Rasmussen"),
        "{ann}"
    );
    assert!(ann.contains(";206 230\t"), "discontinuous offsets: {ann}");
    assert!(ann.lines().any(|l| l.starts_with("E1\tCue:T")), "{ann}");
    assert!(
        ann.lines().any(|l| l.contains("\tAttribution Arg1:")),
        "{ann}"
    );
    assert!(ann.contains("Polarity T"), "{ann}");
    // Rejected items stay out.
    assert!(!ann.contains("claim=c5"), "{ann}");
    assert!(
        !ann.contains("Organization"),
        "the rejected NATO actor: {ann}"
    );
    let txt = std::fs::read_to_string(d.join("brat/article.txt")).expect("txt");
    assert_eq!(
        txt,
        std::fs::read_to_string(d.join("article.txt")).expect("txt")
    );
}

#[test]
fn doccano_round_trip_keeps_everything() {
    let dir = workspace();
    let d = dir.path();
    let jsonl = ok(d, &["export", "--format", "doccano", "article.json"]);
    let record: Value = serde_json::from_str(jsonl.lines().next().expect("line")).expect("json");
    assert!(record["entities"][0]["start_offset"].is_u64());
    assert!(
        record["relations"]
            .as_array()
            .expect("relations")
            .iter()
            .any(|r| r["type"] == "continues")
    );
    std::fs::write(d.join("a.jsonl"), &jsonl).expect("write");
    ok(
        d,
        &["import", "--format", "doccano", "-o", "back", "a.jsonl"],
    );
    let back = load(&d.join("back/article.json"));
    assert_same_annotations(&live(), &back);
    // The text is written beside it and is what the document points at.
    let source = PathBuf::from(&back.article.source);
    assert!(source.is_absolute() && source.is_file(), "{source:?}");
}

#[test]
fn polnear_export_is_what_the_scorer_reads_and_imports_back() {
    let dir = workspace();
    let d = dir.path();
    let jsonl = ok(
        d,
        &[
            "export",
            "--format",
            "polnear",
            "-o",
            "p.jsonl",
            "article.json",
        ],
    );
    assert!(jsonl.is_empty());
    let text = std::fs::read_to_string(d.join("p.jsonl")).expect("read");
    let record: Value = serde_json::from_str(text.trim()).expect("json");
    assert_eq!(record["id"], "article");
    let atts = record["attributions"].as_array().expect("attributions");
    assert_eq!(atts.len(), 5, "c5 is rejected");
    let c2 = atts.iter().find(|a| a["id"] == "c2").expect("c2");
    assert_eq!(
        c2["content"]["spans"],
        serde_json::json!([[151, 175], [206, 230]])
    );
    let c6 = atts.iter().find(|a| a["id"] == "c6").expect("c6");
    assert!(c6["cue"].is_null());
    ok(
        d,
        &["import", "--format", "polnear", "-o", "back", "p.jsonl"],
    );
    let back = load(&d.join("back/article.json"));
    let spans = |doc: &Document| -> Vec<_> {
        doc.live_claims()
            .map(|c| (c.source.clone(), c.cue.clone(), c.content.clone()))
            .collect()
    };
    assert_eq!(spans(&live()), spans(&back));
    assert!(
        back.claims
            .iter()
            .all(|c| c.meta.status == Status::Accepted)
    );
}

#[test]
fn w3c_has_position_and_quote_selectors() {
    let dir = workspace();
    let out = ok(dir.path(), &["export", "--format", "w3c", "article.json"]);
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().expect("items");
    let content = items
        .iter()
        .find(|a| {
            a["id"]
                .as_str()
                .is_some_and(|id| id.ends_with("#c1-content"))
        })
        .expect("c1 content");
    let selectors = content["target"]["selector"].as_array().expect("selectors");
    assert_eq!(selectors[0]["type"], "TextPositionSelector");
    assert_eq!(selectors[1]["type"], "TextQuoteSelector");
    assert_eq!(
        selectors[1]["exact"],
        "that Ukraine’s membership was “only a matter of time.”"
    );
    assert!(
        selectors[1]["prefix"]
            .as_str()
            .expect("prefix")
            .ends_with("on Tuesday ")
    );
    let purposes: Vec<&str> = content["body"]
        .as_array()
        .expect("body")
        .iter()
        .filter_map(|b| b["purpose"].as_str())
        .collect();
    for p in ["tagging", "classifying", "identifying", "commenting"] {
        assert!(purposes.contains(&p), "{p} in {purposes:?}");
    }
    // A discontinuous content targets each piece.
    let c2 = items
        .iter()
        .find(|a| {
            a["id"]
                .as_str()
                .is_some_and(|id| id.ends_with("#c2-content"))
        })
        .expect("c2");
    assert_eq!(c2["target"].as_array().map(Vec::len), Some(2));
}

#[test]
fn csv_has_a_row_per_claim_and_per_stance_quoted_as_rfc_4180() {
    let dir = workspace();
    let d = dir.path();
    ok(
        d,
        &["export", "--format", "csv", "-o", "csv", "article.json"],
    );
    let claims = std::fs::read_to_string(d.join("csv/claims.csv")).expect("claims");
    let stances = std::fs::read_to_string(d.join("csv/stances.csv")).expect("stances");
    assert_eq!(claims.matches("\r\n").count(), 1 + 5);
    assert_eq!(stances.matches("\r\n").count(), 1 + 4);
    assert!(claims.contains("\"“We will stand by Kyiv,” … “and we will not waver.”\""));
    assert!(claims.contains("article,c4,officials,a5,group,"));
}

#[test]
fn include_reviewed_leaves_out_extractor_output() {
    let dir = workspace();
    let d = dir.path();
    ok(
        d,
        &[
            "export",
            "-f",
            "csv",
            "--include",
            "reviewed",
            "-o",
            "csv",
            "article.json",
        ],
    );
    let claims = std::fs::read_to_string(d.join("csv/claims.csv")).expect("claims");
    assert!(claims.contains(",c1,") && claims.contains(",c2,") && claims.contains(",c4,"));
    assert!(
        !claims.contains(",c3,") && !claims.contains(",c6,"),
        "{claims}"
    );
}

#[test]
fn network_ties_actors_by_congruence_and_conflict() {
    let dir = workspace();
    let d = dir.path();
    ok(
        d,
        &["export", "--format", "network", "-o", "net", "article.json"],
    );
    let one = std::fs::read_to_string(d.join("net/one_mode.csv")).expect("one mode");
    assert!(
        one.contains("Anders Fogh Rasmussen,Dmitry Peskov,conflict,1,"),
        "{one}"
    );
    assert!(one.contains("Dmitry Peskov,Moscow,congruence,1,"), "{one}");
    let two = std::fs::read_to_string(d.join("net/two_mode.csv")).expect("two mode");
    assert!(
        two.contains("Moscow,Ukraine's NATO membership,oppose,1,article"),
        "{two}"
    );
    let graphml = std::fs::read_to_string(d.join("net/two_mode.graphml")).expect("graphml");
    assert!(graphml.contains("<data key=\"polarity\">support</data>"));
}

#[test]
fn directories_skip_backups_and_recovery_files() {
    let dir = workspace();
    let d = dir.path();
    std::fs::create_dir(d.join("ann")).expect("dir");
    std::fs::copy(d.join("article.json"), d.join("ann/article.json")).expect("copy");
    std::fs::write(d.join("ann/article.recovery.json"), "not json").expect("write");
    std::fs::write(d.join("ann/article.json.bak"), "not json").expect("write");
    let out = ok(d, &["stats", "--json", "ann"]);
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["documents"], 1);
}

#[test]
fn a_malformed_ann_line_names_the_file_and_line_and_writes_nothing() {
    let dir = workspace();
    let d = dir.path();
    ok(d, &["export", "-f", "brat", "-o", "brat", "article.json"]);
    let ann_path = d.join("brat/article.ann");
    let mut ann = std::fs::read_to_string(&ann_path).expect("ann");
    ann.push_str("T99\tPerson twelve 14\tx\n");
    std::fs::write(&ann_path, &ann).expect("write");
    let line = ann.lines().count();
    let err = fails(d, &["import", "-f", "brat", "-o", "back", "brat"]);
    assert!(err.contains(&format!("article.ann:{line}:")), "{err}");
    assert!(err.contains("\"twelve\" is not a number"), "{err}");
    assert!(files_in(&d.join("back")).is_empty());
}

#[test]
fn a_span_outside_the_text_is_refused() {
    let dir = workspace();
    let d = dir.path();
    std::fs::create_dir(d.join("b")).expect("dir");
    std::fs::write(d.join("b/x.txt"), "Short text.").expect("txt");
    std::fs::write(
        d.join("b/x.ann"),
        "T1\tPerson 0 5\tShort\nT2\tPerson 6 40\ttext.\n",
    )
    .expect("ann");
    let err = fails(d, &["import", "-f", "brat", "-o", "back", "b"]);
    assert!(err.contains("x.ann:2:"), "{err}");
    assert!(err.contains("outside the text"), "{err}");
    assert!(files_in(&d.join("back")).is_empty());
}

#[test]
fn a_span_outside_the_text_stops_an_export_before_anything_is_written() {
    let dir = workspace();
    let d = dir.path();
    let mut doc = original();
    doc.claims[0].content.end = 10_000;
    gloss::store::save(&d.join("article.json"), &doc).expect("save");
    let err = fails(d, &["export", "-f", "brat", "-o", "brat", "article.json"]);
    assert!(err.contains("claim c1 content"), "{err}");
    assert!(!d.join("brat").exists());
}

#[test]
fn an_unknown_format_is_named() {
    let dir = workspace();
    let err = fails(
        dir.path(),
        &["export", "--format", "bart", "-o", "x", "article.json"],
    );
    assert!(err.contains("unknown format \"bart\""), "{err}");
    let err = fails(dir.path(), &["import", "--format", "w3c", "article.json"]);
    assert!(err.contains("cannot import w3c"), "{err}");
}

#[test]
fn a_changed_text_is_refused() {
    let dir = workspace();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), "Another text entirely.").expect("write");
    let err = fails(d, &["export", "-f", "brat", "-o", "brat", "article.json"]);
    assert!(err.contains("not the one annotated"), "{err}");
    assert!(!d.join("brat").exists());
}

#[test]
fn a_missing_text_can_be_given_with_text() {
    let dir = workspace();
    let d = dir.path();
    std::fs::create_dir(d.join("texts")).expect("dir");
    std::fs::rename(d.join("article.txt"), d.join("texts/article.txt")).expect("move");
    let err = fails(d, &["export", "-f", "doccano", "article.json"]);
    assert!(err.contains("no text found"), "{err}");
    let out = ok(
        d,
        &[
            "export",
            "-f",
            "doccano",
            "--text",
            "texts/article.txt",
            "article.json",
        ],
    );
    assert!(out.contains("\"entities\""));
}

#[test]
fn import_never_replaces_an_annotation_file_without_force() {
    let dir = workspace();
    let d = dir.path();
    ok(d, &["export", "-f", "brat", "-o", "brat", "article.json"]);
    ok(d, &["import", "-f", "brat", "-o", "back", "brat"]);
    let err = fails(d, &["import", "-f", "brat", "-o", "back", "brat"]);
    assert!(err.contains("exists"), "{err}");
    ok(
        d,
        &["import", "-f", "brat", "-o", "back", "--force", "brat"],
    );
}

#[test]
fn gloss_import_validates_links() {
    let dir = workspace();
    let d = dir.path();
    let mut doc = original();
    doc.claims[0].actor = Some("a99".into());
    gloss::store::save(&d.join("bad.json"), &doc).expect("save");
    let err = fails(d, &["import", "-f", "gloss", "-o", "back", "bad.json"]);
    assert!(err.contains("bad.json") && err.contains("a99"), "{err}");
    ok(d, &["import", "-f", "gloss", "-o", "back", "article.json"]);
    assert_eq!(load(&d.join("back/article.json")), original());
}

fn coder(d: &Path, name: &str, edit: impl Fn(&mut Document)) -> PathBuf {
    let mut doc = original();
    edit(&mut doc);
    let path = d.join(name).join("article.json");
    gloss::store::save(&path, &doc).expect("save");
    path
}

#[test]
fn agree_reports_perfect_agreement_for_identical_files() {
    let dir = workspace();
    let d = dir.path();
    let out = ok(d, &["agree", "--json", "article.json", "article.json"]);
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["articles"], 1);
    for layer in v["layers"].as_array().expect("layers") {
        assert_eq!(layer["exact_f1"], 1.0, "{layer}");
    }
    assert_eq!(v["claims"]["exact_f1"], 1.0);
}

#[test]
fn agree_measures_differences_between_coders() {
    let dir = workspace();
    let d = dir.path();
    let a = coder(d, "ann", |_| {});
    let b = coder(d, "bob", |doc| {
        doc.claims.retain(|c| c.id != "c3");
        doc.stances[0].polarity = gloss::model::Polarity::Oppose;
    });
    let out = ok(
        d,
        &[
            "agree",
            "--json",
            a.to_str().expect("path"),
            b.to_str().expect("path"),
        ],
    );
    let v: Value = serde_json::from_str(&out).expect("json");
    let contents = &v["layers"][3];
    assert_eq!(contents["layer"], "contents");
    // ann has 5 live claims, bob 4, all of bob's match: F1 = 2·4 / (5 + 4).
    let f1 = contents["exact_f1"].as_f64().expect("f1");
    assert!((f1 - 8.0 / 9.0).abs() < 1e-9, "{f1}");
    assert_eq!(v["coders"], serde_json::json!(["ann", "bob"]));
    let table = ok(d, &["agree", "ann", "bob"]);
    assert!(
        table.contains("contents") && table.contains("88.9"),
        "{table}"
    );
}

#[test]
fn agree_refuses_files_for_different_articles() {
    let dir = workspace();
    let d = dir.path();
    let b = coder(d, "other", |doc| doc.article.id = "another".into());
    let err = fails(d, &["agree", "article.json", b.to_str().expect("path")]);
    assert!(
        err.contains("\"article\"") && err.contains("\"another\""),
        "{err}"
    );
    assert!(err.contains("same article"), "{err}");
}

#[test]
fn agree_refuses_different_texts_of_one_article() {
    let dir = workspace();
    let d = dir.path();
    let b = coder(d, "other", |doc| doc.article.sha256 = "ff".repeat(32));
    let err = fails(d, &["agree", "article.json", b.to_str().expect("path")]);
    assert!(err.contains("different texts"), "{err}");
}

#[test]
fn stats_prints_tables_json_and_csv() {
    let dir = workspace();
    let d = dir.path();
    let out = ok(d, &["stats", "article.json"]);
    assert!(out.contains("Stance matrix"), "{out}");
    assert!(
        out.contains("Claims by kind: direct 1, indirect 1, mixed 2, headline 0, other 1"),
        "{out}"
    );
    assert!(out.contains("T1 = Ukraine's NATO membership"), "{out}");
    let v: Value =
        serde_json::from_str(&ok(d, &["stats", "--json", "article.json"])).expect("json");
    assert_eq!(v["counts"][2]["layer"], "claims");
    assert_eq!(v["actors"][0]["actor"], "Anders Fogh Rasmussen");
    assert_eq!(v["actors"][0]["direct"], 1);
    let csv = ok(d, &["stats", "--csv", "article.json"]);
    assert!(csv.starts_with("section,row,column,value\r\n"));
    assert!(
        csv.contains("stance,Moscow,Ukraine's NATO membership,−\r\n"),
        "{csv}"
    );
}

#[test]
fn polnear_annotators_agree_as_the_reference_scorer_says() {
    let eval = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    let file = eval.join("polnear_dev_all_annotators.jsonl");
    if !file.is_file() {
        eprintln!("skipped: {} is absent", file.display());
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    ok(
        d,
        &[
            "import",
            "-f",
            "polnear",
            "-o",
            "pn",
            file.to_str().expect("path"),
        ],
    );
    let coders = ["4b22", "4e07", "5fec", "6b86", "d473", "ef2d"];
    let mut args = vec!["agree", "--json"];
    let paths: Vec<String> = coders.iter().map(|c| format!("pn/{c}")).collect();
    args.extend(paths.iter().map(String::as_str));
    let v: Value = serde_json::from_str(&ok(d, &args)).expect("json");
    assert_eq!(v["articles"], 2);
    // Pair 4b22 / 4e07, as score_attributions.py reports it with one as gold: source 94.1,
    // cue 85.2, content 85.2, triple 85.2 (exact F1, percent).
    let f1 = |layer: &Value| -> f64 {
        let p = &layer["pairs"][0];
        let (tp, pred, gold) = (
            p["exact"]["tp"].as_f64().expect("tp"),
            p["exact"]["predicted"].as_f64().expect("predicted"),
            p["exact"]["gold"].as_f64().expect("gold"),
        );
        (1000.0 * 2.0 * tp / (pred + gold)).round() / 10.0
    };
    assert_eq!(f1(&v["layers"][1]), 94.1);
    assert_eq!(f1(&v["layers"][2]), 85.2);
    assert_eq!(f1(&v["layers"][3]), 85.2);
    assert_eq!(f1(&v["claims"]), 85.2);
    // The texts are written beside the annotations, so the TUI opens them.
    let doc = load(&d.join("pn/4b22/politico_2016-09-08_flynn-says-trump-absolutely-righ.json"));
    assert!(Path::new(&doc.article.source).is_file());
}

#[test]
fn a_relative_source_is_found_beside_the_annotation_file() {
    let dir = workspace();
    let d = dir.path();
    std::fs::create_dir(d.join("elsewhere")).expect("dir");
    let out = ok(
        &d.join("elsewhere"),
        &["export", "-f", "doccano", "../article.json"],
    );
    assert!(out.contains("\"entities\""));
}

/// Moves a file of the workspace, making the directories it goes to.
fn move_to(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().expect("parent")).expect("dir");
    std::fs::rename(from, to).expect("move");
}

#[test]
fn a_source_relative_to_the_project_root_is_found_from_any_directory() {
    // As the TUI saves it when run from the project root: `seeds/…` beside `annotations/`.
    let dir = workspace();
    let root = dir.path().join("project");
    move_to(
        &dir.path().join("article.txt"),
        &root.join("seeds/article.txt"),
    );
    let mut doc = load(&dir.path().join("article.json"));
    doc.article.source = "seeds/article.txt".into();
    let annotations = root.join("annotations/article.json");
    gloss::store::save(&annotations, &doc).expect("save");
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("dir");
    let file = annotations.to_str().expect("utf-8 path");
    ok(&elsewhere, &["export", "-f", "brat", "-o", "out", file]);
    assert!(elsewhere.join("out/article.txt").is_file());
    let out = ok(&elsewhere, &["export", "-f", "doccano", file]);
    assert!(out.contains("\"entities\""));
}

#[test]
fn a_source_holding_another_text_is_still_refused() {
    let dir = workspace();
    let d = dir.path();
    move_to(&d.join("article.json"), &d.join("annotations/article.json"));
    std::fs::write(d.join("article.txt"), "Another text entirely.").expect("write");
    let err = fails(
        d,
        &[
            "export",
            "-f",
            "brat",
            "-o",
            "brat",
            "annotations/article.json",
        ],
    );
    assert!(err.contains("not the one annotated"), "{err}");
    assert!(
        err.contains("article.json"),
        "names the annotation file: {err}"
    );
}

#[test]
fn import_marks_items_manual_unless_told_they_are_gold() {
    let dir = workspace();
    let d = dir.path();
    std::fs::create_dir(d.join("b")).expect("dir");
    std::fs::write(d.join("b/x.txt"), "Ann said yes.").expect("txt");
    std::fs::write(d.join("b/x.ann"), "T1\tContent 9 12\tyes\n").expect("ann");
    ok(d, &["import", "-f", "brat", "-o", "manual", "b/x.ann"]);
    assert_eq!(
        load(&d.join("manual/x.json")).claims[0].meta.status,
        Status::Manual
    );
    ok(
        d,
        &[
            "import", "-f", "brat", "--status", "accepted", "-o", "gold", "b/x.txt",
        ],
    );
    assert_eq!(
        load(&d.join("gold/x.json")).claims[0].meta.status,
        Status::Accepted
    );
}

#[test]
fn polnear_dev_survives_brat_and_doccano_round_trips() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear_dev.jsonl");
    if !file.is_file() {
        eprintln!("skipped: {} is absent", file.display());
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    ok(
        d,
        &[
            "import",
            "-f",
            "polnear",
            "-o",
            "gold",
            file.to_str().expect("path"),
        ],
    );
    ok(d, &["export", "-f", "brat", "-o", "brat", "gold"]);
    ok(d, &["import", "-f", "brat", "-o", "from-brat", "brat"]);
    ok(d, &["export", "-f", "doccano", "-o", "d.jsonl", "gold"]);
    ok(
        d,
        &["import", "-f", "doccano", "-o", "from-doccano", "d.jsonl"],
    );
    let gold = files_in(&d.join("gold"));
    let docs: Vec<PathBuf> = gold
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(docs.len(), 84);
    let key = |doc: &Document| -> Vec<_> {
        doc.claims
            .iter()
            .map(|c| {
                let pieces = |s: &Option<gloss::model::Span>| s.as_ref().map(|s| s.pieces());
                (
                    c.id.clone(),
                    pieces(&c.source),
                    pieces(&c.cue),
                    c.content.pieces(),
                    c.kind,
                )
            })
            .collect()
    };
    for path in docs {
        let name = path.file_name().expect("name");
        let original = load(&path);
        for back in ["from-brat", "from-doccano"] {
            let copy = load(&d.join(back).join(name));
            assert_eq!(key(&original), key(&copy), "{back}/{name:?}");
        }
    }
}

#[test]
fn import_never_overwrites_an_article_text_with_another() {
    let dir = workspace();
    let d = dir.path();
    let jsonl = ok(d, &["export", "-f", "doccano", "article.json"]);
    std::fs::write(d.join("a.jsonl"), jsonl).expect("write");
    std::fs::create_dir(d.join("out")).expect("dir");
    std::fs::write(d.join("out/article.txt"), "someone's own article").expect("write");
    let err = fails(d, &["import", "-f", "doccano", "-o", "out", "a.jsonl"]);
    assert!(err.contains("exists with another text"), "{err}");
    assert!(!d.join("out/article.json").exists());
    assert_eq!(
        std::fs::read_to_string(d.join("out/article.txt")).expect("read"),
        "someone's own article"
    );
}
