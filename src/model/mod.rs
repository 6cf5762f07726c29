//! The annotation document: actors, claims and stances over one article.
//!
//! This is the `gloss/1` file format, a contract other tools read (see `docs/FORMAT.md` and
//! `annotations/schema.json`). Field order here is the key order on disk; unknown fields from a
//! newer gloss are kept in `extra` and written back unchanged.

mod span;

pub use span::Span;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The format tag written to every file. The major version is the number after the slash.
pub const FORMAT: &str = "gloss/1";
/// The major version this build reads and writes.
pub const FORMAT_MAJOR: u32 = 1;

/// Unknown fields, kept in their original order.
pub type Extra = Map<String, Value>;

/// One annotation document: everything gloss knows about one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub article: ArticleMeta,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub stances: Vec<Stance>,
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What identifies the article the annotations belong to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub id: String,
    #[serde(default)]
    pub title: String,
    /// Where the article came from: a path, a URL, `-` for standard input.
    #[serde(default)]
    pub source: String,
    /// SHA-256 (lower-case hex) of the normalised article text the offsets refer to.
    pub sha256: String,
    /// Length of that text in Unicode code points.
    pub chars: usize,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Review state of one annotation. `Rejected` items stay in the file; every reader treats them
/// as absent.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Made by the extractor, not yet reviewed.
    #[default]
    Auto,
    Accepted,
    Edited,
    Rejected,
    /// Made by hand.
    Manual,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Auto,
        Status::Accepted,
        Status::Edited,
        Status::Rejected,
        Status::Manual,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Auto => "auto",
            Status::Accepted => "accepted",
            Status::Edited => "edited",
            Status::Rejected => "rejected",
            Status::Manual => "manual",
        }
    }

    /// A person has looked at it (accepted, edited, rejected or made it).
    pub fn is_reviewed(self) -> bool {
        self != Status::Auto
    }
}

/// Fields every annotation carries: review status and provenance.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Meta {
    #[serde(default)]
    pub status: Status,
    /// The extractor's confidence in [0, 1], where it made the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// The extractor rule that made the item, for explanations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
}

impl Meta {
    /// Meta for an item the extractor made.
    pub fn auto(rule: impl Into<String>, confidence: f64) -> Self {
        Meta {
            status: Status::Auto,
            confidence: Some(confidence),
            rule: Some(rule.into()),
            ..Meta::default()
        }
    }

    /// Meta for an item a person made.
    pub fn manual() -> Self {
        Meta {
            status: Status::Manual,
            ..Meta::default()
        }
    }

    pub fn is_rejected(&self) -> bool {
        self.status == Status::Rejected
    }

    /// Whether the extractor made the item with less than even confidence and nobody has
    /// reviewed it yet: the items most worth a look.
    pub fn is_unsure(&self) -> bool {
        self.status == Status::Auto && self.confidence.is_some_and(|c| c < UNSURE_BELOW)
    }
}

/// An unreviewed item with a confidence below this is unsure (`Meta::is_unsure`).
pub const UNSURE_BELOW: f64 = 0.5;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Country,
    Place,
    Group,
    #[default]
    Other,
}

impl ActorKind {
    pub const ALL: [ActorKind; 6] = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Country,
        ActorKind::Place,
        ActorKind::Group,
        ActorKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Country => "country",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
            ActorKind::Other => "other",
        }
    }

    /// The CoNLL label this kind is scored as (person → PER, organization → ORG,
    /// country and place → LOC); groups and others are not scored.
    pub fn conll_label(self) -> Option<&'static str> {
        match self {
            ActorKind::Person => Some("PER"),
            ActorKind::Organization => Some("ORG"),
            ActorKind::Country | ActorKind::Place => Some("LOC"),
            ActorKind::Group | ActorKind::Other => None,
        }
    }
}

/// A person, organisation, country, place or group that is mentioned, speaks or takes a stance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Title or role split off the name ("Former NATO Secretary General").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default)]
    pub mentions: Vec<Span>,
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Quoted speech.
    Direct,
    /// Reported (paraphrased) speech or belief.
    #[default]
    Indirect,
    /// Partly quoted, partly paraphrased.
    Mixed,
    /// A headline attribution ("C: Former chief").
    Headline,
    Other,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 5] = [
        ClaimKind::Direct,
        ClaimKind::Indirect,
        ClaimKind::Mixed,
        ClaimKind::Headline,
        ClaimKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
            ClaimKind::Headline => "headline",
            ClaimKind::Other => "other",
        }
    }
}

/// An attribution: a source says (believes, finds, ...) some content, through a cue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    /// The actor the source mention resolves to.
    #[serde(default)]
    pub actor: Option<String>,
    /// The mention that speaks ("he", "Rasmussen", "a source"); null when unattributed.
    #[serde(default)]
    pub source: Option<Span>,
    /// The reporting expression ("said", "according to", "told reporters").
    #[serde(default)]
    pub cue: Option<Span>,
    /// What is said; discontinuous when a quote is interrupted.
    pub content: Span,
    #[serde(default)]
    pub kind: ClaimKind,
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Support,
    Oppose,
    #[default]
    Neutral,
}

impl Polarity {
    pub const ALL: [Polarity; 3] = [Polarity::Support, Polarity::Oppose, Polarity::Neutral];

    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Support => "support",
            Polarity::Oppose => "oppose",
            Polarity::Neutral => "neutral",
        }
    }
}

/// An actor's position on a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    pub id: String,
    pub actor: String,
    /// A short normalised phrase ("Ukraine's NATO membership"); equal strings are one target.
    pub target: String,
    #[serde(default)]
    pub polarity: Polarity,
    #[serde(default)]
    pub evidence: Option<Span>,
    /// The claim the stance was read from, where there is one.
    #[serde(default)]
    pub claim: Option<String>,
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Document {
    /// An empty document for an article.
    pub fn new(article: ArticleMeta) -> Self {
        Document {
            format: FORMAT.to_string(),
            article,
            actors: Vec::new(),
            claims: Vec::new(),
            stances: Vec::new(),
            labels: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// The actor with id `id` (the first, should two share it). It reads the list from the
    /// front: code that looks up the actor of every claim or stance uses `actors_by_id`.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// Every actor by id, answering as `actor` does (of two sharing an id, the first).
    pub fn actors_by_id(&self) -> std::collections::HashMap<&str, &Actor> {
        // Later entries replace earlier ones: reversed, the first actor of an id stays.
        self.actors
            .iter()
            .rev()
            .map(|a| (a.id.as_str(), a))
            .collect()
    }

    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    pub fn stance(&self, id: &str) -> Option<&Stance> {
        self.stances.iter().find(|s| s.id == id)
    }

    /// Actors that are not rejected.
    pub fn live_actors(&self) -> impl Iterator<Item = &Actor> {
        self.actors.iter().filter(|a| !a.meta.is_rejected())
    }

    /// Claims that are not rejected.
    pub fn live_claims(&self) -> impl Iterator<Item = &Claim> {
        self.claims.iter().filter(|c| !c.meta.is_rejected())
    }

    /// Stances that are not rejected.
    pub fn live_stances(&self) -> impl Iterator<Item = &Stance> {
        self.stances.iter().filter(|s| !s.meta.is_rejected())
    }

    /// The next free id with this prefix ("a", "c", "s"): one past the highest number in use.
    pub fn next_id(&self, prefix: &str) -> String {
        let ids: Box<dyn Iterator<Item = &str>> = match prefix {
            "a" => Box::new(self.actors.iter().map(|a| a.id.as_str())),
            "c" => Box::new(self.claims.iter().map(|c| c.id.as_str())),
            _ => Box::new(self.stances.iter().map(|s| s.id.as_str())),
        };
        let max = ids
            .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{}", max + 1)
    }

    /// The major version of this document's format tag, if it is a gloss tag.
    pub fn format_major(&self) -> Option<u32> {
        format_major(&self.format)
    }
}

/// The major version of a `gloss/N[.M]` format tag.
pub fn format_major(tag: &str) -> Option<u32> {
    let version = tag.strip_prefix("gloss/")?;
    version.split('.').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let text = "Rasmussen said it was likely.";
        let mut doc = Document::new(ArticleMeta {
            id: "t".into(),
            title: "T".into(),
            source: "t.txt".into(),
            sha256: "00".into(),
            chars: text.chars().count(),
            extra: Extra::new(),
        });
        doc.actors.push(Actor {
            id: "a1".into(),
            name: "Rasmussen".into(),
            kind: ActorKind::Person,
            aliases: vec![],
            role: None,
            mentions: vec![Span::from_chars(text, 0, 9)],
            meta: Meta::auto("ner", 0.9),
            extra: Extra::new(),
        });
        doc.claims.push(Claim {
            id: "c1".into(),
            actor: Some("a1".into()),
            source: Some(Span::from_chars(text, 0, 9)),
            cue: Some(Span::from_chars(text, 10, 14)),
            content: Span::from_chars(text, 15, 28),
            kind: ClaimKind::Indirect,
            meta: Meta::auto("said-that", 0.8),
            extra: Extra::new(),
        });
        doc
    }

    #[test]
    fn round_trips_through_json() {
        let doc = sample();
        let json = serde_json::to_string_pretty(&doc).expect("serialise");
        let back: Document = serde_json::from_str(&json).expect("parse");
        assert_eq!(doc, back);
    }

    #[test]
    fn keeps_unknown_fields_at_every_level() {
        let mut value = serde_json::to_value(sample()).expect("value");
        value["future"] = serde_json::json!({"x": 1});
        value["claims"][0]["weight"] = serde_json::json!(3);
        value["article"]["lang"] = serde_json::json!("en");
        let doc: Document = serde_json::from_value(value).expect("parse");
        assert_eq!(doc.extra["future"]["x"], 1);
        assert_eq!(doc.claims[0].extra["weight"], 3);
        assert_eq!(doc.article.extra["lang"], "en");
        assert_eq!(doc.claims[0].meta.status, Status::Auto);
        let again = serde_json::to_value(&doc).expect("value");
        assert_eq!(again["claims"][0]["weight"], 3);
        assert_eq!(again["claims"][0]["status"], "auto");
    }

    #[test]
    fn writes_keys_in_format_order() {
        let json = serde_json::to_string(&sample()).expect("serialise");
        let order = [
            "\"format\"",
            "\"article\"",
            "\"actors\"",
            "\"claims\"",
            "\"stances\"",
            "\"labels\"",
        ];
        let positions: Vec<usize> = order.iter().map(|k| json.find(k).expect("key")).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{json}");
    }

    #[test]
    fn actors_by_id_answers_as_actor_does() {
        let mut doc = sample();
        let mut twin = doc.actors[0].clone();
        twin.name = "Twin".into();
        doc.actors.push(twin);
        let mut other = doc.actors[0].clone();
        other.id = "a9".into();
        doc.actors.push(other);
        let by_id = doc.actors_by_id();
        assert_eq!(by_id.len(), 2);
        for id in ["a1", "a9", "a2", ""] {
            assert_eq!(
                by_id.get(id).map(|a| &a.name),
                doc.actor(id).map(|a| &a.name),
                "{id}"
            );
        }
        assert_ne!(by_id.get("a1").map(|a| a.name.as_str()), Some("Twin"));
    }

    #[test]
    fn next_id_skips_past_the_highest() {
        let mut doc = sample();
        doc.actors[0].id = "a7".into();
        assert_eq!(doc.next_id("a"), "a8");
        assert_eq!(doc.next_id("c"), "c2");
        assert_eq!(doc.next_id("s"), "s1");
    }

    #[test]
    fn reads_format_majors() {
        assert_eq!(format_major("gloss/1"), Some(1));
        assert_eq!(format_major("gloss/2.3"), Some(2));
        assert_eq!(format_major("other/1"), None);
    }
}
