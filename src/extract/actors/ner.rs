//! Named-entity tagger: a greedy left-to-right averaged perceptron over BIO tags (PER, ORG, LOC,
//! MISC), trained on CoNLL-2003 (`gloss train entities`) and compiled in from `data/ner.bin`.
//!
//! Features are hashed to 32-bit keys (no strings at tagging time) and looked up in an
//! open-addressing table of quantised weights. Lower-case tokens after an `O` are `O` without
//! scoring: entities start with a capital in 99.96% of CoNLL, and it makes tagging fast.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use super::gazetteer::{self, gazetteer};
use crate::extract::hashing::PassBuild;
use crate::extract::text::{Analysis, Token, TokenKind};

/// The entity types, in tag order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityType {
    Per,
    Org,
    Loc,
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// O, then B-t and I-t for each type.
const N_TAGS: usize = 9;
const O: usize = 0;

fn begin(t: EntityType) -> usize {
    1 + 2 * t.index()
}

fn inside(t: EntityType) -> usize {
    2 + 2 * t.index()
}

fn tag_type(tag: usize) -> Option<EntityType> {
    (tag > 0).then(|| EntityType::ALL[(tag - 1) / 2])
}

fn is_inside(tag: usize) -> bool {
    tag > 0 && tag.is_multiple_of(2)
}

/// I-t may only follow B-t or I-t.
fn allowed(prev: usize, tag: usize) -> bool {
    !is_inside(tag) || (prev != O && tag_type(prev) == tag_type(tag))
}

/// What tagging a text gives.
pub struct Tagged {
    pub entities: Vec<Entity>,
    /// `word_hash` of every token of the analysis.
    pub lower: Vec<u64>,
    /// Per sentence: a headline in title case ("Chris Christie Calls Hillary Clinton"), one
    /// lower-case word of four letters in four capitalised ones allowed.
    pub title_case: Vec<bool>,
}

/// One entity the tagger found: a range of token indices into `Analysis::tokens`.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub tokens: Range<usize>,
    pub kind: EntityType,
    /// A squashed score margin in (0, 1): how sure the tagger was of its weakest token.
    pub confidence: f64,
}

// ---------------------------------------------------------------------------------------------
// Hashing

const SEED: u64 = 0x243F_6A88_85A3_08D3;

fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// The 32-bit key of a feature hash (never 0, which marks an empty slot).
fn key_of(h: u64) -> u32 {
    let k = ((h >> 32) ^ (h >> 7)) as u32;
    if k == 0 { 1 } else { k }
}

fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(SEED, |h, c| mix(h, c as u64))
}

/// The hash of a word in lower case, as the tagger computes it for every token
/// (`Tagged::lower`); other layers compare words by it without allocating.
pub fn word_hash(s: &str) -> u64 {
    hash_lower(s)
}

fn hash_lower(s: &str) -> u64 {
    // An ASCII char lower-cases to one ASCII char: the same hash without the Unicode tables.
    if s.is_ascii() {
        return s
            .bytes()
            .fold(SEED, |h, b| mix(h, b.to_ascii_lowercase() as u64));
    }
    hash_chars(s.chars().map(straight).flat_map(char::to_lowercase))
}

/// A typographic apostrophe read as a straight one, as CoNLL writes it: "O’Malley" is the
/// tagger's "O'Malley".
fn straight(c: char) -> char {
    if c == '’' { '\'' } else { c }
}

// ---------------------------------------------------------------------------------------------
// Token features

const F_UPPER: u16 = 1; // has an upper-case letter
const F_INITCAP: u16 = 2;
const F_ALLCAPS: u16 = 4;
const F_DIGIT: u16 = 8;
const F_ALPHA: u16 = 16;
const F_LOWER: u16 = 32; // has a lower-case letter
const F_PUNCT: u16 = 64;

/// What the tagger knows of every token, computed once (affixes are computed only for the
/// tokens it scores).
#[derive(Clone, Copy, Default)]
struct Info {
    lower: u64,
    shape: u64,
    short: u64,
    flags: u16,
    /// Gazetteer class bits of the longest match covering the token, and whether it starts it.
    gaz: u8,
    gaz_begin: bool,
}

const PAD_BEFORE: u64 = 0x1111;
const PAD_AFTER: u64 = 0x2222;

fn char_class(c: char, flags: &mut u16, first: bool, all_upper: &mut bool) -> char {
    if c.is_uppercase() {
        *flags |= F_UPPER | F_ALPHA;
        if first {
            *flags |= F_INITCAP;
        }
        'X'
    } else if c.is_lowercase() {
        *flags |= F_LOWER | F_ALPHA;
        *all_upper = false;
        'x'
    } else if c.is_numeric() {
        *flags |= F_DIGIT;
        'd'
    } else if c.is_alphabetic() {
        *flags |= F_ALPHA;
        'a'
    } else {
        c
    }
}

/// Shape hashes of all-lower-case words by length (1–6 and longer), and their short shape.
fn lower_shapes() -> &'static ([u64; 7], u64) {
    static S: OnceLock<([u64; 7], u64)> = OnceLock::new();
    S.get_or_init(|| {
        let mut shapes = [0u64; 7];
        for (len, slot) in shapes.iter_mut().enumerate().skip(1) {
            *slot = (0..len).fold(SEED, |h, _| mix(h, 'x' as u64));
        }
        (shapes, mix(SEED, 'x' as u64))
    })
}

fn token_info(word: &str, kind: TokenKind) -> Info {
    // Most tokens are plain lower-case words: their shapes depend on the length alone.
    let bytes = word.as_bytes();
    if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_lowercase) {
        let (shapes, short) = lower_shapes();
        return Info {
            lower: bytes.iter().fold(SEED, |h, &b| mix(h, b as u64)),
            shape: shapes[bytes.len().min(6)],
            short: *short,
            flags: F_LOWER | F_ALPHA,
            gaz: 0,
            gaz_begin: false,
        };
    }
    let mut flags = 0;
    let mut shape = SEED;
    let mut short = SEED;
    let mut lower = SEED;
    let mut last_class = '\0';
    let mut n_shape = 0;
    let mut all_upper = true;
    if word.is_ascii() {
        for (k, &b) in word.as_bytes().iter().enumerate() {
            let class = if b.is_ascii_uppercase() {
                flags |= F_UPPER | F_ALPHA;
                if k == 0 {
                    flags |= F_INITCAP;
                }
                b'X'
            } else if b.is_ascii_lowercase() {
                flags |= F_LOWER | F_ALPHA;
                all_upper = false;
                b'x'
            } else if b.is_ascii_digit() {
                flags |= F_DIGIT;
                b'd'
            } else {
                b
            } as char;
            if n_shape < 6 {
                shape = mix(shape, class as u64);
                n_shape += 1;
            }
            if class != last_class {
                short = mix(short, class as u64);
                last_class = class;
            }
            lower = mix(lower, b.to_ascii_lowercase() as u64);
        }
    } else {
        let mut step = |c: char, first: bool, flags: &mut u16, all_upper: &mut bool| {
            let class = char_class(c, flags, first, all_upper);
            if n_shape < 6 {
                shape = mix(shape, class as u64);
                n_shape += 1;
            }
            if class != last_class {
                short = mix(short, class as u64);
                last_class = class;
            }
        };
        for (k, c) in word.chars().map(straight).enumerate() {
            step(c, k == 0, &mut flags, &mut all_upper);
            for l in c.to_lowercase() {
                lower = mix(lower, l as u64);
            }
        }
    }
    if all_upper && flags & F_UPPER != 0 {
        flags |= F_ALLCAPS;
    }
    if matches!(kind, TokenKind::Punct | TokenKind::Quote) {
        flags |= F_PUNCT;
    }
    Info {
        lower,
        shape,
        short,
        flags,
        gaz: 0,
        gaz_begin: false,
    }
}

/// The word as written, and its lower-case prefixes (1–3 chars) and suffixes (1–4 chars).
struct Affixes {
    raw: u64,
    pre: [u64; 3],
    suf: [u64; 4],
}

fn affixes(word: &str) -> Affixes {
    let mut pre = [0; 3];
    let mut h = SEED;
    let raw = if word.is_ascii() {
        for (k, &c) in word.as_bytes().iter().take(3).enumerate() {
            h = mix(h, c.to_ascii_lowercase() as u64);
            pre[k] = mix(h, 0x70 + k as u64);
        }
        word.bytes().fold(SEED, |h, b| mix(h, b as u64))
    } else {
        for (k, c) in word
            .chars()
            .map(straight)
            .flat_map(char::to_lowercase)
            .take(3)
            .enumerate()
        {
            h = mix(h, c as u64);
            pre[k] = mix(h, 0x70 + k as u64);
        }
        hash_chars(word.chars().map(straight))
    };
    Affixes {
        raw,
        pre,
        suf: suffixes(word),
    }
}

/// The lower-case suffixes (1–4 chars) of `Affixes`, alone: the tagger also reads the
/// previous word's.
fn suffixes(word: &str) -> [u64; 4] {
    let mut suf = [0; 4];
    let mut h = SEED;
    if word.is_ascii() {
        for (k, &c) in word.as_bytes().iter().rev().take(4).enumerate() {
            h = mix(h, c.to_ascii_lowercase() as u64);
            suf[k] = mix(h, 0x90 + k as u64);
        }
        return suf;
    }
    for (k, c) in word
        .chars()
        .rev()
        .map(straight)
        .flat_map(char::to_lowercase)
        .take(4)
        .enumerate()
    {
        h = mix(h, c as u64);
        suf[k] = mix(h, 0x90 + k as u64);
    }
    suf
}

/// Everything about a text the features read: token infos, sentence flags, document memory.
struct Prepared {
    infos: Vec<Info>,
    /// Per sentence: all tokens with letters are upper case (a headline, a table).
    caps: Vec<bool>,
    /// Per sentence: a headline in title case, strictly, as the features read it
    /// (`long_words_by_case`).
    title_case: Vec<bool>,
    /// Per sentence: a headline in title case, loosely, as the repairs after tagging read it.
    headline: Vec<bool>,
    /// Lower-case forms seen capitalised inside a mixed-case sentence (not first).
    seen_cap: HashSet<u64, PassBuild>,
    /// Lower-case forms seen written in lower case.
    seen_lower: HashSet<u64, PassBuild>,
}

fn prepare(text: &str, analysis: &Analysis) -> Prepared {
    let tokens = &analysis.tokens;
    let mut infos: Vec<Info> = tokens
        .iter()
        .map(|t| token_info(word(text, t), t.kind))
        .collect();
    let g = gazetteer();
    let mut caps = Vec::with_capacity(analysis.sentences.len());
    // A text has about one distinct word in three tokens: sized once, the sets never rehash
    // while the text is read.
    let distinct = tokens.len() / 3 + 16;
    let mut seen_cap = HashSet::with_capacity_and_hasher(distinct / 4, PassBuild::default());
    let mut seen_lower = HashSet::with_capacity_and_hasher(distinct, PassBuild::default());
    let mut titles: Vec<Range<usize>> = Vec::new();
    let mut title_case = Vec::with_capacity(analysis.sentences.len());
    let mut headline = Vec::with_capacity(analysis.sentences.len());
    for s in &analysis.sentences {
        let range = s.tokens.start.min(infos.len())..s.tokens.end.min(infos.len());
        let sent = &infos[range.clone()];
        let has_lower = sent.iter().any(|i| i.flags & F_LOWER != 0);
        let has_upper = sent.iter().any(|i| i.flags & F_UPPER != 0);
        let is_caps = has_upper && !has_lower;
        caps.push(is_caps);
        let (capitalised, lower) = long_words_by_case(text, &tokens[range.clone()], sent);
        let title = !is_caps && capitalised >= 3 && lower * 10 <= capitalised;
        title_case.push(title);
        headline.push(!is_caps && capitalised >= 3 && lower * 4 <= capitalised);
        if title {
            titles.push(range.clone());
        }
        for (k, i) in sent.iter().enumerate() {
            if i.flags & F_ALPHA == 0 {
                continue;
            }
            if i.flags & F_UPPER == 0 {
                seen_lower.insert(i.lower);
            } else if !is_caps && !title && k > 0 && i.flags & F_INITCAP != 0 {
                seen_cap.insert(i.lower);
            }
        }
        // Gazetteer phrase matches, longest first, only from capitalised tokens.
        let mut k = range.start;
        while k < range.end {
            if infos[k].flags & F_UPPER == 0 {
                k += 1;
                continue;
            }
            let mut matched = 0;
            let mut class = 0;
            let mut h = 0;
            for len in 1..=g.max_phrase_tokens.min(range.end - k) {
                let key = tokens
                    .get(k + len - 1)
                    .map_or(0, |t| gazetteer::token_key(word(text, t)));
                h = gazetteer::phrase_step(h, key);
                let c = g.phrase_classes(h);
                if c & gazetteer::CLASS_MORE == 0 && c == 0 {
                    break;
                }
                // "Who knew?" is no mention of the WHO.
                let word_not_acronym =
                    len == 1 && infos[k].flags & F_ALLCAPS == 0 && g.capitals_only(h);
                if c & !gazetteer::CLASS_MORE != 0 && !word_not_acronym {
                    matched = len;
                    class = c & !gazetteer::CLASS_MORE;
                }
                if c & gazetteer::CLASS_MORE == 0 {
                    break;
                }
            }
            if matched == 0 {
                k += 1;
                continue;
            }
            for j in 0..matched {
                infos[k + j].gaz = class;
                infos[k + j].gaz_begin = j == 0;
            }
            k += matched;
        }
    }
    // Title-case headlines ("Clinton Was Headed to Ground Zero"): a capitalised word the text
    // otherwise writes in lower case, and never capitalised mid-sentence, is read as lower case.
    for range in titles {
        for k in range {
            let info = infos[k];
            if info.flags & F_INITCAP != 0
                && info.flags & F_ALLCAPS == 0
                && seen_lower.contains(&info.lower)
                && !seen_cap.contains(&info.lower)
            {
                let lowered = word(text, &tokens[k]).to_lowercase();
                let mut again = token_info(&lowered, tokens[k].kind);
                again.gaz = info.gaz;
                again.gaz_begin = info.gaz_begin;
                infos[k] = again;
            }
        }
    }
    Prepared {
        infos,
        caps,
        title_case,
        headline,
        seen_cap,
        seen_lower,
    }
}

/// How many words of four letters or more a sentence capitalises, and how many it does not.
/// With at least three capitalised and at most one in ten not, it is a headline in title
/// case, which the tagger's features read; at most one in four ("Politifact: Donald Trump Is
/// Right, ‘Thousands of Shootings’ in Chicago this Year"), a headline for the repairs after
/// tagging.
fn long_words_by_case(text: &str, tokens: &[Token], infos: &[Info]) -> (usize, usize) {
    let (mut capitalised, mut lower) = (0, 0);
    for (t, i) in tokens.iter().zip(infos) {
        if i.flags & F_ALPHA == 0 || word(text, t).len() < 4 {
            continue;
        }
        if i.flags & F_INITCAP != 0 {
            capitalised += 1;
        } else {
            lower += 1;
        }
    }
    (capitalised, lower)
}

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    text.get(t.start..t.end).unwrap_or("")
}

/// The static features of token `i` of a sentence `s` (indices into `p.infos`), given the
/// previous word's third suffix (`suffixes(..)[2]`, 0 at a sentence start). Returns token `i`'s
/// own, which the next token reads.
fn static_features(
    p: &Prepared,
    words: (&str, &[Token]),
    sent: Range<usize>,
    caps: bool,
    i: usize,
    prev_suffix: u64,
    out: &mut Vec<u64>,
) -> u64 {
    out.clear();
    let at = |k: isize| -> Option<&Info> {
        let j = i as isize + k;
        if j < sent.start as isize || j >= sent.end as isize {
            None
        } else {
            p.infos.get(j as usize)
        }
    };
    let pad = |k: isize| if k < 0 { PAD_BEFORE } else { PAD_AFTER };
    let lower = |k: isize| at(k).map_or(pad(k), |x| x.lower);
    let shape = |k: isize| at(k).map_or(pad(k), |x| x.shape);
    let short = |k: isize| at(k).map_or(pad(k), |x| x.short);
    let gaz = |k: isize| at(k).map_or(0xff, |x| x.gaz as u64);
    let Some(me) = p.infos.get(i) else {
        return 0;
    };
    let capsf = caps as u64;
    let first = (i == sent.start) as u64;
    let mut f = |template: u64, value: u64| out.push(mix(mix(SEED, template), value));
    f(1, 0);
    f(2, me.lower);
    let a = affixes(words.1.get(i).map_or("", |t| word(words.0, t)));
    f(3, a.raw);
    f(4, me.shape);
    f(5, me.short);
    for (k, &x) in a.pre.iter().enumerate() {
        if x != 0 {
            f(6 + k as u64, x);
        }
    }
    for (k, &x) in a.suf.iter().enumerate() {
        if x != 0 {
            f(9 + k as u64, x);
        }
    }
    f(13, lower(-1));
    f(14, lower(1));
    f(15, lower(-2));
    f(16, lower(2));
    f(17, shape(-1));
    f(18, shape(1));
    f(19, mix(mix(short(-1), me.short), short(1)));
    f(20, mix(lower(-1), me.lower));
    f(21, mix(me.lower, lower(1)));
    f(22, mix(mix(first, capsf), me.short));
    f(23, mix(capsf, me.lower));
    f(24, mix(me.gaz as u64, me.gaz_begin as u64));
    f(25, mix(mix(me.gaz as u64, capsf), me.short));
    f(26, mix(gaz(-1), gaz(1)));
    f(27, mix(capsf, mix(lower(-1), me.short)));
    f(28, mix(capsf, mix(me.short, lower(1))));
    if first == 1 || caps {
        let cap = p.seen_cap.contains(&me.lower) as u64;
        let low = p.seen_lower.contains(&me.lower) as u64;
        f(29, mix(mix(cap, low), capsf));
    } else {
        let low = p.seen_lower.contains(&me.lower) as u64;
        f(30, mix(low, me.short));
    }
    f(31, mix(me.short, prev_suffix));
    let cap = p.seen_cap.contains(&me.lower) as u64;
    let low = p.seen_lower.contains(&me.lower) as u64;
    f(32, mix(mix(cap, low), me.short));
    f(33, mix(lower(-1), lower(1)));
    f(34, mix(gaz(-1), me.short));
    a.suf[2]
}

/// The previous word's third suffix for token `i` of a sentence starting at `start`: taken
/// from the last token scored (`last`: its index and suffix) when that was the previous one.
fn prev_suffix(
    (text, tokens): (&str, &[Token]),
    start: usize,
    i: usize,
    last: Option<(usize, u64)>,
) -> u64 {
    match last {
        _ if i <= start => 0,
        Some((j, suffix)) if j + 1 == i => suffix,
        _ => tokens.get(i - 1).map_or(0, |t| suffixes(word(text, t))[2]),
    }
}

/// The features that read the tags already chosen.
/// `history` is what the tagger last made of the same word earlier in the text (0 nothing,
/// 1–4 an entity type, 5 outside): a document-level memory that keeps names consistent.
fn dynamic_features(me: &Info, prev: usize, prev2: usize, history: u8, out: &mut Vec<u64>) {
    let mut f = |template: u64, value: u64| out.push(mix(mix(SEED, template), value));
    f(40, prev as u64);
    f(41, mix(prev2 as u64, prev as u64));
    f(42, mix(prev as u64, me.lower));
    f(43, mix(prev as u64, me.short));
    if history != 0 {
        f(45, mix(history as u64, me.short));
        f(46, mix(history as u64, prev as u64));
        f(47, history as u64);
    }
}

/// The `history` code of a decision.
fn history_code(tag: usize) -> u8 {
    tag_type(tag).map_or(5, |t| t.index() as u8 + 1)
}

/// Tokens the tagger leaves `O` unscored: lower-case words or non-letters after an `O`.
fn trivially_outside(me: &Info, prev: usize) -> bool {
    prev == O && me.flags & F_UPPER == 0
}

// ---------------------------------------------------------------------------------------------
// Model

/// Quantised averaged-perceptron weights in an open-addressing table, kept as two parallel
/// arrays: the keys alone (4 bytes a slot, 512 KiB for the shipped model, so probing stays in
/// the core's cache, and most probes are for features the model does not know) and each
/// slot's weights, read only when its key matched.
pub struct Model {
    keys: Vec<u32>,
    weights: Vec<[i16; N_TAGS]>,
    mask: usize,
    /// Real weight = quantised / scale.
    scale: f32,
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("NER model: bad header (expected GLNER1)")]
    Header,
    #[error("NER model: truncated at byte {0}")]
    Truncated(usize),
}

const MAGIC: &[u8; 8] = b"GLNER1\0\0";
const ENTRY_BYTES: usize = 4 + 2 * N_TAGS;
/// Features scored per token at most (the templates make about 35).
const MAX_FEATURES: usize = 64;

/// `Model::score`'s working arrays, kept across tokens so they are not zeroed for each one
/// (only the first `feats.len()` entries are read, always after this token wrote them).
struct Scratch {
    keys: [u32; MAX_FEATURES],
    at: [usize; MAX_FEATURES],
    first: [u32; MAX_FEATURES],
    hits: [usize; MAX_FEATURES],
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch {
            keys: [0; MAX_FEATURES],
            at: [0; MAX_FEATURES],
            first: [0; MAX_FEATURES],
            hits: [0; MAX_FEATURES],
        }
    }
}

fn home(key: u32, mask: usize) -> usize {
    ((key as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

impl Model {
    /// A model that tags everything `O`.
    pub fn empty() -> Self {
        Model::from_entries(Vec::new(), 1.0)
    }

    fn from_entries(entries: Vec<(u32, [i16; N_TAGS])>, scale: f32) -> Self {
        // Load factor at most 3/4.
        let cap = (entries.len() * 4 / 3 + 1).next_power_of_two().max(16);
        let mut keys = vec![0u32; cap];
        let mut weights = vec![[0i16; N_TAGS]; cap];
        let mask = cap - 1;
        for (key, w) in entries {
            let mut i = home(key, mask);
            while keys[i] != 0 && keys[i] != key {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            weights[i] = w;
        }
        Model {
            keys,
            weights,
            mask,
            scale,
        }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.keys.iter().filter(|&&k| k != 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[cfg(test)]
    fn lookup(&self, key: u32) -> Option<&[i16]> {
        let mut i = home(key, self.mask);
        loop {
            let k = *self.keys.get(i)?;
            if k == key {
                return self.weights.get(i).map(|w| &w[..]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the weights of `feats` to `scores`. The home slots are all read first, so the
    /// cache misses overlap instead of queueing behind each probe's branches.
    fn score(&self, feats: &[u64], scratch: &mut Scratch, scores: &mut [i32; N_TAGS]) {
        let n = feats.len().min(MAX_FEATURES);
        let Scratch {
            keys,
            at,
            first,
            hits,
        } = scratch;
        for f in 0..n {
            keys[f] = key_of(feats[f]);
            at[f] = home(keys[f], self.mask);
        }
        for f in 0..n {
            first[f] = self.keys.get(at[f]).copied().unwrap_or(0);
        }
        // The slots of the features the model knows, then their weights: the weight loads
        // are independent of one another, so they overlap too.
        let mut n_hits = 0;
        for f in 0..n {
            let mut i = at[f];
            let mut k = first[f];
            while k != keys[f] && k != 0 {
                i = (i + 1) & self.mask;
                k = self.keys.get(i).copied().unwrap_or(0);
            }
            hits[n_hits] = i;
            n_hits += usize::from(k != 0);
        }
        for &i in &hits[..n_hits] {
            if let Some(w) = self.weights.get(i) {
                for (s, &x) in scores.iter_mut().zip(w) {
                    *s += x as i32;
                }
            }
        }
    }

    /// Reads the compact file format: magic, entry count (u32), scale (f32), then per entry a
    /// u32 key and one i16 weight per tag, all little-endian.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(ModelError::Header);
        }
        let n = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize;
        let scale = f32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]);
        let body = &bytes[16..];
        if body.len() < n * ENTRY_BYTES {
            return Err(ModelError::Truncated(bytes.len()));
        }
        let entries = body
            .chunks_exact(ENTRY_BYTES)
            .take(n)
            .map(|c| {
                let key = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                let mut w = [0i16; N_TAGS];
                for (t, x) in w.iter_mut().enumerate() {
                    *x = i16::from_le_bytes([c[4 + 2 * t], c[5 + 2 * t]]);
                }
                (key, w)
            })
            .collect();
        Ok(Model::from_entries(entries, scale))
    }

    /// The compact file format (entries sorted by key, so training output is reproducible).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut entries: Vec<(u32, &[i16])> = self
            .keys
            .iter()
            .zip(&self.weights)
            .filter(|&(&k, _)| k != 0)
            .map(|(&k, w)| (k, &w[..]))
            .collect();
        entries.sort_by_key(|&(k, _)| k);
        let mut out = Vec::with_capacity(16 + entries.len() * ENTRY_BYTES);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for (k, w) in entries {
            out.extend_from_slice(&k.to_le_bytes());
            for &x in w {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    /// Tags every sentence of an analysed text.
    pub fn tag(&self, text: &str, analysis: &Analysis) -> Vec<Entity> {
        self.tag_full(text, analysis).entities
    }

    /// Tags every sentence, and hands back each token's `word_hash` too.
    pub fn tag_full(&self, text: &str, analysis: &Analysis) -> Tagged {
        let p = prepare(text, analysis);
        let mut entities = Vec::new();
        let mut feats = Vec::with_capacity(48);
        let mut tags: Vec<usize> = Vec::new();
        let mut margins: Vec<f64> = Vec::new();
        let mut history: HashMap<u64, u8, PassBuild> = HashMap::default();
        let mut scratch = Scratch::default();
        for (si, s) in analysis.sentences.iter().enumerate() {
            let sent = s.tokens.start.min(p.infos.len())..s.tokens.end.min(p.infos.len());
            let caps = p.caps.get(si).copied().unwrap_or(false);
            tags.clear();
            margins.clear();
            let (mut prev, mut prev2) = (O, O);
            // The third suffix of the last token scored: the next token's `prev_suffix`.
            let mut last_suffix: Option<(usize, u64)> = None;
            for i in sent.clone() {
                let me = &p.infos[i];
                let (tag, margin) = if trivially_outside(me, prev) {
                    (O, f64::INFINITY)
                } else {
                    let words = (text, analysis.tokens.as_slice());
                    let prev_suffix = prev_suffix(words, sent.start, i, last_suffix);
                    let suffix =
                        static_features(&p, words, sent.clone(), caps, i, prev_suffix, &mut feats);
                    last_suffix = Some((i, suffix));
                    let seen = history.get(&me.lower).copied().unwrap_or(0);
                    dynamic_features(me, prev, prev2, seen, &mut feats);
                    let mut scores = [0i32; N_TAGS];
                    self.score(&feats, &mut scratch, &mut scores);
                    let (tag, margin) = best_two(&scores, prev, self.scale);
                    history.insert(me.lower, history_code(tag));
                    (tag, margin)
                };
                tags.push(tag);
                margins.push(margin);
                prev2 = prev;
                prev = tag;
            }
            let first = entities.len();
            entities.extend(spans(&tags, sent.start).into_iter().map(|(r, kind)| {
                let weakest = margins[r.start - sent.start..r.end - sent.start]
                    .iter()
                    .copied()
                    .fold(f64::INFINITY, f64::min);
                let confidence = if weakest.is_finite() {
                    (1.0 / (1.0 + (-weakest / MARGIN_SCALE).exp())).min(0.99)
                } else {
                    0.99
                };
                Entity {
                    tokens: r,
                    kind,
                    confidence,
                }
            }));
            let word = |i: usize| {
                analysis
                    .tokens
                    .get(i)
                    .and_then(|t| text.get(t.start..t.end))
                    .unwrap_or("")
            };
            cut_at_unclosed_brackets(&mut entities, first, word);
            let headline = caps || p.title_case.get(si).copied().unwrap_or(false);
            let first_name = |i: usize| super::resolve::is_first_name(word(i));
            join_surnames(
                &mut entities,
                first,
                |i| surname_shaped(word(i)),
                |a, b| {
                    !headline
                        && (first_name(a)
                            || (p
                                .infos
                                .get(a)
                                .is_some_and(|i| !p.seen_lower.contains(&i.lower))
                                && !first_name(b)))
                },
            );
            // "Beto O'Rourke", "Conor O'Brien": before such a surname, an unlisted first
            // name is any capitalised word the text never writes in lower case that is no
            // function word, date, affiliation or title ("But O'Brien", "Senator O'Brien").
            let given_name = |i: usize| {
                let w = word(i);
                first_name(i)
                    || (!headline
                        && p.infos.get(i).is_some_and(|x| {
                            x.flags & (F_INITCAP | F_ALLCAPS) == F_INITCAP
                                && !p.seen_lower.contains(&x.lower)
                        })
                        && w.len() >= 3
                        && w.chars().all(char::is_alphabetic)
                        && !super::is_date_or_function_word(w)
                        && !super::is_affiliation_word(w)
                        && !super::roles::is_title_word(w)
                        && !super::roles::is_honorific(w))
            };
            join_apostrophe_surnames(
                &mut entities,
                first,
                sent.clone(),
                |i| apostrophe_surname(word(i)),
                given_name,
                |i| word(i) == "of",
            );
        }
        Tagged {
            entities,
            lower: p.infos.iter().map(|x| x.lower).collect(),
            title_case: p.headline,
        }
    }
}

/// Score margins (in real weight units) are divided by this before squashing into a
/// confidence, so that typical margins spread over (0.5, 0.99) instead of all reading 1.0.
const MARGIN_SCALE: f64 = 40.0;

/// The best allowed tag and its margin over the runner-up (in real weight units).
fn best_two(scores: &[i32; N_TAGS], prev: usize, scale: f32) -> (usize, f64) {
    let mut best = (O, i32::MIN);
    let mut second = i32::MIN;
    for (t, &s) in scores.iter().enumerate() {
        if !allowed(prev, t) {
            continue;
        }
        if s > best.1 {
            second = best.1;
            best = (t, s);
        } else if s > second {
            second = s;
        }
    }
    let margin = if second == i32::MIN {
        f64::INFINITY
    } else {
        (best.1 as f64 - second as f64) / scale.max(1e-6) as f64
    };
    (best.0, margin)
}

/// A word that can end a person's name: capitalised, three letters or more, with a lower-case
/// letter and no closing period ("O'Malley", "Holtz-Eakin", "McGinty"; not "B." or "USA").
fn surname_shaped(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.chars().nth(2).is_some()
        && w.chars().any(char::is_lowercase)
        && !w.ends_with('.')
}

/// The first of the opening brackets among tokens `r` that no closing one matches
/// ("Mladost ( L" of "Mladost ( L ) beat Buducnost"; in CoNLL train such a team's name
/// leaves the bracketed city out 64 times in 72).
pub(super) fn first_unclosed_bracket<'w>(
    r: Range<usize>,
    word: impl Fn(usize) -> &'w str,
) -> Option<usize> {
    let mut open = Vec::new();
    for k in r {
        match word(k) {
            "(" | "[" => open.push(k),
            ")" | "]" => {
                open.pop();
            }
            _ => {}
        }
    }
    open.first().copied()
}

/// "Gov. Martin" | "O’Malley (D": a name ends before a bracket it did not close, so that
/// `join_surnames` can join what is left; such a bracket opening the name ("(Caltrans")
/// goes, and a name left with no word goes too. Entities from `first` on are one sentence's.
fn cut_at_unclosed_brackets<'w>(
    entities: &mut Vec<Entity>,
    first: usize,
    word: impl Fn(usize) -> &'w str,
) {
    let mut k = first;
    while k < entities.len() {
        let tokens = entities[k].tokens.clone();
        match first_unclosed_bracket(tokens.clone(), &word) {
            _ if tokens.is_empty() => {
                entities.remove(k);
            }
            Some(open) if open == tokens.start => entities[k].tokens.start += 1,
            Some(open) => {
                entities[k].tokens.end = open;
                k += 1;
            }
            None => k += 1,
        }
    }
}

/// Joins what the tagger split off a person's name into it. After a title it reads "Gov.
/// Martin O'Malley" as the person "Martin" and the place (or a second person) "O'Malley";
/// it also parts "John" | "Paul Stevens" and "Enrique" | "Peña Nieto". Names are not
/// followed directly by another entity in news text, so a person joins
/// - a one-word entity of another kind right after it, shaped like a surname; and
/// - a person right after it, when the first is one word that `given_name(first, next)`
///   accepts (a listed first name, or a word the text never writes in lower case before a
///   name that does not itself open with a first name: "Crooked Hillary Clinton" and
///   "Libertarian Gary Johnson" stay apart).
///
/// CoNLL dev gains 7 entities net ("Alex O'Brien", "Mary Joe Fernandez"; it misses "Billie
/// Jean King", whose "Jean" is a listed first name); CoNLL train loses 1, a gold split
/// ("Hwang" | "Sun-ho").
/// Entities from `first` on are one sentence's.
fn join_surnames(
    entities: &mut Vec<Entity>,
    first: usize,
    surname: impl Fn(usize) -> bool,
    given_name: impl Fn(usize, usize) -> bool,
) {
    let mut k = first;
    while k + 1 < entities.len() {
        let (a, b) = (&entities[k], &entities[k + 1]);
        let joins = a.kind == EntityType::Per
            && b.tokens.start == a.tokens.end
            && surname(b.tokens.start)
            && if b.kind == EntityType::Per {
                a.tokens.len() == 1 && given_name(a.tokens.start, b.tokens.start)
            } else {
                b.tokens.len() == 1
            };
        if joins {
            let b = entities.remove(k + 1);
            entities[k].tokens.end = b.tokens.end;
            entities[k].confidence = entities[k].confidence.min(b.confidence);
        }
        k += 1;
    }
}

/// "Bill O'Reilly of Fox News", "Conor O'Brien of Reuters": the tagger, which saw few such
/// names, stops at the first name, runs the surname into what follows "of", or tags neither
/// word. A surname of the shape "O'Reilly" ("D'Amato") that the tagger left out joins a
/// person of one word right before it; one that opens another entity joins that person, and
/// the entity starts after the `of` word; after a MISC, the MISC's last word joins it when
/// that is a `first_name` ("Democrat Beto" | "O'Rourke"); after an untagged `first_name` the
/// two words are a person, and after any other word the surname alone is. Entities from
/// `first` on are sentence `sent`'s.
fn join_apostrophe_surnames(
    entities: &mut Vec<Entity>,
    first: usize,
    sent: Range<usize>,
    surname: impl Fn(usize) -> bool,
    first_name: impl Fn(usize) -> bool,
    of: impl Fn(usize) -> bool,
) {
    for i in sent.start + 1..sent.end {
        if !surname(i) {
            continue;
        }
        let at = first + entities[first..].partition_point(|e| e.tokens.end < i);
        let before = entities.get(at).filter(|e| e.tokens.start <= i);
        match before {
            // An entity ending right before the surname, and none holding it.
            Some(e)
                if e.tokens.end == i
                    && e.kind == EntityType::Per
                    && e.tokens.len() == 1
                    && entities.get(at + 1).is_none_or(|n| n.tokens.start > i) =>
            {
                entities[at].tokens.end = i + 1;
            }
            // "Bill | O'Reilly of Fox News" (a place): the surname joins the first name, and
            // what follows "of" is the other entity.
            Some(e)
                if e.tokens.end == i
                    && e.kind == EntityType::Per
                    && e.tokens.len() == 1
                    && entities.get(at + 1).is_some_and(|n| {
                        n.tokens.start == i && n.kind != EntityType::Per && n.tokens.end > i + 2
                    })
                    && of(i + 1) =>
            {
                entities[at].tokens.end = i + 1;
                entities[at + 1].tokens.start = i + 2;
            }
            // "Democrat Beto | O'Rourke" (the tagger's "Democrat Beto" a MISC): the first name
            // leaves the affiliation for the surname; "Republican | O'Rourke": the surname is
            // a name of its own.
            Some(e)
                if e.tokens.end == i
                    && e.kind == EntityType::Misc
                    && entities.get(at + 1).is_none_or(|n| n.tokens.start > i) =>
            {
                let start = if e.tokens.len() > 1 && first_name(i - 1) {
                    entities[at].tokens.end = i - 1;
                    i - 1
                } else {
                    i
                };
                entities.insert(at + 1, person(start..i + 1));
            }
            None if first_name(i - 1) => entities.insert(at, person(i - 1..i + 1)),
            None => entities.insert(at, person(i..i + 1)),
            _ => {}
        }
    }
}

fn person(tokens: Range<usize>) -> Entity {
    Entity {
        tokens,
        kind: EntityType::Per,
        confidence: 0.5,
    }
}

/// "O'Reilly", "O’Brien", "D'Amato": O or D, an apostrophe, a capital and a lower-case letter.
fn apostrophe_surname(w: &str) -> bool {
    let mut c = w.chars();
    matches!(c.next(), Some('O' | 'D'))
        && matches!(c.next(), Some('\'' | '’'))
        && c.next().is_some_and(char::is_uppercase)
        && c.any(char::is_lowercase)
}

/// Entity token ranges from a BIO tag sequence (an I without its B opens an entity).
fn spans(tags: &[usize], offset: usize) -> Vec<(Range<usize>, EntityType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (k, &t) in tags.iter().enumerate() {
        let continues = is_inside(t) && open.is_some_and(|(_, ty)| Some(ty) == tag_type(t));
        if continues {
            continue;
        }
        if let Some((s, ty)) = open.take() {
            out.push((offset + s..offset + k, ty));
        }
        if let Some(ty) = tag_type(t) {
            open = Some((k, ty));
        }
    }
    if let Some((s, ty)) = open {
        out.push((offset + s..offset + tags.len(), ty));
    }
    out
}

const MODEL_BYTES: &[u8] = include_bytes!("../data/ner.bin");

/// The compiled-in model (an empty one if the data file were unreadable).
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(MODEL_BYTES).unwrap_or_else(|_| Model::empty()))
}

// ---------------------------------------------------------------------------------------------
// Training

/// One training text: its entities as byte ranges.
pub struct TrainDoc {
    pub text: String,
    pub entities: Vec<(Range<usize>, EntityType)>,
}

/// What training reports.
#[derive(Debug, Clone, Default)]
pub struct TrainStats {
    pub tokens: usize,
    pub entities: usize,
    /// Gold entities whose edges fall inside a token of the text layer.
    pub misaligned: usize,
    pub features: usize,
    pub kept: usize,
    /// Token accuracy of the greedy decoder per epoch (on the train data, while learning).
    pub epoch_accuracy: Vec<f64>,
}

struct Example<'d> {
    text: &'d str,
    prepared: Prepared,
    analysis: Analysis,
    gold: Vec<usize>,
}

fn gold_tags(
    text: &str,
    analysis: &Analysis,
    entities: &[(Range<usize>, EntityType)],
) -> (Vec<usize>, usize) {
    let mut tags = vec![O; analysis.tokens.len()];
    let mut misaligned = 0;
    for (r, ty) in entities {
        let first = analysis.tokens.partition_point(|t| t.end <= r.start);
        let mut k = first;
        let mut aligned = analysis
            .tokens
            .get(first)
            .is_some_and(|t| t.start == r.start);
        while k < analysis.tokens.len() && analysis.tokens[k].start < r.end {
            tags[k] = if k == first { begin(*ty) } else { inside(*ty) };
            if analysis.tokens[k].end > r.end {
                aligned = false;
            }
            k += 1;
        }
        if k > first && analysis.tokens[k - 1].end != r.end {
            aligned = false;
        }
        if !aligned {
            misaligned += 1;
        }
    }
    let _ = text;
    (tags, misaligned)
}

/// Trains the tagger: `epochs` passes of the averaged perceptron over the documents in a fixed
/// pseudo-random order (deterministic), then weights below `prune` (absolute, averaged) are
/// dropped and the rest quantised to 16 bits.
pub fn train(docs: &[TrainDoc], epochs: usize, prune: f32) -> (Model, TrainStats) {
    let mut stats = TrainStats::default();
    let examples: Vec<Example> = docs
        .iter()
        .map(|d| {
            let analysis = crate::extract::text::analyse(&d.text);
            let (gold, mis) = gold_tags(&d.text, &analysis, &d.entities);
            stats.misaligned += mis;
            stats.entities += d.entities.len();
            stats.tokens += gold.len();
            Example {
                text: &d.text,
                prepared: prepare(&d.text, &analysis),
                analysis,
                gold,
            }
        })
        .collect();
    let mut index: HashMap<u32, u32, PassBuild> = HashMap::default();
    let mut w: Vec<[f32; N_TAGS]> = Vec::new();
    let mut u: Vec<[f64; N_TAGS]> = Vec::new();
    let mut c: f64 = 1.0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut feats = Vec::with_capacity(48);
    for _ in 0..epochs {
        // Fisher-Yates with xorshift: the same order every run.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &e in &order {
            let ex = &examples[e];
            let mut history: HashMap<u64, u8, PassBuild> = HashMap::default();
            for (si, s) in ex.analysis.sentences.iter().enumerate() {
                let sent = s.tokens.clone();
                let caps = ex.prepared.caps.get(si).copied().unwrap_or(false);
                let (mut prev, mut prev2) = (O, O);
                let mut last_suffix = None;
                for i in sent.clone() {
                    let me = &ex.prepared.infos[i];
                    let gold = ex.gold[i];
                    let guess = if trivially_outside(me, prev) {
                        O
                    } else {
                        let words = (ex.text, ex.analysis.tokens.as_slice());
                        let prev_suffix = prev_suffix(words, sent.start, i, last_suffix);
                        let suffix = static_features(
                            &ex.prepared,
                            words,
                            sent.clone(),
                            caps,
                            i,
                            prev_suffix,
                            &mut feats,
                        );
                        last_suffix = Some((i, suffix));
                        let seen = history.get(&me.lower).copied().unwrap_or(0);
                        dynamic_features(me, prev, prev2, seen, &mut feats);
                        let mut scores = [0f32; N_TAGS];
                        for &h in &feats {
                            if let Some(&j) = index.get(&key_of(h)) {
                                for (s, x) in scores.iter_mut().zip(&w[j as usize]) {
                                    *s += x;
                                }
                            }
                        }
                        let mut best = (O, f32::MIN);
                        for (t, &s) in scores.iter().enumerate() {
                            if allowed(prev, t) && s > best.1 {
                                best = (t, s);
                            }
                        }
                        if best.0 != gold {
                            for &h in &feats {
                                let k = key_of(h);
                                let j = *index.entry(k).or_insert_with(|| {
                                    w.push([0.0; N_TAGS]);
                                    u.push([0.0; N_TAGS]);
                                    (w.len() - 1) as u32
                                }) as usize;
                                w[j][gold] += 1.0;
                                u[j][gold] += c;
                                w[j][best.0] -= 1.0;
                                u[j][best.0] -= c;
                            }
                        }
                        c += 1.0;
                        history.insert(me.lower, history_code(best.0));
                        best.0
                    };
                    right += (guess == gold) as usize;
                    total += 1;
                    prev2 = prev;
                    // Learn from the decoder's own history, as it will tag.
                    prev = guess;
                }
            }
        }
        stats
            .epoch_accuracy
            .push(right as f64 / total.max(1) as f64);
    }
    stats.features = w.len();
    let mut averaged: Vec<(u32, [f32; N_TAGS])> = index
        .iter()
        .filter_map(|(&k, &j)| {
            let j = j as usize;
            let mut a = [0f32; N_TAGS];
            for t in 0..N_TAGS {
                a[t] = (w[j][t] as f64 - u[j][t] / c) as f32;
            }
            let max = a.iter().fold(0f32, |m, x| m.max(x.abs()));
            (max >= prune).then_some((k, a))
        })
        .collect();
    averaged.sort_by_key(|&(k, _)| k);
    let max = averaged
        .iter()
        .flat_map(|(_, a)| a.iter())
        .fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    let entries: Vec<(u32, [i16; N_TAGS])> = averaged
        .into_iter()
        .map(|(k, a)| {
            let mut q = [0i16; N_TAGS];
            for (x, v) in q.iter_mut().zip(a) {
                *x = (v * scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            (k, q)
        })
        .collect();
    stats.kept = entries.len();
    (Model::from_entries(entries, scale), stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entity of the tagger's over `tokens`.
    fn entity(tokens: Range<usize>, kind: EntityType) -> Entity {
        Entity {
            tokens,
            kind,
            confidence: 0.9,
        }
    }

    #[test]
    fn decodes_bio_spans_and_repairs_orphan_inside_tags() {
        let per = EntityType::Per;
        let org = EntityType::Org;
        let tags = [O, begin(per), inside(per), inside(org), O, inside(per)];
        assert_eq!(
            spans(&tags, 10),
            vec![(11..13, per), (13..14, org), (15..16, per)]
        );
    }

    #[test]
    fn an_apostrophe_surname_the_tagger_left_out_joins_the_first_name() {
        let (per, org, misc) = (EntityType::Per, EntityType::Org, EntityType::Misc);
        // Words: 0 "It", 1 "Bill", 2 "O'Reilly", 3 "of", 4 "Fox", 5 "News", 6 "and",
        // 7 "Smith", 8 "O'Neill"; "Bill" may be a first name, "Smith" may not.
        let join = |mut es: Vec<Entity>| {
            join_apostrophe_surnames(
                &mut es,
                0,
                0..9,
                |i| matches!(i, 2 | 8),
                |i| i == 1,
                |i| i == 3,
            );
            es.into_iter()
                .map(|e| (e.tokens, e.kind))
                .collect::<Vec<_>>()
        };
        // A person of one word before it takes it; an untagged surname after any other
        // untagged word is a person of its own.
        assert_eq!(
            join(vec![entity(1..2, per), entity(4..6, org)]),
            [(1..3, per), (4..6, org), (8..9, per)]
        );
        // An untagged first name and it are a person.
        assert_eq!(
            join(vec![entity(4..6, org), entity(7..9, org)]),
            [(1..3, per), (4..6, org), (7..9, org)]
        );
        // A person of one word before an entity the surname opens takes the surname, and
        // the entity starts after "of".
        assert_eq!(
            join(vec![
                entity(1..2, per),
                entity(2..6, org),
                entity(8..9, per)
            ]),
            [(1..3, per), (4..6, org), (8..9, per)]
        );
        // After a MISC ("Democrat Beto"), the first name goes to the surname; after a MISC of
        // one word, the surname is a person alone.
        assert_eq!(
            join(vec![entity(0..2, misc), entity(8..9, per)]),
            [(0..1, misc), (1..3, per), (8..9, per)]
        );
        assert_eq!(
            join(vec![entity(1..2, misc), entity(8..9, per)]),
            [(1..2, misc), (2..3, per), (8..9, per)]
        );
        // Not after an organisation or a longer name, and not when an entity holds it.
        for es in [
            vec![entity(1..2, org), entity(4..6, org), entity(8..9, per)],
            vec![entity(0..2, per), entity(8..9, per)],
            vec![entity(1..2, per), entity(2..3, per), entity(8..9, per)],
            vec![entity(1..3, org), entity(8..9, per)],
        ] {
            let want: Vec<_> = es.iter().map(|e| (e.tokens.clone(), e.kind)).collect();
            assert_eq!(join(es), want);
        }
        assert!(apostrophe_surname("O'Reilly") && apostrophe_surname("O’Brien"));
        assert!(apostrophe_surname("D'Amato"));
        assert!(!apostrophe_surname("O'") && !apostrophe_surname("OK"));
        assert!(!apostrophe_surname("O'NEILL"));
    }

    #[test]
    fn a_name_ends_before_a_bracket_it_does_not_close() {
        let entity = |tokens: Range<usize>| entity(tokens, EntityType::Org);
        // "Martin O’Malley ( D ) , ( Caltrans ( said"
        let words = [
            "Martin",
            "O’Malley",
            "(",
            "D",
            ")",
            ",",
            "(",
            "Caltrans",
            "(",
            "said",
        ];
        let cut = |first: usize, mut es: Vec<Entity>| {
            cut_at_unclosed_brackets(&mut es, first, |i| words.get(i).copied().unwrap_or(""));
            es.into_iter()
                .map(|e| (e.tokens.start, e.tokens.end))
                .collect::<Vec<_>>()
        };
        // Cut at the unclosed bracket; a closed pair stays.
        assert_eq!(cut(0, vec![entity(1..4)]), [(1, 2)]);
        assert_eq!(cut(0, vec![entity(1..5)]), [(1, 5)]);
        // A bracket opening the name goes, and so does a name of nothing but brackets.
        assert_eq!(cut(0, vec![entity(6..9)]), [(7, 8)]);
        assert_eq!(cut(0, vec![entity(6..7), entity(7..8)]), [(7, 8)]);
        // Entities before `first` are another sentence's.
        assert_eq!(cut(1, vec![entity(1..4), entity(6..8)]), [(1, 4), (7, 8)]);
    }

    #[test]
    fn a_surname_split_off_a_name_joins_it() {
        let (per, loc) = (EntityType::Per, EntityType::Loc);
        // Words: 0 "Gov.", 1 "Martin", 2 "O'Malley", 3 "and", 4 "USA", 5 "Crooked",
        // 6 "Hillary", 7 "Clinton", 8 "B.".
        let surname = |i: usize| matches!(i, 2 | 6 | 7);
        let given = |a: usize, b: usize| a == 1 || (a == 5 && b != 6);
        let join = |mut es: Vec<Entity>| {
            join_surnames(&mut es, 0, surname, given);
            es.into_iter()
                .map(|e| (e.tokens, e.kind))
                .collect::<Vec<_>>()
        };
        // A place or a person after a first name: one person.
        assert_eq!(
            join(vec![entity(1..2, per), entity(2..3, loc)]),
            [(1..3, per)]
        );
        assert_eq!(
            join(vec![entity(1..2, per), entity(2..3, per)]),
            [(1..3, per)]
        );
        // Not across a gap, not a word no surname is shaped like, not a longer place.
        for es in [
            vec![entity(1..2, per), entity(4..5, loc)],
            vec![entity(7..8, per), entity(8..9, loc)],
            vec![entity(1..2, per), entity(2..4, loc)],
        ] {
            let want: Vec<_> = es.iter().map(|e| (e.tokens.clone(), e.kind)).collect();
            assert_eq!(join(es), want);
        }
        // A person after a word the name-test refuses stays apart: "Crooked" | "Hillary".
        assert_eq!(
            join(vec![entity(5..6, per), entity(6..8, per)]),
            [(5..6, per), (6..8, per)]
        );
    }

    #[test]
    fn a_typographic_apostrophe_reads_as_a_straight_one() {
        assert_eq!(word_hash("O’Malley"), word_hash("o'malley"));
        let (curly, straight) = (
            token_info("O’Malley", TokenKind::Word),
            token_info("O'Malley", TokenKind::Word),
        );
        assert_eq!(
            (curly.lower, curly.shape, curly.short, curly.flags),
            (
                straight.lower,
                straight.shape,
                straight.short,
                straight.flags
            )
        );
        let (a, b) = (affixes("O’Malley"), affixes("O'Malley"));
        assert_eq!((a.raw, a.pre, a.suf), (b.raw, b.pre, b.suf));
    }

    #[test]
    fn lower_case_fast_path_matches_the_general_one() {
        for w in ["a", "the", "alliance", "troops", "x"] {
            let fast = token_info(w, TokenKind::Word);
            // The general path, forced by an upper-case twin with the same lower-case hash.
            let mut slow = token_info(&format!("{w}A"), TokenKind::Word);
            slow = Info {
                lower: hash_lower(w),
                ..slow
            };
            assert_eq!(fast.lower, slow.lower, "{w}");
            let shape = w.chars().take(6).fold(SEED, |h, _| mix(h, 'x' as u64));
            assert_eq!(fast.shape, shape, "{w}");
            assert_eq!(fast.short, mix(SEED, 'x' as u64));
        }
    }

    #[test]
    fn model_bytes_round_trip() {
        let m = Model::from_entries(vec![(7, [1, -2, 3, 0, 0, 0, 0, 0, 9]), (99, [0; 9])], 2.0);
        let again = Model::from_bytes(&m.to_bytes()).expect("parse");
        assert_eq!(again.to_bytes(), m.to_bytes());
        assert_eq!(again.lookup(7), Some(&[1, -2, 3, 0, 0, 0, 0, 0, 9][..]));
        assert_eq!(again.lookup(8), None);
    }

    #[test]
    fn rejects_a_bad_header() {
        assert!(Model::from_bytes(b"nonsense").is_err());
    }

    #[test]
    fn learns_a_toy_corpus() {
        let text = "Yesterday John Smith visited Paris with Acme Corp .\nJohn Smith likes Paris .";
        let find = |s: &str, from: usize| {
            let b = text[from..].find(s).expect("in text") + from;
            b..b + s.len()
        };
        let doc = TrainDoc {
            text: text.to_string(),
            entities: vec![
                (find("John Smith", 0), EntityType::Per),
                (find("Paris", 0), EntityType::Loc),
                (find("Acme Corp", 0), EntityType::Org),
                (find("John Smith", 30), EntityType::Per),
                (find("Paris", 60), EntityType::Loc),
            ],
        };
        let (model, stats) = train(std::slice::from_ref(&doc), 5, 0.0);
        assert_eq!(stats.misaligned, 0);
        let analysis = crate::extract::text::analyse(text);
        let found: Vec<(String, EntityType)> = model
            .tag(text, &analysis)
            .into_iter()
            .map(|e| {
                let r =
                    analysis.tokens[e.tokens.start].start..analysis.tokens[e.tokens.end - 1].end;
                (text[r].to_string(), e.kind)
            })
            .collect();
        assert!(found.contains(&("John Smith".to_string(), EntityType::Per)));
        assert!(found.contains(&("Acme Corp".to_string(), EntityType::Org)));
    }
}
