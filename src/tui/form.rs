//! The edit form and the fuzzy picker: their state and the edits they make. Drawn by
//! `view::popup`, driven by `App::update`.

use std::ops::Range;

use super::action::Action;
use super::input::TextInput;
use crate::article::sanitize;
use crate::edit::{self, Edit, Item, Kind};
use crate::model::{ActorKind, ClaimKind, Document, Polarity, Span};

/// What a picker's choice is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// The actor field of the form below it.
    FormActor,
    /// A new mention over this byte range, of an existing or a new actor.
    Mention(Range<usize>),
    /// The actor of a new stance whose evidence is this byte range.
    StanceActor(Range<usize>),
    /// A tag to add to or remove from this item.
    Tag(Kind, usize),
    /// The actor that actor `.0` merges into.
    Merge(usize),
    /// The format to export the current article's annotations in.
    Export,
    /// The tag the list of this kind is filtered by.
    TagFilter(Kind),
}

/// One option of a picker. `value` None is "make a new one from the query".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub detail: String,
    pub value: Option<String>,
}

/// A filterable list to choose from.
#[derive(Debug, Clone)]
pub struct Picker {
    pub title: String,
    /// What the choice is about, shown above the query: the selected text a new mention or
    /// stance covers ("" for nothing).
    pub context: String,
    /// What is typed to filter the options.
    pub query: TextInput,
    pub options: Vec<Choice>,
    /// "new actor", "new tag": offered with the query (or `default_new`) as its name.
    pub new_label: Option<&'static str>,
    pub default_new: String,
    pub selected: usize,
    pub purpose: Purpose,
}

/// The value `Choice::value` has for "nobody" (an unattributed claim).
pub const NOBODY: &str = "";

impl Picker {
    /// Pick an actor (or make a new one named `default_new`).
    pub fn actors(doc: &Document, purpose: Purpose, default_new: &str) -> Picker {
        let mut options = Vec::new();
        if purpose == Purpose::FormActor {
            options.push(Choice {
                label: "nobody (unattributed)".into(),
                detail: String::new(),
                value: Some(NOBODY.into()),
            });
        }
        options.extend(doc.live_actors().map(|a| Choice {
            label: sanitize::one_line(&a.name).into_owned(),
            detail: format!("{} · {}", a.kind.as_str(), a.id),
            value: Some(a.id.clone()),
        }));
        let (title, context) = match &purpose {
            Purpose::Mention(_) => ("Mention of which actor?", "mention"),
            Purpose::StanceActor(_) => ("Whose stance?", "evidence"),
            _ => ("Which actor?", ""),
        };
        let context = if context.is_empty() || default_new.trim().is_empty() {
            String::new()
        } else {
            format!("{context} “{}”", sanitize::one_line(default_new.trim()))
        };
        Picker {
            title: title.into(),
            context,
            query: TextInput::default(),
            options,
            new_label: Some("new actor"),
            default_new: default_new.to_string(),
            selected: 0,
            purpose,
        }
    }

    /// Pick a tag to toggle on item `i` of `kind`: the tags in use, or a new one.
    pub fn tags(doc: &Document, kind: Kind, i: usize) -> Picker {
        let mut all: Vec<String> = doc
            .actors
            .iter()
            .map(|a| &a.meta)
            .chain(doc.claims.iter().map(|c| &c.meta))
            .chain(doc.stances.iter().map(|s| &s.meta))
            .flat_map(|m| m.tags.iter().cloned())
            .collect();
        all.sort();
        all.dedup();
        let has = edit::get(doc, kind, i)
            .map(|item| item.meta().tags.clone())
            .unwrap_or_default();
        let options = all
            .into_iter()
            .map(|t| Choice {
                label: sanitize::one_line(&t).into_owned(),
                detail: if has.contains(&t) {
                    "on this item: Enter removes".into()
                } else {
                    String::new()
                },
                value: Some(t),
            })
            .collect();
        Picker {
            title: "Tag to add or remove".into(),
            context: String::new(),
            query: TextInput::default(),
            options,
            new_label: Some("new tag"),
            default_new: String::new(),
            selected: 0,
            purpose: Purpose::Tag(kind, i),
        }
    }

    /// Pick the actor that actor `gone` merges into.
    pub fn merge(doc: &Document, gone: usize) -> Picker {
        let name = doc
            .actors
            .get(gone)
            .map(|a| sanitize::one_line(&a.name).into_owned())
            .unwrap_or_default();
        let options = doc
            .actors
            .iter()
            .enumerate()
            .filter(|(i, a)| *i != gone && !a.meta.is_rejected())
            .map(|(_, a)| Choice {
                label: sanitize::one_line(&a.name).into_owned(),
                detail: format!("{} · {} mentions", a.kind.as_str(), a.mentions.len()),
                value: Some(a.id.clone()),
            })
            .collect();
        Picker {
            title: format!("Merge “{name}” into…"),
            context: String::new(),
            query: TextInput::default(),
            options,
            new_label: None,
            default_new: String::new(),
            selected: 0,
            purpose: Purpose::Merge(gone),
        }
    }

    /// Pick an export format (the formats `gloss export` writes).
    pub fn formats() -> Picker {
        let options = crate::export::Format::ALL
            .into_iter()
            .filter(|f| f.exports())
            .map(|f| Choice {
                label: f.as_str().to_string(),
                detail: format_detail(f).to_string(),
                value: Some(f.as_str().to_string()),
            })
            .collect();
        Picker {
            title: "Export this article as…".into(),
            context: String::new(),
            query: TextInput::default(),
            options,
            new_label: None,
            default_new: String::new(),
            selected: 0,
            purpose: Purpose::Export,
        }
    }

    /// Pick a tag to filter the list of `kind` by: the tags its items have, each with how many
    /// items have it.
    pub fn tag_filter(doc: &Document, kind: Kind) -> Picker {
        let total = edit::count(doc, kind);
        let metas: Vec<_> = (0..total)
            .filter_map(|i| edit::meta(doc, kind, i))
            .collect();
        let mut tags: Vec<&String> = metas.iter().flat_map(|m| &m.tags).collect();
        tags.sort();
        tags.dedup();
        let what = kind.as_str();
        let options = tags
            .into_iter()
            .map(|t| {
                let n = metas.iter().filter(|m| m.tags.contains(t)).count();
                Choice {
                    label: sanitize::one_line(t).into_owned(),
                    detail: format!("{n} of {total} {what}s"),
                    value: Some(t.clone()),
                }
            })
            .collect();
        Picker {
            title: format!("Show only the {what}s tagged…"),
            context: String::new(),
            query: Default::default(),
            options,
            new_label: None,
            default_new: String::new(),
            selected: 0,
            purpose: Purpose::TagFilter(kind),
        }
    }

    /// Puts the selection on the option with this value.
    pub fn preselect(&mut self, value: Option<&str>) {
        if let Some(at) = self
            .matches()
            .iter()
            .position(|c| c.value.as_deref() == value)
        {
            self.selected = at;
        }
    }

    /// The options the query matches, best first, then "new …" when offered.
    pub fn matches(&self) -> Vec<Choice> {
        let q = self.query.text().trim();
        let mut scored: Vec<(i64, usize)> = self
            .options
            .iter()
            .enumerate()
            .filter_map(|(i, c)| fuzzy(q, &c.label).map(|s| (s, i)))
            .collect();
        scored.sort_by_key(|(s, i)| (-s, *i));
        let mut out: Vec<Choice> = scored
            .into_iter()
            .map(|(_, i)| self.options[i].clone())
            .collect();
        if let Some(label) = self.new_label {
            let name = if q.is_empty() {
                self.default_new.trim()
            } else {
                q
            };
            let exists = self.options.iter().any(|c| c.label == name);
            if !name.is_empty() && !exists {
                out.push(Choice {
                    label: format!("{label} “{}”", sanitize::one_line(name)),
                    detail: String::new(),
                    value: None,
                });
            }
        }
        out
    }

    /// What Enter would choose.
    pub fn chosen(&self) -> Option<Choice> {
        let matches = self.matches();
        matches
            .get(self.selected.min(matches.len().saturating_sub(1)))
            .cloned()
    }

    /// Applies a key of the filter box (typing, cursor moves, deletions); a changed filter
    /// selects its best match.
    pub fn edit(&mut self, action: Action) {
        if self.query.apply(action) {
            self.selected = 0;
        }
    }

    pub fn move_selection(&mut self, delta: i64) {
        let n = self.matches().len() as i64;
        if n > 0 {
            self.selected = (self.selected as i64 + delta).rem_euclid(n) as usize;
        }
    }
}

/// A fuzzy match score of `query` in `label` (None: no match): every query character in order,
/// with bonuses for runs and word starts.
pub fn fuzzy(query: &str, label: &str) -> Option<i64> {
    if query.is_empty() {
        return Some(0);
    }
    let label: Vec<char> = label.chars().flat_map(char::to_lowercase).collect();
    let mut score = 0;
    let mut at = 0;
    let mut last: Option<usize> = None;
    for q in query.chars().flat_map(char::to_lowercase) {
        let found = (at..label.len()).find(|&i| label[i] == q)?;
        score += 1;
        if last.is_some_and(|l| l + 1 == found) {
            score += 5;
        }
        if found == 0 || !label[found - 1].is_alphanumeric() {
            score += 3;
        }
        last = Some(found);
        at = found + 1;
    }
    Some(score * 100 - label.len() as i64)
}

/// The value of a form field.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text with a cursor.
    Text(TextInput),
    Choice {
        options: Vec<&'static str>,
        at: usize,
    },
    /// An actor: its id (`NOBODY` for none), a new actor's name, and what to show.
    Actor {
        id: Option<String>,
        new_name: Option<String>,
        label: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub label: &'static str,
    pub value: Value,
}

/// A form over every editable field of one item.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub kind: Kind,
    pub index: usize,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// What the item covers in the text, shown above the fields.
    pub context: String,
}

fn text(label: &'static str, value: &str) -> Field {
    Field {
        label,
        value: Value::Text(TextInput::new(value)),
    }
}

fn choice(label: &'static str, options: Vec<&'static str>, current: &str) -> Field {
    let at = options.iter().position(|o| *o == current).unwrap_or(0);
    Field {
        label,
        value: Value::Choice { options, at },
    }
}

fn actor_field(label: &'static str, doc: &Document, id: Option<&str>) -> Field {
    let shown = match id {
        None | Some(NOBODY) => "nobody".to_string(),
        Some(id) => doc.actor(id).map_or_else(
            || format!("{id} (unknown)"),
            |a| sanitize::one_line(&a.name).into_owned(),
        ),
    };
    Field {
        label,
        value: Value::Actor {
            id: id.map(str::to_string),
            new_name: None,
            label: shown,
        },
    }
}

/// Splits "a, b ,c" into ["a", "b", "c"].
fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

impl Form {
    /// The form of item `i` of `kind`.
    pub fn for_item(doc: &Document, kind: Kind, i: usize) -> Option<Form> {
        let item = edit::get(doc, kind, i)?;
        let meta = item.meta().clone();
        let mut fields = match &item {
            Item::Actor(a) => vec![
                text("Name", &a.name),
                choice(
                    "Kind",
                    ActorKind::ALL.iter().map(|k| k.as_str()).collect(),
                    a.kind.as_str(),
                ),
                text("Aliases", &a.aliases.join(", ")),
                text("Role", a.role.as_deref().unwrap_or("")),
            ],
            Item::Claim(c) => vec![
                actor_field("Speaker", doc, c.actor.as_deref()),
                choice(
                    "Kind",
                    ClaimKind::ALL.iter().map(|k| k.as_str()).collect(),
                    c.kind.as_str(),
                ),
            ],
            Item::Stance(s) => vec![
                actor_field("Actor", doc, Some(&s.actor)),
                text("Target", &s.target),
                choice(
                    "Polarity",
                    Polarity::ALL.iter().map(|p| p.as_str()).collect(),
                    s.polarity.as_str(),
                ),
            ],
        };
        let context = match &item {
            Item::Actor(a) if a.mentions.len() == 1 => "1 mention".to_string(),
            Item::Actor(a) => format!("{} mentions", a.mentions.len()),
            Item::Claim(c) => format!("“{}”", c.content.text),
            Item::Stance(s) => s
                .evidence
                .as_ref()
                .map_or_else(String::new, |e| format!("“{}”", e.text)),
        };
        fields.push(text("Tags", &meta.tags.join(", ")));
        fields.push(text("Note", &meta.note));
        Some(Form {
            kind,
            index: i,
            title: format!("Edit {} {}", kind.as_str(), item.id()),
            fields,
            focus: 0,
            context,
        })
    }

    pub fn focus_field(&mut self, label: &str) {
        if let Some(at) = self.fields.iter().position(|f| f.label == label) {
            self.focus = at;
        }
    }

    pub fn move_focus(&mut self, delta: i64) {
        let n = self.fields.len() as i64;
        if n > 0 {
            self.focus = (self.focus as i64 + delta).rem_euclid(n) as usize;
        }
    }

    /// The focused field's text input, when it is a text field.
    fn input(&mut self) -> Option<&mut TextInput> {
        match self.fields.get_mut(self.focus).map(|f| &mut f.value) {
            Some(Value::Text(input)) => Some(input),
            _ => None,
        }
    }

    pub fn type_char(&mut self, c: char) {
        match self.fields.get_mut(self.focus).map(|f| &mut f.value) {
            Some(Value::Text(input)) => input.insert(c),
            Some(Value::Choice { .. }) if c == ' ' => self.cycle(1),
            _ => {}
        }
    }

    /// Applies a cursor move or deletion to the focused text field (other fields ignore it).
    pub fn edit_text(&mut self, op: fn(&mut TextInput)) {
        if let Some(input) = self.input() {
            op(input);
        }
    }

    /// Left and Right: the previous or next choice in a choice field, the cursor one grapheme
    /// in a text field.
    pub fn step(&mut self, delta: i64) {
        match self.input() {
            Some(input) if delta < 0 => input.left(),
            Some(input) => input.right(),
            None => self.cycle(delta),
        }
    }

    pub fn cycle(&mut self, delta: i64) {
        if let Some(Value::Choice { options, at }) =
            self.fields.get_mut(self.focus).map(|f| &mut f.value)
        {
            let n = options.len() as i64;
            *at = (*at as i64 + delta).rem_euclid(n.max(1)) as usize;
        }
    }

    pub fn on_actor_field(&self) -> bool {
        matches!(
            self.fields.get(self.focus).map(|f| &f.value),
            Some(Value::Actor { .. })
        )
    }

    /// The actor id the focused actor field holds.
    pub fn actor_value(&self) -> Option<String> {
        match self.fields.get(self.focus).map(|f| &f.value) {
            Some(Value::Actor { id, .. }) => id.clone(),
            _ => None,
        }
    }

    /// Sets the focused actor field from a picker choice (`id` None: a new actor named `query`).
    pub fn set_actor(&mut self, id: Option<String>, label: &str, query: &str) {
        if let Some(Value::Actor {
            id: slot,
            new_name,
            label: shown,
        }) = self.fields.get_mut(self.focus).map(|f| &mut f.value)
        {
            match id {
                Some(id) => {
                    *slot = Some(id);
                    *new_name = None;
                    *shown = label.to_string();
                }
                None => {
                    let name = if query.is_empty() {
                        label.to_string()
                    } else {
                        query.to_string()
                    };
                    *slot = None;
                    *new_name = Some(name.clone());
                    *shown = format!("{name} (new)");
                }
            }
        }
    }

    fn field(&self, label: &str) -> Option<&Value> {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(|f| &f.value)
    }

    fn text(&self, label: &str) -> String {
        match self.field(label) {
            Some(Value::Text(input)) => input.text().to_string(),
            _ => String::new(),
        }
    }

    fn choice(&self, label: &str) -> &'static str {
        match self.field(label) {
            Some(Value::Choice { options, at }) => options.get(*at).copied().unwrap_or(""),
            _ => "",
        }
    }

    /// The edit the form makes (None: nothing changed), or why it cannot be made.
    pub fn to_edit(&self, doc: &Document) -> Result<Option<Edit>, String> {
        let before = edit::get(doc, self.kind, self.index)
            .ok_or_else(|| format!("{} {} is gone", self.kind.as_str(), self.index))?;
        let mut steps = Vec::new();
        let mut work = doc.clone();
        // A new actor chosen in an actor field is added first.
        let actor_choice = self.fields.iter().find_map(|f| match &f.value {
            Value::Actor { id, new_name, .. } => Some((id.clone(), new_name.clone())),
            _ => None,
        });
        let actor_id = match actor_choice {
            Some((_, Some(name))) => {
                let mut actor = edit::new_actor(&work, &name, Span::default());
                actor.mentions.clear();
                let id = actor.id.clone();
                let add = edit::add(&work, Item::Actor(actor));
                add.apply(&mut work).map_err(|e| e.to_string())?;
                steps.push(add);
                Some(id)
            }
            Some((id, None)) => id,
            None => None,
        };
        let mut after = before.clone();
        match &mut after {
            Item::Actor(a) => {
                let name = self.text("Name");
                if name.trim().is_empty() {
                    return Err("an actor needs a name".into());
                }
                a.name = name.trim().to_string();
                a.kind = ActorKind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == self.choice("Kind"))
                    .unwrap_or_default();
                a.aliases = list(&self.text("Aliases"));
                let role = self.text("Role");
                a.role = (!role.trim().is_empty()).then(|| role.trim().to_string());
            }
            Item::Claim(c) => {
                let speaker = actor_id.filter(|id| id != NOBODY);
                if speaker != c.actor {
                    c.source = speaker
                        .as_deref()
                        .and_then(|id| nearest_mention(&work, id, &c.content))
                        .or_else(|| c.source.take().filter(|_| speaker.is_some()));
                    c.actor = speaker;
                }
                c.kind = ClaimKind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == self.choice("Kind"))
                    .unwrap_or_default();
            }
            Item::Stance(s) => {
                match actor_id.filter(|id| id != NOBODY) {
                    Some(id) => s.actor = id,
                    None => return Err("a stance needs an actor".into()),
                }
                s.target = self.text("Target").trim().to_string();
                s.polarity = Polarity::ALL
                    .into_iter()
                    .find(|p| p.as_str() == self.choice("Polarity"))
                    .unwrap_or_default();
            }
        }
        let content_changed = after != before;
        {
            let meta = after.meta_mut();
            meta.tags = list(&self.text("Tags"));
            meta.note = self.text("Note");
            if content_changed {
                meta.status = edit::edited_status(meta.status);
            }
        }
        if after == before {
            return Ok(None);
        }
        steps.push(Edit::Replace {
            kind: self.kind,
            index: self.index,
            before: Some(before),
            after: Some(after),
        });
        Ok(Some(if steps.len() == 1 {
            steps.remove(0)
        } else {
            Edit::Batch(steps)
        }))
    }
}

/// The mention of actor `id` nearest to `content` (before it preferred).
fn nearest_mention(doc: &Document, id: &str, content: &Span) -> Option<Span> {
    let actor = doc.actor(id)?;
    actor
        .mentions
        .iter()
        .filter(|m| !m.overlaps(content))
        .min_by_key(|m| {
            if m.end <= content.start {
                content.start - m.end
            } else {
                (m.start - content.end) * 2
            }
        })
        .cloned()
}

/// What an export format writes, for the picker.
fn format_detail(format: crate::export::Format) -> &'static str {
    use crate::export::Format;
    match format {
        Format::Brat => "directory: .txt, .ann, confs",
        Format::W3c => "W3C Web Annotation JSON-LD",
        Format::Csv => "directory: claims, stances",
        Format::Doccano => "JSONL with the text",
        Format::Polnear => "JSONL, claim spans",
        Format::Network => "directory: GraphML + CSV",
        Format::Gloss => "gloss JSON",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_matches_in_order_and_prefers_word_starts() {
        assert!(fuzzy("ras", "Anders Rasmussen").is_some());
        assert!(fuzzy("xyz", "Anders Rasmussen").is_none());
        let start = fuzzy("ra", "Rasmussen").expect("match");
        let inside = fuzzy("ra", "Ukraine").expect("match");
        assert!(start > inside);
    }
}
