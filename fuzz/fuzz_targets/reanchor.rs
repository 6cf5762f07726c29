//! Re-anchoring a span onto a changed text. The span is either a proper span of the old text
//! or whatever a hand-edited file may hold (offsets past the end, reversed or unordered parts,
//! text that does not match). It never panics; a span it places lies inside the new text,
//! covers its own text when continuous, and a proper span onto the unchanged text stays put.
#![no_main]

use gloss::model::Span;
use gloss::store::{Outcome, reanchor::reanchor_span};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    old: String,
    new: String,
    /// Offsets of a proper span of `old` (taken modulo its length)...
    start: u16,
    end: u16,
    /// ... or, when set, a raw span as a file could hold it.
    raw: Option<RawSpan>,
    /// Re-anchor onto `old` itself instead of `new`.
    same: bool,
}

#[derive(Debug, Arbitrary)]
struct RawSpan {
    start: u16,
    end: u16,
    text: String,
    prefix: String,
    suffix: String,
    parts: Option<Vec<[u16; 2]>>,
    orphaned: bool,
}

fuzz_target!(|input: Input| {
    let old = gloss::article::normalise(&input.old);
    let old_chars = old.chars().count();
    let (mut span, proper) = match input.raw {
        Some(raw) => (
            Span {
                start: raw.start.into(),
                end: raw.end.into(),
                text: raw.text,
                prefix: raw.prefix,
                suffix: raw.suffix,
                parts: raw
                    .parts
                    .map(|parts| parts.iter().map(|&[a, b]| [a.into(), b.into()]).collect()),
                orphaned: raw.orphaned,
            },
            false,
        ),
        None => {
            let a = usize::from(input.start) % (old_chars + 1);
            let b = usize::from(input.end) % (old_chars + 1);
            (Span::from_chars(&old, a.min(b), a.max(b)), true)
        }
    };
    let before = span.clone();
    let new = if input.same {
        old.clone()
    } else {
        gloss::article::normalise(&input.new)
    };
    let outcome = reanchor_span(&mut span, &new);
    if input.same && proper {
        assert_eq!(outcome, Outcome::Unchanged);
        assert_eq!(span, before);
    }
    if outcome == Outcome::Orphaned {
        return;
    }
    let chars: Vec<char> = new.chars().collect();
    assert!(
        span.start <= span.end && span.end <= chars.len(),
        "{span:?}"
    );
    for [a, b] in span.parts.iter().flatten() {
        assert!(a <= b && *b <= chars.len(), "{span:?}");
    }
    if span.parts.is_none() {
        let got: String = chars[span.start..span.end].iter().collect();
        assert_eq!(got, span.text);
    }
});
