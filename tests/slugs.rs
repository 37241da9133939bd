//! URL names made from real titles: a title of 900 characters (real catalogues have them)
//! passes `check` and `build` alike, and its page's folder name is cut at a word within 80
//! characters.

mod common;

#[test]
fn a_900_character_title_checks_and_builds_with_a_short_url() {
    let root = common::sample_copy("long-title");
    let record = root.join("content/procedures/ho-tich/dang-ky-khai-sinh.yaml");
    let source = std::fs::read_to_string(&record).unwrap();
    let mut title = String::from("Đăng ký khai sinh");
    while title.chars().count() < 900 {
        title.push_str(
            ", kết hợp đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        );
    }
    let line = source
        .lines()
        .find(|l| l.starts_with("title:"))
        .unwrap()
        .to_owned();
    std::fs::write(
        &record,
        source.replace(&line, &format!("title: \"{title}\"")),
    )
    .unwrap();

    common::run_ok(&root, "check");
    common::run_ok(&root, "build");

    let slug = congkhai::vi::title_slug(&title);
    assert!(slug.len() <= congkhai::vi::TITLE_SLUG_MAX, "{slug}");
    assert!(congkhai::vi::slugify(&title).starts_with(&format!("{slug}-")));
    let page = root.join("public/thu-tuc").join(&slug).join("index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    // The page still gives the whole title.
    assert!(
        html.contains(&title),
        "the page does not show the whole title"
    );
    let _ = std::fs::remove_dir_all(&root);
}

/// Two long titles that differ only after the 80 characters a slug keeps, and two identical
/// titles, each get a page: their slug gets the code after it, the same on every build. A
/// `slug:` an editor wrote is kept, and wins over a made one.
#[test]
fn titles_that_make_the_same_slug_get_one_page_each_with_their_code() {
    let root = common::sample_copy("same-slug");
    let folder = root.join("content/procedures/ho-tich");
    let source = std::fs::read_to_string(folder.join("dang-ky-khai-sinh.yaml")).unwrap();
    let long = "Thu hồi giấy xác nhận nội dung quảng cáo thực phẩm trong trường hợp bị mất, hư hỏng (cấp tỉnh, xã Tân";
    let write = |file: &str, code: &str, title: &str, slug: Option<&str>| {
        let mut text = source
            .replace("code: \"1.001193\"", &format!("code: \"{code}\""))
            .replace(
                "title: \"Đăng ký khai sinh\"",
                &format!("title: \"{title}\""),
            );
        if let Some(slug) = slug {
            text = text.replacen("\nfield:", &format!("\nslug: {slug}\nfield:"), 1);
        }
        std::fs::write(folder.join(file), text).unwrap();
    };
    write("a.yaml", "9.700001", &format!("{long} 2)"), None);
    write("b.yaml", "9.700002", &format!("{long} 3)"), None);
    write("c.yaml", "9.700003", "Đăng ký giám hộ", None);
    write(
        "d.yaml",
        "9.700004",
        "Một thủ tục có đường dẫn riêng",
        Some("dang-ky-giam-ho"),
    );

    common::run_ok(&root, "check");
    common::run_ok(&root, "build");
    let cut = congkhai::vi::title_slug(&format!("{long} 2)"));
    assert_eq!(cut, congkhai::vi::title_slug(&format!("{long} 3)")));
    let page = |slug: &str| {
        std::fs::read_to_string(root.join("public/thu-tuc").join(slug).join("index.html"))
            .unwrap_or_else(|e| panic!("{slug}: {e}"))
    };
    assert!(page(&format!("{cut}-9-700001")).contains(&format!("{long} 2)")));
    assert!(page(&format!("{cut}-9-700002")).contains(&format!("{long} 3)")));
    // The sample's "Đăng ký giám hộ" and the new one share the title: both get their code; the
    // written slug keeps the bare address.
    assert!(page("dang-ky-giam-ho-1-004837").contains("Đăng ký giám hộ"));
    assert!(page("dang-ky-giam-ho-9-700003").contains("Đăng ký giám hộ"));
    assert!(page("dang-ky-giam-ho").contains("Một thủ tục có đường dẫn riêng"));
    // Two written slugs alike stay an error naming both files.
    write(
        "e.yaml",
        "9.700005",
        "Thủ tục khác",
        Some("dang-ky-giam-ho"),
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(["check", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("CK021") && stderr.contains("d.yaml"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&root);
}
