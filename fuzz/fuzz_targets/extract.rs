//! `cargo +nightly fuzz run extract`: the extractor on arbitrary UTF-8 never panics and every
//! span it returns lies within the text with its text at its offsets.
#![no_main]

use gloss::article::Article;
use gloss::model::Span;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let article = Article::new("fuzz", "", "-", text);
    let doc = gloss::extract::extract(&article);
    let chars: Vec<char> = article.text.chars().collect();
    let check = |span: &Span| {
        assert!(span.start <= span.end && span.end <= chars.len());
        if span.parts.is_none() {
            let got: String = chars[span.start..span.end].iter().collect();
            assert_eq!(got, span.text);
        }
    };
    for actor in &doc.actors {
        actor.mentions.iter().for_each(check);
    }
    for claim in &doc.claims {
        claim
            .source
            .iter()
            .chain(&claim.cue)
            .chain([&claim.content])
            .for_each(check);
    }
    for stance in &doc.stances {
        stance.evidence.iter().for_each(check);
    }
});
