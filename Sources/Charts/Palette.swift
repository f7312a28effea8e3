import Foundation

/// The chart colours, light and dark, and the contrast rules they must meet.
public struct Palette: Sendable, Equatable {
    public var background: String
    public var c1: String
    public var c2: String
    public var c3: String
    public var c4: String
    public var context: String
    /// Sequential single-hue ramp for shares, darkest first on light, lightest first on dark.
    public var ramp: [String]

    public static let light = Palette(
        background: "#ffffff", c1: "#0072B2", c2: "#D55E00", c3: "#009E73", c4: "#CC79A7", context: "#767676",
        ramp: ["#0b2e59", "#0f4c8a", "#1f6fb2", "#3d86c6"])
    public static let dark = Palette(
        background: "#121212", c1: "#56B4E9", c2: "#E69F00", c3: "#009E73", c4: "#CC79A7", context: "#949494",
        ramp: ["#dbe9f6", "#a9cce9", "#74acd9", "#4a90c9"])

    /// The ramp step for bucket `index` of `count`: spread over the ramp, in order.
    static func rampStep(_ index: Int, of count: Int) -> Int {
        let steps = light.ramp.count
        guard count > 1 else { return 0 }
        return min(steps - 1, Int((Double(index) * Double(steps - 1) / Double(count - 1)).rounded()))
    }

    /// WCAG 2.2 contrast ratio of two `#rrggbb` colours, or `nil` when one cannot be read.
    public static func contrast(_ a: String, _ b: String) -> Double? {
        guard let la = luminance(a), let lb = luminance(b) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func luminance(_ hex: String) -> Double? {
        var digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// Marks and the axis need 3:1 against the background (WCAG 1.4.11); returns what falls short.
    public func contrastProblems(theme: String) -> [String] {
        let marks = [("--c1", c1), ("--c2", c2), ("--c3", c3), ("--c4", c4), ("--ctx", context)]
            + ramp.enumerated().map { ("--q\($0.offset)", $0.element) }
        return marks.compactMap { name, colour in
            guard let ratio = Palette.contrast(colour, background) else { return "\(theme): \(name) \(colour) is not a #rrggbb colour" }
            guard ratio >= 3 else {
                return "\(theme): chart colour \(name) \(colour) has contrast \(Self.ratioText(ratio)):1 against the background \(background); marks need at least 3:1"
            }
            return nil
        }
    }

    static func ratioText(_ ratio: Double) -> String {
        let hundredths = Int((ratio * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// Reads the chart colours of a theme stylesheet: `--bg`, `--c1`…`--c4`, `--ctx`, `--q0`…, in the
    /// first `:root` block (light) and the one inside `prefers-color-scheme: dark`.
    public static func themes(fromCSS css: String) -> (light: Palette, dark: Palette) {
        let darkStart = css.range(of: "prefers-color-scheme: dark")?.lowerBound ?? css.endIndex
        let light = read(String(css[..<darkStart]), fallback: .light)
        let darkBlock = css[darkStart...].prefix { $0 != "}" }
        let dark = read(String(darkBlock), fallback: .dark)
        return (light, dark)
    }

    private static func read(_ block: String, fallback: Palette) -> Palette {
        var values: [String: String] = [:]
        for declaration in block.split(whereSeparator: { $0 == ";" || $0 == "{" || $0 == "\n" }) {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].trimmingCharacters(in: " \t")
            guard name.hasPrefix("--"), values[name] == nil else { continue }
            values[name] = parts[1].trimmingCharacters(in: " \t")
        }
        var palette = fallback
        palette.background = values["--bg"] ?? fallback.background
        palette.c1 = values["--c1"] ?? fallback.c1
        palette.c2 = values["--c2"] ?? fallback.c2
        palette.c3 = values["--c3"] ?? fallback.c3
        palette.c4 = values["--c4"] ?? fallback.c4
        palette.context = values["--ctx"] ?? fallback.context
        palette.ramp = fallback.ramp.indices.map { values["--q\($0)"] ?? fallback.ramp[$0] }
        return palette
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = self
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
