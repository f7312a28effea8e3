import Foundation

/// Horizontal bars with category labels on the left and value labels at the bar ends.
struct BarChart: ChartDrawing {
    let spec: ChartSpec
    let values: ValueText
    /// Each row's label at its bar end; a comparison's bars also say how they relate to the base.
    let valueLabels: [String]
    /// The width of each value label in em.
    let valueLabelEms: [Double]
    /// Each row's category label.
    let categoryLabels: [TextMetrics.Glyphs]

    init(spec: ChartSpec, values: ValueText) {
        self.spec = spec
        self.values = values
        valueLabels = Self.valueLabels(spec, values: values)
        valueLabelEms = valueLabels.map(TextMetrics.ems)
        categoryLabels = spec.rows.map { TextMetrics.Glyphs($0.label) }
    }

    /// Bars by descending value, a comparison's gray base first (ordered by `ChartRenderer`).
    var rows: [ChartRow] { spec.rows }

    func draw(_ variant: Variant) -> (SVGCanvas, Double) {
        var canvas = SVGCanvas(width: variant.width)
        let rows = rows
        let labels = valueLabels
        let layout = RowLayout(labels: categoryLabels, variant: variant, top: 6)
        let valueColumn = (valueLabelEms.map { TextMetrics.paddedWidth(ems: $0, fontSize: variant.fontSize) }.max() ?? 0) + 6
        let domain = Self.domain(spec)
        let scale = LinearScale(domain: domain, range: (layout.plotLeft, variant.width - valueColumn))
        let zero = scale.position(of: 0)

        // Shares run to 100%: a faint rule at the end of each bar's track marks the whole (a comparison's grey
        // base bar does that already), so two 50% bars fill
        // half of it; drawn first, under any value label that crosses it.
        if let whole = Self.wholeShare(spec), !rows.contains(where: \.isContext) {
            let x = scale.position(of: whole)
            for row in layout.rows { canvas.rule(x1: x, y1: row.markY - 9, x2: x, y2: row.markY + 9, faint: true) }
        }
        layout.drawLabels(on: &canvas)
        for (index, row) in rows.enumerated() {
            let centre = layout.rows[index].markY
            let end = scale.position(of: row.low.double)
            canvas.startMark(title: ChartWords(language: spec.language).markTitle(row.label, values.rowLabels[index]))
            let mark: Mark = row.isContext ? .context : .highlight
            canvas.rect(x: min(zero, end), y: centre - 9, width: abs(end - zero), height: 18, mark: mark)
            let after = row.low >= 0
            // A bound ("over 30%", "under 10%") is not an end: a chevron beyond the bar points the way it is open.
            var labelGap = 4.0
            if let open = row.openEnd {
                // Larger values lie to the right; the chevron fills the 3–8 px just beyond the bar's end.
                let edge = after ? max(end, zero) : min(end, zero)
                let base = after ? (open == .above ? edge + 3 : edge + 8) : (open == .above ? edge - 8 : edge - 3)
                canvas.chevron(x: base, y: centre, pointing: open, mark: mark)
                labelGap = 12
            }
            canvas.endMark()
            canvas.text(labels[index], x: after ? max(end, zero) + labelGap : min(end, zero) - labelGap, y: centre, anchor: after ? .start : .end, cssClass: .value)
        }
        // The zero baseline stays; with every value labelled there are no ticks or gridlines.
        // With labels above the bars it runs beside each bar only, clear of the text.
        if layout.labelsAbove {
            for row in layout.rows { canvas.rule(x1: zero, y1: row.markY - 12, x2: zero, y2: row.markY + 12) }
        } else {
            canvas.rule(x1: zero, y1: 2, x2: zero, y2: layout.bottom + 2)
        }
        // A share scale says where it ends: "0%" and "100%" under the bars.
        if let whole = Self.wholeShare(spec), !rows.contains(where: \.isContext) {
            let format = CompactFormat(language: spec.language)
            for (value, anchor) in [(0.0, SVGCanvas.Anchor.start), (whole, .end)] {
                let x = scale.position(of: value)
                canvas.text(format.percent(Decimal(value)), x: anchor == .start ? x - 1 : x + 1, y: layout.bottom + 12, anchor: anchor, cssClass: .tick)
            }
            return (canvas, layout.bottom + 26)
        }
        return (canvas, layout.bottom + 6)
    }

    /// Zero to the largest value, niced; shares of a whole (percentages from 0 to 100) always run to 100%.
    static func domain(_ spec: ChartSpec) -> (Double, Double) {
        if let whole = wholeShare(spec) { return (0, whole) }
        return ScaleChoice.barDomain(spec.rows.map(\.low.double), count: 5)
    }

    /// 100 when every value is a percentage between 0 and 100, so the bars are parts of a whole.
    static func wholeShare(_ spec: ChartSpec) -> Double? {
        guard case .percent = spec.unit, spec.rows.allSatisfy({ $0.low >= 0 && $0.low <= 100 }) else { return nil }
        return 100
    }

    /// A comparison's bars say how they relate to the base: "30% (0.3×)".
    private static func valueLabels(_ spec: ChartSpec, values: ValueText) -> [String] {
        let base = spec.kind == .comparison ? spec.rows.first(where: \.isContext) : nil
        return spec.rows.enumerated().map { index, row in
            let label = values.rowLabels[index]
            guard let base, !row.isContext, base.low != 0 else { return label }
            let ratio = row.low / base.low
            return "\(label) (\(CompactFormat(language: spec.language).format(ratio, significantDigits: 3))×)"
        }
    }

    func description() -> String {
        let words = ChartWords(language: spec.language)
        let marks = rows.indices.filter { !rows[$0].isContext }
        guard let top = marks.first else { return "" }
        if spec.kind == .comparison, let base = rows.firstIndex(where: \.isContext) {
            return words.comparison(
                base: rows[base].label, baseValue: values.rowLabels[base], parts: marks.map { (rows[$0].label, valueLabels[$0]) })
        }
        if marks.count == 1 { return words.single(rows[top].label, values.rowLabels[top]) }
        return words.extremes(labels: marks.map { rows[$0].label }, values: marks.map { values.rowLabels[$0] }, total: spec.totalCount)
    }
}
