//! The annotation-file parser on arbitrary bytes: it never panics, and a document it accepts
//! is written back (as `store::save` writes it) to JSON that reads as the same document.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.json");
    let Ok(doc) = gloss::store::from_bytes(path, data) else {
        return;
    };
    let json = serde_json::to_string_pretty(&doc).expect("a read document serialises");
    let again = gloss::store::from_bytes(path, json.as_bytes()).expect("a saved document reads");
    assert_eq!(again, doc, "save then load changed the document");
});
