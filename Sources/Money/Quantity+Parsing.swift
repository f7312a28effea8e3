import Foundation

extension Quantity {
    /// Reads a literal such as `$600M`, `30–40 million yuan/year`, `¥5,000/day` or `over 32.45%`.
    ///
    /// Error offsets count Characters from the start of `text` as given (leading spaces included).
    public init(parsing text: String) throws(LiteralError) {
        let tokens = LiteralTokenizer.tokens(in: text)
        var parser = LiteralParser(tokens: tokens[...])
        let quantity = try parser.parseQuantity()
        try parser.requireEnd()
        self = quantity
    }
}

extension LiteralParser {
    /// Shares scale, currency and period between the ends, checks them, and computes exact values.
    func makeQuantity(bound: Located<Bound>?, low: Operand, high: Operand?) throws(LiteralError) -> Quantity {
        let currency = try shared(low.currency, high?.currency) { first, second in
            LiteralError(.conflictingCurrencies(first: first.text, first.value, second: second.text, second.value), at: second.offset)
        }
        let period = try shared(low.period, high?.period) { first, second in
            LiteralError(.conflictingPeriods(first: first.text, second: second.text), at: second.offset)
        }
        let isPercent = low.percent != nil || high?.percent != nil
        let lowScale = low.scale ?? high?.scale

        if isPercent {
            if let currency {
                throw LiteralError(.percentWith(what: "a currency", found: currency.text), at: currency.offset)
            }
            if let scale = low.scale ?? high?.scale {
                throw LiteralError(.percentWith(what: "a scale", found: scale.text), at: scale.offset)
            }
            if let period {
                throw LiteralError(.percentWith(what: "a pay period", found: period.text), at: period.offset)
            }
        }
        if currency != nil {
            for sign in [low.sign, high?.sign].compactMap({ $0 }) where sign.value {
                throw LiteralError(.negativeMoney(sign: sign.text), at: sign.offset)
            }
        }

        var finalBound = bound?.value ?? .exact
        if let high {
            if let bound, bound.value != .about {
                throw LiteralError(.boundOnRange(bound.text), at: bound.offset)
            }
            if let plus = low.plus ?? high.plus {
                throw LiteralError(.boundOnRange(plus.text), at: plus.offset)
            }
        } else if let plus = low.plus {
            if let bound {
                throw LiteralError(.repeated(what: "bound", first: bound.text, second: plus.text), at: plus.offset)
            }
            finalBound = .atLeast
        }

        let lowValue = try value(of: low, scale: lowScale?.value ?? 0)
        var highValue: Decimal?
        if let high {
            let value = try value(of: high, scale: high.scale?.value ?? 0)
            if value < lowValue {
                throw LiteralError(
                    .reversedRange(low: DecimalText.grouped(lowValue), high: DecimalText.grouped(value)),
                    at: high.sign?.offset ?? high.numberOffset
                )
            }
            highValue = value
        }

        let unit: QuantityUnit = if let currency { .money(currency.value) } else if isPercent { .percent } else { .number }
        return Quantity(
            low: lowValue, high: highValue, unit: unit, period: period?.value,
            bound: finalBound, written: readText
        )
    }

    /// The value written on either end, or an error when both ends disagree.
    private func shared<Value: Equatable>(
        _ first: Located<Value>?, _ second: Located<Value>?,
        conflict: (Located<Value>, Located<Value>) -> LiteralError
    ) throws(LiteralError) -> Located<Value>? {
        guard let first else { return second }
        guard let second, second.value != first.value else { return first }
        throw conflict(first, second)
    }

    /// The exact value of one end: its digits × 10^(scale − decimals), signed.
    private func value(of operand: Operand, scale: Int) throws(LiteralError) -> Decimal {
        var digits = operand.number.digits[...]
        var exponent = scale - operand.number.fractionDigitCount
        while digits.first == 0 { digits.removeFirst() }
        while digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        guard !digits.isEmpty else { return .zero }
        // The value lies in [10^(magnitude−1), 10^magnitude).
        let magnitude = digits.count + exponent
        if magnitude > 31 || (magnitude == 31 && digits != [1]) {
            throw LiteralError(.tooLarge(operand.valueText), at: operand.numberOffset)
        }
        if digits.count > 38 || exponent < -30 {
            throw LiteralError(.tooManyDigits(operand.valueText), at: operand.numberOffset)
        }
        return DecimalText.decimal(digits: digits, exponent: exponent, isNegative: operand.sign?.value ?? false)
    }
}
