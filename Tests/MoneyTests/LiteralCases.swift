import Foundation
import Money
import Testing

/// A literal that must be read, with the exact digits of its values.
struct ValidLiteral: Sendable, CustomTestStringConvertible {
    var literal: String
    var low: String
    var high: String?
    var unit: QuantityUnit
    var period: PayPeriod?
    var bound: Bound

    var testDescription: String { literal }

    static func money(
        _ literal: String, _ low: String, to high: String? = nil, _ currency: Currency,
        per period: PayPeriod? = nil, bound: Bound = .exact
    ) -> ValidLiteral {
        ValidLiteral(literal: literal, low: low, high: high, unit: .money(currency), period: period, bound: bound)
    }

    static func percent(_ literal: String, _ low: String, to high: String? = nil, bound: Bound = .exact) -> ValidLiteral {
        ValidLiteral(literal: literal, low: low, high: high, unit: .percent, period: nil, bound: bound)
    }

    static func number(
        _ literal: String, _ low: String, to high: String? = nil, per period: PayPeriod? = nil, bound: Bound = .exact
    ) -> ValidLiteral {
        ValidLiteral(literal: literal, low: low, high: high, unit: .number, period: period, bound: bound)
    }
}

/// A literal that must be rejected, with its whole message and offset.
struct InvalidLiteral: Sendable, CustomTestStringConvertible {
    var literal: String
    var message: String
    var offset: Int

    var testDescription: String { literal.isEmpty ? "(empty)" : literal }

    init(_ literal: String, _ message: String, at offset: Int) {
        self.literal = literal
        self.message = message
        self.offset = offset
    }
}

let validLiterals: [ValidLiteral] = [
    // Currency by symbol or code, before or after, with or without a space.
    .money("$600M", "600000000", .usd),
    .money("600M USD", "600000000", .usd),
    .money("US$600 million", "600000000", .usd),
    .money("USD 600M", "600000000", .usd),
    .money("USD600M", "600000000", .usd),
    .money("$ 600", "600", .usd),
    .money("600M usd", "600000000", .usd),
    .money("¥5,000", "5000", .cny),
    .money("5000 CNY", "5000", .cny),
    .money("5,000 yuan", "5000", .cny),
    .money("RMB 1B", "1000000000", .cny),
    .money("HK$3B", "3000000000", .hkd),
    .money("€20M", "20000000", .eur),
    .money("£5M", "5000000", .gbp),
    .money("5,000 元", "5000", .cny),
    .money("5000元", "5000", .cny),
    .money("CN¥5,000", "5000", .cny),
    .money("￥5,000", "5000", .cny),
    .money("100 dollars", "100", .usd),
    .money("5 euros", "5", .eur),
    .money("100€", "100", .eur),
    .money("JPY 1,000", "1000", .jpy),
    .money("JP¥1,000", "1000", .jpy),
    .money("NT$30,000", "30000", .twd),
    .money("S$5,000", "5000", .sgd),
    .money("₩1,000,000", "1000000", .krw),
    .money("5 crore INR", "50000000", .inr),
    .money("CHF 2M", "2000000", .chf),
    .money("$5M USD", "5000000", .usd),
    .money("  $600M  ", "600000000", .usd),
    .money("$2.50", "2.5", .usd),

    // Scales, attached or spaced.
    .number("150k", "150000"),
    .number("150K", "150000"),
    .number("3 thousand", "3000"),
    .money("$600 m", "600000000", .usd),
    .money("$600mn", "600000000", .usd),
    .number("2.5B", "2500000000"),
    .money("$2.5bn", "2500000000", .usd),
    .money("$1.5 bln", "1500000000", .usd),
    .money("$1.2T", "1200000000000", .usd),
    .number("2 trillion", "2000000000000"),
    .number("5万", "50000"),
    .money("5万元", "50000", .cny),
    .money("6亿美元", "600000000", .usd),
    .number("1.2万亿", "1200000000000"),
    .number("1,000,000", "1000000"),
    .number("1,234.56", "1234.56"),
    .number("5 million", "5000000"),
    .number("３０万", "300000"),

    // Ranges; scale, currency and period written once apply to both ends.
    .money("30M–40M CNY", "30000000", to: "40000000", .cny),
    .money("30–40 million yuan", "30000000", to: "40000000", .cny),
    .money("$1M to $2M", "1000000", to: "2000000", .usd),
    .money("¥30M-40M/year", "30000000", to: "40000000", .cny, per: .year),
    .money("30M—40M CNY", "30000000", to: "40000000", .cny),
    .money("30M ~ 40M CNY", "30000000", to: "40000000", .cny),
    .number("30~40万", "300000", to: "400000"),
    .money("30万至40万元", "300000", to: "400000", .cny),
    .money("$20/hour to $30/hour", "20", to: "30", .usd, per: .hour),
    .money("20 to 30 dollars per hour", "20", to: "30", .usd, per: .hour),
    .money("$5M–$5M", "5000000", to: "5000000", .usd),
    .number("30–40k", "30000", to: "40000"),
    .number("-5 to 5", "-5", to: "5"),

    // Pay periods.
    .money("¥5,000/day", "5000", .cny, per: .day),
    .money("30M–40M CNY/year", "30000000", to: "40000000", .cny, per: .year),
    .money("$150k a year", "150000", .usd, per: .year),
    .money("$50 an hour", "50", .usd, per: .hour),
    .number("20k/month", "20000", per: .month),
    .money("¥20,000 per month", "20000", .cny, per: .month),
    .money("€60,000 per annum", "60000", .eur, per: .year),
    .money("$100,000 annually", "100000", .usd, per: .year),
    .money("¥8,000 monthly", "8000", .cny, per: .month),
    .money("¥500 daily", "500", .cny, per: .day),
    .number("5000/d", "5000", per: .day),
    .number("3,000 / mo", "3000", per: .month),
    .money("$120k/yr", "120000", .usd, per: .year),
    .money("$40/hour", "40", .usd, per: .hour),
    .money("$2,000/week", "2000", .usd, per: .week),
    .money("5000元/天", "5000", .cny, per: .day),
    .number("2万/月", "20000", per: .month),
    .money("30万元/年", "300000", .cny, per: .year),
    .money("$150k/year USD", "150000", .usd, per: .year),

    // Percentages and plain numbers.
    .percent("32.45%", "32.45"),
    .percent("30 %", "30"),
    .percent("30 percent", "30"),
    .percent("30 per cent", "30"),
    .percent("5 pct", "5"),
    .percent("30–40%", "30", to: "40"),
    .percent("30%–40%", "30", to: "40"),
    .percent("-3.5%", "-3.5"),
    .percent("0.5%", "0.5"),
    .number("1.71", "1.71"),
    .number("22", "22"),
    .number("-3.5", "-3.5"),
    .number("−3.5", "-3.5"),
    .number("+3.5", "3.5"),
    .number("-0", "0"),
    .number(".5", "0.5"),
    .number("0.00", "0"),
    .number("1000000000000000000000000000000", "1000000000000000000000000000000"),
    .number("0.000000000000000000000000000001", "0.000000000000000000000000000001"),
    .number("123456789012345678901234567.89", "123456789012345678901234567.89"),

    // Bounds.
    .percent("over 30%", "30", bound: .over),
    .number("more than 14", "14", bound: .over),
    .money("above $1B", "1000000000", .usd, bound: .over),
    .number("> 5", "5", bound: .over),
    .number("at least 5", "5", bound: .atLeast),
    .percent("≥ 5%", "5", bound: .atLeast),
    .number(">=5", "5", bound: .atLeast),
    .percent("under 10%", "10", bound: .under),
    .number("less than 1,000", "1000", bound: .under),
    .money("below ¥20k", "20000", .cny, bound: .under),
    .number("< 3", "3", bound: .under),
    .percent("at most 20%", "20", bound: .atMost),
    .money("up to $5M", "5000000", .usd, bound: .atMost),
    .number("≤ 8", "8", bound: .atMost),
    .number("about 22", "22", bound: .about),
    .money("around $600M", "600000000", .usd, bound: .about),
    .number("approximately 5 million", "5000000", bound: .about),
    .percent("roughly 30%", "30", bound: .about),
    .percent("~30%", "30", bound: .about),
    .number("≈ 5", "5", bound: .about),
    .percent("about 30–40%", "30", to: "40", bound: .about),
    .number("10,000+", "10000", bound: .atLeast),
    .money("$5M+", "5000000", .usd, bound: .atLeast),
    .money("Over $150K a year", "150000", .usd, per: .year, bound: .over),
]

let invalidLiterals: [InvalidLiteral] = [
    InvalidLiteral("", "expected a number, found nothing", at: 0),
    InvalidLiteral("   ", "expected a number, found nothing", at: 0),
    InvalidLiteral("abc", #"expected a number such as "600M", "$600 million" or "32.45%", found "abc""#, at: 0),
    InvalidLiteral("%", #"expected a number such as "600M", "$600 million" or "32.45%", found "%""#, at: 0),
    InvalidLiteral("$", #"expected a number after "$", found nothing"#, at: 1),
    InvalidLiteral("30 to", #"expected a number after "30 to", found nothing"#, at: 5),
    InvalidLiteral("over", #"expected a number after "over", found nothing"#, at: 4),

    // Unknown words and codes.
    InvalidLiteral("600 millon USD", #"unknown word "millon" (did you mean "million"?)"#, at: 4),
    InvalidLiteral("5 bilion", #"unknown word "bilion" (did you mean "billion"?)"#, at: 2),
    InvalidLiteral("bilion", #"expected a number such as "600M", "$600 million" or "32.45%", found "bilion""#, at: 0),
    InvalidLiteral("Ten", #"expected a number such as "600M", "$600 million" or "32.45%", found "Ten""#, at: 0),
    InvalidLiteral("abuot 5", #"unknown word "abuot" (did you mean "about"?)"#, at: 0),
    InvalidLiteral("3 hrs", #"unknown word "hrs" (did you mean "hr"?)"#, at: 2),
    InvalidLiteral("ovr 30%", #"unknown word "ovr" (did you mean "over"?)"#, at: 0),
    InvalidLiteral("5000/yaer", #"unknown word "yaer" (did you mean "year"?)"#, at: 5),
    InvalidLiteral("5000/mnth", #"unknown word "mnth" (did you mean "month"?)"#, at: 5),
    InvalidLiteral("5 foo", #"unknown word "foo"; expected a scale, currency or period such as "million", "USD" or "/year""#, at: 2),
    InvalidLiteral("600 XYZ", #"unknown currency code "XYZ""#, at: 4),
    InvalidLiteral("600 USE", #"unknown currency code "USE" (did you mean "USD"?)"#, at: 4),
    InvalidLiteral("XYZ 600", #"unknown currency code "XYZ""#, at: 0),
    InvalidLiteral("600 use", #"unknown word "use" (did you mean "USD"?)"#, at: 4),

    // Malformed numbers.
    InvalidLiteral("1,00", #"malformed number "1,00"; expected "," between groups of three digits, as in "1,000,000""#, at: 0),
    InvalidLiteral("$1,0000", #"malformed number "1,0000"; expected "," between groups of three digits, as in "1,000,000""#, at: 1),
    InvalidLiteral("1234,567", #"malformed number "1234,567"; expected "," between groups of three digits, as in "1,000,000""#, at: 0),
    InvalidLiteral("1.2.3", #"malformed number "1.2.3"; expected "," between thousands and at most one "." before decimals"#, at: 0),
    InvalidLiteral("1.000,5 EUR", #"malformed number "1.000,5"; expected "," between thousands and at most one "." before decimals"#, at: 0),
    InvalidLiteral("1e400 USD", #"exponent notation is not supported, found "1e400"; write the digits out or use a scale word such as "million""#, at: 0),
    InvalidLiteral("$2.5E6", #"exponent notation is not supported, found "2.5E6"; write the digits out or use a scale word such as "million""#, at: 1),
    InvalidLiteral("10000000000000000000000000000001", #"number too large: "10000000000000000000000000000001" is more than 10^30"#, at: 0),
    InvalidLiteral("$2000000000000000000 trillion", #"number too large: "2000000000000000000 trillion" is more than 10^30"#, at: 1),
    InvalidLiteral("0.0000000000000000000000000000001", #"too many digits in "0.0000000000000000000000000000001"; expected at most 38 significant digits and 30 decimal places"#, at: 0),
    InvalidLiteral("5 000", #"expected the end of the literal after "5", found "000""#, at: 2),

    // Disagreements and repetitions.
    InvalidLiteral("$5M CNY", #"conflicting currencies "$" (USD) and "CNY" (CNY); expected one currency"#, at: 4),
    InvalidLiteral("$1M to ¥2M", #"conflicting currencies "$" (USD) and "¥" (CNY); expected one currency"#, at: 7),
    InvalidLiteral("5 usd cny", #"conflicting currencies "usd" (USD) and "cny" (CNY); expected one currency"#, at: 6),
    InvalidLiteral("40M–30M", "range is reversed: low end 40,000,000 is above high end 30,000,000", at: 4),
    InvalidLiteral("30k–40", "range is reversed: low end 30,000 is above high end 40", at: 4),
    InvalidLiteral("$5M/day to $6M/month", #"conflicting periods "/day" and "/month"; expected one period"#, at: 14),
    InvalidLiteral("5000/day/month", #"expected one period, found "/month" after "/day""#, at: 8),
    InvalidLiteral("5M k", #"expected one scale word, found "k" after "M""#, at: 3),
    InvalidLiteral("30%%", #"expected one percent sign, found "%" after "%""#, at: 3),
    InvalidLiteral("over about 5", #"expected one bound, found "about" after "over""#, at: 5),
    InvalidLiteral("over 5+", #"expected one bound, found "+" after "over""#, at: 6),
    InvalidLiteral("5M USD million", #"expected the end of the literal after "5M USD", found "million""#, at: 7),
    InvalidLiteral("$5M)", #"expected the end of the literal after "$5M", found ")""#, at: 3),

    // Rules for percentages, money, bounds and phrases.
    InvalidLiteral("30%/year", #"a percentage cannot have a pay period, found "/year""#, at: 3),
    InvalidLiteral("$30%", #"a percentage cannot have a currency, found "$""#, at: 0),
    InvalidLiteral("30k%", #"a percentage cannot have a scale, found "k""#, at: 2),
    InvalidLiteral("-$5M", #"an amount of money cannot be negative, found "-""#, at: 0),
    InvalidLiteral("-5 USD", #"an amount of money cannot be negative, found "-""#, at: 0),
    InvalidLiteral("over 30–40%", #"a range cannot take the bound "over"; expected "about" or no bound"#, at: 0),
    InvalidLiteral("10,000+ to 20,000", #"a range cannot take the bound "+"; expected "about" or no bound"#, at: 6),
    InvalidLiteral("$5M a round", #"expected a period such as "month" or "year" after "a", found "round""#, at: 6),
    InvalidLiteral("$5M a", #"expected a period such as "month" or "year" after "a", found nothing"#, at: 5),
    InvalidLiteral("5000 per share", #"expected "cent" or a period such as "month" or "year" after "per", found "share""#, at: 9),
    InvalidLiteral("5000/", #"expected a period such as "month" or "year" after "/", found nothing"#, at: 5),
    InvalidLiteral("more 5", #"expected "than" after "more", found "5""#, at: 5),
    InvalidLiteral("at 5", #"expected "least" or "most" after "at", found "5""#, at: 3),
]
