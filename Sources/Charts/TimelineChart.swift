import Foundation

/// Funding rounds on a time axis: one row per company, dot area ∝ amount, valuation as a hollow ring.
struct TimelineChart: ChartDrawing {
    let spec: ChartSpec
    let values: ValueText
    /// Companies in order of their first round, each with the indices of its rounds by date.
    let series: [(name: TextMetrics.Glyphs, rows: [Int])]
    /// Each round's label under its dot, "$600M · Series A", and its width in em.
    let roundLabels: [(text: String, ems: Double)]
    /// Each round's values for its dot's title: "MiniMax Series A, March 2024: $600M; valued at $2.5B".
    let markTitles: [String]

    init(spec: ChartSpec, values: ValueText) {
        self.spec = spec
        self.values = values
        series = Self.series(spec.rows).map { (TextMetrics.Glyphs($0.name), $0.rows) }
        roundLabels = zip(spec.rows, values.rowLabels).map { row, value in
            let text = row.detail.map { value + " · " + $0 } ?? value
            return (text, TextMetrics.ems(text))
        }
        let words = ChartWords(language: spec.language)
        markTitles = spec.rows.indices.map { index in
            let row = spec.rows[index]
            let name = [row.series ?? row.label, row.detail].compactMap { $0 }.joined(separator: " ")
            return words.roundTitle(
                name: name, date: row.dateLabel, amount: values.rowLabels[index], valuation: values.secondaryLabels[index])
        }
    }

    /// Companies in order of their first round, each with the indices of its rounds (rows come ordered by date).
    static func series(_ rows: [ChartRow]) -> [(name: String, rows: [Int])] {
        var order: [String] = []
        var indices: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() {
            let name = row.series ?? row.label
            if indices[name] == nil { order.append(name) }
            indices[name, default: []].append(index)
        }
        return order.map { ($0, indices[$0] ?? []) }
    }

    func draw(_ variant: Variant) -> (SVGCanvas, Double) {
        var canvas = SVGCanvas(width: variant.width)
        let font = variant.fontSize
        let maxRadius = variant.width < 500 ? 13.0 : 17.0
        let labelColumn = min(variant.width * 0.3, series.map { TextMetrics.paddedWidth(of: $0.name, fontSize: font) }.max() ?? 0) + 8
        let plotLeft = labelColumn + maxRadius + 4
        // Undated rounds keep their company's row, in a lane of their own right of the years.
        let hasUndated = spec.rows.contains { $0.date == nil }
        let words = ChartWords(language: spec.language)
        let undatedWidth = hasUndated ? max(2 * maxRadius + 8, TextMetrics.paddedWidth(of: words.undated, fontSize: font)) + 12 : 0
        let undatedX = variant.width - 4 - undatedWidth / 2
        let plotRight = variant.width - maxRadius - 8 - undatedWidth
        let dates = spec.rows.compactMap(\.date)
        let (start, stop) = Self.yearDomain(dates)
        let scale = LinearScale(domain: (start, stop), range: (plotLeft, plotRight))
        let largest = spec.rows.flatMap { [$0.low.double, $0.secondary?.double ?? 0] }.max() ?? 1
        func radius(_ value: Double) -> Double { max(3, maxRadius * (value / max(largest, 1)).squareRoot()) }

        var y = 22.0
        // Legend: shape, not colour alone, tells amount from valuation.
        let amountLegend = words.amountRaised
        canvas.circle(cx: plotLeft, cy: 10, r: 4.5, mark: .highlight)
        canvas.text(amountLegend, x: plotLeft + 9, y: 10, cssClass: .note)
        // The ring is explained only where one is drawn.
        if spec.rows.contains(where: { $0.secondary != nil }) {
            let legendOffset = plotLeft + 9 + TextMetrics.paddedWidth(of: amountLegend, fontSize: font) + 16
            canvas.circle(cx: legendOffset, cy: 10, r: 4.5, mark: .highlight, hollow: true)
            canvas.text(words.valuation, x: legendOffset + 9, y: 10, cssClass: .note)
        }

        for (name, indices) in series {
            let centre = y + maxRadius + 4
            canvas.rule(x1: plotLeft - maxRadius, y1: centre, x2: plotRight + maxRadius, y2: centre, faint: true)
            canvas.text(Array(TextMetrics.wrap(name, maxWidth: labelColumn - 8, fontSize: font).prefix(2)), x: labelColumn, y: centre, anchor: .end)
            var placed: [(index: Int, x: Double, line: Int, anchor: SVGCanvas.Anchor)] = []
            // Each line's right end so far: labels go on the first line they fit, else the second, else
            // none (the dot keeps its title, and the table lists it); text never overprints text.
            var lineEnds = [-Double.infinity, -Double.infinity]
            for index in indices {
                let row = spec.rows[index]
                let x = row.date.map(scale.position) ?? undatedX
                canvas.startMark(title: markTitles[index])
                if let valuation = row.secondary { canvas.circle(cx: x, cy: centre, r: radius(valuation.double), mark: .highlight, hollow: true) }
                canvas.circle(cx: x, cy: centre, r: radius(row.low.double), mark: .highlight)
                canvas.endMark()
                let width = TextMetrics.paddedWidth(ems: roundLabels[index].ems, fontSize: font)
                let anchor: SVGCanvas.Anchor = x + width / 2 > variant.width - 2 ? .end : (x - width / 2 < labelColumn ? .start : .middle)
                let labelX = anchor == .end ? variant.width - 2 : (anchor == .start ? max(x - maxRadius, labelColumn + 4) : x)
                let left = anchor == .end ? labelX - width : (anchor == .start ? labelX : labelX - width / 2)
                if let line = lineEnds.indices.first(where: { lineEnds[$0] + 6 <= left }) {
                    lineEnds[line] = left + width
                    placed.append((index, labelX, line, anchor))
                }
            }
            for label in placed {
                canvas.text(roundLabels[label.index].text, x: label.x, y: centre + maxRadius + 11 + Double(label.line) * 17, anchor: label.anchor, cssClass: .value)
            }
            let lines = placed.map(\.line).max().map { $0 + 1 } ?? 1
            y += 2 * maxRadius + 26 + Double(lines - 1) * 17
        }
        // Year axis.
        canvas.rule(x1: plotLeft - maxRadius, y1: y, x2: plotRight + maxRadius, y2: y)
        let count = ScaleChoice.targetTickCount(length: plotRight - plotLeft, axis: .x)
        for tick in Ticks.ticks(from: start, to: stop, count: count) where tick == tick.rounded() {
            let x = scale.position(of: tick)
            canvas.rule(x1: x, y1: y, x2: x, y2: y + 5)
            canvas.text(String(Int(tick)), x: x, y: y + 15, anchor: .middle, cssClass: .tick)
        }
        if hasUndated {
            canvas.rule(x1: undatedX, y1: y, x2: undatedX, y2: y + 5)
            canvas.text(words.undated, x: undatedX, y: y + 15, anchor: .middle, cssClass: .tick)
        }
        return (canvas, y + 26)
    }

    /// Whole years around the rounds, at least two years wide.
    static func yearDomain(_ dates: [Double]) -> (Double, Double) {
        let low = (dates.min() ?? 2024).rounded(.down)
        let high = max((dates.max() ?? 2025).rounded(.up), low + 1)
        return high - low < 2 ? (low, high + 1) : (low, high)
    }

    func description() -> String {
        let rows = spec.rows
        guard let largest = rows.indices.max(by: { rows[$0].low < rows[$1].low }) else {
            return ""
        }
        let words = ChartWords(language: spec.language)
        let dated = rows.filter { $0.date != nil }
        let span = dated.first?.dateLabel.flatMap { a in dated.last?.dateLabel.map { b in words.span(a, b) } }
        let name = [rows[largest].series ?? rows[largest].label, rows[largest].detail].compactMap { $0 }.joined(separator: " ")
        let valuations = rows.indices.compactMap { index in
            values.secondaryLabels[index].map { (name: rows[index].series ?? rows[index].label, value: $0, date: rows[index].dateLabel) }
        }
        return words.rounds(
            count: rows.count, total: spec.totalCount, span: span, undated: rows.count - dated.count, largest: (values.rowLabels[largest], name),
            valuations: valuations)
    }
}
