//! The attribution scorer against the reference Python scorer, and the extractor's dev figures.

use std::path::{Path, PathBuf};
use std::process::Command;

use gloss::cli::eval_attributions::{predict, read_gold};
use gloss::eval::attributions::{self, Attribution, GoldRecord, PredRecord, RoleSpan};

fn shared_eval() -> Option<PathBuf> {
    let root = env!("CARGO_MANIFEST_DIR");
    [
        format!("{root}/../shared/eval"),
        format!("{root}/../../shared/eval"),
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.join("score_attributions.py").exists())
}

fn rs(start: usize, end: usize) -> Option<RoleSpan> {
    Some(RoleSpan {
        start,
        end,
        spans: None,
    })
}

fn write_jsonl<T: serde::Serialize>(path: &Path, items: &[T]) {
    let body: String = items
        .iter()
        .map(|i| serde_json::to_string(i).expect("json") + "\n")
        .collect();
    std::fs::write(path, body).expect("write");
}

/// A small hand-made gold file and prediction with exact, overlapping, missing, discontinuous
/// and source-less cases.
fn hand_made() -> (Vec<serde_json::Value>, Vec<PredRecord>) {
    let t1 = "\"We will win,\" Smith said, \"and soon.\" Jones said it was over. Rain fell.";
    let t2 = "According to the mayor, the city is safe. \"Go home,\" a sign read.";
    let gold = vec![
        serde_json::json!({"id": "a", "text": t1, "attributions": [
            {"source": {"start": 14, "end": 19}, "cue": {"start": 20, "end": 24},
             "content": {"start": 0, "end": 38, "spans": [[0, 13], [26, 38]]}},
            {"source": {"start": 39, "end": 44}, "cue": {"start": 45, "end": 49},
             "content": {"start": 50, "end": 61}}
        ]}),
        serde_json::json!({"id": "b", "text": t2, "attributions": [
            {"source": {"start": 13, "end": 22}, "cue": {"start": 0, "end": 12},
             "content": {"start": 24, "end": 40}},
            {"source": null, "cue": null, "content": {"start": 42, "end": 52}}
        ]}),
    ];
    let pred = vec![
        PredRecord {
            id: "a".into(),
            attributions: vec![
                Attribution {
                    source: rs(14, 19),
                    cue: rs(20, 24),
                    content: Some(RoleSpan {
                        start: 0,
                        end: 38,
                        spans: Some(vec![[0, 13], [26, 38]]),
                    }),
                },
                Attribution {
                    source: rs(39, 44),
                    cue: rs(45, 49),
                    content: rs(50, 62),
                },
            ],
        },
        PredRecord {
            id: "b".into(),
            attributions: vec![
                Attribution {
                    source: rs(9, 22),
                    cue: rs(0, 12),
                    content: rs(24, 40),
                },
                Attribution {
                    source: None,
                    cue: None,
                    content: rs(42, 52),
                },
                Attribution {
                    source: rs(53, 59),
                    cue: rs(60, 64),
                    content: rs(42, 50),
                },
            ],
        },
    ];
    (gold, pred)
}

#[test]
fn rust_scorer_matches_hand_worked_figures() {
    let (gold, pred) = hand_made();
    let gold: Vec<GoldRecord> = gold
        .into_iter()
        .map(|g| serde_json::from_value(g).expect("gold"))
        .collect();
    let s = attributions::score(&gold, &pred, false);
    // Content: a (exact), "it was over." vs "it was over" (miss), b1 and b2 exact, b3 extra.
    assert_eq!(
        (s.exact[2].tp, s.exact[2].predicted, s.exact[2].gold),
        (3.0, 5.0, 4.0)
    );
    // Source: b's "the mayor" predicted as "to the mayor" misses exactly but overlaps.
    assert_eq!((s.exact[0].tp, s.exact[0].predicted), (2.0, 4.0));
    assert_eq!(s.any_overlap[0].tp, 3.0);
    // Triple: a1, b1 (overlapping source), b2 (both sources absent).
    assert_eq!(s.triple.tp, 3.0);
}

#[test]
fn rust_and_python_scorers_agree() {
    let Some(eval) = shared_eval() else {
        eprintln!("note: ../shared/eval absent, skipping the Python comparison");
        return;
    };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("note: python3 absent, skipping the Python comparison");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (gold, pred) = hand_made();
    let (gold_path, pred_path) = (dir.path().join("gold.jsonl"), dir.path().join("pred.jsonl"));
    write_jsonl(&gold_path, &gold);
    write_jsonl(&pred_path, &pred);
    let out = Command::new("python3")
        .arg(eval.join("score_attributions.py"))
        .arg(&gold_path)
        .arg(&pred_path)
        .arg("--json")
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let py: serde_json::Value =
        serde_json::from_str(stdout.lines().last().expect("json line")).expect("json");
    let gold = read_gold(&gold_path).expect("read gold");
    let scores = attributions::score(&gold, &pred, false);
    let rust = attributions::to_json(&scores);
    for (k, v) in py.as_object().expect("object") {
        let r = rust[k].as_f64().expect("figure");
        let p = v.as_f64().expect("figure");
        assert!((r - p).abs() <= 0.1, "{k}: rust {r} python {p}");
    }
    // The whole printout is the same, line for line.
    assert_eq!(attributions::render(&scores, true), stdout);
}

#[test]
fn dev_figures_stay_above_citron() {
    let Some(eval) = shared_eval() else {
        eprintln!("note: ../shared/eval absent, skipping the dev regression guard");
        return;
    };
    let path = eval.join("polnear_dev.jsonl");
    let gold = read_gold(&path).expect("dev gold");
    let started = std::time::Instant::now();
    let pred = predict(&gold, &path);
    eprintln!(
        "extracted {} articles in {:?}",
        gold.len(),
        started.elapsed()
    );
    let s = attributions::score(&gold, &pred, false);
    let f = |c: &gloss::eval::metrics::Counts| 100.0 * c.f1();
    let (source, cue, content, triple) =
        (f(&s.exact[0]), f(&s.exact[1]), f(&s.exact[2]), f(&s.triple));
    eprintln!(
        "dev exact F1: source {source:.1} cue {cue:.1} content {content:.1} triple {triple:.1}"
    );
    // Citron retrained on PolNeAR train: 63.3 / 53.7 / 38.9 / 37.5.
    assert!(source > 63.3, "source {source:.1}");
    assert!(cue > 53.7, "cue {cue:.1}");
    assert!(content > 38.9, "content {content:.1}");
    assert!(triple > 37.5, "triple {triple:.1}");
}

/// Anyone can rebuild the claims layer's data: `gloss train attributions` on PolNeAR train
/// writes exactly the files the crate ships.
#[test]
fn the_shipped_claims_data_is_what_training_on_polnear_train_writes() {
    let Some(eval) = shared_eval() else {
        eprintln!("note: ../shared/eval absent, skipping");
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["train", "attributions"])
        .arg(eval.join("polnear_train.jsonl"))
        .arg("-o")
        .arg(dir.path())
        .output()
        .expect("run gloss");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract/data");
    for name in ["cues.tsv", "cue_model.bin", "content_end_model.bin"] {
        let built = std::fs::read(dir.path().join(name)).expect("written");
        let ours = std::fs::read(shipped.join(name)).expect("shipped");
        assert!(
            built == ours,
            "{name} differs from what training writes: run `gloss train attributions`"
        );
    }
}
