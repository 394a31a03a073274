//! The learned line decision: the rules' measures of each line and of its
//! neighbours, weighed by a small ensemble of depth-limited regression
//! trees (gradient boosting on log-loss) fitted by `cargo xtask
//! train-text` on the rendered benchmark pages.
//!
//! The rules stay what they were (their class and their story are
//! features); the trees learn where they go wrong, mostly in the runs of
//! short lines around the story. A model file is plain text: a header
//! saying how it was made, the feature names (checked at load, so a model
//! for other features is refused), then the trees. None ships yet: see
//! `xtask/src/train_text.rs` for how the fitted ones score out of set.

use super::class::Class;
use super::line::{Ending, Line};

/// What is measured on each line alone.
const OWN: [&str; 39] = [
    "units",
    "bytes",
    "capitalized_share",
    "digit_share",
    "ends_stop",
    "ends_mark",
    "ends_colon",
    "ends_dash",
    "cue",
    "start_cue",
    "section",
    "thread",
    "contents",
    "repeated",
    "stamp",
    "caption",
    "bio",
    "leading_figure",
    "labelled",
    "numbered",
    "class_good",
    "class_near",
    "class_short",
    "class_repeat",
    "class_bad",
    "rule_keep",
    "title",
    "lines_before_story",
    "lines_after_story",
    "good_within_3",
    "units_share_before",
    "inside_story",
    "units_to_story",
    "good_within_10",
    "kept_within_3",
    "kept_within_10",
    "units_to_story_paragraph",
    "lines_after_title",
    "words_per_letter",
];

/// What is read again from each of the neighbours (furniture comes in
/// runs): two lines either side.
const NEAR: [&str; 6] = ["units", "class", "rule_keep", "prose", "cue", "repeated"];
/// The neighbours' offsets, in feature order.
const OFFSETS: [isize; 4] = [-2, -1, 1, 2];
/// Page-wide measures.
const PAGE: [&str; 2] = ["page_lines", "page_rule_kept_share"];

/// The number of features.
pub(super) const COUNT: usize = OWN.len() + NEAR.len() * OFFSETS.len() + PAGE.len();

/// The feature names, in order: `own.units`, `prev2.units`, ...,
/// `page.page_lines`.
pub(super) fn names() -> Vec<String> {
    let mut names: Vec<String> = OWN.iter().map(|n| format!("own.{n}")).collect();
    for offset in OFFSETS {
        let side = match offset {
            -2 => "prev2",
            -1 => "prev1",
            1 => "next1",
            _ => "next2",
        };
        names.extend(NEAR.iter().map(|n| format!("{side}.{n}")));
    }
    names.extend(PAGE.iter().map(|n| format!("page.{n}")));
    names
}

/// A page's lines as the rules saw them, from which each line's features
/// are read.
pub(super) struct Page<'a> {
    pub lines: &'a [Line],
    pub classes: &'a [Class],
    pub keep: &'a [bool],
    pub title: Option<usize>,
}

/// Per page: what every line's features share, computed once.
struct Context {
    /// The first and last line of the rules' story.
    first: usize,
    last: usize,
    page: [f32; 2],
    /// Prefix sums over the lines (one more than lines): units, paragraphs
    /// (`Good` lines), lines the rules keep.
    units: Vec<u32>,
    good: Vec<u32>,
    kept: Vec<u32>,
    /// Mean units of the story's paragraphs.
    paragraph_units: f32,
}

impl Page<'_> {
    fn context(&self) -> Context {
        let n = self.lines.len();
        let first = self.keep.iter().position(|&k| k).unwrap_or(n);
        let last = self.keep.iter().rposition(|&k| k).unwrap_or(0);
        let mut units = Vec::with_capacity(n + 1);
        let mut good = Vec::with_capacity(n + 1);
        let mut kept = Vec::with_capacity(n + 1);
        let (mut u, mut g, mut k) = (0, 0, 0);
        let (mut story_units, mut paragraphs) = (0, 0);
        for ((line, class), keep) in self.lines.iter().zip(self.classes).zip(self.keep) {
            units.push(u);
            good.push(g);
            kept.push(k);
            u += line.units;
            g += u32::from(*class == Class::Good);
            k += u32::from(*keep);
            if *keep && *class == Class::Good {
                story_units += line.units;
                paragraphs += 1;
            }
        }
        units.push(u);
        good.push(g);
        kept.push(k);
        Context {
            first,
            last,
            page: [n as f32, k as f32 / n.max(1) as f32],
            units,
            good,
            kept,
            paragraph_units: story_units as f32 / paragraphs.max(1) as f32,
        }
    }

    /// Writes line `i`'s features into `out` (of [`COUNT`] values).
    fn features(&self, cx: &Context, i: usize, out: &mut [f32; COUNT]) {
        let line = &self.lines[i];
        let class = self.classes[i];
        let flag = |b: bool| f32::from(u8::from(b));
        let units = line.units as f32;
        let n = self.lines.len();
        // Lines in `i - r ..= i + r` but `i` counted by a prefix sum.
        let within = |sums: &[u32], r: usize| {
            let own = sums[i + 1] - sums[i];
            (sums[(i + r + 1).min(n)] - sums[i.saturating_sub(r)] - own) as f32
        };
        // Units between the line and the rules' story.
        let units_to_story = if i < cx.first {
            cx.units[cx.first.min(n)] - cx.units[i + 1]
        } else if i > cx.last {
            cx.units[i] - cx.units[cx.last + 1]
        } else {
            0
        };
        let total_units = cx.units[n].max(1) as f32;
        let own = [
            units,
            (line.end - line.start) as f32,
            line.capitalized as f32 / units.max(1.0),
            line.digits as f32 / (line.digits + line.letters).max(1) as f32,
            flag(line.ending == Ending::Stop),
            flag(line.ending == Ending::Mark),
            flag(line.ending == Ending::Colon),
            flag(line.ending == Ending::Dash),
            f32::from(line.cue),
            flag(line.start_cue),
            flag(line.section),
            flag(line.thread),
            flag(line.contents),
            flag(line.repeated),
            flag(line.stamp),
            flag(line.caption),
            flag(line.bio),
            flag(line.leading_figure),
            flag(line.labelled),
            flag(line.numbered),
            flag(class == Class::Good),
            flag(class == Class::Near),
            flag(class == Class::Short),
            flag(class == Class::Repeat),
            flag(class == Class::Bad),
            flag(self.keep[i]),
            flag(self.title == Some(i)),
            cx.first.saturating_sub(i) as f32,
            i.saturating_sub(cx.last) as f32,
            within(&cx.good, 3),
            cx.units[i] as f32 / total_units,
            flag(cx.first <= i && i <= cx.last),
            units_to_story as f32,
            within(&cx.good, 10),
            within(&cx.kept, 3),
            within(&cx.kept, 10),
            units_to_story as f32 / cx.paragraph_units.max(1.0),
            self.title.map_or(-1.0, |t| i.saturating_sub(t) as f32),
            units / (line.letters.max(1) as f32),
        ];
        out[..OWN.len()].copy_from_slice(&own);
        let mut at = OWN.len();
        for offset in OFFSETS {
            let near = i.checked_add_signed(offset).filter(|&j| j < self.lines.len());
            let values = match near {
                Some(j) => {
                    let l = &self.lines[j];
                    [
                        l.units as f32,
                        class_code(self.classes[j]),
                        flag(self.keep[j]),
                        flag(l.is_prose()),
                        f32::from(l.cue),
                        flag(l.repeated),
                    ]
                }
                // No line there: the page's edge.
                None => [-1.0; NEAR.len()],
            };
            out[at..at + NEAR.len()].copy_from_slice(&values);
            at += NEAR.len();
        }
        out[at..].copy_from_slice(&cx.page);
    }

    /// Every line's features, in order.
    pub(super) fn all_features(&self) -> Vec<[f32; COUNT]> {
        let cx = self.context();
        let mut out = vec![[0.0; COUNT]; self.lines.len()];
        for (i, row) in out.iter_mut().enumerate() {
            self.features(&cx, i, row);
        }
        out
    }
}

/// A class as one number, in the order furniture grows likelier.
fn class_code(class: Class) -> f32 {
    match class {
        Class::Good => 0.0,
        Class::Near => 1.0,
        Class::Short => 2.0,
        Class::Repeat => 3.0,
        Class::Bad => 4.0,
    }
}

/// One node of a tree: a split, or a leaf when `feature` is [`LEAF`].
#[derive(Clone, Copy, Debug)]
struct Node {
    feature: u16,
    /// Go left when the feature is at most this.
    threshold: f32,
    left: u32,
    right: u32,
    /// A leaf's addition to the log-odds.
    value: f32,
}

const LEAF: u16 = u16::MAX;

/// The fitted trees.
#[derive(Clone, Debug)]
pub(super) struct LineModel {
    /// The log-odds every line starts from.
    base: f32,
    /// All trees' nodes; each tree's root is listed in `roots`.
    nodes: Vec<Node>,
    roots: Vec<u32>,
}

impl LineModel {
    /// Reads a model file: `#` comments, a `features` line naming
    /// [`names`] in order, a `base` line, then per tree a `tree` line and
    /// its nodes (`split FEATURE THRESHOLD LEFT RIGHT` or `leaf VALUE`,
    /// children numbered within the tree).
    pub(super) fn parse(text: &str) -> Result<LineModel, String> {
        let mut model = LineModel { base: 0.0, nodes: Vec::new(), roots: Vec::new() };
        let mut features_seen = false;
        let mut tree_start = 0u32;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |what: &str| format!("line model, line {}: {what}", n + 1);
            let mut words = line.split_ascii_whitespace();
            let num = |w: Option<&str>| -> Result<f32, String> {
                w.and_then(|w| w.parse().ok()).ok_or_else(|| err("expected a number"))
            };
            let child = |w: Option<&str>, start: u32| -> Result<u32, String> {
                w.and_then(|w| w.parse::<u32>().ok()).map(|c| c + start).ok_or_else(|| err("expected a node"))
            };
            match words.next() {
                Some("features") => {
                    let found: Vec<&str> = words.collect();
                    if found != names() {
                        return Err(err("the model was fitted to other features: retrain it"));
                    }
                    features_seen = true;
                }
                Some("base") => model.base = num(words.next())?,
                Some("tree") => {
                    tree_start = u32::try_from(model.nodes.len()).map_err(|_| err("too many nodes"))?;
                    model.roots.push(tree_start);
                }
                Some("split") if !model.roots.is_empty() => {
                    let feature = words
                        .next()
                        .and_then(|w| w.parse::<u16>().ok())
                        .filter(|&f| usize::from(f) < COUNT)
                        .ok_or_else(|| err("unknown feature"))?;
                    let threshold = num(words.next())?;
                    let left = child(words.next(), tree_start)?;
                    let right = child(words.next(), tree_start)?;
                    model.nodes.push(Node { feature, threshold, left, right, value: 0.0 });
                }
                Some("leaf") if !model.roots.is_empty() => {
                    let value = num(words.next())?;
                    model.nodes.push(Node { feature: LEAF, threshold: 0.0, left: 0, right: 0, value });
                }
                _ => return Err(err("expected features, base, tree, split or leaf")),
            }
        }
        if !features_seen {
            return Err("line model: no features line".to_string());
        }
        // Children point forward within the model: a walk always ends.
        for (i, node) in model.nodes.iter().enumerate() {
            let bad = |c: u32| c as usize <= i || c as usize >= model.nodes.len();
            if node.feature != LEAF && (bad(node.left) || bad(node.right)) {
                return Err(format!("line model: node {i} has a child out of order"));
            }
        }
        Ok(model)
    }

    /// The log-odds that a line with these features is story.
    fn score(&self, x: &[f32; COUNT]) -> f32 {
        let mut sum = self.base;
        for &root in &self.roots {
            let mut node = &self.nodes[root as usize];
            while node.feature != LEAF {
                let next =
                    if x[usize::from(node.feature)] <= node.threshold { node.left } else { node.right };
                node = &self.nodes[next as usize];
            }
            sum += node.value;
        }
        sum
    }

    /// Decides each line of `page`: story when the trees say it is more
    /// likely than not.
    pub(super) fn decide(&self, page: &Page<'_>, keep: &mut [bool]) {
        let cx = page.context();
        let mut x = [0.0; COUNT];
        for (i, k) in keep.iter_mut().enumerate() {
            page.features(&cx, i, &mut x);
            *k = self.score(&x) > 0.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> String {
        format!("# a test model\nfeatures {}\n", names().join(" "))
    }

    #[test]
    fn a_model_file_is_read_into_trees_that_add_up() {
        let text = format!("{}base -1\ntree\nsplit 0 5 1 2\nleaf -2\nleaf 3\ntree\nleaf 0.5\n", header());
        let model = LineModel::parse(&text).unwrap();
        let mut x = [0.0; COUNT];
        x[0] = 4.0;
        assert_eq!(model.score(&x), -1.0 - 2.0 + 0.5);
        x[0] = 6.0;
        assert_eq!(model.score(&x), -1.0 + 3.0 + 0.5);
    }

    #[test]
    fn a_model_fitted_to_other_features_is_refused() {
        let err = LineModel::parse("features own.units own.bytes\nbase 0\n").unwrap_err();
        assert!(err.contains("other features"), "{err}");
    }

    #[test]
    fn a_split_whose_child_points_back_is_refused() {
        let text = format!("{}base 0\ntree\nleaf 1\nsplit 0 1 0 0\n", header());
        assert!(LineModel::parse(&text).is_err());
    }

    #[test]
    fn feature_names_are_unique_and_counted() {
        let names = names();
        assert_eq!(names.len(), COUNT);
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), COUNT);
    }

    #[test]
    fn neighbours_past_the_page_edge_read_as_minus_one() {
        let cleaner = crate::TextCleaner::new();
        let lines = cleaner.line_features("Home\nA line of the story, long enough to be one.\n");
        let names = names();
        let at = |name: &str| names.iter().position(|n| n == name).unwrap();
        assert_eq!(lines[0].values[at("prev1.units")], -1.0);
        assert_eq!(lines[0].values[at("next1.units")], lines[1].values[at("own.units")]);
        assert_eq!(lines[1].values[at("next2.class")], -1.0);
    }

    #[test]
    fn lines_around_the_rules_story_know_how_far_it_is() {
        let story = "The council voted on Monday to raise the rates again, after a long and heated debate.";
        let text = format!("Home\nWorld\nSport\n{story}\n{story} Twice.\nShare\nPrint\n");
        let lines = crate::TextCleaner::new().line_features(&text);
        let names = names();
        let at = |name: &str| names.iter().position(|n| n == name).unwrap();
        let before: Vec<f32> = lines.iter().map(|l| l.values[at("own.lines_before_story")]).collect();
        let after: Vec<f32> = lines.iter().map(|l| l.values[at("own.lines_after_story")]).collect();
        let inside: Vec<f32> = lines.iter().map(|l| l.values[at("own.inside_story")]).collect();
        assert_eq!(before, [3.0, 2.0, 1.0, 0.0, 0.0, 0.0, 0.0]);
        assert_eq!(after, [0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0]);
        assert_eq!(inside, [0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0]);
    }

    #[test]
    fn a_model_makes_the_final_call_on_each_line() {
        // One tree: story exactly when the line is a paragraph of 10 units
        // or more (the rules also keep the short subheading).
        let units = names().iter().position(|n| n == "own.units").unwrap();
        let text = format!("{}base 0\ntree\nsplit {units} 9.5 1 2\nleaf -1\nleaf 1\n", header());
        let cleaner = crate::TextCleaner::with_line_model(Some(&text)).unwrap();
        let page = "The council voted on Monday to raise the rates again, after a long debate.\n\
                    What comes next\n\
                    The new rates take effect in June, and most homes will pay more than before.\n";
        assert!(crate::TextCleaner::new().clean(page).text.contains("What comes next"));
        assert!(!cleaner.clean(page).text.contains("What comes next"));
    }
}
