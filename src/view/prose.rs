//! Long texts of a record (steps, conditions, processing time) with the structure their
//! authors gave them: paragraphs and lists, still plain text that templates escape.
//!
//! Catalogues copy these texts from decisions, where a step of several thousand characters is
//! laid out with line breaks, "-" and "+" bullets and markers such as "a)" or "(i)". Shown as
//! one paragraph they run together; shown as Markdown they would be misread (a line starting
//! with "1." is not always a list). So the rules are few and fixed:
//!
//! - each line is its own paragraph (blank lines only separate);
//! - a line starting with `-`, `–`, `•` or `*` and a space is a bullet; a line starting with `+`
//!   under a bullet is a bullet inside it (the decisions' second level);
//! - a line starting with `a)`, `(i)`, `(1)`, `1.` or `1)` and a space is an item of a marked
//!   list that keeps its marker, since the text refers to it ("điểm a khoản 1").
//!
//! A one-line text is one paragraph, which templates show as before.

use serde::Serialize;

/// A text as blocks.
pub type Prose = Vec<Block>;

/// A paragraph or a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph.
    Paragraph {
        /// Its text.
        text: String,
    },
    /// Bullets.
    Bullets {
        /// Its items.
        items: Vec<Item>,
    },
    /// Items with their own markers ("a)", "(i)", "1.").
    Marked {
        /// Its items.
        items: Vec<Item>,
    },
}

/// An item of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// The marker as written ("a)", "(ii)", "2."); absent for bullets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The text after the marker.
    pub text: String,
    /// Second-level bullets ("+").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Item>,
}

/// What a line is.
enum Line<'a> {
    Text(&'a str),
    Bullet(&'a str),
    SubBullet(&'a str),
    Marked(&'a str, &'a str),
}

fn classify(line: &str) -> Line<'_> {
    for bullet in ["- ", "– ", "• ", "* "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Line::Bullet(rest.trim_start());
        }
    }
    if let Some(rest) = line.strip_prefix("+ ") {
        return Line::SubBullet(rest.trim_start());
    }
    if let Some((marker, rest)) = line.split_once(' ')
        && is_marker(marker)
        && !rest.trim().is_empty()
    {
        return Line::Marked(marker, rest.trim_start());
    }
    Line::Text(line)
}

/// `a)`, `đ)`, `(i)`, `(iv)`, `(1)`, `1.`, `12)`: a letter or up to three digits, or a roman
/// numeral or digits in parentheses.
fn is_marker(word: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    let roman = |s: &str| !s.is_empty() && s.len() <= 5 && s.chars().all(|c| "ivxlc".contains(c));
    if let Some(inner) = word.strip_prefix('(').and_then(|w| w.strip_suffix(')')) {
        return digits(inner) || roman(inner);
    }
    if let Some(head) = word.strip_suffix(')') {
        let mut chars = head.chars();
        let one_letter =
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_lowercase());
        return one_letter || digits(head);
    }
    word.strip_suffix('.').is_some_and(digits)
}

/// The blocks of `text`.
pub fn blocks(text: &str) -> Prose {
    let mut blocks: Prose = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match classify(line) {
            Line::Text(text) => blocks.push(Block::Paragraph {
                text: text.to_owned(),
            }),
            Line::Bullet(text) => push_item(&mut blocks, false, None, text),
            Line::Marked(marker, text) => push_item(&mut blocks, true, Some(marker), text),
            Line::SubBullet(text) => {
                let item = Item {
                    marker: None,
                    text: text.to_owned(),
                    children: Vec::new(),
                };
                match blocks.last_mut() {
                    Some(Block::Bullets { items } | Block::Marked { items }) => {
                        // `items` is never empty: a list starts with its first item.
                        if let Some(last) = items.last_mut() {
                            last.children.push(item);
                        }
                    }
                    // A "+" with no bullet above it is a bullet of its own.
                    _ => blocks.push(Block::Bullets { items: vec![item] }),
                }
            }
        }
    }
    blocks
}

fn push_item(blocks: &mut Prose, marked: bool, marker: Option<&str>, text: &str) {
    let item = Item {
        marker: marker.map(str::to_owned),
        text: text.to_owned(),
        children: Vec::new(),
    };
    match (blocks.last_mut(), marked) {
        (Some(Block::Bullets { items }), false) | (Some(Block::Marked { items }), true) => {
            items.push(item);
        }
        (_, false) => blocks.push(Block::Bullets { items: vec![item] }),
        (_, true) => blocks.push(Block::Marked { items: vec![item] }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Block {
        Block::Paragraph {
            text: text.to_owned(),
        }
    }

    fn item(marker: Option<&str>, text: &str, children: Vec<Item>) -> Item {
        Item {
            marker: marker.map(str::to_owned),
            text: text.to_owned(),
            children,
        }
    }

    #[test]
    fn a_one_line_text_is_one_paragraph() {
        assert_eq!(
            blocks("Nộp hồ sơ tại Bộ phận Một cửa."),
            [p("Nộp hồ sơ tại Bộ phận Một cửa.")]
        );
        assert_eq!(blocks("  \n"), []);
    }

    #[test]
    fn lines_bullets_and_second_level_bullets() {
        let text = "Hồ sơ gồm:\n- Tờ khai;\n+ bản chính;\n+ bản sao.\n- Giấy chứng sinh.\n\nLưu ý: mang theo căn cước.";
        assert_eq!(
            blocks(text),
            [
                p("Hồ sơ gồm:"),
                Block::Bullets {
                    items: vec![
                        item(
                            None,
                            "Tờ khai;",
                            vec![
                                item(None, "bản chính;", vec![]),
                                item(None, "bản sao.", vec![])
                            ]
                        ),
                        item(None, "Giấy chứng sinh.", vec![]),
                    ]
                },
                p("Lưu ý: mang theo căn cước."),
            ]
        );
    }

    #[test]
    fn marked_items_keep_their_markers() {
        let text = "a) Trường hợp trong nước;\nb) Trường hợp nước ngoài.\n(i) thứ nhất\n(ii) thứ hai\n1. Bước một\n2) Bước hai";
        let Block::Marked { items } = &blocks(text)[0] else {
            panic!("{:?}", blocks(text));
        };
        let markers: Vec<_> = items.iter().map(|i| i.marker.as_deref().unwrap()).collect();
        assert_eq!(markers, ["a)", "b)", "(i)", "(ii)", "1.", "2)"]);
        assert_eq!(items[0].text, "Trường hợp trong nước;");
    }

    #[test]
    fn numbers_and_words_that_only_look_like_markers_stay_text() {
        for text in [
            "15.000 đồng mỗi bản",
            "2025. Năm áp dụng",
            "Ban) sai",
            "ab) không",
            "1.001193 là mã",
        ] {
            assert!(
                matches!(blocks(text)[..], [Block::Paragraph { .. }]),
                "{text}"
            );
        }
        // A lone "+" with nothing above is a bullet, never lost.
        assert_eq!(
            blocks("+ một"),
            [Block::Bullets {
                items: vec![item(None, "một", vec![])]
            }]
        );
    }
}
