import Foundation

/// What a chart shows, in plain values: the chart module needs no Markdown, Mustache or fact model.
public struct ChartSpec: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Horizontal bars sorted by value; a figure group.
        case bars
        /// Range plot: a line from low to high with end dots.
        case ranges
        /// Funding rounds on a time axis, one row per company.
        case timeline
        /// One 100% stacked bar.
        case stacked
        /// "A uses 30% of B": A against a gray 100% base on a common zero.
        case comparison
    }

    /// What the values count.
    public enum Unit: Sendable, Hashable {
        case money(currency: String)
        case percent
        case number(label: String?)

        /// The unit as Swift prints it (`"\(unit)"`): `money(currency: "USD")`, `number(label: Optional("people"))`.
        var canonicalText: String {
            switch self {
            case .percent: "percent"
            case .money(let code) where Self.printsVerbatim(code): "money(currency: \"" + code + "\")"
            case .number(nil): "number(label: nil)"
            case .number(let label?) where Self.printsVerbatim(label): "number(label: Optional(\"" + label + "\"))"
            default: "\(self)"
            }
        }

        /// Whether Swift prints `text` inside quotes unchanged: printable ASCII without quotes or backslashes.
        private static func printsVerbatim(_ text: String) -> Bool {
            text.utf8.allSatisfy { byte in
                byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "\\")
            }
        }
    }

    public var kind: Kind
    public var title: String
    public var rows: [ChartRow]
    public var unit: Unit
    /// The pay period every value is expressed in (`year` after annualising), if any.
    public var period: String?
    /// Visible notes: currency conversion, annualisation.
    public var notes: [String]
    public var source: String?
    public var language: ChartLanguage
    /// How many values there are when the rows are only the largest of them; `nil` when every value is drawn.
    public var totalCount: Int?

    public init(
        kind: Kind, title: String, rows: [ChartRow], unit: Unit, period: String? = nil, notes: [String] = [],
        source: String? = nil, language: ChartLanguage = .en
    ) {
        self.kind = kind
        self.title = title
        self.rows = rows
        self.unit = unit
        self.period = period
        self.notes = notes
        self.source = source
        self.language = language
    }

    /// What names the chart on its page whatever values it draws: what it charts (`funding`, `figures:exploring`).
    /// Without one, its kind and title name it.
    public var anchor: String?

    /// The text the chart's permalink is made from: the anchor, or the kind and title. Values play no part, so a
    /// chart keeps its `#` link when a figure changes.
    public var permalinkKey: String {
        anchor ?? (kind.rawValue + "\u{1E}" + title)
    }
}

/// One mark of a chart.
public struct ChartRow: Sendable, Hashable {
    public var label: String
    /// The row a timeline dot sits on (the company).
    public var series: String?
    /// The value, or the low end of a range, in the chart's unit.
    public var low: Decimal
    public var high: Decimal?
    /// Position on a time axis, in fractional years (2024.17 for March 2024).
    public var date: Double?
    public var dateLabel: String?
    /// A second value drawn as a ring: a funding round's valuation.
    public var secondary: Decimal?
    /// Extra words for labels and the table: "Series A".
    public var detail: String?
    /// Gray context mark, such as the 100% base of a comparison.
    public var isContext: Bool
    /// The value as the article wrote it, for the data table.
    public var written: String
    /// A bound the value is stated with ("over", "about"), shown before it in labels.
    public var qualifier: String?
    /// Which way the true value may lie beyond the one drawn, for bounds such as "over 30%" or "under 10%".
    public var openEnd: OpenEnd?

    /// The side of a bounded value that is open.
    public enum OpenEnd: Sendable, Hashable {
        /// "over", "at least": the value may be larger.
        case above
        /// "under", "at most": the value may be smaller.
        case below
    }

    public init(
        label: String, series: String? = nil, low: Decimal, high: Decimal? = nil, date: Double? = nil, dateLabel: String? = nil,
        secondary: Decimal? = nil, detail: String? = nil, isContext: Bool = false, written: String = "", qualifier: String? = nil,
        openEnd: OpenEnd? = nil
    ) {
        self.qualifier = qualifier
        self.openEnd = openEnd
        self.label = label
        self.series = series
        self.low = low
        self.high = high
        self.date = date
        self.dateLabel = dateLabel
        self.secondary = secondary
        self.detail = detail
        self.isContext = isContext
        self.written = written
    }

}

extension Decimal {
    /// For geometry only; labels are formatted from the exact value.
    var double: Double { NSDecimalNumber(decimal: self).doubleValue }
}
