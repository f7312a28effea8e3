import Foundation

/// Locale-independent text for exact decimals, and exact decimals from digits.
public enum DecimalText {
    /// Plain digits with an optional "-" and ".": `"600000000"`, `"32.45"`; never an exponent, never `"-0"`.
    public static func plain(_ value: Decimal) -> String {
        let (sign, integer, fraction) = parts(of: value)
        return sign + integer + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Like `plain(_:)` with "," between groups of three integer digits: `"600,000,000"`, `"1,234.5"`.
    public static func grouped(_ value: Decimal) -> String {
        let (sign, integer, fraction) = parts(of: value)
        var groupedInteger = ""
        groupedInteger.reserveCapacity(integer.count + integer.count / 3)
        for (index, digit) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { groupedInteger.append(",") }
            groupedInteger.append(digit)
        }
        return sign + groupedInteger + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Splits a value into sign ("" or "-"), integer digits and fraction digits without trailing zeros.
    private static func parts(of value: Decimal) -> (sign: String, integer: String, fraction: String) {
        if value.isNaN { return ("", "NaN", "") }
        if value.isZero { return ("", "0", "") }
        var digits = value.smallSignificand.map(Self.digits(of:))
            // `significand` is the unsigned integer mantissa, so its description is plain digits.
            ?? Array(value.significand.description.utf8.filter { $0 >= 0x30 && $0 <= 0x39 })
        var exponent = value.exponent
        while exponent < 0, digits.count > 1, digits.last == 0x30 {
            digits.removeLast()
            exponent += 1
        }
        let sign = value.sign == .minus ? "-" : ""
        if exponent >= 0 {
            let integer = String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: exponent)
            return (sign, integer, "")
        }
        let fractionCount = -exponent
        if digits.count > fractionCount {
            let split = digits.count - fractionCount
            return (
                sign,
                String(decoding: digits[..<split], as: UTF8.self),
                String(decoding: digits[split...], as: UTF8.self)
            )
        }
        let padding = String(repeating: "0", count: fractionCount - digits.count)
        return (sign, "0", padding + String(decoding: digits, as: UTF8.self))
    }

    /// The decimal digits of `integer` as ASCII, most significant first.
    public static func digits(of integer: UInt64) -> [UInt8] {
        guard integer > 0 else { return [UInt8(ascii: "0")] }
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var rest = integer
        while rest > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        digits.reverse()
        return digits
    }

    /// The exact value `digits × 10^exponent`, for at most 38 decimal digits (values 0…9, most significant first).
    static func decimal(digits: ArraySlice<UInt8>, exponent: Int, isNegative: Bool) -> Decimal {
        var significand = Decimal.zero
        var index = digits.startIndex
        // Eighteen digits always fit a UInt64; shifting a Decimal by a power of ten is exact.
        while index < digits.endIndex {
            let end = min(index + 18, digits.endIndex)
            var chunk: UInt64 = 0
            for digit in digits[index..<end] { chunk = chunk * 10 + UInt64(digit) }
            significand = Decimal(sign: .plus, exponent: end - index, significand: significand) + Decimal(chunk)
            index = end
        }
        if significand.isZero { return .zero }
        return Decimal(sign: isNegative ? .minus : .plus, exponent: exponent, significand: significand)
    }
}

extension Decimal {
    /// The significand as an integer when it is below 2⁵³, else `nil`.
    ///
    /// Foundation prints a `Decimal` by dividing its 128-bit significand by ten once per digit, which
    /// is slow where thousands of values are printed. Most significands are small: read through `Double`,
    /// and compared back with the significand to prove the read exact, their digits come from a `UInt64`.
    public var smallSignificand: UInt64? {
        guard isFinite else { return nil }
        let significand = self.significand
        let approximate = NSDecimalNumber(decimal: significand).doubleValue
        guard approximate >= 0, approximate < 9_007_199_254_740_992 else { return nil }
        let integer = UInt64(approximate)
        return Decimal(integer) == significand ? integer : nil
    }
}
