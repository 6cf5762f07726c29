//! The extractor: actors, claims and stances, offline and explainable.
//!
//! Layers, each reading the ones before: `text` (tokens, sentences) → `actors` (mentions grouped
//! into actors) → `claims` (source, cue, content) → `stances`. Every item records the rule that
//! made it and a confidence. What the layers need (lexicons, small learned models) is compiled in
//! from `src/extract/data/`; `gloss train` rebuilds it from the eval train splits.

pub mod actors;
pub mod claims;
pub mod stances;
pub mod text;

use crate::article::Article;
use crate::article::offsets::OffsetMap;
use crate::model::Document;

/// Everything the layers share about one text.
pub struct Context<'t> {
    pub text: &'t str,
    pub offsets: OffsetMap,
    pub analysis: text::Analysis,
}

impl<'t> Context<'t> {
    pub fn new(text: &'t str) -> Self {
        Context {
            text,
            offsets: OffsetMap::new(text),
            analysis: text::analyse(text),
        }
    }
}

/// Runs every layer over an article; every item has status `auto`.
pub fn extract(article: &Article) -> Document {
    let cx = Context::new(&article.text);
    let mut doc = Document::new(article.meta());
    doc.actors = actors::find_actors(&cx);
    doc.claims = claims::find_claims(&cx);
    let resolver = actors::Resolver::new(&cx, &doc.actors);
    for claim in &mut doc.claims {
        if let Some(source) = &claim.source {
            claim.actor = resolver.resolve(source);
        }
    }
    doc.stances = stances::find_stances(&cx, &doc.actors, &doc.claims);
    doc
}
