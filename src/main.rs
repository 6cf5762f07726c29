//! `gloss [PATH]` opens the TUI; the subcommands run headless.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gloss::cli;

/// mimalloc, for the extractor's many short-lived allocations (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "gloss",
    version,
    about = "Read news articles and annotate who says what"
)]
struct Cli {
    /// An article, a directory of articles, a .jsonl corpus, or - for standard input.
    path: Option<PathBuf>,
    /// Where annotation files live (else $GLOSS_ANNOTATIONS, ./annotations, the data directory).
    #[arg(long, global = true, value_name = "DIR")]
    annotations: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract actors, claims and stances into annotation documents.
    Extract(cli::extract::Args),
    /// Measure the extractor against gold data.
    #[command(subcommand)]
    Eval(Eval),
    /// Rebuild the extractor's compiled-in data from the train splits.
    #[command(subcommand)]
    Train(Train),
    /// Export annotations to the formats of the field.
    Export(cli::export::Args),
    /// Import annotations from other formats.
    Import(cli::import::Args),
    /// Agreement between coders.
    Agree(cli::agree::Args),
    /// Counts, claims per actor, the stance matrix.
    Stats(cli::stats::Args),
}

#[derive(Debug, Subcommand)]
enum Eval {
    /// Attributions (source, cue, content) against PolNeAR-style gold.
    Attributions(cli::eval_attributions::Args),
    /// Entities (PER, ORG, LOC) against CoNLL-style gold.
    Entities(cli::eval_entities::Args),
}

#[derive(Debug, Subcommand)]
enum Train {
    /// The attribution data (cue lexicon, models) from PolNeAR train.
    Attributions(cli::train_attributions::Args),
    /// The entity model from CoNLL train.
    Entities(cli::train_entities::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => gloss::tui::run(gloss::tui::Options {
            path: cli.path,
            annotations: cli.annotations,
        }),
        Some(Command::Extract(args)) => cli::extract::run(args),
        Some(Command::Eval(Eval::Attributions(args))) => cli::eval_attributions::run(args),
        Some(Command::Eval(Eval::Entities(args))) => cli::eval_entities::run(args),
        Some(Command::Train(Train::Attributions(args))) => cli::train_attributions::run(args),
        Some(Command::Train(Train::Entities(args))) => cli::train_entities::run(args),
        Some(Command::Export(args)) => cli::export::run(args),
        Some(Command::Import(mut args)) => {
            // `--annotations DIR` is where imported annotation files go unless `-o` says.
            args.output = args.output.or(cli.annotations);
            cli::import::run(args)
        }
        Some(Command::Agree(args)) => cli::agree::run(args),
        Some(Command::Stats(args)) => cli::stats::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gloss: {error}");
            let mut source = error.source();
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::FAILURE
        }
    }
}
