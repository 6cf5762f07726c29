//! `gloss train attributions TRAIN.jsonl -o src/extract/data`: rebuilds the cue lexicon and
//! the two classifiers the claims layer compiles in. With `--folds K` it writes nothing and
//! cross-validates instead: K times, it trains on all articles but every K-th and runs the
//! whole extractor with those models on the articles held out, then scores every held-out
//! prediction together, as `gloss eval attributions` does. A change to the classifiers'
//! features can so be measured on all of train, not on dev alone.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliResult;
use super::eval_attributions::{EvalError, predict_with, read_gold, write_pred};
use crate::eval::attributions::{self, GoldRecord, PredRecord};
use crate::extract::claims::{Models, train};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// PolNeAR-style train JSONL (id, text, attributions).
    pub train: PathBuf,
    /// The directory to write `cues.tsv` (lexicon), `cue_model.bin` (cue classifier),
    /// `content_end_model.bin` (content-end classifier) and `reach_model.bin` (cue-reach
    /// classifier) into.
    #[arg(short, long, default_value = "src/extract/data")]
    pub output: PathBuf,
    /// Write nothing; print the figures of K-fold cross-validation (article i is held out in
    /// fold i mod K).
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u16).range(2..))]
    pub folds: Option<u16>,
    /// With `--folds`, also print the figures as one JSON object (last line).
    #[arg(long, requires = "folds")]
    pub json: bool,
    /// With `--folds`, write the held-out predictions here, in the reference scorer's format.
    #[arg(long, value_name = "OUT.jsonl", requires = "folds")]
    pub pred: Option<PathBuf>,
}

pub fn run(args: Args) -> CliResult {
    let records = read_gold(&args.train)?;
    if let Some(k) = args.folds {
        let pred = cross_validate(&records, &args.train, k);
        if let Some(out) = &args.pred {
            write_pred(out, &pred)?;
        }
        let scores = attributions::score(&records, &pred, false);
        eprintln!(
            "gloss: {k}-fold cross-validation over {} articles",
            records.len()
        );
        std::io::stdout()
            .lock()
            .write_all(attributions::render(&scores, args.json).as_bytes())?;
        return Ok(());
    }
    let lexicon = train::learn(&records);
    let model = train::learn_model(&records, &lexicon);
    let end_model = train::learn_end_model(&records, &lexicon);
    let reach_model = train::learn_reach_model(&records, &lexicon);
    let write = |name: &str, body: Vec<u8>| {
        let path = args.output.join(name);
        std::fs::write(&path, body).map_err(|source| EvalError::Io { path, source })
    };
    write("cues.tsv", lexicon.to_tsv().into_bytes())?;
    write("cue_model.bin", model.to_bytes().to_vec())?;
    write("content_end_model.bin", end_model.to_bytes().to_vec())?;
    write("reach_model.bin", reach_model.to_bytes().to_vec())?;
    eprintln!(
        "gloss: {} cues, {} cue weights, {} content-end weights and {} cue-reach weights from {} articles written to {}",
        lexicon.cues.len(),
        model.len(),
        end_model.len(),
        reach_model.len(),
        records.len(),
        args.output.display()
    );
    Ok(())
}

/// The predictions for every article, each made by models trained without its fold; in the
/// order of `records`. Folds run on their own threads.
fn cross_validate(records: &[GoldRecord], path: &Path, k: u16) -> Vec<PredRecord> {
    let k = usize::from(k);
    let fold = |f: usize| {
        let (held, kept): (Vec<_>, Vec<_>) =
            records.iter().enumerate().partition(|(i, _)| i % k == f);
        let kept: Vec<GoldRecord> = kept.into_iter().map(|(_, r)| r.clone()).collect();
        let held: Vec<GoldRecord> = held.into_iter().map(|(_, r)| r.clone()).collect();
        let lexicon = train::learn(&kept);
        let cue = train::learn_model(&kept, &lexicon);
        let end = train::learn_end_model(&kept, &lexicon);
        let reach = train::learn_reach_model(&kept, &lexicon);
        let models = Models {
            lexicon: &lexicon,
            cue: &cue,
            end: &end,
            reach: &reach,
        };
        predict_with(&held, path, models)
    };
    let folds: Vec<Vec<PredRecord>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..k).map(|f| scope.spawn(move || fold(f))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    // Fold f holds articles f, f + k, f + 2k, … in order: deal them back.
    let mut iters: Vec<_> = folds.into_iter().map(Vec::into_iter).collect();
    (0..records.len())
        .filter_map(|i| iters[i % k].next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::attributions::{Attribution, RoleSpan};

    fn span(text: &str, from: usize, needle: &str) -> Option<RoleSpan> {
        let b = from + text[from..].find(needle)?;
        let start = text[..b].chars().count();
        Some(RoleSpan {
            start,
            end: start + needle.chars().count(),
            spans: None,
        })
    }

    /// "Smith VERB that it rained. Jones VERB that it snowed.", both claims gold.
    fn article(id: &str, verb: &str) -> GoldRecord {
        let text = format!("Smith {verb} that it rained. Jones {verb} that it snowed.");
        let second = text.find("Jones").unwrap_or(0);
        let att = |from: usize, source: &str, content: &str| Attribution {
            source: span(&text, from, source),
            cue: span(&text, from, verb),
            content: span(&text, from, content),
        };
        GoldRecord {
            id: id.into(),
            title: String::new(),
            attributions: vec![
                att(0, "Smith", "it rained"),
                att(second, "Jones", "it snowed"),
            ],
            text,
        }
    }

    fn cues(p: &PredRecord, text: &str) -> Vec<String> {
        p.attributions
            .iter()
            .filter_map(|a| a.cue.as_ref())
            .map(|c| text.chars().skip(c.start).take(c.end - c.start).collect())
            .collect()
    }

    #[test]
    fn cross_validation_predicts_each_article_with_models_that_never_saw_it() {
        // Folds of 2: articles 0 and 2, and 1 and 3. "quipped" is gold in 0, 1 and 2;
        // "joked" only in 3, so the models that predict 3 have never seen it as a cue.
        let records = vec![
            article("a0", "quipped"),
            article("a1", "quipped"),
            article("a2", "quipped"),
            article("a3", "joked"),
        ];
        let pred = cross_validate(&records, Path::new("train.jsonl"), 2);
        let ids: Vec<&str> = pred.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a0", "a1", "a2", "a3"]);
        // Learned from 0 and 2, found in 1.
        assert_eq!(cues(&pred[1], &records[1].text), ["quipped", "quipped"]);
        // The compiled lexicon knows "joked"; the fold's does not.
        assert!(
            crate::extract::claims::Models::compiled()
                .lexicon
                .cues
                .contains_key("joked")
        );
        assert!(cues(&pred[3], &records[3].text).is_empty());
    }
}
