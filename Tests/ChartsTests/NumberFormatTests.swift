import Foundation
import Testing
import Charts

@Suite("Compact number format")
struct NumberFormatTests {
    struct FormatCase: Sendable, CustomTestStringConvertible {
        let language: ChartLanguage
        let value: String
        let currency: String?
        let digits: Int
        let expected: String

        init(_ language: ChartLanguage, _ value: String, _ currency: String? = nil, digits: Int = 2, expected: String) {
            self.language = language
            self.value = value
            self.currency = currency
            self.digits = digits
            self.expected = expected
        }

        init(_ language: ChartLanguage, _ value: String, _ expected: String) {
            self.init(language, value, nil, expected: expected)
        }

        init(_ language: ChartLanguage, _ value: String, _ currency: String, _ expected: String) {
            self.init(language, value, currency, expected: expected)
        }

        init(_ language: ChartLanguage, _ value: String, digits: Int, _ expected: String) {
            self.init(language, value, nil, digits: digits, expected: expected)
        }

        var testDescription: String { "\(language) \(value) \(currency ?? "-") → \(expected)" }
    }

    static let formatCases: [FormatCase] = [
        // Compact numbers (en)
        FormatCase(.en, "1250", "1.3K"),
        FormatCase(.en, "1249", "1.2K"),
        FormatCase(.en, "999950", "1M"),
        FormatCase(.en, "600000000", "USD", "$600M"),
        FormatCase(.en, "2500000000", "USD", "$2.5B"),
        FormatCase(.en, "5000", "CNY", "CN¥5,000"),
        FormatCase(.en, "12000", "CNY", "CN¥12K"),
        FormatCase(.en, "9999.5", "CNY", "CN¥10K"),
        FormatCase(.en, "9999", "CNY", "CN¥9,999"),
        FormatCase(.en, "999", "999"),
        FormatCase(.en, "999.5", "1K"),
        FormatCase(.en, "12345", "12K"),
        FormatCase(.en, "123456", "123K"),
        FormatCase(.en, "1050000", "1.1M"),
        FormatCase(.en, "30000000", "30M"),
        FormatCase(.en, "1200000000000", "1.2T"),
        FormatCase(.en, "1500000000000000", "1,500T"),
        FormatCase(.en, "1250", digits: 3, "1.25K"),
        FormatCase(.en, "1234567", digits: 3, "1.23M"),
        FormatCase(.en, "1250", digits: 0, "1K"),
        FormatCase(.en, "0.5", "0.5"),
        FormatCase(.en, "12.345", "12"),
        FormatCase(.en, "0.001", "0.001"),
        FormatCase(.en, "0.0012345", "0.0012"),
        FormatCase(.en, "0", "0"),
        FormatCase(.en, "0", "USD", "$0"),
        FormatCase(.en, "-0", "0"),
        FormatCase(.en, "-1250", "−1.3K"),
        FormatCase(.en, "-600000000", "USD", "−$600M"),
        FormatCase(.en, "-0.001", "−0.001"),
        // Currency display (en)
        FormatCase(.en, "5000", "JPY", "JP¥5,000"),
        FormatCase(.en, "5000000", "hkd", "HK$5M"),
        FormatCase(.en, "1000000", "EUR", "€1M"),
        FormatCase(.en, "2500000", "GBP", "£2.5M"),
        FormatCase(.en, "5000000", "SGD", "SGD 5M"),
        FormatCase(.en, "5000", "", "5K"),
        // Compact numbers (zh)
        FormatCase(.zh, "5000", "5000"),
        FormatCase(.zh, "12345", "1.2万"),
        FormatCase(.zh, "30000000", "3000万"),
        FormatCase(.zh, "600000000", "6亿"),
        FormatCase(.zh, "2500000000", "25亿"),
        FormatCase(.zh, "1200000000000", "1.2万亿"),
        FormatCase(.zh, "99995000", "1亿"),
        FormatCase(.zh, "9999", "9999"),
        FormatCase(.zh, "10000", "1万"),
        FormatCase(.zh, "12500", "1.3万"),
        FormatCase(.zh, "12345678", "1235万"),
        FormatCase(.zh, "-12345", "−1.2万"),
        FormatCase(.zh, "0.001", "0.001"),
        FormatCase(.zh, "0", "0"),
        // Currency display (zh)
        FormatCase(.zh, "600000000", "USD", "US$6亿"),
        FormatCase(.zh, "5000", "CNY", "¥5000"),
        FormatCase(.zh, "30000000", "CNY", "¥3000万"),
        FormatCase(.zh, "2000000", "HKD", "HK$200万"),
        FormatCase(.zh, "5000000", "JPY", "JPY 500万"),
        FormatCase(.zh, "-30000000", "CNY", "−¥3000万"),
    ]

    @Test(arguments: formatCases)
    func format(_ example: FormatCase) throws {
        let value = try #require(Decimal(string: example.value))
        let format = CompactFormat(language: example.language)
        #expect(format.format(value, currency: example.currency, significantDigits: example.digits) == example.expected)
    }

    @Test func nanGivesEmptyText() {
        #expect(CompactFormat(language: .en).format(Decimal.nan) == "")
        #expect(CompactFormat(language: .en).formatRange(Decimal.nan, 5) == "")
        #expect(CompactFormat(language: .en).percent(Decimal.nan) == "")
    }

    struct RangeCase: Sendable, CustomTestStringConvertible {
        let language: ChartLanguage, low: String, high: String, currency: String?, expected: String
        var testDescription: String { "\(language) \(low)–\(high) \(currency ?? "-") → \(expected)" }
    }

    @Test(arguments: [
        // Ranges
        RangeCase(language: .en, low: "30000000", high: "40000000", currency: "CNY", expected: "CN¥30M–40M"),
        RangeCase(language: .en, low: "800000", high: "1200000", currency: "CNY", expected: "CN¥800K–1.2M"),
        RangeCase(language: .zh, low: "30000000", high: "40000000", currency: "CNY", expected: "¥3000万–4000万"),
        RangeCase(language: .zh, low: "800000", high: "1200000", currency: "CNY", expected: "¥80万–120万"),
        RangeCase(language: .en, low: "30000000", high: "40000000", currency: "JPY", expected: "JP¥30M–40M"),
        RangeCase(language: .en, low: "8000", high: "12000", currency: "CNY", expected: "CN¥8K–12K"),
        RangeCase(language: .en, low: "5000", high: "8000", currency: "CNY", expected: "CN¥5,000–8,000"),
        RangeCase(language: .zh, low: "5000", high: "12000", currency: "CNY", expected: "¥5000–1.2万"),
        RangeCase(language: .zh, low: "600000000", high: "2500000000", currency: "USD", expected: "US$6亿–25亿"),
        RangeCase(language: .en, low: "1250", high: "2500", currency: nil, expected: "1.3K–2.5K"),
        RangeCase(language: .en, low: "30000000", high: "30000000", currency: "USD", expected: "$30M"),
        RangeCase(language: .en, low: "-5000000", high: "10000000", currency: "USD", expected: "−$5M–10M"),
        RangeCase(language: .en, low: "0", high: "5000000", currency: "USD", expected: "$0–5M"),
    ])
    func formatRange(_ example: RangeCase) throws {
        let low = try #require(Decimal(string: example.low))
        let high = try #require(Decimal(string: example.high))
        let text = CompactFormat(language: example.language).formatRange(low, high, currency: example.currency)
        #expect(text == example.expected)
        #expect(!text.contains(" "))
    }

    struct AxisCase: Sendable, CustomTestStringConvertible {
        let language: ChartLanguage, ticks: [Double], currency: String?, expected: [String]
        var testDescription: String { "\(language) \(ticks) \(currency ?? "-")" }
    }

    @Test(arguments: [
        // Axis labels share one suffix
        AxisCase(language: .en, ticks: [0, 5e8, 1e9, 1.5e9], currency: "USD", expected: ["0", "$0.5B", "$1B", "$1.5B"]),
        AxisCase(language: .zh, ticks: [0, 5e8, 1e9, 1.5e9], currency: nil, expected: ["0", "5亿", "10亿", "15亿"]),
        AxisCase(language: .zh, ticks: [0, 5e8, 1e9, 1.5e9], currency: "USD", expected: ["0", "US$5亿", "US$10亿", "US$15亿"]),
        AxisCase(language: .en, ticks: [0, 1e7, 2e7, 3e7, 4e7], currency: "CNY", expected: ["0", "CN¥10M", "CN¥20M", "CN¥30M", "CN¥40M"]),
        AxisCase(language: .zh, ticks: [0, 1e7, 2e7, 3e7, 4e7], currency: "CNY", expected: ["0", "¥1000万", "¥2000万", "¥3000万", "¥4000万"]),
        AxisCase(language: .en, ticks: [0, 2000, 4000, 6000], currency: "CNY", expected: ["0", "CN¥2,000", "CN¥4,000", "CN¥6,000"]),
        AxisCase(language: .en, ticks: [0, 2000, 4000, 6000], currency: nil, expected: ["0", "2K", "4K", "6K"]),
        AxisCase(language: .zh, ticks: [0, 2000, 4000, 6000], currency: nil, expected: ["0", "2000", "4000", "6000"]),
        AxisCase(language: .zh, ticks: [0, 20000, 40000], currency: nil, expected: ["0", "2万", "4万"]),
        AxisCase(language: .en, ticks: [0, 0.5, 1, 1.5, 2, 2.5, 3], currency: nil, expected: ["0", "0.5", "1", "1.5", "2", "2.5", "3"]),
        AxisCase(language: .en, ticks: [-0.1, -0.05, 0, 0.05, 0.1], currency: nil, expected: ["−0.1", "−0.05", "0", "0.05", "0.1"]),
        AxisCase(language: .en, ticks: [0, 2.5, 5, 7.5, 10], currency: nil, expected: ["0", "2.5", "5", "7.5", "10"]),
        AxisCase(language: .en, ticks: [0, 0.1, 0.2, 0.30000000000000004], currency: nil, expected: ["0", "0.1", "0.2", "0.3"]),
        AxisCase(language: .en, ticks: [-1e-17, 0.5, 1], currency: nil, expected: ["0", "0.5", "1"]),
        AxisCase(language: .en, ticks: [-2e6, -1e6, 0, 1e6], currency: "USD", expected: ["−$2M", "−$1M", "0", "$1M"]),
        AxisCase(language: .en, ticks: [1e12, 2e12], currency: nil, expected: ["1T", "2T"]),
        AxisCase(language: .en, ticks: [0, 0.001, 0.002], currency: nil, expected: ["0", "0.001", "0.002"]),
        AxisCase(language: .en, ticks: [5e8], currency: "USD", expected: ["$500M"]),
        AxisCase(language: .en, ticks: [0], currency: "USD", expected: ["0"]),
        AxisCase(language: .en, ticks: [.nan, 1, 2], currency: nil, expected: ["", "1", "2"]),
        AxisCase(language: .en, ticks: [], currency: nil, expected: []),
    ])
    func axisLabels(_ example: AxisCase) {
        #expect(CompactFormat(language: example.language).axisLabels(example.ticks, currency: example.currency) == example.expected)
    }

    @Test(arguments: [
        ("32.45", nil, "32.45%"), ("18.17", nil, "18.17%"), ("0", nil, "0%"), ("-5", nil, "−5%"), ("0.001", nil, "0.001%"),
        ("33.3333", 1, "33.3%"), ("12.5", 0, "13%"), ("-12.5", 0, "−13%"), ("30.04", 1, "30%"), ("1200", nil, "1,200%"),
        ("-0.004", 2, "0%"),
    ] as [(String, Int?, String)])
    func percent(value: String, decimals: Int?, expected: String) throws {
        let number = try #require(Decimal(string: value))
        #expect(CompactFormat(language: .en).percent(number, decimals: decimals) == expected)
    }

    @Test func percentInChineseHasNoGrouping() {
        #expect(CompactFormat(language: .zh).percent(1200) == "1200%")
        #expect(CompactFormat(language: .zh).percent(Decimal(string: "32.45") ?? 0) == "32.45%")
    }

    @Test(arguments: [
        ([0.0, 10, 20, 30, 40], ["0%", "10%", "20%", "30%", "40%"]),
        ([0, 0.5, 1, 1.5], ["0%", "0.5%", "1%", "1.5%"]),
        ([-10, 0, 10], ["−10%", "0%", "10%"]),
        ([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"]),
    ])
    func percentAxisLabels(ticks: [Double], expected: [String]) {
        #expect(CompactFormat(language: .en).percentAxisLabels(ticks) == expected)
    }

    @Test(arguments: [
        (ChartLanguage.en, "hour", "/hr"), (.en, "day", "/day"), (.en, "week", "/wk"), (.en, "month", "/month"),
        (.en, "year", "/yr"), (.en, "Year", "/yr"), (.zh, "hour", "/小时"), (.zh, "day", "/日"), (.zh, "week", "/周"),
        (.zh, "month", "/月"), (.zh, "year", "/年"), (.en, "quarter", "/quarter"), (.zh, "", ""),
    ])
    func periodSuffix(language: ChartLanguage, period: String, expected: String) {
        #expect(CompactFormat(language: language).periodSuffix(period) == expected)
    }

    @Test func outputNeverHasNegativeZeroNaNInfinityOrExponent() {
        let values = ["-0", "-0.0000001", "1e30", "-1e-30", "0.00000001", "123456789012345678901234567890", "-999.9999"]
        let ticks = [-1e-17, -0.0, 1e21, 1e-7, 2e-7, .infinity, -.nan]
        for language in ChartLanguage.allCases {
            let format = CompactFormat(language: language)
            var labels = format.axisLabels(ticks, currency: "USD") + format.percentAxisLabels(ticks)
            for value in values.compactMap({ Decimal(string: $0) }) {
                labels += [format.format(value), format.format(value, currency: "CNY"), format.percent(value, decimals: 2),
                           format.formatRange(value, value + 1, currency: "USD")]
            }
            for label in labels {
                #expect(!label.contains("-"), "\(label)")
                #expect(!["−0", "−0%", "−$0", "−US$0", "−¥0", "−CN¥0"].contains(label), "\(label)")
                #expect(!label.lowercased().contains("nan") && !label.lowercased().contains("inf"), "\(label)")
                #expect(!label.contains("e"), "\(label)")
            }
        }
    }

    @Test func labelsDoNotDependOnTheProcessLocale() {
        // Foundation's locale-aware APIs would print "1,3K" or "5.000" under de_DE; ours never consult a locale.
        let format = CompactFormat(language: .en)
        #expect(format.format(Decimal(string: "1250.5") ?? 0, currency: "CNY", significantDigits: 5) == "CN¥1,250.5")
        #expect(format.axisLabels([0, 0.25, 0.5]) == ["0", "0.25", "0.5"])
    }
}
