//! Bad records counted by kind, for a job's summary: a kind is the error message with its
//! particulars (quoted values, numbers) blanked, so `column 5: `abc` is not a number` and
//! `column 7: `x` is not a number` are one kind.

use std::collections::HashMap;

use serde::Serialize;

/// Kinds a summary lists.
pub const TOP_KINDS: usize = 5;

/// One kind of failure and how often it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorKind {
    /// The message with particulars blanked (`…` for a quoted value, `N` for a number).
    pub kind: String,
    /// Records that failed so.
    pub count: u64,
    /// The first such message, whole.
    pub example: String,
}

/// The kind of an error message: quoted values become `` `…` ``, runs of digits `N`.
pub fn kind_of(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut quoted = false;
    let mut digits = false;
    for c in message.chars() {
        if c == '`' {
            quoted = !quoted;
            kind.push_str(if quoted { "`…" } else { "`" });
            digits = false;
        } else if quoted {
        } else if c.is_ascii_digit() {
            if !digits {
                kind.push('N');
            }
            digits = true;
        } else {
            digits = false;
            kind.push(c);
        }
    }
    kind
}

/// Counts of failures by kind.
#[derive(Debug, Default)]
pub struct Tally {
    kinds: HashMap<String, ErrorKind>,
    /// Order of first appearance, to break ties.
    order: Vec<String>,
}

impl Tally {
    /// Counts these messages.
    pub fn add<'m>(&mut self, messages: impl Iterator<Item = &'m str>) {
        for message in messages {
            let kind = kind_of(message);
            match self.kinds.get_mut(&kind) {
                Some(k) => k.count += 1,
                None => {
                    self.order.push(kind.clone());
                    self.kinds.insert(kind.clone(), ErrorKind { kind, count: 1, example: message.to_string() });
                }
            }
        }
    }

    /// The most frequent kinds, at most [`TOP_KINDS`], ties in order of first appearance.
    pub fn top(&self) -> Vec<ErrorKind> {
        let mut all: Vec<ErrorKind> = self.order.iter().map(|k| self.kinds[k].clone()).collect();
        all.sort_by_key(|k| std::cmp::Reverse(k.count));
        all.truncate(TOP_KINDS);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_blank_values_and_numbers() {
        assert_eq!(kind_of("column 5: `abc` is not a number"), "column N: `…` is not a number");
        assert_eq!(
            kind_of("expected 19 fields (the model name and 18 features), found 2"),
            "expected N fields (the model name and N features), found N"
        );
        let mut tally = Tally::default();
        tally.add(
            [
                "empty line",
                "column 2: `x` is not a number",
                "column 9: `yy` is not a number",
                "empty line",
                "column 1: `z` is not a number",
            ]
            .into_iter(),
        );
        let top = tally.top();
        assert_eq!(
            top.iter().map(|k| (k.kind.as_str(), k.count)).collect::<Vec<_>>(),
            [("column N: `…` is not a number", 3), ("empty line", 2)]
        );
        assert_eq!(top[0].example, "column 2: `x` is not a number");
    }
}
