//! Frame time of the main screen for a short article and a 5 MB one: drawing touches only the
//! visible lines, so both should cost about the same once the text is wrapped.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::article::Article;
use gloss::model::{Document, Span};
use gloss::tui::action::Action;
use gloss::tui::app::App;
use gloss::tui::fixture;
use gloss::tui::keymap::Keymap;
use gloss::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// The sample annotations, plus a mention of NATO at every occurrence in the text.
fn annotate(article: &Article) -> Document {
    let mut doc = fixture::sample_document(article);
    let map = gloss::article::offsets::OffsetMap::new(&article.text);
    if let Some(nato) = doc.actors.iter_mut().find(|a| a.name == "NATO") {
        nato.mentions = article
            .text
            .match_indices("NATO")
            .map(|(b, m)| Span::from_bytes_with(&map, &article.text, b..b + m.len()))
            .collect();
    }
    doc
}

fn app_for(text: &str, dir: &std::path::Path) -> App {
    let article = Article::new("bench", "Bench", "bench.txt", text);
    let mut app = App::new(
        vec![article],
        dir.to_path_buf(),
        annotate,
        Keymap::defaults(),
    );
    app.update(Action::Resize(120, 40));
    app
}

fn frame(app: &App, buf: &mut Buffer) {
    let area = Rect::new(0, 0, 120, 40);
    buf.reset();
    app.render(area, buf);
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("dir");
    let short = fixture::sample_article().text;
    let mut long = String::with_capacity(5_200_000);
    while long.len() < 5_000_000 {
        long.push_str(&short);
        long.push('\n');
    }
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));

    let short_app = app_for(&short, dir.path());
    frame(&short_app, &mut buf);
    c.bench_function("frame/short article", |b| {
        b.iter(|| frame(black_box(&short_app), &mut buf))
    });

    let mut long_app = app_for(&long, dir.path());
    frame(&long_app, &mut buf);
    c.bench_function("frame/5 MB article, top", |b| {
        b.iter(|| frame(black_box(&long_app), &mut buf))
    });
    long_app.update(Action::FocusNext);
    for _ in 0..2_000 {
        long_app.update(Action::PageDown);
    }
    frame(&long_app, &mut buf);
    c.bench_function("frame/5 MB article, far down, article focused", |b| {
        b.iter(|| frame(black_box(&long_app), &mut buf))
    });

    c.bench_function("wrap/5 MB article at 72 columns (once per width)", |b| {
        b.iter(|| layout::wrap(black_box(&long), 72))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
