import Foundation

/// Ranges as lines with end dots and single values as dots, sorted by midpoint.
struct RangeChart: ChartDrawing {
    let spec: ChartSpec
    let values: ValueText
    /// The width of each value label in em.
    let valueLabelEms: [Double]
    /// Each row's category label.
    let categoryLabels: [TextMetrics.Glyphs]

    init(spec: ChartSpec, values: ValueText) {
        self.spec = spec
        self.values = values
        valueLabelEms = values.rowLabels.map(TextMetrics.ems)
        categoryLabels = spec.rows.map { TextMetrics.Glyphs($0.label) }
    }

    /// Rows by descending midpoint (ordered by `ChartRenderer`).
    var rows: [ChartRow] { spec.rows }

    func draw(_ variant: Variant) -> (SVGCanvas, Double) {
        var canvas = SVGCanvas(width: variant.width)
        let rows = rows
        let labels = values.rowLabels
        let layout = RowLayout(labels: categoryLabels, variant: variant, top: 6)
        let valueColumn = (valueLabelEms.map { TextMetrics.paddedWidth(ems: $0, fontSize: variant.fontSize) }.max() ?? 0) + 10
        let all = rows.flatMap { [$0.low.double, ($0.high ?? $0.low).double] }
        let useLog = ScaleChoice.prefersLog(all, marksAreBars: false)
        let plotLeft = layout.plotLeft + 5
        let plotRight = variant.width - valueColumn
        let scale: any Scale =
            useLog
            ? LogScale(domain: ((all.min() ?? 1), (all.max() ?? 10)), range: (plotLeft, plotRight))
            : LinearScale(domain: ScaleChoice.barDomain(all, count: 5), range: (plotLeft, plotRight))

        layout.drawLabels(on: &canvas)
        for (index, row) in rows.enumerated() {
            let centre = layout.rows[index].markY
            let low = scale.position(of: all[2 * index])
            let high = scale.position(of: all[2 * index + 1])
            canvas.rule(x1: plotLeft, y1: centre, x2: plotRight, y2: centre, faint: true)
            canvas.startMark(title: ChartWords(language: spec.language).markTitle(row.label, labels[index]))
            if row.high != nil {
                canvas.segment(x1: low, x2: high, y: centre, mark: .highlight)
                canvas.circle(cx: low, cy: centre, r: 4.5, mark: .highlight)
            }
            canvas.circle(cx: high, cy: centre, r: 4.5, mark: .highlight)
            // A bound ("over ¥1.2M/yr") is open on one side: a chevron beside its dot points the way.
            var labelX = high + 8
            if let open = row.openEnd {
                if open == .above {
                    canvas.chevron(x: high + 7, y: centre, pointing: .above, mark: .highlight)
                    labelX = high + 17
                } else {
                    canvas.chevron(x: (row.high == nil ? high : low) - 7, y: centre, pointing: .below, mark: .highlight)
                }
            }
            canvas.endMark()
            canvas.text(labels[index], x: labelX, y: centre, cssClass: .value)
        }
        var y = layout.bottom
        canvas.rule(x1: plotLeft, y1: y + 2, x2: plotRight, y2: y + 2)
        if useLog {
            canvas.text(ChartWords(language: spec.language).logScale, x: plotRight, y: y + 14, anchor: .end, cssClass: .note)
            y += 16
        }
        return (canvas, y + 8)
    }

    func description() -> String {
        let words = ChartWords(language: spec.language)
        guard let top = rows.first else { return "" }
        let labels = values.rowLabels
        if rows.count == 1 { return words.single(top.label, labels[0]) }
        return words.extremes(labels: rows.map(\.label), values: labels, total: spec.totalCount)
    }
}
