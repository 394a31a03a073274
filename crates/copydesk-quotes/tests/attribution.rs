//! Attribution on fixture paragraphs written in the manner of the seed news
//! pages (wire copy, a spokesperson quoted through an outlet, pronouns
//! carrying the speaker from paragraph to paragraph).

use copydesk_core::Span;
use copydesk_quotes::{Quote, QuoteFinder, QuoteKind};
use copydesk_segment::Segmenter;

fn find(text: &str) -> Vec<Quote> {
    let sentences: Vec<Span> = Segmenter::new().split(text).collect();
    QuoteFinder::new().find(text, &sentences)
}

/// (quote text prefix, speaker text, speaker name, cue) of each direct quote.
fn direct(text: &str) -> Vec<(String, String, Option<String>, String)> {
    find(text)
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| {
            let s = q.speaker.expect("direct quotes have a speaker");
            let prefix: String = q.text.chars().take(20).collect();
            (prefix, s.text, s.name, q.cue.expect("direct quotes have a cue").text)
        })
        .collect()
}

fn row(
    quote: &str,
    speaker: &str,
    name: Option<&str>,
    cue: &str,
) -> (String, String, Option<String>, String) {
    (quote.into(), speaker.into(), name.map(String::from), cue.into())
}

#[test]
fn trailing_said_attributes_to_the_named_speaker() {
    let text = "The port reopened on Monday.\n\n\"We would like to close the chapter of the strike,\" Ms. Ana Ruas said.";
    assert_eq!(direct(text), [row("\"We would like to cl", "Ms. Ana Ruas", Some("Ana Ruas"), "said")]);
}

#[test]
fn outlet_quoting_a_spokesperson_gives_the_spokesperson() {
    let text = "\"The figure cited in the audit covers harbour equipment only,\" said Harbour Weekly last year \
                quoted Capt. Ivo Lang, a port authority spokesperson as saying.";
    assert_eq!(direct(text), [row("\"The figure cited in", "Capt. Ivo Lang", Some("Ivo Lang"), "as saying")]);
}

#[test]
fn according_to_names_the_speaker_after_it() {
    let text = "\"These cranes are potentially in the service of smugglers,\" according to Teo Brandt, the \
                city's former harbour master.";
    assert_eq!(
        direct(text),
        [row("\"These cranes are po", "Teo Brandt", Some("Teo Brandt"), "according to")]
    );
}

#[test]
fn pronoun_resolves_to_last_speaker_not_to_names_inside_quotes() {
    let text = "Port chief Ivo Lang spoke after the vote.\n\n\
                \"I expect that Mayor Ana Ruas will sign the order this week,\" Lang told the Harbour Weekly.\n\n\
                \"At the end of the strike, why do the owners want new berths?\" he added.";
    let quotes = direct(text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0].1, "Lang");
    assert_eq!(quotes[0].2.as_deref(), Some("Ivo Lang"));
    assert_eq!(quotes[1], row("\"At the end of the s", "he", Some("Ivo Lang"), "added"));
}

#[test]
fn quote_only_paragraph_continues_the_previous_speaker() {
    let text = "\"We had a common plan,\" said the senior union official. \"We needed support to win.\"\n\n\
                \"Their sole purpose was to delay us.\"";
    let quotes = direct(text);
    assert_eq!(quotes.len(), 3);
    assert!(quotes.iter().all(|q| q.1 == "the senior union official" && q.2.is_none()));
}

#[test]
fn scare_quotes_are_not_reported() {
    let text = "The dockers were left with \"no plans\" and a \"temporary\" pay deal after the vote.";
    assert!(find(text).is_empty());
}

#[test]
fn partial_quote_inside_a_reported_sentence_is_partial() {
    let text = "Union sources said the owners were extremely \"surprised\" by the offer.";
    let quotes = find(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].kind, QuoteKind::Partial);
    assert_eq!(quotes[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Union sources"));
}
