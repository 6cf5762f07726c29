//! `RUSTC_BOOTSTRAP=1 cargo fuzz run extract` (see fuzz/README.md): the extractor on arbitrary
//! UTF-8 never panics, and every span it returns lies within the text with its text at its offsets.
#![no_main]

mod spans;

use gloss::article::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let article = Article::new("fuzz", "", "-", text);
    let doc = gloss::extract::extract(&article);
    spans::assert_spans_fit(&doc, &article.text);
});
