//! brat standoff: a `.txt` and a `.ann` per article, and the `annotation.conf` that lets brat
//! open them as they are.
//!
//! Mentions are text-bound annotations typed by actor kind; a claim is a `Content` span, linked
//! to its `Cue` by an event (`E1 Cue:T5 Content:T7 Source:T3`) or, without a cue, to its
//! `Source` by an `Attribution` relation; stances with evidence are `Stance` spans. Status,
//! claim kind and polarity are attributes; gloss ids, names, targets, tags and notes ride in
//! AnnotatorNotes as `key=value; key=value`, so a round trip keeps them. Stances without an
//! evidence span, and actors neither mentioned nor speaking, cannot be placed in brat and are
//! not exported.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{covered, escape_note, parse_note, span_from_pieces};
use crate::article::offsets::OffsetMap;
use crate::model::{
    Actor, ActorKind, Claim, ClaimKind, Document, Extra, Meta, Polarity, Span, Stance, Status,
};

/// The files of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BratFiles {
    pub txt: String,
    pub ann: String,
}

/// brat's configuration for gloss's types: entities, the claim event, attributes.
pub const ANNOTATION_CONF: &str = "\
# gloss: who says what. Written by `gloss export --format brat`.
[entities]
Person
Organization
Country
Place
Group
Other
Source
Content
Stance

[relations]
Attribution\tArg1:Source, Arg2:Content
Equiv\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive
# Sources, contents and stances share text with mentions and with each other.
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
Cue\tContent:Content, Source?:Source

[attributes]
Status\tArg:<ENTITY>, Value:auto|accepted|edited|rejected|manual
Kind\tArg:Content, Value:direct|indirect|mixed|headline|other
Polarity\tArg:Stance, Value:support|oppose|neutral
";

/// Colours for brat's display.
pub const VISUAL_CONF: &str = "\
[labels]
Organization | Organization | Org
Content | Content | Cont

[drawing]
Person\tbgColor:#ffccaa
Organization\tbgColor:#8fb2ff
Country\tbgColor:#aaffaa
Place\tbgColor:#ccffcc
Group\tbgColor:#ffd5ff
Other\tbgColor:#eeeeee
Source\tbgColor:#ff9999
Cue\tbgColor:#ffff88
Content\tbgColor:#b0e0ff
Stance\tbgColor:#e0c0ff
Attribution\tcolor:#aa0000
";

struct Writer<'a> {
    map: OffsetMap,
    text: &'a str,
    ann: String,
    t: usize,
    a: usize,
    notes: usize,
}

impl Writer<'_> {
    fn span(&mut self, kind: &str, span: &Span) -> String {
        self.t += 1;
        let id = format!("T{}", self.t);
        let offsets: Vec<String> = span
            .pieces()
            .iter()
            .map(|r| format!("{} {}", r.start, r.end))
            .collect();
        let covered = covered(&self.map, self.text, span, " ").replace(['\n', '\t', '\r'], " ");
        let _ = writeln!(self.ann, "{id}\t{kind} {}\t{covered}", offsets.join(";"));
        id
    }

    fn attribute(&mut self, name: &str, target: &str, value: &str) {
        self.a += 1;
        let _ = writeln!(self.ann, "A{}\t{name} {target} {value}", self.a);
    }

    fn note(&mut self, target: &str, fields: &[(&str, String)]) {
        let body: Vec<String> = fields
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", escape_note(v)))
            .collect();
        if body.is_empty() {
            return;
        }
        self.notes += 1;
        let _ = writeln!(
            self.ann,
            "#{}\tAnnotatorNotes {target}\t{}",
            self.notes,
            body.join("; ")
        );
    }
}

fn meta_fields(meta: &Meta) -> Vec<(&'static str, String)> {
    vec![
        ("tags", meta.tags.join(", ")),
        ("note", meta.note.clone()),
        ("rule", meta.rule.clone().unwrap_or_default()),
        (
            "confidence",
            meta.confidence.map(|c| c.to_string()).unwrap_or_default(),
        ),
    ]
}

/// The brat files of one document over its article text. The document should already be
/// filtered (`export::filter`) and its spans checked against the text (`export::check_spans`).
pub fn to_brat(doc: &Document, text: &str) -> BratFiles {
    let mut w = Writer {
        map: OffsetMap::new(text),
        text,
        ann: String::new(),
        t: 0,
        a: 0,
        notes: 0,
    };
    let mut equiv = Vec::new();
    let mentioned: HashSet<&str> = doc
        .actors
        .iter()
        .filter(|a| !a.mentions.is_empty())
        .map(|a| a.id.as_str())
        .collect();
    for actor in &doc.actors {
        let mut ids = Vec::new();
        for (i, mention) in actor.mentions.iter().enumerate() {
            let id = w.span(super::actor_type(actor.kind), mention);
            if i == 0 {
                w.attribute("Status", &id, actor.meta.status.as_str());
                let mut fields = vec![
                    ("actor", actor.id.clone()),
                    ("name", actor.name.clone()),
                    ("role", actor.role.clone().unwrap_or_default()),
                    ("aliases", actor.aliases.join(", ")),
                ];
                fields.extend(meta_fields(&actor.meta));
                w.note(&id, &fields);
            } else {
                w.note(&id, &[("actor", actor.id.clone())]);
            }
            ids.push(id);
        }
        if ids.len() > 1 {
            equiv.push(ids);
        }
    }
    let by_id = doc.actors_by_id();
    let actor_fields = |id: &Option<String>| -> Vec<(&'static str, String)> {
        let Some(id) = id else { return Vec::new() };
        let mut fields = vec![("actor", id.clone())];
        // An actor without mentions travels with what it says.
        if !mentioned.contains(id.as_str())
            && let Some(actor) = by_id.get(id.as_str())
        {
            fields.push(("actor_name", actor.name.clone()));
            fields.push(("actor_kind", actor.kind.as_str().to_string()));
            fields.push(("actor_status", actor.meta.status.as_str().to_string()));
        }
        fields
    };
    let (mut events, mut relations) = (0, 0);
    for claim in &doc.claims {
        let source = claim.source.as_ref().map(|s| w.span("Source", s));
        let cue = claim.cue.as_ref().map(|s| w.span("Cue", s));
        let content = w.span("Content", &claim.content);
        w.attribute("Status", &content, claim.meta.status.as_str());
        w.attribute("Kind", &content, claim.kind.as_str());
        let mut fields = vec![("claim", claim.id.clone())];
        fields.extend(actor_fields(&claim.actor));
        fields.extend(meta_fields(&claim.meta));
        w.note(&content, &fields);
        match (cue, source) {
            (Some(cue), source) => {
                events += 1;
                let mut line = format!("E{events}\tCue:{cue} Content:{content}");
                if let Some(source) = source {
                    line.push_str(&format!(" Source:{source}"));
                }
                let _ = writeln!(w.ann, "{line}");
            }
            (None, Some(source)) => {
                relations += 1;
                let _ = writeln!(
                    w.ann,
                    "R{relations}\tAttribution Arg1:{source} Arg2:{content}"
                );
            }
            (None, None) => {}
        }
    }
    for stance in &doc.stances {
        let Some(evidence) = &stance.evidence else {
            continue;
        };
        let id = w.span("Stance", evidence);
        w.attribute("Polarity", &id, stance.polarity.as_str());
        w.attribute("Status", &id, stance.meta.status.as_str());
        let mut fields = vec![("stance", stance.id.clone())];
        fields.extend(actor_fields(&Some(stance.actor.clone())));
        fields.push(("target", stance.target.clone()));
        fields.push(("claim", stance.claim.clone().unwrap_or_default()));
        fields.extend(meta_fields(&stance.meta));
        w.note(&id, &fields);
    }
    for ids in equiv {
        let _ = writeln!(w.ann, "*\tEquiv {}", ids.join(" "));
    }
    BratFiles {
        txt: text.to_string(),
        ann: w.ann,
    }
}

/// A problem in a `.ann` file, with the file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct BratError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

struct TextBound {
    kind: String,
    pieces: Vec<[usize; 2]>,
    line: usize,
}

#[derive(Default)]
struct Parsed {
    /// Text-bound annotations in file order.
    spans: Vec<(String, TextBound)>,
    attributes: HashMap<String, Vec<(String, String)>>,
    notes: HashMap<String, Vec<(String, String)>>,
    /// Content id -> (cue, source).
    links: HashMap<String, (Option<String>, Option<String>)>,
    equiv: Vec<Vec<String>>,
}

/// Reads a brat `.ann` over its `.txt`. `txt_source` is where the text lives (it becomes
/// `article.source`); items without a `Status` attribute get `status`.
pub fn from_brat(
    id: &str,
    txt_source: &str,
    raw_text: &str,
    ann: &str,
    ann_path: &Path,
    status: Status,
) -> Result<Document, BratError> {
    let err = |line: usize, message: String| BratError {
        path: ann_path.to_path_buf(),
        line,
        message,
    };
    if raw_text.contains('\r') {
        return Err(err(
            0,
            format!(
                "{txt_source} has CR line endings: brat offsets count them, gloss normalises them away; convert the text to LF first"
            ),
        ));
    }
    let article = crate::article::load::from_txt(id, txt_source, raw_text);
    let text = article.text.as_str();
    let map = OffsetMap::new(text);
    let chars = map.len_chars();
    let parsed = parse_ann(ann, text, &map, chars, &err)?;
    build(article.meta(), text, &map, parsed, status, &err)
}

fn parse_ann(
    ann: &str,
    text: &str,
    map: &OffsetMap,
    chars: usize,
    err: &dyn Fn(usize, String) -> BratError,
) -> Result<Parsed, BratError> {
    let mut p = Parsed::default();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut pending: Vec<(usize, String, Vec<String>)> = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        let id = fields[0].trim();
        let body = fields.get(1).copied().unwrap_or("");
        if !id.starts_with('*') && fields.len() < 2 {
            return Err(err(
                n,
                format!("expected ID<TAB>ANNOTATION, found {line:?}"),
            ));
        }
        let first = id.chars().next().unwrap_or(' ');
        if first != '*'
            && let Some(prev) = ids.insert(id.to_string(), n)
        {
            return Err(err(
                n,
                format!("id {id} is used twice (first on line {prev})"),
            ));
        }
        match first {
            'T' => {
                let text_field = fields
                    .get(2)
                    .ok_or_else(|| err(n, format!("text-bound {id} has no text field")))?;
                let (kind, offsets) = body
                    .split_once(' ')
                    .ok_or_else(|| err(n, format!("text-bound {id} has no offsets")))?;
                let mut pieces = Vec::new();
                for piece in offsets.split(';') {
                    let nums: Vec<&str> = piece.split_whitespace().collect();
                    let parse = |s: &str| {
                        s.parse::<usize>()
                            .map_err(|_| err(n, format!("{id}: offset {s:?} is not a number")))
                    };
                    if nums.len() != 2 {
                        return Err(err(n, format!("{id}: offsets {piece:?} are not START END")));
                    }
                    let (s, e) = (parse(nums[0])?, parse(nums[1])?);
                    if s >= e || e > chars {
                        return Err(err(
                            n,
                            format!(
                                "{id}: span {s}..{e} is empty or outside the text ({chars} code points)"
                            ),
                        ));
                    }
                    pieces.push([s, e]);
                }
                pieces.sort_unstable();
                if pieces.windows(2).any(|w| w[0][1] > w[1][0]) {
                    return Err(err(n, format!("{id}: fragments overlap")));
                }
                let span = span_from_pieces(map, text, &pieces);
                let found = covered(map, text, &span, " ");
                let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                if squash(&found) != squash(text_field) {
                    return Err(err(
                        n,
                        format!(
                            "{id}: the text field {:?} does not match the text at {offsets} ({:?}); offsets must count code points",
                            crate::article::sanitize::one_line(text_field),
                            crate::article::sanitize::one_line(&found)
                        ),
                    ));
                }
                p.spans.push((
                    id.to_string(),
                    TextBound {
                        kind: kind.to_string(),
                        pieces,
                        line: n,
                    },
                ));
            }
            'A' | 'M' => {
                let parts: Vec<&str> = body.split_whitespace().collect();
                if parts.len() < 2 {
                    return Err(err(n, format!("attribute {id} needs NAME TARGET [VALUE]")));
                }
                let value = parts.get(2).copied().unwrap_or("true").to_string();
                pending.push((n, "A".into(), vec![parts[1].into()]));
                p.attributes
                    .entry(parts[1].to_string())
                    .or_default()
                    .push((parts[0].to_string(), value));
            }
            '#' => {
                let mut parts = body.split_whitespace();
                let (kind, target) = (parts.next(), parts.next());
                let Some(target) = target else {
                    return Err(err(n, format!("note {id} needs TYPE TARGET<TAB>TEXT")));
                };
                if kind == Some("AnnotatorNotes") {
                    pending.push((n, "#".into(), vec![target.into()]));
                    p.notes
                        .entry(target.to_string())
                        .or_default()
                        .extend(parse_note(fields.get(2).copied().unwrap_or("")));
                }
            }
            'E' => {
                let mut args = body.split_whitespace();
                let trigger = args
                    .next()
                    .and_then(|a| a.split_once(':'))
                    .ok_or_else(|| err(n, format!("event {id} needs TYPE:TRIGGER")))?;
                let (mut content, mut source) = (None, None);
                let mut refs = vec![trigger.1.to_string()];
                for arg in args {
                    let (role, target) = arg.split_once(':').ok_or_else(|| {
                        err(n, format!("event {id}: argument {arg:?} is not ROLE:ID"))
                    })?;
                    let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
                    match role {
                        "Content" => content = Some(target.to_string()),
                        "Source" => source = Some(target.to_string()),
                        _ => {}
                    }
                    refs.push(target.to_string());
                }
                pending.push((n, "E".into(), refs));
                if trigger.0 == "Cue" {
                    let content = content
                        .ok_or_else(|| err(n, format!("event {id} has no Content argument")))?;
                    let link = p.links.entry(content).or_default();
                    link.0 = Some(trigger.1.to_string());
                    if source.is_some() {
                        link.1 = source;
                    }
                }
            }
            'R' => {
                let parts: Vec<&str> = body.split_whitespace().collect();
                if parts.len() != 3 {
                    return Err(err(n, format!("relation {id} needs TYPE Arg1:ID Arg2:ID")));
                }
                let arg = |s: &str| {
                    s.split_once(':')
                        .map(|(_, t)| t.to_string())
                        .ok_or_else(|| err(n, format!("relation {id}: {s:?} is not ROLE:ID")))
                };
                let (a1, a2) = (arg(parts[1])?, arg(parts[2])?);
                pending.push((n, "R".into(), vec![a1.clone(), a2.clone()]));
                if parts[0] == "Attribution" {
                    p.links.entry(a2).or_default().1 = Some(a1);
                }
            }
            '*' => {
                let parts: Vec<String> = body.split_whitespace().map(String::from).collect();
                if parts.first().map(String::as_str) == Some("Equiv") {
                    pending.push((n, "*".into(), parts[1..].to_vec()));
                    p.equiv.push(parts[1..].to_vec());
                }
            }
            'N' => {}
            _ => {
                return Err(err(
                    n,
                    format!(
                        "unknown annotation id {id:?} (brat ids start with T, E, R, A, M, N, # or *)"
                    ),
                ));
            }
        }
    }
    for (n, _, refs) in pending {
        if let Some(missing) = refs.iter().find(|r| !ids.contains_key(r.as_str())) {
            return Err(err(n, format!("refers to {missing}, which is not defined")));
        }
    }
    Ok(p)
}

fn fields_get<'a>(fields: &'a [(String, String)], key: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}

fn meta_from(fields: &[(String, String)], attributes: &[(String, String)], status: Status) -> Meta {
    let status = attributes
        .iter()
        .find(|(k, _)| k == "Status")
        .and_then(|(_, v)| Status::ALL.into_iter().find(|s| s.as_str() == v))
        .unwrap_or(status);
    Meta {
        status,
        confidence: fields_get(fields, "confidence").and_then(|c| c.parse().ok()),
        rule: fields_get(fields, "rule").map(String::from),
        tags: split_list(fields_get(fields, "tags")),
        note: fields_get(fields, "note").unwrap_or("").to_string(),
    }
}

fn split_list(value: Option<&str>) -> Vec<String> {
    value
        .map(|v| {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn fresh(used: &mut HashSet<String>, prefix: &str, counter: &mut usize) -> String {
    loop {
        *counter += 1;
        let id = format!("{prefix}{counter}");
        if used.insert(id.clone()) {
            return id;
        }
    }
}

fn build(
    meta: crate::model::ArticleMeta,
    text: &str,
    map: &OffsetMap,
    p: Parsed,
    status: Status,
    err: &dyn Fn(usize, String) -> BratError,
) -> Result<Document, BratError> {
    let mut doc = Document::new(meta);
    let empty: Vec<(String, String)> = Vec::new();
    let notes = |id: &str| p.notes.get(id).unwrap_or(&empty);
    let attrs = |id: &str| p.attributes.get(id).unwrap_or(&empty);
    let spans: HashMap<&str, &TextBound> =
        p.spans.iter().map(|(id, tb)| (id.as_str(), tb)).collect();
    let span_of = |id: &str| {
        spans
            .get(id)
            .map(|tb| span_from_pieces(map, text, &tb.pieces))
    };
    let mut used: HashSet<String> = p
        .notes
        .values()
        .flat_map(|f| {
            f.iter()
                .filter(|(k, _)| matches!(k.as_str(), "actor" | "claim" | "stance"))
                .map(|(_, v)| v.clone())
        })
        .collect();
    let (mut ac, mut cc, mut sc) = (0, 0, 0);

    // Actors: mentions grouped by the actor their note names, else by Equiv, else by text.
    let mut equiv_of: HashMap<&str, usize> = HashMap::new();
    for (g, group) in p.equiv.iter().enumerate() {
        for id in group {
            equiv_of.insert(id.as_str(), g);
        }
    }
    let mut actor_index: HashMap<String, usize> = HashMap::new();
    for (tid, tb) in p.spans.iter() {
        let Some(kind) = super::actor_kind(&tb.kind) else {
            continue;
        };
        let fields = notes(tid);
        let Some(span) = span_of(tid) else { continue };
        let key = match fields_get(fields, "actor") {
            Some(a) => format!("id:{a}"),
            None => match equiv_of.get(tid.as_str()) {
                Some(g) => format!("equiv:{g}"),
                None => format!("text:{}:{}", kind.as_str(), span.text.to_lowercase()),
            },
        };
        let index = match actor_index.get(&key) {
            Some(i) => *i,
            None => {
                let id = match fields_get(fields, "actor") {
                    Some(a) => a.to_string(),
                    None => fresh(&mut used, "a", &mut ac),
                };
                doc.actors.push(Actor {
                    id,
                    name: span.text.clone(),
                    kind,
                    aliases: Vec::new(),
                    role: None,
                    mentions: Vec::new(),
                    meta: meta_from(fields, attrs(tid), status),
                    extra: Extra::new(),
                });
                actor_index.insert(key, doc.actors.len() - 1);
                doc.actors.len() - 1
            }
        };
        let actor = &mut doc.actors[index];
        if let Some(name) = fields_get(fields, "name") {
            actor.name = name.to_string();
            actor.role = fields_get(fields, "role").map(String::from);
            actor.aliases = split_list(fields_get(fields, "aliases"));
            actor.meta = meta_from(fields, attrs(tid), status);
        }
        actor.mentions.push(span);
    }

    // The actors so far, by id: a claim or stance names its actor, made here if need be.
    let mut known: HashSet<String> = doc.actors.iter().map(|a| a.id.clone()).collect();
    let mut ensure_actor = |doc: &mut Document, fields: &[(String, String)]| -> Option<String> {
        let id = fields_get(fields, "actor")?.to_string();
        if known.insert(id.clone()) {
            let kind = fields_get(fields, "actor_kind")
                .and_then(|k| ActorKind::ALL.into_iter().find(|a| a.as_str() == k))
                .unwrap_or_default();
            let st = fields_get(fields, "actor_status")
                .and_then(|k| Status::ALL.into_iter().find(|a| a.as_str() == k))
                .unwrap_or(status);
            doc.actors.push(Actor {
                id: id.clone(),
                name: fields_get(fields, "actor_name").unwrap_or(&id).to_string(),
                kind,
                aliases: Vec::new(),
                role: None,
                mentions: Vec::new(),
                meta: Meta {
                    status: st,
                    ..Meta::default()
                },
                extra: Extra::new(),
            });
        }
        Some(id)
    };

    for (tid, tb) in p.spans.iter() {
        match tb.kind.as_str() {
            "Content" => {
                let fields = notes(tid);
                let Some(content) = span_of(tid) else {
                    continue;
                };
                let (cue, source) = p.links.get(tid).cloned().unwrap_or((None, None));
                let source_span = source.as_deref().and_then(span_of);
                let actor = ensure_actor(&mut doc, fields).or_else(|| {
                    // Third-party files: the actor whose mention is the source.
                    let s = source_span.as_ref()?;
                    doc.actors
                        .iter()
                        .find(|a| {
                            a.mentions
                                .iter()
                                .any(|m| m.start == s.start && m.end == s.end)
                        })
                        .map(|a| a.id.clone())
                });
                let kind = attrs(tid)
                    .iter()
                    .find(|(k, _)| k == "Kind")
                    .and_then(|(_, v)| ClaimKind::ALL.into_iter().find(|c| c.as_str() == v))
                    .unwrap_or_default();
                let id = match fields_get(fields, "claim") {
                    Some(c) => c.to_string(),
                    None => fresh(&mut used, "c", &mut cc),
                };
                doc.claims.push(Claim {
                    id,
                    actor,
                    source: source_span,
                    cue: cue.as_deref().and_then(span_of),
                    content,
                    kind,
                    meta: meta_from(fields, attrs(tid), status),
                    extra: Extra::new(),
                });
            }
            "Stance" => {
                let fields = notes(tid);
                let Some(actor) = ensure_actor(&mut doc, fields) else {
                    return Err(err(
                        tb.line,
                        format!("stance {tid} names no actor (its note needs actor=ID)"),
                    ));
                };
                let polarity = attrs(tid)
                    .iter()
                    .find(|(k, _)| k == "Polarity")
                    .and_then(|(_, v)| Polarity::ALL.into_iter().find(|c| c.as_str() == v))
                    .unwrap_or_default();
                let id = match fields_get(fields, "stance") {
                    Some(s) => s.to_string(),
                    None => fresh(&mut used, "s", &mut sc),
                };
                doc.stances.push(Stance {
                    id,
                    actor,
                    target: fields_get(fields, "target").unwrap_or("").to_string(),
                    polarity,
                    evidence: span_of(tid),
                    claim: fields_get(fields, "claim").map(String::from),
                    meta: meta_from(fields, attrs(tid), status),
                    extra: Extra::new(),
                });
            }
            _ => {}
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Merkel said Berlin would help. Merkel agreed.\n";

    fn import(ann: &str) -> Result<Document, BratError> {
        from_brat(
            "x",
            "x.txt",
            TEXT,
            ann,
            Path::new("x.ann"),
            Status::Accepted,
        )
    }

    #[test]
    fn reads_third_party_files_without_gloss_notes() {
        let ann = "T1\tPER 0 6\tMerkel\nT2\tPER 31 37\tMerkel\nT3\tSource 0 6\tMerkel\n\
                   T4\tCue 7 11\tsaid\nT5\tContent 12 29\tBerlin would help\n\
                   E1\tCue:T4 Source:T3 Content:T5\nT6\tLOC 12 18\tBerlin\n";
        let doc = import(ann).expect("import");
        // Mentions with the same text and type are one actor.
        assert_eq!(doc.actors.len(), 2);
        assert_eq!(doc.actors[0].mentions.len(), 2);
        assert_eq!(doc.actors[1].kind, ActorKind::Place);
        let claim = &doc.claims[0];
        assert_eq!(claim.content.text, "Berlin would help");
        assert_eq!(claim.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
        // The source is a mention of Merkel, so she speaks.
        assert_eq!(claim.actor.as_deref(), Some(doc.actors[0].id.as_str()));
        assert_eq!(claim.meta.status, Status::Accepted);
    }

    #[test]
    fn refuses_offsets_that_do_not_match_the_text_field() {
        let err = import("T1\tPerson 1 7\tMerkel\n").expect_err("mismatch");
        assert_eq!(err.line, 1);
        assert!(err.message.contains("does not match"), "{err}");
    }

    #[test]
    fn refuses_references_to_undefined_annotations() {
        let err = import("T1\tContent 12 29\tBerlin would help\nR1\tAttribution Arg1:T9 Arg2:T1\n")
            .expect_err("undefined");
        assert_eq!(err.line, 2);
        assert!(err.message.contains("T9"), "{err}");
    }

    #[test]
    fn refuses_unknown_line_kinds_and_duplicate_ids() {
        let err = import("X1\tfoo\n").expect_err("unknown");
        assert!(err.message.contains("unknown annotation id"), "{err}");
        let err = import("T1\tPerson 0 6\tMerkel\nT1\tPerson 0 6\tMerkel\n").expect_err("dup");
        assert_eq!(err.line, 2);
    }

    #[test]
    fn refuses_crlf_texts() {
        let err = from_brat(
            "x",
            "x.txt",
            "a\r\nb",
            "",
            Path::new("x.ann"),
            Status::Manual,
        )
        .expect_err("crlf");
        assert!(err.message.contains("CR"), "{err}");
    }
}
