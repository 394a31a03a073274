//! Who a cue's speaker is, by the cue's grammar: the subject before a verb
//! ("Kabulov said", "X, a spokesman, said"), after an inverted verb ("said
//! Kabulov"), after "according to" or between "quoted" and "as saying".

use crate::lexicon::{CueClass, Gender};
use crate::mention::{Mention, MentionKind};
use crate::story::Story;
use crate::tokens::Kind;

/// How far back a subject is looked for.
const CLAUSE: usize = 60;
/// At most this many adverbs and auxiliaries between a subject and its verb.
const MAX_BETWEEN: usize = 4;
/// The longest appositive between a subject and its verb, in tokens.
const MAX_APPOSITIVE: usize = 30;

impl Story<'_> {
    /// The class and token length of the cue at token `c`.
    pub(crate) fn cue_at(&self, c: usize) -> Option<(CueClass, usize)> {
        self.toks.get(c)?.cue.map(|(class, len)| (class, len as usize))
    }

    /// The speaker named by the cue at token `c`, if its grammar shows one;
    /// a document issued by someone speaks for its issuer.
    pub(crate) fn subject(&self, c: usize) -> Option<Mention> {
        self.grammatical_subject(c).map(|m| self.issuer(m))
    }

    fn grammatical_subject(&self, c: usize) -> Option<Mention> {
        let (class, len) = self.cue_at(c)?;
        let hi = self.sentence_end(c, CLAUSE);
        match class {
            CueClass::Prep => self.mention_after(c + len, hi),
            CueClass::Quoted => self.mention_after(c + 1, hi),
            CueClass::Part => None,
            CueClass::Say | CueClass::Tell => {
                let before = self.subject_before(c).filter(|m| !self.is_noun_use(c, m));
                if before.is_none() && class == CueClass::Say {
                    // "said former Gov. Ada Pell, a Democrat": the inverted
                    // subject ends the clause; in "said the plan could fail"
                    // it starts the reported one.
                    return self
                        .mention_after(c + len, hi)
                        .filter(|m| self.ends_inverted_subject(m.last + 1));
                }
                before
            }
        }
    }

    /// The subject of the verb at token `c`, read leftwards.
    fn subject_before(&self, c: usize) -> Option<Mention> {
        let lo = self.sentence_start(c, CLAUSE);
        let mut j = c;
        let mut skipped = 0;
        while j > lo && skipped < MAX_BETWEEN {
            let k = j - 1;
            let w = self.word(k);
            let adverb = self.is_lowercase(k) && w.len() > 3 && w.ends_with("ly");
            if self.toks[k].is_word() && (self.info[k].between || adverb) {
                j = k;
                skipped += 1;
            } else if self.toks[k].is_punct(')') {
                // "Sen. Ada Pell (D-Ore.) said": skip the parenthesis.
                j = (lo..k).rev().take(10).find(|&o| self.toks[o].is_punct('(')).unwrap_or(k + 1);
                if j == k + 1 {
                    return None;
                }
            } else {
                break;
            }
        }
        if j == lo {
            return None;
        }
        let k = j - 1;
        if self.is_separator(k) {
            return self.appositive_subject(lo, k).or_else(|| self.clause_subject(lo, k, true));
        }
        if self.toks[k].is_word() && matches!(self.word(k), "who" | "which" | "that") {
            // "officials who said", "Smith, who said": the relative's antecedent.
            return match k.checked_sub(1) {
                Some(p) if p >= lo && self.is_separator(p) => self.clause_subject(lo, p, true),
                Some(p) if p >= lo => self.mention_before(p, lo),
                _ => None,
            };
        }
        if self.toks[k].is_word() && matches!(self.word(k), "and" | "but") {
            // "he tried to dispel it and wrote": the clause's subject.
            return self.clause_subject(lo, k, false);
        }
        self.subject_ending_at(k, lo)
    }

    /// "Bay Lee, treasurer of the campaign, called": the subject before the
    /// appositive that the separator at `k` closes. A name filling the
    /// stretch before `k` is the subject set off by an appositive before it
    /// ("the ministry's spokeswoman, Ana Ruas, said"), unless a person's name
    /// comes before that ("Ana Ruas of Salem, Ore., said"); otherwise, walking
    /// back over the separators, the first person's name found wins ("Ana
    /// Ruas, 45, a nurse at the Port Authority, said"), or else the first
    /// name, or else the first mention.
    fn appositive_subject(&self, lo: usize, k: usize) -> Option<Mention> {
        let lo = self.skip_dateline(lo, k);
        let seps: Vec<usize> = (lo + 1..k)
            .rev()
            .take(MAX_APPOSITIVE)
            .take_while(|&p| self.toks[p].quote().is_none() && !self.toks[p].ends_sentence())
            .filter(|&p| self.is_separator(p))
            .collect();
        let ending_before = |p: usize| {
            let mut end = p.checked_sub(1)?;
            if self.toks[end].is_punct(')') {
                // "Sen. Ada Pell (D-Ore.), who ..., said".
                end = (lo..end).rev().take(10).find(|&o| self.toks[o].is_punct('('))?.checked_sub(1)?;
            }
            (end >= lo).then(|| self.subject_ending_at(end, lo)).flatten()
        };
        let filling = seps.first().and_then(|&p| {
            let before = p.checked_sub(1).filter(|&b| b >= lo && self.is_capitalised(b));
            let after_person =
                before.and_then(|b| self.mention_before(b, lo)).is_some_and(|b| self.is_person_name(&b));
            ending_before(k).filter(|m| m.first == p + 1 && m.kind == MentionKind::Name && !after_person)
        });
        let found: Vec<Mention> = seps.iter().filter_map(|&p| ending_before(p)).collect();
        filling
            .or_else(|| found.iter().find(|m| self.is_person_name(m)).copied())
            .or_else(|| found.iter().find(|m| m.kind == MentionKind::Name).copied())
            .or_else(|| found.first().copied())
    }

    /// A name that may be a person's: not an organisation's, and not after
    /// "the", which names a body ("the Port Authority").
    fn is_person_name(&self, m: &Mention) -> bool {
        m.kind == MentionKind::Name
            && m.gender != Gender::Thing
            && !m.first.checked_sub(1).is_some_and(|d| self.word(d).eq_ignore_ascii_case("the"))
    }

    /// The subject of a participle ("Hillary Clinton asking,", "..., adding"):
    /// the mention right before it, the subject of an earlier cue of the
    /// sentence, or the subject opening the clause.
    pub(crate) fn participle_subject(&self, c: usize) -> Option<Mention> {
        let lo = self.sentence_start(c, CLAUSE);
        let own = c.checked_sub(1).filter(|&p| p >= lo).and_then(|p| self.mention_before(p, lo));
        own.map(|m| self.issuer(m))
            .or_else(|| (lo..c).rev().find_map(|k| self.subject(k)))
            .or_else(|| self.clause_subject(lo, c, false))
    }

    /// "X released a statement saying", "X issued an ad that said": a
    /// document that is the object of a verb speaks for that verb's subject.
    fn issuer(&self, m: Mention) -> Mention {
        if m.kind != MentionKind::Description || !self.info[m.head].document {
            return m;
        }
        // The verb right before the object, past a particle ("sent out").
        let mut v = m.first;
        for _ in 0..2 {
            v = match v.checked_sub(1) {
                Some(k) if self.same_para(k, m.first) && self.is_lowercase(k) => k,
                _ => return m,
            };
            if !matches!(self.word(v), "out" | "up" | "off") {
                break;
            }
        }
        let verb = self.is_lowercase(v) && !self.info[v].preposition && self.info[v].determiner.is_none();
        let by = verb.then(|| self.subject_before(v)).flatten();
        by.filter(|s| s.kind != MentionKind::Description || !self.info[s.head].document).unwrap_or(m)
    }

    /// "of Republican claims", "32% of Democratic claims": a cue form that is
    /// also a noun, used as one.
    fn is_noun_use(&self, c: usize, m: &Mention) -> bool {
        if !self.info[c].cue_noun {
            return false;
        }
        // "the owner's late-night tweets": a description with no role noun
        // for a head is the noun's own modifiers.
        if m.kind == MentionKind::Description && !self.is_role(m.head) {
            return true;
        }
        let p = match m.first.checked_sub(1) {
            Some(p) if self.same_para(p, m.first) && self.toks[p].is_word() => p,
            _ => return false,
        };
        self.info[p].preposition || self.word(p).starts_with(|c: char| c.is_ascii_digit())
    }

    /// "said the plan could fail": an auxiliary after the noun phrase makes
    /// it the subject of the reported clause.
    fn ends_inverted_subject(&self, k: usize) -> bool {
        !(k < self.toks.len() && self.same_para(k - 1, k) && self.is_lowercase(k) && self.info[k].auxiliary)
    }

    /// A comma or a dash: what sets off an appositive.
    pub(crate) fn is_separator(&self, k: usize) -> bool {
        matches!(self.toks[k].kind, Kind::Punct(',' | '\u{2014}' | '\u{2013}' | '\u{2015}' | '-'))
    }

    /// The subject opening the clause `toks[lo..before]`, past a dateline, an
    /// introductory phrase ("In December,") and a joining word ("But"). When
    /// `strict`, the subject must be followed by a comma or a cue.
    pub(crate) fn clause_subject(&self, lo: usize, before: usize, strict: bool) -> Option<Mention> {
        let mut i = self.skip_dateline(lo, before);
        for _ in 0..4 {
            if i >= before || !self.toks[i].is_word() {
                break;
            }
            // "In Salem, New Hampshire, Ivo Lang said": a place named with
            // its state is one phrase, set off by commas like the opener.
            if i >= 2
                && self.is_capitalised(i - 2)
                && self.toks[i - 1].is_punct(',')
                && let Some(m) = self.mention_after(i, before).filter(|m| self.is_place_tail(m, before))
            {
                i = m.last + 2;
                continue;
            }
            let comma = (i..before).take(CLAUSE).find(|&k| self.toks[k].is_punct(','));
            let joining = matches!(self.word(i).to_ascii_lowercase().as_str(), "and" | "but" | "so" | "yet");
            // "Appearing at the rally, X said", "Reached by phone, X said":
            // an opening participle or adverb phrase, like "In December,".
            let w = self.word(i);
            let participle = (w.ends_with("ing") || w.ends_with("ly")) && self.info[i].first_name.is_none();
            let past_participle = w.ends_with("ed") && i + 1 < before && self.is_lowercase(i + 1);
            i = match comma {
                _ if joining => i + 1,
                Some(k) if self.info[i].clause_opener || ((participle || past_participle) && k > i + 1) => {
                    k + 1
                }
                None if self.info[i].clause_opener => return None,
                _ => break,
            };
        }
        let m = self.mention_after(i, before)?;
        // The subject is followed by its appositive's comma or its verb.
        let next = m.last + 1;
        let followed = next == before || self.is_separator(next) || self.toks[next].cue.is_some();
        (next <= before && (followed || !strict)).then_some(m)
    }

    /// True when the name `m`, after "Salem,", ends a place: a comma follows
    /// it, then another opener or a name and its verb.
    fn is_place_tail(&self, m: &Mention, before: usize) -> bool {
        let after = m.last + 2;
        m.kind == MentionKind::Name
            && after < before
            && self.toks[m.last + 1].is_punct(',')
            && (self.info[after].clause_opener
                || self.mention_after(after, before).is_some_and(|n| {
                    n.kind == MentionKind::Name && n.last + 1 < before && self.is_lowercase(n.last + 1)
                }))
    }

    /// The first token past a dateline ("KABUL, Afghanistan (Reuters) —").
    fn skip_dateline(&self, lo: usize, before: usize) -> usize {
        if lo != self.para_of(lo).start {
            return lo;
        }
        let caps = |k: usize| {
            let w = self.word(k);
            self.toks[k].is_word()
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        };
        if lo >= before || !self.is_capitalised(lo) {
            return lo;
        }
        let dash = (lo..before).take(12).find(|&k| {
            matches!(self.toks[k].kind, crate::tokens::Kind::Punct('\u{2014}' | '\u{2013}' | '-'))
        });
        // A place in capitals ("KABUL, Afghanistan —"), or any place with a
        // wire service's tag before the dash ("Washington (AFP) –").
        let tagged = |d: usize| d >= 2 && self.toks[d - 1].is_punct(')');
        dash.filter(|&d| caps(lo) || tagged(d)).map_or(lo, |k| k + 1)
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;
    use crate::story::Story;

    fn subject_of(text: &str, cue: &str) -> Option<String> {
        let lex = Lexicon::new();
        let story = Story::new(text, &[], &lex);
        let c = (0..story.toks.len()).find(|&i| story.word(i) == cue && story.toks[i].cue.is_some())?;
        let part = matches!(story.cue_at(c), Some((crate::lexicon::CueClass::Part, _)));
        let m = if part { story.participle_subject(c) } else { story.subject(c) }?;
        Some(text[story.toks[m.first].start..story.toks[m.last].end].to_string())
    }

    #[test]
    fn subject_skips_an_appositive() {
        assert_eq!(
            subject_of(
                "Gen. Ada Pell, the commander of the harbour police, has warned against it.",
                "warned"
            ),
            Some("Gen. Ada Pell".into())
        );
    }

    #[test]
    fn subject_skips_a_relative_clause_and_an_introduction() {
        assert_eq!(
            subject_of(
                "On Monday, port spokesman Ivo Lang, who earlier said the talks were over, said nothing.",
                "said"
            ),
            Some("Ivo Lang".into())
        );
    }

    #[test]
    fn subject_stands_before_an_appositive_inside_a_relative_clause() {
        assert_eq!(
            subject_of(
                "The port closed in what Bay Lee, treasurer of the dockers' union, called a lockout.",
                "called"
            ),
            Some("Bay Lee".into())
        );
        assert_eq!(subject_of("Ana Ruas, 45, a nurse from Porto, said so.", "said"), Some("Ana Ruas".into()));
        assert_eq!(
            subject_of("Ivo Lang, the director of the FBI, said so.", "said"),
            Some("Ivo Lang".into())
        );
        assert_eq!(
            subject_of("The spokeswoman of the Port Authority, Ana Ruas, said so.", "said"),
            Some("Ana Ruas".into())
        );
        assert_eq!(subject_of("Ana Ruas of Salem, Ore., said so.", "said"), Some("Ana Ruas".into()));
        assert_eq!(subject_of("Ana Ruas, 22, of Salem, Ore., said so.", "said"), Some("Ana Ruas".into()));
    }

    #[test]
    fn document_speaks_for_whoever_issued_it() {
        assert_eq!(
            subject_of("The union issued a statement saying the port was shut.", "saying"),
            Some("The union".into())
        );
        assert_eq!(
            subject_of("Port chief Ivo Lang sent out a press release that said the port was shut.", "said"),
            Some("Ivo Lang".into())
        );
        assert_eq!(
            subject_of("A statement from the union said the port was shut.", "said"),
            Some("A statement from the union".into())
        );
    }

    #[test]
    fn place_with_its_state_is_part_of_the_opening_phrase() {
        assert_eq!(
            subject_of(
                "Speaking at a rally in Salem, New Hampshire, Ivo Lang went after the owners, calling them thieves.",
                "calling"
            ),
            Some("Ivo Lang".into())
        );
        assert_eq!(
            subject_of(
                "At a rally in Salem, Ore., on Tuesday, Ana Ruas backed the plan, saying so.",
                "saying"
            ),
            Some("Ana Ruas".into())
        );
        assert_eq!(subject_of("In Lisbon, Ivo Lang, a docker, said so.", "said"), Some("Ivo Lang".into()));
    }

    #[test]
    fn wire_tag_marks_a_dateline() {
        assert_eq!(
            subject_of("Lisbon (AFP) – Port chief Ivo Lang has attacked the owners, saying so.", "saying"),
            Some("Ivo Lang".into())
        );
    }

    #[test]
    fn inverted_verb_takes_the_following_name() {
        assert_eq!(subject_of("\"We are ready,\" said Ivo Lang.", "said"), Some("Ivo Lang".into()));
    }

    #[test]
    fn told_never_takes_its_listener() {
        assert_eq!(subject_of("\"We are ready,\" told Harbour Weekly last week.", "told"), None);
    }

    #[test]
    fn dateline_is_never_the_subject() {
        assert_eq!(
            subject_of("LISBON (Wire) — The harbour official, a veteran, said the port was shut.", "said"),
            Some("The harbour official".into())
        );
    }
}
