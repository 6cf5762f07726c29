//! entities (to be written)
