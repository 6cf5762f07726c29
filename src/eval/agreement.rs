//! agreement (to be written)
