//! Sentence boundaries on newswire-like fixtures written for these tests.

use copydesk_segment::Segmenter;

fn split(text: &str) -> Vec<&str> {
    Segmenter::new().split(text).map(|s| s.slice(text)).collect()
}

#[test]
fn splits_plain_sentences() {
    assert_eq!(
        split("The vote passed. Lawmakers left early!"),
        ["The vote passed.", "Lawmakers left early!"]
    );
}

#[test]
fn keeps_titles_and_ranks_with_the_name() {
    assert_eq!(
        split("Maj. Rob Vance, a spokesman, declined to comment. Brig. Gen. Ada Park agreed."),
        ["Maj. Rob Vance, a spokesman, declined to comment.", "Brig. Gen. Ada Park agreed."]
    );
}

#[test]
fn keeps_initialism_before_a_noun() {
    assert_eq!(
        split("The U.S. Navy left 40 ships behind. The U.K. government objected."),
        ["The U.S. Navy left 40 ships behind.", "The U.K. government objected."]
    );
}

#[test]
fn splits_after_abbreviation_that_ends_sentence() {
    assert_eq!(
        split("The envoy flew back to the U.S. The talks stalled."),
        ["The envoy flew back to the U.S.", "The talks stalled."]
    );
    assert_eq!(
        split("The forum met in Boston, Mass. Delegates voted on Sunday."),
        ["The forum met in Boston, Mass.", "Delegates voted on Sunday."]
    );
}

#[test]
fn company_suffix_ends_sentence_only_before_a_starter() {
    assert_eq!(
        split("Shares of Bolt Corp. Chairman Li Wen rose. They sold Bolt Corp. It was a loss."),
        ["Shares of Bolt Corp. Chairman Li Wen rose.", "They sold Bolt Corp.", "It was a loss."]
    );
}

#[test]
fn keeps_decimals_money_and_dates_inside() {
    assert_eq!(
        split("Kabul lost $3.45 billion in aid on 2024-03-11 and 1.5% of output. Nothing more."),
        ["Kabul lost $3.45 billion in aid on 2024-03-11 and 1.5% of output.", "Nothing more."]
    );
}

#[test]
fn number_before_a_capital_ends_sentence() {
    assert_eq!(
        split("Exports fell to 4,210.75. Imports rose."),
        ["Exports fell to 4,210.75.", "Imports rose."]
    );
}

#[test]
fn numbering_abbreviation_keeps_its_number() {
    assert_eq!(split("No. 3 Ohio State beat No. 9 Iowa."), ["No. 3 Ohio State beat No. 9 Iowa."]);
    assert_eq!(
        split("The council voted no. The motion failed."),
        ["The council voted no.", "The motion failed."]
    );
}

#[test]
fn month_abbreviation_before_day_stays_inside() {
    assert_eq!(split("The blast on Oct. 7 killed four."), ["The blast on Oct. 7 killed four."]);
    assert_eq!(
        split("Inflation eased in Aug. The bank held rates."),
        ["Inflation eased in Aug.", "The bank held rates."]
    );
}

#[test]
fn clock_time_before_a_weekday_or_zone_stays_inside() {
    assert_eq!(
        split("Polls close at 8 p.m. Sunday. Results follow."),
        ["Polls close at 8 p.m. Sunday.", "Results follow."]
    );
    assert_eq!(split("It began at 9:15 a.m. EST on Friday."), ["It began at 9:15 a.m. EST on Friday."]);
}

#[test]
fn clock_time_ends_sentence_unless_sentence_opened_with_time_phrase() {
    assert_eq!(
        split("By 7 a.m. Mrs. Ortiz was at work. She left at 6 p.m. Mrs. Ortiz then drove home."),
        ["By 7 a.m. Mrs. Ortiz was at work.", "She left at 6 p.m.", "Mrs. Ortiz then drove home."]
    );
}

#[test]
fn initials_stay_with_the_surname() {
    assert_eq!(
        split("A profile of C.S. Lewis and E. B. White ran."),
        ["A profile of C.S. Lewis and E. B. White ran."]
    );
}

#[test]
fn closing_quote_after_full_stop_belongs_to_the_sentence() {
    assert_eq!(
        split("The mayor called it \"a scandal.\" Residents agreed."),
        ["The mayor called it \"a scandal.\"", "Residents agreed."]
    );
    assert_eq!(
        split("“We will rebuild,” Ortiz said. “Every house.”"),
        ["“We will rebuild,” Ortiz said.", "“Every house.”"]
    );
}

#[test]
fn quotation_that_runs_on_into_the_sentence_is_not_split() {
    assert_eq!(
        split("\"We tried. We failed,\" the coach said."),
        ["\"We tried. We failed,\" the coach said."]
    );
    assert_eq!(split("\"Is it over?\" asked a reporter."), ["\"Is it over?\" asked a reporter."]);
}

#[test]
fn quotation_of_several_sentences_ending_the_paragraph_is_split() {
    assert_eq!(
        split("The coach said: \"We tried. We failed.\""),
        ["The coach said: \"We tried.", "We failed.\""]
    );
}

#[test]
fn no_split_inside_brackets() {
    assert_eq!(
        split("The law (it passed in 2019. Few noticed.) took effect. Critics objected."),
        ["The law (it passed in 2019. Few noticed.) took effect.", "Critics objected."]
    );
}

#[test]
fn ellipsis_inside_and_at_the_end() {
    assert_eq!(
        split("We waited... and waited... Nobody came."),
        ["We waited... and waited...", "Nobody came."]
    );
    assert_eq!(split("It was late … I left."), ["It was late … I left."]);
}

#[test]
fn repeated_question_and_exclamation_marks() {
    assert_eq!(split("Really?! Yes!!! Fine."), ["Really?!", "Yes!!!", "Fine."]);
}

#[test]
fn lines_are_hard_boundaries() {
    let text = "Taliban seek U.S. arms\nKABUL (Reuters) - Talks resumed on Monday\n\nBy Ada Park\nPhoto: AP";
    assert_eq!(
        split(text),
        ["Taliban seek U.S. arms", "KABUL (Reuters) - Talks resumed on Monday", "By Ada Park", "Photo: AP"]
    );
}

#[test]
fn soft_wrapped_line_is_joined() {
    assert_eq!(
        split("The rain kept \nfalling all day.\nNew line."),
        ["The rain kept \nfalling all day.", "New line."]
    );
}

#[test]
fn numbered_list_items_keep_their_markers() {
    assert_eq!(
        split("Steps:\n1. Call the desk.\n2. File the story."),
        ["Steps:", "1. Call the desk.", "2. File the story."]
    );
    assert_eq!(split("1) Cut costs 2) Hire staff"), ["1) Cut costs", "2) Hire staff"]);
}

#[test]
fn urls_and_emails_are_not_split() {
    assert_eq!(
        split("See https://example.org/a?id=5.html for details. Mail desk@example.org. Thanks."),
        ["See https://example.org/a?id=5.html for details.", "Mail desk@example.org.", "Thanks."]
    );
}

#[test]
fn sentences_written_without_a_space_are_split() {
    assert_eq!(
        split("The vote ended.Counting began at noon."),
        ["The vote ended.", "Counting began at noon."]
    );
}

#[test]
fn citation_marks_stay_with_their_sentence() {
    assert_eq!(
        split("The river floods yearly.[3] Farmers adapt."),
        ["The river floods yearly.[3]", "Farmers adapt."]
    );
}

#[test]
fn emoji_after_punctuation_stay_with_the_sentence() {
    assert_eq!(split("Great win! 🎉 See you Sunday."), ["Great win! 🎉", "See you Sunday."]);
    assert_eq!(split("Loved it :) See you soon."), ["Loved it :)", "See you soon."]);
}

#[test]
fn lower_case_sentences_in_informal_text() {
    assert_eq!(split("ok. see you at noon."), ["ok.", "see you at noon."]);
    assert_eq!(split("They met at 5 p.m. and left."), ["They met at 5 p.m. and left."]);
}

#[test]
fn generic_rules_for_other_languages() {
    let de = Segmenter::for_lang("de");
    let text = "Am 3. Oktober feiern wir. Dr. Meier kommt.";
    let got: Vec<&str> = de.split(text).map(|s| s.slice(text)).collect();
    // No German abbreviation list: "Dr." ends a sentence, the ordinal does not.
    assert_eq!(got, ["Am 3. Oktober feiern wir.", "Dr.", "Meier kommt."]);
    let en = Segmenter::for_lang("en-GB");
    assert_eq!(en.split("Dr. Meier kommt.").count(), 1);
}

#[test]
fn cjk_full_stops_need_no_space() {
    assert_eq!(split("今日は晴れ。明日は雨。"), ["今日は晴れ。", "明日は雨。"]);
}

#[test]
fn empty_and_blank_texts_have_no_sentences() {
    assert!(split("").is_empty());
    assert!(split(" \n\t \n").is_empty());
}

#[test]
fn address_without_punctuation_ends_before_a_capital() {
    assert_eq!(
        split("Full text at https://example.org/report?id=7 Officials declined to comment."),
        ["Full text at https://example.org/report?id=7", "Officials declined to comment."]
    );
    assert_eq!(split("Write to desk@example.org with tips."), ["Write to desk@example.org with tips."]);
}

#[test]
fn sign_offs_and_salutations_stand_alone() {
    assert_eq!(split("Best regards, Ada Park"), ["Best regards,", "Ada Park"]);
    assert_eq!(split("Hi Tom: Here is the draft."), ["Hi Tom:", "Here is the draft."]);
    assert_eq!(split("Best Buy shares rose."), ["Best Buy shares rose."]);
}

#[test]
fn question_mark_before_lower_case_in_informal_text() {
    assert_eq!(split("are you coming? i am not sure."), ["are you coming?", "i am not sure."]);
    assert_eq!(split("She works at Yahoo! in sales."), ["She works at Yahoo! in sales."]);
}

#[test]
fn date_time_stamp_between_name_and_text_stands_alone() {
    assert_eq!(
        split("Ada Park 03/14/2024 09:05 AM Please file by noon."),
        ["Ada Park", "03/14/2024 09:05 AM", "Please file by noon."]
    );
    assert_eq!(
        split("It was updated on 03/14/2024 09:05 AM EST."),
        ["It was updated on 03/14/2024 09:05 AM EST."]
    );
}

#[test]
fn segmenter_is_shared_across_threads() {
    fn shared<T: Send + Sync + Clone>() {}
    shared::<Segmenter>();
    let text = "One. Two.";
    assert_eq!(Segmenter::default().split(text).count(), 2);
}
