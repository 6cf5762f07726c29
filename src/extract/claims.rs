//! Claims: attributions of content to a source through a cue.

use crate::extract::Context;
use crate::model::Claim;

/// Finds the claims of a text; `actor` is left for `actors::resolve`.
pub fn find_claims(_cx: &Context) -> Vec<Claim> {
    Vec::new()
}
