//! Pairing the marks of one paragraph into quotes: nesting, stray and
//! missing marks, and quotes left open at the paragraph's end (the news
//! convention for a quote running over several paragraphs).

use copydesk_core::Span;

use crate::marks::{Family, Glyph, Mark, is_mark};

/// A quote found by its marks, before anyone is said to have said it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// From the opening mark to the closing mark, both included (or to the
    /// paragraph's end when no mark closes it).
    pub(crate) span: Span,
    /// No mark closed it: it ran to the end of its paragraph.
    pub(crate) open_end: bool,
    /// Double or single marks.
    pub(crate) family: Family,
}

/// How deep same-family quotes may nest before further openers are ignored.
const MAX_DEPTH: usize = 8;

/// The outermost quotes of the paragraph `para`, in order. `marks` are the
/// paragraph's marks; `next_opens` says whether the next paragraph starts
/// with an opening mark, in which case a quote left open here continues there.
/// `has_cue` tells whether a stretch of text holds a cue verb: an unclosed
/// quote whose nested quote is followed by one (`“... any“ double standards,
/// ”Lavrov added.`) ends at that nested quote even before a continuation.
pub(crate) fn pair(
    text: &str,
    para: Span,
    marks: &[Mark],
    next_opens: bool,
    has_cue: impl Fn(Span) -> bool,
) -> Vec<RawQuote> {
    let doubles: Vec<&Mark> = marks.iter().filter(|m| m.family == Family::Double).collect();
    let doubles = outermost(text, pair_doubles(para, &doubles, next_opens, has_cue));
    // Single marks outside the double quotes (both lists are in order).
    let mut d = doubles.iter().peekable();
    let singles: Vec<&Mark> = marks
        .iter()
        .filter(|m| {
            while d.next_if(|q| q.span.end <= m.start).is_some() {}
            m.family == Family::Single && d.peek().is_none_or(|q| q.span.start > m.start)
        })
        .collect();
    let mut quotes = doubles;
    quotes.extend(pair_singles(text, &singles));
    outermost(text, quotes)
}

/// The quotes not inside another, without blank ones, in order.
fn outermost(text: &str, mut quotes: Vec<RawQuote>) -> Vec<RawQuote> {
    quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    let mut out: Vec<RawQuote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        let blank = q
            .span
            .get(text)
            .is_none_or(|s| s.trim_matches(|c: char| c.is_whitespace() || is_mark(c)).is_empty());
        if !blank && !out.last().is_some_and(|last| last.span.overlaps(q.span)) {
            out.push(q);
        }
    }
    out
}

/// Whether a double mark opens or closes, from its glyph and, for straight
/// marks (or a closing glyph where nothing is open), its context.
fn opens(mark: &Mark, nothing_open: bool) -> bool {
    match mark.glyph {
        Glyph::Opening => true,
        Glyph::Closing => nothing_open && mark.looks_opening(),
        Glyph::Straight => {
            if mark.looks_opening() {
                true
            } else if mark.looks_closing() {
                false
            } else {
                nothing_open
            }
        }
    }
}

fn pair_doubles(
    para: Span,
    marks: &[&Mark],
    next_opens: bool,
    has_cue: impl Fn(Span) -> bool,
) -> Vec<RawQuote> {
    let mut stack: Vec<&Mark> = Vec::new();
    let mut pairs: Vec<(&Mark, &Mark)> = Vec::new();
    for (i, &m) in marks.iter().enumerate() {
        // `“It's unusual,“ said Ivo Lang`: an opening glyph placed where a
        // quote closes closes it, unless a closing glyph follows to do that.
        let misplaced = m.glyph == Glyph::Opening
            && m.looks_closing()
            && !stack.is_empty()
            && marks.get(i + 1).is_none_or(|next| next.glyph != Glyph::Closing);
        if !misplaced && opens(m, stack.is_empty()) {
            let depth = stack.len();
            match stack.last_mut() {
                // Straight marks cannot nest inside straight marks: the
                // earlier opener was a stray.
                Some(top) if top.glyph == Glyph::Straight && m.glyph == Glyph::Straight => *top = m,
                _ if depth >= MAX_DEPTH => {}
                _ => stack.push(m),
            }
        } else if let Some(open) = stack.pop() {
            pairs.push((open, m));
        }
    }
    let mut quotes: Vec<RawQuote> = pairs
        .iter()
        .map(|(o, c)| RawQuote { span: Span::new(o.start, c.end), open_end: false, family: Family::Double })
        .collect();
    if let Some(outer) = stack.first() {
        let last_inner_close = pairs.iter().filter(|(o, _)| o.start > outer.start).map(|(_, c)| c.end).max();
        match last_inner_close {
            // A same-family quote nested inside an unclosed one, with no
            // continuation below: the inner closer closed both (a mark lost
            // or misplaced, as in `“... any“ double standards, ”Lavrov added`).
            Some(end) if !next_opens || has_cue(Span::new(end, para.end)) => quotes.push(RawQuote {
                span: Span::new(outer.start, end),
                open_end: false,
                family: Family::Double,
            }),
            _ => quotes.push(RawQuote {
                span: Span::new(outer.start, para.end),
                open_end: true,
                family: Family::Double,
            }),
        }
    }
    quotes
}

/// True when a single mark opening a word is an elision ("’90s", "'em").
fn is_elision(text: &str, mark: &Mark) -> bool {
    let rest = &text[mark.end..];
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word: &str = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    ["em", "til", "cause", "n", "tis", "twas", "bout", "round"].iter().any(|e| word.eq_ignore_ascii_case(e))
}

/// Single quotes, in the text outside double quotes, only where both marks
/// are found: an apostrophe never opens a quote that runs on.
fn pair_singles(text: &str, marks: &[&Mark]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut open: Option<&Mark> = None;
    // A closing candidate after a plural possessive ("fighters’ guns"), used
    // only when no better closer follows.
    let mut weak_close: Option<&Mark> = None;
    let close = |out: &mut Vec<RawQuote>, o: &Mark, c: &Mark| {
        out.push(RawQuote { span: Span::new(o.start, c.end), open_end: false, family: Family::Single });
    };
    for &m in marks {
        let can_open =
            m.glyph != Glyph::Closing && m.left_flanking && !m.right_flanking && !is_elision(text, m);
        let can_close = m.glyph != Glyph::Opening && m.looks_closing();
        match open {
            Some(o) if can_close => {
                let possessive = text[..m.start].ends_with('s')
                    && text[m.end..].starts_with(' ')
                    && text[m.end + 1..].starts_with(|c: char| c.is_lowercase());
                if possessive {
                    weak_close.get_or_insert(m);
                } else {
                    close(&mut out, o, m);
                    open = None;
                    weak_close = None;
                }
            }
            Some(o) if can_open => {
                if let Some(c) = weak_close.take() {
                    close(&mut out, o, c);
                }
                open = Some(m);
            }
            None if can_open => open = Some(m),
            _ => {}
        }
    }
    if let (Some(o), Some(c)) = (open, weak_close) {
        close(&mut out, o, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::scan;

    fn quotes(text: &str, next_opens: bool) -> Vec<(&str, bool)> {
        let para = Span::new(0, text.len());
        let marks = scan(text, 0, text.len());
        let has_cue = |s: Span| s.slice(text).contains(" added");
        pair(text, para, &marks, next_opens, has_cue)
            .iter()
            .map(|q| (q.span.slice(text), q.open_end))
            .collect()
    }

    #[test]
    fn pairs_straight_quotes_and_skips_a_stray_closer() {
        let text = r#"were "stunned" by the offer" and were "weighing it seriously.""#;
        assert_eq!(quotes(text, false), [(r#""stunned""#, false), (r#""weighing it seriously.""#, false)]);
    }

    #[test]
    fn nested_quote_stays_inside_its_outer_quote() {
        let text = "“She told me ‘never again’ and left,” he said.";
        assert_eq!(quotes(text, false), [("“She told me ‘never again’ and left,”", false)]);
    }

    #[test]
    fn misplaced_curly_marks_close_the_outer_quote() {
        let text = "“We reject any“ half measures, ”Ivanov added.";
        assert_eq!(quotes(text, false), [("“We reject any“ half measures, ”", false)]);
    }

    #[test]
    fn misplaced_marks_before_a_continuation_still_close_at_the_cue() {
        let text = "“We reject any“ half measures, ”Ivanov added.";
        assert_eq!(quotes(text, true), [("“We reject any“ half measures, ”", false)]);
    }

    #[test]
    fn opening_glyph_in_closing_position_closes_the_quote() {
        let text = "“It’s unusual,“ said Ivo Lang. “It is hard to pull off.”";
        assert_eq!(quotes(text, false), [("“It’s unusual,“", false), ("“It is hard to pull off.”", false)]);
    }

    #[test]
    fn quote_left_open_runs_to_paragraph_end() {
        let text = "“The first part of a long answer.";
        assert_eq!(quotes(text, true), [(text, true)]);
    }

    #[test]
    fn apostrophes_do_not_open_single_quotes() {
        let text = "It's the voters' choice, and they don't care about the ’90s.";
        assert!(quotes(text, false).is_empty());
    }

    #[test]
    fn single_quotes_pair_past_a_plural_possessive() {
        let text = "He called the plan ‘the farmers’ last hope’ on Monday.";
        assert_eq!(quotes(text, false), [("‘the farmers’ last hope’", false)]);
    }
}
