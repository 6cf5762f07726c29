//! Hand-made annotations over the sample article, for tests and benchmarks while the
//! extractor is being built elsewhere. Not used by the program itself.

use crate::article::Article;
use crate::article::load;
use crate::model::{
    Actor, ActorKind, Claim, ClaimKind, Document, Extra, Meta, Polarity, Span, Stance,
};

/// The sample article (the first seed).
pub fn sample_article() -> Article {
    load::embedded_sample()
}

/// The span of the `nth` occurrence of `needle` in `text` (an empty span when absent).
fn find(text: &str, needle: &str, nth: usize) -> Span {
    text.match_indices(needle)
        .nth(nth)
        .map(|(b, m)| Span::from_bytes(text, b..b + m.len()))
        .unwrap_or_default()
}

fn actor(id: &str, name: &str, kind: ActorKind, mentions: Vec<Span>, conf: f64) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: Vec::new(),
        role: None,
        mentions,
        meta: Meta::auto("ner-gazetteer", conf),
        extra: Extra::new(),
    }
}

/// Realistic annotations of `article` as the extractor would make them (all `auto`): actors
/// with mentions, claims with source, cue and content, and stances. Built by finding phrases,
/// so on another text the spans that are not found come out empty.
pub fn sample_document(article: &Article) -> Document {
    let t = article.text.as_str();
    let mut doc = Document::new(article.meta());
    let mut rasmussen = actor(
        "a1",
        "Anders Rasmussen",
        ActorKind::Person,
        vec![
            find(t, "Anders Rasmussen", 0),
            find(t, "Anders Rasmussen", 1),
            find(t, "Rasmussen mentioned", 0),
            find(t, "Rasmussen also", 0),
        ],
        0.93,
    );
    for m in rasmussen.mentions.iter_mut().skip(2) {
        *m = Span::from_chars(t, m.start, m.start + "Rasmussen".len());
    }
    rasmussen.role = Some("Former NATO Secretary General".into());
    rasmussen.aliases = vec!["Rasmussen".into()];
    doc.actors.push(rasmussen);
    doc.actors.push(actor(
        "a2",
        "Jens Stoltenberg",
        ActorKind::Person,
        vec![find(t, "Jens Stoltenberg", 0)],
        0.95,
    ));
    doc.actors.push(actor(
        "a3",
        "NATO",
        ActorKind::Organization,
        (0..6).map(|i| find(t, "NATO", i)).collect(),
        0.88,
    ));
    doc.actors.push(actor(
        "a4",
        "Ukraine",
        ActorKind::Country,
        (0..5).map(|i| find(t, "Ukraine", i)).collect(),
        0.9,
    ));
    doc.actors.push(actor(
        "a5",
        "Poland",
        ActorKind::Country,
        vec![find(t, "Poland", 0), find(t, "Poland", 1)],
        0.9,
    ));
    doc.actors.push(actor(
        "a6",
        "Russia",
        ActorKind::Country,
        vec![find(t, "Russia", 0)],
        0.87,
    ));
    doc.actors.push(actor(
        "a7",
        "United States",
        ActorKind::Country,
        vec![find(t, "the United States", 0)],
        0.61,
    ));
    let claim =
        |id: &str, actor: &str, source: Span, cue: Span, content: Span, kind, rule: &str, conf| {
            Claim {
                id: id.into(),
                actor: Some(actor.into()),
                source: Some(source),
                cue: Some(cue),
                content,
                kind,
                meta: Meta::auto(rule, conf),
                extra: Extra::new(),
            }
        };
    doc.claims.push(claim(
        "c1",
        "a1",
        find(t, "Anders Rasmussen", 0),
        find(t, "says", 0),
        find(
            t,
            "it is very likely that countries such as Poland support Ukraine by sending ground troops to fight against Russia",
            0,
        ),
        ClaimKind::Indirect,
        "verb-that",
        0.86,
    ));
    doc.claims.push(claim(
        "c2",
        "a1",
        find(t, "Anders Rasmussen", 1),
        find(t, "stated", 0),
        find(
            t,
            "A group of NATO countries might take individual action by deploying in Ukraine",
            0,
        ),
        ClaimKind::Indirect,
        "clause-stated",
        0.64,
    ));
    doc.claims.push(claim(
        "c3",
        "a1",
        find(t, "Rasmussen mentioned", 0),
        find(t, "mentioned that", 0),
        find(
            t,
            "Poland has been actively assisting Ukraine and could potentially increase its engagement",
            0,
        ),
        ClaimKind::Indirect,
        "verb-that",
        0.9,
    ));
    let mut c3_source = doc.claims[2].source.clone().unwrap_or_default();
    c3_source = Span::from_chars(t, c3_source.start, c3_source.start + "Rasmussen".len());
    doc.claims[2].source = Some(c3_source);
    let mut c3_cue = doc.claims[2].cue.clone().unwrap_or_default();
    c3_cue = Span::from_chars(t, c3_cue.start, c3_cue.start + "mentioned".len());
    doc.claims[2].cue = Some(c3_cue);
    doc.claims.push(claim(
        "c4",
        "a1",
        find(t, "He emphasized", 0),
        find(t, "emphasized", 0),
        find(t, "the importance of security guarantees", 0),
        ClaimKind::Indirect,
        "verb-object",
        0.58,
    ));
    doc.claims[3].source = Some(find(t, "He", 0));
    doc.claims.push(claim(
        "c5",
        "a2",
        find(t, "Jens Stoltenberg", 0),
        find(t, "stated at a conference", 0),
        find(
            t,
            "the Western military alliance's members are divided on what to do regarding Ukraine's bid to join",
            0,
        ),
        ClaimKind::Indirect,
        "verb-that",
        0.88,
    ));
    doc.claims.push(claim(
        "c6",
        "a2",
        find(t, "he said", 0),
        find(t, "said", 0),
        find(
            t,
            "On that issue, there are different views in the alliance and of course, the only way to make decisions in NATO is by consensus",
            0,
        ),
        ClaimKind::Direct,
        "quote-said",
        0.97,
    ));
    doc.claims[5].source = Some(Span::from_chars(
        t,
        find(t, "he said", 0).start,
        find(t, "he said", 0).start + 2,
    ));
    doc.claims[5].cue = Some(Span::from_chars(
        t,
        find(t, "he said", 0).start + 3,
        find(t, "he said", 0).end,
    ));
    let stance =
        |id: &str, actor: &str, target: &str, polarity, evidence: Span, claim: &str, conf| Stance {
            id: id.into(),
            actor: actor.into(),
            target: target.into(),
            polarity,
            evidence: Some(evidence),
            claim: Some(claim.into()),
            meta: Meta::auto("claim-polarity", conf),
            extra: Extra::new(),
        };
    doc.stances.push(stance(
        "s1",
        "a1",
        "troops in Ukraine",
        Polarity::Support,
        doc.claims[0].content.clone(),
        "c1",
        0.62,
    ));
    doc.stances.push(stance(
        "s2",
        "a1",
        "Ukraine's NATO membership",
        Polarity::Support,
        find(
            t,
            "the issue of Ukraine's NATO membership would be raised at the summit",
            0,
        ),
        "c2",
        0.55,
    ));
    doc.stances.push(stance(
        "s3",
        "a2",
        "Ukraine's NATO membership",
        Polarity::Neutral,
        doc.claims[4].content.clone(),
        "c5",
        0.7,
    ));
    doc
}

/// `sample_document` with tags, for the tag filter: claims c2, c4 and c5 `approximate` (the
/// tag re-anchoring gives), claim c4 and actor a1 `check`.
pub fn tagged_document(article: &Article) -> Document {
    let mut doc = sample_document(article);
    let approximate = crate::store::reanchor::APPROXIMATE_TAG.to_string();
    for i in [1, 3, 4] {
        doc.claims[i].meta.tags.push(approximate.clone());
    }
    doc.claims[3].meta.tags.push("check".into());
    doc.actors[0].meta.tags.push("check".into());
    doc
}
