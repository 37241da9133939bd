//! Charts drawn at build time: no JavaScript, readable on a phone and in print.
//!
//! A chart is a list in HTML, one item per bar: its label and its figure are text of the page
//! (they wrap like any text and follow the reader's text size; at 390 px the labels of an SVG
//! scaled to the screen were 7 px high), and only the bar is a small SVG, stretched to the
//! share it shows, so that no `style` attribute is needed.

use std::fmt::Write as _;

use crate::model::config::StatsPeriod;
use crate::vi;
use crate::view::words::Words;

/// A horizontal bar per outcome (early, on time, late, in progress, withdrawn, returned) of one
/// period, each with its count. The three outcomes of resolved dossiers also give their share
/// of the resolved dossiers, the one denominator of every rate on the page (the rates table
/// uses it, with the same rounding and decimals, so a figure reads the same in both places);
/// the template says it in words under the chart.
pub fn resolution_chart(s: &StatsPeriod, words: &Words) -> String {
    // The labels come from the theme: escaped like any text put into the page.
    let [early, on_time, late, in_progress, withdrawn, returned] =
        words.chart.each_ref().map(|w| escape(w));
    let resolved = s.resolved.total();
    let rows: [(&str, u64, &str, bool); 6] = [
        (&early, s.resolved.early, "#1a7f37", true),
        (&on_time, s.resolved.on_time, "#2f6fb5", true),
        (&late, s.resolved.late, "#b42318", true),
        (
            &in_progress,
            s.in_progress.not_due + s.in_progress.overdue,
            "#8a6d00",
            false,
        ),
        (&withdrawn, s.withdrawn, "#6b6b6b", false),
        (&returned, s.returned, "#6b6b6b", false),
    ];
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let mut html = String::from(r#"<ul class="chart">"#);
    for (label, n, color, share) in rows {
        // Bar length in thousandths of the longest bar; a count above zero stays visible.
        let length = if n == 0 {
            0
        } else {
            (n * 1000).div_ceil(max).max(5)
        };
        let figure = if share {
            format!("{} ({})", vi::format_number(n), vi::percent(n, resolved, 2))
        } else {
            vi::format_number(n)
        };
        let _ = write!(
            html,
            r#"<li><span class="chart-label">{label}</span> <span class="chart-value">{figure}</span><svg class="chart-bar" aria-hidden="true" focusable="false" viewBox="0 0 1000 10" preserveAspectRatio="none"><rect width="{length}" height="10" fill="{color}"/></svg></li>"#
        );
    }
    html.push_str("</ul>");
    html
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period() -> StatsPeriod {
        serde_saphyr::from_str(
            "period: \"2025\"\nlabel: \"Năm 2025\"\nfrom: 2025-01-01\nto: 2025-12-31\n\
             carried_over: 35\nreceived: {online_full: 3100, online_partial: 4200, in_person: 4613, postal: 150}\n\
             resolved: {early: 2100, on_time: 9708, late: 210}\n\
             in_progress: {not_due: 40, overdue: 3}\nwithdrawn: 12\nreturned: 25\n",
        )
        .unwrap()
    }

    #[test]
    fn shares_in_the_chart_are_the_rates_of_the_table() {
        let s = period();
        let words = Words::new(&serde_json::Value::Null);
        let html = resolution_chart(&s, &words);
        let view = crate::view::StatsView::new(&s);
        // Early and late: the same figure as the rates table, over the resolved dossiers.
        assert!(
            html.contains(&format!("2.100 ({})", view.early_rate)),
            "{html}"
        );
        assert!(
            html.contains(&format!("210 ({})", view.late_rate)),
            "{html}"
        );
        assert_eq!(view.early_rate, "17,47%");
        // Outcomes that are not resolutions give their count alone.
        assert!(
            html.contains(r#"<span class="chart-value">43</span>"#),
            "{html}"
        );
        assert!(!html.contains("43 ("), "{html}");
    }
}
