/// Where row charts put category labels: in a left column on wide variants, above each mark on narrow ones,
/// so a phone-width chart keeps its whole width for the marks.
struct RowLayout {
    struct Row {
        var lines: [String]
        /// Where the label's lines are centred.
        var labelY: Double
        /// The centre line of the mark.
        var markY: Double
    }

    let labelsAbove: Bool
    /// The x where labels end (left column) or start (above).
    let labelX: Double
    /// The left edge of the marks.
    let plotLeft: Double
    private(set) var rows: [Row] = []
    /// The y below the last row.
    private(set) var bottom: Double

    /// Rows for category `labels`, split into glyphs once for every variant.
    init(labels: [TextMetrics.Glyphs], variant: Variant, top: Double, gap: Double = 6) {
        let font = variant.fontSize
        labelsAbove = variant.width < 500
        if labelsAbove {
            labelX = 2
            plotLeft = 2
        } else {
            let widest = labels.map { TextMetrics.paddedWidth(of: $0, fontSize: font) }.max() ?? 0
            labelX = min(variant.width * 0.38, widest) + 4
            plotLeft = labelX + 8 + gap
        }
        var y = top
        for label in labels {
            let width = labelsAbove ? variant.width - 4 : labelX - 4
            let lines = TextMetrics.wrap(label, maxWidth: width, fontSize: font, maxLines: labelsAbove ? 2 : 3)
            let labelHeight = Double(lines.count) * 17
            if labelsAbove {
                rows.append(Row(lines: lines, labelY: y + labelHeight / 2, markY: y + labelHeight + 13))
                y += labelHeight + 32
            } else {
                let height = max(30, labelHeight + 10)
                rows.append(Row(lines: lines, labelY: y + height / 2, markY: y + height / 2))
                y += height
            }
        }
        bottom = y
    }

    /// Draws the category labels.
    func drawLabels(on canvas: inout SVGCanvas) {
        for row in rows {
            canvas.text(row.lines, x: labelX, y: row.labelY, anchor: labelsAbove ? .start : .end)
        }
    }
}
