//! Stances over hand-built actors and claims that mirror what the actor and claim layers give.

use super::*;
use crate::model::{ActorKind, Extra};

const SEED: &str = include_str!("../../../seeds/000_a00d91becb0c72f2.txt");

/// An actor whose mentions are every occurrence of `surfaces` (whole words) in `text`.
fn actor(text: &str, id: &str, name: &str, kind: ActorKind, surfaces: &[&str]) -> Actor {
    let mut mentions = Vec::new();
    for s in surfaces {
        for (b, _) in text.match_indices(s) {
            let before = text[..b].chars().next_back();
            let after = text[b + s.len()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            mentions.push(Span::from_bytes(text, b..b + s.len()));
        }
    }
    mentions.sort_by_key(|m| m.start);
    Actor {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: surfaces
            .iter()
            .filter(|s| **s != name)
            .map(|s| s.to_string())
            .collect(),
        role: None,
        mentions,
        meta: Meta::auto("test", 0.9),
        extra: Extra::new(),
    }
}

fn span_of(text: &str, needle: &str) -> Span {
    let b = text.find(needle).expect("needle in text");
    Span::from_bytes(text, b..b + needle.len())
}

/// A claim: `source` said (`cue`) `content`, each located by its first occurrence.
fn claim(text: &str, id: &str, actor: &str, source: &str, cue: &str, content: &str) -> Claim {
    let content_span = span_of(text, content);
    let after = |needle: &str| {
        // The source and cue nearest before (or just after) the content.
        let c = text.find(content).expect("content");
        let b = text[..c]
            .rfind(needle)
            .or_else(|| text[c..].find(needle).map(|x| x + c))
            .expect("needle");
        Span::from_bytes(text, b..b + needle.len())
    };
    Claim {
        id: id.into(),
        actor: Some(actor.into()),
        source: Some(after(source)),
        cue: Some(after(cue)),
        content: content_span,
        kind: ClaimKind::Indirect,
        meta: Meta::auto("test", 0.8),
        extra: Extra::new(),
    }
}

fn seed_actors() -> Vec<Actor> {
    let t = SEED;
    vec![
        actor(t, "a1", "NATO", ActorKind::Organization, &["NATO"]),
        actor(t, "a2", "Ukraine", ActorKind::Country, &["Ukraine", "Kiev"]),
        actor(
            t,
            "a3",
            "Anders Rasmussen",
            ActorKind::Person,
            &["Anders Rasmussen", "Rasmussen"],
        ),
        actor(t, "a4", "Poland", ActorKind::Country, &["Poland"]),
        actor(t, "a5", "Russia", ActorKind::Country, &["Russia"]),
        actor(
            t,
            "a6",
            "United States",
            ActorKind::Country,
            &["the United States", "US"],
        ),
        actor(
            t,
            "a7",
            "several Eastern European leaders",
            ActorKind::Group,
            &["several Eastern European leaders"],
        ),
        actor(
            t,
            "a8",
            "Jens Stoltenberg",
            ActorKind::Person,
            &["Jens Stoltenberg"],
        ),
        actor(
            t,
            "a9",
            "some NATO allies",
            ActorKind::Group,
            &["some NATO allies"],
        ),
    ]
}

fn seed_claims() -> Vec<Claim> {
    let t = SEED;
    vec![
        claim(
            t,
            "c1",
            "a3",
            "Anders Rasmussen",
            "says",
            "it is very likely that countries such as Poland support Ukraine by sending ground troops to fight against Russia",
        ),
        claim(
            t,
            "c2",
            "a3",
            "He",
            "emphasized",
            "the importance of security guarantees, including intelligence sharing, joint training, NATO interoperability, and the provision of ammunition and arms",
        ),
        claim(
            t,
            "c3",
            "a3",
            "Rasmussen",
            "mentioned",
            "that some NATO allies might support security guarantees to avoid a discussion on Ukraine's membership aspirations",
        ),
        claim(
            t,
            "c4",
            "a3",
            "he",
            "believed",
            "that the issue of Ukraine's NATO membership would be raised at the summit, as several Eastern European leaders strongly advocate for a clear pathway towards Kiev's membership in the alliance",
        ),
    ]
}

fn run(text: &str, actors: &[Actor], claims: &[Claim]) -> Vec<Stance> {
    let cx = Context::new(text);
    find_stances(&cx, actors, claims)
}

fn name<'a>(actors: &'a [Actor], id: &str) -> &'a str {
    &actors.iter().find(|a| a.id == id).expect("actor").name
}

fn has(stances: &[Stance], actors: &[Actor], who: &str, target: &str, polarity: Polarity) -> bool {
    stances
        .iter()
        .any(|s| name(actors, &s.actor) == who && s.target == target && s.polarity == polarity)
}

fn describe(stances: &[Stance], actors: &[Actor]) -> String {
    stances
        .iter()
        .map(|s| {
            format!(
                "{} {} {:?} [{}] {:?} {:?}\n",
                name(actors, &s.actor),
                s.polarity.as_str(),
                s.target,
                s.meta.rule.as_deref().unwrap_or(""),
                s.meta.confidence,
                s.claim
            )
        })
        .collect()
}

#[test]
fn seed_hesitant_united_states_opposes_ukraines_nato_membership() {
    let actors = seed_actors();
    let stances = run(SEED, &actors, &seed_claims());
    let us = stances
        .iter()
        .find(|s| name(&actors, &s.actor) == "United States")
        .unwrap_or_else(|| panic!("no US stance in\n{}", describe(&stances, &actors)));
    assert_eq!(us.polarity, Polarity::Oppose);
    assert_eq!(
        us.target,
        "Ukraine's NATO membership",
        "{}",
        describe(&stances, &actors)
    );
    assert_eq!(us.meta.rule.as_deref(), Some("descriptive-hesitant"));
    assert!(us.claim.is_none());
}

#[test]
fn seed_eastern_european_leaders_support_the_same_target() {
    let actors = seed_actors();
    let stances = run(SEED, &actors, &seed_claims());
    assert!(
        has(
            &stances,
            &actors,
            "several Eastern European leaders",
            "Ukraine's NATO membership",
            Polarity::Support
        ),
        "{}",
        describe(&stances, &actors)
    );
}

#[test]
fn seed_claim_content_gives_the_speakers_stance_with_the_claim_id() {
    let actors = seed_actors();
    let stances = run(SEED, &actors, &seed_claims());
    let s = stances
        .iter()
        .find(|s| s.target == "security guarantees" && s.actor == "a3")
        .unwrap_or_else(|| panic!("{}", describe(&stances, &actors)));
    assert_eq!(s.polarity, Polarity::Support);
    assert_eq!(s.claim.as_deref(), Some("c2"));
    assert_eq!(s.meta.rule.as_deref(), Some("claim-content-importance-of"));
}

#[test]
fn seed_every_evidence_span_matches_the_text() {
    let actors = seed_actors();
    let stances = run(SEED, &actors, &seed_claims());
    println!("{}", describe(&stances, &actors));
    assert!(stances.len() >= 4, "{}", describe(&stances, &actors));
    for (i, s) in stances.iter().enumerate() {
        assert_eq!(s.id, format!("s{}", i + 1));
        let e = s.evidence.as_ref().expect("evidence");
        let got: String = SEED.chars().skip(e.start).take(e.end - e.start).collect();
        assert_eq!(got, e.text);
        let c = s.meta.confidence.expect("confidence");
        assert!((0.0..=1.0).contains(&c));
    }
}

fn own() -> (String, Vec<Actor>) {
    let text = "The senator backs the new trade deal. The governor does not support the trade deal. \
                Critics say the mayor opposes the bridge. The union may back the bridge. \
                The council strongly opposes the tax.";
    let actors = vec![
        actor(text, "a1", "senator", ActorKind::Person, &["The senator"]),
        actor(text, "a2", "governor", ActorKind::Person, &["The governor"]),
        actor(text, "a3", "mayor", ActorKind::Person, &["the mayor"]),
        actor(text, "a4", "union", ActorKind::Organization, &["The union"]),
        actor(
            text,
            "a5",
            "council",
            ActorKind::Organization,
            &["The council"],
        ),
    ];
    (text.to_string(), actors)
}

#[test]
fn descriptive_sentence_with_actor_subject_gives_a_stance() {
    let (text, actors) = own();
    let stances = run(&text, &actors, &[]);
    let s = stances.iter().find(|s| s.actor == "a1").expect("senator");
    assert_eq!(s.polarity, Polarity::Support);
    assert_eq!(s.target, "trade deal");
    assert_eq!(s.meta.rule.as_deref(), Some("descriptive-backs"));
}

#[test]
fn negation_flips_polarity() {
    let (text, actors) = own();
    let stances = run(&text, &actors, &[]);
    let s = stances.iter().find(|s| s.actor == "a2").expect("governor");
    assert_eq!(s.polarity, Polarity::Oppose);
    assert_eq!(s.target, "trade deal");
    assert!(
        s.meta
            .rule
            .as_deref()
            .is_some_and(|r| r.ends_with("-negated"))
    );
}

#[test]
fn hedge_lowers_confidence() {
    let (text, actors) = own();
    let stances = run(&text, &actors, &[]);
    let firm = stances.iter().find(|s| s.actor == "a1").expect("senator");
    let hedged = stances.iter().find(|s| s.actor == "a4").expect("union");
    assert_eq!(hedged.polarity, Polarity::Support);
    assert_eq!(hedged.target, "bridge");
    assert!(hedged.meta.confidence < firm.meta.confidence);
}

#[test]
fn intensifier_raises_confidence() {
    let (text, actors) = own();
    let stances = run(&text, &actors, &[]);
    let mayor = stances.iter().find(|s| s.actor == "a3").expect("mayor");
    let council = stances.iter().find(|s| s.actor == "a5").expect("council");
    assert_eq!(council.polarity, Polarity::Oppose);
    assert!(council.meta.confidence > mayor.meta.confidence);
}

#[test]
fn targets_normalise_to_one_string() {
    let text = "Germany opposes Ukraine's membership in NATO. France backs Kiev's bid to join the \
                alliance. Italy supports the membership of Ukraine in NATO. Spain rejects \
                Ukrainian accession to NATO.";
    let actors = vec![
        actor(text, "a1", "Germany", ActorKind::Country, &["Germany"]),
        actor(text, "a2", "France", ActorKind::Country, &["France"]),
        actor(text, "a3", "Italy", ActorKind::Country, &["Italy"]),
        actor(
            text,
            "a4",
            "Ukraine",
            ActorKind::Country,
            &["Ukraine", "Kiev"],
        ),
        actor(text, "a5", "NATO", ActorKind::Organization, &["NATO"]),
        actor(text, "a6", "Spain", ActorKind::Country, &["Spain"]),
    ];
    let stances = run(text, &actors, &[]);
    let targets: Vec<(&str, &str)> = stances
        .iter()
        .map(|s| (s.actor.as_str(), s.target.as_str()))
        .collect();
    assert_eq!(
        &targets[..3],
        [
            ("a1", "Ukraine's NATO membership"),
            ("a2", "Ukraine's NATO membership"),
            ("a3", "Ukraine's NATO membership"),
        ],
        "{}",
        describe(&stances, &actors)
    );
}

#[test]
fn claim_derived_stance_carries_the_claim_id() {
    let text = "The minister said that we strongly oppose the pipeline.";
    let actors = vec![actor(
        text,
        "a1",
        "minister",
        ActorKind::Person,
        &["The minister"],
    )];
    let mut c = claim(
        text,
        "c7",
        "a1",
        "The minister",
        "said",
        "that we strongly oppose the pipeline",
    );
    c.kind = ClaimKind::Direct;
    let stances = run(text, &actors, &[c]);
    assert_eq!(stances.len(), 1, "{}", describe(&stances, &actors));
    assert_eq!(stances[0].claim.as_deref(), Some("c7"));
    assert_eq!(stances[0].actor, "a1");
    assert_eq!(stances[0].target, "pipeline");
    assert_eq!(stances[0].polarity, Polarity::Oppose);
}

#[test]
fn copula_evaluation_in_a_claim_gives_the_speakers_stance() {
    let text = "Critics warned the new tariff would be a disaster, the union said.";
    let actors = vec![actor(
        text,
        "a1",
        "union",
        ActorKind::Organization,
        &["the union"],
    )];
    let c = claim(
        text,
        "c1",
        "a1",
        "the union",
        "said",
        "Critics warned the new tariff would be a disaster",
    );
    let stances = run(text, &actors, &[c]);
    assert!(
        has(&stances, &actors, "union", "new tariff", Polarity::Oppose),
        "{}",
        describe(&stances, &actors)
    );
}

#[test]
fn copula_evaluation_by_the_author_gives_nothing() {
    let text = "The new tariff would be a disaster for the union.";
    let actors = vec![actor(
        text,
        "a1",
        "union",
        ActorKind::Organization,
        &["the union"],
    )];
    assert!(run(text, &actors, &[]).is_empty());
}

#[test]
fn neutral_text_gives_nothing() {
    let text = "The senator visited the factory on Monday. The governor met reporters in the \
                capital and spoke about the weather.";
    let actors = vec![
        actor(text, "a1", "senator", ActorKind::Person, &["The senator"]),
        actor(text, "a2", "governor", ActorKind::Person, &["The governor"]),
    ];
    assert!(run(text, &actors, &[]).is_empty());
}

#[test]
fn expression_without_an_actor_subject_gives_nothing() {
    let text = "Many people support the plan to rebuild the bridge.";
    let actors = vec![actor(text, "a1", "bridge", ActorKind::Other, &["Bridge"])];
    assert!(run(text, &actors, &[]).is_empty());
}

#[test]
fn no_actors_gives_nothing() {
    assert!(run(SEED, &[], &[]).is_empty());
}

#[test]
fn coordinated_subjects_each_hold_the_stance() {
    let text = "Poland and Lithuania back sanctions on Russia.";
    let actors = vec![
        actor(text, "a1", "Poland", ActorKind::Country, &["Poland"]),
        actor(text, "a2", "Lithuania", ActorKind::Country, &["Lithuania"]),
        actor(text, "a3", "Russia", ActorKind::Country, &["Russia"]),
    ];
    let stances = run(text, &actors, &[]);
    assert!(
        has(&stances, &actors, "Poland", "sanctions", Polarity::Support),
        "{}",
        describe(&stances, &actors)
    );
    assert!(has(
        &stances,
        &actors,
        "Lithuania",
        "sanctions",
        Polarity::Support
    ));
}

#[test]
fn phrasal_verbs_are_not_stances() {
    let text = "Washington backed off the tax plan. Congress backed out of the trade deal.";
    let actors = vec![
        actor(text, "a1", "Washington", ActorKind::Place, &["Washington"]),
        actor(
            text,
            "a2",
            "Congress",
            ActorKind::Organization,
            &["Congress"],
        ),
    ];
    assert!(run(text, &actors, &[]).is_empty());
}

#[test]
fn a_bare_comma_does_not_coordinate_subjects() {
    let text = "On Tuesday, Clinton criticized the tax plan.";
    let actors = vec![
        actor(text, "a1", "Tuesday", ActorKind::Other, &["Tuesday"]),
        actor(text, "a2", "Clinton", ActorKind::Person, &["Clinton"]),
    ];
    let stances = run(text, &actors, &[]);
    assert_eq!(stances.len(), 1, "{}", describe(&stances, &actors));
    assert_eq!(stances[0].actor, "a2");
    assert_eq!(stances[0].target, "tax plan");
}

#[test]
fn passive_has_no_holder_before_it() {
    let text = "Texas was called for Cruz. The bill was backed by donors.";
    let actors = vec![
        actor(text, "a1", "Texas", ActorKind::Place, &["Texas"]),
        actor(text, "a2", "Cruz", ActorKind::Person, &["Cruz"]),
    ];
    assert!(run(text, &actors, &[]).is_empty());
}

#[test]
fn infinitive_without_a_verb_of_intent_has_no_holder() {
    let text = "He urged Americans to support the tax plan. Poland vowed to back the tax plan.";
    let actors = vec![
        actor(text, "a1", "Americans", ActorKind::Group, &["Americans"]),
        actor(text, "a2", "Poland", ActorKind::Country, &["Poland"]),
    ];
    let stances = run(text, &actors, &[]);
    assert_eq!(stances.len(), 1, "{}", describe(&stances, &actors));
    assert_eq!(stances[0].actor, "a2");
}

#[test]
fn reported_speech_pronoun_is_the_speaker() {
    let text = "Senator Smith said he opposes the pipeline.";
    let actors = vec![actor(
        text,
        "a1",
        "Senator Smith",
        ActorKind::Person,
        &["Senator Smith"],
    )];
    let c = claim(
        text,
        "c1",
        "a1",
        "Senator Smith",
        "said",
        "he opposes the pipeline",
    );
    let stances = run(text, &actors, &[c]);
    assert_eq!(stances.len(), 1, "{}", describe(&stances, &actors));
    assert_eq!(stances[0].actor, "a1");
    assert_eq!(stances[0].polarity, Polarity::Oppose);
    assert_eq!(stances[0].claim.as_deref(), Some("c1"));
}

#[test]
fn direct_quote_first_person_negated() {
    let text = "\"We will never back this deal,\" the union said.";
    let actors = vec![actor(
        text,
        "a1",
        "union",
        ActorKind::Organization,
        &["the union"],
    )];
    let mut c = claim(
        text,
        "c1",
        "a1",
        "the union",
        "said",
        "We will never back this deal,",
    );
    c.kind = ClaimKind::Direct;
    let stances = run(text, &actors, &[c]);
    assert_eq!(stances.len(), 1, "{}", describe(&stances, &actors));
    assert_eq!(stances[0].polarity, Polarity::Oppose);
    assert_eq!(stances[0].target, "deal");
}

#[test]
fn a_pronoun_outside_any_claim_gives_nothing() {
    let text = "Senator Smith arrived. He opposes the pipeline.";
    let actors = vec![actor(
        text,
        "a1",
        "Senator Smith",
        ActorKind::Person,
        &["Senator Smith"],
    )];
    assert!(run(text, &actors, &[]).is_empty());
}

#[test]
fn membership_forms_unify_within_an_article() {
    let text = "Germany opposes Ukraine's bid to join. France backs NATO membership for Kiev. \
                Italy rejects the pledge of membership given to Ukraine 15 years ago. \
                Spain supports Ukraine joining NATO. Greece backs Ukraine's NATO membership.";
    let actors = vec![
        actor(text, "a1", "Germany", ActorKind::Country, &["Germany"]),
        actor(text, "a2", "France", ActorKind::Country, &["France"]),
        actor(text, "a3", "Italy", ActorKind::Country, &["Italy"]),
        actor(text, "a4", "Spain", ActorKind::Country, &["Spain"]),
        actor(text, "a5", "Greece", ActorKind::Country, &["Greece"]),
        actor(
            text,
            "a6",
            "Ukraine",
            ActorKind::Country,
            &["Ukraine", "Kiev"],
        ),
        actor(text, "a7", "NATO", ActorKind::Organization, &["NATO"]),
    ];
    let stances = run(text, &actors, &[]);
    assert_eq!(stances.len(), 5, "{}", describe(&stances, &actors));
    for s in &stances {
        assert_eq!(
            s.target,
            "Ukraine's NATO membership",
            "{}",
            describe(&stances, &actors)
        );
    }
}

#[test]
fn generic_descriptor_names_the_organisation_actor() {
    let text = "Poland strongly advocates for Kiev's membership in the alliance.";
    let actors = vec![
        actor(text, "a1", "Poland", ActorKind::Country, &["Poland"]),
        actor(text, "a2", "Ukraine", ActorKind::Country, &["Kiev"]),
        actor(text, "a3", "NATO", ActorKind::Organization, &[]),
    ];
    let stances = run(text, &actors, &[]);
    assert_eq!(stances.len(), 1, "{}", describe(&stances, &actors));
    assert_eq!(stances[0].target, "Ukraine's NATO membership");
}

#[test]
fn a_capital_in_a_target_becomes_its_country_when_that_is_an_actor() {
    let text = "Poland backs Kyiv's membership in NATO. Hungary opposes Ukraine's NATO membership.";
    let actors = vec![
        actor(text, "a1", "Poland", ActorKind::Country, &["Poland"]),
        actor(text, "a2", "Kyiv", ActorKind::Place, &["Kyiv"]),
        actor(text, "a3", "Ukraine", ActorKind::Country, &["Ukraine"]),
        actor(text, "a4", "NATO", ActorKind::Organization, &["NATO"]),
        actor(text, "a5", "Hungary", ActorKind::Country, &["Hungary"]),
    ];
    let stances = run(text, &actors, &[]);
    let targets: Vec<&str> = stances.iter().map(|s| s.target.as_str()).collect();
    assert_eq!(
        targets,
        ["Ukraine's NATO membership", "Ukraine's NATO membership"]
    );
}

#[test]
fn a_capital_inside_a_longer_name_stays() {
    let text = "Trump criticized Washington Post reporters.";
    let actors = vec![
        actor(text, "a1", "Trump", ActorKind::Person, &["Trump"]),
        actor(text, "a2", "United States", ActorKind::Country, &["US"]),
    ];
    let stances = run(text, &actors, &[]);
    assert_eq!(stances.len(), 1);
    assert_eq!(stances[0].target, "Washington Post reporters");
}

#[test]
fn possessor_of_a_nominal_stance_holds_it() {
    let text = "Russia's support for Assad has not wavered.";
    let actors = vec![
        actor(text, "a1", "Russia", ActorKind::Country, &["Russia"]),
        actor(text, "a2", "Assad", ActorKind::Person, &["Assad"]),
    ];
    let stances = run(text, &actors, &[]);
    assert_eq!(stances.len(), 1, "{}", describe(&stances, &actors));
    assert_eq!(
        (stances[0].actor.as_str(), stances[0].target.as_str()),
        ("a1", "Assad")
    );
    assert_eq!(stances[0].polarity, Polarity::Support);
}

#[test]
fn divided_and_undecided_give_neutral_stances() {
    let text = "The allies are divided on what to do regarding Ukraine's bid to join NATO. \
                Hungary is not undecided on the pipeline project.";
    let actors = vec![
        actor(text, "a1", "allies", ActorKind::Group, &["The allies"]),
        actor(text, "a2", "Ukraine", ActorKind::Country, &["Ukraine"]),
        actor(text, "a3", "NATO", ActorKind::Organization, &["NATO"]),
        actor(text, "a4", "Hungary", ActorKind::Country, &["Hungary"]),
    ];
    let stances = run(text, &actors, &[]);
    // "not undecided" says there is a position, not which one: nothing for Hungary.
    assert_eq!(stances.len(), 1, "{}", describe(&stances, &actors));
    assert_eq!(stances[0].target, "Ukraine's NATO membership");
    assert_eq!(stances[0].polarity, Polarity::Neutral);
}

#[test]
fn curly_apostrophe_negation_flips_and_ends_targets() {
    let text = "The senator doesn’t support the tax plan. The governor’s support for the tax plan isn’t shared.";
    let actors = vec![
        actor(text, "a1", "senator", ActorKind::Person, &["The senator"]),
        actor(text, "a2", "governor", ActorKind::Person, &["The governor"]),
    ];
    let stances = run(text, &actors, &[]);
    assert_eq!(stances.len(), 2, "{}", describe(&stances, &actors));
    assert_eq!(stances[0].polarity, Polarity::Oppose);
    assert_eq!(stances[1].target, "tax plan");
    assert_eq!(stances[1].polarity, Polarity::Support);
}

#[test]
fn copula_subject_stops_at_a_wh_word() {
    let text = "She spoke, emphasizing why understanding our past is crucial, the director said.";
    let actors = vec![actor(
        text,
        "a1",
        "director",
        ActorKind::Person,
        &["the director"],
    )];
    let c = claim(
        text,
        "c1",
        "a1",
        "the director",
        "said",
        "She spoke, emphasizing why understanding our past is crucial",
    );
    let stances = run(text, &actors, &[c]);
    assert_eq!(stances.len(), 1, "{}", describe(&stances, &actors));
    assert_eq!(stances[0].target, "understanding our past");
}

#[test]
fn a_possessed_noun_that_looks_like_a_verb_is_no_stance() {
    let text = "Poland is in Russia's back yard, the minister said.";
    let actors = vec![
        actor(text, "a1", "Russia", ActorKind::Country, &["Russia"]),
        actor(text, "a2", "minister", ActorKind::Person, &["the minister"]),
    ];
    let c = claim(
        text,
        "c1",
        "a2",
        "the minister",
        "said",
        "Poland is in Russia's back yard",
    );
    assert!(run(text, &actors, &[c]).is_empty());
}

#[test]
fn a_nominal_stance_reported_about_others_is_not_the_speakers() {
    let text = "The poll found support for the tax plan among young voters, the newspaper said. \
                The mayor reiterated her support for the bridge project, the newspaper said.";
    let actors = vec![
        actor(
            text,
            "a1",
            "newspaper",
            ActorKind::Organization,
            &["the newspaper"],
        ),
        actor(text, "a2", "mayor", ActorKind::Person, &["The mayor"]),
    ];
    let c1 = claim(
        text,
        "c1",
        "a1",
        "the newspaper",
        "said",
        "The poll found support for the tax plan among young voters",
    );
    let c2 = claim(
        text,
        "c2",
        "a2",
        "The mayor",
        "reiterated",
        "her support for the bridge project",
    );
    let stances = run(text, &actors, &[c1, c2]);
    assert_eq!(stances.len(), 1, "{}", describe(&stances, &actors));
    assert_eq!(stances[0].actor, "a2");
    assert_eq!(stances[0].target, "bridge project");
}

#[test]
fn calling_for_a_thing_to_be_undone_opposes_it() {
    let text = "The senator called for the mine's licence to be revoked. \
                The mayor called for the bridge to be finished.";
    let actors = vec![
        actor(text, "a1", "senator", ActorKind::Person, &["The senator"]),
        actor(text, "a2", "mayor", ActorKind::Person, &["The mayor"]),
    ];
    let stances = run(text, &actors, &[]);
    let senator = stances.iter().find(|s| s.actor == "a1").expect("senator");
    assert_eq!(senator.polarity, Polarity::Oppose, "{senator:?}");
    assert!(senator.target.contains("licence"), "{senator:?}");
    assert!(
        senator
            .evidence
            .as_ref()
            .is_some_and(|e| e.text.ends_with("to be revoked")),
        "the evidence holds the wish: {senator:?}"
    );
    let mayor = stances.iter().find(|s| s.actor == "a2").expect("mayor");
    assert_eq!(mayor.polarity, Polarity::Support, "{mayor:?}");
}

/// The only actor of a test, `a1`, with one surface form.
fn first_actor(text: &str, name: &str, kind: ActorKind, surface: &str) -> Actor {
    actor(text, "a1", name, kind, &[surface])
}

/// The one stance found, or a panic that lists what was found.
fn only(text: &str, actors: &[Actor], claims: &[Claim]) -> Stance {
    let mut stances = run(text, actors, claims);
    assert_eq!(stances.len(), 1, "{}", describe(&stances, actors));
    stances.remove(0)
}

fn stance_of<'a>(stances: &'a [Stance], actor: &str) -> Option<&'a Stance> {
    stances.iter().find(|s| s.actor == actor)
}

#[test]
fn verbs_of_praise_and_attack_give_stances() {
    let text = "The senator praised the new budget. The governor slammed the levy. \
                The union is critical of the merger. The mayor voted against the bridge. \
                The council lashed out at the regulator.";
    let actors = vec![
        actor(text, "a1", "senator", ActorKind::Person, &["The senator"]),
        actor(text, "a2", "governor", ActorKind::Person, &["The governor"]),
        actor(text, "a3", "union", ActorKind::Organization, &["The union"]),
        actor(text, "a4", "mayor", ActorKind::Person, &["The mayor"]),
        actor(
            text,
            "a5",
            "council",
            ActorKind::Organization,
            &["The council"],
        ),
    ];
    let stances = run(text, &actors, &[]);
    let d = describe(&stances, &actors);
    assert!(
        has(
            &stances,
            &actors,
            "senator",
            "new budget",
            Polarity::Support
        ),
        "{d}"
    );
    assert!(
        has(&stances, &actors, "governor", "levy", Polarity::Oppose),
        "{d}"
    );
    assert!(
        has(&stances, &actors, "union", "merger", Polarity::Oppose),
        "{d}"
    );
    assert!(
        has(&stances, &actors, "mayor", "bridge", Polarity::Oppose),
        "{d}"
    );
    assert!(
        has(&stances, &actors, "council", "regulator", Polarity::Oppose),
        "{d}"
    );
}

#[test]
fn the_closer_ends_the_target_in_its_slot() {
    let text = "The governor accused the mayor of lying about the budget.";
    let actors = vec![
        actor(text, "a1", "governor", ActorKind::Person, &["The governor"]),
        actor(text, "a2", "mayor", ActorKind::Person, &["the mayor"]),
    ];
    let s = only(text, &actors, &[]);
    assert_eq!(s.actor, "a1");
    assert_eq!(s.target, "mayor");
    assert_eq!(s.polarity, Polarity::Oppose);
}

#[test]
fn an_expression_without_its_closer_does_not_match() {
    let text = "The governor accused the mayor.";
    let actors = [first_actor(
        text,
        "governor",
        ActorKind::Person,
        "The governor",
    )];
    assert!(run(text, &actors, &[]).is_empty());
}

#[test]
fn urging_someone_to_act_supports_the_act() {
    let text = "The union urged the council to raise wages. \
                The senator urged voters not to back the levy.";
    let actors = vec![
        actor(text, "a1", "union", ActorKind::Organization, &["The union"]),
        actor(text, "a2", "senator", ActorKind::Person, &["The senator"]),
    ];
    let stances = run(text, &actors, &[]);
    let union = stance_of(&stances, "a1").expect("union");
    assert_eq!(
        (union.target.as_str(), union.polarity),
        ("raising wages", Polarity::Support)
    );
    let senator = stance_of(&stances, "a2").expect("senator");
    assert_eq!(
        (senator.target.as_str(), senator.polarity),
        ("levy", Polarity::Oppose),
        "{}",
        describe(&stances, &actors)
    );
}

#[test]
fn blaming_a_thing_on_someone_opposes_them() {
    let text = "The mayor blamed the flooding on the water company.";
    let actors = [first_actor(text, "mayor", ActorKind::Person, "The mayor")];
    let s = only(text, &actors, &[]);
    assert_eq!(s.target, "water company");
    assert_eq!(s.polarity, Polarity::Oppose);
}

#[test]
fn a_verb_of_judging_makes_its_object_the_target_of_an_evaluation() {
    let text = "The senator found the explanation unsatisfactory.";
    let actors = [first_actor(
        text,
        "senator",
        ActorKind::Person,
        "The senator",
    )];
    let s = only(text, &actors, &[]);
    assert_eq!(s.target, "explanation");
    assert_eq!(s.polarity, Polarity::Oppose);
    let evidence = s.evidence.as_ref().expect("evidence");
    assert!(
        evidence.text.starts_with("The senator found"),
        "{evidence:?}"
    );
}

#[test]
fn a_quoted_evaluation_in_a_claim_is_the_speakers() {
    let text = "The judge said she found the answer \"inadequate\" and adjourned.";
    let actors = [first_actor(text, "judge", ActorKind::Person, "The judge")];
    let c = claim(
        text,
        "c1",
        "a1",
        "The judge",
        "said",
        "she found the answer \"inadequate\" and adjourned",
    );
    let s = only(text, &actors, &[c]);
    assert_eq!(s.target, "answer");
    assert_eq!(s.polarity, Polarity::Oppose);
    let evidence = s.evidence.as_ref().expect("evidence");
    assert!(evidence.text.ends_with("\"inadequate\""), "{evidence:?}");
}

#[test]
fn the_claims_speaker_holds_a_stance_in_its_cue_whatever_stands_before_it() {
    let text = "A spokesman for the union said it shared the aims, but warned against \
                \"hasty reforms\" that could cost jobs.";
    let actors = [first_actor(
        text,
        "union",
        ActorKind::Organization,
        "the union",
    )];
    let c = claim(
        text,
        "c1",
        "a1",
        "A spokesman for the union",
        "warned against",
        "\"hasty reforms\" that could cost jobs",
    );
    let s = only(text, &actors, &[c]);
    assert_eq!(s.actor, "a1");
    assert_eq!(s.target, "hasty reforms");
    assert_eq!(s.polarity, Polarity::Oppose);
    assert_eq!(s.claim.as_deref(), Some("c1"));
}

#[test]
fn a_source_whose_head_is_no_actor_holds_nothing() {
    let text = "A Texas judge rejected the request.";
    let actors = [first_actor(text, "Texas", ActorKind::Place, "Texas")];
    let c = claim(text, "c1", "a1", "A Texas judge", "rejected", "the request");
    assert!(run(text, &actors, &[c]).is_empty());
}

#[test]
fn an_actor_after_a_preposition_and_determiner_is_no_subject() {
    let text = "Rep. Smith, the top Democrat on the Finance Committee, opposes the bill.";
    let actors = [first_actor(
        text,
        "Finance Committee",
        ActorKind::Organization,
        "Finance Committee",
    )];
    assert!(run(text, &actors, &[]).is_empty());
}

#[test]
fn calling_for_a_review_supports_the_review() {
    let text = "The senator called for the mine's licence to be reviewed.";
    let actors = [first_actor(
        text,
        "senator",
        ActorKind::Person,
        "The senator",
    )];
    let s = only(text, &actors, &[]);
    assert_eq!(s.polarity, Polarity::Support);
    assert_eq!(s.target, "review of mine's licence");
}

#[test]
fn welcoming_people_is_a_greeting() {
    let text = "The mayor welcomed the ruling. The mayor welcomed several hundred guests. \
                The mayor welcomed the governor to the city.";
    let actors = vec![
        actor(text, "a1", "mayor", ActorKind::Person, &["The mayor"]),
        actor(text, "a2", "governor", ActorKind::Person, &["the governor"]),
    ];
    let s = only(text, &actors, &[]);
    assert_eq!(s.target, "ruling");
}

#[test]
fn joining_nothing_named_is_no_membership() {
    let text = "The senator urged colleagues to join the ranks of volunteers.";
    let actors = [first_actor(
        text,
        "senator",
        ActorKind::Person,
        "The senator",
    )];
    let s = only(text, &actors, &[]);
    assert_eq!(s.target, "joining the ranks of volunteers");
}

#[test]
fn a_lone_verb_after_call_on_keeps_who_should_act() {
    let text = "The senator called on the mayor to resign.";
    let actors = vec![
        actor(text, "a1", "senator", ActorKind::Person, &["The senator"]),
        actor(text, "a2", "mayor", ActorKind::Person, &["the mayor"]),
    ];
    let s = only(text, &actors, &[]);
    assert_eq!(s.target, "mayor to resign");
    assert_eq!(s.polarity, Polarity::Support);
}

#[test]
fn a_quoted_undoing_after_to_be_still_opposes() {
    let text = "The senator called for the bonuses to be \"clawed back\" at once.";
    let actors = [first_actor(
        text,
        "senator",
        ActorKind::Person,
        "The senator",
    )];
    let s = only(text, &actors, &[]);
    assert_eq!(s.target, "bonuses");
    assert_eq!(s.polarity, Polarity::Oppose);
}

#[test]
fn standing_ready_to_support_and_refusing_to_accept_are_stances() {
    let text = "The United Nations stood ready to support the grain deal. Ukraine would not \
                accept the arrangement.";
    let actors = vec![
        actor(
            text,
            "a1",
            "United Nations",
            ActorKind::Organization,
            &["United Nations"],
        ),
        actor(text, "a2", "Ukraine", ActorKind::Country, &["Ukraine"]),
    ];
    let stances = run(text, &actors, &[]);
    assert!(
        has(
            &stances,
            &actors,
            "United Nations",
            "grain deal",
            Polarity::Support
        ),
        "{}",
        describe(&stances, &actors)
    );
    assert!(
        has(
            &stances,
            &actors,
            "Ukraine",
            "arrangement",
            Polarity::Oppose
        ),
        "{}",
        describe(&stances, &actors)
    );
}

#[test]
fn who_follows_the_subjects_holds_their_stance() {
    for text in [
        "Poland has been assisting Ukraine and could increase its engagement, followed by the \
         Baltic states.",
        "Poland supports Ukraine, as do the Baltic states.",
    ] {
        let actors = vec![
            actor(text, "a1", "Poland", ActorKind::Country, &["Poland"]),
            actor(text, "a2", "Ukraine", ActorKind::Country, &["Ukraine"]),
            actor(
                text,
                "a3",
                "Baltic states",
                ActorKind::Group,
                &["Baltic states"],
            ),
        ];
        let stances = run(text, &actors, &[]);
        let shown = describe(&stances, &actors);
        assert!(
            has(&stances, &actors, "Poland", "Ukraine", Polarity::Support),
            "{shown}"
        );
        assert!(
            has(
                &stances,
                &actors,
                "Baltic states",
                "Ukraine",
                Polarity::Support
            ),
            "{shown}"
        );
        // The evidence names both, and the follower is a little less sure.
        let baltic = stances.iter().find(|s| s.actor == "a3").expect("a3");
        let evidence = baltic.evidence.as_ref().map_or("", |e| e.text.as_str());
        assert!(
            evidence.starts_with("Poland") && evidence.ends_with("Baltic states"),
            "{evidence}"
        );
        let poland = stances.iter().find(|s| s.actor == "a1").expect("a1");
        assert!(baltic.meta.confidence < poland.meta.confidence, "{shown}");
    }
    // What follows must be an actor.
    let text = "Poland supports Ukraine, followed by a long debate in Warsaw.";
    let actors = vec![
        actor(text, "a1", "Poland", ActorKind::Country, &["Poland"]),
        actor(text, "a2", "Ukraine", ActorKind::Country, &["Ukraine"]),
        actor(text, "a3", "Warsaw", ActorKind::Place, &["Warsaw"]),
    ];
    let stances = run(text, &actors, &[]);
    assert!(
        stances.iter().all(|s| s.actor != "a3"),
        "{}",
        describe(&stances, &actors)
    );
}

/// A person whose mentions are every occurrence of `surface`.
fn person(text: &str, id: &str, name: &str, surface: &str) -> Actor {
    actor(text, id, name, ActorKind::Person, &[surface])
}

/// Whether `who` holds a stance against the target "Donald Trump".
fn opposes_trump(stances: &[Stance], actors: &[Actor], who: &str) -> bool {
    has(stances, actors, who, "Donald Trump", Polarity::Oppose)
}

/// An indirect claim with the cue "said".
fn said(text: &str, id: &str, actor: &str, source: &str, content: &str) -> Claim {
    claim(text, id, actor, source, "said", content)
}

/// A direct quote's claim: `content` is the quote, credited to the actor `actor`.
fn direct(text: &str, id: &str, actor: &str, source: &str, cue: &str, content: &str) -> Claim {
    Claim {
        kind: ClaimKind::Direct,
        ..claim(text, id, actor, source, cue, content)
    }
}

#[test]
fn an_evaluation_of_a_named_person_is_the_speakers_stance_on_them() {
    let text = "Sanders said Trump is dangerous. Clinton said Mr. Trump was unfit to serve. \
                Warren said Trump is not fit to be leader of the nation.";
    let actors = vec![
        person(text, "a1", "Bernie Sanders", "Sanders"),
        person(text, "a2", "Donald Trump", "Trump"),
        person(text, "a3", "Hillary Clinton", "Clinton"),
        person(text, "a4", "Elizabeth Warren", "Warren"),
    ];
    let claims = vec![
        said(text, "c1", "a1", "Sanders", "Trump is dangerous"),
        said(text, "c2", "a3", "Clinton", "Mr. Trump was unfit to serve"),
        said(
            text,
            "c3",
            "a4",
            "Warren",
            "Trump is not fit to be leader of the nation",
        ),
    ];
    let stances = run(text, &actors, &claims);
    let d = describe(&stances, &actors);
    // The evaluated person is the target, not the holder: the speaker holds the stance.
    assert!(opposes_trump(&stances, &actors, "Bernie Sanders"), "{d}");
    // An honorific before the name is not part of the target.
    assert!(opposes_trump(&stances, &actors, "Hillary Clinton"), "{d}");
    // A negated evaluation of more words than one, before a noun.
    assert!(opposes_trump(&stances, &actors, "Elizabeth Warren"), "{d}");
    assert_eq!(stances.len(), 3, "{d}");
}

#[test]
fn he_in_a_quote_is_the_person_the_quote_named_before() {
    let text = "“During the debate Trump said Hispanics live in hell. He is ignorant of our \
                culture.” ― Pamela Padilla\n\n“Hit your opponent where she's strong.” ― Karl \
                Rove\n\n“He is a liar,” Clinton said.";
    let actors = vec![
        person(text, "a1", "Donald Trump", "Trump"),
        person(text, "a2", "Pamela Padilla", "Pamela Padilla"),
        person(text, "a3", "Karl Rove", "Karl Rove"),
        person(text, "a4", "Hillary Clinton", "Clinton"),
    ];
    let claims = vec![
        direct(
            text,
            "c1",
            "a2",
            "Pamela Padilla",
            "―",
            "“During the debate Trump said Hispanics live in hell. He is ignorant of our culture.”",
        ),
        direct(
            text,
            "c2",
            "a3",
            "Karl Rove",
            "―",
            "“Hit your opponent where she's strong.”",
        ),
        direct(text, "c3", "a4", "Clinton", "said", "“He is a liar,”"),
    ];
    let stances = run(text, &actors, &claims);
    let d = describe(&stances, &actors);
    assert!(opposes_trump(&stances, &actors, "Pamela Padilla"), "{d}");
    // No one the quote names before "she", and a quote's "he" reaching outside it: nothing.
    assert_eq!(stances.len(), 1, "{d}");
}

#[test]
fn a_persons_evaluation_needs_a_person_and_a_predicate() {
    let text = "Sanders said the economy is weak. Sanders said Trump's presidential campaign was \
                over. Sanders said what Trump is saying is dangerous.";
    let actors = vec![
        person(text, "a1", "Bernie Sanders", "Sanders"),
        person(text, "a2", "Donald Trump", "Trump"),
    ];
    let claims = vec![
        said(text, "c1", "a1", "Sanders", "the economy is weak"),
        said(
            text,
            "c2",
            "a1",
            "Sanders",
            "Trump's presidential campaign was over",
        ),
        said(
            text,
            "c3",
            "a1",
            "Sanders",
            "what Trump is saying is dangerous",
        ),
    ];
    let stances = run(text, &actors, &claims);
    assert!(stances.is_empty(), "{}", describe(&stances, &actors));
}

#[test]
fn a_quote_mark_opening_a_negated_evaluation_hides_nothing() {
    let text = "Sanders said Clinton was not “qualified” to be president.";
    let actors = vec![
        person(text, "a1", "Bernie Sanders", "Sanders"),
        person(text, "a2", "Hillary Clinton", "Clinton"),
    ];
    let claims = vec![said(
        text,
        "c1",
        "a1",
        "Sanders",
        "Clinton was not “qualified” to be president",
    )];
    let s = only(text, &actors, &claims);
    assert_eq!(s.target, "Hillary Clinton");
    assert_eq!(s.polarity, Polarity::Oppose);
}
