//! Extraction throughput: the whole PolNeAR dev split (or the seeds when it is absent), the
//! sample article, the sample 400 times and a word salad in capitals, in bytes per second; then
//! each layer alone over the same corpus, so a change shows in the layer it touches.
//!
//! `cargo bench --bench extract` prints MB/s (criterion's "thrpt"); set `GLOSS_EVAL_DIR` when
//! the eval data is not at `../shared/eval` (a worktree). `cargo bench --bench extract layers`
//! runs the per-layer group alone.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::article::Article;
use gloss::extract::{Context, actors, claims, extract, stances};

/// The allocator the `gloss` binary runs with, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    // One long text (the sample 400 times, 1.3 MB, 6,400 claims): per byte it should cost
    // what the short one does. Anything quadratic in claims, quotes or paragraphs shows here.
    let long = Article::new("long", "", "seeds", &format!("{SAMPLE}\n").repeat(400));
    group.sample_size(10);
    group.throughput(Throughput::Bytes(long.text.len() as u64));
    group.bench_function("long_article", |b| {
        b.iter(|| black_box(extract(black_box(&long))))
    });
    // Common words of news text in capitals, without punctuation, scrambled (600 KB): the
    // tagger makes thousands of run-on names of it, most opening with "THE", and every cue
    // reads to the longest content. Anything quadratic in actors or in a content's length
    // shows here.
    let salad = Article::new("salad", "", "seeds", &word_salad(SALAD_WORDS, 100_000));
    group.throughput(Throughput::Bytes(salad.text.len() as u64));
    group.bench_function("capitals_word_salad", |b| {
        b.iter(|| black_box(extract(black_box(&salad))))
    });
    // 5,000 people, each named once and then speaking three times (580 KB): anything
    // quadratic in speakers shows here.
    let speakers = Article::new("speakers", "", "seeds", &many_speakers(5_000));
    group.throughput(Throughput::Bytes(speakers.text.len() as u64));
    group.bench_function("many_speakers", |b| {
        b.iter(|| black_box(extract(black_box(&speakers))))
    });
    group.finish();
}

const SALAD_WORDS: &str = "the minister said that he believes officials told reporters they \
    would support the plan and critics argued it was wrong";

/// `n` of the words of `text`, in capitals, in an order a fixed-seed generator picks.
fn word_salad(text: &str, n: usize) -> String {
    let words: Vec<String> = text.split_whitespace().map(str::to_uppercase).collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push(words[(state >> 33) as usize % words.len()].as_str());
    }
    out.join(" ")
}

/// `n` paragraphs, each by a person of a made-up name: "Mary Kalober said the plan was good.
/// “We will win,” Kalober told reporters. He added that the Senate would vote."
fn many_speakers(n: usize) -> String {
    const FIRST: [&str; 8] = [
        "John", "Mary", "Peter", "Anna", "David", "Laura", "James", "Sarah",
    ];
    const SYLLABLES: [&str; 15] = [
        "ka", "lo", "mi", "ter", "son", "ber", "ran", "do", "vic", "el", "ma", "ri", "tan", "gu",
        "fel",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |m: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % m
    };
    let mut out = String::new();
    for _ in 0..n {
        let first = FIRST[next(FIRST.len())];
        let mut surname: String = (0..3).map(|_| SYLLABLES[next(SYLLABLES.len())]).collect();
        surname[..1].make_ascii_uppercase();
        out.push_str(&format!(
            "{first} {surname} said the plan was good. “We will win,” {surname} told \
             reporters. He added that the Senate would vote.\n\n"
        ));
    }
    out
}

/// Each layer over the corpus, its inputs made once outside the timing.
fn bench_layers(c: &mut Criterion) {
    let (_, articles) = corpus();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("layers");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("context", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(Context::new(black_box(&a.text)));
            }
        })
    });
    let contexts: Vec<Context> = articles.iter().map(|a| Context::new(&a.text)).collect();
    group.bench_function("actors", |b| {
        b.iter(|| {
            for cx in &contexts {
                black_box(actors::find_actors(black_box(cx)));
            }
        })
    });
    group.bench_function("claims", |b| {
        b.iter(|| {
            for cx in &contexts {
                black_box(claims::find_claims(black_box(cx)));
            }
        })
    });
    let found: Vec<_> = contexts
        .iter()
        .map(|cx| (actors::find_actors(cx), claims::find_claims(cx)))
        .collect();
    group.bench_function("resolve", |b| {
        b.iter(|| {
            for (cx, (people, said)) in contexts.iter().zip(&found) {
                let resolver = actors::Resolver::new(cx, people);
                for claim in said {
                    if let Some(source) = &claim.source {
                        black_box(resolver.resolve(source));
                    }
                }
            }
        })
    });
    group.bench_function("stances", |b| {
        b.iter(|| {
            for (cx, (people, said)) in contexts.iter().zip(&found) {
                black_box(stances::find_stances(cx, people, said));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract, bench_layers);
criterion_main!(benches);
