//! `gloss train attributions TRAIN.jsonl -o src/extract/data`: rebuilds the cue lexicon and
//! the two classifiers the claims layer compiles in.

use std::path::PathBuf;

use super::CliResult;
use super::eval_attributions::{EvalError, read_gold};
use crate::extract::claims::train;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// PolNeAR-style train JSONL (id, text, attributions).
    pub train: PathBuf,
    /// The directory to write `cues.tsv` (lexicon), `cue_model.bin` (cue classifier) and
    /// `content_end_model.bin` (content-end classifier) into.
    #[arg(short, long, default_value = "src/extract/data")]
    pub output: PathBuf,
}

pub fn run(args: Args) -> CliResult {
    let records = read_gold(&args.train)?;
    let lexicon = train::learn(&records);
    let model = train::learn_model(&records, &lexicon);
    let end_model = train::learn_end_model(&records, &lexicon);
    let write = |name: &str, body: Vec<u8>| {
        let path = args.output.join(name);
        std::fs::write(&path, body).map_err(|source| EvalError::Io { path, source })
    };
    write("cues.tsv", lexicon.to_tsv().into_bytes())?;
    write("cue_model.bin", model.to_bytes().to_vec())?;
    write("content_end_model.bin", end_model.to_bytes().to_vec())?;
    eprintln!(
        "gloss: {} cues, {} cue weights and {} content-end weights from {} articles written to {}",
        lexicon.cues.len(),
        model.len(),
        end_model.len(),
        records.len(),
        args.output.display()
    );
    Ok(())
}
