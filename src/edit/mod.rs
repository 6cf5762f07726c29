//! Edits as values: apply and invert; history for undo and redo.
//!
//! Every change to a `Document` is an `Edit` that replaces, inserts or removes one item at an
//! index (or a batch of such steps). An edit carries what was there before, so its inverse is
//! exact and undo is unbounded. The constructors below (accept, reject, merge...) build edits
//! from a document without changing it; `History::apply` is the one way they take effect.

use crate::model::{Actor, Claim, Document, Meta, Span, Stance, Status};

/// Which list of a document an item lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Actor,
    Claim,
    Stance,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Actor, Kind::Claim, Kind::Stance];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Actor => "actor",
            Kind::Claim => "claim",
            Kind::Stance => "stance",
        }
    }
}

/// One annotation of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Actor(Actor),
    Claim(Claim),
    Stance(Stance),
}

impl Item {
    pub fn kind(&self) -> Kind {
        match self {
            Item::Actor(_) => Kind::Actor,
            Item::Claim(_) => Kind::Claim,
            Item::Stance(_) => Kind::Stance,
        }
    }

    pub fn meta(&self) -> &Meta {
        match self {
            Item::Actor(a) => &a.meta,
            Item::Claim(c) => &c.meta,
            Item::Stance(s) => &s.meta,
        }
    }

    pub fn meta_mut(&mut self) -> &mut Meta {
        match self {
            Item::Actor(a) => &mut a.meta,
            Item::Claim(c) => &mut c.meta,
            Item::Stance(s) => &mut s.meta,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Item::Actor(a) => &a.id,
            Item::Claim(c) => &c.id,
            Item::Stance(s) => &s.id,
        }
    }
}

/// The item of `kind` at `index`, cloned.
pub fn get(doc: &Document, kind: Kind, index: usize) -> Option<Item> {
    match kind {
        Kind::Actor => doc.actors.get(index).cloned().map(Item::Actor),
        Kind::Claim => doc.claims.get(index).cloned().map(Item::Claim),
        Kind::Stance => doc.stances.get(index).cloned().map(Item::Stance),
    }
}

/// The meta of the item of `kind` at `index`, borrowed.
pub fn meta(doc: &Document, kind: Kind, index: usize) -> Option<&Meta> {
    match kind {
        Kind::Actor => doc.actors.get(index).map(|a| &a.meta),
        Kind::Claim => doc.claims.get(index).map(|c| &c.meta),
        Kind::Stance => doc.stances.get(index).map(|s| &s.meta),
    }
}

/// How many items of `kind` the document has.
pub fn count(doc: &Document, kind: Kind) -> usize {
    match kind {
        Kind::Actor => doc.actors.len(),
        Kind::Claim => doc.claims.len(),
        Kind::Stance => doc.stances.len(),
    }
}

/// A change to a document, with what it replaces, so that it can be inverted exactly.
// Edits are made one per key press and kept in the history; boxing items would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// At `index` of `kind`'s list: `before` (None: nothing, an insertion) becomes `after`
    /// (None: nothing, a removal).
    Replace {
        kind: Kind,
        index: usize,
        before: Option<Item>,
        after: Option<Item>,
    },
    /// Steps applied in order (undone in reverse).
    Batch(Vec<Edit>),
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum EditError {
    #[error("{kind} {index}: no such item (the list has {len})")]
    OutOfRange {
        kind: &'static str,
        index: usize,
        len: usize,
    },
    #[error("{kind} {index}: the item there is not the one the edit expects")]
    Mismatch { kind: &'static str, index: usize },
    #[error("{0}")]
    Refused(String),
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Replace {
                kind,
                index,
                before,
                after,
            } => Edit::Replace {
                kind: *kind,
                index: *index,
                before: after.clone(),
                after: before.clone(),
            },
            Edit::Batch(steps) => Edit::Batch(steps.iter().rev().map(Edit::inverse).collect()),
        }
    }

    /// Applies the edit; on error the document is left as it was.
    pub fn apply(&self, doc: &mut Document) -> Result<(), EditError> {
        match self {
            Edit::Replace {
                kind,
                index,
                before,
                after,
            } => replace(doc, *kind, *index, before.as_ref(), after.as_ref()),
            Edit::Batch(steps) => {
                for (done, step) in steps.iter().enumerate() {
                    if let Err(e) = step.apply(doc) {
                        for undo in steps[..done].iter().rev() {
                            // Undoing steps that just applied cannot fail.
                            let _ = undo.inverse().apply(doc);
                        }
                        return Err(e);
                    }
                }
                Ok(())
            }
        }
    }

    /// The first item this edit touches (what the user should see selected after it).
    pub fn focus(&self) -> Option<(Kind, usize)> {
        match self {
            Edit::Replace { kind, index, .. } => Some((*kind, *index)),
            Edit::Batch(steps) => steps.iter().find_map(Edit::focus),
        }
    }
}

fn replace(
    doc: &mut Document,
    kind: Kind,
    index: usize,
    before: Option<&Item>,
    after: Option<&Item>,
) -> Result<(), EditError> {
    let len = count(doc, kind);
    let out_of_range = EditError::OutOfRange {
        kind: kind.as_str(),
        index,
        len,
    };
    match before {
        Some(expected) => {
            if index >= len {
                return Err(out_of_range);
            }
            if get(doc, kind, index).as_ref() != Some(expected) {
                return Err(EditError::Mismatch {
                    kind: kind.as_str(),
                    index,
                });
            }
        }
        None if index > len => return Err(out_of_range),
        None => {}
    }
    if let Some(item) = after
        && item.kind() != kind
    {
        return Err(EditError::Mismatch {
            kind: kind.as_str(),
            index,
        });
    }
    match (before.is_some(), after.cloned()) {
        (true, Some(item)) => set(doc, index, item),
        (true, None) => remove(doc, kind, index),
        (false, Some(item)) => insert(doc, index, item),
        (false, None) => {}
    }
    Ok(())
}

fn set(doc: &mut Document, index: usize, item: Item) {
    match item {
        Item::Actor(a) => doc.actors[index] = a,
        Item::Claim(c) => doc.claims[index] = c,
        Item::Stance(s) => doc.stances[index] = s,
    }
}

fn insert(doc: &mut Document, index: usize, item: Item) {
    match item {
        Item::Actor(a) => doc.actors.insert(index, a),
        Item::Claim(c) => doc.claims.insert(index, c),
        Item::Stance(s) => doc.stances.insert(index, s),
    }
}

fn remove(doc: &mut Document, kind: Kind, index: usize) {
    match kind {
        Kind::Actor => {
            doc.actors.remove(index);
        }
        Kind::Claim => {
            doc.claims.remove(index);
        }
        Kind::Stance => {
            doc.stances.remove(index);
        }
    }
}

/// Replaces the item at `index` by what `change` makes of it.
pub fn modify(
    doc: &Document,
    kind: Kind,
    index: usize,
    change: impl FnOnce(&mut Item),
) -> Result<Edit, EditError> {
    let before = get(doc, kind, index).ok_or(EditError::OutOfRange {
        kind: kind.as_str(),
        index,
        len: count(doc, kind),
    })?;
    let mut after = before.clone();
    change(&mut after);
    Ok(Edit::Replace {
        kind,
        index,
        before: Some(before),
        after: Some(after),
    })
}

/// The status an item gets when a person changes its content: made by hand stays manual,
/// anything else becomes edited.
pub fn edited_status(status: Status) -> Status {
    if status == Status::Manual {
        Status::Manual
    } else {
        Status::Edited
    }
}

/// Sets the review status of one item.
pub fn set_status(
    doc: &Document,
    kind: Kind,
    index: usize,
    status: Status,
) -> Result<Edit, EditError> {
    modify(doc, kind, index, |item| item.meta_mut().status = status)
}

/// Changes an item's fields (not its status): the status becomes edited (or stays manual).
pub fn change(
    doc: &Document,
    kind: Kind,
    index: usize,
    change: impl FnOnce(&mut Item),
) -> Result<Edit, EditError> {
    modify(doc, kind, index, |item| {
        change(item);
        let meta = item.meta_mut();
        meta.status = edited_status(meta.status);
    })
}

/// Adds `tag` to the item's tags, or removes it when it is there. Tags are not content: the
/// status does not change.
pub fn toggle_tag(doc: &Document, kind: Kind, index: usize, tag: &str) -> Result<Edit, EditError> {
    modify(doc, kind, index, |item| {
        let tags = &mut item.meta_mut().tags;
        if let Some(at) = tags.iter().position(|t| t == tag) {
            tags.remove(at);
        } else {
            tags.push(tag.to_string());
        }
    })
}

/// Appends a new item at the end of its list.
pub fn add(doc: &Document, item: Item) -> Edit {
    Edit::Replace {
        kind: item.kind(),
        index: count(doc, item.kind()),
        before: None,
        after: Some(item),
    }
}

/// Deletes an item made by hand; items the extractor made are rejected instead, and actors
/// still referred to are kept.
pub fn delete(doc: &Document, kind: Kind, index: usize) -> Result<Edit, EditError> {
    let before = get(doc, kind, index).ok_or(EditError::OutOfRange {
        kind: kind.as_str(),
        index,
        len: count(doc, kind),
    })?;
    if before.meta().status != Status::Manual {
        return Err(EditError::Refused(format!(
            "{} {} was not made by hand: reject it instead",
            kind.as_str(),
            before.id()
        )));
    }
    if let Item::Actor(actor) = &before {
        let uses = references(doc, &actor.id);
        if uses > 0 {
            return Err(EditError::Refused(format!(
                "actor {} is still the source or holder of {uses} claims or stances",
                actor.id
            )));
        }
    }
    Ok(Edit::Replace {
        kind,
        index,
        before: Some(before),
        after: None,
    })
}

/// How many claims and stances refer to actor `id`.
pub fn references(doc: &Document, id: &str) -> usize {
    doc.claims
        .iter()
        .filter(|c| c.actor.as_deref() == Some(id))
        .count()
        + doc.stances.iter().filter(|s| s.actor == id).count()
}

/// Merges actor `gone` into actor `keep`: its mentions, name and aliases become `keep`'s,
/// its claims and stances move to `keep`, and `gone` is removed.
pub fn merge_actors(doc: &Document, keep: usize, gone: usize) -> Result<Edit, EditError> {
    let out = |index| EditError::OutOfRange {
        kind: "actor",
        index,
        len: doc.actors.len(),
    };
    let kept = doc.actors.get(keep).ok_or_else(|| out(keep))?;
    let lost = doc.actors.get(gone).ok_or_else(|| out(gone))?;
    if keep == gone {
        return Err(EditError::Refused(
            "an actor cannot merge with itself".into(),
        ));
    }
    let mut merged = kept.clone();
    for mention in &lost.mentions {
        if !merged.mentions.contains(mention) {
            merged.mentions.push(mention.clone());
        }
    }
    merged.mentions.sort_by_key(|m| (m.start, m.end));
    for alias in std::iter::once(&lost.name).chain(&lost.aliases) {
        if alias != &merged.name && !merged.aliases.contains(alias) {
            merged.aliases.push(alias.clone());
        }
    }
    for tag in &lost.meta.tags {
        if !merged.meta.tags.contains(tag) {
            merged.meta.tags.push(tag.clone());
        }
    }
    merged.meta.status = edited_status(merged.meta.status);
    let mut steps = vec![Edit::Replace {
        kind: Kind::Actor,
        index: keep,
        before: Some(Item::Actor(kept.clone())),
        after: Some(Item::Actor(merged)),
    }];
    for (i, claim) in doc.claims.iter().enumerate() {
        if claim.actor.as_deref() == Some(lost.id.as_str()) {
            let mut moved = claim.clone();
            moved.actor = Some(kept.id.clone());
            steps.push(Edit::Replace {
                kind: Kind::Claim,
                index: i,
                before: Some(Item::Claim(claim.clone())),
                after: Some(Item::Claim(moved)),
            });
        }
    }
    for (i, stance) in doc.stances.iter().enumerate() {
        if stance.actor == lost.id {
            let mut moved = stance.clone();
            moved.actor = kept.id.clone();
            steps.push(Edit::Replace {
                kind: Kind::Stance,
                index: i,
                before: Some(Item::Stance(stance.clone())),
                after: Some(Item::Stance(moved)),
            });
        }
    }
    steps.push(Edit::Replace {
        kind: Kind::Actor,
        index: gone,
        before: Some(Item::Actor(lost.clone())),
        after: None,
    });
    Ok(Edit::Batch(steps))
}

/// A new actor made by hand from one mention.
pub fn new_actor(doc: &Document, name: &str, mention: Span) -> Actor {
    Actor {
        id: doc.next_id("a"),
        name: name.to_string(),
        kind: Default::default(),
        aliases: Vec::new(),
        role: None,
        mentions: vec![mention],
        meta: Meta::manual(),
        extra: Default::default(),
    }
}

/// A new claim made by hand over `content`.
pub fn new_claim(doc: &Document, content: Span) -> Claim {
    Claim {
        id: doc.next_id("c"),
        actor: None,
        source: None,
        cue: None,
        content,
        kind: Default::default(),
        meta: Meta::manual(),
        extra: Default::default(),
    }
}

/// A new stance made by hand with `evidence`.
pub fn new_stance(doc: &Document, actor: &str, evidence: Span) -> Stance {
    Stance {
        id: doc.next_id("s"),
        actor: actor.to_string(),
        target: String::new(),
        polarity: Default::default(),
        evidence: Some(evidence),
        claim: None,
        meta: Meta::manual(),
        extra: Default::default(),
    }
}

/// Undo and redo: a stack of applied edits and a stack of undone ones. Each applied edit gets a
/// sequence number so that "unchanged since the last save" survives undo and redo.
#[derive(Debug, Clone, Default)]
pub struct History {
    done: Vec<(u64, Edit)>,
    undone: Vec<(u64, Edit)>,
    next_seq: u64,
    saved_at: u64,
}

impl History {
    pub fn new() -> Self {
        History {
            next_seq: 1,
            ..Self::default()
        }
    }

    /// Applies `edit` and records it; clears what could be redone.
    pub fn apply(&mut self, doc: &mut Document, edit: Edit) -> Result<(), EditError> {
        edit.apply(doc)?;
        let seq = self.next_seq.max(1);
        self.next_seq = seq + 1;
        self.done.push((seq, edit));
        self.undone.clear();
        Ok(())
    }

    /// Undoes the last edit; returns it, or None when there is nothing to undo.
    pub fn undo(&mut self, doc: &mut Document) -> Result<Option<&Edit>, EditError> {
        let Some((seq, edit)) = self.done.pop() else {
            return Ok(None);
        };
        if let Err(e) = edit.inverse().apply(doc) {
            self.done.push((seq, edit));
            return Err(e);
        }
        self.undone.push((seq, edit));
        Ok(self.undone.last().map(|(_, e)| e))
    }

    /// Redoes the last undone edit; returns it, or None when there is nothing to redo.
    pub fn redo(&mut self, doc: &mut Document) -> Result<Option<&Edit>, EditError> {
        let Some((seq, edit)) = self.undone.pop() else {
            return Ok(None);
        };
        if let Err(e) = edit.apply(doc) {
            self.undone.push((seq, edit));
            return Err(e);
        }
        self.done.push((seq, edit));
        Ok(self.done.last().map(|(_, e)| e))
    }

    /// Where the history stands: the sequence number of the last applied edit (0: none).
    pub fn position(&self) -> u64 {
        self.done.last().map_or(0, |(seq, _)| *seq)
    }

    /// Records that the document as it stands now is saved.
    pub fn mark_saved(&mut self) {
        self.saved_at = self.position();
    }

    /// Records that the document as it stands now is not saved (it came from elsewhere, such
    /// as a recovery file).
    pub fn mark_unsaved(&mut self) {
        self.saved_at = u64::MAX;
    }

    /// Whether the document differs from the last save (or from how it was opened).
    pub fn is_dirty(&self) -> bool {
        self.position() != self.saved_at
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, ArticleMeta, ClaimKind, Polarity};

    const TEXT: &str = "Rasmussen said it was likely. Stoltenberg said NATO is divided.";

    fn doc() -> Document {
        let mut doc = Document::new(ArticleMeta {
            id: "t".into(),
            sha256: "00".into(),
            chars: TEXT.chars().count(),
            ..Default::default()
        });
        let span = |s: &str| {
            let b = TEXT.find(s).expect("in text");
            Span::from_bytes(TEXT, b..b + s.len())
        };
        for (id, name) in [("a1", "Rasmussen"), ("a2", "Stoltenberg")] {
            doc.actors.push(Actor {
                id: id.into(),
                name: name.into(),
                kind: ActorKind::Person,
                aliases: vec![],
                role: None,
                mentions: vec![span(name)],
                meta: Meta::auto("ner", 0.9),
                extra: Default::default(),
            });
        }
        doc.claims.push(Claim {
            id: "c1".into(),
            actor: Some("a2".into()),
            source: Some(span("Stoltenberg")),
            cue: Some(span("said NATO")),
            content: span("NATO is divided"),
            kind: ClaimKind::Indirect,
            meta: Meta::auto("said-that", 0.8),
            extra: Default::default(),
        });
        doc.stances.push(Stance {
            id: "s1".into(),
            actor: "a2".into(),
            target: "NATO unity".into(),
            polarity: Polarity::Oppose,
            evidence: Some(span("NATO is divided")),
            claim: Some("c1".into()),
            meta: Meta::auto("stance", 0.5),
            extra: Default::default(),
        });
        doc
    }

    #[test]
    fn inverse_of_an_edit_restores_the_document_exactly() {
        let original = doc();
        let mut d = original.clone();
        let edit = set_status(&d, Kind::Claim, 0, Status::Accepted).expect("edit");
        edit.apply(&mut d).expect("apply");
        assert_eq!(d.claims[0].meta.status, Status::Accepted);
        edit.inverse().apply(&mut d).expect("undo");
        assert_eq!(d, original);
    }

    #[test]
    fn an_edit_that_no_longer_matches_is_refused_and_changes_nothing() {
        let mut d = doc();
        let edit = set_status(&d, Kind::Claim, 0, Status::Accepted).expect("edit");
        d.claims[0].meta.note = "changed behind its back".into();
        let before = d.clone();
        assert!(matches!(
            edit.apply(&mut d),
            Err(EditError::Mismatch { .. })
        ));
        assert_eq!(d, before);
    }

    #[test]
    fn merging_actors_moves_mentions_claims_and_stances_and_undoes_exactly() {
        let original = doc();
        let mut d = original.clone();
        let mut history = History::new();
        let edit = merge_actors(&d, 0, 1).expect("merge");
        history.apply(&mut d, edit).expect("apply");
        assert_eq!(d.actors.len(), 1);
        assert_eq!(d.actors[0].mentions.len(), 2);
        assert_eq!(d.actors[0].aliases, vec!["Stoltenberg".to_string()]);
        assert_eq!(d.claims[0].actor.as_deref(), Some("a1"));
        assert_eq!(d.stances[0].actor, "a1");
        history.undo(&mut d).expect("undo");
        assert_eq!(d, original);
        history.redo(&mut d).expect("redo");
        assert_eq!(d.actors.len(), 1);
    }

    #[test]
    fn deleting_is_only_for_items_made_by_hand() {
        let mut d = doc();
        assert!(matches!(
            delete(&d, Kind::Claim, 0),
            Err(EditError::Refused(_))
        ));
        let claim = new_claim(&d, Span::from_chars(TEXT, 0, 9));
        add(&d, Item::Claim(claim)).apply(&mut d).expect("add");
        let del = delete(&d, Kind::Claim, 1).expect("delete");
        del.apply(&mut d).expect("apply");
        assert_eq!(d, doc());
    }

    #[test]
    fn history_is_unbounded_and_tracks_the_saved_state() {
        let original = doc();
        let mut d = original.clone();
        let mut h = History::new();
        assert!(!h.is_dirty());
        for i in 0..500 {
            let e = toggle_tag(&d, Kind::Actor, i % 2, "x").expect("tag");
            h.apply(&mut d, e).expect("apply");
        }
        h.mark_saved();
        let saved = d.clone();
        assert!(!h.is_dirty());
        let e = set_status(&d, Kind::Stance, 0, Status::Rejected).expect("edit");
        h.apply(&mut d, e).expect("apply");
        assert!(h.is_dirty());
        h.undo(&mut d).expect("undo");
        assert!(!h.is_dirty());
        assert_eq!(d, saved);
        while h.undo(&mut d).expect("undo").is_some() {}
        assert_eq!(d, original);
        assert!(h.is_dirty());
    }

    #[test]
    fn changing_content_marks_an_item_edited_but_manual_stays_manual() {
        let d = doc();
        let e = change(&d, Kind::Stance, 0, |item| {
            if let Item::Stance(s) = item {
                s.polarity = Polarity::Support;
            }
        })
        .expect("edit");
        let mut d2 = d.clone();
        e.apply(&mut d2).expect("apply");
        assert_eq!(d2.stances[0].meta.status, Status::Edited);
        assert_eq!(edited_status(Status::Manual), Status::Manual);
    }
}
