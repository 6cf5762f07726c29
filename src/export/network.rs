//! A discourse network, as the Discourse Network Analyzer draws one: a two-mode network of
//! actors and the targets they take stances on (polarity on the edges), and a one-mode actor
//! network where two actors are tied by congruence (the same polarity on a shared target) or
//! conflict (support against oppose), weighted by the number of shared targets. Actors and
//! targets are matched across documents by name (case and spacing ignored).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::csv::record;
use crate::model::{Document, Polarity};

/// One actor's stances on one target, over all documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub actor: usize,
    pub target: usize,
    pub polarity: Polarity,
    /// How many stances say so.
    pub weight: usize,
    pub articles: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TieKind {
    Congruence,
    Conflict,
}

impl TieKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TieKind::Congruence => "congruence",
            TieKind::Conflict => "conflict",
        }
    }
}

/// Two actors (indices, `a < b`) agreeing or disagreeing on `targets`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tie {
    pub a: usize,
    pub b: usize,
    pub kind: TieKind,
    pub targets: Vec<String>,
}

impl Tie {
    pub fn weight(&self) -> usize {
        self.targets.len()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Network {
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    /// Two-mode edges, one per (actor, target, polarity).
    pub edges: Vec<Edge>,
    /// One-mode ties.
    pub ties: Vec<Tie>,
}

/// How names are matched: case and runs of white space ignored.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The network of the stances in (filtered) documents.
pub fn network(docs: &[&Document]) -> Network {
    let mut actors: BTreeMap<String, String> = BTreeMap::new();
    let mut targets: BTreeMap<String, String> = BTreeMap::new();
    // (actor key, target key, polarity) -> (count, articles)
    let mut cells: BTreeMap<(String, String, Polarity), (usize, BTreeSet<String>)> =
        BTreeMap::new();
    for doc in docs {
        let by_id = doc.actors_by_id();
        for s in &doc.stances {
            let name = by_id
                .get(s.actor.as_str())
                .map_or(s.actor.as_str(), |a| a.name.as_str());
            let (ak, tk) = (name_key(name), name_key(&s.target));
            if ak.is_empty() || tk.is_empty() {
                continue;
            }
            actors
                .entry(ak.clone())
                .or_insert_with(|| name.trim().to_string());
            targets
                .entry(tk.clone())
                .or_insert_with(|| s.target.trim().to_string());
            let cell = cells.entry((ak, tk, s.polarity)).or_default();
            cell.0 += 1;
            cell.1.insert(doc.article.id.clone());
        }
    }
    let actor_index: BTreeMap<&String, usize> =
        actors.keys().enumerate().map(|(i, k)| (k, i)).collect();
    let target_index: BTreeMap<&String, usize> =
        targets.keys().enumerate().map(|(i, k)| (k, i)).collect();
    let mut edges = Vec::new();
    // actor -> target -> polarities
    let mut positions: BTreeMap<usize, BTreeMap<usize, BTreeSet<Polarity>>> = BTreeMap::new();
    for ((ak, tk, polarity), (weight, articles)) in &cells {
        let (a, t) = (actor_index[ak], target_index[tk]);
        edges.push(Edge {
            actor: a,
            target: t,
            polarity: *polarity,
            weight: *weight,
            articles: articles.iter().cloned().collect(),
        });
        positions
            .entry(a)
            .or_default()
            .entry(t)
            .or_default()
            .insert(*polarity);
    }
    let target_names: Vec<String> = targets.values().cloned().collect();
    let mut ties = Vec::new();
    let ids: Vec<usize> = positions.keys().copied().collect();
    for (i, &a) in ids.iter().enumerate() {
        for &b in &ids[i + 1..] {
            let (mut agree, mut conflict) = (Vec::new(), Vec::new());
            for (t, pa) in &positions[&a] {
                let Some(pb) = positions[&b].get(t) else {
                    continue;
                };
                if pa.intersection(pb).next().is_some() {
                    agree.push(target_names[*t].clone());
                }
                let opposed = |x: &BTreeSet<Polarity>, y: &BTreeSet<Polarity>| {
                    x.contains(&Polarity::Support) && y.contains(&Polarity::Oppose)
                };
                if opposed(pa, pb) || opposed(pb, pa) {
                    conflict.push(target_names[*t].clone());
                }
            }
            for (kind, targets) in [(TieKind::Congruence, agree), (TieKind::Conflict, conflict)] {
                if !targets.is_empty() {
                    ties.push(Tie {
                        a,
                        b,
                        kind,
                        targets,
                    });
                }
            }
        }
    }
    Network {
        actors: actors.into_values().collect(),
        targets: target_names,
        edges,
        ties,
    }
}

fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters even escaped.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const GRAPHML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

/// The two-mode actor × target network as GraphML (node attribute `type`: actor or target;
/// edge attributes `polarity` and `weight`).
pub fn two_mode_graphml(n: &Network) -> String {
    let mut out = String::from(GRAPHML_HEAD);
    out.push_str("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
    out.push_str("  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n");
    out.push_str(
        "  <key id=\"polarity\" for=\"edge\" attr.name=\"polarity\" attr.type=\"string\"/>\n",
    );
    out.push_str("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n");
    out.push_str("  <graph id=\"two-mode\" edgedefault=\"undirected\">\n");
    for (i, a) in n.actors.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <node id=\"a{i}\"><data key=\"label\">{}</data><data key=\"type\">actor</data></node>",
            xml(a)
        );
    }
    for (i, t) in n.targets.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <node id=\"t{i}\"><data key=\"label\">{}</data><data key=\"type\">target</data></node>",
            xml(t)
        );
    }
    for (i, e) in n.edges.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"a{}\" target=\"t{}\"><data key=\"polarity\">{}</data><data key=\"weight\">{}</data></edge>",
            e.actor,
            e.target,
            e.polarity.as_str(),
            e.weight
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// The two-mode edge list: actor, target, polarity, weight, articles.
pub fn two_mode_csv(n: &Network) -> String {
    let mut out = record(&["actor", "target", "polarity", "weight", "articles"]);
    for e in &n.edges {
        out.push_str(&record(&[
            n.actors[e.actor].clone(),
            n.targets[e.target].clone(),
            e.polarity.as_str().to_string(),
            e.weight.to_string(),
            e.articles.join("; "),
        ]));
    }
    out
}

/// The one-mode actor network as GraphML (edge attributes `type`: congruence or conflict,
/// `weight`: shared targets).
pub fn one_mode_graphml(n: &Network) -> String {
    let mut out = String::from(GRAPHML_HEAD);
    out.push_str("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
    out.push_str("  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n");
    out.push_str("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n");
    out.push_str(
        "  <key id=\"targets\" for=\"edge\" attr.name=\"targets\" attr.type=\"string\"/>\n",
    );
    out.push_str("  <graph id=\"one-mode\" edgedefault=\"undirected\">\n");
    for (i, a) in n.actors.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <node id=\"a{i}\"><data key=\"label\">{}</data></node>",
            xml(a)
        );
    }
    for (i, t) in n.ties.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"a{}\" target=\"a{}\"><data key=\"type\">{}</data><data key=\"weight\">{}</data><data key=\"targets\">{}</data></edge>",
            t.a,
            t.b,
            t.kind.as_str(),
            t.weight(),
            xml(&t.targets.join("; "))
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// The one-mode edge list: actor, actor, type, weight, targets.
pub fn one_mode_csv(n: &Network) -> String {
    let mut out = record(&["actor1", "actor2", "type", "weight", "targets"]);
    for t in &n.ties {
        out.push_str(&record(&[
            n.actors[t.a].clone(),
            n.actors[t.b].clone(),
            t.kind.as_str().to_string(),
            t.weight().to_string(),
            t.targets.join("; "),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ArticleMeta, Extra, Meta, Stance};

    fn doc(id: &str, stances: &[(&str, &str, Polarity)]) -> Document {
        let mut d = Document::new(ArticleMeta {
            id: id.into(),
            ..ArticleMeta::default()
        });
        for (i, (actor, target, polarity)) in stances.iter().enumerate() {
            let aid = format!("a{i}");
            d.actors.push(Actor {
                id: aid.clone(),
                name: actor.to_string(),
                kind: Default::default(),
                aliases: vec![],
                role: None,
                mentions: vec![],
                meta: Meta::manual(),
                extra: Extra::new(),
            });
            d.stances.push(Stance {
                id: format!("s{i}"),
                actor: aid,
                target: target.to_string(),
                polarity: *polarity,
                evidence: None,
                claim: None,
                meta: Meta::manual(),
                extra: Extra::new(),
            });
        }
        d
    }

    #[test]
    fn ties_count_shared_targets_across_documents() {
        use Polarity::*;
        let one = doc(
            "1",
            &[
                ("Ann", "tax", Support),
                ("Bob", "tax", Support),
                ("Cy", "tax", Oppose),
            ],
        );
        let two = doc(
            "2",
            &[
                ("ann", "war", Oppose),
                ("Bob", "War", Oppose),
                ("Ann", "tax", Support),
            ],
        );
        let net = network(&[&one, &two]);
        assert_eq!(net.actors, vec!["Ann", "Bob", "Cy"]);
        let tie = |a: usize, b: usize, kind: TieKind| {
            net.ties
                .iter()
                .find(|t| t.a == a && t.b == b && t.kind == kind)
                .map(Tie::weight)
        };
        assert_eq!(tie(0, 1, TieKind::Congruence), Some(2));
        assert_eq!(tie(0, 2, TieKind::Conflict), Some(1));
        assert_eq!(tie(1, 2, TieKind::Conflict), Some(1));
        assert_eq!(tie(0, 2, TieKind::Congruence), None);
        // Ann supports tax in both documents: one edge of weight 2.
        let ann_tax = net
            .edges
            .iter()
            .find(|e| e.actor == 0 && e.target == 0)
            .expect("edge");
        assert_eq!((ann_tax.weight, ann_tax.articles.len()), (2, 2));
    }

    #[test]
    fn graphml_escapes_names() {
        let d = doc("1", &[("A & <B>", "t", Polarity::Support)]);
        let xml = two_mode_graphml(&network(&[&d]));
        assert!(xml.contains("A &amp; &lt;B&gt;"), "{xml}");
    }
}
