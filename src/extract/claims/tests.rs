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

/// The source text of the claim whose cue starts with word `word` (where the words after it
/// are the cue-reach classifier's to decide: "refused to ban", "hoping for").
fn source_of_cue_from<'c>(cs: &'c [Claim], word: &str) -> Option<&'c str> {
    cs.iter()
        .find(|c| {
            c.cue
                .as_ref()
                .is_some_and(|q| q.text.split(' ').next() == Some(word))
        })
        .unwrap_or_else(|| panic!("no claim with a cue from {word:?} in {cs:#?}"))
        .source
        .as_ref()
        .map(|s| s.text.as_str())
}

/// The source text of the claim with cue `cue`.
fn source_of<'c>(cs: &'c [Claim], cue: &str) -> Option<&'c str> {
    find(cs, cue).source.as_ref().map(|s| s.text.as_str())
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
fn participle_after_a_subject_and_verb_takes_that_subject() {
    let cs = claims(
        "The talks went on. Colombian President Gustavo Petro went further, arguing that the region should stop drilling.",
    );
    assert_eq!(
        roles(find(&cs, "arguing")),
        (
            Some("Colombian President Gustavo Petro"),
            Some("arguing"),
            "that the region should stop drilling"
        )
    );
}

#[test]
fn participle_skips_a_leading_adverbial_to_find_its_subject() {
    let cs = claims(
        "The talks went on. On Tuesday, Petro walked out, arguing that the region should stop drilling.",
    );
    assert_eq!(
        find(&cs, "arguing")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("Petro")
    );
}

#[test]
fn participle_looks_past_a_dateline_for_its_subject() {
    let cs = claims(
        "BELÉM, Brazil — President Lula da Silva opened the summit, saying that the forest is no museum.",
    );
    assert_eq!(
        find(&cs, "saying").source.as_ref().map(|s| s.text.as_str()),
        Some("President Lula da Silva")
    );
}

#[test]
fn telling_verbs_leave_their_object_out_of_the_content() {
    let cs = claims("It rained. The senator told reporters the plan had failed.");
    let c = find(&cs, "told");
    assert_eq!(
        roles(c),
        (Some("The senator"), Some("told"), "the plan had failed")
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
fn passive_cue_makes_the_subject_content_and_by_phrase_source() {
    let cs = claims("It rained. The registration issue was first reported by The Washington Post.");
    let c = find(&cs, "was first reported by");
    assert_eq!(
        roles(c),
        (
            Some("The Washington Post"),
            Some("was first reported by"),
            "The registration issue"
        )
    );
    assert_eq!(c.meta.rule.as_deref(), Some("passive"));
}

#[test]
fn transcript_lines_name_their_speaker() {
    let text = "Partial transcript:\n\"WALLACE: Will she be there tomorrow night?\n\"PENCE: Well, look, she will not.";
    let cs = claims(text);
    let speakers: Vec<_> = cs
        .iter()
        .filter(|c| c.meta.rule.as_deref() == Some("transcript"))
        .map(|c| {
            (
                c.source.as_ref().map(|s| s.text.clone()),
                c.content.text.clone(),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        [
            (
                Some("WALLACE".to_string()),
                "Will she be there tomorrow night?".to_string()
            ),
            (
                Some("PENCE".to_string()),
                "Well, look, she will not.".to_string()
            ),
        ]
    );
}

#[test]
fn quote_paragraph_without_cue_continues_the_speaker() {
    let text = "Intro.\n\"We will win this,\" he said.\n\"And we will win it soon, before the winter comes.\"\nThe end.";
    let cs = claims(text);
    let c = find(&cs, "said");
    assert_eq!(c.content.pieces().len(), 2);
    assert!(
        c.content.text.ends_with("before the winter comes.\""),
        "{}",
        c.content.text
    );
}

#[test]
fn lone_quoted_paragraph_is_an_unattributed_claim() {
    let text = "Intro line here.\n\nThe crowd waited.\n\n\"We have waited for this day for a very long time.\"\n\nThe end came.";
    let cs = claims(text);
    let c = cs
        .iter()
        .find(|c| c.meta.rule.as_deref() == Some("unattributed-quote"))
        .unwrap_or_else(|| panic!("{cs:#?}"));
    assert!(c.source.is_none() && c.cue.is_none());
    assert_eq!(
        c.content.text,
        "\"We have waited for this day for a very long time.\""
    );
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

#[test]
fn text_without_periods_stays_linear() {
    // Every cue here could read to the end of the one endless sentence.
    let text = "Smith said that the plan failed, and ".repeat(3000);
    let started = std::time::Instant::now();
    let cs = claims(&text);
    assert!(cs.len() >= 1000);
    assert!(cs.iter().all(|c| c.content.text.len() < 2000));
    // Each claim here lies inside the previous one's content: the first stands.
    let cs = claims(&"Smith said that the plan ".repeat(3000));
    assert!(!cs.is_empty() && cs.len() < 1000);
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_clause_opening_pronoun_with_that_is_a_belief_claim() {
    let cs =
        claims("Talks went on. However, he believed that the issue would be raised at the summit.");
    let c = find(&cs, "believed");
    assert_eq!(c.source.as_ref().map(|s| s.text.as_str()), Some("he"));
    assert!(c.content.text.starts_with("that the issue would be raised"));
}

#[test]
fn a_nested_pronoun_clause_is_left_inside_the_outer_content() {
    let cs = claims("Talks went on. Smith said he thought that drugs were a factor.");
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "thought"))
    );
}

#[test]
fn a_quote_opened_in_indirect_content_runs_to_its_close_across_sentences() {
    let cs = claims(
        "It rained. He spoke, stressing that \"the question is what we decide? And it is too early to say.\"",
    );
    let c = find(&cs, "stressing");
    assert_eq!(
        c.content.text,
        "that \"the question is what we decide? And it is too early to say.\""
    );
    assert_eq!(c.kind, ClaimKind::Mixed);
}

#[test]
fn single_curly_quotes_pair_as_a_quote_and_apostrophes_do_not_close_it() {
    let cs =
        claims("It rained. ‘Nobody wants to be the one who says no to Ankara’s bread,’ she said.");
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (
            Some("she"),
            Some("said"),
            "‘Nobody wants to be the one who says no to Ankara’s bread,’"
        )
    );
    assert_eq!(c.kind, ClaimKind::Direct);
    // "says" inside the quote is no cue of its own.
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "says"))
    );
}

#[test]
fn double_quotes_inside_single_ones_stay_inside() {
    let cs = claims("It rained. ‘They called it “a clever move” at once,’ he said.");
    let c = find(&cs, "said");
    assert_eq!(c.content.text, "‘They called it “a clever move” at once,’");
}

#[test]
fn according_to_keeps_the_source_post_modifier_out_of_the_content() {
    let cs = claims(
        "It rained. The vote was delayed, according to three aides familiar with the negotiations.",
    );
    let c = find(&cs, "according to");
    assert_eq!(
        roles(c),
        (
            Some("three aides familiar with the negotiations"),
            Some("according to"),
            "The vote was delayed"
        )
    );
}

#[test]
fn a_leading_according_to_reads_its_source_to_the_comma() {
    let cs = claims(
        "It rained. According to a report released by the ministry on Friday, exports fell sharply.",
    );
    let c = find(&cs, "According to");
    assert_eq!(
        roles(c),
        (
            Some("a report released by the ministry on Friday"),
            Some("According to"),
            "exports fell sharply"
        )
    );
}

#[test]
fn a_trailing_according_to_after_a_quote_takes_the_clause_and_ends_the_inner_content() {
    let cs = claims(
        "It rained. The ministry said it was “ready to talk,” according to a note sent to lenders.",
    );
    let c = find(&cs, "according to");
    assert_eq!(
        roles(c),
        (
            Some("a note sent to lenders"),
            Some("according to"),
            "The ministry said it was “ready to talk,”"
        )
    );
    assert_eq!(find(&cs, "said").content.text, "it was “ready to talk,”");
}

#[test]
fn a_relative_clause_without_commas_stays_in_the_source() {
    let cs = claims(
        "It rained. A senior engineer who requested anonymity because the review was private said the bridge needed repairs.",
    );
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (
            Some("A senior engineer who requested anonymity because the review was private"),
            Some("said"),
            "the bridge needed repairs"
        )
    );
    // The relative clause's own claim stops before the main verb.
    assert!(
        cs.iter()
            .all(|c| !c.content.text.contains("said the bridge"))
    );
}

#[test]
fn a_relative_clause_between_commas_with_a_cue_of_its_own_stays_in_the_source() {
    let cs = claims(
        "It rained. The manager of the largest shop, who asked not to be named because he was not authorised to speak to the media, said sales had doubled.",
    );
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (
            Some(
                "The manager of the largest shop, who asked not to be named because he was not authorised to speak to the media,"
            ),
            Some("said"),
            "sales had doubled"
        )
    );
}

#[test]
fn a_head_with_its_own_relative_clause_before_one_between_commas_is_one_source() {
    let cs = claims(
        "It rained. A former contractor who worked on the migration, who spoke outside the hall, said the old system had failed.",
    );
    let c = find(&cs, "said");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some("A former contractor who worked on the migration, who spoke outside the hall,")
    );
}

#[test]
fn a_reported_aside_between_commas_is_no_appositive() {
    // "X, he said, ..." is not "X, <appositive>, said".
    let cs = claims("It rained. The senator, critics said, agreed that the plan would fail.");
    assert!(cs.iter().all(|c| {
        c.source
            .as_ref()
            .is_none_or(|s| !s.text.contains("critics said"))
    }));
}

#[test]
fn a_relative_clause_whose_verb_reports_speech_is_no_source() {
    let cs =
        claims("It rained. Those who said taxes were too high tended to support the challenger.");
    // "said" reports inside the relative clause; the phrase is no one's name.
    assert!(!cs.is_empty());
    assert!(cs.iter().all(|c| {
        c.source
            .as_ref()
            .is_none_or(|s| !s.text.starts_with("Those who said"))
    }));
}

#[test]
fn a_verb_phrase_before_a_by_participle_gives_the_clause_subject() {
    let cs = claims(
        "It rained. Mayor Ellen Park opened the council meeting on Monday by calling for calm.",
    );
    let c = find(&cs, "calling for");
    assert_eq!(
        roles(c),
        (Some("Mayor Ellen Park"), Some("calling for"), "calm")
    );
}

#[test]
fn a_past_verb_inside_the_phrase_before_a_cue_ends_the_source() {
    let cs = claims("It rained. White House aides started to portray the shooting as a crime.");
    let c = find(&cs, "to portray");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some("White House aides")
    );
}

#[test]
fn a_capitalised_may_after_a_name_is_part_of_the_source() {
    let cs = claims("It rained. Prime Minister Theresa May said the deal was fair.");
    let c = find(&cs, "said");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some("Prime Minister Theresa May")
    );
}

#[test]
fn an_object_before_that_is_left_out_of_the_content() {
    let cs =
        claims("It rained. The mayor told a crowd of angry residents that the water was safe.");
    let c = find(&cs, "told");
    assert_eq!(
        roles(c),
        (Some("The mayor"), Some("told"), "that the water was safe")
    );
}

#[test]
fn an_object_before_whether_is_left_out_of_the_content() {
    let cs = claims("It rained. The senator asked the witness whether the pump had failed.");
    let c = find(&cs, "asked");
    assert_eq!(c.content.text, "whether the pump had failed");
}

#[test]
fn which_after_a_preposition_is_not_part_of_the_content() {
    let cs = claims("It rained. She gave a speech in which she said the plan had failed.");
    let c = find(&cs, "said");
    assert_eq!(roles(c), (Some("she"), Some("said"), "the plan had failed"));
}

#[test]
fn a_dateline_is_neither_source_nor_content() {
    let cs = claims("LISBON (Reuters) - Prime Minister Costa said the budget would pass.");
    let c = find(&cs, "said");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some("Prime Minister Costa")
    );
    let cs = claims("BERLIN — Exports fell sharply, officials said.");
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (Some("officials"), Some("said"), "Exports fell sharply")
    );
}

#[test]
fn an_inverted_source_keeps_its_bracket_and_long_appositive() {
    let cs = claims(
        "It rained. “We will not back down,” said Rep. Ann Mills (D-Ore.), the ranking member of a committee that oversees water, energy, fisheries, ports and the budget of every river agency in the western half of the country.",
    );
    let c = find(&cs, "said");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some(
            "Rep. Ann Mills (D-Ore.), the ranking member of a committee that oversees water, energy, fisheries, ports and the budget of every river agency in the western half of the country"
        )
    );
}

#[test]
fn an_inverted_common_noun_source_keeps_its_closing_place_but_not_a_day() {
    let cs = claims("It rained. “The plan is dead,” said one source on the committee.");
    let c = find(&cs, "said");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some("one source on the committee")
    );
    let cs = claims("It rained. “The plan is dead,” said one source on Tuesday.");
    let c = find(&cs, "said");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some("one source")
    );
}

#[test]
fn a_quote_followed_by_another_attribution_is_the_whole_content() {
    let cs = claims(
        "Talks went on. He said: \"We are looking at the needs of the people,\" Mills said, going on to list the plans.",
    );
    let c = find(&cs, "said:");
    assert_eq!(
        c.content.text,
        "\"We are looking at the needs of the people,\""
    );
    assert_eq!(c.kind, ClaimKind::Direct);
}

#[test]
fn unquoted_text_after_the_attribution_does_not_resume_a_quote() {
    let cs = claims(
        "It rained. \"The members will begin work at once,\" they said, under the rules of the charter.",
    );
    let c = find(&cs, "said");
    assert_eq!(c.content.text, "\"The members will begin work at once,\"");
    assert_eq!(c.content.pieces().len(), 1);
}

#[test]
fn a_quote_resumes_after_an_adjunct_following_the_attribution() {
    let cs = claims(
        "It rained. \"We will not yield,\" Mayor Ruiz said during a rally in Fresno, Calif., \"and we will win.\"",
    );
    let c = find(&cs, "said");
    assert_eq!(
        c.content.text,
        "\"We will not yield,\" … \"and we will win.\""
    );
}

#[test]
fn an_unquoted_content_resumes_after_an_adjunct_following_the_attribution() {
    let cs =
        claims("It rained. These workers, Ruiz explained earlier in the hearing, were paid well.");
    let c = find(&cs, "explained");
    assert_eq!(c.content.text, "These workers … were paid well");
}

#[test]
fn a_cue_between_commas_interrupts_its_content_whatever_the_cue() {
    // "insists" is rarely seen after its content in train.
    let cs = claims("It rained. The whole plan, he insists, could be undone by one vote.");
    let c = find(&cs, "insists");
    assert_eq!(
        roles(c),
        (
            Some("he"),
            Some("insists"),
            "The whole plan … could be undone by one vote"
        )
    );
}

#[test]
fn a_contracted_auxiliary_goes_from_the_pronoun_source_to_the_cue() {
    let cs = claims("It rained. They've argued that the plan would fail.");
    let c = cs
        .iter()
        .find(|c| c.content.text == "that the plan would fail")
        .unwrap_or_else(|| panic!("no claim in {cs:#?}"));
    assert_eq!(
        (
            c.source.as_ref().map(|s| s.text.as_str()),
            c.cue.as_ref().map(|s| s.text.as_str())
        ),
        (Some("They"), Some("'ve argued"))
    );
}

#[test]
fn a_discourse_adverb_opening_the_sentence_is_not_content() {
    let cs = claims("It rained. Still, the plan would fail, the minister said.");
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (Some("the minister"), Some("said"), "the plan would fail")
    );
}

#[test]
fn a_content_opening_with_a_bare_preposition_makes_no_claim() {
    let cs = claims(
        "It rained. Kiev seeks at the upcoming summit in Vilnius a clear path to membership, the minister stated on Wednesday.",
    );
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "seeks"))
    );
}

#[test]
fn a_participle_of_belief_after_be_keeps_its_subject_as_source() {
    let cs = claims("It rained. The investor is convinced that the company will recover.");
    let c = find(&cs, "is convinced");
    assert_eq!(
        roles(c),
        (
            Some("The investor"),
            Some("is convinced"),
            "that the company will recover"
        )
    );
}

#[test]
fn a_colon_before_the_content_belongs_to_the_cue() {
    let cs = claims("The vote was close. The senator added: \"We will try again next year.\"");
    let c = find(&cs, "added:");
    assert_eq!(c.content.text, "\"We will try again next year.\"");
    // Without a colon the cue is the verb alone.
    let cs = claims("The vote was close. The senator added that they would try again.");
    find(&cs, "added");
}

#[test]
fn a_relative_clause_set_off_by_commas_ends_at_its_comma() {
    let cs = claims(
        "Few were ill. A survey by the inquiry, which he described as \"preliminary,\" \
         suggested that most homes were affected.",
    );
    let c = find(&cs, "described");
    // Not on into the main clause ("suggested that ...").
    assert_eq!(c.content.text, "which … as \"preliminary,\"");
}

#[test]
fn a_cue_inside_another_claims_content_is_part_of_what_is_said() {
    let cs = claims("It rained. She says it underscores that the plan is unfit.");
    assert!(find(&cs, "says").content.text.contains("underscores"));
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "underscores")),
        "{cs:#?}"
    );
}

#[test]
fn a_claim_opening_its_own_clause_after_a_conjunction_stays() {
    let cs = claims(
        "It rained. Officials emphasized that the reforms were not complete, and human rights groups warned that abuses continued.",
    );
    let warned = find(&cs, "warned");
    assert_eq!(
        warned.source.as_ref().map(|s| s.text.as_str()),
        Some("human rights groups")
    );
}

#[test]
fn a_statement_reported_according_to_a_source_keeps_its_own_speaker() {
    let cs = claims(
        "It rained. The United Nations said it stood ready to help, according to a statement issued in Geneva.",
    );
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some("The United Nations")
    );
    find(&cs, "according to");
}

#[test]
fn a_cue_inside_what_an_opening_according_to_reports_is_part_of_it() {
    // "’s position" is a cue in train (2 times in 7), but here it is inside Peskov's words.
    let cs = claims(
        "It rained. According to Peskov, Russia’s position had not changed: any new deal would have to address the old promises.",
    );
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(
        find(&cs, "According to")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("Peskov")
    );
}

#[test]
fn a_participle_takes_the_subject_after_a_long_opening_adverbial() {
    let cs = claims(
        "It rained. During a national security speech earlier in the day, Trump attacked Clinton for her record, saying that she was unstable.",
    );
    assert_eq!(
        find(&cs, "saying").source.as_ref().map(|s| s.text.as_str()),
        Some("Trump")
    );
    let cs = claims(
        "It rained. Chastened by the analyses, Trump revised his plan, promising to focus on average Americans.",
    );
    assert_eq!(
        find(&cs, "promising")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("Trump")
    );
}

#[test]
fn a_participles_subject_ends_at_its_verb_and_skips_a_hyphen_dateline() {
    let cs = claims(
        "BRUSSELS - European leaders gathered Friday to discuss the crisis, offering new defense efforts.",
    );
    assert_eq!(
        find(&cs, "offering")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("European leaders")
    );
    let cs = claims(
        "It rained. Hillary Clinton spoke out Tuesday, arguing that the epidemic should end.",
    );
    assert_eq!(
        find(&cs, "arguing")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("Hillary Clinton")
    );
    // The noun before a relative clause is the subject's head, not its verb.
    let cs = claims(
        "It rained. Central European leaders who met in Warsaw on Friday signed a letter, warning that the deal was weak.",
    );
    assert_eq!(
        find(&cs, "warning")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("Central European leaders")
    );
    // Two subjects joined by "and" share the verb, even one that reads as an adjective
    // elsewhere ("an order obtained by").
    let cs = claims(
        "It rained. The Teamsters and the Riverside Port Authority obtained a court order on Monday, warning that the strike would spread.",
    );
    assert_eq!(
        find(&cs, "warning")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("The Teamsters and the Riverside Port Authority")
    );
}

#[test]
fn a_participles_subject_takes_lower_case_nouns_up_to_its_verb_but_no_adverb() {
    let cs = claims(
        "It rained. A New York judge ruled against the request, saying the courts had no business there.",
    );
    assert_eq!(
        find(&cs, "saying").source.as_ref().map(|s| s.text.as_str()),
        Some("A New York judge")
    );
    let cs = claims(
        "It rained. Mr. Trump hardly clarified the matter, asserting that he paid his taxes.",
    );
    assert_eq!(
        find(&cs, "asserting")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("Mr. Trump")
    );
}

#[test]
fn an_aside_between_dashes_before_the_cue_is_part_of_the_source() {
    let cs = claims(
        "It rained. Kall -- co-editor of a book on the debates -- said the candidate liked announcements.",
    );
    assert_eq!(
        roles(find(&cs, "said")),
        (
            Some("Kall -- co-editor of a book on the debates --"),
            Some("said"),
            "the candidate liked announcements"
        )
    );
}

#[test]
fn an_inverted_source_may_open_with_a_lower_case_title_before_a_name() {
    let cs = claims("It rained. \"We will win,\" said longtime resident Mary Jones.");
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some("longtime resident Mary Jones")
    );
    // Not an adverb or a preposition after the cue.
    for text in [
        "It rained. \"We will win,\" said repeatedly Mary Jones.",
        "It rained. \"We will win,\" said of the plan Mary Jones.",
    ] {
        let cs = claims(text);
        assert!(
            cs.iter().all(|c| c
                .source
                .as_ref()
                .is_none_or(|s| !s.text.starts_with("repeatedly") && !s.text.starts_with("of"))),
            "{cs:#?}"
        );
    }
}

#[test]
fn a_conjoined_cue_shares_the_sentences_first_source() {
    let cs = claims(
        "It rained. Merrill says Machado promised to back the campaign and said she would stand up to the attacks.",
    );
    let said = find(&cs, "said");
    assert_eq!(
        said.source.as_ref().map(|s| s.text.as_str()),
        Some("Merrill")
    );
}

#[test]
fn after_an_opening_prepositional_phrase_the_name_before_the_cue_is_the_source() {
    let cs = claims("It rained. In a Bloomberg interview Trump declared that NATO was obsolete.");
    assert_eq!(
        find(&cs, "declared")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("Trump")
    );
    // A determiner keeps the phrase whole.
    let cs = claims("It rained. In July the FBI decided against recommending charges.");
    assert_eq!(
        find(&cs, "decided against")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("the FBI")
    );
}

#[test]
fn an_appositive_may_hold_an_abbreviation_and_run_long() {
    let cs = claims("It rained. “The veto will be overridden,” Mitch McConnell, R-Ky., said.");
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some("Mitch McConnell, R-Ky.,")
    );
    let cs = claims(
        "It rained. David Kamin, an outside adviser to the campaign on budget issues and an associate professor at New York University School of Law, said that the plan was sound.",
    );
    assert_eq!(find(&cs, "said").content.text, "that the plan was sound");
    assert!(
        find(&cs, "said")
            .source
            .as_ref()
            .is_some_and(|s| s.text.starts_with("David Kamin, an outside adviser"))
    );
}

#[test]
fn two_appositives_before_the_cue_keep_the_name_before_them() {
    let cs = claims(
        "It rained. Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Council, said the launch could not go unanswered.",
    );
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some(
            "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Council,"
        )
    );
}

#[test]
fn a_negated_quantifier_keeps_its_not() {
    let cs = claims("It rained. Not everyone believes that the plan will work.");
    assert_eq!(
        find(&cs, "believes")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("Not everyone")
    );
}

#[test]
fn an_ing_word_before_the_sources_noun_describes_it() {
    let cs =
        claims("It rained. Restructuring aside, restructuring experts say the judges move fast.");
    assert_eq!(
        find(&cs, "say").source.as_ref().map(|s| s.text.as_str()),
        Some("restructuring experts")
    );
    // A participle opening a clause is still left out.
    let cs =
        claims("It rained. Then facing pressure from donors Cruz said he would back the nominee.");
    assert!(
        find(&cs, "said")
            .source
            .as_ref()
            .is_none_or(|s| !s.text.contains("facing")),
        "{cs:#?}"
    );
}

#[test]
fn a_plural_possessive_apostrophe_does_not_end_the_source() {
    let cs = claims(
        "It rained. Rucker Culpepper, who runs the effort for military veterans' families, \
         said, \"Trump has been disrespecting our veterans.\"",
    );
    let c = find(&cs, "said");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some("Rucker Culpepper, who runs the effort for military veterans' families,")
    );
    // A single quote around a word is still a quote, not a possessive.
    let cs = claims("It rained. The senators' aides said the 'deplorables' remark hurt.");
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (
            Some("The senators' aides"),
            Some("said"),
            "the 'deplorables' remark hurt"
        )
    );
}

#[test]
fn a_conjoined_cue_finds_the_subject_past_a_possessive_an_appositive_or_a_time() {
    // The apostrophe of a plural possessive is part of the subject.
    let cs = claims(
        "It rained. Sanders’ campaign launched a $1.5 million ad buy in California and \
         announced it would seek a recanvass.",
    );
    assert_eq!(
        roles(find(&cs, "announced")),
        (
            Some("Sanders’ campaign"),
            Some("announced"),
            "it would seek a recanvass"
        )
    );
    // A name and its appositive keep the closing comma.
    let cs = claims(
        "It rained. Gary Emineth, a former state party chairman, became a delegate and said \
         he is leaning toward supporting Trump.",
    );
    assert_eq!(
        source_of(&cs, "said"),
        Some("Gary Emineth, a former state party chairman,")
    );
    // A time between the conjunction and the cue.
    let cs = claims(
        "It rained. The columnist Ruth Marcus has been critical of Mr. Trump but on Tuesday \
         wrote that she agreed with him.",
    );
    assert_eq!(
        roles(find(&cs, "wrote")),
        (
            Some("The columnist Ruth Marcus"),
            Some("wrote"),
            "that she agreed with him"
        )
    );
}

#[test]
fn a_quote_before_the_speaker_is_the_contents_of_a_cue_followed_by_another() {
    // The "that" after "adding" is that cue's, not "responded"'s.
    let cs = claims(
        "It rained. “You don’t win by how many states you win,” Rubio responded before \
         adding that he will have to win some states.",
    );
    assert_eq!(
        roles(find(&cs, "responded")),
        (
            Some("Rubio"),
            Some("responded"),
            "“You don’t win by how many states you win,”"
        )
    );
    assert_eq!(source_of(&cs, "adding"), Some("Rubio"));
}

#[test]
fn a_participle_after_an_en_dash_continues_the_speaker() {
    let cs = claims(
        "It rained. Marco Rubio flipped his choice on the spot – saying he was rooting for \
         Peyton Manning.",
    );
    assert_eq!(
        roles(find(&cs, "saying")),
        (
            Some("Marco Rubio"),
            Some("saying"),
            "he was rooting for Peyton Manning"
        )
    );
}

#[test]
fn a_name_with_a_chain_of_appositives_is_the_source() {
    let cs = claims(
        "It rained. “Both scare me,” Harry Bond, 30, of Raleigh, N.C., who was among those \
         polled, said in an interview.",
    );
    assert_eq!(
        source_of(&cs, "said"),
        Some("Harry Bond, 30, of Raleigh, N.C., who was among those polled,")
    );
    let cs = claims(
        "It rained. Senator Bob Corker, a Tennessee Republican who has met privately with \
         Mr. Trump and been mentioned as a vice-presidential choice, said there could be a line.",
    );
    assert_eq!(
        roles(find(&cs, "said")),
        (
            Some(
                "Senator Bob Corker, a Tennessee Republican who has met privately with Mr. \
                 Trump and been mentioned as a vice-presidential choice,"
            ),
            Some("said"),
            "there could be a line"
        )
    );
    // An opening time phrase and its comma are no part of it.
    let cs = claims(
        "It rained. Just last week, J.J. Goldberg, editor at large of The Forward, wrote that \
         the war was lost.",
    );
    assert_eq!(
        source_of(&cs, "wrote"),
        Some("J.J. Goldberg, editor at large of The Forward,")
    );
    // After an opening conjunction too, and when the relative clause reports.
    let cs = claims(
        "It rained. But Mr. Guerrero, a Republican who described himself as a Catholic, said \
         he recoiled at the attacks.",
    );
    assert_eq!(
        roles(find(&cs, "said")),
        (
            Some("Mr. Guerrero, a Republican who described himself as a Catholic,"),
            Some("said"),
            "he recoiled at the attacks"
        )
    );
    // A clause with a verb of its own before the commas is no name.
    let cs = claims(
        "It rained. Mr. King differentiated himself from Mr. Schultz, who works for RT and, \
         Mr. King said, has recently seemed supportive of Mr. Trump.",
    );
    assert!(
        cs.iter().all(|c| c
            .source
            .as_ref()
            .is_none_or(|s| !s.text.starts_with("Mr. King differentiated"))),
        "{cs:#?}"
    );
}

#[test]
fn a_gerund_after_by_inside_another_claim_is_a_claim_of_its_own() {
    let cs = claims(
        "It rained. When Trump launched his campaign by talking about Mexican rapists, his \
         critics denounced him.",
    );
    assert_eq!(
        roles(find(&cs, "talking about")),
        (Some("Trump"), Some("talking about"), "Mexican rapists")
    );
}

#[test]
fn a_pronoun_opening_a_clause_after_the_cue_is_no_inverted_speaker() {
    let cs = claims(
        "It rained. Humphrey, who calls Trump a “sociopath,” said he doesn’t believe the \
         effort requires an alternative.",
    );
    assert!(
        cs.iter()
            .all(|c| c.source.as_ref().is_none_or(|s| !s.text.starts_with("he "))),
        "{cs:#?}"
    );
    // A pronoun alone after the cue still speaks.
    let cs = claims("It rained. “We will win,” said he.");
    assert_eq!(source_of(&cs, "said"), Some("he"));
}

#[test]
fn a_capitalised_ly_word_before_the_cue_is_a_name_not_an_adverb() {
    let cs = claims(
        "It rained. Schlafly then discussed the proposed wall and explained its importance.",
    );
    assert_eq!(
        roles(find(&cs, "explained")),
        (Some("Schlafly"), Some("explained"), "its importance")
    );
    assert_eq!(source_of(&cs, "then discussed"), Some("Schlafly"));
    // A lower-case one still joins the cue.
    let cs = claims("It rained. Kelly Ayotte strongly criticized the plan.");
    assert_eq!(source_of(&cs, "strongly criticized"), Some("Kelly Ayotte"));
}

#[test]
fn a_long_subject_with_no_name_at_its_end_is_the_source() {
    let cs = claims(
        "The sky was blue. The Real Clear Politics average of polls taken over the past two \
         weeks shows Clinton leading Trump 47.3 percent to 44.4 percent.",
    );
    assert_eq!(
        source_of(&cs, "shows"),
        Some("The Real Clear Politics average of polls taken over the past two weeks")
    );
}

#[test]
fn a_cue_conjoined_to_a_verb_that_reports_nothing_takes_the_sentences_subject() {
    let cs = claims("It rained. Cruz walked in and said he was standing on truth.");
    assert_eq!(
        roles(find(&cs, "said")),
        (Some("Cruz"), Some("said"), "he was standing on truth")
    );
    let cs = claims("It rained. Scott's family has called for calm and urged people to stay home.");
    assert_eq!(
        find(&cs, "urged").source.as_ref().map(|s| s.text.as_str()),
        Some("Scott's family")
    );
    // The verbs of a relative clause are not the subject's.
    let cs = claims(
        "It rained. The video has become a focus for demonstrators, who have taken to the \
         streets and called for footage to be released.",
    );
    assert!(
        cs.iter()
            .all(|c| c.source.as_ref().is_none_or(|s| s.text != "The video")),
        "{cs:#?}"
    );
    // Nor does a fragment or an imperative have one.
    let cs = claims("It rained. Perhaps go a step further, and ask whether he would win.");
    assert!(cs.iter().all(|c| c.source.is_none()), "{cs:#?}");
}

#[test]
fn any_cue_is_inverted_when_a_name_closes_the_sentence_after_it() {
    let cs =
        claims("It rained. Debates are not likely to alter the race, noted NBC's Dante Chinni.");
    assert_eq!(
        roles(find(&cs, "noted")),
        (
            Some("NBC's Dante Chinni"),
            Some("noted"),
            "Debates are not likely to alter the race"
        )
    );
    // A participle's name between commas is no inverted source.
    let cs = claims("It rained. The program, called EB-5, allows investors to gain citizenship.");
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "called")),
        "{cs:#?}"
    );
}

#[test]
fn by_saying_after_a_conjoined_verb_takes_the_sentences_subject() {
    let cs = claims("It rained. Dean appeared on MSNBC and began by saying he would never do it.");
    assert_eq!(
        roles(find(&cs, "saying")),
        (Some("Dean"), Some("saying"), "he would never do it")
    );
}

#[test]
fn a_clause_before_as_and_a_source_is_the_content() {
    let cs = claims("It rained. It does not show whether Scott had a gun, as police have said.");
    assert_eq!(
        roles(find(&cs, "have said")),
        (
            Some("police"),
            Some("have said"),
            "It does not show whether Scott had a gun"
        )
    );
}

#[test]
fn what_stands_between_a_cue_and_a_colon_before_a_quote_joins_the_cue() {
    let cs = claims("It rained. Verizon said in a statement: \"We look forward to it.\"");
    assert_eq!(
        roles(find(&cs, "said in a statement:")),
        (
            Some("Verizon"),
            Some("said in a statement:"),
            "\"We look forward to it.\""
        )
    );
    let cs = claims("It rained. Clinton later explained the headline: \"I was wrong.\"");
    assert_eq!(
        roles(find(&cs, "later explained the headline:")),
        (
            Some("Clinton"),
            Some("later explained the headline:"),
            "\"I was wrong.\""
        )
    );
    // The colon after a telling verb's object is no second cue.
    let cs = claims("It rained. Price told reporters on Monday: \"The nation is watching.\"");
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(
        cs[0].source.as_ref().map(|s| s.text.as_str()),
        Some("Price")
    );
}

#[test]
fn a_quote_ending_the_sentence_before_is_not_the_content_of_a_cue_with_its_own() {
    let cs = claims(
        "The engineer called the pumps \"running on borrowed time.\" He said the pump had \
         been repaired four times in a year.",
    );
    assert_eq!(
        roles(find(&cs, "said")),
        (
            Some("He"),
            Some("said"),
            "the pump had been repaired four times in a year"
        )
    );
    // A cue with nothing after it still takes the quote before it.
    let cs = claims("It rained. \"We will win.\" Smith said.");
    assert_eq!(roles(find(&cs, "said")).2, "\"We will win.\"");
}

#[test]
fn a_slash_joins_names_and_an_age_is_an_appositive() {
    let cs = claims("It rained. The Reuters/Ipsos poll found that Clinton leads.");
    assert_eq!(
        find(&cs, "found").source.as_ref().map(|s| s.text.as_str()),
        Some("The Reuters/Ipsos poll")
    );
    let cs = claims(
        "It rained. Schiff, 56, who has served on the committee for a decade, said the \
         leaks were bad.",
    );
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some("Schiff, 56, who has served on the committee for a decade,")
    );
}

#[test]
fn a_verb_between_a_subject_and_that_reports() {
    let cs = claims("It rained. Video shows that Crutcher had his hands in the air.");
    assert_eq!(
        roles(find(&cs, "shows")),
        (
            Some("Video"),
            Some("shows"),
            "that Crutcher had his hands in the air"
        )
    );
    // "that" opening a relative clause after a noun reports nothing.
    let cs =
        claims("It rained. Officials wrote a set of Clean Air Act rules that could lead to cuts.");
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "rules")),
        "{cs:#?}"
    );
}

#[test]
fn a_time_word_owning_the_next_noun_or_a_bare_this_opens_the_content() {
    let cs = claims("It rained. Obama condemned Friday's test as \"provocative.\"");
    assert_eq!(
        roles(find(&cs, "condemned")).2,
        "Friday's test as \"provocative.\""
    );
    let cs = claims("It rained. The Smiths said this is the only country for them.");
    assert_eq!(
        roles(find(&cs, "said")).2,
        "this is the only country for them"
    );
    // A time adjunct is still no content.
    let cs = claims("It rained. Smith said Friday the plan failed.");
    assert_eq!(roles(find(&cs, "said")).2, "the plan failed");
}

#[test]
fn a_participle_after_a_claim_takes_that_claims_speaker() {
    let cs = claims(
        "It rained. The country \"has made dramatic changes for the better,\" McConnell \
         said in June 2012, citing the release of prisoners.",
    );
    assert_eq!(
        find(&cs, "citing").source.as_ref().map(|s| s.text.as_str()),
        Some("McConnell")
    );
}

#[test]
fn a_quote_a_short_speaker_and_any_verb_closing_the_sentence_is_a_claim() {
    let cs = claims("It rained. \"Friend, let me be blunt. I can win,\" the email read.");
    assert_eq!(
        roles(find(&cs, "read")),
        (
            Some("the email"),
            Some("read"),
            "\"Friend, let me be blunt. I can win,\""
        )
    );
    // Not a noun after a quote and a prepositional phrase.
    let cs = claims("It rained. He gave \"in-kind gifts,\" of free services and support, to them.");
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "support")),
        "{cs:#?}"
    );
}

#[test]
fn a_closing_quote_mark_opening_a_paragraph_opens_the_quote() {
    let cs = claims(
        "Obama spoke.\n\n” … what I learned is that Islam is not the enemy,” he said.\n\n\
         “Do I think it matters? No,” said Obama.",
    );
    assert_eq!(
        roles(find(&cs, "said")),
        (
            Some("he"),
            Some("said"),
            "” … what I learned is that Islam is not the enemy,”"
        )
    );
}

#[test]
fn a_gerund_after_a_temporal_preposition_has_the_clauses_speaker() {
    // Opening the sentence: the subject after the comma speaks.
    let cs = claims("It rained. After saying her foot was swollen, she was taken to a hospital.");
    assert_eq!(
        roles(find(&cs, "saying")),
        (Some("she"), Some("saying"), "her foot was swollen")
    );
    assert_eq!(
        find(&cs, "saying").meta.rule.as_deref(),
        Some("gerund-clause")
    );
    // Later in it: the speaker of the claim before, else the sentence's subject.
    let cs = claims("It rained. \"We lost,\" Trump told reporters, before insisting he had won.");
    assert_eq!(
        roles(find(&cs, "insisting")),
        (Some("Trump"), Some("insisting"), "he had won")
    );
    let cs = claims("It rained. Sanders praised her son before explaining why she forgave him.");
    assert_eq!(
        roles(find(&cs, "explaining")),
        (Some("Sanders"), Some("explaining"), "why she forgave him")
    );
    // A gerund opening the sentence: the subject after its clause speaks.
    let cs = claims("It rained. Citing the report, the minister said the plan had failed.");
    assert_eq!(
        roles(find(&cs, "Citing")),
        (Some("the minister"), Some("Citing"), "the report")
    );
    // No subject after the opening phrase: no speaker, no claim from this rule.
    let cs = claims("It rained. After saying her foot was swollen, it rained again.");
    assert!(
        cs.iter()
            .all(|c| c.meta.rule.as_deref() != Some("gerund-clause")),
        "{cs:#?}"
    );
}

#[test]
fn a_sentence_opening_with_said_names_the_speaker_before_the_quote() {
    let cs = claims("It rained. Said Ellis: \"I do not get it.\" Says Mr. Brown, \"We will see.\"");
    assert_eq!(
        roles(find(&cs, "Said")),
        (Some("Ellis"), Some("Said"), "\"I do not get it.\"")
    );
    assert_eq!(
        roles(find(&cs, "Says")),
        (Some("Mr. Brown"), Some("Says"), "\"We will see.\"")
    );
    // No quote after the name: not this shape.
    let cs = claims("It rained. Said Ellis, who grew up there, the town was quiet.");
    assert!(
        cs.iter()
            .all(|c| c.meta.rule.as_deref() != Some("said-first"))
    );
}

#[test]
fn a_sentence_opening_with_asked_is_a_question_with_no_speaker_unless_by() {
    let cs = claims("It rained. Asked on Monday whether he would run, Smith said he might.");
    let c = find(&cs, "Asked");
    assert_eq!(roles(c), (None, Some("Asked"), "whether he would run"));
    assert_eq!(c.meta.rule.as_deref(), Some("asked-first"));
    let cs = claims("It rained. Asked by Matt Lauer if she had practiced, she said no.");
    assert_eq!(
        roles(find(&cs, "Asked")),
        (Some("Matt Lauer"), Some("Asked"), "if she had practiced")
    );
    // The asker is no speaker of the claims after the question.
    let cs = claims(
        "It rained. Asked by Osei what he received, Pryce said he got nothing, \
         adding that the plan was late.",
    );
    let adding = find(&cs, "adding");
    assert_eq!(
        adding.source.as_ref().map(|s| s.text.as_str()),
        Some("Pryce")
    );
    // An object is the question itself.
    let cs = claims("It rained. Asked a direct question about this, Clinton said yes.");
    assert_eq!(
        roles(find(&cs, "Asked")),
        (None, Some("Asked"), "a direct question about this")
    );
    // The asker may close the clause ...
    let cs = claims("It rained. Asked about the figure by reporters, a spokeswoman said no.");
    assert_eq!(
        roles(find(&cs, "Asked about")),
        (Some("reporters"), Some("Asked about"), "the figure")
    );
    // ... but not the agent of a participle, nor a "by" phrase naming no one who asks.
    for text in [
        "It rained. Asked about the cuts made by the board, Smith said no.",
        "It rained. Asked about the cuts by the board, Smith said no.",
    ] {
        let cs = claims(text);
        assert_eq!(source_of(&cs, "Asked about"), None, "{text}");
    }
}

#[test]
fn a_cue_and_colon_closing_a_paragraph_introduce_the_next_paragraph() {
    let text = "It rained.\n\nDr. Ward stated:\n\n\"The department is wrong.\"\n\nHewitt writes:\n\nThe movie mentions nothing at all.\n\nThe end came.";
    let cs = claims(text);
    let c = find(&cs, "stated:");
    assert_eq!(
        roles(c),
        (
            Some("Dr. Ward"),
            Some("stated:"),
            "\"The department is wrong.\""
        )
    );
    assert_eq!(c.content.pieces().len(), 1, "the quote is not added twice");
    assert_eq!(c.kind, ClaimKind::Direct);
    assert_eq!(
        roles(find(&cs, "writes:")),
        (
            Some("Hewitt"),
            Some("writes:"),
            "The movie mentions nothing at all."
        )
    );
}

#[test]
fn a_time_phrase_between_said_and_its_clause_is_skipped() {
    let cs = claims("It rained. Trump said after the convention he would not accept the offer.");
    assert_eq!(
        roles(find(&cs, "said")),
        (Some("Trump"), Some("said"), "he would not accept the offer")
    );
    // A phrase holding a relative clause is no adjunct.
    let cs = claims("It rained. Trump said in the room where they met he was tired.");
    assert!(
        cs.iter()
            .all(|c| !c.content.text.starts_with("he ") && !c.content.text.starts_with("they ")),
        "{cs:#?}"
    );
}

#[test]
fn a_slash_glued_between_words_stays_in_an_inverted_source() {
    let cs = claims("It rained. \"They are wrong,\" said 9/11 widow Terry Strada.");
    assert_eq!(
        roles(find(&cs, "said")),
        (
            Some("9/11 widow Terry Strada"),
            Some("said"),
            "\"They are wrong,\""
        )
    );
}

#[test]
fn a_time_between_who_and_the_cue_is_no_source() {
    for text in [
        "It rained. He met McConnell, who in 2010 said the goal was to win.",
        "It rained. He met Smith, who last week said the goal was to win.",
    ] {
        let cs = claims(text);
        assert_eq!(
            roles(find(&cs, "said")),
            (Some("who"), Some("said"), "the goal was to win"),
            "{text}"
        );
    }
}

#[test]
fn an_appositive_closed_by_a_comma_after_an_inverted_source_is_the_sources() {
    let cs = claims(
        "It rained. \"We are gearing up,\" said Michael Tyler, a spokesman for the campaign, \
         explaining the plan.",
    );
    let c = find(&cs, "said");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some("Michael Tyler, a spokesman for the campaign,")
    );
    // An age may come first; a relative clause after the comma is not the source's.
    let cs = claims(
        "It rained. \"We are ready,\" said Scott Reed, 52, the group's strategist, who added \
         that more would come.",
    );
    let c = find(&cs, "said");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some("Scott Reed, 52, the group's strategist")
    );
    // "According to X, the …" opening a sentence: what follows the comma is the content.
    let cs =
        claims("It rained. According to a Reuters poll, the two candidates are in a dead heat.");
    let c = find(&cs, "According to");
    assert_eq!(
        roles(c),
        (
            Some("a Reuters poll"),
            Some("According to"),
            "the two candidates are in a dead heat"
        )
    );
}

#[test]
fn demonstratives_possessive_times_and_comparisons_open_a_source() {
    let source = |text: &str, cue: &str| {
        let cs = claims(text);
        find(&cs, cue).source.as_ref().map(|s| s.text.clone())
    };
    assert_eq!(
        source(
            "It rained. This group said that the plan would fail.",
            "said"
        )
        .as_deref(),
        Some("This group")
    );
    assert_eq!(
        source(
            "It rained. Tuesday’s results suggest that she will win.",
            "suggest"
        )
        .as_deref(),
        Some("Tuesday’s results")
    );
    assert_eq!(
        source(
            "It rained. More than half of the voters said that they were tired.",
            "said"
        )
        .as_deref(),
        Some("More than half of the voters")
    );
    assert_eq!(
        source(
            "It rained. But at least a dozen members said that it failed.",
            "said"
        )
        .as_deref(),
        Some("at least a dozen members")
    );
    // A time that opens the sentence is still no part of the source.
    assert_eq!(
        source(
            "It rained. This week the mayor said that the plan would fail.",
            "said"
        )
        .as_deref(),
        Some("the mayor")
    );
}

#[test]
fn a_participle_after_a_comma_inside_a_closing_quote_continues_the_claim() {
    let cs = claims(
        "Others were less hopeful. A European diplomat said the gap was “wider than the \
         Bosporus,” adding that insurers would want “something in writing.”",
    );
    let c = find(&cs, "adding");
    assert_eq!(
        roles(c),
        (
            Some("A European diplomat"),
            Some("adding"),
            "that insurers would want “something in writing.”"
        )
    );
}

#[test]
fn asking_not_to_be_named_is_no_claim() {
    let cs = claims(
        "Others were less hopeful. A diplomat who asked not to be named because the talks were \
         confidential said the gap was wide.",
    );
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "asked")),
        "{cs:#?}"
    );
    assert_eq!(find(&cs, "said").content.text, "the gap was wide");
}

#[test]
fn a_common_noun_told_before_a_subject_pronoun_is_no_content() {
    for (text, content) in [
        (
            "It rained. Transport minister Henrik Sørensen told parliament he would not intervene.",
            "he would not intervene",
        ),
        (
            "It rained. Ryan told a news conference they are “planting the seeds” to win.",
            "they are “planting the seeds” to win",
        ),
    ] {
        let cs = claims(text);
        assert_eq!(find(&cs, "told").content.text, content, "{text}");
    }
}

#[test]
fn a_that_clause_is_not_cut_before_its_verb() {
    let cs = claims(
        "It rained. The website noted that both Sanders and Trump were referring to studies.",
    );
    assert_eq!(
        find(&cs, "noted").content.text,
        "that both Sanders and Trump were referring to studies"
    );
    let cs = claims(
        "It rained. Devine acknowledged that Sanders, who did win Rhode Island on Tuesday, \
         would likely place second.",
    );
    assert_eq!(
        find(&cs, "acknowledged").content.text,
        "that Sanders, who did win Rhode Island on Tuesday, would likely place second"
    );
}

#[test]
fn an_including_aside_before_the_cue_belongs_to_the_source() {
    let cs = claims(
        "It rained. Several fact checkers, including The Washington Post, said that the claim \
         was false.",
    );
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some("Several fact checkers, including The Washington Post,")
    );
    // Other participles between commas are no part of it.
    let cs = claims("It rained. President Obama, dedicating the museum, said that it mattered.");
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some("President Obama")
    );
}

#[test]
fn a_gerund_after_in_or_by_is_a_claim_of_the_clause_subject() {
    let cs = claims(
        "It rained. In describing fellow billionaire Donald Trump as a showman, Cuban said he \
         sees someone who wants attention.",
    );
    let c = find(&cs, "describing");
    assert_eq!(c.source.as_ref().map(|s| s.text.as_str()), Some("Cuban"));
    assert_eq!(
        c.content.text,
        "fellow billionaire Donald Trump as a showman"
    );
}

#[test]
fn a_particle_after_the_verb_belongs_to_the_cue() {
    let cs = claims(
        "It rained. Ryan has previously called out Trump for his remarks. The mayor called \
         upon the state to act.",
    );
    assert_eq!(
        roles(find(&cs, "has previously called out")),
        (
            Some("Ryan"),
            Some("has previously called out"),
            "Trump for his remarks"
        )
    );
    assert_eq!(
        roles(find(&cs, "called upon")),
        (Some("The mayor"), Some("called upon"), "the state to act")
    );
    // With no object after it, the particle ends a phrase of its own.
    let cs = claims("It rained. With a vote for Trump ruled out, Cross said he has two options.");
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "ruled out"))
    );
    assert_eq!(roles(find(&cs, "said")).0, Some("Cross"));
}

#[test]
fn a_label_before_a_headline_colon_is_no_speaker() {
    for text in [
        "BREAKING: Sanders Wins Nevada.\n\nIt rained.",
        "Revealed: What The Memo Says.\n\nIt rained.",
        "BOOM: Trump Just Fired A 5-Word Missile At Clinton.\n\nIt rained.",
        "The Latest: Sanders declares ‘revolution,’ ignores losses.\n\nIt rained.",
    ] {
        let cs = claims(text);
        assert!(
            cs.iter()
                .all(|c| c.cue.as_ref().is_none_or(|q| q.text != ":")),
            "{text}: {cs:#?}"
        );
    }
    // A name before the colon still speaks, and a label word in running text is a source.
    let cs = claims("Sanders: Clinton Needs To Answer.\n\nIt rained.");
    assert_eq!(roles(find(&cs, ":")).0, Some("Sanders"));
    let cs = claims("It rained. Video shows that the officer fired first.");
    assert_eq!(roles(find(&cs, "shows")).0, Some("Video"));
}

#[test]
fn an_example_after_such_as_is_no_clause_of_its_own() {
    let cs = claims(
        "It rained. Rasmussen says it is likely that countries such as Poland support Ukraine \
         by sending troops.",
    );
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(roles(&cs[0]).1, Some("says"));
}

#[test]
fn for_after_a_cue_joins_it_unless_it_says_how_long() {
    let cs = claims("It rained. The senator asked for a full inquiry into the deal.");
    assert_eq!(
        roles(find(&cs, "asked for")),
        (
            Some("The senator"),
            Some("asked for"),
            "a full inquiry into the deal"
        )
    );
    let cs = claims("It rained. Activists are pushing for a ban on fracking.");
    assert_eq!(
        roles(find(&cs, "are pushing for")),
        (
            Some("Activists"),
            Some("are pushing for"),
            "a ban on fracking"
        )
    );
    // How long is no part of the cue, nor of the content.
    let cs = claims("It rained. She has argued for years that the tax was wrong.");
    assert_eq!(
        roles(find(&cs, "has argued")),
        (Some("She"), Some("has argued"), "that the tax was wrong")
    );
    let cs = claims("It rained. He said for the first time that he would run.");
    assert_eq!(
        roles(find(&cs, "said")),
        (Some("He"), Some("said"), "that he would run")
    );
}

#[test]
fn a_question_then_a_speaker_and_a_verb_is_a_claim() {
    let cs = claims("It rained. \"Is it too big to fail, too big to manage?\" Vitter demanded.");
    assert_eq!(
        roles(find(&cs, "demanded")),
        (
            Some("Vitter"),
            Some("demanded"),
            "\"Is it too big to fail, too big to manage?\""
        )
    );
}

#[test]
fn a_clause_then_a_named_speaker_closing_the_sentence_is_a_claim() {
    let cs = claims("It rained. The agents kept the details under wraps, The Post has learned.");
    assert_eq!(
        roles(find(&cs, "has learned")),
        (
            Some("The Post"),
            Some("has learned"),
            "The agents kept the details under wraps"
        )
    );
    // A speaker with an appositive closed by a comma right before the cue.
    let cs = claims(
        "It rained. Facebook created the tool to help in times of crisis, a spokeswoman, Anna \
         Richardson White, said on Saturday.",
    );
    assert_eq!(
        roles(find(&cs, "said")),
        (
            Some("a spokeswoman, Anna Richardson White,"),
            Some("said"),
            "Facebook created the tool to help in times of crisis"
        )
    );
}

#[test]
fn an_aside_holding_a_cue_leaves_the_name_as_source() {
    let cs = claims(
        "The report came out. Salceda, citing data from the State Department, said that 4 \
         million people live there.",
    );
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (
            Some("Salceda"),
            Some("said"),
            "that 4 million people live there"
        )
    );
    // A prepositional aside is no content before an inverted cue either.
    let cs = claims(
        "It was late. Corey Lewandowski, in a statement released by the campaign on Thursday, \
         said he appreciates the consideration.",
    );
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (
            Some("Corey Lewandowski"),
            Some("said"),
            "he appreciates the consideration"
        )
    );
}

#[test]
fn a_quoted_question_opening_the_sentence_takes_the_speaker_after_the_cue() {
    let cs = claims("They drove for hours.\n\n“How big is that wall?” asked the boy.");
    let c = find(&cs, "asked");
    assert_eq!(
        roles(c),
        (Some("the boy"), Some("asked"), "“How big is that wall?”")
    );
    // A quoted phrase inside the sentence is not what a later verb's subject said.
    let cs = claims("He called her plan “terrible,” denounced her record and left.");
    assert!(
        cs.iter()
            .all(|c| c.source.as_ref().is_none_or(|s| s.text != "her record")),
        "{cs:#?}"
    );
}

#[test]
fn when_asked_is_a_question_without_a_named_asker() {
    let cs = claims("It rained. “You bet I would,” Christie said when asked whether he would act.");
    let c = find(&cs, "asked");
    assert_eq!(roles(c), (None, Some("asked"), "whether he would act"));
    let cs =
        claims("It rained. “Absolutely,” he said when asked by a reporter if that is his view.");
    let c = find(&cs, "asked");
    assert_eq!(
        roles(c),
        (Some("a reporter"), Some("asked"), "if that is his view")
    );
    // A topic is no question.
    let cs = claims("It rained. “No,” she said when asked about Bill Clinton.");
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "asked")),
        "{cs:#?}"
    );
}

#[test]
fn a_single_quote_closing_inside_a_double_one_closes_both() {
    let cs = claims("He left. ''I would use the word 'old-school,''' said Gregory Slayton.");
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (
            Some("Gregory Slayton"),
            Some("said"),
            "''I would use the word 'old-school,'''"
        )
    );
}

#[test]
fn a_capitalised_will_or_may_next_to_a_name_or_the_cue_is_a_name() {
    let cs = claims("He left. \"It's expensive,\" said Will Doyle.");
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some("Will Doyle")
    );
    let cs = claims("He left. “It will hasten the eclipse of Trump,” Will wrote.");
    assert_eq!(
        find(&cs, "wrote").source.as_ref().map(|s| s.text.as_str()),
        Some("Will")
    );
    let cs = claims("He left. Will Doyle said it was over.");
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some("Will Doyle")
    );
    let cs = claims("He left. Theresa May said it was over.");
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some("Theresa May")
    );
}

#[test]
fn both_or_all_opening_the_clause_is_its_subject_not_part_of_the_cue() {
    let cs = claims("He left. Both have promised to pursue legislation if elected.");
    assert_eq!(
        roles(find(&cs, "have promised")),
        (
            Some("Both"),
            Some("have promised"),
            "to pursue legislation if elected"
        )
    );
    let cs = claims("He left. To varying degrees, all agreed that the plan would raise taxes.");
    assert_eq!(
        roles(find(&cs, "agreed")),
        (
            Some("all"),
            Some("agreed"),
            "that the plan would raise taxes"
        )
    );
    // After its subject, "both" still modifies the cue.
    let cs = claims("He left. They both said it was over.");
    assert_eq!(
        roles(find(&cs, "both said")),
        (Some("They"), Some("both said"), "it was over")
    );
}

#[test]
fn usa_today_keeps_its_today_and_a_day_after_a_source_goes() {
    let cs = claims("He left. A reporter for USA Today said the plan failed.");
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some("A reporter for USA Today")
    );
    let cs = claims("He left. Sanders on Tuesday said the plan failed.");
    assert_eq!(
        find(&cs, "said").source.as_ref().map(|s| s.text.as_str()),
        Some("Sanders")
    );
}

#[test]
fn a_passive_after_a_relative_pronoun_starts_its_content_with_the_pronoun() {
    let cs = claims(
        "He left. The caucus picks delegates who are expected to support candidates at the \
         convention.",
    );
    let c = find(&cs, "are expected");
    assert_eq!(c.source, None);
    assert_eq!(
        c.content.text,
        "who … to support candidates at the convention"
    );
}

#[test]
fn a_percentage_is_a_source() {
    let cs = claims("He left. On economic issues, 42% say they are liberal.");
    assert_eq!(
        roles(find(&cs, "say")),
        (Some("42%"), Some("say"), "they are liberal")
    );
}

#[test]
fn a_participle_in_an_according_to_source_is_no_cue() {
    let cs = claims(
        "The agency faces questions. According to documents disclosed to the inquiry, its last \
         inspection took place in 2019.",
    );
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(
        roles(&cs[0]),
        (
            Some("documents disclosed to the inquiry"),
            Some("According to"),
            "its last inspection took place in 2019"
        )
    );
}

#[test]
fn turns_of_phrase_with_said_report_nothing() {
    for text in [
        "The plan is costly. That said, the mayor will pay for it.",
        "The plan is costly. Having said that, the mayor will pay for it.",
        "The plan is costly. That being said, the mayor will pay for it.",
        "The plan is costly. Needless to say, the mayor will pay for it.",
        "The plan is costly. All told, super PACs spent $10 million on it.",
    ] {
        let cs = claims(text);
        assert!(cs.is_empty(), "{text}: {cs:#?}");
    }
    // A sign that said something still says it.
    let cs = claims("It rained. He held a sign that said, \"Go home.\"");
    assert_eq!(
        roles(find(&cs, "said")),
        (Some("that"), Some("said"), "\"Go home.\"")
    );
}

#[test]
fn a_source_never_ends_in_a_preposition() {
    for (text, cue) in [
        (
            "It rained. House Speaker Paul Ryan, despite admitting that he had concerns, backed \
             the bill.",
            "admitting",
        ),
        (
            "It rained. He refuses to discuss appointees, aside from saying he wants a diverse \
             delegation.",
            "saying",
        ),
    ] {
        let cs = claims(text);
        let c = find(&cs, cue);
        let source = c.source.as_ref().map(|s| s.text.as_str());
        assert!(
            source.is_none_or(|s| !s.ends_with("despite") && !s.ends_with("from")),
            "{text}: {source:?}"
        );
    }
}

#[test]
fn a_source_never_ends_in_a_determiner() {
    // A noun the lexicon reads as a cue, after its determiner: the determiner speaks not.
    for (text, cue) in [
        (
            "It rained. He is a self-described democratic socialist who has spent years in \
             Congress.",
            "self-described",
        ),
        (
            "It rained. The hope has been that employers would reverse these incentives.",
            // PolNeAR's cue for a noun and its copula ("the question is", "advice is").
            "hope has been",
        ),
    ] {
        let cs = claims(text);
        let c = find(&cs, cue);
        assert_eq!(c.source.as_ref().map(|s| s.text.as_str()), None, "{text}");
    }
}

#[test]
fn a_gerund_after_aside_from_has_the_clause_speaker() {
    let cs = claims(
        "It rained. He refuses to discuss appointees, aside from saying he wants a diverse \
         delegation.",
    );
    assert_eq!(
        roles(find(&cs, "saying")),
        (Some("He"), Some("saying"), "he wants a diverse delegation")
    );
}

#[test]
fn a_progressive_after_an_aside_keeps_the_name_before_it() {
    let cs = claims(
        "It rained. Marco Rubio, speaking at a rally in Miami, is criticizing the night’s big \
         winner.",
    );
    assert_eq!(
        roles(find(&cs, "is criticizing")),
        (
            Some("Marco Rubio"),
            Some("is criticizing"),
            "the night’s big winner"
        )
    );
}

#[test]
fn a_name_after_and_opens_its_own_clause_after_a_verbs_object() {
    let cs = claims(
        "It rained. Neither John Kasich nor Mario Rubio has won a state and Cruz strongly \
         suggested they should drop out.",
    );
    assert_eq!(
        roles(find(&cs, "strongly suggested")),
        (
            Some("Cruz"),
            Some("strongly suggested"),
            "they should drop out"
        )
    );
    // Two names joined by "and" still speak together.
    let cs = claims("It rained. Mr. Grassley and Mr. Leahy said they should drop out.");
    assert_eq!(
        roles(find(&cs, "said")).0,
        Some("Mr. Grassley and Mr. Leahy")
    );
}

#[test]
fn an_elided_year_opens_no_quote() {
    // "‘08" elides a year; read as an opening quote it hid the whole clause.
    let cs = claims("Rep. Hank Johnson said in ‘08 that white voters would back Obama.");
    let c = find(&cs, "said");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some("Rep. Hank Johnson")
    );
    // A ‘ that nothing closes in its paragraph opens no quote either.
    let cs = claims("It rained. The ‘new deal is dead, Smith said on Monday.");
    assert!(
        cs.iter()
            .any(|c| c.source.as_ref().is_some_and(|s| s.text == "Smith"))
    );
    // A closed one still quotes: no cue inside it.
    let cs = claims("He called it ‘a plan, he said, for nothing’ and left.");
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "said"))
    );
}

#[test]
fn a_contracted_is_before_a_progressive_is_the_verb() {
    // "He's comparing …": the 's is "is", so "He" is the subject the second verb shares.
    let cs = claims(
        "He's comparing the gun actions to immigration and says Obama is flouting the process.",
    );
    let c = find(&cs, "says");
    assert_eq!(
        roles(c),
        (Some("He"), Some("says"), "Obama is flouting the process")
    );
}

#[test]
fn an_expletive_a_preposition_or_a_bare_verb_opens_no_source() {
    for (text, cue) in [
        (
            "It rained. During the carnival, there are fears that the virus will spread.",
            "are fears",
        ),
        (
            "It rained. It's easy to criticize the plan.",
            "to criticize",
        ),
    ] {
        let cs = claims(text);
        assert_eq!(
            find(&cs, cue).source.as_ref().map(|s| s.text.as_str()),
            None,
            "{text}"
        );
    }
    // A bare verb before the speaker is the clause's.
    let cs =
        claims("It rained. Fiorina left early, leaving many to wonder whether she would return.");
    assert_eq!(
        find(&cs, "to wonder")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("many")
    );
    // "It's denouncing": the 's belongs to the cue, and "It" speaks.
    let cs = claims("It rained. It’s denouncing what it calls the biggest media attack.");
    assert_eq!(
        find(&cs, "’s denouncing")
            .source
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("It")
    );
}

#[test]
fn an_adverb_before_the_cue_is_no_part_of_the_source() {
    let cs = claims("It rained. Senator Rubio only briefly explained that the visas help.");
    let c = cs
        .iter()
        .find(|c| {
            c.cue
                .as_ref()
                .is_some_and(|q| q.text.ends_with("explained"))
        })
        .expect("a claim");
    assert_eq!(
        c.source.as_ref().map(|s| s.text.as_str()),
        Some("Senator Rubio")
    );
    // An adverb alone is no source; "not only" stands between the subject and its verb.
    let cs = claims("It rained. The research not only documented faster increases in heat.");
    assert_eq!(source_of(&cs, "documented"), Some("The research"));
}

#[test]
fn a_relative_clause_that_reports_is_no_part_of_the_source() {
    let cs =
        claims("It rained. Barkley, who said he typically votes Democratic, said it was close.");
    let sources: Vec<_> = cs
        .iter()
        .filter_map(|c| c.source.as_ref().map(|s| s.text.as_str()))
        .collect();
    assert_eq!(sources, ["Barkley", "who"], "{cs:#?}");
    // A relative clause that reports nothing stays in the source.
    let cs = claims("It rained. Barkley, who lives in Miami, said it was close.");
    assert_eq!(source_of(&cs, "said"), Some("Barkley, who lives in Miami,"));
}

#[test]
fn a_list_opening_the_sentence_is_one_source() {
    let cs = claims("It rained. Ben Carson, Ted Cruz and Rand Paul said the program failed.");
    assert_eq!(
        source_of(&cs, "said"),
        Some("Ben Carson, Ted Cruz and Rand Paul")
    );
    let cs = claims(
        "It rained. Sens. Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez \
         (D-N.J.) suggested that those claims were grounds for action.",
    );
    assert_eq!(
        source_of(&cs, "suggested"),
        Some("Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.)")
    );
    // An opening phrase is no item of the list.
    for text in [
        "It rained. In Iowa, Cruz and Rubio said the race was close.",
        "It rained. Yes, Cruz and Rubio said the race was close.",
        "It rained. Despite the loss, Cruz and Rubio said the race was close.",
    ] {
        let cs = claims(text);
        assert_eq!(source_of(&cs, "said"), Some("Cruz and Rubio"), "{text}");
    }
}

#[test]
fn a_possessive_before_a_cue_noun_is_the_source() {
    let cs = claims("It rained. Trump was merciless in his attacks on the press.");
    assert_eq!(source_of(&cs, "attacks on"), Some("his"));
}

#[test]
fn a_quote_with_its_speaker_is_kept_inside_another_claim() {
    let cs = claims(
        "It rained. DuVernay said the amendment was worth examining because \
         “most people don’t know about that loop-hole,” she said.",
    );
    let outer = find(&cs, "said");
    assert_eq!(
        outer.source.as_ref().map(|s| s.text.as_str()),
        Some("DuVernay")
    );
    let inner = cs
        .iter()
        .find(|c| c.source.as_ref().is_some_and(|s| s.text == "she"))
        .unwrap_or_else(|| panic!("no claim by “she” in {cs:#?}"));
    assert_eq!(
        inner.content.text,
        "“most people don’t know about that loop-hole,”"
    );
}

#[test]
fn a_participle_of_feeling_keeps_its_subject_as_the_source() {
    let cs = claims("It rained. Democratic leaders are worried about the convention.");
    assert_eq!(
        source_of(&cs, "are worried about"),
        Some("Democratic leaders")
    );
    // A true passive names no source before the cue.
    let cs = claims("It rained. The senator was accused of lying about the deal.");
    assert!(cs.iter().all(|c| c.source.is_none()), "{cs:#?}");
}

#[test]
fn a_source_ends_where_its_clause_starts() {
    let cs = claims(
        "It rained. The feud grew, with Lewandowski taking to Twitter to call Fields \
         “totally delusional” for the accusation.",
    );
    assert_eq!(source_of(&cs, "to call"), Some("Lewandowski"));
    let cs = claims("It rained. Still, they couldn't bring themselves to back Mr. Trump.");
    assert_eq!(source_of(&cs, "to back"), Some("they"));
    // A group's description stays ("Two of the Republicans running for president").
    let cs = claims(
        "It rained. Two of the Republicans running for president have said the tax is too high.",
    );
    assert_eq!(
        source_of(&cs, "have said"),
        Some("Two of the Republicans running for president")
    );
    // A bullet is no part of the name.
    let cs = claims("It rained.\n\n-Nate Cohn says the polls are wrong.");
    assert_eq!(source_of(&cs, "says"), Some("Nate Cohn"));
}

#[test]
fn coordinated_modifiers_stay_in_the_source() {
    let cs = claims("It rained. Three current and former officials said the plan failed.");
    assert_eq!(
        source_of(&cs, "said"),
        Some("Three current and former officials")
    );
    let cs = claims("It rained. Clinton's chief pollster and strategist Joel Benenson said so.");
    assert_eq!(
        source_of(&cs, "said"),
        Some("Clinton's chief pollster and strategist Joel Benenson")
    );
    // A noun alone after the "and" may open a clause of its own.
    let cs = claims("It rained. Cells turn into any tissue and researchers say they can use them.");
    assert_eq!(source_of(&cs, "say"), Some("researchers"));
}

#[test]
fn an_adjunct_after_an_inverted_speakers_appositive_is_no_part_of_it() {
    let cs = claims(
        "It rained. “We will win,” said Jeff Weaver, the campaign manager, speaking to CNN \
         after the debate.",
    );
    assert_eq!(
        source_of(&cs, "said"),
        Some("Jeff Weaver, the campaign manager,")
    );
    // A place is part of the description.
    let cs = claims(
        "It rained. “We will win,” said William Burns, whose district includes Hyde Park, on \
         Chicago's South Side.",
    );
    assert_eq!(
        source_of(&cs, "said"),
        Some("William Burns, whose district includes Hyde Park, on Chicago's South Side")
    );
}

#[test]
fn a_participle_after_no_claim_takes_the_clauses_subject() {
    let cs =
        claims("It rained. The Journal, citing internal documents, reported that it was broke.");
    assert_eq!(source_of(&cs, "citing"), Some("The Journal"));
    let cs =
        claims("It rained. But she spoke for an hour, cautioning that the turmoil would last.");
    assert_eq!(source_of(&cs, "cautioning"), Some("she"));
    let cs = claims("It rained. Trump went further, embracing his reputation as a liberal.");
    assert_eq!(source_of(&cs, "embracing"), Some("Trump"));
}

#[test]
fn a_closing_according_to_source_keeps_its_description() {
    let cs =
        claims("It rained. The campaign signed the deals, according to John Weaver, a strategist.");
    assert_eq!(
        source_of(&cs, "according to"),
        Some("John Weaver, a strategist")
    );
    let cs = claims(
        "It rained. The plan was dropped, according to an official who was not authorized to \
         speak.",
    );
    assert_eq!(
        source_of(&cs, "according to"),
        Some("an official who was not authorized to speak")
    );
    // Opening the sentence, the comma ends the source.
    let cs = claims("It rained. According to John Weaver, the strategist was wrong.");
    assert_eq!(source_of(&cs, "According to"), Some("John Weaver"));
}

#[test]
fn a_concessive_aside_leaves_the_name_before_it_as_the_source() {
    let cs =
        claims("It rained. Paul Ryan, despite admitting his concerns, said the party was united.");
    let c = find(&cs, "said");
    assert_eq!(
        roles(c),
        (Some("Paul Ryan"), Some("said"), "the party was united")
    );
    let cs = claims(
        "It rained. House Speaker Paul Ryan, R-Wis., despite his concerns, said the party was \
         united.",
    );
    assert_eq!(
        source_of(&cs, "said"),
        Some("House Speaker Paul Ryan, R-Wis.,")
    );
    // So does the gerund in the aside.
    let cs = claims(
        "House Speaker Paul Ryan, R-Wis., despite admitting that he had concerns, said the \
         party was united.",
    );
    assert_eq!(
        source_of(&cs, "admitting"),
        Some("House Speaker Paul Ryan, R-Wis.,")
    );
}

#[test]
fn a_name_likened_to_another_is_the_source() {
    let cs =
        claims("It rained. Candidate Hillary Clinton, like Obama, has encouraged allies to spend.");
    assert_eq!(
        source_of(&cs, "has encouraged"),
        Some("Candidate Hillary Clinton")
    );
    // A description of the kind stays in the source.
    let cs = claims("It rained. Mr. Autor, like most economists, said trade helps the economy.");
    assert_eq!(
        source_of(&cs, "said"),
        Some("Mr. Autor, like most economists,")
    );
}

#[test]
fn an_adjunct_right_after_an_inverted_speakers_comma_is_no_part_of_the_speaker() {
    let cs = claims(
        "\"It was a sad moment,\" said European Council President Donald Tusk, summing up \
         the talks.",
    );
    assert_eq!(
        source_of(&cs, "said"),
        Some("European Council President Donald Tusk")
    );
    let cs = claims("\"The cause is unknown,\" said O'Neill, on what was his first full day.");
    assert_eq!(source_of(&cs, "said"), Some("O'Neill"));
    // A title and the anonymity formula stay with the speaker.
    let cs = claims("\"Growth will slow,\" said Ken Sena, managing director at Evercore.");
    assert_eq!(
        source_of(&cs, "said"),
        Some("Ken Sena, managing director at Evercore")
    );
    let cs = claims("\"It is coming,\" said a strategist, speaking on the condition of anonymity.");
    assert_eq!(
        source_of(&cs, "said"),
        Some("a strategist, speaking on the condition of anonymity")
    );
}

#[test]
fn a_source_does_not_reach_back_across_an_aside_bracket() {
    let cs = claims(
        "It rained. Clinton stumbled to a van last weekend (her campaign later disclosed that \
         she has pneumonia).",
    );
    assert_eq!(source_of(&cs, "later disclosed"), Some("her campaign"));
    // A name's own bracket stays.
    let cs = claims("It rained. Kasich (who has 25 delegates to date) said he could win.");
    assert_eq!(
        source_of(&cs, "said"),
        Some("Kasich (who has 25 delegates to date)")
    );
}

#[test]
fn coordinated_and_prepositional_subjects_keep_their_first_words() {
    let cs = claims("It rained. Likely, my siblings and I understood this because we were hurt.");
    assert_eq!(source_of(&cs, "understood"), Some("my siblings and I"));
    let cs = claims("It rained. Those close to him say that he would have liked more.");
    assert_eq!(source_of(&cs, "say"), Some("Those close to him"));
}

#[test]
fn a_participle_takes_the_subject_before_an_adverb_or_with_its_appositive() {
    let cs = claims(
        "Trump openly admires Russian President Vladimir Putin as a strong leader, saying \
         he is a better leader than President Obama.",
    );
    assert_eq!(source_of(&cs, "saying"), Some("Trump"));
    let cs = claims(
        "Dean, a former party chairman and presidential candidate, poked at Trump during the \
         debate, tweeting, \"Notice Trump sniffing all the time.\"",
    );
    assert_eq!(
        source_of(&cs, "tweeting"),
        Some("Dean, a former party chairman and presidential candidate")
    );
}

#[test]
fn a_contracted_auxiliary_after_a_relative_pronoun_is_the_cues() {
    let cs = claims(
        "It matters, with Hillary Clinton — who’s called for big tax hikes on the rich — \
         lambasting Trump.",
    );
    let c = find(&cs, "’s called for");
    assert_eq!(roles(c).0, Some("who"));
    // "almost" is a modifier of the cue, and the conjoined verb keeps the subject.
    let cs = claims(
        "They learned of the deals with Mills and Bentel and almost immediately disclosed \
         them to the AP.",
    );
    assert_eq!(source_of(&cs, "almost immediately disclosed"), Some("They"));
}

#[test]
fn an_inverted_speaker_keeps_whom_they_advise_and_a_passive_agent_loses_by() {
    let cs = claims("\"We will win,\" said a person close to the Clintons.");
    assert_eq!(
        source_of(&cs, "said"),
        Some("a person close to the Clintons")
    );
    let cs = claims("\"It is over,\" said one longtime adviser to Bill Clinton.");
    assert_eq!(
        source_of(&cs, "said"),
        Some("one longtime adviser to Bill Clinton")
    );
    // Elsewhere "to" still ends the speaker's phrase.
    let cs = claims("\"It is over,\" said Mr. Jones to the crowd.");
    assert_eq!(source_of(&cs, "said"), Some("Mr. Jones"));
    let cs = claims("The bill, opposed by House Republicans, never became law.");
    assert_eq!(source_of(&cs, "opposed"), Some("House Republicans"));
}

#[test]
fn the_day_a_poll_was_released_stays_in_the_source() {
    let cs = claims(
        "It rained. A poll from Marquette Law School released Wednesday found that she led.",
    );
    assert_eq!(
        source_of(&cs, "found"),
        Some("A poll from Marquette Law School released Wednesday")
    );
    // A day after the speaker is still dropped.
    let cs = claims("It rained. Sanders on Tuesday said that he would stay.");
    assert_eq!(source_of(&cs, "said"), Some("Sanders"));
}

#[test]
fn a_participle_of_publishing_inside_the_subject_is_no_cue() {
    let cs = claims(
        "Many lawmakers say there are concerns. A Government Accountability Office report \
         released last year found that the agency could not be sure.",
    );
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "released")),
        "{cs:#?}"
    );
    assert_eq!(
        roles(find(&cs, "found")),
        (
            Some("A Government Accountability Office report released last year"),
            Some("found"),
            "that the agency could not be sure"
        )
    );
    let cs = claims("It rained. Disclosures filed on Sunday night revealed that donors paid.");
    assert_eq!(
        source_of(&cs, "revealed"),
        Some("Disclosures filed on Sunday night")
    );
}

#[test]
fn say_after_a_possessive_is_a_noun() {
    for text in [
        "It rained. When the voters of Iowa finally had their say, they punctured his bid.",
        "It rained. Lynch still has the final say on whether Clinton faces prosecution.",
    ] {
        let cs = claims(text);
        assert!(
            cs.iter()
                .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "say")),
            "{text}: {cs:#?}"
        );
    }
    let cs = claims("It rained. He would not let her say that the plan had failed.");
    assert_eq!(find(&cs, "say").content.text, "that the plan had failed");
}

#[test]
fn admitted_to_hospital_reports_nothing() {
    let cs = claims(
        "The health authority said 212 cases were reported. 31 people were admitted to \
         hospital, most of them elderly. One of the people admitted to hospital was Doreen \
         Castle. Two were admitted into intensive care.",
    );
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| !q.text.contains("admitted"))),
        "{cs:#?}"
    );
    assert_eq!(source_of(&cs, "said"), Some("The health authority"));
    // Admitting to something is a cue still.
    let cs = claims("It rained. The senator admitted to the affair on Monday.");
    assert_eq!(source_of(&cs, "admitted to"), Some("The senator"));
}

#[test]
fn a_spaced_hyphen_is_a_dash() {
    // It ends a source read leftwards ...
    let cs = claims(
        "The debate over coal is also predictable - Donald J. Trump has vowed to bring back \
         mining jobs.",
    );
    assert_eq!(source_of(&cs, "has vowed"), Some("Donald J. Trump"));
    // ... brackets an aside in the source ...
    let cs = claims(
        "The three scholars - Mr. Tribe, Ms. Epstein and Mr. Amar - agreed there are good \
         candidates.",
    );
    assert_eq!(
        source_of(&cs, "agreed"),
        Some("The three scholars - Mr. Tribe, Ms. Epstein and Mr. Amar -")
    );
    // ... and opens a participle like a comma; a hyphen inside a word is no dash.
    let cs = claims(
        "Investors see a one-in-five chance that rates return to zero - implying that they \
         expect a slump.",
    );
    assert_eq!(source_of(&cs, "implying"), Some("Investors"));
}

#[test]
fn a_headline_in_capitals_is_no_part_of_the_source_after_it() {
    let cs = claims(
        "RUSSIANS SPARED FULL BAN FROM OLYMPICS The International Olympic Committee refused to \
         ban all athletes.",
    );
    assert_eq!(
        source_of_cue_from(&cs, "refused"),
        Some("The International Olympic Committee")
    );
}

#[test]
fn a_participles_sentence_subject_reads_on_to_its_verb() {
    let cs =
        claims("Bernie Sanders and Ted Cruz spent the day in Iowa, hoping to win over voters.");
    assert_eq!(
        source_of(&cs, "hoping"),
        Some("Bernie Sanders and Ted Cruz")
    );
    let cs = claims("Aides to Mr. Sanders gathered in Vermont, aiming to regroup.");
    assert_eq!(source_of(&cs, "aiming"), Some("Aides to Mr. Sanders"));
    let cs =
        claims("Mr. Rubio's father and mother came to America in 1956, hoping for a better life.");
    assert_eq!(
        source_of_cue_from(&cs, "hoping"),
        Some("Mr. Rubio's father and mother")
    );
}

#[test]
fn went_on_to_is_part_of_the_cue() {
    let cs = claims("Sanders said it was insane, going on to say that the country spent millions.");
    assert_eq!(source_of(&cs, "going on to say"), Some("Sanders"));
}

#[test]
fn a_participle_after_a_relative_clause_takes_the_sentence_subject() {
    let cs = claims(
        "Trump was defensive about not paying an architect who said he was stiffed, saying, \
         \"Maybe he didn't do a good job.\"",
    );
    assert_eq!(source_of(&cs, "saying"), Some("Trump"));
}

#[test]
fn an_event_of_speech_is_where_it_was_said_not_who_said_it() {
    let cs = claims(
        "\"We will get there,\" she said at a recent news conference announcing that her \
         department was suing the state.",
    );
    assert_eq!(source_of(&cs, "announcing"), Some("she"));
}

#[test]
fn a_closing_according_to_source_keeps_a_bare_title_and_others() {
    let cs = claims(
        "It can reduce suicide, according to Craig Bryan, head of the National Center for \
         Veterans Studies, and other scientists.",
    );
    assert_eq!(
        source_of(&cs, "according to"),
        Some("Craig Bryan, head of the National Center for Veterans Studies, and other scientists")
    );
    // Mid-sentence, the clause after it is no description.
    let cs =
        claims("Since November, according to Human Rights Watch, state forces have killed dozens.");
    assert_eq!(source_of(&cs, "according to"), Some("Human Rights Watch"));
}

#[test]
fn continued_to_and_tried_to_belong_to_the_cue_after_them() {
    let cs = claims("It rained. Maddow tried to press Warren on whether she would run.");
    assert_eq!(source_of(&cs, "tried to press"), Some("Maddow"));
    let cs = claims("It rained. Republicans continue to warn that the deal was a danger.");
    assert_eq!(source_of(&cs, "continue to warn"), Some("Republicans"));
    // The other way round: a cue "continued" or "went on" takes the "to V" after it, with an
    // adverb before the verb.
    let cs = claims("It rained. Trump continued to hammer her record on trade.");
    assert_eq!(
        roles(find(&cs, "continued to hammer")),
        (
            Some("Trump"),
            Some("continued to hammer"),
            "her record on trade"
        )
    );
    let cs = claims("It rained. The senator went on to mock the governor's plan.");
    assert_eq!(source_of(&cs, "went on to mock"), Some("The senator"));
    let cs = claims("It rained. He has continued to firmly insist that he will fight on.");
    assert_eq!(
        roles(find(&cs, "has continued to firmly insist")).2,
        "that he will fight on"
    );
}

#[test]
fn a_relative_that_before_a_verb_keeps_its_clause_in_the_source() {
    let cs = claims(
        "It rained. A 2014 study that appeared in the British Medical Journal found that \
         research did not support the claims.",
    );
    assert_eq!(
        source_of(&cs, "found"),
        Some("A 2014 study that appeared in the British Medical Journal")
    );
    // A head holding a verb is a clause, not a source.
    let cs = claims(
        "States won many of the battles that preceded the election two years ago because the \
         conservative majority on the Supreme Court refused requests to stop them.",
    );
    assert_eq!(
        source_of(&cs, "refused"),
        Some("the conservative majority on the Supreme Court")
    );
}

#[test]
fn an_adjective_before_a_noun_cue_joins_it() {
    let cs = claims(
        "The United Nations came under withering criticism for its handling of the outbreak.",
    );
    assert_eq!(
        roles(find(&cs, "withering criticism for")),
        (
            Some("The United Nations"),
            Some("withering criticism for"),
            "its handling of the outbreak"
        )
    );
}

#[test]
fn interview_turn_labels_make_no_claims() {
    let text = "The House got mad. Why did Biden do this. But $660 billion!\n\nQ: You were going to talk about the Supreme Court. Do you nominate a centrist? Someone who fires up the base?\n\nA: Look, I will nominate a judge.";
    let cs = claims(text);
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != ":")),
        "{cs:#?}"
    );
}

#[test]
fn a_question_cue_skips_its_object_before_the_question() {
    let cs = claims("He asked Bernie Sanders if he would ever endorse Hillary Clinton.");
    assert_eq!(
        roles(find(&cs, "asked")),
        (
            Some("He"),
            Some("asked"),
            "if he would ever endorse Hillary Clinton"
        )
    );
}

#[test]
fn a_telling_cue_skips_a_longer_object_with_its_place_and_time() {
    let cs = claims(
        "Trump told a town hall in Salem, New Hampshire on Monday that waterboarding is fine. \
         Whitman told The Star-Ledger of Newark last week she would rather vote for Clinton. \
         Obama told them Clinton has a plan.",
    );
    let contents: Vec<&str> = cs.iter().map(|c| c.content.text.as_str()).collect();
    assert_eq!(
        contents,
        [
            "that waterboarding is fine",
            "she would rather vote for Clinton",
            "Clinton has a plan"
        ]
    );
}

#[test]
fn a_source_after_a_clause_and_a_conjunction_is_the_cue_subject() {
    let cs = claims("The plan failed and the mayor said the GOP was to blame.");
    assert_eq!(source_of(&cs, "said"), Some("the mayor"));
}

#[test]
fn a_share_of_a_relative_whom_is_the_source() {
    let cs = claims(
        "The bill angered family members of 9/11 victims, many of whom say the president's \
         claims are overblown.",
    );
    assert_eq!(
        roles(find(&cs, "say")),
        (
            Some("many of whom"),
            Some("say"),
            "the president's claims are overblown"
        )
    );
}

#[test]
fn a_telling_verb_after_a_quote_never_inverts() {
    let cs = claims(
        "“We found zero relationship,” Google's chief human resources executive, Laszlo Bock, \
         told The New York Times in 2013.",
    );
    assert_eq!(
        roles(find(&cs, "told")),
        (
            Some("Google's chief human resources executive, Laszlo Bock,"),
            Some("told"),
            "“We found zero relationship,”"
        )
    );
}

#[test]
fn a_time_phrase_inside_the_verb_group_is_the_cue_s() {
    let cs = claims("Gore’s close friends and allies have in the past said he was stubborn.");
    assert_eq!(
        roles(find(&cs, "have in the past said")),
        (
            Some("Gore’s close friends and allies"),
            Some("have in the past said"),
            "he was stubborn"
        )
    );
    let cs = claims("Police had last month charged the aide after a long inquiry.");
    assert_eq!(source_of(&cs, "had last month charged"), Some("Police"));
}

#[test]
fn more_likely_to_say_is_one_cue() {
    let cs =
        claims("Democratic voters are slightly more likely to say that Clinton represents them.");
    assert_eq!(
        roles(find(&cs, "are slightly more likely to say")),
        (
            Some("Democratic voters"),
            Some("are slightly more likely to say"),
            "that Clinton represents them"
        )
    );
}

#[test]
fn a_quote_goes_on_past_a_participle_that_reports_nothing() {
    let cs = claims("“I opposed it then,” Clinton said, drawing cheers. “I oppose it now.”");
    assert_eq!(
        roles(find(&cs, "said")),
        (
            Some("Clinton"),
            Some("said"),
            "“I opposed it then,” … “I oppose it now.”"
        )
    );
}

#[test]
fn a_quote_goes_on_past_a_quoted_programme_title() {
    let cs = claims("“I am not running,” he said on “Meet the Press.” “But being vetted is hard.”");
    assert_eq!(
        find(&cs, "said").content.text,
        "“I am not running,” … “But being vetted is hard.”"
    );
}

#[test]
fn a_programme_title_before_the_speaker_is_no_quoted_content() {
    let cs =
        claims("Later on ''This Week,'' Senator Bernie Sanders questioned Mr. Trump's veracity.");
    assert_eq!(
        roles(find(&cs, "questioned")),
        (
            Some("Senator Bernie Sanders"),
            Some("questioned"),
            "Mr. Trump's veracity"
        )
    );
}

#[test]
fn a_cue_whose_content_follows_reads_on_into_to_and_a_verb() {
    let cs = claims(
        "Though he has not been a major voice on immigration, Sanders promised to take bold \
         action should he win.",
    );
    assert_eq!(
        roles(find(&cs, "promised")),
        (
            Some("Sanders"),
            Some("promised"),
            "to take bold action should he win"
        )
    );
}

#[test]
fn a_quote_before_the_speaker_is_the_content_of_any_cue_that_ends_the_clause() {
    // "announced" has its content after it in train 74 times in 77.
    let cs = claims("“We will not back down,” the mayor announced to the crowd.");
    assert_eq!(
        roles(find(&cs, "announced")),
        (
            Some("the mayor"),
            Some("announced"),
            "“We will not back down,”"
        )
    );
}

#[test]
fn that_before_a_verb_after_a_noun_cue_is_a_relative_pronoun() {
    for text in [
        "It failed. An alarm that should have alerted staff to the failure was not triggered.",
        "It was late. The warning that was issued came too late for the town.",
    ] {
        let cs = claims(text);
        assert!(
            cs.iter().all(|c| !c.content.text.starts_with("that")),
            "{text}: {cs:#?}"
        );
    }
    // With a subject of its own, "that" still opens the content.
    let cs = claims("It was late. The warning that the water was unsafe came too late.");
    assert!(
        find(&cs, "warning")
            .content
            .text
            .starts_with("that the water")
    );
}

#[test]
fn a_determiner_after_told_s_object_opens_the_clause_when_a_verb_follows() {
    let cs = claims("It was late. A manager told him a replacement was coming.");
    assert_eq!(
        roles(find(&cs, "told")),
        (Some("A manager"), Some("told"), "a replacement was coming")
    );
    // Two objects, no clause: nothing is skipped.
    let cs = claims("It was late. A manager told him a story about the war.");
    assert!(find(&cs, "told").content.text.starts_with("him a story"));
}

#[test]
fn a_sentence_opening_with_a_poll_reports_what_it_found() {
    let cs = claims(
        "Voters are split. In a Northvale Gazette poll released Monday, 50 percent of voters \
         backed the levy. In the latest Ridge Post poll, conducted in May, the mayor led by 8 \
         points. In a Ridge Post survey last month, the council trailed.",
    );
    let polls: Vec<_> = cs.iter().map(roles).collect();
    assert_eq!(
        polls,
        [
            (
                Some("a Northvale Gazette poll released Monday"),
                Some("In"),
                "50 percent of voters backed the levy"
            ),
            (
                Some("the latest Ridge Post poll, conducted in May,"),
                Some("In"),
                "the mayor led by 8 points"
            ),
            (
                Some("a Ridge Post survey"),
                Some("In"),
                "the council trailed"
            ),
        ]
    );
    assert!(cs.iter().all(|c| c.meta.rule.as_deref() == Some("poll")));
}

#[test]
fn an_opening_in_that_names_no_poll_reports_nothing() {
    for text in [
        "In the polls, anyway.",
        "In eight of nine states where exit polls were conducted Tuesday, turnout rose.",
        "In a memo released as polls closed, the campaign thanked volunteers.",
        "In the town hall, the mayor thanked volunteers.",
        "Turnout rose in the polls, the mayor thanked volunteers.",
    ] {
        let cs = claims(text);
        assert!(
            cs.iter().all(|c| c
                .cue
                .as_ref()
                .is_none_or(|q| q.text != "In" && q.text != "in")),
            "{text}: {cs:#?}"
        );
    }
}

#[test]
fn evidence_that_shows_or_finds_reports_its_finding() {
    let cs = claims(
        "The race tightened. A Ridge Post poll this month found the mayor about even with \
         the challenger. One influential 2009 paper showed improvements in math scores.",
    );
    assert_eq!(
        roles(find(&cs, "found")),
        (
            Some("A Ridge Post poll"),
            Some("found"),
            "the mayor about even with the challenger"
        )
    );
    assert_eq!(
        roles(find(&cs, "showed")),
        (
            Some("One influential 2009 paper"),
            Some("showed"),
            "improvements in math scores"
        )
    );
}

#[test]
fn a_poll_that_can_be_found_somewhere_reports_nothing() {
    let cs = claims("The race tightened. The full poll can be found here.");
    assert!(
        cs.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "found")),
        "{cs:#?}"
    );
}

proptest! {
    /// The content-end classifier's "last comma" feature, read from a per-token table, is
    /// the one a walk back from the boundary finds.
    #[test]
    fn last_comma_table_agrees_with_a_walk_back(
        words in proptest::collection::vec(prop_oneof![
            Just(","), Just("said"), Just("the"), Just("Smith"), Just("."), Just("“"), Just("1,000"),
        ], 0..40)
    ) {
        let text = words.join(" ");
        let cx = Context::new(&text);
        let doc = super::Doc::new(&cx, super::Models::compiled());
        let n = doc.tokens.len();
        for from in 0..n {
            for b in from + 1..n {
                let walked = (from..b).rev().position(|k| doc.low(k) == ",");
                prop_assert_eq!(walked, doc.last_comma(from, b));
            }
        }
    }
}

#[test]
fn a_content_holds_no_bracket_it_does_not_close_or_did_not_open() {
    let cs = claims(
        "Clinton left the event early. (Her doctor later said that she has pneumonia.) The \
         campaign said nothing more.",
    );
    assert_eq!(
        find(&cs, "later said").content.text,
        "that she has pneumonia"
    );
    fn close(s: &str) -> &str {
        let mut part = 0..s.len();
        super::close_brackets(s, &mut part);
        &s[part]
    }
    assert_eq!(close("that she has pneumonia)"), "that she has pneumonia");
    assert_eq!(close("the plan, (which he unveiled"), "the plan");
    assert_eq!(close(") hurt her husband"), "hurt her husband");
    assert_eq!(close("( Every year, she says"), "Every year, she says");
    assert_eq!(close("(Every year (he says"), "Every year");
    // Balanced brackets stay, and so does a content that would be left empty.
    assert_eq!(
        close("a plan (a bad one) for [all]"),
        "a plan (a bad one) for [all]"
    );
    assert_eq!(close("(, )x"), "(, )x");
    assert_eq!(close("("), "(");
}

#[test]
fn a_cue_takes_the_object_and_preposition_before_its_content() {
    // PolNeAR keeps the preposition between a cue and its content in the cue, and with it
    // the object the verb governs (the cue-reach classifier learns where).
    let cs = claims("It rained. Smith asked Jones about the plan.");
    assert_eq!(
        roles(find(&cs, "asked Jones about")),
        (Some("Smith"), Some("asked Jones about"), "the plan")
    );
    let cs = claims("It rained. Democrats called for releasing the police video.");
    assert_eq!(
        roles(find(&cs, "called for")),
        (
            Some("Democrats"),
            Some("called for"),
            "releasing the police video"
        )
    );
}

#[test]
fn a_cue_leaves_a_clause_and_a_rough_number_to_its_content() {
    let cs = claims("It rained. Smith said the problem for Cruz is that voters left.");
    assert_eq!(
        roles(find(&cs, "said")).2,
        "the problem for Cruz is that voters left"
    );
    let cs = claims("It rained. McAuliffe has said about 20 people have indicated an interest.");
    assert_eq!(
        roles(find(&cs, "has said")).2,
        "about 20 people have indicated an interest"
    );
}

#[test]
fn a_bare_title_or_affiliation_after_the_name_is_the_sources() {
    // PolNeAR keeps the appositive, and its closing comma, with the speaker.
    let cs = claims(
        "It is good, said Peter Rice, chairman of Fox Networks Group, noting that old episodes \
         become valuable.",
    );
    assert_eq!(
        roles(find(&cs, "said")),
        (
            Some("Peter Rice, chairman of Fox Networks Group,"),
            Some("said"),
            "It is good"
        )
    );
    let cs = claims("''It is good,'' Mr. Mahaney, of RBC Capital Markets, said.");
    assert_eq!(
        source_of(&cs, "said"),
        Some("Mr. Mahaney, of RBC Capital Markets,")
    );
    // An aside is not: "Trump, in particular, has said", "Trump, of course, has said".
    for aside in ["in particular", "of course"] {
        let cs = claims(&format!(
            "It rained. Trump, {aside}, has said that taxes are too high."
        ));
        assert_eq!(source_of(&cs, "has said"), Some("Trump"), "{aside}");
    }
}
