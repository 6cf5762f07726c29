//! The article loaders on arbitrary bytes: the first byte picks the format (txt, md, html,
//! json, jsonl, or standard input's sniffing), the rest is the file. Loading never panics, and
//! every article it returns has a non-empty id and a text that hashes to its `sha256`.
#![no_main]

use std::path::Path;

use gloss::article::load::{Loaded, from_bytes, from_stdin_bytes};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 6] = [
    "fuzz.txt",
    "fuzz.md",
    "fuzz.html",
    "fuzz.json",
    "fuzz.jsonl",
    "-",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let loaded = if name == "-" {
        from_stdin_bytes(bytes)
    } else {
        from_bytes(Path::new(name), bytes)
    };
    if let Ok(Loaded { articles, .. }) = loaded {
        for article in articles {
            assert!(!article.id.is_empty(), "empty id");
            assert_eq!(article.sha256, gloss::article::sha256_hex(&article.text));
            assert!(!article.text.contains('\r'), "line endings normalised");
        }
    }
});
