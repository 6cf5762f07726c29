//! The one vocabulary of the TUI: what keys are bound to, what the help screen describes and
//! what the event loop sends to `App::update`.

use serde::{Deserialize, Serialize};

/// Everything that can happen to the app. Unit variants are named in the keymap file
/// (`run = "accept"`); the variants with data are made by the event loop (typed characters,
/// mouse, resize).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Does nothing: binds a key to nothing in a user keymap.
    None,
    Quit,
    /// Quit without saving (from the unsaved-changes question).
    Discard,
    /// Save, then quit (from the unsaved-changes question).
    SaveQuit,
    /// Take the unsaved work an earlier session left in a recovery file.
    Restore,
    Save,
    Help,
    /// The other pane: from the article to the lists and back. The list shown stays, and so
    /// does the item that item commands act on.
    FocusNext,
    FocusPrev,
    Up,
    Down,
    /// In the article the cursor; in the lists the list before (actors, claims, stances).
    Left,
    /// In the article the cursor; in the lists the next list.
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Scroll the article to the selected item and put the cursor on it.
    Jump,
    /// Next annotation in reading order (next search match while searching).
    NextAnnotation,
    PrevAnnotation,
    Search,
    /// The next item of the list that nobody has reviewed yet.
    NextUnreviewed,
    PrevUnreviewed,
    NextArticle,
    PrevArticle,
    Accept,
    Reject,
    Edit,
    Delete,
    Undo,
    Redo,
    Tags,
    /// Show only the items of the list shown that carry a tag (picked from the tags they
    /// have); again, or Esc, shows them all.
    TagFilter,
    Rename,
    Alias,
    Merge,
    WordForward,
    WordBack,
    SentenceForward,
    SentenceBack,
    /// Start (or drop) a selection at the cursor.
    Select,
    MakeMention,
    MakeClaim,
    MakeStance,
    /// The selection becomes the cue of the selected claim.
    MakeCue,
    /// The selection becomes the source of the selected claim (and its speaker the actor the
    /// selection names, when it is a mention of one).
    MakeSource,
    /// Remove the mention under the cursor from the actor it belongs to.
    RemoveMention,
    /// Move the selected item's span start one word earlier.
    GrowStart,
    /// Move the selected item's span start one word later.
    ShrinkStart,
    GrowEnd,
    ShrinkEnd,
    /// Enter: submit a form or picker, close a search.
    Confirm,
    /// Esc: close the popup, drop the selection or the search.
    Cancel,
    NextField,
    PrevField,
    Backspace,
    /// Delete the character at the cursor of a text field.
    DeleteForward,
    /// Delete the word before the cursor of a text field.
    DeleteWordBack,
    /// Delete everything before the cursor of a text field.
    DeleteToStart,
    /// The cursor of a text field to its start.
    LineStart,
    /// The cursor of a text field to its end.
    LineEnd,
    /// Show the stance matrix of the current article (actors x targets).
    Matrix,
    /// Export the current article's annotations: pick a format.
    Export,
    /// A typed character, for text fields.
    #[serde(skip)]
    Input(char),
    #[serde(skip)]
    Resize(u16, u16),
    #[serde(skip)]
    Click(u16, u16),
    #[serde(skip)]
    ScrollUp(u16, u16),
    #[serde(skip)]
    ScrollDown(u16, u16),
}
