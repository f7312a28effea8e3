import Foundation

/// Something read from the literal, with the text and offset to quote when it is wrong.
struct Located<Value> {
    var value: Value
    var text: String
    var offset: Int

    init(_ value: Value, text: String, offset: Int) {
        self.value = value
        self.text = text
        self.offset = offset
    }

    /// `value`, read from `token`.
    init(_ value: Value, at token: LiteralToken) {
        self.init(value, text: String(token.text), offset: token.offset)
    }
}

/// One end of a range as written: `sign? currency? sign? number scale? "+"? (percent | currency | period)*`.
struct Operand {
    var sign: Located<Bool>?            // true for a minus sign
    var number: NumberLiteral
    var numberOffset: Int
    var scale: Located<Int>?            // power of ten
    var plus: Located<Void>?            // "10,000+"
    var currency: Located<Currency>?
    var percent: Located<Void>?
    var period: Located<PayPeriod>?
    /// The number and its scale as written, quoted by value errors: "2.5B", "30 million".
    var valueText: String
}

/// Reads one quantity from a run of tokens:
///
///     quantity := bound? operand (separator operand)?
///     bound    := "over" | "more than" | "at least" | "up to" | "about" | ">" | "≥" | "~" | …
///     separator:= "-" | "–" | "—" | "~" | "to" | "至"
///
/// The parser stops at the first token it cannot use; `Quantity(parsing:)` rejects leftovers,
/// `LiteralScanner` ignores them. Scale, currency and period written on one end apply to both.
struct LiteralParser {
    private let tokens: ArraySlice<LiteralToken>
    private let start: Int
    /// Index of the next unread token.
    private(set) var position: Int

    init(tokens: ArraySlice<LiteralToken>) {
        self.tokens = tokens
        self.start = tokens.startIndex
        self.position = tokens.startIndex
    }

    /// Reads a quantity starting at the first token.
    mutating func parseQuantity() throws(LiteralError) -> Quantity {
        let bound = try parseBound()
        if let bound, let second = try parseBound() {
            throw LiteralError(.repeated(what: "bound", first: bound.text, second: second.text), at: second.offset)
        }
        let low = try parseOperand()
        var high: Operand?
        if skipRangeSeparator() {
            high = try parseOperand()
        }
        return try makeQuantity(bound: bound, low: low, high: high)
    }

    /// Fails unless every token was read; the error names the first unread token.
    func requireEnd() throws(LiteralError) {
        guard let token = current else { return }
        if let error = unknownWordError(token, atNumber: false) {
            throw error
        }
        throw LiteralError(
            .expected("the end of the literal", after: readText, found: String(token.text)), at: token.offset
        )
    }

    // MARK: Grammar

    /// "over", "more than", "at least", "≥", "~" … before the value.
    private mutating func parseBound() throws(LiteralError) -> Located<Bound>? {
        guard let token = current else { return nil }
        switch token.kind {
        case .comparison(let bound):
            advance()
            return Located(bound, at: token)
        case .tilde:
            advance()
            return Located(.about, at: token)
        case .word:
            switch token.meaning {
            case .bound(let bound):
                advance()
                return Located(bound, at: token)
            case .boundLead(let completions):
                advance()
                guard let next = current, next.kind == .word, let bound = completions[next.text.lowercased()] else {
                    let candidates = completions.keys.sorted()
                    let expected = candidates.map { "\"\($0)\"" }.joined(separator: " or ")
                    throw expectedError(expected, after: token, candidates: candidates)
                }
                advance()
                return Located(bound, text: text(from: token, to: next), offset: token.offset)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// One end of a range, or the whole value when there is no range.
    private mutating func parseOperand() throws(LiteralError) -> Operand {
        var sign = parseSign()
        let prefixCurrency = parsePrefixCurrency()
        if sign == nil { sign = parseSign() }

        guard let numberToken = current, case .number(let number) = numberToken.kind else {
            throw numberExpectedError()
        }
        if let problem = number.problem {
            throw LiteralError(problem, at: numberToken.offset)
        }
        advance()

        var operand = Operand(
            sign: sign, number: number, numberOffset: numberToken.offset,
            currency: prefixCurrency, valueText: String(numberToken.text)
        )
        if let scale = parseScale() {
            operand.scale = scale
            operand.valueText = text(from: numberToken, to: tokens[position - 1])
            if let second = parseScale() {
                throw LiteralError(.repeated(what: "scale word", first: scale.text, second: second.text), at: second.offset)
            }
        }
        if let token = current, token.kind == .plus {
            advance()
            operand.plus = Located((), at: token)
        }
        try parseSuffixes(into: &operand)
        return operand
    }

    /// A "-", "−", "–" or "+" glued to the number or currency symbol after it.
    private mutating func parseSign() -> Located<Bool>? {
        guard let token = current, let next = peek(1), token.touches(next) else { return nil }
        let isMinus: Bool
        switch token.kind {
        case .dash where Self.isMinusSign(token.text):
            isMinus = true
        case .plus:
            isMinus = false
        default:
            return nil
        }
        switch next.kind {
        case .number, .currencySymbol: break
        default: return nil
        }
        advance()
        return Located(isMinus, at: token)
    }

    /// The dashes that mean minus before a number (an em dash does not).
    private static func isMinusSign(_ text: Substring) -> Bool {
        switch text {
        case "-", "−", "–", "－", "﹣": true
        default: false
        }
    }

    /// A symbol ("$", "HK$") or a code-like word ("USD", "RMB") before the number.
    private mutating func parsePrefixCurrency() -> Located<Currency>? {
        guard let token = current else { return nil }
        switch token.kind {
        case .currencySymbol(let currency):
            advance()
            return Located(currency, at: token)
        case .word:
            if case .currency(let currency, prefix: true)? = token.meaning {
                advance()
                return Located(currency, at: token)
            }
            return nil
        default:
            return nil
        }
    }

    /// "k", "million", "bn", "万", "亿" … as a power of ten.
    private mutating func parseScale() -> Located<Int>? {
        guard let token = current, token.kind == .word,
              case .scale(let exponent)? = token.meaning else { return nil }
        advance()
        return Located(exponent, at: token)
    }

    /// Percent signs, currencies and periods after the number, in any order, each at most once.
    private mutating func parseSuffixes(into operand: inout Operand) throws(LiteralError) {
        while true {
            if let percent = parsePercent() {
                if let first = operand.percent {
                    throw LiteralError(.repeated(what: "percent sign", first: first.text, second: percent.text), at: percent.offset)
                }
                operand.percent = percent
            } else if let currency = parseSuffixCurrency() {
                if let first = operand.currency, first.value != currency.value {
                    throw LiteralError(
                        .conflictingCurrencies(first: first.text, first.value, second: currency.text, currency.value),
                        at: currency.offset
                    )
                }
                operand.currency = operand.currency ?? currency
            } else if let period = try parsePeriod() {
                if let first = operand.period {
                    throw LiteralError(.repeated(what: "period", first: first.text, second: period.text), at: period.offset)
                }
                operand.period = period
            } else {
                return
            }
        }
    }

    /// "%", "percent", "pct" or "per cent".
    private mutating func parsePercent() -> Located<Void>? {
        guard let token = current else { return nil }
        if token.kind == .percent || (token.kind == .word && token.meaning == .percent) {
            advance()
            return Located((), at: token)
        }
        if token.kind == .word, token.meaning == .per,
           let next = peek(1), next.kind == .word, next.text.lowercased() == "cent" {
            advance(by: 2)
            return Located((), text: text(from: token, to: next), offset: token.offset)
        }
        return nil
    }

    /// A currency after the number: "USD", "yuan", "元", "€".
    private mutating func parseSuffixCurrency() -> Located<Currency>? {
        guard let token = current else { return nil }
        let currency: Currency
        switch token.kind {
        case .currencySymbol(let symbolCurrency):
            currency = symbolCurrency
        case .word:
            guard case .currency(let wordCurrency, _)? = token.meaning else { return nil }
            currency = wordCurrency
        default:
            return nil
        }
        advance()
        return Located(currency, at: token)
    }

    /// "/month", "per month", "a month", "monthly", "/月".
    private mutating func parsePeriod() throws(LiteralError) -> Located<PayPeriod>? {
        guard let token = current else { return nil }
        let expected: String
        var candidates = Vocabulary.periodUnits
        switch token.kind {
        case .slash:
            expected = #"a period such as "month" or "year""#
        case .word:
            switch token.meaning {
            case .period(let period):
                advance()
                return Located(period, at: token)
            case .per:
                expected = #""cent" or a period such as "month" or "year""#
                candidates.append("cent")
            case .article:
                expected = #"a period such as "month" or "year""#
            default:
                return nil
            }
        default:
            return nil
        }
        advance()
        guard let unit = current, unit.kind == .word,
              case .periodUnit(let period)? = unit.meaning else {
            throw expectedError(expected, after: token, candidates: candidates)
        }
        advance()
        return Located(period, text: text(from: token, to: unit), offset: token.offset)
    }

    /// Reads "-", "–", "—", "~", "to" or "至" between the ends of a range.
    private mutating func skipRangeSeparator() -> Bool {
        guard let token = current else { return false }
        switch token.kind {
        case .dash, .tilde:
            break
        case .word where token.meaning == .rangeWord:
            break
        default:
            return false
        }
        advance()
        return true
    }

    // MARK: Errors

    /// Why there is no number here: nothing left, an unknown word, or some other token.
    private func numberExpectedError() -> LiteralError {
        guard let token = current else {
            if position == start { return LiteralError(.nothingToRead, at: 0) }
            return LiteralError(.expected("a number", after: readText, found: nil), at: tokens[position - 1].end)
        }
        if let error = unknownWordError(token, atNumber: true) {
            return error
        }
        return LiteralError(.expected(LiteralProblem.numberExamples, after: nil, found: String(token.text)), at: token.offset)
    }

    /// An error for the current token when it is a word outside the vocabulary: an unknown currency
    /// code ("XYZ") or a misspelling ("millon"). Where a number is expected (`atNumber`), a code must
    /// come before a number and a word must have a suggestion; otherwise the caller words the error.
    private func unknownWordError(_ token: LiteralToken, atNumber: Bool) -> LiteralError? {
        guard token.kind == .word, token.meaning == nil else { return nil }
        if Vocabulary.looksLikeCurrencyCode(token.text), !atNumber || peek(1)?.isNumberLike == true {
            let suggestion = Vocabulary.suggestedCurrencyCode(for: token.text)
            return LiteralError(.unknownCurrencyCode(String(token.text), suggestion: suggestion), at: token.offset)
        }
        let candidates = atNumber ? Vocabulary.leadingWords : Vocabulary.allWords
        let suggestion = Vocabulary.suggestion(for: token.text, among: candidates)
        if atNumber, suggestion == nil { return nil }
        return LiteralError(.unknownWord(String(token.text), suggestion: suggestion), at: token.offset)
    }

    /// `expected X after "per", found "Y"`, or a did-you-mean when Y is a misspelling of one of `candidates`.
    private func expectedError(
        _ expected: String, after connector: LiteralToken, candidates: [String]
    ) -> LiteralError {
        guard let found = current else {
            return LiteralError(.expected(expected, after: String(connector.text), found: nil), at: connector.end)
        }
        if found.kind == .word, found.meaning == nil,
           let suggestion = Vocabulary.suggestion(for: found.text, among: candidates) {
            return LiteralError(.unknownWord(String(found.text), suggestion: suggestion), at: found.offset)
        }
        return LiteralError(.expected(expected, after: String(connector.text), found: String(found.text)), at: found.offset)
    }

    // MARK: Cursor

    private var current: LiteralToken? { peek(0) }

    private func peek(_ distance: Int) -> LiteralToken? {
        position + distance < tokens.endIndex ? tokens[position + distance] : nil
    }

    private mutating func advance(by count: Int = 1) {
        position += count
    }

    /// The source text of everything read so far.
    var readText: String {
        guard position > start else { return "" }
        return text(from: tokens[start], to: tokens[position - 1])
    }

    /// The source text from the start of `first` to the end of `last`, spaces included.
    private func text(from first: LiteralToken, to last: LiteralToken) -> String {
        String(first.text.base[first.text.startIndex..<last.text.endIndex])
    }
}

extension LiteralToken {
    /// A number, or a sign or currency symbol that can start one.
    fileprivate var isNumberLike: Bool {
        switch kind {
        case .number, .currencySymbol, .dash, .plus: true
        default: false
        }
    }
}
