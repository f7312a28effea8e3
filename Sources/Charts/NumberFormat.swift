import Foundation

/// The language chart text is written in; it decides magnitude words, currency symbols and period words.
public enum ChartLanguage: String, Sendable, CaseIterable {
    /// English: K, M, B, T; "CN¥" for yuan.
    case en
    /// Simplified Chinese: 万, 亿, 万亿; "¥" for yuan, "US$" for dollars.
    case zh
}

/// Compact, locale-independent number labels for charts.
///
/// Our own formatter: no `NumberFormatter`, no `.compactName`, no `String(format:)`, so a build under any
/// `LANG` is byte-identical. Exact values come in as `Decimal`; ticks come in as `Double` and are read through
/// their shortest round-trip description. Currencies are ISO 4217 codes such as `"USD"` (any case).
/// Rounding is half away from zero on decimal digits; a visible minus is U+2212; output never contains
/// "−0", NaN, infinities or exponent notation. Non-finite input gives an empty string.
public struct CompactFormat: Sendable {
    /// The language of the labels.
    public let language: ChartLanguage

    /// Creates a formatter for `language`.
    public init(language: ChartLanguage) {
        self.language = language
    }

    /// A power of ten with its suffix: K, M, B, T in English; 万, 亿, 万亿 in Chinese.
    private struct Magnitude: Sendable {
        let power: Int
        let suffix: String
    }

    private static let englishMagnitudes = [
        Magnitude(power: 0, suffix: ""), Magnitude(power: 3, suffix: "K"), Magnitude(power: 6, suffix: "M"),
        Magnitude(power: 9, suffix: "B"), Magnitude(power: 12, suffix: "T"),
    ]
    private static let chineseMagnitudes = [
        Magnitude(power: 0, suffix: ""), Magnitude(power: 4, suffix: "万"), Magnitude(power: 8, suffix: "亿"),
        Magnitude(power: 12, suffix: "万亿"),
    ]

    private var magnitudes: [Magnitude] {
        language == .en ? CompactFormat.englishMagnitudes : CompactFormat.chineseMagnitudes
    }

    /// English groups thousands with commas ("CN¥5,000"); Chinese labels do not ("5000", "3000万").
    private var groupsThousands: Bool { language == .en }

    /// The U+2212 minus sign.
    private static let minus = "\u{2212}"

    /// A compact label such as "1.3K", "$600M", "CN¥5,000", "1.2万" or "25亿".
    ///
    /// `significantDigits` (default 2) applies to the scaled number, but integer digits are never dropped:
    /// 123,456 is "123K" and 3×10⁷ in Chinese is "3000万". A rounded value that reaches the next magnitude is
    /// promoted (999,950 is "1M"). English compacts plain numbers from 10³ ("1.3K") and money from 10⁴
    /// ("CN¥5,000", "CN¥12K"); Chinese compacts from 万 (10⁴). Zero is "0" ("$0" with a currency).
    public func format(_ value: Decimal, currency: String? = nil, significantDigits: Int = 2) -> String {
        format(DecimalDigits(value), currency: currency, significantDigits: significantDigits)
    }

    /// `format(_:currency:significantDigits:)` for a value already in digits; `nil` (not finite) gives "".
    func format(_ value: DecimalDigits?, currency: String? = nil, significantDigits: Int = 2) -> String {
        guard let digits = value else { return "" }
        let prefix = currencyPrefix(currency)
        return (digits.isNegative ? CompactFormat.minus : "") + prefix
            + compact(digits.magnitude, significantDigits: significantDigits, compactFrom: compactionPower(currency))
    }

    /// A range with the currency once, a suffix on both ends and an en dash (U+2013) without spaces:
    /// "CN¥30M–40M", "CN¥800K–1.2M" (en), "¥3000万–4000万" (zh).
    ///
    /// Each end is rounded to two significant digits with its own suffix. In English, when the larger end is
    /// compacted the smaller one is too ("CN¥8K–12K", not "CN¥8,000–12K"). Ends are kept in the order given;
    /// ends that print the same give a single value.
    public func formatRange(_ low: Decimal, _ high: Decimal, currency: String? = nil) -> String {
        formatRange(DecimalDigits(low), DecimalDigits(high), currency: currency)
    }

    /// `formatRange(_:_:currency:)` for values already in digits; `nil` (not finite) gives "".
    func formatRange(_ low: DecimalDigits?, _ high: DecimalDigits?, currency: String? = nil) -> String {
        guard let lowDigits = low, let highDigits = high else { return "" }
        var compactFrom = compactionPower(currency)
        let largestPower = [lowDigits, highDigits].filter { !$0.isZero }.map(\.leadingPower).max()
        if let largestPower, magnitudeIndex(forLeadingPower: largestPower, compactFrom: compactFrom) > 0 {
            compactFrom = min(compactFrom, magnitudes[1].power)
        }
        let lowBody = compact(lowDigits.magnitude, significantDigits: 2, compactFrom: compactFrom)
        let highBody = compact(highDigits.magnitude, significantDigits: 2, compactFrom: compactFrom)
        let lowSign = lowDigits.isNegative ? CompactFormat.minus : ""
        let highSign = highDigits.isNegative ? CompactFormat.minus : ""
        // A minus sign goes before the currency: "−$5M–10M".
        let first = lowSign + currencyPrefix(currency) + lowBody
        if lowSign == highSign, lowBody == highBody { return first }
        return first + "\u{2013}" + highSign + highBody
    }

    /// Labels for an axis with one magnitude suffix, chosen from the largest tick.
    ///
    /// Decimals are max(0, −⌊log10(step/unit)⌋) for the smallest gap between ticks, raised (by at most 2)
    /// until every tick is exact; trailing zeros are trimmed. Zero prints "0" without a currency.
    /// Ticks 0, 5e8, 1e9, 1.5e9 with "USD" give "0", "$0.5B", "$1B", "$1.5B"; in Chinese "0", "5亿", "10亿", "15亿".
    public func axisLabels(_ ticks: [Double], currency: String? = nil) -> [String] {
        let values = ticks.map(DecimalDigits.init)
        let largest = values.compactMap { $0 }.filter { !$0.isZero }.map(\.leadingPower).max()
        let index = largest.map { magnitudeIndex(forLeadingPower: $0, compactFrom: compactionPower(currency)) } ?? 0
        let magnitude = magnitudes[index]
        let prefix = currencyPrefix(currency)
        let decimals = CompactFormat.axisDecimals(ticks, values, unitPower: magnitude.power)
        return values.map { value in
            guard let value else { return "" }
            let rounded = value.scaled(byPowerOfTen: -magnitude.power).rounded(decimals: decimals)
            if rounded.isZero { return "0" }
            return (rounded.isNegative ? CompactFormat.minus : "") + prefix
                + rounded.plainText(grouping: groupsThousands) + magnitude.suffix
        }
    }

    /// A percentage from its percent number (32.45 → "32.45%"), keeping the source precision,
    /// or rounded to `decimals` (trailing zeros trimmed) for computed shares.
    public func percent(_ value: Decimal, decimals: Int? = nil) -> String {
        percent(DecimalDigits(value), decimals: decimals)
    }

    /// `percent(_:decimals:)` for a value already in digits; `nil` (not finite) gives "".
    func percent(_ value: DecimalDigits?, decimals: Int? = nil) -> String {
        guard var digits = value else { return "" }
        if let decimals { digits = digits.rounded(decimals: max(0, decimals)) }
        return (digits.isNegative ? CompactFormat.minus : "") + digits.plainText(grouping: groupsThousands) + "%"
    }

    /// Percent axis labels from percent numbers (ticks 0, 10, 20 → "0%", "10%", "20%"), at the step's precision.
    public func percentAxisLabels(_ ticks: [Double]) -> [String] {
        let values = ticks.map(DecimalDigits.init)
        let decimals = CompactFormat.axisDecimals(ticks, values, unitPower: 0)
        return values.map { value in
            guard let value else { return "" }
            let rounded = value.rounded(decimals: decimals)
            return (rounded.isNegative ? CompactFormat.minus : "") + rounded.plainText(grouping: groupsThousands) + "%"
        }
    }

    /// The period after a value, for "hour", "day", "week", "month" or "year" (any case):
    /// "/hr", "/day", "/wk", "/month", "/yr" in English; "/小时", "/日", "/周", "/月", "/年" in Chinese.
    /// Other words are returned as "/word"; an empty period gives "".
    public func periodSuffix(_ period: String) -> String {
        let key = period.lowercased()
        let table = language == .en ? CompactFormat.englishPeriods : CompactFormat.chinesePeriods
        if let suffix = table[key] { return suffix }
        return period.isEmpty ? "" : "/" + period
    }

    private static let englishPeriods = ["hour": "/hr", "day": "/day", "week": "/wk", "month": "/month", "year": "/yr"]
    private static let chinesePeriods = ["hour": "/小时", "day": "/日", "week": "/周", "month": "/月", "year": "/年"]

    /// What goes before an amount in `code` (any case): "$", "CN¥", "JP¥"… in English; "¥", "US$"… in Chinese.
    /// Codes without a symbol print as the code and a space ("SGD 5,000"); `nil` or "" gives "".
    public func currencyPrefix(_ code: String?) -> String {
        guard let code, !code.isEmpty else { return "" }
        let upper = code.uppercased()
        let table = language == .en ? CompactFormat.englishSymbols : CompactFormat.chineseSymbols
        return table[upper] ?? upper + " "
    }

    private static let englishSymbols = ["USD": "$", "CNY": "CN¥", "HKD": "HK$", "EUR": "€", "GBP": "£", "JPY": "JP¥"]
    private static let chineseSymbols = ["CNY": "¥", "USD": "US$", "HKD": "HK$", "EUR": "€", "GBP": "£"]

    /// The power of ten from which values get a suffix: 10³ for English numbers, 10⁴ for English money and Chinese.
    private func compactionPower(_ currency: String?) -> Int {
        language == .en && (currency ?? "").isEmpty ? 3 : 4
    }

    /// The index of the magnitude used for a value whose leading digit is at `leadingPower`.
    private func magnitudeIndex(forLeadingPower leadingPower: Int, compactFrom: Int) -> Int {
        guard leadingPower >= compactFrom else { return 0 }
        return magnitudes.lastIndex { $0.power <= leadingPower } ?? 0
    }

    /// An unsigned value scaled, rounded and suffixed, promoted to the next magnitude when rounding reaches it.
    private func compact(_ value: DecimalDigits, significantDigits: Int, compactFrom: Int) -> String {
        if value.isZero { return "0" }
        var index = magnitudeIndex(forLeadingPower: value.leadingPower, compactFrom: compactFrom)
        while true {
            let magnitude = magnitudes[index]
            let rounded = value.scaled(byPowerOfTen: -magnitude.power).rounded(significantDigits: significantDigits)
            let promoted = magnitudeIndex(forLeadingPower: rounded.leadingPower + magnitude.power, compactFrom: compactFrom)
            if promoted > index {
                index = promoted
                continue
            }
            return rounded.plainText(grouping: groupsThousands) + magnitude.suffix
        }
    }

    /// The decimals axis labels need for ticks shown in units of 10^unitPower.
    private static func axisDecimals(_ ticks: [Double], _ values: [DecimalDigits?], unitPower: Int) -> Int {
        let sorted = ticks.filter(\.isFinite).sorted()
        var step = Double.infinity
        for index in sorted.indices.dropFirst() where sorted[index] > sorted[index - 1] {
            step = min(step, sorted[index] - sorted[index - 1])
        }
        if !step.isFinite { step = sorted.map(abs).max() ?? 0 }
        guard step > 0 else { return 0 }
        let base = max(0, -Int((log10(step) - Double(unitPower)).rounded(.down)))
        var decimals = base
        let scaled = values.compactMap { $0?.scaled(byPowerOfTen: -unitPower) }
        while decimals < base + 2, !scaled.allSatisfy({ $0.isExact(decimals: decimals) }) {
            decimals += 1
        }
        return decimals
    }
}
