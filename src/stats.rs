//! Statistics over annotation files: counts, claims per actor, stance matrix.
