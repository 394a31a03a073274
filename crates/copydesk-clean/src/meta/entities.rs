//! Character references left in metadata: JSON-LD is script text, so its
//! strings are not unescaped by the parser, and some pages escape `<meta>`
//! content twice. Named references come from `data/entities.txt`.

use crate::table;

/// The longest reference name decoded.
const MAX_NAME: usize = 10;

/// Named character references, sorted for binary search.
pub(crate) struct Entities {
    sorted: Vec<(&'static str, &'static str)>,
}

impl Entities {
    /// Loads the table.
    pub(crate) fn new() -> Entities {
        let mut sorted: Vec<_> = table::rows(include_str!("../../data/entities.txt"))
            .filter(|r| r.len() == 2)
            .map(|r| (r[0], r[1]))
            .collect();
        sorted.sort_unstable();
        Entities { sorted }
    }

    /// `text` with `&name;`, `&#NNN;` and `&#xHH;` references decoded and
    /// whitespace collapsed; unknown references are left as they are.
    pub(crate) fn decode(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find('&') {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            let end = rest.as_bytes().iter().take(MAX_NAME + 3).position(|&b| b == b';');
            let decoded = end.and_then(|end| self.reference(&rest[1..end]).map(|c| (c, end)));
            match decoded {
                Some((c, end)) => {
                    out.push_str(&c);
                    rest = &rest[end + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The text of one reference (without `&` and `;`).
    fn reference(&self, name: &str) -> Option<String> {
        if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace()).map(String::from);
        }
        self.sorted.binary_search_by_key(&name, |(n, _)| n).ok().map(|i| self.sorted[i].1.to_string())
    }
}

/// `text` with UTF-8 that was read as Latin-1 put back ("Investorâ\u{80}\u{99}s"
/// → "Investor’s"): when every character fits in a byte and those bytes are
/// UTF-8 with a character of several bytes, they were that character.
pub(crate) fn unmangle(text: String) -> String {
    if text.is_ascii() || text.chars().any(|c| u32::from(c) > 0xff) {
        return text;
    }
    let bytes: Vec<u8> = text.chars().map(|c| u32::from(c) as u8).collect();
    match String::from_utf8(bytes) {
        Ok(fixed) if !fixed.is_ascii() => fixed,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_read_as_latin1_is_put_back() {
        assert_eq!(unmangle("Investor\u{e2}\u{80}\u{99}s guide".to_string()), "Investor\u{2019}s guide");
        assert_eq!(unmangle("Caf\u{e9} society".to_string()), "Caf\u{e9} society");
        assert_eq!(unmangle("Caf\u{e9} \u{2014} society".to_string()), "Caf\u{e9} \u{2014} society");
    }

    #[test]
    fn numeric_and_named_references_are_decoded() {
        let e = Entities::new();
        assert_eq!(e.decode("Budget &#8211; what&#x2019;s next &amp; why"), "Budget – what’s next & why");
        assert_eq!(e.decode("Tips &bull; Site"), "Tips • Site");
    }

    #[test]
    fn stray_ampersands_are_kept() {
        let e = Entities::new();
        assert_eq!(e.decode("Q&A: rock & roll &unknown; &#xZZ;"), "Q&A: rock & roll &unknown; &#xZZ;");
    }
}
