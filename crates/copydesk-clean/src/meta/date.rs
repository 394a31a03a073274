//! Dates as pages write them, to ISO 8601. Only stated dates are read; nothing
//! is guessed from the URL or the text around.

use std::borrow::Cow;

use crate::text_util::DateWords;

/// Years outside this range are not publication dates.
const YEARS: std::ops::RangeInclusive<u32> = 1990..=2100;
/// A date holds at least this many figures: a year's four and a day's.
pub(crate) const DATE_DIGITS: usize = 5;

/// How a date was written: whether its day and month may be read the
/// other way round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// Year first, or the month named: one reading.
    Fixed,
    /// Numeric, the day first: the first number is over 12 ("25/12/2023").
    DayFirst,
    /// Numeric, the month first: the second number is over 12 ("06.18.2025").
    MonthFirst,
    /// Numeric, both numbers 12 or under and unequal ("03/10/2023"): read by
    /// its separator's convention (a dot's day first, others' month first),
    /// day first or not as it says.
    Either {
        /// Whether it was read day first.
        day_first: bool,
    },
}

/// `day` (`YYYY-MM-DD`), a numeric date that reads both ways, read day
/// first or not as `day_first` says, as the page's other dates read it:
/// the other way when `lines` write that reading out (a list of posts'
/// "December 02, 2025" for "02-12-2025") and never this one, or when the
/// numeric dates among them that read one way only all put the day where
/// the other reading does ("11.24.2025" by "09.10.2024"). As it is when
/// nothing on the page says.
pub(crate) fn as_page_reads<'a>(
    day: &str,
    day_first: bool,
    lines: impl Iterator<Item = &'a str>,
    words: &DateWords,
) -> String {
    let Some(other) = swapped(day) else { return day.to_string() };
    let (mut this_said, mut other_said) = (false, false);
    let (mut days_first, mut months_first) = (false, false);
    for line in lines {
        match find_form_in_text(line, words) {
            Some((d, Form::Fixed)) => {
                this_said |= d == day;
                other_said |= d == other;
            }
            Some((_, Form::DayFirst)) => days_first = true,
            Some((_, Form::MonthFirst)) => months_first = true,
            _ => {}
        }
    }
    let other_order = if day_first { months_first && !days_first } else { days_first && !months_first };
    if !this_said && (other_said || other_order) { other } else { day.to_string() }
}

/// `value` as ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with the
/// offset as written when the value has a time. `None` when it is not a date.
pub(crate) fn to_iso(value: &str, words: &DateWords) -> Option<String> {
    let value = value.trim();
    let numeric = |v: &str| numeric(v, &words.separators).map(|(d, _)| d);
    iso_like(value)
        .or_else(|| numeric(value))
        .or_else(|| written(value, words))
        // A numeric date after a weekday: "Thu, 09/25/2025 - 11:38".
        .or_else(|| value.split([' ', ',']).filter(|t| t.len() >= 8).find_map(numeric))
}

/// The first date written in a short line of text ("Published: March 5,
/// 2024 at 10:02", "By Jane Doe | 05.03.2024"), as `YYYY-MM-DD`.
pub(crate) fn find_in_text(text: &str, words: &DateWords) -> Option<String> {
    find_form_in_text(text, words).map(|(date, _)| date)
}

/// [`find_in_text`], with how the date was written.
pub(crate) fn find_form_in_text(text: &str, words: &DateWords) -> Option<(String, Form)> {
    // A date holds a year's four figures and a day's: most lines (menus,
    // labels) end here, unread.
    if text.bytes().filter(u8::is_ascii_digit).count() < DATE_DIGITS {
        return None;
    }
    let seps = &words.separators;
    // Most lines hold no separator set off by spaces: their words are read
    // as they are, unjoined.
    let found = if text.split_whitespace().any(|w| is_lone_separator(w, seps)) {
        first_numeric(numeric_tokens(text, seps).iter().map(|t| t.as_ref()), seps)
    } else {
        first_numeric(text.split_whitespace(), seps)
    };
    found
        .map(|(d, form)| (d.get(..10).unwrap_or(&d).to_string(), form))
        .or_else(|| written(text, words).map(|d| (d, Form::Fixed)))
}

/// The first numeric date among `tokens`, with how it was written.
fn first_numeric<'t>(tokens: impl Iterator<Item = &'t str>, seps: &[char]) -> Option<(String, Form)> {
    tokens
        .map(|t| t.trim_matches(|c: char| !c.is_ascii_digit()))
        .filter(|t| t.len() >= 6)
        .find_map(|t| iso_like(t).map(|d| (d, Form::Fixed)).or_else(|| numeric(t, seps)))
}

/// True when `word` is one of `separators` alone.
fn is_lone_separator(word: &str, separators: &[char]) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| separators.contains(&c)) && chars.next().is_none()
}

/// The words of `text`, with a numeric date's fields set apart by spaced
/// separators closed up into one ("2021 – 01 – 18", "12/19 — 2025").
fn numeric_tokens<'t>(text: &'t str, separators: &[char]) -> Vec<Cow<'t, str>> {
    let mut tokens: Vec<Cow<'t, str>> = Vec::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        match tokens.last_mut() {
            // The separator between two numbers joins them, up to a date's
            // three fields: "23.07.2025 · 6 min read" stays apart.
            Some(last)
                if is_lone_separator(word, separators)
                    && last.ends_with(|c: char| c.is_ascii_digit())
                    && words.peek().is_some_and(|n| {
                        n.starts_with(|c: char| c.is_ascii_digit())
                            && last.split(separators).count() + n.split(separators).count() <= 3
                    }) =>
            {
                let next = words.next().unwrap_or_default();
                last.to_mut().push_str(word);
                last.to_mut().push_str(next);
            }
            _ => tokens.push(Cow::Borrowed(word)),
        }
    }
    tokens
}

/// A machine-readable date (`<time datetime>` as HTML defines it: ISO
/// 8601), as ISO 8601; `None` for any other form.
pub(crate) fn machine_readable(value: &str) -> Option<String> {
    iso_like(value.trim())
}

/// `2024-03-05`, `2024-03-05T10:00:00+01:00`, `2024/03/05 10:00`, `20240305`.
/// Fields are taken with `get`: a character of several bytes where a digit
/// belongs makes no date, rather than a cut through the character.
fn iso_like(v: &str) -> Option<String> {
    let b = v.as_bytes();
    let (date, rest) = if b.len() >= 10 && matches!(b[4], b'-' | b'/' | b'.') && b[7] == b[4] {
        (ymd(num(v.get(0..4)?)?, num(v.get(5..7)?)?, num(v.get(8..10)?)?)?, &v[10..])
    } else if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && b.get(8).is_none_or(|c| !c.is_ascii_digit())
    {
        (ymd(num(&v[0..4])?, num(&v[4..6])?, num(&v[6..8])?)?, &v[8..])
    } else {
        return None;
    };
    Some(match time(rest) {
        Some(t) => format!("{date}T{t}"),
        None => date,
    })
}

/// The time part after an ISO date: `T10:00`, ` 10:00:00.000Z`, `T10:00:00+0100`.
fn time(rest: &str) -> Option<String> {
    let rest = rest.strip_prefix(['T', ' '])?;
    let b = rest.as_bytes();
    if b.len() < 5 || b[2] != b':' {
        return None;
    }
    let (h, m) = (num(rest.get(0..2)?)?, num(rest.get(3..5)?)?);
    let mut s = 0;
    let mut tail = &rest[5..];
    if tail.starts_with(':') && tail.len() >= 3 {
        s = num(tail.get(1..3)?)?;
        tail = &tail[3..];
    }
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    // Fractions of a second are dropped; the offset is kept.
    let tail = tail.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit()).trim();
    let offset = match tail.as_bytes() {
        [] => String::new(),
        [b'Z' | b'z', ..] => "Z".to_string(),
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let digits: String = rest.iter().filter(|c| c.is_ascii_digit()).map(|&c| c as char).collect();
            if digits.len() != 4 {
                return Some(format!("{h:02}:{m:02}:{s:02}"));
            }
            format!("{}{}:{}", *sign as char, &digits[..2], &digits[2..])
        }
        _ => String::new(),
    };
    Some(format!("{h:02}:{m:02}:{s:02}{offset}"))
}

/// `05.03.2024`, `5/3/2024`, `06.18.2025`: the day first when the first
/// number cannot be a month, the month first when the second cannot, and
/// otherwise as the separator has it: a dot's day first, others' month
/// first, as US pages write.
fn numeric(v: &str, separators: &[char]) -> Option<(String, Form)> {
    let head = v.split([' ', 'T', ',']).next()?;
    let parts: Vec<&str> = head.split(separators).collect();
    let [a, b, y] = parts[..] else { return None };
    let (a, b, y) = (num(a)?, num(b)?, num(y)?);
    if a >= 1000 {
        return Some((ymd(a, b, y)?, Form::Fixed));
    }
    if y < 1000 {
        return None;
    }
    let form = match (a > 12, b > 12) {
        (true, _) => Form::DayFirst,
        (_, true) => Form::MonthFirst,
        _ if a == b => Form::Fixed,
        _ => Form::Either { day_first: head.contains('.') },
    };
    let day_first = match form {
        Form::DayFirst => true,
        Form::Either { day_first } => day_first,
        Form::MonthFirst | Form::Fixed => false,
    };
    Some((if day_first { ymd(y, b, a) } else { ymd(y, a, b) }?, form))
}

/// `March 5, 2024`, `5 March 2024`, `Tue, 05 Mar 2024 10:00:00 GMT`,
/// `5. März 2024`: a month name with the day next to it and the year right
/// after.
fn written(v: &str, words: &DateWords) -> Option<String> {
    let tokens: Vec<&str> = v.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).collect();
    let day = |t: &str| {
        t.parse::<u32>().ok().filter(|d| t.len() <= 2 && (1..=31).contains(d)).or_else(|| ordinal(t))
    };
    let year = |t: &str| t.parse::<u32>().ok().filter(|y| t.len() == 4 && YEARS.contains(y));
    for (i, token) in tokens.iter().enumerate() {
        let Some(month @ 1..=12) = words.lookup(&token.to_lowercase()) else { continue };
        let month = u32::from(month);
        // Month first: "March 5, 2024".
        if let (Some(d), Some(y)) =
            (tokens.get(i + 1).and_then(|t| day(t)), tokens.get(i + 2).and_then(|t| year(t)))
        {
            return ymd(y, month, d);
        }
        // Day first: "5 March 2024".
        if let (Some(d), Some(y)) =
            (i.checked_sub(1).and_then(|j| day(tokens[j])), tokens.get(i + 1).and_then(|t| year(t)))
        {
            return ymd(y, month, d);
        }
    }
    None
}

/// `5th` → 5.
fn ordinal(token: &str) -> Option<u32> {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = token[digits..].to_ascii_lowercase();
    if digits == 0 || !matches!(&suffix[..], "st" | "nd" | "rd" | "th") {
        return None;
    }
    token[..digits].parse().ok().filter(|d| (1..=31).contains(d))
}

fn num(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// The date a URL's path files the page under: `/2025/12/18/`,
/// `/2025-12-18-title`, `/2023/october/03/`, as `YYYY-MM-DD`.
pub(crate) fn in_url(url: &str, words: &DateWords) -> Option<String> {
    let path = url.split("://").nth(1).map_or(url, |rest| rest.find('/').map_or("", |at| &rest[at..]));
    let path = path.split(['?', '#']).next().unwrap_or_default();
    numeric_in_path(path).or_else(|| named_month_in_path(path, words))
}

/// `/2025/12/18/` or `/2025-12-18-title` in a URL's path.
fn numeric_in_path(path: &str) -> Option<String> {
    let b = path.as_bytes();
    (0..b.len().saturating_sub(10)).find_map(|at| {
        let digits = |r: std::ops::Range<usize>| r.clone().all(|k| b[at + k].is_ascii_digit());
        let sep = b[at + 5];
        (b[at] == b'/'
            && digits(1..5)
            && matches!(sep, b'/' | b'-')
            && digits(6..8)
            && b[at + 8] == sep
            && b.get(at + 11).is_none_or(|c| !c.is_ascii_digit())
            && digits(9..11))
        .then(|| ymd(num(&path[at + 1..at + 5])?, num(&path[at + 6..at + 8])?, num(&path[at + 9..at + 11])?))
        .flatten()
    })
}

/// Three segments of a URL's path that are a year, a month's name and a
/// day: `/2023/october/03/`.
fn named_month_in_path(path: &str, words: &DateWords) -> Option<String> {
    let segments: Vec<&str> = path.split('/').collect();
    segments.windows(3).find_map(|w| {
        let year = num(w[0]).filter(|_| w[0].len() == 4)?;
        let month = words.lookup(&w[1].to_lowercase()).filter(|m| (1..=12).contains(m))?;
        let day = num(w[2]).filter(|_| w[2].len() <= 2)?;
        ymd(year, u32::from(month), day)
    })
}

/// Days from 1970-01-01 to the date that opens `iso` (`YYYY-MM-DD...`).
fn day_number(iso: &str) -> Option<i64> {
    let (y, m, d) = (num(iso.get(0..4)?)? as i64, num(iso.get(5..7)?)? as i64, num(iso.get(8..10)?)? as i64);
    // Days from civil (H. Hinnant): years start in March.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Offsets of the world's time zones from UTC, in minutes: UTC-12 to UTC+14.
const ZONES: std::ops::RangeInclusive<i64> = -12 * 60..=14 * 60;

/// True when `day` (`YYYY-MM-DD`) is the date, in some time zone, of the
/// instant `stamp` (an ISO datetime as [`to_iso`] writes it) and a day off
/// its own: a timestamp in the markup, the local date on the page. A stamp
/// without a time names no instant.
pub(crate) fn same_instant_elsewhere(stamp: &str, day: &str) -> bool {
    let (Some(own), Some(shown)) = (day_number(stamp), day_number(day)) else { return false };
    let Some(time) = stamp.get(11..) else { return false };
    let (Some(h), Some(m)) = (time.get(0..2).and_then(num), time.get(3..5).and_then(num)) else {
        return false;
    };
    let offset = match time.get(8..).map(|o| o.as_bytes()) {
        Some([sign @ (b'+' | b'-'), ..]) => {
            let (oh, om) =
                (time.get(9..11).and_then(num).unwrap_or(0), time.get(12..14).and_then(num).unwrap_or(0));
            let minutes = i64::from(oh * 60 + om);
            if *sign == b'-' { -minutes } else { minutes }
        }
        _ => 0,
    };
    let utc = own * 1440 + i64::from(h * 60 + m) - offset;
    (own - shown).abs() == 1
        && (utc + ZONES.start()).div_euclid(1440) <= shown
        && shown <= (utc + ZONES.end()).div_euclid(1440)
}

/// `day` (`YYYY-MM-DD`) with its month and day swapped, when that is a
/// date too: the other reading of a numeric date ("09.10.2024").
pub(crate) fn swapped(day: &str) -> Option<String> {
    ymd(num(day.get(0..4)?)?, num(day.get(8..10)?)?, num(day.get(5..7)?)?)
}

/// `YYYY-MM-DD` for a plausible date.
fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    let days = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (YEARS.contains(&y) && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(v: &str) -> Option<String> {
        to_iso(v, &DateWords::new())
    }

    #[test]
    fn iso_datetime_keeps_its_offset() {
        assert_eq!(iso("2024-03-05T10:00:00.000+0100").as_deref(), Some("2024-03-05T10:00:00+01:00"));
        assert_eq!(iso("2024-03-05T10:00Z").as_deref(), Some("2024-03-05T10:00:00Z"));
        assert_eq!(iso("2024-03-05").as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn written_dates_are_read() {
        assert_eq!(iso("March 5th, 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(iso("Tue, 05 Mar 2024 10:00:00 GMT").as_deref(), Some("2024-03-05"));
        assert_eq!(iso("5. März 2024").as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn numeric_dates_follow_their_separator() {
        assert_eq!(iso("05.03.2024").as_deref(), Some("2024-03-05"));
        assert_eq!(iso("3/5/2024").as_deref(), Some("2024-03-05"));
        assert_eq!(iso("25/12/2023").as_deref(), Some("2023-12-25"));
        assert_eq!(iso("2025/4/29").as_deref(), Some("2025-04-29"));
        assert_eq!(iso("Thu, 09/25/2025 - 11:38").as_deref(), Some("2025-09-25"));
    }

    #[test]
    fn a_number_over_12_tells_day_from_month_whatever_the_separator() {
        assert_eq!(iso("06.18.2025").as_deref(), Some("2025-06-18"));
        assert_eq!(iso("18.06.2025").as_deref(), Some("2025-06-18"));
        assert_eq!(iso("06/18/2025").as_deref(), Some("2025-06-18"));
        assert_eq!(iso("13.13.2025"), None);
    }

    #[test]
    fn bullets_and_spaced_dashes_part_a_numeric_date() {
        let w = DateWords::new();
        assert_eq!(iso("2025•01•08").as_deref(), Some("2025-01-08"));
        assert_eq!(find_in_text("Notes » 2021 – 01 – 18", &w).as_deref(), Some("2021-01-18"));
        assert_eq!(find_in_text("12/19 — 2025", &w).as_deref(), Some("2025-12-19"));
        assert_eq!(find_in_text("Won 3 - 1 - 2 on aggregate", &w), None);
        assert_eq!(find_in_text("Pages 12 – 19", &w), None);
        assert_eq!(find_in_text("23.07.2025 · 6 min read", &w).as_deref(), Some("2025-07-23"));
    }

    #[test]
    fn a_numeric_date_tells_whether_it_reads_both_ways() {
        let w = DateWords::new();
        let form = |t: &str| find_form_in_text(t, &w).map(|(_, f)| f);
        assert_eq!(form("03/10/2023"), Some(Form::Either { day_first: false }));
        assert_eq!(form("03.10.2023"), Some(Form::Either { day_first: true }));
        assert_eq!(form("25/12/2023"), Some(Form::DayFirst));
        assert_eq!(form("11.24.2025"), Some(Form::MonthFirst));
        assert_eq!(form("05.05.2024"), Some(Form::Fixed));
        assert_eq!(form("2024-03-10"), Some(Form::Fixed));
        assert_eq!(form("March 10, 2024"), Some(Form::Fixed));
    }

    #[test]
    fn a_date_that_reads_both_ways_reads_as_the_pages_other_dates() {
        let w = DateWords::new();
        let reads = |day: &str, day_first: bool, lines: &[&str]| {
            as_page_reads(day, day_first, lines.iter().copied(), &w)
        };
        // The other reading written out on the page.
        assert_eq!(reads("2025-02-12", false, &["Older post", "December 2, 2025"]), "2025-12-02");
        // This reading written out too: it stands.
        assert_eq!(reads("2025-02-12", false, &["December 2, 2025", "February 12, 2025"]), "2025-02-12");
        // Numeric dates that read one way only.
        assert_eq!(reads("2024-10-09", true, &["11.24.2025", "10.28.2025"]), "2024-09-10");
        assert_eq!(reads("2024-03-10", false, &["19/02/2025", "25/01/2022"]), "2024-10-03");
        // Nothing says, or the page's dates disagree: the convention's reading.
        assert_eq!(reads("2024-03-10", false, &["Home", "3 min read"]), "2024-03-10");
        assert_eq!(reads("2024-03-10", false, &["19/02/2025", "02/19/2025"]), "2024-03-10");
    }

    #[test]
    fn dates_are_found_in_bylines() {
        let w = DateWords::new();
        assert_eq!(
            find_in_text("By Jane Doe | Updated Oct 21, 2025, 4:05 pm", &w).as_deref(),
            Some("2025-10-21")
        );
        assert_eq!(find_in_text("Veröffentlicht: 17.05.2021", &w).as_deref(), Some("2021-05-17"));
        assert_eq!(find_in_text("By Jane Doe | 3 min read", &w), None);
        assert_eq!(
            find_in_text("by Taya Iv 16 min read Last updated: August 19, 2025", &w).as_deref(),
            Some("2025-08-19")
        );
    }

    #[test]
    fn multibyte_characters_where_digits_belong_are_not_dates() {
        assert_eq!(iso("2023-11-0\u{b7}7"), None);
        assert_eq!(iso("\u{e9}12-45-78"), None);
        assert_eq!(iso("2024-03-05T10:0\u{b7}").as_deref(), Some("2024-03-05"));
        assert_eq!(iso("2024-03-05T10:00:0\u{b7}").as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn a_timestamp_is_a_day_off_where_some_time_zone_puts_it() {
        assert!(same_instant_elsewhere("2025-07-05T00:04:00+00:00", "2025-07-04"));
        assert!(same_instant_elsewhere("2024-03-01T02:00:00Z", "2024-02-29"));
        assert!(same_instant_elsewhere("2024-12-31T20:00:00-05:00", "2025-01-01"));
        assert!(!same_instant_elsewhere("2025-12-19T22:02:58Z", "2025-12-18"));
        assert!(!same_instant_elsewhere("2025-11-13", "2025-11-12"));
        assert!(!same_instant_elsewhere("2025-07-05T10:00:00Z", "2025-07-05"));
        assert!(!same_instant_elsewhere("2025-07-05T10:00:00Z", "2025-07-07"));
    }

    #[test]
    fn numeric_dates_read_the_other_way() {
        assert_eq!(swapped("2024-10-09").as_deref(), Some("2024-09-10"));
        assert_eq!(swapped("2024-10-13"), None);
    }

    #[test]
    fn url_paths_file_pages_under_dates() {
        let in_url = |url: &str| in_url(url, &DateWords::new());
        assert_eq!(in_url("https://example.com/2025/12/18/a-story").as_deref(), Some("2025-12-18"));
        assert_eq!(in_url("https://example.com/notes/2025-12-15-rust").as_deref(), Some("2025-12-15"));
        assert_eq!(in_url("https://example.com/blog/2023/october/03/a-story").as_deref(), Some("2023-10-03"));
        assert_eq!(in_url("https://example.com/2025/12/a-story"), None);
        assert_eq!(in_url("https://example.com/2023/october/a-story"), None);
        assert_eq!(in_url("https://example.com/a?d=/2025/12/18/"), None);
        assert_eq!(in_url("https://example.com/id/2025/13/40/"), None);
    }

    #[test]
    fn nonsense_is_not_a_date() {
        assert_eq!(iso("2024-13-45"), None);
        assert_eq!(iso("yesterday"), None);
        assert_eq!(iso("1234567"), None);
    }
}
