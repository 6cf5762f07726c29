//! Inputs the fuzzers (fuzz/) found to break an invariant, each cut down by hand to its cause:
//! every one must now give a sensible result or a clear error, never a panic or a document
//! that does not fit its text.

use std::path::Path;

use gloss::export::{check_spans, doccano};
use gloss::model::Status;

fn import_doccano(line: &str) -> Result<doccano::Imported, doccano::DoccanoError> {
    doccano::from_doccano_line(line, Path::new("f.jsonl"), 1, Status::Auto, &|id| {
        format!("{id}.txt")
    })
}

/// fuzz/artifacts/import (doccano): a `continues` chain whose pieces overlap made a claim whose
/// parts were unordered, which every exporter then refused.
#[test]
fn doccano_continues_chains_with_overlapping_pieces_are_refused() {
    let line = r#"{"id": "a", "text": "He said that we will stand by them, and so on.",
        "entities": [{"id": 1, "label": "Content", "start_offset": 13, "end_offset": 30},
                     {"id": 2, "label": "Content", "start_offset": 8, "end_offset": 40}],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "continues"}]}"#;
    let error = import_doccano(line).expect_err("refused");
    assert!(error.message.contains("overlap"), "{error}");
}

#[test]
fn doccano_continues_relations_that_loop_are_refused() {
    for relations in [
        r#"[{"from_id": 1, "to_id": 1, "type": "continues"}]"#,
        r#"[{"from_id": 1, "to_id": 2, "type": "continues"}, {"from_id": 2, "to_id": 1, "type": "continues"}]"#,
    ] {
        let line = format!(
            r#"{{"id": "a", "text": "He said no, then yes.",
            "entities": [{{"id": 1, "label": "Content", "start_offset": 8, "end_offset": 10}},
                         {{"id": 2, "label": "Content", "start_offset": 17, "end_offset": 20}}],
            "relations": {relations}}}"#
        );
        let error = import_doccano(&line).expect_err("refused");
        assert!(error.message.contains("loop"), "{relations}: {error}");
    }
}

#[test]
fn doccano_continues_chains_of_separate_pieces_still_import() {
    let line = r#"{"id": "a", "text": "We will, he said, stand by them.",
        "entities": [{"id": 1, "label": "Content", "start_offset": 0, "end_offset": 7},
                     {"id": 2, "label": "Content", "start_offset": 18, "end_offset": 31}],
        "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "continues"}]}"#;
    let imported = import_doccano(line).expect("import");
    assert_eq!(imported.doc.claims.len(), 1);
    assert_eq!(
        imported.doc.claims[0].content.parts,
        Some(vec![[0, 7], [18, 31]])
    );
    assert_eq!(
        check_spans(&imported.doc, imported.text.chars().count()),
        Ok(())
    );
}
