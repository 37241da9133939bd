//! Deterministic generator of large synthetic catalogues, for benchmarks.
//!
//! ```text
//! cargo run --release --example synth -- --n N --seed S --out DIR [--format congkhai|hugo|zola] [--force] [--fields F]
//! ```
//!
//! * `congkhai` (default): a complete site root: `DIR/content/{site.yaml, fields.yaml,
//!   procedures/<field>/<slug>-<n>.{yaml,md}, forms/*.pdf}`.
//! * `hugo`: `DIR/hugo.toml`, `DIR/content/thu-tuc/<slug>.md` (YAML front matter),
//!   `DIR/layouts/`, `DIR/static/`.
//! * `zola`: `DIR/config.toml`, `DIR/content/thu-tuc/<slug>.md` (TOML front matter),
//!   `DIR/templates/`, `DIR/static/`.
//!
//! All three formats are written from the same in-memory records, so they describe the same
//! catalogue. The same arguments give byte-identical output whatever the number of threads:
//! every record is a function of (seed, its index) and of a first sequential pass that only
//! picks fields, levels and unique titles.
//!
//! This file uses the Rust standard library only, so it also compiles alone:
//! `rustc --edition 2024 -O examples/synth.rs -o /tmp/synth`.
//! All names, numbers and addresses are synthetic; legal document numbers are plausible
//! references used as sample text only.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

// ───────────────────────────── PRNG (splitmix64) ─────────────────────────────

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

struct Rng(u64);

impl Rng {
    /// An independent stream for (seed, purpose, index).
    fn new(seed: u64, stream: u64, index: u64) -> Rng {
        Rng(mix(mix(seed ^ mix(stream.wrapping_mul(GOLDEN)))
            ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03)))
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }
    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }
    /// Uniform in lo..=hi.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability per_mille / 1000.
    fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < per_mille as usize
    }
    fn pick<'a, T>(&mut self, s: &'a [T]) -> &'a T {
        &s[self.below(s.len())]
    }
    /// k distinct indices of 0..len, in drawing order.
    fn distinct(&mut self, len: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..len).collect();
        let k = k.min(len);
        for i in 0..k {
            let j = i + self.below(len - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
    /// lo..=hi distinct indices of 0..len.
    fn some(&mut self, len: usize, lo: usize, hi: usize) -> Vec<usize> {
        let k = self.range(lo, hi);
        self.distinct(len, k)
    }
    /// Distinct indices of 0..len; how many is drawn with `weights` (index = count).
    fn some_w(&mut self, len: usize, weights: &[u32]) -> Vec<usize> {
        let k = self.weighted(weights);
        self.distinct(len, k)
    }
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
    fn date(&mut self, year: u16, months: (u8, u8)) -> V {
        V::D(
            year,
            self.range(months.0 as usize, months.1 as usize) as u8,
            self.range(1, 28) as u8,
        )
    }
}

// ───────────────────────────── values and emitters ─────────────────────────────

/// One value tree feeds the three output formats.
enum V {
    /// Free text: always quoted.
    S(String),
    /// Identifier or enum keyword (ASCII slug): bare in YAML, quoted in TOML.
    Id(String),
    I(i64),
    B(bool),
    D(u16, u8, u8),
    Null,
    L(Vec<V>),
    M(Vec<(&'static str, V)>),
}

fn s(x: impl Into<String>) -> V {
    V::S(x.into())
}
fn id(x: impl Into<String>) -> V {
    V::Id(x.into())
}
fn texts<T: AsRef<str>>(xs: &[T]) -> V {
    V::L(xs.iter().map(|x| s(x.as_ref())).collect())
}

fn quote_into(out: &mut String, text: &str) {
    out.push('"');
    if !text
        .bytes()
        .any(|b| b < 0x20 || b == b'"' || b == b'\\' || b == 0x7f)
    {
        out.push_str(text);
        out.push('"');
        return;
    }
    let mut start = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        // ASCII bytes are always char boundaries, so slicing at them is safe.
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\t' => "\\t",
            0..=0x1f | 0x7f => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if esc.is_empty() {
            let _ = write!(out, "\\u{b:04X}");
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

fn date_into(out: &mut String, y: u16, m: u8, d: u8) {
    let _ = write!(out, "{y:04}-{m:02}-{d:02}");
}

fn yaml_scalar(out: &mut String, v: &V) {
    match v {
        V::S(t) => quote_into(out, t),
        V::Id(t) => out.push_str(t),
        V::I(i) => {
            let _ = write!(out, "{i}");
        }
        V::B(b) => out.push_str(if *b { "true" } else { "false" }),
        V::D(y, m, d) => date_into(out, *y, *m, *d),
        V::Null => out.push_str("null"),
        V::L(_) | V::M(_) => unreachable!("not a scalar"),
    }
}

fn pad(out: &mut String, n: usize) {
    for _ in 0..n {
        out.push(' ');
    }
}

/// Block-style YAML mapping. With `first_inline`, the first key follows a "- " already written.
fn yaml_map(out: &mut String, entries: &[(&str, V)], indent: usize, first_inline: bool) {
    for (i, (k, v)) in entries.iter().enumerate() {
        if !(first_inline && i == 0) {
            pad(out, indent);
        }
        out.push_str(k);
        out.push(':');
        match v {
            V::L(items) if items.is_empty() => out.push_str(" []\n"),
            V::L(items) if items.iter().all(|x| matches!(x, V::Id(_) | V::I(_))) => {
                out.push_str(" [");
                for (j, x) in items.iter().enumerate() {
                    if j > 0 {
                        out.push_str(", ");
                    }
                    yaml_scalar(out, x);
                }
                out.push_str("]\n");
            }
            V::L(items) => {
                out.push('\n');
                for x in items {
                    pad(out, indent + 2);
                    out.push_str("- ");
                    match x {
                        V::M(e) if !e.is_empty() => yaml_map(out, e, indent + 4, true),
                        V::M(_) => out.push_str("{}\n"),
                        V::L(_) => unreachable!("lists of lists are not generated"),
                        x => {
                            yaml_scalar(out, x);
                            out.push('\n');
                        }
                    }
                }
            }
            V::M(e) if e.is_empty() => out.push_str(" {}\n"),
            V::M(e) => {
                out.push('\n');
                yaml_map(out, e, indent + 2, false);
            }
            x => {
                out.push(' ');
                yaml_scalar(out, x);
                out.push('\n');
            }
        }
    }
}

fn toml_inline(out: &mut String, v: &V) {
    match v {
        V::S(t) | V::Id(t) => quote_into(out, t),
        V::I(i) => {
            let _ = write!(out, "{i}");
        }
        V::B(b) => out.push_str(if *b { "true" } else { "false" }),
        V::D(y, m, d) => date_into(out, *y, *m, *d),
        V::Null => unreachable!("nulls are skipped"),
        V::L(items) => {
            out.push('[');
            for (j, x) in items.iter().enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                toml_inline(out, x);
            }
            out.push(']');
        }
        V::M(e) => {
            out.push('{');
            for (j, (k, x)) in e.iter().filter(|(_, x)| !matches!(x, V::Null)).enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push_str(" = ");
                toml_inline(out, x);
            }
            out.push('}');
        }
    }
}

fn is_table_array(v: &V) -> bool {
    matches!(v, V::L(items) if !items.is_empty() && items.iter().all(|x| matches!(x, V::M(_))))
}

/// A TOML table at `path`: its plain keys first, then sub-tables and arrays of tables.
/// Nulls are left out (TOML has none).
fn toml_table(out: &mut String, path: &str, entries: &[(&str, V)]) {
    for (k, v) in entries {
        if matches!(v, V::Null | V::M(_)) || is_table_array(v) {
            continue;
        }
        out.push_str(k);
        out.push_str(" = ");
        toml_inline(out, v);
        out.push('\n');
    }
    for (k, v) in entries {
        match v {
            V::M(e) => {
                let _ = write!(out, "\n[{path}.{k}]\n");
                toml_table(out, &format!("{path}.{k}"), e);
            }
            V::L(items) if is_table_array(v) => {
                let sub = format!("{path}.{k}");
                for x in items {
                    if let V::M(e) = x {
                        let _ = write!(out, "\n[[{sub}]]\n");
                        toml_table(out, &sub, e);
                    }
                }
            }
            _ => {}
        }
    }
}

// ───────────────────────────── Vietnamese text helpers ─────────────────────────────

const FOLD: [(&str, char); 14] = [
    ("àáạảãâầấậẩẫăằắặẳẵ", 'a'),
    ("ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ", 'a'),
    ("èéẹẻẽêềếệểễ", 'e'),
    ("ÈÉẸẺẼÊỀẾỆỂỄ", 'e'),
    ("ìíịỉĩ", 'i'),
    ("ÌÍỊỈĨ", 'i'),
    ("òóọỏõôồốộổỗơờớợởỡ", 'o'),
    ("ÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ", 'o'),
    ("ùúụủũưừứựửữ", 'u'),
    ("ÙÚỤỦŨƯỪỨỰỬỮ", 'u'),
    ("ỳýỵỷỹ", 'y'),
    ("ỲÝỴỶỸ", 'y'),
    ("đ", 'd'),
    ("Đ", 'd'),
];

fn fold_table() -> &'static HashMap<char, char> {
    static TABLE: std::sync::OnceLock<HashMap<char, char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        FOLD.iter()
            .flat_map(|(set, a)| set.chars().map(move |c| (c, *a)))
            .collect()
    })
}

/// ASCII slug: tones and marks dropped, đ→d, lowercase, other characters → '-'.
fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        let f = if c.is_ascii_alphanumeric() {
            Some(c.to_ascii_lowercase())
        } else if c.is_ascii() {
            None
        } else {
            fold_table().get(&c).copied()
        };
        match f {
            Some(a) => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(a);
            }
            None => dash = true,
        }
    }
    out
}

fn lower_first(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// 50000 → "50.000"
fn vnd(amount: i64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

// ───────────────────────────── vocabulary ─────────────────────────────

struct Law {
    number: &'static str,
    title: &'static str,
    date: (u16, u8, u8),
    issuer: &'static str,
}

struct Field {
    id: &'static str,
    name: &'static str,
    description: &'static str,
    weight: u32,
    /// Share of commune-level records, per mille (the rest are province level).
    commune: u32,
    verbs: &'static [&'static str],
    objects: &'static [&'static str],
    documents: &'static [&'static str],
    results: &'static [&'static str],
    keywords: &'static [&'static str],
    life_events: &'static [&'static str],
    laws: &'static [Law],
    /// Indices into AGENCIES: (competent, implementing) at commune and at province level.
    at_commune: (&'static [usize], &'static [usize]),
    at_province: (&'static [usize], &'static [usize]),
}

const AGENCIES: [&str; 21] = [
    "Ủy ban nhân dân cấp xã",                 // 0
    "Chủ tịch Ủy ban nhân dân cấp xã",        // 1
    "Ủy ban nhân dân cấp tỉnh",               // 2
    "Chủ tịch Ủy ban nhân dân cấp tỉnh",      // 3
    "Sở Tư pháp",                             // 4
    "Sở Xây dựng",                            // 5
    "Sở Tài chính",                           // 6
    "Sở Nông nghiệp và Môi trường",           // 7
    "Sở Y tế",                                // 8
    "Sở Giáo dục và Đào tạo",                 // 9
    "Sở Văn hóa, Thể thao và Du lịch",        // 10
    "Sở Nội vụ",                              // 11
    "Sở Công Thương",                         // 12
    "Văn phòng đăng ký đất đai",              // 13
    "Chi nhánh Văn phòng đăng ký đất đai",    // 14
    "Phòng Kinh tế, Hạ tầng và Đô thị",       // 15
    "Phòng Văn hóa - Xã hội",                 // 16
    "Trung tâm Phục vụ hành chính công tỉnh", // 17
    "Bảo hiểm xã hội tỉnh",                   // 18
    "Ban Quản lý các khu công nghiệp tỉnh",   // 19
    "Phòng Kinh tế",                          // 20
];

const FIELDS: [Field; 12] = [
    Field {
        id: "ho-tich",
        name: "Hộ tịch",
        description: "Đăng ký khai sinh, kết hôn, khai tử, nhận cha, mẹ, con, giám hộ và các việc hộ tịch khác của cá nhân.",
        weight: 14,
        commune: 700,
        verbs: &[
            "Đăng ký",
            "Đăng ký lại",
            "Đăng ký lưu động việc",
            "Ghi vào Sổ hộ tịch việc",
            "Cấp bản sao trích lục",
            "Xác nhận thông tin về",
        ],
        objects: &[
            "khai sinh",
            "kết hôn",
            "khai tử",
            "nhận cha, mẹ, con",
            "giám hộ",
            "chấm dứt giám hộ",
            "thay đổi, cải chính, bổ sung thông tin hộ tịch",
            "xác định lại dân tộc",
            "khai sinh kết hợp nhận cha, mẹ, con",
        ],
        documents: &[
            "Bản chính Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh",
            "Giấy xác nhận tình trạng hôn nhân do cơ quan có thẩm quyền cấp",
            "Bản chính Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử",
            "Văn bản cử người giám hộ theo quy định của Bộ luật Dân sự",
            "Chứng cứ chứng minh quan hệ cha, mẹ, con",
            "Bản sao các giấy tờ làm căn cứ cho việc thay đổi, cải chính hộ tịch",
        ],
        results: &[
            "Giấy khai sinh (bản chính)",
            "Giấy chứng nhận kết hôn",
            "Trích lục khai tử",
            "Trích lục đăng ký giám hộ",
            "Trích lục thay đổi, cải chính hộ tịch",
            "Bản sao trích lục hộ tịch",
        ],
        keywords: &[
            "khai sinh",
            "giấy khai sinh",
            "kết hôn",
            "đăng ký kết hôn",
            "khai tử",
            "trích lục",
            "hộ tịch",
            "giám hộ",
        ],
        life_events: &[
            "Sinh con",
            "Kết hôn",
            "Người thân qua đời",
            "Thay đổi thông tin cá nhân",
        ],
        laws: &[
            Law {
                number: "60/2014/QH13",
                title: "Luật Hộ tịch",
                date: (2014, 11, 20),
                issuer: "Quốc hội",
            },
            Law {
                number: "123/2015/NĐ-CP",
                title: "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
                date: (2015, 11, 15),
                issuer: "Chính phủ",
            },
            Law {
                number: "04/2020/TT-BTP",
                title: "Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP",
                date: (2020, 5, 28),
                issuer: "Bộ Tư pháp",
            },
        ],
        at_commune: (&[0, 1], &[0]),
        at_province: (&[4, 2], &[4, 17]),
    },
    Field {
        id: "chung-thuc",
        name: "Chứng thực",
        description: "Chứng thực bản sao từ bản chính, chữ ký, hợp đồng, giao dịch và cấp bản sao có chứng thực.",
        weight: 8,
        commune: 700,
        verbs: &[
            "Chứng thực",
            "Cấp bản sao có chứng thực",
            "Sửa lỗi sai sót trong",
            "Chứng thực chữ ký trong",
            "Chứng thực việc sửa đổi, bổ sung",
        ],
        objects: &[
            "hợp đồng, giao dịch liên quan đến tài sản là động sản",
            "hợp đồng thế chấp quyền sử dụng đất",
            "văn bản thỏa thuận phân chia di sản",
            "di chúc",
            "văn bản từ chối nhận di sản",
            "giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp",
            "giấy tờ, văn bản do cơ quan nước ngoài cấp",
            "hợp đồng ủy quyền",
            "văn bản khai nhận di sản",
        ],
        documents: &[
            "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao",
            "Dự thảo hợp đồng, giao dịch",
            "Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản",
            "Giấy tờ, văn bản mà người yêu cầu chứng thực sẽ ký",
            "Bản sao giấy tờ chứng minh quan hệ thừa kế",
        ],
        results: &[
            "Bản sao được chứng thực từ bản chính",
            "Hợp đồng, giao dịch được chứng thực",
            "Giấy tờ, văn bản được chứng thực chữ ký",
            "Bản sao có chứng thực từ sổ gốc",
        ],
        keywords: &[
            "chứng thực",
            "sao y",
            "công chứng",
            "chứng thực chữ ký",
            "hợp đồng",
            "di chúc",
            "thừa kế",
        ],
        life_events: &["Mua bán tài sản", "Thừa kế", "Chuẩn bị hồ sơ xin việc"],
        laws: &[
            Law {
                number: "23/2015/NĐ-CP",
                title: "Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch",
                date: (2015, 2, 16),
                issuer: "Chính phủ",
            },
            Law {
                number: "01/2020/TT-BTP",
                title: "Thông tư quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP",
                date: (2020, 3, 3),
                issuer: "Bộ Tư pháp",
            },
        ],
        at_commune: (&[0, 1], &[0]),
        at_province: (&[4], &[4, 17]),
    },
    Field {
        id: "dat-dai",
        name: "Đất đai",
        description: "Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất, chuyển mục đích sử dụng đất, giao đất, cho thuê đất.",
        weight: 14,
        commune: 400,
        verbs: &[
            "Đăng ký",
            "Cấp",
            "Cấp đổi",
            "Cấp lại",
            "Đính chính",
            "Gia hạn",
            "Xác nhận",
            "Giải quyết",
        ],
        objects: &[
            "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            "biến động quyền sử dụng đất",
            "chuyển mục đích sử dụng đất",
            "thời hạn sử dụng đất nông nghiệp",
            "tách thửa, hợp thửa đất",
            "quyền sử dụng hạn chế thửa đất liền kề",
            "tranh chấp đất đai",
            "thông tin đất đai",
            "đất ở cho hộ gia đình, cá nhân",
        ],
        documents: &[
            "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất",
            "Giấy chứng nhận đã cấp (bản gốc)",
            "Mảnh trích đo bản đồ địa chính thửa đất",
            "Hợp đồng, văn bản về việc chuyển quyền sử dụng đất",
            "Chứng từ thực hiện nghĩa vụ tài chính về đất đai",
            "Sơ đồ tài sản gắn liền với đất",
        ],
        results: &[
            "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            "Quyết định cho phép chuyển mục đích sử dụng đất",
            "Trích lục bản đồ địa chính",
            "Văn bản xác nhận nội dung biến động trên Giấy chứng nhận",
        ],
        keywords: &[
            "sổ đỏ",
            "sổ hồng",
            "giấy chứng nhận",
            "tách thửa",
            "chuyển nhượng",
            "thổ cư",
            "địa chính",
        ],
        life_events: &["Mua bán nhà đất", "Thừa kế", "Xây nhà mới"],
        laws: &[
            Law {
                number: "31/2024/QH15",
                title: "Luật Đất đai",
                date: (2024, 1, 18),
                issuer: "Quốc hội",
            },
            Law {
                number: "101/2024/NĐ-CP",
                title: "Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai",
                date: (2024, 7, 29),
                issuer: "Chính phủ",
            },
            Law {
                number: "102/2024/NĐ-CP",
                title: "Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai",
                date: (2024, 7, 30),
                issuer: "Chính phủ",
            },
        ],
        at_commune: (&[0, 1], &[0, 14]),
        at_province: (&[2, 7], &[7, 13, 17]),
    },
    Field {
        id: "xay-dung",
        name: "Xây dựng",
        description: "Cấp giấy phép xây dựng, thẩm định thiết kế, cấp chứng chỉ hành nghề và quản lý chất lượng công trình.",
        weight: 9,
        commune: 400,
        verbs: &[
            "Cấp",
            "Cấp lại",
            "Điều chỉnh",
            "Gia hạn",
            "Thẩm định",
            "Cấp chuyển đổi",
        ],
        objects: &[
            "giấy phép xây dựng nhà ở riêng lẻ",
            "giấy phép xây dựng công trình có thời hạn",
            "giấy phép sửa chữa, cải tạo công trình",
            "giấy phép di dời công trình",
            "chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III",
            "chứng chỉ năng lực hoạt động xây dựng",
            "báo cáo nghiên cứu khả thi đầu tư xây dựng",
            "thiết kế xây dựng triển khai sau thiết kế cơ sở",
        ],
        documents: &[
            "Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng)",
            "Bản sao giấy tờ chứng minh quyền sử dụng đất",
            "Báo cáo kết quả thẩm định thiết kế xây dựng",
            "Văn bản cam kết bảo đảm an toàn đối với công trình liền kề",
            "Hồ sơ năng lực của tổ chức tư vấn thiết kế",
            "Ảnh chụp hiện trạng công trình",
        ],
        results: &[
            "Giấy phép xây dựng",
            "Giấy phép xây dựng được điều chỉnh",
            "Chứng chỉ hành nghề hoạt động xây dựng",
            "Thông báo kết quả thẩm định",
        ],
        keywords: &[
            "giấy phép xây dựng",
            "xin phép xây nhà",
            "sửa nhà",
            "chứng chỉ hành nghề",
            "thiết kế",
        ],
        life_events: &["Xây nhà mới", "Sửa chữa nhà ở"],
        laws: &[
            Law {
                number: "50/2014/QH13",
                title: "Luật Xây dựng",
                date: (2014, 6, 18),
                issuer: "Quốc hội",
            },
            Law {
                number: "62/2020/QH14",
                title: "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng",
                date: (2020, 6, 17),
                issuer: "Quốc hội",
            },
            Law {
                number: "175/2024/NĐ-CP",
                title: "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng",
                date: (2024, 12, 30),
                issuer: "Chính phủ",
            },
        ],
        at_commune: (&[0], &[15, 0]),
        at_province: (&[5, 2], &[5, 17]),
    },
    Field {
        id: "dang-ky-kinh-doanh",
        name: "Đăng ký kinh doanh",
        description: "Đăng ký thành lập, thay đổi nội dung, tạm ngừng và chấm dứt hoạt động của doanh nghiệp, hộ kinh doanh, hợp tác xã.",
        weight: 8,
        commune: 300,
        verbs: &[
            "Đăng ký",
            "Đăng ký thay đổi nội dung",
            "Thông báo",
            "Cấp lại",
            "Hiệu đính thông tin",
            "Chấm dứt",
        ],
        objects: &[
            "hộ kinh doanh",
            "doanh nghiệp tư nhân",
            "công ty trách nhiệm hữu hạn một thành viên",
            "công ty cổ phần",
            "hợp tác xã",
            "chi nhánh, văn phòng đại diện",
            "địa điểm kinh doanh",
            "tạm ngừng kinh doanh",
        ],
        documents: &[
            "Giấy đề nghị đăng ký theo mẫu",
            "Điều lệ doanh nghiệp hoặc hợp tác xã",
            "Danh sách thành viên, cổ đông sáng lập",
            "Bản sao giấy tờ pháp lý của cá nhân là chủ hộ kinh doanh",
            "Văn bản ủy quyền cho người thực hiện thủ tục",
            "Nghị quyết, quyết định của chủ sở hữu về việc thay đổi",
        ],
        results: &[
            "Giấy chứng nhận đăng ký hộ kinh doanh",
            "Giấy chứng nhận đăng ký doanh nghiệp",
            "Giấy xác nhận về việc thay đổi nội dung đăng ký",
            "Thông báo về việc chấm dứt hoạt động",
        ],
        keywords: &[
            "đăng ký kinh doanh",
            "hộ kinh doanh",
            "mở cửa hàng",
            "thành lập công ty",
            "giấy phép kinh doanh",
        ],
        life_events: &["Khởi nghiệp", "Mở cửa hàng", "Tạm ngừng kinh doanh"],
        laws: &[
            Law {
                number: "59/2020/QH14",
                title: "Luật Doanh nghiệp",
                date: (2020, 6, 17),
                issuer: "Quốc hội",
            },
            Law {
                number: "168/2025/NĐ-CP",
                title: "Nghị định về đăng ký doanh nghiệp",
                date: (2025, 6, 30),
                issuer: "Chính phủ",
            },
            Law {
                number: "17/2023/QH15",
                title: "Luật Hợp tác xã",
                date: (2023, 6, 20),
                issuer: "Quốc hội",
            },
        ],
        at_commune: (&[0], &[20, 15]),
        at_province: (&[6], &[6, 17, 12, 19]),
    },
    Field {
        id: "bao-tro-xa-hoi",
        name: "Bảo trợ xã hội",
        description: "Trợ cấp xã hội hằng tháng, hỗ trợ khẩn cấp, tiếp nhận đối tượng vào cơ sở trợ giúp xã hội.",
        weight: 8,
        commune: 600,
        verbs: &[
            "Thực hiện",
            "Điều chỉnh, thôi hưởng",
            "Xác định, xác định lại",
            "Hỗ trợ",
            "Tiếp nhận",
            "Giải quyết",
        ],
        objects: &[
            "trợ cấp xã hội hằng tháng",
            "hỗ trợ kinh phí chăm sóc, nuôi dưỡng",
            "mức độ khuyết tật",
            "chi phí mai táng",
            "đối tượng cần bảo vệ khẩn cấp",
            "trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở",
            "người cao tuổi vào cơ sở trợ giúp xã hội",
        ],
        documents: &[
            "Tờ khai thông tin của đối tượng hưởng trợ cấp",
            "Giấy xác nhận khuyết tật",
            "Bản sao giấy tờ chứng minh thuộc hộ nghèo, hộ cận nghèo",
            "Biên bản họp Hội đồng xét duyệt",
            "Giấy báo tử hoặc trích lục khai tử",
            "Văn bản đề nghị của người giám hộ",
        ],
        results: &[
            "Quyết định trợ cấp xã hội hằng tháng",
            "Giấy xác nhận khuyết tật",
            "Quyết định hỗ trợ chi phí mai táng",
            "Quyết định tiếp nhận vào cơ sở trợ giúp xã hội",
        ],
        keywords: &[
            "trợ cấp",
            "bảo trợ xã hội",
            "người khuyết tật",
            "người cao tuổi",
            "hộ nghèo",
            "mai táng phí",
        ],
        life_events: &[
            "Người thân qua đời",
            "Gặp khó khăn đột xuất",
            "Chăm sóc người cao tuổi",
        ],
        laws: &[
            Law {
                number: "20/2021/NĐ-CP",
                title: "Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội",
                date: (2021, 3, 15),
                issuer: "Chính phủ",
            },
            Law {
                number: "51/2010/QH12",
                title: "Luật Người khuyết tật",
                date: (2010, 6, 17),
                issuer: "Quốc hội",
            },
            Law {
                number: "39/2009/QH12",
                title: "Luật Người cao tuổi",
                date: (2009, 11, 23),
                issuer: "Quốc hội",
            },
        ],
        at_commune: (&[0, 1], &[16, 0]),
        at_province: (&[8, 2], &[8]),
    },
    Field {
        id: "nguoi-co-cong",
        name: "Người có công",
        description: "Công nhận và giải quyết chế độ ưu đãi đối với người có công với cách mạng và thân nhân.",
        weight: 7,
        commune: 500,
        verbs: &[
            "Giải quyết chế độ",
            "Công nhận",
            "Hưởng trợ cấp",
            "Cấp",
            "Di chuyển hồ sơ",
            "Sửa đổi, bổ sung thông tin",
        ],
        objects: &[
            "ưu đãi đối với thân nhân liệt sĩ",
            "bệnh binh",
            "người hoạt động kháng chiến bị nhiễm chất độc hóa học",
            "thương binh và người hưởng chính sách như thương binh",
            "trợ cấp thờ cúng liệt sĩ",
            "Bằng Tổ quốc ghi công",
            "hỗ trợ cải thiện nhà ở đối với người có công",
            "người có công giúp đỡ cách mạng",
        ],
        documents: &[
            "Bản khai cá nhân theo mẫu",
            "Giấy chứng nhận thương binh hoặc bệnh binh",
            "Biên bản giám định y khoa",
            "Giấy báo tử hoặc giấy tờ chứng minh liệt sĩ",
            "Văn bản ủy quyền của các thân nhân liệt sĩ",
            "Giấy xác nhận quá trình hoạt động cách mạng",
        ],
        results: &[
            "Quyết định trợ cấp, phụ cấp ưu đãi",
            "Giấy chứng nhận người có công",
            "Bằng Tổ quốc ghi công",
            "Quyết định hỗ trợ cải thiện nhà ở",
        ],
        keywords: &[
            "người có công",
            "thương binh",
            "liệt sĩ",
            "trợ cấp ưu đãi",
            "chính sách",
        ],
        life_events: &["Người thân qua đời", "Hưởng chế độ chính sách"],
        laws: &[
            Law {
                number: "02/2020/UBTVQH14",
                title: "Pháp lệnh Ưu đãi người có công với cách mạng",
                date: (2020, 12, 9),
                issuer: "Ủy ban Thường vụ Quốc hội",
            },
            Law {
                number: "131/2021/NĐ-CP",
                title: "Nghị định quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng",
                date: (2021, 12, 30),
                issuer: "Chính phủ",
            },
        ],
        at_commune: (&[0], &[16]),
        at_province: (&[11, 3], &[11]),
    },
    Field {
        id: "giao-duc-va-dao-tao",
        name: "Giáo dục và Đào tạo",
        description: "Thành lập, cho phép hoạt động cơ sở giáo dục; công nhận văn bằng; chuyển trường; xét tuyển sinh.",
        weight: 7,
        commune: 300,
        verbs: &[
            "Cho phép",
            "Công nhận",
            "Cấp bản sao",
            "Chỉnh sửa nội dung",
            "Xét",
            "Thành lập",
        ],
        objects: &[
            "chuyển trường đối với học sinh trung học cơ sở",
            "trường mầm non tư thục hoạt động giáo dục",
            "văn bằng, chứng chỉ từ sổ gốc",
            "văn bằng do cơ sở giáo dục nước ngoài cấp",
            "tuyển sinh vào lớp 10 trung học phổ thông",
            "nhóm trẻ, lớp mẫu giáo độc lập",
            "trung tâm ngoại ngữ, tin học",
            "hỗ trợ học tập cho trẻ mẫu giáo",
        ],
        documents: &[
            "Đơn đề nghị của cha mẹ hoặc người giám hộ học sinh",
            "Học bạ (bản chính)",
            "Bản sao văn bằng, chứng chỉ cần công nhận",
            "Đề án thành lập cơ sở giáo dục",
            "Danh sách đội ngũ giáo viên kèm bản sao văn bằng",
            "Giấy giới thiệu chuyển trường",
        ],
        results: &[
            "Giấy giới thiệu chuyển trường",
            "Quyết định cho phép hoạt động giáo dục",
            "Bản sao văn bằng, chứng chỉ",
            "Giấy công nhận văn bằng",
        ],
        keywords: &[
            "chuyển trường",
            "học sinh",
            "văn bằng",
            "tuyển sinh",
            "trường mầm non",
            "giáo dục",
        ],
        life_events: &["Con vào lớp 1", "Chuyển nơi ở", "Đi du học"],
        laws: &[
            Law {
                number: "43/2019/QH14",
                title: "Luật Giáo dục",
                date: (2019, 6, 14),
                issuer: "Quốc hội",
            },
            Law {
                number: "125/2024/NĐ-CP",
                title: "Nghị định quy định về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục",
                date: (2024, 10, 5),
                issuer: "Chính phủ",
            },
        ],
        at_commune: (&[0], &[16]),
        at_province: (&[9], &[9, 17]),
    },
    Field {
        id: "y-te",
        name: "Y tế",
        description: "Cấp phép hành nghề khám bệnh, chữa bệnh, an toàn thực phẩm, dược và trang thiết bị y tế.",
        weight: 8,
        commune: 200,
        verbs: &[
            "Cấp",
            "Cấp lại",
            "Điều chỉnh",
            "Gia hạn",
            "Thu hồi",
            "Công bố",
        ],
        objects: &[
            "giấy phép hành nghề khám bệnh, chữa bệnh",
            "giấy phép hoạt động phòng khám đa khoa",
            "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
            "chứng chỉ hành nghề dược",
            "Giấy chứng nhận đủ điều kiện kinh doanh dược",
            "đủ điều kiện tiêm chủng",
            "giấy xác nhận nội dung quảng cáo thực phẩm",
        ],
        documents: &[
            "Đơn đề nghị theo mẫu",
            "Bản sao văn bằng chuyên môn",
            "Giấy chứng nhận đủ sức khỏe hành nghề",
            "Bản kê khai cơ sở vật chất, thiết bị y tế",
            "Danh sách nhân sự kèm văn bằng chuyên môn",
            "Giấy xác nhận quá trình thực hành",
        ],
        results: &[
            "Giấy phép hành nghề",
            "Giấy phép hoạt động",
            "Giấy chứng nhận đủ điều kiện",
            "Văn bản xác nhận công bố",
        ],
        keywords: &[
            "y tế",
            "hành nghề",
            "phòng khám",
            "an toàn thực phẩm",
            "dược",
            "nhà thuốc",
        ],
        life_events: &["Mở phòng khám", "Mở cửa hàng"],
        laws: &[
            Law {
                number: "15/2023/QH15",
                title: "Luật Khám bệnh, chữa bệnh",
                date: (2023, 1, 9),
                issuer: "Quốc hội",
            },
            Law {
                number: "96/2023/NĐ-CP",
                title: "Nghị định quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh",
                date: (2023, 12, 30),
                issuer: "Chính phủ",
            },
            Law {
                number: "55/2010/QH12",
                title: "Luật An toàn thực phẩm",
                date: (2010, 6, 17),
                issuer: "Quốc hội",
            },
        ],
        at_commune: (&[0], &[16]),
        at_province: (&[8], &[8, 17, 18]),
    },
    Field {
        id: "van-hoa",
        name: "Văn hóa",
        description: "Lễ hội, biểu diễn nghệ thuật, karaoke, quảng cáo, di sản văn hóa, thư viện và gia đình văn hóa.",
        weight: 6,
        commune: 300,
        verbs: &[
            "Cấp",
            "Thông báo",
            "Công nhận",
            "Đăng ký",
            "Cấp lại",
            "Điều chỉnh",
        ],
        objects: &[
            "giấy phép kinh doanh dịch vụ karaoke",
            "tổ chức lễ hội truyền thống",
            "tổ chức biểu diễn nghệ thuật",
            "sản phẩm quảng cáo trên bảng quảng cáo",
            "danh hiệu Gia đình văn hóa",
            "thư viện cộng đồng",
            "hiện vật di sản văn hóa",
        ],
        documents: &[
            "Văn bản thông báo theo mẫu",
            "Chương trình, kịch bản tổ chức",
            "Bản sao giấy chứng nhận đăng ký kinh doanh",
            "Maket sản phẩm quảng cáo",
            "Bản mô tả địa điểm, trang thiết bị",
            "Danh sách người biểu diễn",
        ],
        results: &[
            "Giấy phép đủ điều kiện kinh doanh",
            "Văn bản chấp thuận",
            "Giấy công nhận",
            "Văn bản xác nhận thông báo",
        ],
        keywords: &[
            "văn hóa",
            "lễ hội",
            "karaoke",
            "quảng cáo",
            "biểu diễn",
            "gia đình văn hóa",
        ],
        life_events: &["Tổ chức sự kiện", "Mở cửa hàng"],
        laws: &[
            Law {
                number: "45/2024/QH15",
                title: "Luật Di sản văn hóa",
                date: (2024, 11, 23),
                issuer: "Quốc hội",
            },
            Law {
                number: "144/2020/NĐ-CP",
                title: "Nghị định quy định về hoạt động nghệ thuật biểu diễn",
                date: (2020, 12, 14),
                issuer: "Chính phủ",
            },
            Law {
                number: "16/2012/QH13",
                title: "Luật Quảng cáo",
                date: (2012, 6, 21),
                issuer: "Quốc hội",
            },
        ],
        at_commune: (&[0], &[16]),
        at_province: (&[10, 2], &[10]),
    },
    Field {
        id: "tai-nguyen-va-moi-truong",
        name: "Tài nguyên và Môi trường",
        description: "Giấy phép môi trường, tài nguyên nước, khoáng sản, khí tượng thủy văn và quản lý chất thải.",
        weight: 6,
        commune: 200,
        verbs: &[
            "Cấp",
            "Cấp đổi",
            "Điều chỉnh",
            "Gia hạn",
            "Đăng ký",
            "Thẩm định",
        ],
        objects: &[
            "giấy phép môi trường",
            "báo cáo đánh giá tác động môi trường",
            "giấy phép khai thác nước dưới đất",
            "giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường",
            "giấy phép xả nước thải vào nguồn nước",
            "chủ nguồn thải chất thải nguy hại",
            "phương án cải tạo, phục hồi môi trường",
        ],
        documents: &[
            "Văn bản đề nghị theo mẫu",
            "Báo cáo đề xuất cấp giấy phép môi trường",
            "Kết quả phân tích chất lượng nguồn nước",
            "Bản đồ khu vực khai thác",
            "Báo cáo đánh giá tác động môi trường",
            "Phương án phòng ngừa, ứng phó sự cố môi trường",
        ],
        results: &[
            "Giấy phép môi trường",
            "Quyết định phê duyệt kết quả thẩm định",
            "Giấy phép tài nguyên nước",
            "Giấy phép khai thác khoáng sản",
        ],
        keywords: &[
            "môi trường",
            "giấy phép môi trường",
            "nước thải",
            "khoáng sản",
            "tài nguyên nước",
        ],
        life_events: &["Mở cơ sở sản xuất"],
        laws: &[
            Law {
                number: "72/2020/QH14",
                title: "Luật Bảo vệ môi trường",
                date: (2020, 11, 17),
                issuer: "Quốc hội",
            },
            Law {
                number: "08/2022/NĐ-CP",
                title: "Nghị định quy định chi tiết một số điều của Luật Bảo vệ môi trường",
                date: (2022, 1, 10),
                issuer: "Chính phủ",
            },
            Law {
                number: "28/2023/QH15",
                title: "Luật Tài nguyên nước",
                date: (2023, 11, 27),
                issuer: "Quốc hội",
            },
        ],
        at_commune: (&[0], &[15, 0]),
        at_province: (&[7, 2], &[7]),
    },
    Field {
        id: "giao-thong",
        name: "Giao thông",
        description: "Giấy phép lái xe, đăng ký phương tiện thủy nội địa, cấp phép thi công trên đường bộ và vận tải.",
        weight: 5,
        commune: 200,
        verbs: &[
            "Cấp",
            "Cấp đổi",
            "Cấp lại",
            "Đăng ký",
            "Gia hạn",
            "Xóa đăng ký",
        ],
        objects: &[
            "giấy phép lái xe",
            "phương tiện thủy nội địa",
            "giấy phép thi công công trình trên đường bộ đang khai thác",
            "phù hiệu xe ô tô kinh doanh vận tải",
            "giấy phép kinh doanh vận tải bằng xe ô tô",
            "chấp thuận đấu nối vào quốc lộ",
            "giấy phép lưu hành xe quá tải trọng",
        ],
        documents: &[
            "Đơn đề nghị theo mẫu",
            "Bản sao giấy phép lái xe còn thời hạn",
            "Giấy khám sức khỏe của người lái xe",
            "Hồ sơ thiết kế, biện pháp tổ chức thi công",
            "Giấy chứng nhận an toàn kỹ thuật của phương tiện",
            "Bản sao hợp đồng mua bán phương tiện",
        ],
        results: &[
            "Giấy phép lái xe",
            "Giấy chứng nhận đăng ký phương tiện",
            "Giấy phép thi công",
            "Phù hiệu xe",
        ],
        keywords: &[
            "giấy phép lái xe",
            "bằng lái",
            "phương tiện",
            "vận tải",
            "đường bộ",
        ],
        life_events: &["Học lái xe", "Mua phương tiện"],
        laws: &[
            Law {
                number: "36/2024/QH15",
                title: "Luật Trật tự, an toàn giao thông đường bộ",
                date: (2024, 6, 27),
                issuer: "Quốc hội",
            },
            Law {
                number: "35/2024/QH15",
                title: "Luật Đường bộ",
                date: (2024, 6, 27),
                issuer: "Quốc hội",
            },
            Law {
                number: "23/2004/QH11",
                title: "Luật Giao thông đường thủy nội địa",
                date: (2004, 6, 15),
                issuer: "Quốc hội",
            },
        ],
        at_commune: (&[0], &[15]),
        at_province: (&[5], &[5, 17]),
    },
];

const GENERAL_LAWS: [Law; 5] = [
    Law {
        number: "118/2025/NĐ-CP",
        title: "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia",
        date: (2025, 6, 9),
        issuer: "Chính phủ",
    },
    Law {
        number: "45/2020/NĐ-CP",
        title: "Nghị định về thực hiện thủ tục hành chính trên môi trường điện tử",
        date: (2020, 4, 8),
        issuer: "Chính phủ",
    },
    Law {
        number: "85/2019/TT-BTC",
        title: "Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc trung ương",
        date: (2019, 11, 29),
        issuer: "Bộ Tài chính",
    },
    Law {
        number: "63/2010/NĐ-CP",
        title: "Nghị định về kiểm soát thủ tục hành chính",
        date: (2010, 6, 8),
        issuer: "Chính phủ",
    },
    Law {
        number: "97/2015/QH13",
        title: "Luật Phí và lệ phí",
        date: (2015, 11, 25),
        issuer: "Quốc hội",
    },
];

const QUALIFIERS: [&str; 18] = [
    "có yếu tố nước ngoài",
    "đối với hộ gia đình, cá nhân",
    "đối với tổ chức",
    "đối với người Việt Nam định cư ở nước ngoài",
    "trong trường hợp bị mất, hư hỏng",
    "theo cơ chế một cửa liên thông",
    "thực hiện trực tuyến toàn trình",
    "tại khu vực biên giới",
    "cho người đang cư trú ở trong nước",
    "đối với trường hợp đặc biệt",
    "theo yêu cầu của cá nhân",
    "đối với doanh nghiệp nhỏ và vừa",
    "cho đồng bào dân tộc thiểu số",
    "trên địa bàn tỉnh",
    "lần đầu",
    "khi thay đổi thông tin",
    "đã được cấp trước ngày 01/7/2025",
    "đối với trường hợp quá hạn",
];

const LOCALITIES: [&str; 12] = [
    "phường Hòa",
    "xã Tân",
    "phường An",
    "xã Phú",
    "xã Bình",
    "phường Long",
    "xã Thạnh",
    "phường Hải",
    "xã Đông",
    "xã Hưng",
    "phường Quang",
    "xã Mỹ",
];

const APPLICANTS: [&str; 10] = [
    "Cá nhân",
    "Tổ chức",
    "Hộ gia đình",
    "Công dân Việt Nam",
    "Người nước ngoài cư trú hợp pháp tại Việt Nam",
    "Doanh nghiệp",
    "Hợp tác xã, liên hiệp hợp tác xã",
    "Người Việt Nam định cư ở nước ngoài",
    "Cơ quan, đơn vị sự nghiệp công lập",
    "Người đại diện theo pháp luật hoặc người được ủy quyền",
];

const GENERIC_DOCUMENTS: [&str; 8] = [
    "Văn bản ủy quyền (trường hợp nộp hồ sơ thay)",
    "Bản sao giấy tờ chứng minh nhân thân của người yêu cầu",
    "Giấy tờ chứng minh nơi cư trú (nếu thông tin chưa có trong Cơ sở dữ liệu quốc gia về dân cư)",
    "Bản dịch có chứng thực đối với giấy tờ bằng tiếng nước ngoài",
    "Văn bản xác nhận của cơ quan, tổ chức nơi người yêu cầu công tác",
    "Bản sao quyết định, văn bản có liên quan đã được cấp trước đó",
    "Ảnh màu cỡ 4 x 6 cm, chụp không quá 06 tháng",
    "Biên lai nộp phí, lệ phí (trường hợp đã nộp trước)",
];

const PRESENT_DOCUMENTS: [&str; 5] = [
    "Thẻ căn cước hoặc thẻ căn cước công dân còn giá trị sử dụng",
    "Hộ chiếu hoặc giấy tờ khác có dán ảnh do cơ quan có thẩm quyền cấp, còn giá trị sử dụng",
    "Bản chính các giấy tờ đã nộp bản sao để đối chiếu",
    "Giấy chứng nhận kết hôn (nếu có)",
    "Tài khoản định danh điện tử mức độ 2 (khi nộp trực tuyến)",
];

const CASES: [&str; 6] = [
    "Trường hợp ủy quyền cho người khác nộp hồ sơ",
    "Trường hợp người yêu cầu là người nước ngoài",
    "Trường hợp có thay đổi thông tin so với giấy tờ đã cấp",
    "Trường hợp người yêu cầu thuộc diện được miễn, giảm phí",
    "Trường hợp giấy tờ đã cấp bị mất hoặc hư hỏng",
    "Trường hợp thực hiện theo cơ chế liên thông",
];

struct FeeKind {
    id: &'static str,
    kind: &'static str,
    label: &'static str,
}

const FEES: [FeeKind; 7] = [
    FeeKind {
        id: "le-phi",
        kind: "le_phi",
        label: "Lệ phí",
    },
    FeeKind {
        id: "le-phi-cap-giay",
        kind: "le_phi",
        label: "Lệ phí cấp giấy",
    },
    FeeKind {
        id: "phi-tham-dinh",
        kind: "phi",
        label: "Phí thẩm định hồ sơ",
    },
    FeeKind {
        id: "phi-ban-sao",
        kind: "phi",
        label: "Phí cấp bản sao",
    },
    FeeKind {
        id: "phi-khai-thac-du-lieu",
        kind: "phi",
        label: "Phí khai thác, sử dụng dữ liệu",
    },
    FeeKind {
        id: "phi-chung-thuc",
        kind: "phi",
        label: "Phí chứng thực",
    },
    FeeKind {
        id: "le-phi-dang-ky",
        kind: "le_phi",
        label: "Lệ phí đăng ký",
    },
];

const AMOUNTS: [i64; 14] = [
    5000, 8000, 10000, 15000, 20000, 25000, 30000, 50000, 75000, 100000, 150000, 200000, 500000,
    1000000,
];
const FEE_UNITS: [&str; 5] = [
    "đồng/hồ sơ",
    "đồng/trường hợp",
    "đồng/bản",
    "đồng/giấy",
    "đồng/lần",
];
const EXEMPTIONS: [&str; 7] = [
    "Miễn đối với người thuộc hộ nghèo, hộ cận nghèo",
    "Miễn đối với người có công với cách mạng và thân nhân",
    "Miễn đối với người khuyết tật",
    "Miễn đối với trẻ em dưới 6 tuổi",
    "Giảm 50% mức thu đối với hồ sơ nộp trực tuyến",
    "Miễn đối với đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn",
    "Miễn đối với người cao tuổi từ đủ 75 tuổi trở lên",
];

// Step pools: (titles, actor, sentences). Placeholders: {A} implementing agency, {C} competent
// agency, {T} procedure title in lower case, {D} processing time.
struct StepKind {
    titles: &'static [&'static str],
    actor: &'static str,
    sentences: &'static [&'static str],
}

const SUBMIT: StepKind = StepKind {
    titles: &[
        "Nộp hồ sơ",
        "Chuẩn bị và nộp hồ sơ",
        "Nộp hồ sơ và phí, lệ phí",
    ],
    actor: "applicant",
    sentences: &[
        "Tổ chức, cá nhân chuẩn bị đầy đủ hồ sơ theo quy định và nộp tại Bộ phận Một cửa của {A}.",
        "Hồ sơ có thể nộp trực tiếp, nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc gửi qua dịch vụ bưu chính công ích.",
        "Người nộp hồ sơ xuất trình giấy tờ tùy thân còn giá trị sử dụng để người tiếp nhận đối chiếu thông tin.",
        "Trường hợp nộp thay, người nộp phải có văn bản ủy quyền hợp lệ theo quy định của pháp luật.",
        "Khi nộp hồ sơ trực tuyến, người yêu cầu đăng nhập bằng tài khoản định danh điện tử và tải lên bản chụp các giấy tờ cần thiết.",
        "Người yêu cầu nộp phí, lệ phí (nếu có) theo mức thu được niêm yết công khai tại nơi tiếp nhận hồ sơ.",
        "Trước khi nộp, người yêu cầu nên kiểm tra lại các thông tin đã kê khai trong tờ khai để tránh phải bổ sung, sửa đổi.",
    ],
};

const RECEIVE: StepKind = StepKind {
    titles: &["Tiếp nhận, kiểm tra hồ sơ", "Tiếp nhận hồ sơ"],
    actor: "one_stop",
    sentences: &[
        "Công chức tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ và cập nhật vào Hệ thống thông tin giải quyết thủ tục hành chính.",
        "Trường hợp hồ sơ đầy đủ, hợp lệ thì lập Giấy tiếp nhận hồ sơ và hẹn ngày trả kết quả, giao cho người nộp hồ sơ.",
        "Trường hợp hồ sơ chưa đầy đủ, công chức tiếp nhận hướng dẫn một lần, đầy đủ bằng văn bản để người yêu cầu bổ sung, hoàn thiện.",
        "Trường hợp hồ sơ không thuộc phạm vi giải quyết, công chức tiếp nhận từ chối và nêu rõ lý do bằng Phiếu từ chối tiếp nhận hồ sơ.",
        "Hồ sơ đã tiếp nhận được chuyển đến bộ phận chuyên môn của {A} chậm nhất trong ngày làm việc tiếp theo.",
        "Đối với hồ sơ nộp trực tuyến, công chức tiếp nhận kiểm tra và phản hồi cho người yêu cầu qua thư điện tử hoặc tin nhắn.",
    ],
};

const REVIEW: StepKind = StepKind {
    titles: &[
        "Thẩm định hồ sơ",
        "Kiểm tra, xác minh thông tin",
        "Kiểm tra thực địa",
        "Lấy ý kiến cơ quan liên quan",
        "Niêm yết công khai",
        "Lập tờ trình",
        "Cập nhật cơ sở dữ liệu",
    ],
    actor: "specialist",
    sentences: &[
        "Công chức chuyên môn xem xét, thẩm định hồ sơ; trường hợp cần thiết thì tiến hành xác minh, làm rõ thông tin với người yêu cầu.",
        "Trong thời hạn giải quyết ({D}), bộ phận chuyên môn hoàn thành việc thẩm định và đề xuất hướng giải quyết trình người có thẩm quyền.",
        "Trường hợp phải lấy ý kiến của cơ quan, đơn vị liên quan, thời gian lấy ý kiến không tính vào thời hạn giải quyết.",
        "Kết quả kiểm tra được lập thành biên bản, có chữ ký của các thành phần tham gia và lưu cùng hồ sơ.",
        "Thông tin về việc {T} được cập nhật vào cơ sở dữ liệu chuyên ngành và Cơ sở dữ liệu quốc gia về dân cư khi đủ điều kiện.",
        "Nếu hồ sơ không đủ điều kiện giải quyết, bộ phận chuyên môn dự thảo văn bản trả lời, nêu rõ lý do để gửi người yêu cầu.",
        "Việc niêm yết công khai được thực hiện tại trụ sở {A}; hết thời hạn niêm yết mà không có khiếu nại thì tiếp tục giải quyết.",
    ],
};

const SIGN: StepKind = StepKind {
    titles: &[
        "Phê duyệt, ký kết quả",
        "Xem xét, quyết định",
        "Ký duyệt kết quả",
    ],
    actor: "leader",
    sentences: &[
        "Lãnh đạo {C} xem xét hồ sơ, tờ trình của bộ phận chuyên môn và ký duyệt kết quả giải quyết.",
        "Trường hợp không đồng ý, người có thẩm quyền có ý kiến bằng văn bản và chuyển lại bộ phận chuyên môn để xử lý.",
        "Kết quả sau khi ký được vào sổ, đóng dấu và chuyển về Bộ phận Một cửa để trả cho người yêu cầu.",
        "Trường hợp ký số, kết quả điện tử có giá trị pháp lý như bản giấy và được gửi vào kho dữ liệu của người yêu cầu trên Cổng Dịch vụ công.",
    ],
};

const RETURN: StepKind = StepKind {
    titles: &["Trả kết quả", "Trả kết quả giải quyết"],
    actor: "one_stop",
    sentences: &[
        "Bộ phận Một cửa trả kết quả cho người yêu cầu theo thời gian ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
        "Người nhận kết quả ký nhận vào Sổ theo dõi hồ sơ; trường hợp nhận thay phải có giấy ủy quyền.",
        "Kết quả có thể được trả trực tiếp, qua dịch vụ bưu chính công ích hoặc trên Cổng Dịch vụ công theo đăng ký của người yêu cầu.",
        "Trường hợp giải quyết quá hạn, cơ quan giải quyết gửi văn bản xin lỗi và hẹn lại ngày trả kết quả.",
    ],
};

const COLLECT: StepKind = StepKind {
    titles: &["Nhận kết quả"],
    actor: "applicant",
    sentences: &[
        "Người yêu cầu mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả khi đến nhận kết quả.",
        "Người yêu cầu kiểm tra thông tin trên kết quả; nếu phát hiện sai sót thì đề nghị điều chỉnh ngay tại quầy.",
        "Trường hợp đăng ký nhận qua bưu chính, người yêu cầu thanh toán cước phí theo quy định của doanh nghiệp bưu chính.",
    ],
};

const BODY_INTRO: [&str; 4] = [
    "Trang này giải thích bằng lời lẽ đơn giản cách thực hiện thủ tục {T}. Nội dung chính thức vẫn là các mục Trình tự thực hiện, Thành phần hồ sơ và Phí, lệ phí ở trên.",
    "Thủ tục {T} do {A} giải quyết. Phần hướng dẫn dưới đây giúp người dân chuẩn bị hồ sơ đúng ngay từ lần đầu, tránh phải đi lại nhiều lần.",
    "Nếu anh, chị cần {T}, hãy đọc kỹ hướng dẫn này trước khi đến Bộ phận Một cửa. Mọi thắc mắc có thể hỏi trực tiếp công chức tiếp nhận hoặc gọi đường dây nóng.",
    "Hướng dẫn ngắn gọn về thủ tục {T}: ai cần làm, chuẩn bị giấy tờ gì, nộp ở đâu và bao lâu thì có kết quả.",
];
const BODY_TIPS: [&str; 8] = [
    "Mang theo thẻ căn cước còn giá trị sử dụng.",
    "Điền tờ khai bằng chữ in hoa có dấu, không tẩy xóa.",
    "Kiểm tra lại họ tên, ngày sinh trước khi ký.",
    "Nộp trực tuyến để không phải xếp hàng và được giảm phí, lệ phí (nếu có).",
    "Giữ lại Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
    "Nếu nộp thay, cần có văn bản ủy quyền.",
    "Tra cứu tình trạng hồ sơ bằng mã hồ sơ trên Cổng Dịch vụ công.",
    "Đăng ký nhận kết quả qua bưu điện nếu ở xa.",
];
const BODY_MORE: [&str; 4] = [
    "Thời hạn giải quyết là {D}, tính từ khi nhận đủ hồ sơ hợp lệ. Thời gian bổ sung hồ sơ hoặc niêm yết công khai (nếu có) không tính vào thời hạn này.",
    "Nếu quá hạn mà chưa nhận được kết quả, anh, chị có quyền đề nghị cơ quan giải quyết giải thích lý do bằng văn bản, hoặc phản ánh qua hòm thư góp ý và đường dây nóng.",
    "Người thuộc hộ nghèo, người có công với cách mạng và người khuyết tật có thể được miễn hoặc giảm phí, lệ phí; hãy mang theo giấy tờ chứng minh khi nộp hồ sơ.",
    "Cán bộ, công chức không được yêu cầu nộp thêm giấy tờ ngoài danh mục đã công bố. Nếu gặp trường hợp này, hãy phản ánh ngay để được xử lý.",
];

// ───────────────────────────── plan: fields, levels, unique titles ─────────────────────────────

/// Decided in one sequential pass (cheap), so titles are unique and records can then be built
/// in parallel.
struct Meta {
    field: usize,
    commune: bool,
    verb: usize,
    object: usize,
    title: String,
    slug: String,
}

fn plan(n: usize, seed: u64) -> Vec<Meta> {
    let weights: Vec<u32> = FIELDS.iter().map(|f| f.weight).collect();
    let mut seen: HashSet<String> = HashSet::with_capacity(n * 2);
    let mut repeats: HashMap<String, u32> = HashMap::new();
    let mut metas = Vec::with_capacity(n);
    for i in 1..=n {
        let mut r = Rng::new(seed, 1, i as u64);
        let field = r.weighted(&weights);
        let f = &FIELDS[field];
        let commune = r.below(1000) < f.commune as usize;
        let verb = r.below(f.verbs.len());
        let object = r.below(f.objects.len());
        let mut base = format!("{} {}", f.verbs[verb], f.objects[object]);
        if r.chance(700) {
            base.push(' ');
            let q = *r.pick(&QUALIFIERS);
            base.push_str(q);
        }
        let mut title = base.clone();
        let mut slug = slugify(&title);
        if !seen.insert(slug.clone()) {
            // Append a locality variant; the counter keeps it unique.
            let place = *r.pick(&LOCALITIES);
            let level = if commune { "cấp xã" } else { "cấp tỉnh" };
            let count = repeats.entry(slug).or_insert(0);
            loop {
                *count += 1;
                title = format!("{base} ({level}, {place} {count})");
                slug = slugify(&title);
                if seen.insert(slug.clone()) {
                    break;
                }
            }
        }
        metas.push(Meta {
            field,
            commune,
            verb,
            object,
            title,
            slug,
        });
    }
    metas
}

fn code(i: usize) -> String {
    format!("9.{i:06}")
}

struct Form {
    id: String,
    name: String,
}

/// 4 forms per field, then 2 general ones: 50 in all.
fn forms() -> Vec<Form> {
    const KINDS: [&str; 4] = ["Tờ khai", "Đơn đề nghị", "Bản kê khai", "Phiếu yêu cầu"];
    let mut out = Vec::new();
    for f in &FIELDS {
        for (k, kind) in KINDS.iter().enumerate() {
            let name = format!("{} {} {}", kind, lower_first(f.verbs[0]), f.objects[k]);
            out.push(Form {
                id: format!("{}-{}", f.id, slugify(&name)),
                name,
            });
        }
    }
    out.push(Form {
        id: "giay-uy-quyen".into(),
        name: "Giấy ủy quyền".into(),
    });
    out.push(Form {
        id: "phieu-yeu-cau-cung-cap-thong-tin".into(),
        name: "Phiếu yêu cầu cung cấp thông tin".into(),
    });
    let ids: HashSet<&str> = out.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), out.len(), "form ids must be unique");
    out
}

struct Officer {
    id: String,
    name: &'static str,
    title: &'static str,
    fields: Vec<usize>,
}

fn officers() -> Vec<Officer> {
    const NAMES: [&str; 10] = [
        "Nguyễn Thị Hồng Nhung",
        "Trần Văn Bình",
        "Lê Thị Thu Hà",
        "Phạm Minh Tuấn",
        "Hoàng Thị Lan Anh",
        "Vũ Đức Thắng",
        "Đặng Thị Mai",
        "Bùi Quang Huy",
        "Đỗ Thị Thanh Hương",
        "Ngô Văn Khải",
    ];
    const TITLES: [&str; 4] = [
        "Công chức tiếp nhận và trả kết quả",
        "Chuyên viên Trung tâm Phục vụ hành chính công",
        "Công chức Tư pháp - Hộ tịch",
        "Công chức Địa chính - Xây dựng",
    ];
    (0..10)
        .map(|i| {
            let mut fields = vec![i % FIELDS.len()];
            let other = (i + 10) % FIELDS.len();
            if other != fields[0] {
                fields.push(other);
            }
            Officer {
                id: format!("can-bo-{}", i + 1),
                name: NAMES[i],
                title: TITLES[i % 4],
                fields,
            }
        })
        .collect()
}

fn officer_phone(i: usize) -> String {
    format!("0200 38{:02} {:03}", 10 + i, (i * 137 + 101) % 1000)
}

// ───────────────────────────── one record ─────────────────────────────

struct Ctx {
    seed: u64,
    n: usize,
    /// Number of fields in `fields.yaml` (at least the 12 built-in ones; see [`field_variant`]).
    fields: usize,
    metas: Vec<Meta>,
    forms: Vec<Form>,
    officers: Vec<Officer>,
}

struct Record {
    entries: Vec<(&'static str, V)>,
    steps_at: usize,
    /// The congkhai YAML of the entries before and after `steps`.
    yaml_around: (String, String),
    body: Option<String>,
    agencies: Vec<&'static str>,
}

struct Step {
    title: &'static str,
    kind: &'static StepKind,
    order: Vec<usize>,
    used: usize,
}

fn build(ctx: &Ctx, i: usize) -> Record {
    let m = &ctx.metas[i - 1];
    let f = &FIELDS[m.field];
    let mut r = Rng::new(ctx.seed, 2, i as u64);
    let (comp, imp) = if m.commune {
        f.at_commune
    } else {
        f.at_province
    };
    let competent = AGENCIES[*r.pick(comp)];
    let implementing = AGENCIES[*r.pick(imp)];
    let title_lower = lower_first(&m.title);
    let head = format!("{} {}", f.verbs[m.verb], f.objects[m.object]);

    let online = ["full", "partial", "none"][r.weighted(&[300, 450, 250])];

    // processing time
    let (pt_text, pt_value, pt_unit, pt_short) = match r.weighted(&[600, 150, 150, 100]) {
        0 => {
            let v = *r.pick(&[2, 3, 5, 7, 10, 12, 15, 20, 30]);
            (format!("{v:02} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ."), Some(v), "working_days", format!("{v:02} ngày làm việc"))
        }
        1 => {
            let v = *r.pick(&[7, 15, 30, 45, 60]);
            (format!("{v} ngày kể từ ngày nhận đủ hồ sơ hợp lệ; thời gian niêm yết công khai (nếu có) không tính vào thời hạn giải quyết."), Some(v), "days", format!("{v} ngày"))
        }
        2 => (
            "Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.".to_string(),
            None,
            "same_day",
            "trong ngày".to_string(),
        ),
        _ => {
            let v = *r.pick(&[4, 8, 16, 24]);
            (format!("{v} giờ làm việc kể từ khi nhận đủ hồ sơ hợp lệ."), Some(v), "hours", format!("{v} giờ làm việc"))
        }
    };
    let fill = |t: &str| -> String {
        if !t.contains('{') {
            return t.to_string();
        }
        t.replace("{A}", implementing)
            .replace("{C}", competent)
            .replace("{T}", &title_lower)
            .replace("{D}", &pt_short)
    };

    // status
    let mut announcements = Vec::new();
    let mut effective: Vec<(&'static str, V)> = Vec::new();
    let status = match r.below(1000) {
        0..=9 => {
            effective.push(("effective_from", r.date(2027, (1, 12))));
            announcements.push(V::M(vec![
                ("number", s(format!("{}/QĐ-UBND", r.range(100, 3999)))),
                ("date", r.date(2026, (1, 6))),
                ("change", id("new")),
            ]));
            "upcoming"
        }
        10..=19 => {
            effective.push(("effective_to", r.date(2025, (1, 12))));
            announcements.push(V::M(vec![
                ("number", s(format!("{}/QĐ-UBND", r.range(100, 3999)))),
                ("date", r.date(2025, (1, 12))),
                ("change", id("repealed")),
            ]));
            "repealed"
        }
        _ => {
            if r.chance(200) {
                announcements.push(V::M(vec![
                    ("number", s(format!("{}/QĐ-UBND", r.range(100, 3999)))),
                    ("date", {
                        let y = 2024 + r.below(3) as u16;
                        r.date(y, (1, 12))
                    }),
                    ("change", id(if r.chance(500) { "new" } else { "amended" })),
                ]));
            }
            "active"
        }
    };

    // applicants
    let applicants: Vec<&str> = r
        .some(APPLICANTS.len(), 1, 3)
        .into_iter()
        .map(|k| APPLICANTS[k])
        .collect();

    // steps (texts grow later to reach the size target)
    let k = 4 + r.weighted(&[400, 300, 150, 100, 50]);
    let extra = k - 4;
    let has_return = extra >= 1;
    let has_collect = extra >= 2 && r.chance(500);
    let reviews = 1 + extra - has_return as usize - has_collect as usize;
    let mut steps: Vec<Step> = Vec::with_capacity(k);
    // Review steps deal their sentences from one shuffled pool, so none repeats.
    let review_pool = r.distinct(REVIEW.sentences.len(), REVIEW.sentences.len());
    let mut add_step = |r: &mut Rng, kind: &'static StepKind, title: &'static str| {
        let order = if kind.actor == "specialist" {
            let j = steps
                .iter()
                .filter(|st| st.kind.actor == "specialist")
                .count();
            review_pool
                .iter()
                .skip(j)
                .step_by(reviews)
                .copied()
                .collect()
        } else {
            r.distinct(kind.sentences.len(), kind.sentences.len())
        };
        steps.push(Step {
            title,
            kind,
            order,
            used: 1,
        });
    };
    let t = *r.pick(SUBMIT.titles);
    add_step(&mut r, &SUBMIT, t);
    let t = *r.pick(RECEIVE.titles);
    add_step(&mut r, &RECEIVE, t);
    for ti in r.distinct(REVIEW.titles.len(), reviews) {
        add_step(&mut r, &REVIEW, REVIEW.titles[ti]);
    }
    let t = *r.pick(SIGN.titles);
    add_step(&mut r, &SIGN, t);
    if has_return {
        let t = *r.pick(RETURN.titles);
        add_step(&mut r, &RETURN, t);
    }
    if has_collect {
        add_step(&mut r, &COLLECT, COLLECT.titles[0]);
    }

    // fees
    let n_fees = 1 + r.weighted(&[500, 350, 150]);
    let mut fees = Vec::new();
    let mut fee_ids = Vec::new();
    for fk in r.distinct(FEES.len(), n_fees) {
        let fk = &FEES[fk];
        let amount = if r.chance(180) { 0 } else { *r.pick(&AMOUNTS) };
        let unit = *r.pick(&FEE_UNITS);
        let text = if amount == 0 {
            if r.chance(500) {
                format!("Miễn {}.", lower_first(fk.label))
            } else {
                format!("{}: không thu.", fk.label)
            }
        } else {
            match r.below(3) {
                0 => format!("{}: {} {}.", fk.label, vnd(amount), unit),
                1 => format!(
                    "{}: {} {} (theo Nghị quyết số {:02}/2025/NQ-HĐND của Hội đồng nhân dân tỉnh).",
                    fk.label,
                    vnd(amount),
                    unit,
                    r.range(1, 60)
                ),
                _ => format!(
                    "Mức thu {} là {} {}; nộp cùng thời điểm nộp hồ sơ.",
                    lower_first(fk.label),
                    vnd(amount),
                    unit
                ),
            }
        };
        let mut fee = vec![
            ("id", id(fk.id)),
            ("kind", id(fk.kind)),
            ("amount", V::I(amount)),
            ("unit", s(unit)),
            ("text", s(text)),
        ];
        if amount > 0 {
            let ex: Vec<&str> = r
                .some_w(EXEMPTIONS.len(), &[500, 350, 150])
                .into_iter()
                .map(|e| EXEMPTIONS[e])
                .collect();
            if !ex.is_empty() {
                fee.push(("exemptions", texts(&ex)));
            }
        }
        fee_ids.push(id(fk.id));
        fees.push(V::M(fee));
    }
    let fee_refs = || {
        V::L(
            fee_ids
                .iter()
                .map(|x| {
                    if let V::Id(t) = x {
                        id(t.clone())
                    } else {
                        unreachable!()
                    }
                })
                .collect(),
        )
    };

    // channels
    let mut in_person = vec![
        ("type", id("in_person")),
        ("available", V::B(true)),
        ("where", s(format!("Bộ phận Một cửa của {implementing}"))),
        ("fees", fee_refs()),
    ];
    if r.chance(150) {
        in_person.push(("processing_time", s(pt_text.clone())));
    }
    let online_ch = if online == "none" {
        vec![
            ("type", id("online")),
            ("available", V::B(false)),
            (
                "note",
                s("Chưa cung cấp dịch vụ công trực tuyến đối với thủ tục này."),
            ),
        ]
    } else {
        let mut ch = vec![
            ("type", id("online")),
            ("available", V::B(true)),
            (
                "where",
                s("Cổng Dịch vụ công quốc gia hoặc Cổng Dịch vụ công cấp tỉnh"),
            ),
            ("fees", fee_refs()),
        ];
        if r.chance(150) {
            ch.push(("processing_time", s(pt_text.clone())));
        }
        ch.push((
            "note",
            s(if online == "full" {
                "Thực hiện toàn trình: nộp hồ sơ, thanh toán và nhận kết quả trực tuyến."
            } else {
                "Nộp hồ sơ trực tuyến; nhận kết quả tại Bộ phận Một cửa hoặc qua bưu chính."
            }),
        ));
        ch
    };
    let postal = if r.chance(700) {
        vec![
            ("type", id("postal")),
            ("available", V::B(true)),
            ("where", s("Dịch vụ bưu chính công ích")),
            ("fees", fee_refs()),
        ]
    } else {
        vec![
            ("type", id("postal")),
            ("available", V::B(false)),
            (
                "note",
                s("Không tiếp nhận hồ sơ qua dịch vụ bưu chính công ích."),
            ),
        ]
    };
    let channels = V::L(vec![V::M(in_person), V::M(online_ch), V::M(postal)]);

    // forms
    let form = if r.chance(550) {
        let fi = if r.chance(800) {
            m.field * 4 + r.below(4)
        } else {
            48 + r.below(2)
        };
        Some(&ctx.forms[fi])
    } else {
        None
    };

    // documents: 3–8 items in 1–3 groups
    let total = 3 + r.weighted(&[350, 250, 180, 120, 60, 40]);
    let groups = r.range(1, 3.min(total - 1));
    let mut sizes = vec![0usize; groups];
    let mut left = total;
    for g in (1..groups).rev() {
        let take = r.range(1, 2).min(left - 2);
        sizes[g] = take;
        left -= take;
    }
    sizes[0] = left;
    let mut pool: Vec<&str> = f.documents.to_vec();
    pool.extend_from_slice(&GENERIC_DOCUMENTS);
    let mut picks = r.distinct(pool.len(), total).into_iter();
    let counts = |r: &mut Rng| -> (i64, i64) {
        match r.weighted(&[600, 200, 150, 50]) {
            0 => (1, 0),
            1 => (0, 1),
            2 => (1, 1),
            _ => (2, 0),
        }
    };
    let present_group = if groups > 1 && r.chance(500) {
        groups - 1
    } else {
        usize::MAX
    };
    let case_picks = r.distinct(CASES.len(), groups);
    let mut documents = Vec::with_capacity(groups);
    for (g, &size) in sizes.iter().enumerate() {
        let mut items = Vec::with_capacity(size);
        if g == present_group {
            for p in r.distinct(PRESENT_DOCUMENTS.len(), size) {
                items.push(V::M(vec![("name", s(PRESENT_DOCUMENTS[p]))]));
            }
            documents.push(V::M(vec![
                ("case", s("Giấy tờ phải xuất trình")),
                ("mode", id("present")),
                ("items", V::L(items)),
            ]));
            continue;
        }
        for j in 0..size {
            let pick = picks.next().unwrap_or(0);
            let (o, c) = counts(&mut r);
            if g == 0 && j == 0 {
                // the application form itself
                let mut item = vec![];
                match form {
                    Some(fm) => {
                        item.push(("name", s(format!("{} (theo mẫu)", fm.name))));
                        item.push(("originals", V::I(1)));
                        item.push(("copies", V::I(0)));
                        item.push(("form", id(fm.id.clone())));
                    }
                    None => {
                        item.push(("name", s(format!("Đơn đề nghị {}", lower_first(&head)))));
                        item.push(("originals", V::I(1)));
                        item.push(("copies", V::I(0)));
                    }
                }
                items.push(V::M(item));
            } else {
                items.push(V::M(vec![
                    ("name", s(pool[pick])),
                    ("originals", V::I(o)),
                    ("copies", V::I(c)),
                ]));
            }
        }
        let case = if g == 0 {
            V::Null
        } else {
            s(CASES[case_picks[g]])
        };
        documents.push(V::M(vec![
            ("case", case),
            ("mode", id("submit")),
            ("items", V::L(items)),
        ]));
    }

    // results, legal basis, keywords, life events
    let results: Vec<&str> = r
        .some(f.results.len(), 1, 2)
        .into_iter()
        .map(|x| f.results[x])
        .collect();
    let from_field = r.range(1, 2).min(f.laws.len());
    let mut laws: Vec<&Law> = r
        .distinct(f.laws.len(), from_field)
        .into_iter()
        .map(|x| &f.laws[x])
        .collect();
    laws.extend(
        r.distinct(GENERAL_LAWS.len(), 3 - from_field)
            .into_iter()
            .map(|x| &GENERAL_LAWS[x]),
    );
    let legal = V::L(
        laws.iter()
            .map(|l| {
                V::M(vec![
                    ("number", s(l.number)),
                    ("title", s(l.title)),
                    ("date", V::D(l.date.0, l.date.1, l.date.2)),
                    ("issuer", s(l.issuer)),
                ])
            })
            .collect(),
    );
    let keywords: Vec<&str> = r
        .some(f.keywords.len(), 2, 4)
        .into_iter()
        .map(|x| f.keywords[x])
        .collect();
    let life: Vec<&str> = r
        .some_w(f.life_events.len(), &[500, 350, 150])
        .into_iter()
        .map(|x| f.life_events[x])
        .collect();

    let officer = if r.chance(300) {
        let fitting: Vec<&Officer> = ctx
            .officers
            .iter()
            .filter(|o| o.fields.contains(&m.field))
            .collect();
        Some(if fitting.is_empty() {
            ctx.officers[0].id.clone()
        } else {
            r.pick(&fitting).id.clone()
        })
    } else {
        None
    };
    let related = if ctx.n > 1 && r.chance(250) {
        let mut other = 1 + r.below(ctx.n - 1);
        if other >= i {
            other += 1;
        }
        Some(code(other))
    } else {
        None
    };
    let verified = r.date(2026, (1, 6));

    let body = if i.is_multiple_of(5) {
        let intro = *r.pick(&BODY_INTRO);
        let mut b = fill(intro);
        b.push_str("\n\n## Những điều cần biết trước khi nộp hồ sơ\n\n");
        for t in r.some(BODY_TIPS.len(), 3, 5) {
            b.push_str("- ");
            b.push_str(BODY_TIPS[t]);
            b.push('\n');
        }
        for p in r.some(BODY_MORE.len(), 1, 2) {
            b.push('\n');
            b.push_str(&fill(BODY_MORE[p]));
            b.push('\n');
        }
        Some(b)
    } else {
        None
    };

    // assemble
    let mut pt = vec![("text", s(pt_text.clone()))];
    if let Some(v) = pt_value {
        pt.push(("value", V::I(v)));
    }
    pt.push(("unit", id(pt_unit)));

    let mut e: Vec<(&'static str, V)> = vec![
        ("code", s(code(i))),
        ("title", s(m.title.clone())),
        (
            "field",
            id(field_id(m.field, field_variant(ctx.fields, m.field, i))),
        ),
        ("level", id(if m.commune { "commune" } else { "province" })),
        ("online_level", id(online)),
        ("status", id(status)),
    ];
    e.extend(effective);
    e.push(("applicants", texts(&applicants)));
    e.push((
        "agencies",
        V::M(vec![
            ("competent", s(competent)),
            ("implementing", s(implementing)),
        ]),
    ));
    let steps_at = e.len();
    e.push(("steps", V::Null));
    e.push(("processing_time", V::M(pt)));
    e.push(("channels", channels));
    e.push(("documents", V::L(documents)));
    e.push(("dossier_sets", V::I(1)));
    if let Some(fm) = form {
        e.push((
            "forms",
            V::L(vec![V::M(vec![
                ("id", id(fm.id.clone())),
                ("name", s(fm.name.clone())),
                ("file", s(format!("forms/{}.pdf", fm.id))),
            ])]),
        ));
    }
    e.push(("fees", V::L(fees)));
    e.push(("results", texts(&results)));
    e.push(("legal_basis", legal));
    if !announcements.is_empty() {
        e.push(("announcements", V::L(announcements)));
    }
    if let Some(o) = officer {
        e.push(("officers", V::L(vec![id(o)])));
    }
    if let Some(c) = related {
        e.push(("related", V::L(vec![s(c)])));
    }
    if !life.is_empty() {
        e.push(("life_events", texts(&life)));
    }
    e.push(("keywords", texts(&keywords)));
    e.push(("verified_on", verified));

    // Grow step texts until the YAML reaches its target size (3–5 KB).
    let steps_v = |steps: &[Step]| -> V {
        V::L(
            steps
                .iter()
                .map(|st| {
                    let text: Vec<String> = st.order[..st.used]
                        .iter()
                        .map(|&x| fill(st.kind.sentences[x]))
                        .collect();
                    V::M(vec![
                        ("title", s(st.title)),
                        ("text", s(text.join(" "))),
                        ("actor", id(st.kind.actor)),
                    ])
                })
                .collect(),
        )
    };
    e[steps_at].1 = steps_v(&steps);
    // The YAML around the steps is final: keep it for the congkhai format.
    let mut before = String::with_capacity(1024);
    yaml_map(&mut before, &e[..steps_at], 0, false);
    let mut after = String::with_capacity(4096);
    yaml_map(&mut after, &e[steps_at + 1..], 0, false);
    let mut probe = String::with_capacity(2048);
    yaml_map(&mut probe, &e[steps_at..=steps_at], 0, false);
    // The Markdown guide of .md records comes on top of this.
    let mut size = before.len() + probe.len() + after.len();
    let target = r.range(3000, 4400);
    let mut guard = 0;
    while size < target && guard < 64 {
        guard += 1;
        let j = r.below(steps.len());
        let st = &mut steps[j];
        if st.used < st.order.len() {
            size += fill(st.kind.sentences[st.order[st.used]]).len() + 1;
            st.used += 1;
        }
    }
    e[steps_at].1 = steps_v(&steps);

    let mut agencies = vec![competent];
    if implementing != competent {
        agencies.push(implementing);
    }
    Record {
        entries: e,
        steps_at,
        yaml_around: (before, after),
        body,
        agencies,
    }
}

// ───────────────────────────── site-wide files ─────────────────────────────

const SITE_TITLE: &str = "Thủ tục hành chính tỉnh Sơn Hà (dữ liệu tổng hợp)";
const BASE_URL: &str = "https://synth.example.gov.vn";
const HOTLINE: &str = "0200 3822 999";
const AGENCY: &str = "Ủy ban nhân dân tỉnh Sơn Hà";

fn site_description(ctx: &Ctx) -> String {
    format!(
        "Danh mục thủ tục hành chính tổng hợp để đo hiệu năng: {} thủ tục, sinh tự động (seed {}).",
        ctx.n, ctx.seed
    )
}

fn officer_values(ctx: &Ctx, with_fields: bool) -> V {
    V::L(
        ctx.officers
            .iter()
            .enumerate()
            .map(|(k, o)| {
                let mut e = vec![
                    ("id", id(o.id.clone())),
                    ("name", s(o.name)),
                    ("title", s(o.title)),
                    ("counter", s(format!("Quầy số {}", k + 1))),
                    ("phone", s(officer_phone(k))),
                ];
                if with_fields {
                    e.push((
                        "fields",
                        V::L(o.fields.iter().map(|&f| id(FIELDS[f].id)).collect()),
                    ));
                }
                V::M(e)
            })
            .collect(),
    )
}

fn site_yaml(ctx: &Ctx) -> String {
    let weekdays = || {
        V::L(
            ["mon", "tue", "wed", "thu", "fri"]
                .iter()
                .map(|d| id(*d))
                .collect(),
        )
    };
    let e: Vec<(&'static str, V)> = vec![
        ("title", s(SITE_TITLE)),
        ("description", s(site_description(ctx))),
        ("base_url", s(BASE_URL)),
        ("language", id("vi")),
        (
            "agency",
            V::M(vec![
                ("name", s(AGENCY)),
                ("level", id("province")),
                ("province", s("Sơn Hà")),
                (
                    "address",
                    s("Số 1 đường Trần Hưng Đạo, phường Hòa Bình, tỉnh Sơn Hà"),
                ),
            ]),
        ),
        (
            "desk",
            V::M(vec![
                ("name", s("Trung tâm Phục vụ hành chính công tỉnh Sơn Hà")),
                (
                    "address",
                    s("Số 8 đường Lê Lợi, phường Hòa Bình, tỉnh Sơn Hà"),
                ),
                ("map_url", s("https://www.openstreetmap.org/")),
            ]),
        ),
        (
            "opening_hours",
            V::L(vec![
                V::M(vec![
                    ("days", weekdays()),
                    ("opens", s("07:30")),
                    ("closes", s("11:30")),
                ]),
                V::M(vec![
                    ("days", weekdays()),
                    ("opens", s("13:30")),
                    ("closes", s("17:00")),
                ]),
                V::M(vec![
                    ("days", V::L(vec![id("sat")])),
                    ("opens", s("07:30")),
                    ("closes", s("11:30")),
                    ("fields", V::L(vec![id(FIELDS[0].id), id(FIELDS[1].id)])),
                ]),
            ]),
        ),
        (
            "closures",
            V::L(vec![
                V::M(vec![
                    ("from", V::D(2026, 1, 1)),
                    ("reason", s("Tết Dương lịch")),
                ]),
                V::M(vec![
                    ("from", V::D(2026, 4, 26)),
                    ("reason", s("Giỗ Tổ Hùng Vương")),
                ]),
            ]),
        ),
        (
            "hotlines",
            V::L(vec![
                V::M(vec![
                    ("label", s("Phản ánh, kiến nghị về thủ tục hành chính")),
                    ("number", s(HOTLINE)),
                ]),
                V::M(vec![
                    ("label", s("Hỗ trợ dịch vụ công trực tuyến")),
                    ("number", s("0200 3822 888")),
                ]),
                V::M(vec![
                    ("label", s("Hỗ trợ về đất đai")),
                    ("number", s("0200 3822 777")),
                ]),
            ]),
        ),
        ("hotline", s(HOTLINE)),
        (
            "feedback",
            V::M(vec![
                (
                    "box",
                    s("Hòm thư góp ý đặt tại sảnh Trung tâm Phục vụ hành chính công tỉnh"),
                ),
                ("email", s("gopy@synth.example.gov.vn")),
                (
                    "postal_address",
                    s(
                        "Trung tâm Phục vụ hành chính công tỉnh Sơn Hà, số 8 đường Lê Lợi, phường Hòa Bình, tỉnh Sơn Hà",
                    ),
                ),
                ("online_form_url", s("https://synth.example.gov.vn/gop-y")),
                (
                    "response_time",
                    s("Trả lời trong vòng 10 ngày làm việc kể từ ngày nhận được phản ánh"),
                ),
            ]),
        ),
        ("officers", officer_values(ctx, true)),
        ("default_officers", V::L(vec![id("can-bo-1")])),
        (
            "postal_service",
            V::M(vec![
                ("name", s("Bưu điện tỉnh Sơn Hà")),
                ("phone", s("0200 3811 000")),
                (
                    "note",
                    s(
                        "Nhận hồ sơ và trả kết quả tận nhà qua dịch vụ bưu chính công ích; cước phí do người yêu cầu thanh toán.",
                    ),
                ),
            ]),
        ),
        (
            "online_portals",
            V::L(vec![
                V::M(vec![
                    ("name", s("Cổng Dịch vụ công quốc gia")),
                    ("url", s("https://dichvucong.gov.vn")),
                ]),
                V::M(vec![
                    ("name", s("Cổng Dịch vụ công tỉnh Sơn Hà")),
                    ("url", s("https://dichvucong.synth.example.gov.vn")),
                ]),
            ]),
        ),
    ];
    let mut out = String::new();
    yaml_map(&mut out, &e, 0, false);
    out
}

/// With `--fields F` above 12, each built-in field `t` has this many variants (numbered from
/// 0, the field itself), so that there are F in all.
fn field_variants(fields: usize, t: usize) -> usize {
    let fields = fields.max(FIELDS.len());
    fields / FIELDS.len() + usize::from(t < fields % FIELDS.len())
}

/// The variant of field `t` that record `i` belongs to: the records of a field are spread
/// over its variants in turn.
fn field_variant(fields: usize, t: usize, i: usize) -> usize {
    i % field_variants(fields, t)
}

fn field_id(t: usize, variant: usize) -> String {
    match variant {
        0 => FIELDS[t].id.to_owned(),
        v => format!("{}-{}", FIELDS[t].id, v + 1),
    }
}

fn fields_yaml(fields: usize) -> String {
    let mut out = String::new();
    let mut order = 0;
    for variant in 0.. {
        let mut any = false;
        for (t, f) in FIELDS.iter().enumerate() {
            if variant >= field_variants(fields, t) {
                continue;
            }
            any = true;
            order += 1;
            out.push_str("- ");
            let (name, description) = match variant {
                0 => (f.name.to_owned(), f.description.to_owned()),
                v => (
                    format!("{} {}", f.name, v + 1),
                    format!("{} (nhóm {})", f.description, v + 1),
                ),
            };
            let e = vec![
                ("id", id(field_id(t, variant))),
                ("name", s(name)),
                ("description", s(description)),
                ("order", V::I(order)),
            ];
            yaml_map(&mut out, &e, 2, true);
        }
        if !any {
            break;
        }
    }
    out
}

/// A tiny valid one-page PDF (xref offsets computed).
fn tiny_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (k, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{}\nendobj\n", k + 1, o);
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for off in offsets {
        let _ = writeln!(out, "{off:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n",
        objects.len() + 1,
        xref
    );
    out.into_bytes()
}

const STYLE_CSS: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
header,footer{padding:.75rem 0;border-bottom:1px solid #ccc}footer{border-top:1px solid #ccc;border-bottom:0;margin-top:2rem;font-size:.9rem}
nav a{margin-right:.75rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
.notice{background:#fff4d6;border-left:4px solid #d49b00;padding:.5rem}.actor{color:#555;font-size:.9rem}small{color:#555}
@media print{header nav,footer{display:none}}
";

// ───────────────────────────── Hugo ─────────────────────────────

fn hugo_config(ctx: &Ctx) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "baseURL = \"{BASE_URL}/\"");
    out.push_str("languageCode = \"vi\"\ndefaultContentLanguage = \"vi\"\n");
    out.push_str("title = ");
    quote_into(&mut out, SITE_TITLE);
    out.push('\n');
    out.push_str("removePathAccents = true\n");
    out.push_str("# One home feed (the custom layouts/index.rss.xml keeps 50 items), like congkhai's single\n# changes feed; sitemap kept.\n");
    out.push_str("\n[outputs]\nhome = [\"HTML\", \"RSS\"]\nsection = [\"HTML\"]\ntaxonomy = [\"HTML\"]\nterm = [\"HTML\"]\npage = [\"HTML\"]\n");
    out.push_str(
        "\n[taxonomies]\nfield = \"field\"\nlevel = \"level\"\nagency = \"agency\"\n\n[params]\n",
    );
    toml_table(&mut out, "params", &site_params(ctx));
    out
}

fn site_params(ctx: &Ctx) -> Vec<(&'static str, V)> {
    vec![
        ("description", s(site_description(ctx))),
        ("agency", s(AGENCY)),
        ("hotline", s(HOTLINE)),
        ("default_officers", V::L(vec![id("can-bo-1")])),
        (
            "actors",
            V::M(vec![
                ("applicant", s("Người yêu cầu")),
                ("one_stop", s("Bộ phận Một cửa")),
                ("specialist", s("Bộ phận chuyên môn")),
                ("leader", s("Lãnh đạo cơ quan")),
            ]),
        ),
        (
            "channels",
            V::M(vec![
                ("in_person", s("Trực tiếp")),
                ("online", s("Trực tuyến")),
                ("postal", s("Dịch vụ bưu chính")),
            ]),
        ),
        ("officers", officer_values(ctx, false)),
    ]
}

const HUGO_BASEOF: &str = r#"<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header><a href="{{ "/" | relURL }}"><strong>{{ site.Title }}</strong></a>
<nav><a href="{{ "/thu-tuc/" | relURL }}">Thủ tục</a> <a href="{{ "/field/" | relURL }}">Lĩnh vực</a> <a href="{{ "/level/" | relURL }}">Cấp thực hiện</a> <a href="{{ "/agency/" | relURL }}">Cơ quan</a></nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ site.Params.agency }} · Đường dây nóng: {{ site.Params.hotline }}</p></footer>
</body>
</html>
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}
{{ $p := .Params }}
<article class="procedure">
<p class="crumbs"><a href="{{ "/" | relURL }}">Trang chủ</a> › {{ range .GetTerms "field" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
<h1>{{ .Title }}</h1>
{{ if eq $p.status "upcoming" }}<p class="notice">Áp dụng từ {{ time.Format "02/01/2006" $p.effective_from }}</p>{{ end }}
{{ if eq $p.status "repealed" }}<p class="notice">Thủ tục đã bị bãi bỏ{{ with $p.effective_to }} từ ngày {{ time.Format "02/01/2006" . }}{{ end }}{{ range $p.announcements }}{{ if eq .change "repealed" }} theo Quyết định số {{ .number }}{{ end }}{{ end }}.</p>{{ end }}
<table class="facts">
<tr><th>Mã thủ tục</th><td>{{ $p.code }}</td></tr>
<tr><th>Lĩnh vực</th><td>{{ range .GetTerms "field" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</td></tr>
<tr><th>Cấp thực hiện</th><td>{{ range .GetTerms "level" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</td></tr>
<tr><th>Dịch vụ công trực tuyến</th><td>{{ if eq $p.online_level "full" }}Toàn trình{{ else if eq $p.online_level "partial" }}Một phần{{ else }}Không{{ end }}</td></tr>
<tr><th>Cơ quan có thẩm quyền</th><td>{{ $p.agencies.competent }}</td></tr>
<tr><th>Cơ quan thực hiện</th><td>{{ range .GetTerms "agency" }}{{ if eq .LinkTitle $p.agencies.implementing }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}{{ end }}</td></tr>
<tr><th>Thời hạn giải quyết</th><td>{{ $p.processing_time.text }}</td></tr>
<tr><th>Số lượng hồ sơ</th><td>{{ $p.dossier_sets }} bộ</td></tr>
</table>
<h2>Đối tượng thực hiện</h2>
<ul>{{ range $p.applicants }}<li>{{ . }}</li>{{ end }}</ul>
<h2>Trình tự thực hiện</h2>
<ol class="steps">{{ range $p.steps }}
<li><strong>{{ .title }}</strong>{{ with .actor }} <span class="actor">({{ index site.Params.actors . }})</span>{{ end }}<p>{{ .text }}</p></li>{{ end }}
</ol>
<h2>Cách thức thực hiện</h2>
<table class="channels"><thead><tr><th>Hình thức</th><th>Nơi tiếp nhận</th><th>Thời hạn</th><th>Phí, lệ phí</th><th>Ghi chú</th></tr></thead><tbody>{{ range $p.channels }}
<tr><td>{{ index site.Params.channels .type }}</td><td>{{ if .available }}{{ with .where }}{{ . }}{{ else }}Có{{ end }}{{ else }}Không tiếp nhận{{ end }}</td><td>{{ with .processing_time }}{{ . }}{{ else }}Như trên{{ end }}</td><td>{{ range .fees }}{{ $fid := . }}{{ range $p.fees }}{{ if eq .id $fid }}<div>{{ if eq .amount 0 }}Miễn phí{{ else }}{{ lang.FormatNumberCustom 0 .amount "- , ." }} {{ .unit }}{{ end }}</div>{{ end }}{{ end }}{{ end }}</td><td>{{ with .note }}{{ . }}{{ end }}</td></tr>{{ end }}
</tbody></table>
<h2>Thành phần hồ sơ</h2>
{{ range $p.documents }}{{ $g := . }}
{{ with .case }}<h3>{{ . }}</h3>{{ end }}
<table class="documents"><thead><tr><th>Tên giấy tờ</th>{{ if eq $g.mode "submit" }}<th>Bản chính</th><th>Bản sao</th>{{ else }}<th>Hình thức</th>{{ end }}</tr></thead><tbody>{{ range .items }}
<tr><td>{{ .name }}{{ with .form }} (<a href="{{ printf "/forms/%s.pdf" . | relURL }}">tải mẫu</a>){{ end }}</td>{{ if eq $g.mode "submit" }}<td>{{ .originals }}</td><td>{{ .copies }}</td>{{ else }}<td>Xuất trình bản chính</td>{{ end }}</tr>{{ end }}
</tbody></table>{{ end }}
<p>Số lượng hồ sơ: {{ $p.dossier_sets }} bộ.</p>
{{ with $p.forms }}<h2>Mẫu đơn, tờ khai</h2>
<ul>{{ range . }}<li><a href="{{ printf "/%s" .file | relURL }}">{{ .name }}</a></li>{{ end }}</ul>{{ end }}
<h2>Phí, lệ phí</h2>
{{ if $p.fees }}<table class="fees"><thead><tr><th>Loại</th><th>Mức thu</th><th>Nội dung</th><th>Miễn, giảm</th></tr></thead><tbody>{{ range $p.fees }}
<tr><td>{{ if eq .kind "le_phi" }}Lệ phí{{ else }}Phí{{ end }}</td><td>{{ if eq .amount 0 }}Miễn phí{{ else }}{{ lang.FormatNumberCustom 0 .amount "- , ." }} {{ .unit }}{{ end }}</td><td>{{ .text }}</td><td>{{ with .exemptions }}<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}</td></tr>{{ end }}
</tbody></table>{{ else }}<p>Không thu phí, lệ phí.</p>{{ end }}
<h2>Kết quả thực hiện</h2>
<ul>{{ range $p.results }}<li>{{ . }}</li>{{ end }}</ul>
<h2>Căn cứ pháp lý</h2>
<table class="legal"><thead><tr><th>Số ký hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th><th>Cơ quan ban hành</th></tr></thead><tbody>{{ range $p.legal_basis }}
<tr><td>{{ .number }}</td><td>{{ .title }}</td><td>{{ with .date }}{{ time.Format "02/01/2006" . }}{{ end }}</td><td>{{ .issuer }}</td></tr>{{ end }}
</tbody></table>
{{ with $p.announcements }}<h2>Quyết định công bố</h2>
<ul>{{ range . }}<li>Quyết định số {{ .number }} ngày {{ time.Format "02/01/2006" .date }} ({{ .change }})</li>{{ end }}</ul>{{ end }}
{{ with .Content }}<section class="guide"><h2>Hướng dẫn</h2>
{{ . }}</section>{{ end }}
<h2>Công chức tiếp nhận và trả kết quả</h2>
{{ range ($p.officers | default site.Params.default_officers) }}{{ $oid := . }}{{ range site.Params.officers }}{{ if eq .id $oid }}<p>{{ .name }}, {{ .title }}, {{ .counter }}{{ with .phone }}, điện thoại {{ . }}{{ end }}</p>{{ end }}{{ end }}{{ end }}
<p>Đường dây nóng: {{ site.Params.hotline }}</p>
{{ with $p.related }}<h2>Thủ tục liên quan</h2>
<ul>{{ range . }}<li><a href="{{ printf "/ma/%s/" . | relURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
{{ with $p.keywords }}<p class="keywords">Từ khóa: {{ delimit . ", " }}</p>{{ end }}
{{ with $p.verified_on }}<p class="verified">Ngày rà soát: {{ time.Format "02/01/2006" . }}</p>{{ end }}
</article>
{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages.ByTitle 100 }}
<ul class="list">{{ range $pager.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <small>{{ .Params.code }}</small></li>{{ end }}
</ul>
<nav class="pager">{{ with $pager.Prev }}<a href="{{ .URL }}">‹ Trước</a>{{ end }} Trang {{ $pager.PageNumber }}/{{ $pager.TotalPages }} {{ with $pager.Next }}<a href="{{ .URL }}">Sau ›</a>{{ end }}</nav>
{{ end }}
"#;

const HUGO_TAXONOMY: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
</ul>
{{ end }}
"#;

const HUGO_TERM: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} thủ tục</p>
<ul class="list">{{ range .Pages.ByTitle }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <small>{{ .Params.code }}</small></li>{{ end }}
</ul>
{{ end }}
"#;

const HUGO_INDEX: &str = r#"{{ define "main" }}
<h1>{{ site.Title }}</h1>
<p>{{ site.Params.description }}</p>
<h2>Lĩnh vực</h2>
<ul>{{ range site.Taxonomies.field.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
</ul>
<h2>Cấp thực hiện</h2>
<ul>{{ range site.Taxonomies.level.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
</ul>
<p><a href="{{ "/thu-tuc/" | relURL }}">Tất cả {{ len site.RegularPages }} thủ tục</a></p>
{{ end }}
"#;

const HUGO_RSS: &str = r#"{{- printf "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" | safeHTML }}
<rss version="2.0"><channel>
<title>{{ site.Title }}</title>
<link>{{ .Permalink }}</link>
<description>Thủ tục hành chính mới cập nhật</description>
{{- range first 50 site.RegularPages }}
<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid><description>{{ .Params.code }}</description></item>
{{- end }}
</channel></rss>
"#;

// ───────────────────────────── Zola ─────────────────────────────

fn zola_config(ctx: &Ctx) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "base_url = \"{BASE_URL}\"");
    out.push_str("title = ");
    quote_into(&mut out, SITE_TITLE);
    out.push_str("\ndescription = ");
    quote_into(&mut out, &site_description(ctx));
    out.push_str("\ndefault_language = \"vi\"\ncompile_sass = false\nbuild_search_index = false\n");
    out.push_str("# One home feed (Zola >= 0.19 key), like congkhai's single changes feed.\ngenerate_feeds = true\nfeed_limit = 50\n");
    out.push_str("taxonomies = [\n  { name = \"field\" },\n  { name = \"level\" },\n  { name = \"agency\" },\n]\n\n[extra]\n");
    toml_table(&mut out, "extra", &site_params(ctx));
    out
}

const ZOLA_BASE: &str = r#"<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock title %}</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header><a href="/"><strong>{{ config.title }}</strong></a>
<nav><a href="/thu-tuc/">Thủ tục</a> <a href="/field/">Lĩnh vực</a> <a href="/level/">Cấp thực hiện</a> <a href="/agency/">Cơ quan</a></nav>
</header>
<main>
{% block main %}{% endblock main %}
</main>
<footer><p>{{ config.extra.agency }} · Đường dây nóng: {{ config.extra.hotline }}</p></footer>
</body>
</html>
"#;

const ZOLA_PAGE: &str = r#"{% extends "base.html" %}
{% block title %}{{ page.title }} · {{ config.title }}{% endblock title %}
{% block main %}
{% set p = page.extra %}
<article class="procedure">
<p class="crumbs"><a href="/">Trang chủ</a> › {% for t in page.taxonomies.field %}<a href="{{ get_taxonomy_url(kind="field", name=t) }}">{{ t }}</a>{% endfor %}</p>
<h1>{{ page.title }}</h1>
{% if p.status == "upcoming" %}<p class="notice">Áp dụng từ {{ p.effective_from | date(format="%d/%m/%Y") }}</p>{% endif %}
{% if p.status == "repealed" %}<p class="notice">Thủ tục đã bị bãi bỏ{% if p.effective_to is defined %} từ ngày {{ p.effective_to | date(format="%d/%m/%Y") }}{% endif %}{% if p.announcements is defined %}{% for a in p.announcements %}{% if a.change == "repealed" %} theo Quyết định số {{ a.number }}{% endif %}{% endfor %}{% endif %}.</p>{% endif %}
<table class="facts">
<tr><th>Mã thủ tục</th><td>{{ p.code }}</td></tr>
<tr><th>Lĩnh vực</th><td>{% for t in page.taxonomies.field %}<a href="{{ get_taxonomy_url(kind="field", name=t) }}">{{ t }}</a>{% endfor %}</td></tr>
<tr><th>Cấp thực hiện</th><td>{% for t in page.taxonomies.level %}<a href="{{ get_taxonomy_url(kind="level", name=t) }}">{{ t }}</a>{% endfor %}</td></tr>
<tr><th>Dịch vụ công trực tuyến</th><td>{% if p.online_level == "full" %}Toàn trình{% elif p.online_level == "partial" %}Một phần{% else %}Không{% endif %}</td></tr>
<tr><th>Cơ quan có thẩm quyền</th><td>{{ p.agencies.competent }}</td></tr>
<tr><th>Cơ quan thực hiện</th><td><a href="{{ get_taxonomy_url(kind="agency", name=p.agencies.implementing) }}">{{ p.agencies.implementing }}</a></td></tr>
<tr><th>Thời hạn giải quyết</th><td>{{ p.processing_time.text }}</td></tr>
<tr><th>Số lượng hồ sơ</th><td>{{ p.dossier_sets }} bộ</td></tr>
</table>
<h2>Đối tượng thực hiện</h2>
<ul>{% for a in p.applicants %}<li>{{ a }}</li>{% endfor %}</ul>
<h2>Trình tự thực hiện</h2>
<ol class="steps">{% for st in p.steps %}
<li><strong>{{ st.title }}</strong>{% if st.actor is defined %} <span class="actor">({{ config.extra.actors[st.actor] }})</span>{% endif %}<p>{{ st.text }}</p></li>{% endfor %}
</ol>
<h2>Cách thức thực hiện</h2>
<table class="channels"><thead><tr><th>Hình thức</th><th>Nơi tiếp nhận</th><th>Thời hạn</th><th>Phí, lệ phí</th><th>Ghi chú</th></tr></thead><tbody>{% for ch in p.channels %}
<tr><td>{{ config.extra.channels[ch.type] }}</td><td>{% if ch.available %}{% if ch.where is defined %}{{ ch.where }}{% else %}Có{% endif %}{% else %}Không tiếp nhận{% endif %}</td><td>{% if ch.processing_time is defined %}{{ ch.processing_time }}{% else %}Như trên{% endif %}</td><td>{% if ch.fees is defined %}{% for fid in ch.fees %}{% for fee in p.fees %}{% if fee.id == fid %}<div>{% if fee.amount == 0 %}Miễn phí{% else %}{{ fee.amount | num_format(locale="vi") }} {{ fee.unit }}{% endif %}</div>{% endif %}{% endfor %}{% endfor %}{% endif %}</td><td>{% if ch.note is defined %}{{ ch.note }}{% endif %}</td></tr>{% endfor %}
</tbody></table>
<h2>Thành phần hồ sơ</h2>
{% for g in p.documents %}
{% if g.case is defined %}<h3>{{ g.case }}</h3>{% endif %}
<table class="documents"><thead><tr><th>Tên giấy tờ</th>{% if g.mode == "submit" %}<th>Bản chính</th><th>Bản sao</th>{% else %}<th>Hình thức</th>{% endif %}</tr></thead><tbody>{% for it in g.items %}
<tr><td>{{ it.name }}{% if it.form is defined %} (<a href="/forms/{{ it.form }}.pdf">tải mẫu</a>){% endif %}</td>{% if g.mode == "submit" %}<td>{{ it.originals }}</td><td>{{ it.copies }}</td>{% else %}<td>Xuất trình bản chính</td>{% endif %}</tr>{% endfor %}
</tbody></table>{% endfor %}
<p>Số lượng hồ sơ: {{ p.dossier_sets }} bộ.</p>
{% if p.forms is defined %}<h2>Mẫu đơn, tờ khai</h2>
<ul>{% for fm in p.forms %}<li><a href="/{{ fm.file }}">{{ fm.name }}</a></li>{% endfor %}</ul>{% endif %}
<h2>Phí, lệ phí</h2>
{% if p.fees | length > 0 %}<table class="fees"><thead><tr><th>Loại</th><th>Mức thu</th><th>Nội dung</th><th>Miễn, giảm</th></tr></thead><tbody>{% for fee in p.fees %}
<tr><td>{% if fee.kind == "le_phi" %}Lệ phí{% else %}Phí{% endif %}</td><td>{% if fee.amount == 0 %}Miễn phí{% else %}{{ fee.amount | num_format(locale="vi") }} {{ fee.unit }}{% endif %}</td><td>{{ fee.text }}</td><td>{% if fee.exemptions is defined %}<ul>{% for x in fee.exemptions %}<li>{{ x }}</li>{% endfor %}</ul>{% endif %}</td></tr>{% endfor %}
</tbody></table>{% else %}<p>Không thu phí, lệ phí.</p>{% endif %}
<h2>Kết quả thực hiện</h2>
<ul>{% for x in p.results %}<li>{{ x }}</li>{% endfor %}</ul>
<h2>Căn cứ pháp lý</h2>
<table class="legal"><thead><tr><th>Số ký hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th><th>Cơ quan ban hành</th></tr></thead><tbody>{% for l in p.legal_basis %}
<tr><td>{{ l.number }}</td><td>{{ l.title }}</td><td>{% if l.date is defined %}{{ l.date | date(format="%d/%m/%Y") }}{% endif %}</td><td>{{ l.issuer }}</td></tr>{% endfor %}
</tbody></table>
{% if p.announcements is defined %}<h2>Quyết định công bố</h2>
<ul>{% for a in p.announcements %}<li>Quyết định số {{ a.number }} ngày {{ a.date | date(format="%d/%m/%Y") }} ({{ a.change }})</li>{% endfor %}</ul>{% endif %}
{% if page.content %}<section class="guide"><h2>Hướng dẫn</h2>
{{ page.content | safe }}</section>{% endif %}
<h2>Công chức tiếp nhận và trả kết quả</h2>
{% set offs = p.officers | default(value=config.extra.default_officers) %}{% for oid in offs %}{% for o in config.extra.officers %}{% if o.id == oid %}<p>{{ o.name }}, {{ o.title }}, {{ o.counter }}{% if o.phone is defined %}, điện thoại {{ o.phone }}{% endif %}</p>{% endif %}{% endfor %}{% endfor %}
<p>Đường dây nóng: {{ config.extra.hotline }}</p>
{% if p.related is defined %}<h2>Thủ tục liên quan</h2>
<ul>{% for c in p.related %}<li><a href="/ma/{{ c }}/">{{ c }}</a></li>{% endfor %}</ul>{% endif %}
{% if p.keywords is defined %}<p class="keywords">Từ khóa: {{ p.keywords | join(sep=", ") }}</p>{% endif %}
{% if p.verified_on is defined %}<p class="verified">Ngày rà soát: {{ p.verified_on | date(format="%d/%m/%Y") }}</p>{% endif %}
</article>
{% endblock main %}
"#;

const ZOLA_SECTION: &str = r#"{% extends "base.html" %}
{% block title %}{{ section.title }} · {{ config.title }}{% endblock title %}
{% block main %}
<h1>{{ section.title }}</h1>
<ul class="list">{% for page in paginator.pages %}
<li><a href="{{ page.path }}">{{ page.title }}</a> <small>{{ page.extra.code }}</small></li>{% endfor %}
</ul>
<nav class="pager">{% if paginator.previous %}<a href="{{ paginator.previous }}">‹ Trước</a>{% endif %} Trang {{ paginator.current_index }}/{{ paginator.number_pagers }} {% if paginator.next %}<a href="{{ paginator.next }}">Sau ›</a>{% endif %}</nav>
{% endblock main %}
"#;

const ZOLA_TAXONOMY_LIST: &str = r#"{% extends "base.html" %}
{% block title %}{{ taxonomy.name }} · {{ config.title }}{% endblock title %}
{% block main %}
<h1>{{ taxonomy.name }}</h1>
<ul>{% for term in terms %}
<li><a href="{{ term.path }}">{{ term.name }}</a> ({{ term.page_count }})</li>{% endfor %}
</ul>
{% endblock main %}
"#;

const ZOLA_TAXONOMY_SINGLE: &str = r#"{% extends "base.html" %}
{% block title %}{{ term.name }} · {{ config.title }}{% endblock title %}
{% block main %}
<h1>{{ term.name }}</h1>
<p>{{ term.page_count }} thủ tục</p>
<ul class="list">{% for page in term.pages %}
<li><a href="{{ page.path }}">{{ page.title }}</a> <small>{{ page.extra.code }}</small></li>{% endfor %}
</ul>
{% endblock main %}
"#;

const ZOLA_INDEX: &str = r#"{% extends "base.html" %}
{% block main %}
<h1>{{ config.title }}</h1>
<p>{{ config.description }}</p>
{% set fields = get_taxonomy(kind="field") %}
<h2>Lĩnh vực</h2>
<ul>{% for t in fields.items %}
<li><a href="{{ t.path }}">{{ t.name }}</a> ({{ t.page_count }})</li>{% endfor %}
</ul>
{% set levels = get_taxonomy(kind="level") %}
<h2>Cấp thực hiện</h2>
<ul>{% for t in levels.items %}
<li><a href="{{ t.path }}">{{ t.name }}</a> ({{ t.page_count }})</li>{% endfor %}
</ul>
<p><a href="/thu-tuc/">Tất cả thủ tục</a></p>
{% endblock main %}
"#;

// ───────────────────────────── writing ─────────────────────────────

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Congkhai,
    Hugo,
    Zola,
}

fn level_label(commune: bool) -> &'static str {
    if commune { "Cấp xã" } else { "Cấp tỉnh" }
}

/// Renders record `i` into `buf`; returns its path relative to the output root.
fn render(ctx: &Ctx, format: Format, i: usize, buf: &mut String) -> PathBuf {
    buf.clear();
    let m = &ctx.metas[i - 1];
    let f = &FIELDS[m.field];
    let rec = build(ctx, i);
    match format {
        Format::Congkhai => {
            let md = rec.body.is_some();
            if md {
                buf.push_str("---\n");
            }
            buf.push_str(&rec.yaml_around.0);
            yaml_map(buf, &rec.entries[rec.steps_at..=rec.steps_at], 0, false);
            buf.push_str(&rec.yaml_around.1);
            if let Some(body) = &rec.body {
                buf.push_str("---\n\n");
                buf.push_str(body);
            }
            let ext = if md { "md" } else { "yaml" };
            PathBuf::from(format!(
                "content/procedures/{}/{}-{}.{}",
                f.id, m.slug, i, ext
            ))
        }
        Format::Hugo => {
            let mut e: Vec<(&'static str, V)> = vec![
                ("title", s(m.title.clone())),
                ("aliases", V::L(vec![s(format!("/ma/{}/", code(i)))])),
                ("field", V::L(vec![s(f.name)])),
                ("level", V::L(vec![s(level_label(m.commune))])),
                ("agency", texts(&rec.agencies)),
            ];
            e.extend(
                rec.entries
                    .into_iter()
                    .filter(|(k, _)| !matches!(*k, "title" | "field" | "level")),
            );
            buf.push_str("---\n");
            yaml_map(buf, &e, 0, false);
            buf.push_str("---\n");
            if let Some(body) = &rec.body {
                buf.push('\n');
                buf.push_str(body);
            }
            PathBuf::from(format!("content/thu-tuc/{}.md", m.slug))
        }
        Format::Zola => {
            buf.push_str("+++\ntitle = ");
            quote_into(buf, &m.title);
            let _ = write!(
                buf,
                "\naliases = [\"/ma/{}/\"]\n\n[taxonomies]\nfield = ",
                code(i)
            );
            toml_inline(buf, &V::L(vec![s(f.name)]));
            buf.push_str("\nlevel = ");
            toml_inline(buf, &V::L(vec![s(level_label(m.commune))]));
            buf.push_str("\nagency = ");
            toml_inline(buf, &texts(&rec.agencies));
            buf.push_str("\n\n[extra]\n");
            let e: Vec<(&'static str, V)> = rec
                .entries
                .into_iter()
                .filter(|(k, _)| !matches!(*k, "title" | "field" | "level"))
                .collect();
            toml_table(buf, "extra", &e);
            buf.push_str("+++\n");
            if let Some(body) = &rec.body {
                buf.push('\n');
                buf.push_str(body);
            }
            PathBuf::from(format!("content/thu-tuc/{}.md", m.slug))
        }
    }
}

fn put(root: &Path, rel: &str, data: &[u8]) -> Result<(), String> {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let file = fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut w = BufWriter::new(file);
    w.write_all(data)
        .and_then(|_| w.flush())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn write_site(ctx: &Ctx, format: Format, root: &Path) -> Result<(), String> {
    let pdf = tiny_pdf();
    let forms_dir = match format {
        Format::Congkhai => "content/forms",
        Format::Hugo | Format::Zola => "static/forms",
    };
    for fm in &ctx.forms {
        put(root, &format!("{forms_dir}/{}.pdf", fm.id), &pdf)?;
    }
    match format {
        Format::Congkhai => {
            put(root, "content/site.yaml", site_yaml(ctx).as_bytes())?;
            put(
                root,
                "content/fields.yaml",
                fields_yaml(ctx.fields).as_bytes(),
            )?;
            for f in &FIELDS {
                fs::create_dir_all(root.join("content/procedures").join(f.id))
                    .map_err(|e| e.to_string())?;
            }
        }
        Format::Hugo => {
            put(root, "hugo.toml", hugo_config(ctx).as_bytes())?;
            put(root, "static/style.css", STYLE_CSS.as_bytes())?;
            let mut home = String::from("---\ntitle: ");
            quote_into(&mut home, SITE_TITLE);
            home.push_str("\n---\n");
            put(root, "content/_index.md", home.as_bytes())?;
            put(
                root,
                "content/thu-tuc/_index.md",
                b"---\ntitle: \"Th\xe1\xbb\xa7 t\xe1\xbb\xa5c h\xc3\xa0nh ch\xc3\xadnh\"\n---\n",
            )?;
            put(root, "layouts/_default/baseof.html", HUGO_BASEOF.as_bytes())?;
            put(root, "layouts/_default/single.html", HUGO_SINGLE.as_bytes())?;
            put(root, "layouts/_default/list.html", HUGO_LIST.as_bytes())?;
            put(
                root,
                "layouts/_default/taxonomy.html",
                HUGO_TAXONOMY.as_bytes(),
            )?;
            put(root, "layouts/_default/term.html", HUGO_TERM.as_bytes())?;
            put(root, "layouts/index.html", HUGO_INDEX.as_bytes())?;
            put(root, "layouts/index.rss.xml", HUGO_RSS.as_bytes())?;
        }
        Format::Zola => {
            put(root, "config.toml", zola_config(ctx).as_bytes())?;
            put(root, "static/style.css", STYLE_CSS.as_bytes())?;
            let mut home = String::from("+++\ntitle = ");
            quote_into(&mut home, SITE_TITLE);
            home.push_str("\n+++\n");
            put(root, "content/_index.md", home.as_bytes())?;
            put(
                root,
                "content/thu-tuc/_index.md",
                "+++\ntitle = \"Thủ tục hành chính\"\nsort_by = \"title\"\npaginate_by = 100\n+++\n".as_bytes(),
            )?;
            put(root, "templates/base.html", ZOLA_BASE.as_bytes())?;
            put(root, "templates/index.html", ZOLA_INDEX.as_bytes())?;
            put(root, "templates/section.html", ZOLA_SECTION.as_bytes())?;
            put(root, "templates/page.html", ZOLA_PAGE.as_bytes())?;
            put(
                root,
                "templates/taxonomy_list.html",
                ZOLA_TAXONOMY_LIST.as_bytes(),
            )?;
            put(
                root,
                "templates/taxonomy_single.html",
                ZOLA_TAXONOMY_SINGLE.as_bytes(),
            )?;
        }
    }
    Ok(())
}

/// Writes every record, `threads` workers taking indices round-robin. Returns (files, bytes).
fn write_records(
    ctx: &Ctx,
    format: Format,
    root: &Path,
    threads: usize,
) -> Result<(u64, u64), String> {
    let results: Vec<Result<(u64, u64), String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || -> Result<(u64, u64), String> {
                    let mut buf = String::with_capacity(16 * 1024);
                    let (mut files, mut bytes) = (0u64, 0u64);
                    let mut i = t + 1;
                    while i <= ctx.n {
                        let rel = render(ctx, format, i, &mut buf);
                        let path = root.join(&rel);
                        fs::write(&path, buf.as_bytes())
                            .map_err(|e| format!("{}: {e}", path.display()))?;
                        files += 1;
                        bytes += buf.len() as u64;
                        i += threads;
                    }
                    Ok((files, bytes))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err("worker panicked".into())))
            .collect()
    });
    let (mut files, mut bytes) = (0, 0);
    for r in results {
        let (f, b) = r?;
        files += f;
        bytes += b;
    }
    Ok((files, bytes))
}

// ───────────────────────────── command line ─────────────────────────────

const USAGE: &str = "usage: synth --n N --seed S --out DIR [--format congkhai|hugo|zola] [--force] [--threads T]
  --n N        number of procedure records (default 1000)
  --seed S     PRNG seed (default 1); same arguments give byte-identical output
  --out DIR    output root; must be absent or empty unless --force
  --format F   congkhai (default): a congkhai site root; hugo / zola: the same records for those tools
  --force      delete DIR's generated parts (content/, layouts/, templates/, static/, hugo.toml, config.toml) first
  --threads T  worker threads (default: available parallelism, at most 16); output does not depend on it
  --fields F   number of fields (default and minimum 12); above 12 the built-in fields get numbered
               variants and their records are spread over them (congkhai format only)";

struct Args {
    n: usize,
    seed: u64,
    out: PathBuf,
    format: Format,
    force: bool,
    threads: usize,
    fields: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        n: 1000,
        seed: 1,
        out: PathBuf::new(),
        format: Format::Congkhai,
        force: false,
        fields: FIELDS.len(),
        threads: std::thread::available_parallelism()
            .map_or(4, |n| n.get())
            .min(16),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let (key, inline) = match a.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match key.as_str() {
            "--n" => args.n = value("--n")?.parse().map_err(|e| format!("--n: {e}"))?,
            "--seed" => {
                args.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--out" => args.out = PathBuf::from(value("--out")?),
            "--threads" => {
                args.threads = value("--threads")?
                    .parse()
                    .map_err(|e| format!("--threads: {e}"))?;
                if args.threads == 0 {
                    return Err("--threads must be at least 1".into());
                }
            }
            "--format" => {
                args.format = match value("--format")?.as_str() {
                    "congkhai" => Format::Congkhai,
                    "hugo" => Format::Hugo,
                    "zola" => Format::Zola,
                    other => {
                        return Err(format!("unknown format {other:?} (congkhai, hugo or zola)"));
                    }
                }
            }
            "--fields" => {
                args.fields = value("--fields")?
                    .parse()
                    .map_err(|e| format!("--fields: {e}"))?
            }
            "--force" => args.force = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if args.out.as_os_str().is_empty() {
        return Err("--out DIR is required".into());
    }
    Ok(args)
}

fn prepare_out(out: &Path, force: bool) -> Result<(), String> {
    if out.exists() {
        let non_empty = fs::read_dir(out)
            .map_err(|e| format!("{}: {e}", out.display()))?
            .next()
            .is_some();
        if non_empty {
            if !force {
                return Err(format!(
                    "{} is not empty (use --force to replace the generated parts)",
                    out.display()
                ));
            }
            for part in ["content", "layouts", "templates", "static", "public"] {
                let p = out.join(part);
                if p.is_dir() {
                    fs::remove_dir_all(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                }
            }
            for part in ["hugo.toml", "config.toml"] {
                let p = out.join(part);
                if p.is_file() {
                    fs::remove_file(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                }
            }
        }
    }
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("synth: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let run = || -> Result<(u64, u64), String> {
        prepare_out(&args.out, args.force)?;
        let ctx = Ctx {
            seed: args.seed,
            n: args.n,
            fields: args.fields,
            metas: plan(args.n, args.seed),
            forms: forms(),
            officers: officers(),
        };
        write_site(&ctx, args.format, &args.out)?;
        if args.format != Format::Congkhai {
            fs::create_dir_all(args.out.join("content/thu-tuc")).map_err(|e| e.to_string())?;
        }
        write_records(&ctx, args.format, &args.out, args.threads)
    };
    match run() {
        Ok((files, bytes)) => {
            let secs = start.elapsed().as_secs_f64();
            let name = match args.format {
                Format::Congkhai => "congkhai",
                Format::Hugo => "hugo",
                Format::Zola => "zola",
            };
            eprintln!(
                "synth: {files} {name} records, {bytes} bytes ({} bytes/record) in {secs:.2} s → {}",
                bytes.checked_div(files).unwrap_or(0),
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    //! `rustc --edition 2024 --test examples/synth.rs -o /tmp/synth-test && /tmp/synth-test`
    use super::*;

    #[test]
    fn quoting_escapes_quotes_backslashes_and_controls() {
        let mut out = String::new();
        quote_into(&mut out, "a\"b\\c\nđ\u{1}");
        assert_eq!(out, "\"a\\\"b\\\\c\\nđ\\u0001\"");
    }

    #[test]
    fn slugs_fold_vietnamese() {
        assert_eq!(
            slugify("Đăng ký khai sinh (cấp xã, phường Hòa 17)"),
            "dang-ky-khai-sinh-cap-xa-phuong-hoa-17"
        );
        assert_eq!(
            slugify("Sở Văn hóa, Thể thao và Du lịch"),
            "so-van-hoa-the-thao-va-du-lich"
        );
    }

    #[test]
    fn money_groups_thousands_with_dots() {
        assert_eq!(vnd(8000), "8.000");
        assert_eq!(vnd(1000000), "1.000.000");
        assert_eq!(vnd(500), "500");
    }

    #[test]
    fn toml_puts_plain_keys_before_tables() {
        let e = vec![
            ("a", V::M(vec![("x", V::I(1))])),
            ("b", s("t")),
            (
                "c",
                V::L(vec![V::M(vec![("y", V::Null), ("z", V::D(2026, 1, 2))])]),
            ),
        ];
        let mut out = String::new();
        toml_table(&mut out, "extra", &e);
        assert_eq!(
            out,
            "b = \"t\"\n\n[extra.a]\nx = 1\n\n[[extra.c]]\nz = 2026-01-02\n"
        );
    }

    #[test]
    fn records_are_deterministic_and_titles_unique() {
        let make = || Ctx {
            seed: 7,
            n: 300,
            fields: FIELDS.len(),
            metas: plan(300, 7),
            forms: forms(),
            officers: officers(),
        };
        let (a, b) = (make(), make());
        let mut seen = HashSet::new();
        for i in 1..=300 {
            let (mut x, mut y) = (String::new(), String::new());
            render(&a, Format::Congkhai, i, &mut x);
            render(&b, Format::Congkhai, i, &mut y);
            assert_eq!(x, y);
            assert!(seen.insert(a.metas[i - 1].slug.clone()));
        }
    }

    #[test]
    fn pdf_xref_offsets_point_at_objects() {
        let pdf = String::from_utf8(tiny_pdf()).unwrap();
        let start: usize = pdf.lines().rev().nth(1).unwrap().parse().unwrap();
        assert!(pdf[start..].starts_with("xref"));
        for (k, line) in pdf[start..].lines().skip(3).take(3).enumerate() {
            let off: usize = line[..10].parse().unwrap();
            assert!(pdf[off..].starts_with(&format!("{} 0 obj", k + 1)));
        }
    }
}
