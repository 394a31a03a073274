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

#[test]
fn titles_and_nicknames_in_title_case_are_not_quotes() {
    let text = "Mayor Ana Ruas told Harbour TV's \"Morning Tide\" that the vote was close. \
                She called the plan \"Operation Low Water\" on Monday.";
    assert!(find(text).is_empty());
}

#[test]
fn single_quoted_headline_is_left_out_where_the_story_quotes_with_double_marks() {
    let text = "Ruas says port plan 'a fair deal for all'\n\n\"It is a fair deal for all of us,\" Ruas said.";
    let quotes = find(text);
    assert_eq!(quotes.len(), 1);
    assert!(quotes[0].text.starts_with('"'));
}

#[test]
fn single_quotes_are_quotes_where_the_story_uses_them_throughout() {
    let text = "‘We will reopen the harbour before the winter storms,’ port chief Ivo Lang said.";
    assert_eq!(direct(text), [row("‘We will reopen the ", "Ivo Lang", Some("Ivo Lang"), "said")]);
}

#[test]
fn colon_lead_in_attributes_the_next_paragraph() {
    let text = "Port chief Ivo Lang responded:\n\n\"We have no plans to sell the berths to anyone.\"";
    assert_eq!(direct(text), [row("\"We have no plans to", "Ivo Lang", Some("Ivo Lang"), "responded")]);
}

#[test]
fn multi_paragraph_quote_takes_the_speaker_named_at_its_end() {
    let text = "“The first part of a long answer about the berths and the cranes.\n\n\
                “The second part, which closes the quote,” said Ana Ruas.";
    let quotes = direct(text);
    assert_eq!(quotes.len(), 2);
    assert!(quotes.iter().all(|q| q.1 == "Ana Ruas"));
}

#[test]
fn reader_quote_signed_with_a_dash_is_attributed_to_the_signature() {
    let text = "“The new berths will change this town for the better.” ― Ana Ruas";
    assert_eq!(direct(text), [row("“The new berths will", "Ana Ruas", Some("Ana Ruas"), "―")]);
}

#[test]
fn misplaced_curly_marks_keep_the_speaker_after_them() {
    let text = "“Of course, the strike should end without any“ half measures, ”Lang added.\n\n\
                “The owners must come back to the table soon,” said Ivo Lang.";
    let quotes = direct(text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0].1, "Lang");
    assert_eq!(quotes[0].2.as_deref(), Some("Ivo Lang"));
}

#[test]
fn listener_after_told_is_never_the_speaker() {
    let text = "\"The berths are not for sale to anyone,\" Ana Ruas told Harbour Weekly.";
    assert_eq!(direct(text), [row("\"The berths are not ", "Ana Ruas", Some("Ana Ruas"), "told")]);
}

#[test]
fn pronoun_with_no_speaker_near_takes_the_last_person_named() {
    let text = "Talks stalled in May.\n\nEarlier, Ivo Lang flew to Lisbon, and he wrote on his page: \
                \"We did not agree to an interim deal.\"";
    assert_eq!(direct(text), [row("\"We did not agree to", "he", Some("Ivo Lang"), "wrote on")]);
}

#[test]
fn she_skips_a_male_speaker_for_the_last_female_one() {
    let text = "\"We will vote,\" Maria Ruas said.\n\n\"We will not,\" John Brandt said.\n\n\
                \"Then the harbour closes for good,\" she said.";
    let quotes = direct(text);
    assert_eq!(quotes[2].2.as_deref(), Some("Maria Ruas"));
}

#[test]
fn cue_form_used_as_a_noun_gives_way_to_the_real_cue() {
    let text = "Ana Ruas says the owner's late-night tweets were \"unhinged, even for him.\"";
    let quotes = find(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].kind, QuoteKind::Partial);
    assert_eq!(quotes[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Ana Ruas"));
    assert_eq!(quotes[0].cue.as_ref().map(|c| c.text.as_str()), Some("says"));
}

#[test]
fn pronoun_skips_names_that_are_objects_of_the_clause() {
    let text = "\"We will keep the cranes,\" port chief Ivo Lang said.\n\nThe cranes were bought in 2019.\n\n\
                Lang also clarified that there was no deal between the city and Lisbon about the berths. \
                \"Cities don't make deals on their own assets,\" he said.";
    let quotes = direct(text);
    assert_eq!(quotes[1].2.as_deref(), Some("Ivo Lang"));
}

#[test]
fn inverted_speaker_after_lowercase_modifiers_and_a_party_tag() {
    let text =
        "\"That is a problem for the harbour,\" said former Gov. Ada Pell (D-Ore.), a member of the board.";
    assert_eq!(direct(text), [row("\"That is a problem f", "Gov. Ada Pell", Some("Ada Pell"), "said")]);
}

#[test]
fn said_before_a_reported_clause_is_not_an_inverted_speaker() {
    let text = "Ivo Lang, citing \"the unique pull of the harbour,\" said the port could grow.";
    let quotes = find(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Ivo Lang"));
}

#[test]
fn cue_with_a_colon_introduces_the_next_quote() {
    let text = "\"We are dockers,\" Ms. Ana Ruas said. \"We are not thieves.\" Mr. Teo Brandt said: \
                \"The strike is the work of the owners.\"";
    let quotes = direct(text);
    assert_eq!(quotes.len(), 3);
    assert_eq!(quotes[1].1, "Ms. Ana Ruas");
    assert_eq!(quotes[2].1, "Mr. Teo Brandt");
}

#[test]
fn period_inside_a_party_tag_does_not_end_the_sentence() {
    let text = "\"The berths stay public,\" Rep. Ada Pell (D-Ore.) said Friday. \"They always will.\"";
    let quotes = direct(text);
    assert_eq!(quotes.len(), 2);
    assert!(quotes.iter().all(|q| q.1 == "Rep. Ada Pell" && q.3 == "said"));
}

#[test]
fn misplaced_opening_mark_closes_a_quote_before_its_cue() {
    let text = "“It’s unusual,“ said Teo Brandt, a lawyer with the harbour board. “It is hard to pull off.”";
    let quotes = direct(text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0], row("“It’s unusual,“", "Teo Brandt", Some("Teo Brandt"), "said"));
}

#[test]
fn speaker_named_after_a_role_appositive() {
    let text = "The harbour master of the Port Authority, Ana Ruas, said the berths were \"not for sale.\"";
    let quotes = find(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Ana Ruas"));
}

#[test]
fn less_common_speech_verbs_attribute_their_quotes() {
    let text = "\"Why now, in the middle of the season?\" Ana Ruas questioned.\n\n\
                \"The berths were never for sale,\" agrees Ivo Lang, a docker.";
    assert_eq!(
        direct(text),
        [
            row("\"Why now, in the mid", "Ana Ruas", Some("Ana Ruas"), "questioned"),
            row("\"The berths were nev", "Ivo Lang", Some("Ivo Lang"), "agrees"),
        ]
    );
}

#[test]
fn pronoun_stands_for_a_name_after_its_article_or_role() {
    let text = "In a statement on Monday, harbour master Ana Ruas was more careful than the union.\n\n\
                \"Whoever broke the rules will be named in the report,\" she wrote.";
    assert_eq!(direct(text), [row("\"Whoever broke the r", "she", Some("Ana Ruas"), "wrote")]);
    let text = "The Port Authority met on Friday and condemned what it called \"a reckless strike.\"";
    let quotes = find(text);
    assert_eq!(quotes[0].speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Port Authority"));
}

#[test]
fn paragraphs_after_a_colon_lead_in_are_a_block_quote_until_the_narrative_resumes() {
    let text = "The harbour master was asked whether the strike worried her.\n\n\
                Port chief Ana Ruas answered:\n\n\
                Of course it does; why would it not? We have ships waiting at sea.\n\n\
                Come on! Nobody here wants the berths empty for a week.\n\n\
                The union's leader, Ivo Lang, told reporters that the talks would go on.";
    let quotes = find(text);
    assert_eq!(quotes.len(), 1);
    let q = &quotes[0];
    assert!(q.text.starts_with("Of course it does") && q.text.ends_with("for a week."), "{:?}", q.text);
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Ana Ruas"));
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("answered"));
}

#[test]
fn colon_after_a_reported_clause_introduces_no_block_quote() {
    let text = "Ivo Lang pointed out that the berths were still empty:\n\n\
                The ships waited at sea for a week.";
    assert!(find(text).is_empty());
}

#[test]
fn participle_after_a_pronoun_takes_the_pronouns_speaker() {
    let text = "Ivo Lang, the port's spokesman, spoke to Harbour TV on Monday.\n\n\
                Asked about selling the cranes, he dismissed the idea, stating, \
                \"These are the assets of the city. They will stay with the city.\"";
    assert_eq!(direct(text), [row("\"These are the asset", "he", Some("Ivo Lang"), "stating")]);
}

#[test]
fn role_given_as_an_appositive_carries_the_name_to_a_later_pronoun() {
    let text = "Harbour Weekly asked Ivo Lang, the mayor's special envoy to Lisbon, whether the strike \
                worried him.\n\n\
                During the interview, the mayor's envoy conceded that the talks had stalled.\n\n\
                \"The union is not one bloc. Within it, there are different wings,\" he declared.";
    assert_eq!(direct(text), [row("\"The union is not on", "he", Some("Ivo Lang"), "declared")]);
}

#[test]
fn participle_after_a_quote_continues_its_speaker() {
    let text = "Gen. Ana Ruas, the harbour police chief, has warned against the strike.\n\n\
                \"The owners have lent the strike a legitimacy,\" she told reporters in May, adding, \
                \"This legitimacy is not based on fact.\"";
    assert_eq!(
        direct(text),
        [
            row("\"The owners have len", "she", Some("Ana Ruas"), "told"),
            row("\"This legitimacy is ", "she", Some("Ana Ruas"), "adding"),
        ]
    );
}

#[test]
fn colon_after_a_cue_and_its_object_introduces_the_quote() {
    let text = "On Tuesday, Ana Ruas doubted the owners would reopen the port, and posted such a message \
                on her page: \"What? And as fast as last time, or by the winter?\"";
    assert_eq!(direct(text), [row("\"What? And as fast a", "Ana Ruas", Some("Ana Ruas"), "posted")]);
}

#[test]
fn full_sentence_quoted_after_said_that_is_direct() {
    let text = "At a press conference, harbour minister Ana Ruas said on Wednesday that \
                \"I would like to connect other ports, including Porto and Vigo.\"";
    assert_eq!(direct(text), [row("\"I would like to con", "Ana Ruas", Some("Ana Ruas"), "said")]);
}

#[test]
fn urging_verbs_attribute_the_fragment_they_quote() {
    let text = "Ana Ruas tweeted on Monday and encouraged the dockers to \"hold the line.\"";
    let quotes = find(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].kind, QuoteKind::Partial);
    assert_eq!(quotes[0].cue.as_ref().map(|c| c.text.as_str()), Some("encouraged"));
}

#[test]
fn first_names_spelt_two_ways_give_one_canonical_name() {
    let text = "Harbour minister Andrei Sokolov said on Monday that \"the port will stay open.\"\n\n\
                \"We will not close it for a day,\" said Andrey Sokolov.\n\n\
                \"Nobody has asked us to,\" Andrey Sokolov added.\n\n\
                \"It is not for sale,\" Sokolov said.";
    let names: Vec<Option<String>> = find(text).into_iter().map(|q| q.speaker.and_then(|s| s.name)).collect();
    assert_eq!(names, vec![Some("Andrey Sokolov".to_string()); 4]);
}

#[test]
fn first_names_of_different_sexes_stay_apart() {
    let text = "\"The port will stay open,\" Maria Lopes said.\n\n\
                \"We will not close it for a day,\" said Mario Lopes.";
    let names: Vec<Option<String>> = find(text).into_iter().map(|q| q.speaker.and_then(|s| s.name)).collect();
    assert_eq!(names, [Some("Maria Lopes".to_string()), Some("Mario Lopes".to_string())]);
}

#[test]
fn role_noun_marked_like_an_earlier_role_takes_its_name() {
    let text = "Harbour Weekly asked Ivo Lang, the Portuguese premier's special envoy to the port, whether \
                the strike worried him.\n\n\
                The Portuguese official responded:\n\n\
                Of course it does; why would it not? We have ships waiting at sea.";
    assert_eq!(
        direct(text),
        [row("Of course it does; w", "The Portuguese official", Some("Ivo Lang"), "responded")]
    );
}

#[test]
fn role_noun_opening_a_sentence_takes_the_name_given_that_role() {
    let text = "Harbour Minister Ana Ruas visited the docks on Monday.\n\n\
                The minister said: \"We will not sell the cranes.\"";
    assert_eq!(direct(text), [row("\"We will not sell th", "The minister", Some("Ana Ruas"), "said")]);
}

#[test]
fn role_noun_marked_by_a_name_is_not_that_person() {
    let text = "Harbour Minister Ivo Lang spoke on Monday.\n\n\
                \"He has never been to the docks,\" the Lang aide said.";
    assert_eq!(direct(text), [row("\"He has never been t", "the Lang aide", None, "said")]);
}

#[test]
fn block_quote_runs_on_over_a_paragraph_with_a_writers_insertion() {
    let text = "Ana Ruas, a fellow at the Harbour Institute, wrote in a column for the Harbour Weekly:\n\n\
                The first meeting was held between the union's leader and the owners in May.\n\n\
                The owners met [the former union chief] Ivo Lang at a hotel. After that, the owners \
                continued their talks with the union.\n\n\
                The strike will have consequences for the port for years.\n\n\
                Ivo Lang said that the talks had failed.";
    let quotes = find(text);
    assert_eq!(quotes.len(), 1);
    assert!(quotes[0].text.starts_with("The first meeting") && quotes[0].text.ends_with("for years."));
    assert_eq!(quotes[0].speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Ana Ruas"));
    // Without the insertion, the paragraph's cue ends the block before it.
    let quotes = find(&text.replace("[the former union chief] ", ""));
    assert!(quotes[0].text.ends_with("in May."), "{:?}", quotes[0].text);
}

#[test]
fn quote_ending_its_sentence_after_a_colon_keeps_the_speaker_before_it() {
    let text = "In May, port chief Ana Ruas wrote to the owners, saying in an email: \"We want the berths \
                back this week.\" Ivo Lang, the owners' lawyer, said the email was never answered.";
    assert_eq!(direct(text), [row("\"We want the berths ", "Ana Ruas", Some("Ana Ruas"), "saying")]);
    let text = "Ana Ruas answers Ivo Lang with, \"Why now? Was that on my way to Lisbon?\" Lang then \
                writes back, \"You look tired.\"";
    assert_eq!(
        direct(text),
        [
            row("\"Why now? Was that o", "Ana Ruas", Some("Ana Ruas"), "answers"),
            row("\"You look tired.\"", "Lang", Some("Ivo Lang"), "writes"),
        ]
    );
}

#[test]
fn body_named_after_its_article_is_who_it_stands_for() {
    let text = "The Harbour Safety Council met on Friday and pledged to act against what it called \
                \"a clear threat to the port.\"";
    let quotes = find(text);
    assert_eq!(quotes[0].speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Harbour Safety Council"));
}

#[test]
fn pronoun_takes_the_person_opening_its_own_sentence() {
    let text = "Port officials looked into what would happen if their chief resigned now, a union \
                spokesperson said.\n\n\
                Maria Lopes went after the owners at the meeting, when she called the plan \"a disgrace to \
                the port and everyone who works in it.\"";
    let quotes = find(text);
    assert_eq!(quotes[0].speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Maria Lopes"));
}

#[test]
fn pronoun_skips_a_name_in_a_clause_after_that() {
    let text = "Mark Sousa's adviser, Teo Brandt, says the port has the money and the time. \
                \"I don't think the old view\" -- that Mark Sousa is a friend of the owners -- \
                \"is going to last,\" he says.";
    let names: Vec<Option<String>> = find(text).into_iter().map(|q| q.speaker.and_then(|s| s.name)).collect();
    assert!(names.iter().all(|n| n.as_deref() == Some("Teo Brandt")), "{names:?}");
}

#[test]
fn quote_after_a_programme_title_continues_the_speaker_before_it() {
    let text = "\"Of course we will release the records,\" Ana Ruas said on Harbour TV's \"Port Today \
                Live\" on Sunday. \"We have nothing to hide from anyone.\"";
    assert_eq!(
        direct(text),
        [
            row("\"Of course we will r", "Ana Ruas", Some("Ana Ruas"), "said"),
            row("\"We have nothing to ", "Ana Ruas", Some("Ana Ruas"), "said"),
        ]
    );
}
