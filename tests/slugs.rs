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
