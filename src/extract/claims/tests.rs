//! Behaviour of the claims layer on small texts, the sample article, and arbitrary input.

use proptest::prelude::*;

use super::find_claims;
use crate::extract::Context;
use crate::model::{Claim, ClaimKind};

fn claims(text: &str) -> Vec<Claim> {
    find_claims(&Context::new(text))
}

fn roles(c: &Claim) -> (Option<&str>, Option<&str>, &str) {
    (
        c.source.as_ref().map(|s| s.text.as_str()),
        c.cue.as_ref().map(|s| s.text.as_str()),
        c.content.text.as_str(),
    )
}

fn find<'c>(cs: &'c [Claim], cue: &str) -> &'c Claim {
    cs.iter()
        .find(|c| c.cue.as_ref().is_some_and(|q| q.text == cue))
        .unwrap_or_else(|| panic!("no claim with cue {cue:?} in {cs:#?}"))
}

#[test]
fn said_that_keeps_that_and_drops_the_period() {
    let cs = claims("The talks went on. He said that the plan would fail.");
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (Some("He"), Some("said"), "that the plan would fail")
    );
    assert_eq!(c.meta.rule.as_deref(), Some("said-that"));
}

#[test]
fn quote_before_the_cue_keeps_its_marks_and_comma() {
    let cs = claims("It rained. \"We will win,\" Smith said.");
    let c = find(&cs, "said");
    assert_eq!(roles(c), (Some("Smith"), Some("said"), "\"We will win,\""));
    assert_eq!(c.kind, ClaimKind::Direct);
}

#[test]
fn interrupted_quote_is_one_discontinuous_content() {
    let cs = claims("It rained. \"We will go,\" he said, \"and we will win.\"");
    let c = find(&cs, "said");
    assert_eq!(c.source.as_ref().map(|s| s.text.as_str()), Some("he"));
    assert_eq!(c.content.pieces().len(), 2);
    assert_eq!(c.content.text, "\"We will go,\" … \"and we will win.\"");
}

#[test]
fn inverted_cue_takes_the_source_after_it() {
    let cs = claims("It rained. \"The economy is strong,\" said Jones.");
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (Some("Jones"), Some("said"), "\"The economy is strong,\"")
    );
    assert_eq!(c.meta.rule.as_deref(), Some("inverted"));
}

#[test]
fn according_to_reads_source_then_content() {
    let cs = claims("It rained. According to officials, the talks failed.");
    let c = find(&cs, "According to");
    assert_eq!(
        roles(c),
        (Some("officials"), Some("According to"), "the talks failed")
    );
}

#[test]
fn participle_inherits_the_speaker() {
    let cs =
        claims("It rained. Smith said the deal was done, adding that more talks would follow.");
    let said = find(&cs, "said");
    assert_eq!(said.content.text, "the deal was done");
    let adding = find(&cs, "adding");
    assert_eq!(
        roles(adding),
        (
            Some("Smith"),
            Some("adding"),
            "that more talks would follow"
        )
    );
}

#[test]
fn appositive_belongs_to_the_source() {
    let cs = claims("It rained. Kerr Putney, the police chief, said that the footage was unclear.");
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (
            Some("Kerr Putney, the police chief,"),
            Some("said"),
            "that the footage was unclear"
        )
    );
}

#[test]
fn headline_colon_names_the_source() {
    let cs = claims("Clinton camp: Trump threatens national security\nBody text here.");
    let c = find(&cs, ":");
    assert_eq!(
        roles(c),
        (
            Some("Clinton camp"),
            Some(":"),
            "Trump threatens national security"
        )
    );
    assert_eq!(c.kind, ClaimKind::Headline);
}

#[test]
fn ids_follow_reading_order() {
    let cs = claims("Smith said it rained. Jones said it snowed. Lee said it was hot.");
    let ids: Vec<&str> = cs.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c2", "c3"]);
    assert!(
        cs.windows(2)
            .all(|w| w[0].content.start < w[1].content.start)
    );
    assert!(cs.iter().all(|c| c.actor.is_none()));
}

#[test]
fn sample_article_yields_its_reported_statements() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_a00d91becb0c72f2.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("note: seed article absent, skipping");
        return;
    };
    let cs = claims(&text);
    for c in &cs {
        eprintln!("{:?} {:?}", c.meta.rule, roles(c));
    }
    assert!(cs.len() >= 12, "only {} claims", cs.len());
    let pronoun = cs
        .iter()
        .filter(|c| {
            c.source
                .as_ref()
                .is_some_and(|s| s.text == "he" || s.text == "He")
        })
        .count();
    assert!(pronoun >= 3, "{pronoun} pronoun sources");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_and_spans_stay_inside(text in "(\\PC|[\"“”'’:,.\n ]|said|according to| he |, adding that ){0,120}") {
        let chars = text.chars().count();
        let cs = claims(&text);
        for (i, c) in cs.iter().enumerate() {
            prop_assert_eq!(&c.id, &format!("c{}", i + 1));
            let spans = [Some(&c.content), c.source.as_ref(), c.cue.as_ref()];
            for s in spans.into_iter().flatten() {
                prop_assert!(s.start <= s.end && s.end <= chars);
                for p in s.pieces() {
                    prop_assert!(p.start <= p.end && p.end <= chars);
                }
            }
        }
    }
}

#[test]
fn survives_hostile_text() {
    let long_line = "word ".repeat(20_000);
    let quotes = "\"".repeat(501);
    let said = "said ".repeat(3000);
    for text in [
        "",
        " ",
        "\"",
        "“",
        "''",
        ":",
        "said",
        "According to",
        long_line.as_str(),
        quotes.as_str(),
        said.as_str(),
        "HE SAID THAT IT WAS OVER. \"NO,\" SAID SMITH",
        "\u{1b}[2J\u{0}\u{7}said\u{202e}that",
        "قال إن \"الخطة\" فشلت",
        "他说：“计划失败了。”",
        ", adding that",
        "\"A,\" he said, \"",
    ] {
        let _ = claims(text);
    }
}
