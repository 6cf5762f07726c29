//! Titles and roles in front of a person's name: "Former NATO Secretary General Anders
//! Rasmussen" → role "Former NATO Secretary General", name "Anders Rasmussen".

use std::ops::Range;

use std::collections::HashSet;
use std::sync::OnceLock;

use super::ner::word_hash;
use crate::extract::hashing::PassBuild;
use crate::extract::text::Token;

/// Words that make a role (lower case). The word next to the name must be one of these.
const TITLE_WORDS: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "general",
    "chief",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "director",
    "senator",
    "sen.",
    // "Sens. Ted Cruz and Marco Rubio" (the period is a token of its own).
    "sens",
    "rep.",
    "reps",
    "representative",
    "congressman",
    "congresswoman",
    "delegate",
    "del.",
    "ambassador",
    "envoy",
    "governor",
    "gov.",
    "govs",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "commander",
    "chancellor",
    "premier",
    "head",
    "deputy",
    "assistant",
    "speaker",
    "justice",
    "judge",
    "attorney",
    "lawyer",
    "coach",
    "manager",
    "captain",
    "colonel",
    "col.",
    "gen.",
    "lt.",
    "major",
    "sergeant",
    "admiral",
    "officer",
    "official",
    "adviser",
    "advisor",
    "analyst",
    "economist",
    "professor",
    "prof.",
    "dr.",
    "candidate",
    "nominee",
    "founder",
    "executive",
    "officer",
    "editor",
    "correspondent",
    "reporter",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "state",
    "former",
    "acting",
    "incumbent",
    "outgoing",
    "incoming",
    "then",
    "ex",
    "senior",
    "top",
    "army",
    "military",
    "opposition",
    "party",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "pope",
    "bishop",
    "cardinal",
    "rabbi",
    "sheikh",
    "emir",
    "ayatollah",
    "pastor",
    "reverend",
    "rev.",
    "nominee",
    "mate",
    "rival",
    "opponent",
    "challenger",
    "frontrunner",
    "front-runner",
    "businessman",
    "businesswoman",
    "billionaire",
    "mogul",
    "host",
    "anchor",
    "columnist",
    "author",
    "activist",
    "strategist",
    "pollster",
    "aide",
    "consultant",
    "donor",
    "lawmaker",
    "legislator",
    "whip",
    "commissioner",
    "superintendent",
    "inspector",
    "auditor",
    "treasurer",
    "comptroller",
    "prosecutor",
    "sheriff",
    "chairperson",
    "president-elect",
    "secretary-general",
    "cofounder",
    "co-founder",
    "owner",
    "partner",
    "scientist",
    "researcher",
    "expert",
    "historian",
    "diplomat",
    "negotiator",
    "investigator",
];

/// Lower-case words that qualify a title inside a role ("presidential" in "Democratic
/// presidential nominee").
const ROLE_ADJECTIVES: &[&str] = &[
    "presidential",
    "vice-presidential",
    "national",
    "political",
    "press",
    "campaign",
    "communications",
    "policy",
    "security",
    "economic",
    "federal",
    "district",
    "county",
    "city",
    "running",
    "real-estate",
    "majority",
    "minority",
    "house",
    "senate",
    "defence",
    "trade",
    "health",
    "justice",
    "energy",
    "intelligence",
    "agriculture",
    "education",
    "environment",
    "labour",
    "labor",
    "immigration",
    "homeland",
    "central",
    "supreme",
    "high",
    "independent",
    "special",
    "longtime",
    "long-time",
    "veteran",
    "retired",
    "ousted",
    "late",
    "new",
    "current",
    "interim",
];

/// Honorifics: not a role, not part of the name.
const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame",
];

/// Titles that, capitalised before a name, surely make a role ("Secretary", "President").
pub fn is_strong_title(word: &str) -> bool {
    const STRONG: &[&str] = &[
        "president",
        "secretary",
        "minister",
        "chancellor",
        "senator",
        "sen.",
        "governor",
        "gov.",
        "general",
        "gen.",
        "chairman",
        "chairwoman",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "king",
        "queen",
        "prince",
        "pope",
        "mayor",
        "premier",
        "leader",
        "coach",
        "ceo",
        "director",
        "judge",
        "commander",
        "chief",
        "envoy",
        "secretary-general",
    ];
    STRONG.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Titles only a person holds, which, capitalised right before capitalised words, make those
/// words a person's name even where the tagger missed it ("said Rep. Elijah Cummings of
/// Maryland"). Not "General" ("General Motors") nor "Justice" ("Justice Department").
pub struct PersonalTitles {
    /// A bit per top byte of the titles' hashes: asked about every word, most are turned
    /// away before the set is looked at.
    bits: [u64; 4],
    set: HashSet<u64, PassBuild>,
}

impl PersonalTitles {
    /// Whether a word is a personal title; `lower` is its `word_hash`, and `word` is only read
    /// when the hash is a title's (it must be capitalised).
    pub fn contains<'a>(&self, lower: u64, word: impl FnOnce() -> &'a str) -> bool {
        let top = (lower >> 56) as usize;
        self.bits[top / 64] & (1 << (top % 64)) != 0
            && self.set.contains(&lower)
            && word().starts_with(char::is_uppercase)
    }
}

pub fn personal_titles() -> &'static PersonalTitles {
    static S: OnceLock<PersonalTitles> = OnceLock::new();
    S.get_or_init(|| {
        let set: HashSet<u64, PassBuild> = PERSONAL_TITLES.iter().map(|w| word_hash(w)).collect();
        let mut bits = [0u64; 4];
        for h in &set {
            let top = (h >> 56) as usize;
            bits[top / 64] |= 1 << (top % 64);
        }
        PersonalTitles { bits, set }
    })
}

/// The words of `personal_titles`, lower-cased.
const PERSONAL_TITLES: &[&str] = &[
    "president",
    "pres.",
    "vice-president",
    "president-elect",
    "senator",
    "sen.",
    "professor",
    "representative",
    "rep.",
    "congressman",
    "congresswoman",
    "del.",
    "governor",
    "gov.",
    "lt.",
    "mayor",
    "secretary",
    "minister",
    "chancellor",
    "premier",
    "ambassador",
    "gen.",
    "col.",
    "adm.",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "emir",
];

/// The title list as a set of `word_hash`es: role scans ask about every word near a name.
fn title_set() -> &'static HashSet<u64, PassBuild> {
    static S: OnceLock<HashSet<u64, PassBuild>> = OnceLock::new();
    S.get_or_init(|| TITLE_WORDS.iter().map(|w| word_hash(w)).collect())
}

/// Whether a word is a title word ("Secretary", "then-President", "ex-minister").
pub fn is_title_word(word: &str) -> bool {
    title_word(word, || word_hash(word))
}

/// As `is_title_word`, for a word whose `word_hash` is known (the tagger's `Tagged::lower`).
pub fn is_title_hashed(word: &str, hash: u64) -> bool {
    title_word(word, || hash)
}

fn title_word(word: &str, hash: impl FnOnce() -> u64) -> bool {
    // Titles are words: skip the hash for punctuation, numbers and long words.
    if word.len() > 20 || !word.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    let set = title_set();
    let listed = |w: &str| set.contains(&word_hash(w));
    set.contains(&hash())
        || (word.bytes().any(|b| b == b'-') && word.split('-').any(|p| !p.is_empty() && listed(p)))
}

pub fn is_honorific(word: &str) -> bool {
    HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(word))
}

/// The tokens of the role directly before token `name_start` (within `sentence`), as a token
/// range, when the word next to the name is a title word. `in_entity(i)` says whether token `i`
/// belongs to a named entity (an organisation or country in the role: "NATO", "U.S.").
pub fn role_before(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    name_start: usize,
    in_entity: impl Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let word = |i: usize| tokens.get(i).and_then(|t| text.get(t.start..t.end));
    let mut i = name_start;
    // Honorifics right before the name are skipped ("Secretary Mr. X" is rare; "Mr. X" common).
    while i > sentence.start && word(i - 1).is_some_and(is_honorific) {
        i -= 1;
    }
    let end = i;
    if i == sentence.start || !word(i - 1).is_some_and(is_title_word) {
        return None;
    }
    let mut start = i;
    while start > sentence.start {
        let k = start - 1;
        let Some(w) = word(k) else { break };
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let ok = is_title_word(w)
            || in_entity(k)
            || ROLE_ADJECTIVES.iter().any(|a| a.eq_ignore_ascii_case(w))
            || (capitalised && w.chars().any(char::is_lowercase) && k > sentence.start)
            || matches!(w, "'s" | "’s")
            || ((w == "of" || w == "the")
                && start < end
                && word(start).is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase)));
        if !ok {
            break;
        }
        start = k;
    }
    // A role never starts with "of", "the" or a possessive.
    while start < end && word(start).is_some_and(|w| matches!(w, "of" | "the" | "'s" | "’s")) {
        start += 1;
    }
    // Sentence-initial capitalised words are only kept when they are title words or entities.
    if start == sentence.start
        && start < end
        && !(word(start).is_some_and(is_title_word) || in_entity(start))
    {
        start += 1;
    }
    (start < end).then_some(start..end)
}

/// The role in an appositive right after a name: "Jens Stoltenberg, NATO's secretary
/// general, said" → "NATO's secretary general". The phrase sits between commas, is short, and
/// ends in a title word.
pub fn role_after(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    name_end: usize,
) -> Option<Range<usize>> {
    let word = |i: usize| tokens.get(i).and_then(|t| text.get(t.start..t.end));
    if name_end >= sentence.end || word(name_end) != Some(",") {
        return None;
    }
    let start = name_end + 1;
    let mut k = start;
    while k < sentence.end && k < start + 8 {
        let w = word(k)?;
        if w == "," {
            break;
        }
        if !w
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '’'))
        {
            return None;
        }
        k += 1;
    }
    if k == start || k >= sentence.end || word(k) != Some(",") {
        return None;
    }
    let last = word(k - 1)?;
    let first = word(start)?;
    // "the ... spokesman", "NATO's secretary general", "a former senator".
    let opens = matches!(first.to_lowercase().as_str(), "the" | "a" | "an" | "former")
        || first.starts_with(char::is_uppercase)
        || is_title_word(first);
    (opens && is_title_word(last) && !last.eq_ignore_ascii_case("state")).then_some(start..k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    fn role(text: &str, name: &str, entity: &[&str]) -> Option<String> {
        let tokens = tokenize(text);
        let b = text.find(name).expect("name");
        let i = tokens.iter().position(|t| t.start == b).expect("token");
        let r = role_before(text, &tokens, 0..tokens.len(), i, |k| {
            entity.contains(&&text[tokens[k].start..tokens[k].end])
        })?;
        Some(text[tokens[r.start].start..tokens[r.end - 1].end].to_string())
    }

    #[test]
    fn splits_title_chains_with_organisations() {
        assert_eq!(
            role(
                "Former NATO Secretary General Anders Rasmussen says so.",
                "Anders",
                &["NATO"]
            )
            .as_deref(),
            Some("Former NATO Secretary General")
        );
        assert_eq!(
            role(
                "the case, former NATO Secretary General Anders Rasmussen said",
                "Anders",
                &["NATO"]
            )
            .as_deref(),
            Some("former NATO Secretary General")
        );
    }

    #[test]
    fn keeps_qualifying_adjectives_in_the_role() {
        assert_eq!(
            role(
                "by Democratic presidential nominee Hillary Clinton",
                "Hillary",
                &[]
            )
            .as_deref(),
            Some("Democratic presidential nominee")
        );
    }

    #[test]
    fn reads_a_role_from_an_appositive() {
        let text = "Jens Stoltenberg, NATO's secretary general, said so.";
        let tokens = tokenize(text);
        let end = tokens
            .iter()
            .position(|t| &text[t.start..t.end] == ",")
            .expect("comma");
        let r = role_after(text, &tokens, 0..tokens.len(), end).expect("role");
        assert_eq!(
            &text[tokens[r.start].start..tokens[r.end - 1].end],
            "NATO's secretary general"
        );
        let plain = "Jens Stoltenberg, who spoke, said so.";
        let tokens = tokenize(plain);
        assert_eq!(role_after(plain, &tokens, 0..tokens.len(), 2), None);
    }

    #[test]
    fn needs_a_title_word_next_to_the_name() {
        assert_eq!(role("Yesterday Anders Rasmussen said", "Anders", &[]), None);
        assert_eq!(
            role("said U.S. Secretary of State John Kerry", "John", &["U.S."]).as_deref(),
            Some("U.S. Secretary of State")
        );
    }
}
