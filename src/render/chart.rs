//! Charts drawn at build time as inline SVG: no JavaScript, readable in print.

use std::fmt::Write as _;

use crate::model::config::StatsPeriod;
use crate::vi;
use crate::view::words::Words;

/// A horizontal bar per outcome (early, on time, late, in progress, withdrawn, returned) of one
/// period, each labelled with its count and share of the period's dossiers. Text in the chart
/// repeats the table beside it, so the figure carries `role="img"` with a full description.
pub fn resolution_chart(s: &StatsPeriod, words: &Words) -> String {
    // The labels come from the theme: escaped like any text put into the SVG.
    let [early, on_time, late, in_progress, withdrawn, returned] =
        words.chart.each_ref().map(|w| escape(w));
    let rows: [(&str, u64, &str); 6] = [
        (&early, s.resolved.early, "#1a7f37"),
        (&on_time, s.resolved.on_time, "#2f6fb5"),
        (&late, s.resolved.late, "#b42318"),
        (
            &in_progress,
            s.in_progress.not_due + s.in_progress.overdue,
            "#8a6d00",
        ),
        (&withdrawn, s.withdrawn, "#6b6b6b"),
        (&returned, s.returned, "#6b6b6b"),
    ];
    let total: u64 = rows.iter().map(|r| r.1).sum();
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let (label_w, bar_w, row_h) = (170u64, 330u64, 34u64);
    let width = label_w + bar_w + 150;
    let height = row_h * rows.len() as u64 + 10;
    let description = rows
        .iter()
        .map(|(label, n, _)| format!("{label}: {}", vi::format_number(*n)))
        .collect::<Vec<_>>()
        .join("; ");
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{} — {description}" class="chart">"#,
        escape(&s.label)
    );
    for (i, (label, n, color)) in rows.iter().enumerate() {
        let y = i as u64 * row_h + 5;
        let w = if *n == 0 {
            0
        } else {
            (n * bar_w).div_ceil(max).max(2)
        };
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="end" font-size="13" fill="currentColor">{label}</text><rect x="{}" y="{}" width="{w}" height="{}" fill="{color}" rx="2"/><text x="{}" y="{}" font-size="13" fill="currentColor">{} ({})</text>"#,
            label_w - 8,
            y + row_h / 2 + 4,
            label_w,
            y + 4,
            row_h - 10,
            label_w + w + 6,
            y + row_h / 2 + 4,
            vi::format_number(*n),
            vi::percent(*n, total, 1)
        );
    }
    svg.push_str("</svg>");
    svg
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
