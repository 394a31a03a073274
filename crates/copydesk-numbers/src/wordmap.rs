//! Tables of words and short phrases, looked up in any ASCII case without
//! allocating: a key of up to 16 bytes is packed, lower-cased, into one
//! integer and found by open addressing (one multiply, one compare); the
//! few longer keys (phrases such as "greater than or equal to") are
//! compared one by one.

use crate::swar;

/// Keys of this many bytes or fewer are packed into a `u128`.
const PACKED: usize = 16;

/// `word` lower-cased into an integer, byte `i` at bits `8i..8i+8`; `None`
/// when it is empty, longer than [`PACKED`] or not ASCII.
#[inline]
fn pack(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > PACKED {
        return None;
    }
    let lo = swar::load_head(word);
    // Most words fit the low half: the high one is read only past it.
    let hi = match word.get(8..) {
        Some(rest) if !rest.is_empty() => swar::load_head(rest),
        _ => 0,
    };
    if (lo | hi) & swar::HIGHS != 0 {
        return None;
    }
    let hi = if hi == 0 { 0 } else { swar::lower(hi) };
    let key = swar::lower(lo) as u128 | (hi as u128) << 64;
    // No entry is all NUL bytes: 0 marks an empty slot.
    (key != 0).then_some(key)
}

/// A map from words (any ASCII case) to values.
#[derive(Clone, Debug)]
pub struct WordMap<V> {
    /// Packed keys and their value's index; key 0 is an empty slot.
    slots: Vec<(u128, u32)>,
    /// The number of bits of a slot index.
    bits: u32,
    /// Keys too long to pack, lower case, with their value's index.
    long: Vec<(String, u32)>,
    values: Vec<V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap::new(std::iter::empty::<(&str, V)>())
    }
}

impl<V> WordMap<V> {
    /// The map of `entries`; a key given twice keeps its last value. Keys
    /// that are not ASCII can never be found and are left out.
    pub fn new<S: AsRef<str>>(entries: impl IntoIterator<Item = (S, V)>) -> WordMap<V> {
        let mut keys: Vec<(Result<u128, String>, V)> = Vec::new();
        for (k, v) in entries {
            let k = k.as_ref();
            if !k.is_ascii() || k.is_empty() {
                continue;
            }
            let key = pack(k.as_bytes()).ok_or_else(|| k.to_ascii_lowercase());
            match keys.iter_mut().find(|(q, _)| *q == key) {
                Some(slot) => slot.1 = v,
                None => keys.push((key, v)),
            }
        }
        let bits = (keys.len() * 2).next_power_of_two().max(8).trailing_zeros();
        let mut map = WordMap { slots: vec![(0, 0); 1 << bits], bits, long: Vec::new(), values: Vec::new() };
        for (key, v) in keys {
            let index = map.values.len() as u32;
            map.values.push(v);
            match key {
                Ok(packed) => {
                    let mut s = map.slot(packed);
                    while map.slots[s].0 != 0 {
                        s = (s + 1) & ((1 << bits) - 1);
                    }
                    map.slots[s] = (packed, index);
                }
                Err(long) => map.long.push((long, index)),
            }
        }
        map
    }

    /// The home slot of a packed key.
    #[inline]
    fn slot(&self, key: u128) -> usize {
        let h = ((key as u64) ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> (64 - self.bits)) as usize
    }

    /// The value of `word`, in any ASCII case.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        let index = match pack(word.as_bytes()) {
            Some(key) => {
                let mask = self.slots.len() - 1;
                let mut s = self.slot(key);
                loop {
                    let (k, i) = self.slots[s];
                    if k == key {
                        break i;
                    }
                    if k == 0 {
                        return None;
                    }
                    s = (s + 1) & mask;
                }
            }
            None if word.len() > PACKED => self.long.iter().find(|(k, _)| k.eq_ignore_ascii_case(word))?.1,
            None => return None,
        };
        self.values.get(index as usize)
    }

    /// True when `word`, in any ASCII case, is a key.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

/// A set of words (any ASCII case).
pub type WordSet = WordMap<()>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_in_any_case_and_nothing_else() {
        let m = WordMap::new([("million", 1e6), ("Dozen", 12.0), ("greater than or equal to", 0.5)]);
        assert_eq!(m.get("MILLION"), Some(&1e6));
        assert_eq!(m.get("dozen"), Some(&12.0));
        assert_eq!(m.get("Greater Than Or Equal To"), Some(&0.5));
        assert_eq!(m.get("millions"), None);
        assert_eq!(m.get("milli"), None);
        assert_eq!(m.get(""), None);
        assert_eq!(m.get("mi\u{0}llion"), None);
        assert_eq!(m.get("millíon"), None);
    }

    #[test]
    fn a_key_given_twice_keeps_its_last_value() {
        let m = WordMap::new([("half", 2.0), ("HALF", 3.0)]);
        assert_eq!(m.get("half"), Some(&3.0));
    }

    #[test]
    fn holds_many_keys() {
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        let m = WordMap::new(words.iter().map(|w| (w, ())));
        assert!(words.iter().all(|w| m.contains(w)));
        assert!(!m.contains("w1000"));
    }
}
