import Markup

/// A chart ready for a page: the `<figure>` HTML and what it weighs.
public struct RenderedChart: Sendable, Equatable {
    public var html: String
    /// The figure's id, `c-` plus a hash of what it charts (not of its values): the target of its permalink.
    public var id: String
    /// Bytes of each variant's `<svg>`, keyed by variant name.
    public var svgSizes: [String: Int]
}

/// What each kind of chart does: draw itself at one variant's size, and say its takeaway in words.
protocol ChartDrawing {
    /// The variant's drawing and its height.
    func draw(_ variant: Variant) -> (SVGCanvas, Double)
    /// One or two sentences with the takeaway and the extremes; every value is also in the table.
    func description() -> String
}

/// Chart specs in, accessible SVG figures out.
public struct ChartRenderer: Sendable {
    public var variants: [Variant]

    public init(variants: [Variant] = [.small, .large]) {
        self.variants = variants
    }

    /// The figure for `spec`; `occurrence` > 1 keeps ids unique when a page shows two charts with the same
    /// permalink key.
    public func render(_ unordered: ChartSpec, occurrence: Int = 1) -> RenderedChart {
        let decimals = unordered.rows.map(RowDecimals.init)
        let ids = ChartIDs(spec: unordered, occurrence: occurrence)
        let order = Self.readingOrder(unordered)
        var spec = unordered
        spec.rows = order.map { unordered.rows[$0] }
        let values = ValueText(spec: spec, decimals: order.map { decimals[$0] })
        let chart = Self.chart(spec, values: values)
        // Title and description each appear several times; they are escaped once.
        let title = escape(spec.title)
        let description = escape(chart.description())
        let drawings = variants.map { chart.draw($0) }

        let capacity = drawings.reduce(2048 + 2 * (title.utf8.count + description.utf8.count) + spec.rows.count * 256) {
            $0 + $1.0.body.count + 600
        }
        var html = MarkupBuffer(capacity: capacity)
        html.start("figure")
        html.attribute("class", trusted: "chart chart-" + spec.kind.rawValue)
        html.attribute("id", trusted: ids.base)
        html.attribute("lang", spec.language == .zh ? "zh-Hans" : "en")
        html.raw("><figcaption><span class=\"chart-title\">")
        html.raw(title)
        // A permalink that stays when values change: the id comes from what the chart shows.
        html.raw(" <a class=\"chart-link\" href=\"#")
        html.raw(ids.base)
        html.raw("\">#<span class=\"visually-hidden\"> ")
        html.raw(ChartWords(language: spec.language).linkToChart)
        html.raw("</span></a></span> <span class=\"chart-takeaway\">")
        html.raw(description)
        html.raw("</span></figcaption><div class=\"chart-variants\">")
        var sizes: [String: Int] = [:]
        for (variant, (canvas, height)) in zip(variants, drawings) {
            let start = html.count
            canvas.writeSVG(into: &html, height: height, ids: ids, variant: variant, escapedTitle: title, escapedDescription: description)
            sizes[variant.name] = html.count - start
        }
        html.raw("</div>")
        let source = spec.source.map { ChartWords(language: spec.language).source + $0 }
        let note = (spec.notes + [source].compactMap { $0 }).joined(separator: " ")
        if !note.isEmpty {
            html.raw("<p class=\"chart-note\">")
            html.text(note)
            html.raw("</p>")
        }
        // The data behind the chart, exactly the rows drawn, as a CSV that travels with the page.
        html.raw("<p class=\"chart-data\"><a href=\"")
        html.raw(ChartCSV(spec: spec, values: values).dataURL)
        html.raw("\" download=\"")
        html.raw(ids.base)
        html.raw(".csv\">")
        html.raw(ChartWords(language: spec.language).getTheData)
        html.raw("</a></p>")
        writeTable(spec, values: values, escapedTitle: title, into: &html)
        html.raw("</figure>\n")
        return RenderedChart(html: html.string, id: ids.base, svgSizes: sizes)
    }

    /// The indices of the rows in reading order: bars by value (a comparison's base first), ranges by
    /// midpoint, timeline rounds by date (undated last); shares keep their bin order.
    static func readingOrder(_ spec: ChartSpec) -> [Int] {
        let rows = spec.rows
        switch spec.kind {
        case .bars, .comparison:
            let values = rows.map(\.low.double)
            let context = rows.indices.filter { rows[$0].isContext }
            return context + rows.indices.filter { !rows[$0].isContext }.sorted { values[$0] > values[$1] }
        case .ranges:
            let midpoints = rows.map { ($0.low.double + ($0.high ?? $0.low).double) / 2 }
            return rows.indices.sorted { midpoints[$0] > midpoints[$1] }
        case .timeline:
            // Undated rounds come last, as their lane is right of the years.
            return rows.indices.sorted { (rows[$0].date ?? .infinity, $0) < (rows[$1].date ?? .infinity, $1) }
        case .stacked:
            return Array(rows.indices)
        }
    }

    private static func chart(_ spec: ChartSpec, values: ValueText) -> any ChartDrawing {
        switch spec.kind {
        case .bars, .comparison: BarChart(spec: spec, values: values)
        case .ranges: RangeChart(spec: spec, values: values)
        case .timeline: TimelineChart(spec: spec, values: values)
        case .stacked: StackedChart(spec: spec, values: values)
        }
    }

    /// Every plotted value, formatted as in the chart and in full.
    private func writeTable(_ spec: ChartSpec, values: ValueText, escapedTitle: String, into html: inout MarkupBuffer) {
        let words = ChartWords(language: spec.language)
        html.raw("<details><summary>")
        html.raw(words.dataTable)
        html.raw("</summary><table><caption>")
        html.raw(escapedTitle)
        html.raw("</caption><thead><tr>")
        let timeline = spec.kind == .timeline
        for header in timeline ? words.timelineHeaders : words.headers {
            html.raw("<th scope=\"col\">")
            html.text(header)
            html.raw("</th>")
        }
        html.raw("</tr></thead><tbody>")
        for (index, row) in spec.rows.enumerated() {
            html.raw("<tr><th scope=\"row\">")
            html.text(timeline ? (row.series ?? row.label) : row.label)
            html.raw("</th>")
            if timeline {
                html.element("td", text: row.detail ?? "")
                html.element("td", text: row.dateLabel ?? "")
            }
            html.raw("<td class=\"num\">")
            html.text(values.rowLabels[index])
            html.raw("</td>")
            if timeline {
                html.raw("<td class=\"num\">")
                html.text(values.secondaryLabels[index] ?? "")
                html.raw("</td>")
            }
            html.raw("<td class=\"num\">")
            html.text(values.exact(row: index) + (row.written.isEmpty ? "" : " (\(row.written))"))
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></details>")
    }
}

extension ChartRenderer {
    /// `html` with each chart figure drawn in one variant only, for readers without the site's CSS (feeds),
    /// which would otherwise show every chart once per variant.
    public static func keepingOnly(_ variant: Variant, in html: String) -> String {
        let marker = "<div class=\"chart-variants\">"
        guard html.contains(marker) else { return html }
        let wanted = " class=\"" + variant.cssClass + "\""
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let start = rest.range(of: marker) {
            result += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            // The variants follow one another up to the closing </div>; none holds another <svg>.
            while rest.hasPrefix("<svg "), let end = rest.range(of: "</svg>"), let tagEnd = rest.firstIndex(of: ">") {
                if rest[..<tagEnd].contains(wanted) { result += rest[..<end.upperBound] }
                rest = rest[end.upperBound...]
            }
        }
        result += rest
        return result
    }
}
