//! Shared by the targets: what every span of a document must satisfy.

use gloss::model::{Document, Span};

/// Every span of `doc` lies inside `text` (whole pieces, sorted, not empty), and a continuous
/// one that is not orphaned covers exactly its own `text`.
pub fn assert_spans_fit(doc: &Document, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    if let Err(e) = gloss::export::check_spans(doc, chars.len()) {
        panic!("{e}");
    }
    let covers = |span: &Span| {
        if span.parts.is_none() && !span.orphaned {
            let got: String = chars[span.start..span.end].iter().collect();
            assert_eq!(got, span.text, "{span:?}");
        }
    };
    for actor in &doc.actors {
        actor.mentions.iter().for_each(covers);
    }
    for claim in &doc.claims {
        claim
            .source
            .iter()
            .chain(&claim.cue)
            .chain([&claim.content])
            .for_each(covers);
    }
    for stance in &doc.stances {
        stance.evidence.iter().for_each(covers);
    }
}
