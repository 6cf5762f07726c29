//! The cue classifier: an averaged perceptron that decides, in context, whether a lexicon match
//! ("said", "called", "support", ":") is a reporting cue here.
//!
//! Features are strings built from the match and its neighbours; the weights live in
//! `src/extract/data/cue_model.tsv` (`feature<TAB>weight`), rebuilt by `gloss train
//! attributions`. Training is deterministic: fixed epochs over records in file order.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Feature weights; a match is a cue when its score is above zero.
#[derive(Debug, Clone, Default)]
pub struct CueModel {
    pub weights: HashMap<String, f32>,
}

static COMPILED: &str = include_str!("../data/cue_model.tsv");

static MODEL: LazyLock<CueModel> = LazyLock::new(|| CueModel::parse(COMPILED));

static COMPILED_END: &str = include_str!("../data/content_end_model.tsv");

static END_MODEL: LazyLock<CueModel> = LazyLock::new(|| CueModel::parse(COMPILED_END));

/// The compiled-in cue model (parsed once).
pub fn model() -> &'static CueModel {
    &MODEL
}

/// The compiled-in content-end model (parsed once): whether a content stops before a token.
pub fn end_model() -> &'static CueModel {
    &END_MODEL
}

impl CueModel {
    pub fn parse(tsv: &str) -> Self {
        let mut weights = HashMap::new();
        for line in tsv.lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((f, w)) = line.rsplit_once('\t')
                && let Ok(w) = w.parse::<f32>()
            {
                weights.insert(f.to_string(), w);
            }
        }
        CueModel { weights }
    }

    /// The sum of the weights of `features`.
    pub fn score(&self, features: &[String]) -> f32 {
        features
            .iter()
            .filter_map(|f| self.weights.get(f.as_str()))
            .sum()
    }

    /// The TSV form, sorted by feature, weights with 4 decimals; zero weights are dropped.
    pub fn to_tsv(&self) -> String {
        let mut keys: Vec<&String> = self.weights.keys().collect();
        keys.sort();
        let mut out = String::from("# feature\tweight (gloss train attributions)\n");
        for k in keys {
            let w = self.weights[k];
            let text = format!("{w:.4}");
            if text
                .trim_start_matches('-')
                .chars()
                .all(|c| c == '0' || c == '.')
            {
                continue;
            }
            out.push_str(&format!("{k}\t{text}\n"));
        }
        out
    }
}

/// Trains an averaged perceptron on `(features, is_cue)` examples, in order.
pub fn train(examples: &[(Vec<String>, bool)], epochs: usize) -> CueModel {
    let mut w: HashMap<&str, f64> = HashMap::new();
    let mut total: HashMap<&str, f64> = HashMap::new();
    let mut stamp: HashMap<&str, u64> = HashMap::new();
    let mut t: u64 = 0;
    for _ in 0..epochs {
        for (features, gold) in examples {
            t += 1;
            let score: f64 = features.iter().filter_map(|f| w.get(f.as_str())).sum();
            let predicted = score > 0.0;
            if predicted == *gold {
                continue;
            }
            let delta = if *gold { 1.0 } else { -1.0 };
            for f in features {
                let f = f.as_str();
                let cur = w.get(f).copied().unwrap_or(0.0);
                let last = stamp.get(f).copied().unwrap_or(0);
                *total.entry(f).or_default() += cur * (t - last) as f64;
                stamp.insert(f, t);
                w.insert(f, cur + delta);
            }
        }
    }
    let mut weights = HashMap::new();
    for (f, cur) in &w {
        let last = stamp.get(f).copied().unwrap_or(0);
        let sum = total.get(f).copied().unwrap_or(0.0) + cur * (t - last) as f64;
        let avg = sum / t.max(1) as f64;
        if avg.abs() >= 1e-4 {
            weights.insert((*f).to_string(), avg as f32);
        }
    }
    CueModel { weights }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(fs: &[&str], gold: bool) -> (Vec<String>, bool) {
        (fs.iter().map(|s| s.to_string()).collect(), gold)
    }

    #[test]
    fn learns_a_separable_rule() {
        let data = vec![
            ex(&["b", "k:said"], true),
            ex(&["b", "k:in"], false),
            ex(&["b", "k:said", "n:that"], true),
            ex(&["b", "k:in", "n:the"], false),
        ];
        let m = train(&data, 5);
        for (f, gold) in &data {
            assert_eq!(m.score(f) > 0.0, *gold, "{f:?}");
        }
    }

    #[test]
    fn round_trips_through_tsv() {
        let m = train(&[ex(&["b", "k:said"], true), ex(&["b", "k:in"], false)], 3);
        let back = CueModel::parse(&m.to_tsv());
        let f: Vec<String> = vec!["b".into(), "k:said".into()];
        assert!((back.score(&f) - m.score(&f)).abs() < 1e-3);
    }
}
