//! Edits as values: apply and invert; history for undo and redo.
