//! Keys → actions, per mode. The defaults are `assets/keymap.toml`, compiled in; a user's
//! `keymap.toml` in the config directory is laid over them (its entries win).

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;

/// The default keymap file.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Where keys are looked up: a popup's mode, else `article` (over `normal`) or `normal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Normal,
    Article,
    Help,
    Search,
    Form,
    Picker,
    Confirm,
    Recover,
    Matrix,
}

impl Mode {
    pub const ALL: [Mode; 9] = [
        Mode::Normal,
        Mode::Article,
        Mode::Help,
        Mode::Search,
        Mode::Form,
        Mode::Picker,
        Mode::Confirm,
        Mode::Recover,
        Mode::Matrix,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Normal => "normal",
            Mode::Article => "article",
            Mode::Help => "help",
            Mode::Search => "search",
            Mode::Form => "form",
            Mode::Picker => "picker",
            Mode::Confirm => "confirm",
            Mode::Recover => "recover",
            Mode::Matrix => "matrix",
        }
    }

    /// Modes whose unbound printable keys are typed into a text field.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::Search | Mode::Form | Mode::Picker)
    }
}

/// One key press: a code and the modifiers that matter (shift only for non-characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let mut code = code;
        // Terminals report Shift-Tab as BackTab, with or without SHIFT.
        if code == KeyCode::BackTab {
            code = KeyCode::Tab;
            mods |= KeyModifiers::SHIFT;
        }
        // "G" is the character G; the shift that made it is not a separate modifier.
        if let KeyCode::Char(_) = code {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }

    pub fn char(c: char) -> Self {
        Key::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    pub fn from_event(event: &KeyEvent) -> Self {
        Key::new(event.code, event.modifiers)
    }

    /// The character a plain key types, if it types one.
    pub fn typed(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c)
                if !self
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(c)
            }
            _ => None,
        }
    }

    /// Parses "q", "G", "ctrl-s", "shift-tab", "enter", "pgdn", "space", "f1"...
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, m) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            if rest.len() == prefix.len() {
                break;
            }
            mods |= m;
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "space" => KeyCode::Char(' '),
                "insert" => KeyCode::Insert,
                f if f.starts_with('f') && f.len() > 1 => f[1..]
                    .parse::<u8>()
                    .map(KeyCode::F)
                    .map_err(|_| format!("unknown key {text:?}"))?,
                _ => return Err(format!("unknown key {text:?}")),
            },
        };
        Ok(Key::new(code, mods))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            write!(f, "Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            write!(f, "Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            write!(f, "Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => write!(f, "Enter"),
            KeyCode::Esc => write!(f, "Esc"),
            KeyCode::Tab => write!(f, "Tab"),
            KeyCode::Backspace => write!(f, "Backspace"),
            KeyCode::Delete => write!(f, "Del"),
            KeyCode::Up => write!(f, "↑"),
            KeyCode::Down => write!(f, "↓"),
            KeyCode::Left => write!(f, "←"),
            KeyCode::Right => write!(f, "→"),
            KeyCode::PageUp => write!(f, "PgUp"),
            KeyCode::PageDown => write!(f, "PgDn"),
            KeyCode::Home => write!(f, "Home"),
            KeyCode::End => write!(f, "End"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One entry of a keymap file.
#[derive(Debug, Clone, Deserialize)]
struct Entry {
    on: OneOrMany,
    run: Action,
    #[serde(default)]
    desc: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// A key binding: the keys, the action, what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    pub desc: String,
}

/// Bindings per mode, first match wins.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    modes: BTreeMap<Mode, Vec<Binding>>,
}

#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: mode {mode}, entry {entry}: {message}")]
    Key {
        file: String,
        mode: String,
        entry: usize,
        message: String,
    },
}

impl Keymap {
    /// The compiled-in defaults.
    pub fn defaults() -> Keymap {
        // The embedded file is checked by a test, so this only fails on a broken build.
        Keymap::parse(DEFAULT_KEYMAP, "assets/keymap.toml").unwrap_or_default()
    }

    /// Parses a keymap file's text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Keymap, KeymapError> {
        let raw: BTreeMap<Mode, Vec<Entry>> =
            toml::from_str(text).map_err(|e| KeymapError::Parse {
                file: file.to_string(),
                message: e.to_string(),
            })?;
        let mut modes = BTreeMap::new();
        for (mode, entries) in raw {
            let mut bindings = Vec::new();
            for (i, entry) in entries.into_iter().enumerate() {
                let names = match entry.on {
                    OneOrMany::One(k) => vec![k],
                    OneOrMany::Many(ks) => ks,
                };
                let keys = names
                    .iter()
                    .map(|k| Key::parse(k))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|message| KeymapError::Key {
                        file: file.to_string(),
                        mode: mode.as_str().to_string(),
                        entry: i + 1,
                        message,
                    })?;
                bindings.push(Binding {
                    keys,
                    action: entry.run,
                    desc: entry.desc,
                });
            }
            modes.insert(mode, bindings);
        }
        Ok(Keymap { modes })
    }

    /// Lays `user` over this keymap: its bindings come first in each mode, so they win.
    pub fn overlay(mut self, user: Keymap) -> Keymap {
        for (mode, mut bindings) in user.modes {
            let base = self.modes.remove(&mode).unwrap_or_default();
            bindings.extend(base);
            self.modes.insert(mode, bindings);
        }
        self
    }

    /// The defaults with the user's file from `config_dir` laid over them, and a message when
    /// that file could not be used.
    pub fn load(config_dir: Option<&Path>) -> (Keymap, Option<String>) {
        let defaults = Keymap::defaults();
        let Some(path) = config_dir.map(|d| d.join("keymap.toml")) else {
            return (defaults, None);
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            return (defaults, None);
        };
        match Keymap::parse(&text, &path.display().to_string()) {
            Ok(user) => (defaults.overlay(user), None),
            Err(e) => (defaults, Some(format!("keymap ignored: {e}"))),
        }
    }

    /// The action bound to `key` in `mode` (the article mode falls back to normal).
    pub fn lookup(&self, mode: Mode, key: Key) -> Option<Action> {
        let find = |m: Mode| {
            self.modes
                .get(&m)?
                .iter()
                .find(|b| b.keys.contains(&key))
                .map(|b| b.action)
        };
        match mode {
            Mode::Article => find(Mode::Article).or_else(|| find(Mode::Normal)),
            m => find(m),
        }
        .filter(|a| *a != Action::None)
    }

    /// The bindings of a mode, as the help screen lists them: shadowed keys left out.
    pub fn bindings(&self, mode: Mode) -> Vec<Binding> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for binding in self.modes.get(&mode).map(Vec::as_slice).unwrap_or(&[]) {
            let keys: Vec<Key> = binding
                .keys
                .iter()
                .filter(|k| !seen.contains(*k))
                .copied()
                .collect();
            seen.extend(binding.keys.iter().copied());
            if !keys.is_empty() && binding.action != Action::None {
                out.push(Binding {
                    keys,
                    action: binding.action,
                    desc: binding.desc.clone(),
                });
            }
        }
        out
    }

    /// The first key bound to `action` in `mode` (or normal), for hints.
    pub fn key_for(&self, mode: Mode, action: Action) -> Option<Key> {
        [mode, Mode::Normal].iter().find_map(|m| {
            self.bindings(*m)
                .into_iter()
                .find(|b| b.action == action)
                .and_then(|b| b.keys.first().copied())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_keymap_parses() {
        let map = Keymap::parse(DEFAULT_KEYMAP, "default").expect("default keymap");
        assert_eq!(map.lookup(Mode::Normal, Key::char('q')), Some(Action::Quit));
        assert_eq!(
            map.lookup(
                Mode::Normal,
                Key::new(KeyCode::Char('s'), KeyModifiers::CONTROL)
            ),
            Some(Action::Save)
        );
    }

    #[test]
    fn article_mode_falls_back_to_normal() {
        let map = Keymap::defaults();
        assert_eq!(
            map.lookup(Mode::Article, Key::char('w')),
            Some(Action::WordForward)
        );
        assert_eq!(
            map.lookup(Mode::Article, Key::char('a')),
            Some(Action::Accept)
        );
        assert_eq!(map.lookup(Mode::Normal, Key::char('w')), None);
    }

    #[test]
    fn shift_tab_and_backtab_are_one_key() {
        let map = Keymap::defaults();
        let backtab = Key::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(map.lookup(Mode::Normal, backtab), Some(Action::FocusPrev));
        assert_eq!(Key::parse("shift-tab"), Ok(backtab));
        assert_eq!(
            Key::new(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Key::parse("G").expect("G")
        );
    }

    #[test]
    fn a_user_keymap_overrides_and_unbinds() {
        let user = Keymap::parse(
            "normal = [ { on = \"y\", run = \"accept\" }, { on = \"x\", run = \"none\" } ]",
            "user",
        )
        .expect("user keymap");
        let map = Keymap::defaults().overlay(user);
        assert_eq!(
            map.lookup(Mode::Normal, Key::char('y')),
            Some(Action::Accept)
        );
        assert_eq!(map.lookup(Mode::Normal, Key::char('x')), None);
        assert_eq!(
            map.lookup(Mode::Normal, Key::char('a')),
            Some(Action::Accept)
        );
    }

    #[test]
    fn the_users_keymap_file_is_laid_over_the_defaults() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(
            dir.path().join("keymap.toml"),
            "normal = [ { on = \"ctrl-a\", run = \"accept\", desc = \"Accept\" } ]",
        )
        .expect("write");
        let (map, error) = Keymap::load(Some(dir.path()));
        assert_eq!(error, None);
        let ctrl_a = Key::new(KeyCode::Char('a'), KeyModifiers::CONTROL);
        assert_eq!(map.lookup(Mode::Normal, ctrl_a), Some(Action::Accept));
        assert_eq!(map.lookup(Mode::Normal, Key::char('q')), Some(Action::Quit));
        std::fs::write(dir.path().join("keymap.toml"), "normal = 3").expect("write");
        let (map, error) = Keymap::load(Some(dir.path()));
        assert!(error.is_some_and(|e| e.contains("keymap.toml")));
        assert_eq!(map.lookup(Mode::Normal, Key::char('q')), Some(Action::Quit));
    }

    #[test]
    fn every_mode_of_the_default_keymap_has_bindings() {
        let map = Keymap::defaults();
        for mode in Mode::ALL {
            assert!(!map.bindings(mode).is_empty(), "{}", mode.as_str());
        }
    }

    #[test]
    fn bad_keys_are_reported_with_the_place() {
        let err = Keymap::parse(
            "normal = [ { on = \"ctrl-nope\", run = \"quit\" } ]",
            "k.toml",
        )
        .expect_err("bad key");
        assert!(
            err.to_string().contains("k.toml: mode normal, entry 1"),
            "{err}"
        );
    }

    #[test]
    fn forms_bind_the_line_editing_keys_of_a_shell() {
        let map = Keymap::defaults();
        let ctrl = |c| Key::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        let plain = |code| Key::new(code, KeyModifiers::NONE);
        for (key, action) in [
            (ctrl('a'), Action::LineStart),
            (plain(KeyCode::Home), Action::LineStart),
            (ctrl('e'), Action::LineEnd),
            (plain(KeyCode::End), Action::LineEnd),
            (ctrl('w'), Action::DeleteWordBack),
            (ctrl('u'), Action::DeleteToStart),
            (plain(KeyCode::Delete), Action::DeleteForward),
        ] {
            assert_eq!(map.lookup(Mode::Form, key), Some(action), "{key}");
        }
        // Outside forms Ctrl-u still pages up.
        assert_eq!(map.lookup(Mode::Normal, ctrl('u')), Some(Action::PageUp));
    }

    #[test]
    fn pickers_and_the_search_line_edit_their_text_with_the_keys_of_forms() {
        let map = Keymap::defaults();
        let editing = [
            Action::Left,
            Action::Right,
            Action::LineStart,
            Action::LineEnd,
            Action::Backspace,
            Action::DeleteForward,
            Action::DeleteWordBack,
            Action::DeleteToStart,
        ];
        let form_keys: Vec<(Key, Action)> = map
            .bindings(Mode::Form)
            .into_iter()
            .filter(|b| editing.contains(&b.action))
            .flat_map(|b| b.keys.into_iter().map(move |k| (k, b.action)))
            .collect();
        assert_eq!(form_keys.len(), 10);
        for mode in [Mode::Picker, Mode::Search] {
            for (key, action) in &form_keys {
                assert_eq!(
                    map.lookup(mode, *key),
                    Some(*action),
                    "{} {key}",
                    mode.as_str()
                );
            }
        }
    }
}
