//! The screen, drawn into a TestBackend: snapshots at fixed sizes (insta), and the promises
//! that do not depend on how it looks (never panics, never lets escape sequences through).

use std::path::Path;

use gloss::article::Article;
use gloss::article::load;
use gloss::tui::action::Action;
use gloss::tui::app::App;
use gloss::tui::fixture;
use gloss::tui::keymap::Keymap;
use gloss::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::style::Modifier;

fn app_with(dir: &Path, articles: Vec<Article>) -> App {
    App::new(
        articles,
        dir.to_path_buf(),
        fixture::sample_document,
        Keymap::defaults(),
    )
}

/// The sample with claims c2, c4 and c5 tagged `approximate`, c4 and actor a1 `check`.
fn tagged_app(dir: &Path) -> App {
    App::new(
        vec![fixture::sample_article()],
        dir.to_path_buf(),
        fixture::tagged_document,
        Keymap::defaults(),
    )
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

fn app(dir: &Path) -> App {
    app_with(dir, vec![fixture::sample_article()])
}

/// The screen as the event loop draws it, and where the terminal's cursor is when it shows.
fn drawn(app: &mut App, w: u16, h: u16) -> (Buffer, Option<Position>) {
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|frame| view::draw(app, frame)).expect("draw");
    let backend = terminal.backend();
    let cursor = backend.cursor_visible().then(|| backend.cursor_position());
    (backend.buffer().clone(), cursor)
}

fn draw(app: &mut App, w: u16, h: u16) -> Buffer {
    drawn(app, w, h).0
}

/// The screen's text, and a last line saying where the cursor is when it shows.
fn screen(app: &mut App, w: u16, h: u16) -> String {
    let (buffer, cursor) = drawn(app, w, h);
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if let Some(at) = cursor {
        let on = buffer[(at.x, at.y)].symbol();
        out.push_str(&format!(
            "cursor at column {}, row {}, on “{on}”\n",
            at.x, at.y
        ));
    }
    out
}

/// Where the terminal's cursor is, and the character under it.
fn cursor(app: &mut App, w: u16, h: u16) -> Option<(Position, String)> {
    let (buffer, cursor) = drawn(app, w, h);
    cursor.map(|at| (at, buffer[(at.x, at.y)].symbol().to_string()))
}

#[test]
fn main_screen_120x40() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn main_screen_60x20_stacks_the_panes() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    insta::assert_snapshot!(screen(&mut app, 60, 20));
}

#[test]
fn narrow_layout_90x30_after_reviewing() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    for a in [Action::Accept, Action::Reject, Action::Right] {
        app.update(a);
    }
    insta::assert_snapshot!(screen(&mut app, 90, 30));
}

#[test]
fn help_screen() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    app.update(Action::Help);
    insta::assert_snapshot!(screen(&mut app, 100, 40));
}

#[test]
fn edit_form_of_a_stance() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    for a in [Action::Right, Action::Edit, Action::NextField] {
        app.update(a);
    }
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn actor_picker_over_the_claim_form() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    for a in [Action::Edit, Action::Confirm, Action::Input('n')] {
        app.update(a);
    }
    insta::assert_snapshot!(screen(&mut app, 100, 30));
}

#[test]
fn stance_matrix_popup_120x40() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    app.update(Action::Matrix);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn the_matrix_colours_support_green_and_neutral_grey() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    app.update(Action::Matrix);
    let buffer = draw(&mut app, 120, 40);
    let colours_of = |symbol: &str| -> Vec<ratatui::style::Color> {
        let area = buffer.area;
        (2..area.height)
            .flat_map(|y| (0..area.width).map(move |x| (x, y)))
            .filter(|&(x, y)| buffer[(x, y)].symbol() == symbol)
            .map(|(x, y)| buffer[(x, y)].fg)
            .collect()
    };
    let plus = colours_of("+");
    assert!(plus.contains(&ratatui::style::Color::Green), "{plus:?}");
    let zero = colours_of("0");
    assert!(zero.contains(&ratatui::style::Color::Gray), "{zero:?}");
}

#[test]
fn an_empty_stance_matrix_says_how_to_add_a_stance() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = App::new(
        vec![fixture::sample_article()],
        dir.path().to_path_buf(),
        |a| gloss::model::Document::new(a.meta()),
        Keymap::defaults(),
    );
    app.update(Action::Matrix);
    let text = screen(&mut app, 120, 40);
    assert!(
        text.contains("No stances yet: press s on a selection in the article to add one"),
        "{text}"
    );
}

#[test]
fn export_picker_lists_the_formats() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    app.update(Action::Export);
    let text = screen(&mut app, 120, 40);
    for f in ["brat", "w3c", "csv", "doccano", "polnear", "network"] {
        assert!(text.contains(f), "{f} missing:\n{text}");
    }
}

#[test]
fn tiny_terminals_render_without_panicking() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    for (w, h) in [
        (20, 5),
        (1, 1),
        (0, 0),
        (2, 2),
        (5, 30),
        (300, 3),
        (24, 12),
        (99, 11),
    ] {
        screen(&mut app, w, h);
        app.update(Action::Help);
        screen(&mut app, w, h);
        app.update(Action::Cancel);
        app.update(Action::Edit);
        screen(&mut app, w, h);
        app.update(Action::Cancel);
        app.update(Action::Matrix);
        screen(&mut app, w, h);
        app.update(Action::Right);
        app.update(Action::Down);
        screen(&mut app, w, h);
        app.update(Action::Cancel);
        app.update(Action::Export);
        screen(&mut app, w, h);
        app.update(Action::Cancel);
        // The other pane each time round: the article, then the list.
        for a in [Action::FocusPrev, Action::PageDown, Action::Down] {
            app.update(a);
        }
        screen(&mut app, w, h);
    }
    insta::assert_snapshot!(screen(&mut app, 20, 5));
}

#[test]
fn the_selected_claims_spans_are_highlighted() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    let buffer = draw(&mut app, 120, 40);
    let row = (0..40u16)
        .find(|y| {
            (0..74u16)
                .map(|x| buffer[(x, *y)].symbol().to_string())
                .collect::<String>()
                .contains("Former NATO Secretary General Anders")
        })
        .expect("row");
    let line: String = (0..74u16)
        .map(|x| buffer[(x, row)].symbol().to_string())
        .collect();
    let x = line
        .chars()
        .position(|c| c == 'A')
        .and_then(|_| line.find("Anders"))
        .map(|b| line[..b].chars().count() as u16)
        .expect("Anders");
    assert!(buffer[(x, row)].modifier.contains(Modifier::REVERSED));
    assert!(!buffer[(2, row)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn escape_sequences_in_article_text_reach_the_screen_as_visible_characters() {
    let dir = tempfile::tempdir().expect("dir");
    let raw = "Evil \u{1b}[2J title\nBody \u{1b}]52;c;SGVsbG8=\u{7} and \u{9b}31m and \u{202e}desrever.\n";
    let mut evil = load::from_txt("evil", "evil.txt", raw);
    evil.title = "Evil \u{1b}[2J title".into();
    let mut app = app_with(dir.path(), vec![evil]);
    let buffer = draw(&mut app, 100, 20);
    let text: String = buffer.content.iter().map(|c| c.symbol()).collect();
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(bad), "{bad:?} reached the screen");
    }
    assert!(text.contains("␛[2J"));
    assert!(text.contains("␛]52;c;SGVsbG8=␇"));
}

#[test]
fn long_articles_draw_only_what_is_visible() {
    let dir = tempfile::tempdir().expect("dir");
    let base = fixture::sample_article().text;
    let big = base.repeat(2_000);
    let mut app = app_with(
        dir.path(),
        vec![Article::new("big", "Big", "big.txt", &big)],
    );
    draw(&mut app, 120, 40);
    let start = std::time::Instant::now();
    for _ in 0..20 {
        app.update(Action::PageDown);
        draw(&mut app, 120, 40);
    }
    // Generous: a debug build on a busy machine; the bench measures properly.
    assert!(start.elapsed().as_millis() < 2_000, "{:?}", start.elapsed());
}

/// The first cell of the first on-screen occurrence of `name`, below the title row.
fn colour_of_name(buffer: &Buffer, name: &str) -> Option<ratatui::style::Color> {
    let area = buffer.area;
    (1..area.height).find_map(|y| {
        let row: Vec<&str> = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        let first = name.chars().next()?.to_string();
        (0..row.len()).find_map(|x| {
            let fits = name
                .chars()
                .enumerate()
                .all(|(k, c)| row.get(x + k).is_some_and(|s| *s == c.to_string()));
            (fits && row[x] == first).then(|| buffer[(x as u16, y)].fg)
        })
    })
}

#[test]
fn an_actors_colour_survives_merging_the_actors_listed_before_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    let doc = &app.slot().expect("slot").doc;
    assert!(doc.actors.len() >= 3, "the fixture needs three actors");
    let third = doc.actors[2].name.clone();
    let before = colour_of_name(&draw(&mut app, 120, 40), &third).expect("third actor on screen");
    app.select(gloss::edit::Kind::Actor, 0);
    app.update(Action::Merge);
    app.update(Action::Confirm);
    let doc = &app.slot().expect("slot").doc;
    assert!(
        !doc.actors.iter().any(|a| a.id == "a1"),
        "the first actor was merged away"
    );
    let after = colour_of_name(&draw(&mut app, 120, 40), &third).expect("still on screen");
    assert_eq!(before, after);
}

#[test]
fn a_long_notice_is_wrapped_whole_over_the_panes_not_cut() {
    let dir = tempfile::tempdir().expect("dir");
    let article = fixture::sample_article();
    let path = gloss::store::path_for(dir.path(), &article.id);
    std::fs::write(&path, "{ \"format\": \"gloss/1\", oops").expect("write");
    let mut app = app_with(dir.path(), vec![article]);
    let shown = screen(&mut app, 80, 24);
    // The notice names the broken file with its place, and where the work goes instead.
    let rescue = format!("{}.rescued-1.json", path.with_extension("").display());
    let flat: String = shown.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    assert!(flat.contains(":1:"), "{shown}");
    assert!(flat.contains(&rescue), "{rescue} not in\n{shown}");
    // The status bar is still the last row.
    assert!(
        shown.lines().last().is_some_and(|l| l.contains("CLAIMS")),
        "{shown}"
    );
}

#[test]
fn the_status_bar_hints_the_keys_of_the_mode_and_keeps_help_when_narrow() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    let status = |app: &mut App, w, h| screen(app, w, h).lines().last().map(str::to_string);
    let narrow = status(&mut app, 80, 24).expect("status");
    assert!(narrow.contains("? help"), "{narrow}");
    app.update(Action::Edit);
    let form = status(&mut app, 120, 40).expect("status");
    // In a form, a and x type letters: no review keys, but how to close it.
    assert!(!form.contains("accept"), "{form}");
    assert!(form.contains("Esc close"), "{form}");
}

#[test]
fn the_first_tag_picker_asks_for_a_tag_rather_than_saying_nothing_matches() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    app.update(Action::Tags);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("type the new tag"), "{shown}");
    assert!(!shown.contains("nothing matches"), "{shown}");
    app.update(Action::Input('z'));
    assert!(screen(&mut app, 100, 30).contains("new tag"));
}

#[test]
fn the_legend_drops_whole_entries_when_narrow() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    let legend = |app: &mut App, w, h| {
        let shown = screen(app, w, h);
        let lines: Vec<&str> = shown.lines().collect();
        lines[lines.len() - 2].to_string()
    };
    let full = legend(&mut app, 120, 40);
    assert!(full.ends_with("selected selected item"), "{full}");
    for width in [80, 70, 50, 30] {
        let narrow = legend(&mut app, width, 24);
        assert!(
            narrow.ends_with(" actor mention")
                || narrow.ends_with(" claim")
                || narrow.ends_with(" cue")
                || narrow.ends_with(" stance")
                || narrow.ends_with(" selected item"),
            "{width} columns: {narrow:?}"
        );
    }
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

/// The row of the screen that shows `label`.
fn row_of(app: &mut App, w: u16, h: u16, label: &str) -> Option<u16> {
    let buffer = draw(app, w, h);
    (0..h).find(|&y| {
        let line: String = (0..w).map(|x| buffer[(x, y)].symbol()).collect();
        line.contains(label)
    })
}

/// The terminal's cursor, when it is in the row that shows `label`: its column and the
/// character under it.
fn cursor_in_row(app: &mut App, w: u16, h: u16, label: &str) -> Option<(u16, String)> {
    let row = row_of(app, w, h, label)?;
    let (at, on) = cursor(app, w, h)?;
    (at.y == row).then_some((at.x, on))
}

#[test]
fn a_text_field_shows_its_cursor_where_typing_goes() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    for a in [Action::Left, Action::Rename] {
        app.update(a);
    }
    for _ in 0.."mussen".len() {
        app.update(Action::Left);
    }
    let (x, on) = cursor_in_row(&mut app, 100, 30, "› Name").expect("cursor in the field");
    assert_eq!(on, "m");
    app.update(Action::LineEnd);
    let end = cursor_in_row(&mut app, 100, 30, "› Name").expect("cursor in the field");
    assert_eq!(end, (x + "mussen".len() as u16, " ".to_string()));
    // Nothing to type into: no cursor.
    app.update(Action::Cancel);
    assert_eq!(cursor(&mut app, 100, 30), None);
}

#[test]
fn a_long_text_scrolls_in_a_narrow_form_to_keep_the_cursor_in_view() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    // The Note field of the first actor.
    app.update(Action::Left);
    app.update(Action::Edit);
    for _ in 0..5 {
        app.update(Action::NextField);
    }
    for c in "named 安德斯 in one report, Anders in another".chars() {
        app.update(Action::Input(c));
    }
    let end = screen(&mut app, 44, 14);
    insta::assert_snapshot!("narrow_form_cursor_at_the_end", end);
    app.update(Action::LineStart);
    for _ in 0.."named 安德".chars().count() {
        app.update(Action::Right);
    }
    let middle = screen(&mut app, 44, 14);
    insta::assert_snapshot!("narrow_form_cursor_on_a_wide_character", middle);
    let on = cursor_in_row(&mut app, 44, 14, "› Note").map(|(_, on)| on);
    assert_eq!(on.as_deref(), Some("斯"));
}

fn press(app: &mut App, action: Action, times: usize) {
    for _ in 0..times {
        app.update(action);
    }
}

#[test]
fn the_pickers_filter_shows_its_cursor_where_typing_goes() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    app.update(Action::Edit);
    app.update(Action::Confirm);
    typed(&mut app, "stltenberg");
    app.update(Action::LineStart);
    press(&mut app, Action::Right, 2);
    let shown = screen(&mut app, 100, 30);
    insta::assert_snapshot!("picker_filter_cursor_in_the_middle", shown);
    // The prompt "> " comes first: the cursor is on the "l", third of the filter.
    let row = row_of(&mut app, 100, 30, "> stltenberg").expect("filter row");
    let (at, on) = cursor(&mut app, 100, 30).expect("cursor");
    assert_eq!((at.y, on.as_str()), (row, "l"));
    let line = shown.lines().nth(usize::from(row)).unwrap_or_default();
    let prompt = line.find("> stl").map(|b| line[..b].chars().count() as u16);
    assert_eq!(prompt, Some(at.x - 4));
    // Typed there, the "o" goes in before the "l" and the cursor moves on with it.
    app.update(Action::Input('o'));
    let (after, on) = cursor(&mut app, 100, 30).expect("cursor");
    assert_eq!((after.x, after.y, on.as_str()), (at.x + 1, at.y, "l"));
    assert!(screen(&mut app, 100, 30).contains("> stoltenberg"));
}

/// The row of `shown` that holds `needle`, and that row's text.
fn line_with(shown: &str, needle: &str) -> (u16, String) {
    shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .map(|(y, l)| (y as u16, l.to_string()))
        .unwrap_or_else(|| panic!("no line with {needle:?}:\n{shown}"))
}

#[test]
fn a_long_filter_with_wide_characters_scrolls_inside_the_picker() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    app.update(Action::Tags);
    let query = "北约 NATO 🇺🇦 Україна 👍🏽 security guarantees at the Vilnius summit";
    typed(&mut app, query);
    // At 50 columns the picker is the width of the screen: its border stays in place.
    let end = screen(&mut app, 50, 20);
    insta::assert_snapshot!("picker_long_filter_cursor_at_the_end", end);
    let (row, line) = line_with(&end, "> …");
    assert!(line.ends_with("summit │"), "{line}");
    let (at, on) = cursor(&mut app, 50, 20).expect("cursor");
    assert_eq!((at.y, on.as_str()), (row, " "));
    // Home: the start shows, cut after.
    app.update(Action::LineStart);
    let start = screen(&mut app, 50, 20);
    let (_, line) = line_with(&start, "> 北");
    assert!(line.ends_with("…│"), "{line}");
    assert_eq!(
        cursor(&mut app, 50, 20).map(|(_, on)| on).as_deref(),
        Some("北")
    );
    // On the flag and on the emoji with its skin tone: one step each, the cursor on them.
    press(&mut app, Action::Right, "北约 NATO ".chars().count());
    assert_eq!(
        cursor(&mut app, 50, 20).map(|(_, on)| on).as_deref(),
        Some("🇺🇦")
    );
    press(&mut app, Action::Right, 1 + 1 + "Україна ".chars().count());
    assert_eq!(
        cursor(&mut app, 50, 20).map(|(_, on)| on).as_deref(),
        Some("👍🏽")
    );
    // Backspace there takes the space before the emoji, not half of it.
    app.update(Action::Backspace);
    let (row, line) = line_with(&screen(&mut app, 50, 20), "Україна👍🏽");
    insta::assert_snapshot!("picker_long_filter_cursor_on_an_emoji", line);
    let (at, on) = cursor(&mut app, 50, 20).expect("cursor");
    assert_eq!((at.y, on.as_str()), (row, "👍🏽"));
}

#[test]
fn the_search_line_shows_its_cursor_where_typing_goes() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    app.update(Action::Search);
    typed(&mut app, "Vilnus");
    press(&mut app, Action::Left, 2);
    let (at, on) = cursor(&mut app, 100, 30).expect("cursor");
    // "/" then "Viln": the cursor is on the "u", on the message line above the status bar.
    assert_eq!((at.x, at.y, on.as_str()), (5, 28, "u"));
    app.update(Action::Input('i'));
    let shown = screen(&mut app, 100, 30);
    insta::assert_snapshot!("search_line_cursor_in_the_middle", shown);
    assert!(shown.contains("/Vilnius  3 matches"), "{shown}");
    // Enter keeps the search and the cursor goes away with the search line.
    app.update(Action::Confirm);
    assert_eq!(cursor(&mut app, 100, 30), None);
}

#[test]
fn a_long_search_scrolls_and_keeps_the_count_of_matches_in_view() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    app.update(Action::Search);
    let query = "维尔纽斯 summit 🇱🇹 where Ukraine hoped for an invitation";
    typed(&mut app, query);
    // The query's end, the blank the cursor stands on after it, then the count and the keys.
    let (row, line) = line_with(&screen(&mut app, 60, 20), "/…");
    assert_eq!(
        line,
        "/…oped for an invitation   0 matches · Enter keep · Esc drop"
    );
    let (at, on) = cursor(&mut app, 60, 20).expect("cursor");
    assert_eq!((at.y, on.as_str()), (row, " "));
    // Home: the start of the query, cut after, and the cursor on the first CJK character.
    app.update(Action::LineStart);
    let (_, line) = line_with(&screen(&mut app, 60, 20), "/维");
    insta::assert_snapshot!("search_line_long_query_at_the_start", line);
    assert_eq!(
        cursor(&mut app, 60, 20),
        Some((Position::new(1, row), "维".to_string()))
    );
    // Narrower: the keys go first, whole, then the count; the query keeps its room.
    app.update(Action::LineEnd);
    let (_, line) = line_with(&screen(&mut app, 44, 12), "/…");
    assert_eq!(line, "/…kraine hoped for an invitation   0 matches");
    assert_eq!(cursor(&mut app, 44, 12).map(|(at, _)| at.x), Some(32));
    let (_, line) = line_with(&screen(&mut app, 24, 12), "/…");
    assert_eq!(line, "/…ped for an invitation");
    assert_eq!(cursor(&mut app, 24, 12).map(|(at, _)| at.x), Some(23));
}

#[test]
fn the_cursor_is_in_the_popup_on_top() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    // The claim form's speaker field opens the actor picker over the form.
    app.update(Action::Edit);
    app.update(Action::NextField);
    app.update(Action::NextField);
    let in_form = cursor(&mut app, 100, 30).expect("cursor in the form");
    app.update(Action::PrevField);
    app.update(Action::PrevField);
    app.update(Action::Confirm);
    let filter = row_of(&mut app, 100, 30, "> ").expect("filter");
    let in_picker = cursor(&mut app, 100, 30).expect("cursor in the picker");
    assert_eq!(in_picker.0.y, filter);
    assert_ne!(in_picker, in_form);
    // Help over the main screen: nothing to type into.
    app.update(Action::Cancel);
    app.update(Action::Cancel);
    app.update(Action::Help);
    assert_eq!(cursor(&mut app, 100, 30), None);
}

/// Selects `words` words from the start of the article and presses `s`.
fn stance_over_words(app: &mut App, words: usize) {
    for a in [Action::FocusNext, Action::Top, Action::Select] {
        app.update(a);
    }
    for _ in 0..words {
        app.update(Action::WordForward);
    }
    app.update(Action::MakeStance);
}

#[test]
fn the_stance_picker_shows_the_selected_evidence() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    stance_over_words(&mut app, 5);
    insta::assert_snapshot!(screen(&mut app, 100, 30));
}

#[test]
fn long_evidence_is_one_line_cut_with_an_ellipsis() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app(dir.path());
    stance_over_words(&mut app, 40);
    let text = screen(&mut app, 100, 30);
    let line = text
        .lines()
        .find(|l| l.contains("evidence “NATO states may deploy in Ukraine"))
        .unwrap_or_else(|| panic!("no evidence line:\n{text}"));
    let shown = line
        .split('│')
        .find(|cell| cell.starts_with("evidence"))
        .unwrap_or_default();
    assert!(shown.trim_end().ends_with('…'), "{line}");
}

#[test]
fn evidence_in_the_stance_picker_is_sanitised_to_one_line() {
    let dir = tempfile::tempdir().expect("dir");
    let raw = "Title\nPoland \u{1b}[2J backs\tKyiv.\n";
    let mut app = app_with(dir.path(), vec![load::from_txt("evil", "evil.txt", raw)]);
    app.update(Action::Search);
    for c in "Poland".chars() {
        app.update(Action::Input(c));
    }
    for a in [
        Action::Confirm,
        Action::NextAnnotation,
        Action::Cancel,
        Action::Select,
        Action::SentenceForward,
        Action::MakeStance,
    ] {
        app.update(a);
    }
    let text = screen(&mut app, 100, 30);
    assert!(!text.contains('\u{1b}'));
    assert!(
        text.contains("evidence “Poland ␛[2J backs Kyiv.”"),
        "{text}"
    );
}

/// The fixture with the stances of seed 000: four targets, the actor names as long.
fn four_targets(article: &Article) -> gloss::model::Document {
    use gloss::model::{Polarity, Span};
    let mut doc = fixture::sample_document(article);
    doc.actors[1].name = "several Eastern European leaders".into();
    for (actor, target, polarity) in [
        ("a5", "sending ground troops", Polarity::Support),
        ("a5", "Ukraine", Polarity::Support),
        ("a3", "security guarantees", Polarity::Oppose),
    ] {
        let mut stance = gloss::edit::new_stance(&doc, actor, Span::default());
        stance.target = target.into();
        stance.polarity = polarity;
        doc.stances.push(stance);
    }
    doc
}

fn four_target_matrix(dir: &Path) -> App {
    let mut app = App::new(
        vec![fixture::sample_article()],
        dir.to_path_buf(),
        four_targets,
        Keymap::defaults(),
    );
    app.update(Action::Matrix);
    app
}

#[test]
fn the_matrix_shows_every_target_that_fits_at_80x24() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = four_target_matrix(dir.path());
    assert_eq!(app.stance_matrix().targets.len(), 5);
    let text = screen(&mut app, 80, 24);
    insta::assert_snapshot!(text);
    let poland = text
        .lines()
        .find(|l| l.contains("│Poland"))
        .unwrap_or_else(|| panic!("no Poland row:\n{text}"));
    // Poland supports both of its targets, whatever their order.
    assert_eq!(poland.matches('+').count(), 2, "{poland}");
}

#[test]
fn a_narrow_matrix_says_how_many_targets_are_left_out() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = four_target_matrix(dir.path());
    let text = screen(&mut app, 50, 20);
    insta::assert_snapshot!(text);
    assert!(text.contains(" more"), "{text}");
    app.update(Action::Right);
    let text = screen(&mut app, 50, 20);
    assert!(text.contains("← 1 more"), "{text}");
}

#[test]
fn the_tag_filter_picker_offers_the_lists_tags_with_counts() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    app.update(Action::TagFilter);
    insta::assert_snapshot!(screen(&mut app, 100, 30));
}

#[test]
fn a_list_filtered_by_a_tag_names_the_tag_in_its_title() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    for a in [Action::TagFilter, Action::Confirm, Action::Down] {
        app.update(a);
    }
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn a_filtered_list_left_empty_says_how_to_show_everything() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    // Filter by "check" (one claim), then take the tag off it.
    app.update(Action::TagFilter);
    typed(&mut app, "check");
    app.update(Action::Confirm);
    app.update(Action::Tags);
    typed(&mut app, "check");
    app.update(Action::Confirm);
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("Claims · tag: check 0/6"), "{text}");
    assert!(text.contains("No claim has the tag “check” now."), "{text}");
    assert!(text.contains("Esc or T: all claims"), "{text}");
}

#[test]
fn a_filtered_list_is_marked_yellow_in_the_titles() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = tagged_app(dir.path());
    for a in [Action::TagFilter, Action::Confirm] {
        app.update(a);
    }
    let colour_at = |buffer: &Buffer, needle: &str| {
        let area = buffer.area;
        (0..area.height).find_map(|y| {
            let row: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
            let col = row.find(needle)?;
            let x = row[..col].chars().count() as u16;
            let cell = &buffer[(x, y)];
            Some((cell.fg, cell.bg))
        })
    };
    let buffer = draw(&mut app, 120, 40);
    let (_, bg) = colour_at(&buffer, "Claims · tag: approximate").expect("title");
    assert_eq!(bg, ratatui::style::Color::Yellow);
    // Another list shown: the filtered one's title stays yellow.
    app.update(Action::Left);
    let buffer = draw(&mut app, 120, 40);
    let (fg, _) = colour_at(&buffer, "Claims 3/6").expect("title");
    assert_eq!(fg, ratatui::style::Color::Yellow);
}

/// The sample with a second stance like s3 (same actor, target and polarity), from other
/// evidence.
fn twin_stances(article: &Article) -> gloss::model::Document {
    let mut doc = fixture::sample_document(article);
    let mut twin = doc.stances[2].clone();
    twin.id = doc.next_id("s");
    twin.evidence = Some(doc.claims[3].content.clone());
    doc.stances.push(twin);
    doc
}

#[test]
fn stances_alike_but_for_their_evidence_show_it_in_their_rows() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = App::new(
        vec![fixture::sample_article()],
        dir.path().to_path_buf(),
        twin_stances,
        Keymap::defaults(),
    );
    app.update(Action::Right);
    let text = screen(&mut app, 220, 40);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("Jens Stoltenberg → Ukraine's NATO membership neutral"))
        .map(|l| l.rsplit_once("neutral").map_or(l, |(_, after)| after))
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert_ne!(rows[0], rows[1], "{text}");
    assert!(rows.iter().all(|r| r.contains('“')), "{text}");
    // Where there is no room, the evidence is left out, not squeezed.
    let text = screen(&mut app, 160, 40);
    assert!(!text.contains("neutral  “"), "{text}");
}
