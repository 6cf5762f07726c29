//! PolNeAR attribution JSONL (the format of `../shared/eval`): one article a line,
//! `{"id", "attributions": [{"source": SPAN|null, "cue": SPAN|null, "content": SPAN}]}`, spans
//! in code points with `spans` listing the pieces of a discontinuous one. The scorers there read
//! gloss output in this form; the import turns gold records into gloss documents.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::{covered, pieces_of, span_from_pieces};
use crate::article::offsets::OffsetMap;
use crate::model::{Claim, ClaimKind, Document, Extra, Meta, Span, Status};

fn span_json(span: &Span, text: Option<(&OffsetMap, &str)>) -> Value {
    let mut out = Map::new();
    out.insert("start".into(), json!(span.start));
    out.insert("end".into(), json!(span.end));
    let covered_text = match text {
        Some((map, t)) => {
            let range = span.byte_range(map, t);
            out.insert("bstart".into(), json!(range.start));
            out.insert("bend".into(), json!(range.end));
            t[range].to_string()
        }
        None => span.text.clone(),
    };
    out.insert("text".into(), json!(covered_text));
    if span.parts.as_ref().is_some_and(|p| p.len() > 1) {
        out.insert("spans".into(), json!(pieces_of(span)));
        if let Some((map, t)) = text {
            let bspans: Vec<[usize; 2]> = span
                .byte_pieces(map, t)
                .into_iter()
                .map(|r| [r.start, r.end])
                .collect();
            out.insert("bspans".into(), json!(bspans));
        }
    }
    Value::Object(out)
}

/// One PolNeAR record for a (filtered) document. With the text, the record carries it too (and
/// byte offsets), so it can be imported again or scored on its own.
pub fn to_polnear(doc: &Document, text: Option<&str>) -> Value {
    let map = text.map(OffsetMap::new);
    let with = match (&map, text) {
        (Some(m), Some(t)) => Some((m, t)),
        _ => None,
    };
    let by_id = doc.actors_by_id();
    let attributions: Vec<Value> = doc
        .claims
        .iter()
        .map(|c| {
            let kind = if c.source.is_some() {
                "Attribution"
            } else {
                "Attribution-no-source"
            };
            let mut a = Map::new();
            a.insert("id".into(), json!(c.id));
            a.insert("type".into(), json!(kind));
            a.insert(
                "source".into(),
                c.source
                    .as_ref()
                    .map_or(Value::Null, |s| span_json(s, with)),
            );
            a.insert(
                "cue".into(),
                c.cue.as_ref().map_or(Value::Null, |s| span_json(s, with)),
            );
            a.insert("content".into(), span_json(&c.content, with));
            if let Some(actor) = c.actor.as_deref().and_then(|id| by_id.get(id)) {
                a.insert("actor".into(), json!(actor.name));
            }
            a.insert("status".into(), json!(c.meta.status.as_str()));
            Value::Object(a)
        })
        .collect();
    let mut record = Map::new();
    record.insert("id".into(), json!(doc.article.id));
    if !doc.article.title.is_empty() {
        record.insert("title".into(), json!(doc.article.title));
    }
    if let Some(t) = text {
        record.insert("text".into(), json!(t));
    }
    record.insert("attributions".into(), Value::Array(attributions));
    Value::Object(record)
}

/// A problem in a PolNeAR file, with the file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct PolnearError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

/// One imported record.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub doc: Document,
    /// The article text (to be written where `doc.article.source` says).
    pub text: String,
    /// Who annotated it, when the id is `<article>__<annotator>` (the all-annotators file).
    pub annotator: Option<String>,
    /// Attributions left out (no content).
    pub skipped: usize,
}

/// What kind of speech a content is, read from its quote marks.
pub fn kind_from_quotes(content: &str) -> ClaimKind {
    let quotes = ['"', '“', '”', '\''];
    let t = content.trim();
    let opens = t.starts_with(quotes) || t.starts_with("``") || t.starts_with("''");
    let closes = t.ends_with(quotes)
        || t.ends_with(['.', ',']) && {
            let inner = t.trim_end_matches(['.', ',']);
            inner.ends_with(quotes)
        };
    if opens && closes {
        ClaimKind::Direct
    } else if t.contains(['"', '“', '”']) || t.contains("''") || t.contains("``") {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    }
}

/// Reads one PolNeAR record. `source_for(article_id)` names where the text will be written
/// (it becomes `article.source`); every claim gets `status`.
pub fn from_polnear_line(
    line: &str,
    path: &Path,
    lineno: usize,
    status: Status,
    source_for: &dyn Fn(&str) -> String,
) -> Result<Imported, PolnearError> {
    let err = |message: String| PolnearError {
        path: path.to_path_buf(),
        line: lineno,
        message,
    };
    let record: Value = serde_json::from_str(line)
        .map_err(|e| err(format!("not JSON: {e} (column {})", e.column())))?;
    let id = match record.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err(err("record has no \"id\"".into())),
    };
    let text = record.get("text").and_then(Value::as_str).ok_or_else(|| {
        err(format!(
            "record {id:?} has no \"text\" (the import needs the article texts)"
        ))
    })?;
    if text.contains('\r') {
        return Err(err(format!(
            "record {id:?}: the text has CR characters, which gloss normalises away; offsets would shift"
        )));
    }
    let annotator = record
        .get("annotator")
        .and_then(Value::as_str)
        .filter(|a| id.ends_with(&format!("__{a}")))
        .map(String::from);
    let article_id = match &annotator {
        Some(a) => id[..id.len() - a.len() - 2].to_string(),
        None => id.clone(),
    };
    let title = record.get("title").and_then(Value::as_str).unwrap_or("");
    let article = crate::article::Article::new(&article_id, title, source_for(&article_id), text);
    let text = article.text.clone();
    let map = OffsetMap::new(&text);
    let chars = map.len_chars();
    let mut doc = Document::new(article.meta());
    for (key, field) in ["publisher", "publication_date"]
        .iter()
        .zip(["publisher", "date"])
    {
        if let Some(v) = record.get(*key) {
            doc.article.extra.insert(field.to_string(), v.clone());
        }
    }
    let empty = Vec::new();
    let attributions = match record.get("attributions") {
        Some(Value::Array(a)) => a,
        None | Some(Value::Null) => &empty,
        Some(_) => {
            return Err(err(format!(
                "record {id:?}: \"attributions\" is not a list"
            )));
        }
    };
    let mut skipped = 0;
    for (i, a) in attributions.iter().enumerate() {
        let name = a
            .get("id")
            .and_then(Value::as_str)
            .map_or_else(|| format!("#{}", i + 1), String::from);
        let role = |key: &str| -> Result<Option<Span>, PolnearError> {
            match a.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => parse_span(v, chars)
                    .map(|pieces| Some(span_from_pieces(&map, &text, &pieces)))
                    .map_err(|m| err(format!("record {id:?}, attribution {name}, {key}: {m}"))),
            }
        };
        let (source, cue) = (role("source")?, role("cue")?);
        let Some(content) = role("content")? else {
            skipped += 1;
            continue;
        };
        let kind = kind_from_quotes(&covered(&map, &text, &content, " "));
        let mut extra = Extra::new();
        if let Some(pid) = a.get("id").filter(|v| !v.is_null()) {
            extra.insert("polnear_id".into(), pid.clone());
        }
        doc.claims.push(Claim {
            id: format!("c{}", doc.claims.len() + 1),
            actor: None,
            source,
            cue,
            content,
            kind,
            meta: Meta {
                status,
                ..Meta::default()
            },
            extra,
        });
    }
    Ok(Imported {
        doc,
        text,
        annotator,
        skipped,
    })
}

/// The pieces of a PolNeAR SPAN, checked against a text of `chars` code points.
fn parse_span(v: &Value, chars: usize) -> Result<Vec<[usize; 2]>, String> {
    let num = |key: &str| {
        v.get(key)
            .and_then(Value::as_u64)
            .map(|n| n as usize)
            .ok_or_else(|| format!("no numeric \"{key}\""))
    };
    let (start, end) = (num("start")?, num("end")?);
    let mut pieces: Vec<[usize; 2]> = match v.get("spans") {
        Some(Value::Array(list)) if !list.is_empty() => list
            .iter()
            .map(|p| match p.as_array().map(|a| (a.first(), a.get(1))) {
                Some((Some(s), Some(e))) => match (s.as_u64(), e.as_u64()) {
                    (Some(s), Some(e)) => Ok([s as usize, e as usize]),
                    _ => Err(format!("piece {p} is not [start, end]")),
                },
                _ => Err(format!("piece {p} is not [start, end]")),
            })
            .collect::<Result<_, _>>()?,
        _ => vec![[start, end]],
    };
    pieces.sort_unstable();
    for [s, e] in &pieces {
        if s >= e || *e > chars {
            return Err(format!(
                "span {s}..{e} is empty or outside the text ({chars} code points)"
            ));
        }
    }
    if pieces.windows(2).any(|w| w[0][1] > w[1][0]) {
        return Err("pieces overlap".into());
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_speech_kind_from_quote_marks() {
        assert_eq!(kind_from_quotes("“We will win.”"), ClaimKind::Direct);
        assert_eq!(kind_from_quotes("that it was “likely.”"), ClaimKind::Mixed);
        assert_eq!(kind_from_quotes("that it was likely"), ClaimKind::Indirect);
    }

    #[test]
    fn splits_annotator_ids_and_checks_spans() {
        let line = r#"{"id": "art__x1", "annotator": "x1", "text": "He said no.", "attributions": [
            {"source": {"start": 0, "end": 2}, "cue": {"start": 3, "end": 7}, "content": {"start": 8, "end": 10}},
            {"source": null, "cue": null, "content": null}]}"#;
        let imported = from_polnear_line(line, Path::new("p.jsonl"), 1, Status::Accepted, &|id| {
            format!("{id}.txt")
        })
        .expect("import");
        assert_eq!(imported.annotator.as_deref(), Some("x1"));
        assert_eq!(imported.doc.article.id, "art");
        assert_eq!(imported.doc.article.source, "art.txt");
        assert_eq!(imported.skipped, 1);
        assert_eq!(imported.doc.claims[0].content.text, "no");
        let bad = line.replace("\"end\": 10", "\"end\": 99");
        let err = from_polnear_line(&bad, Path::new("p.jsonl"), 4, Status::Accepted, &|id| {
            id.to_string()
        })
        .expect_err("outside");
        assert_eq!(err.line, 4);
        assert!(err.message.contains("outside the text"), "{err}");
    }
}
