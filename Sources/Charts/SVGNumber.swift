/// SVG coordinates as short, locale-independent text (R33).
public enum SVGNumber {
    /// At most 2 decimals, as the shortest string: 12 → "12", 12.5 → "12.5", 12.3456 → "12.35", −0.001 → "0".
    ///
    /// Rounds `value × 100` half away from zero, so the result is deterministic on every platform. Never "-0",
    /// never exponent notation, and the ASCII minus SVG requires; NaN and infinities (a layout bug) print as "0".
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        // Clamped to ±9×10¹³ px, far beyond any drawing, so the hundredths stay exact integers.
        let hundredths = (min(max(value, -9e13), 9e13) * 100).rounded()
        let scaled = Int64(hundredths)
        if scaled == 0 { return "0" }
        let magnitude = scaled.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        var text = scaled < 0 ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            text += fraction < 10 ? ".0" : "."
            text += String(fraction % 10 == 0 ? fraction / 10 : fraction)
        }
        return text
    }

    /// The nearest pixel centre (n + 0.5) to `value`, so a 1 px rule covers one whole pixel row or column.
    public static func halfPixel(_ value: Double) -> Double {
        value.rounded(.down) + 0.5
    }
}
