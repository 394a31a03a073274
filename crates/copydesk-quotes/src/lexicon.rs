//! The word lists under `data/`, parsed once into one table that every word
//! of a story is looked up in, without allocating: what each list says about
//! the word, and the cue phrases that start with it.

use std::collections::HashMap;
/// How a cue relates to its speaker; see `data/cues.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// "X said" or "said X".
    Say,
    /// "X told Y": never inverted.
    Tell,
    /// "..., adding": the main clause's speaker.
    Part,
    /// "according to X".
    Prep,
    /// "quoted X as saying".
    Quoted,
}

/// What a word says about the sex or number of whom it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
    Plural,
    /// A thing or an organisation ("it", "the report").
    Thing,
    Unknown,
}

impl Gender {
    /// Reads the second column of a data line.
    fn parse(cols: &[&str]) -> Gender {
        match cols.get(1).copied().unwrap_or("") {
            "m" => Gender::Male,
            "f" => Gender::Female,
            "p" => Gender::Plural,
            "o" => Gender::Thing,
            _ => Gender::Unknown,
        }
    }
}

/// What the word lists say about one word. Every word of a story is looked
/// up once; the rules then read these fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) pronoun: Option<Gender>,
    pub(crate) role: Option<Gender>,
    pub(crate) title: Option<Gender>,
    pub(crate) first_name: Option<Gender>,
    /// `Some(true)` for a definite determiner ("the", "his").
    pub(crate) determiner: Option<bool>,
    /// `Some(true)` for a date word ("Thursday"), `Some(false)` for an
    /// organisation word ("Ministry").
    pub(crate) org: Option<bool>,
    /// `Some(true)` when listed capitalised ("Ill."), which a lowercase word
    /// does not match.
    pub(crate) abbreviation: Option<bool>,
    pub(crate) between: bool,
    pub(crate) not_speaker: bool,
    pub(crate) clause_opener: bool,
    pub(crate) cue_noun: bool,
    pub(crate) preposition: bool,
    /// A lowercase word inside a name ("bin", "de").
    pub(crate) particle: bool,
    pub(crate) auxiliary: bool,
    /// A role noun for what someone issues: "statement", "ad".
    pub(crate) document: bool,
    /// The cue phrases starting with this word (an index into the
    /// lexicon's groups of phrases).
    pub(crate) cue: Option<u16>,
}

/// A word's bytes as the tables key them: ASCII letters lowercased, the
/// curly apostrophe read as a straight one.
fn folded(word: &str) -> impl Iterator<Item = u8> + '_ {
    let bytes = word.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let b = *bytes.get(i)?;
        if b == 0xE2 && bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]) {
            i += 3;
            return Some(b'\'');
        }
        i += 1;
        Some(b.to_ascii_lowercase())
    })
}

/// The non-comment, non-blank lines of a data file, split on tabs.
fn data_lines(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// A word as the tables key it: folded, zero-padded to 16 bytes and read as
/// two integers. Every listed word is ASCII and at most 16 bytes long, so a
/// word that is not (once folded) is in no list.
type Key = [u64; 2];

fn key(word: &str) -> Option<Key> {
    let bytes = word.as_bytes();
    if bytes.len() <= 16 {
        let (lo, hi) = bytes.split_at(bytes.len().min(8));
        let (lo, hi) = (load(lo), load(hi));
        if (lo | hi) & HIGH_BITS == 0 {
            // Most words: ASCII, nothing to fold but the case.
            return Some([lowercase(lo), lowercase(hi)]);
        }
    }
    let mut buf = [0u8; 16];
    for (n, b) in folded(word).enumerate() {
        *buf.get_mut(n).filter(|_| b.is_ascii())? = b;
    }
    let (lo, hi) = buf.split_at(8);
    Some([load(lo), load(hi)])
}

/// At most eight bytes read as a little-endian integer, zero-padded: two
/// overlapping loads instead of a byte loop.
fn load(b: &[u8]) -> u64 {
    let n = b.len();
    let at = |i: usize| u64::from(b[i]);
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    match n {
        0 => 0,
        1..=3 => at(0) | at(n / 2) << (8 * (n / 2)) | at(n - 1) << (8 * (n - 1)),
        4..=7 => u32_at(0) | u32_at(n - 4) << (8 * (n - 4)),
        _ => u32_at(0) | u32_at(4) << 32,
    }
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// A mask of the `n` low bytes of a word (all of them from eight on).
fn low_bytes(n: usize) -> u64 {
    if n >= 8 { u64::MAX } else { (1 << (8 * n)) - 1 }
}

/// Lowercases the eight ASCII bytes of `x` at once: a byte in `A..=Z` gets
/// its 0x20 bit set.
fn lowercase(x: u64) -> u64 {
    let ones = u64::from_le_bytes([1; 8]);
    let from_a = x + ones * (0x80 - u64::from(b'A'));
    let past_z = x + ones * (0x80 - u64::from(b'Z') - 1);
    let upper = from_a & !past_z & HIGH_BITS;
    x | (upper >> 2)
}

/// An open-addressing table from folded words to entries: a story's words
/// are looked up as they stand, with nothing allocated.
struct Words {
    /// Index + 1 into `keys` and `entries`; 0 for an empty slot.
    slots: Vec<u32>,
    keys: Vec<Key>,
    entries: Vec<Entry>,
}

impl Words {
    fn new(words: HashMap<Vec<u8>, Entry>) -> Words {
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut table = Words { slots: vec![0; size], keys: Vec::new(), entries: Vec::new() };
        for (word, entry) in words {
            let word = String::from_utf8_lossy(&word);
            let Some(k) = key(&word) else { panic!("listed word {word:?} is not ASCII of at most 16 bytes") };
            let mut at = table.home(&k);
            while table.slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            table.keys.push(k);
            table.entries.push(entry);
            table.slots[at] = table.keys.len() as u32;
        }
        table
    }

    /// The slot where key `k` is first looked for.
    fn home(&self, k: &Key) -> usize {
        let h = k[0].wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ k[1].wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        (h >> 40) as usize & (self.slots.len() - 1)
    }

    fn get(&self, k: Key) -> Option<&Entry> {
        let mut at = self.home(&k);
        loop {
            let i = (*self.slots.get(at)? as usize).checked_sub(1)?;
            if self.keys.get(i) == Some(&k) {
                return self.entries.get(i);
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
    }
}

/// A cue phrase, keyed by its first word: the words after it and its class.
struct CuePhrase {
    rest: Vec<String>,
    class: CueClass,
}

/// Every word list, compiled.
pub(crate) struct Lexicon {
    words: Words,
    /// The cue phrases starting with one word, longest first; an entry's
    /// `cue` indexes this.
    cues: Vec<Vec<CuePhrase>>,
}

/// Adds a data file's words to `words`, `set` filling in each one's entry.
fn add(words: &mut HashMap<Vec<u8>, Entry>, src: &str, set: impl Fn(&mut Entry, &[&str])) {
    for cols in data_lines(src) {
        set(words.entry(folded(cols[0]).collect()).or_default(), &cols);
    }
}

impl Lexicon {
    pub(crate) fn new() -> Lexicon {
        let mut words = HashMap::new();
        let mut cues: Vec<Vec<CuePhrase>> = Vec::new();
        for cols in data_lines(include_str!("../data/cues.txt")) {
            let class = match cols.get(1).copied() {
                Some("tell") => CueClass::Tell,
                Some("part") => CueClass::Part,
                Some("prep") => CueClass::Prep,
                Some("quoted") => CueClass::Quoted,
                _ => CueClass::Say,
            };
            let mut phrase = cols[0].split_whitespace();
            let first = phrase.next().unwrap_or_default();
            let rest = phrase.map(str::to_ascii_lowercase).collect();
            let e: &mut Entry = words.entry(folded(first).collect()).or_default();
            let group = *e.cue.get_or_insert_with(|| {
                cues.push(Vec::new());
                (cues.len() - 1) as u16
            });
            e.cue_noun |= cols.get(2) == Some(&"noun");
            cues[group as usize].push(CuePhrase { rest, class });
        }
        for group in &mut cues {
            group.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        let gender = |c: &[&str]| Some(Gender::parse(c));
        add(&mut words, include_str!("../data/titles.txt"), |e, c| e.title = gender(c));
        add(&mut words, include_str!("../data/roles.txt"), |e, c| {
            e.role = gender(c);
            e.document = c.get(2) == Some(&"document");
        });
        add(&mut words, include_str!("../data/pronouns.txt"), |e, c| e.pronoun = gender(c));
        add(&mut words, include_str!("../data/first_names.txt"), |e, c| e.first_name = gender(c));
        add(&mut words, include_str!("../data/between.txt"), |e, _| e.between = true);
        add(&mut words, include_str!("../data/not_speakers.txt"), |e, _| e.not_speaker = true);
        add(&mut words, include_str!("../data/clause_openers.txt"), |e, _| e.clause_opener = true);
        add(&mut words, include_str!("../data/prepositions.txt"), |e, _| e.preposition = true);
        add(&mut words, include_str!("../data/name_particles.txt"), |e, _| e.particle = true);
        add(&mut words, include_str!("../data/auxiliaries.txt"), |e, _| e.auxiliary = true);
        add(&mut words, include_str!("../data/org_words.txt"), |e, c| {
            e.org = Some(c.get(1) == Some(&"date"))
        });
        add(&mut words, include_str!("../data/determiners.txt"), |e, c| {
            e.determiner = Some(c.get(1) == Some(&"definite"))
        });
        // An abbreviation listed capitalised ("Ill.") is not its lowercase
        // word ("ill.").
        add(&mut words, include_str!("../data/abbreviations.txt"), |e, c| {
            e.abbreviation = Some(c[0].starts_with(char::is_uppercase))
        });
        Lexicon { words: Words::new(words), cues }
    }

    /// What the lists say about `word`.
    pub(crate) fn entry(&self, word: &str) -> Entry {
        key(word).and_then(|k| self.words.get(k)).copied().unwrap_or_default()
    }

    /// What the lists say about the word `text[start..end]`, read in place:
    /// the sixteen bytes from its start, masked to its length.
    pub(crate) fn entry_in(&self, text: &str, start: usize, end: usize) -> Entry {
        let len = end - start;
        let window = text.as_bytes().get(start..start + 16).filter(|_| len <= 16);
        let k = window.and_then(|w| {
            let (lo, hi) = w.split_at(8);
            let read =
                |h: &[u8], n: usize| u64::from_le_bytes(h.try_into().unwrap_or_default()) & low_bytes(n);
            let (lo, hi) = (read(lo, len), read(hi, len.saturating_sub(8)));
            ((lo | hi) & HIGH_BITS == 0).then(|| [lowercase(lo), lowercase(hi)])
        });
        match k {
            Some(k) => self.words.get(k).copied().unwrap_or_default(),
            None => self.entry(&text[start..end]),
        }
    }

    /// The class and length in words of the longest cue phrase that starts
    /// with a word whose entry is `e`; `next(k)` gives the `k`-th word after
    /// it, if it stands right there.
    pub(crate) fn cue<'w>(
        &self,
        e: &Entry,
        next: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<(CueClass, usize)> {
        let group = self.cues.get(usize::from(e.cue?))?;
        group.iter().find_map(|p| {
            let fits =
                p.rest.iter().enumerate().all(|(k, w)| next(k).is_some_and(|n| n.eq_ignore_ascii_case(w)));
            fits.then_some((p.class, p.rest.len() + 1))
        })
    }

    /// True when `text` holds a cue phrase.
    pub(crate) fn has_cue(&self, text: &str) -> bool {
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        (0..words.len()).any(|i| self.cue(&self.entry(words[i]), |k| words.get(i + 1 + k).copied()).is_some())
    }

    /// True when `word` (with its final period) is an abbreviation whose
    /// period does not end a sentence.
    pub(crate) fn is_abbreviation(&self, word: &str) -> bool {
        let capitalised = word.starts_with(char::is_uppercase);
        let e = self.entry(word);
        e.abbreviation == Some(capitalised) || (capitalised && e.title.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_lowercase_ascii_letters_only() {
        let k = |w: &str| key(w).map(|[lo, hi]| [lo.to_le_bytes(), hi.to_le_bytes()].concat());
        let expect = |w: &str| {
            let mut v = w.bytes().map(|b| b.to_ascii_lowercase()).collect::<Vec<u8>>();
            v.resize(16, 0);
            Some(v)
        };
        assert_eq!(k("AZaz@[`{09-.'&"), expect("AZaz@[`{09-.'&"));
        assert_eq!(k("Kabulov’s"), expect("kabulov's"));
        assert_eq!(k("Kabulov’s"), k("KABULOV'S"));
        assert_eq!(k("Ángel"), None);
        assert_eq!(k("seventeen-letters"), None);
    }

    #[test]
    fn words_read_in_place_match_words_read_alone() {
        let lex = Lexicon::new();
        let text = "Spokeswoman Ana said: he’s the U.S. envoy, Ángel SAID representatives he";
        let mut at = 0;
        for w in text.split(' ') {
            let w = w.trim_end_matches([':', ',']);
            assert_eq!(lex.entry_in(text, at, at + w.len()), lex.entry(w), "{w}");
            at = text[at..].find(' ').map_or(text.len(), |i| at + i + 1);
        }
        assert!(lex.entry_in(text, text.len() - 2, text.len()).pronoun.is_some());
    }

    #[test]
    fn tables_ignore_case_and_apostrophe_style() {
        let lex = Lexicon::new();
        assert_eq!(lex.entry("He").pronoun, Some(Gender::Male));
        assert_eq!(lex.entry("Spokeswoman").role, Some(Gender::Female));
        assert!(lex.entry("maj.").title.is_some());
        assert!(lex.entry("Lodewick").title.is_none());
        assert!(lex.entry("Kabulov’s").first_name.is_none());
        assert!(lex.is_abbreviation("Ill.") && !lex.is_abbreviation("ill."));
    }

    /// The cue phrases starting at each of `words`.
    fn phrases(lex: &Lexicon, words: &[&str]) -> Vec<String> {
        (0..words.len())
            .filter_map(|i| {
                let (_, len) = lex.cue(&lex.entry(words[i]), |k| words.get(i + 1 + k).copied())?;
                Some(words[i..i + len].join(" "))
            })
            .collect()
    }

    #[test]
    fn cue_phrases_match_whole_words_only() {
        let lex = Lexicon::new();
        let words = ["According", "to", "him", "she", "resaid", "it", "and", "told", "us"];
        assert_eq!(phrases(&lex, &words), ["According to", "told"]);
        assert!(lex.has_cue("and then, according to him") && !lex.has_cue("resaid accordingly"));
    }

    #[test]
    fn longest_cue_phrase_wins() {
        let lex = Lexicon::new();
        let after = ["that"];
        let cue = lex.cue(&lex.entry("Saying"), |k| after.get(k).copied());
        assert_eq!(cue, Some((CueClass::Part, 2)));
        assert_eq!(lex.cue(&lex.entry("saying"), |_| None), Some((CueClass::Part, 1)));
    }
}
