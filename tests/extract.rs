//! `gloss extract` end to end (the built binary on files in temp dirs), and the extractor's
//! robustness on arbitrary and very large text.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use gloss::article::Article;
use gloss::extract::{Context, extract, stances};
use gloss::model::{Actor, ActorKind, Document, Meta, Span};
use proptest::prelude::*;

const SEED: &str = include_str!("../seeds/000_a00d91becb0c72f2.txt");

fn gloss(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gloss");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("gloss output")
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn ids(jsonl: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(jsonl)
        .lines()
        .map(|l| {
            let doc: Document = serde_json::from_str(l).expect("one document a line");
            doc.article.id
        })
        .collect()
}

#[test]
fn single_article_gives_one_pretty_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("one.txt");
    std::fs::write(&article, SEED).expect("write");
    let out = gloss(&["extract", path_str(&article)], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.starts_with("{\n  \"format\""), "pretty JSON: {text}");
    let doc: Document = serde_json::from_str(&text).expect("document");
    assert_eq!(doc.article.id, "one");
    assert_eq!(doc.article.chars, SEED.chars().count());
}

/// `gloss extract one.txt -o doc.json` in `dir`: its output and the path it wrote.
fn extract_one_to_file(dir: &Path) -> (Output, std::path::PathBuf) {
    let article = dir.join("one.txt");
    std::fs::write(&article, "A title\nSome text here.").expect("write");
    let target = dir.join("doc.json");
    let out = gloss(
        &["extract", path_str(&article), "-o", path_str(&target)],
        None,
    );
    (out, target)
}

#[test]
fn single_article_to_output_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, target) = extract_one_to_file(dir.path());
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let doc: Document =
        serde_json::from_str(&std::fs::read_to_string(&target).expect("read")).expect("doc");
    assert_eq!(doc.article.title, "A title");
}

#[test]
fn directory_gives_one_file_per_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    for name in ["b", "a", "c"] {
        std::fs::write(
            input.join(format!("{name}.txt")),
            format!("Article {name}."),
        )
        .expect("w");
    }
    let output = dir.path().join("out");
    let out = gloss(
        &["extract", path_str(&input), "-o", path_str(&output)],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&output)
        .expect("out dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a.json", "b.json", "c.json"]);
    let doc = gloss::store::load(&output.join("b.json")).expect("saved document");
    assert_eq!(doc.article.id, "b");
}

fn corpus(n: usize) -> String {
    (0..n)
        .map(|i| {
            // Sizes vary so that workers finish out of order.
            let body = "The senator backs the trade deal. ".repeat(1 + (i * 37) % 200);
            format!(
                "{}\n",
                serde_json::json!({"id": format!("r{i}"), "text": body})
            )
        })
        .collect()
}

#[test]
fn jsonl_output_keeps_input_order_with_several_jobs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("corpus.jsonl");
    std::fs::write(&input, corpus(60)).expect("write");
    let out = gloss(&["extract", path_str(&input), "--jobs", "4"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected: Vec<String> = (0..60).map(|i| format!("r{i}")).collect();
    assert_eq!(ids(&out.stdout), expected);
}

#[test]
fn jsonl_to_output_file_is_jsonl() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("corpus.jsonl");
    std::fs::write(&input, corpus(5)).expect("write");
    let target = dir.path().join("docs.jsonl");
    let out = gloss(
        &["extract", path_str(&input), "-o", path_str(&target)],
        None,
    );
    assert!(out.status.success());
    let written = std::fs::read(&target).expect("read");
    assert_eq!(ids(&written), ["r0", "r1", "r2", "r3", "r4"]);
}

#[test]
fn bad_jsonl_line_is_reported_with_file_and_line_and_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("mixed.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"a\",\"text\":\"One.\"}\n{broken\n\n{\"id\":\"b\"}\n{\"id\":\"c\",\"text\":\"Three.\"}\n",
    )
    .expect("write");
    let out = gloss(&["extract", path_str(&input), "--jobs", "2"], None);
    assert!(out.status.success());
    assert_eq!(ids(&out.stdout), ["a", "c"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("mixed.jsonl:2:"), "{stderr}");
    assert!(stderr.contains("mixed.jsonl:4:"), "{stderr}");
    assert!(stderr.contains("no \"text\""), "{stderr}");
}

#[test]
fn stdin_jsonl_goes_to_stdout() {
    let out = gloss(&["extract", "-"], Some(&corpus(7)));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected: Vec<String> = (0..7).map(|i| format!("r{i}")).collect();
    assert_eq!(ids(&out.stdout), expected);
}

#[test]
fn stdin_text_is_one_article() {
    let out = gloss(
        &["extract", "-"],
        Some("Headline\nThe senator backs the deal.\n"),
    );
    assert!(out.status.success());
    let got = ids(&out.stdout);
    assert_eq!(got.len(), 1);
    assert!(got[0].starts_with("stdin-"), "{got:?}");
}

#[test]
fn quiet_on_stderr_when_not_a_terminal() {
    let out = gloss(&["extract", "-"], Some(&corpus(3)));
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn missing_input_fails_and_names_it() {
    let out = gloss(&["extract", "/nonexistent/gloss-test.txt"], None);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("gloss-test.txt"));
    assert!(stderr.contains("(1 error above)"), "{stderr}");
}

#[test]
fn several_missing_inputs_count_their_errors() {
    let out = gloss(
        &["extract", "/nonexistent/a.txt", "/nonexistent/b.txt"],
        None,
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("(2 errors above)"), "{stderr}");
}

/// Every span of a document lies within the text, with start <= end and its text at the offsets.
fn assert_spans_match(text: &str, doc: &Document) {
    let chars: Vec<char> = text.chars().collect();
    let check = |span: &Span| {
        assert!(span.start <= span.end, "{span:?}");
        assert!(span.end <= chars.len(), "{span:?} past {}", chars.len());
        if span.parts.is_none() {
            let got: String = chars[span.start..span.end].iter().collect();
            assert_eq!(got, span.text);
        }
    };
    for a in &doc.actors {
        a.mentions.iter().for_each(check);
    }
    for c in &doc.claims {
        c.source
            .iter()
            .chain(&c.cue)
            .chain([&c.content])
            .for_each(check);
    }
    for s in &doc.stances {
        s.evidence.iter().for_each(check);
    }
}

/// Actors for every capitalised word, so the stance layer runs on arbitrary text too.
fn capitalised_actors(text: &str) -> Vec<Actor> {
    let mut actors: Vec<Actor> = Vec::new();
    let map = gloss::article::offsets::OffsetMap::new(text);
    let mut start = None;
    for (b, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_alphabetic()) {
            (None, true) if c.is_uppercase() => start = Some(b),
            (Some(s), false) => {
                let name = &text[s..b];
                let span = Span::from_bytes_with(&map, text, s..b);
                match actors.iter_mut().find(|a| a.name == name) {
                    Some(a) => a.mentions.push(span),
                    None => actors.push(Actor {
                        id: format!("a{}", actors.len() + 1),
                        name: name.to_string(),
                        kind: ActorKind::Country,
                        aliases: vec![],
                        role: None,
                        mentions: vec![span],
                        meta: Meta::auto("test", 0.5),
                        extra: Default::default(),
                    }),
                }
                start = None;
            }
            _ => {}
        }
    }
    actors
}

fn texts() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Poland",
        "NATO",
        "Ukraine's",
        "the",
        "backs",
        "does",
        "not",
        "support",
        "hesitant",
        "to",
        "move",
        "beyond",
        "membership",
        "in",
        "alliance",
        "of",
        "would",
        "be",
        "a",
        "disappointment",
        "strongly",
        "advocate",
        "for",
        "is",
        "importance",
        "’s",
        "'s",
        "\"",
        "“",
        "”",
        "''",
        ",",
        ".",
        "!",
        "?",
        "\n",
        "\u{202e}",
        "\u{0}",
        "\u{1b}[2J",
        "مرحبا",
        "中文字符。",
        "U.S.",
        "AND",
        "REJECTS",
        "by",
        "sending",
        "troops",
        "who",
        "—",
        "...",
    ]);
    prop_oneof![
        any::<String>(),
        prop::collection::vec(words, 0..80).prop_map(|w| w.join(" ")),
        prop::collection::vec(any::<char>(), 0..300).prop_map(|c| c.into_iter().collect()),
        "[A-Z ]{0,2000}",
        ".{0,50}".prop_map(|s| s.repeat(300)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn extract_never_panics_and_spans_match_the_text(text in texts()) {
        let article = Article::new("p", "", "-", &text);
        let doc = extract(&article);
        assert_spans_match(&article.text, &doc);
    }

    #[test]
    fn stances_on_arbitrary_text_never_panic_and_evidence_matches(text in texts()) {
        let actors = capitalised_actors(&text);
        let cx = Context::new(&text);
        let found = stances::find_stances(&cx, &actors, &[]);
        let mut doc = Document::new(Article::new("p", "", "-", &text).meta());
        doc.stances = found;
        assert_spans_match(&text, &doc);
        for s in &doc.stances {
            prop_assert!(!s.target.is_empty());
            prop_assert!(actors.iter().any(|a| a.id == s.actor));
        }
    }
}

#[test]
fn five_megabytes_of_text_extract_with_spans_in_range() {
    let mut text = String::with_capacity(5_200_000);
    let mut i = 0usize;
    while text.len() < 5_000_000 {
        text.push_str(SEED);
        // Vary it: a number, a long unbroken line, non-ASCII.
        text.push_str(&format!(
            "\n\nItem {i}: Erdoğan “said” — 中文 {}\n",
            "x".repeat(i % 500)
        ));
        i += 1;
    }
    let article = Article::new("big", "", "-", &text);
    let doc = extract(&article);
    assert_spans_match(&article.text, &doc);
    let actors = capitalised_actors(&article.text[..200_000]);
    let cx = Context::new(&article.text);
    let found = stances::find_stances(&cx, &actors, &[]);
    let mut doc = Document::new(article.meta());
    doc.stances = found;
    assert_spans_match(&article.text, &doc);
}

#[test]
fn one_huge_sentence_full_of_stances_stays_linear() {
    // No sentence end in 1.5 MB: every layer must stay linear in the sentence length.
    let text = "Poland strongly supports Ukraine and Hungary does not back NATO membership , "
        .repeat(20_000);
    let actors = capitalised_actors(&text[..2_000]);
    let start = std::time::Instant::now();
    let cx = Context::new(&text);
    let found = stances::find_stances(&cx, &actors, &[]);
    assert!(!found.is_empty());
    // Generous for a debug build on a busy machine; quadratic behaviour takes hours.
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    let mut doc = Document::new(Article::new("huge", "", "-", &text).meta());
    doc.stances = found;
    assert_spans_match(&text, &doc);
}

#[test]
fn several_articles_to_an_existing_file_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, "One.").expect("write");
    std::fs::write(&b, "Two.").expect("write");
    let target = dir.path().join("taken.json");
    std::fs::write(&target, "keep me").expect("write");
    let out = gloss(
        &[
            "extract",
            path_str(&a),
            path_str(&b),
            "-o",
            path_str(&target),
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("taken.json"));
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "keep me");
}

/// The sample article's reported statements, each by its cue (in reading order, repeated cues
/// counted) and the actor it is attributed to.
#[test]
fn every_reported_statement_of_the_sample_is_found_and_attributed_to_its_speaker() {
    let doc = extract(&Article::new("sample", "", "seeds", SEED));
    let speaker = |c: &gloss::model::Claim| -> String {
        c.actor
            .as_deref()
            .and_then(|id| doc.actors.iter().find(|a| a.id == id))
            .map_or_else(|| "-".to_string(), |a| a.name.clone())
    };
    let found: Vec<(String, String)> = doc
        .claims
        .iter()
        .map(|c| {
            let cue = c.cue.as_ref().map_or("", |s| s.text.as_str());
            (cue.to_string(), speaker(c))
        })
        .collect();
    let rasmussen = "Anders Rasmussen";
    let stoltenberg = "Jens Stoltenberg";
    let expected = [
        (":", rasmussen),
        ("says", rasmussen),
        ("stated", rasmussen),
        ("mentioned", rasmussen),
        ("emphasized", rasmussen),
        ("also mentioned", rasmussen),
        ("hoping", rasmussen),
        ("believed", rasmussen),
        ("strongly advocate for", "several Eastern European leaders"),
        ("further noted", rasmussen),
        ("emphasizing", rasmussen),
        ("stated", stoltenberg),
        ("said", stoltenberg),
        ("added", stoltenberg),
        ("stressing", stoltenberg),
    ];
    // In reading order: each expected statement is found after the one before it.
    let mut from = 0;
    for (cue, who) in expected {
        let at = found[from..]
            .iter()
            .position(|(c, s)| c == cue && s == who)
            .unwrap_or_else(|| panic!("no {cue:?} by {who} after claim {from} in {found:#?}"));
        from += at + 1;
    }
    // The direct quotes keep their second sentence: the interrupted one is one claim in two parts.
    let said = doc
        .claims
        .iter()
        .find(|c| c.cue.as_ref().is_some_and(|s| s.text == "said"))
        .expect("said");
    assert_eq!(said.content.pieces().len(), 2);
}

fn headline_speaker(text: &str) -> Option<String> {
    let doc = extract(&Article::new("h", "", "test", text));
    let headline = doc
        .claims
        .iter()
        .find(|c| c.kind == gloss::model::ClaimKind::Headline)
        .expect("a headline claim");
    let id = headline.actor.as_deref()?;
    doc.actors
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.name.clone())
}

#[test]
fn a_headline_source_that_names_nobody_is_the_main_speaker() {
    let text = "Talks will fail, warns envoy: Top diplomat\n\
                Jane Smith said on Monday that the talks would fail.\n\
                Smith also said that nobody had asked her.\n\
                Tom Brown said the talks would go on.";
    assert_eq!(headline_speaker(text).as_deref(), Some("Jane Smith"));
}

#[test]
fn of_two_main_speakers_the_headline_goes_to_the_first_to_speak() {
    let text = "Talks will fail, warns envoy: Top diplomat\n\
                Tom Brown said the talks would go on.\n\
                Jane Smith said on Monday that the talks would fail.\n\
                Smith also said that nobody had asked her.\n\
                Brown said he disagreed.";
    assert_eq!(headline_speaker(text).as_deref(), Some("Tom Brown"));
}

#[test]
fn a_headline_source_stays_unresolved_without_a_main_speaker() {
    let text = "Talks will fail, warns envoy: Top diplomat\n\
                Jane Smith said on Monday that the talks would fail.\n\
                Tom Brown said the talks would go on.";
    assert_eq!(headline_speaker(text), None);
}

/// Output files get the permissions a new file normally has, not a temporary file's private
/// ones: others can read what gloss wrote.
#[cfg(unix)]
#[test]
fn an_output_file_is_readable_by_others_like_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, target) = extract_one_to_file(dir.path());
    assert!(out.status.success());
    let mode = std::fs::metadata(&target)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}

/// A speaker the text only describes ("their union", "the shipping association") is an
/// actor too, so every attributed claim has one; the same description later is the same
/// actor, and documents stay without one.
#[test]
fn described_speakers_become_actors_and_documents_do_not() {
    let text = "Harbour strike goes on\n\n\
        Dockworkers at the two largest ports will stay off the job for another week, their \
        union said on Friday.\n\n\
        The shipping association said that the wage demand was unrealistic. According to \
        the association, more than 40 ships are waiting at anchor.\n\n\
        The chamber of commerce said that every idle day costs exporters money.\n\n\
        A statement from the ministry said that talks would resume on Monday.";
    let doc = extract(&Article::new("strike", "", "test", text));
    let speaker = |cue_source: &str| -> Option<&Actor> {
        let claim = doc
            .claims
            .iter()
            .find(|c| c.source.as_ref().is_some_and(|s| s.text == cue_source))?;
        doc.actors
            .iter()
            .find(|a| Some(&a.id) == claim.actor.as_ref())
    };
    let union = speaker("their union").expect("the union speaks");
    assert_eq!(
        (union.name.as_str(), union.kind),
        ("the union", ActorKind::Organization)
    );
    let association = speaker("The shipping association").expect("the association speaks");
    assert_eq!(association.kind, ActorKind::Organization);
    let again = speaker("the association").expect("according to the association");
    assert_eq!(again.id, association.id, "one association");
    assert_eq!(
        speaker("The chamber of commerce").map(|a| a.kind),
        Some(ActorKind::Organization)
    );
    assert!(
        !doc.actors
            .iter()
            .any(|a| a.name.to_lowercase().contains("statement")),
        "{:?}",
        doc.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_pronoun_refers_back_to_a_source_known_only_by_its_description() {
    let text = "Water inquiry hears from staff\n\n\
                A former contractor who worked on the plant, who spoke outside the hall, said \
                the pumps were old. \"Nobody told us which records mattered,\" he said.";
    let doc = extract(&Article::new("t", "", "t", text));
    let by_id = |id: &str| {
        doc.actors
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.as_str())
    };
    let he = doc
        .claims
        .iter()
        .find(|c| c.source.as_ref().is_some_and(|s| s.text == "he"))
        .expect("a claim with the source \"he\"");
    assert_eq!(
        he.actor.as_deref().and_then(by_id),
        Some("A former contractor")
    );
}

/// The actor credited with the claim whose source starts with `source`.
fn speaker_of<'d>(doc: &'d Document, source: &str) -> Option<&'d Actor> {
    let c = doc
        .claims
        .iter()
        .find(|c| {
            c.source
                .as_ref()
                .is_some_and(|s| s.text.starts_with(source))
        })
        .unwrap_or_else(|| panic!("no claim by {source}: {:#?}", doc.claims));
    credited_actor(doc, c)
}

/// The actor a claim is credited to.
fn credited_actor<'d>(doc: &'d Document, claim: &gloss::model::Claim) -> Option<&'d Actor> {
    let id = claim.actor.as_deref()?;
    doc.actors.iter().find(|a| a.id == id)
}

#[test]
fn a_source_joining_two_actors_with_and_speaks_for_both() {
    let text = "Donors meet\n\n\
                Norway and Germany, the largest donors to the fund, said that they would \
                study the plan. Michael Tanner, an analyst at the Cato Institute and a former \
                adviser, said the fund was too small.";
    let doc = extract(&Article::new("t", "", "t", text));
    let speaker = |source: &str| speaker_of(&doc, source).expect("an actor");
    let joint = speaker("Norway and Germany");
    assert_eq!(
        (joint.name.as_str(), joint.kind),
        ("Norway and Germany", ActorKind::Group)
    );
    // Only the head counts: "the Cato Institute and a former adviser" is a modifier.
    assert_eq!(speaker("Michael Tanner").name, "Michael Tanner");
}

#[test]
fn a_place_before_a_persons_name_in_a_source_is_what_the_person_governs() {
    let text = "Party meets\n\n\
                Former Pennsylvania governor Ed Rendell (D), a Clinton supporter, said the \
                party must unite. Exit polls from the New Hampshire primary, which Mr. Jones won \
                decisively, said voters were angry.";
    let doc = extract(&Article::new("t", "", "t", text));
    let speaker = |source: &str| speaker_of(&doc, source).map(|a| a.name.as_str());
    assert_eq!(speaker("Former Pennsylvania governor"), Some("Ed Rendell"));
    // Across a relative clause, the person is no speaker.
    assert_ne!(speaker("Exit polls"), Some("Mr. Jones"));
    assert_ne!(speaker("Exit polls"), Some("Jones"));
    // The party in brackets is nobody.
    assert!(
        doc.actors.iter().all(|a| a.name != "D"),
        "{:#?}",
        doc.actors
    );
}

#[test]
fn a_pronoun_after_a_spokespersons_claim_speaks_for_the_organisation() {
    // The actor of the claim whose source is `pronoun` and whose content starts `content`.
    fn speaker(text: &str, pronoun: &str, content: &str) -> Option<String> {
        let doc = extract(&Article::new("t", "", "t", text));
        let claim = doc
            .claims
            .iter()
            .find(|c| {
                c.source.as_ref().is_some_and(|s| s.text == pronoun)
                    && c.content.text.starts_with(content)
            })
            .unwrap_or_else(|| panic!("a claim by {pronoun:?}: {:#?}", doc.claims));
        credited_actor(&doc, claim).map(|a| a.name.clone())
    }
    // Nobody named fits "She": the spokeswoman is the only candidate.
    let text = "Water company pays\n\n\
                Northvale Water apologised on Monday. A Northvale spokeswoman said the company \
                had paid compensation. She said the remaining claims would be settled soon.";
    assert_eq!(
        speaker(text, "She", "the remaining").as_deref(),
        Some("Northvale Water")
    );
    // A woman named further back fits too, but the spokeswoman spoke last.
    let text = "Cafe owner waits\n\n\
                Northvale Water apologised on Monday. Rosa Benedetti said she had received a \
                third of her lost income. A Northvale spokeswoman said the company had paid compensation. She said the remaining \
                claims would be settled soon.";
    assert_eq!(
        speaker(text, "She", "the remaining").as_deref(),
        Some("Northvale Water")
    );
    // "He" is not the spokeswoman: the man named before stays the speaker.
    let text = "Cafe owner waits\n\n\
                Northvale Water apologised on Monday. Tom Whitfield said the company had failed \
                the town. A Northvale spokeswoman said the company had paid compensation. He said the remaining claims were a \
                scandal.";
    assert_eq!(
        speaker(text, "He", "the remaining").as_deref(),
        Some("Tom Whitfield")
    );
    // A woman named after the spokeswoman's claim is the nearer one.
    let text = "Dividends questioned\n\n\
                Northvale Water apologised on Monday. A Northvale spokeswoman said the \
                dividends were fair.\n\n\
                Aisha Rahman was unconvinced. \"The company thought money was important,\" she \
                said.";
    assert_eq!(
        speaker(text, "she", "\"The company").as_deref(),
        Some("Aisha Rahman")
    );
    // "the spokesman" is the one who just spoke, not a person of his own; a spokeswoman is not
    // him.
    let text = "Industry warns\n\n\
                A spokesman for the industry body Water Suppliers Association said the sector \
                shared the public's anger. \"Investors need to know the rules,\" the spokesman \
                said.\n\n\
                A spokesman for the Harbour Safety Agency said the inspections had resumed. \"We are hiring,\" the spokeswoman said.";
    assert_eq!(
        speaker(text, "the spokesman", "\"Investors").as_deref(),
        Some("Water Suppliers Association")
    );
    assert_eq!(
        speaker(text, "the spokeswoman", "\"We are").as_deref(),
        Some("the spokeswoman")
    );
}

#[test]
fn a_relative_pronoun_source_is_the_name_it_follows() {
    let text = "Senate talks stall\n\n\
                Obama has a frosty relationship with Mitch McConnell, now the Senate majority \
                leader, who in 2010 said the goal was to beat him. Trump met an architect, who \
                said he was owed money.";
    let doc = extract(&Article::new("t", "", "t", text));
    let actor_of = |cue_content: &str| {
        let c = doc
            .claims
            .iter()
            .find(|c| c.content.text.starts_with(cue_content))
            .unwrap_or_else(|| panic!("a claim saying {cue_content:?}: {:#?}", doc.claims));
        assert_eq!(c.source.as_ref().map(|s| s.text.as_str()), Some("who"));
        c.actor
            .as_deref()
            .and_then(|id| doc.actors.iter().find(|a| a.id == id))
            .map(|a| a.name.as_str())
    };
    assert_eq!(actor_of("the goal was"), Some("Mitch McConnell"));
    // "an architect" is no actor, and Trump is not right before "who".
    assert_eq!(actor_of("he was owed"), None);
}

/// The name of the actor the claim with cue `cue` is credited to.
fn speaker_by_cue<'d>(doc: &'d Document, cue: &str) -> Option<&'d str> {
    let claim = doc
        .claims
        .iter()
        .find(|c| c.cue.as_ref().is_some_and(|q| q.text == cue))
        .unwrap_or_else(|| panic!("no claim with the cue {cue:?}: {:#?}", doc.claims));
    credited_actor(doc, claim).map(|a| a.name.as_str())
}

#[test]
fn a_pronoun_refers_back_through_earlier_claims_to_their_speaker() {
    // Fowler's name is four sentences before the last "He": only the claims between carry
    // him there.
    let text = "Party chairman speaks\n\n\
                Don Fowler, a former party chairman, said the race was close. He said the \
                polls were wrong. The rain fell all day. He said turnout would be low. The \
                roads were closed. The schools were shut. He added that nobody knew.";
    let doc = extract(&Article::new("t", "", "t", text));
    assert_eq!(speaker_by_cue(&doc, "added"), Some("Don Fowler"));
}

#[test]
fn a_source_resolved_by_its_role_is_a_mention_for_later_pronouns() {
    // "The senator" is no name the tagger marks, but it names the speaker a later "He"
    // refers to after his name is out of reach.
    let text = "Senate vote delayed\n\n\
                Sen. John Smith of Ohio spoke on Monday. The rain fell. The wind blew. The \
                roads were shut. The senator said the plan was bad. The snow came. He added \
                that nobody knew.";
    let doc = extract(&Article::new("t", "", "t", text));
    assert_eq!(speaker_by_cue(&doc, "said"), Some("John Smith"));
    assert_eq!(speaker_by_cue(&doc, "added"), Some("John Smith"));
}
