//! Learning the cue lexicon from PolNeAR-style gold: every annotated cue string, how often it
//! is a cue, how often the same tokens occur at all, and where its content sits.
//!
//! Deterministic: the output depends only on the records, not on their order of hashing.

use std::collections::HashMap;

use super::Doc;
use super::lexicon::{CueStats, Lexicon};
use super::model::{self, CueModel};
use crate::article::offsets::OffsetMap;
use crate::eval::attributions::{GoldRecord, RoleSpan};
use crate::extract::Context;
use crate::extract::text::{Token, tokenize};

/// Cues longer than this many tokens are not learned (they are one-off phrases).
pub const MAX_CUE_TOKENS: usize = 6;

/// Cue strings seen fewer times than this are dropped.
pub const MIN_GOLD: u32 = 2;

/// Appends the lexicon key of `tokens` (lower-cased, joined by spaces) to `key`.
pub fn push_key(key: &mut String, lower: &str, tokens: &[Token]) {
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(lower.get(t.start..t.end).unwrap_or(""));
    }
}

/// The token index range exactly covering bytes `b0..b1`, if the bounds fall on tokens.
fn token_range(tokens: &[Token], b0: usize, b1: usize) -> Option<std::ops::Range<usize>> {
    let first = tokens.partition_point(|t| t.start < b0);
    let last = tokens.partition_point(|t| t.end <= b1);
    (first < last && tokens[first].start == b0 && tokens[last - 1].end == b1).then_some(first..last)
}

/// Passes of the perceptron over the train split.
pub const EPOCHS: usize = 2;

/// Perceptrons averaged per model (see [`model::train`]).
pub const BAGS: usize = 10;

/// Learns the cue classifier: every lexicon candidate in the train texts, labelled by whether
/// it overlaps a gold cue.
pub fn learn_model(records: &[GoldRecord], lex: &Lexicon) -> CueModel {
    let mut examples = Vec::new();
    for r in records {
        let text = r.text.as_str();
        let cx = Context::new(text);
        let doc = Doc::unmatched(&cx, lex, None);
        let gold: Vec<std::ops::Range<usize>> = r
            .attributions
            .iter()
            .filter_map(|a| a.cue.as_ref())
            .flat_map(|c| c.frags_public())
            .map(|(s, e)| cx.offsets.to_byte(text, s)..cx.offsets.to_byte(text, e))
            .collect();
        for &(start, end, _) in &doc.candidates {
            let bytes = doc.bytes(start..end);
            let label = gold
                .iter()
                .any(|g| g.start < bytes.end && bytes.start < g.end);
            let mut feats = model::Features::default();
            doc.features(start, end, &mut feats);
            examples.push((feats.hashes, label));
        }
    }
    model::train(&examples, EPOCHS, BAGS)
}

/// Labelled feature hashes, the examples a classifier trains on.
type Examples = Vec<(Vec<u64>, bool)>;

/// Trains a classifier on the examples `examples_of` draws from every gold attribution with
/// both a cue and a content, given the article's document with no cues chosen.
fn learn_from_pairs(
    records: &[GoldRecord],
    lex: &Lexicon,
    examples_of: impl Fn(&Doc, &Context, &RoleSpan, &RoleSpan, &mut Examples),
) -> CueModel {
    let mut examples = Vec::new();
    for r in records {
        let cx = Context::new(&r.text);
        let doc = Doc::unmatched(&cx, lex, None);
        for a in &r.attributions {
            if let (Some(cue), Some(content)) = (&a.cue, &a.content) {
                examples_of(&doc, &cx, cue, content, &mut examples);
            }
        }
    }
    model::train(&examples, EPOCHS, BAGS)
}

/// Learns where contents that follow their cue stop: at every token boundary between a gold
/// content's start and its sentence's natural end, whether the content ends there.
pub fn learn_end_model(records: &[GoldRecord], lex: &Lexicon) -> CueModel {
    learn_from_pairs(records, lex, |doc, cx, cue, content, examples| {
        if content.start < cue.end {
            return;
        }
        let b0 = cx.offsets.to_byte(cx.text, content.start);
        let b1 = cx.offsets.to_byte(cx.text, content.end);
        let from = doc.tokens.partition_point(|t| t.start < b0);
        if from >= doc.tokens.len()
            || doc.tokens[from].kind == crate::extract::text::TokenKind::Quote
        {
            return;
        }
        let gold_end = doc.tokens.partition_point(|t| t.start < b1);
        let s = &doc.sentences[doc.sentence_of[from]];
        let natural = doc.natural_end(from, s.tokens.end);
        let mut feats = model::Features::default();
        for b in from + 1..natural.min(gold_end + 1) {
            if doc.inside_quote(b) {
                continue;
            }
            doc.end_features(from, b, natural, &mut feats);
            examples.push((feats.hashes.clone(), b == gold_end));
        }
    })
}

/// Learns how far a cue reaches into the content after it: for every gold cue that a
/// lexicon match opens and whose content follows it across white space, each number of
/// tokens after the match that the cue could take (see `Doc::reach`), labelled by whether
/// the gold cue ends there.
pub fn learn_reach_model(records: &[GoldRecord], lex: &Lexicon) -> CueModel {
    learn_from_pairs(records, lex, |doc, cx, cue, content, examples| {
        if cue.spans.as_ref().is_some_and(|p| p.len() > 1) {
            return;
        }
        let content_start = content
            .frags_public()
            .first()
            .map_or(content.start, |&(s, _)| s);
        let b = |cp: usize| cx.offsets.to_byte(cx.text, cp);
        let (c0, c1, k0) = (b(cue.start), b(cue.end), b(content_start));
        if k0 < c1 || !cx.text.get(c1..k0).is_some_and(|g| g.trim().is_empty()) {
            return;
        }
        let Some(gold) = token_range(doc.tokens, c0, c1) else {
            return;
        };
        // The match the extractor would take: the first one inside the gold cue, the
        // longest of those starting there.
        let Some(&(_, from, _)) = doc
            .candidates
            .iter()
            .filter(|&&(s, e, _)| s >= gold.start && e <= gold.end)
            .min_by_key(|&&(s, e, _)| (s, std::cmp::Reverse(e)))
        else {
            return;
        };
        let content_tokens = doc.token_range(&(k0..b(content.end)));
        if content_tokens.start != gold.end {
            return;
        }
        let mut feats = model::Features::default();
        for j in 1..=doc.max_reach(from, content_tokens.end.max(from)) {
            doc.reach_features(from - 1, from, j, &mut feats);
            examples.push((feats.hashes.clone(), from + j == gold.end));
        }
    })
}

/// Learns the lexicon from gold records.
pub fn learn(records: &[GoldRecord]) -> Lexicon {
    let mut gold: HashMap<String, (u32, u32)> = HashMap::new();
    let mut key = String::new();
    let mut analysed = Vec::with_capacity(records.len());
    for r in records {
        let text = r.text.as_str();
        let lower = text.to_ascii_lowercase();
        let tokens = tokenize(text);
        let map = OffsetMap::new(text);
        for a in &r.attributions {
            let Some(cue) = &a.cue else { continue };
            if cue.spans.as_ref().is_some_and(|p| p.len() > 1) {
                continue;
            }
            let (b0, b1) = (map.to_byte(text, cue.start), map.to_byte(text, cue.end));
            let Some(range) = token_range(&tokens, b0, b1) else {
                continue;
            };
            if range.len() > MAX_CUE_TOKENS {
                continue;
            }
            key.clear();
            push_key(&mut key, &lower, &tokens[range]);
            let before = a.content.as_ref().is_some_and(|c| c.start < cue.start);
            let e = gold.entry(key.clone()).or_default();
            e.0 += 1;
            e.1 += u32::from(before);
        }
        analysed.push((lower, tokens));
    }
    gold.retain(|_, (g, _)| *g >= MIN_GOLD);
    let mut total: HashMap<&str, u32> = HashMap::new();
    for (lower, tokens) in &analysed {
        for i in 0..tokens.len() {
            key.clear();
            for n in 1..=MAX_CUE_TOKENS.min(tokens.len() - i) {
                if n > 1 {
                    key.push(' ');
                }
                let t = &tokens[i + n - 1];
                key.push_str(lower.get(t.start..t.end).unwrap_or(""));
                if let Some((k, _)) = gold.get_key_value(key.as_str()) {
                    *total.entry(k.as_str()).or_default() += 1;
                }
            }
        }
    }
    let mut lex = Lexicon::default();
    for (k, (g, before)) in &gold {
        let t = total.get(k.as_str()).copied().unwrap_or(*g).max(*g);
        lex.insert(
            k,
            CueStats {
                gold: *g,
                total: t,
                content_before: *before,
            },
        );
    }
    lex
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::attributions::{Attribution, RoleSpan};

    fn span(text: &str, needle: &str) -> Option<RoleSpan> {
        let b = text.find(needle)?;
        let start = text[..b].chars().count();
        Some(RoleSpan {
            start,
            end: start + needle.chars().count(),
            spans: None,
        })
    }

    fn at(text: &str, byte: usize, needle: &str) -> Option<RoleSpan> {
        let start = text[..byte].chars().count();
        Some(RoleSpan {
            start,
            end: start + needle.chars().count(),
            spans: None,
        })
    }

    #[test]
    fn learns_how_far_a_cue_reaches_into_its_content() {
        let records: Vec<GoldRecord> = [("Bob", "taxes"), ("Cy", "the war"), ("Dee", "jobs")]
            .iter()
            .enumerate()
            .map(|(i, (obj, topic))| {
                let text = format!("Ann asked {obj} about {topic}. Ann said {topic} mattered.");
                let second = text.find(". ").unwrap_or(0);
                GoldRecord {
                    id: format!("r{i}"),
                    title: String::new(),
                    attributions: vec![
                        Attribution {
                            source: span(&text, "Ann"),
                            cue: span(&text, &format!("asked {obj} about")),
                            content: span(&text, &format!("{topic}.")).map(|mut s| {
                                s.end -= 1;
                                s
                            }),
                        },
                        Attribution {
                            source: at(&text, second + 2, "Ann"),
                            cue: span(&text, "said"),
                            content: span(&text, &format!("{topic} mattered")),
                        },
                    ],
                    text,
                }
            })
            .collect();
        let mut lex = Lexicon::default();
        for cue in ["asked", "said"] {
            lex.insert(
                cue,
                CueStats {
                    gold: 9,
                    total: 10,
                    content_before: 0,
                },
            );
        }
        let reach = learn_reach_model(&records, &lex);
        let reached = |text: &str, cue: &str, content: &str| {
            let cx = Context::new(text);
            let mut doc = Doc::unmatched(&cx, &lex, None);
            doc.reach_model = Some(&reach);
            let c = text.find(cue).expect("cue");
            let k = text.find(content).expect("content");
            let content = k..k + content.len();
            let mut f = super::super::Found {
                source: None,
                cue: Some(c..c + cue.len()),
                content: vec![content],
                kind: crate::model::ClaimKind::Indirect,
                rule: "said",
                confidence: 1.0,
            };
            doc.reach(&mut f);
            let cue = f.cue.map(|r| text[r].to_string());
            (
                cue.unwrap_or_default(),
                text[f.content[0].clone()].to_string(),
            )
        };
        assert_eq!(
            reached(
                "Zed asked Kay about the budget.",
                "asked",
                "Kay about the budget"
            ),
            ("asked Kay about".into(), "the budget".into())
        );
        assert_eq!(
            reached(
                "Zed said Kay left the budget.",
                "said",
                "Kay left the budget"
            ),
            ("said".into(), "Kay left the budget".into())
        );
    }

    #[test]
    fn learns_cue_precision_and_content_side() {
        let text = "Smith said it rained. Jones said it snowed. \"No,\" Lee said. The said thing.";
        let saids: Vec<usize> = text.match_indices("said").map(|(b, _)| b).collect();
        let att = |i: usize, s: &str, c: &str| Attribution {
            source: span(text, s),
            cue: at(text, saids[i], "said"),
            content: span(text, c),
        };
        let rec = GoldRecord {
            id: "x".into(),
            title: String::new(),
            text: text.into(),
            attributions: vec![
                att(0, "Smith", "it rained"),
                att(1, "Jones", "it snowed"),
                att(2, "Lee", "\"No,\""),
            ],
        };
        let lex = learn(&[rec.clone(), rec]);
        let said = lex.get("said").expect("said learned");
        assert_eq!(said.gold, 6);
        assert_eq!(said.total, 8);
        assert_eq!(said.content_before, 2);
        assert_eq!(lex.cues.len(), 1);
    }
}
