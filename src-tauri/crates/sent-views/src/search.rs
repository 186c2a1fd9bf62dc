//! The list's search over every row's folded key at once. The keys are laid end to end in one
//! buffer, in row order, with where each ends; a search runs one substring finder (SIMD `memmem`)
//! over that buffer, maps each match to its row, and goes on from the next row: memory is read once,
//! in order, instead of one small allocation per row in the sort's order. At 100,000 profiles the
//! buffer is ~7 MB. It is the only place the keys are kept: the model changes it with its rows
//! (a changed row's key replaced in place, a removed row's taken out), so it is never rebuilt.

use memchr::memmem::Finder;

/// Every row's search key, end to end (see the module's text).
#[derive(Debug, Clone, Default)]
pub(crate) struct KeyIndex {
    text: String,
    /// `ends[i]`: where row `i`'s key ends in `text` (it starts where row `i - 1`'s ends).
    ends: Vec<u32>,
}

impl KeyIndex {
    #[cfg(test)]
    pub(crate) fn new<'a>(keys: impl ExactSizeIterator<Item = &'a str>) -> Self {
        let mut index = Self {
            text: String::new(),
            ends: Vec::with_capacity(keys.len()),
        };
        for key in keys {
            index.push(key);
        }
        index
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Adds the next row's key.
    pub(crate) fn push(&mut self, key: &str) {
        self.text.push_str(key);
        // A buffer over 4 GB would need ~40 million profiles; past it, the last row stands in.
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    /// Where row `row`'s key is in the text.
    fn range(&self, row: usize) -> std::ops::Range<usize> {
        let len = self.text.len();
        let start = match row {
            0 => 0,
            _ => self
                .ends
                .get(row - 1)
                .map_or(len, |&e| (e as usize).min(len)),
        };
        let end = self
            .ends
            .get(row)
            .map_or(start, |&e| (e as usize).clamp(start, len));
        start..end
    }

    /// Row `row`'s key ("" past the last row).
    pub(crate) fn key(&self, row: usize) -> &str {
        self.text.get(self.range(row)).unwrap_or_default()
    }

    /// Row `row`'s key becomes `key` (the text after it moves; ~1 ms at 100,000 profiles).
    pub(crate) fn replace(&mut self, row: usize, key: &str) {
        if row >= self.ends.len() {
            return;
        }
        let range = self.range(row);
        let (old, new) = (range.len() as u32, key.len() as u32);
        self.text.replace_range(range, key);
        // Every key from this row on ends `new - old` bytes later (each end is past this key's start
        // plus its old length, so taking `old` off first cannot go below zero).
        for end in &mut self.ends[row..] {
            *end = (*end - old).saturating_add(new);
        }
    }

    /// Takes row `row`'s key out (the rows after it move up one).
    pub(crate) fn remove(&mut self, row: usize) {
        if row >= self.ends.len() {
            return;
        }
        let range = self.range(row);
        let old = range.len() as u32;
        self.text.replace_range(range, "");
        self.ends.remove(row);
        for end in &mut self.ends[row..] {
            *end = end.saturating_sub(old);
        }
    }

    /// Gives back the room the text's growth left unused.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Which rows' keys contain `needle` (non-empty): one flag per row, in row order.
    pub(crate) fn containing(&self, needle: &str) -> Vec<bool> {
        let mut found = vec![false; self.ends.len()];
        let text = self.text.as_bytes();
        let finder = Finder::new(needle.as_bytes());
        let (mut at, mut row) = (0usize, 0usize);
        while row < self.ends.len() {
            let Some(p) = finder.find(&text[at..]) else {
                break;
            };
            let pos = at + p;
            // The row this match starts in (the first whose key ends after it).
            row += self.ends[row..].partition_point(|&end| end as usize <= pos);
            let Some(&end) = self.ends.get(row) else {
                break;
            };
            let end = end as usize;
            if pos + needle.len() <= end {
                // Found in this row: the rest of its key need not be searched.
                found[row] = true;
                at = end;
                row += 1;
            } else {
                // The match runs into the next row's key: not one key's text; look again just after.
                at = pos + 1;
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(keys: &[&str], needle: &str) -> Vec<bool> {
        keys.iter().map(|k| k.contains(needle)).collect()
    }

    #[test]
    fn finds_the_rows_whose_own_key_contains_the_text() {
        let keys = [
            "\u{1}corner cafe 1\u{1}cc",
            "",
            "\u{1}joe's pizza",
            "\u{1}cafe",
            "\u{1}zurich dental\u{1}caf",
            "\u{1}aaa",
        ];
        let index = KeyIndex::new(keys.iter().copied());
        assert_eq!(index.len(), keys.len());
        for needle in [
            "caf",
            "c",
            "cafe",
            "a",
            "aa",
            "pizza",
            "zz",
            "\u{1}c",
            "\u{1}",
            "1\u{1}",
            "x",
            "cc",
            "a\u{1}j",
            "\u{1}corner cafe 1\u{1}cc",
        ] {
            assert_eq!(index.containing(needle), naive(&keys, needle), "{needle:?}");
        }
    }

    #[test]
    fn a_changed_or_removed_key_is_found_where_the_row_now_is() {
        let mut index = KeyIndex::new(["\u{1}alpha", "\u{1}bravo", "", "\u{1}delta"].into_iter());
        index.replace(1, "\u{1}bravissimo");
        index.replace(2, "\u{1}charlie");
        index.replace(0, "");
        assert_eq!(
            (0..4).map(|i| index.key(i)).collect::<Vec<_>>(),
            ["", "\u{1}bravissimo", "\u{1}charlie", "\u{1}delta"]
        );
        assert_eq!(index.containing("delta"), vec![false, false, false, true]);
        index.remove(1);
        assert_eq!(index.len(), 3);
        assert_eq!(
            (0..3).map(|i| index.key(i)).collect::<Vec<_>>(),
            ["", "\u{1}charlie", "\u{1}delta"]
        );
        assert_eq!(index.containing("a"), vec![false, true, true]);
        assert_eq!(index.containing("bravo"), vec![false, false, false]);
        assert_eq!(index.key(9), "", "past the last row");
        index.remove(9);
        index.replace(9, "x");
        assert_eq!(index.len(), 3);
    }

    #[test]
    fn a_text_spanning_two_keys_is_no_match() {
        // "fe\u{1}jo" occurs in the buffer across rows 0 and 1 only.
        let keys = ["\u{1}cafe", "\u{1}joe", "\u{1}x fe\u{1}joy"];
        let index = KeyIndex::new(keys.iter().copied());
        assert_eq!(
            index.containing("fe\u{1}jo"),
            vec![false, false, true],
            "the match across rows 0 and 1 is not one"
        );
    }

    #[test]
    fn agrees_with_a_plain_search_on_generated_keys() {
        let words = [
            "corner", "café", "cafe", "joe", "zürich", "1", "12", "", "a b",
        ];
        let keys: Vec<String> = (0..500)
            .map(|i| {
                let mut key = String::new();
                for j in 0..(i % 4) {
                    key.push('\u{1}');
                    key.push_str(words[(i * 7 + j * 3) % words.len()]);
                    key.push_str(&(i % 13).to_string());
                }
                key
            })
            .collect();
        let index = KeyIndex::new(keys.iter().map(String::as_str));
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        for needle in [
            "c", "ca", "caf", "café", "1", "12", "2\u{1}", "zü", "a b", "e1", "q",
        ] {
            assert_eq!(index.containing(needle), naive(&refs, needle), "{needle:?}");
        }
    }
}
