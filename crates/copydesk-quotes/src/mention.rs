//! Noun phrases that can be a speaker, read from the token stream without a
//! parser: a name with its titles ("Maj. Rob Lodewick"), a pronoun ("he"), or
//! a description headed by a role noun ("the senior Taliban official").

use crate::lexicon::Gender;
use crate::story::Story;

/// What kind of mention names the speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MentionKind {
    Name,
    Pronoun,
    Description,
}

/// A mention: tokens `first..=last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) kind: MentionKind,
    pub(crate) gender: Gender,
    /// The role noun heading a description.
    pub(crate) head: usize,
    /// A description opened by "the", "his", a possessive: it points back to
    /// someone already introduced.
    pub(crate) definite: bool,
}

/// The longest run of name words.
const MAX_NAME: usize = 6;
/// The longest description.
const MAX_DESCRIPTION: usize = 7;

/// Ends in a possessive "'s", "’s" or plural "s'".
fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

impl Story<'_> {
    /// A capitalised word that can be part of a name.
    pub(crate) fn is_name_word(&self, i: usize) -> bool {
        let e = self.info[i];
        self.is_capitalised(i)
            && self.toks[i].cue.is_none()
            && e.pronoun.is_none()
            && !e.not_speaker
            && e.determiner.is_none()
            && !e.clause_opener
    }

    pub(crate) fn is_role(&self, i: usize) -> bool {
        self.info[i].role.is_some()
    }

    /// A word that may stand inside a description before its head.
    fn is_modifier(&self, i: usize) -> bool {
        let e = self.info[i];
        self.toks[i].is_word()
            && self.toks[i].cue.is_none()
            && !e.preposition
            && !e.between
            && e.pronoun.is_none()
            && !e.not_speaker
            && !e.clause_opener
    }

    fn name(&self, mut first: usize, last: usize) -> Mention {
        // "the representative on Afghanistan Zamir Kabulov": the first word
        // belongs to the preposition before the name.
        let after_preposition = first > 0
            && self.same_para(first - 1, first)
            && self.toks[first - 1].is_word()
            && self.info[first - 1].preposition;
        if after_preposition && last - first >= 2 {
            first += 1;
        }
        if first == last && self.is_role(first) {
            return self.description(first, last, false);
        }
        let words = first..=last;
        let gender = if words.clone().any(|k| self.info[k].org.is_some()) {
            Gender::Thing
        } else {
            let title = words.clone().find_map(|k| self.info[k].title.filter(|g| *g != Gender::Unknown));
            title.or_else(|| words.clone().find_map(|k| self.info[k].first_name)).unwrap_or(Gender::Unknown)
        };
        Mention { first, last, kind: MentionKind::Name, gender, head: last, definite: true }
    }

    fn description(&self, first: usize, head: usize, definite: bool) -> Mention {
        let gender = self.info[head].role.unwrap_or(Gender::Unknown);
        Mention { first, last: head, kind: MentionKind::Description, gender, head, definite }
    }

    fn pronoun_mention(&self, i: usize) -> Option<Mention> {
        let gender = self.pronoun(i)?;
        Some(Mention { first: i, last: i, kind: MentionKind::Pronoun, gender, head: i, definite: true })
    }

    /// The mention ending at token `j`, not reaching before token `lo`.
    pub(crate) fn mention_before(&self, j: usize, lo: usize) -> Option<Mention> {
        if let Some(m) = self.pronoun_mention(j) {
            return Some(m);
        }
        if self.is_name_word(j) && !is_possessive(self.word(j)) {
            if self.info[j].org == Some(true) {
                return None;
            }
            return Some(self.name_ending_at(j, lo));
        }
        if self.is_lowercase(j) && self.is_modifier(j) {
            let m = self.description_ending_at(j, lo);
            // Any short noun phrase after a determiner ("the announcer"), with
            // no verb form for a head and no title inside; a role noun alone.
            let w = self.word(j);
            let determined = self.info[m.first].determiner.is_some() || is_possessive(self.word(m.first));
            let generic = determined
                && m.first < j
                && j - m.first < 5
                && !w.ends_with("ing")
                && !w.ends_with("ed")
                && !(m.first..j).any(|k| self.info[k].title.is_some());
            if !(self.is_role(j) || generic) {
                return None;
            }
            // "a spokesman for the campaign": the description before the
            // preposition heads it; "through the streets" is no subject.
            return match m.first.checked_sub(1) {
                Some(p) if p > lo && self.info[p].preposition => {
                    let outer =
                        self.mention_before(p - 1, lo).filter(|o| o.kind == MentionKind::Description)?;
                    Some(Mention { last: j, ..outer })
                }
                _ => Some(m),
            };
        }
        None
    }

    /// The subject ending at token `j`: a mention, but a name after a
    /// preposition gives way to the noun phrase before it ("Democrats in
    /// Europe say").
    pub(crate) fn subject_ending_at(&self, j: usize, lo: usize) -> Option<Mention> {
        let m = self.mention_before(j, lo)?;
        match m.first.checked_sub(1) {
            Some(p) if m.kind == MentionKind::Name && p > lo && self.info[p].preposition => {
                self.mention_before(p - 1, lo).filter(|o| o.kind != MentionKind::Pronoun)
            }
            _ => Some(m),
        }
    }

    fn name_ending_at(&self, j: usize, lo: usize) -> Mention {
        let mut first = j;
        while first > lo && j - first + 1 < MAX_NAME {
            let k = first - 1;
            if self.is_name_word(k) && !is_possessive(self.word(k)) {
                first = k;
            } else if k > lo && self.toks[k].is_word() && self.info[k].particle && self.is_name_word(k - 1) {
                first = k - 1;
            } else {
                break;
            }
        }
        self.name(first, j)
    }

    fn description_ending_at(&self, head: usize, lo: usize) -> Mention {
        let mut first = head;
        let floor = lo.max(head.saturating_sub(MAX_DESCRIPTION));
        while first > floor {
            let k = first - 1;
            if let Some(definite) = self.info[k].determiner {
                return self.description(k, head, definite);
            }
            if !self.is_modifier(k) {
                break;
            }
            first = k;
        }
        let definite = (first..head).any(|k| is_possessive(self.word(k)));
        self.description(first, head, definite)
    }

    fn description_span(&self, first: usize, head: usize, last: usize, definite: bool) -> Mention {
        Mention { last, ..self.description(first, head, definite) }
    }

    /// The mention starting at token `i`, ending before token `hi`.
    pub(crate) fn mention_after(&self, i: usize, hi: usize) -> Option<Mention> {
        if i >= hi || !self.toks[i].is_word() {
            return None;
        }
        if let Some(m) = self.pronoun_mention(i) {
            return Some(m);
        }
        let definite = self.info[i].determiner;
        let mut k = i;
        let mut possessive = false;
        if definite.is_none() && self.is_name_word(i) {
            if self.info[i].org == Some(true) {
                return None;
            }
            while k + 1 < hi && k + 1 - i < MAX_NAME && !is_possessive(self.word(k)) {
                if self.is_name_word(k + 1) {
                    k += 1;
                } else if k + 2 < hi && self.info[k + 1].particle && self.is_name_word(k + 2) {
                    k += 2;
                } else {
                    break;
                }
            }
            if !is_possessive(self.word(k)) {
                // "Taliban spokesman Suheil Shahin": the name after the role.
                let role_then_name =
                    k + 2 < hi && self.is_role(k + 1) && self.is_lowercase(k + 1) && self.is_name_word(k + 2);
                if role_then_name {
                    return self.mention_after(k + 2, hi);
                }
                return Some(self.name(i, k));
            }
            possessive = true;
        }
        // "former Gov. Ada Pell", "fellow Republican Ivo Lang": lowercase
        // modifiers before a name.
        if definite.is_none() && self.is_lowercase(i) {
            let name = (i..hi.min(i + 3))
                .take_while(|&k| self.is_lowercase(k) && self.is_modifier(k) && !self.is_role(k))
                .last()
                .map(|k| k + 1);
            if let Some(k) = name.filter(|&k| k < hi && self.is_name_word(k)) {
                return self.mention_after(k, hi);
            }
        }
        // A description: determiner or possessive, modifiers, role noun.
        let limit = hi.min(i + MAX_DESCRIPTION);
        let mut j = if definite.is_some() || possessive { k + 1 } else { i };
        let body = j;
        while j < limit && (self.is_modifier(j) || (j > body && self.info[j].preposition)) {
            if self.is_role(j) && !(j + 1 < limit && self.is_role(j + 1)) {
                // "port spokesman Ivo Lang": the name the role introduces.
                if j + 1 < hi && self.is_name_word(j + 1) {
                    return self.mention_after(j + 1, hi);
                }
                return Some(self.description(i, j, definite.unwrap_or(possessive)));
            }
            j += 1;
        }
        // "a narrator in the campaign ad asks": any noun phrase opened by a
        // determiner and closed by a cue verb; its head stands before any
        // preposition.
        if (definite.is_some() || possessive) && j > body && j < hi && self.toks[j].cue.is_some() {
            let head =
                (body..j).find(|&k| self.info[k].preposition).filter(|&k| k > body).map_or(j - 1, |k| k - 1);
            return Some(self.description_span(i, head, j - 1, definite.unwrap_or(possessive)));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;
    use crate::story::Story;

    use super::*;

    fn before(text: &str, word: &str) -> Option<(String, MentionKind)> {
        let lex = Lexicon::new();
        let story = Story::new(text, &[], &lex);
        let j = (0..story.toks.len()).find(|&i| story.word(i) == word)?;
        let m = story.mention_before(j - 1, 0)?;
        Some((text[story.toks[m.first].start..story.toks[m.last].end].to_string(), m.kind))
    }

    fn after(text: &str, word: &str) -> Option<(String, MentionKind)> {
        let lex = Lexicon::new();
        let story = Story::new(text, &[], &lex);
        let j = (0..story.toks.len()).find(|&i| story.word(i) == word)?;
        let m = story.mention_after(j + 1, story.toks.len())?;
        Some((text[story.toks[m.first].start..story.toks[m.last].end].to_string(), m.kind))
    }

    #[test]
    fn name_before_cue_keeps_titles_and_drops_role_words() {
        assert_eq!(
            before("Town water manager Dr. Ada Pell said so.", "said"),
            Some(("Dr. Ada Pell".into(), MentionKind::Name))
        );
    }

    #[test]
    fn description_before_cue_runs_back_to_its_determiner() {
        assert_eq!(
            before("Then the senior port official said so.", "said"),
            Some(("the senior port official".into(), MentionKind::Description))
        );
    }

    #[test]
    fn name_after_preposition_loses_the_place() {
        assert_eq!(
            before("the mayor's envoy to Lisbon Ana Ruas said", "said"),
            Some(("Ana Ruas".into(), MentionKind::Name))
        );
    }

    #[test]
    fn possessive_name_heads_a_description_after_a_cue() {
        assert_eq!(
            after("said Mayor Pell’s chief adviser on Monday", "said"),
            Some(("Mayor Pell’s chief adviser".into(), MentionKind::Description))
        );
    }

    #[test]
    fn relative_pronouns_are_never_mentions() {
        assert_eq!(before("the plan that said", "said"), None);
        assert_eq!(before("residents who said", "said"), None);
    }
}
