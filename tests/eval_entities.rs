//! Entity scoring: the Rust figures, agreement with the reference scorer, and the dev bar.

use std::path::PathBuf;
use std::process::Command;

use gloss::eval::entities::{DocEntities, Mention, json_line, predict, read_jsonl, report, score};
use gloss::eval::metrics::Counts;

/// The shared eval directory: `<crate>/../shared/eval`, or two levels up from a worktree.
fn shared_eval() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [root.join("../shared/eval"), root.join("../../shared/eval")]
        .into_iter()
        .find(|p| p.join("conll_dev.jsonl").is_file())
}

fn m(start: usize, end: usize, label: &str) -> Mention {
    Mention {
        start,
        end,
        label: label.into(),
        text: String::new(),
    }
}

fn doc(id: &str, entities: Vec<Mention>) -> DocEntities {
    DocEntities {
        id: id.into(),
        text: String::new(),
        entities,
    }
}

fn hand_made() -> (Vec<DocEntities>, Vec<DocEntities>) {
    let gold = vec![
        doc(
            "d1",
            vec![
                m(0, 5, "PER"),
                m(10, 14, "ORG"),
                m(20, 26, "LOC"),
                m(30, 33, "MISC"),
            ],
        ),
        doc("d2", vec![m(0, 3, "LOC"), m(4, 9, "PER"), m(12, 20, "ORG")]),
        doc("d3", vec![m(1, 2, "PER")]),
    ];
    let pred = vec![
        doc(
            "d1",
            vec![
                m(0, 5, "PER"),
                m(10, 14, "LOC"),
                m(20, 26, "LOC"),
                m(30, 33, "PER"),
            ],
        ),
        doc(
            "d2",
            vec![
                m(0, 3, "LOC"),
                m(4, 8, "PER"),
                m(12, 20, "ORG"),
                m(12, 20, "ORG"),
            ],
        ),
        doc("extra", vec![m(0, 1, "PER")]),
    ];
    (gold, pred)
}

#[test]
fn scores_a_hand_made_pair() {
    let (gold, pred) = hand_made();
    let s = score(&gold, &pred);
    let per = s.per_label[0].1;
    assert_eq!(per, Counts::new(1.0, 3.0, 3.0));
    assert_eq!(s.per_label[1].1, Counts::new(1.0, 1.0, 2.0));
    assert_eq!(s.per_label[2].1, Counts::new(2.0, 3.0, 2.0));
    assert_eq!(s.all, Counts::new(4.0, 7.0, 7.0));
    assert_eq!((s.gold_docs, s.predicted_docs), (3, 3));
    assert!(report(&s).contains("ALL  P  57.1 R  57.1 F1  57.1   (4/7/7)"));
}

fn write_jsonl(path: &std::path::Path, docs: &[DocEntities]) {
    let lines: Vec<String> = docs
        .iter()
        .map(|d| serde_json::to_string(d).expect("json"))
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").expect("write");
}

#[test]
fn agrees_with_the_reference_scorer() {
    let Some(eval) = shared_eval() else {
        eprintln!("note: ../shared/eval absent, skipping the reference comparison");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let (gold, pred) = hand_made();
    let (g, p) = (dir.path().join("gold.jsonl"), dir.path().join("pred.jsonl"));
    write_jsonl(&g, &gold);
    write_jsonl(&p, &pred);
    let out = match Command::new("python3")
        .arg(eval.join("score_entities.py"))
        .args([&g, &p])
        .arg("--json")
        .output()
    {
        Ok(out) if out.status.success() => String::from_utf8(out.stdout).expect("utf-8"),
        _ => {
            eprintln!("note: python3 unavailable, skipping the reference comparison");
            return;
        }
    };
    let s = score(
        &read_jsonl(&g).expect("gold"),
        &read_jsonl(&p).expect("pred"),
    );
    let ours = format!("{}{}\n", report(&s), json_line(&s));
    assert_eq!(ours, out);
    // And figure by figure to 0.1, should the layout ever differ.
    let theirs: serde_json::Value =
        serde_json::from_str(out.lines().last().expect("json line")).expect("json");
    let mine: serde_json::Value = serde_json::from_str(&json_line(&s)).expect("json");
    for key in ["per_f1", "org_f1", "loc_f1", "all_f1"] {
        let (a, b) = (theirs[key].as_f64(), mine[key].as_f64());
        assert!(
            (a.expect("theirs") - b.expect("mine")).abs() <= 0.1,
            "{key}"
        );
    }
}

#[test]
fn the_cli_prints_what_the_reference_scorer_prints() {
    let Some(eval) = shared_eval() else {
        eprintln!("note: ../shared/eval absent, skipping");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "Anders Rasmussen met NATO officials in Brussels on Friday .";
    let gold = DocEntities {
        id: "g1".into(),
        text: text.into(),
        entities: vec![m(0, 16, "PER"), m(21, 25, "ORG"), m(39, 47, "LOC")],
    };
    let g = dir.path().join("gold.jsonl");
    let p = dir.path().join("pred.jsonl");
    write_jsonl(&g, std::slice::from_ref(&gold));
    let ours = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["eval", "entities"])
        .arg(&g)
        .arg("--json")
        .arg("--pred")
        .arg(&p)
        .output()
        .expect("run gloss");
    assert!(
        ours.status.success(),
        "{}",
        String::from_utf8_lossy(&ours.stderr)
    );
    let Ok(theirs) = Command::new("python3")
        .arg(eval.join("score_entities.py"))
        .args([&g, &p])
        .arg("--json")
        .output()
    else {
        eprintln!("note: python3 unavailable, skipping");
        return;
    };
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&theirs.stdout)
    );
}

#[test]
fn predicts_entities_with_conll_labels() {
    let d = predict(
        "x",
        "On Friday Anders Rasmussen met NATO officials in Brussels .",
    );
    let found: Vec<(&str, &str)> = d
        .entities
        .iter()
        .map(|e| (e.text.as_str(), e.label.as_str()))
        .collect();
    assert!(found.contains(&("Anders Rasmussen", "PER")), "{found:?}");
    assert!(found.contains(&("NATO", "ORG")), "{found:?}");
    assert!(found.contains(&("Brussels", "LOC")), "{found:?}");
}

#[test]
fn dev_f1_beats_the_spacy_small_model() {
    let Some(eval) = shared_eval() else {
        eprintln!("note: ../shared/eval absent, skipping the dev bar");
        return;
    };
    let gold = read_jsonl(&eval.join("conll_dev.jsonl")).expect("dev");
    let pred: Vec<DocEntities> = gold.iter().map(|d| predict(&d.id, &d.text)).collect();
    let s = score(&gold, &pred);
    let f1 = 100.0 * s.all.f1();
    assert!(
        f1 > 64.5,
        "dev F1 {f1:.1} not above spaCy's 64.5\n{}",
        report(&s)
    );
}

/// Anyone can rebuild the entity tagger: `gloss train entities` on CoNLL train writes exactly
/// the model the crate ships.
#[test]
fn the_shipped_entity_model_is_what_training_on_conll_train_writes() {
    let Some(eval) = shared_eval() else {
        eprintln!("note: ../shared/eval absent, skipping");
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let built = dir.path().join("ner.bin");
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["train", "entities"])
        .arg(eval.join("conll_train.jsonl"))
        .arg("-o")
        .arg(&built)
        .output()
        .expect("run gloss");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract/data/ner.bin");
    assert!(
        std::fs::read(&built).expect("written") == std::fs::read(&shipped).expect("shipped"),
        "ner.bin differs from what training writes: run `gloss train entities`"
    );
}
