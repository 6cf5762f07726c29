//! The importers on arbitrary input: brat (`.txt` and `.ann`, split at the first NUL byte),
//! doccano and PolNeAR (one JSONL line), picked by the first byte. They never panic, and a
//! document they return has every span inside its text, covering its own text when continuous.
#![no_main]

mod spans;

use std::path::Path;

use gloss::article::load::from_txt;
use gloss::export::{brat, doccano, polnear};
use gloss::model::Status;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let Ok(input) = std::str::from_utf8(bytes) else {
        return;
    };
    let source_for = |id: &str| format!("{id}.txt");
    let imported = match pick % 3 {
        0 => {
            let (text, ann) = input.split_once('\0').unwrap_or((input, ""));
            brat::from_brat(
                "fuzz",
                "fuzz.txt",
                text,
                ann,
                Path::new("fuzz.ann"),
                Status::Auto,
            )
            .ok()
            // The article text as the importer read it (BOM dropped, line ends normalised).
            .map(|doc| (doc, from_txt("fuzz", "fuzz.txt", text).text))
        }
        1 => {
            doccano::from_doccano_line(input, Path::new("fuzz.jsonl"), 1, Status::Auto, &source_for)
                .ok()
                .map(|i| (i.doc, i.text))
        }
        _ => {
            polnear::from_polnear_line(input, Path::new("fuzz.jsonl"), 1, Status::Auto, &source_for)
                .ok()
                .map(|i| (i.doc, i.text))
        }
    };
    if let Some((doc, text)) = imported {
        spans::assert_spans_fit(&doc, &text);
    }
});
