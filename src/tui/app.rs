//! The state of the TUI and `App::update`, the only place it changes. Views read `&App`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::form::{Form, Picker, Purpose};
use super::geometry::Screen;
use super::input::TextInput;
use super::keymap::{Keymap, Mode};
use super::layout::{self, VLine, WrapCache};
use super::text;
use super::view::fit;
use crate::article::Article;
use crate::article::offsets::OffsetMap;
use crate::article::sanitize;
use crate::cli::export::{self as cli_export, Built};
use crate::edit::{self, Edit, History, Item, Kind};
use crate::export::{Format, Include, Texts};
use crate::model::{Document, Span, Status};
use crate::stats::{self, StanceMatrix};
use crate::store::{self, Origin};

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Article,
    List,
}

/// What a mark in the article text stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A mention of the actor at this index.
    Mention(usize),
    /// A claim's source, spoken by the actor at this index (if known).
    Source(Option<usize>),
    Cue,
    Content,
    Evidence,
}

/// A marked stretch of the article: a byte range, what it is and the item it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub role: Role,
    pub kind: Kind,
    pub index: usize,
}

/// Where one article's reader stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    /// Byte offset of the text at the top of the article pane: an anchor in the text, so a
    /// resize keeps the reading position.
    pub scroll: usize,
    /// The cursor, a byte offset.
    pub cursor: usize,
    /// Where a selection started (`v`), if one is being made.
    pub anchor: Option<usize>,
    /// The selected item of each list (actors, claims, stances): its index in the document.
    pub sel: [usize; 3],
    /// The first row shown of each list: a position among the items the list shows.
    pub top: [usize; 3],
    /// The tag each list is filtered by, if any: it then shows only the items with that tag.
    pub filter: [Option<String>; 3],
}

/// One opened article: its annotations, their history and what the views need.
#[derive(Debug, Clone)]
pub struct Slot {
    pub doc: Document,
    pub origin: Origin,
    pub save_to: PathBuf,
    pub history: History,
    pub map: OffsetMap,
    /// Marks sorted by start.
    pub marks: Vec<Mark>,
    /// The longest mark, to find the marks that reach into a window.
    longest: usize,
    /// Every item by where it starts in the text: reading order.
    pub order: Vec<(usize, Kind, usize)>,
    pub view: View,
    /// What opening the article found to tell (notices, a recovery file to offer), kept
    /// until the article is on screen.
    greeting: Option<(Vec<String>, Option<PathBuf>)>,
}

impl Slot {
    fn new(doc: Document, origin: Origin, save_to: PathBuf, text: &str) -> Slot {
        let mut slot = Slot {
            doc,
            origin,
            save_to,
            history: History::new(),
            map: OffsetMap::new(text),
            marks: Vec::new(),
            longest: 0,
            order: Vec::new(),
            view: View::default(),
            greeting: None,
        };
        slot.refresh(text);
        slot
    }

    /// Rebuilds the marks and the reading order after the document changed.
    pub fn refresh(&mut self, text: &str) {
        let map = &self.map;
        let ranges = |span: &Span| span.byte_pieces(map, text);
        let mut marks = Vec::new();
        let mut order = Vec::new();
        // Each actor's index by id (of two sharing one, the first): looked up for every claim.
        let actor_at: HashMap<&str, usize> = self
            .doc
            .actors
            .iter()
            .enumerate()
            .rev()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let actor_index = |id: &str| actor_at.get(id).copied();
        for (i, actor) in self.doc.actors.iter().enumerate() {
            let first = actor.mentions.iter().map(|m| m.start).min();
            order.push((
                first.map_or(usize::MAX, |c| map.to_byte(text, c)),
                Kind::Actor,
                i,
            ));
            if actor.meta.is_rejected() {
                continue;
            }
            for mention in actor.mentions.iter().filter(|m| !m.orphaned) {
                for r in ranges(mention) {
                    marks.push(mark(r, Role::Mention(i), Kind::Actor, i));
                }
            }
        }
        for (i, claim) in self.doc.claims.iter().enumerate() {
            order.push((map.to_byte(text, claim.content.start), Kind::Claim, i));
            if claim.meta.is_rejected() {
                continue;
            }
            let speaker = claim.actor.as_deref().and_then(actor_index);
            let parts = [
                (claim.source.as_ref(), Role::Source(speaker)),
                (claim.cue.as_ref(), Role::Cue),
                (Some(&claim.content), Role::Content),
            ];
            for (span, role) in parts {
                for r in span.filter(|s| !s.orphaned).map(ranges).unwrap_or_default() {
                    marks.push(mark(r, role, Kind::Claim, i));
                }
            }
        }
        for (i, stance) in self.doc.stances.iter().enumerate() {
            let at = stance.evidence.as_ref().map(|e| map.to_byte(text, e.start));
            order.push((at.unwrap_or(usize::MAX), Kind::Stance, i));
            if stance.meta.is_rejected() {
                continue;
            }
            if let Some(evidence) = stance.evidence.as_ref().filter(|s| !s.orphaned) {
                for r in ranges(evidence) {
                    marks.push(mark(r, Role::Evidence, Kind::Stance, i));
                }
            }
        }
        marks.retain(|m| m.end > m.start);
        marks.sort_by_key(|m| (m.start, m.end));
        order.sort();
        self.longest = marks.iter().map(|m| m.end - m.start).max().unwrap_or(0);
        self.marks = marks;
        self.order = order;
    }

    /// The marks that overlap byte range `window`.
    pub fn marks_in(&self, window: Range<usize>) -> &[Mark] {
        let from = self
            .marks
            .partition_point(|m| m.start + self.longest < window.start);
        let to = self.marks.partition_point(|m| m.start < window.end);
        &self.marks[from..to.max(from)]
    }

    /// The byte ranges an item covers in the text (mentions, source, cue, content, evidence).
    pub fn ranges_of(&self, text: &str, kind: Kind, index: usize) -> Vec<Range<usize>> {
        let spans: Vec<&Span> = match kind {
            Kind::Actor => self
                .doc
                .actors
                .get(index)
                .map(|a| a.mentions.iter().collect())
                .unwrap_or_default(),
            Kind::Claim => self
                .doc
                .claims
                .get(index)
                .map(|c| {
                    [c.source.as_ref(), c.cue.as_ref(), Some(&c.content)]
                        .into_iter()
                        .flatten()
                        .collect()
                })
                .unwrap_or_default(),
            Kind::Stance => self
                .doc
                .stances
                .get(index)
                .and_then(|s| s.evidence.as_ref())
                .into_iter()
                .collect(),
        };
        spans
            .into_iter()
            .filter(|s| !s.orphaned)
            .flat_map(|s| s.byte_pieces(&self.map, text))
            .filter(|r| r.end > r.start)
            .collect()
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// The tag the list of `kind` is filtered by.
    pub fn filter(&self, kind: Kind) -> Option<&str> {
        self.view.filter[tab_index(kind)].as_deref()
    }

    /// Whether the list of `kind` shows item `i`: it exists and has the list's tag, if any.
    pub fn shows(&self, kind: Kind, i: usize) -> bool {
        let Some(meta) = edit::meta(&self.doc, kind, i) else {
            return false;
        };
        self.filter(kind)
            .is_none_or(|tag| meta.tags.iter().any(|t| t == tag))
    }

    /// The items the list of `kind` shows, in list order: all of them, or those with the tag
    /// it is filtered by.
    pub fn rows(&self, kind: Kind) -> Vec<usize> {
        (0..edit::count(&self.doc, kind))
            .filter(|&i| self.shows(kind, i))
            .collect()
    }

    /// Items reviewed (not auto) and all items.
    pub fn reviewed(&self) -> (usize, usize) {
        let d = &self.doc;
        let statuses = d
            .actors
            .iter()
            .map(|a| a.meta.status)
            .chain(d.claims.iter().map(|c| c.meta.status))
            .chain(d.stances.iter().map(|s| s.meta.status));
        statuses.fold((0, 0), |(r, n), s| {
            (r + usize::from(s.is_reviewed()), n + 1)
        })
    }
}

fn mark(r: Range<usize>, role: Role, kind: Kind, index: usize) -> Mark {
    Mark {
        start: r.start,
        end: r.end,
        role,
        kind,
        index,
    }
}

/// The search in the article, when there is one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: TextInput,
    pub matches: Vec<Range<usize>>,
    pub current: usize,
}

/// A popup over the screen; the last one has the keyboard.
#[derive(Debug, Clone)]
pub enum Popup {
    Help {
        scroll: u16,
    },
    /// Quit with unsaved changes?
    ConfirmQuit,
    /// Restore the unsaved work in this recovery file of the current article?
    Recover(PathBuf),
    Search,
    Form(Form),
    Picker(Picker),
    /// The stance matrix of the current article; `row` and `col` are the first actor and the
    /// first target shown.
    Matrix {
        row: usize,
        col: usize,
    },
}

/// How the message line starts while an article is being opened.
const OPENING: &str = "opening";

/// Makes the annotations of an article when it has no annotation file.
pub type Extractor = fn(&Article) -> Document;

/// An article's annotations, read from its file or extracted, ready to show.
/// `OpenRequest::open` makes it, on the UI thread or another one (extraction can take a while);
/// `App::install` puts it in place.
#[derive(Debug)]
pub struct Opened {
    pub index: usize,
    /// With its greeting: what opening found to tell.
    slot: Slot,
}

/// What an article needs to be opened away from the app: see `App::open_request`.
#[derive(Debug, Clone)]
pub struct OpenRequest {
    pub index: usize,
    pub article: Article,
    pub dir: PathBuf,
    pub extract: Extractor,
}

/// The name of the threads that open articles: the panic hook leaves the terminal alone for
/// them, since `OpenRequest::open` turns their panics into a notice.
pub const OPENER_THREAD: &str = "gloss-open";

impl OpenRequest {
    /// Reads the article's annotation file, or extracts its annotations (an unusable file is
    /// never overwritten: changes then go beside it).
    ///
    /// A bug that panics while opening (in the extractor, say) costs the suggestions, not the
    /// article: it opens with no annotations and a notice saying why, and an annotation file
    /// that was there is never overwritten (changes go beside it).
    pub fn open(&self) -> Opened {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.open_unguarded())) {
            Ok(opened) => opened,
            Err(payload) => {
                let why = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown error".into());
                let article = &self.article;
                let path = store::path_for(&self.dir, &article.id);
                let save_to = if path.exists() {
                    path.with_extension("new.json")
                } else {
                    path
                };
                let doc = Document::new(article.meta());
                let mut slot = Slot::new(doc, Origin::Extracted, save_to.clone(), &article.text);
                slot.greeting = Some((
                    vec![format!(
                        "opening failed ({why}): no suggestions for this article; \
                         annotate by hand, changes go to {}",
                        save_to.display()
                    )],
                    None,
                ));
                Opened {
                    index: self.index,
                    slot,
                }
            }
        }
    }

    fn open_unguarded(&self) -> Opened {
        let article = &self.article;
        let (mut slot, notices, recovery) = match store::open(&self.dir, article, self.extract) {
            Ok(opened) => {
                let mut slot = Slot::new(opened.doc, opened.origin, opened.save_to, &article.text);
                if opened.unsaved {
                    // Re-anchored: the file still holds the old offsets until a save.
                    slot.history.mark_unsaved();
                }
                (slot, opened.notices, opened.recovery)
            }
            Err(e) => {
                let path = store::path_for(&self.dir, &article.id);
                let save_to = path.with_extension("new.json");
                // Work saved beside the unusable file in an earlier session is picked up again,
                // never overwritten by a fresh extraction.
                let earlier = store::load(&save_to)
                    .ok()
                    .filter(|doc| doc.article.id == article.id);
                let (doc, origin, notice) = match earlier {
                    Some(doc) => (
                        doc,
                        Origin::Saved,
                        format!("{e}; continuing with {}", save_to.display()),
                    ),
                    None => (
                        (self.extract)(article),
                        Origin::Extracted,
                        format!("{e}; changes go to {}", save_to.display()),
                    ),
                };
                (
                    Slot::new(doc, origin, save_to, &article.text),
                    vec![notice],
                    None,
                )
            }
        };
        slot.greeting = Some((notices, recovery));
        Opened {
            index: self.index,
            slot,
        }
    }
}

/// The whole TUI state.
#[derive(Debug)]
pub struct App {
    pub articles: Vec<Article>,
    pub slots: Vec<Option<Slot>>,
    pub current: usize,
    pub dir: PathBuf,
    extract: Extractor,
    pub keymap: Keymap,
    /// The terminal size the last frame had.
    pub size: (u16, u16),
    pub focus: Focus,
    /// Which list the annotation pane shows.
    pub tab: Kind,
    pub popups: Vec<Popup>,
    pub search: Option<Search>,
    /// A line for the user (notices, errors, what an action did); cleared by the next key.
    pub message: Option<String>,
    pub should_quit: bool,
    /// Articles are opened by the caller (`open_request` / `install`, off the UI thread)
    /// rather than inside `update`.
    deferred: bool,
    /// No article has been opened yet: the first one decides where the focus starts.
    first_open: bool,
    /// Set when a document changed since `take_changed` was last called.
    changed: bool,
    wrap: RefCell<WrapCache>,
}

impl App {
    /// An app over `articles`, with annotation files in `dir`. With no articles it shows the
    /// embedded sample rather than nothing.
    pub fn new(articles: Vec<Article>, dir: PathBuf, extract: Extractor, keymap: Keymap) -> App {
        let mut app = App::deferred(articles, dir, extract, keymap);
        app.deferred = false;
        app.open_current();
        app
    }

    /// Like `new`, but opens no article itself: the caller asks `open_request` what to open,
    /// opens it where it likes (another thread) and hands the result to `install`. Until then
    /// the article pane says it is opening, and the keys that need no annotations still work.
    pub fn deferred(
        mut articles: Vec<Article>,
        dir: PathBuf,
        extract: Extractor,
        keymap: Keymap,
    ) -> App {
        let empty = articles.is_empty();
        if empty {
            articles.push(crate::article::load::embedded_sample());
        }
        let slots = articles.iter().map(|_| None).collect();
        let mut app = App {
            articles,
            slots,
            current: 0,
            dir,
            extract,
            keymap,
            size: (80, 24),
            focus: Focus::List,
            tab: Kind::Claim,
            popups: Vec::new(),
            search: None,
            message: None,
            should_quit: false,
            deferred: true,
            first_open: true,
            changed: false,
            wrap: RefCell::new(WrapCache::default()),
        };
        if empty {
            app.notify("nothing to show: this is the sample article");
        }
        app
    }

    /// Opens the current article's annotations here and now if that has not happened yet.
    fn open_current(&mut self) {
        if let Some(request) = self.open_request() {
            let opened = request.open();
            self.install(opened);
        }
    }

    /// What to open next, if the current article is not open yet.
    pub fn open_request(&self) -> Option<OpenRequest> {
        let index = self.current;
        if self.slots.get(index).is_none_or(|s| s.is_some()) {
            return None;
        }
        Some(OpenRequest {
            index,
            article: self.articles.get(index)?.clone(),
            dir: self.dir.clone(),
            extract: self.extract,
        })
    }

    /// Puts an opened article in place (unless it was opened already), with its notices and
    /// the offer to restore a recovery file when it is the article on screen.
    pub fn install(&mut self, opened: Opened) {
        let Opened { index, slot } = opened;
        if self.slots.get(index).is_none_or(|s| s.is_some()) {
            return;
        }
        let nothing_to_review = Kind::ALL.iter().all(|k| edit::count(&slot.doc, *k) == 0);
        // A re-anchored document is unsaved work from the start.
        self.changed |= slot.is_dirty();
        self.slots[index] = Some(slot);
        if index != self.current {
            return;
        }
        self.greet();
        if std::mem::take(&mut self.first_open) && nothing_to_review {
            // Nothing to review yet: start in the text, where annotations are made.
            self.focus = Focus::Article;
        }
        if self
            .slot()
            .is_some_and(|s| edit::count(&s.doc, self.tab) == 0)
            && let Some(kind) = Kind::ALL
                .into_iter()
                .find(|k| self.slot().is_some_and(|s| edit::count(&s.doc, *k) > 0))
        {
            self.tab = kind;
        }
        self.keep_list_in_view();
    }

    /// Shows what opening the current article found: its notices, and the offer to restore
    /// its recovery file.
    fn greet(&mut self) {
        let Some((notices, recovery)) = self.slot_mut().and_then(|s| s.greeting.take()) else {
            return;
        };
        if self
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with(OPENING))
        {
            self.message = None;
        }
        if let Some(path) = recovery {
            self.popups.push(Popup::Recover(path));
        }
        if !notices.is_empty() {
            self.message = Some(notices.join(" · "));
        }
    }

    pub fn article(&self) -> &Article {
        &self.articles[self.current.min(self.articles.len().saturating_sub(1))]
    }

    pub fn slot(&self) -> Option<&Slot> {
        self.slots.get(self.current)?.as_ref()
    }

    fn slot_mut(&mut self) -> Option<&mut Slot> {
        self.slots.get_mut(self.current)?.as_mut()
    }

    pub fn screen(&self) -> Screen {
        Screen::new(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// The current article's visual lines at `width`.
    pub fn lines(&self, width: u16) -> Arc<Vec<VLine>> {
        self.wrap
            .borrow_mut()
            .get(self.current, &self.article().text, usize::from(width))
    }

    /// The mode keys are looked up in.
    pub fn mode(&self) -> Mode {
        match self.popups.last() {
            Some(Popup::Help { .. }) => Mode::Help,
            Some(Popup::ConfirmQuit) => Mode::Confirm,
            Some(Popup::Recover(_)) => Mode::Recover,
            Some(Popup::Search) => Mode::Search,
            Some(Popup::Form(_)) => Mode::Form,
            Some(Popup::Picker(_)) => Mode::Picker,
            Some(Popup::Matrix { .. }) => Mode::Matrix,
            None if self.focus == Focus::Article => Mode::Article,
            None => Mode::Normal,
        }
    }

    /// The selected annotation: the selected row of the list shown, in either pane. None when
    /// the list shows nothing (empty, or no item has the tag it is filtered by).
    pub fn selected(&self) -> Option<(Kind, usize)> {
        let slot = self.slot()?;
        let i = slot.view.sel[tab_index(self.tab)];
        slot.shows(self.tab, i).then_some((self.tab, i))
    }

    /// The titles of the lists on the border of the lists' pane, `width` columns wide, each
    /// with its list: " Claims 16 ", a filtered list " Claims 3/16 ", and the one shown, when
    /// filtered, " Claims · tag: approximate 3/16 ". When that leaves no room for the others,
    /// they are named by their initials (" A 15 "), and with no room even for those the list
    /// shown is named alone (unfiltered, the border cuts what does not fit). The view draws
    /// these and a click looks them up.
    pub fn tab_titles(&self, width: u16) -> Vec<(Kind, String)> {
        let slot = self.slot();
        // A list's title in `room` columns; `short` names it by its initial (" A 15 ").
        let title = |kind: Kind, room: usize, short: bool| {
            let name = match kind {
                Kind::Actor => "Actors",
                Kind::Claim => "Claims",
                Kind::Stance => "Stances",
            };
            let name = if short { &name[..1] } else { name };
            let Some(slot) = slot else {
                return format!(" {name} 0 ");
            };
            let n = edit::count(&slot.doc, kind);
            match slot.filter(kind) {
                None => format!(" {name} {n} "),
                Some(_) if kind != self.tab => {
                    format!(" {name} {}/{n} ", slot.rows(kind).len())
                }
                Some(tag) => {
                    let count = format!("{}/{n}", slot.rows(kind).len());
                    let fixed = name.len() + count.len() + 10;
                    let tag = sanitize::one_line(tag);
                    let tag = fit(&tag, room.saturating_sub(fixed).max(4));
                    format!(" {name} · tag: {tag} {count} ")
                }
            }
        };
        let room = usize::from(width.saturating_sub(2));
        if slot.is_none_or(|s| s.filter(self.tab).is_none()) {
            // Too narrow for every name in full: the lists not shown go by their initials, so
            // the title still says which list this is.
            let full: Vec<(Kind, String)> = Kind::ALL
                .iter()
                .map(|k| (*k, title(*k, room, false)))
                .collect();
            if full.iter().map(|(_, t)| t.width() + 1).sum::<usize>() <= room {
                return full;
            }
            return Kind::ALL
                .iter()
                .map(|k| (*k, title(*k, room, *k != self.tab)))
                .collect();
        }
        // Filtered, the list shown takes the room the others leave, named in full or by their
        // initials; when even that leaves too little, it is named alone.
        for short in [false, true] {
            let others: Vec<(Kind, String)> = Kind::ALL
                .iter()
                .filter(|k| **k != self.tab)
                .map(|k| (*k, title(*k, room, short)))
                .collect();
            let left = room.saturating_sub(others.iter().map(|(_, t)| t.width() + 1).sum());
            let shown = title(self.tab, left, false);
            if shown.width() < left {
                let mut all = others;
                all.push((self.tab, shown));
                all.sort_by_key(|(k, _)| tab_index(*k));
                return all;
            }
        }
        vec![(self.tab, title(self.tab, room, false))]
    }

    /// The selected item, cloned.
    pub fn selected_item(&self) -> Option<Item> {
        let (kind, i) = self.selected()?;
        edit::get(&self.slot()?.doc, kind, i)
    }

    /// The text selection being made (`v`), snapped to whole words.
    pub fn selection(&self) -> Option<Range<usize>> {
        let slot = self.slot()?;
        let anchor = slot.view.anchor?;
        let text = &self.article().text;
        Some(text::snap(text, anchor, slot.view.cursor))
    }

    /// Whether any opened article has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.slots.iter().flatten().any(Slot::is_dirty)
    }

    /// True once after each change to a document (for the crash-recovery snapshot).
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// The documents with unsaved changes, by the file they save to.
    pub fn dirty_documents(&self) -> Vec<(PathBuf, Document)> {
        self.slots
            .iter()
            .flatten()
            .filter(|s| s.is_dirty())
            .map(|s| (s.save_to.clone(), s.doc.clone()))
            .collect()
    }

    /// Writes a recovery file for every article with unsaved changes.
    pub fn write_recovery(&mut self) {
        for (path, doc) in self.dirty_documents() {
            if let Err(e) = store::write_recovery(&path, &doc) {
                self.message = Some(format!("recovery file not written: {e}"));
            }
        }
    }

    /// Quits without saving; the recovery files this session wrote go too, as asked.
    fn discard_and_quit(&mut self) {
        for slot in self.slots.iter().flatten().filter(|s| s.is_dirty()) {
            let _ = store::remove_recovery(&slot.save_to);
        }
        self.should_quit = true;
    }

    /// Shows a line to the user.
    pub fn notify(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action) {
        self.open_pending();
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        match self.popups.last() {
            Some(Popup::Help { .. }) => return self.update_help(action),
            Some(Popup::ConfirmQuit) => return self.update_confirm(action),
            Some(Popup::Recover(_)) => return self.update_recover(action),
            Some(Popup::Search) => return self.update_search(action),
            Some(Popup::Form(_)) => return self.update_form(action),
            Some(Popup::Picker(_)) => return self.update_picker(action),
            Some(Popup::Matrix { .. }) => return self.update_matrix(action),
            None => {}
        }
        match action {
            Action::None | Action::Input(_) => {}
            Action::Resize(w, h) => self.resize(w, h),
            Action::Quit => {
                if self.is_dirty() {
                    self.popups.push(Popup::ConfirmQuit);
                } else {
                    self.should_quit = true;
                }
            }
            Action::Discard => self.discard_and_quit(),
            Action::Restore => {}
            Action::SaveQuit => {
                if self.save() {
                    self.should_quit = true;
                }
            }
            Action::Save => {
                self.save();
            }
            Action::Help => self.popups.push(Popup::Help { scroll: 0 }),
            Action::FocusNext | Action::FocusPrev => self.other_pane(),
            Action::Up | Action::Down | Action::Left | Action::Right => self.step(action),
            Action::PageUp => self.page(-1),
            Action::PageDown => self.page(1),
            Action::Top => self.ends(false),
            Action::Bottom => self.ends(true),
            Action::Jump => self.jump(),
            Action::NextAnnotation => self.next_annotation(true),
            Action::PrevAnnotation => self.next_annotation(false),
            Action::Search => {
                self.search.get_or_insert_with(Search::default);
                self.popups.push(Popup::Search);
            }
            Action::NextUnreviewed => self.next_unreviewed(true),
            Action::PrevUnreviewed => self.next_unreviewed(false),
            Action::NextArticle => self.switch_article(true),
            Action::PrevArticle => self.switch_article(false),
            Action::Accept => self.review(Status::Accepted),
            Action::Reject => self.review(Status::Rejected),
            Action::Edit => self.open_form(None),
            Action::Rename => self.open_actor_form("Name"),
            Action::Alias => self.open_actor_form("Aliases"),
            Action::Delete => self.delete(),
            Action::Undo => self.undo(true),
            Action::Redo => self.undo(false),
            Action::Tags => self.open_tags(),
            Action::TagFilter => self.toggle_tag_filter(),
            Action::Merge => self.open_merge(),
            Action::WordForward
            | Action::WordBack
            | Action::SentenceForward
            | Action::SentenceBack => self.move_cursor(action),
            Action::Select => self.toggle_selection(),
            Action::MakeMention => self.make(Purpose::Mention),
            Action::MakeClaim => self.make_claim(),
            Action::MakeCue => self.make_cue(),
            Action::MakeSource => self.make_source(),
            Action::RemoveMention => self.remove_mention(),
            Action::MakeStance => self.make(Purpose::StanceActor),
            Action::GrowStart | Action::ShrinkStart | Action::GrowEnd | Action::ShrinkEnd => {
                self.adjust_span(action)
            }
            Action::Cancel => {
                // One thing at a time: the search, else the text selection, else the filter.
                let dropped = self.search.take().is_some()
                    || self
                        .slot_mut()
                        .is_some_and(|s| s.view.anchor.take().is_some());
                if !dropped && self.slot().is_some_and(|s| s.filter(self.tab).is_some()) {
                    self.clear_filter();
                }
            }
            Action::Matrix => self.popups.push(Popup::Matrix { row: 0, col: 0 }),
            Action::Export => self.popups.push(Popup::Picker(Picker::formats())),
            // Keys of popups and text fields: nothing to do outside them.
            Action::Confirm
            | Action::NextField
            | Action::PrevField
            | Action::Backspace
            | Action::DeleteForward
            | Action::DeleteWordBack
            | Action::DeleteToStart
            | Action::LineStart
            | Action::LineEnd => {}
            Action::Click(x, y) => self.click(x, y),
            Action::ScrollUp(x, y) => self.wheel(x, y, -3),
            Action::ScrollDown(x, y) => self.wheel(x, y, 3),
        }
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        self.keep_list_in_view();
    }

    /// Tab: the keyboard goes to the other pane. The lists' pane keeps the list it shows, so
    /// the commands that act on the selected item (`C`, `o`, `t`, `e`...) act in the article
    /// on the item the user selected in the list.
    fn other_pane(&mut self) {
        self.focus = match self.focus {
            Focus::Article => Focus::List,
            Focus::List => Focus::Article,
        };
        if self.focus == Focus::List {
            self.follow_selection();
        }
    }

    /// Left and Right in the lists: the list before or after the one shown.
    fn switch_list(&mut self, forward: bool) {
        let step = if forward { 1 } else { Kind::ALL.len() - 1 };
        self.tab = Kind::ALL[(tab_index(self.tab) + step) % Kind::ALL.len()];
        self.follow_selection();
    }

    /// T: filters the list shown by a tag picked from those its items have; when it is
    /// filtered already, shows all its items again.
    fn toggle_tag_filter(&mut self) {
        let kind = self.tab;
        let Some(slot) = self.slot() else {
            return;
        };
        if slot.filter(kind).is_some() {
            return self.clear_filter();
        }
        let picker = Picker::tag_filter(&slot.doc, kind);
        if picker.options.is_empty() {
            let how = self
                .keymap
                .key_for(self.mode(), Action::Tags)
                .map(|k| format!(" ({k} adds one)"))
                .unwrap_or_default();
            self.notify(format!("no {} has a tag{how}", kind.as_str()));
        } else {
            self.popups.push(Popup::Picker(picker));
        }
    }

    /// Shows only the items of the list of `kind` that have `tag`; the selection stays when
    /// its item has it, else goes to the next one that does.
    fn filter_by(&mut self, kind: Kind, tag: String) {
        self.tab = kind;
        let Some(slot) = self.slot_mut() else {
            return;
        };
        let t = tab_index(kind);
        slot.view.filter[t] = Some(tag.clone());
        slot.view.top[t] = 0;
        let (shown, all) = (slot.rows(kind).len(), edit::count(&slot.doc, kind));
        self.follow_selection();
        let clear = self.clear_keys();
        self.notify(format!(
            "{shown} of {all} {}s tagged “{}” · {clear} shows all",
            kind.as_str(),
            sanitize::one_line(&tag)
        ));
    }

    /// Drops the tag filter of the list shown; the selected item stays selected.
    fn clear_filter(&mut self) {
        let kind = self.tab;
        let Some(slot) = self.slot_mut() else {
            return;
        };
        slot.view.filter[tab_index(kind)] = None;
        let all = edit::count(&slot.doc, kind);
        self.keep_list_in_view();
        self.notify(format!("all {all} {}s shown", kind.as_str()));
    }

    /// The keys that drop a tag filter, for messages: "Esc or T".
    pub fn clear_keys(&self) -> String {
        [Action::Cancel, Action::TagFilter]
            .iter()
            .filter_map(|a| self.keymap.key_for(Mode::Normal, *a))
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join(" or ")
    }

    // ---- moving -------------------------------------------------------------------------

    fn step(&mut self, action: Action) {
        match self.focus {
            Focus::List => match action {
                Action::Up => self.move_selection(-1),
                Action::Down => self.move_selection(1),
                Action::Left => self.switch_list(false),
                _ => self.switch_list(true),
            },
            Focus::Article => {
                let text_width = self.screen().article.width;
                let lines = self.lines(text_width);
                let text = &self.articles[self.current].text;
                let Some(slot) = self.slots[self.current].as_mut() else {
                    return;
                };
                let cursor = slot.view.cursor;
                slot.view.cursor = match action {
                    Action::Left => text::prev_char(text, cursor),
                    Action::Right => text::next_char(text, cursor),
                    Action::Up => text::vertical(text, &lines, cursor, -1),
                    _ => text::vertical(text, &lines, cursor, 1),
                };
                self.cursor_into_view();
            }
        }
    }

    fn move_cursor(&mut self, action: Action) {
        let text = &self.articles[self.current].text;
        let Some(slot) = self.slots[self.current].as_mut() else {
            return;
        };
        let at = slot.view.cursor;
        let selecting = slot.view.anchor.is_some();
        slot.view.cursor = match action {
            // While selecting, forward moves stop at the end of the word or sentence, so the
            // selection does not take in the start of the next one.
            Action::WordForward if selecting => {
                text::prev_char(text, text::word_end(text, text::next_char(text, at)))
            }
            Action::SentenceForward if selecting => text::sentence_end(text, at),
            Action::WordForward => text::word_forward(text, at),
            Action::WordBack => text::word_back(text, at),
            Action::SentenceForward => text::sentence_forward(text, at),
            _ => text::sentence_back(text, at),
        };
        self.focus = Focus::Article;
        self.cursor_into_view();
    }

    fn page(&mut self, dir: i64) {
        let screen = self.screen();
        match self.focus {
            Focus::List => {
                let rows = i64::from(screen.list.height.max(2) - 1);
                self.move_selection(dir * rows);
            }
            Focus::Article => {
                let rows = i64::from(screen.article.height.max(2) - 1);
                self.scroll_by(dir * rows);
                let lines = self.lines(screen.article.width);
                let text = &self.articles[self.current].text;
                if let Some(slot) = self.slots[self.current].as_mut() {
                    slot.view.cursor = text::vertical(text, &lines, slot.view.cursor, dir * rows);
                }
                self.cursor_into_view();
            }
        }
    }

    fn ends(&mut self, end: bool) {
        match self.focus {
            Focus::List => self.move_selection(if end { i64::MAX / 2 } else { i64::MIN / 2 }),
            Focus::Article => {
                let len = self.article().text.len();
                if let Some(slot) = self.slot_mut() {
                    slot.view.cursor = if end { len } else { 0 };
                }
                self.cursor_into_view();
            }
        }
    }

    /// Scrolls the article by `rows` visual lines.
    pub fn scroll_by(&mut self, rows: i64) {
        let area = self.screen().article;
        let lines = self.lines(area.width);
        let Some(slot) = self.slot_mut() else {
            return;
        };
        let top = layout::line_of(&lines, slot.view.scroll) as i64;
        let last = (lines.len() as i64 - i64::from(area.height)).max(0);
        let to = (top + rows).clamp(0, last.max(top.min(last)));
        slot.view.scroll = lines.get(to as usize).map_or(0, |l| l.start);
    }

    /// After the view scrolled by itself (the wheel), the cursor comes along to the start of
    /// the nearest line shown, so what `v`, `c` or `m` act on next is on screen (a selection
    /// follows, as in vi).
    fn cursor_along(&mut self) {
        let area = self.screen().article;
        let lines = self.lines(area.width);
        let Some(slot) = self.slot_mut() else {
            return;
        };
        let to = layout::line_of(&lines, slot.view.scroll);
        let height = usize::from(area.height).max(1);
        let line = layout::line_of(&lines, slot.view.cursor);
        let into = if line < to {
            Some(to)
        } else if line >= to + height {
            Some(to + height - 1)
        } else {
            None
        };
        if let Some(l) = into.and_then(|k| lines.get(k)) {
            slot.view.cursor = l.start;
        }
    }

    /// Scrolls so that byte `at` is on screen, with a margin; far jumps put it a third down.
    fn show(&mut self, at: usize, margin: usize) {
        let area = self.screen().article;
        let height = usize::from(area.height);
        if height == 0 {
            return;
        }
        let lines = self.lines(area.width);
        let Some(slot) = self.slot_mut() else {
            return;
        };
        let top = layout::line_of(&lines, slot.view.scroll);
        let line = layout::line_of(&lines, at);
        let margin = margin.min(height.saturating_sub(1) / 2);
        let new_top = if line < top + margin {
            if top - line.min(top) > height {
                line.saturating_sub(height / 3)
            } else {
                line.saturating_sub(margin)
            }
        } else if line + margin >= top + height {
            if line - top > 2 * height {
                line.saturating_sub(height / 3)
            } else {
                line + margin + 1 - height
            }
        } else {
            top
        };
        slot.view.scroll = lines.get(new_top).map_or(0, |l| l.start);
    }

    fn cursor_into_view(&mut self) {
        if let Some(at) = self.slot().map(|s| s.view.cursor) {
            self.show(at, 2);
        }
    }

    /// Moves the selection of the list shown by `delta` rows, clamped (a filtered list's rows
    /// are the items it shows).
    fn move_selection(&mut self, delta: i64) {
        let tab = tab_index(self.tab);
        let kind = self.tab;
        let Some(slot) = self.slot_mut() else {
            return;
        };
        let rows = slot.rows(kind);
        if rows.is_empty() {
            return;
        }
        let now = rows.partition_point(|&i| i < slot.view.sel[tab]) as i64;
        let to = now.saturating_add(delta).clamp(0, rows.len() as i64 - 1);
        slot.view.sel[tab] = rows[to as usize];
        self.follow_selection();
    }

    /// Keeps the selected row in its list's view and the selected item in the article's.
    fn follow_selection(&mut self) {
        self.keep_list_in_view();
        let Some((kind, i)) = self.selected() else {
            return;
        };
        let text = &self.articles[self.current].text;
        let first = self.slot().and_then(|s| {
            s.ranges_of(text, kind, i)
                .into_iter()
                .map(|r| r.start)
                .min()
        });
        if let Some(at) = first {
            self.show(at, 1);
        }
    }

    /// Keeps the selection on an item the list shows (a gone or filtered-out item gives way
    /// to the next one shown, else the last) and its row on screen.
    fn keep_list_in_view(&mut self) {
        let height = usize::from(self.screen().list.height.max(1));
        let tab = tab_index(self.tab);
        let kind = self.tab;
        if let Some(slot) = self.slot_mut() {
            let rows = slot.rows(kind);
            let len = rows.len();
            let at = rows
                .partition_point(|&i| i < slot.view.sel[tab])
                .min(len.saturating_sub(1));
            if let Some(&i) = rows.get(at) {
                slot.view.sel[tab] = i;
            }
            let top = &mut slot.view.top[tab];
            if at < *top {
                *top = at;
            } else if at >= *top + height {
                *top = at + 1 - height;
            }
            *top = (*top).min(len.saturating_sub(height));
        }
    }

    fn jump(&mut self) {
        let Some((kind, i)) = self.selected() else {
            return;
        };
        let text = &self.articles[self.current].text;
        let Some(at) = self.slot().and_then(|s| {
            s.ranges_of(text, kind, i)
                .into_iter()
                .map(|r| r.start)
                .min()
        }) else {
            self.notify("the selected item has no place in the text");
            return;
        };
        if let Some(slot) = self.slot_mut() {
            slot.view.cursor = at;
        }
        let area = self.screen().article;
        let lines = self.lines(area.width);
        let line = layout::line_of(&lines, at).saturating_sub(usize::from(area.height) / 3);
        if let Some(slot) = self.slot_mut() {
            slot.view.scroll = lines.get(line).map_or(0, |l| l.start);
        }
        self.focus = Focus::Article;
    }

    /// Selects the next (or previous) annotation in reading order; while searching, the next
    /// match.
    fn next_annotation(&mut self, forward: bool) {
        if self.search.as_ref().is_some_and(|s| !s.matches.is_empty()) {
            return self.next_match(forward);
        }
        let from = match (self.focus, self.selected(), self.slot()) {
            (Focus::Article, _, Some(slot)) => (slot.view.cursor, None),
            (_, Some((kind, i)), Some(slot)) => {
                let at = slot.order.iter().find(|(_, k, j)| *k == kind && *j == i);
                (at.map_or(0, |(b, _, _)| *b), Some((kind, i)))
            }
            _ => (0, None),
        };
        let Some(slot) = self.slot() else {
            return;
        };
        let key = |o: &(usize, Kind, usize)| (o.0, tab_index(o.1), o.2);
        // Items a list's tag filter hides are passed over, as in the list.
        let place = |o: &&(usize, Kind, usize)| o.0 != usize::MAX && slot.shows(o.1, o.2);
        let pos = |o: &(usize, Kind, usize)| match from.1 {
            Some((k, i)) => key(o).cmp(&(from.0, tab_index(k), i)),
            None => o.0.cmp(&from.0).then(if forward {
                std::cmp::Ordering::Equal
            } else {
                std::cmp::Ordering::Greater
            }),
        };
        let found = if forward {
            slot.order
                .iter()
                .filter(place)
                .find(|o| pos(o).is_gt())
                .or_else(|| {
                    slot.order
                        .iter()
                        .filter(place)
                        .find(|o| from.1.is_none() && o.0 == from.0)
                })
        } else {
            slot.order
                .iter()
                .rev()
                .filter(place)
                .find(|o| pos(o).is_lt())
        };
        let Some(&(at, kind, i)) = found else {
            self.notify(if forward {
                "no annotation after this one"
            } else {
                "no annotation before this one"
            });
            return;
        };
        self.select(kind, i);
        if let Some(slot) = self.slot_mut() {
            slot.view.cursor = at;
        }
        self.follow_selection();
    }

    /// Moves the list's selection to the next (or previous) item it shows whose status is
    /// auto.
    fn next_unreviewed(&mut self, forward: bool) {
        let kind = self.tab;
        let Some(slot) = self.slot() else {
            return;
        };
        let sel = slot.view.sel[tab_index(kind)];
        let auto =
            |i: &&usize| edit::meta(&slot.doc, kind, **i).is_some_and(|m| m.status == Status::Auto);
        let rows = slot.rows(kind);
        let found = if forward {
            rows.iter().filter(|&&i| i > sel).find(auto)
        } else {
            rows.iter().rev().filter(|&&i| i < sel).find(auto)
        };
        match found.copied() {
            Some(i) => {
                self.select(kind, i);
                self.follow_selection();
            }
            None => {
                let left = rows.iter().filter(auto).count();
                let what = match slot.filter(kind) {
                    Some(tag) => format!("{} tagged “{}”", kind.as_str(), sanitize::one_line(tag)),
                    None => kind.as_str().to_string(),
                };
                self.notify(match left {
                    0 => format!("every {what} is reviewed"),
                    n => format!(
                        "no unreviewed {what} {} this one ({n} elsewhere)",
                        if forward { "after" } else { "before" }
                    ),
                });
            }
        }
    }

    fn next_match(&mut self, forward: bool) {
        let cursor = self.slot().map_or(0, |s| s.view.cursor);
        let Some(search) = self.search.as_mut() else {
            return;
        };
        let n = search.matches.len();
        let next = if forward {
            search
                .matches
                .iter()
                .position(|m| m.start > cursor)
                .unwrap_or(0)
        } else {
            search
                .matches
                .iter()
                .rposition(|m| m.start < cursor)
                .unwrap_or(n - 1)
        };
        search.current = next;
        let at = search.matches[next].start;
        let msg = format!("match {} of {n}", next + 1);
        if let Some(slot) = self.slot_mut() {
            slot.view.cursor = at;
        }
        self.show(at, 3);
        self.notify(msg);
    }

    /// Selects item `i` of `kind` in its list, showing that list. When the list's tag filter
    /// hides the item, the filter goes (and says so): the item asked for is the one selected.
    pub fn select(&mut self, kind: Kind, i: usize) {
        self.tab = kind;
        let mut unfiltered = None;
        if let Some(slot) = self.slot_mut() {
            slot.view.sel[tab_index(kind)] = i;
            if !slot.shows(kind, i) && i < edit::count(&slot.doc, kind) {
                unfiltered = slot.view.filter[tab_index(kind)].take();
            }
        }
        self.keep_list_in_view();
        if let Some(tag) = unfiltered {
            self.notify(format!(
                "tag filter “{}” dropped to show this {}",
                sanitize::one_line(&tag),
                kind.as_str()
            ));
        }
    }

    fn switch_article(&mut self, forward: bool) {
        let n = self.articles.len();
        if n < 2 {
            self.notify("this is the only article");
            return;
        }
        self.current = if forward {
            (self.current + 1) % n
        } else {
            (self.current + n - 1) % n
        };
        self.search = None;
        if self.slot().is_none() {
            // Opened by `open_pending` once a frame says so, or off the UI thread.
            self.notify(format!("{OPENING}: reading or extracting the annotations…"));
        } else {
            self.greet();
        }
    }

    /// Whether the current article still has to be opened.
    pub fn needs_open(&self) -> bool {
        self.slot().is_none()
    }

    /// Opens the current article if it is not open yet (unless the caller opens articles).
    pub fn open_pending(&mut self) {
        if !self.deferred && self.needs_open() {
            self.message = None;
            self.open_current();
            self.keep_list_in_view();
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let screen = self.screen();
        let p = Position::new(x, y);
        if screen.article.contains(p) {
            let lines = self.lines(screen.article.width);
            let text = &self.articles[self.current].text;
            let Some(slot) = self.slots[self.current].as_mut() else {
                return;
            };
            let top = layout::line_of(&lines, slot.view.scroll);
            let Some(line) = lines.get(top + usize::from(y - screen.article.y)) else {
                return;
            };
            let at = text::at_column(text, *line, usize::from(x - screen.article.x));
            slot.view.cursor = at;
            self.focus = Focus::Article;
            // The narrowest mark under the click: a mention or cue inside a claim's content.
            let hit = slot
                .marks_in(at..at + 1)
                .iter()
                .filter(|m| m.start <= at && at < m.end)
                .min_by_key(|m| m.end - m.start)
                .copied();
            if let Some(m) = hit {
                self.select(m.kind, m.index);
            }
        } else if screen.list.contains(p) {
            let tab = tab_index(self.tab);
            let row = self.slot().map_or(0, |s| s.view.top[tab]) + usize::from(y - screen.list.y);
            let item = self.slot().and_then(|s| s.rows(self.tab).get(row).copied());
            self.focus = Focus::List;
            if let Some(i) = item {
                self.select(self.tab, i);
                self.follow_selection();
            }
        } else if screen.lists_block.contains(p) && y == screen.lists_block.y {
            // The list titles on the border, drawn from the same `tab_titles`.
            let mut left = screen.lists_block.x + 1;
            let mut hit = None;
            for (kind, title) in self.tab_titles(screen.lists_block.width) {
                let right = left.saturating_add(title.width() as u16);
                if x >= left && x < right {
                    hit = Some(kind);
                }
                left = right.saturating_add(1);
            }
            if let Some(kind) = hit {
                self.tab = kind;
                self.focus = Focus::List;
                self.keep_list_in_view();
            }
        }
    }

    fn wheel(&mut self, x: u16, y: u16, rows: i64) {
        let screen = self.screen();
        if screen.list.contains(Position::new(x, y)) {
            self.focus = Focus::List;
            self.move_selection(rows.signum());
        } else {
            self.scroll_by(rows);
            self.cursor_along();
        }
    }

    // ---- reviewing ----------------------------------------------------------------------

    /// Applies an edit to the current document, records it, and refreshes what depends on it.
    fn apply(&mut self, edit: Edit) -> bool {
        let text = &self.articles[self.current].text;
        let Some(slot) = self.slots[self.current].as_mut() else {
            return false;
        };
        match slot.history.apply(&mut slot.doc, edit) {
            Ok(()) => {
                slot.refresh(text);
                self.changed = true;
                // An item the edit took out of a filtered list gives way to the next one.
                self.keep_list_in_view();
                true
            }
            Err(e) => {
                self.notify(format!("not changed: {e}"));
                false
            }
        }
    }

    fn review(&mut self, status: Status) {
        let Some((kind, i)) = self.selected() else {
            self.notify("nothing selected");
            return;
        };
        let Some(slot) = self.slot() else {
            return;
        };
        let Some(item) = edit::get(&slot.doc, kind, i) else {
            return;
        };
        if item.meta().status == status {
            self.notify(format!(
                "{} {} is already {}",
                kind.as_str(),
                item.id(),
                status.as_str()
            ));
        } else if item.meta().status == Status::Manual && status == Status::Accepted {
            self.notify(format!("{} {} was made by hand", kind.as_str(), item.id()));
        } else if let Ok(edit) = edit::set_status(&slot.doc, kind, i, status)
            && self.apply(edit)
        {
            self.notify(format!(
                "{} {}: {}",
                kind.as_str(),
                item.id(),
                status.as_str()
            ));
        }
        if self.focus == Focus::List {
            self.move_selection(1);
        }
    }

    fn delete(&mut self) {
        let Some((kind, i)) = self.selected() else {
            return;
        };
        let Some(slot) = self.slot() else {
            return;
        };
        match edit::delete(&slot.doc, kind, i) {
            Ok(edit) => {
                if self.apply(edit) {
                    self.notify(format!("{} deleted (u undoes)", kind.as_str()));
                    self.keep_list_in_view();
                }
            }
            Err(e) => self.notify(e.to_string()),
        }
    }

    fn undo(&mut self, undo: bool) {
        let text = &self.articles[self.current].text;
        let Some(slot) = self.slots[self.current].as_mut() else {
            return;
        };
        let result = if undo {
            slot.history.undo(&mut slot.doc)
        } else {
            slot.history.redo(&mut slot.doc)
        };
        match result {
            Ok(Some(edit)) => {
                let focus = edit.focus();
                let steps = match edit {
                    Edit::Batch(steps) => steps.len(),
                    Edit::Replace { .. } => 1,
                };
                slot.refresh(text);
                self.changed = true;
                let mut what = String::new();
                if let Some((kind, i)) = focus {
                    let len = self.slot().map_or(0, |s| edit::count(&s.doc, kind));
                    self.select(kind, i.min(len.saturating_sub(1)));
                    self.follow_selection();
                    if let Some(item) = self.selected_item() {
                        what = format!(": {} {}", kind.as_str(), item.id());
                    }
                }
                let verb = if undo { "undone" } else { "redone" };
                let more = if steps > 1 {
                    format!(" ({steps} changes)")
                } else {
                    String::new()
                };
                self.notify(format!("{verb}{what}{more}"));
            }
            Ok(None) => self.notify(if undo {
                "nothing to undo"
            } else {
                "nothing to redo"
            }),
            Err(e) => self.notify(format!("history: {e}")),
        }
    }

    /// Saves every article with changes, and the current one in any case. True when all
    /// saves succeeded.
    pub fn save(&mut self) -> bool {
        let current = self.current;
        let mut saved = 0;
        let mut failed = Vec::new();
        for (i, slot) in self.slots.iter_mut().enumerate() {
            let Some(slot) = slot.as_mut() else {
                continue;
            };
            if !slot.is_dirty() && i != current {
                continue;
            }
            match store::save(&slot.save_to, &slot.doc) {
                Ok(()) => {
                    slot.history.mark_saved();
                    slot.origin = Origin::Saved;
                    if let Err(e) = store::remove_recovery(&slot.save_to) {
                        failed.push(e.to_string());
                    }
                    saved += 1;
                }
                Err(e) => failed.push(e.to_string()),
            }
        }
        if failed.is_empty() {
            let place = self
                .slot()
                .map(|s| s.save_to.display().to_string())
                .unwrap_or_default();
            self.notify(if saved == 1 {
                format!("saved {place}")
            } else {
                format!("saved {saved} files")
            });
            true
        } else {
            self.notify(format!("save failed: {}", failed.join("; ")));
            false
        }
    }

    // ---- the article cursor and new annotations -------------------------------------------

    fn toggle_selection(&mut self) {
        self.focus = Focus::Article;
        if let Some(slot) = self.slot_mut() {
            slot.view.anchor = match slot.view.anchor {
                Some(_) => None,
                None => Some(slot.view.cursor),
            };
        }
    }

    /// The range a new annotation covers: the selection, else the word at the cursor.
    fn target_range(&self) -> Option<Range<usize>> {
        let slot = self.slot()?;
        let text = &self.article().text;
        let r = self
            .selection()
            .unwrap_or_else(|| text::snap(text, slot.view.cursor, slot.view.cursor));
        (r.end > r.start).then_some(r)
    }

    fn make(&mut self, purpose: fn(Range<usize>) -> Purpose) {
        let Some(range) = self.target_range() else {
            self.notify("put the cursor on a word, or select text with v first");
            return;
        };
        let Some(slot) = self.slot() else {
            return;
        };
        let text = &self.article().text;
        let shown = sanitize::one_line(&text[range.clone()]).into_owned();
        let picker = Picker::actors(&slot.doc, purpose(range), &shown);
        self.popups.push(Popup::Picker(picker));
    }

    fn make_claim(&mut self) {
        let Some(range) = self.target_range() else {
            self.notify("select the claim's content with v first");
            return;
        };
        let text = &self.articles[self.current].text;
        let Some(slot) = self.slot() else {
            return;
        };
        let claim = edit::new_claim(&slot.doc, Span::from_bytes_with(&slot.map, text, range));
        let edit = edit::add(&slot.doc, Item::Claim(claim));
        if self.apply(edit.clone()) {
            if let Some((kind, i)) = edit.focus() {
                self.select(kind, i);
            }
            if let Some(slot) = self.slot_mut() {
                slot.view.anchor = None;
            }
            self.open_form(Some("Speaker"));
            self.notify("claim made: pick its speaker (Enter), or Esc to leave it unattributed");
        }
    }

    /// Removes the mention under the cursor from its actor (the actor stays, even with none).
    fn remove_mention(&mut self) {
        let text = &self.articles[self.current].text;
        let Some(slot) = self.slot() else {
            return;
        };
        let at = slot.map.to_char(text, slot.view.cursor);
        let found = slot.doc.actors.iter().enumerate().find_map(|(i, a)| {
            let m = a.mentions.iter().position(|m| m.contains(at))?;
            Some((i, m))
        });
        let Some((i, m)) = found else {
            self.notify("the cursor is not on a mention");
            return;
        };
        let edit = edit::change(&slot.doc, Kind::Actor, i, |item| {
            if let Item::Actor(a) = item {
                a.mentions.remove(m);
            }
        });
        self.apply_and_select(edit);
        self.notify("mention removed (u undoes)");
    }

    /// The selected claim and the span the selection (or the word at the cursor) covers, to
    /// become its `part`; when either is missing, a notice says what to do.
    fn part_of_selected_claim(&mut self, part: &str) -> Option<(usize, Span)> {
        let Some((Kind::Claim, i)) = self.selected() else {
            self.notify(format!(
                "pick the claim in the claims list and press Enter, then mark its {part} here"
            ));
            return None;
        };
        let Some(range) = self.target_range() else {
            self.notify(format!("put the cursor on the {part}, or select it with v"));
            return None;
        };
        let slot = self.slot()?;
        Some((
            i,
            Span::from_bytes_with(&slot.map, &self.article().text, range),
        ))
    }

    /// The selection (or the word at the cursor) becomes the cue of the selected claim.
    fn make_cue(&mut self) {
        let Some((i, cue)) = self.part_of_selected_claim("cue") else {
            return;
        };
        let Some(slot) = self.slot() else {
            return;
        };
        let edit = edit::change(&slot.doc, Kind::Claim, i, |item| {
            if let Item::Claim(c) = item {
                c.cue = Some(cue);
            }
        });
        self.apply_and_select(edit);
        if let Some(slot) = self.slot_mut() {
            slot.view.anchor = None;
        }
    }

    /// The selection (or the word at the cursor) becomes the source of the selected claim.
    /// When most of it is a mention of an actor, that actor becomes the speaker; otherwise (a
    /// description such as "a former minister") the speaker stays as it was.
    fn make_source(&mut self) {
        let Some((i, source)) = self.part_of_selected_claim("source") else {
            return;
        };
        let Some(slot) = self.slot() else {
            return;
        };
        let named = speaker_named_by(&slot.doc, &source);
        let edit = edit::change(&slot.doc, Kind::Claim, i, |item| {
            if let Item::Claim(c) = item {
                c.source = Some(source.clone());
                if let Some(id) = &named {
                    c.actor = Some(id.clone());
                }
            }
        });
        let speaker = match edit::get(&slot.doc, Kind::Claim, i) {
            Some(Item::Claim(c)) => named.clone().or(c.actor),
            _ => None,
        };
        let speaker = speaker
            .and_then(|id| slot.doc.actor(&id).map(|a| a.name.clone()))
            .unwrap_or_else(|| "nobody".into());
        let how = if named.is_some() {
            ""
        } else {
            " (e changes it)"
        };
        let done = format!(
            "source “{}”, speaker {}{how}",
            sanitize::one_line(&source.text),
            sanitize::one_line(&speaker)
        );
        match edit {
            Ok(edit) => {
                if self.apply(edit) {
                    self.select(Kind::Claim, i);
                    self.notify(done);
                }
            }
            Err(e) => self.notify(e.to_string()),
        }
        if let Some(slot) = self.slot_mut() {
            slot.view.anchor = None;
        }
    }

    fn adjust_span(&mut self, action: Action) {
        let Some((kind, i)) = self.selected() else {
            return;
        };
        let text = &self.articles[self.current].text;
        let Some(slot) = self.slot() else {
            return;
        };
        let cursor = slot.view.cursor;
        let map = &slot.map;
        let resize = |span: &Span| -> Option<Span> {
            let r = span.byte_range(map, text);
            let r = match action {
                Action::GrowStart => text::word_back(text, r.start)..r.end,
                Action::ShrinkStart => text::word_forward(text, r.start)..r.end,
                Action::GrowEnd => r.start..text::word_end(text, text::word_forward(text, r.end)),
                _ => r.start..text::prev_word_end(text, r.end),
            };
            (r.end > r.start).then(|| Span::from_bytes_with(map, text, r))
        };
        let mut failed = false;
        let edit = edit::change(&slot.doc, kind, i, |item| match item {
            Item::Actor(a) => {
                // The mention under the cursor, else the first.
                let at = map.to_char(text, cursor);
                let m = a.mentions.iter().position(|m| m.contains(at)).unwrap_or(0);
                match a.mentions.get(m).and_then(resize) {
                    Some(s) => a.mentions[m] = s,
                    None => failed = true,
                }
            }
            Item::Claim(c) => match resize(&c.content) {
                Some(s) => c.content = s,
                None => failed = true,
            },
            Item::Stance(s) => match s.evidence.as_ref().and_then(resize) {
                Some(e) => s.evidence = Some(e),
                None => failed = true,
            },
        });
        match edit {
            Ok(_) if failed => self.notify("the span cannot shrink further"),
            Ok(edit) => {
                self.apply(edit);
            }
            Err(e) => self.notify(e.to_string()),
        }
    }

    // ---- popups -------------------------------------------------------------------------

    fn update_help(&mut self, action: Action) {
        let Some(Popup::Help { scroll }) = self.popups.last_mut() else {
            return;
        };
        match action {
            Action::Cancel | Action::Help | Action::Quit => {
                self.popups.pop();
            }
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = scroll.saturating_add(10),
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            Action::Resize(w, h) => self.resize(w, h),
            _ => {}
        }
    }

    /// The stance matrix of the current article's document.
    pub fn stance_matrix(&self) -> StanceMatrix {
        self.slot()
            .map(|s| stats::stance_matrix(&[&s.doc]))
            .unwrap_or_default()
    }

    fn update_matrix(&mut self, action: Action) {
        let matrix = self.stance_matrix();
        let last_row = matrix.actors.len().saturating_sub(1);
        let last_col = matrix.targets.len().saturating_sub(1);
        let page = usize::from(self.size.1.saturating_sub(12).max(1));
        let Some(Popup::Matrix { row, col }) = self.popups.last_mut() else {
            return;
        };
        match action {
            Action::Cancel | Action::Matrix | Action::Quit => {
                self.popups.pop();
            }
            Action::Down => *row = (*row + 1).min(last_row),
            Action::Up => *row = row.saturating_sub(1),
            Action::PageDown => *row = (*row + page).min(last_row),
            Action::PageUp => *row = row.saturating_sub(page),
            Action::Top => *row = 0,
            Action::Right => *col = (*col + 1).min(last_col),
            Action::Left => *col = col.saturating_sub(1),
            Action::Resize(w, h) => self.resize(w, h),
            _ => {}
        }
    }

    /// Exports the current article's document (rejected items left out) as `format` into
    /// `exports/` beside its annotation file, and says where (or what went wrong).
    pub fn export(&mut self, format: Format) {
        match self.export_to(format) {
            Ok(path) => self.notify(format!(
                "exported to {}",
                sanitize::one_line(&path.display().to_string())
            )),
            Err(e) => self.notify(format!("export failed: {}", sanitize::one_line(&e))),
        }
    }

    /// Where an export of the current article in `format` goes: a file, or a directory for
    /// the formats that write several files.
    pub fn export_path(&self, format: Format) -> Option<PathBuf> {
        let slot = self.slot()?;
        let dir = slot
            .save_to
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."))
            .join("exports");
        let stem = store::file_stem(&self.article().id);
        let name = match format {
            Format::Brat | Format::Csv | Format::Network => format!("{stem}-{format}"),
            Format::W3c => format!("{stem}.w3c.json"),
            Format::Doccano | Format::Polnear => format!("{stem}.{format}.jsonl"),
            Format::Gloss => format!("{stem}.json"),
        };
        Some(dir.join(name))
    }

    fn export_to(&self, format: Format) -> Result<PathBuf, String> {
        if !format.exports() {
            return Err(format!("gloss cannot export to {format}"));
        }
        let (Some(slot), Some(out)) = (self.slot(), self.export_path(format)) else {
            return Err("the article is not open".into());
        };
        let texts = Texts::new(vec![self.article().clone()]);
        let docs = vec![(slot.save_to.clone(), slot.doc.clone())];
        let built = cli_export::build(format, Include::Auto, &docs, &texts, Some(&out))
            .map_err(|e| e.to_string())?;
        match built {
            Built::Files(files) => cli_export::write_all(&files).map_err(|e| e.to_string())?,
            Built::Stdout(_) => return Err(format!("{format}: nothing was written")),
        }
        Ok(out)
    }

    fn update_confirm(&mut self, action: Action) {
        match action {
            Action::SaveQuit => {
                self.popups.pop();
                if self.save() {
                    self.should_quit = true;
                }
            }
            Action::Discard => self.discard_and_quit(),
            Action::Cancel => {
                self.popups.pop();
            }
            Action::Resize(w, h) => self.resize(w, h),
            _ => {}
        }
    }

    fn update_recover(&mut self, action: Action) {
        let Some(Popup::Recover(path)) = self.popups.last().cloned() else {
            return;
        };
        match action {
            Action::Restore => {
                self.popups.pop();
                let article = &self.articles[self.current];
                let Some(slot) = self.slots[self.current].as_mut() else {
                    return;
                };
                let mut opened = store::Opened {
                    doc: slot.doc.clone(),
                    origin: slot.origin,
                    save_to: slot.save_to.clone(),
                    notices: Vec::new(),
                    recovery: Some(path),
                    unsaved: slot.is_dirty(),
                };
                match store::open_recovery(&mut opened, article) {
                    Ok(()) => {
                        // The restored work is not saved yet: a fresh history, marked unsaved.
                        slot.doc = opened.doc;
                        slot.history = History::new();
                        slot.history.mark_unsaved();
                        slot.refresh(&article.text);
                        self.changed = true;
                        self.keep_list_in_view();
                        self.notify(format!("{} · Ctrl-s saves it", opened.notices.join(" · ")));
                    }
                    Err(e) => self.notify(format!("could not restore: {e}")),
                }
            }
            Action::Discard => {
                self.popups.pop();
                let removed = self.slot().map(|s| store::remove_recovery(&s.save_to));
                match removed {
                    Some(Err(e)) => self.notify(format!("could not discard: {e}")),
                    _ => self.notify("discarded the unsaved work of the earlier session"),
                }
            }
            Action::Resize(w, h) => self.resize(w, h),
            _ => {}
        }
    }

    fn update_search(&mut self, action: Action) {
        match action {
            Action::Confirm => {
                self.popups.pop();
                match &self.search {
                    Some(s) if s.query.text().is_empty() => self.search = None,
                    Some(s) => {
                        let n = s.matches.len();
                        // Enter goes to the match shown, as in vi: the cursor stands on it,
                        // so `v`, `c` or `m` act there.
                        let at = s.matches.get(s.current).map(|m| m.start);
                        if let Some(at) = at
                            && let Some(slot) = self.slot_mut()
                        {
                            slot.view.cursor = at;
                        }
                        self.notify(format!("{n} matches · n next · N previous · Esc drops"));
                    }
                    None => {}
                }
            }
            Action::Cancel => {
                self.popups.pop();
                self.search = None;
            }
            Action::Resize(w, h) => self.resize(w, h),
            // Typing and editing the query; a changed query searches again.
            action => {
                if self.search.as_mut().is_some_and(|s| s.query.apply(action)) {
                    self.run_search();
                }
            }
        }
    }

    fn run_search(&mut self) {
        let text = &self.articles[self.current].text;
        let cursor = self.slot().map_or(0, |s| s.view.cursor);
        let Some(search) = self.search.as_mut() else {
            return;
        };
        search.matches = text::find_all(text, search.query.text(), 100_000);
        search.current = search
            .matches
            .iter()
            .position(|m| m.start >= cursor)
            .unwrap_or(0);
        if let Some(at) = search.matches.get(search.current).map(|m| m.start) {
            self.show(at, 3);
        }
    }

    /// Opens the edit form of the selected item, with the named field focused.
    fn open_form(&mut self, field: Option<&str>) {
        let Some((kind, i)) = self.selected() else {
            self.notify("nothing selected");
            return;
        };
        let Some(slot) = self.slot() else {
            return;
        };
        if let Some(mut form) = Form::for_item(&slot.doc, kind, i) {
            if let Some(name) = field {
                form.focus_field(name);
            }
            self.popups.push(Popup::Form(form));
        }
    }

    fn open_actor_form(&mut self, field: &str) {
        if self.selected().is_some_and(|(k, _)| k == Kind::Actor) {
            self.open_form(Some(field));
        } else {
            self.notify("select an actor first (in the lists, ← → go to the actors)");
        }
    }

    fn open_tags(&mut self) {
        let Some((kind, i)) = self.selected() else {
            self.notify("nothing selected");
            return;
        };
        let Some(slot) = self.slot() else {
            return;
        };
        self.popups
            .push(Popup::Picker(Picker::tags(&slot.doc, kind, i)));
    }

    fn open_merge(&mut self) {
        match self.selected() {
            Some((Kind::Actor, i)) => {
                if let Some(slot) = self.slot() {
                    self.popups.push(Popup::Picker(Picker::merge(&slot.doc, i)));
                }
            }
            _ => self.notify("select an actor to merge (in the lists, ← → go to the actors)"),
        }
    }

    fn update_form(&mut self, action: Action) {
        let Some(Popup::Form(form)) = self.popups.last_mut() else {
            return;
        };
        match action {
            Action::Input(c) => form.type_char(c),
            Action::Backspace => form.edit_text(TextInput::backspace),
            Action::DeleteForward => form.edit_text(TextInput::delete),
            Action::DeleteWordBack => form.edit_text(TextInput::delete_word_back),
            Action::DeleteToStart => form.edit_text(TextInput::delete_to_start),
            Action::LineStart => form.edit_text(TextInput::home),
            Action::LineEnd => form.edit_text(TextInput::end),
            Action::NextField | Action::Down => form.move_focus(1),
            Action::PrevField | Action::Up => form.move_focus(-1),
            Action::Left => form.step(-1),
            Action::Right => form.step(1),
            Action::Cancel => {
                self.popups.pop();
            }
            Action::Save => {
                let Some(Popup::Form(form)) = self.popups.pop() else {
                    return;
                };
                self.submit_form(form);
            }
            Action::Confirm => {
                if form.on_actor_field() {
                    let purpose = Purpose::FormActor;
                    let current = form.actor_value();
                    if let Some(slot) = self.slot() {
                        let mut picker = Picker::actors(&slot.doc, purpose, "");
                        picker.preselect(current.as_deref());
                        self.popups.push(Popup::Picker(picker));
                    }
                    return;
                }
                let Some(Popup::Form(form)) = self.popups.pop() else {
                    return;
                };
                self.submit_form(form);
            }
            Action::Resize(w, h) => self.resize(w, h),
            _ => {}
        }
    }

    fn submit_form(&mut self, form: Form) {
        let Some(slot) = self.slot() else {
            return;
        };
        match form.to_edit(&slot.doc) {
            Ok(Some(edit)) => {
                if self.apply(edit) {
                    self.notify("saved the changes to the item (Ctrl-s writes the file)");
                }
            }
            Ok(None) => self.notify("no changes"),
            Err(e) => self.notify(e),
        }
    }

    fn update_picker(&mut self, action: Action) {
        let Some(Popup::Picker(picker)) = self.popups.last_mut() else {
            return;
        };
        match action {
            Action::Down => picker.move_selection(1),
            Action::Up => picker.move_selection(-1),
            Action::Cancel => {
                self.popups.pop();
            }
            Action::Confirm => {
                let Some(Popup::Picker(picker)) = self.popups.pop() else {
                    return;
                };
                self.choose(picker);
            }
            Action::Resize(w, h) => self.resize(w, h),
            action => picker.edit(action),
        }
    }

    /// Acts on what was chosen in a picker.
    fn choose(&mut self, picker: Picker) {
        let Some(choice) = picker.chosen() else {
            return;
        };
        match picker.purpose {
            Purpose::Export => {
                match choice.value.as_deref().map(str::parse::<Format>) {
                    Some(Ok(format)) => self.export(format),
                    _ => self.notify("export failed: no such format"),
                }
                return;
            }
            Purpose::TagFilter(kind) => {
                if let Some(tag) = choice.value {
                    self.filter_by(kind, tag);
                }
                return;
            }
            _ => {}
        }
        let text = &self.articles[self.current].text;
        let Some(slot) = self.slot() else {
            return;
        };
        let doc = &slot.doc;
        let span_of = |r: &Range<usize>| Span::from_bytes_with(&slot.map, text, r.clone());
        let name_of = |r: &Range<usize>| sanitize::one_line(&text[r.clone()]).into_owned();
        match picker.purpose {
            Purpose::FormActor => {
                if let Some(Popup::Form(form)) = self.popups.last_mut() {
                    form.set_actor(
                        choice.value.clone(),
                        &choice.label,
                        picker.query.text().trim(),
                    );
                    form.move_focus(1);
                }
            }
            Purpose::Mention(range) => {
                let mention = span_of(&range);
                let new = choice.value.is_none();
                let edit = match choice.value {
                    Some(id) => {
                        let Some(i) = doc.actors.iter().position(|a| a.id == id) else {
                            return;
                        };
                        edit::change(doc, Kind::Actor, i, |item| {
                            if let Item::Actor(a) = item {
                                a.mentions.push(mention);
                                a.mentions.sort_by_key(|m| (m.start, m.end));
                            }
                        })
                    }
                    None => {
                        let name = new_name(picker.query.text(), &name_of(&range));
                        Ok(edit::add(
                            doc,
                            Item::Actor(edit::new_actor(doc, &name, mention)),
                        ))
                    }
                };
                self.apply_and_select(edit);
                if let Some(slot) = self.slot_mut() {
                    slot.view.anchor = None;
                }
                if new {
                    // A new actor needs its kind: offer the form on that field.
                    self.open_form(Some("Kind"));
                }
            }
            Purpose::StanceActor(range) => {
                let evidence = span_of(&range);
                let (actor_id, pre) = match choice.value {
                    Some(id) => (id, None),
                    None => {
                        let name = new_name(picker.query.text(), &name_of(&range));
                        let actor = edit::new_actor(doc, &name, evidence.clone());
                        (actor.id.clone(), Some(edit::add(doc, Item::Actor(actor))))
                    }
                };
                let mut steps: Vec<Edit> = pre.into_iter().collect();
                let mut after = doc.clone();
                for s in &steps {
                    let _ = s.apply(&mut after);
                }
                let stance = edit::new_stance(&after, &actor_id, evidence);
                steps.push(edit::add(&after, Item::Stance(stance)));
                let edit = Edit::Batch(steps);
                let stance_at = edit::count(doc, Kind::Stance);
                if self.apply(edit) {
                    self.select(Kind::Stance, stance_at);
                    if let Some(slot) = self.slot_mut() {
                        slot.view.anchor = None;
                    }
                    self.open_form(Some("Target"));
                }
            }
            Purpose::Tag(kind, i) => {
                let tag = choice
                    .value
                    .unwrap_or_else(|| picker.query.text().trim().to_string());
                if tag.is_empty() {
                    return;
                }
                let edit = edit::toggle_tag(doc, kind, i, &tag);
                if slot.filter(kind) == Some(tag.as_str()) {
                    // Taking the filter's tag off an item takes it out of the filtered list:
                    // the selection goes on to the next item that has the tag.
                    self.untag_filtered(edit, kind, &tag);
                } else {
                    self.apply_and_select(edit);
                }
            }
            Purpose::Merge(gone) => {
                let Some(keep) = choice
                    .value
                    .and_then(|id| doc.actors.iter().position(|a| a.id == id))
                else {
                    return;
                };
                let names = (doc.actors[gone].name.clone(), doc.actors[keep].name.clone());
                match edit::merge_actors(doc, keep, gone) {
                    Ok(edit) => {
                        if self.apply(edit) {
                            let keep = if gone < keep { keep - 1 } else { keep };
                            self.select(Kind::Actor, keep);
                            self.notify(format!(
                                "merged {} into {}",
                                sanitize::one_line(&names.0),
                                sanitize::one_line(&names.1)
                            ));
                        }
                    }
                    Err(e) => self.notify(e.to_string()),
                }
            }
            // Handled above, before the document is borrowed.
            Purpose::Export | Purpose::TagFilter(_) => {}
        }
    }

    /// Applies `edit`, which removes the tag the list of `kind` is filtered by from its selected
    /// item, and says how many items are left.
    fn untag_filtered(&mut self, edit: Result<Edit, edit::EditError>, kind: Kind, tag: &str) {
        match edit {
            Ok(edit) => {
                if self.apply(edit) {
                    self.tab = kind;
                    self.follow_selection();
                    let left = self.slot().map_or(0, |s| s.rows(kind).len());
                    self.notify(format!(
                        "tag “{}” removed · {left} {}s left with it",
                        sanitize::one_line(tag),
                        kind.as_str()
                    ));
                }
            }
            Err(e) => self.notify(e.to_string()),
        }
    }

    fn apply_and_select(&mut self, edit: Result<Edit, edit::EditError>) {
        match edit {
            Ok(edit) => {
                let focus = edit.focus();
                if self.apply(edit)
                    && let Some((kind, i)) = focus
                {
                    self.select(kind, i);
                }
            }
            Err(e) => self.notify(e.to_string()),
        }
    }
}

/// The actor a claim's source names: the one with a mention covering more than half of it,
/// the most when several do. Rejected actors name nobody.
fn speaker_named_by(doc: &Document, source: &Span) -> Option<String> {
    let overlap = |m: &Span| {
        m.end
            .min(source.end)
            .saturating_sub(m.start.max(source.start))
    };
    doc.actors
        .iter()
        .filter(|a| !a.meta.is_rejected())
        .filter_map(|a| {
            let best = a
                .mentions
                .iter()
                .filter(|m| !m.orphaned)
                .map(overlap)
                .max()?;
            (best * 2 > source.len()).then_some((best, a))
        })
        .max_by_key(|(best, a)| (*best, std::cmp::Reverse(a.id.clone())))
        .map(|(_, a)| a.id.clone())
}

/// The name of a new actor: what was typed in the picker, else the selected text.
fn new_name(query: &str, selected: &str) -> String {
    let q = query.trim();
    if q.is_empty() {
        selected.trim().to_string()
    } else {
        q.to_string()
    }
}

/// The position of a list in `View::sel`.
pub fn tab_index(kind: Kind) -> usize {
    match kind {
        Kind::Actor => 0,
        Kind::Claim => 1,
        Kind::Stance => 2,
    }
}
