//! Measuring: the extractor against gold data, and coders against each other.

pub mod agreement;
pub mod attributions;
pub mod entities;
pub mod metrics;
