//! From a mention to the person: the fullest form of a name in the story
//! ("Lodewick" -> "Rob Lodewick"), a role to the name it was given as an
//! appositive ("Putin's envoy" -> "Zamir Kabulov"), and a pronoun to the last
//! compatible subject of a speech verb (names inside quotes never count).

use std::collections::HashMap;

use crate::lexicon::Gender;
use crate::mention::{Mention, MentionKind};
use crate::story::Story;

/// The names of a story and the roles they were given.
pub(crate) struct Names {
    /// Last word (lowercased) -> (token where the run starts, the name).
    by_last: HashMap<String, Vec<(usize, String)>>,
    /// Role noun (lowercased) -> (token where it was given, the name).
    roles: HashMap<String, Vec<(usize, String)>>,
}

/// The last word of a name, lowercased, without a possessive.
fn key(word: &str) -> String {
    let w = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
    w.to_lowercase()
}

impl Names {
    pub(crate) fn new(story: &Story<'_>) -> Names {
        let mut names = Names { by_last: HashMap::new(), roles: HashMap::new() };
        let n = story.toks.len();
        let mut i = 0;
        while i < n {
            let Some(m) = story.mention_after(i, n.min(i + 12)).filter(|m| m.kind == MentionKind::Name)
            else {
                i += 1;
                continue;
            };
            if let Some(name) = story.bare_name(&m) {
                if name.contains(' ') {
                    names.by_last.entry(key(story.word(m.last))).or_default().push((m.first, name.clone()));
                }
                names.note_roles(story, &m, name);
            }
            i = m.last + 1;
        }
        names
    }

    /// "spokesman Ivo Lang" and "Ivo Lang, the port's spokesman": both give
    /// Ivo Lang the role "spokesman".
    fn note_roles(&mut self, story: &Story<'_>, m: &Mention, name: String) {
        let before =
            m.first.checked_sub(1).filter(|&k| story.is_lowercase(k) && story.lex.roles.has(story.word(k)));
        let appositive = (m.last + 2 < story.toks.len() && story.toks[m.last + 1].is_punct(','))
            .then(|| story.mention_after(m.last + 2, story.toks.len().min(m.last + 14)))
            .flatten()
            .filter(|a| a.kind == MentionKind::Description && story.same_para(a.head, m.last))
            .map(|a| a.head);
        for role in before.into_iter().chain(appositive) {
            self.roles.entry(story.word(role).to_lowercase()).or_default().push((m.first, name.clone()));
        }
    }

    /// The fullest form in the story of the name ending like `m`: the longest,
    /// the nearest before `m` among equals.
    fn fullest(&self, story: &Story<'_>, m: &Mention) -> Option<String> {
        let own = story.bare_name(m)?;
        let words = |s: &str| s.split(' ').count();
        let best = self.by_last.get(&key(story.word(m.last))).and_then(|runs| {
            runs.iter().max_by_key(|(at, name)| {
                (words(name), *at <= m.first, if *at <= m.first { *at } else { usize::MAX - at })
            })
        });
        match best {
            Some((_, name)) if words(name) > words(&own) => Some(name.clone()),
            _ => Some(own),
        }
    }

    /// The name last given to the role heading a definite description.
    fn role_name(&self, story: &Story<'_>, m: &Mention) -> Option<String> {
        if !m.definite {
            return None;
        }
        let given = self.roles.get(&story.word(m.head).to_lowercase())?;
        given.iter().rev().find(|(at, _)| *at < m.first).map(|(_, name)| name.clone())
    }
}

/// A subject of a speech verb, with whom it names once resolved.
#[derive(Clone, Debug)]
struct Subject {
    tok: usize,
    mention: Mention,
    name: Option<String>,
}

/// Pronouns and descriptions resolved in story order.
pub(crate) struct Resolver {
    subjects: Vec<Subject>,
}

impl Resolver {
    /// Resolves every subject of a speech verb; `overrides` are the
    /// (cue token, speaker) pairs the quote rules settled on.
    pub(crate) fn new(story: &Story<'_>, names: &Names, overrides: &[(usize, Mention)]) -> Resolver {
        let mut found: Vec<(usize, Mention)> =
            (0..story.toks.len()).filter_map(|c| story.subject(c).map(|m| (c, m))).collect();
        for &(c, m) in overrides {
            match found.binary_search_by_key(&c, |(k, _)| *k) {
                Ok(i) => found[i].1 = m,
                Err(i) => found.insert(i, (c, m)),
            }
        }
        let mut subjects: Vec<Subject> = Vec::with_capacity(found.len());
        for (tok, mention) in found {
            let name = match mention.kind {
                MentionKind::Name => names.fullest(story, &mention),
                MentionKind::Description => names.role_name(story, &mention),
                MentionKind::Pronoun => antecedent(story, &subjects, mention.gender),
            };
            subjects.push(Subject { tok, mention, name });
        }
        Resolver { subjects }
    }

    /// The name of the speaker of the cue at token `c`.
    pub(crate) fn name(&self, c: usize) -> Option<String> {
        let i = self.subjects.binary_search_by_key(&c, |s| s.tok).ok()?;
        self.subjects[i].name.clone()
    }
}

/// The name of the last subject that a pronoun of `gender` can stand for.
fn antecedent(story: &Story<'_>, subjects: &[Subject], gender: Gender) -> Option<String> {
    let fits = |s: &Subject| {
        let g = s.mention.gender;
        match gender {
            Gender::Male | Gender::Female => (g == gender || g == Gender::Unknown) && is_person(story, s),
            Gender::Plural => matches!(g, Gender::Plural | Gender::Thing),
            Gender::Thing => g == Gender::Thing,
            Gender::Unknown => true,
        }
    };
    subjects.iter().rev().find(|s| fits(s)).and_then(|s| s.name.clone())
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
    /// The name a mention spells, without titles ("Maj. Rob Lodewick" ->
    /// "Rob Lodewick") and without a final possessive.
    pub(crate) fn bare_name(&self, m: &Mention) -> Option<String> {
        let mut first = m.first;
        while first < m.last && self.lex.titles.has(self.word(first)) {
            first += 1;
        }
        let words: Vec<&str> = (first..=m.last).map(|k| self.word(k)).collect();
        let mut name = words.join(" ");
        if let Some(stripped) = name.strip_suffix("'s").or_else(|| name.strip_suffix("’s")) {
            name = stripped.to_string();
        }
        (!name.is_empty()).then_some(name)
    }

    fn is_role_word(&self, i: usize) -> bool {
        self.lex.roles.has(self.word(i))
    }
}
