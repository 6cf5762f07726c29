//! CSV: one row per claim, and a second file with one row per stance, RFC 4180 (fields quoted
//! where needed, quotes doubled, CRLF line ends) so any spreadsheet opens them.

use crate::model::Document;

/// One RFC 4180 field.
pub fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// One RFC 4180 record, CRLF included.
pub fn record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

pub const CLAIM_HEADER: [&str; 11] = [
    "article",
    "claim",
    "speaker",
    "actor",
    "actor_kind",
    "source",
    "cue",
    "content",
    "kind",
    "status",
    "tags",
];

pub const STANCE_HEADER: [&str; 9] = [
    "article", "stance", "actor", "target", "polarity", "evidence", "claim", "status", "tags",
];

/// The claims of (filtered) documents: speaker is the actor's name, else the source text.
pub fn claims_csv(docs: &[&Document]) -> String {
    let mut out = record(&CLAIM_HEADER);
    for doc in docs {
        for c in &doc.claims {
            let actor = c.actor.as_deref().and_then(|id| doc.actor(id));
            let source = c
                .source
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default();
            let speaker = actor
                .map(|a| a.name.clone())
                .unwrap_or_else(|| source.clone());
            out.push_str(&record(&[
                doc.article.id.clone(),
                c.id.clone(),
                speaker,
                actor.map(|a| a.id.clone()).unwrap_or_default(),
                actor
                    .map(|a| a.kind.as_str().to_string())
                    .unwrap_or_default(),
                source,
                c.cue.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
                c.content.text.clone(),
                c.kind.as_str().to_string(),
                c.meta.status.as_str().to_string(),
                c.meta.tags.join("; "),
            ]));
        }
    }
    out
}

/// The stances of (filtered) documents.
pub fn stances_csv(docs: &[&Document]) -> String {
    let mut out = record(&STANCE_HEADER);
    for doc in docs {
        for s in &doc.stances {
            let actor = doc
                .actor(&s.actor)
                .map_or_else(|| s.actor.clone(), |a| a.name.clone());
            out.push_str(&record(&[
                doc.article.id.clone(),
                s.id.clone(),
                actor,
                s.target.clone(),
                s.polarity.as_str().to_string(),
                s.evidence
                    .as_ref()
                    .map(|e| e.text.clone())
                    .unwrap_or_default(),
                s.claim.clone().unwrap_or_default(),
                s.meta.status.as_str().to_string(),
                s.meta.tags.join("; "),
            ]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_fields_with_commas_quotes_and_breaks() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(record(&["x", "y,z"]), "x,\"y,z\"\r\n");
    }
}
