//! Behaviour of the scanner on news-like sentences written for these tests.

use copydesk_numbers::{Bound, Figure, FigureScanner, Kind};

/// One scanner for every test: building its automata is the slow part.
static SCANNER: std::sync::LazyLock<FigureScanner> = std::sync::LazyLock::new(FigureScanner::new);

fn scan(text: &str) -> Vec<Figure<'_>> {
    SCANNER.scan(text)
}

/// The only figure of `kind` in `text`.
fn one(text: &str, kind: Kind) -> Figure<'_> {
    let found: Vec<Figure> = scan(text).into_iter().filter(|f| f.kind == kind).collect();
    assert_eq!(found.len(), 1, "{kind:?} in {text:?}: {found:#?}");
    found.into_iter().next().unwrap()
}

fn figures(text: &str) -> Vec<Figure<'_>> {
    scan(text).into_iter().filter(|f| f.kind.is_figure()).collect()
}

#[test]
fn count_keeps_the_noun_it_counts() {
    let f = one("The navy lost 13,402 Jeeps and much else.", Kind::Count);
    assert_eq!(f.value, Some(13402.0));
    assert_eq!(f.text, "13,402 Jeeps");
    assert_eq!(f.counted.as_ref().unwrap().text, "Jeeps");
}

#[test]
fn count_keeps_a_multi_word_noun_phrase() {
    let f = one("It delivered 41 Sea King transport helicopters last spring.", Kind::Count);
    assert_eq!(f.counted.unwrap().text, "Sea King transport helicopters");
}

#[test]
fn partitive_count_runs_past_of() {
    let f = one("Police seized 9,120 boxes of hand grenades.", Kind::Count);
    assert_eq!(f.counted.unwrap().text, "boxes of hand grenades");
}

#[test]
fn count_noun_may_follow_a_code_name() {
    let f = one("The wing flew 6 C-17 cargo jets home.", Kind::Count);
    assert_eq!(f.value, Some(6.0));
    assert_eq!(f.counted.unwrap().text, "C-17 cargo jets");
}

#[test]
fn money_with_scale_word_and_estimate() {
    let text = "Auditors found an estimated $3.45 billion in unused stock.";
    let f = one(text, Kind::Money);
    assert_eq!(f.value, Some(3.45e9));
    assert_eq!(f.exact.as_deref(), Some("3450000000"));
    assert_eq!(f.currency.as_deref(), Some("USD"));
    assert!(f.approx);
    assert_eq!(f.text, "an estimated $3.45 billion");
    assert_eq!(f.qualifier.as_ref().unwrap().text, "an estimated");
    assert_eq!(&text[f.core_span().start..f.core_span().end], "$3.45 billion");
}

#[test]
fn money_with_scale_suffixes() {
    let f = figures("The club spent £38m on a winger and $2bn on a stadium.");
    assert_eq!(f.len(), 2);
    assert_eq!((f[0].value, f[0].currency.as_deref()), (Some(3.8e7), Some("GBP")));
    assert_eq!((f[1].value, f[1].currency.as_deref()), (Some(2e9), Some("USD")));
}

#[test]
fn money_from_codes_and_names() {
    let f = figures("The bank lent EUR 2.5 billion and 900 million rubles, plus 40,000 Afghanis.");
    let got: Vec<_> = f.iter().map(|f| (f.value.unwrap(), f.currency.clone().unwrap())).collect();
    assert_eq!(got, vec![(2.5e9, "EUR".into()), (9e8, "RUB".into()), (40000.0, "AFN".into())]);
}

#[test]
fn money_rate_keeps_what_it_is_per() {
    let f = one("Diesel sold for $4.15 a gallon.", Kind::Money);
    assert_eq!(f.per.unwrap().text, "gallon");
}

#[test]
fn upper_bound_on_a_count() {
    let f = one("Rebels may hold up to 30,000 rifles.", Kind::Count);
    assert_eq!(f.bound, Some(Bound::AtMost));
    assert_eq!(f.value, Some(30000.0));
    assert_eq!(f.counted.unwrap().text, "rifles");
}

#[test]
fn lower_bound_on_a_count() {
    let f = one("More than 2,400 families fled.", Kind::Count);
    assert_eq!(f.bound, Some(Bound::Above));
    let f = one("At least 12 people died.", Kind::Count);
    assert_eq!(f.bound, Some(Bound::AtLeast));
    let f = one("Fewer than 300 voters turned out.", Kind::Count);
    assert_eq!(f.bound, Some(Bound::Below));
}

#[test]
fn approximate_qualifiers() {
    for q in ["about", "nearly", "roughly", "some", "an estimated"] {
        let text = format!("The town lost {q} 700 homes.");
        let f = one(&text, Kind::Count);
        assert!(f.approx, "{q}");
    }
}

#[test]
fn ratio_out_of_reaches_past_a_noun_phrase() {
    let f = one("Some 3 million out of the region's pre-war population of 12 million left.", Kind::Ratio);
    assert_eq!(f.part, Some(3e6));
    assert_eq!(f.whole, Some(12e6));
    assert!((f.value.unwrap() - 0.25).abs() < 1e-9);
}

#[test]
fn ratio_out_of_reaches_past_a_curly_possessive() {
    let f = one("Some 3 million out of the region\u{2019}s population of 12 million left.", Kind::Ratio);
    assert_eq!(f.part, Some(3e6));
    assert_eq!(f.whole, Some(12e6));
}

#[test]
fn ratio_one_in_n() {
    let f = one("One in four pupils skips breakfast.", Kind::Ratio);
    assert_eq!(f.value, Some(0.25));
    assert_eq!(f.counted.unwrap().text, "pupils");
}

#[test]
fn percent_and_percentage_points_are_kept_apart() {
    let f = figures("Inflation hit 7.4 percent, up 1.5 percentage points, and 3% more.");
    let got: Vec<_> = f.iter().map(|f| (f.kind, f.value.unwrap(), f.unit.clone().unwrap())).collect();
    assert_eq!(
        got,
        vec![
            (Kind::Percent, 7.4, "percent".into()),
            (Kind::Percent, 1.5, "percentage point".into()),
            (Kind::Percent, 3.0, "percent".into())
        ]
    );
}

#[test]
fn multiplier_with_comparative() {
    let f = one("The dam is more than four times bigger than planned.", Kind::Multiplier);
    assert_eq!(f.value, Some(4.0));
    assert_eq!(f.bound, Some(Bound::Above));
    let f = one("Prices rose twice as fast.", Kind::Multiplier);
    assert_eq!(f.value, Some(2.0));
}

#[test]
fn ranges_in_words_money_and_percent() {
    let f = one("Repairs will take three to six months.", Kind::Range);
    assert_eq!((f.low, f.high, f.unit.as_deref()), (Some(3.0), Some(6.0), Some("month")));
    let f = one("Flats go for $450,000 to $2 million.", Kind::Range);
    assert_eq!((f.low, f.high, f.currency.as_deref()), (Some(450000.0), Some(2e6), Some("USD")));
    let f = one("Yields fell 20-25% this year.", Kind::Range);
    assert_eq!((f.low, f.high, f.range_of), (Some(20.0), Some(25.0), Some(Kind::Percent)));
}

#[test]
fn quantities_are_normalised_to_si() {
    let f = one("The convoy covered 240 km in a day.", Kind::Quantity);
    assert_eq!(
        (f.unit.as_deref(), f.si_value, f.si_unit.as_deref()),
        (Some("kilometre"), Some(240000.0), Some("m"))
    );
    let f = one("Water reached 38 degrees Celsius.", Kind::Quantity);
    assert!((f.si_value.unwrap() - 311.15).abs() < 1e-9);
    let f = one("The farm covers 12 square miles.", Kind::Quantity);
    assert_eq!(f.dimension.as_deref(), Some("area"));
}

#[test]
fn spelled_numbers() {
    let cases = [
        ("Thirty-two people were hurt.", 32.0),
        ("He sold a dozen eggs.", 12.0),
        ("The fund raised one and a half million dollars.", 1.5e6),
        ("A hundred and twelve miners were trapped.", 112.0),
    ];
    for (text, v) in cases {
        let f = figures(text);
        assert_eq!(f.len(), 1, "{text}: {f:#?}");
        assert_eq!(f[0].value, Some(v), "{text}");
    }
}

#[test]
fn vague_plurals_are_approximate_lower_bounds() {
    let f = one("Hundreds of protesters gathered.", Kind::Count);
    assert_eq!(f.value, Some(100.0));
    assert!(f.approx);
    assert_eq!(f.bound, Some(Bound::AtLeast));
    assert_eq!(f.counted.unwrap().text, "protesters");
}

#[test]
fn fractions_of_a_group_are_ratios() {
    let f = one("About three-quarters of the workers struck.", Kind::Ratio);
    assert_eq!(f.value, Some(0.75));
    assert!(f.approx);
    let f = one("The pipe is 3/4 full.", Kind::Ratio);
    assert_eq!(f.value, Some(0.75));
}

#[test]
fn years_dates_times_are_never_figures() {
    let text = "On June 4, 2019, at 9 a.m., the 1990s law passed; it was amended in 2008.";
    let all = scan(text);
    assert!(all.iter().all(|f| !f.kind.is_figure()), "{all:#?}");
    let kinds: Vec<Kind> = all.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, vec![Kind::Date, Kind::Time, Kind::Year, Kind::Year]);
}

#[test]
fn a_year_and_a_count_of_the_same_digits() {
    let all = scan("In 2018, the mill employed 2,018 weavers.");
    assert_eq!(all[0].kind, Kind::Year);
    assert_eq!(all[1].kind, Kind::Count);
    assert_eq!(all[1].value, Some(2018.0));
}

#[test]
fn ages_and_ordinals_are_not_counts() {
    let all = scan("The 52-year-old came second, a fifth straight loss for the 3rd seed.");
    let kinds: Vec<Kind> = all.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, vec![Kind::Age, Kind::Ordinal, Kind::Ordinal, Kind::Ordinal]);
    assert_eq!(all[0].value, Some(52.0));
}

#[test]
fn phones_scores_and_identifiers_are_not_figures() {
    let all = scan("Dial 555-0142. The Bulls won 98-91. See Article 12 and Room 4.");
    assert!(all.iter().all(|f| !f.kind.is_figure()), "{all:#?}");
    let kinds: Vec<Kind> = all.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, vec![Kind::Phone, Kind::Score, Kind::Identifier, Kind::Identifier]);
}

#[test]
fn text_without_numbers_yields_nothing() {
    assert!(scan("Someone said the tension was done, and nobody knew anyone there.").is_empty());
}

#[test]
fn serializes_flat_with_absent_fields_left_out() {
    let f = one("They bought 51 tanks.", Kind::Count);
    let json = serde_json::to_value(&f).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"start": 12, "end": 20, "text": "51 tanks", "kind": "count", "value": 51.0,
            "number": {"start": 12, "end": 14, "text": "51"}, "exact": "51",
            "counted": {"start": 15, "end": 20, "text": "tanks"}})
    );
}

#[test]
fn pounds_are_money_only_with_a_scale() {
    let f = figures("She lost 18 pounds; the club lost 40 million pounds.");
    assert_eq!((f[0].kind, f[0].unit.as_deref()), (Kind::Quantity, Some("pound")));
    assert_eq!((f[1].kind, f[1].currency.as_deref()), (Kind::Money, Some("GBP")));
}

#[test]
fn compound_quantities_are_one_figure() {
    let f = one("The guard is 6 feet 3 inches tall.", Kind::Quantity);
    assert_eq!(f.text, "6 feet 3 inches");
    assert!((f.value.unwrap() - 6.25).abs() < 1e-9);
    let f = one("The siege lasted 2 years and 6 months.", Kind::Quantity);
    assert_eq!((f.value, f.unit.as_deref()), (Some(2.5), Some("year")));
}

#[test]
fn cents_after_an_amount_are_added() {
    let f = one("A ticket cost 4 dollars and 25 cents.", Kind::Money);
    assert_eq!(f.value, Some(4.25));
    let f = one("Each share paid 75 cents.", Kind::Money);
    assert_eq!((f.value, f.currency.as_deref()), (Some(0.75), Some("USD")));
}

#[test]
fn degrees_are_an_angle_when_the_words_say_so() {
    let f = one("The crane can rotate 270 degrees.", Kind::Quantity);
    assert_eq!(f.dimension.as_deref(), Some("angle"));
    let f = one("Highs will reach 31 degrees on Friday.", Kind::Quantity);
    assert_eq!(f.dimension.as_deref(), Some("temperature"));
}

#[test]
fn one_letter_temperatures_need_words_of_temperature() {
    let f = figures("The heat peaked at 41C (106F) in the valley.");
    let units: Vec<_> = f.iter().map(|f| f.unit.as_deref().unwrap()).collect();
    assert_eq!(units, vec!["degree Celsius", "degree Fahrenheit"]);
    assert!(
        figures("The fund made a 13F filing and flew a 767F freighter.")
            .iter()
            .all(|f| f.kind != Kind::Quantity)
    );
}

#[test]
fn a_fall_or_a_rise_is_a_change() {
    let f = one("Shares slid 4.2% in early trade.", Kind::Percent);
    assert_eq!(f.change, Some(copydesk_numbers::Change::Down));
    let f = one("Turnout rose to 61 percent.", Kind::Percent);
    assert_eq!(f.change, None);
}

#[test]
fn a_lone_ordinal_after_an_article_is_a_fraction() {
    let f = one("A third of the staff quit.", Kind::Ratio);
    assert!((f.value.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(f.text, "A third of the staff");
    assert_eq!(scan("It was a third straight win.")[0].kind, Kind::Ordinal);
}

#[test]
fn halves_and_quarters_of_a_year_are_not_figures() {
    assert!(figures("Sales rose in the second half and fell in the quarter.").is_empty());
}

#[test]
fn a_currency_after_one_amount_is_not_read_before_the_next() {
    let f = figures("It cost 10 rmb 20 usd in all.");
    let got: Vec<_> = f.iter().map(|f| (&*f.text, f.currency.as_deref())).collect();
    assert_eq!(got, vec![("10 rmb", Some("CNY")), ("20 usd", Some("USD"))]);
}

#[test]
fn country_prefixes_on_the_dollar_sign() {
    for (text, code) in
        [("paid HK$ 12 million", "HKD"), ("paid hk $ 12 million", "HKD"), ("paid u.s $ 12", "USD")]
    {
        let f = one(text, Kind::Money);
        assert_eq!(f.currency.as_deref(), Some(code), "{text}");
        assert!(f.text.to_lowercase().starts_with(&text[5..7].to_lowercase()), "{text}: {}", f.text);
    }
}

#[test]
fn qualifiers_after_the_figure() {
    let f = one("Voters aged 65 or older backed him; 500 or more turned out.", Kind::Count);
    assert_eq!(f.bound, Some(Bound::AtLeast));
    assert_eq!(f.number.unwrap().text, "500");
    let f = one("The trip takes 40 minutes or so.", Kind::Quantity);
    assert!(f.approx);
    assert_eq!(f.qualifier.unwrap().text, "or so");
}

#[test]
fn comparison_symbols_are_bounds() {
    let f = one("Readings >= 30 were flagged.", Kind::Count);
    assert_eq!(f.bound, Some(Bound::AtLeast));
    let f = one("It weighs ~2 kg.", Kind::Quantity);
    assert!(f.approx);
}

#[test]
fn a_lower_and_an_upper_bound_make_a_range() {
    let f = one("Between sessions, more than 10 but fewer than 20 bills passed.", Kind::Range);
    assert_eq!((f.low, f.high), (Some(10.0), Some(20.0)));
    assert_eq!(f.counted.unwrap().text, "bills");
}

#[test]
fn joined_bounds_keep_the_figures_around_them_in_order() {
    let text = "In 2019, more than 10 but fewer than 20 bills passed, then at least 3 and at most 5 more, and 7 failed.";
    let kinds: Vec<Kind> = scan(text).iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [Kind::Year, Kind::Range, Kind::Range, Kind::Count]);
    assert_eq!(scan(text)[3].value, Some(7.0));
}

#[test]
fn a_number_range_is_not_taken_for_years() {
    let f = one("Claims ran 1000-5000 a week.", Kind::Range);
    assert_eq!((f.low, f.high), (Some(1000.0), Some(5000.0)));
    assert_eq!(scan("Output fell in 2013-14.")[0].kind, Kind::Year);
}

#[test]
fn groups_after_a_scale_add_up() {
    let f = figures("They counted 4 thousand 3 hundred and 21 ballots.");
    assert_eq!(f[0].value, Some(4321.0));
    let f = figures("It cost 2 lakh fifty thousand rupees, and 3 crore and 12 more.");
    assert_eq!(f[0].value, Some(250000.0));
    assert_eq!(f[1].value, Some(30000012.0));
    let f = figures("It raised EUR 2 billion and 900 million rubles.");
    assert_eq!(f.len(), 2);
}

#[test]
fn indian_digit_grouping() {
    let f = one("The fund holds 12,34,567 rupees.", Kind::Money);
    assert_eq!(f.value, Some(1234567.0));
}

#[test]
fn codes_in_millions_and_scales_after_codes() {
    let f = one("Losses reached 30 MUSD.", Kind::Money);
    assert_eq!((f.value, f.currency.as_deref()), (Some(3e7), Some("USD")));
    let f = one("They lost 75 USD million.", Kind::Money);
    assert_eq!(f.value, Some(7.5e7));
}

#[test]
fn exact_and_inclusive_bounds() {
    let f = one("Exactly 40 seats changed hands.", Kind::Count);
    assert_eq!(f.bound, Some(Bound::Exactly));
    let f = one("Scores of more than 90 or equal to it pass.", Kind::Count);
    assert_eq!(f.bound, Some(Bound::AtLeast));
}

#[test]
fn exact_string_is_the_value_in_plain_decimals() {
    for (text, exact) in [
        ("They sold 700 cars.", "700"),
        ("They sold 0 cars.", "0"),
        ("It weighs 0.50 kg.", "0.5"),
        ("They sold 1,250 cars.", "1250"),
        ("It fell to minus 40 degrees.", "-40"),
    ] {
        let f = &figures(text)[0];
        assert_eq!(f.exact.as_deref(), Some(exact), "{text}");
    }
}

#[test]
fn a_bounded_year_like_number_is_a_count() {
    let f = one("Above 1200 and below 1500 were seen.", Kind::Range);
    assert_eq!((f.low, f.high), (Some(1200.0), Some(1500.0)));
}

#[test]
fn one_over_n_is_a_ratio() {
    let f = one("The odds were one over twenty.", Kind::Ratio);
    assert_eq!(f.value, Some(0.05));
}

#[test]
fn what_a_quantity_measures() {
    let f = one("The storm left 40 centimetres of wet snow.", Kind::Quantity);
    assert_eq!(f.counted.unwrap().text, "wet snow");
}

#[test]
fn frequencies_and_durations_in_words() {
    let f = one("Trains run four times a day.", Kind::Quantity);
    assert_eq!(
        (f.value, f.unit.as_deref(), f.dimension.as_deref()),
        (Some(4.0), Some("time per day"), Some("frequency"))
    );
    let f = one("The talks lasted half an hour.", Kind::Quantity);
    assert_eq!((f.value, f.unit.as_deref()), (Some(0.5), Some("hour")));
    let f = one("It took 5 and a half hours.", Kind::Quantity);
    assert_eq!(f.value, Some(5.5));
}

#[test]
fn below_zero_is_negative() {
    let f = one("Temperatures fell to 12 degrees below zero.", Kind::Quantity);
    assert_eq!(f.value, Some(-12.0));
}

#[test]
fn accounting_parentheses_are_negative() {
    let f = one("Net income was ($4.50) a share.", Kind::Money);
    assert_eq!(f.value, Some(-4.5));
}

#[test]
fn a_range_of_quantities_is_no_phone_number() {
    let f = one("Add 100-1000 grams of sugar.", Kind::Range);
    assert_eq!((f.low, f.high, f.unit.as_deref()), (Some(100.0), Some(1000.0), Some("gram")));
}

#[test]
fn lists_of_spelled_amounts_stay_apart() {
    let v: Vec<_> = figures("It cost one million, two million and three million in turn.")
        .iter()
        .map(|f| f.value)
        .collect();
    assert_eq!(v, vec![Some(1e6), Some(2e6), Some(3e6)]);
    let v: Vec<_> =
        figures("They listed three million, two hundred & forty entries.").iter().map(|f| f.value).collect();
    assert_eq!(v, vec![Some(3_000_240.0)]);
}

#[test]
fn units_and_an_article() {
    let f = one("The wait was an hour and a half.", Kind::Quantity);
    assert_eq!((f.value, f.unit.as_deref()), (Some(1.5), Some("hour")));
    let f = one("It lasted an hour and 45 minutes.", Kind::Quantity);
    assert_eq!(f.value, Some(1.75));
    let f = one("They waited three more weeks.", Kind::Quantity);
    assert_eq!((f.value, f.unit.as_deref()), (Some(3.0), Some("week")));
}

#[test]
fn powers_and_bits() {
    let f = one("A kibibyte is 8x2^10 bits.", Kind::Quantity);
    assert_eq!(f.value, Some(8192.0));
    let f = one("The packet held 1500b of data.", Kind::Quantity);
    assert_eq!((f.value, f.unit.as_deref()), (Some(1500.0), Some("bit")));
}

#[test]
fn vague_amounts_of_money() {
    let f = one("The war cost billions of dollars.", Kind::Money);
    assert_eq!((f.value, f.currency.as_deref(), f.bound), (Some(1e9), Some("USD"), Some(Bound::AtLeast)));
}

#[test]
fn a_bounded_year_after_since_is_still_a_year() {
    let all = scan("The group has had contacts since at least 2007.");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].kind, Kind::Year);
}

#[test]
fn double_as_an_adjective_is_no_multiplier() {
    assert!(figures("He decried double standards.").is_empty());
    assert_eq!(one("Output doubled last year.", Kind::Multiplier).value, Some(2.0));
}

#[test]
fn the_scanner_is_shared_across_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<FigureScanner>();
    let v: Vec<usize> = std::thread::scope(|s| {
        let hs: Vec<_> =
            (0..2).map(|i| s.spawn(move || SCANNER.scan(&format!("{i} in 5 people")).len())).collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(v, vec![1, 1]);
}

#[test]
fn a_qualifier_of_the_next_figure_stays_with_it() {
    let f = figures("It left 22,174 Humvees and up to 50,000 armored vehicles.");
    assert_eq!(f[0].text, "22,174 Humvees");
    assert_eq!(f[0].bound, None);
    assert_eq!((&*f[1].text, f[1].bound), ("up to 50,000 armored vehicles", Some(Bound::AtMost)));
}

#[test]
fn plural_unit_keeps_its_possessive_mark_straight_or_curly() {
    for text in ["The vote is in six weeks' time.", "The vote is in six weeks’ time."] {
        let f = one(text, Kind::Quantity);
        assert_eq!(f.unit.as_deref(), Some("week"), "{text}");
        assert!(f.text.ends_with('\'') || f.text.ends_with('’'), "{text}: {:?}", f.text);
    }
}
