//! The extractor: actors, claims and stances, offline and explainable.
//!
//! Layers, each reading the ones before: `text` (tokens, sentences) → `actors` (mentions grouped
//! into actors) → `claims` (source, cue, content) → `stances`. Every item records the rule that
//! made it and a confidence. What the layers need (lexicons, small learned models) is compiled in
//! from `src/extract/data/`; `gloss train` rebuilds it from the eval train splits.

pub mod actors;
pub mod claims;
pub mod hashing;
pub mod stances;
pub mod text;

use crate::article::Article;
use crate::article::offsets::OffsetMap;
use crate::model::Document;

/// Everything the layers share about one text.
pub struct Context<'t> {
    pub text: &'t str,
    pub offsets: OffsetMap,
    pub analysis: text::Analysis,
}

impl<'t> Context<'t> {
    pub fn new(text: &'t str) -> Self {
        Context {
            text,
            offsets: OffsetMap::new(text),
            analysis: text::analyse(text),
        }
    }
}

/// Runs every layer over an article; every item has status `auto`.
pub fn extract(article: &Article) -> Document {
    extract_with(article, claims::Models::compiled())
}

/// [`extract`] with the claims layer's models given (see `claims::Models`).
pub fn extract_with(article: &Article, models: claims::Models<'_>) -> Document {
    let cx = Context::new(&article.text);
    let mut doc = Document::new(article.meta());
    doc.actors = actors::find_actors(&cx);
    doc.claims = claims::find_claims_with(&cx, models);
    resolve_sources(&cx, &mut doc, |_| true);
    credit_headline(&mut doc);
    credit_spokespeople(&mut doc, Referring::Nouns);
    let named = doc.actors.len();
    actors::described::coordinate_sources(&mut doc.actors, &mut doc.claims);
    actors::described::describe_sources(&cx, &mut doc.actors, &mut doc.claims);
    if doc.actors.len() > named {
        // "A former contractor who worked on the system said C. … he said": a pronoun may
        // refer back to a source known only by its description, or to a joint one.
        resolve_sources(&cx, &mut doc, |source| actors::is_pronoun(&source.text));
    }
    credit_headline_by_body(&mut doc);
    credit_spokespeople(&mut doc, Referring::Pronouns);
    speaking_places_are_people(&mut doc);
    doc.stances = stances::find_stances(&cx, &doc.actors, &doc.claims);
    doc
}

/// "Carson said C. … Carson said D": a place of one word no gazetteer knows, credited with
/// two claims or more, is a person the tagger misread (a surname such as "Carson" or
/// "Lopez-Cantera" when no full name was tagged). Places that speak for their governments
/// ("Washington", "Moscow") are in the gazetteer.
fn speaking_places_are_people(doc: &mut Document) {
    use crate::model::ActorKind;
    let mut claims: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for id in doc.claims.iter().filter_map(|c| c.actor.as_deref()) {
        *claims.entry(id).or_default() += 1;
    }
    let gazetteer = actors::gazetteer::gazetteer();
    let people: Vec<usize> = doc
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.kind == ActorKind::Place
                && !a.name.contains(char::is_whitespace)
                && a.name.starts_with(char::is_uppercase)
                && a.name.chars().any(char::is_lowercase)
                && claims.get(a.id.as_str()).is_some_and(|&n| n >= 2)
                && gazetteer.lookup_words([a.name.as_str()]).is_empty()
        })
        .map(|(i, _)| i)
        .collect();
    for i in people {
        doc.actors[i].kind = ActorKind::Person;
    }
}

/// The sources `credit_spokespeople` reads as referring back to a spokesperson.
#[derive(Clone, Copy, PartialEq)]
enum Referring {
    /// "the spokesman", "the spokeswoman": read before `describe_sources` would make them
    /// people of their own.
    Nouns,
    /// "he", "she": read after the pronouns are resolved.
    Pronouns,
}

/// The pronoun a spokesperson noun fits ("spokeswoman": she), `None` when either does, and
/// nothing when the text names no spokesperson.
fn spokesperson_gender(lower: &str) -> Option<Option<&'static str>> {
    if lower.contains("spokeswoman") {
        Some(Some("she"))
    } else if lower.contains("spokesman") {
        Some(Some("he"))
    } else if ["spokesperson", "representative"]
        .iter()
        .any(|w| lower.contains(w))
    {
        Some(None)
    } else {
        None
    }
}

/// "A Northvale spokeswoman said C. She said D", "A spokesman for the Water Suppliers
/// Association said C. … D, the spokesman said": a person pronoun or a bare "the spokesman"
/// right after a claim by an organisation's spokesperson is that spokesperson, who speaks for
/// the organisation. When the source has no actor yet, any spokesperson will do (but "the
/// spokeswoman" is no spokesman); when the resolver found a pronoun a person
/// named further back, only one the pronoun names by gender ("spokeswoman" for "she",
/// "spokesman" for "he") with no person named in between ("A spokeswoman said C. Aisha
/// Rahman was unconvinced. \"D,\" she said" is Rahman's): the nearer speaker wins.
fn credit_spokespeople(doc: &mut Document, referring: Referring) {
    // The organisation a claim's spokesperson source speaks for, the pronoun the source's
    // noun fits (`None`: either) and where the source ends.
    let speaks_for = |c: &crate::model::Claim| -> Option<(String, Option<&'static str>, usize)> {
        let source = c.source.as_ref()?;
        let actor = c.actor.as_ref()?;
        let gender = spokesperson_gender(&source.text.to_lowercase())?;
        doc.actors
            .iter()
            .any(|a| {
                &a.id == actor
                    && matches!(
                        a.kind,
                        crate::model::ActorKind::Organization | crate::model::ActorKind::Country
                    )
            })
            .then(|| (actor.clone(), gender, source.end))
    };
    // The pronoun a source referring back fits (`None`: either), or nothing when it does not
    // refer back ("he", "she"; "the spokeswoman", "the spokesperson").
    let refers = |text: &str| -> Option<Option<&'static str>> {
        let lower = text.to_lowercase();
        match (referring, lower.as_str()) {
            (Referring::Pronouns, "he") => Some(Some("he")),
            (Referring::Pronouns, "she") => Some(Some("she")),
            (Referring::Nouns, _) => lower
                .strip_prefix("the ")
                .filter(|rest| !rest.contains(' '))
                .and_then(spokesperson_gender),
            _ => None,
        }
    };
    // Where people are named, for pronouns the resolver gave someone (nouns have no actor).
    let mut people: Vec<usize> = doc
        .actors
        .iter()
        .filter(|a| referring == Referring::Pronouns && a.kind == crate::model::ActorKind::Person)
        .flat_map(|a| a.mentions.iter().map(|m| m.start))
        .collect();
    people.sort_unstable();
    let named_between = |from: usize, to: usize| {
        let k = people.partition_point(|&start| start < from);
        people.get(k).is_some_and(|&start| start < to)
    };
    let mut previous: Option<(String, Option<&'static str>, usize)> = None;
    let mut credited: Vec<(usize, String)> = Vec::new();
    for (i, c) in doc.claims.iter().enumerate() {
        if let Some(source) = &c.source
            && let Some(fits) = refers(&source.text)
            && let Some((org, gender, after)) = &previous
        {
            let credit = match referring {
                Referring::Nouns => {
                    c.actor.is_none() && (fits.is_none() || gender.is_none() || *gender == fits)
                }
                Referring::Pronouns => {
                    c.actor.is_none()
                        || (gender.is_some()
                            && *gender == fits
                            && !named_between(*after, source.start))
                }
            };
            if credit {
                credited.push((i, org.clone()));
                continue;
            }
        }
        if c.source.is_some() {
            previous = speaks_for(c);
        }
    }
    for (i, org) in credited {
        if let Some(c) = doc.claims.get_mut(i) {
            c.actor = Some(org);
        }
    }
}

/// Gives each claim whose source `only` admits the actor its source refers to.
/// A pronoun may refer back to the speaker of an earlier claim.
fn resolve_sources(cx: &Context, doc: &mut Document, only: impl Fn(&crate::model::Span) -> bool) {
    let resolver = actors::Resolver::new(cx, &doc.actors);
    let index: std::collections::HashMap<&str, usize> = doc
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    // Each resolved source's start and actor index, in text order: a pronoun, or a source
    // resolved by its role ("The senator said C"), is a mention the tagger did not make.
    let mut chain: Vec<(usize, usize)> = Vec::new();
    for claim in &mut doc.claims {
        let Some(source) = &claim.source else {
            continue;
        };
        if only(source) {
            claim.actor = resolver.resolve_in_chain(source, &chain);
        }
        if let Some(&i) = claim.actor.as_deref().and_then(|id| index.get(id)) {
            // Claims go by their first byte, which may be the content's: keep the chain
            // sorted by source.
            let k = chain.partition_point(|&(start, _)| start < source.start);
            chain.insert(k, (source.start, i));
        }
    }
}

/// The body's claims whose source is `source` word for word: a headline source the body
/// gives too ("Politifact: Donald Trump Is Right" over "Politifact then ruled C").
fn body_claims_by<'c>(
    claims: &'c [crate::model::Claim],
    source: &str,
) -> impl Iterator<Item = &'c crate::model::Claim> {
    claims.iter().filter(move |c| {
        c.kind != crate::model::ClaimKind::Headline
            && c.source.as_ref().is_some_and(|s| s.text == source)
    })
}

/// A headline's source is a description the body explains ("…: Former chief"): when it names
/// no actor, it is the article's main speaker, the person behind most of its claims (at least
/// two; the first such person on a tie). A source the body gives word for word is a name
/// instead, which `credit_headline_by_body` reads once the body's sources have actors.
fn credit_headline(doc: &mut Document) {
    let persons: std::collections::HashSet<&str> = doc
        .actors
        .iter()
        .filter(|a| a.kind == crate::model::ActorKind::Person)
        .map(|a| a.id.as_str())
        .collect();
    // Each person's claims, and the order persons first speak in (for ties).
    let mut counts: std::collections::HashMap<&str, (usize, usize)> =
        std::collections::HashMap::new();
    for id in doc.claims.iter().filter_map(|c| c.actor.as_deref()) {
        if persons.contains(id) {
            let order = counts.len();
            counts.entry(id).or_insert((0, order)).0 += 1;
        }
    }
    let Some((main, _)) = counts
        .into_iter()
        .filter(|&(_, (n, _))| n >= 2)
        .max_by_key(|&(_, (n, order))| (n, std::cmp::Reverse(order)))
    else {
        return;
    };
    let main = main.to_string();
    let headlines: Vec<usize> = (0..doc.claims.len())
        .filter(|&i| {
            let c = &doc.claims[i];
            c.kind == crate::model::ClaimKind::Headline
                && c.actor.is_none()
                && c.source
                    .as_ref()
                    .is_some_and(|s| body_claims_by(&doc.claims, &s.text).next().is_none())
        })
        .collect();
    for i in headlines {
        doc.claims[i].actor = Some(main.clone());
    }
}

/// "Politifact: Donald Trump Is Right … Politifact then ruled C": a headline source the
/// body gives word for word as a source speaks as that source's actor does.
fn credit_headline_by_body(doc: &mut Document) {
    let credits: Vec<(usize, String)> = doc
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == crate::model::ClaimKind::Headline && c.actor.is_none())
        .filter_map(|(i, c)| {
            let source = c.source.as_ref()?;
            let actor = body_claims_by(&doc.claims, &source.text).find_map(|b| b.actor.clone())?;
            Some((i, actor))
        })
        .collect();
    for (i, id) in credits {
        if let (Some(actor), Some(source)) = (
            doc.actors.iter_mut().find(|a| a.id == id),
            &doc.claims[i].source,
        ) && !actor.mentions.contains(source)
        {
            actor.mentions.push(source.clone());
            actor.mentions.sort_by_key(|m| m.start);
        }
        doc.claims[i].actor = Some(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

    #[test]
    fn a_headline_source_the_body_names_as_a_source_speaks_for_it() {
        let text = "Politifact: Donald Trump Is Right on Shootings\n\nDonald Trump said \
                    there were thousands of shootings. Trump said it was a war zone. \
                    A check by Politifact followed. Politifact then ruled that the \
                    statement was true.";
        let doc = extract(&Article::new("t", "", "t", text));
        let name = |id: Option<&str>| {
            doc.actors
                .iter()
                .find(|a| Some(a.id.as_str()) == id)
                .map(|a| a.name.clone())
        };
        let headline = doc
            .claims
            .iter()
            .find(|c| c.kind == crate::model::ClaimKind::Headline)
            .expect("the headline claim");
        assert_eq!(
            name(headline.actor.as_deref()).as_deref(),
            Some("Politifact"),
            "{:#?}",
            doc.claims
        );
        let politifact = doc.actors.iter().find(|a| a.name == "Politifact");
        assert!(
            politifact.is_some_and(|a| a.mentions.iter().any(|m| m.start == 0)),
            "{politifact:#?}"
        );
        // A description the body does not give stays the main speaker's ("…: Former chief").
        let text = "Troops may go: Former chief\n\nAnders Rasmussen said troops may go. \
                    Rasmussen said the summit would decide.";
        let doc = extract(&Article::new("t", "", "t", text));
        let headline = doc
            .claims
            .iter()
            .find(|c| c.kind == crate::model::ClaimKind::Headline)
            .expect("the headline claim");
        let main = doc.actors.iter().find(|a| a.name == "Anders Rasmussen");
        assert_eq!(
            headline.actor.as_deref(),
            main.map(|a| a.id.as_str()),
            "{:#?}",
            doc.claims
        );
    }

    #[test]
    fn a_place_no_gazetteer_knows_that_speaks_twice_is_a_person() {
        let text = "Race tightens\n\nLopez-Cantera said the race was close. Lopez-Cantera \
                    said he would win. Philadelphia said the count was over. Philadelphia said \
                    it again. Tampa said the roads were shut.";
        let mut doc = extract(&Article::new("t", "", "t", text));
        // As the tagger misreads them in some texts.
        for a in &mut doc.actors {
            if matches!(a.name.as_str(), "Lopez-Cantera" | "Philadelphia" | "Tampa") {
                a.kind = ActorKind::Place;
            }
        }
        speaking_places_are_people(&mut doc);
        let kind = |name: &str| doc.actors.iter().find(|a| a.name == name).map(|a| a.kind);
        assert_eq!(
            kind("Lopez-Cantera"),
            Some(ActorKind::Person),
            "{:#?}",
            doc.actors
        );
        // The gazetteer knows Philadelphia; Tampa speaks once.
        assert_eq!(kind("Philadelphia"), Some(ActorKind::Place));
        assert_eq!(kind("Tampa"), Some(ActorKind::Place));
    }
}
