//! From a mention to the person: the fullest form of a name in the story
//! ("Lodewick" -> "Rob Lodewick"), a role to the name it was given as an
//! appositive ("Putin's envoy" -> "Zamir Kabulov"), and a pronoun to the last
//! compatible subject of a speech verb (names inside quotes never count).

use std::collections::HashMap;

use crate::lexicon::{Entry, Gender};
use crate::mention::{Mention, MentionKind};
use crate::story::Story;

/// How many earlier roles a description is matched against: the nearest
/// ones, so a story of many roles stays linear.
const MAX_ROLES: usize = 64;

/// How many of the last speakers a pronoun may stand for: a story's
/// pronouns then cost linear time whoever they fit.
const MAX_ANTECEDENTS: usize = 256;

/// How far back, in tokens, a pronoun's own sentence is looked for.
const SENTENCE: usize = 80;

/// How many of the fullest forms of a surname are searched for another
/// spelling of the same name: the first ones, so a story stays linear.
const MAX_SPELLINGS: usize = 16;

/// A name as the run of tokens that spells it, written out only when a
/// quote reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Name {
    first: usize,
    last: usize,
    /// The last word's [`fold_hash`], which names of one person share.
    key: u64,
}

impl Name {
    fn words(&self) -> usize {
        self.last - self.first + 1
    }
}

/// The names of a story and the roles they were given.
pub(crate) struct Names {
    /// Every name of two words or more, with the token where its mention
    /// starts, by its last word's key: a name is compared with its namesakes
    /// only, so many names cost linear time.
    runs: HashMap<u64, Runs>,
    /// The roles given to names, in story order, by their role noun's key.
    roles: HashMap<u64, Vec<Role>>,
    /// Every role given to a name, in story order.
    given: Vec<Role>,
    /// Every name opening a clause outside quotes (a person or an
    /// organisation), in order, with its bare form.
    people: Vec<(Mention, Name)>,
}

/// The longest forms of the names sharing a last word, with the token where
/// each mention starts.
#[derive(Default)]
struct Runs {
    forms: Vec<(usize, Name)>,
    /// Each way the forms are written, where there are several, with the
    /// spelling the story uses most among those spelt alike.
    spellings: Vec<(Name, Name)>,
}

/// A role given to a name: "Russian Foreign Minister" for Sergei Lavrov.
#[derive(Clone)]
struct Role {
    /// The token where it was given.
    at: usize,
    /// The role noun heading it.
    head: usize,
    /// The words of the role phrase.
    phrase: std::ops::RangeInclusive<usize>,
    name: Name,
}

/// A word without a final possessive.
fn stem(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

/// A hash of a word without a final possessive, lowercased: words that hash
/// alike are (but for a one in 2^64 chance, then checked) the same word.
fn fold_hash(word: &str) -> u64 {
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    let seed = 0xcbf2_9ce4_8422_2325;
    let word = stem(word);
    if word.is_ascii() {
        return word.bytes().fold(seed, |h, b| step(h, b.to_ascii_lowercase()));
    }
    let mut buf = [0; 4];
    word.chars().flat_map(char::to_lowercase).fold(seed, |h, c| c.encode_utf8(&mut buf).bytes().fold(h, step))
}

/// The same word but for case.
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

impl Names {
    pub(crate) fn new(story: &Story<'_>) -> Names {
        let mut names =
            Names { runs: HashMap::new(), roles: HashMap::new(), given: Vec::new(), people: Vec::new() };
        let n = story.toks.len();
        let mut i = 0;
        while i < n {
            // Names start at a capitalised word: nothing else to try.
            let m = story.is_name_word(i).then(|| story.mention_after(i, n.min(i + 12))).flatten();
            let Some(m) = m.filter(|m| m.kind == MentionKind::Name) else {
                i += 1;
                continue;
            };
            let name = story.bare_name(&m);
            if name.words() > 1 {
                names.runs.entry(name.key).or_default().forms.push((m.first, name));
            }
            // Only a name opening a clause is someone a pronoun may stand
            // for ("but Khalilzad returned"), not an object ("to Doha",
            // "the US and Afghanistan").
            if story.starts_clause(story.phrase_start(m.first)) {
                names.people.push((m, name));
            }
            names.note_roles(story, &m, name);
            i = m.last + 1;
        }
        // Only the longest forms of each name are ever the fullest.
        for runs in names.runs.values_mut() {
            let longest = runs.forms.iter().map(|(_, name)| name.words()).max().unwrap_or(0);
            runs.forms.retain(|(_, name)| name.words() == longest);
            runs.spellings = spellings(story, &runs.forms);
        }
        names
    }

    /// "spokesman Ivo Lang", "Ivo Lang, the port's spokesman" and "Port
    /// Spokesman Ivo Lang" all give Ivo Lang the role "spokesman".
    fn note_roles(&mut self, story: &Story<'_>, m: &Mention, name: Name) {
        if m.gender == Gender::Thing {
            return;
        }
        let before = m
            .first
            .checked_sub(1)
            .filter(|&k| story.is_lowercase(k) && story.info[k].role.is_some())
            .map(|k| (k, k..=k));
        let appositive = (m.last + 2 < story.toks.len() && story.toks[m.last + 1].is_punct(','))
            .then(|| story.mention_after(m.last + 2, story.toks.len().min(m.last + 14)))
            .flatten()
            .filter(|a| a.kind == MentionKind::Description && story.same_para(a.head, m.last))
            .filter(|a| story.closes_appositive(a.last + 1))
            .map(|a| (a.head, a.first..=a.last));
        let titles =
            (m.first..m.last).filter(|&k| story.info[k].title.is_some()).map(|k| (k, m.first..=m.last));
        for (head, phrase) in before.into_iter().chain(appositive).chain(titles) {
            let key = fold_hash(story.word(head));
            let role = Role { at: m.first, head, phrase, name };
            self.given.push(role.clone());
            self.roles.entry(key).or_default().push(role);
        }
    }

    /// The fullest form in the story of the name ending like `m`: the longest,
    /// the nearest before `m` among equals (else the nearest after), written
    /// as the story first wrote it when its first names are spelt two ways
    /// ("Sergei Lavrov" ... "Sergey Lavrov").
    fn fullest(&self, story: &Story<'_>, m: &Mention) -> Name {
        let own = story.bare_name(m);
        let Some(runs) = self.runs.get(&own.key).map(|r| &r.forms) else { return own };
        let before = runs.partition_point(|(at, _)| *at <= m.first);
        let best = before.checked_sub(1).or((before < runs.len()).then_some(before)).map(|i| runs[i].1);
        match best {
            Some(name)
                if name.words() > own.words()
                    && same_word(stem(story.word(name.last)), stem(story.word(m.last))) =>
            {
                self.spelling(story, name)
            }
            _ => self.spelling(story, own),
        }
    }

    /// The spelling of a full name that the story uses most, of those spelt
    /// alike ("Sergei Lavrov", "Sergey Lavrov").
    fn spelling(&self, story: &Story<'_>, full: Name) -> Name {
        let Some(runs) = self.runs.get(&full.key) else { return full };
        runs.spellings.iter().find(|(form, _)| same_name(story, *form, full)).map_or(full, |(_, best)| *best)
    }

    /// The name a definite description stands for: the name last given the
    /// role heading it ("the minister" after "Foreign Minister Ana Ruas"), or
    /// else, when the description is marked by a proper adjective or a name
    /// ("the Russian official"), the name last given any role marked alike
    /// ("Russian President Vladimir Putin's special envoy").
    fn role_name(&self, story: &Story<'_>, m: &Mention) -> Option<Name> {
        if !m.definite {
            return None;
        }
        let head = story.word(m.head);
        // "The Republican nominee" is not the one given "Democratic nominee".
        let marks: Vec<&str> = (m.first..m.head)
            .filter(|&k| story.is_capitalised(k) && story.info[k].determiner.is_none())
            .map(|k| stem(story.word(k)))
            .collect();
        // The marks stand in the role's words, not in the name it was given
        // ("the Christie supporter" is not Chris Christie).
        let marked = |r: &Role| {
            let role_words = r.phrase.clone().filter(|k| !(r.name.first..=r.name.last).contains(k));
            marks.iter().all(|w| role_words.clone().any(|k| same_word(stem(story.word(k)), w)))
        };
        let same_head = self.roles.get(&fold_hash(head)).and_then(|roles| {
            nearest_before(roles, m.first, |r| same_word(story.word(r.head), head) && marked(r))
        });
        let any_head = || {
            let described = !marks.is_empty() && story.is_role(m.head);
            described
                .then(|| nearest_before(&self.given, m.first, |r| marked(r) && fits_role(story, m, r)))?
        };
        let found = same_head.or_else(any_head)?.name;
        Some(self.spelling(story, found))
    }
}

impl Names {
    /// The name of a body given with its article ("The Security Council
    /// met", "the Justice Department said"): the capitalised words ending
    /// with its organisation noun, so that "it" can stand for it.
    fn body_name(&self, story: &Story<'_>, m: &Mention) -> Option<Name> {
        if m.gender != Gender::Thing || m.head != m.last || !story.is_name_word(m.head) {
            return None;
        }
        let first = (m.first..=m.head).rev().take_while(|&k| story.is_name_word(k)).last()?;
        Some(self.fullest(story, &Mention { first, kind: MentionKind::Name, ..*m }))
    }
}

/// The nearest of `roles` (in story order) given before token `at` that
/// `fits`, among the last few.
fn nearest_before(roles: &[Role], at: usize, fits: impl Fn(&Role) -> bool) -> Option<&Role> {
    let before = roles.partition_point(|r| r.at < at);
    roles[..before].iter().rev().take(MAX_ROLES).find(|r| fits(r))
}

/// A role's name may be the description's: a person whose sex does not clash.
fn fits_role(story: &Story<'_>, m: &Mention, r: &Role) -> bool {
    let g = (r.name.first..=r.name.last).find_map(|k| story.info[k].first_name).unwrap_or(Gender::Unknown);
    !matches!((m.gender, g), (Gender::Male, Gender::Female) | (Gender::Female, Gender::Male))
        && !matches!(m.gender, Gender::Plural | Gender::Thing)
}

/// Two names of as many words, each word the same or a spelling of the same
/// first name: "Sergei"/"Sergey", "Mohammad"/"Mohammed" (one letter changed,
/// added or dropped, in words of five letters or more with the same initial),
/// but never first names listed for different sexes ("Maria"/"Mario").
fn spelt_alike(story: &Story<'_>, a: Name, b: Name) -> bool {
    a.words() == b.words()
        && (a.first..=a.last).zip(b.first..=b.last).all(|(x, y)| {
            let (wx, wy) = (stem(story.word(x)), stem(story.word(y)));
            if same_word(wx, wy) {
                return true;
            }
            let sexes = (story.info[x].first_name, story.info[y].first_name);
            let clash = matches!(sexes, (Some(g), Some(h)) if g != h);
            x < a.last && !clash && one_letter_apart(wx, wy)
        })
}

/// Each way the first few of a surname's fullest forms are written, with the
/// spelling the story uses most among those spelt alike (the first among
/// equals): "Sergey Lavrov" for "Sergei Lavrov" when "Sergey" comes more often.
fn spellings(story: &Story<'_>, runs: &[(usize, Name)]) -> Vec<(Name, Name)> {
    let forms = || runs.iter().take(MAX_SPELLINGS).map(|(_, n)| *n);
    // Most names are written one way: nothing to choose.
    let first = runs.first().map(|(_, n)| *n);
    if first.is_none_or(|f| forms().all(|n| same_name(story, n, f))) {
        return Vec::new();
    }
    let uses = |n: Name| forms().filter(|&o| same_name(story, o, n)).count();
    let mut out: Vec<(Name, Name)> = Vec::new();
    for form in forms() {
        if out.iter().any(|(o, _)| same_name(story, *o, form)) {
            continue;
        }
        let mut best = (0, form);
        for n in forms().filter(|&n| spelt_alike(story, n, form)) {
            let u = uses(n);
            if u > best.0 {
                best = (u, n);
            }
        }
        out.push((form, best.1));
    }
    out
}

/// Two names written alike, letter for letter.
fn same_name(story: &Story<'_>, a: Name, b: Name) -> bool {
    a.words() == b.words()
        && (a.first..=a.last).zip(b.first..=b.last).all(|(x, y)| stem(story.word(x)) == stem(story.word(y)))
}

/// Words of five letters or more, with the same first letter, one letter
/// apart (changed, added or dropped), case aside.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (na, nb) = (a.chars().count(), b.chars().count());
    if na.min(nb) < 5 || na.abs_diff(nb) > 1 {
        return false;
    }
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    // Lengths were checked above (lower-casing never shortens a word).
    if short[0] != long[0] {
        return false;
    }
    let head = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    let skip = usize::from(short.len() == long.len());
    short.get(head + skip..) == long.get(head + 1..)
}

/// A subject of a speech verb, with whom it names once resolved.
#[derive(Clone, Debug)]
struct Subject {
    tok: usize,
    mention: Mention,
    name: Option<Name>,
    /// The mention's gender, or that of the full name it resolved to.
    gender: Gender,
}

/// Pronouns and descriptions resolved in story order.
pub(crate) struct Resolver<'s, 't> {
    story: &'s Story<'t>,
    subjects: Vec<Subject>,
}

impl<'s, 't> Resolver<'s, 't> {
    /// Resolves every subject of a speech verb; `overrides` are the
    /// (cue token, speaker) pairs the quote rules settled on.
    pub(crate) fn new(
        story: &'s Story<'t>,
        names: &Names,
        overrides: &[(usize, Mention)],
    ) -> Resolver<'s, 't> {
        // The quote rules' speakers come last, so they win over the grammar's.
        let mut found: Vec<(usize, Mention)> = (0..story.toks.len())
            .filter(|&c| story.toks[c].cue.is_some())
            .filter_map(|c| story.subject(c).map(|m| (c, m)))
            .collect();
        found.extend_from_slice(overrides);
        found.sort_by_key(|(c, _)| *c);
        found.reverse();
        found.dedup_by_key(|(c, _)| *c);
        found.reverse();
        let mut subjects: Vec<Subject> = Vec::with_capacity(found.len());
        for (tok, mention) in found {
            let name = match mention.kind {
                MentionKind::Name => Some(names.fullest(story, &mention)),
                MentionKind::Description => {
                    names.role_name(story, &mention).or_else(|| names.body_name(story, &mention))
                }
                MentionKind::Pronoun => {
                    let (last, at) = antecedent(story, &subjects, &mention);
                    // A person opening the pronoun's own sentence or one of
                    // its clauses ("Bush went after Trump ..., when he
                    // called") comes before a speaker in an earlier one.
                    let sentence = story.sentence_start(mention.first, SENTENCE);
                    let near = |from: usize| at.is_some_and(|a| a >= from);
                    let before_para =
                        story.paras[story.tok_para[mention.first].saturating_sub(1) as usize].start;
                    if near(sentence) {
                        last
                    } else if let Some(own) = names.person_in_sentence(story, &mention, sentence) {
                        Some(own)
                    } else if near(before_para) {
                        last
                    } else {
                        names.person_before(story, &mention, before_para).or(last)
                    }
                }
            };
            let gender = match (mention.kind, name) {
                (MentionKind::Name, Some(full)) => names.gender(story, &mention, full),
                _ => mention.gender,
            };
            subjects.push(Subject { tok, mention, name, gender });
        }
        Resolver { story, subjects }
    }

    /// The name of the speaker of the cue at token `c`, written out: its
    /// words, without a final possessive.
    pub(crate) fn name(&self, c: usize) -> Option<String> {
        let i = self.subjects.binary_search_by_key(&c, |s| s.tok).ok()?;
        let name = self.subjects[i].name?;
        let words: Vec<&str> = (name.first..=name.last).map(|k| self.story.word(k)).collect();
        let mut out = words.join(" ");
        out.truncate(stem(&out).len());
        Some(out)
    }
}

/// The name of the last subject of a speech verb that the pronoun `p` can
/// stand for (`None` when that subject has no name: "the senior official"),
/// and the token of its cue.
fn antecedent(story: &Story<'_>, subjects: &[Subject], p: &Mention) -> (Option<Name>, Option<usize>) {
    let fits = |s: &Subject| {
        let g = s.gender;
        match p.gender {
            Gender::Male | Gender::Female => (g == p.gender || g == Gender::Unknown) && is_person(story, s),
            Gender::Plural => matches!(g, Gender::Plural | Gender::Thing),
            Gender::Thing => g == Gender::Thing,
            Gender::Unknown => true,
        }
    };
    match subjects.iter().rev().take(MAX_ANTECEDENTS).find(|s| fits(s)) {
        Some(s) => (s.name, Some(s.tok)),
        None => (None, None),
    }
}

impl Names {
    /// The last person named before `p`, from token `from` on, opening a
    /// clause ("Khalilzad returned to Doha ... he wrote").
    fn person_before(&self, story: &Story<'_>, p: &Mention, from: usize) -> Option<Name> {
        let fits = |m: &Mention, name: Name| {
            let g = self.gender(story, m, name);
            match p.gender {
                Gender::Male | Gender::Female => g == p.gender || g == Gender::Unknown,
                // "The Security Council met ... what it called".
                Gender::Thing => g == Gender::Thing,
                _ => false,
            }
        };
        let at = self.people.partition_point(|(m, _)| m.last < p.first);
        self.people[..at]
            .iter()
            .rev()
            .take_while(|(m, _)| m.first >= from)
            .take(MAX_ANTECEDENTS)
            .find(|(m, _)| fits(m, self.fullest(story, m)))
            .map(|(m, _)| self.fullest(story, m))
    }

    /// The last person named before the pronoun `p` from token `from` on,
    /// known to be of the pronoun's sex, opening the sentence or a phrase
    /// set off by a comma: not the subject of a clause after "that", nor a
    /// name after "the" ("the Murdoch outlets").
    fn person_in_sentence(&self, story: &Story<'_>, p: &Mention, from: usize) -> Option<Name> {
        if !matches!(p.gender, Gender::Male | Gender::Female) {
            return None;
        }
        let opens = |m: &Mention| {
            let k = story.phrase_start(m.first);
            k == m.first && (story.toks[k].sentence_start || (k > from && story.is_separator(k - 1)))
        };
        let at = self.people.partition_point(|(m, _)| m.last < p.first);
        self.people[..at]
            .iter()
            .rev()
            .take_while(|(m, _)| m.first >= from)
            .filter(|(m, _)| opens(m))
            .map(|(m, _)| (m, self.fullest(story, m)))
            .find(|(m, name)| self.gender(story, m, *name) == p.gender)
            .map(|(_, name)| name)
    }

    /// The gender of a name mention: its own ("Mr. Lang", "Ana Ruas"), or
    /// that of its full form (`full`) in the story ("Ruas" after "Ana Ruas").
    fn gender(&self, story: &Story<'_>, m: &Mention, full: Name) -> Gender {
        if m.gender != Gender::Unknown {
            return m.gender;
        }
        (full.first..=full.last).find_map(|k| story.info[k].first_name).unwrap_or(Gender::Unknown)
    }
}

/// A subject that can be "he" or "she": a name or a singular role, not an
/// organisation or a plural.
fn is_person(story: &Story<'_>, s: &Subject) -> bool {
    match s.mention.kind {
        MentionKind::Pronoun => matches!(s.mention.gender, Gender::Male | Gender::Female),
        MentionKind::Name => s.mention.gender != Gender::Thing && !story.is_role_word(s.mention.last),
        MentionKind::Description => !matches!(s.mention.gender, Gender::Plural | Gender::Thing),
    }
}

impl Story<'_> {
    /// The name a mention spells, without the titles and words before it
    /// ("Maj. Rob Lodewick" -> "Rob Lodewick", "Russian Foreign Minister
    /// Sergei Lavrov" -> "Sergei Lavrov").
    pub(crate) fn bare_name(&self, m: &Mention) -> Name {
        let after_title =
            (m.first..m.last).rev().find(|&k| self.info[k].title.is_some()).map_or(m.first, |k| k + 1);
        let first = (after_title..m.last).find(|&k| self.info[k].first_name.is_some()).unwrap_or(after_title);
        Name { first, last: m.last, key: fold_hash(self.word(m.last)) }
    }

    /// Token `k` opens a sentence or a clause: after a comma, or after a
    /// joining word that follows one (", but Khalilzad returned").
    pub(crate) fn starts_clause(&self, k: usize) -> bool {
        let after = |j: usize| j < k && self.same_para(j, k);
        self.toks[k].sentence_start
            || (k >= 1 && after(k - 1) && self.is_separator(k - 1))
            || (k >= 2 && after(k - 2) && self.info[k - 1].clause_opener && self.is_separator(k - 2))
    }

    /// The first word of the noun phrase whose head name starts at token
    /// `k`: past "the" and lowercase modifiers and roles ("the Security
    /// Council", "presidential nominee Ada Pell").
    fn phrase_start(&self, k: usize) -> usize {
        let mut first = k;
        while first > 0 && k - first < 3 && self.same_para(first - 1, k) {
            let p = first - 1;
            let modifier = self.info[p].determiner.is_some()
                || (self.is_lowercase(p)
                    && self.toks[p].cue.is_none()
                    && (self.info[p] == Entry::default() || self.is_role_word(p)));
            if !modifier {
                break;
            }
            first = p;
            if self.info[p].determiner.is_some() {
                break;
            }
        }
        first
    }

    /// What may follow an appositive: a comma, the sentence's end, a
    /// preposition ("the envoy to Afghanistan,").
    pub(crate) fn closes_appositive(&self, k: usize) -> bool {
        k >= self.toks.len()
            || !self.same_para(k - 1, k)
            || matches!(self.toks[k].kind, crate::tokens::Kind::Punct(',' | '.' | ';' | ')'))
            || (self.toks[k].is_word()
                && matches!(self.word(k), "to" | "of" | "for" | "at" | "in" | "on" | "with" | "from"))
    }

    fn is_role_word(&self, i: usize) -> bool {
        self.info[i].role.is_some()
    }
}
