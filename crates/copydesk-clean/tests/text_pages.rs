//! Text mode on whole scraped pages: one fixture per kind of page furniture
//! met in scraped news text. Each test checks that every story paragraph is
//! kept, in order, and that the furniture around it is gone.

use copydesk_clean::TextCleaner;

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").collect()
}

/// The story lines of a fixture, in order: the lines marked with a leading
/// `>` (the mark is stripped from the page text given to the cleaner).
fn fixture(marked: &str) -> (String, Vec<&str>) {
    let page = marked.lines().map(|l| l.strip_prefix('>').unwrap_or(l)).collect::<Vec<_>>().join("\n");
    let story =
        marked.lines().filter_map(|l| l.strip_prefix('>')).map(str::trim).filter(|l| !l.is_empty()).collect();
    (page, story)
}

#[test]
fn opinion_page_keeps_story_and_subheading_and_drops_menus_bio_and_headline_list() {
    let (page, story) = fixture(
        "\
37 online
 
Top Picks This Week
Share on Facebook 12 Printer Friendly Page More Sharing
Exclusive to Daily Ledger:
Daily Ledger Columns

City council delays vote on harbour bridge repairs after cost doubles

By       (Page 1 of 2 pages)   2 comments
Message Jane Q. Writer
Become a Fan
  (40 fans)

>The city council postponed its vote on repairs to the harbour bridge on Tuesday after engineers said the bill had doubled to $48 million since spring.

>Council members said they had not been told about the new estimate until the morning of the meeting, and several asked for an independent review before any money is committed.

>\"We cannot sign a blank cheque for a bridge we were told was sound two years ago,\" said councillor Ana Ruiz, who chairs the works committee.

>Engineers found corrosion in 14 of the bridge's 30 steel cables during an inspection in May, and traffic has been limited to one lane in each direction since June.
>
>What happens next
>
>The council will take up the question again on March 3, when the works department is due to present three options, including a full replacement that would close the bridge for a year.

>Local businesses near the bridge say the lane closures have already cut their trade by a fifth, and the chamber of commerce has asked for a compensation fund.

Next Page  1  |  2

(Note: You can read every column on one page if you sign up as a Supporting Member, or higher).

Rate It | View Ratings

Jane Q. Writer Social Media Pages: Facebook page url on login Profile not filled in       Twitter page url on login Profile not filled in

Reporter and editor. Author of Bridges of the North; Cities and Their Rivers. Currently writing about local government for several papers. Former editor of the Harbour (more...)
 
Go To Commenting
The views expressed herein are the sole responsibility of the author and do not necessarily reflect those of this website or its editors.
Writers Guidelines

Contact AuthorContact Author Contact EditorContact Editor Author PageView Authors' Articles
Support Daily Ledger

If you value this column and the work of Daily Ledger, please either Donate or Purchase a premium membership.

STAY IN THE KNOW
If you've enjoyed this, sign up for our daily or weekly newsletter to get lots of local news.
Daily Weekly     Daily Ledger Newsletter
Name
Email

Most Popular Articles by this Author:     (View All Most Popular Articles by this Author)

Why the ferry timetable keeps changing every winter

Ten years of the harbour festival in pictures

Who owns the old shipyard land, and what will be built there

To View Comments or Join the Conversation:

Tell A Friend",
    );
    let doc = TextCleaner::new().clean(&page);
    assert_eq!(paragraphs(&doc.text), story);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("City council delays vote on harbour bridge repairs after cost doubles")
    );
}

#[test]
fn reposted_story_drops_original_article_source_author_and_comment_lines() {
    let (page, story) = fixture(
        "\
>The regional airline has grounded four of its turboprop planes after a routine check found cracks in a wing part, the company said on Friday.
>A spokesman said the planes would stay on the ground until the manufacturer had inspected them, which could take up to two weeks.
>About 60 flights a week will be cancelled, mostly on routes to the islands, and passengers will be offered seats on ferries or a refund.
>\"Safety comes before the timetable, always,\" the airline's operations director said in a statement.
>The aviation authority said it had been told of the cracks and was in contact with the other two operators of the same model.
Original Article
Source: skyportnews.example
Author: Lee Marsh
No comments:
Post a Comment",
    );
    let doc = TextCleaner::new().clean(&page);
    assert_eq!(paragraphs(&doc.text), story);
    assert_eq!(doc.meta.title, None, "no headline above a story that starts on the first line");
}

#[test]
fn forum_post_drops_image_file_names_and_account_calls() {
    let (page, story) = fixture(
        "\
Jump to content

Farmers Report Record Olive Harvest Despite Dry Summer


Recommended Posts

Posted

image.png

 

>Olive growers in the south of the country expect their largest harvest in a decade, despite a summer with almost no rain.  

 

>The growers' association said on Monday that trees had recovered from two poor years, and that oil prices at the mill had fallen by a third as a result. \"It is a relief after the last seasons,\" its chairman said.  

 

photo_2024.jpg

 

>Small producers said the low prices would hurt them even with the bigger crop, since their costs for labour and fuel had not come down.  

 

Based on a report by The Valley Times 2024-11-02

 

footer-banner.png

Create an account or sign in to comment

You need to be a member in order to leave a comment

Create an account

Sign up for a new account in our community. It's easy!

Register a new account

Sign in

Already have an account? Sign in here.

Sign In Now
  • Recently Browsing   0 members

    • No registered users viewing this page.



×
  • Create New...",
    );
    let doc = TextCleaner::new().clean(&page);
    assert_eq!(paragraphs(&doc.text), story);
    assert_eq!(doc.meta.title.as_deref(), Some("Farmers Report Record Olive Harvest Despite Dry Summer"));
}

#[test]
fn wire_story_keeps_dateline_and_drops_footer_of_standards_contact_and_support_lines() {
    let (page, story) = fixture(
        "\
Port strike ends after nine days as dockers accept new contract

>ROTTERDAM, NETHERLANDS (HARBOURWIRE) — Dock workers at Europe's largest port voted on Thursday to accept a new three-year contract, ending a nine-day strike that left hundreds of containers stranded.

>The union said 71 percent of its members had backed the deal, which raises wages by 9 percent over three years and limits night shifts for workers over 55.

>The port authority estimated that the strike had cost shippers about 300 million euros, and said it would take a week to clear the backlog of vessels waiting at anchor.

>\"Nobody wins a strike like this, but the agreement is fair,\" the union's negotiator told reporters outside the port offices.


This article is written and prepared by our correspondents writing for HARBOURWIRE from ports around the world – material edited and published by HARBOURWIRE staff in our newsroom.

Our Standards, Terms of Use: Standard Terms And Conditions.

HARBOURWIRE — Shipping news source, real-time coverage of ports, trade, freight, markets and logistics.

Contact us: desk@harbourwire.example

Stay connected with HarbourWire and never miss the shipping stories happening around the world.

Support HarbourWire from as little as $1 – it only takes a minute. Thank you.",
    );
    let doc = TextCleaner::new().clean(&page);
    assert_eq!(paragraphs(&doc.text), story);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Port strike ends after nine days as dockers accept new contract")
    );
}

#[test]
fn quoted_block_after_colon_intro_is_kept_and_truncated_caption_dropped() {
    let (page, story) = fixture(
        "\
Drought: Farmers Warn of ‘Worst Year’ as Reservoirs Fall

A farmer walks across the dry bed of a reservoir outside the town of Al

>Reservoirs in the east of the country have fallen to a fifth of their capacity, the water agency said on Wednesday, the lowest level since records began.
>
>Asked whether farms would face limits on irrigation this summer, the agency's director said:
>
>We will have to make hard choices. Cities come first, then the farms that feed them. Nobody should plant crops this spring that need water in August.
>
>We are talking to the growers every week, and we will not surprise them.
>
>Farm groups said the plan would cost thousands of jobs in the region.
>
>One grower, who has farmed the same land for forty years, wrote in a letter published by the regional paper:
>
>My father and grandfather never saw the river this low. If the water goes to the cities, the valley will empty.
>
>The agency will publish its final allocation plan at the end of the month.


Please let us know if you're having issues with commenting.",
    );
    let doc = TextCleaner::new().clean(&page);
    assert_eq!(paragraphs(&doc.text), story);
    assert_eq!(doc.meta.title.as_deref(), Some("Drought: Farmers Warn of ‘Worst Year’ as Reservoirs Fall"));
}

#[test]
fn dateline_on_its_own_line_is_kept() {
    let page = "\
Quake shakes coastal towns

NAPIER, New Zealand —
A magnitude 6.1 earthquake shook towns along the east coast early on Sunday, cracking walls and cutting power to thousands of homes.
No deaths were reported, and the civil defence agency said damage appeared limited to older buildings.";
    let doc = TextCleaner::new().clean(page);
    assert!(doc.text.starts_with("NAPIER, New Zealand —\n\nA magnitude 6.1"), "{}", doc.text);
    assert_eq!(doc.meta.title.as_deref(), Some("Quake shakes coastal towns"));
}

#[test]
fn related_headlines_after_a_section_heading_are_dropped_where_the_story_resumes_at_length() {
    let page = "\
The museum reopened on Saturday after a two-year renovation that cost 40 million euros and doubled its exhibition space. The work, paid for by the city and two private foundations, added a glass hall for the modern collection and a new entrance from the park, and restored the painted ceilings of the old galleries.
Related
Five museums that reopened this year
The city's new cultural plan, explained
Visitors queued for more than an hour on the first morning, and the museum said 12,000 tickets had been sold in advance.
The director said the renovation had also made the building accessible to wheelchair users for the first time.
Entry will be free for the first month, and the museum will stay open until ten in the evening on Fridays and Saturdays.";
    let doc = TextCleaner::new().clean(page);
    assert_eq!(paragraphs(&doc.text).len(), 4, "{}", doc.text);
    assert!(!doc.text.contains("Five museums"));
}

#[test]
fn recent_posts_and_reviews_after_the_story_are_dropped() {
    let (page, story) = fixture(
        "\
>Most children outgrow night terrors by the time they start school, and a calm, regular bedtime makes them rarer.
>Keep the room dark and cool, and avoid screens in the hour before bed, when bright light delays the body's clock.
>If the episodes come several times a week, or your child seems drowsy during the day, talk to your pediatrician.
More Videos
Healthy Snacks for Busy Mornings
Summer Safety Tips for Kids
Recent Posts
How to Choose a Pediatrician
When Is a Fever Too High?
Our doctors and nurses always take the time to listen, and the front desk fits us in the same day.
Laura P.
We switched clinics last year and could not be happier with the care our two boys get here.
Omar K.
",
    );
    let doc = TextCleaner::new().clean(&page);
    assert_eq!(paragraphs(&doc.text), story, "{}", doc.text);
}

#[test]
fn a_menu_given_twice_inside_the_story_is_dropped() {
    let menu = "Alabama guide\nAlaska guide\nArizona guide\nArkansas guide\nCalifornia guide\nColorado guide\nConnecticut guide\nDelaware guide\nFlorida guide\nGeorgia guide\nHawaii guide\nIdaho guide\nIllinois guide\nIndiana guide\n";
    let marked = format!(
        "\
>Forming a company in the state takes about two weeks, and the filing fee is the same whether you file online or by mail.
>You will need a registered agent with an address in the state, and a name that no other company has taken.
>Guides for Every State
{menu}{menu}\
>Once the state approves the filing, you can open a bank account and apply for the licences your trade needs.
>Most owners also draft an operating agreement, even where the law does not require one, to settle disputes early.
"
    );
    let (page, story) = fixture(&marked);
    let doc = TextCleaner::new().clean(&page);
    assert_eq!(paragraphs(&doc.text), story, "{}", doc.text);
}

#[test]
fn teasers_of_headline_byline_date_and_blurb_after_the_story_are_dropped() {
    let (page, story) = fixture(
        "\
Harbour tunnel opens to traffic
>The harbour tunnel opened to traffic on Monday, three years late and 200 million over budget, after a ceremony attended by the mayor.
>Commuters from the east side will save up to twenty minutes a day, the transport authority said, and the ferry timetable will be cut back from January.
>Tolls Start in Spring
>Drivers will pay nothing until April, when a toll of two euros a trip comes in, with discounts for residents of the two boroughs the tunnel joins.
More From Our Writers
Why Are Ferry Fares Rising Again?
Anna Berg
Tuesday November 19, 2019
Fares have risen three times in two years, and the operator blames fuel prices and a shortage of crew.
Council Delays Vote On The Bridge Budget
Tom Lind
2 days ago
The vote was pushed back to March after two members asked for an independent review of the costs.
",
    );
    let doc = TextCleaner::new().clean(&page);
    assert_eq!(paragraphs(&doc.text), story, "{}", doc.text);
}

#[test]
fn comments_headed_by_name_says_end_the_story() {
    let (page, story) = fixture(
        "\
>The coach said after the game that winning on Monday had been the most important step toward the playoffs.
>“We talked all along about everything we wanted still being in front of us,” he said, adding that the team would regroup.
>At four wins and seven losses, the team would probably not make the playoffs even if it won its remaining games.
lastfan says:
November 19, 2019 at 6:34 am
It is a good thing there are no fans left, because this season has been a disaster from the first week to the last.
joe toronto says:
November 19, 2019 at 6:44 am
It is time for both remaining fans to come to grips with reality, because it is over yet again and everyone knows it.
Another reader says:
November 19, 2019 at 6:58 am
As usual too many mistakes by the quarterback, who has thrown four interceptions in a game for the second time this year.
",
    );
    let doc = TextCleaner::new().clean(&page);
    assert_eq!(paragraphs(&doc.text), story, "{}", doc.text);
}

#[test]
fn author_blurb_opening_with_the_name_above_it_is_dropped() {
    let (page, story) = fixture(
        "\
>The city will plant 10,000 trees over the next five years, most of them along the streets of the three hottest districts.
>Officials said shade could cut summer street temperatures by several degrees, and that residents could ask for a tree outside their homes.
>The first 800 trees go in this winter, when the ground is soft and the saplings are dormant.
Megan Berry
Staff Writer
Megan Berry is a reporter covering the environment and city hall. She has written for the paper since 2015 and lives in the north of the city.
",
    );
    let doc = TextCleaner::new().clean(&page);
    assert_eq!(paragraphs(&doc.text), story, "{}", doc.text);
}

#[test]
fn short_text_without_furniture_is_kept_whole() {
    let page = "Markets were closed for the holiday.";
    assert_eq!(TextCleaner::new().clean(page).text, page);
}

#[test]
fn empty_text_gives_empty_document() {
    let doc = TextCleaner::new().clean("");
    assert!(doc.text.is_empty() && doc.meta.title.is_none());
}

/// `paragraph` broken greedily into lines of at most `width` characters,
/// as html2text, lynx or `fmt` write it.
fn hard_wrap(paragraph: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in paragraph.split(' ') {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join("\n")
}

#[test]
fn a_page_scraped_as_hard_wrapped_markdown_gives_its_story_joined_and_unmarked() {
    let story = [
        "The city council postponed its vote on repairs to the harbour bridge on Tuesday after \
         engineers said the bill had doubled to $48 million since spring, according to a report \
         seen by the works committee.",
        "Council members said they had not been told about the new estimate until the morning of \
         the meeting, and several asked for an independent review before any money is committed \
         to the work.",
        "\u{201c}We cannot sign a blank cheque for a bridge we were told was sound two years \
         ago,\u{201d} said councillor Ana Ruiz, who chairs the works committee and has asked for \
         the engineers' full findings.",
        "Engineers found corrosion in 14 of the bridge's 30 steel cables during an inspection in \
         May, and traffic has been limited to one lane in each direction since June, the works \
         department said.",
    ];
    // The third paragraph links the committee's page, as a scraper writes it.
    let linked =
        story[2].replace("the works committee", "[the works committee](https://ledger.example/works)");
    let body: Vec<String> =
        [story[0], story[1], &linked, story[3]].iter().map(|p| hard_wrap(p, 72)).collect();
    let page = format!(
        "  * [Home](https://ledger.example/)\n  * [News](https://ledger.example/news)\n  * [Sport](https://ledger.example/sport)\n\n\
         # Council delays vote on harbour bridge repairs\n\n\
         Share on [Facebook](https://facebook.example/share) | [Twitter](https://twitter.example/share)\n\n\
         {}\n\n\
         **Sign up for our newsletter**\n\n\
         [Subscribe](https://ledger.example/newsletter)\n",
        body.join("\n\n")
    );
    let doc = TextCleaner::new().clean(&page);
    assert_eq!(paragraphs(&doc.text), story, "{}", doc.text);
    assert_eq!(doc.meta.title.as_deref(), Some("Council delays vote on harbour bridge repairs"));
}

/// Markdownify's setext heading: the text as the converter keeps it (the
/// page source's line breaks in it), underlined to its full length.
fn setext(heading: &str) -> String {
    format!("{heading}\n{}", "-".repeat(heading.chars().count()))
}

#[test]
fn a_numbered_list_article_converted_with_its_source_line_breaks_keeps_every_item() {
    let intro = [
        "Every kitchen needs a kettle, and after a month of boiling water in twelve of them we \
         have a clear idea of which ones are worth the counter space.",
        "We timed each one, measured how loud it was and checked how hot the handle got after \
         ten boils in a row, and these five came out on top.",
    ];
    let items = [
        (
            "5",
            "The Budget Pick",
            "Brewmaster",
            "It is slow to boil a full litre, but it costs less than a \
          takeaway and has lasted through a year of daily use in our test kitchen.",
        ),
        (
            "4",
            "The Quiet One",
            "Stillwater",
            "Nobody in the office noticed when it came to the boil, which is \
          the best thing we can say about a kettle that sits beside a desk all day.",
        ),
        (
            "3",
            "The Fast One",
            "Quickheat",
            "A full litre boiled in under three minutes, the quickest of the \
          test, though the lid needs a firm press to stay shut.",
        ),
        (
            "2",
            "The Good Looker",
            "Oak and Iron",
            "Brushed steel and a wooden handle make it the one visitors \
          asked about, and the handle stayed cool through every boil.",
        ),
        (
            "1",
            "The One to Buy",
            "Hearth Goods",
            "It boils fast, it is quiet, it pours without dribbling, and \
          the filter lifts out for cleaning; nothing else in the test did all four.",
        ),
    ];
    // A paragraph broken where the page source broke its lines.
    let broken = |p: &str| p.replacen(", ", ",\n", 2);
    let mut page = String::from(
        "* [Home](https://kitchen.example/)\n* [Reviews](https://kitchen.example/reviews)\n\
         * [Deals](https://kitchen.example/deals)\n\n\
         The Five Best Kettles\n=====================\n\n",
    );
    for p in intro {
        page.push_str(&format!("{}\n\n", broken(p)));
    }
    for (n, name, maker, text) in items {
        // The item's number and name are two spans of its heading, a line
        // break between them in the source.
        page.push_str(&format!(
            "{}\n\n![{name}](https://kitchen.example/{n}.jpg)\n{maker}\n\n{}\n\n",
            setext(&format!("{n} \n\n{name}")),
            broken(text)
        ));
    }
    page.push_str("Sign up for our newsletter\n\n[Privacy](https://kitchen.example/privacy)\n");
    let doc = TextCleaner::new().clean(&page);
    let kept = paragraphs(&doc.text);
    let mut at = 0;
    for p in intro.iter().chain(items.iter().map(|(_, _, _, text)| text)) {
        let found = kept[at..].iter().position(|k| k == p);
        assert!(found.is_some(), "{p:?} not kept after paragraph {at} in {kept:#?}");
        at += found.unwrap_or_default() + 1;
    }
    assert!(kept.contains(&"1 The One to Buy"), "{kept:#?}");
    assert!(!doc.text.contains("newsletter"), "{}", doc.text);
}

#[test]
fn a_reader_service_page_gives_its_header_as_metadata_and_the_story_without_menus() {
    let page = "\
Title: Rivers rise to record levels | Northern Ledger

URL Source: https://ledger.example/2024/03/rivers-rise

Published Time: 2024-03-10T08:15:00Z

Markdown Content:
[Skip to content](https://ledger.example/2024/03/rivers-rise#main)

*   [Home](https://ledger.example/)
*   [World](https://ledger.example/world)
*   [Sport](https://ledger.example/sport)

Rivers rise to record levels
============================

Rivers across the north rose to record levels on Sunday after a week of heavy rain, officials said.

The regional council opened four shelters and asked drivers to keep off minor roads until Monday.

\"We have never seen the river this high,\" said Tom Reed, a farmer near Millbrook.

Share this article: [Facebook](https://facebook.example/share) [X](https://x.example/share)

Sign up for our newsletter";
    let doc = TextCleaner::new().clean(page);
    assert_eq!(
        paragraphs(&doc.text),
        [
            "Rivers across the north rose to record levels on Sunday after a week of heavy rain, officials said.",
            "The regional council opened four shelters and asked drivers to keep off minor roads until Monday.",
            "\"We have never seen the river this high,\" said Tom Reed, a farmer near Millbrook.",
        ]
    );
    assert_eq!(doc.meta.title.as_deref(), Some("Rivers rise to record levels"));
    assert_eq!(doc.meta.url.as_deref(), Some("https://ledger.example/2024/03/rivers-rise"));
    assert_eq!(doc.meta.published.as_deref(), Some("2024-03-10T08:15:00Z"));
}

#[test]
fn markdown_with_front_matter_gives_its_fields_as_metadata_and_none_in_the_story() {
    let page = "\
---
title: Rivers rise to record levels
author: Jane Doe
url: https://ledger.example/2024/03/rivers-rise
hostname: ledger.example
description: Rivers across the north rose to record levels on Sunday.
sitename: Northern Ledger
date: 2024-03-10
categories: ['Weather']
tags: ['floods', 'rain']
---
Rivers across the north rose to record levels on Sunday after a week of heavy rain, officials said.

The regional council opened four shelters and asked drivers to keep off minor roads until Monday.";
    let doc = TextCleaner::new().clean(page);
    assert_eq!(
        paragraphs(&doc.text),
        [
            "Rivers across the north rose to record levels on Sunday after a week of heavy rain, officials said.",
            "The regional council opened four shelters and asked drivers to keep off minor roads until Monday.",
        ]
    );
    assert_eq!(doc.meta.title.as_deref(), Some("Rivers rise to record levels"));
    assert_eq!(doc.meta.authors, ["Jane Doe"]);
    assert_eq!(doc.meta.published.as_deref(), Some("2024-03-10"));
    assert_eq!(doc.meta.site_name.as_deref(), Some("Northern Ledger"));
    assert_eq!(
        doc.meta.description.as_deref(),
        Some("Rivers across the north rose to record levels on Sunday.")
    );
}

#[test]
fn a_whole_page_on_one_line_is_kept_with_its_furniture() {
    // A converter that flattens a layout table, or a data set that keeps
    // each page as one line: nothing tells the story from the menus in it,
    // and dropping the line would drop the story.
    let story =
        "Rivers across the north rose to record levels on Sunday after a week of heavy rain, officials \
                 said, and hundreds of homes were evacuated overnight in three towns. "
            .repeat(12);
    let page = format!(
        "Northern Ledger\nHome | World | Sport Share on Facebook Sign up for our newsletter {story}\
         Related stories Comments Privacy Policy"
    );
    let doc = TextCleaner::new().clean(&page);
    assert!(doc.text.contains(story.trim()), "{:?}", doc.text);
}
