//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` per article whose one page holds an
//! annotation per span, each targeting the article with a `TextPositionSelector` and a
//! `TextQuoteSelector` (exact, prefix, suffix). Bodies say the role (`tagging`), the actor
//! (`identifying`), polarity, kind and status (`classifying`), the claim it belongs to
//! (`linking`) and notes (`commenting`). A discontinuous span targets each of its pieces.

use serde_json::{Value, json};

use crate::article::offsets::OffsetMap;
use crate::model::{Document, Meta, Span};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// How many code points of context a TextQuoteSelector carries.
const QUOTE_CONTEXT: usize = 32;

fn body(purpose: &str, value: &str) -> Value {
    json!({"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"})
}

fn meta_bodies(meta: &Meta) -> Vec<Value> {
    let mut out = vec![body(
        "classifying",
        &format!("status:{}", meta.status.as_str()),
    )];
    for tag in &meta.tags {
        out.push(body("tagging", tag));
    }
    if !meta.note.is_empty() {
        out.push(body("commenting", &meta.note));
    }
    out
}

/// What annotations target: the article's URL when it came from the web, else a URN naming the
/// article (file paths are not IRIs).
fn target_source(doc: &Document, base: &str) -> String {
    let source = doc.article.source.as_str();
    if source.starts_with("http://") || source.starts_with("https://") {
        source.to_string()
    } else {
        base.to_string()
    }
}

struct Ctx<'a> {
    doc: &'a Document,
    text: Option<(OffsetMap, &'a str)>,
    base: String,
}

impl Ctx<'_> {
    fn selectors(&self, span: &Span) -> Vec<Value> {
        let source = target_source(self.doc, &self.base);
        let pieces = span.pieces();
        let single = pieces.len() == 1;
        pieces
            .into_iter()
            .map(|r| {
                let (exact, prefix, suffix) = match &self.text {
                    Some((map, text)) => {
                        let b0 = map.to_byte(text, r.start);
                        let b1 = map.to_byte(text, r.end);
                        let p0 = map.to_byte(text, r.start.saturating_sub(QUOTE_CONTEXT));
                        let s1 = map.to_byte(text, r.end + QUOTE_CONTEXT);
                        (
                            text[b0..b1].to_string(),
                            text[p0..b0].to_string(),
                            text[b1..s1].to_string(),
                        )
                    }
                    // Without the text, the span's own quote (whole spans only).
                    None if single => (span.text.clone(), span.prefix.clone(), span.suffix.clone()),
                    None => (String::new(), String::new(), String::new()),
                };
                let mut selectors = vec![json!({
                    "type": "TextPositionSelector", "start": r.start, "end": r.end
                })];
                if !exact.is_empty() {
                    selectors.push(json!({
                        "type": "TextQuoteSelector",
                        "exact": exact, "prefix": prefix, "suffix": suffix
                    }));
                }
                json!({"type": "SpecificResource", "source": source, "selector": selectors})
            })
            .collect()
    }

    fn annotation(&self, id: String, span: &Span, bodies: Vec<Value>) -> Value {
        let mut targets = self.selectors(span);
        let target = if targets.len() == 1 {
            targets.remove(0)
        } else {
            Value::Array(targets)
        };
        json!({
            "id": id,
            "type": "Annotation",
            "motivation": "classifying",
            "body": bodies,
            "target": target,
        })
    }
}

/// The collection of one (filtered) document. With the text, quotes and context come from it;
/// without, from the spans' stored text and context.
pub fn to_w3c(doc: &Document, text: Option<&str>) -> Value {
    let base = format!("urn:gloss:{}", crate::store::file_stem(&doc.article.id));
    let ctx = Ctx {
        doc,
        text: text.map(|t| (OffsetMap::new(t), t)),
        base: base.clone(),
    };
    let by_id = doc.actors_by_id();
    let mut items = Vec::new();
    for actor in &doc.actors {
        for (i, m) in actor.mentions.iter().enumerate() {
            let mut bodies = vec![
                body("tagging", "mention"),
                body("identifying", &actor.name),
                body("classifying", &format!("kind:{}", actor.kind.as_str())),
                body("linking", &format!("{base}#{}", actor.id)),
            ];
            bodies.extend(meta_bodies(&actor.meta));
            items.push(ctx.annotation(format!("{base}#{}-m{}", actor.id, i + 1), m, bodies));
        }
    }
    for claim in &doc.claims {
        let actor = claim.actor.as_deref().and_then(|a| by_id.get(a));
        let roles = [
            ("source", claim.source.as_ref()),
            ("cue", claim.cue.as_ref()),
            ("content", Some(&claim.content)),
        ];
        for (role, span) in roles {
            let Some(span) = span else { continue };
            let mut bodies = vec![
                body("tagging", role),
                body("linking", &format!("{base}#{}", claim.id)),
                body("classifying", &format!("kind:{}", claim.kind.as_str())),
            ];
            if let Some(a) = actor {
                bodies.push(body("identifying", &a.name));
            }
            bodies.extend(meta_bodies(&claim.meta));
            items.push(ctx.annotation(format!("{base}#{}-{role}", claim.id), span, bodies));
        }
    }
    for stance in &doc.stances {
        let name = by_id
            .get(stance.actor.as_str())
            .map_or(stance.actor.as_str(), |a| a.name.as_str());
        let mut bodies = vec![
            body("tagging", "stance"),
            body("identifying", name),
            body("describing", &stance.target),
            body(
                "classifying",
                &format!("polarity:{}", stance.polarity.as_str()),
            ),
        ];
        if let Some(c) = &stance.claim {
            bodies.push(body("linking", &format!("{base}#{c}")));
        }
        bodies.extend(meta_bodies(&stance.meta));
        let id = format!("{base}#{}", stance.id);
        match &stance.evidence {
            Some(e) => items.push(ctx.annotation(id, e, bodies)),
            None => items.push(json!({
                "id": id, "type": "Annotation", "motivation": "classifying",
                "body": bodies,
                "target": target_source(doc, &base),
            })),
        }
    }
    json!({
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": if doc.article.title.is_empty() { doc.article.id.clone() } else { doc.article.title.clone() },
        "total": items.len(),
        "first": {
            "id": format!("{base}/page1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        }
    })
}
