//! Agreement between coders who annotated the same articles: span agreement per layer (exact
//! and overlap P/R/F1 with one-to-one matching, pairwise and averaged), claim-level agreement,
//! and chance-corrected agreement (Cohen's kappa, Krippendorff's alpha) on stance polarity and
//! claim status over matched items.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

use serde::Serialize;

use super::metrics::Counts;
use crate::model::{Document, Span};

/// A span as agreement compares it: its envelope with surrounding white space trimmed (as the
/// PolNeAR scorer does).
pub fn trimmed(span: &Span) -> (usize, usize) {
    let lead = span.text.chars().take_while(|c| c.is_whitespace()).count();
    let trail = span
        .text
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    let start = (span.start + lead).min(span.end);
    let end = span.end.saturating_sub(trail).max(start);
    (start, end)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Spans of `b` that equal a span of `a`, one-to-one.
pub fn exact_matches(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let mut pool: HashMap<(usize, usize), usize> = HashMap::new();
    for s in a {
        *pool.entry(*s).or_default() += 1;
    }
    b.iter()
        .filter(|s| match pool.get_mut(*s) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count()
}

/// Spans of `b` that overlap a span of `a`, one-to-one, greedily in order (exact matches are
/// paired first so they cannot be taken by a mere overlap).
pub fn overlap_matches(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let mut used = vec![false; a.len()];
    let mut rest = Vec::new();
    let mut n = 0;
    for s in b {
        match a.iter().enumerate().find(|(i, x)| !used[*i] && *x == s) {
            Some((i, _)) => {
                used[i] = true;
                n += 1;
            }
            None => rest.push(*s),
        }
    }
    for s in rest {
        if let Some((i, _)) = a
            .iter()
            .enumerate()
            .find(|(i, x)| !used[*i] && overlaps(**x, s))
        {
            used[i] = true;
            n += 1;
        }
    }
    n
}

/// Cohen's kappa for two coders' labels of the same items. `None` when chance agreement is
/// total (one category only) or there are no items.
pub fn cohen_kappa<T: Eq + Hash + Clone>(pairs: &[(T, T)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let observed = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n;
    let mut fa: HashMap<&T, f64> = HashMap::new();
    let mut fb: HashMap<&T, f64> = HashMap::new();
    for (a, b) in pairs {
        *fa.entry(a).or_default() += 1.0;
        *fb.entry(b).or_default() += 1.0;
    }
    let expected: f64 = fa
        .iter()
        .map(|(c, x)| x / n * fb.get(c).copied().unwrap_or(0.0) / n)
        .sum();
    if (1.0 - expected).abs() < 1e-12 {
        return None;
    }
    Some((observed - expected) / (1.0 - expected))
}

/// Krippendorff's alpha for nominal data: `units[u][c]` is coder `c`'s value for unit `u`,
/// `None` where missing. Units with fewer than two values are not pairable and are ignored.
/// `None` when there is nothing to compare or only one value occurs.
pub fn krippendorff_alpha<T: Eq + Hash + Clone + Ord>(units: &[Vec<Option<T>>]) -> Option<f64> {
    // Coincidences o[c][k].
    let mut o: BTreeMap<(T, T), f64> = BTreeMap::new();
    for unit in units {
        let values: Vec<&T> = unit.iter().flatten().collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        let w = 1.0 / (m as f64 - 1.0);
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate() {
                if i != j {
                    *o.entry(((*a).clone(), (*b).clone())).or_default() += w;
                }
            }
        }
    }
    let mut nc: BTreeMap<T, f64> = BTreeMap::new();
    for ((c, _), v) in &o {
        *nc.entry(c.clone()).or_default() += v;
    }
    let n: f64 = nc.values().sum();
    if n <= 1.0 {
        return None;
    }
    let disagree: f64 = o.iter().filter(|((c, k), _)| c != k).map(|(_, v)| v).sum();
    let mut expected = 0.0;
    for (c, a) in &nc {
        for (k, b) in &nc {
            if c != k {
                expected += a * b;
            }
        }
    }
    if expected == 0.0 {
        return None;
    }
    Some(1.0 - (n - 1.0) * disagree / expected)
}

/// One pair of coders on one layer, counts summed over their shared articles. Coder `a` is the
/// reference (recall is over `a`'s spans, precision over `b`'s).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PairCounts {
    pub a: usize,
    pub b: usize,
    pub exact: Counts,
    pub overlap: Counts,
}

/// A span layer's agreement over all pairs of coders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerAgreement {
    pub layer: String,
    pub pairs: Vec<PairCounts>,
    /// Means over pairs of each pair's precision, recall and F1 (the first coder of a pair as
    /// reference).
    pub exact_precision: f64,
    pub exact_recall: f64,
    pub exact_f1: f64,
    pub overlap_precision: f64,
    pub overlap_recall: f64,
    pub overlap_f1: f64,
    /// Items per coder, summed over the shared articles (mean over coders).
    pub items: f64,
}

/// Chance-corrected agreement on one categorical judgement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Categorical {
    pub name: String,
    /// Units coded by at least two coders.
    pub units: usize,
    /// Mean of pairwise Cohen's kappa (Light's kappa; Cohen's for two coders).
    pub kappa: Option<f64>,
    pub pairwise_kappa: Vec<(usize, usize, Option<f64>)>,
    /// Krippendorff's alpha (nominal) over all coders, missing values allowed.
    pub alpha: Option<f64>,
    /// Share of pairable value pairs that agree.
    pub observed: Option<f64>,
}

/// Everything `gloss agree` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub coders: Vec<String>,
    /// Articles coded by at least two coders.
    pub articles: usize,
    /// mentions, sources, cues, contents.
    pub layers: Vec<LayerAgreement>,
    /// Claim-level: same content (exact; overlapping for the overlap figure) and overlapping
    /// sources (or both none).
    pub claims: LayerAgreement,
    pub polarity: Categorical,
    pub status: Categorical,
}

/// The spans of one layer in a document (rejected items left out).
pub fn layer_spans(doc: &Document, layer: &str) -> Vec<(usize, usize)> {
    match layer {
        "mentions" => doc
            .live_actors()
            .flat_map(|a| a.mentions.iter().filter(|m| !m.orphaned).map(trimmed))
            .collect(),
        "sources" => doc
            .live_claims()
            .filter_map(|c| c.source.as_ref().map(trimmed))
            .collect(),
        "cues" => doc
            .live_claims()
            .filter_map(|c| c.cue.as_ref().map(trimmed))
            .collect(),
        _ => doc.live_claims().map(|c| trimmed(&c.content)).collect(),
    }
}

type ClaimKey = ((usize, usize), Option<(usize, usize)>);

fn claim_keys(doc: &Document) -> Vec<ClaimKey> {
    doc.live_claims()
        .map(|c| (trimmed(&c.content), c.source.as_ref().map(trimmed)))
        .collect()
}

/// Claims of `b` matching a claim of `a` (exact content, overlapping or both absent sources),
/// one-to-one.
pub fn claim_matches(a: &[ClaimKey], b: &[ClaimKey]) -> usize {
    let mut used = vec![false; a.len()];
    let mut n = 0;
    for (content, source) in b {
        let hit = a.iter().enumerate().find(|(i, (c, s))| {
            !used[*i]
                && c == content
                && match (s, source) {
                    (None, None) => true,
                    (Some(x), Some(y)) => overlaps(*x, *y),
                    _ => false,
                }
        });
        if let Some((i, _)) = hit {
            used[i] = true;
            n += 1;
        }
    }
    n
}

/// As `claim_matches`, but contents need only overlap.
pub fn claim_overlap_matches(a: &[ClaimKey], b: &[ClaimKey]) -> usize {
    let mut used = vec![false; a.len()];
    let mut n = 0;
    // Exact contents first, so an overlap cannot take a claim another matches exactly.
    let mut rest = Vec::new();
    for key in b {
        match a
            .iter()
            .enumerate()
            .find(|(i, k)| !used[*i] && sources_agree(k, key) && k.0 == key.0)
        {
            Some((i, _)) => {
                used[i] = true;
                n += 1;
            }
            None => rest.push(*key),
        }
    }
    for key in rest {
        if let Some((i, _)) = a
            .iter()
            .enumerate()
            .find(|(i, k)| !used[*i] && sources_agree(k, &key) && overlaps(k.0, key.0))
        {
            used[i] = true;
            n += 1;
        }
    }
    n
}

fn sources_agree(a: &ClaimKey, b: &ClaimKey) -> bool {
    match (a.1, b.1) {
        (None, None) => true,
        (Some(x), Some(y)) => overlaps(x, y),
        _ => false,
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

fn layer<T>(
    name: &str,
    coders: usize,
    articles: &[Vec<Option<&Document>>],
    items: impl Fn(&Document) -> Vec<T>,
    exact: impl Fn(&[T], &[T]) -> usize,
    overlap: impl Fn(&[T], &[T]) -> usize,
) -> LayerAgreement {
    let mut pairs = Vec::new();
    for a in 0..coders {
        for b in a + 1..coders {
            let mut pc = PairCounts {
                a,
                b,
                exact: Counts::default(),
                overlap: Counts::default(),
            };
            for article in articles {
                let (Some(da), Some(db)) = (article[a], article[b]) else {
                    continue;
                };
                let (ia, ib) = (items(da), items(db));
                let (ng, np) = (ia.len() as f64, ib.len() as f64);
                pc.exact.add(Counts::new(exact(&ia, &ib) as f64, np, ng));
                pc.overlap
                    .add(Counts::new(overlap(&ia, &ib) as f64, np, ng));
            }
            pairs.push(pc);
        }
    }
    let per_coder: Vec<f64> = (0..coders)
        .map(|c| {
            articles
                .iter()
                .filter(|a| a.iter().flatten().count() >= 2)
                .filter_map(|a| a[c].map(|d| items(d).len() as f64))
                .sum()
        })
        .collect();
    LayerAgreement {
        layer: name.to_string(),
        exact_precision: mean(pairs.iter().map(|p| p.exact.precision())),
        exact_recall: mean(pairs.iter().map(|p| p.exact.recall())),
        exact_f1: mean(pairs.iter().map(|p| p.exact.f1())),
        overlap_precision: mean(pairs.iter().map(|p| p.overlap.precision())),
        overlap_recall: mean(pairs.iter().map(|p| p.overlap.recall())),
        overlap_f1: mean(pairs.iter().map(|p| p.overlap.f1())),
        items: mean(per_coder.into_iter()),
        pairs,
    }
}

fn categorical<T: Eq + Hash + Clone + Ord>(
    name: &str,
    coders: usize,
    units: &[Vec<Option<T>>],
) -> Categorical {
    let mut pairwise = Vec::new();
    for a in 0..coders {
        for b in a + 1..coders {
            let pairs: Vec<(T, T)> = units
                .iter()
                .filter_map(|u| Some((u[a].clone()?, u[b].clone()?)))
                .collect();
            pairwise.push((a, b, cohen_kappa(&pairs)));
        }
    }
    let defined: Vec<f64> = pairwise.iter().filter_map(|(_, _, k)| *k).collect();
    let (mut agree, mut total) = (0.0, 0.0);
    for u in units {
        let values: Vec<&T> = u.iter().flatten().collect();
        for (i, x) in values.iter().enumerate() {
            for y in &values[i + 1..] {
                total += 1.0;
                if x == y {
                    agree += 1.0;
                }
            }
        }
    }
    Categorical {
        name: name.to_string(),
        units: units
            .iter()
            .filter(|u| u.iter().flatten().count() >= 2)
            .count(),
        kappa: if defined.is_empty() {
            None
        } else {
            Some(mean(defined.into_iter()))
        },
        pairwise_kappa: pairwise,
        alpha: krippendorff_alpha(units),
        observed: (total > 0.0).then(|| agree / total),
    }
}

/// Agreement of `coders` over articles: `articles[i][c]` is coder `c`'s document for article
/// `i`, `None` where that coder did not annotate it. The caller checks the documents of an
/// article are for the same text.
pub fn agreement(coders: &[String], articles: &[Vec<Option<&Document>>]) -> Report {
    let n = coders.len();
    let shared: Vec<Vec<Option<&Document>>> = articles
        .iter()
        .filter(|a| a.iter().flatten().count() >= 2)
        .cloned()
        .collect();
    let layers = ["mentions", "sources", "cues", "contents"]
        .iter()
        .map(|name| {
            layer(
                name,
                n,
                &shared,
                |d| layer_spans(d, name),
                exact_matches,
                overlap_matches,
            )
        })
        .collect();
    let claims = layer(
        "claims",
        n,
        &shared,
        claim_keys,
        claim_matches,
        claim_overlap_matches,
    );
    // Polarity: one unit per (actor name, target) in an article.
    let mut polarity_units = Vec::new();
    let mut status_units = Vec::new();
    for article in &shared {
        let mut units: BTreeMap<(String, String), Vec<Option<crate::model::Polarity>>> =
            BTreeMap::new();
        for (c, doc) in article.iter().enumerate() {
            let Some(doc) = doc else { continue };
            let by_id = doc.actors_by_id();
            for s in doc.live_stances() {
                let name = by_id
                    .get(s.actor.as_str())
                    .map_or(s.actor.as_str(), |a| a.name.as_str());
                let key = (
                    crate::export::network::name_key(name),
                    crate::export::network::name_key(&s.target),
                );
                let unit = units.entry(key).or_insert_with(|| vec![None; n]);
                if unit[c].is_none() {
                    unit[c] = Some(s.polarity);
                }
            }
        }
        polarity_units.extend(units.into_values());
        // Status: one unit per claim content, rejected claims included (rejecting is a verdict).
        let mut units: BTreeMap<(usize, usize), Vec<Option<crate::model::Status>>> =
            BTreeMap::new();
        for (c, doc) in article.iter().enumerate() {
            let Some(doc) = doc else { continue };
            for claim in &doc.claims {
                let unit = units
                    .entry(trimmed(&claim.content))
                    .or_insert_with(|| vec![None; n]);
                if unit[c].is_none() {
                    unit[c] = Some(claim.meta.status);
                }
            }
        }
        status_units.extend(units.into_values());
    }
    Report {
        coders: coders.to_vec(),
        articles: shared.len(),
        layers,
        claims,
        polarity: categorical("stance polarity", n, &polarity_units),
        status: categorical("claim status", n, &status_units),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleMeta, Claim, ClaimKind, Meta, Status};

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 5e-4)
    }

    #[test]
    fn kappa_matches_the_textbook_example() {
        // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 → po 0.7, pe 0.5, κ 0.4.
        let mut pairs = Vec::new();
        pairs.extend(std::iter::repeat_n(("y", "y"), 20));
        pairs.extend(std::iter::repeat_n(("y", "n"), 5));
        pairs.extend(std::iter::repeat_n(("n", "y"), 10));
        pairs.extend(std::iter::repeat_n(("n", "n"), 15));
        assert!(close(cohen_kappa(&pairs), 0.4));
    }

    #[test]
    fn kappa_is_undefined_with_one_category() {
        assert_eq!(cohen_kappa(&[("a", "a"), ("a", "a")]), None);
    }

    #[test]
    fn alpha_matches_krippendorffs_example_with_missing_data() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", 4 coders, 12 units,
        // nominal alpha 0.743.
        let rows: [[u8; 12]; 4] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ];
        let units: Vec<Vec<Option<u8>>> = (0..12)
            .map(|u| {
                rows.iter()
                    .map(|r| Some(r[u]).filter(|v| *v != 0))
                    .collect()
            })
            .collect();
        assert!(
            close(krippendorff_alpha(&units), 0.743),
            "{:?}",
            krippendorff_alpha(&units)
        );
    }

    #[test]
    fn alpha_matches_krippendorffs_binary_two_coder_example() {
        // Krippendorff (2011): two observers, binary, no missing data: alpha 0.095.
        let a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
        let b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
        let units: Vec<Vec<Option<u8>>> = (0..10).map(|i| vec![Some(a[i]), Some(b[i])]).collect();
        assert!(
            close(krippendorff_alpha(&units), 0.095),
            "{:?}",
            krippendorff_alpha(&units)
        );
    }

    #[test]
    fn perfect_agreement_gives_alpha_one() {
        let units = vec![vec![Some(1), Some(1)], vec![Some(2), Some(2)]];
        assert!(close(krippendorff_alpha(&units), 1.0));
    }

    #[test]
    fn exact_matching_is_one_to_one() {
        let a = [(0, 5), (0, 5), (10, 12)];
        let b = [(0, 5), (10, 13)];
        assert_eq!(exact_matches(&a, &b), 1);
        assert_eq!(overlap_matches(&a, &b), 2);
        // One gold span cannot be matched by two overlapping predictions.
        assert_eq!(overlap_matches(&[(0, 10)], &[(0, 3), (4, 8)]), 1);
    }

    #[test]
    fn trimming_ignores_surrounding_white_space() {
        let span = Span::from_chars("a  said  b", 1, 8);
        assert_eq!(trimmed(&span), (3, 7));
    }

    fn doc(claims: &[(ClaimKey, Status)]) -> Document {
        let text = "x".repeat(100);
        let mut d = Document::new(ArticleMeta {
            id: "t".into(),
            sha256: "0".into(),
            chars: 100,
            ..ArticleMeta::default()
        });
        for (i, ((content, source), status)) in claims.iter().enumerate() {
            d.claims.push(Claim {
                id: format!("c{i}"),
                actor: None,
                source: source.map(|(s, e)| Span::from_chars(&text, s, e)),
                cue: None,
                content: Span::from_chars(&text, content.0, content.1),
                kind: ClaimKind::Indirect,
                meta: Meta {
                    status: *status,
                    ..Meta::default()
                },
                extra: Default::default(),
            });
        }
        d
    }

    #[test]
    fn claims_agree_on_exact_content_and_overlapping_source() {
        let a = doc(&[
            (((10, 20), Some((0, 5))), Status::Accepted),
            (((30, 40), None), Status::Accepted),
            (((50, 60), Some((45, 48))), Status::Accepted),
        ]);
        let b = doc(&[
            (((10, 20), Some((2, 6))), Status::Accepted),
            (((30, 40), None), Status::Rejected),
            (((50, 61), Some((45, 48))), Status::Accepted),
        ]);
        let report = agreement(&["a".into(), "b".into()], &[vec![Some(&a), Some(&b)]]);
        // b's rejected claim is absent: a has 3 claims, b 2, one matches at claim level.
        let pair = report.claims.pairs[0];
        assert_eq!(
            (pair.exact.tp, pair.exact.gold, pair.exact.predicted),
            (1.0, 3.0, 2.0)
        );
        let contents = &report.layers[3].pairs[0];
        assert_eq!(contents.exact.tp, 1.0);
        assert_eq!(contents.overlap.tp, 2.0);
        // Status units: (10,20) agree, (30,40) accepted vs rejected; (50,60)/(50,61) unpaired.
        assert_eq!(report.status.units, 2);
        assert_eq!(report.status.observed, Some(0.5));
    }

    #[test]
    fn articles_with_one_coder_are_left_out() {
        let a = doc(&[(((10, 20), None), Status::Accepted)]);
        let report = agreement(
            &["a".into(), "b".into()],
            &[vec![Some(&a), None], vec![Some(&a), Some(&a)]],
        );
        assert_eq!(report.articles, 1);
        assert_eq!(report.layers[3].pairs[0].exact.gold, 1.0);
        assert_eq!(report.layers[3].exact_f1, 1.0);
    }
}
