//! Entity scoring against CoNLL-style gold: exact span and label over PER, ORG and LOC, as
//! `score_entities.py` computes it (mentions are sets per document; MISC and other labels are
//! dropped; documents missing from the predictions count as predicting nothing).

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::metrics::Counts;

/// The labels scored, in report order.
pub const LABELS: [&str; 3] = ["PER", "ORG", "LOC"];

/// One entity mention: code-point offsets, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// One document's mentions, as in the gold and prediction JSONL files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocEntities {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default)]
    pub entities: Vec<Mention>,
}

/// Counts per label and over all labels.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EntityScores {
    pub gold_docs: usize,
    pub predicted_docs: usize,
    pub per_label: Vec<(&'static str, Counts)>,
    pub all: Counts,
}

fn scored(doc: Option<&DocEntities>) -> HashSet<(usize, usize, &str)> {
    doc.map(|d| {
        d.entities
            .iter()
            .filter(|e| LABELS.contains(&e.label.as_str()))
            .map(|e| (e.start, e.end, e.label.as_str()))
            .collect()
    })
    .unwrap_or_default()
}

/// Scores predictions against gold. A later record with the same id replaces an earlier one,
/// as in the reference scorer.
pub fn score(gold: &[DocEntities], predicted: &[DocEntities]) -> EntityScores {
    let gold: BTreeMap<&str, &DocEntities> = gold.iter().map(|d| (d.id.as_str(), d)).collect();
    let pred: BTreeMap<&str, &DocEntities> = predicted.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut per_label: Vec<(&'static str, Counts)> =
        LABELS.iter().map(|&l| (l, Counts::default())).collect();
    for (id, g) in &gold {
        let gs = scored(Some(g));
        let ps = scored(pred.get(id).copied());
        for (label, counts) in per_label.iter_mut() {
            let gl: HashSet<_> = gs.iter().filter(|x| x.2 == *label).collect();
            let pl: HashSet<_> = ps.iter().filter(|x| x.2 == *label).collect();
            let tp = gl.intersection(&pl).count();
            counts.add(Counts::new(tp as f64, pl.len() as f64, gl.len() as f64));
        }
    }
    let mut all = Counts::default();
    for (_, c) in &per_label {
        all.add(*c);
    }
    EntityScores {
        gold_docs: gold.len(),
        predicted_docs: pred.len(),
        per_label,
        all,
    }
}

/// The report, line for line as the reference scorer prints it.
pub fn report(s: &EntityScores) -> String {
    let mut out = format!(
        "gold docs {}, predicted docs {}\n",
        s.gold_docs, s.predicted_docs
    );
    let rows = s
        .per_label
        .iter()
        .map(|(l, c)| (*l, *c))
        .chain(std::iter::once(("ALL", s.all)));
    for (label, c) in rows {
        out.push_str(&format!(
            "{:4} P {:5.1} R {:5.1} F1 {:5.1}   ({}/{}/{})\n",
            label,
            100.0 * c.precision(),
            100.0 * c.recall(),
            100.0 * c.f1(),
            c.tp as u64,
            c.predicted as u64,
            c.gold as u64
        ));
    }
    out
}

/// The `--json` line of the reference scorer: F1 per label and overall, percent, one decimal.
pub fn json_line(s: &EntityScores) -> String {
    let rows = s
        .per_label
        .iter()
        .map(|(l, c)| (*l, *c))
        .chain(std::iter::once(("ALL", s.all)));
    let fields: Vec<String> = rows
        .map(|(l, c)| format!("\"{}_f1\": {:.1}", l.to_lowercase(), 100.0 * c.f1()))
        .collect();
    format!("{{{}}}", fields.join(", "))
}

/// A gold or prediction file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {source}")]
    Json {
        path: String,
        line: usize,
        column: usize,
        source: serde_json::Error,
    },
}

/// Reads a JSONL file of documents with entities (blank lines skipped).
pub fn read_jsonl(path: &std::path::Path) -> Result<Vec<DocEntities>, ReadError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ReadError::Io {
        path: name.clone(),
        source,
    })?;
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc = serde_json::from_str(line).map_err(|source| ReadError::Json {
            path: name.clone(),
            line: i + 1,
            column: source.column(),
            source,
        })?;
        docs.push(doc);
    }
    Ok(docs)
}

/// What the extractor finds in a text, as entity mentions: every mention of every live actor
/// whose kind has a CoNLL label.
pub fn predict(id: &str, text: &str) -> DocEntities {
    let article = crate::article::Article::new(id, "", "", text);
    let cx = crate::extract::Context::new(&article.text);
    let actors = crate::extract::actors::find_actors(&cx);
    let mut entities: Vec<Mention> = actors
        .iter()
        .filter(|a| !a.meta.is_rejected())
        .filter_map(|a| Some((a, a.kind.conll_label()?)))
        .flat_map(|(a, label)| {
            a.mentions.iter().map(move |s| Mention {
                start: s.start,
                end: s.end,
                label: label.to_string(),
                text: s.text.clone(),
            })
        })
        .collect();
    entities.sort_by_key(|a| (a.start, a.end));
    DocEntities {
        id: id.to_string(),
        text: String::new(),
        entities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn counts_exact_span_and_label_and_drops_misc() {
        let gold = [doc(
            "a",
            vec![m(0, 5, "PER"), m(6, 9, "LOC"), m(10, 12, "MISC")],
        )];
        let pred = [doc(
            "a",
            vec![
                m(0, 5, "PER"),
                m(6, 9, "ORG"),
                m(10, 12, "MISC"),
                m(0, 5, "PER"),
            ],
        )];
        let s = score(&gold, &pred);
        assert_eq!(s.all, Counts::new(1.0, 2.0, 2.0));
        assert_eq!(s.per_label[2].1, Counts::new(0.0, 0.0, 1.0));
    }

    #[test]
    fn missing_predicted_documents_predict_nothing() {
        let gold = [
            doc("a", vec![m(0, 5, "PER")]),
            doc("b", vec![m(0, 1, "ORG")]),
        ];
        let pred = [doc("a", vec![m(0, 5, "PER")])];
        let s = score(&gold, &pred);
        assert_eq!((s.gold_docs, s.predicted_docs), (2, 1));
        assert_eq!(s.all, Counts::new(1.0, 1.0, 2.0));
    }

    #[test]
    fn reports_in_the_reference_layout() {
        let gold = [doc("a", vec![m(0, 5, "PER"), m(6, 9, "LOC")])];
        let pred = [doc("a", vec![m(0, 5, "PER")])];
        let s = score(&gold, &pred);
        let r = report(&s);
        assert!(r.starts_with("gold docs 1, predicted docs 1\n"));
        assert!(r.contains("PER  P 100.0 R 100.0 F1 100.0   (1/1/1)\n"));
        assert!(r.contains("ORG  P   0.0 R   0.0 F1   0.0   (0/0/0)\n"));
        assert!(r.contains("ALL  P 100.0 R  50.0 F1  66.7   (1/1/2)\n"));
        assert_eq!(
            json_line(&s),
            "{\"per_f1\": 100.0, \"org_f1\": 0.0, \"loc_f1\": 0.0, \"all_f1\": 66.7}"
        );
    }
}
