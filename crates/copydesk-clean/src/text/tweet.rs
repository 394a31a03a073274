//! Embedded tweets: a post's text on a line or a few, then its signature
//! ("— Jane Doe (@janedoe) November 18, 2019"). A story quotes them as it
//! quotes anyone; their text ends in a link ("pic.twitter.com/...") and may
//! name the network, which alone would condemn it as a share button.

use super::date::DateWords;
use super::line::Line;

/// A signature has at most this many units (the name may be long).
const SIGNATURE_UNITS: u32 = 16;
/// A tweet's text runs over at most this many lines above its signature.
pub(super) const TEXT_LINES: usize = 4;

/// Marks each tweet's signature, and clears the cue weight of its text:
/// the lines above the signature, up to the last that ends a sentence
/// before them or one that a page's label opens ("Image: ...", a caption
/// over the tweet).
pub(super) fn mark(text: &str, dates: &DateWords, lines: &mut [Line]) {
    for i in 0..lines.len() {
        if lines[i].units > SIGNATURE_UNITS || !is_signature(&text[lines[i].start..lines[i].end], dates) {
            continue;
        }
        lines[i].signature = true;
        for j in (i.saturating_sub(TEXT_LINES)..i).rev() {
            if lines[j].start_cue || (j + 1 < i && lines[j].is_prose()) {
                break;
            }
            lines[j].cue = 0;
        }
    }
}

/// A dash, a name, the handle in brackets, and the date alone after it.
fn is_signature(line: &str, dates: &DateWords) -> bool {
    let Some(rest) = line.strip_prefix(['—', '–', '-']) else { return false };
    let Some((name, date)) = rest.rsplit_once(')') else { return false };
    name.rsplit_once("(@").is_some_and(|(_, handle)| is_handle(handle)) && dates.is_stamp(date)
}

/// A handle's characters: letters, digits and underscores.
fn is_handle(handle: &str) -> bool {
    !handle.is_empty() && handle.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

#[cfg(test)]
mod tests {
    use crate::TextCleaner;
    use crate::text::paragraph;

    #[test]
    fn a_tweet_quoted_between_paragraphs_stays_in_the_story() {
        let text = format!(
            "{}\n{}\nThe new wall looks great, and the boats are back on Twitter too pic.twitter.com/AbC123xyz\n\
             — Harbour Watch (@harbour_watch) March 3, 2024\n{}\n{}\n",
            paragraph(1),
            paragraph(2),
            paragraph(3),
            paragraph(4)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.contains("pic.twitter.com/AbC123xyz") && out.contains("(@harbour_watch)"), "{out}");
        assert!(out.starts_with("Paragraph 1") && out.ends_with(&paragraph(4)), "{out}");
    }

    #[test]
    fn tweets_after_the_last_paragraph_close_the_story() {
        let text = format!(
            "{}\n{}\nWhat a view from the new wall https://t.co/AbC123xyz\n\
             — Harbour Watch (@harbour_watch) March 3, 2024\nBack at last pic.twitter.com/XyZ987abc\n\
             — Jo Bloggs (@jo_b) March 4, 2024\nSign up for our newsletter\nHome\n",
            paragraph(1),
            paragraph(2)
        );
        let out = TextCleaner::new().clean(&text).text;
        assert!(out.ends_with("pic.twitter.com/XyZ987abc\n\n— Jo Bloggs (@jo_b) March 4, 2024"), "{out}");
        assert!(out.contains("AbC123xyz\n\n— Harbour Watch"), "{out}");
    }

    #[test]
    fn a_label_above_a_tweet_keeps_its_cue() {
        let text = "Image: the harbour wall\nWhat a view pic.twitter.com/AbC123xyz\n\
                    — Harbour Watch (@harbour_watch) March 3, 2024\n";
        let mut lines = crate::text::cues::marked(text);
        let before: Vec<u8> = lines.iter().map(|l| l.cue).collect();
        super::mark(text, &crate::text::date::DateWords::new(), &mut lines);
        assert!(before[0] > 0 && lines[0].cue == before[0], "{before:?}");
        assert!(before[1] > 0 && lines[1].cue == 0, "{before:?}");
    }

    #[test]
    fn a_dash_and_a_handle_without_a_date_is_no_signature() {
        let dates = crate::text::date::DateWords::new();
        assert!(super::is_signature("— Harbour Watch (@harbour_watch) March 3, 2024", &dates));
        assert!(super::is_signature("- Jo (@jo) 3 March 2024", &dates));
        assert!(!super::is_signature("— Harbour Watch (@harbour_watch)", &dates));
        assert!(!super::is_signature("Harbour Watch (@harbour_watch) March 3, 2024", &dates));
        assert!(!super::is_signature("— Harbour Watch (@harbour watch) March 3, 2024", &dates));
    }
}
