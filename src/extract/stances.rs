//! Stances: actor → target → support / oppose / neutral, with evidence.

use crate::extract::Context;
use crate::model::{Actor, Claim, Stance};

/// Finds the stances of the text's actors, from their claims and from descriptive sentences.
pub fn find_stances(_cx: &Context, _actors: &[Actor], _claims: &[Claim]) -> Vec<Stance> {
    Vec::new()
}
