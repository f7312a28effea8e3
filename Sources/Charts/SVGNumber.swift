/// SVG coordinates as short, locale-independent text.
public enum SVGNumber {
    /// At most 2 decimals, as the shortest string: 12 → "12", 12.5 → "12.5", 12.3456 → "12.35", −0.001 → "0".
    ///
    /// Rounds `value × 100` half away from zero, so the result is deterministic on every platform. Never "-0",
    /// never exponent notation, and the ASCII minus SVG requires; NaN and infinities (a layout bug) print as "0".
    public static func format(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { buffer in
            let count = write(value, to: buffer.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    /// The most bytes `format` ever writes: "-90000000000000.99".
    static let maximumLength = 18

    /// Writes `format(value)` as UTF-8 at `start`, without making a `String`, and returns the number of bytes
    /// written (at most `maximumLength`).
    static func write(_ value: Double, to start: UnsafeMutablePointer<UInt8>) -> Int {
        let zero = UInt8(ascii: "0")
        guard value.isFinite else {
            start[0] = zero
            return 1
        }
        // Clamped to ±9×10¹³ px, far beyond any drawing, so the hundredths stay exact integers.
        let hundredths = (min(max(value, -9e13), 9e13) * 100).rounded()
        let scaled = Int64(hundredths)
        if scaled == 0 {
            start[0] = zero
            return 1
        }
        var count = 0
        if scaled < 0 {
            start[0] = UInt8(ascii: "-")
            count = 1
        }
        let magnitude = scaled.magnitude
        var whole = magnitude / 100
        var wholeDigits = 1
        var rest = whole
        while rest >= 10 {
            rest /= 10
            wholeDigits += 1
        }
        count += wholeDigits
        var index = count
        repeat {
            index -= 1
            start[index] = zero + UInt8(whole % 10)
            whole /= 10
        } while whole > 0
        let fraction = magnitude % 100
        if fraction != 0 {
            start[count] = UInt8(ascii: ".")
            start[count + 1] = zero + UInt8(fraction / 10)
            count += 2
            if fraction % 10 != 0 {
                start[count] = zero + UInt8(fraction % 10)
                count += 1
            }
        }
        return count
    }

    /// The nearest pixel centre (n + 0.5) to `value`, so a 1 px rule covers one whole pixel row or column.
    public static func halfPixel(_ value: Double) -> Double {
        value.rounded(.down) + 0.5
    }
}
