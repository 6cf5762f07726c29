//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` per article whose one page holds an
//! annotation per span, each targeting the article with a `TextPositionSelector` and a
//! `TextQuoteSelector` (exact, prefix, suffix). Bodies say the role (`tagging`), the actor
//! (`identifying`), polarity, kind and status (`classifying`), the claim it belongs to
//! (`linking`) and notes (`commenting`). A discontinuous span targets each of its pieces.

use serde::Serialize;

use crate::article::offsets::OffsetMap;
use crate::model::{Document, Meta, Span};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// How many code points of context a TextQuoteSelector carries.
const QUOTE_CONTEXT: usize = 32;

// The JSON-LD as types, fields in the order they are written: a collection of a large document
// is hundreds of megabytes, and a tree of JSON values of it took ten times that.

/// One `AnnotationCollection`: what `to_w3c` gives, ready to serialise.
#[derive(Debug, Serialize)]
pub struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    first: Page<'a>,
}

#[derive(Debug, Serialize)]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Debug, Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Target<'a> {
    /// The whole article (a stance without evidence).
    Source(&'a str),
    One(Resource<'a>),
    /// A discontinuous span: each piece.
    Pieces(Vec<Resource<'a>>),
}

#[derive(Debug, Serialize)]
struct Resource<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    source: &'a str,
    selector: Vec<Selector<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Selector<'a> {
    Position {
        #[serde(rename = "type")]
        kind: &'static str,
        start: usize,
        end: usize,
    },
    Quote {
        #[serde(rename = "type")]
        kind: &'static str,
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
}

#[derive(Debug, Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: Text<'a>,
    format: &'static str,
}

/// A body's value: words of the document, or made (`status:accepted`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Text<'a> {
    Borrowed(&'a str),
    Made(String),
}

fn body<'a>(purpose: &'static str, value: Text<'a>) -> Body<'a> {
    Body {
        kind: "TextualBody",
        purpose,
        value,
        format: "text/plain",
    }
}

fn meta_bodies(meta: &Meta) -> Vec<Body<'_>> {
    let mut out = vec![body(
        "classifying",
        Text::Made(format!("status:{}", meta.status.as_str())),
    )];
    for tag in &meta.tags {
        out.push(body("tagging", Text::Borrowed(tag)));
    }
    if !meta.note.is_empty() {
        out.push(body("commenting", Text::Borrowed(&meta.note)));
    }
    out
}

/// What annotations target: the article's URL when it came from the web, else a URN naming the
/// article (file paths are not IRIs).
fn target_source<'a>(doc: &'a Document, base: &'a str) -> &'a str {
    let source = doc.article.source.as_str();
    if source.starts_with("http://") || source.starts_with("https://") {
        source
    } else {
        base
    }
}

struct Ctx<'a> {
    text: Option<(OffsetMap, &'a str)>,
    /// What annotations target (`target_source`).
    source: &'a str,
}

impl<'a> Ctx<'a> {
    fn selectors(&self, span: &'a Span) -> Vec<Resource<'a>> {
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
                        (&text[b0..b1], &text[p0..b0], &text[b1..s1])
                    }
                    // Without the text, the span's own quote (whole spans only).
                    None if single => (
                        span.text.as_str(),
                        span.prefix.as_str(),
                        span.suffix.as_str(),
                    ),
                    None => ("", "", ""),
                };
                let mut selector = vec![Selector::Position {
                    kind: "TextPositionSelector",
                    start: r.start,
                    end: r.end,
                }];
                if !exact.is_empty() {
                    selector.push(Selector::Quote {
                        kind: "TextQuoteSelector",
                        exact,
                        prefix,
                        suffix,
                    });
                }
                Resource {
                    kind: "SpecificResource",
                    source: self.source,
                    selector,
                }
            })
            .collect()
    }

    fn annotation(&self, id: String, span: &'a Span, body: Vec<Body<'a>>) -> Annotation<'a> {
        let mut targets = self.selectors(span);
        let target = if targets.len() == 1 {
            Target::One(targets.remove(0))
        } else {
            Target::Pieces(targets)
        };
        Annotation {
            id,
            kind: "Annotation",
            motivation: "classifying",
            body,
            target,
        }
    }
}

/// The collection of one (filtered) document. With the text, quotes and context come from it;
/// without, from the spans' stored text and context.
pub fn to_w3c<'a>(doc: &'a Document, text: Option<&'a str>, base: &'a str) -> Collection<'a> {
    let ctx = Ctx {
        text: text.map(|t| (OffsetMap::new(t), t)),
        source: target_source(doc, base),
    };
    let by_id = doc.actors_by_id();
    let mut items = Vec::new();
    for actor in &doc.actors {
        for (i, m) in actor.mentions.iter().enumerate() {
            let mut bodies = vec![
                body("tagging", Text::Borrowed("mention")),
                body("identifying", Text::Borrowed(&actor.name)),
                body(
                    "classifying",
                    Text::Made(format!("kind:{}", actor.kind.as_str())),
                ),
                body("linking", Text::Made(format!("{base}#{}", actor.id))),
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
                body("tagging", Text::Borrowed(role)),
                body("linking", Text::Made(format!("{base}#{}", claim.id))),
                body(
                    "classifying",
                    Text::Made(format!("kind:{}", claim.kind.as_str())),
                ),
            ];
            if let Some(a) = actor {
                bodies.push(body("identifying", Text::Borrowed(&a.name)));
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
            body("tagging", Text::Borrowed("stance")),
            body("identifying", Text::Borrowed(name)),
            body("describing", Text::Borrowed(&stance.target)),
            body(
                "classifying",
                Text::Made(format!("polarity:{}", stance.polarity.as_str())),
            ),
        ];
        if let Some(c) = &stance.claim {
            bodies.push(body("linking", Text::Made(format!("{base}#{c}"))));
        }
        bodies.extend(meta_bodies(&stance.meta));
        let id = format!("{base}#{}", stance.id);
        match &stance.evidence {
            Some(e) => items.push(ctx.annotation(id, e, bodies)),
            None => items.push(Annotation {
                id,
                kind: "Annotation",
                motivation: "classifying",
                body: bodies,
                target: Target::Source(ctx.source),
            }),
        }
    }
    Collection {
        context: CONTEXT,
        id: base.to_string(),
        kind: "AnnotationCollection",
        label: if doc.article.title.is_empty() {
            &doc.article.id
        } else {
            &doc.article.title
        },
        total: items.len(),
        first: Page {
            id: format!("{base}/page1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    }
}

/// The IRI a document's annotations are named under (and target, unless the article came
/// from the web): `urn:gloss:` and the article's file stem.
pub fn base_of(doc: &Document) -> String {
    format!("urn:gloss:{}", crate::store::file_stem(&doc.article.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::model::{Polarity, Stance};

    fn collection_json(doc: &Document, text: Option<&str>) -> serde_json::Value {
        let base = base_of(doc);
        serde_json::to_value(to_w3c(doc, text, &base)).expect("serialises")
    }

    #[test]
    fn a_stance_without_evidence_targets_the_article() {
        let text = "Poland backs Ukraine, the minister said.";
        let mut doc = crate::extract::extract(&Article::new("p", "", "test", text));
        let actor = doc.actors.first().expect("an actor").id.clone();
        doc.stances.push(Stance {
            id: "s99".into(),
            actor,
            target: "sanctions".into(),
            polarity: Polarity::Oppose,
            evidence: None,
            claim: None,
            meta: Meta::manual(),
            extra: Default::default(),
        });
        let v = collection_json(&doc, Some(text));
        assert_eq!(v["id"], "urn:gloss:p");
        let items = v["first"]["items"].as_array().expect("items");
        assert_eq!(v["total"], items.len());
        let s99 = items
            .iter()
            .find(|a| a["id"] == "urn:gloss:p#s99")
            .expect("the stance");
        assert_eq!(s99["target"], "urn:gloss:p");
        assert_eq!(s99["body"][3]["value"], "polarity:oppose");
        // Everything else targets a span of the article, quoted from the text.
        let quoted = items
            .iter()
            .filter(|a| a["target"]["selector"][1]["exact"].is_string());
        assert_eq!(quoted.count(), items.len() - 1);
    }

    #[test]
    fn an_article_from_the_web_is_targeted_by_its_url() {
        let text = "Poland backs Ukraine, the minister said.";
        let mut doc = crate::extract::extract(&Article::new("p", "", "test", text));
        doc.article.source = "https://example.com/news/1".into();
        let v = collection_json(&doc, None);
        let first = &v["first"]["items"][0];
        assert_eq!(first["target"]["source"], "https://example.com/news/1");
        assert_eq!(first["target"]["type"], "SpecificResource");
        assert_eq!(first["body"][0]["type"], "TextualBody");
    }
}
