//! Ranking, codes, typos and the shard layout, on small hand-made indexes.

use super::index::{Doc, FacetValue, Posting, Texts, groups};
use super::*;

/// A record: (title, code, keywords, field and agency names, documents and results).
type Record<'a> = (
    &'a str,
    &'a str,
    &'a [&'a str],
    &'a [&'a str],
    &'a [&'a str],
);

fn index(records: &[Record<'_>]) -> Index {
    let texts: Vec<Texts<'_>> = records
        .iter()
        .map(|(title, code, keywords, names, documents)| Texts {
            title,
            code,
            keywords: keywords.to_vec(),
            names: names.to_vec(),
            documents: documents.to_vec(),
        })
        .collect();
    Index {
        docs: (0..records.len())
            .map(|entry| Doc {
                entry,
                field: 0,
                level: 0,
                agency: 0,
                online: 0,
                free: true,
            })
            .collect(),
        groups: groups(texts.len(), |doc| texts[doc].clone()),
        fields: vec![FacetValue {
            id: "ho-tich".into(),
            label: "Hộ tịch".into(),
        }],
        ..Index::default()
    }
}

/// Titles of the results of `q`, best first.
fn titles<'a>(records: &[Record<'a>], q: &str) -> Vec<&'a str> {
    let idx = index(records);
    search(&idx, q)
        .hits
        .iter()
        .map(|h| records[h.doc as usize].0)
        .collect()
}

const CIVIL: &[Record<'static>] = &[
    (
        "Đăng ký khai sinh kết hợp nhận cha, mẹ, con",
        "1.000689",
        &[],
        &["Hộ tịch"],
        &[],
    ),
    (
        "Đăng ký khai sinh lưu động",
        "1.004772",
        &[],
        &["Hộ tịch"],
        &[],
    ),
    ("Đăng ký lại khai sinh", "1.004884", &[], &["Hộ tịch"], &[]),
    (
        "Đăng ký khai sinh",
        "1.001193",
        &["giấy khai sinh"],
        &["Hộ tịch"],
        &["Tờ khai đăng ký khai sinh"],
    ),
    (
        "Đăng ký kết hôn",
        "1.000894",
        &[],
        &["Hộ tịch"],
        &["Giấy khai sinh của hai bên"],
    ),
    (
        "Chứng thực bản sao từ bản chính",
        "2.000815",
        &["sao y"],
        &["Chứng thực"],
        &[],
    ),
];

#[test]
fn unaccented_accented_and_capital_queries_find_the_exact_title_first() {
    for q in [
        "dang ky khai sinh",
        "Đăng ký khai sinh",
        "ĐĂNG KÝ KHAI SINH",
        "ddang ky khai sinh",
        "dang ky khai sinh ",
        // "kí" is a common spelling of "ký".
        "dang ki khai sinh",
        "đăng kí khai sinh",
    ] {
        let got = titles(CIVIL, q);
        assert_eq!(got.first(), Some(&"Đăng ký khai sinh"), "{q}: {got:?}");
        // Marriage matches too (its dossier has a birth certificate), but last: documents
        // weigh least.
        assert_eq!(got.len(), 5, "{q}: {got:?}");
        assert_eq!(got.last(), Some(&"Đăng ký kết hôn"), "{q}: {got:?}");
    }
}

#[test]
fn i_and_y_spellings_find_each_other() {
    assert_eq!(
        titles(CIVIL, "đăng kí kết hôn").first(),
        Some(&"Đăng ký kết hôn")
    );
}

#[test]
fn every_word_must_match() {
    assert_eq!(titles(CIVIL, "ket hon khai sinh"), ["Đăng ký kết hôn"]);
    assert!(titles(CIVIL, "khai sinh chung thuc").is_empty());
}

#[test]
fn the_last_word_matches_as_a_prefix_while_typed() {
    let got = titles(CIVIL, "dang ky khai si");
    assert_eq!(got.first(), Some(&"Đăng ký khai sinh"));
    assert!(titles(CIVIL, "chung thu").contains(&"Chứng thực bản sao từ bản chính"));
    // A space ends the word: "thu" is then a whole word, and none has it.
    assert!(titles(CIVIL, "chung thu ").is_empty());
}

#[test]
fn adjacent_words_beat_scattered_ones() {
    let records: &[Record<'_>] = &[
        (
            "Trợ cấp sinh hoạt cho người khai thác",
            "1.1",
            &[],
            &[],
            &[],
        ),
        ("Trích lục khai sinh", "1.2", &[], &[], &[]),
    ];
    assert_eq!(titles(records, "khai sinh")[0], "Trích lục khai sinh");
    assert_eq!(titles(records, "sinh khai").len(), 2);
}

#[test]
fn title_beats_keywords_beats_names_beats_documents() {
    let records: &[Record<'_>] = &[
        ("Thủ tục A", "1.1", &[], &[], &["Giấy phép lái xe"]),
        (
            "Thủ tục B",
            "1.2",
            &[],
            &["Sở Giao thông vận tải, lái xe"],
            &[],
        ),
        ("Thủ tục C", "1.3", &["lái xe"], &[], &[]),
        ("Đổi giấy phép lái xe", "1.4", &[], &[], &[]),
    ];
    assert_eq!(
        titles(records, "lai xe"),
        [
            "Đổi giấy phép lái xe",
            "Thủ tục C",
            "Thủ tục B",
            "Thủ tục A"
        ]
    );
}

#[test]
fn codes_find_their_procedure_first() {
    assert_eq!(titles(CIVIL, "1.001193"), ["Đăng ký khai sinh"]);
    assert_eq!(titles(CIVIL, "001193"), ["Đăng ký khai sinh"]);
    // As provincial portals print it, with the agency's suffix.
    assert_eq!(
        titles(CIVIL, "1.001193.000.00.00.H54"),
        ["Đăng ký khai sinh"]
    );
    // While typing a code, every code it starts matches.
    assert_eq!(titles(CIVIL, "1.00").len(), 5);
    let records: &[Record<'_>] = &[
        (
            "Thủ tục nhắc mã 1.001193 trong tài liệu",
            "1.000001",
            &[],
            &[],
            &["Mẫu 001193"],
        ),
        ("Đăng ký khai sinh", "1.001193", &[], &[], &[]),
    ];
    assert_eq!(titles(records, "1.001193")[0], "Đăng ký khai sinh");
    assert_eq!(titles(records, "001193")[0], "Đăng ký khai sinh");
}

#[test]
fn a_query_typed_with_marks_ranks_exact_marks_first() {
    let records: &[Record<'_>] = &[
        ("Cấp mã số thuế", "1.1", &[], &[], &[]),
        ("Hỗ trợ chi phí cho má", "1.2", &[], &[], &[]),
        ("Cấp má số", "1.3", &[], &[], &[]),
    ];
    assert_eq!(titles(records, "mã")[0], "Cấp mã số thuế");
    assert_eq!(titles(records, "má")[0], "Hỗ trợ chi phí cho má");
    // Without marks, all three, in a stable order.
    assert_eq!(titles(records, "ma").len(), 3);
}

#[test]
fn old_and_new_tone_placement_rank_alike() {
    let records: &[Record<'_>] = &[
        ("Hóa đơn điện tử", "1.1", &[], &[], &[]),
        ("Công nhận hòa giải viên", "1.2", &[], &[], &[]),
        ("Cấp giấy phép hoạt động thủy lợi", "1.3", &[], &[], &[]),
    ];
    for q in ["hòa ", "hoà "] {
        assert_eq!(titles(records, q)[0], "Công nhận hòa giải viên", "{q}");
    }
    for q in ["thủy ", "thuỷ "] {
        assert_eq!(
            titles(records, q),
            ["Cấp giấy phép hoạt động thủy lợi"],
            "{q}"
        );
    }
}

#[test]
fn of_two_titles_that_match_alike_the_shorter_ranks_first() {
    let records: &[Record<'_>] = &[
        (
            "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh",
            "1.1",
            &[],
            &[],
            &[],
        ),
        ("Đăng ký lại khai sinh", "1.2", &[], &[], &[]),
        ("Đăng ký khai sinh", "1.3", &[], &[], &[]),
        (
            "Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con",
            "1.4",
            &[],
            &[],
            &[],
        ),
        ("Đăng ký nhận cha, mẹ, con", "1.5", &[], &[], &[]),
    ];
    assert_eq!(
        titles(records, "khai sinh ")[..3],
        [
            "Đăng ký khai sinh",
            "Đăng ký lại khai sinh",
            "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh"
        ]
    );
    // A query that is a whole title: that title, before a longer one that contains it.
    assert_eq!(
        titles(records, "đăng ký nhận cha, mẹ, con")[0],
        "Đăng ký nhận cha, mẹ, con"
    );
    assert_eq!(titles(records, "Đăng ký khai sinh")[0], "Đăng ký khai sinh");
}

#[test]
fn common_words_may_be_missing_and_weigh_little() {
    let records: &[Record<'_>] = &[
        ("Đổi giấy phép lái xe", "1.1", &[], &[], &[]),
        ("Cấp bản sao từ sổ gốc", "1.2", &[], &[], &[]),
        (
            "Đăng ký khai sinh",
            "1.3",
            &[],
            &[],
            &["Giấy do bệnh viện cấp"],
        ),
    ];
    // "thủ tục" is in no record: it does not empty the results.
    assert_eq!(
        titles(records, "thủ tục đăng ký khai sinh "),
        ["Đăng ký khai sinh"]
    );
    assert_eq!(
        titles(records, "thu tuc hanh chinh doi giay phep lai xe"),
        ["Đổi giấy phép lái xe"]
    );
    // "cấp" may be missing, and where it is, it adds little.
    assert_eq!(
        titles(records, "cấp giấy phép lái xe "),
        ["Đổi giấy phép lái xe"]
    );
    let idx = index(records);
    let score = |q: &str| search(&idx, q).hits[0].score;
    assert!(score("cấp đăng ký khai sinh ") - score("đăng ký khai sinh ") <= 10);
    // Alone, a common word is what is looked for.
    assert_eq!(titles(records, "cấp ").len(), 2);
}

#[test]
fn nothing_found_offers_the_nearest_procedures() {
    let idx = index(CIVIL);
    let near = |q: &str| -> Vec<&str> {
        let out = search(&idx, q);
        assert!(out.hits.is_empty(), "{q}");
        out.nearest.iter().map(|d| CIVIL[*d as usize].0).collect()
    };
    // The words the index knows, ranked as a query of their own.
    assert_eq!(near("khai sinh qqxxzz ")[0], "Đăng ký khai sinh");
    assert!(near("khai sinh qqxxzz ").len() <= query::NEAREST);
    // Known words that no procedure has together: those with the most of them.
    assert_eq!(
        near("kết hôn chứng thực sao ")[0],
        "Chứng thực bản sao từ bản chính"
    );
    // Nothing known, or one word: nothing to offer.
    assert!(near("qqxxzz wwvvyy ").is_empty());
    assert!(search(&idx, "khai sinh ").nearest.is_empty());
}

#[test]
fn codes_typed_with_spaces_find_their_procedure() {
    for q in ["1 001193", "1. 001193", "1.001193 .000.00.00.H54"] {
        assert_eq!(titles(CIVIL, q).first(), Some(&"Đăng ký khai sinh"), "{q}");
    }
}

#[test]
fn one_typo_is_tolerated_in_long_words_and_said() {
    let idx = index(CIVIL);
    let out = search(&idx, "chung thuwc");
    assert_eq!(out.hits.len(), 1);
    assert_eq!(
        out.approximate.as_deref(),
        Some(&["chung".to_owned(), "thuc".to_owned()][..])
    );
    // Exact results are never "approximate".
    assert_eq!(search(&idx, "chung thuc").approximate, None);
    // Words under five letters are not corrected ("kahi" is not "khai").
    assert!(search(&idx, "kahi sinh").hits.is_empty());
    // Two typos in one word are not tolerated.
    assert!(search(&idx, "chung thwuwc").hits.is_empty());
}

#[test]
fn empty_and_separator_only_queries_find_nothing() {
    let idx = index(CIVIL);
    assert!(search(&idx, "").hits.is_empty());
    assert!(search(&idx, " ,.- ").hits.is_empty());
}

/// The index of `n` procedures with the titles `title(i)` and nothing else.
fn titles_index(n: usize, title: impl Fn(usize) -> String) -> Index {
    let titles: Vec<String> = (0..n).map(title).collect();
    let records: Vec<Record<'_>> = titles
        .iter()
        .map(|t| (t.as_str(), "1.000001", &[][..], &[][..], &[][..]))
        .collect();
    index(&records)
}

#[test]
fn shards_split_only_between_heads_and_cover_every_head_once() {
    let idx = titles_index(400, |i| {
        format!("Thủ tục số {i} về việc đăng ký khai sinh lần {}", i * 7)
    });
    let layout: Vec<_> = shard_layout(&idx, 1024, usize::MAX).collect();
    assert!(layout.len() > 3, "small target, several shards");
    let heads: Vec<&str> = layout.iter().flatten().map(|(h, _, _)| *h).collect();
    let expected: Vec<&str> = idx.groups.keys().map(String::as_str).collect();
    assert_eq!(heads, expected, "every head once, in order");
    for shard in &layout {
        let size: usize = shard.iter().map(|(h, v, _)| h.len() + v.len() + 4).sum();
        assert!(shard.len() == 1 || size <= 1024, "{size}");
    }
    // The bigrams and anchors of a head live with it: "dang" holds "dang ki" (search reads
    // "ký" and "kí" alike).
    let (_, dang, _) = layout
        .iter()
        .flatten()
        .find(|(h, _, _)| *h == "dang")
        .unwrap();
    assert!(dang.contains("\"ki\""));
}

/// In the sharded tier, a long list that has postings outside the title is split: its title
/// postings stay in the group, the others leave it for a file of their own, named by the head
/// and the number their place holds; the title anchors stay in the group.
#[test]
fn long_lists_keep_their_title_postings_and_the_others_are_parts_of_their_own() {
    let idx = index_of(3_000, |i| {
        if i % 2 == 0 {
            (format!("Đăng ký khai sinh lần {i}"), vec![])
        } else {
            (
                format!("Đăng tin số {i}"),
                vec!["Tờ khai đăng ký khai sinh".to_owned()],
            )
        }
    });
    let dang = &idx.groups["dang"];
    let ki = dang.next.get("ki").unwrap();
    assert!(encode::postings(ki).len() > LONGEST_INLINE);
    let (title, rest): (Vec<Posting>, Vec<Posting>) =
        ki.iter().partition(|p| p.class() == Class::Title);
    assert_eq!((title.len(), rest.len()), (1_500, 1_500));
    let (json, parts) = encode::group_split(dang, LONGEST_INLINE);
    let split = json[1]["ki"].as_array().expect("\"dang ki\" is split");
    assert_eq!(split[0].as_str(), Some(encode::postings(&title).as_str()));
    let n = split[1].as_u64().expect("its other postings are a part");
    let want = encode::postings(&rest);
    assert_eq!(parts[n as usize], want);
    // Both halves read back are the whole list.
    let mut both = encode::read_postings(split[0].as_str().unwrap());
    both.extend(encode::read_postings(&parts[n as usize]));
    both.sort_by_key(|p| p.doc());
    assert_eq!(both, ki);
    // A word's own list too ("khai": the title of half of them, a document of the others).
    let khai = encode::group_split(&idx.groups["khai"], LONGEST_INLINE).0;
    let own = khai[0].as_array().expect("own list split");
    assert!(own[0].is_string() && own[1].is_u64(), "{khai}");
    assert!(json[1]["<4"].is_string(), "anchors stay: {}", json[1]);
    // A list of title postings only stays whole, however long.
    let lan = encode::group_split(&idx.groups["lan"], LONGEST_INLINE).0;
    assert!(encode::postings(&idx.groups["lan"].postings).len() > LONGEST_INLINE);
    assert!(lan.as_array().is_none_or(|g| g[0].is_string()), "{lan}");
    // Without a limit, nothing is taken out.
    let (whole, none) = encode::group_split(dang, usize::MAX);
    assert!(none.is_empty());
    assert_eq!(whole, encode::group(dang));

    let files = write(&idx, &cards(3_000), &serde_json::json!({}), Tier::Sharded);
    let name = format!("/x-dang-{n}.js");
    let (_, part) = files
        .files
        .iter()
        .find(|(p, _)| p.ends_with(&name))
        .expect("written");
    let text = String::from_utf8(part.clone()).unwrap();
    assert_eq!(
        text,
        format!("(self.congkhaiSearch=self.congkhaiSearch||{{}})[\"x-dang-{n}\"]=\"{want}\";\n")
    );
}

/// The index of `n` procedures with the titles and documents `record(i)` gives.
fn index_of(n: usize, record: impl Fn(usize) -> (String, Vec<String>)) -> Index {
    let made: Vec<(String, Vec<String>)> = (0..n).map(record).collect();
    let documents: Vec<Vec<&str>> = made
        .iter()
        .map(|(_, d)| d.iter().map(String::as_str).collect())
        .collect();
    let records: Vec<Record<'_>> = made
        .iter()
        .zip(&documents)
        .map(|((t, _), d)| (t.as_str(), "1.000001", &[][..], &[][..], &d[..]))
        .collect();
    index(&records)
}

/// Shard files are assembled from each group's JSON text; they must be exactly what
/// `serde_json` writes for the same map (the files are published and hashed).
#[test]
fn shard_text_is_what_serde_json_writes_for_the_map() {
    let idx = titles_index(200, |i| {
        format!("Thủ tục <số> {i} về \"đăng ký\" khai sinh lần {}", i * 3)
    });
    let layout: Vec<_> = shard_layout(&idx, 1024, usize::MAX).collect();
    assert!(layout.len() > 1);
    for shard in &layout {
        let map: serde_json::Map<String, Value> = shard
            .iter()
            .map(|(head, _, _)| ((*head).to_owned(), encode::group(&idx.groups[*head])))
            .collect();
        assert_eq!(shard_json(shard), Value::Object(map.clone()).to_string());
        assert_eq!(
            encode::script_json("s0", &shard_json(shard)),
            encode::script("s0", &Value::Object(map))
        );
    }
}

#[test]
fn one_file_only_while_it_compresses_small() {
    let labels = serde_json::json!({});
    let build = |n: usize| {
        let codes: Vec<String> = (0..n).map(|i| format!("1.{i:06}")).collect();
        let titles: Vec<String> = (0..n)
            .map(|i| format!("Thủ tục {i} về {} lần {}", ["đăng ký", "cấp"][i % 2], i * 7))
            .collect();
        let records: Vec<Record<'_>> = (0..n)
            .map(|i| {
                (
                    titles[i].as_str(),
                    codes[i].as_str(),
                    &[][..],
                    &[][..],
                    &[][..],
                )
            })
            .collect();
        index(&records)
    };
    let small = build(20);
    let files = files_of(&small, &cards(20), &labels);
    assert_eq!(files.tier, Tier::Single);
    assert!(gzip_size(&files.files[0].1) <= SINGLE_FILE_MAX_GZIP);
    // 1,500 procedures are below SINGLE_FILE_MAX, but their one file would not be small.
    let big = build(1_500);
    let single = write(&big, &cards(1_500), &labels, Tier::Single);
    assert!(gzip_size(&single.files[0].1) > SINGLE_FILE_MAX_GZIP);
    assert_eq!(files_of(&big, &cards(1_500), &labels).tier, Tier::Sharded);
}

fn cards(n: usize) -> Vec<Card> {
    (0..n)
        .map(|i| Card {
            code: format!("1.{i:06}"),
            title: format!("Thủ tục {i}"),
            url: format!("thu-tuc/thu-tuc-{i}/"),
            field: "ho-tich".into(),
            field_name: "Hộ tịch".into(),
            level: "commune",
            online_level: "full",
            status: "active",
            processing_time: "Trong ngày".into(),
            fee_summary: "Miễn phí".into(),
            free: true,
            agency: "Ủy ban nhân dân cấp xã".into(),
            effective_from: None,
        })
        .collect()
}

#[test]
fn output_is_deterministic_and_content_hashed() {
    let idx = index(CIVIL);
    let labels = serde_json::json!({"search": {"results": "Kết quả"}});
    let a = write(&idx, &cards(CIVIL.len()), &labels, Tier::Single);
    let b = write(&idx, &cards(CIVIL.len()), &labels, Tier::Single);
    assert_eq!(a.files, b.files);
    assert_eq!(a.files.len(), 1);
    assert!(a.script.starts_with("tra-cuu/chi-muc.") && a.script.ends_with(".js"));
    let text = String::from_utf8(a.files[0].1.clone()).unwrap();
    assert!(text.starts_with("(self.congkhaiSearch=self.congkhaiSearch||{})[\"index\"]={"));
    assert!(text.contains("\"tier\":\"single\""));

    let sharded = write(&idx, &cards(CIVIL.len()), &labels, Tier::Sharded);
    let names: Vec<&str> = sharded.files.iter().map(|(p, _)| p.as_str()).collect();
    assert!(names.iter().any(|p| p.ends_with("/the-0.js")));
    assert!(names.iter().any(|p| p.ends_with("/loc-cap.js")));
    assert!(names.iter().any(|p| p.ends_with("/tu-vung.js")));
    assert!(names.iter().any(|p| p.ends_with("/0.js")));
    assert_eq!(sharded.script, *names.last().unwrap());
}

/// The index reads documents a chunk at a time: numbers run on from chunk to chunk, postings
/// stay in document order, and a word first met in a later chunk is the same word.
#[test]
fn terms_run_on_across_chunks() {
    let n = 2 * super::index::CHUNK + 3;
    let codes: Vec<String> = (0..n).map(|i| format!("1.{i:06}")).collect();
    let texts: Vec<Texts<'_>> = codes
        .iter()
        .enumerate()
        .map(|(i, code)| Texts {
            title: if i % 3 == 0 {
                "Đăng ký khai sinh"
            } else {
                "Đăng ký kết hôn"
            },
            code,
            keywords: vec![if i % 2 == 0 { "Đảng" } else { "Đăng" }],
            ..Texts::default()
        })
        .collect();
    let groups = groups(texts.len(), |doc| texts[doc].clone());
    let docs = |postings: &[index::Posting]| postings.iter().map(|p| p.doc()).collect::<Vec<_>>();
    let all: Vec<u32> = (0..n as u32).collect();
    let every_third: Vec<u32> = (0..n as u32).step_by(3).collect();
    let others: Vec<u32> = (0..n as u32).filter(|i| i % 3 != 0).collect();
    let even: Vec<u32> = (0..n as u32).step_by(2).collect();
    assert_eq!(docs(&groups["dang"].postings), all);
    assert_eq!(docs(&groups["khai"].postings), every_third);
    assert_eq!(docs(groups["ki"].next.get("khai").unwrap()), every_third);
    assert_eq!(docs(groups["ki"].next.get("ket").unwrap()), others);
    assert_eq!(groups["dang"].variants["đăng"], all);
    assert_eq!(groups["dang"].variants["đảng"], even);
    // The number of the last code is only met in the last chunk.
    let last = format!("{:06}", n - 1);
    assert_eq!(docs(&groups[&last].postings), [n as u32 - 1]);
    assert_eq!(
        docs(groups[&last].next.get(index::CODE).unwrap()),
        [n as u32 - 1]
    );
}

#[test]
fn followers_find_keys_and_prefixes_and_postings_keep_document_and_class() {
    let p = |doc| index::Posting::new(doc, Class::Title);
    let mut f = index::Followers::default();
    f.push(index::CODE, [p(1)]);
    f.push("ke", [p(2), p(3)]);
    f.push("ket", [p(4)]);
    f.push("khai", []);
    f.push("ky", [p(5)]);
    assert_eq!(f.len(), 5);
    let keys: Vec<&str> = f.iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["#", "ke", "ket", "khai", "ky"]);
    assert_eq!(f.get("ke"), Some(&[p(2), p(3)][..]));
    assert_eq!(f.get("khai"), Some(&[][..]));
    assert_eq!(f.get("ky"), Some(&[p(5)][..]));
    assert_eq!(f.get("k"), None);
    assert_eq!(f.get("zz"), None);
    let from_k: Vec<&str> = f.from("k").map(|(k, _)| k).collect();
    assert_eq!(from_k, ["ke", "ket", "khai", "ky"]);
    assert_eq!(f.from("kz").count(), 0);
    assert_eq!(f.from("").count(), 5);

    let last = index::Posting::new(index::Posting::MAX_DOCS - 1, Class::Facet);
    assert_eq!(
        (last.doc(), last.class()),
        (index::Posting::MAX_DOCS - 1, Class::Facet)
    );
}
