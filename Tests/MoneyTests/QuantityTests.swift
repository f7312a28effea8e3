import Foundation
import Money
import Testing

@Suite("Normalised text and annualisation")
struct QuantityTests {
    @Test(arguments: [
        ("$600M", "600,000,000 USD"),
        ("30M–40M CNY/year", "30,000,000–40,000,000 CNY/year"),
        ("32.45%", "32.45%"),
        ("over 30%", "over 30%"),
        ("5 million", "5,000,000"),
        ("20k/month", "20,000/month"),
        ("at least 5", "at least 5"),
        ("up to $5M", "at most 5,000,000 USD"),
        ("-3.5%", "-3.5%"),
        ("$2.50", "2.5 USD"),
        ("10,000+", "at least 10,000"),
        ("about 30–40%", "about 30–40%"),
        ("6亿美元", "600,000,000 USD"),
        ("¥5,000/day", "5,000 CNY/day"),
        ("$150k a year", "150,000 USD/year"),
    ])
    func normalizes(literal: String, normalized: String) throws {
        let quantity = try Quantity(parsing: literal)
        #expect(quantity.normalized == normalized)
        #expect(quantity.description == normalized)
    }

    @Test(arguments: [
        ("¥5,000/day", "1250000", "1250000"),
        ("20k/month", "240000", "240000"),
        ("$40/hour", "80000", "80000"),
        ("$2,000/week", "104000", "104000"),
        ("30M–40M CNY/year", "30000000", "40000000"),
        ("¥20k–30k/month", "240000", "360000"),
    ])
    func annualizes(literal: String, low: String, high: String) throws {
        let yearly = try #require(try Quantity(parsing: literal).annualized())
        #expect(yearly.low == Decimal(string: low))
        #expect(yearly.high == Decimal(string: high))
    }

    @Test func annualizesOnlyWithAPeriod() throws {
        #expect(try Quantity(parsing: "$600M").annualized() == nil)
    }

    @Test func annualizesWithACustomConvention() throws {
        let convention = AnnualizationConvention(daysPerYear: 260)
        let yearly = try #require(try Quantity(parsing: "¥5,000/day").annualized(convention))
        #expect(yearly.low == 1_300_000)
    }

    @Test func documentsTheConvention() {
        #expect(AnnualizationConvention.standard.summary
            == "Pay is annualised assuming 2,000 working hours, 250 working days, 52 weeks or 12 months in a year.")
        #expect(AnnualizationConvention.standard.periods(of: .day) == 250)
    }

    @Test func exposesUnitHelpers() throws {
        let range = try Quantity(parsing: "30–40 million yuan")
        #expect(range.isRange)
        #expect(range.currency == .cny)
        #expect(!range.isPercent)
        let share = try Quantity(parsing: "18.17%")
        #expect(!share.isRange)
        #expect(share.isPercent)
        #expect(share.currency == nil)
    }

    @Test func boundPhrases() {
        #expect(Bound.atLeast.phrase == "at least")
        #expect(Bound.exact.phrase == "")
    }
}

@Suite("Decimal text")
struct DecimalTextTests {
    @Test(arguments: [
        ("600000000", "600000000", "600,000,000"),
        ("32.45", "32.45", "32.45"),
        ("-32.45", "-32.45", "-32.45"),
        ("2.50", "2.5", "2.5"),
        ("0", "0", "0"),
        ("-0", "0", "0"),
        ("999", "999", "999"),
        ("1000", "1000", "1,000"),
        ("-1234567.891", "-1234567.891", "-1,234,567.891"),
        ("0.0000007", "0.0000007", "0.0000007"),
        ("1000000000000000000000000000000", "1000000000000000000000000000000", "1,000,000,000,000,000,000,000,000,000,000"),
    ])
    func formats(input: String, plain: String, grouped: String) throws {
        let value = try #require(Decimal(string: input))
        #expect(DecimalText.plain(value) == plain)
        #expect(DecimalText.grouped(value) == grouped)
    }

    @Test func neverUsesAnExponent() {
        let large = Decimal(sign: .plus, exponent: 30, significand: 7)
        let small = Decimal(sign: .minus, exponent: -25, significand: 3)
        #expect(DecimalText.plain(large) == "7" + String(repeating: "0", count: 30))
        #expect(DecimalText.plain(small) == "-0." + String(repeating: "0", count: 24) + "3")
        for value in [large, small, Decimal(sign: .plus, exponent: 8, significand: 6)] {
            #expect(!DecimalText.plain(value).contains("e"))
            #expect(!DecimalText.plain(value).contains("E"))
        }
    }

    @Test func negativeZeroIsZero() {
        let negativeZero = Decimal(sign: .minus, exponent: 0, significand: 0)
        #expect(DecimalText.plain(negativeZero) == "0")
        #expect(DecimalText.grouped(-Decimal.zero) == "0")
    }
}
