//! Page metadata read from HTML: which headline, author and date a page
//! states.

use copydesk_clean::Cleaner;

const STORY: &str = "<p>The council approved the budget on Tuesday, raising spending on schools by four percent after a long debate.</p><p>\"It is a fair deal,\" said the council leader, who had pushed for the increase since spring.</p>";

/// Two paragraphs long enough to read as the story's.
const LONG_STORY: &str = "<p>The council approved the budget on Tuesday, raising spending on schools by four percent after a long debate that ran late into the evening and split the ruling group.</p><p>\"It is a fair deal for every family in the city,\" said the council leader, who had pushed for the increase since spring against strong opposition.</p>";

fn meta(html: &str) -> copydesk_core::Metadata {
    Cleaner::new().clean_html(html.as_bytes()).unwrap().meta
}

#[test]
fn of_several_headlines_the_one_matching_the_title_wins() {
    let page = format!(
        "<html><head><title>Council backs new budget | Daily Example</title></head><body><article>\
         <h1>Council backs the budget at last</h1><h1>Council backs new budget</h1>{STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).title.as_deref(), Some("Council backs new budget"));
}

#[test]
fn declared_user_name_is_the_author() {
    let page = format!(
        "<html><head><meta name=\"author\" content=\"jdoe_admin\"></head><body><article><h1>Council backs budget</h1>{STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).authors, vec!["jdoe_admin"]);
}

#[test]
fn byline_label_on_its_own_line_names_the_next_line() {
    let page = format!(
        "<html><body><article><h1>Council backs budget</h1><div><p>Written by</p><p>Ann Lee</p></div>{STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).authors, vec!["Ann Lee"]);
}

#[test]
fn dateline_above_the_headline_is_read() {
    let page = format!(
        "<html><body><article><header><div><span>Last updated:</span> <span>Dec 12, 2025</span></div>\
         <h1>Council backs budget</h1></header>{STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2025-12-12"));
}

#[test]
fn page_without_a_date_gets_none() {
    let page = format!("<html><body><article><h1>Council backs budget</h1>{STORY}</article></body></html>");
    assert_eq!(meta(&page).published, None);
}

#[test]
fn dateline_after_a_standfirst_is_read() {
    let page = format!(
        "<html><body><article><h1>Council backs budget</h1>\
         <p>Councillors agreed a larger schools budget after months of argument over fees and buses, and the final vote was much closer than anyone in the chamber expected.</p>\
         <p>By Ann Lee</p><p>Jun 08, 2023 &#8226; 4 Minute Read</p>{LONG_STORY}</article></body></html>"
    );
    let meta = meta(&page);
    assert_eq!(meta.published.as_deref(), Some("2023-06-08"));
    assert_eq!(meta.authors, vec!["Ann Lee"]);
}

#[test]
fn date_in_the_story_body_is_not_a_dateline() {
    let page = format!(
        "<html><body><article><h1>Council backs budget</h1>{LONG_STORY}<p>Vote held March 5, 2024.</p></article></body></html>"
    );
    assert_eq!(meta(&page).published, None);
}

#[test]
fn dateline_is_read_by_the_headline_that_states_the_title() {
    // A long menu first, so that the header of the story's own <h1> does
    // not reach back to the top of the page.
    let menu: String = (1..=60).map(|n| format!("<li><a href=\"/s{n}\">Section {n}</a></li>")).collect();
    let page = format!(
        "<html><head><title>Council backs new budget</title></head><body><ul>{menu}</ul><div><p>Published August 7, 2023</p>\
         <h1>Council backs new budget</h1></div><article><h1>What the budget holds</h1>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2023-08-07"));
}

#[test]
fn inline_dateline_beside_the_headline_is_read() {
    let page = format!(
        "<html><body><article><div><h1>Council backs budget</h1> <span class=\"date\">17.05.2021</span> \
         <p>Councillors agreed a larger schools budget after a long argument over fees, buses and the new library.</p></div>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2021-05-17"));
}

#[test]
fn site_declared_as_author_gives_way_to_the_byline() {
    let head = "<head><meta property=\"og:site_name\" content=\"Daily Example\"><meta name=\"author\" content=\"Daily Example\"></head>";
    let page = format!(
        "<html>{head}<body><article><h1>Council backs budget</h1><p>By Ann Lee</p>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).authors, vec!["Ann Lee"]);
    let page = format!(
        "<html>{head}<body><article><h1>Council backs budget</h1>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).authors, vec!["Daily Example"]);
}

#[test]
fn byline_inside_a_one_line_header_is_read() {
    let page = format!(
        "<html><body><div><a href=\"/\">Coffee</a> <span>Mar 24, 2025</span> <span>By Amy Wilhelm</span> <span>0 comments</span></div>\
         <article><h1>Council backs budget</h1>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).authors, vec!["Amy Wilhelm"]);
}

#[test]
fn headline_agreeing_with_the_whole_stated_title_wins() {
    let page = format!(
        "<html><head><title>Council backs new budget for city schools | Buses and parks | Daily Example</title>\
         <meta property=\"og:site_name\" content=\"Daily Example\"></head><body><article>\
         <h1>Council votes for buses and parks in new budget</h1>{STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).title.as_deref(), Some("Council votes for buses and parks in new budget"));
}

#[test]
fn dateline_shown_by_the_headline_wins_over_the_markup() {
    let page = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2024-07-05T14:20:08Z\"></head><body><article>\
         <h1>Council backs budget</h1><p>March 1, 2024</p>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2024-03-01"));
}

#[test]
fn dateline_labelled_as_an_update_gives_way_to_the_open_graph_publication_time() {
    for line in [
        "<p>Last updated: Sep 17, 2025</p>",
        "<p><span>Last Updated on</span> <time>September 17, 2025</time> <span>by Ann Lee</span></p>",
        "<p>12 Comments | Ann Lee | Last Updated: September 17, 2025</p>",
    ] {
        let page = format!(
            "<html><head><meta property=\"article:published_time\" content=\"2019-08-14T13:00:00Z\"></head><body><article>\
             <h1>Council backs budget</h1>{line}{LONG_STORY}</article></body></html>"
        );
        assert_eq!(meta(&page).published.as_deref(), Some("2019-08-14T13:00:00Z"), "{line}");
    }
}

#[test]
fn dateline_labelled_as_an_update_wins_over_a_publication_date_only_json_ld_states() {
    let page = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"Article\",\"datePublished\":\"2019-08-14T13:00:00Z\"}}</script>\
         </head><body><article><h1>Council backs budget</h1><p>Updated September 17, 2025</p>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2025-09-17"));
}

#[test]
fn open_graph_publication_time_on_the_update_shown_keeps_the_update() {
    let page = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2025-09-17T10:00:00Z\">\
         <script type=\"application/ld+json\">{{\"@type\":\"Article\",\"datePublished\":\"2019-08-14T13:00:00Z\"}}</script>\
         </head><body><article><h1>Council backs budget</h1><p>Updated: Sep 17, 2025</p>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2025-09-17"));
}

#[test]
fn shown_date_that_is_the_markup_modified_date_is_an_update() {
    let page = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2025-04-24T16:12:49Z\">\
         <meta property=\"article:modified_time\" content=\"2025-05-21T14:06:47Z\"></head><body><article>\
         <h1>Council backs budget</h1><p>May 21, 2025</p>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2025-04-24T16:12:49Z"));
}

#[test]
fn numeric_dateline_read_the_other_way_round_is_the_markup_date() {
    let page = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2024-09-10T16:07:00Z\"></head><body><article>\
         <h1>Council backs budget</h1><p>09.10.2024</p>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2024-09-10T16:07:00Z"));
}

#[test]
fn name_repeated_in_a_link_label_is_one_author() {
    let page = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"author\":[{{\"@type\":\"Person\",\"name\":\"jdoe\"}},\
         {{\"@type\":\"Person\",\"name\":\"More About jdoe\"}}]}}</script></head>\
         <body><article><h1>Council backs budget</h1>{STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).authors, vec!["jdoe"]);
}

#[test]
fn unlabelled_name_just_before_the_dateline_is_the_author() {
    for header in [
        "<p>Ann Lee | 23.07.2025 | 6 min read</p>",
        "<p>Ann Lee</p><div><p><span>23.07.2025</span> <span>6 min read</span></p></div>",
    ] {
        let page = format!(
            "<html><body><article><h1>Council backs budget</h1>{header}{LONG_STORY}</article></body></html>"
        );
        assert_eq!(meta(&page).authors, vec!["Ann Lee"], "{header}");
    }
}

#[test]
fn section_label_above_the_headline_is_not_an_author() {
    let page = format!(
        "<html><body><article><span>City Politics</span><h1>Council backs budget</h1>\
         <p>23.07.2025</p>{LONG_STORY}</article></body></html>"
    );
    assert!(meta(&page).authors.is_empty());
}

#[test]
fn headline_running_on_from_the_stated_title_is_kept_whole() {
    for h1 in [
        "Council backs new budget: what changes for schools",
        "Council backs new budget, after a long night",
        "2025 Council backs new budget",
    ] {
        let page = format!(
            "<html><head><title>Council backs new budget | Daily Example</title></head><body><article>\
             <h1>{h1}</h1>{STORY}</article></body></html>"
        );
        assert_eq!(meta(&page).title.as_deref(), Some(h1));
    }
}

#[test]
fn label_or_date_set_off_in_the_headline_gives_way_to_the_stated_title() {
    for h1 in [
        "Blog: Council backs new budget",
        "Council backs new budget | Opinion",
        "Council backs new budget (example.com) 87",
        "Dec 18 2025 Council backs new budget",
    ] {
        let page = format!(
            "<html><head><title>Council backs new budget | Daily Example</title></head><body><article>\
             <h1>{h1}</h1>{STORY}</article></body></html>"
        );
        assert_eq!(meta(&page).title.as_deref(), Some("Council backs new budget"), "{h1}");
    }
}

#[test]
fn markup_timestamp_a_day_off_the_shown_date_wins_unless_the_url_agrees_with_the_page() {
    let page = |url: &str| {
        format!(
            "<html><head><meta property=\"article:published_time\" content=\"2025-07-05T00:04:00+00:00\">\
             <meta property=\"og:url\" content=\"{url}\"></head><body><article>\
             <h1>Council backs budget</h1><p>July 4, 2025</p>{LONG_STORY}</article></body></html>"
        )
    };
    assert_eq!(
        meta(&page("https://example.com/news/council-budget")).published.as_deref(),
        Some("2025-07-05T00:04:00+00:00")
    );
    assert_eq!(
        meta(&page("https://example.com/2025/07/04/council-budget")).published.as_deref(),
        Some("2025-07-04")
    );
}

#[test]
fn one_date_labelled_as_published_anywhere_dates_a_page_without_a_dateline() {
    let page = format!(
        "<html><body><article><h1>Council backs budget</h1>{LONG_STORY}\
         <div><span>Download PDF</span><p>Published Feb 2, 2023</p></div></article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2023-02-02"));
}

#[test]
fn posts_listed_with_their_own_dates_date_nothing() {
    let page = format!(
        "<html><body><article><h1>Council backs budget</h1>{LONG_STORY}</article>\
         <aside><p>Posted on April 13, 2023</p><p>Posted on May 2, 2023</p></aside></body></html>"
    );
    assert_eq!(meta(&page).published, None);
}

#[test]
fn time_element_inside_a_dateline_written_in_an_unread_form_is_read() {
    let page = format!(
        "<html><body><article><h1>Council backs budget</h1>\
         <div><time datetime=\"2025-12-19T15:55:39-08:00\">12/19 &mdash; 2025</time> <span>by Ann Lee</span></div>\
         {LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2025-12-19"));
}

#[test]
fn iso_datetime_of_a_time_in_the_dateline_wins_over_its_text() {
    let page = format!(
        "<html><body><article><h1>Council backs budget</h1>\
         <div><span>Ann Lee</span> <time datetime=\"2024-12-20\">August 28, 2024</time></div>\
         {LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2024-12-20"));
}

#[test]
fn date_labelled_as_published_under_the_story_wins_over_the_markup() {
    let page = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"Article\",\"datePublished\":\"2025-11-29T12:28:31-05:00\"}}</script>\
         </head><body><article><h1>Council backs budget</h1>{LONG_STORY}\
         <div>Published <time datetime=\"2025-08-13\">August 13, 2025</time></div></article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2025-08-13"));
}

#[test]
fn short_heading_that_is_a_date_is_the_dateline() {
    let page = format!(
        "<html><body><h1>Example Weblog</h1><div><h2 class=\"date\">December 16, 2025</h2>\
         <article><h3>Council backs budget</h3>{LONG_STORY}</article></div></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2025-12-16"));
}

#[test]
fn h2_stating_the_title_is_the_headline_when_the_h1_is_the_site_name() {
    let page = format!(
        "<html><head><meta property=\"og:title\" content=\"Council backs the new budget\"></head><body>\
         <h1>Example Weblog</h1><p>Home | About | Archive</p><article><h2>Council backs the new budget</h2>\
         <div>Dec. 19, 2025 &middot; Ann Lee</div>{LONG_STORY}</article></body></html>"
    );
    let meta = meta(&page);
    assert_eq!(meta.title.as_deref(), Some("Council backs the new budget"));
    assert_eq!(meta.published.as_deref(), Some("2025-12-19"));
}

#[test]
fn update_shown_beside_an_original_publication_date_gives_way_to_it() {
    let page = format!(
        "<html><body><article><h1>Council backs budget</h1><p>Updated November 11, 2022 8:23 PM ET</p>\
         <p>Originally published November 9, 2022 11:01 AM ET</p>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2022-11-09"));
}

#[test]
fn scholarly_author_list_wins_over_a_first_author_creator() {
    let page = format!(
        "<html><head><meta name=\"DC.Creator\" content=\"Ann Lee\">\
         <meta name=\"citation_authors\" content=\"Ann Lee\"><meta name=\"citation_authors\" content=\"Bo Chan\">\
         </head><body><article><h1>Council backs budget</h1>{STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).authors, vec!["Ann Lee", "Bo Chan"]);
}

#[test]
fn a_canonical_link_that_is_no_url_gives_way_to_the_open_graph_url() {
    let page = format!(
        "<html><head><link rel=\"canonical\" href=\"Council backs budget\">\
         <meta property=\"og:url\" content=\"https://news.example/2025/03/14/council\"></head>\
         <body><article><h1>Council backs budget</h1>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).url.as_deref(), Some("https://news.example/2025/03/14/council"));
}

#[test]
fn numeric_dateline_read_both_ways_takes_the_reading_the_url_files_it_under() {
    let page = format!(
        "<html><head><meta property=\"og:url\" content=\"https://news.example/blog/2023/october/03/harvest\"></head>\
         <body><article><h1>Council backs budget</h1><div>03/10/2023</div>{LONG_STORY}</article></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2023-10-03"));
}

#[test]
fn numeric_dateline_read_both_ways_takes_the_reading_a_time_of_the_page_gives() {
    let page = format!(
        "<html><body><article><h1>Council backs budget</h1><div><time datetime=\"02-12-2025\">02-12-2025</time></div>\
         {LONG_STORY}</article><aside><a href=\"/budget\">Council backs budget</a> \
         <time datetime=\"2025-12-02\">December 02, 2025</time></aside></body></html>"
    );
    assert_eq!(meta(&page).published.as_deref(), Some("2025-12-02"));
}
