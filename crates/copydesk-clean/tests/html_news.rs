//! Small news pages written for these tests: the story comes out whole, the
//! furniture around and inside it does not, and the metadata is read.

use std::sync::LazyLock;

use copydesk_clean::Cleaner;

static CLEANER: LazyLock<Cleaner> = LazyLock::new(Cleaner::new);

const BRIDGE_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens after repairs - The Lakeside Courier</title>
<meta property="og:site_name" content="The Lakeside Courier">
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta name="description" content="The bridge was closed for eight months.">
<link rel="canonical" href="https://courier.example/news/harbour-bridge-reopens">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour bridge reopens after repairs",
 "datePublished":"2023-11-02T07:15:00-04:00","dateModified":"2023-11-02T09:40:00-04:00",
 "author":{"@type":"Person","name":"Maria Okafor"},
 "publisher":{"@type":"Organization","name":"The Lakeside Courier"}}
</script>
</head>
<body>
<div id="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our policy.</p></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article class="story">
  <h1>Harbour bridge reopens after repairs</h1>
  <div class="byline">By <a href="/staff/maria">Maria Okafor</a></div>
  <time datetime="2023-11-02T07:15:00-04:00">November 2, 2023</time>
  <div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
  <figure><img src="bridge.jpg" alt=""><figcaption>The bridge at dawn. Photo: J. Smith</figcaption></figure>
  <div class="article-body">
    <p>The Harbour Street bridge reopened to traffic on Wednesday after eight months of repairs that cost $14.2 million, city officials said.</p>
    <p>About 22,000 vehicles crossed the bridge each day before it closed in March, when inspectors found corroded steel in two of its supports.</p>
    <blockquote><p>"We asked a lot of drivers this year, and they were patient with us," said Deputy Mayor Tom Reyes.</p></blockquote>
    <h2>Work ahead</h2>
    <p>Crews will return in the spring to repaint the railings, a job expected to close one lane for about three weeks.</p>
    <div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and get the day's top stories in your inbox.</p></div>
    <ul>
      <li>Repairs began in March and ended two weeks ahead of schedule.</li>
      <li>The state paid for 60% of the work.</li>
    </ul>
    <p>The city will hold a public meeting on the spring work on Nov. 14.</p>
  </div>
  <div class="related-articles"><h3>Related</h3><ul>
    <li><a href="/a">Council approves road budget for next year</a></li>
    <li><a href="/b">Ferry schedule changes for the winter season</a></li>
  </ul></div>
</article>
<section id="comments"><h3>3 comments</h3><p>I drive over that bridge every single day and it was about time they fixed it, honestly.</p></section>
</main>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/c">Storm knocks out power to thousands across the county</a></li></ol></aside>
<footer><p>© 2023 The Lakeside Courier. All rights reserved.</p></footer>
</body>
</html>"##;

#[test]
fn story_paragraphs_quote_heading_and_list_are_kept() {
    let doc = CLEANER.clean(BRIDGE_PAGE.as_bytes()).unwrap();
    let text = &doc.text;
    assert!(text.starts_with("The Harbour Street bridge reopened"), "{text}");
    for kept in [
        "About 22,000 vehicles crossed",
        "\"We asked a lot of drivers this year, and they were patient with us,\" said Deputy Mayor Tom Reyes.",
        "Work ahead",
        "The state paid for 60% of the work.",
    ] {
        assert!(text.contains(kept), "missing {kept:?} in {text}");
    }
    assert!(text.ends_with("The city will hold a public meeting on the spring work on Nov. 14."), "{text}");
}

#[test]
fn furniture_around_and_inside_the_story_is_dropped() {
    let doc = CLEANER.clean(BRIDGE_PAGE.as_bytes()).unwrap();
    for dropped in [
        "We use cookies",
        "Home",
        "Facebook",
        "Photo: J. Smith",
        "Sign up for our newsletter",
        "Council approves road budget",
        "I drive over that bridge",
        "Storm knocks out power",
        "All rights reserved",
    ] {
        assert!(!doc.text.contains(dropped), "kept {dropped:?} in {}", doc.text);
    }
}

#[test]
fn headline_byline_and_dateline_stay_out_of_the_body() {
    let doc = CLEANER.clean(BRIDGE_PAGE.as_bytes()).unwrap();
    assert!(!doc.text.contains("Harbour bridge reopens after repairs"), "{}", doc.text);
    assert!(!doc.text.contains("Maria Okafor"), "{}", doc.text);
    assert!(!doc.text.contains("November 2, 2023"), "{}", doc.text);
}

#[test]
fn paragraphs_are_separated_by_blank_lines() {
    let doc = CLEANER.clean(BRIDGE_PAGE.as_bytes()).unwrap();
    assert!(doc.text.contains("said.\n\nAbout 22,000"), "{}", doc.text);
}

#[test]
fn metadata_comes_from_json_ld_and_meta_tags() {
    let meta = CLEANER.clean(BRIDGE_PAGE.as_bytes()).unwrap().meta;
    assert_eq!(meta.title.as_deref(), Some("Harbour bridge reopens after repairs"));
    assert_eq!(meta.authors, vec!["Maria Okafor"]);
    assert_eq!(meta.published.as_deref(), Some("2023-11-02T07:15:00-04:00"));
    assert_eq!(meta.modified.as_deref(), Some("2023-11-02T09:40:00-04:00"));
    assert_eq!(meta.site_name.as_deref(), Some("The Lakeside Courier"));
    assert_eq!(meta.url.as_deref(), Some("https://courier.example/news/harbour-bridge-reopens"));
    assert_eq!(meta.description.as_deref(), Some("The bridge was closed for eight months."));
    assert_eq!(meta.lang.as_deref(), Some("en"));
}

const UNDATED_PAGE: &str = r#"<html><head><title>How tides work | Ocean Facts</title></head><body>
<div id="menu"><a href="/">Home</a> | <a href="/about">About</a></div>
<div id="content"><h1>How tides work</h1>
<p>Tides are the regular rise and fall of the sea, caused mostly by the pull of the Moon on the oceans.</p>
<p>Most coasts see two high tides and two low tides each day, about twelve hours and twenty-five minutes apart.</p>
</div><div id="footer">Contact us at the address above. Copyright Ocean Facts.</div></body></html>"#;

#[test]
fn undated_page_gets_no_date_and_title_loses_site_suffix() {
    let doc = CLEANER.clean(UNDATED_PAGE.as_bytes()).unwrap();
    assert_eq!(doc.meta.published, None);
    assert_eq!(doc.meta.modified, None);
    assert_eq!(doc.meta.title.as_deref(), Some("How tides work"));
    assert!(doc.text.starts_with("Tides are the regular rise"), "{}", doc.text);
    assert!(!doc.text.contains("Contact us"), "{}", doc.text);
}

#[test]
fn language_is_detected_when_the_page_declares_none() {
    let page = "<html><body><article><p>Der Stadtrat hat am Dienstag den Haushalt beschlossen, der mehr Geld für Schulen vorsieht.</p>\
                <p>Die Opposition kritisierte die Entscheidung und forderte eine neue Abstimmung im Frühjahr.</p></article></body></html>";
    assert_eq!(CLEANER.clean(page.as_bytes()).unwrap().meta.lang.as_deref(), Some("de"));
}

#[test]
fn table_rows_become_paragraphs() {
    let page = "<html><body><article><p>The results of the vote, district by district, were as follows in the final count.</p>\
                <table><tr><th>District</th><th>Yes</th></tr><tr><td>North</td><td>4,210</td></tr></table></article></body></html>";
    let doc = CLEANER.clean(page.as_bytes()).unwrap();
    assert!(doc.text.contains("\n\nDistrict | Yes\n\nNorth | 4,210"), "{}", doc.text);
}

const STANDFIRST_PAGE: &str = r#"<html><body><article>
<header class="article-header"><h1>Library opens on Sundays</h1>
<p class="article-lead">The central library will open seven days a week from March, the council said on Monday.</p>
<div class="byline">By Ann Lee</div></header>
<div class="article-body">
<p>The library has been closed on Sundays since 2011, when its budget was cut by a fifth during the downturn.</p>
<p>Sunday hours will run from noon to five, staffed by four librarians hired with money from the parks fund.</p>
</div>
<aside class="related"><p class="summary">A related story about the museum, whose summary reads like a lead paragraph.</p></aside>
</article></body></html>"#;

#[test]
fn standfirst_in_the_header_opens_the_story() {
    let doc = CLEANER.clean(STANDFIRST_PAGE.as_bytes()).unwrap();
    assert!(doc.text.starts_with("The central library will open seven days"), "{}", doc.text);
    assert!(doc.text.contains("said on Monday.\n\nThe library has been closed"), "{}", doc.text);
    assert!(!doc.text.contains("Library opens on Sundays"), "{}", doc.text);
    assert!(!doc.text.contains("museum"), "{}", doc.text);
}

#[test]
fn text_set_in_headings_is_kept_at_the_end_of_the_story() {
    let page = "<html><body><article><p>A note from the sailing club.</p><blockquote>\
                <h2>The poster contest for children</h2>\
                <h3>is held for the sixth time this year. Children between six and twelve are invited to send their ideas.</h3>\
                <h4>Draw a poster under the motto: keep our waters clean! Think about what the lake means to you and send your message by April 3 to the club's office.</h4>\
                </blockquote></article></body></html>";
    let doc = CLEANER.clean(page.as_bytes()).unwrap();
    assert!(doc.text.contains("The poster contest for children"), "{}", doc.text);
    assert!(doc.text.ends_with("to the club's office."), "{}", doc.text);
}

#[test]
fn short_paragraphs_beside_a_long_one_are_kept_despite_link_lists() {
    let tags: String = (0..16).map(|i| format!("<a href=\"/tag/{i}\">Tag number {i} here</a> ")).collect();
    let page = format!(
        "<html><body><div class=\"post\">\
         <p>The evening sky over the harbour turned orange and then deep red as the sun went down behind the \
         cranes, and the ferry crossed slowly towards the old town while a few gulls followed it, calling over \
         the noise of the engines and the wind that came up from the sea.</p>\
         <p>The city stands black against the sky, and the cranes look like giant birds.</p>\
         <p>With a longer exposure and a lower ISO setting, it got better.</p>\
         <div class=\"tags\">{tags}</div></div></body></html>"
    );
    let doc = CLEANER.clean(page.as_bytes()).unwrap();
    assert!(doc.text.contains("The evening sky"), "{}", doc.text);
    assert!(doc.text.contains("The city stands black against the sky"), "{}", doc.text);
    assert!(doc.text.contains("it got better"), "{}", doc.text);
    assert!(!doc.text.contains("Tag number"), "{}", doc.text);
}
