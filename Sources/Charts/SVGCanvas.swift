/// An SVG drawing for one variant: shapes are appended, the root element is added once the height is known.
struct SVGCanvas {
    let width: Double
    private(set) var body = MarkupBuffer(capacity: 4096)

    init(width: Double) {
        self.width = width
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, mark: Mark) {
        body.start("rect")
        body.attribute("class", trusted: mark.cssClass)
        body.attribute("x", x)
        body.attribute("y", y)
        body.attribute("width", max(width, 0))
        body.attribute("height", height)
        body.attribute("fill", trusted: mark.fill)
        body.emptyEnd()
    }

    mutating func circle(cx: Double, cy: Double, r: Double, mark: Mark, hollow: Bool = false) {
        body.start("circle")
        body.attribute("class", trusted: hollow ? mark.strokeClass : mark.cssClass)
        body.attribute("cx", cx)
        body.attribute("cy", cy)
        body.attribute("r", r)
        if hollow {
            body.attribute("fill", "none")
            body.attribute("stroke", trusted: mark.fill)
            body.attribute("stroke-width", "2")
        } else {
            body.attribute("fill", trusted: mark.fill)
        }
        body.emptyEnd()
    }

    /// Opens a group for one mark's shapes, titled with its values: browsers show the title on hover.
    mutating func startMark(title: String) {
        body.raw("<g><title>")
        body.text(title)
        body.raw("</title>")
    }

    /// Closes the group `startMark(title:)` opened.
    mutating func endMark() {
        body.raw("</g>")
    }

    /// A 1 px rule in the text colour (axes, baselines, leaders), snapped to the pixel grid.
    mutating func rule(x1: Double, y1: Double, x2: Double, y2: Double, faint: Bool = false) {
        let snappedX = x1 == x2 ? SVGNumber.halfPixel(x1) : nil
        let snappedY = y1 == y2 ? SVGNumber.halfPixel(y1) : nil
        body.start("line")
        body.attribute("class", faint ? "grid" : "axis")
        body.attribute("x1", snappedX ?? x1)
        body.attribute("y1", snappedY ?? y1)
        body.attribute("x2", snappedX ?? x2)
        body.attribute("y2", snappedY ?? y2)
        body.attribute("stroke", "currentColor")
        if faint { body.attribute("stroke-opacity", "0.25") }
        body.emptyEnd()
    }

    /// A line between two points in a mark's colour (a range).
    mutating func segment(x1: Double, x2: Double, y: Double, mark: Mark) {
        body.start("line")
        body.attribute("class", trusted: mark.strokeClass)
        body.attribute("x1", x1)
        body.attribute("y1", y)
        body.attribute("x2", x2)
        body.attribute("y2", y)
        body.attribute("stroke", trusted: mark.fill)
        body.attribute("stroke-width", "3")
        body.emptyEnd()
    }

    /// An open chevron in a mark's colour, its point `pointing` away from (`x`, `y`): the open end of a bounded value.
    mutating func chevron(x: Double, y: Double, pointing end: ChartRow.OpenEnd, mark: Mark) {
        let tip = end == .above ? x + 5 : x - 5
        body.start("path")
        body.attribute("class", trusted: mark.strokeClass)
        body.attribute("d", trusted: "M" + SVGNumber.format(x) + " " + SVGNumber.format(y - 6) + "L" + SVGNumber.format(tip) + " "
            + SVGNumber.format(y) + "L" + SVGNumber.format(x) + " " + SVGNumber.format(y + 6))
        body.attribute("fill", "none")
        body.attribute("stroke", trusted: mark.fill)
        body.attribute("stroke-width", "2")
        body.emptyEnd()
    }

    enum Anchor { case start, middle, end }

    /// The CSS classes of text elements.
    enum TextClass {
        /// A value label.
        case value
        /// A note such as "log scale" or a legend entry.
        case note
        /// A tick label.
        case tick
        /// A label inside a mark, in the contrasting colour for that mark.
        case inside(Mark)
    }

    /// Text centred on `y`; several lines become `tspan`s. Vertical centring uses `dy`, never baseline attributes.
    mutating func text(_ lines: [String], x: Double, y: Double, anchor: Anchor = .start, cssClass: TextClass? = nil, lineHeight: Double = 17) {
        guard !lines.isEmpty else { return }
        if lines.count == 1 {
            text(lines[0], x: x, y: y, anchor: anchor, cssClass: cssClass)
            return
        }
        body.start("text")
        writeAnchorAndClass(anchor, cssClass)
        body.openEnd()
        let top = y - Double(lines.count - 1) * lineHeight / 2
        for (index, line) in lines.enumerated() {
            body.start("tspan")
            body.attribute("x", x)
            body.attribute("y", top + Double(index) * lineHeight)
            body.attribute("dy", "0.32em")
            body.openEnd()
            body.text(line)
            body.close("tspan")
        }
        body.close("text")
    }

    /// One line of text centred on `y`.
    mutating func text(_ line: String, x: Double, y: Double, anchor: Anchor = .start, cssClass: TextClass? = nil) {
        body.start("text")
        body.attribute("x", x)
        body.attribute("y", y)
        body.attribute("dy", "0.32em")
        writeAnchorAndClass(anchor, cssClass)
        body.openEnd()
        body.text(line)
        body.close("text")
    }

    private mutating func writeAnchorAndClass(_ anchor: Anchor, _ cssClass: TextClass?) {
        switch anchor {
        case .start: break
        case .middle: body.attribute("text-anchor", "middle")
        case .end: body.attribute("text-anchor", "end")
        }
        switch cssClass {
        case nil: break
        case .value: body.attribute("class", "val")
        case .note: body.attribute("class", "note")
        case .tick: body.attribute("class", "tick")
        case .inside(let mark): body.attribute("class", trusted: mark.insideClass)
        }
    }

    /// Writes the finished `<svg>` into `html`, with its title and description first; both come escaped.
    func writeSVG(into html: inout MarkupBuffer, height: Double, ids: ChartIDs, variant: Variant, escapedTitle: String, escapedDescription: String) {
        html.start("svg")
        html.attribute("role", "img")
        html.attribute("aria-labelledby", trusted: ids.title(variant))
        html.attribute("aria-describedby", trusted: ids.description(variant))
        html.raw(" viewBox=\"0 0 ")
        html.number(width)
        html.raw(" ")
        html.number(height)
        html.raw("\"")
        html.attribute("width", width)
        html.attribute("height", height)
        html.attribute("fill", "currentColor")
        html.attribute("class", trusted: variant.cssClass)
        html.attribute("xmlns", "http://www.w3.org/2000/svg")
        html.openEnd()
        html.start("title")
        html.attribute("id", trusted: ids.title(variant))
        html.openEnd()
        html.raw(escapedTitle)
        html.close("title")
        html.start("desc")
        html.attribute("id", trusted: ids.description(variant))
        html.openEnd()
        html.raw(escapedDescription)
        html.close("desc")
        html.raw(body)
        html.close("svg")
    }
}

/// The colour role of a mark: a class for the theme's CSS, and a fallback fill.
struct Mark: Sendable {
    let cssClass: String
    let fill: String
    /// The class of the mark drawn as an outline.
    let strokeClass: String
    /// The classes of a label drawn inside the mark.
    let insideClass: String

    init(cssClass: String, fill: String) {
        self.cssClass = cssClass
        self.fill = fill
        strokeClass = cssClass + "-stroke"
        insideClass = "in in-" + cssClass
    }

    static let highlight = Mark(cssClass: "s1", fill: Palette.light.c1)
    static let context = Mark(cssClass: "ctx", fill: Palette.light.context)
    private static let ramp = Palette.light.ramp.indices.map { Mark(cssClass: "q\($0)", fill: Palette.light.ramp[$0]) }

    /// Step `index` of `count` on the sequential ramp.
    static func ramp(_ index: Int, of count: Int) -> Mark {
        ramp[Palette.rampStep(index, of: count)]
    }
}

/// A size at which the chart is drawn; CSS shows one.
public struct Variant: Sendable, Hashable {
    public let name: String
    public let width: Double
    public let fontSize: Double

    /// Shown below 560 px of container width.
    public static let small = Variant(name: "s", width: 360, fontSize: 14)
    /// Shown from 560 px.
    public static let large = Variant(name: "l", width: 640, fontSize: 14)

    /// The class of the variant's `<svg>`, which CSS shows or hides.
    var cssClass: String { "v-" + name }
}

/// Page-unique ids derived from what the chart shows, not from its values, so links to a chart keep working.
public struct ChartIDs: Sendable, Hashable {
    /// `c-` and 8 hex digits of the SHA-256 of the spec's permalink key, plus a suffix when a page shows it twice.
    public let base: String

    init(spec: ChartSpec, occurrence: Int) {
        let hash = SHA256.hex(Array(spec.permalinkKey.utf8), digits: 8)
        base = occurrence > 1 ? "c-\(hash)-\(occurrence)" : "c-\(hash)"
    }

    func title(_ variant: Variant) -> String { base + "-" + variant.name + "-t" }
    func description(_ variant: Variant) -> String { base + "-" + variant.name + "-d" }
}
