//! Hand-written gazetteers compiled in: countries (other names, capitals, demonyms) and major
//! organisations (acronyms, the nouns a definite description uses: "the alliance").
//!
//! Lookups normalise case, periods and a leading "the", so "U.S.", "US" and "the United States"
//! meet; the tagger also asks for phrase matches over tokens (see `phrase_classes`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::extract::hashing::PassBuild;
use crate::extract::text;

const COUNTRIES: &str = include_str!("../data/countries.txt");
const ORGANIZATIONS: &str = include_str!("../data/organizations.txt");
const PLACES: &str = include_str!("../data/places.txt");
const WATERS: &str = include_str!("../data/waters.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Country,
    Organization,
    /// A state, region or city that is not a country.
    Place,
}

/// How a string names an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum How {
    Name,
    Alias,
    /// A capital: the seat of government, or the city itself.
    Capital,
    /// "Ukrainian", "U.S." as an adjective.
    Adjective,
    /// "Ukrainians".
    Plural,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: EntryKind,
    pub name: &'static str,
    pub aliases: Vec<&'static str>,
    pub capitals: Vec<&'static str>,
    pub adjectives: Vec<&'static str>,
    pub plurals: Vec<&'static str>,
    /// Common nouns a definite description of this entry may use ("alliance").
    pub nouns: Vec<&'static str>,
}

impl Entry {
    /// A place: a name and its other names.
    fn place(name: &'static str, aliases: Vec<&'static str>) -> Self {
        Entry {
            kind: EntryKind::Place,
            name,
            aliases,
            capitals: Vec::new(),
            adjectives: Vec::new(),
            plurals: Vec::new(),
            nouns: Vec::new(),
        }
    }
}

/// Bits of `phrase_classes`: what a token sequence is in the gazetteer.
pub const CLASS_COUNTRY: u8 = 1;
pub const CLASS_CAPITAL: u8 = 2;
pub const CLASS_ADJECTIVE: u8 = 4;
pub const CLASS_PLURAL: u8 = 8;
pub const CLASS_ORG: u8 = 16;
pub const CLASS_PLACE: u8 = 32;
/// A common first name (data/first_names.txt).
pub const CLASS_FIRST_NAME: u8 = 64;

pub const FIRST_NAMES: &str = include_str!("../data/first_names.txt");
/// Set on a phrase that is the start of a longer one.
pub const CLASS_MORE: u8 = 128;

pub struct Gazetteer {
    pub entries: Vec<Entry>,
    index: HashMap<String, Vec<(usize, How)>>,
    /// The same by phrase hash (`phrase_step` over `token_key`), best reading first.
    by_hash: HashMap<u64, Vec<(usize, How)>, PassBuild>,
    /// Hash of the normalised token sequence → class bits.
    phrases: HashMap<u64, u8, PassBuild>,
    /// One-token phrases known only as short acronyms ("WHO", "US", "IS", "CAR"): they name
    /// the entry only when written in capitals, never as the word ("Who knew?", "Is it?").
    capitals_only: std::collections::HashSet<u64, PassBuild>,
    pub max_phrase_tokens: usize,
}

/// A form of at most three letters, all capitals (periods aside): an acronym that may also
/// be an English word.
fn is_short_acronym(form: &str) -> bool {
    let letters = form.chars().filter(|&c| c != '.');
    letters.clone().count() <= 3 && letters.clone().all(char::is_uppercase)
}

/// Whether a token is written in capitals: it has a letter, and no lower-case one.
pub fn written_in_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

fn list(field: Option<&'static str>) -> Vec<&'static str> {
    field
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Lower case, no periods, single spaces, no leading "the ", no possessive "'s".
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            // ASCII letters skip the Unicode case tables.
            if c.is_ascii() {
                if c != '.' {
                    out.push(c.to_ascii_lowercase());
                }
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    // Cut in place rather than copying the name twice more.
    let kept = out
        .strip_suffix("'s")
        .or_else(|| out.strip_suffix("’s"))
        .unwrap_or(&out)
        .trim_end()
        .len();
    out.truncate(kept);
    if out.starts_with("the ") {
        out.drain(.."the ".len());
    }
    out
}

/// The hash of one token as the gazetteer sees it: lower case, periods dropped.
pub fn token_key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        for &b in word.as_bytes() {
            if b != b'.' {
                h = (h ^ b.to_ascii_lowercase() as u64).wrapping_mul(0x0100_0000_01b3);
            }
        }
        return h;
    }
    for c in word.chars() {
        if c == '.' {
            continue;
        }
        for l in c.to_lowercase() {
            h = (h ^ l as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Combines token keys into a phrase key.
pub fn phrase_step(h: u64, token: u64) -> u64 {
    (h.rotate_left(17) ^ token).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The records of a gazetteer file: `name|field|field...` lines, blank lines and `#` comments
/// skipped, each with its name and an iterator over the remaining fields.
fn records(
    data: &'static str,
) -> impl Iterator<Item = (&'static str, std::str::Split<'static, char>)> {
    data.lines().filter_map(|line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let mut f = line.split('|');
        let name = f.next().map(str::trim).filter(|s| !s.is_empty())?;
        Some((name, f))
    })
}

impl Gazetteer {
    fn build() -> Self {
        let mut entries = Vec::new();
        for (name, mut f) in records(COUNTRIES) {
            entries.push(Entry {
                kind: EntryKind::Country,
                name,
                aliases: list(f.next()),
                capitals: list(f.next()),
                adjectives: list(f.next()),
                plurals: list(f.next()),
                nouns: vec!["country", "nation"],
            });
        }
        for (name, mut f) in records(ORGANIZATIONS) {
            entries.push(Entry {
                kind: EntryKind::Organization,
                name,
                aliases: list(f.next()),
                capitals: Vec::new(),
                adjectives: Vec::new(),
                plurals: Vec::new(),
                nouns: list(f.next()),
            });
        }
        for (name, mut f) in records(PLACES) {
            entries.push(Entry::place(name, list(f.next())));
        }
        // Waters are looked up, but give the tagger no features: it was trained without them.
        let first_water = entries.len();
        for (name, mut f) in records(WATERS) {
            entries.push(Entry::place(name, list(f.next())));
        }
        let mut index: HashMap<String, Vec<(usize, How)>> = HashMap::new();
        let mut phrases: HashMap<u64, u8, PassBuild> = HashMap::default();
        let mut by_hash: HashMap<u64, Vec<(usize, How)>, PassBuild> = HashMap::default();
        let mut max_phrase_tokens = 1;
        let mut acronyms = std::collections::HashSet::<u64, PassBuild>::default();
        let mut words = std::collections::HashSet::<u64, PassBuild>::default();
        for (i, e) in entries.iter().enumerate() {
            let forms = std::iter::once((e.name, How::Name))
                .chain(e.aliases.iter().map(|a| (*a, How::Alias)))
                .chain(e.capitals.iter().map(|a| (*a, How::Capital)))
                .chain(e.adjectives.iter().map(|a| (*a, How::Adjective)))
                .chain(e.plurals.iter().map(|a| (*a, How::Plural)));
            for (form, how) in forms {
                let key = normalise(form);
                let slot = index.entry(key).or_default();
                if !slot.iter().any(|&(j, h)| j == i && h == how) {
                    slot.push((i, how));
                }
                let class = match (e.kind, how) {
                    (EntryKind::Organization, _) => CLASS_ORG,
                    (EntryKind::Place, _) => CLASS_PLACE,
                    (_, How::Name | How::Alias) => CLASS_COUNTRY,
                    (_, How::Capital) => CLASS_CAPITAL,
                    (_, How::Adjective) => CLASS_ADJECTIVE,
                    (_, How::Plural) => CLASS_PLURAL,
                };
                let stripped = form.strip_prefix("the ").unwrap_or(form);
                let tokens = text::tokenize(stripped);
                if i >= first_water {
                    let h = tokens.iter().fold(0, |h, t| {
                        phrase_step(h, token_key(&stripped[t.start..t.end]))
                    });
                    let slot = by_hash.entry(h).or_default();
                    if !slot.contains(&(i, how)) {
                        slot.push((i, how));
                    }
                    continue;
                }
                if let [one] = tokens.as_slice() {
                    let h = phrase_step(0, token_key(&stripped[one.start..one.end]));
                    if is_short_acronym(stripped) {
                        acronyms.insert(h);
                    } else {
                        words.insert(h);
                    }
                }
                max_phrase_tokens = max_phrase_tokens.max(tokens.len());
                let mut h = 0;
                for (k, t) in tokens.iter().enumerate() {
                    h = phrase_step(h, token_key(&stripped[t.start..t.end]));
                    if k + 1 < tokens.len() {
                        *phrases.entry(h).or_default() |= CLASS_MORE;
                    }
                }
                *phrases.entry(h).or_default() |= class;
                let slot = by_hash.entry(h).or_default();
                if !slot.contains(&(i, how)) {
                    slot.push((i, how));
                }
            }
        }
        for line in FIRST_NAMES.lines() {
            let Some((_, names)) = line.split_once(':') else {
                continue;
            };
            if line.starts_with('#') {
                continue;
            }
            for name in names.split_whitespace() {
                let h = phrase_step(0, token_key(name));
                *phrases.entry(h).or_default() |= CLASS_FIRST_NAME;
            }
        }
        for v in by_hash.values_mut() {
            v.sort_by_key(|&(i, how)| (how, i));
        }
        let capitals_only = acronyms.difference(&words).copied().collect();
        Gazetteer {
            entries,
            index,
            by_hash,
            phrases,
            capitals_only,
            max_phrase_tokens,
        }
    }

    /// Entries a name refers to, best reading first (names before capitals before adjectives).
    pub fn lookup(&self, name: &str) -> Vec<(usize, How)> {
        let mut found = self
            .index
            .get(&normalise(name))
            .cloned()
            .unwrap_or_default();
        found.sort_by_key(|&(i, how)| (how, i));
        found
    }

    /// Entries a name given as its tokens refers to, best reading first; a leading "the" and
    /// a trailing possessive are ignored. Allocates nothing.
    pub fn lookup_words<'a>(&self, words: impl IntoIterator<Item = &'a str>) -> &[(usize, How)] {
        let mut h = 0;
        let mut n = 0;
        let mut capitals = true;
        for w in words {
            if (n == 0 && w.eq_ignore_ascii_case("the")) || matches!(w, "'s" | "’s") {
                continue;
            }
            h = phrase_step(h, token_key(w));
            capitals &= written_in_capitals(w);
            n += 1;
        }
        if n == 0 || (n == 1 && !capitals && self.capitals_only(h)) {
            return &[];
        }
        self.by_hash.get(&h).map_or(&[], Vec::as_slice)
    }

    /// The first entry of `kind` a name refers to.
    pub fn lookup_kind(&self, name: &str, kind: EntryKind) -> Option<(usize, How)> {
        self.lookup(name)
            .into_iter()
            .find(|&(i, _)| self.entries[i].kind == kind)
    }

    /// Whether a one-token phrase hash names its entry only when written in capitals.
    pub fn capitals_only(&self, phrase_hash: u64) -> bool {
        self.capitals_only.contains(&phrase_hash)
    }

    /// Class bits of a phrase given as the fold of `phrase_step` over `token_key`s.
    pub fn phrase_classes(&self, phrase_hash: u64) -> u8 {
        self.phrases.get(&phrase_hash).copied().unwrap_or(0)
    }
}

/// The compiled-in gazetteer, built on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_periods_case_and_articles() {
        assert_eq!(normalise("the U.S."), "us");
        assert_eq!(normalise("Kiev's"), "kiev");
        assert_eq!(normalise("  United   States "), "united states");
    }

    #[test]
    fn finds_countries_by_acronym_capital_and_demonym() {
        let g = gazetteer();
        let us = g.lookup("U.S.");
        assert_eq!(g.entries[us[0].0].name, "United States");
        let kyiv = g.lookup_kind("Kyiv", EntryKind::Country).expect("kyiv");
        assert_eq!((g.entries[kyiv.0].name, kyiv.1), ("Ukraine", How::Capital));
        let poles = g.lookup("Poles");
        assert_eq!(g.entries[poles[0].0].name, "Poland");
        assert_eq!(poles[0].1, How::Plural);
    }

    #[test]
    fn looks_up_token_sequences_like_strings() {
        let g = gazetteer();
        let hit = g.lookup_words(["the", "U.S."]);
        assert_eq!(g.entries[hit[0].0].name, "United States");
        let hit = g.lookup_words(["Bosnia", "and", "Herzegovina"]);
        assert_eq!(g.entries[hit[0].0].name, "Bosnia and Herzegovina");
        assert!(g.lookup_words(["Rasmussen"]).is_empty());
    }

    #[test]
    fn a_short_acronym_names_its_entry_only_in_capitals() {
        let g = gazetteer();
        assert!(!g.lookup_words(["WHO"]).is_empty());
        assert!(g.lookup_words(["Who"]).is_empty());
        assert!(g.lookup_words(["Is"]).is_empty());
        assert!(g.lookup_words(["Us"]).is_empty());
        assert!(!g.lookup_words(["U.S."]).is_empty());
        // Longer acronyms are written in title case too ("Nato").
        assert!(!g.lookup_words(["Nato"]).is_empty());
    }

    #[test]
    fn finds_organisations_and_their_nouns() {
        let g = gazetteer();
        let (i, _) = g
            .lookup_kind(
                "North Atlantic Treaty Organization",
                EntryKind::Organization,
            )
            .expect("nato");
        assert_eq!(g.entries[i].name, "NATO");
        assert!(g.entries[i].nouns.contains(&"alliance"));
    }
}
