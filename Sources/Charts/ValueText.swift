import Foundation

/// Labels for a chart's values, formatted once so chart, description and table agree (R23).
struct ValueText {
    let format: CompactFormat
    let unit: ChartSpec.Unit
    let period: String?

    init(spec: ChartSpec) {
        format = CompactFormat(language: spec.language)
        unit = spec.unit
        period = spec.period
    }

    var currency: String? {
        if case .money(let code) = unit { return code }
        return nil
    }

    /// `$600M`, `CN¥30M–40M/yr`, `32.45%`, `1.71`.
    func label(low: Decimal, high: Decimal? = nil) -> String {
        let text: String
        switch unit {
        case .percent:
            text = high.map { "\(format.percent(low).dropLast())–\(format.percent($0))" } ?? format.percent(low)
        case .money(let code):
            text = high.map { format.formatRange(low, $0, currency: code) } ?? format.format(low, currency: code)
        case .number:
            text = high.map { format.formatRange(low, $0) } ?? format.format(low)
        }
        return text + (period.map(format.periodSuffix) ?? "")
    }

    /// The row's value with its bound: "over 30%".
    func label(_ row: ChartRow) -> String {
        let value = label(low: row.low, high: row.high)
        guard let qualifier = row.qualifier, !qualifier.isEmpty else { return value }
        return "\(qualifier) \(value)"
    }

    /// The unabbreviated value for the data table: `600,000,000 USD/year`.
    func exact(low: Decimal, high: Decimal? = nil) -> String {
        let number = high.map { "\(Self.grouped(low))–\(Self.grouped($0))" } ?? Self.grouped(low)
        let suffix: String
        switch unit {
        case .percent: suffix = "%"
        case .money(let code): suffix = " " + code
        case .number(let label): suffix = label.map { " " + $0 } ?? ""
        }
        return number + suffix + (period.map { "/\($0)" } ?? "")
    }

    /// `1234567.5` → `1,234,567.5`, from the exact decimal, locale-independently; minus is U+2212.
    static func grouped(_ value: Decimal) -> String {
        let plain = "\(value.magnitude)"
        let parts = plain.split(separator: ".", maxSplits: 1)
        let integer = Array(parts[0])
        var result = ""
        for (index, digit) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        if parts.count > 1 { result += "." + parts[1] }
        return value < 0 && value != 0 ? "\u{2212}" + result : result
    }
}
