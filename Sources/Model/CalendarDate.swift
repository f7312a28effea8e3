/// A calendar date as editors write it: `2025`, `2025-07` or `2025-07-22`. No time zone, no clock.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public var year: Int
    public var month: Int
    public var day: Int
    public var precision: Precision

    public init(year: Int, month: Int = 1, day: Int = 1, precision: Precision = .day) {
        self.year = year
        self.month = month
        self.day = day
        self.precision = precision
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time after `T` or a space is accepted and ignored).
    /// Returns why it could not, in words an editor understands.
    public static func parse(_ text: String) -> Result<CalendarDate, DateError> {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let numbers = asciiDateNumbers(text) else { return .failure(.malformed(text)) }
            return make(numbers, text: text)
        }
        let trimmed = text.trimmingSpaces()
        let datePart = trimmed.split(whereSeparator: { $0 == "T" || $0 == " " }).first.map(String.init) ?? ""
        let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 })
        else {
            return .failure(.malformed(text))
        }
        return make(parts.compactMap { Int($0) }, text: text)
    }

    /// The date from its one to three numbers (year, month, day), checked against the calendar.
    private static func make(_ numbers: [Int], text: String) -> Result<CalendarDate, DateError> {
        let year = numbers[0]
        let month = numbers.count > 1 ? numbers[1] : 1
        let day = numbers.count > 2 ? numbers[2] : 1
        guard (1...12).contains(month) else { return .failure(.outOfRange(text)) }
        guard (1...daysIn(month: month, year: year)).contains(day) else { return .failure(.outOfRange(text)) }
        let precision: Precision = numbers.count == 3 ? .day : numbers.count == 2 ? .month : .year
        return .success(CalendarDate(year: year, month: month, day: day, precision: precision))
    }

    /// The numbers of an ASCII date read as `parse` reads Characters, byte by byte; `nil` when it is
    /// malformed. In ASCII every Character is one byte, except CR LF, which is whitespace like each of
    /// its bytes and neither a separator nor a digit.
    private static func asciiDateNumbers(_ text: String) -> [Int]? {
        var bytes = text.utf8[...]
        while let first = bytes.first, isASCIIWhitespace(first) { bytes.removeFirst() }
        while let last = bytes.last, isASCIIWhitespace(last) { bytes.removeLast() }
        // The date is the first run of bytes between "T"s and spaces.
        while let first = bytes.first, first == UInt8(ascii: "T") || first == UInt8(ascii: " ") { bytes.removeFirst() }
        let datePart = bytes.prefix { $0 != UInt8(ascii: "T") && $0 != UInt8(ascii: " ") }
        let parts = datePart.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }),
            parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 })
        else {
            return nil
        }
        return parts.map { $0.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
    }

    /// ISO 8601 at the date's own precision: `2025`, `2025-07`, `2025-07-22`.
    public var description: String {
        switch precision {
        case .year: pad(year, 4)
        case .month: "\(pad(year, 4))-\(pad(month, 2))"
        case .day: "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
    }

    /// `22 July 2025`, `July 2025`, `2025`: for readers, locale-independent.
    public var longEnglish: String {
        let name = Self.monthNames[month - 1]
        switch precision {
        case .year: return String(year)
        case .month: return "\(name) \(year)"
        case .day: return "\(day) \(name) \(year)"
        }
    }

    /// `2025年7月22日`.
    public var longChinese: String {
        switch precision {
        case .year: "\(year)年"
        case .month: "\(year)年\(month)月"
        case .day: "\(year)年\(month)月\(day)日"
        }
    }

    /// RFC 3339 midnight UTC, for feeds and sitemaps.
    public var rfc3339: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T00:00:00Z"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day, a.precision) < (b.year, b.month, b.day, b.precision)
    }

    public enum DateError: Error, Equatable, Sendable, CustomStringConvertible {
        case malformed(String)
        case outOfRange(String)

        public var description: String {
            switch self {
            case .malformed(let text): "cannot read \"\(text)\" as a date: expected YYYY-MM-DD, YYYY-MM or YYYY"
            case .outOfRange(let text): "\"\(text)\" is not a day of the calendar"
            }
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
