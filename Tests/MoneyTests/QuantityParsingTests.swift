import Foundation
import Money
import Testing

@Suite("Reading literals")
struct QuantityParsingTests {
    @Test(arguments: validLiterals)
    func readsExactValues(_ case: ValidLiteral) throws {
        let quantity = try Quantity(parsing: `case`.literal)
        let low = try #require(Decimal(string: `case`.low))
        #expect(quantity.low == low)
        if let high = `case`.high {
            let expectedHigh = try #require(Decimal(string: high))
            #expect(quantity.high == expectedHigh)
        } else {
            #expect(quantity.high == nil)
        }
        #expect(quantity.unit == `case`.unit)
        #expect(quantity.period == `case`.period)
        #expect(quantity.bound == `case`.bound)
        #expect(quantity.written == `case`.literal.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: invalidLiterals)
    func rejectsWithLocatedMessage(_ case: InvalidLiteral) {
        #expect(throws: LiteralError(`case`.message, at: `case`.offset)) {
            try Quantity(parsing: `case`.literal)
        }
    }

    @Test func literalTablesAreLarge() {
        #expect(validLiterals.count + invalidLiterals.count >= 80)
    }

    @Test func offsetsCountCharactersNotBytes() {
        #expect(throws: LiteralError(#"unknown word "millon" (did you mean "million"?)"#, at: 7)) {
            try Quantity(parsing: "¥5,000 millon")
        }
        let unknownChinese = #"unknown word "猫"; expected a scale, currency or period such as "million", "USD" or "/year""#
        #expect(throws: LiteralError(unknownChinese, at: 3)) {
            try Quantity(parsing: "5万 猫猫")
        }
    }

    @Test func errorDescriptionIsTheMessage() {
        let error = LiteralError("number too large", at: 3)
        #expect("\(error)" == "number too large")
    }

    @Test func scaleStoresExactDigits() throws {
        let quantity = try Quantity(parsing: "2.5B")
        #expect(DecimalText.plain(quantity.low) == "2500000000")
        let tiny = try Quantity(parsing: "0.1")
        #expect(tiny.low == Decimal(string: "0.1"))
        #expect(tiny.low * 3 == Decimal(string: "0.3"))
    }

    @Test func equalLiteralsHashEqually() throws {
        let first = try Quantity(parsing: "$600M")
        let second = try Quantity(parsing: "$600M")
        #expect(Set([first, second]).count == 1)
        #expect(first.low.hashValue == Decimal(string: "600000000")?.hashValue)
    }

    @Test func thirtyThousandLiteralsReadQuickly() throws {
        let literals = ["$600M", "30M–40M CNY/year", "¥5,000/day", "over 32.45%", "5 million", "US$1.2 billion"]
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for index in 0..<30_000 {
                _ = try Quantity(parsing: literals[index % literals.count])
            }
        }
        #expect(elapsed < .seconds(10))
    }
}

@Suite("Currencies")
struct CurrencyTests {
    @Test func knownTableHasTheRequiredCodes() {
        for code in ["USD", "CNY", "HKD", "EUR", "GBP", "JPY", "SGD", "TWD", "KRW", "INR", "CAD", "AUD", "CHF"] {
            #expect(Currency.known(code: code)?.code == code)
        }
        #expect(Currency.known(code: "usd") == .usd)
        #expect(Currency.known(code: "XYZ") == nil)
    }

    @Test func describesItself() {
        #expect(Currency.usd.description == "USD")
        #expect(Currency.usd.name == "US dollar")
        #expect(Currency(code: "xyz").code == "XYZ")
        #expect([Currency.usd, .cny, .eur].sorted() == [.cny, .eur, .usd])
    }
}
