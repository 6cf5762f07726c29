//! CSV: one row per claim, and a second file with one row per stance, RFC 4180 (fields quoted
//! where needed, quotes doubled, CRLF line ends) so any spreadsheet opens them.
//!
//! Article text and notes are untrusted, and a spreadsheet runs a cell starting with `=`, `+`,
//! `-`, `@`, a tab or a line break as a formula (OWASP "CSV injection"). Every field goes
//! through [`guard`]: such a cell gets a `'` in front, which spreadsheets show as text. Plain
//! numbers (`-3`, `0.25`) are left alone, so numeric columns stay numbers. The rule is exactly
//! reversible ([`unguard`]): a cell starting with `'` is guarded too, so removing one leading
//! `'` from any cell that has one gives the original value back.

use std::borrow::Cow;

use crate::model::Document;

/// First chars that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// A cell safe to open in a spreadsheet: `'` in front of one that starts with `'`, or with a
/// formula char unless it is a plain number or that char alone (neither can hold a formula).
pub fn guard(value: &str) -> Cow<'_, str> {
    let mut chars = value.chars();
    let risky = match chars.next() {
        Some('\'') => true,
        Some(c) => FORMULA_STARTS.contains(&c) && chars.next().is_some() && !is_plain_number(value),
        None => false,
    };
    if risky {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// The value a [`guard`]ed cell was made from.
pub fn unguard(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// `-?digits(.digits)?([eE][+-]?digits)?`: what a spreadsheet reads as a number, not a formula.
fn is_plain_number(value: &str) -> bool {
    fn digits(s: &str) -> &str {
        s.trim_start_matches(|c: char| c.is_ascii_digit())
    }
    let unsigned = value.strip_prefix('-').unwrap_or(value);
    let rest = digits(unsigned);
    if rest.len() == unsigned.len() {
        return false;
    }
    let rest = match rest.strip_prefix('.') {
        Some(fraction) if digits(fraction).len() < fraction.len() => digits(fraction),
        Some(_) => return false,
        None => rest,
    };
    match rest.strip_prefix(['e', 'E']) {
        Some(exponent) => {
            let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            !exponent.is_empty() && digits(exponent).is_empty()
        }
        None => rest.is_empty(),
    }
}

/// One RFC 4180 field, [`guard`]ed.
pub fn field(value: &str) -> String {
    let value = guard(value);
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.into_owned()
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
        let by_id = doc.actors_by_id();
        for c in &doc.claims {
            let actor = c.actor.as_deref().and_then(|id| by_id.get(id).copied());
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
        let by_id = doc.actors_by_id();
        for s in &doc.stances {
            let actor = by_id
                .get(s.actor.as_str())
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

    #[test]
    fn cells_starting_a_formula_are_guarded() {
        for cell in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "=1",
        ] {
            assert_eq!(guard(cell), format!("'{cell}"), "{cell:?}");
        }
        assert_eq!(field("\r=1"), "\"'\r=1\"");
        assert_eq!(field("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
    }

    #[test]
    fn plain_numbers_stay_numbers() {
        for cell in ["-3", "0.25", "-0.5", "12", "-1e5", "2.5E-3"] {
            assert_eq!(guard(cell), cell, "{cell:?}");
        }
        for cell in ["-.5", "-1-1", "-1e", "-1.", "-e5", "-0x10", "-1e+"] {
            assert_eq!(guard(cell), format!("'{cell}"), "{cell:?}");
        }
    }

    #[test]
    fn ordinary_text_and_single_chars_are_left_alone() {
        for cell in ["Erdoğan said", "a-b", "x=y", "", "+", "−", "±", "0"] {
            assert_eq!(guard(cell), cell, "{cell:?}");
        }
    }

    #[test]
    fn claim_text_and_tags_are_guarded_in_the_claims_file() {
        use crate::model::{ArticleMeta, Claim, ClaimKind, Extra, Meta, Span};
        let text = "=HYPERLINK(\"http://evil\") said.";
        let mut doc = Document::new(ArticleMeta {
            id: "a".into(),
            ..ArticleMeta::default()
        });
        let mut meta = Meta::manual();
        meta.tags = vec!["@risk".into()];
        doc.claims.push(Claim {
            id: "c1".into(),
            actor: None,
            source: None,
            cue: None,
            content: Span::from_chars(text, 0, 25),
            kind: ClaimKind::Direct,
            meta,
            extra: Extra::new(),
        });
        let csv = claims_csv(&[&doc]);
        let row = csv.lines().nth(1).expect("one claim row");
        assert!(
            row.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",") && row.ends_with(",'@risk"),
            "{row}"
        );
    }

    proptest::proptest! {
        #[test]
        fn guarded_cells_never_start_a_formula_and_unguard_exactly(value in "[-=+@\t\r'0-9.eE ax]{0,6}") {
            let cell = guard(&value);
            proptest::prop_assert_eq!(unguard(&cell), value.as_str());
            let formula = cell.starts_with(FORMULA_STARTS) && cell.chars().count() > 1;
            proptest::prop_assert!(!formula || is_plain_number(&cell), "{:?} -> {:?}", value, cell);
        }
    }

    #[test]
    fn unguard_gives_back_every_value() {
        for value in [
            "=1+1", "'=1+1", "'", "''", "'Tis", "-3", "-x", "plain", "+", "", "@",
        ] {
            assert_eq!(unguard(&guard(value)), value, "{value:?}");
        }
    }
}
