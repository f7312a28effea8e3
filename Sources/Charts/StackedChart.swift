import Foundation

/// Shares of one whole as a single 100% bar in bin order, with percentages on or below the segments.
struct StackedChart: ChartDrawing {
    let spec: ChartSpec
    let values: ValueText
    /// Each row's legend entry: its label and share.
    let legends: [TextMetrics.Glyphs]

    init(spec: ChartSpec, values: ValueText) {
        self.spec = spec
        self.values = values
        legends = zip(spec.rows, values.rowLabels).map { TextMetrics.Glyphs("\($0.label) · \($1)") }
    }

    func draw(_ variant: Variant) -> (SVGCanvas, Double) {
        var canvas = SVGCanvas(width: variant.width)
        let rows = spec.rows
        let total = rows.reduce(Decimal(0)) { $0 + $1.low }.double
        let left = 2.0
        let right = variant.width - 2
        let barTop = 8.0
        let barHeight = 34.0
        var x = left
        var below: [(x: Double, text: String)] = []
        for (index, row) in rows.enumerated() {
            let width = (right - left) * row.low.double / max(total, 1)
            let mark = Mark.ramp(index, of: rows.count)
            // A 2 px gap in the background colour separates neighbours (G209).
            let text = values.rowLabels[index]
            canvas.startMark(title: ChartWords(language: spec.language).markTitle(row.label, text))
            canvas.rect(x: x, y: barTop, width: max(width - 2, 0.5), height: barHeight, mark: mark)
            canvas.endMark()
            if TextMetrics.paddedWidth(of: text, fontSize: variant.fontSize, bold: true) + 8 <= width - 2 {
                canvas.text(text, x: x + (width - 2) / 2, y: barTop + barHeight / 2, anchor: .middle, cssClass: .inside(mark))
            } else {
                below.append((x + (width - 2) / 2, text))
            }
            x += width
        }
        var y = barTop + barHeight
        for item in below {
            canvas.rule(x1: item.x, y1: y, x2: item.x, y2: y + 8)
            canvas.text(item.text, x: item.x, y: y + 17, anchor: .middle, cssClass: .value)
        }
        if !below.isEmpty { y += 26 }
        // The legend repeats each share, so segments are told apart by order and value, not colour alone.
        y += 14
        for index in rows.indices {
            let mark = Mark.ramp(index, of: rows.count)
            let lines = Array(TextMetrics.wrap(legends[index], maxWidth: variant.width - 24, fontSize: variant.fontSize).prefix(2))
            let height = Double(lines.count) * 17 + 6
            canvas.rect(x: left, y: y + height / 2 - 6, width: 12, height: 12, mark: mark)
            canvas.text(lines, x: left + 20, y: y + height / 2)
            y += height
        }
        return (canvas, y + 6)
    }

    func description() -> String {
        let rows = spec.rows
        guard let largest = rows.indices.max(by: { rows[$0].low < rows[$1].low }) else { return "" }
        return ChartWords(language: spec.language).shares(
            largest: (rows[largest].label, values.rowLabels[largest]), parts: rows.indices.map { (rows[$0].label, values.rowLabels[$0]) })
    }
}
