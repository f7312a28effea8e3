import Markup

/// An SVG drawing for one variant: shapes are appended, the root element is added once the height is known.
struct SVGCanvas {
    let width: Double
    private(set) var body = MarkupWriter(capacity: 2048)

    init(width: Double) {
        self.width = width
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, mark: Mark) {
        body.empty("rect", [
            "class": mark.cssClass, "x": n(x), "y": n(y), "width": n(max(width, 0)), "height": n(height),
            "fill": mark.fill,
        ])
    }

    mutating func circle(cx: Double, cy: Double, r: Double, mark: Mark, hollow: Bool = false) {
        if hollow {
            body.empty("circle", [
                "class": mark.strokeClass, "cx": n(cx), "cy": n(cy), "r": n(r), "fill": "none", "stroke": mark.fill,
                "stroke-width": "2",
            ])
        } else {
            body.empty("circle", ["class": mark.cssClass, "cx": n(cx), "cy": n(cy), "r": n(r), "fill": mark.fill])
        }
    }

    /// A 1 px rule in the text colour (axes, baselines, leaders), snapped to the pixel grid.
    mutating func rule(x1: Double, y1: Double, x2: Double, y2: Double, faint: Bool = false) {
        let snappedX = x1 == x2 ? SVGNumber.halfPixel(x1) : nil
        let snappedY = y1 == y2 ? SVGNumber.halfPixel(y1) : nil
        body.empty("line", [
            "class": faint ? "grid" : "axis", "x1": n(snappedX ?? x1), "y1": n(snappedY ?? y1), "x2": n(snappedX ?? x2),
            "y2": n(snappedY ?? y2), "stroke": "currentColor", "stroke-opacity": faint ? "0.25" : nil,
        ])
    }

    /// A line between two points in a mark's colour (a range).
    mutating func segment(x1: Double, x2: Double, y: Double, mark: Mark) {
        body.empty("line", [
            "class": mark.strokeClass, "x1": n(x1), "y1": n(y), "x2": n(x2), "y2": n(y), "stroke": mark.fill, "stroke-width": "3",
        ])
    }

    enum Anchor: String { case start, middle, end }

    /// Text centred on `y`; several lines become `tspan`s. Vertical centring uses `dy` (R37), never baseline attributes.
    mutating func text(_ lines: [String], x: Double, y: Double, anchor: Anchor = .start, cssClass: String? = nil, lineHeight: Double = 17) {
        guard !lines.isEmpty else { return }
        let anchorValue = anchor == .start ? nil : anchor.rawValue
        if lines.count == 1 {
            body.element("text", ["x": n(x), "y": n(y), "dy": "0.32em", "text-anchor": anchorValue, "class": cssClass], text: lines[0])
            return
        }
        body.open("text", ["text-anchor": anchorValue, "class": cssClass])
        let top = y - Double(lines.count - 1) * lineHeight / 2
        for (index, line) in lines.enumerated() {
            body.element("tspan", ["x": n(x), "y": n(top + Double(index) * lineHeight), "dy": "0.32em"], text: line)
        }
        body.close("text")
    }

    /// The finished `<svg>` with its title and description first (R21).
    func svg(height: Double, ids: ChartIDs, variant: Variant, title: String, description: String) -> String {
        var svg = MarkupWriter(capacity: body.output.utf8.count + 512)
        svg.open("svg", [
            "role": "img", "aria-labelledby": ids.title(variant), "aria-describedby": ids.description(variant),
            "viewBox": "0 0 \(n(width)) \(n(height))", "width": n(width), "height": n(height), "fill": "currentColor",
            "class": "v-\(variant.name)", "xmlns": "http://www.w3.org/2000/svg",
        ])
        svg.element("title", ["id": ids.title(variant)], text: title)
        svg.element("desc", ["id": ids.description(variant)], text: description)
        svg.raw(body.output)
        svg.close("svg")
        return svg.output
    }

    private func n(_ value: Double) -> String { SVGNumber.format(value) }
}

/// The colour role of a mark: a class for the theme's CSS, and a fallback fill (R28).
struct Mark {
    let cssClass: String
    let fill: String

    var strokeClass: String { cssClass + "-stroke" }

    static let highlight = Mark(cssClass: "s1", fill: Palette.light.c1)
    static let context = Mark(cssClass: "ctx", fill: Palette.light.context)

    /// Step `index` of `count` on the sequential ramp (R17).
    static func ramp(_ index: Int, of count: Int) -> Mark {
        let step = Palette.rampStep(index, of: count)
        return Mark(cssClass: "q\(step)", fill: Palette.light.ramp[step])
    }
}

/// A size at which the chart is drawn; CSS shows one (R30).
public struct Variant: Sendable, Hashable {
    public let name: String
    public let width: Double
    public let fontSize: Double

    /// Shown below 560 px of container width.
    public static let small = Variant(name: "s", width: 360, fontSize: 14)
    /// Shown from 560 px.
    public static let large = Variant(name: "l", width: 640, fontSize: 14)
}

/// Page-unique ids derived from the chart's content (R35).
public struct ChartIDs: Sendable, Hashable {
    /// `c-` and 8 hex digits of the spec's SHA-256, plus a suffix when a page shows the same chart twice.
    public let base: String

    init(spec: ChartSpec, occurrence: Int) {
        let hash = String(SHA256.hex(spec.canonical).prefix(8))
        base = occurrence > 1 ? "c-\(hash)-\(occurrence)" : "c-\(hash)"
    }

    func title(_ variant: Variant) -> String { "\(base)-\(variant.name)-t" }
    func description(_ variant: Variant) -> String { "\(base)-\(variant.name)-d" }
}
