//! Actors found in real text: the sample article, roles, merging, resolution, odd input.

use gloss::extract::Context;
use gloss::extract::actors::{Resolver, find_actors, resolve};
use gloss::model::{Actor, ActorKind, Span};
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../seeds/000_a00d91becb0c72f2.txt");

fn names(actors: &[Actor]) -> Vec<(String, ActorKind, Vec<String>, Option<String>)> {
    actors
        .iter()
        .map(|a| (a.name.clone(), a.kind, a.aliases.clone(), a.role.clone()))
        .collect()
}

fn actor<'a>(actors: &'a [Actor], name: &str) -> &'a Actor {
    actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no actor {name:?} in {:#?}", names(actors)))
}

fn sample() -> (Context<'static>, Vec<Actor>) {
    let cx = Context::new(SAMPLE);
    let actors = find_actors(&cx);
    (cx, actors)
}

/// A span over the `nth` occurrence (from 0) of `needle` in `text`.
fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let (b, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"));
    Span::from_bytes(text, b..b + needle.len())
}

#[test]
fn sample_splits_the_role_off_the_former_secretary_general() {
    let (_, actors) = sample();
    let a = actor(&actors, "Anders Rasmussen");
    assert_eq!(a.kind, ActorKind::Person);
    assert_eq!(a.role.as_deref(), Some("Former NATO Secretary General"));
    assert!(a.mentions.iter().all(|m| m.text.ends_with("Rasmussen")));
    assert!(
        a.mentions.iter().any(|m| m.text == "Rasmussen"),
        "surname mentions join"
    );
    let j = actor(&actors, "Jens Stoltenberg");
    assert_eq!(j.role.as_deref(), Some("NATO Secretary General"));
}

#[test]
fn sample_gives_nato_its_definite_descriptions() {
    let (_, actors) = sample();
    let nato = actor(&actors, "NATO");
    assert_eq!(nato.kind, ActorKind::Organization);
    for alias in ["the alliance", "the Western military alliance"] {
        assert!(
            nato.aliases.iter().any(|a| a == alias),
            "{alias} in {:?}",
            nato.aliases
        );
    }
}

#[test]
fn sample_uses_kiev_for_ukraine_but_washington_as_the_summit_place() {
    let (_, actors) = sample();
    let ukraine = actor(&actors, "Ukraine");
    assert_eq!(ukraine.kind, ActorKind::Country);
    assert!(ukraine.aliases.iter().any(|a| a == "Kiev"));
    assert_eq!(actor(&actors, "Washington").kind, ActorKind::Place);
    assert_eq!(actor(&actors, "United States").kind, ActorKind::Country);
    for country in ["Poland", "Russia"] {
        assert_eq!(actor(&actors, country).kind, ActorKind::Country);
    }
}

#[test]
fn sample_finds_the_groups() {
    let (_, actors) = sample();
    for name in [
        "several Eastern European leaders",
        "some NATO allies",
        "Baltic states",
    ] {
        assert_eq!(actor(&actors, name).kind, ActorKind::Group);
    }
    assert!(
        !actors.iter().any(|a| a.name == "Eastern European"),
        "an adjective inside a group is no actor"
    );
}

#[test]
fn every_actor_has_an_id_a_rule_and_mentions_that_match_the_text() {
    let (_, actors) = sample();
    let chars: Vec<char> = SAMPLE.chars().collect();
    for (i, a) in actors.iter().enumerate() {
        assert_eq!(a.id, format!("a{}", i + 1));
        assert!(a.meta.rule.is_some() && a.meta.confidence.is_some());
        assert!(!a.mentions.is_empty());
        for m in &a.mentions {
            let covered: String = chars[m.start..m.end].iter().collect();
            assert_eq!(covered, m.text);
        }
    }
}

/// A name in a modifier of the source (after "of", "at", "for", or in a relative clause) is
/// not who speaks: the person before it is.
#[test]
fn a_source_resolves_to_its_head_not_to_the_institution_in_its_appositive() {
    let text = "The debate went on. Michael Tanner, an analyst at the Cato Institute, said the plan \
                would fail. The Cato Institute later said nothing. Michael Tanner, who studies \
                taxes for the Cato Institute, left.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let tanner = actor(&actors, "Michael Tanner").id.clone();
    for source in [
        "Michael Tanner, an analyst at the Cato Institute,",
        "Michael Tanner, who studies taxes for the Cato Institute,",
    ] {
        let span = span_of(text, source, 0);
        assert_eq!(
            resolve(&cx, &actors, &span),
            Some(tanner.clone()),
            "{source}"
        );
    }
}

/// Without a name at its head, a source still resolves to the institution it names.
#[test]
fn a_source_without_a_name_at_its_head_resolves_to_the_one_it_has() {
    let text = "The debate went on. An analyst at the Cato Institute said the plan would fail. \
                The Cato Institute later said nothing.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let span = span_of(text, "An analyst at the Cato Institute", 0);
    assert_eq!(
        resolve(&cx, &actors, &span),
        Some(actor(&actors, "Cato Institute").id.clone())
    );
}

/// A given name used alone ("Hillary", "Lula") is the one person whose full name has it;
/// two people sharing it keep it apart.
#[test]
fn a_given_name_alone_joins_the_one_person_with_it() {
    let text = "Brazilian President Luiz Inácio Lula da Silva opened the summit. Hillary Clinton \
                spoke on Monday. Lula told delegates that deforestation had fallen. Hillary \
                later said it again.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let lula = actor(&actors, "Luiz Inácio Lula da Silva");
    assert!(
        lula.mentions.iter().any(|m| m.text == "Lula"),
        "{:#?}",
        names(&actors)
    );
    let clinton = actor(&actors, "Hillary Clinton");
    assert!(
        clinton.mentions.iter().any(|m| m.text == "Hillary"),
        "{:#?}",
        names(&actors)
    );

    let shared = "Hillary Clinton spoke on Monday. Hillary Duff sang on Tuesday. Hillary said \
                  nothing.";
    let cx = Context::new(shared);
    let actors = find_actors(&cx);
    for name in ["Hillary Clinton", "Hillary Duff"] {
        assert!(
            actor(&actors, name).mentions.iter().all(|m| m.text == name),
            "{:#?}",
            names(&actors)
        );
    }
}

/// A middle initial makes a person's name, whole: the tagger had typed "Leonard E. Burman"
/// an organisation in one sentence and cut it at "E." in another.
#[test]
fn a_name_with_a_middle_initial_is_one_person() {
    let text = "Leonard E. Burman said the plan would cost more. The plan is bad, said Leonard \
                E. Burman, director of the Tax Policy Center.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let burman = actor(&actors, "Leonard E. Burman");
    assert_eq!(burman.kind, ActorKind::Person);
    assert_eq!(burman.mentions.len(), 2, "{:#?}", names(&actors));
    assert!(
        actors.iter().all(|a| a.name != "Leonard"),
        "{:#?}",
        names(&actors)
    );
}

/// After a quote closed with '' the tagger typed "Leonard" an organisation and left "E.
/// Burman" out: a word, an initial and a capitalised word are one person's name.
#[test]
fn a_name_cut_at_its_initial_after_a_quote_is_one_person() {
    let text = "''It has the important virtue of being fiscally responsible,'' Leonard E. Burman, \
                director of the centrist Urban-Brookings Tax Policy Center, said.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    assert_eq!(actor(&actors, "Leonard E. Burman").kind, ActorKind::Person);
    assert!(
        actors.iter().all(|a| a.name != "Leonard"),
        "{:#?}",
        names(&actors)
    );
    // Not across a line: a team's name above a cricket scorecard's "M. Waugh".
    let text = "Scores on Friday :\nAustralia\nM. Waugh c and b Jayasuriya 50";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    assert!(
        actors.iter().all(|a| !a.name.contains('\n')),
        "{:#?}",
        names(&actors)
    );
}

/// "Roper Center" | "Public Opinion Research": a name headed by an organisation's noun, then
/// "for" or "of" and a name, is one organisation; but a company's "of" names where it is.
#[test]
fn an_institution_for_or_of_a_name_is_one_organisation() {
    let text = "The nominee has won, according to the Roper Center for Public Opinion Research. \
                A car made by Kia Motor Corp of South Korea arrived.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let all = names(&actors);
    let roper = actor(&actors, "Roper Center for Public Opinion Research");
    assert_eq!(roper.kind, ActorKind::Organization, "{all:#?}");
    assert!(
        actors.iter().all(|a| a.name != "Public Opinion Research"),
        "{all:#?}"
    );
    assert!(
        actors.iter().all(|a| !a.name.contains("of South Korea")),
        "{all:#?}"
    );
}

/// A person's name right before a comma heads the source: what follows describes the
/// person, whatever it names ("a moderate Indiana Democrat", "the Florida senator").
#[test]
fn a_source_resolves_to_the_name_before_its_appositive() {
    let text = "The law passed. \u{201c}Almost everybody was opposed to it,\u{201d} said former \
                Sen. Evan Bayh, a moderate Indiana Democrat who declined to run. Dan Kildee, a \
                Michigan Democrat who flew to Germany, said it was over. Carter's press \
                secretary, Peter Cook, said nothing.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    for (source, speaker) in [
        (
            "former Sen. Evan Bayh, a moderate Indiana Democrat who declined to run",
            "Evan Bayh",
        ),
        (
            "Dan Kildee, a Michigan Democrat who flew to Germany,",
            "Dan Kildee",
        ),
        // A possessive before the comma is no name at the head.
        ("Carter's press secretary, Peter Cook,", "Peter Cook"),
    ] {
        let span = span_of(text, source, 0);
        assert_eq!(
            resolve(&cx, &actors, &span),
            Some(actor(&actors, speaker).id.clone()),
            "{source}: {:#?}",
            names(&actors)
        );
    }
}

/// After an opening quote mark, a sentence's capitalised first word is no part of a name
/// either ("“From Seattle").
#[test]
fn an_opening_word_after_a_quote_mark_is_no_part_of_a_name() {
    let text = "The mayors wrote to the governor. “From Seattle, to Oklahoma City, to Houston, \
                the answer is the same,” the letter said.";
    let actors = find_actors(&Context::new(text));
    let all: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
    assert!(all.contains(&"Seattle"), "{all:?}");
    assert!(!all.iter().any(|n| n.starts_with("From")), "{all:?}");
}

/// A sentence's capitalised first word is no part of a name ("Among Republicans", "Since
/// December"); a party's members are a group; "a moderate Indiana Democrat" describes a
/// person and is no actor of its own.
#[test]
fn opening_words_party_members_and_party_descriptions() {
    let text = "Among Republicans, the plan is popular. Since December, the polls have moved. \
                Jewish Republicans met on Monday. Evan Bayh, a moderate Indiana Democrat, \
                spoke.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let all = names(&actors);
    for a in &actors {
        assert!(
            !a.name.starts_with("Among")
                && !a.name.starts_with("Since")
                && a.name != "December"
                && !a.name.ends_with("Democrat"),
            "{all:#?}"
        );
    }
    for name in ["Republicans", "Jewish Republicans"] {
        if let Some(a) = actors.iter().find(|a| a.name == name) {
            assert_eq!(a.kind, ActorKind::Group, "{all:#?}");
        }
    }
    assert_eq!(actor(&actors, "Jewish Republicans").kind, ActorKind::Group);
}

#[test]
fn resolves_a_source_phrase_to_the_name_at_its_head() {
    let (cx, actors) = sample();
    let source = span_of(SAMPLE, "former NATO Secretary General Anders Rasmussen", 0);
    let id = resolve(&cx, &actors, &source).expect("resolved");
    assert_eq!(id, actor(&actors, "Anders Rasmussen").id);
}

#[test]
fn resolves_he_to_the_nearest_person_before() {
    let (cx, actors) = sample();
    let he = span_of(SAMPLE, "He", 0);
    assert_eq!(
        resolve(&cx, &actors, &he),
        Some(actor(&actors, "Anders Rasmussen").id.clone())
    );
    let he_said = {
        let b = SAMPLE.find("he said").expect("he said");
        Span::from_bytes(SAMPLE, b..b + 2)
    };
    assert_eq!(
        resolve(&cx, &actors, &he_said),
        Some(actor(&actors, "Jens Stoltenberg").id.clone())
    );
}

#[test]
fn resolves_they_to_a_group_and_nothing_to_nothing() {
    let text = "Several Eastern European leaders met on Monday. They said the plan was weak.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let they = span_of(text, "They", 0);
    assert_eq!(
        resolve(&cx, &actors, &they),
        Some(
            actor(&actors, "Several Eastern European leaders")
                .id
                .clone()
        )
    );
    let quiet = "It rained all day and the streets were empty.";
    let cx = Context::new(quiet);
    let actors = find_actors(&cx);
    assert_eq!(resolve(&cx, &actors, &span_of(quiet, "It", 0)), None);
}

/// "It said" is a speaker: an organisation or a government, never a city or a venue the text
/// mentioned last ("a briefing in Chicago. It said": the institute, not Chicago).
#[test]
fn it_resolves_to_the_organisation_before_the_place_after_it() {
    let text =
        "The Cato Institute held a briefing in Chicago on Monday. It said the plan would fail.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    assert_eq!(actor(&actors, "Chicago").kind, ActorKind::Place);
    assert_eq!(
        resolve(&cx, &actors, &span_of(text, "It", 0)),
        Some(actor(&actors, "Cato Institute").id.clone())
    );
}

#[test]
fn it_resolves_to_no_place_when_only_a_place_precedes() {
    let text = "The rally in Phoenix drew thousands on Thursday. It said the campaign was winning.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    assert_eq!(actor(&actors, "Phoenix").kind, ActorKind::Place);
    assert_eq!(resolve(&cx, &actors, &span_of(text, "It", 0)), None);
}

/// Governments speak: "Russia ... It said" is Russia.
#[test]
fn it_resolves_to_a_country() {
    let text = "Russia sent troops to the border on Monday. It said it would defend its interests.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    assert_eq!(
        resolve(&cx, &actors, &span_of(text, "It", 0)),
        Some(actor(&actors, "Russia").id.clone())
    );
}

#[test]
fn resolves_a_spelt_out_surname_without_overlap() {
    let text = "Chancellor Angela Merkel spoke in Berlin. Merkel said it was time.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let merkel = actor(&actors, "Angela Merkel");
    assert_eq!(merkel.role.as_deref(), Some("Chancellor"));
    // A span that is not itself a mention ("Ms Merkel" typed by a coder) still resolves.
    let source = Span {
        text: "Ms Merkel".into(),
        start: 0,
        end: 0,
        ..Span::default()
    };
    assert_eq!(resolve(&cx, &actors, &source), Some(merkel.id.clone()));
}

#[test]
fn capitals_speaking_for_governments_join_their_country() {
    let text =
        "Russia warned the West. Moscow said sanctions would fail, officials in Moscow added.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let russia = actor(&actors, "Russia");
    assert!(russia.aliases.iter().any(|a| a == "Moscow"));
    assert_eq!(actor(&actors, "Moscow").kind, ActorKind::Place);
}

#[test]
fn acronyms_join_their_country() {
    let text =
        "The United States said on Friday that U.S. troops would stay, and the US embassy agreed.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let us = actor(&actors, "United States");
    assert!(us.mentions.len() >= 2, "{:?}", us.mentions);
    assert!(us.aliases.iter().any(|a| a == "U.S."));
}

#[test]
fn mentions_count_code_points_in_non_ascii_text() {
    let text = "« Très bien », a dit Emmanuel Macron à Paris. Erdoğan a répondu.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let chars: Vec<char> = text.chars().collect();
    for a in &actors {
        for m in &a.mentions {
            assert!(m.end <= chars.len());
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
        }
    }
}

#[test]
fn survives_odd_texts() {
    let long_line = "NATO ".repeat(20_000);
    let caps = "WORLD CUP - GERMANY BEAT ENGLAND IN LONDON .".repeat(50);
    for text in [
        "",
        " ",
        "\u{0}\u{1b}[2J\u{7f}",
        "中文字符。北京说。",
        "مرحبا بالعالم. قال الرئيس",
        long_line.as_str(),
        caps.as_str(),
        "'s 's 's",
        "the the the alliance alliance",
        "He said. They said. It said.",
    ] {
        let cx = Context::new(text);
        let actors = find_actors(&cx);
        for a in &actors {
            for m in &a.mentions {
                assert!(m.start <= m.end && m.end <= text.chars().count());
                let _ = resolve(&cx, &actors, m);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_and_keeps_mentions_inside_the_text(text in "\\PC{0,300}") {
        let cx = Context::new(&text);
        let actors = find_actors(&cx);
        let n = text.chars().count();
        for a in &actors {
            for m in &a.mentions {
                prop_assert!(m.start <= m.end && m.end <= n);
            }
        }
        let probe = Span::from_chars(&text, 0, n.min(5));
        let _ = resolve(&cx, &actors, &probe);
    }

    #[test]
    fn never_panics_on_news_like_words(words in proptest::collection::vec(
        prop_oneof![
            Just("NATO"), Just("the"), Just("alliance"), Just("Mr."), Just("U.S."),
            Just("Secretary"), Just("General"), Just("said"), Just("he"), Just("'s"),
            Just("Kiev"), Just("several"), Just("leaders"), Just("."), Just(","),
            Just("\n"), Just("“"), Just("Anders"), Just("Rasmussen"), Just("ÉCOLE"),
        ], 0..80)) {
        let text = words.join(" ");
        let cx = Context::new(&text);
        let actors = find_actors(&cx);
        for a in &actors {
            for m in &a.mentions {
                let _ = resolve(&cx, &actors, m);
            }
        }
    }
}

#[test]
fn she_skips_the_nearest_man() {
    let text = "Hillary Clinton met Donald Trump on Monday. She said the debate went well.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    assert_eq!(
        resolve(&cx, &actors, &span_of(text, "She", 0)),
        Some(actor(&actors, "Hillary Clinton").id.clone())
    );
}

#[test]
fn he_after_a_quote_skips_names_inside_it() {
    let text = "Senator John Smith spoke on Monday. “I never met Peter Jones,” he said.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    assert_eq!(
        resolve(&cx, &actors, &span_of(text, "he", 0)).as_deref(),
        Some(actor(&actors, "John Smith").id.as_str())
    );
}

#[test]
fn a_definite_description_resolves_through_the_role() {
    let text = "Democratic presidential nominee Hillary Clinton spoke in Ohio on Monday. \
                Later the Democratic nominee said she would win.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let clinton = actor(&actors, "Hillary Clinton");
    assert_eq!(
        clinton.role.as_deref(),
        Some("Democratic presidential nominee")
    );
    assert_eq!(
        resolve(&cx, &actors, &span_of(text, "the Democratic nominee", 0)),
        Some(clinton.id.clone())
    );
}

/// A personal title before capitalised words makes them a person's name, even where the
/// tagger took the title and name for something else ("Rep. Elijah Cummings" as one
/// miscellaneous name, "Gretchen Whitmer" as an organisation) or missed them.
#[test]
fn capitalised_words_after_a_personal_title_are_a_person() {
    let text = "\"Republicans want a photo op,\" said Rep. Elijah Cummings of Maryland, the \
                panel's ranking Democrat.\n\n\"We will not back down,\" said Gov. Gretchen \
                Whitmer.\n\n\"It is a disgrace,\" said Del. Stacey Plaskett of the Virgin Islands.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    for (name, role, source) in [
        (
            "Elijah Cummings",
            "Rep.",
            "Rep. Elijah Cummings of Maryland, the panel's ranking Democrat",
        ),
        ("Gretchen Whitmer", "Gov.", "Gov. Gretchen Whitmer"),
        (
            "Stacey Plaskett",
            "Del.",
            "Del. Stacey Plaskett of the Virgin Islands",
        ),
    ] {
        let a = actor(&actors, name);
        assert_eq!(a.kind, ActorKind::Person, "{name}");
        assert_eq!(a.role.as_deref(), Some(role), "{name}");
        assert_eq!(
            resolve(&cx, &actors, &span_of(text, source, 0)),
            Some(a.id.clone()),
            "{source}"
        );
    }
}

/// "Dover, Del. Officials": Delaware after a comma is no title before a name.
#[test]
fn a_state_abbreviation_that_reads_like_a_title_makes_no_person() {
    let text = "The trial was moved from Dover, Del. Officials declined to comment.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    assert!(
        !actors.iter().any(|a| a.kind == ActorKind::Person),
        "{:#?}",
        names(&actors)
    );
}

/// The tagger reads "Chad Bown" as a place; "Mr. Bown" later shows Bown is a person's name,
/// so "Chad Bown" is that person, and Chad the country stays its own actor.
#[test]
fn a_name_opening_with_a_country_is_a_person_when_its_surname_is_one() {
    let text = "\"Tariffs hurt American farmers,\" said Chad Bown, an expert on trade at the \
                Peterson Institute for International Economics. Chad and Niger signed a border \
                agreement on Tuesday. Chad said the deal would end years of dispute. Yet, as Mr. \
                Bown observed, such deals are fragile.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let bown = actor(&actors, "Chad Bown");
    assert_eq!(bown.kind, ActorKind::Person);
    let chad = actor(&actors, "Chad");
    assert_eq!(chad.kind, ActorKind::Country);
    assert_ne!(chad.id, bown.id);
    assert!(chad.mentions.iter().all(|m| m.text == "Chad"));
    assert!(bown.mentions.iter().all(|m| m.text.ends_with("Bown")));
    assert_eq!(
        resolve(&cx, &actors, &span_of(text, "Mr. Bown", 0)),
        Some(bown.id.clone())
    );
    assert_eq!(
        resolve(&cx, &actors, &span_of(text, "Chad", 2)),
        Some(chad.id.clone())
    );
}

#[test]
fn officials_of_a_country_are_a_group_and_the_country_stays_a_mention() {
    let text = "The talks stalled on Monday, but U.S. officials said they would resume.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let officials = actor(&actors, "U.S. officials");
    assert_eq!(officials.kind, ActorKind::Group);
    assert_eq!(actor(&actors, "United States").kind, ActorKind::Country);
    assert_eq!(
        resolve(&cx, &actors, &span_of(text, "U.S. officials", 0)),
        Some(officials.id.clone())
    );
    assert_eq!(
        resolve(&cx, &actors, &span_of(text, "they", 0)),
        Some(officials.id.clone())
    );
}

#[test]
fn plural_demonyms_are_groups() {
    let text = "Many Ukrainians fled west in March, and Poles took them in.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    assert!(
        actors.iter().any(|a| a.kind == ActorKind::Group
            && a.mentions.iter().any(|m| m.text.contains("Ukrainians"))),
        "{:#?}",
        names(&actors)
    );
}

#[test]
fn an_appositive_gives_the_role() {
    let text =
        "The alliance is divided, Jens Stoltenberg, NATO's secretary general, said on Monday.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    assert_eq!(
        actor(&actors, "Jens Stoltenberg").role.as_deref(),
        Some("NATO's secretary general")
    );
}

/// The sample article repeated to about `bytes`, each copy slightly different (a numbered line,
/// every few copies a paragraph dropped), so nothing can be memoised per copy.
fn repeated_sample(bytes: usize) -> (String, usize) {
    let paragraphs: Vec<&str> = SAMPLE.split("\n\n").collect();
    let mut text = String::with_capacity(bytes + SAMPLE.len());
    let mut copy = 0usize;
    while text.len() < bytes {
        for (k, p) in paragraphs.iter().enumerate() {
            if copy % 3 == 1 && k % 4 == copy % 4 {
                continue;
            }
            text.push_str(p);
            text.push_str("\n\n");
        }
        text.push_str(&format!("and so on, {copy} times.\n\n"));
        copy += 1;
    }
    (text, copy)
}

#[test]
fn the_resolver_agrees_with_resolve_on_every_mention_and_pronoun() {
    let (cx, actors) = sample();
    let resolver = Resolver::new(&cx, &actors);
    let mut probes: Vec<Span> = actors
        .iter()
        .flat_map(|a| a.mentions.iter().cloned())
        .collect();
    for word in [
        "he",
        "He",
        "she",
        "they",
        "They",
        "it",
        "the alliance",
        "NATO",
    ] {
        for nth in 0..40 {
            if SAMPLE.match_indices(word).nth(nth).is_none() {
                break;
            }
            probes.push(span_of(SAMPLE, word, nth));
        }
    }
    assert!(probes.len() > 50);
    for p in &probes {
        assert_eq!(resolver.resolve(p), resolve(&cx, &actors, p), "{p:?}");
    }
}

#[test]
fn two_megabytes_find_actors_and_resolve_every_mention_in_debug_test_time() {
    // Quadratic grouping or resolution takes minutes here in a debug build; linear takes
    // seconds. Each copy's mentions land in the same actors.
    let one = sample().1;
    let (text, copies) = repeated_sample(2_000_000);
    let cx = Context::new(&text);
    let actors = find_actors(&cx);
    assert_eq!(actors.len(), one.len(), "{:#?}", names(&actors));
    let top = one.iter().max_by_key(|a| a.mentions.len()).expect("actors");
    let big = actor(&actors, &top.name);
    assert!(big.mentions.len() >= top.mentions.len() * copies / 2);
    let resolver = Resolver::new(&cx, &actors);
    for a in &actors {
        for m in &a.mentions {
            assert!(resolver.resolve(m).is_some(), "{m:?}");
        }
    }
}

/// The tagger cut "Millbrook Water Watch" into "Millbrook" and a person "Water Watch": a name
/// ending in an organisation's head noun joins the name right before it.
#[test]
fn a_name_ending_in_an_organisations_noun_joins_the_name_before_it() {
    let text = "The water in Millbrook was unsafe for weeks. \"That's not regulation,\" said \
                Aisha Rahman, who founded the residents' group Millbrook Water Watch in the \
                days after. A survey by Millbrook Water Watch found that half the households \
                still bought bottled water. Millbrook residents met on Tuesday.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let watch = actor(&actors, "Millbrook Water Watch");
    assert_eq!(watch.kind, ActorKind::Organization);
    assert_eq!(watch.mentions.len(), 2);
    assert!(
        actors.iter().all(|a| a.name != "Water Watch"),
        "{actors:#?}"
    );
}

#[test]
fn a_company_named_after_its_founder_is_an_organisation_and_keeps_its_short_form() {
    let text = "Jones Medical Industries Inc said on Monday it had agreed to buy Daniels \
                Pharmaceuticals. Jones Medical shares rose 5 percent. Johnson Controls Inc \
                said profit rose, and Warner Bros said it would appeal.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    for name in [
        "Jones Medical Industries Inc",
        "Daniels Pharmaceuticals",
        "Johnson Controls Inc",
        "Warner Bros",
    ] {
        assert_eq!(actor(&actors, name).kind, ActorKind::Organization, "{name}");
    }
    // The short form is the company, not a person of that name.
    let jones = actor(&actors, "Jones Medical Industries Inc");
    assert_eq!(jones.mentions.len(), 2, "{:#?}", names(&actors));
    assert!(!actors.iter().any(|a| a.kind == ActorKind::Person));
}

#[test]
fn general_motors_is_a_company_not_a_general_named_motors() {
    let text = "General Motors said on Monday it would cut jobs. It rained in Detroit.";
    let cx = Context::new(text);
    let actors = find_actors(&cx);
    let gm = actor(&actors, "General Motors");
    assert_eq!(gm.kind, ActorKind::Organization);
    assert_eq!(gm.role, None);
}
