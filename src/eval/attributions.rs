//! attributions (to be written)
