//! Headless commands. Each submodule has its clap `Args` and a `run`; `main` dispatches.

pub mod agree;
pub mod eval_attributions;
pub mod eval_entities;
pub mod export;
pub mod extract;
pub mod import;
pub mod stats;
pub mod train_attributions;
pub mod train_entities;

/// What a command returns: errors are reported once, at the top of `main`.
pub type CliResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;
