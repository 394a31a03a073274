//! Who a cue's speaker is, by the cue's grammar: the subject before a verb
//! ("Kabulov said", "X, a spokesman, said"), after an inverted verb ("said
//! Kabulov"), after "according to" or between "quoted" and "as saying".

use crate::lexicon::CueClass;
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

    /// The speaker named by the cue at token `c`, if its grammar shows one.
    pub(crate) fn subject(&self, c: usize) -> Option<Mention> {
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
    /// ("the ministry's spokeswoman, Ana Ruas, said"); otherwise, walking
    /// back over the separators, the first name found (or else the first
    /// mention) wins: "Ana Ruas, 45, a nurse, said".
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
        let filling = seps.first().and_then(|&p| ending_before(k).filter(|m| m.first == p + 1));
        if let Some(m) = filling.filter(|m| m.kind == MentionKind::Name) {
            return Some(m);
        }
        let mut found: Option<Mention> = None;
        for m in seps.iter().filter_map(|&p| ending_before(p)) {
            if m.kind == MentionKind::Name {
                return Some(m);
            }
            found.get_or_insert(m);
        }
        found
    }

    /// The subject of a participle ("Hillary Clinton asking,", "..., adding"):
    /// the mention right before it, the subject of an earlier cue of the
    /// sentence, or the subject opening the clause.
    pub(crate) fn participle_subject(&self, c: usize) -> Option<Mention> {
        let lo = self.sentence_start(c, CLAUSE);
        let own = c.checked_sub(1).filter(|&p| p >= lo).and_then(|p| self.mention_before(p, lo));
        own.or_else(|| (lo..c).rev().find_map(|k| self.subject(k)))
            .or_else(|| self.clause_subject(lo, c, false))
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
        for _ in 0..3 {
            if i >= before || !self.toks[i].is_word() {
                break;
            }
            let comma = (i..before).take(CLAUSE).find(|&k| self.toks[k].is_punct(','));
            let joining = matches!(self.word(i).to_ascii_lowercase().as_str(), "and" | "but" | "so" | "yet");
            // "Appearing at the rally, X said": an opening participle or
            // adverb phrase, like "In December,".
            let w = self.word(i);
            let participle = (w.ends_with("ing") || w.ends_with("ly")) && self.info[i].first_name.is_none();
            i = match comma {
                _ if joining => i + 1,
                Some(k) if self.info[i].clause_opener || (participle && k > i + 1) => k + 1,
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
        if lo >= before || !caps(lo) {
            return lo;
        }
        let dash = (lo..before).take(12).find(|&k| {
            matches!(self.toks[k].kind, crate::tokens::Kind::Punct('\u{2014}' | '\u{2013}' | '-'))
        });
        dash.map_or(lo, |k| k + 1)
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
        let m = story.subject(c)?;
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
