import Markup

/// A chart ready for a page: the `<figure>` HTML and what it weighs.
public struct RenderedChart: Sendable, Equatable {
    public var html: String
    /// The figure's id, `c-` plus the spec hash.
    public var id: String
    /// Bytes of each variant's `<svg>`, keyed by variant name (R38).
    public var svgSizes: [String: Int]
}

/// Chart specs in, accessible SVG figures out (CHARTS §C–F).
public struct ChartRenderer: Sendable {
    public var variants: [Variant]

    public init(variants: [Variant] = [.small, .large]) {
        self.variants = variants
    }

    /// The figure for `spec`; `occurrence` > 1 keeps ids unique when a page repeats a chart.
    public func render(_ unordered: ChartSpec, occurrence: Int = 1) -> RenderedChart {
        let ids = ChartIDs(spec: unordered, occurrence: occurrence)
        let spec = Self.ordered(unordered)
        let values = ValueText(spec: spec)
        let description = description(of: spec, values: values)
        var svgs: [String] = []
        var sizes: [String: Int] = [:]
        for variant in variants {
            let (canvas, height) = draw(spec, values: values, variant: variant)
            let svg = canvas.svg(height: height, ids: ids, variant: variant, title: spec.title, description: description)
            sizes[variant.name] = svg.utf8.count
            svgs.append(svg)
        }

        var html = MarkupWriter(capacity: svgs.reduce(1024) { $0 + $1.utf8.count })
        html.open("figure", ["class": "chart chart-\(spec.kind.rawValue)", "id": ids.base, "lang": spec.language == .zh ? "zh-Hans" : "en"])
        html.open("figcaption")
        html.element("span", ["class": "chart-title"], text: spec.title)
        html.raw(" ")
        html.element("span", ["class": "chart-takeaway"], text: description)
        html.close("figcaption")
        html.raw("<div class=\"chart-variants\">")
        for svg in svgs { html.raw(svg) }
        html.raw("</div>")
        let source = spec.source.map { ChartWords(language: spec.language).source + $0 }
        let note = (spec.notes + [source].compactMap { $0 }).joined(separator: " ")
        if !note.isEmpty { html.element("p", ["class": "chart-note"], text: note) }
        writeTable(spec, values: values, into: &html)
        html.close("figure")
        html.raw("\n")
        return RenderedChart(html: html.output, id: ids.base, svgSizes: sizes)
    }

    /// Rows in reading order, sorted once: bars by value (a comparison's base first), ranges by midpoint
    /// (R14, R15), timeline rounds by date; shares keep their bin order (R17).
    static func ordered(_ spec: ChartSpec) -> ChartSpec {
        var spec = spec
        switch spec.kind {
        case .bars, .comparison:
            let keyed = spec.rows.map { ($0, $0.low.double) }
            let sorted = keyed.filter { !$0.0.isContext } .sorted { $0.1 > $1.1 }.map(\.0)
            spec.rows = spec.rows.filter(\.isContext) + sorted
        case .ranges:
            spec.rows = spec.rows.map { ($0, ($0.low.double + ($0.high ?? $0.low).double) / 2) }.sorted { $0.1 > $1.1 }.map(\.0)
        case .timeline:
            spec.rows = spec.rows.enumerated().sorted { ($0.element.date ?? 0, $0.offset) < ($1.element.date ?? 0, $1.offset) }.map(\.element)
        case .stacked:
            break
        }
        return spec
    }

    private func draw(_ spec: ChartSpec, values: ValueText, variant: Variant) -> (SVGCanvas, Double) {
        switch spec.kind {
        case .bars, .comparison: BarChart(spec: spec, values: values).draw(variant)
        case .ranges: RangeChart(spec: spec, values: values).draw(variant)
        case .timeline: TimelineChart(spec: spec, values: values).draw(variant)
        case .stacked: StackedChart(spec: spec, values: values).draw(variant)
        }
    }

    /// One or two sentences with the takeaway and the extremes (R22); every value is also in the table.
    func description(of spec: ChartSpec, values: ValueText) -> String {
        switch spec.kind {
        case .bars, .comparison: BarChart(spec: spec, values: values).description()
        case .ranges: RangeChart(spec: spec, values: values).description()
        case .timeline: TimelineChart(spec: spec, values: values).description()
        case .stacked: StackedChart(spec: spec, values: values).description()
        }
    }

    /// Every plotted value, formatted as in the chart and in full (R23).
    private func writeTable(_ spec: ChartSpec, values: ValueText, into html: inout MarkupWriter) {
        let words = ChartWords(language: spec.language)
        html.raw("<details><summary>\(words.dataTable)</summary><table>")
        html.element("caption", text: spec.title)
        let timeline = spec.kind == .timeline
        let headers = timeline ? words.timelineHeaders : words.headers
        html.raw("<thead><tr>")
        for header in headers { html.element("th", ["scope": "col"], text: header) }
        html.raw("</tr></thead><tbody>")
        for row in spec.rows {
            html.raw("<tr>")
            html.element("th", ["scope": "row"], text: timeline ? (row.series ?? row.label) : row.label)
            if timeline {
                html.element("td", text: row.detail ?? "")
                html.element("td", text: row.dateLabel ?? "")
            }
            html.element("td", ["class": "num"], text: values.label(row))
            if timeline { html.element("td", ["class": "num"], text: row.secondary.map { values.label(low: $0) } ?? "") }
            html.element("td", ["class": "num"], text: values.exact(low: row.low, high: row.high) + (row.written.isEmpty ? "" : " (\(row.written))"))
            html.raw("</tr>")
        }
        html.raw("</tbody></table></details>")
    }
}
