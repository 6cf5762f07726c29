//! The terminal UI: read an article, review and correct its annotations, save.
//!
//! Keys become `Action`s through the keymap, `App::update` is the one place state changes, and
//! the views in `view` draw `&App`. This module is the imperative shell: the terminal, the event
//! loop, the crash-recovery snapshot.

pub mod action;
pub mod app;
#[doc(hidden)]
pub mod fixture;
pub mod form;
pub mod geometry;
pub mod input;
pub mod keymap;
pub mod layout;
#[cfg(test)]
mod tests;
pub mod text;
pub mod view;

use std::collections::BTreeMap;
use std::io::{Write, stdout};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, KeyModifiers, MouseButton,
    MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use serde::Deserialize;

use crate::article::Article;
use crate::article::load;
use crate::model::Document;
use crate::store;
use action::Action;
use app::App;
use keymap::{Key, Keymap};

/// What `gloss [PATH]` was asked to open.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// What to open; none opens `seeds/` when there is one, else the embedded sample.
    pub path: Option<PathBuf>,
    /// `--annotations DIR`.
    pub annotations: Option<PathBuf>,
}

/// Settings from `config.toml` in the config directory.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Seconds between writes of the crash-recovery file while there are unsaved changes.
    pub autosave_secs: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config { autosave_secs: 60 }
    }
}

impl Config {
    /// Reads `config.toml` from `dir`; a missing file gives the defaults, a bad one a message.
    pub fn load(dir: Option<&Path>) -> (Config, Option<String>) {
        let Some(path) = dir.map(|d| d.join("config.toml")) else {
            return (Config::default(), None);
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            return (Config::default(), None);
        };
        match toml::from_str(&text) {
            Ok(config) => (config, None),
            Err(e) => (Config::default(), Some(format!("{}: {e}", path.display()))),
        }
    }
}

/// The articles to open and what went wrong loading the others.
pub fn load_articles(path: Option<&Path>) -> Result<(Vec<Article>, Vec<String>), String> {
    let default = Path::new("seeds");
    let path = match path {
        Some(p) => p,
        None if default.is_dir() => default,
        None => return Ok((vec![load::embedded_sample()], Vec::new())),
    };
    let loaded = load::load(path).map_err(|e| e.to_string())?;
    let errors: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
    if loaded.articles.is_empty() {
        return Err(match errors.first() {
            Some(first) => format!("no article could be read: {first}"),
            None => format!("{}: no articles", path.display()),
        });
    }
    Ok((loaded.articles, errors))
}

type Snapshot = Arc<Mutex<BTreeMap<PathBuf, Document>>>;

/// On a panic, writes a recovery file for each document in the snapshot, then lets the
/// previous hook report the panic.
fn install_recovery_hook(snapshot: Snapshot) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // An opener's panic is caught and shown as a notice (`OpenRequest::open`): the
        // screen is still in use, so nothing is written to it and it is not restored.
        if std::thread::current().name() == Some(app::OPENER_THREAD) {
            return;
        }
        if let Ok(docs) = snapshot.try_lock() {
            for (path, doc) in docs.iter() {
                match store::write_recovery(path, doc) {
                    Ok(()) => eprintln!(
                        "gloss: unsaved changes kept in {}",
                        store::recovery_path(path).display()
                    ),
                    Err(e) => eprintln!("gloss: could not keep unsaved changes: {e}"),
                }
            }
        }
        previous(info);
    }));
}

/// Restores the terminal when dropped: on return, on error and while unwinding.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

/// Runs the TUI until the user quits.
pub fn run(options: Options) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (articles, load_errors) = load_articles(options.path.as_deref())?;
    let dir = store::annotations_dir(options.annotations.as_deref());
    let dirs = directories::ProjectDirs::from("", "", "gloss");
    let config_dir = dirs.as_ref().map(|d| d.config_dir().to_path_buf());
    let (keymap, keymap_error) = Keymap::load(config_dir.as_deref());
    let (config, config_error) = Config::load(config_dir.as_deref());
    let snapshot: Snapshot = Arc::default();
    // Installed before ratatui's hook, so the terminal is restored before this one runs.
    install_recovery_hook(snapshot.clone());
    let mut terminal = ratatui::try_init()?;
    let _restore = Restore;
    execute!(stdout(), EnableMouseCapture)?;
    // Articles open off the UI thread (`Opener`): the first frame shows the text at once.
    let mut app = App::deferred(articles, dir, crate::extract::extract, keymap);
    let mut notes: Vec<String> = load_errors;
    notes.extend(keymap_error);
    notes.extend(config_error);
    notes.extend(app.message.take());
    if !notes.is_empty() {
        app.notify(notes.join(" · "));
    }

    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));

    let autosave = Duration::from_secs(config.autosave_secs.max(1));
    let result = event_loop(&mut terminal, &mut app, &snapshot, autosave);
    if result.is_err() {
        // The terminal went away or failed: keep the unsaved work for the next start.
        app.write_recovery();
    }
    result
}

/// Draws, reads events, updates; until the user quits or the terminal fails.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    snapshot: &Snapshot,
    autosave: Duration,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut last_recovery = Instant::now();
    let mut opener = Opener::new();
    while !app.should_quit {
        execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
        terminal.draw(|frame| view::draw(app, frame))?;
        execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
        terminal.backend_mut().flush()?;
        // Asked only when nothing is opening it yet: a request carries a copy of the article.
        if app.needs_open()
            && !opener.is_opening(app.current)
            && let Some(request) = app.open_request()
        {
            opener.start(request);
        }
        // While an article is opening, look for it often; otherwise wake for the autosave.
        let wait = if opener.busy() {
            Duration::from_millis(40)
        } else {
            Duration::from_millis(500)
        };
        let mut opened_any = false;
        for opened in opener.finished() {
            app.install(opened);
            opened_any = true;
        }
        if opened_any {
            continue;
        }
        if event::poll(wait)? {
            // Handle everything that is waiting before drawing again.
            loop {
                handle(app, event::read()?);
                if app.should_quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if app.take_changed()
            && let Ok(mut docs) = snapshot.lock()
        {
            *docs = app.dirty_documents().into_iter().collect();
        }
        if last_recovery.elapsed() >= autosave {
            last_recovery = Instant::now();
            app.write_recovery();
        }
    }
    Ok(())
}

/// Opens articles on worker threads, one per article at most, so a long extraction never
/// freezes the screen: the user can read, switch articles or quit meanwhile.
struct Opener {
    done_tx: std::sync::mpsc::Sender<app::Opened>,
    done_rx: std::sync::mpsc::Receiver<app::Opened>,
    /// Articles being opened, by index.
    running: std::collections::HashSet<usize>,
}

impl Opener {
    fn new() -> Opener {
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        Opener {
            done_tx,
            done_rx,
            running: std::collections::HashSet::new(),
        }
    }

    fn is_opening(&self, index: usize) -> bool {
        self.running.contains(&index)
    }

    /// Starts opening the requested article, unless that is already under way.
    fn start(&mut self, request: app::OpenRequest) {
        if !self.running.insert(request.index) {
            return;
        }
        let tx = self.done_tx.clone();
        // The request goes to the thread once it exists, so it stays here if none can be had.
        let (request_tx, request_rx) = std::sync::mpsc::channel::<app::OpenRequest>();
        let spawned = std::thread::Builder::new()
            .name(app::OPENER_THREAD.into())
            .spawn(move || {
                if let Ok(request) = request_rx.recv() {
                    // The receiver is gone only when the app quit: nothing waits for this.
                    let _ = tx.send(request.open());
                }
            });
        let request = match spawned {
            Ok(_) => match request_tx.send(request) {
                Ok(()) => return,
                Err(std::sync::mpsc::SendError(request)) => request,
            },
            Err(_) => request,
        };
        // No thread to be had: open it here, slower but opened.
        let _ = self.done_tx.send(request.open());
    }

    fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// The articles opened since the last call.
    fn finished(&mut self) -> Vec<app::Opened> {
        let done: Vec<app::Opened> = self.done_rx.try_iter().collect();
        for opened in &done {
            self.running.remove(&opened.index);
        }
        done
    }
}

/// Applies a terminal event to the app.
pub fn handle(app: &mut App, event: Event) {
    // Esc pressed just before another key can reach us as Alt+that key: when Alt+key means
    // nothing, read it as the two presses.
    if let Event::Key(key) = &event
        && key.kind != KeyEventKind::Release
        && key.modifiers.contains(KeyModifiers::ALT)
        && app
            .keymap
            .lookup(app.mode(), Key::from_event(key))
            .is_none()
    {
        app.update(Action::Cancel);
        let mut plain = *key;
        plain.modifiers.remove(KeyModifiers::ALT);
        if let Some(action) = to_action(app, Event::Key(plain)) {
            app.update(action);
        }
        return;
    }
    if let Some(action) = to_action(app, event) {
        app.update(action);
    }
}

/// What a terminal event means for the app.
pub fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let key = Key::from_event(&key);
            let mode = app.mode();
            app.keymap
                .lookup(mode, key)
                .or_else(|| key.typed().filter(|_| mode.takes_text()).map(Action::Input))
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp(mouse.column, mouse.row)),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown(mouse.column, mouse.row)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}
