//! Scoring attributions (source, cue, content) against PolNeAR-style gold.
//!
//! A faithful port of `score_attributions.py`: exact (multiset) match, greedy one-to-one
//! any-overlap, character overlap per role, and the triple (exact content with an overlapping
//! source). Offsets are code points; pure functions, no I/O.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::eval::metrics::Counts;
use crate::model::{Claim, Span};

/// One role span as the scorer reads it: code points, `spans` for discontinuous pieces.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RoleSpan {
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spans: Option<Vec<[usize; 2]>>,
}

/// One attribution: any role may be absent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Attribution {
    #[serde(default)]
    pub source: Option<RoleSpan>,
    #[serde(default)]
    pub cue: Option<RoleSpan>,
    #[serde(default)]
    pub content: Option<RoleSpan>,
}

/// A gold record (PolNeAR JSONL line); other fields are ignored.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldRecord {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub attributions: Vec<Attribution>,
}

/// A prediction line: `{"id", "attributions"}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PredRecord {
    pub id: String,
    #[serde(default)]
    pub attributions: Vec<Attribution>,
}

/// The three roles, in the scorer's order.
pub const ROLES: [&str; 3] = ["source", "cue", "content"];

/// Every figure the reference scorer prints. For char overlap, `tp` is shared characters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub gold_docs: usize,
    pub pred_docs: usize,
    pub loose: bool,
    pub exact: [Counts; 3],
    pub any_overlap: [Counts; 3],
    pub char_overlap: [Counts; 3],
    pub triple: Counts,
}

impl RoleSpan {
    /// The scorer's view of a claim span: envelope, and pieces when discontinuous.
    pub fn from_span(span: &Span) -> Self {
        RoleSpan {
            start: span.start,
            end: span.end,
            spans: span.parts.clone().filter(|p| p.len() > 1),
        }
    }

    /// The pieces in code points: `spans`, or the one range `start..end`.
    pub fn frags_public(&self) -> Vec<(usize, usize)> {
        self.frags()
    }

    fn frags(&self) -> Vec<(usize, usize)> {
        match &self.spans {
            Some(parts) => parts.iter().map(|[s, e]| (*s, *e)).collect(),
            None => vec![(self.start, self.end)],
        }
    }
}

impl Attribution {
    fn role(&self, i: usize) -> Option<&RoleSpan> {
        match i {
            0 => self.source.as_ref(),
            1 => self.cue.as_ref(),
            _ => self.content.as_ref(),
        }
    }

    /// A claim as the scorer sees it.
    pub fn from_claim(claim: &Claim) -> Self {
        Attribution {
            source: claim.source.as_ref().map(RoleSpan::from_span),
            cue: claim.cue.as_ref().map(RoleSpan::from_span),
            content: Some(RoleSpan::from_span(&claim.content)),
        }
    }
}

const STRIP_LOOSE: &str = " \t\n\"'“”‘’`,.;:";
const STRIP_PLAIN: &str = " \t\n";

/// Strips surrounding whitespace (and with `loose`, quote marks and punctuation) off `s..e`.
fn norm(s: usize, e: usize, text: &[char], loose: bool) -> (usize, usize) {
    let strip = if loose { STRIP_LOOSE } else { STRIP_PLAIN };
    let stripped = |i: usize| text.get(i).is_some_and(|c| strip.contains(*c));
    let (mut s, mut e) = (s, e);
    while s < e && stripped(s) {
        s += 1;
    }
    while e > s && stripped(e - 1) {
        e -= 1;
    }
    (s, e)
}

/// Scores predictions against gold; documents are matched by id (a missing prediction is an
/// article with no attributions).
pub fn score(gold: &[GoldRecord], pred: &[PredRecord], loose: bool) -> Scores {
    // Like a Python dict: a repeated id keeps its first place and its last value.
    let mut gold_order: Vec<&str> = Vec::new();
    let mut gold_by_id: HashMap<&str, &GoldRecord> = HashMap::new();
    for g in gold {
        if gold_by_id.insert(g.id.as_str(), g).is_none() {
            gold_order.push(g.id.as_str());
        }
    }
    let pred_by_id: HashMap<&str, &PredRecord> = pred.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut scores = Scores {
        gold_docs: gold_order.len(),
        pred_docs: pred_by_id.len(),
        loose,
        ..Scores::default()
    };
    let empty: Vec<Attribution> = Vec::new();
    for id in gold_order {
        let Some(g) = gold_by_id.get(id) else {
            continue;
        };
        let text: Vec<char> = g.text.chars().collect();
        let p_atts = pred_by_id.get(id).map_or(&empty, |p| &p.attributions);
        let env = |r: &RoleSpan| norm(r.start, r.end, &text, loose);
        for role in 0..3 {
            let gs: Vec<(usize, usize)> = g
                .attributions
                .iter()
                .filter_map(|a| a.role(role))
                .map(env)
                .collect();
            let ps: Vec<(usize, usize)> = p_atts
                .iter()
                .filter_map(|a| a.role(role))
                .map(env)
                .collect();
            // Exact, multiset.
            let mut pool = gs.clone();
            let mut tp = 0.0;
            for s in &ps {
                if let Some(i) = pool.iter().position(|x| x == s) {
                    pool.remove(i);
                    tp += 1.0;
                }
            }
            scores.exact[role].add(Counts::new(tp, ps.len() as f64, gs.len() as f64));
            // Character overlap over role-wise unions.
            let chars_of = |atts: &[Attribution]| {
                let mut set = std::collections::HashSet::new();
                for a in atts {
                    if let Some(r) = a.role(role) {
                        for (s, e) in r.frags() {
                            let (s, e) = norm(s, e, &text, loose);
                            set.extend(s..e);
                        }
                    }
                }
                set
            };
            let gchars = chars_of(&g.attributions);
            let pchars = chars_of(p_atts);
            let shared = gchars.intersection(&pchars).count();
            scores.char_overlap[role].add(Counts::new(
                shared as f64,
                pchars.len() as f64,
                gchars.len() as f64,
            ));
            // Any overlap, greedy one-to-one.
            let mut pool = gs.clone();
            let mut tp = 0.0;
            for s in &ps {
                if let Some(i) = pool.iter().position(|x| x.0 < s.1 && s.0 < x.1) {
                    pool.remove(i);
                    tp += 1.0;
                }
            }
            scores.any_overlap[role].add(Counts::new(tp, ps.len() as f64, gs.len() as f64));
        }
        // Triple: exact content and overlapping source (or both absent).
        let gatts: Vec<&Attribution> = g
            .attributions
            .iter()
            .filter(|a| a.content.is_some())
            .collect();
        let patts: Vec<&Attribution> = p_atts.iter().filter(|a| a.content.is_some()).collect();
        scores.triple.predicted += patts.len() as f64;
        scores.triple.gold += gatts.len() as f64;
        let mut pool = gatts;
        for a in patts {
            let Some(ac) = &a.content else { continue };
            let ck = env(ac);
            let hit = pool.iter().position(|b| {
                b.content.as_ref().is_some_and(|bc| env(bc) == ck)
                    && match (&a.source, &b.source) {
                        (None, None) => true,
                        (Some(sa), Some(sb)) => sa.start < sb.end && sb.start < sa.end,
                        _ => false,
                    }
            });
            if let Some(i) = hit {
                pool.remove(i);
                scores.triple.tp += 1.0;
            }
        }
    }
    scores
}

/// Rounds like Python's `round(x, 1)` on the printed value.
fn round1(x: f64) -> f64 {
    format!("{x:.1}").parse().unwrap_or(x)
}

fn row(out: &mut String, role: &str, metric: &str, m: &Counts) {
    out.push_str(&format!(
        "{role:<8} {metric:<12} {:6.1} {:6.1} {:6.1}   ({}/{}/{})\n",
        100.0 * m.precision(),
        100.0 * m.recall(),
        100.0 * m.f1(),
        m.tp,
        m.predicted,
        m.gold
    ));
}

/// The figures as the reference scorer prints them (with `json`, the JSON line last).
pub fn render(scores: &Scores, json: bool) -> String {
    let mut out = format!(
        "gold docs {}, predicted docs {}, loose_punct={}\n",
        scores.gold_docs,
        scores.pred_docs,
        if scores.loose { "True" } else { "False" }
    );
    out.push_str(&format!(
        "{:<8} {:<12} {:>6} {:>6} {:>6}   (tp/pred/gold)\n",
        "role", "metric", "P", "R", "F1"
    ));
    for (i, role) in ROLES.iter().enumerate() {
        row(&mut out, role, "exact", &scores.exact[i]);
        row(&mut out, role, "any-overlap", &scores.any_overlap[i]);
        row(&mut out, role, "char-overlap", &scores.char_overlap[i]);
    }
    row(&mut out, "triple", "exact-cont+src-ovl", &scores.triple);
    if json {
        out.push_str(&json_line(scores));
        out.push('\n');
    }
    out
}

/// The JSON object exactly as Python's `json.dumps` writes it (`", "` and `": "` separators).
pub fn json_line(scores: &Scores) -> String {
    let Value::Object(map) = to_json(scores) else {
        return String::new();
    };
    let fields: Vec<String> = map
        .iter()
        .map(|(k, v)| format!("\"{k}\": {:.1}", v.as_f64().unwrap_or(0.0)))
        .collect();
    format!("{{{}}}", fields.join(", "))
}

/// Every F1 (percent, one decimal) under the reference scorer's keys.
pub fn to_json(scores: &Scores) -> Value {
    let mut out = Map::new();
    for (i, role) in ROLES.iter().enumerate() {
        for (name, m) in [
            ("exact", &scores.exact[i]),
            ("any_overlap", &scores.any_overlap[i]),
            ("char_overlap", &scores.char_overlap[i]),
        ] {
            out.insert(format!("{role}_{name}_f1"), round1(100.0 * m.f1()).into());
        }
    }
    out.insert(
        "triple_f1".into(),
        round1(100.0 * scores.triple.f1()).into(),
    );
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rs(start: usize, end: usize) -> Option<RoleSpan> {
        Some(RoleSpan {
            start,
            end,
            spans: None,
        })
    }

    fn gold(text: &str, atts: Vec<Attribution>) -> GoldRecord {
        GoldRecord {
            id: "d".into(),
            title: String::new(),
            text: text.into(),
            attributions: atts,
        }
    }

    fn pred(atts: Vec<Attribution>) -> PredRecord {
        PredRecord {
            id: "d".into(),
            attributions: atts,
        }
    }

    // "Smith said it rained ." : Smith 0..5, said 6..10, content 11..20
    const TEXT: &str = "Smith said it rained . Jones agreed.";

    fn gold_one() -> GoldRecord {
        gold(
            TEXT,
            vec![Attribution {
                source: rs(0, 5),
                cue: rs(6, 10),
                content: rs(11, 20),
            }],
        )
    }

    #[test]
    fn exact_match_ignores_surrounding_whitespace() {
        let p = pred(vec![Attribution {
            source: rs(0, 6),
            cue: rs(4, 10),
            content: rs(10, 21),
        }]);
        let s = score(&[gold_one()], &[p], false);
        assert_eq!(s.exact[0], Counts::new(1.0, 1.0, 1.0));
        assert_eq!(s.exact[1], Counts::new(0.0, 1.0, 1.0));
        assert_eq!(s.exact[2], Counts::new(1.0, 1.0, 1.0));
        assert_eq!(s.triple, Counts::new(1.0, 1.0, 1.0));
    }

    #[test]
    fn char_overlap_counts_shared_characters() {
        let p = pred(vec![Attribution {
            source: None,
            cue: None,
            content: rs(14, 28),
        }]);
        let s = score(&[gold_one()], &[p], false);
        // Gold content "it rained" (9 chars); predicted 14..28 minus surrounding spaces.
        assert_eq!(s.char_overlap[2].tp, 6.0);
        assert_eq!(s.char_overlap[2].gold, 9.0);
        assert_eq!(s.any_overlap[2], Counts::new(1.0, 1.0, 1.0));
        assert_eq!(s.exact[2], Counts::new(0.0, 1.0, 1.0));
    }

    #[test]
    fn any_overlap_is_one_to_one() {
        let p = pred(vec![
            Attribution {
                content: rs(11, 14),
                ..Attribution::default()
            },
            Attribution {
                content: rs(15, 20),
                ..Attribution::default()
            },
        ]);
        let s = score(&[gold_one()], &[p], false);
        assert_eq!(s.any_overlap[2], Counts::new(1.0, 2.0, 1.0));
    }

    #[test]
    fn triple_needs_overlapping_source_or_both_absent() {
        let g = gold(
            TEXT,
            vec![
                Attribution {
                    source: rs(0, 5),
                    cue: rs(6, 10),
                    content: rs(11, 20),
                },
                Attribution {
                    source: None,
                    cue: None,
                    content: rs(23, 35),
                },
            ],
        );
        let p = pred(vec![
            Attribution {
                source: rs(23, 28),
                cue: None,
                content: rs(11, 20),
            },
            Attribution {
                source: None,
                cue: None,
                content: rs(23, 35),
            },
        ]);
        let s = score(&[g], &[p], false);
        assert_eq!(s.triple, Counts::new(1.0, 2.0, 2.0));
    }

    #[test]
    fn loose_punct_strips_quotes_and_periods() {
        let text = "\"Go.\" he said";
        let g = gold(
            text,
            vec![Attribution {
                content: rs(0, 5),
                ..Attribution::default()
            }],
        );
        let p = pred(vec![Attribution {
            content: rs(1, 3),
            ..Attribution::default()
        }]);
        assert_eq!(
            score(std::slice::from_ref(&g), std::slice::from_ref(&p), true).exact[2].tp,
            1.0
        );
        assert_eq!(score(&[g], &[p], false).exact[2].tp, 0.0);
    }

    #[test]
    fn discontinuous_pieces_count_for_char_overlap_only_by_pieces() {
        let g = gold_one();
        let p = pred(vec![Attribution {
            content: Some(RoleSpan {
                start: 11,
                end: 35,
                spans: Some(vec![[11, 13], [23, 28]]),
            }),
            ..Attribution::default()
        }]);
        let s = score(&[g], &[p], false);
        assert_eq!(s.char_overlap[2], Counts::new(2.0, 7.0, 9.0));
    }

    #[test]
    fn missing_prediction_counts_gold_only() {
        let s = score(&[gold_one()], &[], false);
        assert_eq!(s.pred_docs, 0);
        assert_eq!(s.exact[0], Counts::new(0.0, 0.0, 1.0));
        assert_eq!(s.triple.gold, 1.0);
    }

    #[test]
    fn renders_the_reference_layout() {
        let s = score(&[gold_one()], &[], false);
        let out = render(&s, true);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "gold docs 1, predicted docs 0, loose_punct=False");
        assert_eq!(
            lines[1],
            "role     metric            P      R     F1   (tp/pred/gold)"
        );
        assert_eq!(
            lines[2],
            "source   exact           0.0    0.0    0.0   (0/0/1)"
        );
        assert!(lines[11].starts_with("triple   exact-cont+src-ovl"));
        assert!(lines[12].starts_with("{\"source_exact_f1\": 0.0, "));
    }
}
