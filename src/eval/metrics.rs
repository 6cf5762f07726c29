//! Precision, recall and F1 from counts.

use serde::Serialize;

/// Counts of one comparison: true positives, predicted, gold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub tp: f64,
    pub predicted: f64,
    pub gold: f64,
}

impl Counts {
    pub fn new(tp: f64, predicted: f64, gold: f64) -> Self {
        Counts {
            tp,
            predicted,
            gold,
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }

    pub fn precision(&self) -> f64 {
        if self.predicted > 0.0 {
            self.tp / self.predicted
        } else {
            0.0
        }
    }

    pub fn recall(&self) -> f64 {
        if self.gold > 0.0 {
            self.tp / self.gold
        } else {
            0.0
        }
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_prf() {
        let c = Counts::new(2.0, 4.0, 8.0);
        assert_eq!(c.precision(), 0.5);
        assert_eq!(c.recall(), 0.25);
        assert!((c.f1() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
