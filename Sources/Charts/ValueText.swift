import Foundation

/// A row's exact values as decimal text (`Decimal.description`), made once per chart and shared by the labels
/// and the table: turning a `Decimal` into text is not cheap.
struct RowDecimals {
    let low: String
    let high: String?
    let secondary: String?

    init(_ row: ChartRow) {
        low = row.low.plainDescription
        high = row.high?.plainDescription
        secondary = row.secondary?.plainDescription
    }
}

/// Labels for a chart's values, formatted once per chart so chart, description and table agree.
struct ValueText {
    let unit: ChartSpec.Unit
    let period: String?
    /// Each row's label with its bound ("over 30%"), in the order of the spec's rows.
    let rowLabels: [String]
    /// Each row's secondary value (a valuation) as a label, in the order of the spec's rows.
    let secondaryLabels: [String?]
    private let rows: [ChartRow]
    /// Each row's exact values as text, in the order of the spec's rows.
    private let decimals: [RowDecimals]

    /// Labels for `spec`'s rows; `decimals` are theirs, in the same order.
    init(spec: ChartSpec, decimals: [RowDecimals]) {
        unit = spec.unit
        period = spec.period
        rows = spec.rows
        self.decimals = decimals
        let format = CompactFormat(language: spec.language)
        let periodSuffix = spec.period.map(format.periodSuffix) ?? ""
        let unit = unit
        func label(low: String, high: String?) -> String {
            let low = DecimalDigits(parsing: low), high = high.map { DecimalDigits(parsing: $0) }
            let text: String
            switch unit {
            case .percent:
                text = high.map { "\(format.percent(low).dropLast())–\(format.percent($0))" } ?? format.percent(low)
            case .money(let code):
                text = high.map { format.formatRange(low, $0, currency: code) } ?? format.format(low, currency: code)
            case .number:
                text = high.map { format.formatRange(low, $0) } ?? format.format(low)
            }
            return text + periodSuffix
        }
        rowLabels = zip(spec.rows, decimals).map { row, decimals in
            let value = label(low: decimals.low, high: decimals.high)
            guard let qualifier = row.qualifier, !qualifier.isEmpty else { return value }
            return "\(qualifier) \(value)"
        }
        secondaryLabels = decimals.map { $0.secondary.map { label(low: $0, high: nil) } }
    }

    /// Row `index`'s exact values as plain decimal text (`600000000`), for the chart's CSV.
    func exactDecimals(row index: Int) -> RowDecimals {
        decimals[index]
    }

    /// Row `index`'s unabbreviated value for the data table: `600,000,000 USD/year`.
    func exact(row index: Int) -> String {
        let row = rows[index], decimals = decimals[index]
        let low = Self.grouped(row.low, description: decimals.low)
        var number = low
        if let high = row.high, let text = decimals.high { number += "–" + Self.grouped(high, description: text) }
        let suffix: String
        switch unit {
        case .percent: suffix = "%"
        case .money(let code): suffix = " " + code
        case .number(let label): suffix = label.map { " " + $0 } ?? ""
        }
        return number + suffix + (period.map { "/\($0)" } ?? "")
    }

    /// `1234567.5` → `1,234,567.5`, from the exact decimal and its description, locale-independently; minus is U+2212.
    static func grouped(_ value: Decimal, description: String) -> String {
        // The magnitude's description is the value's without its minus sign.
        let utf8 = description.utf8
        let plain = utf8.first == UInt8(ascii: "-") ? utf8.dropFirst() : utf8[...]
        let point = plain.firstIndex(of: UInt8(ascii: ".")) ?? plain.endIndex
        let integerCount = plain.distance(from: plain.startIndex, to: point)
        var result: [UInt8] = []
        result.reserveCapacity(plain.count + integerCount / 3 + 3)
        if value < 0 && value != 0 { result.append(contentsOf: "\u{2212}".utf8) }
        for (offset, digit) in plain[..<point].enumerated() {
            if offset > 0, (integerCount - offset) % 3 == 0 { result.append(UInt8(ascii: ",")) }
            result.append(digit)
        }
        result.append(contentsOf: plain[point...])
        return String(decoding: result, as: UTF8.self)
    }
}
