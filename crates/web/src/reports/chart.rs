//! Bar charts as inline SVG, drawn on the server: no script, readable in print and by
//! screen readers.
//!
//! A chart is groups of bars (one group per year, one bar per series) with every value
//! written above its bar and the group's label below, so that the numbers are there to read
//! and not only to estimate. The SVG is one image for assistive technology (`role="img"`)
//! whose `<title>` names it and whose `<desc>` lists every value in words. Colours come
//! from the stylesheet through the series' classes (`chart-series-0`, …), so that the
//! party's red and gold are defined once.

use std::fmt::Write;

/// Height of the plotting area: a bar of the largest value is this tall.
pub(crate) const PLOT_HEIGHT: f64 = 160.0;
/// Room above the plot for the legend (a line per series, two at most here) and the
/// values over the tallest bars.
const TOP: f64 = 62.0;
/// Height of one line of the legend.
const LEGEND_LINE: f64 = 18.0;
/// Room below the plot for the group labels.
const BOTTOM: f64 = 22.0;
/// Width of one bar.
const BAR: f64 = 30.0;
/// Space between two groups (and at each end).
const GAP: f64 = 18.0;
/// Narrowest chart, so that the legend fits whatever the number of groups.
const MIN_WIDTH: f64 = 360.0;

/// One group of bars: a label (the year) and one value per series, with the text shown
/// above each bar (`None`: nothing to show, no bar, the text says so).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Group {
    /// Written under the group.
    pub label: String,
    /// One value per series.
    pub values: Vec<Option<f64>>,
    /// One text per series, written above its bar.
    pub texts: Vec<String>,
}

/// A chart: its title, the names of its series, the groups and the value of a full bar.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chart {
    /// Unique within the page: the ids of the title and description derive from it.
    pub id: &'static str,
    /// The title, shown and read.
    pub title: String,
    /// The series' names, in the legend.
    pub series: Vec<String>,
    /// The groups, left to right.
    pub groups: Vec<Group>,
    /// The value of a bar of full height (the largest value, or 100 for percentages).
    pub max: f64,
}

/// The height of a bar of `value` when `max` fills `PLOT_HEIGHT`: proportional, 0 for
/// nothing, a negative or non-finite value, or a scale of zero; never above the plot.
pub(crate) fn bar_height(value: f64, max: f64) -> f64 {
    if !(value.is_finite() && max.is_finite()) || value <= 0.0 || max <= 0.0 {
        return 0.0;
    }
    (value / max).min(1.0) * PLOT_HEIGHT
}

/// The largest value of the groups (0 when there is none).
pub(crate) fn largest(groups: &[Group]) -> f64 {
    groups
        .iter()
        .flat_map(|g| g.values.iter().flatten())
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}

/// Width of the chart for `groups` groups of `series` bars.
fn width(groups: usize, series: usize) -> f64 {
    let group = BAR * series.max(1) as f64;
    (GAP + groups as f64 * (group + GAP)).max(MIN_WIDTH)
}

/// The chart as an `<svg>` element.
pub(crate) fn svg(chart: &Chart) -> String {
    let series = chart.series.len().max(1);
    let w = width(chart.groups.len(), series);
    let h = TOP + PLOT_HEIGHT + BOTTOM;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="chart-svg" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">"#,
        id = chart.id
    );
    let _ = write!(
        out,
        r#"<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>"#,
        chart.id,
        escape(&chart.title),
        chart.id,
        escape(&description(chart))
    );
    legend(&mut out, &chart.series);
    let base = TOP + PLOT_HEIGHT;
    let _ = write!(
        out,
        r#"<line class="chart-axis" x1="0" y1="{base}" x2="{w}" y2="{base}"/>"#
    );
    let group_width = BAR * series as f64;
    for (index, group) in chart.groups.iter().enumerate() {
        let left = GAP + index as f64 * (group_width + GAP);
        bars(&mut out, group, left, chart.max);
        let middle = left + group_width / 2.0;
        let _ = write!(
            out,
            r#"<text class="chart-label" x="{middle}" y="{}" text-anchor="middle">{}</text>"#,
            base + 16.0,
            escape(&group.label)
        );
    }
    out.push_str("</svg>");
    out
}

/// The bars of one group with their values above them.
fn bars(out: &mut String, group: &Group, left: f64, max: f64) {
    let base = TOP + PLOT_HEIGHT;
    for (i, text) in group.texts.iter().enumerate() {
        let x = left + i as f64 * BAR;
        let value = group.values.get(i).copied().flatten();
        let height = value.map_or(0.0, |v| bar_height(v, max));
        if value.is_some() {
            let _ = write!(
                out,
                r#"<rect class="chart-series-{i}" x="{}" y="{:.1}" width="{}" height="{height:.1}"/>"#,
                x + 2.0,
                base - height,
                BAR - 4.0
            );
        }
        let _ = write!(
            out,
            r#"<text class="chart-value" x="{}" y="{:.1}" text-anchor="middle">{}</text>"#,
            x + BAR / 2.0,
            base - height - 4.0,
            escape(text)
        );
    }
}

/// The legend: a swatch and a name per series, one line each, so that long names (the
/// ratings chart's) are never cut off by the chart's narrow width.
fn legend(out: &mut String, series: &[String]) {
    for (i, name) in series.iter().enumerate() {
        let top = 4.0 + LEGEND_LINE * i as f64;
        let _ = write!(
            out,
            r#"<rect class="chart-series-{i}" x="0" y="{top}" width="12" height="12"/><text class="chart-legend" x="16" y="{}">{}</text>"#,
            top + 10.0,
            escape(name)
        );
    }
}

/// Every value in words, for those who do not see the bars: "2019: A 85,7 %, B 98,0 %; …".
fn description(chart: &Chart) -> String {
    chart
        .groups
        .iter()
        .map(|g| {
            let values: Vec<String> = chart
                .series
                .iter()
                .zip(&g.texts)
                .map(|(name, text)| format!("{name} {text}"))
                .collect();
            format!("{}: {}", g.label, values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Text safe inside an SVG element or attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(label: &str, values: &[Option<f64>]) -> Group {
        Group {
            label: label.into(),
            values: values.to_vec(),
            texts: values
                .iter()
                .map(|v| v.map_or("—".into(), |v| v.to_string()))
                .collect(),
        }
    }

    fn chart(groups: Vec<Group>, max: f64) -> Chart {
        Chart {
            id: "c",
            title: "Kết nạp <theo> năm".into(),
            series: vec!["Đảng viên".into()],
            groups,
            max,
        }
    }

    /// The heights of the bars drawn, in order.
    fn heights(svg: &str) -> Vec<f64> {
        svg.split("<rect class=\"chart-series-0\" x=\"")
            .skip(2) // the text before the first rect, then the legend's swatch
            .map(|rest| {
                let h = rest.split("height=\"").nth(1).unwrap();
                h[..h.find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn bars_are_proportional_to_their_values() {
        assert_eq!(bar_height(50.0, 100.0), PLOT_HEIGHT / 2.0);
        assert_eq!(bar_height(100.0, 100.0), PLOT_HEIGHT);
        let svg = svg(&chart(
            vec![group("2019", &[Some(200.0)]), group("2020", &[Some(50.0)])],
            200.0,
        ));
        let h = heights(&svg);
        assert_eq!(h, vec![PLOT_HEIGHT, PLOT_HEIGHT / 4.0]);
    }

    #[test]
    fn nothing_zero_and_odd_values_give_no_height_and_no_nan() {
        assert_eq!(bar_height(0.0, 0.0), 0.0);
        assert_eq!(bar_height(5.0, 0.0), 0.0);
        assert_eq!(bar_height(f64::NAN, 10.0), 0.0);
        assert_eq!(bar_height(-3.0, 10.0), 0.0);
        assert_eq!(bar_height(30.0, 10.0), PLOT_HEIGHT, "never above the plot");
        let zeros = vec![group("2019", &[Some(0.0)]), group("2020", &[None])];
        let max = largest(&zeros);
        assert_eq!(max, 0.0);
        let svg = svg(&chart(zeros, max));
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        assert_eq!(heights(&svg), vec![0.0], "a zero bar, no bar for nothing");
        assert!(svg.contains(">—</text>"), "nothing says so");
        let empty = svg_of_empty();
        assert!(empty.starts_with("<svg") && empty.ends_with("</svg>"));
    }

    fn svg_of_empty() -> String {
        svg(&chart(Vec::new(), 0.0))
    }

    #[test]
    fn the_values_and_labels_are_text_and_the_image_is_named() {
        let svg = svg(&chart(vec![group("2019", &[Some(180.0)])], 180.0));
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains(r#"aria-labelledby="c-title c-desc""#));
        assert!(svg.contains("<title id=\"c-title\">Kết nạp &lt;theo&gt; năm</title>"));
        assert!(svg.contains("<desc id=\"c-desc\">2019: Đảng viên 180</desc>"));
        assert!(svg.contains(">180</text>") && svg.contains(">2019</text>"));
    }

    #[test]
    fn many_groups_widen_the_chart_and_few_keep_room_for_the_legend() {
        assert_eq!(width(1, 2), MIN_WIDTH);
        assert!(width(30, 2) > MIN_WIDTH);
        assert_eq!(width(30, 2), GAP + 30.0 * (2.0 * BAR + GAP));
    }
}
