//! Actors named only by a description: a claim's source that resolves to no named actor
//! ("their union", "the operators' association", "Economists at the central bank", "a
//! European diplomat who asked not to be named") becomes an actor of its own, so every
//! attributed claim has a speaker a user can filter, tag and count. Descriptions with the
//! same head merge ("the operators' association" and later "the association"); documents
//! ("the statement", "a report") and bare pronouns are left without an actor.

use crate::extract::Context;
use crate::extract::hashing::FxBuild;
use crate::extract::text::TokenKind;
use crate::model::{Actor, ActorKind, Claim, ClaimKind, Extra, Meta};
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

/// The rule name of actors made here.
pub const RULE: &str = "described-source";

/// Gives each attributed claim without an actor the actor its source describes, adding
/// actors as needed (ids after the existing ones).
pub fn describe_sources(cx: &Context, actors: &mut Vec<Actor>, claims: &mut [Claim]) {
    let mut next = next_id(actors);
    // Capitalised words the text also capitalises after a lower-case word or an article
    // ("A Bloomberg poll"): proper nouns, not a sentence's first word ("Another", "There").
    // Read once, when a name needs it.
    let proper: OnceCell<HashSet<&str, FxBuild>> = OnceCell::new();
    let is_proper = |w: &str| proper.get_or_init(|| proper_nouns(cx)).contains(w);
    // Description key (lower-case words, determiner dropped) → index in `actors`.
    let mut by_key: HashMap<String, usize, FxBuild> = HashMap::default();
    for claim in claims.iter_mut() {
        if claim.actor.is_some() || claim.kind == ClaimKind::Headline {
            continue;
        }
        let Some(source) = &claim.source else {
            continue;
        };
        let transcript = claim.meta.rule.as_deref() == Some("transcript");
        let Some(d) = Description::read(&source.text)
            .or_else(|| Description::name(&source.text, transcript, &is_proper))
        else {
            continue;
        };
        // The same description, or one that ends the same way ("the association" after
        // "the operators' association"), is the same actor.
        let found = by_key.get(&d.key).copied().or_else(|| {
            by_key
                .iter()
                .filter(|(k, _)| ends_with_words(k, &d.key) || ends_with_words(&d.key, k))
                .map(|(_, &i)| i)
                .min()
        });
        let i = match found {
            Some(i) => i,
            None => {
                actors.push(new_actor(next, d.name.clone(), d.kind, RULE, 0.5));
                next += 1;
                actors.len() - 1
            }
        };
        by_key.entry(d.key).or_insert(i);
        let actor = &mut actors[i];
        if actor.name != d.name && !actor.aliases.contains(&d.name) {
            actor.aliases.push(d.name);
        }
        if !actor.mentions.contains(source) {
            actor.mentions.push(source.clone());
        }
        claim.actor = Some(actor.id.clone());
    }
}

/// The rule name of the joint actors `coordinate_sources` makes.
pub const JOINT_RULE: &str = "joint-source";

/// "Norway and Germany, the largest donors, said C": a source whose head joins two or more
/// actors with "and" speaks for all of them, so the claim goes to their joint actor (a group
/// named after its members, one per set of members) instead of to one of them.
pub fn coordinate_sources(actors: &mut Vec<Actor>, claims: &mut [Claim]) {
    let mut next = next_id(actors);
    // Every mention of an actor that may take part, by start, so each source looks only at
    // the mentions inside it (a long text has thousands of both).
    let mut mentions: Vec<(usize, usize, usize)> = actors
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            matches!(
                a.kind,
                ActorKind::Person | ActorKind::Organization | ActorKind::Country | ActorKind::Group
            )
        })
        .flat_map(|(i, a)| a.mentions.iter().map(move |m| (m.start, m.end, i)))
        .filter(|&(s, e, _)| e > s)
        .collect();
    mentions.sort_unstable();
    for claim in claims.iter_mut() {
        let Some(source) = &claim.source else {
            continue;
        };
        if !source.text.contains(" and ") && !source.text.contains(" & ") {
            continue;
        }
        // The head: the source up to its first comma, bracket or dash.
        let head_chars = source
            .text
            .char_indices()
            .find(|&(_, c)| matches!(c, ',' | '(' | '—'))
            .map_or(source.text.chars().count(), |(b, _)| {
                source.text[..b].chars().count()
            });
        let head_end = source.start + head_chars;
        let from = mentions.partition_point(|&(s, ..)| s < source.start);
        let mut members: Vec<(usize, usize, usize)> = Vec::new();
        for &(s, e, a) in mentions[from..].iter().take_while(|&&(s, ..)| s < head_end) {
            // One mention each, the first.
            if e <= head_end && !members.iter().any(|&(.., b)| b == a) {
                members.push((s, e, a));
            }
        }
        if members.len() < 2 {
            continue;
        }
        members.sort_unstable();
        let chars: Vec<char> = source.text.chars().collect();
        let between = |from: usize, to: usize| -> String {
            chars
                .get(from.saturating_sub(source.start)..to.saturating_sub(source.start))
                .map(|cs| cs.iter().collect::<String>())
                .unwrap_or_default()
        };
        let joined = members.windows(2).all(|w| {
            let gap = between(w[0].1, w[1].0);
            matches!(gap.trim(), "and" | "," | ", and" | "&")
        }) && members
            .windows(2)
            .next_back()
            .is_some_and(|w| matches!(between(w[0].1, w[1].0).trim(), "and" | ", and" | "&"));
        if !joined {
            continue;
        }
        let names: Vec<&str> = members
            .iter()
            .map(|&(_, _, i)| actors[i].name.as_str())
            .collect();
        let name = match names.split_last() {
            Some((last, rest)) if rest.len() > 1 => format!("{} and {last}", rest.join(", ")),
            Some((last, rest)) => format!("{} and {last}", rest.join("")),
            None => continue,
        };
        let i = match actors
            .iter()
            .position(|a| a.meta.rule.as_deref() == Some(JOINT_RULE) && a.name == name)
        {
            Some(i) => i,
            None => {
                actors.push(new_actor(next, name, ActorKind::Group, JOINT_RULE, 0.6));
                next += 1;
                actors.len() - 1
            }
        };
        let actor = &mut actors[i];
        if !actor.mentions.contains(source) {
            actor.mentions.push(source.clone());
        }
        claim.actor = Some(actor.id.clone());
    }
}

/// The number after the highest actor id ("a12" → 13): ids of added actors follow it.
fn next_id(actors: &[Actor]) -> usize {
    actors
        .iter()
        .filter_map(|a| a.id.strip_prefix('a')?.parse::<usize>().ok())
        .max()
        .unwrap_or(0)
        + 1
}

fn new_actor(n: usize, name: String, kind: ActorKind, rule: &str, confidence: f64) -> Actor {
    Actor {
        id: format!("a{n}"),
        name,
        kind,
        aliases: Vec::new(),
        role: None,
        mentions: Vec::new(),
        meta: Meta::auto(rule, confidence),
        extra: Extra::new(),
    }
}

/// A plural noun, roughly: "officials", "Democrats", not "press" or "chess".
fn is_plural(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

/// Whether a plural head (lower case; `written` as in the text) names people ("officials",
/// "voters", "Democrats", "employees", "residents") rather than things ("the findings", "the
/// results", "his remarks", "the numbers"), which are no group.
fn names_people(head: &str, written: &str) -> bool {
    const THINGS_IN_ERS: &[&str] = &[
        "answers",
        "borders",
        "letters",
        "matters",
        "numbers",
        "offers",
        "orders",
        "papers",
        "powers",
        "headquarters",
        "waters",
        "centers",
        "chapters",
        "layers",
    ];
    // People, and bodies of people, whose plural the endings below miss.
    const PEOPLE: &[&str] = &[
        "adherents",
        "agents",
        "applicants",
        "attendants",
        "clients",
        "constituents",
        "consultants",
        "dissidents",
        "immigrants",
        "incumbents",
        "merchants",
        "migrants",
        "opponents",
        "parents",
        "participants",
        "patients",
        "presidents",
        "proponents",
        "residents",
        "respondents",
        "students",
        "tenants",
        "claimants",
        "defendants",
        "servants",
        "descendants",
        "militants",
        "insurgents",
        "friends",
        "allies",
        "authorities",
        "pundits",
        "colleagues",
        "liberals",
        "rivals",
        "radicals",
        "individuals",
        "nationals",
        "generals",
        "greens",
        "sides",
        "families",
        "groups",
        "companies",
        "firms",
        "outlets",
        "networks",
        "unions",
        "organizations",
        "organisations",
        "departments",
        "agencies",
        "nations",
        "countries",
        "states",
        "governments",
        "parties",
        "campaigns",
        "superdelegates",
        "delegates",
        "heavyweights",
        "ones",
        "those",
        "themselves",
        "others",
        "numerous",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "kids",
        "adults",
        "guys",
        "elites",
        "whites",
        "blacks",
        "hawks",
        "doves",
        "cops",
        "troops",
        "forces",
        "crowds",
        "audiences",
        "couples",
    ];
    // "three-fourths", "two-thirds", "five": a part or a number of people.
    const NUMBERS: &[&str] = &[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "halves", "thirds",
        "fourths", "quarters", "fifths", "tenths",
    ];
    const ENDINGS: &[&str] = &[
        "ists", "ians", "ives", "ees", "crats", "men", "folks", "ites", "ards",
    ];
    let singular = head.strip_suffix("ies").map_or_else(
        || head.trim_end_matches('s').to_string(),
        |stem| format!("{stem}y"),
    );
    PERSONS.contains(&singular.as_str())
        || written.starts_with(char::is_uppercase)
        || PEOPLE.contains(&head)
        || NUMBERS.contains(&head.rsplit('-').next().unwrap_or(head))
        || ((head.ends_with("ers") || head.ends_with("ors")) && !THINGS_IN_ERS.contains(&head))
        || ENDINGS.iter().any(|end| head.ends_with(end))
}

/// Whether `long`'s words end with all of `short`'s.
fn ends_with_words(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.ends_with(short)
        && long[..long.len() - short.len()].ends_with(' ')
}

/// A source read as a description of an actor.
#[derive(Debug, PartialEq)]
struct Description {
    /// As the actor's name: up to a comma or relative clause, a possessive determiner read
    /// as "the" ("their union" → "the union").
    name: String,
    /// Lower-case words without the leading determiner, for merging.
    key: String,
    kind: ActorKind,
}

impl Description {
    /// A name the tagger missed, given as a source ("Bloomberg reports", "the I.R.S. said",
    /// "Mr. Burman said", a transcript's "WALLACE:"): its own actor, a person after a
    /// personal title, on a transcript line or with a known first name, an organisation when
    /// an acronym, else of a kind the user sets. Capitals that are a headline's ("FELLOW
    /// DOCTORS"), a title alone ("Judge") or a document ("Poll") name nobody.
    fn name(
        source: &str,
        transcript: bool,
        is_proper: &dyn Fn(&str) -> bool,
    ) -> Option<Description> {
        let source = source.split(',').next().unwrap_or("").trim();
        let mut words: Vec<&str> = source.split_whitespace().collect();
        let the = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if the {
            words.remove(0);
        }
        if words.is_empty() || words.len() > 4 {
            return None;
        }
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let titled = NAME_TITLES.contains(&lower[0].as_str()) && words.len() > 1;
        if (words.len() == 1 && NAME_TITLES.contains(&lower[0].as_str()))
            || lower
                .iter()
                .any(|w| w.starts_with(['r', 'd', 'i']) && w.get(1..2) == Some("-"))
        {
            return None;
        }
        let acronym = words.len() == 1 && is_acronym(words[0]);
        let capitalised = words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c))
        });
        // Capitals alone: an acronym, or a transcript's speaker.
        let shouting = words.iter().all(|w| !w.chars().any(char::is_lowercase));
        if !capitalised
            || (shouting && !acronym && !(transcript && words.len() == 1))
            || (the && !acronym)
            || lower.iter().any(|w| {
                PRONOUNS.contains(&w.as_str())
                    || DOCUMENTS.contains(&w.trim_end_matches('s'))
                    || DOCUMENTS.contains(&w.as_str())
                    || PERSONS.contains(&w.as_str())
            })
            || (!titled && words.iter().any(|w| super::roles::is_title_word(w)))
            || lower
                .iter()
                .any(|w| NOT_NAMES.contains(&w.trim_end_matches('.')))
        {
            return None;
        }
        let kind =
            if titled || transcript || (words.len() > 1 && super::resolve::is_first_name(words[0]))
            {
                ActorKind::Person
            } else if acronym {
                ActorKind::Organization
            } else if words.iter().all(|w| is_proper(w)) {
                ActorKind::Other
            } else {
                return None;
            };
        let name = if the {
            format!("the {}", words[0])
        } else {
            words.join(" ")
        };
        Some(Description {
            key: lower.join(" "),
            name,
            kind,
        })
    }

    fn read(source: &str) -> Option<Description> {
        let mut words: Vec<&str> = Vec::new();
        for w in source.split_whitespace() {
            let bare = w.trim_end_matches(',');
            let lower = bare.to_lowercase();
            // A relative clause or an appositive ends the description.
            if !words.is_empty() && matches!(lower.as_str(), "who" | "which" | "that" | "whose") {
                break;
            }
            words.push(bare);
            if bare.len() != w.len() {
                break;
            }
        }
        if words.is_empty() || words.len() > 8 {
            return None;
        }
        // Quotes, brackets and figures are no description of a speaker.
        if words
            .iter()
            .any(|w| w.contains(|c: char| "\"“”‘()[]".contains(c) || c.is_ascii_digit()))
        {
            return None;
        }
        let first = words[0].to_lowercase();
        // "Many of his supporters", "one of his aides": a part of a group the rest describes.
        if words.len() > 2
            && PARTITIVES.contains(&first.as_str())
            && words[1].eq_ignore_ascii_case("of")
            && let Some(whole) = Description::read(&words[2..].join(" "))
        {
            let kind = match whole.kind {
                ActorKind::Group | ActorKind::Person if first == "one" => ActorKind::Person,
                ActorKind::Group | ActorKind::Person => ActorKind::Group,
                other => other,
            };
            return Some(Description {
                key: words
                    .iter()
                    .map(|w| w.to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" "),
                name: words.join(" "),
                kind,
            });
        }
        let (determiner, rest) = match first.as_str() {
            "the" | "a" | "an" | "this" | "these" | "those" | "some" => {
                (Some(words[0]), &words[1..])
            }
            "their" | "its" | "his" | "her" | "our" | "my" | "your" => (Some("the"), &words[1..]),
            _ => (None, &words[..]),
        };
        if rest.is_empty() {
            return None;
        }
        // A verb form ("submitted", "disclosed", "meaning") ends a noun phrase, or is one.
        let verbal = |w: &str| {
            let w = w.to_lowercase();
            w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
        };
        // The head: the last word before a preposition or a participle ("chamber" of "the
        // chamber of commerce", "Economists" at the central bank, "timeline" submitted to
        // the inquiry).
        let head_at = rest
            .iter()
            .enumerate()
            .position(|(k, w)| {
                matches!(
                    w.to_lowercase().as_str(),
                    "of" | "at"
                        | "in"
                        | "from"
                        | "for"
                        | "with"
                        | "on"
                        | "to"
                        | "by"
                        | "familiar"
                        | "close"
                ) || (k > 0 && verbal(w))
            })
            .unwrap_or(rest.len());
        if head_at == 0 {
            return None;
        }
        let head = rest[head_at - 1]
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_lowercase();
        // Capitalised words alone are a name the tagger missed ("Northvale", "Kessler
        // Controls"), not a description; but a plural alone is a group ("Democrats").
        let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
        if determiner.is_none()
            && rest.iter().all(capitalised)
            && !(rest.len() == 1 && (is_plural(&head) || GROUPS.contains(&head.as_str())))
        {
            return None;
        }
        // Without a determiner, a description opens with a capital, a quantifier ("many
        // residents") or is a plural alone ("officials").
        let opener = rest[0].to_lowercase();
        let bare_plural = head_at == 1 && is_plural(&head);
        // "administration officials", "top black lawmakers", "local police": people named
        // by what they are, after lower-case modifiers.
        let people = (is_plural(&head) && PERSONS.contains(&head.trim_end_matches('s')))
            || GROUPS.contains(&head.as_str());
        let modifier = |w: &&str| {
            w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !NOT_MODIFIERS.contains(&w.to_lowercase().as_str())
        };
        let modified_people = people
            && rest[..head_at - 1]
                .iter()
                .all(|w| modifier(w) && !verbal(w));
        // "elected officials", "Voting rights advocates": a participle opening the phrase
        // says what kind of people they are, where a verb would take them as its object
        // ("leaving officials"): a past participle, or one of a few -ing words.
        let participle_people = determiner.is_none()
            && head_at > 1
            && people
            && modifier(&rest[0])
            && {
                let w = rest[0].to_lowercase();
                w.ends_with("ed") || PARTICIPLE_MODIFIERS.contains(&w.as_str())
            }
            && rest[1..head_at - 1]
                .iter()
                .all(|w| modifier(w) && !verbal(w));
        // A verb phrase, or a fragment of one, is no description ("meaning its lawyers",
        // "followed the crisis").
        if verbal(rest[head_at - 1])
            || (determiner.is_none() && verbal(rest[0]) && !participle_people)
        {
            return None;
        }
        if determiner.is_none()
            && !rest[0].starts_with(char::is_uppercase)
            && !QUANTIFIERS.contains(&opener.as_str())
            && !bare_plural
            && !modified_people
            && !participle_people
        {
            return None;
        }
        if !head
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            || PRONOUNS.contains(&head.as_str())
            || DOCUMENTS.contains(&head.as_str())
        {
            return None;
        }
        let kind = if super::ORGANIZATION_NOUNS.contains(&head.as_str()) {
            ActorKind::Organization
        } else if PERSONS.contains(&head.as_str()) {
            ActorKind::Person
        } else if GROUPS.contains(&head.as_str())
            || (is_plural(&head) && names_people(&head, rest[head_at - 1]))
        {
            ActorKind::Group
        } else {
            ActorKind::Other
        };
        let mut name = String::new();
        if let Some(d) = determiner {
            name.push_str(d);
        }
        for w in rest {
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(w);
        }
        let key = rest
            .iter()
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        Some(Description { name, key, kind })
    }
}

/// Words that open a part of a group ("Many of his supporters").
const PARTITIVES: &[&str] = &[
    "many", "most", "some", "several", "few", "all", "both", "none", "one", "each", "two", "three",
    "half",
];

/// -ing words that describe people before their noun ("voting rights advocates", "leading
/// economists"), not a verb taking them as its object.
const PARTICIPLE_MODIFIERS: &[&str] = &[
    "voting",
    "leading",
    "ruling",
    "governing",
    "working",
    "visiting",
    "remaining",
    "competing",
    "striking",
    "sitting",
    "outgoing",
    "incoming",
    "restructuring",
    "polling",
    "opposing",
];

/// A personal title that makes the name after it a person's ("Mr. Burman").
const NAME_TITLES: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "mr", "mrs", "ms", "dr",
];

/// Capitalised words that name nobody: dates, a sentence's or a headline's function words,
/// and the labels of notes ("CLARIFICATION:", "UPDATE:").
const NOT_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "on",
    "in",
    "at",
    "a",
    "an",
    "of",
    "for",
    "to",
    "and",
    "or",
    "but",
    "if",
    "let's",
    "let’s",
    "clarification",
    "correction",
    "update",
    "note",
    "editor's",
    "editor’s",
    "related",
    "read",
    "watch",
    "photo",
    "source",
    "sources",
    "republican",
    "republicans",
    "democratic",
    "democrat",
    "democrats",
    "will",
    "another",
    "other",
    "there",
];

/// Capitalised words after a lower-case word or an article somewhere in the text ("said
/// Bloomberg", "A Bloomberg poll").
fn proper_nouns<'t>(cx: &Context<'t>) -> HashSet<&'t str, FxBuild> {
    let tokens = &cx.analysis.tokens;
    let word = |k: usize| cx.text.get(tokens[k].range()).unwrap_or("");
    (1..tokens.len())
        .filter(|&k| {
            tokens[k].kind == TokenKind::Word
                && tokens[k - 1].kind == TokenKind::Word
                && word(k).starts_with(char::is_uppercase)
                && (word(k - 1).starts_with(char::is_lowercase)
                    || matches!(word(k - 1), "A" | "An" | "The"))
        })
        .map(word)
        .collect()
}

/// An acronym: two to six capitals, with or without periods ("MSNBC", "I.R.S."; not a
/// state's "N.C.").
fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| *c != '.').count();
    let dotted = w.contains('.');
    (if dotted { 3..=6 } else { 2..=6 }).contains(&letters)
        && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        && w.chars().any(|c| c.is_ascii_uppercase())
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "these", "those",
    "one", "someone", "somebody", "anyone", "everyone", "many", "some", "others", "both", "all",
    "none",
];

/// Heads of sources that are documents, not actors ("the statement", "a report").
const DOCUMENTS: &[&str] = &[
    "ad",
    "ads",
    "analysis",
    "article",
    "book",
    "data",
    "document",
    "documents",
    "email",
    "emails",
    "figures",
    "filing",
    "guidance",
    "letter",
    "memo",
    "minutes",
    "note",
    "poll",
    "polls",
    "post",
    "records",
    "release",
    "report",
    "reports",
    "research",
    "review",
    "statement",
    "statements",
    "study",
    "submission",
    "survey",
    "timeline",
    "tweet",
    "tweets",
    "video",
    "website",
];

const PERSONS: &[&str] = &[
    "activist",
    "adviser",
    "advisor",
    "advocate",
    "aide",
    "ambassador",
    "analyst",
    "attorney",
    "campaigner",
    "candidate",
    "chair",
    "chairman",
    "chairwoman",
    "chief",
    "commander",
    "consultant",
    "contender",
    "contractor",
    "critic",
    "democrat",
    "detective",
    "diplomat",
    "director",
    "doctor",
    "donor",
    "driver",
    "economist",
    "editor",
    "employee",
    "engineer",
    "envoy",
    "epidemiologist",
    "executive",
    "expert",
    "farmer",
    "governor",
    "historian",
    "inspector",
    "journalist",
    "judge",
    "lawmaker",
    "lawyer",
    "leader",
    "legislator",
    "man",
    "manager",
    "mayor",
    "minister",
    "negotiator",
    "nurse",
    "officer",
    "official",
    "opponent",
    "owner",
    "physician",
    "pilot",
    "plumber",
    "pollster",
    "president",
    "professor",
    "prosecutor",
    "protester",
    "reporter",
    "republican",
    "researcher",
    "resident",
    "scholar",
    "scientist",
    "senator",
    "shopkeeper",
    "source",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "student",
    "supporter",
    "surgeon",
    "teacher",
    "veteran",
    "voter",
    "whistleblower",
    "witness",
    "woman",
    "worker",
];

const GROUPS: &[&str] = &["crowd", "people", "public", "staff", "electorate", "police"];

/// Lower-case words before a noun that are a verb's or a clause's, not the noun's modifiers
/// ("let officials", "only voters").
const NOT_MODIFIERS: &[&str] = &[
    "let", "allow", "allows", "make", "makes", "help", "helps", "show", "shows", "tell", "tells",
    "ask", "asks", "urge", "urges", "and", "or", "but", "only", "even", "also", "not", "than",
    "as", "so", "then", "when", "if", "because", "while", "where", "said", "says", "say",
];

/// Words that may open a description without a determiner ("many residents").
const QUANTIFIERS: &[&str] = &[
    "many",
    "several",
    "few",
    "most",
    "two",
    "three",
    "four",
    "five",
    "dozens",
    "hundreds",
    "thousands",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(String, String, ActorKind)> {
        Description::read(s).map(|d| (d.name, d.key, d.kind))
    }

    #[test]
    fn a_plural_of_things_is_no_group() {
        for people in [
            "the officials",
            "many voters",
            "The employees",
            "Local residents",
            "his allies",
            "Roughly two-thirds",
            "several Democrats",
        ] {
            assert_eq!(
                read(people).map(|d| d.2),
                Some(ActorKind::Group),
                "{people}"
            );
        }
        for things in ["The findings", "the results", "his remarks", "the numbers"] {
            assert_eq!(
                read(things).map(|d| d.2),
                Some(ActorKind::Other),
                "{things}"
            );
        }
    }

    #[test]
    fn reads_the_description_a_source_gives() {
        assert_eq!(
            read("their union"),
            Some(("the union".into(), "union".into(), ActorKind::Organization))
        );
        assert_eq!(
            read("The operators’ association"),
            Some((
                "The operators’ association".into(),
                "operators’ association".into(),
                ActorKind::Organization
            ))
        );
        assert_eq!(
            read("Economists at the central bank").map(|d| d.2),
            Some(ActorKind::Group)
        );
        assert_eq!(
            read("A European diplomat who asked not to be named because the talks were secret")
                .map(|d| (d.0, d.2)),
            Some(("A European diplomat".into(), ActorKind::Person))
        );
        assert_eq!(
            read("the chamber of commerce").map(|d| d.2),
            Some(ActorKind::Organization)
        );
        assert_eq!(read("Democrats").map(|d| d.2), Some(ActorKind::Group));
        assert_eq!(
            read("the shipping association").map(|d| d.2),
            Some(ActorKind::Organization)
        );
        assert_eq!(read("officials").map(|d| d.2), Some(ActorKind::Group));
        assert_eq!(
            read("many people with mild symptoms").map(|d| d.2),
            Some(ActorKind::Group)
        );
    }

    #[test]
    fn people_named_by_what_they_are_after_lower_case_modifiers_are_a_group() {
        for s in [
            "administration officials",
            "top black lawmakers",
            "civil rights leaders",
        ] {
            assert_eq!(read(s).map(|d| d.2), Some(ActorKind::Group), "{s}");
        }
        assert!(read("local police").is_some());
        assert!(read("Police").is_some());
        // A verb before the noun is no modifier; a noun that names no people is no group.
        for s in ["let officials", "show insiders", "allow companies"] {
            assert_eq!(read(s), None, "{s}");
        }
    }

    #[test]
    fn a_participle_before_people_says_what_they_are() {
        for s in [
            "elected officials from both parties",
            "Voting rights advocates",
            "restructuring experts",
            "registered voters",
        ] {
            assert_eq!(read(s).map(|d| d.2), Some(ActorKind::Group), "{s}");
        }
        // A verb taking people as its object is no description of them.
        for s in [
            "leaving officials",
            "prompting voters",
            "followed the crisis",
        ] {
            assert_eq!(read(s), None, "{s}");
        }
    }

    #[test]
    fn a_part_of_a_described_group_is_described_by_it() {
        assert_eq!(
            read("Many of his supporters"),
            Some((
                "Many of his supporters".into(),
                "many of his supporters".into(),
                ActorKind::Group
            ))
        );
        assert_eq!(
            read("one of the senators").map(|d| d.2),
            Some(ActorKind::Person)
        );
        assert_eq!(
            read("some of its weakest countries").map(|d| d.2),
            Some(ActorKind::Group)
        );
        // Of nothing a description can read, no part either.
        assert_eq!(read("one of those 529 college savings"), None);
        assert_eq!(read("many of whom"), None);
    }

    #[test]
    fn a_name_the_tagger_missed_is_its_own_actor() {
        let proper = |w: &str| matches!(w, "Bloomberg" | "Politifact" | "Republican");
        let name = |s: &str, transcript: bool| {
            Description::name(s, transcript, &proper).map(|d| (d.name, d.kind))
        };
        assert_eq!(
            name("Bloomberg", false),
            Some(("Bloomberg".into(), ActorKind::Other))
        );
        assert_eq!(
            name("the I.R.S.", false),
            Some(("the I.R.S.".into(), ActorKind::Organization))
        );
        assert_eq!(
            name("MSNBC", false),
            Some(("MSNBC".into(), ActorKind::Organization))
        );
        assert_eq!(
            name("Mr. Burman", false),
            Some(("Mr. Burman".into(), ActorKind::Person))
        );
        assert_eq!(
            name("Mr. King, 82,", false),
            Some(("Mr. King".into(), ActorKind::Person))
        );
        assert_eq!(
            name("WALLACE", true),
            Some(("WALLACE".into(), ActorKind::Person))
        );
        // A sentence's first word, a date, a label, a title alone, a state, a party and
        // state, a headline's capitals: nobody.
        for (s, transcript) in [
            ("Another", false),
            ("On September", false),
            ("March", false),
            ("CLARIFICATION", true),
            ("FELLOW DOCTORS", false),
            ("Mrs.", false),
            ("N.C.", false),
            ("R-Ill", false),
            ("Republican", false),
            ("Poll", false),
            ("Judge", false),
        ] {
            assert_eq!(name(s, transcript), None, "{s}");
        }
    }

    #[test]
    fn proper_nouns_are_capitalised_after_a_lower_case_word_or_an_article() {
        let cx = Context::new("Another poll came. A Bloomberg poll shows it, said Gallup.");
        let proper = proper_nouns(&cx);
        assert!(proper.contains("Bloomberg") && proper.contains("Gallup"));
        assert!(!proper.contains("Another"));
    }

    #[test]
    fn documents_pronouns_and_names_are_no_description() {
        for s in [
            "the statement",
            "He",
            "they",
            "Hale's statement",
            "Northvale",
            "Kessler Controls",
            "“Nobody”",
            "a statement issued",
            "the timeline submitted to the inquiry by the regional health authority",
            "documents disclosed to the inquiry",
            "meaning its lawyers",
            "confidential",
            "followed the crisis",
        ] {
            assert_eq!(read(s), None, "{s}");
        }
    }
}
