//! Actors: named and group mentions, grouped into actors with roles and aliases.

use crate::extract::Context;
use crate::model::{Actor, Span};

/// Finds the actors of a text, each with all its mentions.
pub fn find_actors(_cx: &Context) -> Vec<Actor> {
    Vec::new()
}

/// The actor a source mention (a name, "he", "the alliance") refers to.
pub fn resolve(_cx: &Context, _actors: &[Actor], _source: &Span) -> Option<String> {
    None
}
