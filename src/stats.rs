//! Statistics over annotation files: counts per layer and status, claims per actor (quoted
//! directly or paraphrased), and the stance matrix of actors × targets. Over several documents
//! actors and targets are matched by name (case and spacing ignored). Rejected items count only
//! in the status table.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::export::network::name_key;
use crate::model::{ClaimKind, Document, Polarity, Status};

/// How many items of one layer have each status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerCounts {
    pub layer: String,
    /// In the order of `Status::ALL`: auto, accepted, edited, rejected, manual.
    pub by_status: [usize; 5],
}

impl LayerCounts {
    pub fn total(&self) -> usize {
        self.by_status.iter().sum()
    }

    /// Everything not rejected.
    pub fn live(&self) -> usize {
        self.total() - self.get(Status::Rejected)
    }

    pub fn get(&self, status: Status) -> usize {
        Status::ALL
            .iter()
            .position(|s| *s == status)
            .map_or(0, |i| self.by_status[i])
    }
}

fn count<'a>(layer: &str, statuses: impl Iterator<Item = Status> + 'a) -> LayerCounts {
    let mut by_status = [0; 5];
    for s in statuses {
        if let Some(i) = Status::ALL.iter().position(|x| *x == s) {
            by_status[i] += 1;
        }
    }
    LayerCounts {
        layer: layer.to_string(),
        by_status,
    }
}

/// Counts of actors, mentions (of live actors, by their actor's status), claims and stances.
pub fn layer_counts(docs: &[&Document]) -> Vec<LayerCounts> {
    vec![
        count(
            "actors",
            docs.iter()
                .flat_map(|d| d.actors.iter().map(|a| a.meta.status)),
        ),
        count(
            "mentions",
            docs.iter().flat_map(|d| {
                d.actors
                    .iter()
                    .flat_map(|a| a.mentions.iter().map(|_| a.meta.status))
            }),
        ),
        count(
            "claims",
            docs.iter()
                .flat_map(|d| d.claims.iter().map(|c| c.meta.status)),
        ),
        count(
            "stances",
            docs.iter()
                .flat_map(|d| d.stances.iter().map(|s| s.meta.status)),
        ),
    ]
}

/// What one actor says, over all documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorClaims {
    pub actor: String,
    pub kind: String,
    pub claims: usize,
    /// Quoted speech.
    pub direct: usize,
    /// Paraphrased (reported) speech.
    pub indirect: usize,
    /// Partly quoted.
    pub mixed: usize,
    /// Headlines and others.
    pub other: usize,
    /// Documents the actor speaks in.
    pub documents: usize,
    pub stances: usize,
}

/// Name used for claims no actor speaks.
pub const NO_ACTOR: &str = "(no actor)";

/// Claims per actor, most quoted first. A claim without an actor counts for its source text
/// (kind `(source)`), or under `NO_ACTOR` when it has no source either.
pub fn claims_per_actor(docs: &[&Document]) -> Vec<ActorClaims> {
    let mut rows: BTreeMap<String, (ActorClaims, std::collections::BTreeSet<usize>)> =
        BTreeMap::new();
    let blank = |name: &str, kind: &str| ActorClaims {
        actor: name.trim().to_string(),
        kind: kind.to_string(),
        claims: 0,
        direct: 0,
        indirect: 0,
        mixed: 0,
        other: 0,
        documents: 0,
        stances: 0,
    };
    for (i, doc) in docs.iter().enumerate() {
        let by_id = doc.actors_by_id();
        for c in doc.live_claims() {
            let actor = c
                .actor
                .as_deref()
                .and_then(|a| by_id.get(a).copied())
                .filter(|a| !a.meta.is_rejected());
            // Unresolved speakers are grouped by what the source says ("he", "officials").
            let (name, kind) = match (actor, &c.source) {
                (Some(a), _) => (a.name.as_str(), a.kind.as_str()),
                (None, Some(source)) if !source.text.trim().is_empty() => {
                    (source.text.as_str(), "(source)")
                }
                _ => (NO_ACTOR, ""),
            };
            let (row, seen) = rows
                .entry(name_key(name))
                .or_insert_with(|| (blank(name, kind), Default::default()));
            row.claims += 1;
            match c.kind {
                ClaimKind::Direct => row.direct += 1,
                ClaimKind::Indirect => row.indirect += 1,
                ClaimKind::Mixed => row.mixed += 1,
                ClaimKind::Headline | ClaimKind::Other => row.other += 1,
            }
            seen.insert(i);
        }
        for s in doc.live_stances() {
            let Some(a) = by_id
                .get(s.actor.as_str())
                .filter(|a| !a.meta.is_rejected())
            else {
                continue;
            };
            let (row, _) = rows
                .entry(name_key(&a.name))
                .or_insert_with(|| (blank(&a.name, a.kind.as_str()), Default::default()));
            row.stances += 1;
        }
    }
    let mut out: Vec<ActorClaims> = rows
        .into_values()
        .map(|(mut r, seen)| {
            r.documents = seen.len();
            r
        })
        .collect();
    out.sort_by(|a, b| {
        (a.actor == NO_ACTOR)
            .cmp(&(b.actor == NO_ACTOR))
            .then(b.claims.cmp(&a.claims))
            .then(b.stances.cmp(&a.stances))
            .then(a.actor.cmp(&b.actor))
    });
    out
}

/// The stances of one actor on one target.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub support: usize,
    pub oppose: usize,
    pub neutral: usize,
}

impl Cell {
    /// `+` support, `−` oppose, `0` neutral only, `±` both support and oppose (mixed). Neutral
    /// stances beside a position do not change it.
    pub fn symbol(&self) -> &'static str {
        match (self.support > 0, self.oppose > 0) {
            (true, true) => "±",
            (true, false) => "+",
            (false, true) => "−",
            (false, false) => "0",
        }
    }

    fn add(&mut self, polarity: Polarity) {
        match polarity {
            Polarity::Support => self.support += 1,
            Polarity::Oppose => self.oppose += 1,
            Polarity::Neutral => self.neutral += 1,
        }
    }
}

/// Actors × targets; `cells[actor][target]` is `None` where the actor takes no stance on it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StanceMatrix {
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    pub cells: Vec<Vec<Option<Cell>>>,
}

impl StanceMatrix {
    pub fn cell(&self, actor: usize, target: usize) -> Option<Cell> {
        self.cells.get(actor)?.get(target).copied().flatten()
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }
}

/// The stance matrix of documents (rejected stances and stances of rejected actors left out).
/// Actors are ordered by how many targets they take a stance on, targets by how many actors
/// take one on them; ties by name.
pub fn stance_matrix(docs: &[&Document]) -> StanceMatrix {
    let mut actors: BTreeMap<String, String> = BTreeMap::new();
    let mut targets: BTreeMap<String, String> = BTreeMap::new();
    let mut cells: BTreeMap<(String, String), Cell> = BTreeMap::new();
    for doc in docs {
        let by_id = doc.actors_by_id();
        for s in doc.live_stances() {
            let Some(actor) = by_id
                .get(s.actor.as_str())
                .filter(|a| !a.meta.is_rejected())
            else {
                continue;
            };
            let (ak, tk) = (name_key(&actor.name), name_key(&s.target));
            if ak.is_empty() || tk.is_empty() {
                continue;
            }
            actors
                .entry(ak.clone())
                .or_insert_with(|| actor.name.trim().to_string());
            targets
                .entry(tk.clone())
                .or_insert_with(|| s.target.trim().to_string());
            cells.entry((ak, tk)).or_default().add(s.polarity);
        }
    }
    let degree = |key: &String, actor: bool| {
        cells
            .keys()
            .filter(|(a, t)| if actor { a == key } else { t == key })
            .count()
    };
    let mut actor_keys: Vec<&String> = actors.keys().collect();
    actor_keys.sort_by(|a, b| degree(b, true).cmp(&degree(a, true)).then(a.cmp(b)));
    let mut target_keys: Vec<&String> = targets.keys().collect();
    target_keys.sort_by(|a, b| degree(b, false).cmp(&degree(a, false)).then(a.cmp(b)));
    StanceMatrix {
        actors: actor_keys.iter().map(|k| actors[*k].clone()).collect(),
        targets: target_keys.iter().map(|k| targets[*k].clone()).collect(),
        cells: actor_keys
            .iter()
            .map(|a| {
                target_keys
                    .iter()
                    .map(|t| cells.get(&((*a).clone(), (*t).clone())).copied())
                    .collect()
            })
            .collect(),
    }
}

/// Live claims by kind (direct, indirect, mixed, headline, other), in `ClaimKind::ALL` order.
pub fn claim_kinds(docs: &[&Document]) -> Vec<(ClaimKind, usize)> {
    ClaimKind::ALL
        .iter()
        .map(|k| {
            let n = docs
                .iter()
                .flat_map(|d| d.live_claims())
                .filter(|c| c.kind == *k)
                .count();
            (*k, n)
        })
        .collect()
}

/// Everything `gloss stats` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub documents: usize,
    pub counts: Vec<LayerCounts>,
    /// Live claims by kind.
    pub kinds: Vec<(ClaimKind, usize)>,
    pub actors: Vec<ActorClaims>,
    pub stance_matrix: StanceMatrix,
}

pub fn stats(docs: &[&Document]) -> Stats {
    Stats {
        documents: docs.len(),
        counts: layer_counts(docs),
        kinds: claim_kinds(docs),
        actors: claims_per_actor(docs),
        stance_matrix: stance_matrix(docs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, ArticleMeta, Extra, Meta, Stance};

    fn doc(stances: &[(&str, &str, Polarity, Status)]) -> Document {
        let mut d = Document::new(ArticleMeta::default());
        for (i, (actor, target, polarity, status)) in stances.iter().enumerate() {
            let id = format!("a{}", name_key(actor).replace(' ', "_"));
            if d.actor(&id).is_none() {
                d.actors.push(Actor {
                    id: id.clone(),
                    name: actor.to_string(),
                    kind: ActorKind::Person,
                    aliases: vec![],
                    role: None,
                    mentions: vec![],
                    meta: Meta::manual(),
                    extra: Extra::new(),
                });
            }
            d.stances.push(Stance {
                id: format!("s{i}"),
                actor: id,
                target: target.to_string(),
                polarity: *polarity,
                evidence: None,
                claim: None,
                meta: Meta {
                    status: *status,
                    ..Meta::default()
                },
                extra: Extra::new(),
            });
        }
        d
    }

    #[test]
    fn matrix_marks_support_oppose_neutral_and_mixed() {
        use Polarity::*;
        let a = doc(&[
            ("Ann", "tax", Support, Status::Accepted),
            ("Ann", "war", Oppose, Status::Auto),
            ("Bob", "tax", Neutral, Status::Manual),
            ("Bob", "war", Oppose, Status::Rejected),
        ]);
        let b = doc(&[("ann ", "Tax", Oppose, Status::Manual)]);
        let m = stance_matrix(&[&a, &b]);
        assert_eq!(m.actors, vec!["Ann", "Bob"]);
        assert_eq!(m.targets, vec!["tax", "war"]);
        assert_eq!(m.cell(0, 0).map(|c| c.symbol()), Some("±"));
        assert_eq!(m.cell(0, 1).map(|c| c.symbol()), Some("−"));
        assert_eq!(m.cell(1, 0).map(|c| c.symbol()), Some("0"));
        // Bob's stance on war was rejected.
        assert_eq!(m.cell(1, 1), None);
    }

    #[test]
    fn counts_every_status_including_rejected() {
        let a = doc(&[
            ("Ann", "tax", Polarity::Support, Status::Accepted),
            ("Ann", "war", Polarity::Oppose, Status::Rejected),
        ]);
        let counts = layer_counts(&[&a]);
        let stances = &counts[3];
        assert_eq!(stances.get(Status::Accepted), 1);
        assert_eq!(stances.get(Status::Rejected), 1);
        assert_eq!(stances.live(), 1);
    }
}
