import Foundation
import Money

/// An exact decimal as a digit string, ±digits × 10^exponent, for locale-independent label formatting.
///
/// Doubles enter through Swift's shortest round-trip description (`String(0.3)` is "0.3"), never `Decimal(Double)`,
/// so tick values carry no binary noise. Digits have no leading or trailing zeros; zero has no digits and no sign.
struct DecimalDigits: Equatable, Sendable {
    private(set) var isNegative: Bool
    /// Base-10 digits, most significant first, each 0...9.
    private(set) var digits: [UInt8]
    private(set) var exponent: Int

    private init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        self.isNegative = isNegative
        self.digits = digits
        self.exponent = exponent
        normalize()
    }

    /// The exact value of a finite `Decimal`; `nil` for NaN.
    init?(_ value: Decimal) {
        guard value.isFinite else { return nil }
        self.init(parsing: value.plainDescription)
    }

    /// The shortest decimal that round-trips to `value`; `nil` for NaN and infinities.
    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(parsing: String(value))
    }

    /// Parses `[+-]digits[.digits][e[+-]digits]` as printed by `Decimal.description` and `String(Double)`.
    init?(parsing text: String) {
        var negative = false
        var digits: [UInt8] = []
        var exponent = 0
        var seenPoint = false
        var seenDigit = false
        var bytes = text.utf8.makeIterator()
        var byte = bytes.next()
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
            negative = byte == UInt8(ascii: "-")
            byte = bytes.next()
        }
        while let current = byte {
            if current >= UInt8(ascii: "0"), current <= UInt8(ascii: "9") {
                seenDigit = true
                if !(digits.isEmpty && current == UInt8(ascii: "0")) { digits.append(current - UInt8(ascii: "0")) }
                if seenPoint { exponent -= 1 }
            } else if current == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            byte = bytes.next()
        }
        guard seenDigit else { return nil }
        if let marker = byte {
            guard marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") else { return nil }
            var exponentNegative = false
            var value = 0
            var seenExponentDigit = false
            byte = bytes.next()
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                exponentNegative = byte == UInt8(ascii: "-")
                byte = bytes.next()
            }
            while let current = byte {
                guard current >= UInt8(ascii: "0"), current <= UInt8(ascii: "9"), value < 100_000 else { return nil }
                value = value * 10 + Int(current - UInt8(ascii: "0"))
                seenExponentDigit = true
                byte = bytes.next()
            }
            guard seenExponentDigit else { return nil }
            exponent += exponentNegative ? -value : value
        }
        self.init(isNegative: negative, digits: digits, exponent: exponent)
    }

    /// Whether the value is zero.
    var isZero: Bool { digits.isEmpty }

    /// The power of ten of the leading digit: 10^leadingPower ≤ |value| < 10^(leadingPower+1). Meaningless for zero.
    var leadingPower: Int { digits.count - 1 + exponent }

    /// The absolute value.
    var magnitude: DecimalDigits { DecimalDigits(isNegative: false, digits: digits, exponent: exponent) }

    /// The value times 10^power, exactly.
    func scaled(byPowerOfTen power: Int) -> DecimalDigits {
        DecimalDigits(isNegative: isNegative, digits: digits, exponent: exponent + power)
    }

    /// Whether the value has at most `decimals` digits after the point.
    func isExact(decimals: Int) -> Bool { isZero || -exponent <= decimals }

    /// Rounded to `decimals` digits after the point (negative: to tens, hundreds…), halves away from zero.
    func rounded(decimals: Int) -> DecimalDigits {
        let keep = digits.count + exponent + decimals
        if keep >= digits.count { return self }
        if keep < 0 { return DecimalDigits(isNegative: false, digits: [], exponent: 0) }
        var kept = Array(digits[0..<keep])
        if digits[keep] >= 5 {
            var index = kept.count - 1
            while index >= 0, kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0) }
        }
        return DecimalDigits(isNegative: isNegative, digits: kept, exponent: -decimals)
    }

    /// Rounded to `count` significant digits, but never dropping integer digits (12345 stays 12345), halves away from zero.
    func rounded(significantDigits count: Int) -> DecimalDigits {
        isZero ? self : rounded(decimals: max(0, max(1, count) - 1 - leadingPower))
    }

    /// The unsigned digits in ASCII, with `,` between thousands when `grouping`; never exponent notation.
    func plainText(grouping: Bool) -> String {
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        let zero = UInt8(ascii: "0")
        if exponent >= 0 {
            integer = digits.map { $0 + zero } + Array(repeating: zero, count: digits.isEmpty ? 1 : exponent)
        } else {
            let fractionLength = -exponent
            if fractionLength >= digits.count {
                integer = [zero]
                fraction = Array(repeating: zero, count: fractionLength - digits.count) + digits.map { $0 + zero }
            } else {
                let split = digits.count - fractionLength
                integer = digits[0..<split].map { $0 + zero }
                fraction = digits[split...].map { $0 + zero }
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(integer.count + integer.count / 3 + fraction.count + 1)
        for (index, byte) in integer.enumerated() {
            if grouping, index > 0, (integer.count - index) % 3 == 0 { output.append(UInt8(ascii: ",")) }
            output.append(byte)
        }
        if !fraction.isEmpty {
            output.append(UInt8(ascii: "."))
            output.append(contentsOf: fraction)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Drops leading and trailing zero digits; zero loses its sign.
    private mutating func normalize() {
        if let first = digits.firstIndex(where: { $0 != 0 }) {
            if first > 0 { digits.removeFirst(first) }
            var trailing = 0
            while digits[digits.count - 1 - trailing] == 0 { trailing += 1 }
            if trailing > 0 {
                digits.removeLast(trailing)
                exponent += trailing
            }
        } else {
            digits = []
            exponent = 0
            isNegative = false
        }
    }
}

extension Decimal {
    /// The same text as `description` ("-12.5", "0.003", "1200"), made from the significand and exponent.
    ///
    /// Foundation builds the description by dividing the 128-bit significand by ten once per digit, which is
    /// slow; labels, ids and tables all need this text, so small significands take `smallSignificand`'s path.
    var plainDescription: String {
        guard let integer = smallSignificand else { return description }
        if integer == 0 { return "0" }
        let digits = DecimalText.digits(of: integer)
        var text: [UInt8] = []
        text.reserveCapacity(digits.count + abs(exponent) + 3)
        if isSignMinus { text.append(UInt8(ascii: "-")) }
        if exponent >= 0 {
            text.append(contentsOf: digits)
            text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent))
        } else if -exponent < digits.count {
            text.append(contentsOf: digits[..<(digits.count + exponent)])
            text.append(UInt8(ascii: "."))
            text.append(contentsOf: digits[(digits.count + exponent)...])
        } else {
            text.append(contentsOf: "0.".utf8)
            text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -exponent - digits.count))
            text.append(contentsOf: digits)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
