//! The churn fixtures (`tests/fixtures/churn`): held-out rows, models and reference outputs.

use std::error::Error;
use std::ops::Range;
use std::path::PathBuf;

use crate::tl2cgen::Entry;

/// Result with a boxed error, for fixture loading.
pub type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// Features per row (`feature_names.txt`).
pub const NUM_FEATURES: usize = 18;

/// The fixture directory.
pub fn fixtures() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/churn"))
}

/// XGBoost JSON file of model `name` (`all_states` or a state code).
pub fn model_path(name: &str) -> PathBuf {
    let models = fixtures().join("models");
    if name == "all_states" {
        models.join("all_states.json")
    } else {
        models.join("states").join(format!("{name}.json"))
    }
}

/// State codes that have a per-state model, sorted.
pub fn state_names() -> Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(fixtures().join("models/states"))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            names.push(path.file_stem().and_then(|s| s.to_str()).ok_or("non-UTF-8 model name")?.to_string());
        }
    }
    names.sort();
    Ok(names)
}

/// Rows with their state code, features back to back (NaN = missing).
#[derive(Debug, Clone)]
pub struct Rows {
    /// State code of each row.
    pub states: Vec<String>,
    /// `len() × NUM_FEATURES` values.
    pub features: Vec<f32>,
}

impl Rows {
    /// `heldout.csv`: no header; state code, then 18 values (an empty field is missing).
    pub fn held_out() -> Result<Rows> {
        let text = std::fs::read_to_string(fixtures().join("heldout.csv"))?;
        let mut rows = Rows { states: Vec::new(), features: Vec::new() };
        for (n, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            let mut fields = line.split(',');
            rows.states.push(fields.next().unwrap_or_default().trim().to_string());
            let before = rows.features.len();
            for f in fields {
                let f = f.trim();
                rows.features.push(if f.is_empty() { f32::NAN } else { f.parse()? });
            }
            if rows.features.len() - before != NUM_FEATURES {
                return Err(format!("heldout.csv line {}: expected {NUM_FEATURES} features", n + 1).into());
            }
        }
        Ok(rows)
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.states.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
    }

    /// Features of row `i`.
    pub fn row(&self, i: usize) -> &[f32] {
        &self.features[i * NUM_FEATURES..(i + 1) * NUM_FEATURES]
    }

    /// The same rows as TL2cgen input cells.
    pub fn entries(&self) -> Vec<Entry> {
        self.features.iter().map(|&v| Entry::from_f32(v)).collect()
    }

    /// The rows whose state is in `states`, in their original order.
    pub fn of_states(&self, states: &[String]) -> Rows {
        let keep: Vec<usize> = (0..self.len()).filter(|&i| states.contains(&self.states[i])).collect();
        self.pick(&keep)
    }

    /// Rows `order[0]`, `order[1]`, ... of these rows.
    pub fn pick(&self, order: &[usize]) -> Rows {
        Rows {
            states: order.iter().map(|&i| self.states[i].clone()).collect(),
            features: order.iter().flat_map(|&i| self.row(i).iter().copied()).collect(),
        }
    }

    /// The rows stably sorted by state, and each state's row range in the sorted rows.
    pub fn grouped_by_state(&self) -> (Rows, Vec<(String, Range<usize>)>) {
        let mut order: Vec<usize> = (0..self.len()).collect();
        order.sort_by(|&a, &b| self.states[a].cmp(&self.states[b]));
        let sorted = self.pick(&order);
        let mut groups: Vec<(String, Range<usize>)> = Vec::new();
        for (i, state) in sorted.states.iter().enumerate() {
            match groups.last_mut() {
                Some((s, range)) if s == state => range.end = i + 1,
                _ => groups.push((state.clone(), i..i + 1)),
            }
        }
        (sorted, groups)
    }
}

/// Different row orders the "new order each pass" scenarios (`churn_bench`, `tree_min`) take in
/// turn: too many rows for a branch predictor to learn the sequence (on Zen 4, TL2cgen's single
/// row took 68 ns with one order repeated and 106–111 ns with 4–64 orders in turn).
pub const FRESH_ORDERS: usize = 16;

/// `copies` different orders of `n` row indices (Fisher–Yates with a fixed-seed xorshift, so
/// every run times the same orders).
pub fn shuffled_orders(n: usize, copies: usize) -> Vec<Vec<usize>> {
    let mut s = 0x9e37_79b9_7f4a_7c15u64;
    (0..copies)
        .map(|_| {
            let mut order: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                order.swap(i, (s % (i as u64 + 1)) as usize);
            }
            order
        })
        .collect()
}

/// `expected_all_states.csv`: XGBoost's `(margin, probability)` per held-out row.
pub fn expected_all_states() -> Result<Vec<(f32, f32)>> {
    let text = std::fs::read_to_string(fixtures().join("expected_all_states.csv"))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (m, p) = line.split_once(',').ok_or("expected_all_states.csv: need margin,probability")?;
            Ok((m.trim().parse()?, p.trim().parse()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_out_rows_group_by_state_without_losing_rows() {
        let rows = Rows::held_out().unwrap();
        assert_eq!(rows.len(), 1667);
        let (sorted, groups) = rows.grouped_by_state();
        assert_eq!(groups.len(), state_names().unwrap().len());
        assert_eq!(groups.first().unwrap().1.start, 0);
        assert_eq!(groups.last().unwrap().1.end, rows.len());
        for (state, range) in &groups {
            assert!(sorted.states[range.clone()].iter().all(|s| s == state));
        }
        let mut a = rows.features.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        let mut b = sorted.features.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
    }

    #[test]
    fn shuffled_orders_are_different_permutations() {
        let orders = shuffled_orders(100, 3);
        for o in &orders {
            let mut sorted = o.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..100).collect::<Vec<_>>());
        }
        assert!(orders[0] != orders[1] && orders[1] != orders[2] && orders[0] != (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn of_states_keeps_exactly_those_rows_in_order() {
        let rows = Rows::held_out().unwrap();
        let wanted = ["TX".to_string(), "AK".to_string()];
        let some = rows.of_states(&wanted);
        let expected: Vec<usize> = (0..rows.len()).filter(|&i| wanted.contains(&rows.states[i])).collect();
        assert_eq!(some.len(), expected.len());
        assert!(!some.is_empty() && some.len() < rows.len());
        for (j, &i) in expected.iter().enumerate() {
            assert_eq!(some.states[j], rows.states[i]);
            assert_eq!(
                some.row(j).iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
                rows.row(i).iter().map(|v| v.to_bits()).collect::<Vec<_>>()
            );
        }
        assert_eq!(rows.of_states(&state_names().unwrap()).len(), rows.len());
    }
}
