//! `App::update`, action by action, over the sample article and hand-made annotations.

use super::action::Action;
use super::app::{App, Focus, Popup};
use super::fixture;
use super::keymap::Keymap;
use crate::edit::Kind;
use crate::model::{Document, Polarity, Status};
use crate::store;

fn app_in(dir: &std::path::Path) -> App {
    app_over(dir, vec![fixture::sample_article()])
}

fn app_over(dir: &std::path::Path, articles: Vec<crate::article::Article>) -> App {
    app_extracting(dir, articles, fixture::sample_document)
}

/// An app at 120x40 whose articles without annotation files get `extract`'s annotations.
fn app_extracting(
    dir: &std::path::Path,
    articles: Vec<crate::article::Article>,
    extract: super::app::Extractor,
) -> App {
    let mut app = App::new(articles, dir.to_path_buf(), extract, Keymap::defaults());
    app.update(Action::Resize(120, 40));
    app
}

fn doc(app: &App) -> Document {
    app.slot().expect("open").doc.clone()
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

/// Puts the article cursor on the first match of `text` (a search, dropped after), leaving
/// the lists' selection as it was.
fn cursor_to(app: &mut App, text: &str) {
    app.update(Action::Search);
    typed(app, text);
    run(app, &[Action::Confirm, Action::Cancel]);
}

#[test]
fn opens_on_the_claims_list_with_the_first_claim_selected() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_in(dir.path());
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.selected(), Some((Kind::Claim, 0)));
}

#[test]
fn accept_sets_accepted_and_moves_to_the_next_item() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Accept);
    assert_eq!(doc(&app).claims[0].meta.status, Status::Accepted);
    assert_eq!(app.selected(), Some((Kind::Claim, 1)));
    assert!(app.is_dirty());
}

#[test]
fn undo_and_redo_round_trip_exactly() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let original = doc(&app);
    run(
        &mut app,
        &[Action::Accept, Action::Reject, Action::Down, Action::Accept],
    );
    let changed = doc(&app);
    assert_ne!(changed, original);
    run(&mut app, &[Action::Undo, Action::Undo, Action::Undo]);
    assert_eq!(doc(&app), original);
    assert!(!app.is_dirty());
    run(&mut app, &[Action::Redo, Action::Redo, Action::Redo]);
    assert_eq!(doc(&app), changed);
}

#[test]
fn reject_keeps_the_item_and_marks_it_rejected() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Reject);
    let d = doc(&app);
    assert_eq!(d.claims.len(), 6);
    assert_eq!(d.claims[0].meta.status, Status::Rejected);
}

#[test]
fn the_edit_form_changes_a_stance_and_marks_it_edited() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let original = doc(&app);
    run(&mut app, &[Action::Right, Action::Edit]);
    assert_eq!(app.selected(), Some((Kind::Stance, 0)));
    assert!(matches!(app.popups.last(), Some(Popup::Form(_))));
    // Actor, Target, Polarity: go to polarity and step from support to oppose.
    run(
        &mut app,
        &[Action::NextField, Action::NextField, Action::Right],
    );
    app.update(Action::Confirm);
    let d = doc(&app);
    assert_eq!(d.stances[0].polarity, Polarity::Oppose);
    assert_eq!(d.stances[0].meta.status, Status::Edited);
    app.update(Action::Undo);
    assert_eq!(doc(&app), original);
}

#[test]
fn the_form_picks_a_claims_speaker_with_the_fuzzy_picker() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(&mut app, &[Action::Edit, Action::Confirm]);
    assert!(matches!(app.popups.last(), Some(Popup::Picker(_))));
    typed(&mut app, "stolt");
    // Picking moves on to the next field; Enter there saves the form.
    run(&mut app, &[Action::Confirm, Action::Confirm]);
    let d = doc(&app);
    assert_eq!(d.claims[0].actor.as_deref(), Some("a2"));
    assert_eq!(
        d.claims[0].source.as_ref().map(|s| s.text.as_str()),
        Some("Jens Stoltenberg")
    );
    assert_eq!(d.claims[0].meta.status, Status::Edited);
}

#[test]
fn cancelling_a_form_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let original = doc(&app);
    run(
        &mut app,
        &[
            Action::Edit,
            Action::NextField,
            Action::Right,
            Action::Cancel,
        ],
    );
    assert!(app.popups.is_empty());
    assert_eq!(doc(&app), original);
    assert!(!app.is_dirty());
}

#[test]
fn tags_are_added_and_removed_without_changing_the_status() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Tags);
    typed(&mut app, "check");
    app.update(Action::Confirm);
    let d = doc(&app);
    assert_eq!(d.claims[0].meta.tags, vec!["check".to_string()]);
    assert_eq!(d.claims[0].meta.status, Status::Auto);
    // The tag in use is offered; choosing it again removes it.
    run(&mut app, &[Action::Tags, Action::Confirm]);
    assert!(doc(&app).claims[0].meta.tags.is_empty());
}

#[test]
fn merging_actors_moves_their_claims_and_undoes_exactly() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let original = doc(&app);
    // Actors list, second actor (Stoltenberg), merge into Rasmussen.
    run(&mut app, &[Action::Left, Action::Down, Action::Merge]);
    typed(&mut app, "rasm");
    app.update(Action::Confirm);
    let d = doc(&app);
    assert_eq!(d.actors.len(), original.actors.len() - 1);
    assert!(d.claims.iter().all(|c| c.actor.as_deref() == Some("a1")));
    assert!(d.stances.iter().all(|s| s.actor == "a1"));
    assert_eq!(app.selected(), Some((Kind::Actor, 0)));
    app.update(Action::Undo);
    assert_eq!(doc(&app), original);
}

#[test]
fn rename_and_alias_edit_the_selected_actor() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(&mut app, &[Action::Left, Action::Rename]);
    for _ in 0.."Anders Rasmussen".len() {
        app.update(Action::Backspace);
    }
    typed(&mut app, "A. F. Rasmussen");
    app.update(Action::Confirm);
    run(&mut app, &[Action::Alias]);
    typed(&mut app, ", Fogh");
    app.update(Action::Confirm);
    let a = &doc(&app).actors[0];
    assert_eq!(a.name, "A. F. Rasmussen");
    assert_eq!(a.aliases, vec!["Rasmussen".to_string(), "Fogh".to_string()]);
    assert_eq!(a.meta.status, Status::Edited);
}

#[test]
fn a_name_is_changed_in_the_middle_without_retyping_its_end() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(&mut app, &[Action::Left, Action::Rename]);
    for _ in 0.."Rasmussen".len() {
        app.update(Action::Left);
    }
    typed(&mut app, "Fogh ");
    app.update(Action::Confirm);
    assert_eq!(doc(&app).actors[0].name, "Anders Fogh Rasmussen");
}

#[test]
fn text_field_keys_move_the_cursor_and_delete_around_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    // The Role field: "Former NATO Secretary General".
    run(&mut app, &[Action::Left, Action::Edit]);
    run(
        &mut app,
        &[Action::NextField, Action::NextField, Action::NextField],
    );
    // Home, then Delete the "Former " word one character at a time.
    app.update(Action::LineStart);
    for _ in 0.."Former ".len() {
        app.update(Action::DeleteForward);
    }
    // End, Ctrl-w takes "General" off and typing puts it back; Ctrl-u after "NATO" leaves
    // " Secretary General".
    run(&mut app, &[Action::LineEnd, Action::DeleteWordBack]);
    typed(&mut app, "General");
    app.update(Action::LineStart);
    for _ in 0.."NATO".len() {
        app.update(Action::Right);
    }
    app.update(Action::DeleteToStart);
    typed(&mut app, "NATO's");
    app.update(Action::Confirm);
    assert_eq!(
        doc(&app).actors[0].role.as_deref(),
        Some("NATO's Secretary General")
    );
}

#[test]
fn left_and_right_still_cycle_a_choice_field() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(&mut app, &[Action::Left, Action::Edit, Action::NextField]);
    let kind = |app: &App| match app.popups.last() {
        Some(Popup::Form(f)) => format!("{:?}", f.fields[f.focus].value),
        _ => String::new(),
    };
    let before = kind(&app);
    app.update(Action::Right);
    assert_ne!(kind(&app), before);
    app.update(Action::Left);
    assert_eq!(kind(&app), before);
}

#[test]
fn delete_refuses_extracted_items_and_removes_manual_ones() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Delete);
    assert_eq!(doc(&app).claims.len(), 6);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("reject")));
    // Make a claim by hand from the word at the cursor, then delete it.
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Article);
    run(
        &mut app,
        &[Action::WordForward, Action::MakeClaim, Action::Cancel],
    );
    assert_eq!(doc(&app).claims.len(), 7);
    assert_eq!(doc(&app).claims[6].meta.status, Status::Manual);
    app.update(Action::Delete);
    assert_eq!(doc(&app).claims.len(), 6);
}

#[test]
fn a_selection_becomes_a_mention_of_a_new_actor() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Article);
    // "NATO states": select two words from the start.
    // While selecting, w stops at word ends: the end of "NATO", then of "states".
    run(
        &mut app,
        &[
            Action::Top,
            Action::Select,
            Action::WordForward,
            Action::WordForward,
        ],
    );
    let text = &app.article().text;
    let sel = app.selection().expect("selection");
    assert_eq!(&text[sel], "NATO states");
    app.update(Action::MakeMention);
    typed(&mut app, "NATO member states");
    app.update(Action::Confirm);
    // The form opens on the new actor's kind.
    assert!(matches!(app.popups.last(), Some(Popup::Form(_))));
    run(&mut app, &[Action::Right, Action::Confirm]);
    let d = doc(&app);
    let a = d.actors.last().expect("actor");
    assert_eq!(a.name, "NATO member states");
    assert_eq!(a.mentions[0].text, "NATO states");
    assert_eq!(a.meta.status, Status::Manual);
    assert_eq!(a.kind, crate::model::ActorKind::Person);
    assert_eq!(app.selected(), Some((Kind::Actor, d.actors.len() - 1)));
}

#[test]
fn the_word_at_the_cursor_becomes_a_mention_of_an_existing_actor() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Search);
    typed(&mut app, "Kiev");
    run(&mut app, &[Action::Confirm, Action::Cancel]);
    app.update(Action::MakeMention);
    typed(&mut app, "ukr");
    app.update(Action::Confirm);
    let d = doc(&app);
    let ukraine = d.actors.iter().find(|a| a.id == "a4").expect("ukraine");
    assert!(ukraine.mentions.iter().any(|m| m.text == "Kiev"));
    assert_eq!(ukraine.meta.status, Status::Edited);
}

#[test]
fn a_selection_becomes_a_stance_with_actor_target_and_polarity() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(&mut app, &[Action::FocusNext, Action::Top, Action::Select]);
    for _ in 0..5 {
        app.update(Action::WordForward);
    }
    app.update(Action::MakeStance);
    typed(&mut app, "nato");
    app.update(Action::Confirm);
    // The form opens on the target.
    typed(&mut app, "deployment in Ukraine");
    run(
        &mut app,
        &[Action::NextField, Action::Left, Action::Confirm],
    );
    let d = doc(&app);
    let s = d.stances.last().expect("stance");
    assert_eq!(s.actor, "a3");
    assert_eq!(s.target, "deployment in Ukraine");
    assert_eq!(s.polarity, Polarity::Oppose);
    assert_eq!(s.meta.status, Status::Manual);
}

#[test]
fn span_ends_move_by_words() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let before = doc(&app).claims[0].content.text.clone();
    app.update(Action::ShrinkEnd);
    let after = doc(&app).claims[0].content.text.clone();
    assert_eq!(after, before.trim_end_matches(" Russia"));
    app.update(Action::GrowEnd);
    assert_eq!(doc(&app).claims[0].content.text, before);
    app.update(Action::GrowStart);
    assert!(doc(&app).claims[0].content.text.starts_with("says it"));
}

#[test]
fn search_finds_matches_and_n_walks_them() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Search);
    typed(&mut app, "vilnius");
    app.update(Action::Confirm);
    let matches = app.search.as_ref().expect("search").matches.clone();
    assert_eq!(matches.len(), 3);
    app.update(Action::NextAnnotation);
    let cursor = app.slot().expect("slot").view.cursor;
    assert!(matches.iter().any(|m| m.start == cursor));
    app.update(Action::Cancel);
    assert!(app.search.is_none());
}

#[test]
fn enter_in_the_search_puts_the_cursor_on_the_match_and_esc_leaves_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Article);
    let cursor = |app: &App| app.slot().expect("slot").view.cursor;
    let before = cursor(&app);
    // Esc while typing: the cursor stays where it was.
    app.update(Action::Search);
    typed(&mut app, "vilnius");
    app.update(Action::Cancel);
    assert_eq!(cursor(&app), before);
    // Enter: the cursor goes to the match shown, so a mention or claim made next is there.
    app.update(Action::Search);
    typed(&mut app, "vilnius");
    app.update(Action::Confirm);
    let first = app.search.as_ref().expect("search").matches[0].clone();
    assert_eq!(cursor(&app), first.start);
    app.update(Action::Cancel);
    assert_eq!(
        cursor(&app),
        first.start,
        "Esc drops the search, not the place"
    );
}

#[test]
fn the_wheel_keeps_the_article_cursor_in_view() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Resize(120, 12));
    let area = app.screen().article;
    let in_view = |app: &App| {
        let lines = app.lines(area.width);
        let view = app.slot().expect("slot").view.clone();
        let top = crate::tui::layout::line_of(&lines, view.scroll);
        let line = crate::tui::layout::line_of(&lines, view.cursor);
        (top..top + usize::from(area.height)).contains(&line)
    };
    assert!(in_view(&app));
    for _ in 0..4 {
        app.update(Action::ScrollDown(area.x + 1, area.y + 1));
        assert!(in_view(&app), "{:?}", app.slot().expect("slot").view);
    }
    assert!(app.slot().expect("slot").view.cursor > 0);
    for _ in 0..8 {
        app.update(Action::ScrollUp(area.x + 1, area.y + 1));
        assert!(in_view(&app), "{:?}", app.slot().expect("slot").view);
    }
    // A page down in the article moves the view and the cursor one page, not two.
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Article);
    let lines = app.lines(area.width);
    let line_of = |app: &App| {
        let view = app.slot().expect("slot").view.clone();
        (
            crate::tui::layout::line_of(&lines, view.scroll),
            crate::tui::layout::line_of(&lines, view.cursor),
        )
    };
    app.update(Action::Top);
    let (_, line) = line_of(&app);
    app.update(Action::PageDown);
    let page = usize::from(area.height) - 1;
    assert_eq!(line_of(&app).1, line + page);
    assert!(in_view(&app));
}

/// The search's query and where its cursor is (a byte offset).
fn search_query(app: &App) -> (String, usize) {
    let query = &app.search.as_ref().expect("search").query;
    (query.text().to_string(), query.cursor())
}

#[test]
fn a_search_is_edited_in_the_middle_and_searched_again_as_it_changes() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Search);
    typed(&mut app, "vilnus");
    assert!(app.search.as_ref().expect("search").matches.is_empty());
    // The missing "i", typed two characters from the end.
    run(&mut app, &[Action::Left, Action::Left]);
    app.update(Action::Input('i'));
    assert_eq!(search_query(&app), ("vilnius".to_string(), "vilni".len()));
    assert_eq!(app.search.as_ref().expect("search").matches.len(), 3);
    // Home, then Delete the "v": "ilnius" still matches; typing it back too.
    run(&mut app, &[Action::LineStart, Action::DeleteForward]);
    assert_eq!(search_query(&app), ("ilnius".to_string(), 0));
    assert_eq!(app.search.as_ref().expect("search").matches.len(), 3);
    app.update(Action::Input('v'));
    // n is a character while the search is typed, not the next match.
    run(&mut app, &[Action::LineEnd, Action::Input('n')]);
    assert_eq!(search_query(&app).0, "vilniusn");
    assert!(app.search.as_ref().expect("search").matches.is_empty());
    run(&mut app, &[Action::Left, Action::Backspace]);
    assert_eq!(search_query(&app), ("vilniun".to_string(), "vilniu".len()));
    app.update(Action::Right);
    app.update(Action::Backspace);
    app.update(Action::Input('s'));
    assert_eq!(app.search.as_ref().expect("search").matches.len(), 3);
    app.update(Action::Confirm);
    assert_eq!(app.search.as_ref().expect("search").matches.len(), 3);
}

#[test]
fn ctrl_w_and_ctrl_u_in_the_search_delete_before_the_cursor() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Search);
    typed(&mut app, "summit in Vilnius");
    for _ in 0.." Vilnius".len() {
        app.update(Action::Left);
    }
    app.update(Action::DeleteWordBack);
    assert_eq!(
        search_query(&app),
        ("summit  Vilnius".to_string(), "summit ".len())
    );
    assert!(app.search.as_ref().expect("search").matches.is_empty());
    app.update(Action::DeleteToStart);
    assert_eq!(search_query(&app), (" Vilnius".to_string(), 0));
    assert_eq!(app.search.as_ref().expect("search").matches.len(), 3);
    // Emptied, the search finds nothing and Enter drops it.
    run(
        &mut app,
        &[Action::LineEnd, Action::DeleteToStart, Action::Confirm],
    );
    assert!(app.search.is_none());
}

#[test]
fn moving_the_search_cursor_keeps_the_matches_and_the_view() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Search);
    typed(&mut app, "Vilnius");
    let before = (app.search.clone(), app.slot().map(|s| s.view.scroll));
    run(&mut app, &[Action::Left, Action::LineStart, Action::Right]);
    let search = app.search.clone().expect("search");
    assert_eq!(search.query.cursor(), 1);
    assert_eq!(search.matches, before.0.expect("search").matches);
    assert_eq!(app.slot().map(|s| s.view.scroll), before.1);
}

/// The open picker's filter and where its cursor is (a byte offset).
fn picker_query(app: &App) -> (String, usize) {
    match app.popups.last() {
        Some(Popup::Picker(p)) => (p.query.text().to_string(), p.query.cursor()),
        _ => panic!("no picker open"),
    }
}

fn picker_selected(app: &App) -> usize {
    match app.popups.last() {
        Some(Popup::Picker(p)) => p.selected,
        _ => panic!("no picker open"),
    }
}

#[test]
fn the_actor_pickers_filter_is_edited_in_the_middle() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(&mut app, &[Action::Edit, Action::Confirm]);
    typed(&mut app, "stltenberg");
    assert_eq!(picker_query(&app).1, "stltenberg".len());
    // Home, two to the right, and the missing "o" goes in there.
    run(&mut app, &[Action::LineStart, Action::Right, Action::Right]);
    app.update(Action::Input('o'));
    assert_eq!(picker_query(&app), ("stoltenberg".to_string(), 3));
    // Up and Down still move through the options, Enter chooses.
    run(&mut app, &[Action::Down, Action::Up, Action::Confirm]);
    app.update(Action::Confirm);
    assert_eq!(doc(&app).claims[0].actor.as_deref(), Some("a2"));
}

#[test]
fn the_tag_pickers_filter_takes_every_editing_key() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Tags);
    typed(&mut app, "to chek");
    // Left, then the missing "c" of "check" before the "k".
    app.update(Action::Left);
    app.update(Action::Input('c'));
    assert_eq!(
        picker_query(&app),
        ("to check".to_string(), "to chec".len())
    );
    // Ctrl-w from after "to " takes "to " off, leaving the cursor at the start.
    run(
        &mut app,
        &[
            Action::LineStart,
            Action::Right,
            Action::Right,
            Action::Right,
        ],
    );
    app.update(Action::DeleteWordBack);
    assert_eq!(picker_query(&app), ("check".to_string(), 0));
    // End, Backspace and Delete (at the end: nothing).
    run(
        &mut app,
        &[Action::LineEnd, Action::Backspace, Action::DeleteForward],
    );
    assert_eq!(picker_query(&app), ("chec".to_string(), 4));
    app.update(Action::Input('k'));
    // Ctrl-u after "ch" leaves "eck", with the cursor where "ch" goes back in.
    run(&mut app, &[Action::Left, Action::Left, Action::Left]);
    app.update(Action::DeleteToStart);
    assert_eq!(picker_query(&app), ("eck".to_string(), 0));
    typed(&mut app, "ch");
    app.update(Action::Confirm);
    assert_eq!(doc(&app).claims[0].meta.tags, vec!["check".to_string()]);
    // Esc still closes a picker.
    run(&mut app, &[Action::Tags, Action::Cancel]);
    assert!(app.popups.is_empty());
}

#[test]
fn moving_a_pickers_cursor_keeps_the_selected_option_and_editing_resets_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(&mut app, &[Action::Edit, Action::Confirm]);
    typed(&mut app, "a");
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(picker_selected(&app), 2);
    run(
        &mut app,
        &[Action::Left, Action::LineEnd, Action::LineStart],
    );
    assert_eq!(picker_selected(&app), 2);
    // Deleting nothing (Backspace at the start) changes nothing either.
    app.update(Action::Backspace);
    assert_eq!(picker_selected(&app), 2);
    app.update(Action::DeleteForward);
    assert_eq!(picker_selected(&app), 0);
}

#[test]
fn n_goes_through_annotations_in_reading_order() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    // From claim c1 (content after "says"), the next thing is its stance s1 at the same place,
    // then the mention of Poland inside it.
    app.update(Action::NextAnnotation);
    assert_eq!(app.selected(), Some((Kind::Stance, 0)));
    app.update(Action::NextAnnotation);
    assert_eq!(app.selected().map(|s| s.0), Some(Kind::Actor));
    app.update(Action::PrevAnnotation);
    assert_eq!(app.selected(), Some((Kind::Stance, 0)));
}

#[test]
fn enter_shows_the_selected_item_in_the_article() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(&mut app, &[Action::Bottom, Action::Jump]);
    let slot = app.slot().expect("slot");
    let content = slot.doc.claims[5].content.start;
    assert_eq!(
        slot.view.cursor,
        slot.map.to_byte(&app.article().text, content)
    );
    assert_eq!(app.focus, Focus::Article);
    assert!(slot.view.scroll > 0);
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Accept);
    app.update(Action::Quit);
    assert!(!app.should_quit);
    assert!(matches!(app.popups.last(), Some(Popup::ConfirmQuit)));
    app.update(Action::Cancel);
    assert!(app.popups.is_empty() && !app.should_quit);
    app.write_recovery();
    let path = app.slot().expect("slot").save_to.clone();
    assert!(store::recovery_path(&path).exists());
    run(&mut app, &[Action::Quit, Action::Discard]);
    assert!(app.should_quit);
    // Quitting without saving means it: no recovery file is left to offer next time.
    assert!(!store::recovery_path(&path).exists());
    assert!(!path.exists());
}

/// An app over the sample article whose text changed (a paragraph inserted after the title,
/// a word changed in a claim) since its annotations were saved in `dir`.
fn app_over_a_changed_article(dir: &std::path::Path) -> App {
    let saved = fixture::sample_article();
    store::save(
        &store::path_for(dir, &saved.id),
        &fixture::sample_document(&saved),
    )
    .expect("save");
    let text = saved.text.replacen('\n', "\nA paragraph added since.\n", 1);
    let text = text.replacen("very likely", "quite likely", 1);
    assert_ne!(text, saved.text);
    let changed = crate::article::load::from_txt(&saved.id, &saved.source, &text);
    app_over(dir, vec![changed])
}

#[test]
fn a_reanchored_article_is_unsaved_until_saved() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_over_a_changed_article(dir.path());
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("spans moved"), "{message}");
    assert!(app.is_dirty(), "the file still holds the old offsets");
    app.update(Action::Quit);
    assert!(!app.should_quit);
    assert!(matches!(app.popups.last(), Some(Popup::ConfirmQuit)));
    app.update(Action::SaveQuit);
    assert!(app.should_quit);
    let path = app.slot().expect("slot").save_to.clone();
    let saved = store::load(&path).expect("saved");
    assert_eq!(saved, doc(&app));
    assert_eq!(saved.article.sha256, app.article().sha256);
    // Opened again, the saved offsets fit: nothing to re-anchor, nothing unsaved.
    let again = app_over(dir.path(), vec![app.article().clone()]);
    assert!(!again.is_dirty());
}

#[test]
fn approximately_matched_items_are_tagged_and_named() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_over_a_changed_article(dir.path());
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("matched approximately (check "),
        "{message}"
    );
    let d = doc(&app);
    let tagged: Vec<&str> = d
        .claims
        .iter()
        .filter(|c| {
            c.meta
                .tags
                .iter()
                .any(|t| t == store::reanchor::APPROXIMATE_TAG)
        })
        .map(|c| c.id.as_str())
        .collect();
    assert!(!tagged.is_empty(), "{message}");
    for id in tagged {
        assert!(message.contains(id), "{id} named in {message}");
    }
}

#[test]
fn saving_writes_the_file_clears_the_mark_and_removes_the_recovery_file() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Accept);
    app.write_recovery();
    let path = app.slot().expect("slot").save_to.clone();
    assert!(store::recovery_path(&path).exists());
    app.update(Action::Save);
    assert!(!app.is_dirty());
    assert!(!store::recovery_path(&path).exists());
    let saved = store::load(&path).expect("saved file");
    assert_eq!(saved.claims[0].meta.status, Status::Accepted);
    // Reopening reads the saved file, not the extractor.
    let again = app_in(dir.path());
    assert_eq!(doc(&again), saved);
}

#[test]
fn save_and_quit_from_the_question_saves() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(&mut app, &[Action::Reject, Action::Quit, Action::SaveQuit]);
    assert!(app.should_quit);
    let path = app.slot().expect("slot").save_to.clone();
    assert_eq!(
        store::load(&path).expect("saved").claims[0].meta.status,
        Status::Rejected
    );
}

#[test]
fn articles_open_lazily_and_keep_their_place() {
    let dir = tempfile::tempdir().expect("dir");
    let mut second = fixture::sample_article();
    second.id = "second".into();
    let mut app = App::new(
        vec![fixture::sample_article(), second],
        dir.path().to_path_buf(),
        fixture::sample_document,
        Keymap::defaults(),
    );
    assert!(app.slots[1].is_none());
    app.update(Action::Down);
    app.update(Action::NextArticle);
    assert_eq!(app.current, 1);
    assert!(app.needs_open());
    app.open_pending();
    assert!(app.slots[1].is_some());
    assert_eq!(app.selected(), Some((Kind::Claim, 0)));
    app.update(Action::PrevArticle);
    assert_eq!(app.selected(), Some((Kind::Claim, 1)));
}

#[test]
fn resizing_keeps_the_reading_position() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::FocusNext);
    app.scroll_by(20);
    let text = app.article().text.clone();
    let anchor = app.slot().expect("slot").view.scroll;
    let word = text[anchor..].split_whitespace().next().map(str::to_string);
    for (w, h) in [(60, 20), (200, 50), (33, 9), (120, 40)] {
        app.update(Action::Resize(w, h));
        let area = app.screen().article;
        let lines = app.lines(area.width);
        let top = super::layout::line_of(&lines, app.slot().expect("slot").view.scroll);
        let shown = &text[lines[top].start..];
        assert!(
            shown.split_whitespace().next().map(str::to_string) == word
                || lines[top].start <= anchor,
            "at {w}x{h}"
        );
    }
}

#[test]
fn tab_goes_to_the_article_and_back_keeping_the_list_and_its_selection() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let at = |app: &App| (app.focus, app.selected());
    let c3 = Some((Kind::Claim, 2));
    run(&mut app, &[Action::Down, Action::Down]);
    // Tab, and Shift-Tab the same with two panes.
    for (key, pane) in [
        (Action::FocusNext, Focus::Article),
        (Action::FocusNext, Focus::List),
        (Action::FocusPrev, Focus::Article),
        (Action::FocusPrev, Focus::List),
    ] {
        app.update(key);
        assert_eq!(at(&app), (pane, c3), "{key:?}");
    }
}

#[test]
fn left_and_right_in_the_lists_go_through_actors_claims_and_stances() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Right);
    assert_eq!((app.focus, app.tab), (Focus::List, Kind::Stance));
    app.update(Action::Right);
    assert_eq!(app.tab, Kind::Actor);
    app.update(Action::Down);
    app.update(Action::Left);
    assert_eq!(app.tab, Kind::Stance);
    app.update(Action::Left);
    assert_eq!(app.tab, Kind::Claim);
    // Each list kept its own selection.
    assert_eq!(app.selected(), Some((Kind::Claim, 0)));
    app.update(Action::Left);
    assert_eq!(app.selected(), Some((Kind::Actor, 1)));
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn left_and_right_in_the_article_move_the_cursor_not_the_list() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::FocusNext);
    let before = app.slot().expect("slot").view.cursor;
    app.update(Action::Right);
    assert!(app.slot().expect("slot").view.cursor > before);
    app.update(Action::Left);
    assert_eq!(app.slot().expect("slot").view.cursor, before);
    assert_eq!(app.focus, Focus::Article);
    assert_eq!(app.selected(), Some((Kind::Claim, 0)));
}

#[test]
fn after_tab_from_the_claims_list_c_and_o_change_the_claim_selected_there() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let original = doc(&app);
    // c2: "A group of NATO countries ... Rasmussen stated on Wednesday."
    app.update(Action::Down);
    cursor_to(&mut app, "Wednesday");
    assert_eq!(app.focus, Focus::List);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Article);
    app.update(Action::MakeCue);
    let d = doc(&app);
    assert_eq!(
        d.claims[1].cue.as_ref().map(|c| c.text.as_str()),
        Some("Wednesday")
    );
    assert_eq!(d.claims[0], original.claims[0]);
    assert_eq!(d.stances, original.stances);
    cursor_to(&mut app, "Anders Rasmussen stated");
    app.update(Action::MakeSource);
    let d = doc(&app);
    assert_eq!(
        d.claims[1].source.as_ref().map(|s| s.text.as_str()),
        Some("Anders")
    );
    assert_eq!(app.selected(), Some((Kind::Claim, 1)));
    assert_eq!(d.stances, original.stances);
}

#[test]
fn after_tab_t_tags_the_item_selected_in_the_list() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(
        &mut app,
        &[Action::Left, Action::Down, Action::FocusNext, Action::Tags],
    );
    typed(&mut app, "check");
    app.update(Action::Confirm);
    let d = doc(&app);
    assert_eq!(d.actors[1].meta.tags, vec!["check".to_string()]);
    assert!(d.claims.iter().all(|c| c.meta.tags.is_empty()));
    assert_eq!(app.focus, Focus::Article);
}

#[test]
fn help_opens_and_closes() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Help);
    assert!(matches!(app.popups.last(), Some(Popup::Help { .. })));
    app.update(Action::Accept);
    assert_eq!(doc(&app).claims[0].meta.status, Status::Auto);
    app.update(Action::Cancel);
    assert!(app.popups.is_empty());
}

#[test]
fn clicking_a_marked_word_selects_its_annotation() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    // Row 3 of the article text is the first body line: "Former NATO Secretary General..."
    let area = app.screen().article;
    let lines = app.lines(area.width);
    let text = app.article().text.clone();
    let nato = text.find("NATO Secretary").expect("nato");
    let row = super::layout::line_of(&lines, nato) as u16;
    let col = super::text::column_of(&text, lines[row as usize], nato) as u16;
    app.update(Action::Click(area.x + col + 1, area.y + row));
    assert_eq!(app.selected(), Some((Kind::Actor, 2)));
    // And a click in the list selects a row there.
    let list = app.screen().list;
    app.update(Action::Click(list.x + 2, list.y + 1));
    assert_eq!(app.selected(), Some((Kind::Actor, 1)));
    assert_eq!(app.focus, Focus::List);
}

/// An annotation dir holding only a recovery file in which claim c1 is accepted.
fn dir_with_recovery() -> (tempfile::TempDir, Document) {
    let dir = tempfile::tempdir().expect("dir");
    let article = fixture::sample_article();
    let mut recovered = fixture::sample_document(&article);
    recovered.claims[0].meta.status = Status::Accepted;
    let path = store::path_for(dir.path(), &article.id);
    store::write_recovery(&path, &recovered).expect("recovery file");
    (dir, recovered)
}

#[test]
fn unsaved_work_of_an_earlier_session_is_offered_and_restored() {
    let (dir, recovered) = dir_with_recovery();
    let mut app = app_in(dir.path());
    assert!(matches!(app.popups.last(), Some(Popup::Recover(_))));
    app.update(Action::Accept);
    assert!(matches!(app.popups.last(), Some(Popup::Recover(_))));
    app.update(Action::Restore);
    assert!(app.popups.is_empty());
    assert_eq!(doc(&app), recovered);
    assert!(app.is_dirty());
    app.update(Action::Save);
    let path = app.slot().expect("slot").save_to.clone();
    assert!(!store::recovery_path(&path).exists());
    assert_eq!(store::load(&path).expect("saved"), recovered);
}

#[test]
fn unsaved_work_of_an_earlier_session_can_be_discarded() {
    let (dir, _) = dir_with_recovery();
    let mut app = app_in(dir.path());
    app.update(Action::Discard);
    assert!(app.popups.is_empty());
    assert!(!app.should_quit);
    assert_eq!(doc(&app).claims[0].meta.status, Status::Auto);
    let path = app.slot().expect("slot").save_to.clone();
    assert!(!store::recovery_path(&path).exists());
}

#[test]
fn a_selection_becomes_the_cue_of_the_selected_claim() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let original = doc(&app);
    cursor_to(&mut app, "stated on");
    // The claims list still selects c1; C makes the word at the cursor its cue.
    app.update(Action::MakeCue);
    let d = doc(&app);
    assert_eq!(
        d.claims[0].cue.as_ref().map(|c| c.text.as_str()),
        Some("stated")
    );
    assert_eq!(d.claims[0].meta.status, Status::Edited);
    app.update(Action::Undo);
    assert_eq!(doc(&app), original);
}

#[test]
fn a_mention_made_the_source_of_a_claim_makes_its_actor_the_speaker() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let original = doc(&app);
    cursor_to(&mut app, "Poland support");
    // c1 ("Anders Rasmussen says ...") is still selected; o makes the word at the cursor its
    // source, and that word is a mention of Poland (a5).
    app.update(Action::MakeSource);
    let d = doc(&app);
    let c1 = &d.claims[0];
    assert_eq!(c1.source.as_ref().map(|s| s.text.as_str()), Some("Poland"));
    assert_eq!(c1.actor.as_deref(), Some("a5"));
    assert_eq!(c1.meta.status, Status::Edited);
    assert_eq!(app.selected(), Some((Kind::Claim, 0)));
    app.update(Action::Undo);
    assert_eq!(doc(&app), original);
}

#[test]
fn a_described_source_keeps_the_claims_speaker() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    cursor_to(&mut app, "Former NATO");
    // "Former NATO Secretary General": NATO (a3) is only a small part of it.
    run(
        &mut app,
        &[
            Action::Select,
            Action::WordForward,
            Action::WordForward,
            Action::WordForward,
            Action::WordForward,
            Action::MakeSource,
        ],
    );
    let d = doc(&app);
    assert_eq!(
        d.claims[0].source.as_ref().map(|s| s.text.as_str()),
        Some("Former NATO Secretary General")
    );
    assert_eq!(d.claims[0].actor.as_deref(), Some("a1"));
    assert_eq!(app.selection(), None);
}

#[test]
fn without_a_claim_o_says_how_to_pick_one_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let original = doc(&app);
    // The stances list, then Tab to the article: a stance is the selected item.
    run(
        &mut app,
        &[Action::Right, Action::FocusNext, Action::MakeSource],
    );
    assert_eq!(app.focus, Focus::Article);
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("claims list and press Enter"), "{said}");
    assert_eq!(doc(&app), original);
    // Back to the lists, the claims list, and Enter: the claim is selected in the article.
    run(
        &mut app,
        &[
            Action::FocusNext,
            Action::Left,
            Action::Jump,
            Action::MakeSource,
        ],
    );
    assert_eq!(app.focus, Focus::Article);
    assert_ne!(doc(&app), original);
}

#[test]
fn sentence_moves_while_selecting_stop_at_the_sentence_end() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(
        &mut app,
        &[Action::FocusNext, Action::Top, Action::Down, Action::Down],
    );
    run(&mut app, &[Action::Select, Action::SentenceForward]);
    let text = app.article().text.clone();
    let sel = app.selection().expect("selection");
    assert!(text[sel].ends_with("fight against Russia."));
}

#[test]
fn the_autosave_interval_comes_from_config_toml() {
    let dir = tempfile::tempdir().expect("dir");
    assert_eq!(super::Config::load(Some(dir.path())).0.autosave_secs, 60);
    std::fs::write(dir.path().join("config.toml"), "autosave_secs = 5\n").expect("write");
    assert_eq!(super::Config::load(Some(dir.path())).0.autosave_secs, 5);
    std::fs::write(dir.path().join("config.toml"), "autosave_secs = \"x\"\n").expect("write");
    let (config, error) = super::Config::load(Some(dir.path()));
    assert_eq!(config.autosave_secs, 60);
    assert!(error.is_some());
}

#[test]
fn with_no_articles_the_sample_is_shown() {
    let dir = tempfile::tempdir().expect("dir");
    let app = App::new(
        Vec::new(),
        dir.path().to_path_buf(),
        fixture::sample_document,
        Keymap::defaults(),
    );
    assert_eq!(app.articles.len(), 1);
    assert!(app.message.is_some());
}

mod random {
    use super::*;
    use proptest::prelude::*;

    /// Every action a user can send, with typed characters and mouse events.
    fn action() -> impl Strategy<Value = Action> {
        let plain = prop::sample::select(vec![
            Action::Save,
            Action::Help,
            Action::FocusNext,
            Action::FocusPrev,
            Action::Up,
            Action::Down,
            Action::Left,
            Action::Right,
            Action::PageUp,
            Action::PageDown,
            Action::Top,
            Action::Bottom,
            Action::Jump,
            Action::NextAnnotation,
            Action::PrevAnnotation,
            Action::NextUnreviewed,
            Action::PrevUnreviewed,
            Action::Search,
            Action::Accept,
            Action::Reject,
            Action::Edit,
            Action::Delete,
            Action::Undo,
            Action::Redo,
            Action::Tags,
            Action::TagFilter,
            Action::Rename,
            Action::Alias,
            Action::Merge,
            Action::WordForward,
            Action::WordBack,
            Action::SentenceForward,
            Action::SentenceBack,
            Action::Select,
            Action::MakeMention,
            Action::MakeClaim,
            Action::MakeStance,
            Action::MakeCue,
            Action::MakeSource,
            Action::RemoveMention,
            Action::GrowStart,
            Action::ShrinkStart,
            Action::GrowEnd,
            Action::ShrinkEnd,
            Action::Confirm,
            Action::Cancel,
            Action::NextField,
            Action::PrevField,
            Action::Backspace,
            Action::DeleteForward,
            Action::DeleteWordBack,
            Action::DeleteToStart,
            Action::LineStart,
            Action::LineEnd,
        ]);
        prop_oneof![
            8 => plain,
            1 => prop::char::range('a', 'z').prop_map(Action::Input),
            1 => (0u16..130, 0u16..45).prop_map(|(x, y)| Action::Click(x, y)),
            1 => (0u16..130, 0u16..45).prop_map(|(x, y)| Action::ScrollDown(x, y)),
            1 => (1u16..200, 1u16..60).prop_map(|(w, h)| Action::Resize(w, h)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_key_sequence_is_safe_and_undoes_to_the_original(
            actions in prop::collection::vec(action(), 1..60)
        ) {
            let dir = tempfile::tempdir().expect("dir");
            let mut app = app_in(dir.path());
            let original = doc(&app);
            for a in actions {
                app.update(a);
                let (w, h) = app.size;
                let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h))
                    .expect("terminal");
                terminal.draw(|f| crate::tui::view::draw(&app, f)).expect("draw");
                // A cursor shown is on the screen.
                let backend = terminal.backend();
                let at = backend.cursor_position();
                prop_assert!(!backend.cursor_visible() || (at.x < w && at.y < h));
            }
            for _ in 0..6 {
                app.update(Action::Cancel);
            }
            while app.slot().is_some_and(|s| s.history.can_undo()) {
                app.update(Action::Undo);
            }
            prop_assert_eq!(doc(&app), original);
        }
    }
}

#[test]
fn a_panic_leaves_a_recovery_file_of_unsaved_work() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Accept);
    assert!(app.take_changed());
    let snapshot: super::Snapshot = std::sync::Arc::default();
    *snapshot.lock().expect("lock") = app.dirty_documents().into_iter().collect();
    super::install_recovery_hook(snapshot);
    let path = app.slot().expect("slot").save_to.clone();
    // An opener thread's panic is caught and shown in the app: the hook leaves it alone.
    let opener = std::thread::Builder::new()
        .name(crate::tui::app::OPENER_THREAD.into())
        .spawn(|| std::panic::catch_unwind(|| panic!("an extractor bug")).is_err())
        .expect("spawn")
        .join()
        .expect("joined");
    assert!(opener);
    let after_opener = store::recovery_path(&path).exists();
    let crashed = std::panic::catch_unwind(|| panic!("a bug"));
    // Back to the default hook for the other tests.
    drop(std::panic::take_hook());
    assert!(crashed.is_err());
    assert!(
        !after_opener,
        "an opener's caught panic wrote a recovery file"
    );
    let recovered = store::load(&store::recovery_path(&path)).expect("recovery file");
    assert_eq!(recovered, doc(&app));
}

#[test]
fn the_mouse_wheel_scrolls_the_article_and_moves_through_lists() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let article = app.screen().article;
    app.update(Action::ScrollDown(article.x + 1, article.y + 1));
    assert!(app.slot().expect("slot").view.scroll > 0);
    app.update(Action::ScrollUp(article.x + 1, article.y + 1));
    assert_eq!(app.slot().expect("slot").view.scroll, 0);
    let list = app.screen().list;
    app.update(Action::ScrollDown(list.x + 1, list.y + 1));
    assert_eq!(app.selected(), Some((Kind::Claim, 1)));
}

#[test]
fn esc_then_a_key_read_as_alt_key_is_both_presses() {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Help);
    super::handle(
        &mut app,
        Event::Key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::ALT)),
    );
    assert!(app.popups.is_empty());
    assert_eq!(doc(&app).claims[0].meta.status, Status::Accepted);
    app.update(Action::Help);
    super::handle(
        &mut app,
        Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::ALT)),
    );
    assert!(app.popups.is_empty());
}

#[test]
fn j_and_k_capitals_skip_to_items_nobody_reviewed() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    run(&mut app, &[Action::Accept, Action::Accept, Action::Top]);
    app.update(Action::NextUnreviewed);
    assert_eq!(app.selected(), Some((Kind::Claim, 2)));
    app.update(Action::PrevUnreviewed);
    assert_eq!(app.selected(), Some((Kind::Claim, 2)));
    assert!(app.message.is_some());
}

#[test]
fn a_wrong_mention_is_removed_from_its_actor() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let original = doc(&app);
    // The cursor on "Russia" in the first claim.
    app.update(Action::Search);
    typed(&mut app, "Russia");
    run(&mut app, &[Action::Confirm, Action::Cancel]);
    app.update(Action::RemoveMention);
    let d = doc(&app);
    let russia = d.actors.iter().find(|a| a.id == "a6").expect("russia");
    assert!(russia.mentions.is_empty());
    assert_eq!(russia.meta.status, Status::Edited);
    assert_eq!(app.selected().map(|s| s.0), Some(Kind::Actor));
    app.update(Action::Undo);
    assert_eq!(doc(&app), original);
}

// ---- stance matrix and export -----------------------------------------------------------

fn matrix_at(app: &App) -> Option<(usize, usize)> {
    match app.popups.last() {
        Some(Popup::Matrix { row, col }) => Some((*row, *col)),
        _ => None,
    }
}

#[test]
fn s_opens_the_stance_matrix_and_esc_closes_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Matrix);
    assert_eq!(matrix_at(&app), Some((0, 0)));
    assert_eq!(app.mode(), super::keymap::Mode::Matrix);
    app.update(Action::Cancel);
    assert!(app.popups.is_empty());
    app.update(Action::Matrix);
    app.update(Action::Matrix);
    assert!(app.popups.is_empty(), "S closes it too");
}

#[test]
fn the_matrix_scrolls_within_its_actors_and_targets() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let m = app.stance_matrix();
    assert!(!m.is_empty(), "the fixture has stances");
    app.update(Action::Matrix);
    run(&mut app, &[Action::Down; 50]);
    run(&mut app, &[Action::Right; 50]);
    assert_eq!(
        matrix_at(&app),
        Some((m.actors.len() - 1, m.targets.len() - 1))
    );
    run(&mut app, &[Action::Up, Action::Left]);
    assert_eq!(
        matrix_at(&app),
        Some((
            m.actors.len().saturating_sub(2),
            m.targets.len().saturating_sub(2)
        ))
    );
    run(&mut app, &[Action::Top; 1]);
    assert_eq!(matrix_at(&app).map(|(r, _)| r), Some(0));
}

#[test]
fn the_matrix_leaves_out_rejected_stances() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let before = app.stance_matrix();
    app.update(Action::Right);
    assert_eq!(app.tab, Kind::Stance);
    for _ in 0..doc(&app).stances.len() {
        app.update(Action::Reject);
    }
    assert!(!before.is_empty());
    assert!(app.stance_matrix().is_empty());
}

#[test]
fn export_writes_the_chosen_format_beside_the_annotations_and_says_where() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.update(Action::Export);
    assert!(matches!(app.popups.last(), Some(Popup::Picker(_))));
    typed(&mut app, "w3c");
    app.update(Action::Confirm);
    assert!(app.popups.is_empty());
    let path = app.export_path(crate::export::Format::W3c).expect("path");
    assert!(path.starts_with(dir.path().join("exports")), "{path:?}");
    let text = std::fs::read_to_string(&path).expect("written");
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert!(json.is_object());
    let message = app.message.clone().unwrap_or_default();
    assert_eq!(message, format!("exported to {}", path.display()));
}

#[test]
fn export_of_a_directory_format_writes_its_files() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.export(crate::export::Format::Brat);
    let out = app.export_path(crate::export::Format::Brat).expect("path");
    assert!(out.join("annotation.conf").is_file(), "{:?}", app.message);
    let stem = store::file_stem(&app.article().id);
    let ann = std::fs::read_to_string(out.join(format!("{stem}.ann"))).expect("ann");
    assert!(ann.contains("T1"), "{ann}");
}

#[test]
fn export_leaves_out_rejected_items() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    let claims = doc(&app).claims.len();
    app.update(Action::Reject);
    app.export(crate::export::Format::Polnear);
    let path = app
        .export_path(crate::export::Format::Polnear)
        .expect("path");
    let text = std::fs::read_to_string(&path).expect("written");
    let all = crate::export::polnear::to_polnear(&doc(&app), Some(&app.article().text));
    let kept = crate::export::polnear::to_polnear(
        &crate::export::filter(&doc(&app), crate::export::Include::Auto),
        Some(&app.article().text),
    );
    assert_ne!(all, kept, "one of {claims} claims was rejected");
    assert_eq!(text.trim_end(), serde_json::to_string(&kept).expect("json"));
}

#[test]
fn a_failed_export_shows_the_error() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    // A file where the exports directory should be: nothing can be written under it.
    std::fs::write(dir.path().join("exports"), "in the way").expect("file");
    app.export(crate::export::Format::Csv);
    let message = app.message.clone().unwrap_or_default();
    assert!(message.starts_with("export failed: "), "{message}");
}

#[test]
fn gloss_is_not_an_export_format() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_in(dir.path());
    app.export(crate::export::Format::Gloss);
    let message = app.message.clone().unwrap_or_default();
    assert_eq!(message, "export failed: gloss cannot export to gloss");
    app.update(Action::Export);
    let Some(Popup::Picker(picker)) = app.popups.last() else {
        panic!("picker");
    };
    assert!(picker.options.iter().all(|c| c.label != "gloss"));
    assert_eq!(picker.options.len(), 6);
}

fn deferred_app(dir: &std::path::Path, articles: Vec<crate::article::Article>) -> App {
    let mut app = App::deferred(
        articles,
        dir.to_path_buf(),
        fixture::sample_document,
        Keymap::defaults(),
    );
    app.update(Action::Resize(120, 40));
    app
}

#[test]
fn a_deferred_app_asks_for_the_article_and_keys_work_before_it_is_open() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = deferred_app(dir.path(), vec![fixture::sample_article()]);
    assert!(app.slot().is_none());
    // Keys that need annotations do nothing yet; none of them opens the article in `update`.
    run(
        &mut app,
        &[Action::Down, Action::Accept, Action::PageDown, Action::Save],
    );
    assert!(app.slot().is_none());
    let request = app.open_request().expect("the current article is wanted");
    assert_eq!(request.index, 0);
    app.install(request.open());
    assert!(app.open_request().is_none());
    assert_eq!(app.selected(), Some((Kind::Claim, 0)));
    assert_eq!(doc(&app).claims[0].meta.status, Status::Auto);
}

#[test]
fn an_article_opened_after_the_user_moved_on_greets_when_shown() {
    let (dir, _) = dir_with_recovery();
    let mut second = fixture::sample_article();
    second.id = "second".into();
    let mut app = deferred_app(dir.path(), vec![fixture::sample_article(), second]);
    let first = app.open_request().expect("first wanted");
    app.update(Action::NextArticle);
    assert_eq!(app.current, 1);
    // The first article finishes opening while the second is on screen: no popup yet.
    app.install(first.open());
    assert!(app.popups.is_empty());
    let second = app.open_request().expect("second wanted");
    app.install(second.open());
    assert!(app.popups.is_empty());
    app.update(Action::PrevArticle);
    assert!(matches!(app.popups.last(), Some(Popup::Recover(_))));
}

#[test]
fn installing_an_article_twice_keeps_the_first() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = deferred_app(dir.path(), vec![fixture::sample_article()]);
    let request = app.open_request().expect("wanted");
    app.install(request.open());
    app.update(Action::Accept);
    app.install(request.open());
    assert_eq!(doc(&app).claims[0].meta.status, Status::Accepted);
}

#[test]
fn work_saved_beside_another_articles_file_is_taken_up_again_not_overwritten() {
    let dir = tempfile::tempdir().expect("dir");
    let article = fixture::sample_article();
    // The article's file name holds another article's annotations.
    let mut stranger = fixture::sample_document(&article);
    stranger.article.id = format!("{}-other", article.id);
    let path = store::path_for(dir.path(), &article.id);
    store::save(&path, &stranger).expect("save");
    let mut app = app_in(dir.path());
    let save_to = app.slot().expect("slot").save_to.clone();
    assert_ne!(save_to, path);
    app.update(Action::Accept);
    app.update(Action::Save);
    let mut again = app_in(dir.path());
    assert_eq!(doc(&again).claims[0].meta.status, Status::Accepted);
    assert_eq!(again.slot().expect("slot").save_to, save_to);
    again.update(Action::Save);
    assert_eq!(
        store::load(&path).expect("untouched").article.id,
        stranger.article.id
    );
}

fn panicking_extractor(_: &crate::article::Article) -> crate::model::Document {
    panic!("extractor bug")
}

/// Opens as the TUI does, on a thread named like its openers (so a panic hook another test
/// has installed meanwhile leaves it alone).
fn open_on_opener_thread(request: crate::tui::app::OpenRequest) -> crate::tui::app::Opened {
    std::thread::Builder::new()
        .name(crate::tui::app::OPENER_THREAD.into())
        .spawn(move || request.open())
        .expect("spawn")
        .join()
        .expect("open never panics")
}

#[test]
fn an_extractor_panic_opens_the_article_without_suggestions_and_says_why() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = App::deferred(
        vec![fixture::sample_article()],
        dir.path().to_path_buf(),
        panicking_extractor,
        Keymap::defaults(),
    );
    app.update(Action::Resize(120, 40));
    let request = app.open_request().expect("wanted");
    let id = request.article.id.clone();
    app.install(open_on_opener_thread(request));
    let slot = app.slot().expect("the article is open");
    assert!(slot.doc.claims.is_empty() && slot.doc.actors.is_empty());
    assert_eq!(slot.save_to, store::path_for(dir.path(), &id));
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("opening failed (extractor bug)"),
        "{message}"
    );
    // The user annotates by hand as usual.
    app.update(Action::Save);
    assert!(slot_path_exists(&app));
}

fn slot_path_exists(app: &App) -> bool {
    app.slot().is_some_and(|s| s.save_to.exists())
}

#[test]
fn a_panic_while_opening_never_makes_the_existing_file_the_save_target() {
    let dir = tempfile::tempdir().expect("dir");
    let article = fixture::sample_article();
    let path = store::path_for(dir.path(), &article.id);
    // A file whose reading panics is simulated by a panicking extractor and a file that
    // exists: what is saved after the panic must go beside it.
    std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
    std::fs::write(&path, "not json").expect("write");
    let request = crate::tui::app::OpenRequest {
        index: 0,
        article,
        dir: dir.path().to_path_buf(),
        extract: panicking_extractor,
    };
    let articles = vec![request.article.clone()];
    let opened = open_on_opener_thread(request);
    let mut app = App::deferred(
        articles,
        dir.path().to_path_buf(),
        panicking_extractor,
        Keymap::defaults(),
    );
    app.install(opened);
    let slot = app.slot().expect("open");
    assert_ne!(slot.save_to, path);
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "not json");
}

/// While the article opens the status bar says so, instead of a "0/0 reviewed" that reads as
/// an empty document; once open it counts what there is to review.
#[test]
fn the_status_bar_says_opening_until_the_annotations_are_there() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = App::deferred(
        vec![fixture::sample_article()],
        dir.path().to_path_buf(),
        crate::extract::extract,
        Keymap::defaults(),
    );
    app.update(Action::Resize(120, 40));
    let status = |app: &App| {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|f| f.render_widget(app, f.area()))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        (0..120)
            .map(|x| buffer[(x, 39)].symbol().to_string())
            .collect::<String>()
    };
    let before = status(&app);
    assert!(
        before.contains("opening…") && !before.contains("reviewed"),
        "{before}"
    );
    let request = app.open_request().expect("wanted");
    app.install(open_on_opener_thread(request));
    let after = status(&app);
    assert!(
        after.contains("0/") && after.contains("reviewed"),
        "{after}"
    );
}

// ---- the tag filter ---------------------------------------------------------------------

/// The sample with claims c2, c4 and c5 tagged `approximate`, c4 and actor a1 `check`.
fn tagged_app(dir: &std::path::Path) -> App {
    app_extracting(
        dir,
        vec![fixture::sample_article()],
        fixture::tagged_document,
    )
}

/// The options of the picker on top: label and detail.
fn picker_options(app: &App) -> Vec<(String, String)> {
    match app.popups.last() {
        Some(Popup::Picker(p)) => p
            .matches()
            .into_iter()
            .map(|c| (c.label, c.detail))
            .collect(),
        _ => Vec::new(),
    }
}

/// Filters the list shown by the tag the picker offers first after typing `tag`.
fn filter_by(app: &mut App, tag: &str) {
    app.update(Action::TagFilter);
    typed(app, tag);
    app.update(Action::Confirm);
}

/// Asserts that the message line says `text`.
fn assert_says(app: &App, text: &str) {
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains(text), "{said}");
}

fn filter_of(app: &App) -> Option<String> {
    app.slot()
        .and_then(|s| s.filter(app.tab))
        .map(str::to_string)
}

#[test]
fn capital_t_offers_the_tags_of_the_list_shown_with_their_counts() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    app.update(Action::TagFilter);
    assert_eq!(
        picker_options(&app),
        vec![
            ("approximate".to_string(), "3 of 6 claims".to_string()),
            ("check".to_string(), "1 of 6 claims".to_string()),
        ]
    );
    // The actors list has only its own tag.
    run(&mut app, &[Action::Cancel, Action::Left, Action::TagFilter]);
    assert_eq!(
        picker_options(&app),
        vec![("check".to_string(), "1 of 7 actors".to_string())]
    );
}

#[test]
fn a_list_without_tags_says_so_instead_of_an_empty_picker() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    run(&mut app, &[Action::Right, Action::TagFilter]);
    assert!(app.popups.is_empty());
    assert_says(&app, "no stance has a tag (t adds one)");
}

#[test]
fn a_filtered_list_moves_only_through_the_items_with_the_tag() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "approx");
    assert_eq!(filter_of(&app).as_deref(), Some("approximate"));
    assert_eq!(app.slot().expect("slot").rows(Kind::Claim), vec![1, 3, 4]);
    // c1 has no such tag: the selection goes on to c2.
    assert_eq!(app.selected(), Some((Kind::Claim, 1)));
    let said = app.message.clone().unwrap_or_default();
    assert!(
        said.contains("3 of 6 claims tagged “approximate”"),
        "{said}"
    );
    app.update(Action::Down);
    assert_eq!(app.selected(), Some((Kind::Claim, 3)));
    app.update(Action::Bottom);
    assert_eq!(app.selected(), Some((Kind::Claim, 4)));
    app.update(Action::Down);
    assert_eq!(app.selected(), Some((Kind::Claim, 4)));
    app.update(Action::Up);
    assert_eq!(app.selected(), Some((Kind::Claim, 3)));
    app.update(Action::Top);
    assert_eq!(app.selected(), Some((Kind::Claim, 1)));
    // J and K too: c3 is not reviewed, but not tagged either.
    app.update(Action::NextUnreviewed);
    assert_eq!(app.selected(), Some((Kind::Claim, 3)));
    // Accepting moves on within the filtered list.
    app.update(Action::Accept);
    assert_eq!(app.selected(), Some((Kind::Claim, 4)));
    assert_eq!(doc(&app).claims[3].meta.status, Status::Accepted);
}

#[test]
fn a_selected_item_with_the_tag_stays_selected_when_the_filter_comes() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    run(&mut app, &[Action::Down, Action::Down, Action::Down]);
    filter_by(&mut app, "approx");
    assert_eq!(app.selected(), Some((Kind::Claim, 3)));
}

#[test]
fn esc_shows_the_whole_list_again_and_keeps_the_selected_item() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "approx");
    app.update(Action::Down);
    app.update(Action::Cancel);
    assert_eq!(filter_of(&app), None);
    assert_eq!(app.selected(), Some((Kind::Claim, 3)));
    assert_eq!(app.slot().expect("slot").rows(Kind::Claim).len(), 6);
    app.update(Action::Down);
    assert_eq!(app.selected(), Some((Kind::Claim, 4)));
}

#[test]
fn capital_t_again_shows_the_whole_list() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "check");
    assert_eq!(app.selected(), Some((Kind::Claim, 3)));
    app.update(Action::TagFilter);
    assert!(app.popups.is_empty());
    assert_eq!(filter_of(&app), None);
    assert_eq!(app.selected(), Some((Kind::Claim, 3)));
}

#[test]
fn esc_drops_a_search_or_a_text_selection_before_the_filter() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "approx");
    run(
        &mut app,
        &[Action::FocusNext, Action::Select, Action::Cancel],
    );
    assert_eq!(app.selection(), None);
    assert_eq!(filter_of(&app).as_deref(), Some("approximate"));
    app.update(Action::Cancel);
    assert_eq!(filter_of(&app), None);
}

#[test]
fn each_list_keeps_its_own_filter() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "approx");
    app.update(Action::Left);
    assert_eq!(filter_of(&app), None);
    assert_eq!(app.slot().expect("slot").rows(Kind::Actor).len(), 7);
    app.update(Action::Right);
    assert_eq!(filter_of(&app).as_deref(), Some("approximate"));
    assert_eq!(app.selected(), Some((Kind::Claim, 1)));
}

#[test]
fn in_the_article_item_commands_act_on_the_filtered_lists_selection() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "approx");
    app.update(Action::Down);
    app.update(Action::FocusNext);
    assert_eq!(app.selected(), Some((Kind::Claim, 3)));
    app.update(Action::Reject);
    assert_eq!(doc(&app).claims[3].meta.status, Status::Rejected);
}

#[test]
fn untagging_an_item_takes_it_out_of_the_filtered_list_and_moves_on() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "approx");
    // The tag picker: "approximate" is on c2, and Enter on it removes it.
    app.update(Action::Tags);
    typed(&mut app, "approx");
    app.update(Action::Confirm);
    assert!(doc(&app).claims[1].meta.tags.is_empty());
    assert_eq!(filter_of(&app).as_deref(), Some("approximate"));
    assert_eq!(app.slot().expect("slot").rows(Kind::Claim), vec![3, 4]);
    assert_eq!(app.selected(), Some((Kind::Claim, 3)));
    assert_says(&app, "2 claims left");
    // Undo brings the tag and the item back.
    app.update(Action::Undo);
    assert_eq!(app.selected(), Some((Kind::Claim, 1)));
    assert_eq!(filter_of(&app).as_deref(), Some("approximate"));
}

#[test]
fn taking_the_tag_off_in_the_edit_form_also_moves_on() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "approx");
    app.update(Action::Down);
    assert_eq!(app.selected(), Some((Kind::Claim, 3)));
    // The Tags field of c4 holds "approximate, check": keep only "check".
    run(
        &mut app,
        &[Action::Edit, Action::NextField, Action::NextField],
    );
    run(&mut app, &[Action::LineStart]);
    for _ in 0.."approximate, ".len() {
        app.update(Action::DeleteForward);
    }
    app.update(Action::Confirm);
    assert_eq!(doc(&app).claims[3].meta.tags, vec!["check".to_string()]);
    assert_eq!(app.selected(), Some((Kind::Claim, 4)));
}

#[test]
fn a_filter_nothing_matches_any_more_selects_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "check");
    run(&mut app, &[Action::Tags]);
    typed(&mut app, "check");
    app.update(Action::Confirm);
    assert_eq!(filter_of(&app).as_deref(), Some("check"));
    assert_eq!(app.selected(), None);
    let original = doc(&app);
    run(&mut app, &[Action::Accept, Action::Down, Action::Edit]);
    assert_eq!(doc(&app), original);
    assert!(app.popups.is_empty());
}

#[test]
fn n_passes_over_the_items_a_filter_hides() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "approx");
    // Claims hidden by the filter are passed over; other lists are not filtered.
    let mut seen = Vec::new();
    for _ in 0..40 {
        app.update(Action::NextAnnotation);
        seen.extend(app.selected());
    }
    let claims: Vec<usize> = seen
        .iter()
        .filter(|(k, _)| *k == Kind::Claim)
        .map(|(_, i)| *i)
        .collect();
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|i| [1, 3, 4].contains(i)), "{claims:?}");
    assert!(seen.iter().any(|(k, _)| *k == Kind::Actor));
    let filter = app.slot().and_then(|s| s.filter(Kind::Claim));
    assert_eq!(filter, Some("approximate"));
}

#[test]
fn choosing_a_hidden_item_in_the_article_drops_the_filter_and_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "approx");
    // A click on the content of c1, which has no tag.
    let area = app.screen().article;
    let text = app.article().text.clone();
    let at = text.find("it is very likely").expect("c1");
    let lines = app.lines(area.width);
    let row = super::layout::line_of(&lines, at);
    let col = super::text::column_of(&text, lines[row], at) as u16;
    let top = super::layout::line_of(&lines, app.slot().expect("slot").view.scroll);
    app.update(Action::Click(area.x + col + 3, area.y + (row - top) as u16));
    assert_eq!(app.selected(), Some((Kind::Claim, 0)));
    assert_eq!(filter_of(&app), None);
    assert_says(&app, "filter “approximate” dropped");
}

/// The list titles on a border `width` columns wide.
fn titles(app: &App, width: u16) -> Vec<String> {
    app.tab_titles(width).into_iter().map(|(_, t)| t).collect()
}

#[test]
fn the_list_title_names_the_tag_and_how_many_items_have_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    filter_by(&mut app, "approx");
    assert_eq!(
        titles(&app, 80),
        vec![
            " Actors 7 ",
            " Claims · tag: approximate 3/6 ",
            " Stances 3 "
        ]
    );
    // Too narrow for the other lists: the filtered one alone.
    assert_eq!(titles(&app, 40), vec![" Claims · tag: approximate 3/6 "]);
    // The other lists' titles say a list is filtered by its count.
    app.update(Action::Left);
    assert_eq!(
        titles(&app, 40),
        vec![" Actors 7 ", " Claims 3/6 ", " Stances 3 "]
    );
}

#[test]
fn a_narrow_list_title_names_the_lists_not_shown_by_their_initials() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    assert_eq!(
        titles(&app, 36),
        vec![" Actors 7 ", " Claims 6 ", " Stances 3 "]
    );
    // 34 columns would hold the three names; 26 hold the one shown and two initials.
    assert_eq!(titles(&app, 26), vec![" A 7 ", " Claims 6 ", " S 3 "]);
    app.update(Action::Right);
    assert_eq!(titles(&app, 26), vec![" A 7 ", " C 6 ", " Stances 3 "]);
    // On a narrow screen the border shows them, and a click on an initial shows its list.
    app.update(Action::Resize(60, 20));
    let block = app.screen().lists_block;
    let top: String = screen(&app)[usize::from(block.y)]
        .chars()
        .skip(usize::from(block.x))
        .take(usize::from(block.width))
        .collect();
    assert!(
        top.contains(" A 7 ") && top.contains(" Stances 3 "),
        "{top}"
    );
    app.update(Action::Click(block.x + 3, block.y));
    assert_eq!(app.tab, Kind::Actor);
}

#[test]
fn a_click_on_a_list_title_shows_that_list() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    let block = app.screen().lists_block;
    // " Actors 7 " starts one column in, after the corner.
    app.update(Action::Click(block.x + 3, block.y));
    assert_eq!(app.tab, Kind::Actor);
    let stances = block.x + 1 + " Actors 7 ".len() as u16 + 1 + " Claims 6 ".len() as u16 + 2;
    app.update(Action::Click(stances, block.y));
    assert_eq!(app.tab, Kind::Stance);
}

// ---- unsure items -------------------------------------------------------------------------

/// The sample with claim c1 made at a confidence of 0.3.
fn unsure_document(article: &crate::article::Article) -> Document {
    let mut doc = fixture::sample_document(article);
    doc.claims[0].meta.confidence = Some(0.3);
    doc
}

fn screen(app: &App) -> Vec<String> {
    let (w, h) = app.size;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| crate::tui::view::draw(app, f))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

#[test]
fn an_unsure_claim_is_marked_until_it_is_reviewed() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_extracting(dir.path(), vec![fixture::sample_article()], unsure_document);
    let rows = screen(&app);
    // The list marks the unsure claim "?" and the others "·"; the inspector says why.
    let marks: Vec<&str> = rows
        .iter()
        .filter_map(|r| {
            r.split_once("│? ")
                .map(|_| "?")
                .or(r.split_once("│· ").map(|_| "·"))
        })
        .collect();
    assert_eq!(marks.first(), Some(&"?"), "{rows:#?}");
    assert!(marks[1..].iter().all(|m| *m == "·"), "{rows:#?}");
    assert!(
        rows.iter().any(|r| r.contains("? auto, unsure")),
        "{rows:#?}"
    );
    // Accepted, it is no longer unsure.
    run(&mut app, &[Action::Accept]);
    assert_eq!(doc(&app).claims[0].meta.status, Status::Accepted);
    let rows = screen(&app);
    assert!(!rows.iter().any(|r| r.contains("│? ")), "{rows:#?}");
}

/// The sample with a second stance alike in actor, target and polarity to s1, from other
/// evidence.
fn twin_stances_document(article: &crate::article::Article) -> Document {
    let mut doc = fixture::sample_document(article);
    let mut twin = doc.stances[0].clone();
    twin.id = "s4".into();
    twin.evidence = Some(doc.claims[1].content.clone());
    doc.stances.push(twin);
    doc
}

#[test]
fn stances_alike_tell_apart_by_evidence_or_else_by_number() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app_extracting(
        dir.path(),
        vec![fixture::sample_article()],
        twin_stances_document,
    );
    app.update(Action::Right);
    assert_eq!(app.tab, Kind::Stance);
    let rows_with = |app: &App, needle: &str| -> Vec<String> {
        screen(app)
            .into_iter()
            .filter(|r| r.contains(needle))
            .collect()
    };
    // Wide, each shows its evidence, and the two rows differ.
    app.update(Action::Resize(200, 50));
    let wide = rows_with(&app, "→ troops in");
    assert_eq!(wide.len(), 2, "{:#?}", screen(&app));
    assert!(wide.iter().all(|r| r.contains('“')), "{wide:#?}");
    assert_ne!(wide[0], wide[1]);
    // Narrow, no evidence fits: the twins are numbered in text order, the others are not.
    app.update(Action::Resize(60, 20));
    let rows = screen(&app);
    let narrow: Vec<&String> = rows.iter().filter(|r| r.contains(" support #")).collect();
    assert_eq!(narrow.len(), 2, "{rows:#?}");
    assert!(narrow[0].contains("support #1") && narrow[1].contains("support #2"));
    assert!(!rows.iter().any(|r| r.contains("#3")), "{rows:#?}");
}
