import Foundation

/// What a quantity counts: a plain number, a percentage, or money in one currency.
public enum QuantityUnit: Hashable, Sendable {
    /// A plain count or figure: "5 million", "1.71".
    case number
    /// A percentage; the value is the percent number (30 for "30%").
    case percent
    /// An amount of money in one currency.
    case money(Currency)
}

/// An exact value or range read from a literal such as `$600M`, `30M–40M CNY/year` or `over 32.45%`.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    /// The value, or the low end of a range; for percentages the percent number (32.45 for "32.45%").
    public var low: Decimal
    /// The high end of a range (never below `low`); `nil` for a single value.
    public var high: Decimal?
    /// Number, percent or money.
    public var unit: QuantityUnit
    /// How often the amount is earned, for pay; `nil` otherwise.
    public var period: PayPeriod?
    /// Whether the value is exact or a bound such as "over" or "about".
    public var bound: Bound
    /// The literal exactly as written, without surrounding whitespace.
    public var written: String

    /// Creates a quantity from its parts; `high`, if given, must not be below `low`.
    public init(
        low: Decimal,
        high: Decimal? = nil,
        unit: QuantityUnit,
        period: PayPeriod? = nil,
        bound: Bound = .exact,
        written: String
    ) {
        self.low = low
        self.high = high
        self.unit = unit
        self.period = period
        self.bound = bound
        self.written = written
    }

    /// Whether this is a range with two ends.
    public var isRange: Bool { high != nil }

    /// The currency of an amount of money; `nil` for numbers and percentages.
    public var currency: Currency? {
        if case .money(let currency) = unit { currency } else { nil }
    }

    /// Whether this is a percentage.
    public var isPercent: Bool { unit == .percent }

    /// The yearly amount (low and high; equal for a single value), or `nil` without a period.
    public func annualized(_ convention: AnnualizationConvention = .standard) -> (low: Decimal, high: Decimal)? {
        guard let period else { return nil }
        let factor = convention.periods(of: period)
        return (low * factor, (high ?? low) * factor)
    }

    /// Canonical, exact, locale-independent text: "600,000,000 USD", "30,000,000–40,000,000 CNY/year",
    /// "32.45%", "over 30%", "5,000,000".
    public var normalized: String {
        var text = bound == .exact ? "" : bound.phrase + " "
        text += DecimalText.grouped(low)
        if let high { text += "–" + DecimalText.grouped(high) }
        switch unit {
        case .number: break
        case .percent: text += "%"
        case .money(let currency): text += " " + currency.code
        }
        if let period { text += "/" + period.rawValue }
        return text
    }

    /// The normalised text.
    public var description: String { normalized }
}
