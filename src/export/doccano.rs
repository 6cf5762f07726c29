//! doccano's JSONL for relation extraction: `{"text", "entities": [{"id", "label",
//! "start_offset", "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}`, offsets
//! in code points.
//!
//! Labels: the actor kinds (`Person`, ...), `Source`, `Cue`, `Content`, `Evidence`. Relations:
//! `source_of` (Source → Content), `cue_of` (Cue → Content), and `continues` (each piece of a
//! discontinuous span → the next, since doccano has no discontinuous entities). What doccano
//! cannot say (actor ids and names, claim and stance ids, status, kind, tags, notes, stance
//! target and polarity) is kept in an extra `gloss` field that doccano ignores and the import
//! reads; spans and links always come from the entities and relations.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::span_from_pieces;
use crate::article::offsets::OffsetMap;
use crate::model::{
    Actor, ActorKind, Claim, ClaimKind, Document, Extra, Meta, Polarity, Span, Stance, Status,
};

struct Builder {
    entities: Vec<Value>,
    relations: Vec<Value>,
}

impl Builder {
    fn relation(&mut self, from: usize, to: usize, kind: &str) {
        let id = self.relations.len() + 1;
        self.relations
            .push(json!({"id": id, "from_id": from, "to_id": to, "type": kind}));
    }

    /// Adds a span's pieces as entities chained by `continues`; returns the first one's id.
    fn span(&mut self, label: &str, span: &Span) -> usize {
        let mut ids = Vec::new();
        for piece in span.pieces() {
            let id = self.entities.len() + 1;
            self.entities.push(json!({
                "id": id,
                "label": label,
                "start_offset": piece.start,
                "end_offset": piece.end,
            }));
            ids.push(id);
        }
        for w in ids.windows(2) {
            self.relation(w[0], w[1], "continues");
        }
        ids[0]
    }
}

fn meta_json(meta: &Meta) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("status".into(), json!(meta.status.as_str()));
    if !meta.tags.is_empty() {
        m.insert("tags".into(), json!(meta.tags));
    }
    if !meta.note.is_empty() {
        m.insert("note".into(), json!(meta.note));
    }
    if let Some(rule) = &meta.rule {
        m.insert("rule".into(), json!(rule));
    }
    if let Some(c) = meta.confidence {
        m.insert("confidence".into(), json!(c));
    }
    m
}

/// One doccano record for a (filtered, checked) document over its text.
pub fn to_doccano(doc: &Document, text: &str) -> Value {
    let mut b = Builder {
        entities: Vec::new(),
        relations: Vec::new(),
    };
    let mut actors = Vec::new();
    for actor in &doc.actors {
        let mentions: Vec<usize> = actor
            .mentions
            .iter()
            .map(|m| b.span(super::actor_type(actor.kind), m))
            .collect();
        let mut a = meta_json(&actor.meta);
        a.insert("id".into(), json!(actor.id));
        a.insert("name".into(), json!(actor.name));
        a.insert("kind".into(), json!(actor.kind.as_str()));
        if let Some(role) = &actor.role {
            a.insert("role".into(), json!(role));
        }
        if !actor.aliases.is_empty() {
            a.insert("aliases".into(), json!(actor.aliases));
        }
        a.insert("mentions".into(), json!(mentions));
        actors.push(Value::Object(a));
    }
    let mut claims = Vec::new();
    for claim in &doc.claims {
        let content = b.span("Content", &claim.content);
        if let Some(source) = &claim.source {
            let s = b.span("Source", source);
            b.relation(s, content, "source_of");
        }
        if let Some(cue) = &claim.cue {
            let c = b.span("Cue", cue);
            b.relation(c, content, "cue_of");
        }
        let mut c = meta_json(&claim.meta);
        c.insert("id".into(), json!(claim.id));
        c.insert("actor".into(), json!(claim.actor));
        c.insert("kind".into(), json!(claim.kind.as_str()));
        c.insert("content".into(), json!(content));
        claims.push(Value::Object(c));
    }
    let mut stances = Vec::new();
    for stance in &doc.stances {
        let evidence = stance.evidence.as_ref().map(|e| b.span("Evidence", e));
        let mut s = meta_json(&stance.meta);
        s.insert("id".into(), json!(stance.id));
        s.insert("actor".into(), json!(stance.actor));
        s.insert("target".into(), json!(stance.target));
        s.insert("polarity".into(), json!(stance.polarity.as_str()));
        s.insert("claim".into(), json!(stance.claim));
        s.insert("evidence".into(), json!(evidence));
        stances.push(Value::Object(s));
    }
    let mut article = serde_json::to_value(&doc.article).unwrap_or(Value::Null);
    if let Some(a) = article.as_object_mut() {
        a.remove("source");
    }
    json!({
        "id": doc.article.id,
        "text": text,
        "entities": b.entities,
        "relations": b.relations,
        "gloss": {
            "article": article,
            "actors": actors,
            "claims": claims,
            "stances": stances,
            "labels": doc.labels,
        }
    })
}

/// A problem in a doccano file, with the file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct DoccanoError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

/// One imported record: the document and the text to write where `article.source` says.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub doc: Document,
    pub text: String,
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

fn meta_of(v: Option<&Value>, status: Status) -> Meta {
    let Some(v) = v else {
        return Meta {
            status,
            ..Meta::default()
        };
    };
    Meta {
        status: str_of(v, "status")
            .and_then(|s| Status::ALL.into_iter().find(|x| x.as_str() == s))
            .unwrap_or(status),
        confidence: v.get("confidence").and_then(Value::as_f64),
        rule: str_of(v, "rule").map(String::from),
        tags: v
            .get("tags")
            .and_then(Value::as_array)
            .map(|t| {
                t.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default(),
        note: str_of(v, "note").unwrap_or("").to_string(),
    }
}

/// Reads one doccano record (`lineno` of `path`). `source_for(article_id)` names where the text
/// will be written; items without a gloss status get `status`.
pub fn from_doccano_line(
    line: &str,
    path: &Path,
    lineno: usize,
    status: Status,
    source_for: &dyn Fn(&str) -> String,
) -> Result<Imported, DoccanoError> {
    let err = |message: String| DoccanoError {
        path: path.to_path_buf(),
        line: lineno,
        message,
    };
    let record: Value = serde_json::from_str(line)
        .map_err(|e| err(format!("not JSON: {e} (column {})", e.column())))?;
    let gloss = record.get("gloss");
    let meta = gloss.and_then(|g| g.get("article"));
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("doccano");
    let id = meta
        .and_then(|m| str_of(m, "id"))
        .map(String::from)
        .or_else(|| match record.get("id") {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(Value::Number(n)) => Some(format!("{stem}-{n}")),
            _ => None,
        })
        .unwrap_or_else(|| format!("{stem}-{lineno}"));
    let raw =
        str_of(&record, "text").ok_or_else(|| err(format!("record {id:?} has no \"text\"")))?;
    if raw.contains('\r') {
        return Err(err(format!(
            "record {id:?}: the text has CR characters, which gloss normalises away; offsets would shift"
        )));
    }
    let title = meta.and_then(|m| str_of(m, "title")).unwrap_or("");
    let article = crate::article::Article::new(&id, title, source_for(&id), raw);
    let text = article.text.clone();
    let map = OffsetMap::new(&text);
    let chars = map.len_chars();
    let mut doc = Document::new(article.meta());

    // Entities and the pieces chained to them.
    let mut labels: HashMap<u64, String> = HashMap::new();
    let mut offsets: HashMap<u64, [usize; 2]> = HashMap::new();
    let mut order: Vec<u64> = Vec::new();
    let empty = Vec::new();
    let list = |key: &str| match record.get(key) {
        Some(Value::Array(a)) => Ok(a),
        None | Some(Value::Null) => Ok(&empty),
        Some(_) => Err(err(format!("record {id:?}: \"{key}\" is not a list"))),
    };
    for e in list("entities")? {
        let num = |k: &str| e.get(k).and_then(Value::as_u64);
        let (Some(eid), Some(s), Some(t)) = (num("id"), num("start_offset"), num("end_offset"))
        else {
            return Err(err(format!(
                "record {id:?}: entity {e} needs numeric id, start_offset, end_offset"
            )));
        };
        let (s, t) = (s as usize, t as usize);
        if s >= t || t > chars {
            return Err(err(format!(
                "record {id:?}: entity {eid} span {s}..{t} is empty or outside the text ({chars} code points)"
            )));
        }
        let label = str_of(e, "label").unwrap_or("").to_string();
        if labels.insert(eid, label).is_some() {
            return Err(err(format!("record {id:?}: entity id {eid} is used twice")));
        }
        offsets.insert(eid, [s, t]);
        order.push(eid);
    }
    let mut next: HashMap<u64, u64> = HashMap::new();
    let mut continued: HashSet<u64> = HashSet::new();
    let mut links: HashMap<u64, (Option<u64>, Option<u64>)> = HashMap::new();
    for r in list("relations")? {
        let num = |k: &str| r.get(k).and_then(Value::as_u64);
        let (Some(from), Some(to)) = (num("from_id"), num("to_id")) else {
            return Err(err(format!(
                "record {id:?}: relation {r} needs numeric from_id and to_id"
            )));
        };
        for end in [from, to] {
            if !labels.contains_key(&end) {
                return Err(err(format!(
                    "record {id:?}: relation {r} refers to entity {end}, which is not defined"
                )));
            }
        }
        match str_of(r, "type").unwrap_or("").to_lowercase().as_str() {
            "continues" => {
                next.insert(from, to);
                continued.insert(to);
            }
            "source_of" => links.entry(to).or_default().0 = Some(from),
            "cue_of" => links.entry(to).or_default().1 = Some(from),
            _ => {}
        }
    }
    let span_of = |first: u64| -> Option<Span> {
        let mut pieces = vec![*offsets.get(&first)?];
        let mut at = first;
        while let Some(n) = next.get(&at) {
            if pieces.len() > offsets.len() {
                break;
            }
            pieces.push(*offsets.get(n)?);
            at = *n;
        }
        pieces.sort_unstable();
        Some(span_from_pieces(&map, &text, &pieces))
    };
    let firsts: Vec<u64> = order
        .iter()
        .copied()
        .filter(|e| !continued.contains(e))
        .collect();
    // Pieces chained by `continues` neither overlap nor loop (as brat and PolNeAR require).
    let mut chained: HashSet<u64> = HashSet::new();
    for &first in &firsts {
        let mut seen = HashSet::from([first]);
        let mut pieces: Vec<[usize; 2]> = offsets.get(&first).copied().into_iter().collect();
        let mut at = first;
        while let Some(&n) = next.get(&at) {
            if !seen.insert(n) {
                return Err(err(format!(
                    "record {id:?}: \"continues\" relations loop at entity {n}"
                )));
            }
            pieces.extend(offsets.get(&n).copied());
            at = n;
        }
        pieces.sort_unstable();
        if pieces.windows(2).any(|w| w[0][1] > w[1][0]) {
            return Err(err(format!(
                "record {id:?}: the pieces chained from entity {first} by \"continues\" overlap"
            )));
        }
        chained.extend(seen);
    }
    if let Some(e) = next.keys().find(|e| !chained.contains(e)) {
        return Err(err(format!(
            "record {id:?}: \"continues\" relations loop at entity {e}"
        )));
    }

    let meta_list = |key: &str| -> Vec<Value> {
        gloss
            .and_then(|g| g.get(key))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut used = HashSet::new();
    // Actors: from the gloss field, else one per distinct (kind, text).
    let mut mentioned: HashSet<u64> = HashSet::new();
    for a in meta_list("actors") {
        let mentions: Vec<u64> = a
            .get("mentions")
            .and_then(Value::as_array)
            .map(|m| m.iter().filter_map(Value::as_u64).collect())
            .unwrap_or_default();
        let aid = str_of(&a, "id").unwrap_or("").to_string();
        if aid.is_empty() {
            continue;
        }
        used.insert(aid.clone());
        mentioned.extend(mentions.iter().copied());
        doc.actors.push(Actor {
            id: aid,
            name: str_of(&a, "name").unwrap_or("").to_string(),
            kind: str_of(&a, "kind")
                .and_then(|k| ActorKind::ALL.into_iter().find(|x| x.as_str() == k))
                .unwrap_or_default(),
            aliases: a
                .get("aliases")
                .and_then(Value::as_array)
                .map(|t| {
                    t.iter()
                        .filter_map(Value::as_str)
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default(),
            role: str_of(&a, "role").map(String::from),
            mentions: mentions.iter().filter_map(|m| span_of(*m)).collect(),
            meta: meta_of(Some(&a), status),
            extra: Extra::new(),
        });
    }
    let mut by_text: HashMap<String, usize> = HashMap::new();
    for e in &firsts {
        let Some(kind) = labels.get(e).and_then(|l| super::actor_kind(l)) else {
            continue;
        };
        if mentioned.contains(e) {
            continue;
        }
        let Some(span) = span_of(*e) else { continue };
        let key = format!("{}:{}", kind.as_str(), span.text.to_lowercase());
        if let Some(i) = by_text.get(&key) {
            doc.actors[*i].mentions.push(span);
            continue;
        }
        let aid = fresh(&mut used, "a");
        doc.actors.push(Actor {
            id: aid,
            name: span.text.clone(),
            kind,
            aliases: Vec::new(),
            role: None,
            mentions: vec![span],
            meta: meta_of(None, status),
            extra: Extra::new(),
        });
        by_text.insert(key, doc.actors.len() - 1);
    }
    // Claims: every Content entity.
    let claim_meta: HashMap<u64, Value> = meta_list("claims")
        .into_iter()
        .filter_map(|c| Some((c.get("content")?.as_u64()?, c)))
        .collect();
    for c in claim_meta.values() {
        if let Some(cid) = str_of(c, "id") {
            used.insert(cid.to_string());
        }
    }
    for e in &firsts {
        if !labels
            .get(e)
            .is_some_and(|l| l.eq_ignore_ascii_case("content"))
        {
            continue;
        }
        let Some(content) = span_of(*e) else { continue };
        let (source, cue) = links.get(e).copied().unwrap_or((None, None));
        let source = source.and_then(&span_of);
        let m = claim_meta.get(e);
        let actor = m
            .and_then(|m| str_of(m, "actor"))
            .map(String::from)
            .or_else(|| {
                let s = source.as_ref()?;
                doc.actors
                    .iter()
                    .find(|a| {
                        a.mentions
                            .iter()
                            .any(|x| x.start == s.start && x.end == s.end)
                    })
                    .map(|a| a.id.clone())
            });
        let cid = match m.and_then(|m| str_of(m, "id")) {
            Some(c) => c.to_string(),
            None => fresh(&mut used, "c"),
        };
        doc.claims.push(Claim {
            id: cid,
            actor,
            source,
            cue: cue.and_then(&span_of),
            content,
            kind: m
                .and_then(|m| str_of(m, "kind"))
                .and_then(|k| ClaimKind::ALL.into_iter().find(|x| x.as_str() == k))
                .unwrap_or_default(),
            meta: meta_of(m, status),
            extra: Extra::new(),
        });
    }
    // Stances live only in the gloss field (doccano has no place for target and polarity).
    for s in meta_list("stances") {
        let (Some(sid), Some(actor)) = (str_of(&s, "id"), str_of(&s, "actor")) else {
            continue;
        };
        doc.stances.push(Stance {
            id: sid.to_string(),
            actor: actor.to_string(),
            target: str_of(&s, "target").unwrap_or("").to_string(),
            polarity: str_of(&s, "polarity")
                .and_then(|k| Polarity::ALL.into_iter().find(|x| x.as_str() == k))
                .unwrap_or_default(),
            evidence: s.get("evidence").and_then(Value::as_u64).and_then(&span_of),
            claim: str_of(&s, "claim").map(String::from),
            meta: meta_of(Some(&s), status),
            extra: Extra::new(),
        });
    }
    doc.labels = gloss
        .and_then(|g| g.get("labels"))
        .and_then(Value::as_array)
        .map(|t| {
            t.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    Ok(Imported { doc, text })
}

fn fresh(used: &mut HashSet<String>, prefix: &str) -> String {
    let mut n = 0;
    loop {
        n += 1;
        let id = format!("{prefix}{n}");
        if used.insert(id.clone()) {
            return id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_doccano_records() {
        let line = r#"{"id": 7, "text": "Obama said “we will win,” he added, “today.”", "entities": [
            {"id": 1, "label": "Person", "start_offset": 0, "end_offset": 5},
            {"id": 2, "label": "Source", "start_offset": 0, "end_offset": 5},
            {"id": 3, "label": "Cue", "start_offset": 6, "end_offset": 10},
            {"id": 4, "label": "Content", "start_offset": 11, "end_offset": 25},
            {"id": 5, "label": "Content", "start_offset": 35, "end_offset": 44}],
            "relations": [{"id": 1, "from_id": 2, "to_id": 4, "type": "source_of"},
                          {"id": 2, "from_id": 3, "to_id": 4, "type": "cue_of"},
                          {"id": 3, "from_id": 4, "to_id": 5, "type": "continues"}]}"#;
        let imported = from_doccano_line(line, Path::new("d.jsonl"), 1, Status::Manual, &|id| {
            format!("{id}.txt")
        })
        .expect("import");
        let doc = imported.doc;
        assert_eq!(doc.article.id, "d-7");
        assert_eq!(doc.claims.len(), 1);
        let claim = &doc.claims[0];
        assert_eq!(claim.content.parts, Some(vec![[11, 25], [35, 44]]));
        assert_eq!(claim.actor.as_deref(), Some("a1"));
        assert_eq!(claim.meta.status, Status::Manual);
    }

    #[test]
    fn refuses_entities_outside_the_text() {
        let line = r#"{"text": "short", "entities": [{"id": 1, "label": "Cue", "start_offset": 2, "end_offset": 9}]}"#;
        let err = from_doccano_line(line, Path::new("d.jsonl"), 3, Status::Manual, &|id| {
            id.to_string()
        })
        .expect_err("outside");
        assert_eq!(err.line, 3);
        assert!(err.message.contains("outside the text"), "{err}");
    }
}
