//! Extraction throughput: the whole PolNeAR dev split (or the seeds when it is absent) and the
//! sample article, in bytes per second.
//!
//! `cargo bench --bench extract` prints MB/s (criterion's "thrpt"); set `GLOSS_EVAL_DIR` when
//! the eval data is not at `../shared/eval` (a worktree).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::article::Article;
use gloss::extract::extract;

const SAMPLE: &str = include_str!("../seeds/000_a00d91becb0c72f2.txt");

/// The dev split's texts (from `$GLOSS_EVAL_DIR`, else `../shared/eval`), else every seed.
fn corpus() -> (String, Vec<Article>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let eval = std::env::var_os("GLOSS_EVAL_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/eval"));
    let dev = eval.join("polnear_dev.jsonl");
    if let Ok(text) = std::fs::read_to_string(&dev) {
        let articles: Vec<Article> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| {
                let id = v.get("id")?.as_str()?.to_string();
                let body = v.get("text")?.as_str()?;
                Some(Article::new(id, "", "polnear_dev", body))
            })
            .collect();
        if !articles.is_empty() {
            return ("polnear_dev".into(), articles);
        }
    }
    eprintln!("note: {} absent; benchmarking the seeds", dev.display());
    let mut articles = Vec::new();
    if let Ok(entries) = std::fs::read_dir(root.join("seeds")) {
        for entry in entries.flatten() {
            if let Ok(body) = std::fs::read_to_string(entry.path()) {
                let id = entry.file_name().to_string_lossy().into_owned();
                articles.push(Article::new(id, "", "seeds", &body));
            }
        }
    }
    ("seeds".into(), articles)
}

fn bench_extract(c: &mut Criterion) {
    let (name, articles) = corpus();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            for article in &articles {
                black_box(extract(black_box(article)));
            }
        })
    });
    let sample = Article::new("sample", "", "seeds", SAMPLE);
    group.sample_size(50);
    group.throughput(Throughput::Bytes(sample.text.len() as u64));
    group.bench_function("sample_article", |b| {
        b.iter(|| black_box(extract(black_box(&sample))))
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
